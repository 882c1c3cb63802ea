"""Typed readers for TOML tables that report exactly which key is wrong.

Records are hand-edited, so every read names its key path when the type is off; the
unread keys are handed back so that unknown fields survive every rewrite.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from networkday.domain.dates import RANGE_TEXT, in_range
from networkday.domain.errors import KeyPath, RecordError


class TableReader:
    """Reads keys from one table and remembers which it consumed."""

    def __init__(self, table: object, path: KeyPath = ()) -> None:
        if not isinstance(table, dict):
            raise RecordError("expected a table", path)
        self.data: dict[str, Any] = table
        self.path = path
        self._seen: set[str] = set()

    def _get(self, key: str) -> Any:
        self._seen.add(key)
        return self.data.get(key)

    def _fail(self, key: str, expected: str) -> RecordError:
        value = self.data.get(key)
        return RecordError(f"{key!r} must be {expected}, not {type(value).__name__}", (*self.path, key))

    def text(self, key: str, default: str = "", *, required: bool = False) -> str:
        value = self._get(key)
        if value is None:
            if required:
                raise RecordError(f"{key!r} is required", (*self.path, key))
            return default
        if not isinstance(value, str):
            raise self._fail(key, "a string")
        if required and not value.strip():
            raise RecordError(f"{key!r} must not be empty", (*self.path, key))
        return value

    def opt_text(self, key: str) -> str | None:
        value = self._get(key)
        if value is None:
            return None
        if not isinstance(value, str):
            raise self._fail(key, "a string")
        return value

    def text_list(self, key: str) -> list[str]:
        value = self._get(key)
        if value is None:
            return []
        if isinstance(value, str):  # one value written bare; an empty one is none, not one empty item
            return [value] if value else []
        if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
            raise self._fail(key, "a list of strings")
        return list(value)

    def flag(self, key: str, default: bool = False) -> bool:
        value = self._get(key)
        if value is None:
            return default
        if not isinstance(value, bool):
            raise self._fail(key, "true or false")
        return value

    def opt_int(self, key: str, *, minimum: int | None = None, maximum: int | None = None) -> int | None:
        value = self._get(key)
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, int):
            raise self._fail(key, "a whole number")
        if (minimum is not None and value < minimum) or (maximum is not None and value > maximum):
            raise RecordError(f"{key!r} must be between {minimum} and {maximum}", (*self.path, key))
        return value

    def number(self, key: str, default: float) -> float:
        value = self._get(key)
        if value is None:
            return default
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise self._fail(key, "a number")
        return float(value)

    def opt_date(self, key: str) -> date | None:
        value = self._get(key)
        if value is None:
            return None
        if isinstance(value, datetime) or not isinstance(value, date):
            raise self._fail(key, "a date such as 2026-12-01")
        if not in_range(value):
            raise self._out_of_range(key, value)
        return value

    def _out_of_range(self, key: str, value: date) -> RecordError:
        return RecordError(f"{key!r} must be a date {RANGE_TEXT}, not {value.isoformat()}", (*self.path, key))

    def required_date(self, key: str) -> date:
        value = self.opt_date(key)
        if value is None:
            raise RecordError(f"{key!r} is required", (*self.path, key))
        return value

    def opt_instant(self, key: str) -> datetime | None:
        """An offset datetime: a local one without offset is ambiguous across time zones."""
        value = self._get(key)
        if value is None:
            return None
        if not isinstance(value, datetime) or value.tzinfo is None:
            raise self._fail(key, "a date and time with an offset, such as 2026-12-01T09:30:00+01:00")
        if not in_range(value.date()):
            raise self._out_of_range(key, value)
        return value

    def choice(self, key: str, allowed: tuple[str, ...], *, required: bool = False) -> str | None:
        value = self.opt_text(key)
        if value is None or value == "":
            if required:
                raise RecordError(f"{key!r} is required (one of {', '.join(allowed)})", (*self.path, key))
            return None
        if value not in allowed:
            raise RecordError(f"unknown {key} {value!r} (expected one of {', '.join(allowed)})", (*self.path, key))
        return value

    def tables(self, key: str) -> list[TableReader]:
        value = self._get(key)
        if value is None:
            return []
        if not isinstance(value, list):
            raise self._fail(key, "an array of tables")
        return [TableReader(item, (*self.path, key, index)) for index, item in enumerate(value)]

    def table(self, key: str) -> TableReader | None:
        value = self._get(key)
        if value is None:
            return None
        return TableReader(value, (*self.path, key))

    def rest(self) -> dict[str, Any]:
        """Keys this version does not know: kept verbatim and written back."""
        return {key: value for key, value in self.data.items() if key not in self._seen}


def put(table: dict[str, Any], key: str, value: Any) -> None:
    """Sets a key only when it carries something, so files stay short and TOML-valid."""
    if value is None or value is False or (isinstance(value, str | list) and not value):
        return
    table[key] = value
