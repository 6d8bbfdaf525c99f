"""What a request sets beyond its values, and an answer may go against: a budget ("any
dinner spot under £60 for two?"), a form ("50 words max", "no bullet points"), the day of
a journey ("flying out on Sunday") and its ends ("a taxi from the arts theatre to the
gonville hotel"), a second request ("... and also a cheap italian place near it") and the
details it names ("the address, phone number and postcode"). Each reading takes the
message and the answer lower-cased (the form, the answer as written) and says what the
answer did instead, or nothing; :mod:`.conversation` words the findings.
"""

from __future__ import annotations

import re

from .kinds import COUNT_WORDS
from .request import CONFIRMS, NONE_AS_ASKED

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
            or "most" in asked or "cheaper" in asked or "max" in asked or "budget" in asked or "left" in asked
            or "tops" in asked):
        return None  # (most messages, cheaply: every form of _BUDGET holds one of these words)
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
_JOURNEY_ASKED = re.compile(r"\b(?:train|taxi|cab|bus|coach|flight|ticket|table|room|book|booking|reserve|travel"
                            r"|alarm)\b")
_RELATIVE_DAY = re.compile(r"\b(?:tomorrow|today|tonight|yesterday|(?:day|night|evening|morning) (?:before|after)"
                           r"|ordered|due|was|were|"
                           r"last|ago|since|every)\b")
_NOT_THE_ALARMS_DAY = re.compile(r"\b(?:before|after|night|cancel|turn off|delete|stop|next|move|change)\b")
_DAY_GIVEN = re.compile(r"\b(?:on|for)\s+(monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b")
_WEEKDAY = r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
_DAYS_SPANNED = re.compile(rf"\b{_WEEKDAY}s?\s+(?:to|through|-|and)\s+(?:(?:on|until|till)\s+)?{_WEEKDAY}"
                           r"|\bevery day\b|\bdaily\b|\bweekdays\b")  # (not "on saturday and arrives at...")
# An answer that offers or books a journey: a train that leaves or arrives, a taxi booked, an
# alarm set.
_A_JOURNEY = re.compile(r"\b(?:leaves|leaving|departs|departing|arrives|arriving|will arrive|booked|picks? you up"
                        r"|is set for"
                        r"|scheduled)\b")


def another_day(asked: str, answered: str) -> tuple[str, str] | None:
    """(the day asked, the day offered), where a (lower-cased) request for a journey or a
    booking names the day it is for and the answer offers or books one for another day only,
    without a word that the day asked cannot be had: "flying out of Stansted on Sunday, ... a
    train" - "TR3212 leaves Cambridge at 06:40 ... on Saturday"."""
    if "day" not in asked:
        return None  # (most messages, cheaply)
    if "alarm" in asked and _NOT_THE_ALARMS_DAY.search(asked):
        return None  # ("12:30am saturday night" rings on Sunday; "cancel my thursday alarm")
    days_asked = set(_DAY_OF_THE_REQUEST.findall(asked))
    if (len(days_asked) != 1 or _JOURNEY_ASKED.search(asked) is None or _RELATIVE_DAY.search(asked)
            or _A_JOURNEY.search(answered) is None or _DAYS_SPANNED.search(answered)):
        return None
    days_given = set(_DAY_GIVEN.findall(answered))
    if not days_given or not days_given.isdisjoint(days_asked) or NONE_AS_ASKED.search(answered):
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
    if "from " not in asked:
        return None  # (most messages, cheaply)
    if " back" in asked or "return" in asked:
        return None
    if "from " not in answered or _MOVES.search(asked) is None:
        return _train_the_other_way(asked, answered)
    want, got = _ROUTE.search(asked), _ROUTE.search(answered)
    if want is None or got is None or CONFIRMS.search(answered) is None:
        return None
    if any(_WHEN_WORDS.search(end) for end in want.groups() + got.groups()):
        return None
    a_from, a_to = (_place_words(part) for part in want.groups())
    g_from, g_to = (_place_words(part) for part in got.groups())
    if not (a_from and g_from and g_to) or not a_from.isdisjoint(g_from):
        return None
    if a_to and a_from & g_to and a_to & g_from:
        return want.group(0), got.group(0), "the other way round"
    # (To a place the request names by its kind only, "to the guesthouse", the end is the
    # same as far as can be told: "from Cambridge station" - "from Kings Lynn Train Station".)
    if a_from.isdisjoint(g_to) and (a_to & g_to or not a_to):
        return want.group(0), got.group(0), "from another place"
    return None


