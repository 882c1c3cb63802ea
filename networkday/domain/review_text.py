"""The review as a plain-text table: what ``networkday review`` prints.

Every figure is written out in digits beside its bar, and the best and weakest days are
named in words, so nothing depends on colour or on seeing the chart.
"""

from __future__ import annotations

from networkday.domain.charts import hbar, sparkline
from networkday.domain.figures import DayFigures, Goals
from networkday.domain.review import Review
from networkday.domain.timer import format_duration, goal_percent, percent

BAR_WIDTH = 12
_SHARE = "Networking share"
_WONT = "Won't"  # the app's column: one wording for outcomes everywhere but --json
_HEADER = f"{'Day':<10} {'Calls':>6} {'Will':>4} {_WONT:>5} {'Gave':>4} {'Asked':>5}  {_SHARE:<{BAR_WIDTH + 5}} Rating"
_WEEKDAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def day_label(figures: DayFigures) -> str:
    """``Mon 23 Nov``: short, and the same in every locale."""
    day = figures.date
    return f"{_WEEKDAYS[day.weekday()]} {day.day:>2} {_MONTHS[day.month - 1]}"


def _row(label: str, counts: tuple[str, int, int, int, int], share: float | None, rating: str, bar: str) -> str:
    calls, will, wont, gave, asked = counts
    return f"{label:<10} {calls:>6} {will:>4} {wont:>5} {gave:>4} {asked:>5}  {bar} {percent(share):>4} {rating:>6}"


def describe(figures: DayFigures) -> str:
    """One sentence for the best or weakest day."""
    calls = "call" if figures.made == 1 else "calls"
    share = "no time tracked" if figures.share is None else f"{percent(figures.share)} networking"
    return f"{day_label(figures)} ({figures.date.isoformat()}): {figures.made} {calls} made, {share}"


def review_lines(review: Review, *, ascii: bool = False) -> list[str]:
    """The table, a totals row, the goal, a calls sparkline, and the best and weakest day."""
    goals = review.days[0].goals if review.days else Goals()
    goal = goals.networking_share

    def bar(share: float | None) -> str:
        return hbar(share, 1.0, BAR_WIDTH, goal, ascii=ascii)

    lines = [review.period.label, "", _HEADER]
    for f in review.days:
        if f.date in review.unknown:
            lines.append(f"{day_label(f):<10} {'?':>6} {'?':>4} {'?':>5} {'?':>4} {'?':>5}  its file cannot be read")
            continue
        rating = "-" if f.rating is None else str(f.rating)
        counts = (f"{f.made}/{f.planned}", f.will, f.wont, f.gave, f.asked)
        lines.append(_row(day_label(f), counts, f.share, rating, bar(f.share)))
    t = review.totals
    made = [None if f.date in review.unknown else f.made for f in review.days]
    mean = "-" if t.mean_rating is None else f"{t.mean_rating:.1f}"
    lines.append(_row("Total", (f"{t.made}/{t.planned}", t.will, t.wont, t.gave, t.asked), t.share, mean, bar(t.share)))
    marker = "|" if ascii else "│"
    lines += [
        "",
        f"Goal: {goal_percent(goal)} of tracked time networking ({marker} on the bar), "
        f"{goals.calls_per_day} calls a day.",
        f"Networking {format_duration(t.networking)}, other {format_duration(t.other)}; {t.active_days} active day(s).",
        f"Calls made per day: {sparkline(made, ascii=ascii)}",
        f"Best day: {describe(review.best)}" if review.best else "Best day: none yet",
        f"Weakest day: {describe(review.weakest)}" if review.weakest else "Weakest day: none",
    ]
    return lines
