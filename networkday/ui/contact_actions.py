"""What the network list and a person's screen can both do to a contact.

``ContactActions`` is the base of the screens that act on a contact (the network list
and a person's screen). Each action asks what it needs in a dialog, calls a service, and
then calls the screen's ``contacts_changed`` with the id to show. Saves that fail are
shown and lose nothing on disk. Deleted contacts are kept by the App for the session
(``app.deleted``), so ``u`` (or the palette) brings the last one back from any screen.
"""

from __future__ import annotations

from abc import abstractmethod
from collections.abc import Callable
from dataclasses import dataclass

from networkday.domain.contact import Contact, LogEntry
from networkday.domain.errors import ConflictError
from networkday.domain.text import shown_line
from networkday.domain.validate import form_values
from networkday.domain.vocab import CHANNELS, OUTCOME_LABELS
from networkday.domain.wording import outcome_text
from networkday.services.actions import edit_contact, log_touch, merge_contacts, restore_contact, save_follow_up
from networkday.services.duplicates import likely_duplicate
from networkday.storage.problems import StoreError
from networkday.storage.store import Store
from networkday.ui.messages import OutcomeLogged
from networkday.ui.screens.data_screen import DataScreen

NO_OUTCOME = "none"


@dataclass(frozen=True)
class Deleted:
    store: Store
    contact: Contact


