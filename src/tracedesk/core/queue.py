"""The failure queue: every trace's priority from its signals, the reasons it is there,
near-duplicates grouped, and pages of it in order, filtered.

Priorities live in ``queue_entry`` so that a page of the queue is one index scan,
whatever the size of the database. They are recomputed for the traces whose signals
change (after an import), for a trace whose review or snooze changes, and for all when
the weights in the settings change (:func:`ensure_weights`).

A trace's priority combines its negative signals as independent pieces of evidence
(noisy-OR), ``1 - Π(1 - weight × confidence)``, lowered by positive feedback,
``× Π(1 - weight × confidence)``. Each confidence comes from the detectors' table
(:mod:`.signals.confidence`), moved by what the reviewers' verdicts taught about its kind
in this database (:mod:`.learning`). The reasons list each signal, strongest first, with
that learned precision.
"""

from __future__ import annotations

import hashlib
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from typing import Any, NamedTuple

import orjson
from sqlalchemy import Connection

from . import learning
from .run_columns import RunFilter
from .settings import DEFAULT_WEIGHTS
from .signals.confidence import LEARNED_KINDS
from .store import Store, chunked, executemany, ids_scope, meta_value, placeholders, select_named, select_rows, set_meta
from .text import user_question
from .words import key_words, number_as_word

POSITIVE = frozenset({"positive_feedback"})
OPEN, REVIEWED, SNOOZED, SKIPPED = "open", "reviewed", "snoozed", "skipped"


@dataclass(frozen=True)
class Reason:
    signal: str
    confidence: float  # as the detector reported it
    detail: str
    span_id: str | None
    # What the verdicts in this database say of the signal's kind (None: nothing yet),
    # and the confidence the priority counted once that is taken into account.
    learned_precision: float | None = None
    learned_from: str | None = None  # "confirmed 12 of 40 times here"
    counted: float | None = None

    @property
    def effective(self) -> float:
        return self.confidence if self.counted is None else self.counted

    def as_dict(self) -> dict[str, Any]:
        return {"signal": self.signal, "confidence": self.confidence, "detail": self.detail,
                "span_id": self.span_id, "learned_precision": self.learned_precision,
                "learned_from": self.learned_from, "counted": self.counted}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Reason:
        return cls(data["signal"], data["confidence"], data.get("detail") or "", data.get("span_id"),
                   data.get("learned_precision"), data.get("learned_from"), data.get("counted"))


def priority_of(reasons: list[Reason], weights: dict[str, float]) -> float:
    miss = 1.0
    keep = 1.0
    for r in reasons:
        w = weights.get(r.signal, 0.5) * r.effective
        if r.signal in POSITIVE:
            keep *= 1 - w
        else:
            miss *= 1 - w
    return round((1 - miss) * keep, 6)


def question_key(text: str) -> str:
    """What makes two questions "the same question": their topic words, numbers aside."""
    # Each number counts (not a set of words), as the keys already stored were made.
    words = sorted(map(number_as_word, key_words(text)))
    basis = " ".join(words) if len(words) >= 2 else " ".join(text.lower().split())
    return hashlib.blake2b(basis.encode(), digest_size=8).hexdigest()


