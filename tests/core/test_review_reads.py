"""The reads the review dialogs share with the core: reviewers and tags, the expected
answer, what counts as a failed run, the audit entry's changes, feedback polarity."""

from __future__ import annotations

import importlib

import pytest

from tracedesk.core import audit, reviews
from tracedesk.core.candidates import run_failed
from tracedesk.core.export import EXPORT_FORMATS
from tracedesk.core.ingest import import_paths
from tracedesk.core.reviews import NeedsVerdict, ReviewError, ReviewInput
from tracedesk.core.traces import feedback_of, find_trace

from ..conftest import write_jsonl
from .sessions import Bundle


@pytest.fixture
def two_traces(store, tmp_path):
    b = Bundle("shop")
    b.turn("s1", "Refund order 88 please", "Done!", trace_id="t1")
    b.feedback("t1", "thumbs", -1)
    b.feedback("t1", "thumbs", 1)
    b.turn("s2", "Where is my parcel?", "On its way.", trace_id="t2")
    import_paths(store, [write_jsonl(tmp_path / "b.jsonl", b.records)])
    return store


def test_reviewers_tags_and_the_expected_answer(two_traces) -> None:
    with two_traces.write() as conn:
        t1, t2 = find_trace(conn, "t1").pk, find_trace(conn, "t2").pk
        assert reviews.reviewers(conn) == [] and reviews.review_tags(conn) == []
        assert reviews.expected_answer(conn, t1) is None
        reviews.save_review(conn, t1, "Bo", ReviewInput("failure", tags=["refunds", "urgent"],
                                                        expected={"answer": 88}))
        reviews.save_review(conn, t2, "Ann", ReviewInput("ok", tags=["parcels", "refunds"]))
        assert reviews.reviewers(conn) == ["Ann", "Bo"]
        assert reviews.review_tags(conn) == ["parcels", "refunds", "urgent"]
        assert reviews.review_tags(conn, limit=1) == ["parcels"]
        expected = reviews.expected_answer(conn, t1)
        assert expected is not None and expected.reviewer == "Bo" and expected.expected == {"answer": 88}
        assert reviews.expected_answer(conn, t2) is None


def test_a_new_review_without_a_verdict_raises_needs_verdict(two_traces) -> None:
    with two_traces.write() as conn:
        t1 = find_trace(conn, "t1").pk
        with pytest.raises(NeedsVerdict) as raised:
            reviews.update_review(conn, t1, "Bo", notes="later")
        assert isinstance(raised.value, ReviewError)
        reviews.update_review(conn, t1, "Bo", verdict="failure")
        assert reviews.update_review(conn, t1, "Bo", notes="now").notes == "now"


@pytest.mark.parametrize(("status", "priority", "verdict", "failed"), [
    ("error", 0, None, True), (None, 0.4, None, True), ("ok", 0, None, False), (None, None, None, False),
    ("error", 1, "ok", False), ("ok", 0, "failure", True), ("error", 0, "unsure", True),
])
def test_one_rule_says_whether_a_run_failed(status, priority, verdict, failed) -> None:
    assert run_failed(status, priority, verdict) is failed


def test_an_audit_entry_lists_the_fields_it_changed(two_traces) -> None:
    with two_traces.write() as conn:
        t1 = find_trace(conn, "t1").pk
        reviews.save_review(conn, t1, "Bo", ReviewInput("failure"))
        reviews.update_review(conn, t1, "Bo", verdict="ok", notes="fine after all")
        update, create = audit.history(conn, trace_pk=t1)[:2]
    assert update.changes() == [("verdict", "failure", "ok"), ("notes", None, "fine after all")]
    assert {k for k, _, _ in create.changes()} == {"reviewer", "verdict"}  # no uuid, key, times nor author


def test_feedback_carries_the_polarity_the_signals_give_it(two_traces) -> None:
    with two_traces.read() as conn:
        feedback = feedback_of(conn, find_trace(conn, "t1").pk)
    assert [(f["kind"], f["value"], f["polarity"]) for f in feedback] == [("thumbs", -1, -1), ("thumbs", 1, 1)]


def test_every_format_has_its_file_suffix_and_its_writer() -> None:
    for name, fmt in EXPORT_FORMATS.items():
        assert fmt.name == name and fmt.suffix.startswith(".") and fmt.label
        writer = importlib.import_module(f"tracedesk.core.export.{fmt.module}")
        assert hasattr(writer, "write") or hasattr(writer, "record"), fmt
