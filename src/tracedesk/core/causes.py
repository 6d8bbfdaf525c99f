"""The failure-cause taxonomy: a default set every database starts with, which users edit
(add, rename, retire, nest). Every change is written to the audit log and can be undone.

A cause is named by its UUID, its name (any case) or its path (``parent / child``). The
default causes have the same UUIDs in every database, so that reviews from several
databases merge onto the same causes. A retired cause stays on the reviews that use it
but is offered no more.
"""

from __future__ import annotations

import uuid as _uuid
from dataclasses import dataclass

from sqlalchemy import Connection

from . import audit
from .errors import UserError
from .store import now_ns

# Names are fixed forever for the UUIDs below (they derive from them); users rename freely.
DEFAULT_CAUSES: tuple[tuple[str, str], ...] = (
    ("retrieval miss", "The documents that held the answer were not retrieved, or not used."),
    ("knowledge gap", "What the agent needed was not in its knowledge base or its tools at all."),
    ("tool error", "A tool failed (an error, a timeout, a wrong result) and the run did not recover."),
    ("wrong tool or arguments", "The agent called the wrong tool, or the right one with wrong arguments."),
    ("reasoning error", "The facts were there; the agent drew the wrong conclusion from them."),
    ("hallucination", "The answer states something no source or tool result supports."),
    ("policy or instruction violation", "The answer breaks a policy or an instruction it was given."),
    ("prompt defect", "The system prompt or template asked for the wrong thing, or was unclear."),
    ("formatting", "The content was right; its format, length or tone was not."),
)
_NAMESPACE = _uuid.UUID("6f1c0d52-3b7e-4c1a-9a51-2f4e8d7c9b10")
PATH_SEPARATOR = " / "


class CauseError(UserError):
    pass


def default_cause_uuid(name: str) -> str:
    return str(_uuid.uuid5(_NAMESPACE, name))


def seed_default_causes(conn: Connection) -> None:
    """Add the default causes a database does not have yet (none is added twice, and a
    retired or renamed one stays as the user left it)."""
    now = now_ns()
    conn.exec_driver_sql(
        "INSERT OR IGNORE INTO cause (uuid, name, description, parent_uuid, retired, created_ns, updated_ns, "
        "author) VALUES (?, ?, ?, NULL, 0, ?, ?, NULL)",
        [(default_cause_uuid(name), name, description, now, now) for name, description in DEFAULT_CAUSES],
    )


@dataclass(frozen=True)
class CauseInfo:
    uuid: str
    name: str
    description: str | None
    parent_uuid: str | None
    retired: bool
    path: tuple[str, ...]  # names from the top of the tree down to this one
    created_ns: int
    updated_ns: int
    author: str | None

    @property
    def depth(self) -> int:
        return len(self.path) - 1

    @property
    def full_name(self) -> str:
        return PATH_SEPARATOR.join(self.path)

    def as_dict(self) -> dict:
        return {"uuid": self.uuid, "name": self.name, "path": self.full_name, "description": self.description,
                "parent_uuid": self.parent_uuid, "retired": self.retired}


_COLUMNS = "uuid, name, description, parent_uuid, retired, created_ns, updated_ns, author"


def list_causes(conn: Connection, include_retired: bool = False) -> list[CauseInfo]:
    """Every cause in tree order: each parent before its children, siblings by name."""
    rows = {r.uuid: r for r in conn.exec_driver_sql(f"SELECT {_COLUMNS} FROM cause")}
    children: dict[str | None, list[str]] = {}
    for uuid, row in rows.items():
        parent = row.parent_uuid if row.parent_uuid in rows else None
        children.setdefault(parent, []).append(uuid)
    out: list[CauseInfo] = []
    stack: list[tuple[str, tuple[str, ...], bool]] = [
        (u, (), False) for u in sorted(children.get(None, []), key=lambda u: rows[u].name.lower(), reverse=True)]
    seen: set[str] = set()
    while stack:
        uuid, above, retired_above = stack.pop()
        if uuid in seen:
            continue
        seen.add(uuid)
        row = rows[uuid]
        info = CauseInfo(uuid=row.uuid, name=row.name, description=row.description,
                         parent_uuid=row.parent_uuid if row.parent_uuid in rows else None,
                         retired=bool(row.retired), path=(*above, row.name), created_ns=row.created_ns,
                         updated_ns=row.updated_ns, author=row.author)
        if include_retired or not (info.retired or retired_above):
            out.append(info)
        kids = sorted(children.get(uuid, []), key=lambda u: rows[u].name.lower(), reverse=True)
        stack.extend((k, info.path, info.retired or retired_above) for k in kids)
    return out