def rescore(conn: Connection, scope: str, weights: dict[str, float] | None = None) -> None:
    """Recompute the queue entries of the traces ``scope`` selects from their signals."""
    weights = weights or current_weights(conn)
    learned = learning.stored(conn)
    reasons: dict[int, list[Reason]] = {}
    of_kind: dict[str, _Taught] = {}  # looked up once a kind rather than once a signal
    for signal in select_named(conn,
        f"SELECT trace_pk, kind, confidence, detail, span_id FROM signal WHERE trace_pk IN ({scope})"
    ):
        taught = of_kind.get(signal.kind)
        if taught is None:
            taught = of_kind[signal.kind] = _Taught.of(learned, signal.kind)
        reasons.setdefault(signal.trace_pk, []).append(
            taught.reason(signal.confidence, signal.detail or "", signal.span_id))
    echoes = _echo_reasons(conn, scope, learned)
    for pk, reason in echoes.items():
        reasons.setdefault(pk, []).append(reason)
    # The traces with a reason: those with signals, and the few that echo a failure.
    listed = f"SELECT trace_pk FROM signal WHERE trace_pk IN ({scope})"
    if echoes:
        listed += f" UNION ALL {ids_scope(echoes)}"
    old_groups = {k for (k,) in select_rows(conn,
        f"SELECT DISTINCT group_key FROM queue_entry WHERE trace_pk IN ({scope}) AND group_key IS NOT NULL")}
    # Most traces have no signal at all: SQLite writes their entries in one statement.
    conn.exec_driver_sql(f"""
        WITH s(pk) AS ({scope})
        INSERT INTO queue_entry (trace_pk, priority, reasons, top_kind, group_key, group_size, is_head, state)
        SELECT pk, 0, NULL, NULL, NULL, 1, 1, 'open' FROM s WHERE pk NOT IN ({listed})
        ON CONFLICT (trace_pk) DO UPDATE SET priority = 0, reasons = NULL, top_kind = NULL, group_key = NULL
        WHERE priority IS NOT 0 OR reasons IS NOT NULL OR top_kind IS NOT NULL OR group_key IS NOT NULL
    """)  # (an entry already so is left unwritten: detected again, most are)
    # The questions of the traces with signals, which group near-duplicates, in one read.
    inputs = dict(select_rows(conn, f"SELECT id, input FROM trace WHERE id IN ({listed})"))
    rows = []
    new_groups: set[str] = set()
    keys: dict[str | None, str] = {}  # by question as stored: a question asked in many runs is read once
    for pk, found in reasons.items():
        mine = sorted(found, key=lambda r: -weights.get(r.signal, 0.5) * r.effective)
        priority = priority_of(mine, weights)
        negative = [r for r in mine if r.signal not in POSITIVE]
        top = negative[0].signal if negative else None
        group = None
        if priority > 0 and top:
            asked = inputs.get(pk)
            key = keys.get(asked)
            if key is None:
                key = keys[asked] = question_key(user_question(asked))
            group = f"{top}:{key}"
            new_groups.add(group)
        rows.append((pk, priority, orjson.dumps([r.as_dict() for r in mine]).decode(), top, group))
    executemany(
        conn,
        "INSERT INTO queue_entry (trace_pk, priority, reasons, top_kind, group_key, group_size, is_head, state) "
        "VALUES (?, ?, ?, ?, ?, 1, 1, 'open') ON CONFLICT (trace_pk) DO UPDATE SET priority = excluded.priority, "
        "reasons = excluded.reasons, top_kind = excluded.top_kind, group_key = excluded.group_key "
        "WHERE priority IS NOT excluded.priority OR reasons IS NOT excluded.reasons "
        "OR top_kind IS NOT excluded.top_kind OR group_key IS NOT excluded.group_key",
        rows,
    )
    refresh_states(conn, scope)
    regroup(conn, old_groups | new_groups)


def _echo_reasons(conn: Connection, scope: str, learned: dict[str, learning.Learned]) -> dict[int, Reason]:
    """A ``like_failure`` reason for each trace in scope that gives an answer judged a
    failure on another trace (:func:`.learning.refresh_echoes`), counted as the verdicts on
    earlier echoes taught (``learned``)."""
    echoes = learning.echoes(conn)
    if not echoes:
        return {}
    in_scope = [echoes[pk] for (pk,) in select_rows(
        conn, f"SELECT value FROM ({ids_scope(echoes)}) WHERE value IN ({scope})")]
    names = learning.judged_names(conn, in_scope)
    taught = _Taught.of(learned, learning.ECHO_KIND)
    return {echo.trace_pk: taught.reason(learning.ECHO_CONFIDENCE, echo.detail(names[echo.source_pk]), None)
            for echo in in_scope}


