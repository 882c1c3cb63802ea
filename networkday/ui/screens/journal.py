"""The journal: the day's figures beside the reflection, and every earlier day.

Today's entry opens with the figures taken from the data, the people contacted (Enter
opens one), then one text area per prompt from config and a rating from 1 to 5. What
is typed is saved by :class:`~networkday.ui.screens.journal_saving.JournalSaving` (within
a second, never over a hand edit). ``b`` lists every day written, ``/`` searches them all,
``[`` and ``]`` move day by day.
"""

from __future__ import annotations

import os
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from networkday.domain.day import Day
from networkday.domain.figures import DayFigures
from networkday.domain.journal import outcomes_line
from networkday.domain.journal_draft import Draft
from networkday.domain.pipeline import moves_line
from networkday.domain.timer import format_duration, goal_percent, percent
from networkday.domain.wording import outcome_text
from networkday.services.figures import day_figures
from networkday.services.mode import settings
from networkday.storage.problems import StoreError
from networkday.ui.messages import OpenContact
from networkday.ui.plain import join, plain_line
from networkday.ui.record_conflicts import SETTLE_ON_TODAY, conflicts
from networkday.ui.screens.journal_saving import POLL, JournalSaving
from networkday.ui.widgets.answer_area import AnswerArea
from networkday.ui.widgets.key_footer import KeyFooter
from networkday.ui.widgets.key_list import KeyList
from networkday.ui.widgets.timer_bar import TimerBar

if TYPE_CHECKING:
    from networkday.storage.drafts import Draft as KeptDraft


def rating_text(rating: int | None, *, ascii: bool = False) -> str:
    """``★★★★☆ 4/5``: the stars for the eye, the digits so nothing rests on the glyphs.

    The Linux console's font has no stars: ``****- 4/5`` there.
    """
    if rating is None:
        return "not rated (+/-)"
    full, empty = ("*", "-") if ascii else ("★", "☆")
    return f"{full * rating}{empty * (5 - rating)} {rating}/5"


def figures_text(figures: DayFigures, *, ascii: bool = False) -> Text:
    """The day's figures in three short lines, every judgement in words, and the opportunities moved."""
    goals = figures.goals
    if figures.share is None:
        time_text = "no time tracked"
    else:
        verdict = "goal met" if figures.share_met else "below goal"
        total = format_duration(figures.networking + figures.other)
        goal = (
            "no goal" if goals.networking_share is None else f"goal {goal_percent(goals.networking_share)}: {verdict}"
        )
        time_text = f"{format_duration(figures.networking)} of {total} tracked, {percent(figures.share)} ({goal})"
    glad = f"glad you called {figures.glad}" if figures.glad else ""
    calls = join(
        f"Calls: {figures.made} made of {figures.planned} planned (goal {goals.calls_per_day})",
        f"gave {figures.gave}",
        f"asked {figures.asked}",
        glad,
    )
    if goals.gives_per_week is not None:  # helping: the gives lead, and calls have no goal
        gives = f"Gave {figures.gave} (goal {goals.gives_per_week} a week)"
        made = f"calls: {figures.made} made of {figures.planned} planned"
        calls = join(gives, f"asked {figures.asked}", glad, made)
    lines = [
        calls,
        Text(outcomes_line(figures)),
        Text(f"Networking: {time_text}"),
    ]
    if figures.moves:
        lines.append(plain_line(moves_line(figures.moves, " -> " if ascii else " → ")))
    return Text("\n").join(lines)


