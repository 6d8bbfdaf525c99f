"""An answer or a question said again within a session: the conversation is stuck, or the
bot forgot what it was told. The same answer to a request sent again
(:func:`repeated_answers`), a sentence of an earlier answer said again
(:func:`sentences_said_again`), a question the user already answered asked again, in the
same or other words (:func:`asked_again`).
"""

from __future__ import annotations

import re
from functools import lru_cache, partial
from typing import NamedTuple

from ..words import WORD, content_words, has_digit, heads, similarity
from .answer_phrases import GOES_TO_WORK
from .confidence import confidence
from .found import Found, quote
from .kinds import A_PLACE_FOR_A_TABLE, A_WEEKDAY, COUNT_WORDS, CUISINES, ONE_TO_TWELVE, PET_WORDS
from .memory import SIGNS_OFF, TELLS_ITS_WORK
from .phrases import (
    CLARIFIES,
    MORE_DETAIL,
    PUSHES_BACK,
    SAYS_NO,
    SAYS_ONLY_YES,
    WANTS_TO_KNOW,
    WORD_CHARACTERS_ONLY,
)
from .reactions import REPHRASE_SIMILARITY, same_request
from .turns import Turn

# An answer's question this close to one the user answered before asks it again (by
# their topic words; by meaning, ASKED_AGAIN_IN_MEANING).
ASKED_AGAIN = 0.85
# ...with the meaning model, this close (cosine similarity of the two questions' vectors):
ASKED_AGAIN_IN_MEANING = 0.7  # "what's your go-to meal?" ... "so, what do you like to eat?"
REPEAT_MIN_WORDS = 5  # an answer this long said twice in a session is no coincidence...
SHORT_REPEAT_MIN_WORDS = 3  # ...nor a shorter one that names as many things ("Chief Executive Officer.")


def asked_again(turns: list[Turn]) -> list[Found]:
    """An answer that asks again, in the same or other words, a question an earlier answer
    of the session asked and the user answered ("How long have you been doing it?" -
    "about three weeks now" - ... - "How long have you been doing pottery?"): the chatbot
    forgot. Asked again because the user asked what it meant ("go on"), or after saying
    something new ("Then update the firmware. Did that fix it?"), it is no loop, nor is an
    offer of more help. Compared by meaning, or by topic words without the model. A
    question close to the one the message has just answered that points back at the answer
    ("it", "there", "then") follows it up: "what do you do?" - "firefighter" - "do you like
    it?", "do you eat it every day?" - "not every day" - "what do you usually eat then?"
    (unless in much the same words)."""
    answered: list[Turn] = []  # the turns whose question back the next message answered
    asked: Turn | None = None
    before_done = 0  # the first of them that came before the last answer that confirmed something done
    out = []
    for at, turn in enumerate(turns):
        if at and turns[at - 1].reply.confirms:
            before_done = len(answered)
        if turn.message.starts_over:  # ("start over": every question is to be asked again)
            answered, asked, before_done = [], None, 0
        just_answered = None
        if asked is not None and turn.message.answers_back:
            answered.append(asked)
            just_answered = asked
        asked = None
        question = turn.reply.question_back
        # ("Anything else I can help with?" asks nothing of the kind; "How many tickets would
        # you like?" asks for a value; "Leaving from Brookline. Is this correct?" asks of
        # what the answer has just said)
        if (question is None or (turn.reply.offers and _ASKS_FOR_A_VALUE.match(question) is None)
                or turn.reply.checks_what_it_heard):
            continue
        if at and turns[at - 1].reply.asks_for_feedback:
            asked = turn  # (it asks what the user, asked what it should have said, told it to)
            continue
        # (A reply that says more than its question is read only for a question in the same
        # words as one answered turns before: "i'll have to try one sometime. what do you do for
        # work?" a second time; not the question just put, asked again after the user's
        # correction or change of mind left it unanswered, nor one that repairs a miss.)
        if answered and turn.message.answers_back and (turn.reply.only_a_question or (
                not (turn.reply.takes_back or turn.reply.apologises) and _ASKS_ABOUT_THE_USER.search(question)
                and any(_asked_again_in_words(earlier, turn) > 0 for earlier in answered
                        if earlier is not just_answered))):
            # (A question of another option, named by its figures, is another question: "what do you
            # think of this option: resto_rome_cheap_italian_3stars" after "...6stars".)
            # (A task's questions for values are alike in meaning, "How much would you like to
            # transfer?" and "Which account would you like to transfer from?": they are read in
            # their words only.)
            # (Nor is a question for a value asked once more after a task was done: "Would you
            # like anything else?" - "yes, tickets for Barbie too" - "How many tickets would you
            # like?".)
            asked_again = _asked_again_in_words if turn.reply.offers else partial(_asked_again_of,
                                                                                  just_answered=just_answered)
            read = answered[before_done:] if turn.reply.offers else answered
            strengths = [(asked_again(earlier, turn), earlier) for earlier in read
                         if not (_names_another(earlier, turn) or _asks_the_other_end(earlier, turn))
                         ] or [(-1.0, turn)]
            strength, earlier = max(strengths, key=lambda pair: pair[0])
            if strength >= 0:
                out.append(Found(turn.pk, "loop", confidence("loop", "asked_again", strength),
                                 f"asks again what it asked before and the user answered: {quote(question, 70)}",
                                 evidence={"earlier_turn": earlier.trace_id,
                                           "text": (earlier.reply.question_back or "")[:300]}))
        asked = turn
    return out


# A question for a value a task needs, however it is put: "how many tickets would you like?",
# "which day would you like to travel?".
_ASKS_FOR_A_VALUE = re.compile(r"(?:how (?:many|much|long)|which|when|where|what (?:time|day|date|size|kind|type))\b"
                               r"(?!.*\b(?:help|else|other)\b)")  # (not "Which other topic can I help with?")


def _asks_the_other_end(earlier: Turn, turn: Turn) -> bool:
    """Whether the two questions ask where a journey starts and where it ends: "Where are you
    leaving from?" and "Where are you going?", close in meaning, ask for two things."""
    if not (earlier.reply.asks_where_from_or_to and turn.reply.asks_where_from_or_to):
        return False
    one, other = earlier.reply.question_back or "", turn.reply.question_back or ""
    return bool((_FROM.search(one) and _TO.search(other) and not _TO.search(one) and not _FROM.search(other))
                or (_TO.search(one) and _FROM.search(other) and not _FROM.search(one) and not _TO.search(other)))


# A question of where a journey starts, and one of where it ends ("Which stop?" names neither).
_FROM = re.compile(r"\bfrom\b|\bleav|\bdepart|\bstart")
_TO = re.compile(r"\bgo(?:ing)?\b|\bhead|\bdestination|\barriv|\bto\W*$")


def _names_another(earlier: Turn, turn: Turn) -> bool:
    """Whether the question ``turn``'s answer ends on names an id (letters and figures, or
    words joined by underscores) that ``earlier``'s did not. ("Do you teach Year 6?" after
    "What year do you teach?" names no other thing.)"""
    named = {word for word in (turn.reply.question_back or "").split()
             if "_" in word or (has_digit(word) and not word.strip("?.,!").isdigit())}
    return bool(named) and not named <= set((earlier.reply.question_back or "").split())


def _asked_again_of(earlier: Turn, turn: Turn, just_answered: Turn | None) -> float:
    """How surely ``turn``'s question asks again ``earlier``'s (:func:`_asked_again_strength`);
    of the question the message has just answered, one that points back at the answer is
    asked again only in the same words."""
    strength = _asked_again_strength(earlier, turn)
    if earlier is just_answered and strength < 1.0 and _POINTS_BACK.search(turn.reply.question_back or ""):
        return _asked_again_in_words(earlier, turn)
    return strength


