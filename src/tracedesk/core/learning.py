"""What the queue learns from the reviewers: how often each kind of signal turned out to
be a real defect in this database.

Every verdict is a label. A reviewed trace whose strongest signal is a ``rephrase`` flag
and that was judged a failure confirms the flag; judged ok, it refutes it ("unsure" says
nothing).
Each kind's precision here is estimated as a Beta posterior whose prior is the
confidence table's (:func:`.signals.confidence.prior_precision`) worth
``PRIOR_WEIGHT`` verdicts, so that three verdicts move it a little and forty move it a
lot::

    precision = (prior × PRIOR_WEIGHT + confirmed) / (PRIOR_WEIGHT + reviewed)

A signal's confidence is then moved by as much as its kind's precision moved from the
prior, in log-odds (:func:`calibrated`): a rephrase flag of 0.7 in a database where
rephrase flags were confirmed 12 of 40 times counts for about 0.45. The unreviewed traces
are ranked with it.

The estimates are stored in ``meta`` (key ``learned_precision``) with the verdicts they
came from, and, as the priorities were last computed with them, under
``learned_precision_applied``; :func:`forget` sets them aside (the verdicts before it stop counting), for a
database whose traffic or detectors changed.

This module reads and computes; :func:`..queue.relearn` decides when the queue's
priorities must follow.
"""

from __future__ import annotations

import math
import time
from dataclasses import dataclass
from typing import Any

import orjson
from sqlalchemy import Connection

from .signals.confidence import NEGATIVE_KINDS, prior_precision

PRIOR_WEIGHT = 10.0  # the table's prior counts as this many verdicts
MOVED = 0.02  # a kind's precision moved by more than this re-ranks its traces
_KEY = "learned_precision"
_NEGATIVE = ", ".join(f"'{kind}'" for kind in NEGATIVE_KINDS)
_APPLIED = "learned_precision_applied"
_SINCE_KEY = "learning_since_ns"


@dataclass(frozen=True)
class Learned:
    """A kind of signal's precision in this database."""

    kind: str
    prior: float
    confirmed: int
    reviewed: int

    @property
    def precision(self) -> float:
        return (self.prior * PRIOR_WEIGHT + self.confirmed) / (PRIOR_WEIGHT + self.reviewed)

    @property
    def basis(self) -> str:
        """In words, for a reason line: "confirmed 12 of 40 times here"."""
        if not self.reviewed:
            return "not reviewed here yet"
        times = "time" if self.reviewed == 1 else "times"
        return f"confirmed {self.confirmed} of {self.reviewed} {times} here"

    def as_dict(self) -> dict[str, Any]:
        return {"signal": self.kind, "prior": self.prior, "confirmed": self.confirmed, "reviewed": self.reviewed,
                "precision": round(self.precision, 3)}


def count_verdicts(conn: Connection) -> dict[str, Learned]:
    """Each negative signal kind's confirmed and reviewed traces, from the reviews since
    the last :func:`forget`: a reviewed trace counts for its strongest negative signal. A
    trace reviewed by several people counts once, by the verdict most of them gave (a tie,
    or only "unsure", counts for nothing)."""
    since = conn.exec_driver_sql(f"SELECT value FROM meta WHERE key = '{_SINCE_KEY}'").scalar()
    since_ns = int(since) if since else 0
    counts: dict[str, list[int]] = {}
    # A verdict speaks for the trace's strongest signal: a thumbs-down and an unusual
    # latency on a failed run confirm the thumbs-down, not the latency.
    for kind, confirmed, reviewed in conn.exec_driver_sql(f"""
        WITH judged AS (
            SELECT trace_pk, sum(verdict = 'failure') AS fail, sum(verdict = 'ok') AS ok
            FROM review WHERE updated_ns >= ? AND verdict IN ('failure', 'ok') GROUP BY trace_pk),
        decided AS (SELECT trace_pk, fail > ok AS failed FROM judged WHERE fail != ok),
        strongest AS (
            SELECT s.trace_pk, s.kind, row_number() OVER (
                PARTITION BY s.trace_pk ORDER BY s.confidence DESC, s.kind) AS place
            FROM signal s WHERE s.trace_pk IN (SELECT trace_pk FROM decided) AND s.kind IN ({_NEGATIVE}))
        SELECT s.kind, sum(d.failed), count(*) FROM decided d
        JOIN strongest s ON s.trace_pk = d.trace_pk AND s.place = 1
        GROUP BY s.kind
    """, (since_ns,)):
        counts[kind] = [int(confirmed or 0), int(reviewed)]
    return {kind: Learned(kind, prior_precision(kind), *counts.get(kind, (0, 0))) for kind in NEGATIVE_KINDS}


def stored(conn: Connection, *, applied: bool = True) -> dict[str, Learned]:
    """The estimates the queue's priorities were last computed with (``applied``), or the
    latest count of the verdicts, which reasons show (the two differ by less than
    :data:`MOVED`). None stored: the priors."""
    raw = conn.exec_driver_sql("SELECT value FROM meta WHERE key = ?", (_APPLIED if applied else _KEY,)).scalar()
    if not raw:
        return {}
    try:
        data = orjson.loads(raw)
        return {kind: Learned(kind, float(v["prior"]), int(v["confirmed"]), int(v["reviewed"]))
                for kind, v in data.items()}
    except (orjson.JSONDecodeError, KeyError, TypeError, ValueError, AttributeError):
        return {}  # a damaged entry: start again from the priors


def store(conn: Connection, learned: dict[str, Learned], *, applied: bool) -> None:
    value = orjson.dumps({k: v.as_dict() for k, v in learned.items() if v.reviewed}).decode()
    conn.exec_driver_sql(
        "INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        (_APPLIED if applied else _KEY, value))


def moved(old: dict[str, Learned], new: dict[str, Learned]) -> set[str]:
    """The kinds whose precision moved enough to re-rank their traces."""
    def precision(table: dict[str, Learned], kind: str) -> float:
        found = table.get(kind)
        return found.precision if found else prior_precision(kind)

    return {kind for kind in set(old) | set(new) if abs(precision(old, kind) - precision(new, kind)) > MOVED}


def forget(conn: Connection) -> None:
    """Set aside what was learned: the verdicts given so far stop counting."""
    conn.exec_driver_sql(
        f"INSERT INTO meta (key, value) VALUES ('{_SINCE_KEY}', ?) "
        "ON CONFLICT (key) DO UPDATE SET value = excluded.value", (str(time.time_ns()),))
    conn.exec_driver_sql("DELETE FROM meta WHERE key IN (?, ?)", (_KEY, _APPLIED))


def calibrated(confidence: float, learned: Learned | None) -> float:
    """A signal's confidence, moved in log-odds by as much as its kind's precision here
    moved from the prior."""
    if learned is None or not learned.reviewed:
        return confidence
    shift = _logit(learned.precision) - _logit(learned.prior)
    return round(1 / (1 + math.exp(-(_logit(confidence) + shift))), 4)


def _logit(p: float) -> float:
    p = min(0.999, max(0.001, p))
    return math.log(p / (1 - p))
