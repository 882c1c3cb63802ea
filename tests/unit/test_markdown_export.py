"""The journal's Markdown, rendered by a real parser: the only headings are the app's, and no link, image or HTML.

markdown-it-py (CommonMark, and its "js-default" preset with tables and strikethrough)
parses what `networkday journal` and `networkday export journal` write.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt
from markdown_it.token import Token

from networkday.domain.day import Answer, Journal
from networkday.domain.figures import DayFigures, Goals, Person
from networkday.domain.journal import export_markdown, render_markdown
from networkday.domain.markdown_text import escape_markdown

PARSERS = [MarkdownIt("commonmark"), MarkdownIt("js-default")]
ACTIVE = {"link_open", "image", "html_block", "html_inline", "fence", "code_block"}

EVE = Person("eve", "[Eve](javascript:x) <img src=x>", "will")
HOSTILE = """Title
===
Second
---
[click](javascript:alert(1)) and ![pixel](https://tracker.example/p.png)
<img src=x onerror=alert(1)> <script>alert(1)</script> <https://evil.example>
[ref]: https://evil.example
see [ref] and [x][ref]
> # quoted heading
> Quoted
> ===
- # listed heading
- item
  ---
\\[escaped\\](https://evil.example) \\<b>
```
never closed, so every later heading would be code
~~~"""


def tokens(found: list[Token]) -> Iterator[Token]:
    for token in found:
        yield token
        yield from tokens(token.children or [])


def headings(parser: MarkdownIt, text: str) -> list[tuple[str, str]]:
    """(h1, text as rendered) for every heading."""
    found = parser.parse(text)
    return [(t.tag, rendered_text([found[i + 1]])) for i, t in enumerate(found) if t.type == "heading_open"]


def active(parser: MarkdownIt, text: str) -> list[str]:
    return [t.type for t in tokens(parser.parse(text)) if t.type in ACTIVE]


def rendered_text(found: list[Token]) -> str:
    return "".join(t.content for t in tokens(found) if t.type in {"text", "code_inline"})


@pytest.mark.parametrize("parser", PARSERS, ids=["commonmark", "js-default"])
def test_the_export_outline_is_only_the_apps_and_nothing_links(parser: MarkdownIt) -> None:
    entries = [
        (date(2026, 11, 23), Journal(answers=[Answer("Who [x](javascript:1) <b>", HOSTILE)]), None),
        (date(2026, 11, 24), Journal(rating=3, answers=[Answer("Next # one", "fine")]), None),
    ]
    text = export_markdown(entries, ["Next # one"])
    assert headings(parser, text) == [
        ("h1", "Journal"),
        ("h2", "2026-11-23 Monday"),
        ("h3", "Who [x](javascript:1) <b>"),
        ("h2", "2026-11-24 Tuesday"),
        ("h3", "Next # one"),
    ]
    assert active(parser, text) == []


@pytest.mark.parametrize("parser", PARSERS, ids=["commonmark", "js-default"])
def test_a_name_in_the_figures_links_nowhere(parser: MarkdownIt) -> None:
    figures = DayFigures(date(2026, 11, 25), planned=1, made=1, goals=Goals(0.85, 5), people=(EVE,))
    text = render_markdown(date(2026, 11, 25), Journal(), [], figures)
    assert active(parser, text) == []
    assert "[Eve](javascript:x) <img src=x> (eve)" in rendered_text(parser.parse(text))


#: Lines made of what Markdown reads as structure, so examples hit every construct.
LINES = st.lists(
    st.text(alphabet=st.sampled_from(list("#=-`~[]()<>!:/\\*_> \tax1.")), max_size=12), min_size=1, max_size=6
).map("\n".join)


@settings(max_examples=300, deadline=None)
@given(LINES)
def test_any_answer_renders_as_typed_under_the_apps_headings_only(answer: str) -> None:
    parser = PARSERS[0]
    text = f"# Day\n\n{escape_markdown(answer)}\n\n## Next\n\nend\n"
    assert headings(parser, text) == [("h1", "Day"), ("h2", "Next")]
    assert [kind for kind in active(parser, text) if kind not in {"code_block"}] == []


def test_escaped_text_reads_as_typed() -> None:
    parser = PARSERS[0]
    typed = "a [b](c) <d> # e \\[f\\] 1+1=2 \\o/ ![i](j)"
    assert rendered_text(parser.parse(escape_markdown(typed))) == typed
