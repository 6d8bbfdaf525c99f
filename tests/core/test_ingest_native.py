"""Importing native bundles (docs/bundle-format.md) into a review database."""

from __future__ import annotations

import gzip
import io
import json
import zipfile

import pytest

from tracedesk.core.errors import Cancelled
from tracedesk.core.ingest import import_paths
from tracedesk.core.progress import Progress
from tracedesk.core.search import search_trace_ids
from tracedesk.core.traces import find_trace, trace_detail

from ..conftest import write_jsonl

BUNDLE = {"type": "bundle", "version": 1, "source": "support-bot/prod", "exported_at": "2026-11-20T10:00:00Z"}


def trace(tid: str, **fields) -> dict:
    return {"type": "trace", "trace_id": tid, "session_id": "sess-1", "user_id": "u-1", "name": "turn",
            "start_time": "2026-11-20T10:00:00Z", "end_time": "2026-11-20T10:00:02.5Z", "status": "ok",
            "input": f"Where is order {tid}?", "output": "It shipped yesterday.",
            "metadata": {"model": "gpt-4o-mini", "prompt_version": "v7"}, "tags": ["orders"], **fields}


def spans(tid: str) -> list[dict]:
    return [
        {"type": "span", "trace_id": tid, "span_id": f"{tid}-root", "parent_id": None, "name": "agent",
         "kind": "agent", "start_time": "2026-11-20T10:00:00Z", "end_time": "2026-11-20T10:00:02.5Z",
         "status": "ok", "input": f"Where is order {tid}?", "output": "It shipped yesterday."},
        {"type": "span", "trace_id": tid, "span_id": f"{tid}-llm", "parent_id": f"{tid}-root",
         "name": "plan", "kind": "llm", "model": "gpt-4o-mini", "start_time": "2026-11-20T10:00:00.1Z",
         "end_time": "2026-11-20T10:00:01Z", "usage": {"input_tokens": 120, "output_tokens": 30},
         "cost_usd": 0.0004,
         "input": {"messages": [{"role": "user", "content": f"Where is order {tid}?"}]},
         "output": {"messages": [{"role": "assistant", "content": "",
                                  "tool_calls": [{"id": "c1", "name": "lookup_order",
                                                  "arguments": {"order": tid}}]}]}},
        {"type": "span", "trace_id": tid, "span_id": f"{tid}-tool", "parent_id": f"{tid}-llm",
         "name": "lookup_order", "kind": "tool", "start_time": "2026-11-20T10:00:01Z",
         "end_time": "2026-11-20T10:00:02Z", "status": "ok",
         "input": {"name": "lookup_order", "arguments": {"order": tid}},
         "output": {"status": "shipped", "carrier": "Colissimo"}},
    ]


def counts(store) -> dict[str, int]:
    with store.read() as conn:
        return {t: conn.exec_driver_sql(f"SELECT count(*) FROM {t}").scalar_one()
                for t in ("trace", "span", "feedback", "source", "trace_fts")}


def test_a_bundle_imports_traces_spans_and_feedback(store, tmp_path) -> None:
    path = write_jsonl(tmp_path / "b.jsonl", [BUNDLE, trace("t1"), *spans("t1"), trace("t2"), *spans("t2"),
                                              {"type": "feedback", "trace_id": "t1", "kind": "thumbs",
                                               "value": -1, "comment": "wrong order", "source": "user"}])
    report = import_paths(store, [path])
    [result] = report.paths
    assert result.formats == ["native"]
    assert result.added.as_dict() == {"traces": 2, "spans": 6, "feedback": 1}
    assert result.problem_count == 0
    with store.read() as conn:
        detail = trace_detail(conn, find_trace(conn, "t1"))
    assert detail["source"] == "support-bot/prod"
    assert detail["session_id"] == "sess-1" and detail["status"] == "ok"
    assert detail["duration_ms"] == 2500.0
    [root] = detail["spans"]
    assert root["name"] == "agent"
    [llm] = root["children"]
    assert llm["output"]["messages"][0]["tool_calls"][0]["name"] == "lookup_order"
    assert llm["usage"] == {"input_tokens": 120, "output_tokens": 30}
    assert llm["children"][0]["output"] == {"status": "shipped", "carrier": "Colissimo"}
    assert detail["feedback"][0]["value"] == -1 and detail["feedback"][0]["comment"] == "wrong order"
    assert detail["span_count"] == 3


