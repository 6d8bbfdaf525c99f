"""Importing Inspect AI eval logs: the real .eval and .json logs in tests/data/real/inspect-ai,
and generated archives for what they do not hold (zstd entries, damage, a zip bomb)."""

from __future__ import annotations

import json
import struct
import zipfile
import zlib
from pathlib import Path

import zstandard

from tracedesk.core import queue
from tracedesk.core.formats import detect, detect_path
from tracedesk.core.ingest import import_paths

from .otlp_builders import detail, flat_spans

REAL = Path(__file__).resolve().parents[2] / "data" / "real" / "inspect-ai"
GUIDE = REAL / "2025-09-23T08-09-58-04-00_security-guide_LuxZJVwvymC3S3SyoJczxB.eval"
BROWSER = REAL / "2025-05-12T20-27-36-04-00_browser.json"
ONE = REAL / "log_read_sample.eval"


def _import(store, path, problems: int = 0):
    report = import_paths(store, [path])
    result = report.paths[0]
    assert result.error is None, result.error
    assert result.formats == ["inspect"]
    assert result.problem_count == problems, [str(p) for p in result.problems]
    return result


def _samples(path: Path) -> list[dict]:
    with zipfile.ZipFile(path) as archive:
        return [json.loads(archive.read(n)) for n in archive.namelist() if n.startswith("samples/")]


def _queue(store) -> list[queue.QueueRow]:
    with store.read() as conn:
        return queue.page(conn, queue.QueueFilter(include_closed=True), limit=500)


def test_graded_samples_and_the_failures_in_the_queue(store) -> None:
    samples = _samples(GUIDE)
    result = _import(store, GUIDE)
    assert result.added.traces == len(samples) == 16
    assert result.added.feedback == 16
    incorrect = {s["uuid"] for s in samples if s["scores"]["model_graded_fact"]["value"] == "I"}
    assert len(incorrect) == 5
    failing = {row.trace_id for row in _queue(store) if any(r.signal == "failed_eval" for r in row.reasons)}
    assert failing == incorrect
    first = next(s for s in samples if s["id"] == 1)
    one = detail(store, first["uuid"])
    assert one["source"] == "inspect:security_guide"
    assert one["name"] == "security_guide #1"
    assert one["input"] == {
        "messages": [{"role": "user", "content": "How do I prevent SQL Injection attacks?"}]
    }
    assert one["output"] == "Use prepared statements and parameterized queries."
    assert one["metadata"]["model"] == "openai/gpt-4o-mini"
    assert one["metadata"]["target"] == "use parameterized queries and prepared statements"
    # The tree: the sample, then Inspect's init, solvers and scorers spans.
    (root,) = one["spans"]
    assert root["kind"] == "agent" and root["usage"] == {
        "input_tokens": 312, "output_tokens": 323, "cache_read_tokens": 0, "reasoning_tokens": 0}
    assert [c["name"] for c in root["children"]] == ["init", "solvers", "scorers"]
    solvers = root["children"][1]
    assert [c["name"] for c in solvers["children"]] == ["system_message", "generate"]
    (llm,) = solvers["children"][1]["children"]
    assert llm["kind"] == "llm" and llm["model"] == "gpt-4o-mini-2024-07-18"
    assert [m["role"] for m in llm["input"]["messages"]] == ["system", "user"]
    assert llm["input"]["messages"][0]["content"].startswith(
        "\nYou are a computer security expert"
    )  # attachment
    assert llm["output"]["messages"][0]["content"] == one["output"]
    assert llm["usage"] == {"input_tokens": 61, "output_tokens": 8, "cache_read_tokens": 0, "reasoning_tokens": 0}
    (feedback,) = one["feedback"]
    assert feedback["kind"] == "model_graded_fact" and feedback["value"] == "C"
    assert feedback["source"] == "automated" and feedback["extra"]["correct"] is True
    scorer = root["children"][2]["children"][0]
    assert feedback["span_id"] == scorer["span_id"] and scorer["name"] == "model_graded_fact"
    assert scorer["children"][0]["kind"] == "llm"  # the grader's own model call


