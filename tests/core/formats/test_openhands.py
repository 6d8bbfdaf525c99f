"""OpenHands: the real event stream of tests/data/real/openhands, and evaluation output
built in the shape of evaluation/utils/shared.py (EvalOutput) with SWE-bench reports."""

from __future__ import annotations

import json
import shutil

import pytest

from tracedesk.core.formats import detect

from ...gen.trajectories import PATCH, openhands_events, openhands_output, openhands_sdk_events
from .agent_checks import (
    cli,
    exported_case,
    flat,
    import_json,
    queued,
    refused_whole,
    replays,
    show,
    signals,
)

MAX_ITER = "Agent reached maximum iteration in headless mode. Current iteration: 30, max iteration: 30"


def test_the_real_event_stream_has_the_task_the_edit_with_its_result_and_the_final_answer(
        real_samples, tmp_path, capsys) -> None:
    path = tmp_path / "basic.json"
    shutil.copy(real_samples / "openhands" / "runtime-basic.json", path)
    events = json.loads(path.read_text())
    db = tmp_path / "db.sqlite"

    report = import_json(capsys, db, path)

    assert report["paths"][0]["formats"] == ["openhands"] and report["problem_count"] == 0
    trace = show(capsys, db, "basic")
    assert trace["input"]["messages"] == [{"role": "user", "content": events[0]["args"]["content"]}]
    assert trace["output"] == events[3]["args"]["thought"] or trace["output"] == events[3]["message"]
    steps = flat(trace["spans"])
    edit = next(s for s in steps if s["kind"] == "tool" and s["name"] == "str_replace_editor")
    assert edit["input"]["arguments"]["command"] == "create"
    assert edit["input"]["arguments"]["path"] == "/workspace/game_2048.py"
    assert edit["output"] == events[2]["content"]
    llm = next(s for s in steps if s["kind"] == "llm")
    assert llm["model"] == "claude-3-5-sonnet-20241022"
    assert llm["usage"] == {"input_tokens": 3486, "output_tokens": 1135, "cache_read_tokens": 0,
                            "cache_write_tokens": 3482}
    assert trace["start_time"].startswith("2025-01-27T22:44:56")


def test_evaluation_output_queues_exactly_the_failed_instances_with_limit_and_tests_signals(
        tmp_path, capsys) -> None:
    good = openhands_events("Fix the separability matrix.", [("grep -n cright separable.py", "242: cright", 0)])
    bad = openhands_events("Fix the separability matrix.", [("sed -i 's/= 1/= right/' separable.py", "", 0)])
    stuck = openhands_events("Fix the parser.", [("python -m pytest tests", "1 failed", 1)] * 3, finish=None,
                             error=MAX_ITER)
    lines = [openhands_output("astropy__astropy-14182", good, resolved=True, patch=PATCH),
             openhands_output("astropy__astropy-12907", bad, resolved=False, patch=PATCH),
             openhands_output("sympy__sympy-20590", stuck, resolved=None, error=MAX_ITER)]
    path = tmp_path / "output.jsonl"
    path.write_text("".join(json.dumps(line) + "\n" for line in lines))
    db = tmp_path / "db.sqlite"

    report = import_json(capsys, db, path)

    assert report["added"]["traces"] == 3 and report["problem_count"] == 0
    assert set(queued(db)) == {"astropy__astropy-12907", "sympy__sympy-20590"}
    unresolved = signals(db, "astropy__astropy-12907")
    finish = next(s for s in flat(show(capsys, db, "astropy__astropy-12907")["spans"]) if s["name"] == "finish")
    assert unresolved["tests_failed"]["span_id"] == finish["span_id"]
    stopped = signals(db, "sympy__sympy-20590")
    assert "iteration limit" in stopped["limit_reached"]["detail"]
    assert "no_answer" in stopped
    assert stopped["repeated_command"]["detail"].startswith("execute_bash ran 3 times in a row")
    trace = show(capsys, db, "sympy__sympy-20590")
    assert trace["status"] == "error" and trace["metadata"]["agent.exit"] == MAX_ITER
    failed = [s for s in flat(trace["spans"]) if s["kind"] == "tool"]
    assert all(s["status"] == "error" for s in failed)  # exit code 1
    run = show(capsys, db, "astropy__astropy-14182")
    assert run["spans"][0]["cost_usd"] == 0.42


def test_replay_and_export_carry_the_task_the_system_prompt_and_command_output(tmp_path, capsys) -> None:
    events = openhands_events("Count the lines of setup.py.", [("wc -l setup.py", "120 setup.py", 0)],
                              finish="setup.py has 42 lines.")
    path = tmp_path / "output.jsonl"
    path.write_text(json.dumps(openhands_output("demo__demo-1", events, resolved=False, patch="")) + "\n")
    db = tmp_path / "db.sqlite"
    import_json(capsys, db, path)

    contexts = replays(db, "demo__demo-1")
    finish = contexts[-1]
    assert finish.step.name == "finish" and finish.tool_results[0].result == "120 setup.py\n" \
        "[The command completed with exit code 0.]"
    tool = next(s for s in flat(show(capsys, db, "demo__demo-1")["spans"]) if s["name"] == "finish")
    case = exported_case(capsys, db, tmp_path, "demo__demo-1", tool["span_id"])
    assert case["input"]["question"] == "Count the lines of setup.py."
    assert case["context"]["system_prompt"] == "You are OpenHands agent, a helpful AI assistant."
    assert case["context"]["tool_results"][0]["arguments"] == {"command": "wc -l setup.py"}
    assert case["actual"] == "setup.py has 42 lines."