@pytest.mark.parametrize("suffix", [".jsonl", ".jsonl.gz", ".jsonl.zst"])
def test_compressed_bundles_import_alike(store, tmp_path, suffix) -> None:
    path = write_jsonl(tmp_path / f"b{suffix}", [BUNDLE, trace("t1"), *spans("t1")])
    report = import_paths(store, [path])
    assert report.added.as_dict() == {"traces": 1, "spans": 3, "feedback": 0}


def test_a_folder_with_a_manifest_and_records_split_over_files(store, tmp_path) -> None:
    folder = tmp_path / "bundle"
    (folder / "spans").mkdir(parents=True)
    (folder / "manifest.json").write_text(json.dumps(BUNDLE))
    write_jsonl(folder / "spans" / "part-1.jsonl.gz", spans("t1")[:2])
    write_jsonl(folder / "spans" / "part-2.jsonl", spans("t1")[2:] + spans("t2"))
    write_jsonl(folder / "traces.jsonl", [trace("t2"), trace("t1")])
    report = import_paths(store, [folder])
    assert report.added.as_dict() == {"traces": 2, "spans": 6, "feedback": 0}
    assert report.problem_count == 0
    with store.read() as conn:
        assert find_trace(conn, "support-bot/prod:t1").trace_id == "t1"


def test_a_zip_bundle(store, tmp_path) -> None:
    path = tmp_path / "bundle.zip"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("manifest.json", json.dumps({"bundle": BUNDLE}))
        archive.writestr("a.jsonl", "\n".join(json.dumps(r) for r in [trace("t1"), *spans("t1")]))
        archive.writestr("README.txt", "exported by the support bot")
    report = import_paths(store, [path])
    assert report.added.as_dict() == {"traces": 1, "spans": 3, "feedback": 0}
    assert [p.reason for p in report.paths[0].problems] == ["not a bundle file (.jsonl, .json); skipped"]


def test_spans_before_their_trace_and_the_bundle_record_last(store, tmp_path) -> None:
    path = write_jsonl(tmp_path / "b.jsonl", [*reversed(spans("t1")), trace("t1"), BUNDLE])
    report = import_paths(store, [path])
    assert report.added.traces == 1 and report.problem_count == 0
    with store.read() as conn:
        detail = trace_detail(conn, find_trace(conn, "t1"))
    assert detail["source"] == "support-bot/prod" and detail["from_record"]
    assert detail["input"] == "Where is order t1?"


def test_a_trace_without_its_record_is_built_from_its_spans(store, tmp_path) -> None:
    path = write_jsonl(tmp_path / "spans-only.jsonl", spans("t1"))
    import_paths(store, [path])
    with store.read() as conn:
        detail = trace_detail(conn, find_trace(conn, "t1"))
    assert detail["source"] == "spans-only.jsonl"  # no bundle record: the file name
    assert not detail["from_record"]
    assert detail["name"] == "agent" and detail["output"] == "It shipped yesterday."
    assert detail["start_time"] == "2026-11-20T10:00:00.000Z"
    assert detail["end_time"] == "2026-11-20T10:00:02.500Z"
    # The trace record arriving later fills in what the spans could not say.
    import_paths(store, [write_jsonl(tmp_path / "late.jsonl", [{**trace("t1"), "name": "turn 1"},
                                                               {**BUNDLE, "source": "spans-only.jsonl"}])])
    with store.read() as conn:
        detail = trace_detail(conn, find_trace(conn, "t1"))
    assert detail["from_record"] and detail["name"] == "turn 1" and detail["session_id"] == "sess-1"


