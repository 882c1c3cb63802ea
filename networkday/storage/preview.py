"""Today's first screen, kept beside the index cache so the app can draw it at once.

Unpacking 30,000 contact summaries and ranking them for the day costs 70 ms before the
first frame. The screen it leads to holds a few dozen rows, two lines of figures and the
people those rows lead to. So whenever the app's index cache is on disk as it has it in
memory, the app also writes what Today showed: the queue, the figures, and the summaries
of the people on it. The next start draws that while the contacts are still packed, and
computes it all again from the index once the first frame is up.

The preview is used only when it was made from the very files the start would read:
the index cache's files, config.toml and the day's file, each as it was then (inode,
mtime, size, and for the two that people edit, ctime), on the same day and in the same
time zone, by the same version of networkday.
Otherwise it is ignored and the start reads the index as before. It is sealed as the
index cache is (``index.seal``), so a file this code did not write is never read. It is
a cache: lost, damaged or stale, it costs nothing but the time it saves.

It also holds what the queue read of the day files (``inputs``), so that a command that
changed only the days in a way the queue never reads (a timer session, a journal) renews
it by its stamp alone, without unpacking the contacts (``follow_preview``).
"""

from __future__ import annotations

import contextlib
import marshal
from collections.abc import Callable
from dataclasses import astuple, dataclass, fields
from datetime import date
from operator import attrgetter
from typing import Any

from networkday.domain.cadence import TouchCounts
from networkday.domain.day_score import Gives, Score
from networkday.domain.queue import DayQueue, QueueItem
from networkday.domain.summary import ContactSummary
from networkday.storage.index import replace_cache_file, seal, unseal
from networkday.storage.preview_stamp import days_only_changed, preview_path
from networkday.storage.preview_stamp import stamp as _stamp
from networkday.storage.store import Store

#: A queue item's fields as a tuple: what ``astuple`` gives for its flat fields, at a
#: tenth of the cost (a few hundred items, each time a command or an exit keeps a preview).
_ITEM_FIELDS = attrgetter(*(field.name for field in fields(QueueItem)))


@dataclass(frozen=True)
class DayPreview:
    queue: DayQueue
    counts: TouchCounts
    #: The people in the queue and the hiring managers they lead to: all the first frame names.
    contacts: dict[str, ContactSummary]
    #: Every record file as the index described it (marshalled, read only by ``current_preview``);
    #: None when the folder had something to report (a problem, a file from a newer version).
    files: bytes | None = None


def load_preview(store: Store, day: date) -> DayPreview | None:
    """The preview of ``day`` if it was made from the files as they are now, else None."""
    if store.no_cache:
        return None
    try:
        data = unseal(preview_path(store).read_bytes())
        if not isinstance(data, dict) or data.get("stamp") != _stamp(store, day):
            return None
        items, score, problem, toward, counts, rows, gives = data["queue"]
        return DayPreview(
            DayQueue([QueueItem(*item) for item in items], Score(*score), problem, toward, gives and Gives(*gives)),
            TouchCounts(*counts),
            {row[0]: ContactSummary(*row) for row in rows},
            data.get("files"),
        )
    except (OSError, EOFError, ValueError, TypeError, KeyError):
        return None


#: What a preview is computed from: the day's queue and the network's touch counts
#: (``services.queue`` knows how), and what the queue read of the day files, as one value
#: that compares equal exactly when the queue would read the same.
Compute = Callable[[], tuple[DayQueue, TouchCounts]]
Inputs = Callable[[], str]


def keep_preview(
    store: Store, day: date, compute: Compute, inputs: Inputs, *, kept: dict[str, Any] | None = None
) -> None:
    """Writes the preview of ``day`` when the one on disk was not made from the files as they are.

    Only when the index cache and config.toml on disk are the very files the store read
    or wrote last (nothing pending, no other instance or command saved since), so the
    preview shows what a start from them would compute; and only when no file it is
    made from changed while it was computed. The summaries must be read for this; the
    store reads them if it has not yet. ``compute`` and ``inputs`` run only when a preview
    is written.
    ``kept`` is the preview on disk when the caller has read it already.
    """
    if store.no_cache or not (store.contacts or store.days):
        return  # an empty folder has nothing to preview, and the app greets it instead
    if not store.in_step_with_disk():
        return
    stamp = _stamp(store, day)
    path = preview_path(store)
    clean = not (store.problems or store.warnings)
    kept = kept if kept is not None else _kept(store)
    if kept is not None and kept.get("stamp") == stamp and (kept.get("files") is not None) == clean:
        return
    queue, counts = compute()
    read = inputs()
    named = {item.contact_id for item in queue.items}
    named.update(manager for managers in queue.toward.values() for manager in managers)
    rows = [store.contacts[contact_id].to_row() for contact_id in sorted(named) if contact_id in store.contacts]
    items = [_ITEM_FIELDS(item) for item in queue.items]
    gives = astuple(queue.gives) if queue.gives else None
    data = (items, astuple(queue.score), queue.problem, dict(queue.toward), astuple(counts), rows, gives)
    files = marshal.dumps(store.indexed_files()) if clean else None
    if not store.in_step_with_disk() or _stamp(store, day) != stamp:
        return  # another writer came by meanwhile: the next exit or command keeps one
    with contextlib.suppress(OSError):
        replace_cache_file(path, seal({"stamp": stamp, "queue": data, "files": files, "inputs": read}))


