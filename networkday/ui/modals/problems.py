"""`!`: files that could not be read, each with its path, line and column."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Label

from networkday.storage.problems import DataProblem
from networkday.ui.plain import plain_line
from networkday.ui.widgets.key_list import KeyList


class ProblemsScreen(ModalScreen[None]):
    BINDINGS = [Binding("escape,q", "dismiss", "Close", id="problems.close")]

    def __init__(self, problems: list[DataProblem]) -> None:
        super().__init__()
        self._problems = problems

    def compose(self) -> ComposeResult:
        with Vertical(id="problems-body", classes="dialog"):
            count = len(self._problems)
            yield Label(
                f"{count} file(s) could not be read. They are left untouched; fix them by hand, "
                "then run `networkday check`."
                if count
                else "No problems: every file was read.",
                markup=False,
            )
            if self._problems:
                yield KeyList(*(plain_line(str(problem)) for problem in self._problems), id="problems-list")
            yield Label("Esc closes", classes="dialog-hint", markup=False)

    async def action_dismiss(self, result: None = None) -> None:
        self.dismiss(result)
