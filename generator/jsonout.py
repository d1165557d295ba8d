"""JSON text of every published JSON and JS data file: raw values, never raw markup.

`dumps()` is `json.dumps` (UTF-8 text, not ASCII-escaped) with `<`, `>`, `&` and U+2028/U+2029 written
as \\u escapes, as Jinja's `tojson` does: a parser reads exactly the same values, but no editor's
`</script><script>` survives as bytes in a file a browser might treat as HTML or inline script.
"""

from __future__ import annotations

import json
import re

_ESCAPES = str.maketrans({"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "\u2028": "\\u2028",
                          "\u2029": "\\u2029"})


_MARKUP = re.compile("[<>&\u2028\u2029]")


def dumps(value: object, **options: object) -> str:
    """`json.dumps(value, ensure_ascii=False, **options)` with markup characters escaped (outside strings JSON
    never holds them, so the translation touches string contents only; text without any is returned as is:
    `translate` costs more than the search)."""
    text = json.dumps(value, ensure_ascii=False, **options)  # type: ignore[arg-type]
    return text.translate(_ESCAPES) if _MARKUP.search(text) else text
