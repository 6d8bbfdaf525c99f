"""What an answer does against the request it answers: a task bot's slips, each read from
the message and the answer (and, where the request was made over more than one message,
the turn before and the session's values). A time outside the window asked, a price over
the budget, another day, route, value or kind of thing than asked, a limit of form broken
(:mod:`.request`, :mod:`.limits`), an option or a database call with a value the user did
not ask for, another result than the sum asked (:mod:`.sums`), found as ``ungrounded``; a
second request, a detail or a question asked with a booking left out, fewer things than
asked for, found as ``off_topic``.
"""

from __future__ import annotations

import re
from difflib import get_close_matches

from ..words import STOPWORDS, WORD, content_words, has_digit, heads
from .answer_phrases import GOES_TO_WORK
from .confidence import confidence
from .found import Found, quote
from .kinds import A_PLACE_FOR_A_TABLE, A_WEEKDAY, CUISINES, ONE_TO_TWELVE
from .limits import (
    another_day,
    another_route,
    breaks_the_form,
    details_left_out,
    fewer_than_asked,
    over_the_budget,
    said_in_other_words,
    second_request,
)
from .message import Message
from .phrases import SAYS_ONLY_YES, SENTENCE_BREAK
from .request import (
    ASKS_TO_CONFIRM,
    CONFIRMS,
    SessionValues,
    Value,
    another_value,
    offered_against,
    outside_the_window,
    values,
)
from .sums import agrees
from .turns import Turn


def against_the_request(turn: Turn, previous: Turn | None, at: int, session: SessionValues) -> list[Found]:
    """The first way the answer of ``turn`` (the ``at``-th of its session, after
    ``previous``) goes against its request: a value outside what was asked, or another one
    than asked or than the session told, another kind of thing, a limit of form broken, a
    second request, a detail or a question left out."""
    confirmed = []
    if turn.message.has_figure or (turn.reply.confirms and "day" in turn.asked):
        confirmed = _outside_what_was_asked(turn, previous) or (
            _confirms_another_value(turn, previous) if turn.reply.confirms else [])
    if not confirmed and ("day" in turn.asked or "from " in turn.asked
                          or (previous is not None and previous.reply.question_back is not None)):
        confirmed = _another_day_or_route(turn, previous)
    if not confirmed and at and turn.reply.confirms:
        confirmed = _confirms_another_than_told(turn, previous, at, session)
    if (not confirmed and previous is not None and turn.reply.confirms
            and ASKS_TO_CONFIRM.search(previous.answered) is not None):
        confirmed = _reports_otherwise_than_confirmed(turn, previous)
    if not confirmed and turn.answered.startswith("api call "):
        confirmed = _calls_with_what_was_not_asked(turn, at, session, turn.answered.split()[2:])
    if not confirmed and "option: resto " in turn.answered and (option := _OPTION.search(turn.answered)):
        place, _, food = option.groups()
        confirmed = _calls_with_what_was_not_asked(turn, at, session, list(option.groups()), option_of=(place, food))
    return (confirmed or _offered_against_the_request(turn) or _meat_for_a_vegetarian(turn)
            or _names_what_was_ruled_out(turn) or _told_back_in_another_unit(turn) or _breaks_the_form(turn)
            or _leaves_out_a_request(turn) or _leaves_out_a_detail(turn, previous) or _gives_fewer_than_asked(turn)
            or _books_past_the_question(turn)
            or _confirms_without_what_came_with_it(turn) or _confirms_a_change_without_it(turn)
            or _writes_without_what_to_mention(turn) or _leaves_the_second_question(turn)
            or _passes_over_the_booking(turn) or _passes_over_the_cancel(turn) or _books_another_count(turn))


# What a restaurant corpus' bot searches with (its "api_call italian paris four cheap", read
# "api call ..."): a price range and a party size the user names last, each of a few words;
# a cuisine and a place, any word the user said. The corpora write "R_cuisine" (read "r
# cuisine") where the user did not mind.
_PRICE_RANGES = ("cheap", "moderate", "expensive")
_PARTY_SIZES = {word: n for n, word in enumerate(("zero", *ONE_TO_TWELVE))} | {str(n): n for n in range(1, 13)}
# A party size as a request says it: "for six", "party of 4", "six people", "make it 2".
_PARTY = re.compile(r"(?<!looking )(?<!look )(?<!search )\b(?:(?:be )?for|party of|table of|make it|we (?:will|'ll) be"
                    r"|we are|we're|there (?:will|'ll) be|there are)\s+(\w+)\b(?!\s*(?:minutes?|mins?|hours?|seconds?|"
                    r"days?|nights?|weeks?|pm|am|o'clock|:\d))|\b(\w+)\s+(?:people|persons|guests|adults)\b")
# A price range said in other words ("inexpensive", "moderately priced"), and one that sets
# only a limit ("not too expensive", which a moderate or a cheap one meets).
_PRICE_WORDS = {"inexpensive": "cheap", "affordable": "cheap", "moderately": "moderate", "pricey": "expensive",
                "upscale": "expensive", "fancy": "expensive"}
_A_LIMIT_OF_PRICE = re.compile(r"\b(?:not|nothing|isn't|n't be) (?:too |that |so |very |overly |super )?"
                               r"(?:expensive|pricey|posh|fancy|cheap)\b(?: either)?")
# A party told in parts, which a search adds up: "two adults and two kids", "two of us plus six".
_PARTS_OF_A_PARTY = re.compile(rf"\b(?:plus|adults?|kids?|children|colleagues|partners|and (?:{'|'.join(ONE_TO_TWELVE)}"
                               r"|\d+))\b")
_SET_ASIDE = re.compile(r"\b(?:instead of|rather than|not|no longer)\s+(?:a |an |the )?\w+")
_NOT_A_VALUE = frozenset("r cuisine location price number area food pricerange dontcare any".split())  # noqa: SIM905


# An option such a bot proposes, named by its place, price and food: "what do you think of
# this option: resto_paris_moderate_french_2stars", read "resto paris moderate french_2stars".
_OPTION = re.compile(r"\boption: resto ([a-z]+) ([a-z]+) ([a-z]+)_\d+stars\b")


