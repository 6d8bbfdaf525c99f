"""The turns of the sessions in scope, read once for every detector that looks at them.

A support bot's traffic says the same things again and again: a common question, a
canned answer. So what the detectors read in a text (its lower-cased form, its words, the
patterns it matches) belongs to the text, not to the turn: a :class:`Message` for what a
user wrote and a :class:`Reply` for an answer are made once for each distinct text of a
detection, and every turn that sent or got the same text shares them. Only what depends on
the turn itself (its place in the session, what the meaning model said of it) is the turn's.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from sqlalchemy import Connection

from ..store import select_rows
from ..text import as_said, text_of_json, user_question
from ..words import STOPWORDS, WORD, content_words, has_digit
from .answer_phrases import (
    ACKNOWLEDGES,
    AGREES,
    ANSWER_ASKS_BACK,
    ANSWER_DID_NOT_UNDERSTAND,
    ANSWER_OFFERS,
    ANSWER_REPAIRS,
    ANSWER_SIGNS_OFF,
    ANSWER_YES_OR_NO,
    APOLOGISES,
    APPRECIATION_WORDS,
    ASKS_FOR_DETAIL,
    ASKS_FOR_FEEDBACK,
    ASKS_WHAT_THE_TASK_NEEDS,
    ASKS_WHERE_FROM_OR_TO,
    CHANGES_SUBJECT,
    CHECKS_WHAT_IT_HEARD,
    CHEER,
    FILLER_WORDS,
    NARROWS_THE_REQUEST,
    REACTION_WORDS,
    SORRY_THERE_IS_NONE,
    SYMPATHY,
    TAKES_BACK,
    TAKES_IT_ON,
    asks_for_what_the_request_needs,
    could_not_help,
    ends_on_an_unmarked_question,
    last_question,
)
from .phrases import (
    ANOTHER_ONE,
    ASKS_A_QUESTION,
    ASKS_FOR_A_TASK,
    ASKS_FOR_ADVICE,
    ASKS_IF_IT_HELPED,
    ASKS_OF_A_JOURNEY,
    ASKS_TO_HEAR_AGAIN,
    ASKS_YES_OR_NO,
    BAD_NEWS,
    BETTER_NEWS,
    CHALLENGES,
    CHECKS_THE_ANSWER,
    CLARIFIES,
    CLOSING,
    CONTRADICTS,
    CORRECTS_ITSELF,
    DECLARATIVE_QUESTION,
    DENIES_HAVING,
    DID_NOT_FOLLOW,
    DOUBTS_IT,
    ECHOED,
    FIGURE_ASKED,
    GIVES_UP,
    MAY_CORRECT,
    MORE_DETAIL,
    NEW_QUESTION_CUES,
    NOT_A_CHALLENGE,
    OBVIOUSLY,
    OPENS_ON_NO,
    PUSHES_ON,
    PUZZLED,
    REPHRASE_CUES,
    SAYS_IT_ASKS_AGAIN,
    SENTENCES,
    SOCIAL_QUESTION,
    STARTS_OVER,
    WANTS_TO_KNOW,
    WHAT_BUT,
    WORD_CHARACTERS_ONLY,
    as_the_patterns_read,
    asks_for_person,
    complains,
)
from .request import CONFIRMS, names_a_time

QUESTION_LIMIT = 2000  # characters of the user's message read
ANSWER_LIMIT = 300  # characters of the answer compared by meaning: its gist, not its appendix
OFF_TOPIC_MIN_WORDS = 5  # an answer must say this much for its meaning to tell ("It shipped." does not)
OFF_TOPIC_MIN_TOPIC_WORDS = 4  # ...about a topic ("Let me check that for you." does not)
# Whether an answer lies far from its request is a fact of the turn once its meaning is read
# (conversation.py reads it for off-topic answers, reactions.py for follow-ups):
OFF_TOPIC = 0.3  # an answer less similar in meaning than this to a plain request does not address it
# ...nor, for a short answer that names nothing (Reply.says_little), less than this: good
# short answers lie as low as 0.12 ("In the spring, mostly." to "when did the war end?").
SHORT_OFF_TOPIC = 0.1
# A short answer: this many words at most, this many of them topic words.
SHORT_ANSWER_WORDS = 8
SHORT_ANSWER_TOPIC_WORDS = 3
# Figures in words, which a short answer may be ("Seven.", "Every four years.").
NUMBER_WORDS = frozenset("""
    zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen
    seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety hundred thousand million
    billion once twice half dozen first second third
