"""What the sources say, kept whole: shapes found on real files that were read too little."""

from __future__ import annotations

import json
import shutil

from tracedesk.core.formats import chat_shapes as cs

from ...conftest import write_jsonl
from ..sessions import Bundle
from .agent_checks import cli, exported_case, flat, import_json, show


def test_vercel_ai_sdk_tool_calls_are_the_assistant_calling_tools(tmp_path, capsys) -> None:
    calls = [{"toolCallId": "call_1", "toolName": "getWeather", "input": {"city": "Oslo"}},
             {"toolCallId": "call_2", "toolName": "getTime", "input": {}}]
    assert cs.output_messages(json.dumps(calls)) == [{"role": "assistant", "content": "", "tool_calls": [
        {"id": "call_1", "name": "getWeather", "arguments": {"city": "Oslo"}},
        {"id": "call_2", "name": "getTime", "arguments": {}}]}]
    v5 = [{"role": "assistant", "content": [{"type": "text", "text": "Checking."},
                                             {"type": "tool-call", "toolCallId": "c1", "toolName": "getWeather",
                                              "input": {"city": "Oslo"}}]},
          {"role": "tool", "content": [{"type": "tool-result", "toolCallId": "c1", "toolName": "getWeather",
                                        "output": {"type": "json", "value": {"sky": "sunny"}}}]}]
    assert cs.messages_from(v5) == [
        {"role": "assistant", "content": "Checking.",
         "tool_calls": [{"id": "c1", "name": "getWeather", "arguments": {"city": "Oslo"}}]},
        {"role": "tool", "content": '{"sky":"sunny"}', "tool_call_id": "c1"}]

    export = {"trace": {"id": "t-vercel", "name": "chat", "timestamp": "2025-08-01T10:00:00.000Z",
                        "input": "Weather in Oslo?"},
              "observations": [{"id": "g1", "traceId": "t-vercel", "type": "GENERATION", "name": "ai.generateText",
                                "startTime": "2025-08-01T10:00:00.100Z", "endTime": "2025-08-01T10:00:01.000Z",
                                "model": "gpt-4o", "input": [{"role": "user", "content": "Weather in Oslo?"}],
                                "output": json.dumps(calls), "parentObservationId": None}]}
    path = tmp_path / "vercel.trace.json"
    path.write_text(json.dumps(export))
    db = tmp_path / "db.sqlite"
    import_json(capsys, db, path)
    llm = next(s for s in flat(show(capsys, db, "t-vercel")["spans"]) if s["kind"] == "llm")
    assert llm["output"]["messages"][0]["tool_calls"][0]["name"] == "getWeather"


def test_an_otel_genai_run_without_input_takes_its_question_and_system_prompt_from_its_first_llm_call(
        real_samples, tmp_path, capsys) -> None:
    path = tmp_path / "OPENAI_trace.json"
    shutil.copy(real_samples / "otel-sdk-json" / "OPENAI_trace.json", path)
    db = tmp_path / "db.sqlite"
    import_json(capsys, db, path)
    code, out, _ = cli(capsys, "--db", db, "queue", "--all", "--json")
    trace_id = json.loads(out)[0]["trace_id"]
    first_llm = next(s for s in flat(show(capsys, db, trace_id)["spans"]) if s["kind"] == "llm")
    user = next(m["content"] for m in first_llm["input"]["messages"] if m["role"] == "user")
    system = next((m["content"] for m in first_llm["input"]["messages"] if m["role"] == "system"), None)

    case = exported_case(capsys, db, tmp_path, trace_id)

    assert case["input"]["question"] == user
    assert case["context"]["system_prompt"] == system
    assert show(capsys, db, trace_id)["input"] == first_llm["input"]


def test_a_system_prompt_given_beside_the_messages_is_exported(tmp_path, capsys) -> None:
    b = Bundle("claude-agent")
    b.turn(None, "Summarise the report", "It says sales grew.", trace_id="sdk")
    trace = next(r for r in b.records if r.get("type") == "trace")
    trace["input"] = {"messages": [{"role": "user", "content": "Summarise the report"}],
                      "system": "You are a careful analyst. Cite page numbers."}
    db = tmp_path / "db.sqlite"
    import_json(capsys, db, write_jsonl(tmp_path / "b.jsonl", b.records))

    case = exported_case(capsys, db, tmp_path, "sdk")

    assert case["input"]["question"] == "Summarise the report"
    assert case["context"]["system_prompt"] == "You are a careful analyst. Cite page numbers."


