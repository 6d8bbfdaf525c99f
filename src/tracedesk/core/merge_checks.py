"""What a merge accepts of another review database: only rows that keep the rules this
version of Tracedesk keeps when it writes them.

Another file may have been edited by hand or written by anything: a verdict "pwned", a
severity no one can choose, binary data where text belongs, a time that is not a number.
Merged as they are, they break every reader after them (``show``, ``share``, ``export``).
So each table of the other file is scanned once for rows that break a rule; those rows
(and the spans, feedback and reviews of a refused trace, which have no trace to join) are
left out, and the report counts them with a reason and an example.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import Boolean, Connection, Float, Integer

from .models import AuditEntry, Cause, Feedback, Review, Settlement, Source, Span, Trace
from .records import SPAN_KINDS, STATUSES
from .verdicts import SEVERITIES, VERDICTS

# The tables merged, by their name in SQL, with their model.
MODELS: dict[str, Any] = {
    "source": Source, "trace": Trace, "span": Span, "feedback": Feedback, "cause": Cause,
    "review": Review, "settlement": Settlement, "audit_log": AuditEntry,
}
# Columns that hold JSON (text that parses), and those that hold a JSON array.
JSON_COLUMNS = {
    "trace": ("input", "output", "metadata"), "span": ("error", "input", "output", "attributes"),
    "feedback": ("value", "correction", "extra"), "review": ("expected",),
    "audit_log": ("before", "after"),
}
ARRAY_COLUMNS = {"trace": ("tags",), "review": ("tags",)}
CHOICES = {
    ("trace", "status"): STATUSES, ("span", "status"): STATUSES, ("span", "kind"): SPAN_KINDS,
    ("review", "verdict"): VERDICTS, ("review", "severity"): SEVERITIES,
    ("settlement", "verdict"): VERDICTS,
}
# Who did something is a name, never empty.
NAMES = {("review", "reviewer"), ("settlement", "author"), ("cause", "name"), ("source", "name"),
         ("trace", "trace_id"), ("span", "span_id")}
ONE = {"source": "source", "trace": "trace", "span": "span", "feedback": "feedback", "cause": "cause",
       "review": "review", "settlement": "settled answer", "audit_log": "history entry"}


@dataclass(frozen=True)
class Rule:
    column: str
    sql: str  # true for a good row (never NULL)
    expected: str  # what the column should hold, for the message


@dataclass
class Refusal:
    """Rows of one table left out, and why."""

    table: str
    count: int
    reasons: list[str]

    def __str__(self) -> str:
        return f"{counted(self.count, self.table)} refused: " + "; ".join(self.reasons)


def counted(n: int, table: str) -> str:
    """``n`` rows of ``table`` in words: "1 review", "3 history entries", "2 feedback"."""
    what = ONE[table]
    if n != 1 and table != "feedback":
        what = what[:-1] + "ies" if what.endswith("y") else what + "s"
    return f"{n:,} {what}"


def rules(table: str) -> list[Rule]:
    """The rules a row of ``table`` keeps, from the model's column types and the values
    Tracedesk allows."""
    out = []
    for column in MODELS[table].__table__.columns:
        name = column.name
        if name == "id":
            continue
        c = f'"{name}"'
        null_ok = f"{c} IS NULL OR " if column.nullable else ""
        if (table, name) in CHOICES:
            allowed = sorted(CHOICES[table, name])
            listed = ", ".join(f"'{v}'" for v in allowed)
            out.append(Rule(name, f"({null_ok}{c} IN ({listed}))", "one of " + ", ".join(allowed)))
        elif name in JSON_COLUMNS.get(table, ()):
            out.append(Rule(name, f"({null_ok}(typeof({c}) = 'text' AND json_valid({c})))", "JSON text"))
        elif name in ARRAY_COLUMNS.get(table, ()):
            out.append(Rule(name, f"({null_ok}(typeof({c}) = 'text' AND json_valid({c}) "
                                  f"AND json_type({c}) = 'array'))", "a JSON array"))
        elif isinstance(column.type, Boolean):
            out.append(Rule(name, f"({null_ok}{c} IN (0, 1))", "true or false"))
        elif isinstance(column.type, Integer):
            out.append(Rule(name, f"({null_ok}typeof({c}) = 'integer')", "a whole number"))
        elif isinstance(column.type, Float):
            out.append(Rule(name, f"({null_ok}typeof({c}) IN ('integer', 'real'))", "a number"))
        elif (table, name) in NAMES:
            out.append(Rule(name, f"(typeof({c}) = 'text' AND trim({c}) != '')", "a name"))
        else:
            out.append(Rule(name, f"({null_ok}typeof({c}) = 'text')", "text"))
    return out


def _shown(value: Any) -> str:
    if isinstance(value, bytes):
        return "binary data"
    if value is None:
        return "nothing"
    text = repr(value)
    return text if len(text) <= 40 else text[:37] + "…'"


def refuse_bad_rows(conn: Connection, schema: str) -> list[Refusal]:
    """Fill ``temp._refused`` with the rows of the database attached as ``schema`` that
    break a rule (and the rows that hang on a refused trace); say which and why."""
    conn.exec_driver_sql("CREATE TEMP TABLE IF NOT EXISTS _refused (tbl TEXT NOT NULL, id INTEGER NOT NULL, "
                         "PRIMARY KEY (tbl, id))")
    conn.exec_driver_sql("DELETE FROM temp._refused")
    refusals = []
    for table in MODELS:
        table_rules = rules(table)
        every = " AND ".join(r.sql for r in table_rules)
        bad = conn.exec_driver_sql(
            f"INSERT INTO temp._refused (tbl, id) SELECT ?, id FROM {schema}.{table} WHERE NOT ({every})",
            (table,)).rowcount
        if not bad:
            continue
        reasons = []
        for rule in table_rules:
            found = conn.exec_driver_sql(
                f'SELECT count(*) AS n, (SELECT "{rule.column}" FROM {schema}.{table} WHERE NOT {rule.sql} LIMIT 1) '
                f"AS example FROM {schema}.{table} WHERE NOT {rule.sql}").one()
            if found.n:
                reasons.append(f"'{rule.column}' is {_shown(found.example)}, not {rule.expected}"
                               + (f" ({found.n:,} rows)" if found.n > 1 else ""))
        refusals.append(Refusal(table, bad, reasons))
    # What hangs on a refused trace goes with it, and the report says so.
    along = []
    for table in ("span", "feedback", "review", "settlement"):
        n = conn.exec_driver_sql(
            f"INSERT OR IGNORE INTO temp._refused (tbl, id) SELECT ?, x.id FROM {schema}.{table} x "
            "WHERE x.trace_pk IN (SELECT id FROM temp._refused WHERE tbl = 'trace')", (table,)).rowcount
        if n:
            along.append(counted(n, table))
    for refusal in refusals:
        if refusal.table == "trace" and along:
            refusal.reasons.append("left out with them: " + ", ".join(along))
    return refusals


def accepted(table: str, alias: str = "x") -> str:
    """A condition true for the rows of ``table`` (as ``alias``) a merge takes."""
    return f"NOT EXISTS (SELECT 1 FROM temp._refused r WHERE r.tbl = '{table}' AND r.id = {alias}.id)"
