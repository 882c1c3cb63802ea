"""What one row of the network list says, column by column, in plain words and symbols.

Kept apart from the widget so that the words can be read and tested without a terminal.
Every mark has a symbol and a word (the legend), and every state that could be shown by
colour (an overdue follow-up, a person never contacted) says so in text as well.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, tzinfo
from functools import lru_cache

from rich.cells import cell_len, set_cell_size

from networkday.domain.summary import ContactSummary
from networkday.domain.text import shown_line
from networkday.domain.wording import since

TARGET = "◆"


def star() -> str:
    """The hiring manager's mark: ★, or * on the Linux console, whose font has no star
    (as the journal's ratings there); read when drawn, like the theme's choice."""
    return "*" if os.environ.get("TERM", "") == "linux" else "★"


def legend() -> str:
    """Short, so it still fits at 80 columns after a filter; the line under the list says it in full."""
    return f"{star()} hiring mgr {TARGET} target co."


@dataclass(frozen=True)
class Column:
    key: str
    label: str
    #: the fewest cells the column gets, and its share of what is left beyond that
    least: int
    share: int


MARKS = Column("marks", "", 2, 0)
COLUMNS: tuple[Column, ...] = (
    MARKS,
    Column("name", "Name", 12, 30),
    Column("company", "Company", 8, 20),
    Column("title", "Title", 10, 18),
    Column("tags", "Tags", 5, 12),
    Column("last", "Last touch", 13, 0),  # "11 months ago"
    Column("follow_up", "Follow-up", 14, 0),
)
#: The least widths fit the smallest terminal the app supports (60 columns, 58 inside the scrollbar).
#: Below this many cells the title goes: the line under the list shows it for the cursor row.
TITLE_FROM = 96
#: Below this many cells the tags go too, so that the last touch is said in whole words.
TAGS_FROM = 72


@dataclass(frozen=True)
class RowContext:
    """What the cells are measured against: now, today and which companies are targets."""

    now_ts: float
    today: date
    #: memoised per company by ``domain.network.Network.is_target``
    is_target: Callable[[str], bool]
    #: the zone whose calendar days the last touch is counted in
    tz: tzinfo


@lru_cache(maxsize=8)
def layout(width: int) -> tuple[tuple[Column, int], ...]:
    """Each shown column with its width; one cell of space separates columns and edges.

    Cached by width, so a list can ask for it with every line it draws and a resize
    needs no bookkeeping: the first line drawn at the new width lays the columns out.
    """
    hidden = {"title"} if width < TITLE_FROM else set()
    if width < TAGS_FROM:
        hidden.add("tags")
    shown = [column for column in COLUMNS if column.key not in hidden]
    return tuple(zip(shown, share_out(width - len(shown) - 1, shown), strict=True))


def share_out(room: int, columns: Sequence[Column]) -> list[int]:
    """Each column's least width plus its share of the ``room`` left; rounding leftovers go to the name."""
    spare = max(room - sum(column.least for column in columns), 0)
    shares = sum(column.share for column in columns) or 1
    widths = [column.least + spare * column.share // shares for column in columns]
    name = next((i for i, column in enumerate(columns) if column.key == "name"), 0)
    widths[name] += max(room - sum(widths), 0)
    return widths


def fit(text: str, width: int) -> str:
    """Exactly ``width`` cells: padded, or cut with an ellipsis; wide characters count double."""
    if cell_len(text) <= width:
        return set_cell_size(text, width)
    return set_cell_size(text, max(width - 1, 0)) + "…"


def last_touch(summary: ContactSummary, today: date, tz: tzinfo) -> str:
    """``today``, ``yesterday``, ``5 days ago``, ``3 months ago`` or ``never``, as everywhere (``domain.wording``)."""
    last = summary.last_ts
    if last is None:
        return "never"
    return since(datetime.fromtimestamp(last, tz).date(), today)


def follow_up(summary: ContactSummary, today: date) -> tuple[str, bool]:
    """The follow-up date, with ``due`` or ``overdue`` in words; True when it needs doing now."""
    if summary.follow_up is None:
        return "", False
    when = date.fromordinal(summary.follow_up)
    shown = f"{when:%d %b}" if when.year == today.year else f"{when:%d %b %y}"
    if summary.follow_up < today.toordinal():
        return f"{shown} overdue", True
    if summary.follow_up == today.toordinal():
        return f"{shown} due", True
    return shown, False


def marks(summary: ContactSummary, context: RowContext) -> str:
    return (star() if summary.hiring_manager else " ") + (
        TARGET if summary.company and context.is_target(summary.company) else " "
    )


def cell_text(column: Column, summary: ContactSummary, context: RowContext) -> tuple[str, bool]:
    """One cell's words (on one line, without control characters), and whether it is an alert."""
    key = column.key
    if key == "marks":
        return marks(summary, context), False
    if key == "last":
        return last_touch(summary, context.today, context.tz), False
    if key == "follow_up":
        return follow_up(summary, context.today)
    if key == "tags":
        return shown_line(", ".join(summary.tags)), False
    return shown_line(getattr(summary, key)), False