def test_feedback_in_a_later_bundle_attaches_to_the_trace(store, tmp_path) -> None:
    import_paths(store, [write_jsonl(tmp_path / "traces.jsonl", [BUNDLE, trace("t1"), *spans("t1")])])
    # Exported apart, without a bundle record: it still finds its trace.
    report = import_paths(store, [write_jsonl(tmp_path / "feedback.jsonl", [
        {"type": "feedback", "trace_id": "t1", "span_id": "t1-tool", "kind": "rating", "value": 1,
         "scale": [1, 5], "comment": "useless", "author": "ana", "time": "2026-11-21T09:00:00+01:00"}])])
    assert report.paths[0].pending_feedback == 0
    with store.read() as conn:
        [fb] = trace_detail(conn, find_trace(conn, "t1"))["feedback"]
    assert fb["scale"] == [1, 5] and fb["span_id"] == "t1-tool" and fb["time"] == "2026-11-21T08:00:00.000Z"


def test_feedback_before_its_trace_waits_for_it(store, tmp_path) -> None:
    fb = {"type": "feedback", "trace_id": "t9", "kind": "escalation", "value": True}
    report = import_paths(store, [write_jsonl(tmp_path / "fb.jsonl", [BUNDLE, fb])])
    assert report.paths[0].pending_feedback == 1
    report = import_paths(store, [write_jsonl(tmp_path / "t.jsonl", [BUNDLE, trace("t9"), *spans("t9")])])
    assert report.paths[0].pending_feedback == 0
    with store.read() as conn:
        assert trace_detail(conn, find_trace(conn, "t9"))["feedback"][0]["kind"] == "escalation"


def test_importing_twice_changes_nothing_and_overlap_adds_only_what_is_new(store, tmp_path) -> None:
    first = write_jsonl(tmp_path / "a.jsonl", [BUNDLE, trace("t1"), *spans("t1"),
                                               {"type": "feedback", "trace_id": "t1", "kind": "thumbs", "value": 1}])
    import_paths(store, [first])
    before = counts(store)
    again = import_paths(store, [first])
    assert again.added.as_dict() == {"traces": 0, "spans": 0, "feedback": 0}
    assert again.existing.as_dict() == {"traces": 1, "spans": 3, "feedback": 1}
    assert counts(store) == before
    overlap = write_jsonl(tmp_path / "b.jsonl", [BUNDLE, trace("t1"), *spans("t1"), trace("t2"), *spans("t2")])
    report = import_paths(store, [overlap])
    assert report.added.as_dict() == {"traces": 1, "spans": 3, "feedback": 0}
    assert report.existing.as_dict() == {"traces": 1, "spans": 3, "feedback": 0}


def test_the_same_trace_id_in_two_sources_is_two_traces(store, tmp_path) -> None:
    import_paths(store, [write_jsonl(tmp_path / "a.jsonl", [BUNDLE, trace("t1")]),
                         write_jsonl(tmp_path / "b.jsonl", [{**BUNDLE, "source": "other"}, trace("t1")])])
    with store.read() as conn:
        assert find_trace(conn, "other:t1").source == "other"
        with pytest.raises(Exception, match="several sources"):
            find_trace(conn, "t1")


def test_unknown_fields_are_kept_and_numeric_ids_become_strings(store, tmp_path) -> None:
    import_paths(store, [write_jsonl(tmp_path / "b.jsonl", [
        BUNDLE, {**trace(""), "trace_id": 42, "region": "eu-west"},
        {"type": "span", "trace_id": 42, "span_id": 7, "kind": "tool", "retries": 2,
         "attributes": {"http.status": 500}},
    ])])
    with store.read() as conn:
        detail = trace_detail(conn, find_trace(conn, "42"))
    assert detail["metadata"]["region"] == "eu-west" and detail["metadata"]["prompt_version"] == "v7"
    assert detail["spans"][0]["span_id"] == "7"
    assert detail["spans"][0]["attributes"] == {"http.status": 500, "retries": 2}


