"""Importing Langfuse trace exports: the real traces in tests/data/real/langfuse, and the
blob-storage export's JSON Lines."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tracedesk.core import queue
from tracedesk.core.formats import detect
from tracedesk.core.ingest import import_paths

from .otlp_builders import detail, flat_spans

REAL = Path(__file__).resolve().parents[2] / "data" / "real" / "langfuse"
FILES = sorted(p.name for p in REAL.glob("*.json"))


def _decode(value):
    for _ in range(3):
        if isinstance(value, str):
            try:
                value = json.loads(value)
            except ValueError:
                break
    return value


def _raw(name: str) -> dict:
    return json.loads((REAL / name).read_text())


def _import(store, *paths, problems: int = 0):
    report = import_paths(store, list(paths))
    for result in report.paths:
        assert result.error is None, result.error
        assert result.formats == ["langfuse"]
    assert report.problem_count == problems, [str(p) for r in report.paths for p in r.problems]
    return report


def _signals(store) -> dict[str, list[str]]:
    with store.read() as conn:
        rows = queue.page(conn, queue.QueueFilter(include_closed=True), limit=500)
    return {row.trace_id: sorted(r.signal for r in row.reasons) for row in rows}


@pytest.mark.parametrize("name", FILES)
def test_real_trace(store, name) -> None:
    raw = _raw(name)
    trace, observations = raw["trace"], raw["observations"]
    report = _import(store, REAL / name)
    assert report.added.as_dict() == {
        "traces": 1,
        "spans": len(observations),
        "feedback": len(trace.get("scores") or []),
    }
    one = detail(store, trace["id"])
    assert one["source"] == f"langfuse:{trace['projectId']}"
    assert one["name"] == trace["name"] and one["status"] == "ok"
    assert one["session_id"] == trace["sessionId"] and one["user_id"] == trace["userId"]
    assert one["tags"] == trace["tags"]
    # The tree is the file's: every observation under the parent it names.
    spans = flat_spans(one["spans"])
    assert sorted(s["span_id"] for s in spans) == sorted(o["id"] for o in observations)
    parents = {o["id"]: o["parentObservationId"] for o in observations}
    assert {s["span_id"]: s["parent_id"] for s in spans} == parents
    assert len(one["spans"]) == sum(1 for p in parents.values() if p is None) == 1
    # Every LLM step that holds a conversation shows it as messages with roles.
    generations = {o["id"]: o for o in observations if o["type"] == "GENERATION"}
    for span in spans:
        if span["span_id"] in generations:
            assert span["kind"] == "llm"
            obs = generations[span["span_id"]]
            if obs["input"] is not None:
                assert "messages" in span["input"], (span["name"], span["input"])
                assert all(
                    m["role"] in ("system", "user", "assistant", "tool") for m in span["input"]["messages"]
                )
            assert span["model"] == obs["model"]
            if obs["usageDetails"].get("input"):
                assert span["usage"]["input_tokens"] == obs["usageDetails"]["input"]
    # The question and the answer are text a reviewer can read.
    assert isinstance(one["input"], str | dict) and one["input"]
    assert one["output"]
    feedback = {f["kind"]: f for f in one["feedback"]}
    for score in trace.get("scores") or []:
        assert feedback[score["name"]]["value"] == score["value"]
        assert feedback[score["name"]]["source"] == "automated"  # an LLM judge (source EVAL)
        assert feedback[score["name"]]["comment"] == score["comment"]


def test_openai_agents_question_tool_call_and_answer(store) -> None:
    _import(store, REAL / "openai-agents-2025-09-30.trace.json")
    one = detail(store, "fee618f96dc31e0ca38b2f7b26eb8b29")
    assert one["input"] == "What's the weather in Tokyo?"
    assert one["output"].startswith("The weather in Tokyo is currently sunny.")
    spans = {s["span_id"]: s for s in flat_spans(one["spans"])}
    tool = spans["5b99c3e3411ed17b"]
    assert tool["kind"] == "tool" and tool["parent_id"] == "d950b668796240b5"
    assert tool["input"] == {"name": "get_weather", "arguments": {"city": "Tokyo"}}
    assert tool["output"] == "The weather in Tokyo is sunny."
    first = spans["98870087af69bf06"]
    assert first["input"]["messages"] == [{"role": "user", "content": "What's the weather in Tokyo?"}]
    (call,) = first["output"]["messages"][0]["tool_calls"]
    assert call == {
        "id": "call_Kud0j0DxWSmLzv9W5m6qVqXn",
        "name": "get_weather",
        "arguments": {"city": "Tokyo"},
    }
    assert first["usage"] == {"input_tokens": 55, "output_tokens": 15, "cache_read_tokens": 0, "reasoning_tokens": 0}
    assert first["cost_usd"] == pytest.approx(0.00023)
    # The response envelope (ids, settings) is kept beside the messages.
    assert first["attributes"]["langfuse.output"]["id"].startswith("resp_")
    second = spans["90d94774e8e3724d"]
    assert [m["role"] for m in second["input"]["messages"]] == ["user", "assistant", "tool"]
    assert second["input"]["messages"][2]["tool_call_id"] == "call_Kud0j0DxWSmLzv9W5m6qVqXn"


def test_pydantic_ai_parallel_tool_calls(store) -> None:
    _import(store, REAL / "pydantic-ai-tools-2025-12-04.trace.json")
    one = detail(store, "7a38edd8123db47ad8dcb8aa4c5e3926")
    assert one["input"] == "programming" and one["output"].startswith("Why do programmers hate nature?")
    assert one["metadata"]["environment"] == "default" and one["tags"] == ["example", "joke-generator"]
    spans = flat_spans(one["spans"])
    tools = sorted(s["input"]["name"] for s in spans if s["kind"] == "tool")
    assert tools == ["get_dad_joke_suggestion", "get_one_liner_suggestion", "get_pun_suggestion"]
    asked = [
        s
        for s in spans
        if s["kind"] == "llm"
        and s["output"]["messages"][0].get("tool_calls")
        and len(s["output"]["messages"][0]["tool_calls"]) == 3
    ]
    assert len(asked) == 1
    assert [c["arguments"] for c in asked[0]["output"]["messages"][0]["tool_calls"]] == [
        {"topic": "programming"}
    ] * 3


def test_langgraph_tool_result_named_after_its_tool(store) -> None:
    _import(store, REAL / "langgraph-js-2025-10-30.trace.json")
    one = detail(store, "2c1581dd9cecdafb6ca091b83d7ea99a")
    assert one["input"] == {"messages": [{"role": "user", "content": "What's the weather in San Francisco?"}]}
    llm = [s for s in flat_spans(one["spans"]) if s["kind"] == "llm"]
    last = max(llm, key=lambda s: s["start_time"])
    assert [m["role"] for m in last["input"]["messages"]] == ["user", "assistant", "tool"]
    assert last["input"]["messages"][2]["name"] == "get_weather"
    assert last["input"]["messages"][1]["tool_calls"][0]["arguments"] == {"city": "San Francisco"}


def test_llm_step_without_messages_of_its_own_reads_the_otel_attributes(store) -> None:
    _import(store, REAL / "agno-2025-06-11.trace.json")
    one = detail(store, "080130871f53145aecf7c29d5dfb6e4c")
    assert one["input"] == "What is currently trending on Twitter?"
    invoke = [s for s in flat_spans(one["spans"]) if s["name"] == "OpenAIChat.invoke"]
    assert invoke and all(s["input"]["messages"][0]["role"] == "system" for s in invoke)
    search = [s for s in flat_spans(one["spans"]) if s["kind"] == "tool"]
    assert search[0]["input"] == {
        "name": "duckduckgo_search",
        "arguments": {"query": "currently trending on Twitter"},
    }


def test_the_whole_folder_one_source_per_project(store) -> None:
    report = _import(store, REAL)
    # Two files hold the same trace: it is there once.
    assert report.added.traces == 13 and report.existing.spans == 3
    with store.read() as conn:
        sources = {name for (name,) in conn.exec_driver_sql("SELECT name FROM source")}
    assert sources == {f"langfuse:{_raw(n)['trace']['projectId']}" for n in FILES}


def test_judge_scores_become_signals(store) -> None:
    _import(store, REAL / "crewai-2025-07-11.trace.json", REAL / "langgraph-js-2025-10-30.trace.json")
    signals = _signals(store)
    # hallucination 1 (the judge found one) is a failure, whatever the scale says.
    assert "failed_eval" in signals["a287bb31e317433610d8827617471140"]
    feedback = {f["kind"]: f for f in detail(store, "a287bb31e317433610d8827617471140")["feedback"]}
    assert feedback["hallucination"]["extra"]["correct"] is False
    assert feedback["toxicity"]["extra"]["correct"] is False  # 0.8 of toxicity


def test_a_clean_judge_score_is_no_failure(store) -> None:
    _import(store, REAL / "google-adk-2025-08-28.trace.json")  # toxicity 0, hallucination 0
    assert "failed_eval" not in _signals(store).get("b82a0bdc1994fc5d1c8576ca032543f7", [])


def test_reimport_changes_nothing(store) -> None:
    _import(store, REAL)
    again = _import(store, REAL)
    assert again.added.as_dict() == {"traces": 0, "spans": 0, "feedback": 0}


def _blob_rows() -> list[str]:
    base = {
        "project_id": "proj-1",
        "trace_id": "t-1",
        "environment": "production",
        "trace_name": "support",
        "user_id": "u-7",
        "session_id": "s-3",
        "tags": ["beta"],
    }
    return [
        json.dumps(
            {
                **base,
                "id": "o-1",
                "type": "SPAN",
                "name": "agent",
                "parent_observation_id": None,
                "start_time": "2026-01-05 10:00:00.000000",
                "end_time": "2026-01-05 10:00:02.500000",
                "input": json.dumps("Where is my order?"),
                "output": json.dumps("It ships today."),
                "level": "DEFAULT",
                "metadata": "{}",
            }
        ),
        json.dumps(
            {
                **base,
                "id": "o-2",
                "type": "GENERATION",
                "name": "chat",
                "parent_observation_id": "o-1",
                "start_time": "2026-01-05 10:00:00.100000",
                "end_time": "2026-01-05 10:00:01.000000",
                "model": "gpt-4o-mini",
                "usage_details": {"input": 120, "output": 9},
                "input": json.dumps([{"role": "user", "content": "Where is my order?"}]),
                "output": json.dumps(
                    {
                        "role": "assistant",
                        "content": "",
                        "tool_calls": [
                            {
                                "id": "c1",
                                "type": "function",
                                "function": {"name": "lookup_order", "arguments": '{"user": "u-7"}'},
                            }
                        ],
                    }
                ),
                "level": "DEFAULT",
                "total_cost": 0.0001,
            }
        ),
        '{"id": "o-3", "type": "TOOL", "trace_id": "t-1", broken',
        json.dumps(
            {
                **base,
                "id": "o-4",
                "type": "TOOL",
                "name": "lookup_order",
                "parent_observation_id": "o-1",
                "start_time": "2026-01-05 10:00:01.100000",
                "end_time": "2026-01-05 10:00:01.200000",
                "input": json.dumps({"user": "u-7"}),
                "output": json.dumps({"status": "timeout"}),
                "level": "ERROR",
                "status_message": "upstream timed out",
            }
        ),
        json.dumps(
            {
                "id": "sc-1",
                "project_id": "proj-1",
                "trace_id": "t-1",
                "observation_id": None,
                "name": "user-feedback",
                "value": 0,
                "source": "API",
                "data_type": "BOOLEAN",
                "comment": "wrong order",
                "timestamp": "2026-01-05 10:05:00.000000",
            }
        ),
        json.dumps(
            {
                "id": "sc-2",
                "project_id": "proj-1",
                "trace_id": "t-1",
                "observation_id": "o-4",
                "name": "tone",
                "value": None,
                "string_value": "rude",
                "source": "ANNOTATION",
                "data_type": "CATEGORICAL",
                "author_user_id": "reviewer-1",
                "timestamp": "2026-01-05 11:00:00.000000",
            }
        ),
    ]


def test_blob_export_json_lines(store, tmp_path) -> None:
    path = tmp_path / "observations.jsonl"
    path.write_text("\n".join(_blob_rows()) + "\n")
    report = _import(store, path, problems=1)
    (problem,) = report.paths[0].problems
    assert problem.file == str(path) and problem.line == 3 and "not valid JSON" in problem.reason
    assert report.added.as_dict() == {"traces": 1, "spans": 3, "feedback": 2}
    one = detail(store, "t-1")
    assert one["source"] == "langfuse:proj-1"
    assert (one["name"], one["session_id"], one["user_id"], one["tags"]) == (
        "support",
        "s-3",
        "u-7",
        ["beta"],
    )
    assert one["input"] == "Where is my order?" and one["output"] == "It ships today."
    assert one["start_time"] == "2026-01-05T10:00:00.000Z"
    spans = {s["span_id"]: s for s in flat_spans(one["spans"])}
    assert spans["o-2"]["output"]["messages"][0]["tool_calls"] == [
        {"id": "c1", "name": "lookup_order", "arguments": {"user": "u-7"}}
    ]
    assert spans["o-2"]["usage"] == {"input_tokens": 120, "output_tokens": 9}
    assert spans["o-4"]["status"] == "error" and spans["o-4"]["error"]["message"] == "upstream timed out"
    feedback = {f["kind"]: f for f in one["feedback"]}
    assert feedback["user-feedback"]["value"] is False and feedback["user-feedback"]["source"] == "user"
    assert feedback["tone"]["value"] == "rude" and feedback["tone"]["source"] == "reviewer"
    assert feedback["tone"]["span_id"] == "o-4" and feedback["tone"]["author"] == "reviewer-1"
    assert "failed_eval" in _signals(store)["t-1"]


def test_a_document_without_trace_id_is_a_problem_not_a_crash(store, tmp_path) -> None:
    path = tmp_path / "bad.json"
    path.write_text(
        json.dumps(
            [
                {"trace": {"name": "no id"}, "observations": []},
                {
                    "trace": {"id": "t-2", "name": "ok"},
                    "observations": [
                        {
                            "id": "o-1",
                            "type": "SPAN",
                            "name": "root",
                            "startTime": "2026-01-05T10:00:00.000Z",
                            "input": {"weird": [1, 2]},
                            "usageDetails": "nonsense",
                        }
                    ],
                },
            ]
        )
    )
    report = _import(store, path, problems=1)
    assert report.paths[0].problems[0].where == "[0].trace"
    assert report.added.traces == 1


def test_sniffing_claims_langfuse_files_only(real_samples) -> None:
    for name in FILES:
        head = (REAL / name).read_bytes()[:65536]
        assert detect(head, name).name == "langfuse"
    for other in sorted((real_samples / "otel-sdk-json").glob("*.json")) + sorted(
        (real_samples / "inspect-ai").glob("*.json")
    ):
        assert detect(other.read_bytes()[:65536], other.name).name != "langfuse"
    assert detect(b'{"type": "trace", "trace_id": "t"}\n', "x.jsonl").name == "native"
    assert (
        detect(b'{"resourceSpans": [{"scopeSpans": [{"spans": [{"parentSpanId": ""}]}]}]}', "x.json").name
        == "otlp"
    )
