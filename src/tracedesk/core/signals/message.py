"""What a user wrote, as the detectors read it (:class:`Message`): the patterns every message
is read with at once, the rest on first use, and kept for every turn that wrote the same
(see :mod:`.turns`).
"""

from __future__ import annotations

import re
from fractions import Fraction

from ..words import STOPWORDS, content_words, has_digit
from .choices import Choice, choice_asked
from .kept import kept
from .phrases import (
    ANOTHER_ONE,
    ASKS_A_QUESTION,
    ASKS_FOR_A_TASK,
    ASKS_FOR_ADVICE,
    ASKS_OF_A_JOURNEY,
    ASKS_TO_HEAR_AGAIN,
    ASKS_YES_OR_NO,
    BAD_NEWS,
    BETTER_NEWS,
    CHALLENGES,
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
    POINTS_OUT_A_MISS,
    PUSHES_ON,
    PUZZLED,
    REPHRASE_CUES,
    SAYS_IT_ASKS_AGAIN,
    SOCIAL_QUESTION,
    STARTS_OVER,
    WANTS_TO_KNOW,
    WHAT_BUT,
    WHAT_THEN_A_CLAIM,
    WORD_CHARACTERS_ONLY,
    as_the_patterns_read,
    asks_for_person,
    complains,
)
from .request import counts_in_words, names_a_time
from .sums import asked_sum

