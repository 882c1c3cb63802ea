"""Notification lines built from names the user typed: each name folded onto one line."""

from __future__ import annotations

from typing import TYPE_CHECKING

from networkday.domain.text import shown_line

if TYPE_CHECKING:  # log_details, on Today's path, needs no company service to say a call is planned
    from networkday.services.companies import Placed


def moved_notice(placed: Placed, asked: str) -> str:
    """What the file holds after a move: a step dated before a later one is history and
    leaves the stage as it was, so the notice names the stage kept, not the one asked for."""
    role, name, stage = shown_line(placed.opportunity.role), shown_line(placed.company.name), placed.opportunity.stage
    if stage == asked:
        return f"{role} at {name}: {stage}."
    return f"{role} at {name}: still {stage}; the {asked} step is dated before a later step."


def planned_notice(name: str, when: str) -> str:
    """``Call with Ada Lovelace planned tomorrow.``: a name from a file may hold a newline."""
    return f"Call with {shown_line(name)} planned {when}."
