"""What the Companies list and a company's screen can both do: targets, opportunities, moves.

Each action asks what it needs in small dialogs, then calls a service in
``services.companies`` (the same writes the ``company`` and ``opportunity`` commands
make), then the screen's ``companies_changed``. A company with no file yet (named by
contacts or by ``config.toml``) gets its file on the first change.
"""

from __future__ import annotations

from abc import abstractmethod
from collections.abc import Callable
from datetime import date

from networkday.domain.companies import OPEN_STAGES, STAGES, Company, Opportunity
from networkday.domain.company_rows import CompanyRow
from networkday.domain.dates import parse_when
from networkday.domain.text import shown_line
from networkday.services.companies import Placed, add_company, add_opportunity, move_opportunity, set_target
from networkday.storage.problems import StoreError
from networkday.ui.company_add import ask_new_company
from networkday.ui.modals.choice import ChoiceModal, TextModal
from networkday.ui.notices import moved_notice
from networkday.ui.screens.data_screen import DataScreen

COLD = "-cold-"

#: How a refused move is asked again: the company and opportunity as read now, and the note as typed.
Retry = Callable[[Company, Opportunity, str], None]


def next_stage(stage: str) -> str | None:
    """Lead to applied to interview to offer to accepted; None where it ended."""
    if stage not in OPEN_STAGES:
        return None
    return STAGES[STAGES.index(stage) + 1]


