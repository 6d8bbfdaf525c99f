"""Merging review databases: the traces, feedback and every reviewer's work of other
databases, brought into this one.

Identity:
- a trace is its source's name and its trace id; a span its trace and span id; feedback
  its content: what is already here is skipped, what is new is added (a trace known here
  only from its spans takes the incoming trace record);
- reviews, causes and settled answers are their UUIDs. One not here is added. One here
  with other content keeps the newer version (``updated_ns``); when both sides changed it
  (the version here is unknown to the other side's audit log, or the other way round)
  that is a conflict: the newer is kept and the audit log records the other as the
  ``before`` of a ``merge`` entry, so undoing that entry takes the other version. The
  same reviewer's two reviews of one trace (made on two copies) are one review: the
  newer content is kept in the review that was here. Two reviewers' different verdicts
  on one trace are two reviews: a disagreement (see :mod:`.agreement`), not a conflict.
- the audit entries of the reviews, causes and settled answers merged come along (by
  UUID), pointing at the traces here.

Merging twice changes nothing. The whole merge is one transaction; each source is
attached read-only and copied with ``INSERT ... SELECT``. A source of an older schema is
read through a migrated copy in a temporary folder (the file itself is never written);
one of a newer schema, or a file that is not a review database, is refused with a clear
message before anything is changed. Afterwards the signals and queue entries of the
traces merged are recomputed, their search documents brought up to date, and reviewed
traces leave the queue.
"""

from __future__ import annotations

import os
import sqlite3
import tempfile
from collections.abc import Callable, Iterator, Sequence
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import Connection
from sqlalchemy.exc import DBAPIError

from . import audit, queue
from .database import open_store
from .errors import DatabaseError, UserError
from .ingest import attach_feedback, derive_trace_fields
from .leftovers import clean_merge_folders, merge_folder_prefix, release_wal_files
from .merge_checks import accepted, refuse_bad_rows
from .models import Cause, Feedback, Review, Settlement, Span, Trace
from .progress import Progress, ProgressFn, ignore_progress
from .records import TRACE_RECORD_COLUMNS
from .search import refresh_search
from .signals import update_signals
from .store import SCHEMA_VERSION, Store, copy_database, inspect_file, now_ns, read_only_uri

FUTURE_SLACK_NS = 10 * 60 * 10**9  # clocks of two laptops may differ by this much


def columns(model: Any, *leave_out: str) -> list[str]:
    """The SQL names of a table's columns, without ``id`` and those left out."""
    return [c.name for c in model.__table__.columns if c.name != "id" and c.name not in leave_out]


class MergeError(UserError):
    pass


# Attaching databases to a write transaction. ------------------------------------------------


@contextmanager
def attached_write(store: Store, databases: dict[str, Path]) -> Iterator[Connection]:
    """:meth:`Store.write` with other database files attached read-only under the
    aliases given (attaching is only possible outside a transaction, hence its own)."""
    with store.write_connection() as conn:
        attached = []
        try:
            for alias, path in databases.items():
                try:
                    conn.exec_driver_sql(f"ATTACH DATABASE ? AS {alias}", (read_only_uri(path),))
                except (sqlite3.DatabaseError, DBAPIError) as exc:
                    raise DatabaseError(f"{path} cannot be opened ({getattr(exc, 'orig', exc)}); nothing was "
                                        "changed.") from exc
                attached.append(alias)
            with store.transaction(conn):
                yield conn
        finally:
            for alias in attached:
                conn.exec_driver_sql(f"DETACH DATABASE {alias}")


def readable_copy(path: Path, folder: Path, name: str) -> tuple[Path, int]:
    """The file to read a review database from, and its schema version: the file itself
    when it has this version's schema, else a copy in ``folder`` brought up to it. Raises
    DatabaseError for a newer schema, or a file that is not a review database."""
    if not path.exists():
        raise DatabaseError(f"{path} does not exist.")
    if path.is_dir():
        raise DatabaseError(f"{path} is a folder; give the path of a review database file.")
    found = inspect_file(path)
    if found is None:
        raise DatabaseError(f"{path} is empty: it is not a review database.")
    version = found[1]
    if version > SCHEMA_VERSION:
        raise DatabaseError(
            f"{path} was written by a newer version of Tracedesk (schema {version}; this one reads up to "
            f"{SCHEMA_VERSION}). Update Tracedesk to merge it; nothing was changed.")
    if version == SCHEMA_VERSION:
        return path, version
    copy = folder / f"{name}.sqlite"
    copy_database(path, copy)
    _drop_code(copy)
    open_store(copy).close()  # migrates the copy
    return copy, version


