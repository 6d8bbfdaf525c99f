"""Real upgrades: a database written by an older Tracedesk opens in this one."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

from tracedesk.core import queue
from tracedesk.core.database import open_store
from tracedesk.core.store import SCHEMA_VERSION
from tracedesk.core.traces import find_trace, trace_detail

from ..conftest import DATA


def test_a_version_1_database_is_upgraded_after_a_backup(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite"
    shutil.copyfile(DATA / "schema" / "v1.sqlite", path)
    original = path.read_bytes()
    with open_store(path) as store, store.read() as conn:
        assert conn.exec_driver_sql("PRAGMA user_version").scalar_one() == SCHEMA_VERSION
        detail = trace_detail(conn, find_trace(conn, "t1"))
        assert detail["feedback"][0]["comment"] == "wrong, it did not ship"
        # Version 2 brought the queue, filled from the traces already there.
        [row] = queue.page(conn, queue.QueueFilter(source="support-bot/prod"))
        assert row.trace_id == "t1"
        assert {r.signal for r in row.reasons} >= {"thumbs_down", "error_swallowed"}
    [backup] = [p for p in tmp_path.iterdir() if f".before-v{SCHEMA_VERSION}." in p.name]
    conn = sqlite3.connect(backup)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == 1
    assert conn.execute("SELECT count(*) FROM span").fetchone()[0] == 5
    assert "queue_entry" not in {r[0] for r in conn.execute("SELECT name FROM sqlite_master")}
    conn.close()
    assert original.startswith(b"SQLite format 3")


def test_a_version_2_database_gains_the_step_index_and_keeps_its_queue(tmp_path: Path) -> None:
    path = tmp_path / "v2.sqlite"
    shutil.copyfile(DATA / "schema" / "v2.sqlite", path)
    with open_store(path) as store, store.read() as conn:
        indexes = {r[0] for r in conn.exec_driver_sql("SELECT name FROM sqlite_master WHERE type = 'index'")}
        assert "ix_span_steps" in indexes
        [row] = queue.page(conn, queue.QueueFilter(source="support-bot/prod"))
        assert {r.signal for r in row.reasons} >= {"thumbs_down", "error_swallowed"}
    assert [p.name for p in tmp_path.iterdir() if f".before-v{SCHEMA_VERSION}." in p.name]


def test_a_version_2_database_gains_undo_and_the_default_causes_and_can_be_reviewed(tmp_path: Path) -> None:
    from tracedesk.core import causes, reviews

    path = tmp_path / "v2.sqlite"
    shutil.copyfile(DATA / "schema" / "v2.sqlite", path)
    with open_store(path) as store:
        with store.read() as conn:
            names = [c.name for c in causes.list_causes(conn)]
            assert set(names) == {name for name, _ in causes.DEFAULT_CAUSES}
            columns = {r[1] for r in conn.exec_driver_sql("PRAGMA table_info(audit_log)")}
            assert "undoes" in columns
            pk = find_trace(conn, "t1").pk
        with store.write() as conn:
            reviews.save_review(conn, pk, "ann", reviews.ReviewInput("failure", cause="tool error"))
        with store.read() as conn:
            assert queue.page(conn, queue.QueueFilter(source="support-bot/prod")) == []
        with store.write() as conn:
            reviews.undo(conn, "ann")
        with store.read() as conn:
            [row] = queue.page(conn, queue.QueueFilter(source="support-bot/prod"))
            assert row.trace_id == "t1"
    # The default causes have the same ids in an upgraded database and a new one.
    with open_store(tmp_path / "new.sqlite") as fresh, fresh.read() as conn:
        assert {c.uuid for c in causes.list_causes(conn)} == {
            causes.default_cause_uuid(name) for name, _ in causes.DEFAULT_CAUSES}