def _train_the_other_way(asked: str, answered: str) -> tuple[str, str, str] | None:
    """A train asked for from one place to another offered or booked the other way round:
    "a train from peterborough to cambridge on wednesday" - "TR2012 departs Cambridge at
    10:06 and arrives in Peterborough at 10:56."."""
    if "train" not in asked or ("depart" not in answered and "leav" not in answered) or _NONE_THAT_WAY.search(answered):
        return None  # (nor a train the other way offered for want of one: "There are none from Norwich...")
    want, got = _ROUTE.search(asked), _DEPARTS_THEN_ARRIVES.search(answered)
    if want is None or got is None or any(_WHEN_WORDS.search(end) for end in want.groups()):
        return None
    a_from, a_to = (_place_words(part) for part in want.groups())
    g_from, g_to = (_place_words(part) for part in got.groups())
    if a_from and a_to and a_from.isdisjoint(g_from) and a_from & g_to and a_to & g_from:
        return want.group(0), got.group(0), "the other way round"
    return None


_NONE_THAT_WAY = re.compile(r"\b(?:none|no trains?|sorry|unfortunately|nearest|closest|instead|only)\b")
# A train's ends as an answer gives them: "departs Cambridge at 10:06 and arrives in
# Peterborough", "leaves from Ely at 17:35 ... arriving at London Kings Cross".
_DEPARTS_THEN_ARRIVES = re.compile(
    r"\b(?:departs|leaves|leaving|departing)(?: from)? (?:the )?((?:[a-z0-9'][a-z0-9' ]{1,38}?))"
    r"(?= at | on |,| and )[^.!?]*?\barriv(?:es|ing|e)(?: (?:in|at|into))? (?:the )?((?:[a-z0-9'][a-z0-9' ]{1,38}?))"
    r"(?=\s*(?:$|[,.;!?]|\b(?:at|on|by|in)\b))")


def _place_words(text: str) -> frozenset[str]:
    """A place's words, "King's" and "kings" alike, but those that name no place."""
    return frozenset(text.replace("'", " ").replace("\u2019", " ").split()) - _PLACE_STOPWORDS \
        | frozenset(word.replace("'", "") for word in text.split() if "'" in word)