def find_cause(conn: Connection, ref: str, *, allow_retired: bool = False) -> CauseInfo:
    """The cause ``ref`` names: a UUID, a name in any case, or a path ``parent / child``."""
    everything = list_causes(conn, include_retired=True)
    wanted = " ".join(ref.split()).lower()
    found = ([c for c in everything if c.uuid == ref] or [c for c in everything if c.name.lower() == wanted]
             or [c for c in everything if PATH_SEPARATOR.join(p.lower() for p in c.path)
                 == PATH_SEPARATOR.join(p.strip() for p in wanted.split("/"))])
    if not found:
        known = ", ".join(f"'{c.full_name}'" for c in everything if not c.retired)
        raise CauseError(f"no cause '{ref}' (known causes: {known}; add one with 'tracedesk causes add')")
    if len(found) > 1:
        raise CauseError(f"'{ref}' names several causes; say which: "
                         + ", ".join(f"'{c.full_name}'" for c in found))
    cause = found[0]
    if cause.retired and not allow_retired:
        raise CauseError(f"the cause '{cause.full_name}' is retired; restore it first, or choose another")
    return cause


def descendants(conn: Connection, uuids: set[str]) -> set[str]:
    """These causes and every cause nested below them."""
    parent_of = dict(conn.exec_driver_sql("SELECT uuid, parent_uuid FROM cause").fetchall())
    out = set(uuids)
    changed = True
    while changed:
        changed = False
        for uuid, parent in parent_of.items():
            if parent in out and uuid not in out:
                out.add(uuid)
                changed = True
    return out


def _clean_name(name: str) -> str:
    cleaned = " ".join((name or "").split())
    if not cleaned:
        raise CauseError("a cause needs a name")
    if len(cleaned) > 120:
        raise CauseError("a cause's name is at most 120 characters")
    return cleaned


def _check_free(conn: Connection, name: str, but: str | None = None) -> None:
    for other in conn.exec_driver_sql("SELECT uuid, name, retired FROM cause"):
        if other.uuid != but and other.name.lower() == name.lower():
            hint = " (it is retired: restore it instead)" if other.retired else ""
            raise CauseError(f"there is already a cause named '{other.name}'{hint}")


def add_cause(conn: Connection, name: str, *, author: str, parent: str | None = None,
              description: str | None = None) -> CauseInfo:
    name = _clean_name(name)
    _check_free(conn, name)
    parent_uuid = find_cause(conn, parent).uuid if parent else None
    uuid, now = str(_uuid.uuid4()), now_ns()
    audit.write_row(conn, "cause", uuid, {"name": name, "description": description, "parent_uuid": parent_uuid},
                    author=author, action="add",
                    create={"retired": 0, "created_ns": now, "updated_ns": now, "author": author})
    return find_cause(conn, uuid)


def _change(conn: Connection, cause: CauseInfo, action: str, author: str, **values: object) -> CauseInfo:
    if not audit.write_row(conn, "cause", cause.uuid, values, author=author, action=action,
                           stamp={"updated_ns": now_ns(), "author": author}):
        return cause
    return find_cause(conn, cause.uuid, allow_retired=True)


def rename_cause(conn: Connection, ref: str, new_name: str, *, author: str) -> CauseInfo:
    cause = find_cause(conn, ref, allow_retired=True)
    name = _clean_name(new_name)
    _check_free(conn, name, but=cause.uuid)
    return _change(conn, cause, "rename", author, name=name)


def retire_cause(conn: Connection, ref: str, *, author: str, retired: bool = True) -> CauseInfo:
    """Retire a cause (``retired=False`` restores it). Reviews keep it; it is offered no
    more, nor are the causes nested below it."""
    cause = find_cause(conn, ref, allow_retired=True)
    return _change(conn, cause, "retire" if retired else "restore", author, retired=int(retired))


def nest_cause(conn: Connection, ref: str, parent: str | None, *, author: str) -> CauseInfo:
    """Put a cause below ``parent`` (None: at the top of the tree)."""
    cause = find_cause(conn, ref, allow_retired=True)
    parent_uuid = None
    if parent:
        target = find_cause(conn, parent)
        if target.uuid in descendants(conn, {cause.uuid}):
            raise CauseError(f"'{target.full_name}' is '{cause.full_name}' or below it: a cause cannot be "
                             "nested below itself")
        parent_uuid = target.uuid
    return _change(conn, cause, "nest", author, parent_uuid=parent_uuid)
