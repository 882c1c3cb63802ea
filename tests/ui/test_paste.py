"""A bracketed paste holding ESC or other controls arrives whole, in order, as one paste without them.

The input goes through the parser the app's terminal driver uses, in chunks as a terminal
delivers them; the events that come out are what the focused widget would get.
"""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st
from textual import events

from networkday.ui.paste import PASTE_END, PASTE_START, PasteFilter, PasteSafeParser

PASTED = "first \x1b[2J second\x1b]52;c;SU5K\x07 third\x9b31m\nline two\x1bq\tend"
KEPT = "first  second third\nline twoq\tend"  # a lone ESC before other text is dropped alone


def parse(*chunks: str) -> list[events.Event]:
    parser = PasteSafeParser()
    found = [event for chunk in chunks for event in parser.feed(chunk)]
    return [*found, *parser.feed("")]


def test_a_paste_with_esc_arrives_as_one_paste_in_order_without_control_sequences() -> None:
    found = parse(f"a{PASTE_START}{PASTED}{PASTE_END}b")
    assert [type(event) for event in found] == [events.Key, events.Paste, events.Key]
    paste = found[1]
    assert isinstance(paste, events.Paste)
    assert paste.text == KEPT


@given(st.lists(st.integers(min_value=0, max_value=80), max_size=6))
def test_any_split_into_chunks_gives_the_same_paste(cuts: list[int]) -> None:
    stream = f"x{PASTE_START}{PASTED}{PASTE_END}y{PASTE_START}again\x1b{PASTE_END}"
    points = sorted({min(cut, len(stream)) for cut in cuts})
    chunks = [stream[a:b] for a, b in zip([0, *points], [*points, len(stream)], strict=True) if b > a]
    pastes = [event.text for event in parse(*chunks) if isinstance(event, events.Paste)]
    assert pastes == [KEPT, "again"]


def test_escape_outside_a_paste_is_never_held_back() -> None:
    paste_filter = PasteFilter()
    assert paste_filter("\x1b") == "\x1b"
    assert paste_filter("[A") == "[A"
    assert paste_filter(f"{PASTE_START}ab\x1b[20") == f"{PASTE_START}ab"  # may be the end marker: held
    assert paste_filter("1~") == PASTE_END


def test_a_sequence_split_across_chunks_is_dropped_whole_and_one_open_at_the_end_of_the_paste_too() -> None:
    paste_filter = PasteFilter()
    got = [paste_filter(chunk) for chunk in (f"{PASTE_START}red \x1b[3", "1;1mtext\x1b]8;;http://x", "\x1b\\ ok")]
    got.append(paste_filter(f" \x1b]0;title{PASTE_END}after \x1b[31m"))
    assert "".join(got) == f"{PASTE_START}red text ok {PASTE_END}after \x1b[31m"  # outside a paste: untouched