""".split())  # noqa: SIM905 (a word list reads best as words)
BLAND_WORDS = 4  # an answer of interjections and appreciation this short says nothing
# An answer longer than this is no mere word of appreciation or acknowledgement ("Oh,
# that's good to know!" is 24 characters).
ACKNOWLEDGEMENT_CHARACTERS = 40
# An answer that only asks back, or changes the subject, says no more than this many words
# (a longer one may answer as it asks).
# An answer's reaction to what it was told comes first, in this many words at most ("Haha,
# as you should!"), up to the first mark that ends a clause.
REACTION_MAX_WORDS = 5
CORRECTION_WORDS = 10  # a message that corrects the answer says so in a few words
CHALLENGE_WORDS = 10  # ...as does one that questions it
# The words a reaction opens on, whatever follows them in its clause ("Haha a bit!", "Aw, she
# sounds lovely.").
INTERJECTIONS = frozenset({"haha", "hahaha", "hah", "ha", "lol", "aw", "aww", "awww", "oh", "ooh", "wow", "omg", "yay"})
# Where an answer's clause ends: a mark and a space, a dash between spaces, its last mark.
CLAUSE_END = re.compile(r"[.!,;:?]\s|[.!?]$|\s[-\u2013\u2014]\s")
ONLY_ASKS_BACK_WORDS = 12
CHANGE_OF_SUBJECT_WORDS = 8
# What tells a message that asks for something from one that tells something.
REQUEST_WORDS = frozenset({"please", "pls", "plz", "plse", "plesae", "pleas", "help"})
ASKING = re.compile(r"\b(?:i need|i want|i'd like|i would like|can you|could you|can i|could i|would you|how to|"
                    r"tell me|let me know|wondering)\b"
                    r"|(?:^|[,.;:!]\s*)(?:is|are|can|could|do|does|did|will|would|should|how|what|where|when|why|who|"
                    r"which)\b")
# ...of which those that ask for something to be done ("i'd like a refund", not "nah i need sun").
ASKS_IN_WORDS = re.compile(r"\b(?:i'd like|i would like|can you|could you|would you|please|pls|"
                           r"i (?:want|need) (?:to|a|an|my|the|you|help|someone)\b)")
OPENING_WORDS = frozenset("""
    hi hello hey hiya good morning afternoon evening team there ok okay so and also anyway but cool great thanks
    thank you ty yes no sure right well oh ah haha lol
""".split())  # noqa: SIM905 (a word list reads best as words)
TELLING_OPENINGS = frozenset({"i", "i'm", "im", "we", "we're"})
_GREETING_WORDS = OPENING_WORDS | STOPWORDS
# The user telling what they like, do or did: small talk, which asks for nothing in itself.
SMALL_TALK = re.compile(
    r"\b(?:i|i'm|im|we|we're)\s+(?:\w+\s+){0,2}?(?:love|loved|like|liked|hate|hated|enjoy|enjoyed|prefer|adore|"
    r"support|play|played|read|watch|watched|saw|went|visited|listen|listened|studying|learning|"
    r"reading|watching|playing|cooking|baking|training|running|just got back)\b")

# The words a remark opens on: a reaction, or what it is about ("poor guy", "they screamed
# lol", "no that's all", "ew no. fruit doesnt belong on pizza"); the reactions of them, which
# may stand before a call for help ("no, I still can't log in").
REACTIONS = frozenset("""
    ew eww ugh aw aww omg lol lmao haha hahaha ha hah oh ooh wow yes yeah yep yup yesss no nope nah ok okay wait
    actually well hmm
""".split())  # noqa: SIM905 (a word list reads best as words)
# (and "lucky. i get sick all the time")
REMARK_OPENINGS = REACTIONS | frozenset("""
    poor true same fair cool nice lucky jealous damn dang wild crazy yikes oof rip he she they it its that thats this
""".split())  # noqa: SIM905
# The questions of the bot's that ASKS_YES_OR_NO reads as a request ("do you make the
# noodles too"): put to the user, they ask for a yes or a no.
_ASKS_YES_OR_NO_BACK = re.compile(r"^\W*(?:(?:so|and|but|ok|okay|oh)\W+)?(?:do|does|did|are|is|was|were|have|has|had|"
                                  r"can|could|would|will|should)\s+(?:you|u|they|he|she|it|your|there)\b")
# A question that asks of someone or something: "can i skip it", "is it open" (not "do that").
_ASKS_OF_SOMEONE = re.compile(r"\W*\w+\s+(?:i|you|u|we|they|it|he|she|there|this|that|these|those)\b")
# What ends a clause of a message: a mark, or an emoji ("no coconut milk 😭 can i skip it").
_CLAUSES = re.compile(r"[^\w\s'\u2019-]+")
# The right thing set against the wrong one first thing: "Nigeria, my dear, not Ghana. But..."
_SET_AGAINST = re.compile(r",\s*not \w")
_LAUGH_AT_THE_END = re.compile(r"\b(?:lol|lmao|haha+|hehe+|xd)\W*$|[:;]-?\)\s*$|😂\s*$")
# ...and the words a question opens on, after them ("ok but is wimbledon on clay").
_QUESTION_OPENINGS = frozenset("""
    is are was were can could do does did will would should how what whats where when why who which
""".split())  # noqa: SIM905

# Words of trouble, which make a sentence about the user a call for help ("I can't log in").
TROUBLE = re.compile(r"n't|\b(?:cannot|not|never|no|lost|forgot|broken|wrong|error|problem|issue|charged|"
                     r"locked|stuck|missing|failed|fail|fails|failing|declined|cancelled|canceled|blocked|down|late)\b")

# Function words of the languages users write to English-speaking bots in, that are no
# English words ("die", "come", "con", "pour", "los" of Los Angeles, "est" of EST, "des" of Des
# Moines are left out).
OTHER_LANGUAGES = frozenset("""
    el del que qué por para una como cómo donde dónde cuanto cuánto cuanta cuánta cuantos cuántos cuando cuándo
    mis esta está están puedo quiero necesito tengo
    le les du je vous nous une mes avec quand comment combien où
    der das und ist ich nicht ein eine meine mein wie wann kann bitte warum
    não você meu minha uma onde quanto posso quero
    il gli della che sono mio voglio perché
