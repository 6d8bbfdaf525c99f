"""What every agent-trajectory format must do, checked the way a reviewer uses the result:
through the command line and core, on a real database in a temporary folder."""

from __future__ import annotations

import json
from pathlib import Path

from tracedesk.cli import main
from tracedesk.core import compare, queue
from tracedesk.core.database import open_store
from tracedesk.core.replay import replay_context, replay_steps
from tracedesk.core.traces import find_trace, trace_detail


def cli(capsys, *argv: str) -> tuple[int, str, str]:
    capsys.readouterr()
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


def import_json(capsys, db: Path, *paths: Path) -> dict:
    code, out, err = cli(capsys, "--db", db, "import", *paths, "--json")
    assert code == 0, (out, err)
    return json.loads(out)


def show(capsys, db: Path, trace_id: str) -> dict:
    code, out, err = cli(capsys, "--db", db, "show", trace_id, "--json")
    assert code == 0, err
    return json.loads(out)


def flat(spans: list[dict]) -> list[dict]:
    out = []
    for span in spans:
        out.append(span)
        out += flat(span.get("children") or [])
    return out


def queued(db: Path) -> dict[str, list[dict]]:
    """Every trace of the queue (near-duplicates too) with its reasons."""
    with open_store(db) as store, store.read() as conn:
        rows = queue.rows_for(conn, queue.ids(conn, queue.QueueFilter(expand_groups=True)))
        return {row.trace_id: [r.as_dict() for r in row.reasons] for row in rows}


def signals(db: Path, trace_id: str) -> dict[str, dict]:
    """The signals of a trace by kind (all of them, those that do not count too)."""
    with open_store(db) as store, store.read() as conn:
        pk = find_trace(conn, trace_id).pk
        return {kind: {"confidence": c, "detail": d, "span_id": s} for kind, c, d, s in conn.exec_driver_sql(
            "SELECT kind, confidence, detail, span_id FROM signal WHERE trace_pk = ?", (pk,))}


def replays(db: Path, trace_id: str) -> list:
    """Steps through the whole replay of a trace; the context of each step."""
    with open_store(db) as store, store.read() as conn:
        replay = replay_steps(conn, find_trace(conn, trace_id).pk)
        return [replay_context(conn, replay, i) for i in range(len(replay))]


def compared(db: Path, a: str, b: str) -> compare.Comparison:
    with open_store(db) as store, store.read() as conn:
        return compare.compare_traces(conn, find_trace(conn, a).pk, find_trace(conn, b).pk)


def exported_case(capsys, db: Path, tmp_path: Path, trace_id: str, span_id: str | None = None) -> dict:
    """Review the trace as a failure (blaming ``span_id``) and export it: the case."""
    blame = ["--span", span_id] if span_id else []
    code, _, err = cli(capsys, "--db", db, "annotate", trace_id, "--verdict", "failure", *blame,
                       "--expected", "The right answer.", "--reviewer", "ann")
    assert code == 0, err
    out = tmp_path / f"cases-{len(list(tmp_path.glob('cases-*')))}.jsonl"
    code, _, err = cli(capsys, "--db", db, "export", "--format", "jsonl", "--out", out)
    assert code == 0, err
    cases = [json.loads(line) for line in out.read_text().splitlines()]
    return next(c for c in cases if c["provenance"]["trace_id"] == trace_id)


def refused_whole(capsys, db: Path, bad: Path, *options: str) -> str:
    """Importing ``bad`` into a database that already holds traces: exit 1, one message
    naming the file, and nothing changed. The message."""
    code, before, _ = cli(capsys, "--db", db, "stats", "--json")
    assert code == 0
    code, out, err = cli(capsys, "--db", db, "import", bad, *options)
    assert code == 1, (out, err)
    message = (out + err).strip()
    assert len(message.splitlines()) == 1 and str(bad) in message and "Traceback" not in message, message
    _, after, _ = cli(capsys, "--db", db, "stats", "--json")
    assert json.loads(after) == json.loads(before)
    return message


def detail_of(db: Path, trace_id: str) -> dict:
    with open_store(db) as store, store.read() as conn:
        return trace_detail(conn, find_trace(conn, trace_id))