def _drop_code(path: Path) -> None:
    """Remove the triggers and views of a copy before it is upgraded: the upgrade writes
    to its tables, and what the other file defined must never run here."""
    conn = sqlite3.connect(path)
    try:
        conn.execute("PRAGMA trusted_schema = OFF")
        found = conn.execute("SELECT type, name FROM sqlite_master WHERE type IN ('trigger', 'view')").fetchall()
        for kind, name in found:
            conn.execute(f'DROP {kind.upper()} IF EXISTS "{name.replace(chr(34), chr(34) * 2)}"')
        conn.commit()
    except sqlite3.DatabaseError as exc:
        raise DatabaseError(f"{path} cannot be read as a review database ({exc}); nothing was changed.") from exc
    finally:
        conn.close()


# The report. ---------------------------------------------------------------------------------


@dataclass
class Tally:
    added: int = 0
    updated: int = 0  # changed to the newer version (conflicts included)
    unchanged: int = 0  # already here as they are (or an older version of what is here)
    conflicts: int = 0  # changed on both sides: the newer kept, the other in the audit log

    def as_dict(self) -> dict[str, int]:
        return {"added": self.added, "updated": self.updated, "unchanged": self.unchanged,
                "conflicts": self.conflicts}


@dataclass(frozen=True)
class Conflict:
    """A review, cause or settled answer changed on both sides."""

    entity: str  # review, cause, settlement
    uuid: str  # of the row here
    kept: str  # "here" or "source"
    label: str  # what a person reads: "review by ann of support-bot/prod:t1", "cause 'timeout'"
    here_updated_ns: int
    source_updated_ns: int

    def as_dict(self) -> dict[str, Any]:
        from .records import format_time

        return {"entity": self.entity, "uuid": self.uuid, "kept": self.kept, "label": self.label,
                "here_updated_time": format_time(self.here_updated_ns),
                "source_updated_time": format_time(self.source_updated_ns)}


@dataclass
class SourceResult:
    """What merging one database brought."""

    path: str
    schema: int = SCHEMA_VERSION  # the source's schema version (an older one was read through a migrated copy)
    traces: Tally = field(default_factory=Tally)  # updated: a trace known here only from its spans
    spans: Tally = field(default_factory=Tally)
    feedback: Tally = field(default_factory=Tally)
    causes: Tally = field(default_factory=Tally)
    reviews: Tally = field(default_factory=Tally)
    settlements: Tally = field(default_factory=Tally)
    audit_entries: int = 0
    refused: dict[str, int] = field(default_factory=dict)  # table -> rows left out (see merge_checks)
    conflicts: list[Conflict] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        return {"path": self.path, "schema": self.schema,
                "traces": self.traces.as_dict(), "spans": self.spans.as_dict(),
                "feedback": self.feedback.as_dict(), "causes": self.causes.as_dict(),
                "reviews": self.reviews.as_dict(), "settlements": self.settlements.as_dict(),
                "audit_entries": self.audit_entries, "refused": dict(self.refused),
                "conflicts": [c.as_dict() for c in self.conflicts],
                "warnings": self.warnings}


@dataclass
class MergeReport:
    sources: list[SourceResult] = field(default_factory=list)
    traces_recomputed: int = 0  # traces whose signals and queue entries were recomputed

    def total(self, what: str) -> Tally:
        out = Tally()
        for s in self.sources:
            part: Tally = getattr(s, what)
            for k, v in part.as_dict().items():
                setattr(out, k, getattr(out, k) + v)
        return out

    @property
    def changed(self) -> bool:
        return any(t.added or t.updated for s in self.sources
                   for t in (s.traces, s.spans, s.feedback, s.causes, s.reviews, s.settlements))

    def as_dict(self) -> dict[str, Any]:
        kinds = ("traces", "spans", "feedback", "causes", "reviews", "settlements")
        return {"total": {k: self.total(k).as_dict() for k in kinds},
                "traces_recomputed": self.traces_recomputed,
                "sources": [s.as_dict() for s in self.sources]}


