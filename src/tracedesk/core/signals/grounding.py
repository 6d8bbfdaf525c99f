"""Answers not grounded in what the run found: the answer says an order "has shipped" where
the order tool said "cancelled", or quotes a balance, a date or a fee that no tool
result, retrieved document, prompt or question of the run contains.

This is the cheap, offline cousin of what RAG evaluators call faithfulness: no model
judges the answer; the figures and the states it asserts are looked up in the run's own
evidence. Each case comes with the sentence of the answer and the evidence as proof:

- *contradicts*: a tool result gives a state (``"status": "cancelled"``) and the answer
  asserts another state of the same family ("shipped") without the tool's;
- *contradicts*, field by field: a tool's yes-or-no field, sum or duration said the other
  way ("there is no known outage" where ``"outage": true``; "a $49 fee has been charged"
  where ``"price": 0``; "in 1-2 business days" where ``"replacement_eta_days": 7``);
- *unsupported*: the answer states a figure (an amount, a quantity, a date) that appears
  nowhere in the evidence, where a tool returned another figure of the same form, or a
  document another of the same unit, that the answer does not give (the tool said 120.50,
  the answer 210.50; the document 30 days, the answer 60 days; "within 10 minutes" where the
  document says "1-2 business days"). A figure the evidence has no counterpart for (a dose,
  a phone number) is left alone: the run cannot tell; but a price, where nothing the run
  found gives a sum of money at all, came from nowhere the run can show ("eSIM activation
  costs $15" against documents that give no fee). A whole number counts as said only
  whole: 90 is not in a score of 0.908, nor 10 in the date 2026-11-10;
- *unsupported*, free: the answer says something is free where the run's documents and
  tools give prices and none says free;
- *unrelated*: an answer that says nothing the run's documents say (:mod:`.documents`).

Only runs that called a tool or a retrieval, and whose answer holds a figure or a state
word, are read further; the rest cost one look at the answer. Field by field, only the tool
results that hold such a field are parsed. A state counts as said by a tool only: a document
saying that orders are "shipped within two days" says nothing of this order.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from functools import lru_cache
from typing import NamedTuple

from sqlalchemy import Connection

from ..store import chunked, placeholders, select_named, select_rows
from ..text import loads_or_none
from ..words import STOPWORDS
from .confidence import confidence
from .documents import unlike_the_documents
from .found import Found, quote
from .phrases import WORD_CHARACTERS_ONLY

# States a tool reports and an answer asserts, by family: two states of one family
# cannot both be true of one thing. Spelling variants map to one name.
STATE_FAMILIES: dict[str, tuple[str, ...]] = {
    "fulfilment": ("shipped", "delivered", "cancelled", "pending", "processing", "returned", "in transit",
                   "out for delivery", "on hold", "backordered", "lost", "ready for pickup", "picked up",
                   "dispatched", "not shipped"),
    "decision": ("approved", "declined", "rejected", "under review", "accepted", "denied"),
    "account": ("active", "inactive", "suspended", "closed", "locked", "frozen", "expired", "verified",
                "unverified", "deactivated"),
    "payment": ("paid", "unpaid", "overdue", "refunded", "failed", "succeeded", "charged", "reversed"),
    "flight": ("on time", "delayed", "boarding", "departed", "landed", "diverted", "cancelled"),
    "invoice": ("draft", "sent", "paid", "overdue", "void"),
    "stock": ("in stock", "out of stock", "sold out", "available", "unavailable", "discontinued"),
}
_VARIANTS = {"canceled": "cancelled", "cancelled": "cancelled", "successful": "succeeded", "declined": "declined",
             "denied": "declined", "rejected": "declined", "not yet shipped": "not shipped",
             "hasn't shipped": "not shipped", "has not shipped": "not shipped", "not been shipped": "not shipped"}
_STATES = sorted({s for family in STATE_FAMILIES.values() for s in family} | set(_VARIANTS), key=len, reverse=True)


def _by_first_letter(phrases: list[str]) -> str:
    """The phrases as one alternation, grouped by their first character and in the order
    given within a group: at any position only the phrases of the letter found there are
    tried, so it matches as the plain alternation does, three or four times faster."""
    groups: dict[str, list[str]] = {}
    for phrase in phrases:
        groups.setdefault(phrase[0], []).append(phrase[1:])
    return "|".join(f"{re.escape(first)}(?:{'|'.join(map(re.escape, rests))})" for first, rests in groups.items())


_STATE = re.compile(r"\b(?:" + _by_first_letter(_STATES) + r")\b")
# A state may be of several families ("cancelled": an order, a flight).
_FAMILIES_OF: dict[str, frozenset[str]] = {
    s: frozenset(name for name, family in STATE_FAMILIES.items() if s in family)
    for family in STATE_FAMILIES.values() for s in family}
_NEGATED = re.compile(r"\b(?:not|n't|never|no longer)\s+(?:been\s+|yet\s+|be\s+)?$")

# A figure with what follows it: "$210.50", "30 days", "12.8 GB", "2026-11-20". Digits
# joined by dashes or slashes other than a date (a phone number, a reference) are ids, and
# are left alone.
_FIGURE = re.compile(r"(?<![\w.\-/])([$€£])?\s?(\d[\d,./\-:]*\d|\d)(?![\w\-/])(?:\s?(%|[a-z]{1,12}))?")
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}$")
_RANGE = re.compile(r"(\d{1,3})-(\d{1,3})")
# Units that measure the same thing: an answer's "10 minutes" stands where a document's
# "1-2 business days" does.
_TIME_UNITS = frozenset({"second", "minute", "hour", "day", "night", "week", "month", "year"})
_JSON_KEYS = re.compile(r'"[^"\\]*"\s*:')  # a field's name in a tool's JSON: "refunded": 3.0 says no state
# A sentence ends at . ! ? or a line break, not at the point of "$12.50".
_SENTENCE = re.compile(r"(?:[^.!?\n]|\.(?=\d))+(?:[.!?]+|$)")
# The last word of every state: a state counts in a text that holds it as a word, as the
# word patterns split it.
_STATE_HINTS = frozenset(s.split()[-1] for s in _STATES)
EVIDENCE_LIMIT = 40_000  # characters of evidence read per run
ANSWER_LIMIT = 3000


def _canonical(state: str) -> str:
    return _VARIANTS.get(state, state)


@dataclass(frozen=True, slots=True)
class Figure:
    value: str  # normalised: "1240.5", "2026-11-20"
    shape: tuple  # ("date",), ("dec",) or ("int", digits): figures that can stand for each other
    unit: str | None  # "$", "day", "gb", "%"... what it counts, where the text says
    at: int = 0  # where it stands in the text


# What a figure counts, when the word after it says so: the figures an answer asserts
# about the user's case (amounts, durations, data), as opposed to ids and references.
_UNITS = frozenset("""
    day hour minute second week month year business night gb mb tb kb kbp mbp gbp kg lb mg mcg ml km mile
    % percent euro dollar usd eur gbp cent point item bag seat tablet dose refill message call text minute
