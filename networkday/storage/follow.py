"""The catalogue kept in step with contact files changed under a running app, one file at a time.

A ``Watch`` (watch.py) names the files that may have changed; only those are statted,
and only those whose stat differs from the index entry are read again. A save by this
app was indexed as it wrote, so it changes nothing here: no second reload, no flicker.
"""

from __future__ import annotations

import os

from networkday.storage.catalogue import REREAD, Catalogue
from networkday.storage.layout import contact_name_problem, valid_id
from networkday.storage.records import GONE
from networkday.storage.watch import Watch, open_watch


class Follower:
    """Asked every half second by the app: which contacts changed on disk since the last time."""

    def __init__(self, catalogue: Catalogue, kind: str | None = None) -> None:
        self.catalogue = catalogue
        known = {f"{name}.toml": (entry.mtime, entry.size) for name, entry in catalogue.index.contacts.items()}
        self.watch: Watch = open_watch(catalogue.records.contacts_dir, known, kind)

    def follow(self) -> set[str] | None:
        """The ids of the contacts read again (changed, added, gone, broken or mended);
        None when the watch lost track and every file must be looked at (``Store.scan``)."""
        names = self.watch.changes()
        if names is None:
            return None
        changed = {contact_id for contact_id in map(self._refresh, sorted(names)) if contact_id is not None}
        if changed:
            self.catalogue.save()
        return changed

    def _refresh(self, name: str) -> str | None:
        """Reads one file again if it is not what the index says; returns its id if it was."""
        catalogue = self.catalogue
        path = catalogue.records.contacts_dir / name
        contact_id = name[:-5]
        if not valid_id(contact_id):
            catalogue.note_stray(path, contact_name_problem(name) if path.exists() else None)
            return None
        entry = catalogue.index.contacts.get(contact_id)
        try:
            stat = os.stat(path)
        except GONE:
            if entry is None:
                return None
        else:
            if (
                entry is not None
                and entry.mtime != REREAD  # a file that could not be opened: its mode may be mended
                and (entry.mtime, entry.size) == (stat.st_mtime_ns, stat.st_size)
                and (entry.problem is not None or os.access(path, os.R_OK))
            ):
                return None  # as indexed: this app's own save, or a touch that changed no byte
        catalogue.reindex_contact(contact_id)
        return contact_id

    def close(self) -> None:
        self.watch.close()
