"""One shape: the UI takes the injected clock, calls by name that mypy checks, no module state; modules stay small."""

from __future__ import annotations

import ast
import json
import os
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
UI = REPO / "networkday" / "ui"

#: Calls that read the machine's time for the user's: the UI asks ``app.clock`` or ``store.clock``.
WALL_CLOCK = {("date", "today"), ("datetime", "now"), ("datetime", "utcnow"), ("datetime", "today"), ("time", "time")}
#: Containers that, made at module level, would be state shared by every app in the process.
MUTABLE = {"dict", "list", "set", "defaultdict", "WeakKeyDictionary", "WeakValueDictionary", "WeakSet"}


def ui_modules() -> list[tuple[Path, ast.Module]]:
    return [(path, ast.parse(path.read_text("utf-8"))) for path in sorted(UI.rglob("*.py"))]


def called(node: ast.Call) -> tuple[str, str] | None:
    """``date.today()`` as ("date", "today"); None for calls of another shape."""
    func = node.func
    if isinstance(func, ast.Attribute) and isinstance(func.value, ast.Name):
        return func.value.id, func.attr
    return None


def where(path: Path, node: ast.AST) -> str:
    return f"{path.relative_to(REPO)}:{getattr(node, 'lineno', 0)}"


def test_every_now_comes_from_the_injected_clock() -> None:
    found = [
        where(path, node)
        for path, tree in ui_modules()
        for node in ast.walk(tree)
        if isinstance(node, ast.Call) and called(node) in WALL_CLOCK
    ]
    assert found == []


def test_nothing_is_run_or_imported_by_a_name_in_a_string() -> None:
    """``getattr(self, what)()`` and ``importlib.import_module(path)`` hide calls from mypy and from grep."""
    found = []
    for path, tree in ui_modules():
        for node in ast.walk(tree):
            if isinstance(node, ast.Import | ast.ImportFrom):
                names = [alias.name for alias in node.names] + [getattr(node, "module", None) or ""]
                if "importlib" in names:
                    found.append(where(path, node))
            elif isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "getattr":
                target = ast.unparse(node.args[0])
                if target in ("self", "self.app", "self.screen", "app", "screen"):
                    found.append(where(path, node))
    assert found == []


def test_no_module_holds_state_of_its_own() -> None:
    """State belongs to an owner (the App, a screen), never to a module shared by every app in the process."""
    found = []
    for path, tree in ui_modules():
        for node in tree.body:
            value = node.value if isinstance(node, ast.Assign | ast.AnnAssign) else None
            if isinstance(value, ast.Call):
                name = value.func.id if isinstance(value.func, ast.Name) else getattr(value.func, "attr", "")
                if name in MUTABLE:
                    found.append(where(path, node))
    assert found == []


def test_modules_and_functions_stay_small() -> None:
    """Every module of the package, not the UI alone: at most 400 lines, and no function of 60 or more."""
    modules = [(path, ast.parse(path.read_text("utf-8"))) for path in sorted((REPO / "networkday").rglob("*.py"))]
    long_modules = [
        str(path.relative_to(REPO)) for path, _ in modules if len(path.read_text("utf-8").splitlines()) > 400
    ]
    long_functions = [
        f"{where(path, node)} {node.name}"
        for path, tree in modules
        for node in ast.walk(tree)
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef) and node.end_lineno - node.lineno >= 60
    ]
    assert long_modules == []
    assert long_functions == []


def test_the_app_imports_no_screen_that_the_first_frame_does_not_show() -> None:
    """Contacts, Journal, Review and every dialog are imported when first opened, never at start."""
    probe = (
        "import json, sys, networkday.ui.app; "
        "print(json.dumps(sorted(m for m in sys.modules if m.startswith('networkday.ui.'))))"
    )
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, env=env, check=True)
    loaded = set(json.loads(result.stdout))
    later = {name for name in loaded if name.startswith(("networkday.ui.modals.", "networkday.ui.screens."))}
    assert later <= {"networkday.ui.screens.too_small"}
    assert "networkday.ui.contact_actions" not in loaded
