"""Answers that say nothing the run's documents say: a run searched its help articles,
found some, called no tool, and answered with a line none of them, the question or the turn
before shares topic words with ("Skyway Air flies to over 90 destinations" to "when can I
check in"). A canned line or another topic's answer, given whatever the search found.

The word-level cousin of a faithfulness score (:mod:`.grounding` reads the figures and
states an answer asserts): an answer close in meaning to its question may come from what
the model knows, and is left alone.
"""

from __future__ import annotations

from sqlalchemy import Connection

from ..store import chunked, placeholders, select_rows
from ..text import loads_or_none, retrieved_documents, text_of
from ..words import content_words
from .confidence import confidence
from .found import Found, quote
from .turns import closeness_to_question

# An answer sharing less than this share of its topic words with the run's documents, its
# question and the turn before says what none of them say.
UNRELATED_SHARE = 0.2
UNRELATED_MIN_WORDS = 4  # an answer must say this much for what it shares to tell
# Characters of a retrieval's result read for its documents: a long list of passages is
# read; a result longer than this (a whole manual) does not parse, and is left alone.
DOCUMENTS_LIMIT = 200_000
# How far from its question an answer counts, where the meaning model cannot tell (no
# model, or a question not in English): half way, so that the words shared decide.
UNKNOWN_DISTANCE = 0.5
# An answer this close in meaning to its question (turns.closeness_to_question) may answer
# it from what the model knows.
ANSWERS_THE_QUESTION = 0.35


def unlike_the_documents(conn: Connection, scope: str, turns: dict, before: dict) -> list[Found]:
    """An answer that says nothing the documents the run retrieved say: it shares almost
    none of its topic words with them, with the question or with the turn before ("Our
    loyalty members collect points..." where the run found articles on returns). A canned
    line or another topic's answer, given whatever the search found.

    Only runs that searched documents, found some and called no tool are read: an answer
    drawn from a tool's result (a handoff, an account's figures) shares its words with
    no document. A greeting or thanks, and an answer that could not help, asks back or
    replies yes or no to a yes-or-no question, are left alone.

    The evidence quotes the document that shares the most of the answer's words."""
    # The runs with a retrieval and no tool (the steps' index holds the kind), whose answer
    # says enough.
    candidates = [pk for (pk,) in select_rows(conn, f"""
        WITH scoped(pk) AS ({scope})
        SELECT pk FROM scoped
        WHERE EXISTS (SELECT 1 FROM span WHERE trace_pk = pk AND kind = 'retrieval')
          AND NOT EXISTS (SELECT 1 FROM span WHERE trace_pk = pk AND kind = 'tool')""")
                  if (turn := turns.get(pk)) is not None and turn.raw_answer and _says_enough(turn)]
    searched: dict[int, list[tuple[str, str | None]]] = {}
    for part in chunked(candidates):
        for pk, span_id, raw in select_rows(conn, f"""
            SELECT trace_pk, span_id, substr(output, 1, {DOCUMENTS_LIMIT}) FROM span
            WHERE trace_pk IN ({placeholders(part)}) AND kind = 'retrieval'
              AND coalesce(status, 'ok') != 'error' ORDER BY trace_pk, start_ns""", tuple(part)):
            searched.setdefault(pk, []).append((span_id, raw))
    # (trace, documents found, the closest one (span id, text), topic words shared)
    unrelated: list[tuple[int, int, tuple[str, str], int]] = []
    words_of: dict[str, frozenset[str]] = {}  # a document met in many runs is read once
    for pk, steps in searched.items():
        documents = [(span_id, text_of(doc, 2000)) for span_id, raw in steps
                     for doc in retrieved_documents(loads_or_none(raw)) or ()]
        documents = [(span_id, text) for span_id, text in documents if text]
        if not documents:
            continue  # nothing found: the empty retrieval's own signal speaks for it
        turn = turns[pk]
        known = set(turn.words)
        earlier = before.get(pk)
        if earlier is not None:
            known |= earlier.words | earlier.answer_words
        closest, most = documents[0], -1
        for document in documents:
            words = words_of.get(document[1])
            if words is None:
                words = words_of[document[1]] = content_words(document[1])
            known |= words
            if (common := len(turn.answer_words & words)) > most:
                closest, most = document, common
        shared = len(turn.answer_words & known)
        if shared < UNRELATED_SHARE * len(turn.answer_words):
            unrelated.append((pk, len(documents), closest, shared))
    closeness = _closeness_to_question([turns[pk] for pk, *_ in unrelated])
    found = []
    for (pk, documents, (span_id, closest), shared), close in zip(unrelated, closeness, strict=True):
        if close is not None and close >= ANSWERS_THE_QUESTION:
            continue  # it may answer from what the model knows: the documents do not say it is wrong
        turn = turns[pk]
        words = len(turn.answer_words)
        apart = UNKNOWN_DISTANCE if close is None else min(1.0, (ANSWERS_THE_QUESTION - close) / 0.2)
        evidence = {"answer": turn.answer[:300], "shared_words": f"{shared} of {words}",
                    "closest_document": closest[:300]}
        if close is not None:
            evidence["similarity_to_question"] = round(close, 2)
        found.append(Found(
            pk, "ungrounded",
            confidence("ungrounded", "unrelated", (1 - shared / (UNRELATED_SHARE * words) + apart) / 2),
            f"the answer says what none of the {documents} documents the run retrieved say: "
            f"{quote(turn.answer, 70)}", span_id, evidence))
    return found


def _closeness_to_question(turns: list) -> list[float | None]:
    """How close in meaning each turn's answer is to its question; None where the meaning
    model cannot tell (not installed, or a question not in English)."""
    from .meaning import embedder

    model = embedder()
    readable = [t for t in turns if model is not None and t.message.in_english]
    close = dict(zip(map(id, readable), closeness_to_question(model, readable), strict=True))
    return [close.get(id(t)) for t in turns]


def _says_enough(turn) -> bool:
    """An answer to a message that asks something (not a greeting or thanks), stating
    something of its own in English (whose words the topic words are read as, and help
    centres are mostly written in): enough topic words, and no failure, question back or
    yes-or-no reply to a yes-or-no question (built on the question and the conversation,
    not only on the documents: "Yes, from the code on your order page")."""
    reply = turn.reply
    return (turn.message.asks and not turn.closing and not turn.message.greets_only
            and len(reply.words) >= UNRELATED_MIN_WORDS and reply.in_english and not reply.could_not_help
            and not reply.asks_back and not reply.did_not_understand
            and not (reply.says_yes_or_no and turn.message.asks_yes_or_no))
