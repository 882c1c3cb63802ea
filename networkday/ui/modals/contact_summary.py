"""A read-only look at one person: who they are and the last touches."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from networkday.storage.problems import StoreError
from networkday.ui.plain import join, plain, plain_line


class ContactSummaryModal(ModalScreen[None]):
    BINDINGS = [Binding("escape,q", "dismiss", "Back", id="summary.close")]

    def __init__(self, contact_id: str) -> None:
        super().__init__()
        self._contact_id = contact_id

    def compose(self) -> ComposeResult:
        with VerticalScroll(classes="dialog"):
            yield Static(self._body())

    def _body(self) -> Text:
        try:
            contact = self.app.store.contact(self._contact_id)
        except StoreError as error:
            return plain(str(error))
        out = join(plain_line(contact.name, "bold"), plain_line(contact.title), plain_line(contact.company))
        for label, values in (("email", contact.email), ("phone", contact.phone), ("tags", contact.tags)):
            if values:
                out.append(f"\n{label}: ")
                out.append_text(plain_line(", ".join(values)))
        if contact.notes:
            out.append("\n\n")
            out.append_text(plain(contact.notes))
        out.append("\n\nHistory, newest first\n", style="bold")
        for entry in contact.history()[:20]:
            out.append(f"{entry.at:%Y-%m-%d}  {entry.channel}  {entry.outcome or ''}  ")
            out.append_text(
                join(
                    plain_line(entry.gave and f"gave {entry.gave}"),
                    plain_line(entry.asked and f"asked {entry.asked}"),
                    plain_line(entry.note),
                )
            )
            out.append("\n")
        return out

    async def action_dismiss(self, result: None = None) -> None:
        self.dismiss(result)
