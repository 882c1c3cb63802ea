"""Give before you ask: what you gave a person and what you asked of them, with the balance.

The ledger is read from the history, never kept apart from it, so a hand edit of a
``gave`` or ``asked`` line in the contact file is reflected at once.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from networkday.domain.contact import Contact

GIVE_FIRST = "You have asked more than you have given: offer something first"


@dataclass(frozen=True)
class LedgerEntry:
    """One touch in which something was given, asked, or both."""

    at: datetime
    gave: str
    asked: str


@dataclass(frozen=True)
class Ledger:
    """Entries newest first; counts are touches that gave or asked something."""

    entries: tuple[LedgerEntry, ...] = ()

    @property
    def gave(self) -> int:
        return sum(1 for entry in self.entries if entry.gave)

    @property
    def asked(self) -> int:
        return sum(1 for entry in self.entries if entry.asked)

    @property
    def balance(self) -> int:
        """Gives minus asks: negative means you owe this person."""
        return self.gave - self.asked

    @property
    def asks_exceed_gives(self) -> bool:
        return self.asked > self.gave

    @property
    def suggestion(self) -> str | None:
        """What the detail screen says when the balance is negative; None when it is not."""
        return GIVE_FIRST if self.asks_exceed_gives else None


def ledger_of(contact: Contact) -> Ledger:
    return Ledger(
        tuple(
            LedgerEntry(entry.at, entry.gave.strip(), entry.asked.strip())
            for entry in contact.history()
            if entry.gave.strip() or entry.asked.strip()
        )
    )
