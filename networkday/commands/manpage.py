"""networkday(1), the man page, written in roff from the argparse parser the commands run on.

The build (``hatch_build.py``) calls ``render`` on every build, so the page lists exactly
the commands, arguments, help and examples of the version it ships with: it cannot drift.
"""

from __future__ import annotations

import argparse
import re
from collections.abc import Iterator

from networkday import __version__

#: What the environment changes; `--help` names the same variables.
ENVIRONMENT: tuple[tuple[str, str], ...] = (
    ("NETWORKDAY_HOME", "the data folder, when --data-dir is not given (else the platform's user data folder)."),
    ("NETWORKDAY_NOW", "the instant taken as now (ISO 8601), for scripts and tests."),
    ("NETWORKDAY_TZ", "the time zone for networkday alone; else TZ, else /etc/localtime."),
    ("NO_COLOR", "when set, the app sends no colour."),
    ("VISUAL, EDITOR", "the editor for journal --edit and edit (VISUAL first, then EDITOR, then vi)."),
    ("ESCDELAY", "how many milliseconds the app waits after Escape (100 by default)."),
)
_SPACES = re.compile(r"\s+")


def _text(text: str) -> str:
    """Text safe in roff: backslashes escaped, and no line that starts like a request."""
    escaped = text.replace("\\", "\\e").replace("-", "\\-")
    return "\n".join("\\&" + line if line.startswith((".", "'")) else line for line in escaped.splitlines())


def _paragraph(text: str | None) -> str:
    return _text(_SPACES.sub(" ", text or "").strip())


def _invocation(action: argparse.Action) -> str:
    metavar = action.metavar if isinstance(action.metavar, str) else None
    if not action.option_strings:
        return metavar or action.dest
    if action.nargs == 0:
        return ", ".join(action.option_strings)
    value = metavar or (("{" + ",".join(map(str, action.choices)) + "}") if action.choices else action.dest.upper())
    return ", ".join(f"{option} {value}" for option in action.option_strings)


def _arguments(parser: argparse.ArgumentParser, *, common: bool = True) -> Iterator[str]:
    """Each argument with its help; ``common=False`` leaves out --data-dir, said once under OPTIONS."""
    for action in parser._actions:
        if action.help == argparse.SUPPRESS or isinstance(action, argparse._SubParsersAction | argparse._HelpAction):
            continue
        if not common and action.dest == "data_dir":
            continue
        yield f'.TP\n.B "{_text(_invocation(action))}"\n{_paragraph(action.help)}'


def _commands(parser: argparse.ArgumentParser, name: str) -> Iterator[str]:
    """Each command's section, its subcommands after it, in the parser's order."""
    for action in parser._actions:
        if not isinstance(action, argparse._SubParsersAction):
            continue
        for word, sub in action.choices.items():
            full = f"{name} {word}"
            usage = sub.format_usage().removeprefix("usage: ").strip()
            yield f'.SS "{_text(full)}"\n{_text(_SPACES.sub(" ", usage))}\n.PP'
            yield _paragraph(sub.description)
            yield from _arguments(sub, common=False)
            if sub.epilog:
                yield f".PP\n.nf\n{_text(sub.epilog)}\n.fi"
            yield from _commands(sub, full)


def render(parser: argparse.ArgumentParser) -> str:
    """The whole page for ``parser`` (the one ``cli.build_parser(None)`` makes)."""
    parts = [
        f'.TH NETWORKDAY 1 "" "networkday {__version__}" "User Commands"',
        f".SH NAME\nnetworkday \\- {_paragraph(parser.description)}",
        ".SH SYNOPSIS\n.B networkday\n[\\-\\-demo] [\\-\\-data\\-dir PATH]\n.br\n.B networkday\n"
        "COMMAND [ARGUMENTS] [\\-\\-data\\-dir PATH]",
        ".SH DESCRIPTION\nWithout a command, networkday opens the app: a keyboard\\-driven daily planner for a job "
        "search that runs on networking. Each command below works without a terminal, for scripts, cron and "
        "a shell's completion. A command exits with 0 on success, 1 when the data has a problem, and 2 for "
        "a usage error.",
        ".SH OPTIONS",
        *_arguments(parser),
        ".SH COMMANDS",
        *_commands(parser, "networkday"),
        ".SH ENVIRONMENT",
        *(f".TP\n.B {_text(name)}\n{_paragraph(meaning)}" for name, meaning in ENVIRONMENT),
        ".SH FILES\n.TP\n.I config.toml, contacts/, companies/, days/\nin the data folder: plain TOML, "
        "described in docs/FORMAT.md.",
    ]
    return "\n".join(part for part in parts if part) + "\n"
