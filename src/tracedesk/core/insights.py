"""Insights: where failures come from, and whether a change helped.

Every figure is computed in SQL over the review database and comes back as plain
dataclasses; every row carries the :class:`~.queue.QueueFilter` that lists its traces, so a
view can open them in the queue. The figures:

- :func:`failure_rates`: by prompt version, model, tag, source or day, the share of traces
  with a negative signal and, apart, the share of reviewed traces that failed;
- :func:`causes` and :func:`blamed_steps`: the reviewed failures by cause, and by the
  kind and name of the step they blame;
- :func:`runs`: escalation rate, latency and cost per run, by the same fields;
- :func:`questions`: the questions with the most negative signals, and (``kind=
  "empty_retrieval"``) those where retrieval found nothing: knowledge gaps to fill;
- :func:`compare`: two cohorts (two versions, models, tags, sources or date ranges) side by side,
  each signal's and each cause's rate with its Wilson interval and a test of the
  difference.

Definitions: a trace is *flagged* when it has a negative signal; it is *reviewed* when a
review says "failure" or "ok" ("unsure" decides nothing), and a *reviewed failure* when
a review says "failure". Signal rates are over all traces, failure rates over reviewed ones.

The figures read ``ix_trace_facts`` (each trace's id, source, times, model, prompt
version, cost and tags) rather than the trace rows, whose inputs and outputs are large.
"""

from __future__ import annotations

import csv
import dataclasses
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Connection

from .errors import UserError
from .queue import QueueFilter
from .records import format_time
from .signals.detect import NEGATIVE_KINDS
from .stats import compare_rates, wilson
from .store import placeholders, select_named, select_rows
from .text import csv_cell, user_question

BY_FIELDS = ("prompt_version", "model", "tag", "source", "day")
DAY_NS = 86_400 * 10**9
FACTS = "trace t INDEXED BY ix_trace_facts"
_NEGATIVE = "(" + ", ".join(f"'{k}'" for k in NEGATIVE_KINDS) + ")"
_DECIDED = "('failure', 'ok')"


class InsightsError(UserError):
    pass


# Cohorts: which traces a figure looks at. ---------------------------------------------------


@dataclass(frozen=True)
class Cohort:
    """A set of traces: those whose ``field`` is ``value`` (None: has none), and/or that
    started in ``[since_ns, until_ns)``. An empty cohort is every trace."""

    field: str | None = None
    value: str | None = None
    since_ns: int | None = None
    until_ns: int | None = None

    @property
    def label(self) -> str:
        parts = []
        if self.field:
            parts.append(f"{self.field} {self.value if self.value is not None else '(none)'}")
        if self.since_ns is not None or self.until_ns is not None:
            parts.append(f"{_day(self.since_ns) or '…'}..{_day(self.until_ns, end=True) or '…'}")
        return ", ".join(parts) or "all traces"

    def where(self, conn: Connection | None = None) -> tuple[str, list[Any]]:
        """An SQL condition on ``trace t`` and its parameters. With a connection, a source's
        name and a tag's lists are looked up once here, so that the condition costs each
        trace a comparison rather than a subquery or a parse of its tags."""
        clauses, params = [], []
        if self.field:
            clause, more = _field_condition(self.field, self.value, conn)
            clauses.append(clause)
            params += more
        if self.since_ns is not None:
            clauses.append("t.start_ns >= ?")
            params.append(self.since_ns)
        if self.until_ns is not None:
            clauses.append("t.start_ns < ?")
            params.append(self.until_ns)
        return " AND ".join(clauses) or "1", params

    def queue_filter(self, **more: Any) -> QueueFilter:
        """The queue filter of this cohort's traces (reviewed and quiet ones included),
        narrowed by ``more``."""
        f = QueueFilter(include_closed=True, include_quiet=True, since_ns=self.since_ns, until_ns=self.until_ns)
        if self.field:
            f = f.with_(**_filter_of(self.field, self.value))
        return f.with_(**more)

    def as_dict(self) -> dict[str, Any]:
        return {"label": self.label, "field": self.field, "value": self.value,
                "since": _day(self.since_ns), "until": _day(self.until_ns, end=True)}


ALL = Cohort()


def _check_field(name: str, allowed: tuple[str, ...] = BY_FIELDS) -> None:
    if name not in allowed:
        raise InsightsError(f"unknown field '{name}' (known: {', '.join(allowed)})")


