"""A person's screen: the whole story, each action on its key, and back to the row that opened it."""

from __future__ import annotations

import subprocess
import sys
import tomllib
import webbrowser

import pytest

from networkday.storage.store import Store
from networkday.ui import browser
from networkday.ui.app import create_app
from networkday.ui.modals.log_prompt import LogPrompt
from networkday.ui.modals.pick_value import PickValue
from networkday.ui.screens.contact import ContactScreen
from networkday.ui.screens.contacts import ContactsScreen
from networkday.ui.screens.today import TodayScreen
from networkday.ui.widgets.contact_list import ContactList
from networkday.ui.widgets.queue_list import QueueList
from tests.ui.contacts_world import TODAY, build
from tests.ui.screens import go_to, text_of

SIZE = (100, 40)


@pytest.fixture
def network(store: Store) -> Store:
    return build(store)


def read(path) -> dict:
    return tomllib.loads(path.read_text("utf-8"))


async def open_person(app, pilot, contact_id: str) -> ContactScreen:
    screen = await go_to(app, pilot, "2", ContactsScreen)
    screen.query_one(ContactList).select(contact_id)
    await pilot.press("enter")
    await pilot.pause()
    assert isinstance(app.screen, ContactScreen)
    return app.screen


async def test_every_field_the_ledger_motives_and_history_newest_first(network: Store):
    app = create_app(network)
    async with app.run_test(size=SIZE) as pilot:
        await open_person(app, pilot, "ada-lovelace")
        story = text_of(app, "#contact-story")
        for expected in (
            "Analytical Engines",
            "ada@example.com",
            "+44 20 5550 1000",
            "https://ada.example.com/",
            "python, alumni",
            "PyCon 2024",
            "every 30 days (own) · last touch 40 days ago  ! losing touch",
            "gave 1 · asked 2 · balance -1",
            "! You have asked more than you have given: offer something first",
            "• generosity: Ask plainly and thank them well; they like to give.",
            "• referrer: Mention who sent you; they help for that person's sake.",
            "History, newest first (3)",
        ):
            assert expected in story, expected
        history = story[story.index("History") :]
        assert history.index("2026-10-16") < history.index("2026-10-06") < history.index("2026-09-26")
        assert "email · will help" in history
        assert "asked: a CV review · note: kind" in history


async def test_referral_paths_up_down_and_to_the_hiring_manager(network: Store):
    app = create_app(network)
    async with app.run_test(size=SIZE) as pilot:
        await open_person(app, pilot, "bob-byrne")
        story = text_of(app, "#contact-story")
        assert "up            Ada Lovelace (ada-lovelace)" in story
        assert "down          ★ Grace Hopper (grace-hopper)" in story
        path = "you → Ada Lovelace (ada-lovelace) → Bob Byrne (bob-byrne) → ★ Grace Hopper (grace-hopper)  at Navy Labs"
        assert path in story
        await pilot.press("escape")
        await open_person(app, pilot, "grace-hopper")
        assert path in text_of(app, "#contact-story")
        assert "★ Grace Hopper" in text_of(app, "#contact-title")
        assert "◆ target company" in text_of(app, "#contact-title")
        await pilot.press("g")
        assert isinstance(app.screen, PickValue)
        await pilot.press(*"ada", "enter")
        await pilot.pause()
        assert app.screen.contact_id == "ada-lovelace"
        await pilot.press("escape")
        assert app.screen.contact_id == "grace-hopper"


async def test_escape_goes_back_to_the_same_row_of_the_network_list(network: Store):
    app = create_app(network)
    async with app.run_test(size=SIZE) as pilot:
        screen = await go_to(app, pilot, "2", ContactsScreen)
        await pilot.press("j", "j", "j", "enter")
        await pilot.pause()
        assert app.screen.contact_id == "carl-sagan"
        await pilot.press("e", "ctrl+s", "escape")
        assert app.screen is screen
        assert screen.query_one(ContactList).cursor == 3


