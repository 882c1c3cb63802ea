"""A data folder at the largest size a real user reaches, the same for the same seed.

    python bench/make_data.py --seed 1 --out /tmp/big            # 30,000 contacts, three years
    python bench/make_data.py --seed 1 --out /tmp/small --contacts 500 --days 60

The folder holds what years of real use leave behind:
- contacts as a LinkedIn import leaves them (name, company, title, a profile link, now and
  then an email, the date you connected, no history);
- ``--active`` people (500) worked with for real: 5 to 40 touches each, with what was given
  and asked, motives, tags, follow-ups around today, and referral chains that end at
  hiring managers at the target companies of ``config.toml``;
- a day file for nearly every working day of ``--days`` (three years): the calls made, each
  one the same touch (time, channel, outcome) as in that person's history, the timer's
  sessions and the evening's journal; today holds the day's plan, not yet called.

Files are written with the project's codec, so they are format v1 as the store writes
them, but directly and without fsync: this is benchmark data. The store is then opened
once to build its index cache. Everything outside ``.networkday/`` (the machine-local
cache) is byte-identical for the same seed and options. (For a LinkedIn export to
import, see bench/make_linkedin.py.)
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import time
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from bench.network_data import COMPANIES, FIRST, LAST, NOTE_WORDS, TARGETS, TITLES  # noqa: E402
from networkday.clock import FixedClock  # noqa: E402
from networkday.domain.contact import Contact, LogEntry  # noqa: E402
from networkday.domain.day import Answer, Call, Day, Journal, TimeSession  # noqa: E402
from networkday.domain.settings import DEFAULT_PROMPTS  # noqa: E402
from networkday.domain.text import slugify  # noqa: E402
from networkday.domain.vocab import MOTIVES  # noqa: E402
from networkday.storage.codec import dumps  # noqa: E402
from networkday.storage.store import Store  # noqa: E402

TZ = ZoneInfo("Europe/Berlin")
DEFAULT_TODAY = date(2026, 11, 25)
ACTIVE_TAGS = ("mentor", "recruiter", "former-colleague", "job-seeker", "alumni", "python", "meetup", "friend")
TAG_CADENCE = {"job-seeker": 7, "mentor": 14, "recruiter": 21, "former-colleague": 30}
#: Channels of a call planned on a day; emails and messages live only in the history.
CALL_CHANNELS = ("phone", "video", "coffee", "lunch", "in-person")
OTHER_CHANNELS = ("email", "message", "email", "message", "other")
OUTCOME_WEIGHTS = {"will": 4, "wont": 2, "no-answer": 3, "left-message": 2, "talked": 5, "scheduled": 2}
GIVES = ("an intro to a designer", "the article on hiring loops", "feedback on their deck", "a lead at a fintech")
ASKS = ("an intro to the hiring manager", "a look at my CV", "who else to talk to", "a referral for the role")
PURPOSES = ("catch up", "ask for an intro", "thank them", "share the five targets", "follow up on the referral")


@dataclass
class Plan:
    """What is being generated; ``today`` is the last day with a file (its plan not yet called)."""

    seed: int
    contacts: int
    active: int
    days: int
    today: date
    rng: random.Random = field(init=False)

    def __post_init__(self) -> None:
        self.rng = random.Random(self.seed)

    @property
    def first_day(self) -> date:
        return self.today - timedelta(days=self.days - 1)


@dataclass(frozen=True)
class Connection:
    first: str
    last: str
    company: str
    title: str
    url: str
    email: str
    connected: date


def connection(rng: random.Random, number: int, today: date) -> Connection:
    """One row of a LinkedIn export: names in many scripts, an email for about one in five."""
    first, last = rng.choice(FIRST), rng.choice(LAST)
    handle = f"{slugify(f'{first} {last}')}-{number:x}"
    return Connection(
        first=first,
        last=last,
        company=rng.choice(COMPANIES + TARGETS),
        title=rng.choice(TITLES),
        url=f"https://www.linkedin.com/in/{handle}",
        email=f"{handle}@example.com" if rng.random() < 0.2 else "",
        connected=today - timedelta(days=rng.randrange(30, 12 * 365)),
    )


def imported_contact(person: Connection) -> Contact:
    return Contact(
        id="",
        name=f"{person.first} {person.last}",
        company=person.company,
        title=person.title,
        email=[person.email] if person.email else [],
        links=[person.url],
        connected=person.connected,
    )


def words(rng: random.Random, low: int, high: int) -> str:
    return " ".join(rng.choices(NOTE_WORDS, k=rng.randint(low, high)))


def active_contact(plan: Plan, number: int) -> Contact:
    rng = plan.rng
    person = connection(rng, number, plan.today)
    at_target = rng.random() < 0.4
    contact = imported_contact(person) if rng.random() < 0.5 else Contact(id="", name=f"{person.first} {person.last}")
    contact.company = rng.choice(TARGETS) if at_target else person.company
    contact.title = person.title
    contact.email = [person.email or f"{slugify(contact.name)}.{number}@example.org"]
    contact.phone = [f"+49 30 {rng.randrange(1000000, 9999999)}"] if rng.random() < 0.6 else []
    contact.tags = sorted(rng.sample(ACTIVE_TAGS, rng.randint(0, 3)))
    contact.motives = sorted(rng.sample(sorted(MOTIVES), rng.randint(0, 2)))
    contact.met = rng.choice(("", "PyCon 2024", "alumni dinner", "former team", "a recruiter's intro"))
    contact.cadence_days = rng.choice((14, 30, 60)) if rng.random() < 0.1 else None
    contact.notes = words(rng, 0, 60)
    return contact


def referral_chains(plan: Plan, active: list[Contact]) -> None:
    """Hiring managers at target companies, each reached through one to three introductions."""
    rng = plan.rng
    at_targets = [contact for contact in active if contact.company in TARGETS]
    managers = at_targets[: max(1, len(at_targets) // 6)]
    chosen = {contact.id for contact in managers}
    free = [contact for contact in active if contact.id not in chosen]
    rng.shuffle(free)
    for manager in managers:
        manager.hiring_manager = True
        manager.title = rng.choice(("Engineering Manager", "Head of Product", "Director of Data", "VP Engineering"))
        link = manager
        for _ in range(rng.randint(1, 3)):
            if not free:
                return
            introducer = free.pop()
            link.referred_by = introducer.id
            link = introducer
    by_id = {contact.id: contact for contact in active}
    for contact in free[: len(free) // 5]:
        referrer: Contact | None = rng.choice(active)
        chain = []
        while referrer is not None and referrer is not contact:
            chain.append(referrer)
            referrer = by_id.get(referrer.referred_by or "")
        if referrer is None:  # no loop: the referrer's own chain never comes back here
            contact.referred_by = chain[0].id


def working_days(plan: Plan) -> list[date]:
    """Weekdays, a few skipped (holidays, sick days), and one weekend day in eight."""
    rng = plan.rng
    days = []
    for offset in range(plan.days):
        day = plan.first_day + timedelta(days=offset)
        weekday = day.weekday() < 5
        if day == plan.today or (weekday and rng.random() < 0.93) or (not weekday and rng.random() < 0.12):
            days.append(day)
    return days


def histories(plan: Plan, active: list[Contact], workdays: list[date]) -> dict[date, list[tuple[Contact, LogEntry]]]:
    """5 to 40 touches per person on past working days; returns the calls of each day."""
    rng = plan.rng
    past = [day for day in workdays if day < plan.today] or [plan.today - timedelta(days=1)]
    calls: dict[date, list[tuple[Contact, LogEntry]]] = {}
    outcomes, weights = list(OUTCOME_WEIGHTS), list(OUTCOME_WEIGHTS.values())
    for contact in active:
        for _ in range(rng.randint(5, 40)):
            day = rng.choice(past)
            at = datetime(day.year, day.month, day.day, rng.randint(9, 17), rng.randrange(0, 60, 5), tzinfo=TZ)
            is_call = rng.random() < 0.6
            entry = LogEntry(
                at=at,
                channel=rng.choice(CALL_CHANNELS if is_call else OTHER_CHANNELS),
                outcome=rng.choices(outcomes, weights)[0] if is_call or rng.random() < 0.3 else None,
                gave=rng.choice(GIVES) if rng.random() < 0.3 else "",
                asked=rng.choice(ASKS) if rng.random() < 0.25 else "",
                note=words(rng, 3, 25) if rng.random() < 0.5 else "",
            )
            contact.log.append(entry)
            if is_call:
                calls.setdefault(day, []).append((contact, entry))
        contact.log.sort(key=lambda entry: entry.at)
    return calls


def follow_ups(plan: Plan, active: list[Contact]) -> None:
    for contact in active:
        if plan.rng.random() < 0.25:
            contact.follow_up = plan.today + timedelta(days=plan.rng.randint(-10, 30))


def sessions(rng: random.Random, day: date) -> list[TimeSession]:
    """Networking and other work taking turns from about nine; never overlapping."""
    start = datetime(day.year, day.month, day.day, 8, rng.randrange(30, 60, 5), tzinfo=TZ)
    out = []
    for turn in range(rng.randint(2, 6)):
        end = start + timedelta(minutes=rng.randrange(30, 150, 5))
        out.append(TimeSession("networking" if turn % 2 == 0 or rng.random() < 0.3 else "other", start, end))
        start = end + timedelta(minutes=rng.randrange(0, 45, 5))
    return out


def day_record(plan: Plan, day: date, made: list[tuple[Contact, LogEntry]], active: list[Contact]) -> Day:
    rng = plan.rng
    record = Day(date=day)
    for contact, entry in sorted(made, key=lambda pair: (pair[1].at, pair[0].id)):
        call = Call(contact.id, entry.channel, rng.choice(PURPOSES), entry.outcome, entry.at)
        record.calls.append(call)
    if day == plan.today:
        for contact in rng.sample(active, min(5, len(active))):
            record.calls.append(Call(contact.id, rng.choice(CALL_CHANNELS), rng.choice(PURPOSES)))
        return record
    if rng.random() < 0.1 and active:
        record.calls.append(Call(rng.choice(active).id, "phone", "catch up"))  # planned, never made
    record.time = sessions(rng, day)
    if rng.random() < 0.7:
        record.journal = Journal(
            rating=rng.randint(1, 5), answers=[Answer(prompt, words(rng, 5, 40)) for prompt in DEFAULT_PROMPTS]
        )
    return record


def config_text() -> str:
    targets = "".join(f'    "{target}",\n' for target in TARGETS)
    tags = "".join(f"{tag} = {days}\n" for tag, days in TAG_CADENCE.items())
    return (
        "# Generated by bench/make_data.py\nformat = 1\n\n"
        f"targets = [\n{targets}]\n\n"
        "[goals]\nnetworking_share = 0.85\ncalls_per_day = 5\n\n"
        f"[cadence.tags]\n{tags}\n"
        "[timer]\nidle_hours = 4\n"
    )


def write(path: Path, data: bytes) -> None:
    """A private file as the store would leave it (mode 0600), without the fsyncs."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "wb") as handle:
        handle.write(data)


