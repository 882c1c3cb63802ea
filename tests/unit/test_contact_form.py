"""The contact form: reading typed values, errors beside fields, and three-way saves."""

from __future__ import annotations

import copy
from datetime import UTC, date, datetime

import pytest

from networkday.domain.contact import Contact, LogEntry
from networkday.domain.edit import EDITABLE_FIELDS, apply_edit, changed_fields
from networkday.domain.summary import ContactSummary
from networkday.domain.validate import contact_errors, contact_from_form, form_values, referral_problem

TODAY = date(2026, 11, 25)
NETWORK = {
    "ann": ContactSummary(id="ann", name="Ann"),
    "bob": ContactSummary(id="bob", name="Bob", referred_by="ann"),
    "cyd": ContactSummary(id="cyd", name="Cyd", referred_by="bob"),
    "loop-a": ContactSummary(id="loop-a", name="A", referred_by="loop-b"),
    "loop-b": ContactSummary(id="loop-b", name="B", referred_by="loop-a"),
}
NEW = Contact(id="", name="")


def test_a_new_contact_from_typed_text():
    values = {
        "name": "  Zoë Ng ",
        "company": "Acme",
        "email": "zoe@acme.example, zoe@home.example; zoe@acme.example",
        "phone": "+1 555 0100\n+1 555 0101",
        "tags": "python, former colleague",
        "hiring_manager": True,
        "referred_by": "bob",
        "motives": "referrer learning",
        "cadence_days": " 30 ",
        "follow_up": "+2w",
        "notes": "Line one\nline two\n",
    }
    contact, errors = contact_from_form(values, NEW, NETWORK, TODAY)
    assert errors == {}
    assert contact.name == "Zoë Ng"
    assert contact.email == ["zoe@acme.example", "zoe@home.example"]
    assert contact.phone == ["+1 555 0100", "+1 555 0101"]
    assert contact.tags == ["python", "former colleague"]
    assert contact.hiring_manager
    assert contact.referred_by == "bob"
    assert contact.motives == ["referrer", "learning"]
    assert contact.cadence_days == 30
    assert contact.follow_up == date(2026, 12, 9)
    assert contact.notes == "Line one\nline two\n"


def test_errors_appear_beside_their_fields():
    values = {
        "name": "   ",
        "email": "jane@acme.example not-an-address",
        "motives": "greed",
        "cadence_days": "0",
        "follow_up": "next tuesday",
        "referred_by": "nobody",
    }
    _, errors = contact_from_form(values, NEW, NETWORK, TODAY)
    assert set(errors) == {"name", "email", "motives", "cadence_days", "follow_up", "referred_by"}
    assert errors["name"] == "a name is required"
    assert errors["email"] == "'not-an-address' is not an email address"
    assert errors["motives"].startswith("unknown motive 'greed' (choose from generosity, empathy")
    assert errors["cadence_days"] == "keep in touch every 1 to 3650 days"
    assert "is not a date" in errors["follow_up"]
    assert errors["referred_by"] == "no contact with the id 'nobody'"


@pytest.mark.parametrize(("text", "message"), [("monthly", "'monthly' is not a number of days"), ("-3", "1 to 3650")])
def test_cadence_must_be_a_positive_whole_number(text, message):
    _, errors = contact_from_form({"name": "A", "cadence_days": text}, NEW, NETWORK, TODAY)
    assert message in errors["cadence_days"]


def test_referred_by_must_not_make_a_loop():
    assert (
        referral_problem("ann", "cyd", NETWORK)
        == "Cyd was introduced to you through this person: that would make a loop"
    )
    assert referral_problem("ann", "ann", NETWORK) == "a person cannot have introduced you to themselves"
    assert referral_problem("cyd", "ann", NETWORK) is None
    assert referral_problem("", "cyd", NETWORK) is None
    assert referral_problem("ann", "loop-a", NETWORK) is None


def test_the_form_round_trips_a_contact_without_changes():
    contact = Contact(
        id="ann",
        name="Ann ",
        email=["ann@x.example"],
        tags=["a b", "c"],
        follow_up=date(2026, 12, 1),
        cadence_days=14,
        notes="  indented\n",
        log=[LogEntry(at=datetime(2026, 1, 1, tzinfo=UTC))],
        extra={"own": 1},
    )
    again, errors = contact_from_form(form_values(contact), contact, NETWORK, TODAY)
    assert errors == {}
    assert again == contact
    assert changed_fields(contact, again) == []


def test_contact_errors_checks_a_record_built_elsewhere():
    assert contact_errors(Contact(id="x", name="X", cadence_days=5000), NETWORK) == {
        "cadence_days": "keep in touch every 1 to 3650 days"
    }


def base_contact() -> Contact:
    return Contact(id="ann", name="Ann", company="Acme", title="Engineer", tags=["python"], notes="old")


def test_apply_edit_keeps_a_hand_edit_and_the_forms_change():
    base = base_contact()
    current = copy.deepcopy(base)
    current.company = "Globex"  # changed by hand in the file
    edited = copy.deepcopy(base)
    edited.title = "CTO"
    assert apply_edit(current, base, edited) == []
    assert (current.company, current.title) == ("Globex", "CTO")


def test_apply_edit_reports_fields_both_changed_and_applies_the_rest():
    base = base_contact()
    current = copy.deepcopy(base)
    current.notes, current.tags = "edited by hand", ["python", "ml"]
    edited = copy.deepcopy(base)
    edited.notes, edited.tags, edited.title = "edited in the form", ["python", "ml"], "CTO"
    assert apply_edit(current, base, edited) == ["notes"]
    assert (current.notes, current.tags, current.title) == ("edited by hand", ["python", "ml"], "CTO")


def test_editable_fields_are_every_field_but_the_id_history_and_unknown_keys():
    assert set(EDITABLE_FIELDS) == set(Contact.__dataclass_fields__) - {"id", "log", "extra"}
