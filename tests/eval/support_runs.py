"""One support-bot turn as Tracedesk's native records: the trace, its steps and feedback.

A turn is planned as a list of steps (a planning LLM call, searches, tool calls, the
answering LLM call); ``records`` lays them out in time and writes the span records the way an
agent's exporter would.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

from tests.eval.support_words.base import Domain, Intent

T0 = datetime(2026, 11, 2, 7, 0, tzinfo=UTC)

TIMEOUTS = [("TimeoutError", "upstream timed out after 10 s", 10.0), ("HTTPError 503", "service unavailable", 0.4),
            ("HTTPError 500", "internal server error", 0.3), ("ConnectionError", "connection reset by peer", 1.2),
            ("HTTPError 429", "rate limited, retry later", 0.1)]


def stamp(seconds: float) -> str:
    return (T0 + timedelta(seconds=seconds)).isoformat(timespec="milliseconds").replace("+00:00", "Z")


@dataclass
class Step:
    kind: str                # "search", "tool", "plan"
    name: str = ""
    input: Any = None
    output: Any = None
    error: tuple[str, str, float] | None = None


@dataclass
class Turn:
    question: str
    answer: str
    steps: list[Step] = field(default_factory=list)
    feedback: list[dict] = field(default_factory=list)
    # ("failure" | "undetectable" | "hard", kind): what the evaluation expects of this trace.
    label: tuple[str, str] | None = None
    explicit_negative: bool = False
    think: float = 25.0      # seconds the user took to write the message


def search(domain: Domain, query: str, docs: list[tuple[str, str]], scores: list[float]) -> Step:
    documents = [{"id": doc_id, "content": content, "score": round(score, 3),
                  "source": f"{domain.key}-help/{doc_id}"} for (doc_id, content), score in zip(docs, scores,
                                                                                                  strict=True)]
    return Step("search", domain.search_name, {"query": query}, {"documents": documents})


def tool_call(name: str, arguments: dict, result: Any = None, error: tuple | None = None) -> Step:
    return Step("tool", name, {"name": name, "arguments": arguments}, None if error else result, error)


def fill(text: str, values: dict) -> str:
    return text.format(**values)


def intent_docs(intent: Intent, values: dict) -> list[tuple[str, str]]:
    return [(doc_id, fill(content, values)) for doc_id, content in intent.docs]


@dataclass
class SessionMeta:
    session_id: str
    user_id: str
    start: float
    model: str
    prompt_version: str
    locale: str
    channel: str
    as_messages: bool
    domain: Domain
    tags: list[str]


def records(meta: SessionMeta, turns: list[tuple[Turn, list[str]]], rng) -> tuple[list[dict], list[str]]:
    """The records of one session, and its trace ids in order."""
    out: list[dict] = []
    trace_ids: list[str] = []
    clock = meta.start
    system = {"role": "system", "content": meta.domain.system}
    for index, (turn, tags) in enumerate(turns, start=1):
        trace_id = f"{meta.session_id}-t{index}"
        trace_ids.append(trace_id)
        clock += turn.think if index > 1 else 0.0
        begin = clock
        spans: list[dict] = []
        user = {"role": "user", "content": turn.question}
        context: list[dict] = [system, user]
        t = begin + 0.01
        for i, step in enumerate(turn.steps, start=1):
            span_id = f"{trace_id}.{i}"
            if step.kind == "plan":
                seconds = rng.uniform(0.35, 1.1)
                calls = [{"id": f"call_{j}", "name": c["name"], "arguments": c["arguments"]}
                         for j, c in enumerate(step.input)]
                spans.append(_span(trace_id, span_id, "plan", "llm", t, seconds, meta, status="ok",
                                   input={"messages": list(context)},
                                   output={"messages": [{"role": "assistant", "content": "", "tool_calls": calls}]},
                                   usage=(len(json.dumps(context)) // 4, 18 * len(calls))))
            elif step.kind == "search":
                seconds = rng.uniform(0.08, 0.45)
                spans.append(_span(trace_id, span_id, step.name, "retrieval", t, seconds, meta, status="ok",
                                   input=step.input, output=step.output))
                context.append({"role": "tool", "content": json.dumps(step.output)[:600]})
            else:
                seconds = step.error[2] if step.error else rng.uniform(0.05, 0.7)
                extra = {"error": {"type": step.error[0], "message": step.error[1]}} if step.error else {}
                spans.append(_span(trace_id, span_id, step.name, "tool", t, seconds, meta,
                                   status="error" if step.error else "ok", input=step.input, output=step.output,
                                   **extra))
                result = f"error: {step.error[1]}" if step.error else json.dumps(step.output)
                context.append({"role": "tool", "content": result})
            t += seconds + rng.uniform(0.005, 0.03)
        seconds = rng.uniform(0.45, 2.2)
        spans.append(_span(trace_id, f"{trace_id}.{len(turn.steps) + 1}", "answer", "llm", t, seconds, meta,
                           status="ok", input={"messages": context},
                           output={"messages": [{"role": "assistant", "content": turn.answer}]},
                           usage=(len(json.dumps(context)) // 4, len(turn.answer) // 4)))
        end = t + seconds + 0.02
        trace_input: Any = {"messages": [user]} if meta.as_messages else turn.question
        root = {"type": "span", "trace_id": trace_id, "span_id": f"{trace_id}.0", "parent_id": None,
                "name": "support_agent", "kind": "agent", "start_time": stamp(begin), "end_time": stamp(end),
                "status": "ok", "input": {"messages": [user]},
                "output": {"messages": [{"role": "assistant", "content": turn.answer}]}}
        out.append({"type": "trace", "trace_id": trace_id, "session_id": meta.session_id, "user_id": meta.user_id,
                    "name": "support_turn", "start_time": stamp(begin), "end_time": stamp(end), "status": "ok",
                    "input": trace_input, "output": turn.answer, "tags": [meta.channel, *tags],
                    "metadata": {"model": meta.model, "prompt_version": meta.prompt_version, "app_version": "3.2.0",
                                 "environment": "prod", "locale": meta.locale}})
        out.append(root)
        out.extend(spans)
        for fb in turn.feedback:
            out.append({"type": "feedback", "trace_id": trace_id, "source": "user",
                        "time": stamp(end + rng.uniform(4, 90)), **fb})
        clock = end
    return out, trace_ids


def _span(trace_id: str, span_id: str, name: str, kind: str, t: float, seconds: float, meta: SessionMeta, *,
          status: str, input: Any, output: Any, usage: tuple[int, int] | None = None, **extra: Any) -> dict:
    span = {"type": "span", "trace_id": trace_id, "span_id": span_id, "parent_id": f"{trace_id}.0", "name": name,
            "kind": kind, "start_time": stamp(t), "end_time": stamp(t + seconds), "status": status,
            "input": input, "output": output, **extra}
    if kind == "llm":
        span["model"] = meta.model
        if usage:
            span["usage"] = {"input_tokens": usage[0], "output_tokens": usage[1]}
            span["cost_usd"] = round(usage[0] * 1.5e-7 + usage[1] * 6e-7, 7)
    return span
