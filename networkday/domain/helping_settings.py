"""The help-others mode's settings from config.toml: its weekly goal, its share goal and its journal prompts."""

from __future__ import annotations

from dataclasses import dataclass

from networkday.domain.errors import RecordError
from networkday.domain.fields import TableReader

#: The journal's questions when you are helping others rather than searching.
DEFAULT_HELPING_PROMPTS: tuple[str, ...] = (
    "Whom did I help today, and how?",
    "Who is searching, and what could I offer them?",
    "Whom could I introduce to whom?",
    "What did someone ask of me that I still owe?",
)

#: ``[goals] gives_per_week`` when config.toml does not say.
DEFAULT_GIVES_PER_WEEK = 3


@dataclass(frozen=True)
class HelpingSettings:
    """What changes when networkday is the employed person's habit (``[mode] job_search = false``).

    ``share`` is None unless ``[goals] helping_share`` sets one: someone in a job has no
    share of the day to spend networking, so the timer shows time without a goal.
    """

    gives_per_week: int = DEFAULT_GIVES_PER_WEEK
    share: float | None = None
    prompts: tuple[str, ...] = DEFAULT_HELPING_PROMPTS

    @classmethod
    def from_readers(cls, goals: TableReader, journal: TableReader) -> HelpingSettings:
        gives = goals.opt_int("gives_per_week", minimum=0, maximum=100)
        share = goals.number("helping_share", 0.0) if "helping_share" in goals.data else None
        if share is not None and not 0 <= share <= 1:
            raise RecordError("'helping_share' must be between 0 and 1", ("goals", "helping_share"))
        return cls(
            gives_per_week=DEFAULT_GIVES_PER_WEEK if gives is None else gives,
            share=share,
            prompts=tuple(journal.text_list("helping_prompts")) or DEFAULT_HELPING_PROMPTS,
        )
