"""The queue's latency, cost, tokens and review columns, and the narrowing by latency,
cost and metadata, read from a real imported bundle."""

from __future__ import annotations

from tracedesk.core import queue, run_columns
from tracedesk.core.ingest import import_paths
from tracedesk.core.reviews import ReviewInput, save_review
from tracedesk.core.run_columns import RunFilter
from tracedesk.core.traces import find_trace
from tracedesk.core.views import sort_ids

from ..conftest import write_jsonl
from .sessions import Bundle, stamp


def runs(store, tmp_path) -> dict[str, int]:
    b = Bundle()
    for trace_id, seconds, cost, tier, retries in (("slow", 12, 0.04, "gold", 3), ("fast", 1.5, 0.002, "free", 0),
                                                   ("silent", 4, None, "gold", True)):
        step = {"kind": "llm", "name": "answer"}
        if cost is not None:
            step |= {"cost_usd": cost, "usage": {"input_tokens": 100, "output_tokens": int(seconds * 10)}}
        b.turn(None, f"{trace_id}?", "ok", trace_id=trace_id, steps=[step], end_time=stamp(b.clock + seconds),
               metadata={"tier": tier, "retries": retries})
    b.turn(None, "broken?", "ok", trace_id="broken")
    import_paths(store, [write_jsonl(tmp_path / "b.jsonl", b.records)])
    with store.write() as conn:
        pks = {t: find_trace(conn, t).pk for t in ("slow", "fast", "silent", "broken")}
        # Metadata that is not JSON (as a hand-edited database may hold): no key, and no error.
        conn.exec_driver_sql("UPDATE trace SET metadata = '{not json' WHERE trace_id = 'broken'")
        save_review(conn, pks["fast"], "bo", ReviewInput("ok"))
    return pks


def test_the_figures_of_a_run_are_its_latency_cost_tokens_and_latest_review(store, tmp_path) -> None:
    pks = runs(store, tmp_path)
    with store.read() as conn:
        found = run_columns.run_figures(conn, list(pks.values()))
        everything = queue.ids(conn, queue.QueueFilter(include_closed=True, include_quiet=True))
        by_tokens = sort_ids(conn, everything, "tokens", descending=True)
        by_review = sort_ids(conn, everything, "review")
    slow, fast, silent = found[pks["slow"]], found[pks["fast"]], found[pks["silent"]]
    assert (slow.latency_ns, slow.cost_usd, slow.tokens, slow.verdict) == (12 * 10**9, 0.04, 220, None)
    assert (fast.tokens, fast.verdict, fast.reviewer) == (115, "ok", "bo")
    assert (silent.cost_usd, silent.tokens) == (None, None)
    assert by_tokens[:2] == [pks["slow"], pks["fast"]]
    assert set(by_tokens[2:]) == {pks["silent"], pks["broken"]}  # runs that say nothing come last
    assert by_review[0] == pks["fast"]


def test_the_queue_keeps_the_runs_of_a_latency_cost_and_metadata_filter(store, tmp_path) -> None:
    pks = runs(store, tmp_path)
    order = [pks["silent"], pks["broken"], pks["fast"], pks["slow"]]
    with store.read() as conn:
        def kept(f: RunFilter) -> list[int]:
            found = set(queue.ids(conn, queue.QueueFilter(include_closed=True, include_quiet=True, runs=f)))
            return [pk for pk in order if pk in found]

        assert kept(RunFilter(min_latency_ms=3000)) == [pks["silent"], pks["broken"], pks["slow"]]
        assert kept(RunFilter(max_latency_ms=1500)) == [pks["fast"]]
        assert kept(RunFilter(max_cost_usd=0.01)) == [pks["fast"]]  # no cost said: left out by a bound
        assert kept(RunFilter(metadata_key="tier", metadata_value="gold")) == [pks["silent"], pks["slow"]]
        assert kept(RunFilter(metadata_key="retries", metadata_value="3")) == [pks["slow"]]
        assert kept(RunFilter(metadata_key="retries", metadata_value="true")) == [pks["silent"]]
        assert kept(RunFilter(metadata_key="tier")) == [pks["silent"], pks["fast"], pks["slow"]]
        assert kept(RunFilter(metadata_key="nope")) == []
        assert kept(RunFilter()) == order
    assert run_columns.parse_metadata(" tier = gold ") == ("tier", "gold")
    assert run_columns.parse_metadata("tier") == ("tier", None) and run_columns.parse_metadata("=x") == (None, None)
    assert RunFilter(min_latency_ms=2500, max_cost_usd=0.01, metadata_key="tier",
                     metadata_value="gold").describe() == "latency ≥ 2.5 s, cost ≤ $0.01, tier = gold"
