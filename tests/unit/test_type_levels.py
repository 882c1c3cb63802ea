"""The mypy levels in pyproject.toml hold: strict for domain and storage, checked bodies elsewhere.

mypy applies ``strict = true`` written in a per-module override to every module, so the
strict flags are listed one by one; this runs mypy with the project's settings on the same
small probe placed in three packages of a temporary ``networkday`` and reads which errors
each gets. A flag dropped from the strict list, or one that leaks to the rest, fails here.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]

PROBE = '''"""A probe: one fault for each level."""

import vobject


def untyped(value):
    return [value, 1 + ""]


def loose(items: list) -> int:
    return len(items) + len(str(vobject))
'''


@pytest.fixture(scope="module")
def codes_by_package(tmp_path_factory: pytest.TempPathFactory) -> dict[str, set[str]]:
    """The error codes mypy gives the probe in each package: {"domain": {"no-untyped-def", ...}}."""
    root = tmp_path_factory.mktemp("probe")
    packages = ("domain", "storage", "commands")
    (root / "networkday").mkdir()
    (root / "networkday" / "__init__.py").write_text("", "utf-8")
    for package in packages:
        (root / "networkday" / package).mkdir()
        (root / "networkday" / package / "__init__.py").write_text("", "utf-8")
        (root / "networkday" / package / "probe.py").write_text(PROBE, "utf-8")
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "mypy",
            "--config-file",
            str(REPO / "pyproject.toml"),
            "--cache-dir",
            str(root / "cache"),
            *(f"networkday/{package}/probe.py" for package in packages),
        ],
        cwd=root,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert "error:" in result.stdout, result.stdout + result.stderr
    codes: dict[str, set[str]] = {package: set() for package in packages}
    for line in result.stdout.splitlines():
        if ": error: " in line:
            package = line.split("/")[1]
            codes[package].add(line.rsplit("[", 1)[1].rstrip("]"))
    return codes


@pytest.mark.parametrize("package", ["domain", "storage"])
def test_domain_and_storage_are_strict(codes_by_package: dict[str, set[str]], package: str) -> None:
    assert {"no-untyped-def", "type-arg", "operator"} <= codes_by_package[package]


def test_the_rest_checks_untyped_bodies_without_the_strict_flags(codes_by_package: dict[str, set[str]]) -> None:
    assert codes_by_package["commands"] == {"operator"}


@pytest.mark.parametrize("package", ["domain", "storage", "commands"])
def test_vobject_without_stubs_is_no_error(codes_by_package: dict[str, set[str]], package: str) -> None:
    assert not codes_by_package[package] & {"import-untyped", "import-not-found"}
