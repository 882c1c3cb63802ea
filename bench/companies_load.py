"""Reading every company file at 10,000 companies: the first read in a process, and a second one.

Companies are read only when asked for (the Companies screen, the company commands,
``check``), never at start-up; this times that read. The folder is made once in a
temporary place with one opportunity and two steps per company (about 600 bytes each).

    python bench/companies_load.py [--companies 10000] [--rounds 5]
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

from networkday.clock import FixedClock
from networkday.domain.companies import Company, Opportunity
from networkday.storage.codec import dumps
from networkday.storage.store import Store

CLOCK = FixedClock(datetime(2026, 11, 25, 9, tzinfo=UTC))


def make(root: Path, count: int) -> None:
    folder = root / "companies"
    folder.mkdir(parents=True, mode=0o700)
    at = CLOCK.now()
    for number in range(count):
        opportunity = Opportunity(id="engineer", role="Engineer", stage="lead", via=(f"p{number}",))
        opportunity = opportunity.moved("applied", at, "sent").moved("interview", at + timedelta(days=3))
        company = Company(
            id=f"company-{number}",
            name=f"Company {number}",
            target=number % 50 == 0,
            aliases=(f"Co {number}",),
            opportunities=(opportunity,),
        )
        (folder / f"company-{number}.toml").write_bytes(dumps(company.to_dict()))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--companies", type=int, default=10_000)
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as temp:
        root = Path(temp)
        make(root, args.companies)
        first, second = [], []
        for _ in range(args.rounds):
            store = Store.open(root, CLOCK)
            start = time.perf_counter()
            companies = store.companies()
            first.append(time.perf_counter() - start)
            start = time.perf_counter()
            store.companies()
            second.append(time.perf_counter() - start)
            assert len(companies) == args.companies, len(companies)
        print(f"{args.companies} companies: first read {statistics.median(first) * 1000:.0f} ms, ", end="")
        print(f"a second read in the same process {statistics.median(second) * 1000:.0f} ms (medians)")


if __name__ == "__main__":
    main()
