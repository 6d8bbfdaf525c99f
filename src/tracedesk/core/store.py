"""A review database: one SQLite file, and the connections and transactions on it.

- WAL mode, foreign keys on and a busy timeout, so the window and a command line can use
  one file at once.
- ``PRAGMA application_id`` marks the file as ours, ``PRAGMA user_version`` holds the
  schema version. A file that is not a review database, or a corrupt one, is refused with
  a clear message and left untouched (:func:`inspect_file`).
- Writes go through :meth:`Store.write`, one ``BEGIN IMMEDIATE`` transaction that commits
  on success and rolls back on any exception (including a cancelled import).

This is the bottom of the core: it imports nothing of Tracedesk but its errors. Creating a
new file's schema and upgrading an older one (which compute signals and add the default
causes) are above it, in :mod:`tracedesk.core.database`.
"""

from __future__ import annotations

import os
import sqlite3
import time
from collections import namedtuple
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from functools import lru_cache
from pathlib import Path
from typing import TypeVar

from sqlalchemy import Connection, Engine, create_engine
from sqlalchemy.exc import DBAPIError
from sqlalchemy.pool import NullPool

from .errors import DatabaseError

APPLICATION_ID = 0x54524344  # "TRCD"
SCHEMA_VERSION = 7
SQLITE_MAGIC = b"SQLite format 3\x00"
BUSY_TIMEOUT_MS = 10_000
# Files up to this size are checked page by page (PRAGMA quick_check) when opened: a
# fraction of a second that keeps a damaged file from being written to. Bigger ones are
# checked by SQLite as they are read, and the error is turned into the same message.
QUICK_CHECK_BYTES = 256 * 1024 * 1024
# Pages a connection keeps in memory: the last stage of an import reads back what it just
# wrote, and SQLite's default (2 MB) sends most of those reads to the write-ahead log.
CACHE_KIB = 32 * 1024
# Bytes of the database file SQLite reads through a memory map instead of a copy per page:
# detection reads every trace and step of a chunk, and the copies are a tenth of its time.
# Only the user's own database, opened for writing, is mapped: it is in WAL mode, which
# already needs a local disk (its shared-memory index does not work across a network
# file system), so mapping narrows nothing; a mapped file's read error would end the
# process instead of raising an error, a risk not taken for the databases opened
# read-only or attached (another person's file, a share on the network). 256 MB: enough
# for the pages detection reads at once, little address space for a 32-bit build.
MMAP_BYTES = 256 * 1024 * 1024
# Variables (``?``) one statement binds at most. SQLite refuses a statement with more than
# its limit, which is 999 in builds before 3.32 (and in some still): a list of ids looked up
# with ``IN (?, ?, ...)`` is cut into pieces of this many (:func:`chunked`).
MAX_VARIABLES = 900

T = TypeVar("T")


def executemany(conn: Connection, sql: str, rows: list) -> None:
    """Run ``sql`` once per row (nothing at all for no rows: an empty list would otherwise
    run it once without parameters)."""
    if rows:
        conn.exec_driver_sql(sql, rows)


def select_rows(conn: Connection, sql: str, params: tuple | list = ()) -> sqlite3.Cursor:
    """The rows of a query as plain tuples, straight from the driver, in the connection's
    transaction. For scans of many rows (detectors, the search index, the queue), where
    SQLAlchemy's row objects cost more than the query itself."""
    return conn.connection.driver_connection.execute(sql, params)


def select_named(conn: Connection, sql: str, params: tuple | list = ()) -> sqlite3.Cursor:
    """The rows of a query as named tuples (``row.trace_pk``), straight from the driver:
    :func:`select_rows` read by column name, so that a column added to or moved in the
    ``SELECT`` cannot shift what a caller reads. Each column needs a name that is a Python
    identifier (``count(*) AS n``), and no two the same: otherwise the query is refused."""
    cursor = conn.connection.driver_connection.cursor()
    cursor.execute(sql, params)
    record = _record_class(tuple(column[0] for column in cursor.description or ()))
    cursor.row_factory = lambda _cursor, row: record._make(row)
    return cursor


@lru_cache(maxsize=256)
def _record_class(names: tuple[str, ...]) -> type:
    return namedtuple("Row", names)


def meta_value(conn: Connection, key: str) -> str | None:
    """The value stored under ``key`` in the database's ``meta`` table, or None."""
    return conn.exec_driver_sql("SELECT value FROM meta WHERE key = ?", (key,)).scalar()


