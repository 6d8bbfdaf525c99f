"""What the user's next message says about the answer before it: the same request again,
in other words or in a few of its own words; a complaint, a correction, a doubt; a request
for a person. Each reading is attached to the answer the message reacts to, with the
message as evidence (:func:`next_turn_signals`).

A rephrase is told from a follow-up by what the answer between them did: a rephrase asks
the same thing again after an answer that did not give it ("How do I reset my
password?", an answer about profile pictures, "I forgot my password, what do I do?"); a
follow-up asks something new, often about what the answer said ("Does the reset link
expire?" after an answer that sent one). So the next message must be closer in meaning to
the previous question than that question was to its own answer, and must not be built on
words the answer brought in. Many messages look like a complaint and answer the bot's own
question instead ("no, I don't have pets"): each reading says what it leaves alone.
"""

from __future__ import annotations

import re

from ..words import STOPWORDS, WORD, content_words, has_digit, similarity
from .against import checked_sum
from .answer_phrases import REACTION_WORDS, TEASES
from .choices import picks_an_offered
from .confidence import confidence
from .found import Found, quote
from .kinds import A_WEEKDAY, ONE_TO_TWELVE, SEXED_PEOPLE, WEEKDAYS, the_other_sex
from .limits import gives_the_details_asked
from .message import CORRECTION_WORDS, REMARK_OPENINGS
from .phrases import (
    APPROVES,
    ASKS_AFTER,
    ASKS_AN_OPINION,
    ASKS_FOR_A_JUDGEMENT,
    ASKS_WHICH_THING,
    DOUBTS_IT,
    EMOJI,
    JUDGES_RIGHT_OR_WRONG,
    NEGATIVE_QUESTION,
    NOT_THAT,
    OBVIOUSLY,
    OPENS_ON_AN_ANSWER,
    OPENS_ON_NO,
    OPINION,
    OTHERS_SAID,
    SAYS_NO,
    SAYS_NO_OR_SAID,
    SAYS_WHAT_IS,
    TAG_QUESTION,
    TASTE,
    TELLS_A_TASTE,
    WANTS_TO_KNOW,
)
from .request import asks_to_do
from .turns import Turn, answered_far

# Without the meaning model, requests are compared by their topic words (the share two
# questions have in common):
REPHRASE_SIMILARITY = 0.6
REPHRASE_WITH_CUE = 0.3  # ...when the user says "I mean", "let me rephrase"...
REPHRASE_AFTER_MISS = 0.35  # ...when the answer before did not touch the question's topic
MISSED_TOPIC = 0.25  # an answer that shares at most this much of the question's topic words
# With it, by meaning (cosine similarities of the messages' vectors):
SAME_REQUEST = 0.45  # the next message at least this close to the previous question...
SAME_REQUEST_WITH_CUE = 0.3  # ...or this close, when the user says it asks again ("in other words")
SAME_REQUEST_AFTER_CONFUSION = 0.25  # ...or this close, after an answer that did not understand
REPHRASE_LEAD = 0.12  # ...and closer to it by this much than the question was to its answer
CUE_LEAD = 0.2  # what "in other words", "again:" or "I'm asking" adds to that lead: the user says so
LEAD_FOR_FULL_CONFIDENCE = 0.45
ANSWER_WORDS_FOLLOW_UP = 0.34  # a next message with this share of its words from the answer builds on it
# The words two like questions differ by, this far apart in meaning, name other things
# ("address" and "phone number" 0.12, "parking" and "wifi" 0.02; "cost" and "price" 0.68).
UNLIKE_THINGS = 0.2
SHORT_REPLY_WORDS = 4  # a reply to the bot's question this short answers it: "no, not really"


def _from_the_answer(previous: Turn, turn: Turn) -> float:
    """The share of the topic words of ``turn``'s message that ``previous``'s answer brought
    in (its words that its own question did not have)."""
    if not turn.words:
        return 0.0
    return len((turn.words & previous.answer_words) - previous.words) / len(turn.words)


def same_request(a: Turn, b: Turn) -> bool:
    """Whether two messages, both read by meaning, ask the same thing (SAME_REQUEST)."""
    return a.vector is not None and b.vector is not None and float(a.vector @ b.vector) >= SAME_REQUEST


def answers_the_question_back(previous: Turn, turn: Turn) -> bool:
    """The message answers the question the answer before it asked, and asks nothing of
    its own: "Do you like coffee?" - "nope, it makes me jittery". It asks for nothing
    the next answer could miss (that answer may go on to something else of its own)."""
    return (previous.reply.question_back is not None and not previous.reply.offers
            and not previous.reply.checks_the_answer
            and turn.message.answers_back and not turn.message.asks_a_question)


# A message that asks whether the answer is sure ("are you sure? my son says 300"), or says
# what the user had thought instead ("wait what i thought gold was Ag").
_ASKS_IF_SURE = re.compile(r"\W*(?:(?:hm+|um+|uh+|wait|really|but|hmm+)\W+)*(?:are|r) (?:you|u) (?:sure|certain)\b")
_HAD_THOUGHT = re.compile(r"\W*(?:(?:hm+|um+|uh+|wait|what|huh|oh|really|but|hmm+)\W+)*i (?:thought|was told)\b")

# A message that opens by taking the answer, in a sentence or a clause of its own: "Correct!",
# "Lovely.", "Good idea, there is one near my school.", "Right, I'd better tell her", "Will do.",
# or by what it made the user feel: "That's sad.", "thats so many 😭", "thats honestly adorable.",
# "AHHH i love it 😭😭".
_TAKES_THE_ANSWER = re.compile(r"\W*(?:(?:ah+|omg|oh)\W+)*(?:(?:that's|thats|that is|so) (?:so |really |very |honestly "
                               r"|actually |kinda |pretty |super |literally )?(?:hilarious|funny|amazing"
                               r"|awesome|cool|wild|crazy|adorable|cute|sweet|interesting|fascinating|neat|sad"
                               r"|depressing|heartbreaking|awful|terrible|horrible|scary|insane|nuts|impressive"
                               r"|incredible|unreal|unbelievable|surprising|weird|strange|many|a lot|huge|tiny|old"
                               r"|young)|"
                               r"correct|exactly|right|lovely|wonderful|perfect|brilliant|excellent|great|"
                               r"good (?:idea|point|tip|call|to know)|makes sense|that makes sense|fair enough|"
                               r"got it|will do|i'll (?:do|try) that|noted|thanks|thank you|thx|ty"
                               r"|i (?:love|loved|like) (?:it|this|that)|love (?:it|this|that))"
                               rf"\s*(?:[!.,]|{EMOJI})")
_ASKS_WHY = re.compile(r"^\W*(?:(?:really|but|so|ok|okay|hmm+|wait|oh|huh|lol|lmao|haha+|wow)\W+)*(?:why|how come)\b")


# A request to book something, which a question of how things are does not ask.
_BOOKS = re.compile(r"\b(?:book|reserve)\b")


def could_rephrase(previous: Turn, turn: Turn) -> bool:
    """The cheap tests a rephrase must pass before its meaning is read. After an answer
    that did not understand, "ok, ..." restates the request rather than starting another;
    a request of one topic word ("tell me about canada") may be asked again in the same
    words. Asking for another of what the answer offered ("something else please") asks
    for something new each time, unless the user says it asks again ("Again: I'd like to
    sit somewhere else")."""
    if not previous.asked or not previous.words or turn.message.asks_for_another:
        return False
    if _ASKS_WHY.match(turn.asked) and not _ASKS_WHY.match(previous.asked):
        return False  # asks why of the answer: "is sydney the capital?" - "...Canberra." - "really? why not sydney"
    if _TAKES_THE_ANSWER.match(turn.asked) and not turn.message.rephrase_cue:
        return False  # it takes the answer first: "Correct! You sabi afrobeats o", "Good idea, ... Do you like..."
    if _ASKS_IF_SURE.match(turn.asked) or _HAD_THOUGHT.match(turn.asked):
        return False  # checks the answer: "how many bones..." - "206." - "are you sure? my son says 300"
    if (previous.message.remarks or turn.message.remarks) and not (previous.reply.asks_again
                                                                   or turn.message.rephrase_cue):
        # A remark asks for nothing ("And the third guy?" - "...Collins." - "poor guy"); one
        # is said again only whole, when the answer passed it by ("cool. I'm a nurse" -
        # "That's nice to hear." - "ok but I'm a nurse"), not built on ("shes older not
        # younger lol" - "oh wait actually shes 4 years older").
        said = previous.words - REMARK_OPENINGS
        if not said or not said <= turn.words or len(turn.words - said - REMARK_OPENINGS) > 1:
            return False
    if turn.message.laughs and not previous.reply.asks_again:
        return False  # a laugh takes the answer lightly: "its not that high lol", "sevilla is better haha"
    return turn.message.may_ask_again or (not turn.closing and (
        (len(turn.words) >= 2 and previous.reply.asks_again)
        or (turn.words == previous.words and turn.message.asks and not turn.message.corrects_itself)))


