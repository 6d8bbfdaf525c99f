"""Implicit signals in the steps of a run: a failure the answer hid, a retrieval that found
nothing, a tool called again and again with the same arguments, a step far beyond its
usual latency, tokens or cost. Most of the work is SQL over the span table, reading the
index that holds each step's kind, status, name, times and usage (``ix_span_steps``) rather
than the rows themselves, whose inputs and outputs are large."""

from __future__ import annotations

import statistics
from collections import defaultdict
from collections.abc import Iterable
from typing import NamedTuple

from sqlalchemy import Connection

from ..store import chunked, executemany, placeholders, select_named, select_rows
from ..text import loads_or_none, retrieved_documents, text_of_json
from .answer_phrases import ANSWER_ADMITS_FAILURE
from .confidence import confidence
from .found import Found, quote

LOOP_MIN_CALLS = 3
LOW_RELEVANCE = 0.3  # retrieval scores below this (on a 0-1 scale) count as nothing found
# ...and, for a retriever whose usual best match is known, a best match under this share of
# it: a search that found nothing like what it finds (its scale is its own: one model's 0.35
# is another's 0.7).
USUAL_SHARE = 0.5
USUAL_SAMPLE = 1000  # retrievals read to know a retriever's usual best match
OUTLIER_FACTOR = 8.0  # a step this many times its median...
OUTLIER_MIN_STEPS = 20  # ...among at least this many of the same kind and name
MEDIAN_SAMPLE_STEPS = 10_000  # the usual of a step is measured on a sample of about this many
FAILING_KINDS = "('tool', 'retrieval', 'llm', 'embedding', 'guardrail')"


class _Answers(dict):
    """The final answer of a trace, as text, read when a detector first asks for it: from
    the trace output the conversation detectors already read (``turns``), else from the
    database."""

    def __init__(self, conn: Connection, turns: dict) -> None:
        super().__init__()
        self.conn = conn
        self.turns = turns

    def __missing__(self, pk: int) -> str:
        turn = self.turns.get(pk)
        if turn is not None:
            raw = (turn.raw_answer,)
        else:
            raw = select_rows(self.conn, "SELECT output FROM trace WHERE id = ?", (pk,)).fetchone()
        self[pk] = text = text_of_json(raw[0], 3000) if raw else ""
        return text


def step_signals(conn: Connection, scope: str, turns: dict | None = None) -> list[Found]:
    """``turns``: the traces in scope as the conversation detectors read them
    (:class:`.turns.Turn`, by trace), whose stored answers need not be read again."""
    answers = _Answers(conn, turns or {})
    return (_errors_swallowed(conn, scope, answers) + _empty_retrievals(conn, scope, answers)
            + _loops(conn, scope) + _outliers(conn, scope))


def _errors_swallowed(conn: Connection, scope: str, answers: dict[int, str]) -> list[Found]:
    """A step failed, was not retried successfully, and the answer reads as if all went well."""
    found = []
    # Only the runs with a failed step (the trace's error_count, kept with its spans) are
    # looked into.
    rows = select_named(conn, f"""
        SELECT s.trace_pk, s.span_id, s.name, s.kind, s.error FROM span s
        WHERE s.trace_pk IN (SELECT id FROM trace WHERE id IN ({scope}) AND error_count > 0)
          AND s.status = 'error' AND s.kind IN {FAILING_KINDS}
          AND NOT EXISTS (
            SELECT 1 FROM span r WHERE r.trace_pk = s.trace_pk AND r.kind = s.kind AND r.name IS s.name
              AND r.id != s.id AND coalesce(r.status, 'ok') != 'error'
              AND coalesce(r.start_ns, 0) >= coalesce(s.start_ns, 0))
        ORDER BY s.trace_pk, s.start_ns
    """)
    seen: set[int] = set()
    for step in rows:
        pk = step.trace_pk
        if pk in seen:
            continue
        answer = answers[pk]
        if not answer or ANSWER_ADMITS_FAILURE.search(answer.lower()):
            continue
        seen.add(pk)
        message = text_of_json(step.error, 200) or "an error"
        found.append(Found(pk, "error_swallowed", confidence("error_swallowed", "hidden"),
                           f"{step.kind} step {step.name or step.span_id} failed ({message}) "
                           "and the answer did not say so",
                           step.span_id, {"error": message, "answer": answer[:300]}))
    return found