class ContactActions(DataScreen):
    """A screen that acts on one contact at a time; its ``contacts_changed`` shows the result."""

    @property
    def store(self) -> Store:
        return self.app.store

    @abstractmethod
    def contacts_changed(self, select: str | None = None) -> None:
        """Shows the network as it is now, with ``select`` under the cursor when given."""
        ...

    @abstractmethod
    def target_id(self) -> str | None:
        """The contact the keys act on: the cursor row, or the person shown."""
        ...

    def _on_target(self, action: Callable[[str], None]) -> None:
        contact_id = self.target_id()
        if contact_id is None:
            self.notify("Nobody is selected.", severity="warning")
            return
        action(contact_id)

    def action_edit(self) -> None:
        self._on_target(self.edit_contact)

    def action_delete(self) -> None:
        self._on_target(self.delete_contact)

    def action_merge(self) -> None:
        self._on_target(self.merge_contact)

    def action_plan(self) -> None:
        self._on_target(self.plan_today)

    def action_follow_up(self) -> None:
        self._on_target(self.set_follow_up)

    def action_log(self) -> None:
        self._on_target(self.log_interaction)

    def action_undo(self) -> None:
        self.undo_delete()

    def guard(self, action: Callable[[], object], title: str = "Not saved") -> bool:
        """Runs a store call; a refused or failed write is shown, and the files are as they were."""
        try:
            action()
        except (StoreError, ConflictError) as error:
            self.notify(str(error), title=title, severity="error", markup=False, timeout=10)
            return False
        return True

    def _who(self, contact_id: str) -> str:
        summary = self.store.contacts.get(contact_id)
        return shown_line(summary.name) if summary else contact_id

    # -- adding and editing ---------------------------------------------------------------

    def add_contact(self) -> None:
        from networkday.services.people import add_person
        from networkday.ui.modals.contact_form import ContactForm

        def saved(contact: Contact | None) -> None:
            if contact is not None and self.guard(lambda: add_person(self.store, contact)):
                self.notify(f"Added {shown_line(contact.name)}.", markup=False, timeout=3)
                self.contacts_changed(contact.id)

        self.app.push_screen(ContactForm(Contact(id="", name="")), saved)

    def edit_contact(self, contact_id: str) -> None:
        base: list[Contact] = []
        if self.guard(lambda: base.append(self.store.contact(contact_id)), "Cannot edit"):
            self._edit(base[0])

    def _edit(self, base: Contact, values: dict | None = None, errors: dict | None = None) -> None:
        """Saves through the three-way edit; a field changed on disk meanwhile reopens the form."""
        from networkday.ui.modals.contact_form import ContactForm

        def saved(edited: Contact | None) -> None:
            if edited is None:
                return
            try:
                edit_contact(self.store, base, edited)
            except ConflictError as conflict:
                self._reopen_after_conflict(edited, conflict)
                return
            except StoreError as error:
                self.notify(str(error), title="Not saved", severity="error", markup=False, timeout=10)
                return
            self.notify(f"Saved {shown_line(edited.name)}.", markup=False, timeout=3)
            self.contacts_changed(edited.id)

        self.app.push_screen(ContactForm(base, values, errors), saved)

    def _reopen_after_conflict(self, edited: Contact, conflict: ConflictError) -> None:
        current: list[Contact] = []
        if not self.guard(lambda: current.append(self.store.contact(edited.id)), "Not saved"):
            return
        on_disk = form_values(current[0])
        errors = {
            field: f"changed on disk meanwhile to {str(on_disk[field])[:60]!r}: save again to keep yours"
            for field in conflict.fields
        }
        self.notify("Not saved: the file changed meanwhile. Check the marked fields.", severity="warning")
        from networkday.ui.modals.contact_form import referrer_label

        values = form_values(edited)
        values["referred_by"] = referrer_label(self.store.contacts, edited.referred_by)
        self._edit(current[0], values, errors)

    # -- deleting, undoing and merging ----------------------------------------------------

    def delete_contact(self, contact_id: str) -> None:
        from networkday.ui.modals.choice import ChoiceModal

        name = self._who(contact_id)

        def answered(choice: str | None) -> None:
            if choice != "delete":
                return
            gone: list[Contact] = []
            if self.guard(lambda: gone.append(self.store.delete_contact(contact_id)), "Not deleted"):
                self.app.deleted.append(Deleted(self.store, gone[0]))
                self.notify(f"Deleted {name}: press u to undo.", markup=False, timeout=8)
                self.contacts_changed()

        options = [("keep", "No, keep them"), ("delete", "Yes, delete (u undoes it in this session)")]
        self.app.push_screen(ChoiceModal(f"Delete {name}?", options, "keep"), answered)

    def undo_delete(self) -> None:
        deleted = self.app.deleted
        if not deleted:
            self.notify("Nothing deleted in this session to bring back.", severity="warning")
            return
        last = deleted[-1]
        if self.guard(lambda: restore_contact(last.store, last.contact), "Not restored"):
            deleted.pop()
            self.notify(f"Restored {shown_line(last.contact.name)}.", markup=False, timeout=4)
            self.contacts_changed(last.contact.id)

    def merge_contact(self, contact_id: str) -> None:
        from networkday.ui.modals.merge_preview import MergePreview
        from networkday.ui.modals.pick_contact import PickContact

        def confirmed(ids: tuple[str, str] | None) -> None:
            if ids is None:
                return
            keep_id, gone_id = ids
            if self.guard(lambda: merge_contacts(self.store, keep_id, gone_id), "Not merged"):
                self.notify(f"Merged into {self._who(keep_id)}.", markup=False, timeout=4)
                self.contacts_changed(keep_id)

        def picked(other_id: str | None) -> None:
            if not other_id:
                return
            if other_id == contact_id:
                self.notify("Pick another record: a record cannot merge with itself.", severity="warning")
                return
            both: list[Contact] = []
            if self.guard(
                lambda: both.extend((self.store.contact(contact_id), self.store.contact(other_id))), "Cannot merge"
            ):
                self.app.push_screen(MergePreview(*both), confirmed)

        flagged: list[str | None] = []  # a sync's "likely the same person": that pair straight away
        if self.guard(lambda: flagged.append(likely_duplicate(self.store, contact_id)), "Cannot merge") and flagged[0]:
            picked(flagged[0])
            return
        self.app.push_screen(PickContact(f"Merge {self._who(contact_id)} with…"), picked)

    # -- the day and the follow-up --------------------------------------------------------

    def plan_today(self, contact_id: str) -> None:
        from networkday.services.plan import plan_call

        planned: list[bool] = []
        if self.guard(lambda: planned.append(plan_call(self.store, self.store.clock.today(), contact_id))):
            added = "added to today's calls" if planned and planned[0] else "is on today's calls already"
            self.notify(f"{self._who(contact_id)} {added}.", markup=False, timeout=3)
            self.contacts_changed(contact_id)

    def set_follow_up(self, contact_id: str) -> None:
        from networkday.domain.dates import parse_when
        from networkday.ui.modals.choice import TextModal

        today = self.store.clock.today()
        summary = self.store.contacts.get(contact_id)
        current = summary.follow_up_date.isoformat() if summary and summary.follow_up_date else ""

        def check(text: str) -> str | None:
            if text.strip().lower() in ("", "none"):
                return None
            try:
                parse_when(text, today)
            except ValueError as error:
                return str(error)
            return None

        def typed(text: str | None) -> None:
            if text is None:
                return
            when = None if text.strip().lower() in ("", "none") else parse_when(text, today)
            if self.guard(lambda: save_follow_up(self.store, contact_id, when)):
                self.notify(f"Follow-up {'on ' + when.isoformat() if when else 'cleared'}.", timeout=3)
                self.contacts_changed(contact_id)

        title = f"Follow up with {self._who(contact_id)} on (empty or none clears it)"
        self.app.push_screen(TextModal(title, current, "2026-12-01 · +3 · +2w · none", check), typed)

    # -- logging a touch -------------------------------------------------------------------

    def log_interaction(self, contact_id: str) -> None:
        """Outcome first, then the channel; the touch is saved, then gave/asked/note may be added."""
        from networkday.ui.modals.choice import ChoiceModal

        summary = self.store.contacts.get(contact_id)
        last_channel = summary.last[1] if summary and summary.last else "phone"

        def channel_chosen(outcome: str, channel: str | None) -> None:
            if channel:
                self._log(contact_id, None if outcome == NO_OUTCOME else outcome, channel)

        def outcome_chosen(outcome: str | None) -> None:
            if outcome:
                self.app.push_screen(
                    ChoiceModal("Through which channel?", [(c, c) for c in CHANNELS], last_channel),
                    lambda channel: channel_chosen(outcome, channel),
                )

        options = [*OUTCOME_LABELS.items(), (NO_OUTCOME, "no outcome: just a note")]
        self.app.push_screen(
            ChoiceModal(f"Log a touch with {self._who(contact_id)}: how did it go?", options), outcome_chosen
        )

    def _log(self, contact_id: str, outcome: str | None, channel: str) -> None:
        from networkday.ui.log_details import ask_details

        entry = LogEntry(at=self.store.clock.now().replace(microsecond=0), channel=channel, outcome=outcome)
        logged: list[Contact] = []
        if not self.guard(lambda: logged.append(log_touch(self.store, contact_id, entry))):
            return
        self.contacts_changed(contact_id)
        if outcome:
            self.post_message(OutcomeLogged())
        label = outcome_text(outcome, none="noted")
        ask_details(self, self.store, logged[0], entry, label, lambda: self.contacts_changed(contact_id))
