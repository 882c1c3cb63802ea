"""At 80x24, and down to the 60x20 minimum, nothing that matters is cut off: the footer's main
keys, both lines under Today's list, the words that say a follow-up is overdue, the timer's
verdict, and the welcome's choices."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest
from rich.cells import cell_len
from textual.geometry import Region
from textual.widget import Widget
from textual.widgets import Input, Log, OptionList

from networkday.domain.contact import Contact, LogEntry
from networkday.domain.timer import TimerState, Totals
from networkday.storage.store import Store
from networkday.ui.app import NetworkdayApp, create_app
from networkday.ui.modals.log_prompt import LogPrompt
from networkday.ui.modals.merge_preview import MergePreview
from networkday.ui.widgets.key_footer import KeyFooter
from networkday.ui.widgets.queue_list import QueueList, first_fit, touch_texts
from networkday.ui.widgets.timer_bar import timer_text
from tests.conftest import NOW

VCARDS = Path(__file__).parents[1] / "fixtures" / "shared" / "vcard" / "gmail-list.vcf"


def shown_lines(widget: Widget) -> list[str]:
    """The text of each line the widget draws, as the terminal gets it."""
    strips = widget.render_lines(Region(0, 0, *widget.outer_size))
    return ["".join(segment.text for segment in strip) for strip in strips]


# -- Today: the two lines under the list, and the cells ------------------------------------------------


@pytest.fixture
def long_titles(small_store: Store) -> Store:
    """Grace, a hiring manager with a follow-up two days overdue, gets a title too long for one line."""
    small_store.update_contact("grace-hopper", lambda c: setattr(c, "title", "Director of Product, " * 4))
    return small_store


async def test_every_detail_line_stays_in_sight_under_a_long_title(long_titles: Store):
    app = create_app(long_titles)
    async with app.run_test(size=(80, 24)) as pilot:
        app.screen.query_one(QueueList).select("grace-hopper")
        await pilot.pause()
        lines = [line.rstrip() for line in shown_lines(app.screen.query_one("#row-detail"))]
    first, second, third = (line for line in lines if line.strip() and "─" not in line)
    assert first.startswith(" Grace Hopper · ★ hiring manager · Navy Labs · Director")
    assert first.endswith("…")
    assert second.strip() == "follow-up 2 days overdue · via phone · last: never"
    assert third.strip().startswith("Offer first: nothing on record yet")


@pytest.mark.parametrize(("width", "why"), [(80, "2 days overdue"), (120, "follow-up 2 days overdue")])
async def test_an_overdue_follow_up_says_overdue_at_any_width(small_store: Store, width: int, why: str):
    app = create_app(small_store)
    async with app.run_test(size=(width, 24)):
        table = app.screen.query_one(QueueList)
        table.select("grace-hopper")
        labels = [column.label for column, _ in table.columns()]
        row = table.cells(table.cursor)
    assert row[labels.index("Why")] == why


@pytest.mark.parametrize("size", [(60, 20), (80, 24), (100, 30), (120, 40)])
async def test_todays_columns_fit_the_terminal(small_store: Store, size: tuple[int, int]):
    app = create_app(small_store)
    async with app.run_test(size=size):
        table = app.screen.query_one(QueueList)
        widths = sum(width + 2 for _, width in table.columns())  # a cell of padding either side
        labels = [column.label for column, _ in table.columns()]
        header = shown_lines(table)[0]
        inside = table.scrollable_content_region.width  # less the scrollbar of a long queue
    assert widths == inside <= size[0]
    assert header.split() == " ".join(labels).split()
    assert {"Done", "Name", "Why", "Last touch"} <= set(labels)


def test_the_last_touch_gets_shorter_before_it_is_cut():
    texts = touch_texts("12 days ago, coffee, will help")
    assert [first_fit(texts, width) for width in (30, 21, 15, 7)] == [
        "12 days ago, coffee, will help",
        "12 days ago, coffee",
        "12 days ago",
        "12 days ago",  # the shortest, which first_fit's caller cuts with an ellipsis
    ]


async def test_a_wide_name_keeps_todays_columns_aligned(store: Store):
    store.add_contacts(
        [
            Contact(id="", name="王小明 (Wang Xiaoming) 🚀", company="深圳科技"),
            Contact(
                id="",
                name="Ada Lovelace",
                company="Analytical",
                log=[LogEntry(at=NOW - timedelta(days=45), channel="email")],
            ),
        ]
    )
    app = create_app(store)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        table = app.screen.query_one(QueueList)
        lines = shown_lines(table)[1:3]
    starts = {cell_len(line[: line.index(word)]) for line, word in zip(lines, ("out of", "never"), strict=True)}
    assert {cell_len(line) for line in lines} == {80}
    assert len(starts) == 1


# -- the footer and the names of keys ------------------------------------------------------------


def footer_words(app: NetworkdayApp) -> list[str]:
    """The footer's keys and words that are wholly in sight, left of the palette's key."""
    footer = app.screen.query_one(KeyFooter)
    line = "".join(segment.text for segment in footer.render_lines(Region(0, 0, *footer.outer_size))[0])
    shown = footer.shown()
    assert all(word in line for word in shown)
    return shown


@pytest.mark.parametrize(
    ("key", "wanted"),
    [
        ("1", ["w Will", "x Won't", "n No ans", "m Msg", "t Talked", "s Sched", "⏎ Open", "a Add", "? Help"]),
        ("2", ["⏎ Open", "/ Search", "a Add", "e Edit", "? Help", "q Quit"]),
        ("3", ["e Write", "r Rate", "b Browse", "/ Search", "? Help", "q Quit"]),
        ("4", ["⏎ Open", "t Target", "o Add opp.", "m Next stage", "a Add", "? Help", "q Quit"]),
        ("5", ["⏎ Open day", "w Week", "m Month", "? Help", "q Quit"]),
    ],
)
async def test_the_footer_shows_the_main_keys_of_each_screen_at_80x24(small_store: Store, key: str, wanted: list[str]):
    app = create_app(small_store)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press(key)
        await pilot.pause()
        shown = footer_words(app)
    assert [word for word in wanted if word not in shown] == []


async def test_a_persons_footer_shows_its_actions_and_help_at_80x24(small_store: Store):
    app = create_app(small_store)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("enter")
        await pilot.pause()
        shown = footer_words(app)
    wanted = ["esc Back", "l Log", "f Follow-up", "p Call today", "e Edit", "y Copy", "o Link", "? Help"]
    assert [word for word in wanted if word not in shown] == []


async def test_the_palette_and_help_name_a_short_footer_word_in_full(small_store: Store):
    app = create_app(small_store)
    async with app.run_test(size=(80, 24)):
        titles = {command.title: command.help for command in app.get_system_commands(app.screen)}
    assert titles["Left a message"] == "key: m"
    assert titles["No answer"] == "key: n"
    assert "Msg" not in titles


# -- the timer's verdict and the welcome at the minimum size --------------------------------------------


def test_the_timer_still_says_below_goal_at_60_columns():
    state = TimerState(None, None, NOW.timestamp(), Totals(networking=3600, other=900), 0.85)
    text = timer_text(state, 58).plain
    assert len(text) <= 58
    assert text.endswith("80% of 85% · below goal")


async def test_the_welcome_keeps_its_choices_in_sight_at_60x20(store: Store):
    app = create_app(store)
    async with app.run_test(size=(60, 20)) as pilot:
        await pilot.pause()
        hint = app.screen.query_one("#welcome-keys")
        assert hint.region.height == 4
        assert app.screen.region.contains_region(hint.region)
        await pilot.press("d")
        await pilot.pause()
    assert app.store.contacts


# -- dialogs: their keys under the title, their fields reachable ---------------------------------------


def in_sight(app: NetworkdayApp, widget: Widget) -> bool:
    return widget.region.height > 0 and app.screen.region.contains_region(widget.region)


async def test_the_log_prompt_at_60x20_shows_its_keys_and_scrolls_to_each_field(small_store: Store):
    app = create_app(small_store)
    async with app.run_test(size=(60, 20)) as pilot:
        await pilot.press("w")
        assert isinstance(app.screen, LogPrompt)
        assert in_sight(app, app.screen.query_one(".dialog-keys"))
        assert app.screen.focused is app.screen.query_one("#log-gave")  # typing goes straight in
        await pilot.press("tab", "tab", "tab", "tab")
        await pilot.pause()
        follow_up = app.screen.query_one("#log-follow-up")
        assert app.screen.focused is follow_up
        assert in_sight(app, follow_up)


async def test_the_merge_preview_says_its_keys_before_the_long_record(small_store: Store):
    app = create_app(small_store)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("2", "m", *"Grace")
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, MergePreview)
        keys = app.screen.query_one(".dialog-keys")
        assert in_sight(app, keys)
        assert "Enter merges" in str(keys.render())


async def test_an_import_shows_its_summary_at_80x24(small_store: Store):
    app = create_app(small_store)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("I", "down")
        path = app.screen.query_one("#import-path", Input)
        path.value = str(VCARDS)
        path.focus()
        await pilot.press("enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        log = app.screen.query_one("#import-log", Log)
        assert "add 3" in "\n".join(log.lines)
        assert in_sight(app, log)
        assert in_sight(app, app.screen.query_one("#import-stage"))


async def test_a_long_dialog_title_wraps_instead_of_being_cut(small_store: Store):
    app = create_app(small_store)
    async with app.run_test(size=(60, 20)) as pilot:
        await pilot.press("2", "f")  # "Follow up with Ada Lovelace on (empty or none clears it)"
        await pilot.pause()
        title = app.screen.query_one(".dialog-title")
        assert title.region.height == 2
        assert in_sight(app, title)


async def test_problems_name_files_inside_the_data_folder(small_store: Store, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("HOME", str(small_store.root.parent))
    broken = small_store.root / "contacts" / "broken.toml"
    broken.write_text('name = "Ada\n', "utf-8")
    broken.chmod(0o600)
    app = create_app(Store.open(small_store.root, small_store.clock))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("exclamation_mark")
        await pilot.pause()
        header = str(app.screen.query_one(".dialog-text").render())
        problem = str(app.screen.query_one("#problems-list", OptionList).get_option_at_index(0).prompt)
        assert in_sight(app, app.screen.query_one(".dialog-text"))
    assert "1 file(s) in ~/data could not be read" in header
    assert "networkday check" in header
    assert problem.startswith("contacts/broken.toml:1:")


# -- the Linux console ----------------------------------------------------------------------------------


async def test_the_linux_console_marks_a_hiring_manager_with_a_glyph_its_font_has(
    small_store: Store, monkeypatch: pytest.MonkeyPatch
):
    """Its font has no ★ (the journal's ratings there are ***--): the mark is * in every list."""
    monkeypatch.setenv("TERM", "linux")
    app = create_app(small_store)
    async with app.run_test(size=(80, 24)) as pilot:
        table = app.screen.query_one(QueueList)
        table.select("grace-hopper")
        await pilot.pause()
        name = table.cells(table.cursor)[1]
        detail = "\n".join(shown_lines(app.screen.query_one("#row-detail")))
        await pilot.press("2")
        await pilot.pause()
        title = str(app.screen.query_one("#contacts-title").render())
    assert name == "* Grace Hopper"
    assert "Grace Hopper · * hiring manager" in detail
    assert "* hiring mgr ◆ target co." in title
    assert "★" not in name + detail + title
