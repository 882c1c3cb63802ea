"""One company: its people by distance to a hiring manager, its opportunities and who is behind each.

Opened from the Companies list with Enter; Escape goes back to the row that opened it.
The same keys as on the list act on this company (see ``CompanyActions``).
"""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widgets import Static

from networkday.clock import zone_of
from networkday.domain.company_rows import CompanyRow
from networkday.services.companies import company_list
from networkday.ui.company_actions import CompanyActions
from networkday.ui.company_story import company_story, title_line
from networkday.ui.record_conflicts import conflicts
from networkday.ui.screens.companies import company_bindings
from networkday.ui.widgets.key_footer import KeyFooter
from networkday.ui.widgets.timer_bar import TimerBar


class CompanyScreen(CompanyActions):
    HELP_TITLE = "A company"
    CSS_PATH = "../styles/companies.tcss"
    AUTO_FOCUS = "#company-body"
    BINDINGS = [
        Binding("escape", "back", "Back", id="company.back"),
        *company_bindings("company"),
        Binding("x", "conflicts", "Settle sync conflicts", show=False, id="company.conflicts"),
        Binding("j", "scroll(1)", "Down", show=False, id="company.down"),
        Binding("k", "scroll(-1)", "Up", show=False, id="company.up"),
    ]

    def __init__(self, key: str) -> None:
        super().__init__()
        self.key = key
        self.row: CompanyRow | None = None
        #: Whether a key here changed the company: the list builds its rows again only then.
        self.changed = False
        #: The company files' marks when last shown: a resume reads them again only when they moved.
        self._marks: tuple[object, ...] = ()

    def compose(self) -> ComposeResult:
        yield Static(id="company-title")
        with VerticalScroll(id="company-body"):
            yield Static(id="company-story")
        yield TimerBar()
        yield KeyFooter()

    def on_mount(self) -> None:
        self.reload()

    def on_screen_resume(self) -> None:
        """Back from a dialog or a person's screen: shown again only when a file it shows changed."""
        if self._marks != self.app.store.company_marks():
            self.reload()

    def contact_files_changed(self, contact_ids: frozenset[str]) -> None:
        if self.is_mounted:  # else its mount shows it as it is then
            self.reload()  # under a dialog too, whose typed text stays

    def company_files_changed(self) -> None:
        self.contact_files_changed(frozenset())

    def reload(self) -> None:
        store = self.app.store
        self._marks = store.company_marks()
        rows = company_list(store, only=self.key)
        if not rows:
            if self.app.screen is self:
                self.notify(f"{self.row.name if self.row else self.key} is gone from the files.", markup=False)
                self.dismiss()
            return
        self.row = rows[0]
        self.query_one("#company-title", Static).update(title_line(self.row))
        story = company_story(self.row, store.contacts, zone_of(store.clock.now()))
        found = conflicts(self.row.company.to_dict()) if self.row.company else None
        if found is not None:
            story = Text.assemble(found, "\n\n", story)
        self.query_one("#company-story", Static).update(story)

    def action_conflicts(self) -> None:
        """This company's sync conflicts, each kept or taken there; the screen reads its file on return."""
        from networkday.ui.screens.conflicts import ConflictsScreen

        if self.row is not None and self.row.company is not None:
            self.app.push_screen(ConflictsScreen("company", self.row.company.id))

    def current_row(self) -> CompanyRow | None:
        return self.row

    def companies_changed(self, select: str | None = None) -> None:
        """A company without a file gets one on its first change: follow it to its id."""
        if select:
            self.key = select
        self.changed = True
        self.reload()

    def action_back(self) -> None:
        self.dismiss()

    def action_scroll(self, lines: int) -> None:
        self.query_one("#company-body", VerticalScroll).scroll_relative(y=lines, animate=False)
