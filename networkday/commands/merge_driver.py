"""`networkday merge-file BASE OURS THEIRS PATH`: git's merge driver, one process per record both sides changed.

``python -m networkday merge-file`` comes straight here (see ``__main__``), past the
command line's parser and the store, so a merge of many records pays about a third of a
plain command's start-up per file.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from networkday.clock import clock_from_environ
from networkday.domain.text import escape_name
from networkday.storage.merge_files import ProblemError, StoreError, line_merge, merge_files


def drive(base: str, ours: str, theirs: str, path: str) -> int:
    """Exit 0 with the merge in OURS; 1, after a located message, with git's own line merge there instead."""
    origin = os.environ.get("NETWORKDAY_MERGE_FROM") or "the other side"
    try:
        conflicts = merge_files(Path(base), Path(ours), Path(theirs), path, origin, clock_from_environ().now())
    except StoreError as error:
        said = str(error.problem) if isinstance(error, ProblemError) else escape_name(str(error))
        print(f"networkday: {said}; left to git's line merge", file=sys.stderr)
        line_merge(Path(base), Path(ours), Path(theirs))
        return 1
    except (OSError, ValueError) as error:
        print(f"networkday: {escape_name(path)}: cannot merge: {escape_name(str(error))}", file=sys.stderr)
        return 2
    if conflicts:
        print(
            f"networkday: {escape_name(path)}: {conflicts} value(s) changed on both sides; see [[conflict]]",
            file=sys.stderr,
        )
    return 0
