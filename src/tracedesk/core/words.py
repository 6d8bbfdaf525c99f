"""The words of a message that carry its topic, and how much two messages share them: what
the queue groups near-duplicates by, the signals compare a user's questions with, and the
run comparison and its candidates match questions by.

Plain word sets (lower-cased, lightly stemmed, customers' synonyms merged, small words
left out), with no model behind them: fast enough to run over every trace of a database.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

WORD = re.compile(r"[^\W_]+")  # letters and digits, of any script: "cuánto" is one word
# The words the queue's group keys are made of (queue.question_key): a-z and digits, as the
# keys stored in existing databases were made, so that a question imported today groups
# with the same one imported before.
_KEY_WORD = re.compile(r"[a-z0-9]+")
STOPWORDS = frozenset((
    "a", "an", "the", "i", "me", "my", "mine", "we", "our", "you", "your", "it", "its", "this",
    "that", "these", "those", "is", "are", "was", "were", "be", "been", "am", "do", "does", "did",
    "have", "has", "had", "can", "could", "would", "should", "will", "shall", "may", "might",
    "must", "to", "of", "in", "on", "at", "for", "from", "with", "by", "about", "as", "into",
    "over", "under", "again", "please", "just", "so", "and", "or", "but", "if", "then", "than",
    "there", "here", "what", "which", "who", "whom", "whose", "when", "where", "why", "how", "not",
    "no", "yes", "hi", "hello", "hey", "thanks", "thank", "ok", "okay", "also", "any", "some",
    "still", "get", "got", "need", "want", "like", "know", "tell", "let", "make", "one",
))


# Words customers use for the same thing, mapped to one of them (after stemming), so
# that "where is my parcel?" asks the same as "where is my order?".
SYNONYMS = {
    "package": "order", "parcel": "order", "shipment": "order", "purchase": "order",
    "money": "refund", "reimburse": "refund", "reimbursement": "refund", "repay": "refund",
    "restock": "stock", "available": "stock", "availability": "stock",
    "login": "log", "signin": "log", "logon": "log",
    "coupon": "code", "promo": "code", "voucher": "code",
    "modify": "change", "update": "change", "edit": "change", "alter": "change",
    "repair": "fix", "broke": "broken", "break": "broken",
    "deliver": "arrive", "delivery": "arrive", "arriv": "arrive",
    "pwd": "password", "passcode": "password",
}


@lru_cache(maxsize=65536)
def _stem(word: str) -> str:
    for suffix in ("ing", "ed", "es", "s"):
        if len(word) > len(suffix) + 2 and word.endswith(suffix):
            word = word[: -len(suffix)]
            break
    return SYNONYMS.get(word, word)


def content_words(text: str) -> frozenset[str]:
    """The words of a message that carry its topic, lightly stemmed, synonyms merged;
    numbers kept. (Accented letters are read composed: "cuánto" typed with a combining
    accent is the same word.)"""
    lowered = text.lower()
    if not lowered.isascii():
        lowered = unicodedata.normalize("NFC", lowered)
    return _topic(WORD.findall(lowered))


def key_words(text: str) -> frozenset[str]:
    """:func:`content_words` as the queue's group keys read them (runs of a-z and digits)."""
    return _topic(_KEY_WORD.findall(text.lower()))


def _topic(words: list[str]) -> frozenset[str]:
    """The topic words among ``words``: small words left out, the rest stemmed."""
    return frozenset(map(_stem, set(words) - STOPWORDS))


HEAD_LETTERS = 4  # words compared by their first letters: "nurse" and "nursing", "call" and "calling"


def heads(words) -> frozenset[str]:
    """The first :data:`HEAD_LETTERS` letters of each of ``words``: two words that share
    them are taken for forms of one ("cheaper" of "cheap", "lowes" of "lowe's")."""
    return frozenset(word[:HEAD_LETTERS] for word in words)


def has_digit(word: str) -> bool:
    """Whether a word (or a text) holds a figure ("48213", "#0048213", "2fa")."""
    return _DIGIT(word) is not None


_DIGIT = re.compile(r"\d").search


def similarity(a: frozenset[str], b: frozenset[str]) -> float:
    """How much two messages share their words, 0 to 1: the mean of the share of the
    shorter one found in the longer (overlap coefficient) and the share of both in common
    (Dice), so that a short question that only repeats a product name scores lower than
    one that asks the same thing."""
    if not a or not b:
        return 0.0
    common = len(a & b)
    return (common / min(len(a), len(b)) + 2 * common / (len(a) + len(b))) / 2


def number_as_word(word: str) -> str:
    """A topic word with numbers all alike ("#"): order numbers and ids are not a topic."""
    return "#" if word.isdigit() else word


def topic_words(text: str) -> frozenset[str]:
    """The words that carry a text's topic, numbers all alike (see ``content_words``)."""
    return frozenset(map(number_as_word, content_words(text)))
