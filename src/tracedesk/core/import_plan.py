"""What an import will read, worked out before anything is written.

Each path given is looked at once: its container (a file, a folder walked once, a zip),
the files in it, the format of each, and the source each file's traces go to, or why a
file is skipped. The result is a list of plain records that the loader
(:mod:`tracedesk.core.ingest`) reads and nothing else, so that where a file's traces go is
decided in one place, up front, for every file alike.

A file's source: the one the bundle names (a ``manifest.json`` at its root, else a
``bundle`` record in any of its native files), for every file of the bundle; where the
bundle names none, the one the file's format gives (OpenTelemetry spans are ``otel``),
else the bundle's file name. Only in that last case may a file still name its own, with
a bundle record before its first record (an OTLP file's service, an Inspect task): that
record is part of the file's content, read with it.
"""

from __future__ import annotations

import os
import zipfile
import zlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import orjson

from . import containers, formats
from .containers import ByteCounter, Entry, reason_of
from .errors import BundleError
from .formats import Format, Item

MANIFEST_LIMIT = 1_000_000  # bytes of a manifest read; a bundle record is a few hundred


@dataclass(frozen=True)
class Planned:
    """One file of an input: how it will be read and where its traces go, or why it is not read."""

    path_or_member: str  # as the user knows it: a path, or "bundle.zip!spans/part-1.jsonl"
    container: str  # where it was found: "file" (the path itself), "folder" or "zip"
    format: Format | None  # None when skipped
    source_name: str | None  # the source its records go to; None when skipped
    skipped_reason: str | None = None  # why it is not read, as the import reports it
    # The bundle named the source (a manifest or a bundle record): a bundle record inside
    # this file naming another one is reported, not followed.
    source_fixed: bool = False
    size: int = 0  # bytes on disk, for progress
    entry: Entry | None = None  # read as a stream by the format
    archive: Path | None = None  # read whole by the format (for a member of a zip: a copy)

    def items(self, counter: ByteCounter) -> Iterator[Item]:
        """The records and problems of the file; BundleError when it cannot be read at all."""
        if self.archive is not None:
            return _read_archive(self.format, self.archive, self.path_or_member)  # type: ignore[arg-type]
        return _read_entry(self.entry, self.format, counter)  # type: ignore[arg-type]


@dataclass(frozen=True)
class PathPlan:
    """What importing one path will read."""

    path: Path
    files: tuple[Planned, ...] = ()  # every file found, once, in the order they are read
    bundle: dict[str, Any] | None = None  # the bundle record (a manifest or a native line)
    error: str | None = None  # the path cannot be read at all: the message

    @property
    def to_read(self) -> list[Planned]:
        return [f for f in self.files if f.skipped_reason is None]

    @property
    def skipped(self) -> list[Planned]:
        return [f for f in self.files if f.skipped_reason is not None]

    @property
    def size(self) -> int:
        return sum(f.size for f in self.to_read)


def plan_paths(paths: Iterable[Path], forced: Format | None, scratch: Path) -> list[PathPlan]:
    """The plan of each path; an archive inside a zip that a format reads whole (an Inspect
    ``.eval`` log) is copied out to ``scratch``, which must outlive the import."""
    return [plan_path(path, forced, scratch) for path in paths]


def plan_path(path: Path, forced: Format | None, scratch: Path) -> PathPlan:
    try:
        return _plan(path, forced, scratch)
    except BundleError as exc:
        return PathPlan(path, error=str(exc))


def _plan(path: Path, forced: Format | None, scratch: Path) -> PathPlan:
    whole = forced if forced is not None and forced.read_path is not None else None
    if forced is None and path.is_file():
        whole = formats.detect_path(path)
    if whole is not None:  # the path is an archive its format reads whole; it yields its bundle record
        size = path.stat().st_size if path.is_file() else 0
        return PathPlan(path, (Planned(str(path), "file", whole, whole.source or path.name,
                                       size=size, archive=path),))
    found = containers.listing(path)
    files: list[Planned] = []
    manifest: Entry | None = None
    for entry in found.entries:
        if os.path.basename(entry.inner).lower() == "manifest.json":
            if entry.inner.lower() == "manifest.json" and found.kind != "file":
                manifest = entry
            continue
        files.append(_plan_entry(entry, found.kind, forced))
    for entry in found.others:
        files.append(_plan_other(path, entry, found.kind, forced, scratch))
    for name, target in found.links_outside:
        files.append(_skipped(name, found.kind, f"skipped: it is a link outside the folder (to {target})"))
    bundle = _read_manifest(manifest) if manifest is not None else None
    if bundle is None:
        bundle = _native_bundle_record(files)
    fixed = bundle is not None
    named = bundle_source(bundle, path.name)
    return PathPlan(path, tuple(
        f if f.skipped_reason is not None else _with_source(f, named if fixed else f.format.source or named, fixed)
        for f in files
    ), bundle)