def next_turn_signals(previous: Turn | None, turn: Turn, by_meaning: bool,
                      told: frozenset[str] | set[str] = frozenset()) -> list[Found]:
    """What ``turn``'s message says about ``previous``'s answer (``told``: the topic words of
    the user's messages before it in the session). Not when that answer asked what it
    should have said ("Oops, did I say something wrong? What should I have said?"): the
    message tells what the answer before it missed, which that question already owned
    (only a request for a person stands)."""
    if previous is not None and previous.reply.asks_for_feedback and not turn.asks_for_person:
        return []
    if not (turn.asks_for_person or turn.complains) and (previous is None or not (
            turn.escalation or turn.frustration or turn.message.did_not_follow or turn.message.gives_up
            or turn.message.may_correct or turn.message.challenges or turn.message.echoed is not None
            or turn.message.pushes_on or turn.message.doubts_with_what or turn.message.says_it_asks_again
            or turn.message.claims_after_what is not None
            or turn.message.denies_having or turn.message.puzzled
            or (" not " in turn.asked and (_NOT_THE_THING.match(turn.asked) or _NOT_AS_ASKED.match(turn.asked)))
            or previous.reply.asks_if_it_helped or could_rephrase(previous, turn)
            or _asks_again_in_short(previous, turn) or _answers_the_claim_otherwise(previous, turn)
            or _puts_back_what_was_told(previous, turn, told) or _sets_right_who(previous, turn, told)
            or _says_the_count_again(previous, turn) or _stresses_what_was_asked(previous, turn, told)
            or _others_have_it_otherwise(previous, turn) or _asks_for_it_again_with_but(previous, turn)
            or _asks_which_thing(previous, turn) or _says_it_was_said(previous, turn)
            or _says_it_is_another_day(previous, turn, told) or _no_in_disbelief_then_the_request(previous, turn)
            or turn.message.points_out_a_miss is not None)):
        return []  # most turns: settled by what their message is
    target = previous or turn
    about = "the next turn" if previous else "the user"
    case = "next_turn" if previous else "first_turn"
    evidence = {"turn": turn.trace_id, "text": turn.question[:500]}
    out = []
    if turn.asks_for_person:
        out.append(Found(target.pk, "escalation", confidence("escalation", case),
                         f"{about} asks for a human: {quote(turn.question)}", evidence=evidence))
    elif turn.escalation and previous is not None:
        out.append(Found(target.pk, "escalation", confidence("escalation", "by_meaning", turn.escalation),
                         f"{about} asks for a person, in other words: {quote(turn.question)}", evidence=evidence))
    if previous is not None and previous.reply.asks_for_feedback:
        return out
    if previous is not None and checked_sum(previous) is True:
        # (The sum was right: "what is 9+10" - "19." - "wrong its 21" is a joke or a slip of
        # the user's.)
        return out
    frustrated = _frustration(previous, turn, case, told)
    if frustrated is not None:
        why, what, strength = frustrated
        out.append(Found(target.pk, "frustration", confidence("frustration", why, strength),
                         f"{about} {what}: {quote(turn.question)}", evidence=evidence))
    if previous is not None and could_rephrase(previous, turn) and not _asks_about_another(previous, turn) and not (
            by_meaning and _asks_the_same_of_another(previous, turn)) and not any(
            f.kind in ("escalation", "frustration") for f in out):
        # (After an answer that did what was asked, a like request asks for another thing; a
        # booking after a question is a new request: "Is that far from my guesthouse?" -
        # "...a short walk." - "Could you book a taxi from the theatre back to the guesthouse?")
        # The meaning model reads English: a message in another language is compared by its
        # words.
        if _did_it(previous, turn) or (_BOOKS.search(turn.asked) and "?" in previous.asked
                                       and not asks_to_do(previous.asked) and not _BOOKS.search(previous.asked)):
            found = None
        elif by_meaning and turn.vector is not None and previous.message.in_english and turn.message.in_english:
            found = _rephrase_by_meaning(previous, turn, evidence)
        else:
            found = _rephrase_by_words(previous, turn, evidence)
        found = found or _says_it_asks_again(previous, turn, evidence)
        if found:
            out.append(found)
    elif previous is not None and not out:
        # ("how old" - "i'm 42." - "i meant the kids lol": no request asked again, but the
        # user says what the question was.)
        found = _says_it_asks_again(previous, turn, evidence)
        if found:
            out.append(found)
    if previous is not None and not out and _asks_again_in_short(previous, turn):
        out.append(Found(previous.pk, "rephrase", confidence("rephrase", "in_short"),
                         f"the next turn asks again, in a few of the question's words, what the answer left out: "
                         f"{quote(turn.question)}", evidence=evidence))
    # ("ok but dress or jeans??": what it asked was left out; asked again, it is a rephrase.)
    if (previous is not None and not out and turn.message.pushes_on
            and not (previous.reply.offers or previous.reply.takes_back)):
        out.append(Found(previous.pk, "frustration", confidence("frustration", "pushed_back"),
                         f"the next turn takes the answer with a but and asks on: {quote(turn.question)}",
                         evidence=evidence))
    return out


def _asks_again_in_short(previous: Turn, turn: Turn) -> bool:
    """A message of a few words, all from the question before, that asks again what the
    answer left out: "how many goats do u have" - "i have 12 cows." - "and goats?"; "What's
    the tracking number" - "The courier is DHL." - "The NUMBER please"; "is it safe to
    shower during a storm" - "i love storms, they're so cozy." - "ok but is it safe". Not
    the answer to the bot's question back ("What's his favourite subject?" - "recess"), nor
    a conclusion drawn ("so is not really unlimited")."""
    words = turn.words
    if not words or len(words) > 3 or turn.asked.count(" ") >= 6 or not words <= previous.words:
        return False
    if words <= previous.answer_words or previous.reply.asks_back:
        return False
    if not ("?" in previous.asked or previous.message.wants_to_know):
        return False
    return "?" in turn.asked or _ASKS_IN_SHORT.search(turn.asked) is not None


# A few words that ask without a question mark: "the NUMBER please", "ok but is it safe".
_ASKS_IN_SHORT = re.compile(r"\b(?:please|pls|plz)\b|^\W*(?:(?:ok(?:ay)?|yeah|yes|sure|fine)\W+)?(?:but|and)\b")


def _says_it_asks_again(previous: Turn, turn: Turn, evidence: dict) -> Found | None:
    """The next message opens by saying it asks again ("I'll rephrase. When will order
    4842 get to me?", "Let me try again: where's the export button?") or what it meant ("i
    meant the kids"): the user says the answer missed, though neither the words nor the
    meaning of the two messages tell it (another language, other words). Not after a
    question back the message answers."""
    if not turn.message.says_it_asks_again or (
            previous.reply.asks_back and not (previous.reply.offers or previous.reply.did_not_understand)):
        return None
    return Found(previous.pk, "rephrase", confidence("rephrase", "says_so"),
                 f"the next turn says it asks again: {quote(turn.question)}", evidence=evidence)


