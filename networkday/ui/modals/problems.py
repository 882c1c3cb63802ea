"""`!`: files that could not be read, each with its path, line and column.

Paths are shown inside the data folder (``contacts/ada.toml:3:1: ...``), which the first
line names once: shorter, and what a person types to open the file from there.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from pathlib import Path

from textual import getters
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Label

from networkday.storage.problems import DataProblem
from networkday.ui.app import NetworkdayApp
from networkday.ui.modals import DIALOG_CSS
from networkday.ui.plain import home_relative, plain_line
from networkday.ui.widgets.key_list import KeyList


class ProblemsScreen(ModalScreen[None]):
    app = getters.app(NetworkdayApp)
    CSS_PATH = DIALOG_CSS
    BINDINGS = [Binding("escape,q", "dismiss", "Close", id="problems.close")]

    def __init__(self, problems: list[DataProblem]) -> None:
        super().__init__()
        self._problems = problems

    def show(self, problems: Iterable[DataProblem]) -> None:
        """The files as they are now: a file broken or mended on disk while this is open."""
        problems = sorted(problems, key=lambda problem: str(problem.path))
        if problems != self._problems:
            self._problems = problems
            self.call_later(self.recompose)

    def compose(self) -> ComposeResult:
        root = self.app.store.root
        with Vertical(id="problems-body", classes="dialog"):
            count = len(self._problems)
            yield Label(
                f"{count} file(s) in {home_relative(root)} could not be read. They are left untouched; "
                "fix them by hand, then run `networkday check`."
                if count
                else "No problems: every file was read.",
                markup=False,
                classes="dialog-text",
            )
            if self._problems:
                yield KeyList(
                    *(plain_line(str(inside(problem, root))) for problem in self._problems), id="problems-list"
                )
            yield Label("Esc closes", classes="dialog-hint", markup=False)

    async def action_dismiss(self, result: None = None) -> None:
        self.dismiss(result)


def inside(problem: DataProblem, root: Path) -> DataProblem:
    """The problem with its path inside the data folder, where it is one."""
    return replace(problem, path=problem.path.relative_to(root)) if problem.path.is_relative_to(root) else problem
