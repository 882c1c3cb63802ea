"""Operations that touch more than one file, shared by the commands and the app."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from networkday.domain.contact import Contact, LogEntry
from networkday.domain.day import Day
from networkday.domain.edit import apply_edit
from networkday.domain.errors import ConflictError
from networkday.domain.merge import Renamed, mentions, merge_into, retarget_day, retarget_referral
from networkday.domain.outcome_rules import Schedule, next_follow_up
from networkday.domain.plan import put_on, take_off
from networkday.domain.touch import KEEP, FollowUp, TouchDetails, amend_touch, apply_touch, mark_call
from networkday.services.scheduling import plan_scheduled, plannable
from networkday.storage.problems import StoreError
from networkday.storage.store import Store

#: A three-way merge of a contact: puts ``base`` -> ``edited`` into ``current``, returns the clashes.
Merge = Callable[[Contact, Contact, Contact], list[str]]


class HalfLoggedError(StoreError):
    """The touch is in the person's history, but its day's made call could not be saved."""


def log_touch(
    store: Store,
    contact_id: str,
    entry: LogEntry,
    *,
    follow_up: FollowUp = KEEP,
    purpose: str = "",
    when: Schedule | None = None,
) -> Contact:
    """Writes the touch to the contact's history, then marks that day's call made.

    The follow-up is ``follow_up`` when one is given, else what the outcome's rule sets
    (``outcome_rules.next_follow_up``: a retry after no answer, the next touch by cadence
    after a no). ``when`` (a scheduled call) then plans the call on its day and sets the
    follow-up to that day (``plan_scheduled``).

    The contact is written first: if the second write fails, the history (the record
    that matters) is already safe, and HalfLoggedError says what was saved and how to
    finish: the same touch logged again, or ``networkday check --fix``, marks the call
    without adding the touch twice, even in a later second (``unfinished_twin``).
    ``entry`` comes back with the touch's id and time: those of the earlier touch when
    it completes one.
    A day file that is already unreadable or from a newer networkday stops the log
    before anything is written: the touch's day, and with ``when`` the call's day and
    any day the plan moves an earlier scheduled call from (``scheduling.plannable``).
    Should the plan still fail once the touch is saved, HalfLoggedError says so too.
    """
    day = _refuse_unwritable_day(store, entry.at.date()) if entry.outcome else None
    if when is not None:
        _refuse_unplannable(store, contact_id, when)

    def change(contact: Contact) -> None:
        apply_touch(contact, entry, outcome_follow_up(store, contact, entry) if follow_up is KEEP else follow_up, day)

    contact = store.update_contact(contact_id, change)
    if entry.outcome:
        try:
            store.update_day(entry.at.date(), lambda day: mark_call(day, entry, contact_id, purpose))
        except StoreError as error:
            raise HalfLoggedError(
                f"the touch is saved in {store.contact_path(contact_id)}, but the made call is not saved in "
                f"its day file: {error}. Fix that, then run: networkday check --fix"
            ) from error
    if when is not None:
        # The record the touch went into, with the follow-up the plan set: callers tell a
        # new touch from a retry by ``entry``'s place in its history.
        try:
            contact.follow_up = plan_scheduled(store, contact_id, when, entry.channel).follow_up
        except StoreError as error:
            raise HalfLoggedError(
                f"the touch is saved in {store.contact_path(contact_id)} and its made call in "
                f"{store.day_path(entry.at.date())}, but the call on {when.text()} is not planned: {error}. "
                "Fix that, then plan the call on that day in the app (logging the touch again would add it twice)"
            ) from error
    return contact


def outcome_follow_up(store: Store, contact: Contact, entry: LogEntry) -> FollowUp:
    """The follow-up the touch's outcome sets for ``contact`` as the file holds it now."""
    return next_follow_up(
        entry.outcome,
        entry.at.date(),
        current=contact.follow_up,
        cadence=store.config.cadence_for(contact.cadence_days, contact.tags),
        retry=store.config.retry,
    )


