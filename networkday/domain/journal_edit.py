"""The text layout of a journal entry opened in ``$EDITOR``, and reading it back exactly.

The layout (docs/JOURNAL.md shows an example)::

    # Journal 2026-11-25 Wednesday
    <!-- how to edit: ... -->
    > Calls: 3 made of 5 planned (goal 5)      figures: for reading, ignored when read back
    Rating: 4                                  1 to 5, or nothing after the colon for none

    ## Who did I help today?
    the answer, every line exactly as typed
                                               one blank line, the separator
    ## Who will help, and how?
    ...

Rules, so that any text round-trips byte for byte:

- Lines are split on ``\\n`` only; ``\\r`` and other characters stay inside their line.
- A *heading* is a line that is ``##`` or starts with ``## ``; the prompt is the rest of
  the line after ``## ``, with ``\\\\``, ``\\n`` and ``\\r`` as escapes for a backslash, a
  newline and a carriage return (any other backslash is literal).
- An *answer* is every line after its heading up to the next heading or the end of the
  file, minus exactly one trailing blank line (the separator) when there is one. An
  empty answer is written as its heading and the separator alone.
- An answer line that would read as a heading, even behind backslashes (``## x``,
  ``\\## x``), is written with one more ``\\`` in front, and one is removed when read.
- Above the first heading only the title (``# ...``), comments (``<!-- ... -->``),
  figures (``> ...``), blank lines and the ``Rating:`` line may appear; any other text
  there is refused rather than silently dropped.
- A heading you add becomes a new answer; a heading you delete empties that answer.
"""

from __future__ import annotations

import copy
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from enum import Enum

from networkday.domain.day import Answer, Journal
from networkday.domain.figures import DayFigures
from networkday.domain.journal import figure_lines, sections

_HEADING_LIKE = re.compile(r"^##(?: |$)")
_RATING = re.compile(r"^rating:(.*)$", re.IGNORECASE)
_RATING_VALUE = re.compile(r"^([1-5])(?:\s*/\s*5)?$")
_PROMPT_ESCAPE = re.compile(r"\\(\\|n|r)")
_UNESCAPE = {"\\": "\\", "n": "\n", "r": "\r"}

HELP = (
    "<!-- networkday journal. Write each answer under its '## ' heading; a blank line before the\n"
    "next heading separates them. Rating: 1 to 5, or leave it empty. Lines starting with '>' are the\n"
    "day's figures and are not saved. Save and quit to keep the entry; quit without saving to leave it. -->"
)


class EntryTextError(ValueError):
    """The edited text cannot be read back; ``line`` is 1-based."""

    def __init__(self, line: int, message: str) -> None:
        super().__init__(f"line {line}: {message}")
        self.line = line


class KeepRating(Enum):
    """A marker that None (no rating) cannot be; an enum member, so types can name it and ``is`` narrows it."""

    KEEP_RATING = "keep rating"


#: The rating line was removed: keep the rating as it was.
KEEP_RATING = KeepRating.KEEP_RATING


@dataclass(frozen=True)
class EditedEntry:
    """What the edited text says: the rating (or KEEP_RATING) and (prompt, text) in file order."""

    rating: int | KeepRating | None
    answers: tuple[tuple[str, str], ...]


def _is_heading(line: str) -> bool:
    return bool(_HEADING_LIKE.match(line))


def escape_prompt(prompt: str) -> str:
    return prompt.replace("\\", "\\\\").replace("\n", "\\n").replace("\r", "\\r")


def unescape_prompt(text: str) -> str:
    return _PROMPT_ESCAPE.sub(lambda m: _UNESCAPE[m.group(1)], text)


def _escape_line(line: str) -> str:
    return "\\" + line if _is_heading(line.lstrip("\\")) else line


def _unescape_line(line: str) -> str:
    return line[1:] if line.startswith("\\") and _is_heading(line.lstrip("\\")) else line


def to_editor_text(day: date, journal: Journal, prompts: Sequence[str], figures: DayFigures | None = None) -> str:
    """The entry laid out for editing; :func:`parse_editor_text` reads it back exactly."""
    lines = [f"# Journal {day.isoformat()} {day.strftime('%A')}", HELP, ""]
    if figures is not None:
        lines.extend(f"> {' '.join(line.split())}" for line in figure_lines(figures))
        lines.append("")
    lines.append("Rating:" if journal.rating is None else f"Rating: {journal.rating}")
    lines.append("")
    for prompt, answer in sections(journal, prompts):
        lines.append(f"## {escape_prompt(prompt)}")
        text = answer.text if answer else ""
        if text:  # an empty answer is the heading and the separator: type on the blank line
            lines.extend(_escape_line(line) for line in text.split("\n"))
        lines.append("")
    return "\n".join(lines) + "\n"


def parse_editor_text(text: str) -> EditedEntry:
    """Reads the layout back; raises EntryTextError naming the line of anything it cannot place."""
    lines = text.removeprefix("\ufeff").split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    rating: int | KeepRating | None = KEEP_RATING
    answers: list[tuple[str, str]] = []
    current: list[str] | None = None
    prompt = ""
    in_comment = False

    def close() -> None:
        if current is not None:
            body = current[:-1] if current and current[-1] == "" else current
            answers.append((prompt, "\n".join(_unescape_line(line) for line in body)))

    for number, line in enumerate(lines, start=1):
        if _is_heading(line):
            close()
            prompt, current = unescape_prompt(line[3:]), []
        elif current is not None:
            current.append(line)
        elif in_comment or line.startswith("<!--"):
            in_comment = not line.rstrip().endswith("-->")
        elif (rated := _RATING.match(line.strip())) is not None:
            rating = _read_rating(number, rated.group(1).strip())
        elif line.strip() and not line.startswith(("# ", ">")):
            raise EntryTextError(number, "text above the first '## ' heading belongs to no answer; move it under one")
    close()
    return EditedEntry(rating, tuple(answers))


def _read_rating(number: int, value: str) -> int | None:
    if not value:
        return None
    match = _RATING_VALUE.match(value)
    if match is None:
        raise EntryTextError(number, f"the rating must be 1 to 5 or empty, not {value!r}")
    return int(match.group(1))


def apply_edit(base: Journal, edited: EditedEntry) -> Journal:
    """``base`` with the edited rating and answers; extra keys and answer order are kept.

    Each edited answer takes the next answer of ``base`` with the same prompt, in order.
    One with no counterpart is added unless it is empty, so the empty headings of the
    layout do not create answers; an answer whose heading was deleted becomes empty.
    """
    result = copy.deepcopy(base)
    if edited.rating is not KEEP_RATING:
        result.rating = edited.rating
    unused = list(result.answers)
    for prompt, text in edited.answers:
        match = next((a for a in unused if a.prompt == prompt), None)
        if match is not None:
            unused.remove(match)
            match.text = text
        elif text:
            result.answers.append(Answer(prompt, text))
    for answer in unused:
        answer.text = ""
    return result
