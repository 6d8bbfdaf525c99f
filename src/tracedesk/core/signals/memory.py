"""What an answer says of the user and of the bot, held against what the session said
before, whatever the user does next (half the errors people mark in chat logs get no
reaction):

- of the user: their son where they told of a daughter, their dogs where they keep horses
  (:func:`speaks_of_another`); a goodbye answered with a wish that names what nobody said
  (:func:`names_what_nobody_said`: "Good luck in Vancouver!" to a user in Toronto); what
  is theirs told back with a specific nobody said (:func:`tells_back_what_nobody_said`:
  "hi, i'm Priya" ... "Your name is Pooja!");
- of the bot itself: a denial of what an earlier answer said (:func:`denies_itself`: "I
  learned in my dad's old car" ... "I've never driven a car"), or none of what it said it
  had, or the other way round (:class:`Persona`: "i go kayaking with my husband" ... "i'm
  single"). A persona chatbot that forgets its persona contradicts itself in the first
  person.

What the bot says it has: each sentence of an answer (not a question) may say that the bot
has one of a few things people tell of (a partner, brothers or sisters, children, pets, a
diet without meat, a drink, an instrument, a car) or has none, and what work it does. "My
X" says it has one, but not a former or a hoped-for one ("my ex-husband", "my late wife",
"my dream car", "I'd love a dog someday"), nor someone else's ("my sister's kids" tells of
a sister, not of children).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

from ..words import STOPWORDS, content_words, heads
from .answer_phrases import REACTION_WORDS
from .confidence import confidence
from .found import Found, quote
from .kinds import (
    COUNT_WORDS,
    MONTHS_BUT_MAY,
    PET_WORDS,
    PETS,
    SEXED_PEOPLE,
    SPORTS,
    WEEKDAYS,
    the_other_kinds,
    the_other_sex,
)
from .phrases import SENTENCE_BREAK
from .reply import sentences_of
from .turns import Turn

# "your son" where the user told of a daughter (or of girls: "i have twin girls"), "your cat"
# where they told of a dog, "ur basketball game" to one who plays soccer: each person, pet or
# game, and the other sex's or kinds' words in its place. (Not parents, nor their brothers and
# sisters: "could your mom help?" to a user who told of a dad speaks of another person, whom
# the user has too.)
_OWN_GENERATION = (("daughter daughters girl girls", "son sons boy boys"),
                   *(pair for pair in SEXED_PEOPLE
                     if not {"mom", "grandma", "aunt", "niece", "daughter", "girl"} & set(pair[0].split())))
_IN_PLACE_OF = the_other_sex(_OWN_GENERATION) | the_other_kinds(PETS) | the_other_kinds(SPORTS)
_YOUR_OWN = re.compile(rf"\b(?:your|ur) (?:(?:little|big|older|younger|new|old) )?({'|'.join(_IN_PLACE_OF)})\b")
# ...as the topic words of messages and answers read them ("horses" as "hors", "horse" as
# "horse"): the words of each one's own sex or kind, and the others'.
_OWN_GROUP = {word: group for group in (*(sex for pair in _OWN_GENERATION for sex in pair), *PETS, *SPORTS)
              for word in group.split()}
_STEMS_IN_PLACE_OF = {word: (content_words(_OWN_GROUP[word]), content_words(" ".join(others)))
                      for word, others in _IN_PLACE_OF.items()}


def speaks_of_another(turn: Turn, told: set[str], offered: frozenset[str] = frozenset()) -> list[Found]:
    """An answer that speaks of the user's son where the user told of a daughter, and
    never of a son: "I have daughter, she is 7." - "What does your son like to do?"; or of
    their dogs where they told of their horses: "i ride my horses" - "how old are your
    dogs?". (Not where it names both: "could your mom or dad help?")"""
    for m in _YOUR_OWN.finditer(turn.answered):
        person = m.group(1)
        own, other = _STEMS_IN_PLACE_OF[person]
        # (nor one the answer before asked the user of: "i like basketball. do you watch
        # basketball?" - "sometimes" - "who is your basketball team?")
        if (own.isdisjoint(told) and not other.isdisjoint(told) and other.isdisjoint(turn.answer_words)
                and own.isdisjoint(offered)):
            told_of = next(w for w in sorted(_IN_PLACE_OF[person]) if not content_words(w).isdisjoint(told))
            return [Found(turn.pk, "ungrounded", confidence("ungrounded", "told"),
                          f"the answer speaks of the user's {person} where the user told of their {told_of}: "
                          f"{quote(turn.answer, 60)}", evidence={"answer_says": person, "user_told": told_of})]
    return []


# A message that signs off ("ok thank you, you helped me", "Good night.", "ouch. ok thanks",
# "gotta go") and asks for nothing more ("thanks. could you also...", "ok no thanks, i'm fine"
# turns an offer down). (:data:`.phrases.CLOSING` reads only a message that opens on its
# thanks; a goodbye said anywhere in it is read here.)
SIGNS_OFF = re.compile(r"^(?!.*\b(?:also|could you|can you|i need(?! to go)|i want|i'd like|what|how|where|is there|"
                        r"tell me)\b)(?!.*\bno\W+(?:thanks|thank you)\b(?!.*\b(?:bye|goodbye|that's all)\b))"
                        r".*\b(?:bye|goodbye|thanks|thank you|thx|ty|good night|that's all|see you|cya|"
                        r"(?:(?:have|got|must|need) to|gotta) go|let (?:you|u) go|gotta (?:run|sleep)"
                        r"|(?:anyway|ok|okay|well|alright|so)\W+(?:i\W+)?gotta do \w+\W*$"
                        r"|(?:have|got|need) to (?:run|sleep|get going)|off to bed|heading (?:out|off|to bed)|ttyl|"
                        r"talk (?:to (?:you|u) )?later\W*$)\b", re.DOTALL)
# A wish or a goodbye in an answer: "Enjoy your trip to California!", "Good luck in
# Vancouver", "Happy birthday to your sister!", "See you on Thursday at 15:00!", "I hope Max
# has the best birthday ever". (Said
# anywhere in the answer: :data:`.answer_phrases.ANSWER_SIGNS_OFF` reads an answer that only signs
# off.)
_WISHES = re.compile(r"\b(?:enjoy|good luck|best of luck|have (?:a |an )?(?:great|nice|wonderful|good|lovely|fun|safe)"
                     r"|have fun|see you|bye|goodbye|good night|take care|happy|congrat\w*|say (?:hi|hello)"
                     r"|give (?:your|my|him|her|them)|tell me how it goes"
                     r"|hope (?:you|your|[a-z]+ (?:has|gets|enjoys|loves|likes|feels)))\b")
# What a goodbye would name only if someone said it: a name or a place (a word with a capital
# inside a sentence), a figure, a day or a month.
_CAPITALISED = re.compile(r"(?<![^\W\d_])[A-Z][^\W\d_]{2,}")
_DAY_OR_FIGURE = re.compile(rf"\b(?:{WEEKDAYS}|{MONTHS_BUT_MAY}|noon|midday|midnight)\b|\d+", re.IGNORECASE)
# An answer that only wishes the user well, whatever the message said: "have fun at the party
# on sunday!", "Good luck with your presentation tomorrow at noon!" (it asks nothing).
ONLY_WISHES = re.compile(r"\W*(?:(?:you're welcome|thanks|ok|okay|well|ha|haha|aw+|oh)\W+)*"
                         r"(?:have (?:fun|a (?:great|good|nice|lovely|wonderful|fun|safe))|good luck|best of luck"
                         r"|enjoy)"
                         r"\b[^?]*$")
