"""Links from user data on screen: terminal hyperlinks for safe ones, and copying any of them.

Nothing here opens a browser: over SSH there may be none. A link is shown as a terminal
hyperlink (OSC 8) only when it is https or mailto and holds no control characters, so a
``javascript:`` or ``file:`` address in a contact file stays plain text; any link can be
copied to the clipboard through the terminal (OSC 52), which also works over SSH.
"""

from __future__ import annotations

from rich.style import Style
from rich.text import Text
from textual.app import App

from networkday.domain.text import one_line
from networkday.domain.validate import safe_link
from networkday.ui.plain import plain_line


def linkable(url: str) -> bool:
    """Whether ``url`` may become a hyperlink: https or mailto, and nothing a terminal would act on."""
    return safe_link(url) and one_line(url) == url


def link(url: str, label: str | None = None, style: str = "") -> Text:
    """``label`` (or the url itself) as plain text, made a terminal hyperlink when ``url`` is safe."""
    text = plain_line(url if label is None else label, style)
    if linkable(url):
        text.stylize(Style(link=url))
    return text


def copy_to_clipboard(app: App, text: str, what: str = "Link") -> None:
    """Copies one line of ``text`` through the terminal and says so, naming ``what`` was copied.

    The terminal must allow OSC 52 (tmux: ``set -g set-clipboard on``); the message says
    where to look when nothing arrives.
    """
    app.copy_to_clipboard(one_line(text))
    app.notify(f"{what} copied (if nothing arrives, allow OSC 52 clipboard access in your terminal)", timeout=4)
