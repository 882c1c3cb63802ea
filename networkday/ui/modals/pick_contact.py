"""Find anyone in the network by typing part of a name, company, title or tag."""

from __future__ import annotations

from rich.text import Text
from textual import getters
from textual.widgets.option_list import Option

from networkday.ui.app import NetworkdayApp
from networkday.ui.modals.pick import PickModal, pick_bindings
from networkday.ui.plain import join, plain_line

LIMIT = 50


class PickContact(PickModal):
    IDS = ("pick-contact", "pick-query", "pick-results")
    HINT = "Type to search · ↓ to the list · Enter picks · Esc cancels"
    BINDINGS = pick_bindings("pick")
    app = getters.app(NetworkdayApp)

    def __init__(self, title: str = "Add a person to the day") -> None:
        super().__init__(title, "name, company, title or tag")

    def narrow(self, query: str) -> None:
        contacts = self.app.store.contacts
        options = []
        for hit in self.app.search_index.search(query, limit=LIMIT):
            summary = contacts.get(hit.id)
            if summary is None:
                continue
            label = join(plain_line(summary.name), plain_line(summary.company), plain_line(summary.title))
            options.append(Option(Text.assemble(label, (f"  ({hit.field})", "dim")), id=hit.id))
        self.show_options(options)