class _Taught(NamedTuple):
    """What the verdicts say of one kind of signal (:func:`_learned_fields`), for the
    reasons of its signals: each counts its confidence calibrated where there is a count."""

    kind: str
    precision: float | None
    basis: str | None
    learned: learning.Learned | None

    @classmethod
    def of(cls, learned: dict[str, learning.Learned], kind: str) -> _Taught:
        return cls(kind, *_learned_fields(learned, kind), learned.get(kind))

    def reason(self, confidence: float, detail: str, span_id: str | None) -> Reason:
        counted = None if self.learned is None else learning.calibrated(confidence, self.learned)
        return Reason(self.kind, confidence, detail, span_id, self.precision, self.basis, counted)


def refresh_states(conn: Connection, scope: str) -> None:
    """Bring the open/reviewed/snoozed/skipped state of the entries in scope up to date."""
    now = time.time_ns()
    conn.exec_driver_sql(f"""
        UPDATE queue_entry SET state = CASE
            WHEN EXISTS (SELECT 1 FROM review r WHERE r.trace_pk = queue_entry.trace_pk) THEN 'reviewed'
            WHEN EXISTS (SELECT 1 FROM queue_state s WHERE s.trace_pk = queue_entry.trace_pk
                         AND (s.until_ns IS NULL OR s.until_ns > {now})) THEN
                (SELECT s.state FROM queue_state s WHERE s.trace_pk = queue_entry.trace_pk)
            ELSE 'open' END
        WHERE trace_pk IN ({scope}) AND (state != 'open' OR trace_pk IN (SELECT trace_pk FROM review)
                                         OR trace_pk IN (SELECT trace_pk FROM queue_state))
    """)  # an open entry without a review or a snooze stays open: only the others are looked at
    # An entry already so is left unwritten (detected again, nearly all are): the writes,
    # not the lookups, are what these statements cost.
    conn.exec_driver_sql(
        f"UPDATE queue_entry SET is_head = 0 WHERE state != 'open' AND is_head IS NOT 0 AND trace_pk IN ({scope})")
    conn.exec_driver_sql(
        f"UPDATE queue_entry SET is_head = 1, group_size = 1 WHERE state = 'open' AND group_key IS NULL "
        f"AND (is_head IS NOT 1 OR group_size IS NOT 1) AND trace_pk IN ({scope})")


def regroup(conn: Connection, keys: set[str]) -> None:
    """Choose again the head (the open member of highest priority) and count the open
    members of each group in ``keys``."""
    for piece in chunked(sorted(keys)):
        chunk = tuple(piece)
        marks = placeholders(chunk)
        # One pass over the groups' open members (ix_queue_group), whatever their size.
        conn.exec_driver_sql(f"""
            WITH ranked AS (
                SELECT trace_pk, count(*) OVER (PARTITION BY group_key) AS size,
                       row_number() OVER (PARTITION BY group_key ORDER BY priority DESC, trace_pk DESC) AS place
                FROM queue_entry WHERE group_key IN ({marks}) AND state = 'open')
            UPDATE queue_entry SET group_size = ranked.size, is_head = (ranked.place = 1)
            FROM ranked WHERE queue_entry.trace_pk = ranked.trace_pk
              AND (queue_entry.group_size IS NOT ranked.size OR queue_entry.is_head IS NOT (ranked.place = 1))
        """, chunk)  # (an entry already so is left unwritten)
        conn.exec_driver_sql(
            f"UPDATE queue_entry SET is_head = 0 WHERE group_key IN ({marks}) AND state != 'open' AND is_head",
            chunk)


def current_weights(conn: Connection) -> dict[str, float]:
    """The weights the stored priorities were computed with."""
    raw = meta_value(conn, "queue_weights")
    return {**DEFAULT_WEIGHTS, **(orjson.loads(raw) if raw else {})}


