"""Chat transcripts and tau-bench results: runs of OpenAI chat messages with their grades.

The tau-bench files are built by tests/gen/tau_bench.py in the shape tau-bench's run.py
writes (EnvRunResult: task_id, reward, info, traj, trial)."""

from __future__ import annotations

import json

import pytest

from tracedesk.core.formats import detect

from ...gen.tau_bench import airline_results, tau2_results
from .agent_checks import (
    cli,
    compared,
    exported_case,
    flat,
    import_json,
    queued,
    refused_whole,
    replays,
    show,
    signals,
)


def test_200_airline_runs_the_116_with_reward_0_are_exactly_the_queue_with_their_reason(tmp_path, capsys) -> None:
    results = airline_results(tasks=50, trials=4, failures=116)
    path = tmp_path / "tool-calling-gpt-4o-0.0_range_0--1_user-gpt-4o-llm_0101120000.json"  # as run.py names it
    path.write_text(json.dumps(results, indent=2))
    db = tmp_path / "db.sqlite"

    report = import_json(capsys, db, path)

    assert report["paths"][0]["formats"] == ["transcripts"]
    assert report["added"]["traces"] == 200 and report["added"]["feedback"] == 200
    assert report["problem_count"] == 0
    failed = {f"task-{r['task_id']}-trial-{r['trial']}" for r in results if r["reward"] == 0}
    assert len(failed) == 116
    in_queue = queued(db)
    assert set(in_queue) == failed
    assert show(capsys, db, "task-0-trial-0")["metadata"]["model"] == "gpt-4o"  # from the file's name
    for trace_id in failed:
        reward = next(r for r in in_queue[trace_id] if r["signal"] == "failed_eval")
        assert "reward 0" in reward["detail"]
        assert "expected actions" in reward["detail"]  # tau-bench's reward_info said why


def test_a_tau_bench_run_has_its_tool_calls_results_question_and_task(tmp_path, capsys) -> None:
    results = airline_results(tasks=2, trials=1, failures=1, seed=3)
    run = results[0]
    path = tmp_path / "results.json"
    path.write_text(json.dumps(results))
    db = tmp_path / "db.sqlite"
    import_json(capsys, db, path)

    trace = show(capsys, db, "task-0-trial-0")

    assert trace["name"] == "task 0"
    assert trace["metadata"]["task.instruction"] == run["info"]["task"]["instruction"]
    assert [m["role"] for m in trace["input"]["messages"]] == ["system", "user"]
    assert trace["input"]["messages"][1]["content"] == run["traj"][1]["content"]
    steps = flat(trace["spans"])
    tools = [s for s in steps if s["kind"] == "tool"]
    called = [m["tool_calls"][0] for m in run["traj"] if m.get("tool_calls")]
    assert [t["name"] for t in tools] == [c["function"]["name"] for c in called]
    assert tools[0]["input"] == {"name": "get_user_details",
                                 "arguments": json.loads(called[0]["function"]["arguments"])}
    results_in_order = [json.loads(m["content"]) if m["content"].startswith("{") else m["content"]
                        for m in run["traj"] if m["role"] == "tool"]
    assert [t["output"] for t in tools] == results_in_order
    llms = [s for s in steps if s["kind"] == "llm"]
    assert len(llms) == sum(m["role"] == "assistant" for m in run["traj"])
    assert trace["feedback"][0]["kind"] == "reward"