def _asked_again_strength(a: Turn, b: Turn) -> float:
    """How surely the questions two answers end on are the same question: below 0, not
    the same; from 0 at the bound to 1. By topic words, the same words make it sure. In
    meaning, close questions may still ask of different things ("what's your favourite
    film?", "...book?" lie at about 0.8): a question is sure from ASKED_AGAIN on, and
    less sure between ASKED_AGAIN_IN_MEANING and it. "how are you?" asks after the user,
    not of a thing: it is asked again only as itself ("how many kids do you have?" is
    another question, however close in meaning)."""
    if a.reply.asks_how_the_user_is != b.reply.asks_how_the_user_is:
        return -1.0
    if _TURNED_BACK.match(a.reply.question_back or "") or _TURNED_BACK.match(b.reply.question_back or ""):
        return -1.0  # ("what about you?" asks of whatever was said before it)
    if a.question_back_vector is not None and b.question_back_vector is not None:
        alike = float(a.question_back_vector @ b.question_back_vector)
        return min(1.0, (alike - ASKED_AGAIN_IN_MEANING) / (ASKED_AGAIN - ASKED_AGAIN_IN_MEANING))
    return _asked_again_in_words(a, b)


# A question that turns what the answer said back on the user, and asks of nothing else:
# "What's yours?", "what about you?", "and u?".
_TURNED_BACK = re.compile(r"\W*(?:(?:and|so|but|ok|okay)\W+)?(?:(?:what|how)(?:'s| is|s)? (?:about )?)?"
                          r"(?:you|u|yours|urs|yourself|urself)\W*$")


def _asked_again_in_words(a: Turn, b: Turn) -> float:
    """1 if the questions two answers end on have the same topic words, else -1."""
    alike = similarity(a.reply.question_back_words, b.reply.question_back_words)
    return 1.0 if alike >= ASKED_AGAIN else -1.0


REPEATED_SENTENCE_WORDS = 5  # a sentence this long said again in another answer is no coincidence
_SHORTEST_LONG_SENTENCE = 3 * REPEATED_SENTENCE_WORDS  # characters: a shorter sentence has fewer words
# A sentence this long said again with its opening word for word and no word the other
# lacks, a clause left out or put in ("Robusta has roughly twice the caffeine of arabica and
# grows at lower altitudes" after "..., and it's hardier and grows at lower altitudes"), is
# the same sentence. With a word changed it may say something new: "The museum is open
# every weekend from ten" after "... every weekday from nine", "The porch light will turn
# on at sunset every day" after "..., which is 7:42 PM today", another restaurant offered.
NEAR_SENTENCE_WORDS = 8
_NEAR_OPENING_WORDS = 5
# What a task bot says in many answers by design: an offer, a step under way, a read-back.
_SAID_BY_DESIGN = re.compile(r"\b(?:would you like|shall i|is there anything|anything else|can i help|let me|"
                             r"please confirm|the rest of|another option|how about)\b")


class LongSentence(NamedTuple):
    """A long sentence of an answer, as compared: its words joined, its opening words
    (long sentences only), its words; and as said."""

    key: str
    opening: str | None
    words: list[str]
    said: str


def _long_sentences(turn: Turn) -> list[LongSentence]:
    out = []
    for sentence in turn.reply.sentences:
        if len(sentence) < _SHORTEST_LONG_SENTENCE:
            continue
        words = sentence.translate(WORD_CHARACTERS_ONLY).split()
        if len(words) >= REPEATED_SENTENCE_WORDS:
            opening = " ".join(words[:_NEAR_OPENING_WORDS]) if len(words) >= NEAR_SENTENCE_WORDS else None
            out.append(LongSentence(" ".join(words), opening, words, sentence))
    return out


# A message that asks for a draft again, changed or whole ("put that line in and give me the
# whole thing again", "could the bathroom bit be a bit longer", "can u put it all together",
# "take that bit out please").
_ASKS_FOR_THE_DRAFT_AGAIN = re.compile(
    r"\b(?:(?:give|show|send|write|paste) (?:me |us )?(?:\w+ ){0,3}again|whole thing|all together"
    r"|put (?:it|that|this|them|those|the \w+)(?: \w+)? (?:in|together|back)"
    r"|(?:re)?write|redo|revise|edit|tweak|change|longer|shorter|add|remove|drop|cut|swap|replace|fix"
    r"|take (?:\w+ ){0,3}out"
    r"|final (?:version|plan|draft|list))\b")


def _nearly_the_same(a: LongSentence, b: LongSentence, asked: frozenset[str]) -> bool:
    """The one sentence holds every word of the other, and what it adds is not what the
    message asked for ("The museum is open every Saturday and Sunday..., and on holidays
    too" to "and on holidays?" answers it)."""
    shorter, longer = sorted((set(a.words), set(b.words)), key=len)
    return shorter <= longer and content_words(" ".join(longer - shorter)).isdisjoint(asked)


# The words of a sentence with figures said again out of the blue: a forecast, a list of
# prices, not a reference or a number the user may well need twice.
_FIGURES_SENTENCE_WORDS = 10


def _figures_brought_back(sentence: str, turns_ago: int, turn: Turn) -> bool:
    """A long sentence with figures said again at least two turns after it was said first,
    to a message that names nothing of it, asks no question and does not ask to hear it or
    a recap again ("yeah go" -
    "Booked. ... Tomorrow in Boston: rain in the morning, ..., high of 54°F"): brought
    back from an earlier answer."""
    words = sentence.translate(WORD_CHARACTERS_ONLY).split()
    message = turn.message
    if _RECAP.search(turn.asked):
        return False
    if (message.asks_a_question or _ASKS.search(turn.asked)) and not _answers_none_of(turn, sentence):
        return False  # ("who do i talk to" - "Please call our support line at 1-800-..." again answers it)
    return (turns_ago >= 2 and len(words) >= _FIGURES_SENTENCE_WORDS and not message.asks_to_hear_again
            and _FIGURE_IN_THE_TEXT.search(sentence) is not None  # (not an id's: "resto_rome_cheap_italian_3stars")
            and content_words(sentence.lower()).isdisjoint(turn.words))


_FIGURE_IN_THE_TEXT = re.compile(r"(?<![\w-])\d")
# A clause that asks: "ugh ok who do i talk to".
_ASKS = re.compile(r"(?:^|[.!?]\s+)\W*(?:(?:ugh|ok|okay|so|and|but|um+|hm+|well|lol|phew)\W+)*"
                   r"(?:who|what|where|when|how|which|why)\b")


def _answers_none_of(turn: Turn, sentence: str) -> bool:
    """A sentence said again that answers none of the question: no figure of the kind it
    asks for ("how much roughly" - "Anne Frank House tickets are sold only online and are
    released 6 weeks in advance."), or no yes or no to a yes-or-no question ("is this one a
    combustion reaction?" - "Balance C first: ...")."""
    asked = turn.message.figures_asked
    if asked:
        return not any(gives.search(sentence) for gives in asked)
    return turn.message.may_ask_yes_or_no and not turn.reply.says_yes_or_no
_TO_THE_BOT = re.compile(r"\b(?:your|you|u|ur)\b")
# A message that asks for what was said, put together: "can you sum it all up", "recap please".
_RECAP = re.compile(r"\b(?:sum (?:it |that |this |everything )?(?:all )?up|summar|recap|remind me|again|"
                    r"what (?:do|should) i (?:need|know|bring|show)|did (?:you|u) say|nochmal|otra vez|de nuevo"
                    r"|encore une fois|di nuovo)")


