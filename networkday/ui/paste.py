"""Bracketed paste, kept whole and in order, with its control characters dropped.

Textual 8.2's input parser reads an ESC inside a bracketed paste as the start of a key
sequence: what follows it is sent as typed keys at once (so it lands before the paste,
and may run a binding), and only the rest arrives as the paste. Text copied from a
terminal or a web page can hold ESC. So the terminal's input passes through
``PasteFilter`` before the parser: inside a paste, every control character but tab,
newline and carriage return is dropped, ESC included, and the paste reaches the focused
widget (the journal's TextArea, any Input) as one Paste event, in order. A whole control
sequence that starts in the paste (``ESC [31m``, an OSC or other string sequence up to its
terminator) is dropped with its ESC, so no ``[31m`` is left in the text; the plain text
around it stays.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from textual.drivers import linux_driver
from textual.message import Message

PASTE_START = "\x1b[200~"
PASTE_END = "\x1b[201~"
#: What a paste may not carry: C0 but tab, newline and CR (a terminal's newline), DEL and C1.
_DROPPED = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
#: The start of a CSI (ESC [, or C1 CSI) or of a string sequence (OSC, DCS, SOS, PM, APC).
_SEQUENCE = re.compile(r"(\x1b\[|\x9b)|\x1b[\]PX^_]|[\x9d\x90\x98\x9e\x9f]")
#: The rest of a CSI: parameter and intermediate bytes, then its final byte (any other
#: character ends it as terminals do: what is read so far is dropped, that character kept).
_CSI_REST = re.compile(r"[\x20-\x3f]*[\x40-\x7e]?")
#: The end of a string sequence: BEL, ST (ESC \\ or C1 ST); a lone ESC ends it too.
_STRING_END = re.compile(r"\x07|\x9c|\x1b\\?")


class PasteFilter:
    """Drops control characters inside bracketed pastes of a stream of terminal input.

    Input arrives in chunks that may split a marker: the end of a chunk that could begin
    the paste's end marker is held for the next one (only inside a paste, so an Escape key
    pressed on its own is never delayed), and the start marker is found across chunks.
    """

    def __init__(self) -> None:
        self.pasting = False
        self._held = ""
        self._tail = ""
        self._open: re.Pattern[str] | None = None  # the end awaited of a sequence a chunk left open

    def __call__(self, data: str) -> str:
        out: list[str] = []
        data, self._held = self._held + data, ""
        while data:
            if not self.pasting:
                probe = self._tail + data
                found = probe.find(PASTE_START)
                if found < 0:
                    out.append(data)
                    self._tail = probe[-(len(PASTE_START) - 1) :]
                    break
                after = found + len(PASTE_START) - len(self._tail)
                out.append(data[:after])
                data, self._tail, self.pasting = data[after:], "", True
            else:
                found = data.find(PASTE_END)
                if found < 0:
                    keep = _marker_prefix(data)
                    out.append(self._pasted(data[: len(data) - keep]))
                    self._held = data[len(data) - keep :]
                    break
                out.append(self._pasted(data[:found]) + PASTE_END)
                data, self.pasting, self._open = data[found + len(PASTE_END) :], False, None
        return "".join(out)

    def _pasted(self, text: str) -> str:
        """Pasted text without its control sequences and controls; a sequence still open at
        the end of ``text`` goes on being dropped in the next chunk, until the paste ends."""
        kept: list[str] = []
        at = 0
        while at < len(text):
            if self._open is None:
                start = _SEQUENCE.search(text, at)
                if start is None:
                    kept.append(text[at:])
                    break
                kept.append(text[at : start.start()])
                self._open, at = (_CSI_REST if start.group(1) else _STRING_END), start.end()
            if self._open is _CSI_REST:
                rest = _CSI_REST.match(text, at)
                assert rest is not None  # it matches the empty string
                at = rest.end()
                finished = at < len(text) or rest.group()[-1:] >= "\x40"
            else:
                end = _STRING_END.search(text, at)
                finished, at = end is not None, end.end() if end else len(text)
            if finished:
                self._open = None
        return _DROPPED.sub("", "".join(kept))


def _marker_prefix(data: str) -> int:
    """How many characters at the end of ``data`` could begin the paste's end marker."""
    for size in range(min(len(PASTE_END) - 1, len(data)), 0, -1):
        if PASTE_END.startswith(data[-size:]):
            return size
    return 0


class PasteSafeParser(linux_driver.XTermParser):
    """Textual's parser, fed through a PasteFilter."""

    def __init__(self, debug: bool = False) -> None:
        super().__init__(debug)
        self._paste_filter = PasteFilter()

    def feed(self, data: str) -> Iterable[Message]:
        if not data:  # the end of input
            return super().feed(data)
        filtered = self._paste_filter(data)
        return super().feed(filtered) if filtered else ()


def install() -> None:
    """Makes Textual's terminal driver read input with ``PasteSafeParser``.

    The driver builds its parser by this module-level name in its input thread, with no
    other way in; the app calls this before it runs.
    """
    linux_driver.XTermParser = PasteSafeParser  # type: ignore[misc]  # replacing a class is the only way in