def ensure_weights(conn: Connection, weights: dict[str, float]) -> bool:
    """Recompute every priority if ``weights`` differ from those used; True if it did."""
    if current_weights(conn) == {**DEFAULT_WEIGHTS, **weights}:
        return False
    set_meta(conn, "queue_weights", orjson.dumps(weights).decode())
    rescore(conn, "SELECT id FROM trace", weights)
    return True


def set_state(conn: Connection, trace_pk: int, state: str | None, *, until_ns: int | None = None,
              author: str | None = None) -> None:
    """Snooze or skip a trace (``state`` None puts it back in the queue)."""
    if state is None:
        conn.exec_driver_sql("DELETE FROM queue_state WHERE trace_pk = ?", (trace_pk,))
    else:
        if state not in (SNOOZED, SKIPPED):
            raise ValueError(f"unknown queue state {state!r}")
        conn.exec_driver_sql(
            "INSERT INTO queue_state (trace_pk, state, until_ns, author, updated_ns) VALUES (?, ?, ?, ?, ?) "
            "ON CONFLICT (trace_pk) DO UPDATE SET state = excluded.state, until_ns = excluded.until_ns, "
            "author = excluded.author, updated_ns = excluded.updated_ns",
            (trace_pk, state, until_ns, author, time.time_ns()),
        )
    refresh_trace(conn, trace_pk)


def with_the_runs_alike(conn: Connection, pks: list[int]) -> list[int]:
    """``pks``, each followed, when it heads a group of near-duplicates, by the other open
    members of its group: what the rows of a queue showing one row a group stand for."""
    chosen = set(pks)
    alike: dict[int, list[int]] = {}
    for piece in chunked(pks):  # (one statement for the selection, not one a row)
        for head, member in select_rows(conn, f"""
                SELECT h.trace_pk, m.trace_pk FROM queue_entry h JOIN queue_entry m ON m.group_key = h.group_key
                WHERE h.trace_pk IN ({placeholders(piece)}) AND h.is_head AND h.group_size > 1 AND m.state = 'open'
                  AND m.trace_pk != h.trace_pk
                ORDER BY m.priority DESC, m.trace_pk DESC""", tuple(piece)):
            if member not in chosen:
                alike.setdefault(head, []).append(member)
    return [each for pk in pks for each in (pk, *alike.get(pk, ()))]


def wake_snoozed(conn: Connection) -> int:
    """Bring back to the queue the traces whose snooze has ended; return how many."""
    ended = [pk for (pk,) in conn.exec_driver_sql(
        "DELETE FROM queue_state WHERE state = ? AND until_ns IS NOT NULL AND until_ns <= ? RETURNING trace_pk",
        (SNOOZED, time.time_ns()))]
    if ended:  # one refresh of their entries and their groups, not one per trace
        scope = ",".join(str(int(pk)) for pk in ended)
        refresh_states(conn, scope)
        regroup(conn, {key for (key,) in conn.exec_driver_sql(
            f"SELECT group_key FROM queue_entry WHERE trace_pk IN ({scope}) AND group_key IS NOT NULL")})
    return len(ended)


def refresh_trace(conn: Connection, trace_pk: int) -> None:
    """After a review or a snooze of one trace: its state, its group's head, and what
    the verdicts teach the queue (the answers like this trace's, if it was judged a
    failure; a backlog of failures judged elsewhere waits for :func:`catch_up_echoes`)."""
    refresh_states(conn, str(int(trace_pk)))
    key = conn.exec_driver_sql("SELECT group_key FROM queue_entry WHERE trace_pk = ?", (trace_pk,)).scalar()
    if key:
        regroup(conn, {key})
    relearn(conn, echo_searches=0, first=(trace_pk,))
    if learning.echoes_anything(conn, trace_pk):
        rescore(conn, ids_scope([trace_pk]))  # its echo leaves its reasons with a review, and comes back without


