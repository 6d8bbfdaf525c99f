"""Every importer that sees cached and reasoning tokens gives them to the step's usage, under
the native names: real files, and files built with the field names each source writes."""

from __future__ import annotations

import json
import shutil

from tracedesk.core.ingest import import_paths

from ...gen.trajectories import openhands_events, openhands_output
from . import otlp_builders as ob
from .agent_checks import cli, flat, import_json, show
from .test_langsmith import LLM1, TRACE, runs


def usages(trace: dict) -> list[dict]:
    return [s["usage"] for s in flat(trace["spans"]) if len(s["usage"]) > 2]


def test_otel_genai_and_openinference_token_attributes(store, tmp_path) -> None:
    trace = ob.tid(3)
    genai = ob.span(trace, ob.sid(1), "chat claude-sonnet-4", attrs={
        "gen_ai.operation.name": "chat", "gen_ai.request.model": "claude-sonnet-4",
        "gen_ai.usage.input_tokens": 4200, "gen_ai.usage.output_tokens": 310,
        "gen_ai.usage.cache_read.input_tokens": 3900, "gen_ai.usage.cache_creation.input_tokens": 250,
        "gen_ai.usage.reasoning.output_tokens": 180})
    openinference = ob.span(trace, ob.sid(2), "ChatCompletion", ob.sid(1), at=200, attrs={
        "openinference.span.kind": "LLM", "llm.model_name": "gpt-4o",
        "llm.token_count.prompt": 120, "llm.token_count.completion": 40, "llm.token_count.total": 160,
        "llm.token_count.prompt_details.cache_read": 64, "llm.token_count.prompt_details.cache_write": 8,
        "llm.token_count.completion_details.reasoning": 12, "llm.token_count.prompt_details.audio": 0})
    # A step that reports only what its cache served (no input or output count) keeps it too.
    cache_only = ob.span(trace, ob.sid(3), "chat gpt-4o", ob.sid(1), at=400, attrs={
        "gen_ai.operation.name": "chat", "gen_ai.usage.cache_read.input_tokens": 512})
    import_paths(store, [ob.write_jsonl(tmp_path / "otlp.jsonl", ob.doc(genai, openinference, cache_only))])
    spans = ob.by_name(ob.detail(store, trace))

    assert spans["chat claude-sonnet-4"]["usage"] == {
        "input_tokens": 4200, "output_tokens": 310, "cache_read_tokens": 3900, "cache_write_tokens": 250,
        "reasoning_tokens": 180}
    oi = spans["ChatCompletion"]
    assert oi["usage"] == {"input_tokens": 120, "output_tokens": 40, "cache_read_tokens": 64,
                           "cache_write_tokens": 8, "reasoning_tokens": 12}
    # What has no column stays among the attributes, as it came.
    assert oi["attributes"]["llm.token_count.prompt_details.audio"] == 0
    assert not any(k.startswith("llm.token_count.prompt_details.cache") for k in oi["attributes"])
    assert spans["chat gpt-4o"]["usage"] == {"input_tokens": None, "output_tokens": None, "cache_read_tokens": 512}


def test_langfuse_usage_details_of_real_exports(real_samples, tmp_path, capsys) -> None:
    """Gemini's thinking (completion_details.reasoning, from OpenInference over OTel) and
    LangChain's input_cache_read / output_reasoning, from Langfuse's public demo project."""
    db = tmp_path / "db.sqlite"
    for name in ("google-gemini-2025-08-01.trace.json", "langgraph-python-2025-08-22.trace.json"):
        shutil.copy(real_samples / "langfuse" / name, tmp_path / name)
    import_json(capsys, db, tmp_path / "google-gemini-2025-08-01.trace.json",
                tmp_path / "langgraph-python-2025-08-22.trace.json")
    gemini = json.loads((real_samples / "langfuse" / "google-gemini-2025-08-01.trace.json").read_text())
    [obs] = [o for o in gemini["observations"] if o["usageDetails"].get("completion_details.reasoning")]
    trace = show(capsys, db, gemini["trace"]["id"])
    [step] = [s for s in flat(trace["spans"]) if s["span_id"] == obs["id"]]
    assert step["usage"] == {"input_tokens": 6, "output_tokens": 2055, "reasoning_tokens": 1104}

    graph = json.loads((real_samples / "langfuse" / "langgraph-python-2025-08-22.trace.json").read_text())
    trace = show(capsys, db, graph["trace"]["id"])
    llms = [o for o in graph["observations"] if "input_cache_read" in o["usageDetails"]]
    assert llms
    by_id = {s["span_id"]: s for s in flat(trace["spans"])}
    for obs in llms:
        assert by_id[obs["id"]]["usage"] == {
            "input_tokens": obs["usageDetails"]["input"], "output_tokens": obs["usageDetails"]["output"],
            "cache_read_tokens": obs["usageDetails"]["input_cache_read"],
            "reasoning_tokens": obs["usageDetails"]["output_reasoning"]}


