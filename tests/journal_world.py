"""A fixed data set for the journal and review tests, with every figure worked out by hand.

Berlin, Wednesday 2026-11-25 at 21:00 (UTC+1). The week so far:

- Mon 23: no calls, no time; a journal entry rated 2 (a day off that was still written up).
- Tue 24: calls to Jane (talked, 15:00) and Dan (scheduled, 23:30); networking 14:00-16:00
  and 23:00 until 01:00 the next day (one hour on each side of midnight). Rated 3.
  Jane's touch asked for a referral. Figures: 2 of 2 made, gave 0, asked 1, 3h net, 100%.
- Wed 25: calls to Carol (left a message at 00:30, so UTC still says the 24th), Jane (will,
  10:00), Bob (won't, 11:00); Erin planned, not made. Networking 09:00-12:00 and from
  20:00, running at 21:00; other work 13:00-14:00. Rated 4. Carol and Jane were given
  something, Bob was asked. Figures: 3 of 4 made, will 1, won't 1, left-message 1, gave 2,
  asked 1, networking 1+3+1 = 5h against 1h other: 83% (goal 85%, not met).
"""

from __future__ import annotations

from datetime import date, datetime

import pendulum

from networkday.clock import FixedClock
from networkday.domain.contact import Contact, LogEntry
from networkday.domain.day import Answer, Call, Day, Journal, TimeSession
from networkday.storage.store import Store

BERLIN = pendulum.timezone("Europe/Berlin")
NOW = datetime(2026, 11, 25, 21, 0, tzinfo=BERLIN)
MON, TUE, WED = date(2026, 11, 23), date(2026, 11, 24), date(2026, 11, 25)
HOUR = 3600.0


def at(day: date, hour: int, minute: int = 0) -> datetime:
    return datetime(day.year, day.month, day.day, hour, minute, tzinfo=BERLIN)


def _contact(store: Store, name: str, *entries: LogEntry) -> str:
    return store.add_contact(Contact(id="", name=name, log=list(entries))).id


def build_world(store: Store) -> None:
    """Writes the data set through the store, as the app would."""
    _contact(
        store,
        "Jane Doe",
        LogEntry(at(TUE, 15), "email", "talked", asked="a referral to the platform team"),
        LogEntry(at(WED, 10), "phone", "will", gave="an intro to Sam"),
    )
    _contact(store, "Bob Stone", LogEntry(at(WED, 11), "phone", "wont", asked="a coffee"))
    _contact(store, "Carol Zoë", LogEntry(at(WED, 0, 30), "phone", "left-message", gave="the article"))
    _contact(store, "Dan Early", LogEntry(at(TUE, 23, 30), "video", "scheduled"))
    _contact(store, "Erin Planned")

    def monday(day: Day) -> None:
        day.journal = Journal(rating=2, answers=[Answer("Who did I help today?", "Nobody: a quiet day.")])

    def tuesday(day: Day) -> None:
        day.calls = [
            Call("jane-doe", "email", outcome="talked", at=at(TUE, 15)),
            Call("dan-early", "video", outcome="scheduled", at=at(TUE, 23, 30)),
        ]
        day.time = [
            TimeSession("networking", at(TUE, 14), at(TUE, 16)),
            TimeSession("networking", at(TUE, 23), at(WED, 1)),
        ]
        day.journal = Journal(rating=3, answers=[Answer("What will I do first tomorrow?", "Call Jane back.")])

    def wednesday(day: Day) -> None:
        day.calls = [
            Call("carol-zoe", outcome="left-message", at=at(WED, 0, 30)),
            Call("jane-doe", outcome="will", at=at(WED, 10)),
            Call("bob-stone", outcome="wont", at=at(WED, 11)),
            Call("erin-planned", purpose="ask about the team"),
        ]
        day.time = [
            TimeSession("networking", at(WED, 9), at(WED, 12)),
            TimeSession("other", at(WED, 13), at(WED, 14)),
            TimeSession("networking", at(WED, 20)),
        ]
        day.journal = Journal(
            rating=4,
            answers=[
                Answer("Who did I help today?", "Jane: an intro to Sam.\nCarol: the article on café culture."),
                Answer("What was a no — so what, and who is next?", "Bob said no. So what — next!"),
            ],
        )

    store.update_day(MON, monday)
    store.update_day(TUE, tuesday)
    store.update_day(WED, wednesday)


def world_store(root) -> Store:
    store = Store.open(root, FixedClock(NOW))
    build_world(store)
    return store
