"""The proof of sync: random edits on two machines, synced in random order, end alike with nothing lost.

A short run here; ``bench/sync_property.py`` runs a thousand sequences and prints figures.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from tests.conftest import NOW
from tests.sync_world import KINDS, PEOPLE, SEED, Model, apply, make_world, settle, verify

STEPS = st.lists(st.tuples(st.sampled_from("ab"), st.sampled_from(KINDS), st.sampled_from(PEOPLE)), max_size=12)


@pytest.mark.usefixtures("command_env")
@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(steps=STEPS)
# Each of the model's cases at least once: a title edited on both to different values (a conflict),
# Twin Bob added on both unlike (two people, flagged), a title edited on both to the same value.
@example(
    steps=[
        *(("a", "title", "ada"), ("b", "title", "ada"), ("a", "sync", "ada"), ("b", "sync", "ada")),
        *(("a", "twin", "bob"), ("b", "twin", "bob"), ("a", "sync", "ada"), ("b", "sync", "ada")),
        *(("a", "title", "cy"), ("a", "sync", "cy"), ("b", "log", "cy"), ("b", "title", "cy")),
    ]
)
# Twin Cy added on both alike: one person, both touches.
@example(steps=[("a", "twin", "cy"), ("a", "sync", "cy"), ("b", "twin", "cy")])
def test_two_machines_synced_in_any_order_end_alike_with_every_touch_once(
    steps: list[tuple[str, str, str]], capsys: pytest.CaptureFixture[str]
) -> None:
    with tempfile.TemporaryDirectory() as folder:
        world = make_world(Path(folder), SEED)
        model = Model()
        for side, kind, person in steps:
            apply(world, model, side, kind, person, NOW)
        settle(world, model)
        verify(world, model)
    capsys.readouterr()