def _calls_with_what_was_not_asked(turn: Turn, at: int, session: SessionValues, searched: list[str],
                                   option_of: tuple[str, str] | None = None) -> list[Found]:
    """A database call, or an option proposed, with a value (of the ``searched``) the user
    did not ask for: "... in rome for four" - "api_call italian paris four cheap"; "for
    six" ... "instead could it be for four" ... "api_call british london six moderate"; a
    price range changed and not taken up; "vietnamese instead of korean" - "api_call korean
    ..."; "french restaurant in rome" - "what do you think of this option:
    resto_paris_moderate_french_2stars". (A place misspelt by the user, "lodnon", is the
    place they said.) ``option_of``: the place and the food of an option proposed, whose
    values are read by where they stand; without it, the values are a database call's."""
    said = session.said_by_user(at)
    heard = {word for text in said for word in WORD.findall(text)}
    does = "searches with" if option_of is None else "proposes an option with"
    for value in searched:
        if value in _NOT_A_VALUE:
            continue
        if value in _PRICE_RANGES:
            last = _last_of([" ".join(_PRICE_WORDS.get(word, word) for word in _A_LIMIT_OF_PRICE.sub(" ", text)
                                      .split()) for text in said], _PRICE_RANGES)
            if last is None:
                continue  # (a price nobody named, or one only limited: "not too expensive", "nothing fancy")
        elif value in _PARTY_SIZES:
            last = _last_of([text for text in said if _PARTS_OF_A_PARTY.search(text) is None], _PARTY_SIZES, _PARTY)
            if last is None or _PARTY_SIZES[last] == _PARTY_SIZES[value]:
                continue  # (a size said otherwise, "six of us", "just the one", is not read)
        elif value in heard or get_close_matches(value, heard, n=1, cutoff=0.8):
            if not _set_aside_last(value, said):
                continue
            return [_against_the_request(turn, f"{does} a value the user set aside (“{value}”)", "", value)]
        elif option_of is None:
            last = None
        else:
            # (An option is read against another food or place the user named: a session that
            # opens on the options, its request before them, says nothing of what was asked.)
            last = _last_of(said, CUISINES) if value == option_of[1] else _place_told(said)
            if last is None:
                continue
        if last != value:
            says = (f"{does} another value than the user's last (“{value}”, asked “{last}”)" if last
                    else f"{does} a value the user did not say (“{value}”)")
            return [_against_the_request(turn, says, last or "", value)]
    return []


def _place_told(said: list[str]) -> str | None:
    """The last place the user's messages ``said`` name for a table: "french restaurant in rome"."""
    for text in reversed(said):
        places = A_PLACE_FOR_A_TABLE.findall(text)
        if places:
            return places[-1]
    return None


def _set_aside_last(value: str, said: list[str]) -> bool:
    """Whether the last of the user's messages ``said`` that names ``value`` names it only to
    set it aside: "hmm actually vietnamese instead of korean"."""
    for text in reversed(said):
        if value in WORD.findall(text):
            aside = {m.group(0).split()[-1] for m in _SET_ASIDE.finditer(text)}
            return value in aside and value not in WORD.findall(_SET_ASIDE.sub(" ", text))
    return False


def _last_of(texts: list[str], values, placed: re.Pattern | None = None) -> str | None:
    """The last of ``values`` (words) the ``texts`` say, in order, but for one they set aside
    ("cheap instead of moderate", "four not six"); where ``placed`` is given, only one the
    pattern places ("for six", not "two minutes ago")."""
    for text in reversed(texts):
        text = _SET_ASIDE.sub(" ", text)
        words = ([m.group(1) or m.group(2) for m in placed.finditer(text)] if placed is not None
                 else WORD.findall(text))
        named = [word for word in words if word in values]
        if named:
            return named[-1]
    return None


# What a report may add to the price it asked to confirm: "Total with taxes and fees".
_MORE_THAN_THE_PRICE = re.compile(r"\b(?:fees?|tax(?:es)?|total|plus|including|incl|deposit|tip|service charge"
                                  r"|free (?:delivery|shipping)|save|saved|discount|minimum)\b"
                                  r"|\b(?:over|under|above|below) [$€£]")
_A_RATE_OR_A_THRESHOLD = re.compile(r"\b(?:per|each|apiece|a head|or more|or fewer|at least|up to|over|under)\b")
_REPORTED_UNITS = ("clock", "people", "night", "day of the month", "money")


def _reports_otherwise_than_confirmed(turn: Turn, previous: Turn) -> list[Found]:
    """A report of what was done, after a yes to what the bot asked to confirm, with another
    value in a unit the confirmation gave, in a sentence of the thing confirmed: "Please
    confirm: move it to Friday at 3:30 pm?" - "yes" - "Done. Your dentist appointment is now
    Thursday at 3:30 pm."; "request $25" - "Requested $35"; "4 tickets" - "Your tickets are
    purchased. The total is $67.96 for 3 tickets.". (Not a sentence of something
    else, "I'll send you a reminder on Thursday", "Your next class is Thursday"; nor a total
    with taxes and fees, or a threshold: "free delivery over $50".)"""
    asking = ASKS_TO_CONFIRM.search(previous.answered)
    if asking is None or SAYS_ONLY_YES.match(turn.asked) is None:
        return []
    # (the details follow "please confirm:" and come before "is this correct?")
    details = (previous.answered[asking.end():] if asking.group(0).endswith("confirm")
               else previous.answered[:asking.start()])
    confirmed, days = values(details), set(A_WEEKDAY.findall(details))
    # (A sentence after the one that says it was done goes on of it, "The total is...", but
    # for a rate or a threshold: "That's $16.99 per ticket", "...for 8 or more guests".)
    reporting = False
    for sentence in SENTENCE_BREAK.split(turn.answered):
        if (_OF_SOMETHING_ELSE.search(sentence) or previous.answer_words.isdisjoint(content_words(sentence))
                or (CONFIRMS.search(sentence) is None and _OF_THE_THING_DONE.search(sentence) is None
                    and not (reporting and _A_RATE_OR_A_THRESHOLD.search(sentence) is None))):
            continue  # (a sentence of the thing done: not "It lands in New York at 11:10 am")
        reporting = True
        reported = set(A_WEEKDAY.findall(sentence))
        if days and reported and days.isdisjoint(reported):  # (a day however placed: "..., Friday at 5:25")
            return [_against_the_request(turn, f"reports another day than it asked to confirm ({min(reported)} "
                                               f"where it asked to confirm {min(days)})", min(days), min(reported))]
        given_values = values(sentence)
        for unit in _REPORTED_UNITS:
            if unit == "money" and _MORE_THAN_THE_PRICE.search(sentence):
                continue
            asked = [v for v in confirmed if _unit_of(v) == unit]
            given = [v for v in given_values if _unit_of(v) == unit]
            readings = set().union(*(v.readings() for v in asked)) if asked else set()
            if asked and given and all(readings.isdisjoint(v.readings()) for v in given):
                return [_against_the_request(turn, f"reports another value than it asked to confirm ({given[0].value}"
                                                   f" where it asked to confirm {asked[0].said()})",
                                             asked[0].value, given[0].value)]
    return []


def _unit_of(value: Value) -> str | None:
    """The unit a report's value is compared in: a party is "4 people" or "a table for 4"."""
    if value.unit is None and value.before == "for" and value.value.isdigit() and int(value.value) <= 20:
        return "people"
    return value.unit


# What a confirmation's values are not of, in a sentence of a report: another thing than the
# one asked ("I've also booked a taxi", "the kitchen closes at 10 pm", "Doors open at 7 pm",
# "it ends around 9 pm")...
_OTHER_THINGS = (r"also|too|as well|opens|closes|doors open|gates|happy hour|runs|kitchen|deadline|until|ends"
                 r"|finishes")
