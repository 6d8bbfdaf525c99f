"""Import throughput and memory of the native importer, against a floor measured in the
same run: orjson parsing plus plain ``sqlite3.executemany`` into one table, in one
transaction. Target: at least a third of the floor's spans per second, and a peak memory
under 400 MB that does not grow with the bundle.

    .venv/bin/python tests/perf/bench_import.py               # 100,000 and 500,000 spans, then small runs
    .venv/bin/python tests/perf/bench_import.py --sizes 50000  # a quick look
    .venv/bin/python tests/perf/bench_import.py --sizes --small-runs 22401 --repeat 5  # only small runs, 5 times

Besides big runs of 25 large spans, it imports many small runs (4 short steps each,
RFC 3339 times): there the cost per record decides the speed. Signal detection runs
inside the import; its share is measured apart, and the ratio is given for the whole
import and for the part before detection. On a shared machine the figures vary from run
to run: ``--repeat`` measures the floor and the import again, one after the other, and
prints each ratio and their median.

Each measurement runs in a fresh process, so its peak RSS is its own. The clock starts
once Tracedesk's modules are loaded (SQLAlchemy and SQLModel take a third of a second,
once per process, whatever the bundle): that time is printed apart, not counted.
"""

from __future__ import annotations

import argparse
import json
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SPANS_PER_TRACE = 25


def write_small_runs(path: Path, n_traces: int, steps: int = 4) -> int:
    """Many small agent runs, as a chat product's logs give them: a trace record and
    ``steps`` short spans each, times written as RFC 3339 strings. On this shape the cost
    per record, not the size of the payloads, decides the speed. Returns the spans."""
    import orjson

    written = 0
    with open(path, "wb") as fh:
        fh.write(orjson.dumps({"type": "bundle", "version": 1, "source": "bench/small-runs"}) + b"\n")
        for n in range(n_traces):
            trace_id = f"run-{n:07d}"
            day, second = 1 + n // 86_400 % 28, n % 86_400
            stamp = f"2026-03-{day:02d}T{second // 3600:02d}:{second // 60 % 60:02d}:{second % 60:02d}"
            question = f"Where is my order {10_000 + n % 90_000}?"
            fh.write(orjson.dumps({
                "type": "trace", "trace_id": trace_id, "session_id": f"s{n // 3}", "user_id": f"u{n % 997}",
                "name": "chat_turn", "start_time": f"{stamp}.000Z", "end_time": f"{stamp}.900Z",
                "status": "ok", "input": question, "output": "It ships tomorrow.",
                "metadata": {"model": "gpt-4o-mini"}}) + b"\n")
            for i in range(steps):
                kind = "agent" if i == 0 else ("llm", "tool", "llm")[(i - 1) % 3]
                span = {"type": "span", "trace_id": trace_id, "span_id": f"{trace_id}.{i}",
                        "parent_id": None if i == 0 else f"{trace_id}.0", "name": kind, "kind": kind,
                        "start_time": f"{stamp}.{100 * i:03d}Z", "end_time": f"{stamp}.{100 * i + 90:03d}+00:00",
                        "status": "ok", "input": question, "output": "It ships tomorrow."}
                if kind == "llm":
                    span.update(model="gpt-4o-mini", usage={"input_tokens": 40, "output_tokens": 9})
                elif kind == "tool":
                    span.update(input={"order": 10_000 + n % 90_000}, output={"status": "shipped"})
                fh.write(orjson.dumps(span) + b"\n")
                written += 1
    return written


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


DETECTION = {"seconds": 0.0, "cpu_seconds": 0.0}


def load_tracedesk() -> None:
    from tracedesk.core import ingest  # noqa: F401
    from tracedesk.core.database import open_store  # noqa: F401