# Whether the tag list ``tags`` holds the tag ``?``: the quoted tag in the array's text finds
# the candidates; json_each confirms them.
_HAS_TAG = "(instr({tags}, json_quote(?)) > 0 AND EXISTS (SELECT 1 FROM json_each({tags}) j WHERE j.value = ?))"
# A tag cohort is resolved to its tag lists when there are at most this many distinct lists.
TAG_LISTS_LIMIT = 10_000


def _field_condition(name: str, value: str | None, conn: Connection | None = None) -> tuple[str, list[Any]]:
    _check_field(name)
    if name == "day":
        if value is None:  # traces that carry no time at all
            return "t.start_ns IS NULL", []
        start = parse_day(value)
        return "t.start_ns >= ? AND t.start_ns < ?", [start, start + DAY_NS]
    if name == "source":
        if conn is None:
            return "t.source_id = (SELECT id FROM source WHERE name = ?)", [value]
        found = select_named(conn, "SELECT id FROM source WHERE name = ?", [value]).fetchone()
        return "t.source_id = ?", [found.id if found else None]
    if name == "tag":
        if value is None:
            return "(t.tags IS NULL OR t.tags = '[]')", []
        lists = _tag_lists(conn, value) if conn is not None else None
        if lists is None:
            return _HAS_TAG.format(tags="t.tags"), [value, value]
        if not lists:
            return "0", []
        import orjson

        return "t.tags IN (SELECT value FROM json_each(?))", [orjson.dumps(lists).decode()]
    if value is None:
        return f"t.{name} IS NULL", []
    return f"t.{name} = ?", [value]


def _tag_lists(conn: Connection, tag: str) -> list[str] | None:
    """The distinct tag lists that hold ``tag`` (None: there are more than
    :data:`TAG_LISTS_LIMIT` lists). Traces share few lists: the tags index is read from one
    list to the next, a lookup per list rather than a step per trace, and each list is
    checked once."""
    rows = select_named(conn, f"""
        WITH RECURSIVE list(tags, n) AS (
            SELECT (SELECT tags FROM trace INDEXED BY ix_trace_tags WHERE tags IS NOT NULL ORDER BY tags LIMIT 1), 1
            UNION ALL
            SELECT (SELECT tags FROM trace INDEXED BY ix_trace_tags WHERE tags > list.tags ORDER BY tags LIMIT 1),
                   n + 1
            FROM list WHERE list.tags IS NOT NULL AND n <= ?)
        SELECT tags, {_HAS_TAG.format(tags="tags")} AS has_tag FROM list WHERE tags IS NOT NULL""",
        [TAG_LISTS_LIMIT, tag, tag]).fetchall()
    if len(rows) > TAG_LISTS_LIMIT:
        return None
    return [row.tags for row in rows if row.has_tag]


def _filter_of(name: str, value: str | None) -> dict[str, Any]:
    """The queue filter fields that select the traces whose ``name`` is ``value``."""
    if name == "day" and value is not None:
        start = parse_day(value)
        return {"since_ns": start, "until_ns": start + DAY_NS}
    if value is None:
        return {"unset": (name,)} if name in ("model", "prompt_version", "tag", "day") else {}
    return {name: value}


def parse_day(text: str) -> int:
    """Midnight UTC of a date ``2026-11-20``, in nanoseconds."""
    try:
        day = datetime.strptime(text.strip(), "%Y-%m-%d").replace(tzinfo=UTC)
    except ValueError:
        raise InsightsError(f"'{text}' is not a date (write 2026-11-20)") from None
    return int(day.timestamp()) * 10**9


def parse_range(text: str) -> Cohort:
    """A cohort of days: ``2026-11-01..2026-11-07`` (both days included; either side may be
    left out for an open range)."""
    if ".." not in text:
        raise InsightsError(f"'{text}' is not a date range (write 2026-11-01..2026-11-07)")
    first, last = text.split("..", 1)
    since = parse_day(first) if first.strip() else None
    until = parse_day(last) + DAY_NS if last.strip() else None
    if since is not None and until is not None and until <= since:
        raise InsightsError(f"the range '{text}' ends before it starts")
    return Cohort(since_ns=since, until_ns=until)


def _day(ns: int | None, end: bool = False) -> str | None:
    if ns is None:
        return None
    return datetime.fromtimestamp((ns - (DAY_NS if end else 0)) / 1e9, UTC).strftime("%Y-%m-%d")


# Figures' building blocks. -------------------------------------------------------------------