def sentences_said_again(turns: list[Turn], sentences_of_answer: dict[str, list[LongSentence]]) -> list[Found]:
    """A sentence of an earlier answer of the session said again inside another answer,
    word for word or in much the same words (:data:`NEAR_SENTENCE_WORDS`): "How many
    grandchildren do you have?" asked a second time after other words, "I work at a bakery
    and I love to bake bread." told twice. Not the answer said again whole
    (:func:`repeated_answers` reads that), a sentence with a figure (a reference, a contact
    number), nor what a task bot says by design ("Would you like me to book it?", "Ok let
    me look into some options for you")."""
    position = {turn.pk: i for i, turn in enumerate(turns)}
    first: dict[str, Turn] = {}  # a sentence, as compared: the turn whose answer first said it
    opened: dict[str, tuple[LongSentence, Turn]] = {}  # a long sentence's opening: the first to open so, and where
    out = []
    for turn in turns:
        if turn.message.starts_over:
            first.clear()
            opened.clear()
        answered = turn.answered
        said = sentences_of_answer.get(answered)
        if said is None:
            said = sentences_of_answer[answered] = _long_sentences(turn)
        again = []  # (the turn that said it first, the sentence as said now)
        for sentence in said:
            if sentence.key in first:
                if first[sentence.key].answered != answered:
                    again.append((first[sentence.key], sentence.said))
            elif sentence.opening in opened:
                earlier, where = opened[sentence.opening]
                if where.answered != answered and _nearly_the_same(earlier, sentence, turn.words):
                    again.append((where, sentence.said))
        for sentence in said:
            first.setdefault(sentence.key, turn)
            if sentence.opening is not None:
                opened.setdefault(sentence.opening, (sentence, turn))
        if not again:
            continue  # (most answers)
        message = turn.message
        # (A repair says again what it set right; so does an answer to "what do you mean?", or
        # after the user set their own request right: "sorry, i meant the north" - "Got it,
        # the north instead. How long is the stay?"; asked the same again, or for more of it,
        # an answer may well say it again: "can you explain that in more detail?"; and a
        # draft asked for again, changed or whole, with something new in it: "put that line
        # in and give me the whole thing again". Said again with nothing new, the change
        # asked for was not made.)
        if (turn.reply.takes_back or turn.reply.apologises or message.corrects_itself or message.may_correct
                or message.did_not_follow or CLARIFIES.match(turn.asked) or MORE_DETAIL.search(turn.asked)
                or (_ASKS_FOR_THE_DRAFT_AGAIN.search(turn.asked) and len(again) < len(said))):
            continue
        at = position[turn.pk]
        hit = next((sentence for where, sentence in again
                    if (not has_digit(sentence) or _figures_brought_back(sentence, at - position[where.pk], turn))
                    and _SAID_BY_DESIGN.search(sentence) is None
                    # (asked about what it said of itself, "where do your brothers live", it says it again)
                    and not (turn.words and turn.words <= where.answer_words | where.words
                             and _TO_THE_BOT.search(turn.asked) is not None)
                    # (an answer that goes on to more than it says again may answer a follow-up)
                    and not _asked_the_same_again(where, turn, follow_ups=len(again) == len(said))),
                   None)
        if hit is not None:
            out.append(Found(turn.pk, "loop", confidence("loop", "repeated_sentence"),
                             f"says again what an earlier answer said: {quote(hit, 70)}",
                             evidence={"text": hit[:300]}))
    return out


def facts_told_again(turns: list[Turn]) -> list[Found]:
    """An answer of facts with figures that earlier answers of the session all told, every
    figure and all its words but one, to a message it takes none of the words of: "Banff is
    Canada's oldest national park, established in 1885 ..." ... "bears?? should i be
    worried lol, we're camping" - "Banff was established in 1885 as Canada's first national
    park.". Said otherwise than word for word (which :func:`sentences_said_again` reads),
    it tells nothing new and answers nothing asked. Not a booking confirmed, a repair, nor an
    answer to a request to hear it again or to a correction."""
    out = []
    said_words: set[str] = set()  # the content words of the session's answers so far
    said_figures: set[str] = set()  # ...and their figures
    answers: set[str] = set()  # ...and the answers themselves
    for turn in turns:
        answered = turn.answered
        figures = set(_A_FIGURE.findall(answered)) if has_digit(answered) else set()
        # (An answer said again whole is :func:`repeated_answers`' to read, with what excuses it.)
        if figures and said_figures and figures <= said_figures and answered not in answers:
            words = turn.answer_words
            if (len(words) >= _TOLD_AGAIN_WORDS and len(words - said_words) <= 1 and turn.words
                    and heads(turn.words).isdisjoint(heads(words)) and not _may_tell_again(turn)):
                out.append(Found(turn.pk, "loop", confidence("loop", "told_again"),
                                 f"tells again what earlier answers told, and nothing asked: {quote(turn.answer, 70)}",
                                 evidence={"text": turn.answer[:300]}))
        said_words |= turn.answer_words | turn.words  # (what the user said was said too: "the tower")
        said_figures |= figures
        answers.add(answered)
    return out


def _may_tell_again(turn: Turn) -> bool:
    """What an answer may tell again of what it told before: a yes asked for a booking
    ("Yes, that's correct."), a thanks or a goodbye ("great thanks a lot"), a confirmation,
    a repair, a yes or no, a count asked ("how many kids do you have" - "Two daughters, 9
    and 12.", not a time to "how long is the trip"), a request to hear it again, a
    correction, or what to do ("who do i talk to" - "Please call...")."""
    message, reply, asked = turn.message, turn.reply, turn.asked
    return bool(SAYS_ONLY_YES.match(asked) or message.closing or SIGNS_OFF.search(asked)
                or reply.confirms or reply.repairs or reply.takes_back or reply.apologises or reply.says_yes_or_no
                or ("how many" in asked and any(gives.search(turn.answered) for gives in message.figures_asked))
                or reply.checks_what_it_heard or message.asks_to_hear_again or message.may_correct
                or message.challenges or message.did_not_follow or message.corrects_itself
                or _RECAP.search(asked) or CLARIFIES.match(asked) or MORE_DETAIL.search(asked)
                or _ASKS_WHAT_TO_DO.search(asked))


_A_FIGURE = re.compile(r"\d[\d,.:]*\d|\d")
_ASKS_WHAT_TO_DO = re.compile(r"\b(?:who|where|how|what) (?:do|can|should|could|would) (?:i|we)\b")
_TOLD_AGAIN_WORDS = 3  # an answer of fewer words may say again what it needs to


def repeated_answers(turns: list[Turn], missed: set[int]) -> list[Found]:
    """An answer that says again, word for word, what an earlier turn of the session said,
    to a message that asked something else (asked the same again, the same answer is
    consistent; the rephrase signal speaks for the first), or, taking up none of the
    message's words, after the user said the first missed and asked again otherwise
    ("what? I asked what year did Titanic come out?"; ``missed``: the turns the next
    message asked again or complained of): the conversation is stuck."""
    out = []
    position = {turn.pk: i for i, turn in enumerate(turns)}
    for first, turn in _said_again(turns):
        if (first.pk in missed and turn.words != first.words and turn.words.isdisjoint(turn.answer_words)
                and not turn.reply.specifics):  # (an answer naming what was asked, "Elon Musk", may stand)
            out.append(_said_again_found(first, turn, "the same answer again, after the user said it missed"))
            continue
        before = turns[position[turn.pk] - 1]
        first_before = turns[position[first.pk] - 1] if position[first.pk] else None
        if _acknowledges(first, offered=first_before is not None and first_before.reply.question_back is not None) \
                and _acknowledges(turn, answers_back=before.reply.asks_yes_or_no_back,
                                  offered=before.reply.question_back is not None):
            continue  # "Added to your cart.", "Got it, I'll remember that.": each takes a new thing
        if position[turn.pk] == position[first.pk] + 1 and not turn.complains and (
                _asks_on(turn) or _asks_to_hear_it_again(turn)):
            continue  # "and on saturday?", "when will it get here": the same answer covers it
        # (Said again to a complaint, "but u just said ur wife...", it answers none of it; nor
        # to a request for another, "anything that arrives a bit closer to 13:00?".)
        if turn.complains or turn.message.asks_for_another or not _asked_the_same_again(first, turn):
            out.append(_said_again_found(first, turn, "the same answer as an earlier turn, to another message"))
    return out


def _asks_to_hear_it_again(turn: Turn) -> bool:
    """The message asks to hear the answer before again ("repeat", "sorry could you say the
    number again"), or asks in a bare question for a figure it gave ("what time" after "The
    next 54 leaves at 7:12 p.m."), as a caller who did not catch it does: the same answer is
    the right one. (Not "how long left" after "Timer set for 20 minutes.": another figure.)"""
    return turn.message.asks_to_hear_again or (_BARE_FIGURE_QUESTION.match(turn.asked) is not None and any(
        gives.search(turn.answered) is not None for gives in turn.message.figures_asked))


