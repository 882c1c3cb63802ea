"""State that belongs to this machine, not to the data folder: kept in the XDG state folder, keyed by the data folder.

A data folder may be a git repository synced between machines; what one machine has
already reminded its user of must neither dirty that folder nor silence a reminder on
another machine. So it lives under ``$XDG_STATE_HOME/networkday/folders/`` (the platform's
state folder elsewhere), in a folder named after the data folder's resolved path.
``reminded.json`` there is the set of reminders given (``networkday remind`` and the
app's bell share it), each with the instant it was last due, dropped 30 days after that.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
from collections.abc import Iterable, Mapping
from datetime import datetime, timedelta
from pathlib import Path

from networkday.storage.atomic import ensure_dir, write_atomic
from networkday.storage.lock import folder_lock
from networkday.storage.problems import StoreError

#: How long a reminder is remembered after it was last due: its key names a day, and a call
#: or follow-up no longer due past that can never come again.
KEPT = timedelta(days=30)
#: How old a stamp may grow while its reminder is still due before a claim moves it on.
_RESTAMP = timedelta(days=7)
_NAME = re.compile(r"[^A-Za-z0-9._-]+")


def machine_dir(root: Path, environ: Mapping[str, str] | None = None) -> Path:
    """This machine's folder for the data folder ``root``: the same for every spelling of its path."""
    env = os.environ if environ is None else environ
    xdg = env.get("XDG_STATE_HOME", "")
    if xdg and Path(xdg).is_absolute():
        base = Path(xdg) / "networkday"
    else:
        import platformdirs

        base = Path(platformdirs.user_state_dir("networkday", appauthor=False))
    resolved = str(root.expanduser().resolve())
    digest = hashlib.sha256(resolved.encode("utf-8", "surrogateescape")).hexdigest()[:16]
    name = _NAME.sub("-", root.resolve().name)[:40] or "root"
    return base / "folders" / f"{name}-{digest}"


class Reminded:
    """The reminders given on this machine for one data folder, by key (``domain.reminders``)."""

    def __init__(self, root: Path, environ: Mapping[str, str] | None = None) -> None:
        #: The data folder these reminders are for.
        self.root = root
        folder = machine_dir(root, environ)
        self.path = folder / "reminded.json"
        self._lock = folder / "reminded.lock"
        #: What could not be read in the file, said once; the file is then begun again.
        self.warning: str | None = None

    def keys(self) -> frozenset[str]:
        """The keys already reminded; none when the file is missing or damaged (see ``warning``)."""
        return frozenset(self._read())

    def claim(self, keys: Iterable[str], now: datetime) -> list[str]:
        """Remembers ``keys`` as reminded at ``now`` and gives those no process had given before.

        Under the lock the file is read again, only the keys not in it are added and
        returned, and what another process added meanwhile is kept: two `remind` runs from
        cron at once, or one and the app ringing in the same second, give each reminder once.
        """
        wanted = list(dict.fromkeys(keys))
        if not wanted:
            return []
        try:
            ensure_dir(self.path.parent)
            with folder_lock(self._lock):
                given = self._read()
                fresh = [key for key in wanted if key not in given]
                # an overdue follow-up is due on every run: its stamp moves on (a week at a time,
                # so cron does not write each run) and it is never dropped, so never given twice
                still_due = [key for key in wanted if key in given and _older(given[key], now, _RESTAMP)]
                if fresh or still_due:
                    given.update(dict.fromkeys([*fresh, *still_due], now.isoformat(timespec="seconds")))
                    kept = {key: at for key, at in given.items() if not _stale(at, now)}
                    data = json.dumps({"version": 1, "reminded": kept}, indent=1, sort_keys=True) + "\n"
                    write_atomic(self.path, data.encode("utf-8"))
                return fresh
        except OSError as error:
            raise StoreError(f"{self.path}: cannot remember the reminders given: {error.strerror or error}") from None

    def _read(self) -> dict[str, str]:
        try:
            text = self.path.read_text("utf-8")
        except FileNotFoundError:
            return {}
        except (OSError, UnicodeDecodeError) as error:
            self.warning = f"{self.path}: cannot be read ({_why(error)}); reminders already given may come again"
            return {}
        table, why = read_json(self.path, text)
        if why is not None:
            self.warning = f"{why}; begun again"
            return {}
        given = table.get("reminded") if isinstance(table, dict) else None
        if not isinstance(given, dict):
            self.warning = f"{self.path}: no 'reminded' table; begun again"
            return {}
        return {str(key): str(at) for key, at in given.items()}


def read_json(path: Path, text: str) -> tuple[object, str | None]:
    """The file's JSON, or why not in one line, located where the parser says.

    Besides a syntax error, ``json`` raises RecursionError on arrays nested thousands deep
    and ValueError on a number of more than 4,300 digits: damage, said as such, never a traceback.
    """
    try:
        return json.loads(text), None
    except json.JSONDecodeError as error:
        return None, f"{path}:{error.lineno}:{error.colno}: {error.msg}"
    except RecursionError:
        return None, f"{path}: not JSON this reads (nested too deeply)"
    except ValueError:
        return None, f"{path}: not JSON this reads (a number too long)"


def _stale(at: str, now: datetime) -> bool:
    return _older(at, now, KEPT)


def _older(at: str, now: datetime, age: timedelta) -> bool:
    """Whether the stamp ``at`` is more than ``age`` before ``now`` (an unreadable stamp is)."""
    try:
        given = datetime.fromisoformat(at)
    except ValueError:
        return True
    return given.tzinfo is None or now - given > age


def _why(error: Exception) -> str:
    return error.strerror if isinstance(error, OSError) and error.strerror else str(error)
