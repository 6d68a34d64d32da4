"""Stage 7, sharing: what learning networks pass on, beside the pages.

Owns the share box of a credential page, link-preview images, QR codes, Atom feeds, JSON-LD,
and the open-data exports (JSON, CSV, calendars), all made from one ShareContext.

May import: `pages`, `search`, `checks`, `wording`, `model`, `reading`, `addresses`.
"""
