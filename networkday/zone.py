"""The user's time zone, found as the C library finds it, so every time shown matches `date`.

``TZ`` may hold a zone name (``Europe/Berlin``), a file (``:/etc/localtime``) or a POSIX
rule (``CET-1CEST,M3.5.0,M10.5.0/3``, ``<+0530>-5:30``). ``zoneinfo`` reads names and
files; a rule is read by ``zoneinfo`` too, as the footer of a zone file made here with no
transitions, which is exactly where the C library's own zone files keep their rule. A
``TZ`` that is none of these is UTC for the C library; it is UTC here too, with a warning
that names the variable. ``NETWORKDAY_TZ`` overrides ``TZ`` for networkday alone; when it
cannot be read it is passed over, with a warning, for ``TZ`` and the system zone.
"""

from __future__ import annotations

import struct
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, tzinfo
from io import BytesIO
from zoneinfo import ZoneInfo

#: A TZif block with no transitions and one (unused) local time type: header, then body.
_EMPTY_BLOCK = b"TZif2" + bytes(15) + struct.pack(">6l", 0, 0, 0, 0, 1, 1) + struct.pack(">lbB", 0, 0, 0) + b"\0"

#: The summer-time rules glibc applies to a ``TZ`` that names summer time but gives no rules.
_DEFAULT_RULES = "M3.2.0,M11.1.0"


@dataclass(frozen=True)
class Zone:
    """A zone found, and the warning (naming the variable) when the one asked for was not."""

    tz: tzinfo
    warning: str | None = None


class ZoneUnreadable(ValueError):
    """The zone named cannot be read as a name, a file or a POSIX rule."""


def zone_from_environ(env: Mapping[str, str]) -> Zone | None:
    """``NETWORKDAY_TZ``, else ``TZ``, else ``/etc/localtime``; None when even that cannot be read.

    An empty ``TZ`` is UTC, as for the C library. None leaves the zone to pendulum, which
    also looks at ``/etc/timezone`` and the like.
    """
    warnings: list[str] = []
    own = env.get("NETWORKDAY_TZ")
    if own:
        try:
            return Zone(read_zone(own))
        except ZoneUnreadable:
            warnings.append(_unreadable("NETWORKDAY_TZ", own, "it is passed over"))
    warning = warnings[0] if warnings else None
    if "TZ" in env:
        name = env["TZ"]
        if not name.strip(":"):
            return Zone(UTC, warning)
        try:
            return Zone(read_zone(name), warning)
        except ZoneUnreadable:
            warnings.append(_unreadable("TZ", name, "times are in UTC, as the C library and `date` take it"))
            return Zone(UTC, "; ".join(warnings))
    try:
        with open("/etc/localtime", "rb") as file:
            return Zone(ZoneInfo.from_file(file, key="localtime"), warning)
    except (OSError, ValueError):
        return None


def read_zone(name: str) -> tzinfo:
    """A zone name, a zone file (absolute, or after ``:``) or a POSIX rule; else ZoneUnreadable."""
    key = name.removeprefix(":")
    try:
        if key.startswith("/"):
            with open(key, "rb") as file:
                return ZoneInfo.from_file(file, key=key)
        return ZoneInfo(key)
    except (OSError, ValueError, LookupError):
        pass
    if not name.startswith(":") and key.isprintable():
        # A summer-time name without its rules (``AAA3BBB``) takes the C library's default rules.
        for rule in (key, f"{key},{_DEFAULT_RULES}") if "," not in key else (key,):
            try:
                return ZoneInfo.from_file(BytesIO(_EMPTY_BLOCK * 2 + f"\n{rule}\n".encode()), key=key)
            except (ValueError, UnicodeError):
                continue
    raise ZoneUnreadable(name)


def _unreadable(variable: str, value: str, then: str) -> str:
    return f"{variable}={value!r} is not a time zone name, zone file or POSIX rule; {then}"