_BARE_FIGURE_QUESTION = re.compile(r"^\W*(?:(?:sorry|and|so|ok|okay|um+|uh+)\W+)*(?:what time|when|what day|what date|"
                                   r"how (?:long|much|many|far|old))(?:\W+(?:is it|was it|was that|again|please))*\W*$")


def _said_again_found(first: Turn, turn: Turn, why: str) -> Found:
    return Found(turn.pk, "loop", confidence("loop", "repeated_answer"), f"{why}: {quote(turn.answer, 70)}",
                 evidence={"earlier_turn": first.trace_id, "text": turn.question[:300]})


def _asked_the_same_again(first: Turn, turn: Turn, follow_ups: bool = True) -> bool:
    """Whether ``turn``'s message asks again what ``first``'s did, so that the same answer
    fits it: in much the same words; or, for a message that gives figures and an answer
    that states some, with an answer that gives one of them back ("timer 25 min" after
    "can you time 25 minutes for me", both answered "Timer set for 25 minutes."; not
    "timer 10 min"); or close in meaning, with an answer that takes up a word of it ("do i
    need an umbrella in madrid tomorrow?", then "forecast for Madrid tmrw"). Closeness alone is not enough: "she's
    called miso" lies near "how many teeth does a dog have?" (both speak of pets), and "An
    adult dog has 42 teeth." says nothing of it. With ``follow_ups``, a message that takes up
    something the first answer gave and asks more of its own words about it asks something
    new ("breck inn is it walkable to the lifts" after "...Breckenridge Inn and Beaver Run
    Resort."; not "i got an overdraft fee, can i get it back" after "The overdraft fee is
    $30 per item...")."""
    if similarity(first.words, turn.words) >= REPHRASE_SIMILARITY:
        return True
    figures, given = _NUMBERS.findall(turn.asked), _NUMBERS.findall(turn.answered)
    if figures and given:  # (an answer that states no value, "It ships tomorrow.", is read as below)
        return not set(figures).isdisjoint(given)
    if follow_ups:
        offered = first.answer_words - first.words
        taken_up = turn.words & offered
        if taken_up and len(turn.words - offered - first.words) > len(taken_up):
            return False
    # (A yes or no that names nothing of either question, "Yes, you can do that in the
    # app.", fits any yes-or-no question like the first.)
    return same_request(first, turn) and (
        not turn.words.isdisjoint(turn.answer_words)
        or (turn.reply.says_yes_or_no and turn.message.asks_yes_or_no and first.words.isdisjoint(first.answer_words)))


_NUMBERS = re.compile(r"\d+(?:[:.]\d\d)?")  # ("13:00" is one figure: its "00" is no match for "11:00")
# A question about the user ("what do you do for work?"), not one that proposes what the bot
# would do ("Book it for 2 people?", "Would you like me to...").
_ASKS_ABOUT_THE_USER = re.compile(r"^(?!.*\b(?:shall i|should i|want me|would you like|do you want|book|reserve|"
                                  r"confirm)\b).*\b(?:you|your)\b")
# Words of a question that point back at what the user just said ("do you like it there?").
_POINTS_BACK = re.compile(r"\b(?:it|there|then|that|them|those|this)\b")
# An acknowledgement of something taken, in its first words: "Got it, I'll remember that.",
# "Noted.". (Not "Okay, each to their own!", which takes nothing.)
_ACKNOWLEDGES = re.compile(r"(?:got it|noted|will do|understood|i'll remember)\b"
                           r"|(?:sure|ok|okay|alright|done)\W+(?:is there )?anything else\b")  # (to each change)
# A message that goes on from the one before: "and to Mexico?", "y el sábado?", "et demain ?".
_GOES_ON = re.compile(r"(?:and|also|what about|how about|same for|y|et|und|e|auch|también|même|ook|i)\b")
# A message that asks only why or how.
_WHY_OR_HOW = re.compile(r"(?:why|how|how so|how come|warum|wieso|wie|por qué|cómo|pourquoi|comment)\W*$")


def _acknowledges(turn: Turn, answers_back: bool = False, offered: bool = False) -> bool:
    """The answer takes what the message gave and names none of it ("Added to your cart.
    Anything else?", "Noted."), to a message that asks nothing, pushes nothing back and
    complains of nothing ("a garlic bread too", "also my anniversary is June 10").
    ``answers_back``: the bot asked a yes or no before it, which a "no" answers ("is there
    anything else to update" - "no" - "ok let me look into some options for you"). ``offered``:
    the bot offered something before, which a no turns down ("what do you think of this
    option: ..." - "no i don't like that" - "sure let me find an other option for you")."""
    reply, asked = turn.reply, turn.asked
    return ("?" not in asked and WANTS_TO_KNOW.match(asked) is None
            # (a no that turns down what was offered, to which the bot goes to find another)
            and (PUSHES_BACK.match(asked) is None or (answers_back and SAYS_NO.match(asked) is not None)
                 or (offered and GOES_TO_WORK.match(turn.answered) is not None))
            and not turn.complains and not reply.specifics and (reply.question_back is None or reply.offers)
            and (reply.confirms or _ACKNOWLEDGES.match(turn.answered) is not None
                 or GOES_TO_WORK.match(turn.answered) is not None))


def _asks_on(turn: Turn) -> bool:
    """The message asks on from the one before it, naming at most two things of its own
    ("and to Mexico?", "y el sábado?"), or nothing at all ("when will it get here?"). Not
    a thanks, nor a "what??" that did not follow the answer."""
    message, asked = turn.message, turn.asked.lstrip("¿¡ ")
    if (message.closing or message.did_not_follow or not ("?" in asked or WANTS_TO_KNOW.match(asked))
            or _WHY_OR_HOW.match(asked)):  # ("why?", "how?": the same answer explains nothing more)
        return False
    goes_on = _GOES_ON.match(asked)
    if goes_on is not None and goes_on.group(0) == "i" and message.in_english:
        goes_on = None  # English's "I want...", not Catalan's "i" (and)
    return not turn.words or (len(turn.words) <= 2 and goes_on is not None)


def _said_again(turns: list[Turn]) -> list[tuple[Turn, Turn]]:
    """(the turn that first gave an answer, a later turn of the session that gives it
    again), for answers that say enough that saying them twice is no coincidence: not a
    sign-off, which every thanks gets, nor a short reply that names nothing ("Yes, you
    can.", "Let me check.")."""
    said: dict[str, Turn] = {}
    again = []
    for turn in turns:
        if turn.message.starts_over:  # ("start over": the bot says it all again by design)
            said.clear()
        if not turn.answered or turn.reply.signs_off or not _says_enough_to_repeat(turn):
            continue
        gist = turn.answered.rstrip(" .!?")
        first = said.setdefault(gist, turn)
        if first is not turn:
            again.append((first, turn))
    return again


def _says_enough_to_repeat(turn: Turn) -> bool:
    """An answer of REPEAT_MIN_WORDS words or more; or a shorter one in English that is all
    things named, three of them ("Chief Executive Officer."; not "It ships tomorrow.", a
    status every order of a session may get)."""
    words = turn.answered.count(" ") + 1
    if words >= REPEAT_MIN_WORDS:
        return True
    return (words >= SHORT_REPEAT_MIN_WORDS and turn.reply.in_english
            and sum(len(w) > 1 for w in turn.answer_words) >= SHORT_REPEAT_MIN_WORDS)


# What a bot asks to get to know the user, and what in the user's messages had told it
# already: an age ("my 15 yo son", "shes 5", "he's 10 weeks"), a job ("I work in a bank",
# "im a nurse at the county hospital"), where they are from or live, pets and their breed,
# children, brothers and sisters, a partner.
_NUMBER = rf"(?:\d+|{'|'.join(COUNT_WORDS)})"
_PET = rf"(?:{'|'.join(PET_WORDS)})"


