"""The network: everyone in one list, found by typing, narrowed by filters, sorted on a key.

The rows come from ``domain.network.Network.listing`` over the store's summaries and, while
searching, from the app's ``SearchIndex`` in rank order. The list is a Line-API widget,
so a new listing of 30,000 rows shows as fast as one of ten.
"""

from __future__ import annotations

import gc
from dataclasses import replace
from typing import Any

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import Input, Static
from textual.worker import Worker

from networkday.clock import zone_of
from networkday.domain.network import SORTS, Filter, Network
from networkday.domain.summary import ContactSummary
from networkday.services.companies import target_config
from networkday.storage.store import Store
from networkday.ui.contact_actions import ContactActions
from networkday.ui.messages import OpenContact
from networkday.ui.plain import join, plain_line
from networkday.ui.widgets.contact_list import ContactList
from networkday.ui.widgets.contact_row import TARGET, RowContext, legend, star
from networkday.ui.widgets.key_footer import KeyFooter
from networkday.ui.widgets.timer_bar import TimerBar
from networkday.ui.widgets.typed_in_order import LineField

#: (filter field, key, words in the footer and help)
TOGGLES: tuple[tuple[str, str, str], ...] = (
    ("targets_only", "g", "Only target companies"),
    ("hiring_managers", "h", "Only hiring managers"),
    ("due", "d", "Only follow-ups due"),
    ("losing_touch", "l", "Only losing touch"),
    ("never_contacted", "n", "Only never contacted"),
)
#: Search shows this many of the best matches, which keeps each keystroke fast at 30,000
#: contacts; a filter sees every match.
SEARCH_LIMIT = 1000
SORT_KEYS = {"name": "N", "company": "C", "last_touch": "L", "follow_up": "F"}


