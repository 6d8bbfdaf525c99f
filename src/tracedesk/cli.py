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
import sqlite3
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from . import __version__, cli_insights, cli_review, cli_share, cli_signals
from .cli_common import db_argument, print_json, short, time_arg
from .core.errors import UserError
from .core.export_formats import EXPORT_FORMATS
from .core.text import counted
from .core.verdicts import VERDICTS

if TYPE_CHECKING:
    from .core import ingest


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="tracedesk",
        description="Review what LLM agents did and turn their failures into eval cases.",
    )
    parser.add_argument("--version", action="version", version=f"tracedesk {__version__}")
    db_argument(parser, top=True)
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    p = commands.add_parser("import", help="import trace bundles into the review database")
    db_argument(p, top=False)
    p.add_argument("paths", nargs="+", metavar="PATH",
                   help="bundle files (.jsonl, .jsonl.gz, .jsonl.zst), traces and trajectories of the formats "
                        "Tracedesk reads (.json, .traj, ...), folders or .zip files")
    p.add_argument("--format", metavar="NAME", help="read every file as this format")
    p.add_argument("--json", action="store_true", help="print the report as JSON")

    p = commands.add_parser("stats", help="count what the review database holds")
    db_argument(p, top=False)
    p.add_argument("--json", action="store_true", help="print the counts as JSON")

    p = commands.add_parser("show", help="show one trace with its spans and feedback")
    db_argument(p, top=False)
    p.add_argument("trace", metavar="TRACE_ID", help="a trace id, or SOURCE:TRACE_ID")
    p.add_argument("--json", action="store_true", help="print the trace as JSON")

    p = commands.add_parser("compare", help="two runs side by side, their steps aligned; or the runs worth "
                                            "comparing a trace with (--candidates)")
    db_argument(p, top=False)
    p.add_argument("trace", metavar="TRACE_A", help="a trace id, or SOURCE:TRACE_ID")
    p.add_argument("other", nargs="?", metavar="TRACE_B", help="the trace to put beside it")
    p.add_argument("--candidates", action="store_true",
                   help="list the runs worth comparing TRACE_A with, and why each is proposed")
    p.add_argument("--limit", type=int, default=5, metavar="N", help="with --candidates: at most N (default 5)")
    p.add_argument("--json", action="store_true", help="print the alignment (or the candidates) as JSON")

    p = commands.add_parser("queue", help="the failure queue: the traces most likely to hold a defect first")
    db_argument(p, top=False)
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

    cli_review.add_commands(commands)  # snooze, skip, reopen, annotate, undo, history, causes

    p = commands.add_parser("export", help="write reviewed failures as eval cases (or the reviewed set as CSV)")
    db_argument(p, top=False)
    p.add_argument("--format", required=True, choices=tuple(EXPORT_FORMATS),
                   help="what the cases are written for: Tracedesk's own jsonl, promptfoo, Inspect AI, OpenAI "
                        "evals, a Langfuse dataset, or csv (every verdict, for QA leads)")
    p.add_argument("--out", required=True, metavar="PATH", type=Path, help="the file to write")
    p.add_argument("--force", action="store_true", help="replace the file at --out if there is one")
    p.add_argument("--verdict", action="append", choices=VERDICTS, dest="verdicts",
                   help="reviews with this verdict (repeatable; default: failure, every verdict for csv)")
    p.add_argument("--cause", action="append", default=[], metavar="NAME", dest="causes",
                   help="reviews with this cause or one nested below it (repeatable)")
    p.add_argument("--reviewer", help="reviews by this reviewer")
    p.add_argument("--tag", help="reviews or traces with this tag")
    p.add_argument("--source", help="traces from this source")
    p.add_argument("--since", metavar="DATE", help="reviewed from this date on (2026-11-20 or RFC 3339)")
    p.add_argument("--until", metavar="DATE", help="reviewed before this date")
    p.add_argument("--redact", action="store_true",
                   help="remove e-mail addresses, phone numbers, card numbers, API keys and tokens, and the "
                        "patterns of [redact] in the settings")
    p.add_argument("--redact-pattern", action="append", default=[], metavar="REGEX",
                   help="one more regular expression to redact (repeatable; implies --redact)")
    p.add_argument("--dataset", default="tracedesk", metavar="NAME", help="the Langfuse dataset's name")
    p.add_argument("--json", action="store_true", help="print the report as JSON")

    cli_insights.add_commands(commands)  # insights

    p = commands.add_parser("selftest", help="check that this installation works: resources, import, queue, "
                                             "review, export and the window, on a throwaway database")
    p.add_argument("--no-window", action="store_true", help="leave out the window")

    cli_share.add_commands(commands)  # share, merge, agreement, settle
    cli_signals.add_commands(commands)  # signals

    p = commands.add_parser("gui", help="open the window on the review database (what bare 'tracedesk' does)")
    db_argument(p, top=False)

    p = commands.add_parser("open", help="open the window on a review database file, or import bundles "
                                         "into the database with progress")
    db_argument(p, top=False)
    p.add_argument("paths", nargs="+", metavar="FILE", type=Path,
                   help="a review database (.sqlite), or bundle files (.jsonl, .jsonl.gz, .jsonl.zst, "
                        "an Inspect .eval, ...), folders or .zip files")

    p = commands.add_parser("demo", help="open the window on a fresh database holding the demo bundle")
    db_argument(p, top=False)
    p.add_argument("--no-window", action="store_true",
                   help="only import the demo bundle and print where the database is")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    from .cli_output import safe_output

    with safe_output():  # what bundles hold cannot drive the terminal
        return _run(argv)


