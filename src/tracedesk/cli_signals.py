"""The ``signals`` command: what each kind of signal is worth, from the detectors' table
and from the verdicts given in this review database, and the reset of what the queue
learned. :mod:`tracedesk.cli` adds it to its parser and runs it."""

from __future__ import annotations

import argparse
from typing import Any

from .cli_common import db_argument, print_json


def add_commands(commands: Any) -> None:
    p = commands.add_parser(
        "signals", help="how far each kind of signal is trusted: the detectors' table and what the verdicts "
                        "in this database taught the queue")
    db_argument(p, top=False)
    p.add_argument("--cases", action="store_true",
                   help="also list every case a signal is raised in, with its confidence and why")
    p.add_argument("--forget", action="store_true",
                   help="set aside what the verdicts taught: rank by the detectors' table again (later verdicts "
                        "teach the queue anew)")
    p.add_argument("--json", action="store_true", help="print the figures as JSON")


def cmd_signals(args: argparse.Namespace) -> int:
    from .core import learning, queue
    from .core.database import open_store
    from .core.signals.confidence import describe

    with open_store(args.db) as store:
        if args.forget:
            with store.write() as conn:
                queue.forget_learning(conn)
        with store.read() as conn:
            counted = learning.count_verdicts(conn)
            applied = learning.stored(conn)
            echoes = len(learning.echoes(conn))
    rows = [{**found.as_dict(), "applied": round(applied[kind].precision, 3) if kind in applied else None}
            for kind, found in counted.items()]
    if args.json:
        out: dict[str, Any] = {"signals": rows, "like_failure": echoes}
        if args.cases:
            out["cases"] = describe()
        print_json(out)
        return 0
    if args.forget:
        print("The queue forgot what the verdicts taught it; it ranks by the detectors' table again.")
    print(f"{'signal':<18} {'expected':>8}  {'verdicts here':<24} precision here")
    for kind, found in counted.items():
        here = f"{found.precision:.2f}" if found.reviewed else "-"
        print(f"{kind:<18} {found.prior:>8.2f}  {found.basis:<24} {here}")
    print(f"\nTraces that give an answer judged a failure on another trace (like_failure): {echoes:,}")
    if args.cases:
        print()
        for case in describe():
            value = case["confidence"]
            shown = f"{value[0]:.2f}–{value[1]:.2f}" if isinstance(value, list) else f"{value:.2f}"
            print(f"{case['signal']:<18} {case['case']:<17} {shown:>9}  {case['why']}")
    return 0


HANDLERS = {"signals": cmd_signals}
