"""Reading JSON from untrusted files without letting it break what comes after.

orjson reads 1,024 levels of nesting but writes only 254, and writes no integer beyond
64 bits: a value that passes the reader can still crash the store. Everything the
OTel-shaped formats put into a record goes through these guards, so that a nesting
bomb becomes a reported problem instead of an exception.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import IO, Any

import orjson

from ..containers import MAX_LINE
from ..errors import BundleError

MAX_DEPTH = 64  # levels of nesting a value keeps; deeper parts are cut
TOO_DEEP = "[nested too deeply]"
_INT_MIN, _INT_MAX = -(2**63), 2**64 - 1


class TooDeep(ValueError):
    """A value nests deeper than :data:`MAX_DEPTH`."""


def depth_ok(value: Any, limit: int = MAX_DEPTH) -> bool:
    """Whether ``value`` nests no deeper than ``limit`` containers (iterative: safe on bombs)."""
    stack = [(value, 0)]
    while stack:
        item, depth = stack.pop()
        if isinstance(item, dict):
            if depth >= limit:
                return False
            stack.extend((v, depth + 1) for v in item.values() if isinstance(v, dict | list))
        elif isinstance(item, list):
            if depth >= limit:
                return False
            stack.extend((v, depth + 1) for v in item if isinstance(v, dict | list))
    return True


def listed(value: Any) -> list[Any]:
    """``value`` where a list is expected: itself if it is one, else nothing (an export's
    ``"events": true`` or ``"scores": 3.5`` holds no item to read)."""
    return value if isinstance(value, list) else []


def id_key(value: Any) -> str | int | float | None:
    """An id as a key to compare by: a string or number as it is, anything else (an object
    or a list where an id should be) as its JSON text."""
    if value is None or isinstance(value, str | int | float):
        return value
    try:
        return orjson.dumps(value, option=orjson.OPT_SORT_KEYS | orjson.OPT_NON_STR_KEYS).decode()
    except orjson.JSONEncodeError:  # nested too deeply to write: all such ids alike
        return type(value).__name__


def loads_text(value: Any) -> Any:
    """JSON text (an object, an array, or a JSON string, even encoded twice) as the value it
    encodes; any other value, text that is not JSON and JSON nested too deeply, as it came."""
    for _ in range(3):
        if not isinstance(value, str):
            return value
        text = value.lstrip()
        if not text or text[0] not in _JSON_STARTS:
            return value
        try:
            parsed = orjson.loads(text)
        except orjson.JSONDecodeError:
            return value
        if isinstance(parsed, dict | list):
            if text.count("[") + text.count("{") > MAX_DEPTH and not depth_ok(parsed):
                return value
            return parsed
        value = parsed
    return value


_JSON_STARTS = frozenset('[{"')


def loads_any(value: Any) -> Any:
    """Text that a source declares to be JSON (``null``, numbers and literals too) as the
    value it encodes; text that is not JSON, or nested too deeply, as it came."""
    if not isinstance(value, str):
        return value
    try:
        parsed = orjson.loads(value)
    except orjson.JSONDecodeError:
        return value
    deep = isinstance(parsed, dict | list) and value.count("[") + value.count("{") > MAX_DEPTH
    return value if deep and not depth_ok(parsed) else parsed


def clean(value: Any, depth: int = 0) -> Any:
    """``value`` made safe to store: containers deeper than MAX_DEPTH raise TooDeep, and
    integers beyond 64 bits become strings."""
    if isinstance(value, dict):
        if depth >= MAX_DEPTH:
            raise TooDeep
        return {str(k): clean(v, depth + 1) for k, v in value.items()}
    if isinstance(value, list):
        if depth >= MAX_DEPTH:
            raise TooDeep
        return [clean(v, depth + 1) for v in value]
    if type(value) is int and not _INT_MIN <= value <= _INT_MAX:
        return str(value)
    return value


def clean_attributes(attrs: dict[str, Any], problems: list[str]) -> dict[str, Any]:
    """Attributes made safe to store; a value nested too deeply is replaced (and reported)."""
    out = {}
    for key, value in attrs.items():
        if isinstance(value, dict | list) or type(value) is int:
            try:
                value = clean(value)
            except TooDeep:
                problems.append(f"attribute '{key}' is nested more than {MAX_DEPTH} levels deep; "
                                "replaced by a note")
                value = TOO_DEEP
        out[str(key)] = value
    return out


def json_reason(exc: Exception) -> str:
    msg = str(exc)
    if isinstance(exc, RecursionError) or "recursion" in msg or "depth limit" in msg:
        return "nested too deeply"
    return msg.split(":", 1)[0]


Value = tuple[int | None, Any, str | None]  # (line, value, reason it could not be read)


def read_values(stream: IO[bytes], name: str, loads: Any = orjson.loads) -> Iterator[Value]:
    """The JSON values of a file: one per line of a JSON Lines file, or one for a file
    holding one document (several for pretty-printed documents one after another). Each
    comes as ``(line, value, None)``, or ``(line, None, reason)`` for a line that is not
    JSON; the line is None for a whole document.

    The first line that holds anything decides: when it is a complete JSON object or
    array the file is read as JSON Lines, streaming; otherwise it is read whole. Raises
    BundleError when the file is not JSON at all.
    """
    number = 0
    while True:
        first = stream.readline(MAX_LINE)
        number += 1
        if not first or first.strip():
            break
    if not first:
        return
    if first.endswith(b"\n") or len(first) < MAX_LINE:
        try:
            value = loads(first)
        except (ValueError, RecursionError):
            value = None
        if isinstance(value, dict | list):
            yield number, value, None
            yield from _lines(iter(lambda: stream.readline(MAX_LINE), b""), number, loads)
            return
    yield from _document(first + stream.read(), number - 1, name, loads)


def _lines(lines: Iterator[bytes], number: int, loads: Any) -> Iterator[Value]:
    skipping = False
    for line in lines:
        if skipping:  # the rest of an over-long line
            skipping = not line.endswith(b"\n")
            continue
        number += 1
        if len(line) == MAX_LINE and not line.endswith(b"\n"):
            skipping = True
            yield number, None, "the line is longer than any record should be; skipped"
            continue
        if not line.strip():
            continue
        try:
            yield number, loads(line), None
        except (ValueError, RecursionError) as exc:
            yield number, None, f"not valid JSON ({json_reason(exc)})"


def _document(data: bytes, skipped: int, name: str, loads: Any) -> Iterator[Value]:
    try:
        yield None, loads(data), None
        return
    except (ValueError, RecursionError) as exc:
        error = exc
    if "trailing" in str(error) or "Extra data" in str(error):
        values = _concatenated(data)  # pretty-printed documents one after another
        if values is not None:
            for value in values:
                yield None, value, None
            return
    # JSON Lines whose first line is broken: read line by line if any other line is JSON.
    items = list(_lines(iter(data.splitlines(keepends=True)), skipped, loads))
    if any(reason is None and isinstance(value, dict | list) for _, value, reason in items):
        yield from items
        return
    reason = json_reason(error)
    if "end of data" in reason or "EOF" in reason:  # a download or copy that stopped short
        reason += "; the file ends in the middle of a value: copy or export it again"
    raise BundleError(name, f"not valid JSON ({reason})")


def _concatenated(data: bytes) -> list[Any] | None:
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        return None
    decoder = json.JSONDecoder()
    values, pos, end = [], 0, len(text)
    try:
        while pos < end:
            while pos < end and text[pos].isspace():
                pos += 1
            if pos == end:
                break
            value, pos = decoder.raw_decode(text, pos)
            values.append(value)
    except (ValueError, RecursionError):
        return None
    return values