def test_the_four_trials_of_a_task_compare_side_by_side(tmp_path, capsys) -> None:
    results = airline_results(tasks=3, trials=4, failures=6, seed=11)
    path = tmp_path / "results.json"
    path.write_text(json.dumps(results))
    db = tmp_path / "db.sqlite"
    import_json(capsys, db, path)
    task = next(t for t in range(3) if len({r["reward"] for r in results if r["task_id"] == t}) == 2)
    trials = [r for r in results if r["task_id"] == task]
    good = next(r for r in trials if r["reward"] == 1 and not any(
        "transfer" in json.dumps(m) for m in r["traj"]))
    bad = next((r for r in trials if r["reward"] == 0 and not any(
        "transfer" in json.dumps(m) for m in r["traj"])), None)
    if bad is None:
        bad = next(r for r in trials if r["reward"] == 0)

    for other in trials:
        if other is not good:
            result = compared(db, f"task-{task}-trial-{good['trial']}", f"task-{task}-trial-{other['trial']}")
            assert result.pairs and result.a.trace_id != result.b.trace_id
    result = compared(db, f"task-{task}-trial-{good['trial']}", f"task-{task}-trial-{bad['trial']}")
    assert result.first_divergence is not None
    code, out, err = cli(capsys, "--db", db, "compare", f"task-{task}-trial-{good['trial']}",
                         f"task-{task}-trial-{bad['trial']}", "--json")  # the command a reviewer types
    assert code == 0, err
    code_json = json.loads(out)
    assert code_json["first_divergence"] == result.first_divergence
    assert code_json["a"]["question"] and code_json["b"]["question"]
    code, out, _ = cli(capsys, "--db", db, "compare", f"task-{task}-trial-{bad['trial']}", "--candidates", "--json")
    proposed = {c["trace_id"]: {r["kind"] for r in c["reasons"]} for c in json.loads(out)}
    trials = {f"task-{task}-trial-{r['trial']}" for r in results if r["task_id"] == task} - {
        f"task-{task}-trial-{bad['trial']}"}
    assert {tid for tid, kinds in proposed.items() if "other_trial" in kinds} == trials


def test_replay_walks_a_run_and_the_export_carries_question_system_prompt_and_tool_results(
        tmp_path, capsys) -> None:
    results = airline_results(tasks=1, trials=2, failures=1, seed=5)
    run = next(r for r in results if r["reward"] == 0)
    path = tmp_path / "results.json"
    path.write_text(json.dumps(results))
    db = tmp_path / "db.sqlite"
    import_json(capsys, db, path)
    trace_id = f"task-0-trial-{run['trial']}"

    contexts = replays(db, trace_id)
    assert [c.step.kind for c in contexts][0] == "agent"
    last_tool = [c for c in contexts if c.step.kind == "tool"][-1]
    assert last_tool.tool_results  # the results before it are what the agent had
    tools = [s for s in flat(show(capsys, db, trace_id)["spans"]) if s["kind"] == "tool"]
    case = exported_case(capsys, db, tmp_path, trace_id, tools[-1]["span_id"])

    assert case["input"]["question"] == run["traj"][1]["content"]
    assert case["context"]["system_prompt"].startswith("# Airline Agent Policy")
    assert [t["name"] for t in case["context"]["tool_results"]] == [t["name"] for t in tools]
    assert case["context"]["tool_results"][0]["result"]["membership"] == "gold"


