"""Links from contact data: OSC 8 hyperlinks only for https and mailto, copying through OSC 52."""

from __future__ import annotations

import pytest
from rich.color import ColorSystem
from rich.console import Console
from rich.text import Text
from textual.strip import Strip

from networkday.storage.store import Store
from networkday.ui.app import create_app
from networkday.ui.links import copy_to_clipboard, link, linkable


def terminal_output(text: Text) -> str:
    """What Textual writes for ``text``: its styles and any hyperlink, as terminal sequences."""
    console = Console(width=100, force_terminal=True, color_system="truecolor")
    return "".join(
        Strip.render_style(segment.style, segment.text, ColorSystem.TRUECOLOR) if segment.style else segment.text
        for segment in console.render(text)
    )


@pytest.mark.parametrize("url", ["https://example.com/jobs?id=7", "mailto:ada@example.com", "HTTPS://EXAMPLE.COM"])
def test_safe_links_become_terminal_hyperlinks(url: str):
    output = terminal_output(link(url, "the page"))
    assert f";{url}\x1b\\" in output
    assert output.startswith("\x1b]8;id=")
    assert "the page" in output


@pytest.mark.parametrize(
    "url",
    [
        "javascript:alert(1)",
        "file:///etc/passwd",
        "http://plain.example.com",
        "https://example.com/\x1b]8;;https://evil\x1b\\",
        "https://example.com/\x07",
        "https://example.com/\x9b31m",
        "https://exa mple.com",
    ],
)
def test_other_links_stay_plain_text(url: str):
    assert not linkable(url)
    output = terminal_output(link(url))
    assert "\x1b]8" not in output
    assert "\x07" not in output
    assert "\x9b" not in output
    assert output.count("\x1b") == 0


def test_a_label_is_plain_text_too():
    shown = link("https://example.com", "[b]Jobs[/b] \x1b[2J")
    assert shown.plain == "[b]Jobs[/b] [2J"


async def test_copying_puts_one_clean_line_on_the_clipboard(store: Store):
    app = create_app(store)
    async with app.run_test(size=(80, 24)) as pilot:
        copy_to_clipboard(app, "https://example.com/a\nb\x1b[2J", "Profile link")
        await pilot.pause()
        assert app.clipboard == "https://example.com/a b[2J"
        assert any("Profile link copied" in str(note.message) for note in app._notifications)
