"""A sum the user asked and the result the answer gave, worked out: "whats 15% of 80" -
"15% of 80 is 14." is wrong, whatever the user says next; "what is 9+10" - "19." is right,
and "wrong its 21" after it is a joke or a slip of the user's, not a miss of the answer.

People test chatbots with sums, and support bots work out totals: an answer's arithmetic
is the one fact a detector can check without knowing the world. Only a plain sum is read
(two numbers and one of + - x ÷, a percentage of a number, a square root, a square or a
cube) asked as a question or on its own ("ok. 144 divided by 12"), never one the user
states ("60 plus 12 is 72 yeah ok"), a range ("3-5 days"), a fraction or a date ("3/4
tsp"); and only a result the answer gives as one ("17 times 3 is 41", "= 9,396", "19.").
What a message and an answer hold of a sum is read once a text (``Message.sum_asked``,
``Reply.results_given``); :mod:`.against` checks the one against the other: an answer is right
if any result it gives is one the sum has.
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation
from fractions import Fraction

from ..words import has_digit

# A figure of at most fifteen digits, read whole (never the end of a longer one): a message of
# a thousand digits costs no more than one of ten.
_NUMBER = r"(?<![\d.,])(?:\d{1,3}(?:,\d{3}){1,4}|\d{1,15})(?:\.\d{1,9})?(?!\d)"
_LARGEST = 10**15  # a sum beyond this is none a chatbot is tested with
# ("-" and "/" only between spaces: "3-5 days" a range, "3/4 cup" a fraction, "12/05" a date;
# a sum is read only where it is asked, so "8x42? what do the numbers mean" is one no answer
# gives a result of.)
_OPERATOR = r"\s*(?:\+|\*|×|÷|x|plus|minus|times|multiplied by|divided by)\s*|\s[/-]\s"
_SUM = re.compile(
    rf"(?P<a>{_NUMBER})(?P<op>{_OPERATOR})(?P<b>{_NUMBER})"
    rf"|(?P<pa>{_NUMBER})\s*(?:%|percent|per cent)(?: (?P<added>tax|tip|vat|interest))? (?:of|on) (?P<pb>{_NUMBER})"
    rf"|(?:the )?(?:square root|sqrt)(?: of)? (?P<root>{_NUMBER})"
    rf"|(?P<power>{_NUMBER}) (?P<exp>squared|cubed)"
    rf"|(?P<part>half|a third|a quarter|double|twice)(?: of)? (?P<whole>{_NUMBER})")
# What asks for it: a question word just before it, or nothing but a word or two of
# conversation ("ok.", "nice.", "and", "what about") since the clause began.
_ASKED_BEFORE = re.compile(r"(?:\b(?:what|what's|whats|what is|how much is|how much's|calculate|compute|work out)"
                           r"|(?:^|[.!?,;:]\s*)(?:(?:ok|okay|so|and|now|next|then|nice|cool|what about|how about"
                           r"|lol|haha|hmm+|alright|right|last one|try this)\W+)*)\s*$")
# ...and what ends it: the end of the clause, not a word that goes on ("3-5 days") nor a
# result the user gives themselves ("60 plus 12 is 72").
_ASKED_AFTER = re.compile(r"\s*(?:[?.!,;:)]|$|\b(?:lol|haha|lmao|tho|though|then|please|pls|but|and|for me|"
                          r"again|right|exactly|quick|real quick)\b)(?!\s*(?:is|=|equals|makes)\b)")
# The result as an answer gives it: after "is", "=", "that's"..., or opening the answer
# ("19.", "4! too easy.") where no sum of its own follows.
_RESULT_AFTER = re.compile(rf"(?:\bis|=|\bequals|\bmakes|\bgives|\bthat\s?'?s|\bthats|\bit\s?'?s|\bits|\byou get"
                           r"|\bwould be|\bit'?ll be|\bcomes to|\badds up to|\bequal to|\bgives you)"
                           rf"\s+(?:about |around |roughly |exactly |approximately |just |only )?[$£€]?(?P<n>{_NUMBER})"
                           r"(?!\d|[.,]\d|\s*(?:[%^]|[-+*/x×÷]\s*\d|(?:plus|minus|times|divided|multiplied|squared|cubed"
                           r"|percent)\b))")
_RESULT_FIRST = re.compile(rf"\W*(?:(?:um+|uh+|easy|ok|okay|hmm+|so|the answer is|answer)\W+)*"
                           rf"(?:about |around |roughly |exactly )?[$£€]?(?P<n>{_NUMBER})"
                           r"(?!\d|[.,]\d|\s*(?:[%^*/×÷+-]|x\s|(?:plus|minus|times|divided|multiplied|squared|cubed|percent"
                           r"|of)\b))")


_PARTS = {"half": Fraction(1, 2), "a third": Fraction(1, 3), "a quarter": Fraction(1, 4), "double": 2, "twice": 2}


def _number(text: str) -> Fraction:
    return Fraction(Decimal(text.replace(",", "")))


# What every sum holds (a figure by an operator, or a word that takes a figure): most
# messages, without one, are not read further.
_MAY_BE_A_SUM = re.compile(r"\d\s*(?:[+*×÷x%/-]|plus\b|minus\b|times\b|multiplied\b|divided\b|percent\b|per cent\b"
                           r"|squared\b|cubed\b)|\b(?:root|sqrt|half|third|quarter|double|twice)(?: of)? \d")


def asked_sum(asked: str) -> tuple[str, tuple[Fraction, ...]] | None:
    """The one plain sum a (lower-cased) message asks, as written, and the results that answer
    it (its value; for a tip or a tax, the total with it too); None if it asks none, or more
    than one."""
    if not has_digit(asked) or _MAY_BE_A_SUM.search(asked) is None:
        return None
    sums = list(_SUM.finditer(asked))
    if len(sums) != 1:
        return None
    m = sums[0]
    if not (_ASKED_BEFORE.search(asked, 0, m.start()) and _ASKED_AFTER.match(asked, m.end())):
        return None
    if m.group("op") == "x" and max(len(m.group("a")), len(m.group("b"))) > 3:
        return None  # ("1920x1080" is a screen, "12x12" a sum)
    try:
        value = _value(m)
    except (InvalidOperation, ZeroDivisionError, ValueError, OverflowError):
        return None
    if value is None or abs(value) > _LARGEST:
        return None
    results = (value, _number(m.group("pb")) + value) if m.group("added") else (value,)
    return m.group(0).strip(), results


def _value(m: re.Match) -> Fraction | None:
    if m.group("op"):
        a, b, op = _number(m.group("a")), _number(m.group("b")), m.group("op").strip()
        if op in ("+", "plus"):
            return a + b
        if op in ("-", "minus"):
            return a - b
        if op in ("*", "×", "x", "times", "multiplied by"):
            return a * b
        return a / b  # ÷, /, divided by
    if m.group("part"):
        return _number(m.group("whole")) * _PARTS[m.group("part")]
    if m.group("pa"):
        return _number(m.group("pa")) * _number(m.group("pb")) / 100
    if m.group("root"):
        n = _number(m.group("root"))
        if n > 10**12:
            return None
        return Fraction(Decimal(float(n)).sqrt())
    n = _number(m.group("power"))
    return n ** (2 if m.group("exp") == "squared" else 3) if abs(n) < 10**6 else None


def given_results(answered: str) -> tuple[str, ...]:
    """The results a (lower-cased) answer gives, as written, in order: one that works a sum
    out gives the parts first ("10% of 80 is 8, and 5% of 80 is 4, so 15% of 80 is 12")."""
    if not has_digit(answered):
        return ()
    found = [m.group("n") for m in _RESULT_AFTER.finditer(answered)]
    first = _RESULT_FIRST.match(answered)
    return tuple(([first.group("n")] if first else []) + found)


def agrees(given: str, value: Fraction) -> bool:
    """Whether ``given`` is ``value``, to the decimals it is written with."""
    decimals = len(given.partition(".")[2])
    unit = Fraction(1, 10**decimals)
    return abs(_number(given) - value) <= unit / 2 + Fraction(1, 10**9)
