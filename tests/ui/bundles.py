"""Bundles for the window's tests: a small support bot's conversations, with failures
(a failing tool, an empty retrieval, thumbs down, rephrases) and good runs."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import write_jsonl
from tests.core.sessions import Bundle, retrieval, tool

QUESTIONS = [
    ("refund", "How do I get a refund for order {n}?", "Refunds take 5 days once the parcel is back."),
    ("shipping", "Where is my parcel for order {n}?", "It left the warehouse yesterday."),
    ("sizes", "Do the trail boots for order {n} run small?", "They run true to size."),
    ("warranty", "Is the tent from order {n} under warranty?", "Yes, for two years."),
]


def chat(question: str, answer: str, tool_name: str, arguments: dict, result) -> dict:
    """An LLM step that calls a tool, gets its result and answers."""
    call = {"id": "call_1", "name": tool_name, "arguments": arguments}
    return {
        "kind": "llm", "name": "answer", "model": "gpt-4o-mini", "seconds": 0.9,
        "usage": {"input_tokens": 420, "output_tokens": 38},
        "input": {"messages": [
            {"role": "system", "content": "You are the support assistant of an outdoor shop."},
            {"role": "user", "content": question},
            {"role": "assistant", "content": "", "tool_calls": [call]},
            {"role": "tool", "tool_call_id": "call_1", "content": str(result)},
        ]},
        "output": {"messages": [{"role": "assistant", "content": answer}]},
    }


def support_bundle(traces: int = 24, source: str = "support-bot") -> list[dict]:
    """``traces`` turns in sessions of three; every fourth fails its tool, every third
    finds nothing, every second gets a thumbs down."""
    b = Bundle(source)
    for i in range(traces):
        topic, ask, good = QUESTIONS[i % len(QUESTIONS)]
        order = 1000 + i
        question = ask.format(n=order)
        failing_tool = i % 4 == 0
        empty = i % 3 == 0
        answer = "Sorry, I could not check that." if failing_tool else good
        steps = [
            tool("lookup_order", {"order": order}, None if failing_tool else {"order": order, "status": "shipped"},
                 error="timeout after 30 s" if failing_tool else None),
            retrieval(f"{topic} policy", [] if empty else [
                {"id": f"kb-{topic}", "content": f"Our {topic} policy: {good}", "score": 0.82,
                 "source": f"help/{topic}.md"},
                {"id": "kb-general", "content": "Contact us any time.", "score": 0.41, "source": "help/contact.md"},
            ]),
            chat(question, answer, "lookup_order", {"order": order}, "timeout" if failing_tool else "shipped"),
        ]
        b.turn(f"session-{i // 3}", question, answer, trace_id=f"t{i:03d}", user=f"user-{i // 3}",
               steps=steps, metadata={"model": "gpt-4o-mini", "prompt_version": f"v{1 + i % 2}"})
        if i % 2 == 0:
            b.feedback(f"t{i:03d}", "thumbs", -1, comment="That did not answer my question")
    return b.records


def write_support_bundle(path: Path, traces: int = 24, source: str = "support-bot") -> Path:
    return write_jsonl(path, support_bundle(traces, source))


def big_trace_records(spans: int, trace_id: str = "big", source: str = "bench") -> list[dict]:
    """One trace of ``spans`` steps: an agent with tool and LLM steps under it."""
    records: list[dict] = [{"type": "bundle", "version": 1, "source": source},
                           {"type": "trace", "trace_id": trace_id, "input": "Summarise the whole catalogue",
                            "output": "Done", "start_time": 1_780_000_000_000_000_000,
                            "end_time": 1_780_000_000_000_000_000 + spans * 1_000_000}]
    t0 = 1_780_000_000_000_000_000
    records.append({"type": "span", "trace_id": trace_id, "span_id": "root", "kind": "agent", "name": "agent",
                    "start_time": t0, "end_time": t0 + spans * 1_000_000})
    for i in range(1, spans):
        parent = "root" if i % 10 == 1 else f"s{i - i % 10 + 1}"
        kind = "llm" if i % 3 == 0 else "tool"
        span_id = f"s{i}"
        records.append({"type": "span", "trace_id": trace_id, "span_id": span_id,
                        "parent_id": parent if parent != span_id else "root", "kind": kind,
                        "name": f"{kind} step {i}", "start_time": t0 + i * 1_000_000,
                        "end_time": t0 + i * 1_000_000 + 800_000,
                        "input": {"name": "fetch", "arguments": {"page": i}}, "output": {"items": [i]}})
    return records
