"""Importing OTLP/JSON traces: file shapes, ids, values, the GenAI and OpenInference conventions."""

from __future__ import annotations

import base64
import json

from tracedesk import cli
from tracedesk.core.ingest import import_paths

from .otlp_builders import by_name, detail, doc, event, flat_spans, sid, span, tid, write_jsonl

T1, T2 = tid(1), tid(2)


def _import(store, path, problems: int = 0):
    report = import_paths(store, [path])
    result = report.paths[0]
    assert result.error is None, result.error
    assert result.formats == ["otlp"]
    assert result.problem_count == problems, [str(p) for p in result.problems]
    return result


def test_collector_json_lines_one_document_per_line(store, tmp_path) -> None:
    path = write_jsonl(
        tmp_path / "traces.jsonl",
        doc(span(T1, sid(2), "child", sid(1), at=10)),  # the child's batch came first
        doc(span(T1, sid(1), "agent run", ms=500), span(T2, sid(3), "other run")),
        doc(span(T1, sid(4), "late child", sid(1), at=300)),
    )
    result = _import(store, path)
    assert result.added.as_dict() == {"traces": 2, "spans": 4, "feedback": 0}
    one = detail(store, T1)
    assert [s["name"] for s in one["spans"]] == ["agent run"]
    assert [c["name"] for c in one["spans"][0]["children"]] == ["child", "late child"]
    assert one["name"] == "agent run" and one["span_count"] == 3
    assert one["start_time"] == "2025-11-20T10:00:00.000Z" and one["end_time"] == "2025-11-20T10:00:00.500Z"
    root = one["spans"][0]
    assert root["attributes"]["otel.resource"] == {"telemetry.sdk.language": "python"}
    assert root["attributes"]["otel.scope"] == {"name": "tests", "version": "1.0"}
    assert root["attributes"]["otel.span_kind"] == "internal"


def test_one_pretty_printed_document(store, tmp_path) -> None:
    path = tmp_path / "export.json"
    path.write_text(json.dumps(doc(span(T1, sid(1), "root"), span(T1, sid(2), "step", sid(1))), indent=2))
    _import(store, path)
    assert [c["name"] for c in detail(store, T1)["spans"][0]["children"]] == ["step"]


def test_base64_and_upper_case_hex_ids(store, tmp_path) -> None:
    b64 = lambda hex_id: base64.b64encode(bytes.fromhex(hex_id)).decode()  # noqa: E731
    trace = "5B8EFFF798038103D269B633813FC60C"
    path = write_jsonl(
        tmp_path / "ids.jsonl",
        doc(span(b64(trace.lower()), b64("eee19b7ec3c1b173"), "root"),
            span(trace, "EEE19B7EC3C1B174", "child", b64("eee19b7ec3c1b173"))),
    )
    _import(store, path)
    one = detail(store, trace.lower())
    assert one["spans"][0]["span_id"] == "eee19b7ec3c1b173"
    assert one["spans"][0]["children"][0]["span_id"] == "eee19b7ec3c1b174"


def test_any_values_int_strings_arrays_and_kvlists(store, tmp_path) -> None:
    attrs = {
        "gen_ai.operation.name": "chat", "gen_ai.request.model": "gpt-4o",
        "gen_ai.usage.input_tokens": 1200, "gen_ai.usage.output_tokens": 35,
        "gen_ai.response.finish_reasons": ["stop"], "app.flags": [True, 2, 1.5, "x"],
        "app.config": {"retries": 3, "nested": {"on": True}}, "app.blob": b"\x00\x01",
        "app.big": 2**70,
    }
    path = write_jsonl(tmp_path / "values.jsonl", doc(span(T1, sid(1), "chat gpt-4o", attrs=attrs)))
    _import(store, path)
    step = detail(store, T1)["spans"][0]
    assert step["kind"] == "llm" and step["model"] == "gpt-4o"
    assert step["usage"] == {"input_tokens": 1200, "output_tokens": 35}
    got = step["attributes"]
    assert got["gen_ai.response.finish_reasons"] == ["stop"]
    assert got["app.flags"] == [True, 2, 1.5, "x"]
    assert got["app.config"] == {"retries": 3, "nested": {"on": True}}
    assert got["app.blob"] == "AAE="  # bytes stay base64 text
    assert got["app.big"] == str(2**70)  # beyond 64 bits: kept exact, as text
    assert "gen_ai.usage.input_tokens" not in got  # now a native field


