"""``[keys]`` in config.toml judged against the app's bindings, each problem at its line."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from networkday.storage.locate import locate
from networkday.storage.problems import DataProblem


@dataclass(frozen=True)
class JudgedKeys:
    #: What the app gives ``set_keymap``: the entries that leave every action a key.
    keymap: dict[str, str] = field(default_factory=dict)
    #: Entries not applied (unknown id, no key, or another action's only key): ``check`` fails on them.
    refused: tuple[DataProblem, ...] = ()
    #: Entries applied that take a key another action also had; it keeps its others.
    taken: tuple[DataProblem, ...] = ()

    @property
    def problems(self) -> tuple[DataProblem, ...]:
        return (*self.refused, *self.taken)


def judge_keys(path: Path, source: str, wanted: dict[str, str]) -> JudgedKeys:
    """The keymap the app applies, and the problems at their entry's line and column.

    The binding table is read only when ``[keys]`` has entries: most people never remap.
    """
    if not wanted:
        return JudgedKeys()
    from networkday.domain.key_table import binding_groups
    from networkday.domain.keymap_rules import resolve_keymap

    result = resolve_keymap(binding_groups(), wanted)
    located = {
        problem: DataProblem(path, *locate(source, ("keys", problem.binding_id)), f"[keys] {problem.message}")
        for problem in result.problems
    }
    return JudgedKeys(
        result.applied,
        tuple(found for problem, found in located.items() if problem.refused),
        tuple(found for problem, found in located.items() if not problem.refused),
    )
