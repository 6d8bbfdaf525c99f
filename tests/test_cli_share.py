"""Teamwork from scripts: share, merge, agreement --json, settle."""

from __future__ import annotations

import json
import sqlite3

import pytest

from tracedesk.cli import main
from tracedesk.core.database import open_store

from .conftest import write_jsonl
from .core.sessions import Bundle, tool

pytestmark = pytest.mark.usefixtures("settings_file")  # a settings file of each test's own


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def db(tmp_path, capsys) -> str:
    b = Bundle("shop")
    for i in (1, 2):
        b.turn(f"s{i}", f"Refund order {i}, I am ann@mail.example", "Done.", trace_id=f"t{i}",
               steps=[tool("refund_order", {"order": i}, error="gateway timeout")])
    path = str(tmp_path / "db.sqlite")
    assert main(["--db", path, "import", str(write_jsonl(tmp_path / "b.jsonl", b.records))]) == 0
    for trace, verdict in (("t1", "failure"), ("t2", "failure")):
        assert main(["--db", path, "annotate", trace, "--verdict", verdict, "--cause", "tool error",
                     "--reviewer", "ann"]) == 0
    capsys.readouterr()
    return path


def test_share_annotate_merge_agreement_and_settle(db, tmp_path, capsys) -> None:
    copy = str(tmp_path / "copy.sqlite")
    code, out, _ = run(capsys, "--db", db, "share", "--out", copy, "--reviewed", "--redact", "--json")
    assert code == 0
    shared = json.loads(out)
    assert (shared["traces"], shared["reviews"]) == (2, 2) and shared["redacted"]["email"] >= 2
    assert run(capsys, "--db", copy, "annotate", "t1", "--verdict", "failure", "--cause", "tool error",
               "--reviewer", "bob")[0] == 0
    assert run(capsys, "--db", copy, "annotate", "t2", "--verdict", "ok", "--reviewer", "bob")[0] == 0

    code, out, _ = run(capsys, "--db", db, "merge", copy, "--json")
    assert code == 0
    merged = json.loads(out)
    assert merged["total"]["reviews"] == {"added": 2, "updated": 0, "unchanged": 2, "conflicts": 0}
    code, out, _ = run(capsys, "--db", db, "merge", copy)
    assert "Nothing new" in out

    code, out, _ = run(capsys, "--db", db, "agreement", "--json")
    figures = json.loads(out)
    assert figures["traces"] == 2 and figures["reviewers"] == ["ann", "bob"]
    assert figures["agreement"]["verdict"]["percent"] == 0.5
    assert figures["agreement"]["verdict"]["method"] == "cohen"
    [d] = figures["disagreements"]
    assert (d["trace_id"], d["differs"], d["settled"]) == ("t2", ["verdict"], None)

    code, out, _ = run(capsys, "--db", db, "settle", "t2", "--verdict", "failure", "--cause", "tool error",
                       "--span", "t2.0", "--reviewer", "lead", "--json")
    assert code == 0 and json.loads(out)["blamed_span_id"] == "t2.0"
    code, out, _ = run(capsys, "--db", db, "agreement")
    assert "settled by lead: failure, tool error, step t2.0" in out
    assert json.loads(run(capsys, "--db", db, "agreement", "--unsettled", "--json")[1])["disagreements"] == []


def test_clear_messages_for_bad_sources_and_targets(db, tmp_path, capsys) -> None:
    newer = tmp_path / "newer.sqlite"
    open_store(newer).close()
    conn = sqlite3.connect(newer)
    conn.execute("PRAGMA user_version = 99")
    conn.close()
    code, _, err = run(capsys, "--db", db, "merge", str(newer))
    assert code == 2 and "newer version of Tracedesk" in err and "Traceback" not in err
    code, _, err = run(capsys, "--db", db, "share", "--out", db)
    assert code == 2 and "exists already" in err
    code, _, err = run(capsys, "--db", db, "settle", "t9", "--verdict", "ok", "--reviewer", "lead")
    assert code == 2 and "no trace 't9'" in err


def test_merge_searches_every_failure_it_brings_for_the_answers_like_them(tmp_path, capsys) -> None:
    """More failures than a merge searches in its own write: the command searches the rest
    before it ends, so that the next saves wait for none of them."""
    from tracedesk.core import learning, queue

    from .core.test_learning import reviewed_elsewhere

    ours, theirs = reviewed_elsewhere(tmp_path, learning.ECHO_SEARCHES_AT_ONCE + 3)
    code, out, _ = run(capsys, "--db", str(ours), "merge", str(theirs))
    assert code == 0 and "1 trace not reviewed now gives an answer judged a failure" in out
    with open_store(ours) as store, store.read() as conn:
        assert learning.echo_backlog(conn) == 0
        [echo] = queue.rows_for(conn, queue.ids(conn, queue.QueueFilter(kinds=("like_failure",))))
    assert echo.trace_id == "echo"
