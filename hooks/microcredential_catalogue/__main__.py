"""`python -m microcredential_catalogue check`: the same as the `catalogue` command."""

import sys

from .cli import main

sys.exit(main())