""".split())  # noqa: SIM905 (a word list reads best as words)
# A quick look for such a figure, before the figures are read one by one. It opens with the
# character every such figure starts with (a currency sign or a digit), which lets the
# pattern engine skip to those characters instead of trying the pattern at every position.
_QUANTITY = re.compile(r"[$€£\d](?:(?<=[$€£])\s?\d|(?<=\d)(?:[.,]\d|\d{3}-\d\d-\d\d|\s?(?:%|[a-z€£$])))")
# Where a figure could start: the pattern opens with the set of characters a figure can
# start with, which lets the engine skip to them (the look back then comes after it).
_FIGURE_START = re.compile(r"[$€£\s\d](?<![\w.\-/].)(?:(?<=\d)|\s?\d)")


def _figure_matches(text: str) -> Iterator[re.Match[str]]:
    """The matches of _FIGURE in ``text``, as ``finditer`` gives them, found faster: the
    pattern is tried only where :data:`_FIGURE_START` finds a place a figure could start,
    which the pattern engine finds by itself, skipping every other character (a figure's
    first character is a currency sign, a space or a digit, one not after a word
    character, a dot, a dash or a slash, and a digit comes at most two characters on)."""
    pos = 0
    search, match = _FIGURE_START.search, _FIGURE.match
    while (start := search(text, pos)) is not None:
        m = match(text, start.start())
        if m:
            yield m
            pos = m.end()
        else:
            pos = start.start() + 1


def _figures(text: str) -> list[Figure]:
    """The figures of a text with two digits or more (dates, amounts, quantities; which of
    them an answer asserts about the user's case, :func:`_is_quantity` tells)."""
    found = []
    for m in _figure_matches(text):
        currency, raw, after = m.groups()
        if _DATE.match(raw):
            found.append(Figure(raw, ("date",), "date", m.start()))
            continue
        unit = currency or _unit(after)
        ends = _RANGE.fullmatch(raw)
        if ends and unit in _UNITS:  # "1-2 business days", "5-7 days": both ends count
            found += [Figure(end, ("int", len(end)), unit, m.start()) for end in ends.groups()]
            continue
        if "," in raw and _EUROPEAN.fullmatch(raw) and (
                "." in raw or currency or unit in _COUNTED_IN_DECIMALS or _MONEY_AFTER.match(text, m.end())):
            raw = raw.replace(".", "").replace(",", ".")  # "8.110,40", "12,50 €": a decimal comma
        if "-" in raw or "/" in raw or ":" in raw or raw.count(".") > 1:
            continue  # an id, a phone number, a time of day: not a quantity
        digits = raw.replace(",", "")  # now digits, and at most one point
        # One digit is a figure only when it counts something ("7 days", "2 GB"): alone it
        # is a step, a list item, a version.
        if len(digits) - ("." in digits) < 2 and unit not in _UNITS and not currency:  # "$2" is a price
            continue
        whole, point, fraction = digits.partition(".")
        shape = ("dec",) if point else ("int", len(digits))
        found.append(Figure(_plain_number(whole, fraction), shape, unit, m.start()))
    return found


# A figure written as in most of Europe: points between thousands and a comma before the
# cents ("8.110,40"), or a comma before one or two decimals alone ("12,50 €", "3,5 GB"). A
# comma before three digits ("1,240") is English's thousands; and a comma between figures
# without a sum or a unit ("pages 10,11", "sizes 8,10") lists them.
_EUROPEAN = re.compile(r"\d{1,3}(?:\.\d{3})+,\d{1,2}|\d+,\d{1,2}")
_COUNTED_IN_DECIMALS = frozenset({"%", "euro", "eur", "gb", "mb", "tb", "kg", "km", "ml", "mg", "percent"})
_MONEY_AFTER = re.compile(r"\s?[€£$]")


def _plain_number(whole: str, fraction: str) -> str:
    """A number written in full, never with an exponent, without the zeros that say
    nothing: "0120.50" is "120.5", "3.00" is "3", "1250000" stays whole."""
    whole = whole.lstrip("0") or "0"
    fraction = fraction.rstrip("0")
    return f"{whole}.{fraction}" if fraction else whole


def _same_measure(a: str | None, b: str | None) -> bool:
    return a == b or (a in _TIME_UNITS and b in _TIME_UNITS)


def _holds(text: str, value: str) -> bool:
    """Whether ``text`` states the figure ``value`` (as :func:`_figures` writes it) whole:
    90 is not in a score of 0.908 nor in 1900; 1240.5 is in 1240.50 and in 1,240.5."""
    if "-" in value:
        return value in text  # a date
    return _figure_pattern(value).search(text) is not None


@lru_cache(maxsize=4096)
def _figure_pattern(value: str) -> re.Pattern:
    whole, _, fraction = value.partition(".")
    rest = "".join(",?" + re.escape(d) for d in whole[1:])
    tail = rf"\.{re.escape(fraction)}0*" if fraction else r"(?:\.0+)?"
    return _standing_alone(whole[0], rf"{rest}{tail}(?!\d)", r"[\d.]")


def _unit(word: str | None) -> str | None:
    """What a figure counts, from the word after it, in the singular where _UNITS knows it."""
    if not word or word in _NOT_UNITS:
        return None
    if word in _DAYS:
        return "day"  # "7 business days" counts days
    return word[:-1] if word.endswith("s") and word[:-1] in _UNITS else word


_DAYS = frozenset({"business", "working", "calendar", "banking"})
_NOT_UNITS = frozenset({"and", "or", "to", "of", "in", "on", "at", "for", "is", "are", "was", "the", "a", "an",
                        "with", "by", "from", "per", "more", "left", "now", "each"})


def _states(text: str) -> list[tuple[str, int]]:
    """The states a text asserts (not the negated ones), with their position: those the
    pattern finds, in a text that holds the last word of a state as a word. (The pattern
    first: it settles most texts at once, and costs less than the word lookup.)"""
    found = list(_STATE.finditer(text))
    if not found or _STATE_HINTS.isdisjoint(text.translate(WORD_CHARACTERS_ONLY).split()):
        return []
    out = []
    for m in found:
        state = _canonical(m.group(0))
        if state != "not shipped" and _NEGATED.search(text[max(0, m.start() - 20):m.start()]):
            continue
        out.append((state, m.start()))
    return out


_ASCII_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")


def _sql_lower(text: str | None) -> str | None:
    """``text`` in lower case as SQLite's lower() writes it: ASCII letters only (which
    ``str.lower`` does, much faster, for a text all ASCII)."""
    if text is None:
        return None
    return text.lower() if text.isascii() else text.translate(_ASCII_LOWER)


class _Step(NamedTuple):
    """A tool call or a retrieval of a run, as the first look at its claims reads it: its
    input and result as stored, and lower-cased (as SQLite's lower() does)."""

    kind: str
    span_id: str
    name: str | None
    status: str | None
    raw_in: str | None
    raw_out: str | None
    low_in: str | None
    low_out: str | None


def _state_said(state: str, step: _Step) -> bool:
    """A tool's result says ``state``, as a whole value: "active" is not in "inactive". (A
    state counts as said only by a tool: a document that says orders are "shipped within
    two days" says nothing of this order.)"""
    low_out = step.low_out
    return step.kind == "tool" and low_out is not None and (f'"{state}"' in low_out or f" {state} " in low_out)


def _figure_said(value: str, step: _Step) -> bool:
    """A step's input or result holds the figure ``value``; a whole number only whole, as
    a number of its own: 90 is not in a score of 0.908."""
    raw_in, raw_out, low_in, low_out = step.raw_in, step.raw_out, step.low_in, step.low_out
    if "." in value or "-" in value:
        return (low_out is not None and value in low_out) or (low_in is not None and value in low_in)
    whole = _whole_number(value)
    return ((raw_out is not None and value in raw_out and whole.search(raw_out) is not None)
            or (raw_in is not None and value in raw_in and whole.search(raw_in) is not None))


@lru_cache(maxsize=4096)
def _whole_number(value: str) -> re.Pattern:
    return _standing_alone(value[0], rf"{re.escape(value[1:])}(?![0-9])", "[0-9.]")


def _standing_alone(first: str, rest: str, before: str) -> re.Pattern:
    """A number as a number of its own: its first digit ``first`` and the pattern ``rest``,
    with no character of ``before`` right before it, and no part of a date (2026-11-10:
    2026, 11, 10 are no quantity; a transfer dated the 10th does not say "10 minutes"; the
    1500 of "1000-1500 euros" is one).
    The pattern opens with the digit, a character the pattern engine skips to, and looks
    back from after it: the matches of the look-backs written first, without trying them
    at every character of a long tool result."""
    return re.compile(rf"{re.escape(first)}(?<!{before}.)(?!(?<=\d{{4}}-.)\d?-\d\d(?!\d))(?<!\d{{4}}-\d\d-.)"
                      rf"{rest}(?!-\d\d-\d\d)")


def _sentence_at(text: str, position: int) -> str:
    for m in _SENTENCE.finditer(text):
        if m.start() <= position < m.end():
            return m.group(0).strip()
    return text[:200]


def _claims(lowered: str, figures: dict[str, list[Figure]]) -> tuple[list[tuple[str, int]], list[Figure]]:
    """What a (lower-cased) answer asserts: its states, and the figures it states (none
    looked for where a quick look finds no quantity). The quantities are taken from all
    its figures (``figures``, read once), which the closer look needs too."""
    asserted = _states(lowered)
    if not asserted and not _QUANTITY.search(lowered):
        return asserted, []
    return asserted, [f for f in figures[lowered] if _is_quantity(f)]


def _is_quantity(figure: Figure) -> bool:
    """Whether ``figure`` is one an answer asserts about the user's case: a date, an amount
    with decimals or a currency, a count of a unit ("30 days", "12 GB"); an order number or
    a reference is nothing an answer could get wrong that its tools would show."""
    return figure.shape[0] != "int" or figure.unit in _UNITS or figure.unit in _CURRENCIES


_CURRENCIES = frozenset("$€£")


def grounding_signals(conn: Connection, scope: str, turns: dict, before: dict | None = None) -> list[Found]:
    """``turns``: the traces in scope as the conversation detectors read them (their
    question and answer parsed once, :class:`.turns.Turn`); ``before``: the turn before
    each of them in its session, where there is one."""
    # One finding a run: the surest, the first found of those as sure ("a $49 fee has been
    # charged" where the tool returned "price": 0 contradicts the tool, which says more than
    # that no document gives a price).
    strongest: dict[int, Found] = {}
    for finding in (*_said_and_stated(conn, scope, turns), *_field_clashes(conn, scope, turns),
                    *_free_claims(conn, scope, turns), *unlike_the_documents(conn, scope, turns, before or {})):
        held = strongest.get(finding.trace_pk)
        if held is None or finding.confidence > held.confidence:
            strongest[finding.trace_pk] = finding
    return list(strongest.values())


def _said_and_stated(conn: Connection, scope: str, turns: dict) -> list[Found]:
    """States and figures of the answers, against the run's steps."""
    # One look at each answer of a run that called a tool or a retrieval: only one that
    # asserts a state, or a figure the question did not give, is worth reading its steps.
    # A canned answer given to many runs is read once.
    candidates: dict[int, tuple[str, list[Figure], list[tuple[str, int]]]] = {}
    claims: dict[str, tuple[list[tuple[str, int]], list[Figure]]] = {}
    figures = _Figures()  # a text met in several runs (a canned answer, a document) is read once
    for (pk,) in select_rows(conn, f"""
        SELECT DISTINCT trace_pk FROM span WHERE trace_pk IN ({scope}) AND kind IN ('tool', 'retrieval')
          AND coalesce(status, 'ok') != 'error'
    """):
        turn = turns.get(pk)
        if turn is None or not turn.raw_answer:
            continue
        lowered = turn.answered
        claimed = claims.get(lowered)
        if claimed is None:
            claimed = claims[lowered] = _claims(lowered, figures)
        asserted, stated = claimed
        said = [f for f in stated if f.value not in turn.asked]
        if said or asserted:
            candidates[pk] = (turn.answer, turn.asked, said, asserted)
    if not candidates:
        return []
    # The claims the run's own steps contain are set aside: a figure or a state word found
    # in a tool's or a retrieval's input or output. Each step's text is lower-cased once
    # (as SQLite's lower() does, ASCII letters only), whatever the number of claims.
    # The steps of the runs whose claims they do not all explain are kept, in the order the
    # runs took them, for the closer look that follows (they are not read a second time).
    unexplained: dict[int, list[tuple[str, str | None, str | None, str, str]]] = {}
    for part in chunked(sorted(candidates)):
        runs: dict[int, list[_Step]] = {}
        for step in select_named(conn, f"""
            SELECT trace_pk, span_id, kind, name, status, input, output FROM span
            WHERE trace_pk IN ({placeholders(part)}) AND kind IN ('tool', 'retrieval')
            ORDER BY trace_pk, start_ns""", tuple(part)):
            raw_in, raw_out = step.input, step.output
            runs.setdefault(step.trace_pk, []).append(_Step(
                step.kind, step.span_id, step.name, step.status, raw_in, raw_out, _sql_lower(raw_in),
                _sql_lower(raw_out)))
        for pk in part:
            _, _, said, asserted = candidates[pk]
            steps = runs.get(pk, [])
            if not (all(any(_figure_said(value, step) for step in steps) for value in {f.value for f in said})
                    and all(any(_state_said(value, step) for step in steps) for value in {s for s, _ in asserted})):
                unexplained[pk] = _read_closer(steps)
    found: list[Found] = []
    for chunk in chunked(sorted(unexplained)):
        prompts = _Prompts(conn, [pk for pk in chunk if candidates[pk][1]])  # runs whose figures may need them
        for pk in chunk:
            hit = _check(prompts, figures, pk, *candidates[pk], unexplained[pk])
            if hit:
                found.append(hit)
    return found


def _read_closer(steps: list[_Step]) -> list[tuple[str, str | None, str, str, str]]:
    """(kind, name, span id, input, result) of each step of a run that did not fail, as
    :func:`_check` reads them: the stored JSON as it is, lower-cased, its figures and state
    words all there at no parse."""
    return [(step.kind, step.name, step.span_id, (step.raw_in or "")[:4000].lower(),
             (step.raw_out or "")[:20_000].lower()) for step in steps if step.status != "error"]


class _Figures(dict):
    """The figures of each text (:func:`_figures`), read once."""

    def __missing__(self, text: str) -> list[Figure]:
        self[text] = found = _figures(text)
        return found


def _check(prompts: dict[int, str], figures: dict[str, list[Figure]], pk: int, answer: str, asked: str,
           said: list[Figure], asserted: list[tuple[str, int]], steps: list) -> Found | None:
    lowered = answer.lower()
    tools = [(name or "tool", span_id, result) for kind, name, span_id, _, result in steps if kind == "tool"]
    # A state the tool gave, contradicted by another of its family in the answer.
    if asserted:
        for name, span_id, result in tools:
            for state, _ in _states(_JSON_KEYS.sub(" ", result)):  # a state it gives, not a field's name
                families = _FAMILIES_OF.get(state)
                if not families or any(s == state for s, _ in asserted):
                    continue
                clash = next(((s, at) for s, at in asserted
                              if s != state and not families.isdisjoint(_FAMILIES_OF.get(s, ()))), None)
                if clash:
                    sentence = _sentence_at(answer, clash[1])
                    return Found(pk, "ungrounded", confidence("ungrounded", "contradicts"),
                                 f"the answer says {clash[0]} where {name} said {state}: {quote(sentence, 70)}",
                                 span_id, {"answer": sentence[:300], "tool": name, "tool_says": state,
                                           "answer_says": clash[0]})
    # A figure of the answer that no evidence holds, standing where the evidence has
    # another of the same kind that the answer does not give: the tool said 120.50 and the
    # answer says 210.50; the document says 30 days and the answer 60 days.
    if not said:
        return None
    evidence = " ".join(f"{given} {result}" for _, _, _, given, result in steps)
    unexplained = [f for f in said if not _holds(evidence, f.value)]
    if not unexplained:
        return None
    said_values = {f.value for f in figures[lowered]}
    tool_figures = [(name, span_id, f) for name, span_id, result in tools for f in figures[result]]
    # A figure a tool gave, rounded ("3.3 GB" for 3.26, "$8,110" for 8110.43), is the tool's.
    unexplained = [f for f in unexplained if not any(_rounds(other.value, f.value) for _, _, other in tool_figures)]
    if not unexplained:
        return None
    # The retrievals' queries and documents, their figures read as needed (a document
    # met in many runs, once).
    documents = [text for kind, _, _, given, result in steps if kind == "retrieval" for text in (given, result)]
    priced = None  # whether any text the run found gives a sum of money (read once, if asked)
    from_nowhere: Found | None = None  # a price nothing gives: said only if no figure has a counterpart
    ignored = _asked_and_left_out(tools, asked, lowered, said_values)
    for figure in unexplained:
        rival = next(((name, span_id, f) for name, span_id, f in tool_figures
                      if f.shape == figure.shape and f.value not in said_values), None)
        if rival is None and figure.unit:
            rival = next(((None, None, f) for text in documents for f in figures[text]
                          if _same_measure(f.unit, figure.unit) and f.shape[0] == figure.shape[0]
                          and f.value not in said_values), None)
        if (rival is None and ignored is not None and figure.unit != "%" and not _holds(prompts[pk], figure.value)
                and ignored.named_in(_sentence_at(lowered, figure.at))):  # (a share is worked out from figures)
            # Its own figure where the one asked for should stand, in a sentence on it:
            # "Your balance is updated every 15 minutes" where the balance tool returned
            # "available": 8110.4.
            name, span_id, key, value = ignored.tool, ignored.span_id, ignored.field, ignored.value
            sentence = _sentence_at(answer, figure.at)
            return Found(pk, "ungrounded", confidence("ungrounded", "unsupported", 0.5),
                         f"the answer leaves out the {key} asked for, which {name} returned ({value}), and says "
                         f"{_shown(figure.value)} instead: {quote(sentence, 60)}",
                         span_id, {"answer": sentence[:300], "answer_says": _shown(figure.value),
                                   "evidence_says": f"{key}: {value}", "tool": name})
        if rival is None and figure.unit in _CURRENCIES:
            if priced is None:  # (a sum of a tool is a figure with decimals, often without its currency)
                priced = (_PRICE.search(evidence) is not None
                          or any(f.shape == ("dec",) for _, _, f in tool_figures))
            if not priced and from_nowhere is None and not _holds(prompts[pk], figure.value):
                sentence = _sentence_at(answer, figure.at)
                from_nowhere = Found(pk, "ungrounded", confidence("ungrounded", "unsupported", 0.0),
                                     f"the answer says {figure.unit}{_shown(figure.value)} where nothing the run found "
                                     f"gives a price: {quote(sentence, 60)}", None,
                                     {"answer": sentence[:300], "answer_says": f"{figure.unit}{_shown(figure.value)}"})
        if rival is None or _holds(prompts[pk], figure.value):
            continue
        name, span_id, other = rival
        sentence = _sentence_at(answer, figure.at)
        where = f"{name} returned" if name else "the run's documents say"
        return Found(pk, "ungrounded", confidence("ungrounded", "unsupported", 1.0 if name else 0.5),
                     f"the answer says {_shown(figure.value)} where {where} {_shown(other.value)}: "
                     f"{quote(sentence, 60)}",
                     span_id, {"answer": sentence[:300], "answer_says": _shown(figure.value),
                               "evidence_says": _shown(other.value), "tool": name})
    return from_nowhere


class _LeftOut(NamedTuple):
    """A figure a tool returned in a field the question asked for, which the answer does
    not give; ``words``: how the question named it (the field's words, or for a sum of
    money the words an answer uses for it)."""

    tool: str
    span_id: str
    field: str
    value: str
    words: re.Pattern

    def named_in(self, sentence: str) -> bool:
        """Whether a (lower-cased) sentence speaks of the field, as the question did."""
        return self.words.search(sentence) is not None


def _asked_and_left_out(tools: list[tuple[str, str, str]], asked: str, answer: str,
                        figures: set[str]) -> _LeftOut | None:
    """A figure a tool returned in a field the (lower-cased) question names, in the field's
    words or, for a sum of money, in those an answer uses for it ("balance pls" and
    ``"available": 8110.4``), which the (lower-cased) answer does not give, nor rounded
    (``figures``: the answer's, as :func:`_figures` reads them; of several fields, the one
    the question names most; none if one of them is given). A
    figure the question did not ask for (a total beside an order's state, a rating beside a
    price) the answer may leave out, or give in other units; an id ("order_id") is no figure
    a question asks for."""
    asked_words = set(_ASKED_WORD.findall(asked))
    given = None  # read once, if a field asks
    best: tuple[int, _LeftOut] | None = None
    for name, span_id, result in tools:
        for key, value in _fields(result).items():
            key_l = str(key).lower()
            number = _number(value)
            if number is None or _ID_FIELD.search(key_l):
                continue
            named = sorted(map(re.escape, asked_words.intersection(key_l.split("_"))))
            money = _MONEY_WORDS.get(key_l)
            if not named and not (money and _MONEY_FIELDS[key_l].search(asked)):
                continue
            words = re.compile(r"\b(?:" + "|".join(named + ([money] if money else [])) + r")\b")
            if given is None:  # every number of the answer, a single digit too
                given = figures | {_plain_number(whole, fraction) for whole, _, fraction in
                                   (m.replace(",", "").partition(".") for m in _ANY_NUMBER.findall(answer))}
            whole, _, fraction = format(number, "f").partition(".")
            if _plain_number(whole, fraction) in given or str(round(number)) in given:
                return None  # a field asked for is given, or given rounded
            if best is None or len(named) > best[0]:  # the field the question names most
                best = (len(named), _LeftOut(name, span_id, str(key), format(number.normalize(), "f"), words))
    return best[1] if best else None


_ASKED_WORD = re.compile(r"[a-z]{4,}")
_ID_FIELD = re.compile(r"(?:^|_)(?:id|number|no|num|code|ref|zip|phone)$")  # "order_id", "zip": ids
_ANY_NUMBER = re.compile(r"\d[\d,]*(?:\.\d+)?")


def _rounds(exact: str, said: str) -> bool:
    """Whether the figure ``said`` is ``exact`` rounded to as many decimals as it gives
    ("3.3" of 3.26, "8110" of 8110.43); not the same figure, nor a date."""
    if "-" in exact or "-" in said or exact == said:
        return False
    try:
        whole, fraction = Decimal(exact), Decimal(said)
    except InvalidOperation:
        return False
    places = -fraction.as_tuple().exponent if isinstance(fraction.as_tuple().exponent, int) else 0
    if places < 0 or whole.adjusted() > NUMBER_DIGITS or fraction.adjusted() > NUMBER_DIGITS:
        return False
    return whole.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP) == fraction