@dataclass(frozen=True)
class Rate:
    """``count`` of ``total``, with its 95% Wilson interval."""

    count: int
    total: int

    @property
    def value(self) -> float | None:
        return self.count / self.total if self.total else None

    @property
    def interval(self) -> tuple[float, float] | None:
        return wilson(self.count, self.total)

    def as_dict(self) -> dict[str, Any]:
        low, high = self.interval or (None, None)
        return {"count": self.count, "total": self.total, "rate": _round(self.value), "low": _round(low),
                "high": _round(high)}


def _round(x: float | None, digits: int = 6) -> float | None:
    return None if x is None else round(x, digits)


def _grouped(conn: Connection, by: str | None, aggregates: dict[str, str], where: str, params: list[Any],
             within: Cohort, earliest: str | None = None) -> dict[Any, dict[str, Any]]:
    """``aggregates`` (each a name and a sum or count over ``trace t``) per value of ``by``
    (None: one group, keyed None), over the traces of ``within`` that meet ``where``; each
    group's figures by name. Tags are grouped by the whole tag list first (there are few
    distinct lists) and then split: the aggregates are summed then, but for the one named
    ``earliest``, a minimum."""
    cohort, cohort_params = within.where(conn)
    keys = {None: "NULL", "prompt_version": "t.prompt_version", "model": "t.model", "source": "t.source_id",
            "day": f"t.start_ns / {DAY_NS}", "tag": "t.tags"}
    if by is not None:
        _check_field(by)
    # Every trace counted by its tag list: the tags index holds them in order, no sort needed.
    source = "trace t INDEXED BY ix_trace_tags" if by == "tag" and where == "1" and cohort == "1" else FACTS
    figures = ", ".join(f"{sql} AS {name}" for name, sql in aggregates.items())
    sql = f"SELECT {keys[by]} AS k, {figures} FROM {source} WHERE {cohort} AND {where} GROUP BY k"
    rows = select_named(conn, sql, (*cohort_params, *params)).fetchall()

    def values(row: Any) -> dict[str, Any]:
        return {name: getattr(row, name) for name in aggregates}

    if by == "tag":
        merged: dict[Any, dict[str, Any]] = {}
        for row in rows:
            tags = _tags(row.k) or [None]
            for tag in dict.fromkeys(tags):
                acc = merged.setdefault(tag, {name: None if name == earliest else 0 for name in aggregates})
                for name, v in values(row).items():
                    if name == earliest:
                        acc[name] = v if acc[name] is None else acc[name] if v is None else min(acc[name], v)
                    else:
                        acc[name] += v or 0
        return merged
    if by == "source":
        names = dict(select_rows(conn, "SELECT id, name FROM source").fetchall())
        return {names.get(row.k, str(row.k)): values(row) for row in rows}
    if by == "day":
        return {_day(row.k * DAY_NS) if row.k is not None else None: values(row) for row in rows}
    return {row.k: values(row) for row in rows}


def _tags(raw: str | None) -> list[str]:
    import orjson

    try:
        value = orjson.loads(raw) if raw else []
    except orjson.JSONDecodeError:
        return []
    return [str(t) for t in value] if isinstance(value, list) else []


def _order(keys: Iterable[Any], by: str | None, size: dict[Any, int]) -> list[Any]:
    """Days in order; other values by traces, most first (the "(none)" group last)."""
    if by == "day":
        return sorted(keys, key=lambda k: (k is None, k or ""))
    return sorted(keys, key=lambda k: (k is None, -size.get(k, 0), str(k)))


# Failure rates. ------------------------------------------------------------------------------


@dataclass(frozen=True)
class BreakdownRow:
    """One value of a field: its traces, those flagged by a signal, and its reviewed failures."""

    value: str | None  # None: the traces without one
    traces: int
    signals: Rate  # flagged traces / traces
    failures: Rate  # reviewed failures / reviewed traces
    filter: QueueFilter  # every trace of this value
    signals_filter: QueueFilter  # its flagged traces
    failures_filter: QueueFilter  # its reviewed failures
    first_ns: int | None = None  # when its first trace started: which of two versions is the older

    def as_dict(self) -> dict[str, Any]:
        return {"value": self.value, "traces": self.traces, "first_seen": format_time(self.first_ns),
                "signals": self.signals.as_dict(),
                "failures": self.failures.as_dict(), "filter": filter_dict(self.filter),
                "signals_filter": filter_dict(self.signals_filter),
                "failures_filter": filter_dict(self.failures_filter)}


