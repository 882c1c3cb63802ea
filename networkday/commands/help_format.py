"""Help text with examples: descriptions wrapped to the terminal, an ``examples:`` epilog kept line by line."""

from __future__ import annotations

import argparse


class ExamplesFormatter(argparse.HelpFormatter):
    """argparse's own layout, but an epilog that starts ``example`` keeps its lines as written.

    ``RawDescriptionHelpFormatter`` would keep every description unwrapped too, and a long
    one then runs past the terminal's edge.
    """

    def _fill_text(self, text: str, width: int, indent: str) -> str:
        if text.startswith("example"):
            return "".join(indent + line for line in text.splitlines(keepends=True))
        return super()._fill_text(text, width, indent)
