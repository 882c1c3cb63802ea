"""A day's timer sessions: correct a start or end, add a forgotten one, delete one.

Sessions are named by their day and start instant, as the timer store wants, so an
edit in another window can never shift which session a key acts on.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from rich.text import Text
from textual import getters
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import DataTable, Input, Label

from networkday.domain.day import TimeSession
from networkday.domain.timer import TimerError, format_duration, parse_at
from networkday.domain.vocab import TIMER_KINDS
from networkday.domain.wall_time import TypedTime, repeated
from networkday.services import timer
from networkday.storage.problems import StoreError
from networkday.ui.app import NetworkdayApp
from networkday.ui.messages import TimerChanged
from networkday.ui.modals import DIALOG_CSS
from networkday.ui.widgets.key_table import KeyTable
from networkday.ui.widgets.typed_in_order import LineField

_CLOCK = re.compile(r"^\d{1,2}:\d{2}$")


@dataclass(frozen=True)
class SessionForm:
    kind: str
    start: datetime
    end: datetime | None


def read_time(text: str, day: date, now: datetime) -> TypedTime:
    """``HH:MM`` on the session's own day, or a full date and time; never in the future.

    On today's list, ``HH:MM`` is the last such time before now, as the timer reads it
    everywhere: ``17:30`` typed at 09:00 is yesterday evening's (``domain.wall_time``).
    """
    raw = text.strip()
    if not _CLOCK.match(raw) or day == now.date():
        return parse_at(raw, now)
    return parse_at(f"{day.isoformat()}T{raw}", now)


def start_label(day: date, now: datetime) -> str:
    """The start field's rule in words, as ``read_time`` reads it: on today's list ``20:00``
    typed in the morning is last evening's, so "on this day" would mislead there."""
    if day == now.date():
        return "Start (HH:MM: the last one before now, or a date and time)"
    return "Start (HH:MM on this day, or a date and time)"


def shown_time(at: datetime, now: datetime) -> str:
    """``HH:MM`` as the editor offers it, with the offset in the hour the clocks repeated,
    so that saving the dialog unchanged keeps the very instant it showed."""
    assert now.tzinfo is not None
    local = at.astimezone(now.tzinfo)
    if repeated(local.replace(tzinfo=None), now.tzinfo):
        return local.isoformat(timespec="minutes")
    return f"{local:%H:%M}"


class SessionEditor(ModalScreen[SessionForm | None]):
    app = getters.app(NetworkdayApp)
    CSS_PATH = DIALOG_CSS
    AUTO_FOCUS = "Input"  # the first field, not the scrolling dialog
    BINDINGS = [Binding("escape", "cancel", "Cancel", id="session.cancel")]

    def __init__(self, day: date, session: TimeSession | None) -> None:
        super().__init__()
        self._day = day
        self._session = session

    def compose(self) -> ComposeResult:
        session = self._session
        now = self.app.clock.now()
        with VerticalScroll(classes="dialog"):
            yield Label("Edit session" if session else "Add a forgotten session", classes="dialog-title")
            yield Label("Enter saves · Tab next field · Esc cancels", classes="dialog-keys")
            yield Label("Kind: networking or other")
            yield LineField(session.kind if session else "networking", id="session-kind", compact=True)
            yield Label(start_label(self._day, now), id="session-start-label")
            yield LineField(shown_time(session.start, now) if session else "", id="session-start", compact=True)
            yield Label("End (empty: still running)")
            end = shown_time(session.end, now) if session and session.end else ""
            yield LineField(end, id="session-end", compact=True)
            yield Label("", id="session-error", classes="field-error")

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        now = self.app.clock.now()
        kind = self.query_one("#session-kind", Input).value.strip().lower()
        try:
            if kind not in TIMER_KINDS:
                raise TimerError(f"kind must be one of {', '.join(TIMER_KINDS)}")
            start = read_time(self.query_one("#session-start", Input).value, self._day, now)
            end_text = self.query_one("#session-end", Input).value.strip()
            end = read_time(end_text, self._day, now) if end_text else None
        except TimerError as error:
            self.query_one("#session-error", Label).update(str(error))
            return
        for typed in (start, end):
            if typed is not None and typed.note is not None:
                self.app.notify(typed.note, title="Timer", markup=False, timeout=12)
        end_at = None if end is None else end.at
        if end_at is not None and end_at < start.at:
            end_at += timedelta(days=1)  # 23:00 to 01:00 crosses midnight
        self.dismiss(SessionForm(kind, start.at, end_at))

    def action_cancel(self) -> None:
        self.dismiss(None)