def tracedesk_import(bundle: Path, db: Path) -> None:
    from tracedesk.core import ingest
    from tracedesk.core.database import open_store

    detect = ingest.update_signals

    def timed_detection(*args, **kwargs):  # only timed: detection runs as in any import
        started, cpu = time.perf_counter(), time.process_time()
        try:
            return detect(*args, **kwargs)
        finally:
            DETECTION["seconds"] += time.perf_counter() - started
            DETECTION["cpu_seconds"] += time.process_time() - cpu

    ingest.update_signals = timed_detection
    with open_store(db) as store:
        report = ingest.import_paths(store, [bundle])
    assert report.anything_imported and report.problem_count == 0, report.as_dict()


def child(mode: str, bundle: str, db: str) -> None:
    loading = time.process_time()
    if mode == "tracedesk":
        load_tracedesk()
    loading = time.process_time() - loading
    started, cpu = time.perf_counter(), time.process_time()
    {"floor": floor, "tracedesk": tracedesk_import}[mode](Path(bundle), Path(db))
    seconds, cpu_seconds = time.perf_counter() - started, time.process_time() - cpu
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({"seconds": seconds, "cpu_seconds": cpu_seconds, "loading_cpu_seconds": loading,
                      "detection_seconds": DETECTION["seconds"],
                      "detection_cpu_seconds": DETECTION["cpu_seconds"], "peak_mb": peak_mb}))


def measure(mode: str, bundle: Path, db: Path) -> dict:
    done = subprocess.run([sys.executable, __file__, "--child", mode, str(bundle), str(db)],
                          capture_output=True, text=True, check=True, cwd=ROOT)
    return json.loads(done.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="*", default=[100_000, 500_000], help="spans per bundle")
    parser.add_argument("--small-runs", type=int, default=22_401,
                        help="runs of 4 short steps in the bundle of many small runs (0: none)")
    parser.add_argument("--repeat", type=int, default=1,
                        help="measure the many small runs this many times (floor, then import, each time)")
    parser.add_argument("--child", nargs=3, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(*args.child)
        return
    sys.path.insert(0, str(ROOT))
    from tests.gen.support_bot import write_large_bundle

    if args.sizes:
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
        if args.small_runs:
            small_runs(Path(tmp), args.small_runs, args.repeat)
    print("target: ratio >= 0.33 (a third of the floor's spans/s); peak under 400 MB, flat across sizes")


def small_runs(tmp: Path, runs: int, repeat: int) -> None:
    bundle = tmp / "small-runs.jsonl"
    written = write_small_runs(bundle, runs)
    print(f"\nmany small runs: {runs:,} runs, {written:,} spans, {bundle.stat().st_size / 1e6:.0f} MB")
    ratios: dict[str, list[float]] = {}
    for n in range(repeat):
        base = measure("floor", bundle, tmp / f"floor-small-{n}.sqlite")
        ours = measure("tracedesk", bundle, tmp / f"ours-small-{n}.sqlite")
        print(f" run {n + 1}: peak {ours['peak_mb']:.0f} MB, loading the modules "
              f"{ours['loading_cpu_seconds']:.2f} s cpu (not counted)")
        # CPU seconds too: on a busy machine they vary far less than the clock.
        for clock, key in (("wall", ""), ("cpu", "cpu_")):
            whole, floor_s = ours[f"{key}seconds"], base[f"{key}seconds"]
            detection = ours[f"detection_{key}seconds"]
            before = whole - detection
            ratios.setdefault(f"{clock} import", []).append(floor_s / whole)
            ratios.setdefault(f"{clock} before detection", []).append(floor_s / before)
            print(f"  {clock:>4}: floor {floor_s:.2f} s | import {whole:.2f} s, ratio {floor_s / whole:.2f} | "
                  f"before detection {before:.2f} s, ratio {floor_s / before:.2f} | detection "
                  f"{detection:.2f} s ({detection / whole:.0%} of the import)", flush=True)
    if repeat > 1:
        print("  median ratios: " + ", ".join(f"{name} {statistics.median(values):.2f}"
                                             for name, values in ratios.items()))


if __name__ == "__main__":
    main()
