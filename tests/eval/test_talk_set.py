"""The talk set (tests/eval/talk_set.py): same seed, same bytes; labels that fit the bundle; a clean import."""

from __future__ import annotations

import gzip
import json
from itertools import pairwise
from pathlib import Path

from tracedesk.core.database import open_store
from tracedesk.core.ingest import import_paths

from .talk_kit import FAULTS, HARD_KINDS
from .talk_set import CANDIDATE_REACTIONS, REACTIONS, write_talk_set


def _read(bundle: Path, labels: Path) -> tuple[dict, list[dict], dict]:
    lines = [json.loads(line) for line in gzip.decompress(bundle.read_bytes()).decode("utf-8").splitlines()]
    return lines[0], lines[1:], json.loads(labels.read_text(encoding="utf-8"))


def test_same_seed_same_bytes(tmp_path):
    first = write_talk_set(tmp_path / "a", seed=7, dialogs=40)
    again = write_talk_set(tmp_path / "b", seed=7, dialogs=40)
    other = write_talk_set(tmp_path / "c", seed=8, dialogs=40)
    for mine, same, different in zip(first, again, other, strict=True):
        assert mine.read_bytes() == same.read_bytes()
        assert mine.read_bytes() != different.read_bytes()


def test_labels_agree_with_the_bundle(tmp_path):
    header, traces, labels = _read(*write_talk_set(tmp_path, seed=3, dialogs=100))
    assert header == {"type": "bundle", "version": 1, "source": "talk-eval", "exported_at": "2026-10-30T00:00:00Z"}
    ids = [t["trace_id"] for t in traces]
    assert labels["turns"] == ids and len(set(ids)) == len(ids)
    turns, errors, candidates = set(ids), set(labels["errors"]), set(labels["candidates"])
    assert errors <= turns and candidates <= turns
    assert set(labels["error_kinds"]) == errors and set(labels["error_kinds"].values()) == set(FAULTS)
    assert set(labels["reactions"]) == turns and set(labels["reactions"].values()) <= set(REACTIONS)
    assert candidates == {i for i, r in labels["reactions"].items() if r in CANDIDATE_REACTIONS}
    assert 0.1 <= len(errors) / len(turns) <= 0.3
    assert len(candidates - errors) >= 0.3 * len(candidates)

    sessions: dict[str, list[dict]] = {}
    for trace in traces:
        sessions.setdefault(trace["session_id"], []).append(trace)
    assert len(sessions) == 100
    assert all(4 <= len(dialog) <= 8 for dialog in sessions.values())
    times = [(t["start_time"], t["end_time"]) for t in traces]
    assert all(start < end for start, end in times)
    assert all(a[1] < b[0] for a, b in pairwise(times))
    for session, dialog in sessions.items():
        assert [t["trace_id"] for t in dialog] == [f"{session}-{n}" for n in range(1, len(dialog) + 1)]
        assert labels["reactions"][dialog[-1]["trace_id"]] == "end"

    # Feedback-looking messages after fitting replies: every kind, many different wordings.
    following = {a["trace_id"]: b["input"] for dialog in sessions.values() for a, b in pairwise(dialog)}
    hard = candidates - errors
    assert {labels["reactions"][i] for i in hard} == set(HARD_KINDS)
    assert len({following[i] for i in hard}) >= 40


def test_the_bundle_imports_cleanly(tmp_path):
    bundle, labels = write_talk_set(tmp_path / "set", seed=5, dialogs=40)
    turns = json.loads(labels.read_text(encoding="utf-8"))["turns"]
    store = open_store(tmp_path / "review.sqlite")
    try:
        report = import_paths(store, [bundle])
        assert report.problem_count == 0
        assert report.added.traces == len(turns)
    finally:
        store.close()
