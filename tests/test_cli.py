"""The command line, as scripts use it: outputs, --json shapes, exit codes."""

from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tracedesk.cli import main

from .conftest import write_jsonl

BUNDLE = {"type": "bundle", "version": 1, "source": "bot"}
RECORDS = [
    BUNDLE,
    {"type": "trace", "trace_id": "t1", "input": "hello", "output": "hi there", "session_id": "s"},
    {"type": "span", "trace_id": "t1", "span_id": "a", "kind": "agent", "name": "agent"},
    {"type": "span", "trace_id": "t1", "span_id": "b", "parent_id": "a", "kind": "llm", "name": "answer",
     "input": {"messages": [{"role": "user", "content": "hello"}]},
     "output": {"messages": [{"role": "assistant", "content": "hi there"}]}},
    {"type": "feedback", "trace_id": "t1", "kind": "thumbs", "value": -1},
]


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_import_prints_what_was_added_and_what_was_there(tmp_path, capsys) -> None:
    db = str(tmp_path / "db.sqlite")
    bundle = write_jsonl(tmp_path / "b.jsonl", [*RECORDS, "{broken"])
    code, text, _ = run(capsys, "--db", db, "import", str(bundle))
    assert code == 0
    assert "added:         1 trace, 2 spans, 1 feedback" in text
    assert f"{bundle}, line 6: not valid JSON" in text
    code, out, _ = run(capsys, "import", str(bundle), "--db", db, "--json")
    report = json.loads(out)
    assert code == 0
    assert report["added"] == {"traces": 0, "spans": 0, "feedback": 0}
    assert report["already_there"] == {"traces": 1, "spans": 2, "feedback": 1}
    assert report["paths"][0]["formats"] == ["native"]
    [problem] = report["paths"][0]["problems"]
    assert {k: problem[k] for k in ("file", "line", "where")} == {"file": str(bundle), "line": 6, "where": None}
    # The reason is the one the text report gave for that line, word for word.
    assert problem["reason"].startswith("not valid JSON") and f"{bundle}, line 6: {problem['reason']}\n" in text


def test_import_exits_1_when_nothing_could_be_imported(tmp_path, capsys) -> None:
    junk = tmp_path / "junk.jsonl"
    junk.write_text("not a bundle\n")
    code, out, _ = run(capsys, "--db", str(tmp_path / "db.sqlite"), "import", str(junk), str(tmp_path / "nope"))
    assert code == 1
    assert f"not imported: {junk}: " in out and "no such file" in out


def test_bad_arguments_exit_2(tmp_path, capsys) -> None:
    with pytest.raises(SystemExit) as exit_:
        main(["import"])
    assert exit_.value.code == 2
    code, _, err = run(capsys, "--db", str(tmp_path / "db.sqlite"), "import", "x.jsonl", "--format", "nope")
    assert code == 2 and "unknown format 'nope'" in err


def test_a_database_that_cannot_be_opened_is_one_clear_line(tmp_path, capsys) -> None:
    not_db = tmp_path / "notes.txt"
    not_db.write_text("my notes")
    code, out, err = run(capsys, "--db", str(not_db), "stats", "--json")
    assert code == 2 and out == ""
    assert err.startswith("tracedesk: ") and "not a Tracedesk review database" in err
    assert "Traceback" not in err and not_db.read_text() == "my notes"


def test_stats_json(tmp_path, capsys) -> None:
    db = str(tmp_path / "db.sqlite")
    run(capsys, "--db", db, "import", str(write_jsonl(tmp_path / "b.jsonl", RECORDS)))
    code, out, _ = run(capsys, "--db", db, "stats", "--json")
    stats = json.loads(out)
    assert code == 0
    assert {k: stats[k] for k in ("traces", "spans", "feedback", "reviews")} == {
        "traces": 1, "spans": 2, "feedback": 1, "reviews": 0}
    assert stats["sources"] == [{"name": "bot", "traces": 1}]
    assert stats["span_kinds"] == {"agent": 1, "llm": 1}


def test_show_json_gives_the_tree_and_feedback(tmp_path, capsys) -> None:
    db = str(tmp_path / "db.sqlite")
    run(capsys, "--db", db, "import", str(write_jsonl(tmp_path / "b.jsonl", RECORDS)))
    code, out, _ = run(capsys, "--db", db, "show", "bot:t1", "--json")
    detail = json.loads(out)
    assert code == 0
    assert detail["trace_id"] == "t1" and detail["source"] == "bot"
    [root] = detail["spans"]
    assert root["span_id"] == "a" and [c["span_id"] for c in root["children"]] == ["b"]
    assert root["children"][0]["output"]["messages"][0]["content"] == "hi there"
    assert detail["feedback"][0]["kind"] == "thumbs"
    code, out, _ = run(capsys, "--db", db, "show", "t1")
    assert code == 0 and "[llm] answer" in out
    assert "  session s\n" in out and "None" not in out  # a session without a user says no "user None"
    code, _, err = run(capsys, "--db", db, "show", "nope")
    assert code == 2 and "no trace 'nope'" in err


