"""The commands of reviewing: ``snooze``, ``skip`` and ``reopen`` (where traces stand in the
queue), ``annotate``, ``undo`` and ``history`` (reviews and their audit log) and ``causes``
(the failure-cause taxonomy), thin over :mod:`tracedesk.core.queue`,
:mod:`~tracedesk.core.reviews`, :mod:`~tracedesk.core.audit` and :mod:`~tracedesk.core.causes`.
:mod:`tracedesk.cli` adds them to its parser and runs them."""

from __future__ import annotations

import argparse
from typing import Any

from .cli_common import db_argument, print_json, reviewer_argument, reviewer_name, time_arg
from .core.errors import UserError
from .core.verdicts import SEVERITIES, VERDICT_LABELS, VERDICTS


def add_commands(commands: Any) -> None:
    p = commands.add_parser("snooze", help="keep traces out of the queue for a while (a day unless told)")
    db_argument(p, top=False)
    p.add_argument("traces", nargs="+", metavar="TRACE_ID", help="trace ids, or SOURCE:TRACE_ID")
    when = p.add_mutually_exclusive_group()
    when.add_argument("--until", metavar="TIME", help="back in the queue at this time (2026-11-20 or RFC 3339)")
    when.add_argument("--for", dest="for_", metavar="DURATION", help="back in the queue after 3h, 2d, 1w...")

    p = commands.add_parser("skip", help="keep traces out of the queue until they are reopened")
    db_argument(p, top=False)
    p.add_argument("traces", nargs="+", metavar="TRACE_ID", help="trace ids, or SOURCE:TRACE_ID")

    p = commands.add_parser("reopen", help="put snoozed or skipped traces back in the queue")
    db_argument(p, top=False)
    p.add_argument("traces", nargs="+", metavar="TRACE_ID", help="trace ids, or SOURCE:TRACE_ID")

    p = commands.add_parser("annotate", help="review a trace: verdict, cause, the step to blame, the expected answer")
    db_argument(p, top=False)
    p.add_argument("trace", metavar="TRACE_ID", help="a trace id, or SOURCE:TRACE_ID")
    p.add_argument("--verdict", choices=VERDICTS,
                   help="failure, ok (not a failure) or unsure; needed the first time you review a trace")
    p.add_argument("--severity", choices=SEVERITIES,
                   help="how bad the failure is: low, medium, high or critical")
    p.add_argument("--cause", metavar="NAME", help="a cause of the taxonomy (see 'tracedesk causes')")
    blame = p.add_mutually_exclusive_group()
    blame.add_argument("--span", metavar="SPAN_ID", help="the step to blame")
    blame.add_argument("--missing-step", action="store_true", help="the failure is a step the agent did not take")
    p.add_argument("--expected", metavar="TEXT", help="the answer the agent should have given")
    p.add_argument("--note", metavar="TEXT", help="free notes")
    p.add_argument("--tag", action="append", default=None, metavar="T", help="a tag (repeat for several)")
    reviewer_argument(p)
    p.add_argument("--json", action="store_true", help="print the review as JSON")

    p = commands.add_parser("undo", help="undo your last change to a review or a cause")
    db_argument(p, top=False)
    reviewer_argument(p)
    p.add_argument("--json", action="store_true", help="print what was undone as JSON")

    p = commands.add_parser("history", help="the audit log: who changed which review or cause, when, from what to what")
    db_argument(p, top=False)
    p.add_argument("trace", nargs="?", metavar="TRACE_ID", help="only the reviews of this trace")
    p.add_argument("--limit", type=int, default=50, metavar="N", help="the last N changes (default 50)")
    p.add_argument("--json", action="store_true", help="print the entries as JSON")

    p = commands.add_parser("causes", help="the failure-cause taxonomy: list it, add, rename, retire, nest")
    db_argument(p, top=False)
    p.add_argument("--json", action="store_true", help="print the causes as JSON")
    p.add_argument("--all", action="store_true", help="retired causes too")
    edits = p.add_subparsers(dest="action", metavar="ACTION")
    e = edits.add_parser("add", help="add a cause")
    e.add_argument("name")
    e.add_argument("--under", metavar="PARENT", help="nest it below this cause")
    e.add_argument("--description", metavar="TEXT", help="what the cause means, for the other reviewers")
    e = edits.add_parser("rename", help="rename a cause (reviews follow it)")
    e.add_argument("name")
    e.add_argument("new_name", metavar="NEW_NAME")
    for action, text in (("retire", "offer a cause no more (reviews keep it)"), ("restore", "offer it again")):
        e = edits.add_parser(action, help=text)
        e.add_argument("name")
    e = edits.add_parser("nest", help="move a cause below another (or, without --under, to the top)")
    e.add_argument("name")
    e.add_argument("--under", metavar="PARENT", help="the cause to nest it below (left out: the top)")
    for e in edits.choices.values():
        db_argument(e, top=False)
        reviewer_argument(e)


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

    from .core import queue, traces
    from .core.database import open_store

    state, until_ns = None, None
    if args.command == "skip":
        state = queue.SKIPPED
    elif args.command == "snooze":
        state = queue.SNOOZED
        if args.until:
            until_ns = time_arg(args.until, "until")
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


