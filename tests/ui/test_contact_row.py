"""The network list's cells: widths that add up, wide characters, and states said in words."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest
from rich.cells import cell_len

from networkday.domain.summary import ContactSummary
from networkday.ui.widgets.contact_row import COLUMNS, RowContext, cell_text, fit, follow_up, last_touch, layout

TODAY = date(2026, 11, 25)
NOW_TS = 1_795_000_000.0


@pytest.mark.parametrize("width", [58, 78, 95, 96, 118, 200])
def test_columns_and_their_gaps_fill_the_width_exactly(width: int):
    columns = layout(width)
    assert sum(size for _, size in columns) + len(columns) + 1 == width
    assert ("title" in [column.key for column, _ in columns]) == (width >= 96)


def test_a_narrow_list_keeps_every_column_at_its_least_width():
    assert [size for _, size in layout(40)] == [
        column.least for column in COLUMNS if column.key not in ("title", "tags")
    ]


def test_below_72_cells_the_tags_give_way_to_the_last_touch_in_whole_words():
    assert "tags" in [column.key for column, _ in layout(72)]
    assert "tags" not in [column.key for column, _ in layout(71)]
    assert {column.key: size for column, size in layout(58)}["last"] >= len("11 months ago")


@pytest.mark.parametrize("text", ["王小明 (Wang Xiaoming)", "Zoë Ng", "🙂 emoji person", "plain"])
@pytest.mark.parametrize("width", [1, 5, 8, 30])
def test_fit_gives_exactly_the_cells_asked_for(text: str, width: int):
    fitted = fit(text, width)
    assert cell_len(fitted) == width
    if cell_len(text) > width:
        assert fitted.rstrip().endswith("…")


def test_last_touch_in_the_words_used_everywhere():
    noon = datetime(2026, 11, 25, 12, tzinfo=UTC)

    def summary(days: float | None) -> ContactSummary:
        entries = (
            () if days is None else (((noon - timedelta(days=days)).timestamp(), "phone", "", False, False, False),)
        )
        return ContactSummary(id="x", name="X", entries=entries)

    assert [last_touch(summary(days), TODAY, UTC) for days in (None, 0.2, 0.6, 3, 20, 90, 800, 4640)] == [
        "never",
        "today",
        "yesterday",  # last night is yesterday, though not 24 hours ago
        "3 days ago",
        "20 days ago",
        "2 months ago",
        "2 years ago",
        "12 years ago",
    ]


def test_follow_up_says_due_and_overdue_in_words():
    def on(day: date) -> ContactSummary:
        return ContactSummary(id="x", name="X", follow_up=day.toordinal())

    assert follow_up(on(TODAY - timedelta(days=2)), TODAY) == ("23 Nov overdue", True)
    assert follow_up(on(TODAY), TODAY) == ("25 Nov due", True)
    assert follow_up(on(date(2027, 1, 4)), TODAY) == ("04 Jan 27", False)
    assert follow_up(ContactSummary(id="x", name="X"), TODAY) == ("", False)


def test_marks_and_cells_are_one_line_without_control_characters():
    context = RowContext(NOW_TS, TODAY, lambda company: company == "Acme", UTC)
    summary = ContactSummary(
        id="x", name="Eve\x1b[2J\nNewline", company="Acme", tags=("a\x07b", "c"), hiring_manager=True
    )
    cells = {column.key: cell_text(column, summary, context)[0] for column in COLUMNS}
    assert cells["marks"] == "★◆"
    assert cells["name"] == "Eve[2J Newline"
    assert cells["tags"] == "ab, c"
