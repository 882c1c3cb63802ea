"""``--json`` output through the escaping streams: valid JSON that reads back whole, with nothing that acts or hides."""

from __future__ import annotations

import io
import json
import re
import sys
from datetime import UTC, date, datetime

from hypothesis import given
from hypothesis import strategies as st

from networkday.commands.common import print_json
from networkday.commands.safe_streams import SafeStream
from networkday.domain.text import BIDI_CONTROLS, HIDDEN_ALONE

#: What a terminal could run, reorder or hide, written raw.
ACTS = re.compile(f"[\x00-\x1f\x7f-\x9f{BIDI_CONTROLS}{HIDDEN_ALONE}]")
HOSTILE = st.text(
    st.sampled_from(
        ["\x1b", "\x07", "\x9b", "\r", "\n", "\u202e", "\u200b", "\u00ad", "\ufeff", "\U000e0041", "a", "李", "🙂"]
    )
)


def printed(document: dict[str, object]) -> str:
    """What a command's ``--json`` writes, through the stream every command's stdout is."""
    out = io.StringIO()
    real, sys.stdout = sys.stdout, SafeStream(out)
    try:
        print_json(document)
    finally:
        sys.stdout = real
    return out.getvalue()


@given(HOSTILE)
def test_any_text_stays_valid_json_and_reads_back_whole(text: str) -> None:
    written = printed({"name": text, "nested": {text: [text]}})
    assert json.loads(written) == {"version": 1, "name": text, "nested": {text: [text]}}
    assert not ACTS.search(written.replace("\n", ""))


def test_a_soft_hyphen_and_a_tag_character_are_json_escapes() -> None:
    written = printed({"name": "Soft\u00adHyphen\U000e0041"})
    assert '"Soft\\u00adHyphen\\udb40\\udc41"' in written


def test_a_date_nested_in_a_users_value_is_iso_as_at_the_top() -> None:
    at = datetime(2026, 1, 1, 9, 30, tzinfo=UTC)
    assert json.loads(printed({"value": {"at": at, "on": [date(2026, 1, 2)]}}))["value"] == {
        "at": "2026-01-01T09:30:00+00:00",
        "on": ["2026-01-02"],
    }
