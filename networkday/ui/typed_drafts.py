"""Typed text kept when a signal ends the app, and offered again, one prompt at a time, at the next start.

A screen that holds typed text implements ``KeepsTyping``: the journal saves its entry
itself (it autosaves anyway), the log prompt and the contact form return drafts, which
``storage.drafts`` keeps (they also do so when the person keeps their text at Escape,
``modals.keep_typing``). At the next start each draft is offered in a question: open it
again as it was left, throw it away, or (Escape) ask again at the next start.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import TYPE_CHECKING, Protocol, runtime_checkable

from networkday.storage.drafts import Draft, drafts_path, drop_draft, keep_drafts, load_drafts
from networkday.storage.problems import StoreError
from networkday.ui.modals.keep_typing import KEPT_AT_ESCAPE

if TYPE_CHECKING:
    from networkday.ui.app import NetworkdayApp


@runtime_checkable
class KeepsTyping(Protocol):
    def keep_typed(self, kept: datetime, why: str) -> list[Draft]:
        """Saves what it can itself; returns the rest as drafts to keep."""
        ...


def keep_typed_text(app: NetworkdayApp, why: str) -> str | None:
    """Keeps the text typed on every open screen; a message when it could not be kept."""
    kept = app.clock.now().replace(microsecond=0)
    drafts: list[Draft] = []
    for screen in app.screen_stack:
        if isinstance(screen, KeepsTyping):
            drafts.extend(screen.keep_typed(kept, why))
    try:
        keep_drafts(app.store, drafts)
    except StoreError as error:
        return f"networkday: what was typed could not be kept: {error}"
    return None


def offer_drafts(app: NetworkdayApp) -> None:
    """Asks about each kept draft in turn; nothing is asked when there are none."""
    found = load_drafts(app.store)
    problem = app.store.problems.get(drafts_path(app.store))
    if problem is not None:
        app.notify(f"{problem}; it is left as it is", title="Drafts not read", severity="error", markup=False)
    _offer(app, found)


def _offer(app: NetworkdayApp, drafts: list[Draft]) -> None:
    if not drafts:
        return
    from networkday.ui.modals.choice import ChoiceModal

    draft, rest = drafts[0], drafts[1:]

    def answered(choice: str | None) -> None:
        if choice == "open":
            _reopen(app, draft, lambda: _offer(app, rest))
            return
        if choice == "drop":
            _drop(app, draft)
        _offer(app, rest)

    options = [("open", "Open it again, as it was left"), ("drop", "Throw it away")]
    app.push_screen(ChoiceModal(_question(draft), options), answered)


def _question(draft: Draft) -> str:
    name = str(draft.extra.get("name") or draft.contact or "a new person")
    closed = f"networkday was closed ({draft.why or 'by a signal'}) on {draft.kept:%a %d %b %H:%M} while you typed"
    if draft.why == KEPT_AT_ESCAPE:
        closed = f"On {draft.kept:%a %d %b %H:%M} you kept a draft of"
    if draft.kind == "call":
        closed = f"networkday closed on {draft.kept:%a %d %b %H:%M} before you ended"
        what = f"your call with {name}; its note is kept"
    elif draft.kind == "log" and draft.at is not None:
        what = f"the details of your touch with {name} ({draft.extra.get('outcome', 'noted')}) of {draft.at:%H:%M}"
    else:
        what = f"the form of {name}" if draft.contact else "the form of a new person"
    return f"{closed} {what}. Escape asks again at the next start."


def _drop(app: NetworkdayApp, draft: Draft) -> None:
    try:
        drop_draft(app.store, draft)
    except StoreError as error:
        app.notify(str(error), title="Draft not removed", severity="error", markup=False, timeout=10)


def _reopen(app: NetworkdayApp, draft: Draft, then: Callable[[], None]) -> None:
    if draft.kind == "call":
        from networkday.ui.screens.call import CallScreen

        app.push_screen(CallScreen(draft.contact), lambda _: then())  # it ends or keeps its own draft
    elif draft.kind == "log":
        _reopen_log(app, draft, then)
    else:
        _reopen_form(app, draft, then)


def _settle(app: NetworkdayApp, draft: Draft, then: Callable[[], None], write: Callable[[], str] | None) -> None:
    """After a reopened prompt: ``write`` saves what it returned and says what to show (None:
    the prompt was closed without it). A write that fails keeps the draft for the next start."""
    from networkday.domain.errors import ConflictError

    if write is not None:
        try:
            said = write()
        except (StoreError, ConflictError) as error:
            app.notify(f"{error}; the draft is kept", title="Not saved", severity="error", markup=False, timeout=10)
            then()
            return
        app.notify(said, markup=False, timeout=4)
        app.data_changed()
    _drop(app, draft)
    then()


def _reopen_log(app: NetworkdayApp, draft: Draft, then: Callable[[], None]) -> None:
    """The log prompt again, as it was left, saved onto its own touch by the same three-way
    rule as when it first opened: a field changed on disk since then is shown, never
    overwritten unseen. A touch that is gone keeps the draft for the next start."""
    from networkday.domain.touch import TouchDetails, find_touch
    from networkday.ui.log_details import ask_details

    name = str(draft.extra.get("name") or draft.contact)
    try:
        contact = app.store.contact(draft.contact)
    except StoreError as error:
        app.notify(f"{error}; the draft is kept", title="Cannot reopen", severity="error", markup=False, timeout=10)
        then()
        return
    entry = find_touch(contact, str(draft.extra.get("touch", "")))
    if entry is None:
        said = f"The touch with {name} is no longer in {app.store.contact_path(contact.id)}; the draft is kept"
        app.notify(said, title="Cannot reopen", severity="error", markup=False, timeout=10)
        then()
        return

    def saved() -> None:
        _settle(app, draft, then, lambda: f"Added to your touch with {name}.")

    def closed(by_person: bool) -> None:
        if by_person:
            _settle(app, draft, then, None)
        else:
            then()  # the touch went meanwhile: the draft is kept for the next start

    ask_details(
        app.screen,
        app.store,
        contact,
        entry,
        str(draft.extra.get("outcome", "noted")),
        saved,
        base=TouchDetails.from_table(draft.extra.get("base")),
        values=draft.fields,
        closed=closed,
    )


def _reopen_form(app: NetworkdayApp, draft: Draft, then: Callable[[], None]) -> None:
    from networkday.domain.contact import Contact
    from networkday.domain.validate import form_values
    from networkday.services.actions import edit_contact
    from networkday.ui.modals.contact_form import ContactForm, referrer_label

    store = app.store
    if draft.contact:
        try:
            base = store.contact(draft.contact)
        except StoreError as error:
            app.notify(f"{error}; the draft is kept", title="Cannot edit", severity="error", markup=False, timeout=10)
            then()
            return
        opened = {**form_values(base), "referred_by": referrer_label(store.contacts, base.referred_by)}
    else:
        base, opened = Contact(id="", name=""), {}

    def saved(edited: Contact | None) -> None:
        def write() -> str:
            assert edited is not None
            if base.id:
                edit_contact(store, base, edited)
            else:
                store.add_contact(edited)
            return f"Saved {edited.name}."

        _settle(app, draft, then, None if edited is None else write)

    app.push_screen(ContactForm(base, {**opened, **draft.fields}), saved)
