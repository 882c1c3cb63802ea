"""The palette's command that switches between job search and helping others, remembered in state.toml."""

from __future__ import annotations

from collections.abc import Callable

from textual.app import App, SystemCommand

from networkday.domain.mode import HELPING, JOB_SEARCH
from networkday.services.mode import current_mode, switch_mode
from networkday.storage.problems import StoreError
from networkday.storage.store import Store

#: What each mode is called in the palette and in the notice after a switch.
MODE_NAMES = {JOB_SEARCH: "job search mode", HELPING: "helping mode"}
#: What the palette says the other mode does.
MODE_HELP = {
    JOB_SEARCH: "calls toward a job: the daily calls goal, the share goal, the job-search prompts",
    HELPING: "help others: gives per week, whom to help, the helping prompts; every record is kept",
}


def mode_command(app: App, store: Store, reload: Callable[[], None]) -> SystemCommand:
    """``Switch to helping mode`` (or back): the command offers the mode not in force; ``reload`` shows the change."""
    other = JOB_SEARCH if current_mode(store).helping else HELPING

    def run() -> None:
        try:
            now = switch_mode(store, other)
        except StoreError as error:
            app.notify(str(error), title="Mode not switched", severity="error", markup=False, timeout=10)
            return
        app.notify(f"Now in {MODE_NAMES[now.name]}: every record is kept.", markup=False)
        reload()

    return SystemCommand(f"Switch to {MODE_NAMES[other]}", MODE_HELP[other], run)
