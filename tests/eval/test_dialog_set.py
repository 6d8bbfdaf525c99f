"""The dialog evaluation set: deterministic, labels consistent with the dialogs, a clean import."""

from __future__ import annotations

import gzip
import json
from collections import Counter

from tests.eval.dialog_set import write_dialog_set
from tracedesk.core.database import open_store
from tracedesk.core.ingest import import_paths


def test_the_same_seed_writes_the_same_files(tmp_path):
    a = write_dialog_set(tmp_path / "a", 4)
    b = write_dialog_set(tmp_path / "b", 4)
    c = write_dialog_set(tmp_path / "c", 5)
    assert [p.read_bytes() for p in a] == [p.read_bytes() for p in b]
    assert a[0].read_bytes() != c[0].read_bytes()


def test_dialogs_mix_errors_with_turns_that_only_look_like_feedback(tmp_path):
    bundle, labels_path = write_dialog_set(tmp_path, 2)
    labels = json.loads(labels_path.read_text())
    with gzip.open(bundle, "rt") as f:
        traces = [r for r in map(json.loads, f) if r["type"] == "trace"]
    per_dialog = Counter(t["session_id"] for t in traces)
    assert len(per_dialog) >= 150 and all(4 <= n <= 10 for n in per_dialog.values())

    turns, errors, candidates = labels["turns"], set(labels["errors"]), set(labels["candidates"])
    assert turns == [t["trace_id"] for t in traces]
    assert errors <= set(turns) and candidates <= set(turns)
    assert 0.1 < len(errors) / len(turns) < 0.3
    assert set(labels["error_kinds"].values()) == {"ignored", "wrong_fact", "off_topic", "repeated", "nonsense",
                                                    "forgot"}
    # Some errors pass without a reaction, and many feedback-like turns follow a fine reply.
    assert sum(labels["reactions"].get(t) == "ignore" for t in errors) >= 20
    assert len(candidates - errors) >= 0.3 * len(candidates)

    following = {a["trace_id"]: b["input"] for a, b in zip(traces, traces[1:], strict=False)
                 if a["session_id"] == b["session_id"]}
    misleading = {following[t].lower() for t in candidates - errors}
    assert len(misleading) >= 40


def test_the_set_imports_without_a_problem(tmp_path):
    bundle, labels_path = write_dialog_set(tmp_path, 3)
    store = open_store(tmp_path / "review.sqlite")
    try:
        report = import_paths(store, [bundle])
        assert report.problem_count == 0
        assert report.added.traces == len(json.loads(labels_path.read_text())["turns"])
    finally:
        store.close()
