"""The queue on a labelled set of generated support-bot conversations, with planted
failures of every kind and hard negatives (thumbs-up, follow-ups on the same or a new
topic, "thanks" endings, retried tool errors, "human" in other senses, a rater who marks
everything down)."""

from __future__ import annotations

import pytest

from tests.gen.evaluate import evaluate
from tests.gen.support_bot import FAILURE_KINDS, generate


def test_the_labelled_set_plants_every_kind_of_failure_and_trap() -> None:
    _, labels = generate(1500, seed=21)
    assert set(labels.failures.values()) == set(FAILURE_KINDS)
    assert {"thumbs_up", "new_topic", "same_topic_follow_up", "thanks_ending", "retried_tool_error",
            "human_other_sense", "grumpy_rater"} <= set(labels.hard_negatives.values())


@pytest.mark.parametrize("seed", [21, 22])
def test_planted_failures_lead_the_queue(tmp_path, seed) -> None:
    quality = evaluate(tmp_path, 1500, seed)
    report = "\n".join(quality.lines())
    assert quality.precision_at_k >= 0.9, report
    assert quality.explicit_negative_recall == 1.0, report