def test_bad_records_are_reported_with_file_and_line_and_the_rest_imports(store, tmp_path) -> None:
    path = write_jsonl(tmp_path / "b.jsonl", [
        BUNDLE,
        trace("t1"),
        "{not json",
        {"type": "mystery"},
        {"type": "span", "trace_id": "t1"},
        {"type": "span", "trace_id": "t1", "span_id": "s1", "start_time": "yesterday", "kind": "llm"},
        {"type": "span", "trace_id": "t1", "span_id": "s2", "parent_id": "nowhere", "kind": "tool"},
        {"no": "type"},
        "[1, 2, 3]",
        {"type": "trace", "trace_id": {"an": "object"}},
        "[" * 5000 + "]" * 5000,
    ])
    report = import_paths(store, [path])
    [result] = report.paths
    lines = {p.line: p.reason for p in result.problems}
    assert "not valid JSON" in lines[3]
    assert "unknown record type 'mystery'" in lines[4]
    assert "'span_id' is missing" in lines[5]
    assert "'start_time' should be an RFC 3339 time" in lines[6]
    assert "parent nowhere is not in the bundle" in lines[7]
    assert "no 'type'" in lines[8]
    assert "JSON object" in lines[9]
    assert "'trace_id' must be a string" in lines[10]
    assert "nested too deeply" in lines[11]
    assert result.problem_count == 9
    assert all(p.file == str(path) for p in result.problems)
    assert result.added.as_dict() == {"traces": 1, "spans": 2, "feedback": 0}
    with store.read() as conn:
        detail = trace_detail(conn, find_trace(conn, "t1"))
    # The span with a bad time keeps what came in its attributes; the orphan is shown as a root.
    by_id = {s["span_id"]: s for s in detail["spans"]}
    assert by_id["s1"]["attributes"]["start_time"] == "yesterday"
    assert set(by_id) == {"s1", "s2"}


@pytest.mark.parametrize("name, content, reason", [
    ("notjson.jsonl", b"this is a letter, not a bundle\nsecond line\n", "not a trace"),
    ("garbage.jsonl", bytes(range(256)) * 40, "binary data"),
    ("empty-array.json", b"[]", "not a trace format"),
])
def test_unreadable_files_change_nothing(store, tmp_path, name, content, reason) -> None:
    import_paths(store, [write_jsonl(tmp_path / "ok.jsonl", [BUNDLE, trace("t1")])])
    before = counts(store)
    path = tmp_path / name
    path.write_bytes(content)
    report = import_paths(store, [path])
    assert not report.anything_imported
    assert reason in report.paths[0].error and str(path) in report.paths[0].error
    assert counts(store) == before