def _frustration(previous: Turn | None, turn: Turn, case: str,
                 told: frozenset[str] | set[str] = frozenset()) -> tuple[str, str, float] | None:
    """How ``turn``'s message says the answer before missed, if it does: (the case of the
    confidence table, what the reason says, the strength), the surest reading first."""
    # ("wrong" alone may answer the bot's own "right or wrong? what do you think?")
    if turn.complains and not (previous is not None and JUDGES_RIGHT_OR_WRONG.match(turn.asked)
                               and answers_the_question_back(previous, turn)
                               and ASKS_FOR_A_JUDGEMENT.search(previous.reply.question_back or "")) and not (
            previous is not None and _disagrees_with_the_taste_asked(previous, turn)):
        return case, "says the answer missed", 1.0
    if previous is None:
        return None
    if previous.reply.asks_if_it_helped and SAYS_NO.match(turn.asked):
        return "said_no", "says the answer did not help", 1.0
    if turn.message.did_not_follow and not (turn.message.only_what and TEASES.search(previous.answered)):
        return "did_not_follow", "did not follow the answer", 1.0  # ("guess what happened" - "what")
    if _asks_which_thing(previous, turn):
        return "did_not_follow", "asks which thing the answer spoke of", 1.0
    if _says_it_was_said(previous, turn):
        return case, "says the answer missed", 1.0
    if _points_out_a_miss(previous, turn, told):
        return case, "says the answer missed", 1.0
    if ((turn.message.may_correct and _corrects_the_answer(previous, turn)) or _denies_what_was_taken(previous, turn)
            or _says_it_is_another_day(previous, turn, told)):
        return "corrected", "corrects the answer", 1.0
    if _says_the_count_again(previous, turn):
        return "corrected", "says again the count it asked for", 1.0
    if _no_in_disbelief_then_the_request(previous, turn):
        return "next_turn", "says no in disbelief to the answer's question and asks again", 1.0
    if _stresses_what_was_asked(previous, turn, told):
        return "next_turn", "stresses in capitals what was asked", 1.0
    if _asks_for_it_again_with_but(previous, turn):
        return "next_turn", "asks again for what the answer passed over", 1.0
    if _others_have_it_otherwise(previous, turn):
        return "answered_otherwise", "says another source has it otherwise", 1.0
    if _not_what_was_asked(previous, turn, told):
        return "next_turn", "says the answer is not what was asked", 1.0
    if _answers_the_claim_otherwise(previous, turn):
        return "answered_otherwise", "answers the answer's claim with another", 1.0
    if _questions_the_answer(previous, turn) and not _stands_by_it(turn):
        return "challenged", "questions the answer", 1.0
    if turn.message.gives_up and not (previous.reply.offers or previous.reply.takes_back or previous.reply.apologises
                                      or answers_the_question_back(previous, turn)):
        return "gave_up", "gives up on the answer", 1.0  # (not when it declines, answers or forgives)
    words = len(turn.asked.split())
    # (A short reply to the bot's own question, "nah, not for me", is an answer, however
    # close in meaning to a complaint; a taste told, "nope, not my thing", turns down a
    # suggestion or an opinion.)
    # (Nor one that opens on the answer to the bot's question: "what did you do?" - "nothing!!
    # i got a c in math", "do you crate train?" - "no, should i?"; unless the question asked
    # whether the answer did: "Does that answer your question?" - "no not at all".)
    # (Nor the request that an offer to help asked for, after the user told what troubles them:
    # "my grandson gave me a smartphone, I'm not good with it" - "What would you like help
    # with?" - "How do I make the letters bigger? I can hardly read them.")
    if turn.frustration and words >= 3 and not (
            words <= SHORT_REPLY_WORDS and (answers_the_question_back(previous, turn) or previous.reply.offers)
    ) and not (previous.reply.offers and not previous.message.asks_a_question
               and ("?" in turn.asked or WANTS_TO_KNOW.match(turn.asked))
               ) and not TELLS_A_TASTE.match(turn.asked) and OTHERS_SAID.search(turn.asked) is None and not (
            "?" in previous.answered and not previous.reply.checks_the_answer
            and OPENS_ON_AN_ANSWER.match(turn.asked)):
        return "by_meaning", "complains, in other words", turn.frustration
    if _puts_back_what_was_told(previous, turn, told):
        return "corrected", "puts back what the user told before", 1.0
    if _sets_right_who(previous, turn, told):
        return "corrected", "says who the answer spoke of", 1.0
    return None


# "yep you said", "you told me", of an answer that says again what it said; "same as thirty
# seconds ago" of a question asked again.
_SAID_SO_BEFORE = re.compile(r"^\W*(?:(?:yes|yep|yeah|ya|yup|ok|okay|lol|haha|um+|uh+)\W+)+(?:you|u) (?:said|told me)"
                             r"(?: so| that)?\W*(?:lol|haha)?\W*$")
# ...near, and wrong, and what is right: "haha close. BISCUIT!!", "close, but it's 1969"
# (after an answer to a question the user asked: not "close game!", "close at 9?", "so
# close!!").
_CLOSE_BUT_NO = re.compile(r"(?i:\W*(?:(?:haha+|lol|ha|ooh|oh|hmm+)\W+)?(?:so |very |pretty |almost |quite )?close)"
                           r"(?:\s*[.!,]+\s*(?:[A-Z]{2,}|\d|(?i:but|it'?s|it was|its|the|no)\b)|,? (?i:but)\b)")
_ASKS_SOMETHING = re.compile(r"\?|\b(?:what|what's|whats|who|where|when|which|how)\b")
# A bot's own question whether it told something: "did i tell you i lived in rome?"
_ASKS_IF_IT_TOLD = re.compile(r"\b(?:did|have) i (?:ever )?(?:tell|told|mention(?:ed)?)\b"
                              r"|\bremember (?:when|that|how) i\b")
# "i didn't ask for a transfer.", "i never asked you to add it" (of what the bot did).
_DID_NOT_ASK_FOR_IT = re.compile(r"\W*(?:(?:no|um+|uh+|wait|but|hey|ugh|erm)\W+)*i (?:didn't|did not|never) "
                                 r"ask(?:ed)? (?:you )?(?:for|to)\b")
_LAUGHS = re.compile(r"\b(?:lol|haha+|lmao|hehe)\b")
_SAME_AS_BEFORE = re.compile(r"\bsame as (?:i said )?(?:\w+ ){0,2}(?:seconds?|minutes?|moments?|messages?) ago\b")


def _says_it_was_said(previous: Turn, turn: Turn) -> bool:
    """The message says the answer told what was told before ("yep you said"; not to the
    bot's own "did i tell you...?"), or that what the answer asked was given seconds ago
    ("Still the Lensfield Hotel, same as thirty seconds ago."; not of the traffic asked of),
    or that it was near and wrong ("haha close. BISCUIT!!"; not to a guess it asked)."""
    asked = turn.asked
    if ("said" in asked or "told" in asked) and _SAID_SO_BEFORE.match(asked) \
            and _ASKS_IF_IT_TOLD.search(previous.answered) is None:
        return True
    if ("close" in asked and _CLOSE_BUT_NO.match(turn.question) and "?" not in previous.answered
            and _ASKS_SOMETHING.search(previous.asked) is not None and "guess" not in previous.asked):
        return True  # ("whats my dog called" - "...Buster!" - "haha close. BISCUIT!!"; not to a guess: "Are you 25?")
    if "ask" in asked and _DID_NOT_ASK_FOR_IT.match(asked) and _LAUGHS.search(asked) is None:
        return previous.reply.confirms or "??" in asked or "?!" in asked  # ("i didn't ask for a transfer.")
    return "ago" in asked and previous.reply.question_back is not None and _SAME_AS_BEFORE.search(asked) is not None


def _asks_which_thing(previous: Turn, turn: Turn) -> bool:
    """The message asks which thing the answer spoke of as if the user knew it: "yes the blue
    one is better for that" - "sorry what blue one ?" (:data:`ASKS_WHICH_THING`, the words
    after "the" in the answer)."""
    if "what" not in turn.asked and "which" not in turn.asked:
        return False
    m = ASKS_WHICH_THING.match(turn.asked)
    if m is None:
        return False
    thing = " ".join(m.group(1).split())
    return re.search(rf"\bthe {re.escape(thing)}\b", previous.answered) is not None


def _disagrees_with_the_taste_asked(previous: Turn, turn: Turn) -> bool:
    """The user asked the bot's taste ("whats better, cats or dogs", "do u like jazz?") and
    calls the one it gave wrong, in a few words: "wrong. cats", "nope, jazz is boring". A
    playful disagreement, not a complaint of the answer."""
    asked_a_taste = ASKS_AN_OPINION.search(previous.asked) is not None or (
        TASTE.search(previous.asked) is not None and ("?" in previous.asked or previous.message.wants_to_know))
    called = _CALLS_IT_WRONG.match(turn.asked)
    return (asked_a_taste and called is not None and len(called.group(1).split()) <= 3
            and _SAYS_IT_IS_NOT.search(called.group(1)) is None)


# A judgement word, and a counter-taste of a few words ("cats"; not "that's not even in
# boston", which corrects).
_CALLS_IT_WRONG = re.compile(r"\W*(?:wrong|nope|nah|no|boo+|ew+)\W+(\w.*)")
_SAYS_IT_IS_NOT = re.compile(r"\b(?:not|isn't|isnt|aren't|wasn't|is|was|are|in)\b|n't\b")


def _asks_for_it_again_with_but(previous: Turn, turn: Turn) -> bool:
    """"ok but the trail tho" after "whats ur fav trail" - "I bake croissants every morning":
    the thing the message before asked about, which the answer did not name, asked for
    again with a "but". (Not "yeah but the ending tho", of a thing nobody asked about.)"""
    if "tho" not in turn.asked:
        return False  # (most messages, cheaply)
    m = _BUT_THE_THING_THO.match(turn.asked)
    if m is None:
        return False
    thing = content_words(m.group(1))
    return bool(thing) and thing <= previous.words and thing.isdisjoint(previous.answer_words)


# "ok but the trail tho", "but what about the cat joke though".
_BUT_THE_THING_THO = re.compile(r"\W*(?:(?:ok|okay|k|kk|yeah|ya|yea|lol|um+|uh+|so|no|nah)\W+)*but\W+"
                                r"(?:what about )?(?:the|my|your|ur) ((?:\w+ ){0,2}\w+) (?:tho|though)\b")


