"""Today's key for the call brief of the person on the selected row: a mixin, so today.py stays small."""

from __future__ import annotations

from textual.binding import Binding

from networkday.ui.messages import OpenBrief
from networkday.ui.screens.data_screen import DataScreen
from networkday.ui.widgets.queue_list import QueueList


class BriefingScreen(DataScreen):
    """Today's screen as far as the brief goes: ``b`` opens the selected person's brief.

    The base of ``ServingScreen``, so ``TodayScreen`` takes the key without a line of its own.
    """

    #: Not in the footer: at 80 columns it would push out ``? Help``; help and the palette list it.
    BINDINGS = [
        Binding(
            "b", "brief", "Brief", show=False, tooltip="A call brief: what to open with and offer", id="today.brief"
        )
    ]

    def action_brief(self) -> None:
        item = self.query_one(QueueList).current()
        if item is None:
            self.notify("The list is empty.", severity="warning")
        elif item.problem:
            self.notify(item.problem, severity="error", markup=False)
        else:
            self.post_message(OpenBrief(item.contact_id))
