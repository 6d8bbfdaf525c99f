"""An answer, as the detectors read it (:class:`Reply`): parsed once and lower-cased, the
rest on first use, and kept for every turn that got the same text (see :mod:`.turns`).
"""

from __future__ import annotations

import re

from ..text import as_said, text_of_json
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
    ASKS_HOW_THE_USER_IS,
    ASKS_WHAT_THE_TASK_NEEDS,
    ASKS_WHERE_FROM_OR_TO,
    CHANGES_SUBJECT,
    CHECKS_WHAT_IT_HEARD,
    CHEER,
    FILLER_WORDS,
    NARROWS_THE_REQUEST,
    OF_AN_EARLIER_ANSWER,
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
from .kept import kept
from .message import reads_as_english
from .phrases import (
    ASKS_IF_IT_HELPED,
    ASKS_YES_OR_NO,
    CHECKS_THE_ANSWER,
    DECLARATIVE_QUESTION,
    SENTENCES,
    WORD_CHARACTERS_ONLY,
)
from .request import CONFIRMS
from .sums import given_results

ANSWER_LIMIT = 300  # characters of the answer compared by meaning: its gist, not its appendix
OFF_TOPIC_MIN_WORDS = 5  # an answer must say this much for its meaning to tell ("It shipped." does not)
OFF_TOPIC_MIN_TOPIC_WORDS = 4  # ...about a topic ("Let me check that for you." does not)
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
# The words a reaction opens on, whatever follows them in its clause ("Haha a bit!", "Aw, she
# sounds lovely.").
INTERJECTIONS = frozenset({"haha", "hahaha", "hah", "ha", "lol", "aw", "aww", "awww", "oh", "ooh", "wow", "omg", "yay"})
# Where an answer's clause ends: a mark and a space, a dash between spaces, its last mark.
CLAUSE_END = re.compile(r"[.!,;:?]\s|[.!?]$|\s[-\u2013\u2014]\s")
ONLY_ASKS_BACK_WORDS = 12
CHANGE_OF_SUBJECT_WORDS = 8
# The questions of the bot's that ASKS_YES_OR_NO reads as a request ("do you make the
# noodles too"): put to the user, they ask for a yes or a no.
_ASKS_YES_OR_NO_BACK = re.compile(r"^\W*(?:(?:so|and|but|ok|okay|oh)\W+)?(?:do|does|did|are|is|was|were|have|has|had|"
                                  r"can|could|would|will|should)\s+(?:you|u|they|he|she|it|your|there)\b")