_ANOTHER_THING = re.compile(rf"\b(?:{_OTHER_THINGS})\b")
# ...or, of the thing done, another time than its own: a reminder, the next one, a landing.
_OF_SOMETHING_ELSE = re.compile(rf"\b(?:{_OTHER_THINGS}|next (?:\w+ )?(?:class|one|session|appointment|time|week|slot)"
                                r"|reminder|remind|lands|boarding|arrive|seating|balance|early)\b")
# ...and a sentence of the thing done, with no word that it was done: "Your appointment is now
# Thursday", "Check-in is Saturday from 3 pm".
_OF_THE_THING_DONE = re.compile(r"\b(?:your|the) (?:\w+ )?(?:appointment|booking|reservation|table|train|flight|"
                                r"ticket|tickets|transfer|order|ride|taxi|car|room|stay|check-?in|pickup|pick-up)\b"
                                r"|\bcheck-?in is\b|\b(?:it|they|the \w+) (?:departs|leaves|starts|begins)\b"
                                r"|\bpick-?up is\b")


# A thing a request asks to have with what it books, of the things a booking adds: "ok ouigo
# with a suitcase", "a table for 2 with a high chair" (not "with a friend", "with a credit
# card", "with a short layover", which a confirmation says otherwise or not at all).
_WITH_A_THING = re.compile(r"\bwith (?:a|an|one|two|three|an extra|extra)\s+(?:large |small |big |second )?"
                           r"(suitcase|bag|luggage|bike|bicycle|pet|dog|cat|high ?chair|booster seat|car seat"
                           r"|child seat|cot|crib|extra bed|wheelchair|stroller|pram|buggy|breakfast|parking space"
                           r"|window seat|aisle seat|surfboard|skis|snowboard)\b")


def _confirms_without_what_came_with_it(turn: Turn) -> list[Found]:
    """A confirmation asked for, of a request to book with a thing, that leaves the thing
    out: "ok ouigo with a suitcase. 1 person" - "Please confirm: 1 second-class ticket on
    the OUIGO ... €25."."""
    if "with" not in turn.asked or ASKS_TO_CONFIRM.search(turn.answered) is None:
        return []
    thing = _WITH_A_THING.search(turn.asked)
    if thing is None or not content_words(thing.group(1)) or content_words(thing.group(1)) <= turn.answer_words:
        return []
    return [_left_out(turn, f"the confirmation leaves out what the request asked with it (“{thing.group(0)}”)")]


def _confirms_a_change_without_it(turn: Turn) -> list[Found]:
    """A change asked to a named value, or to a day, confirmed without it: "could you change
    the destination to the Museum of Zoology?" - "Done. The taxi will ... take you to the
    Cambridge Museum of Technology.", "can we move it to friday instead" - "Done! Your table
    is for 2 at 7pm." (not "Done, changed to the Museum of Zoology.", nor an answer that
    says it cannot, nor a change to a kind of thing, which an answer gives by its name:
    "switch me to an aisle seat" - "I've moved you to seat 20C", "switch to the unlimited
    max plan from next month" - "your line moves to Unlimited Max from your next bill")."""
    asked = turn.asked
    if "to " not in asked or not ("chang" in asked or "switch" in asked or "move" in asked or "updat" in asked
                                  or "amend" in asked):
        return []  # (nearly every message, cheaply)
    if not (turn.reply.confirms or _SAYS_DONE.match(turn.answered)):
        return []
    question = turn.question
    change = _CHANGE_TO.search(question.lower())
    if change is None or turn.reply.could_not_help:
        return []
    value = question[change.start(1):change.end(1)]
    days = set(A_WEEKDAY.findall(value.lower()))
    if days:
        missing = heads(days) - heads(turn.answer_words)  # ("thurs" of "thursday")
    else:
        # (The words of the name, each in some form: "Ulimited Lite" is "Unlimited Lite".)
        named = [word.lower() for word in _NAME_WORD.findall(value)]
        missing = {word for word in named if word not in _COURTESY
                   and not get_close_matches(word, turn.answer_words, n=1, cutoff=0.75)}
    if not missing:
        return []
    return [_against_the_request(turn, f"confirms a change without the value asked (“{value.strip()}”)",
                                 value.strip(), "")]


# The words of a value named as a name is, with capitals: "the Museum of Zoology" (not "an
# aisle seat", a kind of thing, which an answer gives by its name: "seat 20C").
_NAME_WORD = re.compile(r"\b[A-Z][a-z]{2,}\b")
_COURTESY = frozenset({"thank", "thanks", "please", "plase", "pls", "cheers", "sorry"})


# A change asked for: "could you change the destination to the Museum of Zoology?", "can we
# move it to Friday instead", "switch the booking to 4 people please" (not "I'd like to change
# my mind", nor "go to the museum", nor "change my password to something stronger").
_CHANGE_TO = re.compile(r"\b(?:change|switch|move|update|amend)\s+(?:(?:it|that|this|the|my|our)\s+)?"
                        r"(?:[a-z]+\s+){0,2}?(?:to|for)\s+(?:the\s+)?"
                        r"(?!(?:something|anything|another|a new|a different|whatever|one|an? (?:earlier|later))\b)"
                        r"([^.?!,;]+?)(?:\s+(?:instead|please|then|rather than)\b[^.?!,;]*)?\s*(?:[.?!,;]|$)")
_SAYS_DONE = re.compile(r"\W*(?:done|all done|sorted|all set|updated|changed)\b")


def _writes_without_what_to_mention(turn: Turn) -> list[Found]:
    """A text asked to be written (a message, an email, a toast...) answered without one, or
    without what it was asked to mention: "help me write a text to my roommate abt the
    dishes" - "A week of dishes sounds so frustrating!"; "write a short birthday message for
    my brother tom, and mention his dog rufus pls" - "happy birthday! hope you have a great
    day." (Not an answer that asks first, or says it cannot.)"""
    asked = turn.asked
    if not ("writ" in asked or "draft" in asked or "compose" in asked):
        return []  # (nearly every message, cheaply)
    if "?" in turn.answered or turn.reply.could_not_help or _ASKS_TO_WRITE.search(asked) is None:
        return []
    if (_A_TEXT_WRITTEN.search(turn.answer) is None and len(turn.answered.split()) <= _A_TEXT_WORDS
            and _JUDGES_THE_MATTER.search(turn.answered) is not None):
        return [_left_out(turn, "a text asked to be written, answered without one")]
    mention = _TO_MENTION.search(asked)
    wanted = content_words(mention.group(1)) if mention is not None else frozenset()
    if not wanted or not heads(wanted).isdisjoint(heads(turn.answer_words)):
        return []
    return [_left_out(turn, f"the text written leaves out what it was asked to mention (“{mention.group(1)}”)")]


