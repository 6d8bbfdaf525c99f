"""Input formats, one module each; :data:`FORMATS` lists them in the order they are tried."""

from __future__ import annotations

from pathlib import Path

from . import (
    atif,
    harbor,
    inspect_ai,
    langfuse,
    langsmith,
    native,
    openhands,
    otel_sdk,
    otlp,
    phoenix,
    swe_agent,
    swe_bench,
    transcripts,
)
from .base import Format, Item, Problem, Record

# Most specific first: each sniff looks for keys only its own format writes.
FORMATS: list[Format] = [
    native.FORMAT, otlp.FORMAT, langfuse.FORMAT, langsmith.FORMAT, inspect_ai.FORMAT,
    otel_sdk.FORMAT, phoenix.FORMAT,
    # Agent trajectories and chat transcripts: the transcripts last, as the most general.
    swe_agent.FORMAT, swe_bench.FORMAT, openhands.FORMAT, atif.FORMAT, harbor.FORMAT,
    transcripts.FORMAT,
]


def by_name(name: str) -> Format:
    for fmt in FORMATS:
        if fmt.name == name:
            return fmt
    known = ", ".join(f.name for f in FORMATS)
    raise KeyError(f"unknown format '{name}' (known: {known})")


def known() -> str:
    """The formats Tracedesk reads, for a message about a file it could not place."""
    return (f"it reads: {'; '.join(f.label for f in FORMATS)}. If the file is one of them, name it with "
            f"--format {'|'.join(f.name for f in FORMATS)}")


def detect_path(path: Path) -> Format | None:
    """A format whose unit is the whole file at ``path`` (an archive), if one claims it."""
    for fmt in FORMATS:
        if fmt.sniff_path is not None and fmt.sniff_path(path):
            return fmt
    return None


def detect(head: bytes, name: str) -> Format | None:
    """The format of one file, from its first decompressed bytes and its name."""
    for fmt in FORMATS:
        if fmt.sniff is not None and fmt.sniff(head, name):
            return fmt
    return None


__all__ = ["FORMATS", "Format", "Item", "Problem", "Record", "by_name", "detect", "detect_path", "known"]