def catch_up_echoes(conn: Connection, searches: int | None = None) -> tuple[set[int], int]:
    """Search ``searches`` (by default :data:`.learning.ECHO_SEARCHES_AT_ONCE`) more of the
    failures judged but not yet searched for the answers like them (after a merge brought
    many verdicts), and rank the traces that echo them. Return those traces and how many
    failures are still to search."""
    echoed = learning.refresh_echoes(conn, learning.ECHO_SEARCHES_AT_ONCE if searches is None else searches)
    if echoed:
        rescore(conn, ids_scope(echoed))
    return echoed, learning.echo_backlog(conn)


def search_echo_backlog(store: Store, searches: int = 5, stop: Callable[[], bool] = lambda: False) -> set[int]:
    """Search every failure of the backlog (:func:`.learning.echo_backlog`), ``searches``
    a write transaction, so that other writes to the database wait little for it, until
    none is left or ``stop()`` says so; return the traces whose echoes changed. (The window
    runs it on the thread pool; ``tracedesk merge`` after a merge.)"""
    with store.read() as conn:
        if not learning.echo_backlog(conn):
            return set()  # the usual case: every verdict was searched in its save
    echoed: set[int] = set()
    before = None
    while not stop():
        with store.write() as conn:
            found, left = catch_up_echoes(conn, searches)
        echoed |= found
        if not left or (before is not None and left >= before):  # done, or no model to search with
            break
        before = left
    return echoed


def relearn(conn: Connection, echo_searches: int | None = None, first: Iterable[int] = ()) -> set[str]:
    """Count the verdicts again (:mod:`.learning`) and, for each kind whose signals now
    count for more or less, by more than :data:`.learning.MOVED`, than when the priorities
    were computed, compute again the priorities of the traces that carry it; and search the
    failures of ``first`` judged since the last search, and ``echo_searches`` (by default
    :data:`.learning.ECHO_SEARCHES_AT_ONCE`) others, for the answers like them. Return the
    kinds ranked again."""
    now = learning.count_verdicts(conn)
    if learning.stored(conn, applied=False) != {k: v for k, v in now.items() if v.reviewed}:
        learning.store(conn, now, applied=False)
    applied = learning.stored(conn)
    kinds = learning.moved(applied, now)
    echoed = learning.refresh_echoes(
        conn, learning.ECHO_SEARCHES_AT_ONCE if echo_searches is None else echo_searches, first)
    if not kinds and not echoed:
        return set()
    # Only the kinds re-ranked now take their new precision as applied: the others keep the
    # one their traces' priorities were computed with, so that small moves add up until
    # they are applied too.
    learning.store(conn, {**applied, **{k: now[k] for k in kinds}}, applied=True)
    detected = sorted(kinds - {learning.ECHO_KIND})
    marks = ",".join(f"'{k}'" for k in detected)
    parts = [f"SELECT DISTINCT trace_pk FROM signal WHERE kind IN ({marks})"] if detected else []
    if learning.ECHO_KIND in kinds:  # every echo is counted anew
        echoed |= set(learning.echoes(conn))
    if echoed:
        parts.append(ids_scope(echoed))
        kinds = kinds | {learning.ECHO_KIND}
    if parts:  # (a kind whose traces are all reviewed by now has none to rank again)
        rescore(conn, " UNION ".join(parts))
    return kinds


def forget_learning(conn: Connection) -> None:
    """Rank the queue by the detectors' table alone again; later verdicts teach it anew."""
    echoed = sorted(learning.echoes(conn))
    learning.forget(conn)
    rescore(conn, "SELECT DISTINCT trace_pk FROM signal" + (f" UNION {ids_scope(echoed)}" if echoed else ""))


