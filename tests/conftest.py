"""Fixtures shared by every test: a review database in a temporary folder, the real
exported traces kept in tests/data/real (see its SOURCES.md), and bundle writers."""

from __future__ import annotations

import gzip
import json
import os
import shutil
import sqlite3
import sys
import tempfile
from collections.abc import Iterator
from contextlib import closing
from pathlib import Path

import pytest

from tracedesk.core.database import open_store
from tracedesk.core.store import Store

# Qt tests draw offscreen unless a display is asked for explicitly.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def pytest_configure(config) -> None:
    """Where compiled modules may not be written (PYTHONDONTWRITEBYTECODE or ``python -B``,
    which keep ``__pycache__`` folders out of a checkout), they are written outside it, in a
    folder of the user's own in the temporary folder, and used again: by the test workers,
    which start after this, by the programs the tests run (``python -m tracedesk``, killed
    imports), and by the next run. Without it every one of those processes compiled
    Tracedesk anew, about half a second each. (Where writing is allowed, or a prefix is
    set, nothing changes.)"""
    if not sys.dont_write_bytecode or sys.pycache_prefix or os.environ.get("PYTHONPYCACHEPREFIX"):
        return
    user = os.getuid() if hasattr(os, "getuid") else os.environ.get("USERNAME", "user")
    folder = Path(tempfile.gettempdir()) / f"tracedesk-tests-bytecode-{user}"
    folder.mkdir(mode=0o700, exist_ok=True)
    if hasattr(os, "getuid") and folder.stat().st_uid != os.getuid():
        return  # another user's folder: its files are not ours to run
    os.environ["PYTHONPYCACHEPREFIX"] = str(folder)
    os.environ.pop("PYTHONDONTWRITEBYTECODE", None)
    sys.pycache_prefix = str(folder)
    sys.dont_write_bytecode = False


DATA = Path(__file__).parent / "data"
REAL_SAMPLES = DATA / "real"


@pytest.fixture(autouse=True)
def _log_folder(tmp_path: Path, monkeypatch) -> None:
    """The window's log file goes to the test's folder, never to the user's log folder."""
    monkeypatch.setenv("TRACEDESK_LOG_DIR", str(tmp_path / "logs"))


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "review.sqlite"


@pytest.fixture(scope="session")
def _new_database(tmp_path_factory) -> Path:
    """A new review database, made once per test process by ``open_store`` and copied for
    each test that asks for ``store``: making the schema is most of what a small test of
    the detectors or the queue costs."""
    path = tmp_path_factory.mktemp("new-database") / "review.sqlite"
    with open_store(path):
        pass
    assert not path.with_name(path.name + "-wal").exists()  # all of it is in the one file
    return path


@pytest.fixture
def store(db_path: Path, _new_database: Path) -> Iterator[Store]:
    shutil.copyfile(_new_database, db_path)
    with open_store(db_path) as s:
        yield s


@pytest.fixture
def real_samples() -> Path:
    return REAL_SAMPLES


@pytest.fixture
def settings_file(tmp_path: Path, monkeypatch) -> Path:
    """A settings file of the test's own, read through TRACEDESK_CONFIG (absent until the
    test or the command writes it)."""
    path = tmp_path / "settings.toml"
    monkeypatch.setenv("TRACEDESK_CONFIG", str(path))
    return path


def write_jsonl(path: Path, records: list[dict | str]) -> Path:
    """Write records (dicts, or raw strings for broken lines) as a bundle file; the
    suffix chooses compression (.gz, .zst)."""
    lines = "".join((r if isinstance(r, str) else json.dumps(r)) + "\n" for r in records).encode()
    if path.name.endswith(".gz"):
        lines = gzip.compress(lines)
    elif path.name.endswith(".zst"):
        import zstandard

        lines = zstandard.ZstdCompressor().compress(lines)
    path.write_bytes(lines)
    return path


def copy_database(source: Path, target: Path) -> Path:
    """A copy of the review database ``source`` at ``target``, made by SQLite's backup: whole,
    whatever its write-ahead log still holds (a fixture writes a database once and gives
    each test a copy of its own)."""
    with closing(sqlite3.connect(source)) as db, closing(sqlite3.connect(target)) as copy:
        db.backup(copy)
    return target
