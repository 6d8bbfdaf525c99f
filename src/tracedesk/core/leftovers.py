"""What a killed run leaves behind, and its cleaning by the next run.

Exports and shares are written to a ``.NAME.PID-XXXXXXXX.part`` file beside their target
and renamed when whole; a merge reads an older source through a copy in a
``tracedesk-merge-PID-*`` folder of the temporary folder. A crash or ``kill -9`` leaves
them (a share's ``.part`` with its ``-wal`` and ``-shm``). Each carries the id of the
process that made it, so the next run removes those whose process is gone, and never
one a running export is still writing. A merge also releases the ``-wal`` and ``-shm``
files SQLite makes beside a source it reads, once no one else has the source open.
"""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import sqlite3
import tempfile
import time
import uuid
from pathlib import Path

MERGE_PREFIX = "tracedesk-merge-"
# A leftover without a process id (written by an older Tracedesk) is removed this long after.
STALE_SECONDS = 24 * 3600

_PART = re.compile(r"^\..+\.(?:(\d+)-)?[0-9a-f]{8}\.part(?:-wal|-shm|-journal)?$")
_MERGE = re.compile(rf"^{re.escape(MERGE_PREFIX)}(?:(\d+)-)?")


def part_path(target: Path) -> Path:
    """Where ``target`` is written before it is whole."""
    return target.with_name(f".{target.name}.{os.getpid()}-{uuid.uuid4().hex[:8]}.part")


def merge_folder_prefix() -> str:
    return f"{MERGE_PREFIX}{os.getpid()}-"


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    if os.name == "nt":  # os.kill would end the process there: keep what may be in use
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # another user's process: alive
        return True
    return True


def _stale(path: Path, pid: str | None) -> bool:
    if pid is not None:
        return not _alive(int(pid))
    try:
        return time.time() - path.stat().st_mtime > STALE_SECONDS
    except OSError:
        return False


def clean_parts(folder: Path) -> list[Path]:
    """Remove the ``.part`` files of killed exports and shares in ``folder``."""
    removed = []
    try:
        entries = list(folder.iterdir())
    except OSError:
        return removed
    for path in entries:
        m = _PART.match(path.name)
        if m and path.is_file() and _stale(path, m.group(1)):
            with contextlib.suppress(OSError):
                path.unlink()
                removed.append(path)
    return removed


def clean_merge_folders() -> list[Path]:
    """Remove the temporary folders of killed merges."""
    removed = []
    root = Path(tempfile.gettempdir())
    try:
        entries = list(root.iterdir())
    except OSError:
        return removed
    for path in entries:
        m = _MERGE.match(path.name)
        if m and path.is_dir() and not path.is_symlink() and _stale(path, m.group(1)):
            shutil.rmtree(path, ignore_errors=True)
            removed.append(path)
    return removed


def release_wal_files(path: Path) -> None:
    """Let SQLite remove the ``-wal`` and ``-shm`` files a read-only reader left beside
    ``path``: a connection that may write, closing last, deletes them. Only when the log
    is empty (so the file itself is not touched), and SQLite keeps them while another
    program has the database open."""
    wal = path.with_name(path.name + "-wal")
    shm = path.with_name(path.name + "-shm")
    if not shm.exists() and not wal.exists():
        return
    try:
        if wal.exists() and wal.stat().st_size > 0:
            return
        if not os.access(path.parent, os.W_OK):
            return
        conn = sqlite3.connect(path, timeout=0.1)
        try:
            conn.execute("PRAGMA schema_version").fetchone()
        finally:
            conn.close()
    except (OSError, sqlite3.Error):
        pass