@dataclass(frozen=True)
class QueueFilter:
    """What part of the queue to show. Empty fields filter nothing."""

    kinds: tuple[str, ...] = ()
    source: str | None = None
    session: str | None = None
    user: str | None = None
    model: str | None = None
    prompt_version: str | None = None
    since_ns: int | None = None
    until_ns: int | None = None
    tag: str | None = None
    text: str | None = None
    group_of: int | None = None  # the members of this trace's group
    include_closed: bool = False  # reviewed, snoozed and skipped traces too
    include_quiet: bool = False  # traces without any negative signal too
    expand_groups: bool = False  # every member of a group of near-duplicates, not only its head
    # What insights open: reviewed traces by verdict, cause and blamed step, the traces of
    # a question, and the traces that lack a value (see :mod:`.insights`).
    verdict: str | None = None  # traces with a review of this verdict
    cause: str | None = None  # traces with a failure review of this cause (its uuid; "": of none)
    blamed_kind: str | None = None  # ... whose failure review blames a step of this kind ("": no step)
    blamed_name: str | None = None  # ... a step of this name
    missing_step: bool = False  # ... whose failure review says a step is missing
    question: str | None = None  # traces asking this question (its ``question_key``)
    unset: tuple[str, ...] = ()  # traces without a value for these: "model", "prompt_version", "tag"
    runs: RunFilter = RunFilter()  # runs by latency, cost and metadata (see :mod:`.run_columns`)

    @property
    def one_row_a_group(self) -> bool:
        """Whether a group of near-duplicates shows as one row, its head's, which stands for
        them all (the queue as it opens); a narrowed queue shows each open member."""
        return not self.narrowed and not self.expand_groups and not self.include_closed

    @property
    def narrowed(self) -> bool:
        return any((self.kinds, self.source, self.session, self.user, self.model, self.prompt_version,
                    self.since_ns, self.until_ns, self.tag, self.text, self.group_of, self.verdict,
                    self.cause is not None, self.blamed_kind is not None, self.blamed_name, self.missing_step,
                    self.question, self.unset))

    def with_(self, **changes: Any) -> QueueFilter:
        return replace(self, **changes)


@dataclass
class QueueRow:
    trace_pk: int
    trace_id: str
    source: str
    session_id: str | None
    user_id: str | None
    priority: float
    reasons: list[Reason]
    group_size: int
    question: str
    start_ns: int | None
    model: str | None
    prompt_version: str | None
    state: str
    status: str | None = None
    tags: list[str] = field(default_factory=list)

    @property
    def out_state(self) -> str | None:
        """Why the trace is out of the queue (reviewed, snoozed, skipped), None when it is in."""
        return self.state if self.state in (REVIEWED, SNOOZED, SKIPPED) else None

    def as_dict(self) -> dict[str, Any]:
        return {"trace_id": self.trace_id, "source": self.source, "session_id": self.session_id,
                "priority": self.priority, "reasons": [r.as_dict() for r in self.reasons],
                "group_size": self.group_size}


def trace_conditions(clauses: list[str], params: list[Any], *, source: str | None = None,
                     session: str | None = None, user: str | None = None, model: str | None = None,
                     prompt_version: str | None = None, since_ns: int | None = None,
                     until_ns: int | None = None) -> None:
    """Add to ``clauses``/``params`` the conditions on a trace (``t``) that the queue, share
    and the other filters of traces have in common; a None value filters nothing."""
    if source is not None:
        clauses.append("t.source_id = (SELECT id FROM source WHERE name = ?)")
        params.append(source)
    for column, value in (("t.session_id", session), ("t.user_id", user), ("t.model", model),
                          ("t.prompt_version", prompt_version)):
        if value is not None:
            clauses.append(f"{column} = ?")
            params.append(value)
    if since_ns is not None:
        clauses.append("t.start_ns >= ?")
        params.append(since_ns)
    if until_ns is not None:
        clauses.append("t.start_ns < ?")
        params.append(until_ns)


