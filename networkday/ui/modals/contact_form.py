"""Add or edit a person: every editable field, errors beside their fields, nothing saved until valid.

The form only checks and returns the edited contact; the screen that opened it saves it
(a new one with ``Store.add_contact``, an edit with the three-way ``edit_contact``), so a
form never touches the store. ``referred_by`` is typed as a name and completed from the
network ("Ada Lovelace (ada-lovelace)"), or picked from a search list.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import datetime

from rich.text import Text
from textual import getters
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.screen import ModalScreen
from textual.suggester import Suggester
from textual.widgets import Button, Checkbox, Input, Label, TextArea

from networkday.domain.contact import Contact
from networkday.domain.search import NAME_PREFIX, SearchIndex, fast_fold
from networkday.domain.summary import ContactSummary
from networkday.domain.text import shown, shown_line
from networkday.domain.validate import contact_from_form, form_values
from networkday.domain.vocab import MOTIVES
from networkday.storage.drafts import Draft
from networkday.ui.app import NetworkdayApp
from networkday.ui.modals import DIALOG_CSS
from networkday.ui.widgets.typed_in_order import LineField, TextField

#: (field, label, placeholder) of the one-line fields, in the order they are shown.
LINE_FIELDS: tuple[tuple[str, str, str], ...] = (
    ("name", "Name", "required"),
    ("company", "Company", ""),
    ("title", "Title", ""),
    ("email", "Email", "one or more, separated by commas"),
    ("phone", "Phone", "one or more, separated by commas"),
    ("links", "Links", "https://… separated by spaces"),
    ("tags", "Tags", "separated by commas"),
    ("referred_by", "Referred by", "type a name, → accepts · or Pick…"),
    ("met", "Met", "where and when you met"),
    ("cadence_days", "Every (days)", "keep in touch every N days"),
    ("follow_up", "Follow up", "2026-12-01 · +3 · +2w · tomorrow"),
)
_ID_IN_LABEL = re.compile(r"\(([a-z0-9][a-z0-9-]*)\)\s*$")


def referrer_label(contacts: Mapping[str, ContactSummary], contact_id: str | None) -> str:
    """How the referrer field shows an id: ``Name (id)``, or the bare id of someone missing."""
    if not contact_id:
        return ""
    summary = contacts.get(contact_id)
    return f"{summary.name} ({contact_id})" if summary else contact_id


def referrer_id(text: str, contacts: Mapping[str, ContactSummary]) -> tuple[str, str | None]:
    """The id the referrer field names, and an error when the name fits nobody or several people."""
    typed = text.strip()
    if not typed:
        return "", None
    match = _ID_IN_LABEL.search(typed)
    if match and match.group(1) in contacts:
        return match.group(1), None
    if typed in contacts:
        return typed, None
    wanted = fast_fold(typed)
    named = [summary.id for summary in contacts.values() if fast_fold(summary.name) == wanted]
    if len(named) == 1:
        return named[0], None
    if named:
        return typed, f"{len(named)} people are named {typed!r}: accept a suggestion with → or use Pick…"
    return typed, f"no one named {typed!r}: accept a suggestion with → or use Pick…"


def _manager_label(value: bool) -> str:
    return f"Hiring manager: {'yes' if value else 'no'}"


def _motive_label(motive: str, value: bool) -> Text:
    return Text.assemble("✓ " if value else "· ", (motive, "bold"), f" — {MOTIVES[motive]}")


def _comparable(name: str, value: str | bool) -> object:
    """Motives are a set however they are separated; other fields compare as they are."""
    if name == "motives":
        return frozenset(str(value).replace(",", " ").split())
    return value if isinstance(value, bool) else str(value)


class ReferrerSuggester(Suggester):
    """Completes a typed name start to ``Name (id)``, best match first; accents and case
    are ignored as the search ignores them, so ``Zoe`` completes to ``Zoë Adams (zoe-adams)``."""

    def __init__(self, index: SearchIndex, contacts: Mapping[str, ContactSummary]) -> None:
        super().__init__(use_cache=False, case_sensitive=False)
        self._index = index
        self._contacts = contacts

    async def get_suggestion(self, value: str) -> str | None:
        for hit in self._index.search(value, limit=10):
            if hit.tier > NAME_PREFIX:
                break
            label = referrer_label(self._contacts, hit.id)
            if fast_fold(label).startswith(fast_fold(value)):
                return label
        return None


class ContactForm(ModalScreen[Contact | None]):
    """Returns the edited contact once every field is valid, or None when cancelled.

    ``values`` and ``errors`` reopen the form as the person left it, with messages shown,
    for example after a save found the same field changed on disk meanwhile.
    """

    app = getters.app(NetworkdayApp)

    CSS_PATH = [DIALOG_CSS, "../styles/contact_dialogs.tcss"]
    HELP_TITLE = "Contact form"
    #: Focused as the form opens, so keys typed straight after ``e`` land in the name.
    AUTO_FOCUS = "#form-name"
    BINDINGS = [
        Binding("ctrl+s", "save", "Save", id="form.save"),
        Binding("escape", "cancel", "Cancel", id="form.cancel"),
    ]

    def __init__(
        self,
        base: Contact,
        values: Mapping[str, str | bool] | None = None,
        errors: Mapping[str, str] | None = None,
    ) -> None:
        super().__init__()
        self.base = base
        self._values = dict(values) if values is not None else None
        self._errors = dict(errors or {})
        #: What the fields held as the form opened: a draft keeps only what differs.
        self._opened: dict[str, str | bool] = {}

    def compose(self) -> ComposeResult:
        contacts = self.app.store.contacts
        values = self._values or {
            **form_values(self.base),
            "referred_by": referrer_label(contacts, self.base.referred_by),
        }
        self._opened = dict(values)
        title = f"Edit {shown_line(self.base.name)}" if self.base.id else "Add a person"
        with VerticalScroll(classes="dialog", id="contact-form"):
            yield Label(title, markup=False, classes="dialog-title")
            yield Label("Enter or ctrl+s saves · Tab next field · Esc cancels", classes="dialog-keys", markup=False)
            for name, label, placeholder in LINE_FIELDS:
                with Horizontal(classes="form-row"):
                    yield Label(label, classes="form-label", markup=False)
                    yield LineField(
                        shown(str(values.get(name, ""))),
                        placeholder=placeholder,
                        id=f"form-{name}",
                        compact=True,
                        suggester=ReferrerSuggester(self.app.search_index, contacts) if name == "referred_by" else None,
                    )
                    if name == "referred_by":
                        yield Button("Pick…", id="form-pick", compact=True)
                yield Label("", id=f"error-{name}", classes="field-error form-error", markup=False)
            manager = bool(values.get("hiring_manager"))
            yield Checkbox(_manager_label(manager), manager, id="form-hiring_manager", compact=True)
            yield Label("Why they may help (space toggles)", markup=False)
            chosen = set(str(values.get("motives", "")).replace(",", " ").split())
            for motive in MOTIVES:
                yield Checkbox(
                    _motive_label(motive, motive in chosen), motive in chosen, id=f"motive-{motive}", compact=True
                )
            yield Label("", id="error-motives", classes="field-error form-error", markup=False)
            yield Label("Notes", markup=False)
            yield TextField(shown(str(values.get("notes", ""))), id="form-notes", soft_wrap=True, tab_behavior="focus")
            yield Label("", id="form-summary", classes="field-error", markup=False)
            with Horizontal(classes="form-buttons"):
                yield Button("Save", id="form-save", variant="primary", compact=True)
                yield Button("Cancel", id="form-cancel", compact=True)

    def on_mount(self) -> None:
        self._show_errors(self._errors)

    def on_checkbox_changed(self, event: Checkbox.Changed) -> None:
        """Each box says yes or no in words or a tick: its own mark differs only in colour."""
        box = event.checkbox
        motive = (box.id or "").removeprefix("motive-")
        box.label = _motive_label(motive, event.value) if motive in MOTIVES else _manager_label(event.value)

    def values(self) -> dict[str, str | bool]:
        """What the fields hold now, as ``domain.validate.contact_from_form`` reads it."""
        values: dict[str, str | bool] = {
            name: self.query_one(f"#form-{name}", Input).value for name, _, _ in LINE_FIELDS
        }
        values["hiring_manager"] = self.query_one("#form-hiring_manager", Checkbox).value
        values["motives"] = " ".join(m for m in MOTIVES if self.query_one(f"#motive-{m}", Checkbox).value)
        values["notes"] = self.query_one("#form-notes", TextArea).text
        return {name: self._unshown(name, value) for name, value in values.items()}

    def _unshown(self, name: str, value: str | bool) -> str | bool:
        """A field left as it opened gives back what the file holds: it was shown without its
        control characters (an escape sequence must not reach the terminal), which is not an edit."""
        opened = self._opened.get(name)
        if isinstance(value, str) and isinstance(opened, str) and value == shown(opened):
            return opened
        return value

    def keep_typed(self, kept: datetime, why: str) -> list[Draft]:
        """The fields changed since the form opened, as a draft; none when nothing changed.

        Only changes are kept, so reopening the draft on the file as it is then leaves what
        someone else changed meanwhile in the other fields alone.
        """
        changed: dict[str, str | bool] = {}
        for name, value in self.values().items():
            opened = self._opened.get(name, False if isinstance(value, bool) else "")
            if _comparable(name, value) != _comparable(name, opened):
                changed[name] = value
        if not changed:
            return []
        return [Draft("contact", self.base.id, changed, kept, why, extra={"name": self.base.name})]

    def check(self) -> tuple[Contact, dict[str, str]]:
        store = self.app.store
        values = self.values()
        referred, problem = referrer_id(str(values["referred_by"]), store.contacts)
        values["referred_by"] = referred
        edited, errors = contact_from_form(values, self.base, store.contacts, store.clock.today())
        if problem:
            errors["referred_by"] = problem
        return edited, errors

    def _show_errors(self, errors: Mapping[str, str]) -> None:
        for label in self.query(".form-error").results(Label):
            field = (label.id or "").removeprefix("error-")
            label.update(errors.get(field, ""))
            label.display = field in errors
        summary = self.query_one("#form-summary", Label)
        summary.update(f"Not saved: {len(errors)} field(s) to fix." if errors else "")
        summary.display = bool(errors)
        first = next((name for name, _, _ in LINE_FIELDS if name in errors), None)
        if first:
            self.set_focus(self.query_one(f"#form-{first}", Input))

    def action_save(self) -> None:
        edited, errors = self.check()
        if errors:
            self._show_errors(errors)
            return
        self.dismiss(edited)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_save()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        if event.button.id == "form-save":
            self.action_save()
        elif event.button.id == "form-cancel":
            self.action_cancel()
        elif event.button.id == "form-pick":
            self._pick_referrer()

    def _pick_referrer(self) -> None:
        from networkday.ui.modals.pick_contact import PickContact

        def picked(contact_id: str | None) -> None:
            field = self.query_one("#form-referred_by", Input)
            if contact_id:
                field.value = referrer_label(self.app.store.contacts, contact_id)
            field.focus()

        self.app.push_screen(PickContact("Who introduced you to this person?"), picked)

    def action_cancel(self) -> None:
        """Closes the form; with fields changed, asks first whether to keep them (``keep_typing``)."""
        from networkday.ui.modals.keep_typing import ask_before_dropping

        ask_before_dropping(self.app, self, lambda: self.dismiss(None))
