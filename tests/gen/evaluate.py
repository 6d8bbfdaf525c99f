"""How well the failure queue ranks a labelled bundle: precision at K (K = the number of
planted failures) and the share of traces with explicit negative feedback that reach the
queue at all."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from tracedesk.core import queue
from tracedesk.core.database import open_store
from tracedesk.core.ingest import import_paths

from .support_bot import Labels, write_bundle


@dataclass
class Quality:
    traces: int
    k: int
    precision_at_k: float
    explicit_negative_recall: float
    missed: Counter = field(default_factory=Counter)  # planted failures below rank K, by kind
    intruders: Counter = field(default_factory=Counter)  # what stands in the top K without a failure

    def lines(self) -> list[str]:
        return [f"{self.traces} traces, K = {self.k} planted failures",
                f"precision@K = {self.precision_at_k:.3f} (target >= 0.9)",
                f"recall of explicit negative feedback = {self.explicit_negative_recall:.3f} (target 1.0)",
                f"planted failures below rank K: {dict(self.missed) or 'none'}",
                f"others in the top K (top signal, trap): {dict(self.intruders) or 'none'}"]


def rank(labels: Labels, ranked: list[tuple[str, str | None]]) -> Quality:
    """``ranked``: (trace id, top signal) of every trace in the queue, in queue order."""
    k = len(labels.failures)
    top = ranked[:k]
    hits = sum(1 for trace_id, _ in top if trace_id in labels.failures)
    in_queue = {trace_id for trace_id, _ in ranked}
    top_ids = {trace_id for trace_id, _ in top}
    return Quality(
        traces=labels.traces, k=k, precision_at_k=hits / k if k else 1.0,
        explicit_negative_recall=(sum(1 for t in labels.explicit_negative if t in in_queue)
                                  / len(labels.explicit_negative)) if labels.explicit_negative else 1.0,
        missed=Counter(kind for t, kind in labels.failures.items() if t not in top_ids),
        intruders=Counter((signal, labels.hard_negatives.get(t, "a good run"))
                          for t, signal in top if t not in labels.failures))


def evaluate(folder: Path, n_traces: int, seed: int) -> Quality:
    """Generate a labelled bundle in ``folder``, import it, and rank the whole queue, every
    member of a group of near-duplicates included."""
    bundle = folder / f"labelled-{seed}.jsonl"
    labels = write_bundle(bundle, n_traces, seed)
    with open_store(folder / f"labelled-{seed}.sqlite") as store:
        import_paths(store, [bundle])
        with store.read() as conn:
            pks = queue.ids(conn, queue.QueueFilter(expand_groups=True))
            rows = queue.rows_for(conn, pks)
    return rank(labels, [(r.trace_id, r.reasons[0].signal if r.reasons else None) for r in rows])
