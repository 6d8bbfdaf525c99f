"""Small conversations in the native bundle format, for signal and queue tests."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

T0 = datetime(2026, 11, 20, 10, 0, tzinfo=UTC)


def stamp(seconds: float) -> str:
    return (T0 + timedelta(seconds=seconds)).isoformat().replace("+00:00", "Z")


class Bundle:
    """Builds records turn by turn; ``records`` is the bundle."""

    def __init__(self, source: str = "bot") -> None:
        self.records: list[dict] = [{"type": "bundle", "version": 1, "source": source}]
        self.clock = 0.0

    def turn(self, session: str | None, question: str, answer: str, *, trace_id: str,
             user: str = "u1", steps: list[dict] | None = None, **fields) -> str:
        start = self.clock
        self.clock += 60
        self.records.append({
            "type": "trace", "trace_id": trace_id, "session_id": session, "user_id": user,
            "start_time": stamp(start), "end_time": stamp(start + 5), "status": "ok",
            "input": question, "output": answer, **fields,
        })
        self.records.append({
            "type": "span", "trace_id": trace_id, "span_id": f"{trace_id}.root", "kind": "agent",
            "name": "agent", "start_time": stamp(start), "end_time": stamp(start + 5)})
        for i, step in enumerate(steps or []):
            offset = step.pop("at", i * 0.5 + 0.1)
            duration = step.pop("seconds", 0.3)
            self.records.append({
                "type": "span", "trace_id": trace_id, "span_id": f"{trace_id}.{i}",
                "parent_id": f"{trace_id}.root", "start_time": stamp(start + offset),
                "end_time": stamp(start + offset + duration), **step})
        return trace_id

    def feedback(self, trace_id: str, kind: str, value=None, **fields) -> None:
        self.records.append({"type": "feedback", "trace_id": trace_id, "kind": kind, "value": value, **fields})


def tool(name: str, arguments: dict, result=None, error: str | None = None, **fields) -> dict:
    step = {"kind": "tool", "name": name, "input": {"name": name, "arguments": arguments}, "output": result,
            **fields}
    if error:
        step.update(status="error", error={"type": "ToolError", "message": error})
    return step


def retrieval(query: str, documents: list[dict]) -> dict:
    return {"kind": "retrieval", "name": "search_kb", "input": {"query": query},
            "output": {"documents": documents}}


def llm(tokens: int = 300, seconds: float = 0.8, name: str = "answer") -> dict:
    return {"kind": "llm", "name": name, "model": "gpt-4o-mini", "seconds": seconds,
            "usage": {"input_tokens": tokens, "output_tokens": 40},
            "input": {"messages": [{"role": "user", "content": "..."}]},
            "output": {"messages": [{"role": "assistant", "content": "..."}]}}
