"""Every journal day, newest first, and a full-text search across them; Enter opens the day.

The list comes from the store's index, so it opens at once at any size. A search reads
the day files once, in a worker thread, and then searches what it read as you type, so
the screen never waits on the disk.
"""

from __future__ import annotations

from datetime import date

from rich.text import Text
from textual import getters, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.timer import Timer
from textual.widgets import Input, Label
from textual.worker import get_current_worker

from networkday.domain.day import Journal
from networkday.domain.journal import Hit, search
from networkday.services.journal import JournalDay, journal_days
from networkday.storage.problems import StoreError
from networkday.ui.app import NetworkdayApp
from networkday.ui.modals import DIALOG_CSS
from networkday.ui.plain import plain, plain_line
from networkday.ui.widgets.row_list import RowList
from networkday.ui.widgets.typed_in_order import LineField

#: How many matches are listed; the count says when there were more.
LIMIT = 200
TYPING_PAUSE = 0.25


def day_row(row: JournalDay) -> list[Text]:
    rating = f"{row.rating}/5" if row.rating is not None else " – "
    return [Text.assemble(f"{row.date:%a %d %b %Y}  {rating}  ", plain_line(row.first_line or "(rating only)"))]


def hit_row(hit: Hit) -> list[Text]:
    """Two lines: the day and the prompt, then the matching line with the match underlined."""
    snippet = plain(hit.snippet)  # not folded onto one line: the match's offsets must stay put
    snippet.stylize("bold underline", hit.start, hit.end)
    return [Text.assemble(f"{hit.date:%a %d %b %Y} · ", plain_line(hit.prompt, "italic")), Text.assemble("  ", snippet)]


class JournalDays(ModalScreen[date | None]):
    app = getters.app(NetworkdayApp)
    HELP_TITLE = "Journal days"
    CSS_PATH = [DIALOG_CSS, "../styles/journal.tcss"]
    BINDINGS = [
        Binding("escape", "cancel", "Back", id="journal_days.close"),
        Binding("slash", "focus_search", "Search", show=False, id="journal_days.search"),
        Binding("down", "to_list", "To the list", show=False, id="journal_days.to_list"),
    ]

    def __init__(self, current: date, *, search: bool = False) -> None:
        super().__init__()
        self._current = current
        self._search_first = search
        self._rows: list[JournalDay] = []
        #: The day of each row listed now: every day written, or the day of each match.
        self._listed: list[date] = []
        self._entries: list[tuple[date, Journal]] | None = None
        self._timer: Timer | None = None

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="journal-days"):
            yield Label("Journal", classes="dialog-title")
            yield LineField(placeholder="Search the whole journal", id="journal-query", compact=True)
            yield Label("", id="journal-found")
            yield RowList(id="journal-list")
            yield Label("Enter opens the day · / search · Esc back", classes="dialog-hint")

    def on_mount(self) -> None:
        self._rows = journal_days(self.app.store)
        self._show_days()
        if self._search_first:
            self.query_one(Input).focus()
        else:
            self.query_one(RowList).focus()

    def _show_days(self) -> None:
        found = self.query_one("#journal-found", Label)
        found.update(f"{len(self._rows)} day(s) written" if self._rows else "Nothing written yet.")
        self._listed = [row.date for row in self._rows]
        cursor = self._listed.index(self._current) if self._current in self._listed else 0
        self.query_one(RowList).show([day_row(row) for row in self._rows], cursor)

    def on_input_changed(self, event: Input.Changed) -> None:
        if self._timer is not None:
            self._timer.stop()
        query = event.value.strip()
        if not query:
            self._show_days()
            return
        self.query_one("#journal-found", Label).update("Searching…")
        self._timer = self.set_timer(TYPING_PAUSE, lambda: self._search(query))

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_to_list()

    @work(thread=True, exclusive=True, group="journal-search")
    def _search(self, query: str) -> None:
        """Off the UI thread: the first search reads every day file, later ones reuse what it read."""
        worker = get_current_worker()
        if self._entries is None:
            self._entries = self._read([row.date for row in self._rows])
        hits = search(self._entries, query, LIMIT + 1)
        if not worker.is_cancelled:
            self.app.call_from_thread(self._show_hits, query, hits)

    def _read(self, dates: list[date]) -> list[tuple[date, Journal]]:
        """Unreadable files are skipped; the scan already lists them as problems (press !)."""
        entries = []
        for day in dates:
            try:
                entries.append((day, self.app.store.day(day).journal))
            except StoreError:
                continue
        return entries

    def _show_hits(self, query: str, hits: list[Hit]) -> None:
        if query != self.query_one(Input).value.strip():
            return  # typed on since: a newer search is coming
        more = len(hits) > LIMIT
        hits = hits[:LIMIT]
        count = f"{len(hits)}{'+' if more else ''} match(es)" if hits else "No match."
        self.query_one("#journal-found", Label).update(count)
        self._listed = [hit.date for hit in hits]
        self.query_one(RowList).show([hit_row(hit) for hit in hits])

    def on_row_list_chosen(self, event: RowList.Chosen) -> None:
        event.stop()
        self.dismiss(self._listed[event.index])

    def action_to_list(self) -> None:
        if self._listed:
            self.query_one(RowList).focus()

    def action_focus_search(self) -> None:
        self.query_one(Input).focus()

    def action_cancel(self) -> None:
        self.dismiss(None)