# Merging. -----------------------------------------------------------------------------------


def merge_databases(store: Store, paths: Sequence[str | Path], *, author: str | None = None,
                    progress: ProgressFn = ignore_progress) -> MergeReport:
    """Merge the review databases at ``paths`` into ``store``, all in one transaction.
    ``author`` is who merges (the audit log's entries for conflicts name them). Raises
    Cancelled (after rolling back) if the progress callback asks to stop."""
    paths = [Path(p).expanduser() for p in paths]
    if not paths:
        raise MergeError("name at least one review database to merge")
    for path in paths:
        if path.exists() and store.path.exists() and os.path.samefile(path, store.path):
            raise MergeError(f"{path} is the database being merged into; name another")
    report = MergeReport()
    steps = len(paths) * len(_STEPS) + 2
    done = 0

    def step(phase: str) -> None:
        nonlocal done
        progress(Progress(phase, done, steps))
        done += 1

    with ExitStack() as stack:
        clean_merge_folders()  # what a killed merge left
        stack.callback(_release_sources, paths)
        folder = Path(stack.enter_context(tempfile.TemporaryDirectory(prefix=merge_folder_prefix())))
        databases: dict[str, Path] = {}
        for i, path in enumerate(paths):
            step(f"Opening {path.name}")
            readable, version = readable_copy(path, folder, f"source{i}")
            databases[f"src{i}"] = readable
            report.sources.append(SourceResult(str(path), version))
        conn = stack.enter_context(attached_write(store, databases))
        for name in ("_touched", "_reviewed"):
            conn.exec_driver_sql(f"CREATE TEMP TABLE IF NOT EXISTS {name} (pk INTEGER PRIMARY KEY)")
            conn.exec_driver_sql(f"DELETE FROM temp.{name}")
        for (alias, _), result in zip(databases.items(), report.sources, strict=True):
            merge = _SourceMerge(conn, alias, result, author)
            for phase, run in _STEPS:
                step(f"{Path(result.path).name}: {phase}")
                run(merge)
            merge.close()
        step("Finding signals and ranking the queue")
        report.traces_recomputed = update_signals(conn, "SELECT pk FROM temp._touched")
        _refresh_reviewed(conn)
        progress(Progress("Done", steps, steps, final=True))
        conn.exec_driver_sql("DROP TABLE temp._touched")
        conn.exec_driver_sql("DROP TABLE temp._reviewed")
    return report


def _release_sources(paths: list[Path]) -> None:
    """The -wal and -shm files reading a source made beside it go once the merge is over."""
    for path in paths:
        release_wal_files(path)


def _refresh_reviewed(conn: Connection) -> None:
    """Reviewed traces leave the queue (and a settled or updated one keeps its place right)."""
    scope = "SELECT pk FROM temp._reviewed WHERE pk NOT IN (SELECT pk FROM temp._touched)"
    keys = {k for (k,) in conn.exec_driver_sql(
        f"SELECT DISTINCT group_key FROM queue_entry WHERE trace_pk IN ({scope}) AND group_key IS NOT NULL")}
    queue.refresh_states(conn, scope)
    queue.regroup(conn, keys)


