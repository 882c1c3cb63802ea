"""The built wheel itself, without installing it: the typing marker, the licence and the metadata users see.

test_install.py installs the wheel into a fresh environment (minutes, from the registry);
this reads the wheel that ``pip wheel --no-deps`` builds (seconds), so a file dropped
from the build shows at once.
"""

from __future__ import annotations

import subprocess
import sys
import zipfile
from email.parser import HeaderParser
from pathlib import Path

import pytest

pytestmark = pytest.mark.e2e
REPO = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> zipfile.ZipFile:
    out = tmp_path_factory.mktemp("wheel")
    done = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--quiet", "--wheel-dir", str(out), str(REPO)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    (built,) = out.glob("networkday-*.whl")
    return zipfile.ZipFile(built)


def test_the_wheel_ships_py_typed_the_licence_and_the_resources(wheel: zipfile.ZipFile) -> None:
    names = set(wheel.namelist())
    assert "networkday/py.typed" in names
    (licence,) = [name for name in names if name.endswith(".dist-info/licenses/LICENSE")]
    assert wheel.read(licence).decode("utf-8").startswith("MIT License")
    assert "networkday/resources/demo/config.toml" in names
    assert any(name.startswith("networkday/resources/themes/") and name.endswith(".toml") for name in names)
    assert not any("/tests/" in name or name.startswith("tests/") for name in names)


def test_the_metadata_names_the_licence_and_only_the_systems_networkday_runs_on(wheel: zipfile.ZipFile) -> None:
    (path,) = [name for name in wheel.namelist() if name.endswith(".dist-info/METADATA")]
    metadata = HeaderParser().parsestr(wheel.read(path).decode("utf-8"))
    assert metadata["License-Expression"] == "MIT"
    classifiers = set(metadata.get_all("Classifier") or [])
    assert {
        "Operating System :: POSIX",
        "Operating System :: POSIX :: Linux",
        "Operating System :: MacOS",
        "Typing :: Typed",
    } <= classifiers
    assert not any("Windows" in classifier or "OS Independent" in classifier for classifier in classifiers)
    assert metadata["Requires-Python"] == ">=3.11"