def failure_rates(conn: Connection, by: str, within: Cohort = ALL) -> list[BreakdownRow]:
    """The failure rate of each value of ``by`` (one of :data:`BY_FIELDS`): signals and
    reviewed failures apart."""
    # The first start comes with the count, from the same index: it costs nothing more.
    totals = _grouped(conn, by, {"traces": "count(*)", "first_ns": "min(t.start_ns)"}, "1", [], within,
                      earliest="first_ns")
    flagged = _grouped(conn, by, {"traces": "count(*)"},
                       f"t.id IN (SELECT trace_pk FROM signal WHERE kind IN {_NEGATIVE})", [], within)
    reviewed = _grouped(conn, by, {"reviewed": "count(*)",
                                   "failed": "sum(EXISTS (SELECT 1 FROM review r WHERE r.trace_pk = t.id "
                                             "AND r.verdict = 'failure'))"},
                        f"t.id IN (SELECT trace_pk FROM review WHERE verdict IN {_DECIDED})", [], within)
    size = {k: v["traces"] for k, v in totals.items()}
    out = []
    for key in _order(totals, by, size):
        group = within.queue_filter(**_filter_of(by, key))
        decided = reviewed.get(key, {"reviewed": 0, "failed": 0})
        out.append(BreakdownRow(key, size[key], Rate(flagged.get(key, {"traces": 0})["traces"], size[key]),
                                Rate(decided["failed"] or 0, decided["reviewed"]), group,
                                group.with_(include_quiet=False), group.with_(include_quiet=True, verdict="failure"),
                                totals[key]["first_ns"] or None))
    return out


# Causes and blamed steps. --------------------------------------------------------------------


@dataclass(frozen=True)
class CauseRow:
    cause_uuid: str | None  # None: failures whose review gives no cause
    cause: str  # its path in the taxonomy ("parent / child"), or "(no cause given)"
    failures: Rate  # reviewed failures with this cause / all reviewed failures
    filter: QueueFilter

    def as_dict(self) -> dict[str, Any]:
        return {"cause_uuid": self.cause_uuid, "cause": self.cause, "failures": self.failures.as_dict(),
                "filter": filter_dict(self.filter)}


# A review ``r`` that is its trace's latest failure review: a trace whose reviewers disagree counts once.
_LATEST_FAILURE = ("r.verdict = 'failure' AND r.id = (SELECT max(r2.id) FROM review r2 "
                   "WHERE r2.trace_pk = r.trace_pk AND r2.verdict = 'failure')")


def _failed_reviews(conn: Connection, within: Cohort) -> tuple[str, list[Any]]:
    """The failure reviews of the cohort's traces, one per trace (the latest)."""
    cohort, params = within.where(conn)
    # Reviews are few: each one's trace is looked up, rather than the cohort's traces listed.
    in_cohort = "" if cohort == "1" else f"AND EXISTS (SELECT 1 FROM {FACTS} WHERE t.id = r.trace_pk AND {cohort})"
    return (f"""SELECT r.trace_pk, r.cause_uuid, r.blamed_span_id, r.missing_step FROM review r
                WHERE {_LATEST_FAILURE} {in_cohort}"""), params


def causes(conn: Connection, within: Cohort = ALL) -> list[CauseRow]:
    """The reviewed failures by cause, the most frequent first. A trace whose reviewers
    disagree counts once, with the cause of its latest failure review."""
    from .causes import list_causes

    failed, params = _failed_reviews(conn, within)
    counts = dict(select_rows(conn, f"SELECT cause_uuid, count(*) FROM ({failed}) GROUP BY cause_uuid",
                              params).fetchall())
    total = sum(counts.values())
    names = {c.uuid: c.full_name for c in list_causes(conn, include_retired=True)}
    rows = [CauseRow(uuid, names.get(uuid, uuid) if uuid else "(no cause given)", Rate(n, total),
                     within.queue_filter(verdict="failure", cause=uuid or ""))
            for uuid, n in counts.items()]
    return sorted(rows, key=lambda r: (r.cause_uuid is None, -r.failures.count, r.cause))


@dataclass(frozen=True)
class StepRow:
    kind: str | None  # the blamed step's kind; None for a missing step or no step named
    name: str | None
    missing_step: bool  # the failure is a step the agent did not take
    failures: Rate  # reviewed failures blaming this / all reviewed failures
    filter: QueueFilter

    @property
    def label(self) -> str:
        if self.missing_step:
            return "(a missing step)"
        if self.kind is None:
            return "(no step named)"
        return f"{self.kind} {self.name or ''}".strip()

    def as_dict(self) -> dict[str, Any]:
        return {"kind": self.kind, "name": self.name, "missing_step": self.missing_step, "label": self.label,
                "failures": self.failures.as_dict(), "filter": filter_dict(self.filter)}