def _shown(figure: str) -> str:
    """A figure as a finding quotes it: whole, up to a length no real figure reaches."""
    return figure if len(figure) <= 24 else f"{figure[:20]}…"


def _number(value: object) -> Decimal | None:
    """A field's value as a number: a JSON number, or a string of one ("149.00"), of at
    most NUMBER_DIGITS digits either side of the point (an answer could say no other); not
    a yes or no."""
    if isinstance(value, bool) or not isinstance(value, int | float | str):
        return None
    text = str(value).strip()
    if "," in text and _EUROPEAN.fullmatch(text):  # "8.110,40" in a tool's string
        text = text.replace(".", "").replace(",", ".")
    text = text.replace(",", "")
    if len(text) > 2 * NUMBER_DIGITS + 2 or "_" in text:  # ("1_000" is Python's, not a figure's)
        return None
    try:
        number = Decimal(text)
    except InvalidOperation:
        return None
    if not number.is_finite() or number and not -NUMBER_DIGITS <= number.adjusted() < NUMBER_DIGITS:
        return None
    return number


NUMBER_DIGITS = 15


class _Prompts(dict):
    """What the model calls of each run of ``pks`` were given (prompts, history, tool
    results), in lower case, by trace: read only for a figure nothing else explains, and
    then for all these runs at once (their first 20 model calls, up to EVIDENCE_LIMIT
    characters), rather than one query a run."""

    def __init__(self, conn: Connection, pks: Sequence[int]) -> None:
        super().__init__()
        self.conn = conn
        self.pks = pks

    def __missing__(self, pk: int) -> str:
        parts: dict[int, list[str]] = {p: [] for p in (*self.pks, pk)}
        full: set[int] = set()
        for trace_pk, raw_input in select_rows(self.conn, f"""
            SELECT s.trace_pk, s.input FROM span s JOIN (
                SELECT id, row_number() OVER (PARTITION BY trace_pk ORDER BY start_ns, id) AS place FROM span
                WHERE trace_pk IN ({placeholders(parts)}) AND kind = 'llm') first ON first.id = s.id
            WHERE first.place <= 20 ORDER BY s.trace_pk, first.place""", tuple(parts)):
            if trace_pk in full:
                continue
            got = parts[trace_pk]
            got.append((raw_input or "")[:20_000])
            if sum(map(len, got)) > EVIDENCE_LIMIT:
                full.add(trace_pk)
        for p, got in parts.items():
            self[p] = " ".join(got).lower()
        return self[pk]