class ContactsScreen(ContactActions):
    HELP_TITLE = "Contacts"
    AUTO_FOCUS = "#contacts-list"
    CSS_PATH = "../styles/contacts.tcss"
    BINDINGS = [
        # A priority key: taken before the list sees the keys typed right after it (the query).
        Binding("slash", "search", "Search", id="contacts.search", priority=True),
        Binding("escape", "clear", "Clear search/filters", show=False, id="contacts.clear"),
        Binding("a", "add", "Add", id="contacts.add"),
        Binding("e", "edit", "Edit", id="contacts.edit"),
        Binding("t", "tag", "Only a tag…", id="contacts.filter_tag"),
        Binding("c", "company", "Only a company…", show=False, id="contacts.filter_company"),
        *(
            Binding(key, f"toggle_filter('{name}')", label, show=False, id=f"contacts.filter_{name}")
            for name, key, label in TOGGLES
        ),
        Binding("x", "clear_filters", "No filters", show=False, id="contacts.filter_none"),
        *(
            Binding(key, f"sort('{name}')", f"Sort by {SORTS[name]}", show=False, id=f"contacts.sort_{name}")
            for name, key in SORT_KEYS.items()
        ),
        Binding("p", "plan", "Call today", show=False, id="contacts.plan"),
        Binding("f", "follow_up", "Follow-up…", show=False, id="contacts.follow_up"),
        Binding("i", "log", "Log a touch", show=False, id="contacts.log"),
        Binding("m", "merge", "Merge…", show=False, id="contacts.merge"),
        Binding("D,delete", "delete", "Delete", show=False, id="contacts.delete"),
        Binding("u", "undo", "Undo delete", show=False, id="contacts.undo"),
        Binding("ctrl+r", "reread", "Re-read changed files", show=False, id="contacts.reread"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.filter = Filter()
        self.sort = "name"
        self.reverse = False
        self.query_text = ""
        self._network: Network | None = None
        self._targets_key: tuple[object, ...] = ()
        self._listening: Store | None = None
        self._stale = False
        self._warming: tuple[Store, set[str]] | None = None
        self._capped = False

    def compose(self) -> ComposeResult:
        yield Static(id="contacts-title")
        yield LineField(
            placeholder="search names, companies, titles, tags and notes", id="contacts-search", compact=True
        )
        yield ContactList(id="contacts-list")
        yield Static(id="contacts-detail")
        yield TimerBar()
        yield KeyFooter()

    def on_mount(self) -> None:
        search = self.query_one("#contacts-search", Input)
        search.display = False
        # As the key changes the query, so the list follows in the frame that shows the character.
        self.watch(search, "value", self._searched, init=False)
        self.reload()
        self.call_after_refresh(self._warm_search)

    def _warm_search(self) -> None:
        """Builds the app's search index in a thread, so the first ``/`` answers at once.

        Contacts changed while it is built are noted, and refreshed in it once it is done.
        """
        changed: set[str] = set()
        self.store.contact_listeners.append(changed.add)
        self._warming = (self.store, changed)
        self.run_worker(self._build_search, thread=True, group="search-index")

    def _build_search(self) -> None:
        try:
            self.app.search_index  # noqa: B018  # the app builds it on first use
        except RuntimeError:  # the contacts changed under the thread: it is built on first use instead
            return

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        """The index is built: catch it up, then freeze the long-lived objects out of the
        garbage collector's sweeps, which otherwise pause a 30,000-contact app for 0.1 s."""
        if event.worker.group != "search-index" or not event.worker.is_finished or self._warming is None:
            return
        store, changed = self._warming
        self._warming = None
        store.contact_listeners.remove(changed.add)
        if changed and store is self.store:
            self.app.search_index.refresh(changed, store.contacts)
        gc.freeze()

    def on_unmount(self) -> None:
        self._stop_listening()

    # -- the rows ----------------------------------------------------------------------------

    @property
    def network(self) -> Network:
        """The last one ``_retarget`` built: reading it costs nothing, so a highlight stays cheap."""
        if self._network is None:
            self._retarget()
        assert self._network is not None
        return self._network

    def _retarget(self) -> bool:
        """Rebuilt when the store (the demo), its config or a company file changes; its memos
        last otherwise. Its targets are Today's and the Companies screen's: config.toml's and
        the company files marked target (``target_config``), read only once this list shows."""
        store = self.store
        key = (store, store.config, store.company_marks())
        if self._network is None or key != self._targets_key:
            tz = store.clock.now().tzinfo
            assert tz is not None, "the clock's instants are aware"
            self._network, self._targets_key = Network(target_config(store), tz), key
            return True
        return False

    def _listen(self) -> None:
        """Contacts changed by anyone (this screen, the detail, an import) mark the list stale."""
        if self._listening is not self.store:
            self._stop_listening()
            self.store.contact_listeners.append(self._contact_changed)
            self._listening = self.store

    def _stop_listening(self) -> None:
        store = self._listening
        if store is not None and self._contact_changed in store.contact_listeners:
            store.contact_listeners.remove(self._contact_changed)
        self._listening = None

    def _contact_changed(self, _: str) -> None:
        if not self._stale:
            self._stale = True
            self.call_after_refresh(self._refresh_if_stale)

    def _refresh_if_stale(self) -> None:
        if self._stale:
            self.reload()

    def rows(self) -> list[ContactSummary]:
        """Search hits best first (the best ``SEARCH_LIMIT`` unless a filter must see them all), else sorted."""
        store, today = self.store, self.store.clock.today()
        hits = None
        if self.query_text.strip():
            limit = None if self.filter.active else SEARCH_LIMIT
            hits = self.app.search_index.search(self.query_text, limit=limit)
            self._capped = limit is not None and len(hits) >= limit
        return self.network.listing(store.contacts, self.filter, today, sort=self.sort, reverse=self.reverse, hits=hits)

    def reload(self, select: str | None = None) -> None:
        self._listen()
        self._stale = False
        self._retarget()
        table = self.query_one(ContactList)
        current = table.current()
        network, now = self.network, self.store.clock.now()
        context = RowContext(now.timestamp(), now.date(), network.is_target, zone_of(now))
        table.show(self.rows(), context, keep=select or (current.id if current else None))
        self._show_title()
        self._show_detail()

    def contacts_changed(self, select: str | None = None) -> None:
        self.reload(select)

    def on_screen_resume(self) -> None:
        if self._retarget() or self._stale:
            self.reload()

    # -- the words around the list --------------------------------------------------------------

    def _show_title(self) -> None:
        shown, total = len(self.query_one(ContactList).rows), len(self.store.contacts)
        arrow = "↓" if self.reverse else "↑"
        order = f"{SORTS[self.sort]} {arrow}"
        if self.query_text.strip():
            order = "the best matches first: type more to narrow" if self._capped else "best matches first"
        title = Text.assemble(("Contacts", "bold"), f"  {shown:,} of {total:,} · {order}")
        if self.filter.active:
            title.append(" · only: ")
            title.append_text(plain_line(self.filter.describe()))
        title.append(f"   {legend()}", style="dim")
        self.query_one("#contacts-title", Static).update(title, layout=False)

    def _show_detail(self) -> None:
        """The cursor row in full; its box has a fixed height, so no layout pass is needed."""
        summary = self.query_one(ContactList).current()
        detail = self.query_one("#contacts-detail", Static)
        if summary is None:
            empty = (
                "Nobody matches: Esc clears the search and filters."
                if self.filter.active or self.query_text
                else ("No contacts yet: press a to add someone, or I to import.")
            )
            detail.update(Text(empty), layout=False)
            return
        first = join(
            plain_line(summary.name, "bold"),
            plain_line(summary.title),
            plain_line(summary.company),
            f"{star()} hiring manager" if summary.hiring_manager else "",
            f"{TARGET} target company" if summary.company and self.network.is_target(summary.company) else "",
        )
        referrer = self.store.contacts.get(summary.referred_by or "")
        second = join(
            plain_line(", ".join(summary.tags)),
            plain_line(summary.email[0] if summary.email else ""),
            plain_line(summary.phone[0] if summary.phone else ""),
            Text.assemble("via ", plain_line(referrer.name)) if referrer else "",
        )
        first.append("\n")
        first.append_text(second or Text("no tags, email or phone", style="dim"))
        detail.update(first, layout=False)

    def on_contact_list_highlighted(self, _: ContactList.Highlighted) -> None:
        self._show_detail()

    def on_contact_list_chosen(self, event: ContactList.Chosen) -> None:
        self.post_message(OpenContact(event.contact_id))

    # -- search --------------------------------------------------------------------------------

    def action_search(self) -> None:
        search = self.query_one("#contacts-search", Input)
        search.display = True
        self.set_focus(search)  # at once, not after a refresh: the next keys typed are the query

    def _searched(self, query: str) -> None:
        self.query_text = query
        self.reload()
        self.query_one(ContactList).action_first()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        if event.input.id == "contacts-search":
            event.stop()
            self.set_focus(self.query_one(ContactList))

    def on_key(self, event) -> None:
        """↓ from the search box goes to the results, as in every search field."""
        search = self.query_one("#contacts-search", Input)
        if event.key == "down" and search.has_focus:
            event.stop()
            self.set_focus(self.query_one(ContactList))

    def action_clear(self) -> None:
        search = self.query_one("#contacts-search", Input)
        if self.query_text or search.display:
            search.value = ""
            search.display = False
            self.query_text = ""
            self.set_focus(self.query_one(ContactList))
            self.reload()
        elif self.filter.active:
            self.action_clear_filters()

    # -- filters and sorts -----------------------------------------------------------------

    def _set_filter(self, wanted: Filter) -> None:
        self.filter = wanted
        self.reload()

    def action_toggle_filter(self, name: str) -> None:
        """One of the yes/no conditions of ``TOGGLES``, named by its field of ``Filter``."""
        flipped: dict[str, Any] = {name: not getattr(self.filter, name)}
        self._set_filter(replace(self.filter, **flipped))

    def action_clear_filters(self) -> None:
        self._set_filter(Filter())

    def action_tag(self) -> None:
        self._pick_filter("tag", "Only people tagged", self.network.tag_choices(self.store.contacts.values()))

    def action_company(self) -> None:
        self._pick_filter("company", "Only people at", self.network.company_choices(self.store.contacts.values()))

    def _pick_filter(self, field: str, title: str, counts: list[tuple[str, int]]) -> None:
        """A tag or company from a list that narrows as you type; the first choice drops the filter."""
        from networkday.ui.modals.pick_value import PickValue

        choices = [(value, value, f"{count} people") for value, count in counts]
        if getattr(self.filter, field):
            choices.insert(0, ("", f"any {field}", f"drop the {field} filter"))

        def picked(value: str | None) -> None:
            if value is not None:
                chosen: dict[str, Any] = {field: value or None}
                self._set_filter(replace(self.filter, **chosen))

        self.app.push_screen(PickValue(title, choices), picked)

    def action_sort(self, key: str) -> None:
        """A sort's key again turns the order round."""
        self.reverse = not self.reverse if key == self.sort else False
        self.sort = key
        self.reload()

    # -- acting on the current row ------------------------------------------------------------

    def target_id(self) -> str | None:
        summary = self.query_one(ContactList).current()
        return summary.id if summary else None

    def action_add(self) -> None:
        self.add_contact()

    def action_reread(self) -> None:
        """Files changed by hand or by another networkday since they were read."""
        changed = self.store.scan()
        self.notify(f"{len(changed.changed_contacts)} contact file(s) changed on disk.", timeout=3)
        self.reload()