_HEARD = re.compile(r"[^\W_]+")
_DIGITS = re.compile(r"\d+")


class Heard:
    """The words a session's messages and answers said before a turn (and the figures in
    them: "7pm" says 7), read once each, as far as asked."""

    def __init__(self, turns: list[Turn]) -> None:
        self.turns = turns
        self.read = 0  # the turns whose message and answer are in :attr:`words`
        self.words: set[str] = set()

    def up_to(self, at: int) -> _Said:
        """The words said before turn ``at``, and by its message."""
        for turn in self.turns[self.read:at]:
            self.words |= _words_heard(turn.question) | _words_heard(turn.answer)
        self.read = max(self.read, at)
        return _Said(self.words, _words_heard(self.turns[at].question))


class _Said:
    """Two sets of words read as one, without copying the larger (the session's words)."""

    __slots__ = ("before", "now")

    def __init__(self, before: set[str], now: set[str]) -> None:
        self.before, self.now = before, now

    def __contains__(self, word: str) -> bool:
        return word in self.now or word in self.before


def _words_heard(text: str) -> set[str]:
    """The words of a text, lower-cased, and the figures in them, said in digits or in words
    ("three kids" says 3, "seventy" 70, "our first anniversary" 1)."""
    words = {w.lower() for w in _HEARD.findall(text)}
    return words | set(_DIGITS.findall(text)) | {_NUMBERS[w] for w in words & _NUMBERS.keys()}


# Counts said in words, as a made-up specific may be: "Have fun with your three kids."
_COUNTS = COUNT_WORDS
_COUNT_WORD = re.compile(rf"\b(?:{'|'.join(_COUNTS)})\b", re.IGNORECASE)
# ...and the numbers a user may say in words, which figures of an answer say again.
_NUMBERS = {**_COUNTS, "one": "1", **{word: str(n) for n, word in enumerate(
    "first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth".split(), 1)},  # noqa: SIM905
    **{word: str(10 * n) for n, word in enumerate(
        "twenty thirty forty fifty sixty seventy eighty ninety".split(), 2)}}  # noqa: SIM905
# Words a wish gives capitals that name no one: "Happy Birthday", "Merry Christmas".
_OCCASIONS = frozenset("""
    birthday christmas merry new year easter weekend holidays holiday day eve thanksgiving valentine anniversary
""".split())  # noqa: SIM905
_TITLE_CASE_WORDS = 4  # a sentence this long with most words capitalised is in Title Case


def _made_up(sentence: str, heard: _Said | set[str], within: tuple[int, int] | None = None,
             names: bool = True) -> str | None:
    """The first name, place, day, month or count of ``sentence`` (of its part ``within``,
    where given) that nobody said (a word of ``heard``, the session's words so far,
    lower-cased); only a day, a time or a count without ``names``."""
    words = sentence.split()
    named = list(_DAY_OR_FIGURE.finditer(sentence))
    named += [m for m in _COUNT_WORD.finditer(sentence) if _COUNTS[m.group(0).lower()] not in heard]
    if names and (len(words) < _TITLE_CASE_WORDS or sum(w[:1].isupper() for w in words) * 2 <= len(words)):
        named += [m for m in _CAPITALISED.finditer(sentence)
                  if _inside_a_sentence(sentence, m.start()) and _WISHES.search(m.group(0).lower()) is None
                  and m.group(0).lower() not in _OCCASIONS]
    return next((m.group(0) for m in named if m.group(0).lower() not in heard
                 and (within is None or within[0] <= m.start() < within[1])), None)


# The bot's thanks for using its own service, which a goodbye names by design: "thank you
# for riding the Port Authority", "Thanks for calling Let's Go".
_OWN_SERVICE = re.compile(r"\bthanks? (?:you )?for (?:using|calling|riding|choosing|contacting|flying|shopping|"
                          r"visiting|travel?ling|staying|booking|ordering)\b.*?(?=\s+and\b|[,;!.]|$)", re.IGNORECASE)


# ...and the city a desk serves, which it wishes a visitor a good time in: "Enjoy your stay
# in Cambridge.", "Have a good weekend in Cambridge." (not "Enjoy your trip to California!").
_OWN_CITY = re.compile(r"\b(?:stay|time|visit|weekend|day|evening|holiday) in [A-Z][\w'-]+")


def _the_wish(sentence: str, served: bool) -> str:
    """A sentence of a goodbye, less what it names by design: the bot's own service, and where
    it ``served`` the user, the city it serves."""
    sentence = _OWN_SERVICE.sub("", sentence)
    return _OWN_CITY.sub("", sentence) if served else sentence


def names_what_nobody_said(turn: Turn, heard: _Said, names: bool = True, served: bool = False) -> list[Found]:
    """A goodbye answered with a wish that names a person, a place, a day or a number that
    nobody in the conversation said: "ok, see you tomorrow" - "See you on Thursday!",
    "thanks!" - "Enjoy your trip to California!" (to a user going to Florida), "Bye Inês!
    Enjoy Madrid!". What a goodbye answers with is what was said; a new specific is made up.
    ``heard``: the words of the session's messages and answers so far, lower-cased. Without
    ``names`` (a wish to a message that said no goodbye: "have fun at the party on sunday!"),
    only a day, a time or a count is read: a support bot may know the user's name. Where the
    bot ``served`` the user (booked or did something for them), it is a desk of a city, whose
    wish of a good stay in it names no new place."""
    answer = turn.answer
    if turn.answered.count(" ") < 2 or _WISHES.search(turn.answered) is None:
        return []  # (the wishes are English ones: "Gute Reise!", whose nouns have capitals, is none)
    # (Only the wish: what the answer tells besides, "Your contract ends on August 3.", is none.)
    made_up = next(filter(None, (_made_up(_the_wish(sentence, served), heard, names=names)
                                 for sentence in _SENTENCE_END.split(answer)
                                 if _WISHES.search(sentence.lower()) is not None)), None)
    if made_up is None:
        return []
    said = "the answer to a goodbye" if names else "the answer's wish"
    return [Found(turn.pk, "ungrounded", confidence("ungrounded", "farewell"),
                  f"{said} names what nobody said ({made_up}): {quote(answer, 60)}",
                  evidence={"named": made_up})]


