"""Today rings once when a planned call's agreed time comes: the bell or a terminal notification, and a toast.

A base of Today's screen, which already holds the day's queue: each tick compares the
few planned calls in it with the clock, and reads no file. What was rung for goes into
the same machine-local set as `networkday remind` (``storage.machine_local``), read on
the first tick and claimed under its lock when a call comes due, so neither rings or
lists a call the other already did, even one `remind --within` listed meanwhile.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from datetime import date, timedelta

from networkday.domain.queue import DayQueue
from networkday.domain.reminders import Due, due_now
from networkday.domain.summary import ContactSummary
from networkday.domain.text import strip_controls
from networkday.storage.machine_local import Reminded
from networkday.storage.problems import StoreError
from networkday.ui.screens.data_screen import DataScreen

#: How often the clock is compared with the plan: a call rings within this of its time.
EVERY = 1.0
#: OSC 9 (iTerm2, WezTerm, kitty, foot, Windows Terminal) and OSC 777 (urxvt, VTE, Ghostty, foot).
_OSC = {"osc9": "\x1b]9;{text}\x07", "osc777": "\x1b]777;notify;networkday;{text}\x07"}


def alert_for(setting: str, term: str) -> str:
    """The alert to give: a notification escape is the bell on the Linux console, which has neither."""
    return "bell" if setting in _OSC and term == "linux" else setting


def osc_text(text: str) -> str:
    """Text safe inside an OSC string: no control character (BEL or ESC would end it) and no ``;`` for OSC 777."""
    return strip_controls(text).replace("\n", " ").replace(";", ",")


class CallAlarms(DataScreen):
    """Today's screen as far as ringing goes: it sets ``queue``, ``_contacts`` and ``day``.

    Textual calls each class's ``on_mount`` in turn, so Today's own still runs.
    """

    queue: DayQueue | None
    _contacts: Mapping[str, ContactSummary]
    day: date
    _reminded: Reminded | None = None

    def on_mount(self) -> None:
        #: What was rung for, or reminded by `networkday remind`: never rung again.
        self._rung: set[str] = set()
        self.set_interval(EVERY, self.ring_due_calls)

    def ring_due_calls(self) -> None:
        """Rings for each call of today whose time has come and that nobody was reminded of yet."""
        app = self.app
        today = app.clock.today()
        if self.queue is None or self.day != today:
            return
        if self._reminded is None or self._reminded.root != app.store.root:  # the first tick, or the demo opened
            self._reminded = Reminded(app.store.root)
            self._rung = set(self._reminded.keys())
        now = app.clock.now()
        due = due_now(self.queue.items, self._contacts, today, now, timedelta(), self._rung, timed_only=True)
        if not due:
            return
        self._rung.update(item.key for item in due)
        try:  # `networkday remind` may have listed one since the first tick: each is given once
            claimed = set(self._reminded.claim((item.key for item in due), now))
            due = [item for item in due if item.key in claimed]
        except StoreError as error:  # rung all the same; only cron may list it again
            app.notify(str(error), title="Reminders", severity="warning", markup=False, timeout=8)
        if due:
            self._alert(due)

    def _alert(self, due: list[Due]) -> None:
        app = self.app
        text = "; ".join(item.title for item in due)
        app.notify(text, title="Time for a call", markup=False, timeout=30)
        alert = alert_for(app.store.config.alert, os.environ.get("TERM", ""))
        driver = app._driver  # the only way to the terminal: App.bell() writes there too
        if alert == "bell":
            app.bell()
        elif alert in _OSC and driver is not None and not app.is_headless:
            driver.write(_OSC[alert].format(text=osc_text(text)))
