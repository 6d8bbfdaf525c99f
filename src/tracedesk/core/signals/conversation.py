"""Implicit signals in the conversation: what the user's next turn says about the answer
before it (a rephrase, a request for a human, frustration), and a session that ends on an
answer that did not resolve it.

A signal read in turn N is about the answer of turn N-1, so it is attached to that trace,
with the later turn's words as evidence.
"""

from __future__ import annotations

from sqlalchemy import Connection

from ..store import select_rows
from ..text import text_of_json, user_question
from .found import Found, quote
from .phrases import (
    ANSWER_ADMITS_FAILURE,
    ANSWER_ASKS_BACK,
    CLOSING,
    ESCALATION,
    FRUSTRATION,
    NEW_QUESTION_CUES,
    NOT_ESCALATION,
    REPHRASE_CUES,
    content_words,
    similarity,
)

REPHRASE_SIMILARITY = 0.6  # share of topic words two questions have in common
REPHRASE_WITH_CUE = 0.3  # ...when the user says "I mean", "let me rephrase"...
REPHRASE_AFTER_MISS = 0.35  # ...when the answer before did not touch the question's topic
MISSED_TOPIC = 0.25  # an answer that shares at most this much of the question's topic words
QUESTION_LIMIT = 2000  # characters of the user's message read


class Turn:
    """One turn of a session: the user's message and the answer, read as detectors ask.

    What every detector reads is worked out once, when the turn is made; the rest (the
    answer's text, the topic words) on first use and kept. Plain attributes rather than
    cached properties: detection makes tens of thousands of these a second."""

    __slots__ = ("pk", "trace_id", "question", "raw_answer", "status", "asked", "closing", "_answer", "_answered",
                 "_words")

    def __init__(self, pk: int, trace_id: str, question: str, raw_answer: str | None, status: str | None) -> None:
        self.pk = pk
        self.trace_id = trace_id
        self.question = question  # what the user wrote
        self.raw_answer = raw_answer  # the trace output as stored; most detectors never need it
        self.status = status
        self.asked = question.lower()
        self.closing = CLOSING.match(self.asked) is not None  # "thanks", "that's all"...
        self._answer: str | None = None
        self._answered: str | None = None
        self._words: frozenset[str] | None = None

    @property
    def answer(self) -> str:
        if self._answer is None:
            self._answer = text_of_json(self.raw_answer, 2000)
        return self._answer

    @property
    def answered(self) -> str:
        """The answer in lower case, as the phrase patterns read it."""
        if self._answered is None:
            self._answered = self.answer.lower()
        return self._answered

    @property
    def words(self) -> frozenset[str]:
        """The topic words of the user's message."""
        if self._words is None:
            self._words = content_words(self.asked)
        return self._words


def _sessions(conn: Connection, scope: str):
    """The turns of each session in scope, in time order (a trace with no session is a
    session of its own)."""
    rows = select_rows(conn,
        "SELECT id, trace_id, source_id, session_id, input, output, status FROM trace "
        f"WHERE id IN ({scope}) ORDER BY source_id, session_id IS NULL, session_id, start_ns, id"
    )
    current_key = None
    turns: list[Turn] = []
    for pk, trace_id, source_id, session_id, input_, output, status in rows:
        key = (source_id, session_id) if session_id is not None else ("trace", pk)
        if key != current_key and turns:
            yield current_key, turns
            turns = []
        current_key = key
        turns.append(Turn(pk, trace_id, user_question(input_, QUESTION_LIMIT), output, status))
    if turns:
        yield current_key, turns


def conversation_signals(conn: Connection, scope: str) -> list[Found]:
    found: list[Found] = []
    for key, turns in _sessions(conn, scope):
        in_session = key[0] != "trace"
        for i, turn in enumerate(turns):
            previous = turns[i - 1] if i > 0 else None
            found += _next_turn_signals(previous, turn)
        if in_session:
            found += _abandonment(turns[-1])
    return found


def _next_turn_signals(previous: Turn | None, turn: Turn) -> list[Found]:
    """What ``turn``'s message says about ``previous``'s answer."""
    text = turn.asked
    target = previous or turn
    about = "the next turn" if previous else "the user"
    evidence = {"turn": turn.trace_id, "text": turn.question[:500]}
    out = []
    if ESCALATION.search(text) and not NOT_ESCALATION.search(text):
        out.append(Found(target.pk, "escalation", 0.85 if previous else 0.7,
                         f"{about} asks for a human: {quote(turn.question)}", evidence=evidence))
    if FRUSTRATION.search(text):
        out.append(Found(target.pk, "frustration", 0.8 if previous else 0.6,
                         f"{about} says the answer missed: {quote(turn.question)}", evidence=evidence))
    if previous is not None and not turn.closing:
        cue = REPHRASE_CUES.search(text)
        if cue or not NEW_QUESTION_CUES.match(text):
            before, now = previous.words, turn.words
            shared = similarity(before, now)
            missed = _answer_missed(before, previous.answered)
            if len(now) >= 2 and (shared >= REPHRASE_SIMILARITY or (cue and shared >= REPHRASE_WITH_CUE)
                                  or (missed and shared >= REPHRASE_AFTER_MISS)):
                confidence = 0.45 + 0.45 * shared + (0.1 if cue else 0) + (0.1 if missed else 0)
                why = " after an answer on something else" if missed else ""
                out.append(Found(previous.pk, "rephrase", round(min(0.9, confidence), 3),
                                 f"the next turn asks the same again{why}: {quote(turn.question)}",
                                 evidence={**evidence, "similarity": round(shared, 2)}))
    return out


def _answer_missed(question_words: frozenset[str], answer: str) -> bool:
    """The answer hardly mentions what the question was about."""
    if len(question_words) < 3:
        return False
    return len(question_words & content_words(answer)) / len(question_words) <= MISSED_TOPIC


def _abandonment(last: Turn) -> list[Found]:
    """The session ends on this answer, and the answer did not resolve it."""
    if last.closing or not last.answer:
        return []
    if ANSWER_ADMITS_FAILURE.search(last.answered):
        return [Found(last.pk, "abandonment", 0.4,
                      f"the user left after an answer that could not help: {quote(last.answer)}")]
    if ANSWER_ASKS_BACK.search(last.answered):
        return [Found(last.pk, "abandonment", 0.3,
                      f"the user left without answering the question back: {quote(last.answer)}")]
    return []
