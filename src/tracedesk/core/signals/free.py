"""An answer that says something is free where the run's documents and tools give prices
and none says free ("your first checked bag is free" against "Checked bags: 1st $35")."""

from __future__ import annotations

import re
from functools import lru_cache

from sqlalchemy import Connection

from ..store import chunked, placeholders, select_named
from ..words import STOPWORDS
from .confidence import confidence
from .figures import EVIDENCE_LIMIT, sentence_at
from .found import Found, quote

# Free, said of a price: not "feel free", nor "toll-free" or "gluten-free".
FREE = re.compile(r"(?<!feel )(?<![\w-])(?:free(?![\w-])|no (?:charge|fee|cost)\b|at no (?:charge|cost)\b"
                   r"|nothing to pay\b|costs? nothing\b)")


def says_free(text: str) -> bool:
    """Whether ``text`` says free (:data:`FREE`). Each of its phrases holds "free", "no "
    or "nothing": a text without them (most answers, most documents) is settled by three
    substring tests, which cost a fraction of the pattern tried at every word."""
    return ("free" in text or "no " in text or "nothing" in text) and FREE.search(text) is not None


# A price in the evidence, and a price of nothing ("price": 0) that makes "free" true.
PRICE = re.compile(r"[$€£]\s?\d|\d\s?(?:usd|eur|gbp|dollars?|euros?)\b")
_ZERO_PRICE = re.compile(r'"(?:price|fee|cost|charge|amount)"\s*:\s*"?0(?:\.0+)?"?\s*[,}]')


def free_claims(conn: Connection, scope: str, turns: dict) -> list[Found]:
    """An answer that says something is free where the run's documents and tools give
    prices and never say free ("your first checked bag is free" against "Checked bags:
    1st $35"): the answer promises what nothing the run found supports."""
    free_by_answer: dict[str, bool] = {}  # a canned answer is read once
    claims = {}
    for pk, turn in turns.items():
        if turn.raw_answer:
            free = free_by_answer.get(turn.answered)
            if free is None:
                free = free_by_answer[turn.answered] = says_free(turn.answered)
            if free:
                claims[pk] = turn
    if not claims:
        return []
    evidence: dict[int, list[tuple[str, str | None, str | None, str]]] = {}
    for part in chunked(sorted(claims)):
        for step in select_named(conn, f"""
            SELECT trace_pk, kind, span_id, name, substr(output, 1, 20000) AS output FROM span
            WHERE trace_pk IN ({placeholders(part)}) AND kind IN ('tool', 'retrieval')
              AND coalesce(status, 'ok') != 'error' ORDER BY trace_pk, start_ns""", tuple(part)):
            steps = evidence.setdefault(step.trace_pk, [])
            if sum(len(text) for *_, text in steps) < EVIDENCE_LIMIT:  # a run of thousands of steps: its first
                steps.append((step.kind, step.span_id, step.name, (step.output or "").lower()))
    found = []
    read: dict[str, tuple[int, str]] = {}  # by answer: a canned answer is read once
    for pk, steps in evidence.items():
        said = " ".join(text for *_, text in steps)
        turn = claims[pk]
        claimed = read.get(turn.answered)
        if claimed is None:
            claimed = read[turn.answered] = _free_claim(turn.answered)
        at, claim = claimed
        if _ZERO_PRICE.search(said) or _free_said_of(said, claim, turn.asked):
            continue
        priced = next(((kind, span_id, name, m) for kind, span_id, name, text in steps
                       if (m := PRICE.search(text))), None)
        if priced is None:
            continue
        kind, span_id, name, m = priced
        sentence = sentence_at(turn.answer, at)
        where = f"{name or 'a tool'} returned a price" if kind == "tool" else "the run's documents give a price"
        found.append(Found(pk, "ungrounded", confidence("ungrounded", "unsupported", 0.5),
                           f"the answer says free where {where} and none says free: {quote(sentence, 60)}",
                           span_id, {"answer": sentence[:300], "answer_says": "free",
                                     "evidence_says": said[max(0, m.start() - 60):m.end() + 40]}))
    return found


# A passage of the evidence ends where a sentence or a value of its JSON does ("Incoming
# wires: free"); one that may say free holds one of these.
_PASSAGE_ENDS = '.!?\n"'
PASSAGE_REACH = 300
_FREE_HINT = re.compile(r"free|include|no |nothing")
_TOPIC_WORD = re.compile(r"[^\W\d_]{3,}")
_PRICE_WORDS = frozenset({"free", "included", "include", "includes", "charge", "charged", "cost", "costs", "fee",
                          "fees", "nothing", "pay", "price"})


def _free_said_of(said: str, claim: str, question: str) -> bool:
    """Whether the (lower-cased) evidence says free, or included, of what the answer's
    sentence ``claim`` says is free: in a passage that shares a topic word with it (with
    the question, for a claim that names nothing: "Yes, it's free."). "One carry-on is
    included on every fare" says nothing of a checked bag; "Incoming wires: free" does of
    receiving a wire; "meals are not included" says no such thing. (Words are compared by
    their first four letters, which "wire" and "wires" share.)"""
    topic = _topic_heads(claim) or _topic_heads(question)
    at = 0
    while (hint := _FREE_HINT.search(said, at)) is not None:
        start, end = _passage_around(said, hint.start())
        at = max(end, hint.end())  # each passage is read once, however many hints it holds
        passage = said[start:end]
        free = says_free(passage) and not _NOT_FREE.search(passage)
        if not free and ("include" not in passage or _NOT_INCLUDED.search(passage)):
            continue
        if not topic or not topic.isdisjoint(_topic_heads(passage)):
            return True
    return False


def _free_claim(answered: str) -> tuple[int, str]:
    """Where a (lower-cased) answer says free, and its sentence there."""
    at = FREE.search(answered).start()
    return at, sentence_at(answered, at)


# "Not included", "aren't included", "no longer included"; "not free", "isn't free".
_NOT_INCLUDED = re.compile(r"(?:\b(?:not|never|no longer)|n't)\s+(?:\w+\s+){0,2}includ")
_NOT_FREE = re.compile(r"(?:\b(?:not|never|no longer)|n't)\s+(?:\w+\s+){0,2}free\b")


def _passage_around(text: str, at: int) -> tuple[int, int]:
    """Where the sentence, or the JSON value, of ``text`` around the position ``at`` starts
    and ends: at most PASSAGE_REACH characters either way (a result of one endless
    sentence is read a window at a time, not from its start at every hint)."""
    low, high = max(0, at - PASSAGE_REACH), min(len(text), at + PASSAGE_REACH)
    before = max(text.rfind(mark, low, at) for mark in _PASSAGE_ENDS)
    ends = [end for end in (text.find(mark, at, high) for mark in _PASSAGE_ENDS) if end >= 0]
    return (before + 1 if before >= 0 else low), min(ends, default=high)


@lru_cache(maxsize=8192)
def _topic_heads(text: str) -> frozenset[str]:
    """The first four letters of the topic words of ``text`` (a passage of a document met
    in many runs is read once)."""
    return frozenset(word[:4] for word in _TOPIC_WORD.findall(text)
                     if word not in STOPWORDS and word not in _PRICE_WORDS)
