"""The split a sync makes of a person's file the merge driver marked: two records, flagged, day files following."""

from __future__ import annotations

from pathlib import Path

import tomli

from networkday.storage.sync_split import split_marked

MARKED = """format = 1
name = "Ada\\u001b[31m Lovelace"
title = "Poet"

[[log]]
at = 2026-11-25T09:00:00+01:00
id = "aaaa0001"
channel = "phone"

[added_on_both_machines]
format = 1
name = "Ada\\u001b[31m Lovelace"
title = "Engineer"

[[added_on_both_machines.log]]
at = 2026-11-25T09:30:00+01:00
id = "bbbb0002"
channel = "phone"
"""

OUR_DAY_THEIRS_CALL = """[[call]]
contact = "ada"
at = 2026-11-25T09:30:00+01:00
outcome = "talked"
touch = "bbbb0002"

"""

DAY = """format = 1
date = 2026-11-25

[[call]]
contact = "ada"
at = 2026-11-25T09:00:00+01:00
outcome = "talked"
touch = "aaaa0001"

[[call]]
contact = "ada"
at = 2026-11-25T09:30:00+01:00
outcome = "talked"
touch = "bbbb0002"

[[call]]
contact = "ada"
"""


def folder(tmp_path: Path) -> Path:
    for name, text in (("contacts/ada.toml", MARKED), ("contacts/ada-2.toml", 'format = 1\nname = "Ada Two"\n')):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(text, encoding="utf-8")
    (tmp_path / "days" / "2026").mkdir(parents=True)
    (tmp_path / "days" / "2026" / "2026-11-25.toml").write_text(DAY, encoding="utf-8")
    return tmp_path


def read(path: Path) -> dict:
    return tomli.loads(path.read_text(encoding="utf-8"))


DAY_NAME = "days/2026/2026-11-25.toml"
#: The day at the merge base held no call; on our side, the made call of ours and an open call were added.
OUR_DAY = {DAY_NAME: ({"format": 1}, tomli.loads(DAY.replace(OUR_DAY_THEIRS_CALL, "")))}


def test_a_marked_file_becomes_two_flagged_records_ours_moves_with_our_calls(tmp_path: Path) -> None:
    root = folder(tmp_path)
    splits = split_marked(root, ["contacts/ada.toml", "contacts/ada-2.toml", DAY_NAME], OUR_DAY)
    assert [(one.contact_id, one.new_id, one.name) for one in splits.done] == [("ada", "ada-3", "Ada[31m Lovelace")]
    assert splits.failed == []
    assert sorted(splits.written) == ["contacts/ada-3.toml", "contacts/ada.toml", "days/2026/2026-11-25.toml"]
    # the other machine's record, already pushed, keeps the id; ours (never pushed) moves; ada-2 was taken
    theirs, ours = read(root / "contacts" / "ada.toml"), read(root / "contacts" / "ada-3.toml")
    assert (ours["title"], [e["id"] for e in ours["log"]], ours["likely_duplicate_of"]) == (
        "Poet",
        ["aaaa0001"],
        "ada",
    )
    assert (theirs["title"], [e["id"] for e in theirs["log"]], theirs["likely_duplicate_of"]) == (
        "Engineer",
        ["bbbb0002"],
        "ada-3",
    )
    assert "added_on_both_machines" not in theirs
    calls = read(root / "days" / "2026" / "2026-11-25.toml")["call"]
    # ours' made call and our open call follow ours; their made call stays with the id
    assert [call["contact"] for call in calls] == ["ada-3", "ada", "ada-3"]
    assert (root / "contacts" / "ada-3.toml").stat().st_mode & 0o777 == 0o600


def test_files_without_a_marker_are_left_alone(tmp_path: Path) -> None:
    root = folder(tmp_path)
    (root / "contacts" / "ada.toml").write_text('format = 1\nname = "Ada"\n', encoding="utf-8")
    before = (root / "days" / "2026" / "2026-11-25.toml").read_bytes()
    splits = split_marked(root, ["contacts/ada.toml", DAY_NAME, "config.toml"], OUR_DAY)
    assert (splits.done, splits.written, splits.failed) == ([], [], [])
    assert (root / "days" / "2026" / "2026-11-25.toml").read_bytes() == before


def test_a_marked_file_that_does_not_read_stays_as_it_is_with_a_line(tmp_path: Path) -> None:
    root = folder(tmp_path)
    broken = MARKED.replace('title = "Engineer"', 'title = "Engineer')
    (root / "contacts" / "ada.toml").write_text(broken, encoding="utf-8")
    splits = split_marked(root, ["contacts/ada.toml"], {})
    assert splits.done == []
    assert len(splits.failed) == 1
    assert splits.failed[0].startswith("contacts/ada.toml: added on both machines, not split: ")
    assert (root / "contacts" / "ada.toml").read_text(encoding="utf-8") == broken
    assert not (root / "contacts" / "ada-3.toml").exists()
