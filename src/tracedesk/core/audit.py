"""The audit log of human work, and undo.

Every change to a review or a cause is one entry: who, when, what (the action), and the
row before and after it (``None`` where there was no row). Undo writes the ``before`` of
an entry back and records that as an entry of its own (``undoes`` names the one it
reversed), so the log keeps everything, undone work included.

A person undoes their own changes, the most recent first. An entry is not undone when
its row has changed since (someone else's later edit would be lost): the message says so.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import orjson
from sqlalchemy import Connection

from .errors import UserError
from .ids import new_uuid
from .store import now_ns

# The tables whose rows the log records, by the entity name it gives them.
TABLES = {"review": "review", "cause": "cause", "settlement": "settlement"}
TRACE_ENTITIES = ("review", "settlement")  # the entries about one trace
# Columns of a row that say nothing to a person reading the log.
_UNTOLD = frozenset({"uuid", "trace_pk", "created_ns", "updated_ns", "author"})

# The columns a change touches, as a person calls them (the rest read as they are).
FIELD_NAMES = {"cause_uuid": "cause", "blamed_span_id": "blamed step", "missing_step": "missing step",
               "expected": "expected answer", "parent_uuid": "nested under", "retired": "retired"}
# Fields whose values are short words, said in full when they are the one thing changed.
_SAID_IN_FULL = frozenset({"verdict", "severity", "name"})


def field_name(key: str) -> str:
    """A column of a review, a cause or a settled answer in words ("cause_uuid" is "cause")."""
    return FIELD_NAMES.get(key, key.replace("_", " "))


class NothingToUndo(UserError):
    pass


@dataclass(frozen=True)
class AuditRecord:
    uuid: str
    time_ns: int
    author: str | None
    action: str  # create, update, delete (reviews); add, rename, describe, retire, restore, nest (causes); undo
    entity: str  # review, cause
    entity_uuid: str | None
    before: dict[str, Any] | None
    after: dict[str, Any] | None
    undoes: str | None = None
    undone: bool = False  # a later undo reversed it

    @property
    def trace_pk(self) -> int | None:
        """The trace a review or settled-answer entry is about."""
        row = self.after or self.before or {}
        return row.get("trace_pk") if self.entity in TRACE_ENTITIES else None

    def describe(self) -> str:
        """A short line a person reads ("update review of t1", "rename cause 'x'")."""
        row = self.after or self.before or {}
        if self.entity == "settlement":
            return f"{self.action} the settled answer ({row.get('verdict')})"
        what = f"cause '{row.get('name')}'" if self.entity == "cause" else f"review by {row.get('reviewer')}"
        return f"{self.action} {what}"

    def describe_change(self) -> str:
        """:meth:`describe` with what an update changed: "update review by ann: verdict
        failure → unsure", "update review by ann: cause, blamed step"."""
        changes = self.changes() if self.action == "update" else []
        if not changes:
            return self.describe()
        if len(changes) == 1 and changes[0][0] in _SAID_IN_FULL and all(
                isinstance(v, str | None) for v in changes[0][1:]):
            key, old, new = changes[0]
            return f"{self.describe()}: {field_name(key)} {old or '—'} → {new or '—'}"
        return f"{self.describe()}: {', '.join(field_name(k) for k, _, _ in changes)}"

    def changes(self) -> list[tuple[str, Any, Any]]:
        """``[(field, before, after)]`` of the fields the change touched, leaving out the
        bookkeeping columns (uuid, trace key, times, author)."""
        before, after = self.before or {}, self.after or {}
        keys = [k for k in dict.fromkeys([*before, *after]) if k not in _UNTOLD]
        return [(k, before.get(k), after.get(k)) for k in keys
                if before.get(k) != after.get(k) and (before.get(k) or after.get(k))]

    def as_dict(self) -> dict[str, Any]:
        from .records import format_time

        return {"uuid": self.uuid, "time": format_time(self.time_ns), "author": self.author,
                "action": self.action, "entity": self.entity, "entity_uuid": self.entity_uuid,
                "before": self.before, "after": self.after, "undoes": self.undoes, "undone": self.undone}