def test_sniffing_and_a_truncated_or_foreign_file_is_one_message(real_samples, tmp_path, capsys) -> None:
    raw = (real_samples / "openhands" / "runtime-basic.json").read_bytes()
    assert detect(raw[:65536], "x.json").name == "openhands"
    line = json.dumps(openhands_output("a__b-1", openhands_events("x", []), resolved=True)).encode()
    assert detect(line, "output.jsonl").name == "openhands"
    db = tmp_path / "db.sqlite"
    good = tmp_path / "good.json"
    good.write_bytes(raw)
    import_json(capsys, db, good)
    cut = tmp_path / "cut.json"
    cut.write_bytes(raw[: len(raw) // 2])
    assert "copy or export it again" in refused_whole(capsys, db, cut)
    foreign = tmp_path / "foreign.json"  # a chat transcript, said to be OpenHands
    foreign.write_text(json.dumps([{"messages": [{"role": "user", "content": "hi"}]}]))
    assert "not an OpenHands event stream" in refused_whole(capsys, db, foreign, "--format", "openhands")


def test_the_sdks_events_and_its_evaluation_output(tmp_path, capsys) -> None:
    events = openhands_sdk_events("List the files.", [("ls", "README.md setup.py", 0),
                                                      ("cat nothing.txt", "cat: nothing.txt: No such file", 1)],
                                  finish="There are two files.")
    stream = tmp_path / "events.json"
    stream.write_text(json.dumps(events, indent=2))
    output = tmp_path / "output.jsonl"
    output.write_text(json.dumps(openhands_output("repo__repo-7", events, resolved=False, patch=PATCH)) + "\n")
    assert detect(stream.read_bytes(), stream.name).name == "openhands"
    db = tmp_path / "db.sqlite"

    import_json(capsys, db, stream)
    import_json(capsys, db, output)

    trace = show(capsys, db, "events")
    assert trace["input"]["messages"] == [
        {"role": "system", "content": "You are OpenHands agent, a helpful AI assistant."},
        {"role": "user", "content": "List the files."}]
    assert trace["output"] == "There are two files."
    tools = [s for s in flat(trace["spans"]) if s["kind"] == "tool"]
    assert [(t["name"], t["input"]["arguments"], t["output"], t["status"]) for t in tools[:2]] == [
        ("execute_bash", {"command": "ls"}, "README.md setup.py", None),
        ("execute_bash", {"command": "cat nothing.txt"}, "cat: nothing.txt: No such file", "error")]
    llms = [s for s in flat(trace["spans"]) if s["kind"] == "llm"]
    assert llms[0]["output"]["messages"][0]["content"] == "I will run ls."
    assert set(queued(db)) == {"repo__repo-7", "events"}
    assert "tests_failed" in signals(db, "repo__repo-7")
    assert signals(db, "events")["error_ignored"]["span_id"] == tools[1]["span_id"]  # the cat that failed


def test_a_lone_event_file_is_told_to_import_the_whole_conversation(tmp_path, capsys) -> None:
    events = openhands_sdk_events("List the files.", [("ls", "README.md", 0)])
    folder = tmp_path / "events"
    folder.mkdir()
    for i, event in enumerate(events):
        (folder / f"{i}.json").write_text(json.dumps(event))
    db = tmp_path / "db.sqlite"
    code, out, err = cli(capsys, "--db", db, "import", folder)
    assert code == 1 and "import the conversation's events as one list" in out + err
    exported = tmp_path / "trajectory.json"
    exported.write_text(json.dumps({"trajectory": events}))
    report = import_json(capsys, db, exported)
    assert report["added"]["traces"] == 1


def test_an_event_stream_costs_what_its_last_events_metrics_say(tmp_path, capsys) -> None:
    events = openhands_events("Count files.", [("ls | wc -l", "3", 0)])
    for n, event in enumerate(events):
        if event.get("source") == "agent" and "action" in event:
            event["llm_metrics"] = {"accumulated_cost": 0.01 * (n + 1), "accumulated_token_usage": {
                "model": "claude-sonnet-4", "prompt_tokens": 1000 * (n + 1), "completion_tokens": 50 * (n + 1)}}
    last = max(e["llm_metrics"]["accumulated_cost"] for e in events if "llm_metrics" in e)
    path = tmp_path / "events.json"
    path.write_text(json.dumps(events))
    db = tmp_path / "db.sqlite"
    import_json(capsys, db, path)
    assert show(capsys, db, "events")["spans"][0]["cost_usd"] == pytest.approx(last)
