"""SWE-agent trajectories (.traj): the real demonstrations of tests/data/real/swe-agent and
runs built in the shape of sweagent.types, with SWE-bench reports grading their patches."""

from __future__ import annotations

import json
import shutil

from tracedesk.core.formats import detect

from ...gen.trajectories import ISSUE, PATCH, SYSTEM, mini_swe_traj, swe_bench_report, swe_traj
from .agent_checks import (
    detail_of,
    exported_case,
    flat,
    import_json,
    queued,
    refused_whole,
    replays,
    show,
    signals,
)


def test_the_real_demonstrations_import_with_thoughts_actions_observations_and_submission(
        real_samples, tmp_path, capsys) -> None:
    folder = tmp_path / "swe-agent"
    shutil.copytree(real_samples / "swe-agent", folder)
    db = tmp_path / "db.sqlite"

    report = import_json(capsys, db, folder)

    assert report["paths"][0]["formats"] == ["swe-agent"] and report["problem_count"] == 0
    for name, trace_id in (("marshmallow-1867.traj", "marshmallow-code__marshmallow-1867"),
                           ("ctf-BabyEncryption.traj", "ctf-BabyEncryption")):
        doc = json.loads((folder / name).read_text())
        trace = show(capsys, db, trace_id)
        steps = flat(trace["spans"])
        tools = [s for s in steps if s["kind"] == "tool"]
        llms = [s for s in steps if s["kind"] == "llm"]
        assert len(llms) == len(tools) == len(doc["trajectory"])
        assert [t["output"] for t in tools] == [s["observation"] for s in doc["trajectory"]]
        assert [t["attributes"]["action"] for t in tools] == [s["action"].strip() for s in doc["trajectory"]]
        assert tools[-1]["name"] == "submit"
        assert trace["output"] == doc["info"]["submission"]
        assert trace["metadata"]["agent.exit"] == "submitted"
        assert trace["input"]["messages"][0]["content"] == doc["history"][0]["content"]
        assert trace["input"]["messages"][-1]["content"] == doc["history"][1]["content"]
        assert llms[0]["output"]["messages"][0]["content"] == doc["trajectory"][0]["response"]
    marshmallow = show(capsys, db, "marshmallow-code__marshmallow-1867")
    first_tool = next(s for s in flat(marshmallow["spans"]) if s["kind"] == "tool")
    assert first_tool["input"] == {"name": "create", "arguments": {"filename": "reproduce.py"}}
    assert first_tool["attributes"]["tool_call_id"] == "call_cyI71DYnRdoLHWwtZgIaW2wr"
    assert marshmallow["metadata"]["model"] == "gpt-4o"


def test_a_cost_limit_without_submission_and_a_repeated_command_are_signals_on_their_steps(
        tmp_path, capsys) -> None:
    steps = [("find_file separable.py", "Found 1 matches for separable.py", "Let me find the file."),
             ("python reproduce.py", "Traceback (most recent call last):\nImportError: cannot import name",
              "Run the reproduction."),
             ("python reproduce.py", "Traceback (most recent call last):\nImportError: cannot import name",
              "Run it again."),
             ("python reproduce.py", "Traceback (most recent call last):\nImportError: cannot import name",
              "Once more."),
             ("open astropy/modeling/separable.py", "[File: separable.py (317 lines total)]", "Open the file.")]
    path = tmp_path / "astropy__astropy-12907.traj"
    path.write_text(json.dumps(swe_traj(steps, exit_status="exit_cost", submission=None, demo=True)))
    db = tmp_path / "db.sqlite"

    import_json(capsys, db, path)

    found = signals(db, "astropy__astropy-12907")
    assert "cost limit" in found["limit_reached"]["detail"]
    assert found["no_answer"]["span_id"] == found["limit_reached"]["span_id"]
    assert found["repeated_command"]["detail"].startswith("python ran 3 times in a row")
    tools = [s for s in flat(show(capsys, db, "astropy__astropy-12907")["spans"]) if s["kind"] == "tool"]
    assert found["limit_reached"]["span_id"] == tools[-1]["span_id"]
    assert found["repeated_command"]["span_id"] == tools[3]["span_id"]
    trace = show(capsys, db, "astropy__astropy-12907")
    assert [m["content"] for m in trace["input"]["messages"]] == [
        SYSTEM, f"We're currently solving the following issue:\nISSUE:\n{ISSUE}"]  # not the demonstration
    assert detail_of(db, "astropy__astropy-12907")["spans"][0]["cost_usd"] == 1.25


