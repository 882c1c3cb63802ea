"""Allows ``python -m networkday``."""

from networkday.cli import main

raise SystemExit(main())
