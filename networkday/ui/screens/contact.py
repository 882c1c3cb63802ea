"""One person's whole story on one screen, and every action on them a key away.

The record is read from its file each time the screen shows it, so a hand edit made a
moment ago is what you see. Escape pops this screen, and the list underneath (the
network, or Today's calls) still has its cursor on the row that opened it.
"""

from __future__ import annotations

from collections.abc import Callable

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widgets import Static

from networkday.domain.contact import Contact
from networkday.domain.referrals import build_referrals
from networkday.domain.sync_duplicates import flagged
from networkday.services.companies import target_config
from networkday.storage.problems import StoreError
from networkday.ui.browser import open_link
from networkday.ui.contact_actions import ContactActions
from networkday.ui.contact_duplicate import not_the_same
from networkday.ui.contact_story import story
from networkday.ui.links import copy_to_clipboard
from networkday.ui.messages import OpenBrief, OpenContact
from networkday.ui.plain import plain_line
from networkday.ui.widgets.key_footer import KeyFooter
from networkday.ui.widgets.timer_bar import TimerBar


class ContactScreen(ContactActions):
    HELP_TITLE = "A person"
    AUTO_FOCUS = "#contact-body"
    CSS_PATH = "../styles/contacts.tcss"
    BINDINGS = [
        Binding("escape", "back", "Back", id="contact.back"),
        Binding(
            "b", "brief", "Brief", show=False, tooltip="A call brief: what to open with and offer", id="contact.brief"
        ),
        Binding("l", "log", "Log", id="contact.log"),
        Binding("f", "follow_up", "Follow-up", id="contact.follow_up"),
        Binding("p", "plan", "Call today", id="contact.plan"),
        Binding("C", "call", "Call now", show=False, id="contact.call"),
        Binding("e", "edit", "Edit", id="contact.edit"),
        Binding("y", "copy", "Copy", id="contact.copy"),
        Binding("o", "open_link", "Link", tooltip="Open a link", id="contact.open_link"),
        Binding("t", "template", "Write…", show=False, tooltip="Write to them from a template", id="contact.template"),
        Binding("g", "go_to", "Go to person…", show=False, id="contact.go_to"),
        Binding("m", "merge", "Merge…", show=False, id="contact.merge"),
        Binding("N", "not_same", "Not the same person", show=False, id="contact.not_same"),
        Binding("D,delete", "delete", "Delete", show=False, id="contact.delete"),
        Binding("u", "undo", "Undo delete", show=False, id="contact.undo"),
        Binding("x", "conflicts", "Settle sync conflicts", show=False, id="contact.conflicts"),
        Binding("j", "scroll(1)", "Down", show=False, id="contact.down"),
        Binding("k", "scroll(-1)", "Up", show=False, id="contact.up"),
    ]

    def __init__(self, contact_id: str) -> None:
        super().__init__()
        self.contact_id = contact_id
        self.contact: Contact | None = None

    def compose(self) -> ComposeResult:
        yield Static(id="contact-title")
        with VerticalScroll(id="contact-body"):
            yield Static(id="contact-story")
        yield TimerBar()
        yield KeyFooter()

    def on_mount(self) -> None:
        self.reload()

    def action_call(self) -> None:
        """The call screen for this person: a note that favours listening, and the call's end logged."""
        from networkday.ui.screens.call import CallScreen

        self.app.push_screen(CallScreen(self.contact_id), lambda _: self.reload())

    def reload(self) -> None:
        try:
            self.contact = self.store.contact(self.contact_id)
        except StoreError as error:
            self.contact = None
            self.query_one("#contact-title", Static).update(plain_line(f"! {error}"))
            self.query_one("#contact-story", Static).update(Text("Esc goes back."))
            return
        store = self.store
        config = target_config(store)  # Today's and the Companies screen's targets, company files too
        referrals = build_referrals(store.contacts, config.is_target)
        title, body = story(self.contact, store.contacts, config, referrals, store.clock.now())
        self.query_one("#contact-title", Static).update(title)
        self.query_one("#contact-story", Static).update(body)
        self.refresh_bindings()  # N follows the flag

    def target_id(self) -> str | None:
        return self.contact_id

    def contacts_changed(self, select: str | None = None) -> None:
        """Follows a merge to the kept record; a deleted person's screen closes."""
        if select:
            self.contact_id = select
        if self.contact_id in self.store.contacts:
            self.reload()
        elif self.is_current:
            self.dismiss()

    def on_screen_resume(self) -> None:
        self.reload()

    def contact_files_changed(self, contact_ids: frozenset[str]) -> None:
        """This person, or one their story names, changed on disk: the story is read again."""
        self.reload()

    # -- actions -------------------------------------------------------------------------------

    def action_back(self) -> None:
        self.dismiss()

    def action_conflicts(self) -> None:
        """This person's sync conflicts, each kept or taken there (the screen reads them on return)."""
        from networkday.ui.screens.conflicts import ConflictsScreen

        self.app.push_screen(ConflictsScreen("person", self.contact_id))

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """N only for a person a sync flagged, so the palette and the help offer it only then."""
        if action == "not_same":
            return self.contact is not None and flagged(self.contact.extra) is not None
        return True

    def action_not_same(self) -> None:
        """A sync flagged them as likely the same person as another record; they are two people."""
        not_the_same(self, self.contact_id)

    def action_brief(self) -> None:
        self.post_message(OpenBrief(self.contact_id))

    def action_scroll(self, lines: int) -> None:
        body = self.query_one("#contact-body", VerticalScroll)
        body.scroll_relative(y=lines, animate=False)

    def _choose(self, title: str, choices: list[tuple[str, str, str]], then: Callable[[str], object]) -> None:
        """One choice goes straight through; several are offered in a list."""
        if not choices:
            self.notify(f"{title}: there is nothing to choose from.", severity="warning")
        elif len(choices) == 1:
            then(choices[0][0])
        else:
            from networkday.ui.modals.pick_value import PickValue

            def picked(value: str | None) -> None:
                if value:
                    then(value)

            self.app.push_screen(PickValue(title, choices), picked)

    def action_copy(self) -> None:
        contact = self.contact
        if contact is None:
            return
        choices = [(email, email, "email") for email in contact.email]
        choices += [(phone, phone, "phone") for phone in contact.phone]
        kinds = {value: note for value, _, note in choices}
        self._choose(
            "Copy to the clipboard",
            choices,
            lambda value: copy_to_clipboard(self.app, value, kinds[value].capitalize()),
        )

    def action_open_link(self) -> None:
        contact = self.contact
        if contact is None:
            return
        choices = [(link, link, "link") for link in contact.links]
        choices += [(f"mailto:{email}", f"mailto:{email}", "write an email") for email in contact.email]
        self._choose("Open", choices, lambda url: open_link(self.app, url))

    def action_template(self) -> None:
        from networkday.ui.template_flow import write_to

        write_to(self, self.store, self.contact_id, lambda: self.contacts_changed(self.contact_id))

    def action_go_to(self) -> None:
        """Opens someone named on this screen: a referrer, a person they introduced, a step on a path."""
        store = self.store
        if self.contact is None:
            return
        referrals = build_referrals(store.contacts, target_config(store).is_target)
        named: dict[str, str] = {}
        summary = store.contacts.get(self.contact_id)
        step = summary.referred_by if summary else None
        while step and step in store.contacts and step not in named and step != self.contact_id:
            named[step] = "introduced you"
            step = store.contacts[step].referred_by
        for child in referrals.down(self.contact_id):
            named.setdefault(child, "introduced by them")
        for manager in referrals.hiring_managers_via(self.contact_id):
            for other in referrals.paths[manager]:
                if other != self.contact_id:
                    named.setdefault(other, "on a path to a hiring manager")
        choices = [(other, store.contacts[other].name, why) for other, why in named.items()]
        self._choose("Go to", choices, lambda other: self.post_message(OpenContact(other)))
