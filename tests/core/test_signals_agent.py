"""Signals of agent runs (signals.agent): a handoff to a person, an error the agent did not
notice, a run without an answer; and a run its grader passed is not in the queue whatever
the heuristics found."""

from __future__ import annotations

import json

from tracedesk.core.settings import DEFAULT_WEIGHTS
from tracedesk.core.signals.detect import NEGATIVE_KINDS

from ..conftest import write_jsonl
from .formats.agent_checks import import_json, queued, signals
from .sessions import Bundle, tool


def call(name: str, args: dict, cid: str) -> dict:
    return {"role": "assistant", "content": None,
            "tool_calls": [{"id": cid, "type": "function", "function": {"name": name, "arguments": json.dumps(args)}}]}


def result(cid: str, content: str) -> dict:
    return {"role": "tool", "tool_call_id": cid, "content": content}


def chats(tmp_path, *runs: dict):
    path = tmp_path / "chats.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in runs))
    return path


def test_every_agent_signal_has_a_weight() -> None:
    assert set(NEGATIVE_KINDS) <= set(DEFAULT_WEIGHTS)


def test_an_error_the_agent_noticed_or_retried_is_not_ignored(tmp_path, capsys) -> None:
    user = {"role": "user", "content": "What's the weather in Oslo?"}
    ignored = {"id": "ignored", "messages": [user, call("weather", {"city": "Oslo"}, "a"),
                                             result("a", "Error: service unavailable"),
                                             {"role": "assistant", "content": "It is sunny in Oslo."}]}
    noticed = {"id": "noticed", "messages": [user, call("weather", {"city": "Oslo"}, "a"),
                                             result("a", "Error: service unavailable"),
                                             {"role": "assistant", "content": "Sorry, the weather service failed."}]}
    retried = {"id": "retried", "messages": [user, call("weather", {"city": "Oslo"}, "a"),
                                             result("a", "Error: service unavailable"),
                                             call("weather", {"city": "Oslo, Norway"}, "b"),
                                             result("b", "{\"sky\": \"sunny\"}"),
                                             {"role": "assistant", "content": "It is sunny in Oslo."}]}
    db = tmp_path / "db.sqlite"
    import_json(capsys, db, chats(tmp_path, ignored, noticed, retried))

    found = signals(db, "ignored")["error_ignored"]
    assert "weather failed" in found["detail"] and found["span_id"] == "tool-2"
    assert "error_ignored" not in signals(db, "noticed")
    assert "error_ignored" not in signals(db, "retried")


def test_a_run_ending_on_a_tool_call_has_no_answer_and_a_handoff_is_found_in_any_trace(tmp_path, capsys) -> None:
    stopped = {"id": "stopped", "messages": [{"role": "user", "content": "Book me a table."},
                                             call("search_restaurants", {"q": "table"}, "a")]}
    db = tmp_path / "db.sqlite"
    import_json(capsys, db, chats(tmp_path, stopped))
    assert signals(db, "stopped")["no_answer"]["span_id"] == "tool-2"

    b = Bundle("support")
    b.turn("s1", "I want a refund now", "A colleague will contact you.", trace_id="native",
           steps=[tool("escalate_to_human", {"reason": "refund"}, {"ticket": 12})])
    import_json(capsys, db, write_jsonl(tmp_path / "b.jsonl", b.records))
    handoff = signals(db, "native")["handoff"]
    assert "escalate_to_human" in handoff["detail"] and handoff["span_id"]
    assert "native" in queued(db)


def test_a_run_its_grader_passed_has_no_implicit_signals_and_leaves_the_queue(tmp_path, capsys) -> None:
    messages = [{"role": "user", "content": "Cancel my order 5"},
                call("transfer_to_human_agents", {"summary": "cancel order 5"}, "a"),
                result("a", "Transfer successful")]
    db = tmp_path / "db.sqlite"
    import_json(capsys, db, chats(tmp_path, {"id": "passed", "reward": 1, "messages": messages},
                                  {"id": "failed", "reward": 0, "messages": messages},
                                  {"id": "unlabelled", "messages": messages}))

    assert set(queued(db)) == {"failed", "unlabelled"}
    assert set(signals(db, "passed")) == {"positive_feedback"}
    assert signals(db, "failed")["handoff"]["confidence"] > 0
    assert "handoff" in signals(db, "unlabelled")


def test_a_file_that_mentions_errors_is_not_a_failed_tool(tmp_path, capsys) -> None:
    listing = "\n".join(["[File: fields.py (120 lines total)]", "1: import datetime",
                         '2: ERRORS = {"invalid": "Not a valid date."}', "3: class ValidationError(Exception):",
                         "4:     pass", "5: def check(x):", "6:     raise ValidationError('error: bad')",
                         "7: ", "8: # end"])
    run = {"id": "viewed", "messages": [{"role": "user", "content": "Fix the date field"},
                                        call("open", {"path": "fields.py"}, "a"), result("a", listing),
                                        {"role": "assistant", "content": "The field is defined on line 2."}]}
    db = tmp_path / "db.sqlite"
    import_json(capsys, db, chats(tmp_path, run))
    assert "error_ignored" not in signals(db, "viewed")