# What a tool's fields mean in an answer's words: a yes-or-no field ("outage": true,
# "in_stock": false) and a sum of money ("price": 0, "fee": 49), by the words an answer
# uses for it.
# Each sum field with the words an answer names it by: a figure is compared with the field
# only where the nearest such word before it is the field's own ("the change fee is $75" is
# about change_fee, not fare_difference).
_MONEY_WORDS = {
    "price": r"price|priced|costs?|pay|paid|fees?|charged?|charges|free",
    "cost": r"costs?|price|pay|paid|fees?|charged?|charges|free",
    "fee": r"fees?|charged?|charges|price|costs?|free",
    "charge": r"charged?|charges|fees?|price|costs?|free",
    "charged": r"charged?|charges|fees?|price|costs?|free",
    "fare_difference": r"fare difference|difference",
    "change_fee": r"change fee",
    "amount_due": r"bill|due|owe|total",
    "total_due": r"bill|due|owe|total",
    "bill_amount": r"bill|due|owe|total",
    "balance": r"balance|available",
    "available_balance": r"balance|available",
    "available": r"balance|available",
}
_MONEY_FIELDS = {key: re.compile(rf"\b(?:{words})\b") for key, words in _MONEY_WORDS.items()}
_ANY_MONEY_WORD = re.compile(r"\b(?:" + "|".join(sorted({w for words in _MONEY_WORDS.values()
                                                          for w in words.split("|")}, key=len, reverse=True)) + r")\b")
