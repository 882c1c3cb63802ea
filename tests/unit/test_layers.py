"""The layers hold: the domain, the storage, the services and the plain commands never import Textual."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]

PROBE = """
import contextlib, io, json, pkgutil, sys, importlib
import networkday.commands, networkday.domain, networkday.services, networkday.storage
for package in (networkday.domain, networkday.storage, networkday.services, networkday.commands):
    for module in pkgutil.iter_modules(package.__path__, package.__name__ + "."):
        importlib.import_module(module.name)
import networkday.cli
from networkday.cli import main
with contextlib.redirect_stdout(io.StringIO()) as out, contextlib.redirect_stderr(io.StringIO()):
    code = main(["check", "--data-dir", sys.argv[1]])
loaded = sorted(name for name in sys.modules if name == "textual" or name.startswith("textual."))
print(json.dumps({"code": code, "textual": loaded, "out": out.getvalue()}))
"""


def test_domain_storage_services_commands_and_check_leave_textual_out(tmp_path: Path) -> None:
    env = {**os.environ, "PYTHONPATH": str(REPO), "NETWORKDAY_NOW": "2026-11-25T09:30:00+01:00"}
    (tmp_path / "data").mkdir(mode=0o700)
    result = subprocess.run(
        [sys.executable, "-c", textwrap.dedent(PROBE), str(tmp_path / "data")],
        capture_output=True,
        text=True,
        env=env,
        check=True,
        timeout=60,
    )
    report = json.loads(result.stdout)
    assert report["code"] == 0
    assert "0 contacts, 0 days, no problems" in report["out"]
    assert report["textual"] == []