class Names:
    """The names the user gave for themselves in a session ("im jess", "my name is Marcus"),
    and those of them its answers called the user by ("Nice to meet you, Jess!"); read turn
    by turn."""

    def __init__(self) -> None:
        self.given: list[str] = []  # the names the user gave, lower-cased, in order
        self.called: list[str] = []  # ...those an answer called them by

    def hear(self, asked: str) -> bool:
        """Take the names a (lower-cased) message gives for the user ("im jess"): whether the
        user has given one so far, and an answer may call them by it."""
        if ("m " in asked or "name" in asked or "'s " in asked or "this is" in asked) and _GIVES_ITS_NAME.search(asked):
            self.given += [m.group(1) for m in _GIVES_ITS_NAME.finditer(asked) if m.group(1) not in STOPWORDS]
        return bool(self.given)

    def calls_by_another(self, turn: Turn, heard: _Said) -> list[Found]:
        """An answer that calls the user by a name nobody said, where an answer before called
        them by the name they gave: "im jess" - "Nice to meet you, Jess!" - ... - "That's
        adorable, Jen!". (A name said before, the user's or another's, is no slip: "Thanks,
        Bernard" of the husband told of; nor one the bot gives itself: "I'm your assistant,
        Nova.")"""
        answer = turn.answer
        own = {m.group(1).lower() for m in _ITS_OWN_NAME_IN_ANY_CASE.finditer(answer)}
        # (A name may answer what was asked: "whats your favourite country" - "Oh that's easy, Italy!")
        for called in _names_called(answer, greeted_only=_ASKS_FOR_A_NAME.search(turn.asked) is not None):
            name = called.lower()
            if name in own or name in _NOT_A_NAME or name in STOPWORDS or _DAY_OR_MONTH.fullmatch(name):
                continue
            if name in self.given:
                if name not in self.called:
                    self.called.append(name)
            elif self.called and not _heard_in_a_form(name, heard, True):
                before = self.called[0]
                return [Found(turn.pk, "ungrounded", confidence("ungrounded", "told"),
                              f"the answer calls the user {called}, a name nobody said, where it called them "
                              f"{before.title()} before: {quote(answer, 60)}",
                              evidence={"named": called, "called_before": before})]
        return []


# A name the user gives for themselves: "im jess", "my name is Marcus", "call me tom", "it's
# olivia" (as a message opens on it, after a greeting).
_GIVES_ITS_NAME = re.compile(r"(?:^|[.!?,]\s*|\b(?:hi|hey|hello|hiya|yo)\W+)(?:(?:and|anyway|btw|oh)\W+)?"
                             r"(?:i ?'?m|i am|my name'?s|my name is|call me|it'?s|this is)\s+([a-z]{2,})\b"
                             r"(?!\s+(?:a|an|the|so|not|from|in|at|going|just|very|really|good|fine|ok|okay|here)\b)")
# A question a name may answer: "whats your favourite country", "who's the best band".
_ASKS_FOR_A_NAME = re.compile(r"\b(?:what|which|who|whos|who's|where|wheres|where's|whats|what's)\b")
# The bot's own name, whatever its case: "I'm Nova", "i'm your virtual assistant, Nova".
_ITS_OWN_NAME_IN_ANY_CASE = re.compile(r"\b(?:i'm|i am|im|my name is|call me)\s+(?:your\s+(?:\w+\s+){0,2}\w+,\s*)?"
                                       r"([A-Za-z][\w'-]+)", re.IGNORECASE)


def _names_called(answer: str, greeted_only: bool = False) -> list[str]:
    """The names an answer calls the user by, as written: "Jen" of "That's adorable, Jen!",
    "Martin" of "Great, Martin, three days is a solid start.", and in an answer written all
    in lower case, "kyle" of "have a good night, kyle!" or "tim" of "hey tim !", "sarah" of
    "so sarah, are you still...?"; only after
    a greeting ("Thanks Jess!") where the message asked for what a name may be."""
    if greeted_only:
        return [m.group(2) for m in _CALLED.finditer(answer) if m.group(1) is None]
    names = [m.group(2) for m in _CALLED.finditer(answer)
             # (a place after its town, a day: "Compton, California.", "It's Friday, Ana!"; but "Great, Jen!")
             if m.group(1) is None or not m.group(1)[:1].isupper() or m.group(1).lower() in _OPENING_WORDS
             # (nor one set beside a thing named: "Try the old capital, Kyoto.", "our driver, Marcus.")
             if not _BESIDE_A_THING.search(answer[:m.start(2)])]
    names += _CALLED_AFTER_A_WORD.findall(answer) + _CALLED_AFTER_SO.findall(answer)
    if answer.islower():
        names += [m.group(1) or m.group(2) for m in _CALLED_IN_LOWER_CASE.finditer(answer)]
    return names


# The user called by name in an answer: "Nice to meet you, Jess!", "That's adorable, Jen!",
# "Thanks Jess." (a capitalised word after a comma or a greeting, ending its sentence).
# (Not a list, "RM, Jin, Suga", nor a place after its town, "Compton, California", nor
# another's name set apart, "Your driver, Marcus, will arrive": the name ends its sentence,
# after a word in lower case.)
_GREETINGS = ("hi", "hey", "hello", "thanks", "thank you", "bye", "goodbye", "night", "congrats", "congratulations",
              "sorry", "welcome", "morning", "evening", "meet you")
_CALLED = re.compile(rf"(?:(?i:\b(?:{'|'.join(_GREETINGS)}))\W{{0,2}}\s*"
                     r"|([\w'-]+),\s*)([A-Z][a-z]{2,})(?=\s*[!?.](?!\w)|\s*$)")
# The words an answer may open on before it calls the user: "Great, Jen!", "Great, Martin, ..."
_OPENING_WORDS = frozenset("""
    great wow aw aww haha oh ok okay sure yes no thanks well nice cool hey hi hello sorry alright right yay awesome
    hmm good
""".split())  # noqa: SIM905
# A thing named just before the comma ("the old capital, Kyoto", "our driver, Marcus", "a
# beagle, Max"), but for a wish ("have a good night, kyle!") or the user's own ("during your
# shift, Mario").
_BESIDE_A_THING = re.compile(r"\b(?:the|our|a|an|my|his|her|their|this|that)\s+(?:\w+\s+)?"
                             r"(?!(?:night|day|one|weekend|time|evening|morning|trip|luck|rest)\b)\w+,\s*$",
                             re.IGNORECASE)
# ...after a word that opens the answer: "Great, Martin, three days is a solid start."
_CALLED_AFTER_A_WORD = re.compile(rf"(?:^|[.!?]\s+)\W*(?i:{'|'.join(sorted(_OPENING_WORDS))}),\s*([A-Z][a-z]{{2,}}),")
# ...or after a "so" that turns to them: "ha, of course it is. so sarah, are you still...?"
_CALLED_AFTER_SO = re.compile(r"(?:^|[.!?]\s+)\W*(?i:so),?\s+([A-Za-z][a-z]{2,}),\s")
# ...and in an answer all in lower case, after a greeting or ending it: "hey tim !", "sleep
# well, emma 😊", "that sounds fun , maya !".
_CALLED_IN_LOWER_CASE = re.compile(rf"\b(?:{'|'.join(_GREETINGS)})\s+([a-z]{{3,10}})\s*(?:[!?.,]|$)"
                                   r"|,\s*([a-z]{3,10})\s*[!?.]*\s*(?:[^\w\s]\s*)*$")
# Words an answer may call anyone: "Thanks, mate!", "Good night, Sir."
_NOT_A_NAME = frozenset("""
    sir madam maam mate friend buddy dear everyone everybody folks guys team champ pal love honey sweetie dude
    bro man girl lol haha thanks there all you hun babe fam tho though too again now today tonight tomorrow then
    yet okay right lmao hahaha yeah yep nope sure please pls thx honestly anyway anyways
""".split())  # noqa: SIM905


