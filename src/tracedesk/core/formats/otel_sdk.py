"""OpenTelemetry SDK span JSON: spans as the SDKs serialise a finished span.

Python's ``ReadableSpan.to_json()`` (what the console exporter prints) and dumps of the
same span model, such as any-agent's ``AgentTrace``:
``{name, kind, parent, context{trace_id, span_id}, start_time, end_time,
status{status_code, description}, attributes{...}, events[{name, timestamp, attributes}],
links[{context, attributes}], resource{attributes}}``. Files hold ``{"spans": [...]}``
(any-agent adds ``final_output``), a JSON array of spans, JSON Lines of spans, or spans
printed one after another.

Mapping: ids given as integers (decimal in the file) become lower-case hex, 32 digits for
a trace and 16 for a span; ``0x``-prefixed ids lose the prefix. The parent is the
``parent`` context (null for a root) or ``parent_id``. ``kind`` (``SpanKind.INTERNAL``,
``internal``...) is kept as ``otel.span_kind``; times are integer nanoseconds or RFC 3339
strings. The flat ``attributes`` go through :mod:`.semconv`; the resource attributes are
kept as ``otel.resource``. any-agent's ``final_output`` becomes the output of the root
span when the file holds one trace whose root has no output of its own.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from typing import Any, BinaryIO

from .base import Format, Item, Problem, Record
from .jsonsafe import clean, clean_attributes, listed, read_values
from .otelspans import TraceRecords, hex_id, parent_id, span_items, span_kind_of, span_records, status_of
from .semconv import Event

_CONTEXT = re.compile(rb'"context"\s*:\s*\{')
_SPAN_ID = re.compile(rb'"span_id"\s*:')
_KIND = re.compile(rb'"kind"\s*:')
_PHOENIX = re.compile(rb'"span_kind"\s*:')
_KNOWN = frozenset({"name", "kind", "parent", "parent_id", "context", "start_time", "end_time", "status",
                    "attributes", "events", "links", "resource"})


def sniff(head: bytes, name: str) -> bool:
    """Spans with a ``context`` object holding ``span_id`` and a ``kind`` (Phoenix's
    ``span_kind`` is another format)."""
    start = head.lstrip()[:1]
    return (start in (b"{", b"[") and _CONTEXT.search(head) is not None and _SPAN_ID.search(head) is not None
            and _KIND.search(head) is not None and _PHOENIX.search(head) is None)


def _loads(data: bytes) -> Any:
    # The standard library keeps 128-bit integer ids exact; orjson would turn them into floats.
    return json.loads(data)


def read(stream: BinaryIO, name: str) -> Iterator[Item]:
    traces = TraceRecords()
    for line, value, reason in read_values(stream, name, _loads):
        if reason is not None:
            yield Problem(reason, line)
            continue
        final_output = None
        if isinstance(value, dict) and isinstance(value.get("spans"), list):
            final_output = value.get("final_output")
            spans, prefix = value["spans"], "spans"
        elif isinstance(value, list):
            spans, prefix = value, ""
        elif isinstance(value, dict):
            spans, prefix = [value], None
        else:
            yield Problem("not a span (a JSON object) nor a list of spans", line)
            continue
        items: list[Item] = []
        for index, span in enumerate(spans):
            where = None if prefix is None else f"{prefix}[{index}]"
            items.extend(_span(span, line, where, traces))
        if final_output is not None:
            _attach_final_output(items, final_output)
        yield from items
    for rec in traces.rest():
        yield Record(rec)


def _attach_final_output(items: list[Item], final_output: Any) -> None:
    spans = [i.data for i in items if isinstance(i, Record) and i.data.get("type") == "span"]
    roots = [s for s in spans if s.get("parent_id") is None]
    if len({s["trace_id"] for s in spans}) == 1 and len(roots) == 1 and roots[0].get("output") is None:
        try:
            roots[0]["output"] = clean(final_output)
        except ValueError:
            return
        for item in items:  # a trace record built from that root says the same
            if isinstance(item, Record) and item.data.get("type") == "trace":
                item.data.setdefault("output", roots[0]["output"])


def _context_id(context: Any, key: str, width: int) -> str | None:
    return hex_id(context.get(key), width) if isinstance(context, dict) else None


def _span(span: Any, line: int | None, where: str | None, traces: TraceRecords) -> Iterator[Item]:
    if not isinstance(span, dict):
        yield Problem("a span must be a JSON object", line, where)
        return
    context = span.get("context")
    trace_id = _context_id(context, "trace_id", 32)
    span_id = _context_id(context, "span_id", 16)
    if trace_id is None or span_id is None:
        missing = " and ".join(n for n, v in (("trace_id", trace_id), ("span_id", span_id)) if v is None)
        yield Problem(f"span '{span.get('name', '')}' has no context.{missing}; skipped", line, where)
        return
    parent = span.get("parent")
    parent = _context_id(parent, "span_id", 16) if isinstance(parent, dict) else parent_id(span.get("parent_id"))
    problems: list[str] = []
    raw = span.get("attributes")
    attrs = clean_attributes(raw, problems) if isinstance(raw, dict) else {}
    events = []
    for event in listed(span.get("events")):
        if isinstance(event, dict):
            event_attrs = event.get("attributes")
            if not isinstance(event_attrs, dict):
                event_attrs = {}
            events.append(Event(str(event.get("name") or ""), event.get("timestamp"),
                                clean_attributes(event_attrs, problems)))
    extra: dict[str, Any] = {}
    resource = span.get("resource")
    if isinstance(resource, dict) and isinstance(resource.get("attributes"), dict):
        extra["otel.resource"] = clean_attributes(resource["attributes"], problems)
    kind = span_kind_of(span.get("kind"))
    if kind:
        extra["otel.span_kind"] = kind
    links = []
    if listed(span.get("links")):
        kept = []
        for link in span["links"]:
            if isinstance(link, dict):
                target = (_context_id(link.get("context"), "trace_id", 32),
                          _context_id(link.get("context"), "span_id", 16))
                if target[0] and target[1]:
                    links.append(target)
                kept.append({"trace_id": target[0], "span_id": target[1],
                             "attributes": clean_attributes(link.get("attributes") or {}, problems)})
        extra["otel.links"] = kept
    for key, value in span.items():
        if key not in _KNOWN:
            extra[f"otel.{key}"] = clean_attributes({key: value}, problems)[key]
    status = span.get("status")
    status = status if isinstance(status, dict) else {}
    rec, mapped = span_records(
        trace_id=trace_id, span_id=span_id, parent=parent, name=span.get("name"),
        start=_time(span.get("start_time")), end=_time(span.get("end_time")),
        status=status_of(status.get("status_code")), status_message=status.get("description"),
        attributes=attrs, events=events, links=links, extra=extra,
    )
    yield from span_items(rec, mapped, problems, traces, line, where)


def _time(value: Any) -> Any:
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


FORMAT = Format("otel-sdk", "OpenTelemetry SDK span JSON", sniff=sniff, read=read, source="otel")
