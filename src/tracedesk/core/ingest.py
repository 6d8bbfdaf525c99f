"""The import pipeline: detect, read, check, store in batches, derive, report.

Each path given is first planned (:mod:`tracedesk.core.import_plan`): the files it
holds, the format and source of each, what is skipped and why. Then one call to
:func:`import_paths` is one write transaction reading those plans. Each path is a
savepoint inside it, and so is each file inside a folder or zip: a file that cannot be
read at all is rolled back alone and reported, the rest is kept. A cancelled import
(the progress callback raises :class:`Cancelled`) rolls everything back.

Memory stays flat: records stream from the file into batches of rows, which SQLAlchemy
Core inserts with ``executemany``; which traces the import touched is kept in a
temporary table, not in Python.
"""

from __future__ import annotations

import logging
import tempfile
from collections import OrderedDict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from operator import itemgetter
from pathlib import Path
from typing import Any

import orjson
from sqlalchemy import Connection, Table

from . import formats
from .containers import ByteCounter
from .errors import BundleError
from .formats import Item, Problem, Record
from .import_plan import PathPlan, Planned, bundle_source, plan_paths
from .models import Feedback, Span, Trace
from .progress import Progress, ProgressFn, Throttle, ignore_progress
from .records import TRACE_RECORD_COLUMNS, RecordRefused, dumps, feedback_row, span_row, trace_row
from .search import refresh_search
from .signals import update_signals
from .store import Store, chunked, executemany, now_ns, placeholders, select_named, select_rows

BATCH = 2000
log = logging.getLogger(__name__)
# What a reader's slip on an unforeseen shape raises (a list where it expects an object, a
# missing key): the file is refused with a message, not the import stopped. (Errors of the
# database are none of these.)
_READER_SLIPS = (TypeError, AttributeError, KeyError, IndexError, ValueError, RecursionError)
TRACE_CACHE = 50_000  # trace ids -> row ids remembered while importing spans
MAX_PROBLEMS_KEPT = 1000  # per file; the rest are counted

_TRACE = Trace.__table__
_SPAN = Span.__table__
_FEEDBACK = Feedback.__table__


@dataclass
class Counts:
    traces: int = 0
    spans: int = 0
    feedback: int = 0

    def add(self, other: Counts) -> None:
        self.traces += other.traces
        self.spans += other.spans
        self.feedback += other.feedback

    def as_dict(self) -> dict[str, int]:
        return {"traces": self.traces, "spans": self.spans, "feedback": self.feedback}


@dataclass
class ImportProblem:
    file: str
    line: int | None
    reason: str
    where: str | None = None

    def __str__(self) -> str:
        place = self.file
        if self.line is not None:
            place += f", line {self.line}"
        if self.where:
            place += f" ({self.where})"
        return f"{place}: {self.reason}"

    def as_dict(self) -> dict[str, Any]:
        return {"file": self.file, "line": self.line, "where": self.where, "reason": self.reason}


@dataclass
class PathResult:
    """What importing one path did."""

    path: str
    formats: list[str] = field(default_factory=list)
    added: Counts = field(default_factory=Counts)
    existing: Counts = field(default_factory=Counts)
    problems: list[ImportProblem] = field(default_factory=list)
    problem_count: int = 0
    pending_feedback: int = 0  # feedback whose trace is not in the database yet
    error: str | None = None  # the path could not be read: nothing from it was kept

    @property
    def imported(self) -> bool:
        return self.error is None

    def problem(self, problem: ImportProblem) -> None:
        self.problem_count += 1
        if len(self.problems) < MAX_PROBLEMS_KEPT:
            self.problems.append(problem)

    def as_dict(self) -> dict[str, Any]:
        return {
            "path": self.path,
            "formats": self.formats,
            "added": self.added.as_dict(),
            "already_there": self.existing.as_dict(),
            "pending_feedback": self.pending_feedback,
            "problem_count": self.problem_count,
            "problems": [p.as_dict() for p in self.problems],
            "error": self.error,
        }