# A text asked to be written: "can u help me write a text to my roommate", "write a short
# birthday message for my brother", "draft me an email to my landlord" (not "i write emails
# all day", nor "how do i write a cover letter?", which asks how).
_ASKS_TO_WRITE = re.compile(r"(?:^|[,.!?;]\s*|\b(?:can|could|would|will) (?:you|u) (?:help me |please )?|\bhelp me "
                            r"|\bpls |\bplease )(?:write|draft|compose)(?: me| us| up)?(?: a| an| the| my| some)?"
                            r"(?: [a-z]+){0,3}? (?:text|message|msg|email|e-mail|note|letter|card|poem|toast|speech"
                            r"|caption|bio|post|tweet|reply|response|haiku|limerick|wish|greeting)s?\b")
# ...what a text written looks like: quoted, set after a colon or on lines of its own, or
# opening on a greeting ("Hey Sam, ...", "Happy birthday!").
_A_TEXT_WRITTEN = re.compile(r"[\"“”]|(?:^|\s)['‘]\w|:\s|\n|^\W*(?:hey|hi|hello|dear|happy|congrat\w*|to)\b")
_A_TEXT_WORDS = 25  # an answer this long may be the text itself, unquoted
# An answer that says how the matter is, in place of the text: "A week of dishes sounds so
# frustrating!", "ugh, that's the worst" (not a poem: "The sea is wide, the sea is deep").
_JUDGES_THE_MATTER = re.compile(r"\b(?:sounds|must be|frustrating|annoying|the worst|ugh|sorry to hear|i get it"
                                r"|i hear you|that's (?:so |really )?(?:rough|hard|tough|annoying|frustrating|sweet"
                                r"|lovely))\b")
# ...and what it was asked to mention: "and mention his dog rufus pls", "include the date".
_TO_MENTION = re.compile(r"\b(?:mention|include|say something about)\s+(?:(?:his|her|my|the|their|our|a|an|that)\s+)?"
                         r"([a-z' ]{2,40}?)(?=\s*(?:[,.!?;]|$|\bpls\b|\bplease\b|\band\b|\btoo\b))")


def _leaves_the_second_question(turn: Turn) -> list[Found]:
    """A message that asks two things, the second for a yes or a no ("How much does it cost,
    and do we need to book ahead?"), answered on the first alone: no word of the second,
    no yes, no no ("A punt tour usually costs around 20 to 30 pounds per adult.")."""
    asked = turn.asked
    if " and " not in asked or not asked.rstrip().endswith("?"):
        return []  # (nearly every message, cheaply)
    two = _TWO_QUESTIONS.match(asked)
    if two is None or "?" in turn.answered or turn.reply.could_not_help:
        return []
    second = two.group(1)
    if not heads(content_words(second) - _SAYS_NOTHING_OF_IT).isdisjoint(heads(turn.answer_words)):
        return []
    if _SAYS_YES_OR_NO.search(turn.answered):
        return []
    return [_left_out(turn, f"the answer leaves out the second question (“{second}”)")]


# Two questions in one message, the second for a yes or a no: "how much does it cost, and do
# we need to book ahead?", "what time does it open and is there parking?"
_TWO_QUESTIONS = re.compile(r"(?:.*\b(?:what|how|when|where|which|who)\b[^?]{3,80}?),? and ((?:do|does|is|are|can|could"
                            r"|should|will|would|did) (?:we|i|you|it|they|there)\b[^?]{3,60})\?\s*$")
_SAYS_NOTHING_OF_IT = content_words("need want get have go do make take be")
_SAYS_YES_OR_NO = re.compile(r"\b(?:yes|yeah|yep|no|nope|not|you do|you'll need|no need|necessary|recommend\w*|advis\w*"
                             r"|wise|should|must|there is|there are|there's|it is|it does|they do|they are)\b")


def _passes_over_the_booking(turn: Turn) -> list[Found]:
    """A booking asked for with its party and its time or day ("Cote, please. Four people at
    19:45.", "Please book it for three people on Saturday the 14th."), or with its party in so
    many words ("Great, can you book 3 tickets please?"), answered with neither the booking,
    nor a question, nor a word that it cannot, nor any of its values: "Yes, the punts leave
    every 30 minutes."."""
    asked = turn.asked
    says_book = "book" in asked or "reserve" in asked
    if not ("people" in asked or "person" in asked or "for " in asked or "of us" in asked or "guests" in asked
            or "adults" in asked or "tickets" in asked) or (not says_book and not has_digit(asked)):
        return []  # (nearly every message, cheaply: without "book", only a time of day, in figures, makes it one)
    time = _A_TIME_ASKED.search(asked)
    # (Without "book", a time of day makes it a booking; a day alone does not: "I'm hosting 6
    # people on Saturday".)
    if (not says_book and (time is None or not time.group(0)[0].isdigit())) or _A_PARTY_ASKED.search(asked) is None:
        return []
    answered = turn.answered
    if (turn.reply.confirms or "?" in answered or turn.reply.could_not_help or _OF_A_BOOKING.search(answered)
            or GOES_TO_WORK.match(answered) or (time is not None and time.group(0) in answered)):
        return []  # (nor "i'm on it")
    return [_left_out(turn, "a booking asked for, answered with neither it nor a question")]


_A_TIME_ASKED = re.compile(r"\b\d{1,2}[:.]\d\d\b|\b\d{1,2} ?(?:am|pm)\b|\b(?:mon|tues|wednes|thurs|fri|satur|sun)day\b"
                           r"|\bthe \d{1,2}(?:st|nd|rd|th)\b")
_A_PARTY_ASKED = re.compile(rf"\b(?:\d{{1,2}}|{'|'.join(ONE_TO_TWELVE)}) "
                            r"(?:people|persons|guests|adults|of us|tickets)\b"
                            rf"|\b(?:table|party|booking) for (?:\d{{1,2}}|{'|'.join(ONE_TO_TWELVE)})\b")
# ...and an answer of the booking, or of why not: "booked", "no tables left", "fully booked".
_OF_A_BOOKING = re.compile(r"\b(?:book\w*|reserv\w*|table|tables|room|rooms|sorry|unfortunately|unavailable|full"
                           r"|afraid|confirm\w*|reference|availab\w*|let me check)\b")


def _passes_over_the_cancel(turn: Turn) -> list[Found]:
    """A cancel asked for outright ("Sorry about that! Can you cancel the tour?") answered
    with no word of cancelling, no question and no word that it cannot: "Then you'd have
    time for the tour, which finishes at 15:30." (Not a cancel asked on a condition: "and
    cancel the first booking if you find one".)"""
    asked = turn.asked
    if "cancel" not in asked or _CANCEL_ASKED.search(asked) is None or " if " in asked:
        return []
    answered = turn.answered
    if ("cancel" in answered or "?" in answered or turn.reply.could_not_help or _OF_A_BOOKING.search(answered)
            or SAYS_ONLY_YES.match(answered)):  # (an "ok ." takes it)
        return []
    if _DONE_AWAY.search(answered) and not heads(turn.words).isdisjoint(heads(turn.answer_words)):
        return []  # (done in other words: "cancel the dentist thing" - "I've removed your dentist appointment")
    return [_left_out(turn, "a cancel asked for, answered with neither it nor a question")]


