"""What the OTel-shaped formats share once a span's fields are read: ids, status codes,
building the native span (and feedback) records, and trace records for sessions.

A format reads its own container and field spellings, then calls :func:`span_records`
with plain values; :mod:`.semconv` maps the attributes. Traces are built by the import
pipeline from their root spans; :class:`TraceRecords` adds a trace record only for a trace
whose spans name a session or a user, filled from the root span the way the pipeline
would fill it (name, status, input, output).
"""

from __future__ import annotations

import base64
import binascii
from collections import OrderedDict
from collections.abc import Iterator, Sequence
from typing import Any

from .base import Item, Problem, Record
from .semconv import Event, SpanFields, map_span

_HEX = frozenset("0123456789abcdefABCDEF")
_B64_WIDTH = {32: 24, 16: 12}  # hex digits of an id -> characters of its base64 form


def hex_id(value: Any, width: int) -> str | None:
    """An id as lower-case hex: integers (OTel SDK JSON) are written with ``width`` digits,
    ``0x``-prefixed and upper-case hex is normalised, and base64 ids (protobuf's default
    JSON mapping: 24 characters for a trace, 12 for a span) are converted. Any other
    non-empty string is kept as it came; nothing usable gives None."""
    if type(value) is str:
        n = len(value)
        if n == width:
            return value.lower()
        if not value:
            return None
        if n == _B64_WIDTH.get(width) or not _HEX.issuperset(value):
            if value[:2] in ("0x", "0X") and _HEX.issuperset(value[2:]):
                return value[2:].lower().rjust(width, "0")
            try:
                raw = base64.b64decode(value, validate=True)
            except (binascii.Error, ValueError):
                raw = b""
            if len(raw) * 2 == width:
                return raw.hex()
            return value
        return value.lower()
    if isinstance(value, int) and not isinstance(value, bool):
        return format(value, f"0{width}x") if value >= 0 else str(value)
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return None


def parent_id(value: Any) -> str | None:
    """A parent span id; empty, missing or all zeros means a root span."""
    parent = hex_id(value, 16)
    if parent is None or not parent.strip("0"):
        return None
    return parent


_STATUS = {
    0: "unset", 1: "ok", 2: "error", "0": "unset", "1": "ok", "2": "error",
    "unset": "unset", "ok": "ok", "error": "error", "status_code_unset": "unset",
    "status_code_ok": "ok", "status_code_error": "error", "statuscode.unset": "unset",
    "statuscode.ok": "ok", "statuscode.error": "error",
}


def status_of(code: Any) -> str | None:
    """``"ok"``, ``"error"`` or ``"unset"`` from any spelling of an OTel status code
    (``2``, ``"STATUS_CODE_ERROR"``, ``"StatusCode.ERROR"``, ``"ERROR"``...)."""
    if code is None:
        return None
    if isinstance(code, str):
        return _STATUS.get(code.lower())
    return _STATUS.get(code) if type(code) is int else None


_KINDS = {0: None, 1: "internal", 2: "server", 3: "client", 4: "producer", 5: "consumer"}


def span_kind_of(kind: Any) -> str | None:
    """The OTel span kind as a word (``client``...), from an integer or any spelling."""
    if type(kind) is int:
        return _KINDS.get(kind)
    if isinstance(kind, str) and kind:
        word = kind.rsplit(".", 1)[-1].lower().removeprefix("span_kind_")
        return None if word == "unspecified" else word
    return None