@dataclass
class ImportReport:
    paths: list[PathResult] = field(default_factory=list)

    @property
    def added(self) -> Counts:
        total = Counts()
        for p in self.paths:
            total.add(p.added)
        return total

    @property
    def existing(self) -> Counts:
        total = Counts()
        for p in self.paths:
            total.add(p.existing)
        return total

    @property
    def problem_count(self) -> int:
        return sum(p.problem_count for p in self.paths)

    @property
    def anything_imported(self) -> bool:
        return any(p.imported for p in self.paths)

    def as_dict(self) -> dict[str, Any]:
        return {
            "added": self.added.as_dict(),
            "already_there": self.existing.as_dict(),
            "problem_count": self.problem_count,
            "paths": [p.as_dict() for p in self.paths],
        }


def import_paths(
    store: Store,
    paths: Iterable[str | Path],
    *,
    format_name: str | None = None,
    progress: ProgressFn = ignore_progress,
) -> ImportReport:
    """Import bundles into ``store``. Raises Cancelled (after rolling back) if asked to stop."""
    paths = [Path(p) for p in paths]
    forced = formats.by_name(format_name) if format_name else None
    report = ImportReport()
    with tempfile.TemporaryDirectory(prefix="tracedesk-import-") as scratch:
        plans = plan_paths(paths, forced, Path(scratch))
        job = _Job(progress, total=sum(plan.size for plan in plans))
        with store.write() as conn:
            conn.exec_driver_sql("CREATE TEMP TABLE IF NOT EXISTS _touched (pk INTEGER PRIMARY KEY)")
            for plan in plans:
                conn.exec_driver_sql("DELETE FROM temp._touched")
                report.paths.append(_import_planned(conn, plan, job))
            conn.exec_driver_sql("DROP TABLE temp._touched")
    job.report("Done", force=True, final=True)
    return report


def _import_planned(conn: Connection, plan: PathPlan, job: _Job) -> PathResult:
    """One path as its own savepoint: a path that cannot be read at all leaves nothing."""
    if plan.error is not None:
        return PathResult(str(plan.path), error=plan.error)
    result = PathResult(str(plan.path))
    with _savepoint(conn, "path") as sp:
        try:
            _import_path(conn, plan, result, job)
        except BundleError as exc:
            sp.rollback()
            result = PathResult(str(plan.path), error=str(exc))
    return result


class _Job:
    """Progress over all paths of one import."""

    def __init__(self, fn: ProgressFn, total: int) -> None:
        self.total = total
        self.done_before = 0  # bytes of the entries finished
        self.counter = ByteCounter()  # bytes of the entry being read
        self.counts = Counts()
        self._throttle = Throttle(fn)

    def report(self, phase: str, force: bool = False, final: bool = False) -> None:
        self._throttle(
            Progress(phase, self.done_before + self.counter.done, self.total, self.counts.as_dict(), final),
            force=force,
        )

    def entry_done(self, planned: Planned) -> None:
        # An archive read whole by its format is not counted as it is read: all of it is done.
        self.done_before += self.counter.done if planned.entry is not None else planned.size
        self.counter = ByteCounter()


class _Savepoint:
    def __init__(self, conn: Connection, name: str) -> None:
        self.conn = conn
        self.name = name
        self.rolled_back = False

    def rollback(self) -> None:
        self.conn.exec_driver_sql(f"ROLLBACK TO {self.name}")
        self.rolled_back = True


class _savepoint:  # noqa: N801 - used as a context manager, like contextlib's
    def __init__(self, conn: Connection, name: str) -> None:
        self.sp = _Savepoint(conn, name)

    def __enter__(self) -> _Savepoint:
        self.sp.conn.exec_driver_sql(f"SAVEPOINT {self.sp.name}")
        return self.sp

    def __exit__(self, exc_type: object, *_: object) -> None:
        if exc_type is None:
            self.sp.conn.exec_driver_sql(f"RELEASE {self.sp.name}")
        # On an exception the enclosing transaction is rolled back as a whole.


