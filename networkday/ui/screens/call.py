"""The call itself: who it is with, the call's own clock, a note that favours listening, and its end.

The note is saved as it is typed (``call_saving``), so Escape, a crash or a dropped SSH
session never loses it: the next call screen for that person, or the next start, brings
it back and says so. Ending the call (ctrl+s) asks for the outcome by one key, then
what you offered, what you asked, the next step and what they gained, and writes one
touch through ``services.actions.log_touch``, the service Today uses; then the draft goes.
"""

from __future__ import annotations

from datetime import date

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import Static

from networkday.domain.contact import Contact, LogEntry
from networkday.domain.outcome_rules import rule_text
from networkday.domain.text import shown_line
from networkday.domain.touch import FollowUp
from networkday.domain.vocab import OUTCOME_LABELS
from networkday.services.actions import HalfLoggedError, log_touch, outcome_follow_up
from networkday.storage.drafts import call_draft, drop_call_draft
from networkday.storage.problems import StoreError
from networkday.ui.call_saving import CallSaving
from networkday.ui.log_details import helping_now, typed_details
from networkday.ui.messages import CallStarted, OutcomeLogged
from networkday.ui.modals.log_prompt import LogDetails
from networkday.ui.plain import plain_line
from networkday.ui.widgets.answer_area import AnswerArea
from networkday.ui.widgets.key_footer import KeyFooter
from networkday.ui.widgets.timer_bar import TimerBar


def elapsed_text(seconds: float) -> str:
    """``12:05`` for twelve minutes and five seconds, ``1:02:05`` past the hour."""
    whole = int(max(seconds, 0))
    hours, rest = divmod(whole, 3600)
    return f"{hours}:{rest // 60:02d}:{rest % 60:02d}" if hours else f"{rest // 60:02d}:{rest % 60:02d}"


def _next(contact: Contact, entry: LogEntry, follow: FollowUp) -> date | None:
    """The follow-up the outcome's rule leaves, as the end's prompt says it: a due one is done."""
    if isinstance(follow, date) or follow is None:
        return follow
    return contact.follow_up if contact.follow_up and contact.follow_up > entry.at.date() else None


class CallScreen(CallSaving):
    HELP_TITLE = "A call"
    CSS_PATH = "../styles/call.tcss"
    AUTO_FOCUS = "#call-note"
    BINDINGS = [
        Binding("ctrl+s", "end", "End call", id="call.end"),
        Binding("escape", "leave", "Leave (note kept)", id="call.leave"),
    ]

    def __init__(self, contact_id: str, *, channel: str = "phone", purpose: str = "") -> None:
        super().__init__()
        self.contact_id = contact_id
        self.channel = channel
        self.purpose = purpose
        self.started = self.app.clock.now().replace(microsecond=0)
        self.contact: Contact | None = None
        self.name_shown = contact_id

    def compose(self) -> ComposeResult:
        yield Static(id="call-title")
        yield Static(id="call-clock")
        yield Static(id="call-prompts")
        yield AnswerArea(("call", 0), "")
        yield Static(id="call-state")
        yield TimerBar()
        yield KeyFooter()

    def on_mount(self) -> None:
        area = self.query_one(AnswerArea)
        area.id = "call-note"
        try:
            self.contact = self.app.store.contact(self.contact_id)
        except StoreError as error:
            self.query_one("#call-title", Static).update(plain_line(f"! {error}"))
            area.read_only = True
            return
        self.name_shown = self.contact.name
        company = f" · {self.contact.company}" if self.contact.company else ""
        self.query_one("#call-title", Static).update(plain_line(f"Call with {self.contact.name}{company}", "bold"))
        prompts = self.app.store.config.call_prompts
        self.query_one("#call-prompts", Static).update(
            Text.assemble(("Listen for:", "bold"), *(f"\n  · {shown_line(p)}" for p in prompts))
        )
        self._bring_back(area)
        self._tick()
        self.set_interval(1.0, self._tick)
        self.post_message(CallStarted())

    def _bring_back(self, area: AnswerArea) -> None:
        """The note kept from an earlier open of this call (Escape, a crash) comes back, and says so."""
        try:
            draft = call_draft(self.app.store, self.contact_id)
        except StoreError:
            draft = None
        note = str(draft.fields.get("note", "")) if draft is not None else ""
        if draft is None or not note:
            self.show_saved()
            return
        if draft.at is not None:
            self.started = draft.at
        area.show(note)
        self._saved_text = note
        self.query_one("#call-state", Static).update(
            plain_line(f"Your unsaved call note from {draft.kept:%a %d %b %H:%M} is back.")
        )
        self.notify("Your unsaved call note is back.", timeout=4)

    def _tick(self) -> None:
        seconds = (self.app.clock.now() - self.started).total_seconds()
        self.query_one("#call-clock", Static).update(Text(f"Call time {elapsed_text(seconds)}"))

    def note_text(self) -> str:
        return self.query_one(AnswerArea).text

    def show_saved(self) -> None:
        state = self.query_one("#call-state", Static)
        if self.save_error:
            state.update(plain_line(f"! Not kept: {self.save_error}"))
        else:
            state.update(Text("Saved as you type · ctrl+s ends the call and logs it", style="dim"))

    def on_text_area_changed(self, event: AnswerArea.Changed) -> None:
        self.note_changed()

    def action_leave(self) -> None:
        """Back to where the call was opened; the note stays kept for the next open."""
        kept = self.keep_note()
        if self.note_text().strip() and kept:
            self.notify("The call note is kept: C on this person brings it back.", timeout=4)
        self.dismiss()

    def action_end(self) -> None:
        """The outcome first, by one key; then what was given, asked, gained and next."""
        if self.contact is None:
            return
        self.keep_note()
        from networkday.ui.modals.call_end import CallEndPrompt, CallOutcome

        contact = self.contact

        def chosen(outcome: str | None) -> None:
            if outcome is None:
                return
            entry = LogEntry(at=self.app.clock.now().replace(microsecond=0), channel=self.channel, outcome=outcome)
            cadence = self.app.store.config.cadence_for(contact.cadence_days, contact.tags)
            rule = rule_text(
                outcome, _next(contact, entry, outcome_follow_up(self.app.store, contact, entry)), cadence=cadence
            )
            helping = helping_now(self.app.store)
            prompt = CallEndPrompt(contact.name, OUTCOME_LABELS[outcome], outcome=outcome, rule=rule, helping=helping)
            self.app.push_screen(prompt, lambda details: self._log(entry, details))

        self.app.push_screen(CallOutcome(contact.name), chosen)

    def _log(self, entry: LogEntry, details: LogDetails | None) -> None:
        """One touch with the note and the end's fields; the draft goes once it is written."""
        if details is None:
            return
        store = self.app.store
        typed_details(self.app, details).put_on(entry)
        entry.note = self.note_text().strip()
        try:
            log_touch(
                store, self.contact_id, entry, follow_up=details.follow_up, purpose=self.purpose, when=details.when
            )
        except HalfLoggedError as error:
            self.notify(str(error), title="Partly saved", severity="error", markup=False, timeout=12)
        except StoreError as error:
            self.notify(f"{error}; the note is kept", title="Not saved", severity="error", markup=False, timeout=10)
            return
        try:
            drop_call_draft(store, self.contact_id)
        except StoreError as error:
            self.notify(f"Logged, but the kept note stays: {error}", severity="warning", markup=False, timeout=8)
        self.app.post_message(OutcomeLogged())
        self.app.notify(f"Call with {self.name_shown} logged.", markup=False, timeout=4)
        self.dismiss()
