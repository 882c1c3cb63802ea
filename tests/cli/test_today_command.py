"""`networkday today` answers from the files as they are now, from a kept preview or not."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from networkday.cli import main
from networkday.clock import FixedClock
from networkday.domain.contact import Contact
from networkday.storage import preview as preview_module
from networkday.storage.preview import preview_path
from networkday.storage.store import Store
from tests.conftest import NOW

PINNED = NOW.isoformat()


@pytest.fixture
def data(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("NETWORKDAY_NOW", PINNED)
    root = tmp_path / "data"
    store = Store.open(root, FixedClock(NOW))
    store.add_contacts([Contact(id="", name="Ada Lovelace", follow_up=NOW.date()), Contact(id="", name="Alan Kay")])
    return root


def today(data: Path, capsys: pytest.CaptureFixture[str]) -> dict:
    assert main(["today", "--json", "--data-dir", str(data)]) == 0
    return json.loads(capsys.readouterr().out)


@pytest.fixture
def served(monkeypatch: pytest.MonkeyPatch) -> list[bool]:
    """Notes, run by run, whether the preview answered."""
    answers: list[bool] = []
    current = preview_module.current_preview

    def spy(store, day):
        found = current(store, day)
        answers.append(found is not None)
        return found

    monkeypatch.setattr("networkday.commands.today.current_preview", spy)
    return answers


def test_a_second_run_answers_from_the_preview_the_first_kept(
    data: Path, capsys: pytest.CaptureFixture[str], served: list[bool]
) -> None:
    first = today(data, capsys)
    assert preview_path(Store.open(data, FixedClock(NOW), scan=False)).exists()
    second = today(data, capsys)
    assert served == [False, True]
    assert first == second
    assert [row["name"] for row in second["queue"]] == ["Ada Lovelace", "Alan Kay"]


def test_a_hand_edit_after_the_preview_is_seen(
    data: Path, capsys: pytest.CaptureFixture[str], served: list[bool]
) -> None:
    """Written in place (as nano or VS Code save): the folder's mtime does not move, the file's does."""
    today(data, capsys)
    path = data / "contacts" / "alan-kay.toml"
    text = path.read_text("utf-8")
    with path.open("r+", encoding="utf-8") as file:  # in place: same inode
        file.write(text + f"follow_up = {NOW.date().isoformat()}\n")
    stat = path.stat()
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000))
    shown = today(data, capsys)
    assert served == [False, False]
    assert [(row["name"], row["kind"]) for row in shown["queue"]][:2] == [
        ("Ada Lovelace", "follow-up"),
        ("Alan Kay", "follow-up"),
    ]


@pytest.mark.parametrize(
    ("change", "names"),
    [
        (
            lambda root: (root / "contacts" / "grace-hopper.toml").write_text('format = 1\nname = "Grace"\n', "utf-8"),
            {"Ada Lovelace", "Alan Kay", "Grace"},
        ),
        (lambda root: (root / "contacts" / "ada-lovelace.toml").unlink(), {"Alan Kay"}),
        (
            lambda root: (root / "contacts" / "Not An Id.toml").write_text('name = "x"\n', "utf-8"),
            {"Ada Lovelace", "Alan Kay"},
        ),
        (lambda root: (root / "contacts" / "alan-kay.toml").chmod(0o644), {"Ada Lovelace", "Alan Kay"}),
    ],
    ids=["file added", "file removed", "stray file", "file open to others"],
)
def test_any_other_change_in_the_folder_is_read_from_the_files(
    data: Path, capsys: pytest.CaptureFixture[str], served: list[bool], change, names: set[str]
) -> None:
    today(data, capsys)
    change(data)
    shown = today(data, capsys)
    assert served == [False, False]
    assert {row["name"] for row in shown["queue"]} == names