def test_swe_bench_reports_put_exactly_the_unresolved_patches_in_the_queue(tmp_path, capsys) -> None:
    steps = [("find_file separable.py", "Found 1 matches", "Find it."),
             ("edit 242:242\n        cright[-right.shape[0]:, -right.shape[1]:] = right\nend_of_edit",
              "File updated.", "Fix the assignment."),
             ("submit", PATCH, "Submit.")]
    runs = tmp_path / "run"
    runs.mkdir()
    for instance in ("astropy__astropy-12907", "astropy__astropy-14182", "django__django-11099"):
        (runs / f"{instance}.traj").write_text(json.dumps(
            swe_traj(steps, submission=PATCH, function_calling=True, instance=instance)))
    reports = tmp_path / "reports"
    reports.mkdir()
    for instance, resolved in (("astropy__astropy-12907", False), ("astropy__astropy-14182", True),
                               ("django__django-11099", False)):
        (reports / f"{instance}.report.json").write_text(json.dumps(swe_bench_report(instance, resolved)))
    db = tmp_path / "db.sqlite"

    import_json(capsys, db, runs)
    assert queued(db) == {}  # nothing says yet that any of them failed
    graded = import_json(capsys, db, reports)

    assert graded["paths"][0]["formats"] == ["swe-bench"] and graded["added"]["feedback"] == 3
    assert set(queued(db)) == {"astropy__astropy-12907", "django__django-11099"}
    found = signals(db, "astropy__astropy-12907")
    submit = [s for s in flat(show(capsys, db, "astropy__astropy-12907")["spans"]) if s["name"] == "submit"][0]
    assert found["tests_failed"]["span_id"] == submit["span_id"]
    assert "test_separable[compound_model6]" in found["tests_failed"]["detail"]


def test_replay_and_export_carry_the_issue_the_system_prompt_and_the_observations(tmp_path, capsys) -> None:
    steps = [("find_file separable.py", "Found 1 matches for separable.py in /testbed", "Find it."),
             ("open astropy/modeling/separable.py", "[File: separable.py (317 lines total)]", "Open it."),
             ("submit", PATCH, "Submit.")]
    path = tmp_path / "a.traj"
    path.write_text(json.dumps(swe_traj(steps, submission=PATCH, function_calling=True)))
    db = tmp_path / "db.sqlite"
    import_json(capsys, db, path)
    trace_id = "astropy__astropy-12907"

    contexts = replays(db, trace_id)
    assert len(contexts) == 7
    tools = [s for s in flat(show(capsys, db, trace_id)["spans"]) if s["kind"] == "tool"]
    case = exported_case(capsys, db, tmp_path, trace_id, tools[1]["span_id"])

    assert case["input"]["question"] == f"We're currently solving the following issue:\nISSUE:\n{ISSUE}"
    assert case["context"]["system_prompt"] == SYSTEM
    assert [t["result"] for t in case["context"]["tool_results"]] == [s[1] for s in steps[:2]]
    assert case["actual"] == PATCH