def test_a_file_of_no_known_format_is_told_which_formats_are_read(tmp_path, capsys) -> None:
    path = tmp_path / "notes.json"
    path.write_text(json.dumps({"hello": "world"}))
    code, out, err = cli(capsys, "--db", tmp_path / "db.sqlite", "import", path)
    assert code == 1
    for label in ("OTLP/JSON", "Langfuse", "SWE-agent", "OpenHands", "ATIF", "Chat transcripts"):
        assert label in out + err


def test_a_wrapper_steps_cost_is_not_added_to_its_childrens(tmp_path, capsys) -> None:
    records = [{"type": "bundle", "version": 1, "source": "costs"},
               {"type": "trace", "trace_id": "t", "input": "q", "output": "a"},
               {"type": "span", "trace_id": "t", "span_id": "agent", "kind": "agent", "name": "run", "cost_usd": 0.05},
               {"type": "span", "trace_id": "t", "span_id": "chain", "parent_id": "agent", "kind": "chain",
                "name": "plan"},
               {"type": "span", "trace_id": "t", "span_id": "llm1", "parent_id": "chain", "kind": "llm",
                "name": "gpt", "cost_usd": 0.02},
               {"type": "span", "trace_id": "t", "span_id": "llm2", "parent_id": "agent", "kind": "llm",
                "name": "gpt", "cost_usd": 0.03},
               {"type": "span", "trace_id": "t", "span_id": "tool", "parent_id": "agent", "kind": "tool",
                "name": "paid_api", "cost_usd": 0.004}]
    db = tmp_path / "db.sqlite"
    import_json(capsys, db, write_jsonl(tmp_path / "b.jsonl", records))
    code, out, _ = cli(capsys, "--db", db, "insights", "--by", "source", "--json")
    runs = next(t for t in json.loads(out)["tables"] if any("total_cost_usd" in r for r in t["rows"]))
    assert runs["rows"][0]["total_cost_usd"] == 0.054


def test_eval_logs_inside_a_zip_import_as_they_do_from_a_folder(real_samples, tmp_path, capsys) -> None:
    import zipfile

    folder = tmp_path / "logs"
    shutil.copytree(real_samples / "inspect-ai", folder)
    archive = tmp_path / "logs.zip"
    with zipfile.ZipFile(archive, "w") as zf:
        for file in sorted(folder.iterdir()):
            zf.write(file, f"logs/{file.name}")

    from_folder = import_json(capsys, tmp_path / "a.sqlite", folder)
    from_zip = import_json(capsys, tmp_path / "b.sqlite", archive)

    assert from_zip["added"] == from_folder["added"] and from_zip["added"]["traces"] > 2
    assert from_zip["paths"][0]["formats"] == ["inspect"] and from_zip["problem_count"] == 0