def _refuse_unwritable_day(store: Store, day: date) -> Day:
    """The day as it is, read before the touch is written (a retry is told by its calls)."""
    try:
        record = store.day(day)
        reason = store.read_only_reason(store.day_path(day))
        if not reason:
            return record
    except StoreError as error:  # an unreadable file too: the store says so with its path
        reason = str(error)
    raise StoreError(f"{reason}; the touch is not saved anywhere")


def _refuse_unplannable(store: Store, contact_id: str, when: Schedule) -> None:
    """Stops the log before any write when the scheduled call could not be planned."""
    try:
        plannable(store, contact_id, when)
    except StoreError as error:
        raise StoreError(f"{error}; the touch is not saved anywhere") from error


def save_touch_details(
    store: Store,
    contact_id: str,
    entry: LogEntry,
    base: TouchDetails,
    typed: TouchDetails,
    when: Schedule | None = None,
) -> Contact:
    """The quick prompt's text onto its touch (``amend_touch_details``), then a scheduled
    call's plan on its day (``plan_scheduled``).

    A day the plan needs that cannot be changed stops it before the text is written.
    Should the plan fail after, HalfLoggedError says the text is saved and the call not.
    Saving again is safe: the text already saved is equal, so it is written as it is,
    and the plan finds its call.
    """
    if when is not None:
        plannable(store, contact_id, when)
    contact = amend_touch_details(store, contact_id, entry.id, base, typed, like=entry)
    if when is None:
        return contact
    try:
        return plan_scheduled(store, contact_id, when, entry.channel)
    except StoreError as error:
        raise HalfLoggedError(
            f"what you typed is saved on the touch in {store.contact_path(contact_id)}, "
            f"but the call on {when.text()} is not planned: {error}"
        ) from error


def amend_touch_details(
    store: Store,
    contact_id: str,
    touch_id: str,
    base: TouchDetails,
    typed: TouchDetails,
    like: LogEntry | None = None,
) -> Contact:
    """Saves the quick prompt's details onto the touch named ``touch_id``, as the file is now.

    ``base`` is what the prompt opened with, ``like`` the touch it opened on (it tells the
    touch from a pasted copy that carries its id). When the file changed a field the
    prompt also changed (a hand edit, another instance), nothing is written and
    ConflictError names the fields, so the typed text can be kept and the person decide.
    """

    def change(contact: Contact) -> None:
        clashes = amend_touch(contact, touch_id, base, typed, like)
        if clashes == ["touch"]:
            copies = sum(entry.id == touch_id for entry in contact.log)
            why = (
                f"{copies} entries carry the touch's id {touch_id}; run: networkday check"
                if copies > 1
                else "the touch is no longer in the history (removed meanwhile)"
            )
            raise ConflictError(f"{store.contact_path(contact_id)}: {why}", ("touch",))
        if clashes:
            raise ConflictError(
                f"{store.contact_path(contact_id)} changed on disk since the prompt opened: {', '.join(clashes)}",
                tuple(clashes),
            )

    return store.update_contact(contact_id, change)


def save_follow_up(store: Store, contact_id: str, when: date | None) -> Contact:
    """Sets the day to follow up with the person, or clears it with None."""
    return store.update_contact(contact_id, lambda contact: setattr(contact, "follow_up", when))


def postpone(store: Store, day: date, contact_id: str, target: date) -> None:
    """Moves a person from ``day`` to ``target``: the call (if planned) and the follow-up.

    The target day is written before the person leaves ``day``, so a crash in between
    leaves them planned twice rather than nowhere.
    """
    current = store.day(day)
    call = next((c for c in current.calls if c.contact == contact_id and not c.made), None)
    if call is not None:
        store.update_day(target, lambda record: put_on(record, call))
    if contact_id in store.contacts:
        store.update_contact(contact_id, lambda c: setattr(c, "follow_up", target))
    store.update_day(day, lambda record: take_off(record, contact_id))