_DONE_AWAY = re.compile(r"\b(?:removed|deleted|called off|cleared|terminated|ended|stopped|done)\b")
_CANCEL_ASKED = re.compile(r"\b(?:(?:can|could|would|will) (?:you|u) (?:please |just )?|please |pls )cancel\b"
                           r"|(?:^|[.!,;]\s*)(?:just )?cancel (?:it|that|them|this|my|the|our)\b")


def _books_another_count(turn: Turn) -> list[Found]:
    """A booking confirmed for another count than the message told in its own words: a party
    told in parts ("for 2 adults and 2 children" - "Booked a table for 2"), or one night
    ("for one person, Sunday night only" - "1 person, 3 nights from Sunday")."""
    asked = turn.asked
    if not turn.reply.confirms or ("adult" not in asked and "night" not in asked):
        return []  # (nearly every message, cheaply)
    answered = turn.answered
    parts = _A_PARTY_IN_PARTS.search(asked)
    if parts is not None:
        party = _count(parts.group(1)) + _count(parts.group(2))
        booked = [_count(m.group(1) or m.group(2)) for m in _A_PARTY_BOOKED.finditer(answered)]
        if booked and party not in booked:
            return [_against_the_request(turn, f"confirms a party of {booked[0]} where the user asked for {party}",
                                         str(party), str(booked[0]))]
    if _ONE_NIGHT.search(asked) is not None:
        nights = _NIGHTS_BOOKED.search(answered)
        if nights is not None and _count(nights.group(1)) > 1:
            return [_against_the_request(turn, f"confirms {nights.group(0)} where the user asked for one night",
                                         "1 night", nights.group(0))]
    return []


def _count(said: str) -> int:
    """A count of :data:`_A_COUNT` as a number: "18", "three"."""
    return int(said) if said.isdigit() else _PARTY_SIZES[said]


_A_COUNT = rf"(\d{{1,2}}|{'|'.join(ONE_TO_TWELVE)})"
_A_PARTY_IN_PARTS = re.compile(rf"\b{_A_COUNT} adults? and {_A_COUNT} (?:children|kids|child|teenagers)\b")
_A_PARTY_BOOKED = re.compile(rf"\b(?:table|booking|reservation) for {_A_COUNT}\b(?! (?:nights?|days?|hours?|pm|am)\b)"
                             rf"|\b{_A_COUNT} (?:people|persons|guests)\b")
_ONE_NIGHT = re.compile(r"\b(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day|one|1|a single) night only\b"
                        r"|\bfor (?:one|1|a single) night\b|\bjust (?:the )?(?:one|1) night\b")
_NIGHTS_BOOKED = re.compile(rf"\b{_A_COUNT} nights\b")


def _left_out(turn: Turn, says: str) -> Found:
    """An answer that leaves out part of what was asked: ``says`` what, with the answer
    quoted and the message as evidence."""
    return Found(turn.pk, "off_topic", confidence("off_topic", "left_out"), f"{says}: {quote(turn.answer, 70)}",
                 evidence={"question": turn.question[:300]})


def _outside_what_was_asked(turn: Turn, previous: Turn | None) -> list[Found]:
    """An answer that offers a time outside the window the request set (:mod:`.request`):
    "a train to Ely, leaving after 14:00" - "TR4410 leaves Cambridge at 13:35"; or the
    window the user gave to the bot's question ("What time would you like to leave?" -
    "After 10:00 please." - "TR2000 leaves at 08:11"); or a price over the budget it set
    (:mod:`.limits`: "any dinner spot under £60 for two?" - "Expect around £150-180 for two")."""
    asked = turn.asked
    question = previous.reply.question_back if previous is not None else None
    if question is not None and (going := _LEAVES_OR_ARRIVES.search(question)) is not None:
        asked = f"{going.group(0)} {asked}"
    found = outside_the_window(asked, turn.answered)
    if found is not None:
        window, offered = (part.strip() for part in found)
        return [_against_the_request(turn, f"offers a time outside the window asked (“{window}”)", window, offered)]
    found = over_the_budget(turn.asked, turn.answered)
    if found is not None:
        budget, offered = (part.strip() for part in found)
        return [_against_the_request(turn, f"offers a price over the budget asked (“{budget}”)", budget, offered)]
    return []


def _another_day_or_route(turn: Turn, previous: Turn | None) -> list[Found]:
    """A journey offered or booked on another day than the request named ("flying out on
    Sunday" - "TR3212 ... on Saturday"), or the other way round, or from another place
    ("from la tasca to the adc theatre" - "from Efes to the ADC Theatre"): :mod:`.limits`.
    The request may be the message before the bot's question that this one answers ("...
    from London Liverpool Street on Friday." - "What time?" - "after 16:00")."""
    asked = turn.asked
    if previous is not None and previous.reply.question_back is not None and "day" not in asked:
        asked = f"{previous.asked}. {asked}"
    day = another_day(asked, turn.answered)
    if day is not None:
        return [_against_the_request(turn, f"offers another day than asked ({day[1]} where the user asked for "
                                           f"{day[0]})", *day)]
    route = another_route(turn.asked, turn.answered)
    if route is not None:
        asked, booked, how = route
        return [_against_the_request(turn, f"runs the journey {how} (“{booked}” where the user asked “{asked}”)",
                                     asked, booked)]
    return []


def _meat_for_a_vegetarian(turn: Turn) -> list[Found]:
    """Meat or fish suggested for someone the message says is vegetarian or vegan: "my
    roommate is vegetarian , can i make her a version" - "sure ! just make the same dish with
    the chicken .", "i'm vegan, what should i cook?" - "How about a beef stir fry?". Not
    meat swapped out ("swap the chicken for chickpeas", "tofu instead of chicken"), nor
    for a message that eats meat too ("he's vegetarian but i eat meat") or no longer
    abstains ("i used to be vegan")."""
    asked = turn.asked
    if ("veg" not in asked or _VEGETARIAN.search(asked) is None or _NO_LONGER_VEGETARIAN.search(asked)
            or _A_MEAT.search(asked)):
        return []
    for sentence in re.split(r"(?<=[.!?])\s+", turn.answer):
        offered = _SUGGESTS_MEAT.search(sentence)
        if offered and _SWAPPED.search(sentence.lower()) is None:
            meat = offered.group(1)
            return [_against_the_request(turn, f"suggests {meat} for a vegetarian", "vegetarian", meat)]
    return []


_VEGETARIAN = re.compile(r"\b(?:vegetarian|vegan|veggie)s?\b")
_NO_LONGER_VEGETARIAN = re.compile(r"\b(?:used to be|was|were|not|isn't|aren't|no longer|stopped being|quit being)"
                                   r" (?:a )?(?:vegetarian|vegan)\b|\bvegetarian options\b")