# Where a message goes on to a second request: "... and also a cheap italian place near it",
# "oh and a train to norwich on saturday morning", "..., and a chinese restaurant near the
# hotel", "Two things: ..., and I'd like to see a college in the west".
_AND_ALSO = re.compile(r"(?:\band also\b|\boh and\b|(?:[,.;]|\balso,?) and (?=(?:a|an|i'd like|i would like|i need|"
                       r"i also need|can you|could you)\b)|\bplus\b"
                       # ("... and address? We'd also love an expensive Chinese restaurant for the evening.")
                       r"|(?<=[.!?] )(?:we|i)(?:'d| would)? also (?:love|like|need|want) )")


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
     # (not the first digits of a phone number: "01632 903557")
     re.compile(r"\bpost ?code\b|\bzip\b|\b[a-z]{1,2}\d{1,2}[a-z]?\s?\d[a-z]{2}\b|\b\d{5}(?:-\d{4})?\b(?! ?\d{5})")),
    ("address", re.compile(r"(?<!email )(?<!e-mail )(?<!web )\baddress\b"),
     re.compile(r"\baddress\b|\b(?:street|st|road|rd|lane|ln|avenue|ave|hill|square|sq|gardens|way|close|place|court"
                r"|park|centre|parade|row|terrace|drive|dr)\b|\bis (?:at|on|in)\b"
                # (a house number, not a count: "booked for 2 on tuesday")
                r"|\b\d{1,4} (?!(?:on|at|in|for|to|and|or|of|the|a|people|persons?|guests?|adults?|nights?|days?"
                r"|hours?|minutes?|mins?|pm|am|pounds?|gbp|stars?|tickets?|seats?|rooms?|tonight|today|tomorrow"
                r"|adults?|children|kids|weeks?|months?|years?)\b)[a-z]+")),
    ("opening hours", re.compile(r"\bopening (?:hours|times)\b"),
     re.compile(r"\bopen|clos\w*|hours\b|\d\s?(?:am|pm)\b|\d:\d\d")),
    ("price", re.compile(r"\b(?:price|cost|fare|entrance fee|entry fee)\b|\bhow much (?:is|are|does|do|will)\b"),
     re.compile(r"\b(?:price|cost|fare|fee|free|pounds?|gbp|quid|bucks|dollars?|euros?|cheap|moderate\w*|expensive"
                r"|pricey|range)\b|[£$€]\s?\d")),
    ("reference", re.compile(r"\breference(?: number)?\b"), re.compile(r"\breference\b|\bref\b")),
    ("travel time", re.compile(r"\b(?:travel|journey|trip) (?:time|duration)\b|\bduration\b"
                               r"|\bhow long (?:is|does|will|would) (?:the |that )?"
                               r"(?:journey|trip|ride|drive|train ride|taxi ride)\b"),
     re.compile(r"\b\d+ ?(?:minutes?|mins?|hours?|hrs?)\b|\btakes?\b|\bduration\b|\b(?:travel|journey) time\b")),
    ("car type", re.compile(r"\b(?:car type|type of car|kind of car|make of (?:the )?car|car model)\b"),
     re.compile(r"\b(?:car|vehicle|model)\b|\b(?:black|white|red|blue|grey|gray|silver|yellow|green) [a-z]+")),
)
# (What every way of asking for a detail holds, looked for first and at once.)
_DETAIL_WORDS = re.compile(r"address|phone|\btel\b|number|post ?code|zip|opening|price|cost|fare|fee|reference"
                           r"|(?:travel|journey|trip) (?:time|duration)|duration|how much|how long")
# A message that asks to be told a detail along with a booking: "... and let me know the car
# type", "Please give me the reference number".
# ("let me know the car type", "..., and the price.")
_WANTS_TO_BE_TOLD = re.compile(r"\b(?:let me know|give me|tell me|send me|can i (?:have|get)|could i (?:have|get)"
                              r"|i(?:'ll| will)? need|what(?:'s| is| are))\b"
                              r"|\band (?:also )?the (?:[a-z]+ ){0,2}[a-z]+\W*$")  # (not "and the price is fine")
# A message that asks for one detail and nothing else: "What's the postcode?", "and their phone
# number?", "Could I have the address, please?"
_ASKS_ONE_DETAIL = re.compile(
    r"(?:^|.*[.!?]\s+)\W*(?:(?:and|ok|okay|great|thanks|thank you|perfect|lovely|wonderful|sounds good|alright)\W+)*"
    r"(?:(?:what(?:'s| is| are)|whats|can i (?:have|get)|could i (?:have|get)|may i (?:have|get)"
    r"|could you (?:give|tell) me|please (?:give|tell|send) me)\s+)?(?:the|their|its|it's)\s+(?:[a-z]+\s+)?"
    r"(?:address|phone number|post ?code|zip code|reference number|opening (?:hours|times))(?:\s+(?:please|then|too))?"
    r"\W*(?:please\W*)?$")
# An answer that offers another thing in place of the detail: "Would you like to book a table
# at a restaurant in the east?" (not one that asks which place was meant).
_OFFERS_INSTEAD = re.compile(r"\b(?:would you like|shall i|do you want|can i interest you)\b")
# A message that asks for the details it names (not one that tells of them: "the address
# was wrong last time").
_ASKS_FOR_DETAILS = re.compile(r"\?|\b(?:send|give|get|have|tell|need|want|what(?:'s| is| are)?|whats|may i|can i|"
                               r"could i|please|pls|plz)\b")