def assign_ids(contacts: list[Contact]) -> None:
    """Ids as the store gives them: the name's slug, then ``-2``, ``-3`` for namesakes."""
    taken: dict[str, int] = {}
    for contact in contacts:
        base = slugify(contact.name)[:70].strip("-") or "contact"
        number = taken.get(base, 0) + 1
        taken[base] = number
        contact.id = base if number == 1 else f"{base}-{number}"


def generate(plan: Plan, out: Path) -> tuple[int, int]:
    """Writes the folder; returns (contacts, day files)."""
    active = [active_contact(plan, number) for number in range(plan.active)]
    imported = [
        imported_contact(connection(plan.rng, number, plan.today))
        for number in range(plan.active, max(plan.contacts, plan.active))
    ]
    contacts = active + imported
    assign_ids(contacts)
    referral_chains(plan, active)
    workdays = working_days(plan)
    made = histories(plan, active, workdays)
    follow_ups(plan, active)
    for folder in (out, out / "contacts", out / "days"):
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    write(out / "config.toml", config_text().encode("utf-8"))
    for contact in contacts:
        write(out / "contacts" / f"{contact.id}.toml", dumps(contact.to_dict()))
    for day in workdays:
        folder = out / "days" / f"{day.year:04d}"
        folder.mkdir(mode=0o700, exist_ok=True)
        write(folder / f"{day.isoformat()}.toml", dumps(day_record(plan, day, made.get(day, []), active).to_dict()))
    return len(contacts), len(workdays)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--out", type=Path, required=True, help="the data folder to create (must not hold data yet)")
    parser.add_argument("--contacts", type=int, default=30_000, help="everyone, active people included")
    parser.add_argument("--active", type=int, default=500, help="people worked with (at most --contacts)")
    parser.add_argument("--days", type=int, default=3 * 365, help="days of history up to --today")
    parser.add_argument("--today", type=date.fromisoformat, default=DEFAULT_TODAY, help="the last day (YYYY-MM-DD)")
    parser.add_argument("--no-index", action="store_true", help="leave the index cache to the first start")
    args = parser.parse_args(argv)
    if (args.out / "contacts").exists() and any((args.out / "contacts").iterdir()):
        parser.error(f"{args.out} already holds contacts; give a new folder")
    plan = Plan(args.seed, args.contacts, min(args.active, args.contacts), args.days, args.today)
    began = time.perf_counter()
    contacts, days = generate(plan, args.out)
    written = time.perf_counter() - began
    print(f"{args.out}: {contacts} contacts, {days} day files written in {written:.1f} s")
    if not args.no_index:
        began = time.perf_counter()
        now = datetime(args.today.year, args.today.month, args.today.day, 9, tzinfo=TZ)
        store = Store.open(args.out, FixedClock(now))
        print(f"index built in {time.perf_counter() - began:.1f} s; {len(store.problems)} problems")
        return 1 if store.problems else 0
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
