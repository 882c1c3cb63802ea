"""The import contracts in pyproject.toml bite: a forbidden import in a copy of the package fails `lint-imports`.

Each case copies ``networkday/`` and ``pyproject.toml`` into a temporary folder, adds one
import that a contract forbids, and runs ``lint-imports`` on the copy. Loosening or
dropping a contract makes its case pass the check, and so fail here.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
LINT_IMPORTS = Path(sys.executable).parent / "lint-imports"


def copy_of_package(tmp_path: Path) -> Path:
    root = tmp_path / "copy"
    shutil.copytree(REPO / "networkday", root / "networkday", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy2(REPO / "pyproject.toml", root / "pyproject.toml")
    return root


def lint_imports(root: Path) -> subprocess.CompletedProcess[str]:
    """Runs the check on the copy: it is first on the path, ahead of the installed package."""
    return subprocess.run(
        [str(LINT_IMPORTS), "--no-cache", "--config", str(root / "pyproject.toml")],
        cwd=root,
        env={**os.environ, "PYTHONPATH": str(root)},
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def add_import(root: Path, module: str, line: str) -> None:
    """Puts ``line`` among the module's imports, right after its ``from __future__`` line."""
    path = root / "networkday" / module
    future = "from __future__ import annotations\n"
    text = path.read_text("utf-8")
    assert future in text
    path.write_text(text.replace(future, f"{future}\n{line}\n", 1), "utf-8")


def test_the_unchanged_package_keeps_every_contract(tmp_path: Path) -> None:
    result = lint_imports(copy_of_package(tmp_path))
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 broken" in result.stdout


@pytest.mark.parametrize(
    ("module", "line", "broken"),
    [
        ("domain/plan.py", "import networkday.storage", "Layers"),
        ("domain/plan.py", "import networkday.services.plan", "Layers"),
        ("storage/layout.py", "import networkday.services", "Layers"),
        ("storage/layout.py", "import networkday.importers.common", "Layers"),
        ("importers/common.py", "import networkday.storage.store", "Layers"),
        ("services/plan.py", "import networkday.commands.common", "Layers"),
        ("ui/plain.py", "import networkday.commands", "Layers"),
        ("commands/common.py", "import networkday.ui.plain", "Layers"),
        ("commands/common.py", "import networkday.cli", "Layers"),
        ("paths.py", "import networkday.domain", "Layers"),
        ("domain/plan.py", "import tomllib", "The domain is pure rules"),
        ("domain/plan.py", "from rich.text import Text", "The domain is pure rules"),
        ("domain/text.py", "import networkday.paths", "The domain is pure rules"),
        ("services/plan.py", "import textual", "Only the UI imports Textual"),
        ("ui/plain.py", "from networkday.storage.atomic import write_atomic", "Only storage uses the file-writing"),
        ("services/plan.py", "from networkday.storage.lock import folder_lock", "Only storage uses the file-writing"),
        ("commands/today.py", "from networkday.storage import codec", "Only storage uses the file-writing"),
    ],
)
def test_a_forbidden_import_breaks_its_contract(tmp_path: Path, module: str, line: str, broken: str) -> None:
    root = copy_of_package(tmp_path)
    add_import(root, module, line)
    result = lint_imports(root)
    assert result.returncode == 1, result.stdout + result.stderr
    assert broken in result.stdout.split("Broken contracts")[-1]


def test_a_new_top_level_module_must_be_given_a_layer(tmp_path: Path) -> None:
    root = copy_of_package(tmp_path)
    (root / "networkday" / "helpers.py").write_text('"""A module the contracts do not place."""\n', "utf-8")
    result = lint_imports(root)
    assert result.returncode == 1
    assert "networkday.helpers" in result.stdout