# An answer that says it does not have a detail.
_DOES_NOT_HAVE = re.compile(r"\b(?:don't|do not|doesn't|does not) have|\b(?:isn't|is not|aren't|are not|not) "
                            r"(?:listed|available|known)|\bno (?:information|details)|\bunable\b|\bcan't\b|\bcannot\b")


def gives_the_details_asked(asked: str, answered: str) -> bool:
    """Whether a (lower-cased) message asks for details of a place or a booking by name
    ("what is their address?", "and the phone number?") and the answer gives every one of
    them in some form ("Zizzi is at 47-53 Regent Street, postcode CB2 1AB."): whatever it
    lies close to in meaning, it answered."""
    if _WHERE_IT_IS.search(asked) is not None:
        return _ADDRESS_GIVEN.search(answered) is not None  # ("Where is it exactly?" - "It's on Trumpington Street")
    if _DETAIL_WORDS.search(asked) is None:
        return False  # (nearly every message, cheaply)
    named = [_ADDRESS_GIVEN if name == "address" else gives for name, asks, gives in _DETAILS if asks.search(asked)]
    return bool(named) and all(gives.search(answered) for gives in named)


_WHERE_IT_IS = re.compile(r"\bwhere (?:is|are|'s) (?:it|they|that|this|the \w+)(?: (?:exactly|located))?\W*$")


# An address given, surely: a street, or a postcode ("47-53 Regent Street", "CB2 1AB"; not "is in
# the cheap price range", which a detail left out may say).
_ADDRESS_GIVEN = re.compile(r"\b(?:street|st|road|rd|lane|ln|avenue|ave|hill|square|sq|gardens|way|close|court|parade"
                            r"|row|terrace|drive|dr)\b|\b[a-z]{1,2}\d{1,2}[a-z]?\s?\d[a-z]{2}\b")


def details_left_out(asked: str, answered: str) -> list[str]:
    """The details a (lower-cased) message asks for by name, two or more ("the address, phone
    number and postcode", "postcode and opening hours?"), that the answer gives in no form,
    where it gives another of them and says of none that it does not have it; or, to a
    message that asks to be told them ("let me know the car type and contact number"), a
    booking confirmed without any of them."""
    named_at_most = len(_DETAIL_WORDS.findall(asked)) + ("car " in asked or "car?" in asked)
    only_one = named_at_most == 1 and _ASKS_ONE_DETAIL.match(asked) is not None
    if not named_at_most or (named_at_most < 2 and not only_one and (CONFIRMS.search(answered) is None
                                                                     or _WANTS_TO_BE_TOLD.search(asked) is None)):
        return []  # (no detail named, or one without a booking nor on its own, cheaply)
    named = [(name, gives) for name, asks, gives in _DETAILS if asks.search(asked)]
    if not named or _ASKS_FOR_DETAILS.search(asked) is None or _DOES_NOT_HAVE.search(answered):
        return []
    missing = [name for name, gives in named if gives.search(answered) is None]
    if len(named) >= 2 and 0 < len(missing) < len(named):
        return missing
    if only_one and len(named) == 1 and missing and ("?" not in answered or _OFFERS_INSTEAD.search(answered)):
        return missing  # ("What's the postcode?" - "El Shaddai is a cheap guesthouse in the centre.")
    if (len(missing) == len(named) and CONFIRMS.search(answered) is not None
            and _WANTS_TO_BE_TOLD.search(asked) is not None):
        return missing
    return []


