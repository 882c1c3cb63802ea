"""Company files, ``companies/<id>.toml``: read on demand, never at start-up, and saved under the lock.

Companies are read only when something asks for them (the Companies screen, a company
command, ``check``), so the first frame pays nothing for them. A second read in the same
process parses only the files whose mtime or size changed since the first.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from dataclasses import replace
from datetime import tzinfo
from pathlib import Path
from typing import Any, TypeVar

from networkday.domain.companies import Companies, Company, company_key
from networkday.domain.conflict_settle import count as conflict_count
from networkday.domain.errors import KeyPath
from networkday.domain.text import fold, slugify
from networkday.storage.index import FileMark, mark_of
from networkday.storage.layout import Findings, toml_files, valid_id
from networkday.storage.locate import locate
from networkday.storage.problems import DataProblem, ProblemError, StoreError
from networkday.storage.records import CONFLICT_HEADER, Records
from networkday.storage.rewrite import Rewriter, again

#: A company file's mtime (ns) and size when it was read: a change to either reads it again.
Seen = tuple[int, int]
T = TypeVar("T")


def company_check(company_id: str, zone: tzinfo) -> Callable[[dict[str, Any]], Company]:
    return lambda table: Company.from_dict(company_id, table, zone)


class CompanyFiles:
    """The ``companies/`` folder: every company, one company, and the saves that change them."""

    def __init__(self, records: Records, rewriter: Rewriter, problems: dict[Path, DataProblem]) -> None:
        self.records = records
        self.rewriter = rewriter
        self.problems = problems
        self.dir = records.root / "companies"
        #: What the last ``load`` read, by file name: kept while the file's mtime and size hold.
        self._read: dict[str, tuple[Seen, Company | None]] = {}
        #: What ``target_names`` found, by file name: the names of a target company, or ().
        self._targets: dict[str, tuple[Seen, tuple[str, ...]]] = {}
        #: The config.toml target keys ``_targets`` was found with: other keys find others.
        self._targets_for: frozenset[str] = frozenset()
        #: What ``openings`` found, by file name: the company when it has an open opportunity, or None.
        self._openings: dict[str, tuple[Seen, Company | None]] = {}
        #: What ``conflicts`` found, by file name: how many ``[[conflict]]`` entries it holds.
        self._conflicts: dict[str, tuple[Seen, int]] = {}
        #: What the last ``load`` noticed besides companies: open modes, files not read.
        self.warnings: list[str] = []

    def path(self, company_id: str) -> Path:
        if not valid_id(company_id):
            raise StoreError(f"{company_id!r} is not a company id (lowercase letters, digits and dashes)")
        return self.dir / f"{company_id}.toml"

    def marks(self) -> tuple[tuple[str, FileMark | None], ...]:
        """Each company file's name and mark (inode, mtime, ctime, size): what a screen showing
        figures from the companies polls to see another process's change. A few tens of
        stats and no read; ctime too, since an edit in place may keep the mtime and size."""
        try:
            names = sorted(name for name in os.listdir(self.dir) if name.endswith(".toml"))
        except (FileNotFoundError, NotADirectoryError):
            return ()
        return tuple((name, mark_of(self.dir / name, ctime=True)) for name in names)

    def no_company(self, company_id: str) -> StoreError:
        return StoreError(f"no company {company_id!r} in {self.dir}")

    def load(self, zone: tzinfo) -> list[Company]:
        """Every company that can be read, by id; each file that cannot is noted in ``problems``.

        ``zone`` dates a step written as a bare date (see ``Company.from_dict``).
        """
        findings = Findings()
        listing = toml_files(self.dir, findings)
        for path in [path for path in self.problems if path.parent == self.dir and path.name not in listing]:
            del self.problems[path]  # a file gone since: its problem with it
        read: dict[str, tuple[Seen, Company | None]] = {}
        for name, seen in listing.items():
            path = self.dir / name
            known = self._read.get(name)
            if known is not None and known[0] == seen and path not in self.problems:
                read[name] = known
                continue
            stem = name.removesuffix(".toml")
            if not valid_id(stem):
                self.problems[path] = DataProblem(path, 1, 1, _name_problem(name))
                continue
            read[name] = (seen, self._read_one(path, stem, zone))
        for path, why in findings.strays.items():
            self.problems[path] = DataProblem(path, 1, 1, why)
        self.warnings = findings.warnings()
        self._read = read
        return [company for _, company in read.values() if company is not None]

    def target_names(self, zone: tzinfo, config_targets: Iterable[str] = ()) -> list[str]:
        """The names and aliases of every company that is a target: marked ``target``, or
        named by one of ``config_targets`` (config.toml's), by its name or an alias, so its
        other spellings count too. What the queue ranks by.

        Cheaper than ``load``: a file that may be neither is not parsed (see ``_maybe_target``
        and ``_cheap``), and what was found is kept by mtime and size for the next call with
        the same targets. A file that cannot be read counts as no target here; ``load`` and
        ``check`` report it.
        """
        keys = frozenset(key for key in map(company_key, config_targets) if key)
        if keys != self._targets_for:
            self._targets, self._targets_for = {}, keys

        def names(company: Company) -> tuple[str, ...]:
            return (company.name, *company.aliases) if company.target or company.keys & keys else ()

        self._targets = self._cheap(self._targets, lambda data: _maybe_target(data, keys), names, (), zone)
        return [text for _, found in self._targets.values() for text in found]

    def openings(self, zone: tzinfo) -> list[Company]:
        """The companies with an open opportunity: what Today's rows name beside a call (see ``_cheap``)."""

        def if_open(company: Company) -> Company | None:
            return company if any(item.is_open for item in company.opportunities) else None

        self._openings = self._cheap(self._openings, lambda data: b"opportunity" in data, if_open, None, zone)
        return [company for _, company in self._openings.values() if company is not None]

    def _cheap(
        self,
        before: dict[str, tuple[Seen, T]],
        maybe: Callable[[bytes], bool],
        pick: Callable[[Company], T],
        empty: T,
        zone: tzinfo,
    ) -> dict[str, tuple[Seen, T]]:
        """``pick`` of each file's company, by file name, cheaper than ``load``: a file whose
        bytes ``maybe`` rules out is not parsed, and what ``before`` found is kept while a
        file's mtime and size hold. A file that cannot be read gives ``empty``."""
        found: dict[str, tuple[Seen, T]] = {}
        for name, seen in toml_files(self.dir, Findings()).items():
            known = before.get(name)
            if known is None or known[0] != seen:
                path, company_id = self.dir / name, name.removesuffix(".toml")
                try:
                    if not valid_id(company_id) or not maybe(path.read_bytes()):
                        company = None
                    else:
                        company = self.records.load(path, company_check(company_id, zone))
                except (OSError, ProblemError):
                    company = None
                known = (seen, empty if company is None else pick(company))
            found[name] = known
        return found

    def conflicts(self, zone: tzinfo) -> dict[str, int]:
        """How many sync conflicts each company file holds, by company id, those with none left out.

        As cheap as ``openings`` (see ``_cheap``): only a file whose bytes hold a
        ``[[conflict]]`` header is parsed, and a file unchanged since the last call is not read.
        """
        pick = lambda company: conflict_count(dict(company.extra))  # noqa: E731
        self._conflicts = self._cheap(
            self._conflicts, lambda data: CONFLICT_HEADER.search(data) is not None, pick, 0, zone
        )
        return {name.removesuffix(".toml"): found for name, (_, found) in self._conflicts.items() if found}

    def problem_at(self, company_id: str, key_path: KeyPath, message: str) -> DataProblem:
        """A problem found in a company already read, located in its file as it is now."""
        path = self.path(company_id)
        try:
            line, column = locate(path.read_text("utf-8", "replace"), key_path)
        except OSError:
            line, column = 1, 1
        return DataProblem(path, line, column, message)

    def _read_one(self, path: Path, company_id: str, zone: tzinfo) -> Company | None:
        try:
            company = self.records.load(path, company_check(company_id, zone))
        except ProblemError as error:
            self.problems[path] = error.problem
            return None
        self.problems.pop(path, None)
        return company

    def company(self, company_id: str, zone: tzinfo) -> Company:
        """One company as it is on disk; a broken file raises ProblemError, a missing one StoreError."""
        company = self.records.load(self.path(company_id), company_check(company_id, zone))
        if company is None:
            raise self.no_company(company_id)
        return company

    def add(self, company: Company, zone: tzinfo) -> Company:
        """Saves a new company under a fresh id from its name (``acme``, ``acme-2``); never over a file.

        A name or alias another company already answers to is refused (StoreError), decided
        under the folder lock on every company file as it is then: of two adds of one
        company at once, the second waits for the lock, finds the first's file and says so.
        """

        def attempt() -> Company:
            base = slugify(company.name)[:70].strip("-")
            base = base.replace("contact-", "company-", 1) if base.startswith("contact-") else base
            number = 1
            while True:
                candidate = base if number == 1 else f"{base}-{number}"
                path = self.path(candidate)
                # lexists: a link that leads nowhere is a name taken too, never replaced
                if not os.path.lexists(path):
                    break
                number += 1
            saved = replace(company, id=candidate)
            _, mark = self.rewriter.on_disk(path, company_check(candidate, zone))
            self.rewriter.write_locked(path, saved.to_dict(), company_check(candidate, zone), mark)
            return saved

        with self.rewriter.writing(self.dir):
            taken = Companies(self.load(zone)).claimed(company)
            if taken is not None:
                text, other = taken
                raise StoreError(f"{text!r} is already the company {other.id!r} ({other.name})")
            return again(self.dir, attempt)

    def update(self, company_id: str, change: Callable[[Company], Company], zone: tzinfo) -> Company:
        """Applies ``change`` to the company as it is on disk now, under the lock, and saves what it returns.

        ``change`` may run more than once, each time on a fresh read (see ``rewrite.again``);
        when it returns the company unchanged, nothing is written.
        """
        path = self.path(company_id)
        check = company_check(company_id, zone)

        def attempt() -> Company:
            company, mark = self.rewriter.on_disk(path, check)
            if company is None:
                raise self.no_company(company_id)
            changed = change(company)
            if changed.to_dict() != company.to_dict():
                self.rewriter.write_locked(path, changed.to_dict(), check, mark)
            return changed

        with self.rewriter.writing(path):
            return again(path, attempt)


def _maybe_target(data: bytes, keys: frozenset[str]) -> bool:
    """Whether a company file may be a target, without parsing it: it says ``target``, or
    every word of one of config.toml's target ``keys`` is in its folded text. A backslash
    may escape a letter or a quote of a name, so a file holding one is parsed to be sure."""
    if b"target" in data:
        return True
    if not keys:
        return False
    text = data.decode("utf-8", "replace")
    folded = text.lower() if text.isascii() else fold(text)
    return "\\" in folded or any(all(word in folded for word in key.split()) for key in keys)


def _name_problem(name: str) -> str:
    stem = name.removesuffix(".toml")
    return (
        "the file name is not a company id (lowercase letters, digits and dashes), so it is not read;"
        f" rename it, for example to {slugify(stem)}.toml"
    )
