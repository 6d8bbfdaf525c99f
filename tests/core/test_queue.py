"""The failure queue: order, reasons, reviewed and snoozed traces, groups, filters, weights."""

from __future__ import annotations

import json

import pytest

from tracedesk.cli import main
from tracedesk.core import queue
from tracedesk.core.database import open_store
from tracedesk.core.ingest import import_paths
from tracedesk.core.queue import QueueFilter
from tracedesk.core.settings import load_settings
from tracedesk.core.store import now_ns

from ..conftest import write_jsonl
from .sessions import Bundle, stamp, tool


@pytest.fixture
def triaged(store, tmp_path):
    b = Bundle("shop")
    b.turn("s1", "Refund order 88 please", "Done! I've processed your refund.", trace_id="swallowed",
           steps=[tool("refund_order", {"order": 88}, error="gateway timeout")], metadata={"model": "m1"},
           tags=["refund"])
    for i in range(3):  # the same failure on the same question, three times
        b.turn(f"d{i}", f"Where is my parcel {100 + i}?", "It is on its way.", trace_id=f"dup{i}",
               metadata={"model": "m2", "prompt_version": "v8"}, tags=["shipping"])
        b.feedback(f"dup{i}", "thumbs", -1)
    b.turn("s2", "How do I reset my password?", "Use the Forgot password link.", trace_id="rephrased",
           metadata={"prompt_version": "v7"})
    b.turn("s2", "How can I reset the password of my account?", "Use the Forgot password link.",
           trace_id="second")
    b.turn("s3", "Thanks for the help", "You're welcome!", trace_id="fine")
    import_paths(store, [write_jsonl(tmp_path / "b.jsonl", b.records)])
    return store


def rows(store, f: QueueFilter | None = None) -> list[queue.QueueRow]:
    with store.read() as conn:
        return queue.page(conn, f or QueueFilter(), 0, 100)


def test_the_queue_puts_the_likeliest_defects_first_with_their_reasons(triaged) -> None:
    got = rows(triaged)
    assert [r.trace_id for r in got][:1] == ["dup2"]
    assert {r.trace_id for r in got} == {"dup2", "swallowed", "rephrased"}
    assert [r.priority for r in got] == sorted((r.priority for r in got), reverse=True)
    swallowed = next(r for r in got if r.trace_id == "swallowed")
    [reason] = swallowed.reasons
    assert reason.signal == "error_swallowed" and reason.span_id == "swallowed.0"
    assert "gateway timeout" in reason.detail
    assert swallowed.question == "Refund order 88 please"


def test_near_duplicates_are_grouped_with_the_others_one_step_away(triaged) -> None:
    head = next(r for r in rows(triaged) if r.trace_id.startswith("dup"))
    assert head.group_size == 3
    members = rows(triaged, QueueFilter(group_of=head.trace_pk))
    assert sorted(r.trace_id for r in members) == ["dup0", "dup1", "dup2"]


def test_a_reviewed_trace_leaves_the_queue_and_its_group_gets_a_new_head(triaged) -> None:
    head = next(r for r in rows(triaged) if r.trace_id.startswith("dup"))
    with triaged.write() as conn:
        conn.exec_driver_sql(
            "INSERT INTO review (uuid, trace_pk, reviewer, verdict, missing_step, created_ns, updated_ns) "
            "VALUES ('r1', ?, 'ana', 'failure', 0, 1, 1)", (head.trace_pk,))
        queue.refresh_trace(conn, head.trace_pk)
    got = rows(triaged)
    assert head.trace_id not in {r.trace_id for r in got}
    new_head = next(r for r in got if r.trace_id.startswith("dup"))
    assert new_head.group_size == 2
    assert head.trace_id in {r.trace_id for r in rows(triaged, QueueFilter(include_closed=True))}


