"""What the queue learns from the reviewers: how often each kind of signal turned out to
be a real defect in this database.

Every verdict is a label. A reviewed trace whose strongest signal is a ``rephrase`` flag
and that was judged a failure confirms the flag; judged ok, it refutes it ("unsure" says
nothing).
Each kind's precision here is estimated as a Beta posterior whose prior is what the
confidence table expected of the flags reviewed (the mean of their confidences; before any
verdict, :func:`.signals.confidence.prior_precision`) worth ``PRIOR_WEIGHT`` verdicts, so
that three verdicts move it a little and forty move it a lot::

    precision = (prior × PRIOR_WEIGHT + confirmed) / (PRIOR_WEIGHT + reviewed)

(Reviewers settle the head of the queue first, a kind's surest flags: compared with the
kind's mean, their verdicts would lift its weak flags as well, a complaint in a first
message of 0.2 to 0.3, although they only confirmed what the table said of the sure ones.
For the same reason a move up counts for a flag weaker than those reviewed in proportion to
its confidence: :func:`calibrated`.)

A signal's confidence is then moved by as much as its kind's precision moved from the
prior, in log-odds (:func:`calibrated`): a rephrase flag of 0.7 in a database where
rephrase flags were confirmed 12 of 40 times counts for about 0.45. The unreviewed traces
are ranked with it.

Verdicts also teach about answers: an unreviewed trace that gives, word for word, an answer
a reviewer judged a failure (numbers and names aside: embedding similarity at least
:data:`ECHO_SIMILARITY`) gets a ``like_failure`` reason naming that trace (:func:`refresh_echoes`).
A wrong answer a model gave once it tends to give again, to everyone who asks; the
same answer judged ok says nothing of the next trace (its question, or its tool's result,
may differ), so only failures echo, and only those where the answer is what failed (not a
tool or a step the reviewer blamed, nor a run that looped or hid an error, nor an answer
wrong for what this run found: a search that found nothing, a tool that said otherwise).
The verdicts on traces that echo a failure judged before them count for ``like_failure``
as for any kind.

The estimates are stored in ``meta`` (key ``learned_precision``) with the verdicts they
came from, and, as the priorities were last computed with them, under
``learned_precision_applied``; :func:`forget` sets them aside (the verdicts before it stop counting), for a
database whose traffic or detectors changed.

This module reads and computes; :func:`..queue.relearn` decides when the queue's
priorities must follow.
"""

from __future__ import annotations

import math
import re
import time
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import orjson
from sqlalchemy import Connection

from .signals.confidence import LEARNED_KINDS, NEGATIVE_KINDS, confidence, prior_precision
from .store import chunked, meta_value, placeholders, select_named, select_rows, set_meta
from .text import text_of_json

if TYPE_CHECKING:
    from .signals.meaning import Embedder