def _stresses_what_was_asked(previous: Turn, turn: Turn, told: frozenset[str] | set[str] = frozenset()) -> bool:
    """The message writes in capitals a word of the request before ("bro ONE sentence 😭"
    after "whats an ionic bond, in like one sentence", "how much DATA is on my plan"), or,
    after "ok but", a word of an earlier message (``told``: "he actually played baseball?"
    ... "ok but was he good at BASEBALL lol"): the answer passed over what it stresses. (Not
    an acronym, nor a word the user did not say before.)"""
    if previous.reply.asks_back and not previous.reply.checks_what_it_heard:
        return False  # (it answers, with stress: "cats or dogs?" - "DOGS obviously")
    capitals = _IN_CAPITALS.findall(turn.question)
    if len(capitals) > 2:
        return False  # (shouting, or code: "SELECT customer_id FROM orders")
    # (written in lower case in the request: not a booking code, "CAQRNT" both times)
    stressed = {w.lower() for w in capitals} - _ACRONYMS - _CRIED_OUT
    if not stressed or (stressed.isdisjoint(_WORDS_OF.findall(previous.question))
                        and not (_OK_BUT.match(turn.asked) and not stressed.isdisjoint(told))):
        return False
    # (nor what the answer said, echoed alone in amazement: "up to five days" - "FIVE DAYS. and...")
    echo = _ECHO_IN_CAPITALS.match(turn.question)
    return echo is None or re.search(rf"\b{re.escape(echo.group(1).lower())}\b", previous.answered) is None


_OK_BUT = re.compile(r"\W*(?:(?:ok|okay|k|lol|yeah|ya|um+|uh+)\W+)+but\b")
# (A word in capitals, not a code named as one: "booking CAQRNT", "INV-8660".)
_IN_CAPITALS = re.compile(r"(?<!booking )(?<!order )(?<!reference )(?<!ref )(?<!code )(?<!ticket )(?<!invoice )"
                          r"(?<!account )\b[A-Z]{2,}\b(?![-\d])")
_WORDS_OF = re.compile(r"\b[a-z]+\b")
_ECHO_IN_CAPITALS = re.compile(r"\W*([A-Z]{2,}(?:\s+[A-Z]{2,})*)\b\s*(?:[.!?,]|$)")  # (opening the message)
_ACRONYMS = frozenset("ok lol omg lmao btw idk tbh imo fyi asap tv us uk usa eu pm am id pdf faq ai".split())  # noqa: SIM905
# ...nor a word cried out, which stresses the user's surprise or feeling, not a word asked:
# "WHAT. my whole childhood was a lie", "SO relieved".
_CRIED_OUT = frozenset("what so no yes wow oh wait really very too and the is it".split())  # noqa: SIM905


def _others_have_it_otherwise(previous: Turn, turn: Turn) -> bool:
    """After an answer to a question, the message says someone or something else has it
    otherwise: "she says its jupiter 😅", "bro my friend googled it, its 1912", "in my
    notes it says Louis XVI". (Not news told of someone: "they said i got the job!!".)"""
    return (previous.message.wants_to_know and not previous.reply.asks_back
            and _OTHERS_HAVE_IT.search(turn.asked) is not None)


_OTHERS_HAVE_IT = re.compile(
    r"\b(?:she|he|they|my (?:\w+ )?(?:friend|mom|mum|dad|teacher|vet|doctor|sister|brother|wife|husband|son|daughter"
    r"|notes|book)|google|wikipedia|the (?:internet|book|teacher|label|box))\s+(?:literally\s+)?"
    r"(?:says?|said|told me)\s+(?:that\s+)?(?:it'?s|its|it is|it was|they'?re|they are|to)\b"
    r"|\bgoogled it\b[^?]*\b(?:it'?s|its|it is|it was)\b|\bin my notes it says\b")


def _points_out_a_miss(previous: Turn, turn: Turn, told: frozenset[str] | set[str]) -> bool:
    """The message says what the answer left out or did, and the answer shows it so: "You
    haven't given me a contact number for the driver." after a booking that gave none (not
    after one that gave it, nor of a detail nobody asked for: "Is there an Indian place in
    the north?" - "The Nirala..." - "you haven't given me the phone number" asks for it);
    "i didnt say yes yet???" after a payment made (not after "Shall I book it?", nor after
    the user's own "sure, go for the upgrade"); "did you miss the word lazy" of a word the
    answer does not take up; "no i'm asking if he already paid" after an answer that acted,
    not one that asked; "?? i already picked the 5 star one"."""
    m = turn.message.points_out_a_miss
    if m is None:
        return False
    acted = previous.reply.confirms or _ACTED.search(previous.answered) is not None
    if m.group("detail"):
        detail = m.group("detail")
        # (asked for, or one that comes with what was done: a booking's reference, a taxi's number)
        wanted = (detail in told or detail in WORD.findall(previous.asked)
                  or (acted and detail in _COMES_WITH_A_BOOKING))
        return wanted and _GIVES_DETAIL[detail].search(previous.answer) is None
    if m.group("yes"):
        return acted and _SAID_YES.search(previous.asked) is None
    if m.group("word"):
        return m.group("word") not in previous.answered
    if m.group("asking"):
        return "?" in previous.asked  # (a question taken for a request)
    return True  # ("i already picked...": not after a yes)


# An answer that reports what it did: "Payment of $142.18 to Duke Energy ... is complete."
_ACTED = re.compile(r"\b(?:is complete|completed|has been (?:sent|paid|booked|made|charged|cancell?ed|transferred)"
                    r"|(?:i've|i have) (?:sent|paid|booked|made|charged|cancell?ed|transferred|changed))\b")
_COMES_WITH_A_BOOKING = frozenset({"contact", "reference", "ref", "confirmation", "car", "total", "price"})


# What gives a detail of each kind: a figure of a phone number, a reference code, an address...
_PHONE = re.compile(r"\d[\d ()-]{6,}\d")
_GIVES_DETAIL = {
    "contact": _PHONE, "phone": _PHONE, "reference": re.compile(r"\b[A-Z0-9]{5,}\b"),
    "ref": re.compile(r"\b[A-Z0-9]{5,}\b"),
    "address": re.compile(r"\b\d+[a-z]? [A-Z]\w+|(?i:\b(?:street|road|lane|avenue|passage|st|rd)\b)"),
    "postcode": re.compile(r"\b[a-z]{1,2}\d[a-z\d]? ?\d[a-z]{2}\b|\b\d{5}\b", re.I),
    "price": re.compile(r"[$£€]\s?\d|\d\s?(?:gbp|usd|eur|pounds|dollars)\b", re.I),
    "confirmation": re.compile(r"\b[A-Z0-9-]{5,}\b"), "total": re.compile(r"[$£€]\s?\d|\d\.\d\d"),
    "detail": re.compile(r"(?!)"), "details": re.compile(r"(?!)"), "id": re.compile(r"\b[A-Z]{1,3}-?\d{3,}\b"),
    "car": re.compile(r"\b(?:car|sedan|toyota|ford|honda|bmw|audi|skoda|tesla|volkswagen|volvo|lexus|kia)\b", re.I),
}
# The user's own yes to what the bot then did: "sure, go for the upgrade".
_SAID_YES = re.compile(r"\b(?:yes|yeah|yep|sure|ok|okay|go ahead|go for it|go for|do it|book it|confirm\w*"
                       r"|please do)\b")


def _says_the_count_again(previous: Turn, turn: Turn) -> bool:
    """The message ends by saying again the count the user asked for: "thats one book. i said
    3 lol" after "recommend me some sci fi books? like 3". (Not "i said three lol" to the
    bot's "What did you say?": it answers.)"""
    return (("i said" in turn.asked or "asked for" in turn.asked or "i wanted" in turn.asked)
            and previous.reply.question_back is None and _THE_COUNT_AGAIN.search(turn.asked) is not None)


_THE_COUNT_AGAIN = re.compile(r"(?:^|[.!?]\s+)i (?:said|asked for|wanted) (?:like |about )?(?:\d+|one|two|three|four"
                              r"|five|six|seven|eight|nine|ten)\b\W*(?:lol|haha|lmao|pls|please)?\W*$")


def _not_what_was_asked(previous: Turn, turn: Turn, told: frozenset[str] | set[str]) -> bool:
    """The message says the answer is not the thing the request asked for: "can u recommend
    a book" - "crossword puzzles are great..." - "thats not a book lol"; "write me a poem
    about the sea" - "thats not a poem lol"; or not as it asked: "explain offside like im 5" -
    "A player is in an offside position if..." - "that's not like im 5 lol", "tell me one
    about cats" - "thats not about cats". (Not "That's not a bad idea".)"""
    m = _NOT_THE_THING.match(turn.asked)
    if m is None:
        m = _NOT_AS_ASKED.match(turn.asked)
        # (What the request just before asked, and the answer did not take up: "its not about
        # the money tho" after an answer that weighs the money tells more of the user's mind.)
        thing = content_words(m.group(1)) if m is not None else frozenset()
        return bool(thing) and thing <= previous.words and thing.isdisjoint(previous.answer_words)
    thing = content_words(m.group(1))
    # (The thing may have been asked for turns before: "write me a poem about my cat" - "What's
    # your cat like?" - "shes orange and fat" - "Orange cats are the best." - "thats not a poem".)
    return bool(thing) and thing <= (previous.words | told)


