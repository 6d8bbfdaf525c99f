"""Plain text out of imported JSON values: for search, previews and detectors; text
written into CSV cells; and text made safe to show as it is stored."""

from __future__ import annotations

import re
from typing import Any

import orjson

# The bidirectional embeddings, overrides and isolates. Invisible, each reorders the text
# after it, up to the end of its paragraph: after U+202E, "denied" shows as "deined", and a
# few of them can make a line show its words in another order than it holds them. (The
# marks, U+200E, U+200F and U+061C, only settle the direction of the punctuation next to
# them: right-to-left text is full of them, and they stay.)
BIDI_CONTROLS = "\u202a-\u202e\u2066-\u2069"
_BIDI = re.compile(f"[{BIDI_CONTROLS}]")


def shown_bidi_controls(text: str) -> str:
    """``text`` with each bidirectional embedding, override and isolate written as
    ``\\uXXXX``, where a reader sees it and it reorders nothing: what the window shows of
    a record is in the order the record holds it."""
    return _BIDI.sub(lambda m: f"\\u{ord(m.group()):04x}", text) if _BIDI.search(text) else text


# Keys whose values are structure, not something a person wrote or read.
_STRUCTURAL_KEYS = frozenset(
    {"role", "type", "id", "tool_call_id", "mime_type", "finish_reason", "score", "index"}
)


# What a spreadsheet reads as the start of a formula (a tab or carriage return first is
# dropped by some before they look).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def csv_cell(value: Any) -> str:
    """A value as a CSV cell that a spreadsheet shows and never runs: text starting like a
    formula gets a leading apostrophe (which spreadsheets hide); numbers stay numbers."""
    if value is None:
        return ""
    if isinstance(value, str):
        return "'" + value if value[:1] in FORMULA_STARTS else value
    return str(value)


def percent_text(value: float | None, digits: int = 1, missing: str = "-", *, signed: bool = False) -> str:
    """A share as people read it ("12.5%"; "+1.2%" for a change, ``signed``), or ``missing``
    when there is none: the one way the window and the command line write rates."""
    if value is None:
        return missing
    return f"{value:+.{digits}%}" if signed else f"{value:.{digits}%}"


def kappa_text(value: float | None, digits: int = 2, missing: str = "-") -> str:
    """A kappa as the window and the command line write it, or ``missing`` when reviewers'
    answers leave it undefined."""
    return missing if value is None else f"{value:.{digits}f}"


def counted(n: int, word: str, plural: str | None = None) -> str:
    """``n`` things in words: "1 trace", "3 traces", "1 disagreement" (``plural`` for a word
    that does not take an s: ``counted(2, "feedback", "feedback")``)."""
    return f"{n:,} {word if n == 1 else plural or word + 's'}"


def loads_or_none(raw: str | bytes | None) -> Any:
    """The JSON value stored in a column, or None where there is none."""
    if raw is None:
        return None
    try:
        return orjson.loads(raw)
    except orjson.JSONDecodeError:
        return raw


def text_of(value: Any, limit: int = 2000) -> str:
    """The strings inside a JSON value, joined by spaces, at most ``limit`` characters."""
    if isinstance(value, str):
        return value[:limit]
    parts: list[str] = []
    size = 0
    stack = [value]
    while stack and size < limit:
        item = stack.pop()
        if isinstance(item, str):
            if item:
                parts.append(item)
                size += len(item) + 1
        elif isinstance(item, dict):
            children = [v for k, v in item.items() if k not in _STRUCTURAL_KEYS]
            children.reverse()
            stack += children
        elif isinstance(item, list):
            stack += item[::-1]
    return " ".join(parts)[:limit]


def text_of_json(raw: str | bytes | None, limit: int = 2000) -> str:
    """Like :func:`text_of`, for a value still in its stored JSON form."""
    if raw is None:
        return ""
    return text_of(loads_or_none(raw), limit)


# A turn as the dialog corpora of the ParlAI family store it, word by word: punctuation
# and the second half of a contraction stand apart ("i do n't know , sorry ." and
# "i ' m"). What shows it: a mark after a space and before a space or the end, or a
# contraction's half after a space.
_TOKENIZED = re.compile(r" [.,!?;:%)](?= |$)|\( | n't\b|(?<=\w) ' ?(?:s|m|re|ve|ll|d|t)\b(?!')")
_SPACE_BEFORE_MARK = re.compile(r" +([.,!?;:%)])(?= |$)")
_CONTRACTION = re.compile(r"(?<=\w) (n't)\b|(?<=\w) ' ?(s|m|re|ve|ll|d|t)\b(?!')")


def untokenized(text: str) -> str:
    """``text`` as a person writes it, where it was stored word by word ("i do n't know ,
    sorry ." reads "i don't know, sorry."); other text is returned as it is."""
    if not _TOKENIZED.search(text):
        return text
    text = _CONTRACTION.sub(lambda m: m.group(1) or "'" + m.group(2), text)
    return _SPACE_BEFORE_MARK.sub(r"\1", text).replace("( ", "(")


# What dialog corpora write where a speaker said nothing and the other spoke on (bAbI's
# "<SILENCE>", ParlAI's "__SILENCE__").
_SILENCE = re.compile(r"<silence>|__silence__|\[silence\]", re.IGNORECASE)
# A corpus' placeholder for a value it took out: "prezzo_address", "R_cuisine".
_JOINED_WORDS = re.compile(r"(?<=[^\W\d_])_(?=[^\W\d_])")  # (letters both sides: not "RX_4471120")


def as_said(text: str) -> str:
    """What a turn says, as a person would write it: nothing for a corpus' mark of silence,
    a turn stored word by word as it was written, a placeholder as its words ("prezzo is
    on prezzo_address" says "prezzo is on prezzo address")."""
    if _SILENCE.fullmatch(text.strip()):
        return ""
    text = untokenized(text)
    return _JOINED_WORDS.sub(" ", text) if "_" in text else text


def retrieved_documents(value: Any) -> list | None:
    """The documents of a retrieval step's output (already decoded): its ``documents``
    list, else its ``results`` list, or the output itself when it is a list; None when
    the output holds no list of documents."""
    if isinstance(value, dict):
        for key in ("documents", "results"):
            if isinstance(value.get(key), list):
                return value[key]
        return None
    return value if isinstance(value, list) else None


def user_question(raw_input: str | bytes | None, limit: int = 300) -> str:
    """The user's message of a trace (its stored input), as text on one line: the last
    user message of a conversation, else the whole input; at most ``limit`` characters."""
    value = loads_or_none(raw_input)
    if isinstance(value, dict) and isinstance(value.get("messages"), list):
        users = [m for m in value["messages"] if isinstance(m, dict) and m.get("role") == "user"]
        if users:
            value = users[-1].get("content")
    return " ".join(text_of(value, limit * 2).split())[:limit]
