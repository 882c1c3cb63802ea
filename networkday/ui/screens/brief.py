"""The call brief of one person, on one screen before the call: read it, then Escape goes back.

Its data comes from ``services.brief`` (the operation ``networkday brief`` prints), and
its words from ``domain.brief_text``, so the screen and the command say the same. The
user's words go through ``plain``: markup and escapes in a name or note show as typed.
Keys ``c`` (start the call) and ``t`` (templates) are left free for the call screen and
the templates to take.
"""

from __future__ import annotations

from datetime import date

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widgets import Static

from networkday.domain.brief import Brief
from networkday.domain.brief_text import sections
from networkday.services.brief import call_brief
from networkday.storage.problems import StoreError
from networkday.ui.plain import plain, plain_line
from networkday.ui.screens.data_screen import DataScreen
from networkday.ui.widgets.key_footer import KeyFooter
from networkday.ui.widgets.timer_bar import TimerBar


class BriefScreen(DataScreen):
    HELP_TITLE = "A call brief"
    AUTO_FOCUS = "#brief-body"
    CSS_PATH = "../styles/brief.tcss"
    BINDINGS = [
        Binding("escape", "back", "Back", id="brief.back"),
        Binding("j", "scroll(1)", "Down", show=False, id="brief.down"),
        Binding("k", "scroll(-1)", "Up", show=False, id="brief.up"),
    ]

    def __init__(self, contact_id: str) -> None:
        super().__init__()
        self.contact_id = contact_id
        self.brief: Brief | None = None

    def compose(self) -> ComposeResult:
        yield Static(id="brief-title")
        with VerticalScroll(id="brief-body"):
            yield Static(id="brief-text")
        yield TimerBar()
        yield KeyFooter()

    def on_mount(self) -> None:
        self.reload()

    def reload(self) -> None:
        """Reads the person's file and their company's again: a hand edit made a moment ago shows."""
        title, text = self.query_one("#brief-title", Static), self.query_one("#brief-text", Static)
        try:
            self.brief = call_brief(self.app.store, self.contact_id)
        except StoreError as error:
            self.brief = None
            title.update(plain_line(f"! {error}"))
            text.update(Text("Esc goes back."))
            return
        title.update(Text.assemble(("Call brief: ", "bold"), plain_line(self.brief.contact.name, "bold")))
        text.update(brief_text(self.brief, self.app.clock.today()))

    def contact_files_changed(self, contact_ids: frozenset[str]) -> None:
        self.reload()

    def company_files_changed(self) -> None:
        self.reload()

    def action_back(self) -> None:
        self.dismiss()

    def action_scroll(self, lines: int) -> None:
        self.query_one("#brief-body", VerticalScroll).scroll_relative(y=lines, animate=False)


def brief_text(brief: Brief, today: date) -> Text:
    """The sections as the command prints them: a bold heading, then its lines, a warning in bold."""
    out = Text(end="")
    for section in sections(brief, today):
        if out:
            out.append("\n\n")
        out.append(section.heading, style="bold underline")
        for line in section.lines:
            out.append("\n")
            out.append_text(plain(line, "bold" if line.startswith("! ") else ""))
    return out
