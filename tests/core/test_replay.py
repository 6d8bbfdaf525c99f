"""Replaying a run step by step: time order, what the agent had in front of it at each
step, and what each step did."""

from __future__ import annotations

from tracedesk.core.ingest import import_paths
from tracedesk.core.replay import replay_context, replay_steps
from tracedesk.core.traces import find_trace

from ..conftest import write_jsonl
from .sessions import Bundle, retrieval, tool

SYSTEM = {"role": "system", "content": "You are the shop's assistant."}
QUESTION = {"role": "user", "content": "Where is order 12?"}
CALL = {"role": "assistant", "content": "", "tool_calls": [{"id": "c1", "name": "track_order",
                                                             "arguments": {"order": 12}}]}


def llm_step(messages: list[dict], reply: dict, at: float, name: str) -> dict:
    return {"kind": "llm", "name": name, "at": at, "input": {"messages": messages}, "output": {"messages": [reply]}}


def run(store, tmp_path):
    b = Bundle()
    docs = [{"id": "kb-1", "content": "Parcels arrive in 3 to 5 days.", "score": 0.8, "source": "help/kb-1"},
            {"id": "kb-2", "content": "Tracking links are in the e-mail.", "score": 0.6}]
    b.turn("s1", "Where is order 12?", "It arrives on Monday.", trace_id="t1", steps=[
        retrieval("order 12", docs) | {"at": 0.1},
        llm_step([SYSTEM, QUESTION], CALL, 0.5, "plan"),
        tool("track_order", {"order": 12}, error="timeout") | {"at": 1.0},
        tool("track_order", {"order": 12}, {"eta": "Monday"}) | {"at": 1.5},
        llm_step([SYSTEM, QUESTION, CALL, {"role": "tool", "content": '{"eta": "Monday"}'}],
                 {"role": "assistant", "content": "It arrives on Monday."}, 2.0, "answer"),
    ])
    import_paths(store, [write_jsonl(tmp_path / "b.jsonl", b.records)])
    with store.read() as conn:
        return replay_steps(conn, find_trace(conn, "t1").pk)


def test_the_steps_come_in_time_order_with_what_came_before_them(store, tmp_path) -> None:
    replay = run(store, tmp_path)
    assert [s.span_id for s in replay.steps] == ["t1.root", "t1.0", "t1.1", "t1.2", "t1.3", "t1.4"]
    assert [s.kind for s in replay.steps] == ["agent", "retrieval", "llm", "tool", "tool", "llm"]
    assert replay.steps[0].container and not replay.steps[1].container
    last = replay.steps[-1]
    assert (last.llm_calls_before, last.tool_calls_before, last.retrievals_before) == (1, 2, 1)
    assert replay.steps[3].failed and replay.question == "Where is order 12?"


def test_moving_through_the_steps_stops_at_both_ends(store, tmp_path) -> None:
    replay = run(store, tmp_path)
    assert replay.first() == 0 and replay.last() == 5
    assert replay.next(0) == 1 and replay.next(5) == 5
    assert replay.previous(1) == 0 and replay.previous(0) == 0
    assert replay.first(skip_containers=True) == 1
    assert replay.index_of("t1.3") == 4 and replay.index_of("nope") is None


def test_a_tool_step_sees_the_conversation_the_documents_and_the_earlier_tool_results(store, tmp_path) -> None:
    replay = run(store, tmp_path)
    with store.read() as conn:
        retry = replay_context(conn, replay, 4)
    assert retry.messages[:3] == [SYSTEM, QUESTION, CALL]  # what the planning step was sent, and its answer
    assert retry.messages[3]["role"] == "tool" and retry.messages[3]["content"] == {
        "error": {"type": "ToolError", "message": "timeout"}}
    assert [d.id for d in retry.documents] == ["kb-1", "kb-2"] and retry.documents_total == 2
    assert retry.documents[0].source == "help/kb-1" and retry.documents[0].step_index == 1
    [failed] = retry.tool_results
    assert failed.name == "track_order" and failed.error["message"] == "timeout" and retry.tool_results_total == 1
    assert retry.action.tool_calls == [{"name": "track_order", "arguments": {"order": 12}}]
    assert retry.action.output == {"eta": "Monday"} and retry.action.error is None


def test_an_llm_step_sees_what_it_was_sent_and_did_what_it_answered(store, tmp_path) -> None:
    replay = run(store, tmp_path)
    with store.read() as conn:
        plan = replay_context(conn, replay, 2)
        final = replay_context(conn, replay, 5)
        first = replay_context(conn, replay, 0)
    assert plan.messages == [SYSTEM, QUESTION]
    assert plan.action.reply == CALL and plan.action.tool_calls == CALL["tool_calls"]
    assert len(final.messages) == 4 and final.action.reply["content"] == "It arrives on Monday."
    # It was sent the second call's result, not the failed first try's.
    assert [r.result for r in final.tool_results] == [{"eta": "Monday"}] and final.tool_results_total == 1
    assert [r.error["message"] for r in final.not_given] == ["timeout"]
    assert first.messages == [{"role": "user", "content": "Where is order 12?"}] and first.documents == []