def test_sniffing_and_a_truncated_or_foreign_traj_is_one_message(real_samples, tmp_path, capsys) -> None:
    raw = (real_samples / "swe-agent" / "marshmallow-1867.traj").read_bytes()
    assert detect(raw[:65536], "x.json").name == "swe-agent"
    assert detect(b'{"trajectory": "nope"}', "x.json") is None
    db = tmp_path / "db.sqlite"
    good = tmp_path / "good.traj"
    good.write_bytes(raw)
    import_json(capsys, db, good)
    cut = tmp_path / "cut.traj"
    cut.write_bytes(raw[: len(raw) // 2])
    assert "copy or export it again" in refused_whole(capsys, db, cut)
    foreign = tmp_path / "foreign.traj"
    foreign.write_text(json.dumps({"trajectory": {"steps": []}, "info": {}}))
    refused_whole(capsys, db, foreign)


def test_the_experiments_results_json_grades_each_instance_by_what_became_of_it(tmp_path, capsys) -> None:
    steps = [("submit", PATCH, "Submit.")]
    runs = tmp_path / "trajs"
    runs.mkdir()
    for instance in ("a__a-1", "b__b-2", "c__c-3"):
        (runs / f"{instance}.traj").write_text(json.dumps(swe_traj(steps, submission=PATCH, instance=instance)))
    results = tmp_path / "results.json"
    results.write_text(json.dumps({"no_generation": [], "generated": ["a__a-1", "b__b-2", "c__c-3"],
                                   "with_logs": ["a__a-1", "b__b-2", "c__c-3"], "install_fail": [],
                                   "reset_failed": [], "no_apply": ["c__c-3"], "applied": ["a__a-1", "b__b-2"],
                                   "test_errored": [], "test_timeout": [], "resolved": ["a__a-1"]}, indent=2))
    db = tmp_path / "db.sqlite"
    import_json(capsys, db, runs)

    graded = import_json(capsys, db, results)

    assert graded["paths"][0]["formats"] == ["swe-bench"]
    in_queue = queued(db)
    assert set(in_queue) == {"b__b-2", "c__c-3"}
    assert "did not apply" in " ".join(r["detail"] for r in in_queue["c__c-3"])


def test_mini_swe_agent_trajectories_with_their_bash_blocks_limits_and_grades(tmp_path, capsys) -> None:
    trajs = tmp_path / "trajs"
    trajs.mkdir()
    commands = [("grep -rn separability astropy/modeling", "separable.py:242: cright", 0),
                ("python -c 'import astropy'", "Traceback (most recent call last):\nImportError: no", 1)]
    (trajs / "astropy__astropy-12907.traj").write_text(json.dumps(
        mini_swe_traj(ISSUE, commands, submission=PATCH)))
    (trajs / "astropy__astropy-14182.traj").write_text(json.dumps(
        mini_swe_traj(ISSUE, commands, exit_status="LimitsExceeded", submission="")))
    results = tmp_path / "results.json"
    results.write_text(json.dumps({"generated": ["astropy__astropy-12907"], "applied": ["astropy__astropy-12907"],
                                   "no_generation": ["astropy__astropy-14182"],
                                   "resolved": ["astropy__astropy-12907"]}))
    db = tmp_path / "db.sqlite"

    import_json(capsys, db, trajs)
    import_json(capsys, db, results)

    submitted = show(capsys, db, "astropy__astropy-12907")
    tools = [s for s in flat(submitted["spans"]) if s["kind"] == "tool"]
    assert [(t["input"]["arguments"]["command"], t["status"]) for t in tools[:2]] == [
        (commands[0][0], None), (commands[1][0], "error")]
    assert tools[0]["output"].startswith("<returncode>0</returncode>")
    assert submitted["output"] == PATCH and submitted["spans"][0]["cost_usd"] == 0.31
    assert set(queued(db)) == {"astropy__astropy-14182"}
    stopped = signals(db, "astropy__astropy-14182")
    assert "step or cost limit" in stopped["limit_reached"]["detail"] and "no_answer" in stopped


def test_an_older_run_knows_its_model_from_its_folders_name(tmp_path, capsys) -> None:
    folder = tmp_path / "gpt4__SWE-bench_Lite__default__t-0.00__p-0.95__c-2.00__install-1"
    folder.mkdir()
    (folder / "django__django-11099.traj").write_text(json.dumps(swe_traj([("submit", PATCH, "Done.")],
                                                                          submission=PATCH)))
    db = tmp_path / "db.sqlite"
    import_json(capsys, db, folder)
    trace = show(capsys, db, "django__django-11099")
    assert trace["metadata"]["model"] == "gpt4"
    assert all(s["model"] == "gpt4" for s in flat(trace["spans"]) if s["kind"] == "llm")
