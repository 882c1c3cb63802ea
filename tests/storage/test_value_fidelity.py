"""A rewrite never changes a value the user did not touch: it keeps it, or refuses the save."""

from __future__ import annotations

from datetime import date

import pytest

from networkday.domain.day import Call
from networkday.storage.problems import StoreError
from networkday.storage.store import DayBatch, Store
from tests.storage.saving import log_talked, private_file

HEAD = 'format = 1\nname = "Ada Lovelace"\n'
DIGITS = "has more than the six fractional digits kept"
FLOAT = "is more exact than a float can hold"


@pytest.mark.parametrize(
    ("line", "value", "why"),
    [
        ("seen = 1979-05-27T00:32:00.999999999Z", "1979-05-27T00:32:00.999999999", DIGITS),
        ("alarm = 07:32:00.1234567", "07:32:00.1234567", DIGITS),
        ("when = [2026-01-01 10:00:00.0000001+01:00]", "2026-01-01 10:00:00.0000001", DIGITS),
        ("weight = 3.141592653589793238", "3.141592653589793238", FLOAT),
        ("huge = 1e400", "1e400", "is beyond the largest number a float can hold"),
        ("tiny = -1e-400", "-1e-400", "is nearer zero than a float can hold"),
        ("w = 1979-05-27T00:32:00.999999999-07:00\nx = nan", "1979-05-27T00:32:00.999999999", DIGITS),
        ("big = 9223372036854775808", "9223372036854775808", "is beyond the 64-bit integers TOML allows"),
        ("low = [1, -9223372036854775809]", "-9223372036854775809", "is beyond the 64-bit integers TOML allows"),
    ],
)
def test_a_value_python_cannot_hold_refuses_the_save_where_it_is(
    command_folder: Store, capsys: pytest.CaptureFixture[str], line: str, value: str, why: str
) -> None:
    text = f"{HEAD}notes = 'ok'\n{line}\n"
    path = private_file(command_folder.contact_path("ada"), text)
    code, err = log_talked(command_folder, capsys)
    assert code == 1
    column = line.index(value) + 1  # the value is on the fourth line, the first of ``line``
    assert err.startswith(f"networkday: {path}:4:{column}: {value} {why}, so a save would change it; not saved.")
    assert err.count("\n") == 1
    assert path.read_text() == text


def test_such_digits_inside_a_string_are_text_and_the_save_goes_on(
    command_folder: Store, capsys: pytest.CaptureFixture[str]
) -> None:
    note = "called at 10:00:00.1234567, pi is 3.141592653589793238, and 1e400 is big"
    path = private_file(
        command_folder.contact_path("ada"), f"{HEAD}notes = '{note}'\nmore = 0.30000000000000004\nsmall = 1e-300\n"
    )
    assert log_talked(command_folder, capsys) == (0, "")
    contact = command_folder.contact("ada")
    assert contact.notes == note
    assert (contact.extra["more"], contact.extra["small"]) == (0.30000000000000004, 1e-300)
    assert "more = 0.30000000000000004\n" in path.read_text()


def test_a_nanosecond_time_in_a_day_file_refuses_the_save(command_folder: Store) -> None:
    day = date(2026, 11, 25)
    path = command_folder.day_path(day)
    path.parent.mkdir(parents=True, exist_ok=True)
    text = "format = 1\ndate = 2026-11-25\nstarted = 2026-11-25T08:00:00.123456789+01:00\n"
    path.write_text(text)
    with pytest.raises(StoreError, match=r":3:11: 2026-11-25T08:00:00.123456789 has more than the six"):
        command_folder.update_day(day, lambda record: record.calls.append(Call(contact="ada")))
    assert path.read_text() == text


def test_an_empty_email_stays_no_email_rather_than_one_empty_address(
    command_folder: Store, capsys: pytest.CaptureFixture[str]
) -> None:
    path = private_file(command_folder.contact_path("ada"), f'{HEAD}email = ""\ntags = ""\n')
    assert command_folder.contact("ada").email == []
    assert log_talked(command_folder, capsys) == (0, "")
    text = path.read_text()
    assert "email" not in text
    assert "tags" not in text
    assert command_folder.contact("ada").email == []


def test_a_batch_reads_such_a_day_freely_and_refuses_only_to_change_it(command_folder: Store) -> None:
    """A timer switch reads yesterday's file: one it must not rewrite stops only a change to it."""
    store = command_folder
    yesterday, today = date(2026, 11, 24), date(2026, 11, 25)
    path = private_file(store.day_path(yesterday), "format = 1\ndate = 2026-11-24\nseen = 08:00:00.1234567\n")
    text = path.read_text()

    def plan_today(batch: DayBatch) -> None:
        assert batch.day(yesterday).calls == []
        batch.day(today).calls.append(Call(contact="ada"))

    store.change_days(plan_today)
    assert [call.contact for call in store.day(today).calls] == ["ada"]
    with pytest.raises(StoreError, match=r":3:8: 08:00:00.1234567 has more than the six"):
        store.change_days(lambda batch: batch.day(yesterday).calls.append(Call(contact="bo")))
    assert path.read_text() == text


def test_nan_inf_and_negative_zero_are_written_back_as_they_were(
    command_folder: Store, capsys: pytest.CaptureFixture[str]
) -> None:
    """What a float holds exactly is saved; an integer at the very edge of 64 bits too."""
    values = "a = nan\nb = inf\nc = -inf\nd = -0.0\ne = 9223372036854775807\nf = -9223372036854775808\n"
    path = private_file(command_folder.contact_path("ada"), f"{HEAD}{values}")
    assert log_talked(command_folder, capsys) == (0, "")
    assert values in path.read_text()
