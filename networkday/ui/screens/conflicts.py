"""The sync conflicts: each field a sync found changed on both machines, and the key that settles it.

Opened from Today (``X``), a person's screen or a company's (``x``, that record's only).
Each row names the record and the field, the value kept in the file and the other value,
all as plain text (never "this machine's": the entry travels with the file, so on the
machine that did not merge, the kept value is the other machine's). ``m`` keeps the kept
value, ``o`` takes the other; either way
the ``[[conflict]]`` entry goes, written through the store's locked writes
(``services.conflicts``), and the list shows the files as they are then. Enter opens
the person or the company.
"""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import Static

from networkday.domain.conflict_settle import shown
from networkday.services.conflicts import Kind, RecordConflict, all_conflicts, record_conflicts, settle
from networkday.storage.problems import StoreError
from networkday.ui.messages import OpenContact
from networkday.ui.plain import plain_line
from networkday.ui.screens.data_screen import DataScreen
from networkday.ui.widgets.key_footer import KeyFooter
from networkday.ui.widgets.row_list import RowList

NONE_LEFT = "No sync conflicts: every field changed on both machines is settled. Esc goes back."


class ConflictsScreen(DataScreen):
    HELP_TITLE = "Sync conflicts"
    CSS_PATH = "../styles/conflicts.tcss"
    AUTO_FOCUS = "#conflicts-list"
    BINDINGS = [
        Binding("escape,q", "back", "Back", id="conflicts.back"),
        Binding("m", "settle(False)", "Keep as is", tooltip="Keep the value in the file", id="conflicts.keep"),
        Binding("o", "settle(True)", "Take other", tooltip="Take the other value", id="conflicts.take"),
    ]

    def __init__(self, kind: Kind | None = None, record: str | None = None) -> None:
        super().__init__()
        #: The one record whose conflicts this shows (a person's or company's screen), or None: all.
        self._only = (kind, record) if kind is not None and record is not None else None
        self.items: list[RecordConflict] = []

    def compose(self) -> ComposeResult:
        yield Static(id="conflicts-title")
        yield RowList(id="conflicts-list")
        yield Static(id="conflicts-hint")
        yield KeyFooter()

    def reload(self) -> None:
        store = self.app.store
        self.items = record_conflicts(store, *self._only) if self._only else all_conflicts(store)
        listing = self.query_one(RowList)
        listing.show([_row(item) for item in self.items], listing.cursor)
        count = len(self.items)
        title = f"Sync conflicts: {count} field(s) changed on both machines" if count else "Sync conflicts"
        self.query_one("#conflicts-title", Static).update(Text(title, style="bold", end=""))
        hint = "m keeps the kept value, o takes the other value: either settles it."
        self.query_one("#conflicts-hint", Static).update(Text(hint if count else NONE_LEFT, end=""))

    def on_screen_resume(self) -> None:
        """Each time it shows, first or back from a person or company whose own list may have settled one."""
        self.reload()

    def contact_files_changed(self, contact_ids: frozenset[str]) -> None:
        if self.is_mounted:
            self.reload()

    def company_files_changed(self) -> None:
        self.contact_files_changed(frozenset())

    def action_settle(self, take: bool) -> None:
        listing = self.query_one(RowList)
        if not 0 <= listing.cursor < len(self.items):
            self.notify("No conflict here to settle.", severity="warning")
            return
        try:
            done = settle(self.app.store, self.items[listing.cursor], take=take)
        except StoreError as error:
            self.notify(str(error), title="Not settled", severity="error", markup=False, timeout=10)
        else:
            self.notify(done, markup=False, timeout=4)
        self.reload()

    def on_row_list_chosen(self, message: RowList.Chosen) -> None:
        """Enter opens the record: a person's or a company's screen, or the journal at that day."""
        item = self.items[message.index]
        if item.kind == "person":
            self.post_message(OpenContact(item.record))
        elif item.kind == "company":
            from networkday.ui.screens.company import CompanyScreen

            self.app.push_screen(CompanyScreen(item.record))
        else:
            self.notify(f"The journal (3) shows {item.title}: [ and ] move day by day.", markup=False)

    def action_back(self) -> None:
        self.dismiss()


def _row(item: RecordConflict) -> list[Text]:
    """Three lines: the record and field, the value kept in the file, the other value; all plain."""
    head = plain_line(f"{item.title} ({item.kind}) · {item.conflict.field}", "bold")
    mine = Text("  ").append_text(plain_line(f"kept: {shown(item.ours)}"))
    other = item.conflict
    theirs = Text("  ").append_text(
        plain_line(f"other: {'removed' if other.removed else shown(other.theirs)} (merge with {other.source})")
    )
    return [head, mine, theirs]