def _kin_told(kin: str) -> re.Pattern:
    """A brother or a sister (``kin``: the words for them) a message tells of: "my little
    sister", "i have two brothers" (not "my brother-in-law")."""
    return re.compile(rf"\bmy (?:(?:little|big|older|younger|twin|baby|kid|step|half) )?(?:{kin})s?\b(?!-)"
                      rf"|\b(?:i|we) have (?:a|an|one|two|three|four|\d) (?:(?:little|big|older|younger|twin) )?"
                      rf"(?:{kin})s?\b")


# (A question that asks after more brothers or sisters, or after a partner now, asks something
# else: "do you have a sister too?", "do you have a partner now?")
_FOR_MORE = r"too|other|besides|else|now|again|of your own|anymore|any more|as well"
_NOT_AGAIN = rf"(?![^?]*\b(?:{_FOR_MORE})\b)"
_ASKED_AND_TOLD = (
    (re.compile(r"\bhow old (?:is|are|was|were)\b"),
     re.compile(rf"\b{_NUMBER} ?(?:yo|y/o|years? old|yrs? old|year-old|weeks? old|months? old)\b"
                rf"|\b(?:he|she|they|he's|she's|hes|shes|they're)(?: is| are)? {_NUMBER}\b(?! (?:min|hour|day|sec))")),
    (re.compile(rf"(?:\bwhat do you do for (?:a living|work)\b|\bwhat(?:'s| is) your job\b|\bwhere do you work\b"
                rf"|\bwhat kind of work do (?:you|u) do\b|\bwhat (?:line of work|field) are you in\b){_NOT_AGAIN}"),
     # (or the work named: "im a dental hygienist", "i work nights as a nurse", "i'm in the army")
     re.compile(r"\bi(?:'m| am|m) an? \w+(?: \w+)? (?:at|in|for)\b|\bi work (?:(?:nights|days|weekends|mornings"
                r"|evenings|shifts|part[- ]time|full[- ]time) )?(?:as|at|in|for)\b"
                rf"|\bi(?:'m| am|m) in the (?:army|navy|air force|marines)\b|{TELLS_ITS_WORK.pattern}")),
    # (A name given: "we named her maya", "his name is biscuit" - ... - "what's the baby's name?")
    (re.compile(r"\bwhat(?:'s| is|s) (?:the |your |his |her )?(?:baby|dog|cat|puppy|kitten|pet|son|daughter|boy|girl"
                r"|horse|bird|fish|hamster|bunny|rabbit)(?:'s| 's)? name\b"
                r"|\bwhat did you (?:name|call) (?:him|her|it)\b"),
     re.compile(r"\b(?:we|i) (?:named|called|name|call) (?:him|her|it|them)\b|\b(?:his|her|its) name(?:'s| is)\b"
                r"|\bnamed (?!after\b)[a-z]+")),
    (re.compile(r"\bwhere (?:are you|r u|you) from\b|\bwhere do you live\b"),
     re.compile(r"\bi(?:'m| am|m) from\b|\bi live in\b")),
    (re.compile(r"\bdo you have (?:any )?(?:pets|animals)\b"),
     re.compile(rf"\b(?:my|our|(?:i|we) have (?:a|an|two|three) (?:\w+ )?){_PET}\b")),
    # (A breed told: "i have a pit bull named rosie" - ... - "what breed is she?")
    (re.compile(r"\bwhat (?:kind of |type of )?breeds?\b|\bwhat kind of (?:dog|cat)\b"),
     re.compile(r"\b(?:pit ?bulls?|pitties|labs?|labradors?|golden retrievers?|retrievers?|german shepherds?"
                r"|shepherds?|beagles?|poodles?|labradoodles?|goldendoodles?|huskies|husky|bulldogs?|chihuahuas?"
                r"|corgis?|dachshunds?|pugs?|boxers?|rottweilers?|shih tzus?|yorkies?|border collies?|collies?"
                r"|great danes?|terriers?|greyhounds?|dobermans?|spaniels?|schnauzers?|mutts?|mixed breed"
                r"|siamese|persians?|maine coons?|ragdolls?|bengals?|sphynx)\b")),
    (re.compile(r"\bdo you have (?:any )?(?:kids|children)\b"),
     re.compile(r"\b(?:my|our|(?:i|we) have (?:a|two|three|four)) (?:sons?|daughters?|kids|children)\b")),
    # (A brother or a sister told of: "my sister got married last year" - "do you have any
    # brothers or sisters?"; a partner: "my wife plays piano" - "are you married?")
    (re.compile(rf"\bdo (?:you|u) have (?:any )?(?:siblings|brothers or sisters|sisters or brothers)\b{_NOT_AGAIN}"),
     _kin_told("sister|brother|sis|sibling")),
    (re.compile(rf"\bdo (?:you|u) have (?:any brothers|a brother)\b{_NOT_AGAIN}"), _kin_told("brother")),
    (re.compile(rf"\bdo (?:you|u) have (?:any sisters|a sister)\b{_NOT_AGAIN}"), _kin_told("sister|sis")),
    (re.compile(rf"(?:\bare (?:you|u) married\b|\bdo (?:you|u) have a (?:wife|husband|partner)\b){_NOT_AGAIN}"),
     re.compile(r"(?<!late )(?<!ex-)(?<!former )\bmy (?:wife|husband|hubby)\b(?!-)"
                r"(?![^.!?]*\b(?:divorced|split|separated|ex)\b)")),
)
# ...and what a task bot asks to book, which the message it answers or the one before gave:
# how many, how many nights, which day, what time. (A session may book one thing after
# another, each with its day and its people: only the request at hand counts.)
# A route a request asks for, in a sentence of its own: "I need a taxi from Cambridge Station
# to the Lensfield Hotel.", "Taxi from the Gonville Hotel to the station at 5 please." (not
# one told of, "I took the train from London to Cambridge", nor a sentence that asks for a
# train and a taxi, nor hours: "I'm free from noon to three").
_NOT_A_PLACE = rf"(?:noon|midnight|\d|{'|'.join(ONE_TO_TWELVE)})\b"
_A_RIDE = r"\b(?:taxi|cab|ride|car)\b"
_A_TRAIN = r"\b(?:train|bus|flight|coach)\b(?!\s+(?:station|stop|depot|terminal|stn))"
_ROUTE_ASKED = re.compile(
    r"(?:^|[.!?]\s*)(?![^.!?]*\b(?:took|came|went|drove|flew|travel+ed|rode|was|were|had|commute|commutes|every day"
    r"|usually|always|driving|flies|fly|flying|he|she|they|my (?:\w+ )?(?:parents|mum|mom|dad|daughter|son|wife|husband"
    r"|sister|brother|friend|friends|boss))\b)"
    rf"(?![^.!?]*{_A_RIDE}[^.!?]*{_A_TRAIN})(?![^.!?]*{_A_TRAIN}[^.!?]*{_A_RIDE})"
    rf"[^.!?]*\bfrom (?!{_NOT_A_PLACE})[^.?!]+? to (?:the )?(?!{_NOT_A_PLACE})[a-z]")
