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
car) or has none. "My X" says it has one, but not a former or a hoped-for one ("my
ex-husband", "my late wife", "my dream car", "I'd love a dog someday"), nor someone
else's ("my sister's kids" tells of a sister, not of children).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from ..words import content_words
from .confidence import confidence
from .found import Found, quote
from .phrases import PETS, REACTION_WORDS, SEXED_PEOPLE, the_other_kinds, the_other_sex
from .turns import Turn, sentences_of

# "your son" where the user told of a daughter, "your cat" where they told of a dog: each
# person or pet, and the other sex's or kinds' words in its place. (Not parents, nor their
# brothers and sisters: "could your mom help?" to a user who told of a dad speaks of another
# person, whom the user has too.)
_OWN_GENERATION = tuple(pair for pair in SEXED_PEOPLE
                        if not {"mom", "grandma", "aunt", "niece"} & set(pair[0].split()))


_IN_PLACE_OF = the_other_sex(_OWN_GENERATION) | the_other_kinds(PETS)


_YOUR_OWN = re.compile(rf"\byour (?:(?:little|big|older|younger|new|old) )?({'|'.join(_IN_PLACE_OF)})\b")


# ...as the topic words of messages and answers read them ("horses" as "hors", "horse" as
# "horse"): the words of each one's own sex or kind, and the others'.
_OWN_GROUP = {word: group for group in (*(sex for pair in _OWN_GENERATION for sex in pair), *PETS)
              for word in group.split()}


_STEMS_IN_PLACE_OF = {word: (content_words(_OWN_GROUP[word]), content_words(" ".join(others)))
                      for word, others in _IN_PLACE_OF.items()}


def speaks_of_another(turn: Turn, told: set[str]) -> list[Found]:
    """An answer that speaks of the user's son where the user told of a daughter, and
    never of a son: "I have daughter, she is 7." - "What does your son like to do?"; or of
    their dogs where they told of their horses: "i ride my horses" - "how old are your
    dogs?". (Not where it names both: "could your mom or dad help?")"""
    for m in _YOUR_OWN.finditer(turn.answered):
        person = m.group(1)
        own, other = _STEMS_IN_PLACE_OF[person]
        if own.isdisjoint(told) and not other.isdisjoint(told) and other.isdisjoint(turn.answer_words):
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
                        r"(?:(?:have|got|must|need) to|gotta) go)\b", re.DOTALL)


# A wish or a goodbye in an answer: "Enjoy your trip to California!", "Good luck in
# Vancouver", "Happy birthday to your sister!", "See you on Thursday at 15:00!". (Said
# anywhere in the answer: :data:`.phrases.ANSWER_SIGNS_OFF` reads an answer that only signs
# off.)
_WISHES = re.compile(r"\b(?:enjoy|good luck|best of luck|have (?:a |an )?(?:great|nice|wonderful|good|lovely|fun|safe)"
                     r"|have fun|see you|bye|goodbye|good night|take care|happy|congrat\w*|say hi|give (?:your|my|him|"
                     r"her|them)|tell me how it goes|hope (?:you|your))\b")


# What a goodbye would name only if someone said it: a name or a place (a word with a capital
# inside a sentence), a figure, a day or a month.
_CAPITALISED = re.compile(r"(?<![^\W\d_])[A-Z][^\W\d_]{2,}")


_DAY_OR_FIGURE = re.compile(r"\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|february|march|"
                            r"april|june|july|august|september|october|november|december)\b|\d+", re.IGNORECASE)


_HEARD = re.compile(r"[^\W_]+")


_DIGITS = re.compile(r"\d+")


