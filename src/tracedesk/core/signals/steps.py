"""Implicit signals in the steps of a run: a failure the answer hid, a retrieval that found
nothing, a tool called again and again with the same arguments, a step far beyond its
usual latency, tokens or cost. Most of the work is SQL over the span table."""

from __future__ import annotations

import statistics
from collections import defaultdict

from sqlalchemy import Connection

from ..text import loads_or_none, text_of_json
from .found import Found, quote
from .phrases import ANSWER_ADMITS_FAILURE

LOOP_MIN_CALLS = 3
LOW_RELEVANCE = 0.3  # retrieval scores below this (on a 0-1 scale) count as nothing found
OUTLIER_FACTOR = 8.0  # a step this many times its median...
OUTLIER_MIN_STEPS = 20  # ...among at least this many of the same kind and name
FAILING_KINDS = "('tool', 'retrieval', 'llm', 'embedding', 'guardrail')"


def step_signals(conn: Connection, scope: str) -> list[Found]:
    answers = {pk: text_of_json(output, 3000) for pk, output in conn.exec_driver_sql(
        f"SELECT id, output FROM trace WHERE id IN ({scope})")}
    return (_errors_swallowed(conn, scope, answers) + _empty_retrievals(conn, scope, answers)
            + _loops(conn, scope) + _outliers(conn, scope))


def _errors_swallowed(conn: Connection, scope: str, answers: dict[int, str]) -> list[Found]:
    """A step failed, was not retried successfully, and the answer reads as if all went well."""
    found = []
    rows = conn.exec_driver_sql(f"""
        SELECT s.trace_pk, s.span_id, s.name, s.kind, s.error FROM span s
        WHERE s.trace_pk IN ({scope}) AND s.status = 'error' AND s.kind IN {FAILING_KINDS}
          AND NOT EXISTS (
            SELECT 1 FROM span r WHERE r.trace_pk = s.trace_pk AND r.name IS s.name
              AND r.span_id != s.span_id AND coalesce(r.status, 'ok') != 'error'
              AND coalesce(r.start_ns, 0) >= coalesce(s.start_ns, 0))
        ORDER BY s.trace_pk, s.start_ns
    """)
    seen: set[int] = set()
    for pk, span_id, name, kind, error in rows:
        answer = answers.get(pk, "")
        if pk in seen or not answer or ANSWER_ADMITS_FAILURE.search(answer.lower()):
            continue
        seen.add(pk)
        message = text_of_json(error, 200) or "an error"
        found.append(Found(pk, "error_swallowed", 0.85,
                           f"{kind} step {name or span_id} failed ({message}) and the answer did not say so",
                           span_id, {"error": message, "answer": answer[:300]}))
    return found


def _documents(output: str | None) -> list | None:
    value = loads_or_none(output)
    if isinstance(value, dict):
        value = value.get("documents", value.get("results"))
    return value if isinstance(value, list) else None


def _empty_retrievals(conn: Connection, scope: str, answers: dict[int, str]) -> list[Found]:
    """Retrieval returned nothing, or nothing relevant, and the model answered anyway."""
    found = []
    seen: set[int] = set()
    for pk, span_id, name, output in conn.exec_driver_sql(
        f"SELECT trace_pk, span_id, name, output FROM span WHERE trace_pk IN ({scope}) "
        "AND kind = 'retrieval' AND coalesce(status, 'ok') != 'error' ORDER BY trace_pk, start_ns"
    ):
        docs = _documents(output)
        if docs is None or pk in seen:
            continue
        answer = answers.get(pk, "")
        if not answer or ANSWER_ADMITS_FAILURE.search(answer.lower()):
            continue
        scores = [d.get("score") for d in docs if isinstance(d, dict)
                  and isinstance(d.get("score"), int | float) and not isinstance(d.get("score"), bool)]
        if not docs:
            confidence, what = 0.75, "returned no documents"
        elif scores and len(scores) == len(docs) and max(scores) <= 1 and max(scores) < LOW_RELEVANCE:
            confidence, what = 0.55, f"found only weak matches (best score {max(scores):.2f})"
        else:
            continue
        seen.add(pk)
        found.append(Found(pk, "empty_retrieval", confidence,
                           f"{name or 'retrieval'} {what}, and the model answered anyway: {quote(answer, 60)}",
                           span_id, {"documents": len(docs)}))
    return found


def _loops(conn: Connection, scope: str) -> list[Found]:
    """The same tool called with the same arguments again and again."""
    found = []
    seen: set[int] = set()
    for pk, name, calls, first in conn.exec_driver_sql(
        f"SELECT trace_pk, name, count(*) AS calls, min(span_id) FROM span WHERE trace_pk IN ({scope}) "
        f"AND kind = 'tool' GROUP BY trace_pk, name, input HAVING calls >= {LOOP_MIN_CALLS} "
        "ORDER BY trace_pk, calls DESC"
    ):
        if pk in seen:
            continue
        seen.add(pk)
        found.append(Found(pk, "loop", min(0.9, 0.5 + 0.1 * calls),
                           f"{name} was called {calls} times with the same arguments", first,
                           {"tool": name, "calls": calls}))
    return found


def _outliers(conn: Connection, scope: str) -> list[Found]:
    """Steps whose latency, tokens or cost are far beyond the usual for their kind and name.

    The usual is the median over the steps of the same kind and name in scope, topped up
    with a sample from the rest of the database when scope holds too few."""
    measures = ("latency", "tokens", "cost")
    values: dict[tuple[str, str], list[tuple]] = defaultdict(list)
    for row in conn.exec_driver_sql(
        f"SELECT trace_pk, span_id, kind, name, end_ns - start_ns, "
        "coalesce(input_tokens, 0) + coalesce(output_tokens, 0), cost_usd FROM span "
        f"WHERE trace_pk IN ({scope}) AND kind IN ('llm', 'tool', 'retrieval', 'embedding')"
    ):
        values[(row[2], row[3])].append(row)
    found: dict[int, Found] = {}
    for (kind, name), rows in values.items():
        baseline = [r[4:] for r in rows]
        if len(baseline) < OUTLIER_MIN_STEPS:
            baseline += list(conn.exec_driver_sql(
                "SELECT end_ns - start_ns, coalesce(input_tokens, 0) + coalesce(output_tokens, 0), cost_usd "
                "FROM span WHERE kind = ? AND name IS ? AND trace_pk NOT IN (SELECT pk FROM temp._scope) "
                "LIMIT 2000", (kind, name)))
        if len(baseline) < OUTLIER_MIN_STEPS:
            continue
        medians = []
        for i in range(3):
            column = [v[i] for v in baseline if v[i] is not None and v[i] > 0]
            medians.append(statistics.median(column) if len(column) >= OUTLIER_MIN_STEPS else None)
        for pk, span_id, _, _, *measured in rows:
            for what, value, median in zip(measures, measured, medians, strict=True):
                if median and value and value > OUTLIER_FACTOR * median and pk not in found:
                    found[pk] = Found(pk, "outlier", 0.35,
                                      f"{kind} step {name}: {what} {value / median:.0f}× its usual",
                                      span_id, {"measure": what, "value": value, "median": median})
    return list(found.values())
