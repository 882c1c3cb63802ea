"""The Why column cuts a ranked reason at its first clause before it cuts words."""

from __future__ import annotations

from networkday.domain.queue import CADENCE, FOLLOW_UP, SUGGESTED, QueueItem
from networkday.ui.widgets.queue_list import first_fit, reason_texts


def test_a_ranked_reason_keeps_who_when_the_column_is_narrow():
    why = "one step from Dana Ruiz, hiring manager at Kestrel Robotics"
    item = QueueItem("ann", SUGGESTED, why, rank_reason=why)
    assert first_fit(reason_texts(item), 60) == why
    assert first_fit(reason_texts(item), 20) == "one step from Dana Ruiz"


def test_a_keep_in_touch_row_falls_back_to_losing_touch():
    item = QueueItem("bob", CADENCE, "out of touch 45 days", rank_reason="out of touch 45 days")
    assert reason_texts(item) == ["out of touch 45 days", "losing touch"]


def test_an_overdue_follow_up_keeps_its_words_when_short():
    for overdue, why, short in [
        (0, "follow-up due", "due today"),
        (2, "follow-up 2 days overdue", "2 days overdue"),
        (100, "follow-up 3 months overdue", "3 months overdue"),
    ]:
        item = QueueItem("cy", FOLLOW_UP, why, overdue_days=overdue, rank_reason=why)
        assert reason_texts(item) == [why, short]