# A message that tests what the bot remembers the user told: "whats my name and what's my
# dog called", "do you remember what day my interview is?", "what uni did i say i got into?"
# (not "do you remember who won the world cup?", nor what an account holds: "what's my name
# on the booking?").
MEMORY_TEST = re.compile(
    r"^(?!.*\b(?:account|booking|reservation|order|plan|subscription|reference|balance|card|number)\b)(?=.*(?:"
    r"\bwhat(?:'s| is|s)? my (?:\w+(?:'s)? )?(?:name|called)\b|\bwhat(?:'s| is|s)? my \w+ called\b"
    r"|\b(?:do|did) you remember (?:(?:what|which|where|when|who|how)\b[^?]{0,30}\b(?:i|my|i'm)\b|my\b)"
    r"|\bwhat (?:\w+ )?(?:did|do) i (?:just )?(?:say|tell you|mention)\b|\bmemory test\b))")
# In a lower-cased answer, the name it tells back: "your cat is called luna !".
_TOLD_IN_LOWER_CASE = re.compile(r"\b(?:called|named|name is|name's)\s+([a-z]{3,})\b(?! after\b)")
# The bot's own name, which an answer may add: "I'm Nova, by the way".
_ITS_OWN_NAME = re.compile(r"\b(?:i'm|i am|my name is|call me)\s+([A-Z][\w'-]+)")


def answers_a_memory_test(turn: Turn, heard: _Said) -> list[Found]:
    """An answer to a test of what the bot remembers that names, in its first sentence, what
    nobody said: "just chilling with my dog Biscuit" ... "ok memory test. whats my name and
    what's my dog called" - "Your name is Priya and your dog is called Buster!"; "on thursday"
    ... "do you remember what day my interview is?" - "Your interview is on Tuesday!". (A
    word said otherwise is the word: "thurs", "Thursday"; "christopher", "Chris". What the
    answer adds after its first sentence, its own name or a question, is none.)"""
    first = _SENTENCE_END.split(turn.answer.strip(), maxsplit=1)[0]
    own = {m.group(1).lower() for m in _ITS_OWN_NAME.finditer(turn.answer)}
    # (names, each a run of capitalised words, the first of them alone read: "New York City"
    # for "nyc", "Melbourne, Australia" for "melbourne"; a day or a month; not a figure, which
    # a user says in words as often: "twenty-five" - "You're 25!")
    named = [(m.group(1), True) for m in _TOLD_NAME.finditer(first)]
    named += [(m.group(0), False) for m in _DAY_OR_MONTH.finditer(first)]
    if first.islower():
        named += [(m.group(1), True) for m in _TOLD_IN_LOWER_CASE.finditer(first) if m.group(1) not in STOPWORDS]
    made_up = next((words for words, is_a_name in named if words.split()[0].lower() not in own
                    and not _heard_in_a_form(words.lower(), heard, is_a_name)), None)
    if made_up is None:
        made_up = _said_back_unheard(first, turn, heard)
    if made_up is None:
        return []
    return [Found(turn.pk, "ungrounded", confidence("ungrounded", "told_back"),
                  f"the answer to a test of what it remembers names what nobody said ({made_up}): "
                  f"{quote(turn.answer, 60)}", evidence={"named": made_up})]


def _said_back_unheard(first: str, turn: Turn, heard: _Said) -> str | None:
    """A word of what the answer says the user said ("You said you're eating pizza!") when
    none of the words it says there, but those of the test itself ("eating" of "what did i
    just say im eating"), was heard in any form: "cinnamon toast crunch" was said, "pizza"
    was not."""
    said = _YOU_SAID.search(first)
    if said is None:
        return None
    words = sorted(content_words(first[said.end():]) - content_words(turn.asked))
    if not words or any(_heard_in_a_form(word, heard, False) for word in words):
        return None
    return words[0]


# What an answer to a memory test says the user said: "You said you're eating pizza!".
_YOU_SAID = re.compile(r"\byou (?:said|told me|mentioned)\b(?: (?:that|you're|you are|you were|you|your))*",
                       re.IGNORECASE)


def _heard_in_a_form(named: str, heard: _Said, is_a_name: bool) -> bool:
    """Whether ``named`` (one word, or a run of a name's words) was said: a word of it, a
    word it shortens or that shortens it ("thurs" for "thursday", "chris" for
    "christopher"), or a name's initials ("nyc" for "new york city")."""
    parts = named.split()
    word = parts[0]
    if any(part in heard for part in parts) or (is_a_name and len(parts) > 1 and "".join(p[0] for p in parts) in heard):
        return True  # ("New Jersey" of "jersey", "NYC")
    words = heard.before | heard.now
    return any(len(other) >= 3 and (word.startswith(other) or other.startswith(word)) for other in words
               if other[:1] == word[:1])


# A name told back, a run of capitalised words after what places it: "Your name is Priya",
# "your dog is called Buster", "You got into Glasgow", "You're from New Jersey" (not "Canary
# Wharf, in London!", "You support Arsenal, the Gunners!").
_TOLD_NAME = re.compile(r"(?i:\b(?:name is|name's|called|named|you're|you are|you were|into|from|moved to|going to"
                        r"|you (?:study|work|live|go|went) (?:\w+ )?(?:at|in|to))\s+(?:the\s+)?)"
                        r"([A-Z][^\W\d_]{2,}(?:\s+[A-Z][^\W\d_]+)*)")
_DAY_OR_MONTH = re.compile(rf"\b(?:{WEEKDAYS}|{MONTHS_BUT_MAY})\b", re.IGNORECASE)


# What an answer tells the user back of their own, and the part of it that tells it ("{}"):
# "Your name is Pooja!", "you're from Recife, so...", "Happy 60th to your dad!", "Enjoy Rome
# with your three kids!", "Your son was 7 when you adopted her", "you said Tuesday", "since
# you've lived in Berlin for two years", "the 36-month wheel you saw". Only that part is read: "you mentioned the app
# crashes, so update to version 5.2" tells back no version, "since you're visiting Rome,
# don't miss the Vatican" no Vatican. (Not "since you're a Gold member": what the product
# knows of the user, a chatbot need not have been told; nor "your order is 2 days late".)
_UNTIL_THE_CLAUSE_ENDS = r"[^.,!?;]*?(?= so | and |[.,!?;]|$)"
_THEIRS = "|".join(word for pair in SEXED_PEOPLE for sex in pair for word in sex.split())
_THEIRS += "|" + "|".join(PET_WORDS)
# What a support bot's "since you..." tells of the user's account, not of their life.
_OF_THE_PRODUCT = ("on|using|subscribed|signed|logged|eligible|enrolled|registered|member|plan|customer|subscriber|"
                   "user|account|tier|subscription|version|app|order|card|package")