class JournalScreen(JournalSaving):
    HELP_TITLE = "Journal"
    CSS_PATH = "../styles/journal.tcss"
    BINDINGS = [
        Binding("e", "write", "Write", id="journal.write"),
        Binding("escape", "leave", "Done writing", id="journal.leave"),
        Binding("r", "rate", "Rate", id="journal.rate"),
        Binding("plus,equals_sign", "rate_by(1)", "Rating up", show=False, id="journal.rate_up"),
        Binding("minus", "rate_by(-1)", "Rating down", show=False, id="journal.rate_down"),
        Binding("b", "browse", "Browse", id="journal.browse"),
        Binding("slash", "search", "Search", id="journal.search"),
        Binding("p", "people", "People", show=False, id="journal.people"),
        Binding("left_square_bracket", "day(-1)", "Prev day", show=False, id="journal.prev_day"),
        Binding("right_square_bracket", "day(1)", "Next day", show=False, id="journal.next_day"),
        Binding("g", "go_today", "Back to today", show=False, id="journal.go_today"),
        Binding("R", "resolve(False)", "Use file", id="journal.reload"),
        Binding("W", "resolve(True)", "Keep mine", id="journal.keep_mine"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.day = self.app.clock.today()
        self.draft: Draft | None = None
        self._answers: list[tuple[Static, AnswerArea]] = []

    def compose(self) -> ComposeResult:
        with Horizontal(id="journal-head"):
            yield Static(id="journal-title")
            yield Static(id="journal-state")
        yield Static(id="journal-problem")
        with VerticalScroll(id="journal-body"):
            yield Static(id="journal-conflicts")
            yield Static(id="journal-figures")
            yield Static(id="journal-people-label")
            yield KeyList(id="journal-people")
            yield Vertical(id="journal-answers")
        yield TimerBar()
        yield KeyFooter()

    def on_mount(self) -> None:
        self._load()
        self.set_interval(POLL, self._poll)

    def on_screen_resume(self) -> None:
        self._show_figures()

    def on_screen_suspend(self) -> None:
        self.flush()

    def on_unmount(self) -> None:
        """The app is closing: save what is typed; on a clash, keep both texts rather than lose one.

        The widgets are gone by now; the draft holds every keystroke already. A signal that
        ended the app has done this already (``keep_typed``): twice would keep both twice.
        """
        if self._leaving:
            return
        self._leaving = True
        if self.conflict is not None and self.draft is not None:
            self._keep_both()
        else:
            self.flush()

    def keep_typed(self, kept: datetime, why: str) -> list[KeptDraft]:
        """A signal is ending the app: the entry is saved now, as on quitting; no draft is left."""
        self.on_unmount()
        return []

    # -- loading and showing -----------------------------------------------------------------

    def _load(self) -> None:
        self._stop_timer()
        self.conflict = None
        self.error = ""
        self.saved_at = ""
        self._fingerprint = self.store.day_fingerprint(self.day)
        path = self.store.day_path(self.day)
        try:
            record = self.store.day(self.day)
        except StoreError as error:
            self.draft = None
            self.blocked = f"{error}\nThe file is left as it is: fix it by hand; nothing is saved here."
        else:
            self.draft = Draft(self.day, record.journal, settings(self.store).prompts)
            reason = self.store.read_only_reason(path)
            self.blocked = f"{reason}\nShown read-only." if reason else ""
        self._build_answers()
        self._show_figures()
        self._show_state()

    def _build_answers(self) -> None:
        """One prompt and text area per section, reusing those on screen (no flicker, no stale ids)."""
        sections = self.draft.sections() if self.draft else []
        box = self.query_one("#journal-answers", Vertical)
        for label, area in self._answers[len(sections) :]:
            label.remove()
            area.remove()
        del self._answers[len(sections) :]
        for index, (key, text) in enumerate(sections):
            if index < len(self._answers):
                label, area = self._answers[index]
                label.update(plain_line(key[0]))
                area.reset(key, text, read_only=bool(self.blocked))
            else:
                label = Static(plain_line(key[0]), classes="prompt")
                area = AnswerArea(key, text, read_only=bool(self.blocked))
                self._answers.append((label, area))
                box.mount(label, area)

    def _areas(self) -> list[AnswerArea]:
        return [area for _, area in self._answers]

    def _show_figures(self) -> None:
        """From the day file and the company files as they are now: calls logged on Today since count at once."""
        self._company_marks = self.store.company_marks()  # before counting: a change during it shows next poll
        try:
            record: Day | None = self.store.day(self.day)
        except StoreError:
            record = None
        figures = day_figures(self.store, self.day, record)
        found = conflicts(record.to_dict(), SETTLE_ON_TODAY) if record is not None else None
        self.query_one("#journal-conflicts", Static).display = found is not None
        self.query_one("#journal-conflicts", Static).update(found or "")
        ascii = os.environ.get("TERM", "") == "linux"
        self.query_one("#journal-figures", Static).update(figures_text(figures, ascii=ascii))
        people = self.query_one("#journal-people", OptionList)
        highlighted = people.highlighted
        people.clear_options()
        for person in figures.people:
            outcome = outcome_text(person.outcome, none="note only")
            people.add_option(Option(join(plain_line(person.name), outcome, sep=" — "), id=person.id))
        if figures.people:
            people.highlighted = min(highlighted or 0, len(figures.people) - 1)
        people.display = bool(figures.people)
        label = "People contacted (p, then Enter opens one):" if figures.people else "Nobody contacted this day."
        self.query_one("#journal-people-label", Static).update(Text(label))

    def _show_state(self) -> None:
        if self._leaving:
            return
        today = self.app.clock.today()
        when = "today" if self.day == today else "yesterday" if self.day == today - timedelta(days=1) else ""
        title = f"Journal · {self.day.strftime('%a %d %b %Y')}{' · ' + when if when else ''}"
        self.query_one("#journal-title", Static).update(Text(title, style="bold"))
        if self.draft is None or self.blocked:
            status = "read-only"
        elif self.conflict is not None or self.error:
            status = "NOT SAVED"
        elif self.draft.dirty:
            status = "not saved yet…"
        else:
            status = f"saved {self.saved_at}" if self.saved_at else "saved"
        ascii = os.environ.get("TERM", "") == "linux"
        rating = rating_text(self.draft.rating, ascii=ascii) if self.draft else ""
        self.query_one("#journal-state", Static).update(Text(join(rating, status).plain))
        problem = self.query_one("#journal-problem", Static)
        message = self.blocked or self._problem_text()
        problem.display = bool(message)
        problem.update(Text(message))
        self.refresh_bindings()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Keys a text area would type are left out of the footer while writing; R and W only after a clash."""
        if action == "resolve":
            return self.conflict is not None
        writing = isinstance(self.focused, AnswerArea) and not self.focused.read_only
        if action == "leave":
            return writing
        return not writing

    # -- moving around ------------------------------------------------------------------------

    def show_day(self, day: date) -> None:
        """Opens ``day``'s entry; the one on screen is saved first, and a clash keeps it open."""
        if day == self.day and self.draft is not None:
            return
        if not self.flush():
            self.notify("This entry is not saved yet: see the message at the top.", severity="warning")
            return
        self.day = day
        self._load()
        self.action_leave()

    def action_day(self, offset: int) -> None:
        target = self.day + timedelta(days=offset)
        if target > self.app.clock.today():
            self.notify("The journal is for days that have begun.", timeout=2)
            return
        self.show_day(target)

    def action_go_today(self) -> None:
        self.show_day(self.app.clock.today())

    def action_write(self) -> None:
        """Into the first answer at once (``set_focus``): keys read with ``e`` go into it, not to the screen's keys."""
        areas = self._areas()
        if areas:
            self.set_focus(areas[0])

    def action_leave(self) -> None:
        """Out of the text, so the screen's keys work again; the people list if there is one."""
        people = self.query_one("#journal-people", OptionList)
        if people.display:
            people.focus()
        else:
            self.set_focus(None)

    def action_people(self) -> None:
        people = self.query_one("#journal-people", OptionList)
        if people.display:
            people.focus()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        if event.option_list.id == "journal-people" and event.option.id:
            self.post_message(OpenContact(event.option.id))

    # -- rating ---------------------------------------------------------------------------------

    def _rate(self, rating: int | None) -> None:
        if self.draft is None or self.blocked:
            self.notify("This day cannot be changed here: see the message at the top.", severity="warning")
            return
        self.draft.rating = rating
        self.flush()
        self._show_state()

    def action_rate_by(self, step: int) -> None:
        """One step up or down; the first press on an unrated day gives the middle, 3."""
        rating = self.draft.rating if self.draft else None
        self._rate(3 if rating is None else min(max(rating + step, 1), 5))

    def action_rate(self) -> None:
        from networkday.ui.modals.choice import ChoiceModal

        if self.draft is None or self.blocked:
            self._rate(None)
            return
        options = [(str(n), rating_text(n)) for n in range(5, 0, -1)] + [("none", "No rating")]
        current = str(self.draft.rating) if self.draft.rating else "none"

        def chosen(value: str | None) -> None:
            if value:
                self._rate(None if value == "none" else int(value))

        self.app.push_screen(ChoiceModal(f"Rate {self.day:%a %d %b}", options, current), chosen)

    # -- browsing ---------------------------------------------------------------------------------

    def action_browse(self, search: bool = False) -> None:
        from networkday.ui.modals.journal_days import JournalDays

        self.flush()

        def chosen(day: date | None) -> None:
            if day is not None:
                self.show_day(day)

        self.app.push_screen(JournalDays(self.day, search=search), chosen)

    def action_search(self) -> None:
        self.action_browse(search=True)
