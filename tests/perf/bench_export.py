"""Exporting 10,000 eval cases (target: under 5 s), in every format, with and without
redaction.

    .venv/bin/python tests/perf/bench_export.py [--cases 10000] [--spans 8]

The traces are a realistic generated bundle (a long system prompt, order records and
help-centre passages in the steps, sessions of three turns) imported through the real
pipeline; every trace is then reviewed as a failure through the core API, blaming its
last tool step, and exported.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from tests.gen.support_bot import write_large_bundle  # noqa: E402

from tracedesk.core import reviews  # noqa: E402
from tracedesk.core.database import open_store  # noqa: E402
from tracedesk.core.export import EXPORT_FORMATS, ExportOptions, export_cases  # noqa: E402
from tracedesk.core.ingest import import_paths  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=int, default=10_000)
    parser.add_argument("--spans", type=int, default=8, help="steps per trace")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        bundle = folder / "bench.jsonl"
        write_large_bundle(bundle, args.cases, args.spans)
        with open_store(folder / "bench.sqlite") as store:
            started = time.perf_counter()
            import_paths(store, [bundle])
            print(f"setup: imported {args.cases:,} traces in {time.perf_counter() - started:.1f} s")
            started = time.perf_counter()
            with store.write() as conn:
                blamed = dict(conn.exec_driver_sql(
                    "SELECT trace_pk, max(span_id) FROM span WHERE kind = 'tool' GROUP BY trace_pk").fetchall())
                for (pk,) in conn.exec_driver_sql("SELECT id FROM trace ORDER BY id").fetchall():
                    reviews.save_review(conn, pk, "bench", reviews.ReviewInput(
                        "failure", severity="high", cause="tool error", blamed_span_id=blamed.get(pk),
                        expected="Your order has shipped; it arrives on Thursday.", notes="wrong order status",
                        tags=["bench"]))
            took = time.perf_counter() - started
            print(f"setup: {args.cases:,} reviews saved through the core API in {took:.1f} s "
                  f"({took / args.cases * 1e3:.2f} ms each)")
            print(f"\nexport of {args.cases:,} eval cases (target: under 5 s)")
            for fmt, spec in EXPORT_FORMATS.items():
                for redact in (False, True):
                    out = folder / f"cases-{fmt}{spec.suffix}"
                    started = time.perf_counter()
                    with store.read() as conn:
                        report = export_cases(conn, fmt, out, options=ExportOptions(redact=redact, overwrite=True))
                    took = time.perf_counter() - started
                    size = out.stat().st_size / 1e6
                    found = f", {sum(report.redacted.values()):,} redacted" if redact else ""
                    print(f"  {fmt:<13} {'redacted' if redact else 'plain':<9} {took:6.2f} s  "
                          f"{report.cases:,} cases, {size:.1f} MB{found}")


if __name__ == "__main__":
    main()
