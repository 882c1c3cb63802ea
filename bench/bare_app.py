"""The yardstick for start-up: a bare Textual app that shows one line and nothing else.

python bench/bare_app.py
"""

from textual.app import App, ComposeResult
from textual.widgets import Static

READY = "Bare Textual app ready"


class BareApp(App[None]):
    def compose(self) -> ComposeResult:
        yield Static(READY)


if __name__ == "__main__":
    BareApp().run()
