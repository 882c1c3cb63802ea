"""A template filled for one person: read it, change it in ``$EDITOR``, copy it or mail it, then log it.

The message is the person's data set into the user's text, so it is shown as plain text
only. Mailing goes through a ``mailto:`` terminal hyperlink (OSC 8) on the address, with
the subject and body percent-encoded in it, and ``o`` opens the same link; copying goes
through the terminal (OSC 52), which works over SSH too. The dialog writes nothing: it
returns the channel to log the message as (``email`` or ``message``), and its opener logs
it through the same service as any touch.
"""

from __future__ import annotations

from rich.text import Text
from textual import getters
from textual.app import ComposeResult, SuspendNotSupported
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Label, Static

from networkday.domain.templates import Filled, mailto, split_message
from networkday.domain.text import shown_line
from networkday.services.editor import EditorError, edit_text
from networkday.services.templates import Message
from networkday.ui.app import NetworkdayApp
from networkday.ui.browser import open_link
from networkday.ui.links import link
from networkday.ui.modals import DIALOG_CSS
from networkday.ui.plain import plain, plain_line

KEYS = "e edit · y copy · o mail · l log as email · m log as message · Esc close"


def message_text(message: Message, filled: Filled) -> Text:
    """The notes to the writer (dim), the address as a mailto link, the subject and the message."""
    out = Text(end="")
    for note in filled.notes:
        out.append_text(plain_line(f"For you: {note}", "dim italic"))
        out.append("\n")
    if filled.notes:
        out.append("\n")
    out.append("To: ", style="bold")
    if message.email:
        out.append_text(link(mailto(message.email[0], filled), message.email[0], "underline"))
        others = message.email[1:]
        if others:
            out.append_text(plain_line(f"  (also {', '.join(others)})", "dim"))
    else:
        out.append_text(plain_line(f"{message.name} (no email address: copy it with y)", "dim"))
    out.append("\nSubject: ", style="bold")
    out.append_text(plain_line(filled.subject or "(none)"))
    out.append("\n\n")
    out.append_text(plain(filled.body.rstrip("\n")))
    return out


class TemplateMessage(ModalScreen[str | None]):
    """Returns the channel to log the message as, or None when closed without logging."""

    app = getters.app(NetworkdayApp)

    CSS_PATH = [DIALOG_CSS, "../styles/contact_dialogs.tcss"]
    HELP_TITLE = "A message from a template"
    AUTO_FOCUS = "#template-message"
    BINDINGS = [
        Binding("e", "edit", "Edit", id="template.edit"),
        Binding("y", "copy", "Copy", id="template.copy"),
        Binding("o", "mail", "Mail", id="template.mail"),
        Binding("l", "log('email')", "Log as email", id="template.log_email"),
        Binding("m", "log('message')", "Log as message", id="template.log_message"),
        Binding("escape", "close", "Close", id="template.close"),
        Binding("j", "scroll(1)", "Down", show=False, id="template.down"),
        Binding("k", "scroll(-1)", "Up", show=False, id="template.up"),
    ]

    def __init__(self, message: Message) -> None:
        super().__init__()
        self._message = message
        self.filled = message.filled

    def compose(self) -> ComposeResult:
        with VerticalScroll(classes="dialog", id="template-message"):
            title = f"{self._message.template} for {self._message.name}"
            yield Label(shown_line(title), classes="dialog-title", markup=False)
            yield Label(KEYS, classes="dialog-keys", markup=False)
            yield Static(id="template-body")

    def on_mount(self) -> None:
        self._show()

    def _show(self) -> None:
        self.query_one("#template-body", Static).update(message_text(self._message, self.filled))

    def action_scroll(self, lines: int) -> None:
        self.query_one("#template-message", VerticalScroll).scroll_relative(y=lines, animate=False)

    def action_edit(self) -> None:
        """The message in ``$EDITOR``; what is saved there becomes the message (its subject line too)."""
        try:
            with self.app.suspend():
                edited = edit_text(self.filled.text, f"{self._message.template}.txt")
        except SuspendNotSupported:
            self.notify("No terminal to hand to an editor here; copy the message with y.", severity="warning")
            return
        except EditorError as error:
            self.notify(f"{error}; the message is as it was.", severity="error", markup=False, timeout=8)
            return
        self.filled = split_message(edited)
        self._show()

    def action_copy(self) -> None:
        self.app.copy_to_clipboard(self.filled.text)
        self.notify("Message copied (if nothing arrives, allow OSC 52 clipboard access in your terminal)", timeout=4)

    def action_mail(self) -> None:
        if not self._message.email:
            self.notify("No email address for this person: copy the message with y.", severity="warning")
            return
        open_link(self.app, mailto(self._message.email[0], self.filled))

    def action_log(self, channel: str) -> None:
        self.dismiss(channel)

    def action_close(self) -> None:
        self.dismiss(None)
