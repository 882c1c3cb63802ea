"""Today's warning line that sync conflicts wait to be settled, and ``X``, which lists them.

A layer between ``CallingScreen`` and ``TodayScreen`` (today.py is at its size limit).
The count costs nothing at 30,000 contacts (see ``storage.conflict_files``): the people's
comes from the summaries once, then from the store's contact listeners
(``services.conflicts.ConflictTally``); the days' from the day summaries; the companies'
from their files, read after the first frame and again only when the folder watch says
one changed. While the first frame comes from a preview, before the contacts are
unpacked, the line waits: the reload that follows draws it.
"""

from __future__ import annotations

from datetime import date

from rich.text import Text
from textual.binding import Binding
from textual.widgets import Static

from networkday.services.conflicts import ConflictTally
from networkday.storage.store import Store
from networkday.ui.plain import plain_line
from networkday.ui.today_call import CallingScreen


def conflict_words(total: int, in_day: int) -> str:
    """One line of at most 80 columns: how many, which key, and how many are in the day shown."""
    noun = "sync conflict" if total == 1 else "sync conflicts"
    here = f" ({in_day} in this day)" if in_day else ""
    return f"! {total} {noun}{here}: changed on both machines. X to settle"


class ConflictLine(Static):
    """The warning line; hidden while there is nothing to settle."""

    DEFAULT_CSS = """
    ConflictLine {
        height: 1;
        padding: 0 1;
        color: $warning;
        text-wrap: nowrap;
        text-overflow: ellipsis;
    }
    """

    def __init__(self) -> None:
        super().__init__(id="conflict-line")
        self.display = False
        self.tally = ConflictTally()
        #: The companies' conflicts by id, once counted after the first frame; None until then.
        self.companies: dict[str, int] | None = None

    def show(self, store: Store, day: date) -> None:
        """The line for the folder as the store knows it now; nothing before the contacts are read."""
        if not store.contacts_loaded:
            return
        days = self.tally.days(store)
        summary = store.days.get(day.toordinal())
        in_day = summary.conflicts if summary is not None else 0
        total = self.tally.people(store) + days + sum((self.companies or {}).values())
        self.display = bool(total)
        self.update(plain_line(conflict_words(total, in_day), "bold") if total else Text(""))

    def count_companies(self, store: Store) -> None:
        self.companies = store.company_conflicts()

    def on_unmount(self) -> None:
        self.tally.close()


class ConflictsLayer(CallingScreen):
    """Today as far as sync conflicts go: the line under the figures, and ``X`` to settle them."""

    BINDINGS = [Binding("X", "conflicts", "Sync conflicts", show=False, id="today.conflicts")]

    #: The day Today last showed the line for.
    _conflicts_day: date | None = None

    def show_conflicts(self, day: date) -> None:
        """Called by Today whenever it shows its header; the companies are counted after the first frame."""
        self._conflicts_day = day
        line = self.query_one(ConflictLine)
        line.show(self.app.store, day)
        if line.companies is None and self.app.store.contacts_loaded:
            self.call_after_refresh(self._recount_companies)

    def _recount_companies(self) -> None:
        self.query_one(ConflictLine).count_companies(self.app.store)
        if self._conflicts_day is not None:
            self.show_conflicts(self._conflicts_day)

    def company_files_changed(self) -> None:
        super().company_files_changed()
        if self.is_mounted:
            self.call_after_refresh(self._recount_companies)

    def on_screen_resume(self) -> None:
        """Back from the list, a person or a company, where a conflict may have been settled."""
        if self.query_one(ConflictLine).companies is not None:
            self.call_after_refresh(self._recount_companies)

    def action_conflicts(self) -> None:
        from networkday.ui.screens.conflicts import ConflictsScreen

        self.app.push_screen(ConflictsScreen())
