"""The MkDocs adapter: the hooks mkdocs.yml loads (`hooks`, `chrome`)."""