""".split())  # noqa: SIM905 (a word list reads best as words)


class _kept:
    """A property worked out on first read and kept in the instance, as
    ``functools.cached_property`` does, without the lock Python 3.11 takes on each first
    read: these are read tens of thousands of times a detection, from one thread."""

    def __init__(self, read: Callable[[Any], Any]) -> None:
        self.read = read
        self.name = read.__name__
        self.__doc__ = read.__doc__

    def __get__(self, instance: Any, owner: type | None = None) -> Any:
        if instance is None:
            return self
        value = instance.__dict__[self.name] = self.read(instance)
        return value


class Message:
    """What a user wrote, as the detectors read it: the patterns every message is read
    with at once, the rest on first use, and kept for the other turns that wrote the same."""

    def __init__(self, question: str) -> None:
        self.question = question  # what the user wrote
        self.asked = asked = as_the_patterns_read(question)
        self.closing = CLOSING.match(asked) is not None  # "thanks", "that's all"...
        self.asked_words = words = frozenset(asked.translate(WORD_CHARACTERS_ONLY).split())
        self.asks_for_person = asks_for_person(asked, words)
        self.complains = complains(asked, words)

    @_kept
    def words(self) -> frozenset[str]:
        """The topic words of the message."""
        return content_words(self.asked)

    @_kept
    def rephrase_cue(self) -> bool:
        """The user says "I mean", "let me rephrase"..."""
        return REPHRASE_CUES.search(self.asked) is not None

    @_kept
    def says_it_asks_again(self) -> bool:
        """The message opens by saying it asks again ("I'll rephrase.", "Let me try again:"),
        and is no correction of the user's own slip ("sorry, I meant Tuesday")."""
        return SAYS_IT_ASKS_AGAIN.match(self.asked) is not None and not self.corrects_itself

    @_kept
    def may_ask_again(self) -> bool:
        """Whether the message could ask again what the one before asked (the cheap tests a
        rephrase must pass before its meaning is read): it says enough, and it is no thanks,
        no new question ("and what about..."), no request for more of the answer and no
        correction of the user's own slip ("sorry, I meant Tuesday")."""
        return (not self.closing and len(self.words) >= 2
                and not (NEW_QUESTION_CUES.match(self.asked) and not self.rephrase_cue)
                and not MORE_DETAIL.search(self.asked) and not self.corrects_itself)

    @_kept
    def remarks(self) -> bool:
        """The message remarks on something and asks for nothing: no question mark, no
        request in words, no trouble told, and it opens on a reaction or on what it is
        about ("poor guy", "they screamed lol", "no that's all"). A remark is not asked
        again; "no, it still won't load" tells that the answer did not help."""
        asked = self.asked
        if "?" in asked or not REQUEST_WORDS.isdisjoint(self.asked_words) or ASKING.search(asked) is not None:
            return False
        words = [w.strip(",.!:;") for w in asked.split()]
        if not words or words[0] not in REMARK_OPENINGS:
            return False
        told = words[next((i for i, w in enumerate(words) if w not in REACTIONS), len(words)):]
        if told and told[0] in ("but", "so", "and"):
            told = told[1:]
        return not (told and told[0] in _QUESTION_OPENINGS) and TROUBLE.search(" ".join(told)) is None

    @_kept
    def laughs(self) -> bool:
        """The message ends on a laugh and asks nothing ("show off lol", "sevilla is better
        haha")."""
        return "?" not in self.asked and _LAUGH_AT_THE_END.search(self.asked) is not None

    @_kept
    def asks_for_another(self) -> bool:
        """The user asks for another of what the answer offered ("something else please"),
        and does not say it asks again ("Again: I'd like to sit somewhere else")."""
        return ANOTHER_ONE.search(self.asked) is not None and not self.rephrase_cue

    @_kept
    def asks_to_hear_again(self) -> bool:
        """The message asks to hear the answer again ("repeat", "say the number again")."""
        return ASKS_TO_HEAR_AGAIN.search(self.asked) is not None

    @_kept
    def starts_over(self) -> bool:
        """The message starts the conversation over ("start over", "restart")."""
        return STARTS_OVER.search(self.asked) is not None

    @_kept
    def asks_of_a_journey(self) -> bool:
        """The message asks about a journey ("when is the next 54", "first train to ...")."""
        return ASKS_OF_A_JOURNEY.search(self.asked) is not None

    @_kept
    def corrects_itself(self) -> bool:
        """The user corrects a slip of their own ("sorry, I meant Tuesday", "*weather")."""
        return CORRECTS_ITSELF.match(self.asked) is not None

    @_kept
    def in_english(self) -> bool:
        """Whether the message reads as English, the language the meaning model knows (its
        vectors of "¿cuánto cuesta el roaming?" and "¿cuántos datos me quedan?" lie close by
        their shared word pieces, not by what they ask): not when it has more of the
        function words of the other languages users write in than of English (as many,
        with letters outside ASCII), an inverted question or exclamation mark, nor letters
        outside ASCII and no English function word at all."""
        return reads_as_english(self.asked, self.asked_words)

    @_kept
    def asks(self) -> bool:
        """Whether the message asks for something, or may: all but small talk, the user
        telling what they like or do ("I love crime novels", "I'm studying for my exams",
        "I saw Coldplay last year") with no question, no please, no request ("can you", "I
        need") and no trouble ("I'm trying to log in but it fails"). "My flight got
        cancelled" asks for help. An answer on something else is no miss after small talk."""
        asked = self.asked
        if "?" in asked or not REQUEST_WORDS.isdisjoint(self.asked_words):
            return True
        # (Most messages do not open on the user: the patterns read only those that do.)
        first = next((w for w in (w.strip(",.!:;") for w in asked.split()) if w not in OPENING_WORDS), "")
        if first not in TELLING_OPENINGS:
            return True
        told = SMALL_TALK.search(asked)
        return told is None or ASKING.search(asked) is not None or TROUBLE.search(asked) is not None

    @_kept
    def greets_only(self) -> bool:
        """The message is a greeting and nothing more ("hi", "good morning", "hello there")."""
        return self.asked_words <= _GREETING_WORDS

    @_kept
    def has_figure(self) -> bool:
        """The message gives a figure, or a time of day in words ("at noon")."""
        return has_digit(self.asked) or names_a_time(self.asked)

    @_kept
    def only_what(self) -> bool:
        """The message is "what" and nothing more, but for a laugh ("lol what")."""
        return self.asked.rstrip(" ?!.").endswith("what") and self.asked.count(" ") < 2

    @_kept
    def echoed(self) -> str | None:
        """The words the message echoes in disbelief, "lincoln??" (see :data:`ECHOED`), if it
        does, and says something against them ("1972?? wow no it was 1969", "lincoln?? thats
        the civil war lol"). An echo alone, or with a question, a marvel, a remark or what the
        user had thought, marvels at what may well be true ("4 times??", "twins?? how old",
        "3 teaspoons?? that seems like a lot", "19?? thats so young", "35?? i thought he was
        older": said so after true facts three times in four)."""
        found = ECHOED.match(self.asked)
        if found is None or CONTRADICTS.search(self.asked, found.end()) is None:
            return None
        return found.group(1)

    @_kept
    def asks_in_words(self) -> bool:
        """The message asks for something without a question mark ("I'd like a refund for
        order 61553", "can you move it to friday")."""
        return ASKS_IN_WORDS.search(self.asked) is not None

    @_kept
    def tells_bad_news(self) -> bool:
        """The message tells of a loss, an illness or a bad day ("we had to put our dog down"),
        and no better news after it ("...but I just signed an offer!")."""
        bad = BAD_NEWS.search(self.asked)
        return bad is not None and BETTER_NEWS.search(self.asked, bad.end()) is None

    @_kept
    def challenges(self) -> bool:
        """The message questions what was said ("wasnt that 1939", "isnt it nigeria?"), and
        neither marvels nor asks of something more ("isn't it lovely", "isn't he the guy who
        also did jaws?")."""
        return ((self.asked.count(" ") < CHALLENGE_WORDS or "i thought" in self.asked)
                and CHALLENGES.match(self.asked) is not None
                and NOT_A_CHALLENGE.search(self.asked) is None)

    @_kept
    def may_correct(self) -> bool:
        """The message is short and may correct the answer before ("no, CANCEL", "i said
        monday", "friday, not saturday!"), or opens on a no and says what is so ("no.. Frieren
        is elf mage. after hero party defeat demon king, she travel again"): see
        :func:`.reactions._corrects_the_answer`."""
        words = self.asked.count(" ") + 1
        return ((words <= CORRECTION_WORDS and MAY_CORRECT.search(self.asked) is not None)
                or (words <= 2 * CORRECTION_WORDS and (OPENS_ON_NO.match(self.asked) is not None
                                                       or DOUBTS_IT.match(self.asked) is not None
                                                       or OBVIOUSLY.match(self.asked) is not None
                                                       or _SET_AGAINST.search(self.asked[:30]) is not None)))

    @_kept
    def figures_asked(self) -> tuple[re.Pattern, ...]:
        """The forms of the figures the message asks for, where it asks for a time, a date,
        an age, a price, a count or a length ("what time is check in", "how old is Taylor
        Swift", "how much is the train again"): see :data:`FIGURE_ASKED`."""
        asked = self.asked
        if not ("how" in asked or "what" in asked or "when" in asked or "price" in asked or "cost" in asked
                or "fare" in asked):
            return ()  # (every question for a figure has one of these: most messages are settled here)
        return tuple(gives for asks, gives in FIGURE_ASKED.values() if asks.search(asked) is not None)

    @_kept
    def answers_back(self) -> bool:
        """The message can answer a question the answer before asked: it asks none of its
        own, nor what that answer meant ("go on", "what do you mean?")."""
        return "?" not in self.asked and CLARIFIES.match(self.asked) is None

    @_kept
    def asks_a_question(self) -> bool:
        """The message asks a question, or for something in so many words ("please", "can
        you"): what an answer must take up. "I'm going hiking this weekend" asks none."""
        return ("?" in self.asked or ASKS_A_QUESTION.match(self.asked) is not None or self.asks_yes_or_no
                or not REQUEST_WORDS.isdisjoint(self.asked_words) or ASKS_FOR_A_TASK.match(self.asked) is not None)

    @_kept
    def makes_conversation(self) -> bool:
        """The message only makes conversation or proposes ("how are you?", "how does
        Saturday sound?", "what do you think?")."""
        return SOCIAL_QUESTION.search(self.asked) is not None

    @_kept
    def did_not_follow(self) -> bool:
        """The message says only that the answer before was not understood ("huh?", "I
        don't follow", "that makes no sense")."""
        return DID_NOT_FOLLOW.match(self.asked) is not None

    @_kept
    def doubts_with_what(self) -> bool:
        """The message opens on "what?" and goes on against the answer ("what? german food is
        not spicy at all lol"): see :data:`WHAT_BUT`."""
        return WHAT_BUT.match(self.asked) is not None

    @_kept
    def denies_having(self) -> str | None:
        """What the message says the user has not, if it opens so ("i dont have a cat, thats
        you", "lol i never had a dog")."""
        asked = self.asked
        if "n't" not in asked and "not " not in asked and "never" not in asked and "dont" not in asked \
                and "havent" not in asked:
            return None  # (settled without the pattern)
        m = DENIES_HAVING.match(asked)
        return m.group(1) if m is not None else None

    @_kept
    def puzzled(self) -> bool:
        """The message opens puzzled and goes on ("?? she's three", "huh? its my date lol"), or
        on an "ok" that trails off or asks ("ok...", "ok? and the plan")."""
        asked = self.asked  # (a message with none of these is settled without the pattern)
        return (("??" in asked or "huh" in asked or "eh" in asked or "what" in asked or "ok" in asked)
                and PUZZLED.match(asked) is not None)

    @_kept
    def pushes_on(self) -> bool:
        """The message takes the answer with a "but" and asks on ("ok but dress or jeans??")."""
        return PUSHES_ON.search(self.asked) is not None

    @_kept
    def gives_up(self) -> bool:
        """The message gives up on the answer before ("never mind", "forget it")."""
        return GIVES_UP.match(self.asked) is not None

    @_kept
    def wants_to_know(self) -> bool:
        """The message asks to know something, phrased as a question ("how far is the moon?",
        "is the pool open today?"), not for a task to be done ("book me a table for 4",
        "trains to Ely on Monday?"), whose answer may first ask what the task needs."""
        return WANTS_TO_KNOW.match(self.asked) is not None or self.asks_yes_or_no

    @_kept
    def asks_for_advice(self) -> bool:
        """The message asks for advice, a recommendation or a plan ("what should I cook
        tonight?"), which a question back may narrow first."""
        return ASKS_FOR_ADVICE.search(self.asked) is not None

    @_kept
    def asks_yes_or_no(self) -> bool:
        """The message asks a yes-or-no question ("Can I bring my dog on the train?")."""
        return ASKS_YES_OR_NO.match(self.asked) is not None

    @_kept
    def may_ask_yes_or_no(self) -> bool:
        """...or may, put as a statement with a question mark ("wait the eastern one kept
        going?"), or in its last clause ("no coconut milk 😭 can i skip it"): a yes or a no
        answers it, though a request put so ("trains to leicester on thursday?") is no
        question to know."""
        if self.asks_yes_or_no or DECLARATIVE_QUESTION.match(self.asked) is not None:
            return True
        last = _CLAUSES.split(self.asked.rstrip(" ?!.\u2026"))[-1]
        return (last != self.asked and ASKS_YES_OR_NO.match(last) is not None
                and _ASKS_OF_SOMEONE.match(last) is not None)  # ("can i skip it"; not "have a good day")

    @_kept
    def request_topic(self) -> frozenset[str] | None:
        """The topic words of a message asking for something in English (the language the
        meaning model knows best), or None: a thanks, a plea for a person, a complaint, a
        single word, a message with too few topic words to tell or none of the function
        words of English."""
        if (self.closing or self.asks_for_person or self.complains or " " not in self.asked or not self.asks
                or not self.in_english):
            return None
        # (Not the letters a contraction leaves: "what's" is read as "what" and "s".)
        topic = {w for w in self.asked_words - STOPWORDS if len(w) > 1}
        if len(topic) < 2 or len(topic) == len(self.asked_words):
            return None
        return topic


