"""Opening a contact's link: a browser only where one can appear, else show it and copy it.

Over SSH a browser would start on the server, and a console browser (lynx, w3m) would
take over the very terminal the app draws in; in both cases the link is shown and copied
to the clipboard through the terminal (OSC 52) instead. Only https and mailto links are
ever opened, and never through a shell: the browser gets the link as one argument.
"""

from __future__ import annotations

import os
import subprocess
import webbrowser
from collections.abc import Mapping

from textual.app import App

from networkday.domain.text import shown_line
from networkday.ui.links import copy_to_clipboard, linkable

OPENED, SHOWN, REFUSED = "opened", "shown", "refused"


def remote_session(environ: Mapping[str, str]) -> bool:
    return bool(environ.get("SSH_CONNECTION") or environ.get("SSH_TTY") or environ.get("SSH_CLIENT"))


def graphical(controller: webbrowser.BaseBrowser) -> bool:
    """Whether the browser opens in a window of its own rather than in this terminal.

    ``webbrowser`` registers console browsers (www-browser, lynx, w3m, links) and a
    ``BROWSER`` command without ``&`` as a plain GenericBrowser that runs in the foreground.
    """
    if isinstance(controller, webbrowser.BackgroundBrowser):
        return True
    if isinstance(controller, webbrowser.UnixBrowser):
        return bool(controller.background)
    return not isinstance(controller, webbrowser.GenericBrowser)


def launch(url: str) -> bool:
    """Starts a graphical browser on ``url``; False when there is none to start."""
    try:
        controller = webbrowser.get()
    except webbrowser.Error:
        return False
    if not graphical(controller):
        return False
    if isinstance(controller, webbrowser.BackgroundBrowser):
        # As BackgroundBrowser.open does, but with its output kept off the app's screen.
        command = [controller.name, *(arg.replace("%s", url) for arg in controller.args)]
        try:
            subprocess.Popen(
                command,
                stdin=subprocess.DEVNULL,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
                close_fds=True,
                start_new_session=True,
            )
        except OSError:
            return False
        return True
    return bool(controller.open(url))


def open_link(app: App, url: str, environ: Mapping[str, str] | None = None) -> str:
    """Opens, or shows and copies, ``url``; returns which of the three happened."""
    env = os.environ if environ is None else environ
    if not linkable(url):
        app.notify(
            f"Not opened: only https:// and mailto: links are ({shown_line(url)})", severity="warning", markup=False
        )
        return REFUSED
    if not remote_session(env) and launch(url):
        app.notify(f"Opened {url}", markup=False, timeout=3)
        return OPENED
    copy_to_clipboard(app, url)
    where = "This is a remote session" if remote_session(env) else "No graphical browser here"
    app.notify(f"{shown_line(url)}\n{where}: the link is shown and copied, not opened.", markup=False, timeout=10)
    return SHOWN