# "that's not like im 5 lol", "thats not in french", "its not about cats tho"
_NOT_AS_ASKED = re.compile(r"\W*(?:(?:lol|haha|um+|uh+|but|well|bro|wait|ok)\W+)*(?:that's|thats|that is|this is|"
                           r"it's|its) not (?:really |even )?(?:like|about|in|for) ((?:[\w']+ ){0,3}?[\w']+)"
                           r"\W*(?:(?:lol|haha|lmao|tho|though|at all)\W*)*$")
# "thats not a poem lol", "well that's not a recipe"
_NOT_THE_THING = re.compile(r"\W*(?:(?:lol|haha|um+|uh+|but|well|bro|wait|ok)\W+)*(?:that's|thats|that is|this is|"
                            r"it's|its) not (?:a|an|the|my|any) ([^\W\d_]{3,})")


def _puts_back_what_was_told(previous: Turn, turn: Turn, told: frozenset[str] | set[str]) -> bool:
    """The message opens on a word or two the user told before, which the answer put
    otherwise: "since your wedding is in may..." - "its in june lol. but i mean in general",
    "An hour each way is a long drive" - "its 30 min lol", "Happy birdwatching, Helen." -
    "Eleanor. But thank you.". Not a word of the answer's own, a reaction ("yeah", "ok
    creepy"), nor the answer to the bot's question ("What's his favourite?" - "recess")."""
    if not told or "?" in turn.asked:
        return False  # (a question asks: "hold on, seriously?" said a second time)
    said = _I_SAID.match(turn.asked)
    # "i wanted spanish food", told turns before, whatever the answer asked (not "i said friday
    # but yeah the 4th is right", which approves)
    if said is not None and APPROVES.search(turn.asked) is None:
        words = content_words(said.group(1))
        return 0 < len(words) <= 3 and words <= told and words.isdisjoint(previous.answer_words)
    if previous.answered.rstrip().endswith("?") and _SETS_RIGHT.match(turn.asked) is None:
        return False  # it answers the bot's question, unless it sets right what the question took for given
    against = _PUT_AGAINST.match(turn.asked)
    if against is not None and _set_against(against.group(1), previous, told):
        return True  # "2018, not 2008. She was ok"
    m = _OPENING_FRAGMENT.match(turn.asked)
    if m is None:
        return False
    if " not " in m.group(1):  # "its a pizza place not a bakery lol. mostly pepperoni..."
        return _set_against(m.group(1), previous, told)
    if turn.asked.count(" ") > _PUT_BACK_WORDS:
        return False
    fragment = m.group(1).split()
    if not 0 < len(fragment) <= 2 or not _NOT_A_THING.isdisjoint(fragment):
        return False
    words = content_words(m.group(1))
    return bool(words) and words <= told and words.isdisjoint(previous.answer_words)


def _set_against(fragment: str, previous: Turn, told: frozenset[str] | set[str]) -> bool:
    """Whether "X not Y" (``fragment``) puts back X, a word or two the user told, against Y,
    what the answer said: "pizza place not a bakery", "2018, not 2008"."""
    put, _, instead = fragment.partition(" not ")
    put_back, set_right = content_words(put), content_words(instead)
    return (bool(set_right) and set_right <= previous.answer_words and 0 < len(put.split()) <= 2
            and bool(put_back) and put_back <= told and bool(put_back - previous.answer_words))


_PUT_BACK_WORDS = 12  # a message that puts a thing back says little more
# What the user said they asked for, first thing: "i wanted spanish food", "no, i said the
# north", "I asked for a cheap one.", "It needs to be in the south, please."
_I_SAID = re.compile(r"\W*(?:(?:no|nah|but|um+|uh+|well|lol|sorry|actually)\W+)*"
                     r"(?:i (?:said|wanted|asked for)|it (?:needs|has|ought) to be|it (?:should|must) be)\s+"
                     r"([\w' ]{1,30}?)\s*(?:[.!,*]|\blol\b|\bnot\b|\bbut\b|$)")
# What sets right what the bot's question took for given: "How do you fit all that on your
# balcony?" - "its in the backyard lol". (Not "Only margherita" to "What toppings do they
# like?", which answers it.)
_SETS_RIGHT = re.compile(r"\W*(?:(?:oh|no|nah|lol|haha|um|uh)\W+)*(?:its|it's|it is)\b"
                         r"|\W*\d+(?:st|nd|rd|th)?\s*!"  # ("30th !! dont make me older than i am")
                         r"|\W*[\w']+(?:\*|\s*(?:😅|🤦|🙃|🙈))")  # ("priya* 😅 but maybe", "brazil 😅 but...")
# The first words of a message, up to a full stop, a comma, a laugh, a "but", "anyway" or an
# emoji, after an "it's", "my" or "no": "its in june lol", "Eleanor. But thank you.", "its jess
# 😂 and no"; with what the answer said after a "not": "its a pizza place not a bakery lol".
_OPENING_FRAGMENT = re.compile(r"\W*(?:(?:no|nah|lol|haha|oh|um|uh|its|it's|it is|my|in|a|an|the|only|just)\W+)*"
                               rf"([\w' ]{{1,30}}?)\s*(?:[.!,*]|\blol\b|\bbut\b|\banyway\b|{EMOJI})")
# ...or set against the answer's with a comma: "2018, not 2008. She was ok".
_PUT_AGAINST = re.compile(r"\W*(?:(?:no|nah|lol|haha|oh|um|uh|its|it's|it is|my|in|a|an|the|only|just)\W+)*"
                          rf"([\w' ]{{1,30}}?,? not [\w' ]{{1,30}}?)\s*(?:[.!,*]|\blol\b|\bbut\b|$|{EMOJI})")
# Words that make a fragment a reaction or an answer, not a thing put back.
_NOT_A_THING = frozenset("""
    yes yeah yea ya yep yup ok okay sure cool nice fine well thanks thank thx ty probably maybe really not lol haha
    lmao wow oh ah aw good great perfect love creepy weird true fair same all is are was were do does did can will
    i you he she it we they this that what how why who when where which ugh argh meh hmm hm ooh ahh
""".split()) | REACTION_WORDS  # noqa: SIM905


def _sets_right_who(previous: Turn, turn: Turn, told: frozenset[str] | set[str]) -> bool:
    """The message opens on who the answer spoke of, the other way round: "How do I get her
    to try fish?" - "Your son will grow out of it." - "Daughter. But I hope so!"; "Have you
    tried talking with him about it?" - "With her, yes."; "does he like school?" - "she. and
    yes she loves first grade". Whatever the answer asked: it took the wrong person for
    given. Not when the user spoke of that other person too ("my son and my daughter"), nor
    of the bot's own ("my brother")."""
    m = _OPENS_ON_WHO.match(turn.asked)
    if m is None:
        return False
    word = m.group(1)
    other = _OTHER_WAY[word]
    said = previous.words | told
    # (The user told who it was before, the answer did not take it up: "how old was he?" -
    # "she. she was 14" answers a guess; "is it a boy or a girl?" - "a girl!!" a question.)
    if not other.isdisjoint(said) or _SAME_SEX[word].isdisjoint(said) or word in previous.answer_words:
        return False
    return any(m.group(1) in other for m in _SOMEONE.finditer(previous.answered))


# A person by sex, and the words of the other sex in the same place.
_PAIRS = (("she her hers herself", "he him his himself"), *SEXED_PEOPLE)
_OTHER_WAY = the_other_sex(_PAIRS)
_WOMEN, _MEN = (frozenset(" ".join(side).split()) for side in zip(*_PAIRS, strict=True))
_SAME_SEX = dict.fromkeys(_WOMEN, _WOMEN) | dict.fromkeys(_MEN, _MEN)
# The message's first words are that person alone: "Daughter.", "With her, yes.", "she. and yes...",
# "lol his wife not him", "no, HER brother" (not "she loves it", which says more).
_OPENS_ON_WHO = re.compile(r"\W*(?:(?:no|nah|lol|haha|oh|um+|uh+|its|it's|it is|with|to|for|and|my|a)\W+)*"
                           rf"({'|'.join(sorted(_OTHER_WAY, key=len, reverse=True))})"
                           r"(?:\s*[.!,*]|\s*$|\s+(?:lol|haha|not|but|actually|though|tho)\b)")
# A person the answer speaks of (not the bot's own: "my brother").
_SOMEONE = re.compile(rf"(?<!\bmy )(?<!\bour )\b({'|'.join(_OTHER_WAY)})\b")