# ("enjoy your trip to santorini!", "enjoy the sunshine in california")
_ENJOY_IN_PART = rf"enjoy (?:the |your )?(?:\w+ ){{0,2}}(?:in|to) ({_UNTIL_THE_CLAUSE_ENDS})"
_NAMING_PARTS = (
    rf"your name is ({_UNTIL_THE_CLAUSE_ENDS})",
    rf"you(?:'re| are| were| come) from ({_UNTIL_THE_CLAUSE_ENDS})",
    rf"you (?:live|grew up|were born) in ({_UNTIL_THE_CLAUSE_ENDS})",
    # ("i have to move to glasgow in september" - "moving to edinburgh is so exciting !")
    r"^\W*moving to ([a-z]{3,}(?: [a-z]{3,})?)(?= is| will| sounds| must|[.,!?])",
    # ("me and my daughter mia watch every fight" ... "tell maya to start with a beginner class")
    r"\btell (?!(?:me|you|him|her|them|us|everyone|anyone|someone|people|your|the|his|our|their)\b)([a-z]{3,10}) to\b",
    # ("we're in toronto" ... "your morning in Vancouver is her afternoon in London")
    r"your (?:morning|afternoon|evening|night|day|time|weather|home|apartment|flat|house) (?:back )?in "
    r"([^.,!?;]*?)(?= (?:so|and|is|was|are|will|would)\b|[.,!?;]|$)",
    _ENJOY_IN_PART,
)
_TOLD_BACK_PARTS = _NAMING_PARTS + (
    r"happy (\d+)(?:st|nd|rd|th)\b",
    r"(?:best|great|amazing|wonderful|lovely) (\d+)(?:st|nd|rd|th) (?:birthday|bday|anniversary)\b",
    rf"(?:with|for|to|of|are|old are) your ((?:{'|'.join(_COUNTS)}|\d+)) ",
    rf"your (?:{_THEIRS}) (?:is|was|turns?|turned) (\d+)\b",
    rf"your ((?:{'|'.join(_COUNTS)}|\d+))[- ](?:year|yr)[- ]olds?\b",  # ("your 8 year olds" of girls of 6)
    rf"you (?:said|mentioned|told me) ({_UNTIL_THE_CLAUSE_ENDS})",
    rf"since you(?:'re| are| were|'ve| have| live| work) "
    rf"((?![^.,!?;]*\b(?:{_OF_THE_PRODUCT})\b){_UNTIL_THE_CLAUSE_ENDS})",
    # ("the one at costco said 24 months" - "...so the 36-month wheel you saw at Costco")
    r"the (\d+)[- ]?(?:month|year|day|week|hour|minute|km|mile|pound|kg|lb|inch|foot|cup|dollar|euro)s?(?:-old)? "
    r"(?:\w+ ){0,2}(?:that |which )?you (?:saw|bought|had|got|ran|tried|ate|found|picked|ordered|mentioned)\b",
)
_TOLD_BACK = tuple(re.compile(rf"\b{part}", re.IGNORECASE) for part in _TOLD_BACK_PARTS)
# Those that name a name or a place, the first word of which names it in an answer written
# all in lower case, as some chatbots and dialog corpora write ("since you're from lyon").
_NAMING = _TOLD_BACK[:len(_NAMING_PARTS)]
_ENJOY_IN = _TOLD_BACK[_TOLD_BACK_PARTS.index(_ENJOY_IN_PART)]  # (read only where the user told of a place)
# A place the user tells of: "from seattle to denver", "i live in osaka" (not "in the centre",
# "to work", "at home").
PLACE_TOLD = re.compile(r"\b(?:to|in|from|visit|visiting|near)\s+(?!(?:the|a|an|my|your|our|his|her|their|this|that"
                        r"|it|there|here|town|bed|work|school|home|time|be|do|go|get|see|have|make|book|find|know"
                        r"|me|you|him|them|us|person|advance|total|general|case|fact|love|touch|mind|stay|eat|try|buy|pay|leave"
                        r"|arrive|help|talk|hear|say|ask|start|keep|come|take|use|check|visit|meet|play|watch|sleep"
                        r"|any|some|one|all|each|every|which|what|where)\b)[a-z]{3,}\b")
_NAMES_NO_ONE = frozenset("""
    a an the around near nearby here there somewhere abroad overseas out away up down back home town city country
    village state area place big small same north south east west
""".split())  # noqa: SIM905


def _asks(sentence: str) -> bool:
    """The sentence asks ("you're from lisbon?"), not told back with a tag ("your name is
    pooja, right?")."""
    return sentence.rstrip().endswith("?") and _TAGGED.search(sentence) is None


_TAGGED = re.compile(r",\s*(?:right|yeah|yes|no|correct|isn't it|aren't you|didn't you)\?+\s*$")


def _named_in_lower_case(part: str, heard: _Said) -> str | None:
    """The name or place a told-back ``part`` of a lower-case answer is, alone ("since you're
    from lyon, you must..."), where nobody said it."""
    words = part.split()
    if len(words) != 1 or words[0] in _NAMES_NO_ONE or not words[0].isalpha() or words[0] in heard:
        return None  # (a name alone: not "your name is so pretty", "you're from far away")
    return words[0]


# ...any of them, in a lower-cased answer.
TELLS_BACK = re.compile("|".join(r"\b" + re.sub(r"\((?!\?)", "(?:", part) for part in _TOLD_BACK_PARTS))


def tells_back_what_nobody_said(turn: Turn, heard: _Said, places_told: bool = True) -> list[Found]:
    """An answer that tells the user back something of their own with a name, a place, a
    day or a count that nobody said: "I'm Priya" ... "Your name is Pooja!", "my dad turns
    70" ... "Happy 60th to your dad!", "we're taking the kids (both of them) to Rome" ...
    "Enjoy Rome with your three kids!". A chatbot that mixes up what it was told says so
    with a specific of its own. (A wish for a place, "Enjoy your stay in Cambridge.", only
    where the user told of a place, ``places_told``: a desk names its own town.)"""
    for sentence in _SENTENCE_END.split(turn.answer):
        in_lower_case = sentence.islower()
        for told_back in _TOLD_BACK:
            if told_back is _ENJOY_IN and not places_told:
                continue
            for m in told_back.finditer(sentence):
                made_up = _made_up(sentence, heard, m.span(1))
                if made_up is None and in_lower_case and told_back in _NAMING and not _asks(sentence):
                    made_up = _named_in_lower_case(m.group(1), heard)
                if made_up is not None:
                    return [Found(turn.pk, "ungrounded", confidence("ungrounded", "told_back"),
                                  f"the answer tells the user back what nobody said ({made_up}): "
                                  f"{quote(turn.answer, 60)}", evidence={"named": made_up})]
    return []


def _inside_a_sentence(text: str, at: int) -> bool:
    """Whether the word at ``at`` follows a word of its sentence, a comma, a colon or a dash
    (not a full stop, an emoji, a quotation mark or the start)."""
    before = text[:at].rstrip()
    return bool(before) and (before[-1].isalnum() or before[-1] in ",;:-\u2013\u2014")


# What an answer denies of the bot itself: "I've never driven a car", "i don't really eat
# bread", "I quit coffee last year", "yuck, i hate pizza" (the words after it).
_DENIES = re.compile(r"\bi(?:'ve| have)? (?:really |actually |even |honestly )?(?:don't|do not|never|can't stand|hate|"
                     r"dislike|quit|gave up)\b((?:\s+[\w']+){1,5})")
