"""The ``insights`` command: where failures come from, and whether a change helped, thin over
:mod:`tracedesk.core.insights`. :mod:`tracedesk.cli` adds it to its parser and runs it."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from .cli_common import db_argument, print_json, short
from .core.errors import UserError
from .core.text import counted, percent_text


def add_commands(commands: Any) -> None:
    p = commands.add_parser("insights", help="where failures come from, and whether a change helped")
    db_argument(p, top=False)
    p.add_argument("--json", action="store_true", help="print the figures as JSON")
    p.add_argument("--by", action="append", default=[], metavar="FIELD",
                   help="break failure rates and runs down by this field: prompt_version, model, tag, source, day "
                        "(repeatable; default: all); with --compare, the field A and B are values of "
                        "(default: prompt_version)")
    p.add_argument("--compare", nargs=2, metavar=("A", "B"),
                   help="two values of the field (v12 v13), or two date ranges (2026-11-01..2026-11-07 "
                        "2026-11-08..2026-11-14): each signal's and cause's rate in both, and whether they differ")
    p.add_argument("--since", metavar="DATE", help="only traces from this day on (2026-11-20)")
    p.add_argument("--until", metavar="DATE", help="only traces before this day")
    p.add_argument("--limit", type=int, default=20, metavar="N", help="questions listed (default 20)")
    p.add_argument("--csv", metavar="DIR", type=Path, help="also write every table as CSV into this folder")


def cmd_insights(args: argparse.Namespace) -> int:
    from .core import insights
    from .core.database import open_store

    since = insights.parse_day(args.since) if args.since else None
    until = insights.parse_day(args.until) if args.until else None
    with open_store(args.db) as store, store.read() as conn:
        if args.compare:
            first, second = args.compare
            if ".." in first and ".." in second:
                if args.by:
                    raise UserError("--by does not apply to two date ranges: they compare every trace in them")
                a, b = insights.parse_range(first), insights.parse_range(second)
            elif ".." in first or ".." in second:
                raise UserError("--compare takes two values (v12 v13) or two date ranges, not one of each")
            else:
                if len(args.by) > 1:
                    raise UserError("--compare takes one --by field")
                name = args.by[0] if args.by else "prompt_version"
                if name not in insights.BY_FIELDS:
                    raise UserError(f"unknown field '{name}' (known: {', '.join(insights.BY_FIELDS)})")
                a, b = (insights.Cohort(name, value, since, until) for value in (first, second))
            result = insights.compare(conn, a, b)
            tables = [insights.comparison_table(result)]
            payload: Any = result.as_dict()
        else:
            for name in args.by:
                if name not in insights.BY_FIELDS:
                    raise UserError(f"unknown field '{name}' (known: {', '.join(insights.BY_FIELDS)})")
            within = insights.Cohort(since_ns=since, until_ns=until)
            tables = insights.overview(conn, args.by or insights.BY_FIELDS, within, args.limit)
            payload = {"within": within.as_dict(), "tables": [t.as_dict() for t in tables]}
    written = insights.write_all_csv(tables, args.csv) if args.csv else []
    if args.json:
        print_json(payload)
    elif args.compare:
        _print_insights_comparison(result)
    else:
        for table in tables:
            _print_insight(table)
    for path in written:
        print(f"written: {path}", file=sys.stderr if args.json else sys.stdout)
    return 0


def _pct(rate: Any) -> str:
    if rate.value is None:
        return "-"
    low, high = rate.interval
    return f"{percent_text(rate.value):>6} ({percent_text(low)}-{percent_text(high)})"


def _traces(n: int) -> str:
    """A count of traces in a table's column: "1 trace " lines up with "9 traces"."""
    return f"{n:>9,} {'trace ' if n == 1 else 'traces'}"


def _print_insight(table: Any) -> None:
    print(f"\n{table.title}")
    if not table.rows:
        print("  (nothing yet)")
        return
    for row in table.rows:
        kind = type(row).__name__
        if kind == "BreakdownRow":
            print(f"  {str(row.value if row.value is not None else '(none)'):<28} {_traces(row.traces)}  "
                  f"signals {_pct(row.signals)}  failures {row.failures.count:,}/{row.failures.total:,} "
                  f"{_pct(row.failures)}")
        elif kind == "RunRow":
            latency = f"{row.mean_latency_ms:,.0f} ms" if row.mean_latency_ms is not None else "-"
            cost = f"${row.mean_cost_usd:.5f}" if row.mean_cost_usd is not None else "-"
            label = "all traces" if row.value is None and table.name == "runs" else (row.value or "(none)")
            print(f"  {str(label):<28} {_traces(row.traces)}  escalations {_pct(row.escalations)}  "
                  f"latency {latency}  cost {cost}/run, ${row.total_cost_usd:,.2f} in all")
        elif kind == "CauseRow":
            print(f"  {row.cause:<40} {row.failures.count:>7,}  {_pct(row.failures)}")
        elif kind == "StepRow":
            print(f"  {row.label:<40} {row.failures.count:>7,}  {_pct(row.failures)}")
        else:
            print(f"  {row.traces:>6,} {'trace ' if row.traces == 1 else 'traces'} {row.signals:>6,} "
                  f"{'signal ' if row.signals == 1 else 'signals'}  {short(row.question, 80)}")


def _print_insights_comparison(result: Any) -> None:
    from .core.insights import SIGNIFICANCE

    print(f"A: {result.a.label}: {counted(result.a_traces, 'trace')}, {result.a_reviewed:,} reviewed")
    print(f"B: {result.b.label}: {counted(result.b_traces, 'trace')}, {result.b_reviewed:,} reviewed")
    print(f"  {'':<34} {'A':>22}  {'B':>22}  {'change':>8}  p-value")
    for row in result.rows:
        change = percent_text(row.change, signed=True)
        mark = " *" if row.p_value < SIGNIFICANCE else ""
        label = f"{row.measure}: {row.label}" if row.measure != "overall" else row.label
        print(f"  {short(label, 34):<34} {_pct(row.a):>22}  {_pct(row.b):>22}  {change:>8}  "
              f"{row.p_value:.3g} ({row.test}){mark}")
    print(f"  (rates with 95% Wilson intervals; * the difference is significant at p < {SIGNIFICANCE})")


HANDLERS = {"insights": cmd_insights}