def _import_path(conn: Connection, plan: PathPlan, result: PathResult, job: _Job) -> None:
    marks = _Marks.take(conn)
    path = plan.path
    for skipped in plan.skipped:
        result.problem(ImportProblem(skipped.path_or_member, None, skipped.skipped_reason or ""))
    run_id = conn.exec_driver_sql(
        "INSERT INTO import_run (path, format, started_ns, traces_added, spans_added, feedback_added, problems, "
        "bundle) VALUES (:path, '', :started, 0, 0, 0, 0, :bundle)",
        {"path": str(path), "started": now_ns(), "bundle": dumps(plan.bundle)},
    ).lastrowid
    loader = _Loader(conn, run_id, result, job)
    read_any = False
    for planned in plan.to_read:
        fmt = planned.format
        assert fmt is not None  # every file to read has one
        with _savepoint(conn, "entry") as sp:
            before = (Counts(**result.added.as_dict()), Counts(**result.existing.as_dict()),
                      Counts(**job.counts.as_dict()))
            try:
                loader.start_file(planned)
                loader.read(planned.path_or_member, planned.items(job.counter))
                read_any = True
                if fmt.name not in result.formats:
                    result.formats.append(fmt.name)
            except BundleError as exc:
                sp.rollback()
                loader.forget()
                result.added, result.existing, job.counts = before
                result.problem(ImportProblem(planned.path_or_member, exc.line, exc.reason))
            job.entry_done(planned)
    if not read_any:
        only = result.problems[0] if len(result.problems) == 1 else None
        if only is not None and only.file == str(path):  # a single file: its own reason says it all
            raise BundleError(str(path), only.reason.removesuffix("; skipped"), only.line)
        reasons = "; ".join(f"{p.file}: {p.reason}" for p in result.problems[-3:]) or "it holds no trace data"
        raise BundleError(str(path), f"nothing could be read ({reasons})")
    _finish(conn, marks, result, job)
    conn.exec_driver_sql(
        "UPDATE import_run SET format = :format, finished_ns = :finished, traces_added = :traces, "
        "spans_added = :spans, feedback_added = :feedback, problems = :problems WHERE id = :run",
        {"format": ",".join(result.formats), "finished": now_ns(), "traces": result.added.traces,
         "spans": result.added.spans, "feedback": result.added.feedback, "problems": result.problem_count,
         "run": run_id},
    )


@dataclass
class _Marks:
    """The highest row ids before a path is imported: rows above them are new."""

    trace: int
    span: int

    @classmethod
    def take(cls, conn: Connection) -> _Marks:
        row = conn.exec_driver_sql(
            "SELECT (SELECT coalesce(max(id), 0) FROM trace), (SELECT coalesce(max(id), 0) FROM span)"
        ).one()
        return cls(row[0], row[1])


class _FileProblems:
    """The problems of one file: all counted, the first ones kept."""

    def __init__(self, name: str) -> None:
        self.name = name
        self.kept: list[ImportProblem] = []
        self.count = 0

    def add(self, line: int | None, reason: str, where: str | None = None) -> None:
        self.count += 1
        if len(self.kept) < MAX_PROBLEMS_KEPT:
            self.kept.append(ImportProblem(self.name, line, reason, where))


