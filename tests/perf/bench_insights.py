"""Insights at 1,000,000 traces (target: every figure under 1 s).

    .venv/bin/python tests/perf/bench_insights.py [--traces 1000000] [--db PATH]

The database is written with plain SQL, as in ``bench_queue.py``: traces of two sources,
three models, four prompt versions and thirty days, three steps each (an LLM call with its
cost, a retrieval, a tool), negative signals on about a quarter of them, their queue
entries, and reviews of about 3% with causes and blamed steps. ``--db PATH`` keeps the
database (and reuses it when it exists).
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

from tracedesk.core import insights  # noqa: E402
from tracedesk.core.causes import DEFAULT_CAUSES, default_cause_uuid  # noqa: E402
from tracedesk.core.database import open_store  # noqa: E402
from tracedesk.core.store import executemany  # noqa: E402

DAY_NS = 86_400 * 10**9
T0 = 1_793_000_000 * 10**9  # 2026-10-26
KINDS = ["thumbs_down", "rephrase", "escalation", "error_swallowed", "empty_retrieval", "loop", "outlier",
         "frustration", "abandonment"]
TOPICS = ["refunds", "shipping", "returns", "sizing", "payments", "accounts", "warranty", "stock"]
CAUSES = [default_cause_uuid(name) for name, _ in DEFAULT_CAUSES]
QUESTIONS = 5000


def build(path: Path, n: int) -> None:
    rng = random.Random(7)
    with open_store(path) as store, store.write() as conn:
        conn.exec_driver_sql("INSERT INTO source (id, name, created_ns) VALUES (1, 'support-bot/prod', 0), "
                             "(2, 'support-bot/staging', 0)")
        batches: dict[str, list] = {"trace": [], "span": [], "signal": [], "queue": [], "review": []}
        for pk in range(1, n + 1):
            version = f"support-v{10 + pk % 4}"
            model = ("gpt-4o-mini", "gpt-4o-mini", "claude-3-5-haiku")[pk % 3]
            start = T0 + (pk * 30 * DAY_NS) // n
            latency = int(rng.lognormvariate(7.3, 0.5) * 10**6)
            question = rng.randrange(QUESTIONS)
            topic = TOPICS[question % len(TOPICS)]
            cost = round(rng.uniform(2e-5, 9e-5), 7)  # of its one LLM step: the trace's cost
            batches["trace"].append((
                pk, 1 + (pk % 10 == 0), f"trace-{pk}", f"s-{pk // 2}", f"user-{pk % 20000}", "support_turn",
                start, start + latency, "ok", f'"Question {question} about {topic}: where is order {pk % 977}?"',
                f'"An answer of a realistic length about {topic}, with the order number {pk % 977} and a few '
                f'sentences on what happens next and what the customer can do about it."',
                f'{{"model": "{model}", "prompt_version": "{version}", "app_version": "2.4.1", '
                f'"environment": "prod", "locale": "en-GB"}}',
                f'["{("web", "mobile")[pk % 2]}", "{topic}"]', model, version, "2.4.1", "prod", cost))
            t = start
            for i, (kind, name) in enumerate((("llm", "answer"), ("retrieval", "search_help_centre"),
                                              ("tool", "lookup_order"))):
                batches["span"].append((pk, f"{pk}.{i}", kind, name, t, t + latency // 4, "ok",
                                        model if kind == "llm" else None, 300 if kind == "llm" else None,
                                        60 if kind == "llm" else None, cost if kind == "llm" else None))
                t += latency // 3
            failing = rng.random() < 0.25 + 0.05 * (pk % 4 == 1)
            if failing:
                kinds = {rng.choice(KINDS) for _ in range(rng.choice((1, 1, 2)))}
                for kind in kinds:
                    batches["signal"].append((pk, kind, 0.8, "why it is here"))
                top = sorted(kinds)[0]
                batches["queue"].append((pk, 0.8, top, f"{top}:q{question:05d}"))
            else:
                if rng.random() < 0.03:
                    batches["signal"].append((pk, "positive_feedback", 0.9, "thumbs up"))
                batches["queue"].append((pk, 0.0, None, None))
            if rng.random() < (0.08 if failing else 0.01):
                verdict = "failure" if failing and rng.random() < 0.7 else rng.choice(("ok", "ok", "unsure"))
                blamed = f"{pk}.{rng.randrange(3)}" if verdict == "failure" and rng.random() < 0.8 else None
                batches["review"].append((f"r-{pk}", pk, "ann", verdict,
                                          rng.choice(CAUSES) if verdict == "failure" else None,
                                          blamed, int(verdict == "failure" and blamed is None), start, start))
            if len(batches["trace"]) >= 50_000:
                flush(conn, batches)
        flush(conn, batches)
        conn.exec_driver_sql("UPDATE queue_entry SET state = 'reviewed', is_head = 0 "
                             "WHERE trace_pk IN (SELECT trace_pk FROM review)")


def flush(conn, batches: dict[str, list]) -> None:
    executemany(conn, "INSERT INTO trace (id, source_id, trace_id, has_record, session_id, user_id, name, start_ns, "
                "end_ns, status, input, output, metadata, tags, model, prompt_version, app_version, environment, "
                "cost_usd, span_count, error_count) VALUES (?,?,?,1,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,3,0)",
                batches["trace"])
    executemany(conn, "INSERT INTO span (trace_pk, span_id, kind, name, start_ns, end_ns, status, model, "
                "input_tokens, output_tokens, cost_usd) VALUES (?,?,?,?,?,?,?,?,?,?,?)", batches["span"])
    executemany(conn, "INSERT INTO signal (trace_pk, kind, confidence, detail) VALUES (?,?,?,?)", batches["signal"])
    executemany(conn, "INSERT INTO queue_entry (trace_pk, priority, reasons, top_kind, group_key, group_size, "
                "is_head, state) VALUES (?,?,NULL,?,?,1,1,'open')", batches["queue"])
    executemany(conn, "INSERT INTO review (uuid, trace_pk, reviewer, verdict, cause_uuid, blamed_span_id, "
                "missing_step, created_ns, updated_ns) VALUES (?,?,?,?,?,?,?,?,?)", batches["review"])
    for rows in batches.values():
        rows.clear()


def timed(store, name: str, figure, repeat: int = 3) -> None:
    times = []
    for _ in range(repeat):
        with store.read() as conn:
            started = time.perf_counter()
            result = figure(conn)
            times.append(time.perf_counter() - started)
    rows = len(result.rows) if hasattr(result, "rows") else len(result)
    print(f"  {name:<40} {statistics.median(times) * 1000:7.0f} ms  {rows:>4} rows   (target < 1000 ms)")


def figures(path: Path) -> None:
    versions = insights.Cohort("prompt_version", "support-v12"), insights.Cohort("prompt_version", "support-v13")
    weeks = insights.parse_range("2026-10-26..2026-11-01"), insights.parse_range("2026-11-02..2026-11-08")
    pairs = {"tags": ("tag", "web", "mobile"), "sources": ("source", "support-bot/prod", "support-bot/staging"),
             "models": ("model", "gpt-4o-mini", "claude-3-5-haiku")}
    with open_store(path) as store:
        for by in insights.BY_FIELDS:
            timed(store, f"failure rate by {by}", lambda conn, by=by: insights.failure_rates(conn, by))
        timed(store, "runs (all traces)", lambda conn: insights.runs(conn))
        for by in insights.BY_FIELDS:
            timed(store, f"runs by {by}", lambda conn, by=by: insights.runs(conn, by))
        timed(store, "causes", insights.causes)
        timed(store, "blamed steps", insights.blamed_steps)
        timed(store, "questions with most signals", insights.questions)
        timed(store, "knowledge gaps", lambda conn: insights.questions(conn, "empty_retrieval"))
        timed(store, "compare two prompt versions", lambda conn: insights.compare(conn, *versions))
        timed(store, "compare two weeks", lambda conn: insights.compare(conn, *weeks))
        for name, (by, first, second) in pairs.items():
            a, b = insights.Cohort(by, first), insights.Cohort(by, second)
            timed(store, f"compare two {name}", lambda conn, a=a, b=b: insights.compare(conn, a, b))
        timed(store, "failure rate by model within a version",
              lambda conn: insights.failure_rates(conn, "model", versions[1]))


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--traces", type=int, default=1_000_000)
    parser.add_argument("--db", type=Path, help="keep the database here (reused when it exists)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        path = args.db or Path(tmp) / "big.sqlite"
        if not path.exists():
            started = time.perf_counter()
            build(path, args.traces)
            print(f"built {args.traces:,} traces in {time.perf_counter() - started:.1f} s")
        figures(path)