def test_snoozed_and_skipped_traces_stay_out_until_asked_for(triaged) -> None:
    swallowed = next(r for r in rows(triaged) if r.trace_id == "swallowed")
    with triaged.write() as conn:
        queue.set_state(conn, swallowed.trace_pk, "snoozed", until_ns=now_ns() + 3600 * 10**9)
    assert "swallowed" not in {r.trace_id for r in rows(triaged)}
    with triaged.write() as conn:
        queue.set_state(conn, swallowed.trace_pk, None)
    assert "swallowed" in {r.trace_id for r in rows(triaged)}
    with triaged.write() as conn:
        queue.set_state(conn, swallowed.trace_pk, "snoozed", until_ns=now_ns() - 1)  # already over
    assert "swallowed" in {r.trace_id for r in rows(triaged)}


@pytest.mark.parametrize("f, expected", [
    (QueueFilter(kinds=("error_swallowed",)), {"swallowed"}),
    (QueueFilter(kinds=("thumbs_down",)), {"dup0", "dup1", "dup2"}),
    (QueueFilter(session="s2"), {"rephrased"}),
    (QueueFilter(model="m1"), {"swallowed"}),
    (QueueFilter(prompt_version="v8"), {"dup0", "dup1", "dup2"}),
    (QueueFilter(tag="refund"), {"swallowed"}),
    (QueueFilter(text="parcel"), {"dup0", "dup1", "dup2"}),
    (QueueFilter(text="gateway"), {"swallowed"}),
    (QueueFilter(source="shop", user="u1", text="password"), {"rephrased"}),
    (QueueFilter(source="elsewhere"), set()),
    (QueueFilter(include_quiet=True, include_closed=True, session="s3"), {"fine"}),
])
def test_filters(triaged, f, expected) -> None:
    assert {r.trace_id for r in rows(triaged, f)} == expected
    with triaged.read() as conn:
        assert queue.count(conn, f) == len(expected)


def test_a_date_range(triaged) -> None:
    from tracedesk.core.records import parse_time

    since = parse_time(stamp(60))[0]  # the first turn starts at 0
    until = parse_time(stamp(60 * 4))[0]
    assert {r.trace_id for r in rows(triaged, QueueFilter(since_ns=since, until_ns=until))} == {
        "dup0", "dup1", "dup2"}


def test_weights_from_the_settings_file_change_the_order(triaged, tmp_path, monkeypatch) -> None:
    settings = tmp_path / "settings.toml"
    settings.write_text("[queue.weights]\nrephrase = 0\nerror_swallowed = 0.2\n")
    monkeypatch.setenv("TRACEDESK_CONFIG", str(settings))
    weights = load_settings().weights
    with triaged.write() as conn:
        assert queue.ensure_weights(conn, weights)
        assert not queue.ensure_weights(conn, weights)  # already current: nothing to do
    got = {r.trace_id: r.priority for r in rows(triaged)}
    assert "rephrased" not in got
    assert got["swallowed"] == pytest.approx(0.2 * 0.85)


def test_a_broken_settings_file_is_one_clear_message(tmp_path, monkeypatch, capsys) -> None:
    settings = tmp_path / "settings.toml"
    settings.write_text("[queue.weights]\nrephrase = 7\n")
    monkeypatch.setenv("TRACEDESK_CONFIG", str(settings))
    open_store(tmp_path / "db.sqlite").close()
    assert main(["--db", str(tmp_path / "db.sqlite"), "queue"]) == 2
    assert "rephrase must be a number from 0 to 1" in capsys.readouterr().err


def test_the_queue_command(triaged, capsys, monkeypatch, tmp_path) -> None:
    monkeypatch.setenv("TRACEDESK_CONFIG", str(tmp_path / "none.toml"))
    assert main(["--db", str(triaged.path), "queue", "--json", "--limit", "2"]) == 0
    got = json.loads(capsys.readouterr().out)
    assert len(got) == 2
    assert set(got[0]) == {"trace_id", "source", "session_id", "priority", "reasons", "group_size"}
    assert set(got[0]["reasons"][0]) == {"signal", "confidence", "detail", "span_id", "learned_precision",
                                         "learned_from", "counted"}
    assert main(["--db", str(triaged.path), "queue", "--signal", "thumbs_down"]) == 0
    out = capsys.readouterr().out
    assert "(+2 alike)" in out and "thumbs_down: thumbs down" in out
    assert main(["--db", str(triaged.path), "queue", "--signal", "nonsense"]) == 2