CORRECTION_WORDS = 10  # a message that corrects the answer says so in a few words
CHALLENGE_WORDS = 10  # ...as does one that questions it
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

    @kept
    def words(self) -> frozenset[str]:
        """The topic words of the message."""
        return content_words(self.asked)

    @kept
    def sum_asked(self) -> tuple[str, tuple[Fraction, ...]] | None:
        """The plain sum the message asks, as written, and the results that answer it (:mod:`.sums`)."""
        return asked_sum(self.asked)

    @kept
    def points_out_a_miss(self) -> re.Match | None:
        """What the message says the answer did or left out (:data:`.phrases.POINTS_OUT_A_MISS`),
        read with that answer."""
        return POINTS_OUT_A_MISS.search(self.asked)

    @kept
    def rephrase_cue(self) -> bool:
        """The user says "I mean", "let me rephrase"..."""
        return REPHRASE_CUES.search(self.asked) is not None

    @kept
    def says_it_asks_again(self) -> bool:
        """The message opens by saying it asks again ("I'll rephrase.", "Let me try again:"),
        and is no correction of the user's own slip ("sorry, I meant Tuesday")."""
        return SAYS_IT_ASKS_AGAIN.match(self.asked) is not None and not self.corrects_itself

    @kept
    def may_ask_again(self) -> bool:
        """Whether the message could ask again what the one before asked (the cheap tests a
        rephrase must pass before its meaning is read): it says enough, and it is no thanks,
        no new question ("and what about..."), no request for more of the answer and no
        correction of the user's own slip ("sorry, I meant Tuesday")."""
        return (not self.closing and len(self.words) >= 2
                and not (NEW_QUESTION_CUES.match(self.asked) and not self.rephrase_cue)
                and not MORE_DETAIL.search(self.asked) and not self.corrects_itself)

    @kept
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

    @kept
    def laughs(self) -> bool:
        """The message ends on a laugh and asks nothing ("show off lol", "sevilla is better
        haha")."""
        return "?" not in self.asked and _LAUGH_AT_THE_END.search(self.asked) is not None

    @kept
    def asks_for_another(self) -> bool:
        """The user asks for another of what the answer offered ("something else please"),
        and does not say it asks again ("Again: I'd like to sit somewhere else")."""
        return ANOTHER_ONE.search(self.asked) is not None and not self.rephrase_cue

    @kept
    def asks_to_hear_again(self) -> bool:
        """The message asks to hear the answer again ("repeat", "say the number again")."""
        return ASKS_TO_HEAR_AGAIN.search(self.asked) is not None

    @kept
    def starts_over(self) -> bool:
        """The message starts the conversation over ("start over", "restart")."""
        return STARTS_OVER.search(self.asked) is not None

    @kept
    def asks_of_a_journey(self) -> bool:
        """The message asks about a journey ("when is the next 54", "first train to ...")."""
        return ASKS_OF_A_JOURNEY.search(self.asked) is not None

    @kept
    def corrects_itself(self) -> bool:
        """The user corrects a slip of their own ("sorry, I meant Tuesday", "*weather")."""
        return CORRECTS_ITSELF.match(self.asked) is not None

    @kept
    def in_english(self) -> bool:
        """Whether the message reads as English, the language the meaning model knows (its
        vectors of "¿cuánto cuesta el roaming?" and "¿cuántos datos me quedan?" lie close by
        their shared word pieces, not by what they ask): not when it has more of the
        function words of the other languages users write in than of English (as many,
        with letters outside ASCII), an inverted question or exclamation mark, nor letters
        outside ASCII and no English function word at all."""
        return reads_as_english(self.asked, self.asked_words)

    @kept
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

    @kept
    def greets_only(self) -> bool:
        """The message is a greeting and nothing more ("hi", "good morning", "hello there")."""
        return self.asked_words <= _GREETING_WORDS

    @kept
    def has_figure(self) -> bool:
        """The message gives a figure, or a time of day or a count in words ("at noon", "for
        two people")."""
        return has_digit(self.asked) or names_a_time(self.asked) or counts_in_words(self.asked)

    @kept
    def only_what(self) -> bool:
        """The message is "what" and nothing more, but for a laugh ("lol what")."""
        return self.asked.rstrip(" ?!.").endswith("what") and self.asked.count(" ") < 2

    @kept
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

    @kept
    def asks_in_words(self) -> bool:
        """The message asks for something without a question mark ("I'd like a refund for
        order 61553", "can you move it to friday")."""
        return ASKS_IN_WORDS.search(self.asked) is not None

    @kept
    def mentions_bad_news(self) -> bool:
        """The message tells of a loss, an illness or a bad day, whatever follows it ("no she
        passed 2 years ago. but my mom was there")."""
        return BAD_NEWS.search(self.asked) is not None

    @kept
    def tells_bad_news(self) -> bool:
        """The message tells of a loss, an illness or a bad day ("we had to put our dog down"),
        and no better news after it ("...but I just signed an offer!")."""
        bad = BAD_NEWS.search(self.asked)
        return bad is not None and BETTER_NEWS.search(self.asked, bad.end()) is None

    @kept
    def challenges(self) -> bool:
        """The message questions what was said ("wasnt that 1939", "isnt it nigeria?"), and
        neither marvels nor asks of something more ("isn't it lovely", "isn't he the guy who
        also did jaws?")."""
        return ((self.asked.count(" ") < CHALLENGE_WORDS or "i thought" in self.asked)
                and CHALLENGES.match(self.asked) is not None
                and NOT_A_CHALLENGE.search(self.asked) is None)

    @kept
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

    @kept
    def figures_asked(self) -> tuple[re.Pattern, ...]:
        """The forms of the figures the message asks for, where it asks for a time, a date,
        an age, a price, a count or a length ("what time is check in", "how old is Taylor
        Swift", "how much is the train again"): see :data:`FIGURE_ASKED`."""
        asked = self.asked
        if not ("how" in asked or "what" in asked or "when" in asked or "price" in asked or "cost" in asked
                or "fare" in asked):
            return ()  # (every question for a figure has one of these: most messages are settled here)
        return tuple(gives for asks, gives in FIGURE_ASKED.values() if asks.search(asked) is not None)

    @kept
    def answers_back(self) -> bool:
        """The message can answer a question the answer before asked: it asks none of its
        own, nor what that answer meant ("go on", "what do you mean?")."""
        return "?" not in self.asked and CLARIFIES.match(self.asked) is None

    @kept
    def asks_a_question(self) -> bool:
        """The message asks a question, or for something in so many words ("please", "can
        you"): what an answer must take up. "I'm going hiking this weekend" asks none."""
        return ("?" in self.asked or ASKS_A_QUESTION.match(self.asked) is not None or self.asks_yes_or_no
                or not REQUEST_WORDS.isdisjoint(self.asked_words) or ASKS_FOR_A_TASK.match(self.asked) is not None)

    @kept
    def makes_conversation(self) -> bool:
        """The message only makes conversation or proposes ("how are you?", "how does
        Saturday sound?", "what do you think?")."""
        return SOCIAL_QUESTION.search(self.asked) is not None

    @kept
    def did_not_follow(self) -> bool:
        """The message says only that the answer before was not understood ("huh?", "I
        don't follow", "that makes no sense"), or says so first and asks again ("Sorry, I
        don't follow. What is the fare?")."""
        return DID_NOT_FOLLOW.match(self.asked) is not None or _DID_NOT_FOLLOW_FIRST.match(self.asked) is not None

    @kept
    def doubts_with_what(self) -> bool:
        """The message opens on "what?" and goes on against the answer ("what? german food is
        not spicy at all lol"): see :data:`WHAT_BUT`."""
        return WHAT_BUT.match(self.asked) is not None

    @kept
    def claims_after_what(self) -> str | None:
        """The thing a "what?" puts another claim on, if the message opens so and ends on no
        question ("uh what ? texas is huge"): see :data:`WHAT_THEN_A_CLAIM`."""
        if "what" not in self.asked or self.asked.rstrip().endswith("?"):
            return None  # (nor "what?? sharks are older than trees?", which marvels)
        m = WHAT_THEN_A_CLAIM.match(self.asked)
        return m.group(1) if m is not None else None

    @kept
    def denies_having(self) -> str | None:
        """What the message says the user has not, if it opens so ("i dont have a cat, thats
        you", "lol i never had a dog")."""
        asked = self.asked
        if "n't" not in asked and "not " not in asked and "never" not in asked and "dont" not in asked \
                and "havent" not in asked:
            return None  # (settled without the pattern)
        m = DENIES_HAVING.match(asked)
        return m.group(1) if m is not None else None

    @kept
    def puzzled(self) -> bool:
        """The message opens puzzled and goes on ("?? she's three", "huh? its my date lol"), or
        on an "ok" that trails off or asks ("ok...", "ok? and the plan")."""
        asked = self.asked  # (a message with none of these is settled without the pattern)
        return (("??" in asked or "huh" in asked or "eh" in asked or "what" in asked or "ok" in asked)
                and PUZZLED.match(asked) is not None)

    @kept
    def pushes_on(self) -> bool:
        """The message takes the answer with a "but" and asks on ("ok but dress or jeans??")."""
        return PUSHES_ON.search(self.asked) is not None

    @kept
    def gives_up(self) -> bool:
        """The message gives up on the answer before ("never mind", "forget it")."""
        return GIVES_UP.match(self.asked) is not None

    @kept
    def choice(self) -> Choice | None:
        """The two options the message asks the bot to choose between ("dispossessed or
        earthsea", "tea or coffee?"), if it asks for a choice."""
        return choice_asked(self.asked)

    @kept
    def wants_to_know(self) -> bool:
        """The message asks to know something, phrased as a question ("how far is the moon?",
        "is the pool open today?"), not for a task to be done ("book me a table for 4",
        "trains to Ely on Monday?"), whose answer may first ask what the task needs."""
        return WANTS_TO_KNOW.match(self.asked) is not None or self.asks_yes_or_no

    @kept
    def asks_for_advice(self) -> bool:
        """The message asks for advice, a recommendation or a plan ("what should I cook
        tonight?"), which a question back may narrow first."""
        return ASKS_FOR_ADVICE.search(self.asked) is not None

    @kept
    def asks_yes_or_no(self) -> bool:
        """The message asks a yes-or-no question ("Can I bring my dog on the train?")."""
        return ASKS_YES_OR_NO.match(self.asked) is not None

    @kept
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

    @kept
    def asks_for_a_piece(self) -> bool:
        """The message asks for a joke, a poem, a story ("tell me a joke", "write me a haiku
        about mondays")."""
        asked = self.asked
        return any(piece in asked for piece in _PIECES) and _ASKS_FOR_A_PIECE.search(asked) is not None

    @kept
    def request_topic(self) -> frozenset[str] | None:
        """The topic words of a message asking for something in English (the language the
        meaning model knows best), or None: a thanks, a plea for a person, a complaint, a
        single word, a message with too few topic words to tell or none of the function
        words of English."""
        if (self.closing or self.asks_for_person or self.complains or " " not in self.asked or not self.asks
                or not self.in_english):
            return None
        # (Not the letters a contraction leaves: "what's" is read as "what" and "s"; nor the
        # words of chat that name nothing, "pls", "hm": "yes send pls" names one thing.)
        said = self.asked_words - _CHAT_FILLERS
        topic = {w for w in said - STOPWORDS if len(w) > 1}
        if len(topic) < 2 or len(topic) == len(said):
            return None
        return topic


