"""The review's charts: a column chart of one figure per day with its goal line, and the funnel.

The bars and the goal line come from the shared chart helpers (the command line draws
the same ones); this adds the title, a scale on the left and the days along the bottom,
or for the funnel a label and the count in digits before each bar.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from networkday.domain.charts import columns, hbar
from networkday.domain.pipeline import FUNNEL_LABELS, Funnel

HEIGHT = 4
FUNNEL_BAR = 12
_WEEKDAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")


def day_axis(dates: Sequence[date], width: int, gap: int) -> str:
    """Weekday names under columns three wide; else the day of the month each week."""
    if width >= 3:
        return (" " * gap).join(_WEEKDAYS[day.weekday()][:width].ljust(width) for day in dates)
    axis = [" "] * (len(dates) * (width + gap))
    for index, day in enumerate(dates):
        if day.day % 7 == 1:
            label = str(day.day)
            start = index * (width + gap)
            axis[start : start + len(label)] = label
    return "".join(axis).rstrip()


def chart_lines(
    title: str,
    values: Sequence[float | None],
    dates: Sequence[date],
    maximum: float,
    goal: float | None,
    top_label: str,
    *,
    ascii: bool = False,
) -> list[str]:
    """Title, ``HEIGHT`` rows of bars with the goal line, then the days; the scale on the left."""
    wide = len(values) <= 7
    width, gap = (3, 1) if wide else (1, 0)
    rows = columns(values, maximum, HEIGHT, goal, width=width, gap=gap, ascii=ascii)
    gutter = max(len(top_label), 1) + 1
    edge = "|" if ascii else "│"
    lines = [title]
    for index, row in enumerate(rows):
        label = top_label if index == 0 else "0" if index == HEIGHT - 1 else ""
        lines.append(f"{label:>{gutter - 1}} {edge}{row}")
    lines.append(" " * (gutter + 1) + day_axis(dates, width, gap))
    return lines


def funnel_lines(funnel: Funnel, *, ascii: bool = False) -> list[str]:
    """The title, then one row per step: its label, its count, and a bar against the widest step.

    The count is written in digits, so the bar (and any colour) only repeats it.
    """
    counts = funnel.as_dict()
    top = max(counts.values(), default=0)
    label_width = max(len(label) for label in FUNNEL_LABELS.values())
    count_width = max(len(str(top)), 2)
    lines = ["Funnel in the period"]
    for step, count in counts.items():
        bar = hbar(count, top or 1, FUNNEL_BAR, ascii=ascii)
        lines.append(f"{FUNNEL_LABELS[step]:<{label_width}} {count:>{count_width}} {bar}")
    return lines