PRIOR_WEIGHT = 10.0  # the table's prior counts as this many verdicts
MOVED = 0.02  # what a kind's signals count moved by more than this re-ranks its traces
_KEY = "learned_precision"
# The kinds whose precision the verdicts measure: every negative one, those a detector
# raises and the echoes of a failure the verdicts themselves raise.
COUNTED_KINDS = NEGATIVE_KINDS
_NEGATIVE = ", ".join(f"'{kind}'" for kind in NEGATIVE_KINDS if kind not in LEARNED_KINDS)  # in the signal table
_APPLIED = "learned_precision_applied"
_SINCE_KEY = "learning_since_ns"
_ECHOES_KEY = "learned_echoes"  # {"sources": [pk, ...], "echoes": {pk: {source pk: similarity}}}
# What the verdicts taught, as meta holds it: a copy without the verdicts (a blind second
# review) leaves these behind.
TAUGHT_KEYS = (_KEY, _APPLIED, _ECHOES_KEY)
ECHO_KIND = "like_failure"
ECHO_CONFIDENCE = confidence(ECHO_KIND, "same_answer")
ECHO_SIMILARITY = 0.99  # the same answer, its figures and names aside
ECHO_CANDIDATES = 2000  # traces read per failure: the best full-text matches of its answer
# Each failure judged is searched once for the answers like it (tens of milliseconds on a
# big database). A save searches the failure it records; the failures judged elsewhere (a
# merge, an upgrade) wait in a backlog, searched this many at a time by an import or merge
# (queue.catch_up_echoes); the window searches it a few a write in the background
# (queue.search_echo_backlog).
ECHO_SEARCHES_AT_ONCE = 50
ECHO_SOURCES_KEPT = 3  # the closest failures a trace is noted to echo
_BLOCK = 5000  # answers compared at once with the failures
_ANSWER_CHARACTERS = 2000
# Verdicts since the last forget(), one per trace: the one most of its reviewers gave (a
# tie, or only "unsure", decides nothing). Parameter: the time of the last forget().
# ``at``: when the trace was first judged (a note added later, or a second reviewer, moves
# nothing).
_DECIDED = """
    WITH judged AS (
        SELECT trace_pk, sum(verdict = 'failure') AS fail, sum(verdict = 'ok') AS ok, min(created_ns) AS at
        FROM review WHERE updated_ns >= ? AND verdict IN ('failure', 'ok') GROUP BY trace_pk),
    decided AS (SELECT trace_pk, fail > ok AS failed, at FROM judged WHERE fail != ok)
"""


@dataclass(frozen=True)
class Learned:
    """A kind of signal's precision in this database."""

    kind: str
    prior: float  # what the table expected of the flags reviewed (before any verdict, of the kind)
    confirmed: int
    reviewed: int

    @property
    def precision(self) -> float:
        return (self.prior * PRIOR_WEIGHT + self.confirmed) / (PRIOR_WEIGHT + self.reviewed)

    @property
    def basis(self) -> str:
        """In words, for a reason line: "confirmed 12 of 40 times here"."""
        if not self.reviewed:
            return "not reviewed here yet"
        times = "time" if self.reviewed == 1 else "times"
        return f"confirmed {self.confirmed} of {self.reviewed} {times} here"

    def as_dict(self) -> dict[str, Any]:
        return {"signal": self.kind, "prior": self.prior, "confirmed": self.confirmed, "reviewed": self.reviewed,
                "precision": round(self.precision, 3)}


def count_verdicts(conn: Connection) -> dict[str, Learned]:
    """Each negative signal kind's confirmed and reviewed traces, from the reviews since
    the last :func:`forget`: a reviewed trace counts for its strongest negative signal (an
    echo of a failure, ``like_failure``, among them), whose confidence is what the table
    expected of it. A trace reviewed by several people counts once, by the verdict most of
    them gave (a tie, or only "unsure", counts for nothing)."""
    counts: dict[str, Learned] = {}
    # A verdict speaks for the trace's strongest signal: a thumbs-down and an unusual
    # latency on a failed run confirm the thumbs-down, not the latency. An echo (kept in
    # meta, not in the signal table) is one of the trace's signals when the failure it
    # echoes was judged before the trace was: two traces judged failures one after the
    # other, the second echoing the first, say nothing of echoes for the first.
    for kind, confirmed, reviewed, expected in conn.exec_driver_sql(f"""{_DECIDED},
        echoed AS (
            SELECT DISTINCT d.trace_pk FROM meta m,
                json_each(CASE WHEN json_valid(m.value) THEN m.value ELSE '{{}}' END, '$.echoes') e,
                json_each(CASE WHEN e.type = 'object' THEN e.value ELSE '{{}}' END) s
            JOIN decided d ON d.trace_pk = CAST(e.key AS INTEGER)
            JOIN decided source ON source.trace_pk = CAST(s.key AS INTEGER) AND source.failed AND source.at < d.at
            WHERE m.key = '{_ECHOES_KEY}'),
        strongest AS (
            SELECT trace_pk, kind, confidence,
                   row_number() OVER (PARTITION BY trace_pk ORDER BY confidence DESC, kind) AS place
            FROM (SELECT trace_pk, kind, confidence FROM signal
                  WHERE trace_pk IN (SELECT trace_pk FROM decided) AND kind IN ({_NEGATIVE})
                  UNION ALL SELECT trace_pk, '{ECHO_KIND}', {ECHO_CONFIDENCE} FROM echoed))
        SELECT s.kind, sum(d.failed), count(*), avg(s.confidence) FROM decided d
        JOIN strongest s ON s.trace_pk = d.trace_pk AND s.place = 1
        GROUP BY s.kind
    """, (_since_ns(conn),)):
        counts[kind] = Learned(kind, round(float(expected), 3), int(confirmed or 0), int(reviewed))
    return {kind: counts.get(kind) or Learned(kind, prior_precision(kind), 0, 0) for kind in COUNTED_KINDS}


