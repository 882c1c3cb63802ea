"""Writing to a person from a template, from any screen: pick a template, read the message, log it.

The person screen's ``t`` calls ``write_to``; another screen (the call brief) can call it
the same way, or ``pick_template`` alone to choose a template for its own use. What was
sent is logged through ``services.templates.log_sent``, an ordinary touch.
"""

from __future__ import annotations

from collections.abc import Callable

from textual.screen import Screen

from networkday.domain.templates import summary_line
from networkday.domain.text import shown_line
from networkday.services.templates import Message, fill_template, log_sent, templates
from networkday.storage.problems import StoreError
from networkday.storage.store import Store
from networkday.storage.templates import templates_dir


def pick_template(screen: Screen, store: Store, then: Callable[[str], object]) -> None:
    """Offers the templates by name, with their subject; ``then`` gets the name picked.

    A template that cannot be read is named with its path and left out of the list.
    """
    try:
        found, problems = templates(store)
    except StoreError as error:
        screen.notify(str(error), title="No templates", severity="error", markup=False, timeout=10)
        return
    for problem in problems:
        screen.notify(str(problem), title="Template not read", severity="warning", markup=False, timeout=10)
    if not found:
        folder = templates_dir(store.root)
        screen.notify(f"No templates in {folder}: add .txt files there.", severity="warning", markup=False)
        return
    from networkday.ui.modals.pick_value import PickValue

    def picked(name: str | None) -> None:
        if name:
            then(name)

    choices = [(item.name, item.name, summary_line(item.text)) for item in found]
    screen.app.push_screen(PickValue("Write with which template?", choices), picked)


def write_to(screen: Screen, store: Store, contact_id: str, logged: Callable[[], object]) -> None:
    """Pick a template, show it filled for ``contact_id``; ``logged`` runs once the sent message is logged."""

    def show(name: str) -> None:
        try:
            message = fill_template(store, name, contact_id)
        except StoreError as error:
            screen.notify(str(error), title="Cannot fill the template", severity="error", markup=False, timeout=10)
            return
        from networkday.ui.modals.template_message import TemplateMessage

        screen.app.push_screen(TemplateMessage(message), lambda channel: _log(screen, store, message, channel, logged))

    pick_template(screen, store, show)


def _log(screen: Screen, store: Store, message: Message, channel: str | None, logged: Callable[[], object]) -> None:
    if channel is None:
        return
    try:
        log_sent(store, message, channel)
    except StoreError as error:
        screen.notify(str(error), title="Not logged", severity="error", markup=False, timeout=10)
        return
    screen.notify(f"Logged: {channel} to {shown_line(message.name)} ({message.template}).", markup=False, timeout=4)
    logged()
