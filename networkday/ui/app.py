"""The application: modes, global keys, the command palette and the one factory.

`create_app` is the only way to build the app, used by the CLI and by the tests alike,
so what the tests see is what users run.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from textual.app import SystemCommand
from textual.binding import Binding
from textual.screen import Screen

from networkday.domain.search import SearchIndex
from networkday.storage.store import Store
from networkday.ui.terminal import TerminalApp
from networkday.ui.timer_control import TimerControl


class NetworkdayApp(TimerControl, TerminalApp):
    TITLE = "networkday"
    CSS_PATH = "styles/app.tcss"
    ENABLE_COMMAND_PALETTE = True
    MODES = {
        "today": "networkday.ui.screens.today:TodayScreen",
        "contacts": "networkday.ui.screens.contacts:ContactsScreen",
        "journal": "networkday.ui.screens.journal:JournalScreen",
        "review": "networkday.ui.screens.review:ReviewScreen",
    }
    DEFAULT_MODE = "today"
    BINDINGS = [
        Binding("1", "switch_mode('today')", "Today", show=False, id="go.today"),
        Binding("2", "switch_mode('contacts')", "Contacts", show=False, id="go.contacts"),
        Binding("3", "switch_mode('journal')", "Journal", show=False, id="go.journal"),
        Binding("4", "switch_mode('review')", "Review", show=False, id="go.review"),
        Binding("question_mark", "help", "Help", id="app.help"),
        Binding("exclamation_mark", "problems", "Problems", show=False, id="app.problems"),
        Binding("T", "timer_toggle", "Timer on/off", show=False, id="timer.toggle"),
        Binding("O", "timer_switch", "Timer: networking/other", show=False, id="timer.switch"),
        Binding("S", "timer_sessions", "Timer sessions", show=False, id="timer.sessions"),
        Binding("I", "import_contacts", "Import contacts", show=False, id="app.import"),
        Binding("q", "quit", "Quit", id="app.quit"),
    ]

    def __init__(self, store: Store) -> None:
        super().__init__()
        self.store = store
        self.clock = store.clock
        self._modes = {name: _lazy(target) for name, target in self.MODES.items()}
        self._search: SearchIndex | None = None
        self._demo_folders: list[Path] = []
        store.contact_listeners.append(self._contact_changed)

    @property
    def search_index(self) -> SearchIndex:
        """Built on first use, then kept current one contact at a time."""
        if self._search is None:
            self._search = SearchIndex(self.store.contacts.values())
        return self._search

    def _contact_changed(self, contact_id: str) -> None:
        if self._search is not None:
            self._search.refresh([contact_id], self.store.contacts)

    def on_mount(self) -> None:
        if self.store.config.keys:
            self.set_keymap(self.store.config.keys)
        for warning in self.store.warnings:
            self.notify(warning, severity="warning", markup=False, timeout=8)
        if self.store.problems:
            count = len(self.store.problems)
            self.notify(f"{count} file(s) could not be read: press ! to see them", severity="error", timeout=8)
        self.ask_if_idle()
        self.note_activity()
        if not (self.store.contacts or self.store.days or self.store.problems):
            self.welcome()

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
        reload = getattr(self.screen, "reload", None)
        if reload is not None:
            reload()

    def action_import_contacts(self) -> None:
        from networkday.ui.modals.import_dialog import ImportDialog

        def finished(summary) -> None:
            if summary is not None and not summary.dry_run:
                self.data_changed()

        self.push_screen(ImportDialog(), finished)

    def action_new_contact(self) -> None:
        """Adds a person by name; the contact form takes over once it exists."""
        from networkday.domain.contact import Contact
        from networkday.ui.modals.choice import TextModal

        def named(name: str | None) -> None:
            if name and name.strip():
                contact = self.store.add_contact(Contact(id="", name=name.strip()))
                self.notify(f"Added {contact.name}.", markup=False)
                self.data_changed()

        self.push_screen(
            TextModal("Name of the person", "", "Jane Doe", lambda t: None if t.strip() else "A name, please."), named
        )

    def on_unmount(self) -> None:
        from networkday.storage.demo import discard_demo

        for folder in self._demo_folders:
            discard_demo(folder)

    def on_key(self) -> None:
        self.note_activity()

    def open_contact(self, contact_id: str) -> None:
        """A person's whole story; Escape goes back to the row of the list that opened it."""
        from networkday.ui.screens.contact import ContactScreen

        self.push_screen(ContactScreen(contact_id))

    def action_help(self) -> None:
        from networkday.ui.modals.help import HelpScreen

        self.push_screen(HelpScreen(self.screen))

    def action_problems(self) -> None:
        from networkday.ui.modals.problems import ProblemsScreen

        self.push_screen(ProblemsScreen(sorted(self.store.problems.values(), key=lambda p: str(p.path))))

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        """Every action with a key, by name, including those of the current screen."""
        seen: set[str] = set()
        for key, active in screen.active_bindings.items():
            binding = active.binding
            if not binding.description or binding.action in seen or not active.enabled:
                continue
            seen.add(binding.action)
            node = active.node

            def run(node=node, action=binding.action) -> None:
                self.call_later(node.run_action, action)

            yield SystemCommand(binding.description, f"key: {self.get_key_display(binding) or key}", run)
        yield from super().get_system_commands(screen)


def _lazy(target: str):
    """Imports a mode's screen only when it is first shown, to keep start-up short."""
    module_name, _, class_name = target.partition(":")

    def make() -> Screen:
        import importlib

        return getattr(importlib.import_module(module_name), class_name)()

    return make


def create_app(store: Store) -> NetworkdayApp:
    return NetworkdayApp(store)
