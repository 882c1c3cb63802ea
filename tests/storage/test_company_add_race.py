"""Adding one company twice at once makes one file: the second add finds the first's under the lock."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
import time
from pathlib import Path

from networkday.domain.companies import Company
from networkday.services import companies as service
from networkday.storage.codec import dumps
from networkday.storage.lock import folder_lock
from networkday.storage.problems import StoreError
from networkday.storage.store import Store
from tests.storage.saving import private_file

REPO = Path(__file__).resolve().parents[2]


def waiting_for_lock(thread: threading.Thread) -> bool:
    """Whether ``thread`` is inside ``folder_lock``, polling for the lock the test holds."""
    frame = sys._current_frames().get(thread.ident or 0)
    while frame is not None:
        if frame.f_code is folder_lock.__wrapped__.__code__:  # type: ignore[attr-defined]
            return True
        frame = frame.f_back
    return False


def test_an_add_waiting_for_the_lock_finds_the_company_written_meanwhile(store: Store) -> None:
    (store.root / "companies").mkdir(mode=0o700)
    outcome: list[object] = []

    def add() -> None:
        try:
            outcome.append(service.add_company(store, "Vandelay").id)
        except StoreError as error:
            outcome.append(str(error))

    with folder_lock(store.lock_path):
        thread = threading.Thread(target=add)
        thread.start()
        deadline = time.monotonic() + 10
        while not waiting_for_lock(thread) and time.monotonic() < deadline:
            time.sleep(0.001)
        assert waiting_for_lock(thread)
        # another networkday, holding the lock, saves the same company
        private_file(store.company_path("vandelay"), dumps(Company(id="vandelay", name="Vandelay").to_dict()))
    thread.join(10)
    assert outcome == ["'Vandelay' is already the company 'vandelay' (Vandelay)"]
    assert [path.name for path in (store.root / "companies").iterdir()] == ["vandelay.toml"]


def test_parallel_adds_of_one_company_make_one_file_and_the_others_name_it(tmp_path: Path) -> None:
    data = tmp_path / "data"
    env = {**os.environ, "NETWORKDAY_NOW": "2026-12-05T09:30:00+01:00", "PYTHONPATH": str(REPO)}
    env.pop("NETWORKDAY_HOME", None)
    command = [sys.executable, "-m", "networkday", "company", "add", "Vandelay", "--data-dir", str(data)]
    runs = [subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE) for _ in range(8)]
    results = [(run.wait(60), run.stdout.read(), run.stderr.read()) for run in runs if run.stdout and run.stderr]
    assert sorted(code for code, _, _ in results) == [0] + [1] * 7
    assert [out for code, out, _ in results if code == 0] == [b"vandelay\n"]
    assert {err for code, _, err in results if code == 1} == {
        b"networkday: 'Vandelay' is already the company 'vandelay' (Vandelay)\n"
    }
    assert [path.name for path in (data / "companies").iterdir()] == ["vandelay.toml"]
