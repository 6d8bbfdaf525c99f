"""Merging does not trust the other file: rows that break the schema's rules are refused
with a count and a reason, the other file's triggers never run, and a review dated in the
future does not silently replace the one here."""

from __future__ import annotations

import shutil
import sqlite3
import time
from pathlib import Path

from tracedesk.core import reviews
from tracedesk.core.database import open_store
from tracedesk.core.export import ExportFilter, export_cases
from tracedesk.core.merge import merge_databases
from tracedesk.core.share import share_database
from tracedesk.core.traces import find_trace, trace_detail

from ..conftest import DATA
from .test_share_merge import counts, main_db, review  # noqa: F401 - main_db is a fixture

__all__ = ["main_db"]


def tamper(path: Path, *statements: str) -> None:
    conn = sqlite3.connect(path)
    try:
        for statement in statements:
            conn.execute(statement)
        conn.commit()
    finally:
        conn.close()


def fresh(tmp_path: Path, name: str = "here.sqlite") -> Path:
    path = tmp_path / name
    open_store(path).close()
    return path


def test_rows_that_break_the_rules_are_refused_with_a_count_and_a_reason(main_db: Path, tmp_path: Path) -> None:
    tamper(main_db,
           "UPDATE review SET verdict = 'pwned' WHERE trace_pk = (SELECT id FROM trace WHERE trace_id = 't1')",
           "UPDATE review SET severity = 'apocalyptic' WHERE trace_pk = (SELECT id FROM trace WHERE trace_id = 't2')",
           "UPDATE review SET expected = x'00ff10' WHERE trace_pk = (SELECT id FROM trace WHERE trace_id = 't3')",
           "UPDATE trace SET start_ns = 'not a time' WHERE trace_id = 't4'")
    here = fresh(tmp_path)
    with open_store(here) as store:
        report = merge_databases(store, [main_db])
        result = report.sources[0]
        assert result.refused == {"trace": 1, "review": 3}
        text = "\n".join(result.warnings)
        assert "verdict" in text and "'pwned'" in text
        assert "severity" in text and "'apocalyptic'" in text
        assert "expected" in text and "start_ns" in text
        assert result.traces.added == 3 and result.reviews.added == 0
        with store.read() as conn:
            for ref in ("t1", "t2", "t3"):
                trace_detail(conn, find_trace(conn, ref))  # every trace merged shows
            assert conn.exec_driver_sql("SELECT count(*) FROM review").scalar_one() == 0
            assert conn.exec_driver_sql("SELECT count(*) FROM trace WHERE trace_id = 't4'").scalar_one() == 0
        share_database(store, tmp_path / "shared.sqlite")  # and shares
    assert counts(tmp_path / "shared.sqlite")["trace"] == 3


def test_a_good_row_beside_a_bad_one_is_merged(main_db: Path, tmp_path: Path) -> None:
    tamper(main_db, "UPDATE review SET verdict = 'pwned' WHERE trace_pk = "
                    "(SELECT id FROM trace WHERE trace_id = 't1')")
    here = fresh(tmp_path)
    with open_store(here) as store:
        result = merge_databases(store, [main_db]).sources[0]
        assert result.refused == {"review": 1} and result.reviews.added == 2
        with store.read() as conn:
            exported = export_cases(conn, "jsonl", tmp_path / "cases.jsonl", ExportFilter())
        assert exported.cases == 2


def test_the_triggers_of_an_older_file_never_run(main_db: Path, tmp_path: Path) -> None:
    old = tmp_path / "v2.sqlite"
    shutil.copyfile(DATA / "schema" / "v2.sqlite", old)
    tamper(old,
           "CREATE TRIGGER evil AFTER UPDATE ON trace BEGIN INSERT INTO review (uuid, trace_pk, reviewer, "
           "verdict, missing_step, created_ns, updated_ns) VALUES (lower(hex(randomblob(16))), new.id, "
           "'trigger-bot', 'failure', 0, 1, 1); END",
           "CREATE TRIGGER evil_cause AFTER INSERT ON cause BEGIN INSERT INTO review (uuid, trace_pk, reviewer, "
           "verdict, missing_step, created_ns, updated_ns) SELECT lower(hex(randomblob(16))), id, "
           "'trigger-bot', 'failure', 0, 1, 1 FROM trace; END",
           "CREATE VIEW evil_view AS SELECT * FROM trace")
    original = old.read_bytes()
    with open_store(main_db) as store:
        report = merge_databases(store, [old])
        assert report.sources[0].schema == 2 and report.sources[0].traces.added >= 1
        with store.read() as conn:
            assert conn.exec_driver_sql(
                "SELECT count(*) FROM review WHERE reviewer = 'trigger-bot'").scalar_one() == 0
            assert conn.exec_driver_sql(
                "SELECT count(*) FROM sqlite_master WHERE name LIKE 'evil%'").scalar_one() == 0
    assert old.read_bytes() == original


def test_a_review_dated_in_the_future_is_a_conflict_and_the_one_here_stays(main_db: Path, tmp_path: Path) -> None:
    copy = tmp_path / "copy.sqlite"
    with open_store(main_db) as store:
        share_database(store, copy)
    with open_store(copy) as other:
        theirs = review(other, "t1", "ann", "ok")
    year_2200 = 7_258_118_400 * 10**9
    tamper(copy, f"UPDATE review SET updated_ns = {year_2200} WHERE uuid = '{theirs.uuid}'")
    with open_store(main_db) as store:
        mine = review(store, "t1", "ann", "failure", "hallucination")
        report = merge_databases(store, [copy], author="lead")
        result = report.sources[0]
        [conflict] = result.conflicts
        assert (conflict.uuid, conflict.kept) == (mine.uuid, "here")
        assert any("future" in w for w in result.warnings)
        with store.read() as conn:
            kept = reviews.get_review(conn, mine.uuid)
        assert kept.verdict == "failure" and kept.cause == "hallucination"
        assert kept.updated_ns < time.time_ns()
