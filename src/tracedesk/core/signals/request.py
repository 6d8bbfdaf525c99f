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
9" is not set by "at 9 PM".
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Protocol

from ..words import WORD

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
                      r"cancell?ed|canceled|updated|refunded|ordered|confirmed|successful|(?:i'll|i will) remind|"
                      r"please confirm)\b")


@dataclass(frozen=True, slots=True)
class Value:
    before: str | None  # the word before the figure
    value: str  # the figure, a time of day as its hour on 24 ("18", "18:30")
    unit: str | None  # what it counts, where the word after says so
    half_said: bool = False  # am or pm said with the hour

    def stands_for(self, other: Value) -> bool:
        """Whether ``other`` stands where this value does: of the same unit, or after the
        same placing word without another unit ("1 hour" and "90 minutes" are no rivals)."""
        if self.unit is not None and other.unit is not None:
            return self.unit == other.unit
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
        # (an amount as it is written: "$19.99" is no time of day)
        out.append(Value(before, figure if unit == "money" else _plain(figure, after), unit, after in ("am", "pm")))
    if names_a_time(text):
        out += [Value(before, _NAMED_HOURS[name], "clock") for before, name in _NAMED_TIME.findall(text)]
    if "day" in text:  # (a day asked for: "on friday", not "it was due last friday")
        out += [Value(before, day, "weekday") for before, day in _WEEKDAY.findall(text) if before in _DAY_PLACING]
    return tuple(out)


_DAY_PLACING = frozenset({"on", "for", "from", "to", "until", "till", "by", "this", "next", "it", "be", "make",
                          "starting", "beginning", "arriving", "leaving"})
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


def asks_to_do(asked: str) -> bool:
    """Whether a (lower-cased) message asks for something to be done, not how things are."""
    if _ASKS_TO_KNOW.match(asked) or _WHY.search(asked):  # ("wait why did it say 240 pounds")
        return False
    return "?" not in asked or _POLITE_REQUEST.match(asked) is not None


def _wanted(asked: str, offered: str = "") -> list[Value]:
    """The values a (lower-cased) request asks for: not one moved away from, nor the second
    part of "1 hour 30 minutes" (a time of day after a unit is a value of its own: "2
    people 13:00"), nor a value of the answer before, ``offered``, that the request turns
    down ("JetBlue... departing at 6:20 am" - "6:20 ugh, no. ill take the delta one")."""
    if not asks_to_do(asked):
        return []
    not_wanted = _NOT_WANTED if _CHANGES.search(asked) else _NOT_WANTED - {"from"}
    turned_down = {v.value for v in values(offered)} if offered and _TURNS_DOWN.search(asked) else set()
    return [v for v in values(asked) if v.before not in not_wanted and (v.before not in _UNITS or v.unit == "clock")
            and v.value not in turned_down]


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
    # saturday" - "changed to Friday".)
    days_given = {v.value for v in given if v.unit == "weekday"} & {v.value for v, _ in wanted if v.unit == "weekday"}
    for value, part in wanted:
        if value.unit == "weekday" and days_given:
            continue
        readings = value.readings(part)
        # (Given back in the same unit, or in none: "2 nights" is not given by "for 2 people".)
        # (An hour the answer too says without am or pm may be either: "tonight at 8:30" - "at 8:30".)
        if any(not readings.isdisjoint(other.readings()) and (other.unit is None or value.unit is None
                                                              or other.unit == value.unit)
               for other in given):
            continue
        rival = next((other for other in given if value.stands_for(other)), None)
        if rival is not None:
            # (as the part of the day read it: "at 9" in the morning is 9)
            return (replace(value, value=readings.pop()) if len(readings) == 1 else value), rival
    return None


class _TurnTexts(Protocol):
    """A turn as :class:`SessionValues` reads it (a :class:`.turns.Turn`, which imports this
    module): its message and its answer, lower-cased."""

    asked: str
    answered: str


