"""Today's ``C``: the call screen for the selected row, with the row's channel and purpose.

A layer between ``ServingScreen`` and ``TodayScreen`` so the key and its action live
outside today.py, which is at its size limit.
"""

from __future__ import annotations

from textual.binding import Binding

from networkday.ui.today_detail import ServingScreen
from networkday.ui.widgets.queue_list import QueueList


class CallingScreen(ServingScreen):
    """Today's list as far as calls go: ``C`` opens the call screen on the cursor's person."""

    BINDINGS = [Binding("C", "call", "Call", show=False, id="today.call")]

    def action_call(self) -> None:
        from networkday.ui.screens.call import CallScreen

        item = self.query_one(QueueList).current()
        if item is None or item.problem:
            self.notify(item.problem or "" if item else "The list is empty.", severity="warning", markup=False)
            return
        self.app.push_screen(CallScreen(item.contact_id, channel=item.channel, purpose=item.purpose or item.reason))