class Reply:
    """An answer, as the detectors read it: parsed once and lower-cased, the rest on first use."""

    def __init__(self, raw_answer: str | None) -> None:
        # (A reply a dialog corpus stored word by word is read as it was written.)
        self.answer = as_said(text_of_json(raw_answer, 2000)) if raw_answer is not None else ""
        answered = self.answer.lower().replace("\u2019", "'")  # as the phrase patterns read it
        # (with the question mark a terse bot leaves out: "any preference on a type of cuisine")
        self.answered = answered.rstrip() + "?" if ends_on_an_unmarked_question(answered) else answered

    @kept
    def words(self) -> frozenset[str]:
        return content_words(self.answered)

    @kept
    def results_given(self) -> tuple[str, ...]:
        """The results of a sum the answer gives, as written (:mod:`.sums`)."""
        return given_results(self.answered)

    @kept
    def in_english(self) -> bool:
        """Whether the answer reads as English (as :attr:`Message.in_english` tells)."""
        return reads_as_english(self.answered, frozenset(self.answered.translate(WORD_CHARACTERS_ONLY).split()))

    @kept
    def could_not_help(self) -> bool:
        return could_not_help(self.answered)

    @kept
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

    @kept
    def asks_back(self) -> bool:
        """The answer ends on a question to the user..."""
        return ANSWER_ASKS_BACK.search(self.answered[-300:]) is not None

    @kept
    def confirms(self) -> bool:
        """The answer confirms something done ("Done!", "Alarm set for...", "Booked:")."""
        return CONFIRMS.search(self.answered) is not None

    @kept
    def question_back(self) -> str | None:
        """The question the answer ends on, if it ends on one ("how long have you been
        doing it")."""
        return last_question(self.answered.rstrip()) if self.answered.rstrip().endswith("?") else None

    @kept
    def asks_how_the_user_is(self) -> bool:
        """The question the answer ends on asks after the user ("how are you?", "how you
        doing?"), not of a thing."""
        return ASKS_HOW_THE_USER_IS.match(self.question_back or "") is not None

    @kept
    def question_back_words(self) -> frozenset[str]:
        """The topic words of the question the answer ends on (none if it ends on none)."""
        return content_words(self.question_back or "")

    @kept
    def asks_yes_or_no_back(self) -> bool:
        """The question the answer ends on asks for a yes or a no ("do you ride them every
        day?", "like you're biased?")."""
        question = self.question_back
        return question is not None and (ASKS_YES_OR_NO.match(question) is not None
                                         or _ASKS_YES_OR_NO_BACK.match(question) is not None
                                         or DECLARATIVE_QUESTION.match(question + "?") is not None)

    @kept
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

    @kept
    def sentences(self) -> list[str]:
        """The answer's sentences, each with the marks that end it (at least one, maybe empty)."""
        return sentences_of(self.answered) or [""]

    @kept
    def only_a_question(self) -> bool:
        """The answer is a question and says little else: at most a word or two before it
        ("Hmm.", "Lovely.", "Great, Monday."), and the question not long."""
        if not self.answered.strip().endswith("?"):
            return False
        *before, question = self.sentences
        return (question.count(" ") < ONLY_ASKS_BACK_WORDS and len(before) <= 2
                and all(s.count(" ") < 3 and not has_digit(s) for s in before))

    @kept
    def asks_what_a_task_needs(self) -> bool:
        """The answer's last question asks what a task needs: where, when, which, what kind,
        what the user would like, one thing or another ("Where should the taxi pick you
        up?"). Asked about a task ("book me a cab"), it takes the task on."""
        return ASKS_WHAT_THE_TASK_NEEDS.search(self.question_back or "") is not None

    @kept
    def answers_nothing_first(self) -> bool:
        """What the answer says before its last question is an interjection or a word of
        appreciation at most ("Hmm.", "Oh, lovely!"): "Eight! Do you like camping?" and
        "Doing well, thanks! And you?" answer first."""
        return all(FILLER_WORDS.issuperset(s.translate(WORD_CHARACTERS_ONLY).split()) for s in self.sentences[:-1])

    @kept
    def offers(self) -> bool:
        """...or on an offer of more help, which asks nothing of the user."""
        return ANSWER_OFFERS.search(self.answered[-300:]) is not None

    @kept
    def asks_for_feedback(self) -> bool:
        """The answer asks what it should have said ("What could I have said instead?")."""
        return ASKS_FOR_FEEDBACK.search(self.answered) is not None

    @kept
    def did_not_understand(self) -> bool:
        """The answer says it did not understand the request ("could you rephrase?")..."""
        return ANSWER_DID_NOT_UNDERSTAND.search(self.answered) is not None

    @kept
    def asks_again(self) -> bool:
        """...and asks for it again, not for a detail in particular (an order number): the
        next message may restate the request. (Read for nearly every next message, up to
        three times each: once a text.)"""
        return self.did_not_understand and not ASKS_FOR_DETAIL.search(self.answered)

    @kept
    def waits_for_user(self) -> bool:
        """The answer asks the user for something the request needs, and does not end on an
        offer (:func:`.answer_phrases.asks_for_what_the_request_needs`)."""
        return asks_for_what_the_request_needs(self.answered) and ANSWER_OFFERS.search(self.answered) is None

    @kept
    def takes_back(self) -> bool:
        """The answer opens by owning a miss of the answer before ("You're right, sorry.",
        "I apologise for the confusion")."""
        return TAKES_BACK.match(self.answered) is not None

    @kept
    def owns_an_earlier_miss(self) -> bool:
        """The answer owns a miss of an earlier answer than the one before ("You're right, my
        earlier answer was wrong", "Yes, sorry, I overstated it before")."""
        return OF_AN_EARLIER_ANSWER.search(self.answered[:120]) is not None

    @kept
    def apologises(self) -> bool:
        """The answer opens on a bare apology ("Sorry!"), which may also be sympathy."""
        return APOLOGISES.match(self.answered) is not None

    @kept
    def agrees(self) -> bool:
        """The answer opens by saying the user is right ("You're right, the saving is $20.")."""
        return AGREES.match(self.answered) is not None

    @kept
    def tells_there_is_none(self) -> bool:
        """The answer opens on an apology for bad news: none of what was asked is to be had
        ("Sorry, there is no Turkish restaurant in the east.", "Sorry, 7:30 is also fully
        booked.")."""
        return SORRY_THERE_IS_NONE.match(self.answered) is not None

    @kept
    def checks_what_it_heard(self) -> bool:
        """The answer says what it took the user to want, and asks whether it heard right
        ("Leaving from Brighton Road. Is this correct?", "A table for 2 on Friday. Did I get
        that right?")."""
        question = self.question_back
        return (question is not None and CHECKS_WHAT_IT_HEARD.match(question) is not None
                and len(self.answered) > len(question) + 3)

    @kept
    def asks_where_from_or_to(self) -> bool:
        """The question the answer ends on asks where a journey starts or ends ("Where are
        you leaving from?")."""
        return self.question_back is not None and ASKS_WHERE_FROM_OR_TO.search(self.question_back) is not None

    @kept
    def repairs(self) -> bool:
        """The answer opens by owning a miss ("Oops, sorry about that.")."""
        return ANSWER_REPAIRS.match(self.answered) is not None

    @kept
    def says_yes_or_no(self) -> bool:
        """The answer replies yes or no ("Yes, as long as it stays on a lead")."""
        return ANSWER_YES_OR_NO.search(self.answered) is not None

    @kept
    def only_appreciates(self) -> bool:
        """The answer is an interjection, a word of appreciation or an acknowledgement and
        nothing more ("Cool cool.", "Good point.", "Oh nice.", "Good to know!", "I
        understand."): to a question, it answers nothing."""
        if len(self.answered) > ACKNOWLEDGEMENT_CHARACTERS:
            return False
        words = self.answered.translate(WORD_CHARACTERS_ONLY).split()
        return ((0 < len(words) <= BLAND_WORDS and "?" not in self.answered and APPRECIATION_WORDS.issuperset(words))
                or ACKNOWLEDGES.fullmatch(self.answered) is not None)

    @kept
    def cheers(self) -> bool:
        """The answer cheers and says no word of sympathy ("oh cool! so what do you do for fun?")."""
        return CHEER.search(self.answered) is not None and SYMPATHY.search(self.answered) is None

    @kept
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

    @kept
    def checks_the_answer(self) -> bool:
        """The question the answer ends on checks it helped ("Does that answer your
        question?"): "no, not at all" to it says it did not."""
        return CHECKS_THE_ANSWER.search(self.question_back or "") is not None

    @kept
    def asks_if_it_helped(self) -> bool:
        """...and it is no proposal ("Booked 7pm. Does that work for you?"): a bare no to it
        ("not really") says the answer did not help."""
        return ASKS_IF_IT_HELPED.search(self.question_back or "") is not None

    @kept
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

    @kept
    def signs_off(self) -> bool:
        """The answer takes leave ("Glad I could help. Have a great day!"): said to every
        thanks, it is no answer said again."""
        return ANSWER_SIGNS_OFF.match(self.answered) is not None

    @kept
    def gist_words(self) -> frozenset[str] | None:
        """The words of the answer's gist, where it says enough about a topic, in English, to
        be compared in meaning with a request; None where it does not."""
        if self.answered.count(" ") < OFF_TOPIC_MIN_WORDS or self.signs_off:
            return None  # (a sign-off answers thanks or praise, on no topic)
        words = frozenset(self.answered[:ANSWER_LIMIT].translate(WORD_CHARACTERS_ONLY).split())
        if len(words - STOPWORDS) < OFF_TOPIC_MIN_TOPIC_WORDS or STOPWORDS.isdisjoint(words):
            return None
        return words


def sentences_of(text: str) -> list[str]:
    """The sentences of a (lower-cased) text, each with the marks that end it."""
    return [s for s in (s.strip() for s in SENTENCES.findall(text.strip())) if s]