# A request for a number of things, from two to ten: "name 5 countries that border germany",
# "give me like 3 sad songs", "can u list their top 5 songs". Not one the user did ("i had to
# write 6 essays"), nor a number that is a measure or a kind ("give me 5 minutes", "show me
# 3 bedroom houses").
_COUNT_ASKED = re.compile(
    r"(?<!\bto )(?<!\bi )(?<!\bwe )(?<!\bthey )(?<!\bhe )(?<!\bshe )"
    r"(?:\b(?:give|gimme|name|list|tell|recommend|suggest|show|share|write)(?: me| us)?|\bwhat (?:are|r)(?: some)?"
    r"|(?:^|[.!?]\s+)(?:the )?(?:top|best))"
    r"(?: like| about| around| at least| maybe| just| the| their| your| top| best)* (\d{1,2}|two|three|four|five|six"
    r"|seven|eight|nine|ten)(?: more| other| different| quick| short| good| great| fun| easy)*"
    r" (?!(?:am|pm|min|mins|minutes?|secs?|seconds?|hours?|days?|nights?|weeks?|months?|years?|stars?|percent"
    r"|bucks|dollars|pounds|euros|people|persons|of (?:them|those|these|you|us)|bedrooms?|beds?|seater|doors?"
    r"|course|times?|words?|sentences? long|pages? long"
    # (nor an order: "give me 2 tickets for the 7pm showing", "3 kg of apples")
    r"|tickets?|seats?|rooms?|copies|pieces?|slices?|bottles?|boxes|bags?|packs?|cans?|cups?|pizzas?|kg|kilos?|g"
    r"|grams?|lbs?|liters?|litres?|ml|oz|units?)\b)[a-z]")
_COUNT_CUE = re.compile("give|gimme|name|list|tell|recommend|suggest|show|share|write|what are|what r|top|best")
_COUNT_WORDS = {word: int(figure) for word, figure in COUNT_WORDS.items() if int(figure) <= 10}
# An answer that says it gives fewer, or none: "there are only two", "sorry, I can't".
_SAYS_FEWER = re.compile(r"\b(?:only|just) (?:\d+|one|two|three|four|a few|a couple)\b|\bthere (?:is|are) only\b"
                         r"|\bcan'?t\b|\bcannot\b|\bsorry\b|\bunable\b|\bnot sure\b|\bdon'?t know\b"
                         r"|\b(?:aren't|are not|isn't|is not|there's no|there are no) (?:any|real|such|that many)\b")
# The items of a list written on one line: "Sure: 1. Paris 2. Rome 3. Madrid", "Luna • Milo".
_INLINE_NUMBER = re.compile(r"(?:^|\s)\d{1,2}[.)]\s")
_SENTENCE_END = re.compile(r"(?<=[^\d\s][.!?])\s+")  # (not after a list's "1.")
_LIST_PARTS = re.compile(r",\s*(?:and\s+|or\s+)?|\s+(?:and|or|&)\s+|;\s*|\s+/\s+")
_QUOTED_TITLE = re.compile(r"[\"“‘'][A-Z][^\"”’'\n]{1,60}[\"”’']")


def fewer_than_asked(asked: str, answer: str) -> tuple[int, int] | None:
    """(the things asked for, the most the answer can be counted to give), where a
    (lower-cased) request asks for a number of things and the answer (as written, its lines
    kept) gives fewer, without saying it has no more: "name 5 countries that border
    germany" - "France, Poland and Austria.". The answer's things are counted the most
    generous way of its lines, its sentences, the parts of its longest list and its quoted
    titles: an answer that may have given them all is not read as short."""
    if _COUNT_CUE.search(asked) is None:
        return None  # (most messages, cheaply: every request _COUNT_ASKED reads holds one of these)
    m = _COUNT_ASKED.search(asked)
    if m is None:
        return None
    wanted = _COUNT_WORDS.get(m.group(1)) or int(m.group(1))
    if not 2 <= wanted <= 10 or _SAYS_FEWER.search(answer.lower()):
        return None
    lines = [line for line in answer.splitlines() if line.strip()]
    sentences = [s for s in _SENTENCE_END.split(answer.strip()) if s.strip()]
    given = max(len(lines), len(sentences), len(_QUOTED_TITLE.findall(answer)),
                max((len(_LIST_PARTS.split(s)) for s in sentences), default=0),
                len(_A_LIST_LINE.findall(answer)), len(_INLINE_NUMBER.findall(answer)),
                answer.count("•") + 1 if "•" in answer else 0)
    return (wanted, given) if given < wanted else None
