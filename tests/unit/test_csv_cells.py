"""CSV cells a spreadsheet could compute are exported as text (OWASP's CSV injection rule)."""

from __future__ import annotations

import csv
import io

import pytest
from hypothesis import given
from hypothesis import strategies as st

from networkday.domain.contact import Contact
from networkday.exporters.table import contacts_csv, safe_cell

STARTS = ("=", "+", "-", "@", "\t", "\r")


@pytest.mark.parametrize(
    "cell",
    ["=1+1", "+1-415-555-0101", "-1+1", "@SUM(A1)", "\t=1+1", "\r=1+1", "+1 555 0100", "-", '=HYPERLINK("x")'],
)
def test_a_cell_starting_as_a_formula_gets_an_apostrophe(cell: str) -> None:
    assert safe_cell(cell) == "'" + cell


@pytest.mark.parametrize("cell", ["", "Ann Lee", "1+1", "555-0101", "'quoted", " =1", "a=b", "ü@x"])
def test_other_cells_stay_as_they_are(cell: str) -> None:
    assert safe_cell(cell) == cell


@given(st.text())
def test_every_cell_is_safe_and_keeps_its_data(cell: str) -> None:
    out = safe_cell(cell)
    assert not out.startswith(STARTS)
    assert out in (cell, "'" + cell)


def test_a_phone_and_a_name_in_the_export_are_text() -> None:
    contact = Contact(id="eve", name="-1+1", phone=["+1-415-555-0101", "=2+2"])
    [row] = list(csv.DictReader(io.StringIO(contacts_csv([contact]).decode("utf-8"), newline="")))
    assert row["name"] == "'-1+1"
    assert row["phone"] == "'+1-415-555-0101\n=2+2"  # one cell: only its start is read as a formula
