"""An answer that says the other way what a tool's result says field by field: a yes-or-no
field ("there is no known outage" where ``"outage": true``), a sum of money ("a $49 fee has
been charged" where ``"price": 0``) or a duration ("in 1-2 business days" where
``"replacement_eta_days": 7``). Only the results that hold such a field are parsed, and only
where the answer could say one of them the other way."""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy import Connection

from ..store import select_named
from ..text import loads_or_none
from .confidence import confidence
from .figures import CURRENCIES, Figure, as_decimal, figures_in, rounds_to, sentence_at, shown
from .found import Found, quote
from .free import FREE

# What a tool's fields mean in an answer's words: a yes-or-no field ("outage": true,
# "in_stock": false) and a sum of money ("price": 0, "fee": 49), by the words an answer
# uses for it.
# Each sum field with the words an answer names it by: a figure is compared with the field
# only where the nearest such word before it is the field's own ("the change fee is $75" is
# about change_fee, not fare_difference).
MONEY_WORDS = {
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
MONEY_FIELDS = {key: re.compile(rf"\b(?:{words})\b") for key, words in MONEY_WORDS.items()}
_ANY_MONEY_WORD = re.compile(r"\b(?:" + "|".join(sorted({w for words in MONEY_WORDS.values()
                                                          for w in words.split("|")}, key=len, reverse=True)) + r")\b")
# Words that deny that a thing is so ("no known outage", "isn't refundable", "nothing has
# been charged"); a verb denied ("I can't fix the outage") says nothing of the thing.
_NEGATED_BEFORE = re.compile(
    r"\b(?:no|not|never|without|nothing|none|isn't|aren't|wasn't|weren't|hasn't|haven't|hadn't)"
    r"(?:\s+[\w'-]+){0,2}\s*$")
# A sentence that says what will be, or might ("when it is back in stock"), asserts nothing now.
_NOT_NOW = re.compile(r"\b(?:if|when|once|until|unless|whether|as soon as|back in)\b|\?")
# A field that counts time ("replacement_eta_days": 7), and what an answer says of it
# ("in 1-2 business days").
_DURATION_KEY = re.compile(r"(?:^|_)(day|hour|minute|week|month)s?$")
_DURATION = re.compile(
    r"\b(\d+)(?:\s*(?:-|–|to)\s*(\d+))?\s+(?:business\s+|working\s+)?(day|hour|minute|week|month)s?\b")
_FLAG_PREFIXES = ("is_", "has_", "was_", "are_")
# The tool results worth parsing: those with a yes-or-no, a sum or a duration field.
_TOOL_FIELDS = " OR ".join(f"instr(output, '{needle}')" for needle in (
    "true", "false", *(f'"{key}"' for key in MONEY_FIELDS),
    *(f'{unit}{plural}"' for unit in ("day", "hour", "minute", "week", "month") for plural in ("", "s"))))


def field_clashes(conn: Connection, scope: str, turns: dict) -> list[Found]:
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
                               f"the answer says {shown(str(says))} where {tool_name} returned {field_name}: "
                               f"{shown(str(value))}: "
                               f"{quote(sentence, 60)}",
                               step.span_id, {"answer": sentence[:300], "tool": tool_name,
                                              "tool_says": f"{field_name}: {shown(str(value))}",
                                              "answer_says": shown(str(says))}))
    return found


def _answer_measures(lowered: str) -> tuple[frozenset[str], bool]:
    """What an answer could say of a tool's duration or sum fields: the time units it gives
    a number of ("in 1-2 business days": day), and whether it holds a currency sign."""
    return (frozenset(m.group(3) for m in _DURATION.finditer(lowered)),
            "$" in lowered or "€" in lowered or "£" in lowered)


