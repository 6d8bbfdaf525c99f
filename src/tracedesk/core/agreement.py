"""Agreement between reviewers, the traces they disagree about, and the settled answers.

A trace reviewed by more than one reviewer is compared on three things:

- ``verdict``: failure, ok or unsure, over every such trace;
- ``cause``: the cause given, over the traces at least two reviewers called a failure
  (those reviewers' causes; no cause is a value of its own);
- ``span``: the step blamed (or "a step is missing after ..."), over the same traces.

For each: Cohen's kappa when exactly two reviewers took part, Fleiss' kappa when more did
(a trace may have any number of reviewers: each trace's agreement is the share of its
pairs of reviewers that agree, the usual extension), and the percent agreement (the share
of traces on which every reviewer said the same). Kappa is ``None`` when chance alone
explains everything (every reviewer always gave one and the same answer). Cohen's kappa
of every pair of reviewers is listed too, so a QA lead sees who disagrees with whom.

A QA lead records the settled answer on a disagreement with :func:`settle`: a row of its
own (``settlement``, one per trace), audited like reviews and undone the same way; the
reviews stay as their reviewers left them.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Hashable, Iterable, Sequence
from dataclasses import dataclass, field
from itertools import combinations
from typing import Any

from sqlalchemy import Connection

from . import audit
from .errors import UserError
from .ids import new_uuid
from .records import format_time
from .reviews import ReviewInput, check_review
from .store import chunked, now_ns, placeholders

DIMENSIONS = ("verdict", "cause", "span")


class SettleError(UserError):
    pass


# The figures. -------------------------------------------------------------------------


def cohens_kappa(pairs: Iterable[tuple[Hashable, Hashable]]) -> tuple[float | None, float | None, float | None]:
    """Cohen's kappa of two raters from their pairs of ratings, with the observed and the
    chance agreement: ``(kappa, p_o, p_e)``; kappa None when ``p_e`` is 1, all None for no pairs."""
    pairs = list(pairs)
    n = len(pairs)
    if not n:
        return None, None, None
    observed = sum(a == b for a, b in pairs) / n
    first = Counter(a for a, _ in pairs)
    second = Counter(b for _, b in pairs)
    expected = sum(first[c] * second[c] for c in first) / (n * n)
    if expected >= 1.0:
        return None, observed, expected
    return (observed - expected) / (1 - expected), observed, expected


def fleiss_kappa(units: Iterable[Sequence[int] | dict[Hashable, int]]) -> tuple[float | None, float | None,
                                                                                  float | None]:
    """Fleiss' kappa from the counts of each category on each unit (a list of counts per
    unit, or a mapping category -> count): ``(kappa, P_bar, P_e)``. Units may have
    different numbers of ratings; a unit with fewer than two is left out."""
    per_unit = []
    totals: Counter[Hashable] = Counter()
    ratings = 0
    for unit in units:
        counts = unit if isinstance(unit, dict) else dict(enumerate(unit))
        n_i = sum(counts.values())
        if n_i < 2:
            continue
        per_unit.append((sum(c * c for c in counts.values()) - n_i) / (n_i * (n_i - 1)))
        totals.update(counts)
        ratings += n_i
    if not per_unit:
        return None, None, None
    p_bar = sum(per_unit) / len(per_unit)
    p_e = sum((c / ratings) ** 2 for c in totals.values())
    if p_e >= 1.0:
        return None, p_bar, p_e
    return (p_bar - p_e) / (1 - p_e), p_bar, p_e


@dataclass(frozen=True)
class Agreement:
    """The agreement on one dimension over the traces compared."""

    dimension: str  # verdict, cause, span
    method: str | None  # "cohen" (two reviewers), "fleiss" (more), None (nothing to compare)
    kappa: float | None
    percent: float | None  # share of the traces on which every reviewer said the same
    traces: int
    reviewers: tuple[str, ...]
    observed: float | None = None  # p_o (Cohen) or P-bar (Fleiss)
    expected: float | None = None  # agreement by chance, p_e

    def as_dict(self) -> dict[str, Any]:
        return {"dimension": self.dimension, "method": self.method, "kappa": _round(self.kappa),
                "percent": _round(self.percent), "traces": self.traces, "reviewers": list(self.reviewers),
                "observed": _round(self.observed), "expected": _round(self.expected)}


@dataclass(frozen=True)
class PairAgreement:
    """Cohen's kappa of two reviewers on one dimension, over the traces both reviewed."""

    dimension: str
    a: str
    b: str
    kappa: float | None
    percent: float | None
    traces: int

    def as_dict(self) -> dict[str, Any]:
        return {"dimension": self.dimension, "a": self.a, "b": self.b, "kappa": _round(self.kappa),
                "percent": _round(self.percent), "traces": self.traces}