def test_openai_chat_logs_jsonl_with_labels_scores_and_anthropic_blocks(tmp_path, capsys) -> None:
    lines = [
        {"id": "conv-1", "session_id": "s1", "model": "gpt-4o-mini", "label": "fail",
         "messages": [{"role": "system", "content": "You are Acme's support bot."},
                      {"role": "user", "content": "Where is order 77?"},
                      {"role": "assistant", "content": None,
                       "tool_calls": [{"id": "c1", "type": "function",
                                       "function": {"name": "lookup_order", "arguments": "{\"order\": 77}"}}]},
                      {"role": "tool", "tool_call_id": "c1", "content": "Error: order service timed out"},
                      {"role": "assistant", "content": "Order 77 was delivered yesterday."}]},
        {"score": 0.9, "metadata": {"channel": "web"},
         "messages": [{"role": "user", "content": [{"type": "text", "text": "Hi, reset my password"}]},
                      {"role": "assistant", "content": [
                          {"type": "text", "text": "Sure."},
                          {"type": "tool_use", "id": "tu1", "name": "send_reset_link", "input": {"user": "me"}}]},
                      {"role": "user", "content": [{"type": "tool_result", "tool_use_id": "tu1",
                                                    "content": "sent"}]},
                      {"role": "assistant", "content": "I've sent you a reset link."}]},
        {"success": True, "messages": [{"role": "user", "content": "Thanks!"},
                                       {"role": "assistant", "content": "You're welcome."}]},
    ]
    path = tmp_path / "chats.jsonl"
    path.write_text("".join(json.dumps(line) + "\n" for line in lines))
    db = tmp_path / "db.sqlite"

    report = import_json(capsys, db, path)

    assert report["added"] == {"traces": 3, "spans": 10, "feedback": 3}
    first = show(capsys, db, "conv-1")
    assert first["session_id"] == "s1" and first["metadata"]["model"] == "gpt-4o-mini"
    tool = next(s for s in flat(first["spans"]) if s["kind"] == "tool")
    assert tool["input"] == {"name": "lookup_order", "arguments": {"order": 77}}
    assert tool["output"] == "Error: order service timed out"
    second = show(capsys, db, "chats-2")
    blocks_tool = next(s for s in flat(second["spans"]) if s["kind"] == "tool")
    assert (blocks_tool["name"], blocks_tool["output"]) == ("send_reset_link", "sent")
    assert second["metadata"]["channel"] == "web"
    assert set(queued(db)) == {"conv-1"}
    assert "error_ignored" in signals(db, "conv-1")


def test_a_bare_list_of_messages_is_one_run_and_sniffing_leaves_other_json_alone(tmp_path, capsys) -> None:
    path = tmp_path / "one.json"
    path.write_text(json.dumps([{"role": "user", "content": "2+2?"}, {"role": "assistant", "content": "4"}]))
    assert detect(path.read_bytes(), path.name).name == "transcripts"
    assert detect(b'{"resourceSpans": []}', "x.json").name == "otlp"
    assert detect(b'{"hello": "world"}', "x.json") is None
    report = import_json(capsys, tmp_path / "db.sqlite", path)
    assert report["added"]["traces"] == 1