def _answers_the_claim_otherwise(previous: Turn, turn: Turn) -> bool:
    """The answer ended on a claim put as a question ("Manila is in Thailand, right?",
    "Cicero was the first Roman emperor, wasn't he?") and the message gives another answer
    than yes: "philippines 😅", "Jad Abumrad and Robert Krulwich, originally.". Not a yes in
    any words ("ya", "Aye, Keiller's marmalade", "depends who u ask lol but yeah"), a
    question back, nor a tag on a remark ("crazy right?") or a question that only ends on
    "right" ("do you think she's right?")."""
    question = previous.reply.question_back
    if question is None or TAG_QUESTION.search(question + "?") is None or turn.asked.rstrip().endswith("?"):
        return False
    claim = question.split()
    if len(claim) < _CLAIM_WORDS or claim[0] in _OPENS_A_QUESTION:
        return False
    first = " ".join(turn.asked.split()[:_YES_WITHIN])
    return (_CONFIRMS.match(turn.asked) is None and _SAYS_YES.search(first) is None
            and _NOT_SURE.search(first) is None)


_CLAIM_WORDS = 4  # a tag on fewer words is a remark ("crazy right?", "pretty impressive right?")
_OPENS_A_QUESTION = frozenset("""
    do does did is are was were can could would will should have has how what why who where when which
""".split())  # noqa: SIM905
_CONFIRMS = re.compile(r"\W*(?:(?:lol|haha+|oh|ah|well|hmm+|um+|omg|wow)\W+)*(?:yes|yess+|yeah|yea|ya|yep|yup|aye|true|"
                       r"exactly|correct|right|sure|definitely|absolutely|totally|of course|indeed|mhm|bingo|"
                       r"spot on|nailed it|you got it|(?:you're|youre|you are) right|that's (?:it|right)|thats right|"
                       r"kinda|kind of|sort of|depends|i think so|probably|maybe"
                       # ...or in the claim's own verb: "It is.", "He does, and Bill Evans too."
                       r"|(?:it|he|she|they|i|we|you|that) (?:is|was|are|were|does|do|did|has|have|had|can|will)"
                       r"(?=\W*$|[.!,]))\b")
_SAYS_YES = re.compile(r"\b(?:yes|yeah|yep|yup|ya|true|agreed|for sure|100%|it sure is|m+hm+)(?!\w)")
# ...nor a doubt: "no idea lol", "hmm i dunno", "not sure", "i guess".
_NOT_SURE = re.compile(r"\b(?:no idea|no clue|not sure|dunno|don't know|dont know|idk|i guess|maybe)\b")
_YES_WITHIN = 8  # words of the message in which a yes answers the claim


def _denies_what_was_taken(previous: Turn, turn: Turn) -> bool:
    """The message says the user has no such thing as the answer took for given: "does
    your cat come to the lake too?" - "i dont have a cat, thats you". Not the answer to a
    question whether they have one ("do you have any pets?" - "i dont have any pets"), nor
    of a thing the user spoke of first."""
    thing = turn.message.denies_having
    if thing is None or not previous.answer:
        return False
    head = thing[:4]
    return (re.search(rf"\b(?:your|ur|you're|youre|you are) (?:\w+ )?{re.escape(head)}", previous.answered) is not None
            and _ASKS_IF_THEY_HAVE.search(previous.answered) is None and head not in previous.asked)


# A question whether the user has a thing, or for it ("what's your email address?").
_ASKS_IF_THEY_HAVE = re.compile(r"\b(?:do|did) (?:you|u) (?:\w+ )?(?:have|own|got)\b|\b(?:have|got) (?:you|u) got\b"
                                r"|\b(?:what|which)(?:'s| is| are) (?:your|ur)\b|\b(?:give|send|tell) me your\b")


def _stands_by_it(turn: Turn) -> bool:
    """The answer to a message that questioned the one before stands by it, owning no miss:
    "wait second?? i always thought it was the longest" - "A common assumption. The Volga
    is longer...", "didnt she win a second nobel?" - "Yes, in chemistry in 1911." Surprise
    at a fact that holds, or a question that adds to it; not "Yes, that was wrong."."""
    answered = turn.answered
    stands = _STANDS_BY.match(answered)
    if stands is None or _OWNS_A_MISS.search(answered) is not None or (
            turn.reply.takes_back or turn.reply.apologises or turn.reply.agrees or turn.reply.repairs):
        return False
    # (A yes to a figure put against the answer grants it: "Surely half of three is one and a
    # half?" - "Yes, one and a half".)
    return stands.group(1) is None or not (has_digit(turn.asked) or _FIGURE_IN_WORDS.search(turn.asked))


_STANDS_BY = re.compile(r"\W*(?:(?:ha+|haha+|oh|ah|well)\W+)?(?:(yes|yep|yeah|yup|indeed|true|it's true|i know)"
                        r"|it is|it really|surprisingly|(?:it's |that's )?a common (?:assumption|mistake|misconception"
                        r"|belief)|many people|lots of people|most people|a lot of people|it does|they do|it did|he did"
                        r"|she did|it was|they were)\b")
_FIGURE_IN_WORDS = re.compile(rf"\b(?:{'|'.join(ONE_TO_TWELVE)}|twenty|thirty|hundred|thousand|million|billion|half"
                              r"|dozen)\b")
_OWNS_A_MISS = re.compile(r"\b(?:sorry|apolog\w*|my mistake|my bad|you're right|you are right|wrong|silly|way off|oops"
                          r"|mixed up|misspoke|i meant|no idea why i said|correction|good catch)\b")


def _questions_the_answer(previous: Turn, turn: Turn) -> bool:
    """The message questions what the answer said: in the negative ("wasnt that 1939"; not
    after the bot's own question), puzzled and going on ("?? she's three", "huh? pg is point
    guard lol"; nor that), echoing its words against it ("lincoln?? thats the civil war
    lol"), or with a "what?" that goes on against it or puts another claim on a thing it
    named ("uh what ? texas is huge")."""
    message = turn.message
    if message.challenges and previous.answer and not (previous.reply.asks_back and not previous.reply.offers):
        return True
    if message.puzzled and previous.answer and not (previous.reply.asks_back and not previous.reply.offers):
        return True  # ("?? she's three", "huh? its my date lol")
    echoed = message.echoed
    # (An approval echoed is no approval: "Ouch! That's great." - "great?? it was very painful".)
    return ((echoed is not None and echoed in previous.answered
             and APPROVES.search(turn.asked.replace(echoed, "", 1)) is None)
            or (message.doubts_with_what and bool(previous.answer))
            or (message.claims_after_what is not None
                and content_words(message.claims_after_what) <= previous.answer_words
                and bool(content_words(message.claims_after_what))
                # (not of a taste: "I don't really like the beach" - "what?? the beach is the best")
                and _SAYS_A_TASTE.search(previous.answered) is None and TASTE.search(turn.asked) is None))


# An answer that tells a taste of the bot's: "I don't really like the beach", "i love jazz".
_SAYS_A_TASTE = re.compile(r"\bi (?:(?:don't|do not|really|honestly|just|kinda|absolutely) )*(?:like|love|hate|prefer"
                           r"|enjoy|adore|can't stand)\b|\bnot a (?:big )?fan\b|\bmy favou?rite\b")