# Words that deny that a thing is so ("no known outage", "isn't refundable", "nothing has
# been charged"); a verb denied ("I can't fix the outage") says nothing of the thing.
_NEGATED_BEFORE = re.compile(
    r"\b(?:no|not|never|without|nothing|none|isn't|aren't|wasn't|weren't|hasn't|haven't|hadn't)"
    r"(?:\s+[\w'-]+){0,2}\s*$")
# Free, said of a price: not "feel free", nor "toll-free" or "gluten-free".
_FREE = re.compile(r"(?<!feel )(?<![\w-])(?:free(?![\w-])|no (?:charge|fee|cost)\b|at no (?:charge|cost)\b"
                   r"|nothing to pay\b|costs? nothing\b)")
# A sentence that says what will be, or might ("when it is back in stock"), asserts nothing now.
_NOT_NOW = re.compile(r"\b(?:if|when|once|until|unless|whether|as soon as|back in)\b|\?")


def _says_free(text: str) -> bool:
    """Whether ``text`` says free (:data:`_FREE`). Each of its phrases holds "free", "no "
    or "nothing": a text without them (most answers, most documents) is settled by three
    substring tests, which cost a fraction of the pattern tried at every word."""
    return ("free" in text or "no " in text or "nothing" in text) and _FREE.search(text) is not None