def _run(argv: Sequence[str] | None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)  # --version and --help end here, before the database layer loads
    from sqlalchemy.exc import DBAPIError

    from .core.store import database_error

    handler = {"import": cmd_import, "stats": cmd_stats, "show": cmd_show, "queue": cmd_queue,
               "export": cmd_export, "compare": cmd_compare, "demo": cmd_demo, "gui": cmd_gui, "open": cmd_open,
               "selftest": cmd_selftest, **cli_review.HANDLERS, **cli_insights.HANDLERS, **cli_share.HANDLERS,
               **cli_signals.HANDLERS}
    try:
        if args.command in (None, "gui", "open") or (args.command == "demo" and not args.no_window):
            _check_display()  # before anything is made for a window that cannot open
        if args.command is None:
            return cmd_gui(args)
        _check_database(args)
        return handler[args.command](args)
    except UserError as exc:
        print(f"tracedesk: {exc}", file=sys.stderr)
        return 2
    except (sqlite3.Error, DBAPIError) as exc:  # damaged, busy, read-only, full: one line
        problem = database_error(_database_path(args), exc)
        if problem is None:
            raise
        print(f"tracedesk: {problem}", file=sys.stderr)
        return 2
    except BrokenPipeError:  # the output was piped into something that stopped reading
        sys.stderr.close()
        return 0
    except KeyboardInterrupt:
        print("tracedesk: interrupted; nothing was changed by the unfinished command", file=sys.stderr)
        return 130


# The commands that may start a review database; every other one needs it to exist, so that
# a typo in --db is an error rather than a new, empty database.
CREATING = frozenset({"import", "demo", "gui", "open", "selftest"})


def _database_path(args: argparse.Namespace) -> Path:
    from .core.store import default_db_path

    db = getattr(args, "db", None)
    return Path(db).expanduser() if db is not None else default_db_path()


def _check_database(args: argparse.Namespace) -> None:
    from .core.store import is_database_file

    if args.command in ("demo", "selftest") or (args.command == "open" and getattr(args, "db", None) is None
                                                and any(p.is_file() and is_database_file(p) for p in args.paths)):
        return  # their own database, or the one named as a file
    path = _database_path(args)
    if path.exists():
        return
    if args.command not in CREATING:
        raise UserError(f"{path} does not exist: there is no review database there. Check the name, or start "
                        "one with 'tracedesk import BUNDLE' (or 'tracedesk demo').")
    print(f"tracedesk: new review database: {path}", file=sys.stderr)


def _counts(c: ingest.Counts) -> str:
    return f"{counted(c.traces, 'trace')}, {counted(c.spans, 'span')}, {c.feedback:,} feedback"


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
            print(f"  {counted(result.problem_count, 'problem')}:", file=out)
            for problem in result.problems:
                print(f"    {problem}", file=out)
            hidden = result.problem_count - len(result.problems)
            if hidden:
                print(f"    ... and {hidden:,} more", file=out)


