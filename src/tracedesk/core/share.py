"""Sharing: a review database holding a chosen part of this one, for a reviewer to work
on offline (and for :mod:`.merge` to bring back).

The file written is a review database like any other (same schema version, same
application id): the traces chosen with their spans, feedback, signals and queue
entries, their reviews and settled answers with their audit entries, the whole cause
taxonomy with its history, and the search index. Rows keep their ids, so what refers to
them (signals to feedback, the audit log to traces) stays right. Snoozes and skips are a
reviewer's own and stay behind; the queue of the copy is brought up to date for the part
it holds (near-duplicates grouped within it).

With redaction, the text of traces, spans, feedback, reviews and the audit log passes
through :class:`~tracedesk.core.redact.Redactor` on its way (inside SQLite, as a
function), and the search index, signals and queue are computed again from the redacted
text, so nothing removed can be found through them. Without reviews (``reviews=False``)
the copy is for a blind second review: its queue holds every trace chosen.

The file is written whole or not at all: it is built under a temporary name beside the
target and renamed when complete.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import orjson
from sqlalchemy import Connection, String

from . import learning, queue
from .database import open_store
from .errors import UserError
from .leftovers import clean_parts, part_path
from .merge import attached_write, columns
from .models import Cause, Feedback, ImportRun, QueueEntry, Review, Settlement, Signal, Source, Span, Trace
from .progress import Progress, ProgressFn, ignore_progress
from .redact import Redactor
from .search import fts_query, refresh_search
from .signals import update_signals
from .store import Store, executemany, select_rows
from .targets import TargetExists, cannot_write, check_target
from .text import loads_or_none


class ShareError(UserError):
    pass


@dataclass(frozen=True)
class ShareFilter:
    """Which traces to share. Empty fields filter nothing; the review fields take the
    traces with one review that matches them all."""

    source: str | None = None
    model: str | None = None
    prompt_version: str | None = None
    since_ns: int | None = None  # traces from this time on
    until_ns: int | None = None  # traces before this time
    tag: str | None = None  # a tag of the trace or of one of its reviews
    text: str | None = None  # words the trace's text holds (as the queue's search)
    reviewed_only: bool = False
    verdicts: tuple[str, ...] = ()
    reviewer: str | None = None
    causes: tuple[str, ...] = ()  # names, paths or uuids; a cause takes the causes nested below it


@dataclass(frozen=True)
class ShareOptions:
    redact: bool = False
    patterns: tuple[str, ...] = ()  # more regular expressions to redact (with ``redact``)
    reviews: bool = True  # False: leave reviews and settled answers out (for a blind second review)


@dataclass
class ShareReport:
    path: Path
    traces: int = 0
    spans: int = 0
    feedback: int = 0
    reviews: int = 0
    settlements: int = 0
    causes: int = 0
    audit_entries: int = 0
    redacted: dict[str, int] = field(default_factory=dict)

    def as_dict(self) -> dict[str, Any]:
        return {"path": str(self.path), "traces": self.traces, "spans": self.spans, "feedback": self.feedback,
                "reviews": self.reviews, "settlements": self.settlements, "causes": self.causes,
                "audit_entries": self.audit_entries, "redacted": dict(self.redacted),
                "redacted_total": sum(self.redacted.values())}


def selected_traces(conn: Connection, f: ShareFilter) -> list[int]:
    """The row ids of the traces ``f`` chooses, in order."""
    from .causes import descendants, find_cause

    clauses: list[str] = []
    params: list[Any] = []
    queue.trace_conditions(clauses, params, source=f.source, model=f.model, prompt_version=f.prompt_version,
                           since_ns=f.since_ns, until_ns=f.until_ns)
    if f.tag:
        clauses.append("(EXISTS (SELECT 1 FROM json_each(t.tags) WHERE json_each.value = ?) OR EXISTS ("
                       "SELECT 1 FROM review r, json_each(r.tags) j WHERE r.trace_pk = t.id AND j.value = ?))")
        params += [f.tag, f.tag]
    if f.text is not None:
        query = fts_query(f.text)
        if query is None:
            return []
        clauses.append("t.id IN (SELECT rowid FROM trace_fts WHERE trace_fts MATCH ?)")
        params.append(query)
    review: list[str] = []
    if f.verdicts:
        review.append(f"r.verdict IN ({','.join('?' * len(f.verdicts))})")
        params += list(f.verdicts)
    if f.reviewer:
        review.append("r.reviewer = ?")
        params.append(f.reviewer)
    if f.causes:
        wanted = sorted(descendants(conn, {find_cause(conn, c, allow_retired=True).uuid for c in f.causes}))
        review.append(f"r.cause_uuid IN ({','.join('?' * len(wanted))})")
        params += wanted
    if review or f.reviewed_only:
        clauses.append(f"EXISTS (SELECT 1 FROM review r WHERE r.trace_pk = t.id AND {' AND '.join(review) or '1'})")
    where = " AND ".join(clauses) or "1"
    return [pk for (pk,) in select_rows(conn, f"SELECT t.id FROM trace t WHERE {where} ORDER BY t.id", params)]


def _redacting(redactor: Redactor) -> dict[str, Callable[[Any], Any]]:
    """SQL functions: ``td_redact(text)``, ``td_redact_json(json text)`` and
    ``td_redact_row(json text)`` (an audit entry's row: each of its values as its column is)."""

    def text(value: Any) -> Any:
        return redactor.text(value) if isinstance(value, str) else value

    def json_text(value: Any) -> Any:
        if not isinstance(value, str):
            return value
        try:
            parsed = orjson.loads(value)
        except orjson.JSONDecodeError:
            return redactor.text(value)
        return orjson.dumps(redactor.value(parsed)).decode()

    def row(value: Any) -> Any:
        parsed = loads_or_none(value) if isinstance(value, str) else None
        if not isinstance(parsed, dict):
            return json_text(value)
        return orjson.dumps({k: v if k in _KEPT or not isinstance(v, str) else
                             json_text(v) if k in _JSON else redactor.text(v) for k, v in parsed.items()}).decode()

    return {"td_redact": text, "td_redact_json": json_text, "td_redact_row": row}


# What redaction leaves as it is: the ids that name rows (a copy merges back by them) and
# Tracedesk's own words. Every other text column of the tables copied passes through it;
# those holding JSON as JSON, so that keys and numbers are redacted too.
_KEPT = frozenset({"uuid", "trace_id", "span_id", "parent_id", "content_hash", "cause_uuid", "parent_uuid",
                   "blamed_span_id", "entity", "entity_uuid", "action", "undoes", "verdict", "severity"})
_JSON = frozenset({"input", "output", "metadata", "tags", "error", "attributes", "value", "correction", "extra",
                   "expected", "bundle"})


def _text_columns(model: Any) -> dict[str, str]:
    return {c.name: "td_redact_json" if c.name in _JSON else "td_redact" for c in model.__table__.columns
            if c.name not in _KEPT and isinstance(getattr(c.type, "impl_instance", c.type), String)}


# What redaction passes each table's columns through (a source's name is its identity).
_REDACTED: dict[str, dict[str, str]] = {
    model.__tablename__: _text_columns(model)
    for model in (ImportRun, Trace, Span, Feedback, Cause, Review, Settlement)
}


def share_database(store: Store, out: Path | str, f: ShareFilter | None = None,
                   options: ShareOptions = ShareOptions(), progress: ProgressFn = ignore_progress) -> ShareReport:
    """Write the part of ``store`` that ``f`` chooses as a new review database at ``out``."""
    f = f or ShareFilter()
    out = Path(out).expanduser()
    try:  # a new file: not a link, a device or a folder either
        check_target(out, overwrite=False, what="database file")
    except TargetExists:
        raise ShareError(f"{out} exists already; choose a new file name (sharing never overwrites a file)") from None
    redactor = Redactor(list(options.patterns)) if options.redact else None
    steps = 8
    progress(Progress("Choosing the traces", 0, steps))
    with store.read() as conn:
        picked = selected_traces(conn, f)
    clean_parts(out.parent)  # what a killed share left
    temp = part_path(out)
    report = ShareReport(out)
    try:
        temp.open("x").close()  # a folder that cannot be written says so here, as the system puts it
        with open_store(temp) as copy, attached_write(copy, {"src": store.path}) as conn:
            _fill(conn, picked, options, redactor, report, progress, steps)
        for suffix in ("-wal", "-shm"):
            with contextlib.suppress(OSError):
                os.unlink(f"{temp}{suffix}")
        os.replace(temp, out)
    except BaseException as exc:
        for suffix in ("", "-wal", "-shm"):
            with contextlib.suppress(OSError):
                os.unlink(f"{temp}{suffix}")
        if isinstance(exc, OSError):
            raise cannot_write(out, exc) from exc
        raise
    if redactor is not None:
        report.redacted = dict(sorted(redactor.counts.items()))
    progress(Progress("Done", steps, steps, final=True))
    return report


def _fill(conn: Connection, picked: list[int], options: ShareOptions, redactor: Redactor | None,
          report: ShareReport, progress: ProgressFn, steps: int) -> None:
    if redactor is not None:
        driver = conn.connection.driver_connection
        for name, function in _redacting(redactor).items():
            driver.create_function(name, 1, function, deterministic=True)

    def copy(table: str, cols: list[str], where: str) -> int:
        redacted = _REDACTED.get(table, {}) if redactor is not None else {}
        select = ", ".join(f"{redacted[c]}(x.{c})" if c in redacted else f"x.{c}" for c in cols)
        return conn.exec_driver_sql(
            f"INSERT INTO main.{table} ({', '.join(cols)}) SELECT {select} FROM src.{table} x WHERE {where} "
            f"ORDER BY x.{cols[0]}").rowcount

    conn.exec_driver_sql("CREATE TEMP TABLE _pick (pk INTEGER PRIMARY KEY)")
    executemany(conn, "INSERT INTO temp._pick (pk) VALUES (?)", [(pk,) for pk in picked])
    picked_sql = "SELECT pk FROM temp._pick"
    progress(Progress("Copying traces", 1, steps, {"traces": len(picked)}))
    copy("source", ["id", *columns(Source)], f"x.id IN (SELECT source_id FROM src.trace WHERE id IN ({picked_sql}))")
    copy("import_run", ["id", *columns(ImportRun)],
         f"x.id IN (SELECT import_id FROM src.trace WHERE id IN ({picked_sql}))")
    report.traces = copy("trace", ["id", *columns(Trace)], f"x.id IN ({picked_sql})")
    progress(Progress("Copying steps", 2, steps, {"traces": report.traces}))
    report.spans = copy("span", ["id", *columns(Span)], f"x.trace_pk IN ({picked_sql})")
    report.feedback = copy("feedback", ["id", *columns(Feedback)], f"x.trace_pk IN ({picked_sql})")
    progress(Progress("Copying the cause taxonomy", 3, steps))
    conn.exec_driver_sql("DELETE FROM main.cause")
    report.causes = copy("cause", ["id", *columns(Cause)], "1")
    if options.reviews:
        progress(Progress("Copying reviews", 4, steps))
        report.reviews = copy("review", ["id", *columns(Review)], f"x.trace_pk IN ({picked_sql})")
        report.settlements = copy("settlement", ["id", *columns(Settlement)], f"x.trace_pk IN ({picked_sql})")
    _copy_audit(conn, redactor is not None, report)
    progress(Progress("Copying signals and the queue", 5, steps))
    # Without the verdicts, nothing they taught: the answers like a failure (which name the
    # trace judged) and the precision of each kind here.
    left_behind = () if options.reviews else learning.TAUGHT_KEYS
    conn.exec_driver_sql("INSERT INTO main.meta (key, value) SELECT key, value FROM src.meta "
                         "WHERE key NOT IN (SELECT value FROM json_each(?))", (orjson.dumps(left_behind).decode(),))
    if redactor is None:
        copy("signal", ["id", *columns(Signal)], f"x.trace_pk IN ({picked_sql})")
        cols = ", ".join(columns(QueueEntry))
        conn.exec_driver_sql(f"INSERT INTO main.queue_entry ({cols}) SELECT {cols} FROM src.queue_entry "
                             f"WHERE trace_pk IN ({picked_sql})")
        if left_behind:
            queue.rescore(conn, picked_sql)  # reasons as the detectors alone give them
        queue.refresh_states(conn, picked_sql)
        queue.regroup(conn, {k for (k,) in conn.exec_driver_sql(
            "SELECT DISTINCT group_key FROM main.queue_entry WHERE group_key IS NOT NULL")})
        progress(Progress("Copying the search index", 6, steps))
        conn.exec_driver_sql(f"INSERT INTO main.trace_fts (rowid, body) SELECT rowid, body FROM src.trace_fts "
                             f"WHERE rowid IN ({picked_sql})")
    else:
        update_signals(conn, picked_sql)
        progress(Progress("Indexing the redacted text for search", 6, steps))
        refresh_search(conn, picked_sql)
    progress(Progress("Writing the file", 7, steps))
    conn.exec_driver_sql("DROP TABLE temp._pick")


def _copy_audit(conn: Connection, redact: bool, report: ShareReport) -> None:
    """The history of the causes, reviews and settled answers copied (redacted like them)."""

    def snapshot(col: str) -> str:
        return f"td_redact_row(a.{col})" if redact else f"a.{col}"

    author = "td_redact(a.author)" if redact else "a.author"
    report.audit_entries = conn.exec_driver_sql(f"""
        INSERT INTO main.audit_log (id, uuid, time_ns, author, action, entity, entity_uuid, before, after, undoes)
        SELECT a.id, a.uuid, a.time_ns, {author}, a.action, a.entity, a.entity_uuid, {snapshot('before')},
               {snapshot('after')}, a.undoes
        FROM src.audit_log a
        WHERE (a.entity = 'cause')
           OR (a.entity = 'review' AND a.entity_uuid IN (SELECT uuid FROM main.review))
           OR (a.entity = 'settlement' AND a.entity_uuid IN (SELECT uuid FROM main.settlement))
        ORDER BY a.id
    """).rowcount
