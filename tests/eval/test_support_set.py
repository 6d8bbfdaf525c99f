"""The support evaluation set: deterministic, consistent labels, varied wording, a clean import."""

from __future__ import annotations

import gzip
import json
from collections import defaultdict
from pathlib import Path

import pytest

from tests.eval.support_set import write_support_set
from tracedesk.core.database import open_store
from tracedesk.core.ingest import import_paths


def read(bundle: Path) -> list[dict]:
    with gzip.open(bundle, "rt") as f:
        return [json.loads(line) for line in f]


@pytest.fixture(scope="module")
def full_set(tmp_path_factory) -> tuple[list[dict], dict]:
    """A set of the full size (1,500 sessions), written once for the module: its records
    and labels."""
    bundle, labels_path = write_support_set(tmp_path_factory.mktemp("support"), 3)
    return read(bundle), json.loads(labels_path.read_text())


def question(trace: dict) -> str:
    value = trace["input"]
    return value if isinstance(value, str) else value["messages"][-1]["content"]


def test_the_same_seed_writes_the_same_files_and_another_seed_others(tmp_path):
    a = write_support_set(tmp_path / "a", 7, sessions=300)
    b = write_support_set(tmp_path / "b", 7, sessions=300)
    c = write_support_set(tmp_path / "c", 8, sessions=300)
    assert [p.read_bytes() for p in a] == [p.read_bytes() for p in b]
    assert a[0].read_bytes() != c[0].read_bytes()


def test_labels_name_traces_of_the_bundle_and_explicit_negatives_carry_the_feedback(full_set):
    records, labels = full_set
    traces = {r["trace_id"]: r for r in records if r["type"] == "trace"}
    sessions = {r["session_id"] for r in traces.values()}
    assert len(sessions) == 1500 and len(traces) >= 4000

    failures, hard = labels["failures"], labels["hard_negatives"]
    assert set(failures) <= set(traces) and set(hard) <= set(traces)
    assert not set(failures) & set(hard)
    assert set(labels["undetectable"]) <= set(failures)
    assert len(failures) < 0.2 * len(traces)
    assert {"rephrase", "escalation", "frustration", "abandonment", "thumbs_down", "error_swallowed",
            "empty_retrieval", "irrelevant_retrieval", "tool_contradiction", "unsupported_answer",
            "tool_loop", "outdated_document"} <= set(failures.values())

    negative = {r["trace_id"] for r in records if r["type"] == "feedback"
                and ((r["kind"] == "thumbs" and r["value"] == -1) or (r["kind"] == "rating" and r["value"] <= 2))}
    assert negative == set(labels["explicit_negative"])

    # A swallowed error: a tool failed and no call of the same tool succeeded in that run.
    spans = defaultdict(list)
    for r in records:
        if r["type"] == "span" and r["kind"] == "tool":
            spans[r["trace_id"]].append(r)
    for trace_id, kind in failures.items():
        if kind == "error_swallowed":
            assert {s["status"] for s in spans[trace_id]} == {"error"}


def test_users_react_in_many_words(full_set):
    records, labels = full_set
    traces = [r for r in records if r["type"] == "trace"]
    following: dict[str, list[str]] = defaultdict(list)
    for before, after in zip(traces, traces[1:], strict=False):
        if before["session_id"] == after["session_id"] and before["trace_id"] in labels["failures"]:
            following[labels["failures"][before["trace_id"]]].append(question(after))
    for kind in ("rephrase", "escalation", "frustration"):
        assert len(set(following[kind])) >= 20, kind
    assert len({question(t) for t in traces}) > 0.5 * len(traces)


def test_the_set_imports_without_a_problem(tmp_path):
    bundle, _ = write_support_set(tmp_path, 11, sessions=400)
    store = open_store(tmp_path / "review.sqlite")
    try:
        report = import_paths(store, [bundle])
        assert report.problem_count == 0
        assert report.added.traces == sum(1 for r in read(bundle) if r["type"] == "trace")
    finally:
        store.close()
