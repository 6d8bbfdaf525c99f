"""A database whose signals an older version of the detectors found: the queue of the
traces already there follows this version's detectors once the signals are found again,
and the reviewers' work stays as it was."""

from __future__ import annotations

from tracedesk.cli import main
from tracedesk.core import queue, reviews
from tracedesk.core.ingest import import_paths
from tracedesk.core.signals import outdated, redetect
from tracedesk.core.signals.detect import DETECTOR_VERSION

from ..conftest import write_jsonl
from .sessions import Bundle

OLD_VERSION = "tracedesk-signals/2"


def _bundle(tmp_path, name: str = "b.jsonl", prefix: str = ""):
    b = Bundle()
    b.turn(f"{prefix}s1", "Where is my order 7781?", "Order 7781 left our warehouse yesterday.",
           trace_id=f"{prefix}fine")
    b.turn(f"{prefix}s2", "I want to talk to a human agent now", "I can help you here.",
           trace_id=f"{prefix}escalated")
    b.turn(f"{prefix}s3", "How do I reset my password?", "Go to Settings > Security > Reset.",
           trace_id=f"{prefix}other")
    return write_jsonl(tmp_path / name, b.records)


def _pk(conn, trace_id: str) -> int:
    return conn.exec_driver_sql("SELECT id FROM trace WHERE trace_id = ?", (trace_id,)).scalar_one()


def _as_an_older_version_left_it(store) -> None:
    """The signals of an older detector: a flag this version does not raise on "fine", in
    the queue, and the version it was found by."""
    with store.write() as conn:
        fine = _pk(conn, "fine")
        conn.exec_driver_sql(
            "INSERT INTO signal (trace_pk, kind, confidence, detail, detector) VALUES (?, 'rephrase', 0.7, "
            "'asked again in other words', ?)", (fine, OLD_VERSION))
        queue.rescore(conn, f"SELECT {fine}")
        conn.exec_driver_sql("UPDATE meta SET value = ? WHERE key = 'signals_detector'", (OLD_VERSION,))


def _queue(store) -> dict[str, list[str]]:
    with store.read() as conn:
        rows = queue.rows_for(conn, queue.ids(conn, queue.QueueFilter(include_closed=True)))
    return {row.trace_id: [r.signal for r in row.reasons] for row in rows}


def test_a_new_database_is_detected_by_this_version(store, tmp_path) -> None:
    with store.read() as conn:
        assert outdated(conn) == 0  # nothing in it yet
    import_paths(store, [_bundle(tmp_path)])
    with store.read() as conn:
        assert outdated(conn) == 0


def test_an_older_versions_signals_are_found_again_and_the_reviews_stay(store, tmp_path) -> None:
    import_paths(store, [_bundle(tmp_path)])
    _as_an_older_version_left_it(store)
    with store.write() as conn:
        reviews.save_review(conn, _pk(conn, "escalated"), "ann", reviews.ReviewInput(verdict="failure"))
        queue.set_state(conn, _pk(conn, "other"), "skipped")
    assert _queue(store)["fine"] == ["rephrase"]
    # A later import detects its own traces, not the older ones.
    import_paths(store, [_bundle(tmp_path, "later.jsonl", prefix="later-")])
    with store.read() as conn:
        assert outdated(conn) == 6
    assert _queue(store)["fine"] == ["rephrase"]

    seen = []
    assert redetect(store, progress=lambda done, total: seen.append((done, total))) == 6
    assert seen == [(6, 6)]
    with store.read() as conn:
        assert outdated(conn) == 0
        assert conn.exec_driver_sql("SELECT count(*) FROM signal WHERE detector = ?", (OLD_VERSION,)).scalar() == 0
        review = conn.exec_driver_sql(
            "SELECT verdict FROM review r JOIN trace t ON t.id = r.trace_pk WHERE t.trace_id = 'escalated'").scalar()
        states = {trace_id: state for trace_id, state in conn.exec_driver_sql(
            "SELECT t.trace_id, q.state FROM queue_entry q JOIN trace t ON t.id = q.trace_pk")}
    shown = _queue(store)
    assert "fine" not in shown and "escalation" in shown["escalated"]
    assert review == "failure" and states["escalated"] == "reviewed" and states["other"] == "skipped"


def test_stopped_half_way_it_goes_on_from_where_it_stopped(store, tmp_path) -> None:
    import_paths(store, [_bundle(tmp_path), _bundle(tmp_path, "more.jsonl", prefix="more-")])
    _as_an_older_version_left_it(store)
    assert redetect(store, stop=lambda: True) == 0
    chunks = []
    assert redetect(store, stop=lambda: len(chunks) == 2, progress=lambda done, total: chunks.append(done),
                    chunk=2) == 4
    with store.read() as conn:
        assert outdated(conn) == 2  # the next time, only the rest
    assert redetect(store, chunk=2) == 2
    with store.read() as conn:
        assert outdated(conn) == 0
    assert "fine" not in _queue(store)


def test_a_database_a_newer_version_detected_is_left_as_it_is(store, tmp_path) -> None:
    import_paths(store, [_bundle(tmp_path)])
    with store.write() as conn:
        newer = f"tracedesk-signals/{int(DETECTOR_VERSION.rpartition('/')[2]) + 1}"
        conn.exec_driver_sql("UPDATE meta SET value = ? WHERE key = 'signals_detector'", (newer,))
    with store.read() as conn:
        assert outdated(conn) == 0
    assert redetect(store) == 0


def test_the_queue_command_finds_an_older_versions_signals_again_first(store, tmp_path, capsys, db_path) -> None:
    import_paths(store, [_bundle(tmp_path)])
    _as_an_older_version_left_it(store)
    assert main(["--db", str(db_path), "queue"]) == 0
    out, err = capsys.readouterr()
    assert "an older version of Tracedesk" in err and "3 traces" in err
    assert "fine" not in out and "escalated" in out
    assert main(["--db", str(db_path), "queue"]) == 0
    assert "older version" not in capsys.readouterr().err


def test_found_again_in_small_chunks_across_long_sessions_every_trace_gets_its_signals(store, tmp_path) -> None:
    """Sessions longer than a chunk, their turns interleaved with each other's: each trace
    ends with the signals that detection at once gives it, none left out because an
    earlier chunk read its session."""
    b = Bundle()
    for n in range(14):
        for session in ("a", "b", "c"):
            question = "I want to talk to a human agent now" if n % 4 == 3 else f"Where is my order {n}77?"
            b.turn(session, question, "I can help you here.", trace_id=f"{session}{n}")
    import_paths(store, [write_jsonl(tmp_path / "long.jsonl", b.records)])

    def found() -> list[tuple]:
        with store.read() as conn:
            return conn.exec_driver_sql(
                "SELECT t.trace_id, s.kind, s.confidence, s.detail FROM signal s JOIN trace t ON t.id = s.trace_pk "
                "ORDER BY 1, 2, 3, 4").fetchall()

    at_once = found()
    assert len({row[0] for row in at_once}) > 10
    with store.write() as conn:
        conn.exec_driver_sql("DELETE FROM signal")
        conn.exec_driver_sql("UPDATE meta SET value = ? WHERE key = 'signals_detector'", (OLD_VERSION,))
    assert redetect(store, chunk=5) == 42
    assert found() == at_once
