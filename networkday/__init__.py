"""networkday: a keyboard-driven daily planner for a job search that runs on networking."""

import sys

__version__ = "0.1.0"

if sys.platform == "win32":  # before any module that needs POSIX is imported: one line, not a traceback
    # Exit 2, as for the app without a terminal: networkday cannot run here, whatever the data.
    sys.stderr.write(
        "networkday: Windows is not supported: the data folder's lock (fcntl) and safe writes "
        "(fsync of a folder) need a POSIX system; run networkday in WSL\n"
    )
    raise SystemExit(2)
