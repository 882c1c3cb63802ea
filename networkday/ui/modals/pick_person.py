"""Pick one of a few people (those at a company) by typing part of a name, title or tag, fuzzily.

The same search as finding anyone in the network (``domain.search``), over an index of
just these people, built when the dialog opens: a company has dozens of people, not 30,000.
"""

from __future__ import annotations

from rich.text import Text
from textual.widgets.option_list import Option

from networkday.domain.search import SearchIndex
from networkday.domain.summary import ContactSummary
from networkday.ui.modals.pick import PickModal, pick_bindings
from networkday.ui.plain import join, plain_line


class PickPerson(PickModal):
    """Returns the id picked, ``none`` for the first option (its label is ``none_label``), or None on Escape."""

    IDS = ("pick-person", "pick-person-query", "pick-person-results")
    HINT = "Type to search · ↓ to the list · Enter picks · Esc cancels"
    BINDINGS = pick_bindings("pick_person")

    def __init__(self, title: str, people: list[ContactSummary], none: tuple[str, str]) -> None:
        super().__init__(title, "name, title or tag")
        self._people = {summary.id: summary for summary in sorted(people, key=lambda s: s.name.casefold())}
        self._index = SearchIndex(self._people.values())
        self._none = none

    def on_mount(self) -> None:
        self.narrow("")

    def narrow(self, query: str) -> None:
        if query.strip():
            found = [(self._people[hit.id], hit.field) for hit in self._index.search(query) if hit.id in self._people]
            options = [self._option(summary, field) for summary, field in found]
        else:
            value, label = self._none
            options = [Option(Text(label, style="italic"), id=value)]
            options += [self._option(summary, "") for summary in self._people.values()]
        self.show_options(options)

    @staticmethod
    def _option(summary: ContactSummary, field: str) -> Option:
        label = join(plain_line(summary.name), plain_line(summary.title))
        return Option(Text.assemble(label, (f"  ({field})" if field else "", "dim")), id=summary.id)