# A sentence that says something of the bot ("i love climbing!", "my kids love the shows"),
# not in the negative nor asking.
_OF_ITSELF = re.compile(r"\b(?:i|i'm|i've|my|me)\b")
_NEGATIVE = re.compile(r"\b(?:don't|do not|never|not|no|hate|can't|dislike)\b|n't\b")
_SENTENCE_END = SENTENCE_BREAK
# Words of a denial that name no thing: "i've never won anything lol".
_NAMES_NOTHING = frozenset("""
    have like love eat drink play watch do drive own enjoy listen really much time know think get go been ever actually
    never even want say said anything something thing things lol haha myself
""".split()) | REACTION_WORDS  # noqa: SIM905


def denies_itself(turn: Turn, earlier_answers: list[str]) -> list[Found]:
    """An answer that denies what an earlier answer said of the bot itself: "I learned in
    my dad's old car" - ... - "I've never driven a car"; "i love climbing!" - ... - "i've
    never actually tried climbing". ``earlier_answers``: the session's answers so far
    (lower-cased), which this one joins; only where an answer denies something are their
    sentences that say something of the bot read."""
    answered = turn.answered
    found: list[Found] = []
    if earlier_answers and "i" in answered and ("n" in answered or "quit" in answered or "gave" in answered):
        for m in _DENIES.finditer(answered):
            denied = content_words(m.group(1)) - _NAMES_NOTHING
            earlier = next((sentence for sentence in _said_of_itself(earlier_answers)
                            if not denied.isdisjoint(content_words(sentence))), None) if denied else None
            if earlier is not None:
                found.append(Found(turn.pk, "ungrounded", confidence("ungrounded", "itself"),
                                   f"the answer ({quote(m.group(0).strip(), 50)}) denies what an earlier answer said "
                                   f"of the bot: {quote(earlier, 60)}", evidence={"earlier": earlier[:300]}))
                break
    earlier_answers.append(answered)
    # ("do you have any pets ?" - "yes i have a german shepherd": the yes says it has pets)
    asked = _ASKS_IF_IT_HAS.match(turn.asked) if turn.asked.startswith(("do ", "and ", "so ")) else None
    if asked is not None and _SAYS_YES.match(answered) and _TELLS_IT_HAS.search(answered):
        earlier_answers.append(f"i have {asked.group(1).strip()}.")
    return found


def goes_against_its_advice(turn: Turn, previous: Turn | None, earlier_answers: list[str]) -> list[Found]:
    """An answer that tells the user they need not do what one of the few answers before
    advised, with a word of it: "It's a good idea to get it checked by a doctor" - ... -
    "No, you don't need to see a doctor." (not advice it gave as a condition, "you'll only
    need to see a doctor if it gets worse", nor advice the answer before took back: "that
    was bad advice")."""
    answered = turn.answered
    if "need" not in answered or (previous is not None and (previous.reply.takes_back or previous.reply.apologises)):
        return []  # (nearly every answer, cheaply)
    need_not = _NEED_NOT.search(answered)
    if need_not is None:
        return []
    done = heads(content_words(need_not.group(1)) - _DOING)
    for earlier in earlier_answers[-ADVICE_LOOKBACK:]:
        for sentence in SENTENCE_BREAK.split(earlier):
            if (_ADVISES.search(sentence) and _NEED_NOT.search(sentence) is None
                    and not done.isdisjoint(heads(content_words(sentence)))):
                return [Found(turn.pk, "ungrounded", confidence("ungrounded", "advice"),
                              f"the answer ({quote(need_not.group(0).strip(), 50)}) takes back what an earlier answer "
                              f"advised: {quote(sentence, 60)}", evidence={"earlier": sentence[:300]})]
    return []


ADVICE_LOOKBACK = 3  # answers before whose advice an answer is read against
# "you don't need to see a doctor", "there's no need to call them" (not "you don't need to
# worry", "...unless it gets worse", "...if it gets worse").
_NEED_NOT = re.compile(r"\b(?:you (?:don't|do not|won't|will not|wouldn't) (?:really |actually )?need to"
                       r"|(?:there's |there is )?no need to)\s+(?!worry|panic|stress|apologi[sz]e|feel|be sorry|thank)"
                       r"([^.!?,;]{3,60})"
                       r"(?![^.!?]*\b(?:unless|if|until)\b)")
_ADVISES = re.compile(r"\b(?:should|good idea|recommend|best to|make sure|worth|you'll want to|you need to|you have to"
                      r"|i'd suggest|i suggest|please|get it checked|don't wait)\b")
_DOING = frozenset(content_words("see get go do make take have call check it them one"))


# A question whether the bot has a thing ("do you have any pets ?"), and a yes to it that
# tells what it has ("yes i have a german shepherd"; not "yes of course!" to "do you have
# time to chat?", nor "Yes, we have a table at 7 pm").
_ASKS_IF_IT_HAS = re.compile(r"(?:(?:and|so)\W+)?do you (?:have|own)\b([^?.!]{1,40})\?")
_SAYS_YES = re.compile(r"\W*(?:yes|yeah|yep|yup|ya|of course|i do)\b")
_TELLS_IT_HAS = re.compile(r"\b(?:i have|i've got|i own|my)\b")


def says_against_itself(turn: Turn, persona: Persona) -> list[Found]:
    """An answer that says the bot has none of what an earlier answer said it had, or the
    other way round (:class:`Persona`): "i go kayaking with my husband" - ... - "i'm single
    so i have lots of free time". The answer joins what ``persona`` holds."""
    against = persona.contradicted(turn.answered)
    if against is None:
        return []
    earlier, now = against
    said_by = "it said of the bot first" if earlier.sentence in turn.answered else "an earlier answer said of the bot"
    return [Found(turn.pk, "ungrounded", confidence("ungrounded", "itself"),
                  f"the answer ({quote(now.sentence, 50)}) denies what {said_by}: "
                  f"{quote(earlier.sentence, 60)}", evidence={"earlier": earlier.sentence[:300]})]


def _said_of_itself(answers: list[str]) -> Iterator[str]:
    """The sentences of ``answers`` that say something of the bot ("i love climbing!", "my
    kids love the shows"), not in the negative nor asking."""
    for answer in answers:
        for sentence in _SENTENCE_END.split(answer):
            if ("?" not in sentence and _OF_ITSELF.search(sentence) and _NEGATIVE.search(sentence) is None
                    and _NO_MORE.search(sentence) is None  # ("i sold my car last year" says it has none)
                    and _REPORTS_A_TASK.search(sentence) is None):  # ("I have booked a taxi" is the user's)
                yield sentence


# What a task bot did for the user, which says nothing of the bot: "I have booked a taxi...".
_REPORTS_A_TASK = re.compile(r"\bi(?:'ve| have)? (?:just )?(?:booked|reserved|changed|set|added|sent|made|found"
                             r"|cancell?ed|ordered|arranged|scheduled|updated)\b")

# The words before "my husband" that say it is not one the bot has now.
_NOT_NOW = r"(?<!\bex )(?<!\bex-)(?<!\blate )(?<!\bformer )(?<!\bfuture )(?<!\bdream )(?<!\bold )(?<!\bfirst )"
_COUNT = r"(?:a|an|one|two|three|four|five)"
_PET = rf"(?:{'|'.join(PET_WORDS)}|pets?)"