def cmd_import(args: argparse.Namespace) -> int:
    from .core import ingest
    from .core.database import open_store

    try:
        with open_store(args.db) as store:
            report = ingest.import_paths(store, args.paths, format_name=args.format)
    except KeyError as exc:  # an unknown --format name
        print(f"tracedesk: {exc.args[0]}", file=sys.stderr)
        return 2
    if args.json:
        print_json(report.as_dict())
    else:
        print_import_report(report)
    return 0 if report.anything_imported else 1


def cmd_stats(args: argparse.Namespace) -> int:
    from .core import traces
    from .core.database import open_store

    with open_store(args.db) as store, store.read() as conn:
        figures = traces.stats(conn)
    if args.json:
        print_json(figures)
        return 0
    print(f"{store.path}")
    print(f"  {counted(figures['traces'], 'trace')}, {counted(figures['spans'], 'span')}, "
          f"{figures['feedback']:,} feedback, {counted(figures['reviews'], 'review')}")
    for source in figures["sources"]:
        print(f"  source {source['name']}: {counted(source['traces'], 'trace')}")
    kinds = ", ".join(f"{k} {n:,}" for k, n in figures["span_kinds"].items())
    if kinds:
        print(f"  spans by kind: {kinds}")
    return 0


def cmd_show(args: argparse.Namespace) -> int:
    from .core import traces
    from .core.database import open_store

    with open_store(args.db) as store, store.read() as conn:
        ref = traces.find_trace(conn, args.trace)
        detail = traces.trace_detail(conn, ref)
    if args.json:
        print_json(detail)
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
    print(f"  input:  {short(detail['input'])}")
    print(f"  output: {short(detail['output'])}")

    def walk(spans: list[dict[str, Any]], depth: int) -> None:
        for span in spans:
            flag = "  ERROR" if span["status"] == "error" else ""
            took = f", {_ms(span['duration_ms'])}" if span["duration_ms"] is not None else ""
            # The id is what 'annotate --span' takes to blame the step.
            print(f"  {'  ' * depth}- [{span['kind']}] {span['name'] or span['span_id']}  "
                  f"(id {span['span_id']}{took}){flag}")
            for label in ("input", "output", "error"):
                if span.get(label) not in (None, "", {}, []):
                    print(f"  {'  ' * depth}    {label + ':':<7} {short(_one_line(span[label]), 90)}")
            walk(span["children"], depth + 1)

    walk(detail["spans"], 0)
    for fb in detail["feedback"]:
        said = " ".join(str(x) for x in (fb["value"], fb["comment"]) if x not in (None, ""))
        print(f"  feedback {fb['kind']}: {said}".rstrip(" :"))
    for review in detail.get("reviews", []):
        said = [review["verdict"], review["cause"], review["blamed_span_id"] and f"step {review['blamed_span_id']}",
                review["missing_step"] and "a step is missing", review["notes"]]
        print(f"  review by {review['reviewer']}: {', '.join(str(x) for x in said if x)}")


def _one_line(value: Any) -> str:
    """A step's input or output as one line: a conversation by its last message (the rest
    repeats the steps before), any other value as compact JSON, so that arguments and
    numbers show as well as words."""
    if isinstance(value, str):
        return value
    messages = value.get("messages") if isinstance(value, dict) else None
    if isinstance(messages, list) and messages and isinstance(messages[-1], dict):
        last = messages[-1]
        content = last.get("content")
        said = content if isinstance(content, str) else json.dumps(content, ensure_ascii=False)
        if not content:  # a call of tools, say, rather than words
            said = json.dumps({k: v for k, v in last.items() if k != "role"}, ensure_ascii=False)
        return f"{last.get('role') or 'message'}: {said}" + (f" (the last of {len(messages)} messages)"
                                                            if len(messages) > 1 else "")
    return json.dumps(value, ensure_ascii=False)


def _ms(ms: float | None) -> str:
    if ms is None:
        return ""
    return f"{ms:,.0f} ms" if ms >= 10 else f"{ms:.1f} ms"


