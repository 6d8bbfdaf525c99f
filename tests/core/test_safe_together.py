"""Two programs on one database, and programs killed in the middle of their work: an
import in one process while another writes reviews; SIGKILL in the middle of an import
and of a merge leaves the database whole, with nothing committed lost."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tracedesk.core import reviews
from tracedesk.core.database import open_store
from tracedesk.core.errors import DatabaseError
from tracedesk.core.ingest import import_paths
from tracedesk.core.merge import merge_databases

from ..conftest import write_jsonl
from ..gen.support_bot import write_large_bundle
from .sessions import Bundle

ROOT = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")

# A child process that does the work and, once in the middle of its transaction, says so
# and waits there (``pause`` seconds) for the test to act.
CHILD = """
import sys, time
sys.path.insert(0, {root!r})
from tracedesk.core.errors import DatabaseError
from tracedesk.core.database import open_store
from tracedesk.core.ingest import import_paths
from tracedesk.core.merge import merge_databases
from tracedesk.core.merge import merge_databases

said = False
def progress(p):
    global said
    if not said and ({when}):
        said = True
        print("midway", flush=True)
        time.sleep({pause})

with open_store({db!r}) as store:
    {work}
print("done", flush=True)
"""


def start(db: Path, work: str, when: str, pause: float) -> subprocess.Popen:
    code = CHILD.format(root=str(ROOT / "src"), db=str(db), work=work, when=when, pause=pause)
    proc = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True, cwd=ROOT)
    line = proc.stdout.readline().strip()
    if line != "midway":
        proc.kill()
        raise AssertionError(f"the child did not reach the middle of its work: {line!r} {proc.stderr.read()}")
    return proc


def state(db: Path) -> tuple:
    conn = sqlite3.connect(db)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        return tuple(conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
                     for t in ("trace", "span", "feedback", "review", "audit_log", "queue_entry", "trace_fts"))
    finally:
        conn.close()


@pytest.fixture
def reviewed_db(tmp_path: Path) -> Path:
    """A database with a few traces and a committed review."""
    b = Bundle("shop")
    for i in range(3):
        b.turn(f"s{i}", f"Where is order {i}?", "It shipped.", trace_id=f"t{i}")
    db = tmp_path / "db.sqlite"
    with open_store(db) as store:
        import_paths(store, [write_jsonl(tmp_path / "small.jsonl", b.records)])
        with store.write() as conn:
            reviews.save_review(conn, 1, "ann", reviews.ReviewInput("failure", notes="committed"))
    return db


@pytest.fixture
def large_bundle(tmp_path: Path) -> Path:
    path = tmp_path / "large.jsonl"
    write_large_bundle(path, 1500, 4)
    return path


@pytest.mark.slow
def test_an_import_and_review_writes_share_the_database(reviewed_db: Path, large_bundle: Path) -> None:
    # The import holds its write transaction for a while; meanwhile the other process reads
    # (not blocked: WAL) and writes a review (it waits for the import, then goes through).
    proc = start(reviewed_db, f"import_paths(store, [{str(large_bundle)!r}], progress=progress)",
                 "p.done > 0", pause=1.0)
    with open_store(reviewed_db) as store:
        started = time.monotonic()
        with store.read() as conn:
            assert conn.exec_driver_sql("SELECT count(*) FROM trace").scalar_one() == 3
        assert time.monotonic() - started < 0.5
        for pk in (2, 3):
            with store.write() as conn:
                reviews.save_review(conn, pk, "bob", reviews.ReviewInput("ok"))
    out, err = proc.communicate(timeout=120)
    assert proc.returncode == 0, err
    assert "done" in out
    traces, spans, _, review_count, *_ = state(reviewed_db)
    assert (traces, spans, review_count) == (1503, 1500 * 4 + 3, 3)


@pytest.mark.slow
def test_an_import_killed_midway_leaves_the_database_as_it_was(reviewed_db: Path, large_bundle: Path) -> None:
    before = state(reviewed_db)
    proc = start(reviewed_db, f"import_paths(store, [{str(large_bundle)!r}], progress=progress)",
                 "p.done > 0", pause=30)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait(timeout=30)
    assert state(reviewed_db) == before
    with open_store(reviewed_db) as store:  # and the next import goes through
        assert import_paths(store, [large_bundle]).added.traces == 1500
        with store.read() as conn:
            assert conn.exec_driver_sql("SELECT notes FROM review").scalar_one() == "committed"


@pytest.mark.slow
def test_a_merge_killed_midway_leaves_the_database_as_it_was(reviewed_db: Path, large_bundle: Path,
                                                             tmp_path: Path) -> None:
    source = tmp_path / "source.sqlite"
    with open_store(source) as store:
        import_paths(store, [large_bundle])
    before = state(reviewed_db)
    proc = start(reviewed_db, f"merge_databases(store, [{str(source)!r}], progress=progress)",
                 "'reviews' in p.phase", pause=30)  # traces, steps and feedback are copied by then
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait(timeout=30)
    assert state(reviewed_db) == before
    with open_store(reviewed_db) as store:
        assert merge_databases(store, [source]).sources[0].traces.added == 1500


def test_a_read_only_file_opens_read_only_by_itself(reviewed_db: Path) -> None:
    before, data = state(reviewed_db), reviewed_db.read_bytes()
    os.chmod(reviewed_db, 0o444)
    try:
        # A read-only open holds for every user, root included: it reads, refuses to write in
        # one message, and leaves the file as it was.
        with open_store(reviewed_db, read_only=True) as store:
            assert store.read_only
            with store.read() as conn:
                assert conn.exec_driver_sql("SELECT count(*) FROM review").scalar_one() == before[3]
            with pytest.raises(DatabaseError, match="open read-only"), store.write():
                pass
        # A file the user cannot write opens that way by itself (root may write any file).
        with open_store(reviewed_db) as store:
            assert store.read_only == (not os.access(reviewed_db, os.W_OK))
    finally:
        os.chmod(reviewed_db, 0o644)
    assert state(reviewed_db) == before and reviewed_db.read_bytes() == data