def reads_as_english(text: str, words: frozenset[str]) -> bool:
    """Whether a (lower-cased) text reads as English, given its words: see
    :attr:`Message.in_english`."""
    english = len(words & STOPWORDS)
    other = len(words & OTHER_LANGUAGES)
    if other > english or "¿" in text or "¡" in text:  # marks English does not use
        return False
    if other and other == english and not text.isascii():  # "¿a qué hora...": "qué" and "a"
        return False
    return english > 0 or text.isascii() or not any(c.isalpha() and not c.isascii() for c in text)


class Reply:
    """An answer, as the detectors read it: parsed once and lower-cased, the rest on first use."""

    def __init__(self, raw_answer: str | None) -> None:
        # (A reply a dialog corpus stored word by word is read as it was written.)
        self.answer = as_said(text_of_json(raw_answer, 2000)) if raw_answer is not None else ""
        answered = self.answer.lower().replace("\u2019", "'")  # as the phrase patterns read it
        # (with the question mark a terse bot leaves out: "any preference on a type of cuisine")
        self.answered = answered.rstrip() + "?" if ends_on_an_unmarked_question(answered) else answered

    @_kept
    def words(self) -> frozenset[str]:
        return content_words(self.answered)

    @_kept
    def in_english(self) -> bool:
        """Whether the answer reads as English (as :attr:`Message.in_english` tells)."""
        return reads_as_english(self.answered, frozenset(self.answered.translate(WORD_CHARACTERS_ONLY).split()))

    @_kept
    def could_not_help(self) -> bool:
        return could_not_help(self.answered)

    @_kept
    def specifics(self) -> frozenset[str]:
        """The names and figures the answer gives, in lower case ("5", "7pm", "madrid",
        "sk2445"): its words with a digit, and those capitalised inside a sentence."""
        answer = self.answer

        def inside_a_sentence(at: int) -> bool:
            return answer[max(0, at - 10):at].rstrip()[-1:] not in ("", ".", "!", "?", ":")

        # As topic words read them (stemmed: "Paris" is the "pari" of "forecast for Paris").
        return content_words(" ".join(m.group(0) for m in WORD.finditer(answer)
                                      if has_digit(m.group(0))
                                      or (m.group(0)[0].isupper() and inside_a_sentence(m.start()))))

    @_kept
    def asks_back(self) -> bool:
        """The answer ends on a question to the user..."""
        return ANSWER_ASKS_BACK.search(self.answered[-300:]) is not None

    @_kept
    def confirms(self) -> bool:
        """The answer confirms something done ("Done!", "Alarm set for...", "Booked:")."""
        return CONFIRMS.search(self.answered) is not None

    @_kept
    def question_back(self) -> str | None:
        """The question the answer ends on, if it ends on one ("how long have you been
        doing it")."""
        return last_question(self.answered.rstrip()) if self.answered.rstrip().endswith("?") else None

    @_kept
    def question_back_words(self) -> frozenset[str]:
        """The topic words of the question the answer ends on (none if it ends on none)."""
        return content_words(self.question_back or "")

    @_kept
    def asks_yes_or_no_back(self) -> bool:
        """The question the answer ends on asks for a yes or a no ("do you ride them every
        day?", "like you're biased?")."""
        question = self.question_back
        return question is not None and (ASKS_YES_OR_NO.match(question) is not None
                                         or _ASKS_YES_OR_NO_BACK.match(question) is not None
                                         or DECLARATIVE_QUESTION.match(question + "?") is not None)

    @_kept
    def only_asks_back(self) -> bool:
        """The answer is a question of its own and nothing more (after a word or two:
        "Hmm.", "Interesting!"), or a change of subject ("Let's talk about something else."):
        it answers nothing. Not a question that asks for what the request needs or narrows
        it ("it depends...", "which...", a menu of choices), one after taking the request
        on ("Sure! ..."), nor one that says it did not understand, or could not help."""
        answered = self.answered.strip()
        if answered.count(" ") < CHANGE_OF_SUBJECT_WORDS and CHANGES_SUBJECT.search(answered):
            return True
        if (not self.only_a_question or not self.answers_nothing_first or self.waits_for_user
                or self.did_not_understand or self.could_not_help or TAKES_IT_ON.match(answered)):
            return False
        return NARROWS_THE_REQUEST.search(answered[-200:]) is None

    @_kept
    def sentences(self) -> list[str]:
        """The answer's sentences, each with the marks that end it (at least one, maybe empty)."""
        return sentences_of(self.answered) or [""]

    @_kept
    def only_a_question(self) -> bool:
        """The answer is a question and says little else: at most a word or two before it
        ("Hmm.", "Lovely.", "Great, Monday."), and the question not long."""
        if not self.answered.strip().endswith("?"):
            return False
        *before, question = self.sentences
        return (question.count(" ") < ONLY_ASKS_BACK_WORDS and len(before) <= 2
                and all(s.count(" ") < 3 and not has_digit(s) for s in before))

    @_kept
    def asks_what_a_task_needs(self) -> bool:
        """The answer's last question asks what a task needs: where, when, which, what kind,
        what the user would like, one thing or another ("Where should the taxi pick you
        up?"). Asked about a task ("book me a cab"), it takes the task on."""
        return ASKS_WHAT_THE_TASK_NEEDS.search(self.question_back or "") is not None

    @_kept
    def answers_nothing_first(self) -> bool:
        """What the answer says before its last question is an interjection or a word of
        appreciation at most ("Hmm.", "Oh, lovely!"): "Eight! Do you like camping?" and
        "Doing well, thanks! And you?" answer first."""
        return all(FILLER_WORDS.issuperset(s.translate(WORD_CHARACTERS_ONLY).split()) for s in self.sentences[:-1])

    @_kept
    def offers(self) -> bool:
        """...or on an offer of more help, which asks nothing of the user."""
        return ANSWER_OFFERS.search(self.answered[-300:]) is not None

    @_kept
    def asks_for_feedback(self) -> bool:
        """The answer asks what it should have said ("What could I have said instead?")."""
        return ASKS_FOR_FEEDBACK.search(self.answered) is not None

    @_kept
    def did_not_understand(self) -> bool:
        """The answer says it did not understand the request ("could you rephrase?")..."""
        return ANSWER_DID_NOT_UNDERSTAND.search(self.answered) is not None

    @_kept
    def asks_again(self) -> bool:
        """...and asks for it again, not for a detail in particular (an order number): the
        next message may restate the request. (Read for nearly every next message, up to
        three times each: once a text.)"""
        return self.did_not_understand and not ASKS_FOR_DETAIL.search(self.answered)

    @_kept
    def waits_for_user(self) -> bool:
        """The answer asks the user for something the request needs, and does not end on an
        offer (:func:`.answer_phrases.asks_for_what_the_request_needs`)."""
        return asks_for_what_the_request_needs(self.answered) and ANSWER_OFFERS.search(self.answered) is None

    @_kept
    def takes_back(self) -> bool:
        """The answer opens by owning a miss of the answer before ("You're right, sorry.",
        "I apologise for the confusion")."""
        return TAKES_BACK.match(self.answered) is not None

    @_kept
    def apologises(self) -> bool:
        """The answer opens on a bare apology ("Sorry!"), which may also be sympathy."""
        return APOLOGISES.match(self.answered) is not None

    @_kept
    def agrees(self) -> bool:
        """The answer opens by saying the user is right ("You're right, the saving is $20.")."""
        return AGREES.match(self.answered) is not None

    @_kept
    def tells_there_is_none(self) -> bool:
        """The answer opens on an apology for bad news: none of what was asked is to be had
        ("Sorry, there is no Turkish restaurant in the east.", "Sorry, 7:30 is also fully
        booked.")."""
        return SORRY_THERE_IS_NONE.match(self.answered) is not None

    @_kept
    def checks_what_it_heard(self) -> bool:
        """The answer says what it took the user to want, and asks whether it heard right
        ("Leaving from Brighton Road. Is this correct?", "A table for 2 on Friday. Did I get
        that right?")."""
        question = self.question_back
        return (question is not None and CHECKS_WHAT_IT_HEARD.match(question) is not None
                and len(self.answered) > len(question) + 3)

    @_kept
    def asks_where_from_or_to(self) -> bool:
        """The question the answer ends on asks where a journey starts or ends ("Where are
        you leaving from?")."""
        return self.question_back is not None and ASKS_WHERE_FROM_OR_TO.search(self.question_back) is not None

    @_kept
    def repairs(self) -> bool:
        """The answer opens by owning a miss ("Oops, sorry about that.")."""
        return ANSWER_REPAIRS.match(self.answered) is not None

    @_kept
    def says_yes_or_no(self) -> bool:
        """The answer replies yes or no ("Yes, as long as it stays on a lead")."""
        return ANSWER_YES_OR_NO.search(self.answered) is not None

    @_kept
    def only_appreciates(self) -> bool:
        """The answer is an interjection, a word of appreciation or an acknowledgement and
        nothing more ("Cool cool.", "Good point.", "Oh nice.", "Good to know!", "I
        understand."): to a question, it answers nothing."""
        if len(self.answered) > ACKNOWLEDGEMENT_CHARACTERS:
            return False
        words = self.answered.translate(WORD_CHARACTERS_ONLY).split()
        return ((0 < len(words) <= BLAND_WORDS and "?" not in self.answered and APPRECIATION_WORDS.issuperset(words))
                or ACKNOWLEDGES.fullmatch(self.answered) is not None)

    @_kept
    def cheers(self) -> bool:
        """The answer cheers and says no word of sympathy ("oh cool! so what do you do for fun?")."""
        return CHEER.search(self.answered) is not None and SYMPATHY.search(self.answered) is None

    @_kept
    def reacts_first(self) -> bool:
        """The answer opens on a reaction to what it was told, and goes on ("Same. The docking
        scene is so tense...", "Haha, you should! The spring is stunning too."): it takes up
        what the user said before it adds something of its own."""
        head = CLAUSE_END.split(self.answered, maxsplit=1)
        if len(head) < 2 or not head[1].strip():
            return False
        words = head[0].translate(WORD_CHARACTERS_ONLY).split()
        if not 0 < len(words) <= REACTION_MAX_WORDS:
            return False
        return REACTION_WORDS.issuperset(words) or words[0] in INTERJECTIONS  # ("Haha, he earned it.")

    @_kept
    def checks_the_answer(self) -> bool:
        """The question the answer ends on checks it helped ("Does that answer your
        question?"): "no, not at all" to it says it did not."""
        return CHECKS_THE_ANSWER.search(self.question_back or "") is not None

    @_kept
    def asks_if_it_helped(self) -> bool:
        """...and it is no proposal ("Booked 7pm. Does that work for you?"): a bare no to it
        ("not really") says the answer did not help."""
        return ASKS_IF_IT_HELPED.search(self.question_back or "") is not None

    @_kept
    def says_little(self) -> bool:
        """The answer is a short statement that names nothing: a few words, at most
        SHORT_ANSWER_TOPIC_WORDS of them topic words, no figure (in digits or in words:
        "Seven." answers), no name, no question, no sign-off ("Sounds fun.", "We offer
        free vaccinations."). What it is about, only its meaning can tell."""
        answered = self.answered.strip()
        return (answered.count(" ") < SHORT_ANSWER_WORDS and any(c.isalpha() for c in answered)
                and not answered.endswith("?")
                and not self.signs_off
                and len(self.words) <= SHORT_ANSWER_TOPIC_WORDS and not has_digit(answered) and not self.specifics
                and NUMBER_WORDS.isdisjoint(answered.translate(WORD_CHARACTERS_ONLY).split()))

    @_kept
    def signs_off(self) -> bool:
        """The answer takes leave ("Glad I could help. Have a great day!"): said to every
        thanks, it is no answer said again."""
        return ANSWER_SIGNS_OFF.match(self.answered) is not None

    @_kept
    def gist_words(self) -> frozenset[str] | None:
        """The words of the answer's gist, where it says enough about a topic, in English, to
        be compared in meaning with a request; None where it does not."""
        if self.answered.count(" ") < OFF_TOPIC_MIN_WORDS or self.signs_off:
            return None  # (a sign-off answers thanks or praise, on no topic)
        words = frozenset(self.answered[:ANSWER_LIMIT].translate(WORD_CHARACTERS_ONLY).split())
        if len(words - STOPWORDS) < OFF_TOPIC_MIN_TOPIC_WORDS or STOPWORDS.isdisjoint(words):
            return None
        return words