def test_a_truncated_gzip_changes_nothing(store, tmp_path) -> None:
    data = gzip.compress("".join(json.dumps(r) + "\n" for r in [BUNDLE] + [
        rec for i in range(300) for rec in [trace(f"t{i}"), *spans(f"t{i}")]]).encode())
    path = tmp_path / "cut.jsonl.gz"
    path.write_bytes(data[: len(data) // 2])
    report = import_paths(store, [path])
    assert not report.anything_imported
    assert "truncated" in report.paths[0].error
    assert counts(store)["trace"] == 0 and counts(store)["span"] == 0


def test_a_zip_entry_that_expands_beyond_reason_is_refused(store, tmp_path) -> None:
    path = tmp_path / "bomb.zip"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        archive.writestr("big.jsonl", b" " * (50 * 1024 * 1024))
    report = import_paths(store, [path])
    assert "zip bomb" in report.paths[0].error
    assert counts(store)["trace"] == 0


def test_a_missing_path_is_reported(store, tmp_path) -> None:
    report = import_paths(store, [tmp_path / "nope.jsonl"])
    assert "no such file" in report.paths[0].error


def test_one_bad_file_in_a_folder_leaves_the_others_imported(store, tmp_path) -> None:
    folder = tmp_path / "bundle"
    folder.mkdir()
    write_jsonl(folder / "good.jsonl", [BUNDLE, trace("t1"), *spans("t1")])
    (folder / "bad.jsonl.gz").write_bytes(gzip.compress(b'{"type": "trace", "trace_id": "x"}\n' * 500)[:60])
    report = import_paths(store, [folder])
    [result] = report.paths
    assert result.imported and result.added.traces == 1
    assert any("bad.jsonl.gz" in p.file for p in result.problems)
    with store.read() as conn:
        assert conn.exec_driver_sql("SELECT count(*) FROM trace WHERE trace_id = 'x'").scalar_one() == 0


@pytest.mark.slow
def test_progress_is_reported_and_cancelling_leaves_the_database_as_it_was(store, tmp_path) -> None:
    import_paths(store, [write_jsonl(tmp_path / "first.jsonl", [BUNDLE, trace("t0"), *spans("t0")])])
    before = counts(store)
    records = [BUNDLE] + [r for i in range(1, 3000) for r in [trace(f"t{i}"), *spans(f"t{i}")]]
    path = write_jsonl(tmp_path / "big.jsonl", records)
    seen: list[Progress] = []

    def cancel_midway(progress: Progress) -> None:
        seen.append(progress)
        if progress.counts.get("spans", 0) > 2000:
            raise Cancelled()

    with pytest.raises(Cancelled):
        import_paths(store, [path], progress=cancel_midway)
    assert counts(store) == before
    assert seen and seen[-1].total == path.stat().st_size and 0 < seen[-1].done <= seen[-1].total

    reports: list[Progress] = []
    import_paths(store, [path], progress=reports.append)
    assert reports[-1].phase == "Done" and reports[-1].counts["traces"] == 2999


def test_search_finds_traces_by_their_words(store, tmp_path) -> None:
    tool_error = {"type": "span", "trace_id": "t2", "span_id": "e", "kind": "tool", "status": "error",
                  "error": {"type": "Timeout", "message": "warehouse service unreachable"}}
    import_paths(store, [write_jsonl(tmp_path / "b.jsonl", [
        BUNDLE, trace("t1", output="Your refund was approved."), trace("t2"), tool_error])])
    with store.read() as conn:
        def found(words: str) -> set[str]:
            pks = search_trace_ids(conn, words)
            return {conn.exec_driver_sql("SELECT trace_id FROM trace WHERE id = ?", (pk,)).scalar_one()
                    for pk in pks}

        assert found("refund") == {"t1"}
        assert found("refu") == {"t1"}  # the last word is a prefix, for search as you type
        assert found("warehouse unreachable") == {"t2"}
        assert found('"order t2"') == {"t2"}
        assert found("AND OR ( *") == set()  # FTS syntax is never passed through


def test_a_stream_of_lines_with_windows_endings_and_blank_lines(store, tmp_path) -> None:
    text = "\r\n".join(json.dumps(r) for r in [BUNDLE, trace("t1"), *spans("t1")]) + "\r\n\r\n"
    path = tmp_path / "crlf.jsonl"
    path.write_bytes(text.encode())
    report = import_paths(store, [path])
    assert report.added.spans == 3 and report.problem_count == 0
    assert io  # keep the import list honest for readers


def test_a_value_nested_too_deep_is_a_problem_not_a_crash(store, tmp_path) -> None:
    deep: dict = {}
    node = deep
    for _ in range(400):
        node["x"] = {}
        node = node["x"]
    path = write_jsonl(tmp_path / "deep.jsonl", [
        {"type": "span", "trace_id": "t1", "span_id": "a", "name": "fine"},
        {"type": "span", "trace_id": "t1", "span_id": "b", "name": "deep", "attributes": deep},
    ])
    report = import_paths(store, [path])
    assert report.added.spans == 1
    [problem] = report.paths[0].problems
    assert problem.line == 2 and "cannot be stored" in problem.reason


def test_a_trace_record_without_input_takes_its_root_spans(store, tmp_path) -> None:
    path = write_jsonl(tmp_path / "b.jsonl", [
        {"type": "trace", "trace_id": "t1", "name": "run"},
        {"type": "span", "trace_id": "t1", "span_id": "a", "name": "agent", "input": "Where is order 5?",
         "output": "It shipped.", "status": "ok"},
    ])
    import_paths(store, [path])
    with store.read() as conn:
        name, input_, output = conn.exec_driver_sql("SELECT name, input, output FROM trace").one()
    assert (name, input_, output) == ("run", '"Where is order 5?"', '"It shipped."')


def test_a_time_beyond_64_bits_is_reported_not_a_crash(store, tmp_path) -> None:
    path = write_jsonl(tmp_path / "b.jsonl", [
        {"type": "span", "trace_id": "t", "span_id": "s", "name": "step", "start_time": "1" + "0" * 30,
         "end_time": 10**25}])
    report = import_paths(store, [path])
    assert report.added.spans == 1
    assert any("start_time" in p.reason for p in report.paths[0].problems)
    assert any("end_time" in p.reason for p in report.paths[0].problems)
