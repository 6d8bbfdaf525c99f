"""Importing OpenTelemetry SDK span JSON: the real any-agent exports in tests/data/real/otel-sdk-json."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tracedesk.core.ingest import import_paths

from .otlp_builders import detail, flat_spans

REAL = Path(__file__).resolve().parents[2] / "data" / "real" / "otel-sdk-json"

# file -> the tools the agent called, in order, with their arguments
EXPECTED = {
    "AGNO_trace.json": [("get_current_time", {"timezone": "America/New_York"}),
                        ("write_file", {"text": "2025"})],
    "LANGCHAIN_trace.json": [("get_current_time", {"timezone": "America/New_York"}),
                             ("write_file", {"text": "2025"})],
    "OPENAI_trace.json": [("get_current_time", {"timezone": "America/New_York"}),
                          ("write_file", {"text": "2025"})],
    "SMOLAGENTS_trace.json": [("get_current_time", {"timezone": "America/New_York"}),
                              ("write_file", {"text": "2025"}), ("final_answer", None)],
}


def _raw(name: str) -> list[dict]:
    return json.loads((REAL / name).read_text())["spans"]


def test_every_real_file_is_covered() -> None:
    assert sorted(p.name for p in REAL.glob("*.json")) == sorted(EXPECTED)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_real_any_agent_trace(store, name) -> None:
    raw = _raw(name)
    report = import_paths(store, [REAL / name])
    result = report.paths[0]
    assert result.formats == ["otel-sdk"]
    assert result.problem_count == 0, [str(p) for p in result.problems]
    trace_ids = {format(s["context"]["trace_id"], "032x") for s in raw}
    assert result.added.as_dict() == {"traces": len(trace_ids), "spans": len(raw), "feedback": 0}

    (trace_id,) = trace_ids
    one = detail(store, trace_id)
    spans = flat_spans(one["spans"])
    assert len(spans) == len(raw) == one["span_count"]

    # The tree is the file's: one root (its parent context holds null ids), the agent run,
    # and every other span its child.
    raw_roots = [s for s in raw if s["parent"] is None or s["parent"]["span_id"] is None]
    assert len(one["spans"]) == len(raw_roots) == 1
    root = one["spans"][0]
    assert root["name"] == "invoke_agent [any_agent]" and root["kind"] == "agent"
    assert root["span_id"] == format(raw_roots[0]["context"]["span_id"], "016x")
    assert len(root["children"]) == len(raw) - 1
    assert all(c["parent_id"] == root["span_id"] for c in root["children"])
    assert {format(s["parent"]["span_id"], "016x") for s in raw if s not in raw_roots} == {root["span_id"]}
    assert one["name"] == "invoke_agent [any_agent]"
    # any-agent's final_output is the run's output.
    assert one["output"] == json.loads((REAL / name).read_text())["final_output"]

    # The first LLM step: its messages, its tool call, its model and usage.
    llm_steps = [s for s in root["children"] if s["kind"] == "llm"]
    assert len(llm_steps) == sum(s["attributes"]["gen_ai.operation.name"] == "call_llm" for s in raw)
    first = llm_steps[0]
    assert first["model"] == "mistral/mistral-small-latest"
    assert first["usage"]["input_tokens"] > 0 and first["cost_usd"] > 0
    messages = first["input"]["messages"]
    assert [m["role"] for m in messages] == ["system", "user"]
    assert "Use the available tools to answer" in messages[0]["content"]
    assert "America/New_York timezone" in messages[1]["content"]
    (answer,) = first["output"]["messages"]
    assert answer["role"] == "assistant"
    assert [(c["name"], c["arguments"]) for c in answer["tool_calls"]] == [EXPECTED[name][0]]

    # The tool steps, in order: name and arguments in, the result out.
    tools = [s for s in root["children"] if s["kind"] == "tool"]
    assert [t["input"]["name"] for t in tools] == [n for n, _ in EXPECTED[name]]
    for tool, (tool_name, arguments) in zip(tools, EXPECTED[name], strict=True):
        assert tool["name"] == f"execute_tool {tool_name}"
        if arguments is not None:
            assert tool["input"]["arguments"] == arguments
    assert tools[0]["output"]["timezone"] == "America/New_York" and "datetime" in tools[0]["output"]
    assert tools[0]["attributes"]["gen_ai.tool.description"].startswith("Get current time")
    assert root["attributes"]["otel.resource"]["telemetry.sdk.name"] == "opentelemetry"


def test_the_last_llm_step_answers_in_text(store) -> None:
    import_paths(store, [REAL / "LANGCHAIN_trace.json"])
    raw = _raw("LANGCHAIN_trace.json")
    one = detail(store, format(raw[0]["context"]["trace_id"], "032x"))
    llm_steps = [s for s in flat_spans(one["spans"]) if s["kind"] == "llm"]
    text = llm_steps[2]["output"]["messages"][0]
    assert text["role"] == "assistant" and text["content"].startswith("Here are the steps I have taken")
    write_file = [s for s in flat_spans(one["spans"]) if s["name"] == "execute_tool write_file"][0]
    assert write_file["output"] is None  # the tool returned null


def test_to_json_spans_printed_one_after_another(store, tmp_path) -> None:
    """What ConsoleSpanExporter prints: pretty ``to_json()`` objects, hex ids with 0x, ISO times."""
    def to_json(span_id: str, parent: str | None, name: str, status: str = "UNSET") -> str:
        return json.dumps({
            "name": name, "context": {"trace_id": "0x5b8efff798038103d269b633813fc60c",
                                      "span_id": span_id, "trace_state": "[]"},
            "kind": "SpanKind.CLIENT", "parent_id": parent, "start_time": "2025-11-20T10:00:00.000000Z",
            "end_time": "2025-11-20T10:00:01.500000Z", "status": {"status_code": status},
            "attributes": {"gen_ai.operation.name": "chat", "gen_ai.request.model": "gpt-4o",
                           "session.id": "s-1"},
            "events": [], "links": [],
            "resource": {"attributes": {"service.name": "unknown_service"}, "schema_url": ""},
        }, indent=4)
    path = tmp_path / "console.json"
    path.write_text(to_json("0x051581bf3cb55c13", None, "root") + "\n"
                    + to_json("0x051581bf3cb55c14", "0x051581bf3cb55c13", "chat gpt-4o", "ERROR") + "\n")
    report = import_paths(store, [path])
    assert report.paths[0].formats == ["otel-sdk"] and report.problem_count == 0
    one = detail(store, "5b8efff798038103d269b633813fc60c")
    assert one["session_id"] == "s-1" and one["name"] == "root"
    child = one["spans"][0]["children"][0]
    assert child["span_id"] == "051581bf3cb55c14" and child["status"] == "error"
    assert child["attributes"]["otel.span_kind"] == "client"
    assert one["start_time"] == "2025-11-20T10:00:00.000Z"


def test_json_lines_of_spans_and_a_span_without_ids(store, tmp_path) -> None:
    raw = _raw("OPENAI_trace.json")
    broken = dict(raw[1], context={"trace_id": raw[1]["context"]["trace_id"]})
    lines = [json.dumps(s) for s in raw[:1]] + [json.dumps(broken)] + [json.dumps(s) for s in raw[2:]]
    path = tmp_path / "spans.jsonl"
    path.write_text("\n".join(lines) + "\n")
    report = import_paths(store, [path])
    result = report.paths[0]
    assert result.formats == ["otel-sdk"] and result.added.spans == len(raw) - 1
    (problem,) = result.problems
    assert problem.line == 2 and "has no context.span_id" in problem.reason
