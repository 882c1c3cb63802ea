"""docs/JSON.md's examples: each command run on the demo at a pinned instant, and the keys compared.

Each example in the document follows a line ``<!-- example: networkday ARGS -->``; the
test runs ``networkday --demo ARGS`` and compares the keys of what it prints with the
example's. ``python -m tests.cli.json_doc`` writes the examples anew from the same runs,
each list cut to the items that show every key.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

DOC = Path(__file__).resolve().parents[2] / "docs" / "JSON.md"
#: A Wednesday of the demo's week, as the other demo tests pin it.
NOW = "2026-11-25T09:30:00+01:00"
EXAMPLE = re.compile(r"<!-- example: networkday (?P<args>[^\n]*?) -->\n```json\n(?P<json>.*?)\n```", re.S)


@dataclass(frozen=True)
class Example:
    """One example in the document: the command's arguments and the JSON shown for it."""

    args: tuple[str, ...]
    shown: Any
    span: tuple[int, int]


def examples(text: str) -> list[Example]:
    return [
        Example(tuple(match["args"].split()), json.loads(match["json"]), match.span("json"))
        for match in EXAMPLE.finditer(text)
    ]


def run(args: tuple[str, ...], home: Path) -> Any:
    """What ``networkday --demo ARGS`` prints, parsed; the demo copy is discarded when it exits."""
    env = {
        **os.environ,
        "NETWORKDAY_NOW": NOW,
        "NETWORKDAY_TZ": "Europe/Berlin",
        "NETWORKDAY_HOME": str(home),
        "PYTHONIOENCODING": "utf-8",
    }
    done = subprocess.run(
        [sys.executable, "-m", "networkday", "--demo", *args],
        check=False,
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def shape(value: Any) -> Any:
    """The keys of ``value``, nested: an object's keys each with its value's shape, a list's the
    union of its items' (so a cut list keeps the shape), any other value None."""
    if isinstance(value, dict):
        return {key: shape(item) for key, item in value.items()}
    if isinstance(value, list):
        merged: Any = None
        for item in value:
            merged = _merge(merged, shape(item))
        return merged
    return None


def _merge(one: Any, other: Any) -> Any:
    if isinstance(one, dict) and isinstance(other, dict):
        return {key: _merge(one.get(key), other.get(key)) for key in {**one, **other}}
    return other if one is None else one


def cut(value: Any) -> Any:
    """``value`` with each list cut to its first item and those that add a key, in order."""
    if isinstance(value, dict):
        return {key: cut(item) for key, item in value.items()}
    if not isinstance(value, list):
        return value
    kept: list[Any] = []
    for item in value:
        if not kept or _merge(shape(kept), shape(item)) != shape(kept):
            kept.append(cut(item))
    return kept


def write(home: Path) -> None:
    """Rewrites every example in docs/JSON.md from a fresh run (the text around them stays)."""
    text = DOC.read_text("utf-8")
    for example in reversed(examples(text)):  # from the end, so the earlier spans stay true
        shown = json.dumps(cut(run(example.args, home)), ensure_ascii=False, indent=2)
        text = text[: example.span[0]] + shown + text[example.span[1] :]
    DOC.write_text(text, "utf-8")


if __name__ == "__main__":
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        write(Path(folder) / "home")
