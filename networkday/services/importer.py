"""Bringing a parsed file into the data folder: match, merge, then write in batches.

The import is planned in memory first (who is new, who changes, who is unchanged), so
``--dry-run`` shows exactly what a real run would do and a run that finds nothing new
writes nothing. Writing goes through the store: new people in batches with one lock
and one index save each, changed people re-merged on the file as it is on disk at that
moment, so an edit made meanwhile in the app or by hand is kept.

The app drives it the same way as the command line::

    source = parse_file("linkedin", path, store.clock.tz)      # ImportFormatError: tell the user
    summary = import_source(store, source, progress)           # in a worker thread
    summary.lines()                                            # what to show afterwards

``progress(stage, done, total)`` is called with stage ``"matching"`` then ``"saving"``,
at most every ``BATCH`` people; from a Textual worker, forward it with
``app.call_from_thread``.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from networkday.domain.contact import Contact
from networkday.domain.dedupe import PeopleIndex, merge_record
from networkday.domain.incoming import Record, Skipped
from networkday.importers.common import ParsedSource
from networkday.storage.problems import StoreError
from networkday.storage.store import Store

Progress = Callable[[str, int, int], None]
#: People written per hold of the lock: each batch costs one round of fsyncs and one save
#: of the index cache (which grows with the folder), so bigger is faster; another
#: instance waits for one batch at most (about half a second), and progress moves.
BATCH = 1000
_NEW = "new:"


@dataclass
class Target:
    """One person the import touches: someone already there, or someone it will add."""

    key: str
    contact: Contact
    existing: bool
    line: int
    records: list[Record] = field(default_factory=list)
    changed: bool = False


@dataclass
class ImportPlan:
    source: ParsedSource
    targets: dict[str, Target] = field(default_factory=dict)
    #: Target key -> the key of who referred them (a vCard RELATED naming a known person).
    referrals: dict[str, str] = field(default_factory=dict)
    likely: list[tuple[str, str]] = field(default_factory=list)
    #: Company of everyone in ``likely``, for the summary.
    companies: dict[str, str] = field(default_factory=dict)
    skipped: list[Skipped] = field(default_factory=list)
    #: Rows describing someone an earlier row of the same file already brought in.
    combined: int = 0
    #: Contact files that cannot be read: the people in them cannot be matched.
    unreadable: int = 0

    @property
    def new(self) -> list[Target]:
        return [target for target in self.targets.values() if not target.existing]

    @property
    def updates(self) -> list[Target]:
        return [target for target in self.targets.values() if target.existing and target.changed]

    @property
    def unchanged(self) -> int:
        return sum(1 for target in self.targets.values() if target.existing and not target.changed)


@dataclass
class ImportSummary:
    """What an import did (or, for a dry run, would do), for the command line and the app."""

    kind: str
    path: Path
    rows: int
    added: list[str]
    updated: list[str]
    unchanged: int
    combined: int
    skipped: list[Skipped]
    warnings: list[Skipped]
    #: People to check: (line, id or name, company) of the one this import touched, then (id, company) of the other.
    likely: list[tuple[int, str, str, str, str]]
    failed: list[str]
    unreadable: int
    dry_run: bool
    seconds: float = 0.0

    @property
    def rate(self) -> float:
        """Rows per second."""
        return self.rows / self.seconds if self.seconds > 0 else 0.0

    def lines(self) -> list[str]:
        would = "would " if self.dry_run else ""
        out = [
            f"{self.path.name}: {_rows(self.rows)} read" + (" (dry run: nothing was written)" if self.dry_run else ""),
            f"{would}add {len(self.added)}, {would}update {len(self.updated)}, unchanged {self.unchanged}"
            + (f"; {_rows(self.combined)} repeated someone earlier in the file" if self.combined else ""),
        ]
        out += _section(f"skipped {_rows(len(self.skipped))}", [str(item) for item in self.skipped])
        out += _section("warnings", [str(item) for item in self.warnings])
        out += _section(
            "likely duplicates (same name, nothing tells them apart; check and merge by hand)",
            [
                f"line {line}: {name} ({company or 'no company'}) and {other} ({other_company or 'no company'})"
                for line, name, company, other, other_company in self.likely
            ],
        )
        out += _section("not saved", self.failed)
        if self.unreadable:
            out.append(
                f"note: {self.unreadable} contact files cannot be read (see `networkday check`); "
                "people in them were not matched"
            )
        return out


def _rows(count: int) -> str:
    return f"{count} row" if count == 1 else f"{count} rows"


def _section(title: str, items: list[str]) -> list[str]:
    return [f"{title}:", *(f"  {item}" for item in items)] if items else []


def _chunks(items: list) -> Iterator[list]:
    for start in range(0, len(items), BATCH):
        yield items[start : start + BATCH]


def import_source(
    store: Store, source: ParsedSource, progress: Progress | None = None, *, dry_run: bool = False
) -> ImportSummary:
    """Plans the import and, unless ``dry_run``, writes it; returns what was (or would be) done."""
    started = time.perf_counter()
    plan = plan_import(store, source, progress)
    summary = summarise(plan, dry_run=True) if dry_run else apply_plan(store, plan, progress)
    summary.seconds = time.perf_counter() - started
    return summary


def plan_import(store: Store, source: ParsedSource, progress: Progress | None = None) -> ImportPlan:
    """Matches every record to someone already there, to someone earlier in the file, or to no one.

    Reads the full record of each person matched (the summaries lack the history), and
    nothing else; writes nothing.
    """
    report = progress or _quiet
    plan = ImportPlan(source, skipped=list(source.skipped))
    plan.unreadable = sum(1 for path in store.problems if path.parent == store.contacts_dir)
    index = PeopleIndex()
    for summary in store.contacts.values():
        index.add(summary.id, summary.name, summary.company, summary.email, summary.links)
    total = len(source.records)
    for done, record in enumerate(source.records, 1):
        target = _target_for(store, plan, index, record)
        if target is not None:
            target.records.append(record)
            target.changed = merge_record(target.contact, record) or target.changed
            index.add(target.key, record.name, record.company, record.email, record.links)
        if done % BATCH == 0 or done == total:
            report("matching", done, total)
    _find_referrals(plan, index)
    pairs = {(min(key, other), max(key, other)) for key in plan.targets for other in index.likely(key)}
    plan.likely = sorted(pairs)
    plan.companies = {key: index.people[key].company for pair in pairs for key in pair}
    return plan


def _target_for(store: Store, plan: ImportPlan, index: PeopleIndex, record: Record) -> Target | None:
    key = index.match(record)
    if key is None:
        key = f"{_NEW}{len(plan.targets)}"
        new = plan.targets[key] = Target(key, Contact(id="", name=record.name), existing=False, line=record.line)
        new.changed = True
        return new
    target = plan.targets.get(key)
    if target is not None:
        plan.combined += 1
        return target
    try:
        contact = store.contact(key)
    except StoreError as error:
        plan.skipped.append(Skipped(record.line, f"matches {key}, which cannot be read: {error}"))
        return None
    target = plan.targets[key] = Target(key, contact, existing=True, line=record.line)
    return target


def _find_referrals(plan: ImportPlan, index: PeopleIndex) -> None:
    """A vCard RELATED that names someone known (by UID in the same file, email or unique name)."""
    uids = {record.uid: key for key, target in plan.targets.items() for record in target.records if record.uid}
    for key, target in plan.targets.items():
        if target.contact.referred_by:
            continue
        for reference in (ref for record in target.records for ref in record.related):
            referrer = uids.get(reference) or index.find(reference)
            if referrer is not None and referrer != key:
                plan.referrals[key] = referrer
                if target.existing and not referrer.startswith(_NEW):
                    target.contact.referred_by = referrer
                    target.changed = True
                break


def apply_plan(store: Store, plan: ImportPlan, progress: Progress | None = None) -> ImportSummary:
    """Writes the plan: new people in batches, then the changed ones, each on the file as it is now."""
    report = progress or _quiet
    known = [key for key in (*plan.targets, *plan.referrals.values()) if not key.startswith(_NEW)]
    ids = {key: key for key in known}  # new people get theirs as they are added
    failed: list[str] = []
    new = plan.new
    total = len(new) + len(plan.updates)
    done = 0
    for batch in _chunks(new):
        for target in batch:
            target.contact.referred_by = ids.get(plan.referrals.get(target.key, ""))
        try:
            store.add_contacts([target.contact for target in batch])
        except StoreError as error:
            failed.append(f"{len(batch)} new people from line {batch[0].line} on: {error}")
        else:
            ids.update((target.key, target.contact.id) for target in batch)
        done += len(batch)
        report("saving", done, total)
    pending = [
        target
        for target in plan.targets.values()
        if target.key in ids
        and ((target.existing and target.changed) or (target.key in plan.referrals and not target.contact.referred_by))
    ]
    updated: list[str] = []
    untouched = 0
    for batch in _chunks(pending):
        changes = [(ids[t.key], _rechange(t, ids.get(plan.referrals.get(t.key, "")))) for t in batch]
        outcomes = store.update_contacts(changes)
        for target in batch:
            outcome = outcomes[ids[target.key]]
            if isinstance(outcome, StoreError):
                failed.append(str(outcome))
            elif target.existing and outcome:
                updated.append(target.key)
            elif target.existing:
                untouched += 1  # someone made the same change meanwhile
        done = min(done + len(batch), total)
        report("saving", done, total)
    summary = summarise(plan, dry_run=False, ids=ids)
    summary.unchanged += untouched
    summary.updated = updated
    summary.failed = failed
    return summary


def _rechange(target: Target, referrer: str | None) -> Callable[[Contact], bool]:
    """The merge again, on the contact as it is on disk at write time; False if it adds nothing."""

    def change(contact: Contact) -> bool:
        changed = False
        for record in target.records:
            changed = merge_record(contact, record) or changed
        if referrer and not contact.referred_by and referrer != contact.id:
            contact.referred_by = referrer
            changed = True
        return changed

    return change


def summarise(plan: ImportPlan, *, dry_run: bool, ids: dict[str, str] | None = None) -> ImportSummary:
    """The summary of a plan; ``ids`` maps the keys of people just added to their new ids."""
    known = ids or {}

    def label(key: str) -> str:
        """Contact ids; the names of people a dry run would add."""
        if key.startswith(_NEW):
            return known.get(key) or plan.targets[key].contact.name
        return key

    likely = []
    for first, second in plan.likely:
        mine, other = (first, second) if first in plan.targets else (second, first)
        target = plan.targets[mine]
        likely.append((target.line, label(mine), target.contact.company, label(other), plan.companies[other]))
    return ImportSummary(
        kind=plan.source.kind,
        path=plan.source.path,
        rows=plan.source.rows,
        added=[label(target.key) for target in plan.new if dry_run or target.key in known],
        updated=[label(target.key) for target in plan.updates],
        unchanged=plan.unchanged,
        combined=plan.combined,
        skipped=sorted(plan.skipped, key=lambda item: item.line),
        warnings=sorted(plan.source.warnings, key=lambda item: item.line),
        likely=likely,
        failed=[],
        unreadable=plan.unreadable,
        dry_run=dry_run,
    )


def _quiet(stage: str, done: int, total: int) -> None:
    """No progress wanted."""
