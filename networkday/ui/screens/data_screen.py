"""The screens that show records, which the App asks to show them again after a bulk change."""

from __future__ import annotations

from textual import getters
from textual.screen import Screen

from networkday.ui.app import NetworkdayApp


class DataScreen(Screen[None]):
    """A screen of the app's records; ``reload`` is the one call the App makes down to it."""

    app = getters.app(NetworkdayApp)

    def reload(self) -> None:
        """Shows the records as the store holds them now (after an import, or the demo)."""

    def contact_files_changed(self, contact_ids: frozenset[str]) -> None:
        """The store read these contacts again from files changed on disk (``ui/follow.py``).

        Called on the visible screen of records only, perhaps under a dialog: a screen
        that shows contacts shows them again here, and leaves whatever is typed alone.
        """

    def company_files_changed(self) -> None:
        """Company files changed on disk (``ui/follow.py``): a screen that shows companies shows them again.

        Called like ``contact_files_changed``: on the visible screen of records only, whose dialogs stay as typed.
        """