def _empty_retrievals(conn: Connection, scope: str, answers: dict[int, str]) -> list[Found]:
    """Retrieval returned nothing, or nothing relevant, and the model answered anyway."""
    found = []
    seen: set[int] = set()
    usual = _usual_best_matches(conn, scope)
    conn.exec_driver_sql("CREATE TEMP TABLE IF NOT EXISTS _relevance (name TEXT, below REAL)")
    conn.exec_driver_sql("DELETE FROM temp._relevance")
    executemany(conn, "INSERT INTO temp._relevance VALUES (?, ?)",
                [(name, _weak_below(best)) for name, best in usual.items()])
    # SQLite's JSON functions set aside, without Python, the retrievals that found a
    # document with a relevant or unscored match; Python looks at the rest. A step's
    # retriever brings the score under which its matches are weak (r.below, where known).
    # (A document without a numeric score counts as relevant: its type is not a number, or
    # it has none, which makes the comparison NULL.)
    relevant = f"""EXISTS (
            SELECT 1 FROM json_each(CASE WHEN json_valid(output) THEN output ELSE '[]' END, '$.documents') d
            WHERE d.type = 'object' AND coalesce(json_type(d.value, '$.score') NOT IN ('integer', 'real')
              OR json_extract(d.value, '$.score') >= coalesce(r.below, {LOW_RELEVANCE}), 1))"""
    retrievals = "span LEFT JOIN temp._relevance r ON r.name IS span.name"
    rows = select_named(conn, f"""
        SELECT trace_pk, span_id, span.name, output, start_ns FROM {retrievals}
        WHERE trace_pk IN ({scope}) AND kind = 'retrieval' AND coalesce(status, 'ok') != 'error'
          AND NOT ({relevant})
        ORDER BY trace_pk, start_ns
    """).fetchall()
    # A search tried again in other words until it found something is not an empty one:
    # the latest start of a retrieval that found a relevant document, by trace.
    found_later: dict[int, int] = {}
    for chunk in chunked(sorted({step.trace_pk for step in rows})):
        found_later.update(select_rows(conn, f"""
            SELECT trace_pk, max(coalesce(start_ns, 0)) FROM {retrievals}
            WHERE trace_pk IN ({placeholders(chunk)}) AND kind = 'retrieval'
              AND coalesce(status, 'ok') != 'error' AND {relevant}
            GROUP BY trace_pk""", tuple(chunk)))
    for step in rows:
        pk = step.trace_pk
        if pk in found_later and found_later[pk] >= (step.start_ns or 0):
            continue
        docs = retrieved_documents(loads_or_none(step.output))
        if docs is None or pk in seen:
            continue
        answer = answers[pk]
        if not answer or ANSWER_ADMITS_FAILURE.search(answer.lower()):
            continue
        scores = [d.get("score") for d in docs if isinstance(d, dict)
                  and isinstance(d.get("score"), int | float) and not isinstance(d.get("score"), bool)]
        if not docs:
            confidence_, what = confidence("empty_retrieval", "nothing"), "returned no documents"
        elif scores and len(scores) == len(docs) and max(scores) <= 1 and max(scores) < _weak_below(
                usual.get(step.name)):
            confidence_ = confidence("empty_retrieval", "weak")
            than = f", where its best is usually {usual[step.name]:.2f}" if step.name in usual else ""
            what = f"found only weak matches (best score {max(scores):.2f}{than})"
        else:
            continue
        seen.add(pk)
        found.append(Found(pk, "empty_retrieval", confidence_,
                           f"{step.name or 'retrieval'} {what}, and the model answered anyway: {quote(answer, 60)}",
                           step.span_id, {"documents": len(docs)}))
    return found


def _weak_below(usual_best: float | None) -> float:
    """The score under which a retriever's best match is a weak one."""
    return LOW_RELEVANCE if usual_best is None else max(LOW_RELEVANCE, USUAL_SHARE * usual_best)


