"""Reading traces back: find one by its id, its spans as a tree, the database's counts."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection

from .errors import UserError
from .records import USAGE_KEYS, format_time
from .signals.explicit import polarity
from .text import loads_or_none


class TraceNotFound(UserError):
    pass


@dataclass(frozen=True)
class TraceRef:
    pk: int
    source: str
    trace_id: str


def find_trace(conn: Connection, ref: str) -> TraceRef:
    """The trace a person means by ``ref``: a trace id, or ``SOURCE:TRACE_ID`` where two
    sources share an id (trace ids may contain colons themselves, so both readings are
    tried)."""
    candidates = list(conn.exec_driver_sql(
        "SELECT t.id AS pk, s.name AS source, t.trace_id FROM trace t JOIN source s ON s.id = t.source_id "
        "WHERE t.trace_id = ?", (ref,)))
    if not candidates and ":" in ref:
        for i in [i for i, ch in enumerate(ref) if ch == ":"]:
            source, trace_id = ref[:i], ref[i + 1:]
            candidates = list(conn.exec_driver_sql(
                "SELECT t.id AS pk, s.name AS source, t.trace_id FROM trace t JOIN source s ON s.id = t.source_id "
                "WHERE s.name = ? AND t.trace_id = ?", (source, trace_id)))
            if candidates:
                break
    if not candidates:
        raise TraceNotFound(f"no trace '{ref}' in this database (see 'tracedesk queue' for the ids)")
    if len(candidates) > 1:
        options = ", ".join(f"{c.source}:{c.trace_id}" for c in candidates)
        raise TraceNotFound(f"'{ref}' names a trace in several sources; say which: {options}")
    found = candidates[0]
    return TraceRef(found.pk, found.source, found.trace_id)


SPAN_COLUMNS = (
    "span_id", "parent_id", "name", "kind", "start_ns", "end_ns", "status", "error", "input",
    "output", "model", *USAGE_KEYS, "cost_usd", "attributes", "origin",
)


def span_rows(conn: Connection, trace_pk: int) -> list[dict[str, Any]]:
    """The spans of a trace in time order, as stored (JSON columns still text)."""
    cols = ", ".join(SPAN_COLUMNS)
    return [
        dict(zip(SPAN_COLUMNS, row, strict=True))
        for row in conn.exec_driver_sql(
            f"SELECT {cols} FROM span WHERE trace_pk = ? ORDER BY start_ns, id", (trace_pk,)
        )
    ]


def build_tree(spans: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Nest spans under their parents (each gets ``children``); return the roots.

    A span whose parent is missing becomes a root; a cycle of parents is broken at its
    earliest span, which becomes a root. Every span is shown exactly once, whatever the
    data says.
    """
    by_id = {s["span_id"]: s for s in spans}
    cut = _cycle_breaks(spans, by_id)
    for s in spans:
        s["children"] = []
    roots = []
    for s in spans:
        parent = by_id.get(s["parent_id"]) if s["parent_id"] else None
        if parent is None or s["span_id"] in cut:
            roots.append(s)
        else:
            parent["children"].append(s)
    return roots


def _cycle_breaks(spans: list[dict[str, Any]], by_id: dict[str, dict[str, Any]]) -> set[str]:
    """The span ids whose parent link must be ignored so that no cycle remains."""
    visiting, done = 1, 2
    state: dict[str, int] = {}
    cut: set[str] = set()
    for span in spans:
        path = []
        current = span
        while current is not None and current["span_id"] not in state:
            state[current["span_id"]] = visiting
            path.append(current)
            current = by_id.get(current["parent_id"]) if current["parent_id"] else None
        if current is not None and state[current["span_id"]] == visiting:
            cycle = path[path.index(current):]
            first = min(cycle, key=lambda s: (s["start_ns"] is None, s["start_ns"] or 0))
            cut.add(first["span_id"])
        for member in path:
            state[member["span_id"]] = done
    return cut


def _span_json(span: dict[str, Any]) -> dict[str, Any]:
    out = {
        "span_id": span["span_id"],
        "parent_id": span["parent_id"],
        "name": span["name"],
        "kind": span["kind"],
        "start_time": format_time(span["start_ns"]),
        "end_time": format_time(span["end_ns"]),
        "duration_ms": _duration_ms(span["start_ns"], span["end_ns"]),
        "status": span["status"],
        "error": loads_or_none(span["error"]),
        "model": span["model"],
        "usage": usage_of(span),
        "cost_usd": span["cost_usd"],
        "input": loads_or_none(span["input"]),
        "output": loads_or_none(span["output"]),
        "attributes": loads_or_none(span["attributes"]) or {},
        "children": [_span_json(c) for c in span["children"]],
    }
    return out