def blamed_steps(conn: Connection, within: Cohort = ALL) -> list[StepRow]:
    """The reviewed failures by the kind and name of the step their review blames."""
    failed, params = _failed_reviews(conn, within)
    rows = select_named(conn, f"""
        SELECT CASE WHEN f.missing_step THEN 1 ELSE 0 END AS missing, s.kind, s.name, count(*) AS failures
        FROM ({failed}) f LEFT JOIN span s ON s.trace_pk = f.trace_pk AND s.span_id = f.blamed_span_id
        GROUP BY missing, s.kind, s.name""", params).fetchall()
    total = sum(r.failures for r in rows)
    out = []
    for r in rows:
        if r.missing:
            f = within.queue_filter(verdict="failure", missing_step=True)
        elif r.kind is None:
            f = within.queue_filter(verdict="failure", blamed_kind="")
        else:
            f = within.queue_filter(verdict="failure", blamed_kind=r.kind, blamed_name=r.name)
        out.append(StepRow(r.kind, r.name, bool(r.missing), Rate(r.failures, total), f))
    return sorted(out, key=lambda r: (r.kind is None, -r.failures.count, r.label))


# Runs: escalations, latency, cost. -----------------------------------------------------------


@dataclass(frozen=True)
class RunRow:
    value: str | None  # the value of the field (None: the traces without one, or all traces)
    traces: int
    escalations: Rate  # traces with an escalation signal / traces
    mean_latency_ms: float | None  # over the traces with a start and an end
    mean_cost_usd: float | None  # over the traces whose steps carry a cost
    total_cost_usd: float
    filter: QueueFilter  # every trace of this value
    escalations_filter: QueueFilter

    def as_dict(self) -> dict[str, Any]:
        return {"value": self.value, "traces": self.traces, "escalations": self.escalations.as_dict(),
                "mean_latency_ms": _round(self.mean_latency_ms, 3), "mean_cost_usd": _round(self.mean_cost_usd, 8),
                "total_cost_usd": _round(self.total_cost_usd, 6), "filter": filter_dict(self.filter),
                "escalations_filter": filter_dict(self.escalations_filter)}


def runs(conn: Connection, by: str | None = None, within: Cohort = ALL) -> list[RunRow]:
    """Escalation rate, latency and cost per run, for each value of ``by`` (None: one row
    for every trace of ``within``)."""
    totals = _grouped(conn, by, {"traces": "count(*)", "latency_ns": "sum(t.end_ns - t.start_ns)",
                                 "timed": "count(t.end_ns - t.start_ns)", "cost_total_usd": "sum(t.cost_usd)",
                                 "costed": "count(t.cost_usd)"}, "1", [], within)
    escalated = _grouped(conn, by, {"traces": "count(*)"},
                         "t.id IN (SELECT trace_pk FROM signal WHERE kind = 'escalation')", [], within)
    size = {k: v["traces"] for k, v in totals.items()}
    out = []
    for key in _order(totals, by, size):
        t = totals[key]
        n, cost = t["traces"], t["cost_total_usd"]
        group = within.queue_filter(**(_filter_of(by, key) if by else {}))
        out.append(RunRow(key, n, Rate(escalated.get(key, {"traces": 0})["traces"], n),
                          t["latency_ns"] / t["timed"] / 1e6 if t["timed"] else None,
                          cost / t["costed"] if t["costed"] else None,
                          cost or 0.0, group, group.with_(kinds=("escalation",), include_quiet=False)))
    return out


# Questions. ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class QuestionRow:
    question_key: str  # what makes two questions the same (see queue.question_key)
    question: str  # the words of its latest trace
    traces: int  # its flagged traces (of ``kind``, when asked)
    signals: int  # their negative signals
    filter: QueueFilter

    def as_dict(self) -> dict[str, Any]:
        return {"question_key": self.question_key, "question": self.question, "traces": self.traces,
                "signals": self.signals, "filter": filter_dict(self.filter)}


