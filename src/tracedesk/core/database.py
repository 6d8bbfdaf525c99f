"""Opening a review database: a new file gets the current schema and the default causes; an
older one is upgraded in place, after a backup copy is written beside it, by the numbered
migrations below; a newer one is refused with a clear message and left untouched.

The migrations compute signals and add causes, so they sit above the store, the signals
and the causes (the store itself imports none of them). Those, and the table classes, load
only to create or upgrade a file: opening one at the current schema needs none of them,
which keeps the window and the commands that only read quick to start.
"""

from __future__ import annotations

import functools
import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Connection

from .errors import DatabaseError
from .store import (
    APPLICATION_ID,
    SCHEMA_VERSION,
    Store,
    backup,
    default_db_path,
    inspect_file,
    make_engine,
)


@dataclass(frozen=True)
class Migration:
    """One numbered step: brings a database from ``version - 1`` to ``version``."""

    version: int
    name: str
    apply: Callable[[Connection], None]


def _v2_queue(conn: Connection) -> None:
    """Version 2: the failure queue (queue_entry, meta), filled from every trace's signals."""
    from . import models
    from .signals import update_signals

    models.QueueEntry.__table__.create(conn)
    models.Meta.__table__.create(conn)
    update_signals(conn, "SELECT id FROM trace")


def _v3_step_index(conn: Connection) -> None:
    """Version 3: an index holding what signal detection reads of each step."""
    from . import models

    models.SPAN_STEPS_INDEX.create(conn)


def _v4_reviews(conn: Connection) -> None:
    """Version 4: undo in the audit log (``undoes``), its indexes, and the default causes."""
    from . import models
    from .causes import seed_default_causes

    conn.exec_driver_sql("ALTER TABLE audit_log ADD COLUMN undoes TEXT")
    for index in models.AuditEntry.__table__.indexes:
        index.create(conn)
    seed_default_causes(conn)


def _v5_insights(conn: Connection) -> None:
    """Version 5: each trace's cost, and the indexes insights read (a trace's facts, the
    traces with a signal of a kind)."""
    from . import models

    conn.exec_driver_sql("ALTER TABLE trace ADD COLUMN cost_usd FLOAT")
    conn.exec_driver_sql(
        "UPDATE trace SET cost_usd = (SELECT sum(s.cost_usd) FROM span s WHERE s.trace_pk = trace.id)")
    models.TRACE_FACTS_INDEX.create(conn)
    models.TRACE_TAGS_INDEX.create(conn)
    conn.exec_driver_sql("DROP INDEX IF EXISTS ix_signal_kind")
    models.SIGNAL_KIND_INDEX.create(conn)


def _v6_settlements(conn: Connection) -> None:
    """Version 6: the settled answers a QA lead records on traces reviewers disagree about."""
    from . import models

    models.Settlement.__table__.create(conn)


def _v7_span_tokens(conn: Connection) -> None:
    """Version 7: a step's cached and reasoning tokens in columns of their own. Imports
    before kept them in the span's attributes, under the names each importer gave them
    then; they move to the columns (the file was backed up before). Attributes that are
    not JSON (never written by Tracedesk) are left alone rather than stopping the upgrade."""
    for column in ("cache_read_tokens", "cache_write_tokens", "reasoning_tokens"):
        conn.exec_driver_sql(f"ALTER TABLE span ADD COLUMN {column} INTEGER")

    def has(path: str, kind: str) -> str:
        return f"CASE WHEN json_valid(attributes) THEN json_type(attributes, '{path}') END = '{kind}'"

    for column, paths in _V6_TOKEN_PATHS.items():
        for path in paths:
            conn.exec_driver_sql(
                f"UPDATE span SET {column} = json_extract(attributes, '{path}'), "
                f"attributes = json_remove(attributes, '{path}') WHERE {column} IS NULL AND {has(path, 'integer')}")
    # The copy of input and output tokens beside them goes where the columns say the same,
    # then a usage left empty, then attributes left empty.
    for column in ("input_tokens", "output_tokens"):
        path = f"$.usage.{column}"
        conn.exec_driver_sql(
            f"UPDATE span SET attributes = json_remove(attributes, '{path}') "
            f"WHERE {has(path, 'integer')} AND json_extract(attributes, '{path}') = {column}")
    conn.exec_driver_sql(
        f"UPDATE span SET attributes = json_remove(attributes, '$.usage') "
        f"WHERE {has('$.usage', 'object')} AND json_extract(attributes, '$.usage') = '{{}}'")
    conn.exec_driver_sql("UPDATE span SET attributes = NULL WHERE attributes = '{}'")


