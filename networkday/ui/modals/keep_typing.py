"""Escape on a prompt with text typed: keep it as a draft, throw it away, or go back to it.

Escape used to close the log prompt and the contact form at once, and what was typed
went with it. Now a prompt that holds typed text asks first. A kept draft goes where a
signal's drafts go (``storage.drafts``), so the next start offers it again in its own
prompt (``typed_drafts``); going back (or Escape on the question) leaves the prompt as
it was, its text and cursor untouched.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from networkday.storage.drafts import keep_drafts
from networkday.storage.problems import StoreError

if TYPE_CHECKING:
    from networkday.ui.app import NetworkdayApp
    from networkday.ui.typed_drafts import KeepsTyping

#: A draft's ``why`` when the person kept it at Escape, not a signal.
KEPT_AT_ESCAPE = "kept at Escape"

OPTIONS = [
    ("back", "Go back to it"),
    ("keep", "Keep it as a draft: offered again at the next start"),
    ("drop", "Discard it"),
]


def ask_before_dropping(app: NetworkdayApp, prompt: KeepsTyping, close: Callable[[], object]) -> None:
    """Runs ``close`` at once when ``prompt`` holds no typed text; otherwise asks what to do with it."""
    from networkday.ui.modals.choice import ChoiceModal

    drafts = prompt.keep_typed(app.clock.now().replace(microsecond=0), KEPT_AT_ESCAPE)
    if not drafts:
        close()
        return

    def answered(choice: str | None) -> None:
        if choice == "drop":
            close()
        elif choice == "keep":
            try:
                keep_drafts(app.store, drafts)
            except StoreError as error:
                app.notify(f"{error}; the text is still here", title="Not kept", severity="error", markup=False)
                return
            app.notify("Kept as a draft: the next start offers it again.", timeout=4)
            close()

    app.push_screen(ChoiceModal("Keep what you typed?", OPTIONS, "back"), answered)
