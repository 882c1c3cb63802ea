"""What ``[keys]`` does to the bindings: the keymap to apply, and what to tell the user.

Textual applies a keymap silently: a key given to one action is taken from whichever other
binding of the same widget or screen held it, even when that was its only key, and an id
that no binding has is ignored. This rule decides first, so nothing is lost unsaid: an
unknown id is reported, a key taken from another action is reported, and a remap that would
leave another action with no key at all is refused (not applied) and reported.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

#: Per class: its bindings as ``(id, key)``; an empty id is a key no ``[keys]`` entry can move.
Groups = Mapping[str, Sequence[tuple[str, str]]]


@dataclass(frozen=True)
class KeyProblem:
    """One ``[keys]`` entry's problem; ``refused``: the entry is not applied."""

    binding_id: str
    message: str
    refused: bool


@dataclass(frozen=True)
class Keymap:
    #: What to give ``App.set_keymap``: id to comma-separated keys.
    applied: dict[str, str] = field(default_factory=dict)
    problems: tuple[KeyProblem, ...] = ()


def split_keys(value: str) -> tuple[str, ...]:
    """``"p, f5"`` as Textual reads it, without the spaces it would keep."""
    return tuple(dict.fromkeys(key.strip() for key in value.split(",") if key.strip()))


def resolve_keymap(groups: Groups, wanted: Mapping[str, str]) -> Keymap:
    """The remaps of ``wanted`` that can be applied, and a problem for each that cannot or takes a key."""
    known = {binding_id for pairs in groups.values() for binding_id, _ in pairs if binding_id}
    problems: list[KeyProblem] = []
    remaps: dict[str, tuple[str, ...]] = {}
    for binding_id, value in wanted.items():
        keys = split_keys(value)
        if binding_id not in known:
            problems.append(KeyProblem(binding_id, f"no action has the id '{binding_id}'; ignored", True))
        elif not keys:
            problems.append(KeyProblem(binding_id, f"'{binding_id}' is given no key; it keeps its own", True))
        else:
            remaps[binding_id] = keys
    while (refusal := _first_refusal(groups, remaps)) is not None:
        problems.append(refusal)
        del remaps[refusal.binding_id]
    problems.extend(_taken_keys(groups, remaps))
    return Keymap({binding_id: ",".join(keys) for binding_id, keys in remaps.items()}, tuple(problems))


def _holders(pairs: Sequence[tuple[str, str]], remaps: Mapping[str, tuple[str, ...]]) -> dict[str, set[str]]:
    """Each holder's keys in one class once ``remaps`` apply; an id-less key is its own holder, ``=key``."""
    holders: dict[str, set[str]] = {}
    for binding_id, key in pairs:
        if not binding_id:
            holders[f"={key}"] = {key}
        else:
            holders.setdefault(binding_id, set()).update(remaps.get(binding_id, (key,)))
    return holders


def _losses(groups: Groups, remaps: Mapping[str, tuple[str, ...]]) -> list[tuple[str, str, str, set[str]]]:
    """``(remapped id, holder, key, what the holder keeps)`` for every key a remap takes, in ``[keys]`` order."""
    found: list[tuple[str, str, str, set[str]]] = []
    for pairs in groups.values():
        holders = _holders(pairs, remaps)
        for binding_id in [b for b in remaps if b in holders]:
            for key in remaps[binding_id]:
                for holder, keys in holders.items():
                    if holder != binding_id and key in keys:
                        taken = {k for other in remaps if other in holders and other != holder for k in remaps[other]}
                        found.append((binding_id, holder, key, keys - taken))
    return found


def _first_refusal(groups: Groups, remaps: Mapping[str, tuple[str, ...]]) -> KeyProblem | None:
    """The first remap that leaves some action with no key, refused; refusing it may save the others."""
    for binding_id, holder, key, kept in _losses(groups, remaps):
        if not kept:
            return KeyProblem(
                binding_id,
                f"'{binding_id}' = '{key}' is refused: '{key}' is the only key of {_name(holder)}",
                True,
            )
    return None


def _taken_keys(groups: Groups, remaps: Mapping[str, tuple[str, ...]]) -> list[KeyProblem]:
    """Applied remaps that take a key another action also had: it keeps its others."""
    said: dict[tuple[str, str, str], KeyProblem] = {}
    for binding_id, holder, key, kept in _losses(groups, remaps):
        left = ", ".join(sorted(kept))
        message = f"'{binding_id}' = '{key}' takes '{key}' from {_name(holder)}, which keeps {left}"
        said.setdefault((binding_id, holder, key), KeyProblem(binding_id, message, False))
    return list(said.values())


def _name(holder: str) -> str:
    return f"Textual's own '{holder[1:]}'" if holder.startswith("=") else f"'{holder}'"
