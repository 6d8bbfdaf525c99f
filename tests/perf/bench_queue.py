"""Paging the failure queue at 1,000,000 traces (target: under 50 ms a page), and the
rate of signal detection (target: at least 20,000 traces per second), with where its time
goes, detector by detector; then the rate in one long session of 2,000, 8,000 and 32,000
turns (a product that files every turn of a user under one session id), which stays
about the same whatever the length: detection reads a session whole, in time that grows
with its turns, not with their square.

    .venv/bin/python tests/perf/bench_queue.py [--traces 1000000] [--detect 20000] [--session 2000 8000 32000]

The big database is written with plain SQL (the importer has its own benchmark); the
detection rate is measured on a realistic bundle imported through the real pipeline.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from tracedesk.core import queue  # noqa: E402
from tracedesk.core.database import open_store  # noqa: E402
from tracedesk.core.store import executemany  # noqa: E402

KINDS = ["thumbs_down", "rephrase", "escalation", "error_swallowed", "empty_retrieval", "loop", "outlier"]


def build(path: Path, n: int) -> None:
    rng = random.Random(3)
    with open_store(path) as store, store.write() as conn:
        conn.exec_driver_sql("INSERT INTO source (id, name, created_ns) VALUES (1, 'bench', 0)")
        batch_t, batch_q, batch_s = [], [], []
        for pk in range(1, n + 1):
            failing = rng.random() < 0.2
            batch_t.append((pk, 1, f"trace-{pk}", 1, f"session-{pk // 3}", f"user-{pk % 5000}",
                            1_700_000_000_000_000_000 + pk * 10**9, f'"Question number {pk} about order {pk % 977}"',
                            f"m{pk % 3}", f"v{pk % 4}", '["refund"]' if pk % 7 == 0 else None))
            kind = rng.choice(KINDS) if failing else None
            priority = round(rng.random(), 6) if failing else 0.0
            reasons = (f'[{{"signal": "{kind}", "confidence": {priority}, "detail": "why it is here", '
                       f'"span_id": null}}]') if failing else None
            batch_q.append((pk, priority, reasons, kind, f"{kind}:{pk % 50000}" if failing else None))
            if failing:
                batch_s.append((pk, kind, priority, "why it is here"))
            if len(batch_t) >= 50_000:
                flush(conn, batch_t, batch_q, batch_s)
        flush(conn, batch_t, batch_q, batch_s)
        queue.regroup(conn, {k for (k,) in conn.exec_driver_sql(
            "SELECT DISTINCT group_key FROM queue_entry WHERE group_key IS NOT NULL")})


def flush(conn, batch_t, batch_q, batch_s) -> None:
    executemany(
        conn,
        "INSERT INTO trace (id, source_id, trace_id, has_record, session_id, user_id, start_ns, input, model, "
        "prompt_version, tags, span_count, error_count) VALUES (?,?,?,?,?,?,?,?,?,?,?,0,0)", batch_t)
    executemany(
        conn,
        "INSERT INTO queue_entry (trace_pk, priority, reasons, top_kind, group_key, group_size, is_head, state) "
        "VALUES (?,?,?,?,?,1,1,'open')", batch_q)
    executemany(conn, "INSERT INTO signal (trace_pk, kind, confidence, detail) VALUES (?,?,?,?)", batch_s)
    executemany(conn, "INSERT INTO trace_fts (rowid, body) VALUES (?, ?)", [(t[0], t[7]) for t in batch_t])
    batch_t.clear(), batch_q.clear(), batch_s.clear()


def time_page(store, f, offset: int, repeat: int = 5) -> float:
    times = []
    for _ in range(repeat):
        with store.read() as conn:
            started = time.perf_counter()
            queue.page(conn, f, offset, 50)
            times.append(time.perf_counter() - started)
    return statistics.median(times) * 1000


def paging(n: int) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "big.sqlite"
        started = time.perf_counter()
        build(path, n)
        print(f"built {n:,} traces in {time.perf_counter() - started:.1f} s")
        with open_store(path) as store:
            with store.read() as conn:
                total = queue.count(conn)
            print(f"queue: {total:,} rows (one per group of near-duplicates)")
            cases = [
                ("first page", queue.QueueFilter(), 0),
                ("middle page", queue.QueueFilter(), total // 2),
                ("last page", queue.QueueFilter(), max(0, total - 50)),
                ("filter model, first page", queue.QueueFilter(model="m1"), 0),
                ("filter signal kind, first page", queue.QueueFilter(kinds=("loop",)), 0),
                ("filter tag, first page", queue.QueueFilter(tag="refund"), 0),
                ("search 'order 42', first page", queue.QueueFilter(text="order 42"), 0),
                ("a group's members", queue.QueueFilter(group_of=3), 0),
            ]
            for name, f, offset in cases:
                print(f"  {name:<34} {time_page(store, f, offset):7.1f} ms   (target < 50 ms)")


def detection_rates(store, times: int) -> tuple[int, list[float]]:
    """Detect every trace of ``store`` ``times`` times: the traces, and the rate of each."""
    from tracedesk.core.signals import update_signals

    rates = []
    for _ in range(times):
        with store.write() as conn:
            started = time.perf_counter()
            count = update_signals(conn, "SELECT id FROM trace")
            rates.append(count / (time.perf_counter() - started))
    return count, rates


def detection(n_traces: int) -> None:
    from tests.gen.support_bot import write_bundle

    from tracedesk.core.ingest import import_paths

    with tempfile.TemporaryDirectory() as tmp:
        bundle = Path(tmp) / "bundle.jsonl"
        write_bundle(bundle, n_traces, seed=5)
        with open_store(Path(tmp) / "db.sqlite") as store:
            import_paths(store, [bundle])
            # This machine's speed varies from run to run by a fifth: the median of five
            # full detections, each over every trace, with the slowest and fastest.
            count, rates = detection_rates(store, 5)
            print(f"signal detection over {count:,} traces: {statistics.median(rates):,.0f} traces/s (median of 5; "
                  f"{min(rates):,.0f} to {max(rates):,.0f}; target >= 20,000)")
            print_phases(store)


def long_sessions(lengths: list[int]) -> None:
    """The detection rate in one session of each length, with the same few turns over, at
    once and as a redetection after an upgrade does it (a chunk a write)."""
    import json

    from tracedesk.core.ingest import import_paths
    from tracedesk.core.signals import redetect
    from tracedesk.core.signals.detect import REDETECT_CHUNK

    turns = [("where is my order?", "It ships tomorrow."), ("can I change the address?", "Yes, until it ships."),
             ("thanks", "You're welcome!")]
    for length in lengths:
        with tempfile.TemporaryDirectory() as tmp:
            bundle = Path(tmp) / "session.jsonl"
            with bundle.open("w", encoding="utf-8") as fh:
                fh.write(json.dumps({"type": "bundle", "version": 1, "source": "bench/session"}) + "\n")
                for n in range(length):
                    question, answer = turns[n % len(turns)]
                    stamp = f"2026-03-01T{n // 3600 % 24:02d}:{n // 60 % 60:02d}:{n % 60:02d}Z"
                    fh.write(json.dumps({"type": "trace", "trace_id": f"t{n}", "session_id": "one", "user_id": "u",
                                         "start_time": stamp, "end_time": stamp, "status": "ok",
                                         "input": f"{question} ({n})", "output": answer}) + "\n")
            with open_store(Path(tmp) / "db.sqlite") as store:
                import_paths(store, [bundle])
                _, rates = detection_rates(store, 3)
                # As after an upgrade: found again in the background, 5,000 traces a write.
                with store.write() as conn:
                    conn.exec_driver_sql("UPDATE meta SET value = 'tracedesk-signals/1' WHERE key = 'signals_detector'")
                started = time.perf_counter()
                redetected = redetect(store)
                again = redetected / (time.perf_counter() - started)
        print(f"detection in one session of {length:,} turns: {statistics.median(rates):,.0f} traces/s (median of 3); "
              f"found again after an upgrade, {REDETECT_CHUNK:,} a write: {again:,.0f} traces/s")


# The steps of a detection (names in tracedesk.core.signals.detect, or in the module given),
# as the breakdown prints them.
PHASES = [
    ("explicit feedback", "detect", "explicit_signals"),
    ("reading the turns", "detect", "read_sessions"),
    ("conversation", "detect", "conversation_signals"),
    ("  of which by meaning", "conversation", "_read_meaning"),
    ("steps", "detect", "step_signals"),
    ("grounding", "detect", "grounding_signals"),
    ("agent runs", "detect", "agent_signals"),
    ("graded runs", "detect", "settle_by_outcome"),
    ("queue (rescore)", "queue", "rescore"),
]


def print_phases(store) -> None:
    """One more detection with each step timed (CPU time of this process, which the other
    work on a shared machine disturbs less than the clock): where the time goes."""
    from tracedesk.core import queue as queue_module
    from tracedesk.core.signals import conversation, detect, update_signals

    modules = {"detect": detect, "conversation": conversation, "queue": queue_module}
    spent: dict[str, float] = {}
    patched = []

    def timed(label, fn):
        def run(*args, **kwargs):
            started = time.process_time()
            try:
                return fn(*args, **kwargs)
            finally:
                spent[label] = spent.get(label, 0.0) + time.process_time() - started
        return run

    for label, module, name in PHASES:
        if hasattr(modules[module], name):  # a step renamed since is left out, not an error
            patched.append((modules[module], name, getattr(modules[module], name)))
            setattr(modules[module], name, timed(label, getattr(modules[module], name)))
    try:
        with store.write() as conn:
            started = time.process_time()
            update_signals(conn, "SELECT id FROM trace")
            total = time.process_time() - started
    finally:
        for module, name, original in patched:
            setattr(module, name, original)
    print(f"  where the time goes (one more detection, CPU time: {total * 1000:,.0f} ms)")
    for label, _, _ in PHASES:
        if label in spent:
            print(f"    {label:<22} {spent[label] * 1000:7.0f} ms")
    top = sum(v for k, v in spent.items() if not k.startswith(" "))
    print(f"    {'the rest':<22} {(total - top) * 1000:7.0f} ms")


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--traces", type=int, default=1_000_000)
    parser.add_argument("--detect", type=int, default=20_000)
    parser.add_argument("--session", type=int, nargs="*", default=[2_000, 8_000, 32_000])
    args = parser.parse_args()
    detection(args.detect)
    long_sessions(args.session)
    paging(args.traces)
