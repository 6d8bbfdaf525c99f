"""Importing LangSmith runs and feedback, as list_runs returns them (no real export is
public; these follow langsmith.schemas.Run and Feedback)."""

from __future__ import annotations

import json
import random

from tracedesk.core import queue
from tracedesk.core.formats import detect
from tracedesk.core.ingest import import_paths

from .otlp_builders import detail, flat_spans

TRACE = "1f0e8a52-7c3b-4d6e-9a1f-2b3c4d5e6f70"
LLM1, TOOL, RETR, LLM2 = ("2a1b3c4d-0000-4000-8000-00000000000" + c for c in "1234")


def _order(*parts: tuple[str, str]) -> str:
    return ".".join(f"20250301T1000{t}Z{run}" for t, run in parts)


def _lc(cls: str, **kwargs) -> dict:
    return {"lc": 1, "type": "constructor", "id": ["langchain", "schema", "messages", cls], "kwargs": kwargs}


def runs() -> list[dict]:
    common = {"trace_id": TRACE, "session_name": "support-bot-prod", "session_id": "9d9d9d9d-0000"}
    question = "Can I get a refund for order 1234?"
    return [
        {
            **common,
            "id": TRACE,
            "name": "AgentExecutor",
            "run_type": "chain",
            "parent_run_id": None,
            "dotted_order": _order(("00000000", TRACE)),
            "start_time": "2025-03-01T10:00:00.000000",
            "end_time": "2025-03-01T10:00:04.000000",
            "status": "success",
            "inputs": {"input": question},
            "outputs": {"output": "Yes: order 1234 is within 30 days, so a refund is on its way."},
            "extra": {"metadata": {"thread_id": "thread-42", "user_id": "cust-9", "revision_id": "v1.4.0"}},
            "tags": ["prod"],
            "feedback_stats": {"correctness": {"n": 1, "avg": 0.0}},
        },
        {
            **common,
            "id": LLM1,
            "name": "ChatOpenAI",
            "run_type": "llm",
            "parent_run_id": TRACE,
            "dotted_order": _order(("00000000", TRACE), ("00100000", LLM1)),
            "start_time": "2025-03-01T10:00:00.100000",
            "end_time": "2025-03-01T10:00:01.000000",
            "inputs": {
                "messages": [
                    [
                        _lc("SystemMessage", content="You are a support agent.", type="system"),
                        _lc("HumanMessage", content=question, type="human"),
                    ]
                ]
            },
            "outputs": {
                "generations": [
                    [
                        {
                            "text": "",
                            "type": "ChatGeneration",
                            "message": _lc(
                                "AIMessage",
                                content="",
                                type="ai",
                                tool_calls=[
                                    {
                                        "name": "refund_policy",
                                        "args": {"order_id": "1234"},
                                        "id": "call_1",
                                        "type": "tool_call",
                                    }
                                ],
                                usage_metadata={
                                    "input_tokens": 412,
                                    "output_tokens": 21,
                                    "total_tokens": 433,
                                },
                            ),
                        }
                    ]
                ],
                "llm_output": {"model_name": "gpt-4o-2024-08-06", "token_usage": {"prompt_tokens": 412}},
            },
            "extra": {
                "invocation_params": {"model": "gpt-4o", "temperature": 0},
                "metadata": {"ls_model_name": "gpt-4o", "ls_provider": "openai"},
            },
            "prompt_tokens": 412,
            "completion_tokens": 21,
            "total_cost": "0.00124",
        },
        {
            **common,
            "id": TOOL,
            "name": "refund_policy",
            "run_type": "tool",
            "parent_run_id": LLM1,
            "dotted_order": _order(("00000000", TRACE), ("00100000", LLM1), ("01100000", TOOL)),
            "start_time": "2025-03-01T10:00:01.100000",
            "end_time": "2025-03-01T10:00:01.300000",
            "inputs": {"input": '{"order_id": "1234"}'},
            "outputs": {"output": "Refunds within 30 days."},
        },
        {
            **common,
            "id": RETR,
            "name": "policy_docs",
            "run_type": "retriever",
            "parent_run_id": TOOL,
            "dotted_order": _order(
                ("00000000", TRACE), ("00100000", LLM1), ("01100000", TOOL), ("01200000", RETR)
            ),
            "start_time": "2025-03-01T10:00:01.150000",
            "end_time": "2025-03-01T10:00:01.250000",
            "inputs": {"query": "refund window"},
            "outputs": {
                "documents": [
                    {
                        "page_content": "Refunds are accepted within 30 days.",
                        "type": "Document",
                        "metadata": {"source": "kb/refunds.md", "score": 0.91},
                    }
                ]
            },
        },
        {
            **common,
            "id": LLM2,
            "name": "ChatOpenAI",
            "run_type": "llm",
            "parent_run_id": TRACE,
            "dotted_order": _order(("00000000", TRACE), ("01400000", LLM2)),
            "start_time": "2025-03-01T10:00:01.400000",
            "end_time": "2025-03-01T10:00:04.000000",
            "inputs": {"messages": [{"role": "user", "content": question}], "model": "gpt-4o"},
            "outputs": {
                "choices": [
                    {
                        "message": {
                            "role": "assistant",
                            "content": "Yes: order 1234 is within 30 days, so a refund is on its way.",
                        },
                        "finish_reason": "stop",
                    }
                ],
                "usage": {"prompt_tokens": 500, "completion_tokens": 18},
            },
            "error": None,
            "extra": {"metadata": {}},
        },
    ]


