"""Render the site's pages (letters, agencies, listings, home) and the parts every site writer shares.

`common` (the `Site` context, the Jinja environment, formatting, writing pages) and `charts` are used by
the report pages, open data and feeds too; `docs.render_docs` runs every writer. Nothing is imported here:
importing `generator.render.common` must not load the writers (they import it).
"""