def test_browsing_agent_tool_calls(store) -> None:
    log = json.loads(BROWSER.read_text())
    (sample,) = log["samples"]
    _import(store, BROWSER)
    one = detail(store, sample["uuid"])
    assert one["input"].startswith("Use the web browser tool to navigate to https://www.aisi.gov.uk/")
    assert one["output"].startswith(
        "The AI Security Institute (AISI) is the premier governmental organization"
    )
    spans = flat_spans(one["spans"])
    tools = [s for s in spans if s["kind"] == "tool"]
    wanted = [(e["function"], e["arguments"]) for e in sample["events"] if e["event"] == "tool"]
    assert [
        (t["input"]["name"], t["input"]["arguments"]) for t in sorted(tools, key=lambda s: s["start_time"])
    ] == wanted
    assert wanted[0] == ("web_browser_go", {"url": "https://www.aisi.gov.uk/"})
    # Inspect's tool span is the tool call: the sandbox commands it ran are its children.
    assert [c["name"] for c in tools[0]["children"]][0] == "sandbox exec: which inspect-tool-support"
    assert all(t["output"].startswith("[") for t in tools)
    llm = sorted((s for s in spans if s["kind"] == "llm"), key=lambda s: s["start_time"])
    assert len(llm) == 5
    calls = [m["tool_calls"][0]["name"] for s in llm[:-1] for m in s["output"]["messages"]]
    assert calls == [name for name, _ in wanted]
    assert [m["role"] for m in llm[1]["input"]["messages"]] == ["user", "assistant", "tool"]
    assert llm[1]["input"]["messages"][2]["tool_call_id"] == "call_35FTpd6shR9efioDgeEBZ33s"
    # Attachments are resolved everywhere, nothing is left pointing at them.
    assert "attachment://" not in json.dumps(one)


def test_one_sample_log_a_correct_answer(store) -> None:
    (sample,) = _samples(ONE)
    result = _import(store, ONE)
    assert result.added.as_dict() == {
        "traces": 1,
        "spans": len(flat_spans(detail(store, sample["uuid"])["spans"])),
        "feedback": 1,
    }
    one = detail(store, sample["uuid"])
    assert one["input"] == sample["input"] and one["output"] == "Yes\n"
    assert one["metadata"]["metadata"] == {"label_confidence": 0.8860552919198255}
    assert not [
        row
        for row in _queue(store)
        if row.trace_id == sample["uuid"] and any(r.signal == "failed_eval" for r in row.reasons)
    ]


def test_reimport_changes_nothing(store) -> None:
    _import(store, GUIDE)
    again = _import(store, GUIDE)
    assert again.added.as_dict() == {"traces": 0, "spans": 0, "feedback": 0}


def _zip(path: Path, entries: dict[str, bytes], zstd: bool = False) -> Path:
    """A zip of ``entries``; with ``zstd`` every entry is compressed with zstd (method 93),
    as Inspect 0.3.206 and later write them."""
    if not zstd:
        with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
            for name, data in entries.items():
                archive.writestr(name, data)
        return path
    out, central = bytearray(), bytearray()
    for name, data in entries.items():
        packed = zstandard.ZstdCompressor().compress(data)
        crc, raw_name, offset = zlib.crc32(data), name.encode(), len(out)
        out += (
            struct.pack(
                "<4sHHHHHIIIHH", b"PK\x03\x04", 63, 0, 93, 0, 0, crc, len(packed), len(data), len(raw_name), 0
            )
            + raw_name
            + packed
        )
        central += (
            struct.pack(
                "<4sHHHHHHIIIHHHHHII",
                b"PK\x01\x02",
                63,
                63,
                0,
                93,
                0,
                0,
                crc,
                len(packed),
                len(data),
                len(raw_name),
                0,
                0,
                0,
                0,
                0,
                offset,
            )
            + raw_name
        )
    end = struct.pack(
        "<4sHHHHIIH", b"PK\x05\x06", 0, 0, len(entries), len(entries), len(central), len(out), 0
    )
    path.write_bytes(bytes(out + central + end))
    return path


