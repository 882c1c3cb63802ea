"""The Companies screen (key 4): every company, targets first, with the best known path to a hiring manager.

The rows come from ``services.companies.company_list`` over the contacts' summaries and
the company files; the list is a Line-API widget, so 10,000 companies show as fast as ten.
"""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import Static

from networkday.domain.company_rows import CompanyRow
from networkday.domain.settings import Config
from networkday.services.companies import company_list
from networkday.storage.store import Store
from networkday.ui.company_actions import CompanyActions
from networkday.ui.plain import join, plain_line
from networkday.ui.widgets.company_cells import CONFLICT, CompanyContext, open_text, path_text
from networkday.ui.widgets.company_list import CompanyList
from networkday.ui.widgets.contact_row import TARGET, star
from networkday.ui.widgets.key_footer import KeyFooter
from networkday.ui.widgets.timer_bar import TimerBar

#: The keys that act on a company, shared with a company's screen (each screen gives its own ids):
#: (key, action, short words for the footer, full name for help and the palette, shown in the footer).
COMPANY_KEYS: tuple[tuple[str, str, str, str, bool], ...] = (
    ("t", "target", "Target", "Mark or unmark as a target", True),
    ("o", "add_opportunity", "Add opp.", "Add an opportunity", True),
    ("m", "move_next", "Next stage", "Move an opportunity to its next stage", True),
    ("M", "move_any", "Move to…", "Move an opportunity to any stage", False),
)


def company_bindings(prefix: str) -> list[Binding]:
    return [
        Binding(key, action, short, show=show, tooltip=full, id=f"{prefix}.{action}")
        for key, action, short, full, show in COMPANY_KEYS
    ]


class CompaniesScreen(CompanyActions):
    HELP_TITLE = "Companies"
    AUTO_FOCUS = "#companies-list"
    CSS_PATH = "../styles/companies.tcss"
    BINDINGS = [
        *company_bindings("companies"),
        Binding("a", "add_company", "Add", tooltip="Add a company", id="companies.add"),
    ]

    def compose(self) -> ComposeResult:
        yield Static(id="companies-title")
        yield CompanyList(id="companies-list")
        yield Static(id="companies-detail")
        yield TimerBar()
        yield KeyFooter()

    def __init__(self) -> None:
        super().__init__()
        #: The store, config and company files' marks the rows were built from, and whether a contact changed since.
        self._built_from: tuple[Store, Config, tuple[object, ...]] | None = None
        self._stale = False
        #: Sync conflicts by company id, as of the last build (see ``Store.company_conflicts``).
        self._conflicts: dict[str, int] = {}

    def on_screen_resume(self) -> None:
        """The rows are built again only when something they show changed: 100 ms at 30,000 contacts."""
        store = self.app.store
        if self._stale or self._built_from != (store, store.config, store.company_marks()):
            self.reload()

    def contact_files_changed(self, contact_ids: frozenset[str]) -> None:
        if self._built_from is not None:  # else not shown yet: its first resume builds the rows
            self.reload()

    def company_files_changed(self) -> None:
        self.contact_files_changed(frozenset())

    def on_unmount(self) -> None:
        if self._built_from is not None and self._contact_changed in self._built_from[0].contact_listeners:
            self._built_from[0].contact_listeners.remove(self._contact_changed)

    def _contact_changed(self, _: str) -> None:
        self._stale = True

    def reload(self, select: str | None = None) -> None:
        store = self.app.store
        if self._built_from is None or self._built_from[0] is not store:
            self.on_unmount()
            store.contact_listeners.append(self._contact_changed)
        self._built_from, self._stale = (store, store.config, store.company_marks()), False
        table = self.query_one(CompanyList)
        current = table.current()
        now = store.clock.now()
        assert now.tzinfo is not None, "the clock's instants are aware"
        self._conflicts = store.company_conflicts()  # only files that hold a [[conflict]] are read
        context = CompanyContext(store.contacts, now.date(), now.tzinfo, self._conflicts)
        table.show(company_list(store), context, keep=select or (current.key if current else None))
        self._show_title()
        self._show_detail()

    def current_row(self) -> CompanyRow | None:
        return self.query_one(CompanyList).current()

    def companies_changed(self, select: str | None = None) -> None:
        self.reload(select)

    def _show_title(self) -> None:
        rows = self.query_one(CompanyList).rows
        targets = sum(row.target for row in rows)
        title = Text.assemble(("Companies", "bold"), f"  {len(rows):,} · {targets} target(s) first")
        if self._conflicts:  # before the legend, which a narrow terminal cuts first
            title.append(f" · {CONFLICT} {len(self._conflicts)} with sync conflicts", style="bold")
        title.append(f"   {TARGET} target  {star()} hiring managers", style="dim")
        self.query_one("#companies-title", Static).update(title, layout=False)

    def _show_detail(self) -> None:
        """The cursor row in full: its path and opportunities, or what to do when it has no file."""
        row = self.current_row()
        detail = self.query_one("#companies-detail", Static)
        if row is None:
            detail.update(Text("No companies yet: press a to add one, or give contacts a company."), layout=False)
            return
        contacts = self.app.store.contacts
        first = join(
            plain_line(row.name, "bold"),
            f"{TARGET} target" if row.target else "",
            f"{len(row.people)} people",
            plain_line(", ".join(contacts[m].name for m in row.managers[:3])) if row.managers else "",
        )
        if row.company is None and row.target:
            second = Text("A target in config.toml, with no company file yet: t or o creates it.", style="dim")
        elif row.company is None:
            second = Text("No company file yet: t or o creates it.", style="dim")
        else:
            second = join(plain_line(path_text(contacts, row.path)), open_text(row) or "no open opportunity")
        found = self._conflicts.get(row.company.id, 0) if row.company else 0
        if found:  # first on its line: the path after it may be cut at 80 columns, this may not
            second = join(
                Text(f"{CONFLICT} {found} sync conflict{'s' if found > 1 else ''} (Enter, x)", style="bold"), second
            )
        first.append("\n")
        first.append_text(second)
        detail.update(first, layout=False)

    def on_company_list_highlighted(self, _: CompanyList.Highlighted) -> None:
        self._show_detail()

    def on_company_list_chosen(self, event: CompanyList.Chosen) -> None:
        from networkday.ui.screens.company import CompanyScreen

        def closed(screen: CompanyScreen) -> None:
            if screen.changed:
                self.reload(screen.key)

        company = CompanyScreen(event.row.key)
        self.app.push_screen(company, lambda _: closed(company))