async def test_opened_from_today_and_back_to_the_same_row(network: Store):
    app = create_app(network)
    async with app.run_test(size=SIZE) as pilot:
        today = app.screen
        assert isinstance(today, TodayScreen)
        table = today.query_one(QueueList)
        await pilot.press("j", "j")
        row, wanted = table.cursor, table.current().contact_id
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ContactScreen)
        assert app.screen.contact_id == wanted
        await pilot.press("escape")
        assert app.screen is today
        assert (table.cursor, table.current().contact_id) == (row, wanted)


async def test_copy_an_email_or_a_phone_to_the_clipboard(network: Store):
    app = create_app(network)
    async with app.run_test(size=SIZE) as pilot:
        await open_person(app, pilot, "grace-hopper")
        await pilot.press("y")  # one address: copied at once
        assert app.clipboard == "grace@navy.example"
        await pilot.press("escape")
        await open_person(app, pilot, "ada-lovelace")
        await pilot.press("y")
        assert isinstance(app.screen, PickValue)
        await pilot.press(*"+44", "enter")
        assert app.clipboard == "+44 20 5550 1000"


async def test_a_link_in_a_remote_session_is_shown_and_copied_never_launched(
    network: Store, monkeypatch: pytest.MonkeyPatch
):
    monkeypatch.setenv("SSH_CONNECTION", "10.0.0.2 52000 10.0.0.1 22")
    monkeypatch.setattr(browser, "launch", lambda url: pytest.fail(f"a browser was started for {url}"))
    app = create_app(network)
    async with app.run_test(size=SIZE) as pilot:
        await open_person(app, pilot, "ada-lovelace")
        await pilot.press("o")
        await pilot.press(*"ada.example", "enter")
        assert app.clipboard == "https://ada.example.com/"
        messages = [notice.message for notice in app._notifications]
        assert any(m.startswith("https://ada.example.com/\nThis is a remote session") for m in messages)


async def test_a_local_link_opens_and_an_unsafe_one_never_does(network: Store, monkeypatch: pytest.MonkeyPatch):
    for name in ("SSH_CONNECTION", "SSH_TTY", "SSH_CLIENT"):
        monkeypatch.delenv(name, raising=False)
    launched: list[str] = []
    monkeypatch.setattr(browser, "launch", lambda url: launched.append(url) or True)
    app = create_app(network)
    async with app.run_test(size=SIZE) as pilot:
        await open_person(app, pilot, "ada-lovelace")
        await pilot.press("o", *"ada.example", "enter")
        await pilot.press("o", *"mailto", "enter")
        await pilot.press("o", *"javascript", "enter")
    assert launched == ["https://ada.example.com/", "mailto:ada@example.com"]
    assert app.clipboard == ""


def test_only_a_browser_with_a_window_of_its_own_counts_as_graphical():
    assert browser.graphical(webbrowser.BackgroundBrowser("xdg-open"))
    assert not browser.graphical(webbrowser.GenericBrowser("lynx"))
    assert not browser.graphical(webbrowser.GenericBrowser("w3m"))
    assert browser.graphical(webbrowser.Chrome("google-chrome"))
    assert browser.remote_session({"SSH_TTY": "/dev/pts/3"})
    assert not browser.remote_session({"TERM": "xterm"})


async def test_log_an_interaction_outcome_first_then_details(network: Store):
    app = create_app(network)
    async with app.run_test(size=SIZE) as pilot:
        await open_person(app, pilot, "mary-jackson")
        await pilot.press("l")
        await pilot.press("down", "down", "down", "down", "enter")  # talked
        await pilot.press("down", "enter")  # email, one below the default phone
        assert isinstance(app.screen, LogPrompt)
        await pilot.press(*"a lead on a role", "tab", "tab", *"liked the talk", "enter")
        assert isinstance(app.screen, ContactScreen)
        assert "email · talked" in text_of(app, "#contact-story")
    entry = read(network.contact_path("mary-jackson"))["log"][-1]
    assert (entry["outcome"], entry["channel"], entry["note"]) == ("talked", "email", "liked the talk")
    assert entry["gave"] == "a lead on a role"
    day = read(network.day_path(TODAY))
    assert any(call["contact"] == "mary-jackson" and call["outcome"] == "talked" for call in day["call"])


