"""JSON text of every published JSON and JS data file: raw values, never raw markup.

`dumps()` is `json.dumps` (UTF-8 text, not ASCII-escaped) with `<`, `>`, `&` and U+2028/U+2029 written
as \\u escapes, as Jinja's `tojson` does: a parser reads exactly the same values, but no editor's
`</script><script>` survives as bytes in a file a browser might treat as HTML or inline script.
"""

from __future__ import annotations

import json

_ESCAPES = str.maketrans({"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "\u2028": "\\u2028",
                          "\u2029": "\\u2029"})


def dumps(value: object, **options: object) -> str:
    """`json.dumps(value, ensure_ascii=False, **options)` with markup characters escaped (outside strings JSON
    never holds them, so the translation touches string contents only)."""
    return json.dumps(value, ensure_ascii=False, **options).translate(_ESCAPES)  # type: ignore[arg-type]
