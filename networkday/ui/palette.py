"""The command palette's entries for every action with a key, by name, including those of the current screen."""

from __future__ import annotations

from collections.abc import Iterable

from textual.app import App, SystemCommand
from textual.screen import Screen

from networkday.ui.widgets.key_footer import binding_name


def key_commands(app: App, screen: Screen) -> Iterable[SystemCommand]:
    """One entry per enabled action with a description, said by name with its key; each runs on its node."""
    seen: set[str] = set()
    for key, active in screen.active_bindings.items():
        binding = active.binding
        if not binding.description or binding.action in seen or not active.enabled:
            continue
        seen.add(binding.action)
        node = active.node

        def run(node=node, action=binding.action) -> None:
            app.call_later(node.run_action, action)

        yield SystemCommand(binding_name(binding), f"key: {app.get_key_display(binding) or key}", run)
