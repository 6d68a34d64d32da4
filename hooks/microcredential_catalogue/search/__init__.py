"""Stage 5, search: what a learner's words find.

Owns how text becomes search words (the same rules as the browser's), the synonyms of
data/synonyms.yml, the sharded index and card files, and the Python twin of the browser's
query, which the relevance suite runs.

May import: `checks`, `wording`, `model`, `reading`, `addresses`.
"""
