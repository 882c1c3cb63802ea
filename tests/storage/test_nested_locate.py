"""`networkday check` names the line of a problem inside a nested array of tables, in every kind of file."""

from __future__ import annotations

from datetime import date

import pytest

from networkday.cli import main
from networkday.storage.problems import StoreError
from networkday.storage.store import Store
from tests.storage.saving import private_file

#: Two opportunities of one and two steps; the second opportunity's second step is lines 22 to 24.
COMPANY = """\
format = 1
name = "Acme"

[[opportunity]]
id = "one"
role = "PM"
stage = "applied"

[[opportunity.step]]
at = 2026-12-01T09:00:00+01:00
stage = "lead"

[[opportunity]]
id = "two"
role = "Dev"
stage = "applied"

[[opportunity.step]]
at = 2026-12-01T09:00:00+01:00
stage = "lead"

[[opportunity.step]]
stage = "applied"
at = 2026-12-02T09:00:00+01:00
"""


def check(store: Store, capsys: pytest.CaptureFixture[str]) -> str:
    assert main(["check", "--data-dir", str(store.root)]) == 1
    return capsys.readouterr().err


@pytest.mark.parametrize(
    ("old", "new", "where", "message"),
    [
        ('stage = "applied"\nat = 2026-12-02', 'stage = "bogus"\nat = 2026-12-02', "23:1", "unknown stage 'bogus'"),
        ("at = 2026-12-02T09:00:00+01:00", 'at = "next week"', "24:1", "'at' must be a date and time with an offset"),
        ("at = 2026-12-02T09:00:00+01:00", "at = 2026-12-02T09:00:00", "24:1", "'at' must be a date and time"),
        ("at = 2026-12-02T09:00:00+01:00", "", "22:1", "'at' is required"),
    ],
)
def test_a_step_of_the_second_opportunity_is_located_on_its_own_line(
    command_folder: Store, capsys: pytest.CaptureFixture[str], old: str, new: str, where: str, message: str
) -> None:
    assert COMPANY.count(old) == 1
    path = private_file(command_folder.company_path("acme"), COMPANY.replace(old, new))
    err = check(command_folder, capsys)
    assert f"{path}:{where}" in err
    assert message in err


def test_an_unknown_nested_array_in_a_contact_is_located_in_its_own_log_entry(store: Store) -> None:
    entry = '[[log]]\nat = 2026-11-20T10:00:00+01:00\noutcome = "talked"\nchannel = "email"\n\n'
    source = (
        'format = 1\nname = "Ada"\n\n'
        + entry
        + "[[log.attachment]]\nsize = 1\n\n"
        + entry
        + "[[log.attachment]]\nsize = 2\n\n[[log.attachment]]\nsize = 99999999999999999999\n"
    )
    path = private_file(store.contact_path("ada"), source)
    assert source.splitlines()[20] == "size = 99999999999999999999"
    with pytest.raises(StoreError, match=f"{path}:21:8: 99999999999999999999 is beyond the 64-bit"):
        store.update_contact("ada", lambda contact: setattr(contact, "title", "CTO"))


def test_an_unknown_nested_array_in_a_day_is_located_in_its_own_call(store: Store) -> None:
    day = date(2026, 11, 20)
    call = '[[call]]\ncontact = "ada"\n\n'
    source = "format = 1\ndate = 2026-11-20\n\n" + call + "[[call.attempt]]\nn = 1\n\n" + call
    source += "[[call.attempt]]\nn = 99999999999999999999\n"
    path = private_file(store.day_path(day), source)
    assert source.splitlines()[13] == "n = 99999999999999999999"
    with pytest.raises(StoreError, match=f"{path}:14:5: 99999999999999999999 is beyond the 64-bit"):
        store.update_day(day, lambda record: record.extra.update(seen=True))