def test_current_genai_messages_with_parts(store, tmp_path) -> None:
    inputs = [
        {"role": "user", "parts": [{"type": "text", "content": "Weather in Paris?"}]},
        {"role": "assistant", "parts": [{"type": "tool_call", "id": "call_1", "name": "get_weather",
                                         "arguments": {"location": "Paris"}}]},
        {"role": "tool", "parts": [{"type": "tool_call_response", "id": "call_1",
                                    "response": "rainy, 57°F"}]},
    ]
    outputs = [{"role": "assistant", "finish_reason": "stop",
                "parts": [{"type": "text", "content": "It is rainy in Paris."}]}]
    attrs = {
        "gen_ai.operation.name": "chat", "gen_ai.request.model": "gpt-4",
        "gen_ai.input.messages": json.dumps(inputs),  # on spans: JSON text
        "gen_ai.output.messages": json.dumps(outputs),
        "gen_ai.system_instructions": json.dumps([{"type": "text", "content": "You are a weather bot."}]),
    }
    _import(store, write_jsonl(tmp_path / "chat.jsonl", doc(span(T1, sid(1), "chat gpt-4", attrs=attrs))))
    step = detail(store, T1)["spans"][0]
    msgs = step["input"]["messages"]
    assert [m["role"] for m in msgs] == ["system", "user", "assistant", "tool"]
    assert msgs[0]["content"] == "You are a weather bot."
    assert msgs[2]["tool_calls"] == [
        {"id": "call_1", "name": "get_weather", "arguments": {"location": "Paris"}}]
    assert msgs[3]["tool_call_id"] == "call_1" and msgs[3]["content"] == "rainy, 57°F"
    assert step["output"]["messages"] == [
        {"role": "assistant", "content": "It is rainy in Paris.", "finish_reason": "stop"}]
    assert not {"gen_ai.input.messages", "gen_ai.output.messages", "gen_ai.system_instructions"} & set(
        step["attributes"])


def test_deprecated_per_message_events(store, tmp_path) -> None:
    events = [
        event("gen_ai.system.message", {"gen_ai.system": "openai", "content": "Be brief."}),
        event("gen_ai.user.message", {"content": "What is 2+2?"}),
        event("gen_ai.assistant.message", {"tool_calls": json.dumps(
            [{"id": "c1", "type": "function",
              "function": {"name": "calc", "arguments": '{"expr": "2+2"}'}}])}),
        event("gen_ai.tool.message", {"id": "c1", "content": "4"}),
        event("gen_ai.choice", {"index": 0, "finish_reason": "stop",
                                "message": {"role": "assistant", "content": "4"}}),
        event("app.checkpoint", {"step": 1}),
    ]
    attrs = {"gen_ai.operation.name": "chat", "gen_ai.system": "openai", "gen_ai.usage.prompt_tokens": 20,
             "gen_ai.usage.completion_tokens": 1}
    _import(store, write_jsonl(tmp_path / "events.jsonl", doc(span(T1, sid(1), "chat", attrs=attrs,
                                                                    events=events))))
    step = detail(store, T1)["spans"][0]
    msgs = step["input"]["messages"]
    assert [m["role"] for m in msgs] == ["system", "user", "assistant", "tool"]
    assert msgs[2]["tool_calls"] == [{"id": "c1", "name": "calc", "arguments": {"expr": "2+2"}}]
    assert msgs[3] == {"role": "tool", "content": "4", "tool_call_id": "c1"}
    assert step["output"]["messages"] == [{"role": "assistant", "content": "4", "finish_reason": "stop"}]
    assert step["usage"] == {"input_tokens": 20, "output_tokens": 1}
    # The event that maps to nothing is kept.
    assert step["attributes"]["otel.events"] == [
        {"name": "app.checkpoint", "time": 1_763_632_800_000_000_000, "attributes": {"step": 1}}]


def test_openllmetry_flattened_prompt_and_completion(store, tmp_path) -> None:
    attrs = {
        "gen_ai.system": "Anthropic", "gen_ai.request.model": "claude-3",
        "gen_ai.prompt.0.role": "system", "gen_ai.prompt.0.content": "Answer in French.",
        "gen_ai.prompt.1.role": "user", "gen_ai.prompt.1.content": "Hello",
        "gen_ai.completion.0.role": "assistant", "gen_ai.completion.0.content": "Bonjour",
        "gen_ai.completion.0.finish_reason": "stop",
        "gen_ai.completion.0.tool_calls.0.id": "t1", "gen_ai.completion.0.tool_calls.0.name": "log",
        "gen_ai.completion.0.tool_calls.0.arguments": '{"level": "info"}',
        "llm.request.type": "chat",
    }
    _import(store, write_jsonl(tmp_path / "ol.jsonl", doc(span(T1, sid(1), "anthropic.chat", attrs=attrs))))
    step = detail(store, T1)["spans"][0]
    assert step["kind"] == "llm" and step["model"] == "claude-3"
    assert [(m["role"], m["content"]) for m in step["input"]["messages"]] == [
        ("system", "Answer in French."), ("user", "Hello")]
    out = step["output"]["messages"][0]
    assert out["content"] == "Bonjour" and out["tool_calls"] == [
        {"id": "t1", "name": "log", "arguments": {"level": "info"}}]
    assert step["attributes"] == {"gen_ai.system": "Anthropic", "llm.request.type": "chat",
                                  "otel.resource": {"telemetry.sdk.language": "python"},
                                  "otel.scope": {"name": "tests", "version": "1.0"},
                                  "otel.span_kind": "internal"}


