"""What one row of the Companies list says, column by column, in plain words and symbols.

Kept apart from the widget so the words can be read and tested without a terminal. The
columns reuse the network list's layout rules (``share_out`` and ``fit``), and the last
touch is said in the one wording for time.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime, tzinfo
from functools import lru_cache

from rich.cells import cell_len

from networkday.domain.company_rows import CompanyRow
from networkday.domain.summary import ContactSummary
from networkday.domain.text import shown_line
from networkday.domain.wording import since
from networkday.ui.widgets.contact_row import TARGET, Column, share_out, star

NO_PATH = "no path yet"
#: A company whose file holds sync conflicts, in the marks column before the target's mark:
#: a conflict waits on the person, a target only says what the row is.
CONFLICT = "!"
COLUMNS: tuple[Column, ...] = (
    Column("marks", "", 1, 0),
    Column("name", "Company", 10, 24),
    Column("people", "People", 6, 0),
    Column("managers", "Mgrs", 4, 0),
    Column("path", "Path to hiring manager", 14, 40),
    Column("open", "Open", 8, 16),
    Column("last", "Last touch", 13, 0),  # "11 months ago"
)


@dataclass(frozen=True)
class CompanyContext:
    """What the cells are measured against: the people's summaries, today, the clock's zone,
    and the sync conflicts by company id (``Store.company_conflicts``)."""

    contacts: Mapping[str, ContactSummary]
    today: date
    tz: tzinfo
    conflicts: Mapping[str, int] = field(default_factory=dict)


def last_text(last_ts: float | None, today: date, tz: tzinfo) -> str:
    """The last touch in the one wording for time (``domain.wording``): ``3 days ago``, or ``never``."""
    return "never" if last_ts is None else since(datetime.fromtimestamp(last_ts, tz).date(), today)


@lru_cache(maxsize=8)
def layout(width: int) -> tuple[tuple[Column, int], ...]:
    """Each column with its width, one cell between columns and at the edges; cached by width."""
    return tuple(zip(COLUMNS, share_out(width - len(COLUMNS) - 1, COLUMNS), strict=True))


def path_text(contacts: Mapping[str, ContactSummary], path: tuple[str, ...], width: int | None = None) -> str:
    """``you → Maya Chen → ★ Dana Lee``: the referral chain down to the hiring manager.

    Within ``width`` cells, the people between the first and the manager give way to
    ``…`` before the manager is cut: the list must say whom the path reaches.
    """
    if not path:
        return NO_PATH
    names = [shown_line(contacts[person].name) if person in contacts else person for person in path]
    names[-1] = f"{star()} {names[-1]}"
    full = " → ".join(["you", *names])
    if width is None or cell_len(full) <= width or len(names) < 2:
        return full
    shorter = " → ".join(["you", names[0], "…", names[-1]])
    return shorter if cell_len(shorter) <= width else " → ".join(["you", "…", names[-1]])


def open_text(row: CompanyRow) -> str:
    """``2 lead · 1 interview``, or nothing when no opportunity is open. The count comes first
    so that a column cut to its width at 80 columns (``1 intervi…``) still says how many."""
    return " · ".join(f"{count} {stage}" for stage, count in row.open_by_stage())


def cell_text(column: Column, row: CompanyRow, context: CompanyContext, width: int | None = None) -> str:
    """One cell's words, on one line without control characters, made to fit ``width`` where that matters."""
    key = column.key
    if key == "marks":
        if row.company is not None and context.conflicts.get(row.company.id):
            return CONFLICT
        return TARGET if row.target else " "
    if key == "name":
        return shown_line(row.name)
    if key == "people":
        return str(len(row.people))
    if key == "managers":
        return f"{star()}{len(row.managers)}" if row.managers else ""
    if key == "path":
        return path_text(context.contacts, row.path, width)
    if key == "open":
        return open_text(row)
    return last_text(row.last_ts, context.today, context.tz)
