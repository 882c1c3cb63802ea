"""Settings from ``config.toml``: every key optional, every default documented here.

The app reads the user's config and never writes it; choices the app must remember
(the theme picked in the palette) go to ``state.toml`` instead.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from networkday.domain.errors import RecordError
from networkday.domain.fields import TableReader
from networkday.domain.helping_settings import HelpingSettings
from networkday.domain.outcome_rules import RetryDays
from networkday.domain.text import normalise_company

DEFAULT_PROMPTS: tuple[str, ...] = (
    "Who did I help today?",
    "Who will help, and how?",
    "What was a no — so what, and who is next?",
    "What will I do first tomorrow?",
)

#: The ways the app can ring when a call's time comes: the bell, a terminal notification, or the toast alone.
ALERTS = ("bell", "osc9", "osc777", "off")
#: ``[call] prompts``: questions the call screen shows, so the talk is mostly listening.
DEFAULT_CALL_PROMPTS: tuple[str, ...] = (
    "What are they working on?",
    "What is hard for them right now?",
    "Whom do they admire?",
    "How can I help?",
)


@dataclass(frozen=True)
class Config:
    #: None: no share goal (the help-others mode's default, ``domain.mode.for_mode``).
    networking_share: float | None = 0.85
    calls_per_day: int = 5
    targets: tuple[str, ...] = ()
    prompts: tuple[str, ...] = DEFAULT_PROMPTS
    theme: str = ""
    keys: dict[str, str] = field(default_factory=dict)
    tag_cadence: dict[str, int] = field(default_factory=dict)
    default_cadence_days: int | None = None
    idle_hours: float = 4.0
    auto_switch: bool = False
    #: ``[queue] retry_days``: the next try after no answer, a message, a no (``domain.outcome_rules``).
    retry: RetryDays = field(default_factory=RetryDays)
    #: ``[import] region``: the country of phone numbers written without ``+`` (``domain.phones``).
    phone_region: str = ""
    #: ``[remind] alert``: how the app rings when a call's time comes (``ALERTS``; docs/REMINDERS.md).
    alert: str = "bell"
    call_prompts: tuple[str, ...] = DEFAULT_CALL_PROMPTS
    #: ``[mode] job_search``: the mode when state.toml has none (``domain.mode``); None when not said.
    job_search: bool | None = None
    #: The help-others mode's goals and prompts (``domain.helping_settings``).
    helping: HelpingSettings = field(default_factory=HelpingSettings)
    #: ``[sync] auto``: the app syncs after a quiet minute with no saves, and on quitting (docs/SYNC.md).
    sync_auto: bool = False

    @classmethod
    def from_dict(cls, table: dict[str, Any]) -> Config:
        r = TableReader(table)
        r.opt_int("format")
        goals = r.table("goals") or TableReader({}, ("goals",))
        share = goals.number("networking_share", 0.85)
        if not 0 <= share <= 1:
            raise RecordError("'networking_share' must be between 0 and 1", ("goals", "networking_share"))
        calls = goals.opt_int("calls_per_day", minimum=0, maximum=200)
        journal = r.table("journal") or TableReader({}, ("journal",))
        prompts = tuple(journal.text_list("prompts")) or DEFAULT_PROMPTS
        ui = r.table("ui") or TableReader({}, ("ui",))
        keys = r.table("keys") or TableReader({}, ("keys",))
        key_map = {name: keys.text(name) for name in keys.data}
        cadence = r.table("cadence") or TableReader({}, ("cadence",))
        default_cadence = cadence.opt_int("default_days", minimum=1, maximum=3650)
        tags_reader = cadence.table("tags") or TableReader({}, ("cadence", "tags"))
        tag_cadence = {
            tag: value
            for tag in tags_reader.data
            if (value := tags_reader.opt_int(tag, minimum=1, maximum=3650)) is not None
        }
        call = r.table("call") or TableReader({}, ("call",))
        call_prompts = tuple(p for p in call.text_list("prompts") if p.strip()) or DEFAULT_CALL_PROMPTS
        timer = r.table("timer") or TableReader({}, ("timer",))
        idle = timer.number("idle_hours", 4.0)
        return cls(
            networking_share=share,
            calls_per_day=5 if calls is None else calls,
            targets=tuple(r.text_list("targets")),
            prompts=prompts,
            theme=ui.text("theme"),
            keys=key_map,
            tag_cadence=tag_cadence,
            default_cadence_days=default_cadence,
            idle_hours=idle,
            auto_switch=timer.flag("auto_switch"),
            retry=RetryDays.from_reader(r.table("queue")),
            phone_region=_region(r.table("import") or TableReader({}, ("import",))),
            alert=(r.table("remind") or TableReader({}, ("remind",))).choice("alert", ALERTS) or "bell",
            call_prompts=call_prompts,
            job_search=_job_search(r.table("mode") or TableReader({}, ("mode",))),
            helping=HelpingSettings.from_readers(goals, journal),
            sync_auto=(r.table("sync") or TableReader({}, ("sync",))).flag("auto"),
        )

    def is_target(self, company: str) -> bool:
        wanted = normalise_company(company)
        return bool(wanted) and any(normalise_company(t) == wanted for t in self.targets)

    def cadence_for(self, cadence_days: int | None, tags: list[str] | tuple[str, ...]) -> int | None:
        """A contact's own cadence wins; else the shortest of its tags'; else the default."""
        if cadence_days:
            return cadence_days
        by_tag = [self.tag_cadence[tag] for tag in tags if tag in self.tag_cadence]
        return min(by_tag) if by_tag else self.default_cadence_days


def _region(imports: TableReader) -> str:
    """Two letters, any case (``"CA"``): a country as ``phonenumbers`` names regions; "" for none."""
    region = imports.text("region").strip().upper()
    if region and not (len(region) == 2 and region.isascii() and region.isalpha()):
        raise RecordError("'region' must be a two-letter country code, such as \"CA\"", ("import", "region"))
    return region


def _job_search(mode: TableReader) -> bool | None:
    """``[mode] job_search`` as written, None when it is not: the mode then comes from state.toml or the default."""
    return mode.flag("job_search") if "job_search" in mode.data else None