class CompanyActions(DataScreen):
    """A screen that acts on one company at a time; its ``companies_changed`` shows the result."""

    @abstractmethod
    def current_row(self) -> CompanyRow | None:
        """The company the keys act on: the cursor row, or the company shown."""

    @abstractmethod
    def companies_changed(self, select: str | None = None) -> None:
        """Shows the companies as they are now, with the company ``select`` under the cursor."""

    def _saving(self, write: Callable[[], object]) -> bool:
        try:
            write()
        except StoreError as error:
            self.notify(str(error), title="Not saved", severity="error", markup=False, timeout=10)
            return False
        return True

    def _with_file(self, then: Callable[[Company], None]) -> None:
        """The current company's file, created (with its name) when it has none yet."""
        row = self.current_row()
        if row is None:
            self.notify("No company is selected.", severity="warning")
            return
        if row.company is not None:
            then(row.company)
            return
        made: list[Company] = []
        if self._saving(lambda: made.append(add_company(self.app.store, row.name, target=row.target))):
            self.notify(f"Created the file of {shown_line(row.name)}.", markup=False)
            then(made[0])

    def action_target(self) -> None:
        """Flips the file's ``target``; a target of config.toml with no file gets one that says so.

        Unmarking a company config.toml names is refused by ``set_target``, which says why.
        """
        row = self.current_row()
        if row is not None and row.company is None and row.target:
            self._with_file(lambda company: self.companies_changed(company.id))  # made with target = true
            return

        def toggle(company: Company) -> None:
            wanted = not company.target
            if not self._saving(lambda: set_target(self.app.store, company.id, wanted)):
                return
            self.notify(f"{shown_line(company.name)}: {'a target' if wanted else 'no longer a target'}.", markup=False)
            self.companies_changed(company.id)

        self._with_file(toggle)

    def action_add_company(self) -> None:
        def added(company: Company) -> None:
            self.notify(f"Added {shown_line(company.name)}.", markup=False)
            self.companies_changed(company.id)

        ask_new_company(self.app, self.app.store, added)

    def action_add_opportunity(self) -> None:
        row = self.current_row()
        people = row.people if row else ()
        self._with_file(lambda company: self._ask_role(company, people))

    def _ask_role(self, company: Company, people: tuple[str, ...]) -> None:
        def role_typed(role: str | None) -> None:
            if role and role.strip():
                stages = [(stage, stage) for stage in STAGES]
                self.app.push_screen(ChoiceModal("Stage", stages, "lead"), given(lambda stage: ask_via(role, stage)))

        def ask_via(role: str, stage: str) -> None:
            from networkday.ui.modals.pick_person import PickPerson

            contacts = self.app.store.contacts
            here = [contacts[person] for person in people if person in contacts]

            def picked(via: str | None) -> None:
                if via is not None:
                    self._add(company, role, stage, () if via == COLD else (via,))

            title = f"Who opened it at {company.name}?"
            self.app.push_screen(PickPerson(title, here, (COLD, "nobody: a cold application")), picked)

        self.app.push_screen(TextModal(f"A role at {company.name}", placeholder="Staff engineer"), role_typed)

    def _add(self, company: Company, role: str, stage: str, via: tuple[str, ...]) -> None:
        store = self.app.store
        if self._saving(lambda: add_opportunity(store, company.id, role, via=via, stage=stage)):
            self.notify(f"{shown_line(role)} at {shown_line(company.name)}: {stage}.", markup=False)
            self.companies_changed(company.id)

    def action_move_next(self) -> None:
        self._pick_opportunity(lambda company, item: self._step(company, item, ""))

    def action_move_any(self) -> None:
        self._pick_opportunity(lambda company, item: self._choose(company, item, ""))

    def _step(self, company: Company, item: Opportunity, note: str) -> None:
        """``m``: the stage after the one in the file; a closed opportunity is refused (``M`` reopens it)."""
        stage = next_stage(item.stage)
        if stage is None:
            self.notify(f"{item.role} is {item.stage}, closed: not moved (M reopens it).", markup=False)
            if note:
                self._choose(company, item, note)  # what was typed is kept, for a stage chosen by hand
            return
        self._move_to(company, item, stage, note, self._step)

    def _choose(self, company: Company, item: Opportunity, note: str) -> None:
        """``M``: any other stage, the next one first; a closed opportunity can be reopened."""
        stages = [(stage, stage) for stage in STAGES if stage != item.stage]
        self.app.push_screen(
            ChoiceModal(f"Move {item.role} to", stages, next_stage(item.stage)),
            given(lambda stage: self._move_to(company, item, stage, note, self._choose)),
        )

    def _pick_opportunity(self, then: Callable[[Company, Opportunity], None]) -> None:
        """The opportunity to move, from the company file as it is now; of two or more, asked (open first)."""
        row = self.current_row()
        company = self._fresh(row.company.id) if row and row.company else None
        if company is None or not company.opportunities:
            if company is not None or not (row and row.company):
                self.notify("No opportunity here yet: press o to add one.", severity="warning")
            return
        items = sorted(company.opportunities, key=lambda item: not item.is_open)
        if len(items) == 1:
            then(company, items[0])
            return
        options = [(item.id, f"{item.role} ({item.stage})") for item in items]

        def picked(opportunity_id: str | None) -> None:
            item = company.opportunity(opportunity_id or "")
            if item is not None:
                then(company, item)

        self.app.push_screen(ChoiceModal("Which opportunity?", options), picked)

    def _fresh(self, company_id: str) -> Company | None:
        """The company as its file is now (another process may have moved it); None, said, when unreadable."""
        try:
            return self.app.store.company(company_id)
        except StoreError as error:
            self.notify(str(error), title="Not read", severity="error", markup=False, timeout=10)
            return None

    def _move_to(self, company: Company, item: Opportunity, stage: str, note: str, again: Retry) -> None:
        today = self.app.clock.today()

        def noted(typed: str | None) -> None:
            if typed is not None:
                self.app.push_screen(
                    TextModal("On which day?", today.isoformat(), check=lambda text: _bad_day(text, today)),
                    given(lambda day: self._save_move(company, item, stage, typed, parse_when(day, today), again)),
                )

        title = f"{item.role}: {item.stage} → {stage}. A note?"
        self.app.push_screen(TextModal(title, note, placeholder="optional"), noted)

    def _save_move(self, company: Company, item: Opportunity, stage: str, note: str, day: date, again: Retry) -> None:
        """Saved only if the file still has the stage the move was asked from (checked under the lock);
        else refused, and asked again from the file as it is now with the note as typed."""
        ref = f"{company.id}/{item.id}"
        store = self.app.store
        placed: list[Placed] = []
        if self._saving(
            lambda: placed.append(move_opportunity(store, ref, stage, note.strip(), day, expected=item.stage))
        ):
            self.notify(moved_notice(placed[0], stage), markup=False)
            self.companies_changed(company.id)
            return
        self.companies_changed(company.id)
        now = self._fresh(company.id)
        fresh = now.opportunity(item.id) if now is not None else None
        if now is not None and fresh is not None:
            again(now, fresh, note)


def given(then: Callable[[str], None]) -> Callable[[str | None], None]:
    """A dialog's callback that goes on only with an answer: Escape (None) or nothing typed stops."""

    def answered(value: str | None) -> None:
        if value:
            then(value)

    return answered


def _bad_day(text: str, today: date) -> str | None:
    try:
        parse_when(text, today)
    except ValueError as error:
        return str(error)
    return None
