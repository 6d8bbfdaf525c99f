"""The files inside what a user imports: a file (plain, gzip or zstd), a folder, a zip.

Each yields :class:`Entry` objects that open as streams of decompressed bytes. Guards
against hostile input live here: zip entries that expand beyond a sane ratio, lines
longer than any record should be, binary files, and links in a folder that point
outside it (a bundle cannot make an import read other files of the disk).
"""

from __future__ import annotations

import gzip
import io
import shutil
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from .errors import BundleError

GZIP_MAGIC = b"\x1f\x8b"
ZSTD_MAGIC = b"\x28\xb5\x2f\xfd"
ZIP_MAGIC = b"PK\x03\x04"

MAX_LINE = 64 * 1024 * 1024  # one record; a longer line is reported and skipped
MAX_ZIP_RATIO = 100  # uncompressed / compressed size of one zip entry
ZIP_RATIO_FLOOR = 8 * 1024 * 1024  # entries smaller than this are never refused for ratio
MAX_ZIP_TOTAL = 64 * 1024**3
# A gzip or zstd stream tells its size only once inflated: it is measured as it is read,
# and refused once past the floor at a ratio no bundle reaches (a file of newlines inflates
# 1000-fold; JSON Lines of traces 5- to 30-fold), or beyond the total any zip may hold.
GZIP_RATIO_FLOOR = ZIP_RATIO_FLOOR

# File names a folder or zip may hold that are read; anything else is listed as skipped.
BUNDLE_SUFFIXES = (".jsonl", ".jsonl.gz", ".jsonl.zst", ".ndjson", ".json", ".json.gz", ".json.zst",
                   ".traj")  # SWE-agent trajectories


class ByteCounter:
    """Bytes read from disk so far, for progress."""

    def __init__(self) -> None:
        self.done = 0


class _CountingReader(io.RawIOBase):
    def __init__(self, inner: BinaryIO, counter: ByteCounter) -> None:
        self._inner = inner
        self._counter = counter

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: bytearray | memoryview) -> int:  # type: ignore[override]
        data = self._inner.read(len(buffer))
        n = len(data)
        buffer[:n] = data
        self._counter.done += n
        return n

    def close(self) -> None:
        self._inner.close()
        super().close()


@dataclass
class Entry:
    """One file of a bundle."""

    name: str  # as shown to the user: "bundle.zip!spans/part-1.jsonl"
    size: int  # bytes on disk, for progress
    _open: Callable[[ByteCounter], BinaryIO]
    inner: str = ""  # its name inside the folder or zip ("spans/part-1.jsonl")
    path: Path | None = None  # the file on disk, for a file of a folder

    def open(self, counter: ByteCounter | None = None) -> BinaryIO:
        return self._open(counter or ByteCounter())

    def head(self, n: int = 65536) -> bytes:
        """The first ``n`` decompressed bytes (for detecting the format)."""
        try:
            with self.open() as fh:
                return fh.read(n)
        except (OSError, EOFError, zipfile.BadZipFile) as exc:
            raise BundleError(self.name, f"cannot be read ({reason_of(exc)})") from exc


def reason_of(exc: BaseException) -> str:
    if isinstance(exc, EOFError):
        return "the compressed data is truncated: the file is incomplete; copy or download it again"
    if isinstance(exc, gzip.BadGzipFile):
        return "not valid gzip data"
    return getattr(exc, "strerror", None) or str(exc) or type(exc).__name__


class _InflateGuard(io.RawIOBase):
    """Reads a decompressor, refusing a stream that inflates like a bomb."""

    def __init__(self, inner: BinaryIO, compressed: ByteCounter, name: str) -> None:
        self._inner = inner
        self._compressed = compressed
        self._name = name
        self.inflated = 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: bytearray | memoryview) -> int:  # type: ignore[override]
        data = self._inner.read(len(buffer))
        n = len(data)
        buffer[:n] = data
        self.inflated += n
        if self.inflated > GZIP_RATIO_FLOOR:
            ratio = self.inflated / max(self._compressed.done, 1)
            if ratio > MAX_ZIP_RATIO or self.inflated > MAX_ZIP_TOTAL:
                raise BundleError(
                    self._name,
                    f"expands {ratio:,.0f}-fold ({self._compressed.done:,} bytes read inflate to "
                    f"{self.inflated:,}): refused as a likely compression bomb. Unpack it "
                    "yourself if you trust it.",
                )
        return n

    def close(self) -> None:
        self._inner.close()
        super().close()


def _decompressing(raw: BinaryIO, name: str) -> BinaryIO:
    """Wrap ``raw`` in a decompressor chosen by its first bytes (not its name)."""
    compressed = ByteCounter()
    # A small read buffer, so that the bytes read say how much the stream has inflated.
    buffered = io.BufferedReader(_CountingReader(raw, compressed), 1 << 16)
    magic = buffered.peek(4)[:4]
    if magic.startswith(GZIP_MAGIC):
        inner: BinaryIO = gzip.GzipFile(fileobj=buffered, mode="rb")  # type: ignore[assignment]
    elif magic == ZSTD_MAGIC:
        import zstandard

        inner = zstandard.ZstdDecompressor().stream_reader(buffered, read_across_frames=True)  # type: ignore[assignment]
    else:
        return buffered  # type: ignore[return-value]
    return io.BufferedReader(_InflateGuard(inner, compressed, name), 1 << 20)  # type: ignore[return-value]


