"""Integrity of the registries: references between agencies, levels, cycles, validity windows."""

from __future__ import annotations

from generator.content.load import Loaded
from generator.content.model import Agency, Portal
from generator.content.namespaces import shared_code_problems, unknown_agency
from generator.problems import Problem, make

REFERENCES = ("parent", "tracked_by", "successor")


def check_registries(loaded: Loaded, portal: Portal) -> list[Problem]:
    """Problems in agencies.yml beyond its schema: unknown references, levels, cycles, windows."""
    problems: list[Problem] = []
    agencies = loaded.agencies
    for code, agency in agencies.items():
        lines = loaded.agency_lines.get(code, {})
        at = _field_path(loaded, code)
        for ref, target in _references(agency):
            if target not in agencies and target not in loaded.broken_agencies:
                problems.append(unknown_agency(target, agencies, "registry-unknown-ref", "agencies.yml", lines.get(ref),
                                               at(ref), code=target))
        if loaded.levels and agency.level not in loaded.levels:
            problems.append(make("registry-unknown-level", "agencies.yml", lines.get("level"), at("level"),
                                 level=agency.level))
        if agency.valid_from and agency.valid_to and agency.valid_from > agency.valid_to:
            problems.append(make("registry-bad-window", "agencies.yml", lines.get("valid_to"), at("valid_to")))
    problems += _cycles(loaded)
    if problems:
        loaded.registries_ok = False
    return problems + shared_code_problems(agencies, loaded.agency_lines, loaded.agency_index)


def _references(agency: Agency) -> list[tuple[str, str]]:
    """(field, code) of every agency an entry names: single references, successors, dated periods."""
    out = [(ref, getattr(agency, ref)) for ref in REFERENCES if getattr(agency, ref) is not None]
    out += [("successors", code) for code in agency.successors]
    out += [(name, period["value"]) for name in ("parent_periods", "tracked_by_periods")
            for period in getattr(agency, name) if "value" in period]
    return out


def _cycles(loaded: Loaded) -> list[Problem]:
    problems = []
    reported: set[str] = set()
    for start in loaded.agencies:
        chain: list[str] = []
        code: str | None = start
        while code is not None and code in loaded.agencies and code not in chain:
            chain.append(code)
            code = loaded.agencies[code].parent
        if code in chain and code not in reported:
            cycle = chain[chain.index(code):]
            reported.update(cycle)
            line = loaded.agency_lines.get(code, {}).get("parent")
            problems.append(make("registry-cycle", "agencies.yml", line, _field_path(loaded, code)("parent"),
                                 cycle=" → ".join([*cycle, code])))
    return problems


def _field_path(loaded: Loaded, code: str):
    """`name -> "agencies.<i>.name"` for the entry of agency `code` (the dotted path other problems use)."""
    index = loaded.agency_index.get(code)
    return lambda name: f"agencies.{index}.{name}" if index is not None else name