def test_openinference_messages_documents_and_annotations(store, tmp_path) -> None:
    llm = {
        "openinference.span.kind": "LLM", "llm.model_name": "gpt-4o-mini",
        "llm.token_count.prompt": 50, "llm.token_count.completion": 12, "llm.cost.total": 0.0004,
        "llm.input_messages.0.message.role": "system",
        "llm.input_messages.0.message.content": "Use the docs.",
        "llm.input_messages.1.message.role": "user",
        "llm.input_messages.1.message.contents.0.message_content.type": "text",
        "llm.input_messages.1.message.contents.0.message_content.text": "How do I reset my password?",
        "llm.output_messages.0.message.role": "assistant",
        "llm.output_messages.0.message.tool_calls.0.tool_call.id": "call_9",
        "llm.output_messages.0.message.tool_calls.0.tool_call.function.name": "open_ticket",
        "llm.output_messages.0.message.tool_calls.0.tool_call.function.arguments": '{"topic": "password"}',
        "input.value": '{"messages": "raw request"}', "input.mime_type": "application/json",
        "session.id": "sess-7", "user.id": "u-42",
        "annotations.0.annotation.name": "hallucination", "annotations.0.annotation.score": 1,
        "annotations.0.annotation.label": "hallucinated",
        "annotations.0.annotation.explanation": "Not in the documents.",
        "annotations.0.annotation.annotator_kind": "LLM", "annotations.0.annotation.identifier": "judge-v2",
        "annotations.1.annotation.name": "helpful", "annotations.1.annotation.label": "no",
        "annotations.1.annotation.annotator_kind": "HUMAN",
    }
    retriever = {
        "openinference.span.kind": "RETRIEVER", "input.value": "reset password",
        "retrieval.documents.0.document.id": "kb-1", "retrieval.documents.0.document.score": 0.91,
        "retrieval.documents.0.document.content": "Go to Settings > Security.",
        "retrieval.documents.0.document.metadata": '{"source": "kb"}',
        "retrieval.documents.1.document.id": "kb-2", "retrieval.documents.1.document.content": "Call us.",
        "session.id": "sess-7",
    }
    root = {"openinference.span.kind": "CHAIN", "input.value": "How do I reset my password?",
            "output.value": "Go to Settings.", "session.id": "sess-7",
            "trace.annotations.0.annotation.name": "resolved", "trace.annotations.0.annotation.score": 0,
            "trace.annotations.0.annotation.annotator_kind": "CODE"}
    path = write_jsonl(tmp_path / "oi.jsonl", doc(
        span(T1, sid(2), "retrieve", sid(1), at=5, attrs=retriever),
        span(T1, sid(3), "ChatCompletion", sid(1), at=50, attrs=llm),
        span(T1, sid(1), "rag", ms=900, attrs=root),
    ))
    result = _import(store, path)
    assert result.added.feedback == 3
    one = detail(store, T1)
    assert one["session_id"] == "sess-7" and one["user_id"] == "u-42"
    assert one["name"] == "rag" and one["input"] == "How do I reset my password?"
    assert one["output"] == "Go to Settings."
    steps = by_name(one)
    step = steps["ChatCompletion"]
    assert step["kind"] == "llm" and step["model"] == "gpt-4o-mini" and step["cost_usd"] == 0.0004
    assert step["usage"] == {"input_tokens": 50, "output_tokens": 12}
    assert [(m["role"], m["content"]) for m in step["input"]["messages"]] == [
        ("system", "Use the docs."), ("user", "How do I reset my password?")]
    assert step["output"]["messages"][0]["tool_calls"] == [
        {"id": "call_9", "name": "open_ticket", "arguments": {"topic": "password"}}]
    assert step["attributes"]["input.value"] == '{"messages": "raw request"}'  # unused: kept
    docs = steps["retrieve"]
    assert docs["kind"] == "retrieval" and docs["input"] == {"query": "reset password"}
    assert docs["output"]["documents"] == [
        {"id": "kb-1", "score": 0.91, "content": "Go to Settings > Security.", "metadata": {"source": "kb"}},
        {"id": "kb-2", "content": "Call us."}]
    feedback = {f["kind"]: f for f in one["feedback"]}
    assert feedback["hallucination"]["span_id"] == sid(3)
    assert feedback["hallucination"]["value"] == 1 and feedback["hallucination"]["source"] == "automated"
    assert feedback["hallucination"]["comment"] == "Not in the documents."
    assert feedback["hallucination"]["extra"] == {"label": "hallucinated", "identifier": "judge-v2"}
    assert feedback["helpful"]["value"] == "no" and feedback["helpful"]["source"] == "reviewer"
    assert feedback["resolved"]["span_id"] is None and feedback["resolved"]["value"] == 0
    assert not any(k.startswith("annotations.") for k in step["attributes"])