@dataclass(frozen=True, slots=True)
class _Result:
    """A tool result's fields (:func:`fields_of`), with what an answer must hold for
    :func:`_clash` to find one of them said the other way: the words of a yes-or-no field,
    a number of the time unit of a duration field, a currency sign for a sum. An answer
    without any of them is passed over unread, as :func:`_clash` would pass it."""

    fields: dict[str, object]
    flag_words: tuple[str, ...]
    units: frozenset[str]
    money: bool

    @classmethod
    def of(cls, raw: str | None) -> _Result | None:
        fields = fields_of(raw)
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
            elif key_l in MONEY_FIELDS and isinstance(value, int | float | str):
                money = True
        return cls(fields, tuple(words), frozenset(units), money)

    def could_clash(self, lowered: str, units: frozenset[str], currency: bool) -> bool:
        return ((self.money and currency) or not self.units.isdisjoint(units)
                or any(w in lowered for w in self.flag_words))


def _flag_words(key_l: str) -> str:
    """The words an answer uses for a yes-or-no field: "is_outage" and "outage" both "outage"."""
    return key_l.removeprefix(next((p for p in _FLAG_PREFIXES if key_l.startswith(p)), "")).replace("_", " ")


def fields_of(raw: str | None) -> dict[str, object]:
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
            sentence = sentence_at(lowered, m.start())
            before = lowered[max(0, m.start() - 40):m.start()]
            before = before[before.rfind(".") + 1:]  # this sentence only
            # "non-refundable", "unlocked": the word itself says no.
            negated = (_NEGATED_BEFORE.search(before) is not None or before.endswith(("non-", "non ", "un"))
                       or re.search(rf"\b(?:un|non-?){re.escape(words)}\b", lowered) is not None)
            if value and negated:
                return sentence_at(answer, m.start()), key, "true", f"no {words}"
            if not value and not negated and not _NOT_NOW.search(sentence):
                return sentence_at(answer, m.start()), key, "false", words
        elif (unit := _DURATION_KEY.search(key_l)) and isinstance(value, int | float) and not isinstance(value, bool):
            # Only where the sentence names the field ("replacement" for replacement_eta_days).
            named = [w for w in key_l.split("_")[:-1] if len(w) >= 4]
            spans = [m for m in _DURATION.finditer(lowered) if m.group(3) == unit.group(1)
                     and any(w in sentence_at(lowered, m.start()) for w in named)]
            if spans and not any(int(m.group(1)) <= value <= int(m.group(2) or m.group(1)) for m in spans):
                return sentence_at(answer, spans[0].start()), key, value, spans[0].group(0)
        elif key_l in MONEY_FIELDS and isinstance(value, int | float | str):
            amount = as_decimal(value.lstrip("$€£") if isinstance(value, str) else value)
            if amount is None:
                continue
            amount = amount.normalize()
            own = MONEY_FIELDS[key_l]
            if sums is None:
                sums = [f for f in figures_in(lowered) if f.unit in CURRENCIES]
                # (A sum the result gives in another field is that field's: "the toner costs
                # $39.99" where "toner_price": 39.99 sits beside "price".)
                returned = {n.normalize() for v in fields.values() if (n := as_decimal(v)) is not None}
            for figure in sums:
                if Decimal(figure.value) in returned and Decimal(figure.value) != amount:
                    continue
                # The word nearest before the figure in its sentence names what it is, else
                # the first after it ("a $49 fee").
                sentence = sentence_at(lowered, figure.at)
                start = max(lowered.rfind(sentence, 0, figure.at + 1), 0)
                before = _ANY_MONEY_WORD.findall(lowered, start, figure.at)
                after = _ANY_MONEY_WORD.findall(lowered, figure.at, start + len(sentence))
                named = before[-1] if before else after[0] if after else None
                if named is None or not own.fullmatch(named):
                    continue
                if (amount in {Decimal(f.value) for f in sums} or any(rounds_to(str(amount), f.value) for f in sums)
                        or (amount == 0 and FREE.search(lowered))):
                    break
                return sentence_at(answer, figure.at), key, format(amount, "f"), figure.value
    return None
