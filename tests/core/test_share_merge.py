"""Sharing part of a review database and merging databases back: a round trip between two
reviewers, merging twice, conflicts, redaction, older and newer sources."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest

from tracedesk.core import audit, queue, reviews
from tracedesk.core.agreement import agreement, settle
from tracedesk.core.database import open_store
from tracedesk.core.errors import Cancelled, DatabaseError
from tracedesk.core.ingest import import_paths
from tracedesk.core.merge import merge_databases
from tracedesk.core.search import search_trace_ids
from tracedesk.core.share import ShareFilter, ShareOptions, share_database
from tracedesk.core.store import APPLICATION_ID, SCHEMA_VERSION
from tracedesk.core.traces import find_trace

from ..conftest import DATA, write_jsonl
from .sessions import Bundle, tool

TABLES = ("source", "trace", "span", "feedback", "signal", "review", "cause", "settlement", "audit_log",
          "queue_entry", "import_run")


def counts(path: Path) -> dict[str, int]:
    conn = sqlite3.connect(path)
    try:
        return {t: conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in TABLES}
    finally:
        conn.close()


def bundle(tmp_path: Path, source: str = "shop", prefix: str = "t", n: int = 4) -> Path:
    b = Bundle(source)
    for i in range(1, n + 1):
        b.turn(f"{prefix}s{i}", f"Where is order {i}? Mail me at buyer{i}@mail.example", "It shipped.",
               trace_id=f"{prefix}{i}", steps=[tool("lookup_order", {"order": i}, error="timeout"),
                                               tool("refund_order", {"order": i})])
        b.feedback(f"{prefix}{i}", "thumbs", -1, comment="wrong order")
    return write_jsonl(tmp_path / f"{source.replace('/', '-')}-{prefix}.jsonl", b.records)


def review(store, trace: str, reviewer: str, verdict: str, cause: str | None = None, span: str | None = None,
           notes: str | None = None):
    with store.write() as conn:
        return reviews.save_review(conn, find_trace(conn, trace).pk, reviewer,
                                   reviews.ReviewInput(verdict, cause=cause, blamed_span_id=span, notes=notes))


@pytest.fixture
def main_db(tmp_path: Path) -> Path:
    path = tmp_path / "main.sqlite"
    with open_store(path) as store:
        import_paths(store, [bundle(tmp_path)])
        review(store, "t1", "ann", "failure", "tool error", "t1.0", notes="call buyer at ann@corp.example")
        review(store, "t2", "ann", "failure", "tool error", "t2.0")
        review(store, "t3", "ann", "failure", "hallucination")
    return path


def test_round_trip_two_reviewers_and_their_agreement(main_db: Path, tmp_path: Path) -> None:
    copy = tmp_path / "copy.sqlite"
    with open_store(main_db) as store:
        shared = share_database(store, copy, ShareFilter(source="shop"))
    assert (shared.traces, shared.spans, shared.feedback, shared.reviews) == (4, 12, 4, 3)
    # Any copy of the app opens it: same schema, ours, a consistent queue and search index.
    conn = sqlite3.connect(copy)
    assert conn.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
    assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    conn.close()
    with open_store(copy) as other:
        with other.read() as conn:
            assert [r.trace_id for r in queue.page(conn, queue.QueueFilter())] == ["t4"]
            assert len(search_trace_ids(conn, "refund_order")) == 4
            assert len(audit.history(conn)) == 3
        # A second reviewer works on the copy.
        review(other, "t1", "bob", "failure", "tool error", "t1.0")
        review(other, "t2", "bob", "failure", "hallucination", "t2.1")
        review(other, "t3", "bob", "ok")
        review(other, "t4", "bob", "ok")
    with open_store(main_db) as store:
        report = merge_databases(store, [copy], author="lead")
        [result] = report.sources
        assert result.reviews.as_dict() == {"added": 4, "updated": 0, "unchanged": 3, "conflicts": 0}
        assert result.traces.added == 0 and result.traces.unchanged == 4
        assert result.audit_entries == 4
        with store.read() as conn:
            t1 = find_trace(conn, "t1").pk
            assert {r.reviewer for r in reviews.reviews_of(conn, t1)} == {"ann", "bob"}
            figures = agreement(conn)
            # t4 was reviewed by bob alone: it left the queue, and is not compared.
            assert queue.page(conn, queue.QueueFilter()) == []
    # By hand, verdicts over t1..t3: ann failure x3, bob failure x2 and ok; agree on 2 of 3.
    # p_o = 2/3, p_e = 1 * 2/3 = 2/3: kappa 0 (ann never said anything else).
    verdict = figures.figure("verdict")
    assert (verdict.method, verdict.traces, verdict.percent) == ("cohen", 3, pytest.approx(2 / 3))
    assert verdict.kappa == pytest.approx(0.0)
    # Causes over t1, t2: ann tool error x2, bob tool error, hallucination: p_o 1/2, p_e 1/2, kappa 0.
    assert figures.figure("cause").percent == 0.5
    assert [(d.trace_id, d.differs) for d in figures.disagreements] == [
        ("t2", ("cause", "span")), ("t3", ("verdict",))]


def test_merging_twice_changes_nothing(main_db: Path, tmp_path: Path) -> None:
    other = tmp_path / "other.sqlite"
    with open_store(other) as store:
        import_paths(store, [bundle(tmp_path, "shop", "u"), bundle(tmp_path, "shop")])
        review(store, "u1", "bob", "failure", "tool error")
        review(store, "t1", "bob", "ok")
        with store.write() as conn:
            settle(conn, find_trace(conn, "t1").pk, "lead", "failure", cause="tool error")
    with open_store(main_db) as store:
        first = merge_databases(store, [other])
        assert first.changed
        [r] = first.sources
        assert (r.traces.added, r.traces.unchanged, r.spans.added, r.feedback.added) == (4, 4, 12, 4)
        assert (r.reviews.added, r.settlements.added) == (2, 1)
        with store.read() as conn:
            # New traces: searchable, their signals found, in the queue unless reviewed.
            assert len(search_trace_ids(conn, "buyer3")) == 2
            open_ids = {row.trace_id for row in queue.page(conn, queue.QueueFilter(), limit=100)}
            assert open_ids == {"t4", "u2", "u3", "u4"}
            assert conn.exec_driver_sql("SELECT count(*) FROM signal WHERE trace_pk = ?",
                                        (find_trace(conn, "shop:u2").pk,)).scalar_one() > 0
        before = counts(main_db)
        second = merge_databases(store, [other])
    assert not second.changed
    assert counts(main_db) == before


def test_a_review_changed_on_both_sides_keeps_the_newer_and_logs_the_other(main_db: Path, tmp_path: Path) -> None:
    copy = tmp_path / "copy.sqlite"
    with open_store(main_db) as store:
        share_database(store, copy)
    with open_store(copy) as other:
        review(other, "t1", "ann", "failure", "reasoning error")  # on the laptop, first
    with open_store(main_db) as store:
        kept = review(store, "t1", "ann", "failure", "hallucination")  # at the office, later
        report = merge_databases(store, [copy], author="lead")
        [conflict] = report.sources[0].conflicts
        assert (conflict.entity, conflict.kept, conflict.uuid) == ("review", "here", kept.uuid)
        assert report.sources[0].reviews.conflicts == 1
        with store.read() as conn:
            assert reviews.get_review(conn, kept.uuid).cause == "hallucination"
            entry = audit.history(conn, entity_uuid=kept.uuid)[0]
            assert (entry.action, entry.author) == ("merge", "lead")
            assert entry.before["cause_uuid"] != entry.after["cause_uuid"]
        again = merge_databases(store, [copy], author="lead")
        assert not again.changed and not again.sources[0].conflicts
        # Undoing the merge's choice takes the other version.
        with store.write() as conn:
            reviews.undo(conn, "lead")
            assert reviews.get_review(conn, kept.uuid).cause == "reasoning error"


def test_a_newer_review_from_the_source_replaces_the_older_one_here(main_db: Path, tmp_path: Path) -> None:
    copy = tmp_path / "copy.sqlite"
    with open_store(main_db) as store:
        share_database(store, copy)
    with open_store(copy) as other:
        changed = review(other, "t2", "ann", "ok")
    with open_store(main_db) as store:
        report = merge_databases(store, [copy])
        assert report.sources[0].reviews.updated == 1 and not report.sources[0].conflicts
        with store.read() as conn:
            assert reviews.get_review(conn, changed.uuid).verdict == "ok"
            assert [e.action for e in audit.history(conn, entity_uuid=changed.uuid)] == ["update", "create"]


def test_redacted_share_leaves_nothing_to_find(main_db: Path, tmp_path: Path) -> None:
    copy = tmp_path / "copy.sqlite"
    with open_store(main_db) as store:
        report = share_database(store, copy, options=ShareOptions(redact=True))
    assert report.redacted["email"] >= 5
    data = copy.read_bytes()
    assert b"mail.example" not in data and b"ann@corp.example" not in data
    with open_store(copy) as other, other.read() as conn:
        assert search_trace_ids(conn, "buyer1") == []
        notes = reviews.reviews_of(conn, find_trace(conn, "t1").pk)[0].notes
        assert notes == "call buyer at [EMAIL]"
        assert audit.history(conn)[-1].after["notes"] == notes


def test_a_blind_share_holds_no_reviews_and_queues_every_trace(main_db: Path, tmp_path: Path) -> None:
    copy = tmp_path / "copy.sqlite"
    with open_store(main_db) as store:
        report = share_database(store, copy, ShareFilter(reviewed_only=True), ShareOptions(reviews=False))
    assert (report.traces, report.reviews) == (3, 0)
    with open_store(copy) as other, other.read() as conn:
        assert sorted(r.trace_id for r in queue.page(conn, queue.QueueFilter(expand_groups=True))) == [
            "t1", "t2", "t3"]


@pytest.mark.parametrize("redact", [False, True])
def test_a_blind_share_carries_nothing_the_verdicts_taught(tmp_path: Path, redact: bool) -> None:
    """Neither the answers like a failure judged here (which name the trace judged) nor the
    precision the verdicts taught: a second reviewer sees the queue the detectors give."""
    from .test_learning import WRONG

    b = Bundle()
    b.turn("s1", "Where is my refund? My flight was cancelled.", WRONG, trace_id="a")
    b.turn("s2", "how long does a refund take", WRONG, trace_id="b")
    b.turn("s3", "I want to talk to a human", "Sure.", trace_id="c")
    b.turn("s3", "a person please, now", "One moment.", trace_id="d")
    with open_store(tmp_path / "main.sqlite") as store:
        import_paths(store, [write_jsonl(tmp_path / "b.jsonl", b.records)])
        for trace in ("a", "c"):
            review(store, trace, "ann", "failure")
        with store.read() as conn:
            taught = {row.trace_id: row.reasons for row in queue.rows_for(conn, queue.ids(
                conn, queue.QueueFilter(include_closed=True)))}
        assert any(r.signal == "like_failure" for r in taught["b"])
        assert any(r.learned_from for r in taught["c"])
        copy = tmp_path / "copy.sqlite"
        share_database(store, copy, ShareFilter(), ShareOptions(reviews=False, redact=redact))
    with open_store(copy) as other, other.read() as conn:
        keys = {k for (k,) in conn.exec_driver_sql("SELECT key FROM meta")}
        rows = queue.rows_for(conn, queue.ids(conn, queue.QueueFilter(include_closed=True, include_quiet=True)))
    assert not keys & {"learned_echoes", "learned_precision", "learned_precision_applied"}
    reasons = [r for row in rows for r in row.reasons]
    assert reasons and not [r for r in reasons if r.signal == "like_failure" or r.learned_from]


def test_sharing_never_overwrites_a_file(main_db: Path, tmp_path: Path) -> None:
    with open_store(main_db) as store:
        with pytest.raises(Exception, match="exists already"):
            share_database(store, main_db)

        def stop(progress) -> None:
            if progress.phase.startswith("Copying steps"):
                raise Cancelled()

        with pytest.raises(Cancelled):
            share_database(store, tmp_path / "copy.sqlite", progress=stop)
    assert sorted(p.name for p in tmp_path.iterdir() if "copy" in p.name) == []


def test_an_older_source_is_read_through_a_migrated_copy(main_db: Path, tmp_path: Path) -> None:
    old = tmp_path / "v2.sqlite"
    shutil.copyfile(DATA / "schema" / "v2.sqlite", old)
    original = old.read_bytes()
    with open_store(main_db) as store:
        report = merge_databases(store, [old])
        assert report.sources[0].schema == 2
        assert report.sources[0].traces.added >= 1
        with store.read() as conn:
            assert find_trace(conn, "support-bot/prod:t1")
    assert old.read_bytes() == original
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith("v2")) == ["v2.sqlite"]


def test_a_newer_source_or_a_foreign_file_is_refused_and_nothing_changes(main_db: Path, tmp_path: Path) -> None:
    newer = tmp_path / "newer.sqlite"
    open_store(newer).close()
    conn = sqlite3.connect(newer)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn.close()
    foreign = tmp_path / "foreign.sqlite"
    conn = sqlite3.connect(foreign)
    conn.execute("CREATE TABLE x (y)")
    conn.close()
    before = counts(main_db)
    with open_store(main_db) as store:
        with pytest.raises(DatabaseError, match="newer version of Tracedesk"):
            merge_databases(store, [newer])
        with pytest.raises(DatabaseError, match="not a Tracedesk review database"):
            merge_databases(store, [foreign])
        with pytest.raises(Exception, match="being merged into"):
            merge_databases(store, [main_db])
    assert counts(main_db) == before


def test_a_cancelled_merge_changes_nothing(main_db: Path, tmp_path: Path) -> None:
    other = tmp_path / "other.sqlite"
    with open_store(other) as store:
        import_paths(store, [bundle(tmp_path, "shop", "u")])
    before = counts(main_db)

    def stop(progress) -> None:
        if "reviews" in progress.phase:
            raise Cancelled()

    with open_store(main_db) as store, pytest.raises(Cancelled):
        merge_databases(store, [other], progress=stop)
    assert counts(main_db) == before
