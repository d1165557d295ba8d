"""A page taken from the previous site is kept out of MkDocs; the sitemap lists it (site/mkdocs/reuse.py
`_Taken`) with what `File` and `Page.__init__` give it, without their cost: the same site file, URL, canonical
URL, path and build date for every kind of URL and site_url, with and without directory URLs."""

from __future__ import annotations

import itertools

import pytest

pytest.importorskip("mkdocs")

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File
from mkdocs.structure.pages import Page

from generator.site.mkdocs import reuse

SITE_URLS = (None, "", "https://x.example", "https://x.example/", "https://x.example/sub", "http://h:8080/a/b/",
             "https://x.example/đường dẫn/")
SOURCES = ("index.md", "a.md", "a/index.md", "letters/2026/so-tnmt/2026-11-0001/index.md", "thu-tuc/a.b.md",
           "reports/2026-q3/index.md", "x/%41.md", "tìm-kiếm/index.md", "a b/c d.md", "-x/_y.md", "~u/v.md")


def _config(site_url, use_directory_urls: bool) -> MkDocsConfig:
    config = MkDocsConfig()
    config.load_dict({"site_name": "t", "site_url": site_url, "use_directory_urls": use_directory_urls,
                      "docs_dir": "/tmp/none", "site_dir": "/tmp/none-site"})
    config.validate()
    return config


@pytest.mark.parametrize(("site_url", "directory_urls"), list(itertools.product(SITE_URLS, (True, False))))
def test_a_taken_page_has_the_urls_and_date_of_a_page(site_url, directory_urls, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1780000000")
    from mkdocs.utils import get_build_date

    config = _config(site_url, directory_urls)
    for src in (*SOURCES, "README.md", "a/README.md", "a/b/c.md"):
        page = Page(None, File(src, "/tmp/none", config.site_dir, directory_urls), config)
        taken = reuse._Taken(src, directory_urls, config.get("site_url"), get_build_date())
        assert (taken.dest_uri, taken.url, taken.canonical_url, taken.abs_url, taken.update_date) == \
            (page.file.dest_uri, page.url, page.canonical_url, page.abs_url, page.update_date), src
        assert taken.page is taken and not taken.is_link and taken.src_uri == src


def _old_walk_key(src_uri: str) -> tuple:
    """The walk key as first written (tuples), which the string form must order the same way."""
    import os

    *folders, name = src_uri.split("/")
    return (*((1, folder) for folder in folders), (0, os.path.splitext(name)[0] not in ("index", "README"), name))


def test_the_walk_key_orders_files_as_the_docs_walk_does():
    names = ["index.md", "README.md", "a.md", "b.md", "Z.md", "a-b.md", "a.b.md", "10.md", "2.md", "đ.md", "index.html",
             "x.json", "index"]
    folders = ["", "a/", "a/b/", "a-b/", "A/", "a/index/", "letters/2026/so-tnmt/", "đ/", "a.b/"]
    paths = [folder + name for folder in folders for name in names]
    assert sorted(paths, key=reuse._walk_key) == sorted(paths, key=_old_walk_key)
