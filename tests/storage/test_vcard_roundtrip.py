"""vCard export then import into an empty folder gives back the same people, fields and tags."""

from __future__ import annotations

import tempfile
from dataclasses import fields
from datetime import date
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from networkday.clock import FixedClock
from networkday.domain.contact import Contact
from networkday.domain.dedupe import name_key
from networkday.domain.incoming import clean_block, clean_line, phone_key
from networkday.domain.vocab import MOTIVES
from networkday.exporters.vcard import render
from networkday.importers import parse_file
from networkday.services.importer import import_source
from networkday.storage.store import Store
from tests.conftest import NOW

#: Everything a vCard carries; the history travels in `export csv --history`.
COMPARED = tuple(item.name for item in fields(Contact) if item.name not in ("id", "log", "extra", "referred_by"))


def exported_and_back(contacts: list[Contact], folder: Path, referrals: dict[int, int] | None = None) -> dict:
    """Saves the contacts (``referrals`` maps a position to its referrer's), exports them as vCard
    and imports that into an empty folder; the imported contacts by name.
    """
    source = Store.open(folder / "from", FixedClock(NOW))
    source.add_contacts(contacts)
    for position, referrer in (referrals or {}).items():
        contacts[position].referred_by = contacts[referrer].id
        source.update_contact(
            contacts[position].id, lambda c, ref=contacts[referrer].id: setattr(c, "referred_by", ref)
        )
    card = folder / "all.vcf"
    card.write_bytes(render([source.contact(contact_id) for contact_id in sorted(source.contacts)]))
    target = Store.open(folder / "to", FixedClock(NOW))
    summary = import_source(target, parse_file("vcard", card))
    assert summary.skipped == []
    assert all("looks mis-encoded" in str(warning) for warning in summary.warnings)  # "Â¡" is a fine name
    return {target.contact(contact_id).name: target.contact(contact_id) for contact_id in target.contacts}


def same(before: list[Contact], after: dict[str, Contact]) -> None:
    names = {contact.id: contact.name for contact in before}
    assert sorted(after) == sorted(contact.name for contact in before)
    for contact in before:
        back = after[contact.name]
        assert {name: getattr(back, name) for name in COMPARED} == {name: getattr(contact, name) for name in COMPARED}
        referrer = after[names[contact.referred_by]].id if contact.referred_by else None
        assert back.referred_by == referrer


def test_a_full_contact_survives_the_round_trip(tmp_path: Path):
    grace = Contact(id="", name="Grace Hopper", company="Navy Labs; R&D", email=["grace@navy.example"])
    ann = Contact(
        id="",
        name="Zoë O'Neil-Ødegård, Jr. \\ 李娜 🚀",
        company="Acme, Inc.",
        title="VP, Engineering; Platform",
        email=["zoe@acme.example", "zoe@home.example"],
        phone=["+1 (555) 010-9999", "555 0101 ext. 4"],
        links=["https://www.linkedin.com/in/zoe", "https://zoe.example/a,b;c"],
        tags=["PyCon, 2024", "mentor; maybe", "back\\slash"],
        hiring_manager=True,
        met="PyCon 2024: the hallway, by the coffee",
        connected=date(2019, 8, 15),
        motives=["curiosity", "learning"],
        cadence_days=45,
        follow_up=date(2026, 12, 1),
        notes="First line, with a comma; and a semicolon\n\nA \\n that is not a newline\n\tindented: yes",
    )
    after = exported_and_back([grace, ann], tmp_path, {1: 0})
    same([grace, ann], after)
    assert after[ann.name].referred_by == after["Grace Hopper"].id


one_line = st.text(st.characters(exclude_categories=("Cs", "Cc")), max_size=40).map(clean_line)
slugs = st.text("abc-_~%.", max_size=10)
phones = st.from_regex(r"\+?[0-9][0-9 ()-]{2,14}[0-9]", fullmatch=True).map(clean_line)
block = st.text(st.characters(exclude_categories=("Cs", "Cc")) | st.just("\n"), max_size=200).map(clean_block)


@st.composite
def networks(draw: st.DrawFn) -> tuple[list[Contact], dict[int, int]]:
    names = draw(st.lists(one_line.filter(bool), min_size=1, max_size=6, unique_by=lambda name: name_key(name) or name))
    contacts = []
    for number, name in enumerate(names):
        contacts.append(
            Contact(
                id="",
                name=name,
                company=draw(one_line),
                title=draw(one_line),
                email=[f"person{number}.{tag}@example.com" for tag in range(draw(st.integers(0, 2)))],
                phone=draw(st.lists(phones, max_size=2, unique_by=phone_key)),
                links=[
                    f"https://example.com/{number}/{part}" for part in draw(st.lists(slugs, max_size=2, unique=True))
                ],
                tags=draw(st.lists(one_line.filter(bool), max_size=3, unique_by=str.casefold)),
                hiring_manager=draw(st.booleans()),
                met=draw(one_line),
                connected=draw(st.none() | st.dates(date(1990, 1, 1), date(2100, 1, 1))),
                motives=draw(st.lists(st.sampled_from(sorted(MOTIVES)), unique=True, max_size=3)),
                cadence_days=draw(st.none() | st.integers(1, 3650)),
                follow_up=draw(st.none() | st.dates(date(2000, 1, 1), date(2100, 1, 1))),
                notes=draw(block),
            )
        )
    referrals = {n: draw(st.integers(0, n - 1)) for n in range(1, len(contacts)) if draw(st.booleans())}
    return contacts, referrals


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(networks())
def test_any_network_survives_the_round_trip(network: tuple[list[Contact], dict[int, int]]):
    contacts, referrals = network
    with tempfile.TemporaryDirectory() as folder:
        same(contacts, exported_and_back(contacts, Path(folder), referrals))
