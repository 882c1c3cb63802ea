"""Import a network from inside the app: pick the kind, name the file, watch it go.

The work runs in a thread so the screen keeps answering; progress comes back through
``call_from_thread``. The import itself is the same code as `networkday import`.
"""

from __future__ import annotations

from pathlib import Path

from textual import getters, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label, Log, OptionList, ProgressBar
from textual.widgets.option_list import Option
from textual.worker import get_current_worker

from networkday.domain.text import shown
from networkday.importers import IMPORTERS, ImportFormatError, parse_file
from networkday.services.importer import ImportSummary, import_source
from networkday.storage.problems import StoreError
from networkday.ui.app import NetworkdayApp
from networkday.ui.modals import DIALOG_CSS
from networkday.ui.widgets.key_list import KeyList
from networkday.ui.widgets.typed_in_order import LineField


class ImportDialog(ModalScreen[ImportSummary | None]):
    app = getters.app(NetworkdayApp)
    CSS_PATH = DIALOG_CSS
    HELP_TITLE = "Import contacts"
    BINDINGS = [Binding("escape", "close", "Close", id="import.close")]

    def __init__(self) -> None:
        super().__init__()
        self._summary: ImportSummary | None = None
        self._busy = False

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="import"):
            yield Label("Import contacts", classes="dialog-title")
            yield Label("↑↓ kind · Tab to the file · Enter imports · Esc closes", classes="dialog-keys")
            yield KeyList(*(Option(f"{kind}: {what}", id=kind) for kind, what in IMPORTERS.items()), id="import-kind")
            yield Label("File")
            yield LineField(placeholder="~/Downloads/Connections.csv", id="import-path", compact=True)
            yield Label("", id="import-error", classes="field-error")
            yield ProgressBar(total=None, show_eta=False, id="import-progress")
            yield Label("", id="import-stage")
            yield Log(id="import-log", auto_scroll=True)

    def on_mount(self) -> None:
        self.query_one("#import-kind", OptionList).highlighted = 0
        self.query_one("#import-progress").display = False
        self.query_one("#import-log").display = False
        self.query_one("#import-kind").focus()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.query_one("#import-path", Input).focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        if self._busy:
            return
        kinds = self.query_one("#import-kind", OptionList)
        kind = kinds.get_option_at_index(kinds.highlighted or 0).id or "linkedin"
        path = Path(event.value.strip()).expanduser()
        if not event.value.strip():
            self.query_one("#import-error", Label).update("Name the file to import.")
            return
        self.query_one("#import-error", Label).update("")
        self._busy = True
        # The kinds give their room to the progress and the summary, so 80x24 shows them.
        kinds.display = False
        self.query_one("#import-progress").display = True
        self._import(kind, path)

    @work(thread=True, exclusive=True)
    def _import(self, kind: str, path: Path) -> None:
        store = self.app.store
        worker = get_current_worker()

        def progress(rows: int, fraction: float) -> None:
            if not worker.is_cancelled:
                self.app.call_from_thread(self._progress, rows, fraction)

        try:
            source = parse_file(kind, path)
            summary = import_source(store, source, progress)
        except (ImportFormatError, StoreError, OSError) as error:
            message = str(error) if not isinstance(error, OSError) else f"{path}: {error.strerror}"
            self.app.call_from_thread(self._failed, message)
            return
        self.app.call_from_thread(self._done, summary)

    def _progress(self, rows: int, fraction: float) -> None:
        bar = self.query_one("#import-progress", ProgressBar)
        bar.update(total=100, progress=100 * fraction)
        self.query_one("#import-stage", Label).update(f"{rows} rows read")

    def _failed(self, message: str) -> None:
        self._busy = False
        self.query_one("#import-progress").display = False
        self.query_one("#import-kind").display = True
        self.query_one("#import-error", Label).update(message)

    def _done(self, summary: ImportSummary) -> None:
        self._busy = False
        self._summary = summary
        self.query_one("#import-stage", Label).update(f"done in {summary.seconds:.1f} s ({summary.rate:.0f} rows/s)")
        log = self.query_one("#import-log", Log)
        log.display = True
        log.clear()
        log.write_lines([shown(line) for line in summary.lines()])
        log.focus()

    def action_close(self) -> None:
        if self._busy:
            self.notify("The import is still running; it will finish in a moment.", severity="warning")
            return
        self.dismiss(self._summary)
