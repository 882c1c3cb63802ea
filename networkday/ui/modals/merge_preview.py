"""Before two records become one: who is kept, and what the kept record will hold.

The preview runs the same ``merge_into`` the store will run, on copies, so what it shows
is what will be saved; s swaps which record keeps its id.
"""

from __future__ import annotations

import copy
from collections.abc import Mapping

from rich.text import Text
from textual import getters
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Label, Static

from networkday.domain.contact import Contact
from networkday.domain.merge import LIST_FIELDS, SCALAR_FIELDS, merge_into
from networkday.domain.summary import ContactSummary
from networkday.ui.app import NetworkdayApp
from networkday.ui.modals import DIALOG_CSS
from networkday.ui.plain import plain, plain_line


def merged(keep: Contact, gone: Contact, region: str = "") -> Contact:
    result = copy.deepcopy(keep)
    merge_into(result, copy.deepcopy(gone), region)
    return result


def preview_text(keep: Contact, gone: Contact, contacts: Mapping[str, ContactSummary], region: str = "") -> Text:
    """The kept record field by field, the joined history and the references that move (phones as in ``region``)."""
    result = merged(keep, gone, region)
    out = Text(end="")
    out.append("Kept: ", style="bold")
    out.append_text(plain_line(f"{keep.name} ({keep.id})"))
    out.append("\nMerged into it, then deleted: ", style="bold")
    out.append_text(plain_line(f"{gone.name} ({gone.id})"))
    out.append("\n\nThe kept record will hold\n", style="bold")
    for name in (*SCALAR_FIELDS, *LIST_FIELDS, "hiring_manager", "referred_by"):
        value = getattr(result, name)
        if value in (None, "", [], False):
            continue
        shown = ", ".join(value) if isinstance(value, list) else "yes" if value is True else str(value)
        out.append(f"  {name.replace('_', ' ')}: ")
        out.append_text(plain_line(shown))
        out.append("\n")
    out.append(f"  history: {len(result.log)} touches ({len(keep.log)} + {len(gone.log)}, repeats dropped)\n")
    if result.notes != keep.notes:
        out.append("  notes gain:\n")
        out.append_text(plain(result.notes[len(keep.notes.rstrip()) :].strip()))
        out.append("\n")
    referred = sum(1 for summary in contacts.values() if summary.referred_by == gone.id)
    out.append(
        f"\n{referred} people referred by {gone.id} and every day file naming it will point at {keep.id}.",
        style="dim",
    )
    return out


class MergePreview(ModalScreen[tuple[str, str] | None]):
    """Returns (kept id, merged-away id) when confirmed with Enter; None on Escape."""

    app = getters.app(NetworkdayApp)

    CSS_PATH = [DIALOG_CSS, "../styles/contact_dialogs.tcss"]
    HELP_TITLE = "Merge two records"
    AUTO_FOCUS = "#merge-preview"
    BINDINGS = [
        Binding("enter", "merge", "Merge", id="merge.confirm"),
        Binding("s", "swap", "Swap which is kept", id="merge.swap"),
        Binding("escape", "cancel", "Cancel", id="merge.cancel"),
    ]

    def __init__(self, keep: Contact, gone: Contact) -> None:
        super().__init__()
        self._keep = keep
        self._gone = gone

    def compose(self) -> ComposeResult:
        with VerticalScroll(classes="dialog", id="merge-preview"):
            yield Label("Merge two records of one person", classes="dialog-title", markup=False)
            yield Label("Enter merges · s swaps which is kept · Esc cancels", classes="dialog-keys", markup=False)
            yield Static(id="merge-body")

    def on_mount(self) -> None:
        self._show()

    def _show(self) -> None:
        store = self.app.store
        body = preview_text(self._keep, self._gone, store.contacts, store.config.phone_region)
        self.query_one("#merge-body", Static).update(body)

    def action_swap(self) -> None:
        self._keep, self._gone = self._gone, self._keep
        self._show()

    def action_merge(self) -> None:
        self.dismiss((self._keep.id, self._gone.id))

    def action_cancel(self) -> None:
        self.dismiss(None)
