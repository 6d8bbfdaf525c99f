"""Damaged exports: real files with a field of the wrong type, a value no id can be, or
many small damages at once. An import reads what it can and says what it set aside, or
refuses the file with a message naming it; it never stops on an error of its own, and a
refused file leaves the database as it was."""

from __future__ import annotations

import json
import random
from pathlib import Path

import pytest

from tracedesk.core import formats
from tracedesk.core.errors import UserError
from tracedesk.core.formats import Format, Record
from tracedesk.core.ingest import import_paths

from .formats.otlp_builders import doc as otlp_document
from .formats.otlp_builders import sid, span, tid
from .formats.test_langsmith import runs
from .formats.test_phoenix import phoenix_spans

REAL = Path(__file__).resolve().parents[1] / "data" / "real"
LANGFUSE = REAL / "langfuse" / "crewai-2025-07-11.trace.json"
OTEL = REAL / "otel-sdk-json" / "AGNO_trace.json"


def _counts(store) -> tuple[int, int, int]:
    with store.read() as conn:
        return tuple(conn.exec_driver_sql(f"SELECT count(*) FROM {table}").scalar_one()
                     for table in ("trace", "span", "feedback"))


def _write(tmp_path: Path, name: str, doc) -> Path:
    path = tmp_path / name
    path.write_text(json.dumps(doc))
    return path


def _damage_langfuse(doc: dict, damage: str) -> None:
    observations = doc["observations"]
    if damage == "an observation id that is an object":
        observations[1]["id"] = {"id": observations[1]["id"]}
    elif damage == "the trace's observations a number":
        doc["trace"]["observations"] = 3.5
    elif damage == "the trace's scores true":
        doc["trace"]["scores"] = True
    elif damage == "a model call whose input is a number":
        doc["trace"]["input"] = None
        for obs in observations:
            if obs.get("type") == "GENERATION":
                obs["input"] = 7


@pytest.mark.parametrize("damage", ["an observation id that is an object", "the trace's observations a number",
                                    "the trace's scores true", "a model call whose input is a number"])
def test_a_langfuse_trace_with_a_field_of_the_wrong_type_is_read_around_it(store, tmp_path, damage) -> None:
    doc = json.loads(LANGFUSE.read_text())
    _damage_langfuse(doc, damage)
    report = import_paths(store, [_write(tmp_path, "trace.json", doc)])
    assert report.paths[0].error is None
    assert report.added.traces == 1 and report.added.spans >= len(doc["observations"]) - 1


@pytest.mark.parametrize("field", ["events", "links"])
def test_an_otel_span_whose_events_or_links_are_no_list_is_read_without_them(store, tmp_path, field) -> None:
    doc = json.loads(OTEL.read_text())
    for one in doc["spans"]:
        one[field] = True
    report = import_paths(store, [_write(tmp_path, "trace.json", doc)])
    assert report.paths[0].error is None
    assert report.added.spans == len(doc["spans"])


def _otlp_events_a_number() -> tuple[str, str, int]:
    return "traces.jsonl", json.dumps(otlp_document(span(tid(1), sid(1), "agent run", events=2.5))), 1


def _phoenix_events_a_number() -> tuple[str, str, int]:
    spans = phoenix_spans()
    for one in spans:
        one["events"] = 2.5
    return "phoenix_spans.json", json.dumps(spans), len(spans)


def _langsmith_child_runs_a_number() -> tuple[str, str, int]:
    root = {**runs()[0], "child_runs": 2.5}
    return "tree.json", json.dumps(root), 1


def _native_record_type_a_list() -> tuple[str, str, int]:
    lines = [{"type": "trace", "trace_id": "t1", "input": "hi"}, {"type": ["trace"], "trace_id": "t0"},
             {"type": "span", "trace_id": "t1", "span_id": "s1"}]
    return "bundle.jsonl", "".join(json.dumps(line) + "\n" for line in lines), 1


@pytest.mark.parametrize("export", [_otlp_events_a_number, _phoenix_events_a_number, _langsmith_child_runs_a_number,
                                    _native_record_type_a_list], ids=lambda f: f.__name__.lstrip("_"))
def test_a_list_field_that_holds_something_else_is_read_around(store, tmp_path, export) -> None:
    name, text, spans = export()
    path = tmp_path / name
    path.write_text(text)
    report = import_paths(store, [path])
    assert report.paths[0].error is None
    assert report.added.traces == 1 and report.added.spans == spans


def test_a_first_line_whose_type_is_no_text_is_no_known_format(store, tmp_path) -> None:
    path = tmp_path / "bundle.jsonl"
    path.write_text(json.dumps({"type": ["bundle"], "version": 1}) + "\n"
                    + json.dumps({"type": "trace", "trace_id": "t1"}) + "\n")
    [result] = import_paths(store, [path]).paths
    assert result.error is not None and "bundle.jsonl" in result.error
    assert _counts(store) == (0, 0, 0)


def test_a_trace_id_with_control_characters_is_set_aside_with_its_line(store, tmp_path) -> None:
    lines = [{"type": "bundle", "version": 1, "source": "damaged"},
             {"type": "trace", "trace_id": "\u0000", "input": "hi", "output": "hello"},
             {"type": "span", "trace_id": "bad\u001b[31m", "span_id": "s1", "kind": "llm"},
             {"type": "trace", "trace_id": "good", "input": "hi", "output": "hello"}]
    path = tmp_path / "bundle.jsonl"
    path.write_text("\n".join(json.dumps(line) for line in lines) + "\n")
    report = import_paths(store, [path])
    problems = report.paths[0].problems
    assert [(p.line, "control character" in p.reason) for p in problems] == [(2, True), (3, True)]
    assert report.added.traces == 1 and _counts(store)[:2] == (1, 0)