def _plan_entry(entry: Entry, container: str, forced: Format | None) -> Planned:
    """A file read as a stream: its format from its first bytes and its name."""
    try:
        head = entry.head()
    except BundleError as exc:
        return _skipped(entry.name, container, f"{exc.reason}; skipped")
    if containers.looks_binary(head):
        return _skipped(entry.name, container, "binary data, not a trace bundle; skipped")
    fmt = forced or formats.detect(head, entry.name)
    if fmt is None or fmt.read is None:
        return _skipped(entry.name, container,
                        f"not a trace format Tracedesk knows ({formats.known()}); skipped")
    return Planned(entry.name, container, fmt, None, size=entry.size, entry=entry)


def _plan_other(path: Path, entry: Entry, container: str, forced: Format | None, scratch: Path) -> Planned:
    """A file of a folder or zip not named like a bundle file: read only when it is an
    archive a format reads whole (an Inspect ``.eval`` log)."""
    archive: Path | None = None
    fmt: Format | None = None
    if forced is None and entry.path is not None:
        archive = entry.path
        fmt = formats.detect_path(archive)
    elif forced is None and container == "zip" and entry.inner.lower().endswith(".eval"):
        try:
            archive = containers.extract_member(path, entry.inner, scratch)
        except (OSError, KeyError, zipfile.BadZipFile, zlib.error, EOFError) as exc:
            return _skipped(entry.name, container, f"cannot be read ({reason_of(exc)}); skipped")
        fmt = formats.detect_path(archive)
    if fmt is None or fmt.read_path is None:
        return _skipped(entry.name, container, "not a bundle file (.jsonl, .json); skipped")
    return Planned(entry.name, container, fmt, None, size=entry.size, archive=archive)


def _skipped(name: str, container: str, reason: str) -> Planned:
    return Planned(name, container, None, None, reason)


def _with_source(planned: Planned, source: str, fixed: bool) -> Planned:
    return Planned(planned.path_or_member, planned.container, planned.format, source, None, fixed,
                   planned.size, planned.entry, planned.archive)


def bundle_source(bundle: dict[str, Any] | None, default: str) -> str:
    """The source a bundle record names, else ``default``."""
    if bundle and isinstance(bundle.get("source"), str) and bundle["source"].strip():
        return bundle["source"].strip()
    return default


def _read_manifest(entry: Entry) -> dict[str, Any] | None:
    """The bundle record of a ``manifest.json`` at the root of a folder or zip (a link out
    of the folder is never among its files)."""
    try:
        with entry.open() as fh:
            raw = fh.read(MANIFEST_LIMIT)
        value = orjson.loads(raw)
    except (OSError, EOFError, zlib.error, zipfile.BadZipFile, orjson.JSONDecodeError):
        return None
    if isinstance(value, dict) and isinstance(value.get("bundle"), dict):
        value = value["bundle"]
    return value if isinstance(value, dict) else None


def _native_bundle_record(files: list[Planned]) -> dict[str, Any] | None:
    """A bundle record on any line of any native file. Records may come in any order, yet
    the source must be known before the first trace is stored; so native files are scanned
    for the word "bundle" first (cheap: lines without it are not parsed)."""
    for planned in files:
        if planned.entry is not None and planned.format is not None and planned.format.name == "native":
            found = _scan_for_bundle(planned.entry)
            if found is not None:
                return found
    return None


def _scan_for_bundle(entry: Entry) -> dict[str, Any] | None:
    try:
        with entry.open() as stream:
            for _, line in containers.iter_lines(stream):
                if line and b'"bundle"' in line:
                    try:
                        value = orjson.loads(line)
                    except orjson.JSONDecodeError:
                        continue
                    if isinstance(value, dict) and value.get("type") == "bundle":
                        return value
    except (OSError, EOFError, zlib.error, zipfile.BadZipFile):
        pass  # reported when the file is read for its records
    return None


def _read_archive(fmt: Format, path: Path, name: str) -> Iterator[Item]:
    """The items of an archive; its problems name it as the user knows it (a copy taken out
    of a zip has a temporary name)."""
    try:
        yield from fmt.read_path(path)  # type: ignore[misc]
    except BundleError as exc:
        raise BundleError(name, exc.reason.replace(str(path), name), exc.line) from exc


def _read_entry(entry: Entry, fmt: Format, counter: ByteCounter) -> Iterator[Item]:
    try:
        with entry.open(counter) as stream:
            yield from fmt.read(stream, entry.name)  # type: ignore[misc]
    except (OSError, EOFError, zipfile.BadZipFile, zlib.error) as exc:
        raise BundleError(entry.name, f"cannot be read to the end ({reason_of(exc)})") from exc
    except Exception as exc:
        if type(exc).__module__.startswith("zstd"):  # zstandard.ZstdError
            raise BundleError(entry.name, f"cannot be read to the end ({exc})") from exc
        raise
