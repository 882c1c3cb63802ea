"""A command that saves leaves Today's preview in step, so the next app start stays on its fast path.

Each command runs through ``cli.main`` on a real folder whose preview a previous run
kept; the preview then must be one a start trusts (``load_preview``) and hold exactly
what a start without it computes from the folder.
"""

from __future__ import annotations

import json
import shlex
import sys
from argparse import Namespace
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest

from networkday.cli import main
from networkday.clock import clock_from_environ
from networkday.domain.contact import Contact
from networkday.domain.day import Call
from networkday.domain.queue import DayQueue, last_touch_text
from networkday.services import timer
from networkday.services.queue import day_queue, network_touch_counts
from networkday.storage.preview import DayPreview, load_preview, preview_path
from networkday.storage.store import Store
from tests.conftest import NOW
from tests.fixture_files import fixture

TODAY = NOW.date()


@pytest.fixture
def data(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A small network with Today's preview kept, as `networkday today` or an app exit keeps it."""
    monkeypatch.setenv("NETWORKDAY_NOW", NOW.isoformat())
    monkeypatch.setenv("NETWORKDAY_TZ", "Europe/Berlin")
    monkeypatch.delenv("NETWORKDAY_HOME", raising=False)
    root = tmp_path / "data"
    store = Store.open(root, clock_from_environ())
    store.add_contacts(
        [
            Contact(id="", name="Grace Hopper", company="Navy Labs", hiring_manager=True),
            Contact(id="", name="Ada Lovelace", referred_by="grace-hopper", follow_up=TODAY),
            Contact(id="", name="Alan Kay"),
        ]
    )
    keep(root)
    return root


def keep(root: Path) -> None:
    assert main(["today", "--data-dir", str(root)]) == 0
    assert trusted(root) is not None


def trusted(root: Path) -> DayPreview | None:
    """The preview an app start would draw its first frame from, or None (it reads the index)."""
    return load_preview(Store.open(root, clock_from_environ(), scan=False, contacts=False), TODAY)


def fresh_start(root: Path) -> Store:
    """What a start with no preview reads: every file, as it is now."""
    return Store.open(root, clock_from_environ())


def assert_as_fresh(root: Path) -> DayPreview:
    """The preview is trusted and holds what a start without it would compute."""
    preview = trusted(root)
    assert preview is not None
    full = fresh_start(root)
    assert preview.queue == day_queue(full, TODAY)
    assert preview.counts == network_touch_counts(full)
    assert preview.contacts == {contact_id: full.contacts[contact_id] for contact_id in preview.contacts}
    assert {item.contact_id for item in preview.queue.items} <= set(preview.contacts)
    return preview


def outcome_of(queue: DayQueue, contact_id: str) -> list[str | None]:
    return [item.outcome for item in queue.items if item.contact_id == contact_id]


def test_log_renews_the_preview_with_the_outcome(data: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert outcome_of(trusted(data).queue, "ada-lovelace") == [None]
    assert main(["log", "ada-lovelace", "will", "--data-dir", str(data)]) == 0
    preview = assert_as_fresh(data)
    assert outcome_of(preview.queue, "ada-lovelace") == ["will"]
    assert preview.queue.score.made == 1


def test_add_renews_the_preview_with_the_new_person(data: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["add", "Mary Jackson", "--follow-up", TODAY.isoformat(), "--data-dir", str(data)]) == 0
    preview = assert_as_fresh(data)
    assert "mary-jackson" in {item.contact_id for item in preview.queue.items}
    assert preview.contacts["mary-jackson"].name == "Mary Jackson"


def test_timer_start_and_stop_renew_the_preview(data: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["timer", "start", "networking", "--data-dir", str(data)]) == 0
    assert_as_fresh(data)
    assert timer.running(fresh_start(data)) is not None
    assert main(["timer", "stop", "--data-dir", str(data)]) == 0
    assert_as_fresh(data)
    assert timer.running(fresh_start(data)) is None


def test_an_import_renews_the_preview_with_the_new_people(data: Path, capsys: pytest.CaptureFixture[str]) -> None:
    before = trusted(data).counts
    assert main(["import", "vcard", str(fixture("vcard/gmail-list.vcf")), "--data-dir", str(data)]) == 0
    preview = assert_as_fresh(data)
    assert preview.counts != before
    assert len(fresh_start(data).contacts) > 3


def test_check_fix_renews_the_preview(data: Path, capsys: pytest.CaptureFixture[str]) -> None:
    store = Store.open(data, clock_from_environ())
    store.update_day(TODAY, lambda day: day.calls.append(Call("alan-kay", "email", outcome="will", at=NOW, touch="t1")))
    keep(data)
    assert main(["check", "--fix", "--data-dir", str(data)]) == 0
    preview = assert_as_fresh(data)
    assert [entry.id for entry in fresh_start(data).contact("alan-kay").log] == ["t1"]
    assert last_touch_text(preview.contacts["alan-kay"], NOW) != "never"


def test_today_answers_from_the_preview_after_a_log(
    data: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from networkday.commands import today

    answers: list[bool] = []
    current = today.current_preview
    monkeypatch.setattr(today, "current_preview", lambda *a: answers.append(bool(found := current(*a))) or found)
    assert main(["log", "ada-lovelace", "talked", "--data-dir", str(data)]) == 0
    capsys.readouterr()
    assert main(["today", "--json", "--data-dir", str(data)]) == 0
    assert answers == [True]
    rows = json.loads(capsys.readouterr().out)["queue"]
    assert [row["outcome"] for row in rows if row["contact"] == "ada-lovelace"] == ["talked"]


def test_a_command_that_saves_nothing_leaves_the_preview_file_alone(
    data: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    kept = preview_path(fresh_start(data)).stat()
    assert main(["timer", "status", "--data-dir", str(data)]) == 0
    assert main(["log", "no-such-person", "will", "--data-dir", str(data)]) == 1
    after = preview_path(fresh_start(data)).stat()
    assert (after.st_ino, after.st_mtime_ns) == (kept.st_ino, kept.st_mtime_ns)


def test_no_preview_before_means_none_after(data: Path, capsys: pytest.CaptureFixture[str]) -> None:
    preview_path(fresh_start(data)).unlink()
    assert main(["log", "ada-lovelace", "will", "--data-dir", str(data)]) == 0
    assert not preview_path(fresh_start(data)).exists()


def edit_config(root: Path) -> None:
    (root / "config.toml").write_text("calls_per_day = 2\n", "utf-8")


def edit_day(root: Path) -> None:
    path = fresh_start(root).day_path(TODAY)
    path.write_text(path.read_text("utf-8").replace('outcome = "will"', 'outcome = "wont"'), "utf-8")


@pytest.mark.parametrize("edit", [edit_config], ids=["config.toml"])
def test_a_preview_stale_before_the_command_is_not_made_to_look_fresh(
    data: Path, capsys: pytest.CaptureFixture[str], edit: Callable[[Path], None]
) -> None:
    edit(data)
    assert trusted(data) is None
    assert main(["log", "ada-lovelace", "will", "--data-dir", str(data)]) == 0
    assert trusted(data) is None


@pytest.mark.parametrize("edit", [edit_config, edit_day], ids=["config.toml", "day file"])
def test_a_hand_edit_after_the_commands_save_is_seen(
    data: Path, capsys: pytest.CaptureFixture[str], edit: Callable[[Path], None]
) -> None:
    assert main(["log", "ada-lovelace", "will", "--data-dir", str(data)]) == 0
    assert trusted(data) is not None
    edit(data)
    assert trusted(data) is None


def test_a_contact_edited_by_hand_after_a_log_is_what_today_prints(
    data: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["log", "ada-lovelace", "will", "--data-dir", str(data)]) == 0
    path = fresh_start(data).contact_path("ada-lovelace")
    path.write_text(path.read_text("utf-8").replace("Ada Lovelace", "Ada King"), "utf-8")
    capsys.readouterr()
    assert main(["today", "--json", "--data-dir", str(data)]) == 0
    rows = json.loads(capsys.readouterr().out)["queue"]
    assert [row["name"] for row in rows if row["contact"] == "ada-lovelace"] == ["Ada King"]


def test_journal_edit_renews_the_preview(
    data: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    editor = tmp_path / "editor.py"
    editor.write_text(
        "import sys\npath = sys.argv[-1]\ntext = open(path, encoding='utf-8').read()\n"
        "open(path, 'w', encoding='utf-8').write(text.replace('\\nRating:\\n', '\\nRating: 4\\n', 1))\n",
        "utf-8",
    )
    monkeypatch.delenv("VISUAL", raising=False)
    monkeypatch.setenv("EDITOR", f"{shlex.quote(sys.executable)} {shlex.quote(str(editor))}")
    assert main(["journal", "--edit", "--data-dir", str(data)]) == 0
    out = capsys.readouterr()
    assert "journal saved" in out.out, out
    assert_as_fresh(data)
    assert fresh_start(data).day(TODAY).journal.rating == 4


def count_rankings(monkeypatch: pytest.MonkeyPatch) -> list[date]:
    """Each day a preview was computed for from the whole network (``services.queue.day_queue``)."""
    from networkday.services import queue

    ranked: list[date] = []
    computed = queue.day_queue
    monkeypatch.setattr(queue, "day_queue", lambda store, when: ranked.append(when) or computed(store, when))
    return ranked


def test_a_timer_command_restamps_the_preview_without_ranking_the_network_again(
    data: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    ranked = count_rankings(monkeypatch)
    assert main(["timer", "start", "networking", "--at", "08:00", "--data-dir", str(data)]) == 0
    assert main(["timer", "stop", "--data-dir", str(data)]) == 0
    assert ranked == []
    assert_as_fresh(data)
    assert len(fresh_start(data).day(TODAY).time) == 1


def test_today_answers_from_a_preview_a_timer_command_restamped(
    data: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from networkday.commands import today

    assert main(["timer", "start", "networking", "--data-dir", str(data)]) == 0
    answers: list[bool] = []
    current = today.current_preview
    monkeypatch.setattr(today, "current_preview", lambda *a: answers.append(bool(found := current(*a))) or found)
    assert main(["today", "--data-dir", str(data)]) == 0
    assert answers == [True]  # the day files it lists are the ones the timer wrote


def test_a_change_to_the_days_that_the_queue_reads_is_ranked_again(
    data: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The contacts untouched, but the day's plan changed: the restamp is not enough."""
    from networkday.commands.common import keeping_fast_path, open_store

    ranked = count_rankings(monkeypatch)
    with keeping_fast_path():
        store = open_store(Namespace(data_dir=str(data)), scan=False, contacts=False)
        store.update_day(TODAY, lambda day: day.calls.append(Call("alan-kay", "email")))
    assert ranked == [TODAY]
    preview = assert_as_fresh(data)
    assert [item.reason for item in preview.queue.items if item.contact_id == "alan-kay"] == ["planned"]


def ranked(root: Path, capsys: pytest.CaptureFixture[str]) -> list[str]:
    capsys.readouterr()
    assert main(["today", "--json", "--data-dir", str(root)]) == 0
    return [row["contact"] for row in json.loads(capsys.readouterr().out)["queue"]]


def test_a_target_set_by_a_command_or_by_hand_ranks_the_next_today(
    data: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A company's target flag ranks the queue: the preview must not outlive it (it did after `company`)."""
    assert main(["add", "Mary Jackson", "--company", "Wind Tunnel", "--data-dir", str(data)]) == 0
    keep(data)
    assert ranked(data, capsys)[-1] == "mary-jackson"
    assert main(["company", "add", "Wind Tunnel", "--target", "--data-dir", str(data)]) == 0
    assert_as_fresh(data)
    assert ranked(data, capsys)[1] == "mary-jackson"  # after the follow-up due, a person at a target
    assert main(["company", "untarget", "wind-tunnel", "--data-dir", str(data)]) == 0
    assert ranked(data, capsys)[-1] == "mary-jackson"
    company = data / "companies" / "wind-tunnel.toml"
    assert "target" not in company.read_text("utf-8")
    company.write_text(company.read_text("utf-8") + "target = true\n", "utf-8")  # by hand, in place
    assert ranked(data, capsys)[1] == "mary-jackson"