def _corrects_the_answer(previous: Turn, turn: Turn) -> bool:
    """The message corrects what the answer before gave: "friday, not saturday!" where the
    answer booked Saturday (a word the answer brought in, said not to be it); or "no,
    CANCEL", "i said monday", "no i want the fee refunded" (no, or I said, with a word of
    the request before that the answer left out). "no thanks, that's all" to an offer, or
    "nah, I loved Guardians 3" to an opinion, restates nothing of the request; a message
    that approves ("i said friday but yeah the 4th is right, thanks") corrects nothing."""
    reply = previous.reply
    if (APPROVES.search(turn.asked) is not None or TASTE.search(turn.asked) is not None
            or _disagrees_with_the_taste_asked(previous, turn) or picks_an_offered(previous.answered, turn.asked)):
        return False  # (nor one that tells a taste: "no actually i prefer autumn"; "wrong. cats")
    if reply.checks_what_it_heard and _NO_TO_A_CHECK.match(turn.asked) and not turn.message.corrects_itself:
        return True  # ("Leaving from Brighton Road. Is this correct?" - "no brookline")
    said_not = NOT_THAT.search(turn.asked)
    question = reply.question_back
    no = OPENS_ON_NO.match(turn.asked)
    # ("...built by slaves, right?", "Isn't it the one where Hercule Poirot solves the case?")
    tagged = TAG_QUESTION.search(previous.answered) is not None or (
        reply.question_back is not None and NEGATIVE_QUESTION.match(reply.question_back) is not None)
    if ((no is not None and _says_what_is_instead(turn.asked[no.end():]) or DOUBTS_IT.match(turn.asked)
         or OBVIOUSLY.match(turn.asked))
            and ("?" not in previous.answered or tagged) and not reply.offers
            and ASKS_AN_OPINION.search(previous.asked) is None
            and (tagged or OPINION.search(previous.answered) is None)):
        # (A no to an opinion disagrees: "nah its so worth it"; one that tells a taste, above.
        # A claim put as a question is what a no answers, whatever the answer liked first:
        # "oh i love bossa nova! it's originally from argentina, right?" - "No no! ...Rio".)
        return True  # ("...is a team from berlin right?" - "no is munich, is in the name haha")
    if turn.asked.count(" ") >= CORRECTION_WORDS and not (said_not is not None and said_not.start() < 30
                                                          and turn.asked[:said_not.start()].rstrip().endswith(",")):
        return False  # (the readings below are of a few words, or of the first: "Nigeria, my dear, not Ghana. But...")
    if reply.asks_yes_or_no_back and not tagged and (OPENS_ON_AN_ANSWER.match(turn.asked) is not None or (
            said_not is not None and said_not.start() == 0 and said_not.group(1) in (question or ""))):
        return False  # it answers: "do you make the noodles too?" - "no lol im not that crazy"; "not every day"
    figures = _FIGURE_NOT_FIGURE.search(turn.asked)
    if (figures is not None and _says_figure(previous.answered, figures.group(2))
            and not _says_figure(previous.answered, figures.group(1))
            and not _says_figure(previous.asked, figures.group(2)) and not turn.message.corrects_itself):
        return True  # ("500, not 50!" after a request opened for 50 euros; not "sorry, i meant 8 not 6")
    if said_not is not None:
        # (What the answer asks to choose, the message may answer: "working or in school?" -
        # "not working rn"; what the answer itself said was not, it may echo: "It isn't
        # expensive" - "not expensive at all!". What it asks otherwise may take a wrong thing
        # for given: "how old is your younger sister?" - "shes older not younger lol".)
        chooses = reply.question_back is not None and " or " in reply.question_back
        said = previous.answered.replace(reply.question_back, "") if chooses else previous.answered
        brought_in = content_words(said) - previous.words
        denied = content_words(said_not.group(1))
        # (What the question asks the degree of, the message answers: "How old is your
        # starter?" - "haha no, not old at all".)
        asked_by = content_words(" ".join(_HOW_WHAT.findall(reply.question_back or ""))) - content_words(
            previous.answered.replace(reply.question_back or "", ""))  # (not "Your long runs must be tiring")
        if (not denied.isdisjoint(brought_in) and not _said_not(previous.answered, said_not.group(1))
                and not denied <= asked_by
                # ("I love pineapple!" - "not pineapple, ew" disagrees; "i love cats! what is your
                # cat's name?" - "i have a dog, not a cat" corrects what the answer took as the user's.)
                and (OPINION.search(previous.answered) is None
                     or not denied.isdisjoint(content_words(" ".join(_YOURS.findall(previous.answered)))))):
            return True
    if reply.offers or reply.asks_yes_or_no_back:
        return False  # a no answers it ("Are you vegetarian?" - "no, but I'm cutting down")
    left_out = previous.words - previous.answer_words
    return SAYS_NO_OR_SAID.match(turn.asked) is not None and not turn.words.isdisjoint(left_out)


def _says_it_is_another_day(previous: Turn, turn: Turn, told: frozenset[str] | set[str]) -> bool:
    """A short message that says again a day the user told (``told``: the words of their
    messages before), against another the answer named: "i have the SAT on saturday" ...
    "Since your test is on Sunday, ..." - "its saturday tho 😭". Not today's day told for the
    first time ("since your exam is on Monday" - "its friday tho"), nor a question ("its
    saturday tho right?"), nor no day ("nice. its raining tho")."""
    said = _IT_IS_THAT_DAY.match(turn.asked)
    if said is None or said.group(1) not in told:
        return False
    days = set(A_WEEKDAY.findall(previous.answered))
    return bool(days - {said.group(1)})


def _no_in_disbelief_then_the_request(previous: Turn, turn: Turn) -> bool:
    """A no in disbelief to the answer's question or offer, then a word of the request it
    answered: "and saturday? long run day" - "Would you like me to book a table for
    Saturday?" - "no?? weather for saturday". Not a surprise ("no?? really?"), nor a no that
    answers ("Did you negotiate?" - "no?? he just offered it")."""
    said = _NO_IN_DISBELIEF.match(turn.asked)
    if said is None or previous.reply.question_back is None:
        return False
    words = content_words(turn.asked[said.end():])
    return not words.isdisjoint(previous.words)


_NO_IN_DISBELIEF = re.compile(r"^\W*(?:(?:um+|uh+)\W+)?(?:no|nope|nah)\s*(?:\?[!?]*\?|!\?)")
_IT_IS_THAT_DAY = re.compile(rf"^\W*(?:(?:but|no|nah|um+|uh+|wait|bro|lol)\W+)*(?:it'?s|its|it is|that'?s|thats|it was)"
                             rf" (?:on )?({WEEKDAYS})\b\W*(?:tho|though|not (?:{WEEKDAYS}))\b[^?\w]*$")
_HOW_WHAT = re.compile(r"\bhow (\w+)")  # ("how old", "how long": what a question asks the degree of)
_YOURS = re.compile(r"\byour (\w+)")  # what an answer takes as the user's ("your cat's name")
# A no to the answer's check of what it heard ("Leaving from Brighton Road. Is this
# correct?" - "no brookline", "nope", "no six a m in the morning"): it heard the user wrong.
# Not a change of the user's own mind: "no, actually make it four", "no wait, Friday".
_NO_TO_A_CHECK = re.compile(r"^\W*(?:(?:um+|uh+|er+|erm|hmm+|oh)\W+)*(?:no|nope|nah|wrong|incorrect)\b"
                            r"(?!\W*(?:wait|thanks|thank|problem|worries|idea|hold on|not yet|one sec"
                            r"|that's (?:all|it|fine)|thats (?:all|it|fine))\b)"
                            r"(?!.*\b(?:actually|instead|make it|change|rather|changed my mind|on second thought)\b)")


def _says_what_is_instead(rest: str) -> bool:
    """What follows a no says what is so instead: a statement ("is munich", "its canberra i
    think"), or a value alone ("1912", "france won", "8"); not a question ("is it good"), a
    thanks, nor a word of its own ("never mind", "sorry")."""
    if _SAYS_WHAT_WAS_WANTED.match(rest):
        return True  # ("wait no, i didn't want a new card, just lock it")
    if _THATS_ALL.match(rest):
        return False  # ("nope that's all": a closing)
    if ASKS_AFTER.match(rest) or _TELLS_OF_ONESELF.match(rest):
        return False  # ("no is it good": a no, then a question; "nah I think I'm doing the dress")
    if SAYS_WHAT_IS.search(rest) is not None or has_digit(rest):
        return True
    words = rest.strip(" ,.!:;").split()
    return 0 < len(words) <= 3 and words[0] not in _NOT_A_VALUE and not APPROVES.search(rest)


_THATS_ALL = re.compile(r"\W*(?:that'?s|thats|that is) (?:all|it|fine|everything|ok|okay)\b")
_SAYS_WHAT_WAS_WANTED = re.compile(r"\W*i (?:(?:didn't|did not|don't|do not) (?:want|need|ask|mean)|wanted|meant|"
                                   r"asked for)\b")
# ("500, not 50!", "return is the 16th not 18th")
_FIGURE_NOT_FIGURE = re.compile(r"\b(\d[\d.,:]*)(?:st|nd|rd|th)?\W+not\W+(?:the\W+)?(\d[\d.,:]*)(?:st|nd|rd|th)?\b")
_TELLS_OF_ONESELF = re.compile(r"\W*(?:i think )?(?:i|i'm|im|i've|i'll|i'd|me|my)\b")
_NOT_A_VALUE = frozenset("""
    never all ok okay sorry lol haha lmao thanks thank problem worries way need just i im i'm not nothing worry idea
    wait one more pls please thx ty clue
""".split())  # noqa: SIM905


def _says_figure(text: str, figure: str) -> bool:
    """``text`` holds ``figure`` as a number of its own (50 is not in 500)."""
    return re.search(rf"(?<![\d.,]){re.escape(figure)}(?![\d])", text) is not None


def _said_not(text: str, word: str) -> bool:
    """Whether a (lower-cased) text says ``word`` is not: "isn't expensive", "no simple answer"."""
    return re.search(rf"(?:\b(?:not|no|never)|n't)\W+(?:\w+\W+){{0,2}}{re.escape(word)}\b", text) is not None


