"""Reviews: a reviewer's verdict on a trace, the cause, the step to blame, the expected
answer, notes and tags.

A reviewer has one review per trace: saving again changes it. Every change is written to
the audit log (see :mod:`.audit`; :func:`undo` reverses them), and moves the trace in the
failure queue: a reviewed trace leaves the queue, and comes back when its review is
undone or deleted.

The window's review panel and ``tracedesk annotate`` use the same calls::

    draft = review_draft(conn, trace_pk, "ann")       # her review, or a new one
    draft.input.verdict = "failure"
    draft.input.expected = draft.expected_start       # the editor starts from the actual answer
    save_review(conn, trace_pk, "ann", draft.input)
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any

import orjson
from sqlalchemy import Connection

from . import audit, queue
from .causes import find_cause
from .errors import UserError
from .ids import new_uuid
from .records import format_time
from .store import now_ns
from .text import loads_or_none
from .verdicts import SEVERITIES, VERDICTS


class ReviewError(UserError):
    pass


class NeedsVerdict(ReviewError):
    """A change to a trace the reviewer has not reviewed yet, without a verdict: nothing
    is saved until the verdict comes."""


@dataclass
class ReviewInput:
    """What a reviewer says about a trace; what :func:`save_review` takes."""

    verdict: str
    severity: str | None = None
    cause: str | None = None  # a cause's uuid, name or path
    blamed_span_id: str | None = None  # the step to blame (with missing_step: where the missing one belonged)
    missing_step: bool = False  # the failure is a step the agent did not take
    expected: Any = None  # the answer it should have given (text, or a JSON value); None: not said
    notes: str | None = None
    tags: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class ReviewInfo:
    """A stored review, as views and ``show --json`` read it."""

    uuid: str
    trace_pk: int
    reviewer: str
    verdict: str
    severity: str | None
    cause_uuid: str | None
    cause: str | None  # the cause's path ("parent / child"), as it is named now
    blamed_span_id: str | None
    missing_step: bool
    expected: Any
    notes: str | None
    tags: tuple[str, ...]
    created_ns: int
    updated_ns: int

    def as_input(self) -> ReviewInput:
        return ReviewInput(self.verdict, self.severity, self.cause_uuid, self.blamed_span_id, self.missing_step,
                           self.expected, self.notes, list(self.tags))

    def as_dict(self) -> dict[str, Any]:
        return {"uuid": self.uuid, "reviewer": self.reviewer, "verdict": self.verdict, "severity": self.severity,
                "cause": self.cause, "cause_uuid": self.cause_uuid, "blamed_span_id": self.blamed_span_id,
                "missing_step": self.missing_step, "expected": self.expected, "notes": self.notes,
                "tags": list(self.tags), "created_time": format_time(self.created_ns),
                "updated_time": format_time(self.updated_ns)}


@dataclass
class ReviewDraft:
    """Where a review panel starts: the reviewer's review of the trace (``existing``), or a
    new one; ``expected_start`` is what the expected-answer editor shows first (the review's
    expected answer, else the correction a user or rater sent with their feedback, else the
    trace's actual answer)."""

    input: ReviewInput
    existing: ReviewInfo | None
    actual: Any  # the trace's output as stored
    correction: Any = None  # the latest "what the answer should have been" of its feedback

    @property
    def expected_start(self) -> Any:
        for start in (self.input.expected, self.correction):
            if start is not None:
                return start
        return self.actual

    @property
    def expected_origin(self) -> str:
        """Where :attr:`expected_start` comes from: "review" (the reviewer's own),
        "correction" (sent with the feedback) or "actual" (the run's answer)."""
        if self.input.expected is not None:
            return "review"
        return "correction" if self.correction is not None else "actual"


_COLUMNS = ("r.uuid, r.trace_pk, r.reviewer, r.verdict, r.severity, r.cause_uuid, r.blamed_span_id, "
            "r.missing_step, r.expected, r.notes, r.tags, r.created_ns, r.updated_ns")


def _infos(conn: Connection, where: str, params: tuple) -> list[ReviewInfo]:
    from .causes import list_causes

    rows = list(conn.exec_driver_sql(f"SELECT {_COLUMNS} FROM review r WHERE {where} ORDER BY r.created_ns, r.id",
                                     params))
    names = {c.uuid: c.full_name for c in list_causes(conn, include_retired=True)} if rows else {}
    return [ReviewInfo(uuid=r.uuid, trace_pk=r.trace_pk, reviewer=r.reviewer, verdict=r.verdict, severity=r.severity,
                       cause_uuid=r.cause_uuid, cause=names.get(r.cause_uuid), blamed_span_id=r.blamed_span_id,
                       missing_step=bool(r.missing_step), expected=loads_or_none(r.expected), notes=r.notes,
                       tags=tuple(loads_or_none(r.tags) or ()), created_ns=r.created_ns, updated_ns=r.updated_ns)
            for r in rows]


def reviews_of(conn: Connection, trace_pk: int) -> list[ReviewInfo]:
    """Every review of one trace, the first made first."""
    return _infos(conn, "r.trace_pk = ?", (trace_pk,))


def get_review(conn: Connection, review_uuid: str) -> ReviewInfo:
    found = _infos(conn, "r.uuid = ?", (review_uuid,))
    if not found:
        raise ReviewError(f"no review '{review_uuid}' in this database")
    return found[0]


def review_by(conn: Connection, trace_pk: int, reviewer: str) -> ReviewInfo | None:
    found = _infos(conn, "r.trace_pk = ? AND r.reviewer = ?", (trace_pk, reviewer))
    return found[0] if found else None


def reviewers(conn: Connection) -> list[str]:
    """The names of everyone who reviewed a trace of this database, in order."""
    return [r for (r,) in conn.exec_driver_sql("SELECT DISTINCT reviewer FROM review ORDER BY reviewer")]


def review_tags(conn: Connection, limit: int = 200) -> list[str]:
    """The tags reviews were given, in order (the first ``limit``)."""
    return [t for (t,) in conn.exec_driver_sql(
        "SELECT DISTINCT j.value FROM review r, json_each(r.tags) j ORDER BY 1 LIMIT ?", (limit,))]


@dataclass(frozen=True)
class ExpectedAnswer:
    """The answer a reviewer expected of a trace, and when they last said so."""

    reviewer: str
    expected: Any
    updated_ns: int


def expected_answer(conn: Connection, trace_pk: int) -> ExpectedAnswer | None:
    """The expected answer of the trace's latest review that gives one (``reviews_of``)."""
    given = [r for r in reviews_of(conn, trace_pk) if r.expected not in (None, "")]
    if not given:
        return None
    latest = max(given, key=lambda r: r.updated_ns)
    return ExpectedAnswer(latest.reviewer, latest.expected, latest.updated_ns)


def review_draft(conn: Connection, trace_pk: int, reviewer: str) -> ReviewDraft:
    existing = review_by(conn, trace_pk, reviewer)
    actual = conn.exec_driver_sql("SELECT output FROM trace WHERE id = ?", (trace_pk,)).scalar()
    data = existing.as_input() if existing else ReviewInput(verdict="failure")
    correction = conn.exec_driver_sql(
        "SELECT correction FROM feedback WHERE trace_pk = ? AND correction IS NOT NULL AND correction != 'null' "
        "ORDER BY id DESC LIMIT 1", (trace_pk,)).scalar()
    return ReviewDraft(data, existing, loads_or_none(actual), loads_or_none(correction))


def check_review(conn: Connection, trace_pk: int, reviewer: str, data: ReviewInput,
             current_cause: str | None = None) -> dict[str, Any]:
    """The review's columns from ``data``, or a ReviewError saying what is wrong. A settled
    answer (:func:`.agreement.settle`) is checked by the same rules.
    ``current_cause`` is the cause the row being changed has now: a row may keep a cause
    that has been retired since, but no row takes a retired cause anew."""
    if not reviewer or not reviewer.strip():
        raise ReviewError("a review needs the reviewer's name")
    if data.verdict not in VERDICTS:
        raise ReviewError(f"the verdict must be one of {', '.join(VERDICTS)}, not '{data.verdict}'")
    if data.severity is not None and data.severity not in SEVERITIES:
        raise ReviewError(f"the severity must be one of {', '.join(SEVERITIES)}, not '{data.severity}'")
    cause_uuid = None
    if data.cause:
        cause = find_cause(conn, data.cause, allow_retired=True)
        if cause.retired and cause.uuid != current_cause:
            find_cause(conn, data.cause)  # raises: the cause is retired
        cause_uuid = cause.uuid
    if data.blamed_span_id is not None and not conn.exec_driver_sql(
            "SELECT 1 FROM span WHERE trace_pk = ? AND span_id = ?", (trace_pk, data.blamed_span_id)).first():
        ids = list(conn.exec_driver_sql(
            "SELECT span_id FROM span WHERE trace_pk = ? ORDER BY start_ns, id LIMIT 11", (trace_pk,)).scalars())
        listed = ", ".join(ids[:10]) + (", ..." if len(ids) > 10 else "")
        named = list(conn.exec_driver_sql(  # a step's name given for its id
            "SELECT span_id FROM span WHERE trace_pk = ? AND name = ? ORDER BY start_ns, id LIMIT 3",
            (trace_pk, data.blamed_span_id)).scalars())
        if len(named) == 1:
            raise ReviewError(f"the trace has no span '{data.blamed_span_id}': '{data.blamed_span_id}' is the name "
                              f"of step {named[0]}: give its id, {named[0]}")
        raise ReviewError(f"the trace has no span '{data.blamed_span_id}' (its spans: {listed or 'none'})")
    tags: list[str] = []
    for tag in data.tags:
        tag = " ".join(str(tag).split())
        if tag and tag not in tags:
            tags.append(tag)
    notes = (data.notes or "").strip() or None
    return {"reviewer": reviewer.strip(), "verdict": data.verdict, "severity": data.severity,
            "cause_uuid": cause_uuid, "blamed_span_id": data.blamed_span_id, "missing_step": int(data.missing_step),
            "expected": None if data.expected is None else orjson.dumps(data.expected).decode(),
            "notes": notes, "tags": orjson.dumps(tags).decode() if tags else None}


def save_review(conn: Connection, trace_pk: int, reviewer: str, data: ReviewInput) -> ReviewInfo:
    """Create or change ``reviewer``'s review of the trace; audited; the trace leaves the
    queue. Raises ReviewError (and changes nothing) for a bad verdict, severity, cause or span."""
    if not conn.exec_driver_sql("SELECT 1 FROM trace WHERE id = ?", (trace_pk,)).first():
        raise ReviewError(f"no trace with key {trace_pk} in this database")
    existing = conn.exec_driver_sql(
        "SELECT uuid, cause_uuid FROM review WHERE trace_pk = ? AND reviewer = ?",
        (trace_pk, (reviewer or "").strip())).first()
    values = check_review(conn, trace_pk, reviewer, data, existing.cause_uuid if existing else None)
    now = now_ns()
    if existing is None:
        uuid = new_uuid()
        audit.write_row(conn, "review", uuid, values, author=values["reviewer"], action="create",
                        create={"trace_pk": trace_pk, "created_ns": now, "updated_ns": now})
    else:
        uuid = existing.uuid
        audit.write_row(conn, "review", uuid, values, author=values["reviewer"], action="update",
                        stamp={"updated_ns": now})
    queue.refresh_trace(conn, trace_pk)
    return get_review(conn, uuid)


def update_review(conn: Connection, trace_pk: int, reviewer: str, **changes: Any) -> ReviewInfo:
    """Change some fields of ``reviewer``'s review (creating it when ``verdict`` is among
    them), keeping the others: what ``tracedesk annotate`` does on a trace already reviewed."""
    existing = review_by(conn, trace_pk, reviewer)
    if existing is None and "verdict" not in changes:
        raise NeedsVerdict("a new review needs a verdict")
    base = existing.as_input() if existing else ReviewInput(verdict=changes["verdict"])
    return save_review(conn, trace_pk, reviewer, replace(base, **changes))


def undo(conn: Connection, author: str, entry_uuid: str | None = None) -> audit.UndoResult:
    """Reverse ``author``'s last change to a review, a cause or a settled answer (or the
    audit entry named), and move its trace in the queue: an undone review puts the trace
    back. Raises NothingToUndo or UserError, with nothing changed, when it cannot."""
    result = audit.undo(conn, author, entry_uuid)
    if result.trace_pk is not None:
        queue.refresh_trace(conn, result.trace_pk)
    return result


def delete_review(conn: Connection, review_uuid: str, author: str) -> None:
    """Delete a review (audited, so it can be undone); its trace returns to the queue."""
    before = audit.snapshot(conn, "review", review_uuid)
    if before is None:
        raise ReviewError(f"no review '{review_uuid}' in this database")
    conn.exec_driver_sql("DELETE FROM review WHERE uuid = ?", (review_uuid,))
    audit.record(conn, author, "delete", "review", review_uuid, before, None)
    queue.refresh_trace(conn, before["trace_pk"])
