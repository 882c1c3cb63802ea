"""Job search or helping others: which mode is in force, where that comes from, and what it changes in the settings.

The mode is a choice the app remembers (``mode`` in state.toml, written by ``networkday
mode`` and the palette) over a default the user writes (``[mode] job_search`` in
config.toml). A switch changes what the screens count and suggest, never what is kept:
every record stays as it is, so switching back shows all of it again.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from networkday.domain.settings import Config

JOB_SEARCH = "job-search"
HELPING = "helping"
#: The values of state.toml's ``mode`` and of ``networkday mode``'s argument.
MODES: tuple[str, ...] = (JOB_SEARCH, HELPING)


@dataclass(frozen=True)
class ModeInForce:
    """The mode and where it comes from: ``state.toml``, ``config.toml`` or the default."""

    name: str
    source: str

    @property
    def helping(self) -> bool:
        return self.name == HELPING


def mode_in_force(config: Config, chosen: object) -> ModeInForce:
    """state.toml's choice (``chosen``) wins when it is a mode; else config.toml's, when it says; else job search."""
    if isinstance(chosen, str) and chosen in MODES:
        return ModeInForce(chosen, "state.toml")
    if config.job_search is None:
        return ModeInForce(JOB_SEARCH, "default")
    return ModeInForce(JOB_SEARCH if config.job_search else HELPING, "config.toml")


def for_mode(config: Config, mode: ModeInForce) -> Config:
    """The settings as the mode sees them: in helping mode the journal asks the helping
    prompts and the share goal is ``[goals] helping_share`` (none unless set)."""
    if not mode.helping:
        return config
    return replace(config, networking_share=config.helping.share, prompts=config.helping.prompts)
