"""Reviewing and exporting from scripts: annotate, show --json, undo, history, causes, export."""

from __future__ import annotations

import json
import sqlite3

import pytest
import yaml

from tracedesk.cli import main

from .conftest import write_jsonl
from .core.sessions import Bundle, tool

pytestmark = pytest.mark.usefixtures("settings_file")  # a settings file of each test's own


@pytest.fixture
def db(tmp_path, capsys) -> str:
    b = Bundle("shop")
    b.turn("s1", "Refund order 88 please, I am ann@mail.example", "Done! I've processed your refund.",
           trace_id="t1", steps=[tool("refund_order", {"order": 88}, error="gateway timeout")])
    b.feedback("t1", "thumbs", -1)
    b.turn("s2", "Where is my parcel?", "It is on its way.", trace_id="t2")
    b.feedback("t2", "thumbs", -1)
    path = str(tmp_path / "db.sqlite")
    assert main(["--db", path, "import", str(write_jsonl(tmp_path / "b.jsonl", b.records))]) == 0
    capsys.readouterr()
    return path


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def state(db: str) -> tuple:
    conn = sqlite3.connect(db)
    try:
        return tuple(conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
                     for t in ("review", "audit_log", "cause")) + (
            conn.execute("SELECT group_concat(state) FROM queue_entry ORDER BY trace_pk").fetchone()[0],)
    finally:
        conn.close()


def queue_ids(capsys, db: str) -> list[str]:
    _, out, _ = run(capsys, "--db", db, "queue", "--json")
    return sorted(r["trace_id"] for r in json.loads(out))


def test_annotate_then_show_json_has_the_review_and_the_trace_leaves_the_queue(db, capsys, settings_file) -> None:
    code, out, _ = run(capsys, "--db", db, "annotate", "t1", "--verdict", "failure", "--cause", "tool error",
                       "--span", "t1.0", "--expected", "The refund failed; we will retry it.", "--note",
                       "claimed success after a timeout", "--tag", "refunds", "--tag", "p1", "--severity", "high",
                       "--reviewer", "Ann Lee", "--json")
    assert code == 0
    printed = json.loads(out)
    assert printed["trace_id"] == "t1" and printed["reviewer"] == "Ann Lee"
    assert 'name = "Ann Lee"' in settings_file.read_text()  # asked once: kept for the next time
    assert queue_ids(capsys, db) == ["t2"]
    code, out, _ = run(capsys, "--db", db, "show", "t1", "--json")
    [review] = json.loads(out)["reviews"]
    assert {k: review[k] for k in ("verdict", "severity", "cause", "blamed_span_id", "missing_step", "expected",
                                   "notes", "tags", "reviewer")} == {
        "verdict": "failure", "severity": "high", "cause": "tool error", "blamed_span_id": "t1.0",
        "missing_step": False, "expected": "The refund failed; we will retry it.",
        "notes": "claimed success after a timeout", "tags": ["refunds", "p1"], "reviewer": "Ann Lee"}
    assert review["uuid"] == printed["uuid"] and review["created_time"] and review["updated_time"]
    # Annotating again changes only what is given; the reviewer now comes from the settings.
    code, out, _ = run(capsys, "--db", db, "annotate", "t1", "--verdict", "failure", "--missing-step")
    assert code == 0 and "a step is missing" in out and "cause tool error" in out
    _, out, _ = run(capsys, "--db", db, "show", "t1")
    assert "review by Ann Lee: failure, tool error, a step is missing" in out


def test_undo_and_history(db, capsys) -> None:
    run(capsys, "--db", db, "annotate", "t1", "--verdict", "unsure", "--reviewer", "ann")
    run(capsys, "--db", db, "annotate", "t1", "--verdict", "failure", "--cause", "hallucination")
    code, out, _ = run(capsys, "--db", db, "history", "t1", "--json")
    entries = json.loads(out)
    assert code == 0 and [e["action"] for e in entries] == ["update", "create"]
    assert entries[0]["author"] == "ann" and entries[0]["before"]["verdict"] == "unsure"
    assert entries[0]["after"]["verdict"] == "failure" and entries[0]["time"].endswith("Z")
    code, out, _ = run(capsys, "--db", db, "undo")
    assert code == 0 and out.startswith("undone: update review by ann")
    _, out, _ = run(capsys, "--db", db, "show", "t1", "--json")
    assert json.loads(out)["reviews"][0]["verdict"] == "unsure"
    run(capsys, "--db", db, "undo")
    assert queue_ids(capsys, db) == ["t1", "t2"]  # the undone review brings the trace back
    code, _, err = run(capsys, "--db", db, "undo")
    assert code == 2 and "no change left to undo" in err
    _, out, _ = run(capsys, "--db", db, "history")
    assert out.count("(undone)") == 2


@pytest.mark.parametrize("argv, message", [
    (["annotate", "nope", "--verdict", "failure"], "no trace 'nope'"),
    (["annotate", "t1", "--verdict", "failure", "--cause", "gremlins"], "no cause 'gremlins' (known causes: "),
    (["annotate", "t1", "--verdict", "failure", "--span", "t9.9"], "the trace has no span 't9.9' (its spans: "),
    (["causes", "rename", "gremlins", "imps"], "no cause 'gremlins'"),
    (["causes", "nest", "tool error", "--under", "tool error"], "cannot be nested below itself"),
    (["export", "--format", "jsonl", "--out", "cases.jsonl", "--since", "yesterday"], "is not a date"),
])
def test_bad_input_says_what_is_wrong_exits_2_and_changes_nothing(db, capsys, tmp_path, monkeypatch, argv,
                                                                  message) -> None:
    monkeypatch.chdir(tmp_path)
    before = state(db)
    code, out, err = run(capsys, "--db", db, *argv, "--reviewer", "ann") if argv[0] != "export" else run(
        capsys, "--db", db, *argv)
    assert code == 2 and out == ""
    assert err.startswith("tracedesk: ") and message in err and "Traceback" not in err
    assert state(db) == before
    assert not (tmp_path / "cases.jsonl").exists()