class Heard:
    """The words a session's messages and answers said before a turn (and the figures in
    them: "7pm" says 7), read once each, as far as asked."""

    def __init__(self, turns: list[Turn]) -> None:
        self.turns = turns
        self.read = 0  # the turns whose message and answer are in :attr:`words`
        self.words: set[str] = set()

    def up_to(self, at: int) -> set[str]:
        """The words said before turn ``at``, and by its message."""
        for turn in self.turns[self.read:at]:
            self.words |= _words_heard(turn.question) | _words_heard(turn.answer)
        self.read = max(self.read, at)
        return self.words | _words_heard(self.turns[at].question)


def _words_heard(text: str) -> set[str]:
    """The words of a text, lower-cased, and the figures in them, said in digits or in words
    ("three kids" says 3)."""
    words = {w.lower() for w in _HEARD.findall(text)}
    return words | set(_DIGITS.findall(text)) | {_COUNTS[w] for w in words & _COUNTS.keys()}


# Counts said in words, as a made-up specific may be: "Have fun with your three kids."
_COUNTS = {word: str(n) for n, word in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve".split()) if n > 1}  # noqa: SIM905


_COUNT_WORD = re.compile(rf"\b(?:{'|'.join(_COUNTS)})\b", re.IGNORECASE)


# Words a wish gives capitals that name no one: "Happy Birthday", "Merry Christmas".
_OCCASIONS = frozenset("""
    birthday christmas merry new year easter weekend holidays holiday day eve thanksgiving valentine anniversary
""".split())  # noqa: SIM905


_TITLE_CASE_WORDS = 4  # a sentence this long with most words capitalised is in Title Case


def _made_up(sentence: str, heard: set[str]) -> str | None:
    """The first name, place, day, month or count of ``sentence`` that nobody said (a word
    of ``heard``, the session's words so far, lower-cased)."""
    words = sentence.split()
    named = [m.group(0) for m in _DAY_OR_FIGURE.finditer(sentence)]
    named += [m.group(0) for m in _COUNT_WORD.finditer(sentence) if _COUNTS[m.group(0).lower()] not in heard]
    if len(words) < _TITLE_CASE_WORDS or sum(w[:1].isupper() for w in words) * 2 <= len(words):
        named += [m.group(0) for m in _CAPITALISED.finditer(sentence)
                  if _inside_a_sentence(sentence, m.start()) and _WISHES.search(m.group(0).lower()) is None
                  and m.group(0).lower() not in _OCCASIONS]
    return next((n for n in named if n.lower() not in heard), None)


def _made_up_in(answer: str, sentences: re.Pattern, heard: set[str]) -> str | None:
    """The first specific nobody said (:func:`_made_up`) in a sentence of ``answer`` that
    ``sentences`` finds, lower-cased, something in."""
    for sentence in _SENTENCE_END.split(answer):
        if sentences.search(sentence.lower()) is not None:
            made_up = _made_up(sentence, heard)
            if made_up is not None:
                return made_up
    return None


def names_what_nobody_said(turn: Turn, heard: set[str]) -> list[Found]:
    """A goodbye answered with a wish that names a person, a place, a day or a number that
    nobody in the conversation said: "ok, see you tomorrow" - "See you on Thursday!",
    "thanks!" - "Enjoy your trip to California!" (to a user going to Florida), "Bye Inês!
    Enjoy Madrid!". What a goodbye answers with is what was said; a new specific is made up.
    ``heard``: the words of the session's messages and answers so far, lower-cased."""
    answer = turn.answer
    if turn.answered.count(" ") < 2 or _WISHES.search(turn.answered) is None:
        return []  # (the wishes are English ones: "Gute Reise!", whose nouns have capitals, is none)
    # (Only the wish: what the answer tells besides, "Your contract ends on August 3.", is none.)
    made_up = _made_up_in(answer, _WISHES, heard)
    if made_up is None:
        return []
    return [Found(turn.pk, "ungrounded", confidence("ungrounded", "farewell"),
                  f"the answer to a goodbye names what nobody said ({made_up}): {quote(answer, 60)}",
                  evidence={"named": made_up})]


# A sentence that tells the user back what is theirs: "Your name is Pooja!", "Since you're
# from Recife...", "Happy 60th to your dad!", "Enjoy Rome with your three kids!", "Your son
# was 7 when you adopted her", "you said Tuesday".
# (Not "since you're on the Pro plan, open Settings", which tells of the product.)
TELLS_BACK = re.compile(r"\b(?:your name is|you(?:'re| are| were| come) from|you (?:live|grew up|were born) in"
                        r"|since you(?:'re| are| were|'ve| have| live| work)(?! (?:on|using|subscribed|signed|logged|"
                        r"eligible|enrolled|registered|a (?:member|customer|subscriber|user))\b)"
                        r"|happy \d+(?:st|nd|rd|th)|(?:with|for|to|of) your (?:two|three|four|five|six|seven|eight|"
                        r"nine|ten|\d+) |your \w+ (?:is|was|turns?|turned) \d+|you (?:said|mentioned|told me)"
                        r"|as you said)")


def tells_back_what_nobody_said(turn: Turn, heard: set[str]) -> list[Found]:
    """An answer that tells the user back something of their own with a name, a place, a
    day or a count that nobody said: "I'm Priya" ... "Your name is Pooja!", "my dad turns
    70" ... "Happy 60th to your dad!", "we're taking the kids (both of them) to Rome" ...
    "Enjoy Rome with your three kids!". A chatbot that mixes up what it was told says so
    with a specific of its own."""
    made_up = _made_up_in(turn.answer, TELLS_BACK, heard)
    if made_up is None:
        return []
    return [Found(turn.pk, "ungrounded", confidence("ungrounded", "told_back"),
                  f"the answer tells the user back what nobody said ({made_up}): {quote(turn.answer, 60)}",
                  evidence={"named": made_up})]


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


_SENTENCE_END = re.compile(r"(?<=[.!?])\s+")


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
    return found


def says_against_itself(turn: Turn, persona: Persona) -> list[Found]:
    """An answer that says the bot has none of what an earlier answer said it had, or the
    other way round (:mod:`.persona`): "i go kayaking with my husband" - ... - "i'm single
    so i have lots of free time". The answer joins what ``persona`` holds."""
    against = persona.contradicted(turn.answered)
    if against is None:
        return []
    earlier, now = against
    return [Found(turn.pk, "ungrounded", confidence("ungrounded", "itself"),
                  f"the answer ({quote(now.sentence, 50)}) denies what an earlier answer said of the bot: "
                  f"{quote(earlier.sentence, 60)}", evidence={"earlier": earlier.sentence[:300]})]


def _said_of_itself(answers: list[str]) -> Iterator[str]:
    """The sentences of ``answers`` that say something of the bot ("i love climbing!", "my
    kids love the shows"), not in the negative nor asking."""
    for answer in answers:
        for sentence in _SENTENCE_END.split(answer):
            if "?" not in sentence and _OF_ITSELF.search(sentence) and _NEGATIVE.search(sentence) is None:
                yield sentence


# The words before "my husband" that say it is not one the bot has now.
_NOT_NOW = r"(?<!\bex )(?<!\bex-)(?<!\blate )(?<!\bformer )(?<!\bfuture )(?<!\bdream )(?<!\bold )(?<!\bfirst )"
_COUNT = r"(?:a|an|one|two|three|four|five)"
_PET = rf"(?:{'|'.join(word for kind in PETS for word in kind.split())}|pets?)"

# Each thing, with what says the bot has one and what says it has none.
_THINGS = {
    "a partner": (
        rf"\bmy {_NOT_NOW}(?:husband|wife|partner|boyfriend|girlfriend|fianc[eé]e?)\b(?!'s)"
        r"|\bi(?:'m| am) (?:happily )?married\b",
        r"\bi(?:'m| am) (?:still |happily |very )?single\b|\bi(?:'m| am) not married\b"
        r"|\bi(?:'ve| have) never been married\b"),
    "brothers or sisters": (
        r"\bmy (?:(?:big|little|older|younger|twin|baby) )?(?:brothers?|sisters?|siblings)\b(?!'s)",
        r"\bonly child\b|\bno (?:brothers|sisters|siblings)\b|\bdon't have (?:any )?(?:brothers|sisters|siblings)\b"),
    "children": (
        r"\bmy (?:(?:little|oldest|youngest|eldest|older|younger|baby|two|three|four) )?"
        r"(?:sons?|daughters?|kids|children|twins)\b(?!'s)"
        rf"|\bi have {_COUNT} (?:\w+ )?(?:sons?|daughters?|kids|children|twins)\b"
        r"|\bi'?m a (?:mom|mum|dad|mother|father|parent)\b",
        r"\b(?:i have|i've got) no (?:kids|children)\b|\bdon't have (?:any )?(?:kids|children)\b|\bno kids\b(?! yet)"
        r"|\bi'?m not a (?:mom|mum|dad|parent)\b"),
    "pets": (
        rf"\bmy (?:(?:two|three|four|new|little|big) )?{_PET}\b(?!'s)|\bi have {_COUNT} (?:\w+ )?{_PET}\b",
        r"\b(?:no|don't have (?:any )?|never had (?:any )?)(?:pets|animals)\b|\bnot a pet person\b"
        r"|\bdon't have a pet\b"),
    "a car": (
        r"\bmy (?:car|truck|van|jeep)\b(?!'s)|\bi drive an? \w+",
        r"\bdon't (?:have|own) a car\b|\bi don't drive\b|\bno car\b|\bi(?:'ve| have) never driven\b"),
}
_HAS = {thing: re.compile(has) for thing, (has, _) in _THINGS.items()}
_HAS_NONE = {thing: re.compile(none) for thing, (_, none) in _THINGS.items()}
# A sentence of wishes and what-ifs has nothing yet: "I'd love a cat someday".
_HOPED_FOR = re.compile(r"\b(?:if i|would|wish|someday|one day|want|i'd|hope|dream|imagine|pretend)\b")
# Only an answer with one of these says either (looked for as they are, which is quick).
_MAY_SAY = ("my ", "i have", "i drive", "married", "single", "only child", "no ", "n't", "never", "not a")
# ...and only a sentence that says one or the other.
_SAYS_EITHER = re.compile("|".join(f"(?:{pattern})" for pair in _THINGS.values() for pattern in pair))


@dataclass(frozen=True, slots=True)
class Said:
    thing: str  # "a partner", "pets"...
    has: bool  # whether the bot said it has one (or some)
    sentence: str  # the sentence that said so, lower-cased


def said_of_itself(answered: str) -> list[Said]:
    """What a (lower-cased) answer says the bot has or has not, sentence by sentence."""
    if not any(word in answered for word in _MAY_SAY) or _SAYS_EITHER.search(answered) is None:
        return []
    out = []
    for sentence in sentences_of(answered):
        if "?" in sentence or _SAYS_EITHER.search(sentence) is None:
            continue
        for thing, has_none in _HAS_NONE.items():
            if has_none.search(sentence):
                out.append(Said(thing, False, sentence))
            elif _HAS[thing].search(sentence) and _HOPED_FOR.search(sentence) is None:
                out.append(Said(thing, True, sentence))
    return out


class Persona:
    """What a session's answers said the bot has, as the first answer to tell of each thing
    said it; read answer by answer."""

    def __init__(self) -> None:
        self._said: dict[str, Said] = {}

    def contradicted(self, answered: str) -> tuple[Said, Said] | None:
        """(what an earlier answer said, what this one says against it), where the
        (lower-cased) answer says the bot has none of what it said it had, or the other way
        round; the answer then joins what was said."""
        found = None
        for said in said_of_itself(answered):
            earlier = self._said.setdefault(said.thing, said)
            if found is None and earlier.has != said.has:
                found = earlier, said
        return found