class _Loader:
    """Buffers the rows of one path and writes them in batches."""

    def __init__(self, conn: Connection, run_id: int, result: PathResult, job: _Job) -> None:
        self.conn = conn
        self.run_id = run_id
        self.result = result
        self.job = job
        self.source_name = ""  # set by start_file, from the plan
        self._source_pk: int | None = None
        # Whether the bundle named the file's source (the plan says); if not, a bundle record
        # a reader yields before the file's first record names it (an OTLP file's service).
        self.source_fixed = False
        self.file_records = 0
        self.traces: list[dict[str, Any]] = []
        self.spans: list[dict[str, Any]] = []
        self.feedback: list[dict[str, Any]] = []
        self.pks: OrderedDict[str, int] = OrderedDict()

    @property
    def source_id(self) -> int:
        """The row of the current source, created when the first record needs it."""
        if self._source_pk is None:
            name = self.source_name
            found = self.conn.exec_driver_sql("SELECT id FROM source WHERE name = ?", (name,)).scalar()
            if found is None:
                found = self.conn.exec_driver_sql("INSERT INTO source (name, created_ns) VALUES (?, ?)",
                                                  (name, now_ns())).lastrowid
            self._source_pk = found
        return self._source_pk

    def forget(self) -> None:
        """After a rollback: rows buffered or remembered may no longer exist (the source's
        own row too, if the file rolled back created it: it is looked up again)."""
        self.traces.clear()
        self.spans.clear()
        self.feedback.clear()
        self.pks.clear()
        self._source_pk = None

    def start_file(self, planned: Planned) -> None:
        """Before a file is read: its traces go to the source the plan gives it, never to
        the one the file before it had."""
        self.source_fixed = planned.source_fixed
        self._use_source(planned.source_name or "")

    def _use_source(self, source: str) -> None:
        if source != self.source_name:
            self.flush()  # what is buffered belongs to the source before
            self.pks.clear()
            self.source_name, self._source_pk = source, None

    def read(self, name: str, items: Iterator[Item]) -> None:
        """Store the records of one file. Its problems join the report only if the file
        turns out to be a bundle at all; if no line of it is a record, BundleError."""
        job = self.job
        problems = _FileProblems(name)
        records = lines = 0
        self.file_records = 0
        add = self._add
        warnings: list[str] = []  # of the record being read
        warn = warnings.append
        line = None  # of the last record read
        try:
            for item in items:
                lines += 1
                if lines % 1000 == 0:
                    job.report(f"Reading {name}")
                line = item.line
                if type(item) is Problem:
                    problems.add(item.line, item.reason, item.where)
                    continue
                try:
                    add(item, name, warn)
                    records += 1
                except RecordRefused as exc:
                    warn(f"skipped: {exc}")
                if warnings:
                    for warning in warnings:
                        problems.add(item.line, warning, item.where)
                    warnings.clear()
        except _READER_SLIPS as exc:
            # A shape no reader was written for: the file is refused whole (its savepoint
            # is rolled back), named, with the traceback in the log for a bug report.
            log.warning("reading %s stopped after line %s", name, line, exc_info=True)
            where = f"past line {line}" if line else "it"
            raise BundleError(name, f"Tracedesk could not read {where}: the file holds something this "
                              f"format's reader does not expect ({type(exc).__name__}: {exc}); nothing of "
                              "it was imported. Please report it, with the log file (Help › Open Log Folder)",
                              line) from exc
        self.flush()
        if records == 0 and problems.count:
            first = problems.kept[0]
            raise BundleError(
                name, f"not a trace bundle: no line of it is a record ({first.reason})", first.line
            )
        if lines == 0:
            problems.add(None, "the file is empty")
        for problem in problems.kept:
            self.result.problem(problem)
        self.result.problem_count += problems.count - len(problems.kept)

    def _add(self, item: Record, name: str, warn: Callable[[str], None]) -> None:
        data = item.data
        kind = data.get("type")
        if kind != "bundle":
            self.file_records += 1
        if kind == "span":
            row = span_row(data, warn)
            row["origin"] = f"{name}:{item.line}" if item.line else name
            self.spans.append(row)
            if len(self.spans) >= BATCH:
                self.flush_spans()
        elif kind == "trace":
            self.traces.append(trace_row(data, warn))
            if len(self.traces) >= BATCH:
                self.flush_traces()
        elif kind == "feedback":
            row = feedback_row(data, self.source_name, warn)
            row["origin"] = f"{name}:{item.line}" if item.line else name
            self.feedback.append(row)
            if len(self.feedback) >= BATCH:
                self.flush_feedback()
        elif kind == "bundle":
            self._bundle(data, warn)
        elif kind is None:
            raise RecordRefused("it has no 'type'")
        else:
            raise RecordRefused(f"unknown record type '{kind}'")

    def _bundle(self, data: dict[str, Any], warn) -> None:
        source = bundle_source(data, self.source_name)
        if source == self.source_name:
            return
        if not self.source_fixed and self.file_records == 0:
            self._use_source(source)
            return
        warn(f"a second bundle record names source '{source}'; the bundle's source stays "
             f"'{self.source_name}'")

    def flush(self) -> None:
        self.flush_traces()
        self.flush_spans()
        self.flush_feedback()

    def flush_traces(self) -> None:
        if not self.traces:
            return
        rows = self.traces
        self.traces = []
        source_id, run_id = self.source_id, self.run_id
        for row in rows:
            row["source_id"] = source_id
            row["import_id"] = run_id
            row["span_count"] = row["error_count"] = 0  # counted from the spans in _finish
        changed = _insert_rows(self.conn, _TRACE, rows, _TRACE_RECORD_ARRIVES)
        self._count(traces=(changed, len(rows)))
        self._touch(self._pks_of({row["trace_id"] for row in rows}).values())

    def flush_spans(self) -> None:
        if not self.spans:
            return
        # The trace records read so far go in first: a trace the spans find missing is
        # stored as a stub to be filled when its record comes, twice the writing.
        self.flush_traces()
        rows = self.spans
        self.spans = []
        pks = self._pks_of({row["trace_id"] for row in rows}, create=True)
        for row in rows:
            row["trace_pk"] = pks[row.pop("trace_id")]
        added = _insert_rows(self.conn, _SPAN, rows)
        self._count(spans=(added, len(rows)))
        self._touch(set(pks.values()))

    def flush_feedback(self) -> None:
        if not self.feedback:
            return
        rows = self.feedback
        self.feedback = []
        earlier = {}
        for row in rows:
            row["source_id"] = self.source_id
            row["trace_pk"] = None  # attached in _finish, once every trace is in
            if "earlier_hash" in row:
                earlier[row.pop("earlier_hash")] = row
        if earlier:
            # Feedback of this source stored under the hash an earlier Tracedesk gave it.
            for chunk in chunked(list(earlier)):
                found = select_rows(self.conn, "SELECT content_hash FROM feedback WHERE source_id = ? "
                                    f"AND content_hash IN ({placeholders(chunk)})", (self.source_id, *chunk))
                for (old,) in found:
                    earlier[old]["content_hash"] = old
        added = _insert_rows(self.conn, _FEEDBACK, rows)
        self._count(feedback=(added, len(rows)))

    def _count(self, **kinds: tuple[int, int]) -> None:
        for kind, (added, seen) in kinds.items():
            setattr(self.result.added, kind, getattr(self.result.added, kind) + added)
            setattr(self.result.existing, kind, getattr(self.result.existing, kind) + seen - added)
            setattr(self.job.counts, kind, getattr(self.job.counts, kind) + added)

    def _touch(self, pks: Iterable[int]) -> None:
        executemany(self.conn, "INSERT OR IGNORE INTO temp._touched (pk) VALUES (?)", [(pk,) for pk in pks])

    def _pks_of(self, trace_ids: set[str], create: bool = False) -> dict[str, int]:
        """Row ids of this source's traces; with ``create``, a trace known only by its
        spans gets a row now, filled from its root span when the path is finished."""
        found: dict[str, int] = {}
        missing = []
        for tid in trace_ids:
            pk = self.pks.get(tid)
            if pk is None:
                missing.append(tid)
            else:
                found[tid] = pk
        if missing and create:
            _insert_rows(self.conn, _TRACE, [
                {"source_id": self.source_id, "trace_id": tid, "has_record": False,
                 "span_count": 0, "error_count": 0, "import_id": self.run_id}
                for tid in missing
            ])
        if missing:
            for tid, pk in select_rows(self.conn, "SELECT trace_id, id FROM trace WHERE source_id = ? AND "
                                       "trace_id IN (SELECT value FROM json_each(?))",
                                       (self.source_id, orjson.dumps(missing).decode())):
                found[tid] = pk
                self.pks[tid] = pk
        while len(self.pks) > TRACE_CACHE:
            self.pks.popitem(last=False)
        return found


