"""Looking up more ids than SQLite binds in one statement, and reading rows by column name,
on a real imported database."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy.exc import OperationalError

from tracedesk.core import queue, run_columns
from tracedesk.core.candidates import latest_verdicts
from tracedesk.core.database import open_store
from tracedesk.core.ingest import import_paths
from tracedesk.core.reviews import ReviewInput, save_review
from tracedesk.core.signals.explicit import explicit_signals
from tracedesk.core.store import MAX_VARIABLES, Store, chunked, placeholders, select_named
from tracedesk.core.views import session_turns, sort_ids, span_names

from ..conftest import copy_database, write_jsonl
from .sessions import Bundle

# SQLite's limit on the variables of one statement in builds before 3.32, still met on some systems.
OLD_SQLITE_LIMIT = 999
TRACES = 2 * OLD_SQLITE_LIMIT + 10


@pytest.fixture(scope="module")
def many_database(tmp_path_factory) -> tuple[Path, dict[str, int]]:
    """A database of more traces than an old SQLite binds at once, written once for the
    module (the tests read it, each from a copy of its own); and trace id -> key."""
    folder = tmp_path_factory.mktemp("many")
    b = Bundle()
    for i in range(TRACES):
        b.turn("one long session", f"question {i}?", "answer", trace_id=f"t{i:04d}")
    with open_store(folder / "review.sqlite") as store:
        import_paths(store, [write_jsonl(folder / "many.jsonl", b.records)])
        with store.write() as conn:
            pks = {tid: pk for pk, tid in conn.exec_driver_sql("SELECT id, trace_id FROM trace")}
            save_review(conn, pks["t0007"], "ann", ReviewInput("failure"))
            save_review(conn, pks[f"t{TRACES - 1:04d}"], "ann", ReviewInput("ok"))
    return folder / "review.sqlite", pks


@pytest.fixture
def many_traces(many_database, tmp_path: Path) -> Iterator[tuple[Store, dict[str, int]]]:
    """A copy of :func:`many_database`, open, and its trace id -> key."""
    path, pks = many_database
    with open_store(copy_database(path, tmp_path / "many.sqlite")) as store:
        yield store, pks


def test_ids_beyond_the_variable_limit_are_all_found(many_traces) -> None:
    store, many = many_traces
    pks = sorted(many.values())
    with store.read() as conn:
        conn.connection.driver_connection.setlimit(sqlite3.SQLITE_LIMIT_VARIABLE_NUMBER, OLD_SQLITE_LIMIT)
        with pytest.raises(OperationalError, match="too many SQL variables"):
            conn.exec_driver_sql(f"SELECT id FROM trace WHERE id IN ({placeholders(pks)})", tuple(pks)).all()
        found = [row.id for chunk in chunked(pks)
                 for row in select_named(conn, f"SELECT id FROM trace WHERE id IN ({placeholders(chunk)})",
                                         tuple(chunk))]
        assert found == pks
        by_id = sort_ids(conn, list(reversed(pks)), "trace")
        figures = run_columns.run_figures(conn, pks)
        names = span_names(conn, [(pk, f"{tid}.root") for tid, pk in many.items()])
        verdicts = latest_verdicts(conn, pks)
        turns = session_turns(conn, many["t0007"], limit=TRACES)
    assert by_id == [many[tid] for tid in sorted(many)]
    assert sorted(figures) == pks
    assert len(names) == TRACES and set(names.values()) == {("agent", "agent")}
    assert verdicts == {many["t0007"]: "failure", many[f"t{TRACES - 1:04d}"]: "ok"}
    assert [t.trace_pk for t in turns] == [many[tid] for tid in sorted(many)]


def test_queue_rows_beyond_the_variable_limit_are_all_read_by_name(many_traces) -> None:
    store, many = many_traces
    pks = sorted(many.values(), reverse=True)
    with store.read() as conn:
        conn.connection.driver_connection.setlimit(sqlite3.SQLITE_LIMIT_VARIABLE_NUMBER, OLD_SQLITE_LIMIT)
        rows = queue.rows_for(conn, pks)
    assert [r.trace_pk for r in rows] == pks
    assert [r.trace_id for r in rows] == sorted(many, reverse=True)
    first = rows[-1]
    assert (first.trace_id, first.source, first.session_id, first.user_id, first.question) == (
        "t0000", "bot", "one long session", "u1", "question 0?")
    assert {r.trace_id for r in rows if r.state == queue.REVIEWED} == {"t0007", f"t{TRACES - 1:04d}"}


def test_raters_beyond_the_variable_limit_are_each_counted(store, tmp_path) -> None:
    # Each rater's name is bound twice (as author, and as the user of a trace without one):
    # more raters than half the limit take two statements.
    raters = OLD_SQLITE_LIMIT // 2 + 50
    b = Bundle()
    for i in range(raters):
        b.turn(None, f"question {i}?", "answer", trace_id=f"r{i:04d}", user=f"rater{i:04d}")
        b.feedback(f"r{i:04d}", "thumbs", -1)
    for i in range(8):  # sorted after the others: counted in the last statement
        b.turn(None, f"question g{i}?", "a fine answer", trace_id=f"grumpy{i}", user="zz-grumpy")
        b.feedback(f"grumpy{i}", "thumbs", -1)
    import_paths(store, [write_jsonl(tmp_path / "raters.jsonl", b.records)])
    with store.read() as conn:
        names = dict(conn.exec_driver_sql("SELECT id, trace_id FROM trace").all())
        conn.connection.driver_connection.setlimit(sqlite3.SQLITE_LIMIT_VARIABLE_NUMBER, OLD_SQLITE_LIMIT)
        found = {names[f.trace_pk]: f for f in explicit_signals(conn, "SELECT id FROM trace")}
    assert len(found) == raters + 8
    assert found["r0000"].detail == "thumbs down from rater0000"
    assert "negative on 8 of 8 answers" in found["grumpy0"].detail
    assert found["grumpy0"].confidence < found["r0000"].confidence / 2


def test_pieces_keep_the_order_and_count_each_value_s_variables() -> None:
    values = list(range(2 * MAX_VARIABLES + 1))
    pieces = list(chunked(values))
    assert [v for piece in pieces for v in piece] == values
    assert max(len(p) for p in pieces) == MAX_VARIABLES
    pairs = list(chunked(values, per_value=2))
    assert max(len(p) for p in pairs) * 2 <= MAX_VARIABLES
    assert list(chunked([])) == []


def test_rows_are_read_by_column_name(many_traces) -> None:
    store, many = many_traces
    with store.read() as conn:
        row = select_named(conn, "SELECT trace_id, id AS pk, span_count FROM trace WHERE trace_id = ?",
                           ("t0007",)).fetchone()
        assert (row.trace_id, row.pk, row.span_count) == ("t0007", many["t0007"], 1)
        # A column without a name to read it by is refused rather than read by its place.
        with pytest.raises(ValueError):
            select_named(conn, "SELECT trace_id, count(*) FROM trace")
        with pytest.raises(ValueError):
            select_named(conn, "SELECT t.id, s.id FROM trace t JOIN source s ON s.id = t.source_id")
