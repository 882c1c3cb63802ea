"""The week or the month in review: each day's figures, two charts, the totals, the best and weakest day.

``p`` (the footer's ``Funnel``) turns to the pipeline: the period's funnel beside its
networking share, and what led where as of the period's end. The days come from the
store's in-memory summaries and the company files (``services.figures.review``), so
paging through months reads no contact file; the pipeline reads, for the motives, only
the contact files of the people behind an interview or an offer, and only while it is
shown. Every figure is written in digits and every judgement in words or a symbol
explained on screen: the colours only repeat them.
"""

from __future__ import annotations

import os
from datetime import date

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import DataTable, Static

from networkday.domain.charts import hbar
from networkday.domain.figures import DayFigures, Goals
from networkday.domain.review import Period, Review
from networkday.domain.review_text import day_label, describe
from networkday.domain.timer import format_duration, goal_percent, percent
from networkday.services.figures import helping_review, review
from networkday.services.mode import current_mode
from networkday.services.pipeline import attribution_day, attribution_of, funnel_of
from networkday.ui.review_pipeline import led_text
from networkday.ui.screens.data_screen import DataScreen
from networkday.ui.screens.journal_saving import POLL
from networkday.ui.widgets.key_footer import KeyFooter
from networkday.ui.widgets.key_table import KeyTable
from networkday.ui.widgets.review_chart import chart_lines, funnel_lines
from networkday.ui.widgets.timer_bar import TimerBar

BAR_WIDTH = 10
#: Below these the two charts do not fit beside each other, or at all, with the table.
NARROW, SHORT = 78, 24
BEST, WEAKEST = "▲", "▼"
COLUMNS = ("", "Day", "Calls", "Will", "Won't", "Gave", "Asked", "Networking share", "Rating")


def share_cell(share: float | None, goals: Goals, ascii: bool) -> Text:
    """The bar with the goal marked, the figure, and ✓ or ↓ saying met or below in a symbol."""
    bar = hbar(share, 1.0, BAR_WIDTH, goals.networking_share, ascii=ascii)
    if share is None:
        return Text(f"{bar}  --%  ", style="dim")
    if goals.networking_share is None:
        return Text(f"{bar} {percent(share):>4}  ")
    met = share >= goals.networking_share
    return Text(f"{bar} {percent(share):>4} {share_mark(met, ascii)}", style="" if met else "bold")


def share_mark(met: bool, ascii: bool) -> str:
    """✓ met, ↓ below: the summary spells the pair out once ("↓ below the 85% goal")."""
    if ascii:
        return "+" if met else "-"
    return "✓" if met else "↓"