def _since_ns(conn: Connection) -> int:
    """When what was learned was last set aside (0: never, or a damaged entry)."""
    since = meta_value(conn, _SINCE_KEY)
    return int(since) if since and since.isdigit() else 0


def stored(conn: Connection, *, applied: bool = True) -> dict[str, Learned]:
    """The estimates the queue's priorities were last computed with (``applied``), or the
    latest count of the verdicts, which reasons show (what they make a signal count differs
    by at most :data:`MOVED`). None stored: the priors."""
    raw = meta_value(conn, _APPLIED if applied else _KEY)
    if not raw:
        return {}
    try:
        data = orjson.loads(raw)
        found = {kind: Learned(kind, float(v["prior"]), int(v["confirmed"]), int(v["reviewed"]))
                 for kind, v in data.items()}
    except (orjson.JSONDecodeError, KeyError, TypeError, ValueError, AttributeError):
        return {}  # a damaged entry: start again from the priors
    # Only the kinds this version counts, with counts that can be (a damaged entry, or a
    # newer Tracedesk's kind, is counted again from the reviews).
    return {kind: v for kind, v in found.items()
            if kind in COUNTED_KINDS and 0 < v.prior < 1 and 0 <= v.confirmed <= v.reviewed}


def store(conn: Connection, learned: dict[str, Learned], *, applied: bool) -> None:
    set_meta(conn, _APPLIED if applied else _KEY,
             orjson.dumps({k: v.as_dict() for k, v in learned.items() if v.reviewed}).decode())


def moved(old: dict[str, Learned], new: dict[str, Learned]) -> set[str]:
    """The kinds whose verdicts moved what their signals count enough to re-rank their
    traces: as a signal of 0.5 would count (:func:`calibrated`), which both the precision
    and what the table expected of the flags reviewed move."""
    return {kind for kind in set(old) | set(new)
            if abs(calibrated(0.5, old.get(kind)) - calibrated(0.5, new.get(kind))) > MOVED}


def forget(conn: Connection) -> None:
    """Set aside what was learned: the verdicts given so far stop counting."""
    set_meta(conn, _SINCE_KEY, str(time.time_ns()))
    conn.exec_driver_sql("DELETE FROM meta WHERE key IN (?, ?, ?)", (_KEY, _APPLIED, _ECHOES_KEY))


def calibrated(confidence: float, learned: Learned | None) -> float:
    """A signal's confidence, moved in log-odds by as much as its kind's precision here
    moved from the prior. A move up is scaled by confidence / prior for a flag weaker than
    those reviewed.

    The verdicts were given on the flags reviewed, as sure as ``learned.prior`` says. That
    they were confirmed tells little of a much weaker flag of the kind (a complaint read in
    a first message, 0.2, against complaints of the next turn, 0.8, confirmed 27 of 27
    times): a move up is scaled by the signal's confidence over theirs. That even the sure
    ones failed here tells as much of the weak ones: a move down is whole."""
    if learned is None or not learned.reviewed:
        return confidence
    shift = _logit(learned.precision) - _logit(learned.prior)
    if shift > 0:
        shift *= min(1.0, confidence / learned.prior)
    return round(1 / (1 + math.exp(-(_logit(confidence) + shift))), 4)


