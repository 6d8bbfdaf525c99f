"""The turns of the sessions in scope, read once for every detector that looks at them.

A support bot's traffic says the same things again and again: a common question, a
canned answer. So what the detectors read in a text (its lower-cased form, its words, the
patterns it matches) belongs to the text, not to the turn: a :class:`.message.Message` for
what a user wrote and a :class:`.reply.Reply` for an answer are made once for each
distinct text of a detection, and every turn that sent or got the same text shares them.
Only what depends on the turn itself (its place in the session, what the meaning model
said of it) is the turn's.
"""

from __future__ import annotations

from sqlalchemy import Connection

from ..store import select_rows
from ..text import as_said, user_question
from ..words import STOPWORDS
from .message import Message
from .reply import ANSWER_LIMIT, Reply, sentences_of

QUESTION_LIMIT = 2000  # characters of the user's message read
# Whether an answer lies far from its request is a fact of the turn once its meaning is read
# (conversation.py reads it for off-topic answers, reactions.py for follow-ups):
OFF_TOPIC = 0.3  # an answer less similar in meaning than this to a plain request does not address it
# ...nor, for a short answer that names nothing (Reply.says_little), less than this: good
# short answers lie as low as 0.12 ("In the spring, mostly." to "when did the war end?").
SHORT_OFF_TOPIC = 0.1


def closeness_needed(turn: Turn) -> float:
    """How close in meaning an answer must be to its question to address it: a short one,
    whose few words the model reads less surely, must be farther to count as off-topic."""
    return OFF_TOPIC if turn.reply.gist_words is not None else SHORT_OFF_TOPIC


def answered_far(turn: Turn) -> bool:
    """The answer is far in meaning from its request, where that was compared (a plain
    request: ``Turn.addressed``)."""
    return turn.addressed is not None and turn.addressed < closeness_needed(turn)


def closeness_to_question(model, turns: list[Turn], sentences: int = 0, below: float = 1.0) -> list[float]:
    """How close in meaning each turn's answer (its gist: ANSWER_LIMIT characters) is to
    its question, ``model`` (:class:`.meaning.Embedder`) comparing their topic words: the
    function words they share ("how do I", "you can") say nothing of the topic. With
    ``sentences``, one of the answer's first ``sentences`` sentences counts where it is
    closer: an answer that answers in one sentence and goes on to something else ("Not
    really, veggie burgers got good. I play guitar in a band.") answers the question, while
    the whole of it, read as one, lies farther from it. (Only for the answers whose whole
    lies ``below`` this: a caller that asks only whether an answer is that far reads no
    more.)"""
    if not turns:
        return []
    asked = model.embed([t.asked for t in turns], skip=STOPWORDS)
    answers = model.embed([t.answered[:ANSWER_LIMIT] for t in turns], skip=STOPWORDS)
    close = (asked * answers).sum(axis=1).tolist()
    owners, parts = [], []
    for i, turn in enumerate(turns):
        # (The sentences of its gist only, as the whole is read: not an appendix further on.)
        said = sentences_of(turn.answered[:ANSWER_LIMIT]) if sentences and close[i] < below else ()
        if len(said) > 1:
            owners += [i] * min(len(said), sentences)
            parts += said[:sentences]
    if parts:
        apart = (asked[owners] * model.embed(parts, skip=STOPWORDS)).sum(axis=1).tolist()
        for i, value in zip(owners, apart, strict=True):
            close[i] = max(close[i], value)
    return close


class Turn:
    """One turn of a session: the user's message and the answer, read as detectors ask.

    What every detector reads of the message and the answer is copied from their
    :class:`Message` and :class:`Reply` into plain attributes (detection makes tens of
    thousands of turns a second); what the meaning model says of the turn is its own."""

    __slots__ = ("pk", "trace_id", "raw_answer", "status", "message", "reply", "question", "asked", "closing",
                 "asked_words", "asks_for_person", "complains", "answer", "answered", "vector", "answer_vector",
                 "escalation", "frustration", "addressed", "question_back_vector")

    def __init__(self, pk: int, trace_id: str, message: Message, reply: Reply, raw_answer: str | None,
                 status: str | None) -> None:
        self.pk = pk
        self.trace_id = trace_id
        self.raw_answer = raw_answer  # the trace output as stored; most detectors never need it
        self.status = status
        self.message = message
        self.reply = reply
        self.question = message.question  # what the user wrote
        self.asked = message.asked
        self.closing = message.closing
        self.asked_words = message.asked_words
        self.asks_for_person = message.asks_for_person
        self.complains = message.complains
        self.answer = reply.answer
        self.answered = reply.answered
        self.vector = None  # the question's meaning, where it was needed
        self.answer_vector = None
        self.escalation = 0.0  # how strongly the message asks for a person, by meaning
        self.frustration = 0.0  # ...says the answer before missed
        # How close the answer is to the question, in meaning: its whole or, closer, one of
        # its first sentences (read only where the whole lies far: closeness_to_question).
        self.addressed: float | None = None
        self.question_back_vector = None  # the meaning of the question the answer ends on

    @property
    def words(self) -> frozenset[str]:
        """The topic words of the user's message."""
        return self.message.words

    @property
    def answer_words(self) -> frozenset[str]:
        return self.reply.words


def read_sessions(conn: Connection, scope: str) -> list[tuple[tuple, list[Turn]]]:
    """The turns of each session in scope, in time order (a trace with no session is a
    session of its own), as detectors read them: each distinct message and answer is read
    once, whichever detector and however many turns read it."""
    rows = select_rows(conn,
        "SELECT id, trace_id, source_id, session_id, input, output, status, error_count FROM trace "
        f"WHERE id IN ({scope}) ORDER BY source_id, session_id IS NULL, session_id, start_ns, id"
    )
    questions: dict[str | None, Message] = {}  # by the stored input...
    messages: dict[str, Message] = {}  # ...and by what the user wrote, for inputs that differ around it
    replies: dict[str | None, Reply] = {}
    sessions: list[tuple[tuple, list[Turn]]] = []
    current_key = None
    turns: list[Turn] = []
    for pk, trace_id, source_id, session_id, input_, output, status, errors in rows:
        key = (source_id, session_id) if session_id is not None else ("trace", pk)
        if key != current_key:
            if turns:
                sessions.append((current_key, turns))
                turns = []
            current_key = key
        message = questions.get(input_)
        if message is None:
            question = as_said(user_question(input_, QUESTION_LIMIT))
            message = messages.get(question)
            if message is None:
                message = messages[question] = Message(question)
            questions[input_] = message
        reply = replies.get(output)
        if reply is None:
            reply = replies[output] = Reply(output)
        turns.append(Turn(pk, trace_id, message, reply, output, "error" if errors else status))
    if turns:
        sessions.append((current_key, turns))
    return sessions
