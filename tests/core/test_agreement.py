"""Agreement between reviewers: kappa against textbook examples, the figures and
disagreements of a database, settled answers (audited, undone), and the schema upgrade
that brought them."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tracedesk.core import audit, reviews
from tracedesk.core.agreement import SettleError, agreement, cohens_kappa, fleiss_kappa, settle, settlement_of
from tracedesk.core.database import open_store
from tracedesk.core.ingest import import_paths
from tracedesk.core.store import SCHEMA_VERSION
from tracedesk.core.traces import find_trace

from ..conftest import DATA, write_jsonl
from .sessions import Bundle, tool


def test_cohens_kappa_of_the_textbook_example() -> None:
    # Wikipedia, "Cohen's kappa": 50 proposals, two readers; yes/yes 20, yes/no 5, no/yes 10, no/no 15.
    pairs = [("y", "y")] * 20 + [("y", "n")] * 5 + [("n", "y")] * 10 + [("n", "n")] * 15
    kappa, observed, expected = cohens_kappa(pairs)
    assert observed == pytest.approx(0.7)
    assert expected == pytest.approx(0.5)
    assert kappa == pytest.approx(0.4)


def test_cohens_kappa_when_chance_explains_everything_or_there_is_nothing() -> None:
    assert cohens_kappa([("a", "a")] * 4) == (None, 1.0, 1.0)
    assert cohens_kappa([]) == (None, None, None)
    # Perfect agreement over two categories, and systematic disagreement.
    assert cohens_kappa([("a", "a"), ("b", "b")])[0] == pytest.approx(1.0)
    assert cohens_kappa([("a", "b"), ("b", "a")])[0] == pytest.approx(-1.0)


def test_fleiss_kappa_of_the_textbook_example() -> None:
    # Wikipedia, "Fleiss' kappa": 14 raters put 10 subjects into 5 categories; kappa 0.210.
    table = [
        [0, 0, 0, 0, 14], [0, 2, 6, 4, 2], [0, 0, 3, 5, 6], [0, 3, 9, 2, 0], [2, 2, 8, 1, 1],
        [7, 7, 0, 0, 0], [3, 2, 6, 3, 0], [2, 5, 3, 2, 2], [6, 5, 2, 1, 0], [0, 2, 2, 3, 7],
    ]
    kappa, p_bar, p_e = fleiss_kappa(table)
    assert p_bar == pytest.approx(0.378, abs=5e-4)
    assert p_e == pytest.approx(0.213, abs=5e-4)
    assert kappa == pytest.approx(0.210, abs=5e-4)


def test_fleiss_kappa_of_two_raters_is_scotts_pi() -> None:
    # With two raters Fleiss' kappa is Scott's pi: here p_o 0.7, pooled marginals 0.55/0.45.
    pairs = [("y", "y")] * 20 + [("y", "n")] * 5 + [("n", "y")] * 10 + [("n", "n")] * 15
    units = [{a: 2} if a == b else {a: 1, b: 1} for a, b in pairs]
    p_e = 0.55 ** 2 + 0.45 ** 2
    assert fleiss_kappa(units)[0] == pytest.approx((0.7 - p_e) / (1 - p_e))


@pytest.fixture
def reviewed(tmp_path: Path):
    """Four traces reviewed by ann, bob and (two of them) cid."""
    b = Bundle("shop")
    for n in range(1, 5):
        b.turn(f"s{n}", f"Where is order {n}?", "It shipped.", trace_id=f"t{n}",
               steps=[tool("lookup_order", {"order": n}), tool("refund_order", {"order": n})])
    path = write_jsonl(tmp_path / "b.jsonl", b.records)
    with open_store(tmp_path / "db.sqlite") as store:
        import_paths(store, [path])
        with store.write() as conn:
            pk = {t: find_trace(conn, t).pk for t in ("t1", "t2", "t3", "t4")}
            said = {  # trace: {reviewer: (verdict, cause, span)}
                "t1": {"ann": ("failure", "tool error", "t1.0"), "bob": ("failure", "tool error", "t1.0")},
                "t2": {"ann": ("failure", "tool error", "t2.0"), "bob": ("failure", "hallucination", "t2.1")},
                "t3": {"ann": ("failure", "tool error", None), "bob": ("ok", None, None)},
                "t4": {"ann": ("ok", None, None), "bob": ("ok", None, None)},
            }
            for trace, by in said.items():
                for reviewer, (verdict, cause, span) in by.items():
                    reviews.save_review(conn, pk[trace], reviewer,
                                        reviews.ReviewInput(verdict, cause=cause, blamed_span_id=span))
        yield store, pk


def test_two_reviewers_are_compared_with_cohens_kappa(reviewed) -> None:
    store, pk = reviewed
    with store.read() as conn:
        report = agreement(conn)
    assert report.traces == 4 and report.reviewers == ("ann", "bob")
    verdict = report.figure("verdict")
    # By hand: ann failure x3, ok x1; bob failure x2, ok x2; they agree on 3 of 4.
    # p_o = 0.75, p_e = 3/4 * 2/4 + 1/4 * 2/4 = 0.5, kappa = 0.5.
    assert (verdict.method, verdict.traces, verdict.percent) == ("cohen", 4, 0.75)
    assert verdict.kappa == pytest.approx(0.5)
    # Causes over t1 and t2 (both said failure): agree on t1 only; ann tool error x2, bob one each:
    # p_o = 0.5, p_e = 1 * 0.5 = 0.5, kappa 0.
    cause = report.figure("cause")
    assert (cause.traces, cause.percent) == (2, 0.5)
    assert cause.kappa == pytest.approx(0.0)
    assert report.figure("span").percent == 0.5
    assert [(d.trace_id, d.differs) for d in report.disagreements] == [
        ("t2", ("cause", "span")), ("t3", ("verdict",))]
    assert [r.reviewer for r in report.disagreements[0].ratings] == ["ann", "bob"]


def test_three_reviewers_are_compared_with_fleiss_kappa_and_pairs(reviewed) -> None:
    store, pk = reviewed
    with store.write() as conn:
        reviews.save_review(conn, pk["t1"], "cid", reviews.ReviewInput("failure", cause="tool error"))
        reviews.save_review(conn, pk["t3"], "cid", reviews.ReviewInput("ok"))
    with store.read() as conn:
        report = agreement(conn)
    verdict = report.figure("verdict")
    assert verdict.method == "fleiss" and verdict.reviewers == ("ann", "bob", "cid")
    # By hand: t1 {failure: 3} P=1; t2 {failure: 2} P=1; t3 {failure: 1, ok: 2} P=(1+4-3)/6=1/3;
    # t4 {ok: 2} P=1. P_bar = (3 + 1/3) / 4 = 5/6. Ratings: failure 6, ok 4 of 10:
    # P_e = 0.6^2 + 0.4^2 = 0.52. kappa = (5/6 - 0.52) / 0.48 = 0.6528.
    p_e = 0.52
    assert verdict.observed == pytest.approx(5 / 6)
    assert verdict.kappa == pytest.approx((5 / 6 - p_e) / (1 - p_e)) == pytest.approx(0.652778)
    assert verdict.percent == 0.75
    pairs = {(p.dimension, p.a, p.b): p for p in report.pairs}
    assert pairs["verdict", "ann", "cid"].traces == 2 and pairs["verdict", "ann", "cid"].percent == 0.5
    assert pairs["verdict", "bob", "cid"].percent == 1.0


def test_a_settled_answer_is_audited_listed_and_undone(reviewed) -> None:
    store, pk = reviewed
    with store.write() as conn:
        settled = settle(conn, pk["t2"], "lead", "failure", cause="hallucination", blamed_span_id="t2.1",
                         notes="the refund tool was fine")
        again = settle(conn, pk["t2"], "lead", "failure", cause="tool error", blamed_span_id="t2.0")
    assert again.uuid == settled.uuid and again.cause == "tool error"
    with store.read() as conn:
        report = agreement(conn)
        assert [d.settled.cause if d.settled else None for d in report.disagreements] == ["tool error", None]
        assert [d.trace_id for d in agreement(conn, unsettled_only=True).disagreements] == ["t3"]
        entries = audit.history(conn, entity_uuid=settled.uuid)
        assert [e.action for e in entries] == ["settle", "settle"]
        assert entries[0].describe() == "settle the settled answer (failure)"
        # The reviews stay as their reviewers left them.
        assert {r.cause for r in reviews.reviews_of(conn, pk["t2"])} == {"tool error", "hallucination"}
    with store.write() as conn:
        reviews.undo(conn, "lead")
        assert settlement_of(conn, pk["t2"]).cause == "hallucination"
        reviews.undo(conn, "lead")
        assert settlement_of(conn, pk["t2"]) is None


def test_settling_refuses_a_trace_without_reviews_and_a_bad_span(reviewed, tmp_path) -> None:
    store, pk = reviewed
    with store.write() as conn:
        with pytest.raises(reviews.ReviewError, match="no span"):
            settle(conn, pk["t2"], "lead", "failure", blamed_span_id="nope")
        conn.exec_driver_sql("DELETE FROM review WHERE trace_pk = ?", (pk["t4"],))
        with pytest.raises(SettleError, match="no reviews"):
            settle(conn, pk["t4"], "lead", "ok")


def test_a_settled_answer_keeps_a_cause_retired_since_but_takes_no_retired_cause_anew(reviewed) -> None:
    from tracedesk.core import causes

    store, pk = reviewed
    with store.write() as conn:
        reviews.save_review(conn, pk["t2"], "lead", reviews.ReviewInput("failure", cause="hallucination"))
        settle(conn, pk["t2"], "lead", "failure", cause="tool error")
        causes.retire_cause(conn, "tool error", author="lead")
        causes.retire_cause(conn, "hallucination", author="lead")
        settle(conn, pk["t2"], "lead", "failure", cause="tool error", notes="kept")  # the cause it has
        with pytest.raises(causes.CauseError, match="retired"):
            settle(conn, pk["t2"], "lead", "failure", cause="hallucination")  # only the lead's review has it
    with store.read() as conn:
        assert settlement_of(conn, pk["t2"]).cause == "tool error"


def test_the_history_of_a_trace_shows_its_settled_answer(reviewed) -> None:
    store, pk = reviewed
    with store.write() as conn:
        settle(conn, pk["t2"], "lead", "failure")
        reviews.undo(conn, "lead")
    with store.read() as conn:
        entries = audit.history(conn, trace_pk=pk["t2"])
    assert [(e.entity, e.action) for e in entries[:2]] == [("settlement", "undo"), ("settlement", "settle")]
    assert all(e.trace_pk == pk["t2"] for e in entries)


def test_a_version_2_database_gains_settled_answers(tmp_path: Path) -> None:
    path = tmp_path / "v2.sqlite"
    shutil.copyfile(DATA / "schema" / "v2.sqlite", path)
    with open_store(path) as store:
        with store.read() as conn:
            assert conn.exec_driver_sql("PRAGMA user_version").scalar_one() == SCHEMA_VERSION
            tables = {r[0] for r in conn.exec_driver_sql("SELECT name FROM sqlite_master WHERE type = 'table'")}
            assert "settlement" in tables
            pk = find_trace(conn, "t1").pk
        with store.write() as conn:
            reviews.save_review(conn, pk, "ann", reviews.ReviewInput("failure"))
            reviews.save_review(conn, pk, "bob", reviews.ReviewInput("ok"))
            settle(conn, pk, "lead", "failure", cause="tool error")
        with store.read() as conn:
            [d] = agreement(conn).disagreements
            assert d.settled.cause == "tool error"
