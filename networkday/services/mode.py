"""The mode in force (job search or helping others) and switching it: the calls the app and `networkday mode` share."""

from __future__ import annotations

from networkday.domain.mode import ModeInForce, for_mode, mode_in_force
from networkday.domain.settings import Config
from networkday.storage.store import Store


def current_mode(store: Store) -> ModeInForce:
    """state.toml's ``mode`` over config.toml's ``[mode] job_search`` (``domain.mode.mode_in_force``).

    A damaged state.toml is in ``store.problems`` and reads as no choice, so config.toml decides.
    """
    return mode_in_force(store.config, store.state().get("mode"))


def settings(store: Store) -> Config:
    """The settings as the mode in force sees them: its journal prompts and share goal."""
    return for_mode(store.config, current_mode(store))


def switch_mode(store: Store, name: str) -> ModeInForce:
    """Remembers ``name`` in state.toml (never config.toml) and returns the mode now in force.

    Nothing else is written: every record stays as it is, whichever mode shows it.
    """
    store.update_state(mode=name)
    return current_mode(store)
