"""Everything written into the site: letter, agency, listing and home pages (`letters`, `agencies`,
`home`, run by `docs.render_docs`), the report pages (`reports/`), open data, feeds, the sitemap, the
citizen search (`search/`) and the MkDocs adapter (`mkdocs/`). `common` (the `Site` context, the Jinja
environment, formatting, writing pages) and `charts` are shared by every writer. Nothing is imported
here: importing `generator.site.common` must not load the writers (they import it).
"""