# A field that counts time ("replacement_eta_days": 7), and what an answer says of it
# ("in 1-2 business days").
_DURATION_KEY = re.compile(r"(?:^|_)(day|hour|minute|week|month)s?$")
_DURATION = re.compile(
    r"\b(\d+)(?:\s*(?:-|–|to)\s*(\d+))?\s+(?:business\s+|working\s+)?(day|hour|minute|week|month)s?\b")
_FLAG_PREFIXES = ("is_", "has_", "was_", "are_")
# The tool results worth parsing: those with a yes-or-no, a sum or a duration field.
_TOOL_FIELDS = " OR ".join(f"instr(output, '{needle}')" for needle in (
    "true", "false", *(f'"{key}"' for key in _MONEY_FIELDS),
    *(f'{unit}{plural}"' for unit in ("day", "hour", "minute", "week", "month") for plural in ("", "s"))))


def _field_clashes(conn: Connection, scope: str, turns: dict) -> list[Found]:
    """An answer that says the other way what a tool's field says: "there is no known
    outage" where the tool returned ``"outage": true``; "a $49 fee has been charged" where
    it returned ``"price": 0``. A field the answer does not mention says nothing."""
    found: list[Found] = []
    seen: set[int] = set()
    # A tool result and a canned answer met in many runs are read once; a result is parsed
    # only where the answer could say one of its fields the other way.
    results: dict[str, _Result | None] = {}
    answers: dict[str, tuple[frozenset[str], bool]] = {}
    for step in select_named(conn, f"""
        SELECT trace_pk, span_id, name, output FROM span
        WHERE trace_pk IN ({scope}) AND kind = 'tool' AND coalesce(status, 'ok') != 'error'
          AND length(output) < 20000 AND ({_TOOL_FIELDS})
        ORDER BY trace_pk, start_ns"""):
        pk = step.trace_pk
        turn = turns.get(pk)
        if pk in seen or turn is None or not turn.raw_answer:
            continue
        lowered = turn.answered
        said = answers.get(lowered)
        if said is None:
            said = answers[lowered] = _answer_measures(lowered)
        output = step.output
        result = results.get(output, False)
        if result is False:
            result = results[output] = _Result.of(output)
        if result is None or not result.could_clash(lowered, *said):
            continue
        clash = _clash(turn.answer, lowered, result.fields)
        if clash is not None:
            seen.add(pk)
            sentence, field_name, value, says = clash
            tool_name = step.name or "tool"
            found.append(Found(pk, "ungrounded", confidence("ungrounded", "contradicts"),
                               f"the answer says {_shown(str(says))} where {tool_name} returned {field_name}: "
                               f"{_shown(str(value))}: "
                               f"{quote(sentence, 60)}",
                               step.span_id, {"answer": sentence[:300], "tool": tool_name,
                                              "tool_says": f"{field_name}: {_shown(str(value))}",
                                              "answer_says": _shown(str(says))}))
    return found


