"""Our own trace bundle format: JSON Lines, one record per line (``docs/bundle-format.md``)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import BinaryIO

import orjson

from ..containers import iter_lines
from ..records import RECORD_TYPES
from .base import Format, Item, Problem, Record


def sniff(head: bytes, name: str) -> bool:
    """The first line that holds anything is a JSON object with a native record type."""
    for line in head.splitlines()[:20]:
        if not line.strip():
            continue
        try:
            value = orjson.loads(line)
        except orjson.JSONDecodeError:
            return False
        kind = value.get("type") if isinstance(value, dict) else None
        return isinstance(kind, str) and kind in RECORD_TYPES
    return name.lower().endswith((".jsonl", ".jsonl.gz", ".jsonl.zst")) and not head.strip()


def read(stream: BinaryIO, name: str) -> Iterator[Item]:
    loads = orjson.loads
    for number, line in iter_lines(stream):
        if line is None:
            yield Problem("the line is longer than any record should be; skipped", number)
            continue
        if not line.strip():
            continue
        try:
            value = loads(line)
        except orjson.JSONDecodeError as exc:
            yield Problem(f"not valid JSON ({_json_reason(exc)})", number)
            continue
        if not isinstance(value, dict):
            yield Problem("a record must be a JSON object", number)
            continue
        yield Record(value, number)


def _json_reason(exc: orjson.JSONDecodeError) -> str:
    msg = str(exc)
    if "recursion" in msg or "depth limit" in msg:
        return "nested too deeply"
    return msg.split(":", 1)[0]


FORMAT = Format("native", "Tracedesk bundle", sniff=sniff, read=read)
