"""Harbor ATIF trajectories: the real fixtures of tests/data/real/atif, and runs built in
the shape of harbor.models.trajectories, split across files by continued_trajectory_ref."""

from __future__ import annotations

import json
import shutil

from tracedesk.core.formats import detect

from ...gen.trajectories import atif_chain
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
)

TASK = "Create a file called hello.txt with 'Hello, world!' as the content."
COMMANDS = [("ls /app", "test_dir"), ("cat test_dir/file1.txt", "test1"),
            ("printf 'Hello, world!\\n' > hello.txt", ""), ("cat hello.txt", "Hello, world!")]


def write_chain(folder, session: str, reward: float | None, answer: str = "hello.txt is created.") -> None:
    folder.mkdir(parents=True)
    part0, part1 = atif_chain(session, TASK, COMMANDS, split=2, answer=answer, reward=reward)
    (folder / "trajectory.json").write_text(json.dumps(part0, indent=2))
    (folder / "trajectory.cont-1.json").write_text(json.dumps(part1, indent=2))


def test_the_real_fixtures_import_with_steps_observations_and_the_final_answer(real_samples, tmp_path,
                                                                                capsys) -> None:
    folder = tmp_path / "atif"
    shutil.copytree(real_samples / "atif", folder)
    db = tmp_path / "db.sqlite"

    report = import_json(capsys, db, folder / "openhands_hello-world.trajectory.no_function_calling.json")

    assert report["paths"][0]["formats"] == ["atif"] and report["problem_count"] == 0
    trace = show(capsys, db, "atif:openhands:NORMALIZED_SESSION_ID")
    doc = json.loads((folder / "openhands_hello-world.trajectory.no_function_calling.json").read_text())
    assert trace["input"]["messages"][0]["content"] == doc["steps"][0]["message"]
    assert trace["output"] == "Task complete. Created /app/hello.txt with 'Hello, world!'"
    steps = flat(trace["spans"])
    bash = next(s for s in steps if s["kind"] == "tool")
    assert bash["name"] == "execute_bash"
    assert bash["input"]["arguments"]["command"].startswith("cat > /app/hello.txt")
    assert bash["output"] == doc["steps"][2]["observation"]["results"][0]["content"]
    llms = [s for s in steps if s["kind"] == "llm"]
    assert [s["cost_usd"] for s in llms] == [0.00075, 0.0006000000000000001]
    assert trace["spans"][0]["cost_usd"] is None  # the steps' costs are the run's: not counted twice
    assert llms[0]["usage"] == {"input_tokens": 100, "output_tokens": 50}


def test_a_chain_of_two_files_is_one_run_in_any_order(tmp_path, capsys) -> None:
    write_chain(tmp_path / "run", "sess-1", reward=1.0)
    together = tmp_path / "together.sqlite"
    import_json(capsys, together, tmp_path / "run")
    apart = tmp_path / "apart.sqlite"
    first = import_json(capsys, apart, tmp_path / "run" / "trajectory.cont-1.json")
    assert first["paths"][0]["problem_count"] == 1  # its first part is not there yet: said so
    import_json(capsys, apart, tmp_path / "run" / "trajectory.json")

    for db in (together, apart):
        trace = show(capsys, db, "sess-1")
        steps = flat(trace["spans"])
        tools = [s for s in steps if s["kind"] == "tool"]
        assert [t["input"]["arguments"]["command"] for t in tools] == [c for c, _ in COMMANDS]
        assert [t["output"] for t in tools] == [o for _, o in COMMANDS]
        part = next(s for s in steps if s["span_id"] == "part-1")
        assert part["parent_id"] == "run" and part["output"] == "hello.txt is created."
        assert trace["input"]["messages"][1]["content"] == TASK
        assert trace["feedback"][0]["kind"] == "reward"
        assert [c.step.span_id for c in replays(db, "sess-1")][-1] == "p1-step-4"
    assert queued(together) == {}