def _round(value: float | None) -> float | None:
    return None if value is None else round(value, 6)


# Settled answers. -----------------------------------------------------------------------


@dataclass(frozen=True)
class SettledInfo:
    uuid: str
    trace_pk: int
    author: str
    verdict: str
    cause_uuid: str | None
    cause: str | None  # the cause's path as it is named now
    blamed_span_id: str | None
    missing_step: bool
    notes: str | None
    created_ns: int
    updated_ns: int

    def as_dict(self) -> dict[str, Any]:
        return {"uuid": self.uuid, "author": self.author, "verdict": self.verdict, "cause": self.cause,
                "cause_uuid": self.cause_uuid, "blamed_span_id": self.blamed_span_id,
                "missing_step": self.missing_step, "notes": self.notes,
                "created_time": format_time(self.created_ns), "updated_time": format_time(self.updated_ns)}


_SETTLED_COLUMNS = ("uuid, trace_pk, author, verdict, cause_uuid, blamed_span_id, missing_step, notes, "
                    "created_ns, updated_ns")


def _cause_names(conn: Connection) -> dict[str, str]:
    from .causes import list_causes

    return {c.uuid: c.full_name for c in list_causes(conn, include_retired=True)}


def _settled(conn: Connection, where: str, params: tuple) -> dict[int, SettledInfo]:
    rows = list(conn.exec_driver_sql(f"SELECT {_SETTLED_COLUMNS} FROM settlement WHERE {where}", params))
    names = _cause_names(conn) if rows else {}
    return {r.trace_pk: SettledInfo(uuid=r.uuid, trace_pk=r.trace_pk, author=r.author, verdict=r.verdict,
                                    cause_uuid=r.cause_uuid, cause=names.get(r.cause_uuid),
                                    blamed_span_id=r.blamed_span_id, missing_step=bool(r.missing_step),
                                    notes=r.notes, created_ns=r.created_ns, updated_ns=r.updated_ns)
            for r in rows}


def settlement_of(conn: Connection, trace_pk: int) -> SettledInfo | None:
    """The settled answer on a trace, if one was recorded."""
    return _settled(conn, "trace_pk = ?", (trace_pk,)).get(trace_pk)


def settle(conn: Connection, trace_pk: int, author: str, verdict: str, *, cause: str | None = None,
           blamed_span_id: str | None = None, missing_step: bool = False, notes: str | None = None) -> SettledInfo:
    """Record (or change) the settled answer on a reviewed trace: the verdict, the cause
    (a uuid, name or path), the step to blame or a missing step. Audited as ``author``'s
    change, so it can be undone. Raises SettleError (changing nothing) for a trace without
    reviews, and the review errors for a bad verdict, cause or span."""
    if not conn.exec_driver_sql("SELECT 1 FROM review WHERE trace_pk = ?", (trace_pk,)).first():
        raise SettleError("the trace has no reviews to settle: review it first ('tracedesk annotate')")
    current_cause = conn.exec_driver_sql("SELECT cause_uuid FROM settlement WHERE trace_pk = ?", (trace_pk,)).scalar()
    checked = check_review(conn, trace_pk, author, ReviewInput(verdict, cause=cause, blamed_span_id=blamed_span_id,
                                                           missing_step=missing_step, notes=notes), current_cause)
    values = {"author": checked["reviewer"], "verdict": checked["verdict"], "cause_uuid": checked["cause_uuid"],
              "blamed_span_id": checked["blamed_span_id"], "missing_step": checked["missing_step"],
              "notes": checked["notes"]}
    existing = conn.exec_driver_sql("SELECT uuid FROM settlement WHERE trace_pk = ?", (trace_pk,)).scalar()
    now = now_ns()
    if existing is None:
        audit.write_row(conn, "settlement", new_uuid(), values, author=values["author"], action="settle",
                        create={"trace_pk": trace_pk, "created_ns": now, "updated_ns": now})
    else:
        audit.write_row(conn, "settlement", existing, values, author=values["author"], action="settle",
                        stamp={"updated_ns": now})
    found = settlement_of(conn, trace_pk)
    assert found is not None
    return found


