"""A company's screen in words: its people by distance to a hiring manager, its opportunities,
each with its dated steps and the chain of people behind it.

Built as plain ``Text`` from the summaries and the company file, so it can be read and
tested without a terminal; every piece of user text goes through ``plain_line``.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import tzinfo

from rich.text import Text

from networkday.domain.companies import Opportunity
from networkday.domain.company_rows import CompanyRow, distances
from networkday.domain.pipeline import chain_behind
from networkday.domain.summary import ContactSummary
from networkday.ui.plain import join, plain_line
from networkday.ui.widgets.company_cells import open_text, path_text
from networkday.ui.widgets.contact_row import TARGET, star


def title_line(row: CompanyRow) -> Text:
    company = row.company
    return join(
        plain_line(row.name, "bold"),
        f"{TARGET} target" if row.target else "not a target",
        f"priority {company.priority}" if company and company.priority else "",
        f"{len(row.people)} people",
        plain_line(company.website) if company else "no file yet",
    )


def people_lines(row: CompanyRow, contacts: Mapping[str, ContactSummary]) -> list[Text]:
    """Hiring managers first, then whoever is fewest introductions away from one, then the rest by name."""
    steps = distances(contacts, row.people)
    order = sorted(row.people, key=lambda p: (steps.get(p, 10**6), contacts[p].name.casefold(), p))
    lines = [Text("People, nearest to a hiring manager first", style="bold underline")]
    for person in order:
        summary = contacts[person]
        away = steps.get(person)
        mark = star() if away == 0 else "-" if away is None else f"{away}"
        where = (
            "hiring manager"
            if away == 0
            else "no chain to a hiring manager"
            if away is None
            else "can introduce you to one"
            if away == 1
            else f"{away} introductions from one"
        )
        line = join(plain_line(summary.name), plain_line(summary.title), where)
        lines.append(Text.assemble(f"  {mark:>2} ", line))
    if not row.people:
        lines.append(Text("  Nobody here yet: give a contact this company.", style="dim"))
    lines.append(Text.assemble("  Best path: ", plain_line(path_text(contacts, row.path))))
    return lines


def opportunity_lines(item: Opportunity, contacts: Mapping[str, ContactSummary], tz: tzinfo) -> list[Text]:
    """The role and stage, each dated step with its note, and the chain of people behind it."""
    opened = f"opened {item.opened.isoformat()}" if item.opened else ""
    lines = [join(Text.assemble("  ", plain_line(item.role, "bold")), item.stage, opened)]
    if item.link:
        lines.append(Text.assemble("    ", plain_line(item.link)))
    for step in item.steps:
        when = step.at.astimezone(tz).date().isoformat()
        lines.append(join(Text(f"    {when} {step.stage}"), plain_line(step.note)))
    people = chain_behind(contacts, item.via)
    if people:
        names = " → ".join(["you", *(contacts[p].name if p in contacts else p for p in people)])
        lines.append(Text.assemble("    Behind it: ", plain_line(names)))
    else:
        lines.append(Text("    Behind it: nobody (a cold application)", style="dim"))
    return lines


def company_story(row: CompanyRow, contacts: Mapping[str, ContactSummary], tz: tzinfo) -> Text:
    lines = people_lines(row, contacts)
    lines.append(Text(""))
    lines.append(Text(f"Opportunities · {open_text(row) or 'none open'}", style="bold underline"))
    items = row.company.opportunities if row.company else ()
    for item in items:
        lines.extend(opportunity_lines(item, contacts, tz))
    if not items:
        lines.append(Text("  None yet: press o to add one.", style="dim"))
    return Text("\n").join(lines)