def questions(conn: Connection, kind: str | None = None, within: Cohort = ALL, limit: int = 20) -> list[QuestionRow]:
    """The questions with the most negative signals; with ``kind`` (e.g. "empty_retrieval":
    where retrieval found nothing), the questions most often flagged with that signal."""
    cohort, params = within.where(conn)
    kinds = f"('{kind}')" if kind in NEGATIVE_KINDS else _NEGATIVE
    if kind is not None and kind not in NEGATIVE_KINDS:
        raise InsightsError(f"unknown signal '{kind}' (known: {', '.join(NEGATIVE_KINDS)})")
    cohort_clause = "" if cohort == "1" else f"AND s.trace_pk IN (SELECT t.id FROM {FACTS} WHERE {cohort})"
    rows = select_named(conn, f"""
        SELECT substr(q.group_key, instr(q.group_key, ':') + 1) AS question, count(DISTINCT s.trace_pk) AS traces,
               count(*) AS signals, max(s.trace_pk) AS latest
        FROM signal s JOIN queue_entry q ON q.trace_pk = s.trace_pk
        WHERE s.kind IN {kinds} AND q.group_key IS NOT NULL {cohort_clause}
        GROUP BY question ORDER BY {'traces' if kind else 'signals'} DESC, traces DESC, question LIMIT ?""",
        (*params, limit)).fetchall()
    inputs = dict(select_rows(conn, f"SELECT id, input FROM trace WHERE id IN ({placeholders(rows)})",
                              [r.latest for r in rows]).fetchall()) if rows else {}
    return [QuestionRow(r.question, user_question(inputs.get(r.latest)), r.traces, r.signals,
                        within.queue_filter(question=r.question, include_quiet=False,
                                            kinds=(kind,) if kind else ()))
            for r in rows]


# Before and after. ---------------------------------------------------------------------------


# A difference between two cohorts is called significant below this p-value, in the
# window and on the command line alike.
SIGNIFICANCE = 0.05


@dataclass(frozen=True)
class CompareRow:
    """One signal's or cause's rate in both cohorts, and whether they differ."""

    measure: str  # "signal", "cause", or "overall"
    key: str  # the signal kind, the cause's uuid ("" for no cause given), or what the overall row counts
    label: str
    a: Rate
    b: Rate
    test: str  # "z" (two-proportion z-test), "fisher" (Fisher's exact test) or "none"
    p_value: float
    a_filter: QueueFilter
    b_filter: QueueFilter

    @property
    def change(self) -> float | None:
        """b's rate minus a's."""
        return None if self.a.value is None or self.b.value is None else self.b.value - self.a.value

    def as_dict(self) -> dict[str, Any]:
        return {"measure": self.measure, "key": self.key, "label": self.label, "a": self.a.as_dict(),
                "b": self.b.as_dict(), "change": _round(self.change), "test": self.test,
                "p_value": _round(self.p_value, 8), "a_filter": filter_dict(self.a_filter),
                "b_filter": filter_dict(self.b_filter)}


@dataclass(frozen=True)
class Comparison:
    a: Cohort
    b: Cohort
    a_traces: int
    b_traces: int
    a_reviewed: int
    b_reviewed: int
    rows: list[CompareRow] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        return {"a": {**self.a.as_dict(), "traces": self.a_traces, "reviewed": self.a_reviewed},
                "b": {**self.b.as_dict(), "traces": self.b_traces, "reviewed": self.b_reviewed},
                "rows": [r.as_dict() for r in self.rows]}


def _counted_in(cohort: Cohort) -> str | None:
    """The index that finds a cohort's traces, if there is one: date ranges in that of start
    times; a tag's traces in that of tag lists (by the lists that hold the tag, then by start
    time); a source's, over all time, in that of its trace ids (SQLite's name for the index of
    the trace table's one unique constraint)."""
    if cohort.field == "source":
        return "sqlite_autoindex_trace_1" if cohort.since_ns is None and cohort.until_ns is None else None
    return {None: "ix_trace_start", "tag": "ix_trace_tags"}.get(cohort.field)


def _sizes(conn: Connection, a: Cohort, b: Cohort, wheres: list[tuple[str, list[Any]]]) -> tuple[int, int]:
    """The traces of ``a`` and of ``b`` (whose conditions are ``wheres``): each in the index
    that finds its traces, when there is one; the others together in one pass over the
    traces' facts."""
    sizes: list[int | None] = [None, None]
    for i, (cohort, (where, params)) in enumerate(zip((a, b), wheres, strict=True)):
        index = _counted_in(cohort)
        if index is not None:
            sizes[i] = select_named(conn, f"SELECT count(*) AS n FROM trace t INDEXED BY {index} WHERE {where}",
                                    params).fetchone().n
    rest = [i for i in (0, 1) if sizes[i] is None]
    if rest:
        conds = [(f"({wheres[i][0]})", wheres[i][1]) for i in rest]
        counts = select_rows(conn, f"SELECT {', '.join(f'count(*) FILTER (WHERE {w})' for w, _ in conds)} "
                             f"FROM {FACTS} WHERE {' OR '.join(w for w, _ in conds)}",
                             [p for _, ps in conds for p in ps] * 2).fetchone()
        for i, n in zip(rest, counts, strict=True):
            sizes[i] = n
    return sizes[0], sizes[1]


