"""``timer start|stop|switch --help`` says the rule ``--at`` is read by: a bare time is the last one before now."""

from __future__ import annotations

import pytest

from networkday.cli import main


@pytest.mark.parametrize("action", ["start", "stop", "switch"])
def test_at_is_described_as_the_last_time_before_now(action: str, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["timer", action, "--help"])
    text = " ".join(capsys.readouterr().out.split())
    assert "HH:MM, the last one before now (20:00 typed in the morning is yesterday's)" in text
    assert "HH:MM today" not in text
