"""What the queue gains by learning from the reviewers: precision@K of the traces not yet
reviewed, ranked by the detectors' table alone and ranked with what the verdicts on the
first traces of the queue taught it (tests/eval's support set, its labels as verdicts).

    .venv/bin/python tests/perf/quality_learning.py [--seeds 1 2 3] [--verdicts 150]

K is the number of detectable planted failures among the unreviewed traces; a trace counts
in the top K only when it has a positive priority (as in tests/eval/measure.py).
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from tests.eval.support_set import write_support_set  # noqa: E402

from tracedesk.core import learning, queue, reviews  # noqa: E402
from tracedesk.core.database import open_store  # noqa: E402
from tracedesk.core.ingest import import_paths  # noqa: E402


def precision_of_unreviewed(conn, detectable: set[str]) -> tuple[float, float]:
    """Precision@K and average precision of the unreviewed traces' ranking."""
    pks = queue.ids(conn, queue.QueueFilter(expand_groups=True, include_quiet=True))
    rows = queue.rows_for(conn, pks)
    k = sum(1 for r in rows if r.trace_id in detectable)
    hits = sum(1 for r in rows[:k] if r.priority > 0 and r.trace_id in detectable)
    found, total = 0, 0.0
    for rank, row in enumerate((r for r in rows if r.priority > 0), start=1):
        if row.trace_id in detectable:
            found += 1
            total += found / rank
    return (hits / k if k else 1.0), (total / k if k else 1.0)


def run(folder: Path, seed: int, verdicts: int) -> tuple[tuple, tuple, dict[str, learning.Learned]]:
    bundle, labels_path = write_support_set(folder, seed)
    labels = json.loads(labels_path.read_text())
    failures = set(labels["failures"])
    detectable = failures - set(labels["undetectable"])
    with open_store(folder / "review.sqlite") as store:
        import_paths(store, [bundle])
        with store.read() as conn:
            first = queue.rows_for(conn, queue.ids(conn, queue.QueueFilter(expand_groups=True)))[:verdicts]
        with store.write() as conn:  # a reviewer settles the head of the queue, one trace after another
            for row in first:
                verdict = "failure" if row.trace_id in failures else "ok"
                reviews.save_review(conn, row.trace_pk, "eval", reviews.ReviewInput(verdict=verdict))
        with store.read() as conn:
            after = precision_of_unreviewed(conn, detectable)
            learned = {k: v for k, v in learning.count_verdicts(conn).items() if v.reviewed}
        with store.write() as conn:
            queue.forget_learning(conn)
        with store.read() as conn:
            before = precision_of_unreviewed(conn, detectable)
    return before, after, learned


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seeds", type=int, nargs="+", default=[1, 2, 3])
    parser.add_argument("--verdicts", type=int, default=150)
    args = parser.parse_args()
    gains = []
    for seed in args.seeds:
        with tempfile.TemporaryDirectory() as tmp:
            before, after, learned = run(Path(tmp), seed, args.verdicts)
        gains.append((after[0] - before[0], after[1] - before[1]))
        print(f"seed {seed}: the unreviewed traces, by the table / after {args.verdicts} verdicts: "
              f"precision@K {before[0]:.3f} / {after[0]:.3f} ({after[0] - before[0]:+.3f}), "
              f"average precision {before[1]:.3f} / {after[1]:.3f} ({after[1] - before[1]:+.3f})")
        for kind, found in sorted(learned.items()):
            print(f"    {kind:<18} table {found.prior:.2f}  {found.basis:<28} learned {found.precision:.2f}")
    if len(gains) > 1:
        print(f"mean gain: precision@K {statistics.mean(g[0] for g in gains):+.3f}, "
              f"average precision {statistics.mean(g[1] for g in gains):+.3f} (target >= +0.02)")


if __name__ == "__main__":
    main()