# A trace record arriving for a trace known only from its spans fills it; a trace that
# has its record already keeps it.
_TRACE_RECORD_ARRIVES = (
    "ON CONFLICT (source_id, trace_id) DO UPDATE SET "
    + ", ".join(f"{c} = excluded.{c}" for c in TRACE_RECORD_COLUMNS)
    + " WHERE trace.has_record IS 0"
)


def _insert_rows(conn: Connection, table: Table, rows: list[dict[str, Any]], on_conflict: str = "") -> int:
    """Insert rows that all have the same keys into one of the model's tables, skipping
    those already there (or doing ``on_conflict`` with them); the number of rows changed.
    The rows must give every column that has a default in the model: the statement is
    built from the table's Core definition and run as one driver-level executemany,
    because SQLAlchemy's per-row parameter processing (which would fill those defaults)
    costs a third of a big import, more on many small records."""
    columns = list(rows[0])
    unknown = set(columns) - set(table.c.keys())
    if unknown:
        raise ValueError(f"no such columns in {table.name}: {sorted(unknown)}")
    verb = "INSERT" if on_conflict else "INSERT OR IGNORE"
    sql = (f"{verb} INTO {table.name} ({', '.join(columns)}) "
           f"VALUES ({', '.join('?' * len(columns))}) {on_conflict}")
    cursor = conn.connection.driver_connection.executemany(sql, map(itemgetter(*columns), rows))
    return cursor.rowcount


