"""The application: modes, global keys, the command palette and the one factory.

`create_app` is the only way to build the app, used by the CLI and by the tests alike,
so what the tests see is what users run. Screens and dialogs are imported in the
function that first shows them, so the first frame imports only what Today needs.
"""

from __future__ import annotations

import gc
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from textual import work
from textual.app import SystemCommand
from textual.binding import Binding
from textual.screen import Screen

from networkday.clock import zone_warning
from networkday.domain.text import shown_line
from networkday.storage.problems import StoreError
from networkday.storage.store import Look, Store
from networkday.ui.messages import CompanyFilesChanged, ContactFilesChanged, OpenBrief, OpenContact
from networkday.ui.mode_switch import mode_command
from networkday.ui.palette import key_commands
from networkday.ui.sync_control import SYNC_NOW, SyncControl

if TYPE_CHECKING:  # imported when search is first used: rapidfuzz costs start-up 20 ms
    from networkday.domain.search import SearchIndex
    from networkday.storage.preview import DayPreview
    from networkday.ui.contact_actions import Deleted
    from networkday.ui.follow import Following


# The modes' screens, each imported when it is first shown: the first frame needs only
# Today, and Contacts, Journal, Companies and Review (with their widgets) would add their imports to
# every start. Dialogs and screens used later are imported the same way, in the function
# that opens them.


def today_screen() -> Screen:
    from networkday.ui.screens.today import TodayScreen

    return TodayScreen()


def contacts_screen() -> Screen:
    from networkday.ui.screens.contacts import ContactsScreen

    return ContactsScreen()


def journal_screen() -> Screen:
    from networkday.ui.screens.journal import JournalScreen

    return JournalScreen()


def companies_screen() -> Screen:
    from networkday.ui.screens.companies import CompaniesScreen

    return CompaniesScreen()


def review_screen() -> Screen:
    from networkday.ui.screens.review import ReviewScreen

    return ReviewScreen()


#: Seconds between writes of the index cache after changes, with ``quick_start``.
INDEX_EVERY = 2.0