def test_a_truncated_or_foreign_file_is_one_message_and_changes_nothing(tmp_path, capsys) -> None:
    db = tmp_path / "db.sqlite"
    good = tmp_path / "good.json"
    good.write_text(json.dumps(airline_results(tasks=2, trials=1, failures=1)))
    import_json(capsys, db, good)
    whole = json.dumps(airline_results(tasks=30, trials=2, failures=10, seed=2))
    cut = tmp_path / "cut.json"
    cut.write_text(whole[: len(whole) * 2 // 3])
    assert "copy or export it again" in refused_whole(capsys, db, cut)
    foreign = tmp_path / "foreign.json"
    foreign.write_text(json.dumps({"messages": "not a list", "role": "user"}))
    refused_whole(capsys, db, foreign)


def test_reimport_changes_nothing(tmp_path, capsys) -> None:
    path = tmp_path / "results.json"
    path.write_text(json.dumps(airline_results(tasks=5, trials=2, failures=4)))
    db = tmp_path / "db.sqlite"
    import_json(capsys, db, path)
    again = import_json(capsys, db, path)
    assert again["added"] == {"traces": 0, "spans": 0, "feedback": 0}


def test_tau2_bench_results_grade_each_simulation_and_say_how_it_stopped(tmp_path, capsys) -> None:
    failures = {("0", 1): "wrong_action", ("2", 0): "max_steps"}
    path = tmp_path / "results.json"
    path.write_text(json.dumps(tau2_results(failures), indent=2))
    db = tmp_path / "db.sqlite"

    report = import_json(capsys, db, path)

    assert report["paths"][0]["formats"] == ["transcripts"] and report["added"]["traces"] == 6
    in_queue = queued(db)
    assert set(in_queue) == {"task-0-trial-1", "task-2-trial-0"}
    wrong = next(r for r in in_queue["task-0-trial-1"] if r["signal"] == "failed_eval")
    assert "expected actions not taken: cancel_reservation" in wrong["detail"]
    stopped = signals(db, "task-2-trial-0")
    assert "iteration limit" in stopped["limit_reached"]["detail"]
    assert "no_answer" in stopped
    trace = show(capsys, db, "task-2-trial-0")
    tools = [s for s in flat(trace["spans"]) if s["kind"] == "tool"]
    assert [t["status"] for t in tools] == [None, "error", "error", "error"]
    assert tools[1]["input"]["name"] == "cancel_reservation"
    assert tools[1]["error"] == {"message": "Error: reservation is locked"}
    assert trace["metadata"]["task.user_scenario"]["instructions"]["task_instructions"].startswith("Your user id")
    assert trace["start_time"] == "2025-06-01T10:00:02.000Z"
    assert trace["metadata"]["model"] == "claude-sonnet-4"  # the results' agent_info
    good = show(capsys, db, "task-0-trial-0")
    llms = [s for s in flat(good["spans"]) if s["kind"] == "llm"]
    assert sum(s["cost_usd"] or 0 for s in llms) == pytest.approx(0.0021 + 0.002 + 0.0012)
    assert good["spans"][0]["cost_usd"] is None  # the messages' costs are the run's


def test_replay_puts_each_llm_steps_whole_conversation_back_together(tmp_path, capsys) -> None:
    results = airline_results(tasks=1, trials=1, failures=0, seed=9)
    traj = results[0]["traj"]
    path = tmp_path / "results.json"
    path.write_text(json.dumps(results))
    db = tmp_path / "db.sqlite"
    import_json(capsys, db, path)

    llm_steps = [c for c in replays(db, "task-0-trial-0") if c.step.kind == "llm"]

    answers = [i for i, m in enumerate(traj) if m["role"] == "assistant"]
    assert len(llm_steps) == len(answers)
    for context, at in zip(llm_steps, answers, strict=True):
        assert [m["role"] for m in context.messages] == [m["role"] for m in traj[:at]]
        assert context.messages[0]["content"] == traj[0]["content"]  # the system prompt, every time
    assert llm_steps[-1].messages[-1]["content"] == traj[answers[-1] - 1]["content"]


def test_tau_bench_react_runs_read_written_actions_as_tool_calls(tmp_path, capsys) -> None:
    def act(thought: str, name: str, arguments: dict) -> dict:
        return {"role": "assistant", "content": f"Thought:\n{thought}\nAction:\n"
                + json.dumps({"name": name, "arguments": arguments})}

    traj = [{"role": "system", "content": "# Retail agent policy"},
            {"role": "user", "content": "Hi, I want to return an order."},
            act("I need the user id.", "respond", {"content": "Could you give me your user id?"}),
            {"role": "user", "content": "It's mia_li_3668."},
            act("Look the user up.", "get_user_details", {"user_id": "mia_li_3668"}),
            {"role": "user", "content": 'API output: {"orders": ["#W123"]}'},
            act("Tell the user.", "respond", {"content": "I found order #W123."}),
            {"role": "user", "content": "Thanks ###STOP###"}]
    path = tmp_path / "react.json"
    path.write_text(json.dumps([{"task_id": 3, "trial": 0, "reward": 1.0, "info": {}, "traj": traj}]))
    db = tmp_path / "db.sqlite"
    import_json(capsys, db, path)

    steps = flat(show(capsys, db, "task-3-trial-0")["spans"])
    tools = [s for s in steps if s["kind"] == "tool"]
    assert [(t["name"], t["input"]["arguments"], t["output"]) for t in tools] == [
        ("get_user_details", {"user_id": "mia_li_3668"}, {"orders": ["#W123"]})]
    assert len([s for s in steps if s["kind"] == "llm"]) == 3