_MEATS = (r"chicken|beef|pork|bacon|ham|steak|sausages?|turkey|lamb|tuna|salmon|shrimps?|prawns?|meat|meatballs"
          r"|pepperoni|anchovies|mince|fish|duck|cod|crab")
_A_MEAT = re.compile(rf"\b(?:{_MEATS})\b", re.IGNORECASE)
# ...offered by a suggestion, in lower case (not "the Lamb and Flag", a pub): "just make the
# same dish with the chicken", "How about a beef stir fry?", "try a chicken pot pie".
_SUGGESTS_MEAT = re.compile(
    r"\b(?i:how about|what about|try|you could (?:make|try|use|add|cook|do)|just (?:make|use|add|cook|get)"
    r"|go for|order|(?:i'd|i would|i) (?:suggest|recommend)|nothing beats|you (?:should|gotta|must) (?:try|have|eat))\b"
    rf"(?:[^.!?,;]{{0,40}}?\b(?i:with|a|an|the|some|my|your)\b)?(?:\s+[a-z-]+){{0,2}}?\s+({_MEATS})\b")
# ...that swaps it out: "swap the chicken for chickpeas", "tofu instead of chicken", "no ham".
_SWAPPED = re.compile(r"\b(?:instead|swap|replace|substitutes?|sub|skip|leave out|leave the|without|no|rather than"
                      r"|free|less|meatless|plant|fake|vegan|vegetarian|veggie|tofu|seitan|tempeh|beyond|avoid"
                      r"|watch out|check|careful|made with|alternatives?)\b")


def _names_what_was_ruled_out(turn: Turn) -> list[Found]:
    """A suggestion asked for with something ruled out, answered by naming it: "what song
    should we do for first dance, something old school, not ed sheeran pls" - "\"Perfect\"
    by Ed Sheeran is the most popular". Not where the answer names it to set it aside
    ("nothing like ed sheeran"), nor "no thanks", "not really". Only a name of two words or
    more is read: "no meat please" - "a great meat substitute" names meat to set it aside."""
    asked = turn.asked
    if not ("not " in asked or "no " in asked or "except " in asked or "without " in asked):
        return []
    if not turn.message.asks_for_advice:
        return []  # (nor "not toronto?", "no seafood?": surprise, which a fact answers)
    answered = turn.answered
    for ruled_out in _RULED_OUT.finditer(asked):
        thing = ruled_out.group(1)
        if len(thing.split()) < 2 or thing.split()[0] in STOPWORDS or not content_words(thing):
            continue  # (a name of two words or more: "ed sheeran"; "no meat" may be named to set it aside)
        named = re.compile(rf"\b{re.escape(thing)}\b(?![-\s]?free\b)")
        for sentence in SENTENCE_BREAK.split(answered):
            if named.search(sentence) and _SETS_IT_ASIDE.search(sentence) is None:
                return [_against_the_request(turn, f"suggests {thing}, which the request ruled out", f"not {thing}",
                                             thing)]
    return []


# What a request rules out, at the end of its clause: "..., not ed sheeran pls", "no seafood
# please.", "anything but horror", "without nuts".
_RULED_OUT = re.compile(r"(?:^|[,.;:!?]\s*|\b(?:but|and|just|only)\s+)(?:not|no|anything but|nothing by|except|without"
                        r"|other than)\s+([a-z][a-z' ]{2,30}?)\s*(?:\b(?:pls|please|plz|thanks|tho|though|lol)\b)?"
                        r"\s*(?:[,.;:!]|$)")
# ...and an answer's sentence that names it to set it aside: "skip the onions", "not ed sheeran".
_SETS_IT_ASIDE = re.compile(r"\b(?:not|no|nothing|n't|never|without|instead|skip|avoid|except|besides|other than"
                            r"|rather than|leave out|swap|replace|free|less|alternative|unlike|apart from)\b")


def _told_back_in_another_unit(turn: Turn) -> list[Found]:
    """A figure the user gave told back with another unit of its kind: "pike , 14 pounds" -
    "wow , a 14 ounce pike !", "we drove 300 miles" - "300 kilometres is a long way!"."""
    asked = turn.asked
    if "?" in asked or not any(c.isdigit() for c in asked):
        return []  # (nor a figure doubted: "20 minutes?? it would be a brick")
    told: dict[tuple[str, str], set[str]] = {}  # (figure, kind): the units the user gave it in
    for figure, unit in _A_MEASURE.findall(asked):
        told.setdefault((figure, _UNIT_KINDS[unit]), set()).add(unit)
    if not told:
        return []
    for sentence in SENTENCE_BREAK.split(turn.answered):
        if _OF_ITS_OWN.search(sentence):
            continue  # (the bot's own: "i walk 3 km a day myself")
        for figure, unit in _A_MEASURE.findall(sentence):
            given = told.get((figure, _UNIT_KINDS[unit]), set())
            if given and _UNIT_NAMES[unit] not in {_UNIT_NAMES[g] for g in given}:
                said = f"{figure} {min(given)}"
                return [_against_the_request(turn, f"tells {said} back as {figure} {unit}", said, f"{figure} {unit}")]
    return []


# A sentence of the bot's own doings: "i walk 3 km a day myself", "i need 6 days of vacation".
_OF_ITS_OWN = re.compile(r"\b(?:i|i'm|im|i've|my|me|myself|we|our)\b")


# Units of one kind each, in the forms people write them, with the name each form is of.
_UNITS = {
    "weight": {"pound": "pounds lbs lb pound", "ounce": "ounces oz ounce",
               "kilo": "kilos kg kgs kilograms kilogram kilo", "gram": "grams g gram", "stone": "stone stones",
               "ton": "tons tonnes ton tonne"},
    "length": {"mile": "miles mile mi", "kilometre": "km kms kilometres kilometers kilometre kilometer k",
               "metre": "metres meters metre meter m", "foot": "feet foot ft", "inch": "inches inch in",
               "yard": "yards yard yds"},
    "time": {"second": "seconds second secs sec", "minute": "minutes minute mins min", "hour": "hours hour hrs hr",
             "day": "days day", "week": "weeks week wks", "month": "months month", "year": "years year yrs yr"},
}
_UNIT_KINDS = {form: kind for kind, units in _UNITS.items() for forms in units.values() for form in forms.split()}
_UNIT_NAMES = {form: name for units in _UNITS.values() for name, forms in units.items() for form in forms.split()}
# (not "in", "m" or "k" where they are words of their own: "14 in the morning", "a 5 k run" is read)
_A_MEASURE = re.compile(r"\b(\d+(?:\.\d+)?) ?(" + "|".join(sorted(
    (form for form in _UNIT_KINDS if form not in {"in", "m", "g", "k", "mi"}), key=len, reverse=True)) + r")\b"
    r"(?![ -]olds?\b)")  # (an age is no measure: "my 3 year old")


