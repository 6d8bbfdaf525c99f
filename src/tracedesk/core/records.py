"""Native bundle records (``docs/bundle-format.md``) checked and turned into table rows.

Every input format is read into these records first, so this is the one place that
decides what a trace, a span and a feedback record are. A record missing a required
field is refused; a field of the wrong type is reported, left out of its column, and
kept as it came among the record's extra fields, so nothing a source sent is dropped.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from typing import Any

import orjson

# The times of records are read in their own module; the names stay importable from here.
from .times import (  # noqa: F401 - format_time, parse_time and TimeOutOfRange re-exported
    INT64_MAX,
    INT64_MIN,
    TimeOutOfRange,
    common_time,
    fits_int64,
    format_time,
    parse_time,
)

SPAN_KINDS = frozenset({"llm", "tool", "retrieval", "embedding", "agent", "chain", "guardrail", "other"})
STATUSES = frozenset({"ok", "error"})
RECORD_TYPES = frozenset({"bundle", "trace", "span", "feedback"})
WELL_KNOWN_METADATA = ("model", "prompt_version", "app_version", "environment")
# The token counts a span's ``usage`` names, each kept in the span column of the same name.
# Cached and reasoning tokens are counted as the source counted them: whether they are also
# part of ``input_tokens`` / ``output_tokens`` depends on the provider, so totals add input
# and output only.
USAGE_KEYS = ("input_tokens", "output_tokens", "cache_read_tokens", "cache_write_tokens", "reasoning_tokens")

Warn = Callable[[str], None]

class RecordRefused(ValueError):
    """The record cannot be imported (a required field is missing or unusable)."""


def dumps(value: Any) -> str | None:
    if value is None:
        return None
    try:
        return orjson.dumps(value).decode()
    except orjson.JSONEncodeError as exc:  # nesting deeper than 254 levels, for one
        raise RecordRefused(f"a value cannot be stored ({exc})") from exc


def record_id(value: Any, field: str) -> str:
    """A required id: a string, or a number turned into one. An id with a control
    character (a NUL, a terminal escape) is no id an exporter writes: refused, not stored."""
    if isinstance(value, str) and value:
        if not value.isprintable() and any(ord(c) < 32 or 127 <= ord(c) < 160 for c in value):
            raise RecordRefused(f"'{field}' holds a control character ({value!r})")
        return value
    if isinstance(value, int | float) and not isinstance(value, bool):
        return str(int(value)) if float(value).is_integer() else str(value)
    if value is None or value == "":
        raise RecordRefused(f"required field '{field}' is missing")
    raise RecordRefused(f"'{field}' must be a string, not {_type_name(value)}")


def _type_name(value: Any) -> str:
    return {dict: "an object", list: "an array", str: "a string", bool: "true/false"}.get(
        type(value), "a number" if isinstance(value, int | float) else type(value).__name__
    )


class _Fields:
    """Reads the fields of one record, warning about (and setting aside) bad values."""

    def __init__(self, rec: dict[str, Any], what: str, warn: Warn, known: frozenset[str]) -> None:
        self.rec = rec
        self.what = what
        self.warn = warn
        self.extra: dict[str, Any] = {} if rec.keys() <= known else {
            k: v for k, v in rec.items() if k not in known}

    def bad(self, field: str, expected: str) -> None:
        value = self.rec[field]
        got = repr(value) if isinstance(value, str) and len(value) < 40 else _type_name(value)
        self.warn(f"{self.what}: '{field}' should be {expected}, not {got}; kept as it came")
        self.extra[field] = value

    def str(self, field: str) -> str | None:
        value = self.rec.get(field)
        if value is None or type(value) is str or isinstance(value, str):
            return value
        if isinstance(value, int | float) and not isinstance(value, bool):
            return str(value)
        self.bad(field, "a string")
        return None

    def choice(self, field: str, allowed: frozenset[str], default: str | None = None) -> str | None:
        value = self.rec.get(field)
        if value is None:
            return default
        if type(value) is str and value in allowed:  # as it mostly comes: lowercase already
            return value
        if isinstance(value, str) and value.lower() in allowed:
            return value.lower()
        self.bad(field, "one of " + ", ".join(sorted(allowed)))
        return default

    def time(self, field: str) -> int | None:
        value = self.rec.get(field)
        if value is None:
            return None
        if type(value) is str:  # the common shape, without the calls of parse_time
            ns = common_time(value)
            if ns is not None and INT64_MIN <= ns <= INT64_MAX:
                return ns
        try:
            ns, has_offset = parse_time(value)
        except TimeOutOfRange:
            self.bad(field, "a time between the years 1677 and 2262 (the range Tracedesk can store)")
            return None
        except ValueError:
            self.bad(field, "an RFC 3339 time or integer nanoseconds")
            return None
        if not has_offset:
            self.warn(f"{self.what}: '{field}' has no UTC offset; read as UTC")
        return ns

    def number(self, field: str) -> float | None:
        value = self.rec.get(field)
        if value is None or isinstance(value, float):
            return value
        if isinstance(value, int) and not isinstance(value, bool):
            if fits_int64(value):
                return value
            self.bad(field, "a number within 64 bits")
            return None
        self.bad(field, "a number")
        return None

    def obj(self, field: str) -> dict[str, Any] | None:
        value = self.rec.get(field)
        if value is None or type(value) is dict or isinstance(value, dict):
            return value
        self.bad(field, "an object")
        return None


TRACE_FIELDS = frozenset(
    {"type", "trace_id", "session_id", "user_id", "name", "start_time", "end_time", "status",
     "input", "output", "metadata", "tags"}
)
SPAN_FIELDS = frozenset(
    {"type", "trace_id", "span_id", "parent_id", "name", "kind", "start_time", "end_time",
     "status", "error", "input", "output", "model", "usage", "cost_usd", "attributes"}
)
# The trace columns a trace record fills (those :func:`trace_row` gives, but its ids). A
# trace first known only from its spans takes them when its record arrives, on import
# and on merge alike.
TRACE_RECORD_COLUMNS = (
    "has_record", "session_id", "user_id", "name", "start_ns", "end_ns", "status", "input",
    "output", "metadata", "tags", "model", "prompt_version", "app_version", "environment",
)
FEEDBACK_FIELDS = frozenset(
    {"type", "trace_id", "span_id", "kind", "value", "scale", "comment", "correction", "source",
     "author", "time"}
)


def trace_row(rec: dict[str, Any], warn: Warn) -> dict[str, Any]:
    """The columns of a trace record (without ``source_id``)."""
    get = rec.get
    trace_id = record_id(get("trace_id"), "trace_id")
    f = _Fields(rec, f"trace {trace_id}", warn, TRACE_FIELDS)
    metadata = get("metadata")
    if type(metadata) is not dict:
        metadata = f.obj("metadata")
    metadata = metadata or {}
    tags = get("tags")
    if tags is not None and not (isinstance(tags, list) and all(isinstance(t, str) for t in tags)):
        f.bad("tags", "an array of strings")
        tags = None
    # As in span_row: a value of its column's type is used as it is, in the fields' order.
    session_id, user_id, name = get("session_id"), get("user_id"), get("name")
    if session_id is not None and type(session_id) is not str:
        session_id = f.str("session_id")
    if user_id is not None and type(user_id) is not str:
        user_id = f.str("user_id")
    if name is not None and type(name) is not str:
        name = f.str("name")
    start_ns, end_ns = f.time("start_time"), f.time("end_time")
    status = get("status")
    if status is not None and (type(status) is not str or status not in STATUSES):
        status = f.choice("status", STATUSES)
    row = {
        "trace_id": trace_id,
        "has_record": True,
        "session_id": session_id,
        "user_id": user_id,
        "name": name,
        "start_ns": start_ns,
        "end_ns": end_ns,
        "status": status,
        "input": dumps(get("input")),
        "output": dumps(get("output")),
        "tags": dumps(tags) if tags else None,
    }
    # Fields the format does not name, and values set aside, join the metadata: under
    # their own name, or "record.<name>" where the metadata already has that key.
    for key, value in f.extra.items():
        metadata.setdefault(key if key not in metadata else f"record.{key}", value)
    row["metadata"] = dumps(metadata) if metadata else None
    for key in WELL_KNOWN_METADATA:
        value = metadata.get(key)
        row[key] = None if value is None else value if type(value) is str else str(value)
    return row


_NO_USAGE: dict[str, Any] = {}


def span_row(rec: dict[str, Any], warn: Warn) -> dict[str, Any]:
    """The columns of a span record (``trace_id`` stands in for ``trace_pk``).

    Called once per span, so a value of the type its column takes is used as it is, here;
    any other goes through the field readers, which convert it or report and keep it."""
    get = rec.get
    trace_id = record_id(get("trace_id"), "trace_id")
    span_id = record_id(get("span_id"), "span_id")
    f = _Fields(rec, f"span {span_id}", warn, SPAN_FIELDS)
    parent = get("parent_id")
    parent_id = None if parent is None or parent == "" else record_id(parent, "parent_id")
    if parent_id == span_id:
        warn(f"span {span_id}: it names itself as its parent; shown as a root")
        f.extra["parent_id"] = parent_id
        parent_id = None
    usage = get("usage")
    if usage is not None and type(usage) is not dict:
        usage = f.obj("usage")
    error = get("error")
    if error is not None and not isinstance(error, dict):
        error = {"message": error if isinstance(error, str) else dumps(error)}
    attributes = get("attributes")
    if attributes is not None and type(attributes) is not dict:
        attributes = f.obj("attributes")
    added: dict[str, Any] = {}  # what joins the attributes: usage the columns do not hold, as it came
    tokens: dict[str, int | None] = {}
    if usage:
        left: dict[str, Any] = {}
        for key, value in usage.items():
            if key not in USAGE_KEYS:
                left[key] = value
            elif value is not None and not (isinstance(value, int) and not isinstance(value, bool)
                                            and fits_int64(value)):
                warn(f"span {span_id}: 'usage.{key}' should be a whole number within 64 bits; "
                     "kept as it came")
                left[key] = value
            else:
                tokens[key] = value
        if left:
            added["usage" if not attributes or "usage" not in attributes else "record.usage"] = left
    name = get("name")
    if name is not None and type(name) is not str:
        name = f.str("name")
    kind = get("kind")
    if type(kind) is not str or kind not in SPAN_KINDS:
        kind = f.choice("kind", SPAN_KINDS, default="other")
    start_ns = f.time("start_time")
    end_ns = f.time("end_time")
    status = get("status")
    if status is not None and (type(status) is not str or status not in STATUSES):
        status = f.choice("status", STATUSES)
    # In the order the fields are reported: a value that cannot be stored refuses the
    # record before the fields after it are looked at.
    error_text = None if error is None else dumps(error)
    input_text, output_text = dumps(get("input")), dumps(get("output"))
    model = get("model")
    if model is not None and type(model) is not str:
        model = f.str("model")
    cost = get("cost_usd")
    if cost is not None and type(cost) is not float:
        cost = f.number("cost_usd")
    row = {
        "trace_id": trace_id,
        "span_id": span_id,
        "parent_id": parent_id,
        "name": name,
        "kind": kind,
        "start_ns": start_ns,
        "end_ns": end_ns,
        "status": status or ("error" if error else None),
        "error": error_text,
        "input": input_text,
        "output": output_text,
        "model": model,
        "input_tokens": None, "output_tokens": None, "cache_read_tokens": None,
        "cache_write_tokens": None, "reasoning_tokens": None,  # USAGE_KEYS
        "cost_usd": cost,
    }
    if tokens:
        row.update(tokens)
    if added or f.extra:
        attributes = {**attributes, **added} if attributes else added
        for key, value in f.extra.items():
            attributes.setdefault(key if key not in attributes else f"record.{key}", value)
    row["attributes"] = dumps(attributes) if attributes else None
    return row


def feedback_row(rec: dict[str, Any], source: str, warn: Warn) -> dict[str, Any]:
    """The columns of a feedback record (``trace_id`` stands in for ``trace_pk``).

    Feedback is identified by its content: the same record imported again is the same
    feedback, so its hash covers the whole record and the source it belongs to. The
    record's own ``source`` (user, reviewer...) is a field like any other: it must not
    stand in for the bundle's source, or the same thumbs-down sent to two bots would be
    one feedback. Records without one hash as they always have.
    """
    trace_id = record_id(rec.get("trace_id"), "trace_id")
    kind = rec.get("kind")
    if not isinstance(kind, str) or not kind:
        raise RecordRefused("required field 'kind' is missing")
    f = _Fields(rec, f"feedback on trace {trace_id}", warn, FEEDBACK_FIELDS)
    value = rec.get("value")
    if value is not None and not isinstance(value, str | int | float | bool):
        f.bad("value", "a number, string or true/false")
        value = None
    scale = rec.get("scale")
    scale_min = scale_max = None
    if scale is not None:
        if (isinstance(scale, list) and len(scale) == 2
                and all(isinstance(x, int | float) and not isinstance(x, bool) for x in scale)):
            scale_min, scale_max = scale
        else:
            f.bad("scale", "[min, max]")
    span = rec.get("span_id")
    if "source" in rec:
        identity: Any = [source, rec]
    else:
        identity = {"source": source, **rec}
    content = orjson.dumps(identity, option=orjson.OPT_SORT_KEYS)
    row = {
        "content_hash": hashlib.sha256(content).hexdigest(),
        "trace_id": trace_id,
        "span_id": None if span in (None, "") else record_id(span, "span_id"),
        "kind": kind.lower(),
        "value": dumps(value),
        "scale_min": scale_min,
        "scale_max": scale_max,
        "comment": f.str("comment"),
        "correction": dumps(rec.get("correction")),
        "feedback_source": f.str("source"),
        "author": f.str("author"),
        "time_ns": f.time("time"),
        "extra": dumps(f.extra) if f.extra else None,
    }
    if "source" in rec:
        # How such a record was identified before: a database may hold it under this
        # hash, which the import takes for the same feedback when its source is the same.
        row["earlier_hash"] = hashlib.sha256(orjson.dumps(rec, option=orjson.OPT_SORT_KEYS)).hexdigest()
    return row
