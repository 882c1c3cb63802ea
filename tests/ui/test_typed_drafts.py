"""Drafts kept by a signal are offered at the next start: opened again, thrown away, or kept for later."""

from __future__ import annotations

from networkday.domain.contact import Contact
from networkday.storage.drafts import Draft, drafts_path, keep_drafts, load_drafts
from networkday.storage.store import Store
from networkday.ui.app import create_app
from networkday.ui.modals.choice import ChoiceModal
from networkday.ui.modals.contact_form import ContactForm
from tests.conftest import NOW


def _with_person(store: Store) -> Store:
    store.add_contact(Contact(id="", name="Ada Lovelace"))
    return store


async def test_a_new_persons_form_is_opened_again_and_saved(store: Store) -> None:
    _with_person(store)
    keep_drafts(store, [Draft("contact", "", {"name": "Grace Hopper", "company": "Navy Labs"}, NOW, "SIGTERM")])
    app = create_app(store)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, ChoiceModal)
        await pilot.press("enter")
        assert isinstance(app.screen, ContactForm)
        assert app.screen.query_one("#form-name").value == "Grace Hopper"
        await pilot.press("ctrl+s")
        await pilot.pause()
    assert store.contact("grace-hopper").company == "Navy Labs"
    assert not drafts_path(store).exists()


async def test_escape_keeps_the_draft_for_the_next_start_and_throw_away_removes_it(store: Store) -> None:
    _with_person(store)
    keep_drafts(store, [Draft("contact", "ada-lovelace", {"company": "Engines"}, NOW, "SIGHUP")])
    async with create_app(store).run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("escape")
    assert len(load_drafts(store)) == 1
    app = create_app(store)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("down", "enter")  # throw it away
    assert load_drafts(store) == []
    assert store.contact("ada-lovelace").company == ""


async def test_a_log_draft_whose_touch_is_gone_is_kept_with_a_message(store: Store) -> None:
    _with_person(store)
    draft = Draft("log", "ada-lovelace", {"note": "call back"}, NOW, "SIGTERM", NOW, {"name": "Ada Lovelace"})
    keep_drafts(store, [draft])
    app = create_app(store)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("enter")  # open it again
        await pilot.press("enter")  # submit the prompt: the touch of NOW is not in the file
        await pilot.pause()
        assert [n for n in app._notifications if "the draft is kept" in n.message]
    assert load_drafts(store) == [draft]


def _logged(store: Store) -> tuple[str, Draft]:
    """Ada with a touch logged at NOW, and a draft of its prompt as a signal would keep it."""
    from networkday.domain.contact import LogEntry
    from networkday.domain.touch import TouchDetails
    from networkday.services.actions import log_touch

    _with_person(store)
    entry = LogEntry(at=NOW, channel="phone", outcome="talked")
    contact = log_touch(store, "ada-lovelace", entry)
    extra = {"name": "Ada Lovelace", "outcome": "talked", "touch": entry.id}
    extra["base"] = TouchDetails.of(contact, entry).table()
    return entry.id, Draft("log", "ada-lovelace", {"note": "call back"}, NOW, "SIGTERM", NOW, extra)


async def test_a_log_draft_is_saved_onto_its_own_touch(store: Store) -> None:
    touch_id, draft = _logged(store)
    store.update_contact("ada-lovelace", lambda c: c.log.append(type(c.log[0])(at=NOW, channel="email")))
    keep_drafts(store, [draft])
    app = create_app(store)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("enter")  # open it again
        await pilot.pause()
        assert app.screen.query_one("#log-note").value == "call back"
        await pilot.press("enter")
        await pilot.pause()
    notes = {e.id or e.channel: e.note for e in store.contact("ada-lovelace").log}
    assert notes == {touch_id: "call back", "email": ""}
    assert load_drafts(store) == []


async def test_a_log_draft_never_overwrites_a_note_written_since_unseen(store: Store) -> None:
    _, draft = _logged(store)
    keep_drafts(store, [draft])

    def hand_edit(contact: Contact) -> None:
        contact.log[0].note = "typed in the editor"

    store.update_contact("ada-lovelace", hand_edit)
    app = create_app(store)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("enter")  # open it again
        await pilot.pause()
        await pilot.press("enter")  # the note changed since the prompt first opened: a clash
        await pilot.pause()
        assert "changed on disk meanwhile" in str(app.screen.query_one("#log-error").render())
    assert store.contact("ada-lovelace").log[0].note == "typed in the editor"
    assert len(load_drafts(store)) == 1
