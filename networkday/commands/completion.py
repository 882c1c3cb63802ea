"""`networkday completion bash|zsh|fish`: shell completion answered by the command-line parser itself.

Each script is a few lines that hand the words typed so far to ``networkday completion
--candidates`` and offer what it prints. The answers come from walking the argparse
parser that runs the commands, so a new command, option or choice completes the day it
is added, and the scripts never need regenerating. Contact and company ids come from the
store (``storage.ids``): the index cache for contacts, the folder listing for companies.

What an argument takes is read from its metavar, the convention every command follows:
``ID`` and ``CONTACT_ID`` are contact ids, ``COMPANY_ID`` (and ``COMPANY_ID/OPP_ID``) company
ids, ``FILE`` a file and ``PATH`` or ``FOLDER`` a folder; ``choices`` complete as themselves.
"""

from __future__ import annotations

import argparse
import itertools
import sys
from collections.abc import Callable, Iterable, Sequence

from networkday.commands.help_format import ExamplesFormatter

#: The first line of an answer that asks the shell for its own file or folder completion.
FILES, FOLDERS = ":files", ":folders"
CONTACT_METAVARS = frozenset({"ID", "CONTACT_ID"})
COMPANY_METAVARS = frozenset({"COMPANY_ID", "COMPANY_ID/OPP_ID"})
FILE_METAVARS = frozenset({"FILE"})
FOLDER_METAVARS = frozenset({"PATH", "FOLDER"})

BASH = r"""# networkday completion for bash: eval "$(networkday completion bash)" in ~/.bashrc
_networkday() {
    local cur=${COMP_WORDS[COMP_CWORD]} IFS=$'\n' answer
    local words=("${COMP_WORDS[@]:1:COMP_CWORD}")
    answer=($(networkday completion --candidates "${words[@]/#/:}" 2>/dev/null))
    case ${answer[0]} in
        :files) compopt -o filenames 2>/dev/null; COMPREPLY=($(compgen -f -- "$cur")) ;;
        :folders) compopt -o filenames 2>/dev/null; COMPREPLY=($(compgen -d -- "$cur")) ;;
        *) COMPREPLY=("${answer[@]}") ;;
    esac
}
complete -F _networkday networkday
"""

ZSH = r"""#compdef networkday
# networkday completion for zsh: eval "$(networkday completion zsh)" in ~/.zshrc, after compinit
_networkday() {
    local -a answer
    answer=("${(@f)$(networkday completion --candidates "${(@)words[2,CURRENT]/#/:}" 2>/dev/null)}")
    case $answer[1] in
        :files) _files ;;
        :folders) _files -/ ;;
        *) (( ${#answer} )) && [[ -n $answer[1] ]] && compadd -Q -- "${(@)answer}" ;;
    esac
}
compdef _networkday networkday
"""

FISH = r"""# networkday completion for fish: networkday completion fish | source, in ~/.config/fish/config.fish
function __networkday_complete
    set -l words (commandline -opc)
    set -l current (commandline -ct)
    set -l answer (networkday completion --candidates :$words[2..-1] ":$current" 2>/dev/null)
    switch "$answer[1]"
        case :files
            __fish_complete_path (commandline -ct)
        case :folders
            __fish_complete_directories (commandline -ct)
        case '*'
            printf '%s\n' $answer
    end
end
complete -c networkday -f -a '(__networkday_complete)'
"""

SCRIPTS = {"bash": BASH, "zsh": ZSH, "fish": FISH}


