"""The user's time zone, found as the C library finds it, so every time shown matches `date`.

``TZ`` may hold a zone name (``Europe/Berlin``), a file (``:/etc/localtime``) or a POSIX
rule (``CET-1CEST,M3.5.0,M10.5.0/3``, ``<+0530>-5:30``). ``zoneinfo`` reads names and
files; a rule is read by ``zoneinfo`` too, as the footer of a zone file made here with no
transitions, which is exactly where the C library's own zone files keep their rule. A
``TZ`` that is none of these is UTC for the C library; it is UTC here too, with a warning
that names the variable. A rule whose offset reaches 24 hours (``AAA-24``; the C library
takes ``AAA+25`` as -24:00) is one Python cannot hold: UTC too, with a warning saying so.
Zone names shorter than three characters (``<+1>-1``) make the whole rule UTC for the C
library, though ``zoneinfo`` would read them. ``NETWORKDAY_TZ`` overrides ``TZ`` for networkday alone; when it
cannot be read it is passed over, with a warning, for ``TZ`` and the system zone.
"""

from __future__ import annotations

import re
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


class ZoneBeyondPython(ZoneUnreadable):
    """A POSIX rule the C library reads, with an offset of 24 hours or more that Python's
    ``timedelta``-based zones cannot hold; ``offset`` is how the C library takes it (``-24:00``)."""

    def __init__(self, name: str, offset: str) -> None:
        super().__init__(name)
        self.offset = offset


#: The names and offsets of a POSIX rule (before its first comma), as the C library reads them.
_NAME = r"(<[A-Za-z0-9+-]*>|[^<0-9:.,+-]*)"
_OFFSET = r"([+-]?)(\d{1,3})(?::(\d{1,2})(?::(\d{1,2}))?)?"
_RULE_HEAD = re.compile(rf"{_NAME}(?:{_OFFSET}(?:{_NAME}(?:{_OFFSET})?)?)?", re.ASCII)


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
        except ZoneUnreadable as error:
            warnings.append(_unreadable("NETWORKDAY_TZ", own, error, "it is passed over"))
    warning = warnings[0] if warnings else None
    if "TZ" in env:
        name = env["TZ"]
        if not name.strip(":"):
            return Zone(UTC, warning)
        try:
            return Zone(read_zone(name), warning)
        except ZoneUnreadable as error:
            warnings.append(_unreadable("TZ", name, error, "times are in UTC"))
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
        _check_rule_head(name, key)
        # A summer-time name without its rules (``AAA3BBB``) takes the C library's default rules.
        for rule in (key, f"{key},{_DEFAULT_RULES}") if "," not in key else (key,):
            try:
                return ZoneInfo.from_file(BytesIO(_EMPTY_BLOCK * 2 + f"\n{rule}\n".encode()), key=key)
            except (ValueError, UnicodeError):
                continue
    raise ZoneUnreadable(name)


def _unreadable(variable: str, value: str, error: ZoneUnreadable, then: str) -> str:
    if isinstance(error, ZoneBeyondPython):
        return (
            f"{variable}={value!r} sets an offset of {error.offset} (as the C library and `date` take it), "
            f"which Python cannot hold; {then}"
        )
    also = ", as the C library and `date` take it" if variable == "TZ" else ""
    return f"{variable}={value!r} is not a time zone name, zone file or POSIX rule; {then}{also}"


def _check_rule_head(name: str, rule: str) -> None:
    """Refuses what the C library refuses or Python cannot hold, before ``zoneinfo`` reads the rule.

    The C library wants names of three characters or more, and clamps an offset's hours to
    24; Python's zones hold offsets strictly within a day.
    """
    head = _RULE_HEAD.fullmatch(rule.split(",", 1)[0])
    if head is None:
        return  # zoneinfo refuses it too
    groups = head.groups()
    std, dst = groups[0], groups[5]  # dst: None or "" when the rule names no summer time
    if len(std.strip("<>")) < 3 or (dst and len(dst.strip("<>")) < 3):
        raise ZoneUnreadable(name)
    for sign, hours, minutes, seconds in (groups[1:5], groups[6:10]):
        if hours is None:
            continue
        clamped = min(int(hours), 24)
        if clamped * 3600 + int(minutes or 0) * 60 + int(seconds or 0) >= 24 * 3600:
            east = "-" if sign != "-" else "+"  # POSIX offsets count hours west of Greenwich
            raise ZoneBeyondPython(name, f"{east}{clamped:02}:{int(minutes or 0):02}")
