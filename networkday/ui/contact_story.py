"""A person's screen as text: every field, give and ask, motives, referral paths, history.

Built from the full record (read from its file) and the network's summaries; every piece
of user data goes through ``plain``/``plain_line``/``link``, so markup and escapes in a
name or a note are shown as typed. Warnings say what they mean in words, with a ``!``.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import UTC, datetime, timedelta

from rich.text import Text

from networkday.domain.cadence import cadence_of, days_since_touch, follow_up_state, is_losing_touch
from networkday.domain.contact import Contact
from networkday.domain.ledger import ledger_of
from networkday.domain.phone_kinds import kind_of
from networkday.domain.record_merge import CONFLICT
from networkday.domain.referrals import Referrals, chain_up
from networkday.domain.settings import Config
from networkday.domain.summary import ContactSummary
from networkday.domain.sync_duplicates import FLAG
from networkday.domain.vocab import MOTIVES
from networkday.domain.wording import outcome_text, since, until
from networkday.ui.contact_duplicate import likely_same
from networkday.ui.links import link
from networkday.ui.plain import join, plain, plain_line
from networkday.ui.record_conflicts import conflicts
from networkday.ui.widgets.contact_row import TARGET, star

LABEL_WIDTH = 14


def story(
    contact: Contact,
    contacts: Mapping[str, ContactSummary],
    config: Config,
    referrals: Referrals,
    now: datetime,
) -> tuple[Text, Text]:
    """The title line and the body of the person's screen."""
    target = bool(contact.company) and config.is_target(contact.company)
    title = Text(end="")
    if contact.hiring_manager:
        title.append(f"{star()} ")
    title.append_text(plain_line(contact.name, "bold"))
    extra = join(
        plain_line(contact.title),
        plain_line(contact.company),
        "hiring manager" if contact.hiring_manager else "",
        f"{TARGET} target company" if target else "",
    )
    if extra:
        title.append("  ")
        title.append_text(extra)
    body = Text(end="")
    for section in (
        conflicts(contact.to_dict()),
        likely_same(contact, contacts),
        _fields(contact, contacts, config, now, target),
        _notes(contact),
        _ledger(contact),
        _motives(contact),
        _referrals(contact, contacts, referrals),
        _history(contact, contacts),
    ):
        if section:
            if body:
                body.append("\n\n")
            body.append_text(section)
    return title, body


def _heading(text: str) -> Text:
    return Text(text, style="bold underline", end="")


def _row(out: Text, label: str, value: Text | str) -> None:
    out.append(f"\n{label:<{LABEL_WIDTH}}", style="bold")
    out.append_text(value if isinstance(value, Text) else Text(value))


def _fields(
    contact: Contact, contacts: Mapping[str, ContactSummary], config: Config, now: datetime, target: bool
) -> Text:
    out = _heading("Details")
    today = now.date()
    summary = contacts.get(contact.id) or ContactSummary.of(contact)
    company = plain_line(contact.company or "—")
    if target:
        company.append(f"  {TARGET} target company")
    _row(out, "company", company)
    _row(out, "title", plain_line(contact.title or "—"))
    _row(out, "email", _joined([link(f"mailto:{email}", email) for email in contact.email]))
    phones = (
        f"{phone} ({kind})" if (kind := kind_of(phone, contact.phone_kinds)) else phone for phone in contact.phone
    )
    _row(out, "phone", plain_line(", ".join(phones) or "—"))
    _row(out, "links", _joined([link(url) for url in contact.links]))
    _row(out, "tags", plain_line(", ".join(contact.tags) or "—"))
    _row(out, "hiring mgr", f"{star()} yes" if contact.hiring_manager else "no")
    _row(
        out,
        "referred by",
        _person(contacts, contact.referred_by) if contact.referred_by else Text("nobody: met directly"),
    )
    _row(out, "met", plain_line(contact.met or "—"))
    connected = contact.connected_on
    if connected is not None:  # imported people: when you connected, which is not a touch
        _row(out, "connected", connected.isoformat())
    _row(out, "keep in touch", _cadence(summary, config, now))
    state = follow_up_state(summary, today)
    follow = f"{contact.follow_up.isoformat()}, {until(contact.follow_up, today)}" if contact.follow_up else "none set"
    _row(out, "follow-up", f"{follow}  ! {state}" if state else follow)
    _row(out, "id", plain_line(contact.id))
    for key, value in contact.extra.items():
        if key in (CONFLICT, FLAG):  # shown above, as warnings
            continue
        _row(out, plain_line(key)[: LABEL_WIDTH - 1].plain, plain_line(str(value)))
    return out


def _joined(parts: list[Text]) -> Text:
    return join(*parts, sep=", ") if parts else Text("—")