def _logit(p: float) -> float:
    p = min(0.999, max(0.001, p))
    return math.log(p / (1 - p))


@dataclass(frozen=True)
class Echo:
    """An unreviewed trace whose answer is one a reviewer judged a failure on another."""

    trace_pk: int
    source_pk: int  # the trace judged a failure (the closest, where several are alike)
    similarity: float

    def detail(self, source_name: str) -> str:
        """The reason line: "gives the answer judged a failure on c00791-t1 (similarity 0.99)"."""
        return f"gives the answer judged a failure on {source_name} (similarity {self.similarity:.2f})"


def judged_names(conn: Connection, found: Iterable[Echo]) -> dict[int, str]:
    """The trace id of the trace judged a failure that each echo names, by its key."""
    sources = sorted({echo.source_pk for echo in found})
    names = {pk: f"#{pk}" for pk in sources}
    for part in chunked(sources):
        names.update(select_rows(conn, f"SELECT id, trace_id FROM trace WHERE id IN ({placeholders(part)})", part))
    return names


def echoes(conn: Connection) -> dict[int, Echo]:
    """Each trace not reviewed yet that gives an answer judged a failure elsewhere, with the
    closest such trace (the earliest of equals). A reviewed trace has its own verdict: its
    echoes are kept, not shown, and come back when its review is undone or deleted."""
    table = _stored_echoes(conn)["echoes"]
    if not table:
        return {}
    reviewed = {str(pk) for (pk,) in conn.exec_driver_sql("SELECT DISTINCT trace_pk FROM review")}
    out = {}
    for pk, sources in table.items():
        if pk in reviewed:
            continue
        source, similarity = max(sources.items(), key=lambda item: (item[1], -int(item[0])))
        out[int(pk)] = Echo(int(pk), int(source), similarity)
    return out


def echoes_anything(conn: Connection, trace_pk: int) -> bool:
    """Whether ``trace_pk`` gives an answer judged a failure elsewhere, reviewed or not (a
    look into the stored table that SQLite makes, without reading it all into Python)."""
    return conn.exec_driver_sql(
        "SELECT CASE WHEN json_valid(value) THEN json_type(value, '$.echoes.\"' || ? || '\"') END FROM meta "
        "WHERE key = ?", (int(trace_pk), _ECHOES_KEY)).scalar() == "object"  # (a damaged entry: none)


def refresh_echoes(conn: Connection, searches: int = ECHO_SEARCHES_AT_ONCE, first: Iterable[int] = ()) -> set[int]:
    """Bring the echoes up to the verdicts: drop those of a trace no longer judged a failure
    (its review changed or was undone), and look for the answers like those of ``first``
    judged a failure since the last search and like at most ``searches`` others (the rest
    are the backlog, :func:`echo_backlog`). Return the traces whose echoes changed."""
    data = _stored_echoes(conn)
    searched = set(data["sources"])
    failed = {pk for (pk,) in conn.exec_driver_sql(_FAILED_ANSWERS, (_since_ns(conn),))}
    added, dropped = failed - searched, searched - failed
    # Many failures at once (after an upgrade, a merge): a batch now, the rest later, so
    # that no write waits long. A save with only such a backlog left has nothing to do.
    wanted = [pk for pk in dict.fromkeys(first) if pk in added]
    batch = wanted + sorted(added - set(wanted))[:max(0, searches)]
    if not batch and not dropped:
        return set()
    table: dict[str, dict[str, float]] = data["echoes"]
    changed: set[int] = set()
    gone = {str(pk) for pk in dropped}
    for pk, sources in list(table.items()):
        if gone & sources.keys():
            changed.add(int(pk))
            for source in gone & sources.keys():
                del sources[source]
            if not sources:
                del table[pk]
    searched_now = failed & searched
    if batch:
        # numpy and the model are loaded when a first failure is judged, not before.
        from .signals.meaning import embedder

        model = embedder()
        if model is not None:  # (without it, searched when the model is there again)
            searched_now |= set(batch)
            for source, pk, similarity in _alike(conn, model, batch):
                _add_echo(table, pk, source, similarity)
                changed.add(pk)
    data["sources"] = sorted(searched_now)
    _store_echoes(conn, data)
    return changed