# Reading what reviewers said. -------------------------------------------------------------


def step_label(span_id: str | None, missing: bool, name: str | None = None, kind: str = "") -> str:
    """A blamed step as a reviewer reads it: ``“name” (kind)``, ``missing step after
    “name” (kind)``, ``missing step``, or "" for none (the span id stands for a missing name)."""
    where = f"“{name or span_id}”" + (f" ({kind})" if kind else "") if span_id else ""
    if missing:
        return f"missing step after {where}" if where else "missing step"
    return where


@dataclass(frozen=True)
class Rating:
    """What one reviewer said about a trace, as the comparison reads it."""

    review_uuid: str
    reviewer: str
    verdict: str
    cause_uuid: str | None
    cause: str | None
    blamed_span_id: str | None
    missing_step: bool
    notes: str | None
    updated_ns: int

    def value(self, dimension: str) -> Hashable:
        if dimension == "verdict":
            return self.verdict
        if dimension == "cause":
            return self.cause_uuid
        return step_label(self.blamed_span_id, self.missing_step) or None

    def as_dict(self) -> dict[str, Any]:
        return {"review_uuid": self.review_uuid, "reviewer": self.reviewer, "verdict": self.verdict,
                "cause": self.cause, "cause_uuid": self.cause_uuid, "blamed_span_id": self.blamed_span_id,
                "missing_step": self.missing_step, "notes": self.notes,
                "updated_time": format_time(self.updated_ns)}


@dataclass(frozen=True)
class Disagreement:
    """A trace its reviewers did not agree about, on what (``differs``), and the settled
    answer when one was recorded."""

    trace_pk: int
    source: str
    trace_id: str
    question: str
    differs: tuple[str, ...]  # among DIMENSIONS
    ratings: tuple[Rating, ...]
    settled: SettledInfo | None

    def as_dict(self) -> dict[str, Any]:
        return {"trace_id": self.trace_id, "source": self.source, "question": self.question,
                "differs": list(self.differs), "reviews": [r.as_dict() for r in self.ratings],
                "settled": self.settled.as_dict() if self.settled else None}


@dataclass
class AgreementReport:
    traces: int  # traces reviewed by more than one reviewer
    reviewers: tuple[str, ...]  # who reviewed them
    figures: list[Agreement] = field(default_factory=list)  # one per dimension
    pairs: list[PairAgreement] = field(default_factory=list)
    disagreements: list[Disagreement] = field(default_factory=list)

    def figure(self, dimension: str) -> Agreement:
        return next(f for f in self.figures if f.dimension == dimension)

    def blamed_spans(self) -> set[tuple[int, str]]:
        """``(trace pk, span id)`` of every step blamed in a disagreement or its settled answer."""
        return {(d.trace_pk, x.blamed_span_id) for d in self.disagreements
                for x in (*d.ratings, *((d.settled,) if d.settled else ())) if x.blamed_span_id}

    def as_dict(self) -> dict[str, Any]:
        return {"traces": self.traces, "reviewers": list(self.reviewers),
                "agreement": {f.dimension: f.as_dict() for f in self.figures},
                "pairs": [p.as_dict() for p in self.pairs],
                "disagreements": [d.as_dict() for d in self.disagreements],
                "settled": sum(d.settled is not None for d in self.disagreements)}


def _units(ratings_by_trace: dict[int, list[Rating]], dimension: str) -> dict[int, list[Rating]]:
    """The traces compared on a dimension, with the ratings that count there."""
    if dimension == "verdict":
        return ratings_by_trace
    out = {}
    for pk, ratings in ratings_by_trace.items():
        failures = [r for r in ratings if r.verdict == "failure"]
        if len(failures) >= 2:
            out[pk] = failures
    return out


