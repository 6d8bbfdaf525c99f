"""Which run to put beside a trace under review: the run on the most similar question
that did not fail, the same (or a similar) question under another prompt version or model, and the
turns before and after it in its session.

Runs are found through the full-text index (the question's words, numbers aside, newest
matches first, a few hundred at most) and the session index, then ranked in Python by
how much their user's question shares the reviewed one's topic words: a handful of
queries, whatever the size of the database.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection

from .store import chunked, placeholders, select_named, select_rows
from .text import user_question
from .verdicts import LATEST_REVIEW_FIRST
from .words import STOPWORDS, similarity, topic_words


@dataclass(frozen=True)
class CandidateReason:
    kind: str  # similar_ok, other_trial, other_prompt_version, other_model, previous_turn, next_turn
    detail: str


@dataclass
class Candidate:
    """A run worth putting beside the trace under review, and why."""

    trace_pk: int
    trace_id: str
    source: str
    question: str
    similarity: float  # of its user's question to the reviewed one's, 0 to 1
    failed: bool  # an error, a negative signal in the queue, or a reviewer's "failure"
    status: str | None
    model: str | None
    prompt_version: str | None
    start_ns: int | None
    reasons: list[CandidateReason]

    def as_dict(self) -> dict[str, Any]:
        return {"trace_id": self.trace_id, "source": self.source, "question": self.question,
                "similarity": round(self.similarity, 3), "failed": self.failed, "status": self.status,
                "model": self.model, "prompt_version": self.prompt_version,
                "reasons": [{"kind": r.kind, "detail": r.detail} for r in self.reasons]}


POOL = 200  # runs read per full-text query
MIN_SIMILARITY = 0.5  # below this, a question is not even a similar one


_NOT_WORD = re.compile(r"[^\w]+")


def same_question(a: str, b: str) -> bool:
    """Whether two questions are the same question: the same words in the same order once
    case, punctuation and numbers (order numbers, dates) are set aside. Sharing most topic
    words is only a similar question: "Can I still cancel order 30291?" is not "I want to
    cancel my order 10642 for the Glacier gloves." """
    def key(text: str) -> str:
        return _NOT_WORD.sub(" ", re.sub(r"\d+", "#", text.lower())).strip()

    return bool(key(a)) and key(a) == key(b)


def run_failed(status: str | None, priority: float | None, verdict: str | None = None) -> bool:
    """Whether a run failed: its reviewer's verdict when there is one ("failure" or
    "ok"), else an error or a negative signal in the queue (a priority above 0)."""
    if verdict == "failure":
        return True
    if verdict == "ok":
        return False
    return status == "error" or (priority or 0) > 0


_LATEST_VERDICT = f"(SELECT r.verdict FROM review r WHERE r.trace_pk = t.id ORDER BY {LATEST_REVIEW_FIRST} LIMIT 1)"
_VERDICT_SQL = f"SELECT t.id, {_LATEST_VERDICT} AS verdict FROM trace t WHERE t.id IN ({{marks}})"


def latest_verdicts(conn: Connection, pks: list[int]) -> dict[int, str]:
    """The verdict of each trace's latest review, for those reviewed."""
    found: dict[int, str] = {}
    for chunk in chunked(pks):
        for row in select_named(conn, _VERDICT_SQL.format(marks=placeholders(chunk)), tuple(chunk)):
            if row.verdict is not None:
                found[row.id] = row.verdict
    return found


def _question_words(question: str) -> list[str]:
    """The words of a question worth searching for: no stopwords, no numbers (order
    numbers and dates differ between runs on the same question), longest first."""
    words = {w for w in re.findall(r"\w+", question.lower()) if w not in STOPWORDS and not w.isdigit()
             and len(w) > 1}
    return sorted(words, key=lambda w: (-len(w), w))[:8]


def _fts_ids(conn: Connection, match: str, where: str = "", params: tuple = (), limit: int = POOL) -> list[int]:
    """The newest traces matching an FTS query (FTS5 walks its index backwards by row
    id and stops at ``limit``: no scan of the matches)."""
    join = " JOIN trace t ON t.id = f.rowid" if where else ""
    sql = (f"SELECT f.rowid FROM trace_fts f{join} WHERE trace_fts MATCH ? {where} "
           f"ORDER BY f.rowid DESC LIMIT {int(limit)}")
    return [pk for (pk,) in select_rows(conn, sql, (match, *params))]


def _pool(conn: Connection, words: list[str], where: str = "", params: tuple = ()) -> list[int]:
    """Traces whose text holds the question's words: all of them, else all but one,
    else any."""
    if not words:
        return []
    found: dict[int, None] = {}
    queries = [" AND ".join(f'"{w}"' for w in words)]
    if len(words) > 2:
        queries += [" AND ".join(f'"{w}"' for w in words if w != left_out) for left_out in words]
    queries.append(" OR ".join(f'"{w}"' for w in words))
    for query in queries:
        found.update(dict.fromkeys(_fts_ids(conn, query, where, params)))
        if len(found) >= POOL:
            break
    return list(found)


_CANDIDATE_SQL = """
    SELECT t.id, t.trace_id, s.name AS source, t.input, t.status, t.model, t.prompt_version, t.start_ns,
           q.priority, """ + _LATEST_VERDICT + """ AS verdict
    FROM trace t JOIN source s ON s.id = t.source_id LEFT JOIN queue_entry q ON q.trace_pk = t.id
    WHERE t.id IN ({marks})
"""