def echo_backlog(conn: Connection) -> int:
    """How many traces judged a failure are still to be searched for the answers like them."""
    searched = set(_stored_echoes(conn)["sources"])
    return sum(1 for (pk,) in conn.exec_driver_sql(_FAILED_ANSWERS, (_since_ns(conn),)) if pk not in searched)


def echo_new_traces(conn: Connection, scope: str) -> set[int]:
    """Compare the answers of the traces ``scope`` selects (just imported or detected again)
    with the failures already searched: a trace imported after a verdict may give the same
    answer. Return the traces that echo one now."""
    data = _stored_echoes(conn)
    if not data["sources"]:
        return set()
    from .signals.meaning import embedder

    model = embedder()
    if model is None:
        return set()
    failures = _answers(conn, data["sources"])
    if not failures:
        return set()
    sources = list(failures)
    source_vectors = model.embed([failures[pk] for pk in sources])
    targets = [(row.id, text) for row in select_named(conn, f"SELECT id, output FROM trace WHERE id IN ({scope})")
               if (text := _echo_text(row.output)) is not None]
    changed: set[int] = set()
    table: dict[str, dict[str, float]] = data["echoes"]
    for start in range(0, len(targets), _BLOCK):
        block = targets[start:start + _BLOCK]
        similar = model.embed([text for _, text in block]) @ source_vectors.T
        for row, column in zip(*(similar >= ECHO_SIMILARITY).nonzero(), strict=True):
            pk, source = block[int(row)][0], sources[int(column)]
            if pk != source:
                _add_echo(table, pk, source, round(float(similar[row, column]), 4))
                changed.add(pk)
    if changed:
        _store_echoes(conn, data)
    return changed


def _add_echo(table: dict[str, dict[str, float]], pk: int, source: int, similarity: float) -> None:
    """Note that ``pk`` echoes ``source``, keeping each trace's closest few failures: a canned
    answer judged a failure a thousand times would otherwise note a thousand a trace."""
    sources = table.setdefault(str(pk), {})
    sources[str(source)] = similarity
    if len(sources) > ECHO_SOURCES_KEPT:
        del sources[min(sources, key=lambda s: (sources[s], -int(s)))]


def _store_echoes(conn: Connection, data: dict[str, Any]) -> None:
    set_meta(conn, _ECHOES_KEY, orjson.dumps(data).decode())


def _answers(conn: Connection, pks: list[int]) -> dict[int, str]:
    """The answers of these traces long enough to recognise elsewhere."""
    out = {}
    for part in chunked(pks):
        for row in select_named(conn, f"SELECT id, output FROM trace WHERE id IN ({placeholders(part)})", part):
            if (text := _echo_text(row.output)) is not None:
                out[row.id] = text
    return out


def _echo_text(output: str | None) -> str | None:
    """A trace's answer as echoes compare it, where it is long enough to recognise elsewhere."""
    text = text_of_json(output, _ANSWER_CHARACTERS)
    return text if len(text.split()) >= _ECHO_MIN_WORDS else None


# A failure echoes only where the answer is what failed: not where a reviewer blamed a tool
# or a retrieval step, or a step that is missing, nor where the trace's strongest signal is
# about what the run did or found (a loop, a hidden error: "Done: your card is frozen" after
# a tool looped is the right answer elsewhere; an answer given although the search found
# nothing, or that its own tool contradicts, is right in a run that found it).
_RUN_KINDS = ("loop", "error_swallowed", "outlier", "limit_reached", "tests_failed", "repeated_command",
              "error_ignored", "empty_retrieval", "ungrounded")
