"""The journal as text: sections of an entry, Markdown for reading, and full-text search.

An entry shows the configured prompts first, in config order, then any other answer the
day file holds (a prompt since removed from config, or added by hand), so no answer is
ever hidden. Markdown here is for reading and export; the exact text stays in the day
files, and the editor layout in :mod:`networkday.domain.journal_edit` round-trips it.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from itertools import accumulate

from networkday.domain.day import Answer, Journal
from networkday.domain.figures import DayFigures
from networkday.domain.markdown_text import escape_inline, escape_markdown
from networkday.domain.pipeline import moves_line
from networkday.domain.text import fold, strip_controls
from networkday.domain.timer import format_duration, goal_percent, percent
from networkday.domain.wording import outcome_text

SNIPPET_WIDTH = 80


def sections(journal: Journal, prompts: Sequence[str]) -> list[tuple[str, Answer | None]]:
    """(prompt, answer or None) in display order: configured prompts, then the others.

    Each answer appears once. A prompt that occurs twice (a hand edit) takes the
    answers with that prompt in file order, the second one listed among the others.
    """
    unused = list(journal.answers)
    out: list[tuple[str, Answer | None]] = []
    for prompt in prompts:
        found = next((a for a in unused if a.prompt == prompt), None)
        if found is not None:
            unused.remove(found)
        out.append((prompt, found))
    out.extend((answer.prompt, answer) for answer in unused)
    return out


def outcomes_line(figures: DayFigures) -> str:
    """``Outcomes: will help 3, won't help 1, left a message 2``: the one wording of the journal
    screen, ``networkday journal`` and the editor; the raw values stay in the files and JSON."""
    return "Outcomes: " + (", ".join(f"{outcome_text(o)} {n}" for o, n in figures.outcomes) or "none yet")


def figure_lines(figures: DayFigures, *, ascii: bool = False) -> list[str]:
    """The day's figures as short lines of text, for the entry's header; ``ascii`` for an
    output that cannot carry "→" (``moves_line``'s arrow becomes "->", as ``review``'s does,
    and its "·" a semicolon)."""
    goals = figures.goals
    if figures.share is None:
        time = "no time tracked"
    else:
        time = (
            f"{format_duration(figures.networking)} of {format_duration(figures.networking + figures.other)}, "
            f"{percent(figures.share)} (goal {goal_percent(goals.networking_share)})"
        )
    people = ", ".join(f"{escape_inline(one_line_safe(p.name))} ({p.id})" for p in figures.people) or "nobody yet"
    calls = f"Calls: {figures.made} made of {figures.planned} planned (goal {goals.calls_per_day})"
    gave = f"Gave {figures.gave}, asked {figures.asked}"
    if goals.gives_per_week is not None:  # helping: the gives lead, and calls have no goal
        calls = f"Calls: {figures.made} made of {figures.planned} planned"
        gave = f"Gave {figures.gave} (goal {goals.gives_per_week} a week), asked {figures.asked}"
    lines = [
        calls,
        outcomes_line(figures),
        gave + (f", glad you called {figures.glad}" if figures.glad else ""),
        f"Networking: {time}",
        f"People: {people}",
    ]
    if figures.moves:  # only then: a search without company files reads as before
        arrow, between = (" -> ", "; ") if ascii else (" → ", " · ")
        lines.append(moves_line(figures.moves, arrow, lambda words: escape_inline(one_line_safe(words)), between))
    return lines


def one_line_safe(text: str) -> str:
    return " ".join(strip_controls(text).split())


def render_markdown(
    day: date,
    journal: Journal,
    prompts: Sequence[str],
    figures: DayFigures | None = None,
    *,
    level: int = 1,
    ascii: bool = False,
) -> str:
    """An entry as Markdown: a dated title, the rating, the figures, then one heading per answer.

    ``level`` is the title's heading level (prompts sit one below), so an export can nest
    entries under its own title. Control characters (all but newline and tab) are
    dropped, since this text goes to terminals and viewers, and the user's text is escaped
    (see :mod:`networkday.domain.markdown_text`), so the outline is only the app's and no
    link, image or HTML comes from it; unanswered prompts are left out. ``ascii`` as for
    ``figure_lines``.
    """
    lines = [f"{'#' * level} {day.isoformat()} {day.strftime('%A')}", ""]
    lines.append(f"Rating: {journal.rating}/5" if journal.rating is not None else "Rating: none")
    lines.append("")
    if figures is not None:
        lines.extend(f"- {line}" for line in figure_lines(figures, ascii=ascii))
        lines.append("")
    written = [
        (prompt, answer.text)
        for prompt, answer in sections(journal, prompts)
        if answer is not None and answer.text.strip()
    ]
    for prompt, text in written:
        body = escape_markdown(strip_controls(text)).rstrip("\n")
        lines.extend([f"{'#' * (level + 1)} {escape_inline(one_line_safe(prompt))}", "", body, ""])
    if not written:
        lines.extend(["_No reflection written._", ""])
    return "\n".join(lines)


def export_markdown(entries: Iterable[tuple[date, Journal, DayFigures | None]], prompts: Sequence[str]) -> str:
    """The whole journal as one document, oldest entry first; empty entries are skipped."""
    parts = ["# Journal", ""]
    kept = sorted((e for e in entries if not e[1].empty), key=lambda e: e[0])
    parts.extend(render_markdown(day, journal, prompts, figures, level=2) for day, journal, figures in kept)
    if not kept:
        parts.append("_No entries yet._\n")
    return "\n".join(parts)


@dataclass(frozen=True, slots=True)
class Hit:
    """A match: the day, the prompt, one line of context and where the match sits in it."""

    date: date
    prompt: str
    snippet: str
    start: int
    end: int


class Query:
    """A search query: every word must occur in the same answer, ignoring case and accents."""

    def __init__(self, text: str) -> None:
        self.words = [folded for folded in (fold(word) for word in text.split()) if folded]

    def __bool__(self) -> bool:
        return bool(self.words)

    def match(self, day: date, prompt: str, text: str) -> Hit | None:
        folded = _fold_fast(text)
        if not all(word in folded for word in self.words):
            return None
        return _snippet(day, prompt, text, folded, self.words[0])


def _fold_fast(text: str) -> str:
    # ASCII folds to its lower case; skipping the per-character Unicode work is what
    # keeps a search across years of entries well under a second.
    return text.lower() if text.isascii() else fold(text)


def _original_span(text: str, at: int, length: int) -> tuple[int, int]:
    """Where ``fold(text)[at:at + length]`` came from: folding changes lengths (ß to ss, e + accent to e)."""
    reached = list(accumulate(1 if char.isascii() else len(fold(char)) for char in text))
    start = bisect_right(reached, at)
    end = bisect_left(reached, at + length) + 1
    while end < len(text) and reached[end] == reached[end - 1]:  # keep accents that fold to nothing
        end += 1
    return start, end


def _snippet(day: date, prompt: str, text: str, folded: str, word: str) -> Hit:
    """The line of the first match, cut to SNIPPET_WIDTH around it, controls shown as spaces."""
    start, end = _original_span(text, folded.find(word), len(word))
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line_end = len(text) if line_end < 0 else line_end
    left = max(line_start, min(start - (SNIPPET_WIDTH - (end - start)) // 2, line_end - SNIPPET_WIDTH))
    right = min(line_end, left + max(SNIPPET_WIDTH, end - start))
    piece = "".join(" " if c == "\t" or strip_controls(c) == "" else c for c in text[left:right])
    prefix = "…" if left > line_start else ""
    suffix = "…" if right < line_end else ""
    return Hit(day, prompt, prefix + piece + suffix, start - left + len(prefix), end - left + len(prefix))


def search(entries: Iterable[tuple[date, Journal]], query: str, limit: int | None = None) -> list[Hit]:
    """Every answer matching ``query``, newest day first; an empty query finds nothing."""
    wanted = Query(query)
    if not wanted:
        return []
    hits: list[Hit] = []
    for day, journal in sorted(entries, key=lambda e: e[0], reverse=True):
        for answer in journal.answers:
            hit = wanted.match(day, answer.prompt, answer.text)
            if hit is not None:
                hits.append(hit)
                if limit is not None and len(hits) >= limit:
                    return hits
    return hits
