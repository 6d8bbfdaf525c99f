"""Explicit signals: what feedback records and imported scores say about a trace.

Feedback is noisy. A rater who marks nearly everything negative tells little about any
one answer, and one who says both "good" and "bad" of the same answer contradicts
themselves; both count for less, and the detail line says so.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection

from ..store import chunked, placeholders, select_named
from ..text import loads_or_none
from .confidence import confidence
from .found import Found, quote
from .phrases import FRUSTRATION, as_the_patterns_read

POLLUTED_SHARE = 0.8  # a rater negative on more than this share of their ratings...
POLLUTED_MIN = 5  # ...over at least this many rated traces counts for less
POLLUTED_FACTOR = 0.15  # below the weakest implicit signal
CONTRADICTION_FACTOR = 0.5
COMMENT_LIMIT = 2000  # characters of a feedback comment read for a complaint: what it says is in its start

_NEGATIVE_WORDS = frozenset({"i", "incorrect", "fail", "failed", "failure", "wrong", "no", "bad", "false",
                             "down", "thumbs_down", "negative", "unhelpful", "error"})
_POSITIVE_WORDS = frozenset({"c", "correct", "pass", "passed", "success", "right", "yes", "good", "true",
                             "up", "thumbs_up", "positive", "helpful"})


@dataclass(slots=True)
class Rating:
    feedback_id: int
    trace_pk: int
    span_id: str | None
    kind: str
    polarity: int  # -1 negative, 0 neutral, +1 positive
    strength: float  # how sure the record itself is, 0..1
    signal: str  # the signal kind it gives when negative
    what: str  # words for the detail line
    rater: str | None
    from_user: bool  # an end user's feedback (a reviewer's or an automated score is trusted)
    comment: str | None = None  # a grader's reason, said with a failing grade


def polarity(kind: str, value: Any, scale: tuple[float | None, float | None], extra: dict | None,
             comment: str | None, correction: Any) -> tuple[int, float, str, str]:
    """(polarity, strength, signal kind, description) of one feedback record."""
    kind = kind.lower()
    if correction is not None or kind == "correction":
        return -1, confidence("correction", "sent"), "correction", "a correction of the answer"
    if kind == "escalation":
        return -1, confidence("escalation", "feedback"), "escalation", "the user escalated"
    if kind == "abandonment":
        return -1, confidence("abandonment", "feedback"), "abandonment", "the user abandoned the chat"
    if extra and extra.get("correct") is False:
        return -1, confidence("failed_eval", "scored_incorrect"), "failed_eval", f"{kind} scored it incorrect"
    if extra and extra.get("correct") is True:
        return 1, confidence("positive_feedback", "scored_correct"), "positive_feedback", f"{kind} scored it correct"
    if kind in ("thumbs", "thumb", "vote", "like"):
        if value in (-1, False, 0) or str(value).lower() in _NEGATIVE_WORDS:
            return -1, confidence("thumbs_down", "vote"), "thumbs_down", "thumbs down"
        if value in (1, True) or str(value).lower() in _POSITIVE_WORDS:
            return 1, confidence("positive_feedback", "thumbs_up"), "positive_feedback", "thumbs up"
        return 0, 0.0, "", ""
    if isinstance(value, bool):
        return (1, confidence("positive_feedback", "passed"), "positive_feedback", f"{kind}: passed") if value else (
            -1, confidence("failed_eval", "failed"), "failed_eval", f"{kind}: failed")
    if isinstance(value, int | float):
        low, high = scale
        if low is None or high is None or high <= low:
            low, high = (0.0, 1.0) if 0 <= value <= 1 else (1.0, 5.0) if value <= 5 else (0.0, 10.0)
        share = (value - low) / (high - low)
        label = f"{kind} {value:g} of {low:g}–{high:g}"
        if share <= 0.34:
            signal, case = ("low_rating", "low") if kind == "rating" else ("failed_eval", "low_score")
            return -1, confidence(signal, case, 1 - share / 0.34), signal, label
        if share >= 0.66:
            return 1, confidence("positive_feedback", "high_score"), "positive_feedback", label
        return 0, 0.0, "", label
    if isinstance(value, str):
        word = value.strip().lower()
        if word in _NEGATIVE_WORDS:
            return -1, confidence("failed_eval", "label"), "failed_eval", f"{kind}: {value}"
        if word in _POSITIVE_WORDS:
            return 1, confidence("positive_feedback", "label"), "positive_feedback", f"{kind}: {value}"
    if comment and FRUSTRATION.search(as_the_patterns_read(comment[:COMMENT_LIMIT])):
        return -1, confidence("negative_comment", "comment"), "negative_comment", f"a comment: {quote(comment, 60)}"
    return 0, 0.0, "", ""


def _ratings(conn: Connection, where: str, params: tuple = ()) -> list[Rating]:
    rows = select_named(conn,
        "SELECT f.id, f.trace_pk, f.span_id, f.kind, f.value, f.scale_min, f.scale_max, f.extra, "
        "f.comment, f.correction, coalesce(f.author, CASE WHEN coalesce(f.feedback_source, 'user') = 'user' "
        "THEN t.user_id END) AS rater, coalesce(f.feedback_source, 'user') = 'user' AS from_user "
        "FROM feedback f JOIN trace t ON t.id = f.trace_pk WHERE " + where, params
    )
    out = []
    for row in rows:
        pol, strength, signal, what = polarity(
            row.kind, loads_or_none(row.value), (row.scale_min, row.scale_max),
            loads_or_none(row.extra) if row.extra else None, row.comment, loads_or_none(row.correction))
        out.append(Rating(feedback_id=row.id, trace_pk=row.trace_pk, span_id=row.span_id, kind=row.kind,
                          polarity=pol, strength=strength, signal=signal, what=what, rater=row.rater,
                          from_user=bool(row.from_user),
                          comment=row.comment if pol < 0 and not row.from_user and row.comment else None))
    return out


def _rater_records(conn: Connection, raters: set[str], scope: str,
                   in_scope: list[Rating]) -> dict[str, tuple[int, int]]:
    """(negative traces, rated traces) of each rater, over the whole database: the
    ratings of the traces in ``scope`` are those already read (``in_scope``), only the
    others are read here."""
    per_trace: dict[tuple[str, int], int] = {}

    def count(ratings: list[Rating]) -> None:
        for r in ratings:
            if r.rater in raters and r.polarity != 0:
                key = (r.rater, r.trace_pk)
                per_trace[key] = min(per_trace.get(key, 1), r.polarity)

    count(in_scope)
    # Each name is bound twice: as the author, and as the user of a trace without one.
    for chunk in chunked(sorted(raters), per_value=2):
        marks = placeholders(chunk)
        count(_ratings(
            conn,
            f"(f.author IN ({marks}) OR (f.author IS NULL AND t.user_id IN ({marks}))) "
            f"AND f.trace_pk NOT IN ({scope})",
            tuple(chunk) * 2,
        ))
    totals: dict[str, tuple[int, int]] = {}
    for (rater, _), pol in per_trace.items():
        neg, rated = totals.get(rater, (0, 0))
        totals[rater] = (neg + (pol < 0), rated + 1)
    return totals


def explicit_signals(conn: Connection, scope: str) -> list[Found]:
    ratings = _ratings(conn, f"f.trace_pk IN ({scope})")
    raters = {r.rater for r in ratings if r.rater and r.polarity != 0}
    records = _rater_records(conn, raters, scope, ratings) if raters else {}
    by_trace_rater: dict[tuple[int, str | None], set[int]] = defaultdict(set)
    for r in ratings:
        by_trace_rater[(r.trace_pk, r.rater)].add(r.polarity)
    found = []
    for r in ratings:
        if r.polarity == 0:
            continue
        confidence = r.strength
        notes = []
        neg, rated = records.get(r.rater, (0, 0)) if r.rater else (0, 0)
        if r.polarity < 0 and r.from_user and rated >= POLLUTED_MIN and neg / rated > POLLUTED_SHARE:
            confidence *= POLLUTED_FACTOR
            notes.append(f"this rater was negative on {neg} of {rated} answers, so it counts for less")
        if r.rater is not None and {-1, 1} <= by_trace_rater[(r.trace_pk, r.rater)]:
            confidence *= CONTRADICTION_FACTOR
            notes.append("the same rater also rated it positively")
        who = f" from {r.rater}" if r.rater else ""
        detail = f"{r.what}{who}" + (f" ({'; '.join(notes)})" if notes else "")
        if r.comment:  # a grader's reason is why the run is in the queue
            detail += f": {quote(r.comment, 120)}"
        found.append(Found(r.trace_pk, r.signal, confidence, detail, r.span_id,
                           {"feedback_kind": r.kind}, r.feedback_id))
    return found
