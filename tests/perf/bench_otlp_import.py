"""Import throughput of OTLP/JSON against the native bundle holding the same traces.

Generates N traces of 25 spans (an agent run: 8 LLM calls carrying a conversation of a
few messages, 8 tool calls, 8 retrievals), writes them both as a native bundle (.jsonl)
and as the equivalent OTLP collector JSON Lines (one ``resourceSpans`` line per trace,
GenAI semantic conventions with ``gen_ai.input.messages`` as JSON text), then imports
each into its own fresh database. Target: OTLP at least half the native spans/s.

    .venv/bin/python tests/perf/bench_otlp_import.py                  # 500,000 spans
    .venv/bin/python tests/perf/bench_otlp_import.py --spans 50000    # a quick look
    .venv/bin/python tests/perf/bench_otlp_import.py --profile otlp   # cProfile the OTLP import

Each import runs in a fresh process, so its peak RSS is its own.
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
SPANS_PER_TRACE = 25
T0 = 1_763_632_800_000_000_000
WORDS = ["order", "refund", "shipping", "carrier", "warehouse", "invoice", "customer", "address", "payment",
         "account", "delay", "tracking", "package", "return", "policy", "support", "agent", "answer",
         "question", "status", "update", "email"]


def _text(rng: random.Random, chars: int) -> str:
    words = []
    total = 0
    while total < chars:
        word = rng.choice(WORDS)
        words.append(word)
        total += len(word) + 1
    return " ".join(words).capitalize() + "."


def _trace(rng: random.Random, n: int) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """One agent run as native records: its trace record and 25 spans."""
    trace_id = f"{rng.getrandbits(128):032x}"
    root_id = f"{rng.getrandbits(64):016x}"
    start = T0 + n * 10_000_000_000
    question = _text(rng, 200)
    answer = _text(rng, 300)
    system = _text(rng, 400)
    trace = {"type": "trace", "trace_id": trace_id, "session_id": f"session-{n // 4}", "name": "support turn",
             "status": "ok", "input": question, "output": answer}
    spans = [{"type": "span", "trace_id": trace_id, "span_id": root_id, "parent_id": None,
              "name": "support turn", "kind": "agent", "start_time": start, "end_time": start + 9_000_000_000,
              "status": "ok", "input": question, "output": answer,
              "attributes": {"gen_ai.operation.name": "invoke_agent", "gen_ai.agent.name": "support"}}]
    at = start + 1_000_000
    for step in range(8):
        call_id = f"call_{n}_{step}"
        tool_name = rng.choice(("lookup_order", "refund", "track_package"))
        arguments = {"order_id": str(rng.randrange(10**6)), "note": _text(rng, 60)}
        result = _text(rng, 250)
        span_ids = [f"{rng.getrandbits(64):016x}" for _ in range(3)]
        messages = [
            {"role": "system", "content": system},
            {"role": "user", "content": question},
            {"role": "assistant", "content": _text(rng, 150),
             "tool_calls": [{"id": f"prev_{call_id}", "name": tool_name, "arguments": arguments}]},
            {"role": "tool", "content": _text(rng, 250), "tool_call_id": f"prev_{call_id}"},
        ]
        out = [{"role": "assistant", "content": _text(rng, 200),
                "tool_calls": [{"id": call_id, "name": tool_name, "arguments": arguments}]}]
        spans.append({
            "type": "span", "trace_id": trace_id, "span_id": span_ids[0], "parent_id": root_id,
            "name": "chat gpt-4o", "kind": "llm", "start_time": at, "end_time": at + 400_000_000,
            "status": "ok", "model": "gpt-4o",
            "usage": {"input_tokens": rng.randrange(500, 3000), "output_tokens": rng.randrange(20, 300)},
            "input": {"messages": messages}, "output": {"messages": out},
            "attributes": {"gen_ai.operation.name": "chat", "gen_ai.provider.name": "openai",
                           "gen_ai.request.temperature": 0.2, "gen_ai.response.id": f"chatcmpl-{n}-{step}",
                           "gen_ai.response.finish_reasons": ["tool_calls"]},
        })
        spans.append({
            "type": "span", "trace_id": trace_id, "span_id": span_ids[1], "parent_id": root_id,
            "name": f"execute_tool {tool_name}", "kind": "tool", "start_time": at + 400_000_000,
            "end_time": at + 500_000_000, "status": "ok",
            "input": {"name": tool_name, "arguments": arguments}, "output": result,
            "attributes": {"gen_ai.operation.name": "execute_tool", "gen_ai.tool.call.id": call_id},
        })
        query = _text(rng, 80)
        documents = [{"id": f"kb-{rng.randrange(10**5)}", "content": _text(rng, 300),
                      "score": round(rng.random(), 3)} for _ in range(3)]
        spans.append({
            "type": "span", "trace_id": trace_id, "span_id": span_ids[2], "parent_id": root_id,
            "name": "retrieve kb", "kind": "retrieval", "start_time": at + 500_000_000,
            "end_time": at + 600_000_000, "status": "ok",
            "input": {"query": query}, "output": {"documents": documents},
            "attributes": {"openinference.span.kind": "RETRIEVER"},
        })
        at += 1_000_000_000
    return trace, spans


def _av(value: Any) -> dict[str, Any]:
    if isinstance(value, bool):
        return {"boolValue": value}
    if isinstance(value, int):
        return {"intValue": str(value)}
    if isinstance(value, float):
        return {"doubleValue": value}
    if isinstance(value, list):
        return {"arrayValue": {"values": [_av(v) for v in value]}}
    return {"stringValue": value}


def _parts(message: dict[str, Any]) -> dict[str, Any]:
    """A native message in the GenAI parts shape."""
    if message["role"] == "tool":
        return {"role": "tool", "parts": [{"type": "tool_call_response", "id": message["tool_call_id"],
                                           "response": message["content"]}]}
    parts = [{"type": "text", "content": message["content"]}]
    parts += [{"type": "tool_call", **call} for call in message.get("tool_calls", ())]
    return {"role": message["role"], "parts": parts}


def _otlp_span(span: dict[str, Any], trace: dict[str, Any]) -> dict[str, Any]:
    attrs = dict(span["attributes"])
    kind = span["kind"]
    if kind == "agent":
        attrs.update({"input.value": span["input"], "output.value": span["output"],
                      "session.id": trace["session_id"]})
    elif kind == "llm":
        attrs.update({
            "gen_ai.request.model": span["model"],
            "gen_ai.usage.input_tokens": span["usage"]["input_tokens"],
            "gen_ai.usage.output_tokens": span["usage"]["output_tokens"],
            "gen_ai.input.messages": json.dumps([_parts(m) for m in span["input"]["messages"]]),
            "gen_ai.output.messages": json.dumps([_parts(m) for m in span["output"]["messages"]]),
        })
    elif kind == "tool":
        attrs.update({"gen_ai.tool.name": span["input"]["name"],
                      "gen_ai.tool.call.arguments": json.dumps(span["input"]["arguments"]),
                      "gen_ai.tool.call.result": span["output"]})
    else:
        attrs["input.value"] = span["input"]["query"]
        for i, doc in enumerate(span["output"]["documents"]):
            attrs.update({f"retrieval.documents.{i}.document.{k}": v for k, v in doc.items()})
    return {
        "traceId": span["trace_id"], "spanId": span["span_id"], "parentSpanId": span["parent_id"] or "",
        "name": span["name"], "kind": 3 if kind == "llm" else 1,
        "startTimeUnixNano": str(span["start_time"]), "endTimeUnixNano": str(span["end_time"]),
        "attributes": [{"key": k, "value": _av(v)} for k, v in attrs.items()],
        "status": {"code": 0},
    }


def write_bundles(folder: Path, traces: int, seed: int = 1) -> tuple[Path, Path, int]:
    rng = random.Random(seed)
    native, otlp = folder / "native.jsonl", folder / "otlp.jsonl"
    resource_attrs = [{"key": "service.name", "value": {"stringValue": "support-bot"}},
                      {"key": "telemetry.sdk.language", "value": {"stringValue": "python"}}]
    dumps = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode
    spans_written = 0
    with native.open("w") as nat, otlp.open("w") as ot:
        nat.write(dumps({"type": "bundle", "version": 1, "source": "support-bot"}) + "\n")
        for n in range(traces):
            trace, spans = _trace(rng, n)
            nat.write(dumps(trace) + "\n")
            nat.writelines(dumps(s) + "\n" for s in spans)
            ot.write(dumps({"resourceSpans": [{"resource": {"attributes": resource_attrs}, "scopeSpans": [{
                "scope": {"name": "support_bot.agent", "version": "2.1.0"},
                "spans": [_otlp_span(s, trace) for s in spans]}]}]}) + "\n")
            spans_written += len(spans)
    return native, otlp, spans_written


def child(bundle: str, db: str, profile: str) -> None:
    from tracedesk.core.database import open_store
    from tracedesk.core.ingest import import_paths

    started = time.perf_counter()
    with open_store(Path(db)) as store:
        if profile:
            import cProfile
            import pstats

            profiler = cProfile.Profile()
            report = profiler.runcall(import_paths, store, [Path(bundle)])
            pstats.Stats(profiler, stream=sys.stderr).sort_stats("tottime").print_stats(25)
        else:
            report = import_paths(store, [Path(bundle)])
    seconds = time.perf_counter() - started
    result = report.paths[0]
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({"seconds": seconds, "peak_mb": peak_mb, "spans": result.added.spans,
                      "traces": result.added.traces, "formats": result.formats,
                      "problems": [str(p) for p in result.problems]}))


def measure(bundle: Path, db: Path, profile: bool) -> dict[str, Any]:
    done = subprocess.run([sys.executable, __file__, "--child", str(bundle), str(db), "1" if profile else ""],
                          capture_output=True, text=True, check=True, cwd=ROOT)
    if profile:
        print(done.stderr[:6000])
    return json.loads(done.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--spans", type=int, default=500_000, help="spans per bundle (default 500,000)")
    parser.add_argument("--profile", choices=["otlp", "native"], help="print a cProfile of one import")
    parser.add_argument("--child", nargs=3, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(*args.child)
        return
    traces = max(1, args.spans // SPANS_PER_TRACE)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        started = time.perf_counter()
        native, otlp, spans = write_bundles(folder, traces)
        sizes = f"native {native.stat().st_size / 1e6:,.0f} MB, OTLP {otlp.stat().st_size / 1e6:,.0f} MB"
        print(f"{traces:,} traces, {spans:,} spans written in {time.perf_counter() - started:.0f} s: {sizes}",
              flush=True)
        results = {}
        for name, bundle in (("native", native), ("otlp", otlp)):
            got = measure(bundle, folder / f"{name}.sqlite", args.profile == name)
            assert got["spans"] == spans and got["traces"] == traces, got
            results[name] = got
            rate = spans / got["seconds"]
            print(f"{name:>7}: {got['seconds']:6.1f} s {rate:>9,.0f} spans/s  peak {got['peak_mb']:,.0f} MB  "
                  f"formats {got['formats']}  problems {len(got['problems'])}", flush=True)
            for problem in got["problems"][:3]:
                print(f"         {problem}")
    ratio = results["native"]["seconds"] / results["otlp"]["seconds"]
    print(f"ratio OTLP/native: {ratio:.2f} (target >= 0.5)")


if __name__ == "__main__":
    main()
