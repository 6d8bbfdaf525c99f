"""What the window shows of one trace and of the queue, read in the shapes views need.

Every function takes an open connection and returns plain data: the spans of a trace as
a light outline (content is read one span at a time, when a person looks at it), the
signals of a trace with their evidence, the other turns of its session, the values the
queue's filters offer, and queue ids in another order than priority.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Connection

from . import learning, run_columns
from .records import USAGE_KEYS, format_time
from .run_columns import SortKey
from .store import chunked, placeholders
from .text import loads_or_none, user_question
from .traces import build_tree, feedback_of, usage_of

OUTLINE_COLUMNS = ("id", "span_id", "parent_id", "name", "kind", "start_ns", "end_ns", "status", "model",
                   "input_tokens", "output_tokens")


@dataclass
class SpanNode:
    """One span of a trace's outline: what a tree row shows, without the content."""

    pk: int
    span_id: str
    parent_id: str | None
    name: str | None
    kind: str
    start_ns: int | None
    end_ns: int | None
    status: str | None
    model: str | None
    input_tokens: int | None
    output_tokens: int | None
    depth: int = 0
    children: list[SpanNode] = field(default_factory=list)
    parent: SpanNode | None = field(default=None, repr=False)
    row: int = 0  # position among its parent's children

    @property
    def duration_ns(self) -> int | None:
        if self.start_ns is None or self.end_ns is None:
            return None
        return max(0, self.end_ns - self.start_ns)

    @property
    def failed(self) -> bool:
        return self.status == "error"


@dataclass
class TraceOutline:
    """A trace's header and its spans as a tree (roots first, children in time order)."""

    pk: int
    trace_id: str
    source: str
    session_id: str | None
    user_id: str | None
    name: str | None
    start_ns: int | None
    end_ns: int | None
    status: str | None
    model: str | None
    prompt_version: str | None
    span_count: int
    error_count: int
    question: str
    roots: list[SpanNode]
    by_span_id: dict[str, SpanNode]

    def in_order(self) -> list[SpanNode]:
        """Every span, depth first, as the tree lists them."""
        out: list[SpanNode] = []
        stack = list(reversed(self.roots))
        while stack:
            node = stack.pop()
            out.append(node)
            stack.extend(reversed(node.children))
        return out


def trace_outline(conn: Connection, trace_pk: int) -> TraceOutline:
    """The header of a trace and its span tree, without the spans' input and output (a
    trace of 10,000 spans is read in a few tens of milliseconds)."""
    head = conn.exec_driver_sql(
        "SELECT t.trace_id, s.name AS source, t.session_id, t.user_id, t.name, t.start_ns, t.end_ns, t.status, "
        "t.model, t.prompt_version, t.input, t.span_count, t.error_count "
        "FROM trace t JOIN source s ON s.id = t.source_id WHERE t.id = ?", (trace_pk,)).one()
    rows = [dict(zip(OUTLINE_COLUMNS, r, strict=True)) for r in conn.exec_driver_sql(
        f"SELECT {', '.join(OUTLINE_COLUMNS)} FROM span WHERE trace_pk = ? ORDER BY start_ns, id",
        (trace_pk,))]
    roots = build_tree(rows)
    by_span_id: dict[str, SpanNode] = {}

    tree: list[SpanNode] = []
    # Depth first without recursion: a pathological chain of thousands of spans is fine.
    stack: list[tuple[list[dict[str, Any]], SpanNode | None, list[SpanNode]]] = [(roots, None, tree)]
    while stack:
        items, parent, siblings = stack.pop()
        for row_number, item in enumerate(items):
            node = SpanNode(item["id"], item["span_id"], item["parent_id"], item["name"], item["kind"],
                            item["start_ns"], item["end_ns"], item["status"], item["model"],
                            item["input_tokens"], item["output_tokens"],
                            0 if parent is None else parent.depth + 1, [], parent, row_number)
            by_span_id[node.span_id] = node
            siblings.append(node)
            if item["children"]:
                stack.append((item["children"], node, node.children))
    return TraceOutline(trace_pk, head.trace_id, head.source, head.session_id, head.user_id, head.name,
                        head.start_ns, head.end_ns, head.status, head.model, head.prompt_version, head.span_count,
                        head.error_count, user_question(head.input), tree, by_span_id)


