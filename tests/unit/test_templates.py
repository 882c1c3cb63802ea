"""Filling message templates: missing values, unknown placeholders and hostile text never break it."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from urllib.parse import parse_qs, unquote, urlsplit

from hypothesis import given
from hypothesis import strategies as st

from networkday.domain.contact import Contact, LogEntry
from networkday.domain.templates import (
    PLACEHOLDERS,
    day_in_words,
    fill,
    fill_message,
    first_name,
    last_talk,
    mailto,
    split_message,
    summary_line,
    values_for,
)
from tests.conftest import NOW

TODAY = NOW.date()  # a Wednesday

FULL = {
    "name": "Jane Doe",
    "first_name": "Jane",
    "company": "Acme",
    "referrer": "Sam Lee",
    "last_talk": "on Monday",
    "last_talk_note": "loves Rust",
    "motive_hint": "Ask plainly.",
}


def test_every_placeholder_is_filled_from_its_value() -> None:
    text = " ".join(f"{{{name}}}" for name in PLACEHOLDERS)
    assert fill(text, FULL) == "Jane Doe Jane Acme Sam Lee on Monday loves Rust Ask plainly."


def test_missing_values_get_their_plain_fallback_phrase() -> None:
    filled = fill("Hi {first_name}, about {company}: {referrer} said hello {last_talk}.{last_talk_note}", {})
    assert filled == "Hi there, about your company: a mutual contact said hello recently."


def test_blank_value_counts_as_missing() -> None:
    assert fill("{company}", {"company": "  \n "}) == "your company"


def test_unknown_placeholders_stay_as_written() -> None:
    text = "{0} {nmae} {name.__class__} {name!r} {name:>99} {__import__} {first_name[0]}"
    assert fill(text, FULL) == text


def test_braces_lone_or_doubled() -> None:
    assert (
        fill("{{name}} is literal, { and } alone stay, {name}", FULL)
        == "{name} is literal, { and } alone stay, Jane Doe"
    )
    assert fill("{", FULL) == "{"
    assert fill("}{", FULL) == "}{"
    assert fill("{{{name}}}", FULL) == "{Jane Doe}"


def test_values_are_put_in_as_text_and_never_read_again() -> None:
    hostile = {"name": "{company}", "company": "{{x}} [b]bold[/b] $(rm -rf ~) %s {0}"}
    assert fill("{name} at {company}", hostile) == "{company} at {{x}} [b]bold[/b] $(rm -rf ~) %s {0}"


def test_control_characters_are_dropped_from_template_and_values() -> None:
    values = {"name": "Jane\x1b]52;c;ZXZpbA==\x07 Doe", "last_talk_note": "line one\nline two\r\x9b31m"}
    filled = fill("Hi {name}\x1b[2J\n\t{last_talk_note}\x00", values)
    assert filled == "Hi Jane]52;c;ZXZpbA== Doe[2J\n\tline one line two31m"
    assert not any(ord(char) < 32 and char not in "\n\t" for char in filled)


@given(st.text(), st.dictionaries(st.sampled_from(sorted(PLACEHOLDERS)), st.text()))
def test_filling_never_fails_and_never_leaves_controls(template: str, values: dict[str, str]) -> None:
    filled = fill_message(template, values)
    for part in (filled.subject, filled.body, *filled.notes):
        assert not any((ord(char) < 32 and char not in "\n\t") or 0x7F <= ord(char) <= 0x9F for char in part)


def test_subject_notes_and_body_are_split() -> None:
    template = "# Approach: {motive_hint}\n#\nSubject:  Hello {first_name}\r\n\r\nHi {first_name},\n\nBye\n\n"
    filled = fill_message(template, FULL)
    assert filled.subject == "Hello Jane"
    assert filled.notes == ("Approach: Ask plainly.",)
    assert filled.body == "Hi Jane,\n\nBye\n"
    assert filled.text == "Subject: Hello Jane\n\nHi Jane,\n\nBye\n"


def test_without_a_subject_the_text_is_the_body() -> None:
    filled = split_message("Hi,\nsubject: not the first line\n")
    assert (filled.subject, filled.text) == ("", "Hi,\nsubject: not the first line\n")


def test_summary_line_is_the_subject_else_the_first_line_of_message() -> None:
    assert summary_line("# note\n\nSubject: Thanks {first_name}\n\nHi") == "Thanks {first_name}"
    assert summary_line("\n# note\nHello\x1b[31m there\n") == "Hello[31m there"
    assert summary_line("# only notes\n") == ""


def _talk(days_ago: int, outcome: str | None, note: str = "") -> LogEntry:
    return LogEntry(at=NOW - timedelta(days=days_ago), channel="phone", outcome=outcome, note=note)


def test_last_talk_is_the_latest_touch_that_reached_them() -> None:
    contact = Contact(id="j", name="J", log=[_talk(9, "talked", "old"), _talk(2, "will", "new"), _talk(1, "no-answer")])
    talk = last_talk(contact)
    assert talk is not None
    assert talk.note == "new"
    assert last_talk(Contact(id="j", name="J", log=[_talk(1, "no-answer"), _talk(3, None)])) is None


def test_days_in_words() -> None:
    assert day_in_words(TODAY, TODAY) == "today"
    assert day_in_words(TODAY - timedelta(days=1), TODAY) == "yesterday"
    assert day_in_words(date(2026, 11, 23), TODAY) == "on Monday"
    assert day_in_words(date(2026, 11, 3), TODAY) == "on 3 November"
    assert day_in_words(date(2025, 12, 30), TODAY) == "on 30 December 2025"


def test_first_name_prefers_the_given_name_and_never_fails() -> None:
    assert first_name(Contact(id="x", name="Nguyễn Văn An", given="An")) == "An"
    assert first_name(Contact(id="x", name="  Jane   Doe ")) == "Jane"
    assert first_name(Contact(id="x", name="")) == ""


def test_values_for_a_full_record() -> None:
    contact = Contact(
        id="jane",
        name="Jane Doe",
        company="Acme",
        motives=["searching", "curiosity"],
        log=[_talk(2, "talked", "Wants an intro\nto Bo")],
    )
    values = values_for(contact, "Sam Lee", TODAY)
    assert values == {
        "name": "Jane Doe",
        "first_name": "Jane",
        "company": "Acme",
        "referrer": "Sam Lee",
        "last_talk": "on Monday",
        "last_talk_note": "Wants an intro\nto Bo",
        "motive_hint": "They may be looking too: trade leads and contacts.",
    }
    assert fill("{last_talk_note}", values) == "Wants an intro to Bo"


def test_values_for_an_empty_record_fill_with_fallbacks() -> None:
    values = values_for(Contact(id="x", name="X"), "", TODAY)
    assert fill("{company}|{referrer}|{last_talk}|{last_talk_note}|{motive_hint}", values) == (
        "your company|a mutual contact|recently||"
    )


def test_mailto_percent_encodes_subject_and_body() -> None:
    filled = split_message("Subject: Hi & bye?\n\nLine one\nbcc=x@evil.example&cc=y\n100% ok\n")
    url = mailto("jane@example.com", filled)
    assert url.startswith("mailto:jane@example.com?subject=")
    assert " " not in url
    assert "\n" not in url
    query = urlsplit(url).query
    assert query.count("&") == 1
    fields = parse_qs(query)
    assert fields["subject"] == ["Hi & bye?"]
    assert fields["body"] == ["Line one\r\nbcc=x@evil.example&cc=y\r\n100% ok"]
    assert unquote(urlsplit(url).path) == "jane@example.com"


def test_mailto_without_subject_has_only_the_body() -> None:
    url = mailto("a@b.example", split_message("Hello\n"))
    assert url == "mailto:a@b.example?body=Hello"


def test_at_is_kept_in_a_datetime_value() -> None:
    contact = Contact(
        id="x", name="X", log=[LogEntry(at=datetime(2026, 11, 24, 23, 0, tzinfo=NOW.tzinfo), outcome="talked")]
    )
    assert values_for(contact, "", TODAY)["last_talk"] == "yesterday"


def test_a_note_whose_placeholder_says_nothing_is_left_out() -> None:
    template = "# Approach: {motive_hint}\n# Company: {company}\n# Last: {last_talk_note}\nHi\n"
    assert fill_message(template, {}).notes == ("Company: your company",)
    assert fill_message(template, FULL).notes == ("Approach: Ask plainly.", "Company: Acme", "Last: loves Rust")
    assert fill_message("Hi {motive_hint}!\n", {}).body == "Hi !\n"  # only notes are left out
