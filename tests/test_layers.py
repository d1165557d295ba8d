"""Layering as a test: the import-linter contracts (.importlinter), no package __init__ that pulls its own
submodules back in through another module, and every function-level import of our own code has a reason."""

from __future__ import annotations

import ast
import fnmatch
import subprocess
import sys
from pathlib import Path

import grimp
import pytest

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "generator"

LINT = ("import sys; from importlinter.cli import lint_imports; "
        "sys.exit(lint_imports(config_filename='.importlinter', no_cache=True, no_logo=True))")
CLI_START_UP = "CLI start-up: a command loads the stages it runs only when it runs (`--help` stays fast)"
PDF_LIBRARIES = "the PDF gate's libraries (pypdf, pypdfium2, pyHanko) load only when PDFs are checked"
# (importer, imported, why): importer and imported are fnmatch patterns of module names.
FUNCTION_LEVEL_IMPORTS = [
    ("generator.commands*", "generator*", CLI_START_UP),
    ("generator.checks.orchestrator", "generator.checks.pdfs", PDF_LIBRARIES),
    ("generator.checks.orchestrator", "generator.checks.record",
     "the public record is read after the letters are checked"),
    ("generator.checks.orchestrator", "generator.checks.record_memo",
     "the public record's memo, with the record (it imports it)"),
    ("generator.checks.orchestrator", "generator.checks.register",
     "the register (CSV) is read only when the portal exists"),
    ("generator.checks.pdfs", "generator.checks.pdfgate*", PDF_LIBRARIES),
    ("generator.checks.pdfgate.worker", "generator.checks.pdfgate.inspect",
     "fork safety: a worker imports the parsers only after confining itself (limits, no network)"),
    ("generator.checks.pdfgate.worker", "generator.checks.pdfgate.ocr",
     "fork safety: the worker finds Tesseract and hashes its models before confining itself"),
    ("generator.checks.pdfgate.inspect", "generator.checks.pdfgate.signatures", "pyHanko loads only for a signed PDF"),
    ("generator.checks.pdfgate.judge", "generator.checks.privacy",
     "the privacy scan loads only when a text layer is judged"),
]


def test_import_contracts_are_kept():
    """In a child process: import-linter's logging set-up disables the loggers that exist (MkDocs' strict
    mode counts warnings through its logger, so a later build in this process would pass them)."""
    run = subprocess.run([sys.executable, "-c", LINT], cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, run.stdout + run.stderr
    assert "Contracts: 4 kept, 0 broken." in run.stdout


@pytest.fixture(scope="module")
def graph() -> grimp.ImportGraph:
    return grimp.build_graph("generator", cache_dir=None)


def test_no_package_init_imports_back_into_its_package(graph):
    """Importing `p.x` runs `p/__init__.py` first: if it imports a module outside `p` that imports `p.x`
    (directly or not), the import order decides whether it works (the render → feeds → render.common cycle)."""
    loops = []
    for package in sorted(m for m in graph.modules if (PACKAGE / Path(*m.split(".")[1:]) / "__init__.py").is_file()):
        inside = graph.find_descendants(package)
        for other in sorted(graph.find_modules_directly_imported_by(package) - inside - {package}):
            chain = next((graph.find_shortest_chain(other, m) for m in sorted(inside)
                          if graph.chain_exists(importer=other, imported=m)), None)
            if chain:
                loops.append((package, *chain))
    assert loops == []


def is_module(name: str) -> bool:
    """True when `name` is a module or package of ours (`from generator import pdfgate` imports one)."""
    path = ROOT.joinpath(*name.split("."))
    return path.with_suffix(".py").is_file() or (path / "__init__.py").is_file()


def function_level_imports() -> list[tuple[str, str, int]]:
    """(importer, imported module, line) of every import of `generator` code inside a function."""
    found = []
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = path.relative_to(ROOT).with_suffix("").parts
        module = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
        for fn in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(fn, ast.FunctionDef | ast.AsyncFunctionDef):
                continue
            for node in ast.walk(fn):
                if isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                    names = [f"{node.module}.{alias.name}" if is_module(f"{node.module}.{alias.name}")
                             else node.module for alias in node.names]
                elif isinstance(node, ast.Import):
                    names = [alias.name for alias in node.names]
                else:
                    continue
                found += [(module, name, node.lineno) for name in names if name.split(".")[0] == "generator"]
    return found


def test_every_function_level_import_of_our_code_has_a_reason():
    found = function_level_imports()
    assert any(importer == "generator.checks.pdfgate.worker" for importer, _, _ in found)  # the scan sees them
    unexplained = [item for item in found if not any(
        fnmatch.fnmatchcase(item[0], importer) and fnmatch.fnmatchcase(item[1], imported)
        for importer, imported, _ in FUNCTION_LEVEL_IMPORTS)]
    assert unexplained == [], "import at module level, or add the pair and its reason to FUNCTION_LEVEL_IMPORTS"
    unused = [rule for rule in FUNCTION_LEVEL_IMPORTS if not any(
        fnmatch.fnmatchcase(importer, rule[0]) and fnmatch.fnmatchcase(imported, rule[1])
        for importer, imported, _ in found)]
    assert unused == []


ADAPTER = "generator.site.mkdocs"


def test_only_the_mkdocs_adapter_imports_mkdocs_or_material():
    """Every use of MkDocs or Material internals is in one package (generator/site/mkdocs/): the version guard
    there covers them all. (A grimp graph with external packages: import-linter's forbidden contracts cannot
    say "everything but one package" without listing every other module.)"""
    external = grimp.build_graph("generator", include_external_packages=True, cache_dir=None)
    importers = {(name, module) for name in ("mkdocs", "material") if name in external.modules
                 for module in external.find_modules_that_directly_import(name)}
    assert any(module.startswith(f"{ADAPTER}.") for _, module in importers)  # the scan sees the adapter's hooks
    assert sorted(item for item in importers if item[1] != ADAPTER and not item[1].startswith(f"{ADAPTER}.")) == []


def test_the_adapter_guards_the_pinned_versions(monkeypatch):
    """The versions the fast path accepts are the ones requirements.txt installs (a bump means re-checking the
    hooks against the new internals, then changing PINNED); other versions take the public path."""
    from generator.site import mkdocs as adapter

    pins = dict(line.split("==") for line in (ROOT / "requirements.txt").read_text().splitlines()
                if line.split("==")[0] in adapter.PINNED)
    assert pins == adapter.PINNED
    assert adapter.mismatches(adapter.installed_versions()) == ()
    newer = {**adapter.PINNED, "mkdocs-material": "9.9.0"}
    assert adapter.mismatches(newer) == (("mkdocs-material", "9.9.0", adapter.PINNED["mkdocs-material"]),)
    assert adapter.mismatches({}) == tuple((name, None, pin) for name, pin in adapter.PINNED.items())
    monkeypatch.delenv(adapter.PUBLIC_ENV, raising=False)
    assert adapter.choose(None, ()) == adapter.Outcome(fast=True)
    monkeypatch.setenv(adapter.PUBLIC_ENV, "1")
    assert adapter.choose(None, ()) == adapter.Outcome(fast=False)
    assert adapter.choose(True, adapter.mismatches(newer)) == adapter.Outcome(False, adapter.mismatches(newer))
    assert adapter.choose(False, ()) == adapter.Outcome(fast=False)