def test_genai_evaluation_result_events_become_feedback(store, tmp_path) -> None:
    evaluation = event("gen_ai.evaluation.result", {
        "gen_ai.evaluation.name": "Relevance", "gen_ai.evaluation.score.value": 4.0,
        "gen_ai.evaluation.score.label": "relevant", "gen_ai.evaluation.explanation": "On topic.",
        "gen_ai.response.id": "chatcmpl-1"}, at=5)
    _import(store, write_jsonl(tmp_path / "eval.jsonl", doc(
        span(T1, sid(1), "chat", attrs={"gen_ai.operation.name": "chat"}, events=[evaluation]))))
    (feedback,) = detail(store, T1)["feedback"]
    assert feedback["kind"] == "relevance" and feedback["value"] == 4.0 and feedback["span_id"] == sid(1)
    assert feedback["comment"] == "On topic." and feedback["source"] == "automated"
    assert feedback["time"] == "2025-11-20T10:00:00.000Z"
    assert feedback["extra"]["label"] == "relevant"
    # Importing again adds nothing.
    assert import_paths(store, [tmp_path / "eval.jsonl"]).added.feedback == 0


def test_structured_messages_on_the_inference_details_event(store, tmp_path) -> None:
    details = event("gen_ai.client.inference.operation.details", {
        "gen_ai.input.messages": [{"role": "user", "parts": [{"type": "text", "content": "Hi"}]}],
        "gen_ai.output.messages": [{"role": "assistant", "parts": [
            {"type": "reasoning", "content": "Greet back."}, {"type": "text", "content": "Hello!"}]}],
        "gen_ai.response.id": "r-1",
    })
    _import(store, write_jsonl(tmp_path / "details.jsonl", doc(
        span(T1, sid(1), "chat", attrs={"gen_ai.operation.name": "chat"}, events=[details]))))
    step = detail(store, T1)["spans"][0]
    assert step["input"]["messages"] == [{"role": "user", "content": "Hi"}]
    assert step["output"]["messages"] == [
        {"role": "assistant", "content": "Hello!", "reasoning": "Greet back."}]
    (kept,) = step["attributes"]["otel.events"]  # the event keeps what did not map
    assert kept["attributes"] == {"gen_ai.response.id": "r-1"}


def test_post_hoc_feedback_on_a_linked_carrier_span(store, tmp_path) -> None:
    carrier = span(T2, sid(9), "hallucination evaluation", attrs={
        "openinference.span.kind": "EVALUATOR", "evaluations.0.evaluation.name": "hallucination",
        "evaluations.0.evaluation.label": "hallucinated", "evaluations.0.evaluation.annotator_kind": "HUMAN",
    }, links=[{"traceId": T1, "spanId": sid(2)}])
    path = write_jsonl(tmp_path / "posthoc.jsonl",
                       doc(span(T1, sid(1), "run"), span(T1, sid(2), "answer", sid(1))), doc(carrier))
    _import(store, path)
    (feedback,) = detail(store, T1)["feedback"]
    assert feedback["span_id"] == sid(2) and feedback["kind"] == "hallucination"
    assert feedback["value"] == "hallucinated" and feedback["source"] == "reviewer"
    carrier_span = detail(store, T2)["spans"][0]
    assert carrier_span["kind"] == "other"
    assert carrier_span["attributes"]["otel.links"] == [{"trace_id": T1, "span_id": sid(2)}]


