"""Find anyone in the network by typing part of a name, company, title or tag."""

from __future__ import annotations

from rich.text import Text
from textual import getters
from textual.widgets import Input
from textual.widgets.option_list import Option

from networkday.domain.search import NAME_EXACT
from networkday.ui.app import NetworkdayApp
from networkday.ui.modals.pick import PickModal, pick_bindings
from networkday.ui.plain import join, plain_line

LIMIT = 50
#: The answer for "add the name typed as a new person": no contact id has this shape.
NEW_PERSON = "+new"
#: Letters typed before a name is offered as a new person: one letter is a search, not a name.
NAME_LEAST = 2


class PickContact(PickModal):
    IDS = ("pick-contact", "pick-query", "pick-results")
    HINT = "Type to search · ↓ to the list · Enter picks · Esc cancels"
    BINDINGS = pick_bindings("pick")
    app = getters.app(NetworkdayApp)

    def __init__(self, title: str = "Add a person to the day", *, offer_new: bool = False) -> None:
        super().__init__(title, "name, company, title or tag")
        #: Whether a typed name can become a new person: the result is then ``NEW_PERSON``.
        self._offer_new = offer_new

    @property
    def typed(self) -> str:
        """The name typed, for the caller that was answered ``NEW_PERSON``."""
        return self.query_one(Input).value.strip()

    def narrow(self, query: str) -> None:
        contacts = self.app.store.contacts
        options = []
        namesake = False
        for hit in self.app.search_index.search(query, limit=LIMIT):
            summary = contacts.get(hit.id)
            if summary is None:
                continue
            namesake = namesake or hit.tier == NAME_EXACT
            label = join(plain_line(summary.name), plain_line(summary.company), plain_line(summary.title))
            options.append(Option(Text.assemble(label, (f"  ({hit.field})", "dim")), id=hit.id))
        if self._offer_new and len(query.strip()) >= NAME_LEAST:
            # Last, so Enter still picks the best match; alone when the name matches nobody.
            # Namesakes are real (LinkedIn has many), so one is offered still, but named as such.
            add = "+ Add another " if namesake else "+ Add "
            new = Text.assemble(add, plain_line(query.strip()), " as a new person", style="italic")
            options.append(Option(new, id=NEW_PERSON))
        self.show_options(options)