def _read_candidates(conn: Connection, pks: list[int], words: frozenset[str]) -> dict[int, Candidate]:
    found: dict[int, Candidate] = {}
    for chunk in chunked(pks):
        for row in select_named(conn, _CANDIDATE_SQL.format(marks=placeholders(chunk)), tuple(chunk)):
            question = user_question(row.input)
            found[row.id] = Candidate(
                trace_pk=row.id, trace_id=row.trace_id, source=row.source, question=question,
                similarity=similarity(words, topic_words(question)),
                failed=run_failed(row.status, row.priority, row.verdict), status=row.status, model=row.model,
                prompt_version=row.prompt_version, start_ns=row.start_ns, reasons=[])
    return found


_TRIAL = re.compile(r"^(task-.+-trial-)\d+$")  # benchmark runs: tau-bench's task-<id>-trial-<n>


def _other_trials(conn: Connection, trace_pk: int, source_id: int, trace_id: str,
                  words: frozenset[str]) -> list[Candidate]:
    """The other trials of the same task in the same source (a benchmark runs each task
    several times): a range of the source's trace ids, read through its index."""
    found = _TRIAL.match(trace_id)
    if found is None:
        return []
    prefix = found.group(1)
    pks = [pk for (pk,) in select_rows(conn, "SELECT id FROM trace WHERE source_id = ? AND trace_id >= ? "
                                             "AND trace_id < ? AND id != ? LIMIT 20",
                                       (source_id, prefix, prefix[:-1] + chr(ord(prefix[-1]) + 1), trace_pk))]
    trials = _read_candidates(conn, pks, words)
    return sorted((c for c in trials.values() if _TRIAL.match(c.trace_id)), key=lambda c: (c.failed, c.trace_id))


def comparison_candidates(conn: Connection, trace_pk: int, limit: int = 5) -> list[Candidate]:
    """Runs to put beside a trace, the most telling first: the run on the most similar
    question that did not fail; the same or a similar question under another prompt version and
    under another model; the turns before and after it in its session; then more runs
    on the same question that did not fail. Read through the full-text index and the
    session index: a handful of queries, whatever the size of the database."""
    trace = conn.exec_driver_sql(
        "SELECT input, source_id, session_id, start_ns, model, prompt_version, trace_id FROM trace WHERE id = ?",
        (trace_pk,)).one()
    source_id, session, start_ns = trace.source_id, trace.session_id, trace.start_ns
    model, version = trace.model, trace.prompt_version
    question = user_question(trace.input)
    mine = topic_words(question)
    words = _question_words(question)
    pool = _read_candidates(conn, [pk for pk in _pool(conn, words) if pk != trace_pk], mine)
    picked: dict[int, Candidate] = {}

    def propose(candidate: Candidate | None, kind: str, detail: str) -> None:
        if candidate is None:
            return
        entry = picked.setdefault(candidate.trace_pk, candidate)
        entry.reasons.append(CandidateReason(kind, detail))

    def closeness(c: Candidate) -> tuple:
        return (c.similarity, c.model == model and c.prompt_version == version,
                -abs((c.start_ns or 0) - (start_ns or 0)))

    good = sorted((c for c in pool.values() if not c.failed and c.similarity >= MIN_SIMILARITY),
                  key=closeness, reverse=True)
    if good:
        propose(good[0], "similar_ok", f"the most similar question ({good[0].similarity:.0%}) in a run that "
                                       "did not fail")
    for other in _other_trials(conn, trace_pk, source_id, trace.trace_id, mine):
        outcome = "failed too" if other.failed else "did not fail"
        propose(picked.get(other.trace_pk, other), "other_trial",
                f"another trial of the same task ({other.trace_id}); it {outcome}")
    for column, value, kind, label in (("prompt_version", version, "other_prompt_version", "prompt version"),
                                       ("model", model, "other_model", "model")):
        if value is None:
            continue
        others = _read_candidates(conn, [pk for pk in _pool(conn, words, f"AND t.{column} != ?", (value,))
                                         if pk != trace_pk], mine)
        best = max((c for c in others.values() if c.similarity >= MIN_SIMILARITY),
                   key=lambda c: (not c.failed, *closeness(c)), default=None)
        if best is not None:
            other_value = getattr(best, column)
            outcome = "failed too" if best.failed else "did not fail"
            asked = ("the same question" if same_question(best.question, question)
                     else f"a similar question ({best.similarity:.0%})")
            propose(picked.get(best.trace_pk, best), kind,
                    f"{asked} under {label} {other_value} (yours: {value}); it {outcome}")
    if session is not None and start_ns is not None:
        for kind, sign, order in (("previous_turn", "<", "DESC"), ("next_turn", ">", "ASC")):
            row = conn.exec_driver_sql(
                f"SELECT id FROM trace WHERE session_id = ? AND source_id = ? AND "
                f"(start_ns {sign} ? OR (start_ns = ? AND id {sign} ?)) ORDER BY start_ns {order}, id {order} "
                f"LIMIT 1", (session, source_id, start_ns, start_ns, trace_pk)).first()
            if row:
                turn = picked.get(row.id) or _read_candidates(conn, [row.id], mine)[row.id]
                propose(turn, kind, f"the {'turn before' if sign == '<' else 'turn after'} this one in "
                                    f"session {session}")
    for extra in good[1:]:
        if len(picked) >= limit:
            break
        if extra.trace_pk not in picked:
            propose(extra, "similar_ok", f"a similar question ({extra.similarity:.0%}) in a run that did not fail")
    return list(picked.values())[:limit]