def closeness_needed(turn: Turn) -> float:
    """How close in meaning an answer must be to its question to address it: a short one,
    whose few words the model reads less surely, must be farther to count as off-topic."""
    return OFF_TOPIC if turn.reply.gist_words is not None else SHORT_OFF_TOPIC


def answered_far(turn: Turn) -> bool:
    """The answer is far in meaning from its request, where that was compared (a plain
    request: ``Turn.addressed``)."""
    return turn.addressed is not None and turn.addressed < closeness_needed(turn)


def sentences_of(text: str) -> list[str]:
    """The sentences of a (lower-cased) text, each with the marks that end it."""
    return [s for s in (s.strip() for s in SENTENCES.findall(text.strip())) if s]


def closeness_to_question(model, turns: list[Turn], sentences: int = 0, below: float = 1.0) -> list[float]:
    """How close in meaning each turn's answer (its gist: ANSWER_LIMIT characters) is to
    its question, ``model`` (:class:`.meaning.Embedder`) comparing their topic words: the
    function words they share ("how do I", "you can") say nothing of the topic. With
    ``sentences``, one of the answer's first ``sentences`` sentences counts where it is
    closer: an answer that answers in one sentence and goes on to something else ("Not
    really, veggie burgers got good. I play guitar in a band.") answers the question, while
    the whole of it, read as one, lies farther from it. (Only for the answers whose whole
    lies ``below`` this: a caller that asks only whether an answer is that far reads no
    more.)"""
    if not turns:
        return []
    asked = model.embed([t.asked for t in turns], skip=STOPWORDS)
    answers = model.embed([t.answered[:ANSWER_LIMIT] for t in turns], skip=STOPWORDS)
    close = (asked * answers).sum(axis=1).tolist()
    owners, parts = [], []
    for i, turn in enumerate(turns):
        # (The sentences of its gist only, as the whole is read: not an appendix further on.)
        said = sentences_of(turn.answered[:ANSWER_LIMIT]) if sentences and close[i] < below else ()
        if len(said) > 1:
            owners += [i] * min(len(said), sentences)
            parts += said[:sentences]
    if parts:
        apart = (asked[owners] * model.embed(parts, skip=STOPWORDS)).sum(axis=1).tolist()
        for i, value in zip(owners, apart, strict=True):
            close[i] = max(close[i], value)
    return close


