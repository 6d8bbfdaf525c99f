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
  where ``"price": 0``; "in 1-2 business days" where ``"replacement_eta_days": 7``)
  (:mod:`.tool_fields`);
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
  tools give prices and none says free (:mod:`.free`);
- *unrelated*: an answer that says nothing the run's documents say (:mod:`.documents`).

Only runs that called a tool or a retrieval, and whose answer holds a figure or a state
word, are read further; the rest cost one look at the answer (its figures:
:mod:`.figures`). Field by field, only the tool results that hold such a field are
parsed. A state counts as said by a tool only: a document saying that orders are "shipped
within two days" says nothing of this order.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache
from typing import NamedTuple

from sqlalchemy import Connection

from ..store import chunked, placeholders, select_named, select_rows
from .confidence import confidence
from .documents import unlike_the_documents
from .figures import (
    CURRENCIES,
    EVIDENCE_LIMIT,
    QUANTITY,
    Figure,
    as_decimal,
    figures_in,
    is_quantity,
    plain_number,
    rounds_to,
    sentence_at,
    shown,
)
from .found import Found, quote
from .free import PRICE, free_claims
from .phrases import WORD_CHARACTERS_ONLY
from .tool_fields import MONEY_FIELDS, MONEY_WORDS, field_clashes, fields_of

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

# Units that measure the same thing: an answer's "10 minutes" stands where a document's
# "1-2 business days" does.
_TIME_UNITS = frozenset({"second", "minute", "hour", "day", "night", "week", "month", "year"})
_JSON_KEYS = re.compile(r'"[^"\\]*"\s*:')  # a field's name in a tool's JSON: "refunded": 3.0 says no state
# The last word of every state: a state counts in a text that holds it as a word, as the
# word patterns split it.
_STATE_HINTS = frozenset(s.split()[-1] for s in _STATES)
ANSWER_LIMIT = 3000


def _canonical(state: str) -> str:
    return _VARIANTS.get(state, state)


def _same_measure(a: str | None, b: str | None) -> bool:
    return a == b or (a in _TIME_UNITS and b in _TIME_UNITS)


