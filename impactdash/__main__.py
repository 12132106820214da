"""Entry point of ``python -m impactdash``."""

import sys

from impactdash.cli import main

sys.exit(main())
