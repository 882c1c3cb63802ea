"""``check``'s conflict lines: every entry found at its line, in either TOML form, with one rule for removed."""

from __future__ import annotations

from pathlib import Path

from networkday.storage.locate import locate, locate_array
from networkday.storage.sync_conflicts import conflicts_in, describe
from tests.conflict_world import write

ENTRY = '\n[[conflict]]\nfield = "f{n}"\nvalue = """two\n[[conflict]]\nlines"""\nfrom = "origin/main"\n'


def test_each_entry_is_found_at_its_own_header_as_locate_finds_it(tmp_path: Path) -> None:
    text = 'format = 1\nname = "Ada"\n' + "".join(ENTRY.format(n=n) for n in range(5))
    path = write(tmp_path / "ada.toml", text)
    lines = [problem.line for problem in conflicts_in([path])]
    assert lines == [locate(text, ("conflict", n))[0] for n in range(5)]
    assert lines == [4 + 7 * n for n in range(5)]
    assert locate_array(text, "conflict")[4] == (32, 1)


def test_an_inline_array_of_conflicts_is_reported_by_check(tmp_path: Path) -> None:
    path = write(
        tmp_path / "ada.toml",
        'format = 1\nname = "Ada"\nconflict = [{field = "title", value = "v", from = "origin/main"},'
        ' {field = "notes", value = "w", from = "origin/main"}]\n',
    )
    problems = conflicts_in([path])
    assert [(p.line, "title" in p.message) for p in problems] == [(3, True), (3, False)]


def test_only_a_true_removed_reads_as_removed() -> None:
    assert "the other value is 7" in describe({"field": "title", "removed": "yes", "value": 7, "from": "laptop"})
    assert "the other side removed it" in describe({"field": "title", "removed": True, "from": "laptop"})


def test_a_control_in_from_shows_escaped() -> None:
    assert "(merge with lap\\x1b[31mtop)." in describe({"field": "title", "value": 7, "from": "lap\x1b[31mtop"})


def test_a_conflict_that_is_not_an_array_of_tables_is_said_not_skipped(tmp_path: Path) -> None:
    """The list and Today's count skip such entries, so ``check`` is the one place they are told."""
    entries = write(tmp_path / "contacts" / "ada.toml", 'format = 1\nname = "Ada"\nconflict = [1, {field = "t"}]\n')
    text = write(tmp_path / "contacts" / "bo.toml", 'format = 1\nname = "Bo"\n\nconflict = "by hand"\n')
    found = [(p.path.name, p.line, p.message.split(":")[0]) for p in conflicts_in([entries, text])]
    assert found == [
        ("ada.toml", 3, "a conflict entry that is not a table (field, value, from, at)"),
        ("ada.toml", 3, "changed on both sides in a sync"),
        ("bo.toml", 4, "a conflict entry that is not a table (field, value, from, at)"),
    ]


def test_a_flag_that_names_no_other_person_says_how_to_clear_it(tmp_path: Path) -> None:
    """Its own id, an id no file has, or not an id at all: there is no pair to merge, so no m or N to offer."""
    folder = tmp_path / "contacts"
    write(folder / "bo.toml", 'format = 1\nname = "Bo"\n')
    flags = {"self": '"ada"', "gone": '"nobody-here"', "path": '"../contacts/bo"', "list": '["bo"]', "bo": '"bo"'}
    found = {}
    for name, flag in flags.items():
        path = write(folder / "ada.toml", f'format = 1\nname = "Ada"\nlikely_duplicate_of = {flag}\n')
        [problem] = conflicts_in([path])
        found[name] = (problem.line, problem.message.split(" (added")[0])
    no_pair = "likely_duplicate_of names no other person here (it must be another contact's id): "
    assert found == {
        "self": (3, no_pair + "N on their screen clears it"),
        "gone": (3, no_pair + "N on their screen clears it"),
        "path": (3, no_pair + "N on their screen clears it"),
        "list": (3, no_pair + "delete it from the file"),
        "bo": (3, "likely the same person as bo"),
    }