# Where importers of schema 6 left cached and reasoning tokens in a span's attributes: in
# ``usage`` (native bundles, OTel GenAI and OpenInference with input or output tokens,
# Inspect), or as the source's own attribute (OTel and OpenInference without them).
_V6_TOKEN_PATHS = {
    "cache_read_tokens": ("$.usage.cache_read_tokens", "$.usage.cache_read_input_tokens",
                          "$.usage.input_tokens_cache_read", '$."gen_ai.usage.cache_read.input_tokens"',
                          '$."llm.token_count.prompt_details.cache_read"'),
    "cache_write_tokens": ("$.usage.cache_write_tokens", "$.usage.cache_creation_input_tokens",
                           "$.usage.input_tokens_cache_write", '$."gen_ai.usage.cache_creation.input_tokens"',
                           '$."llm.token_count.prompt_details.cache_write"'),
    "reasoning_tokens": ("$.usage.reasoning_tokens", "$.usage.reasoning_output_tokens",
                         '$."gen_ai.usage.reasoning.output_tokens"',
                         '$."llm.token_count.completion_details.reasoning"'),
}


# Steps from older schema versions to the current one, in order. Version 1 is the first
# released schema: a new database is created at SCHEMA_VERSION directly from the models.
MIGRATIONS: list[Migration] = [
    Migration(2, "failure queue", _v2_queue),
    Migration(3, "step index for detection", _v3_step_index),
    Migration(4, "undo and the default causes", _v4_reviews),
    Migration(5, "trace costs and indexes for insights", _v5_insights),
    Migration(6, "settled answers on disagreements", _v6_settlements),
    Migration(7, "cached and reasoning tokens of each step", _v7_span_tokens),
]


def open_store(path: Path | str | None = None, *, read_only: bool = False) -> Store:
    """Open (creating or migrating as needed) the review database at ``path``."""
    path = Path(path).expanduser() if path is not None else default_db_path()
    if path.is_dir():
        raise DatabaseError(f"{path} is a folder; give the path of a database file.")
    found = inspect_file(path) if path.exists() else None
    if found is None:
        if read_only:
            raise DatabaseError(f"{path} does not exist, so it cannot be opened read-only.")
        path.parent.mkdir(parents=True, exist_ok=True)
        store = Store(path, make_engine(path, read_only=False))
        _create_schema(store)
        return store
    _, version = found
    if version > SCHEMA_VERSION:
        raise DatabaseError(
            f"{path} was written by a newer version of Tracedesk (schema {version}; this one "
            f"reads up to {SCHEMA_VERSION}). Update Tracedesk to open it; the file was left as it is."
        )
    if read_only or not os.access(path, os.W_OK):
        if version < SCHEMA_VERSION:
            raise DatabaseError(
                f"{path} has an older schema ({version}) and is read-only, so it cannot be "
                "upgraded. Copy it somewhere writable and open the copy."
            )
        return Store(path, make_engine(path, read_only=True), read_only=True)
    backup_path = backup(path, suffix=f"before-v{SCHEMA_VERSION}") if version < SCHEMA_VERSION else None
    store = Store(path, make_engine(path, read_only=False))
    if backup_path is not None:
        try:
            migrate(store, version, MIGRATIONS)
        except Exception as exc:
            store.close()
            raise DatabaseError(
                f"{path} could not be upgraded from schema {version}: {exc}. The file was "
                f"left as it was; a copy is at {backup_path}."
            ) from exc
    return store


def _create_schema(store: Store) -> None:
    from . import models
    from .causes import seed_default_causes

    with store.write() as conn:
        for statement in _schema_ddl():
            conn.exec_driver_sql(statement)
        conn.exec_driver_sql(models.FTS_DDL)
        seed_default_causes(conn)
        conn.exec_driver_sql(f"PRAGMA application_id = {APPLICATION_ID}")
        conn.exec_driver_sql(f"PRAGMA user_version = {SCHEMA_VERSION}")


@functools.cache
def _schema_ddl() -> tuple[str, ...]:
    """The statements that create the tables and indexes declared in :mod:`.models`, as
    SQLAlchemy's ``create_all`` issues them into an empty file, compiled once a process
    (compiling them is most of the time a new database takes)."""
    from sqlalchemy.dialects import sqlite
    from sqlalchemy.schema import CreateIndex, CreateTable
    from sqlmodel import SQLModel

    from . import models  # noqa: F401 (the tables, declared on SQLModel's metadata)

    dialect = sqlite.dialect()
    statements = []
    for table in SQLModel.metadata.sorted_tables:
        statements.append(str(CreateTable(table).compile(dialect=dialect)))
        statements += [str(CreateIndex(index).compile(dialect=dialect))
                       for index in sorted(table.indexes, key=lambda index: index.name or "")]
    return tuple(statements)


def migrate(store: Store, from_version: int, steps: list[Migration], to_version: int = SCHEMA_VERSION) -> None:
    """Apply the steps from ``from_version`` up to ``to_version`` in order, all in one
    transaction: a failing or missing step leaves the file as it was."""
    version = from_version
    with store.write() as conn:
        for step in sorted(steps, key=lambda s: s.version):
            if version < step.version <= to_version:
                if step.version != version + 1:
                    break
                step.apply(conn)
                version = step.version
                conn.exec_driver_sql(f"PRAGMA user_version = {version}")
        if version != to_version:
            raise RuntimeError(f"there is no upgrade from schema {version} to {version + 1}")