def _answer_measures(lowered: str) -> tuple[frozenset[str], bool]:
    """What an answer could say of a tool's duration or sum fields: the time units it gives
    a number of ("in 1-2 business days": day), and whether it holds a currency sign."""
    return (frozenset(m.group(3) for m in _DURATION.finditer(lowered)),
            "$" in lowered or "€" in lowered or "£" in lowered)


@dataclass(frozen=True, slots=True)
class _Result:
    """A tool result's fields (:func:`_fields`), with what an answer must hold for
    :func:`_clash` to find one of them said the other way: the words of a yes-or-no field,
    a number of the time unit of a duration field, a currency sign for a sum. An answer
    without any of them is passed over unread, as :func:`_clash` would pass it."""

    fields: dict[str, object]
    flag_words: tuple[str, ...]
    units: frozenset[str]
    money: bool

    @classmethod
    def of(cls, raw: str | None) -> _Result | None:
        fields = _fields(raw)
        if not fields:
            return None
        words, units, money = [], set(), False
        for key, value in fields.items():
            key_l = str(key).lower()
            if isinstance(value, bool):
                flag = _flag_words(key_l)
                if len(flag) >= 4:
                    words.append(flag)
            elif (unit := _DURATION_KEY.search(key_l)) and isinstance(value, int | float):
                units.add(unit.group(1))
            elif key_l in _MONEY_FIELDS and isinstance(value, int | float | str):
                money = True
        return cls(fields, tuple(words), frozenset(units), money)

    def could_clash(self, lowered: str, units: frozenset[str], currency: bool) -> bool:
        return ((self.money and currency) or not self.units.isdisjoint(units)
                or any(w in lowered for w in self.flag_words))


