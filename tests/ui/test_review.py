"""The review screen on the fixed week of tests/journal_world.py: rows, totals, best and weakest, paging."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import DataTable

from networkday.domain.day import Call
from networkday.storage.store import Store
from networkday.ui.app import NetworkdayApp, create_app
from networkday.ui.screens.journal import JournalScreen
from networkday.ui.screens.review import ReviewScreen
from networkday.ui.widgets.review_chart import chart_lines, day_axis
from tests.journal_world import MON, TUE, WED, world_store
from tests.ui.screens import go_to, text_of


@pytest.fixture
def world(tmp_path: Path) -> Store:
    return world_store(tmp_path / "data")


def table_rows(app: NetworkdayApp) -> list[list[str]]:
    table = app.screen.query_one(DataTable)
    return [[str(cell) for cell in table.get_row_at(index)] for index in range(table.row_count)]


async def open_review(app: NetworkdayApp, pilot) -> ReviewScreen:
    return await go_to(app, pilot, "5", ReviewScreen)


async def test_the_week_shows_each_day_the_totals_and_the_best_and_weakest(world: Store):
    app = create_app(world)
    async with app.run_test(size=(100, 30)) as pilot:
        await open_review(app, pilot)
        assert "Review · Week 48 of 2026, 2026-11-23 to 2026-11-29 · now" in text_of(app, "#review-title")
        rows = table_rows(app)
        assert [row[:7] for row in rows] == [
            ["", "Mon 23 Nov", "0/0", "0", "0", "0", "0"],
            ["▼", "Tue 24 Nov", "2/2", "0", "0", "0", "1"],
            ["▲", "Wed 25 Nov", "3/4", "1", "1", "2", "1"],
            ["", "Total", "5/6", "1", "1", "2", "2"],
        ]
        assert rows[0][7].endswith("--%  ")
        assert rows[1][7].endswith("100% ✓")
        assert rows[2][7].endswith(" 83% ↓")
        assert [row[8] for row in rows] == ["2", "3", "4", "3.0"]
        summary = text_of(app, "#review-summary")
        assert "Totals: 5 of 6 calls made · will help 1 · won't help 1 · gave 2 · asked 2" in summary
        assert "Networking 8:00 of 9:00: 88% ✓ meets the 85% goal · mean rating 3.0" in summary
        assert "▲ Best day: Wed 25 Nov (2026-11-25): 3 calls made, 83% networking" in summary
        assert "▼ Weakest day: Tue 24 Nov (2026-11-24): 2 calls made, 100% networking" in summary


async def test_charts_show_the_goal_line_and_every_day_of_the_week(world: Store):
    app = create_app(world)
    async with app.run_test(size=(100, 30)) as pilot:
        await open_review(app, pilot)
        calls = text_of(app, "#review-calls").splitlines()
        assert calls[0] == "Calls made (─ goal 5)"
        assert calls[-1].strip() == "Mon Tue Wed Thu Fri Sat Sun"
        assert "─── ─── ───" in calls[1]  # the goal across the days still to come
        share = text_of(app, "#review-share").splitlines()
        assert share[0] == "Networking share (─ goal 85%)"
        assert share[1].startswith("100% │")


async def test_month_and_paging_back_and_forth(world: Store):
    app = create_app(world)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await open_review(app, pilot)
        await pilot.press("m")
        assert "November 2026" in text_of(app, "#review-title")
        assert len(table_rows(app)) == 25 + 1
        assert screen.query_one(DataTable).cursor_row == 24
        await pilot.press("left_square_bracket")
        assert "October 2026" in text_of(app, "#review-title")
        assert len(table_rows(app)) == 31 + 1
        assert "Best day: none yet" in text_of(app, "#review-summary")
        await pilot.press("right_square_bracket", "right_square_bracket")
        assert "November 2026" in text_of(app, "#review-title")
        await pilot.press("w", "left_square_bracket")
        assert "Week 47 of 2026" in text_of(app, "#review-title")
        await pilot.press("g")
        assert "Week 48 of 2026" in text_of(app, "#review-title")


async def test_enter_opens_that_days_journal(world: Store):
    app = create_app(world)
    async with app.run_test(size=(100, 30)) as pilot:
        await open_review(app, pilot)
        await pilot.press("k", "enter")
        await pilot.pause()
        assert isinstance(app.screen, JournalScreen)
        assert app.screen.day == TUE
        await pilot.press("5", "k", "enter")
        assert app.screen.day == MON


async def test_a_call_logged_elsewhere_shows_when_coming_back(world: Store):
    app = create_app(world)
    async with app.run_test(size=(100, 30)) as pilot:
        await open_review(app, pilot)
        await pilot.press("1")
        world.update_day(WED, lambda day: day.calls.append(Call("dan-early")))
        await pilot.press("5")
        assert table_rows(app)[2][2] == "3/5"


def test_day_axis_names_weekdays_or_marks_each_week():
    week = [MON, TUE, WED]
    assert day_axis(week, 3, 1) == "Mon Tue Wed"
    month = [MON.replace(day=d) for d in range(1, 31)]
    assert day_axis(month, 1, 0) == "1      8      15     22     29"


def test_chart_lines_put_the_scale_on_the_left():
    lines = chart_lines("Calls", [1, 5, None], [MON, TUE, WED], 5, 5, "5")
    assert lines[0] == "Calls"
    assert lines[1].startswith("5 │")
    assert lines[4].startswith("0 │")
    assert len(lines) == 6


@pytest.mark.parametrize(
    ("size", "calls", "share"),
    [((80, 24), True, True), ((70, 24), True, False), ((60, 20), False, False)],
)
async def test_charts_give_way_to_the_table_on_small_terminals(world: Store, size, calls: bool, share: bool):
    app = create_app(world)
    async with app.run_test(size=size) as pilot:
        await open_review(app, pilot)
        assert bool(app.screen.query_one("#review-calls").region) == calls  # an undrawn widget has no region
        assert bool(app.screen.query_one("#review-share").region) == share
        assert "▼ Weakest day: Tue 24 Nov" in text_of(app, "#review-summary")
        assert app.screen.query_one("#review-summary").region.bottom <= size[1] - 2


async def test_a_day_whose_file_cannot_be_read_is_unknown_not_empty(world: Store):
    world.day_path(TUE).write_text("format = 1\ndate = [\n")
    world.scan()
    app = create_app(world)
    async with app.run_test(size=(100, 30)) as pilot:
        await open_review(app, pilot)
        rows = table_rows(app)
        assert rows[1][:8] == ["", "Tue 24 Nov", "?", "?", "?", "?", "?", "cannot be read"]
        assert rows[3][:3] == ["", "Total", "3/4"]  # Wednesday alone: Monday had nothing
        assert "▼ Weakest day: none" in text_of(app, "#review-summary")


@pytest.fixture
def pipeline(tmp_path: Path) -> Store:
    from tests.pipeline_world import pipeline_store

    return pipeline_store(tmp_path / "pipeline")


async def test_p_shows_the_funnel_beside_the_share_and_what_led_where(pipeline: Store):
    app = create_app(pipeline)
    async with app.run_test(size=(100, 40)) as pilot:
        screen = await open_review(app, pilot)
        assert not screen.query_one("#review-pipeline").display
        await pilot.press("p")
        await pilot.pause()
        assert not screen.query_one("#review-table").display
        assert app.focused is screen.query_one("#review-pipeline")
        funnel = text_of(app, "#review-funnel").splitlines()
        assert funnel == [
            "Funnel in the period",
            "people reached        4 ████████████",
            "people who will help  2 ██████░░░░░░",
            "introductions made    1 ███░░░░░░░░░",
            "opportunities opened  2 ██████░░░░░░",
            "interviews            1 ███░░░░░░░░░",
            "offers                0 ░░░░░░░░░░░░",
        ]
        assert text_of(app, "#review-pipeline-share").startswith("Networking share (─ goal 85%)")
        led = text_of(app, "#review-led").splitlines()
        assert led[0] == "Networking 8:00 of 9:00: 88% ✓ meets the 85% goal"
        assert led[2:7] == [
            "What led where, as of Wed 25 Nov 2026",
            "Through people: 1 of 2 opportunities (50%) · cold applications 1",
            "Channels that led to interviews and offers: coffee 1 · email 1 · phone 1",
            "Motives of the people behind them: learning 1",
            "",
        ]
        assert led[7:] == [
            "Interviews and offers by Wed 25 Nov 2026",
            "Acme · Staff engineer · interview",
            "  you → Jane Doe → Sam Reyes",
            "  channels coffee, email, phone",
            "  motives learning",
        ]
        await pilot.press("p")
        await pilot.pause()
        assert screen.query_one("#review-table").display
        assert app.focused is screen.query_one(DataTable)


async def test_an_earlier_week_has_its_own_funnel_and_no_interview_yet(pipeline: Store):
    app = create_app(pipeline)
    async with app.run_test(size=(100, 40)) as pilot:
        await open_review(app, pilot)
        await pilot.press("p", "left_square_bracket")
        await pilot.pause()
        assert "Week 47 of 2026" in text_of(app, "#review-title")
        assert "interviews            0" in text_of(app, "#review-funnel")
        led = text_of(app, "#review-led")
        # Both opportunities opened on the 25th: the search as it stood on the 22nd had none.
        assert led.splitlines()[2:4] == [
            "What led where, as of Sun 22 Nov 2026",
            "No opportunities yet: networkday opportunity add COMPANY_ID ROLE --via CONTACT_ID adds one.",
        ]


async def test_with_no_opportunities_the_pipeline_says_how_to_add_one(world: Store):
    app = create_app(world)
    async with app.run_test(size=(100, 40)) as pilot:
        await open_review(app, pilot)
        await pilot.press("p")
        await pilot.pause()
        assert "opportunities opened  0" in text_of(app, "#review-funnel")
        assert "No opportunities yet: networkday opportunity add" in text_of(app, "#review-led")


async def test_enter_opens_no_day_while_the_pipeline_is_shown(pipeline: Store):
    app = create_app(pipeline)
    async with app.run_test(size=(100, 40)) as pilot:
        screen = await open_review(app, pilot)
        await pilot.press("p", "enter")
        await pilot.pause()
        assert app.screen is screen


async def test_names_and_roles_in_the_pipeline_are_shown_as_typed_never_as_markup(world: Store):
    from networkday.domain.contact import Contact
    from networkday.services.companies import add_company, add_opportunity, move_opportunity

    world.add_contact(Contact(id="", name="Zed\x1b[31m [i]Red[/i]", motives=["curiosity"]))
    add_company(world, "[b]Evil[/b] Corp")
    add_opportunity(world, "b-evil-b-corp", "Lead [@click=app.quit]now[/]", via=["zed-31m-i-red-i"])
    move_opportunity(world, "b-evil-b-corp/lead-click-app-quit-now", "offer")
    app = create_app(world)
    async with app.run_test(size=(100, 40)) as pilot:
        await open_review(app, pilot)
        await pilot.press("p")
        await pilot.pause()
        led = text_of(app, "#review-led")
        assert "[b]Evil[/b] Corp · Lead [@click=app.quit]now[/] · offer" in led
        assert "you → Zed" in led
        assert "[i]Red[/i]" in led
        assert "\x1b" not in led
        assert app.is_running


async def test_a_change_made_in_another_shell_is_counted_at_the_next_poll(pipeline: Store):
    """A company file alone (``opportunity move``) and a day file alone each count again."""
    from dataclasses import replace

    from networkday.services.companies import move_opportunity
    from networkday.services.journal import save_journal

    app = create_app(pipeline)
    async with app.run_test(size=(100, 40)) as pilot:
        screen = await open_review(app, pilot)
        await pilot.press("p")
        await pilot.pause()
        other = Store.open(pipeline.root, pipeline.clock)
        move_opportunity(other, "beta-corp/designer", "interview")
        screen._poll()
        assert "interviews            2" in text_of(app, "#review-funnel")
        assert table_rows(app)[2][-1] != "1"
        journal = other.day(WED).journal
        save_journal(other, WED, journal, replace(journal, rating=1))
        screen._poll()
        assert table_rows(app)[2][-1] == "1"
