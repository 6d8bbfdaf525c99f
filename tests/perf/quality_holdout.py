"""Quality of the failure queue on evaluation sets written apart from its detectors
(tests/eval): a support bot's conversations with planted failures and hard negatives,
three sets of dialogs with chatbots where annotators marked the errors (the dialog set, and
the chat and talk sets, each written apart from the others in styles of its own), and the
sets of dialogs written out by hand, each turn labelled (tests/eval/written).

    .venv/bin/python tests/perf/quality_holdout.py [--seeds 1 2 3] [--sessions 1500] [--dialogs 240]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from tests.eval.chat_set import write_chat_set  # noqa: E402
from tests.eval.measure import (  # noqa: E402
    WRITTEN,
    format_dialog,
    format_support,
    format_written,
    measure_dialog,
    measure_support,
    measure_written,
)
from tests.eval.talk_set import write_talk_set  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seeds", type=int, nargs="+", default=[1, 2, 3])
    parser.add_argument("--sessions", type=int, default=1500)
    parser.add_argument("--dialogs", type=int, default=240)
    args = parser.parse_args()
    summary: dict[str, list[float]] = {}
    for seed in args.seeds:
        with tempfile.TemporaryDirectory() as tmp:
            started = time.perf_counter()
            support = measure_support(Path(tmp) / "support", seed, args.sessions)
            dialog = measure_dialog(Path(tmp) / "dialog", seed, args.dialogs)
            chat = measure_dialog(Path(tmp) / "chat", seed, args.dialogs, write=write_chat_set)
            talk = measure_dialog(Path(tmp) / "talk", seed, args.dialogs, write=write_talk_set)
            print(f"== seed {seed} ({time.perf_counter() - started:.1f} s)")
            print(format_support(support))
            print(format_dialog(dialog))
            print(format_dialog(chat, "chat set"))
            print(format_dialog(talk, "talk set"))
        figures = [("support precision@K", support["precision_at_k"]),
                   ("support explicit negatives flagged", support["explicit_recall_flagged"])]
        for name, dialogs in (("dialog", dialog), ("chat", chat), ("talk", talk)):
            figures += [(f"{name} AUC, all turns", dialogs["auc_all"]),
                        (f"{name} AUC, candidates", dialogs["auc_candidates"]),
                        (f"{name} error share among flagged", dialogs["error_share_flagged"]),
                        (f"{name} base rate", dialogs["base_rate"])]
        for key, value in figures:
            if value is not None:
                summary.setdefault(key, []).append(value)
    print("== dialogs written out by hand (tests/eval/written; the same every run)")
    with tempfile.TemporaryDirectory() as tmp:
        for source in sorted(WRITTEN.glob("*.json")):
            print("  " + format_written(measure_written(Path(tmp) / source.stem, source), source.stem))
    if len(args.seeds) > 1:
        print(f"== mean over seeds {' '.join(map(str, args.seeds))}")
        for key, values in summary.items():
            print(f"  {key:<36} {statistics.mean(values):.3f}  (min {min(values):.3f}, max {max(values):.3f})")


if __name__ == "__main__":
    main()
