"""The catalogue core: load, validate, model, group, index and render credential records.

Plain Python with no MkDocs import, so the site generator can change without touching it.
`hooks/mkdocs_catalogue.py` is the only place that knows about MkDocs.
"""
