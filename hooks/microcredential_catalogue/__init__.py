"""The catalogue core: read, check, model, word, index, render and share credential records.

Plain Python with no MkDocs import, so the site generator can change without touching it.
`hooks/mkdocs_catalogue.py` is the only place that knows about MkDocs.

One folder per stage of a build, in the order data flows through them; a module imports only
from its own stage and the stages before it (tests/test_layout.py enforces it):

    reading → model → wording → checks → search → pages → sharing → building → editing

`addresses.py` (every page's path and URL) sits below them all; `cli.py` (the `catalogue`
command) above them all.
"""

# The stage folders, earliest first. A module may import from its own stage and earlier ones.
STAGES = ("reading", "model", "wording", "checks", "search", "pages", "sharing", "building", "editing")
# Modules outside the stage folders: the one below them all, and the command above them all.
BELOW_STAGES = ("addresses",)
ABOVE_STAGES = ("cli", "__main__", "__init__")
