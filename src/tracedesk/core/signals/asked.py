"""What an answer gives of what the message asked for, read from the two texts alone: a
figure to a question for one (:func:`gives_a_figure_asked`, :func:`gives_no_figure`), a
place (:func:`gives_no_place`), a name (:func:`names_what_was_asked`), the opinion asked
(:func:`gives_the_opinion_asked`), or another thing than the one asked for in the same
words (:func:`gives_another_thing`). The conversation's readings of an answer that misses
(:mod:`.conversation`) ask these before they compare meanings: an answer that gives what
was asked answers, however far its words lie from the question's.
"""

from __future__ import annotations

import re

from ..words import STOPWORDS, content_words, has_digit, heads
from .answer_phrases import REACTION_WORDS
from .phrases import ASKS_AN_OPINION
from .reactions import unlike_things
from .reply import CLAUSE_END
from .turns import Turn

# Whatever may answer a question for a figure, of any kind and however loosely: a number, an
# amount in words, a time, a measure, or "not sure".
_SOME_MEASURE = re.compile(
    r"\d|\b(?:one(?! of\b)|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|"
    r"hundred|thousand|million|billion|dozens?|few|couple|several|many|lots?|none|no|zero|half|ago|since|last|next|"
    r"yesterday|today|tomorrow|tonight|morning|evening|afternoon|night|weekend|summer|winter|spring|fall|autumn|"
    r"years?|months?|weeks?|days?|daily|hours?|minutes?|o'clock|noon|midnight|january|february|march|april|may|june|"
    r"july|august|september|october|november|december|monday|tuesday|wednesday|thursday|friday|saturday|sunday|"
    r"never|always|soon|later|now|often|sometimes|usually|every|once|twice|age|old|young|long|short|far|close|"
    r"near|tall|big|small|cheap|expensive|free|depends|sure|idea|know|dunno|while|forever|ages|century|decade|born|"
    r"teens?|twenties|thirties|forties|miles?|km|feet|meters|pounds|dollars|euros|bucks|price|cost)\b")


def gives_no_figure(turn: Turn) -> bool:
    """A question for a figure ("how old is daisy", "how many kids", "when is the best time
    to see it") answered with no figure, amount, measure or time at all, nor a "not sure":
    "my favorite color is yellow.", "tattoos are a form of art.". Not an answer that says it
    cannot help, asks back, or owns a slip."""
    # (A reference, "44KMZR0E", gives no figure, nor does a rating or what comes free with a
    # room: "a 4-star hotel with free parking and wifi" to "how much is it a night?")
    answered = _AN_ID.sub(" ", turn.answered)
    if "star" not in turn.asked:
        answered = _NO_FIGURE_ASKED.sub(" ", answered)
    if any(gives.search(answered) for gives in turn.message.figures_asked) or _SOME_MEASURE.search(answered):
        return False
    return _answers_on_its_own(turn) and _HAS_IT_NOT.search(answered) is None


# An answer that says it has not the figure: "I'm afraid I don't have the entrance fee for
# Tenpin.", "that isn't listed"
_HAS_IT_NOT = re.compile(r"\bi (?:don't|do not) have (?:the|that|their|its|any|this)\b|\b(?:isn't|is not|not) listed\b"
                         r"|\bno (?:information|details|data) (?:on|about|for)\b")


_NO_FIGURE_ASKED = re.compile(r"\b\d(?:-| )stars?\b|\bfree (?:parking|wifi|wi-fi|internet|breakfast)\b")
_AN_ID = re.compile(r"\b(?!\d+[a-z]{1,5}\b)(?=(?:[a-z]*\d){2})(?=(?:\d*[a-z]){2})[a-z\d]{5,}\b")  # (not "1790s")


def _answers_on_its_own(turn: Turn) -> bool:
    """The answer neither says it cannot help, asks for feedback, owns a slip, says it did
    not understand, asks back, nor answers a goodbye: what it says is all it answers with."""
    reply = turn.reply
    return not (reply.could_not_help or reply.asks_for_feedback or reply.takes_back or reply.apologises
                or reply.did_not_understand or "?" in turn.answered or turn.closing)


