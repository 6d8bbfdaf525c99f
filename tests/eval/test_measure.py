"""The measures of the evaluation sets, read from a real review database."""

from __future__ import annotations

import json

import pytest

from tests.eval.measure import WRITTEN, auc, measure_dialog, measure_support, measure_written


def test_auc_is_the_share_of_error_and_fine_pairs_ranked_right_ties_half():
    assert auc([3.0, 2.0], [1.0, 0.0]) == 1.0
    assert auc([0.0], [1.0]) == 0.0
    assert auc([0.9, 0.4], [0.5, 0.1]) == 0.75
    assert auc([1.0, 1.0], [1.0, 0.0]) == 0.75
    assert auc([], [1.0]) is None


def test_support_figures_count_every_planted_failure_once(tmp_path):
    m = measure_support(tmp_path, 2, sessions=300)
    labels = json.loads((tmp_path / "support-eval.labels.json").read_text())
    assert m["k"] == len(labels["failures"]) - len(labels["undetectable"])
    assert sum(v["planted"] for v in m["by_kind"].values()) == len(labels["failures"])
    assert m["top_k_flagged"] <= m["k"]
    assert m["precision_at_k"] == pytest.approx((m["detectable_hits"] + m["hidden_hits"]) / m["k"])
    assert sum(m["intruders_top_k"].values()) + m["unlabelled_in_top_k"] + m["detectable_hits"] \
        + m["hidden_hits"] == m["top_k_flagged"]
    for kind, (flagged, total) in m["hard_flagged"].items():
        assert flagged <= total and m["intruders_top_k"][kind] <= flagged


def test_dialog_figures_cover_every_system_turn(tmp_path):
    m = measure_dialog(tmp_path, 2)
    labels = json.loads((tmp_path / "dialog-eval.labels.json").read_text())
    assert m["turns"] == len(labels["turns"]) and m["errors"] == len(labels["errors"])
    assert 0.0 <= m["auc_all"] <= 1.0 and 0.0 <= m["auc_candidates"] <= 1.0
    counted = sum(t for cells in m["flagged_by_reaction"].values() for _, t in cells.values())
    flagged = sum(n for cells in m["flagged_by_reaction"].values() for n, _ in cells.values())
    assert counted == m["turns"] and flagged == m["flagged"]


def _measured_in_the_slow_step(source):
    """Each written set is measured whole (an import of 600 to 940 turns) among the slow
    tests, but one in the quick ones."""
    return pytest.param(source, id=source.stem, marks=() if source.stem == "task_bots" else pytest.mark.slow)


@pytest.mark.parametrize("source", sorted(WRITTEN.glob("*.json")), ids=lambda p: p.stem)
def test_a_written_set_labels_every_turn(source):
    dialogs = json.loads(source.read_text(encoding="utf-8"))
    ids = [d["id"] for d in dialogs]
    assert len(ids) == len(set(ids)) >= 90
    turns = [t for d in dialogs for t in d["turns"]]
    assert all(t["user"].strip() and t["bot"].strip() and "error" in t for t in turns)
    errors = sum(bool(t["error"]) for t in turns)
    assert 0.15 < errors / len(turns) < 0.25  # about a fifth, as in the annotated public sets
    assert not any(d["turns"][-1].get("next_looks_like_feedback") for d in dialogs)  # (no next message)


@pytest.mark.parametrize("source", [_measured_in_the_slow_step(s) for s in sorted(WRITTEN.glob("*.json"))])
def test_a_written_set_is_measured_whole(tmp_path, source):
    dialogs = json.loads(source.read_text(encoding="utf-8"))
    turns = [t for d in dialogs for t in d["turns"]]
    errors = sum(bool(t["error"]) for t in turns)
    m = measure_written(tmp_path, source)
    assert m["turns"] == len(turns) and m["errors"] == errors
    assert m["flagged_errors"] <= m["flagged"] and 0.0 <= m["auc_all"] <= 1.0
    # A set that marks the replies whose next message looks like feedback is measured over
    # those candidates too; the last reply of a dialog has no next message.
    marked = [t for d in dialogs for t in d["turns"] if t.get("next_looks_like_feedback")]
    assert m["candidates"] == len(marked)
    assert m["errors_among_candidates"] == sum(bool(t["error"]) for t in marked)
    assert (m["auc_candidates"] is None) == (not marked)