def _finish(conn: Connection, marks: _Marks, result: PathResult, job: _Job) -> None:
    """After every record of a path is in: attach feedback, derive trace fields, check
    the span trees, bring the search index up to date and find the signals."""
    job.report("Linking feedback and span trees", force=True)
    result.added.traces = conn.exec_driver_sql("SELECT count(*) FROM trace WHERE id > ?", (marks.trace,)).scalar_one()
    touched = conn.exec_driver_sql("SELECT count(*) FROM temp._touched").scalar_one()
    result.existing.traces = touched - result.added.traces
    result.pending_feedback = attach_feedback(conn)
    derive_trace_fields(conn, "SELECT pk FROM temp._touched")
    for orphan in select_named(conn,
        "SELECT s.span_id, s.parent_id, s.origin, t.trace_id FROM span s "
        "JOIN trace t ON t.id = s.trace_pk "
        "WHERE s.id > ? AND s.parent_id IS NOT NULL AND NOT EXISTS ("
        "  SELECT 1 FROM span p WHERE p.trace_pk = s.trace_pk AND p.span_id = s.parent_id)", (marks.span,)):
        file, _, line = (orphan.origin or "").rpartition(":")
        result.problem(ImportProblem(
            file or orphan.origin, int(line) if line.isdigit() else None,
            f"span {orphan.span_id} of trace {orphan.trace_id}: its parent {orphan.parent_id} is not in the "
            "bundle; it is shown at the top of the tree",
        ))
    job.report("Indexing the text for search", force=True)
    refresh_search(conn, "SELECT pk FROM temp._touched")
    job.report("Finding signals and ranking the queue", force=True)
    update_signals(conn, "SELECT pk FROM temp._touched")


def attach_feedback(conn: Connection) -> int:
    """Attach feedback that waited for its trace; return how many still wait.

    A feedback record belongs to the trace with its trace id in its own source; feedback
    exported apart from its traces (another file name, so another default source) falls
    back to the one trace with that id in any source, when there is exactly one.
    """
    conn.exec_driver_sql(
        "CREATE TEMP TABLE _pending AS SELECT id FROM feedback WHERE trace_pk IS NULL"
    )
    conn.exec_driver_sql(
        "UPDATE feedback SET trace_pk = (SELECT t.id FROM trace t WHERE "
        "t.source_id = feedback.source_id AND t.trace_id = feedback.trace_id) "
        "WHERE trace_pk IS NULL"
    )
    conn.exec_driver_sql(
        "UPDATE feedback SET trace_pk = (SELECT min(t.id) FROM trace t "
        "WHERE t.trace_id = feedback.trace_id HAVING count(*) = 1) WHERE trace_pk IS NULL"
    )
    conn.exec_driver_sql(
        "INSERT OR IGNORE INTO temp._touched (pk) SELECT trace_pk FROM feedback "
        "WHERE id IN (SELECT id FROM temp._pending) AND trace_pk IS NOT NULL"
    )
    conn.exec_driver_sql("DROP TABLE temp._pending")
    return conn.exec_driver_sql("SELECT count(*) FROM feedback WHERE trace_pk IS NULL").scalar_one()


