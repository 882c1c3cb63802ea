"""The timer, always in sight: mode, running time, today's totals and the share bar.

It holds no time of its own. Each second it asks the app for the timer state, which is
derived from the sessions on disk and the clock, so it can never drift or lose time.
"""

from __future__ import annotations

from rich.text import Text
from textual.widget import Widget

from networkday.domain.timer import TimerState, format_duration, goal_percent, percent

BAR_WIDTH = 20


def share_bar(share: float | None, goal: float, width: int = BAR_WIDTH) -> Text:
    """``███████░░░│░░`` with the goal marked by ``│``; the figure beside it says the same in words."""
    filled = round((share or 0.0) * width)
    mark = min(round(goal * width), width - 1)
    bar = Text(end="")
    for position in range(width):
        if position == mark:
            bar.append("│", style="bold")
        else:
            bar.append("█" if position < filled else "░", style="green" if position < filled else "dim")
    return bar


def timer_text(state: TimerState, width: int) -> Text:
    if state.kind:
        mode = Text.assemble(("● ", "bold green"), (f"{state.kind.upper()} {format_duration(state.elapsed)}", "bold"))
    else:
        mode = Text("○ timer stopped", style="bold")
    totals = f"net {format_duration(state.today.networking)} · other {format_duration(state.today.other)}"
    figure = f"{percent(state.today.share)} of {goal_percent(state.goal)}"
    verdict = Text("")
    if state.below_goal:
        verdict = Text(" · below goal", style="bold yellow")
    elif state.today.share is not None:
        verdict = Text(" · goal met", style="green")
    out = Text.assemble(mode, "  ", totals, "  ")
    room = width - len(out) - len(figure) - len(verdict) - 1
    if room >= 8:
        out.append_text(share_bar(state.today.share, state.goal, min(BAR_WIDTH, room)))
        out.append(" ")
    out.append(figure)
    out.append_text(verdict)
    return out


class TimerBar(Widget):
    DEFAULT_CSS = """
    TimerBar {
        height: 1;
        padding: 0 1;
        background: $boost;
    }
    """

    def on_mount(self) -> None:
        self.set_interval(1.0, self.refresh)

    def render(self) -> Text:
        return timer_text(self.app.timer_state(), self.size.width)
