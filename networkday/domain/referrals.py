"""Referral chains: who introduced you to whom, and the known way to each hiring manager.

Each contact names at most one ``referred_by``, so the people form a forest whose roots
are the people you met yourself. The known path from you to a hiring manager is their
chain of referrers read from the root down; with one referrer per person it is the only
known path, hence the shortest. Records are hand-edited, so chains may name a missing
person or loop back on themselves: every walk stops at either and says so.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

from networkday.domain.summary import ContactSummary
from networkday.domain.text import fold


@dataclass(frozen=True)
class Chain:
    """The referrers above a contact, nearest first.

    ``missing`` is a referrer id with no contact behind it, where the walk stopped;
    ``cycle`` says the walk stopped because a referrer came round again.
    """

    ids: tuple[str, ...] = ()
    missing: str | None = None
    cycle: bool = False


def chain_up(contacts: Mapping[str, ContactSummary], contact_id: str) -> Chain:
    """Who introduced you to ``contact_id``, who introduced you to them, and so on."""
    seen = {contact_id}
    ids: list[str] = []
    current = contacts.get(contact_id)
    while current is not None and current.referred_by:
        parent = current.referred_by
        if parent in seen:
            return Chain(tuple(ids), cycle=True)
        current = contacts.get(parent)
        if current is None:
            return Chain(tuple(ids), missing=parent)
        seen.add(parent)
        ids.append(parent)
    return Chain(tuple(ids))


@dataclass
class Referrals:
    """The network's referral index, built once in one pass (see ``build_referrals``)."""

    #: contact id -> ids of the people they introduced you to, in name order
    children: dict[str, list[str]] = field(default_factory=dict)
    #: hiring manager id (target companies only) -> path from the root down to them
    paths: dict[str, tuple[str, ...]] = field(default_factory=dict)
    #: contact id -> hiring managers whose path passes through them (a manager lists themself)
    through: dict[str, list[str]] = field(default_factory=dict)

    def down(self, contact_id: str) -> list[str]:
        """Whom this person introduced you to."""
        return self.children.get(contact_id, [])

    def hiring_managers_via(self, contact_id: str) -> list[str]:
        return self.through.get(contact_id, [])

    def on_path(self, contact_id: str) -> bool:
        """A step toward a hiring manager at a target company, or one of them."""
        return contact_id in self.through


def build_referrals(contacts: Mapping[str, ContactSummary], is_target: Callable[[str], bool]) -> Referrals:
    """Children, paths and the through-index for the whole network.

    ``is_target`` says whether a company is a target (``config.is_target``, or a richer test).

    Time is linear in the number of contacts plus the size of the answer (each path's
    length): children are one pass, and each manager's path is one walk up its chain.
    """
    children: dict[str, list[str]] = {}
    for summary in contacts.values():
        if summary.referred_by and summary.referred_by != summary.id:
            children.setdefault(summary.referred_by, []).append(summary.id)
    for ids in children.values():
        if len(ids) > 1:
            ids.sort(key=lambda child: (_name_key(contacts[child].name), child))
    paths: dict[str, tuple[str, ...]] = {}
    through: dict[str, list[str]] = {}
    targets: dict[str, bool] = {}
    for summary in contacts.values():
        if not summary.hiring_manager:
            continue
        target = targets.get(summary.company)
        if target is None:
            target = targets[summary.company] = is_target(summary.company)
        if not target:
            continue
        path = (*reversed(chain_up(contacts, summary.id).ids), summary.id)
        paths[summary.id] = path
        for step in path:
            through.setdefault(step, []).append(summary.id)
    for managers in through.values():
        managers.sort()
    return Referrals(children=children, paths=paths, through=through)


def _name_key(name: str) -> str:
    """Accent-blind order; most names are ASCII and skip the slower Unicode fold."""
    return name.lower() if name.isascii() else fold(name)