class ReviewScreen(DataScreen):
    HELP_TITLE = "Review"
    CSS_PATH = "../styles/review.tcss"
    BINDINGS = [
        Binding("enter", "open_day", "Open day", id="review.open", priority=True),
        Binding("w", "kind('week')", "Week", id="review.week"),
        Binding("m", "kind('month')", "Month", id="review.month"),
        Binding("left_square_bracket", "move(-1)", "Earlier", id="review.earlier"),
        Binding("right_square_bracket", "move(1)", "Later", id="review.later"),
        Binding("p", "pipeline", "Funnel", id="review.pipeline"),
        Binding("g", "this_period", "This period", show=False, id="review.now"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.period = Period.of("week", self.app.clock.today())
        self.review: Review | None = None
        #: The company files' marks when the figures were last counted.
        self._company_marks: tuple[object, ...] = ()
        self._ascii = os.environ.get("TERM", "") == "linux"

    def compose(self) -> ComposeResult:
        yield Static(id="review-title")
        yield KeyTable(cursor_type="row", zebra_stripes=True, id="review-table")
        with Horizontal(id="review-charts"):
            yield Static(id="review-calls", classes="chart")
            yield Static(id="review-share", classes="chart")
        yield Static(id="review-summary")
        with VerticalScroll(id="review-pipeline"):
            with Horizontal(id="review-pipeline-charts"):
                yield Static(id="review-funnel", classes="chart")
                yield Static(id="review-pipeline-share", classes="chart")
            yield Static(id="review-led")
        yield TimerBar()
        yield KeyFooter()

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        for label in COLUMNS:
            table.add_column(label, key=label or "mark")
        table.focus()
        self.show(new_period=True)
        self.set_interval(POLL, self._poll)

    def on_screen_resume(self) -> None:
        self.show()

    def _poll(self) -> None:
        """Another process changed a day file of the period or a company file: count again.

        A stat per day shown and per company file, and nothing read unless one changed;
        a screen not shown waits for its resume, which counts again anyway.
        """
        if not self.is_current:
            return
        days = self.app.store.refresh_days(self.period.dates(self.app.clock.today()))
        if days or self.app.store.company_marks() != self._company_marks:
            self.show()

    def on_resize(self) -> None:
        """Below 80x24 the charts give way to the table: one chart when narrow, none when short.

        The table's share column still draws each day's bar against the goal.
        """
        self.set_class(self.size.width < NARROW, "-narrow")
        self.set_class(self.size.height < SHORT, "-short")

    # -- showing -------------------------------------------------------------------------------

    def show(self, *, new_period: bool = False) -> None:
        self._company_marks = self.app.store.company_marks()  # before counting: a change during it shows next poll
        self.review = review(self.app.store, self.period.kind, self.period.first)
        self._show_title()
        self._show_table(len(self.review.days) - 1 if new_period else None)
        self._show_charts()
        self._show_summary()
        if self.has_class("-pipeline"):
            self._show_pipeline()

    def _goals(self) -> Goals:
        return self.review.days[0].goals if self.review and self.review.days else Goals()

    def _show_title(self) -> None:
        today = self.app.clock.today()
        now = " · now" if self.period.first <= today <= self.period.last else ""
        title = Text.assemble((f"Review · {self.period.label}", "bold"), now)
        self.query_one("#review-title", Static).update(title)

    def _show_table(self, row: int | None = None) -> None:
        """Keeps the cursor's row, or puts it on ``row`` (the last day: the latest is most wanted)."""
        assert self.review is not None
        table = self.query_one(DataTable)
        row = table.cursor_row if row is None else row
        table.clear()
        goals = self._goals()
        for figures in self.review.days:
            table.add_row(*self._cells(figures, goals), key=figures.date.isoformat())
        if self.review.days:
            t = self.review.totals
            mean = "–" if t.mean_rating is None else f"{t.mean_rating:.1f}"
            table.add_row(
                Text(""),
                Text("Total", style="bold"),
                Text(f"{t.made}/{t.planned}"),
                *(Text(str(n), justify="right") for n in (t.will, t.wont, t.gave, t.asked)),
                share_cell(t.share, goals, self._ascii),
                Text(mean, justify="right"),
                key="total",
            )
            table.move_cursor(row=min(max(row, 0), len(self.review.days) - 1))

    def _cells(self, figures: DayFigures, goals: Goals) -> list[Text]:
        assert self.review is not None
        mark = ""
        if self.review.best is figures:
            mark = BEST
        elif self.review.weakest is figures:
            mark = WEAKEST
        if figures.date in self.review.unknown:  # its file cannot be read: not a day of zeros
            unknown = [Text("?", justify="right") for _ in range(5)]
            return [Text(""), Text(day_label(figures)), *unknown, Text("cannot be read"), Text("")]
        rating = "–" if figures.rating is None else str(figures.rating)
        return [
            Text(mark, style="bold"),
            Text(day_label(figures)),
            Text(f"{figures.made}/{figures.planned}", justify="right"),
            *(Text(str(n), justify="right") for n in (figures.will, figures.wont, figures.gave, figures.asked)),
            share_cell(figures.share, goals, self._ascii),
            Text(rating, justify="right"),
        ]

    def _show_charts(self) -> None:
        assert self.review is not None
        goals = self._goals()
        dates = [date.fromordinal(n) for n in range(self.period.first.toordinal(), self.period.last.toordinal() + 1)]
        shown = {f.date: f for f in self.review.days if f.date not in self.review.unknown}
        made = [shown[d].made if d in shown else None for d in dates]
        share = [shown[d].share if d in shown else None for d in dates]
        top = max([goals.calls_per_day, *(m for m in made if m is not None)], default=1) or 1
        line = "-" if self._ascii else "─"
        calls = chart_lines(
            f"Calls made ({line} goal {goals.calls_per_day})",
            made,
            dates,
            top,
            goals.calls_per_day,
            str(top),
            ascii=self._ascii,
        )
        shares = chart_lines(
            f"Networking share ({line} goal {goal_percent(goals.networking_share)})",
            share,
            dates,
            1.0,
            goals.networking_share,
            "100%",
            ascii=self._ascii,
        )
        self.query_one("#review-calls", Static).update(Text("\n".join(calls), no_wrap=True, overflow="crop"))
        for chart in ("#review-share", "#review-pipeline-share"):
            self.query_one(chart, Static).update(Text("\n".join(shares), no_wrap=True, overflow="crop"))

    def _show_summary(self) -> None:
        assert self.review is not None
        summary = self.query_one("#review-summary", Static)
        if not self.review.days:
            summary.update(Text("Nothing yet: this period is still to come."))
            return
        t = self.review.totals
        time_text = self._time_text()
        mean = "no ratings" if t.mean_rating is None else f"mean rating {t.mean_rating:.1f}"
        best = describe(self.review.best) if self.review.best else "none yet"
        weakest = describe(self.review.weakest) if self.review.weakest else "none"
        lines = [
            f"Totals: {t.made} of {t.planned} calls made · will help {t.will} · won't help {t.wont} · "
            f"gave {t.gave} · asked {t.asked}",
            f"{time_text} · {mean}",
            f"{BEST} Best day: {best}",
            f"{WEAKEST} Weakest day: {weakest}",
        ]
        if current_mode(self.app.store).helping:
            lines.append(helping_review(self.app.store, self.period).line(t.gave))
        summary.update(Text("\n".join(lines)))

    def _time_text(self) -> str:
        """``Networking 10:00 of 14:15: 70% ↓ below the 85% goal``: the period's share in words."""
        assert self.review is not None
        t = self.review.totals
        goals = self._goals()
        goal = goal_percent(goals.networking_share)
        if t.share is None:
            return "No time tracked"
        total = format_duration(t.networking + t.other)
        if goals.networking_share is None:
            return f"Networking {format_duration(t.networking)} of {total}: {percent(t.share)}, no share goal"
        met = t.share >= goals.networking_share
        mark = share_mark(met, self._ascii)
        verdict = f"{mark} meets the {goal} goal" if met else f"{mark} below the {goal} goal"
        return f"Networking {format_duration(t.networking)} of {total}: {percent(t.share)} {verdict}"

    def _show_pipeline(self) -> None:
        """The funnel of the period beside its networking share, then what led where."""
        store = self.app.store
        companies = store.companies()
        funnel = funnel_of(store, companies, self.period.first, self.period.last)
        self.query_one("#review-funnel", Static).update(
            Text("\n".join(funnel_lines(funnel, ascii=self._ascii)), no_wrap=True, overflow="crop")
        )
        share = Text(self._time_text() if self.review and self.review.days else "Nothing yet: still to come.")
        by = attribution_day(store, self.period.last)
        led = led_text(attribution_of(store, companies, self.period.last), store.contacts, by, ascii=self._ascii)
        self.query_one("#review-led", Static).update(Text("\n").join([share, Text(""), led]))

    # -- acting ---------------------------------------------------------------------------------

    def action_kind(self, kind: str) -> None:
        anchor = self.app.clock.today()
        if self.period.first <= anchor <= self.period.last:
            self.period = Period.of(kind, anchor)
        else:
            self.period = Period.of(kind, self.period.first)
        self.show(new_period=True)

    def action_move(self, steps: int) -> None:
        target = self.period.shifted(steps)
        if target.first > self.app.clock.today():
            self.notify("That period has not begun yet.", timeout=2)
            return
        self.period = target
        self.show(new_period=True)

    def action_pipeline(self) -> None:
        """Turns between the days and the pipeline; the period stays, so w, m, [ and ] work in both."""
        pipeline = not self.has_class("-pipeline")
        self.set_class(pipeline, "-pipeline")
        if pipeline:
            self._show_pipeline()
            self.query_one("#review-pipeline", VerticalScroll).focus()
        else:
            self.query_one(DataTable).focus()
        self.refresh_bindings()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """No day to open while the pipeline is shown."""
        return not (action == "open_day" and self.has_class("-pipeline"))

    def action_this_period(self) -> None:
        self.period = Period.of(self.period.kind, self.app.clock.today())
        self.show(new_period=True)

    async def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        await self.action_open_day()

    async def action_open_day(self) -> None:
        """The highlighted day's journal entry."""
        from networkday.ui.screens.journal import JournalScreen

        if not self.review or not self.review.days:
            return
        table = self.query_one(DataTable)
        day = self.review.days[min(table.cursor_row, len(self.review.days) - 1)].date
        await self.app.switch_mode("journal")
        screen = self.app.screen
        if isinstance(screen, JournalScreen):
            screen.show_day(day)
