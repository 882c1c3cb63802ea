"""Writing to a person from a template: the command line and the app fill and log through these.

Filling reads the template and the person's file (and their introducer's, for the name),
nothing else, so ``template fill`` stays on the command fast path. Logging what was sent
is an ordinary touch through ``actions.log_touch``, the same write Today and ``log`` use.
"""

from __future__ import annotations

import contextlib
from dataclasses import dataclass

from networkday.domain.contact import Contact, LogEntry
from networkday.domain.templates import Filled, fill_message, values_for
from networkday.services.actions import log_touch
from networkday.storage.problems import DataProblem, StoreError
from networkday.storage.store import Store
from networkday.storage.templates import Template, read_template, read_templates, write_defaults

#: The channels a sent template can be logged as.
SENT_CHANNELS: tuple[str, ...] = ("email", "message")


@dataclass(frozen=True)
class Message:
    """A template filled for one person, with where it can go."""

    template: str
    contact_id: str
    name: str
    email: tuple[str, ...]
    filled: Filled


def ensure_defaults(store: Store) -> None:
    """The default templates, on the first use of templates in a folder that has no ``templates/``.

    A folder made by networkday gets them when it is made; one from before templates
    existed gets them here, the first time a template is listed or filled (never at an
    ordinary start, so a command that only reads writes nothing). A folder that cannot be
    saved to is left as it is, and one ``templates/`` there is never written to again.
    """
    if store.cannot_save is None:
        with contextlib.suppress(OSError):
            write_defaults(store.root)


def templates(store: Store) -> tuple[list[Template], list[DataProblem]]:
    """Every template that can be read, and a located problem for each that cannot."""
    ensure_defaults(store)
    return read_templates(store.root)


def referrer_name(store: Store, contact: Contact) -> str:
    """The name of whoever introduced ``contact``, from their file; "" when none or unreadable."""
    if not contact.referred_by:
        return ""
    try:
        return store.contact(contact.referred_by).name
    except StoreError:
        return ""


def fill_template(store: Store, template: str, contact_id: str) -> Message:
    """The template ``template`` filled for ``contact_id``; StoreError names what is missing or unreadable."""
    ensure_defaults(store)
    text = read_template(store.root, template).text
    contact = store.contact(contact_id)
    values = values_for(contact, referrer_name(store, contact), store.clock.today())
    return Message(template, contact_id, contact.name, tuple(contact.email), fill_message(text, values))


def sent_note(template: str) -> str:
    return f"Sent the {template} template"


def log_sent(store: Store, message: Message, channel: str) -> Contact:
    """Logs an ``email`` or ``message`` touch whose note names the template; no outcome, no call marked."""
    if channel not in SENT_CHANNELS:
        raise ValueError(f"a sent template is logged as one of {', '.join(SENT_CHANNELS)}, not {channel!r}")
    entry = LogEntry(at=store.clock.now().replace(microsecond=0), channel=channel, note=sent_note(message.template))
    return log_touch(store, message.contact_id, entry)