def test_error_status_and_exception_event(store, tmp_path) -> None:
    failing = span(T1, sid(2), "execute_tool search", sid(1), code=2, message="upstream timed out",
                   attrs={"gen_ai.operation.name": "execute_tool", "gen_ai.tool.name": "search",
                          "gen_ai.tool.call.arguments": '{"q": "x"}', "error.type": "TimeoutError"},
                   events=[event("exception", {"exception.type": "TimeoutError",
                                               "exception.message": "read timed out",
                                               "exception.stacktrace": "Traceback..."})])
    _import(store, write_jsonl(tmp_path / "err.jsonl", doc(span(T1, sid(1), "agent"), failing)))
    one = detail(store, T1)
    step = one["spans"][0]["children"][0]
    assert step["status"] == "error" and one["error_count"] == 1
    assert step["error"] == {"type": "TimeoutError", "message": "upstream timed out",
                             "exception": "read timed out", "stacktrace": "Traceback..."}
    assert step["input"] == {"name": "search", "arguments": {"q": "x"}}
    assert one["spans"][0]["status"] == "ok"  # unset: no error reported


def test_a_span_without_span_id_is_reported_and_the_rest_imported(store, tmp_path) -> None:
    broken = span(T1, "", "no id", sid(1))
    del broken["spanId"]
    path = write_jsonl(tmp_path / "partial.jsonl", doc(span(T1, sid(1), "root")),
                       doc(span(T1, sid(2), "ok child", sid(1)), broken))
    result = _import(store, path, problems=1)
    (problem,) = result.problems
    assert problem.line == 2 and problem.where == "resourceSpans[0].scopeSpans[0].spans[1]"
    assert "no spanId" in problem.reason
    assert [s["name"] for s in flat_spans(detail(store, T1)["spans"])] == ["root", "ok child"]


def test_a_nesting_bomb_is_a_problem_not_a_crash(store, tmp_path) -> None:
    bomb_line = '{"resourceSpans": ' + "[" * 5000 + "]" * 5000 + "}"
    deep: dict = {"leaf": 1}
    for _ in range(200):
        deep = {"next": deep}
    path = write_jsonl(tmp_path / "bomb.jsonl", bomb_line,
                       doc(span(T1, sid(1), "deep", attrs={"app.deep": deep, "app.fine": "yes"})))
    result = _import(store, path, problems=2)
    reasons = [(p.line, p.reason) for p in result.problems]
    assert reasons[0] == (1, "not valid JSON (nested too deeply)")
    assert reasons[1][0] == 2 and "'app.deep' is nested more than" in reasons[1][1]
    attrs = detail(store, T1)["spans"][0]["attributes"]
    assert attrs["app.deep"] == "[nested too deeply]" and attrs["app.fine"] == "yes"


def test_a_whole_document_nesting_bomb_is_not_imported(store, tmp_path) -> None:
    path = tmp_path / "bomb.json"
    path.write_text('{\n"resourceSpans": ' + "[" * 5000 + "]" * 5000 + "}")
    report = import_paths(store, [path])
    assert "nested too deeply" in report.paths[0].error


def test_a_cycle_of_parents_shows_each_span_once(store, tmp_path) -> None:
    path = write_jsonl(tmp_path / "cycle.jsonl", doc(
        span(T1, sid(1), "a", sid(3), at=0), span(T1, sid(2), "b", sid(1), at=1),
        span(T1, sid(3), "c", sid(2), at=2), span(T1, sid(4), "d", sid(2), at=3)))
    _import(store, path)
    names = sorted(s["name"] for s in flat_spans(detail(store, T1)["spans"]))
    assert names == ["a", "b", "c", "d"]


def test_spans_naming_only_a_session_give_the_trace_its_session(store, tmp_path) -> None:
    # The root is in another file: the trace record holds the session alone.
    attrs = {"gen_ai.operation.name": "chat", "gen_ai.conversation.id": "conv-1"}
    _import(store, write_jsonl(tmp_path / "conv.jsonl", doc(span(T1, sid(2), "chat", sid(1), attrs=attrs))),
            problems=1)  # its parent is not in the file
    assert detail(store, T1)["session_id"] == "conv-1"


def test_service_name_names_the_source(store, tmp_path) -> None:
    path = write_jsonl(tmp_path / "svc.jsonl", doc(span(T1, sid(1), "root"),
                                                  resource={"service.name": "support-bot"}))
    _import(store, path)
    assert detail(store, T1)["source"] == "support-bot"


def test_cli_import_names_the_format(tmp_path, capsys) -> None:
    path = write_jsonl(tmp_path / "cli.jsonl", doc(span(T1, sid(1), "root")))
    assert cli.main(["--db", str(tmp_path / "cli.sqlite"), "import", str(path)]) == 0
    out = capsys.readouterr().out
    assert f"{path} (otlp)" in out and "1 trace, 1 span," in out
