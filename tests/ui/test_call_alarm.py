"""Today rings once when a planned call's time comes, by the injected clock, and shows a toast."""

from __future__ import annotations

from datetime import timedelta

import pytest

from networkday.clock import FixedClock
from networkday.domain.contact import Contact
from networkday.domain.day import Call
from networkday.domain.reminders import call_key
from networkday.storage.machine_local import Reminded
from networkday.storage.store import Store
from networkday.ui.app import NetworkdayApp, create_app
from networkday.ui.call_alarm import alert_for, osc_text
from tests.conftest import NOW
from tests.storage.saving import private_file


def plan_at_ten(store: Store) -> None:
    """Ann Lee (ann-lee) at 10:00 today; Bob Ray with no time."""
    ann = store.add_contact(Contact(id="", name="Ann Lee")).id
    bob = store.add_contact(Contact(id="", name="Bob Ray")).id
    store.update_day(NOW.date(), lambda day: day.calls.extend([Call(ann, time="10:00"), Call(bob)]))


def ringing_app(store: Store) -> tuple[NetworkdayApp, list[str]]:
    """The app on ``store``, its bell written down instead of sent to a terminal the test has not."""
    app = create_app(store)
    rings: list[str] = []
    app.bell = lambda: rings.append("bell")  # type: ignore[method-assign]
    return app, rings


def toasts(app) -> list[str]:
    return [str(toast.message) for toast in app._notifications]


async def test_a_call_rings_once_when_its_time_comes(store: Store, clock: FixedClock) -> None:
    plan_at_ten(store)
    app, rings = ringing_app(store)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = app.screen
        screen.ring_due_calls()
        assert (rings, toasts(app)) == ([], [])  # 09:30: not yet, and Bob's call has no time
        clock.set(NOW.replace(hour=10))
        screen.ring_due_calls()
        await pilot.pause()
        assert rings == ["bell"]
        assert toasts(app) == ["Call Ann Lee at 10:00"]
        clock.advance(minutes=5)
        screen.ring_due_calls()
        assert rings == ["bell"]
    assert Reminded(store.root).keys() == {call_key(NOW.date(), "ann-lee", "10:00")}


async def test_the_ticking_timer_rings_by_itself(store: Store, clock: FixedClock) -> None:
    plan_at_ten(store)
    clock.set(NOW.replace(hour=10, minute=1))
    app, rings = ringing_app(store)
    async with app.run_test(size=(100, 30)) as pilot:
        for _ in range(30):
            await pilot.pause(0.1)
            if rings:
                break
        assert rings == ["bell"]


async def test_a_call_remind_already_listed_does_not_ring(store: Store, clock: FixedClock) -> None:
    plan_at_ten(store)
    Reminded(store.root).claim([call_key(NOW.date(), "ann-lee", "10:00")], NOW)
    clock.set(NOW.replace(hour=10))
    app, rings = ringing_app(store)
    async with app.run_test(size=(100, 30)):
        app.screen.ring_due_calls()
        assert rings == []


async def test_a_call_remind_listed_after_the_app_began_does_not_ring_again(store: Store, clock: FixedClock) -> None:
    """Cron's `remind --within 10m` lists the 10:00 call at 09:50, while the app is open since 09:30."""
    plan_at_ten(store)
    app, rings = ringing_app(store)
    async with app.run_test(size=(100, 30)) as pilot:
        app.screen.ring_due_calls()  # the first tick reads what was given: nothing yet
        clock.set(NOW.replace(hour=9, minute=50))
        assert Reminded(store.root).claim([call_key(NOW.date(), "ann-lee", "10:00")], clock.now())
        clock.set(NOW.replace(hour=10))
        app.screen.ring_due_calls()
        await pilot.pause()
        assert (rings, toasts(app)) == ([], [])


async def test_off_gives_the_toast_alone(store: Store, clock: FixedClock) -> None:
    private_file(store.root / "config.toml", '[remind]\nalert = "off"\n')
    plan_at_ten(store)
    clock.set(NOW.replace(hour=10) + timedelta(seconds=1))
    reopened = Store.open(store.root, clock)
    assert reopened.config.alert == "off"
    app, rings = ringing_app(reopened)
    async with app.run_test(size=(100, 30)) as pilot:
        app.screen.ring_due_calls()
        await pilot.pause()
        assert rings == []
        assert toasts(app) == ["Call Ann Lee at 10:00"]


@pytest.mark.parametrize(
    ("setting", "term", "alert"),
    [
        ("bell", "xterm-256color", "bell"),
        ("osc9", "xterm-256color", "osc9"),
        ("osc777", "foot", "osc777"),
        ("osc9", "linux", "bell"),
        ("osc777", "linux", "bell"),
        ("off", "linux", "off"),
    ],
)
def test_notifications_by_escape_are_the_bell_on_the_linux_console(setting: str, term: str, alert: str) -> None:
    assert alert_for(setting, term) == alert


def test_text_in_an_escape_cannot_end_it() -> None:
    assert osc_text("Ann\x07\x1b]0;pwned\x07; x\ny") == "Ann]0,pwned, x y"


async def test_another_folder_opened_in_the_app_rings_for_its_own_calls(
    store: Store, clock: FixedClock, tmp_path
) -> None:
    """The welcome's demo replaces the store: the set of reminders given follows the folder."""
    plan_at_ten(store)
    other = Store.open(tmp_path / "other", clock)
    plan_at_ten(other)
    clock.set(NOW.replace(hour=10))
    app, rings = ringing_app(store)
    async with app.run_test(size=(100, 30)):
        app.screen.ring_due_calls()
        app.store = other
        app.screen.ring_due_calls()
        assert rings == ["bell", "bell"]
    key = call_key(NOW.date(), "ann-lee", "10:00")
    assert Reminded(store.root).keys() == Reminded(other.root).keys() == {key}