def _flag_words(key_l: str) -> str:
    """The words an answer uses for a yes-or-no field: "is_outage" and "outage" both "outage"."""
    return key_l.removeprefix(next((p for p in _FLAG_PREFIXES if key_l.startswith(p)), "")).replace("_", " ")


def _fields(raw: str | None) -> dict[str, object]:
    """A tool result's top-level fields and those one level down, by their own name."""
    value = loads_or_none(raw)
    if not isinstance(value, dict):
        return {}
    out: dict[str, object] = {}
    for key, item in value.items():
        if isinstance(item, dict):
            out.update((k, v) for k, v in item.items() if not isinstance(v, dict | list))
        elif not isinstance(item, list):
            out[key] = item
    return out


def _clash(answer: str, lowered: str, fields: dict[str, object]) -> tuple[str, str, object, str] | None:
    """(sentence, field, value, what the answer says) for the first field the answer says
    the other way."""
    sums: list[Figure] | None = None  # the answer's sums of money, read when a sum field asks
    returned: set[Decimal] = set()  # the figures of the result's fields, read with them
    for key, value in fields.items():
        key_l = str(key).lower()
        if isinstance(value, bool):
            words = _flag_words(key_l)
            if len(words) < 4:
                continue
            m = re.search(rf"\b{re.escape(words)}\b", lowered)
            if m is None:
                continue
            sentence = _sentence_at(lowered, m.start())
            before = lowered[max(0, m.start() - 40):m.start()]
            before = before[before.rfind(".") + 1:]  # this sentence only
            # "non-refundable", "unlocked": the word itself says no.
            negated = (_NEGATED_BEFORE.search(before) is not None or before.endswith(("non-", "non ", "un"))
                       or re.search(rf"\b(?:un|non-?){re.escape(words)}\b", lowered) is not None)
            if value and negated:
                return _sentence_at(answer, m.start()), key, "true", f"no {words}"
            if not value and not negated and not _NOT_NOW.search(sentence):
                return _sentence_at(answer, m.start()), key, "false", words
        elif (unit := _DURATION_KEY.search(key_l)) and isinstance(value, int | float) and not isinstance(value, bool):
            # Only where the sentence names the field ("replacement" for replacement_eta_days).
            named = [w for w in key_l.split("_")[:-1] if len(w) >= 4]
            spans = [m for m in _DURATION.finditer(lowered) if m.group(3) == unit.group(1)
                     and any(w in _sentence_at(lowered, m.start()) for w in named)]
            if spans and not any(int(m.group(1)) <= value <= int(m.group(2) or m.group(1)) for m in spans):
                return _sentence_at(answer, spans[0].start()), key, value, spans[0].group(0)
        elif key_l in _MONEY_FIELDS and isinstance(value, int | float | str):
            amount = _number(value.lstrip("$€£") if isinstance(value, str) else value)
            if amount is None:
                continue
            amount = amount.normalize()
            own = _MONEY_FIELDS[key_l]
            if sums is None:
                sums = [f for f in _figures(lowered) if f.unit in _CURRENCIES]
                # (A sum the result gives in another field is that field's: "the toner costs
                # $39.99" where "toner_price": 39.99 sits beside "price".)
                returned = {n.normalize() for v in fields.values() if (n := _number(v)) is not None}
            for figure in sums:
                if Decimal(figure.value) in returned and Decimal(figure.value) != amount:
                    continue
                # The word nearest before the figure in its sentence names what it is, else
                # the first after it ("a $49 fee").
                sentence = _sentence_at(lowered, figure.at)
                start = max(lowered.rfind(sentence, 0, figure.at + 1), 0)
                before = _ANY_MONEY_WORD.findall(lowered, start, figure.at)
                after = _ANY_MONEY_WORD.findall(lowered, figure.at, start + len(sentence))
                named = before[-1] if before else after[0] if after else None
                if named is None or not own.fullmatch(named):
                    continue
                if (amount in {Decimal(f.value) for f in sums} or any(_rounds(str(amount), f.value) for f in sums)
                        or (amount == 0 and _FREE.search(lowered))):
                    break
                return _sentence_at(answer, figure.at), key, format(amount, "f"), figure.value
    return None


# A price in the evidence, and a price of nothing ("price": 0) that makes "free" true.
_PRICE = re.compile(r"[$€£]\s?\d|\d\s?(?:usd|eur|gbp|dollars?|euros?)\b")
_ZERO_PRICE = re.compile(r'"(?:price|fee|cost|charge|amount)"\s*:\s*"?0(?:\.0+)?"?\s*[,}]')


def _free_claims(conn: Connection, scope: str, turns: dict) -> list[Found]:
    """An answer that says something is free where the run's documents and tools give
    prices and never say free ("your first checked bag is free" against "Checked bags:
    1st $35"): the answer promises what nothing the run found supports."""
    says_free: dict[str, bool] = {}  # by answer: a canned answer is read once
    claims = {}
    for pk, turn in turns.items():
        if turn.raw_answer:
            free = says_free.get(turn.answered)
            if free is None:
                free = says_free[turn.answered] = _says_free(turn.answered)
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
                       if (m := _PRICE.search(text))), None)
        if priced is None:
            continue
        kind, span_id, name, m = priced
        sentence = _sentence_at(turn.answer, at)
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
        free = _says_free(passage) and not _NOT_FREE.search(passage)
        if not free and ("include" not in passage or _NOT_INCLUDED.search(passage)):
            continue
        if not topic or not topic.isdisjoint(_topic_heads(passage)):
            return True
    return False


def _free_claim(answered: str) -> tuple[int, str]:
    """Where a (lower-cased) answer says free, and its sentence there."""
    at = _FREE.search(answered).start()
    return at, _sentence_at(answered, at)


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