class NetworkdayApp(SyncControl):
    TITLE = "networkday"
    CSS_PATH = "styles/app.tcss"
    ENABLE_COMMAND_PALETTE = True
    MODES: ClassVar[dict[str, str | Callable[[], Screen]]] = {
        "today": today_screen,
        "contacts": contacts_screen,
        "journal": journal_screen,
        "companies": companies_screen,
        "review": review_screen,
    }
    DEFAULT_MODE = "today"
    BINDINGS = [
        Binding("1", "switch_mode('today')", "Today", show=False, id="go.today"),
        Binding("2", "switch_mode('contacts')", "Contacts", show=False, id="go.contacts"),
        Binding("3", "switch_mode('journal')", "Journal", show=False, id="go.journal"),
        Binding("4", "switch_mode('companies')", "Companies", show=False, id="go.companies"),
        Binding("5", "switch_mode('review')", "Review", show=False, id="go.review"),
        Binding("question_mark", "help", "Help", id="app.help"),
        Binding("exclamation_mark", "problems", "Problems", show=False, id="app.problems"),
        Binding("T", "timer_toggle", "Timer on/off", show=False, id="timer.toggle"),
        Binding("O", "timer_switch", "Timer: networking/other", show=False, id="timer.switch"),
        Binding("S", "timer_sessions", "Timer sessions", show=False, id="timer.sessions"),
        Binding("I", "import_contacts", "Import contacts", show=False, id="app.import"),
        Binding("Y", "sync", SYNC_NOW, show=False, id="app.sync"),
        Binding("q", "quit", "Quit", id="app.quit"),
        # Moved here, before any key is handed on: keys that arrive together (over SSH) were all
        # queued to the field focused first, so text typed after Tab replaced that field's.
        Binding("tab", "focus_next", "Focus Next", show=False, priority=True),
        Binding("shift+tab", "focus_previous", "Focus Previous", show=False, priority=True),
    ]

    def __init__(self, store: Store, *, quick_start: bool = False, preview: DayPreview | None = None) -> None:
        super().__init__()
        self.store = store
        self.clock = store.clock
        self._quick_start = quick_start
        #: Today's first frame as the last exit left it (see storage/preview.py), until the store reads its contacts.
        self.preview = preview if quick_start else None
        self._search: SearchIndex | None = None
        self._changed_before_search: set[str] = set()
        self._demo_folders: list[Path] = []
        #: The contacts deleted in this session, the latest last: ``u`` brings them back from any screen.
        self.deleted: list[Deleted] = []
        #: The watch on the contact files (ui/follow.py), from once the summaries are read.
        self._following: Following | None = None
        store.contact_listeners.append(self._contact_changed)

    @property
    def search_index(self) -> SearchIndex:
        """Built on first use, then kept current one contact at a time."""
        if self._search is None:
            from networkday.domain.search import SearchIndex

            self._search = SearchIndex(self.store.contacts.values())
        return self._search

    def _contact_changed(self, contact_id: str) -> None:
        if self._search is not None:
            self._search.refresh([contact_id], self.store.contacts)
        else:
            self._changed_before_search.add(contact_id)

    def _prepare_search(self) -> None:
        """Builds the search index in a thread, so the first key typed in a search does not
        wait for it (a quarter of a second at 30,000 contacts). It is built from a snapshot
        of the summaries; contacts that change meanwhile are refreshed when it is taken up."""
        if self._search is None:
            self._changed_before_search.clear()
            self._build_search(self.store, list(self.store.contacts.values()))

    @work(thread=True, exclusive=True, group="search-index")
    def _build_search(self, store: Store, summaries: list) -> None:
        from networkday.domain.search import SearchIndex

        index = SearchIndex(summaries)
        try:
            self.call_from_thread(self._take_search, store, index)
        except RuntimeError:  # the app is closing
            return

    def _take_search(self, store: Store, index: SearchIndex) -> None:
        if store is self.store and self._search is None:
            index.refresh(self._changed_before_search, store.contacts)
            self._search = index
            gc.freeze()  # it lives as long as the app, as what start-up built does

    def on_mount(self) -> None:
        if self.store.keys.keymap:  # what [keys] asks, less what would leave an action keyless
            self.set_keymap(self.store.keys.keymap)
        for problem in self.store.keys.problems:
            self.notify(str(problem), title="Keys", severity="warning", markup=False, timeout=12)
        self._report_new(set(), set())
        zone = zone_warning(self.clock)
        if zone is not None:
            self.notify(zone, title="Time zone", severity="warning", markup=False, timeout=12)
        self.ask_if_idle()  # before anything notes that the person is here (a key, the line below)
        if self.preview is None and not (self.store.contacts or self.store.days or self.store.problems):
            self.welcome()
        if self._quick_start:
            self.call_after_refresh(self._after_first_frame)
        else:
            self.note_activity()
            self._follow_files()
            self._offer_drafts()

    def _offer_drafts(self) -> None:
        """Text typed when a signal ended the last run: offered once the first screen is up."""
        from networkday.ui.typed_drafts import offer_drafts

        offer_drafts(self)

    def keep_typed_text(self) -> None:
        """A signal ends the app: what is typed is kept, or a line after exit says it was not."""
        from networkday.ui.typed_drafts import keep_typed_text

        failed = keep_typed_text(self, self.ended_by or "")
        if failed is not None:
            from rich.text import Text

            self._exit_renderables.append(Text(failed))

    def _after_first_frame(self) -> None:
        """What ``quick_start`` put off until the first screen was up (see ``create_app``)."""
        self.note_activity()  # "seen now" writes the state file
        if self.preview is not None:
            self.preview = None
            known, warned = set(self.store.problems), set(self.store.warnings)
            self.store.contacts  # noqa: B018 (read now, before the collector restarts)
            self._report_new(known, warned)
            self.data_changed()
        if not gc.isenabled():
            gc.freeze()  # what start-up built lives as long as the app: no collection walks it again
            gc.enable()
        self.store.defer_index = True
        self.set_interval(INDEX_EVERY, self._flush_index)
        self._follow_files()  # before the look, so that no change falls between them
        self._look_at_folder(self.store)
        self._offer_drafts()

    def _follow_files(self) -> None:
        from networkday.ui.follow import Following

        self._following = Following(self)

    def on_contact_files_changed(self, message: ContactFilesChanged) -> None:
        """Contact files changed under the app: the screens follow, new problems are said."""
        if message.contact_ids is None:
            self._look_at_folder(self.store)  # the watch lost track: every file is looked at
            return
        from networkday.ui.follow import show_followed

        self._report_new(set(message.known), set(self.store.warnings))
        show_followed(self, message.contact_ids)

    def on_company_files_changed(self, message: CompanyFilesChanged) -> None:
        """Company files changed (or were first read): their new problems are said, the screens follow."""
        from networkday.ui.follow import show_companies_followed

        self._report_new(set(message.known), set(self.store.warnings))
        show_companies_followed(self)

    def _flush_index(self) -> None:
        """Saves leave the index cache to this (see ``Store.defer_index``)."""
        if self.store.index_pending:
            self.store.flush_index()

    @work(thread=True, exclusive=True, group="folder-look")
    def _look_at_folder(self, store: Store) -> None:
        """A stat of every file, in a thread: 30,000 of them take a tenth of a second."""
        try:
            look = store.look()
            self.call_from_thread(self._apply_look, store, look)
        except (OSError, RuntimeError):  # the folder went away, or the app is closing: the next start looks
            return

    def _apply_look(self, store: Store, look: Look) -> None:
        """Reads what changed since the index was saved, and shows it."""
        if store is not self.store:  # the demo took its place meanwhile
            return
        known, warned = set(store.problems), set(store.warnings)
        changed = store.scan(look)
        gc.freeze()
        self._report_new(known, warned)
        if changed:
            self.data_changed()
            if not (store.contacts or store.days or store.problems):
                self.welcome()  # the folder was emptied by hand since the cache was written
        self._prepare_search()

    def _report_new(self, known: set[Path], warned: set[str]) -> None:
        """Warnings and unreadable files the store has beyond ``known`` and ``warned`` (all of them at start)."""
        for warning in self.store.warnings:
            if warning not in warned:
                self.notify(warning, severity="warning", markup=False, timeout=8)
        found = len(set(self.store.problems) - known)
        if found:
            self.notify(f"{found} file(s) could not be read: press ! to see them", severity="error", timeout=8)

    def welcome(self) -> None:
        from networkday.ui.modals.welcome import WelcomeScreen

        def chosen(choice: str | None) -> None:
            if choice == "demo":
                self.use_demo()
            elif choice == "import":
                self.action_import_contacts()
            elif choice == "add":
                self.action_new_contact()

        self.push_screen(WelcomeScreen(str(self.store.root)), chosen)

    def use_demo(self) -> None:
        """Switches to a temporary copy of the demo data; the user's folder is left alone."""
        from networkday.storage.demo import demo_copy

        store = Store.open(demo_copy(today=self.clock.today()), self.clock)
        self._demo_folders.append(store.root)
        self.store.contact_listeners.remove(self._contact_changed)
        self.store = store
        self._search = None
        store.contact_listeners.append(self._contact_changed)
        self.notify(f"Demo data: a temporary copy in {store.root}", markup=False, timeout=6)
        self.data_changed()

    def data_changed(self) -> None:
        """Many records changed at once (an import, the demo): the visible screen reloads."""
        from networkday.ui.screens.data_screen import DataScreen

        if isinstance(self.screen, DataScreen):
            self.screen.reload()

    def action_import_contacts(self) -> None:
        from networkday.ui.modals.import_dialog import ImportDialog

        def finished(summary) -> None:
            if summary is not None and not summary.dry_run:
                self.data_changed()

        self.push_screen(ImportDialog(), finished)

    def action_new_contact(self) -> None:
        """The contact form, as the Contacts screen opens it; the new person is saved when valid."""
        from networkday.domain.contact import Contact
        from networkday.ui.modals.contact_form import ContactForm

        def saved(contact: Contact | None) -> None:
            if contact is None:
                return
            try:
                self.store.add_contact(contact)
            except StoreError as error:
                self.notify(str(error), title="Not saved", severity="error", markup=False, timeout=10)
                return
            self.notify(f"Added {shown_line(contact.name)}.", markup=False)
            self.data_changed()

        self.push_screen(ContactForm(Contact(id="", name="")), saved)

    def on_unmount(self) -> None:
        from networkday.storage.demo import discard_demo

        if self._following is not None:
            self._following.close()
        self.store.flush_index()
        if self._quick_start and self.store.contacts_loaded:
            from networkday.services.queue import keep_today_preview

            keep_today_preview(self.store, self.clock.today())
        for folder in self._demo_folders:
            discard_demo(folder)

    def on_open_contact(self, message: OpenContact) -> None:
        """A person's whole story; Escape goes back to the row of the list that opened it."""
        from networkday.ui.screens.contact import ContactScreen

        self.push_screen(ContactScreen(message.contact_id))

    def on_open_brief(self, message: OpenBrief) -> None:
        """A person's call brief; Escape goes back to the screen that opened it."""
        from networkday.ui.screens.brief import BriefScreen

        self.push_screen(BriefScreen(message.contact_id))

    def action_help(self) -> None:
        from networkday.ui.modals.help import HelpScreen

        self.push_screen(HelpScreen(self.screen))

    def action_problems(self) -> None:
        from networkday.ui.modals.problems import ProblemsScreen

        self.push_screen(ProblemsScreen(sorted(self.store.problems.values(), key=lambda p: str(p.path))))

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        """Every action with a key, by name, including those of the current screen; the mode switch."""
        yield from key_commands(self, screen)
        yield mode_command(self, self.store, self.data_changed)
        for command in super().get_system_commands(screen):
            # Textual's screenshot writes an SVG of personal data without asking, world-readable.
            if command.title != "Screenshot":
                yield command


def create_app(store: Store, *, quick_start: bool = False, preview: DayPreview | None = None) -> NetworkdayApp:
    """The app on ``store``.

    ``quick_start`` is how the CLI starts it: the store was opened from its index without a
    scan, and the garbage collector is held. Once the first frame is drawn, the app freezes
    what start-up built (no collection walks 30,000 contacts again), restarts the collector,
    and stats the folder in a worker thread, then reads and shows what changed on disk.
    From then on a save leaves the index cache to a write every ``INDEX_EVERY`` seconds.

    ``preview`` (with ``quick_start``, the store opened with ``contacts=False``) draws
    Today's first frame from what the last exit kept; the contacts are read and Today is
    computed again right after that frame. At exit the app keeps a new preview.
    """
    return NetworkdayApp(store, quick_start=quick_start, preview=preview)
