"""Opening review databases: new, ours, older, newer, foreign, damaged, read-only."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import text

from tracedesk.core.database import Migration, migrate, open_store
from tracedesk.core.errors import DatabaseError
from tracedesk.core.store import APPLICATION_ID, SCHEMA_VERSION, default_db_path


def pragma(path: Path, name: str):
    conn = sqlite3.connect(path)
    try:
        return conn.execute(f"PRAGMA {name}").fetchone()[0]
    finally:
        conn.close()


def test_a_new_database_is_marked_ours_and_uses_wal(tmp_path: Path) -> None:
    path = tmp_path / "sub" / "new.sqlite"
    with open_store(path) as store, store.read() as conn:
        assert conn.execute(text("PRAGMA foreign_keys")).scalar_one() == 1
        assert conn.execute(text("PRAGMA busy_timeout")).scalar_one() >= 5000
        tables = {r[0] for r in conn.execute(text("SELECT name FROM sqlite_master WHERE type='table'"))}
    assert {"source", "import_run", "trace", "span", "feedback", "signal", "review", "cause",
            "audit_log", "trace_fts"} <= tables
    assert pragma(path, "journal_mode") == "wal"
    assert pragma(path, "application_id") == APPLICATION_ID
    assert pragma(path, "user_version") == SCHEMA_VERSION


def test_reopening_keeps_the_data(tmp_path: Path) -> None:
    path = tmp_path / "db.sqlite"
    with open_store(path) as store, store.write() as conn:
        conn.execute(text("INSERT INTO source (name, created_ns) VALUES ('s', 1)"))
    with open_store(path) as store, store.read() as conn:
        assert conn.execute(text("SELECT name FROM source")).scalar_one() == "s"


def test_a_failed_write_changes_nothing(store) -> None:
    with pytest.raises(RuntimeError), store.write() as conn:
        conn.execute(text("INSERT INTO source (name, created_ns) VALUES ('s', 1)"))
        raise RuntimeError("boom")
    with store.read() as conn:
        assert conn.execute(text("SELECT count(*) FROM source")).scalar_one() == 0


@pytest.mark.parametrize(
    "content, message",
    [
        (b"hello, this is a text file\n", "not an SQLite file"),
        (b"SQLite format 3\x00" + b"\xff" * 4000, "damaged"),
    ],
)
def test_files_that_are_not_review_databases_are_refused_untouched(tmp_path, content, message) -> None:
    path = tmp_path / "notes.sqlite"
    path.write_bytes(content)
    with pytest.raises(DatabaseError, match=message):
        open_store(path)
    assert path.read_bytes() == content
    assert sorted(p.name for p in tmp_path.iterdir()) == ["notes.sqlite"]


def test_another_programs_sqlite_database_is_refused_untouched(tmp_path: Path) -> None:
    path = tmp_path / "other.sqlite"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE customers (id INTEGER PRIMARY KEY, name TEXT)")
    conn.commit()
    conn.close()
    before = path.read_bytes()
    with pytest.raises(DatabaseError, match="not a Tracedesk review database"):
        open_store(path)
    assert path.read_bytes() == before


def test_a_database_from_a_newer_version_is_refused_untouched(tmp_path: Path) -> None:
    path = tmp_path / "db.sqlite"
    open_store(path).close()
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn.commit()
    conn.close()
    before = path.read_bytes()
    with pytest.raises(DatabaseError, match="newer version of Tracedesk"):
        open_store(path)
    assert path.read_bytes() == before


def test_an_older_database_without_an_upgrade_path_is_left_as_it_was_with_a_backup(tmp_path) -> None:
    path = tmp_path / "db.sqlite"
    open_store(path).close()
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA user_version = 0")
    conn.commit()
    conn.close()
    with pytest.raises(DatabaseError, match="could not be upgraded") as caught:
        open_store(path)
    assert pragma(path, "user_version") == 0
    backups = [p for p in tmp_path.iterdir() if ".before-v" in p.name]
    assert len(backups) == 1 and str(backups[0]) in str(caught.value)
    assert pragma(backups[0], "application_id") == APPLICATION_ID


def test_migration_steps_apply_in_order_in_one_transaction(store) -> None:
    def add_column(conn):
        conn.exec_driver_sql("ALTER TABLE source ADD COLUMN note TEXT")

    def fill_column(conn):
        conn.exec_driver_sql("UPDATE source SET note = 'migrated'")

    with store.write() as conn:
        conn.exec_driver_sql("INSERT INTO source (name, created_ns) VALUES ('s', 1)")
    steps = [Migration(SCHEMA_VERSION + 2, "fill", fill_column),
             Migration(SCHEMA_VERSION + 1, "add", add_column)]
    migrate(store, SCHEMA_VERSION, steps, to_version=SCHEMA_VERSION + 2)
    with store.read() as conn:
        assert conn.exec_driver_sql("SELECT note FROM source").scalar_one() == "migrated"
        assert conn.exec_driver_sql("PRAGMA user_version").scalar_one() == SCHEMA_VERSION + 2


def test_a_failing_migration_step_rolls_back_every_step(store) -> None:
    def add_column(conn):
        conn.exec_driver_sql("ALTER TABLE source ADD COLUMN note TEXT")

    def broken(conn):
        conn.exec_driver_sql("UPDATE no_such_table SET x = 1")

    steps = [Migration(SCHEMA_VERSION + 1, "add", add_column),
             Migration(SCHEMA_VERSION + 2, "broken", broken)]
    with pytest.raises(Exception, match="no_such_table"):
        migrate(store, SCHEMA_VERSION, steps, to_version=SCHEMA_VERSION + 2)
    with store.read() as conn:
        columns = [r[1] for r in conn.exec_driver_sql("PRAGMA table_info(source)")]
        assert "note" not in columns
        assert conn.exec_driver_sql("PRAGMA user_version").scalar_one() == SCHEMA_VERSION


def test_a_read_only_file_opens_read_only(tmp_path: Path) -> None:
    path = tmp_path / "db.sqlite"
    open_store(path).close()
    os.chmod(path, 0o444)
    try:
        with open_store(path, read_only=True) as store:
            assert store.read_only
            with store.read() as conn:
                assert conn.exec_driver_sql("SELECT count(*) FROM trace").scalar_one() == 0
            with pytest.raises(DatabaseError, match="read-only"), store.write():
                pass
    finally:
        os.chmod(path, 0o644)


def test_a_folder_is_not_a_database(tmp_path: Path) -> None:
    with pytest.raises(DatabaseError, match="folder"):
        open_store(tmp_path)


def test_the_default_database_follows_the_environment(tmp_path, monkeypatch) -> None:
    monkeypatch.setenv("TRACEDESK_DB", str(tmp_path / "env.sqlite"))
    assert default_db_path() == tmp_path / "env.sqlite"
    monkeypatch.delenv("TRACEDESK_DB")
    assert default_db_path().name == "review.sqlite"
    assert "tracedesk" in str(default_db_path()).lower()


def test_only_the_users_own_database_is_memory_mapped(tmp_path: Path) -> None:
    """The database being written is read through a memory map (faster detection); one
    opened read-only or attached (another person's file, maybe on a network share) is
    read by copies, where a read error stays an error instead of ending the program."""
    own, other = tmp_path / "own.sqlite", tmp_path / "other.sqlite"
    open_store(other).close()
    with open_store(own) as store, store.read() as conn:
        assert conn.exec_driver_sql("PRAGMA main.mmap_size").scalar_one() > 0
        conn.exec_driver_sql("ATTACH DATABASE ? AS other", (f"file:{other}?mode=ro",))
        assert conn.exec_driver_sql("PRAGMA other.mmap_size").scalar_one() == 0
        conn.exec_driver_sql("DETACH DATABASE other")
    with open_store(own, read_only=True) as store, store.read() as conn:
        assert conn.exec_driver_sql("PRAGMA main.mmap_size").scalar_one() == 0
