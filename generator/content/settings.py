"""portal.yml settings that reach pages, feeds, the MkDocs config and scripts: URLs are data, never markup.

`clean_url(value)` parses a base URL and writes it again from its parts: http or https only, a host
name (IDNA-encoded), an optional port and path, nothing else (no user info, query, fragment), and
none of the characters that could end an attribute or open a tag (quotes, angle brackets, backslash,
whitespace, controls). The path's other non-ASCII or reserved characters are percent-encoded, so the
value every template prints is the re-serialised one. Text settings are bounded by the schema
(`max_length`) and escaped by every template.
"""

from __future__ import annotations

import re
from urllib.parse import quote, urlsplit

from generator import fieldchars
from generator.problems import Problem, make
from generator.strings.problems_fields import URL_REASONS

URL_FIELDS = ("site_url", "pdf_base_url")
_NEVER = re.compile(r"""[\s"'<>\\`{}|^\x00-\x1f\x7f]""")
_HOST = re.compile(r"^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*$")
_BAD_PERCENT = re.compile(r"%(?![0-9A-Fa-f]{2})")
_PATH_SAFE = "/%-._~!$()*+,;=:@"  # RFC 3986 pchar without '&' and "'" (kept out of HTML attributes)


def clean_url(value: str) -> tuple[str | None, str | None]:
    """(the URL re-serialised, None) or (None, the Vietnamese reason it is refused)."""
    bad = _NEVER.search(value) or _forbidden(value)
    if bad:
        return None, URL_REASONS["char"].format(char=f"U+{ord(bad.group()):04X} '{bad.group().strip() or ' '}'")
    try:
        parts = urlsplit(value)
        port = parts.port
    except ValueError:
        return None, URL_REASONS["port"]
    if parts.scheme.lower() not in ("http", "https") or not value.lower().startswith(parts.scheme.lower() + "://"):
        return None, URL_REASONS["scheme"]
    if "@" in parts.netloc:
        return None, URL_REASONS["userinfo"]
    if parts.query or parts.fragment or "?" in value or "#" in value:
        return None, URL_REASONS["query"]
    host = _host(parts.hostname or "")
    if host is None:
        return None, URL_REASONS["host"]
    if _BAD_PERCENT.search(parts.path):
        return None, URL_REASONS["percent"]
    path = quote(parts.path, safe=_PATH_SAFE) or "/"
    return f"{parts.scheme.lower()}://{host}{f':{port}' if port is not None else ''}{path}", None


def _forbidden(value: str) -> re.Match | None:
    """The first invisible or control character of `value` (generator/fieldchars.py), as a match."""
    for index, _ in fieldchars.scan(value):
        return re.compile(".", re.S).match(value, index)
    return None


def _host(name: str) -> str | None:
    """The host name in ASCII (IDNA for Vietnamese domain names), or None when it is not one."""
    try:
        ascii_name = name.encode("idna").decode("ascii") if not name.isascii() else name
    except UnicodeError:
        return None
    ascii_name = ascii_name.lower().rstrip(".")
    return ascii_name if len(ascii_name) <= 253 and _HOST.match(ascii_name) else None


def url_problems(values: dict, lines: dict[str, int]) -> list[Problem]:
    """Problems of portal.yml's URLs; each accepted URL is replaced in `values` by its re-serialised form."""
    found = []
    for name in URL_FIELDS:
        url = values.get(name)
        if not url:
            continue
        clean, reason = clean_url(url)
        if clean is None:
            found.append(make("portal-bad-url", "portal.yml", lines.get(name), name, value=url, reason=reason))
            values.pop(name)
        else:
            values[name] = clean
    return found