class _SourceMerge:
    """Merging one attached database (``alias``) into the main one."""

    def __init__(self, conn: Connection, alias: str, result: SourceResult, author: str | None) -> None:
        self.conn = conn
        self.s = alias
        self.result = result
        self.author = author
        tables = set(conn.exec_driver_sql(f"SELECT name FROM {alias}.sqlite_master WHERE type = 'table'").scalars())
        missing = {"source", "trace", "span", "feedback", "review", "cause", "audit_log", "settlement"} - tables
        if missing:
            raise DatabaseError(f"{result.path} is not a complete review database (it has no {', '.join(missing)})")
        conn.exec_driver_sql("CREATE TEMP TABLE IF NOT EXISTS _map (src_pk INTEGER PRIMARY KEY, pk INTEGER, "
                             "new INTEGER)")
        conn.exec_driver_sql("DELETE FROM temp._map")
        for refusal in refuse_bad_rows(conn, alias):
            result.refused[refusal.table] = refusal.count
            result.warnings.append(str(refusal))

    def sql(self, statement: str, params: tuple = ()) -> int:
        """Run a statement; the number of rows it changed."""
        return self.conn.exec_driver_sql(statement, params).rowcount

    def scalar(self, statement: str, params: tuple = ()) -> Any:
        return self.conn.exec_driver_sql(statement, params).scalar()

    def close(self) -> None:
        self.conn.exec_driver_sql("DROP TABLE temp._map")

    # Traces, spans, feedback. ---------------------------------------------------------------

    def traces(self) -> None:
        s = self.s
        self.sql(f"INSERT OR IGNORE INTO source (name, created_ns) SELECT name, created_ns FROM {s}.source x "
                 f"WHERE {accepted('source')}")
        run = self.conn.exec_driver_sql(
            "INSERT INTO import_run (path, format, started_ns, traces_added, spans_added, feedback_added, "
            "problems) VALUES (?, 'review database', ?, 0, 0, 0, 0)", (self.result.path, now_ns())).lastrowid
        mark = self.scalar("SELECT coalesce(max(id), 0) FROM trace")
        cols = columns(Trace, "source_id", "import_id")
        updates = ", ".join(f"{c} = excluded.{c}" for c in TRACE_RECORD_COLUMNS)
        changed = self.sql(f"""
            INSERT INTO trace (source_id, import_id, {', '.join(cols)})
            SELECT ts.id, ?, {', '.join('t.' + c for c in cols)}
            FROM {s}.trace t JOIN {s}.source ss ON ss.id = t.source_id JOIN main.source ts ON ts.name = ss.name
            WHERE {accepted('trace', 't')} ORDER BY t.id
            ON CONFLICT (source_id, trace_id) DO UPDATE SET {updates}
            WHERE NOT trace.has_record AND excluded.has_record
        """, (run,))
        added = self.scalar("SELECT count(*) FROM trace WHERE id > ?", (mark,))
        total = self.scalar(f"SELECT count(*) FROM {s}.trace t WHERE {accepted('trace', 't')}")
        self.result.traces = Tally(added=added, updated=changed - added, unchanged=total - changed)
        self.sql(f"""
            INSERT INTO temp._map (src_pk, pk, new)
            SELECT t.id, tt.id, tt.id > ? FROM {s}.trace t JOIN {s}.source ss ON ss.id = t.source_id
            JOIN main.source ts ON ts.name = ss.name JOIN main.trace tt ON tt.source_id = ts.id
            AND tt.trace_id = t.trace_id WHERE {accepted('trace', 't')}
        """, (mark,))
        self.sql("INSERT OR IGNORE INTO temp._touched (pk) SELECT pk FROM temp._map WHERE new")
        self.sql("UPDATE import_run SET traces_added = ? WHERE id = ?", (added, run))
        self.run_id = run
        # Traces that were only stubs here and took the incoming record: derive them again.
        self.conn.exec_driver_sql("CREATE TEMP TABLE IF NOT EXISTS _grown (pk INTEGER PRIMARY KEY)")
        self.conn.exec_driver_sql("DELETE FROM temp._grown")
        if changed > added:
            self.sql(f"""INSERT OR IGNORE INTO temp._grown (pk) SELECT m.pk FROM temp._map m
                         JOIN {s}.trace t ON t.id = m.src_pk WHERE NOT m.new AND t.has_record""")

    def spans(self) -> None:
        s = self.s
        # The traces here that gain spans (none, usually: spans come with their trace).
        self.sql(f"""
            INSERT OR IGNORE INTO temp._grown (pk) SELECT m.pk FROM temp._map m WHERE NOT m.new AND EXISTS (
                SELECT 1 FROM {s}.span x WHERE x.trace_pk = m.src_pk AND NOT EXISTS (
                    SELECT 1 FROM main.span y WHERE y.trace_pk = m.pk AND y.span_id = x.span_id))
        """)
        cols = columns(Span, "trace_pk")
        added = self.sql(f"""
            INSERT OR IGNORE INTO span (trace_pk, {', '.join(cols)})
            SELECT m.pk, {', '.join('x.' + c for c in cols)}
            FROM {s}.span x JOIN temp._map m ON m.src_pk = x.trace_pk
            WHERE (m.new OR m.pk IN (SELECT pk FROM temp._grown)) AND {accepted('span')} ORDER BY x.id
        """)
        total = self.scalar(f"SELECT count(*) FROM {s}.span x WHERE {accepted('span')}")
        self.result.spans = Tally(added=added, unchanged=total - added)
        self.sql("UPDATE import_run SET spans_added = ? WHERE id = ?", (added, self.run_id))

    def feedback(self) -> None:
        s = self.s
        mark = self.scalar("SELECT coalesce(max(id), 0) FROM feedback")
        cols = columns(Feedback, "source_id", "trace_pk")
        added = self.sql(f"""
            INSERT OR IGNORE INTO feedback (source_id, trace_pk, {', '.join(cols)})
            SELECT ts.id, m.pk, {', '.join('f.' + c for c in cols)}
            FROM {s}.feedback f JOIN {s}.source ss ON ss.id = f.source_id JOIN main.source ts ON ts.name = ss.name
            LEFT JOIN temp._map m ON m.src_pk = f.trace_pk WHERE {accepted('feedback', 'f')} ORDER BY f.id
        """)
        total = self.scalar(f"SELECT count(*) FROM {s}.feedback f WHERE {accepted('feedback', 'f')}")
        self.result.feedback = Tally(added=added, unchanged=total - added)
        self.sql("UPDATE import_run SET feedback_added = ?, finished_ns = ? WHERE id = ?",
                 (added, now_ns(), self.run_id))
        if not (self.result.traces.added or self.result.spans.added or added):
            self.sql("DELETE FROM import_run WHERE id = ?", (self.run_id,))  # a merge that brought no data
        if added:
            self.sql("INSERT OR IGNORE INTO temp._grown (pk) SELECT trace_pk FROM feedback WHERE id > ? "
                     "AND trace_pk IN (SELECT pk FROM temp._map WHERE NOT new)", (mark,))
            attach_feedback(self.conn)  # feedback that waited for a trace merged now (adds to _touched)
        # What traces here gained: their derived fields and search documents anew.
        derive_trace_fields(self.conn, "SELECT pk FROM temp._grown")
        refresh_search(self.conn, "SELECT pk FROM temp._grown")
        self.sql("INSERT OR IGNORE INTO temp._touched (pk) SELECT pk FROM temp._grown")

    def search(self) -> None:
        """The search documents of new traces, as the source indexed them."""
        s = self.s
        self.sql("DELETE FROM trace_fts WHERE rowid IN (SELECT pk FROM temp._map WHERE new)")
        self.sql(f"""
            INSERT INTO trace_fts (rowid, body)
            SELECT m.pk, f.body FROM {s}.trace_fts f JOIN temp._map m ON m.src_pk = f.rowid WHERE m.new
        """)
        missing = "SELECT pk FROM temp._map WHERE new AND pk NOT IN (SELECT rowid FROM trace_fts)"
        if self.scalar(f"SELECT count(*) FROM ({missing})"):
            refresh_search(self.conn, missing)

    # Human work. ------------------------------------------------------------------------------

    def causes(self) -> None:
        self._human(_CAUSES)
        names: dict[str, list[str]] = {}
        for uuid, name in self.conn.exec_driver_sql("SELECT uuid, name FROM cause WHERE NOT retired"):
            names.setdefault(name.lower(), []).append(uuid)
        for name, uuids in sorted(names.items()):
            if len(uuids) > 1:
                self.result.warnings.append(
                    f"{len(uuids)} causes are named '{name}' now (added apart on different copies): rename or "
                    "retire all but one ('tracedesk causes')")

    def reviews(self) -> None:
        self._human(_REVIEWS)

    def settlements(self) -> None:
        self._human(_SETTLEMENTS)

    def _human(self, kind: _Human) -> None:
        s, table = self.s, kind.table
        tally = Tally()
        cols = columns(kind.model)
        src_cols = [("m.pk" if c == "trace_pk" else f"x.{c}") for c in cols]
        join = "JOIN temp._map m ON m.src_pk = x.trace_pk" if kind.by_trace else ""
        here_by_key = " AND ".join(f"y.{k} = {'m.pk' if k == 'trace_pk' else 'x.' + k}" for k in kind.key)
        new = (f"NOT EXISTS (SELECT 1 FROM main.{table} y WHERE y.uuid = x.uuid) "
               f"AND NOT EXISTS (SELECT 1 FROM main.{table} y WHERE {here_by_key}) AND {accepted(table)}")
        # Those here already, by uuid or by key, are compared one by one; the others are added.
        here = self.conn.exec_driver_sql(
            f"SELECT {', '.join(f'{expr} AS {c}' for expr, c in zip(src_cols, cols, strict=True))}, "
            f"(SELECT y.uuid FROM main.{table} y WHERE y.uuid = x.uuid) AS here_by_uuid, "
            f"(SELECT y.uuid FROM main.{table} y WHERE {here_by_key}) AS here_by_key "
            f"FROM {s}.{table} x {join} WHERE NOT ({new}) AND {accepted(table)}").mappings().fetchall()
        if kind.by_trace:
            self.sql(f"INSERT OR IGNORE INTO temp._reviewed (pk) SELECT m.pk FROM {s}.{table} x {join} WHERE {new}")
        tally.added = self.sql(f"INSERT INTO {table} ({', '.join(cols)}) SELECT {', '.join(src_cols)} "
                               f"FROM {s}.{table} x {join} WHERE {new} ORDER BY x.id")
        conflicts: list[tuple[str, dict[str, Any], dict[str, Any] | None]] = []
        for row in here:
            incoming = {c: row[c] for c in cols}
            self._compare(kind, incoming, row["here_by_uuid"] or row["here_by_key"], tally, conflicts)
        setattr(self.result, kind.name, tally)
        # Their history, pointing at the traces here; then what the merge chose, after it.
        self._audit(kind)
        for uuid, other, kept in conflicts:
            audit.record(self.conn, self.author, "merge", kind.name_one, uuid, other, kept)

    def _compare(self, kind: _Human, incoming: dict[str, Any], here_uuid: str, tally: Tally,
                 conflicts: list[tuple[str, dict[str, Any], dict[str, Any] | None]]) -> None:
        here = audit.snapshot(self.conn, kind.table, here_uuid)
        assert here is not None
        content = [c for c in here if c not in ("uuid", "created_ns", "updated_ns")]
        if all(here[c] == incoming[c] for c in content):
            tally.unchanged += 1
            return
        mine, theirs = kind.when(here), kind.when(incoming)
        future = theirs > now_ns() + FUTURE_SLACK_NS
        if future:
            # A clock set wrong, or a file edited to win every merge: not newer, a conflict.
            from .records import format_time

            self.result.warnings.append(
                f"{self._label(kind, here)}: the other file's version is dated in the future "
                f"({format_time(theirs)}); the one here was kept, the other is in the history "
                "(undo that entry to take it)")
        if theirs > mine and not future:
            known = incoming["uuid"] == here_uuid and self._known(self.s, here_uuid, here["updated_ns"], mine)
            values = {c: incoming[c] for c in content}
            sets = ", ".join(f"{c} = ?" for c in values)
            self.sql(f"UPDATE {kind.table} SET {sets}, updated_ns = ? WHERE uuid = ?",
                     (*values.values(), incoming["updated_ns"], here_uuid))
            tally.updated += 1
            if not known:  # changed on both sides: the version here goes to the audit log
                tally.conflicts += 1
                conflicts.append((here_uuid, here, audit.snapshot(self.conn, kind.table, here_uuid)))
                self.result.conflicts.append(Conflict(kind.name_one, here_uuid, "source", self._label(kind, here),
                                                      here["updated_ns"], incoming["updated_ns"]))
        else:
            if not future and self._known("main", here_uuid, incoming["updated_ns"], theirs):
                tally.unchanged += 1  # an older version of what is here
                return
            tally.conflicts += 1
            other = {**incoming, "uuid": here_uuid}
            conflicts.append((here_uuid, other, here))
            self.result.conflicts.append(Conflict(kind.name_one, here_uuid, "here", self._label(kind, here),
                                                  here["updated_ns"], incoming["updated_ns"]))
        if kind.by_trace:
            self.sql("INSERT OR IGNORE INTO temp._reviewed (pk) VALUES (?)", (here["trace_pk"],))

    def _known(self, schema: str, uuid: str, updated_ns: int, when: int) -> bool:
        """Whether the version of ``uuid`` last changed at ``updated_ns`` is in the audit
        log of ``schema`` (so the side it comes from saw it and changed it since)."""
        if when == 0:
            return True  # a default cause as every database starts with it
        return bool(self.conn.exec_driver_sql(
            f"SELECT 1 FROM {schema}.audit_log WHERE entity_uuid = ? AND ("
            "json_extract(after, '$.updated_ns') = ? OR json_extract(before, '$.updated_ns') = ?) LIMIT 1",
            (uuid, updated_ns, updated_ns)).first())

    def _label(self, kind: _Human, row: dict[str, Any]) -> str:
        if kind.name_one == "cause":
            return f"cause '{row['name']}'"
        ref = self.conn.exec_driver_sql("SELECT s.name || ':' || t.trace_id FROM trace t JOIN source s "
                                        "ON s.id = t.source_id WHERE t.id = ?", (row["trace_pk"],)).scalar()
        if kind.name_one == "review":
            return f"review by {row['reviewer']} of {ref}"
        return f"settled answer on {ref}"

    def _audit(self, kind: _Human) -> None:
        s = self.s

        def moved(col: str) -> str:
            if not kind.by_trace:
                return f"a.{col}"
            return (f"CASE WHEN a.{col} IS NULL THEN NULL ELSE json_set(a.{col}, '$.trace_pk', "
                    f"(SELECT m.pk FROM temp._map m WHERE m.src_pk = json_extract(a.{col}, '$.trace_pk'))) END")

        added = self.sql(f"""
            INSERT OR IGNORE INTO audit_log (uuid, time_ns, author, action, entity, entity_uuid, before, after, undoes)
            SELECT a.uuid, a.time_ns, a.author, a.action, a.entity, a.entity_uuid, {moved('before')},
                   {moved('after')}, a.undoes
            FROM {s}.audit_log a
            WHERE a.entity = ? AND a.entity_uuid IN (SELECT uuid FROM main.{kind.table})
              AND {accepted('audit_log', 'a')}
              AND NOT EXISTS (SELECT 1 FROM main.audit_log b WHERE b.uuid = a.uuid)
            ORDER BY a.time_ns, a.id
        """, (kind.name_one,))
        self.result.audit_entries += added