def span_records(
    *,
    trace_id: str,
    span_id: str,
    parent: str | None,
    name: Any,
    start: Any,
    end: Any,
    status: str | None,
    status_message: Any,
    attributes: dict[str, Any],
    events: Sequence[Event] = (),
    links: Sequence[tuple[str, str]] = (),
    extra: dict[str, Any] | None = None,
    kind_hint: str | None = None,
) -> tuple[dict[str, Any], SpanFields]:
    """The native span record of one span, and what :func:`~.semconv.map_span` found
    (its feedback records, session and user). ``extra`` (resource, scope, links...) joins
    the attributes under its own keys."""
    name = None if name is None else str(name)
    mapped = map_span(attributes, events, trace_id=trace_id, span_id=span_id, name=name, status=status,
                      status_message=None if status_message in (None, "") else str(status_message),
                      kind_hint=kind_hint, links=links)
    rec: dict[str, Any] = {"type": "span", "trace_id": trace_id, "span_id": span_id, "parent_id": parent,
                           "name": name, "kind": mapped.kind}
    if start is not None:
        rec["start_time"] = start
    if end is not None:
        rec["end_time"] = end
    if mapped.status is not None:
        rec["status"] = mapped.status
    if mapped.error is not None:
        rec["error"] = mapped.error
    rec.update(mapped.fields)
    attrs = mapped.attributes
    if extra:
        for key, value in extra.items():
            attrs.setdefault(key, value)
    if attrs:
        rec["attributes"] = attrs
    return rec, mapped


def span_items(rec: dict[str, Any], mapped: SpanFields, problems: list[str], traces: TraceRecords,
               line: int | None, where: str | None) -> Iterator[Item]:
    """What one span gives the pipeline: its problems, its record, its feedback, and the
    trace record it completes (if any)."""
    for reason in problems:
        yield Problem(reason, line, where)
    yield Record(rec, line, where)
    for feedback in mapped.feedback:
        yield Record(feedback, line, where)
    trace = traces.add(rec, mapped.session_id, mapped.user_id)
    if trace is not None:
        yield Record(trace, line, where)


class TraceRecords:
    """Trace records for the traces whose spans name a session or a user.

    A trace record replaces what the pipeline would derive from the root span, so it is
    written once both the session (or user) and the root span are known, with the root's
    name, status, input and output. Spans of one trace may be far apart in a file: roots
    seen without a session are remembered (the most recent ones), and a trace whose root
    never comes gets a record with its session and user alone at the end.
    """

    REMEMBERED_ROOTS = 10_000

    def __init__(self) -> None:
        self._waiting: dict[str, list[Any]] = {}  # trace id -> [session, user, root summary]
        self._roots: OrderedDict[str, dict[str, Any]] = OrderedDict()
        self._done: set[str] = set()

    def add(self, span: dict[str, Any], session: str | None, user: str | None) -> dict[str, Any] | None:
        """Note one span record; returns a trace record when one is complete."""
        trace_id = span["trace_id"]
        if trace_id in self._done:
            return None
        entry = self._waiting.get(trace_id)
        if session or user:
            if entry is None:
                entry = self._waiting[trace_id] = [session, user, self._roots.pop(trace_id, None)]
            else:
                entry[0] = entry[0] or session
                entry[1] = entry[1] or user
        if span.get("parent_id") is None:
            summary = {k: span[k] for k in ("name", "status", "input", "output") if span.get(k) is not None}
            if entry is None:
                self._roots[trace_id] = summary
                if len(self._roots) > self.REMEMBERED_ROOTS:
                    self._roots.popitem(last=False)
                return None
            if entry[2] is None:
                entry[2] = summary
        if entry is not None and entry[2] is not None:
            del self._waiting[trace_id]
            self._done.add(trace_id)
            return self._record(trace_id, entry)
        return None

    def rest(self) -> list[dict[str, Any]]:
        """Records for traces with a session or user whose root span was not in the file."""
        out = [self._record(trace_id, entry) for trace_id, entry in self._waiting.items()]
        self._waiting.clear()
        return out

    @staticmethod
    def _record(trace_id: str, entry: list[Any]) -> dict[str, Any]:
        rec: dict[str, Any] = {"type": "trace", "trace_id": trace_id}
        if entry[0]:
            rec["session_id"] = entry[0]
        if entry[1]:
            rec["user_id"] = entry[1]
        if entry[2]:
            rec.update(entry[2])
        return rec
