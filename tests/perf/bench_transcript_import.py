"""Import throughput of chat transcripts against the native bundle holding the same runs.

Writes a JSON Lines file of chat transcripts of about ``--mb`` megabytes (tau-bench airline
runs, one per line: a system prompt, the customer's turns, tool calls and results, graded
by a reward), then the native bundle of exactly the records the transcript importer makes
of it, and imports each into its own fresh database. Target: the transcripts at least half
the native importer's spans per second.

    .venv/bin/python tests/perf/bench_transcript_import.py             # 100 MB
    .venv/bin/python tests/perf/bench_transcript_import.py --mb 10     # a quick look
    .venv/bin/python tests/perf/bench_transcript_import.py --profile   # cProfile the transcript import

Each import runs in a fresh process, so its peak RSS is its own.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_otlp_import import measure  # noqa: E402  (one child process measures every importer)


def write_files(folder: Path, megabytes: float, seed: int = 1) -> tuple[Path, Path]:
    sys.path.insert(0, str(ROOT / "src"))
    sys.path.insert(0, str(ROOT))
    from tests.gen.tau_bench import run, task

    from tracedesk.core.formats import transcripts
    from tracedesk.core.formats.base import Record

    rng = random.Random(seed)
    path, native = folder / "transcripts.jsonl", folder / "native.jsonl"
    limit = megabytes * 1e6
    written = 0
    n = 0
    with path.open("w") as out:
        while written < limit:
            t = task(n // 4, rng)
            line = json.dumps(run(t, n // 4, n % 4, float(rng.random() < 0.42), rng,
                                  transfer=rng.random() < 0.1), separators=(",", ":")) + "\n"
            out.write(line)
            written += len(line)
            n += 1
    with path.open("rb") as fh, native.open("w") as out:
        out.write(json.dumps({"type": "bundle", "version": 1, "source": "transcripts.jsonl"}) + "\n")
        for item in transcripts.read(fh, path.name):
            assert isinstance(item, Record), item
            out.write(json.dumps(item.data, separators=(",", ":")) + "\n")
    return path, native


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--mb", type=float, default=100, help="size of the transcript file (default 100 MB)")
    parser.add_argument("--profile", action="store_true", help="print a cProfile of the transcript import")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        transcripts, native = write_files(folder, args.mb)
        print(f"transcripts {transcripts.stat().st_size / 1e6:.0f} MB, native bundle of the same records "
              f"{native.stat().st_size / 1e6:.0f} MB")
        ours = measure(transcripts, folder / "transcripts.sqlite", args.profile)
        base = measure(native, folder / "native.sqlite", False)
        assert ours["spans"] == base["spans"] and ours["traces"] == base["traces"], (ours, base)
        assert ours["formats"] == ["transcripts"] and not ours["problems"], ours
        rate, base_rate = ours["spans"] / ours["seconds"], base["spans"] / base["seconds"]
        print(f"{'':>12} {'traces':>8} {'spans':>9} {'seconds':>8} {'spans/s':>9} {'peak MB':>8}")
        for label, r, s in (("native", base, base_rate), ("transcripts", ours, rate)):
            print(f"{label:>12} {r['traces']:>8,} {r['spans']:>9,} {r['seconds']:>8.1f} {s:>9,.0f} "
                  f"{r['peak_mb']:>8.0f}")
        print(f"ratio {rate / base_rate:.2f} (target >= 0.5)")


if __name__ == "__main__":
    main()
