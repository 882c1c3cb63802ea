"""Writing to a person from a template: t on their screen, pick, read, copy or mail, and log what was sent."""

from __future__ import annotations

import tomllib

import pytest

from networkday.storage.store import Store
from networkday.storage.templates import templates_dir
from networkday.ui.app import create_app
from networkday.ui.modals.pick_value import PickValue
from networkday.ui.modals.template_message import TemplateMessage
from networkday.ui.screens.contact import ContactScreen
from tests.storage.saving import private_file
from tests.ui.contacts_world import build
from tests.ui.screens import text_of
from tests.ui.test_contact_detail import open_person

SIZE = (100, 40)


@pytest.fixture
def network(store: Store) -> Store:
    return build(store)


def history(store: Store, contact_id: str) -> list[dict]:
    return tomllib.loads(store.contact_path(contact_id).read_text("utf-8")).get("log", [])


async def open_template(app, pilot, contact_id: str, typed: str) -> TemplateMessage:
    await open_person(app, pilot, contact_id)
    await pilot.press("t")
    await pilot.pause()
    assert isinstance(app.screen, PickValue)
    await pilot.press(*typed, "enter")
    await pilot.pause()
    assert isinstance(app.screen, TemplateMessage)
    return app.screen


def notes(app) -> list[str]:
    return [str(note.message) for note in app._notifications]


@pytest.mark.parametrize(("key", "channel"), [("l", "email"), ("m", "message")])
async def test_person_t_pick_log_writes_one_touch_naming_the_template(network: Store, key: str, channel: str) -> None:
    before = history(network, "bob-byrne")
    app = create_app(network)
    async with app.run_test(size=SIZE) as pilot:
        await open_template(app, pilot, "bob-byrne", "thank")
        body = text_of(app, "#template-body")
        assert "Subject: Thank you, Bob" in body
        assert "Hi Bob," in body
        assert "Thank you for talking with me recently." in body
        assert "For you: Send it the same day." in body
        await pilot.press(key)
        await pilot.pause()
        assert isinstance(app.screen, ContactScreen)
        after = history(network, "bob-byrne")
        assert len(after) == len(before) + 1
        touch = after[-1]
        assert touch["channel"] == channel
        assert touch["note"] == "Sent the thank-you template"
        assert "outcome" not in touch
        assert f"Logged: {channel} to Bob Byrne (thank-you)." in notes(app)
        assert "Sent the thank-you template" in text_of(app, "#contact-story")


async def test_escape_closes_without_writing(network: Store) -> None:
    before = network.contact_path("bob-byrne").read_bytes()
    app = create_app(network)
    async with app.run_test(size=SIZE) as pilot:
        await open_template(app, pilot, "bob-byrne", "outreach-ref")
        assert "Subject: Ada Lovelace suggested we talk" in text_of(app, "#template-body")
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, ContactScreen)
    assert network.contact_path("bob-byrne").read_bytes() == before


async def test_copy_puts_the_whole_message_on_the_clipboard(network: Store) -> None:
    app = create_app(network)
    async with app.run_test(size=SIZE) as pilot:
        await open_template(app, pilot, "ada-lovelace", "thank")
        await pilot.press("y")
        await pilot.pause()
        assert app.clipboard.startswith("Subject: Thank you, Ada\n\nHi Ada,\n\n")
        assert any("Message copied" in note for note in notes(app))


async def test_the_address_is_a_mailto_link_with_the_message_in_it(network: Store) -> None:
    app = create_app(network)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_template(app, pilot, "ada-lovelace", "thank")
        rendered = screen.query_one("#template-body").render()
        links = {str(link) for span in rendered.spans if (link := getattr(span.style, "link", None))}
        assert len(links) == 1
        url = links.pop()
        assert url.startswith("mailto:ada@example.com?subject=Thank%20you%2C%20Ada&body=Hi%20Ada%2C%0D%0A")


async def test_without_an_email_mailing_says_to_copy(network: Store) -> None:
    app = create_app(network)
    async with app.run_test(size=SIZE) as pilot:
        await open_template(app, pilot, "bob-byrne", "thank")
        assert "no email address: copy it with y" in text_of(app, "#template-body")
        await pilot.press("o")
        await pilot.pause()
        assert any("No email address for this person" in note for note in notes(app))


async def test_no_editor_in_a_headless_app_is_said_and_the_message_kept(network: Store) -> None:
    app = create_app(network)
    async with app.run_test(size=SIZE) as pilot:
        await open_template(app, pilot, "bob-byrne", "thank")
        before = text_of(app, "#template-body")
        await pilot.press("e")
        await pilot.pause()
        assert isinstance(app.screen, TemplateMessage)
        assert text_of(app, "#template-body") == before
        assert any("No terminal to hand to an editor" in note for note in notes(app))


async def test_hostile_names_and_templates_stay_plain_text(network: Store) -> None:
    private_file(templates_dir(network.root) / "evil.txt", "Subject: [b]{name}[/b]\x1b[2J\n\nHi {name.__class__} {0}\n")
    app = create_app(network)
    async with app.run_test(size=SIZE) as pilot:
        zoe = next(summary.id for summary in network.contacts.values() if summary.name.startswith("Zoë"))
        await open_template(app, pilot, zoe, "evil")
        body = text_of(app, "#template-body")
        assert "Subject: [b]Zoë [b]Markup[/b]]52;c;ZXZpbA==[31m[/b][2J" in body
        assert "Hi {name.__class__} {0}" in body
        assert "\x1b" not in body


async def test_unreadable_template_is_named_and_the_others_offered(network: Store) -> None:
    bad = private_file(templates_dir(network.root) / "bad.txt", b"caf\xe9")
    app = create_app(network)
    async with app.run_test(size=SIZE) as pilot:
        await open_person(app, pilot, "ada-lovelace")
        await pilot.press("t")
        await pilot.pause()
        assert isinstance(app.screen, PickValue)
        assert any(f"{bad}:1:4: not UTF-8" in note for note in notes(app))


async def test_no_templates_left_says_where_to_add_them(network: Store) -> None:
    for path in templates_dir(network.root).iterdir():
        path.unlink()
    app = create_app(network)
    async with app.run_test(size=SIZE) as pilot:
        await open_person(app, pilot, "ada-lovelace")
        await pilot.press("t")
        await pilot.pause()
        assert isinstance(app.screen, ContactScreen)
        assert any(f"No templates in {templates_dir(network.root)}" in note for note in notes(app))
