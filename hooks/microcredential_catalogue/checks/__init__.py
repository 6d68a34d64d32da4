"""Stage 4, checks: every rule a data file must follow, and the turn from files to a Catalogue.

Owns the rules of each kind of data file (credentials, providers, taxonomies, the site's
settings), the rules across files (one record per address, stacks that exist), published ids
that must stay alive (`published_ids`: compared with the base branch or a previous build), and the
orchestrator that reads every file, collects every problem, and only then builds the model.
The checks sit above the model because they build it: the model never knows it was checked.

May import: `wording`, `model`, `reading`, `addresses`.
"""
