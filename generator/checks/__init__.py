"""Every rule over the content: `orchestrator.check_content` runs them all and returns a `CheckResult`.

One module per rule family (`letters`, `registries`, `reform`, `pdfs`, `dateranges`), the PDF gate
(`pdfgate/`), privacy (`privacy`, `privacy_names`, `privacy_text`), the public record (`record`,
`record_fields`, `record_publish`), the register import (`register`), the caches' own checks
(`cachecheck`) and the pull-request review (`review`). Nothing is imported here: the site imports
`checks.pdfgate.facts` (the typed PDF facts) without loading the checks.
"""