_RIDE_FROM_TOLD = re.compile(rf"(?:^|[.!?]\s*)(?=[^.!?]*{_A_RIDE})[^.!?]*\bfrom (?!{_NOT_A_PLACE})(?:the )?[a-z]{{3,}}")
_ASKED_FOR_THE_BOOKING = (
    (re.compile(r"\bhow many (?:people|persons|guests|adults|tickets|seats|of you)\b|\bin your party\b"
                r"|\bfor how many (?:people|persons|guests)\b"),
     re.compile(rf"\b(?:for|party of|table of) {_NUMBER}\b(?!\s?(?:pm|am|p\.m|a\.m|[:.]\d|nights?|days?|hours?|"
                r"mins?|minutes?|weeks?|months?|years?|o'clock|dollars|pounds|euros|%))"
                rf"|\b{_NUMBER} (?:people|persons|guests|adults|tickets|seats)\b")),
    (re.compile(r"\bhow many nights\b"), re.compile(rf"\b{_NUMBER} nights?\b")),
    # (Where to, and where from, of a route the request gave: "a taxi from the station to the
    # Lensfield Hotel" - "Where are you heading to?"; which part of town, of "in the centre".)
    (re.compile(r"\bwhere (?:are you|will you be|would you like to|do you want to|do you need to) "
                r"(?:heading|going|travel+ing|go|travel+|get)(?: to)?\b|\bwhat(?:'s| is) (?:your|the) destination\b"),
     _ROUTE_ASKED),
    (re.compile(r"\bwhere (?:are you|will you be|would you like to be) (?:leaving|departing|travel+ing|picked up) "
                r"from\b|\bwhere (?:should|shall|will) (?:it|the taxi|they|we) pick you up\b"),
     _ROUTE_ASKED),
    # (or where the ride starts, in a sentence that asks for one: "I'll need a taxi to get there
    # from Clare Hall" - "Where will you be departing from?")
    (re.compile(r"\bwhere (?:are you|will you be|would you like to be) (?:leaving|departing|picked up) from\b"),
     _RIDE_FROM_TOLD),
    (re.compile(r"\b(?:which|what) (?:part of (?:town|the city)|area)\b"),
     re.compile(r"(?:^|[.!?,;]\s*)(?![^.!?,;]*\b(?:staying|stay|already|booked|i'm at|we're at|lives?|had|friends"
                r"|usually|last time|used to|family|sister|brother|parents)\b)"
                r"[^.!?,;]*\bin the (?:north|south|east|west|centre|center|city centre)\b")),
    # (Of the booking to be: not "What day did you place the order?")
    (re.compile(r"\b(?:what|which) day (?:would|will|do|should|shall|are)\b"),
     re.compile(r"\b(?:on )?(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|today|tonight|tomorrow)\b")),
    # (What a restaurant bot asks when it books: "any preference on a type of cuisine", "which
    # price range are looking for", "where should it be", after "table for two in rome,
    # italian, cheap".)
    (re.compile(r"\bany preference on a type of cuisine\b|\bwhat (?:kind|type) of (?:food|cuisine)\b"
                r"|\bwhich cuisine\b"),
     re.compile(rf"\b(?:{'|'.join(CUISINES)})\b")),
    (re.compile(r"\b(?:which|what) price range\b"),
     re.compile(r"\b(?:cheap|moderate|moderately priced|expensive|inexpensive|affordable|pricey|upscale)\b")),
    (re.compile(r"\bwhere should it be\b|\b(?:which|what) (?:city|location)\b"), A_PLACE_FOR_A_TABLE),
    # (A time to book at, not a window: "arrives by 10:30" sets no time to leave.)
    (re.compile(r"\bwhat time (?:would|will|do|should|shall)\b"),
     re.compile(r"\bat \d{1,2}(?::\d{2})? ?(?:am|pm)\b|\bat \d{1,2}:\d{2}\b")),
)


def asked_what_was_told(turns: list[Turn]) -> list[Found]:
    """An answer that asks the user what they told before, unasked: "my 15 yo son barely
    talks to me" - ... - "How old is he now?", "I have a cat, Nuvola" - "Do you have any
    pets?", "I'm an engineer at a company that makes elevators" - ... - "what do you do for
    a living?". A chatbot that asks to get to know what it was told did not listen. Each
    message is read once for each kind of thing, when a question of the kind first comes."""
    out = []
    read_up_to = [0] * len(_ASKED_AND_TOLD)  # per kind: the messages read so far
    told = [False] * len(_ASKED_AND_TOLD)
    for at, turn in enumerate(turns):
        question = turn.reply.question_back
        if question is None:
            continue
        if (_asks_what_was_just_told(turn, question) or _asks_again_as_it_says(turns, at, question)
                or _asks_how_many_told(turns, at, question)
                or _asks_how_long_told(turns, at, question) or _asks_whether_as_told(turns, at, question)
                or _asks_whether_they_have_told(turns, at, question)):
            out.append(_asks_what_was_told(turn, question))
            continue
        for kind, (asks, tells) in enumerate(_ASKED_AND_TOLD):
            if asks.search(question) is None:
                continue
            while not told[kind] and read_up_to[kind] <= at:
                told[kind] = tells.search(turns[read_up_to[kind]].asked) is not None
                read_up_to[kind] += 1
            if told[kind]:
                out.append(_asks_what_was_told(turn, question))
                break
        else:
            request = _the_request(turns, at)
            if _OPENS_IT_AGAIN.search(turn.asked) is None and any(
                    asks.search(question) and any(tells.search(said) for said in request)
                    for asks, tells in _ASKED_FOR_THE_BOOKING):
                out.append(_asks_what_was_told(turn, question))
    return out


# How many turns back a question is read against what the user told (:func:`_asks_how_many_told`
# and the readings after it): a conversation asks again within it, and a session of thousands
# of turns (a product that files every turn of a user under one id) is read in time that grows
# with its turns, not with their square.
TOLD_LOOKBACK = 40


def _looking_back(at: int, inclusive: bool = False) -> range:
    """The turns before the ``at``-th (and it, ``inclusive``) a question is read against,
    the nearest first, as far as :data:`TOLD_LOOKBACK`."""
    start = at if inclusive else at - 1
    return range(start, max(-1, at - TOLD_LOOKBACK - 1), -1)


def _asks_again_as_it_says(turns: list[Turn], at: int, question: str) -> bool:
    """A question that says it asks again (:data:`_ASKS_IT_AGAIN`) for what the user's
    messages named: "my brother lives in leeds" - ... - "where does your brother live again?"
    or the answers before told of (not "when do you play again?", of doing again)."""
    if not at or _ASKS_IT_AGAIN.search(question) is None:
        return False
    asked_of = heads(content_words(question) - _OF_AGAIN)
    if "name" in question:
        return True  # ("what was your name again?": a name is told once)
    return any(not asked_of.isdisjoint(heads(turns[back].words | turns[back].answer_words))
               for back in _looking_back(at, inclusive=True))


_OF_AGAIN = content_words("again what which when where is was are were did does do your you")


def _asks_how_many_told(turns: list[Turn], at: int, question: str) -> bool:
    """A question for how many of a thing the user counted in a message before the one it
    answers: "i have five grandchildren in total" - ... - "how many grandchildren do you
    have?", "i'm up at 6 with my 4 kids" - ... - "how many kids do you have?"; as far back as
    a message that opens another request. (The message it answers is read by
    :func:`_asks_what_was_just_told`.)"""
    many = _HOW_MANY.search(question)
    if many is None or at == 0 or _BY_NOW.search(question) or _OF_THE_USERS_OWN.search(question) is None:
        return False
    asked_of = heads([many.group(1)])
    for back in _looking_back(at):
        if _OPENS_A_REQUEST.search(turns[back + 1].asked):
            return False  # (another request, with its own count: "yes, tickets for Barbie too")
        if not asked_of.isdisjoint(heads(word for m in _COUNTED.finditer(turns[back].asked) for word in m.groups()
                                         if word)):
            return True
    return False


# A question that says it asks again what the user told: "so what are you studying again?",
# "when is the wedding again?", "what was your name again?" (not "how did it feel seeing
# them again?", "when can you try again?", "what got you running again?", of doing again,
# nor "who directed it again?", a fact of the world).
_ASKS_IT_AGAIN = re.compile(r"\b(?:what|which|when|where)(?: \w+){0,2}?(?:'s| is| was| are| were| did| does| do)\b"
                            r"(?![^.!?]*\b(?:see|seeing|play|playing|meet|meeting|visit|visiting|come|coming|go|going"
                            r"|do it|doing it|try|trying|start|happen|open|be back|get back|ride|run|we)\b"
                            r"[^.!?]*\bagain\W*$)[^.!?]*\bagain\W*$")
# ...of what the user has: "how many kids do you have?", "how many boxes did you say you had?"
# (not "how many kids do you want?", "how many miles do you run a week?", "how many kids does
# your sister have?")
_OF_THE_USERS_OWN = re.compile(r"\b(?:do|did) (?:you|u) (?:have|say you had|own)\b|\bhave (?:you|u) got\b"
                               r"|\bhow many years (?:were|have) (?:you|u)\b")