class SessionValues:
    """The values of a session's texts, read in order as far as a confirmation needs them:
    the last value the user asked for in each unit (a later request's replaces an earlier
    one: "wait make it 250"), and every value anybody said. Each text is read once, when a
    confirmation first comes after it."""

    def __init__(self, turns: list[_TurnTexts]) -> None:
        self._turns = turns
        self._read = 0  # the texts read: a turn's message, then its answer
        self._asked: dict[str, tuple[Value, str | None]] = {}
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
                for value in _wanted(text, self._turns[at // 2 - 1].answered if at else ""):
                    if value.unit is not None and not (value.unit == "money" and value.before in _LIMITS):
                        self._asked[value.unit] = (value, part)
        self._read = max(self._read, end)

    def another_than_told(self, at: int, answered: str) -> tuple[Value, Value] | None:
        """(the value the user asked last, the one the confirmation gives in its place),
        where the (lower-cased) answer of turn ``at`` confirms a value nobody said before it,
        in a unit the user asked a value of: "wait make it 250" - "Please confirm: $250" -
        "yes" - "Maria should receive the $150", "3 nights from friday" ... "Booked! 4
        nights from Friday"."""
        if CONFIRMS.search(answered) is None:
            return None
        self._read_up_to(2 * at + 1)  # (up to the turn's message)
        given = values(answered) + _days_named(answered)
        for rival in given:
            if rival.unit in self._asked and self._heard.isdisjoint(rival.readings()):
                value, part = self._asked[rival.unit]
                readings = value.readings(part)
                # (Not where the answer gives the value asked as well, and another of its unit
                # besides: "Sent! $250 ... Your new balance is $1,234.56", "at 7pm. We hold
                # tables until 7:15 pm", "3 nights from Friday, checking out Monday".)
                if not any(other.unit == rival.unit and not readings.isdisjoint(other.readings()) for other in given):
                    return value, rival
        return None


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


def outside_the_window(asked: str, answered: str) -> tuple[str, str] | None:
    """(the window asked, the time offered), where a (lower-cased) answer offers to leave
    before the time a request leaves after, or to arrive after the time it must arrive by,
    however the hours are read."""
    window = _WINDOW.search(asked)
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


# A ceiling the request sets on what the user will spend: "any dinner spot under £60 for
# two?", "budget 50 bucks max", "ive got like 25 left", "no more than $200". (A figure
# without a currency counts only as a budget, or as what is left, and from 10 up: "i've got
# 3 left" counts things.)
_MONEY_UNIT = r"(?:dollars?|bucks|usd|pounds?|quid|gbp|euros?|eur)"
_AMOUNT_DIGITS = r"\d{1,3}(?:,\d{3})+|\d{1,6}"  # ("1,500", "12000")
_MONEY = (rf"(?:[$£€]\s?({_AMOUNT_DIGITS})(?:\.\d{{2}})?(?:\s?{_MONEY_UNIT})?"
          rf"|({_AMOUNT_DIGITS})(?:\.\d{{2}})?\s?{_MONEY_UNIT}\b)")
_PLAIN = r"(\d{2,6})(?![\d.,:])"
_BUDGET = re.compile(
    r"\b(?:under|below|less than|no more than|not more than|up to|at most|cheaper than|max(?:imum)?(?: of)?)\s+"
    rf"{_MONEY}"
    rf"|\bbudget(?: is| of)?(?: about| around| roughly| like)?\s+(?:{_MONEY}|{_PLAIN})"
    rf"|(?:{_MONEY}|\b{_PLAIN})\s+(?:max|maximum|tops|or less|at most)\b"
    rf"|\b(?:i've|ive|i have) (?:got )?(?:like |about |around |only |just )?(?:{_MONEY}|{_PLAIN}) left\b")
# A price of a unit: a night, a person, a month...
_PER_UNIT = re.compile(r"\b(?:a|per|each) (?:night|person|head|month|week|day|hour|ticket|guest)\b|\bpp\b")
# A price an answer gives: "$130", "£150-180" (its low end), "40 bucks".
_PRICE = re.compile(_MONEY)
# An answer that says its offer is over the budget, or that nothing is under it.
_SAYS_IT_IS_OVER = re.compile(r"\b(?:over|above|more than|beyond|outside|exceeds?|stretch|splurge|unfortunately"
                              r"|sorry|nothing|none|no \w+ (?:under|below|for less))\b")
# A message that asks for something, where a budget bounds what the answer may offer.
_ASKS_FOR_SOMETHING = re.compile(r"\?|\b(?:what|which|any|ideas?|options?|suggest\w*|recommend\w*|find|need|want"
                                 r"|please|pls|looking for)\b")


def over_the_budget(asked: str, answered: str) -> tuple[str, str] | None:
    """(the budget asked, the price offered), where a (lower-cased) request sets a ceiling on
    what the user will spend and every price the answer offers is well over it, without a
    word that it is: "any dinner spot under £60 for two?" - "Expect around £150-180 for
    two with wine"."""
    if not ("under" in asked or "below" in asked or "less" in asked or "more" in asked or "up to" in asked
            or "most" in asked or "cheaper" in asked or "max" in asked or "budget" in asked or "left" in asked):
        return None  # (most messages, cheaply)
    budget = _BUDGET.search(asked)
    if budget is None or _ASKS_FOR_SOMETHING.search(asked) is None or _SAYS_IT_IS_OVER.search(answered):
        return None
    if bool(_PER_UNIT.search(asked)) != bool(_PER_UNIT.search(answered)):
        return None  # ("under £100 a night" - "£380 for your four nights": not of the same unit)
    ceiling = _amount(budget)
    prices = [(_amount(m), m.group(0)) for m in _PRICE.finditer(answered)]
    if not prices or any(price <= ceiling * 1.1 for price, _ in prices):
        return None
    return budget.group(0), prices[0][1]


def _amount(found: re.Match) -> int:
    return int(next(g for g in found.groups() if g).replace(",", ""))


# A limit a request sets on the form of the answer it asks to be written: a number of words
# ("a short cover note, 50 words max", "in under 100 words"), or no list ("no bullet points,
# he hates that", "in prose"). Not one of the user's own work, asked about ("my essay has to
# be 50 words max, any tips?"), nor where a list is what is asked for.
_WORD_LIMIT = re.compile(r"\b(?:(\d{1,4}) words? (?:max|maximum|or (?:less|fewer)|tops|at most|long at most)"
                         r"|(?:max(?:imum)?|at most|under|no more than|not more than|less than|fewer than|within|up to)"
                         r" (\d{1,4}) words?)\b")
_NO_LIST = re.compile(r"\b(?:no|without|not (?:in|as)|don'?t use|do not use|avoid|not) (?:any |a )?"
                      r"(?:bullet(?:s| points?)?|(numbered )?lists?)\b"
                      r"|\bin (?:prose|a (?:single )?paragraph)\b")
_NUMBERED_LINE = re.compile(r"^[ \t]*\d{1,2}[.)][ \t]+\S", re.MULTILINE)
_OPTIONS_ASKED = re.compile(r"\b(?:options|ideas|alternatives|versions|a few|some|several|\d+|two|three|four|five)\b"
                            r"(?! words?\b)")
_WRITE_ME = re.compile(r"\b(?:write|draft|compose|summari[sz]e|rewrite|give me|make me|need an?|can (?:you|u)|could "
                       r"(?:you|u)|pls|please)\b")
_OF_ONES_OWN = re.compile(r"\b(?:tips|advice|how (?:do|should|can) i|my (?:\w+ )?(?:has|needs|must|should|is))\b")
_LIST_ASKED = re.compile(r"\blists?\b(?! of what)")
_A_LIST_LINE = re.compile(r"^[ \t]*(?:[-*•]|\d{1,2}[.)])[ \t]+\S", re.MULTILINE)
_ANSWER_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)?")
WORD_LIMIT_SLACK = 1.25  # a preface ("Here's a shorter one:") is no breach


def breaks_the_form(asked: str, answer: str) -> tuple[str, str] | None:
    """(the limit asked, what the answer did), where a (lower-cased) request to write
    something sets a limit on its form and the answer (as written, its lines kept) breaks
    it: well over the words allowed, or a list where none was wanted."""
    if not ("word" in asked or "bullet" in asked or "list" in asked or "prose" in asked or "paragraph" in asked):
        return None  # (most messages, cheaply)
    if _WRITE_ME.search(asked) is None or _OF_ONES_OWN.search(asked) is not None:
        return None
    limit = _WORD_LIMIT.search(asked)
    if limit is not None:
        allowed = int(limit.group(1) or limit.group(2))
        lines = [line for line in answer.splitlines() if line.strip()]
        # (Options asked for, one a line, are each held to the limit: "a tagline, 10 words max,
        # a few options".)
        parts = lines if len(lines) > 1 and _OPTIONS_ASKED.search(asked.replace(limit.group(0), "")) else [answer]
        words = max(len(_ANSWER_WORD.findall(part)) for part in parts)
        if allowed and words > allowed * WORD_LIMIT_SLACK:
            return limit.group(0), f"{words} words"
    no_list = _NO_LIST.search(asked)
    if no_list is not None and _LIST_ASKED.search(asked[:no_list.start()]) is None:
        lines = _NUMBERED_LINE if no_list.group(1) else _A_LIST_LINE  # (numbered lists forbid numbers only)
        if len(lines.findall(answer)) >= 2:
            return no_list.group(0), "a list"
    return None


# The day a request asks a journey or a booking for: "a train ... on Sunday", "3 people friday
# 7.15pm". (Not a past day, "ordered on Monday", "was due Monday", nor one the request counts
# from: "the day before", "tomorrow", "It's Sunday today".)
_DAY_OF_THE_REQUEST = re.compile(r"(?<!every )(?<!last )(?<!past )\b"
                                 r"(monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b")
_JOURNEY_ASKED = re.compile(r"\b(?:train|taxi|cab|bus|coach|flight|ticket|table|room|book|booking|reserve)\b")
_RELATIVE_DAY = re.compile(r"\b(?:tomorrow|today|tonight|yesterday|the day (?:before|after)|ordered|due|was|were|"
                           r"last|ago|since|every)\b")
_DAY_GIVEN = re.compile(r"\b(?:on|for)\s+(monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b")
_DAYS_SPANNED = re.compile(r"\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)s?\s+(?:to|through|-|and)\s+"
                           r"|\bevery day\b|\bdaily\b|\bweekdays\b")
# An answer that offers or books a journey: a train that leaves or arrives, a taxi booked.
_A_JOURNEY = re.compile(r"\b(?:leaves|leaving|departs|departing|arrives|arriving|booked|picks? you up)\b")


def another_day(asked: str, answered: str) -> tuple[str, str] | None:
    """(the day asked, the day offered), where a (lower-cased) request for a journey or a
    booking names the day it is for and the answer offers or books one for another day only,
    without a word that the day asked cannot be had: "flying out of Stansted on Sunday, ... a
    train" - "TR3212 leaves Cambridge at 06:40 ... on Saturday"."""
    if "day" not in asked:
        return None  # (most messages, cheaply)
    days_asked = set(_DAY_OF_THE_REQUEST.findall(asked))
    if (len(days_asked) != 1 or _JOURNEY_ASKED.search(asked) is None or _RELATIVE_DAY.search(asked)
            or _A_JOURNEY.search(answered) is None or _DAYS_SPANNED.search(answered)):
        return None
    days_given = set(_DAY_GIVEN.findall(answered))
    if not days_given or not days_given.isdisjoint(days_asked) or _NONE_AS_ASKED.search(answered):
        return None
    return days_asked.pop(), sorted(days_given)[0]


# A journey's ends as a request or a booking names them: "from the arts theatre to the
# gonville hotel", "from Efes to the ADC Theatre". (Neither end holds "from" or "to": "I work
# from 9 to 5 so I need a taxi from the office..." names the office.)
_END = r"((?:(?!\bfrom\b|\bto\b)[a-z0-9' ]){3,40}?)"
_ROUTE = re.compile(rf"\bfrom (?:the )?{_END} to (?:the )?{_END}"
                    r"(?=\s*(?:$|[,.;!?]|\b(?:at|on|by|for|after|before|leaving|arriving|tomorrow|tonight|today|"
                    r"please|pls|and|in|it's|its)\b))")
# Words that name no place of their own: "from there", "from the restaurant", "from my
# place" stand for a place said before or known, which the booking names ("from Pasta
# Nostra", "from 12 Mill Road").
_PLACE_STOPWORDS = frozenset("""
    the a an my our your his her their of street road there here it that this restaurant hotel guesthouse
    museum college pub bar cafe theatre hospital station train railway rail airport centre center city house
    home work office gallery church park attraction account place flat apartment uni university s
""".split())  # noqa: SIM905 (a word list reads best as words)
# A request to move something or someone from one place to another: a ride, money.
_MOVES = re.compile(r"\b(?:taxi|cab|car|ride|pick (?:me|us) up|transfer|move|send)\b")
_WHEN_WORDS = re.compile(r"\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|\d{1,2}(?:st|nd|rd|th)?|"
                         r"january|february|march|april|may|june|july|august|september|october|november|december)\b")


def another_route(asked: str, answered: str) -> tuple[str, str, str] | None:
    """(the route asked, the route booked, how they differ), where a (lower-cased) request
    to take someone or something from one place to another names both ends and the booking
    runs the other way round ("a taxi from the arts theatre to the gonville hotel" - "from the
    Gonville Hotel to the Cambridge Arts Theatre"), or starts from a place that shares no word
    with the one asked, to the same end ("from la tasca to the adc theatre" - "from Efes to the
    ADC Theatre"). Not a journey there and back, nor one between days or dates."""
    if "from " not in asked or "from " not in answered:
        return None  # (most messages, cheaply)
    if _MOVES.search(asked) is None or " back" in asked or "return" in asked:
        return None
    want, got = _ROUTE.search(asked), _ROUTE.search(answered)
    if want is None or got is None or CONFIRMS.search(answered) is None:
        return None
    if any(_WHEN_WORDS.search(end) for end in want.groups() + got.groups()):
        return None
    a_from, a_to = (_place_words(part) for part in want.groups())
    g_from, g_to = (_place_words(part) for part in got.groups())
    if not (a_from and a_to and g_from and g_to) or not a_from.isdisjoint(g_from):
        return None
    if a_from & g_to and a_to & g_from:
        return want.group(0), got.group(0), "the other way round"
    if a_from.isdisjoint(g_to) and a_to & g_to:
        return want.group(0), got.group(0), "from another place"
    return None


def _place_words(text: str) -> frozenset[str]:
    """A place's words, "King's" and "kings" alike, but those that name no place."""
    return frozenset(text.replace("'", " ").replace("\u2019", " ").split()) - _PLACE_STOPWORDS \
        | frozenset(word.replace("'", "") for word in text.split() if "'" in word)


# Where a message goes on to a second request: "... and also a cheap italian place near it",
# "oh and a train to norwich on saturday morning", "..., and a chinese restaurant near the
# hotel", "Two things: ..., and I'd like to see a college in the west".
_AND_ALSO = re.compile(r"(?:\band also\b|\boh and\b|(?:[,.;]|\balso,?) and (?=(?:a|an|i'd like|i would like|i need|"
                       r"i also need|can you|could you)\b)|\bplus\b)")


# ...which asks for something: a thing a bot books or finds ("a train to norwich", "a cheap
# italian place"), a question, a task ("can you add my known traveller number").
_A_REQUEST = re.compile(r"\W*(?:can (?:you|u|i)|could (?:you|u|i)|i (?:also )?(?:need|want)|i'd like|i would like|"
                        r"book|find|get|send|give|what|where|when|how|which)\b"
                        r"|\W*(?:a|an)\b.*\b(?:train|taxi|cab|bus|flight|ticket|table|room|hotel|guesthouse|restaurant|"
                        r"place|pub|bar|cafe|museum|college|attraction|booking|refund|postcode|address|number|price)s?\b")
# What a second request names, and the other words an answer may take it up in.
_SAME_THING = {word: group for group in (
    frozenset({"taxi", "cab", "car", "ride", "pick", "driver", "lift"}),
    frozenset({"restaurant", "place", "spot", "eat", "food", "dinner", "lunch", "table", "pub", "cafe"}),
    frozenset({"hotel", "guesthouse", "inn", "room", "lodge"}),
    frozenset({"train", "rail", "railway", "trains"}),
    frozenset({"refund", "credit", "credited", "reimburse", "back"}),
    frozenset({"text", "sms", "message"}),
    frozenset({"expensive", "pricey", "upmarket", "posh"}),
    frozenset({"cheap", "budget", "inexpensive", "affordable"}),
) for word in group}


def said_in_other_words(words: frozenset[str]) -> frozenset[str]:
    """``words`` with the other words an answer may use for each (a taxi is a cab)."""
    return words.union(*(_SAME_THING.get(word, ()) for word in words))


def second_request(asked: str) -> str | None:
    """The second of two requests a (lower-cased) message makes, where it goes on to one
    (:data:`_AND_ALSO`) that asks for something (not "i'm angry and also scared", "oh and
    technically im older by 6 min")."""
    found = _AND_ALSO.search(asked)
    if found is None or found.start() < 10:
        return None
    second = asked[found.end():].strip(" ,.?!")
    return second if second and _A_REQUEST.match(second) else None


# The details of a place or a booking a message may ask for by name, each with the forms an
# answer gives it in: its name, or a value that can only be it (a postcode, a phone number).
_DETAILS = (
    # (not a train's, a booking's or a room's number; a phone number with spaces or +44)
    ("phone number", re.compile(r"\b(?:phone|telephone|tel|contact number)\b|(?<!reference )(?<!train )"
                                r"(?<!confirmation )(?<!booking )(?<!order )(?<!flight )(?<!room )(?<!account )"
                                r"\bnumber\b"),
     re.compile(r"\b(?:phone|telephone|tel|contact|number|call|ring|reach)\b|(?:\+\d{1,3}\s?|\b0)\d[\d ]{8,12}\d")),
    ("postcode", re.compile(r"\b(?:post ?codes?|zip(?: code)?)\b"),
     re.compile(r"\bpost ?code\b|\bzip\b|\b[a-z]{1,2}\d{1,2}[a-z]?\s?\d[a-z]{2}\b|\b\d{5}(?:-\d{4})?\b")),
    ("address", re.compile(r"(?<!email )(?<!e-mail )(?<!web )\baddress\b"),
     re.compile(r"\baddress\b|\b(?:street|st|road|rd|lane|ln|avenue|ave|hill|square|sq|gardens|way|close|place|court"
                r"|park|centre|parade|row|terrace|drive|dr)\b|\bis (?:at|on|in)\b|\b\d{1,4} [a-z]+")),
    ("opening hours", re.compile(r"\bopening (?:hours|times)\b"),
     re.compile(r"\bopen|clos\w*|hours\b|\d\s?(?:am|pm)\b|\d:\d\d")),
    ("price", re.compile(r"\b(?:price|cost|fare|entrance fee|entry fee)\b"),
     re.compile(r"\b(?:price|cost|fare|fee|free|pounds?|gbp|cheap|moderate\w*|expensive|pricey|range)\b|[£$€]\s?\d")),
    ("reference", re.compile(r"\breference(?: number)?\b"), re.compile(r"\breference\b|\bref\b")),
)
_DETAIL_WORDS = re.compile(r"address|phone|number|post ?code|zip|opening|price|cost|fare|fee|reference")
# A message that asks for the details it names (not one that tells of them: "the address
# was wrong last time").
_ASKS_FOR_DETAILS = re.compile(r"\?|\b(?:send|give|get|have|tell|need|want|what(?:'s| is| are)?|whats|may i|can i|"
                               r"could i|please|pls|plz)\b")
# An answer that says it does not have a detail.
_DOES_NOT_HAVE = re.compile(r"\b(?:don't|do not|doesn't|does not) have|\b(?:isn't|is not|aren't|are not|not) "
                            r"(?:listed|available|known)|\bno (?:information|details)|\bunable\b|\bcan't\b|\bcannot\b")


def details_left_out(asked: str, answered: str) -> list[str]:
    """The details a (lower-cased) message asks for by name, two or more ("the address, phone
    number and postcode", "postcode and opening hours?"), that the answer gives in no form,
    where it gives another of them and says of none that it does not have it."""
    if len(_DETAIL_WORDS.findall(asked)) < 2:
        return []  # (one detail at most, cheaply)
    named = [(name, gives) for name, asks, gives in _DETAILS if asks.search(asked)]
    if len(named) < 2 or _ASKS_FOR_DETAILS.search(asked) is None or _DOES_NOT_HAVE.search(answered):
        return []
    missing = [name for name, gives in named if gives.search(answered) is None]
    return missing if len(missing) < len(named) else []


# The kinds a task bot is asked for by name, each a set of values one of which excludes
# the others: what food, which part of town, what price, what kind of place to stay, how to
# get there.
_KINDS = tuple((name, frozenset(values.split())) for name, values in (
    ("food", "italian chinese indian thai french spanish japanese korean mexican british turkish vietnamese greek "
             "lebanese portuguese caribbean persian polish russian"),
    ("area", "north south east west centre"),
    ("price", "cheap moderate expensive"),
    ("place to stay", "hotel guesthouse"),
    ("ride", "taxi train bus"),
))
# A place to eat, stay or see, which food, area, price and kind of stay are asked of.
_A_PLACE = re.compile(r"\b(?:restaurant|place to (?:eat|stay)|food|hotel|guest ?house|attraction|museum|pub|bar|"
                      r"cafe|somewhere)s?\b")
# What offers a thing: "Curry Prince is an Indian restaurant", "How about...", "I found...",
# "Your train...", "on your train" (not "I'm more of a Mexican food person myself").
_OFFERS = re.compile(r"\b(?:is an?|are|how about|what about|i (?:would )?(?:recommend|suggest)|i(?:'ve| have)? found|"
                     r"there (?:is|are)|you could try|your)\b")
_SPELLINGS = {"center": "centre", "moderately": "moderate"}  # (one value, two spellings)
# A message that asks for something to be found, booked or had.
_SEEKS = re.compile(r"\b(?:looking for|look for|i (?:also |really |just )?(?:want|need)|i'd like|i would like|find|"
                    r"book|recommend|suggest|is there|are there|get me|can i get|reserve)\b")
# An answer that says the request cannot be met as asked, and offers what there is instead.
_NONE_AS_ASKED = re.compile(r"\b(?:no|none|not|nothing|unfortunately|sorry|only|instead|but|however|closest|nearest)\b"
                            r"|n't\b")


def offered_against(asked: str, answered: str) -> tuple[str, str, str] | None:
    """(the kind, the value asked, the value offered), where a (lower-cased) answer offers
    another value of a kind the request asked for by name, and not the one asked, without
    a word that the one asked cannot be had: "a cheap italian restaurant in the centre" -
    "Curry Prince is a great Indian restaurant in the east."; "i need to book a taxi too" -
    "Where would you like to go on your train?". ("There are no expensive restaurants in
    the south, but Nandos is a cheap one there." says so.)"""
    if _SEEKS.search(asked) is None or _NONE_AS_ASKED.search(answered) or _OFFERS.search(answered) is None:
        return None  # (only a request for something: "i love italian food" - "chinese is my favourite!")
    wanted, given = _kind_words(asked), _kind_words(answered)
    of_a_place = _A_PLACE.search(asked) is not None  # (not "parking on the north side of the building")
    for kind, values in _KINDS:
        if kind != "ride" and not of_a_place:
            continue
        asked_for, offered = wanted & values, given & values
        if asked_for and offered and asked_for.isdisjoint(offered):
            return kind, sorted(asked_for)[0], sorted(offered)[0]
    return None


def _kind_words(text: str) -> set[str]:
    """The words of a (lower-cased) text, each value of :data:`_KINDS` in one spelling."""
    return {_SPELLINGS.get(word, word) for word in WORD.findall(text)}
