"""The figures and the sentences of an answer as the grounding checks read them: a figure
with what it counts ("$210.50", "30 days", "12.8 GB", "2026-11-20"; ids and references left
alone), the sentence around a position, a value as a number, and whether one figure is
another rounded ("3.3 GB" for 3.26)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

# A figure with what follows it: "$210.50", "30 days", "12.8 GB", "2026-11-20". Digits
# joined by dashes or slashes other than a date (a phone number, a reference) are ids, and
# are left alone.
_FIGURE = re.compile(r"(?<![\w.\-/])([$€£])?\s?(\d[\d,./\-:]*\d|\d)(?![\w\-/])(?:\s?(%|[a-z]{1,12}))?")
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}$")
_RANGE = re.compile(r"(\d{1,3})-(\d{1,3})")
# A sentence ends at . ! ? or a line break, not at the point of "$12.50".
_SENTENCE = re.compile(r"(?:[^.!?\n]|\.(?=\d))+(?:[.!?]+|$)")
EVIDENCE_LIMIT = 40_000  # characters of evidence read per run


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
QUANTITY = re.compile(r"[$€£\d](?:(?<=[$€£])\s?\d|(?<=\d)(?:[.,]\d|\d{3}-\d\d-\d\d|\s?(?:%|[a-z€£$])))")
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


def figures_in(text: str) -> list[Figure]:
    """The figures of a text with two digits or more (dates, amounts, quantities; which of
    them an answer asserts about the user's case, :func:`is_quantity` tells)."""
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
        found.append(Figure(plain_number(whole, fraction), shape, unit, m.start()))
    return found


# A figure written as in most of Europe: points between thousands and a comma before the
# cents ("8.110,40"), or a comma before one or two decimals alone ("12,50 €", "3,5 GB"). A
# comma before three digits ("1,240") is English's thousands; and a comma between figures
# without a sum or a unit ("pages 10,11", "sizes 8,10") lists them.
_EUROPEAN = re.compile(r"\d{1,3}(?:\.\d{3})+,\d{1,2}|\d+,\d{1,2}")
_COUNTED_IN_DECIMALS = frozenset({"%", "euro", "eur", "gb", "mb", "tb", "kg", "km", "ml", "mg", "percent"})
_MONEY_AFTER = re.compile(r"\s?[€£$]")


def plain_number(whole: str, fraction: str) -> str:
    """A number written in full, never with an exponent, without the zeros that say
    nothing: "0120.50" is "120.5", "3.00" is "3", "1250000" stays whole."""
    whole = whole.lstrip("0") or "0"
    fraction = fraction.rstrip("0")
    return f"{whole}.{fraction}" if fraction else whole


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


def sentence_at(text: str, position: int) -> str:
    for m in _SENTENCE.finditer(text):
        if m.start() <= position < m.end():
            return m.group(0).strip()
    return text[:200]


def is_quantity(figure: Figure) -> bool:
    """Whether ``figure`` is one an answer asserts about the user's case: a date, an amount
    with decimals or a currency, a count of a unit ("30 days", "12 GB"); an order number or
    a reference is nothing an answer could get wrong that its tools would show."""
    return figure.shape[0] != "int" or figure.unit in _UNITS or figure.unit in CURRENCIES


CURRENCIES = frozenset("$€£")


def rounds_to(exact: str, said: str) -> bool:
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


def shown(figure: str) -> str:
    """A figure as a finding quotes it: whole, up to a length no real figure reaches."""
    return figure if len(figure) <= 24 else f"{figure[:20]}…"


def as_decimal(value: object) -> Decimal | None:
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
