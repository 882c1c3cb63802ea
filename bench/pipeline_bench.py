"""What the company files cost the journal's figures and the review, and the review's pipeline, at scale.

30,000 synthetic contacts (bench/network_data.py) held as the index would hold them, beside
a folder of company files (300 by default, each with two opportunities and their steps
over the last two months; a third come to an interview or an offer through a contact whose
file is written, with motives). Printed side by side, medians in one run:

- one day's figures and a month's review with no company folder, then with the companies
  (a first read in a fresh store, then the reads after it, which parse no unchanged file);
- the review's pipeline: the month's funnel, the attribution (it reads the contact files
  of the people behind an interview or an offer) and the text the screen shows.

    python bench/pipeline_bench.py [--contacts 30000] [--companies 300] [--runs 7]
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
from datetime import datetime, timedelta
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

import pendulum  # noqa: E402

from bench.journal_bench import median_ms  # noqa: E402
from bench.network_data import synthetic_summaries  # noqa: E402
from networkday.clock import FixedClock  # noqa: E402
from networkday.domain.companies import Company, Opportunity  # noqa: E402
from networkday.domain.contact import Contact  # noqa: E402
from networkday.services.figures import day_figures, review  # noqa: E402
from networkday.services.pipeline import attribution_of, funnel_of  # noqa: E402
from networkday.storage.codec import dumps  # noqa: E402
from networkday.storage.store import Store  # noqa: E402
from networkday.ui.review_pipeline import led_text  # noqa: E402

TZ = pendulum.timezone("Europe/Berlin")
NOW = datetime(2026, 11, 25, 21, 0, tzinfo=TZ)
MOTIVES = ("generosity", "empathy", "curiosity", "referrer", "recognition", "learning")


def write_companies(root: Path, count: int, contacts: int) -> None:
    """Plain files, no fsync (benchmark data): the companies, and the contact files of the people behind."""
    rng = random.Random(16)
    (root / "companies").mkdir(parents=True)
    (root / "contacts").mkdir(parents=True)
    for number in range(count):
        items = []
        for index in range(2):
            via = (f"c{rng.randrange(contacts)}",) if rng.random() < 0.75 else ()
            opened = NOW - timedelta(days=rng.uniform(1, 60))
            item = Opportunity(id=f"role-{index}", role=f"Role {index}", stage="lead", via=via, opened=opened.date())
            item = item.moved("applied", opened + timedelta(days=1))
            if rng.random() < 0.33:
                item = item.moved(rng.choice(("interview", "offer")), min(opened + timedelta(days=5), NOW))
            items.append(item)
            for person in via:
                contact = Contact(id=person, name=f"Person {person}", motives=rng.sample(MOTIVES, 2))
                (root / "contacts" / f"{person}.toml").write_bytes(dumps(contact.to_dict()))
        company = Company(id=f"company-{number}", name=f"Company {number}", opportunities=tuple(items))
        (root / "companies" / f"company-{number}.toml").write_bytes(dumps(company.to_dict()))


def open_store(root: Path, contacts: int) -> Store:
    store = Store.open(root, FixedClock(NOW))
    store.contacts.update({s.id: s for s in synthetic_summaries(contacts)})
    return store


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--contacts", type=int, default=30_000)
    parser.add_argument("--companies", type=int, default=300)
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    today = NOW.date()
    month = today.replace(day=1)
    with tempfile.TemporaryDirectory() as folder:
        bare, full = Path(folder) / "bare", Path(folder) / "full"
        (bare / "contacts").mkdir(parents=True)
        write_companies(full, args.companies, args.contacts)
        plain, with_companies = open_store(bare, args.contacts), open_store(full, args.contacts)
        first = median_ms(lambda: day_figures(open_store(full, 0), today), max(args.runs // 2, 1))
        first -= median_ms(lambda: open_store(full, 0), max(args.runs // 2, 1))
        print(f"{args.contacts} contacts, {args.companies} company files (median of {args.runs} runs)")
        print(f"{'':34}{'no companies':>14}{'with companies':>16}")
        for label, action in (
            ("one day's figures", lambda store: day_figures(store, today)),
            ("a month's review", lambda store: review(store, "month", today)),
        ):
            alone = median_ms(lambda action=action: action(plain), args.runs)
            both = median_ms(lambda action=action: action(with_companies), args.runs)
            print(f"  {label:<32}{alone:11.1f} ms{both:13.1f} ms")
        print(f"  one day's figures, first company read in a fresh store: about {first:.1f} ms")
        companies = with_companies.companies()
        behind = attribution_of(with_companies, companies).behind
        print(f"\nthe review's pipeline ({len(behind)} opportunities came to an interview or offer)")
        funnel = median_ms(lambda: funnel_of(with_companies, companies, month, today), args.runs)
        attribution = median_ms(lambda: attribution_of(with_companies, companies), args.runs)
        text = median_ms(
            lambda: led_text(attribution_of(with_companies, companies), with_companies.contacts, today, TZ),
            args.runs,
        )
        print(f"  the month's funnel              {funnel:8.1f} ms")
        print(f"  the attribution                 {attribution:8.1f} ms")
        print(f"  attribution and the screen text {text:8.1f} ms")


if __name__ == "__main__":
    main()
