"""`networkday edit ID` through networkday.cli.main, with a real editor process on a real folder.

The editor is a small Python script set as $EDITOR. Each time it runs it takes the next
round of replacements from FAKE_ROUNDS, records the file it was given, and may run a
networkday command meanwhile (another writer, while the editor is open).
"""

from __future__ import annotations

import io
import json
import os
import shlex
import stat
import sys
from pathlib import Path

import pytest

from networkday.cli import main

pytestmark = pytest.mark.usefixtures("command_env")

FAKE_EDITOR = """
import json, os, stat, subprocess, sys
path = sys.argv[-1]
log = os.environ["FAKE_LOG"]
seen = json.load(open(log)) if os.path.exists(log) else []
with open(path, encoding="utf-8") as handle:
    text = handle.read()
seen.append({"path": path, "mode": stat.S_IMODE(os.stat(path).st_mode), "text": text})
json.dump(seen, open(log, "w"))
rounds = json.loads(os.environ.get("FAKE_ROUNDS", "[]"))
for old, new in rounds[len(seen) - 1] if len(seen) <= len(rounds) else []:
    assert old in text, old
    text = text.replace(old, new)
with open(path, "w", encoding="utf-8") as handle:
    handle.write(text)
meanwhile = os.environ.get("FAKE_MEANWHILE")
if meanwhile and len(seen) == 1:
    subprocess.run([sys.executable, *json.loads(meanwhile)], check=True)
"""


@pytest.fixture
def data(tmp_path: Path) -> Path:
    root = tmp_path / "data"
    assert main(["add", "Jane Doe", "--company", "Acme", "--title", "CTO", "--data-dir", str(root)]) == 0
    assert main(["log", "jane-doe", "talked", "--note", "first call", "--data-dir", str(root)]) == 0
    return root