def _figure(dimension: str, units: dict[int, list[Rating]]) -> tuple[Agreement, list[PairAgreement]]:
    reviewers = tuple(sorted({r.reviewer for ratings in units.values() for r in ratings}))
    percent = (sum(len({r.value(dimension) for r in ratings}) == 1 for ratings in units.values()) / len(units)
               if units else None)
    pairs = []
    for a, b in combinations(reviewers, 2):
        both = []
        for ratings in units.values():
            by = {r.reviewer: r.value(dimension) for r in ratings}
            if a in by and b in by:
                both.append((by[a], by[b]))
        if both:
            kappa, observed, _ = cohens_kappa(both)
            pairs.append(PairAgreement(dimension, a, b, kappa, observed, len(both)))
    if len(reviewers) == 2:
        [pair] = pairs
        _, observed, expected = cohens_kappa(
            (next(r.value(dimension) for r in ratings if r.reviewer == reviewers[0]),
             next(r.value(dimension) for r in ratings if r.reviewer == reviewers[1]))
            for ratings in units.values())
        figure = Agreement(dimension, "cohen", pair.kappa, percent, len(units), reviewers, observed, expected)
    elif reviewers:
        kappa, p_bar, p_e = fleiss_kappa([dict(Counter(r.value(dimension) for r in ratings))
                                          for ratings in units.values()])
        figure = Agreement(dimension, "fleiss", kappa, percent, len(units), reviewers, p_bar, p_e)
    else:
        figure = Agreement(dimension, None, None, None, 0, ())
    return figure, pairs


def agreement(conn: Connection, *, source: str | None = None, unsettled_only: bool = False) -> AgreementReport:
    """Agreement between the reviewers of the traces reviewed by more than one (of one
    source, if given), and the list of disagreements (only those not settled yet, with
    ``unsettled_only``), in the order of the traces."""
    from .queue import trace_conditions
    from .text import user_question

    clauses: list[str] = []
    found: list[Any] = []
    trace_conditions(clauses, found, source=source)
    where, params = " AND ".join(clauses) or "1", tuple(found)
    rows = conn.exec_driver_sql(f"""
        SELECT r.trace_pk, r.uuid, r.reviewer, r.verdict, r.cause_uuid, r.blamed_span_id, r.missing_step,
               r.notes, r.updated_ns
        FROM review r JOIN trace t ON t.id = r.trace_pk
        WHERE {where} AND r.trace_pk IN (
            SELECT trace_pk FROM review GROUP BY trace_pk HAVING count(DISTINCT reviewer) > 1)
        ORDER BY r.trace_pk, r.reviewer, r.updated_ns
    """, params).fetchall()
    names = _cause_names(conn) if rows else {}
    by_trace: dict[int, dict[str, Rating]] = {}
    for r in rows:
        # One rating per reviewer and trace: the latest, should a reviewer have two.
        by_trace.setdefault(r.trace_pk, {})[r.reviewer] = Rating(
            review_uuid=r.uuid, reviewer=r.reviewer, verdict=r.verdict, cause_uuid=r.cause_uuid,
            cause=names.get(r.cause_uuid), blamed_span_id=r.blamed_span_id, missing_step=bool(r.missing_step),
            notes=r.notes, updated_ns=r.updated_ns)
    ratings_by_trace = {pk: list(by.values()) for pk, by in by_trace.items()}
    report = AgreementReport(len(ratings_by_trace),
                             tuple(sorted({r.reviewer for rs in ratings_by_trace.values() for r in rs})))
    differs: dict[int, list[str]] = {}
    for dimension in DIMENSIONS:
        units = _units(ratings_by_trace, dimension)
        figure, pairs = _figure(dimension, units)
        report.figures.append(figure)
        report.pairs.extend(pairs)
        for pk, ratings in units.items():
            if len({r.value(dimension) for r in ratings}) > 1:
                differs.setdefault(pk, []).append(dimension)
    if differs:
        pks = sorted(differs)
        settled: dict[int, SettledInfo] = {}
        facts: dict[int, Any] = {}
        for chunk in chunked(pks):
            marks = placeholders(chunk)
            settled.update(_settled(conn, f"trace_pk IN ({marks})", tuple(chunk)))
            for row in conn.exec_driver_sql(
                    f"SELECT t.id, s.name AS source, t.trace_id, t.input FROM trace t JOIN source s "
                    f"ON s.id = t.source_id WHERE t.id IN ({marks})", tuple(chunk)):
                facts[row.id] = row
        for pk in pks:
            if unsettled_only and pk in settled:
                continue
            fact = facts[pk]
            report.disagreements.append(Disagreement(pk, fact.source, fact.trace_id, user_question(fact.input),
                                                     tuple(differs[pk]), tuple(ratings_by_trace[pk]),
                                                     settled.get(pk)))
    return report