def refresh_outdated_signals(store) -> None:
    """Find again the signals an older version of the detectors found, saying so first."""
    from .core.signals import outdated, redetect

    with store.read() as conn:
        older = outdated(conn)
    if older:
        print(f"tracedesk: the signals of {counted(older, 'trace')} were found by an older version of "
              "Tracedesk; finding them again (once)...", file=sys.stderr)
        redetect(store)


def cmd_queue(args: argparse.Namespace) -> int:
    from .core import queue, traces
    from .core.database import open_store
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
            refresh_outdated_signals(store)
        with store.read() as conn:
            group_of = traces.find_trace(conn, args.group).pk if args.group else None
            filters = queue.QueueFilter(
                kinds=tuple(args.kinds), source=args.source, session=args.session, user=args.user,
                model=args.model, prompt_version=args.prompt_version,
                since_ns=time_arg(args.since, "since"), until_ns=time_arg(args.until, "until"),
                tag=args.tag, text=args.search, group_of=group_of,
                include_closed=args.all, include_quiet=args.all,
            )
            rows = queue.page(conn, filters, args.offset, args.limit)
            total = queue.count(conn, filters)
    if args.json:
        print_json([r.as_dict() for r in rows])
        return 0
    if not rows:
        print("The queue is empty: no trace matches (try --all, or import more bundles).")
        return 0
    print(f"{counted(total, 'trace')} in the queue" + (f"; the first {len(rows)}:" if len(rows) < total else ":"))
    for i, row in enumerate(rows, start=args.offset + 1):
        group = f"  (+{row.group_size - 1} alike)" if row.group_size > 1 else ""
        print(f"{i:>4}. {row.priority:.2f}  {row.source}:{row.trace_id}{group}")
        print(f"      {short(row.question, 90)}")
        for reason in row.reasons[:3]:
            learned = f" [{reason.signal} flags {reason.learned_from}]" if reason.learned_from else ""
            print(f"      - {reason.signal}: {reason.detail}{learned}")
    return 0


def cmd_compare(args: argparse.Namespace) -> int:
    from .core import candidates, compare, traces
    from .core.database import open_store

    if args.candidates:
        if args.other:
            raise UserError("--candidates takes one trace: the one to find runs to compare with")
        with open_store(args.db) as store, store.read() as conn:
            ref = traces.find_trace(conn, args.trace)
            found = candidates.comparison_candidates(conn, ref.pk, limit=args.limit)
        if args.json:
            print_json([c.as_dict() for c in found])
        elif not found:
            print(f"No run to compare {ref.source}:{ref.trace_id} with: no similar question and no other turn "
                  "in its session.")
        else:
            print(f"Runs to compare {ref.source}:{ref.trace_id} with:")
            for i, c in enumerate(found, start=1):
                print(f"{i:>3}. {c.source}:{c.trace_id}  ({'failed' if c.failed else 'did not fail'})")
                print(f"     {short(c.question, 90)}")
                for reason in c.reasons:
                    print(f"     - {reason.detail}")
        return 0
    if not args.other:
        raise UserError("name a second trace to compare with (TRACE_B), or ask for --candidates")
    with open_store(args.db) as store, store.read() as conn:
        a, b = traces.find_trace(conn, args.trace), traces.find_trace(conn, args.other)
        result = compare.compare_traces(conn, a.pk, b.pk)
        first = None if result.first_divergence is None else result.pairs[result.first_divergence]
        diff = compare.pair_diff(conn, first) if first is not None and first.a and first.b else []
    if args.json:
        print_json(result.as_dict())
    else:
        _print_comparison(result, diff)
    return 0


_MARKS = {"same": "=", "changed": "~", "only_a": "<", "only_b": ">"}