# A question for a place: "where do you even buy those", "so where do you go hiking?", "what's
# the address?", "which part of town is it in?". (Not "where was i?", "where do you stand
# on it", "which part of the movie".)
_ASKS_WHERE = re.compile(r"(?:^|[,.!?;]\s*|\b(?:and|so|but|ok|okay|also|then|oh|hmm|wait|lol|haha)\W+)"
                         r"(?:where|where's)\b(?!(?: was i| were we| are we)\W*$| (?:do (?:you|i)|does (?:he|she|it)) "
                         r"stand\b)"
                         r"|\b(?:what's|what is) (?:the|their|its|your) (?:address|location)\b"
                         r"|\bwhich (?:area|city|town|country|state|street|neighbou?rhood)\b"
                         r"|\bwhich part (?!of (?:the |that |this )?(?:movie|film|book|song|show|story|game|episode|"
                         r"video|series|album|play|speech)\b)")
# A place in any words: where it is or lies, a kind of place, a way to it, how far along it is
# ("It shipped yesterday."), a name (below), or "not sure".
_SOME_PLACE = re.compile(
    r"\d|\b(?:in|at|on|near|from|to|around|by|outside|inside|behind|next|across|between|along|up|down|downtown|"
    r"online|here|there|home|everywhere|anywhere|nowhere|somewhere|abroad|local|locally|nearby|far|close|miles?|"
    r"street|road|avenue|lane|st|rd|ave|centre|center|north|south|east|west|city|town|village|country|area|"
    r"neighbou?rhood|stores?|shops?|market|mall|amazon|website|site|postcode|address|place|places|beach|park|"
    r"sure|know|idea|dunno|depends|yesterday|today|tomorrow|tonight|ago|soon|already|shipped|delivered|sent|"
    r"arriv\w*)\b")
# A name in the answer: a capital inside a sentence ("...she got it from Etsy"), a word in
# capitals ("IKEA"), or the first word said alone ("Lisbon, it's lovely.", "Portugal!"), which
# is no reaction ("Honestly, ...", "Oh, ...", "OK so...").
_A_NAME = re.compile(r"(?<![.!?]\s)(?<!^)\b[A-Z][a-z]+|\b[A-Z]{3,}\b|^\W*([A-Z][a-z]+)[,.!]")
_NO_NAME = STOPWORDS | REACTION_WORDS | frozenset("""
    well sure yes yeah no nope oh honestly haha lol lmao ok okay hmm actually so anyway definitely totally
    absolutely exactly right true great nice cool wow omg
""".split())  # noqa: SIM905


def _names_something(answer: str) -> bool:
    """Whether an answer names a person, a place or a thing by its name (:data:`_A_NAME`)."""
    return any(m.group(1) is None or m.group(1).lower() not in _NO_NAME for m in _A_NAME.finditer(answer)
               if m.group(0).strip(",.!") not in ("LOL", "OMG", "LMAO", "BTW", "IMO", "IDK"))


def gives_no_place(turn: Turn) -> bool:
    """A question for a place ("where did you get that lamp", "what's the address?")
    answered with no place, way or name at all, nor a "not sure": "Lamps make a room feel so
    cozy.". Not a terse answer ("Lisbon!"), one that tells when ("where is my parcel?" -
    "It shipped yesterday."), cannot help, asks back or owns a slip."""
    asked = turn.asked
    if not ("where" in asked or "address" in asked or "location" in asked or "which" in asked) \
            or _ASKS_WHERE.search(asked) is None:
        return False
    answered = turn.answered
    if (_SOME_PLACE.search(answered) or _names_something(turn.answer.strip()) or len(answered.split()) <= 2
            or (turn.answer.islower() and _A_LIST.search(answered))):
        return False
    return _answers_on_its_own(turn)


def gives_no_name(turn: Turn) -> bool:
    """A question for the name of something ("what was the 1936 paper called exactly",
    "what's the name of her first album") answered, in an answer written with capitals, with
    no name, title or quotation at all: "The paper introduced the idea of a universal
    machine." (An answer all in lower case may name things without capitals, and is not
    read.)"""
    asked = turn.asked
    if not ("called" in asked or "name" in asked or "title" in asked) or _ASKS_A_NAME.search(asked) is None:
        return False
    answer = turn.answer.strip()
    if (answer.islower() or len(answer.split()) <= 3 or _names_something(answer)
            or _GIVES_A_NAME.search(turn.answered) is not None):
        return False
    return _answers_on_its_own(turn)


