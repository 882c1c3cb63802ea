"""The fixed vocabularies of format v1.

They live in one place so that validation, the CLI's choices, the UI's keys and the
documentation cannot drift apart.
"""

from __future__ import annotations

CHANNELS: tuple[str, ...] = ("phone", "email", "video", "in-person", "coffee", "lunch", "message", "other")

OUTCOMES: tuple[str, ...] = ("will", "wont", "no-answer", "left-message", "talked", "scheduled")

OUTCOME_LABELS: dict[str, str] = {
    "will": "will help",
    "wont": "won't help",
    "no-answer": "no answer",
    "left-message": "left a message",
    "talked": "talked",
    "scheduled": "scheduled",
}

#: Outcomes that mean the person was actually reached (used for "contacted" figures).
REACHED: frozenset[str] = frozenset({"will", "wont", "talked", "scheduled"})

#: Why people help, each with a one-line hint on how to approach them.
MOTIVES: dict[str, str] = {
    "generosity": "Ask plainly and thank them well; they like to give.",
    "empathy": "Share your situation honestly; they have been there.",
    "curiosity": "Bring an interesting question or idea to talk about.",
    "referrer": "Mention who sent you; they help for that person's sake.",
    "recognition": "Tell them why their view matters to you; they like to feel valued.",
    "learning": "Offer what you know in return; they want to learn too.",
    "searching": "They may be looking too: trade leads and contacts.",
}

TIMER_KINDS: tuple[str, ...] = ("networking", "other")

FORMAT_VERSION = 1
