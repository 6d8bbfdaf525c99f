"""Phoenix span JSON: spans as Arize Phoenix exports and serves them.

Each span is ``{id?, name, context{trace_id, span_id}, span_kind, parent_id, start_time,
end_time, status_code (OK | ERROR | UNSET), status_message, attributes, events[{name,
timestamp, attributes}]}``; files hold a JSON array of spans, JSON Lines of spans, or
``{"spans": [...]}`` / ``{"data": [...]}``. The dataframe form, with flat keys such as
``context.span_id`` and ``attributes.llm.model_name``, is read too.

Mapping: the attributes are OpenInference conventions, flat dotted keys or nested
objects (flattened here, lists of objects with zero-based indexes), read by
:mod:`.semconv`; ``span_kind`` is the kind where the attributes name none. Times are
ISO 8601 strings, UTC when they carry no offset. Phoenix's own row ``id`` and any other
field are kept in the attributes as ``phoenix.<field>``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any, BinaryIO

from .base import Format, Item, Problem, Record
from .jsonsafe import clean_attributes, listed, read_values
from .otelspans import TraceRecords, hex_id, parent_id, span_items, span_records, status_of
from .semconv import Event, flatten

_SPAN_KIND = re.compile(rb'"span_kind"\s*:')
_SPAN_ID = re.compile(rb'"(context\.)?span_id"\s*:')
_KNOWN = frozenset({"name", "context", "span_kind", "parent_id", "start_time", "end_time", "status_code",
                    "status_message", "attributes", "events"})
_OFFSET = re.compile(r"(Z|z|[+-]\d\d:?\d\d)$")


def sniff(head: bytes, name: str) -> bool:
    """Spans with a ``span_kind`` and a ``span_id`` (in ``context`` or flat)."""
    start = head.lstrip()[:1]
    return start in (b"{", b"[") and _SPAN_KIND.search(head) is not None and _SPAN_ID.search(head) is not None


def read(stream: BinaryIO, name: str) -> Iterator[Item]:
    traces = TraceRecords()
    for line, value, reason in read_values(stream, name):
        if reason is not None:
            yield Problem(reason, line)
            continue
        if isinstance(value, dict):
            for key in ("spans", "data"):
                if isinstance(value.get(key), list):
                    spans, prefix = value[key], key
                    break
            else:
                spans, prefix = [value], None
        elif isinstance(value, list):
            spans, prefix = value, ""
        else:
            yield Problem("not a span (a JSON object) nor a list of spans", line)
            continue
        for index, span in enumerate(spans):
            where = None if prefix is None else f"{prefix}[{index}]"
            yield from _span(span, line, where, traces)
    for rec in traces.rest():
        yield Record(rec)


def _unflat(span: dict[str, Any]) -> dict[str, Any]:
    """The dataframe form (``context.span_id``, ``attributes.x``) in the nested form."""
    out: dict[str, Any] = {}
    attrs: dict[str, Any] = dict(span.get("attributes") or {})
    context: dict[str, Any] = dict(span.get("context") or {})
    for key, value in span.items():
        if key.startswith("attributes."):
            if value is not None:
                attrs[key[11:]] = value
        elif key.startswith("context."):
            context[key[8:]] = value
        elif key not in ("attributes", "context"):
            out[key] = value
    out["attributes"] = attrs
    out["context"] = context
    return out


def _time(value: Any) -> Any:
    if isinstance(value, str) and value and not _OFFSET.search(value) and "T" in value:
        return value + "Z"  # Phoenix keeps UTC
    return value


def _span(span: Any, line: int | None, where: str | None, traces: TraceRecords) -> Iterator[Item]:
    if not isinstance(span, dict):
        yield Problem("a span must be a JSON object", line, where)
        return
    if "context.span_id" in span or any(k.startswith("attributes.") for k in span):
        span = _unflat(span)
    context = span.get("context") if isinstance(span.get("context"), dict) else {}
    trace_id = hex_id(context.get("trace_id"), 32)
    span_id = hex_id(context.get("span_id"), 16)
    if trace_id is None or span_id is None:
        missing = " and ".join(n for n, v in (("trace_id", trace_id), ("span_id", span_id)) if v is None)
        yield Problem(f"span '{span.get('name', '')}' has no context.{missing}; skipped", line, where)
        return
    problems: list[str] = []
    attrs = _attributes(span.get("attributes"), problems)
    events = []
    for event in listed(span.get("events")):
        if isinstance(event, dict):
            events.append(Event(str(event.get("name") or ""), _time(event.get("timestamp")),
                                _attributes(event.get("attributes"), problems)))
    extra = clean_attributes({f"phoenix.{k}": v for k, v in span.items() if k not in _KNOWN}, problems)
    rec, mapped = span_records(
        trace_id=trace_id, span_id=span_id, parent=parent_id(span.get("parent_id")), name=span.get("name"),
        start=_time(span.get("start_time")), end=_time(span.get("end_time")),
        status=status_of(span.get("status_code")), status_message=span.get("status_message"),
        attributes=attrs, events=events, extra=extra, kind_hint=span.get("span_kind"),
    )
    yield from span_items(rec, mapped, problems, traces, line, where)


def _attributes(raw: Any, problems: list[str]) -> dict[str, Any]:
    if not isinstance(raw, dict):
        return {}
    flat: dict[str, Any] = {}
    flatten(raw, "", flat)
    return clean_attributes(flat, problems)


FORMAT = Format("phoenix", "Phoenix span JSON", sniff=sniff, read=read, source="phoenix")
