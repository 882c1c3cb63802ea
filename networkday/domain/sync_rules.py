"""What sync keeps out of the repository, which files the merge driver takes, and how a commit is named."""

from __future__ import annotations

from collections.abc import Iterable

#: The driver's name in ``.gitattributes`` and in the repository's config.
DRIVER = "networkday"

#: Lines of the data folder's ``.gitignore``: everything networkday writes on its own is
#: machine-local (the cache, the preview, the lock, state.toml, drafts.toml all live in
#: ``.networkday/``), and so is a temporary file of a save cut short.
IGNORED = (".networkday/", ".*.tmp")

#: Lines of ``.gitattributes``: the record files, merged record by record; the two rule files
#: by joining both sides' lines, as a folder that had its own ``.gitignore`` meets one a
#: ``sync init`` wrote elsewhere (a line kept twice is harmless, a conflict marker is not).
ATTRIBUTES = (
    *(f"{pattern} merge={DRIVER}" for pattern in ("contacts/*.toml", "companies/*.toml", "days/**/*.toml")),
    ".gitignore merge=union",
    ".gitattributes merge=union",
)


def is_local_path(remote: str) -> bool:
    """Whether git reads a remote as a path on this machine: no ``scheme://`` and no colon before the first slash.

    That is git's own rule (``host:path`` is ssh); a relative path given on the command line
    means the caller's folder, while git would read it from the data folder, so it is made absolute.
    """
    return "://" not in remote and ":" not in remote.split("/", 1)[0]


def missing_lines(text: str, wanted: Iterable[str]) -> list[str]:
    """The wanted lines a file's text lacks (a file the person keeps is added to, never rewritten)."""
    have = {line.strip() for line in text.splitlines()}
    return [line for line in wanted if line not in have]


def _named(paths: Iterable[str], folder: str) -> list[str]:
    return sorted({path.rsplit("/", 1)[-1].removesuffix(".toml") for path in paths if path.startswith(f"{folder}/")})


def _listed(words: list[str], one: str, many: str) -> str:
    shown = ", ".join(words[:8]) + (f" and {len(words) - 8} more" if len(words) > 8 else "")
    return f"{len(words)} {one if len(words) == 1 else many} ({shown})"


def commit_message(paths: Iterable[str]) -> str:
    """One line naming the people, companies and days changed, then other files counted."""
    paths = list(paths)
    parts = [
        _listed(words, one, many)
        for words, one, many in (
            (_named(paths, "contacts"), "person", "people"),
            (_named(paths, "companies"), "company", "companies"),
            (_named(paths, "days"), "day", "days"),
        )
        if words
    ]
    others = [path for path in paths if not path.startswith(("contacts/", "companies/", "days/"))]
    if others:
        parts.append(_listed(sorted(others), "other file", "other files"))
    return "networkday sync: " + ("; ".join(parts) if parts else "no changes")
