"""The first start on an empty folder: what the app is, and three ways to begin."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Label, Static

from networkday.ui.modals import DIALOG_CSS
from networkday.ui.plain import home_relative

LEAD = "networkday plans a job search that runs on networking."
MORE = (
    "Each morning, Today lists whom to contact, why, and how: follow-ups first. "
    "Log each outcome with one key and move straight on. Some will, some won't, so what — next! "
    "Give before you ask, follow the referral chains to hiring managers, keep a short journal, "
    "and let the timer show how much of the day went to networking (the goal: 85%).\n\n"
    "Your data stays in plain TOML files in {root}"
)


class WelcomeScreen(ModalScreen[str | None]):
    """Returns ``demo``, ``import``, ``add`` or None (start with an empty network)."""

    CSS_PATH = DIALOG_CSS

    BINDINGS = [
        Binding("d", "choose('demo')", "Try the demo", id="welcome.demo"),
        Binding("i", "choose('import')", "Import contacts", id="welcome.import"),
        Binding("a", "choose('add')", "Add a person", id="welcome.add"),
        Binding("escape", "choose('')", "Start empty", id="welcome.close"),
    ]

    def __init__(self, root: str) -> None:
        super().__init__()
        self._root = root

    def compose(self) -> ComposeResult:
        # The choices come before the longer text, so the smallest terminal still shows them;
        # the dialog scrolls (arrows) for the rest.
        with VerticalScroll(classes="dialog", id="welcome"):
            yield Label("Welcome to networkday", classes="dialog-title")
            yield Static(LEAD, markup=False)
            yield Label(
                "d  try it on demo data (a temporary copy)\n"
                "i  import LinkedIn, vCard or Google contacts\n"
                "a  add your first person\n"
                "Esc  start with an empty network",
                markup=False,
                classes="dialog-hint",
                id="welcome-keys",
            )
            yield Static(MORE.format(root=home_relative(self._root)), markup=False, classes="dialog-hint")

    def action_choose(self, choice: str) -> None:
        self.dismiss(choice or None)
