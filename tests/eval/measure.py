"""How well the failure queue ranks the evaluation sets, measured with Tracedesk's own code.

A set is imported into a fresh review database (``import_paths`` finds the signals and ranks
the queue as it does for a user), then the whole queue is read in order with every
near-duplicate listed and quiet traces last, and compared with the labels.

    measure_support(folder, seed) -> figures of the support set
    measure_dialog(folder, seed)  -> figures of the dialog set
    measure_dialog(folder, seed, write=write_chat_set) -> figures of the chat set (the same measures)
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

from tests.eval.dialog_set import write_dialog_set
from tests.eval.support_set import write_support_set
from tracedesk.core import queue
from tracedesk.core.database import open_store
from tracedesk.core.ingest import import_paths


def ranked(bundle: Path, database: Path) -> list[queue.QueueRow]:
    """The queue of a fresh database holding ``bundle``: every trace, highest priority first."""
    store = open_store(database)
    try:
        report = import_paths(store, [bundle])
        if report.problem_count:
            raise ValueError(f"{bundle}: {report.problem_count} problems on import: {report.as_dict()}")
        with store.read() as conn:
            pks = queue.ids(conn, queue.QueueFilter(expand_groups=True, include_quiet=True))
            return queue.rows_for(conn, pks)
    finally:
        store.close()


def flagged(row: queue.QueueRow) -> bool:
    """In the queue for a reason: a positive priority (a thumbs-up is a reason that adds none)."""
    return row.priority > 0


def measure_support(folder: Path, seed: int, sessions: int = 1500) -> dict[str, Any]:
    bundle, labels_path = write_support_set(folder, seed, sessions)
    labels = json.loads(labels_path.read_text())
    rows = ranked(bundle, folder / "review.sqlite")
    failures: dict[str, str] = labels["failures"]
    hidden = set(labels["undetectable"])
    hard: dict[str, str] = labels["hard_negatives"]
    explicit = set(labels["explicit_negative"])
    detectable = {t for t in failures if t not in hidden}
    k = len(detectable)
    # Past the flagged traces the order is arbitrary: only a flagged trace counts as found.
    top = [r.trace_id for r in rows[:k] if flagged(r)]
    top_set = set(top)
    hit = [t for t in top if t in failures]
    marked = {r.trace_id for r in rows if flagged(r)}
    # Which signals put each kind of trace in the queue (failures, hard negatives, the rest).
    signals: dict[str, Counter] = {}
    for r in rows:
        if flagged(r):
            kind = failures.get(r.trace_id) or hard.get(r.trace_id) or "(unlabelled)"
            signals.setdefault(kind, Counter()).update({x.signal for x in r.reasons})
    by_kind = {}
    for kind in sorted(set(failures.values())):
        ids = [t for t, kd in failures.items() if kd == kind]
        by_kind[kind] = {"planted": len(ids), "in_top_k": sum(t in top_set for t in ids),
                         "flagged": sum(t in marked for t in ids), "detectable": ids[0] not in hidden,
                         "signals": dict(signals.get(kind, Counter()).most_common(3))}
    intruders = Counter(hard[t] for t in top if t in hard)
    hard_flagged = Counter(hard[t] for t in marked if t in hard)
    hard_total = Counter(hard.values())
    return {
        "traces": len(rows), "k": k, "top_k_flagged": len(top), "precision_at_k": len(hit) / k if k else 0.0,
        "detectable_hits": sum(t in detectable for t in hit), "hidden_hits": sum(t in hidden for t in hit),
        "flagged": len(marked), "flagged_failures": len(marked & set(failures)),
        "flagged_precision": len(marked & set(failures)) / len(marked) if marked else 0.0,
        "detectable_recall_flagged": len(marked & detectable) / k if k else 0.0,
        "explicit_negatives": len(explicit),
        "explicit_recall_flagged": len(explicit & marked) / len(explicit) if explicit else 0.0,
        "explicit_recall_top_k": len(explicit & top_set) / len(explicit) if explicit else 0.0,
        "by_kind": by_kind,
        "intruders_top_k": {kind: intruders.get(kind, 0) for kind in sorted(hard_total)},
        "hard_flagged": {kind: [hard_flagged.get(kind, 0), hard_total[kind]] for kind in sorted(hard_total)},
        "hard_signals": {kind: dict(signals.get(kind, Counter()).most_common(3)) for kind in sorted(hard_total)},
        "unlabelled_signals": dict(signals.get("(unlabelled)", Counter()).most_common(4)),
        "unlabelled_in_top_k": sum(t not in failures and t not in hard for t in top),
    }


def auc(positives: list[float], negatives: list[float]) -> float | None:
    """The probability that a positive ranks above a negative, ties counting half (Mann-Whitney)."""
    if not positives or not negatives:
        return None
    scored = sorted([(p, 1) for p in positives] + [(n, 0) for n in negatives])
    rank_sum, i = 0.0, 0
    while i < len(scored):
        j = i
        while j < len(scored) and scored[j][0] == scored[i][0]:
            j += 1
        mean_rank = (i + j + 1) / 2  # ranks are 1-based
        rank_sum += mean_rank * sum(label for _, label in scored[i:j])
        i = j
    n_pos, n_neg = len(positives), len(negatives)
    return (rank_sum - n_pos * (n_pos + 1) / 2) / (n_pos * n_neg)


def measure_dialog(folder: Path, seed: int, dialogs: int = 240,
                   write: Callable[[Path, int, int], tuple[Path, Path]] = write_dialog_set) -> dict[str, Any]:
    """The measures of a set of dialogs whose system turns annotators marked (``write``
    writes it: the dialog set, or the chat set, which has the same labels)."""
    bundle, labels_path = write(folder, seed, dialogs)
    labels = json.loads(labels_path.read_text())
    rows = {r.trace_id: r for r in ranked(bundle, folder / "review.sqlite")}
    errors, turns, candidates = set(labels["errors"]), labels["turns"], set(labels["candidates"])
    priority = {t: rows[t].priority for t in turns}

    def split(ids: list[str]) -> tuple[list[float], list[float]]:
        return [priority[t] for t in ids if t in errors], [priority[t] for t in ids if t not in errors]

    marked = [t for t in turns if flagged(rows[t])]
    cands = [t for t in turns if t in candidates]
    # What the user did after each system turn, apart for errors and fine turns: how often flagged.
    reactions: dict[str, dict[str, list[int]]] = {"error": {}, "fine": {}}
    for t in turns:
        cell = reactions["error" if t in errors else "fine"].setdefault(labels["reactions"].get(t, "(end)"), [0, 0])
        cell[0] += flagged(rows[t])
        cell[1] += 1
    return {
        "turns": len(turns), "errors": len(errors), "candidates": len(cands),
        "errors_among_candidates": sum(t in errors for t in cands),
        "auc_all": auc(*split(turns)), "auc_candidates": auc(*split(cands)),
        "flagged": len(marked), "flagged_errors": sum(t in errors for t in marked),
        "error_share_flagged": sum(t in errors for t in marked) / len(marked) if marked else None,
        "base_rate": len(errors) / len(turns) if turns else 0.0,
        "error_recall_flagged": sum(t in errors for t in marked) / len(errors) if errors else 0.0,
        "flagged_by_reaction": reactions,
    }


WRITTEN = Path(__file__).parent / "written"  # dialogs written out by hand, each system turn labelled


def write_written_set(source: Path, folder: Path) -> Path:
    """The bundle of a set of :data:`WRITTEN`: a session a dialog, a trace a turn (input:
    the user's message, output: the reply), a minute apart."""
    folder.mkdir(parents=True, exist_ok=True)
    records = [{"type": "bundle", "version": 1, "source": f"written/{source.stem}"}]
    for dialog in json.loads(source.read_text(encoding="utf-8")):
        for i, turn in enumerate(dialog["turns"]):
            at = f"2026-10-01T{i // 60:02d}:{i % 60:02d}:00Z"
            records.append({"type": "trace", "trace_id": f"{dialog['id']}-{i}", "session_id": dialog["id"],
                            "start_time": at, "end_time": at, "status": "ok", "input": turn["user"],
                            "output": turn["bot"]})
    bundle = folder / f"{source.stem}.jsonl"
    bundle.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return bundle


def measure_written(folder: Path, source: Path) -> dict[str, Any]:
    """The measures of a set of :data:`WRITTEN`: the AUC of the priority for error against
    fine turns, and the share of errors among the flagged turns against the base rate.
    Where the set marks the turns whose next message looks like feedback on the reply
    (``next_looks_like_feedback``, whether or not the reply was wrong), also the AUC over
    those candidates alone, as the annotated public sets are measured: there most such
    messages follow a fine reply."""
    dialogs = json.loads(source.read_text(encoding="utf-8"))
    errors = {f"{d['id']}-{i}" for d in dialogs for i, t in enumerate(d["turns"]) if t.get("error")}
    candidates = {f"{d['id']}-{i}" for d in dialogs for i, t in enumerate(d["turns"])
                  if t.get("next_looks_like_feedback")}
    rows = ranked(write_written_set(source, folder), folder / "review.sqlite")
    marked = [r for r in rows if flagged(r)]
    chosen = [r for r in rows if r.trace_id in candidates]
    return {
        "turns": len(rows), "errors": len(errors), "base_rate": len(errors) / len(rows) if rows else 0.0,
        "auc_all": auc([r.priority for r in rows if r.trace_id in errors],
                       [r.priority for r in rows if r.trace_id not in errors]),
        "candidates": len(chosen), "errors_among_candidates": sum(r.trace_id in errors for r in chosen),
        "auc_candidates": auc([r.priority for r in chosen if r.trace_id in errors],
                              [r.priority for r in chosen if r.trace_id not in errors]),
        "flagged": len(marked), "flagged_errors": sum(r.trace_id in errors for r in marked),
        "error_share_flagged": sum(r.trace_id in errors for r in marked) / len(marked) if marked else None,
        "error_recall_flagged": sum(r.trace_id in errors for r in marked) / len(errors) if errors else 0.0,
    }


def format_written(m: dict[str, Any], name: str) -> str:
    share = "n/a" if m["error_share_flagged"] is None else f"{m['error_share_flagged']:.3f}"
    among = "" if not m["candidates"] else (
        f"; over {m['candidates']} candidates ({m['errors_among_candidates']} errors) AUC "
        + ("n/a" if m["auc_candidates"] is None else f"{m['auc_candidates']:.3f}"))
    return (f"{name}: {m['turns']} turns, {m['errors']} errors (base rate {m['base_rate']:.3f}); AUC "
            f"{m['auc_all']:.3f}; flagged {m['flagged']}, errors among them {share}, errors flagged "
            f"{m['error_recall_flagged']:.3f}{among}")


def format_support(m: dict[str, Any]) -> str:
    lines = [f"support set: {m['traces']} traces, K = {m['k']} detectable planted failures "
             f"({m['top_k_flagged']} of the top K flagged)",
             f"  precision@K (groups expanded)  {m['precision_at_k']:.3f}  "
             f"({m['detectable_hits']} detectable + {m['hidden_hits']} undetectable failures in the top K)",
             f"  flagged traces                 {m['flagged']} ({m['flagged_failures']} failures, precision "
             f"{m['flagged_precision']:.3f}); detectable failures flagged {m['detectable_recall_flagged']:.3f}",
             f"  explicit negatives             {m['explicit_negatives']}: flagged {m['explicit_recall_flagged']:.3f}, "
             f"in top K {m['explicit_recall_top_k']:.3f}",
             "  failures by kind               planted  in top K  flagged  signals"]
    for kind, v in m["by_kind"].items():
        name = kind + ("" if v["detectable"] else " (undetectable)")
        sig = ", ".join(f"{s} {n}" for s, n in v["signals"].items()) or "-"
        lines.append(f"    {name:<30} {v['planted']:>5} {v['in_top_k']:>9} {v['flagged']:>8}  {sig}")
    lines.append("  hard negatives by kind         in top K  flagged/total  signals")
    for kind, n in m["intruders_top_k"].items():
        got, total = m["hard_flagged"][kind]
        sig = ", ".join(f"{s} {c}" for s, c in m["hard_signals"][kind].items()) or "-"
        lines.append(f"    {kind:<30} {n:>6} {got:>8}/{total:<5} {sig}")
    sig = ", ".join(f"{s} {c}" for s, c in m["unlabelled_signals"].items()) or "-"
    lines.append(f"    {'(unlabelled traces)':<30} {m['unlabelled_in_top_k']:>6}  {'':>11} {sig}")
    return "\n".join(lines)


def format_dialog(m: dict[str, Any], name: str = "dialog set") -> str:
    def num(x: float | None) -> str:
        return "n/a" if x is None else f"{x:.3f}"

    return "\n".join([
        f"{name}: {m['turns']} system turns, {m['errors']} errors (base rate {m['base_rate']:.3f}), "
        f"{m['candidates']} candidates ({m['errors_among_candidates']} errors)",
        f"  AUC of queue priority, all turns   {num(m['auc_all'])}",
        f"  AUC of queue priority, candidates  {num(m['auc_candidates'])}",
        f"  flagged turns {m['flagged']}: error share {num(m['error_share_flagged'])} vs base rate "
        f"{m['base_rate']:.3f}; errors flagged {m['error_recall_flagged']:.3f}",
        "  flagged/total by what the user did next:",
        *(f"    {group:<6} " + ", ".join(f"{r} {n}/{t}" for r, (n, t) in sorted(cells.items()))
          for group, cells in m["flagged_by_reaction"].items()),
    ])