def _print_comparison(result: Any, diff: list[Any], width: int = 44) -> None:
    def cell(step: Any) -> str:
        if step is None:
            return "-"
        text = f"{'  ' * step.depth}[{step.kind}] {step.name or step.span_id}{' ERROR' if step.failed else ''}"
        return text if len(text) <= width else text[:width - 1] + "…"

    for label, t in (("A", result.a), ("B", result.b)):
        print(f"{label}  {t.source}:{t.trace_id}  {short(t.question, 80)}".rstrip())
    n = result.first_divergence
    if n is None:
        print(f"The runs take the same {counted(len(result.pairs), 'step')}.")
    else:
        pair = result.pairs[n]
        why = {"only_a": "only A takes it", "only_b": "only B takes it"}.get(
            pair.change, f"{', '.join(pair.differs)} differ{'s' if len(pair.differs) == 1 else ''}")
        print(f"They diverge at row {n}: {cell(pair.a if pair.a else pair.b).strip()} ({why}).")
    print()
    for i, pair in enumerate(result.pairs):
        star = "*" if i == n else " "
        print(f"{star}{i:>4} {_MARKS[pair.change]} {cell(pair.a):<{width}}  {cell(pair.b)}")
    print("\n= same  ~ changed  < only in A  > only in B  * where they diverge")
    if diff:
        text = "".join(s.text if s.op == "equal" else f"[-{s.text}-]" if s.op == "delete" else f"{{+{s.text}+}}"
                       for s in diff)
        print(f"\nRow {n}, A [-...-] against B {{+...+}}:")
        print("  " + short(text, 1200))


def cmd_selftest(args: argparse.Namespace) -> int:
    from .selftest import run_selftest

    return run_selftest(window=not args.no_window)


def _check_display() -> None:
    """Refuse in one line where Qt would abort the process (no display, a missing library)."""
    from .display import display_problem

    problem = display_problem()
    if problem is not None:
        raise UserError(problem)


def _run_gui(db: Path | None, files: list[Path] | None = None) -> int:
    # Qt is imported only here: every other command runs without it.
    from .ui.app import run_gui

    return run_gui(db, files or [])


def cmd_gui(args: argparse.Namespace) -> int:
    return _run_gui(getattr(args, "db", None))


def cmd_open(args: argparse.Namespace) -> int:
    from .core.store import is_database_file

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
    from .core import ingest, traces
    from .core.database import open_store
    from .resources import demo_bundle_path

    db = getattr(args, "db", None)
    if db is None:
        # One demo database in the user data folder (never beside a $TRACEDESK_DB), made
        # afresh by every run, rather than a new folder in the temporary folder each time
        # that nothing ever removes.
        from platformdirs import user_data_path

        db = user_data_path("tracedesk", appauthor=False) / "demo.sqlite"
        db.parent.mkdir(parents=True, exist_ok=True)
        for leftover in (db, db.with_name(db.name + "-wal"), db.with_name(db.name + "-shm")):
            leftover.unlink(missing_ok=True)
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
    print(f"  {counted(figures['traces'], 'trace')}, {counted(figures['spans'], 'span')}, "
          f"{figures['feedback']:,} feedback")
    if getattr(args, "no_window", False):
        print(f"Try:  tracedesk --db {db} stats")
        return 0
    print("Opening the window…")
    return _run_gui(db)


def cmd_export(args: argparse.Namespace) -> int:
    from .core.database import open_store
    from .core.export import ExportFilter, ExportOptions, export_cases
    from .core.settings import load_settings

    f = ExportFilter(verdicts=tuple(args.verdicts) if args.verdicts else None, causes=tuple(args.causes),
                     reviewer=args.reviewer, tag=args.tag, source=args.source,
                     since_ns=time_arg(args.since, "since"), until_ns=time_arg(args.until, "until"))
    redact = args.redact or bool(args.redact_pattern)
    patterns = (*load_settings().redact_patterns, *args.redact_pattern) if redact else ()
    options = ExportOptions(redact=redact, patterns=patterns, dataset_name=args.dataset, overwrite=args.force)
    with open_store(args.db) as store, store.read() as conn:
        report = export_cases(conn, args.format, args.out, f, options)
    if args.json:
        print_json(report.as_dict())
        return 0
    print(f"{report.cases:,} eval cases written to {report.path} ({args.format})")
    if report.cases and report.without_expected:
        print(f"  {report.without_expected:,} of them have no expected answer")
    if redact:
        found = ", ".join(f"{n:,} {kind}" for kind, n in report.redacted.items()) or "nothing found"
        print(f"  redacted: {found}")
    return 0


def __getattr__(name: str) -> Any:
    """``default_db_path``, importable from here as before, without loading the database
    layer for commands that do not use it (``--version``, ``--help``)."""
    if name == "default_db_path":
        from .core.store import default_db_path

        return default_db_path
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = ["build_parser", "main", "default_db_path"]  # noqa: F822 - default_db_path comes from __getattr__
