"""OTLP/JSON traces: the OpenTelemetry protocol's JSON encoding of ``TracesData``.

Two file shapes: the collector's file exporter writes JSON Lines, one
``{"resourceSpans": [...]}`` object per line (read streaming); any other file holds one
such document (read whole). Inside: ``resourceSpans[].resource.attributes``, then
``scopeSpans[].scope{name, version, attributes}``, then ``spans[]`` with ``traceId``,
``spanId``, ``parentSpanId``, ``name``, ``kind`` (integer), ``startTimeUnixNano`` /
``endTimeUnixNano`` (decimal strings or numbers), ``attributes[]``, ``events[]``,
``links[]``, ``status{code, message}`` (0 unset, 1 ok, 2 error).

Mapping: ids become lower-case hex (base64 ids, as protobuf's default JSON mapping writes
them, are converted); attribute values (``AnyValue``: stringValue, intValue as a string,
boolValue, doubleValue, arrayValue, kvlistValue, bytesValue kept as base64 text) become
plain JSON values and go through :mod:`.semconv`; the resource attributes, the scope,
the OTel span kind, links and trace state are kept in each span's attributes under
``otel.resource``, ``otel.scope``, ``otel.span_kind``, ``otel.links`` and
``otel.trace_state``. The resource's ``service.name`` (unless it is the SDK's
``unknown_service`` default) names the bundle's source; without one, it is ``otel``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any, BinaryIO

from .base import Format, Item, Problem, Record
from .jsonsafe import MAX_DEPTH, TOO_DEEP, TooDeep, listed, read_values
from .otelspans import TraceRecords, hex_id, parent_id, span_items, span_kind_of, span_records, status_of
from .semconv import Event

_MARKER = re.compile(rb'"resource_?[sS]pans"\s*:')


def sniff(head: bytes, name: str) -> bool:
    """A JSON object whose first key (or any key in the first 64 KB) is ``resourceSpans``."""
    return head.lstrip()[:1] == b"{" and _MARKER.search(head) is not None


def read(stream: BinaryIO, name: str) -> Iterator[Item]:
    reader = _Reader()
    first = True
    for line, value, reason in read_values(stream, name):
        if reason is not None:
            yield Problem(reason, line)
            continue
        if first:
            first = False
            source = _service_name(value)
            if source:
                yield Record({"type": "bundle", "source": source}, line)
        if isinstance(value, dict) and isinstance(value.get("resourceSpans"), list):
            yield from reader.document(value["resourceSpans"], line)
        else:
            yield Problem("not an OTLP traces document (no 'resourceSpans' list)", line)
    for rec in reader.traces.rest():
        yield Record(rec)


def _service_name(doc: Any) -> str | None:
    try:
        for kv in doc["resourceSpans"][0]["resource"]["attributes"]:
            if kv.get("key") == "service.name":
                value = kv.get("value", {}).get("stringValue")
                if isinstance(value, str) and value.strip() and not value.startswith("unknown_service"):
                    return value.strip()
    except (KeyError, IndexError, TypeError, AttributeError):
        return None
    return None


def any_value(value: Any, depth: int = 0) -> Any:
    """A plain value from an OTLP ``AnyValue`` (values already plain are kept)."""
    if type(value) is not dict:
        return value
    if "stringValue" in value:
        return value["stringValue"]
    for kind, inner in value.items():
        if kind == "intValue":
            return _int(inner)
        if kind in ("boolValue", "bytesValue"):
            return inner
        if kind == "doubleValue":
            return _double(inner)
        if kind == "arrayValue":
            if depth >= MAX_DEPTH:
                raise TooDeep
            items = inner.get("values") if isinstance(inner, dict) else None
            return [any_value(v, depth + 1) for v in listed(items)]
        if kind == "kvlistValue":
            if depth >= MAX_DEPTH:
                raise TooDeep
            items = inner.get("values") if isinstance(inner, dict) else None
            return attributes(items, depth + 1)
    return None


def _int(value: Any) -> Any:
    try:
        number = int(value)
    except (TypeError, ValueError):
        return value
    return number if -(2**63) <= number < 2**64 else str(number)


def _double(value: Any) -> Any:
    if isinstance(value, str):
        try:
            return float(value)  # "NaN", "Infinity" as protobuf writes them
        except ValueError:
            return value
    return value


def attributes(items: Any, depth: int = 0) -> dict[str, Any]:
    """A list of OTLP ``KeyValue`` as a dict (raises TooDeep on a nesting bomb)."""
    out: dict[str, Any] = {}
    if type(items) is not list:
        return out
    for kv in items:
        try:
            key = kv["key"]
            value = kv["value"]
        except (KeyError, TypeError):
            if type(kv) is not dict or "key" not in kv:
                continue
            key, value = kv["key"], None
        if type(key) is not str:
            key = str(key)
        if type(value) is dict and "stringValue" in value:
            out[key] = value["stringValue"]
        else:
            out[key] = any_value(value, depth) if value is not None else None
    return out


def _safe_attributes(items: Any, what: str, problems: list[str]) -> dict[str, Any]:
    try:
        return attributes(items)
    except TooDeep:
        pass
    out = {}
    for kv in items:  # again one by one, to keep what is not too deep
        if type(kv) is dict:
            try:
                out[str(kv.get("key"))] = any_value(kv.get("value"))
            except TooDeep:
                out[str(kv.get("key"))] = TOO_DEEP
                problems.append(f"{what} attribute '{kv.get('key')}' is nested more than {MAX_DEPTH} "
                                "levels deep; replaced by a note")
    return out


def _time(value: Any) -> int | None:
    if type(value) is str:
        if value.isdigit():
            return int(value) or None
        return None
    if type(value) is int:
        return value or None
    if isinstance(value, float) and value.is_integer():
        return int(value) or None
    return None


def _links(raw: Any, targets: list[tuple[str, str]], problems: list[str]) -> list[dict[str, Any]]:
    """The links of a span as kept in its attributes; the (trace id, span id) of each go to
    ``targets`` (a carrier span's feedback is about the span it links to)."""
    kept = []
    for link in raw if isinstance(raw, list) else ():
        if type(link) is not dict:
            continue
        trace_id, span_id = hex_id(link.get("traceId"), 32), hex_id(link.get("spanId"), 16)
        if trace_id and span_id:
            targets.append((trace_id, span_id))
        entry: dict[str, Any] = {"trace_id": trace_id, "span_id": span_id}
        if link.get("attributes"):
            entry["attributes"] = _safe_attributes(link["attributes"], "link", problems)
        kept.append(entry)
    return kept


class _Reader:
    """Turns ``resourceSpans`` into records, keeping what spans of several lines share."""

    def __init__(self) -> None:
        self.traces = TraceRecords()

    def document(self, resource_spans: list[Any], line: int | None) -> Iterator[Item]:
        for i, rs in enumerate(resource_spans):
            if type(rs) is not dict:
                yield Problem("a resourceSpans entry must be an object", line, f"resourceSpans[{i}]")
                continue
            problems: list[str] = []
            resource = rs.get("resource")
            res_attrs = _safe_attributes(resource.get("attributes"), "resource", problems) \
                if type(resource) is dict else {}
            for reason in problems:
                yield Problem(reason, line, f"resourceSpans[{i}].resource")
            scope_spans = rs.get("scopeSpans")
            if scope_spans is None:
                scope_spans = rs.get("instrumentationLibrarySpans")  # OTLP before 0.15
            for j, ss in enumerate(scope_spans if isinstance(scope_spans, list) else ()):
                if type(ss) is not dict:
                    continue
                scope = ss.get("scope") or ss.get("instrumentationLibrary")
                scope_info = self._scope(scope) if type(scope) is dict else None
                spans = ss.get("spans")
                for k, span in enumerate(spans if isinstance(spans, list) else ()):
                    where = f"resourceSpans[{i}].scopeSpans[{j}].spans[{k}]"
                    yield from self.span(span, line, where, res_attrs, scope_info)

    @staticmethod
    def _scope(scope: dict[str, Any]) -> dict[str, Any] | None:
        info = {k: scope[k] for k in ("name", "version") if scope.get(k)}
        if scope.get("attributes"):
            try:
                info["attributes"] = attributes(scope["attributes"])
            except TooDeep:
                info["attributes"] = TOO_DEEP
        return info or None

    def span(self, span: Any, line: int | None, where: str, resource: dict[str, Any],
             scope: dict[str, Any] | None) -> Iterator[Item]:
        if type(span) is not dict:
            yield Problem("a span must be an object", line, where)
            return
        trace_id = hex_id(span.get("traceId"), 32)
        span_id = hex_id(span.get("spanId"), 16)
        if trace_id is None or span_id is None:
            missing = " and ".join(n for n, v in (("traceId", trace_id), ("spanId", span_id)) if v is None)
            yield Problem(f"span '{span.get('name', '')}' has no {missing}; skipped", line, where)
            return
        problems: list[str] = []
        attrs = _safe_attributes(span.get("attributes"), "span", problems)
        events = []
        for event in listed(span.get("events")):
            if type(event) is dict:
                events.append(Event(str(event.get("name") or ""), _time(event.get("timeUnixNano")),
                                    _safe_attributes(event.get("attributes"), "event", problems)))
        extra: dict[str, Any] = {}
        if resource:
            extra["otel.resource"] = resource
        if scope:
            extra["otel.scope"] = scope
        kind = span_kind_of(span.get("kind"))
        if kind:
            extra["otel.span_kind"] = kind
        links: list[tuple[str, str]] = []
        if span.get("links"):
            extra["otel.links"] = _links(span["links"], links, problems)
        if span.get("traceState"):
            extra["otel.trace_state"] = span["traceState"]
        for key in ("droppedAttributesCount", "droppedEventsCount", "droppedLinksCount"):
            if span.get(key):
                extra[f"otel.{key}"] = span[key]
        status = span.get("status")
        if type(status) is not dict:
            status = {}
        rec, mapped = span_records(
            trace_id=trace_id, span_id=span_id, parent=parent_id(span.get("parentSpanId")),
            name=span.get("name"), start=_time(span.get("startTimeUnixNano")),
            end=_time(span.get("endTimeUnixNano")), status=status_of(status.get("code", 0)),
            status_message=status.get("message"), attributes=attrs, events=events, links=links, extra=extra,
        )
        yield from span_items(rec, mapped, problems, self.traces, line, where)


FORMAT = Format("otlp", "OTLP/JSON traces", sniff=sniff, read=read, source="otel")
