"""`?`: the keys of the screen underneath, then the global ones, from the live bindings.

Built from the same bindings the footer and the palette read, so the three never disagree.
"""

from __future__ import annotations

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen, Screen
from textual.widgets import Static


class HelpScreen(ModalScreen[None]):
    BINDINGS = [
        Binding("escape,q,question_mark", "dismiss", "Close", id="help.close"),
    ]

    def __init__(self, underneath: Screen) -> None:
        super().__init__()
        self._underneath = underneath

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help-body"):
            yield Static(self._table(), id="help-keys")

    def _table(self) -> Table:
        """The screen's own keys first, then the focused list's, then the global ones."""
        table = Table.grid(padding=(0, 2))
        table.add_column(justify="right", style="bold")
        table.add_column()
        groups: dict[str, list[tuple[str, str]]] = {"screen": [], "widget": [], "app": []}
        seen: set[tuple[str, str]] = set()
        for key, active in self._underneath.active_bindings.items():
            binding: Binding = active.binding
            if not binding.description:
                continue
            row = (self.app.get_key_display(binding) or key, binding.description)
            if row in seen:
                continue
            seen.add(row)
            node = active.node
            group = "app" if node is self.app else "screen" if node is self._underneath else "widget"
            groups[group].append(row)
        title = getattr(self._underneath, "HELP_TITLE", "This screen")
        groups["app"].append(("ctrl+p", "Command palette: every action by name"))
        for heading, group in ((title, "screen"), ("In the list", "widget"), ("Everywhere", "app")):
            if not groups[group]:
                continue
            table.add_row(Text(""), Text(heading, style="bold underline"))
            for key, description in groups[group]:
                table.add_row(Text(key), Text(description))
            table.add_row(Text(""), Text(""))
        return table

    async def action_dismiss(self, result: None = None) -> None:
        self.dismiss(result)
