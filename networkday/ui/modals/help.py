"""`?`: the keys of the screen underneath, then the global ones, from the live bindings.

Built from the same bindings the footer and the palette read, so the three never disagree.
Only the app's own bindings are listed (each has an id, so ``[keys]`` can remap it);
Textual's built-in focus and copy keys would bury them.
"""

from __future__ import annotations

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen, Screen
from textual.widgets import Label, Static

from networkday.ui.modals import DIALOG_CSS
from networkday.ui.widgets.key_footer import binding_name


class HelpScreen(ModalScreen[None]):
    CSS_PATH = DIALOG_CSS
    AUTO_FOCUS = "#help-body"
    BINDINGS = [
        Binding("escape,q,question_mark", "dismiss", "Close", id="help.close"),
        Binding("j", "scroll(1)", "Down", show=False, id="list.down"),
        Binding("k", "scroll(-1)", "Up", show=False, id="list.up"),
    ]

    def __init__(self, underneath: Screen) -> None:
        super().__init__()
        self._underneath = underneath

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help-body"):
            yield Static(self._table(), id="help-keys")
            yield Label("↑↓ or j/k scroll · Esc, q or ? closes", classes="dialog-hint", markup=False)

    def _table(self) -> Table:
        """The screen's own keys first, then the focused list's, then the global ones.

        The keys of one binding share a row: ``d del  Remove``.
        """
        table = Table.grid(padding=(0, 2))
        table.add_column(justify="right", style="bold")
        table.add_column()
        groups: dict[str, dict[tuple[str, str], list[str]]] = {"screen": {}, "widget": {}, "app": {}}
        for key, active in self._underneath.active_bindings.items():
            binding: Binding = active.binding
            if not binding.description or binding.id is None:
                continue
            node = active.node
            group = "app" if node is self.app else "screen" if node is self._underneath else "widget"
            keys = groups[group].setdefault((binding.action, binding_name(binding)), [])
            shown = self.app.get_key_display(binding) or key
            if shown not in keys:
                keys.append(shown)
        groups["app"][("command_palette", "Command palette: every action by name")] = ["ctrl+p"]
        title = getattr(self._underneath, "HELP_TITLE", "This screen")
        for heading, group in ((title, "screen"), ("In the list", "widget"), ("Everywhere", "app")):
            if not groups[group]:
                continue
            table.add_row(Text(""), Text(heading, style="bold underline"))
            for (_, description), keys in groups[group].items():
                table.add_row(Text(" ".join(keys)), Text(description))
            table.add_row(Text(""), Text(""))
        marks = getattr(self._underneath, "HELP_MARKS", ())
        if marks:
            table.add_row(Text(""), Text("Marks in the rows", style="bold underline"))
            for mark, meaning in marks:
                table.add_row(Text(mark), Text(meaning))
        return table

    def action_scroll(self, lines: int) -> None:
        self.query_one("#help-body", VerticalScroll).scroll_relative(y=lines, animate=False)

    async def action_dismiss(self, result: None = None) -> None:
        self.dismiss(result)