_ASKS_A_NAME = re.compile(r"\bwhat(?:'s| is| was| were|s) (?:it|that|this|the \w+(?: \w+)?) (?:called|named|titled)\b"
                          r"|\bwhat(?:'s| is| was|s) the (?:name|title) of\b")
_GIVES_A_NAME = re.compile(r"\b(?:called|named|titled|name is|name was|known as)\b|[\"“”]|(?:^|\s)['‘]\w")


# Three or more names in a row, as a chat written all in lower case lists places: "mostly
# pacific routes , tokyo , sydney , honolulu" (where an answer has capitals, its names have
# them: "cozy, warm, and inviting" names nothing).
_A_LIST = re.compile(r"\b[a-z][\w'-]* ?, [a-z][\w'-]*(?: [a-z][\w'-]*)? ?,(?: and| or)? [a-z][\w'-]*")


# What a task bot is asked for by name, of a place, a booking or a ride.
_ATTRIBUTE = (r"((?:(?:phone|telephone|contact|reference|booking|confirmation) )?number|address|post ?code|zip code|"
              r"price|price range|cost|fee|entrance fee|area|location|rating|stars|star rating|car type|"
              r"(?:arrival|departure|travel|journey) time|duration|email|website|opening hours|postcode)")
# "What's the phone number?", "can I get their postcode", "and the price?" (the thing asked
# for, after the words) - "The address is 154 Chesterton Road." (the thing told).
_ASKS_FOR_THE = re.compile(r"(?:^|[,.!?]\s*|\b(?:and|ok|okay|thanks|great|also)\W+)"
                           r"(?:what(?:'s| is| are)|can i (?:get|have)|could i (?:get|have)|may i have|and) "
                           rf"(?:the|its|their|your) {_ATTRIBUTE}(?: (?:of|for|at) [\w' ]{{1,30}})?\W*$")
_TELLS_THE = re.compile(rf"\W*(?:(?:sure|ok|okay|yes|certainly)\W+)?(?:the|its|their) {_ATTRIBUTE} (?:is|are)\b")


def gives_another_thing(turn: Turn) -> bool:
    """A question for one thing a task bot is asked for by name answered by telling another,
    unlike in meaning: "what's the phone number?" - "The address is 154 Chesterton Road."
    (Not "what's the price?" - "The cost is...", nor an answer that names what was asked;
    nor anything but such things: "What are the hours?" - "The store is open from 9am".) A desk
    asked one thing of a place that tells another of it is one too (:func:`_tells_another_attribute`)."""
    if _tells_another_attribute(turn):
        return True
    asked = _ASKS_FOR_THE.search(turn.asked)
    if asked is None:
        return False
    told = _TELLS_THE.match(turn.answered)
    if told is None:
        return False
    wanted, given = content_words(asked.group(1)), content_words(told.group(1))
    if (not wanted or not given or not wanted.isdisjoint(given) or not wanted.isdisjoint(turn.reply.words)
            or not given.isdisjoint(turn.words)):  # ("what's the address of the nirala" - "The Nirala is at...")
        return False
    return unlike_things(asked.group(1), told.group(1))


