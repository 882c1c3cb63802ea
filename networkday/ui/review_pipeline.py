"""The review's "what led where": what brought the search's interviews and offers, and each one's people.

The figures come from ``services.pipeline`` (the same ones ``review --json`` prints). The
whole search's lines come first (the share of opportunities that came through people, the
channels and the motives that led to interviews and offers), then every opportunity that
had come to an interview or an offer by the end of the period shown, each with its chain
of people from the first person you knew. Names, roles and motives are the user's words,
shown as plain text.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, tzinfo

from rich.text import Text

from networkday.domain.pipeline import Attribution, Behind, chains_behind, landed_by
from networkday.domain.summary import ContactSummary
from networkday.domain.timer import percent
from networkday.ui.plain import join, plain_line

NO_OPPORTUNITIES = "No opportunities yet: networkday opportunity add COMPANY_ID ROLE --via CONTACT_ID adds one."


def led_text(
    attribution: Attribution, contacts: Mapping[str, ContactSummary], last: date, tz: tzinfo, *, ascii: bool = False
) -> Text:
    """The whole search's lines, then each interview and offer by the end of ``last``."""
    lines = [Text("What led where, over the whole search", style="bold")]
    share = attribution.share_through_people
    if share is None:
        lines.append(Text(NO_OPPORTUNITIES))
        return Text("\n").join(lines)
    through, cold = attribution.through_people, attribution.cold
    lines += [
        Text(
            f"Through people: {through} of {through + cold} opportunities ({percent(share)}) · cold applications {cold}"
        ),
        Text("Channels that led to interviews and offers: ").append_text(_counts(attribution.by_channel)),
        Text("Motives of the people behind them: ").append_text(_counts(attribution.by_motive)),
        Text(""),
        Text(f"Interviews and offers by {last:%a %d %b %Y}", style="bold"),
    ]
    landed = [item for item in attribution.behind if landed_by(item.opportunity, last, tz)]
    for item in landed:
        lines += _behind_lines(item, contacts, " -> " if ascii else " → ")
    if not landed:
        lines.append(Text("None yet."))
    return Text("\n").join(lines)


def _counts(counts: Mapping[str, int]) -> Text:
    """``coffee 2 · email 1``, most first; ``none yet`` when there is nothing to count."""
    if not counts:
        return Text("none yet")
    return join(*(plain_line(name).append(f" {count}") for name, count in counts.items()))


def _behind_lines(item: Behind, contacts: Mapping[str, ContactSummary], arrow: str) -> list[Text]:
    """``Acme · Staff engineer · offer``, then who opened it, then the channels and motives."""
    opportunity = item.opportunity
    head = join(plain_line(item.company.name), plain_line(opportunity.role), opportunity.stage)
    if opportunity.cold:
        return [head, Text("  a cold application: nobody behind it")]
    chains = [
        Text(arrow).join([Text("you"), *(plain_line(_name(contacts, person)) for person in chain)])
        for chain in chains_behind(contacts, opportunity.via)
    ]
    channels = ", ".join(item.channels) or "no touch logged"
    motives = Text(", ").join([plain_line(motive) for motive in item.motives]) if item.motives else Text("none noted")
    return [
        head,
        Text("  ").append_text(Text("; ").join(chains)),
        Text(f"  channels {channels}"),
        Text("  motives ").append_text(motives),
    ]


def _name(contacts: Mapping[str, ContactSummary], contact_id: str) -> str:
    """A contact's name; the id itself when no contact has it (``check`` warns of that ``via``)."""
    summary = contacts.get(contact_id)
    return summary.name if summary else contact_id
