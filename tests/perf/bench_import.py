"""Import throughput and memory of the native importer, against a floor measured in the
same run: orjson parsing plus plain ``sqlite3.executemany`` into one table, in one
transaction. Target: at least a third of the floor's spans per second, and a peak memory
under 400 MB that does not grow with the bundle.

    .venv/bin/python tests/perf/bench_import.py               # 100,000 and 500,000 spans
    .venv/bin/python tests/perf/bench_import.py --sizes 50000  # a quick look

Each measurement runs in a fresh process, so its peak RSS is its own.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SPANS_PER_TRACE = 25


def floor(bundle: Path, db: Path) -> None:
    import sqlite3

    import orjson

    conn = sqlite3.connect(db, isolation_level=None)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = NORMAL")
    conn.execute(
        "CREATE TABLE span (trace_id TEXT, span_id TEXT, parent_id TEXT, name TEXT, kind TEXT, "
        "start_time TEXT, end_time TEXT, status TEXT, input TEXT, output TEXT, model TEXT, "
        "attributes TEXT)"
    )
    conn.execute("BEGIN")
    batch = []
    dumps = orjson.dumps
    with bundle.open("rb") as fh:
        for line in fh:
            r = orjson.loads(line)
            if r.get("type") != "span":
                continue
            batch.append((r["trace_id"], r["span_id"], r.get("parent_id"), r.get("name"), r.get("kind"),
                          r.get("start_time"), r.get("end_time"), r.get("status"), dumps(r.get("input")),
                          dumps(r.get("output")), r.get("model"), dumps(r.get("attributes"))))
            if len(batch) >= 10_000:
                conn.executemany("INSERT INTO span VALUES (?,?,?,?,?,?,?,?,?,?,?,?)", batch)
                batch.clear()
    conn.executemany("INSERT INTO span VALUES (?,?,?,?,?,?,?,?,?,?,?,?)", batch)
    conn.execute("COMMIT")
    conn.close()


def tracedesk_import(bundle: Path, db: Path) -> None:
    from tracedesk.core.database import open_store
    from tracedesk.core.ingest import import_paths

    with open_store(db) as store:
        report = import_paths(store, [bundle])
    assert report.anything_imported and report.problem_count == 0, report.as_dict()


def child(mode: str, bundle: str, db: str) -> None:
    started = time.perf_counter()
    {"floor": floor, "tracedesk": tracedesk_import}[mode](Path(bundle), Path(db))
    seconds = time.perf_counter() - started
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({"seconds": seconds, "peak_mb": peak_mb}))


def measure(mode: str, bundle: Path, db: Path) -> dict:
    done = subprocess.run([sys.executable, __file__, "--child", mode, str(bundle), str(db)],
                          capture_output=True, text=True, check=True, cwd=ROOT)
    return json.loads(done.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=[100_000, 500_000], help="spans per bundle")
    parser.add_argument("--child", nargs=3, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(*args.child)
        return
    sys.path.insert(0, str(ROOT))
    from tests.gen.support_bot import write_large_bundle

    print(f"{'spans':>9} {'MB':>6} | {'floor s':>8} {'spans/s':>9} | {'import s':>8} {'spans/s':>9} "
          f"{'ratio':>6} {'peak MB':>8} | {'floor peak':>10}")
    with tempfile.TemporaryDirectory() as tmp:
        for size in args.sizes:
            bundle = Path(tmp) / f"bundle-{size}.jsonl"
            written = write_large_bundle(bundle, size // SPANS_PER_TRACE, SPANS_PER_TRACE, seed=1)
            mb = bundle.stat().st_size / 1e6
            base = measure("floor", bundle, Path(tmp) / f"floor-{size}.sqlite")
            ours = measure("tracedesk", bundle, Path(tmp) / f"ours-{size}.sqlite")
            base_rate = written / base["seconds"]
            rate = written / ours["seconds"]
            print(f"{written:>9,} {mb:>6.0f} | {base['seconds']:>8.1f} {base_rate:>9,.0f} | "
                  f"{ours['seconds']:>8.1f} {rate:>9,.0f} {rate / base_rate:>6.2f} {ours['peak_mb']:>8.0f} | "
                  f"{base['peak_mb']:>10.0f}", flush=True)
            bundle.unlink()
    print("target: ratio >= 0.33 (a third of the floor's spans/s); peak under 400 MB, flat across sizes")


if __name__ == "__main__":
    main()