async def test_follow_up_set_and_cleared_and_a_call_added_to_today(network: Store):
    app = create_app(network)
    async with app.run_test(size=SIZE) as pilot:
        await open_person(app, pilot, "mary-jackson")
        await pilot.press("f", *"+1w", "enter")
        assert read(network.contact_path("mary-jackson"))["follow_up"].isoformat() == "2026-12-02"
        await pilot.press("f", "ctrl+a", "ctrl+k", *"none", "enter")
        assert "follow_up" not in read(network.contact_path("mary-jackson"))
        await pilot.press("p")
        await pilot.press("p")  # already there: said once, added once
    calls = [call["contact"] for call in read(network.day_path(TODAY))["call"]]
    assert calls.count("mary-jackson") == 1


async def test_deleting_the_person_shown_goes_back_to_the_list(network: Store):
    app = create_app(network)
    async with app.run_test(size=SIZE) as pilot:
        await open_person(app, pilot, "mary-jackson")
        await pilot.press("D", "down", "enter")
        await pilot.pause()
        assert isinstance(app.screen, ContactsScreen)
        assert not network.contact_path("mary-jackson").exists()
        await pilot.press("u")
        assert network.contact_path("mary-jackson").exists()


async def test_todays_screen_counts_who_is_losing_touch(network: Store):
    app = create_app(network)
    async with app.run_test(size=SIZE):
        line = text_of(app, "#touch-counts")
    assert line == "Follow-ups 1 due, 1 overdue · 1 losing touch · 5 never contacted"


async def test_a_broken_day_file_is_reported_and_left_alone(network: Store):
    path = network.day_path(TODAY)
    path.write_text("[[call]\ncontact = ", "utf-8")  # broken by hand
    app = create_app(network)
    async with app.run_test(size=SIZE) as pilot:
        await open_person(app, pilot, "mary-jackson")
        await pilot.press("p")
        assert isinstance(app.screen, ContactScreen)
        assert any(notice.title == "Not saved" for notice in app._notifications)
    assert path.read_text("utf-8") == "[[call]\ncontact = "


#: Adds a planned email call to ``argv[2]`` in the day file argv[1], in place and with no lock, when told.
DAY_WRITER = """
import sys, tomllib, tomli_w
path, contact = sys.argv[1], sys.argv[2]
sys.stdin.readline()
with open(path, "rb") as file:
    table = tomllib.load(file)
table.setdefault("call", []).append({"contact": contact, "channel": "email"})
with open(path, "w", encoding="utf-8") as file:
    file.write(tomli_w.dumps(table))
print("written", flush=True)
"""


async def test_call_today_says_what_the_saved_day_holds_when_another_program_planned_her_meanwhile(
    network: Store, monkeypatch: pytest.MonkeyPatch
):
    """The day is saved on a second read when another program wrote it during the save: the
    notice must describe that second read (she was planned already), not the first."""
    path = network.day_path(TODAY)
    assert network.day(TODAY).call_for("ada-lovelace") is None
    writer = subprocess.Popen(
        [sys.executable, "-c", DAY_WRITER, str(path), "ada-lovelace"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    read_day = network.rewriter.on_disk

    def read_then_other_writes(*args):
        """The store's own read; the other program then writes the day before the store's rename."""
        found = read_day(*args)
        if args[0] == path and writer.poll() is None:
            writer.stdin.write("go\n")
            writer.stdin.flush()
            assert writer.stdout.readline() == "written\n"
            assert writer.wait(timeout=30) == 0
        return found

    monkeypatch.setattr(network.rewriter, "on_disk", read_then_other_writes)
    app = create_app(network)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await open_person(app, pilot, "ada-lovelace")
        await pilot.press("p")
        await pilot.pause()
        messages = [notice.message for notice in app._notifications]
    assert writer.returncode == 0
    assert any("is on today's calls already" in message for message in messages), messages
    calls = [call for call in read(path)["call"] if call["contact"] == "ada-lovelace"]
    assert [call["channel"] for call in calls] == ["email"]