def cmd_annotate(args: argparse.Namespace) -> int:
    from .core import reviews, traces
    from .core.database import open_store

    reviewer = reviewer_name(args)
    changes: dict[str, Any] = {}  # reviewing again changes only what is given
    if args.verdict is not None:
        changes["verdict"] = args.verdict
    if args.severity is not None:
        changes["severity"] = args.severity
    if args.cause is not None:
        changes["cause"] = args.cause
    if args.span is not None:
        changes.update(blamed_span_id=args.span, missing_step=False)
    if args.missing_step:
        changes.update(blamed_span_id=None, missing_step=True)
    if args.expected is not None:
        changes["expected"] = args.expected
    if args.note is not None:
        changes["notes"] = args.note
    if args.tag is not None:
        changes["tags"] = args.tag
    if not changes:
        raise UserError("nothing to change: give --verdict, --severity, --cause, --span, --missing-step, "
                        "--expected, --note or --tag")
    with open_store(args.db) as store, store.write() as conn:
        ref = traces.find_trace(conn, args.trace)
        try:
            review = reviews.update_review(conn, ref.pk, reviewer, **changes)
        except reviews.NeedsVerdict:
            raise UserError(f"{ref.source}:{ref.trace_id} has no review by {reviewer} yet: a first review needs "
                            "--verdict failure, ok or unsure") from None
    if args.json:
        print_json({"trace_id": ref.trace_id, "source": ref.source, **review.as_dict()})
        return 0
    what = [VERDICT_LABELS[review.verdict]]
    what += [f"{k} {v}" for k, v in (("severity", review.severity), ("cause", review.cause),
                                     ("step", review.blamed_span_id)) if v]
    if review.missing_step:
        what.append("a step is missing")
    print(f"{ref.source}:{ref.trace_id} reviewed by {reviewer}: {', '.join(what)}")
    return 0


def cmd_undo(args: argparse.Namespace) -> int:
    from .core import reviews
    from .core.database import open_store
    from .core.records import format_time

    author = reviewer_name(args)
    with open_store(args.db) as store, store.write() as conn:
        result = reviews.undo(conn, author)
    if args.json:
        print_json({"undone": result.undone.as_dict(), "entry": result.entry.as_dict()})
    else:
        print(f"undone: {result.undone.describe_change()} (from {format_time(result.undone.time_ns)})")
    return 0


def cmd_history(args: argparse.Namespace) -> int:
    from .core import audit, traces
    from .core.database import open_store
    from .core.records import format_time

    with open_store(args.db) as store, store.read() as conn:
        trace_pk = traces.find_trace(conn, args.trace).pk if args.trace else None
        entries = audit.history(conn, trace_pk=trace_pk, limit=args.limit)
    if args.json:
        print_json([e.as_dict() for e in entries])
        return 0
    if not entries:
        print("No changes recorded yet.")
    for e in entries:
        undone = "  (undone)" if e.undone else ""
        print(f"{format_time(e.time_ns)}  {e.author or '-'}  {e.describe_change()}{undone}")
    return 0


def cmd_causes(args: argparse.Namespace) -> int:
    from .core import causes
    from .core.database import open_store

    action = getattr(args, "action", None)
    with open_store(args.db) as store:
        if action is not None:
            author = reviewer_name(args)
            with store.write() as conn:
                if action == "add":
                    done = causes.add_cause(conn, args.name, author=author, parent=args.under,
                                            description=args.description)
                elif action == "rename":
                    done = causes.rename_cause(conn, args.name, args.new_name, author=author)
                elif action in ("retire", "restore"):
                    done = causes.retire_cause(conn, args.name, author=author, retired=action == "retire")
                else:
                    done = causes.nest_cause(conn, args.name, args.under, author=author)
            if args.json:
                print_json(done.as_dict())
            else:
                print(f"{action}: {done.full_name}{' (retired)' if done.retired else ''}")
            return 0
        with store.read() as conn:
            found = causes.list_causes(conn, include_retired=args.all)
    if args.json:
        print_json([c.as_dict() for c in found])
        return 0
    for c in found:
        print(f"{'  ' * c.depth}{c.name}{'  (retired)' if c.retired else ''}")
    return 0


HANDLERS = {"snooze": cmd_set_state, "skip": cmd_set_state, "reopen": cmd_set_state, "annotate": cmd_annotate,
            "undo": cmd_undo, "history": cmd_history, "causes": cmd_causes}