def _where(f: QueueFilter) -> tuple[str, list[Any], bool]:
    """The WHERE clause over ``queue_entry q`` (and ``trace t``), its parameters, and
    whether it needs the trace table at all (a page without trace filters is a scan of
    one covering index)."""
    from .search import fts_query

    clauses: list[str] = []
    params: list[Any] = []
    if f.group_of is not None:
        clauses.append("q.group_key = (SELECT group_key FROM queue_entry WHERE trace_pk = ?)")
        params.append(f.group_of)
    if f.one_row_a_group:
        clauses.append("q.is_head = 1")  # one row per group; a head is always open
    elif not f.include_closed:
        clauses.append("q.state = 'open'")
    if not f.include_quiet:
        clauses.append("q.priority > 0")
    trace_conditions(clauses, params, source=f.source, session=f.session, user=f.user, model=f.model,
                     prompt_version=f.prompt_version, since_ns=f.since_ns, until_ns=f.until_ns)
    if f.tag:
        clauses.append("EXISTS (SELECT 1 FROM json_each(t.tags) WHERE json_each.value = ?)")
        params.append(f.tag)
    for name in f.unset:
        if name not in UNSETTABLE:
            raise ValueError(f"cannot filter on a missing {name!r}")
        clauses.append(UNSETTABLE[name])
    needs_trace = bool(f.unset) or any(c.startswith(("t.", "EXISTS (SELECT 1 FROM json_each(t.")) for c in clauses)
    if f.runs.active:  # one pass over the traces, then the queue's own index
        where, more = f.runs.where()
        clauses.append(f"q.trace_pk IN (SELECT t.id FROM trace t WHERE {where})")
        params.extend(more)
    _review_clauses(f, clauses, params)
    if f.question:
        clauses.append("q.group_key IS NOT NULL AND substr(q.group_key, instr(q.group_key, ':') + 1) = ?")
        params.append(f.question)
    if f.kinds:
        detected = [k for k in f.kinds if k not in LEARNED_KINDS]
        learned = [k for k in f.kinds if k in LEARNED_KINDS]  # in the entry's reasons only
        either = [f"q.trace_pk IN (SELECT trace_pk FROM signal WHERE kind IN ({placeholders(detected)}))"
                  ] if detected else []
        in_reasons = "EXISTS (SELECT 1 FROM json_each(q.reasons) WHERE json_extract(value, '$.signal') = ?)"
        either += [in_reasons] * len(learned)
        clauses.append("(" + " OR ".join(either) + ")")
        params.extend(detected + learned)
    if f.text:
        query = fts_query(f.text)
        if query is None:
            clauses.append("0")
        else:
            clauses.append("q.trace_pk IN (SELECT rowid FROM trace_fts WHERE trace_fts MATCH ?)")
            params.append(query)
    return " AND ".join(clauses) or "1", params, needs_trace


UNSETTABLE = {"model": "t.model IS NULL", "prompt_version": "t.prompt_version IS NULL",
              "tag": "(t.tags IS NULL OR t.tags = '[]')", "day": "t.start_ns IS NULL"}


def _review_clauses(f: QueueFilter, clauses: list[str], params: list[Any]) -> None:
    if f.verdict:
        clauses.append("q.trace_pk IN (SELECT trace_pk FROM review WHERE verdict = ?)")
        params.append(f.verdict)
    if f.cause is None and f.blamed_kind is None and f.blamed_name is None and not f.missing_step:
        return
    where = ["r.verdict = 'failure'"]
    if f.cause is not None:
        where.append("r.cause_uuid = ?" if f.cause else "r.cause_uuid IS NULL")
        params.extend([f.cause] if f.cause else [])
    if f.missing_step:
        where.append("r.missing_step")
    if f.blamed_kind == "":
        where.append("r.blamed_span_id IS NULL AND NOT r.missing_step")
    elif f.blamed_kind is not None or f.blamed_name is not None:
        step = ["s.trace_pk = r.trace_pk", "s.span_id = r.blamed_span_id"]
        for column, value in (("s.kind", f.blamed_kind), ("s.name", f.blamed_name)):
            if value is not None:
                step.append(f"{column} = ?")
                params.append(value)
        where.append(f"EXISTS (SELECT 1 FROM span s WHERE {' AND '.join(step)})")
    clauses.append(f"q.trace_pk IN (SELECT r.trace_pk FROM review r WHERE {' AND '.join(where)})")


