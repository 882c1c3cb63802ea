"""A LinkedIn Connections.csv of any size, the same for the same seed, as messy as real ones.

Note lines before the header, CRLF, names in several scripts (and an emoji), quoted
commas and quotes, now and then a newline inside a quoted position, blank emails for
about four in five, people who share a name but not a profile, and both date spellings
("07 Dec 2025", "1 Jan 2026").

    python bench/make_linkedin.py --rows 30000 --seed 1 --out /tmp/Connections.csv
"""

from __future__ import annotations

import argparse
import csv
import random
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

NOTE = (
    "Notes:\r\n"
    '"When exporting your connection data, you may notice that some of the email addresses are missing. '
    'You will only see email addresses for connections who have allowed it."\r\n\r\n'
)
HEADER = ("First Name", "Last Name", "URL", "Email Address", "Company", "Position", "Connected On")
FIRST = ("Maya", "Tomás", "Priya", "Daniel", "Aiko", "Noa", "Chris", "Élodie", "Olu", "Wen", "Sam 🚀", "Grace", "Li")
LAST = ("Lindqvist", "Ferreira", "Raman", "O'Connor", "Tanaka", "Levi", "Mbeki", "Marchand", "Adeyemi", "Zhou", "Kim")
SCRIPTS = (("李", "娜"), ("נועה", "לוי"), ("Дмитрий", "Иванов"), ("アイコ", "タナカ"))
COMPANIES = ("Northwind Traders", "Contoso, Ltd.", "Fabrikam", "Litware, Inc.", "Self-employed", "Stealth Startup", "")
TITLES = ("Engineering Manager, Payments", 'Staff Engineer, "Core" team', "Recruiter", "VP, Platform", "Student")
MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def rows(count: int, seed: int, *, every_email: bool = False) -> Iterator[tuple[str, ...]]:
    """The rows, one at a time; with ``every_email`` the same people, each with an email address."""
    rng = random.Random(seed)
    today = date(2026, 11, 25)
    for number in range(count):
        first, last = rng.choice(SCRIPTS) if rng.random() < 0.1 else (rng.choice(FIRST), rng.choice(LAST))
        handle = f"member-{number:x}"
        title = rng.choice(TITLES)
        if rng.random() < 0.01:
            title = title.replace(", ", ",\n", 1)
        on = today - timedelta(days=rng.randrange(0, 12 * 365))
        day = f"{on.day:02d}" if rng.random() < 0.5 else str(on.day)
        email = f"{handle}@example.com" if rng.random() < 0.2 or every_email else ""
        url = f"https://www.linkedin.com/in/{handle}"
        yield (first, last, url, email, rng.choice(COMPANIES), title, f"{day} {MONTHS[on.month - 1]} {on.year}")


def write(path: Path, count: int, seed: int, *, every_email: bool = False) -> None:
    """Writes the file row by row, so a million rows take no more memory than ten."""
    with path.open("w", encoding="utf-8", newline="") as out:
        out.write(NOTE)
        writer = csv.writer(out, lineterminator="\r\n")
        writer.writerow(HEADER)
        writer.writerows(rows(count, seed, every_email=every_email))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rows", type=int, default=30_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--out", type=Path, required=True)
    args = parser.parse_args(argv)
    write(args.out, args.rows, args.seed)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
