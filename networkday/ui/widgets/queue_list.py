"""The day's queue: columns that share out the terminal's width, on the Line API.

A day holds a few hundred calls at most, but a DataTable measured and rendered every
cell of them through Rich before the first frame: 100 ms of a 30,000-contact start-up.
Here a row is a handful of plain strings cut to their columns, built only when its line
is drawn, so opening Today costs the same for 10 rows as for 300.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import UTC, datetime
from functools import lru_cache

from rich.cells import cell_len
from rich.segment import Segment
from rich.style import Style
from textual.strip import Strip

from networkday.domain.give_first import only_asked
from networkday.domain.queue import CADENCE, FOLLOW_UP, QueueItem, last_touch_text
from networkday.domain.summary import ContactSummary
from networkday.domain.text import shown_line
from networkday.domain.wording import OUTCOME_SHORT
from networkday.ui.give_first import asked_only_mark
from networkday.ui.widgets.contact_row import Column, fit, share_out, star
from networkday.ui.widgets.list_keys import list_bindings
from networkday.ui.widgets.virtual_list import VirtualList

#: The columns, their fewest cells and their shares of the rest (see ``contact_row.share_out``).
QUEUE_COLUMNS = (
    Column("done", "Done", 8, 0),
    Column("name", "Name", 12, 24),
    Column("company", "Company", 8, 16),
    Column("via", "Via", 9, 0),
    Column("why", "Why", 12, 30),
    Column("last", "Last touch", 13, 30),  # "11 months ago"
)
#: Cells the list needs before it shows the planned channel, and the company.
VIA_FROM, COMPANY_FROM = 96, 72

Row = tuple[QueueItem, ContactSummary | None]
Columns = tuple[tuple[Column, int], ...]


def reason_texts(item: QueueItem) -> list[str]:
    """Why the row is there, in full and then shorter; a follow-up still says due or overdue.

    A ranked reason keeps its first clause when cut ("one step from Dana, hiring manager
    at Acme" becomes "one step from Dana"): who matters more than where.
    """
    if item.kind == FOLLOW_UP:
        return [item.reason, "due today" if item.overdue_days == 0 else item.reason.removeprefix("follow-up ")]
    clause = item.reason.split(", ")[0]
    shorter = [clause] if clause != item.reason else []
    if item.kind == CADENCE:
        return [item.reason, *shorter, "losing touch"]
    return [item.reason, *shorter]


def touch_texts(full: str) -> list[str]:
    """``5 days ago, email, will help``, then ``5 days ago, email``, ``5 days ago``.

    Parts are dropped whole, never shortened to another form ("5d ago"): one wording everywhere.
    """
    parts = full.split(", ")
    return [", ".join(parts[:count]) for count in range(len(parts), 0, -1)]


def first_fit(texts: list[str], width: int) -> str:
    """The first of ``texts`` that fits ``width`` cells, else the shortest (cut with an ellipsis)."""
    return next((text for text in texts if cell_len(text) <= width), texts[-1])


@lru_cache(maxsize=8)
def queue_layout(width: int) -> tuple[tuple[Column, int], ...]:
    """The columns that fit ``width`` cells and their widths; each cell has a cell of padding either side.

    Narrow, the planned channel and then the company give way (the line under the list
    shows both for the cursor row), so the reason and the last touch keep their words.
    """
    shown = [
        column
        for column in QUEUE_COLUMNS
        if not (column.key == "via" and width < VIA_FROM) and not (column.key == "company" and width < COMPANY_FROM)
    ]
    return tuple(zip(shown, share_out(width - 2 * len(shown), shown), strict=True))


def done_cell(item: QueueItem) -> tuple[str, str]:
    """What the Done column says, and the outcome it is coloured by (``error`` for a broken row)."""
    if item.problem:
        return "! error", "error"
    if item.outcome:
        return OUTCOME_SHORT.get(item.outcome, item.outcome), item.outcome
    return "·", ""


def serving_texts(reasons: list[str], serves: tuple[str, str] | None) -> list[str]:
    """The reasons with the opportunity the call serves (``· Staff engineer, interview``), then its stage
    alone (``· interview``), then without it: the line under the list names it in full."""
    if serves is None:
        return reasons
    role, stage = shown_line(serves[0]), serves[1]
    return [*(f"{reason} · {role}, {stage}" for reason in reasons), f"{reasons[0]} · {stage}", *reasons]


def row_cells(
    row: Row,
    columns: Columns,
    now: datetime,
    toward: Mapping[str, list[str]],
    serves: Mapping[str, tuple[str, str]],
) -> list[str]:
    """The row's words, column by column, as plain one-line text (never markup)."""
    item, summary = row
    name = shown_line(summary.name if summary else item.contact_id)
    if summary and summary.hiring_manager:
        name = f"{star()} {name}"
    elif toward.get(item.contact_id):
        name = f"→ {name}"
    if summary and only_asked(summary):
        name = f"{name} {asked_only_mark()}"
    widths = {column.key: width for column, width in columns}
    cells = {
        "done": done_cell(item)[0],
        "name": name,
        "company": shown_line(summary.company if summary else ""),
        "via": item.channel,
        "why": shown_line(
            item.problem or first_fit(serving_texts(reason_texts(item), serves.get(item.contact_id)), widths["why"])
        ),
        "last": first_fit(touch_texts(last_touch_text(summary, now)), widths["last"]),
    }
    return [cells[column.key] for column, _ in columns]


class QueueList(VirtualList, inherit_bindings=False):
    """Rows only: Enter is left to the screen (open the person), as in every table of the app."""

    BINDINGS = list_bindings("move(1)", "move(-1)", "first", "last", "page(-1)", "page(1)")
    HEADER_LINES = 1
    COMPONENT_CLASSES = {
        "queue-list--header",
        "queue-list--even",
        "queue-list--will",
        "queue-list--wont",
        "queue-list--error",
    }
    # Theme variables, not colour names, so every theme (and the 16-colour one) colours them.
    DEFAULT_CSS = """
    QueueList {
        & > .queue-list--header { text-style: bold; background: $panel; color: $foreground; }
        &:ansi > .queue-list--header { background: ansi_bright_blue; color: ansi_default; }
        & > .queue-list--even { background: $surface-lighten-1 50%; }
        &:dark > .queue-list--even { background: $surface-darken-1 40%; }
        & > .queue-list--will { text-style: bold; color: $text-success; }
        & > .queue-list--wont { color: $text-error; }
        & > .queue-list--error { text-style: bold; color: $text-error; }
    }
    """

    def __init__(self, moved: Callable[[], None] | None = None) -> None:
        super().__init__(id="queue")
        self.rows: list[Row] = []
        self._now = datetime.fromtimestamp(0, UTC)  # a placeholder: show() gives the clock's now with the first rows
        self._toward: Mapping[str, list[str]] = {}
        #: contact id -> the open opportunity at their company (see ``serve``).
        self._serves: Mapping[str, tuple[str, str]] = {}
        self._moved = moved

    def show(
        self,
        items: list[QueueItem],
        contacts: Mapping[str, ContactSummary],
        now: datetime,
        toward: Mapping[str, list[str]] | None = None,
    ) -> None:
        """``toward`` marks the people who are a step toward a hiring manager with ``→``."""
        self.rows = [(item, contacts.get(item.contact_id)) for item in items]
        self._now = now
        self._toward = toward or {}
        self.update_size()
        self._place(self.cursor, notify=True)
        self.refresh()

    def serve(self, serves: Mapping[str, tuple[str, str]]) -> None:
        """Names beside each call the open opportunity at that person's company; known after the first frame."""
        if serves != self._serves:
            self._serves = serves
            self.refresh()
            self.highlighted()  # the line under the list names it too

    def serving(self, contact_id: str) -> tuple[str, str] | None:
        """The role and stage of the open opportunity a call to ``contact_id`` serves, if any."""
        return self._serves.get(contact_id)

    # -- the cursor ----------------------------------------------------------------------------

    def highlighted(self) -> None:
        """The line under the list follows the cursor in the same frame, not a message later."""
        if self._moved is not None:
            self._moved()

    def current(self) -> QueueItem | None:
        return self.rows[self.cursor][0] if 0 <= self.cursor < len(self.rows) else None

    def select(self, contact_id: str) -> None:
        for index, (item, _) in enumerate(self.rows):
            if item.contact_id == contact_id:
                self._place(index, centre=True)
                return

    def next_open_after(self, contact_id: str) -> None:
        """Moves to the next call not yet made after ``contact_id``, wrapping to the top."""
        ids = [item.contact_id for item, _ in self.rows]
        start = ids.index(contact_id) + 1 if contact_id in ids else 0
        for index in [*range(start, len(ids)), *range(start)]:
            item = self.rows[index][0]
            if not item.made and not item.problem:
                self._place(index, centre=True)
                return

    def cells(self, index: int) -> list[str]:
        """Row ``index`` as it is drawn now, one string per column shown."""
        return row_cells(self.rows[index], self.columns(), self._now, self._toward, self._serves)

    # -- drawing -------------------------------------------------------------------------------

    def columns(self) -> Columns:
        """The columns shown at the list's width now, and their widths."""
        return queue_layout(self.scrollable_content_region.width)

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        base = self.rich_style
        columns = self.columns()
        if y == 0:
            style = base + self.get_component_rich_style("queue-list--header")
            return self._strip([column.label for column, _ in columns], columns, style, None, width)
        index = self.row_at(y)
        if index is None:
            return Strip.blank(width, base)
        role = self.cursor_role() if index == self.cursor else "queue-list--even" if index % 2 == 0 else ""
        style = base + self.get_component_rich_style(role) if role else base
        outcome = done_cell(self.rows[index][0])[1]
        done = self.get_component_rich_style(f"queue-list--{outcome}") if outcome in {"will", "wont", "error"} else None
        return self._strip(self.cells(index), columns, style, done, width)

    @staticmethod
    def _strip(cells: list[str], columns: Columns, style: Style, done: Style | None, width: int) -> Strip:
        segments = [
            Segment(f" {fit(text, size)} ", style + done if done is not None and column.key == "done" else style)
            for text, (column, size) in zip(cells, columns, strict=True)
        ]
        return Strip(segments).adjust_cell_length(width, style)