# What a desk is asked of a place by name, each with the words that ask for it and those that
# tell it: "where is it" - "Shear Magic has a rating of 4.6.", "what's the address" - "Sushi Ran
# serves Japanese food.", "do they have wifi" - "Yes, both have free parking.".
_PLACE_ATTRIBUTES = {
    "address": (r"\bwhere (?:is|are) (?:it|they|that|this|the \w+)\W*$|\b(?:the|its|their) (?:address|location)\b",
                r"\baddress\b|\blocated\b|\b(?:is|are) (?:at|on|in|near|by)\b|\b(?:street|road|avenue|lane|way|st|rd)\b"
                r"|\b(?:corner|near|nearby|next to|opposite|across from|walk|minutes? from|from the)\b"
                r"|\bpostcode\b|\b[a-z]{1,2}\d{1,2}[a-z]?\s?\d[a-z]{2}\b|\b(?:north|south|east|west|centre|center)\b"),
    "rating": (r"\b(?:rating|rated|how many stars|star rating)\b", r"\brating\b|\brated\b|\bstars?\b"),
    "food": (r"\bwhat (?:kind of |type of )?(?:food|cuisine)\b", r"\b(?:food|cuisine|serves)\b"),
    "price": (r"\bhow much\b|\b(?:the|its|their) (?:price|cost|price range|fee)\b|\bhow (?:expensive|cheap)\b",
              r"\b(?:price|priced|cost|costs|fee|free|cheap|moderate|moderately|expensive|pounds|gbp)\b|[£$€]\s?\d"),
    "wifi": (r"\b(?:wifi|wi-fi|internet)\b", r"\b(?:wifi|wi-fi|internet)\b"),
    "parking": (r"\bparking\b", r"\bpark(?:ing)?\b"),
    "phone": (r"\b(?:phone|telephone) number\b|\bnumber for\b", r"\bphone\b|\bnumber\b|\b0\d{9,10}\b"),
    "hours": (r"\b(?:opening hours|open until|when (?:do|does|is) (?:it|they) (?:open|close))\b",
              r"\bopen\w*\b|\bclos\w*\b|\d\s?(?:am|pm)\b|\d:\d\d"),
}
_ASKED_ATTRIBUTE = {name: re.compile(asks) for name, (asks, _) in _PLACE_ATTRIBUTES.items()}
_TOLD_ATTRIBUTE = {name: re.compile(tells) for name, (_, tells) in _PLACE_ATTRIBUTES.items()}
_ATTRIBUTE_WORDS = ("rating", "rated", "serves", "cost", "open", "parking", "wifi", "cheap", "moderately", "expensive")
# ...as an answer tells another one of them: "has a rating of 4.6", "serves Japanese food",
# "has free parking", "costs 8.50", "is open from 9".
_TELLS_AN_ATTRIBUTE = re.compile(r"\b(?:has|have) (?:a )?(?:rating|free parking|free wifi|parking|wifi)\b"
                                 r"|\bserves \w+(?: \w+)? (?:food|cuisine)\b|\bcosts? \W?\d|\bis open\b"
                                 r"|\b(?:is|are) (?:in the )?(?:cheap|moderately priced|expensive)\b|\brated \d")


def _tells_another_attribute(turn: Turn) -> bool:
    """A desk asked one thing of a place ("where is it", "do they have wifi") that answers by
    telling another of it, and not the one asked: "Shear Magic has a rating of 4.6.", "Yes,
    both have free parking.". Not an answer that says it does not know, asks back or owns a
    slip."""
    answered = turn.answered
    if not any(word in answered for word in _ATTRIBUTE_WORDS) or _TELLS_AN_ATTRIBUTE.search(answered) is None:
        return False
    asked = [name for name, asks in _ASKED_ATTRIBUTE.items() if asks.search(turn.asked)]
    if len(asked) != 1 or _TOLD_ATTRIBUTE[asked[0]].search(answered) or _WANTS_ONE.search(turn.asked):
        return False
    return _answers_on_its_own(turn)


# A request for a place with what it should have, which the answer may meet in its own words:
# "I also need a hotel with free parking and 4 stars".
_WANTS_ONE = re.compile(r"\b(?:i|we) (?:also |still )?(?:need|want|would like|'d like|am looking|'m looking)\b"
                        r"|\blooking for\b")


def gives_a_figure_asked(turn: Turn) -> bool:
    """The answer gives a figure of the kind the message asks for ("what time is check in?"
    - "Check-in is from 15:00.", "how old is Taylor Swift" - "She was born in 1989."): it
    answers, however far its words lie from the question's."""
    return any(gives.search(turn.answered) is not None for gives in turn.message.figures_asked)


# A question that asks for a name: who, or what or which thing ("who played the joker in
# the dark knight", "whats the smallest bone", "who's ur bias").
_LEAD_IN = r"^\W*(?:(?:ok|okay|so|and|huh|hmm+|wait|also|same|lol|haha+|cool|nice|yeah|yes|no|nah)\W+)*"
_ASKS_FOR_A_NAME = re.compile(rf"{_LEAD_IN}(?:who|whom|whose|who's|whos|which|what(?:'s| is| was| are| were)?|whats|"
                              r"where)\b(?! if\b)")  # ("what if it rains" asks for no name)
