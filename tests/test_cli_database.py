"""The review database a command works on: a name with a typo is refused, not created
empty; a damaged, busy or read-only file is one clear line, never a traceback."""

from __future__ import annotations

import pytest

from tracedesk.cli import main

from .conftest import write_jsonl

RECORDS = [
    {"type": "bundle", "version": 1, "source": "bot"},
    {"type": "trace", "trace_id": "t1", "input": "hello", "output": "hi there"},
    {"type": "feedback", "trace_id": "t1", "kind": "thumbs", "value": -1},
]


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


READING = [
    ["stats"], ["queue"], ["show", "t1"], ["history"], ["causes"], ["insights"], ["agreement"],
    ["compare", "t1", "t2"], ["export", "--format", "jsonl", "--out", "{tmp}/cases.jsonl"],
    ["share", "--out", "{tmp}/shared.tracedesk"], ["annotate", "t1", "--verdict", "ok", "--reviewer", "ann"],
    ["undo", "--reviewer", "ann"], ["snooze", "t1"], ["settle", "t1", "--verdict", "ok", "--reviewer", "ann"],
    ["merge", "{tmp}/other.sqlite"],
]


@pytest.mark.parametrize("command", READING, ids=lambda c: c[0])
def test_a_command_on_a_database_that_does_not_exist_refuses_it(tmp_path, capsys, command) -> None:
    db = tmp_path / "missing-folder" / "review.sqllite"
    argv = [part.replace("{tmp}", str(tmp_path)) for part in command]
    code, out, err = run(capsys, "--db", str(db), *argv)
    assert code == 2, (out, err)
    assert str(db) in err and "does not exist" in err
    assert "tracedesk import" in err  # what to do
    assert not db.exists() and not db.parent.exists()
    assert not (tmp_path / "cases.jsonl").exists() and not (tmp_path / "shared.tracedesk").exists()


def test_the_default_database_is_not_created_by_reading_it(tmp_path, capsys, monkeypatch) -> None:
    db = tmp_path / "data" / "review.sqlite"
    monkeypatch.setenv("TRACEDESK_DB", str(db))
    code, _, err = run(capsys, "queue")
    assert code == 2 and "does not exist" in err and not db.exists()


def test_import_creates_the_database_and_says_so(tmp_path, capsys) -> None:
    db = tmp_path / "new-folder" / "review.sqlite"
    bundle = write_jsonl(tmp_path / "b.jsonl", RECORDS)
    code, out, err = run(capsys, "--db", str(db), "import", str(bundle))
    assert code == 0 and db.exists()
    assert f"new review database: {db}" in err
    code, out, err = run(capsys, "--db", str(db), "import", str(bundle))  # there now: nothing said
    assert code == 0 and "new review database" not in err
    code, out, _ = run(capsys, "--db", str(db), "stats")
    assert code == 0 and "1 traces" in out
