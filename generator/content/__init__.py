"""What editors write, read into the model: the content contract (`schema`), the YAML reader
(`yamlsrc`, `yamldepth`), loading a content root (`load`) into the typed model (`model`), portal
settings (`settings`), identifiers and namespaces, Vietnamese text (`vtext`), and what is generated
for editors from the schema (`newletter` for `new`, `reference`, `guide`). Nothing here checks a rule
across letters or reads a PDF: that is `generator.checks`.
"""
