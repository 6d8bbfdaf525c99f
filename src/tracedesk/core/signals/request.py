"""Answers that confirm another value than the request asked for: "wake me up in 20
minutes" - "Done! Alarm set for 45 minutes."; "a court for 4 players" - "Booked: a court
for 2 players". A task bot that fills a slot wrongly says so in its own confirmation.

A request's values are its figures with what places them: the word before ("for 4", "in
20", "at 7") and the unit after ("minutes", "players", "pm", "th"). A confirmation (done,
set, booked, moved...) that gives none of a figure's value, and gives another figure in
its place (after the same word, or of the same unit), confirms another value. Times of
day are compared as the hour they name ("6pm" is "18:00", "noon" is 12; "at 5" may be 5
or 17); a value in another unit ("1 hour", "60 minutes") is no rival, nor an id beside
the one asked ("refund R-2291 for order 4412"), and the value a request moves away from
("from 3pm to 4pm") is not asked for. Only a request to do something is read: "can I
still cancel if it's been 20 days?" asks how things are, and its answer may well give
other figures.

An answer may also offer what falls outside the window a request set: "a train to Ely,
leaving after 14:00" - "TR4410 leaves Cambridge at 13:35"; "I'd like to arrive by 16:00"
- "...arrives in Cambridge at 17:07" (:func:`outside_the_window`); or one of another kind
than the request asked for: "a cheap Italian restaurant in the centre" - "Curry Prince is a
great Indian restaurant in the east." (:func:`offered_against`). And an hour said without
am or pm is read in the part of the day the request names: "remind me tomorrow morning at
9" is not set by "at 9 PM". (What else a request sets, a budget, a form, a day, a route,
the details it names, :mod:`.limits` reads.)
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Protocol

from ..words import STOPWORDS, WORD
from .kinds import CUISINES, ONE_TO_TWELVE

# A figure, with the word before it and the word (or letters) after it, which it leaves to
# the next figure to read as its own word before ("for 4 at 6"). Not a part of an id, a
# date or a number written with thousands ("R-2291", "2026-12-02", "v1.2.3", "$1,234.56").
_FIGURE = re.compile(
    r"(?:\b([a-z]+)\s+)?(?:[$€£]\s?)?(?<![\w.:/-])(?<!\d,)(\d{1,6}(?:[.:]\d{2})?)(?![\w.:/-]*\d)(?!,\d{3})(?:(?=\s*([a-z]+)))?")
# A request to do something, as opposed to a question about how things are ("can I still
# cancel...?", "is the store open until 9?"): no question mark, or one after "can you"...
_ASKS_TO_KNOW = re.compile(r"\W*(?:(?:hi|hey|hello|ok|okay|so|and|also)\W+)*"
                           r"(?:how|what|when|where|why|who|which|is|are|was|were|does|do|did|can i|could i|"
                           r"should|will (?:it|the|my)|would (?:it|the|my))\b")
_WHY = re.compile(r"\bwhy\b(?! not\b)")
_POLITE_REQUEST = re.compile(r"\W*(?:(?:hi|hey|hello|ok|okay|so|and|also|please)\W+)*"
                             r"(?:can|could|would|will) you\b")
# The words before a value that the request moves away from ("from 3pm to 4pm").
# (nor a bound of a window, "leaving after 18:00", nor what the user says it is not, "friday,
# not saturday")
_NOT_WANTED = frozenset({"from", "instead", "of", "than", "not", "after", "before"})
# ...though "from" moves away only where the request changes something: "2 nights from
# friday" is when the stay starts.
_CHANGES = re.compile(r"\b(?:change|changed|move|moved|switch|reschedule|rebook|update|modify|postpone|bump|push|"
                      r"instead)\b")
# The word after a figure, as the unit it counts in.
_UNITS = {
    **dict.fromkeys(("min", "mins", "minute", "minutes"), "minute"),
    **dict.fromkeys(("hr", "hrs", "hour", "hours"), "hour"),
    **dict.fromkeys(("sec", "secs", "second", "seconds"), "second"),
    **dict.fromkeys(("day", "days"), "day"), **dict.fromkeys(("week", "weeks"), "week"),
    **dict.fromkeys(("night", "nights"), "night"),
    **dict.fromkeys(("people", "persons", "guests", "players", "adults", "seats", "tickets"), "people"),
    **dict.fromkeys(("am", "pm"), "clock"),
    **dict.fromkeys(("dollars", "dollar", "euros", "euro", "pounds", "bucks", "usd", "eur", "gbp"), "money"),
    # ("may" is left out: "a table for 4 may we sit outside")
    **dict.fromkeys(("st", "nd", "rd", "th", "january", "february", "march", "april", "june", "july",
                     "august", "september", "october", "november", "december", "jan", "feb", "mar", "apr", "jun",
                     "jul", "aug", "sep", "sept", "oct", "nov", "dec"), "day of the month"),
}
# An ordinal that counts another thing than the days of a month: a street, a floor, a grade.
_AN_ORDINAL_OF_ANOTHER_THING = re.compile(r"(?:st|nd|rd|th)\s+(?:st|street|ave|avenue|rd|road|floor|place|grade"
                                          r"|century|birthday|anniversary|time|row|year|round|edition)\b")
# The units of a length of time, which no figure without a unit stands for.
_DURATIONS = frozenset({"second", "minute", "hour"})
# The words before an amount that make it a limit, not a value asked for ("i have $50",
# "under $100", "my budget is $150").
_LIMITS = frozenset({"have", "under", "below", "over", "max", "maximum", "budget", "is", "about", "around", "than"})
# The signs before an amount of money ("$250").
_CURRENCIES = frozenset("$€£")
# The words before a figure that place it in a request ("for 4", "in 20", "at 7", "to 9").
_PLACING = frozenset({"for", "in", "at", "to", "by", "until"})
# The words before an hour of the day ("at 5"), which without am or pm may be either.
_CLOCK_WORDS = frozenset({"at", "by", "until", "till", "from", "to"})
# A confirmation of something done.
CONFIRMS = re.compile(r"\b(?:done|set|booked|reserved|scheduled|moved|changed|added|created|sent|transferred|"
                      r"cancell?ed|canceled|updated|refunded|ordered|purchased|confirmed|successful|requested|"
                      r"(?:i'll|i will) remind|please confirm)\b")


_ALTERNATIVES = re.compile(r"\bor\b|\beither\b|\bwhichever\b")
# A request that adds to what there is: "add 2 bottles", "2 more", "an extra 3".
_ADDS = re.compile(r"\b(?:add|more|extra|another|also)\b")
# A message that changes what was asked without a value in its place: "actually make it one
# more night", "can you make it half an hour later".
_CHANGES_WITHOUT_A_VALUE = re.compile(r"\b(?:change|move|switch|reschedule|update|extend|shorten|push|instead|make it"
                                      r"|one more|another|extra|earlier|later|longer|shorter|add)\b")
# An answer that asks the user to confirm what it is about to do.
ASKS_TO_CONFIRM = re.compile(r"\b(?:please confirm|can you confirm|could you confirm|is (?:this|that) (?:correct|right)"
                             r"|(?:shall|should) i (?:go ahead|book|reserve|proceed))\b")


@dataclass(frozen=True, slots=True)
class Value:
    before: str | None  # the word before the figure
    value: str  # the figure, a time of day as its hour on 24 ("18", "18:30")
    unit: str | None  # what it counts, where the word after says so
    half_said: bool = False  # am or pm said with the hour
    counts: str | None = None  # of a value in no unit, the word after it that says what it counts ("floor")

    def stands_for(self, other: Value) -> bool:
        """Whether ``other`` stands where this value does: of the same unit, or counting the
        same thing ("3 floor seats", "2 floor tickets"), or after the same placing word
        without another unit and neither a length of time ("1 hour" and "90 minutes" are no
        rivals, nor "for 2" and "for 15 minutes")."""
        if self.unit is not None and other.unit is not None:
            return self.unit == other.unit
        if self.counts is not None and self.counts == other.counts:
            return True
        if self.unit in _DURATIONS or other.unit in _DURATIONS:
            return False  # ("for 2 at 19:45" - "reserved for 15 minutes")
        return self.before in _PLACING and other.before == self.before

    def said(self) -> str:
        """The value as a finding quotes it: "3 nights", "4 people", "18:30", "250"."""
        if self.unit in (None, "clock", "weekday", "money", "day of the month"):
            return self.value
        return f"{self.value} {self.unit}{'' if self.unit == 'people' or self.value == '1' else 's'}"

    def readings(self, day_part: str | None = None) -> set[str]:
        """The values this one may mean: an hour said without am or pm ("at 5"), either, or
        the one of ``day_part`` ("morning" or "evening") where the request names it."""
        hour = self.value.partition(":")[0]
        # (So may a time of day without am or pm: "3:30" is 15:30 too.)
        if ((self.unit is None and self.before in _CLOCK_WORDS or self.unit == "clock" and not self.half_said)
                and hour.isdigit() and 1 <= int(hour) <= 11):
            later = self.value.replace(hour, str(int(hour) + 12), 1)
            return {"morning": {self.value}, "evening": {later}}.get(day_part or "", {self.value, later})
        return {self.value}


# Times of day said in words, as the hour they name.
_NAMED_TIME = re.compile(r"(?:\b([a-z]+)\s+)?\b(noon|midday|midnight)\b")
_NAMED_HOURS = {"noon": "12", "midday": "12", "midnight": "0"}


def names_a_time(text: str) -> bool:
    """Whether a (lower-cased) text may name a time of day in words ("at noon")."""
    return any(name in text for name in _NAMED_HOURS)


@lru_cache(maxsize=16384)
def values(text: str) -> tuple[Value, ...]:
    """The figures of a (lower-cased) text with what places them, and its times of day said
    in words ("at noon" is 12)."""
    out = []
    for m in _FIGURE.finditer(text):
        before, figure, after = m.groups()
        unit = (_UNITS.get(after or "") or ("money" if text[m.start(2) - 1:m.start(2)] in _CURRENCIES else None)
                or ("clock" if ":" in figure else None))  # ("13:00" is a time of day)
        if unit == "day of the month" and _AN_ORDINAL_OF_ANOTHER_THING.match(text, m.end(2)):
            continue  # ("lincoln elementary on 5th st", "her 30th birthday")
        # (an amount as it is written: "$19.99" is no time of day)
        counts = after if unit is None and after is not None and after not in STOPWORDS else None
        # (an amount with its cents written out is the same amount: "$34.00" is "$34")
        out.append(Value(before, figure.removesuffix(".00") if unit == "money" else _plain(figure, after), unit,
                         after in ("am", "pm"), counts))
    # ("two people", "book that for one."; not the groups of "two adults and one child", nor
    # two counts of one unit: "one ticket for me and two for my parents")
    if _COUNT_WORD.search(text) and not _GROUPS.search(text):
        counted_in_words = []
        for m in _COUNTED_IN_WORDS.finditer(text):
            before, count, counted, party = m.groups()
            if count is not None:
                counted_in_words.append(Value(before, str(_COUNT_WORDS.index(count) + 1),
                                              "night" if counted.startswith("night") else "people"))
            else:
                counted_in_words.append(Value("for", str(_COUNT_WORDS.index(party) + 1), "people"))
        units = [value.unit for value in counted_in_words]
        out += [value for value in counted_in_words if units.count(value.unit) == 1]
    if names_a_time(text):
        out += [Value(before, _NAMED_HOURS[name], "clock") for before, name in _NAMED_TIME.findall(text)]
    if "day" in text:  # (a day asked for: "on friday", not "it was due last friday")
        out += [Value(before, day, "weekday") for before, day in _WEEKDAY.findall(text) if before in _DAY_PLACING]
    return tuple(out)


# A count said in words, of people or nights ("two people", "three tickets"), or of the
# party a booking is for, at the end of its clause ("book that for one.").
_COUNT_WORDS = ONE_TO_TWELVE
_COUNT_WORD = re.compile(rf"\b(?:{'|'.join(_COUNT_WORDS)})\b")
_COUNTED_IN_WORDS = re.compile(
    rf"(?:\b([a-z]+)\s+)?\b({'|'.join(_COUNT_WORDS)})\s+(people|persons?|guests?|players?|adults?|seats?|tickets?"
    r"|nights?)\b"
    rf"|(?<!look )(?<!looking )(?<!search )(?<!find )(?<!check )\bfor\s+({'|'.join(_COUNT_WORDS)})"
    r"(?=\s*(?:[.!?,]|$)|\s+(?:please|pls|thanks|at)\b)")
# The kinds of people a party is told in, each counted apart: "two adults and one child".
_GROUPS = re.compile(rf"\b(?:{'|'.join(_COUNT_WORDS)}|\d+|a|an|the|our|my)\s+(?:child|children|kids?|infants?|babies"
                     r"|baby|seniors?|students?|teens?|toddlers?)\b(?!')")  # (not "my kid's birthday")
_DAY_PLACING = frozenset({"on", "for", "from", "to", "until", "till", "by", "this", "next", "it", "be", "make",
                          "starting", "beginning", "arriving", "leaving", "come", "coming",
                          "arrive"})  # ("we've decided to come saturday instead")
# A day of the week, with the word before it ("from tuesday", "on friday").
_WEEKDAY = re.compile(r"(?:\b([a-z]+)\s+)?\b(monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b")


def _plain(figure: str, after: str | None) -> str:
    """A figure as compared: "07" is "7", "7:00" and "7.00" are "7", "6pm" and "6:00 pm" are
    "18"."""
    hours, _, minutes = figure.replace(".", ":").partition(":")
    hour = int(hours)
    if after == "pm" and hour < 12:
        hour += 12
    elif after == "am" and hour == 12:
        hour = 0
    return f"{hour}:{minutes}" if minutes and minutes != "00" else str(hour)


# The part of the day a request names, which settles an hour said without am or pm.
_DAY_PARTS = {"morning": "morning", "evening": "evening", "afternoon": "evening", "tonight": "evening"}
_DAY_PART = re.compile(r"\b(?:morning|evening|afternoon|tonight)\b")


def day_part(asked: str) -> str | None:
    """"morning" or "evening" where a (lower-cased) request names one part of the day only."""
    named = {_DAY_PARTS[m] for m in _DAY_PART.findall(asked)}
    return named.pop() if len(named) == 1 else None


_TURNS_DOWN = re.compile(r"\b(?:no|nope|nah|not)\b")


def counts_in_words(text: str) -> bool:
    """Whether a (lower-cased) text gives a count of people or nights in words ("for two
    people", "book it for one.")."""
    return _COUNT_WORD.search(text) is not None and _COUNTED_IN_WORDS.search(text) is not None


def asks_to_do(asked: str) -> bool:
    """Whether a (lower-cased) message asks for something to be done, not how things are:
    at its start, or in a sentence of its own ("casa lupo sounds nice. could you book a
    table for 2 on friday?", "yes, please book one ticket on the 10:40, and could you
    tell me the price?"), or in a sentence that changes it ("hold on, we've decided to come
    saturday instead. also, does it have wifi?")."""
    if _ASKS_TO_KNOW.match(asked) or _WHY.search(asked):  # ("wait why did it say 240 pounds")
        return False
    if "?" not in asked or _POLITE_REQUEST.match(asked) is not None or _BOOK_IT.search(asked) is not None:
        return True
    clauses = _CLAUSE_END.split(asked)
    # (or a sentence that changes it: "...come saturday instead. does it...?")
    return any(_POLITE_REQUEST.match(clause) and not _ASKS_TO_BE_TOLD.match(clause) for clause in clauses[1:]) or any(
        "?" not in clause and _CHANGES.search(clause) for clause in clauses)


# (not "could you tell me if my refund has been sent?", a question put politely)
_ASKS_TO_BE_TOLD = re.compile(r"\W*(?:(?:hi|hey|hello|ok|okay|so|and|also|please)\W+)*(?:can|could|would|will) you "
                              r"(?:please |also )?(?:tell|let me know|check|"
                              r"explain|confirm|see)\b")


# A booking asked for in so many words anywhere in a message: "please book one ticket".
_BOOK_IT = re.compile(r"\bplease (?:book|reserve|change|move|make it)\b")


# Where a sentence of a message ends, and a sentence that asks how things are ("is it still
# 45 bucks"; not "can i get a taxi there at 10", a request, nor "what about 8pm", nor one
# that asks for a change: "is it possible to move my reservation to 8pm").
_CLAUSE_END = re.compile(r"[.!?;]+\s+")
_ASKS_HOW_THINGS_ARE = re.compile(r"\W*(?:(?:hi|hey|hello|ok|okay|so|and|also)\W+)*"
                                  r"(?:how(?! about)|what(?! about)|when|where|why|who|which|is|are|was|were|does"
                                  r"|did)\b")


def _wanted(asked: str, offered: str = "") -> list[Value]:
    """The values a (lower-cased) request asks for: not one moved away from, nor the second
    part of "1 hour 30 minutes" (a time of day after a unit is a value of its own: "2
    people 13:00"), nor a value of the answer before, ``offered``, that the request turns
    down ("JetBlue... departing at 6:20 am" - "6:20 ugh, no. ill take the delta one")."""
    if not asks_to_do(asked):
        return []
    if _CLAUSE_END.search(asked):  # (a figure of a clause that asks how things are: "11. is it still 45 bucks")
        asked = ". ".join(clause for clause in _CLAUSE_END.split(asked) if not _ASKS_HOW_THINGS_ARE.match(clause)
                          or _CHANGES.search(clause))
    not_wanted = _NOT_WANTED if _CHANGES.search(asked) else _NOT_WANTED - {"from"}
    turned_down = {v.value for v in values(offered)} if offered and _TURNS_DOWN.search(asked) else set()
    # (A year the user tells of is when something happened, no value of the request: "we
    # visited in 1985, before they moved it. is it true...?")
    return [v for v in values(asked) if v.before not in not_wanted and (v.before not in _UNITS or v.unit == "clock")
            and v.value not in turned_down and not (v.unit is None and _A_YEAR.fullmatch(v.value))]


_A_YEAR = re.compile(r"1[5-9]\d\d|20\d\d")


def another_value(asked: str, answered: str, offered: str = "") -> tuple[Value, Value] | None:
    """(the value asked, the one the confirmation gives in its place), where a (lower-cased)
    confirmation of a request gives another value than the request. (A value of the answer
    before, ``offered``, that the request turns down is none it asks for: "JetBlue...
    departing at 6:20 am" - "6:20 ugh, no. ill take the delta one".)"""
    if CONFIRMS.search(answered) is None:
        return None
    part = day_part(asked)
    wanted = [(v, part) for v in _wanted(asked, offered)]
    if not wanted:
        return None
    given = values(answered)
    # (Of the days a message names, one given is enough: "make it friday instead, i'm out on
    # saturday" - "changed to Friday"; "checking in Tuesday, leaving Thursday" - "2 nights from
    # Tuesday".)
    days_given = {v.value for v in given if v.unit == "weekday"} & _days_wanted(asked)
    alternatives = _ALTERNATIVES.search(asked) is not None
    for value, part in wanted:
        if value.unit == "weekday" and days_given:
            continue
        if value.unit is not None and _given_in_its_place(value, [v for v, _ in wanted], given, alternatives):
            continue
        readings = value.readings(part)
        # (Given back in the same unit, or in none: "2 nights" is not given by "for 2 people".)
        # (An hour the answer too says without am or pm may be either: "tonight at 8:30" - "at 8:30".)
        if any(not readings.isdisjoint(other.readings()) and (other.unit is None or value.unit is None
                                                              or other.unit == value.unit)
               for other in given):
            continue
        # (A party told in parts is no rival of its total: "2 adults and 2 children" - "a table
        # for 4"; see :func:`.against._books_another_count`.)
        if value.unit == "people" and _IN_PARTS.search(asked):
            continue
        # (A count added to is no rival of the total: "add 2 bottles" - "That brings you to 5 bottles".)
        rival = next((other for other in given if value.stands_for(other)
                      and not (value.unit is None and value.counts == other.counts and _ADDS.search(asked))), None)
        if rival is not None:
            # (as the part of the day read it: "at 9" in the morning is 9)
            return (replace(value, value=readings.pop()) if len(readings) == 1 else value), rival
    return None


_IN_PARTS = re.compile(r"\b\w+ adults? and \w+ (?:children|kids|child|teenagers)\b")


def _days_wanted(asked: str) -> set[str]:
    """The days of the week a (lower-cased) request names, but a day it moves away from or
    says no to ("from Monday to Wednesday", "Friday, not Saturday")."""
    away = _NOT_WANTED if _CHANGES.search(asked) else _NOT_WANTED - {"from"}
    return {day for clause in _CLAUSE_END.split(asked) if _NEGATED.search(clause) is None
            for before, day in _WEEKDAY.findall(clause) if before not in away}


def _given_in_its_place(value: Value, wanted: list[Value], given: tuple[Value, ...], alternatives: bool) -> bool:
    """Whether the answer gives another value the request asked for in ``value``'s unit, so
    that ``value`` is not wanted after all: the last one named, which replaces the ones
    before ("we won't be up for 12:20. The 14:20 for two please." - "...on the 14:20"), or,
    of ``alternatives`` ("either the 10:00 or the 11:00"), any one."""
    said = {v.value for v in given}
    if alternatives:
        return any(other is not value and other.unit == value.unit and other.value in said for other in wanted)
    last = next(other for other in reversed(wanted) if other.unit == value.unit)
    return last is not value and last.value in said


_NEGATED = re.compile(r"n't\b|\bnot\b")


class _TurnTexts(Protocol):
    """A turn as :class:`SessionValues` reads it (a :class:`.turns.Turn`, which imports this
    module): its message and its answer, lower-cased."""

    asked: str
    answered: str


class SessionValues:
    """The values of a session's texts, read in order as far as a confirmation needs them:
    the last value the user asked for in each unit (a later request's replaces an earlier
    one: "wait make it 250"), with the turn that asked it and the values it replaced, and
    every value anybody said. Each text is read once, when a confirmation first comes
    after it."""

    def __init__(self, turns: list[_TurnTexts]) -> None:
        self._turns = turns
        self._read = 0  # the texts read: a turn's message, then its answer
        self._asked: dict[str, tuple[Value, str | None]] = {}
        self._asked_at: dict[str, int] = {}  # the turn whose message asked the unit's last value
        self._replaced: dict[str, set[str]] = {}  # the values of a unit the user asked before its last
        self._told: set[str] = set()  # the units the user asked a value of
        self._from_bot: set[str] = set()  # the units whose value asked is one the bot asked to confirm
        self._booked: set[tuple[str, str]] = set()  # (unit, value) of what the bot said it did
        self._heard: set[str] = set()

    def _read_up_to(self, end: int) -> None:
        for at in range(self._read, end):
            turn, by_user = self._turns[at // 2], at % 2 == 0
            text = turn.asked if by_user else turn.answered
            for value in values(text) + _days_named(text):
                self._heard |= value.readings()
                if value.unit is None and value.value.isdigit() and 1 <= int(value.value) <= 11:
                    self._heard.add(str(int(value.value) + 12))  # ("make it 7" may be at 19:00)
            if by_user:
                part = day_part(text)
                if self._from_bot and _CHANGES_WITHOUT_A_VALUE.search(text):
                    # ("actually make it one more night": what the bot asked to confirm no longer stands)
                    for unit in self._from_bot:
                        del self._asked[unit]
                    self._from_bot.clear()
                asked = {value.unit: value for value in _wanted(text, self._turns[at // 2 - 1].answered if at else "")
                         if value.unit is not None and not (value.unit == "money" and value.before in _LIMITS)}
                for unit, value in asked.items():  # (the last of each unit in the message)
                    earlier = self._asked.get(unit)
                    # (Replaced, unless the bot had done it: "Booked! 2 tickets for Hamilton" -
                    # "also 4 tickets for wicked" asks for another thing.)
                    if (unit in self._told and earlier[0].value != value.value
                            and (unit, earlier[0].value) not in self._booked):
                        self._replaced.setdefault(unit, set()).add(earlier[0].value)
                    self._asked[unit], self._asked_at[unit] = (value, part), at // 2
                    self._told.add(unit)
                    self._from_bot.discard(unit)
                if "weekday" not in self._told and (day := _day_coming(text)) is not None:
                    self._asked["weekday"], self._asked_at["weekday"] = (day, part), at // 2
                    self._told.add("weekday")
            elif ASKS_TO_CONFIRM.search(text):
                # What the bot asks the user to confirm, of what the user left unsaid, is the
                # request too: "Please confirm: ..., check-out April 7th" - "go ahead" -
                # "Booked ... to April 8th" did otherwise. (Not its prices: a total with
                # taxes and fees, another item's price, may well differ.)
                part = day_part(text)
                for value in values(text):
                    if value.unit is not None and value.unit not in self._told and value.unit != "money":
                        self._asked[value.unit], self._asked_at[value.unit] = (value, part), at // 2
                        self._from_bot.add(value.unit)
            elif CONFIRMS.search(text):
                self._booked.update((value.unit, value.value) for value in values(text) if value.unit is not None)
        self._read = max(self._read, end)

    def said_by_user(self, at: int) -> list[str]:
        """The user's messages up to and with turn ``at``'s, lower-cased, in order."""
        return [turn.asked for turn in self._turns[:at + 1]]

    def another_than_told(self, at: int, answered: str) -> tuple[Value, Value] | None:
        """(the value the user asked last, the one the confirmation gives in its place),
        where the (lower-cased) answer of turn ``at`` confirms a value nobody said before it,
        in a unit the user asked a value of: "wait make it 250" - "Please confirm: $250" -
        "yes" - "Maria should receive the $150", "3 nights from friday" ... "Booked! 4
        nights from Friday"; or the value the user replaced in this turn or the one before
        ("2 adults" ... "my sister is coming now so 3 adults" - ... - "ya" - "Please
        confirm: ... 2 adults")."""
        if CONFIRMS.search(answered) is None:
            return None
        self._read_up_to(2 * at + 1)  # (up to the turn's message)
        given = values(answered) + _days_named(answered)
        for rival in given:
            if rival.unit in self._asked and (
                    self._heard.isdisjoint(rival.readings())
                    or (self._asked_at[rival.unit] >= at - 1 and rival.value in self._replaced.get(rival.unit, ()))):
                value, part = self._asked[rival.unit]
                readings = value.readings(part)
                # (Not where the answer gives the value asked as well, and another of its unit
                # besides: "Sent! $250 ... Your new balance is $1,234.56", "at 7pm. We hold
                # tables until 7:15 pm", "3 nights from Friday, checking out Monday".)
                if not any(other.unit == rival.unit and not readings.isdisjoint(other.readings()) for other in given):
                    return value, rival
        return None


def _day_coming(asked: str) -> Value | None:
    """The one day of the week a (lower-cased) message that asks no booking says the user
    comes on, in a sentence of its own that says so: "we'd like to visit the zoo on
    wednesday. how much would that cost?" (a later "booked... on thursday" gives a day
    nobody said). None where it names another day, or says so in a question ("is it open
    on monday?")."""
    if "day" not in asked:
        return None
    days = {day for before, day in _WEEKDAY.findall(asked) if before not in _NOT_WANTED}
    if len(days) != 1:
        return None
    day = days.pop()
    sentence = next(s for s in _SENTENCES.findall(asked) if day in s)
    if sentence.rstrip().endswith("?") or _COMING.search(sentence) is None or _NEGATED.search(sentence):
        return None
    return Value("on", day, "weekday")


_SENTENCES = re.compile(r"[^.!?;]+[.!?;]*")
# What the user says of coming: "we'd like to visit", "we're coming", "i'm arriving".
_COMING = re.compile(r"\b(?:i|we)(?:'d| would) (?:like|love) to (?:visit|come|go|see)\b"
                     r"|\b(?:i'm|we're|i am|we are) (?:coming|visiting|going|arriving)\b"
                     r"|\bwe(?:'ll| will) (?:come|visit)\b")


def _days_named(text: str) -> tuple[Value, ...]:
    """The days of the week a (lower-cased) text names with no word that places them
    ("picked up Thursday at 12 pm"), which :func:`values` leaves out."""
    if "day" not in text:
        return ()
    return tuple(Value(before, day, "weekday") for before, day in _WEEKDAY.findall(text) if before not in _DAY_PLACING)


# A time of day: "14:00", "2pm", "4:30 pm", "10".
_TIME = r"(\d{1,2})(?:[:.](\d{2}))?\s*(am|pm)?\b"
# The window a request sets on leaving or arriving: "leaving after 14:00", "I'd like to arrive
# by 16:00", "need to be there by 10".
_WINDOW = re.compile(r"\b(leav\w*|depart\w*|arriv\w*|get (?:there|in)|be (?:there|in))"
                     r"(?:\s+[a-z]+){0,3}?\s+(after|before|by|no later than)\s+" + _TIME)
# The time an answer offers to leave or to arrive at: "TR4410 leaves Cambridge at 13:35",
# "arrives in Ely at 13:52".
_OFFERED = re.compile(r"\b(leav\w*|depart\w*|arriv\w*)(?:\s+[a-z]+){0,4}?\s+at\s+" + _TIME)


def _minutes(hour: str, minutes: str | None, half: str | None) -> set[int]:
    """The minutes after midnight a time of day may mean (an hour without am or pm, either)."""
    h, m = int(hour), int(minutes or 0)
    if h > 23 or m > 59:
        return set()
    if half == "pm" and h < 12:
        h += 12
    elif half == "am" and h == 12:
        h = 0
    return {h * 60 + m, (h + 12) * 60 + m} if half is None and 1 <= h <= 11 and minutes is None else {h * 60 + m}


_OF_THE_ONE_OFFERED = re.compile(r"(?:^|[.!?]\s*)\W*(?:(?:but|hmm+|um+|oh|well)\W+)?(?:(?:that|this|the|it)"
                                 r"(?: one| train| bus| flight| coach)?|tr\d+)\s+$")


def outside_the_window(asked: str, answered: str) -> tuple[str, str] | None:
    """(the window asked, the time offered), where a (lower-cased) answer offers to leave
    before the time a request leaves after, or to arrive after the time it must arrive by,
    however the hours are read."""
    # (What is told of a train offered, "That one leaves before 14:00, though.", "That leaves
    # before 14:30 though.", sets none; "a train that leaves after 10:00" does.)
    window = next((m for m in _WINDOW.finditer(asked) if not asked[:m.start()].endswith(("one ", "it "))
                   and _OF_THE_ONE_OFFERED.search(asked[:m.start()]) is None), None)
    if window is None:
        return None
    arriving = window.group(1).startswith(("arriv", "get", "be"))
    offered = next((m for m in _OFFERED.finditer(answered) if m.group(1).startswith("arriv") == arriving), None)
    if offered is None:
        return None
    limits, times = _minutes(*window.group(3, 4, 5)), _minutes(*offered.group(2, 3, 4))
    if not limits or not times:
        return None
    after = window.group(2) == "after"
    if all((time < limit) if after else (time > limit) for limit in limits for time in times):
        return window.group(0), offered.group(0)
    return None


# The kinds a task bot is asked for by name, each a set of values one of which excludes
# the others: what food, which part of town, what price, what kind of place to stay, how to
# get there.
_KINDS = tuple((name, frozenset(values.split())) for name, values in (
    ("food", " ".join(CUISINES)),
    ("area", "north south east west centre"),
    ("price", "cheap moderate expensive"),
    ("place to stay", "hotel guesthouse"),
    ("ride", "taxi train bus"),
))
# A place to eat, stay or see, which food, area, price and kind of stay are asked of.
_A_PLACE = re.compile(r"\b(?:restaurant|place to (?:eat|stay)|food|hotel|guest ?house|attraction|museum|pub|bar|"
                      r"cafe|somewhere|nightclub|club|theatre|cinema|gallery|college|park|shop)s?\b")
_NOT_TOO_EXPENSIVE = re.compile(r"\b(?:not|nothing|isn't|n't be) (?:too|to|that|so|very|overly|super) "
                                r"(?:expensive|pricey|posh)\b")
# What offers a thing: "Curry Prince is an Indian restaurant", "How about...", "I found...",
# "Your train...", "on your train" (not "I'm more of a Mexican food person myself").
_OFFERS = re.compile(r"\b(?:is an?|are|how about|what about|i (?:would )?(?:recommend|suggest)|i(?:'ve| have)? found|"
                     r"there (?:is|are)|you could try|your)\b")
_SPELLINGS = {"center": "centre", "moderately": "moderate"}  # (one value, two spellings)
# A message that asks for something to be found, booked or had.
_SEEKS = re.compile(r"\b(?:looking for|look for|i(?:'ll| will)? (?:also |really |just )?(?:want|need)|i'd like|"
                    r"i would like|find|"
                    r"book|recommend|suggest|is there|are there|get me|can i get|reserve)\b")
# ...or asks whether there are any: "Evening! Any nightclubs in the south of town?"
_SEEKS_ANY = re.compile(r"\W*(?:\w+\W+)?any (?:\w+ ){0,2}\w+s? (?:in|near|around)\b")
# An answer that says the request cannot be met as asked, and offers what there is instead.
NONE_AS_ASKED = re.compile(r"\b(?:no|none|not|nothing|unfortunately|sorry|only|instead|but|however|closest|nearest)\b"
                            r"|n't\b")


def offered_against(asked: str, answered: str) -> tuple[str, str, str] | None:
    """(the kind, the value asked, the value offered), where a (lower-cased) answer offers
    another value of a kind the request asked for by name, and not the one asked, without
    a word that the one asked cannot be had: "a cheap italian restaurant in the centre" -
    "Curry Prince is a great Indian restaurant in the east."; "i need to book a taxi too" -
    "Where would you like to go on your train?". ("There are no expensive restaurants in
    the south, but Nandos is a cheap one there." says so.)"""
    if ((_SEEKS.search(asked) is None and ("any " not in asked or _SEEKS_ANY.match(asked) is None))
            or NONE_AS_ASKED.search(answered) or _OFFERS.search(answered) is None):
        return None  # (only a request for something: "i love italian food" - "chinese is my favourite!")
    asked = _NOT_TOO_EXPENSIVE.sub(" cheap moderate ", asked)  # ("nothing too expensive": either will do)
    wanted, given = _kind_words(asked), _kind_words(answered)
    of_a_place = _A_PLACE.search(asked) is not None  # (not "parking on the north side of the building")
    for kind, values in _KINDS:
        if (kind != "ride" and not of_a_place) or (kind == "area" and _ANY_AREA.search(asked)):
            continue  # (nor "I'm staying in the east. ... a theatre? Anywhere in town is fine.")
        asked_for, offered = wanted & values, given & values
        if asked_for and offered and asked_for.isdisjoint(offered):
            return kind, sorted(asked_for)[0], sorted(offered)[0]
    return None


_ANY_AREA = re.compile(r"\banywhere(?: in town)? (?:is fine|will do|works|is ok)|\bany area\b|\bany part of town\b")


def _kind_words(text: str) -> set[str]:
    """The words of a (lower-cased) text, each value of :data:`_KINDS` in one spelling."""
    return {_SPELLINGS.get(word, word) for word in WORD.findall(text)}
