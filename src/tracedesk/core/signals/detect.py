"""Running the detectors over a set of traces and storing what they find."""

from __future__ import annotations

import gc
from collections.abc import Callable, Iterator
from contextlib import contextmanager

from sqlalchemy import Connection

from .. import learning, queue
from ..store import Store, executemany, ids_scope, meta_value, set_meta
from .agent import agent_signals, settle_by_outcome
from .confidence import NEGATIVE_KINDS, POSITIVE_KINDS, SIGNAL_KINDS
from .conversation import conversation_signals
from .explicit import explicit_signals
from .found import Found
from .grounding import grounding_signals
from .steps import step_signals
from .turns import read_sessions

# Which detectors found a database's signals. Raise it whenever what they find changes: a
# database whose signals an older version found has them found again (:func:`outdated`,
# :func:`redetect`), so that an upgrade sharpens the queue of the traces already there.
DETECTOR_VERSION = "tracedesk-signals/208"
_DETECTOR_KEY = "signals_detector"  # in meta: the version that found every trace's signals
_DONE_KEY = "signals_redetected_to"  # in meta: "VERSION LAST_PK", how far a redetection got
REDETECT_CHUNK = 5_000  # traces a write when an older version's signals are found again

__all__ = ["NEGATIVE_KINDS", "POSITIVE_KINDS", "SIGNAL_KINDS", "outdated", "redetect", "update_signals"]


CHUNK_TRACES = 20_000  # traces detected at once: memory stays bounded however many are asked


def update_signals(conn: Connection, pks_sql: str, chunk: int = CHUNK_TRACES) -> int:
    """Recompute the signals (and queue entries) of the traces ``pks_sql`` selects and of
    the other turns of their sessions, whose signals a new turn can change. Return the
    number of traces recomputed.

    The traces are taken a chunk at a time, so that what detection holds in memory does
    not grow with the number of traces. A chunk's sessions are read whole, and their turns
    are then done: a later chunk leaves out the turns an earlier one detected with their
    session, rather than reading that session again."""
    conn.exec_driver_sql("CREATE TEMP TABLE IF NOT EXISTS _asked (pk INTEGER PRIMARY KEY)")
    conn.exec_driver_sql("CREATE TEMP TABLE IF NOT EXISTS _scope (pk INTEGER PRIMARY KEY)")
    conn.exec_driver_sql("CREATE TEMP TABLE IF NOT EXISTS _detected (pk INTEGER PRIMARY KEY)")
    conn.exec_driver_sql("DELETE FROM temp._asked")
    conn.exec_driver_sql("DELETE FROM temp._detected")
    conn.exec_driver_sql(f"INSERT OR IGNORE INTO temp._asked (pk) {pks_sql}")
    after = -1
    while True:
        conn.exec_driver_sql("DELETE FROM temp._scope")
        conn.exec_driver_sql(
            "INSERT INTO temp._scope (pk) SELECT pk FROM temp._asked "
            "WHERE pk > ? AND pk NOT IN (SELECT pk FROM temp._detected) ORDER BY pk LIMIT ?",
            (after, chunk))
        last = conn.exec_driver_sql("SELECT max(pk) FROM temp._scope").scalar()
        if last is None:
            break
        after = last
        with _collector_paused():
            _detect(conn)
        conn.exec_driver_sql("INSERT OR IGNORE INTO temp._detected (pk) SELECT pk FROM temp._scope")
    # The signals of reviewed traces may have changed: what the verdicts teach follows,
    # and a trace just imported may give an answer already judged a failure.
    if conn.exec_driver_sql("SELECT 1 FROM review LIMIT 1").first():
        echoed = learning.echo_new_traces(conn, "SELECT pk FROM temp._detected")
        if echoed:
            queue.rescore(conn, ids_scope(echoed))
        queue.relearn(conn)
    detected = conn.exec_driver_sql("SELECT count(*) FROM temp._detected").scalar_one()
    # Every trace of the database just detected (its first import, a whole detection):
    # all its signals are this version's.
    if meta_value(conn, _DETECTOR_KEY) != DETECTOR_VERSION and detected >= _traces(conn):
        _mark_current(conn)
    return detected


def _traces(conn: Connection, after: int = 0) -> int:
    return conn.exec_driver_sql("SELECT count(*) FROM trace WHERE id > ?", (after,)).scalar_one()


def _version(value: str | None) -> int:
    """The number of a detector version ("tracedesk-signals/4": 4; none or unknown: 0)."""
    number = (value or "").rpartition("/")[2]
    return int(number) if number.isdigit() else 0


def _mark_current(conn: Connection) -> None:
    set_meta(conn, _DETECTOR_KEY, DETECTOR_VERSION)
    conn.exec_driver_sql("DELETE FROM meta WHERE key = ?", (_DONE_KEY,))