def test_a_review_needs_a_reviewer(db, capsys) -> None:
    code, _, err = run(capsys, "--db", db, "annotate", "t1", "--verdict", "ok")
    assert code == 2 and "--reviewer NAME" in err


def test_the_causes_command_edits_the_taxonomy(db, capsys) -> None:
    code, out, _ = run(capsys, "--db", db, "causes", "add", "timeout", "--under", "tool error", "--reviewer", "ann")
    assert code == 0 and out == "add: tool error / timeout\n"
    run(capsys, "--db", db, "causes", "retire", "formatting")
    code, out, _ = run(capsys, "--db", db, "causes")
    assert "tool error\n  timeout\n" in out and "formatting" not in out
    _, out, _ = run(capsys, "--db", db, "causes", "--json", "--all")
    assert {"name": "formatting", "retired": True}.items() <= next(
        c for c in json.loads(out) if c["name"] == "formatting").items()


def test_export_writes_each_format_with_a_report(db, capsys, tmp_path) -> None:
    run(capsys, "--db", db, "annotate", "t1", "--verdict", "failure", "--cause", "tool error", "--span", "t1.0",
        "--expected", "It failed; call +44 20 7946 0958.", "--reviewer", "ann")
    run(capsys, "--db", db, "annotate", "t2", "--verdict", "ok")
    code, out, _ = run(capsys, "--db", db, "export", "--format", "promptfoo", "--out", str(tmp_path / "t.yaml"),
                       "--redact")
    assert code == 0
    assert f"1 eval cases written to {tmp_path / 't.yaml'} (promptfoo)" in out
    assert "redacted: 1 email, 1 phone" in out
    [test] = yaml.safe_load((tmp_path / "t.yaml").read_text())
    assert test["vars"]["question"] == "Refund order 88 please, I am [EMAIL]"
    code, out, _ = run(capsys, "--db", db, "export", "--format", "csv", "--out", str(tmp_path / "r.csv"), "--json")
    assert code == 0 and json.loads(out)["cases"] == 2
    for fmt, name in (("jsonl", "c.jsonl"), ("inspect", "i.jsonl"), ("openai-evals", "o.jsonl"),
                      ("langfuse", "l.jsonl")):
        code, out, _ = run(capsys, "--db", db, "export", "--format", fmt, "--out", str(tmp_path / name),
                           "--cause", "tool error", "--json")
        assert code == 0 and json.loads(out)["cases"] == 1
        assert len((tmp_path / name).read_text().splitlines()) == 1


def test_show_lists_each_step_with_its_id_input_and_output_for_annotate(db, capsys) -> None:
    code, out, _ = run(capsys, "--db", db, "show", "t1")
    assert code == 0
    lines = out.splitlines()
    [step] = [i for i, line in enumerate(lines) if "[tool] refund_order" in line]
    assert "id t1.0" in lines[step] and "ERROR" in lines[step]
    assert lines[step + 1].strip().startswith("input:") and "88" in lines[step + 1]
    assert "gateway timeout" in out  # what the failed step said
    # The id it lists is what annotate --span takes.
    code, out, _ = run(capsys, "--db", db, "annotate", "t1", "--verdict", "failure", "--span", "t1.0",
                       "--reviewer", "ann")
    assert code == 0 and "step t1.0" in out


def test_annotating_a_reviewed_trace_again_changes_only_what_is_given(db, capsys) -> None:
    run(capsys, "--db", db, "annotate", "t1", "--verdict", "failure", "--cause", "tool error", "--reviewer", "ann")
    code, out, err = run(capsys, "--db", db, "annotate", "t1", "--note", "the gateway timed out")
    assert code == 0, err
    _, out, _ = run(capsys, "--db", db, "show", "t1", "--json")
    [review] = json.loads(out)["reviews"]
    assert (review["verdict"], review["cause"], review["notes"]) == ("failure", "tool error", "the gateway timed out")


def test_a_first_review_without_a_verdict_is_refused_with_what_to_add(db, capsys) -> None:
    before = state(db)
    code, out, err = run(capsys, "--db", db, "annotate", "t2", "--note", "odd", "--reviewer", "ann")
    assert code == 2 and out == ""
    assert err.startswith("tracedesk: ") and "--verdict" in err and "Traceback" not in err
    assert state(db) == before


def test_history_and_undo_say_what_changed_in_words(db, capsys) -> None:
    run(capsys, "--db", db, "annotate", "t1", "--verdict", "unsure", "--reviewer", "ann")
    run(capsys, "--db", db, "annotate", "t1", "--cause", "tool error", "--span", "t1.0")
    _, out, _ = run(capsys, "--db", db, "history", "t1")
    assert "update review by ann: cause, blamed step" in out and "_uuid" not in out
    run(capsys, "--db", db, "annotate", "t1", "--verdict", "failure")
    code, out, _ = run(capsys, "--db", db, "undo")
    assert code == 0 and out.startswith("undone: update review by ann: verdict unsure → failure")


def test_blaming_a_step_by_its_name_says_its_id(db, capsys) -> None:
    before = state(db)
    code, out, err = run(capsys, "--db", db, "annotate", "t1", "--verdict", "failure", "--span", "refund_order",
                         "--reviewer", "ann")
    assert code == 2 and out == "" and state(db) == before
    assert "'refund_order' is the name of step t1.0: give its id, t1.0" in err
