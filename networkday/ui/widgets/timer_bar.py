"""The timer, always in sight: mode, running time, today's totals and the share bar.

It holds no time of its own. Each second it asks the app for the timer state, which is
derived from the sessions on disk and the clock, so it can never drift or lose time.
Styles are theme variables, so the bar follows the theme, the ANSI palette and NO_COLOR;
every state is also said in words ("below goal", "goal met", "timer stopped").
"""

from __future__ import annotations

from textual import getters
from textual.content import Content
from textual.widget import Widget

from networkday.domain.timer import TimerState, format_duration, share_figure
from networkday.ui.app import NetworkdayApp

BAR_WIDTH = 20


def share_bar(share: float | None, goal: float | None, width: int = BAR_WIDTH) -> Content:
    """``███████░░░│░░`` with the goal marked by ``│`` (none without a goal); the figure says the same in words."""
    filled = round((share or 0.0) * width)
    mark = -1 if goal is None else min(round(goal * width), width - 1)
    parts: list[tuple[str, str]] = []
    for position in range(width):
        if position == mark:
            parts.append(("│", "bold"))
        elif position < filled:
            parts.append(("█", "$text-success"))
        else:
            parts.append(("░", "$text-muted"))
    return Content.assemble(*parts)


def timer_text(state: TimerState, width: int) -> Content:
    if state.kind:
        mode = Content.assemble(
            ("● ", "bold $text-success"), (f"{state.kind.upper()} {format_duration(state.elapsed)}", "bold")
        )
    else:
        mode = Content.styled("○ timer stopped", "bold")
    totals = f"net {format_duration(state.today.networking)} · other {format_duration(state.today.other)}"
    figure = share_figure(state.today.share, state.goal)
    verdict = Content("")
    if state.below_goal:
        verdict = Content.styled(" · below goal", "bold $text-warning")
    elif state.today.share is not None and state.goal is not None:
        verdict = Content.styled(" · goal met", "$text-success")
    head = Content.assemble(mode, "  ", totals, "  ")
    if head.cell_length + len(figure) + verdict.cell_length > width:
        head = Content.assemble(mode, "  ")  # narrow: the totals give way to the share and its verdict
    room = width - head.cell_length - len(figure) - verdict.cell_length - 1
    bar = Content.assemble(share_bar(state.today.share, state.goal, min(BAR_WIDTH, room)), " ") if room >= 8 else ""
    return Content.assemble(head, bar, figure, verdict)


class TimerBar(Widget):
    app = getters.app(NetworkdayApp)
    DEFAULT_CSS = """
    TimerBar {
        height: 1;
        padding: 0 1;
        background: $boost;
    }
    """

    def on_mount(self) -> None:
        self.set_interval(1.0, self.refresh)

    def render(self) -> Content:
        return timer_text(self.app.timer_state(), self.size.width)
