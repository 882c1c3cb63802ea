"""Text rules shared by search, dedupe and display: normalising and sanitising."""

from __future__ import annotations

import re
import unicodedata

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_SLUG_JUNK = re.compile(r"[^a-z0-9]+")
_COMPANY_SUFFIX = re.compile(r"\b(inc|llc|ltd|gmbh|corp|corporation|co|plc|sa|ag|bv)\b\.?", re.IGNORECASE)

#: Companies an export fills in when there is none; never treated as a target.
PLACEHOLDER_COMPANIES = frozenset({"self-employed", "self employed", "stealth startup", "stealth", "freelance", "n/a"})


def strip_controls(text: str) -> str:
    """Drops every control character but newline and tab, so escapes never reach the terminal."""
    return _CONTROL.sub("", text)


def one_line(text: str) -> str:
    return " ".join(strip_controls(text).split())


def fold(text: str) -> str:
    """Case- and accent-insensitive form for matching ("Zoë" finds "zoe")."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def slugify(name: str) -> str:
    """A lowercase ASCII slug; names in other scripts fall back to ``contact``."""
    slug = _SLUG_JUNK.sub("-", fold(name)).strip("-")
    return slug[:60].strip("-") or "contact"


def normalise_company(company: str) -> str:
    folded = fold(company).strip()
    if folded in PLACEHOLDER_COMPANIES:
        return ""
    return " ".join(_COMPANY_SUFFIX.sub(" ", folded).replace(",", " ").split())


def normalise_name(name: str) -> str:
    return " ".join(_SLUG_JUNK.sub(" ", fold(name)).split())
