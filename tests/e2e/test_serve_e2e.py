"""`networkday serve` from the installed command: the page and its websocket show Today; 127.0.0.1 by default."""

from __future__ import annotations

import asyncio
import os
import re
import signal
import socket
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import aiohttp
import pytest

from tests.e2e.tmux import installed_command

pytestmark = pytest.mark.e2e
PINNED = "2026-11-25T09:30:00+01:00"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def listening(port: int, host: str = "127.0.0.1") -> bool:
    with socket.socket() as probe:
        probe.settimeout(0.2)
        return probe.connect_ex((host, port)) == 0


@pytest.fixture
def served(tmp_path: Path) -> Iterator[int]:
    """The demo served on a free port; ended with SIGTERM, which discards the demo's copy."""
    port = free_port()
    env = {**os.environ, "NETWORKDAY_NOW": PINNED, "TMPDIR": str(tmp_path)}
    server = subprocess.Popen(
        [*installed_command(), "--demo", "serve", "--port", str(port)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        start_new_session=True,
    )
    try:
        deadline = time.monotonic() + 20
        while not listening(port):
            assert server.poll() is None, server.stderr.read() if server.stderr else ""
            assert time.monotonic() < deadline, "the server did not listen within 20 s"
            time.sleep(0.1)
        yield port
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=15)
    assert not list(tmp_path.glob("networkday-demo-*")), "the demo's copy was left behind"


async def screen_text(port: int) -> str:
    """Opens the page, then its websocket, and reads what the app draws until Today's rows are there."""
    async with aiohttp.ClientSession() as session:
        async with session.get(f"http://127.0.0.1:{port}/") as page:
            assert page.status == 200
            html = await page.text()
        match = re.search(r"ws://[^\"']+", html)
        assert match is not None, html[:500]
        drawn = ""
        async with session.ws_connect(f"{match.group()}?width=100&height=30") as websocket:
            await websocket.send_json(["resize", {"width": 100, "height": 30}])
            async with asyncio.timeout(30):
                async for message in websocket:
                    data = message.data
                    drawn += data.decode("utf-8", "replace") if isinstance(data, bytes) else str(data)
                    if "Today" in drawn and "Priya Raman" in drawn:
                        break
        return drawn


def test_the_page_and_its_websocket_show_today(served: int) -> None:
    drawn = asyncio.run(screen_text(served))
    assert "Today" in drawn
    assert "Priya Raman" in drawn
    # on this machine's loopback only: no other address of it answers
    others = {address[4][0] for address in socket.getaddrinfo(socket.gethostname(), None, socket.AF_INET)}
    assert all(not listening(served, address) for address in others - {"127.0.0.1", "127.0.1.1"})


async def foreign_attempts(port: int) -> tuple[int, int, str, str]:
    """Another site's page opening the websocket, a rebound name loading the page, and the page
    asked for by a tunnel's other port and through a TLS proxy (what its websocket address then is)."""
    async with aiohttp.ClientSession() as session:
        try:
            async with session.ws_connect(f"ws://127.0.0.1:{port}/ws", headers={"Origin": "https://evil.example"}):
                hijacked = 101
        except aiohttp.WSServerHandshakeError as error:
            hijacked = error.status
        async with session.get(f"http://127.0.0.1:{port}/", headers={"Host": f"evil.example:{port}"}) as page:
            rebound = page.status
        async with session.get(f"http://127.0.0.1:{port}/", headers={"Host": "localhost:9000"}) as page:
            match = re.search(r"wss?://[^\"']+", await page.text())
        proxied = {"Host": "localhost:9443", "X-Forwarded-Proto": "https"}  # a TLS proxy in front
        async with session.get(f"http://127.0.0.1:{port}/", headers=proxied) as page:
            behind = re.search(r"wss?://[^\"']+", await page.text())
        return hijacked, rebound, match.group() if match else "", behind.group() if behind else ""


def test_other_sites_in_the_browser_cannot_open_it(served: int) -> None:
    assert asyncio.run(foreign_attempts(served)) == (
        403,
        403,
        "ws://localhost:9000/ws",
        "wss://localhost:9443/ws",
    )


def test_another_host_needs_public_and_then_warns(tmp_path: Path) -> None:
    env = {**os.environ, "NETWORKDAY_NOW": PINNED}
    refused = subprocess.run(
        [*installed_command(), "--data-dir", str(tmp_path), "serve", "--host", "0.0.0.0"],
        env=env,
        check=False,
        capture_output=True,
        text=True,
        timeout=30,
    )
    assert refused.returncode == 2
    assert "--host 0.0.0.0 lets other machines open your data with no password; add --public" in refused.stderr
    port = free_port()
    server = subprocess.Popen(
        [
            *installed_command(),
            "--data-dir",
            str(tmp_path),
            "serve",
            "--host",
            "0.0.0.0",
            "--public",
            "--port",
            str(port),
        ],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
    )
    try:
        deadline = time.monotonic() + 20
        while not listening(port):
            assert server.poll() is None
            assert time.monotonic() < deadline
            time.sleep(0.1)
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        _, err = server.communicate(timeout=15)
    assert err.startswith(
        f"networkday: warning: serving on 0.0.0.0: anyone who can reach port {port} reads and changes"
    )
