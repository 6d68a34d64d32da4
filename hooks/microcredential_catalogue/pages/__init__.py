"""Stage 6, pages: every page the data implies, in both languages.

Owns rendering through the Jinja templates in overrides/catalogue/, one module per page family
(home, catalogue, credentials, groups, editors, link builder), the page scripts joined for the
search pages, writing generated files only when they change, the Content-Security-Policy
of each finished page, and the theme's page cut at its texts to be filled for each credential.

May import: `search`, `checks`, `wording`, `model`, `reading`, `addresses`.
"""
