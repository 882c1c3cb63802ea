"""The "Anything to add?" step after a touch is saved: one flow for Today and the contact screens.

The prompt's text is saved onto the touch by its id, never onto another touch logged
in the same second, and through a three-way save: a field changed on disk while the
prompt was open (a hand edit, another instance) reopens the prompt with the typed text
and what the file holds now, so the person decides and nothing is overwritten unseen.
A save that fails (an unreadable file, a full disk) also keeps the prompt and its text.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from functools import partial
from typing import cast

from textual.screen import Screen

from networkday.domain.contact import Contact, LogEntry
from networkday.domain.errors import ConflictError
from networkday.domain.introduced import introduced_from
from networkday.domain.outcome_rules import rule_text
from networkday.domain.touch import TouchDetails, find_touch
from networkday.services.actions import HalfLoggedError, save_touch_details
from networkday.services.mode import current_mode
from networkday.storage.problems import StoreError
from networkday.storage.store import Store
from networkday.ui.app import NetworkdayApp
from networkday.ui.modals.log_prompt import LogDetails, LogPrompt, TouchKey
from networkday.ui.notices import planned_notice

#: How a clashing field is named in the prompt's message.
FIELD_LABELS = {"they_asked": "they asked", "follow_up": "follow-up"}


def ask_details(
    screen: Screen,
    store: Store,
    contact: Contact,
    entry: LogEntry,
    outcome_label: str,
    saved: Callable[[], None],
    *,
    base: TouchDetails | None = None,
    values: Mapping[str, str | bool] | None = None,
    closed: Callable[[bool], None] | None = None,
) -> None:
    """Opens the prompt for ``entry``; ``contact`` is as the file holds it now.

    ``saved`` runs once the details are on disk; ``closed`` otherwise, with True when the
    person closed the prompt and False when the touch is gone, so nothing could be saved.
    A draft reopened after a signal passes the ``base`` its prompt first opened with and
    the ``values`` typed into it.
    """
    base = base or TouchDetails.of(contact, entry)
    cadence = store.config.cadence_for(contact.cadence_days, contact.tags)
    rule = rule_text(entry.outcome, contact.follow_up, cadence=cadence)
    # The mode in force at the open: helping mode shows the helping fields from the start.
    make = partial(LogPrompt, contact.name, outcome_label, outcome=entry.outcome, rule=rule, helping=helping_now(store))

    def open_prompt(base: TouchDetails, values: Mapping[str, str | bool] | None = None, message: str = "") -> None:
        prompt = make(touch=TouchKey(contact.id, entry.id, entry.at, base), values=values, message=message)
        screen.app.push_screen(prompt, lambda details: save(base, details))

    give_up: Callable[[bool], None] = closed or (lambda by_person: None)

    def save(base: TouchDetails, details: LogDetails | None) -> None:
        if details is None:
            give_up(True)
            return
        try:
            _save_typed(cast(NetworkdayApp, screen.app), contact.id, entry, base, details)
        except ConflictError as clash:
            now = _on_disk(store, contact.id, entry)
            if clash.fields == ("touch",):
                screen.notify(str(clash), title="Not saved", severity="error", markup=False, timeout=10)
                give_up(False)
            elif now is None:
                open_prompt(base, details.values(), f"Not saved: {clash}. Enter tries again")
            else:
                screen.notify("Not saved: the file changed meanwhile. Check the message.", severity="warning")
                open_prompt(now, details.values(), clash_message(clash.fields, now))
            return
        except StoreError as error:
            # Kept open with the text: an unreadable file or a full disk may be fixed meanwhile.
            # A half save (the text saved, the call not planned) says what is saved.
            said = str(error) if isinstance(error, HalfLoggedError) else f"Not saved: {error}"
            open_prompt(base, details.values(), f"{said}. Enter tries again · Esc gives up")
            return
        if details.when is not None:
            screen.notify(planned_notice(contact.name, details.when.text()), markup=False, timeout=4)
        saved()

    open_prompt(base, values)


def _save_typed(app: NetworkdayApp, contact_id: str, entry: LogEntry, base: TouchDetails, details: LogDetails) -> None:
    """The prompt's text onto its touch (three-way), then a scheduled call's plan on its day."""
    save_touch_details(app.store, contact_id, entry, base, typed_details(app, details), details.when)


def helping_now(store: Store) -> bool:
    """Helping mode is in force: the log prompts show the helping fields from the start."""
    return current_mode(store).helping


def typed_details(app: NetworkdayApp, details: LogDetails) -> TouchDetails:
    """What a prompt typed, as the touch will hold it: whom you introduced them to as ids
    where the names typed are one person's each (``domain.introduced``, by the app's search
    index, built only if a name is typed and it is not built yet)."""

    def named(name: str) -> list[str]:
        return app.search_index.named(name)  # reached only for a name, not for ids

    introduced = introduced_from(details.introduced, app.store.contacts, named)
    return TouchDetails(
        gave=details.gave,
        asked=details.asked,
        note=details.note,
        follow_up=details.follow_up,
        gained=details.gained,
        they_asked=details.they_asked,
        introduced=introduced,
        landed=details.landed,
    )


def _on_disk(store: Store, contact_id: str, touch: LogEntry) -> TouchDetails | None:
    try:
        current = store.contact(contact_id)
    except StoreError:
        return None
    entry = find_touch(current, touch.id, like=touch)
    return None if entry is None else TouchDetails.of(current, entry)


def clash_message(fields: tuple[str, ...], now: TouchDetails) -> str:
    """One line per clashing field with the file's value, then what Enter and Esc do now."""
    lines = [
        f"{FIELD_LABELS.get(name, name)} changed on disk meanwhile to {(now.shown(name) or 'nothing')[:60]!r}"
        for name in fields
    ]
    return "\n".join([*lines, "Enter saves yours over it · Esc keeps the file's"])