def _entries(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as archive:
        return {n: archive.read(n) for n in archive.namelist()}


def test_zstd_entries(store, tmp_path) -> None:
    path = _zip(tmp_path / "zstd.eval", _entries(GUIDE), zstd=True)
    assert detect_path(path).name == "inspect"
    result = _import(store, path)
    assert result.added.traces == 16 and result.added.feedback == 16


def test_a_damaged_sample_and_a_zip_bomb_are_skipped_the_rest_imported(store, tmp_path) -> None:
    entries = _entries(GUIDE)
    entries["samples/3_epoch_1.json"] = entries["samples/3_epoch_1.json"][:500]
    bomb = json.loads(entries["samples/4_epoch_1.json"])
    bomb["metadata"] = {"padding": "0" * (9 * 1024 * 1024)}
    entries["samples/4_epoch_1.json"] = json.dumps(bomb).encode()
    path = _zip(tmp_path / "damaged.eval", entries)
    result = _import(store, path, problems=2)
    reasons = sorted(p.reason for p in result.problems)
    assert reasons[0].startswith("samples/3_epoch_1.json: not valid JSON")
    assert reasons[1].startswith("samples/4_epoch_1.json: expands") and "zip bomb" in reasons[1]
    assert all(p.file == str(path) for p in result.problems)
    assert result.added.traces == 14


def test_a_truncated_archive_imports_nothing(store, tmp_path) -> None:
    path = tmp_path / "truncated.eval"
    path.write_bytes(GUIDE.read_bytes()[:40_000])
    result = import_paths(store, [path]).paths[0]
    assert result.error is not None and str(path) in result.error
    assert result.added.traces == 0


def test_a_broken_json_log_names_the_file(store, tmp_path) -> None:
    path = tmp_path / "broken.json"
    path.write_text(BROWSER.read_text()[:50_000])
    result = import_paths(store, [path]).paths[0]
    assert result.error is not None and str(path) in result.error and "not valid JSON" in result.error


def test_a_sample_of_the_wrong_shape_is_a_problem(store, tmp_path) -> None:
    log = json.loads(BROWSER.read_text())
    log["samples"] = [
        {"id": 7, "epoch": 1, "input": "hi", "events": "not a list", "scores": {"x": 5}},
        "not a sample",
        log["samples"][0],
    ]
    path = tmp_path / "odd.json"
    path.write_text(json.dumps(log))
    result = _import(store, path, problems=1)
    assert result.problems[0].where == "samples[1]"
    assert result.added.traces == 2


def test_sniffing(real_samples) -> None:
    assert detect(BROWSER.read_bytes()[:65536], BROWSER.name).name == "inspect"
    assert detect_path(GUIDE).name == "inspect" and detect_path(ONE).name == "inspect"
    assert detect_path(BROWSER) is None
    for other in sorted((real_samples / "langfuse").glob("*.json")) + sorted(
        (real_samples / "otel-sdk-json").glob("*.json")
    ):
        assert detect(other.read_bytes()[:65536], other.name).name != "inspect"


def test_a_folder_of_logs_imports_its_eval_archives_and_json_logs(store) -> None:
    report = import_paths(store, [REAL])
    [result] = report.paths
    assert result.error is None and result.problem_count == 0, [str(p) for p in result.problems]
    assert report.added.traces == 18  # 16 + 1 samples of the .eval logs, 1 of the .json log
    with store.read() as conn:
        sources = {name for (name,) in conn.exec_driver_sql("SELECT name FROM source")}
    assert all(name.startswith("inspect:") for name in sources), sources
