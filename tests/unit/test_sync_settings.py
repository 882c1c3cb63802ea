"""``[sync] auto`` in config.toml: off unless set, a boolean or a located problem."""

from __future__ import annotations

import pytest

from networkday.domain.errors import RecordError
from networkday.domain.settings import Config


def test_auto_sync_is_off_unless_set() -> None:
    assert Config.from_dict({}).sync_auto is False
    assert Config.from_dict({"sync": {}}).sync_auto is False
    assert Config.from_dict({"sync": {"auto": True}}).sync_auto is True


def test_auto_sync_that_is_not_a_boolean_is_a_problem_at_its_key() -> None:
    with pytest.raises(RecordError) as raised:
        Config.from_dict({"sync": {"auto": "yes"}})
    assert raised.value.key_path == ("sync", "auto")
