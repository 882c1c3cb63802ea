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
