"""`networkday serve` refuses an open address without --public and a missing folder, before it serves anything."""

from __future__ import annotations

from pathlib import Path

import pytest

from networkday.cli import main
from networkday.commands.serve import is_local
from networkday.commands.serve_guard import refusal, url_host


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


@pytest.mark.parametrize(
    ("host", "origin", "public", "refused"),
    [
        ("127.0.0.1:8000", None, False, False),  # curl, a script: no Origin
        ("127.0.0.1:8000", "http://127.0.0.1:8000", False, False),
        ("localhost:9000", "http://localhost:9000", False, False),  # an SSH tunnel's other port
        ("[::1]:8000", "http://[::1]:8000", False, False),
        ("127.0.0.1:8000", "https://evil.example", False, True),  # another site's page, same browser
        ("127.0.0.1:8000", "null", False, True),  # a sandboxed frame or a file: page
        ("127.0.0.1:8000", "http://127.0.0.1:8001", False, True),
        ("rebound.evil.example:8000", "http://rebound.evil.example:8000", False, True),  # DNS rebinding
        ("", None, False, True),
        ("192.0.2.2:8000", "http://192.0.2.2:8000", True, False),  # --public, from the LAN
        ("192.0.2.2:8000", "https://evil.example", True, True),
    ],
)
def test_only_the_pages_own_origin_on_this_machines_name_is_served(
    host: str, origin: str | None, public: bool, refused: bool
) -> None:
    assert (refusal(host, origin, public) is not None) is refused


def test_an_ipv6_host_is_written_in_brackets_in_the_pages_addresses() -> None:
    assert (url_host("::1"), url_host("127.0.0.1"), url_host("localhost")) == ("[::1]", "127.0.0.1", "localhost")