def test_agent_spans_read_their_messages_and_model_and_errors_keep_the_exception(tmp_path, store) -> None:
    from tracedesk.core.ingest import import_paths

    from . import otlp_builders as ob

    trace = ob.tid(7)
    parts_in = [{"role": "system", "parts": [{"type": "text", "content": "You are a travel agent."}]},
                {"role": "user", "parts": [{"type": "text", "content": "Book Oslo on Friday"}]}]
    parts_out = [{"role": "assistant", "parts": [{"type": "text", "content": "Booked."}],
                  "finish_reason": "stop"}]
    agent = ob.span(trace, ob.sid(1), "invoke_agent travel", attrs={
        "gen_ai.operation.name": "invoke_agent", "gen_ai.agent.name": "travel",
        "gen_ai.request.model": "claude-sonnet-4", "gen_ai.input.messages": json.dumps(parts_in),
        "gen_ai.output.messages": json.dumps(parts_out)})
    llm = ob.span(trace, ob.sid(2), "chat claude-sonnet-4", ob.sid(1), attrs={
        "gen_ai.operation.name": "chat", "gen_ai.request.model": "claude-sonnet-4",
        "gen_ai.usage.input_tokens": 1200, "gen_ai.usage.output_tokens": 80,
        "gen_ai.usage.cache_read.input_tokens": 1000, "gen_ai.usage.reasoning.output_tokens": 40})
    tool = ob.span(trace, ob.sid(3), "execute_tool list_flights", ob.sid(1), code=2, message="tool failed",
                   attrs={"gen_ai.operation.name": "execute_tool", "gen_ai.tool.name": "list_flights",
                          "gen_ai.tool.call.arguments": ""},
                   events=[ob.event("exception", {"exception.type": "TimeoutError",
                                                  "exception.message": "upstream took 30 s"})])
    path = ob.write_jsonl(tmp_path / "otlp.jsonl", ob.doc(agent, llm, tool))
    import_paths(store, [path])
    spans = ob.by_name(ob.detail(store, trace))

    root = spans["invoke_agent travel"]
    assert root["model"] == "claude-sonnet-4"
    assert root["input"] == {"messages": [{"role": "system", "content": "You are a travel agent."},
                                          {"role": "user", "content": "Book Oslo on Friday"}]}
    assert root["output"]["messages"][0]["content"] == "Booked."
    llm = spans["chat claude-sonnet-4"]
    assert llm["usage"] == {"input_tokens": 1200, "output_tokens": 80, "cache_read_tokens": 1000,
                            "reasoning_tokens": 40}
    assert "usage" not in llm["attributes"]
    failed = spans["execute_tool list_flights"]
    assert failed["input"] == {"name": "list_flights", "arguments": {}}
    assert failed["error"]["message"] == "tool failed"
    assert failed["error"]["exception"] == "upstream took 30 s" and failed["error"]["type"] == "TimeoutError"


def test_a_langfuse_trace_whose_input_holds_the_system_prompt_beside_the_prompt(tmp_path, capsys) -> None:
    export = {"trace": {"id": "t-claude", "name": "claude-agent", "timestamp": "2025-08-01T10:00:00.000Z",
                        "input": {"prompt": "Summarise the Q3 report", "system": "You are a careful analyst."},
                        "output": "Sales grew 4%."},
              "observations": [{"id": "o1", "traceId": "t-claude", "type": "GENERATION", "name": "claude",
                                "startTime": "2025-08-01T10:00:00.100Z", "endTime": "2025-08-01T10:00:02.000Z",
                                "model": "claude-sonnet-4",
                                "input": [{"role": "user", "content": "Summarise the Q3 report"}],
                                "output": {"role": "assistant", "content": "Sales grew 4%."}}]}
    path = tmp_path / "claude.trace.json"
    path.write_text(json.dumps(export))
    db = tmp_path / "db.sqlite"
    import_json(capsys, db, path)

    case = exported_case(capsys, db, tmp_path, "t-claude")

    assert case["input"]["question"] == "Summarise the Q3 report"
    assert case["context"]["system_prompt"] == "You are a careful analyst."


def test_runs_of_shapes_their_formats_never_write_are_problems_and_the_rest_is_read(tmp_path, capsys) -> None:
    good = {"id": "good", "messages": [{"role": "user", "content": "hi"}, {"role": "assistant", "content": "hello"}]}
    odd = [{"id": "a", "messages": [{"role": {"name": "user"}, "content": "hi"}, 5, [1, 2]]},
           {"id": "b", "messages": [{"role": "assistant", "tool_calls": {"id": 1}, "content": {"x": [1]}}]},
           {"id": "c", "messages": [{"role": "tool", "tool_call_id": ["x"], "content": None}], "reward": [1]}]
    path = tmp_path / "odd.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in [good, *odd]))
    events = [{"id": {"x": 1}, "action": "run", "source": "agent", "timestamp": "2025-01-01T00:00:00",
               "args": [1], "tool_call_metadata": {"model_response": [1]}},
              {"id": 2, "observation": "run", "cause": [3], "content": {"a": 1}, "source": "agent",
               "timestamp": 7}]
    stream = tmp_path / "events.json"
    stream.write_text(json.dumps(events))
    db = tmp_path / "db.sqlite"

    report = import_json(capsys, db, path)
    assert report["added"]["traces"] >= 1 and show(capsys, db, "good")["output"] == "hello"
    code, out, err = cli(capsys, "--db", db, "import", stream)
    assert code in (0, 1) and "Traceback" not in out + err