# Each thing, with what says the bot has one and what says it has none, in the first person
# ("my son is an only child" says nothing of the bot's brothers; "the party was adults only,
# no kids" nothing of its children). Not "my sister-in-law", "my pet peeve", "i'm
# single-handedly...", "i don't drive at night", nor "i'm not married" (to a partner).
_THINGS = {
    "a partner": (
        rf"\bmy {_NOT_NOW}(?:husband|wife|partner|boyfriend|girlfriend|fianc[eé]e?)\b(?!'s|-)"
        r"|\bi(?:'m| am) (?:happily )?married\b",
        r"\bi(?:'m| am) (?:still |very )?single\b(?!-)|\bi'?ve been single\b|\bi(?:'ve| have) never been married\b"
        r"|\b(?:her|his|their|the kids'|my (?:son's|daughter's|kids')) (?:mom|mum|dad|mother|father) and i "
        r"(?:split|divorced|broke up|separated)\b|\bi(?:'m| am| got) divorced\b"
        r"|^\W*(?:no|nope|nah)\W+(?:i'?ve )?never been married\b"),
    "brothers or sisters": (
        r"\bmy (?:(?:two|three|four|five) )?(?:(?:big|little|older|younger|twin|baby) )?(?:brothers?|sisters?|siblings)"
        r"\b(?!'s|-)",
        r"\bi(?:'m| am| was) (?:an |the )?only child\b|\bi have no (?:brothers|sisters|siblings)\b"
        r"|\bi don't have (?:any )?(?:brothers|sisters|siblings)\b"),
    "children": (
        r"\bmy (?:(?:little|oldest|youngest|eldest|older|younger|baby|two|three|four) )?"
        r"(?:sons?|daughters?|kids|children|twins)\b(?!'s|-)"
        rf"|\bi have {_COUNT} (?:\w+ )?(?:sons?|daughters?|kids|children|twins)\b"
        r"|\bi'?m a (?:mom|mum|dad|mother|father|parent)\b"
        # (an answer to "do you have kids?": "Yep, one daughter, Lena.")
        r"|^\W*(?:yes|yep|yeah|yup|yea)\W+(?:just )?(?:one|two|three|four|a) (?:little )?(?:daughters?|sons?)\b",
        r"\bi(?: have|'ve got) no (?:kids|children)\b|\bi don't have (?:any )?(?:kids|children)\b"
        r"|\bno kids of my own\b|\bi'?m not a (?:mom|mum|dad|parent)\b|^\W*no kids\b"),
    "pets": (
        rf"\bmy (?:(?:two|three|four|new|little|big) )?{_PET}\b(?!'s| peeve| project| name)"
        rf"|\bi have {_COUNT} (?:\w+ )?{_PET}\b(?! peeve| project| name)",
        r"\bi(?: have|'ve got) no (?:pets|animals)\b|\bi (?:don't have|never had) (?:any )?(?:pets|animals)\b"
        r"|\bi'?m not a pet person\b|\bi don't have a pet\b"),
    # (as "has" reads it: a diet without meat; "none", the bot eating meat)
    "a diet without meat": (
        r"\bi(?:'m| am|m|'ve been| have been) (?:a |an )?(?:strict |fully )?(?:vegan|vegetarian)\b",
        r"\bi (?:still |also |usually |often |always )?(?:eat|have|had|love|grill|order) "
        # (not a meatless one, "a bean burger", "soy sausages", nor "no beef with anyone", "bruised ribs")
        r"(?![^.!?,]*\b(?:vegan|veggie|plant|beyond|impossible|tofu|fake|meatless|bean|lentil|mushroom|soy|seitan"
        r"|tempeh|quorn|halloumi|jackfruit|meat-free|no|bruised|broken|cracked|sore)\b)(?:a |some |the )?(?:\w+ )?"
        r"(?:meat(?!-)|steaks?|(?:cheese)?burgers?|bacon|beef|pork|ribs|sausages?|chicken|turkey|ham|lamb|salmon"
        r"|tuna)\b"
        r"(?! (?:substitute|alternative|craving|cravings|smell|dream))"),
    # (as "has" reads it: a drink; "none", the bot sober)
    "a drink": (
        r"\b(?:too many|a few|some|two|three) (?:beers|drinks|glasses of wine|shots)\b|\bwine night\b|\bhungover\b"
        r"|\bi (?:love|had|drink|drank|still have) (?:a |some |my )?(?:beer|beers|wine|whiskey|vodka|cocktails?)\b",
        r"\bi (?:don't|do not|never) drink\b(?! (?:coffee|soda|milk|tea|much|often|on|during|before|and drive))"
        r"|\bi'?m (?:a )?(?:teetotal(?:er)?|sober)\b|\bbeen sober\b"),
    "an instrument": (
        r"\bi (?:also |still |even )?(?:play|have played|'ve played|played) (?:the |a little |a bit of |some )?"
        r"(?:cello|piano|guitar|violin|viola|drums|bass|flute"
        r"|clarinet|trumpet|saxophone|sax|ukulele|harp|banjo|keyboard)\b(?! (?:hero|video))"
        r"|^\W*(?:the )?(?:cello|piano|guitar|violin|drums|flute|saxophone|ukulele|harp)\W+since i was\b",
        r"\bi(?:'ve| have)? never (?:touched|played|learned) (?:an|any) instruments?\b"
        r"|\bi (?:don't|do not|can't|cannot) play (?:an?y? )?instruments?\b|\bno musical bone\b"
        r"|\bmusic (?:was|is|has) never (?:been )?my thing\b"),
    # (a retired firefighter who "never retired, still on the truck every shift")
    "retirement": (
        r"\bi(?:'m| am|m) (?:now |happily )?retired\b(?! from)"
        r"|^\W*(?:i'm |im |i am )?(?:a )?retired (?:now|\w+er|\w+ist|nurse|teacher|firefighter|cop|soldier)\b",
        r"\bi (?:never|didn't|didnt|did not) retire(?:d)?\b(?! (?:it|them|from))"
        r"|\bi(?:'m| am|m) not retired\b(?! from)"),
    # (a chef who "can't cook at all")
    "cooking": (
        r"\bi(?:'m| am|m|'ve been| have been| work as) (?:a |the )?(?:head |sous |pastry |line |sushi )?chef\b",
        r"\bi (?:can't|cant|cannot|can not|don't know how to|dont know how to) (?:really )?cook"
        r"(?= at all\b| to save my life\b| either\b|\W*$|\s*[.,!;])"),
    "a car": (
        r"\bmy (?:car|truck|van|jeep)\b(?!'s)|\bi drive an? (?:\w+ )?(?:car|truck|van|suv|jeep)\b",
        r"\bi don't (?:have|own) a car\b|\bi have no car\b|\bi don't drive\b(?=\W*$|[.,!;]| at all\b)"),
}
# A sentence that tells of what the bot had and has no more says neither: "i sold my car
# last year", "my dog passed away", "i don't have pets anymore".
_NO_MORE = re.compile(r"\b(?:sold|died|passed|used to|lost|gave away|broke up|divorced|anymore|any more|"
                      r"no longer)\b")
