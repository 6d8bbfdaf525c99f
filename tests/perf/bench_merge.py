"""Merging a review database of 100,000 traces with their spans and reviews into another
(target: under 60 s), and merging it again (which changes nothing).

    .venv/bin/python tests/perf/bench_merge.py [--traces 100000] [--spans 5]

The source is a realistic generated bundle (a long system prompt, order records and
help-centre passages in the steps) imported through the real pipeline, then every trace
reviewed by one reviewer, with its audit entry, in SQL. The target holds a support bot's
traces, reviewed by another reviewer. The figure is the whole merge: copying, the search
index, the signals and queue of every trace merged.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from tests.gen.support_bot import write_bundle, write_large_bundle  # noqa: E402

from tracedesk.core.causes import default_cause_uuid  # noqa: E402
from tracedesk.core.database import open_store  # noqa: E402
from tracedesk.core.ingest import import_paths  # noqa: E402
from tracedesk.core.merge import merge_databases  # noqa: E402


def add_reviews(path: Path, reviewer: str) -> int:
    """Review every trace of the database as ``reviewer`` (a failure blaming its last tool
    step, or ok), with an audit entry each, in SQL."""
    cause = default_cause_uuid("tool error")
    with open_store(path) as store, store.write() as conn:
        conn.exec_driver_sql(f"""
            INSERT INTO review (uuid, trace_pk, reviewer, verdict, severity, cause_uuid, blamed_span_id,
                                missing_step, expected, notes, tags, created_ns, updated_ns)
            SELECT lower(hex(randomblob(16))), t.id, '{reviewer}', CASE WHEN t.id % 3 THEN 'failure' ELSE 'ok' END,
                   'high', CASE WHEN t.id % 3 THEN '{cause}' END,
                   CASE WHEN t.id % 3 THEN (SELECT max(s.span_id) FROM span s WHERE s.trace_pk = t.id
                                            AND s.kind = 'tool') END,
                   0, '"It shipped on Monday."', 'checked against the order record', '["bench"]',
                   1700000000000000000 + t.id, 1700000000000000000 + t.id
            FROM trace t
        """)
        conn.exec_driver_sql("""
            INSERT INTO audit_log (uuid, time_ns, author, action, entity, entity_uuid, before, after)
            SELECT lower(hex(randomblob(16))), r.updated_ns, r.reviewer, 'create', 'review', r.uuid, NULL,
                   json_object('uuid', r.uuid, 'trace_pk', r.trace_pk, 'reviewer', r.reviewer,
                               'verdict', r.verdict, 'updated_ns', r.updated_ns)
            FROM review r
        """)
        conn.exec_driver_sql("UPDATE queue_entry SET state = 'reviewed', is_head = 0")
        return conn.exec_driver_sql("SELECT count(*) FROM review").scalar_one()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--traces", type=int, default=100_000)
    parser.add_argument("--spans", type=int, default=5, help="steps per trace")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        source, target = folder / "source.sqlite", folder / "target.sqlite"
        started = time.perf_counter()
        write_large_bundle(folder / "large.jsonl", args.traces, args.spans)
        with open_store(source) as store:
            import_paths(store, [folder / "large.jsonl"])
        reviewed = add_reviews(source, "ann")
        write_bundle(folder / "bot.jsonl", 2000)
        with open_store(target) as store:
            import_paths(store, [folder / "bot.jsonl"])
        add_reviews(target, "bob")
        print(f"setup: {args.traces:,} traces of {args.spans} steps and {reviewed:,} reviews "
              f"({source.stat().st_size / 1e6:,.0f} MB) in {time.perf_counter() - started:.1f} s")

        with open_store(target) as store:
            started = time.perf_counter()
            report = merge_databases(store, [source], author="lead")
            took = time.perf_counter() - started
            total = report.as_dict()["total"]
            print(f"\nmerge of {args.traces:,} traces (target: under 60 s): {took:.1f} s")
            print(f"  added: {total['traces']['added']:,} traces, {total['spans']['added']:,} spans, "
                  f"{total['feedback']['added']:,} feedback, {total['reviews']['added']:,} reviews; "
                  f"signals recomputed for {report.traces_recomputed:,} traces")
            started = time.perf_counter()
            again = merge_databases(store, [source], author="lead")
            print(f"the same merge again (changes nothing: {not again.changed}): "
                  f"{time.perf_counter() - started:.1f} s")
            with store.read() as conn:
                ok = conn.exec_driver_sql("PRAGMA quick_check").scalar_one()
                print(f"quick_check: {ok}")


if __name__ == "__main__":
    main()
