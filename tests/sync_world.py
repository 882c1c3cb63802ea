"""Two machines and a bare remote in a temporary folder, for the sync tests and the sync benchmark."""

from __future__ import annotations

import subprocess
from dataclasses import dataclass
from pathlib import Path

from networkday.cli import main


def git(folder: Path, *args: str) -> str:
    return subprocess.run(
        ["git", "-C", str(folder), *args], capture_output=True, text=True, check=True, stdin=subprocess.DEVNULL
    ).stdout


def nd(folder: Path, *args: str) -> int:
    """A networkday command on ``folder``, in this process, as the installed command runs it."""
    return main(["--data-dir", str(folder), *args])


@dataclass
class World:
    remote: Path
    a: Path
    b: Path


def make_world(root: Path, seed: dict[str, str] | None = None) -> World:
    """A bare remote (its branch ``main``), machine ``a`` with ``seed`` files synced to it, and ``b`` its clone."""
    remote = root / "remote.git"
    subprocess.run(["git", "init", "--quiet", "--bare", "--initial-branch=main", str(remote)], check=True)
    a, b = root / "a", root / "b"
    for name, text in (seed or {}).items():
        (a / name).parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        (a / name).write_text(text, encoding="utf-8")
        (a / name).chmod(0o600)
    a.mkdir(exist_ok=True)
    assert nd(a, "sync", "init", str(remote)) == 0
    assert nd(a, "sync") == 0
    a.chmod(0o700)
    subprocess.run(["git", "clone", "--quiet", str(remote), str(b)], check=True, capture_output=True)
    subprocess.run(["chmod", "-R", "go-rwx", str(b)], check=True)  # as docs/FORMAT.md asks after a clone
    assert nd(b, "sync", "init") == 0
    return World(remote, a, b)


def tree(folder: Path) -> dict[str, bytes]:
    """Every file git keeps, by its path: what two synced machines must hold alike."""
    return {name: (folder / name).read_bytes() for name in git(folder, "ls-files", "-z").split("\0") if name}