def _file_entry(path: Path, name: str, inner: str) -> Entry:
    def opener(counter: ByteCounter) -> BinaryIO:
        raw = _CountingReader(path.open("rb"), counter)
        return _decompressing(raw, name)  # type: ignore[arg-type]

    return Entry(name, path.stat().st_size, opener, inner, path)


def _zip_entries(path: Path) -> list[Entry]:
    try:
        with zipfile.ZipFile(path) as archive:
            infos = archive.infolist()
    except (zipfile.BadZipFile, OSError, EOFError) as exc:
        raise BundleError(str(path), f"not a readable zip file ({reason_of(exc)})") from exc
    total = sum(i.file_size for i in infos)
    if total > MAX_ZIP_TOTAL:
        raise BundleError(str(path), f"the zip expands to {total:,} bytes, beyond any sane bundle")
    for info in infos:
        ratio = info.file_size / max(info.compress_size, 1)
        if ratio > MAX_ZIP_RATIO and info.file_size > ZIP_RATIO_FLOOR:
            raise BundleError(
                f"{path}!{info.filename}",
                f"expands {ratio:,.0f}-fold ({info.compress_size:,} to {info.file_size:,} bytes): "
                "refused as a likely zip bomb. Unpack it yourself if you trust it.",
            )

    def opener(info: zipfile.ZipInfo) -> Callable[[ByteCounter], BinaryIO]:
        def open_member(counter: ByteCounter) -> BinaryIO:
            with zipfile.ZipFile(path) as archive:  # the open member keeps the file open
                member = archive.open(info)
            return _decompressing(_CountingReader(member, counter), info.filename)  # type: ignore[arg-type]

        return open_member

    return [Entry(f"{path}!{i.filename}", i.compress_size, opener(i), i.filename)
            for i in infos if not i.is_dir()]


def extract_member(path: Path, member: str, folder: Path) -> Path:
    """A member of the zip at ``path`` written into ``folder``, for a format that reads a
    whole archive by its path (an Inspect ``.eval`` log inside a zip). The zip's members
    were checked for bombs when it was listed (:func:`entries`)."""
    with zipfile.ZipFile(path) as archive:
        info = archive.getinfo(member)
        target = folder / f"{sum(1 for _ in folder.iterdir())}-{Path(member).name}"
        with archive.open(info) as source, target.open("wb") as out:
            shutil.copyfileobj(source, out, 1 << 20)
    return target


def is_zip(path: Path) -> bool:
    try:
        with path.open("rb") as fh:
            return fh.read(4) == ZIP_MAGIC
    except OSError:
        return False


def _folder(folder: Path) -> tuple[list[Path], list[tuple[Path, str]]]:
    """The files of a folder and of the folders in it, in order, and the links in it that
    point outside it, each with where it points (those are not read)."""
    root = folder.resolve()
    files: list[Path] = []
    outside: list[tuple[Path, str]] = []
    for p in sorted(folder.rglob("*")):  # links to folders are listed, not entered
        if p.is_symlink():
            try:
                target = p.resolve()
            except (OSError, RuntimeError):  # a loop of links
                outside.append((p, "a loop of links"))
                continue
            if not target.is_relative_to(root):
                outside.append((p, str(target)))
                continue
        if p.is_file():
            files.append(p)
    return files, outside


def bundle_named(name: str) -> bool:
    """Whether a file of a folder or zip is named like a bundle file (read as a stream)."""
    return name.lower().endswith(BUNDLE_SUFFIXES)


@dataclass(frozen=True)
class Listing:
    """What one look at an input finds: its files, in order, and the links not followed."""

    kind: str  # "file", "folder" or "zip"
    entries: list[Entry]  # the files named like bundle files (all of a plain file: itself)
    others: list[Entry]  # the other files of a folder or zip: read only as a whole archive
    links_outside: list[tuple[str, str]]  # (name, where it points) of a folder's links out of it


def listing(path: Path) -> Listing:
    """The files of ``path``: itself, the files of a folder (walked once), the members of a
    zip (whose sizes are checked for bombs here, before anything is read)."""
    if not path.exists():
        raise BundleError(str(path), "no such file or folder")
    if path.is_dir():
        files, outside = _folder(path)
        entries: list[Entry] = []
        others: list[Entry] = []
        for file in files:
            entry = _file_entry(file, str(file), file.relative_to(path).as_posix())
            (entries if bundle_named(file.name) else others).append(entry)
        return Listing("folder", entries, others, [(str(p), target) for p, target in outside])
    if is_zip(path):
        members = _zip_entries(path)
        return Listing("zip", [e for e in members if bundle_named(e.name)],
                       [e for e in members if not bundle_named(e.name)], [])
    return Listing("file", [_file_entry(path, str(path), path.name)], [], [])


def iter_lines(stream: BinaryIO) -> Iterator[tuple[int, bytes | None]]:
    """(line number, line) for each line; a line longer than MAX_LINE comes as None."""
    number = 0
    readline = stream.readline
    while True:
        line = readline(MAX_LINE)
        if not line:
            return
        number += 1
        if len(line) == MAX_LINE and not line.endswith(b"\n"):
            while True:  # skip the rest of the over-long line
                rest = readline(MAX_LINE)
                if not rest or rest.endswith(b"\n"):
                    break
            yield number, None
            continue
        yield number, line


def looks_binary(head: bytes) -> bool:
    return b"\x00" in head[:8192]