def snapshot(conn: Connection, entity: str, uuid: str) -> dict[str, Any] | None:
    """The row of ``entity`` with this uuid, as the log keeps it (without its local id)."""
    result = conn.exec_driver_sql(f"SELECT * FROM {TABLES[entity]} WHERE uuid = ?", (uuid,))
    row = result.fetchone()
    if row is None:
        return None
    return {k: v for k, v in zip(result.keys(), row, strict=True) if k != "id"}


def record(conn: Connection, author: str | None, action: str, entity: str, entity_uuid: str | None,
           before: dict[str, Any] | None, after: dict[str, Any] | None, undoes: str | None = None) -> AuditRecord:
    """Write one entry of the log."""
    entry = AuditRecord(new_uuid(), now_ns(), author, action, entity, entity_uuid, before, after, undoes)
    conn.exec_driver_sql(
        "INSERT INTO audit_log (uuid, time_ns, author, action, entity, entity_uuid, before, after, undoes) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (entry.uuid, entry.time_ns, author, action, entity, entity_uuid, _dumps(before), _dumps(after), undoes))
    return entry


def write_row(conn: Connection, entity: str, uuid: str, values: dict[str, Any], *, author: str | None,
              action: str, create: dict[str, Any] | None = None, stamp: dict[str, Any] | None = None) -> bool:
    """Create or change one row of a table the log records, and log it as ``author``'s
    ``action``: the one way reviews, causes and settled answers are written.

    With ``create`` (the columns a new row takes besides ``values``: its trace, its times)
    the row ``uuid`` is added. Otherwise it gets ``values`` and ``stamp`` (its new
    ``updated_ns``, its author), but only when one of ``values`` differs from what the row
    holds: a save that changes nothing leaves no entry to undo. Whether anything was written."""
    table = TABLES[entity]
    if create is not None:
        row = {"uuid": uuid, **create, **values}
        conn.exec_driver_sql(f"INSERT INTO {table} ({', '.join(row)}) VALUES ({', '.join('?' * len(row))})",
                             tuple(row.values()))
        record(conn, author, action, entity, uuid, None, snapshot(conn, entity, uuid))
        return True
    before = snapshot(conn, entity, uuid)
    assert before is not None, f"no {entity} {uuid} to change"  # callers change rows they found
    if all(before[k] == v for k, v in values.items()):
        return False
    sets = {**values, **(stamp or {})}
    conn.exec_driver_sql(f"UPDATE {table} SET {', '.join(f'{k} = ?' for k in sets)} WHERE uuid = ?",
                         (*sets.values(), uuid))
    record(conn, author, action, entity, uuid, before, snapshot(conn, entity, uuid))
    return True


def _dumps(value: dict[str, Any] | None) -> str | None:
    return None if value is None else orjson.dumps(value).decode()


_SELECT = ("SELECT a.uuid, a.time_ns, a.author, a.action, a.entity, a.entity_uuid, a.before, a.after, a.undoes, "
           "EXISTS (SELECT 1 FROM audit_log u WHERE u.undoes = a.uuid) AS undone FROM audit_log a")


def _records(conn: Connection, where: str, params: tuple, limit: int) -> list[AuditRecord]:
    return [
        AuditRecord(uuid=r.uuid, time_ns=r.time_ns, author=r.author, action=r.action, entity=r.entity,
                    entity_uuid=r.entity_uuid, before=orjson.loads(r.before) if r.before else None,
                    after=orjson.loads(r.after) if r.after else None, undoes=r.undoes, undone=bool(r.undone))
        for r in conn.exec_driver_sql(f"{_SELECT} WHERE {where} ORDER BY a.id DESC LIMIT ?", (*params, limit))
    ]


def history(conn: Connection, *, entity_uuid: str | None = None, trace_pk: int | None = None,
            author: str | None = None, limit: int = 200) -> list[AuditRecord]:
    """Entries of the log, newest first: of one review or cause, of the reviews and the
    settled answer of one trace, of one person, or all."""
    clauses, params = [], []
    if entity_uuid is not None:
        clauses.append("a.entity_uuid = ?")
        params.append(entity_uuid)
    if trace_pk is not None:
        clauses.append(f"a.entity IN {TRACE_ENTITIES} AND json_extract(coalesce(a.after, a.before), '$.trace_pk') = ?")
        params.append(trace_pk)
    if author is not None:
        clauses.append("a.author = ?")
        params.append(author)
    return _records(conn, " AND ".join(clauses) or "1", tuple(params), limit)


def last_undoable(conn: Connection, author: str) -> AuditRecord | None:
    """The change ``author`` would undo next (for an "Undo ..." menu item), or None."""
    found = _records(conn, "a.author = ? AND a.action != 'undo' AND NOT EXISTS "
                     "(SELECT 1 FROM audit_log u WHERE u.undoes = a.uuid)", (author,), 1)
    return found[0] if found else None


@dataclass(frozen=True)
class UndoResult:
    undone: AuditRecord  # the change reversed
    entry: AuditRecord  # the undo, as the log records it

    @property
    def trace_pk(self) -> int | None:
        return self.undone.trace_pk


def undo(conn: Connection, author: str, entry_uuid: str | None = None) -> UndoResult:
    """Reverse ``author``'s most recent change not yet undone (or the entry named). The
    result names the trace the change was on: the caller moves it in the queue
    (:func:`tracedesk.core.reviews.undo` does both), as the audit log sits below the queue."""
    if entry_uuid is None:
        target = last_undoable(conn, author)
        if target is None:
            raise NothingToUndo(f"{author} has no change left to undo")
    else:
        found = _records(conn, "a.uuid = ?", (entry_uuid,), 1)
        if not found:
            raise NothingToUndo(f"no change '{entry_uuid}' in the audit log")
        target = found[0]
        if target.action == "undo" or target.undone:
            raise NothingToUndo(f"the change '{entry_uuid}' is an undo, or was undone already")
        if target.author != author:
            raise NothingToUndo(f"the change '{entry_uuid}' was made by {target.author}; only they can undo it")
    table = TABLES[target.entity]
    now = snapshot(conn, target.entity, target.entity_uuid)
    if now != target.after:
        raise UserError(f"cannot undo '{target.describe()}': it was changed again since "
                        "(undo the later change first)")
    if target.before is None:
        if target.entity == "cause":
            used = conn.exec_driver_sql("SELECT count(*) FROM review WHERE cause_uuid = ?",
                                        (target.entity_uuid,)).scalar_one()
            if used:
                uses = f"{used} review uses" if used == 1 else f"{used} reviews use"
                raise UserError(f"cannot undo '{target.describe()}': {uses} that cause (retire it instead)")
        conn.exec_driver_sql(f"DELETE FROM {table} WHERE uuid = ?", (target.entity_uuid,))
    else:
        if now is None and target.entity == "review" and conn.exec_driver_sql(
                "SELECT 1 FROM review WHERE trace_pk = ? AND reviewer = ?",
                (target.before.get("trace_pk"), target.before.get("reviewer"))).first():
            raise UserError(f"cannot undo '{target.describe()}': that reviewer has reviewed the trace again since")
        columns = list(target.before)
        known = {column.name for column in conn.exec_driver_sql(f"PRAGMA table_info({table})")}
        if not set(columns) <= known:
            raise UserError(f"cannot undo '{target.describe()}': it was recorded by another version of Tracedesk")
        updates = ", ".join(f"{c} = excluded.{c}" for c in columns if c != "uuid")
        conn.exec_driver_sql(
            f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))}) "
            f"ON CONFLICT (uuid) DO UPDATE SET {updates}", tuple(target.before.values()))
    entry = record(conn, author, "undo", target.entity, target.entity_uuid, target.after, target.before,
                   undoes=target.uuid)
    return UndoResult(target, entry)
