"""The app's side of the timer: keys, the offer after an outcome, the idle question.

``TimerControl`` is a layer of the App (``TerminalApp`` < ``TimerControl`` < ``SyncControl`` <
``NetworkdayApp``), so the timer's behaviour sits in one module and mypy checks what it
uses of the App; the state itself is always read back from the store
(``services.timer.snapshot``), never kept here.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import TypeVar

from networkday.domain.timer import TimerError, TimerState, parse_at
from networkday.services import idle, timer
from networkday.storage.problems import StoreError
from networkday.ui.messages import CallStarted, OutcomeLogged, TimerChanged
from networkday.ui.terminal import TerminalApp

SEEN_EVERY = 60.0

T = TypeVar("T")


class TimerControl(TerminalApp):
    """The timer's keys and questions, on the App that owns ``store``."""

    _offered_timer = False
    _seen_at = 0.0

    def timer_state(self) -> TimerState:
        return timer.snapshot(self.store)

    def _timer_call(self, action: Callable[[], T]) -> T | None:
        try:
            return action()
        except (TimerError, StoreError) as error:
            self.notify(str(error), title="Timer", severity="error", markup=False, timeout=8)
            return None

    def action_timer_toggle(self) -> None:
        """Stops what runs, else starts networking."""
        current = self._timer_call(lambda: timer.running(self.store))
        if current:
            self._timer_call(lambda: timer.stop(self.store, expected=current.session.start))
            self.notify("Timer stopped.", timeout=2)
        else:
            self._timer_call(lambda: timer.start(self.store, "networking"))
            self.notify("Networking timer started.", timeout=2)
        self.refresh_timer()

    def action_timer_switch(self) -> None:
        started = self._timer_call(lambda: timer.switch(self.store))
        if started:
            self.notify(f"Now tracking {started.running.session.kind}.", timeout=2)
        self.refresh_timer()

    def on_outcome_logged(self, _: OutcomeLogged) -> None:
        """After a call, time should count as networking: switch, or offer to once."""
        state = self.timer_state()
        if state.kind == "networking":
            return
        if self.store.config.auto_switch:
            self._timer_call(lambda: timer.ensure_networking(self.store))
            self.notify("Timer switched to networking.", timeout=2)
            self.refresh_timer()
        elif not self._offered_timer:
            self._offered_timer = True
            self.notify("The timer is not on networking: press T to start it.", title="Timer", timeout=6)

    def on_call_started(self, _: CallStarted) -> None:
        """A call is networking: the timer switches to it if it was off or on other work, and says so."""
        if self.timer_state().kind == "networking":
            return
        if self._timer_call(lambda: timer.ensure_networking(self.store)) is not None:
            self.notify("Call started: the timer now counts networking.", title="Timer", timeout=4)
        self.refresh_timer()

    def key_read(self) -> None:
        self.note_activity()

    def note_activity(self) -> None:
        """Remembers that the person is here (for the idle question), at most once a minute."""
        now = time.monotonic()
        if now - self._seen_at >= SEEN_EVERY:
            self._seen_at = now
            try:
                idle.touch_seen(self.store)
            except StoreError:
                return

    def ask_if_idle(self) -> None:
        """At start: a session ran long with nobody here. Ask once, offer three answers."""
        question = idle.idle_question(self.store)
        if question is None:
            return
        from networkday.ui.modals.choice import ChoiceModal, TextModal

        kind = question.running.session.kind
        seen = question.last_seen.strftime("%a %H:%M")
        hours = question.gap.total_seconds() / 3600

        def typed(text: str | None) -> None:
            if text:
                taken = parse_at(text, self.store.clock.now())
                self._timer_call(lambda: idle.end_at(self.store, question, taken.at))
                if taken.note is not None:
                    self.notify(taken.note, title="Timer", markup=False, timeout=12)
                self.refresh_timer()

        def check(text: str) -> str | None:
            try:
                at = parse_at(text, self.store.clock.now()).at
            except TimerError as error:
                return str(error)
            return None if at >= question.running.session.start else "That is before the session started."

        def answered(choice: str | None) -> None:
            if choice == "keep" or choice is None:
                self._timer_call(lambda: idle.keep_running(self.store))
            elif choice == "seen":
                self._timer_call(lambda: idle.end_when_last_seen(self.store, question))
            elif choice == "at":
                self.push_screen(TextModal("It ended at", "", "HH:MM or 2026-11-24T18:30", check), typed)
            self.refresh_timer()

        options = [
            ("keep", "Yes, I was working: keep it running"),
            ("seen", f"No: end it when I was last seen ({seen})"),
            ("at", "No: end it at a time I type…"),
        ]
        title = f"The {kind} timer has run {hours:.1f} h since you were last seen. Were you still working?"
        self.push_screen(ChoiceModal(title, options), answered)

    def action_timer_sessions(self) -> None:
        from networkday.ui.modals.sessions import SessionsScreen

        self.push_screen(SessionsScreen(self.store.clock.today()))

    def on_timer_changed(self, _: TimerChanged) -> None:
        self.refresh_timer()

    def refresh_timer(self) -> None:
        from networkday.ui.widgets.timer_bar import TimerBar

        for bar in self.screen.query(TimerBar):
            bar.refresh()