# A count asked as it stands by now, which changes: "how many words do you have so far?",
# "how many nights do you have left this week?"
_BY_NOW = re.compile(r"\b(?:so far|left|now|yet|today|tonight|this (?:week|month|year)|still|anymore|more)\b")


def _asks_how_long_told(turns: list[Turn], at: int, question: str) -> bool:
    """A question for how long the user has done something they told for how long, where
    the question and the telling (or the question it answered) share a word: "i work 3
    years in it support" - ... - "how long have you worked in it support?", "have you been
    teaching long?" - "yes 12 years" - ... - "how long have you been a teacher?" (not "i
    learn english 2 years" - "how long have you been a cook?")."""
    if _ASKS_HOW_LONG.search(question) is None:
        return False
    asked_of = heads(content_words(question) - _OF_A_DURATION)
    if not asked_of:
        return False
    for back in _looking_back(at):
        before = (turns[back - 1].reply.question_back or "") if back else ""
        for clause in _CLAUSE.split(turns[back].asked):
            if (_A_DURATION.search(clause) and told_of_oneself(clause)
                    and asked_of <= heads(content_words(f"{clause} {before}") - _OF_A_DURATION)):
                return True
    return False


_ASKS_HOW_LONG = re.compile(r"\bhow long (?:have|were|had|did|has) (?:you|u)\b|\bhow many years (?:have|were|had|did) "
                            r"(?:you|u)\b")
_A_DURATION = re.compile(rf"\b(?:\d+|{'|'.join(ONE_TO_TWELVE)}|fifteen|twenty|thirty|forty) ?(?:years?|yrs?)\b"
                         r"(?![ -]old)|\bsince (?:i was|\d{4})\b")
# The clauses of a message: "i worked at walmart for 5 years, now i work at target".
_CLAUSE = re.compile(r"\s*[,.;!?]+\s*|\s+(?:and|but|now|so|then)\s+")
# A clause the user tells of themselves as they are: "i work from home", "been there 12 years"
# (not "my husband plays golf", "i used to play guitar", "i want to learn guitar", "i'd love to
# visit japan someday").
_OF_ONESELF = re.compile(r"\b(?:i|i'm|im|i've|ive|been)\b")
_NOT_AS_THEY_ARE = re.compile(r"\b(?:used to|want|wanna|would|i'd|id love|someday|one day|hope|wish|learn|learning"
                              r"|if)\b")
# ...nor one whose subject is someone else: "my husband plays golf", "she works nights".
_OF_ANOTHER = re.compile(r"\W*(?:(?:and|but|so|well|yeah|ya|lol|haha)\W+)*(?:my|his|her|their|our|he|she|they|it|we)\b")


def told_of_oneself(clause: str, verb: str = "") -> bool:
    """Whether a clause of a message tells what the user is or does now, of themselves: "i
    work from home", or, opening on the ``verb`` asked of, "work on cars all day"."""
    if _NOT_AS_THEY_ARE.search(clause) or _OF_ANOTHER.match(clause):
        return False
    return _OF_ONESELF.search(clause) is not None or bool(verb and clause.startswith(verb))
_OF_A_DURATION = content_words("how long years year yrs since been have had were did you")


def _asks_whether_as_told(turns: list[Turn], at: int, question: str) -> bool:
    """A question whether the user does what a message of theirs said they do, in its words:
    "i work from home and never see anyone" - ... - "do you work from home?", "ya i have a
    survival world with my cousin" - "do you have a survival world?". Two words of the
    question that carry meaning, at least, all in one message that tells and asks nothing
    back ("do u have any pets" asked of the bot is asked back; "i love hiking" - "do you
    hike a lot?" asks more)."""
    asked = _ASKS_WHETHER.search(question)
    if asked is None:
        return False
    words = content_words(asked.group(1))
    if len(words) < 2:
        return False
    return any(_ASKS_BACK.search(turns[back].asked) is None and "?" not in turns[back].asked
               and any(words <= content_words(clause) and told_of_oneself(clause, asked.group(1).split()[0])
                       for clause in _CLAUSE.split(turns[back].asked))
               for back in _looking_back(at))


# "do you work from home?", "have you played elden ring?", "are you in the army?"
_ASKS_WHETHER = re.compile(r"(?:^|[.!?,]\s*)(?:(?:so|and|but|oh|hey|wait)\s+)?(?:do|did|have|are|can) (?:you|u) "
                           r"((?:ever |even |still |also )?[a-z]+ [^?.!,]{2,40})(?:\?|$)")
# ...asked of the bot in the message: "deal. do u have any pets"
_ASKS_BACK = re.compile(r"\b(?:do|did|have|are|can|what about|how about) (?:you|u)\b|\band (?:you|u)\b")


def _asks_whether_they_have_told(turns: list[Turn], at: int, question: str) -> bool:
    """A question whether the user has a thing that a message of theirs, the one it answers
    or one before, said they have or have not: "no kids, just my cat pickles" - "do you have
    any kids?", "my car broke down again" - ... - "do you have a car?", "i don't have any
    pets" - ... - "do you have pets?" (not a message that asks it of the bot, nor "do you
    have any plans for the weekend?", nor "do you have a dog too?", which asks for more)."""
    asked = _ASKS_IF_THEY_HAVE.search(question)
    if asked is None or asked.group(1) in _NOT_A_THING_HAD or _ASKS_FOR_MORE.search(question):
        return False
    told = _told_having(asked.group(1))
    return any("?" not in turns[back].asked and told.search(turns[back].asked) is not None
               for back in _looking_back(at, inclusive=True))


# "do you have any kids?", "do u have a car?", "do you have siblings?" (a thing, with a word
# before it at most, ending the question)
_ASKS_IF_THEY_HAVE = re.compile(r"(?:^|[.!?,]\s*|\b(?:so|and|but|oh)\s+)(?:do|did) (?:you|u) (?:have|own) "
                                r"(?:any |a |an |some )?(?:\w+ )?([a-z]{3,})\W*$")
# ...which asks for no thing the user told of having: "do you have a minute?", "any questions?"
_NOT_A_THING_HAD = frozenset("""
    time minute minutes moment second idea ideas clue plans plan questions question chance problem problems advice
    tips favorite favourite fave preference opinion thoughts experience luck fun access
""".split())  # noqa: SIM905 (a word list reads best as words)


@lru_cache(maxsize=512)
def _told_having(thing: str) -> re.Pattern:
    """What a message says to tell that the user has, or has no, ``thing`` (a word of a
    question, singular or plural): "no kids", "i have two dogs", "we've got a car", "i don't
    have any pets", "my cat" (not "my sister's kids"). Made on first use of a thing."""
    forms = _forms_of(thing)
    return re.compile(
        rf"(?:^|[,.;:!]\s*|\b(?:and|but|just|so|nope|nah)\s+)no {forms}\b"
        rf"|\b(?:i|we) (?:don't|do not|didn't|did not|never had|have|had|got|own|'ve got|have got|'ve)"
        rf"(?: (?:no|any|a|an|one|two|three|four|five|six|\d+|some|many|lots of|a few))?(?: \w+)? {forms}\b"
        rf"|\bmy (?:\w+ )?{forms}\b(?!-)")


_ASKS_FOR_MORE = re.compile(rf"\b(?:{_FOR_MORE})\b")  # "do you have a dog too?"


def _forms_of(thing: str) -> str:
    """The singular and the plural of a noun, as a pattern: "kids" - "kids?", "children" -
    "child(?:ren)?", "puppy" - "pupp(?:y|ies)"."""
    if thing.endswith("ren"):
        return rf"{thing[:-3]}(?:ren)?"
    if thing.endswith("ies"):
        return rf"{thing[:-3]}(?:y|ies)"
    if thing.endswith("y"):
        return rf"{thing[:-1]}(?:y|ies)"
    if thing.endswith(("ches", "shes", "sses", "xes")):
        return rf"{thing[:-2]}(?:es)?"
    if thing.endswith("s") and not thing.endswith("ss"):
        return rf"{thing[:-1]}s?"
    if thing == "child":
        return "child(?:ren)?"
    return rf"{thing}(?:e?s)?"