_ASKS_WHO = re.compile(rf"{_LEAD_IN}(?:who|who's|whos)\b")
_ASKS_WHO_OR_WHERE = re.compile(rf"{_LEAD_IN}(?:who|who's|whos|where|which)\b"
                                r"|^\W*(?:and|what about) the [\w ]{1,20}\W*$")  # ("And the third guy?")
# A name in the answer's own capitals: two capitalised words opening it ("Michael Collins
# stayed in orbit", "Ningaloo Reef in Australia").
_OPENS_ON_A_NAME = re.compile(r"\W*(?:(?:Yes|No|Probably|Maybe)\W+)?[A-Z][\w'-]+ [A-Z][\w'-]+")
# An answer that opens on where (in lower case as well): "in a small town in colorado, near
# the mountains", "I live near the coast", "just outside manchester".
_OPENS_ON_A_PLACE = re.compile(r"\W*(?:(?:i|we) (?:live|grew up|work|am|are) |i'm |we're "
                               r"|(?:just|right|up|down|over) )?(?:in|near|at|outside|by|on|from|close to) "
                               r"(?!(?:the )?(?:moment|way|general|average|least|what|fact|all|the other hand"
                               r"|my opinion|this point|short|top)\b)(?:a |an |the )?[^\W\d_]{3,}")
# An answer that gives an opinion.
_GIVES_AN_OPINION = re.compile(r"\W*(?:(?:honestly|personally|oh|hmm+|well)\W+)*(?:i think|i'd say|i love|i like|"
                               r"i'm not|i prefer|i'm a (?:big )?fan|in my opinion|i really|i find)\b"
                               r"(?! (?:that|how|it when) you\b)")  # (not "I love that you asked about...")
NAME_WORDS = 4  # a name given as the answer's first words takes up at most this many
_NOT_A_NAME = frozenset("""
    question hello hi hey welcome happy morning evening afternoon holidays confirmed order deals deal sale free
    thanks thank aboard prices price
    ugh dude girl bro bruh sadly actually unfortunately personally technically yikes omg lmao lol honestly basically
    literally seriously apparently obviously clearly anyway anyways man wow whoa ooh aw aww hmm meh
    monday tuesday wednesday thursday friday saturday sunday mondays tuesdays wednesdays thursdays fridays saturdays
    sundays weekends
""".split())  # noqa: SIM905
_IN_NAMES = frozenset({"and", "a", "an", "the", "of"})  # ("a kangaroo and an emu", "Bank of America")
_HE_OR_SHE = re.compile(r"\W*(?:he|she|they)(?:'s| was| is| were| are)?\b")


def _the_question(asked: str) -> str:
    """The part of a (lower-cased) message that asks: its last clause that opens on who,
    where, which or what, without a word to the bot before it ("ok the shining. who
    directed that", "hey felix where do u live", "rory whats ur fav planet"); or the
    whole message."""
    if CLAUSE_END.search(asked):
        for clause in reversed(CLAUSE_END.split(asked)):
            clause = _WORD_TO_THE_BOT.sub("", clause, count=1)
            if _OPENS_ON_A_WH_WORD.match(clause):
                return clause
    return _WORD_TO_THE_BOT.sub("", asked, count=1)


# A greeting or a name before a question: "hey felix ", "rory ".
_WH_WORD = r"(?:who|whos|who's|where|which|what|whats|what's)\b"
_WORD_TO_THE_BOT = re.compile(rf"^\W*(?:(?:hey|hi|hello|yo|oh)\W+)?[a-z]+\W+(?={_WH_WORD})")
_OPENS_ON_A_WH_WORD = re.compile(rf"{_LEAD_IN}{_WH_WORD}")


def _opens_on_one_name(answer: str) -> bool:
    """The answer opens on one word in capitals that is a name, a clause of its own:
    "Berlin! Kreuzberg, to be exact.", "Saturn, easily." (not "Sure!", "Honestly, ...")."""
    m = _ONE_NAME.match(answer)
    return m is not None and m.group(1).lower() not in _NOT_ONE_NAME


_ONE_NAME = re.compile(r"\W*([A-Z][a-z'-]{2,})\s*[!,.]")
_NOT_ONE_NAME = STOPWORDS | REACTION_WORDS | _NOT_A_NAME | frozenset("""
    sure yes hi hello hey haha hah well thanks thank sorry nice cool good okay absolutely definitely honestly
    probably maybe totally exactly right hmm wow ooh yep yeah nope nah oops alas hah lol indeed interesting
    everything nothing anything someone nobody everyone somewhere nowhere anywhere both neither either none
    today tomorrow yesterday tonight usually sometimes often always never mostly
""".split())  # noqa: SIM905


