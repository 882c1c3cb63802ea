"""The build hook that writes networkday.1, the man page, from the command-line parser at every build.

The page is made from ``networkday.cli.build_parser`` (``networkday/commands/manpage.py``), so it
lists the commands of the code being built and cannot drift from them. The wheel installs it as
``share/man/man1/networkday.1`` (pip, pipx and uv put it under the install prefix); the sdist
carries it at its top, beside this hook, which writes it afresh when a wheel is built from it.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path
from typing import Any

from hatchling.builders.hooks.plugin.interface import BuildHookInterface


def man_page(root: str) -> str:
    sys.path.insert(0, root)  # the source being built, before any installed networkday
    try:
        from networkday.cli import build_parser
        from networkday.commands.manpage import render

        return render(build_parser(None))
    finally:
        sys.path.remove(root)


class ManPageHook(BuildHookInterface):
    PLUGIN_NAME = "custom"

    def initialize(self, version: str, build_data: dict[str, Any]) -> None:
        self._folder = tempfile.TemporaryDirectory(prefix="networkday-man-")
        page = Path(self._folder.name) / "networkday.1"
        page.write_text(man_page(self.root), "utf-8")
        if self.target_name == "wheel":
            build_data["shared_data"][str(page)] = "share/man/man1/networkday.1"
        else:
            build_data["force_include"][str(page)] = "networkday.1"

    def finalize(self, version: str, build_data: dict[str, Any], artifact_path: str) -> None:
        self._folder.cleanup()