def compare(conn: Connection, a: Cohort, b: Cohort) -> Comparison:
    """Each negative signal's rate (over all traces) and each cause's rate (over reviewed
    traces) in ``a`` and in ``b``, with Wilson intervals and a test of the difference."""
    from .causes import list_causes

    wheres = [a.where(conn), b.where(conn)]
    (wa, pa), (wb, pb) = wheres
    in_a, in_b = f"({wa})", f"({wb})"
    both = [*pa, *pb]
    n_a, n_b = _sizes(conn, a, b, wheres)
    # Each flagged trace of a or b with its list of negative signal kinds and the cohorts it is in
    # (1: a, 2: b, 3: both), counted by list (there are few distinct lists), then split by kind.
    # The signals are read in the order of their traces, so that their traces' facts are looked
    # up in order, each page of the index once. The traces come back as one text ("kind,kind:1",
    # apart by spaces) counted here: grouping them in SQL would sort them all first, which costs more.
    sides = f"((({in_a}) IS TRUE) + 2 * (({in_b}) IS TRUE))"
    [(flagged,)] = select_rows(conn, f"""
        SELECT group_concat(kinds, ' ') FROM (
            SELECT group_concat(s.kind) || ':' || {sides} AS kinds
            FROM signal s INDEXED BY ix_signal_trace CROSS JOIN {FACTS}
            WHERE t.id = s.trace_pk AND s.kind IN {_NEGATIVE} AND ({in_a} OR {in_b})
            GROUP BY s.trace_pk)""", [*both, *both]).fetchall()
    signals: dict[str, list[int]] = {}
    any_a = any_b = 0
    for key, n in Counter(flagged.split(" ") if flagged else ()).items():
        kinds, where = key.rsplit(":", 1)
        ka, kb = n * (int(where) & 1), n * (int(where) >> 1)
        any_a, any_b = any_a + ka, any_b + kb
        for kind in set(kinds.split(",")):  # a trace may have a kind twice
            counts = signals.setdefault(kind, [0, 0])
            counts[0] += ka
            counts[1] += kb
    # Reviewed traces, and their failures by cause (a trace counts once: its latest failure review).
    reviewed = select_named(conn, f"""
        SELECT count(*) FILTER (WHERE {in_a}) AS reviewed_a, count(*) FILTER (WHERE {in_b}) AS reviewed_b,
               count(*) FILTER (WHERE {in_a} AND failed) AS failed_a,
               count(*) FILTER (WHERE {in_b} AND failed) AS failed_b
        FROM (SELECT t.id, t.source_id, t.start_ns, t.model, t.prompt_version, t.tags,
                     EXISTS (SELECT 1 FROM review r WHERE r.trace_pk = t.id AND r.verdict = 'failure') AS failed
              FROM {FACTS} WHERE t.id IN (SELECT trace_pk FROM review WHERE verdict IN {_DECIDED})) t
        WHERE {in_a} OR {in_b}""", [*both, *both, *both]).fetchone()
    r_a, r_b, f_a, f_b = reviewed.reviewed_a, reviewed.reviewed_b, reviewed.failed_a, reviewed.failed_b
    # a's causes first, then those only b has: causes with equal counts keep that order.
    by_cause = {c.cause_uuid: c for c in select_named(conn, f"""
        SELECT r.cause_uuid, count(*) FILTER (WHERE {in_a}) AS failures_a,
               count(*) FILTER (WHERE {in_b}) AS failures_b
        FROM review r CROSS JOIN {FACTS}
        WHERE t.id = r.trace_pk AND {_LATEST_FAILURE} AND ({in_a} OR {in_b})
        GROUP BY r.cause_uuid ORDER BY count(*) FILTER (WHERE {in_a}) = 0, r.cause_uuid""", [*both, *both, *pa])}
    names = {c.uuid: c.full_name for c in list_causes(conn, include_retired=True)}

    def row(measure: str, key: str, label: str, ka: int, na: int, kb: int, nb: int, **more: Any) -> CompareRow:
        test = compare_rates(ka, na, kb, nb)
        return CompareRow(measure, key, label, Rate(ka, na), Rate(kb, nb), test.test, test.p_value,
                          a.queue_filter(**more), b.queue_filter(**more))

    rows = [row("overall", "signals", "any negative signal", any_a, n_a, any_b, n_b, include_quiet=False),
            row("overall", "failures", "reviewed failures", f_a, r_a, f_b, r_b, verdict="failure")]
    for kind in NEGATIVE_KINDS:
        if kind in signals:
            ka, kb = signals[kind]
            rows.append(row("signal", kind, kind, ka, n_a, kb, n_b, kinds=(kind,), include_quiet=False))
    causes_rows = [row("cause", uuid or "", names.get(uuid, uuid) if uuid else "(no cause given)",
                       counts.failures_a, r_a, counts.failures_b, r_b, verdict="failure", cause=uuid or "")
                   for uuid, counts in by_cause.items()]
    rows += sorted(causes_rows, key=lambda r: (r.key == "", -(r.a.count + r.b.count), r.label))
    return Comparison(a, b, n_a, n_b, r_a, r_b, rows)


