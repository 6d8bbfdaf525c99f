"""Precision of the failure queue on generated labelled sets (see tests/gen/evaluate.py).

    .venv/bin/python tests/perf/quality_queue.py [--traces 5000] [--seeds 1 2 3]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from tests.gen.evaluate import evaluate  # noqa: E402

if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--traces", type=int, default=5000)
    parser.add_argument("--seeds", type=int, nargs="+", default=[1, 2, 3])
    args = parser.parse_args()
    for seed in args.seeds:
        with tempfile.TemporaryDirectory() as tmp:
            print(f"seed {seed}:")
            for line in evaluate(Path(tmp), args.traces, seed).lines():
                print("  " + line)