def _breaks_the_form(turn: Turn) -> list[Found]:
    """An answer that breaks a limit the request set on its form (:func:`.limits.breaks_the_form`):
    "a short cover note, 50 words max" answered in 80 words; "no bullet points, he hates
    that" answered with a list."""
    found = breaks_the_form(turn.asked, turn.answer)
    if found is None:
        return []
    limit, given = found
    return [_against_the_request(turn, f"breaks the limit asked (“{limit}”), with {given}", limit, given)]


def _offered_against_the_request(turn: Turn) -> list[Found]:
    """An answer that offers another kind of thing than the request asked for by name
    (:func:`.request.offered_against`): "a cheap Italian restaurant in the centre" - "Curry
    Prince is a great Indian restaurant in the east."."""
    against = offered_against(turn.asked, turn.answered)
    if against is None:
        return []
    kind, asked, offered = against
    return [_against_the_request(turn, f"offers another {kind} than asked ({offered} where the user asked for "
                                       f"{asked})", asked, offered)]


_LEAVES_OR_ARRIVES = re.compile(r"\b(?:leave|depart|arrive)\b")  # what a bot's "what time...?" asks


def _confirms_another_value(turn: Turn, previous: Turn | None) -> list[Found]:
    """A confirmation that gives another value than the request's (:mod:`.request`):
    "wake me up in 20 minutes" - "Done! Alarm set for 45 minutes.", "a taxi to the station
    on saturday" - "Your taxi... on Sunday at 09:00 is booked"."""
    if not turn.message.asks or turn.message.closing:
        return []
    found = another_value(turn.asked, turn.answered, previous.answered if previous is not None else "")
    return _confirmed_instead(turn, found, "another value than asked")


def _ahead_of_a_deadline(turn: Turn, asked: Value, given: Value) -> bool:
    """Whether the time given is one to arrive by, ahead of a time the message says a thing
    happens at: "But the train leaves at 10:36. We would miss it!" - "...so that it arrives
    at the station by 10:15"."""
    if _A_THING_AT.search(turn.asked) is None or _ARRIVES_BY.search(turn.answered) is None:
        return False
    return _minutes(given.value) is not None and _minutes(asked.value) is not None and (
        _minutes(given.value) < _minutes(asked.value))


def _minutes(value: str) -> int | None:
    hours, _, minutes = value.partition(":")
    return int(hours) * 60 + int(minutes or 0) if hours.isdigit() and (minutes or "0").isdigit() else None


# A time the message says something happens at, which a taxi or a train must come before.
_A_THING_AT = re.compile(r"\b(?:(?:leaves|departs|starts|begins|opens|closes|boards)(?: at)?|is at) "
                         r"(?:\d{1,2}[:.]\d{2}|\d{1,2} ?[ap]m)\b|\b(?:miss it|too late|in time)\b")
_ARRIVES_BY = re.compile(r"\b(?:arrive|arrives|arriving|arrival|get you there|be there) (?:\w+ ){0,4}?(?:by|before)\b")


def _confirms_another_than_told(turn: Turn, previous: Turn | None, at: int, session: SessionValues) -> list[Found]:
    """A confirmation that gives a value nobody said in the session before, where the user
    asked for another in its unit (:mod:`.request`): "3 nights from friday" ... "yes please,
    for 2 people" - "Booked! 4 nights from Friday". (Not in a sentence of something else:
    "I've also booked a taxi for 6:30 pm"; nor a reminder asked for "the night before", at a
    time the bot chose: "I've added a reminder for Saturday at 8 pm".)"""
    placed = any(_PLACED_BEFORE.search(t.asked) for t in (previous, turn) if t is not None)
    answered = " ".join(s for s in SENTENCE_BREAK.split(turn.answered)
                        if _ANOTHER_THING.search(s) is None and not (placed and "remind" in s))
    return _confirmed_instead(turn, session.another_than_told(at, answered), "a value nobody said")


# A reminder placed by the thing it is for: "remind me the night before", "the morning of".
_PLACED_BEFORE = re.compile(r"\bthe (?:night|evening|day|morning|week) (?:before|of)\b")


def _confirmed_instead(turn: Turn, found: tuple[Value, Value] | None, what: str) -> list[Found]:
    """The finding of a confirmation that gave ``what`` (the value given, where the user asked
    for another), if :mod:`.request` ``found`` one."""
    if found is None or _ahead_of_a_deadline(turn, *found):
        return []
    asked, given = found
    return [_against_the_request(turn, f"confirms {what} ({given.value} where the user asked for {asked.said()})",
                                 asked.value, given.value)]


def _against_the_request(turn: Turn, says: str, asked: str, given: str) -> Found:
    """The finding of an answer that goes against a value the request asked for: ``says``
    what it did, with the value ``asked`` and the one the answer ``given`` as evidence."""
    return Found(turn.pk, "ungrounded", confidence("ungrounded", "request"), f"the answer {says}: "
                 f"{quote(turn.answer, 60)}", evidence={"question": turn.question[:300], "asked": asked,
                                                        "answer_says": given})


def _leaves_out_a_detail(turn: Turn, previous: Turn | None) -> list[Found]:
    """Details asked for by name, and one given, the others not, or none with a booking
    (:func:`.limits.details_left_out`): "the address, phone number and postcode" - "Caffe
    Uno is at 32 Bridge Street"; "... and let me know the car type and contact number" -
    "Your taxi has been booked..."; a detail the answer before offered taken with another
    ("Would you like the address?" - "Yes, and the phone number too, please." - "Christ's
    College is on Saint Andrew's Street.")."""
    missing = details_left_out(turn.asked, turn.answered)
    offered = previous.reply.question_back if previous is not None else None
    if not missing and offered and " or " not in offered and _TAKES_IT_WITH.match(turn.asked):
        missing = details_left_out(f"{offered}? {turn.asked}", turn.answered)
    if not missing:
        return []
    return [_left_out(turn, f"the answer leaves out the {' and the '.join(missing)} asked for")]


# A yes to what the answer before offered, with another thing asked along: "Yes, and the
# phone number too, please.", "sure, and the postcode".
_TAKES_IT_WITH = re.compile(r"\W*(?:yes|yeah|yep|sure|ok(?:ay)?)\b[^.?!]{0,12}\band\b")


def _gives_fewer_than_asked(turn: Turn) -> list[Found]:
    """A request for a number of things answered with fewer (:func:`.limits.fewer_than_asked`):
    "give me like 3 sad songs for tonight" - "Try 'Someone Like You' by Adele."."""
    # (nor an answer that asks, which may ask before it gives, nor one that did what was asked)
    fewer = fewer_than_asked(turn.asked, turn.answer) if "?" not in turn.answer and not turn.reply.confirms else None
    if fewer is None:
        return []
    wanted, given = fewer
    return [Found(turn.pk, "off_topic", confidence("off_topic", "fewer_than_asked"),
                  f"the answer gives {given} of the {wanted} things asked for: {quote(turn.answer, 70)}",
                  evidence={"question": turn.question[:300], "asked": wanted, "given": given})]


