"""Full-text search over traces.

The index (``trace_fts``, SQLite FTS5) holds one document per trace: its name, the
user's input, the final output, feedback comments, and for each span its name, its
error and the start of its output (put together in SQL: a Python pass over every span
cost a sixth of a big import). LLM inputs are left out on purpose: each repeats the
whole conversation so far, so indexing them would store the same text many times over
and make the import several times slower, while the same words are already found
through the trace input and the outputs of earlier steps.

The index is brought up to date inside the import's transaction, for the traces the
import touched, so search never lags behind what the database holds.
"""

from __future__ import annotations

import re
from typing import Any

from sqlalchemy import Connection

from .store import chunked, executemany, placeholders, select_named, select_rows
from .text import text_of_json

TRACE_TEXT_LIMIT = 8000  # characters of a trace's own input and output
SPAN_TEXT_LIMIT = 300  # characters of each span's error and output

# The words of a trace's spans, put together by SQLite: each span's name, the start of
# its error and of its output (an LLM step's reply text; another step's stored JSON, whose
# keys are words worth finding too, with its escaped line breaks made spaces).
_SPAN_WORDS = f"""
    SELECT trace_pk, group_concat(
        coalesce(name, '') || ' ' ||
        coalesce(replace(substr(error, 1, {SPAN_TEXT_LIMIT}), '\\n', ' '), '') || ' ' ||
        coalesce(CASE WHEN kind = 'llm' AND json_valid(output)
                      THEN substr(json_extract(output, '$.messages[0].content'), 1, {SPAN_TEXT_LIMIT})
                      ELSE replace(substr(output, 1, {SPAN_TEXT_LIMIT}), '\\n', ' ') END, ''),
        ' ')
    FROM (SELECT trace_pk, name, error, kind, output FROM span WHERE trace_pk IN ({{marks}})
          ORDER BY trace_pk, start_ns)
    GROUP BY trace_pk
"""


def _document(trace: Any, span_words: str, comments: list[str]) -> str:
    """The search document of a trace (its row's ``name``, ``input`` and ``output``)."""
    parts = [trace.name or "", text_of_json(trace.input, TRACE_TEXT_LIMIT),
             text_of_json(trace.output, TRACE_TEXT_LIMIT), span_words, *comments]
    return " ".join(p for p in parts if p)


def refresh_search(conn: Connection, pks_sql: str) -> None:
    """Rebuild the search documents of the traces whose ids ``pks_sql`` selects."""
    pks = [pk for (pk,) in select_rows(conn, pks_sql)]
    for chunk in chunked(pks):
        marks = placeholders(chunk)
        traces = {
            row.id: row
            for row in select_named(conn, f"SELECT id, name, input, output FROM trace WHERE id IN ({marks})",
                                    tuple(chunk))
        }
        span_words = dict(select_rows(conn, _SPAN_WORDS.format(marks=marks), tuple(chunk)).fetchall())
        comments: dict[int, list[str]] = {pk: [] for pk in chunk}
        for pk, comment in select_rows(conn,
            f"SELECT trace_pk, comment FROM feedback WHERE trace_pk IN ({marks}) "
            "AND comment IS NOT NULL", tuple(chunk)
        ):
            comments[pk].append(comment)
        conn.exec_driver_sql(f"DELETE FROM trace_fts WHERE rowid IN ({marks})", tuple(chunk))
        executemany(
            conn,
            "INSERT INTO trace_fts (rowid, body) VALUES (?, ?)",
            [(pk, _document(traces[pk], span_words.get(pk, ""), comments[pk])) for pk in chunk if pk in traces],
        )


_TOKEN = re.compile(r"\w+", re.UNICODE)


def fts_query(words: str) -> str | None:
    """An FTS5 query for what a person typed: every word must appear (as a prefix for
    the last one, so results come while typing); quotes keep a phrase together.
    Never passes FTS5 syntax through, so any input is a valid query."""
    phrases = re.findall(r'"([^"]+)"', words)
    rest = re.sub(r'"[^"]*"?', " ", words)
    terms = [f'"{" ".join(_TOKEN.findall(p))}"' for p in phrases if _TOKEN.findall(p)]
    tokens = _TOKEN.findall(rest)
    terms += [f'"{t}"' for t in tokens[:-1]]
    if tokens:
        terms.append(f'"{tokens[-1]}"*')
    return " AND ".join(terms) or None


def search_trace_ids(conn: Connection, words: str, limit: int | None = None) -> list[int]:
    """Row ids of the traces matching ``words``, best match first."""
    query = fts_query(words)
    if query is None:
        return []
    sql = "SELECT rowid FROM trace_fts WHERE trace_fts MATCH ? ORDER BY rank"
    if limit:
        sql += f" LIMIT {int(limit)}"
    return [pk for (pk,) in select_rows(conn, sql, (query,))]
