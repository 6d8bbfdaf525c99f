"""Small builders for OTLP/JSON test files (``resourceSpans`` documents)."""

from __future__ import annotations

import base64
import json
from pathlib import Path
from typing import Any

from tracedesk.core.store import Store
from tracedesk.core.traces import find_trace, trace_detail

T0 = 1_763_632_800_000_000_000  # 2025-11-20T10:00:00Z in nanoseconds


def tid(n: int) -> str:
    return f"{n:032x}"


def sid(n: int) -> str:
    return f"{n:016x}"


def av(value: Any) -> dict[str, Any]:
    """A Python value as an OTLP AnyValue (integers as decimal strings, as OTLP writes them)."""
    if isinstance(value, bool):
        return {"boolValue": value}
    if isinstance(value, int):
        return {"intValue": str(value)}
    if isinstance(value, float):
        return {"doubleValue": value}
    if isinstance(value, bytes):
        return {"bytesValue": base64.b64encode(value).decode()}
    if isinstance(value, list):
        return {"arrayValue": {"values": [av(v) for v in value]}}
    if isinstance(value, dict):
        return {"kvlistValue": {"values": kvs(value)}}
    return {"stringValue": str(value)}


def kvs(attrs: dict[str, Any]) -> list[dict[str, Any]]:
    return [{"key": k, "value": av(v)} for k, v in attrs.items()]


def event(name: str, attrs: dict[str, Any] | None = None, at: int = 0) -> dict[str, Any]:
    return {"timeUnixNano": str(T0 + at), "name": name, "attributes": kvs(attrs or {})}


def span(trace: str, span_id: str, name: str, parent: str = "", *, at: int = 0, ms: int = 100,
         attrs: dict[str, Any] | None = None, events: list[dict] | None = None, code: int = 0,
         message: str = "", **fields: Any) -> dict[str, Any]:
    out = {
        "traceId": trace, "spanId": span_id, "parentSpanId": parent, "name": name, "kind": 1,
        "startTimeUnixNano": str(T0 + at * 1_000_000), "endTimeUnixNano": str(T0 + (at + ms) * 1_000_000),
        "attributes": kvs(attrs or {}), "events": events or [], "status": {"code": code, "message": message},
    }
    out.update(fields)
    return out


def doc(*spans: dict[str, Any], resource: dict[str, Any] | None = None) -> dict[str, Any]:
    return {"resourceSpans": [{
        "resource": {"attributes": kvs(resource or {"telemetry.sdk.language": "python"})},
        "scopeSpans": [{"scope": {"name": "tests", "version": "1.0"}, "spans": list(spans)}],
    }]}


def write_jsonl(path: Path, *docs: dict[str, Any] | str) -> Path:
    path.write_text("".join((d if isinstance(d, str) else json.dumps(d)) + "\n" for d in docs))
    return path


def detail(store: Store, trace_id: str) -> dict[str, Any]:
    with store.read() as conn:
        return trace_detail(conn, find_trace(conn, trace_id))


def flat_spans(tree: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Every span of a trace_detail tree, depth first."""
    out = []
    for node in tree:
        out.append(node)
        out.extend(flat_spans(node["children"]))
    return out


def by_name(detail_: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {s["name"]: s for s in flat_spans(detail_["spans"])}