# A first sentence that says the answer was not understood, before another: "Sorry, I don't
# follow. What is the fare?"
_DID_NOT_FOLLOW_FIRST = re.compile(r"\W*(?:sorry\W+)?(?:i (?:don't|dont|do not) (?:follow|understand"
                                   r"(?: (?:you|that|what you mean))?)|you lost me|i'm (?:so )?confused)"
                                   r"\s*[.!?]+\s*[^\W_]")
# A request for a joke, a poem or a story, which an answer gives in words of its own: a
# surfers' pun to "tell me a joke" lies far from it in meaning. (Not "do you know the story
# behind the eiffel tower", which asks what is so.)
_ASKS_FOR_A_PIECE = re.compile(r"\b(?:tell|write|make|give|sing|compose|share)\s+(?:me\s+|us\s+)?"
                               r"(?:a|an|another|some|one more)\s+(?:\w+\s+){0,2}?(?:jokes?|puns?|riddles?|haikus?"
                               r"|poems?|limericks?|stories|story|songs?|raps?|verses?|tongue twisters?)\b")
_PIECES = ("joke", "pun", "riddle", "haiku", "poem", "limerick", "stor", "song", "rap", "verse", "twister")
# Words of chat that name no topic: "hm ok. whats the address", "yes send pls".
_CHAT_FILLERS = frozenset("""
    pls plz thx hm hmm hmmm um umm uh uhh
""".split())  # noqa: SIM905


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
