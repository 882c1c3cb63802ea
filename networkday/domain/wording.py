"""One wording for times and outcomes: what every screen and every command's plain text says.

Times are counted in calendar days, months and years between two local dates, so a call
last night is "yesterday" this morning, and 4,640 days is "12 years ago". Days are said
up to ``DAYS_SAID`` (cadences of 30 and 45 days need the day); then whole calendar
months, never fewer than two (60 days is not "1 month"), then whole years. pendulum's
``diff_for_humans`` says "1 day ago" and counts in weeks, which is not the wording the
app promises, so this is a rule of its own: a few integer operations, cheap enough for
every row of a 30,000-person list.

Outcomes are said in words ("won't help", "left a message"); the raw values (``wont``,
``left-message``) stay in the files, the CSV exports and ``--json``.
"""

from __future__ import annotations

from datetime import date

from networkday.domain.vocab import OUTCOME_LABELS

#: Below this many days a time is said in days; from it, in months.
DAYS_SAID = 60

#: Outcomes in eight cells or fewer, for the Today list's Done column and nowhere else.
OUTCOME_SHORT: dict[str, str] = {
    "will": "will",
    "wont": "won't",
    "no-answer": "no ans",
    "left-message": "left msg",
    "talked": "talked",
    "scheduled": "sched",
}


def outcome_text(outcome: str | None, none: str = "no outcome") -> str:
    """``won't help``, ``left a message``; ``none`` for a touch without an outcome."""
    if not outcome:
        return none
    return OUTCOME_LABELS.get(outcome, outcome)


def _plural(count: int, unit: str) -> str:
    return f"{count} {unit}" if count == 1 else f"{count} {unit}s"


def whole_months(earlier: date, later: date) -> int:
    """Calendar months from ``earlier`` to ``later``: 31 Jan to 28 Feb is 0, to 1 Mar is 1."""
    months = (later.year - earlier.year) * 12 + later.month - earlier.month
    return months - 1 if later.day < earlier.day else months


def span(earlier: date, later: date) -> str:
    """``5 days``, ``3 months``, ``12 years``: the time between two days, as the app says it."""
    days = (later - earlier).days
    if days < DAYS_SAID:
        return _plural(days, "day")
    months = max(whole_months(earlier, later), 2)
    return _plural(months, "month") if months < 12 else _plural(months // 12, "year")


def since(then: date, today: date) -> str:
    """``today``, ``yesterday``, ``5 days ago``, ``3 months ago``, ``12 years ago``; a later day as ``until``."""
    if then >= today:
        return until(then, today)
    if (today - then).days == 1:
        return "yesterday"
    return f"{span(then, today)} ago"


def until(then: date, today: date) -> str:
    """``today``, ``tomorrow``, ``in 5 days``, ``in 3 months``; an earlier day as ``since``."""
    if then < today:
        return since(then, today)
    days = (then - today).days
    if days == 0:
        return "today"
    if days == 1:
        return "tomorrow"
    return f"in {span(today, then)}"
