"""`networkday completion`: the scripts load in their shells and complete from the parser and the folder.

The bash test runs bash's own completion function on simulated COMP_WORDS, with the
installed `networkday` on PATH; zsh and fish load their scripts when they are installed.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from networkday.cli import build_parser, main
from networkday.commands.completion import FILES, FOLDERS, candidates, values

pytestmark = pytest.mark.usefixtures("command_env")

BIN = Path(sys.prefix) / "bin"  # the environment running the tests, where its `networkday` is installed
INSTALLED = shutil.which("networkday", path=str(BIN))


@pytest.fixture
def data(tmp_path: Path) -> Path:
    root = tmp_path / "data"
    for name in ("Jane Doe", "Jamal Khan", "Zoë Adams"):
        assert main(["add", name, "--data-dir", str(root)]) == 0
    assert main(["company", "add", "Acme", "--data-dir", str(root)]) == 0
    return root


def script(shell: str, capsys: pytest.CaptureFixture[str]) -> str:
    capsys.readouterr()
    assert main(["completion", shell]) == 0
    return capsys.readouterr().out


def offered(*words: str, ids: dict[str, list[str]] | None = None) -> list[str]:
    known = ids or {"contact": ["jamal-khan", "jane-doe"], "company": ["acme"]}
    return candidates(build_parser(None), list(words), lambda kind: known[kind])


def test_each_shell_gets_its_script_and_no_shell_is_a_usage_error(capsys) -> None:
    assert "complete -F _networkday networkday" in script("bash", capsys)
    assert script("zsh", capsys).startswith("#compdef networkday")
    assert "complete -c networkday" in script("fish", capsys)
    assert main(["completion"]) == 2
    with pytest.raises(SystemExit) as refused:
        main(["completion", "tcsh"])
    assert refused.value.code == 2


def test_the_bash_script_parses(capsys, tmp_path: Path) -> None:
    path = tmp_path / "networkday.bash"
    path.write_text(script("bash", capsys), "utf-8")
    subprocess.run(["bash", "-n", str(path)], check=True)


def test_subcommands_options_and_choices_come_from_the_parser() -> None:
    commands = list(build_parser(None)._subparsers._group_actions[0].choices)  # type: ignore[union-attr]
    assert offered("") == commands
    assert offered("co") == ["contacts", "company", "completion", "conflicts"]
    assert offered("contacts", "") == ["list", "show", "search"]
    assert offered("contacts", "list", "--") == [
        "--company",
        "--data-dir",
        "--help",
        "--json",
        "--losing-touch",
        "--tag",
    ]
    assert offered("log", "jane-doe", "w") == ["will", "wont"]
    assert offered("log", "jane-doe", "--channel", "c") == ["coffee"]
    assert offered("timer", "start", "") == ["networking", "other"]
    assert "--candidates" not in offered("completion", "--")  # the scripts' own entry stays hidden


def test_ids_files_and_folders_by_what_the_argument_takes() -> None:
    assert offered("log", "ja") == ["jamal-khan", "jane-doe"]
    assert offered("contacts", "show", "jan") == ["jane-doe"]
    assert offered("edit", "") == ["jamal-khan", "jane-doe"]
    assert offered("add", "Someone", "--referred-by", "jam") == ["jamal-khan"]
    assert offered("company", "target", "") == ["acme"]
    assert offered("opportunity", "add", "a") == ["acme"]
    assert offered("opportunity", "add", "acme", "Staff engineer", "--via", "") == ["jamal-khan", "jane-doe"]
    assert offered("import", "vcard", "") == [FILES]
    assert offered("export", "csv", "-o", "x") == [FILES]
    assert offered("--data-dir", "") == [FOLDERS]
    assert offered("today", "--date", "") == []  # free text: nothing to offer


def test_every_id_argument_completes_ids() -> None:
    """An argument named for an id (now or added later) must say which by its metavar."""
    missing = []
    for parser, action in every_argument(build_parser(None)):
        words = f"{action.dest} {action.metavar or ''}".lower().replace("/", " ").replace("_", " ").split()
        names_an_id = "id" in words or action.dest in ("via", "referred_by")
        if names_an_id and values(action, lambda kind: [kind]) not in (["contact"], ["company"]):
            missing.append(f"{parser.prog} {action.dest}")
    assert missing == []


def every_argument(parser: argparse.ArgumentParser):
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for sub in action.choices.values():
                yield from every_argument(sub)
        else:
            yield parser, action


@pytest.mark.skipif(INSTALLED is None, reason="the networkday command is not installed beside this Python")
def test_bash_completes_in_a_real_bash(data: Path, capsys, tmp_path: Path) -> None:
    path = tmp_path / "networkday.bash"
    path.write_text(script("bash", capsys), "utf-8")
    (tmp_path / "notes.vcf").write_text("", "utf-8")
    program = f"""
source {path}
complete -p networkday
t() {{ COMP_WORDS=("$@"); COMP_CWORD=$(( $# - 1 )); COMPREPLY=(); _networkday; echo "${{COMPREPLY[*]}}"; }}
t networkday contacts s
t networkday log ja
t networkday --data-dir {tmp_path}/other log ja
t networkday company target ""
t networkday contacts list --l
t networkday import vcard {tmp_path}/no
"""
    env = {**os.environ, "PATH": f"{BIN}{os.pathsep}{os.environ['PATH']}", "NETWORKDAY_HOME": str(data)}
    lines = subprocess.run(["bash", "-c", program], env=env, capture_output=True, text=True, check=True).stdout
    assert lines.splitlines() == [
        "complete -F _networkday networkday",
        "show search",
        "jamal-khan jane-doe",
        "",  # a folder that is not there offers no ids, and is not made
        "acme",
        "--losing-touch",
        f"{tmp_path}/notes.vcf",
    ]
    assert not (tmp_path / "other").exists()


@pytest.mark.skipif(shutil.which("zsh") is None, reason="zsh is not installed")
@pytest.mark.skipif(INSTALLED is None, reason="the networkday command is not installed beside this Python")
def test_zsh_loads_its_script(capsys, tmp_path: Path) -> None:
    path = tmp_path / "networkday.zsh"
    path.write_text(script("zsh", capsys), "utf-8")
    program = (
        f"autoload -Uz compinit && compinit -u -d {tmp_path}/zcompdump; source {path}; print -r -- $_comps[networkday]"
    )
    env = {**os.environ, "PATH": f"{BIN}{os.pathsep}{os.environ['PATH']}", "HOME": str(tmp_path)}
    done = subprocess.run(["zsh", "-f", "-c", program], env=env, capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "_networkday"


@pytest.mark.skipif(shutil.which("fish") is None, reason="fish is not installed")
@pytest.mark.skipif(INSTALLED is None, reason="the networkday command is not installed beside this Python")
def test_fish_completes_with_its_script(data: Path, capsys, tmp_path: Path) -> None:
    path = tmp_path / "networkday.fish"
    path.write_text(script("fish", capsys), "utf-8")
    env = {
        **os.environ,
        "PATH": f"{BIN}{os.pathsep}{os.environ['PATH']}",
        "NETWORKDAY_HOME": str(data),
        "HOME": str(tmp_path),
        "XDG_CONFIG_HOME": str(tmp_path),
    }
    program = f"source {path}; complete -C'networkday contacts s'; complete -C'networkday edit ja'"
    done = subprocess.run(["fish", "--no-config", "-c", program], env=env, capture_output=True, text=True, check=True)
    assert [line.split("\t")[0] for line in done.stdout.splitlines()] == ["search", "show", "jamal-khan", "jane-doe"]
