"""Reviews, the cause taxonomy, the audit log and undo, as a reviewer relies on them."""

from __future__ import annotations

import pytest

from tracedesk.core import audit, causes, queue, reviews
from tracedesk.core.errors import UserError
from tracedesk.core.ingest import import_paths
from tracedesk.core.reviews import ReviewInput
from tracedesk.core.settings import load_settings, save_reviewer
from tracedesk.core.traces import find_trace, trace_detail

from ..conftest import write_jsonl
from .sessions import Bundle, tool


@pytest.fixture
def reviewed(store, tmp_path):
    b = Bundle("shop")
    b.turn("s1", "Refund order 88 please", "Done! I've processed your refund.", trace_id="t1",
           steps=[tool("refund_order", {"order": 88}, error="gateway timeout")])
    b.feedback("t1", "thumbs", -1)
    b.turn("s2", "Where is my parcel?", "It is on its way.", trace_id="t2")
    b.feedback("t2", "thumbs", -1)
    import_paths(store, [write_jsonl(tmp_path / "b.jsonl", b.records)])
    return store


def pk(store, ref: str) -> int:
    with store.read() as conn:
        return find_trace(conn, ref).pk


def open_ids(store) -> set[str]:
    with store.read() as conn:
        return {r.trace_id for r in queue.page(conn, queue.QueueFilter(), 0, 100)}


def counts(store) -> tuple[int, int]:
    with store.read() as conn:
        return (conn.exec_driver_sql("SELECT count(*) FROM review").scalar_one(),
                conn.exec_driver_sql("SELECT count(*) FROM audit_log").scalar_one())


def test_a_review_takes_the_trace_out_of_the_queue_and_its_undo_brings_it_back(reviewed) -> None:
    t1 = pk(reviewed, "t1")
    assert open_ids(reviewed) == {"t1", "t2"}
    with reviewed.write() as conn:
        review = reviews.save_review(conn, t1, "ann", ReviewInput(
            "failure", severity="high", cause="Tool Error", blamed_span_id="t1.0",
            expected="The refund failed; I have asked a colleague to retry it.", notes="swallowed the timeout",
            tags=["refunds", "refunds", " p1 "]))
    assert open_ids(reviewed) == {"t2"}
    assert review.reviewer == "ann" and review.cause == "tool error" and review.tags == ("refunds", "p1")
    assert len(review.uuid) == 36 and review.created_ns == review.updated_ns
    with reviewed.read() as conn:
        assert conn.exec_driver_sql("SELECT state FROM queue_entry WHERE trace_pk = ?", (t1,)).scalar() == "reviewed"
        [shown] = trace_detail(conn, find_trace(conn, "t1"))["reviews"]
    assert shown["verdict"] == "failure" and shown["blamed_span_id"] == "t1.0"
    assert shown["expected"].startswith("The refund failed") and shown["created_time"].endswith("Z")
    with reviewed.write() as conn:
        result = reviews.undo(conn, "ann")
    assert result.undone.action == "create" and result.trace_pk == t1
    assert open_ids(reviewed) == {"t1", "t2"}
    assert counts(reviewed) == (0, 2)  # the review is gone; the log keeps its making and its undoing


def test_every_change_is_in_the_audit_log_and_undone_in_reverse_order(reviewed) -> None:
    t1 = pk(reviewed, "t1")
    with reviewed.write() as conn:
        first = reviews.save_review(conn, t1, "ann", ReviewInput("unsure"))
        reviews.update_review(conn, t1, "ann", verdict="failure", cause="hallucination", notes="made up a date")
        reviews.update_review(conn, t1, "ann", verdict="failure")  # nothing changes: nothing is logged
        log = audit.history(conn, trace_pk=t1)
    assert [e.action for e in log] == ["update", "create"]
    update = log[0]
    assert update.author == "ann" and update.entity == "review" and update.entity_uuid == first.uuid
    assert (update.before["verdict"], update.after["verdict"]) == ("unsure", "failure")
    assert update.after["notes"] == "made up a date" and update.before["notes"] is None
    with reviewed.write() as conn:
        assert audit.last_undoable(conn, "ann").uuid == update.uuid
        reviews.undo(conn, "ann")
        assert reviews.review_by(conn, t1, "ann").verdict == "unsure"
        reviews.delete_review(conn, first.uuid, "ann")
    assert "t1" in open_ids(reviewed)
    with reviewed.write() as conn:
        reviews.undo(conn, "ann")  # the delete
        restored = reviews.review_by(conn, t1, "ann")
        assert restored.uuid == first.uuid and restored.verdict == "unsure"
        log = audit.history(conn, entity_uuid=first.uuid)
    assert "t1" not in open_ids(reviewed)
    assert [(e.action, e.undone) for e in log] == [("undo", False), ("delete", True), ("undo", False),
                                                  ("update", True), ("create", False)]


def test_one_reviewer_cannot_undo_anothers_work_nor_work_changed_since(reviewed) -> None:
    t1 = pk(reviewed, "t1")
    with reviewed.write() as conn:
        reviews.save_review(conn, t1, "ann", ReviewInput("failure"))
        reviews.save_review(conn, t1, "bob", ReviewInput("ok"))
        causes.add_cause(conn, "stale cache", author="ann")
        causes.rename_cause(conn, "stale cache", "cache served stale data", author="bob")
    with pytest.raises(UserError, match="changed again since"), reviewed.write() as conn:
        reviews.undo(conn, "ann")  # her cause was renamed by bob since
    with reviewed.write() as conn:
        reviews.undo(conn, "bob")  # his rename
        reviews.undo(conn, "bob")  # his review
        assert [r.reviewer for r in reviews.reviews_of(conn, t1)] == ["ann"]
        reviews.undo(conn, "ann")  # now her cause can go
        with pytest.raises(audit.NothingToUndo):
            reviews.undo(conn, "bob")


