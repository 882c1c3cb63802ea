"""The machine-local memory of reminders given: shared by processes, kept outside the data folder, pruned."""

from __future__ import annotations

import json
from datetime import datetime, timedelta
from pathlib import Path

from networkday.storage.demo import demo_copy, discard_demo
from networkday.storage.machine_local import KEPT, Reminded, machine_dir
from tests.conftest import NOW


def test_two_processes_adding_at_once_keep_each_others_keys(tmp_path: Path) -> None:
    env = {"XDG_STATE_HOME": str(tmp_path / "state")}
    cron, app = Reminded(tmp_path / "data", env), Reminded(tmp_path / "data", env)
    assert cron.keys() == app.keys() == frozenset()
    cron.claim(["call-a"], NOW)
    app.claim(["call-b"], NOW)  # it read nothing before; the claim reads again under the lock
    assert cron.keys() == app.keys() == {"call-a", "call-b"}


def test_a_key_two_processes_claim_at_once_is_given_to_one_only(tmp_path: Path) -> None:
    """Two `remind` runs from cron at once both read the memory before either wrote it."""
    env = {"XDG_STATE_HOME": str(tmp_path / "state")}
    first, second = Reminded(tmp_path / "data", env), Reminded(tmp_path / "data", env)
    assert first.keys() == second.keys() == frozenset()
    assert first.claim(["call-a", "call-b"], NOW) == ["call-a", "call-b"]
    assert second.claim(["call-b", "call-c"], NOW) == ["call-c"]
    assert second.claim(["call-a", "call-c"], NOW) == []
    assert first.keys() == {"call-a", "call-b", "call-c"}


def test_keys_older_than_kept_are_dropped_at_the_next_add(tmp_path: Path) -> None:
    env = {"XDG_STATE_HOME": str(tmp_path / "state")}
    reminded = Reminded(tmp_path / "data", env)
    reminded.claim(["old"], NOW - KEPT - timedelta(minutes=1))
    reminded.claim(["recent"], NOW - KEPT)
    reminded.claim(["new"], NOW)
    assert reminded.keys() == {"recent", "new"}
    assert json.loads(reminded.path.read_text())["version"] == 1


def test_a_reminder_still_due_each_run_is_never_dropped_so_never_given_again(tmp_path: Path) -> None:
    """A follow-up left overdue is due on every cron run for months: it is given once, ever."""
    env = {"XDG_STATE_HOME": str(tmp_path / "state")}
    reminded = Reminded(tmp_path / "data", env)
    assert reminded.claim(["follow-up-overdue", "call-once"], NOW) == ["follow-up-overdue", "call-once"]
    for day in range(1, 120):  # cron asks daily, each day with that day's call; a call is due on its day only
        assert reminded.claim(["follow-up-overdue", f"call-{day}"], NOW + timedelta(days=day)) == [f"call-{day}"]
    remembered = reminded.keys()
    assert "call-once" not in remembered  # dropped 30 days after its day
    assert "follow-up-overdue" in remembered
    stamp = json.loads(reminded.path.read_text("utf-8"))["reminded"]["follow-up-overdue"]
    assert NOW + timedelta(days=119) - datetime.fromisoformat(stamp) <= timedelta(days=8)


def test_each_data_folder_has_its_own_place_and_a_relative_xdg_is_ignored(tmp_path: Path) -> None:
    env = {"XDG_STATE_HOME": str(tmp_path / "state")}
    one, two = machine_dir(tmp_path / "a" / "data", env), machine_dir(tmp_path / "b" / "data", env)
    assert one != two
    assert one.parent == two.parent == tmp_path / "state" / "networkday" / "folders"
    assert one.name.startswith("data-")
    assert not machine_dir(tmp_path / "a" / "data", {"XDG_STATE_HOME": "relative"}).is_relative_to("relative")


def test_a_memory_that_is_not_a_table_is_said_and_begun_again(tmp_path: Path) -> None:
    reminded = Reminded(tmp_path / "data", {"XDG_STATE_HOME": str(tmp_path / "state")})
    reminded.path.parent.mkdir(parents=True)
    reminded.path.write_text("[1, 2]")
    assert reminded.keys() == frozenset()
    assert reminded.warning == f"{reminded.path}: no 'reminded' table; begun again"
    reminded.claim(["call-a"], NOW)
    assert reminded.keys() == {"call-a"}


def test_a_demo_copy_takes_what_this_machine_kept_for_it_when_it_goes(tmp_path: Path, machine_state: Path) -> None:
    copy = demo_copy(NOW.date(), tmp_path / "networkday-demo-test")
    Reminded(copy).claim(["call-a"], NOW)
    kept = machine_dir(copy)
    assert kept.is_relative_to(machine_state)
    assert kept.is_dir()
    discard_demo(copy)
    assert not copy.exists()
    assert not kept.exists()
