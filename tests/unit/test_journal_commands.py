"""`networkday journal`, `journal --edit`, `review` and `export journal` through networkday.cli.main.

The editor is a small Python script set as $EDITOR: it records what it was given (the
file's path, mode, folder mode and text) and applies the replacements it is told to.
"""

from __future__ import annotations

import json
import os
import shlex
import stat
import sys
from pathlib import Path

import pytest

from networkday.cli import main
from networkday.clock import FixedClock
from networkday.storage.store import Store
from tests.journal_world import NOW, WED, world_store

HELP = "Who did I help today?"
NEXT = "What will I do first tomorrow?"

FAKE_EDITOR = """
import json, os, stat, sys
path = sys.argv[-1]
with open(path, encoding="utf-8", newline="") as handle:
    text = handle.read()
record = {
    "args": sys.argv[1:],
    "path": path,
    "mode": stat.S_IMODE(os.stat(path).st_mode),
    "folder_mode": stat.S_IMODE(os.stat(os.path.dirname(path)).st_mode),
    "text": text,
}
with open(os.environ["FAKE_EDITOR_LOG"], "w", encoding="utf-8") as handle:
    json.dump(record, handle)
for old, new in json.loads(os.environ.get("FAKE_EDITOR_EDIT", "[]")):
    assert old in text, old
    text = text.replace(old, new, 1)
with open(path, "w", encoding="utf-8", newline="") as handle:
    handle.write(text)
if os.environ.get("FAKE_EDITOR_HAND_EDIT"):  # someone edits the day file meanwhile
    other, old, new = json.loads(os.environ["FAKE_EDITOR_HAND_EDIT"])
    with open(other, encoding="utf-8") as handle:
        day = handle.read()
    with open(other, "w", encoding="utf-8") as handle:
        handle.write(day.replace(old, new))
sys.exit(int(os.environ.get("FAKE_EDITOR_EXIT", "0")))
"""