def feedback() -> list[dict]:
    return [
        {
            "id": "fb-1",
            "key": "correctness",
            "score": 0,
            "value": None,
            "comment": "Order 1234 is 45 days old.",
            "run_id": TRACE,
            "trace_id": TRACE,
            "created_at": "2025-03-01T11:00:00.000000",
            "feedback_source": {"type": "model", "metadata": {"__run": {"run_id": "eval-run"}}},
        },
        {
            "id": "fb-2",
            "key": "user_score",
            "score": 1,
            "run_id": LLM2,
            "created_at": "2025-03-01T10:01:00.000000",
            "feedback_source": {"type": "api", "user_id": "cust-9"},
        },
    ]


def _import(store, *paths, problems: int = 0):
    report = import_paths(store, list(paths))
    for result in report.paths:
        assert result.error is None, result.error
        assert result.formats == ["langsmith"]
    assert report.problem_count == problems, [str(p) for r in report.paths for p in r.problems]
    return report


def test_a_json_array_of_runs_and_feedback(store, tmp_path) -> None:
    path = tmp_path / "runs.json"
    path.write_text(json.dumps(runs() + feedback(), indent=2))
    report = _import(store, path)
    assert report.added.as_dict() == {"traces": 1, "spans": 5, "feedback": 2}
    one = detail(store, TRACE)
    assert one["source"] == "langsmith:support-bot-prod"
    assert one["input"] == "Can I get a refund for order 1234?"
    assert one["output"].startswith("Yes: order 1234")
    assert (one["session_id"], one["user_id"], one["tags"]) == ("thread-42", "cust-9", ["prod"])
    assert one["metadata"]["revision_id"] == "v1.4.0" and one["status"] == "ok"
    assert one["start_time"] == "2025-03-01T10:00:00.000Z"
    (root,) = one["spans"]
    assert [c["span_id"] for c in root["children"]] == [LLM1, LLM2]
    first = root["children"][0]
    assert first["model"] == "gpt-4o" and first["usage"] == {"input_tokens": 412, "output_tokens": 21}
    assert first["cost_usd"] == 0.00124
    assert first["input"]["messages"] == [
        {"role": "system", "content": "You are a support agent."},
        {"role": "user", "content": "Can I get a refund for order 1234?"},
    ]
    assert first["output"]["messages"][0]["tool_calls"] == [
        {"id": "call_1", "name": "refund_policy", "arguments": {"order_id": "1234"}}
    ]
    (tool,) = first["children"]
    assert tool["kind"] == "tool" and tool["input"] == {
        "name": "refund_policy",
        "arguments": {"order_id": "1234"},
    }
    assert tool["output"] == "Refunds within 30 days."
    (retriever,) = tool["children"]
    assert retriever["kind"] == "retrieval" and retriever["input"] == {"query": "refund window"}
    (doc,) = retriever["output"]["documents"]
    assert doc["content"] == "Refunds are accepted within 30 days." and doc["source"] == "kb/refunds.md"
    second = root["children"][1]
    assert second["usage"] == {"input_tokens": 500, "output_tokens": 18} and second["model"] == "gpt-4o"
    assert second["output"]["messages"][0]["content"].startswith("Yes")
    fb = {f["kind"]: f for f in one["feedback"]}
    assert fb["correctness"]["value"] == 0 and fb["correctness"]["source"] == "automated"
    assert fb["user_score"]["span_id"] == LLM2 and fb["user_score"]["source"] == "user"
    assert fb["user_score"]["author"] == "cust-9"
    with store.read() as conn:
        (row,) = queue.page(conn, queue.QueueFilter(include_closed=True))
    assert any(r.signal == "failed_eval" and "correctness" in r.detail for r in row.reasons)


