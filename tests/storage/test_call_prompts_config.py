"""``[call] prompts`` in config.toml: the call screen's listening prompts, defaults, and ``check`` on bad values."""

from __future__ import annotations

from pathlib import Path

import pytest

from networkday.cli import main
from networkday.clock import FixedClock
from networkday.domain.settings import DEFAULT_CALL_PROMPTS
from networkday.storage.store import Store


def folder_with(tmp_path: Path, clock: FixedClock, config: str) -> Path:
    store = Store.open(tmp_path / "data", clock)
    (store.root / "config.toml").write_text(config)
    (store.root / "config.toml").chmod(0o600)
    return store.root


def test_the_defaults_are_the_four_listening_questions(tmp_path: Path, clock: FixedClock) -> None:
    root = folder_with(tmp_path, clock, "[call]\nprompts = []\n")
    assert Store.open(root, clock).config.call_prompts == DEFAULT_CALL_PROMPTS
    assert DEFAULT_CALL_PROMPTS[-1] == "How can I help?"


def test_the_prompts_come_from_config_in_order(tmp_path: Path, clock: FixedClock) -> None:
    root = folder_with(tmp_path, clock, '[call]\nprompts = ["What surprised them?", "Who should I meet?"]\n')
    assert Store.open(root, clock).config.call_prompts == ("What surprised them?", "Who should I meet?")


def test_check_reports_a_bad_value_at_its_line(
    tmp_path: Path, clock: FixedClock, capsys: pytest.CaptureFixture[str]
) -> None:
    root = folder_with(tmp_path, clock, '[goals]\ncalls_per_day = 3\n\n[call]\nprompts = ["fine", 7]\n')
    assert main(["check", "--data-dir", str(root)]) == 1
    err = capsys.readouterr().err
    assert "config.toml:5" in err
    assert "prompts" in err
