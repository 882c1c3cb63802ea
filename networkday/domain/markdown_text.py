"""User text inside the app's Markdown: read as typed, never as a heading, link, image or HTML.

The journal is printed and exported as Markdown, and may be rendered anywhere (a viewer,
a forge, a notes app). The outline of that document is the app's own: a line of the
journal must not become a heading (ATX ``#``, or setext: a line over ``===`` or ``---``),
open a code fence that never closes and swallows every later heading, or make a link, an
image or raw HTML (``[x](javascript:…)``, ``![](https://tracker…)``, ``<img onerror…>``).
Backslash escapes do this in every CommonMark renderer, and the rendered text reads
exactly as typed; emphasis, lists and quotes are left to work.
"""

from __future__ import annotations

import re

#: A backslash that would escape the punctuation after it, and the characters that make
#: headings (``#``), links, images and footnotes (``[``, ``]``), and HTML or autolinks (``<``).
_INLINE = re.compile(r"\\(?=[!-/:-@\[-`{-~])|[#\[\]<]")
#: What may stand before a block on its line: indentation, quote markers, list markers.
_CONTAINERS = r"(?:[ \t>]|[-+*][ \t]|\d{1,9}[.)][ \t])*"
#: A code fence's opening, or a line that would underline the one above as a setext heading.
_BLOCK = re.compile(rf"^({_CONTAINERS})(```|~~~|[=-]+[ \t]*$)", re.MULTILINE)


def escape_inline(text: str) -> str:
    """``text`` with every character that could start a heading, link, image or HTML escaped."""
    return _INLINE.sub(lambda match: "\\" + match.group(), text)


def escape_markdown(text: str) -> str:
    """Text of several lines, as ``escape_inline``, and no line opens a fence or underlines a heading."""
    return _BLOCK.sub(lambda match: f"{match.group(1)}\\{match.group(2)}", escape_inline(text))
