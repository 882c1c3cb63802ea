"""Today's two header lines: the day and its score, the calls of a job search or the week's gives when helping."""

from __future__ import annotations

from datetime import date, timedelta

from rich.text import Text

from networkday.domain.queue import DayQueue


def day_title(queue: DayQueue, day: date, today: date) -> Text:
    """``Today · Sat 05 Dec 2026   made 2/5 · goal 5 · streak 3 days``; helping: ``helping · gave 1 of 3 this week``."""
    when = "Today" if day == today else "Tomorrow" if day == today + timedelta(days=1) else ""
    title = f"{when + ' · ' if when else ''}{day.strftime('%a %d %b %Y')}"
    score = queue.score
    if queue.gives is not None:
        gives = queue.gives
        met = " · goal met" if gives.met else ""
        return Text.assemble((title, "bold"), f"   helping · gave {gives.week} of {gives.goal} this week{met}")
    met = "goal met" if score.made >= score.goal > 0 else f"goal {score.goal}"
    streak = f"streak {score.streak} day{'s' if score.streak != 1 else ''}"
    return Text.assemble((title, "bold"), f"   made {score.made}/{score.planned} · {met} · {streak}")


def score_line(queue: DayQueue) -> Text:
    """The second line: the job search's refrain, or what the help-others queue offers."""
    if queue.gives is not None:
        return Text("Help first: whoever asked, whom you introduced, who is searching.")
    score = queue.score
    return Text(f"Some will {score.will} · Some won't {score.wont} · So what — next!")