@pytest.mark.parametrize("data, message", [
    (ReviewInput("failure", cause="no such cause"), "no cause 'no such cause'"),
    (ReviewInput("failure", blamed_span_id="nope"), "the trace has no span 'nope'"),
    (ReviewInput("broken"), "the verdict must be one of failure, ok, unsure"),
    (ReviewInput("failure", severity="huge"), "the severity must be one of"),
])
def test_bad_input_is_refused_with_a_clear_message_and_changes_nothing(reviewed, data, message) -> None:
    t1 = pk(reviewed, "t1")
    with pytest.raises(UserError, match=message), reviewed.write() as conn:
        reviews.save_review(conn, t1, "ann", data)
    assert counts(reviewed) == (0, 0)
    assert "t1" in open_ids(reviewed)


def test_the_draft_of_a_new_review_starts_from_the_actual_answer(reviewed) -> None:
    t1 = pk(reviewed, "t1")
    with reviewed.read() as conn:
        draft = reviews.review_draft(conn, t1, "ann")
    assert draft.existing is None and draft.input.expected is None
    assert draft.expected_start == "Done! I've processed your refund."
    with reviewed.write() as conn:
        reviews.save_review(conn, t1, "ann", ReviewInput("failure", expected="It failed; retrying."))
        draft = reviews.review_draft(conn, t1, "ann")
    assert draft.existing is not None and draft.expected_start == "It failed; retrying."


def test_the_draft_starts_from_the_correction_someone_sent_with_their_feedback(store, tmp_path) -> None:
    b = Bundle()
    b.turn("s", "Where is order 11995?", "See our return policy.", trace_id="t")
    b.feedback("t", "correction", comment="answered a different question",
               correction="Order 11995 left our warehouse on Monday.")
    import_paths(store, [write_jsonl(tmp_path / "b.jsonl", b.records)])
    with store.read() as conn:
        draft = reviews.review_draft(conn, find_trace(conn, "t").pk, "ann")
    assert draft.actual == "See our return policy."
    assert draft.expected_start == "Order 11995 left our warehouse on Monday."


def test_the_taxonomy_is_edited_and_every_edit_audited(reviewed) -> None:
    t1 = pk(reviewed, "t1")
    with reviewed.write() as conn:
        names = {c.name for c in causes.list_causes(conn)}
        assert {"retrieval miss", "knowledge gap", "tool error", "wrong tool or arguments", "reasoning error",
                "hallucination", "policy or instruction violation", "prompt defect", "formatting"} == names
        timeout = causes.add_cause(conn, "timeout", author="ann", parent="tool error",
                                   description="The tool did not answer in time.")
        assert timeout.full_name == "tool error / timeout" and timeout.depth == 1
        reviews.save_review(conn, t1, "ann", ReviewInput("failure", cause="tool error / timeout"))
        causes.rename_cause(conn, "timeout", "tool timeout", author="ann")
        assert reviews.review_by(conn, t1, "ann").cause == "tool error / tool timeout"  # reviews follow the cause
        with pytest.raises(causes.CauseError, match="below itself"):
            causes.nest_cause(conn, "tool error", "tool timeout", author="ann")
        with pytest.raises(causes.CauseError, match="already a cause named 'formatting'"):
            causes.add_cause(conn, "Formatting", author="ann")
        causes.retire_cause(conn, "tool error", author="ann")
        listed = [c.name for c in causes.list_causes(conn)]
        assert "tool error" not in listed and "tool timeout" not in listed  # retired with its branch
        assert reviews.review_by(conn, t1, "ann").cause == "tool error / tool timeout"
        with pytest.raises(causes.CauseError, match="is retired"):
            reviews.save_review(conn, pk(reviewed, "t2"), "ann", ReviewInput("failure", cause="tool error"))
        causes.nest_cause(conn, "tool timeout", None, author="ann")
        log = [(e.action, e.entity) for e in audit.history(conn, author="ann")]
    assert log == [("nest", "cause"), ("retire", "cause"), ("rename", "cause"), ("create", "review"),
                   ("add", "cause")]
    with reviewed.write() as conn:
        for _ in range(3):
            reviews.undo(conn, "ann")  # nest, retire, rename
        assert causes.find_cause(conn, "timeout").full_name == "tool error / timeout"
        with pytest.raises(UserError, match="1 review uses that cause"):
            reviews.undo(conn, "ann", audit.history(conn, author="ann")[-1].uuid)


def test_the_reviewers_name_is_kept_in_the_settings(tmp_path) -> None:
    path = tmp_path / "settings.toml"
    path.write_text("# my weights\n[queue.weights]\nrephrase = 1.0\n")
    save_reviewer('Ann "the QA lead" Lee', path)
    save_reviewer("Ann Lee", path)
    settings = load_settings(path)
    assert settings.reviewer == "Ann Lee" and settings.weights["rephrase"] == 1.0
    assert path.read_text().startswith("# my weights\n") and path.read_text().count("[reviewer]") == 1