def test_langfuse_anthropic_and_openai_names(tmp_path, capsys) -> None:
    export = {"trace": {"id": "t-cache", "name": "agent", "timestamp": "2025-08-01T10:00:00.000Z", "input": "Hi"},
              "observations": [
                  {"id": "g1", "traceId": "t-cache", "type": "GENERATION", "name": "anthropic",
                   "startTime": "2025-08-01T10:00:00.100Z", "model": "claude-sonnet-4", "input": "Hi",
                   "output": "Hello", "usageDetails": {"input": 20, "output": 5, "cache_read_input_tokens": 4000,
                                                       "cache_creation_input_tokens": 300, "total": 4325}},
                  {"id": "g2", "traceId": "t-cache", "type": "GENERATION", "name": "openai",
                   "startTime": "2025-08-01T10:00:01.100Z", "model": "o3-mini", "input": "Hi", "output": "Hello",
                   "usageDetails": {"input": 900, "output": 400, "input_cached_tokens": 768,
                                    "output_reasoning_tokens": 320, "total": 1300}}]}
    path = tmp_path / "cache.trace.json"
    path.write_text(json.dumps(export))
    db = tmp_path / "db.sqlite"
    import_json(capsys, db, path)
    by_id = {s["span_id"]: s for s in flat(show(capsys, db, "t-cache")["spans"])}
    assert by_id["g1"]["usage"] == {"input_tokens": 20, "output_tokens": 5, "cache_read_tokens": 4000,
                                    "cache_write_tokens": 300}
    assert by_id["g2"]["usage"] == {"input_tokens": 900, "output_tokens": 400, "cache_read_tokens": 768,
                                    "reasoning_tokens": 320}


def test_inspect_model_usage_of_a_real_log(real_samples, tmp_path, capsys) -> None:
    name = "2025-05-12T20-27-36-04-00_browser.json"
    shutil.copy(real_samples / "inspect-ai" / name, tmp_path / name)
    log = json.loads((real_samples / "inspect-ai" / name).read_text())
    db = tmp_path / "db.sqlite"
    import_json(capsys, db, tmp_path / name)
    [sample] = log["samples"]
    [model_usage] = sample["model_usage"].values()
    events = [e for e in sample["events"] if e.get("event") == "model"]
    trace = show(capsys, db, json.loads(cli_queue(capsys, db))[0]["trace_id"])
    steps = flat(trace["spans"])
    root = steps[0]
    assert root["usage"] == {"input_tokens": model_usage["input_tokens"], "output_tokens": model_usage["output_tokens"],
                             "cache_read_tokens": 9088, "reasoning_tokens": 0}
    llm_usages = [s["usage"] for s in steps if s["kind"] == "llm"]
    assert [u["cache_read_tokens"] for u in llm_usages] == [e["output"]["usage"]["input_tokens_cache_read"]
                                                             for e in events]
    assert sum(u["cache_read_tokens"] for u in llm_usages) == 9088
    # total_tokens has no column: it stays in the step's attributes.
    assert all(s["attributes"]["usage"] == {"total_tokens": s["usage"]["input_tokens"] + s["usage"]["output_tokens"]}
               for s in steps if s["kind"] == "llm")


def cli_queue(capsys, db) -> str:
    code, out, err = cli(capsys, "--db", db, "queue", "--all", "--json")
    assert code == 0, err
    return out


def test_openhands_litellm_usage_of_the_real_event_stream(real_samples, tmp_path, capsys) -> None:
    shutil.copy(real_samples / "openhands" / "runtime-basic.json", tmp_path / "basic.json")
    db = tmp_path / "db.sqlite"
    import_json(capsys, db, tmp_path / "basic.json")
    llms = [s for s in flat(show(capsys, db, "basic")["spans"]) if s["kind"] == "llm"]
    assert [s["usage"] for s in llms] == [
        {"input_tokens": 3486, "output_tokens": 1135, "cache_read_tokens": 0, "cache_write_tokens": 3482},
        {"input_tokens": 4646, "output_tokens": 177, "cache_read_tokens": 3482, "cache_write_tokens": 1158}]
    # The rest of LiteLLM's usage object is kept as it came.
    assert llms[1]["attributes"]["usage"]["prompt_tokens_details"] == {"audio_tokens": None, "cached_tokens": 3482}