def _holds(text: str, value: str) -> bool:
    """Whether ``text`` states the figure ``value`` (as :func:`figures_in` writes it) whole:
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


def _claims(lowered: str, figures: dict[str, list[Figure]]) -> tuple[list[tuple[str, int]], list[Figure]]:
    """What a (lower-cased) answer asserts: its states, and the figures it states (none
    looked for where a quick look finds no quantity). The quantities are taken from all
    its figures (``figures``, read once), which the closer look needs too."""
    asserted = _states(lowered)
    if not asserted and not QUANTITY.search(lowered):
        return asserted, []
    return asserted, [f for f in figures[lowered] if is_quantity(f)]


def grounding_signals(conn: Connection, scope: str, turns: dict, before: dict | None = None) -> list[Found]:
    """``turns``: the traces in scope as the conversation detectors read them (their
    question and answer parsed once, :class:`.turns.Turn`); ``before``: the turn before
    each of them in its session, where there is one."""
    # One finding a run: the surest, the first found of those as sure ("a $49 fee has been
    # charged" where the tool returned "price": 0 contradicts the tool, which says more than
    # that no document gives a price).
    strongest: dict[int, Found] = {}
    for finding in (*_said_and_stated(conn, scope, turns), *field_clashes(conn, scope, turns),
                    *free_claims(conn, scope, turns), *unlike_the_documents(conn, scope, turns, before or {})):
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
    """The figures of each text (:func:`figures_in`), read once."""

    def __missing__(self, text: str) -> list[Figure]:
        self[text] = found = figures_in(text)
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
                    sentence = sentence_at(answer, clash[1])
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
    unexplained = [f for f in unexplained if not any(rounds_to(other.value, f.value) for _, _, other in tool_figures)]
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
                and ignored.named_in(sentence_at(lowered, figure.at))):  # (a share is worked out from figures)
            # Its own figure where the one asked for should stand, in a sentence on it:
            # "Your balance is updated every 15 minutes" where the balance tool returned
            # "available": 8110.4.
            name, span_id, key, value = ignored.tool, ignored.span_id, ignored.field, ignored.value
            sentence = sentence_at(answer, figure.at)
            return Found(pk, "ungrounded", confidence("ungrounded", "unsupported", 0.5),
                         f"the answer leaves out the {key} asked for, which {name} returned ({value}), and says "
                         f"{shown(figure.value)} instead: {quote(sentence, 60)}",
                         span_id, {"answer": sentence[:300], "answer_says": shown(figure.value),
                                   "evidence_says": f"{key}: {value}", "tool": name})
        if rival is None and figure.unit in CURRENCIES:
            if priced is None:  # (a sum of a tool is a figure with decimals, often without its currency)
                priced = (PRICE.search(evidence) is not None
                          or any(f.shape == ("dec",) for _, _, f in tool_figures))
            if not priced and from_nowhere is None and not _holds(prompts[pk], figure.value):
                sentence = sentence_at(answer, figure.at)
                from_nowhere = Found(pk, "ungrounded", confidence("ungrounded", "unsupported", 0.0),
                                     f"the answer says {figure.unit}{shown(figure.value)} where nothing the run found "
                                     f"gives a price: {quote(sentence, 60)}", None,
                                     {"answer": sentence[:300], "answer_says": f"{figure.unit}{shown(figure.value)}"})
        if rival is None or _holds(prompts[pk], figure.value):
            continue
        name, span_id, other = rival
        sentence = sentence_at(answer, figure.at)
        where = f"{name} returned" if name else "the run's documents say"
        return Found(pk, "ungrounded", confidence("ungrounded", "unsupported", 1.0 if name else 0.5),
                     f"the answer says {shown(figure.value)} where {where} {shown(other.value)}: "
                     f"{quote(sentence, 60)}",
                     span_id, {"answer": sentence[:300], "answer_says": shown(figure.value),
                               "evidence_says": shown(other.value), "tool": name})
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
    (``figures``: the answer's, as :func:`figures_in` reads them; of several fields, the one
    the question names most; none if one of them is given). A
    figure the question did not ask for (a total beside an order's state, a rating beside a
    price) the answer may leave out, or give in other units; an id ("order_id") is no figure
    a question asks for."""
    asked_words = set(_ASKED_WORD.findall(asked))
    given = None  # read once, if a field asks
    best: tuple[int, _LeftOut] | None = None
    for name, span_id, result in tools:
        for key, value in fields_of(result).items():
            key_l = str(key).lower()
            number = as_decimal(value)
            if number is None or _ID_FIELD.search(key_l):
                continue
            named = sorted(map(re.escape, asked_words.intersection(key_l.split("_"))))
            money = MONEY_WORDS.get(key_l)
            if not named and not (money and MONEY_FIELDS[key_l].search(asked)):
                continue
            words = re.compile(r"\b(?:" + "|".join(named + ([money] if money else [])) + r")\b")
            if given is None:  # every number of the answer, a single digit too
                given = figures | {plain_number(whole, fraction) for whole, _, fraction in
                                   (m.replace(",", "").partition(".") for m in _ANY_NUMBER.findall(answer))}
            whole, _, fraction = format(number, "f").partition(".")
            if plain_number(whole, fraction) in given or str(round(number)) in given:
                return None  # a field asked for is given, or given rounded
            if best is None or len(named) > best[0]:  # the field the question names most
                best = (len(named), _LeftOut(name, span_id, str(key), format(number.normalize(), "f"), words))
    return best[1] if best else None


_ASKED_WORD = re.compile(r"[a-z]{4,}")
_ID_FIELD = re.compile(r"(?:^|_)(?:id|number|no|num|code|ref|zip|phone)$")  # "order_id", "zip": ids
_ANY_NUMBER = re.compile(r"\d[\d,]*(?:\.\d+)?")


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