def test_the_queue_holds_the_failed_chains_and_two_runs_compare(tmp_path, capsys) -> None:
    write_chain(tmp_path / "jobs" / "trial-1" / "agent", "sess-ok", reward=1.0)
    write_chain(tmp_path / "jobs" / "trial-2" / "agent", "sess-bad", reward=0.0, answer="I could not do it.")
    db = tmp_path / "db.sqlite"

    report = import_json(capsys, db, tmp_path / "jobs")

    assert report["added"]["traces"] == 2 and report["problem_count"] == 0
    assert set(queued(db)) == {"sess-bad"}
    result = compared(db, "sess-ok", "sess-bad")
    assert result.first_divergence is not None
    assert result.pairs[result.first_divergence].change == "changed"
    code, out, _ = cli(capsys, "--db", db, "compare", "sess-bad", "--candidates", "--json")
    assert code == 0 and "sess-ok" in {c["trace_id"] for c in json.loads(out)}


def test_the_export_carries_the_task_system_prompt_and_results_across_parts(tmp_path, capsys) -> None:
    write_chain(tmp_path / "run", "sess-2", reward=0.0)
    db = tmp_path / "db.sqlite"
    import_json(capsys, db, tmp_path / "run")
    tools = [s for s in flat(show(capsys, db, "sess-2")["spans"]) if s["kind"] == "tool"]

    case = exported_case(capsys, db, tmp_path, "sess-2", tools[-1]["span_id"])

    assert case["input"]["question"] == TASK
    assert case["context"]["system_prompt"] == "You are Claude Code, a coding agent."
    assert [t["result"] for t in case["context"]["tool_results"]] == [o for _, o in COMMANDS]


def test_sniffing_and_a_truncated_or_foreign_file_is_one_message(real_samples, tmp_path, capsys) -> None:
    raw = (real_samples / "atif" / "terminus_2_hello-world.trajectory.cont-1.json").read_bytes()
    assert detect(raw, "trajectory.json").name == "atif"
    db = tmp_path / "db.sqlite"
    good = tmp_path / "good.json"
    shutil.copy(real_samples / "atif" / "openhands_hello-world.trajectory.no_function_calling.json", good)
    import_json(capsys, db, good)
    cut = tmp_path / "cut.json"
    cut.write_bytes(raw[: len(raw) // 2])
    assert "copy or export it again" in refused_whole(capsys, db, cut)
    foreign = tmp_path / "foreign.json"
    foreign.write_text(json.dumps({"schema_version": "ATIF-v1.5", "steps": "none"}))
    assert "not an ATIF trajectory" in refused_whole(capsys, db, foreign)


def test_a_harbor_job_folder_grades_each_trial_by_its_reward(tmp_path, capsys) -> None:
    jobs = tmp_path / "jobs" / "2025-11-02__09-00-00"
    for trial, session, reward, exception in (
            ("hello-world__aaa", "sess-pass", 1.0, None),
            ("hello-world__bbb", "sess-fail", 0.0, {"exception_type": "AgentTimeoutError",
                                                    "exception_message": "Agent timed out after 600 s",
                                                    "exception_traceback": "...", "occurred_at": "2025-11-02"})):
        write_chain(jobs / trial / "agent", session, reward=None)
        (jobs / trial / "result.json").write_text(json.dumps({
            "id": f"id-{trial}", "task_name": "hello-world", "trial_name": trial,
            "agent_info": {"name": "claude-code", "version": "2.0.14",
                           "model_info": {"name": "claude-sonnet-4-5", "provider": "anthropic"}},
            "agent_result": {"n_input_tokens": 8000, "n_cache_tokens": 0, "n_output_tokens": 300,
                             "cost_usd": 0.07},
            "verifier_result": {"rewards": {"reward": reward}}, "exception_info": exception,
            "started_at": "2025-11-02T09:00:00Z", "finished_at": "2025-11-02T09:10:00Z"}, indent=2))
    db = tmp_path / "db.sqlite"

    report = import_json(capsys, db, tmp_path / "jobs")

    assert sorted(report["paths"][0]["formats"]) == ["atif", "harbor"] and report["problem_count"] == 0
    in_queue = queued(db)
    assert set(in_queue) == {"sess-fail"}
    assert "AgentTimeoutError" in in_queue["sess-fail"][0]["detail"]
    assert show(capsys, db, "sess-pass")["feedback"][0]["value"] == 1.0
