"""The data folder opened: what a fresh one lacks made, what limits this run found, config.toml read."""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

from networkday.domain.settings import Config
from networkday.domain.vocab import FORMAT_VERSION
from networkday.storage.atomic import ensure_dir, read_with_stat, remove_stale_temps, too_open, write_atomic
from networkday.storage.codec import build, parse
from networkday.storage.config_keys import JudgedKeys, judge_keys
from networkday.storage.index import FileMark, file_mark, mark_of
from networkday.storage.problems import DataProblem, ProblemError, StoreError
from networkday.storage.templates import write_defaults

APP_DIR = ".networkday"


class Folder:
    """The data folder's places, and what opening it found that limits this run."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.contacts_dir = root / "contacts"
        self.days_dir = root / "days"
        self.app_dir = root / APP_DIR
        self.index_path = self.app_dir / "index.marshal"
        self.lock_path = self.app_dir / "lock"
        self.state_path = self.app_dir / "state.toml"
        self.config_path = root / "config.toml"
        #: Why nothing can be saved this run (``.networkday`` is not a writable folder), or None.
        self.cannot_save: str | None = None
        #: True when ``.networkday`` cannot be used at all: no cache, no preview, no state.
        self.no_cache = False
        #: Folders open to other users, and why nothing can be saved, if so.
        self.warnings: list[str] = []

    def prepare(self) -> None:
        """Makes what a fresh folder lacks; what cannot be made only limits this run.

        Reading needs none of it, so a folder that cannot be written (a read-only mount, a
        backup, another user's) still answers every command that only reads. Its cache
        folder decides the rest: without one there is no cache, no preview and no state
        this run, and no save, since the lock lives there (see ``cannot_save``). A folder made
        here, a first start, gets the default templates (``templates.write_defaults``); any
        other start leaves the folder as it is, so a command that only reads writes nothing.
        """
        root = self.root
        if root.exists() and not root.is_dir():
            raise StoreError(f"{root}: not a folder")
        first_start = not root.exists()
        try:
            ensure_dir(root)
        except OSError as error:
            raise StoreError(f"{root}: the data folder cannot be created: {error.strerror or error}") from None
        for folder in (self.contacts_dir, self.days_dir):
            with contextlib.suppress(OSError):  # a missing one is read as empty; a save makes it
                ensure_dir(folder)
        self._prepare_app_dir()
        for folder in (root, self.contacts_dir, self.days_dir, self.app_dir):
            with contextlib.suppress(OSError):
                if folder.is_dir() and too_open(folder.stat().st_mode):
                    self.warnings.append(f"{folder}: the folder is open to other users; run chmod 700 on it")
        if self.cannot_save is None:
            ignore = self.app_dir / ".gitignore"
            with contextlib.suppress(OSError):
                if not ignore.exists():
                    write_atomic(ignore, b"# networkday's cache and state: machine-local, never commit\n*\n")
            for folder in (root, self.app_dir):
                with contextlib.suppress(OSError):
                    remove_stale_temps(folder)
            if first_start:
                with contextlib.suppress(OSError):  # templates are a convenience: a start never fails for them
                    write_defaults(root)

    def _prepare_app_dir(self) -> None:
        """``.networkday``: made if missing; one that is not a folder or cannot be written is said once."""
        app_dir = self.app_dir
        if app_dir.is_symlink() or app_dir.exists():
            if not app_dir.is_dir():
                self.no_cache = True
                self.cannot_save = (
                    f"{app_dir}: not a folder, so networkday keeps no cache, preview or state and saves"
                    " nothing (its lock lives there); move the file away"
                )
            elif self.lock_path.exists() and not os.access(self.lock_path, os.W_OK):
                self.cannot_save = f"{self.lock_path}: cannot be written, so nothing is saved (it is the folder lock)"
            elif not self.lock_path.exists() and not os.access(app_dir, os.W_OK):
                self.cannot_save = f"{app_dir}: cannot be written, so nothing is saved (the lock lives there)"
        else:
            try:
                ensure_dir(app_dir)
            except OSError as error:
                self.no_cache = True
                reason = error.strerror or error
                self.cannot_save = (
                    f"{app_dir}: cannot be created ({reason}), so nothing is saved (the lock lives there)"
                )
        if self.cannot_save is not None:
            self.warnings.append(self.cannot_save)


class ConfigRead:
    """config.toml as last read: the settings, the file's mark, and what to warn about."""

    def __init__(self) -> None:
        self.config = Config()
        #: config.toml as ``config`` was read from it (``index.file_mark`` with ctime); None: no file.
        self.mark: FileMark | None = None
        self.warnings: list[str] = []
        #: config.toml's path and text as last read, to locate ``[keys]`` problems in.
        self._source: tuple[Path, str] = (Path("config.toml"), "")
        self._judged: tuple[dict[str, str], JudgedKeys] | None = None

    @property
    def keys(self) -> JudgedKeys:
        """``[keys]`` as the app applies it, and its entries refused or taking a key, located.

        Judged when first asked (by ``check`` and the app, not by every command), and again
        when the settings were replaced since (the demo, a test).
        """
        if self._judged is None or self._judged[0] != self.config.keys:
            self._judged = (dict(self.config.keys), judge_keys(*self._source, self.config.keys))
        return self._judged[1]

    def load(self, path: Path, problems: dict[Path, DataProblem]) -> None:
        """A file that cannot be read is a problem and the defaults apply.

        networkday never writes config.toml, so one from a newer networkday is read like
        any other, with a warning: it may hold settings this version does not know.
        """
        problems.pop(path, None)
        self.warnings, self._source, self._judged = [], (path, ""), None
        try:
            data, stat = read_with_stat(path)
        except FileNotFoundError:
            self.config, self.mark = Config(), None
            return
        except OSError as error:
            self.config, self.mark = Config(), mark_of(path, ctime=True)
            problems[path] = DataProblem(path, 1, 1, f"cannot be read: {error.strerror or error}")
            return
        self.mark = file_mark(stat, ctime=True)
        try:
            table, text = parse(path, data)
            version = table.get("format")
            if isinstance(version, int) and not isinstance(version, bool) and version > FORMAT_VERSION:
                self.warnings.append(
                    f"{path}: written by a newer networkday (format {version}); settings this version"
                    " does not know are not used"
                )
            self.config = build(path, text, lambda: Config.from_dict(table))
            self._source = (path, text)
        except ProblemError as error:
            problems[path] = error.problem
            self.config = Config()
