"""Contacts a citizen can act on: a contact line split into text, `tel:` and `mailto:` parts, and
whom to contact about a dossier code (its agency, found from the code's prefix, and the unit that
tracks that agency)."""

from __future__ import annotations

import re

from generator.figures.compliance import tracker_of
from generator.content.model import Content

_EMAIL = re.compile(r"^[\w.+-]+@[\w-]+(?:\.[\w-]+)+$")
_PHONE = re.compile(r"^\+?[\d .()-]{8,}$")
_SPLIT = re.compile(r"\s*[,;]\s*")


def contact_parts(contact: str) -> list[dict[str, str]]:
    """`"Trung tâm X, 0261 3 999 111, tthcc@x.vn"` -> [{"text": "Trung tâm X"},
    {"text": "0261 3 999 111", "href": "tel:02613999111"}, {"text": "tthcc@x.vn", "href": "mailto:tthcc@x.vn"}]."""
    parts = []
    for piece in _SPLIT.split(contact.strip()):
        if not piece:
            continue
        if _EMAIL.match(piece):
            parts.append({"text": piece, "href": "mailto:" + piece})
        elif _PHONE.match(piece) and sum(c.isdigit() for c in piece) >= 8:
            digits = ("+" if piece.startswith("+") else "") + "".join(c for c in piece if c.isdigit())
            parts.append({"text": piece, "href": "tel:" + digits})
        else:
            parts.append({"text": piece})
    return parts


def agency_contacts(content: Content) -> dict[str, dict]:
    """Agency code -> {name, contact parts, tracker}: what the not-found answer shows for a code's agency."""
    used = {x.agency for x in content.letters}
    wanted = set(used) | {t for t in (tracker_of(content.agencies, c) for c in used) if t}
    out = {}
    for code in sorted(wanted):
        agency = content.agencies.get(code)
        if agency is None:
            continue
        entry: dict = {"name": agency.name, "contact": contact_parts(agency.contact) if agency.contact else []}
        tracker = tracker_of(content.agencies, code)
        if tracker and tracker != code:
            entry["tracker"] = tracker
        out[code] = entry
    return out
