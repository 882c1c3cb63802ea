"""The pane under Today's list: who the row is, why they are there, what to offer them first,
and the open opportunity the call serves."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime

from rich.text import Text

from networkday.domain.give_first import only_asked
from networkday.domain.queue import QueueItem, last_touch_text
from networkday.domain.summary import ContactSummary
from networkday.domain.text import shown_line
from networkday.storage.store import Store
from networkday.ui.give_first import asked_only_mark
from networkday.ui.plain import join, plain_line
from networkday.ui.today_brief import BriefingScreen
from networkday.ui.widgets.contact_row import star
from networkday.ui.widgets.queue_list import QueueList

EMPTY = "Nobody here yet: press a to add someone, or ] to plan tomorrow."


def show_serves(listing: QueueList, store: Store) -> None:
    """Names in the list the open opportunity each call serves, from the company files that
    have one: run after Today's first frame, so start-up reads no company file."""
    from networkday.services.companies import opportunity_hints

    contacts = {summary.id: summary for _, summary in listing.rows if summary is not None}
    listing.serve(opportunity_hints(store, contacts, list(contacts)))


class ServingScreen(BriefingScreen):
    """Today's screen as far as company files go: the opportunities its calls serve follow them."""

    def company_files_changed(self) -> None:
        """A company file changed (``ui/follow.py``): the rows name the opportunities as they are now."""
        if self.is_mounted:  # else its mount reads them
            self.call_after_refresh(show_serves, self.query_one(QueueList), self.app.store)


def row_detail(
    item: QueueItem,
    summary: ContactSummary,
    contacts: Mapping[str, ContactSummary],
    toward: Mapping[str, list[str]],
    now: datetime,
    offer: Text,
    serves: tuple[str, str] | None = None,
) -> Text:
    """Three lines, each cut at the screen's edge (app.tcss), so what says most comes first in each.

    ``serves`` is the role and stage of the open opportunity at their company.
    ``offer`` is the line of what to offer (``give_first.OfferHints``); a person only asked
    of so far has it opened by the row's mark, which it explains.
    """
    lines = join(
        plain_line(summary.name, "bold"),
        f"{star()} hiring manager" if summary.hiring_manager else toward_text(item.contact_id, contacts, toward),
        plain_line(summary.company),
        Text.assemble("for ", plain_line(serves[0]), f", {serves[1]}") if serves else "",
        plain_line(summary.title),
    )
    lines.append("\n")
    lines.append_text(
        join(
            plain_line(item.reason) if item.reason != "planned" else "",
            f"at {item.time}" if item.time else "",
            f"via {item.channel}",
            f"last: {last_touch_text(summary, now)}",
            plain_line(item.purpose),
        )
    )
    lines.append("\n")
    if only_asked(summary):
        lines.append(f"{asked_only_mark()} ")
    lines.append_text(offer)
    return lines


def toward_text(contact_id: str, contacts: Mapping[str, ContactSummary], toward: Mapping[str, list[str]]) -> str:
    """``→ a step toward Dana and 2 more``: the hiring managers this person leads to."""
    managers = [contacts[hm].name for hm in toward.get(contact_id, []) if hm != contact_id and hm in contacts]
    if not managers:
        return ""
    more = f" and {len(managers) - 1} more" if len(managers) > 1 else ""
    return f"→ a step toward {shown_line(managers[0])}{more}"
