"""The chat evaluation set (``chat_set.py``): the same seed writes the same bytes, the labels
agree with the bundle, and the bundle imports without a problem."""

from __future__ import annotations

import gzip
import json
from collections import defaultdict
from pathlib import Path

from tests.eval.chat_set import CANDIDATE_REACTIONS, ERROR_KINDS, LOOKALIKES, SOURCE, write_chat_set
from tracedesk.core.database import open_store
from tracedesk.core.ingest import import_paths


def _records(bundle: Path) -> list[dict]:
    with gzip.open(bundle, "rt", encoding="utf-8") as f:
        return [json.loads(line) for line in f]


def test_the_same_seed_writes_the_same_bytes(tmp_path: Path) -> None:
    first = write_chat_set(tmp_path / "a", seed=3, dialogs=100)
    again = write_chat_set(tmp_path / "b", seed=3, dialogs=100)
    other = write_chat_set(tmp_path / "c", seed=4, dialogs=100)
    assert [p.name for p in first] == ["chat-eval.jsonl.gz", "chat-eval.labels.json"]
    assert [p.read_bytes() for p in first] == [p.read_bytes() for p in again]
    assert first[0].read_bytes() != other[0].read_bytes()
    assert first[1].read_bytes() != other[1].read_bytes()


def test_the_labels_agree_with_the_bundle(tmp_path: Path) -> None:
    bundle, labels_path = write_chat_set(tmp_path, seed=1)
    records = _records(bundle)
    labels = json.loads(labels_path.read_text(encoding="utf-8"))
    assert records[0] == {"type": "bundle", "version": 1, "source": SOURCE, "exported_at": "2026-10-30T00:00:00Z"}
    traces = records[1:]
    turns, errors, candidates = labels["turns"], set(labels["errors"]), labels["candidates"]
    reactions = labels["reactions"]

    assert [t["trace_id"] for t in traces] == turns and len(set(turns)) == len(turns)
    assert errors <= set(turns) and set(candidates) <= set(turns)
    assert set(labels["error_kinds"]) == errors and set(reactions) == set(turns)
    assert 0.1 <= len(errors) / len(turns) <= 0.3
    assert set(labels["error_kinds"].values()) == set(ERROR_KINDS)
    assert candidates == [t for t in turns if reactions[t] in CANDIDATE_REACTIONS]
    assert sum(c not in errors for c in candidates) >= 0.3 * len(candidates)

    dialogs: dict[str, list[dict]] = defaultdict(list)
    for t in traces:
        dialogs[t["session_id"]].append(t)
    lookalikes = set()
    for session, dialog in dialogs.items():
        assert 4 <= len(dialog) <= 8
        assert [t["trace_id"] for t in dialog] == [f"{session}-{i}" for i in range(1, len(dialog) + 1)]
        times = [x for t in dialog for x in (t["start_time"], t["end_time"])]
        assert times == sorted(times) and all(x.endswith("Z") for x in times)
        assert reactions[dialog[-1]["trace_id"]] == "end"
        for turn, following in zip(dialog, dialog[1:], strict=False):
            if reactions[turn["trace_id"]] in LOOKALIKES and turn["trace_id"] not in errors:
                lookalikes.add(following["input"])
    assert len(lookalikes) >= 40


def test_the_bundle_imports_cleanly(tmp_path: Path) -> None:
    bundle, labels_path = write_chat_set(tmp_path / "set", seed=2, dialogs=40)
    labels = json.loads(labels_path.read_text(encoding="utf-8"))
    store = open_store(tmp_path / "review.sqlite")
    try:
        report = import_paths(store, [bundle])
        assert report.problem_count == 0
        assert [(p.error, p.problems) for p in report.paths] == [(None, [])]
        assert report.added.traces == len(labels["turns"])
        assert report.existing.traces == 0
    finally:
        store.close()