def span_content(conn: Connection, span_pk: int) -> dict[str, Any]:
    """One span with its content: input, output, error, attributes (parsed JSON)."""
    names = ("span_id", "parent_id", "name", "kind", "start_ns", "end_ns", "status", "error", "input", "output",
             "model", *USAGE_KEYS, "cost_usd", "attributes", "origin")
    row = conn.exec_driver_sql(f"SELECT {', '.join(names)} FROM span WHERE id = ?", (span_pk,)).one()
    span = dict(zip(names, row, strict=True))
    start, end = span["start_ns"], span["end_ns"]
    return {
        "span_id": span["span_id"], "parent_id": span["parent_id"], "name": span["name"], "kind": span["kind"],
        "start_time": format_time(start), "end_time": format_time(end),
        "duration_ms": None if start is None or end is None else round((end - start) / 1e6, 3),
        "status": span["status"], "error": loads_or_none(span["error"]), "model": span["model"],
        "usage": usage_of(span), "cost_usd": span["cost_usd"],
        "input": loads_or_none(span["input"]), "output": loads_or_none(span["output"]),
        "attributes": loads_or_none(span["attributes"]) or {}, "origin": span["origin"],
    }


def trace_content(conn: Connection, trace_pk: int) -> dict[str, Any]:
    """A trace's own input, output, metadata, tags and feedback."""
    row = conn.exec_driver_sql("SELECT input, output, metadata, tags FROM trace WHERE id = ?", (trace_pk,)).one()
    return {"input": loads_or_none(row.input), "output": loads_or_none(row.output),
            "metadata": loads_or_none(row.metadata) or {}, "tags": loads_or_none(row.tags) or [],
            "feedback": feedback_of(conn, trace_pk)}


@dataclass(frozen=True)
class TraceSignal:
    kind: str
    confidence: float
    detail: str
    span_id: str | None
    evidence: dict[str, Any]
    # What the verdicts here say of the kind:
    # "confirmed 3 of 12 times here: trusted at 31% (the table expected 74%)".
    learned: str | None = None


def trace_signals(conn: Connection, trace_pk: int) -> list[TraceSignal]:
    """The signals of one trace with their evidence, the most confident first."""
    learned = learning.stored(conn, applied=False)

    def said(kind: str) -> str | None:
        known = learned.get(kind)
        if known is None:
            return None
        return f"{known.basis}: trusted at {known.precision:.0%} (the table expected {known.prior:.0%})"

    found = [
        TraceSignal(row.kind, row.confidence, row.detail or "", row.span_id, loads_or_none(row.evidence) or {},
                    said(row.kind))
        for row in conn.exec_driver_sql(
            "SELECT kind, confidence, detail, span_id, evidence FROM signal WHERE trace_pk = ? "
            "ORDER BY confidence DESC, id", (trace_pk,))
    ]
    echo = learning.echoes(conn).get(trace_pk)
    if echo is not None:  # learned from a verdict, not detected: kept apart from the signal table
        name = learning.judged_names(conn, [echo])[echo.source_pk]
        found.append(TraceSignal(learning.ECHO_KIND, learning.ECHO_CONFIDENCE, echo.detail(name), None,
                                 {"judged_a_failure": name, "similarity": echo.similarity}, said(learning.ECHO_KIND)))
        found.sort(key=lambda signal: -signal.confidence)
    return found


@dataclass(frozen=True)
class SessionTurn:
    trace_pk: int
    trace_id: str
    start_ns: int | None
    question: str
    status: str | None
    signals: tuple[str, ...]