def _usual_best_matches(conn: Connection, scope: str) -> dict[str | None, float]:
    """The median best score of each retriever's searches (by step name): over a sample of
    those in scope, or, for a retriever with too few there (a small import into a big
    database), over those and a sample of its searches from the rest of the database, so
    that a search is judged the same whatever it was imported with. Only the searches that
    rank their documents best first on a 0-1 scale of similarity count (a distance, lower
    for closer, would read the other way round). A retriever the sample of a big scope
    misses, being rare in it, keeps the fixed floor."""
    retrievals = select_rows(conn, f"SELECT count(*) FROM span WHERE trace_pk IN ({scope}) "
                                   "AND kind = 'retrieval'").fetchone()[0]
    every = max(1, retrievals // USUAL_SAMPLE)
    bests: dict[str | None, list[float]] = defaultdict(list)
    _add_best_matches(bests, select_rows(conn, f"""
        WITH scoped(pk) AS ({scope})
        SELECT name, substr(output, 1, 20000) FROM span
        WHERE trace_pk IN (SELECT pk FROM scoped WHERE pk % {every} = 0) AND kind = 'retrieval'
          AND coalesce(status, 'ok') != 'error'"""))
    for name in [name for name, found in bests.items() if len(found) < OUTLIER_MIN_STEPS]:
        # (Through the steps' index, which holds the kind and name of every step: a scan of
        # the rows would read every step's input and output.)
        _add_best_matches(bests, select_rows(conn, f"""
            SELECT name, substr(output, 1, 20000) FROM span INDEXED BY ix_span_steps
            WHERE kind = 'retrieval' AND name IS ? AND coalesce(status, 'ok') != 'error'
              AND trace_pk NOT IN ({scope}) LIMIT {USUAL_SAMPLE}""", (name,)))
    return {name: statistics.median(found) for name, found in bests.items() if len(found) >= OUTLIER_MIN_STEPS}


def _add_best_matches(bests: dict[str | None, list[float]], rows: Iterable[tuple[str | None, str | None]]) -> None:
    """Add the best score of each search of ``rows`` (name, output) that ranks its
    documents best first on a 0-1 scale, by name."""
    for name, raw in rows:
        docs = retrieved_documents(loads_or_none(raw))
        scores = [d.get("score") for d in docs or () if isinstance(d, dict)]
        if (scores and all(isinstance(x, int | float) and not isinstance(x, bool) and 0 <= x <= 1 for x in scores)
                and all(a >= b for a, b in zip(scores, scores[1:], strict=False))):
            bests[name].append(scores[0])


def _loops(conn: Connection, scope: str) -> list[Found]:
    """The same tool called with the same arguments again and again."""
    found = []
    seen: set[int] = set()
    # The index finds the tools called often enough; only their arguments are compared.
    for repeated in select_named(conn, f"""
        WITH often AS (
            SELECT trace_pk, name FROM span WHERE trace_pk IN ({scope}) AND kind = 'tool'
            GROUP BY trace_pk, name HAVING count(*) >= {LOOP_MIN_CALLS})
        SELECT s.trace_pk, s.name, count(*) AS calls, min(s.span_id) AS first_span_id FROM often o
        JOIN span s ON s.trace_pk = o.trace_pk AND s.kind = 'tool' AND s.name IS o.name
        GROUP BY s.trace_pk, s.name, s.input HAVING calls >= {LOOP_MIN_CALLS}
        ORDER BY s.trace_pk, calls DESC
    """):
        pk, name, calls = repeated.trace_pk, repeated.name, repeated.calls
        if pk in seen:
            continue
        seen.add(pk)
        found.append(Found(pk, "loop", confidence("loop", "repeated_call", (calls - LOOP_MIN_CALLS) / 3),
                           f"{name} was called {calls} times with the same arguments", repeated.first_span_id,
                           {"tool": name, "calls": calls}))
    return found


MEASURES = {
    "latency": "end_ns - start_ns",
    "tokens": "coalesce(input_tokens, 0) + coalesce(output_tokens, 0)",
    "cost": "cost_usd",
}
MEASURED_KINDS = "('llm', 'tool', 'retrieval', 'embedding')"


def _outliers(conn: Connection, scope: str) -> list[Found]:
    """Steps whose latency, tokens or cost are far beyond the usual for their kind and name.

    The usual is the median over the steps of the same kind and name in scope, or, for a
    kind and name with too few steps in scope, over those and a sample of the same from
    the rest of the database. SQLite then finds the steps beyond it, all measures at once."""
    usual = _medians(conn, scope)
    if not usual:
        return []
    conn.exec_driver_sql("CREATE TEMP TABLE IF NOT EXISTS _usual (kind TEXT, name TEXT, "
                         + ", ".join(f"{what} REAL" for what in MEASURES) + ")")
    conn.exec_driver_sql("CREATE INDEX IF NOT EXISTS temp._usual_step ON _usual (kind, name)")
    conn.exec_driver_sql("DELETE FROM temp._usual")
    executemany(conn, f"INSERT INTO temp._usual VALUES (?, ?, {', '.join('?' for _ in MEASURES)})", usual)
    beyond = " OR ".join(f"({expr}) > {OUTLIER_FACTOR} * u.{what}" for what, expr in MEASURES.items())
    # Each measure of the step by its name (latency), its usual beside it (usual_latency).
    values = ", ".join(f"{expr} AS {what}, u.{what} AS usual_{what}" for what, expr in MEASURES.items())
    # The first step of each trace beyond its usual. The query reads the row id, not the
    # span id: the index holds the one and not the other.
    beyond_usual: dict[int, _Beyond] = {}
    for step in select_named(conn, f"""
        SELECT s.trace_pk, s.id, s.kind, s.name, {values} FROM span s
        JOIN temp._usual u ON u.kind = s.kind AND u.name IS s.name
        WHERE s.trace_pk IN ({scope}) AND ({beyond})
        ORDER BY s.trace_pk, s.start_ns
    """):
        if step.trace_pk in beyond_usual:
            continue
        for what in MEASURES:
            value, median = getattr(step, what), getattr(step, f"usual_{what}")
            if value is not None and median and value > OUTLIER_FACTOR * median:
                beyond_usual[step.trace_pk] = _Beyond(step.id, step.kind, step.name, what, value, median)
                break
    span_ids = _span_ids(conn, [hit.row_id for hit in beyond_usual.values()])
    return [Found(pk, "outlier", confidence("outlier", "measure"),
                  f"{hit.kind} step {hit.name}: {hit.measure} {hit.value / hit.median:.0f}× its usual",
                  span_ids[hit.row_id], {"measure": hit.measure, "value": hit.value, "median": hit.median})
            for pk, hit in beyond_usual.items()]


class _Beyond(NamedTuple):
    """A step beyond its usual: its row id, kind and name, and the measure that is."""

    row_id: int
    kind: str
    name: str | None
    measure: str
    value: float
    median: float


def _span_ids(conn: Connection, row_ids: list[int]) -> dict[int, str]:
    found: dict[int, str] = {}
    for chunk in chunked(row_ids):
        found.update(select_rows(conn, f"SELECT id, span_id FROM span WHERE id IN ({placeholders(chunk)})",
                                 tuple(chunk)))
    return found


def _medians(conn: Connection, scope: str) -> list[tuple[str, str | None, float | None, ...]]:
    """(kind, name, median of each measure) of the steps in scope, for the kinds and names
    with enough steps to tell; a measure without enough steps has no median (None)."""
    columns = ", ".join(f"{expr} AS {what}" for what, expr in MEASURES.items())
    # A median is as good from ten thousand steps as from all of them: the steps of every
    # n-th trace in scope, so that the sample reads a part of the index, not all of it.
    steps = select_rows(conn, f"SELECT count(*) FROM span WHERE trace_pk IN ({scope})").fetchone()[0]
    every = max(1, steps // MEDIAN_SAMPLE_STEPS)
    groups: dict[tuple[str, str | None], list[tuple]] = defaultdict(list)
    for step in select_named(conn, f"""
        WITH scoped(pk) AS ({scope})
        SELECT kind, name, {columns} FROM span
        WHERE trace_pk IN (SELECT pk FROM scoped WHERE pk % {every} = 0) AND kind IN {MEASURED_KINDS}
    """):
        groups[(step.kind, step.name)].append(step)
    for (kind, name), rows in groups.items():
        if len(rows) < OUTLIER_MIN_STEPS:
            rows += select_named(conn, f"""
                SELECT {columns} FROM span WHERE kind = ? AND name IS ? AND trace_pk NOT IN ({scope})
                LIMIT 2000""", (kind, name)).fetchall()
    out = []
    for (kind, name), rows in groups.items():
        medians = []  # in the order of MEASURES, as temp._usual holds them
        for what in MEASURES:
            column = [value for r in rows if (value := getattr(r, what)) is not None and value > 0]
            medians.append(statistics.median(column) if len(column) >= OUTLIER_MIN_STEPS else None)
        if any(m is not None for m in medians):
            out.append((kind, name, *medians))
    return out
