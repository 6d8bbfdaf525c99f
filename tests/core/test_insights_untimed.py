"""Insights over traces of which some carry no time: they are counted apart, never a
reason for the figures to fail."""

from __future__ import annotations

import json

from tracedesk.cli import main
from tracedesk.core import insights, queue
from tracedesk.core.ingest import import_paths

from ..conftest import write_jsonl


def test_a_trace_without_a_time_is_its_own_day_row(store, db_path, tmp_path, capsys) -> None:
    bundle = write_jsonl(tmp_path / "b.jsonl", [
        {"type": "bundle", "source": "bot"},
        {"type": "trace", "trace_id": "timed", "input": "Where is my parcel?", "output": "On its way.",
         "start_time": "2026-11-20T10:00:00Z"},
        {"type": "trace", "trace_id": "untimed", "input": "Where is my refund?", "output": "No idea."},
        {"type": "feedback", "trace_id": "untimed", "kind": "thumbs", "value": -1},
    ])
    import_paths(store, [bundle])
    with store.read() as conn:
        tables = {t.name: t for t in insights.overview(conn)}
        days = {row.value: row for row in tables["failures_by_day"].rows}
        assert set(days) == {"2026-11-20", None}
        assert days[None].traces == 1 and days[None].signals.count == 1
        listed = {r.trace_id for r in queue.page(conn, days[None].filter, 0, 10)}
        assert listed == {"untimed"}
        assert {r.trace_id for r in queue.page(conn, days["2026-11-20"].filter, 0, 10)} == {"timed"}
    assert main(["--db", str(db_path), "insights", "--json"]) == 0
    figures = json.loads(capsys.readouterr().out)
    assert any(t["name"] == "failures_by_day" for t in figures["tables"])
    assert main(["--db", str(db_path), "insights", "--csv", str(tmp_path / "csv")]) == 0
    assert (tmp_path / "csv" / "failures_by_day.csv").exists()
