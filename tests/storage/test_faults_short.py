"""The short fault run (bench/faults.py --short): killed writers, failing disks, two instances, damaged files."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
#: The short run takes about 20 s on two busy cores; this bounds it.
LIMIT = 90


def test_the_short_fault_run_loses_no_file_and_no_touch() -> None:
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    env.pop("NETWORKDAY_NOW", None)
    done = subprocess.run(
        [sys.executable, str(REPO / "bench" / "faults.py"), "--short", "--json"],
        env=env,
        capture_output=True,
        text=True,
        timeout=LIMIT,
        check=False,
    )
    assert done.returncode in (0, 1), done.stderr
    tallies = {tally["run"]: tally for tally in json.loads(done.stdout)}
    assert set(tallies) == {"kill", "disk", "twins", "damage", "touches", "in-place"}
    for name, tally in tallies.items():
        assert tally["lost"] == 0, (name, tally["notes"])
        assert tally["runs"] > 0, name
        assert tally["checked"] > 0, name
    assert tallies["kill"]["faults"] == tallies["kill"]["runs"] >= 20
    assert tallies["disk"]["faults"] == tallies["disk"]["runs"] >= 100
    assert tallies["damage"]["runs"] == 24
    for name in ("touches", "in-place"):  # an editor saving in place without the lock loses nothing either
        touches = tallies[name]
        assert touches["touches_found"] == touches["touches_issued"] >= 20, (name, touches["notes"])
        assert touches["touches_lost"] == touches["touches_duplicated"] == 0, (name, touches["notes"])
    assert tallies["touches"]["faults"] >= 2
    assert tallies["in-place"]["faults"] >= 6  # the editor's saves
    assert done.returncode == 0
