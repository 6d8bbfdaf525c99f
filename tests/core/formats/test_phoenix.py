"""Importing Phoenix span JSON: a generated export of a RAG agent run."""

from __future__ import annotations

import json

import pytest

from tracedesk.core.ingest import import_paths

from .otlp_builders import by_name, detail, flat_spans

TRACE = "6e0c63257de34c92bf9efcd03927272e"


def phoenix_spans() -> list[dict]:
    def span(span_id: str, name: str, kind: str, parent: str | None, start: str, end: str,
             attributes: dict, status: str = "OK", **more) -> dict:
        return {"name": name, "context": {"trace_id": TRACE, "span_id": span_id}, "span_kind": kind,
                "parent_id": parent, "start_time": f"2025-11-20T10:00:{start}+00:00",
                "end_time": f"2025-11-20T10:00:{end}+00:00", "status_code": status, "status_message": "",
                "attributes": attributes, "events": [], **more}

    return [
        span("0000000000000001", "agent", "AGENT", None, "00.000", "04.000", {
            "openinference.span.kind": "AGENT", "input.value": "Is my order 1234 late?",
            "output.value": "It ships tomorrow.", "session.id": "chat-9", "user.id": "alice",
        }, id="U3BhbjoxMjM="),
        # Phoenix's nested form: attributes as objects, lists of objects.
        span("0000000000000002", "search_orders", "RETRIEVER", "0000000000000001", "00.100", "00.400", {
            "openinference": {"span": {"kind": "RETRIEVER"}},
            "input": {"value": "order 1234"},
            "retrieval": {"documents": [
                {"document": {"id": "o-1234", "content": "Order 1234: packed, ships tomorrow.",
                              "score": 0.97}},
                {"document": {"id": "o-99", "content": "Order 99: delivered.", "score": 0.12}},
            ]},
        }),
        span("0000000000000003", "ChatCompletion", "LLM", "0000000000000001", "00.500", "02.000", {
            "openinference": {"span": {"kind": "LLM"}},
            "llm": {
                "model_name": "gpt-4o", "token_count": {"prompt": 310, "completion": 25},
                "input_messages": [
                    {"message": {"role": "system", "content": "You answer order questions."}},
                    {"message": {"role": "user", "content": "Is my order 1234 late?"}},
                ],
                "output_messages": [{"message": {"role": "assistant", "tool_calls": [
                    {"tool_call": {"id": "call_1", "function": {"name": "carrier_status",
                                                                 "arguments": '{"order": "1234"}'}}}]}}],
            },
        }),
        span("0000000000000004", "carrier_status", "TOOL", "0000000000000001", "02.100", "02.300", {
            "openinference.span.kind": "TOOL", "tool.name": "carrier_status",
            "input.value": '{"order": "1234"}', "input.mime_type": "application/json",
            "output.value": "carrier API unavailable", "output.mime_type": "text/plain",
            "annotations.0.annotation.name": "tool_ok", "annotations.0.annotation.label": "fail",
            "annotations.0.annotation.annotator_kind": "HUMAN",
            "annotations.0.annotation.explanation": "The tool failed silently.",
        }, status="ERROR", status_message="503 from carrier", events=[
            {"name": "exception", "timestamp": "2025-11-20T10:00:02.250",
             "attributes": {"exception.type": "HTTPError", "exception.message": "503"}}]),
    ]


def test_a_phoenix_export_as_a_json_array(store, tmp_path) -> None:
    path = tmp_path / "phoenix_spans.json"
    path.write_text(json.dumps(phoenix_spans(), indent=2))
    result = import_paths(store, [path]).paths[0]
    assert result.formats == ["phoenix"]
    assert result.problem_count == 0, [str(p) for p in result.problems]
    assert result.added.as_dict() == {"traces": 1, "spans": 4, "feedback": 1}

    one = detail(store, TRACE)
    assert one["session_id"] == "chat-9" and one["user_id"] == "alice"
    assert one["name"] == "agent" and one["input"] == "Is my order 1234 late?"
    assert one["output"] == "It ships tomorrow." and one["error_count"] == 1
    assert len(one["spans"]) == 1 and len(one["spans"][0]["children"]) == 3
    steps = by_name(one)
    assert steps["agent"]["kind"] == "agent" and steps["agent"]["attributes"]["phoenix.id"] == "U3BhbjoxMjM="

    docs = steps["search_orders"]
    assert docs["kind"] == "retrieval" and docs["input"] == {"query": "order 1234"}
    assert [d["id"] for d in docs["output"]["documents"]] == ["o-1234", "o-99"]
    assert docs["output"]["documents"][0]["score"] == 0.97

    llm = steps["ChatCompletion"]
    assert llm["kind"] == "llm" and llm["model"] == "gpt-4o"
    assert llm["usage"] == {"input_tokens": 310, "output_tokens": 25}
    assert [(m["role"], m["content"]) for m in llm["input"]["messages"]] == [
        ("system", "You answer order questions."), ("user", "Is my order 1234 late?")]
    assert llm["output"]["messages"][0]["tool_calls"] == [
        {"id": "call_1", "name": "carrier_status", "arguments": {"order": "1234"}}]

    tool = steps["carrier_status"]
    assert tool["kind"] == "tool" and tool["status"] == "error"
    assert tool["input"] == {"name": "carrier_status", "arguments": {"order": "1234"}}
    assert tool["output"] == "carrier API unavailable"
    assert tool["error"] == {"type": "HTTPError", "message": "503 from carrier", "exception": "503"}
    (feedback,) = one["feedback"]
    assert feedback["kind"] == "tool_ok" and feedback["value"] == "fail" and feedback["source"] == "reviewer"
    assert feedback["span_id"] == "0000000000000004" and feedback["comment"] == "The tool failed silently."


@pytest.mark.parametrize("shape", ["jsonl", "data", "dataframe"])
def test_other_phoenix_shapes(store, tmp_path, shape) -> None:
    spans = phoenix_spans()
    path = tmp_path / f"spans.{'jsonl' if shape == 'jsonl' else 'json'}"
    if shape == "jsonl":
        path.write_text("".join(json.dumps(s) + "\n" for s in spans))
    elif shape == "data":
        path.write_text(json.dumps({"data": spans}))
    else:  # the spans dataframe's records: flat "context.*" and "attributes.*" columns
        rows = []
        for s in spans:
            row = {k: v for k, v in s.items() if k not in ("context", "attributes")}
            row.update({f"context.{k}": v for k, v in s["context"].items()})
            row.update({f"attributes.{k}": v for k, v in s["attributes"].items()})
            rows.append(row)
        path.write_text(json.dumps(rows))
    result = import_paths(store, [path]).paths[0]
    assert result.formats == ["phoenix"] and result.problem_count == 0, [str(p) for p in result.problems]
    assert result.added.spans == 4
    one = detail(store, TRACE)
    assert len(flat_spans(one["spans"])) == 4 and one["session_id"] == "chat-9"
    assert by_name(one)["ChatCompletion"]["input"]["messages"][1]["content"] == "Is my order 1234 late?"