@pytest.fixture
def data(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    root = tmp_path / "data"
    world_store(root)
    monkeypatch.setenv("NETWORKDAY_NOW", NOW.isoformat())
    monkeypatch.delenv("NETWORKDAY_HOME", raising=False)
    return root


@pytest.fixture
def editor(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Installs the fake editor (in a folder with a space, so quoting matters); returns its log."""
    folder = tmp_path / "my editor"
    folder.mkdir()
    script = folder / "edit.py"
    script.write_text(FAKE_EDITOR, "utf-8")
    log = tmp_path / "editor-log.json"
    monkeypatch.delenv("VISUAL", raising=False)
    monkeypatch.setenv("EDITOR", f"{shlex.quote(sys.executable)} {shlex.quote(str(script))}")
    monkeypatch.setenv("FAKE_EDITOR_LOG", str(log))
    return log


def _edits(monkeypatch: pytest.MonkeyPatch, *pairs: tuple[str, str]) -> None:
    monkeypatch.setenv("FAKE_EDITOR_EDIT", json.dumps(pairs))


def _journal(root: Path):
    return Store.open(root, FixedClock(NOW)).day(WED).journal


def test_journal_prints_the_entry_as_markdown_with_the_figures(data: Path, capsys: pytest.CaptureFixture) -> None:
    assert main(["journal", "--data-dir", str(data)]) == 0
    out = capsys.readouterr().out
    assert out.startswith("# 2026-11-25 Wednesday\n\nRating: 4/5\n")
    assert "- Calls: 3 made of 4 planned (goal 5)" in out
    assert "- People: Carol Zoë (carol-zoe), Jane Doe (jane-doe), Bob Stone (bob-stone)" in out
    assert f"## {HELP}\n\nJane: an intro to Sam.\n" in out


def test_journal_date_words_follow_the_clock(data: Path, capsys: pytest.CaptureFixture) -> None:
    assert main(["journal", "--date", "yesterday", "--data-dir", str(data)]) == 0
    assert capsys.readouterr().out.startswith("# 2026-11-24 Tuesday")


def test_a_bad_date_is_a_usage_error(data: Path, capsys: pytest.CaptureFixture) -> None:
    assert main(["journal", "--date", "someday", "--data-dir", str(data)]) == 2
    assert "--date: 'someday' is not a date" in capsys.readouterr().err


def test_an_unreadable_day_file_is_named_with_exit_1(data: Path, capsys: pytest.CaptureFixture) -> None:
    path = data / "days" / "2026" / "2026-11-25.toml"
    path.write_text("date = 2026-11-25\nrating = \n", "utf-8")
    assert main(["journal", "--data-dir", str(data)]) == 1
    assert f"{path}:2:" in capsys.readouterr().err


def test_edit_goes_through_a_private_temp_file_that_is_removed(
    data: Path, editor: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture
) -> None:
    _edits(monkeypatch, ("Rating: 4", "Rating: 5"))
    assert main(["journal", "--edit", "--data-dir", str(data)]) == 0
    seen = json.loads(editor.read_text("utf-8"))
    assert seen["mode"] == 0o600
    assert seen["folder_mode"] == 0o700
    assert seen["path"].endswith("journal-2026-11-25.md")
    assert not Path(seen["path"]).exists()
    assert not Path(seen["path"]).parent.exists()
    assert "> Calls: 3 made of 4 planned (goal 5)" in seen["text"]
    assert _journal(data).rating == 5
    assert "journal saved" in capsys.readouterr().out


def test_edited_text_is_saved_exactly(data: Path, editor: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    typed = 'First: "quoted", C:\\path\\n and \\\\ ok  \n\n## looks like a heading\n\tZoë 🙂 trailing   \n'
    escaped = typed.replace("## looks", "\\## looks")  # the layout's escape for a heading-like line
    _edits(monkeypatch, (f"## {NEXT}\n", f"## {NEXT}\n{escaped}\n"))
    assert main(["journal", "--edit", "--data-dir", str(data)]) == 0
    assert _journal(data).answer(NEXT) == typed
    assert _journal(data).answer(HELP) == "Jane: an intro to Sam.\nCarol: the article on café culture."


def test_an_unchanged_edit_saves_nothing(
    data: Path, editor: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture
) -> None:
    path = data / "days" / "2026" / "2026-11-25.toml"
    before = path.stat().st_mtime_ns
    _edits(monkeypatch)
    assert main(["journal", "--edit", "--data-dir", str(data)]) == 0
    assert path.stat().st_mtime_ns == before
    assert "no change, nothing saved" in capsys.readouterr().err


def test_touching_only_the_figures_saves_nothing(
    data: Path, editor: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture
) -> None:
    path = data / "days" / "2026" / "2026-11-25.toml"
    before = path.read_bytes()
    _edits(monkeypatch, ("> Calls: 3", "> Calls: 300"))
    assert main(["journal", "--edit", "--data-dir", str(data)]) == 0
    assert path.read_bytes() == before
    assert "no change" in capsys.readouterr().err


def test_edit_of_another_day_creates_its_file(data: Path, editor: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _edits(monkeypatch, ("Rating:\n", "Rating: 3\n"), (f"## {HELP}\n", f"## {HELP}\nNobody yet.\n"))
    assert main(["journal", "--edit", "--date", "2026-11-20", "--data-dir", str(data)]) == 0
    day = Store.open(data, FixedClock(NOW)).day(WED.replace(day=20))
    assert (day.journal.rating, day.journal.answer(HELP)) == (3, "Nobody yet.")


def test_an_unreadable_edit_is_not_saved_and_is_shown_back(
    data: Path, editor: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture
) -> None:
    _edits(monkeypatch, ("Rating: 4", "Rating: 9"), ("Bob said no.", "Bob said no, my words."))
    assert main(["journal", "--edit", "--data-dir", str(data)]) == 1
    err = capsys.readouterr().err
    assert "Bob said no, my words." in err  # the words typed are not lost
    assert "the rating must be 1 to 5" in err
    assert _journal(data).rating == 4
    seen = json.loads(editor.read_text("utf-8"))
    assert not Path(seen["path"]).parent.exists()


def test_a_failing_editor_saves_nothing_and_removes_the_file(
    data: Path, editor: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture
) -> None:
    _edits(monkeypatch, ("Rating: 4", "Rating: 1"))
    monkeypatch.setenv("FAKE_EDITOR_EXIT", "3")
    assert main(["journal", "--edit", "--data-dir", str(data)]) == 1
    assert "exited with status 3" in capsys.readouterr().err
    assert _journal(data).rating == 4
    assert not Path(json.loads(editor.read_text("utf-8"))["path"]).parent.exists()


def test_a_hand_edit_made_while_the_editor_was_open_is_not_overwritten(
    data: Path, editor: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture
) -> None:
    path = data / "days" / "2026" / "2026-11-25.toml"
    monkeypatch.setenv("FAKE_EDITOR_HAND_EDIT", json.dumps([str(path), "Bob said no.", "Bob: by hand."]))
    _edits(monkeypatch, ("Bob said no.", "Bob said no, in the editor."))
    assert main(["journal", "--edit", "--data-dir", str(data)]) == 1
    err = capsys.readouterr().err
    assert "not saved: changed in the day file since it was opened" in err
    assert "Bob said no, in the editor." in err
    assert "Bob: by hand." in path.read_text("utf-8")


def test_visual_wins_over_editor_and_nothing_runs_through_a_shell(
    data: Path, editor: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("VISUAL", os.environ["EDITOR"] + " '; touch pwned' $(touch pwned2)")
    monkeypatch.setenv("EDITOR", "no-such-editor-anywhere")
    monkeypatch.chdir(tmp_path)
    _edits(monkeypatch)
    assert main(["journal", "--edit", "--data-dir", str(data)]) == 0
    seen = json.loads(editor.read_text("utf-8"))
    assert seen["args"][:3] == ["; touch pwned", "$(touch", "pwned2)"]
    assert not (tmp_path / "pwned").exists()
    assert not (tmp_path / "pwned2").exists()


def test_a_missing_editor_is_a_usage_error(
    data: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture
) -> None:
    monkeypatch.delenv("VISUAL", raising=False)
    monkeypatch.setenv("EDITOR", "no-such-editor-anywhere --wait")
    assert main(["journal", "--edit", "--data-dir", str(data)]) == 2
    assert "cannot start the editor 'no-such-editor-anywhere'" in capsys.readouterr().err


def test_an_editor_setting_that_cannot_be_split_is_a_usage_error(
    data: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture
) -> None:
    monkeypatch.setenv("VISUAL", "vim 'unclosed")
    assert main(["journal", "--edit", "--data-dir", str(data)]) == 2
    assert "$VISUAL" in capsys.readouterr().err


def test_edit_refuses_a_read_only_day_file_before_opening_the_editor(
    data: Path, editor: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture
) -> None:
    path = data / "days" / "2026" / "2026-11-25.toml"
    path.write_text(path.read_text("utf-8").replace("format = 1", "format = 7"), "utf-8")
    assert main(["journal", "--edit", "--data-dir", str(data)]) == 1
    assert "read-only" in capsys.readouterr().err
    assert not editor.exists()


def test_review_week_prints_the_table(data: Path, capsys: pytest.CaptureFixture) -> None:
    assert main(["review", "--week", "--data-dir", str(data)]) == 0
    out = capsys.readouterr().out
    assert out.startswith("Week 48 of 2026, 2026-11-23 to 2026-11-29\n")
    assert "Best day: Wed 25 Nov (2026-11-25)" in out
    assert "Weakest day: Tue 24 Nov (2026-11-24)" in out


def test_review_month_json_for_scripts(data: Path, capsys: pytest.CaptureFixture) -> None:
    assert main(["review", "--month", "--json", "--date", "2026-11-02", "--data-dir", str(data)]) == 0
    result = json.loads(capsys.readouterr().out)
    assert result["period"]["label"] == "November 2026"
    assert result["totals"]["made"] == 5
    assert len(result["days"]) == 25


def test_review_ascii_and_usage_errors(data: Path, capsys: pytest.CaptureFixture) -> None:
    assert main(["review", "--ascii", "--data-dir", str(data)]) == 0
    assert capsys.readouterr().out.isascii()
    with pytest.raises(SystemExit) as caught:
        main(["review", "--week", "--month", "--data-dir", str(data)])
    assert caught.value.code == 2


def test_export_journal_to_stdout(data: Path, capsys: pytest.CaptureFixture) -> None:
    assert main(["export", "journal", "--data-dir", str(data)]) == 0
    out = capsys.readouterr().out
    assert out.startswith("# Journal\n")
    assert out.index("## 2026-11-23 Monday") < out.index("## 2026-11-24 Tuesday") < out.index("## 2026-11-25")
    assert "- Gave 2, asked 1" in out


def test_export_journal_to_a_private_file(data: Path, tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    target = tmp_path / "out" / "journal.md"
    assert main(["export", "journal", "--format", "markdown", "-o", str(target), "--data-dir", str(data)]) == 0
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert target.read_text("utf-8").startswith("# Journal\n")
    assert f"{target}: journal exported as markdown" in capsys.readouterr().err


def test_export_warns_about_day_files_it_cannot_read(data: Path, capsys: pytest.CaptureFixture) -> None:
    broken = data / "days" / "2026" / "2026-11-24.toml"
    broken.write_bytes(b"\x00")
    assert main(["export", "journal", "--data-dir", str(data)]) == 0
    captured = capsys.readouterr()
    assert f"{broken} cannot be read and is left out" in captured.err
    assert "2026-11-24" not in captured.out


def test_export_usage_errors(data: Path, tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    assert main(["export", "journal", "--format", "pdf", "--data-dir", str(data)]) == 2
    assert "--format 'pdf': journal exports as markdown" in capsys.readouterr().err
    assert main(["export", "journal", "-o", str(tmp_path), "--data-dir", str(data)]) == 2
    assert "is a folder" in capsys.readouterr().err
    with pytest.raises(SystemExit) as caught:
        main(["export", "diary", "--data-dir", str(data)])
    assert caught.value.code == 2


def test_export_journal_refuses_a_history_file(data: Path, tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    history = tmp_path / "history.csv"
    assert main(["export", "journal", "--history", str(history), "--data-dir", str(data)]) == 2
    assert "--history: only `export csv` writes a history, not `export journal`" in capsys.readouterr().err
    assert not history.exists()


def test_export_of_an_empty_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys) -> None:
    monkeypatch.setenv("NETWORKDAY_NOW", NOW.isoformat())
    (tmp_path / "fresh").mkdir(mode=0o700)
    assert main(["export", "journal", "--data-dir", str(tmp_path / "fresh")]) == 0
    assert capsys.readouterr().out == "# Journal\n\n_No entries yet._\n"
