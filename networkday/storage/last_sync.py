"""This machine's record of its last sync of a data folder, kept in the XDG state folder, never in the synced folder.

A record inside the data folder would dirty the work tree it describes (and conflict on
every sync between machines, as Obsidian-git's state file did). So ``last_sync.json``
lives beside ``reminded.json`` in ``machine_local.machine_dir``: when the last sync ran
here and how it ended. The command and the app both write it through ``services.sync_state``.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from datetime import datetime
from pathlib import Path

from networkday.domain.sync_state import OUTCOMES, LastSync
from networkday.storage.atomic import ensure_dir, write_atomic
from networkday.storage.machine_local import machine_dir, read_json
from networkday.storage.problems import StoreError


class LastSyncRecord:
    """The record for the data folder ``root``: read, written whole (one writer's line wins, the newest)."""

    def __init__(self, root: Path, environ: Mapping[str, str] | None = None) -> None:
        self.path = machine_dir(root, environ) / "last_sync.json"

    def mark(self) -> tuple[int, int] | None:
        """The file's time and size (one stat): a change means a sync was recorded meanwhile."""
        try:
            stat = self.path.stat()
        except OSError:
            return None
        return stat.st_mtime_ns, stat.st_size

    def read(self) -> tuple[LastSync | None, str | None]:
        """The last sync, or None when none ran here; with a located line when the file is damaged."""
        try:
            text = self.path.read_text("utf-8")
        except FileNotFoundError:
            return None, None
        except (OSError, UnicodeDecodeError) as error:
            why = error.strerror if isinstance(error, OSError) and error.strerror else str(error)
            return None, f"{self.path}: cannot be read ({why})"
        table, damage = read_json(self.path, text)
        if damage is not None:
            return None, f"{damage}; the next sync writes it again"
        return _last(table, self.path)

    def write(self, last: LastSync) -> None:
        data = {"version": 1, "at": last.at.isoformat(timespec="seconds"), "outcome": last.outcome}
        data["detail"] = last.detail
        try:
            ensure_dir(self.path.parent)
            write_atomic(self.path, (json.dumps(data, indent=1, ensure_ascii=False) + "\n").encode("utf-8"))
        except OSError as error:
            raise StoreError(f"{self.path}: cannot record the sync: {error.strerror or error}") from None


def _last(table: object, path: Path) -> tuple[LastSync | None, str | None]:
    if not isinstance(table, dict):
        return None, f"{path}: not a JSON object; the next sync writes it again"
    at, outcome, detail = table.get("at"), table.get("outcome"), table.get("detail", "")
    try:
        when = datetime.fromisoformat(at) if isinstance(at, str) else None
    except ValueError:
        when = None
    if when is None or when.tzinfo is None:
        return None, f"{path}: 'at' is not an instant with an offset; the next sync writes it again"
    if outcome not in OUTCOMES:
        return None, f"{path}: 'outcome' is not one of {', '.join(OUTCOMES)}; the next sync writes it again"
    return LastSync(when, outcome, detail if isinstance(detail, str) else ""), None
