"""The files `networkday import` reads: one module per source, each returning a ParsedSource.

Parsers only read; ``services.importer`` decides who is new and writes through the store.
Heavy libraries (vobject) are imported when a file is parsed, never at start-up.
"""

from __future__ import annotations

from pathlib import Path

from networkday.importers.common import ImportFormatError, ParsedSource

#: Source name -> what it reads, for `networkday import --help` and the app's import screen.
IMPORTERS: dict[str, str] = {
    "linkedin": "LinkedIn's Connections.csv (Settings > Data privacy > Get a copy of your data)",
    "vcard": "a .vcf file of vCard 2.1, 3.0 or 4.0 cards (iPhone, Gmail, Outlook, any address book)",
    "google": "a Google Contacts CSV (contacts.google.com > Export > Google CSV)",
}

__all__ = ["IMPORTERS", "ImportFormatError", "ParsedSource", "parse_file"]


def parse_file(kind: str, path: Path) -> ParsedSource:
    """Reads ``path`` as ``kind``; ImportFormatError (one line naming the file) if it is not one."""
    if kind == "linkedin":
        from networkday.importers import linkedin

        return linkedin.parse(path)
    if kind == "vcard":
        from networkday.importers import vcard

        return vcard.parse(path)
    if kind == "google":
        from networkday.importers import google

        return google.parse(path)
    raise ValueError(f"unknown import source {kind!r} (expected one of {', '.join(IMPORTERS)})")