def test_openhands_evaluation_output_accumulated_token_usage(tmp_path, capsys) -> None:
    """OpenHands' TokenUsage names its cache counts cache_read_tokens / cache_write_tokens."""
    events = openhands_events("Fix the parser.", [("python -m pytest tests", "1 failed", 1)])
    line = openhands_output("sympy__sympy-20590", events, resolved=False)
    line["metrics"]["accumulated_token_usage"] |= {"cache_read_tokens": 41000, "cache_write_tokens": 9000,
                                                   "context_window": 200000, "per_turn_token": 3100}
    path = tmp_path / "output.jsonl"
    path.write_text(json.dumps(line) + "\n")
    db = tmp_path / "db.sqlite"
    import_json(capsys, db, path)
    root = show(capsys, db, "sympy__sympy-20590")["spans"][0]
    assert root["usage"] == {"input_tokens": 52000, "output_tokens": 2100, "cache_read_tokens": 41000,
                             "cache_write_tokens": 9000}


def test_atif_step_and_final_metrics_cached_tokens(real_samples, tmp_path, capsys) -> None:
    doc = json.loads((real_samples / "atif" / "openhands_hello-world.trajectory.no_function_calling.json").read_text())
    metered = [s for s in doc["steps"] if isinstance(s.get("metrics"), dict)]
    metered[0]["metrics"]["cached_tokens"] = 64
    doc["final_metrics"]["total_cached_tokens"] = 64
    path = tmp_path / "trajectory.json"
    path.write_text(json.dumps(doc))
    db = tmp_path / "db.sqlite"
    import_json(capsys, db, path)
    trace = show(capsys, db, json.loads(cli_queue(capsys, db))[0]["trace_id"])
    assert usages(trace) == [
        {"input_tokens": doc["final_metrics"]["total_prompt_tokens"],
         "output_tokens": doc["final_metrics"]["total_completion_tokens"], "cache_read_tokens": 64},
        {"input_tokens": 100, "output_tokens": 50, "cache_read_tokens": 64}]


def test_transcripts_openai_usage_details(tmp_path, capsys) -> None:
    line = {"id": "conv-7", "model": "o4-mini", "label": "fail",
            "messages": [{"role": "user", "content": "Where is order 77?"},
                         {"role": "assistant", "content": "It was delivered.",
                          "usage": {"prompt_tokens": 1500, "completion_tokens": 600, "total_tokens": 2100,
                                    "prompt_tokens_details": {"cached_tokens": 1280, "audio_tokens": 0},
                                    "completion_tokens_details": {"reasoning_tokens": 512}}}]}
    path = tmp_path / "chats.jsonl"
    path.write_text(json.dumps(line) + "\n")
    db = tmp_path / "db.sqlite"
    import_json(capsys, db, path)
    [llm] = [s for s in flat(show(capsys, db, "conv-7")["spans"]) if s["kind"] == "llm"]
    assert llm["usage"] == {"input_tokens": 1500, "output_tokens": 600, "cache_read_tokens": 1280,
                            "reasoning_tokens": 512}


def test_langsmith_usage_metadata_details(store, tmp_path) -> None:
    data = runs()
    [llm] = [r for r in data if r["id"] == LLM1]
    message = llm["outputs"]["generations"][0][0]["message"]["kwargs"]
    message["usage_metadata"] |= {"input_token_details": {"cache_read": 384, "cache_creation": 16},
                                  "output_token_details": {"reasoning": 9}}
    path = tmp_path / "runs.json"
    path.write_text(json.dumps(data))
    import_paths(store, [path])
    spans = {s["span_id"]: s for s in ob.flat_spans(ob.detail(store, TRACE)["spans"])}
    assert spans[LLM1]["usage"] == {"input_tokens": 412, "output_tokens": 21, "cache_read_tokens": 384,
                                    "cache_write_tokens": 16, "reasoning_tokens": 9}


def test_langfuse_thinking_tokens_only_in_the_raw_otel_attributes(real_samples, tmp_path, capsys) -> None:
    """pydantic-ai on Gemini: Langfuse's usageDetails have input and output only; the raw
    attributes it kept say how many of the output tokens were thinking."""
    name = "pydantic-ai-with-gemini-2025-12-24.trace.json"
    shutil.copy(real_samples / "langfuse" / name, tmp_path / name)
    export = json.loads((real_samples / "langfuse" / name).read_text())
    [obs] = [o for o in export["observations"] if o.get("usageDetails")]
    db = tmp_path / "db.sqlite"
    import_json(capsys, db, tmp_path / name)
    [step] = [s for s in flat(show(capsys, db, export["trace"]["id"])["spans"]) if s["span_id"] == obs["id"]]
    details = obs["usageDetails"]
    assert step["usage"] == {"input_tokens": details["input"], "output_tokens": details["output"],
                             "reasoning_tokens": 121}