class SessionsScreen(ModalScreen[None]):
    app = getters.app(NetworkdayApp)
    CSS_PATH = DIALOG_CSS
    HELP_TITLE = "Timer sessions"
    BINDINGS = [
        Binding("escape,q", "close", "Close", id="sessions.close"),
        Binding("a", "add", "Add", id="sessions.add"),
        Binding("e,enter", "edit", "Edit", id="sessions.edit"),
        Binding("d,delete", "delete", "Delete", id="sessions.delete"),
        Binding("left_square_bracket", "day(-1)", "Prev day", id="sessions.prev_day"),
        Binding("right_square_bracket", "day(1)", "Next day", id="sessions.next_day"),
    ]

    def __init__(self, day: date) -> None:
        super().__init__()
        self._day = day
        self._sessions: list[TimeSession] = []

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="sessions"):
            yield Label("", id="sessions-title", classes="dialog-title")
            yield KeyTable(cursor_type="row", id="sessions-table")
            yield Label("", id="sessions-error", classes="field-error")
            yield Label("a add · e edit · d delete · [ ] day · Esc close", classes="dialog-hint")

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        for label in ("Kind", "Start", "End", "Time"):
            table.add_column(label)
        self._show()
        table.focus()

    def _show(self) -> None:
        self._sessions = timer.day_sessions(self.app.store, self._day)
        self.query_one("#sessions-title", Label).update(f"Timer sessions · {self._day:%a %d %b %Y}")
        table = self.query_one(DataTable)
        table.clear()
        now = self.app.clock.now()
        for session in self._sessions:
            end = session.end or now
            table.add_row(
                Text(session.kind),
                Text(f"{session.start:%H:%M}"),
                Text(f"{session.end:%H:%M}" if session.end else "running"),
                Text(format_duration((end - session.start).total_seconds())),
            )
        if not self._sessions:
            table.add_row(Text("none"), Text(""), Text(""), Text(""))

    def _selected(self) -> TimeSession | None:
        row = self.query_one(DataTable).cursor_row
        return self._sessions[row] if 0 <= row < len(self._sessions) else None

    def _run(self, action) -> None:
        try:
            action()
        except (TimerError, StoreError) as error:
            self.query_one("#sessions-error", Label).update(str(error))
            return
        self.query_one("#sessions-error", Label).update("")
        self._show()
        self.post_message(TimerChanged())

    def action_add(self) -> None:
        def saved(form: SessionForm | None) -> None:
            if form:
                self._run(lambda: timer.add_session(self.app.store, form.kind, form.start, form.end))

        self.app.push_screen(SessionEditor(self._day, None), saved)

    def action_edit(self) -> None:
        session = self._selected()
        if session is None:
            return

        def saved(form: SessionForm | None) -> None:
            if form:
                self._run(
                    lambda: timer.edit_session(
                        self.app.store, self._day, session.start, form.kind, form.start, form.end
                    )
                )

        self.app.push_screen(SessionEditor(self._day, session), saved)

    def action_delete(self) -> None:
        session = self._selected()
        if session is not None:
            self._run(lambda: timer.delete_session(self.app.store, self._day, session.start))

    def action_day(self, offset: int) -> None:
        self._day += timedelta(days=offset)
        self._show()

    def action_close(self) -> None:
        self.dismiss(None)