@pytest.fixture
def editor(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The fake editor as $EDITOR; returns the log of what it was given, one entry per run."""
    script = tmp_path / "fake editor.py"
    script.write_text(FAKE_EDITOR, "utf-8")
    monkeypatch.delenv("VISUAL", raising=False)
    monkeypatch.setenv("EDITOR", f"{shlex.quote(sys.executable)} {shlex.quote(str(script))}")
    log = tmp_path / "editor-log.json"
    monkeypatch.setenv("FAKE_LOG", str(log))
    return log


def rounds(monkeypatch: pytest.MonkeyPatch, *edits: list[tuple[str, str]]) -> None:
    monkeypatch.setenv("FAKE_ROUNDS", json.dumps(edits))


def meanwhile(monkeypatch: pytest.MonkeyPatch, data: Path, *args: str) -> None:
    monkeypatch.setenv("FAKE_MEANWHILE", json.dumps(["-m", "networkday", *args, "--data-dir", str(data)]))


def edit(data: Path) -> int:
    return main(["edit", "jane-doe", "--data-dir", str(data)])


def contact_file(data: Path) -> str:
    return (data / "contacts" / "jane-doe.toml").read_text("utf-8")


class Terminal(io.StringIO):
    """Standard input as a person at a terminal answers it."""

    def isatty(self) -> bool:
        return True


def test_an_edit_goes_through_a_private_copy_and_is_saved(data: Path, editor: Path, monkeypatch, capsys) -> None:
    before = contact_file(data)
    rounds(monkeypatch, [('title = "CTO"', 'title = "CEO"')])
    assert edit(data) == 0
    (seen,) = json.loads(editor.read_text("utf-8"))
    assert seen["text"] == before  # the file as it is written
    assert seen["mode"] == 0o600
    assert Path(seen["path"]).name == "jane-doe.toml"
    assert Path(seen["path"]).parent != data / "contacts"
    assert not Path(seen["path"]).parent.exists()
    assert 'title = "CEO"' in contact_file(data)
    assert "first call" in contact_file(data)
    assert stat.S_IMODE(os.stat(data / "contacts" / "jane-doe.toml").st_mode) == 0o600
    assert "saved" in capsys.readouterr().out
    assert main(["contacts", "list", "--json", "--data-dir", str(data)]) == 0
    assert json.loads(capsys.readouterr().out)["contacts"][0]["title"] == "CEO"  # the index follows


def test_visual_comes_before_editor(data: Path, editor: Path, monkeypatch) -> None:
    monkeypatch.setenv("VISUAL", os.environ["EDITOR"])
    monkeypatch.setenv("EDITOR", "false")
    rounds(monkeypatch, [('title = "CTO"', 'title = "CEO"')])
    assert edit(data) == 0
    assert 'title = "CEO"' in contact_file(data)


def test_an_unchanged_edit_saves_nothing(data: Path, editor: Path, capsys) -> None:
    before = os.stat(data / "contacts" / "jane-doe.toml").st_mtime_ns
    assert edit(data) == 0
    assert "no change, nothing saved" in capsys.readouterr().err
    assert os.stat(data / "contacts" / "jane-doe.toml").st_mtime_ns == before


def test_an_edit_that_does_not_read_is_located_kept_on_stderr_and_not_saved(
    data: Path, editor: Path, monkeypatch, capsys
) -> None:
    before = contact_file(data)
    rounds(monkeypatch, [('title = "CTO"', 'title = "CTO\nmotives = ["money"]')])
    assert edit(data) == 1  # no terminal to ask on: not asked again
    err = capsys.readouterr().err
    assert "jane-doe.toml:" in err
    assert "Traceback" not in err
    assert "--- your edit of jane-doe, not saved ---" in err
    assert 'motives = ["money"]' in err
    assert contact_file(data) == before


def test_an_unknown_value_is_refused_with_its_line(data: Path, editor: Path, monkeypatch, capsys) -> None:
    rounds(monkeypatch, [('title = "CTO"', 'title = "CTO"\nmotives = ["money"]')])
    assert edit(data) == 1
    err = capsys.readouterr().err
    line = contact_file(data).splitlines().index('title = "CTO"') + 2
    assert f"jane-doe.toml:{line}:" in err
    assert "unknown motive 'money'" in err


def test_the_person_may_edit_again_from_what_they_typed(data: Path, editor: Path, monkeypatch, capsys) -> None:
    rounds(monkeypatch, [('title = "CTO"', 'title = "CEO')], [('title = "CEO', 'title = "CEO"')])
    monkeypatch.setattr(sys, "stdin", Terminal("\n"))  # Enter: yes
    assert edit(data) == 0
    _first, second = json.loads(editor.read_text("utf-8"))
    assert 'title = "CEO\n' in second["text"]  # the broken text came back, not the file
    assert 'title = "CEO"' in contact_file(data)
    assert "edit again? [Y/n]" in capsys.readouterr().err


def test_declining_to_edit_again_keeps_the_file(data: Path, editor: Path, monkeypatch, capsys) -> None:
    before = contact_file(data)
    rounds(monkeypatch, [('title = "CTO"', 'title = "CEO')])
    monkeypatch.setattr(sys, "stdin", Terminal("n\n"))
    assert edit(data) == 1
    assert len(json.loads(editor.read_text("utf-8"))) == 1
    assert contact_file(data) == before


def test_a_touch_logged_while_the_editor_is_open_is_kept(data: Path, editor: Path, monkeypatch) -> None:
    rounds(monkeypatch, [('title = "CTO"', 'title = "CEO"'), ("first call", "first call, fixed")])
    meanwhile(monkeypatch, data, "log", "jane-doe", "will", "--note", "logged meanwhile")
    assert edit(data) == 0
    saved = contact_file(data)
    assert 'title = "CEO"' in saved
    assert "first call, fixed" in saved
    assert "logged meanwhile" in saved
    assert saved.count("[[log]]") == 2


def test_the_same_field_changed_meanwhile_is_a_conflict_and_nothing_is_written(
    data: Path, editor: Path, monkeypatch, capsys
) -> None:
    rounds(monkeypatch, [('company = "Acme"', 'company = "Initech"')])
    path = data / "contacts" / "jane-doe.toml"
    script = f"p={str(path)!r}; t=open(p).read(); open(p, 'w').write(t.replace('Acme', 'Globex'))"
    monkeypatch.setenv("FAKE_MEANWHILE", json.dumps(["-c", script]))
    assert edit(data) == 1
    err = capsys.readouterr().err
    assert "changed on disk since the editor opened: company" in err
    assert 'company = "Initech"' in err  # the edit, kept on stderr
    assert 'company = "Globex"' in contact_file(data)


def test_a_missing_contact_or_folder_opens_no_editor(data: Path, editor: Path, tmp_path: Path, capsys) -> None:
    assert main(["edit", "nobody", "--data-dir", str(data)]) == 1
    assert "no contact 'nobody'" in capsys.readouterr().err
    assert main(["edit", "jane-doe", "--data-dir", str(tmp_path / "typo")]) == 1
    assert main(["edit", "Bad/Id", "--data-dir", str(data)]) == 2
    assert not editor.exists()
