"""A plain `pip install` of the wheel into a fresh virtual environment carries everything the app needs."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from networkday import __version__

pytestmark = pytest.mark.e2e
REPO = Path(__file__).resolve().parents[2]


def _run(*args: str | Path, cwd: Path) -> subprocess.CompletedProcess[str]:
    """Runs outside the checkout, with nothing pointing Python back at it, and must succeed."""
    env = {
        key: value for key, value in os.environ.items() if not key.startswith(("PYTHON", "NETWORKDAY", "VIRTUAL_ENV"))
    }
    env["NETWORKDAY_NOW"] = "2026-11-25T09:30:00+01:00"
    result = subprocess.run(
        [str(arg) for arg in args], cwd=cwd, env=env, capture_output=True, text=True, timeout=900, check=False
    )
    assert result.returncode == 0, f"{args} exited {result.returncode}:\n{result.stdout}\n{result.stderr}"
    return result


@pytest.fixture(scope="module")
def venv(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A fresh venv without system site-packages: the wheel, and its dependencies from the registry."""
    work = tmp_path_factory.mktemp("install")
    _run(sys.executable, "-m", "pip", "wheel", "--no-deps", "--quiet", "--wheel-dir", work / "dist", REPO, cwd=work)
    wheels = list((work / "dist").glob("networkday-*.whl"))
    assert len(wheels) == 1, wheels
    env_dir = work / "venv"
    _run(sys.executable, "-m", "venv", env_dir, cwd=work)
    _run(env_dir / "bin" / "python", "-m", "pip", "install", "--quiet", wheels[0], cwd=work)
    return env_dir


def test_the_installed_command_prints_its_version(venv: Path, tmp_path: Path) -> None:
    result = _run(venv / "bin" / "networkday", "--version", cwd=tmp_path)
    assert result.stdout == f"networkday {__version__}\n"


def test_the_installed_command_checks_the_demo_shipped_in_the_package(venv: Path, tmp_path: Path) -> None:
    probe = "from networkday.paths import resource; print(resource('demo')); print(resource('themes'))"
    demo, themes = _run(venv / "bin" / "python", "-c", probe, cwd=tmp_path).stdout.split()
    package = next((venv / "lib").glob("python3*/site-packages")) / "networkday"
    assert Path(demo) == package / "resources" / "demo"
    assert Path(themes) == package / "resources" / "themes"
    assert sorted(path.name for path in Path(themes).glob("*.toml")) == sorted(
        path.name for path in (REPO / "themes").glob("*.toml")
    )
    copy = tmp_path / "demo"
    shutil.copytree(demo, copy)
    contacts = len(list((copy / "contacts").glob("*.toml")))
    days = len(list((copy / "days").glob("*/*.toml")))
    assert contacts >= 30
    assert days >= 10
    companies = len(list((copy / "companies").glob("*.toml")))
    assert companies >= 5
    result = _run(venv / "bin" / "networkday", "check", "--data-dir", copy, cwd=tmp_path)
    assert result.stdout == f"{copy}: {contacts} contacts, {days} days, {companies} companies, no problems\n"
    # A plain copy keeps the installed modes (0755 and 0644): warned about, never a failure.
    warnings = result.stderr.splitlines()
    assert warnings
    assert all(line.startswith("networkday: warning: ") and "open to other users" in line for line in warnings)


def test_the_installed_command_exports_a_vdir_khard_reads(venv: Path, tmp_path: Path) -> None:
    """One card per demo contact, each parsed by the installed vobject; a second export changes nothing."""
    vdir = tmp_path / "cards"
    first = _run(venv / "bin" / "networkday", "--demo", "export", "vcard", "--dir", vdir, cwd=tmp_path)
    cards = sorted(vdir.glob("*.vcf"))
    assert len(cards) >= 30
    assert f"{len(cards)} written, 0 unchanged, 0 removed" in first.stderr
    probe = (
        "import sys, pathlib, vobject\n"
        "for path in sorted(pathlib.Path(sys.argv[1]).glob('*.vcf')):\n"
        "    (card,) = vobject.readComponents(path.read_text('utf-8'))\n"
        "    print(card.fn.value)\n"
    )
    names = _run(venv / "bin" / "python", "-c", probe, vdir, cwd=tmp_path).stdout.splitlines()
    assert len(names) == len(cards)
    assert all(names)
    again = _run(venv / "bin" / "networkday", "--demo", "export", "vcard", "--dir", vdir, cwd=tmp_path)
    assert f"0 written, {len(cards)} unchanged, 0 removed" in again.stderr


def test_python_m_runs_from_the_install(venv: Path, tmp_path: Path) -> None:
    result = _run(venv / "bin" / "python", "-m", "networkday", "check", "--help", cwd=tmp_path)
    assert result.stdout.startswith("usage: networkday check")


def test_the_wheel_carries_its_licence_type_marker_and_platforms(venv: Path, tmp_path: Path) -> None:
    probe = (
        "import importlib.metadata as m, importlib.resources as r; d = m.distribution('networkday'); "
        "print(d.metadata['License-Expression']); print(*d.metadata.get_all('Classifier'), sep='\\n'); "
        "print('py.typed', r.files('networkday').joinpath('py.typed').is_file()); "
        "print('LICENSE', any(str(f).endswith('licenses/LICENSE') for f in d.files))"
    )
    lines = _run(venv / "bin" / "python", "-c", probe, cwd=tmp_path).stdout.splitlines()
    assert lines[0] == "MIT"
    assert {"Operating System :: POSIX", "Typing :: Typed"} <= set(lines)
    assert not [line for line in lines if "Windows" in line]
    assert lines[-2:] == ["py.typed True", "LICENSE True"]


@pytest.mark.parametrize("tool", ["pipx", "uv"])
def test_a_user_install_from_the_local_path(tool: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """`pipx install .` and `uv tool install .`, as the README says, each in a home of its own."""
    found = shutil.which(tool) or shutil.which(tool, path=str(Path(sys.executable).parent))
    if found is None:
        pytest.skip(f"{tool} is not installed (pip install {tool})")
    source = tmp_path / "source"
    shutil.copytree(REPO, source, ignore=shutil.ignore_patterns(".venv", ".git", "__pycache__", "*.egg-info"))
    bin_dir = tmp_path / "bin"
    homes = {
        "PIPX_HOME": tmp_path / "pipx",
        "PIPX_BIN_DIR": bin_dir,
        "PIPX_MAN_DIR": tmp_path / "man",
        "UV_TOOL_DIR": tmp_path / "uv",
        "UV_TOOL_BIN_DIR": bin_dir,
    }
    for name, path in homes.items():
        monkeypatch.setenv(name, str(path))
    _run(*([found, "install", "."] if tool == "pipx" else [found, "tool", "install", "."]), cwd=source)
    assert _run(bin_dir / "networkday", "--version", cwd=tmp_path).stdout == f"networkday {__version__}\n"
