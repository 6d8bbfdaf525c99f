"""The command line: thin commands over ``tracedesk.core``, and the way into the window
(``tracedesk`` alone, ``gui``, ``open`` and ``demo``).

Every command takes ``--db PATH`` (before or after its name); ``TRACEDESK_DB`` names the
database otherwise, and the user data directory holds the default one. Outputs with
``--json`` are what scripts rely on: keep their shape.

Exit codes: 0 done; 1 nothing could be done (e.g. no file could be imported); 2 bad
arguments or a file that cannot be opened as asked.
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from . import __version__
from .core import ingest, traces
from .core.errors import UserError
from .core.store import default_db_path, is_database_file, open_store
from .resources import demo_bundle_path


def _db_argument(parser: argparse.ArgumentParser, *, top: bool) -> None:
    parser.add_argument(
        "--db", metavar="PATH", type=Path,
        default=None if top else argparse.SUPPRESS,
        help="the review database (default: $TRACEDESK_DB, or one in your user data folder)",
    )


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="tracedesk",
        description="Review what LLM agents did and turn their failures into eval cases.",
    )
    parser.add_argument("--version", action="version", version=f"tracedesk {__version__}")
    _db_argument(parser, top=True)
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    p = commands.add_parser("import", help="import trace bundles into the review database")
    _db_argument(p, top=False)
    p.add_argument("paths", nargs="+", metavar="PATH",
                   help="bundle files (.jsonl, .jsonl.gz, .jsonl.zst), folders or .zip files")
    p.add_argument("--format", metavar="NAME", help="read every file as this format")
    p.add_argument("--json", action="store_true", help="print the report as JSON")

    p = commands.add_parser("stats", help="count what the review database holds")
    _db_argument(p, top=False)
    p.add_argument("--json", action="store_true", help="print the counts as JSON")

    p = commands.add_parser("show", help="show one trace with its spans and feedback")
    _db_argument(p, top=False)
    p.add_argument("trace", metavar="TRACE_ID", help="a trace id, or SOURCE:TRACE_ID")
    p.add_argument("--json", action="store_true", help="print the trace as JSON")

    p = commands.add_parser("queue", help="the failure queue: the traces most likely to hold a defect first")
    _db_argument(p, top=False)
    p.add_argument("--limit", type=int, default=20, metavar="N", help="show the first N (default 20)")
    p.add_argument("--offset", type=int, default=0, metavar="N", help="skip the first N")
    p.add_argument("--json", action="store_true", help="print the queue as JSON")
    p.add_argument("--signal", action="append", default=[], metavar="KIND", dest="kinds",
                   help="only traces with this signal (repeat for any of several)")
    p.add_argument("--source", help="only traces from this source")
    p.add_argument("--session", help="only the turns of this session")
    p.add_argument("--user", help="only this user's traces")
    p.add_argument("--model", help="only traces of this model")
    p.add_argument("--prompt-version", help="only traces of this prompt version")
    p.add_argument("--since", metavar="TIME", help="only traces from this time on (2026-11-20 or RFC 3339)")
    p.add_argument("--until", metavar="TIME", help="only traces before this time")
    p.add_argument("--tag", help="only traces with this tag")
    p.add_argument("--search", metavar="WORDS", help="only traces whose text holds these words")
    p.add_argument("--group", metavar="TRACE_ID", help="the near-duplicates grouped with this trace")
    p.add_argument("--all", action="store_true",
                   help="also traces already reviewed, snoozed or skipped, and those without signals")

    p = commands.add_parser("snooze", help="keep traces out of the queue for a while (a day unless told)")
    _db_argument(p, top=False)
    p.add_argument("traces", nargs="+", metavar="TRACE_ID", help="trace ids, or SOURCE:TRACE_ID")
    when = p.add_mutually_exclusive_group()
    when.add_argument("--until", metavar="TIME", help="back in the queue at this time (2026-11-20 or RFC 3339)")
    when.add_argument("--for", dest="for_", metavar="DURATION", help="back in the queue after 3h, 2d, 1w...")

    p = commands.add_parser("skip", help="keep traces out of the queue until they are reopened")
    _db_argument(p, top=False)
    p.add_argument("traces", nargs="+", metavar="TRACE_ID", help="trace ids, or SOURCE:TRACE_ID")

    p = commands.add_parser("reopen", help="put snoozed or skipped traces back in the queue")
    _db_argument(p, top=False)
    p.add_argument("traces", nargs="+", metavar="TRACE_ID", help="trace ids, or SOURCE:TRACE_ID")

    p = commands.add_parser("gui", help="open the window on the review database (what bare 'tracedesk' does)")
    _db_argument(p, top=False)

    p = commands.add_parser("open", help="open the window on a review database file, or import bundles "
                                         "into the database with progress")
    _db_argument(p, top=False)
    p.add_argument("paths", nargs="+", metavar="FILE", type=Path,
                   help="a review database (.sqlite), or bundle files (.jsonl, .jsonl.gz, .jsonl.zst, "
                        "an Inspect .eval, ...), folders or .zip files")

    p = commands.add_parser("demo", help="open the window on a fresh database holding the demo bundle")
    _db_argument(p, top=False)
    p.add_argument("--no-window", action="store_true",
                   help="only import the demo bundle and print where the database is")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        return cmd_gui(args)
    handler = {"import": cmd_import, "stats": cmd_stats, "show": cmd_show, "queue": cmd_queue,
               "demo": cmd_demo, "gui": cmd_gui, "open": cmd_open,
               "snooze": cmd_set_state, "skip": cmd_set_state, "reopen": cmd_set_state}
    try:
        return handler[args.command](args)
    except UserError as exc:
        print(f"tracedesk: {exc}", file=sys.stderr)
        return 2
    except BrokenPipeError:  # the output was piped into something that stopped reading
        sys.stderr.close()
        return 0
    except KeyboardInterrupt:
        print("tracedesk: interrupted; nothing was changed by the unfinished command", file=sys.stderr)
        return 130


def _print_json(value: Any) -> None:
    json.dump(value, sys.stdout, indent=2, ensure_ascii=False)
    sys.stdout.write("\n")


def _counts(c: ingest.Counts) -> str:
    return f"{c.traces:,} traces, {c.spans:,} spans, {c.feedback:,} feedback"


def print_import_report(report: ingest.ImportReport, out=None) -> None:
    out = out or sys.stdout
    for result in report.paths:
        if result.error:
            print(f"not imported: {result.error}", file=out)
            continue
        print(f"{result.path} ({', '.join(result.formats)})", file=out)
        print(f"  added:         {_counts(result.added)}", file=out)
        print(f"  already there: {_counts(result.existing)}", file=out)
        if result.pending_feedback:
            print(f"  {result.pending_feedback:,} feedback records wait for traces not imported yet",
                  file=out)
        if result.problem_count:
            print(f"  {result.problem_count:,} problems:", file=out)
            for problem in result.problems:
                print(f"    {problem}", file=out)
            hidden = result.problem_count - len(result.problems)
            if hidden:
                print(f"    ... and {hidden:,} more", file=out)


def cmd_import(args: argparse.Namespace) -> int:
    try:
        with open_store(args.db) as store:
            report = ingest.import_paths(store, args.paths, format_name=args.format)
    except KeyError as exc:  # an unknown --format name
        print(f"tracedesk: {exc.args[0]}", file=sys.stderr)
        return 2
    if args.json:
        _print_json(report.as_dict())
    else:
        print_import_report(report)
    return 0 if report.anything_imported else 1


def cmd_stats(args: argparse.Namespace) -> int:
    with open_store(args.db) as store, store.read() as conn:
        figures = traces.stats(conn)
    if args.json:
        _print_json(figures)
        return 0
    print(f"{store.path}")
    print(f"  {figures['traces']:,} traces, {figures['spans']:,} spans, "
          f"{figures['feedback']:,} feedback, {figures['reviews']:,} reviews")
    for source in figures["sources"]:
        print(f"  source {source['name']}: {source['traces']:,} traces")
    kinds = ", ".join(f"{k} {n:,}" for k, n in figures["span_kinds"].items())
    if kinds:
        print(f"  spans by kind: {kinds}")
    return 0


def cmd_show(args: argparse.Namespace) -> int:
    with open_store(args.db) as store, store.read() as conn:
        ref = traces.find_trace(conn, args.trace)
        detail = traces.trace_detail(conn, ref)
    if args.json:
        _print_json(detail)
    else:
        _print_trace(detail)
    return 0


def _print_trace(detail: dict[str, Any]) -> None:
    print(f"{detail['source']}:{detail['trace_id']}  {detail['name'] or ''}".rstrip())
    when = [detail["start_time"] or "",
            _ms(detail["duration_ms"]),
            f"status {detail['status']}" if detail["status"] else ""]
    if any(when):
        print("  " + "  ".join(w for w in when if w))
    who = [f"{label} {detail[key]}" for label, key in (("session", "session_id"), ("user", "user_id"))
           if detail[key]]
    if who:
        print("  " + "  ".join(who))
    print(f"  input:  {_short(detail['input'])}")
    print(f"  output: {_short(detail['output'])}")

    def walk(spans: list[dict[str, Any]], depth: int) -> None:
        for span in spans:
            flag = "  ERROR" if span["status"] == "error" else ""
            took = f" ({_ms(span['duration_ms'])})" if span["duration_ms"] is not None else ""
            print(f"  {'  ' * depth}- [{span['kind']}] {span['name'] or span['span_id']}{took}{flag}")
            walk(span["children"], depth + 1)

    walk(detail["spans"], 0)
    for fb in detail["feedback"]:
        said = " ".join(str(x) for x in (fb["value"], fb["comment"]) if x not in (None, ""))
        print(f"  feedback {fb['kind']}: {said}".rstrip(" :"))


def _ms(ms: float | None) -> str:
    if ms is None:
        return ""
    return f"{ms:,.0f} ms" if ms >= 10 else f"{ms:.1f} ms"


def _short(value: Any, width: int = 100) -> str:
    from .core.text import text_of

    text = text_of(value, width + 1) if not isinstance(value, str) else value
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def _time_arg(value: str | None, name: str) -> int | None:
    if value is None:
        return None
    from .core.records import parse_time

    try:
        return parse_time(value if "T" in value or value.isdigit() else f"{value}T00:00:00Z")[0]
    except ValueError:
        raise UserError(f"--{name} {value!r} is not a date (write 2026-11-20 or 2026-11-20T10:00:00Z)") from None


def cmd_queue(args: argparse.Namespace) -> int:
    from .core import queue
    from .core.settings import load_settings
    from .core.signals import SIGNAL_KINDS

    unknown = [k for k in args.kinds if k not in SIGNAL_KINDS]
    if unknown:
        raise UserError(f"unknown signal {', '.join(unknown)} (known: {', '.join(SIGNAL_KINDS)})")
    settings = load_settings()
    with open_store(args.db) as store:
        if not store.read_only:
            with store.write() as conn:
                queue.ensure_weights(conn, settings.weights)
                queue.wake_snoozed(conn)
        with store.read() as conn:
            group_of = traces.find_trace(conn, args.group).pk if args.group else None
            filters = queue.QueueFilter(
                kinds=tuple(args.kinds), source=args.source, session=args.session, user=args.user,
                model=args.model, prompt_version=args.prompt_version,
                since_ns=_time_arg(args.since, "since"), until_ns=_time_arg(args.until, "until"),
                tag=args.tag, text=args.search, group_of=group_of,
                include_closed=args.all, include_quiet=args.all,
            )
            rows = queue.page(conn, filters, args.offset, args.limit)
            total = queue.count(conn, filters)
    if args.json:
        _print_json([r.as_dict() for r in rows])
        return 0
    if not rows:
        print("The queue is empty: no trace matches (try --all, or import more bundles).")
        return 0
    print(f"{total:,} traces in the queue; the first {len(rows)}:")
    for i, row in enumerate(rows, start=args.offset + 1):
        group = f"  (+{row.group_size - 1} alike)" if row.group_size > 1 else ""
        print(f"{i:>4}. {row.priority:.2f}  {row.source}:{row.trace_id}{group}")
        print(f"      {_short(row.question, 90)}")
        for reason in row.reasons[:3]:
            print(f"      - {reason.signal}: {reason.detail}")
    return 0


DURATION_UNITS = {"m": 60, "h": 3600, "d": 86400, "w": 7 * 86400}


def _duration_arg(value: str) -> int:
    """Seconds in '90m', '3h', '2d', '1w'."""
    number, unit = value[:-1], value[-1:].lower()
    if unit not in DURATION_UNITS or not number.isdigit() or int(number) == 0:
        raise UserError(f"--for {value!r} is not a duration (write 90m, 3h, 2d or 1w)")
    return int(number) * DURATION_UNITS[unit]


def cmd_set_state(args: argparse.Namespace) -> int:
    """snooze, skip and reopen: where traces stand in the queue."""
    import time

    from .core import queue

    state, until_ns = None, None
    if args.command == "skip":
        state = queue.SKIPPED
    elif args.command == "snooze":
        state = queue.SNOOZED
        if args.until:
            until_ns = _time_arg(args.until, "until")
        else:
            until_ns = time.time_ns() + _duration_arg(args.for_ or "1d") * 1_000_000_000
        if until_ns <= time.time_ns():
            raise UserError(f"--until {args.until} is already past: a snooze ends in the future")
    with open_store(args.db) as store, store.write() as conn:
        found = [traces.find_trace(conn, trace) for trace in args.traces]  # all known, or nothing changes
        for ref in found:
            queue.set_state(conn, ref.pk, state, until_ns=until_ns)
    what = {"skip": "skipped: out of the queue until reopened",
            "reopen": "back in the queue",
            "snooze": f"snoozed until {_when(until_ns)}"}[args.command]
    for trace in args.traces:
        print(f"{trace}: {what}")
    return 0


def _when(ns: int | None) -> str:
    from datetime import UTC, datetime

    return datetime.fromtimestamp((ns or 0) / 1e9, UTC).strftime("%Y-%m-%d %H:%M UTC")


def _run_gui(db: Path | None, files: list[Path] | None = None) -> int:
    # Qt is imported only here: every other command runs without it.
    from .ui.app import run_gui

    return run_gui(db, files or [])


def cmd_gui(args: argparse.Namespace) -> int:
    return _run_gui(getattr(args, "db", None))


def cmd_open(args: argparse.Namespace) -> int:
    missing = [str(p) for p in args.paths if not p.exists()]
    if missing:
        raise UserError(f"no such file: {', '.join(missing)}")
    databases = [p for p in args.paths if p.is_file() and is_database_file(p)]
    bundles = [p.resolve() for p in args.paths if p not in databases]
    db = getattr(args, "db", None)
    if len(databases) > 1 or (databases and db is not None):
        raise UserError("open one review database at a time: "
                        + ", ".join(str(p) for p in ([db] if db else []) + databases))
    return _run_gui(databases[0] if databases else db, bundles)


def cmd_demo(args: argparse.Namespace) -> int:
    db = getattr(args, "db", None)
    if db is None:
        db = Path(tempfile.mkdtemp(prefix="tracedesk-demo-")) / "demo.sqlite"
    bundle = demo_bundle_path()
    with tempfile.TemporaryDirectory() as tmp:
        copy = Path(tmp) / bundle.name
        shutil.copyfile(bundle, copy)
        with open_store(db) as store:
            report = ingest.import_paths(store, [copy])
            with store.read() as conn:
                figures = traces.stats(conn)
    print_import_report(report)
    print(f"\nDemo database: {db}")
    print(f"  {figures['traces']:,} traces, {figures['spans']:,} spans, {figures['feedback']:,} feedback")
    if getattr(args, "no_window", False):
        print(f"Try:  tracedesk --db {db} stats")
        return 0
    print("Opening the window…")
    return _run_gui(db)


__all__ = ["build_parser", "main", "default_db_path"]
