"""The words of a Companies row: the path cut so the hiring manager stays, the open stages, the marks."""

from __future__ import annotations

from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

import pytest

from networkday.domain.companies import Company, Opportunity
from networkday.domain.company_rows import CompanyRow
from networkday.domain.summary import ContactSummary
from networkday.ui.widgets.company_cells import (
    COLUMNS,
    CONFLICT,
    NO_PATH,
    CompanyContext,
    cell_text,
    layout,
    open_text,
    path_text,
)
from networkday.ui.widgets.contact_row import fit

CONTACTS = {
    "sam": ContactSummary(id="sam", name="Sam Root"),
    "maya": ContactSummary(id="maya", name="Maya Chen\x1b[31m"),
    "dana": ContactSummary(id="dana", name="Dana Lee"),
}


@pytest.fixture(autouse=True)
def a_star_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TERM", "xterm-256color")


def test_the_path_reads_from_you_to_the_starred_manager_and_loses_the_middle_first() -> None:
    path = ("sam", "maya", "dana")
    assert path_text(CONTACTS, path) == "you → Sam Root → Maya Chen[31m → ★ Dana Lee"
    assert path_text(CONTACTS, path, 32) == "you → Sam Root → … → ★ Dana Lee"
    assert path_text(CONTACTS, path, 20) == "you → … → ★ Dana Lee"
    assert path_text(CONTACTS, ()) == NO_PATH


def test_the_linux_console_gets_an_ascii_star(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TERM", "linux")
    assert path_text(CONTACTS, ("dana",)) == "you → * Dana Lee"


def test_a_row_says_its_marks_people_managers_open_stages_and_last_touch() -> None:
    items = (Opportunity(id="a", role="A", stage="interview"), Opportunity(id="b", role="B", stage="closed"))
    company = Company(id="acme", name="Acme", target=True, opportunities=items)
    last = datetime(2026, 11, 22, 23, 30, tzinfo=UTC)  # 23 November in Berlin
    row = CompanyRow("acme", "Acme", company, True, ("sam", "dana"), ("dana",), ("dana",), last.timestamp())
    context = CompanyContext(CONTACTS, date(2026, 11, 25), ZoneInfo("Europe/Berlin"))
    cells = [cell_text(column, row, context, 40) for column in COLUMNS]
    assert cells == ["◆", "Acme", "2", "★1", "you → ★ Dana Lee", "1 interview", "2 days ago"]
    assert open_text(CompanyRow("x", "X", None, False, (), (), (), None)) == ""


def test_a_company_holding_sync_conflicts_is_marked_before_it_is_a_target() -> None:
    company = Company(id="acme", name="Acme", target=True)
    row = CompanyRow("acme", "Acme", company, True, (), (), (), None)
    marks = COLUMNS[0]
    today, zone = date(2026, 11, 25), ZoneInfo("Europe/Berlin")
    assert cell_text(marks, row, CompanyContext(CONTACTS, today, zone, {"acme": 2})) == CONFLICT
    assert cell_text(marks, row, CompanyContext(CONTACTS, today, zone, {"other": 1})) == "◆"
    no_file = CompanyRow("acme", "Acme", None, True, (), (), (), None)  # a target named in config.toml only
    assert cell_text(marks, no_file, CompanyContext(CONTACTS, today, zone, {"acme": 1})) == "◆"


def test_the_open_cell_keeps_its_counts_when_cut_to_the_width_at_80_columns() -> None:
    items = tuple(Opportunity(id=f"o{n}", role="R", stage=stage) for n, stage in enumerate(("offer", "lead", "lead")))
    row = CompanyRow("acme", "Acme", Company(id="acme", name="Acme", opportunities=items), False, (), (), (), None)
    assert open_text(row) == "2 lead · 1 offer"
    width = {column.key: cells for column, cells in layout(80)}["open"]
    assert fit(open_text(row), width).startswith("2 lead")