def names_what_was_asked(turn: Turn) -> bool:
    """The answer opens on a name, as its first clause of a few words none of which is a
    word of English grammar save an article ("heath ledger. he won a posthumous oscar",
    "the femur, in the thigh.", "probably suga, i love his production work"), to a question
    asking who, or what or which thing; or, to one asking who or where, on a name in its
    capitals ("Michael Collins stayed in orbit"), or on he or she ("He kept a famous
    diary"): it answers, however far its words lie from the question's. ("i like turtles,
    they're so calm" names nothing; "Alexander Bed and Breakfast is at..." gives no star
    rating.)"""
    asked = _the_question(turn.asked)
    if ((_ASKS_WHO_OR_WHERE.match(asked) and (_OPENS_ON_A_NAME.match(turn.answer) or _opens_on_one_name(turn.answer)))
            or (_ASKS_WHO.match(asked) and _HE_OR_SHE.match(turn.answered))
            or (_OPENS_ON_A_PLACE.match(turn.answered) and _ASKS_WHERE.search(asked))):
        return True  # ("And the third guy?" - "Michael Collins stayed in orbit", "who was samuel pepys" - "He kept...")
    if _ASKS_FOR_A_NAME.match(asked) is None:
        return False
    clauses = [c.split() for c in CLAUSE_END.split(turn.answered, maxsplit=3)]
    while len(clauses) > 1 and clauses[0] and (REACTION_WORDS | _NOT_A_NAME).issuperset(clauses[0]):
        clauses.pop(0)  # ("Good question! Tokyo.")
    head = clauses[0]
    if head and head[0] in ("the", "a", "an", "probably", "maybe", "definitely"):
        head = head[1:]
    # (Neither "Absolutely, the clouds agreed." nor "Great question. Check out..." names anything.)
    return (0 < len(head) <= NAME_WORDS and STOPWORDS.isdisjoint(set(head) - _IN_NAMES)
            and not has_digit(" ".join(head))
            and REACTION_WORDS.isdisjoint(head) and _NOT_A_NAME.isdisjoint(head))


def gives_the_opinion_asked(turn: Turn) -> bool:
    """The answer gives the opinion or the favourite asked for ("whats ur opinion on
    nirvana" - "I think Nevermind is one of the most important albums", "whats ur fav
    thing to cook" - "i love making soups in the winter"), however far its words lie."""
    if ASKS_AN_OPINION.search(turn.asked) is not None and _GIVES_AN_OPINION.match(turn.answered) is not None:
        return True
    return (_ASKS_A_FAVOURITE.search(turn.asked) is not None and _NAMES_A_FAVOURITE.match(turn.answered) is not None
            and _LIKES_ANY.match(turn.answered) is None)


def names_no_favourite(turn: Turn) -> bool:
    """A favourite asked for answered with a liking of any, and nothing named: "whats ur
    fav song of theirs" - "i like a lot of different kinds of music .", "i like them all!"
    (not "i like them all, but probably motion sickness")."""
    return (_LIKES_ANY.match(turn.answered) is not None and _ASKS_A_FAVOURITE.search(turn.asked) is not None
            and _OF_THEIR_OWN.search(turn.asked) is None)


_OF_THEIR_OWN = re.compile(r"\b(?:my|mine|our|ours)\b")


# An answer that likes any and names none, whole: "i like a lot of different kinds of music .",
# "i love them all!", "i like all sorts", "i enjoy many different songs".
_LIKES_ANY = re.compile(r"\W*(?:(?:honestly|oh|hmm+|well|ha|haha)\W+)*i (?:really )?(?:like|love|enjoy|listen to) "
                        r"(?:(?:them|it|those) all|all of (?:them|it)|everything|anything"
                        r"|(?:a lot of|lots of|all|many|so many)(?: different)?"
                        r"(?: (?:kinds|sorts|types|genres) of)?(?: \w+)?)\W*$")