def _person(contacts: Mapping[str, ContactSummary], contact_id: str) -> Text:
    summary = contacts.get(contact_id)
    if summary is None:
        return plain_line(f"{contact_id} (no such contact)")
    mark = f"{star()} " if summary.hiring_manager else ""
    return Text.assemble(mark, plain_line(summary.name), (" (", "dim"), plain_line(contact_id, "dim"), (")", "dim"))


def _cadence(summary: ContactSummary, config: Config, now: datetime) -> Text:
    cadence = cadence_of(summary, config)
    tz = now.tzinfo or UTC
    days = days_since_touch(summary, now.date(), tz)
    last = "never touched" if days is None else f"last touch {since(now.date() - timedelta(days=days), now.date())}"
    if cadence is None:
        return Text(f"no cadence set · {last}")
    source = "own" if summary.cadence_days else "from tags or config"
    out = Text(f"every {cadence} days ({source}) · {last}")
    if is_losing_touch(summary, config, now.date(), tz):
        out.append("  ! losing touch", style="bold")
    return out


def _notes(contact: Contact) -> Text | None:
    if not contact.notes.strip():
        return None
    out = _heading("Notes")
    out.append("\n")
    out.append_text(plain(contact.notes.rstrip()))
    return out


def _ledger(contact: Contact) -> Text:
    ledger = ledger_of(contact)
    out = _heading("Give and ask")
    out.append(f"\ngave {ledger.gave} · asked {ledger.asked} · balance {ledger.balance:+d}")
    if ledger.suggestion:
        out.append(f"\n! {ledger.suggestion}", style="bold")
    elif not ledger.entries:
        out.append("\nNothing given or asked yet: give first.", style="dim")
    for entry in ledger.entries:
        out.append(f"\n{entry.at:%Y-%m-%d}  ")
        out.append_text(
            join(plain_line(entry.gave and f"gave: {entry.gave}"), plain_line(entry.asked and f"asked: {entry.asked}"))
        )
    return out


def _motives(contact: Contact) -> Text:
    out = _heading("Why they may help")
    if not contact.motives:
        out.append("\nNo motives noted: e edits them.", style="dim")
    for motive in contact.motives:
        out.append(f"\n• {motive}: ", style="bold")
        out.append(MOTIVES.get(motive, ""))
    return out


def _referrals(contact: Contact, contacts: Mapping[str, ContactSummary], referrals: Referrals) -> Text:
    out = _heading("Referrals")
    chain = chain_up(contacts, contact.id) if contact.id in contacts else None
    up = Text(end="")
    if chain and chain.ids:
        up = join(*(_person(contacts, step) for step in chain.ids), sep=" ← ")
        if chain.missing:
            up.append_text(plain_line(f" ← {chain.missing} (no such contact)"))
        elif chain.cycle:
            up.append(" ← … (the chain loops back)")
    elif contact.referred_by:
        up = _person(contacts, contact.referred_by)
    _row(out, "up", up or Text("you met them yourself"))
    down = referrals.down(contact.id)
    _row(out, "down", join(*(_person(contacts, child) for child in down), sep=", ") if down else Text("nobody yet"))
    managers = referrals.hiring_managers_via(contact.id)
    if managers:
        out.append("\nShortest known path to a hiring manager at a target company:", style="bold")
    for manager in managers:
        path = referrals.paths[manager]
        line = Text("\n  you → ", end="")
        line.append_text(join(*(_person(contacts, step) for step in path), sep=" → "))
        company = contacts[manager].company
        if company:
            line.append("  at ")
            line.append_text(plain_line(company))
        out.append_text(line)
    return out


def _history(contact: Contact, contacts: Mapping[str, ContactSummary]) -> Text:
    """Every touch, newest first; whom they were introduced to by name (the touch holds ids)."""
    out = _heading(f"History, newest first ({len(contact.log)})")
    if not contact.log:
        out.append("\nNo touches yet: l logs one.", style="dim")
    for entry in contact.history():
        out.append(f"\n{entry.at:%Y-%m-%d %H:%M}  ", style="bold")
        out.append_text(join(entry.channel, outcome_text(entry.outcome)))
        details = join(
            plain_line(entry.gave and f"gave: {entry.gave}"),
            plain_line(entry.asked and f"asked: {entry.asked}"),
            plain_line(entry.note and f"note: {entry.note}"),
            plain_line(entry.gained and f"they gained: {entry.gained}"),
            plain_line(entry.they_asked and f"they asked: {entry.they_asked}"),
            plain_line(f"introduced to: {_names(contacts, entry.introduced)}" if entry.introduced else ""),
            plain_line(entry.landed and f"landed: {entry.landed}"),
        )
        if details:
            out.append("\n    ")
            out.append_text(details)
    return out


def _names(contacts: Mapping[str, ContactSummary], whom: list[str]) -> str:
    """Contact ids as their names; a name of someone not in the network as written."""
    return ", ".join(contacts[one].name if one in contacts else one for one in whom)
