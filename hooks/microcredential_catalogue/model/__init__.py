"""Stage 2, model: the catalogue as typed, frozen objects.

Owns credentials, providers, bilingual texts and partial dates, ids and keys, the facet
registry and its groups, the records due for a new check, and the field documentation read
from the record schema. Built from data that the checks have passed; knows nothing of how
problems are found or how pages look.

May import: `reading`, `addresses`.
"""