class Turn:
    """One turn of a session: the user's message and the answer, read as detectors ask.

    What every detector reads of the message and the answer is copied from their
    :class:`Message` and :class:`Reply` into plain attributes (detection makes tens of
    thousands of turns a second); what the meaning model says of the turn is its own."""

    __slots__ = ("pk", "trace_id", "raw_answer", "status", "message", "reply", "question", "asked", "closing",
                 "asked_words", "asks_for_person", "complains", "answer", "answered", "vector", "answer_vector",
                 "escalation", "frustration", "addressed", "question_back_vector")

    def __init__(self, pk: int, trace_id: str, message: Message, reply: Reply, raw_answer: str | None,
                 status: str | None) -> None:
        self.pk = pk
        self.trace_id = trace_id
        self.raw_answer = raw_answer  # the trace output as stored; most detectors never need it
        self.status = status
        self.message = message
        self.reply = reply
        self.question = message.question  # what the user wrote
        self.asked = message.asked
        self.closing = message.closing
        self.asked_words = message.asked_words
        self.asks_for_person = message.asks_for_person
        self.complains = message.complains
        self.answer = reply.answer
        self.answered = reply.answered
        self.vector = None  # the question's meaning, where it was needed
        self.answer_vector = None
        self.escalation = 0.0  # how strongly the message asks for a person, by meaning
        self.frustration = 0.0  # ...says the answer before missed
        # How close the answer is to the question, in meaning: its whole or, closer, one of
        # its first sentences (read only where the whole lies far: closeness_to_question).
        self.addressed: float | None = None
        self.question_back_vector = None  # the meaning of the question the answer ends on

    @property
    def words(self) -> frozenset[str]:
        """The topic words of the user's message."""
        return self.message.words

    @property
    def answer_words(self) -> frozenset[str]:
        return self.reply.words


