"""The commands of teamwork: ``share``, ``merge``, ``agreement`` and ``settle``, thin over
:mod:`tracedesk.core.share`, :mod:`~tracedesk.core.merge` and :mod:`~tracedesk.core.agreement`.
:mod:`tracedesk.cli` adds them to its parser and runs them."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from .cli_common import db_argument, print_json, reviewer_argument, reviewer_name, short, time_arg
from .core.errors import UserError
from .core.text import counted, kappa_text, percent_text
from .core.verdicts import VERDICTS


def add_commands(commands: Any) -> None:
    p = commands.add_parser("share", help="write part of the review database as a database of its own, for "
                                          "another reviewer (redacted on request)")
    db_argument(p, top=False)
    p.add_argument("--out", required=True, metavar="FILE", type=Path, help="the database file to write (a new one)")
    p.add_argument("--source", help="traces from this source")
    p.add_argument("--model", help="traces of this model")
    p.add_argument("--prompt-version", help="traces of this prompt version")
    p.add_argument("--since", metavar="TIME", help="traces from this time on (2026-11-20 or RFC 3339)")
    p.add_argument("--until", metavar="TIME", help="traces before this time")
    p.add_argument("--tag", help="traces with this tag, or with a review of this tag")
    p.add_argument("--search", metavar="WORDS", help="traces whose text holds these words")
    p.add_argument("--reviewed", action="store_true", help="only reviewed traces")
    p.add_argument("--verdict", action="append", default=[], choices=VERDICTS, dest="verdicts",
                   help="traces with a review of this verdict (repeatable)")
    p.add_argument("--reviewer", help="traces reviewed by this reviewer")
    p.add_argument("--cause", action="append", default=[], metavar="NAME", dest="causes",
                   help="traces with a review of this cause or one nested below it (repeatable)")
    p.add_argument("--no-reviews", action="store_true",
                   help="leave the reviews out (for a second reviewer who should not see the first one's)")
    p.add_argument("--redact", action="store_true",
                   help="remove e-mail addresses, phone numbers, card numbers, API keys and tokens, and the "
                        "patterns of [redact] in the settings")
    p.add_argument("--redact-pattern", action="append", default=[], metavar="REGEX",
                   help="one more regular expression to redact (repeatable; implies --redact)")
    p.add_argument("--json", action="store_true", help="print the report as JSON")

    p = commands.add_parser("merge", help="bring other review databases into this one: traces, feedback and "
                                          "every reviewer's reviews")
    db_argument(p, top=False)
    p.add_argument("sources", nargs="+", metavar="SOURCE", type=Path, help="review database files to merge")
    reviewer_argument(p)
    p.add_argument("--json", action="store_true", help="print the report as JSON")

    p = commands.add_parser("agreement", help="how far reviewers agree on the traces several reviewed, and where "
                                              "they disagree")
    db_argument(p, top=False)
    p.add_argument("--source", help="only traces from this source")
    p.add_argument("--unsettled", action="store_true", help="list only the disagreements not settled yet")
    p.add_argument("--limit", type=int, default=50, metavar="N", help="disagreements listed (default 50)")
    p.add_argument("--json", action="store_true", help="print the figures and every disagreement as JSON")

    p = commands.add_parser("settle", help="record the settled answer on a trace reviewers disagree about")
    db_argument(p, top=False)
    p.add_argument("trace", metavar="TRACE_ID", help="a trace id, or SOURCE:TRACE_ID")
    p.add_argument("--verdict", required=True, choices=VERDICTS,
                   help="the settled verdict: failure, ok or unsure")
    p.add_argument("--cause", metavar="NAME", help="a cause of the taxonomy")
    blame = p.add_mutually_exclusive_group()
    blame.add_argument("--span", metavar="SPAN_ID", help="the step to blame")
    blame.add_argument("--missing-step", action="store_true", help="the failure is a step the agent did not take")
    p.add_argument("--note", metavar="TEXT", help="why")
    reviewer_argument(p)
    p.add_argument("--json", action="store_true", help="print the settled answer as JSON")


def cmd_share(args: argparse.Namespace) -> int:
    from .core.database import open_store
    from .core.settings import load_settings
    from .core.share import ShareFilter, ShareOptions, share_database

    f = ShareFilter(source=args.source, model=args.model, prompt_version=args.prompt_version,
                    since_ns=time_arg(args.since, "since"), until_ns=time_arg(args.until, "until"),
                    tag=args.tag, text=args.search, reviewed_only=args.reviewed, verdicts=tuple(args.verdicts),
                    reviewer=args.reviewer, causes=tuple(args.causes))
    redact = args.redact or bool(args.redact_pattern)
    patterns = (*load_settings().redact_patterns, *args.redact_pattern) if redact else ()
    options = ShareOptions(redact=redact, patterns=patterns, reviews=not args.no_reviews)
    with open_store(args.db) as store:
        report = share_database(store, args.out, f, options)
    if args.json:
        print_json(report.as_dict())
        return 0
    print(f"{report.path}: {counted(report.traces, 'trace')}, {counted(report.spans, 'span')}, "
          f"{report.feedback:,} feedback, {counted(report.reviews, 'review')}, "
          f"{counted(report.settlements, 'settled answer')}")
    if redact:
        found = ", ".join(f"{n:,} {kind}" for kind, n in report.redacted.items()) or "nothing found"
        print(f"  redacted: {found}")
    return 0


def _author(args: argparse.Namespace) -> str | None:
    try:
        return reviewer_name(args)
    except UserError:
        return None  # a merge needs no name; conflicts it records then carry none


def cmd_merge(args: argparse.Namespace) -> int:
    from .core.database import open_store
    from .core.learning import echoes
    from .core.merge import merge_databases
    from .core.queue import search_echo_backlog
    from .core.store import SCHEMA_VERSION

    author = _author(args)
    with open_store(args.db) as store:
        with store.read() as conn:
            echoed_before = echoes(conn).keys()
        report = merge_databases(store, args.sources, author=author)
        # The merge searched a batch of the failures it brought for the answers like them;
        # the rest are searched now, rather than a few at each later save.
        search_echo_backlog(store)
        with store.read() as conn:
            echoed = echoes(conn).keys() - echoed_before
    if args.json:
        print_json(report.as_dict())
        return 0
    for source in report.sources:
        older = (f" (schema {source.schema}, read through an upgraded copy)" if source.schema != SCHEMA_VERSION
                 else "")
        print(f"{source.path}{older}")
        for name in ("traces", "spans", "feedback", "causes", "reviews", "settlements"):
            t = getattr(source, name)
            extra = f", {t.updated:,} updated" if t.updated else ""
            print(f"  {name + ':':<13} {t.added:,} added{extra}, {t.unchanged:,} already there")
        for c in source.conflicts:
            kept = "the version here" if c.kept == "here" else "the source's"
            print(f"  conflict: {c.label} was changed on both sides; kept {kept} (the newer), the other is in "
                  "the history")
        for warning in source.warnings:
            print(f"  note: {warning}")
    if echoed:
        print(f"{counted(len(echoed), 'trace')} not reviewed now {'gives' if len(echoed) == 1 else 'give'} an "
              "answer judged a failure (like_failure).")
    if not report.changed:
        print("Nothing new: the database already held everything.")
    return 0


def cmd_agreement(args: argparse.Namespace) -> int:
    from .core.agreement import agreement
    from .core.database import open_store

    with open_store(args.db) as store, store.read() as conn:
        report = agreement(conn, source=args.source, unsettled_only=args.unsettled)
    if args.json:
        print_json(report.as_dict())
        return 0
    if not report.traces:
        print("No trace was reviewed by more than one reviewer yet.")
        return 0
    print(f"{counted(report.traces, 'trace')} reviewed by more than one of {', '.join(report.reviewers)}")
    for f in report.figures:
        method = {"cohen": "Cohen's kappa", "fleiss": "Fleiss' kappa"}.get(f.method or "", "kappa")
        print(f"  {f.dimension + ':':<9} {method} {kappa_text(f.kappa, 3)}, agreement {percent_text(f.percent)} "
              f"over {counted(f.traces, 'trace')}")
    if len(report.reviewers) > 2:
        for p in report.pairs:
            print(f"    {p.dimension} {p.a} / {p.b}: kappa {kappa_text(p.kappa, 3)}, "
                  f"agreement {percent_text(p.percent)} over {p.traces:,}")
    shown = report.disagreements[:args.limit]
    total = len(report.disagreements)
    print(f"\n{counted(total, 'disagreement')}" + (f"; the first {len(shown)}:" if len(shown) < total else ":"
                                                   if shown else ""))
    for d in shown:
        print(f"  {d.source}:{d.trace_id}  differs on {', '.join(d.differs)}  {short(d.question, 60)}")
        for r in d.ratings:
            said = [r.verdict, r.cause, r.blamed_span_id and f"step {r.blamed_span_id}",
                    r.missing_step and "a step is missing"]
            print(f"    {r.reviewer}: {', '.join(str(x) for x in said if x)}")
        if d.settled:
            s = d.settled
            said = [s.verdict, s.cause, s.blamed_span_id and f"step {s.blamed_span_id}"]
            print(f"    settled by {s.author}: {', '.join(str(x) for x in said if x)}")
    return 0


def cmd_settle(args: argparse.Namespace) -> int:
    from .core import traces
    from .core.agreement import settle
    from .core.database import open_store

    author = reviewer_name(args)
    with open_store(args.db) as store, store.write() as conn:
        ref = traces.find_trace(conn, args.trace)
        settled = settle(conn, ref.pk, author, args.verdict, cause=args.cause, blamed_span_id=args.span,
                         missing_step=args.missing_step, notes=args.note)
    if args.json:
        print_json({"trace_id": ref.trace_id, "source": ref.source, **settled.as_dict()})
        return 0
    said = [settled.verdict, settled.cause, settled.blamed_span_id and f"step {settled.blamed_span_id}",
            settled.missing_step and "a step is missing"]
    print(f"{ref.source}:{ref.trace_id} settled by {author}: {', '.join(str(x) for x in said if x)}")
    return 0


HANDLERS = {"share": cmd_share, "merge": cmd_merge, "agreement": cmd_agreement, "settle": cmd_settle}
