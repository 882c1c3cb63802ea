"""Escaping user text for terminals: nothing that acts survives, and the rest is unchanged."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from networkday.domain.text import escape_name, escape_output, shown, shown_line

ACTS = re.compile("\r(?!\n)|[\x00-\x08\x0b-\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]")
HOSTILE = st.text(
    st.sampled_from(["\x1b", "\x07", "\x9b", "\x90", "\x9d", "\r", "\n", "\t", "\u202e", "\u200b", "a", "李"])
)


@given(HOSTILE)
def test_escaped_output_holds_nothing_that_acts(text: str) -> None:
    assert not ACTS.search(escape_output(text))
    assert escape_output(text).count("\n") == text.count("\n")


@given(HOSTILE)
def test_an_escaped_name_is_one_line(text: str) -> None:
    escaped = escape_name(text)
    assert not ACTS.search(escaped)
    assert "\n" not in escaped
    assert "\t" not in escaped


def test_escapes_are_written_as_python_writes_them() -> None:
    assert escape_output("a\x1b[2Jb\x9b\u202ec\r\nd\re\tf") == "a\\x1b[2Jb\\x9b\\u202ec\r\nd\\re\tf"
    assert escape_name("x\ny\tz\x00") == "x\\ny\\tz\\x00"


def test_plain_text_passes_unchanged() -> None:
    text = "Zoë 李明 🙂 [b]x[/b] \\x1b"
    assert escape_output(text) == escape_name(text) == shown(text) == text


def test_shown_drops_controls_and_zero_width_and_escapes_bidi() -> None:
    assert shown("A\u200bn\u200dn\ufeff\x1b[2J \u202eX") == "Ann[2J \\u202eX"
    assert shown_line("one\ntwo\u2066") == "one two\\u2066"


#: A name carrying a hidden word in tag characters, a soft hyphen, a Hangul filler and a
#: zero-width space: each is drawn as nothing.
HIDDEN = "Ada\U000e0069\U000e0067\U000e006e\U000e006f\U000e0072\U000e0065 Love\u00adlace\u3164\u200b\U000e0001"


def test_invisible_characters_are_dropped_from_the_screen_and_escaped_in_output() -> None:
    assert shown(HIDDEN) == "Ada Lovelace"
    assert escape_output(HIDDEN) == (
        "Ada\\U000e0069\\U000e0067\\U000e006e\\U000e006f\\U000e0072\\U000e0065 Love\\xadlace\\u3164\\u200b\\U000e0001"
    )
    assert escape_name(HIDDEN) == escape_output(HIDDEN)


def test_emoji_keep_their_joiners_and_selectors_in_output() -> None:
    """A family and a red heart print whole; the screen, which counts cells, draws them apart."""
    family_heart = "\U0001f468\u200d\U0001f469\u200d\U0001f467 \u2764\ufe0f"
    assert escape_output(family_heart) == family_heart
    assert shown(family_heart) == "\U0001f468\U0001f469\U0001f467 \u2764"