def _done_up_to(conn: Connection) -> int:
    """The last trace a redetection by this version stopped after (0: none begun)."""
    version, _, pk = (meta_value(conn, _DONE_KEY) or "").partition(" ")
    return int(pk) if version == DETECTOR_VERSION and pk.isdigit() else 0


def outdated(conn: Connection) -> int:
    """How many traces hold signals found by an older version of the detectors: in a
    database detected by an older Tracedesk, those its redetection has not reached yet;
    none in one detected by this version (or a newer one, which this one leaves as it is),
    or without traces."""
    if _version(meta_value(conn, _DETECTOR_KEY)) >= _version(DETECTOR_VERSION):
        return 0
    return _traces(conn, _done_up_to(conn))


def redetect(store: Store, stop: Callable[[], bool] = lambda: False,
             progress: Callable[[int, int], None] = lambda done, total: None, chunk: int = REDETECT_CHUNK) -> int:
    """Find the signals of the traces an older version of the detectors found again, with
    this version's, ``chunk`` traces a write transaction (so that a reviewer's save waits
    little), noting after each how far it got, and the version once all are done; ``stop()``
    ends it after the chunk under way (the next one goes on from there). Reviews, snoozes
    and skips are kept: signals and priorities are derived from the traces. Return the
    traces detected."""
    with store.read() as conn:
        total = outdated(conn)
        after = _done_up_to(conn)
    done = 0
    while total and not stop():
        with store.write() as conn:
            last, count = conn.exec_driver_sql(
                "SELECT max(id), count(*) FROM (SELECT id FROM trace WHERE id > ? ORDER BY id LIMIT ?)",
                (after, chunk)).one()
            if last is None:
                _mark_current(conn)
                break
            update_signals(conn, _not_yet_detected(int(after), int(last)))
            done += count
            set_meta(conn, _DONE_KEY, f"{DETECTOR_VERSION} {int(last)}")
            after = last
        progress(min(done, total), total)
    return done


def _not_yet_detected(after: int, last: int) -> str:
    """The traces of a redetection's chunk, ``after`` < id <= ``last``, less those whose
    session has a trace at or before ``after``: an earlier chunk detected that session whole
    with it (a session of 30,000 turns is read once, not once a chunk)."""
    return f"""
        SELECT t.id FROM trace t LEFT JOIN (
            SELECT source_id, session_id, min(id) AS first FROM trace WHERE session_id IN (
                SELECT session_id FROM trace WHERE id > {after} AND id <= {last} AND session_id IS NOT NULL)
            GROUP BY source_id, session_id) s ON s.session_id = t.session_id AND s.source_id = t.source_id
        WHERE t.id > {after} AND t.id <= {last} AND (t.session_id IS NULL OR s.first > {after})"""


@contextmanager
def _collector_paused() -> Iterator[None]:
    """Python's cycle collector waits while a chunk is detected. Detection makes a few
    hundred thousand small objects (turns, messages, word sets, signals) that live until
    the chunk is stored and hold no cycles: the collector would walk every object of the
    process several times meanwhile, a fifth of detection's time, to free nothing. What
    the chunk leaves is freed by reference counting when it ends; the collector, as it
    was before, then runs as usual."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _detect(conn: Connection) -> None:
    """Detect the signals of the traces in ``temp._scope`` and of their sessions' turns."""
    # The sessions in scope, each once, then their turns: joined turn to turn, a session of
    # n turns would make n * n pairs (16 million for one of 4,000).
    conn.exec_driver_sql(
        "INSERT OR IGNORE INTO temp._scope (pk) SELECT other.id FROM ("
        "  SELECT DISTINCT source_id, session_id FROM trace"
        "  WHERE id IN (SELECT pk FROM temp._scope) AND session_id IS NOT NULL) s "
        "JOIN trace other ON other.session_id = s.session_id AND other.source_id = s.source_id"
    )
    scope = "SELECT pk FROM temp._scope"
    found: list[Found] = []
    found += explicit_signals(conn, scope)
    sessions = read_sessions(conn, scope)
    turns = {turn.pk: turn for _, session in sessions for turn in session}
    found += conversation_signals(conn, sessions)
    found += step_signals(conn, scope, turns)
    before = {turn.pk: earlier for _, session in sessions for earlier, turn in zip(session, session[1:], strict=False)}
    found += grounding_signals(conn, scope, turns, before)
    found += agent_signals(conn, scope, frozenset(
        t.pk for _, turns in sessions for t in turns
        if t.asks_for_person or t.escalation or t.complains or t.frustration))
    found = settle_by_outcome(conn, scope, found)
    conn.exec_driver_sql(f"DELETE FROM signal WHERE trace_pk IN ({scope})")
    executemany(
        conn,
        "INSERT INTO signal (trace_pk, span_id, kind, confidence, detail, evidence, feedback_id, detector) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        [f.row(DETECTOR_VERSION) for f in found],
    )
    queue.rescore(conn, scope)