# A question for the bot's favourite: "whats ur fav thing to cook", "what's your favorite
# band?", "which one do you like best".
# ...and an answer that names one ("i love making soups", "probably the shining"; not "I
# really think you should drink more water").
_NAMES_A_FAVOURITE = re.compile(r"\W*(?:(?:honestly|oh|hmm+|well|ooh|ha)\W+)*(?:i (?:really )?(?:love|like|adore|enjoy)"
                                r"|i'd (?:say|pick|go with)|my fav\w*|probably|definitely|has to be|gotta be)\b"
                                r"(?! (?:that|how|it when) you\b)")
_ASKS_A_FAVOURITE = re.compile(r"\b(?:what|which|who)\b.*\b(?:(?:your|ur) fav\w*|(?:you|u) (?:like|love|prefer) "
                               r"(?:best|most))\b")


def answers_in_general(turn: Turn) -> bool:
    """A question for one of a kind ("which shark kills the most people", "whats the
    stinkiest cheese", "what animals live up there besides polar bears") answered with what
    is true of the kind in general, naming none: "Sharks have rows of teeth...", "Cheese is
    made from milk.", "Polar bears are the largest land carnivores...". Not an answer that
    names one ("The great white shark..."), nor a question of how or why, whose answer is
    general ("how do bees make honey?" - "Bees collect nectar...")."""
    asked = turn.asked
    if _ASKS_FOR_ONE_OF_A_KIND.search(asked) is None:
        return False
    opening = _OPENS_IN_GENERAL.match(turn.answer)
    if opening is None or _names_something(turn.answer) or "?" in turn.answer:
        return False
    kind = heads(content_words(opening.group(1)))
    return bool(kind) and kind <= heads(content_words(asked)) and _answers_on_its_own(turn)


def names_nothing_it_is_on(turn: Turn) -> bool:
    """A question for what the bot is reading, watching, listening to or playing now ("what
    r u reading rn") answered with its habit in general, naming nothing: "I read a lot of
    books at work.", "oh all kinds of stuff!" (not "Dune, for the third time.")."""
    asked = turn.asked
    if not ("reading" in asked or "watching" in asked or "listening" in asked or "playing" in asked
            or "bing" in asked) or _ASKS_WHAT_IT_IS_ON.search(asked) is None:
        return False
    if _HABIT_IN_GENERAL.match(turn.answered) is None or _GIVES_A_NAME.search(turn.answered):
        return False
    return not _names_something(turn.answer.strip()) and _answers_on_its_own(turn)


_ASKS_WHAT_IT_IS_ON = re.compile(r"\bwhat(?:'s| is| are| r|re)? (?:you|u|ya) (?:currently |now )?(?:reading|watching"
                                 r"|listening to|playing|bingeing|binging)\b")
_HABIT_IN_GENERAL = re.compile(r"\W*(?:(?:oh|well|hmm+|haha|lol)\W+)?(?:i (?:\w+ )?(?:read|watch|listen|play)\w* "
                               r"(?:a lot|lots|all kinds|everything|anything|whatever|so many|many)\b"
                               r"|(?:a lot|lots|all kinds|everything|anything|whatever) (?:of|i can)\b)")


# A question for one of a kind: "which shark kills the most people", "whats the stinkiest
# cheese", "what animals live up there" (not "what is cheese made of", "what do sharks eat").
_ASKS_FOR_ONE_OF_A_KIND = re.compile(
    rf"{_LEAD_IN}(?:which (?:\w+ )?\w+ (?!do |does |did |is |are |was |were )\w+"
    r"|what(?:'s| is|s) (?:the )?(?:\w+est|most \w+|least \w+|best|worst|biggest|largest|oldest) \w+"
    r"|what (?!do |does |did |is |are |was |were |if |about )\w+s (?:live|are there|grow|can|do people))")
# An answer that opens on a kind in general, without an article: "Sharks have rows of teeth",
# "Cheese is made from milk.", "Polar bears are the largest..." (not "The whale shark is...").
_OPENS_IN_GENERAL = re.compile(r"\W*(?:(?:well|oh|so|actually)\W+)?(?:most |all |many |some )?"
                               r"((?!(?i:the|a|an|it|they|that|this|i|you|we|there|here)\b)[A-Za-z]+(?: [a-z]+)?) "
                               r"(?:is|are|have|has|can|were|was|live|eat|come|make)\b")