_FAILED_ANSWERS = f"""{_DECIDED}
    SELECT d.trace_pk FROM decided d WHERE d.failed
      AND NOT EXISTS (
          SELECT 1 FROM review r LEFT JOIN span s ON s.trace_pk = r.trace_pk AND s.span_id = r.blamed_span_id
          WHERE r.trace_pk = d.trace_pk AND r.verdict = 'failure'
            AND (r.missing_step OR s.kind IN ('tool', 'retrieval')))
      AND coalesce((SELECT g.kind FROM signal g WHERE g.trace_pk = d.trace_pk AND g.kind IN ({_NEGATIVE})
                    ORDER BY g.confidence DESC, g.kind LIMIT 1), '')
          NOT IN ({", ".join(f"'{kind}'" for kind in _RUN_KINDS)})
"""


def _stored_echoes(conn: Connection) -> dict[str, Any]:
    raw = meta_value(conn, _ECHOES_KEY)
    try:
        data = orjson.loads(raw) if raw else {}
        if isinstance(data.get("sources"), list) and isinstance(data.get("echoes"), dict):
            return data
    except (orjson.JSONDecodeError, AttributeError):
        pass  # a damaged entry: search again from the verdicts
    return {"sources": [], "echoes": {}}


_WORD = re.compile(r"[^\W\d_]{4,}")
_ECHO_QUERY_WORDS = 6
_ECHO_MIN_WORDS = 5  # "Done." or "Yes, it is." is not an answer to recognise elsewhere


def _as_indexed(text: str) -> str:
    """A text's words as the search index keeps them: lower case, accents removed
    ("effectué" is found as "effectue")."""
    decomposed = unicodedata.normalize("NFKD", text.lower())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _alike(conn: Connection, model: Embedder, sources: list[int]) -> list[tuple[int, int, float]]:
    """(source, trace, similarity) for each other trace whose answer is, by meaning, the
    answer of a ``sources`` trace (a reviewed one too: its echo is shown again if its
    review is undone). Full-text search finds the candidates (the traces sharing the
    answer's rarest words, best first), the embedding decides."""
    answers = _answers(conn, sources)
    # How many traces each word is in, from the search index itself.
    conn.exec_driver_sql("CREATE VIRTUAL TABLE IF NOT EXISTS temp.trace_words USING fts5vocab(main, trace_fts, row)")
    found = []
    for source, answer in answers.items():
        words = sorted(set(_WORD.findall(_as_indexed(answer))))
        if not words:
            continue
        # The answer's rarest words that another trace has too: a trace giving the same
        # answer has most of them, and few others have any.
        traces_with = dict(select_rows(
            conn, f"SELECT term, doc FROM temp.trace_words WHERE term IN ({placeholders(words)})", words))
        rare = sorted((w for w in words if traces_with.get(w, 0) >= 2), key=lambda w: (traces_with[w], w))
        if not rare:
            continue
        query = " OR ".join(f'"{w}"' for w in rare[:_ECHO_QUERY_WORDS])
        # The traces not reviewed yet first: reviewed look-alikes (kept for an undo) must not
        # take their places.
        candidates = [pk for (pk,) in conn.exec_driver_sql(
            "SELECT rowid FROM trace_fts WHERE trace_fts MATCH ? AND rowid != ? "
            "ORDER BY rowid IN (SELECT trace_pk FROM review), rank LIMIT ?", (query, source, ECHO_CANDIDATES))]
        if not candidates:
            continue
        texts = {pk: text_of_json(raw, _ANSWER_CHARACTERS) for pk, raw in select_rows(
            conn, f"SELECT id, output FROM trace WHERE id IN ({','.join(map(str, candidates))})")}
        pks = [pk for pk in candidates if pk in texts]
        vectors = model.embed([answer, *(texts[pk] for pk in pks)])
        for pk, similarity in zip(pks, (vectors[1:] @ vectors[0]).tolist(), strict=True):
            if similarity >= ECHO_SIMILARITY:
                found.append((source, pk, round(similarity, 4)))
    return found
