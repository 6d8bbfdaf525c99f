"""How fast two runs are aligned, and how fast the runs to compare with are proposed.

    .venv/bin/python tests/perf/bench_compare.py [--steps 2000] [--traces 200000]

Prints, for two traces of ``--steps`` steps each (an agent's loop of LLM, tool and
retrieval steps, nested in sub-agents; the second run drops, adds, fails and renames a
few percent of the first one's steps and words its outputs with other numbers):
the time to align the outlines in memory, and to compare the traces from the database
(outlines read, aligned, outputs compared) — target: under 200 ms; the same for two
unrelated runs, the worst case for the alignment. For a run of ``--replay`` steps: the
time to read its replay and the context of its last step. Then, on a database of ``--traces``
traces, the time to propose the runs to compare a failing trace with. The databases are
written with plain SQL on the core's tables (the importer has its own benchmark).
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from tracedesk.core import candidates, compare, replay  # noqa: E402
from tracedesk.core.database import open_store  # noqa: E402
from tracedesk.core.store import executemany  # noqa: E402
from tracedesk.core.views import trace_outline  # noqa: E402

T0 = 1_780_000_000_000_000_000
TOOLS = ["track_order", "refund", "cancel_order", "search_catalogue", "send_email"]


def agent_run(rng: random.Random, steps: int) -> list[tuple]:
    """``steps`` steps as (span_id, parent_id, name, kind, status, output): an agent whose
    sub-agents each plan, retrieve, call tools and answer."""
    out: list[tuple] = [("root", None, "agent", "agent", "ok", None)]
    while len(out) < steps:
        sub = f"sub{len(out)}"
        out.append((sub, "root", "sub_agent", "chain", "ok", None))
        for k in range(rng.randint(4, 12)):
            kind = ("llm", "tool", "retrieval")[k % 3]
            name = {"llm": "plan", "tool": rng.choice(TOOLS), "retrieval": "search_kb"}[kind]
            number = rng.randint(1000, 9999)
            output = {"llm": f'{{"messages": [{{"role": "assistant", "content": "Checking order {number} now."}}]}}',
                      "tool": f'{{"order": {number}, "status": "shipped"}}',
                      "retrieval": '{"documents": [{"id": "kb-1", "content": "Parcels arrive in 3 days."}]}'}[kind]
            out.append((f"s{len(out)}", sub, name, kind, "ok", output))
    return out[:steps]


def mutate(rng: random.Random, run: list[tuple]) -> list[tuple]:
    """Another run of the same agent: a few steps skipped, added, failed or renamed."""
    out = [run[0]]
    for span_id, parent, name, kind, status, output in run[1:]:
        roll = rng.random()
        if roll < 0.04 and kind != "chain":
            continue  # skipped
        if roll < 0.07:
            status = "error"
        elif roll < 0.09 and kind == "tool":
            name = rng.choice(TOOLS)
        if output:
            output = output.replace("order ", f"order {rng.randint(1, 9)}")
        out.append((span_id, parent, name, kind, status, output))
        if rng.random() < 0.04 and kind != "chain":
            out.append((f"{span_id}x", parent, "track_order", "tool", "ok", '{"retry": true}'))
    return out


def write_trace(conn, pk: int, run: list[tuple], start: int = 0) -> None:
    conn.exec_driver_sql(
        "INSERT INTO trace (id, source_id, trace_id, has_record, start_ns, input, span_count, error_count) "
        "VALUES (?, 1, ?, 1, ?, '\"Where is my order?\"', ?, 0)", (pk, f"run-{pk}", T0 + start, len(run)))
    executemany(conn, "INSERT INTO span (trace_pk, span_id, parent_id, name, kind, start_ns, end_ns, status, output) "
                      "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [(pk, sid, parent, name, kind, T0 + start + i * 1000, T0 + start + i * 1000 + 900, status, output)
                 for i, (sid, parent, name, kind, status, output) in enumerate(run)])


def timed(fn, repeat: int = 7) -> float:
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        fn()
        times.append(time.perf_counter() - started)
    return statistics.median(times) * 1000


def bench_alignment(folder: Path, steps: int) -> None:
    rng = random.Random(7)
    first = agent_run(rng, steps)
    second = mutate(rng, first)
    unrelated = agent_run(random.Random(99), steps)
    with open_store(folder / "two.sqlite") as store:
        with store.write() as conn:
            conn.exec_driver_sql("INSERT INTO source (id, name, created_ns) VALUES (1, 'bench', 0)")
            write_trace(conn, 1, first)
            write_trace(conn, 2, second)
            write_trace(conn, 3, unrelated)
        with store.read() as conn:
            for label, other in (("a run of the same agent", 2), ("an unrelated run", 3)):
                a, b = trace_outline(conn, 1).in_order(), trace_outline(conn, other).in_order()
                in_memory = timed(lambda a=a, b=b: compare.align_steps(a, b))
                whole = timed(lambda other=other: compare.compare_traces(conn, 1, other))
                result = compare.compare_traces(conn, 1, other)
                print(f"{len(a):,} against {len(b):,} steps, {label}: align {in_memory:.1f} ms, "
                      f"compare from the database {whole:.1f} ms (target < 200 ms); "
                      f"{sum(p.same for p in result.pairs):,} same, first divergence at row {result.first_divergence}")


def bench_replay(folder: Path, steps: int) -> None:
    run = agent_run(random.Random(5), steps)
    with open_store(folder / "replay.sqlite") as store:
        with store.write() as conn:
            conn.exec_driver_sql("INSERT INTO source (id, name, created_ns) VALUES (1, 'bench', 0)")
            write_trace(conn, 1, run)
            # LLM steps are sent the conversation so far: the last forty messages, as agents trim it.
            messages = [{"role": "tool", "content": f"order {n} shipped on Monday"} for n in range(40)]
            conn.exec_driver_sql("UPDATE span SET input = ? WHERE kind = 'llm'",
                                 (json.dumps({"messages": messages}),))
        with store.read() as conn:
            read = timed(lambda: replay.replay_steps(conn, 1))
            steps_read = replay.replay_steps(conn, 1)
            last = steps_read.last(skip_containers=True)
            context = timed(lambda: replay.replay_context(conn, steps_read, last))
            seen = replay.replay_context(conn, steps_read, last)
            print(f"\nreplay of {len(steps_read):,} steps: read in {read:.1f} ms; the last step's context in "
                  f"{context:.1f} ms ({len(seen.messages)} messages, {seen.documents_total:,} documents, "
                  f"{seen.tool_results_total:,} tool results before it)")


QUESTIONS = ["Where is my order {n}? It was due on Monday.", "How do I get a refund for order {n}?",
             "Can I still cancel order {n}?", "Is the {item} back in stock?", "How do I reset my password?",
             "My package for order {n} still hasn't arrived, where is it?", "Do you ship the {item} to Norway?"]
ITEMS = ["Summit 40 backpack", "Glacier gloves", "Ridge tent", "Trail runner shoes", "Alpine jacket"]


def bench_candidates(folder: Path, n: int) -> None:
    rng = random.Random(3)
    with open_store(folder / "many.sqlite") as store:
        started = time.perf_counter()
        with store.write() as conn:
            conn.exec_driver_sql("INSERT INTO source (id, name, created_ns) VALUES (1, 'bench', 0)")
            rows, entries, fts = [], [], []
            for pk in range(1, n + 1):
                question = rng.choice(QUESTIONS).format(n=rng.randint(10000, 99999), item=rng.choice(ITEMS))
                raw = f'"{question}"'
                rows.append((pk, f"t{pk}", f"s{pk // 3}", T0 + pk * 10**9, raw, f"m{pk % 2}", f"v{pk % 3}"))
                entries.append((pk, 0.8 if pk % 5 == 0 else 0.0))
                fts.append((pk, f"{question} It is on its way."))
                if len(rows) == 50_000 or pk == n:
                    executemany(conn, "INSERT INTO trace (id, source_id, trace_id, has_record, session_id, start_ns, "
                                      "input, model, prompt_version, span_count, error_count) "
                                      "VALUES (?,1,?,1,?,?,?,?,?,0,0)", rows)
                    executemany(conn, "INSERT INTO queue_entry (trace_pk, priority, group_size, is_head, state) "
                                      "VALUES (?,?,1,1,'open')", entries)
                    executemany(conn, "INSERT INTO trace_fts (rowid, body) VALUES (?, ?)", fts)
                    rows.clear()
                    entries.clear()
                    fts.clear()
        print(f"\n{n:,} traces written in {time.perf_counter() - started:.0f} s")
        with store.read() as conn:
            for pk in (n // 2 // 5 * 5, n // 3 // 5 * 5):  # failing traces (priority > 0)
                took = timed(lambda pk=pk: candidates.comparison_candidates(conn, pk), repeat=5)
                found = candidates.comparison_candidates(conn, pk)
                print(f"candidates for a failing trace: {took:.1f} ms; {len(found)} proposed: "
                      + ", ".join(f"{c.trace_id} ({c.reasons[0].kind}, {c.similarity:.2f})" for c in found))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--steps", type=int, default=2000)
    parser.add_argument("--replay", type=int, default=10_000)
    parser.add_argument("--traces", type=int, default=200_000, help="0 leaves the candidates out")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        bench_alignment(Path(tmp), args.steps)
        bench_replay(Path(tmp), args.replay)
        if args.traces:
            bench_candidates(Path(tmp), args.traces)


if __name__ == "__main__":
    main()
