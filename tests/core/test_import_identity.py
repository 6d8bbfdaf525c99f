"""What an import files where: every source keeps its own traces and feedback, values out of
the range a database can hold are reported instead of aborting the import, and the same
traces imported another way (compressed, in a folder, in a zip) change nothing."""

from __future__ import annotations

import gzip
import hashlib
import json
import shutil
import zipfile
from pathlib import Path

import orjson
import pytest

from tracedesk.core.ingest import import_paths
from tracedesk.core.queue import page
from tracedesk.core.traces import find_trace, trace_detail

from ..conftest import write_jsonl
from .formats.test_phoenix import TRACE as PHOENIX_TRACE
from .formats.test_phoenix import phoenix_spans

LANGFUSE = Path(__file__).resolve().parents[1] / "data" / "real" / "langfuse" / "agno-2025-06-11.trace.json"
OTEL_SDK = Path(__file__).resolve().parents[1] / "data" / "real" / "otel-sdk-json" / "AGNO_trace.json"


def counts(store) -> dict[str, int]:
    with store.read() as conn:
        return {t: conn.exec_driver_sql(f"SELECT count(*) FROM {t}").scalar_one()
                for t in ("trace", "span", "feedback")}


def sources_of(store) -> dict[str, str]:
    """trace id -> the name of its source."""
    with store.read() as conn:
        return dict(conn.exec_driver_sql(
            "SELECT t.trace_id, s.name FROM trace t JOIN source s ON s.id = t.source_id").all())


def detail(store, ref: str) -> dict:
    with store.read() as conn:
        return trace_detail(conn, find_trace(conn, ref))


def bot(path: Path, source: str) -> Path:
    return write_jsonl(path, [
        {"type": "bundle", "version": 1, "source": source},
        {"type": "trace", "trace_id": "1", "input": f"a question to {source}", "output": "an answer"},
        {"type": "feedback", "trace_id": "1", "kind": "thumbs", "value": -1, "source": "user"},
    ])


# 1. Feedback belongs to its bundle's source, whatever the record's own "source" says.

def test_the_same_feedback_record_in_two_sources_is_two_feedbacks(store, tmp_path) -> None:
    a, b = bot(tmp_path / "a.jsonl", "shop-bot"), bot(tmp_path / "b.jsonl", "hr-bot")
    report = import_paths(store, [a, b])
    assert [p.added.feedback for p in report.paths] == [1, 1]
    assert report.existing.feedback == 0
    for source in ("shop-bot", "hr-bot"):
        (feedback,) = detail(store, f"{source}:1")["feedback"]
        assert feedback["value"] == -1 and feedback["source"] == "user"
    with store.read() as conn:
        queued = {(row.source, row.trace_id) for row in page(conn)}
    assert queued == {("shop-bot", "1"), ("hr-bot", "1")}
    # And each bundle again changes nothing.
    again = import_paths(store, [a, b])
    assert again.added.as_dict() == {"traces": 0, "spans": 0, "feedback": 0}
    assert counts(store)["feedback"] == 2


# 2. A value the database cannot hold is one reported line, the rest imported.

@pytest.mark.parametrize("field,value", [
    ("start_time", "9999-12-31T23:59:59Z"),
    ("start_time", "1492-10-12T00:00:00Z"),
    ("start_time", 2**64 - 1),
    ("end_time", -(2**64)),
])
def test_a_time_out_of_range_is_kept_as_it_came_and_reported(store, tmp_path, field, value) -> None:
    path = write_jsonl(tmp_path / "b.jsonl", [
        {"type": "bundle", "source": "bot"},
        {"type": "trace", "trace_id": "far", field: value, "input": "q"},
        {"type": "trace", "trace_id": "near", "start_time": "2026-11-20T10:00:00Z", "input": "q"},
    ])
    other = write_jsonl(tmp_path / "c.jsonl", [{"type": "trace", "trace_id": "other", "input": "q"}])
    report = import_paths(store, [path, other])
    assert all(p.imported for p in report.paths)
    result = report.paths[0]
    assert result.added.traces == 2
    (problem,) = result.problems
    assert problem.line == 2 and field in problem.reason and "range" in problem.reason
    far = detail(store, "far")
    assert far["start_time"] is None or field == "end_time"
    assert far["metadata"][field] == value
    assert counts(store)["trace"] == 3