def _asks_the_colour_told(turn: Turn, question: str) -> bool:
    """A question for the colour of what the message it answers gave the colour of:
    "bubbles . hes orange" - "what color is bubbles ?" (not "my car is red" - "what color
    are the seats ?", another thing's)."""
    asked = _ASKS_THE_COLOUR.search(question)
    if asked is None or _COLOUR.search(turn.asked) is None:
        return False
    of = asked.group(1)
    clauses = re.split(r"(?<=[.!?,;])\s+|\s+[.!?,;]\s+|\s+(?:and|but)\s+", turn.asked)
    named = re.compile(rf"\b{re.escape(of)}\b")
    for at, clause in enumerate(clauses):
        colour = _COLOUR.search(clause)
        if colour is None:
            continue
        # (the thing asked of, or a pronoun for it, before the colour in its clause, or named in
        # the clause before one that opens on a pronoun: "my cat is orange", "bubbles . hes
        # orange", "i went with blue" - "what color did you paint it ?"; not "i have a black cat
        # and a new puppy" - "what color is the puppy ?")
        before = clause[:colour.start()]
        if named.search(before) or (of in _PRONOUNS and (_A_PRONOUN.search(before) or _WENT_WITH.search(before))):
            return True
        if at and _A_PRONOUN.match(clause) and named.search(clauses[at - 1]):
            return True
    return False


_ASKS_THE_COLOUR = re.compile(r"\bwhat colou?r(?:'s| is| are| was| were| did you \w+)? (?:your |the |his |her |their )?"
                              r"([\w']+)")
_COLOUR = re.compile(r"\b(?:red|orange|yellow|green|blue|purple|pink|black|white|grey|gray|brown|golden|gold|silver"
                     r"|ginger|tabby|beige)\b")
_PRONOUNS = frozenset({"he", "she", "it", "they", "him", "them"})
_A_PRONOUN = re.compile(r"\W*\b(?:he|she|it|they|hes|shes|its|he's|she's|it's|they're|he 's|she 's|it 's)\b")
_WENT_WITH = re.compile(r"\b(?:went with|chose|picked|painted it|got it in)\b")


def _asks_what_was_just_told(turn: Turn, question: str) -> bool:
    """A question for what the message it answers just told: the colour of a thing it gave
    the colour of (:func:`_asks_the_colour_told`), how many of a thing it counted ("i have
    three kids" - "how many kids do you have?"), the day of a thing it gave the day of ("my
    party is on saturday" - "what day is the party ?"), a favourite it named ("my favorite
    color is green" - "what's your favorite color?"), a subject, a grade or a destination
    (:data:`_ASKED_AND_JUST_TOLD`). (Not the day of another thing: "my party is on saturday"
    - "what day are you going shopping for it ?")"""
    if _asks_the_colour_told(turn, question):
        return True
    asked = turn.asked
    many = _HOW_MANY.search(question)
    if many is not None:
        # ("5 miles", "3 big dogs")
        counted = heads(word for m in _COUNTED.finditer(asked) for word in m.groups() if word)
        return not heads([many.group(1)]).isdisjoint(counted)
    day = _WHICH_DAY.search(question)
    if day is not None and A_WEEKDAY.search(asked):
        of = day.group(1) or day.group(2)
        return of is None or not heads([of]).isdisjoint(heads(WORD.findall(asked)))
    if any(asks.search(question) and tells.search(asked) for asks, tells in _ASKED_AND_JUST_TOLD):
        return True
    favourite = _YOUR_FAVOURITE.search(question)
    if favourite is not None and re.search(rf"\bmy fav(?:ou?rite|e)? {re.escape(favourite.group(1))}\b",
                                           asked) is not None:
        return True
    # ("i like country music myself, garth brooks mostly" - "what kind of music do you like?")
    kind = _WHAT_KIND_YOU_LIKE.search(question)
    return kind is not None and re.search(rf"\bi (?:like|love|listen to|enjoy|am into|'m into|m into)\b[^.!?]*"
                                          rf"\b{re.escape(kind.group(1))}\b", asked) is not None


_HOW_MANY = re.compile(r"\bhow many ([a-z]{3,})\b")
# ...a count told ("three kids", "5 miles"), not a time ("up since 4 milking cows").
_COUNTED = re.compile(r"(?<!since )(?<!at )(?<!by )(?<!until )(?<!till )(?<!around )(?<!before )(?<!after )"
                      rf"\b(?:\d+|{'|'.join(ONE_TO_TWELVE)}) ([a-z]{{3,}})(?: ([a-z]{{3,}}))?\b")
# "what day is the party ?", "which day is your birthday ?", "what day?", "which days do you
# work ?" (the thing asked the day of, where it says it).
_WHICH_DAY = re.compile(r"\b(?:what|which) days?(?: (?:is|are|was) (?:the|your|it) ([a-z]{3,})| do you ([a-z]{3,}))?"
                        r"\s*\??\s*$")
# ...and the other questions for what the message just told, each with what tells it: the
# subject taught ("i teach high school chemistry" - "what subject do you teach?"), the grade
# ("im in 9th grade" - "what grade are you in?"), where the user goes ("i have a flight to
# denver next friday" - "where are you flying to next friday ?").
_ASKED_AND_JUST_TOLD = (
    (re.compile(r"\bwhat (?:subject|subjects|class|classes) do (?:you|u) teach\b"),
     re.compile(r"\bi teach (?:\w+ )?(?:\w+ )?(?:math|maths|chemistry|physics|biology|science|history|english|french"
                r"|spanish|german|art|music|geography|economics|computer science|pe)\b")),
    (re.compile(r"\bwhat (?:grade|year) (?:are|r) (?:you|u) in\b"),
     re.compile(r"\b(?:\d{1,2}(?:st|nd|rd|th)|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth"
                r"|eleventh|twelfth|freshman|sophomore|junior|senior) (?:grade|year)\b"
                r"|\b(?:in )?(?:grade|year) \d{1,2}\b")),
    (re.compile(r"\bwhere (?:are|r) (?:you|u) (?:flying|going|heading|travel+ing|driving|moving) to\b"),
     re.compile(r"\b(?:flight|flying|fly|going|heading|trip|travel+ing|driving|moving) to "
                r"(?!(?:be|do|see|get|go|have|make|try|take|work|sleep|the (?:store|shop|gym))\b)[a-z]{3,}")),
)
_WHAT_KIND_YOU_LIKE = re.compile(r"\bwhat (?:kind|kinds|type|types|sort) of ([a-z]{3,}) do (?:you|u) "
                                 r"(?:like|love|enjoy|listen to|prefer)\b")
_YOUR_FAVOURITE = re.compile(r"\bwhat(?:'s| is| are)? (?:your|ur) fav(?:ou?rite|e)? ([a-z]{3,})\b")


# A message that asks for another value than the one it told ("no the centre is good what
# other food there is"): the question of it comes again rightly.
_OPENS_IT_AGAIN = re.compile(r"\b(?:other|else|different|instead|another|change)\b")


def _the_request(turns: list[Turn], at: int) -> list[str]:
    """The messages of the request that turn ``at`` answers: back to the one that opened it
    ("I also need a hotel..."), or to the one after an answer that confirmed or booked, four
    at most ("...to Leicester on Sunday." - ... - "Please book four tickets." - "Which day
    would you like to travel?")."""
    said = []
    for back in range(at, max(-1, at - 4), -1):
        if back < at and turns[back].reply.confirms:
            break
        said.append(turns[back].asked)
        if _OPENS_A_REQUEST.search(turns[back].asked):
            break
    return said


# A message that opens another request than the one before it: "I also need a hotel", "one
# more thing", "and a taxi as well", "tickets for Barbie too" ("too" closing its clause; not
# "too many rules").
_OPENS_A_REQUEST = re.compile(r"\b(?:also|as well|another|one more thing|in addition)\b|\btoo\b(?!\s+\w)")


def _asks_what_was_told(turn: Turn, question: str) -> Found:
    return Found(turn.pk, "loop", confidence("loop", "asked_told"), f"asks what the user told before: "
                 f"{quote(question, 70)}", evidence={"text": question[:300]})