def _books_past_the_question(turn: Turn) -> list[Found]:
    """A booking done, or put to the user to confirm, that passes over the question the
    message asked with it: "ok that one. which station does it leave from" - "Please
    confirm: 2 tickets from Sacramento...", "Yes, one ticket please. Is there a discount for
    pensioners?" - "I have booked one ticket...". (Not when the answer takes up the
    question's words, or gives the figure it asks for: "what time does it leave?" -
    "Booked: TR4410, leaving at 13:35".)"""
    if not turn.reply.confirms:
        return []  # (most turns, cheaply)
    opening = turn.answered[:120]
    if not any(cue in opening for cue in _BOOKING_CUES):
        return []  # (cheaply: the patterns below need one of these)
    if _BOOKED.search(opening) is None and ASKS_TO_CONFIRM.search(opening) is None:
        return []
    clauses = _CLAUSES_OF.split(turn.asked)
    # (a clause put as a question: ending on "?", or last and unended; not "What a relief.",
    # "Please book the Hilton, which my boss recommended.")
    asks = re.findall(r"[^.!?;]+(?:\?|$)", turn.asked.rstrip())
    question = next((clause for clause in clauses if _ASKS_OF_IT.match(clause)
                     and any(clause.strip(" ?") in a for a in asks)), None)
    if question is None:
        return []
    # (Its own words: not those of the booking asked with it, "a taxi ... to the Corn Exchange
    # Theatre. Can you also tell me what's on at the theatre tonight?")
    words = {word for word in content_words(question) - _NAMES_NOTHING
             - content_words(" ".join(c for c in clauses if c != question)) if len(word) > 1}  # (not what's "s")
    if not words or not words.isdisjoint(turn.answer_words):
        return []
    if any(gives.search(turn.answered) for gives in Message(question).figures_asked):
        return []
    rest = [sentence for sentence in turn.reply.sentences[1:] if _WORDS.search(sentence)]  # (not "50." of £12.50)
    if any(_SPEAKS_OF_IT.match(sentence) and (_OF_IT.search(question) or _YES_NO.match(sentence))
           for sentence in rest):
        return []  # ("Will it change straight away?" - "I've scheduled the switch... It starts on...": of it)
    if any(_OF_THE_BOOKING.search(sentence) is None for sentence in rest):
        return []  # (a sentence beyond the booking's details may answer in its own words: "Pets are welcome there")
    return [_left_out(turn, "the answer books it and passes over the question asked with it")]


# Where a message's sentences end; a sentence that asks how things are, of the thing booked
# (not "can you book it for 2", a request put as a question).
_CLAUSES_OF = re.compile(r"[.!?;]+\s+|,\s+(?=(?:which|what|where|when|how|is|are|does|do)\b)")
# (Nor "how do i change my flight", which asks for it done.)
_ASKS_OF_IT = re.compile(r"\W*(?:(?:and|so|also|but|ok|okay|oh)\W+)*(?:(?:which|what|where|when|is|are|does|do"
                         r"|did|has|have|will|how(?! (?:do|can|could|would|should) (?:i|we)\b))\b"
                         r"(?! (?:you|u) (?:(?:be )?able to |not |even )?(?:mind|read|see|hear|listen|book|reserve"
                         r"|get|send|add|make|put|change|move|cancel)\b)"
                         r"|(?:can|could) you (?:also )?tell me\b)")
# Words of a question that name nothing it asks about.
_NAMES_NOTHING = frozenset({"there", "it", "thing", "one", "get", "go", "much", "many", "long", "tell", "also"})
# An answer that says it booked something (not "Kelvin Kiptum set it in Chicago", "a confirmed
# Norse site"), and a sentence after it that speaks of the thing asked about.
_BOOKED = re.compile(r"\b(?:(?:i(?:'ve| have)|i've just) (?:booked|reserved|scheduled|placed|set up|added|made)"
                     r"|(?:is|are|has been|have been|was) (?:booked|reserved|confirmed|scheduled|placed))\b"
                     r"|^\W*(?:booked|reserved|done)\b")
_BOOKING_CUES = ("book", "reserv", "done", "confirm", "sched", "placed", "set up", "added", "made", "proceed",
                 "correct", "right", "go ahead")
_SPEAKS_OF_IT = re.compile(r"\W*(?:it|they|that|this|yes|no|there)\b(?! (?:problem|worries))")
_YES_NO = re.compile(r"\W*(?:yes|no)\b(?! (?:problem|worries))")
_WORDS = re.compile(r"[a-z]{2}")
# What a booking's own sentences tell: its reference, price, car, a goodbye.
_OF_THE_BOOKING = re.compile(r"\b(?:reference|ref|fee|price|total|cost|payable|gbp|contact|colou?r|car|taxi|driver"
                             r"|enjoy|anything else|help you|have a|check.?in|booking|confirm\w*|email|receive"
                             r"|see you|starts?|meet|no problem)\b|[£$€]\s?\d")
_OF_IT = re.compile(r"\b(?:it|they|that|this|them)\b")


def _leaves_out_a_request(turn: Turn) -> list[Found]:
    """A message that makes two requests ("can i get the postcode for that and also a cheap
    italian place near it") answered with no word of the second, and no question about it
    (but a closing one: "Is there anything else I can help you with?")."""
    if (" and" not in turn.asked and "plus" not in turn.asked) or not turn.message.asks:
        return []  # (most messages, cheaply; and one that asks for nothing)
    second = second_request(turn.asked)
    if second is None:
        return []
    wanted = content_words(second)
    if len(wanted) < 2 or not said_in_other_words(wanted).isdisjoint(turn.reply.words):
        return []
    if "?" in turn.answered and not turn.reply.offers:
        return []  # (a question back may ask about it first)
    return [_left_out(turn, f"the answer leaves out the second request (“{second[:60]}”)")]


def checked_sum(turn: Turn) -> bool | None:
    """Whether the answer's result of the sum its message asked is right (True: any result it
    gives is one the sum has), wrong (False), or neither was there to check (None)."""
    asked = turn.message.sum_asked
    given = turn.reply.results_given if asked is not None else ()
    if not given:
        return None
    return any(agrees(result, value) for result in given for value in asked[1])


def wrong_sum(turn: Turn) -> list[Found]:
    """The answer gives another result than the sum its message asked."""
    if turn.message.sum_asked is None or checked_sum(turn) is not False:
        return []
    written, (value, *_) = turn.message.sum_asked
    given = turn.reply.results_given[-1]
    right = value.numerator if value.denominator == 1 else f"{float(value):.4g}"
    return [Found(turn.pk, "ungrounded", confidence("ungrounded", "arithmetic"),
                  f"the answer gives {given} for {written}, which is {right}: {quote(turn.answer, 60)}",
                  evidence={"question": turn.question[:300], "sum": written, "result": str(right)})]
