"""The app's care for the terminal it runs in: themes, small windows and crash reports.

``NetworkdayApp`` derives from ``TerminalApp``, so every screen built on it inherits this:
- the themes from the theme files, the choice remembered in the app-owned state file;
- a "terminal too small" screen below ``MIN_WIDTH`` x ``MIN_HEIGHT``, pushed over the
  screens and dialogs already open (which keep their state) and popped on resize;
- a crash report without local variables, which would print contact data;
- bracketed pastes read whole and in order, without control characters (ui/paste.py).
- SIGTERM and SIGHUP (a ``kill``, a closed terminal, a dropped SSH connection) end the
  app as ``q`` does: what is typed is kept first, then the terminal is given back as it
  was (main screen, cursor shown, mouse off).
"""

from __future__ import annotations

import asyncio
import os
import signal
from typing import ClassVar

import rich
from rich.console import Group
from rich.segment import Segments
from rich.text import Text
from textual import events
from textual.filter import Monochrome, NoColor
from textual.geometry import Size
from textual.notifications import SeverityLevel

from networkday.domain.text import shown, shown_line
from networkday.storage.problems import StoreError
from networkday.storage.store import Store
from networkday.storage.themes import user_themes_dir
from networkday.ui.key_routing import KeyRouting
from networkday.ui.paste import install as install_paste_filter
from networkday.ui.screens.too_small import TooSmallScreen, fits
from networkday.ui.themes import automatic_theme, choose_theme, load_themes


class TerminalApp(KeyRouting):
    #: Actions still allowed while the terminal is too small: leaving, and nothing else.
    SMALL_ACTIONS: ClassVar[frozenset[str]] = frozenset({"quit", "help_quit"})

    store: Store

    #: Signals that end the app as ``q`` does, rather than leave the terminal in its modes.
    ENDING_SIGNALS: ClassVar[tuple[signal.Signals, ...]] = (signal.SIGTERM, signal.SIGHUP)

    def __init__(self) -> None:
        super().__init__()
        self._theme_ready = False
        install_paste_filter()
        #: The name of the signal that is ending the app, once one came.
        self.ended_by: str | None = None

    def notify(
        self,
        message: str,
        *,
        title: str = "",
        severity: SeverityLevel = "information",
        timeout: float | None = None,
        markup: bool = True,
    ) -> None:
        """Every toast, the app's and each screen's (Textual sends them all here), shows user
        text as data: a name or a path in it may hold an escape sequence or a bidi override."""
        super().notify(shown(message), title=shown_line(title), severity=severity, timeout=timeout, markup=markup)

    def on_load(self) -> None:
        """Themes before the first screen is styled: set once the app has mounted, the
        theme restyled and redrew every widget, 20 ms of start-up at 30,000 contacts."""
        self._start_themes()
        self._catch_ending_signals()

    # -- signals -----------------------------------------------------------------------------

    def _catch_ending_signals(self) -> None:
        """Python's default for these signals ends the process at once, leaving the terminal
        in the alternate screen with the cursor hidden and mouse reporting on. Under the
        test pilot (headless) the test runner keeps its own handlers."""
        if self.is_headless:
            return
        loop = asyncio.get_running_loop()
        for signum in self.ENDING_SIGNALS:
            loop.add_signal_handler(signum, self.end_by_signal, signum)

    def end_by_signal(self, signum: int) -> None:
        """Keeps what is typed, then leaves as ``q`` does, with the shell's code for the signal."""
        if self.ended_by is not None:
            return
        self.ended_by = signal.Signals(signum).name
        try:
            self.keep_typed_text()
        finally:  # whatever happens to the text, the terminal is given back
            self.exit(return_code=128 + signum)

    def keep_typed_text(self) -> None:
        """What is typed and not yet saved is saved now; the app says how (see ``NetworkdayApp``)."""

    def on_mount(self) -> None:
        self._fit(self.size)

    # -- themes ------------------------------------------------------------------------------

    def _start_themes(self) -> None:
        loaded = load_themes(user_themes_dir(self.store.root), self.get_theme_variable_defaults(), self.stylesheet)
        for problem in loaded.problems:
            self.notify(str(problem), title="Theme not loaded", severity="error", markup=False, timeout=12)
        for theme in loaded.themes.values():
            self.register_theme(theme)
        remembered = self.store.state().get("theme")
        automatic = automatic_theme(self.console.color_system, os.environ.get("TERM", ""), self.no_color)
        name, warnings = choose_theme(
            self.available_themes,
            remembered if isinstance(remembered, str) else None,
            self.store.config.theme,
            automatic,
        )
        for warning in warnings:
            self.notify(f"{warning} Using {name}.", severity="warning", markup=False, timeout=12)
        self.theme = name
        self._theme_ready = True

    def watch_theme(self, name: str) -> None:
        """A theme picked later (the palette) is remembered in state.toml, never in config.toml."""
        self._match_no_color_filter()
        if not self._theme_ready or self.store.state().get("theme") == name:
            return
        try:
            self.store.update_state(theme=name)
        except StoreError as error:
            self.notify(str(error), title="Theme not remembered", severity="warning", markup=False)

    def _match_no_color_filter(self) -> None:
        """Under NO_COLOR, Textual greys a true-colour theme but must drop the colours of an ANSI one.

        Textual picks the filter once, for the theme it starts with; this keeps it right
        after the theme changes (the ANSI theme then shows in the terminal's default colours,
        its cursor row in reverse video).
        """
        if not self.no_color:
            return
        wanted = NoColor() if self.native_ansi_color else Monochrome()
        self._filters = [wanted if isinstance(item, NoColor | Monochrome) else item for item in self._filters]

    # -- size --------------------------------------------------------------------------------

    def on_resize(self, event: events.Resize) -> None:
        self._fit(event.size)

    def _fit(self, size: Size) -> None:
        """Covers the screen stack while too small, and uncovers it as it was."""
        small = isinstance(self.screen, TooSmallScreen)
        if not fits(size) and not small:
            self.push_screen(TooSmallScreen())
        elif fits(size) and small:
            self.pop_screen()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """While too small, keys do nothing but quit, so nothing opens where it cannot be seen."""
        if isinstance(self.screen, TooSmallScreen):
            return action in self.SMALL_ACTIONS
        return True

    # -- crashes -------------------------------------------------------------------------------

    def _fatal_error(self) -> None:
        """Textual's crash report without its local variables, which would print contact data.

        Textual hard-codes ``show_locals=True`` here and offers no setting or environment
        variable for it, so this replaces that one method. Saves are atomic, so a crash
        leaves every file as it was before or after the last save, never half-written.
        """
        from rich.traceback import Traceback  # only on a crash: it costs start-up 30 ms (pygments)

        self.bell()
        traceback = Traceback(show_locals=False, width=None, suppress=[rich])
        note = Text(f"networkday stopped on an unexpected error. The files in {self.store.root} are intact.")
        report = Group(traceback, note)
        self._exit_renderables.append(Segments(self.console.render(report, self.console.options)))
        self._close_messages_no_wait()
