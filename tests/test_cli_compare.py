"""`tracedesk compare`: the aligned pairs as scripts read them, the text a person reads,
the proposed runs, and clear messages for what cannot be compared."""

from __future__ import annotations

import json

from tracedesk.cli import main

from .conftest import write_jsonl
from .core.sessions import Bundle, tool


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def database(tmp_path) -> str:
    b = Bundle("shop")
    b.turn("s1", "Cancel order 5 please", "Cancelled!", trace_id="failed",
           steps=[tool("cancel_order", {"order": 5}, error="503 Service Unavailable"),
                  tool("notify", {"order": 5}, {"sent": True})])
    b.feedback("failed", "thumbs", -1)
    b.turn("s2", "Cancel order 6 please", "Cancelled!", trace_id="worked",
           steps=[tool("cancel_order", {"order": 6}, {"cancelled": True})])
    db = str(tmp_path / "db.sqlite")
    assert main(["--db", db, "import", str(write_jsonl(tmp_path / "b.jsonl", b.records))]) == 0
    return db


def test_compare_json_gives_the_pairs_and_the_first_divergence(tmp_path, capsys) -> None:
    db = database(tmp_path)
    capsys.readouterr()
    code, out, _ = run(capsys, "--db", db, "compare", "failed", "shop:worked", "--json")
    assert code == 0
    result = json.loads(out)
    assert [(p["a"], p["b"], p["same"]) for p in result["pairs"]] == [
        ("failed.root", "worked.root", True), ("failed.0", "worked.0", False), ("failed.1", None, False)]
    assert result["first_divergence"] == 1
    assert result["pairs"][1] == {"a": "failed.0", "b": "worked.0", "same": False, "change": "changed",
                                  "kind": "tool", "differs": ["status"]}
    assert result["a"]["trace_id"] == "failed" and result["b"]["source"] == "shop"
    assert result["same_steps"] == 1


def test_compare_prints_two_columns_and_the_words_that_differ(tmp_path, capsys) -> None:
    db = database(tmp_path)
    capsys.readouterr()
    code, out, _ = run(capsys, "--db", db, "compare", "failed", "worked")
    assert code == 0
    assert "They diverge at row 1: [tool] cancel_order ERROR (status differs)." in out
    row = next(line for line in out.splitlines() if line.startswith("*"))
    assert row.split() == ["*", "1", "~", "[tool]", "cancel_order", "ERROR", "[tool]", "cancel_order"]
    assert any(line.split()[:3] == ["2", "<", "[tool]"] and line.rstrip().endswith("-") for line in out.splitlines())
    assert '[-error: 503 Service Unavailable-]{+{"cancelled":true}+}' in out


def test_compare_candidates_lists_the_runs_and_why(tmp_path, capsys) -> None:
    db = database(tmp_path)
    capsys.readouterr()
    code, out, _ = run(capsys, "--db", db, "compare", "failed", "--candidates", "--json")
    assert code == 0
    [candidate] = json.loads(out)
    assert candidate["trace_id"] == "worked" and candidate["failed"] is False
    assert candidate["reasons"][0]["kind"] == "similar_ok"
    code, out, _ = run(capsys, "--db", db, "compare", "failed", "--candidates")
    assert "shop:worked  (did not fail)" in out and "the most similar question" in out


def test_an_unknown_trace_or_a_missing_one_is_a_clear_message_and_exit_2(tmp_path, capsys) -> None:
    db = database(tmp_path)
    capsys.readouterr()
    code, out, err = run(capsys, "--db", db, "compare", "failed", "nope", "--json")
    assert code == 2 and out == ""
    assert err == "tracedesk: no trace 'nope' in this database (see 'tracedesk queue' for the ids)\n"
    code, _, err = run(capsys, "--db", db, "compare", "failed")
    assert code == 2 and "name a second trace" in err
    code, _, err = run(capsys, "--db", db, "compare", "ghost", "--candidates")
    assert code == 2 and "no trace 'ghost'" in err