# The whole set, and CSV. ---------------------------------------------------------------------


@dataclass(frozen=True)
class Table:
    """One figure as a table: what a view shows, ``--json`` prints and CSV holds."""

    name: str  # e.g. "failures_by_model"
    title: str
    rows: list[Any]  # of one of the row classes above

    def records(self) -> list[dict[str, Any]]:
        return [r.as_dict() for r in self.rows]

    def as_dict(self) -> dict[str, Any]:
        return {"name": self.name, "title": self.title, "rows": self.records()}


def overview(conn: Connection, by: Iterable[str] = BY_FIELDS, within: Cohort = ALL, limit: int = 20) -> list[Table]:
    """Every figure: failure rates and runs by each field of ``by``, causes, blamed steps,
    the questions with most negative signals, and the knowledge gaps."""
    by = list(by)
    tables = [Table("runs", "Escalations, latency and cost per run", runs(conn, None, within))]
    for name in by:
        tables.append(Table(f"failures_by_{name}", f"Failure rate by {name.replace('_', ' ')}",
                            failure_rates(conn, name, within)))
    for name in by:
        tables.append(Table(f"runs_by_{name}", f"Escalations, latency and cost per run by {name.replace('_', ' ')}",
                            runs(conn, name, within)))
    tables += [Table("causes", "Reviewed failures by cause", causes(conn, within)),
               Table("blamed_steps", "Reviewed failures by the step they blame", blamed_steps(conn, within)),
               Table("questions", "Questions with the most negative signals", questions(conn, None, within, limit)),
               Table("knowledge_gaps", "Questions where retrieval found nothing",
                     questions(conn, "empty_retrieval", within, limit))]
    return tables


def comparison_table(result: Comparison) -> Table:
    return Table("compare", f"{result.a.label} against {result.b.label}", result.rows)


def flatten(record: dict[str, Any], prefix: str = "") -> dict[str, Any]:
    """A record's nested rates as columns (``signals_rate``, ``signals_low``...); filters left out."""
    out: dict[str, Any] = {}
    for key, value in record.items():
        if key == "filter" or key.endswith("_filter"):
            continue
        if isinstance(value, dict):
            out.update(flatten(value, f"{prefix}{key}_"))
        else:
            out[f"{prefix}{key}"] = value
    return out


def write_csv(table: Table, path: Path | str) -> Path:
    """Write one table as CSV (a header row, then a row per figure row); return the path.
    Text that a spreadsheet would run as a formula is written as text (see :func:`csv_cell`)."""
    path = Path(path)
    records = [flatten(r) for r in table.records()]
    columns = list(dict.fromkeys(k for r in records for k in r)) or ["value"]
    with path.open("w", newline="", encoding="utf-8") as fh:
        writer = csv.DictWriter(fh, fieldnames=columns)
        writer.writeheader()
        writer.writerows({k: csv_cell(v) for k, v in r.items()} for r in records)
    return path


def write_all_csv(tables: Iterable[Table], folder: Path | str) -> list[Path]:
    """Write every table as ``<name>.csv`` in ``folder`` (created if needed)."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    return [write_csv(t, folder / f"{t.name}.csv") for t in tables]


def filter_dict(f: QueueFilter) -> dict[str, Any]:
    """The fields of a queue filter that differ from the default, for JSON."""
    default = QueueFilter()
    return {k.name: (list(v) if isinstance(v, tuple) else v) for k in dataclasses.fields(f)
            if (v := getattr(f, k.name)) != getattr(default, k.name)}
