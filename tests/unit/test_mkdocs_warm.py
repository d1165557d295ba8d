"""site/mkdocs/warm.py: MkDocs' child started with the build, its theme's templates compiled while the content is
checked; a compiled template is taken only for the same source in the same compile settings."""

from __future__ import annotations

import os
import pickle
from pathlib import Path

import jinja2
import pytest

from generator import parallel
from generator.site import mkdocs as site_mkdocs
from generator.site.mkdocs import warm
from tests.helpers import children


def _compiled_after_warm_up() -> tuple[int, list[str]]:
    """In a child: warm up, then which of a page's templates a fresh theme environment still compiles."""
    from mkdocs.config import load_config

    count = warm.warm_up(site_mkdocs.MKDOCS_YML)
    docs = Path(os.environ["WARM_TEST_DOCS"])
    config = load_config(str(site_mkdocs.MKDOCS_YML), docs_dir=str(docs), site_dir=str(docs.parent / "site"))
    env = warm.attach(config.theme.get_env())
    compiled: list[str] = []
    real = env.compile

    def counted(source, name=None, filename=None, raw=False, defer_init=False):
        compiled.append(name)
        return real(source, name, filename, raw, defer_init)

    env.compile = counted
    for name in ("main.html", "404.html", "sitemap.xml", "base.html", "partials/header.html", "letter.html"):
        env.get_template(name)
    return count, compiled


def test_the_warm_up_compiles_the_templates_a_page_renders(tmp_path, monkeypatch):
    (tmp_path / "docs").mkdir()
    monkeypatch.setenv("WARM_TEST_DOCS", str(tmp_path / "docs"))
    count, compiled = parallel.in_child(_compiled_after_warm_up)
    assert count >= 30  # Material's base and partials, the site's own page templates
    assert compiled == []  # each taken from the warm-up, none compiled again


def _env(templates: dict[str, str], **settings) -> jinja2.Environment:
    return warm.attach(jinja2.Environment(loader=jinja2.DictLoader(templates), **settings))


def test_a_template_is_taken_only_for_the_same_source_and_compile_settings():
    source = "{% if x %}\n  {{ x }}\n{% endif %}\n"
    plain = _env({"t.html": source})
    assert plain.get_template("t.html").render(x="<b>") == "\n  <b>\n"
    trimmed = _env({"t.html": source}, trim_blocks=True, lstrip_blocks=True, autoescape=True)
    assert trimmed.get_template("t.html").render(x="<b>") == "  &lt;b&gt;\n"  # its own code, not plain's
    changed = _env({"t.html": "[{{ x }}]"})
    assert changed.get_template("t.html").render(x="y") == "[y]"  # another source: compiled again
    again = _env({"t.html": source})
    assert again.get_template("t.html").render(x="z") == "\n  z\n"
    assert warm.flavour(plain) == warm.flavour(again) != warm.flavour(trimmed)


def _job(value: str) -> str:
    if value == "fail":
        raise ValueError("the job failed")
    return value.upper()


@pytest.mark.skipif(not hasattr(os, "fork") or parallel.workers() < 2, reason="no child without fork and 2 workers")
def test_the_warm_child_runs_its_job_or_ends_unused_leaving_no_process():
    others = set(children())  # what earlier tests of this session left running (a browser driver)
    unpicklable = warm.prepare(site_mkdocs.MKDOCS_YML)
    assert unpicklable is not None
    with pytest.raises((AttributeError, TypeError, pickle.PicklingError)):
        unpicklable.send(lambda: None)  # raised here, before anything is sent
    unpicklable.cancel()  # (as the build's `finally` does)
    assert set(children()) == others
    ready = warm.prepare(site_mkdocs.MKDOCS_YML)
    assert ready.send(_partial("done")).result() == "DONE"
    ready.cancel()  # after its job: nothing to end
    failing = warm.prepare(site_mkdocs.MKDOCS_YML)
    with pytest.raises(ValueError, match="the job failed"):
        failing.send(_partial("fail")).result()
    unused = warm.prepare(site_mkdocs.MKDOCS_YML)
    unused.cancel()
    assert set(children()) == others


def _partial(value: str):
    from functools import partial

    return partial(_job, value)