def _kept(store: Store) -> dict[str, Any] | None:
    """The preview on disk as ``seal`` wrote it, or None (none, damaged, foreign)."""
    with contextlib.suppress(OSError, EOFError, ValueError, TypeError):
        kept = unseal(preview_path(store).read_bytes())
        return kept if isinstance(kept, dict) else None
    return None


def follow_preview(
    store: Store, day: date, before: tuple[object, ...] | None, compute: Compute, inputs: Inputs
) -> None:
    """Keeps the preview of ``day`` in step after a command saved, if it was in step before.

    ``before`` is ``preview_stamp`` as the command opened the store. Only a preview that
    was made from the files as they were then is replaced: a command never creates one
    that a start would trust, nor renews one that was stale already (the folder changed
    under the app, another day, another zone). The new one is computed by ``keep_preview``
    from what the store holds now, the index cache as the command left it on disk: what
    a start without a preview would read. When nothing changed (the stamp is the same),
    it costs the stats of the stamp and nothing more; when only what the queue does not
    read changed, the parse of the day's file (``_restamp``).
    """
    if before is None or _stamp(store, day) == before:
        return
    kept = _kept(store)
    if kept is None or kept.get("stamp") != before:
        return
    if not _restamp(store, day, before, kept, inputs):
        keep_preview(store, day, compute, inputs, kept=kept)


def _restamp(store: Store, day: date, before: tuple[object, ...], kept: dict[str, Any], inputs: Inputs) -> bool:
    """The kept preview stamped anew when the command changed nothing it shows; False if it may have.

    That is when the files that changed are day files only (the contacts' shards of the
    index and config.toml are the very files the preview was made from) and the queue
    would read the same of them (``inputs``): a timer session or a journal entry. The
    touch counts and the people's summaries come from the contacts alone, so the queue,
    the figures and the rows stay; only the stamp and the day files listed for
    ``current_preview`` are renewed. The contacts are never unpacked, which was most of
    what a timer command paid to keep the preview.
    """
    stamp = _stamp(store, day)
    if not days_only_changed(before, stamp) or kept.get("inputs") is None:
        return False
    if not store.in_step_with_disk(contacts=False):  # the shards are the preview's: the stamps say so
        return False
    clean = not (store.problems or store.warnings)
    listed = kept.get("files")
    if clean and listed is None:
        return False  # the files were not listed when the preview was made: list them all
    read = inputs()
    if read != kept["inputs"]:
        return False
    files = None
    if listed is not None and clean:
        try:
            contacts = marshal.loads(listed)["contacts"]
        except (EOFError, ValueError, TypeError, KeyError):
            return False
        files = marshal.dumps({"contacts": contacts, "days": store.indexed_days()})
    if store.in_step_with_disk(contacts=False) and _stamp(store, day) == stamp:
        with contextlib.suppress(OSError):
            replace_cache_file(preview_path(store), seal({**kept, "stamp": stamp, "files": files, "inputs": read}))
    return True


def current_preview(store: Store, day: date) -> DayPreview | None:
    """The preview of ``day`` when every record file on disk is still as the index described it.

    A command has no first frame to hurry and no scan after it: it must answer from the
    files as they are now, hand edits included. So this stats every file, as a scan does
    (most of what it costs at 30,000 contacts), and gives the preview only if each file
    has the mtime and size the index had for it, no file was added or removed, and the
    folder had nothing to report. Then the preview is what a scan and a fresh computation
    would give, without unpacking the contacts.
    """
    preview = load_preview(store, day)
    if preview is None or preview.files is None:
        return None
    try:
        files = marshal.loads(preview.files)
    except (EOFError, ValueError, TypeError):
        return None
    return preview if store.look_matches(store.look(), files) else None
