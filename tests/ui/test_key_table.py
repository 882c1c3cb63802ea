"""The plain key table that ``check`` judges ``[keys]`` by is the UI's real ``BINDINGS``."""

from __future__ import annotations

import importlib
import inspect
import pkgutil

from textual.dom import DOMNode

import networkday.ui
from networkday.domain.key_table import binding_groups


def ui_bindings() -> dict[str, list[tuple[str, str]]]:
    """Every networkday class whose bindings carry ids, as Textual merges them (inherited ones too)."""
    found: dict[str, list[tuple[str, str]]] = {}
    for info in pkgutil.walk_packages(networkday.ui.__path__, "networkday.ui."):
        module = importlib.import_module(info.name)
        for name, cls in vars(module).items():
            if inspect.isclass(cls) and issubclass(cls, DOMNode) and cls.__module__ == module.__name__:
                merged = cls._merge_bindings().key_to_bindings.values()
                pairs = [(binding.id or "", binding.key) for bindings in merged for binding in bindings]
                if any(binding_id for binding_id, _ in pairs):
                    assert name not in found, f"two classes named {name}: the table could not tell them apart"
                    found[name] = pairs
    return found


def test_the_table_holds_each_class_bindings_exactly() -> None:
    real = ui_bindings()
    table = binding_groups()
    assert sorted(table) == sorted(real)
    for name, pairs in real.items():
        assert sorted(table[name]) == sorted(pairs), name


def test_the_app_and_the_today_screen_are_in_it() -> None:
    """The walk above finds the classes (a walk that found nothing would pass the test above)."""
    table = binding_groups()
    assert ("today.wont", "x") in table["TodayScreen"]
    assert ("app.quit", "q") in table["NetworkdayApp"]
    assert ("list.down", "j") in table["VirtualList"]
