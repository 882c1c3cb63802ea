"""Adding a company: the name prompt comes back with what was typed and the reason when the store refuses it."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from textual.app import App

from networkday.domain.companies import Company
from networkday.services.companies import add_company
from networkday.storage.problems import StoreError
from networkday.storage.store import Store
from networkday.ui.modals.choice import TextModal


def ask_new_company(
    app: App[Any], store: Store, added: Callable[[Company], None], typed: str = "", why: str = ""
) -> None:
    """Asks for a name and saves its company file; a name taken or refused reopens the prompt
    holding the typed text, so a near miss is fixed with a keystroke rather than typed again."""

    def named(name: str | None) -> None:
        if not name:
            return
        try:
            company = add_company(store, name)
        except StoreError as error:
            ask_new_company(app, store, added, name, f"Not saved: {error}")
            return
        added(company)

    app.push_screen(TextModal("Add a company", typed, placeholder="its name", error=why), named)