@dataclass(frozen=True)
class _Human:
    """A table of human work and how its rows are matched."""

    name: str  # the report's name for them
    name_one: str  # the audit log's entity
    table: str
    model: Any
    key: tuple[str, ...]  # what makes two rows the same besides their uuid
    by_trace: bool
    when: Callable[[dict[str, Any]], int]  # when a version was made, to tell the newer


def _cause_when(row: dict[str, Any]) -> int:
    # A default cause never edited is older than any change to it, whenever it was seeded.
    return 0 if row["author"] is None and row["updated_ns"] == row["created_ns"] else row["updated_ns"]


_CAUSES = _Human("causes", "cause", "cause", Cause, ("uuid",), False, _cause_when)
_REVIEWS = _Human("reviews", "review", "review", Review, ("trace_pk", "reviewer"), True, lambda r: r["updated_ns"])
_SETTLEMENTS = _Human("settlements", "settlement", "settlement", Settlement, ("trace_pk",), True,
                      lambda r: r["updated_ns"])

_STEPS: list[tuple[str, Callable[[_SourceMerge], None]]] = [
    ("traces", _SourceMerge.traces),
    ("steps", _SourceMerge.spans),
    ("feedback", _SourceMerge.feedback),
    ("search index", _SourceMerge.search),
    ("causes", _SourceMerge.causes),
    ("reviews", _SourceMerge.reviews),
    ("settled answers", _SourceMerge.settlements),
]
