"""networkday(1) as the build writes it: every command of the parser, rendered by groff without a warning."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from networkday.cli import build_parser
from networkday.commands.manpage import render
from tests.cli.test_completion import every_argument


def page() -> str:
    return render(build_parser(None))


def test_every_command_and_argument_is_on_the_page() -> None:
    text = page()
    for parser, action in every_argument(build_parser(None)):
        assert f'.SS "{parser.prog.replace("-", chr(92) + "-")}"' in text or parser.prog == "networkday"
        if action.help and action.dest not in ("help", "data_dir") and action.help != "==SUPPRESS==":
            assert action.help.replace("-", "\\-").split()[0] in text
    assert '.SS "networkday contacts search"' in text
    assert "networkday completion bash" in text  # the examples of the epilogs
    assert "NETWORKDAY_HOME" in text
    assert "candidates" not in text  # the completion scripts' hidden entry


def test_user_words_cannot_become_roff_requests() -> None:
    from networkday.commands.manpage import _text

    assert _text(".SH x\n'br\na\\b-c") == "\\&.SH x\n\\&'br\na\\eb\\-c"


@pytest.mark.skipif(shutil.which("groff") is None, reason="groff is not installed")
def test_groff_renders_the_page_without_warnings(tmp_path: Path) -> None:
    path = tmp_path / "networkday.1"
    path.write_text(page(), "utf-8")
    done = subprocess.run(
        ["groff", "-man", "-Tutf8", "-ww", str(path)], capture_output=True, text=True, check=True, timeout=60
    )
    assert done.stderr == ""
    assert "networkday contacts list" in done.stdout
    assert "NETWORKDAY(1)" in done.stdout


@pytest.mark.skipif(shutil.which("man") is None, reason="man is not installed")
def test_man_renders_the_page(tmp_path: Path) -> None:
    path = tmp_path / "networkday.1"
    path.write_text(page(), "utf-8")
    done = subprocess.run(
        ["man", "-l", str(path)],
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
        env={"MANPAGER": "cat", "PATH": "/usr/bin:/bin", "COLUMNS": "80"},
    )
    assert "networkday edit" in done.stdout