def usage_of(span: dict[str, Any]) -> dict[str, int | None]:
    """A span's ``usage`` as shown: input and output tokens always (null when unknown), and
    the cached and reasoning tokens the source counted."""
    return {key: span[key] for key in USAGE_KEYS
            if key in ("input_tokens", "output_tokens") or span[key] is not None}


def _duration_ms(start: int | None, end: int | None) -> float | None:
    if start is None or end is None:
        return None
    return round((end - start) / 1e6, 3)


def feedback_of(conn: Connection, trace_pk: int) -> list[dict[str, Any]]:
    """The trace's feedback records in time order; ``polarity`` is what the queue's
    signals make of each: -1 negative, 0 neutral, +1 positive."""
    rows = conn.exec_driver_sql(
        "SELECT span_id, kind, value, scale_min, scale_max, comment, correction, "
        "feedback_source, author, time_ns, extra FROM feedback WHERE trace_pk = ? ORDER BY time_ns, id",
        (trace_pk,),
    )
    out = []
    for row in rows:
        scale = (row.scale_min, row.scale_max)
        item = {
            "span_id": row.span_id, "kind": row.kind, "value": loads_or_none(row.value),
            "scale": list(scale) if row.scale_min is not None else None, "comment": row.comment,
            "correction": loads_or_none(row.correction), "source": row.feedback_source, "author": row.author,
            "time": format_time(row.time_ns),
        }
        extra_value = loads_or_none(row.extra) if row.extra else None
        if row.extra:
            item["extra"] = extra_value
        item["polarity"] = polarity(row.kind, item["value"], scale,
                                    extra_value if isinstance(extra_value, dict) else None,
                                    row.comment, item["correction"])[0]
        out.append(item)
    return out


def trace_detail(conn: Connection, ref: TraceRef) -> dict[str, Any]:
    """Everything about one trace, as ``tracedesk show --json`` prints it."""
    from .reviews import reviews_of

    row = conn.exec_driver_sql(
        "SELECT trace_id, has_record, session_id, user_id, name, start_ns, end_ns, status, input, "
        "output, metadata, tags, span_count, error_count FROM trace WHERE id = ?", (ref.pk,)
    ).one()
    spans = span_rows(conn, ref.pk)
    return {
        "trace_id": row.trace_id,
        "source": ref.source,
        "from_record": bool(row.has_record),
        "session_id": row.session_id,
        "user_id": row.user_id,
        "name": row.name,
        "start_time": format_time(row.start_ns),
        "end_time": format_time(row.end_ns),
        "duration_ms": _duration_ms(row.start_ns, row.end_ns),
        "status": row.status,
        "input": loads_or_none(row.input),
        "output": loads_or_none(row.output),
        "metadata": loads_or_none(row.metadata) or {},
        "tags": loads_or_none(row.tags) or [],
        "span_count": row.span_count,
        "error_count": row.error_count,
        "spans": [_span_json(s) for s in build_tree(spans)],
        "feedback": feedback_of(conn, ref.pk),
        "reviews": [r.as_dict() for r in reviews_of(conn, ref.pk)],
    }


def stats(conn: Connection) -> dict[str, Any]:
    """The counts ``tracedesk stats`` prints."""
    def count(table: str) -> int:
        return conn.exec_driver_sql(f"SELECT count(*) FROM {table}").scalar_one()

    sources = [
        {"name": row.name, "traces": row.traces}
        for row in conn.exec_driver_sql(
            "SELECT s.name, (SELECT count(*) FROM trace t WHERE t.source_id = s.id) AS traces "
            "FROM source s ORDER BY s.name"
        )
    ]
    kinds = {kind: n for kind, n in conn.exec_driver_sql(
        "SELECT kind, count(*) FROM span GROUP BY kind ORDER BY kind")}
    pending = conn.exec_driver_sql("SELECT count(*) FROM feedback WHERE trace_pk IS NULL").scalar_one()
    return {
        "traces": count("trace"),
        "spans": count("span"),
        "feedback": count("feedback"),
        "feedback_waiting_for_trace": pending,
        "reviews": count("review"),
        "sources": sources,
        "span_kinds": kinds,
    }