def set_meta(conn: Connection, key: str, value: str) -> None:
    """Store ``value`` under ``key`` in the database's ``meta`` table, in place of any before."""
    conn.exec_driver_sql(
        "INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        (key, value))


def chunked(values: Sequence[T], per_value: int = 1) -> Iterator[Sequence[T]]:
    """``values`` in consecutive pieces small enough to bind in one statement: at most
    :data:`MAX_VARIABLES` variables, ``per_value`` for each value (2 for a
    ``(trace_pk = ? AND span_id = ?)`` pair)."""
    size = max(1, MAX_VARIABLES // per_value)
    for start in range(0, len(values), size):
        yield values[start:start + size]


def ids_scope(pks: Iterable[int]) -> str:
    """An SQL query selecting these row ids, to pass where a scope query is taken (the ids
    are written into it as a JSON array of integers: no variable limit applies)."""
    return f"SELECT value FROM json_each('[{','.join(str(int(pk)) for pk in sorted(pks))}]')"


def placeholders(values: Sequence[object]) -> str:
    """The ``?, ?, ...`` of an ``IN (...)`` binding ``values``."""
    return ",".join("?" * len(values))


def default_db_path() -> Path:
    """The database used when neither ``--db`` nor ``TRACEDESK_DB`` names one."""
    env = os.environ.get("TRACEDESK_DB")
    if env:
        return Path(env).expanduser()
    from platformdirs import user_data_path

    return user_data_path("tracedesk", appauthor=False) / "review.sqlite"


def now_ns() -> int:
    return time.time_ns()


class Store:
    """An open review database."""

    def __init__(self, path: Path, engine: Engine, read_only: bool = False) -> None:
        self.path = path
        self.engine = engine
        self.read_only = read_only

    @contextmanager
    def read(self) -> Iterator[Connection]:
        """A connection for reading; it sees one consistent snapshot of the file."""
        with self.engine.connect() as conn:
            conn.exec_driver_sql("BEGIN")
            try:
                yield conn
            finally:
                conn.exec_driver_sql("ROLLBACK")

    @contextmanager
    def write(self) -> Iterator[Connection]:
        """One write transaction: committed when the block ends, rolled back on an exception."""
        with self.write_connection() as conn, self.transaction(conn):
            yield conn

    @contextmanager
    def write_connection(self) -> Iterator[Connection]:
        """A connection to write through, before its transaction begins: what can only be
        done outside one (attaching another database file) is done here, then
        :meth:`transaction` is the write itself."""
        if self.read_only:
            raise DatabaseError(f"{self.path} is open read-only: nothing can be changed in it.")
        with self.engine.connect() as conn:
            yield conn

    @contextmanager
    def transaction(self, conn: Connection) -> Iterator[Connection]:
        """The write transaction of :meth:`write` on a connection from :meth:`write_connection`."""
        try:
            conn.exec_driver_sql("BEGIN IMMEDIATE")  # waits up to BUSY_TIMEOUT_MS for a writer
        except (sqlite3.OperationalError, DBAPIError) as exc:
            raise database_error(self.path, exc) or exc from exc
        try:
            yield conn
        except BaseException:
            conn.exec_driver_sql("ROLLBACK")
            raise
        conn.exec_driver_sql("COMMIT")

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def read_only_uri(path: Path) -> str:
    """The URI that opens ``path`` read-only. On read-only media (a folder that cannot be
    written, with no shared-memory file beside the database) a database in WAL mode cannot
    make the index it reads through; there nothing can change it either, so it is opened
    as immutable."""
    uri = f"{path.resolve().as_uri()}?mode=ro"
    shm = path.with_name(path.name + "-shm")
    if not os.access(path.parent, os.W_OK) and not shm.exists():
        uri += "&immutable=1"
    return uri


def database_error(path: Path, exc: BaseException) -> DatabaseError | None:
    """The message for an error SQLite gives about the file itself (damaged, busy, read-only,
    full), or None for anything else (a bug, which keeps its traceback)."""
    orig = getattr(exc, "orig", None) or exc
    reason = str(orig).lower()
    if "malformed" in reason or "not a database" in reason or isinstance(orig, sqlite3.DatabaseError) \
            and getattr(orig, "sqlite_errorname", "") in ("SQLITE_CORRUPT", "SQLITE_NOTADB"):
        return DatabaseError(
            f"{path} is damaged ({orig}): nothing was changed in it. Restore it from a backup, or "
            "recover what is left with 'sqlite3 FILE .recover'.")
    if "locked" in reason or "busy" in reason:
        return DatabaseError(
            f"{path} is busy: another program is writing to it. Try again when it has finished.")
    if "readonly" in reason or "read-only" in reason:
        return DatabaseError(f"{path} cannot be written (a read-only file or folder): nothing was changed.")
    if "disk is full" in reason or "disk i/o error" in reason:
        return DatabaseError(f"{path}: {orig}. Nothing was changed; free some space and try again.")
    return None


def _connect(path: Path, read_only: bool) -> sqlite3.Connection:
    if read_only:
        conn = sqlite3.connect(
            read_only_uri(path), uri=True, isolation_level=None,
            check_same_thread=False, timeout=BUSY_TIMEOUT_MS / 1000,
        )
    else:
        # Opened by URI so that a database attached to it can be opened read-only too
        # (``ATTACH 'file:...?mode=ro'``: merging reads other review databases that way).
        conn = sqlite3.connect(
            path.resolve().as_uri(), uri=True, isolation_level=None, check_same_thread=False,
            timeout=BUSY_TIMEOUT_MS / 1000,
        )
    conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute(f"PRAGMA cache_size = -{CACHE_KIB}")
    if not read_only:
        conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA synchronous = NORMAL")
        conn.execute(f"PRAGMA main.mmap_size = {MMAP_BYTES}")
    return conn


def make_engine(path: Path, read_only: bool) -> Engine:
    # Transactions are begun explicitly (see Store.read/write): the driver's own implicit
    # BEGIN is turned off with isolation_level=None. NullPool: a connection per use, so a
    # worker thread never shares one with the GUI thread.
    return create_engine("sqlite://", creator=lambda: _connect(path, read_only), poolclass=NullPool)


def is_database_file(path: Path) -> bool:
    """Whether ``path`` is an SQLite file (a review database, or one to be refused as not
    being one) rather than a bundle to import."""
    try:
        with path.open("rb") as fh:
            return fh.read(len(SQLITE_MAGIC)) == SQLITE_MAGIC
    except OSError:
        return False


def inspect_file(path: Path) -> tuple[int, int] | None:
    """Return (application_id, user_version) of an existing database file, or None if the
    file is empty. Raise DatabaseError if it is not an SQLite file or is unreadable."""
    try:
        with path.open("rb") as fh:
            head = fh.read(100)
    except OSError as exc:
        raise DatabaseError(f"{path}: cannot be read ({exc.strerror}).") from exc
    if not head:
        return None
    if not head.startswith(SQLITE_MAGIC):
        raise DatabaseError(
            f"{path} is not a Tracedesk review database (it is not an SQLite file). "
            "Choose another file, or a new file name to start a new database."
        )
    try:
        conn = sqlite3.connect(read_only_uri(path), uri=True, timeout=BUSY_TIMEOUT_MS / 1000)
        try:
            app_id = conn.execute("PRAGMA application_id").fetchone()[0]
            version = conn.execute("PRAGMA user_version").fetchone()[0]
            tables = conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]
            damage = None
            if app_id == APPLICATION_ID and path.stat().st_size <= QUICK_CHECK_BYTES:
                found = [row[0] for row in conn.execute("PRAGMA quick_check(1)")]
                damage = None if found == ["ok"] else " ".join(found[0].split())
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        known = database_error(path, exc)
        if known is not None:
            raise known from exc
        raise DatabaseError(
            f"{path} cannot be opened ({exc}). It was left as it is; check that it can be read, or "
            "restore it from a backup."
        ) from exc
    if damage is not None:
        raise DatabaseError(
            f"{path} is damaged ({damage}): it was left as it is. Restore it from a backup, or recover "
            "what is left with 'sqlite3 FILE .recover' and open the recovered file.")
    if app_id == 0 and tables == 0:
        return None  # an empty SQLite file: make it a review database
    if app_id != APPLICATION_ID:
        raise DatabaseError(
            f"{path} is an SQLite database, but not a Tracedesk review database. It was left "
            "as it is; choose another file."
        )
    return app_id, version


def copy_database(path: Path, target: Path) -> None:
    """Write a consistent copy of the database at ``path`` to ``target`` (SQLite's backup:
    safe while another program writes to it); ``path`` is opened read-only."""
    source = sqlite3.connect(read_only_uri(path), uri=True)
    try:
        dest = sqlite3.connect(target)
        try:
            source.backup(dest)
        finally:
            dest.close()
    finally:
        source.close()


def backup(path: Path, suffix: str) -> Path:
    """Write a consistent copy of the database at ``path`` beside it; return its path."""
    stamp = time.strftime("%Y%m%dT%H%M%S")
    target = path.with_name(f"{path.stem}.{suffix}.{stamp}{path.suffix}")
    copy_database(path, target)
    return target