def register(subparsers: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    parser = subparsers.add_parser(
        "completion",
        parents=[common],
        help="print the shell completion script for bash, zsh or fish",
        description="Print a script that completes networkday's commands, options, contact ids and company ids "
        "in your shell. Load it from your shell's start-up file with the line below; it asks networkday "
        "itself at each Tab, so it never needs updating.",
        epilog="examples:\n"
        '  eval "$(networkday completion bash)"          # in ~/.bashrc\n'
        '  eval "$(networkday completion zsh)"           # in ~/.zshrc, after compinit\n'
        "  networkday completion fish | source           # in ~/.config/fish/config.fish",
        formatter_class=ExamplesFormatter,
    )
    parser.add_argument("shell", nargs="?", choices=tuple(SCRIPTS), metavar="SHELL", help="bash, zsh or fish")
    # The scripts' own entry: the words typed after `networkday`, the last one being completed,
    # each behind a colon, so that none (``--``, ``-h``) is taken for an option of this command.
    parser.add_argument("--candidates", nargs="*", metavar="WORD", help=argparse.SUPPRESS)
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from networkday.commands.common import CommandError

    if args.candidates is not None:
        words = [word.removeprefix(":") for word in args.candidates] or [""]
        print("\n".join(candidates(args.full_parser(), words, lambda kind: ids(kind, words))))
        return 0
    if args.shell is None:
        raise CommandError("name a shell: networkday completion bash|zsh|fish", 2)
    sys.stdout.write(SCRIPTS[args.shell])
    return 0


def ids(kind: str, words: Sequence[str]) -> list[str]:
    """The contact or company ids of the folder the words name (``--data-dir``), else the usual one.

    A folder that is not there offers none, and is never made.
    """
    from networkday.paths import data_dir
    from networkday.storage.ids import company_ids, contact_ids

    folder = None
    for word, following in itertools.pairwise(words):
        if word == "--data-dir":
            folder = following
    folder = folder or next((word.split("=", 1)[1] for word in words if word.startswith("--data-dir=")), None)
    root = data_dir(folder)
    return contact_ids(root) if kind == "contact" else company_ids(root)


class _Walk:
    """Where the words typed so far leave the parser: which (sub)parser, which positional next."""

    def __init__(self, parser: argparse.ArgumentParser) -> None:
        self.parser = parser
        self.positional = 0
        self.pending: argparse.Action | None = None

    def take(self, word: str) -> None:
        if self.pending is not None:
            self.pending = None if self.pending.nargs in (None, 1) else self.pending
            return
        if word.startswith("-") and word != "-":
            action = self.parser._option_string_actions.get(word.split("=", 1)[0])
            if action is not None and action.nargs != 0 and "=" not in word:
                self.pending = action
            return
        action = self.next_positional()
        if isinstance(action, argparse._SubParsersAction) and word in action.choices:
            self.parser, self.positional = action.choices[word], 0
        elif action is not None and action.nargs not in ("*", "+", argparse.REMAINDER):
            self.positional += 1

    def next_positional(self) -> argparse.Action | None:
        positionals = [action for action in self.parser._actions if not action.option_strings]
        return positionals[self.positional] if self.positional < len(positionals) else None

    def options(self) -> list[str]:
        return [
            option
            for action in self.parser._actions
            if action.help != argparse.SUPPRESS
            for option in action.option_strings
        ]


def candidates(
    parser: argparse.ArgumentParser, words: Sequence[str], ids_of: Callable[[str], Iterable[str]]
) -> list[str]:
    """What may follow ``words[:-1]`` and starts with ``words[-1]``, or ``FILES``/``FOLDERS``."""
    walk = _Walk(parser)
    *done, partial = words
    for word in done:
        walk.take(word)
    if walk.pending is None and partial.startswith("-"):
        return sorted(option for option in walk.options() if option.startswith(partial))
    action = walk.pending or walk.next_positional()
    if action is None:
        return []
    offered = values(action, ids_of)
    if offered in ([FILES], [FOLDERS]):
        return offered
    return [value for value in offered if value.startswith(partial)]


def values(action: argparse.Action, ids_of: Callable[[str], Iterable[str]]) -> list[str]:
    """What an argument takes, by its choices or its metavar (see the module's note)."""
    if isinstance(action, argparse._SubParsersAction):
        shown = {choice.dest for choice in action._choices_actions}
        return [name for name in action.choices if name in shown]
    if action.choices is not None:
        return [str(choice) for choice in action.choices]
    metavar = action.metavar if isinstance(action.metavar, str) else None
    if metavar in CONTACT_METAVARS:
        return list(ids_of("contact"))
    if metavar in COMPANY_METAVARS:
        return list(ids_of("company"))
    if metavar in FILE_METAVARS:
        return [FILES]
    if metavar in FOLDER_METAVARS:
        return [FOLDERS]
    return []