def edit_contact(
    store: Store, base: Contact, edited: Contact, *, merge: Merge = apply_edit, opened: str = "the form opened"
) -> Contact:
    """Saves the contact form: ``base`` is the contact as the form opened, ``edited`` as it is now.

    The changes are applied to the file as it is on disk now, so a hand edit or another
    instance's change to other fields is kept. When both changed a field to different
    values, nothing is written and ConflictError lists the fields. ``merge`` and ``opened``
    serve ``networkday edit``, whose edit may reach the history and unknown keys too.
    """

    def change(current: Contact) -> None:
        conflicts = merge(current, base, edited)
        if conflicts:
            raise ConflictError(
                f"{store.contact_path(base.id)} changed on disk since {opened}: {', '.join(conflicts)}",
                tuple(conflicts),
            )

    return store.update_contact(base.id, change)


def restore_contact(store: Store, contact: Contact) -> Contact:
    """Undoes ``Store.delete_contact`` with the contact it returned; refuses to replace a newer file.

    References to the id (``referred_by``, day files) are never rewritten by a delete, so
    they are whole again once the file is back.
    """
    path = store.contact_path(contact.id)
    if path.exists():
        raise StoreError(f"{path}: a contact with this id exists again; not restored")
    return store.put_contact(contact)


def merge_contacts(store: Store, keep_id: str, gone_id: str) -> Contact:
    """Folds ``gone_id`` into ``keep_id``, points every reference at ``keep_id``, then deletes ``gone_id``.

    The order makes a crash at any point lose nothing, and running the merge again
    finishes it (merging is idempotent):
      1. the merged record is written under ``keep_id``: all ``gone_id`` held is there too;
      2. contacts referred by ``gone_id`` are pointed at ``keep_id``;
      3. day files naming ``gone_id`` (calls, dismissed) are pointed at ``keep_id``, and a
         made call whose touch took a new id in step 1 (its id was the kept person's
         for another touch) names the new id; a run again renames to the same id;
      4. ``gone_id``'s file is deleted, now that nothing needs it. If it changed since it
         was read (another instance logged a touch), the change is merged in as well.
    A file that names ``gone_id`` but cannot be rewritten (unreadable, or from a newer
    version) stops the merge before step 1, as it would be left pointing at nobody.
    """
    if keep_id == gone_id:
        raise StoreError(f"{keep_id!r} cannot be merged into itself")
    store.scan()
    gone = store.contact(gone_id)
    _refuse_unwritable_mentions(store, gone_id)
    renamed: list[Renamed] = []
    region = store.config.phone_region

    def fold(contact: Contact) -> None:
        renamed[:] = merge_into(contact, gone, region)  # the last try's renames: the ones written

    kept = store.update_contact(keep_id, fold)
    for summary in [s for s in store.contacts.values() if s.referred_by == gone_id and s.id != gone_id]:
        store.update_contact(summary.id, lambda contact: retarget_referral(contact, gone_id, keep_id))
    for day in days_mentioning(store, gone_id):
        store.update_day(day, lambda record: retarget_day(record, gone_id, keep_id, renamed))
    last = store.delete_contact(gone_id)
    if last != gone:
        kept = store.update_contact(keep_id, lambda contact: merge_into(contact, last, region))
    return kept


def days_mentioning(store: Store, contact_id: str) -> list[date]:
    """Days whose file has a call to or a dismissal of ``contact_id``.

    Day summaries hold no contact ids, so every day file is read; only those whose bytes
    hold the id as a whole TOML string (in double or single quotes) are parsed.
    bench/merge_scan.py measures it at 1,100 day files.
    """
    quoted = (f'"{contact_id}"'.encode(), f"'{contact_id}'".encode())
    found = []
    for ordinal in sorted(store.days):
        day = date.fromordinal(ordinal)
        try:
            data = store.day_path(day).read_bytes()
        except FileNotFoundError:
            continue
        if (quoted[0] in data or quoted[1] in data) and mentions(store.day(day), contact_id):
            found.append(day)
    return found


def _refuse_unwritable_mentions(store: Store, contact_id: str) -> None:
    needle = contact_id.encode()
    for path in sorted({*store.problems, *store.read_only}):
        try:
            named = needle in path.read_bytes()
        except (FileNotFoundError, IsADirectoryError):
            continue
        if named:
            raise StoreError(f"{path}: may name {contact_id!r} but cannot be rewritten; fix it first, then merge")
