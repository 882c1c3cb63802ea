"""Changes to a day's plan, each saved to the day file as it is on disk now; the Today screen and the list call them."""

from __future__ import annotations

from datetime import date

from networkday.domain import plan
from networkday.domain.day import Call, Day
from networkday.domain.queue import QueueItem
from networkday.storage.problems import StoreError
from networkday.storage.store import Store


def open_call(store: Store, day: date, contact_id: str) -> Call | None:
    """The person's call still to make on ``day``, if one is planned (its channel and purpose
    go with the call screen); None when there is none or the day file cannot be read."""
    try:
        call = store.day(day).call_for(contact_id)
    except StoreError:
        return None
    return call if call is not None and not call.made else None


def plan_call(store: Store, day: date, contact_id: str) -> bool:
    """Puts the person on the day's calls; False when they were on them already."""
    added: list[bool] = []

    def change(record: Day) -> None:
        added[:] = [record.call_for(contact_id) is None]  # the store may run it again on a fresh read
        plan.add_person(record, contact_id)

    store.update_day(day, change)
    return added[0]


def accept_row(store: Store, day: date, item: QueueItem) -> None:
    """Makes a suggested, follow-up or cadence row a planned call of the day."""
    store.update_day(day, lambda record: plan.accept(record, item))


def remove_row(store: Store, day: date, contact_id: str) -> None:
    """Takes a planned call off the day, or dismisses any other row for that day only."""
    store.update_day(day, lambda record: plan.remove(record, contact_id))


def move_row(store: Store, day: date, item: QueueItem, offset: int) -> None:
    """Plans the row if it is not yet, then moves it up (-1) or down (+1) among the planned calls."""

    def change(record: Day) -> None:
        plan.accept(record, item)
        plan.move(record, item.contact_id, offset)

    store.update_day(day, change)


def set_row_channel(store: Store, day: date, item: QueueItem, channel: str) -> None:
    store.update_day(day, lambda record: plan.set_channel(record, item, channel))


def set_row_purpose(store: Store, day: date, item: QueueItem, purpose: str) -> None:
    store.update_day(day, lambda record: plan.set_purpose(record, item, purpose))
