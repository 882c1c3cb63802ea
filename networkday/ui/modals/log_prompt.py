"""The quick, optional prompt after an outcome: what you offered, asked, they gained, noted, and when next.

The outcome is already saved when this opens, and its rule has applied: the line under
the title says which (``domain.outcome_rules``), before anything is typed. What you
offered comes first, for every person and every call: give before you ask. What they
gained is asked whenever you reached them (not after no answer or a message left).
The helping fields (what they asked of you, whom you introduced them to, what they
landed) come right after the give in helping mode, where they matter most; in a job
search they wait behind ctrl+o, so the search's Tab order stays as short as it was and
a helping touch is still one key away. Enter adds the details from any field; a
scheduled call's *When* plans the call. Escape with text typed asks
whether to keep it as a draft, throw it away or go back (``keep_typing``). After a clash
with a change on disk it reopens with the typed text and ``message`` saying what the
file holds now. Should a signal end the app while it is open, what is typed is kept as
a draft of the touch (``storage.drafts``) and the next start offers it again, in this
prompt.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime

from textual import getters
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Input, Label

from networkday.domain.dates import parse_when
from networkday.domain.outcome_rules import ASKS_NEXT, ASKS_WHEN, NOT_REACHED, Schedule, parse_schedule
from networkday.domain.text import shown_line
from networkday.domain.touch import KEEP, FollowUp, TouchDetails
from networkday.storage.drafts import Draft
from networkday.ui.app import NetworkdayApp
from networkday.ui.modals import DIALOG_CSS
from networkday.ui.modals.keep_typing import ask_before_dropping
from networkday.ui.widgets.typed_in_order import LineField


@dataclass(frozen=True)
class TouchKey:
    """The touch a prompt adds to, and what its details were when the prompt first opened
    (the base of the three-way save, kept in a draft so a reopened prompt still has it)."""

    contact: str
    touch: str
    at: datetime
    base: TouchDetails


#: The job search's text fields, in order: give before you ask.
ALL_TEXT_FIELDS = ("gave", "asked", "note", "gained")
#: The helping fields, in order: what they asked of you comes first, as it waits on you.
HELPING_FIELDS = ("they_asked", "introduced", "landed")
#: Each field's question.
LABELS = {
    "gave": "What did you offer?",
    "asked": "What did you ask?",
    "gained": "What did they gain from the talk?",
    "note": "Note",
    "they_asked": "What did they ask of you?",
    "introduced": "Introduced them to (names or ids, by commas)",
    "landed": "What did they land? (a job, a role)",
}


@dataclass(frozen=True)
class LogDetails:
    gave: str
    asked: str
    note: str
    follow_up: FollowUp
    #: The follow-up as typed, to show it again when the prompt reopens.
    follow_up_text: str = ""
    #: A scheduled call's day and time, to plan it on that day.
    when: Schedule | None = None
    #: What they gained from the talk.
    gained: str = ""
    #: The helping fields: what they asked of you, whom you introduced them to (as typed:
    #: ids or names, by commas; ``domain.introduced`` reads it), what they landed.
    they_asked: str = ""
    introduced: str = ""
    landed: str = ""

    def values(self) -> dict[str, str]:
        """The typed text by field id, as ``LogPrompt`` takes it back."""
        texts = {"gave": self.gave, "asked": self.asked, "note": self.note, "gained": self.gained}
        helping = {"they_asked": self.they_asked, "introduced": self.introduced, "landed": self.landed}
        return {**texts, **helping, "follow-up": self.follow_up_text}


class LogPrompt(ModalScreen[LogDetails | None]):
    app = getters.app(NetworkdayApp)
    CSS_PATH = DIALOG_CSS
    #: The first field, not the scrolling dialog: what is typed at once is what you gave or asked.
    AUTO_FOCUS = "Input"
    BINDINGS = [
        Binding("escape", "skip", "Skip", id="log.skip"),
        Binding("ctrl+o", "more", "Helping fields", id="log.more"),
    ]

    #: The next-step field's label and placeholder, by what the outcome asks.
    NEXT_FIELD = {
        "when": ("When? The day, and a time if you agreed one", "2026-12-09 10:00 · tomorrow 14:30 · +3"),
        "next": ("Next step on", "+3 · +1w · +2w · 2026-12-01 · none"),
        "": ("Next follow-up", "+3 · +1w · +2w · 2026-12-01 · none"),
    }

    #: The text fields, in order: give before you ask.
    TEXT_FIELDS: tuple[str, ...] = ALL_TEXT_FIELDS
    KEYS_HINT = "Enter saves · Tab next field · Esc skips"
    #: Said after the keys while the helping fields wait behind ctrl+o (or the key ``[keys]`` gives it).
    MORE_HINT = " · {key} helping"

    def __init__(
        self,
        name: str,
        outcome_label: str,
        *,
        outcome: str | None = None,
        rule: str = "",
        touch: TouchKey | None = None,
        values: Mapping[str, str | bool] | None = None,
        message: str = "",
        helping: bool = False,
    ) -> None:
        """``outcome`` (its value) says what the last field asks, ``rule`` what its rule did;
        ``touch`` names the touch the details are for, so a draft can be kept; ``values``
        fills the fields again (after a clash, or from a draft); ``message`` says why;
        ``helping`` (the mode in force) shows the helping fields from the start."""
        super().__init__()
        self._person = name
        self._outcome = outcome_label
        self._asks = "when" if outcome in ASKS_WHEN else "next" if outcome in ASKS_NEXT else ""
        self._texts = tuple(f for f in self.TEXT_FIELDS if f != "gained" or outcome not in NOT_REACHED)
        self._rule = rule
        self._touch = touch
        self._values = dict(values or {})
        self._message = message
        self._helping = helping
        #: The helping fields show from the start in helping mode, or when a draft has one.
        self._more = helping or any(self._value(name).strip() for name in HELPING_FIELDS)

    @property
    def fields(self) -> tuple[str, ...]:
        """Every field this prompt has, the follow-up last (shown or waiting behind ctrl+o)."""
        return (*self._texts, *HELPING_FIELDS, "follow-up")

    def compose(self) -> ComposeResult:
        next_label, next_hint = self.NEXT_FIELD[self._asks]
        with VerticalScroll(classes="dialog", id="log-prompt"):
            title = f"{shown_line(self._person)}: {self._outcome}. Anything to add?"
            yield Label(title, markup=False, classes="dialog-title with-rule" if self._rule else "dialog-title")
            if self._rule:
                yield Label(self._rule, markup=False, id="log-rule", classes="dialog-text")
            keys = self.KEYS_HINT if self._more else self.KEYS_HINT.replace(" · Esc", f"{self._more_hint()} · Esc")
            yield Label(keys, markup=False, id="log-keys", classes="dialog-keys")
            # Helping mode: the helping fields right after the give; a job search: after the rest.
            first = self._texts[:1] if self._helping else self._texts
            yield from self._text_fields(first)
            with Vertical(id="log-more", classes="" if self._more else "waiting"):
                yield from self._text_fields(HELPING_FIELDS)
            yield from self._text_fields(self._texts[len(first) :])
            yield Label(next_label, markup=False)
            yield LineField(self._value("follow-up"), placeholder=next_hint, id="log-follow-up", compact=True)
            yield Label(self._message, id="log-error", classes="field-error", markup=False)

    def _more_hint(self) -> str:
        """The hint with the key in force: ``[keys] "log.more"`` may have moved it from ctrl+o."""
        key = self.app.store.keys.keymap.get("log.more", "ctrl+o").split(",")[0].strip()
        return self.MORE_HINT.format(key=key)

    def _text_fields(self, names: tuple[str, ...]) -> ComposeResult:
        for field_id in names:
            label = "Note: what next?" if field_id == "note" and self._asks == "next" else LABELS[field_id]
            yield Label(label, markup=False)
            yield LineField(self._value(field_id), id=f"log-{field_id}", compact=True)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """ctrl+o only while the helping fields wait: once shown they stay, with what is typed."""
        return not self._more if action == "more" else True

    def action_more(self) -> None:
        """Shows the helping fields and puts the cursor in the first, in view."""
        self._more = True
        self.query_one("#log-more", Vertical).remove_class("waiting")
        self.query_one("#log-keys", Label).update(self.KEYS_HINT)
        first = self.query_one(f"#log-{HELPING_FIELDS[0]}", Input)
        first.focus()
        self.call_after_refresh(first.scroll_visible, animate=False)

    def on_mount(self) -> None:
        """Whose touch it is stays in view: at 80x24 the dialog scrolls by a line or two, and
        focusing the first field would scroll the title out (after the focus, so after a refresh)."""
        if self._message:  # reopened after a clash: what the file holds now must show
            self.call_after_refresh(self._show_error)
        else:
            self.call_after_refresh(self.query_one("#log-prompt", VerticalScroll).scroll_home, animate=False)

    def _show_error(self) -> None:
        self.query_one("#log-error", Label).scroll_visible(animate=False)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        follow_text = self.query_one("#log-follow-up", Input).value.strip()
        try:
            follow, when = self._next_step(follow_text)
        except ValueError as error:
            self.query_one("#log-error", Label).update(str(error))
            self.query_one("#log-follow-up", Input).focus()
            self.call_after_refresh(self._show_error)  # below the field: at 80x24 out of view
            return
        texts = {name: self.query_one(f"#log-{name}", Input).value.strip() for name in self.fields[:-1]}
        self.dismiss(
            LogDetails(
                gave=texts.get("gave", ""),
                asked=texts.get("asked", ""),
                note=texts.get("note", ""),
                follow_up=follow,
                follow_up_text=follow_text,
                when=when,
                gained=texts.get("gained", ""),
                they_asked=texts["they_asked"],
                introduced=texts["introduced"],
                landed=texts["landed"],
            )
        )

    def _next_step(self, text: str) -> tuple[FollowUp, Schedule | None]:
        """The last field read: a scheduled call's day and time, or a follow-up (empty keeps the rule's)."""
        if not text:
            return KEEP, None
        now = self.app.clock.now()
        if self._asks == "when":
            when = parse_schedule(text, now)
            return when.day, when
        return (None if text.lower() == "none" else parse_when(text, now.date())), None

    def action_skip(self) -> None:
        """Closes the prompt; with text typed, asks first whether to keep it (``keep_typing``)."""
        ask_before_dropping(self.app, self, lambda: self.dismiss(None))

    def _value(self, field: str) -> str:
        return str(self._values.get(field, ""))

    def keep_typed(self, kept: datetime, why: str) -> list[Draft]:
        """What is typed, as a draft of the touch; none when nothing is, or the touch is unknown."""
        typed = {field: self.query_one(f"#log-{field}", Input).value for field in self.fields}
        typed = {field: text for field, text in typed.items() if text.strip()}
        key = self._touch
        if not typed or key is None:
            return []
        extra = {"name": self._person, "outcome": self._outcome, "touch": key.touch, "base": key.base.table()}
        return [Draft("log", key.contact, dict(typed), kept, why, key.at, extra)]
