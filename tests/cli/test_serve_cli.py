"""`networkday serve` refuses an open address without --public and a missing folder, before it serves anything."""

from __future__ import annotations

from pathlib import Path

import pytest

from networkday.cli import main
from networkday.commands.serve import is_local


@pytest.mark.parametrize(
    ("host", "local"),
    [
        ("127.0.0.1", True),
        ("localhost", True),
        ("::1", True),
        ("127.0.0.2", True),
        ("0.0.0.0", False),
        ("::", False),
        ("192.168.1.5", False),
        ("example.com", False),
    ],
)
def test_only_loopback_is_local(host: str, local: bool) -> None:
    assert is_local(host) is local


def test_an_open_address_without_public_is_a_usage_error(tmp_path: Path, capsys) -> None:
    assert main(["serve", "--host", "192.168.1.5", "--data-dir", str(tmp_path)]) == 2
    assert "add --public if you mean it" in capsys.readouterr().err


def test_a_missing_folder_is_said_before_serving(tmp_path: Path, capsys) -> None:
    assert main(["serve", "--data-dir", str(tmp_path / "nowhere")]) == 1
    assert "no data folder at" in capsys.readouterr().err
