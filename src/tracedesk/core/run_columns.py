"""What the queue shows of each run beside its signals, and what it can be narrowed by:
how long the run took, what it cost, the tokens its steps used, and where its review
stands (the latest verdict and who gave it).

The figures are read for the rows on screen only (a block of a couple of hundred ids at
a time, through the trace's primary key, the steps index and the reviews index), so a
queue of 1,000,000 traces costs no more to scroll. Sorting by them goes through
:func:`tracedesk.core.views.sort_ids`.

:class:`RunFilter` narrows the ids the queue's own filter (:class:`~.queue.QueueFilter`)
selected, keeping their order: by latency, by cost, and by a metadata key's value. A
short queue is checked id by id; a long one by one pass over the traces (latency and
cost read from the narrow facts index).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, NamedTuple

from sqlalchemy import Connection

from .store import chunked, placeholders, select_named
from .verdicts import LATEST_REVIEW_FIRST

# The tokens of a run: the sum over its steps, None when no step says.
TOKENS_SQL = ("(SELECT CASE WHEN count(s.input_tokens) + count(s.output_tokens) > 0 "
              "THEN total(s.input_tokens) + total(s.output_tokens) END FROM span s WHERE s.trace_pk = t.id)")
# The latest review of a run: its verdict, then its reviewer, apart by a unit separator.
REVIEW_SQL = ("(SELECT r.verdict || char(31) || r.reviewer FROM review r WHERE r.trace_pk = t.id "
              f"ORDER BY {LATEST_REVIEW_FIRST} LIMIT 1)")
LATENCY_SQL = "(t.end_ns - t.start_ns)"


@dataclass(frozen=True)
class RunFigures:
    """A run's latency, cost, tokens and review (None where the trace does not say)."""

    latency_ns: int | None
    cost_usd: float | None
    tokens: int | None
    verdict: str | None  # of its latest review: failure, ok, unsure
    reviewer: str | None  # who gave it


def run_figures(conn: Connection, pks: list[int]) -> dict[int, RunFigures]:
    """The figures of the runs ``pks`` (those on screen)."""
    found: dict[int, RunFigures] = {}
    for chunk in chunked(pks):
        for row in select_named(
                conn, f"SELECT t.id, {LATENCY_SQL} AS latency_ns, t.cost_usd, {TOKENS_SQL} AS tokens, "
                      f"{REVIEW_SQL} AS review FROM trace t WHERE t.id IN ({placeholders(chunk)})", tuple(chunk)):
            verdict, _, reviewer = (row.review or "").partition("\x1f")
            found[row.id] = RunFigures(None if row.latency_ns is None else max(0, row.latency_ns), row.cost_usd,
                                       None if row.tokens is None else int(row.tokens), verdict or None,
                                       reviewer or None)
    return found


class SortKey(NamedTuple):
    """What a queue column sorts by, for :func:`tracedesk.core.views.sort_ids`: ``value``
    (SQL) of each run, read from ``source`` and looked up by ``id_column``."""

    id_column: str
    value: str
    source: str


SORT_KEYS = {
    "latency": SortKey("t.id", LATENCY_SQL, "trace t"),
    "cost": SortKey("t.id", "t.cost_usd", "trace t"),
    "tokens": SortKey("t.id", TOKENS_SQL, "trace t"),
    "review": SortKey("t.id", REVIEW_SQL, "trace t"),
}


@dataclass(frozen=True)
class RunFilter:
    """Runs by latency (milliseconds), cost (US dollars) and a metadata key's value; a
    None bound filters nothing. A run that does not say its latency or cost is left out
    by a bound on it."""

    min_latency_ms: float | None = None
    max_latency_ms: float | None = None
    min_cost_usd: float | None = None
    max_cost_usd: float | None = None
    metadata_key: str | None = None
    metadata_value: str | None = None  # None: the key is there, whatever its value

    @property
    def active(self) -> bool:
        return any(v is not None for v in (self.min_latency_ms, self.max_latency_ms, self.min_cost_usd,
                                           self.max_cost_usd, self.metadata_key))

    def where(self) -> tuple[str, list[Any]]:
        """The SQL condition on ``trace t`` and its parameters."""
        clauses: list[str] = []
        params: list[Any] = []
        for bound, sign, value, scale in ((self.min_latency_ms, ">=", LATENCY_SQL, 1e6),
                                          (self.max_latency_ms, "<=", LATENCY_SQL, 1e6),
                                          (self.min_cost_usd, ">=", "t.cost_usd", 1),
                                          (self.max_cost_usd, "<=", "t.cost_usd", 1)):
            if bound is not None:
                clauses.append(f"{value} {sign} ?")
                params.append(bound * scale)
        if self.metadata_key is not None:
            path = '$."' + self.metadata_key.replace('"', '""') + '"'
            clauses.append("json_valid(t.metadata)")  # a row that is not JSON has no key (and no error)
            if self.metadata_value is None:
                clauses.append("json_type(t.metadata, ?) IS NOT NULL")
                params.append(path)
            else:  # a number or a flag is matched as it is written: 3, true
                clauses.append("(CASE json_type(t.metadata, ?) WHEN 'true' THEN 'true' WHEN 'false' THEN 'false' "
                               "ELSE CAST(json_extract(t.metadata, ?) AS TEXT) END) = ?")
                params += [path, path, self.metadata_value]
        return " AND ".join(clauses) or "1", params

    def describe(self) -> str:
        """The filter in words, for the button that shows it: "latency ≥ 2 s, cost ≤ $0.01"."""
        parts = []
        for bound, text in ((self.min_latency_ms, "latency ≥ {}"), (self.max_latency_ms, "latency ≤ {}")):
            if bound is not None:
                parts.append(text.format(f"{bound / 1000:g} s" if bound >= 1000 else f"{bound:g} ms"))
        for bound, text in ((self.min_cost_usd, "cost ≥ ${:g}"), (self.max_cost_usd, "cost ≤ ${:g}")):
            if bound is not None:
                parts.append(text.format(bound))
        if self.metadata_key is not None:
            parts.append(self.metadata_key + ("" if self.metadata_value is None else f" = {self.metadata_value}"))
        return ", ".join(parts)


def parse_metadata(text: str) -> tuple[str | None, str | None]:
    """A metadata filter as typed: ``key=value``, or ``key`` alone for runs that have the key."""
    text = text.strip()
    if not text:
        return None, None
    key, equals, value = text.partition("=")
    key = key.strip()
    if not key:
        return None, None
    return key, value.strip() if equals else None