def read_sessions(conn: Connection, scope: str) -> list[tuple[tuple, list[Turn]]]:
    """The turns of each session in scope, in time order (a trace with no session is a
    session of its own), as detectors read them: each distinct message and answer is read
    once, whichever detector and however many turns read it."""
    rows = select_rows(conn,
        "SELECT id, trace_id, source_id, session_id, input, output, status, error_count FROM trace "
        f"WHERE id IN ({scope}) ORDER BY source_id, session_id IS NULL, session_id, start_ns, id"
    )
    questions: dict[str | None, Message] = {}  # by the stored input...
    messages: dict[str, Message] = {}  # ...and by what the user wrote, for inputs that differ around it
    replies: dict[str | None, Reply] = {}
    sessions: list[tuple[tuple, list[Turn]]] = []
    current_key = None
    turns: list[Turn] = []
    for pk, trace_id, source_id, session_id, input_, output, status, errors in rows:
        key = (source_id, session_id) if session_id is not None else ("trace", pk)
        if key != current_key:
            if turns:
                sessions.append((current_key, turns))
                turns = []
            current_key = key
        message = questions.get(input_)
        if message is None:
            question = as_said(user_question(input_, QUESTION_LIMIT))
            message = messages.get(question)
            if message is None:
                message = messages[question] = Message(question)
            questions[input_] = message
        reply = replies.get(output)
        if reply is None:
            reply = replies[output] = Reply(output)
        turns.append(Turn(pk, trace_id, message, reply, output, "error" if errors else status))
    if turns:
        sessions.append((current_key, turns))
    return sessions