def session_turns(conn: Connection, trace_pk: int, limit: int = 500) -> list[SessionTurn]:
    """Every turn of the session this trace belongs to, in time order (the trace alone if
    it has no session)."""
    trace = conn.exec_driver_sql("SELECT session_id, source_id FROM trace WHERE id = ?", (trace_pk,)).one()
    if trace.session_id is None:
        where, params = "t.id = ?", (trace_pk,)
    else:
        where, params = "t.session_id = ? AND t.source_id = ?", (trace.session_id, trace.source_id)
    turns = list(conn.exec_driver_sql(
        f"SELECT t.id, t.trace_id, t.start_ns, t.input, t.status FROM trace t WHERE {where} "
        f"ORDER BY t.start_ns, t.id LIMIT {int(limit)}", params))
    kinds: dict[int, list[str]] = {}
    for chunk in chunked([t.id for t in turns]):
        for pk, kind in conn.exec_driver_sql(
                f"SELECT trace_pk, kind FROM signal WHERE trace_pk IN ({placeholders(chunk)}) ORDER BY confidence DESC",
                tuple(chunk)):
            if kind not in kinds.setdefault(pk, []):
                kinds[pk].append(kind)
    return [SessionTurn(t.id, t.trace_id, t.start_ns, user_question(t.input, 200), t.status,
                        tuple(kinds.get(t.id, ())))
            for t in turns]


def filter_choices(conn: Connection) -> dict[str, list[str]]:
    """The values the queue's filters can take in this database."""
    def distinct(sql: str) -> list[str]:
        return [v for (v,) in conn.exec_driver_sql(sql) if v]

    return {
        "sources": distinct("SELECT name FROM source ORDER BY name"),
        "models": distinct("SELECT DISTINCT model FROM trace WHERE model IS NOT NULL ORDER BY model LIMIT 200"),
        "prompt_versions": distinct(
            "SELECT DISTINCT prompt_version FROM trace WHERE prompt_version IS NOT NULL "
            "ORDER BY prompt_version LIMIT 200"),
        "signals": sorted(set(distinct("SELECT DISTINCT kind FROM signal"))
                          | ({learning.ECHO_KIND} if learning.echoes(conn) else set())),
    }


SORT_KEYS = {
    "time": SortKey("id", "start_ns", "trace"),
    "model": SortKey("id", "coalesce(model, '') || ' ' || coalesce(prompt_version, '')", "trace"),
    "group": SortKey("trace_pk", "group_size", "queue_entry"),
    "reason": SortKey("trace_pk", "coalesce(top_kind, '')", "queue_entry"),
    "trace": SortKey("id", "trace_id", "trace"),
    **run_columns.SORT_KEYS,  # latency, cost, tokens, review
}


def sort_ids(conn: Connection, pks: list[int], key: str, descending: bool = False) -> list[int]:
    """The queue ids ``pks`` ordered by ``key`` (one of :data:`SORT_KEYS`); ties keep
    their order (priority). A missing value sorts last."""
    sort = SORT_KEYS[key]
    sql = f"SELECT {sort.id_column} AS pk, {sort.value} AS value FROM {sort.source}"
    if len(pks) <= 20_000:
        values: dict[int, Any] = {}
        for chunk in chunked(pks):
            values.update((row.pk, row.value) for row in conn.exec_driver_sql(
                f"{sql} WHERE {sort.id_column} IN ({placeholders(chunk)})", tuple(chunk)))
    else:
        values = {row.pk: row.value for row in conn.exec_driver_sql(sql)}
    present = [pk for pk in pks if values.get(pk) is not None]
    missing = [pk for pk in pks if values.get(pk) is None]
    present.sort(key=values.__getitem__, reverse=descending)
    return present + missing


def trace_count(conn: Connection) -> int:
    """How many traces the database holds."""
    return conn.exec_driver_sql("SELECT count(*) FROM trace").scalar_one()


SpanNames = dict[tuple[int, str], tuple[str, str]]  # (trace pk, span id) -> (name, kind)


def span_names(conn: Connection, pairs: Iterable[tuple[int, str]]) -> SpanNames:
    """The name and kind of each span given as ``(trace pk, span id)`` (the span id as
    its name when it has none); spans not found are left out."""
    wanted = sorted(set(pairs))
    names: SpanNames = {}
    for chunk in chunked(wanted, per_value=2):
        marks = " OR ".join("(trace_pk = ? AND span_id = ?)" for _ in chunk)
        params = tuple(x for pair in chunk for x in pair)
        for row in conn.exec_driver_sql(f"SELECT trace_pk, span_id, name, kind FROM span WHERE {marks}", params):
            names[(row.trace_pk, row.span_id)] = (row.name or row.span_id, row.kind or "")
    return names
