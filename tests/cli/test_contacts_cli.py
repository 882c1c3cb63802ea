"""`networkday contacts list|show|search` through networkday.cli.main, on real folders."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from networkday.cli import main
from networkday.clock import FixedClock
from networkday.domain.search import SearchIndex
from networkday.storage.records import Records
from networkday.storage.store import Store
from tests.conftest import NOW

pytestmark = pytest.mark.usefixtures("command_env")

OLD_FRIEND = """format = 1
name = "Olga Old"
company = "Initech"
cadence_days = 30
unknown_key = "kept"
notes = "Met at the rust meetup"

[[log]]
at = 2026-09-01T10:00:00+02:00
channel = "phone"
outcome = "talked"
note = "first call"

[[log]]
at = 2026-10-01T10:00:00+02:00
channel = "email"
outcome = "will"
gave = "an intro"
note = "second"
"""


@pytest.fixture
def data(tmp_path: Path) -> Path:
    root = tmp_path / "data"
    for name, *more in (
        ("Priya Raman", "--company", "ACME Inc.", "--title", "CTO", "--tag", "python"),
        ("Bo Chen", "--company", "Acme Labs", "--tag", "python", "--tag", "ml"),
        ("Zoë Adams", "--company", "Globex", "--tag", "design"),
    ):
        assert main(["add", name, *more, "--data-dir", str(root)]) == 0
    (root / "contacts" / "olga-old.toml").write_text(OLD_FRIEND, "utf-8")
    return root


def cli(data: Path, *args: str) -> int:
    return main([*args, "--data-dir", str(data)])


def out(capsys: pytest.CaptureFixture[str]) -> str:
    return capsys.readouterr().out


def ids(text: str) -> list[str]:
    return [line.split()[0] for line in text.splitlines()]


def test_list_prints_one_plain_line_per_person_in_name_order(data: Path, capsys) -> None:
    capsys.readouterr()
    assert cli(data, "contacts", "list") == 0
    lines = out(capsys).splitlines()
    assert ids("\n".join(lines)) == ["bo-chen", "olga-old", "priya-raman", "zoe-adams"]
    assert "Priya Raman" in lines[2]
    assert "ACME Inc. · CTO" in lines[2]
    assert "never contacted" in lines[2]
    assert "last 2026-10-01" in lines[1]


def test_list_filters_by_tag_company_name_and_losing_touch(data: Path, capsys) -> None:
    capsys.readouterr()
    cli(data, "contacts", "list", "--tag", "python")
    assert ids(out(capsys)) == ["bo-chen", "priya-raman"]
    cli(data, "contacts", "list", "--company", "acme")  # "ACME Inc." is Acme; Acme Labs is not
    assert ids(out(capsys)) == ["priya-raman"]
    cli(data, "contacts", "list", "--losing-touch")  # 30-day cadence, last touched 55 days before NOW
    assert ids(out(capsys)) == ["olga-old"]
    cli(data, "contacts", "list", "--tag", "python", "--losing-touch")
    assert out(capsys) == ""


def test_list_by_company_id_counts_every_spelling_its_file_answers_to(data: Path, capsys) -> None:
    assert cli(data, "company", "add", "Acme", "--alias", "Acme Labs") == 0
    capsys.readouterr()
    assert cli(data, "contacts", "list", "--company", "acme") == 0
    assert ids(out(capsys)) == ["bo-chen", "priya-raman"]


def test_list_json_has_the_version_and_every_summary_field(data: Path, capsys) -> None:
    capsys.readouterr()
    assert cli(data, "contacts", "list", "--company", "Initech", "--json") == 0
    listing = json.loads(out(capsys))
    assert listing["version"] == 1
    (olga,) = listing["contacts"]
    assert olga["id"] == "olga-old"
    assert olga["touch_count"] == 2
    assert olga["last_touch"] == "2026-10-01T10:00:00+02:00"
    assert olga["tags"] == []
    assert olga["follow_up"] is None


def test_user_text_never_reaches_the_terminal_as_controls(data: Path, capsys) -> None:
    assert cli(data, "add", "Eve\x1b[31mRed\u202e", "--company", "Bad\nLine") == 0
    capsys.readouterr()
    cli(data, "contacts", "list")
    text = out(capsys)
    assert "\x1b" not in text
    assert "\u202e" not in text
    assert "Eve\\x1b[31mRed\\u202e" in text
    assert "Bad\\nLine" in text  # one line per person, whatever the company holds
    assert len(text.splitlines()) == 5
    cli(data, "contacts", "search", "eve", "--json")
    found = out(capsys)
    assert "\x1b" not in found
    assert json.loads(found)["contacts"][0]["name"] == "Eve\x1b[31mRed\u202e"


def test_search_ranks_as_the_app_does(data: Path, capsys) -> None:
    capsys.readouterr()
    for query in ("prya", "acme", "python", "meetup", "zoe"):
        assert cli(data, "contacts", "search", query, "--json") == 0
        found = json.loads(out(capsys))
        assert found["version"] == 1
        store = Store.open(data, FixedClock(NOW))
        expected = [hit.id for hit in SearchIndex(store.contacts.values()).search(query)]
        assert [row["id"] for row in found["contacts"]] == expected, query
        assert expected, query
    cli(data, "contacts", "search", "prya")
    line = out(capsys)
    assert line.startswith("priya-raman")
    assert line.rstrip().endswith("(name)")


def test_search_limit_keeps_the_best_matches(data: Path, capsys) -> None:
    capsys.readouterr()
    cli(data, "contacts", "search", "acme")
    every = ids(out(capsys))
    assert len(every) == 2
    cli(data, "contacts", "search", "acme", "--limit", "1")
    assert ids(out(capsys)) == every[:1]
    assert cli(data, "contacts", "search", "acme", "--limit", "-1") == 2


def test_show_prints_every_field_and_the_history_newest_first(data: Path, capsys) -> None:
    capsys.readouterr()
    assert cli(data, "contacts", "show", "olga-old") == 0
    lines = out(capsys).splitlines()
    assert lines[0] == "olga-old: Olga Old"
    assert "  cadence days: 30" in lines
    assert "  unknown_key (not networkday's): kept" in lines
    history = lines[lines.index("history: 2 touch(es), newest first") + 1 :]
    assert history[0].startswith("  2026-10-01 10:00  email  will  gave: an intro")
    assert history[1].startswith("  2026-09-01 10:00  phone  talked")


def test_show_json_holds_everything(data: Path, capsys) -> None:
    capsys.readouterr()
    assert cli(data, "contacts", "show", "olga-old", "--json") == 0
    shown = json.loads(out(capsys))
    assert shown["version"] == 1
    contact = shown["contact"]
    assert contact["name"] == "Olga Old"
    assert contact["cadence_days"] == 30
    assert contact["email"] == []
    assert contact["unknown"] == {"unknown_key": "kept"}
    assert [entry["note"] for entry in contact["log"]] == ["first call", "second"]
    assert contact["log"][1]["at"] == "2026-10-01T10:00:00+02:00"


def test_show_names_a_missing_contact_and_refuses_a_bad_id(data: Path, capsys) -> None:
    capsys.readouterr()
    assert cli(data, "contacts", "show", "nobody") == 1
    assert "no contact 'nobody'" in capsys.readouterr().err
    assert cli(data, "contacts", "show", "../etc/passwd") == 2


def test_show_of_a_broken_file_is_one_located_line(data: Path, capsys) -> None:
    (data / "contacts" / "olga-old.toml").write_text('name = "Olga\n', "utf-8")
    capsys.readouterr()
    assert cli(data, "contacts", "show", "olga-old") == 1
    err = capsys.readouterr().err
    assert "olga-old.toml:1:" in err
    assert "Traceback" not in err


def test_list_and_search_read_no_contact_file_once_the_index_is_kept(
    data: Path, capsys, monkeypatch: pytest.MonkeyPatch
) -> None:
    cli(data, "contacts", "list")  # the first command after the files were written by hand
    read: list[Path] = []
    decode = Records.decode

    def counting(self: Records, path: Path, *args, **kwargs):
        read.append(path)
        return decode(self, path, *args, **kwargs)

    monkeypatch.setattr(Records, "decode", counting)
    cli(data, "contacts", "list", "--losing-touch")
    cli(data, "contacts", "search", "acme")
    assert [path for path in read if path.parent.name == "contacts"] == []
    (data / "contacts" / "olga-old.toml").write_text(OLD_FRIEND.replace("Olga Old", "Olga New"), "utf-8")
    capsys.readouterr()
    cli(data, "contacts", "list", "--company", "initech")
    assert "Olga New" in out(capsys)  # a hand edit is seen: that one file is read again
    assert [path.name for path in read if path.parent.name == "contacts"] == ["olga-old.toml"]


def test_read_commands_on_a_missing_folder_exit_1(tmp_path: Path, capsys) -> None:
    for action in (["list"], ["search", "x"], ["show", "x"]):
        assert main(["contacts", *action, "--data-dir", str(tmp_path / "typo")]) == 1
    assert not (tmp_path / "typo").exists()