def _selection(f: QueueFilter) -> tuple[str, list[Any]]:
    where, params, needs_trace = _where(f)
    join = " JOIN trace t ON t.id = q.trace_pk" if needs_trace else ""
    return f"FROM queue_entry q{join} WHERE {where}", params


_ORDER = "ORDER BY q.priority DESC, q.trace_pk DESC"


def count(conn: Connection, f: QueueFilter = QueueFilter()) -> int:
    selection, params = _selection(f)
    return conn.exec_driver_sql(f"SELECT count(*) {selection}", tuple(params)).scalar_one()


def page(conn: Connection, f: QueueFilter = QueueFilter(), offset: int = 0, limit: int = 50) -> list[QueueRow]:
    """Rows ``offset`` to ``offset + limit`` of the queue, highest priority first."""
    selection, params = _selection(f)
    picked = f"SELECT q.trace_pk, q.priority {selection} {_ORDER} LIMIT ? OFFSET ?"
    return rows_for(conn, [row.trace_pk for row in select_named(conn, picked, (*params, limit, offset))])


def rows_for(conn: Connection, pks: list[int]) -> list[QueueRow]:
    """The queue rows of these traces, in the order given (for views that hold ids)."""
    if not pks:
        return []
    learned = learning.stored(conn, applied=False)
    found = {}
    for chunk in chunked(pks):
        for row in select_named(conn,
            "SELECT q.trace_pk, t.trace_id, s.name AS source, t.session_id, t.user_id, q.priority, q.reasons, "
            "q.group_size, t.input, t.start_ns, t.model, t.prompt_version, q.state, t.status, t.tags "
            "FROM queue_entry q JOIN trace t ON t.id = q.trace_pk JOIN source s ON s.id = t.source_id "
            f"WHERE q.trace_pk IN ({placeholders(chunk)})", tuple(chunk)
        ):
            found[row.trace_pk] = QueueRow(
                trace_pk=row.trace_pk, trace_id=row.trace_id, source=row.source, session_id=row.session_id,
                user_id=row.user_id, priority=row.priority,
                reasons=[_as_learned(Reason.from_dict(r), learned) for r in orjson.loads(row.reasons)]
                if row.reasons else [],
                group_size=row.group_size, question=user_question(row.input), start_ns=row.start_ns,
                model=row.model, prompt_version=row.prompt_version, state=row.state, status=row.status,
                tags=orjson.loads(row.tags) if row.tags else [])
    return [found[pk] for pk in pks if pk in found]


def _as_learned(reason: Reason, learned: dict[str, learning.Learned]) -> Reason:
    """A stored reason with the latest count of the verdicts on its kind (its priority
    was computed with a count that makes its signals count at most :data:`.learning.MOVED`
    away)."""
    precision, basis = _learned_fields(learned, reason.signal)
    return replace(reason, learned_precision=precision, learned_from=basis)


def _learned_fields(learned: dict[str, learning.Learned], kind: str) -> tuple[float | None, str | None]:
    """A reason's learned precision and what it was learned from ("confirmed 12 of 40 times
    here"), for a signal of ``kind``; (None, None) before any verdict on it."""
    known = learned.get(kind)
    return (None, None) if known is None else (round(known.precision, 3), known.basis)


def highest_pk(conn: Connection) -> int:
    """The highest trace id in the queue (0 for none): one index lookup, an upper bound of
    the queue's size."""
    return conn.exec_driver_sql("SELECT max(trace_pk) FROM queue_entry").scalar() or 0


def ids(conn: Connection, f: QueueFilter = QueueFilter()) -> list[int]:
    """Every trace id of the queue in order (for views that hold ids and fetch rows lazily)."""
    selection, params = _selection(f)
    return [pk for (pk,) in select_rows(conn, f"SELECT q.trace_pk {selection} {_ORDER}", tuple(params))]
