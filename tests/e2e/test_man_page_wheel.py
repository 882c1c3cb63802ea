"""The wheel carries networkday.1 as share/man/man1, made from the parser of the source it was built from."""

from __future__ import annotations

import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from networkday.cli import build_parser
from networkday.commands.manpage import render

pytestmark = pytest.mark.e2e
REPO = Path(__file__).resolve().parents[2]
PAGE = "networkday-{version}.data/data/share/man/man1/networkday.1"


def test_the_wheel_installs_the_current_man_page(tmp_path: Path) -> None:
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--quiet",
            "--wheel-dir",
            str(tmp_path / "dist"),
            str(REPO),
        ],
        check=True,
        timeout=900,
    )
    (wheel,) = (tmp_path / "dist").glob("networkday-*.whl")
    version = wheel.name.split("-")[1]
    with zipfile.ZipFile(wheel) as archive:
        shipped = archive.read(PAGE.format(version=version)).decode("utf-8")
    assert shipped == render(build_parser(None))
    # As `pip install --user` or pipx: data under the install prefix. --ignore-installed leaves the
    # environment running the tests (its own networkday) as it is.
    prefix = tmp_path / "prefix"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "install",
            "--quiet",
            "--no-deps",
            "--ignore-installed",
            "--prefix",
            str(prefix),
            str(wheel),
        ],
        check=True,
        timeout=900,
    )
    installed = prefix / "share" / "man" / "man1" / "networkday.1"
    assert installed.read_text("utf-8") == shipped
    if shutil.which("man"):
        env = {"MANPATH": str(prefix / "share" / "man"), "MANPAGER": "cat", "PATH": "/usr/bin:/bin"}
        shown = subprocess.run(["man", "networkday"], env=env, capture_output=True, text=True, check=True)
        assert "networkday contacts show" in shown.stdout