def test_the_database_comes_from_the_environment(tmp_path, capsys, monkeypatch) -> None:
    monkeypatch.setenv("TRACEDESK_DB", str(tmp_path / "env.sqlite"))
    code, _, err = run(capsys, "import", str(write_jsonl(tmp_path / "b.jsonl", RECORDS)))
    assert code == 0, err
    # The trace went to the database the environment names, which a later command reads too.
    code, out, _ = run(capsys, "--db", str(tmp_path / "env.sqlite"), "stats", "--json")
    assert code == 0 and json.loads(out)["traces"] == 1
    code, out, _ = run(capsys, "stats", "--json")
    assert code == 0 and json.loads(out)["traces"] == 1


@pytest.mark.slow
def test_python_m_tracedesk_and_the_demo(tmp_path) -> None:
    db = tmp_path / "demo.sqlite"
    done = subprocess.run([sys.executable, "-m", "tracedesk", "demo", "--db", str(db), "--no-window"],
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert "Demo database" in done.stdout
    stats = subprocess.run([sys.executable, "-m", "tracedesk", "--db", str(db), "stats", "--json"],
                           capture_output=True, text=True, timeout=60)
    assert json.loads(stats.stdout)["traces"] >= 100
    assert Path(db).exists()



def queue_ids(capsys, db: str, *extra: str) -> list[str]:
    code, out, _ = run(capsys, "--db", db, "queue", "--json", *extra)
    assert code == 0
    return [row["trace_id"] for row in json.loads(out)]


def test_snooze_skip_and_reopen_keep_traces_out_of_the_queue_until_asked(tmp_path, capsys) -> None:
    db = str(tmp_path / "db.sqlite")
    # A second trace on another question (the same question twice would be grouped as one).
    other = [{**r, "trace_id": "t2"} for r in RECORDS[1:]]
    other[0] = {**other[0], "input": "where is my parcel?", "session_id": "s2"}
    run(capsys, "--db", db, "import", str(write_jsonl(tmp_path / "b.jsonl", [*RECORDS, *other])))
    assert sorted(queue_ids(capsys, db)) == ["t1", "t2"]

    code, out, _ = run(capsys, "--db", db, "skip", "t1")
    assert code == 0 and "t1: skipped" in out
    code, out, _ = run(capsys, "--db", db, "snooze", "bot:t2", "--for", "2d")
    assert code == 0 and "bot:t2: snoozed until" in out
    assert queue_ids(capsys, db) == []
    assert sorted(queue_ids(capsys, db, "--all")) == ["t1", "t2"]  # asked for: still there

    code, out, _ = run(capsys, "--db", db, "reopen", "t1", "t2")
    assert code == 0 and sorted(queue_ids(capsys, db)) == ["t1", "t2"]


def test_a_snooze_that_has_ended_brings_the_trace_back(tmp_path, capsys) -> None:
    from tracedesk.core import queue
    from tracedesk.core.database import open_store

    db = tmp_path / "db.sqlite"
    run(capsys, "--db", str(db), "import", str(write_jsonl(tmp_path / "b.jsonl", RECORDS)))
    with open_store(db) as store, store.write() as conn:  # a snooze that ended a second ago
        queue.set_state(conn, 1, queue.SNOOZED, until_ns=time.time_ns() - 1_000_000_000)
    assert queue_ids(capsys, str(db)) == ["t1"]


def test_snooze_refuses_a_past_time_and_an_unknown_trace_changes_nothing(tmp_path, capsys) -> None:
    db = str(tmp_path / "db.sqlite")
    run(capsys, "--db", db, "import", str(write_jsonl(tmp_path / "b.jsonl", RECORDS)))
    code, _, err = run(capsys, "--db", db, "snooze", "t1", "--until", "2020-01-01")
    assert code == 2 and "already past" in err
    code, _, err = run(capsys, "--db", db, "skip", "t1", "nope")
    assert code == 2 and "no trace 'nope'" in err
    code, _, err = run(capsys, "--db", db, "snooze", "t1", "--for", "soon")
    assert code == 2 and "not a duration" in err
    assert queue_ids(capsys, db) == ["t1"]
