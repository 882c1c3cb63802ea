"""Synthetic networks for the contact benchmarks: realistic names, companies and chains.

Seeded, so every run measures the same data. Names mix plain ASCII with accented and
non-Latin ones, notes run up to the 400 characters a summary keeps, and about a third of
the people were referred by someone, so referral chains and hiring managers exist.
"""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta

from networkday.domain.settings import Config
from networkday.domain.summary import ContactSummary


def _words(text: str, separator: str | None = None) -> tuple[str, ...]:
    return tuple(text.split(separator))


FIRST = _words(
    "Jane John Maria Zoë Li Ahmed Olga Pierre Sven Kenji Amara Noah Emma Liam Sofía Lucas Mia Ethan Ava Mateo "
    "Chloé Björn Aiko Ravi Fatima Diego Ingrid Tomás Yusuf Hannah Oliver Isabella Mohammed Grace Wei Elena Kwame "
    "Priya Jonas Léa Mikhail Ana Samuel Nadia Hugo Zara Felix Laila Omar Clara Дмитрий 李娜"
)
LAST = _words(
    "Doe Smith Müller García Nakamura Okafor Ivanova Dubois Larsen Tanaka Mensah Cohen Rossi Novak Silva Kowalski "
    "Jensen Haddad Kim Nguyen Schmidt Fernández O'Brien Patel Johansson Moreau Costa Yilmaz Andersen Wójcik Brown "
    "Martin Lefèvre Santos Horvath Lindqvist Ortega Petrov Fischer Walsh Abe Sato Dahl Reyes Quinn Byrne Hoffmann "
    "Ōta Соколова"
)
COMPANIES = _words(
    "Acme Corp,Globex Inc,Initech,Umbrella Labs,Hooli,Stark Industries,Wayne Enterprises,Wonka GmbH,Tyrell Corp,"
    "Cyberdyne Systems,Soylent Co,Vandelay Industries,Massive Dynamic,Aperture Science,Oscorp,Nakatomi Trading,"
    "Blue Sun,Monarch Solutions,Gringotts,Prestige Worldwide,Self-employed,Pied Piper,Dunder Mifflin,Los Pollos",
    ",",
)
TITLES = _words(
    "Software Engineer,Engineering Manager,Product Manager,Recruiter,Talent Partner,Data Scientist,Designer,"
    "VP Engineering,CTO,Head of Product,Staff Engineer,Technical Recruiter,Director of Data,Founder",
    ",",
)
TAGS = _words("python ml alumni meetup former-colleague recruiter mentor conference friend backend frontend design")
NOTE_WORDS = _words(
    "met at the meetup talked about kubernetes and hiring plans for next quarter promised to send the article "
    "about rust wants an intro to someone in design follow up after the conference loves climbing café berlin"
)
TARGETS = ("Acme Corp", "Globex", "Initech", "Hooli", "Pied Piper")
CHANNELS = ("phone", "email", "coffee", "video", "message")
OUTCOMES = ("will", "wont", "no-answer", "talked", "scheduled")


def synthetic_summaries(count: int = 30_000, seed: int = 7) -> list[ContactSummary]:
    rng = random.Random(seed)
    now = datetime(2026, 11, 25, 9, 30, tzinfo=UTC).timestamp()
    summaries: list[ContactSummary] = []
    for number in range(count):
        name = f"{rng.choice(FIRST)} {rng.choice(LAST)}"
        if rng.random() < 0.3:
            name = f"{rng.choice(FIRST)} {name}"
        contact_id = f"c{number}"
        entries = tuple(
            sorted(
                (
                    now - rng.uniform(0, 900) * 86_400,
                    rng.choice(CHANNELS),
                    rng.choice(OUTCOMES),
                    rng.random() < 0.3,
                    rng.random() < 0.3,
                )
                for _ in range(rng.choice((0, 0, 1, 2, 3, 5, 8)))
            )
        )
        referred = f"c{rng.randrange(number)}" if number and rng.random() < 0.35 else None
        summaries.append(
            ContactSummary(
                id=contact_id,
                name=name,
                company=rng.choice(COMPANIES),
                title=rng.choice(TITLES),
                tags=tuple(rng.sample(TAGS, rng.choice((0, 1, 2, 3)))),
                hiring_manager=rng.random() < 0.03,
                referred_by=referred,
                follow_up=(datetime.fromtimestamp(now).date() + timedelta(days=rng.randint(-20, 40))).toordinal()
                if rng.random() < 0.1
                else None,
                cadence_days=rng.choice((None, None, None, 30, 60, 90)),
                entries=entries,
                notes=" ".join(rng.choices(NOTE_WORDS, k=rng.choice((0, 0, 5, 20, 60))))[:400],
            )
        )
    return summaries


def synthetic_config() -> Config:
    return Config(targets=TARGETS, tag_cadence={"mentor": 30, "friend": 60}, default_cadence_days=None)
