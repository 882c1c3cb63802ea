"""The call brief of one person, on one screen before the call: read it, then Escape goes back.

Its data comes from ``services.brief`` (the operation ``networkday brief`` prints), and
its words from ``domain.brief_text``, so the screen and the command say the same. The
user's words go through ``plain``: markup and escapes in a name or note show as typed.
``c`` turns the brief into the call: the call screen, with today's planned channel and
purpose when the person is on today's plan; ``t`` writes to them from a template
(``ui.template_flow``, as on the person screen).
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
        Binding("c", "call", "Call", id="brief.call"),
        Binding("t", "template", "Write…", tooltip="Write to them from a template", id="brief.template"),
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

    def action_call(self) -> None:
        from networkday.services.plan import open_call
        from networkday.ui.screens.call import CallScreen

        planned = open_call(self.app.store, self.app.clock.today(), self.contact_id)
        screen = CallScreen(self.contact_id)
        if planned is not None:
            screen = CallScreen(self.contact_id, channel=planned.channel, purpose=planned.purpose)
        self.app.push_screen(screen, lambda _: self.reload())

    def action_template(self) -> None:
        from networkday.ui.template_flow import write_to

        write_to(self, self.app.store, self.contact_id, self.reload)

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