_HAS = {thing: re.compile(has) for thing, (has, _) in _THINGS.items()}
_HAS_NONE = {thing: re.compile(none) for thing, (_, none) in _THINGS.items()}
# A sentence of wishes and what-ifs has nothing yet: "I'd love a cat someday".
_HOPED_FOR = re.compile(r"\b(?:if i|would|wish|someday|one day|want|i'd|hope|dream|imagine|pretend)\b")
# Only an answer with one of these says either (looked for as they are, which is quick).
_MAY_SAY = ("my ", "i have", "i drive", "married", "single", "only child", "no ", "n't", "never", "not a", "i've got",
            "vegan", "vegetarian", "i eat", "i had", "i love", "i grill", "i order", "i still", "i also", "i usually",
            "drink", "beer", "wine", "sober", "teetotal", "hungover", "shots", "i play", "played", "since i was",
            "musical", "divorced", "and i ", "retired", "chef", "cook", "music", "yes", "yep", "yeah", "yup", "yea")
# ...and only a sentence that says one or the other.
_SAYS_EITHER = re.compile("|".join(f"(?:{pattern})" for pair in _THINGS.values() for pattern in pair))


@dataclass(frozen=True, slots=True)
class Said:
    thing: str  # "a partner", "pets"...
    has: bool  # whether the bot said it has one (or some)
    sentence: str  # the sentence that said so, lower-cased


@lru_cache(maxsize=16384)
def said_of_itself(answered: str) -> tuple[Said, ...]:
    """What a (lower-cased) answer says the bot has or has not, sentence by sentence. (A
    canned answer, given to many, is read once.)"""
    if not any(word in answered for word in _MAY_SAY) or _SAYS_EITHER.search(answered) is None:
        return ()
    out = []
    for sentence in sentences_of(answered):
        if "?" in sentence or _SAYS_EITHER.search(sentence) is None or _NO_MORE.search(sentence):
            continue
        for thing, has_none in _HAS_NONE.items():
            if has_none.search(sentence):
                # ("these days i don't play any instruments" sets now against before; "retired
                # firefighter, so i mostly fish these days" says what is)
                if "these days" not in sentence:
                    out.append(Said(thing, False, sentence))
            elif _HAS[thing].search(sentence) and _HOPED_FOR.search(sentence) is None:
                out.append(Said(thing, True, sentence))
    return tuple(out)


# The work an answer says the bot does now: "i'm a nurse", "i work as a barista", "i've been
# a pilot for 12 years", "i teach history at a high school" (a teacher). Not work it did or
# wants ("i used to be a nurse", "i want to be a pilot"), nor what it is good at ("i'm a good
# cook"), nor one that goes with another ("i'm a student", "i'm a mom").
_WORKS = {
    "teacher": "teacher|teach|professor|tutor|lecturer", "nurse": "nurse", "doctor": "doctor|physician|surgeon",
    "dentist": "dentist", "lawyer": "lawyer|attorney", "chef": "chef|baker", "barista": "barista",
    "mechanic": "mechanic", "engineer": "engineer|programmer|developer|coder", "accountant": "accountant",
    "pilot": "pilot", "farmer": "farmer", "firefighter": "firefighter|fireman", "librarian": "librarian",
    "florist": "florist", "plumber": "plumber", "electrician": "electrician", "carpenter": "carpenter",
    "designer": "designer", "writer": "writer|author|journalist", "musician": "musician", "cashier": "cashier",
    "waiter": "waiter|waitress", "bartender": "bartender", "driver": "driver|trucker",
    "police officer": "police officer|cop", "soldier": "soldier", "vet": "veterinarian",
    "pharmacist": "pharmacist", "zookeeper": "zookeeper", "architect": "architect", "banker": "banker",
    "photographer": "photographer", "hairdresser": "hairdresser|hairstylist|barber", "paramedic": "paramedic",
    "hygienist": "hygienist", "roofer": "roofer", "welder": "welder",
    "therapist": "therapist", "scientist": "scientist", "realtor": "realtor", "dancer": "dancer",
}
_WORK_OF = {word: work for work, words in _WORKS.items() for word in words.split("|")}
TELLS_ITS_WORK = re.compile(
    r"\bi(?:'m| am|m|'ve been| have been| work as) (?:an? )?"
    r"(?:(?:high school|school|math|history|english|science|art|music|kindergarten|software|truck|bus|taxi|head"
    r"|sous|pastry|registered|er|icu|night shift|dental|freelance|graphic|web|wedding|full time|pediatric"
    r"|flight|airline|research|family|criminal|divorce|tax) )?"
    rf"({'|'.join(sorted((w for w in _WORK_OF if w != 'teach'), key=len, reverse=True))})s?\b(?!-)"
    r"|\bi (teach) (?:\w+ )?(?:school|grade|kindergarten|math|maths|history|english|science|biology|chemistry|physics"
    r"|french|spanish|geography|class|classes|kids|students|at (?:a|the) (?:school|college|university))\b")
_NOT_ITS_WORK_NOW = re.compile(r"\b(?:used to|former|formerly|retired|before|was an?|were an?|became|become|want to"
                               r"|wanna|dream|someday|one day|hope|training|studying|would|if i|like an?|part[- ]time"
                               r"|side|also|too|my (?:\w+ )?(?:mom|dad|mother|father|wife|husband|son|daughter|sister"
                               r"|brother|friend|kids?|child|children)|pretend|play|playing|not|never|no longer"
                               r"|at heart)\b")


@lru_cache(maxsize=16384)
def work_of_itself(answered: str) -> Said | None:
    """The work a (lower-cased) answer says the bot does now, as :data:`TELLS_ITS_WORK` reads
    it (the work as ``thing``), if it tells of exactly one. (A canned answer is read once.)"""
    if TELLS_ITS_WORK.search(answered) is None:
        return None  # (most answers, cheaply)
    works = {}
    for sentence in sentences_of(answered):
        told = list(TELLS_ITS_WORK.finditer(sentence))
        if not told or "?" in sentence or _NOT_ITS_WORK_NOW.search(sentence):
            continue
        for found in told:
            works.setdefault(_WORK_OF[found.group(1) or found.group(2)], sentence)
    if len(works) != 1:
        return None
    ((work, sentence),) = works.items()
    return Said(work, True, sentence)


class Persona:
    """What a session's answers said the bot has, as the first answer to tell of each thing
    said it; read answer by answer."""

    def __init__(self) -> None:
        self._said: dict[str, Said] = {}
        self._work: Said | None = None  # the work the first answer to tell of it said the bot does

    def contradicted(self, answered: str) -> tuple[Said, Said] | None:
        """(what an earlier answer said, what this one says against it), where the
        (lower-cased) answer says the bot has none of what it said it had, or the other way
        round, or does another work than it said ("i teach fourth grade" - ... - "I've been a
        nurse for 12 years"); the answer then joins what was said."""
        found = None
        work = work_of_itself(answered)
        if work is not None:
            if self._work is None:
                self._work = work
            elif work.thing != self._work.thing:
                found = self._work, work
        now = said_of_itself(answered)
        for said in now:  # (against the earlier answers only: "My car died. So now I don't have a car.")
            earlier = self._said.get(said.thing)
            if found is None and earlier is not None and earlier.has != said.has:
                found = earlier, said
        # ...or a diet said against itself in one answer: "I'm vegetarian, so lots of beans...
        # I also eat chicken twice a week."
        diet = [said for said in now if said.thing == "a diet without meat"]
        if found is None and len({said.has for said in diet}) == 2:
            found = diet[0], diet[-1]
        for said in now:
            self._said.setdefault(said.thing, said)
        return found
