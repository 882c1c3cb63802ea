"""Today's calls: the queue, one key per outcome, and straight on to the next person."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import date, timedelta

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.widgets import Static

from networkday.domain.cadence import TouchCounts
from networkday.domain.contact import LogEntry
from networkday.domain.queue import DayQueue, QueueItem
from networkday.domain.summary import ContactSummary
from networkday.domain.vocab import CHANNELS, OUTCOME_LABELS
from networkday.services.queue import day_queue, network_touch_counts
from networkday.storage.problems import StoreError
from networkday.ui.give_first import OfferHints
from networkday.ui.messages import OpenContact, OutcomeLogged
from networkday.ui.plain import plain_line
from networkday.ui.today_conflicts import ConflictLine, ConflictsLayer
from networkday.ui.today_detail import EMPTY, row_detail, show_serves
from networkday.ui.today_header import day_title, score_line
from networkday.ui.touch_line import touch_line
from networkday.ui.widgets.key_footer import KeyFooter
from networkday.ui.widgets.queue_list import QueueList
from networkday.ui.widgets.sync_segment import SyncSegment
from networkday.ui.widgets.timer_bar import TimerBar

#: Short words for the footer, so the main keys fit 80 columns; help and the palette say them in full.
OUTCOME_KEYS = {
    "will": ("w", "Will"),
    "wont": ("x", "Won't"),
    "no-answer": ("n", "No ans"),
    "left-message": ("m", "Msg"),
    "talked": ("t", "Talked"),
    "scheduled": ("s", "Sched"),
}


class TodayScreen(ConflictsLayer):
    HELP_TITLE = "Today's calls"
    #: The marks in the rows, explained under the keys in help (``?``).
    HELP_MARKS = (
        ("★ (*)", "a hiring manager"),
        ("→", "a step toward a hiring manager"),
        ("↩ (<)", "only asked of so far, never given anything: offer something first"),
    )
    BINDINGS = [
        *(
            Binding(
                key, f"outcome('{outcome}')", label, tooltip=OUTCOME_LABELS[outcome].capitalize(), id=f"today.{outcome}"
            )
            for outcome, (key, label) in OUTCOME_KEYS.items()
        ),
        Binding("enter", "open", "Open", id="today.open"),
        Binding("a", "add", "Add", id="today.add"),
        Binding("y", "accept", "Plan it", show=False, id="today.accept"),
        Binding("d,delete", "remove", "Remove", show=False, id="today.remove"),
        Binding("p", "postpone", "Postpone", show=False, id="today.postpone"),
        Binding("c", "channel", "Channel", show=False, id="today.channel"),
        Binding("u", "purpose", "Purpose", show=False, id="today.purpose"),
        Binding("K", "move(-1)", "Move up", show=False, id="today.move_up"),
        Binding("J", "move(1)", "Move down", show=False, id="today.move_down"),
        Binding("left_square_bracket", "day(-1)", "Prev day", show=False, id="today.prev_day"),
        Binding("right_square_bracket", "day(1)", "Next day", show=False, id="today.next_day"),
        Binding("g", "go_today", "Back to today", show=False, id="today.go_today"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.day: date = self.app.clock.today()
        #: The clock's day when the screen last looked: past midnight, a list on it follows.
        self._today: date = self.day
        self.queue: DayQueue | None = None
        #: The summaries the screen shows: the store's, or a preview's until the store has read them.
        self._contacts: Mapping[str, ContactSummary] = {}
        self._counts = TouchCounts()
        self._fingerprint: tuple[int, int] | None = None
        #: Whether another screen covered this one since it last showed (see on_screen_resume).
        self._covered = False
        self._offers = OfferHints(self, lambda: self.store, self._show_detail)

    def compose(self) -> ComposeResult:
        yield Static(id="day-title")
        with Horizontal(id="score-row"):  # the refrain, and the sync state in a repository
            yield Static(id="score")
            yield SyncSegment()
        yield Static(id="touch-counts")
        yield Static(id="day-problem")
        yield ConflictLine()
        yield QueueList(moved=self._show_detail)
        yield Static(id="row-detail")
        yield TimerBar()
        yield KeyFooter()

    def on_mount(self) -> None:
        preview = self.app.preview
        if preview is not None:
            # Drawn from what the app kept at its last exit; the app reloads once it is up.
            self._show(preview.queue, preview.contacts, preview.counts)
        else:
            self.reload()
        listing = self.query_one(QueueList)
        listing.next_open_after("")
        listing.focus()
        self.set_interval(2.0, self._poll)

    # -- showing ---------------------------------------------------------------------------

    @property
    def store(self):
        return self.app.store

    def reload(self, select: str | None = None) -> None:
        self._show(day_queue(self.store, self.day), self.store.contacts, network_touch_counts(self.store), select)

    def _show(
        self,
        queue: DayQueue,
        contacts: Mapping[str, ContactSummary],
        counts: TouchCounts,
        select: str | None = None,
    ) -> None:
        self.queue, self._contacts, self._counts = queue, contacts, counts
        self._offers.clear()
        self._fingerprint = self.store.day_fingerprint(self.day)
        listing = self.query_one(QueueList)
        listing.show(queue.items, contacts, self.app.clock.now(), queue.toward)
        self.call_after_refresh(show_serves, listing, self.store)  # company files: after the first frame
        if select:
            listing.select(select)  # the line under the list follows the cursor (``moved``)
        self._show_header()

    def _show_header(self) -> None:
        assert self.queue is not None
        self.query_one("#day-title", Static).update(day_title(self.queue, self.day, self.app.clock.today()))
        self.query_one("#score", Static).update(score_line(self.queue))
        self.query_one("#touch-counts", Static).update(touch_line(self._counts))
        problem = self.query_one("#day-problem", Static)
        problem.display = bool(self.queue.problem)
        problem.update(plain_line(f"! {self.queue.problem}" if self.queue.problem else ""))
        self.show_conflicts(self.day)

    def _show_detail(self) -> None:
        item = self.query_one(QueueList).current()
        detail = self.query_one("#row-detail", Static)
        if item is None:
            detail.update(Text(EMPTY), layout=False)
            return
        summary = self._contacts.get(item.contact_id)
        if summary is None:
            detail.update(plain_line(f"! {item.problem}"), layout=False)
            return
        assert self.queue is not None
        offer, serves = self._offers.line(item.contact_id), self.query_one(QueueList).serving(item.contact_id)
        lines = row_detail(item, summary, self._contacts, self.queue.toward, self.app.clock.now(), offer, serves)
        detail.update(lines, layout=False)  # a fixed height (app.tcss): no layout pass per cursor move

    def on_screen_suspend(self) -> None:
        self._covered = True

    def on_screen_resume(self) -> None:
        """Back from a person's screen, where a touch or an edit may have changed the row.

        The first resume comes right after mounting, which has just loaded the day: loading
        it again cost start-up a queue and a list at 30,000 contacts.
        """
        if self._covered and self.queue is not None:
            self._covered = False
            if self._follow_today():
                return
            self._reload_in_place()

    def _poll(self) -> None:
        """Midnight passed, or another instance or a hand edit changed the day file: show it."""
        if self._follow_today():
            return
        if self.store.day_fingerprint(self.day) != self._fingerprint:
            self.store.refresh_days([self.day])
            self._reload_in_place()

    def contact_files_changed(self, contact_ids: frozenset[str]) -> None:
        """A contact changed on disk, and perhaps the day's file (a command that logged a touch): the cursor stays."""
        self.store.refresh_days([self.day])
        self._reload_in_place()

    def _follow_today(self) -> bool:
        """Past midnight, a list showing the old today moves to the new one (True: reloaded).

        A day browsed with ``[`` and ``]`` stays; only its "Today"/"Tomorrow" label moves.
        A running timer session needs nothing: it is split at midnight when it is counted.
        """
        today = self.app.clock.today()
        if today == self._today:
            return False
        was, self._today = self._today, today
        if self.day != was or self.queue is None:
            if self.queue is not None:
                self._show_header()
            return False
        self.day = today
        self.store.refresh_days([today])
        self._reload_in_place()
        self.notify(f"A new day: {today:%A %d %B}.", markup=False, timeout=6)
        return True

    # -- acting --------------------------------------------------------------------------

    def _current(self) -> QueueItem | None:
        item = self.query_one(QueueList).current()
        if item is None:
            self.notify("The list is empty.", severity="warning")
        return item

    def _guard(self, action) -> bool:
        """Runs a store call; a failed write is shown and nothing on disk is lost."""
        try:
            action()
        except StoreError as error:
            self.notify(str(error), title="Not saved", severity="error", markup=False, timeout=10)
            return False
        return True

    def action_outcome(self, outcome: str) -> None:
        item = self._current()
        if item is None:
            return
        if item.problem:
            self.notify(item.problem, severity="error", markup=False)
            return
        if self.day != self.app.clock.today():
            self.notify("Outcomes are logged on today's list: press g to go back to today.", severity="warning")
            return
        entry = LogEntry(at=self.app.clock.now().replace(microsecond=0), channel=item.channel, outcome=outcome)
        purpose = item.purpose or item.reason
        from networkday.services.actions import log_touch

        logged: list = []
        if not self._guard(lambda: logged.append(log_touch(self.store, item.contact_id, entry, purpose=purpose))):
            return
        self.reload(select=item.contact_id)
        self.query_one(QueueList).next_open_after(item.contact_id)
        self._show_detail()
        if outcome == "wont":
            self.notify("So what — next!", timeout=2)
        self.post_message(OutcomeLogged())
        from networkday.ui.log_details import ask_details

        ask_details(self, self.store, logged[0], entry, OUTCOME_LABELS[outcome], self._reload_in_place)

    def _reload_in_place(self) -> None:
        current = self.query_one(QueueList).current()
        self.reload(select=current.contact_id if current else None)

    def _change_day(self, operation: Callable[..., object], *args: object) -> None:
        """Runs a ``services.plan`` operation on the day shown, then reloads on the same row."""
        item = self.query_one(QueueList).current()
        if self._guard(lambda: operation(self.store, self.day, *args)):
            self.reload(select=item.contact_id if item else None)

    def action_accept(self) -> None:
        from networkday.services.plan import accept_row

        item = self._current()
        if item and not item.planned:
            self._change_day(accept_row, item)

    def action_remove(self) -> None:
        from networkday.services.plan import remove_row

        item = self._current()
        if item is None:
            return
        if item.made:
            self.notify("A call that was made stays on the record.", severity="warning")
            return
        self._change_day(remove_row, item.contact_id)

    def action_move(self, offset: int) -> None:
        from networkday.services.plan import move_row

        item = self._current()
        if item is None:
            return
        self._change_day(move_row, item, offset)

    def action_channel(self) -> None:
        from networkday.services.plan import set_row_channel
        from networkday.ui.modals.choice import ChoiceModal

        item = self._current()
        if item is None:
            return

        def chosen(channel: str | None) -> None:
            if channel:
                self._change_day(set_row_channel, item, channel)

        options = [(channel, channel) for channel in CHANNELS]
        self.app.push_screen(ChoiceModal("Reach them by", options, item.channel), chosen)

    def action_purpose(self) -> None:
        from networkday.services.plan import set_row_purpose
        from networkday.ui.modals.choice import TextModal

        item = self._current()
        if item is None:
            return

        def typed(purpose: str | None) -> None:
            if purpose is not None:
                self._change_day(set_row_purpose, item, purpose.strip())

        self.app.push_screen(TextModal("Purpose of the call", item.purpose, "ask for an intro to…"), typed)

    def action_postpone(self) -> None:
        from networkday.domain.dates import parse_when
        from networkday.services.actions import postpone
        from networkday.ui.modals.choice import ChoiceModal, TextModal

        item = self._current()
        if item is None or item.made:
            return
        base = self.day

        def go(target: date) -> None:
            if self._guard(lambda: postpone(self.store, self.day, item.contact_id, target)):
                self.notify(f"Postponed to {target:%a %d %b}")
                self.reload()

        def typed(text: str | None) -> None:
            if text:
                go(parse_when(text, base))

        def check(text: str) -> str | None:
            try:
                target = parse_when(text, base)
            except ValueError as error:
                return str(error)
            return None if target > base else "Pick a day after this one."

        def chosen(choice: str | None) -> None:
            if choice == "date":
                self.app.push_screen(TextModal("Postpone to", "", "2026-12-01 or +10", check), typed)
            elif choice:
                go(base + timedelta(days=int(choice)))

        options = [("1", "Tomorrow"), ("3", "In 3 days"), ("7", "In a week"), ("date", "On a date…")]
        self.app.push_screen(ChoiceModal("Postpone until", options), chosen)

    def action_add(self) -> None:
        from networkday.services.plan import plan_call
        from networkday.ui.modals.pick_contact import NEW_PERSON, PickContact

        pick = PickContact(offer_new=True)

        def picked(contact_id: str | None) -> None:
            if contact_id == NEW_PERSON:
                contact_id = self._add_new(pick.typed)
            elif contact_id:
                self._change_day(plan_call, contact_id)
            if contact_id:
                self.query_one(QueueList).select(contact_id)
                self._show_detail()

        self.app.push_screen(pick, picked)

    def _add_new(self, name: str) -> str | None:
        """The name in Add matched nobody: it becomes a contact, as ``networkday add`` makes one,
        with a call planned on the day shown."""
        from networkday.services.people import add_and_plan

        added: list[str] = []
        if not self._guard(lambda: added.append(add_and_plan(self.store, self.day, name).id)):
            return None
        when = "today" if self.day == self.app.clock.today() else f"on {self.day:%a %-d %b}"
        self.notify(f"Added {name} to your network and planned the call {when}.", markup=False, timeout=6)
        self.reload(select=added[0])
        return added[0]

    def action_open(self) -> None:
        item = self._current()
        if item is None or item.problem:
            return
        self.post_message(OpenContact(item.contact_id))

    def action_day(self, offset: int) -> None:
        self.day += timedelta(days=offset)
        self.reload()

    def action_go_today(self) -> None:
        self.day = self.app.clock.today()
        self.reload()