def test_a_retrieval_step_did_find_its_documents_and_limits_keep_the_latest(store, tmp_path) -> None:
    replay = run(store, tmp_path)
    with store.read() as conn:
        found = replay_context(conn, replay, 1)
        later = replay_context(conn, replay, 5, limit=1)
    assert [d.content for d in found.action.documents] == ["Parcels arrive in 3 to 5 days.",
                                                           "Tracking links are in the e-mail."]
    assert [d.id for d in later.documents] == ["kb-2"] and later.documents_total == 2
    assert [r.span_id for r in later.tool_results] == ["t1.3"] and later.tool_results_total == 1


def test_documents_named_as_langchain_and_others_name_them_are_read_as_the_trace_view_reads_them(
        store, tmp_path) -> None:
    b = Bundle()
    docs = [{"page_content": "Refunds take 5 days.", "metadata": {"page": 2}, "title": "Refunds"},
            {"id": 7, "text": "Returns are free.", "score": 0.4},
            {"id": "kb-9", "url": "https://example.test/kb-9", "score": 0.2}]
    b.turn("s1", "How long is a refund?", "5 days.", trace_id="t1", steps=[retrieval("refund", docs) | {"at": 0.1}])
    import_paths(store, [write_jsonl(tmp_path / "b.jsonl", b.records)])
    with store.read() as conn:
        replay = replay_steps(conn, find_trace(conn, "t1").pk)
        found = replay_context(conn, replay, 1).action.documents
    assert [d.content for d in found] == ["Refunds take 5 days.", "Returns are free.",
                                          {"id": "kb-9", "url": "https://example.test/kb-9"}]
    assert [(d.source, d.id) for d in found] == [("Refunds", None), (None, "7"), (None, "kb-9")]
    assert found[1].score == 0.4


def test_document_totals_are_read_once_per_replay_and_count_results_and_lists(store, tmp_path, monkeypatch) -> None:
    from tracedesk.core import replay as replay_module

    b = Bundle()
    b.turn("s1", "Where is order 12?", "Monday.", trace_id="t1", steps=[
        retrieval("order 12", [{"id": "kb-1", "content": "Parcels arrive in 3 days."}]) | {"at": 0.1},
        {"kind": "retrieval", "name": "search_web", "at": 0.5, "input": {"query": "order 12"},
         "output": {"results": [{"id": "w-1", "text": "Tracking"}, {"id": "w-2", "text": "Delays"}]}},
        {"kind": "retrieval", "name": "search_list", "at": 1.0, "input": {"query": "order 12"},
         "output": ["first", "second", "third"]},
        tool("track_order", {"order": 12}, {"eta": "Monday"}) | {"at": 1.5},
    ])
    import_paths(store, [write_jsonl(tmp_path / "b.jsonl", b.records)])
    reads = []
    totals = replay_module._document_totals
    monkeypatch.setattr(replay_module, "_document_totals", lambda *a: reads.append(1) or totals(*a))
    with store.read() as conn:
        replay = replay_steps(conn, find_trace(conn, "t1").pk)
        seen = [replay_context(conn, replay, i) for i in range(len(replay))]
    assert [c.documents_total for c in seen] == [0, 0, 1, 3, 6]
    assert [d.id for d in seen[4].documents] == ["kb-1", "w-1", "w-2", None, None, None]
    assert [d.content for d in seen[2].action.documents] == ["Tracking", "Delays"]
    assert reads == [1]


def test_an_llm_step_not_sent_an_earlier_tool_result_was_not_given_it(store, tmp_path) -> None:
    """What an LLM step had is what its messages hold: a tool that answered before it but
    whose result was not sent is listed apart, as not given; a result sent under its call id
    is matched to the tool step through the call that named it."""
    b = Bundle()
    b.turn("s1", "Where is order 12?", "I cannot tell.", trace_id="t1", steps=[
        llm_step([SYSTEM, QUESTION], CALL, 0.5, "plan"),
        tool("track_order", {"order": 12}, {"eta": "Monday", "carrier": "DHL"}) | {"at": 1.0},
        llm_step([SYSTEM, QUESTION], {"role": "assistant", "content": "I cannot tell."}, 2.0, "forgot"),
        llm_step([SYSTEM, QUESTION, CALL, {"role": "tool", "tool_call_id": "c1", "content": "Monday, DHL"}],
                 {"role": "assistant", "content": "Monday."}, 3.0, "remembered"),
    ])
    import_paths(store, [write_jsonl(tmp_path / "b.jsonl", b.records)])
    with store.read() as conn:
        replay = replay_steps(conn, find_trace(conn, "t1").pk)
        forgot = replay_context(conn, replay, 3)
        remembered = replay_context(conn, replay, 4)
    assert forgot.step.name == "forgot"
    assert forgot.tool_results == [] and forgot.tool_results_total == 0
    assert [(r.name, r.result) for r in forgot.not_given] == [("track_order", {"eta": "Monday", "carrier": "DHL"})]
    assert [r.span_id for r in remembered.tool_results] == ["t1.1"] and remembered.not_given == []
