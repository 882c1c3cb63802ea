"""Plain-text charts shared by the review screen and the command line.

Every chart is a string (or a list of strings) of ordinary characters, so it prints in
a pipe, a 16-colour console and with NO_COLOR alike; nothing depends on colour. The
Unicode set uses block elements; ``ascii=True`` swaps in characters every terminal and
font has, for ``TERM=linux`` consoles without the block glyphs or a non-UTF-8 locale.
"""

from __future__ import annotations

import codecs
from collections.abc import Sequence

#: Nine heights, empty to full, in eighths of a cell.
_UNICODE_LEVELS = " ▁▂▃▄▅▆▇█"
#: ASCII stand-ins; none is ``-``, the goal line of :func:`columns`, so a bar never reads as the goal.
_ASCII_LEVELS = " ..::++##"
#: Partial fills of a horizontal cell, in eighths.
_UNICODE_PARTIAL = " ▏▎▍▌▋▊▉█"


def use_ascii(encoding: str | None) -> bool:
    """True unless the output encoding can carry the block characters (UTF-8 and kin)."""
    if not encoding:
        return True
    try:
        codecs.encode(_UNICODE_LEVELS + _UNICODE_PARTIAL + "│─░", encoding)
    except (UnicodeEncodeError, LookupError):
        return True
    return False


def _eighths(value: float | None, maximum: float, cells: int) -> int:
    """``value`` on a scale of ``cells`` cells, in eighths; negatives and None are empty."""
    if value is None or maximum <= 0 or value <= 0:
        return 0
    return min(round(value / maximum * cells * 8), cells * 8)


def sparkline(values: Sequence[float | None], maximum: float | None = None, *, ascii: bool = False) -> str:
    """One character per value, its height relative to ``maximum`` (default: the largest).

    A missing value (None) is a blank, so a day without data is not drawn as a zero.
    """
    levels = _ASCII_LEVELS if ascii else _UNICODE_LEVELS
    top = maximum if maximum is not None else max((v for v in values if v is not None), default=0.0)
    out = []
    for value in values:
        if value is None:
            out.append(" ")
            continue
        height = _eighths(value, top, 1)
        out.append(levels[max(height, 1)] if value > 0 else levels[0])
    return "".join(out)


def hbar(value: float | None, maximum: float, width: int, goal: float | None = None, *, ascii: bool = False) -> str:
    """A horizontal bar ``width`` cells wide, with the goal marked by ``│`` (``|``).

    The marker sits in the cell where the goal falls, drawn over the bar, so a bar that
    reaches past it visibly crosses the line. Cells are eighths-precise in Unicode.
    """
    filled = _eighths(value, maximum, width)
    cells = []
    for index in range(width):
        part = min(max(filled - index * 8, 0), 8)
        if ascii:
            cells.append("#" if part >= 4 else ".")
        else:
            cells.append(_UNICODE_PARTIAL[part] if part else "░")
    if goal is not None and maximum > 0 and 0 <= goal <= maximum:
        mark = min(int(goal / maximum * width), width - 1)
        cells[mark] = "|" if ascii else "│"
    return "".join(cells)


def columns(
    values: Sequence[float | None],
    maximum: float,
    height: int,
    goal: float | None = None,
    *,
    width: int = 1,
    gap: int = 0,
    ascii: bool = False,
) -> list[str]:
    """A vertical bar chart, top row first, with the goal as a horizontal line.

    Each value is a column ``width`` characters wide, ``gap`` spaces apart. The goal line
    (``─``, or ``-`` in ASCII, where bars are ``.:+#``) runs through the row where the goal
    falls and shows wherever a bar does not reach that row, so a short bar visibly stops
    below the line.
    """
    levels = _ASCII_LEVELS if ascii else _UNICODE_LEVELS
    line = "-" if ascii else "─"
    goal_row = None
    if goal is not None and maximum > 0 and 0 <= goal <= maximum:
        goal_row = height - 1 - min(int(goal / maximum * height), height - 1)
    filled = [_eighths(value, maximum, height) for value in values]
    rows = []
    for row in range(height):
        floor = (height - 1 - row) * 8
        cells = []
        for amount in filled:
            part = min(max(amount - floor, 0), 8)
            char = levels[part]
            if part == 0 and row == goal_row:
                char = line
            cells.append(char * width)
        rows.append((" " * gap).join(cells))
    return rows
