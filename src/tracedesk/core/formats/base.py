"""What every input format provides, and what it yields.

A format turns a file into native bundle records (``docs/bundle-format.md``): plain
dicts with a ``type`` of ``bundle``, ``trace``, ``span`` or ``feedback``. The import
pipeline (``core.ingest``) checks them, stores them and reports problems, the same way
for every format. A reader yields :class:`Record` for each record and :class:`Problem`
for each part of the file it could not read; it raises
:class:`~tracedesk.core.errors.BundleError` when the file cannot be read at all.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO


@dataclass(slots=True)
class Record:
    data: dict[str, Any]
    line: int | None = None  # 1-based line of the file, where the format has lines
    where: str | None = None  # a position inside a document, e.g. "observations[3]"


@dataclass(slots=True)
class Problem:
    reason: str
    line: int | None = None
    where: str | None = None


Item = Record | Problem


@dataclass(frozen=True)
class Format:
    """One input format.

    Most formats read one file at a time (``sniff`` looks at its first decompressed bytes
    and its name; ``read`` gets the decompressed stream). A format whose unit is a whole
    archive (an Inspect ``.eval`` zip) sets ``sniff_path`` and ``read_path`` instead.
    """

    name: str
    label: str
    sniff: Callable[[bytes, str], bool] | None = None
    read: Callable[[BinaryIO, str], Iterator[Item]] | None = None
    sniff_path: Callable[[Path], bool] | None = None
    read_path: Callable[[Path], Iterator[Item]] | None = None
    # The source of a file that names none (no bundle record): formats whose trace ids are
    # unique by themselves (OpenTelemetry's 128-bit ids) name a fixed one, so that the same
    # spans imported from another file name, compressed, or inside a folder or a zip are the
    # same traces. None: the bundle's file name, as the native format's contract says.
    source: str | None = None
