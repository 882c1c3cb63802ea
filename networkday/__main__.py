"""Allows ``python -m networkday``; git's merge driver (``merge-file``) goes straight to its command."""

import sys

if len(sys.argv) == 6 and sys.argv[1] == "merge-file":
    from networkday.commands.merge_driver import drive

    raise SystemExit(drive(*sys.argv[2:]))

from networkday.cli import main

raise SystemExit(main())
