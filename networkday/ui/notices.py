"""Notification lines built from names the user typed: each name folded onto one line."""

from __future__ import annotations

from networkday.domain.text import shown_line
from networkday.services.companies import Placed


def moved_notice(placed: Placed, asked: str) -> str:
    """What the file holds after a move: a step dated before a later one is history and
    leaves the stage as it was, so the notice names the stage kept, not the one asked for."""
    role, name, stage = shown_line(placed.opportunity.role), shown_line(placed.company.name), placed.opportunity.stage
    if stage == asked:
        return f"{role} at {name}: {stage}."
    return f"{role} at {name}: still {stage}; the {asked} step is dated before a later step."
