"""Stage 8, building: one whole build, and replacing a published site only with a build that succeeded.

Owns the build that loads and checks the data once, then plans pages, search files and shared
files, and the swap of the built folder into place.

May import: every other stage. Only the CLI and the MkDocs adapter import it.
"""
