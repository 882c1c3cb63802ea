"""Google Contacts CSV, in the current layout and the legacy one.

Google numbers repeated fields (``E-mail 1 - Value``, ``E-mail 2 - Value``, …) as far as
the busiest contact needs, and packs several values of one label into a cell joined
by `` ::: ``. Companies come as ``Organization Name`` or, in the legacy layout,
``Organization 1 - Name``. Labels become tags, except Google's own ``* myContacts``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import partial
from pathlib import Path

from networkday.domain.incoming import Record, Skipped
from networkday.domain.phone_kinds import kind_from_label
from networkday.importers.common import ImportFormatError, ParsedSource, Row, header_keys, read_csv

WHAT = "a Google Contacts CSV"
SEPARATOR = " ::: "
#: Google's label for every contact in the account: not a tag the user chose.
EVERYONE = "* mycontacts"
_NUMBERED = re.compile(r"^(e-mail|phone|website) (\d+) - value$")
#: A phone's label: ``Phone 1 - Label`` now, ``Phone 1 - Type`` in the legacy layout.
_PHONE_LABEL = re.compile(r"^phone (\d+) - (?:label|type)$")
_NAME_PARTS = (("first name", "middle name", "last name"), ("given name", "additional name", "family name"))
_SINGLE = {
    "name": "name",
    "nickname": "nickname",
    "organization name": "company",
    "organization 1 - name": "company",
    "organization title": "title",
    "organization 1 - title": "title",
    "labels": "labels",
    "group membership": "labels",
    "notes": "notes",
}


class _Layout:
    """Which column holds what, found from the header by name."""

    def __init__(self, keys: list[str]) -> None:
        self.width = len(keys)
        self.single: dict[str, int] = {}
        self.numbered: dict[str, list[tuple[int, int]]] = {"e-mail": [], "phone": [], "website": []}
        #: The label column of each numbered phone (``Mobile``, ``Work Fax``): its kind.
        self.phone_labels: dict[int, int] = {}
        for index, key in enumerate(keys):
            if key in _SINGLE:
                self.single.setdefault(_SINGLE[key], index)
            match = _NUMBERED.match(key)
            if match:
                self.numbered[match.group(1)].append((int(match.group(2)), index))
            label = _PHONE_LABEL.match(key)
            if label:
                self.phone_labels.setdefault(int(label.group(1)), index)
        for columns in self.numbered.values():
            columns.sort()  # once, not for every row: a wide file has thousands
        found = next((parts for parts in _NAME_PARTS if parts[0] in keys), ())
        self.name_parts = [keys.index(part) for part in found if part in keys]
        #: The given and family name columns (-1 when absent), kept as the contact's name parts.
        self.given, self.family = (keys.index(part) if part in keys else -1 for part in (found or ("", "", ""))[::2])

    @property
    def recognised(self) -> bool:
        has_name = "name" in self.single or bool(self.name_parts)
        has_google = any(self.numbered.values()) or "labels" in self.single or "company" in self.single
        return has_name and has_google


def parse(path: Path) -> ParsedSource:
    """The file, read as far as its header; raises ImportFormatError when the header is not Google's."""
    return ParsedSource(
        "google",
        path,
        lambda source: read_csv(source, WHAT, lambda rows: _header(path, rows), partial(_read_row, source)),
    )


def _header(path: Path, rows: Iterator[Row | Skipped]) -> tuple[_Layout, int]:
    first = next(rows, None)
    layout = _Layout(header_keys(first.cells)) if isinstance(first, Row) else None
    if layout is None or not layout.recognised:
        raise ImportFormatError(
            f"{path}: not {WHAT}: its first line should be a header with 'First Name' (or 'Name') "
            "and 'E-mail 1 - Value' columns"
        )
    return layout, layout.width


def _read_row(source: ParsedSource, row: Row, layout: _Layout) -> Record | None:
    def cell(name: str) -> str:
        index = layout.single.get(name)
        return row.cells[index].strip() if index is not None else ""

    def numbered(kind: str) -> list[str]:
        return [value for _, index in layout.numbered[kind] for value in split(row.cells[index])]

    name = cell("name") or " ".join(row.cells[index] for index in layout.name_parts) or cell("nickname")
    tags = [label.removeprefix("* ") for label in split(cell("labels")) if label.casefold() != EVERYONE]
    return source.keep(
        Record(
            line=row.line,
            name=name,
            given=row.cells[layout.given].strip() if layout.given >= 0 else "",
            family=row.cells[layout.family].strip() if layout.family >= 0 else "",
            company=cell("company"),
            title=cell("title"),
            email=numbered("e-mail"),
            phone=numbered("phone"),
            phone_kinds=_phone_kinds(row, layout),
            links=numbered("website"),
            tags=tags,
            notes=cell("notes"),
        )
    )


def _phone_kinds(row: Row, layout: _Layout) -> dict[str, str]:
    """Each phone's kind from its label column; every number packed in one cell shares the label."""
    kinds: dict[str, str] = {}
    for number, index in layout.numbered["phone"]:
        column = layout.phone_labels.get(number)
        kind = kind_from_label(row.cells[column]) if column is not None else ""
        for value in split(row.cells[index]) if kind else ():
            kinds.setdefault(value, kind)
    return kinds


def split(cell: str) -> list[str]:
    """A cell holding several values joined by `` ::: ``."""
    return [part.strip() for part in cell.split(SEPARATOR.strip()) if part.strip()]
