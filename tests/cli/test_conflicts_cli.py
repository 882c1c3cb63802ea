"""`networkday conflicts`: the list, its JSON, and keep/take settling one conflict from the shell."""

from __future__ import annotations

import json
import tomllib
from pathlib import Path

import pytest

from tests.conflict_world import conflicted, write
from tests.sync_world import nd

pytestmark = pytest.mark.usefixtures("command_env")


def test_the_list_names_each_record_field_and_both_values_on_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    conflicted(tmp_path)
    assert nd(tmp_path, "conflicts") == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines == [
        "person/ada-lovelace title: kept 'Engineer'; other '[b]Countess\\x1b[31m'"
        " (merge with origin/main; Ada Lovelace)",
        "person/ada-lovelace log[aaaa0001].note: kept 'mine'; other 'theirs' (merge with origin/main; Ada Lovelace)",
        "company/acme website: kept 'https://acme.example'; other removed (merge with laptop; Acme)",
        "day/2026-11-25 journal.rating: kept 3; other 5 (merge with origin/main; Wed 25 Nov 2026)",
        "4 conflict(s): networkday conflicts keep|take RECORD FIELD settles one",
    ]


def test_json_gives_each_value_whole(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    conflicted(tmp_path)
    assert nd(tmp_path, "conflicts", "--json") == 0
    document = json.loads(capsys.readouterr().out)
    first, *_, company, day = document["conflicts"]
    assert first == {
        "record": "person/ada-lovelace",
        "title": "Ada Lovelace",
        "field": "title",
        "ours": "Engineer",
        "theirs": "[b]Countess\x1b[31m",
        "removed": False,
        "from": "origin/main",
        "at": "2026-11-20T10:00:00+00:00",
        "path": str(tmp_path / "contacts" / "ada-lovelace.toml"),
    }
    assert (company["theirs"], company["removed"]) == (None, True)
    assert (day["ours"], day["theirs"]) == (3, 5)


def test_keep_and_take_settle_one_each_and_check_then_passes(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    paths = conflicted(tmp_path)
    assert nd(tmp_path, "check") == 1
    capsys.readouterr()
    assert nd(tmp_path, "conflicts", "take", "person/ada-lovelace", "log[aaaa0001].note") == 0
    assert nd(tmp_path, "conflicts", "keep", "person/ada-lovelace", "title") == 0
    assert nd(tmp_path, "conflicts", "take", "company/acme", "website") == 0
    assert nd(tmp_path, "conflicts", "keep", "day/2026-11-25", "journal.rating") == 0
    assert capsys.readouterr().out.splitlines() == [
        "Ada Lovelace: log[aaaa0001].note is now 'theirs', the other value (merge with origin/main)",
        "Ada Lovelace: kept the title in the file ('Engineer')",
        "Acme: website removed, the other value (merge with laptop)",
        "Wed 25 Nov 2026: kept the journal.rating in the file (3)",
    ]
    person = tomllib.loads(paths["person"].read_text("utf-8"))
    assert (person["title"], person["log"][0]["note"]) == ("Engineer", "theirs")
    assert "website" not in tomllib.loads(paths["company"].read_text("utf-8"))
    assert nd(tmp_path, "check") == 0
    assert nd(tmp_path, "conflicts") == 0
    assert capsys.readouterr().out.endswith(": no sync conflicts\n")


def test_a_conflict_that_is_not_there_is_one_line_and_exit_1(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    conflicted(tmp_path)
    assert nd(tmp_path, "conflicts", "keep", "person/ada-lovelace", "company") == 1
    assert "no conflict in 'company' of 'person/ada-lovelace'" in capsys.readouterr().err
    assert nd(tmp_path, "conflicts", "take", "person/ada-lovelace") == 2
    assert "needs a record and a field" in capsys.readouterr().err


def test_a_control_in_where_the_value_came_from_shows_escaped_as_in_a_value(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    paths = conflicted(tmp_path)
    text = paths["company"].read_text("utf-8").replace('from = "laptop"', 'from = "lap\\u001b[31mtop"')
    paths["company"].write_text(text, "utf-8")
    assert nd(tmp_path, "conflicts") == 0
    assert "company/acme website: kept 'https://acme.example'; other removed (merge with lap\\x1b[31mtop; Acme)" in (
        capsys.readouterr().out.splitlines()
    )


def test_a_field_with_a_control_a_newline_or_none_at_all_is_listed_as_keep_takes_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Hand-edited entries: each listed field, typed back as printed, settles its own conflict."""
    conflicted(tmp_path)
    path = tmp_path / "contacts" / "grace.toml"
    entries = [("title\\u001b[31m", "red"), ("a\\nb", "two lines"), (None, "no field")]
    text = 'format = 1\nname = "Grace"\n' + "".join(
        "\n[[conflict]]\n" + (f'field = "{field}"\n' if field is not None else "") + f'value = "{value}"\n'
        for field, value in entries
    )
    write(path, text)
    assert nd(tmp_path, "conflicts") == 0
    listed = [line.split(":")[0] for line in capsys.readouterr().out.splitlines() if line.startswith("person/grace")]
    assert listed == ["person/grace title\\x1b[31m", "person/grace a\\nb", 'person/grace ""']
    for printed in ("title\\x1b[31m", "a\\nb", ""):
        assert nd(tmp_path, "conflicts", "keep", "person/grace", printed) == 0
    assert capsys.readouterr().out.splitlines() == [
        "Grace: kept the title\\x1b[31m in the file (none)",
        "Grace: kept the a\\nb in the file (none)",
        'Grace: kept the "" in the file (none)',
    ]
    assert "conflict" not in tomllib.loads(path.read_text("utf-8"))