def test_json_lines_with_dotted_order_only_in_any_order(store, tmp_path) -> None:
    bare = []
    for run in runs():
        run = {k: v for k, v in run.items() if k not in ("trace_id", "parent_run_id")}
        bare.append(run)
    random.Random(3).shuffle(bare)
    path = tmp_path / "runs.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in bare))
    _import(store, path)
    spans = {s["span_id"]: s["parent_id"] for s in flat_spans(detail(store, TRACE)["spans"])}
    assert spans == {TRACE: None, LLM1: TRACE, TOOL: LLM1, RETR: TOOL, LLM2: TRACE}


def test_nested_child_runs_and_a_failed_tool(store, tmp_path) -> None:
    root, llm, tool = runs()[0], runs()[1], runs()[2]
    tool = {k: v for k, v in tool.items() if k not in ("trace_id", "parent_run_id", "dotted_order")}
    tool.update(
        outputs=None,
        status="error",
        error="Traceback (most recent call last):\n  ...\nTimeoutError: policy service timed out",
    )
    llm = {k: v for k, v in llm.items() if k not in ("trace_id", "parent_run_id", "dotted_order")}
    llm["child_runs"] = [tool]
    root = {**root, "child_runs": [llm]}
    path = tmp_path / "tree.json"
    path.write_text(json.dumps(root))
    _import(store, path)
    one = detail(store, TRACE)
    failed = one["spans"][0]["children"][0]["children"][0]
    assert failed["status"] == "error" and failed["error"]["type"] == "TimeoutError"
    assert failed["error"]["message"] == "policy service timed out"
    assert one["error_count"] == 1


def test_feedback_in_a_file_of_its_own(store, tmp_path) -> None:
    (tmp_path / "runs.jsonl").write_text("".join(json.dumps(r) + "\n" for r in runs()))
    _import(store, tmp_path / "runs.jsonl")
    (tmp_path / "feedback.jsonl").write_text("".join(json.dumps(f) + "\n" for f in feedback()))
    report = _import(store, tmp_path / "feedback.jsonl")
    # Feedback that names its trace finds it; feedback naming only a child run, in a file
    # without that run, waits for a trace with that id.
    assert report.added.feedback == 2 and report.paths[0].pending_feedback == 1
    assert {f["kind"] for f in detail(store, TRACE)["feedback"]} == {"correctness"}


def test_bad_lines_are_problems_the_rest_imported(store, tmp_path) -> None:
    lines = [json.dumps(r) for r in runs()]
    lines.insert(2, '{"id": "x", "run_type": "llm", "inputs": ')
    lines.append(json.dumps({"name": "no id", "run_type": "chain", "trace_id": TRACE}))
    path = tmp_path / "runs.jsonl"
    path.write_text("\n".join(lines) + "\n")
    report = _import(store, path, problems=2)
    problems = sorted(report.paths[0].problems, key=lambda p: p.line)
    assert (problems[0].line, problems[1].line) == (3, 7)
    assert "not valid JSON" in problems[0].reason and "has no 'id'" in problems[1].reason
    assert all(p.file == str(path) for p in problems)
    assert report.added.spans == 5


def test_reimport_changes_nothing(store, tmp_path) -> None:
    path = tmp_path / "runs.json"
    path.write_text(json.dumps(runs() + feedback()))
    _import(store, path)
    again = _import(store, path)
    assert again.added.as_dict() == {"traces": 0, "spans": 0, "feedback": 0}


def test_sniffing(real_samples, tmp_path) -> None:
    assert detect(json.dumps(runs()).encode()[:65536], "runs.json").name == "langsmith"
    assert detect(json.dumps(feedback()[0]).encode(), "fb.jsonl").name == "langsmith"
    for other in sorted(real_samples.rglob("*.json")):
        assert detect(other.read_bytes()[:65536], other.name).name != "langsmith"