def _asks_about_another(previous: Turn, turn: Turn) -> bool:
    """The message asks what the one before asked, of another thing: the one or two words
    it drops are names or figures the answer gave back ("5" of "Timer set for 5 minutes",
    "madrid" of "Tomorrow in Madrid"), and one or two others take their place ("40",
    "denver"); or only figures change ("order 55120" after "order 48213" and "It ships
    tomorrow": another order). A request of the same kind, not the same request again: "how
    can I get my contacts out as a csv file" after "how do I export my contacts" and "To
    export your data..." is one. (Not after an answer that failed: "order 48231" after "I
    can't find order 48213" corrects the request; nor after an answer on something else.)"""
    dropped, added = previous.words - turn.words, turn.words - previous.words
    return (0 < len(dropped) <= 2 and 0 < len(added) <= 2
            and (dropped <= previous.reply.specifics or _other_figures(dropped, added))
            and not (previous.reply.could_not_help or previous.reply.did_not_understand
                     or answered_far(previous)))


def _asks_the_same_of_another(previous: Turn, turn: Turn) -> bool:
    """The message asks the question before of another thing: the same words around one or
    two of its own, unlike the one or two they replace ("what is the address" - "what is
    the phone number", "does it have parking" - "does it have wifi", "what is the price" -
    "what is the travel time"). The attributes a task bot is asked for one after the other,
    close in meaning as whole questions, are no request asked again; "what is the cost" -
    "what is the price" is one."""
    topic_before, topic_now = previous.words - _CONTRACTED, turn.words - _CONTRACTED
    if topic_before & topic_now or not (0 < len(topic_before) <= 2 and 0 < len(topic_now) <= 2):
        return False
    before, now = WORD.findall(previous.asked), WORD.findall(turn.asked)
    shorter, longer = sorted(({w for w in before if w in STOPWORDS}, {w for w in now if w in STOPWORDS}), key=len)
    if len(shorter) < 2 or not shorter <= longer:
        return False
    own_before = " ".join(w for w in before if w not in STOPWORDS and w not in _CONTRACTED)
    own_now = " ".join(w for w in now if w not in STOPWORDS and w not in _CONTRACTED)
    return unlike_things(own_before, own_now)


def unlike_things(one: str, other: str) -> bool:
    """Whether two things asked for ("address", "phone number") are other things in meaning
    (:data:`UNLIKE_THINGS`); False without the meaning model."""
    from .meaning import embedder  # (loaded already: the turns were compared by meaning)

    model = embedder()
    return model is not None and model.similarity(one, other) < UNLIKE_THINGS


_CONTRACTED = frozenset({"s", "t", "m", "d", "ll", "re", "ve"})  # what a contraction leaves as a word


def _other_figures(dropped: frozenset[str], added: frozenset[str]) -> bool:
    """Only figures changed, for others: not the same written another way ("0048213")."""
    return (all(has_digit(word) for word in dropped | added)
            and {w.lstrip("0") for w in dropped} != {w.lstrip("0") for w in added})


def _rephrase_by_meaning(previous: Turn, turn: Turn, evidence: dict) -> Found | None:
    """The next message asks what the previous one asked, and the answer between them
    did not give it."""
    confused = previous.reply.did_not_understand
    if not confused and previous.reply.asks_back and (not previous.reply.offers
                                                      or _asks_for_a_value_of_it(previous)):
        return None  # the user answers the bot's question, often restating the request
    cue = turn.message.rephrase_cue
    if not cue and not confused and _answered_yes_or_no(previous):
        return None  # answered: "r u a real firefighter" - "Yep! I work at Station 7." - "whats the biggest fire..."
    if not cue and not confused and gives_the_details_asked(previous.asked, previous.answered):
        return None  # ...or with the detail asked: "what is their address?" - "47-53 Regent Street, CB2 1AB."
    same = float(previous.vector @ turn.vector)
    # A bot that said it did not understand asked for the request again, and a user who
    # says "in other words" or "again:" says it is one: the words may then differ more.
    # (Not when the bot asked for something in particular: "sure, it's XK4Q2Z" gives it.)
    restate = previous.reply.asks_again
    floor = SAME_REQUEST_AFTER_CONFUSION if restate else SAME_REQUEST_WITH_CUE if cue else SAME_REQUEST
    if same < floor:
        return None
    answered = float(previous.vector @ previous.answer_vector) if previous.answered else 0.0
    from_answer = _from_the_answer(previous, turn)
    if from_answer >= ANSWER_WORDS_FOLLOW_UP and not cue:
        return None  # built on what the answer said: a follow-up
    failed = confused or previous.reply.could_not_help
    lead = same - answered - from_answer / 2 + (CUE_LEAD if cue else 0.0)
    if failed and (confused or same >= SAME_REQUEST + 0.1):
        case, strength = ("after_failure" if confused else "after_no_help"), (same - SAME_REQUEST) / 0.4
        why = " after an answer that did not understand it" if confused else " after an answer that could not help"
    elif lead >= REPHRASE_LEAD:
        case, strength = "same_request", (lead - REPHRASE_LEAD) / (LEAD_FOR_FULL_CONFIDENCE - REPHRASE_LEAD)
        why = "" if answered >= 0.5 else " after an answer on something else"
    else:
        return None
    return Found(previous.pk, "rephrase", confidence("rephrase", case, strength),
                 f"the next turn asks the same again{why}: {quote(turn.question)}",
                 evidence={**evidence, "similarity": round(same, 2), "answer_similarity": round(answered, 2)})


# A question back that asks the user for a value, though it says "should I" or "would you
# like" as an offer does: "Which account should I send it from, checking or savings?",
# "What time would you like?".
_ASKS_FOR_A_VALUE = re.compile(r"\W*(?:which|where|when|how (?:many|much)|"
                               r"what (?:day|date|time|size|kind|type|sort))\b")


def _asks_for_a_value_of_it(turn: Turn) -> bool:
    """The answer's question back asks for a value of the request itself: "send 250 to my
    landlord" - "Which account should I send it from?" (not "What's the weather in Paris?" -
    "Would you like a hotel? Which dates should I check?", which sells something else)."""
    question = turn.reply.question_back or ""
    return _ASKS_FOR_A_VALUE.match(question) is not None and not content_words(question).isdisjoint(turn.words)


def _answered_yes_or_no(turn: Turn) -> bool:
    """A yes-or-no question answered yes or no: of the bot ("r u a real firefighter" -
    "Yep! I work at Station 7."), or in the question's own words ("is the golden pavilion
    really gold" - "Yes, the top two floors are covered in gold leaf"). Not a yes that
    offers help or sells ("Yes, I can help you with questions about our plans!", "Yes! We
    have great deals this weekend")."""
    if not (turn.message.may_ask_yes_or_no and turn.reply.says_yes_or_no) or _YES_I_CAN_HELP.search(turn.answered):
        return False
    return _OF_THE_BOT.search(turn.asked) is not None or not turn.words.isdisjoint(turn.answer_words)


_YES_I_CAN_HELP = re.compile(r"\b(?:i can help|i'd be happy|i would be happy|happy to help|we'd love|glad to help)\b")
_OF_THE_BOT = re.compile(r"\b(?:are|r|do|did|have|were|can|could|would|will|ever) (?:you|u|ya)\b")


def _did_it(previous: Turn, turn: Turn) -> bool:
    """The answer says it did what a request asked to be done ("cancel my membership" -
    "Done: your membership is cancelled", "Timer set for 5 minutes"): a like request after
    it asks for another thing ("when does my membership end?", "set one for 10 minutes
    too"), unless the message says it asks again ("in other words", "again:"). Not an
    answer to a question that happens to say "set" or "sent" ("Your plan is set to renew
    monthly"), nor one that could not help. (A confirmation of another value than asked is
    read apart: :mod:`.request`.)"""
    return (previous.reply.confirms and asks_to_do(previous.asked) and not previous.reply.could_not_help
            and not previous.reply.did_not_understand and not turn.message.rephrase_cue)


def _rephrase_by_words(previous: Turn, turn: Turn, evidence: dict) -> Found | None:
    """Without the meaning model: the same topic words again."""
    cue = turn.message.rephrase_cue
    before, now = previous.words, turn.words
    shared = similarity(before, now)
    # (An answer in another language than its question shares few of its words, however
    # well it answers: "¿El vuelo SK1363 sale a tiempo?" - "Flight SK1363 is delayed".)
    missed = (previous.message.in_english == previous.reply.in_english
              and _answer_missed(before, previous.answer_words))
    if not (shared >= REPHRASE_SIMILARITY or (cue and shared >= REPHRASE_WITH_CUE)
            or (missed and shared >= REPHRASE_AFTER_MISS)):
        return None
    strength = shared + (0.2 if cue else 0) + (0.2 if missed else 0)
    why = " after an answer on something else" if missed else ""
    return Found(previous.pk, "rephrase", confidence("rephrase", "same_request", strength),
                 f"the next turn asks the same again{why}: {quote(turn.question)}",
                 evidence={**evidence, "similarity": round(shared, 2)})


def _answer_missed(question_words: frozenset[str], answer_words: frozenset[str]) -> bool:
    """The answer (its topic words) hardly mentions what the question was about."""
    if len(question_words) < 3:
        return False
    return len(question_words & answer_words) / len(question_words) <= MISSED_TOPIC