@pytest.mark.parametrize("usage", [{"input_tokens": 2**64 - 1}, {"output_tokens": 2**63}])
def test_a_token_count_out_of_range_is_reported(store, tmp_path, usage) -> None:
    path = write_jsonl(tmp_path / "b.jsonl", [
        {"type": "trace", "trace_id": "t", "input": "q"},
        {"type": "span", "trace_id": "t", "span_id": "s", "kind": "llm", "usage": usage},
        {"type": "span", "trace_id": "t", "span_id": "s2", "kind": "tool"},
        {"type": "feedback", "trace_id": "t", "kind": "thumbs", "value": -1},
    ])
    result = import_paths(store, [path]).paths[0]
    assert result.imported and result.added.as_dict() == {"traces": 1, "spans": 2, "feedback": 1}
    assert [p.line for p in result.problems] == [2]
    (key,) = usage
    assert f"usage.{key}" in result.problems[0].reason


# 3. Each file of a folder or zip keeps its own source.

def _mixed_folder(tmp_path: Path) -> Path:
    folder = tmp_path / "exports"
    folder.mkdir()
    shutil.copy(LANGFUSE, folder / "a-langfuse.json")
    (folder / "b-phoenix.json").write_text(json.dumps(phoenix_spans()))
    return folder


def test_a_folder_of_two_formats_files_each_under_its_own_source(store, tmp_path) -> None:
    folder = _mixed_folder(tmp_path)
    result = import_paths(store, [folder]).paths[0]
    assert sorted(result.formats) == ["langfuse", "phoenix"]
    sources = sources_of(store)
    project = json.loads(LANGFUSE.read_text())["trace"]["projectId"]
    langfuse_trace = json.loads(LANGFUSE.read_text())["trace"]["id"]
    assert sources[langfuse_trace] == f"langfuse:{project}"
    assert sources[PHOENIX_TRACE] == "phoenix"


def test_a_zip_of_two_formats_files_each_under_its_own_source(store, tmp_path) -> None:
    folder = _mixed_folder(tmp_path)
    archive = tmp_path / "exports.zip"
    with zipfile.ZipFile(archive, "w") as zf:
        for file in sorted(folder.iterdir()):
            zf.write(file, file.name)
    import_paths(store, [archive])
    assert sources_of(store)[PHOENIX_TRACE] == "phoenix"


# 4. The same traces imported another way change nothing.

@pytest.mark.parametrize("sample", ["phoenix", "otel-sdk"])
def test_the_same_file_compressed_in_a_folder_or_zip_adds_nothing(store, tmp_path, sample) -> None:
    raw = (json.dumps(phoenix_spans()) if sample == "phoenix" else OTEL_SDK.read_text()).encode()
    plain = tmp_path / "X.json"
    plain.write_bytes(raw)
    first = import_paths(store, [plain]).paths[0]
    assert first.added.traces == 1
    before = counts(store)

    packed = tmp_path / "Y.json.gz"
    packed.write_bytes(gzip.compress(raw))
    folder = tmp_path / "folder"
    folder.mkdir()
    (folder / "renamed.json").write_bytes(raw)
    archive = tmp_path / "spans.zip"
    with zipfile.ZipFile(archive, "w") as zf:
        zf.writestr("inside/X.json", raw)
    report = import_paths(store, [packed, folder, archive])
    assert all(p.imported for p in report.paths), [p.error for p in report.paths]
    assert report.added.as_dict() == {"traces": 0, "spans": 0, "feedback": 0}
    assert counts(store) == before


def test_feedback_stored_by_an_earlier_version_is_not_added_again(store, tmp_path) -> None:
    a = bot(tmp_path / "a.jsonl", "shop-bot")
    import_paths(store, [a])
    # A database written before feedback carried its bundle's source apart from its own
    # "source" field identified the record by the record alone.
    record = json.loads(a.read_text().splitlines()[2])
    earlier = hashlib.sha256(orjson.dumps(record, option=orjson.OPT_SORT_KEYS)).hexdigest()
    with store.write() as conn:
        conn.exec_driver_sql("UPDATE feedback SET content_hash = ?", (earlier,))
    assert import_paths(store, [a]).added.feedback == 0
    assert counts(store)["feedback"] == 1
    # The same record in another source is still its own feedback.
    assert import_paths(store, [bot(tmp_path / "b.jsonl", "hr-bot")]).added.feedback == 1