def test_a_shape_a_reader_was_not_written_for_refuses_its_file_and_the_rest_is_imported(
        store, tmp_path, monkeypatch, caplog) -> None:
    """A reader that meets what it does not expect (here one that looks up a key its file
    lacks after its first record) costs that file, named with the line it stopped after,
    not the import; the traceback goes to the log for a bug report."""
    def read(stream, name):
        yield Record({"type": "trace", "trace_id": "read-before-the-slip", "input": "hi"}, 1)
        yield Record({"type": "trace", "trace_id": {}["trace_id"]}, 2)

    slipping = Format("slipping", "A reader with a slip", sniff=lambda head, name: name.endswith(".slip"), read=read)
    monkeypatch.setattr(formats, "FORMATS", [slipping, *formats.FORMATS])
    odd = tmp_path / "odd.slip"
    odd.write_text("anything")
    good = tmp_path / "good.jsonl"
    good.write_text(json.dumps({"type": "trace", "trace_id": "good", "input": "hi", "output": "hello"}) + "\n")
    report = import_paths(store, [odd, good])
    refused, imported = report.paths
    assert refused.error.startswith(f"{odd}, line 1: Tracedesk could not read past line 1")
    assert "KeyError" in refused.error and "Open Log Folder" in refused.error
    assert imported.error is None and _counts(store)[0] == 1
    assert "reading" in caplog.text and "Traceback" in caplog.text


def test_a_file_refused_after_its_first_batches_leaves_the_next_file_of_its_source_whole(
        store, tmp_path, monkeypatch) -> None:
    """A folder of one source: a file whose reader slips after thousands of records (whose
    source row its rolled-back batches had created) and a good one. The good one imports
    into a source that exists; the counts say only what was kept."""
    def read(stream, name):
        for i in range(2500):
            yield Record({"type": "trace", "trace_id": f"a{i}", "input": "hi"}, i + 1)
        yield Record({"type": "trace", "trace_id": {}["trace_id"]}, 2501)

    slipping = Format("slipping", "A reader with a slip", sniff=lambda head, name: name.endswith("a.json"), read=read)
    monkeypatch.setattr(formats, "FORMATS", [slipping, *formats.FORMATS])
    folder = tmp_path / "bundle"
    folder.mkdir()
    (folder / "a.json").write_text("{}")
    (folder / "b.jsonl").write_text(json.dumps({"type": "trace", "trace_id": "good", "input": "hi"}) + "\n")
    progress = []
    report = import_paths(store, [folder], progress=progress.append)
    [result] = report.paths
    assert result.error is None and [p.line for p in result.problems] == [2500]
    assert report.added.traces == 1 and _counts(store)[0] == 1
    assert progress[-1].counts["traces"] == 1


# Values a damaged or hostile export may hold where another type is expected.
ODD_VALUES = [None, True, 0, -1, 1.5, 1e308, 10**30, "", "x", "\u0000", "\x1b[31mred", "<b>x</b>",
              "2026-13-45T99:99:99Z", [], {}, [1, 2], {"a": 1}, [{"role": 5}], {"role": None}, [[[]]]]


def _mutated(value, rng: random.Random, depth: int = 0):
    """``value`` with a few of its fields, at any depth, replaced by an odd value or dropped."""
    if depth > 8:
        return value
    if isinstance(value, dict):
        out = {}
        for key, item in value.items():
            roll = rng.random()
            if roll < 0.04:
                out[key] = rng.choice(ODD_VALUES)
            elif roll >= 0.06:
                out[key] = _mutated(item, rng, depth + 1)
        return out
    if isinstance(value, list):
        out = [_mutated(item, rng, depth + 1) for item in value if rng.random() > 0.03]
        if rng.random() < 0.05:
            out.append(rng.choice(ODD_VALUES))
        return out
    return rng.choice(ODD_VALUES) if rng.random() < 0.03 else value


SAMPLES = sorted(p for p in REAL.rglob("*") if p.suffix in (".json", ".traj"))


# The first four damaged copies of each file in the README's test command, the other eight
# among the slow tests: each of the 24 files, twelve copies in all, in .ci/run.
COPIES = [pytest.param(range(0, 4), id="first-copies"),
          pytest.param(range(4, 12), id="more-copies", marks=pytest.mark.slow)]


@pytest.mark.parametrize("copies", COPIES)
@pytest.mark.parametrize("sample", SAMPLES, ids=lambda p: p.name)
def test_real_files_damaged_at_random_import_or_are_refused_whole(store, tmp_path, sample, copies) -> None:
    """Twelve damaged copies of each real file (the same ones every run): each imports what
    it can, or is refused with a message naming it and leaves the database as it was."""
    rng = random.Random(sample.name)
    doc = json.loads(sample.read_text())
    for i in range(12):
        damaged = _mutated(doc, rng)  # (every copy made, so that each is the same whatever runs)
        if i not in copies:
            continue
        path = _write(tmp_path, f"damaged-{i}{sample.suffix}", damaged)
        before = _counts(store)
        try:
            report = import_paths(store, [path])
        except UserError as exc:
            assert path.name in str(exc)
            assert _counts(store) == before
            continue
        for result in report.paths:
            assert result.error is None or _counts(store) == before