def derive_trace_fields(conn: Connection, pks_sql: str) -> None:
    """Fill what a trace takes from its spans: counts, times, model; and its name, status,
    input and output from its root span where the trace record has none (all of them for
    a trace known only by its spans)."""
    # Cost, times and model are in the trace's indexes, whose entries an UPDATE rewrites even
    # when the value stays the same: they are set only on the rows where they change.
    cost = "(SELECT sum(s.cost_usd) FROM span s WHERE s.trace_pk = trace.id)"
    conn.exec_driver_sql(f"""
        UPDATE trace SET
          span_count = (SELECT count(*) FROM span s WHERE s.trace_pk = trace.id),
          error_count = (SELECT count(*) FROM span s
                         WHERE s.trace_pk = trace.id AND s.status = 'error')
        WHERE id IN ({pks_sql})
    """)
    conn.exec_driver_sql(f"UPDATE trace SET cost_usd = {cost} WHERE id IN ({pks_sql}) AND cost_usd IS NOT {cost}")
    conn.exec_driver_sql(f"""
        UPDATE trace SET
          start_ns = coalesce(start_ns,
                              (SELECT min(s.start_ns) FROM span s WHERE s.trace_pk = trace.id)),
          end_ns = coalesce(end_ns,
                            (SELECT max(s.end_ns) FROM span s WHERE s.trace_pk = trace.id)),
          model = coalesce(model, (SELECT s.model FROM span s WHERE s.trace_pk = trace.id
                                   AND s.model IS NOT NULL ORDER BY s.start_ns LIMIT 1))
        WHERE id IN ({pks_sql}) AND (start_ns IS NULL OR end_ns IS NULL OR model IS NULL)
    """)
    _leaf_costs(conn, pks_sql)
    root = ("(SELECT s.{col} FROM span s WHERE s.trace_pk = trace.id AND s.parent_id IS NULL "
            "ORDER BY s.start_ns LIMIT 1)")
    # A run whose root step has no input (OTel GenAI agents) asked its question to its first
    # LLM call: that call's messages are the trace's input.
    first_llm = ("(SELECT s.input FROM span s WHERE s.trace_pk = trace.id AND s.kind = 'llm' "
                 "AND s.input IS NOT NULL ORDER BY s.start_ns, s.id LIMIT 1)")
    conn.exec_driver_sql(f"""
        UPDATE trace SET
          name = CASE WHEN has_record THEN coalesce(name, {root.format(col='name')})
                      ELSE {root.format(col='name')} END,
          status = CASE WHEN has_record THEN coalesce(status, {root.format(col='status')})
                        ELSE {root.format(col='status')} END,
          input = CASE WHEN has_record THEN coalesce(input, {root.format(col='input')}, {first_llm})
                       ELSE coalesce({root.format(col='input')}, {first_llm}) END,
          output = CASE WHEN has_record THEN coalesce(output, {root.format(col='output')})
                        ELSE {root.format(col='output')} END
        WHERE id IN ({pks_sql})
    """)


def _leaf_costs(conn: Connection, pks_sql: str) -> None:
    """A run's cost counts each step's cost once: a step whose descendants have costs of
    their own (an agent or chain summing its calls) is a total of theirs, not a cost beside
    them. Its ancestors are found walking up from each costed step (a loop in a broken
    tree ends the walk)."""
    conn.exec_driver_sql("DROP TABLE IF EXISTS temp._above_cost")
    conn.exec_driver_sql(f"""
        CREATE TEMP TABLE _above_cost AS
        WITH RECURSIVE up(trace_pk, span_id) AS (
            SELECT s.trace_pk, s.parent_id FROM span s
            WHERE s.trace_pk IN ({pks_sql}) AND s.cost_usd IS NOT NULL AND s.parent_id IS NOT NULL
            UNION
            SELECT p.trace_pk, p.parent_id FROM up JOIN span p ON p.trace_pk = up.trace_pk AND p.span_id = up.span_id
            WHERE p.parent_id IS NOT NULL)
        SELECT DISTINCT up.trace_pk, up.span_id FROM up
        JOIN span w ON w.trace_pk = up.trace_pk AND w.span_id = up.span_id AND w.cost_usd IS NOT NULL
    """)
    conn.exec_driver_sql("""
        UPDATE trace SET cost_usd = (
            SELECT sum(s.cost_usd) FROM span s WHERE s.trace_pk = trace.id AND NOT EXISTS (
                SELECT 1 FROM temp._above_cost a WHERE a.trace_pk = s.trace_pk AND a.span_id = s.span_id))
        WHERE id IN (SELECT trace_pk FROM temp._above_cost)
    """)
    conn.exec_driver_sql("DROP TABLE temp._above_cost")
