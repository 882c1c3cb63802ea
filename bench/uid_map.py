"""The UID map a vCard import builds for the folder's people: uid_of against uuid.uuid5, side by side.

An import whose cards carry ``urn:uuid:`` UIDs computes the UID ``export vcard`` writes
for every person in the folder once, to match a card by UID first. This prints the
median time of that map at each size, for ``uid_of`` and for the plain ``uuid.uuid5``
it replaces, taking turns in one run. Prints figures, asserts nothing.

    python bench/uid_map.py [--people 5000 30000] [--runs 7]
"""

from __future__ import annotations

import argparse
import statistics
import time
import uuid

from networkday.exporters.vcard import NAMESPACE, uid_of


def plain(contact_id: str) -> str:
    return f"urn:uuid:{uuid.uuid5(NAMESPACE, contact_id)}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--people", type=int, nargs="+", default=[5000, 30000])
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    print(f"{'people':>8} {'uid_of ms':>10} {'uuid5 ms':>10} {'ratio':>6}")
    for count in args.people:
        ids = [f"person-{number}" for number in range(count)]
        times: dict[str, list[float]] = {"uid_of": [], "uuid5": []}
        for _ in range(args.runs):
            for name, make in (("uid_of", uid_of), ("uuid5", plain)):
                started = time.perf_counter()
                {make(contact_id): contact_id for contact_id in ids}
                times[name].append(time.perf_counter() - started)
        mine, theirs = (statistics.median(times[name]) * 1000 for name in ("uid_of", "uuid5"))
        print(f"{count:>8} {mine:>10.1f} {theirs:>10.1f} {mine / theirs:>6.2f}")


if __name__ == "__main__":
    main()
