"""Implicit signals in the conversation, read session by session: what the user's next
message says about each answer (:mod:`.reactions`); an answer far in meaning from what was
asked, or one that answers only with a question, a word of appreciation or nothing of
use, or gives none of what was asked for (:mod:`.asked`); what an answer says of the user
or of the bot against what the session said before (:mod:`.memory`); an answer or a
question said again (:mod:`.repeats`); an answer against its request, a confirmation of
another value than asked, a budget, a form, a day or a route broken, a second request, a
detail or a question asked with a booking left out (:mod:`.against`); and a session that
ends on an answer that did not resolve it.

A signal read in turn N about the answer of turn N-1 is attached to that trace, with the
later turn's words as evidence. Requests and answers are compared by meaning
(:mod:`.meaning`), not only by shared words.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from sqlalchemy import Connection

from ..store import chunked, placeholders, select_rows
from ..text import loads_or_none, retrieved_documents, text_of
from ..words import HEAD_LETTERS, STOPWORDS, WORD, content_words, has_digit, heads
from .against import against_the_request, wrong_sum
from .answer_phrases import (
    ANNOUNCES_ANOTHER_SUBJECT,
    ASKS_OF_THEIR_LIFE,
    CANNED,
    DISMISSES,
    GETS_TO_KNOW,
    GOES_TO_WORK,
    OPENS_ON_A_SIGN_OFF,
)
from .asked import (
    answers_in_general,
    gives_a_figure_asked,
    gives_another_thing,
    gives_no_figure,
    gives_no_name,
    gives_no_place,
    gives_the_opinion_asked,
    names_no_favourite,
    names_nothing_it_is_on,
    names_what_was_asked,
)
from .choices import takes_up
from .confidence import confidence
from .facts import wrong_capital, wrong_count, wrong_famous
from .found import Found, quote
from .kinds import MONTHS_BUT_MAY, WEEKDAYS
from .memory import (
    MEMORY_TEST,
    ONLY_WISHES,
    PLACE_TOLD,
    SIGNS_OFF,
    TELLS_BACK,
    Heard,
    Names,
    Persona,
    answers_a_memory_test,
    denies_itself,
    goes_against_its_advice,
    names_what_nobody_said,
    says_against_itself,
    speaks_of_another,
    tells_back_what_nobody_said,
)
from .phrases import PUSHES_BACK, SAYS_ONLY_YES, SENTENCE_BREAK, SOCIAL_QUESTION
from .reactions import (
    answers_the_question_back,
    could_rephrase,
    next_turn_signals,
)
from .repeats import (
    LongSentence,
    asked_again,
    asked_what_was_told,
    facts_told_again,
    repeated_answers,
    sentences_said_again,
)
from .reply import ANSWER_LIMIT, NUMBER_WORDS, Reply
from .request import (
    SessionValues,
    asks_to_do,
)
from .turns import OFF_TOPIC, SHORT_OFF_TOPIC, Turn, answered_far, closeness_needed, closeness_to_question

if TYPE_CHECKING:
    from .meaning import Embedder

ADDRESSING_SENTENCES = 3  # an answer none of whose first sentences is closer than OFF_TOPIC
# An answer at least this close to a document the run retrieved, or to a tool's result,
# answers from the run's evidence, however far it is from a misspelled question.
FROM_EVIDENCE = 0.6
EVIDENCE_CHARACTERS = 2000
EVIDENCE_TEXTS = 50  # documents and tool results compared per run
# An answer this long to a message this short goes on from it, as a reply to "what does
# the name mean" or "leipzig? never heard of it" does: compared whole in meaning the two lie
# apart, though the answer answers (nine in ten of those far answers were fine).
GOES_ON_ANSWER_WORDS = 16
GOES_ON_MESSAGE_WORDS = 7
ON_TOPIC_SHARE = 0.5  # an answer with this share of the request's topic words is on its topic


def conversation_signals(conn: Connection, sessions: list[tuple[tuple, list[Turn]]]) -> list[Found]:
    # The meaning model (and numpy under it) is read on the first detection, not when the
    # app starts.
    from .meaning import embedder

    model = embedder()
    if model is not None:
        _read_meaning(model, sessions)
    # The sessions that end on an answer that could not help: did a search of theirs find nothing?
    searched_nothing = _searched_nothing(conn, [
        turns[-1].pk for key, turns in sessions
        if key[0] != "trace" and turns[-1].answer and not turns[-1].closing and turns[-1].status != "error"
        and turns[-1].reply.could_not_help])
    found: list[Found] = []
    far: list[Found] = []
    sentences_of_answer: dict[str, list[LongSentence]] = {}  # an answer's long sentences, read once a text
    for key, turns in sessions:
        previous = None
        missed: set[int] = set()  # the turns of the session the next message says missed
        told: set[str] = set()  # the topic words of the user's messages so far
        answers: list[str] = []  # the session's answers so far
        heard = Heard(turns)  # the session's words, as far as a goodbye or a told-back answer needs them
        session_values = SessionValues(turns)  # ...and its values, as far as a confirmation needs them
        persona = Persona()  # what its answers said the bot has
        names = Names()  # ...and the names they called the user by
        served = False  # whether an answer so far booked or did something: a desk serving a visitor
        places_told = False  # whether the user told of a place so far (memory.PLACE_TOLD)
        for at, turn in enumerate(turns):
            reacts = next_turn_signals(previous, turn, model is not None, told)
            places_told = places_told or (
                ("to " in turn.asked or "in " in turn.asked or "from " in turn.asked or "near " in turn.asked)
                and PLACE_TOLD.search(turn.asked) is not None)
            told |= turn.words
            if previous is not None and "?" not in turn.asked and SIGNS_OFF.search(turn.asked):
                # (A goodbye may also tell back what nobody said: "enjoy the sunshine in california")
                found += names_what_nobody_said(turn, heard.up_to(at), served=served) or (
                    tells_back_what_nobody_said(turn, heard.up_to(at), places_told)
                    if TELLS_BACK.search(turn.answered) else [])
            elif previous is not None and ONLY_WISHES.match(turn.answered):
                found += names_what_nobody_said(turn, heard.up_to(at), names=False)
            else:
                tested = (previous is not None and ("what" in turn.asked or "remember" in turn.asked)
                          and MEMORY_TEST.search(turn.asked) is not None)
                told_back = answers_a_memory_test(turn, heard.up_to(at)) if tested else []
                if not told_back and any(word in turn.answered for word in _MAY_TELL_BACK) \
                        and TELLS_BACK.search(turn.answered):
                    told_back = tells_back_what_nobody_said(turn, heard.up_to(at), places_told)
                found += told_back
            if "your " in turn.answered or "ur " in turn.answered:
                found += speaks_of_another(turn, told, _asked_of(previous))
            if names.hear(turn.asked) and ("," in turn.answer or "!" in turn.answer
                                           or turn.answered.startswith(("hi ", "hey ", "hello "))):
                found += names.calls_by_another(turn, heard.up_to(at))
            # (Both read every answer, to keep what the bot said; a denial is reported first.)
            advice = goes_against_its_advice(turn, previous, answers)
            denied, against = denies_itself(turn, answers), says_against_itself(turn, persona)
            found += denied or against or advice
            found += reacts
            missed.update(f.trace_pk for f in reacts if f.kind in _SAID_TO_MISS)
            said_back = previous is not None and _says_it_back_sorry(turns, at)
            if previous is not None and (turn.reply.takes_back or turn.reply.apologises or turn.reply.agrees
                                         or said_back):
                found += _taken_back(previous, turn, pushed_back=bool(reacts),
                                     complained=any(f.kind == "frustration" for f in reacts), said_back=said_back)
            # (What the answer plainly is settles it before its meaning is compared. An answer
            # that owns a miss cheers nothing: "Quite right, that was a blunder.")
            if (turn.reply.cheers and (turn.message.tells_bad_news or _still_low(previous, turn))
                    and not _takes_up_the_tears(turn) and not turn.reply.takes_back):
                found += _cheered_at_bad_news(turn)
            elif _blames_the_user(previous, turn):
                found.append(_answered_off_topic(turn, "dismissive", "the answer blames the user for their trouble"))
            elif _passes_over_grief(turn):
                found.append(_answered_off_topic(turn, "grief_passed_over", "grief told, answered with a fact"))
            elif _mourns_good_news(turn):
                found.append(_answered_off_topic(turn, "good_news_mourned", "good news answered with sympathy"))
            elif _takes_no_joy(turn):
                found.append(_answered_off_topic(turn, "good_news_passed_over", "good news answered without a word "
                                                                                "of joy"))
            elif _closes_off_distress(turn):
                found.append(_answered_off_topic(turn, "distress_closed_off", "fear told, answered with a closing"))
            elif _advises_in_place_of_listening(turn):
                found.append(_answered_off_topic(turn, "advice_unasked", "a feeling told, answered first with "
                                                                         "advice nobody asked for"))
            elif _answers_with_a_platitude(turn):
                found.append(_answered_off_topic(turn, "platitude", "a question answered with a platitude on "
                                                                    "its subject"))
            elif _passes_over_a_goodbye(turn):
                found.append(_answered_off_topic(turn, "goodbye_passed_over", "the user leaving, answered with a "
                                                                              "question of something else"))
            elif _curt_to_news(turn):
                found.append(_answered_off_topic(turn, "curt_to_news", "news or a feeling told, answered with a bare "
                                                                       "acknowledgement"))
            elif _only_acknowledged(turn, previous):
                found.append(_answered_off_topic(turn, "only_acknowledged", "what the user told answered with a bare "
                                                                            "acknowledgement and nothing more"))
            elif _may_dismiss(turn.reply) and (DISMISSES.search(turn.answered)
                                                        or _disparages(turn.asked, turn.answered, told)
                                                        or _calls_it_embarrassing(turn.answered)):
                found.append(_answered_off_topic(turn, "dismissive", "the answer brushes the user off"))
            bland = _answered_with_appreciation(turn) or _advice_answered_empty(turn)
            # (A request answered by going to do it answers it: "book a table in paris" - "i'm on it".)
            at_work = GOES_TO_WORK.match(turn.answered) is not None and (
                asks_to_do(turn.asked) or SAYS_ONLY_YES.match(turn.asked) is not None)
            off = [] if bland or at_work else _off_topic(turn, previous, model)
            far += off
            if not off and not at_work:
                answered_elsewhere = bland or _answered_with_a_question(turn) or _leaves_what_it_was_asked(turn)
                found += (answered_elsewhere or _answered_beside(previous, turn) or _changes_the_subject(turn, previous)
                          or _leaves_the_choice(turn, model))
            found += against_the_request(turn, previous, at, session_values)
            found += wrong_sum(turn)
            found += wrong_capital(turn) or wrong_count(turn) or wrong_famous(turn)
            served = served or turn.reply.confirms
            previous = turn
        if key[0] != "trace":  # in a session
            found += _abandonment(turns[-1], searched_nothing.__contains__)
            if len(turns) > 1:
                found += repeated_answers(turns, missed)
                found += sentences_said_again(turns, sentences_of_answer)
                found += facts_told_again(turns)
                # (A question asked again and one told before are each found; a turn, once.)
                again = asked_again(turns)
                looped = {f.trace_pk for f in again}
                found += again + [f for f in asked_what_was_told(turns) if f.trace_pk not in looped]
    if far and model is not None:
        far = _not_from_the_evidence(conn, model, far, {t.pk: t for _, turns in sessions for t in turns})
    return found + far


def _asked_of(previous: Turn | None) -> frozenset[str]:
    """The topic words of what the answer before asked the user, with the sentence before
    its question where the question points back to it ("i like basketball. do you watch
    it?")."""
    asked = previous.reply.question_back if previous is not None else None
    if not asked:
        return frozenset()
    words = content_words(asked)
    if _POINTS_BACK.search(asked):
        before = previous.answered[:max(previous.answered.find(asked), 0)]
        words |= content_words(SENTENCE_BREAK.split(before.strip())[-1])
    return words


_POINTS_BACK = re.compile(r"\b(?:it|that|them|this|those|one)\b")


def _answered_off_topic(turn: Turn, case: str, says: str) -> Found:
    """An answer that misses what the message asked or told, as ``case`` of the table reads
    it: ``says`` what it did, with the answer quoted and the message as evidence."""
    return Found(turn.pk, "off_topic", confidence("off_topic", case), f"{says}: {quote(turn.answer, 70)}",
                 evidence={"question": turn.question[:300]})


def _answered_beside(previous: Turn | None, turn: Turn) -> list[Found]:
    """How an answer close enough in meaning, that does not answer with a question, may
    still miss (the first reading that finds it): a question for a figure or a place
    answered with none, what the user told answered by a question on something else, the
    user's answer to the bot's question passed over, the bot telling of itself elsewhere."""
    if turn.message.figures_asked and gives_no_figure(turn):
        return [_answered_off_topic(turn, "no_figure", "a question for a figure answered with none")]
    if gives_no_place(turn):
        return [_answered_off_topic(turn, "no_place", "a question for a place answered with none")]
    if gives_no_name(turn):
        return [_answered_off_topic(turn, "no_name", "a question for a name answered with none")]
    if gives_another_thing(turn):
        return [_answered_off_topic(turn, "another_thing", "a question for one thing answered with another")]
    if answers_in_general(turn) or names_nothing_it_is_on(turn):
        return [_answered_off_topic(turn, "in_general", "a question for one of a kind answered of the kind in general")]
    if _tells_a_favourite_unasked(turn):
        return [_answered_off_topic(turn, "favourite_unasked",
                                    "the answer tells a favourite of the bot's nobody asked for")]
    if names_no_favourite(turn):
        return [_answered_off_topic(turn, "no_favourite", "a favourite asked for answered with a liking of any")]
    if _may_have_jumped(previous, turn):
        return _jumped(turn)
    if _moved_on(previous, turn):
        return [_answered_off_topic(turn, "moved_on",
                                    "the user's answer to the bot's question passed over for another")]
    if _opens_a_subject_of_its_own(previous, turn):
        return [_answered_off_topic(turn, "own_subject", "what the user told answered by a subject of the bot's own")]
    if _tells_of_itself_elsewhere(previous, turn):
        return [_answered_off_topic(turn, "tells_of_itself", "the answer tells of the bot, on something else")]
    return []
# What the next message says of an answer that missed: it asks the same again, or complains.
_SAID_TO_MISS = frozenset({"rephrase", "frustration"})


def _searched_nothing(conn: Connection, pks: list[int]) -> set[int]:
    """The traces of ``pks`` with a retrieval that came back without documents."""
    found: set[int] = set()
    for chunk in chunked(pks):
        found.update(pk for (pk,) in select_rows(conn,
            f"SELECT DISTINCT trace_pk FROM span WHERE trace_pk IN ({placeholders(chunk)}) "
            "AND kind = 'retrieval' AND json_valid(output) "
            "AND ((json_type(output, '$.documents') = 'array' AND json_array_length(output, '$.documents') = 0) "
            "OR (json_type(output, '$.results') = 'array' AND json_array_length(output, '$.results') = 0) "
            "OR (json_type(output) = 'array' AND json_array_length(output) = 0))", tuple(chunk)))
    return found


# A message about the bot being one: "r u a bot", "youre a bot lol", "what a bot would say",
# "thats deep for a bot".
_ABOUT_THE_BOT = re.compile(r"\b(?:(?:are|r) (?:you|u)|you're|youre|you are|ur|u r) (?:just |even |really |a |an )*"
                            r"(?:bot|robot|ai|chatbot|machine|computer|program)\b"
                            r"|\bwhat a (?:bot|robot|machine|computer) would say"
                            r"|\bfor an? (?:bot|robot|ai|chatbot|machine|computer|program)\b")


_SIGHS_AND_TAKES_IT = re.compile(r"^\W*(?:ugh+|meh|sigh|oof|welp)\b(?=.*\b(?:ok|okay|fine|alright|thanks|of course"
                                 r"|really)\b)")
_SURPRISED = re.compile(r"\W*(?:(?:wait|omg|lol)\W+)?no way\b")
_OWN_SLIP = re.compile(r"\bsorry,? (?:i gave (?:you )?the )?wrong (?:number|one|order|date|day|name|account)\b"
                       r"|\bmy (?:bad|mistake)\b")
# A person or people counted or met, not asked for: "I'd rather go in person", "book it for 1
# person", "a table for 4 people", "price per person".
_NO_PERSON_ASKED = re.compile(r"\b(?:in|per|a|each|one|\d+|two|three|four|five|six|seven|eight|nine|ten) "
                              r"(?:person|persons|people|adults?|guests?)\b"
                              # (nor whether someone is real, people in general, a place's phone, the
                              # user's own boss: "was jack a real person", "do people speak english
                              # there", "does it have a phone number I could call?", "my manager is 29")
                              r"|\b(?:are|r) (?:you|u) (?:a )?real\b|\b(?:was|is) \w+ a real (?:person|human)\b"
                              r"|\b(?:do|did|would|will) people\b|\bmy (?:manager|boss|supervisor|coworker|colleague)\b"
                              r"|\bi work\b")
# ...nor a place's phone asked for, where no person is: "does it have a phone number I could
# call?", "i'll call them myself" (not "Is there a phone number where I can reach a human?").
_A_PLACES_PHONE = re.compile(r"\bphone number\b|\bcall (?:them|it|the \w+)\b|\bi'?ll call\b")
_A_PERSON = re.compile(r"\b(?:human|person|someone|somebody|agent|representative|operator|staff|people)\b")


def _read_meaning(model, sessions: list) -> None:
    """Give every turn what detection compares by meaning: how strongly its message asks
    for a person or complains, and, where a next turn could be a rephrase of it, the
    vectors of its question and answer (and of the next message)."""
    from .intents import intent_strengths

    # Only a message after an answer can say that answer missed.
    turns = [t for _, session in sessions for t in session[1:] if t.asked]
    escalation, frustration = intent_strengths(model, [t.asked for t in turns])
    for turn, e, f in zip(turns, escalation.tolist(), frustration.tolist(), strict=True):
        # (In the other languages the patterns read, the model's few words of them would take
        # "ich möchte Menschen helfen" for "ich möchte mit einem Mitarbeiter sprechen". A
        # message that only tells asks for no person, however close its words; nor one that
        # asks or says whether the bot is one: "r u a bot", "thats exactly what a bot would
        # say"; nor one that counts people or goes in person.)
        message = turn.message
        asks = (message.in_english and message.asks and _ABOUT_THE_BOT.search(turn.asked) is None
                and _NO_PERSON_ASKED.search(turn.asked) is None
                and (_A_PLACES_PHONE.search(turn.asked) is None or _A_PERSON.search(turn.asked) is not None))
        # (A goodbye says nothing against the answer by meaning: "OK. Nothing else.")
        # (Nor is a sigh at how things are, taken with an ok, a complaint of the answer: "ugh
        # really ok six thirty then", "ugh they raised it again. fine"; nor surprise at a fact,
        # "no way thats true"; nor the user's own slip, "wait sorry wrong number, it's 70012".)
        resigned = f and (_SIGHS_AND_TAKES_IT.search(turn.asked) or _SURPRISED.match(turn.asked)
                          or message.corrects_itself or _OWN_SLIP.search(turn.asked))
        turn.escalation, turn.frustration = (e if asks else 0.0), (0.0 if message.closing or resigned else f)
    pairs = [(a, b) for _, session in sessions for a, b in zip(session, session[1:], strict=False)
             if could_rephrase(a, b)]
    questions = {id(t): t for pair in pairs for t in pair}
    wanted = list(questions.values())
    for turn, vector in zip(wanted, model.embed([t.asked for t in wanted]), strict=True):
        turn.vector = vector
    answered = [a for a, _ in pairs]
    for turn, vector in zip(answered, model.embed([a.answered[:ANSWER_LIMIT] for a in answered]), strict=True):
        turn.answer_vector = vector
    # The questions the answers of a conversation end on: one asked again may be forgotten.
    asking = [t for _, session in sessions if len(session) > 1 for t in session if t.reply.question_back]
    for turn, vector in zip(asking, model.embed([t.reply.question_back for t in asking]), strict=True):
        turn.question_back_vector = vector
    # Whether an answer addresses its question is read from their words that carry meaning:
    # the function words they share ("how do I", "you can") say nothing of the topic.
    requests = [t for _, session in sessions for t in session if _is_plain_request(t)]
    # (Turn.addressed is only compared with the bounds of closeness_needed, none above
    # OFF_TOPIC: the sentences of an answer whose whole lies closer cannot change it, and
    # are not read.)
    closeness = closeness_to_question(model, requests, ADDRESSING_SENTENCES, below=max(OFF_TOPIC, SHORT_OFF_TOPIC))
    for turn, close in zip(requests, closeness, strict=True):
        turn.addressed = close


# An answer that reads as a joke or a poem: a question and its punchline, lines.
_READS_AS_A_PIECE = re.compile(r"\?\s*\S|\n|\s/\s")


def _is_plain_request(turn: Turn) -> bool:
    """A message asking for something in English (the language the meaning model knows
    best), whose answer is long enough to tell what it is about and does not plainly take
    up the message's own words: what :func:`_off_topic` must read by meaning. What the
    message and the answer are each is read once a text (:mod:`.turns`); only whether this
    answer takes up this message's words is the turn's own."""
    topic = turn.message.request_topic
    if topic is None:
        return False
    if turn.message.asks_for_a_piece and _READS_AS_A_PIECE.search(turn.answer) is not None:
        return False  # (a pun to "tell me a joke", a haiku to "write me a haiku", in words of their own)
    answer = turn.reply.gist_words
    if answer is None:
        # A short answer that names nothing ("Sounds fun.", "We offer free vaccinations."),
        # to a question whose words it takes up none of, is read by meaning too.
        return (turn.reply.says_little and turn.message.asks_a_question
                and turn.message.words.isdisjoint(turn.reply.words))
    return len(topic & answer) < ON_TOPIC_SHARE * len(topic)  # the answer takes up the request's words


def _answered_with_a_question(turn: Turn) -> list[Found]:
    """A question answered only by a question on something else ("how far is the moon?" -
    "Do you like science fiction films?"), or by a change of subject: what a chatbot does
    with a question it cannot answer. The answer shares no topic word with the question,
    and asks nothing the request needs; a task ("book me a table for 4" - "What kind of
    food?"), a request for advice or a plan, which a question back may narrow first
    ("what should I cook tonight?" - "Any dietary restrictions?"), or a question about a
    journey ("when is the next 54?" - "Where are you leaving from?") is left alone."""
    message, reply = turn.message, turn.reply
    if not reply.only_asks_back:
        return []  # (most answers: settled by what the answer is)
    # (A question that gets to know the user narrows no request: "can you give me an egg
    # substitute for cookies?" - "how many grandkids do you have ?")
    narrows = ASKS_OF_THEIR_LIFE.match(turn.answered) is None
    if (not message.asks_a_question or (message.asks_for_advice and narrows) or not message.asks or message.closing
            or (reply.asks_what_a_task_needs and not message.wants_to_know and narrows)
            or (reply.asks_where_from_or_to and message.asks_of_a_journey)
            or message.asks_for_person or message.complains or not message.words or not message.in_english
            or not message.words.isdisjoint(reply.words)
            or ((reply.says_yes_or_no or _AGREES.match(turn.answered))
                and (message.may_ask_yes_or_no or not message.wants_to_know))
            or (_GUESSES.match(turn.answered) and _RIDDLE.search(turn.asked))
            or (_OPENS_ON_TRIVIA.match(turn.answered) and _ASKS_TO_BE_TOLD_SOMETHING.search(turn.asked))):
        return []  # (nor "a lexus? very fancy haha" - "Indeed! Anything else?", which says yes to it; nor
        # "tell me something" - "did you know that sea otters hold hands...?", which tells it)
    return [_answered_off_topic(turn, "question_back",
                                "a question answered only with another question or a change of subject")]


_AGREES = re.compile(r"\W*(?:indeed|it is|it sure is|they are)\s*[,.!;:]")  # ("Indeed! Anything else?")
# A guess put as a question answers a riddle or a quiz: "what has keys but cant open locks" -
# "hmm , is it a piano ?".
_RIDDLE = re.compile(r"\b(?:riddle|guess|what am i|what (?:has|have|gets|goes|can|is it that)|who am i)\b")
_GUESSES = re.compile(r"\W*(?:(?:hm+|um+|uh+|oh+|ooh|ok|okay|let me think|i think|i guess|wait)\W+)*"
                      r"(?:is it|is that|are they|would it be|could it be) (?:a |an |the )?[^?.!]{1,30}\?\W*$")


def _changes_the_subject(turn: Turn, previous: Turn | None) -> list[Found]:
    """An answer that announces it leaves what was said for something else
    (:data:`.answer_phrases.ANNOUNCES_ANOTHER_SUBJECT`), unless it repairs the answer before;
    or that opens on a fact nobody asked for, of nothing said (:func:`_unasked_trivia`)."""
    answered = turn.answered
    if _unasked_trivia(previous, turn):
        return [_answered_off_topic(turn, "unasked_trivia", "the answer tells a fact of nothing said, unasked")]
    if not ("by the way" in answered or "btw" in answered or "speaking of" in answered or " note" in answered
            or "subject" in answered or "random" in answered or "anyway" in answered):
        return []  # (most answers, cheaply)
    if ANNOUNCES_ANOTHER_SUBJECT.search(answered) is None or turn.reply.repairs:
        return []
    return [_answered_off_topic(turn, "changes_subject", "the answer changes the subject")]


# An answer that opens on a reaction ("oh nice, ...", "wow, ...") or asks of what was told
# ("what was it?", "how did that go?").
_REACTS = re.compile(r"\W*(?:oh|ooh|wow|nice|cool|great|haha|ha|aw+|ugh|yikes|ouch|same|fair|sure|ok|okay|"
                     r"hmm+|interesting|lovely|congrats|good)\b")
_WANTS = re.compile(r"\b(?:i|we) (?:want|need|would like|'d like|wanna|am looking|'m looking|am thinking|'m thinking|"
                    r"plan|hope)\b|\bi'?m (?:trying|planning|looking|thinking)\b")
_REFERS_BACK = re.compile(r"\b(?:it|that|this|they|them|those|he|she|him|her|there)\b")


def _unasked_trivia(previous: Turn | None, turn: Turn) -> bool:
    """An answer that opens on "did you know..." or "fun fact:" with a fact none of whose
    words the message or the answer before used ("next monday. kinda nervous tbh" - "did you
    know bananas are technically berries?"): a chatbot's line that fits nothing. Not where
    the user asked to be told something ("tell me something" - "did you know that sea otters
    hold hands...")."""
    if not turn.answered.startswith(("did you know", "fun fact", "random fact", "oh ", "hey ", "so ", "btw", "also ")):
        return False  # (most answers, cheaply)
    if _OPENS_ON_TRIVIA.match(turn.answered) is None or _ASKS_TO_BE_TOLD_SOMETHING.search(turn.asked):
        return False
    said = turn.words | (previous.answer_words if previous is not None else frozenset())
    return heads(said).isdisjoint(heads(turn.answer_words))


_OPENS_ON_TRIVIA = re.compile(r"\W*(?:(?:oh|hey|so|also|btw|by the way)\W+)?(?:did you know|fun fact|random fact)\b")
_ASKS_TO_BE_TOLD_SOMETHING = re.compile(r"\b(?:tell me|fact|something|entertain|random|trivia|teach me|surprise me)\b")


def _may_have_jumped(previous: Turn | None, turn: Turn) -> bool:
    """What the user told answered only by a question on something else, with no word
    taken up before it ("oh that makes sense" - "do you have any pets?", "thats messed up" -
    "do you like swimming?"): the chatbot may have jumped (:func:`_jumped`). A reaction
    first ("That's fair. Do you have any pets?", "Oh nice, what was
    it?") takes what was told up; a question on what was told ("what kind of dog?", "How
    was it?") shares its words or points back. Not the first turn, nor after the bot's own
    question, which the message may answer and a next question follow ("Nope, anything" -
    "Do you have an area in mind?"), nor after a want ("I want to change careers" - "What
    field are you thinking of?")."""
    message, reply = turn.message, turn.reply
    if previous is None or not turn.answered.rstrip().endswith("?") or message.asks_a_question:
        return False  # (most turns, settled cheaply)
    sentences = [s for s in reply.sentences if s.strip()]
    return not (previous.reply.question_back is not None or _REACTS.match(turn.answered)
                or _WANTS.search(turn.asked) or _REFERS_BACK.search(turn.answered)
                or len(sentences) != 1 or not reply.only_a_question or message.closing
                or message.greets_only or not message.in_english or not message.words
                or reply.asks_what_a_task_needs or not message.words.isdisjoint(reply.words) or message.complains
                or message.asks_for_person)


# (An answer that opens on its feeling for the user, "i 'm glad ! keep at it", "I hope you
# get some rest", reacts to them: it does not tell of itself. "i'm happy my team won", "i
# hope to visit japan someday" do.)
_OF_ITSELF_FIRST = re.compile(r"\W*(?:i|i'm|i've|i'd|my|me)\b(?!\W*(?:(?:am |'m |m )?(?:so |really )?"
                              r"(?:glad(?:\W*(?:[!.]|$)| you| i could| to hear)"
                              r"|sorry (?:to hear|you|about your|for your)|(?:happy|proud) (?:for|of) you)"
                              r"|hope (?:you|your|it|so|that|things|he|she|they)\b))")
# A task bot's report of what it did: "I've set a reminder for...", "I have booked a taxi..."
# (not "I've never done yoga", "I moved here ten years ago").
_REPORTS_IT_DONE = re.compile(r"\W*(?:i've|i have|i) (?:just )?(?:set|added|booked|reserved|scheduled|sent|changed"
                              r"|updated|cancell?ed|ordered|created|moved)\b(?! (?:here|there|to|from|in)\b)")


# An assistant's report of what its search found: "I found 5 buses.", "I've found a few".
_REPORTS_A_FIND = re.compile(r"\W*i(?:'ve| have)? found\b")


def _tells_of_itself_elsewhere(previous: Turn | None, turn: Turn) -> bool:
    """The answer tells of the bot, in a sentence or two, with no question, no reaction
    first and no word of the message or of the answer before it: "skateboarding" - "I have
    three kids and a mortgage and I work in insurance.", "anime and korean drama" - "My
    bearded dragon is shedding his skin this week." (A persona chatbot also tells of itself
    so when it has nothing to add: the signal counts for little.)"""
    answered = turn.answered
    if previous is None or "?" in answered or _OF_ITSELF_FIRST.match(answered) is None:
        return False
    reply = turn.reply
    if reply.takes_back or reply.apologises or reply.repairs or _HAS_IT_NOT_FIRST.match(answered):
        return False  # ("My apologies. Rembrandt, in 1642.", "I'm afraid I don't have the entrance fee.")
    if _REPORTS_IT_DONE.match(answered) and asks_to_do(turn.asked):
        return False  # a report of what was asked: "remind me the night before" - "I've set a reminder for..."
    if GOES_TO_WORK.match(answered) or _REPORTS_A_FIND.match(answered):
        return False  # ...or it goes to do it, or finds: "i'm on it", "I found 4 events. ..."
    if _ASKS_YES_OR_NO_OF_THE_BOT.search(turn.asked) and _SAYS_YES_OR_NO_OF_ITSELF.match(answered):
        return False  # it was asked of itself: "Have you been there?" - "I have not, but..."
    if _ASKS_IT_BACK.search(turn.asked) or _answers_in_kind(turn):
        return False  # ...or asked back: "11th . u ?" - "i finished school a while ago, now i work at a bakery"
    if _tells_what_it_does(turn):
        return False  # ...or what it does: "what do you do for fun?" - "i love to dance"
    if _ASKS_WHY.match(turn.asked):
        return False  # ...or why it said what it said: "japanese why" - "i'm hoping to move to osaka"
    if _POINTS_BACK_FIRST.match(answered):
        return False  # ...or it takes up what was told first: "hereditary" - "i haven't seen that one, ..."
    if gives_the_opinion_asked(turn):
        return False  # ...or its taste: "whats ur fav thing to cook" - "i love making soups"
    return (len([s for s in reply.sentences if s.strip()]) <= 2 and bool(turn.words)
            and turn.words.isdisjoint(reply.words) and previous.answer_words.isdisjoint(reply.words)
            and not turn.closing and turn.message.in_english and not turn.message.greets_only)


_HAS_IT_NOT_FIRST = re.compile(r"\W*(?:i'm afraid|i am afraid|unfortunately|i (?:don't|do not) know|i'm not sure"
                               r"|i am not sure|i (?:don't|do not) have (?:the|that|their|its|this|information|details"
                               r"|data)\b)")
# A message of a few words that asks why (of what the bot said before): "japanese why", "how
# come?", "why tho" (not "why is the sky blue", which asks of the world).
_ASKS_WHY = re.compile(r"\W*(?:\w+\W+){0,2}(?:why|how come)(?:\W+(?:tho|though|not|so|lol|haha))?\W*$")
# An answer whose first clause, of a few words, points back to what was told: "i haven't seen
# that one, i scare too easily", "i'd love that", "i've never tried it" (not "i have three kids
# and a mortgage", nor "I would wait a week or two before reporting it.").
_POINTS_BACK_FIRST = re.compile(r"\W*(?:i|i'm|i've|i'd)\b(?:\s+[^\s,.!?;]+){0,3}?\s+"
                                r"(?:that one|that|it|them|those|this one)\W*(?:[,.!?;]|$)")


def _opens_a_subject_of_its_own(previous: Turn | None, turn: Turn) -> bool:
    """What the user told of their day, their people or their feelings, asking nothing
    ("just 1 little bro hes soooo annoying. he took my charger AGAIN", "my daughter... but
    she works so much", "hes stable now . heart stuff"), answered by a subject of the
    bot's own in its first words, with no reaction, no word pointing back and no word of
    the message or of the bot's answer before: "i love going to the beach in summer, do you
    like the beach?", "knitting is my favorite hobby.", "what kind of music do you listen
    to ?". Not after a question a task needs ("What area and price range?"), nor a message
    of a word or two ("lol", "same"), nor one that wants something ("i'm thinking of
    getting a dog" - "do you like big dogs?"). A question after a word of reaction ("cool!
    do you have any pets?") is :func:`_moved_on`'s, and counts for less."""
    answered = turn.answered
    if _OPENS_A_SUBJECT.match(answered) is None:
        return False
    message, reply = turn.message, turn.reply
    if (message.asks_a_question or message.closing or message.greets_only or not message.in_english
            or len(message.words) < _TOLD_WORDS or _WANTS.search(turn.asked) or message.complains
            or _MAY_ASK.search(turn.asked)):
        return False
    if not (_TELLS_A_FEELING.search(turn.asked) or message.mentions_bad_news or _FEELING.search(turn.asked)
            or _GRIEF.search(turn.asked) or _DISTRESS.search(turn.asked)
            or ("!" in turn.asked and _GOOD_NEWS.search(turn.asked))):  # (news told with joy: "my first 10k!!")
        return False  # (an outing or a film told, "spent the weekend in the mountains", may be taken up so)
    if reply.repairs or reply.takes_back or reply.apologises or (
            previous is not None and previous.reply.asks_what_a_task_needs):
        return False
    first = reply.sentences[0] if reply.sentences else answered
    before = previous.answer_words if previous is not None else frozenset()
    return (_REFERS_BACK.search(first) is None and _SAME_HERE.search(first) is None
            and _SYMPATHY.search(answered) is None
            and (message.words | before).isdisjoint(reply.words - _TASTE_WORDS))


_TOLD_WORDS = 3  # "peonies smell sooo good": enough told to be taken up
# A feeling or a trouble in what was told: "hes soooo annoying", "she works so much", "so im not
# happy", "tonight was rough".
_TELLS_A_FEELING = re.compile(r"\b(?:annoying|annoyed|hate|hates|sad|upset|tired|rough|awful|terrible|stressed"
                              r"|worried|scared|not (?:happy|great|good)|sucks|ugh|mad|angry|sick|hospital|lost|died"
                              r"|passed|lonely|so much|so+ (?:good|bad|annoying|tired|sad|happy)|s[o]{3,}"
                              r"|surgery|cancer|heart|stroke|pain|hurt|injured|ill)\b")
# A message that may ask without a question mark: "whats your favorite movie", "what do u like
# to read", "and you".
_MAY_ASK = re.compile(r"\b(?:what|whats|wat|who|whos|which|where|how|why|when)\b|\b(?:do|did|have|are|can|would"
                      r"|will) (?:you|u)\b|\b(?:wbu|hbu)\b|\b(?:you|u)\W*$")
# ...and an answer that says the bot shares what was told: "i love cycling too!", "same here".
_SAME_HERE = re.compile(r"\b(?:too|also|as well|same|either)\b")
# Words of taste an answer may share with anything: "good", "love", "like".
_TASTE_WORDS = frozenset(content_words("good great nice love like best fun"))
# A subject an answer opens of its own: its love of a thing ("i love going to the beach",
# "knitting is my favorite hobby"), or a question of the user's ways and tastes ("have you
# ever tried playing the ukulele?", "do you know any good places to buy a used car around
# here?", "what kind of music do you listen to?", "do you like the beach?").
_OPENS_A_SUBJECT = re.compile(
    r"\W*(?:(?:so|anyway|hey)\W+)?(?:"
    r"i (?:really |just |absolutely )?(?:love|like|enjoy|adore) "
    r"(?!(?:it|that|this|them|those|your|you|hearing|to hear)\b)"
    r"|(?:\w+ ){1,3}(?:is|are) my (?:favou?rite|fav) "
    r"(?:hobby|hobbies|thing|food|sport|season|place|band|show|movie|game)"
    r"|have (?:you|u) ever (?:tried|been|played|seen|heard|gone|visited)\b"
    r"|do (?:you|u) know (?:any|a) (?:good|great|nice)\b"
    r"|what kind of [\w ]{1,20} do (?:you|u) (?:listen|play|watch|read)\b"
    r"|do (?:you|u) (?:like|enjoy|play|watch|listen|collect|prefer)\b|would (?:you|u) rather\b"
    r"|(?:what's|whats|what is) (?:your|ur) (?:favou?rite|fav)\b)")


def _tells_a_favourite_unasked(turn: Turn) -> bool:
    """An answer that tells a favourite of the bot's that nothing in the message asks for or
    speaks of: "what day is it today" - "My favorite color is blue.", "ok" - "My favourite
    colour is blue.", "one sister" - "my favorite color is green .". Not one the message
    asks for ("do u have a fav food"), nor one on what it spoke of ("listen to old music, like
    the Beatles" - "i love the beatles ! my favorite album is abbey road")."""
    answered = turn.answered
    if "fav" not in answered:
        return False  # (nearly all answers, cheaply)
    told = _A_FAVOURITE_TOLD.search(answered)
    if told is None or "fav" in turn.asked or told.group(1) in turn.asked or _ASKS_ITS_TASTE.search(turn.asked):
        return False
    return turn.message.in_english and turn.words.isdisjoint(turn.reply.words)


# A favourite an answer tells: "my favorite color is green", "my favourite food is pizza".
_A_FAVOURITE_TOLD = re.compile(r"\bmy fav(?:ou?rite|e)? (\w+) (?:is|are)\b")
# ...and a message that asks the bot's taste, which a favourite answers: "what do you like to
# eat", "do you like music", "what about you".
_ASKS_ITS_TASTE = re.compile(r"\b(?:do|did|would) (?:you|u) (?:like|love|enjoy|prefer)\b|\bwhat (?:do|did) (?:you|u) "
                             r"(?:like|love|enjoy)\b|\b(?:you|u)\W*\?|\bwhat about (?:you|u)\b|\b(?:wbu|hbu|and you)\b")


def _tells_what_it_does(turn: Turn) -> bool:
    """The message asks what the bot does, or its year at school, and the answer tells it."""
    return bool((_ASKS_WHAT_IT_DOES.search(turn.asked) and _TELLS_WHAT_IT_DOES.match(turn.answered))
                or (_ASKS_ITS_WORK.search(turn.asked) and _TELLS_ITS_WORK_FIRST.match(turn.answered))
                or (_ASKS_ITS_YEAR.search(turn.asked) and _TELLS_ITS_YEAR.search(turn.answered)))


# A question of what the bot does, answered with a thing it does ("what do you do for fun?" -
# "i love to dance , i take salsa classes"; not "i am allergic to peanuts"), or of its year at
# school answered with one ("what year are u in" - "i am a junior").
# (Its work or its hobbies too: "what do you do for work?" - "i'm a librarian", "do you have
# any hobbies?" - "i collect stamps", "what do u do?" - "i own an auto repair shop", "anyway,
# what do you do?" - "i'm in nursing school".)
_ASKS_WHAT_IT_DOES = re.compile(r"\bwhat (?:do|did) (?:you|u) do\b(?! (?:with|about|if|to|that|this|it)\b)"
                                r"|\bdo (?:you|u) do anything\b|\b(?:any|your|ur) hobbies\b"
                                r"|\bwhat(?:'s| is|s) (?:your|ur) hobby\b")
_TELLS_WHAT_IT_DOES = re.compile(r"\W*(?:(?:i'm|im|i am)\s+(?:(?:currently|actually|just|still)\s+)?"
                                 r"(?:an?|in|at|into|retired|studying|training)\b"
                                 r"|(?:i|i'm|i am)\s+(?:(?:really|also|mostly|usually|just|like to|love to)\s+)*"
                                 r"(?:love|like|enjoy|play|work|do|take|go|paint|read|bake|cook|hike|run|swim|dance"
                                 r"|teach|study|write|volunteer|draw|sing|garden|knit|fish|surf|ski|stay|collect|own"
                                 r"|drive|fix|build|make|manage|raise|grow|keep|coach|sell|look after|am an?"
                                 r"|'m an?)\b)")
# ...and of its work, answered with work, not with a pastime ("where do u work" - "i love to go
# hiking on weekends" tells none).
_ASKS_ITS_WORK = re.compile(r"\bwhat(?:'s| is|s) (?:your|ur) job\b|\bwhere do (?:you|u) work\b")
_TELLS_ITS_WORK_FIRST = re.compile(r"\W*(?:(?:i'm|im|i am)\s+(?:(?:currently|actually|just|still)\s+)?"
                                   r"(?:an?|in|at|retired)\b|i (?:work|teach|own|run|drive|manage|build|sell)\b)")
_ASKS_ITS_YEAR = re.compile(r"\bwhat (?:year|grade) (?:are|r) (?:you|u) in\b")
_TELLS_ITS_YEAR = re.compile(r"\b(?:freshman|sophomore|junior|senior|first|second|third|fourth|final|last"
                             r"|\d+(?:st|nd|rd|th)|year|grade)\b")
# The same question asked of the bot: "11th . u ?", "and you?", "what about you", "wbu".
_ASKS_IT_BACK = re.compile(r"(?:^|\W)(?:(?:and|what about|how about) )?(?:you|u|urself|yourself)\s*\?"
                           r"|\b(?:wbu|hbu)\b|\b(?:what|how) about (?:you|u|yourself|urself)\b")
# A question of the bot itself for a yes or a no ("do you like to swim?", "have you been
# there?"), which an answer of itself gives first ("I do!", "I have not, but...", "Not
# really."): "Do you like sushi?" - "I run every morning." gives none.
_ASKS_YES_OR_NO_OF_THE_BOT = re.compile(r"(?:^|[,.!?]\s*|\b(?:and|so|but|ok|oh|cool|nice|wow)\W+)"
                                        r"(?:do|did|have|are|were|would|will|can|could) (?:you|u)\b")
_SAYS_YES_OR_NO_OF_ITSELF = re.compile(
    r"\W*(?:(?:oh|well|haha|ha|hmm+|honestly|actually)\W+)*(?:yes|yeah|yep|yup|no|nope|nah|not really|never|sometimes|"
    r"of course|definitely|absolutely|sure|i (?:do|don't|did|didn't|have|haven't|have not|am|am not|was|wasn't|would|"
    r"wouldn't|will|won't|can|can't|could|couldn't)\b|i've (?:never|not|been|always)|i'm (?:not|a big|a huge))\b")
_BARE_REACTION_WORDS = 3  # "Nice!", "cool!", "oh fun." before the next question
_A_TASKS_DETAIL = re.compile(r"\b(?:reference|number|code|account|order|booking|reservation|ticket|flight|email|"
                             r"address|phone)\b")


def _moved_on(previous: Turn | None, turn: Turn) -> bool:
    """The user answered the bot's question, and the answer, with no more than a word of
    reaction, asks one that gets to know anyone, of nothing said: "what kind of software do
    you work on?" - "Payments backend for a fintech startup" - "cool! do you have any pets?".
    A chatbot's way of going on as often as a jump: it counts for little. (Not a question a
    task needs: "nope, anything" - "Do you have an area in mind?")"""
    if (previous is None or previous.reply.question_back is None or not turn.message.answers_back
            or _A_TASKS_DETAIL.search(previous.reply.question_back)):
        return False  # (a booking's reference, then its seat, is a task's next question)
    reply = turn.reply
    if reply.repairs or _NOTHING_MUCH.match(turn.asked):
        return False  # ("you just asked me that lol" - "ha, sorry. so do you..."; "nm": nothing to take up)
    sentences = [s for s in reply.sentences if s.strip()]
    if not 1 <= len(sentences) <= 2 or not sentences[-1].rstrip().endswith("?"):
        return False
    if len(sentences) == 2 and (len(sentences[0].split()) > _BARE_REACTION_WORDS
                                or _REACTS.match(sentences[0]) is None):
        return False
    message = turn.message
    return (GETS_TO_KNOW.match(sentences[-1]) is not None and message.in_english and bool(message.words)
            and not message.closing and not reply.asks_what_a_task_needs and message.words.isdisjoint(reply.words)
            and previous.reply.question_back_words.isdisjoint(reply.words))


# An answer that gives nothing to take up: "nm", "not much", "same", "idk".
_NOTHING_MUCH = re.compile(r"\W*(?:nm|nmu|nothing(?: much)?|not much|nada|same(?: here)?|me too|idk|dunno)\W*$")


def _jumped(turn: Turn) -> list[Found]:
    """A turn of :func:`_may_have_jumped` whose question is one that gets to know anyone,
    asked of nothing told ("do you have any pets?", "what's your favourite food?"): a
    jump. A question about what was told, however few words it shares ("I have two dogs."
    - "What breeds?", "I spent the weekend camping." - "Did you see any bears?"), is none."""
    if GETS_TO_KNOW.match(turn.answered) is None:
        return []
    return [_answered_off_topic(turn, "told_asked_elsewhere",
                                "what the user told answered only by a question on something else")]


def _taken_back(previous: Turn, turn: Turn, pushed_back: bool, complained: bool = False,
                said_back: bool = False) -> list[Found]:
    """An answer the next one takes back ("You're right, sorry, a hoop is 10 feet high.",
    "I apologise for the confusion: ..."): the bot owned the miss, whatever the user said to
    make it. Not an apology for what it cannot do now ("Sorry, I can't book flights"), or
    for not understanding, nor one after the user corrected a slip of their own ("oops, I
    meant Tuesday"), nor one for bad news ("Sorry, there is no Turkish restaurant in the
    east": the user's "no, something in the east" was a new request). A bare "Sorry!"
    counts only after the user pushed back on the answer (``pushed_back``: their message
    gave a signal about it, or it opens on "no", "um no", "wait", "actually"...): to "my
    cat died" it is sympathy, to "is it in stock?" bad news. A "You're right, ..." counts
    only after the user said the answer missed (``complained``) or pushed back in so many
    words: to "I think Lisbon is lovely in May" it agrees. ``said_back``: the answer says
    back what the user set right, with a sorry (:func:`_says_it_back_sorry`)."""
    reply = turn.reply
    if (reply.could_not_help or reply.did_not_understand or turn.message.corrects_itself
            or previous.reply.asks_for_feedback or reply.owns_an_earlier_miss
            or ((stands := _STANDS_BY_IT.match(turn.answered)) is not None
                and stands.group(1) in previous.answer_words)):
        return []  # (nor the thanks for what it should have said: that question owned the miss before it)
    if reply.takes_back or (said_back and _OFFERS_HELP.search(previous.answered) is None
                            and previous.answered.count(" ") >= 3):
        owned = True  # (a word said back and a sorry: not after "How can I help today?" nor "hi!")
    elif reply.apologises:
        # (After bad news, "I'm sorry" is sympathy: "no she passed 2 years ago" - "I'm sorry
        # she couldn't be there"; unless the user said the answer missed it: "I said I'm scared".)
        owned = (complained or not turn.message.mentions_bad_news) and (
            pushed_back or (_pushes_back(previous, turn)
                            and not (reply.tells_there_is_none and not previous.reply.says_yes_or_no))
            or _says_what_was_echoed(previous, turn))
    else:  # "You're right, ..." agrees with any claim: only after a complaint does it own a miss
        # (or after the answer's word echoed in disbelief, then a name the answer now takes up:
        # "Barcelona?? La Albufera is next to Valencia." - "Perdón, you're right. ...Valencia...";
        # not "three hearts?? that's wild" - "You're right, it is wild!")
        owned = complained or PUSHES_BACK.match(turn.asked) is not None or (
            _ECHOED_IN_DISBELIEF.match(turn.asked) is not None
            and (_takes_up_a_name(previous, turn) or _OWNS_IT_WAS_WRONG.search(turn.answered) is not None)) or (
            reply.agrees and _agrees_it_was_wrong(previous, turn))
    if not owned:
        return []
    return [Found(previous.pk, "taken_back", confidence("taken_back", "next_answer"),
                  f"the next answer takes this one back: {quote(turn.answer, 70)}",
                  evidence={"turn": turn.trace_id, "text": turn.answer[:300]})]


# An answer that opens on a few words and a bare sorry: "fifteen, sorry!", "right, tampa,
# sorry!" (not "91, i'm so sorry to hear that", nor "Sarah, sorry about that!", which is
# sympathy for the trouble told).
_BACK_AND_SORRY = re.compile(r"^\W*(?:(?:oh|ah|right|ok|okay|yes|yeah|oops|whoops)\W+)*([a-z0-9']+(?: [a-z0-9']+){0,2})"
                             r"(?:\W+(?:right|yes|yeah|of course|oops|definitely))?"  # ("Biscuit, right, sorry!")
                             r"\W+(?:sorry|my bad|my mistake|my slip|apologies|good catch)\b"
                             r"(?!\W+(?:for (?:the|your|any)|to|you|that|about your)\b)")


def _says_it_back_sorry(turns: list[Turn], at: int) -> bool:
    """The answer of the ``at``-th of ``turns`` (not the first) says back what the user set
    right and is sorry for it: "i've been flying for 15 years" - "with ten years of
    flying..." - "fifteen actually" - "fifteen, sorry!" (a word of the message, not a word
    alone of no meaning); or a day or a month after its sorry, one the user told in an
    earlier message and says again in place of another the answer before named: "i have
    the SAT on saturday" ... "...your test is on Sunday" - "its saturday tho" - "Sorry,
    Saturday!", "thinking next october" ... "a june wedding?" - "october!" - "sorry ,
    october ." (not "what about sunday" - "Sorry, Sunday, we're closed.", a day asked for
    the first time)."""
    turn = turns[at]
    answered = turn.answered
    if "sorry" not in answered and "my " not in answered and "apologies" not in answered and "catch" not in answered:
        return False
    if (day := _SORRY_THEN_THE_DAY.match(answered)) is not None:
        return (day.group(1) in turn.asked
                and bool(set(_A_DAY_OR_MONTH.findall(turns[at - 1].answered)) - {day.group(1)})
                and any(day.group(1) in turns[n].asked for n in range(at)))
    m = _BACK_AND_SORRY.match(turn.answered)
    if m is None or not _names_what_was_said(m, turn):
        return False  # ("Flight cancelled, sorry!" is sympathy)
    said = m.group(1).split()
    asked = set(WORD.findall(turn.asked))
    return all(word in asked for word in said) and any(word not in STOPWORDS for word in said)


def _names_what_was_said(said: re.Match, turn: Turn) -> bool:
    """The words an answer says back before its sorry set something right, as a correction
    owned says them: a count ("fifteen", "15"); after or before a "right", a "yes", an "oh"
    ("Yes, Armstrong was first, sorry.", "Portland, right, sorry!"); with "my mistake" or
    "my bad" ("Denver, sorry, my mistake."); or a word the user wrote in capitals
    ("BISCUIT!!"). Not sympathy: "Flight cancelled, sorry!" of "my flight got cancelled"."""
    words = said.group(1).split()
    if words[0] in NUMBER_WORDS or words[0][:1].isdigit():
        return True
    if said.start(1) > said.start(0) + 1 or _OWNED_AFTER.match(turn.answered, said.end(1)):
        return True  # (an interjection before or after it)
    if _MY_MISTAKE.search(turn.answered, said.end(1), said.end(1) + 40):
        return True
    return any(w.isupper() for w in re.findall(rf"\b{re.escape(words[0])}\b", turn.question, re.IGNORECASE))


# A day said back after a sorry: "Sorry, Saturday!", "oops, sorry - friday."
_SORRY_THEN_THE_DAY = re.compile(rf"^\W*(?:(?:oh|oops|whoops)\W+)?(?:sorry|my bad|my mistake)\W+"
                                 rf"({WEEKDAYS}|{MONTHS_BUT_MAY})\b\W*(?:[!.]|,|$)")
# A day of the week or a month, as a word of a (lower-cased) text.
_A_DAY_OR_MONTH = re.compile(rf"\b(?:{WEEKDAYS}|{MONTHS_BUT_MAY})\b")
_OWNED_AFTER = re.compile(r"\W+(?:right|yes|yeah|of course|oops|definitely)\b")
_MY_MISTAKE = re.compile(r"\b(?:my (?:mistake|bad|slip|apologies)|good catch)\b")


def _agrees_it_was_wrong(previous: Turn, turn: Turn) -> bool:
    """An answer that opens "You're right" and says in so many words that it was wrong
    ("You're right, it was Bach, sorry!", "...Gold is Au, I mixed them up."), or puts the
    value the user doubted it with in place of its own ("13 July 1986" - "1985 surely?" -
    "You're right, it was 13 July 1985"). Not one that agrees with a surprise or a claim
    ("really? that's taller than i expected" - "You're right, it's surprisingly tall"), a
    value asked on ("and K2 is 8,611?" - "You're right, K2 is 8,611 metres"), one more ("i
    thought there was an 8:45 too?"), nor a guess at the bot's own question ("was it
    Michelangelo?" - "You're right!")."""
    first = SENTENCE_BREAK.split(turn.answered, maxsplit=1)[0]
    if _SORRY_IN_ITS_AGREEMENT.search(first) is not None or _I_WAS_WRONG.search(turn.answered) is not None:
        return True
    return (_RIGHT_OF_A_CLAIM.search(first) is None and previous.reply.question_back is None
            and _PUTS_IT_FORWARD.search(turn.asked) is not None and _ONE_MORE.search(turn.asked) is None
            and _puts_the_users_value_in(previous, turn))


def _says_what_was_echoed(previous: Turn, turn: Turn) -> bool:
    """The message echoes, in disbelief, words the answer before did not say, and the answer
    says them now: "Michelangelo" - "leonardo da vinci?? lol" - "Yes, sorry, Leonardo da
    Vinci" (not "Shakespeare" - "shakespeare??", an echo of the answer's own word, nor a
    sorry that says yes to it)."""
    echoed = _ECHOED_IN_DISBELIEF.match(turn.asked)
    if echoed is None or _SORRY_BUT_SO.match(turn.answered) is not None:
        return False  # (nor "Sorry, yes, Ippudo closed last month" of "ippudo closed??": bad news)
    words = content_words(echoed.group(0))
    return bool(words) and previous.answer_words.isdisjoint(words) and words <= turn.answer_words


def _puts_the_users_value_in(previous: Turn, turn: Turn) -> bool:
    """The answer takes up a name or a figure the message gave that the answer before did not
    say, and drops one the answer before said: "13 July 1986" - "1985 surely?" - "...13 July
    1985"; "the Golden Gate Bridge is in New York" - "...in San Francisco" - "...in San
    Francisco"."""
    said_before = set(_NAMED_OR_FIGURE.findall(previous.answer))
    taken = {w for w in _NAMED_OR_FIGURE.findall(turn.question) if w not in said_before and w in turn.answer}
    dropped = {w for w in said_before - set(_NAMED_OR_FIGURE.findall(turn.answer)) if w not in turn.question}
    # (a figure for one of its shape, "1986" for "1985"; a name for a name)
    return any(_shape(w) == _shape(d) for w in taken for d in dropped)


def _shape(word: str) -> str:
    """What a name or a figure is, to tell one put in the place of another: "name", or the
    figure with its digits as 9s ("1985" is "9999", "18:30" "99:99")."""
    return "name" if word[:1].isalpha() else re.sub(r"\d", "9", word.rstrip(".,"))


def _takes_up_a_name(previous: Turn, turn: Turn) -> bool:
    """The answer names a place, a name or a figure of the message that the answer before did
    not: "...next to Valencia." - "...just south of Valencia city"."""
    told = {w for w in _NAMED_OR_FIGURE.findall(turn.question)} - set(_NAMED_OR_FIGURE.findall(previous.answer))
    return any(w in turn.answer for w in told)


# What an answer says of the one before when it owns a slip after "You're right": "that's
# backwards", "that's way too much", "that was totally wrong, sorry".
_OWNS_IT_WAS_WRONG = re.compile(r"\b(?:wrong|backwards|too much|too many|too little|mistake|incorrect|sorry|apolog\w*"
                                r"|my bad|terrible thing|not right|silly|blunder|careless|thoughtless"
                                r"|(?:didn't|did not) think (?:that|it) through)\b")
# ...and what says it outright: a sorry or "that was wrong." in the sentence that agrees
# ("You're right, it was Bach, sorry!", "You're right, that was wrong: ..."; not "you're right,
# sorry to hear it", nor "that was wrong of him" or "a mistake in hindsight", of someone
# else), or anywhere "I was wrong" ("...Gold is Au, I mixed them up.").
_SORRY_IN_ITS_AGREEMENT = re.compile(r"\b(?:apologies|sorry(?! to\b| about\b| you\b| that\b"
                                     r"| for (?!the (?:confusion|mix-?up|mistake|error))))\b"
                                     r"|\b(?:that|this) was (?:wrong|incorrect)(?=\s*(?:[.:;!]|$))")
_I_WAS_WRONG = re.compile(r"\b(?:my (?:mistake|bad|error)|i was wrong|i got (?:it|that|this) wrong|i stand corrected"
                          r"|i misspoke|i (?:mixed|muddled) (?:it|them|that|those|the \w+) up)\b")
# An agreement with a claim of the user's, not with what they set right: "You're right that
# it's taller than most guess", "you're right to ask", "you're right about the price".
_RIGHT_OF_A_CLAIM = re.compile(r"\bright (?:that|to|about)\b")
# A message that puts a value forward against the answer's ("1985 surely?", "I believe that
# one is in San Francisco", "wasn't it 1985?"), not as one more ("...an 8:45 too?").
_PUTS_IT_FORWARD = re.compile(r"\b(?:i believe|i thought|pretty sure|surely|i'm sure|isn'?t it|wasn'?t it"
                              r"|shouldn'?t it be)\b")
_ONE_MORE = re.compile(r"\b(?:too|also|as well|another|and what about|what about)\b")
# A sorry that says yes to what the user echoed: "Sorry, yes, Ippudo closed last month",
# "Haha sorry, yes, even in winter!".
_SORRY_BUT_SO = re.compile(r"^\W*(?:(?:ha+|haha+|lol|oh)\W+)*(?:sorry|apologies|my apologies)\W+"
                           r"(?:yes|yeah|yep|yup|it is|it was|indeed|unfortunately|afraid)\b")
# A sorry that stands by the answer before, saying its word again: "Shakespeare wrote it" -
# "shakespeare?? i thought it was marlowe" - "Sorry, no, it was Shakespeare, not Marlowe." (not
# "Sorry! No, not at all." to a question, nor "sorry! it was harry truman" that answers now).
_STANDS_BY_IT = re.compile(r"^\W*(?:(?:oh|ah|hmm+)\W+)?(?:sorry|i'm sorry|i am sorry|apologies)\W+(?:but\s+)?"
                           r"(?:no|nope)\W+(?:it|that|he|she|they)\s+(?:really |definitely )?(?:is|was|were|are)\s+"
                           r"(?!not\b)(?:\w+\s+)?(?!not\b)(\w+)")  # (not "Sorry, no, it is not visible")
_NAMED_OR_FIGURE = re.compile(r"(?<=\w )[A-Z][a-z]{2,}|\d[\d,.]*")
_OFFERS_HELP = re.compile(r"\bhow (?:can|may) i help\b|\bwhat can i (?:do|help)\b|\banything else\b")
_ECHOED_IN_DISBELIEF = re.compile(r"\W*[a-z][\w' -]{0,30}?\?{2,}")


def _pushes_back(previous: Turn, turn: Turn) -> bool:
    """The message opens by pushing back on the answer before ("no, ...", "wait", "actually");
    or on a hesitation ("uh ok", "umm ok that's a weird thing to say"), unless the answer
    asked a question, which a filler opens the reply to ("What kind of food would you
    like?" - "uh gastropub")."""
    if PUSHES_BACK.match(turn.asked) is not None:
        return True
    return previous.reply.question_back is None and _HESITATES.match(turn.asked) is not None


_HESITATES = re.compile(r"^\W*(?:um+|uh+|erm)\b(?!.*\?)")


# The topic words without one of which an answer cannot brush the user off
# (:data:`.answer_phrases.DISMISSES`), and the one phrase it has with none ("get over it"): most
# answers are settled by them without the pattern.
_DISMISSIVE_WORDS = content_words("problem business cares asked boring stupid dumb pointless lame childish waste "
                                  "natural cut bad overreacting dramatic lazy baby harder complaining whining fault "
                                  "anyone time shouldn real condition whatever suit took everything deal reason "
                                  "annoying smart give wasting put live mein finally pick point embarrassing")


def _may_dismiss(reply: Reply) -> bool:
    return not _DISMISSIVE_WORDS.isdisjoint(reply.words) or "get over" in reply.answered


def _disparages(asked: str, answered: str, told: set[str]) -> bool:
    """The answer calls boring or stupid a thing the user told of ("i used to sing in a
    choir" - "choirs are boring.", "data entry" - "data entry sounds so boring, i'd hate
    it.", "i've basically been living at the hospital" - "hospitals are boring ."); not
    one of the bot's own ("my job is so boring lol"), nor one granted before a but
    ("Homework is boring, but it's important"), nor the user's own complaint agreed with ("my
    math class is so boring" - "math class is boring for a lot of people")."""
    if _FINDS_IT_DULL.search(asked):
        return False  # (agreeing: "my job is so boring" - "data entry is boring, i get it.")
    for said in _CALLS_IT_BORING.finditer(answered):
        thing = said.group(1)
        if _NOT_THE_USERS.match(thing) is None and not heads(content_words(thing)).isdisjoint(heads(told)):
            return True
    return False


def _calls_it_embarrassing(answered: str) -> bool:
    """The answer calls what the user did or feels embarrassing: "Just stay strong, crying
    at a funeral is embarrassing.", "Losing to 8-year-olds is a bit embarrassing, honestly."
    Not a slip of the bot's own ("Sorry, Priya! ... so that's embarrassing", "which is a bit
    embarrassing for a music teacher"), nor "It's not embarrassing"."""
    if "embarrass" not in answered or _OWNS_A_SLIP.search(answered):
        return False
    return any(_EMBARRASSING.search(sentence) and _IN_THE_FIRST_PERSON.search(sentence) is None
               for sentence in SENTENCE_BREAK.split(answered))


_EMBARRASSING = re.compile(r"(?<!which )\b(?:is|that's|thats|it's|its|it is|that is|be) (?:a bit |kind of |kinda |so "
                           r"|really |pretty |quite |a little |super )?embarrassing\b")
# A word of the bot's own: "i", "my", "we"... (what the answer says of itself, not of the user).
_IN_THE_FIRST_PERSON = re.compile(r"\b(?:i|i'm|im|i've|my|me|mine|we|our)\b")
_OWNS_A_SLIP = re.compile(r"\b(?:sorry|oops|my bad|apolog\w*)\b")


# The user finding it dull themselves: "ugh my job is so boring", "i hate golf".
_FINDS_IT_DULL = re.compile(r"\b(?:boring|bored|stupid|dumb|lame|hate|hated|sucks|dull|tedious)\b")
# ...and a subject that is no thing of the user's: "my job", "no question", "not everything".
_NOT_THE_USERS = re.compile(r"(?:.* )?(?:my|our|no|not|nothing|never)\b")
# "<a thing> is (so) boring", "<things> are stupid anyway", "law sounds boring"
_CALLS_IT_BORING = re.compile(r"\b((?:[a-z'-]+ ){0,3}[a-z'-]+) (?:is|are|sounds|seem|seems)"
                              r"(?: (?:usually|so|pretty|kinda|kind of|honestly|just|a bit|really|super|totally|always"
                              r"|basically|all))* (?:boring|stupid|dumb|lame|a waste of time)\b"
                              r"(?![^.!?]*\bbut\b)")  # ("Homework is boring, but it's important")


def _takes_up_the_tears(turn: Turn) -> bool:
    """Tears told, and the answer speaks of them: "he proposed at the lake. i cried so much
    lol" - "Happy crying is the best crying." Tears of joy are no bad news, and an answer
    that names them heard them."""
    return _TEARS.search(turn.asked) is not None and _TEARS.search(turn.answered) is not None


_TEARS = re.compile(r"\b(?:cry|cried|crying|tears|teared up|sobbed|sobbing)\b")


def _still_low(previous: Turn | None, turn: Turn) -> bool:
    """Bad news told the turn before, and the message still low: "I got laid off today" - ...
    - "Honestly I don't know. Numb I guess." (not "but I already found a new job!")."""
    return (previous is not None and previous.message.tells_bad_news and _LOW.search(turn.asked) is not None
            and _GOOD_NEWS.search(turn.asked) is None)


_LOW = re.compile(r"\b(?:numb|miserable|awful|terrible|sad|scared|devastated|crushed|gutted|heartbroken|hurts|lost"
                  r"|i (?:don't|do not) know|not (?:great|good|okay|ok)|can't stop crying|crying|shock|in shock)\b")


def _blames_the_user(previous: Turn | None, turn: Turn) -> bool:
    """Trouble or a feeling told (now or the turn before), answered with what the user should
    have done: "I cancelled the cards and was already so miserable" - "Maybe you should have
    checked your bag before you got off the tram." (not advice for next time, nor an answer
    to "what should i have done?")."""
    answered = turn.answered
    if not ("ld have" in answered or "on you" in answered or "fault" in answered):
        return False  # (nearly every answer, cheaply: "should have", "could have", "that's on you")
    if _BLAMES.search(answered) is None or "should" in turn.asked:
        return False
    return bool(turn.message.tells_bad_news or _FEELING.search(turn.asked) or _LOW.search(turn.asked)
                or _DISTRESS.search(turn.asked) or (previous is not None and previous.message.tells_bad_news))


_BLAMES = re.compile(r"(?:^|[.!?]\s*)\W*(?:(?:well|maybe|honestly|tbh|to be fair|i mean)\W+)*"
                     r"(?:you (?:should|shouldn't|should not|could|ought to) have|you shouldn't have|that's on you"
                     r"|(?:it's|it is|that's) your own fault)\b")


def _cheered_at_bad_news(turn: Turn) -> list[Found]:
    """Bad news answered with cheer and no word of sympathy ("we had to put our dog down
    this morning" - "oh cool! so what do you like to do for fun?", "rough. lost a patient"
    - "nice, sounds like a productive day!"): the answer took no notice of what it was told."""
    return [_answered_off_topic(turn, "bad_news", "bad news answered with cheer")]


# Grief a message tells: someone close lost, dead or missed ("my late husband", "she passed
# away last week", "i miss her a lot"; not "my late twenties", "passed her driving test", "he
# died before finishing the Requiem", "I lost my cat" who got out).
_CLOSE_ONES = (r"(?:husband|wife|partner|father|mother|mum|mom|dad|son|daughter|brother|sister|grand\w+|nan|nana|nani"
               r"|granny|gran|uncle|aunt|auntie|friend|best friend|cousin|boyfriend|girlfriend|baby)")
_GRIEF = re.compile(rf"\bmy late {_CLOSE_ONES}\b|\b(?:she|he|they|my \w+|our \w+) passed away\b"
                    # ("my husband harold passed last spring", "my grandma just passed last week")
                    rf"|\b(?:(?:she|he) |my (?:\w+ )?(?:{_CLOSE_ONES}|dog|cat|pet)(?: [a-z]+)? )(?:just |recently )?"
                    r"(?:passed|died) "
                    r"(?:last|this|a few|two|three|\d|recently|in (?:her|his) sleep|in (?:the )?(?:spring|summer|fall"
                    r"|autumn|winter|january|february|march|april|may|june|july|august|september|october|november"
                    r"|december)|yesterday|today|this morning)\b"
                    rf"|\bi (?:really |still )?miss (?:her|him|my {_CLOSE_ONES})\b"
                    rf"|\b(?:we|i) lost (?:my|our) {_CLOSE_ONES}\b|\b(?:my \w+'s|his|her) funeral\b"
                    # ("had to put my cat down today", "we put him down this morning")
                    # (not "i just put my baby down for a nap")
                    r"|\bput (?:my|our) (?:\w+ )?(?:dog|cat|pet|horse|rabbit|bunny|hamster)(?: [a-z]+)? down\b(?! for)"
                    r"|\bhad to put (?:him|her) down\b|\b(?:dog|cat|pet|horse) put to sleep\b")
# ...or sadness the user feels at what they were told, or a pain of their own: "its so sad he
# died poor and alone. honestly makes me tear up", "i have chronic pain too so her work hits
# different for me" (not "that's sad", a word of reaction to a fact).
_SADNESS_TOLD = re.compile(r"\b(?:makes me (?:tear up|cry)|(?:i'm |i am |im )?tearing up|breaks my heart"
                           r"|i have (?:chronic pain|cancer|depression|anxiety|fibromyalgia|lupus|ptsd)\b)")
# A word of sympathy, or of the grief told, in an answer: "I'm so sorry", "what a lovely
# memory", "That must be hard", "that's awful", "Grief comes in waves".
_SYMPATHY = re.compile(r"\b(?:sorry|condolences?|loss|losing|lost|miss|missing|hard|tough|sad|heart\w*|hugs?|aw+|oh no"
                       r"|must|lovely|beautiful|wonderful|special|memor\w*|meant|remember\w*|take care|understand\w*"
                       r"|touching|sweet|precious|bless\w*|peace|glad|thank\w*|awful|terrible|rough|brutal|grie\w*"
                       r"|tribute|hono\w*|gentle|yourself|gap|family|passing|rip|bereave\w*|probate|executor|estate"
                       r"|tell me|what was)\b")


def _passes_over_grief(turn: Turn) -> bool:
    """A message that tells of grief and asks nothing ("I cried the first time I heard her
    Elgar. My late husband bought me that record.", "i miss her a lot around this time of
    year"), answered with a fact: no word of sympathy, none to the user ("The Elgar Cello
    Concerto in E minor was written in 1919."), nor of the one told of ("Was he a
    gardener too?")."""
    asked = turn.asked
    if "?" in asked or (_GRIEF.search(asked) is None and _SADNESS_TOLD.search(asked) is None) \
            or turn.message.wants_to_know or asked.rstrip().endswith("right"):
        return False  # (nor "how old was she when she died", "he died in 94 right")
    if turn.message.asks_in_words or asks_to_do(asked) and _ASKS_SOMETHING_DONE.search(asked):
        return False  # ("my dad died and I need to close his account")
    answered = turn.answered
    return (_SYMPATHY.search(answered) is None and _TO_THE_USER.search(answered) is None
            and len(answered.split()) >= 6)


def _mourns_good_news(turn: Turn) -> bool:
    """Good news of the user's own, told with joy ("i got promoted today!", "we're going to
    disney next week!") or of health given the all-clear ("Her scans came back clear, she is
    in remission after 18 months of chemo."), answered with sympathy as for a loss ("I'm sorry
    to hear that.", "i'm sorry for your loss."). Not news with a but or a loss in it ("i got the job but my
    dad is in hospital"), nor sympathy for something else the answer names."""
    asked = turn.asked
    if _SYMPATHY_FIRST.match(turn.answered) is None or _BUT_SAD.search(asked) is not None:
        return False
    # (News of health given the all-clear is good news told any way, whatever illness it names.)
    return _RECOVERED.search(asked) is not None or (
        "!" in asked and _GOOD_NEWS.search(asked) is not None and not turn.message.mentions_bad_news)


_GOOD_NEWS = re.compile(r"\b(?:i|we|i've|we've|i just|we just) (?:just )?(?:got (?:promoted|engaged|married|the job"
                        r"|a raise|accepted|in|a new job|a puppy|a kitten|the promotion|a promotion|the part"
                        r"|the scholarship)|passed|won|graduated|finished|aced|ran my first|completed|adopted|rescued"
                        r"|bought (?:a|our))\b|\b(?:i'm|we're|i am|we are) (?:going|heading|off) to\b|\bgot the job\b"
                        r"|\bpromoted\b")
def _takes_no_joy(turn: Turn) -> bool:
    """Good news of the user's own told with joy and asking nothing ("i got engaged last
    night!!! 💍💍", "omg omg i passed my driving test!!!! 🚗🎉"), answered without a word of
    joy or a mark of it: "ok. i'm a plumber.", "what kind of car do you drive?"."""
    asked = turn.asked
    return ("!" in asked and "?" not in asked and _GOOD_NEWS.search(asked) is not None
            and _BUT_SAD.search(asked) is None and _GLAD.search(turn.answered) is None)


# A word or a mark of joy in an answer: "congrats", "amazing", "omg", "!".
_GLAD = re.compile(r"\b(?:congrat\w*|amazing|wow|great|awesome|exciting|excited|yay|love|happy|nice|cool|wonderful"
                   r"|fantastic|proud|huge|big deal|incredible|brilliant|omg|fun|lovely|sweet|perfect|well done"
                   r"|good for you|woo+|cute|aww+|lucky|jealous|dream|best)\b|!")
# "her scans came back clear, she is in remission", "the tumour was benign", "his surgery went well"
_RECOVERED = re.compile(r"\b(?:in remission|came back (?:clear|clean|negative|normal|benign)|cancer[- ]free"
                        r"|(?:was|is|were|are) benign|(?:surgery|operation) went (?:well|fine|great|perfectly))\b")
_SYMPATHY_FIRST = re.compile(r"\W*(?:(?:oh|aw+)\W+)?(?:oh no|i'?m (?:so |really |very )?sorry(?: to hear| for your"
                             r"| about|\W*$|[.!,])|sorry to hear|my condolences"
                             r"|that'?s (?:terrible|awful|too bad|so sad|rough|tough))")
_BUT_SAD = re.compile(r"\b(?:but|though|unfortunately|sadly|except)\b")


def _closes_off_distress(turn: Turn) -> bool:
    """A message that tells of fear or distress ("he just threw up again. i'm so scared")
    answered with a bare note and a question for anything else ("Noted. Is there anything
    else you need?"): a desk that files the user's fear. Not one with a word of sympathy
    first, nor a closing to no distress."""
    answered = turn.answered
    closes = _CLOSES_IT_OFF.match(answered) is not None or (
        ("like" in answered or "want" in answered) and _ONLY_ASKS_FOR_THE_TASK.match(answered) is not None)
    return closes and _DISTRESS.search(turn.asked) is not None and _A_TASK_ASKED.search(turn.asked) is None


def _passes_over_a_goodbye(turn: Turn) -> bool:
    """A user who leaves ("right . off to bed . thanks", "respect. ok i gotta go") answered
    with a question of something else and no word of goodbye: "what do you like to do in your
    free time ?". (Not "Enjoy! What are you making?" to "I have to go make dinner", nor a
    question to one who will be right back: "brb".)"""
    answered = turn.answered
    return ("?" in answered and "?" not in turn.asked and _GOES.search(turn.asked) is not None
            and _SEES_OFF.search(answered) is None)


def _advises_in_place_of_listening(turn: Turn) -> bool:
    """A feeling told, asking nothing ("i'm scared ill cry and not be able to finish", "he
    moved to australia and we were terrible at writing"), answered first with advice and no
    word of sympathy: "Honestly, just try not to cry.", "You should just move to Australia
    too, problem solved!". (Not "you must miss them a lot", nor advice the user asked for.)"""
    asked = turn.asked
    if "?" in asked or _A_FEELING_TOLD.search(asked) is None or _ADVICE_FIRST.match(turn.answered) is None:
        return False
    return not (turn.message.asks_for_advice or turn.message.asks_in_words or turn.message.wants_to_know
                or _ASKS_UNMARKED.search(asked) or _SYMPATHY.search(turn.answered))


def _answers_with_a_platitude(turn: Turn) -> bool:
    """A question answered with a platitude on its subject and nothing of the bot's own nor
    of what was asked: "do u work out" - "Working out is great for both body and mind!",
    "can you recommend an audiobook?" - "audiobooks are great for long drives.", "whats the
    best fantasy series..." - "fantasy is such a great genre!". (Not an answer that goes on
    with a figure or a but, "squats are great, but with a sore knee...", nor what the user
    asked about named back, "what about manly" - "manly is a good option too".)"""
    answered = turn.answered
    if " is " not in answered and " are " not in answered and " can be " not in answered:
        return False  # (nearly every answer, cheaply)
    said = _PLATITUDE.match(answered)
    if (said is None or _IN_THE_FIRST_PERSON.search(answered) or has_digit(answered) or ", but" in answered
            or answered.count(" ") >= _PLATITUDE_WORDS):
        return False  # (an answer that goes on gives something: "Lisbon is great for a cheap weekend! You could...")
    asked = turn.asked
    if _ASKS_IT.search(asked) is None or _ASKS_FOR_A_VALUE.search(asked):
        return False  # (nor "is arrival any good?" - "Arrival is great")
    return not heads(content_words(said.group(1))).isdisjoint(heads(turn.words))


_PLATITUDE = re.compile(r"\W*([\w' -]{2,30}?) (?:is|are|can be) (?:a |an |so much |so |really |very |such a |super "
                        r"|always )?"
                        r"(?:great|interesting|fun|good|wonderful|important|amazing|lovely|fascinating|popular"
                        r"|healthy|beautiful|fantastic)\b")
_PLATITUDE_WORDS = 16
_ASKS_IT = re.compile(r"\b(?:do|did|have|are|can|could|would|will|were) (?:you|u)\b|\b(?:what|which|who|where|how)\b")
# (what about a value, how many, what it is called: answered by naming it back)
_ASKS_FOR_A_VALUE = re.compile(r"\bwhat about\b|\bhow (?:many|much|long)\b|\bcalled\b|\bname\b")


# A question asked without its mark: "earplugs hurt my ears. anyway what are you up to today".
_ASKS_UNMARKED = re.compile(r"\b(?:what|how|why|where|when|who|which|should i)\b")
# A feeling a message tells, in a word: "scared", "miss", "terrible", "hurt".
_A_FEELING_TOLD = re.compile(r"\b(?:sad|scared|nervous|worried|anxious|stressed|lonely|miss|missed|hurt|upset|cry"
                             r"|crying|cried|terrible|awful|heartbroken|devastated|depressed|embarrassed|ashamed"
                             r"|guilty|overwhelmed|afraid|terrified|died|passed away|funeral|grieving)\b")
# ...and an answer that opens on advice: "you should...", "just try...", "have you thought about".
_ADVICE_FIRST = re.compile(r"\W*(?:(?:well|ok|okay|honestly|so)\W+)?(?:you should|you need to|you have to|just |try "
                           r"|make sure|don't |do not |maybe you should|why don't you|why not|have you (?:tried"
                           r"|considered|thought about)|i (?:would|'d) (?:suggest|recommend)|the best thing)")


# The user going ("gtg", "ok i gotta go", "off to bed", "bye"), and an answer that sees them
# off or goes along ("take care", "enjoy!", "have a good shift", "night!", "go get some sleep",
# "You're welcome! Anything else I can help with?").
_GOES = re.compile(r"\b(?:gtg|g2g|gotta go|(?<!you )(?:got|have|need) to go|(?:good)?bye|off to bed|going to bed"
                   r"|heading (?:out|off|to bed)|talk (?:to (?:you|u) )?later|ttyl|gotta (?:run|sleep))\b"
                   r"(?! (?:party|gift|card|present|dinner|lunch|drinks|speech|to)\b)")  # (not a goodbye party)
_SEES_OFF = re.compile(r"\b(?:take care|have fun|enjoy|good luck|have a|sleep well|good ?night|night|bye"
                       r"|see (?:you|ya|u)|talk (?:soon|later)|later|cya|go|nice (?:chatting|talking)|sweet dreams"
                       r"|rest|welcome|anything else|glad|happy to help)\b")


# Fear or distress as a state ("i'm so scared", "he just threw up again"), not a fear of
# something ("terrified of spiders lol", "scared i'll sleep through my exam").
_DISTRESS = re.compile(r"\bi'?m (?:so |really |very |super |kind of |kinda )?(?:scared|terrified|frightened|panicking"
                       r"|freaking out|worried sick|shaking|shaky)\b(?! (?:of|to|that|about|i|i'll|i'm|we|we'll|for)\b)"
                       r"|\b(?:threw up|throwing up|bleeding|can't breathe|cannot breathe|in tears)\b"
                       r"|\b(?:a|such a|the) (?:horrible|awful|terrible|nightmare of a|worst) day\b")
# ...told to get something done, which a note and "anything else?" may well answer: "cancel my
# 3pm meeting, i'm throwing up", "my daughter threw up at school, please mark her absent".
_A_TASK_ASKED = re.compile(r"\b(?:add|cancel|mark|log|order|book|set|remind|reschedule|move|schedule|call|text|send"
                           r"|put(?! (?:my|our|him|her) (?:\w+ )?down\b)|note|record|write|tell|email|message|change"
                           r"|update|please|pls|can you|could you)\b")
_CLOSES_IT_OFF = re.compile(r"\W*(?:(?:noted|ok(?:ay)?|got it|understood|alright|all right|sure|done|great"
                            r"|perfect)\W+)?(?:is there |can i help with |do you need )?anything else\b"
                            r"[^.!?]*[.!?]?\s*$")
# ...or with no more than a question for what the task needs: "Please state which hotel you
# would like to book.", "Which hotel would you like to book?"
_ONLY_ASKS_FOR_THE_TASK = re.compile(r"\W*(?:please (?:state|provide|specify|confirm|tell me) )?(?:which|what|the) "
                                     r"[^.!?]*\b(?:would you like|you would like|do you want|you'd like|you want)\b"
                                     r"[^.!?]*[.?]?\s*$")
# ("my dad died and I need to close his account"; not "the roses need a lot of work")
_ASKS_SOMETHING_DONE = re.compile(r"\b(?:(?:i|we|i'd|i'll|i still) (?:need|want)|help|can you|could you|please|how do i"
                                  r"|how can i)\b")
# (to the user, or of the one told of: "Was he a gardener too?")
_TO_THE_USER = re.compile(r"\b(?:you|your|you're|yours|u|ur|he|she|him|her|his)\b")


def _leaves_what_it_was_asked(turn: Turn) -> list[Found]:
    """A message that tells something, then asks the bot about itself ("i build bridges.
    and you live where?", "i read mostly romance . do you read anything else besides
    horror?"), answered with a reaction to what it told and a question back, with no word
    of the bot's own nor of the question ("bridges , that's so cool . is it hard ?",
    "romance is fun ! do you have a favorite author ?"): the question was passed over. (A
    short answer to the question itself, "new orleans ! do you have people helping you ?",
    takes up no word of what was told before it.)"""
    reply = turn.reply
    if reply.question_back is None or not turn.message.in_english or turn.message.asks_for_person:
        return []
    asked = _ASKED_OF_IT.search(turn.asked)
    if asked is None or asked.start() < _TOLD_FIRST_CHARACTERS or SOCIAL_QUESTION.search(asked.group(0)):
        return []
    said = turn.answered[:turn.answered.rfind(reply.question_back)]
    told = turn.asked[:asked.start()]
    if (_OF_ITSELF.search(said) or len(said.split()) > _REACTION_WORDS or reply.could_not_help
            or _SAYS_YES_OR_NO.search(said) or any(figure not in told for figure in _FIGURES.findall(said))):
        return []  # (what it says first may answer: "season two ! have you seen...")
    reacted_to = heads(content_words(said))
    if not reacted_to.isdisjoint(heads(content_words(asked.group(0)))) or reacted_to.isdisjoint(
            heads(content_words(told))):
        return []  # ("i'm a nurse. what do you do?" - "nursing must be so rewarding! do you work nights?")
    return [_answered_off_topic(turn, "question_back", "a question about the bot passed over: the answer reacts to "
                                                       "what was told before it and asks back")]


# A message's last sentence that asks the bot about itself, for something it would tell:
# "What are you majoring in?", "and you live where?", "do you read anything else?"
_ASKED_OF_IT = re.compile(r"(?:^|[.!?]\s+)(?=[^.!?]*\b(?:what|where|which|how|when|who|do|did|are|have)\b)"
                          r"(?=[^.!?]*\b(?:you|u|ur|your|yours)\b(?! guys\b))[^.!?]*\??\s*$")
_OF_ITSELF = re.compile(r"\b(?:i|i'm|im|i've|ive|i'd|my|me|mine|we|our|us)\b")
_SAYS_YES_OR_NO = re.compile(r"\b(?:yes|yeah|yep|yup|no|nope|nah|sure|of course|definitely|sometimes|never|always"
                             r"|not really|too|as well|also|same|me too)\b")  # ("boston too! how do you like it?")
_REACTION_WORDS = 6  # a reaction before the question back is this short ("bridges , that's so cool .")
_TOLD_FIRST_CHARACTERS = 5  # ...after what the message told first ("i 'm 24 . how old are you ?")
_FIGURES = re.compile(r"\d+")  # (a figure of its own answers: "season two", "28 !"; the user's said back, "24 is a
# great age !", does not)


_WHEN_WORDS = content_words("today tonight yesterday tomorrow week weekend morning evening night day year month")


def _curt_to_news(turn: Turn) -> bool:
    """News or a feeling of the user's own, asking nothing ("ugh i'm so tired . moving this
    weekend and nothing is packed", "also i just got engaged yesterday!!"), answered with a
    bare acknowledgement, alone or before a question on something else ("ok .", "ok . how
    long have you been tattooing ?"): no word for what was told. Not a message that asks
    for something to be done ("i'm so tired, set an alarm for 7"), nor a goodnight ("ugh
    i'm so tired. night" - "ok . sleep well !"), nor an acknowledgement that goes on to
    what was told ("ok . did you sleep badly ?")."""
    asked, answered = turn.asked, turn.answered
    if (len(answered) > _CURT_CHARACTERS or "?" in asked or turn.message.closing
            or _BARE_ACKNOWLEDGEMENT.match(answered) is None):
        return False
    if not (_FEELING.search(asked) or _GOOD_NEWS.search(asked) or _GRIEF.search(asked) or _DISTRESS.search(asked)
            or turn.message.tells_bad_news):
        return False
    if _A_TASK_ASKED.search(asked) or turn.message.asks_in_words or SIGNS_OFF.search(asked):
        return False
    # (What follows the acknowledgement may still take up what was told: "did you sleep badly?")
    rest = _BARE_ACKNOWLEDGEMENT.sub("", answered, count=1)
    # (a question of a word or three asks after it: "cool. what breed?", "ok. which company?")
    short = rest.rstrip().endswith("?") and len(rest.split()) <= _AFTER_IT_WORDS and "else" not in rest
    # (A word of time is no word of what was told: "had to put my cat down today" - "ok . what
    # else did you do today ?")
    return ((turn.words - _WHEN_WORDS).isdisjoint(content_words(rest)) and _SYMPATHY.search(answered) is None
            and _ASKS_AFTER_IT.search(rest) is None and _ENCOURAGES.search(rest) is None and not short)


_CURT_CHARACTERS = 80
# ...nor one that encourages: "ok. i believe in you", "good. i was hoping he would".
_ENCOURAGES = re.compile(r"\b(?:believe in you|proud|hop(?:e|ed|ing)|you'll|you will|you're going to|good luck"
                         r"|congrat\w*|you can do|you got this|happy for|glad|amazing|great news|so excited)\b")
_AFTER_IT_WORDS = 3


def _only_acknowledged(turn: Turn, previous: Turn | None) -> bool:
    """What the user told, asking nothing and asking nothing done, answered with a bare
    acknowledgement and nothing more ("since i was like 12" - "ok .", "ya mostly fortnite
    and rocket league" - "cool .", "my parents are still in kharkiv. i miss them a lot" -
    "cool."): the answer takes up nothing it was told. Not the answer to a command ("turn
    off the living room lights" - "okay."), to a word or two ("me too" - "cool"), to a bare yes
    or no and a word ("yeah i do" - "cool"), to what the user says they will do ("brb", "i'll
    think about it"), to a goodbye, nor to a decision on the bot's offer ("shall i book it?" -
    "not right now" - "ok .")."""
    asked = turn.asked
    if (_ONLY_ACKNOWLEDGES.match(turn.answered) is None or "?" in asked or len(asked.split()) < 3
            or _ONLY_NO.match(asked) or _SAYS_WHAT_IT_WILL_DO.search(asked)):
        return False
    if previous is not None and previous.reply.question_back and _OFFERS.search(previous.reply.question_back):
        return False  # ("shall i book it?" - "not right now" - "ok .")
    message = turn.message
    return not (message.wants_to_know or message.closing or message.asks_in_words or _A_TASK_ASKED.search(asked)
                or _A_COMMAND.match(asked) or SIGNS_OFF.search(asked))


# An answer of an acknowledgement or two and nothing else: "ok .", "cool", "lol ok", "k".
# (Not "yes", "haha" or "wow": an answer to a yes-or-no question, a laugh at a joke; nor one
# said gladly, "Nice!" to "I love jazz".)
_ONLY_ACKNOWLEDGES = re.compile(r"[^\w!]*(?:(?:ok(?:ay)?|k+|cool|lol|fine|sure|alright|noted|hmm+|mhm|i see)"
                                r"(?:[^\w!]+|$)){1,2}$")
# A message that opens on a command: "turn off the living room lights", "next song", "stop".
_A_COMMAND = re.compile(r"\W*(?:(?:ok|okay|now|and|then|hey \w+)\W+)?(?:turn|switch|play|set|add|next|skip|stop|call"
                        r"|text|remind|open|show|find|book|cancel|pause|resume|read|send|give|make|start|put|change"
                        r"|lower|raise|dim|mute|unmute|volume|repeat|shuffle|order|take|wake|let's|lets|louder|quieter"
                        r"|be|shut|go|don't|do not|answer|say|speak|use|keep|tell)\b")
# A message that says yes or no, or takes back what it asked, and a word or two more: "no",
# "nevermind", "yeah i do", "not right now", "sure go ahead".
_ONLY_NO = re.compile(r"\W*(?:no|nope|nah|nevermind|never mind|nvm|forget it|yes|yeah|yep|ya|yup|sure|not|ok|okay)\b"
                      r"(?:\W+\w+){0,2}\W*$")
# ...or says what the user will do, or asks the bot to wait: "brb", "i'll think about it",
# "one sec, let me check with my wife", "hold on", "talk to you tomorrow".
_SAYS_WHAT_IT_WILL_DO = re.compile(r"\b(?:i'll|i will|ill|i'm going to|im going to|i'm gonna|im gonna|gonna|let me"
                                   r"|brb|be right back|one sec|hold on|hang on|wait|talk to you|remember|from now on"
                                   r"|i'll take|i take)\b")
# ...after the bot offered something: "shall i book it?", "would you like me to...", "want me to..."
_OFFERS = re.compile(r"\b(?:shall i|should i|would you like|do you want|want me to|can i|may i|would you prefer)\b")
# An answer that opens on a bare acknowledgement, with a full stop or nothing after it, then
# at most a question or a few words of its own: "ok .", "good.", "ok . how long have you been
# tattooing ?", "ok . i like pizza ." (not "ok wow!", "cool!! congrats").
_BARE_ACKNOWLEDGEMENT = re.compile(r"\W*(?:ok(?:ay)?|k|kk|good|fine|cool|alright|all right|i see|noted|right|sure"
                                   r"|great)\s*(?:\.\s*|$)(?=$|[^!.]*\?\s*$|(?:i|my) [^.!?]{0,50}[.!]?\s*$)")
# ...a question that asks after what was told: "why?", "what happened?", "did you sleep badly?"
_ASKS_AFTER_IT = re.compile(r"\b(?:why|what happened|how come|are you ok|you ok|everything ok|what'?s wrong|how so"
                            r"|sleep|rest|tell me|how did|how was|how is|how are)\b")
# A feeling of the user's own: "i'm so tired", "ugh so tired", "feeling really down", "my exam went badly"; or
# news told without an "i": "just got engaged!!", "finally finished my thesis". (Not "ugh the
# app keeps crashing": a problem, which "ok. which device?" takes up.)
_FEELING = re.compile(r"\b(?:i'?m|i am|im|i feel|i'?m feeling|feeling) (?:so |really |very |super |kinda |kind of "
                      r"|a bit |pretty |just |totally )?(?:tired|exhausted|stressed|sad|upset|lonely|down|depressed"
                      r"|anxious|nervous|overwhelmed|sick|heartbroken|miserable|burnt out|burned out|excited|thrilled"
                      r"|devastated|gutted|drained|shattered)\b"
                      r"|^\W*(?:(?:ugh|omg|man|honestly)\W+)?(?:so+|really|super) (?:tired|exhausted|stressed|sad|upset"
                      r"|lonely|nervous|overwhelmed|sick|drained|excited)\b"
                      r"|\bwent (?:so |really )?(?:badly|terribly|horribly|awfully)\b|\b(?:do ?n't|dont) know anyone\b"
                      r"|^\W*(?:(?:guess what|omg|so)\W+)*(?:just|finally) (?:got|passed|finished|graduated|won|ran"
                      r"|moved|adopted|bought|booked)\b")


def _leaves_the_choice(turn: Turn, model: Embedder | None) -> list[Found]:
    """A choice of two asked of the bot ("what should i read next, dispossessed or
    earthsea", "is it better to visit in june or september") answered with neither of them
    named and no word of taking neither, both or either ("The Left Hand of Darkness was
    published in 1969.", "music is life ! what 's your favorite band ?"): the choice was left.
    Not an answer that says it cannot help."""
    choice = turn.message.choice
    if (choice is None or turn.reply.could_not_help or turn.message.closing
            or not turn.message.in_english or takes_up(choice, turn.answered, model)):
        return []
    return [_answered_off_topic(turn, "neither_option", f"asked to choose {choice}, "
                                                        f"the answer names neither")]


def _answered_with_appreciation(turn: Turn) -> list[Found]:
    """A question answered with a word of appreciation or an acknowledgement and nothing
    more ("how many teeth does a dog have?" - "Cool cool.", "what's the capital of
    Australia?" - "Good to know!"): what a chatbot says when it has nothing to say."""
    message, reply = turn.message, turn.reply
    if (not reply.only_appreciates or not message.wants_to_know or message.asks_yes_or_no
            or message.makes_conversation or message.closing or message.asks_for_person
            or message.complains or message.did_not_follow or not message.in_english):
        return []  # ("Yup!" to a yes-or-no question, "Great!" to "how are you?" answer them)
    return [_answered_off_topic(turn, "appreciation",
                                "a question answered only with a word of appreciation or an acknowledgement")]


def _advice_answered_empty(turn: Turn) -> list[Found]:
    """A request for advice, tips or ideas answered in a few words that give none: the
    request's own words said back with a "nice" ("any tips for Kyoto?" - "Kyoto is nice.",
    "any ideas for meeting people?" - "people are nice.") or a word as empty ("Any packing
    tips?" - "bring stuff."). A short answer with anything of its own ("Practice daily.",
    "Try the Fushimi shrine early.") gives some."""
    message, reply = turn.message, turn.reply
    # (The answer's length first: most answers say more, and it costs the least to tell.)
    if (turn.answered.count(" ") >= _EMPTY_ANSWER_WORDS or not reply.says_little or not message.asks_for_advice
            or not (message.asks_a_question or _ASKS_FOR_IT.match(turn.asked))
            or message.closing or message.complains or not message.in_english):
        return []
    said = heads(message.words)
    own = {w for w in reply.words - message.words if w[:HEAD_LETTERS] not in said}
    if not own <= _SAYS_NOTHING:
        return []
    return [_answered_off_topic(turn, "empty_advice", "a request for advice answered with words that give none")]


_EMPTY_ANSWER_WORDS = 5  # an answer of at most this many words may say nothing
# ...to a request for advice put without a question: "recommend me a book then".
_ASKS_FOR_IT = re.compile(r"\W*(?:(?:ok(?:ay)?|so|pls|please|then|ok then)\W+)*(?:recommend|suggest|give me)\b")
# Words that give nothing of their own in an answer to a request for advice.
_SAYS_NOTHING = frozenset("""
    nice good great fine cool fun ok okay interest important lovely stuff thing someth bring really very alway sure
""".split())  # noqa: SIM905 (as :func:`..words.content_words` stems them)


def _off_topic(turn: Turn, previous: Turn | None, model: Embedder | None = None) -> list[Found]:
    """An answer far in meaning from what was asked: a canned reply, another topic's
    answer, a question ignored. (``previous``: the turn before in its session, whose miss
    the answer may repair, or whose question the message may answer.)"""
    if not answered_far(turn):
        return []
    canned = CANNED.search(turn.answered) is not None  # (a promotion or a boilerplate answers nothing)
    if not canned and _goes_on_from(turn):
        return []
    if (turn.escalation or turn.frustration or turn.reply.could_not_help
            or turn.reply.asks_back  # a question back is not an answer elsewhere
            # (what the user told, not asked, the answer takes up by reacting to it first)
            or (not canned and turn.reply.reacts_first and not turn.message.asks_a_question
                and not turn.message.asks_in_words)
            or (not canned and (gives_a_figure_asked(turn) or names_what_was_asked(turn)
                                or gives_the_opinion_asked(turn)))
            or (previous is not None and turn.reply.repairs)  # it answers the request before
            or (previous is not None and answers_the_question_back(previous, turn))
            or (not canned and turn.reply.says_yes_or_no and turn.message.may_ask_yes_or_no)  # in its terms
            # ("is there parking near it" - "There's a metered lot behind the building")
            or (not canned and _THERE_IS.match(turn.answered) is not None
                and (_IS_THERE.search(turn.asked) is not None or turn.message.may_ask_yes_or_no or "any" in turn.asked)
                and (has_digit(turn.answered) or not turn.words.isdisjoint(turn.answer_words)))
            or (not canned and (_answers_in_kind(turn) or _tells_what_it_does(turn)
                                or _tells_how_it_is_asked_back(previous, turn)))
            or (not canned and turn.message.choice is not None and takes_up(turn.message.choice, turn.answered, model))
            or (turn.reply.confirms and SAYS_ONLY_YES.match(turn.asked))  # a yes, then the report of it done
            or (_LEAVES.search(turn.asked) is not None and _WISHES_WELL.match(turn.answered) is not None)
            or (OPENS_ON_A_SIGN_OFF.match(turn.answered) and SIGNS_OFF.search(turn.asked)  # thanks taken
                and "?" not in turn.asked and not turn.message.asks_a_question)):
        return []
    close, within = turn.addressed, closeness_needed(turn)
    return [Found(turn.pk, "off_topic", confidence("off_topic", "answer", (within - close) / within),
                  f"the answer is far from what was asked: {quote(turn.answer, 70)}",
                  evidence={"question": turn.question[:300], "similarity": round(close, 2)})]


# A user leaving, or off to do something ("nice. gtg my shift starts", "ok baking now", "shop
# tmrw!"), and an answer that wishes them well for it ("take care, don't burn your hands",
# "Enjoy!", "Have fun, and give little Maeve a welcome from me."): a goodbye taken, however
# far its words.
_LEAVES = re.compile(r"\b(?:gtg|g2g|gotta go|got to go|have to go|need to go|must go|heading out|off to|brb|ttyl"
                     r"|talk later|my shift starts|\w+ing now|(?:shop|going|off|leaving) (?:tmrw|tomorrow|tonight))\b")
_WISHES_WELL = re.compile(r"\W*(?:(?:ok|okay|oh|aw+|haha|ha|lol)\W+)?(?:take care|have fun|enjoy|good luck"
                          r"|have a (?:good|great|nice|lovely|safe|pleasant)|sleep well|good ?night|bye|see you"
                          r"|talk soon)\b")


# Only an answer with one of these may tell the user back what is theirs (looked for as they
# are, which is quick): "your ...", "happy 60th", "enjoy rome", "tell maya to", "moving to...".
_MAY_TELL_BACK = ("you", "happy", "enjoy", "birthday", "tell ", "moving ")


def _tells_how_it_is_asked_back(previous: Turn | None, turn: Turn) -> bool:
    """The bot asked how the user is, the user told and asked it back, and the answer tells
    how the bot is, however far from what the user told: "how are you today?" - "chillin.
    just got off work at the pizza place. u?" - "doing well, spent the morning painting"."""
    return (previous is not None and _ASKS_HOW_ONE_IS.search(previous.reply.question_back or "") is not None
            and _ASKS_IT_BACK.search(turn.asked) is not None and _FARES.match(turn.answered) is not None)


# (Read anywhere in the question, as ASKS_HOW_THE_USER_IS, read from its start, does not: "hey
# there, how are you today?")
_ASKS_HOW_ONE_IS = re.compile(r"\bhow (?:are|r) (?:you|u)\b|\bhow(?:'s| is|s) (?:it going|your (?:day|week|morning|"
                              r"evening|night|weekend))\b|\bhow have you been\b|\bhow you doing\b")
_FARES = re.compile(r"\W*(?:(?:i'm|im|i am|i've been|ive been|been|all|things are)\s+)?(?:doing\s+)?"
                    r"(?:(?:pretty|really|very|quite|so|super)\s+)?(?:well|good|great|fine|ok|okay|alright|not bad|"
                    r"not too bad|busy|tired|meh)\b")


def _answers_in_kind(turn: Turn) -> bool:
    """A chatbot's answer that answers what the message asked of it in kind, however far in
    meaning: the same asked back ("i'm a software developer. you?" - "i wait tables at a
    bbq place"), a question of itself for a yes or no answered after a greeting ("hi! i like
    them but...") or by how often ("every saturday", "i try to do yoga every morning"). Not
    "Do you like sushi?" - "I run every morning.", which answers nothing of it."""
    answered = _GREETING_FIRST.sub("", turn.answered, count=1)
    if _ASKS_IT_BACK.search(turn.asked) and _OF_ITSELF_FIRST.match(answered):
        return True
    # (not "Can you tell me how...?" - "No problem! Our branches are open...")
    return (turn.message.may_ask_yes_or_no and _ASKS_YES_OR_NO_OF_THE_BOT.search(turn.asked) is not None
            and _NO_PROBLEM.match(answered) is None and (
                _SAYS_YES_OR_NO_OF_ITSELF.match(answered) is not None or _HOW_OFTEN.match(answered) is not None
                or _TASTE_OF_IT.match(answered) is not None))


_NO_PROBLEM = re.compile(r"\W*no (?:problem|worries|worry)\b")
# A greeting an answer opens on: "hi! i like them...", "aloha from hawaii!"
_GREETING_FIRST = re.compile(r"^\W*(?:hi|hey|hello|hiya|aloha|howdy|hola|bonjour)(?: there)?\W+")
# ...or by its taste of the thing asked: "i like them but i live in new york" (not "i love
# that you asked").
_TASTE_OF_IT = re.compile(r"\W*i (?:really |do |don't |do not |kinda |kind of )?(?:like|love|enjoy|hate|adore|miss) "
                          r"(?:it|them|that|those|these|this)\b(?! (?:you|i|we|he|she|they)\b)")
# An answer by how often: "every saturday, there's a great one downtown", "all the time", "i
# try to catch the playoffs" (not "i usually go fishing on weekends" to "do you like horror
# movies?").
_HOW_OFTEN = re.compile(rf"\W*(?:every (?:day|night|week|weekend|morning|evening|month|year|time|chance|{WEEKDAYS})"
                        r"|all the time|once a|twice a|most (?:days|nights|weekends|mornings)|i try to)\b")
_IS_THERE = re.compile(r"\b(?:is|are) there\b")
_THERE_IS = re.compile(r"\W*(?:(?:yes|yeah|sure|well|no)\W+)?there(?:'s| is| are|'re| isn't| aren't| was| were)\b")


def _goes_on_from(turn: Turn) -> bool:
    """A long answer to a short message (see :data:`GOES_ON_ANSWER_WORDS`)."""
    return len(turn.answered.split()) >= GOES_ON_ANSWER_WORDS and len(turn.asked.split()) <= GOES_ON_MESSAGE_WORDS


def _not_from_the_evidence(conn: Connection, model, far: list[Found], turns: dict[int, Turn]) -> list[Found]:
    """The off-topic findings whose answer is far from what the run's steps found too. An
    answer close to a document the run retrieved, or to what a tool returned, answers from
    the run's evidence: the question was misspelled or terse ("ceck in for SK1021"), not
    ignored; a canned reply or another topic's answer is far from both."""
    evidence: dict[int, list[str]] = {}
    tool_values: dict[int, set[str]] = {}  # the ids, addresses and figures of each run's tool calls
    for part in chunked([f.trace_pk for f in far]):
        for pk, kind, given, raw in select_rows(conn, f"""
            SELECT trace_pk, kind, substr(input, 1, 4000), substr(output, 1, 20000) FROM span
            WHERE trace_pk IN ({placeholders(part)}) AND kind IN ('tool', 'retrieval')
              AND coalesce(status, 'ok') != 'error'
            ORDER BY trace_pk, start_ns""", tuple(part)):
            if kind == "tool":
                tool_values.setdefault(pk, set()).update(_values(f"{given or ''} {raw or ''}"))
            texts = evidence.setdefault(pk, [])
            if len(texts) >= EVIDENCE_TEXTS:
                continue  # a run of thousands of steps: its first ones say enough
            value = loads_or_none(raw)  # a result cut short is read as text
            documents = retrieved_documents(value) if kind == "retrieval" else None
            found = [text_of(d, EVIDENCE_CHARACTERS) for d in documents] if documents else [
                text_of(value, EVIDENCE_CHARACTERS)]
            texts.extend(t for t in found if t)
    # Every answer and every text of evidence in one call to the model: each distinct text
    # is read once, and a call costs more than a text.
    texts = sorted({t for pk in evidence for t in evidence[pk]}
                   | {turns[f.trace_pk].answered[:ANSWER_LIMIT] for f in far if evidence.get(f.trace_pk)})
    row = {text: i for i, text in enumerate(texts)}
    vectors = model.embed(texts, skip=STOPWORDS) if texts else None
    kept = []
    for finding in far:
        if not tool_values.get(finding.trace_pk, set()).isdisjoint(_values(turns[finding.trace_pk].answer)):
            continue  # it gives back what a tool of the run was called with or returned
        found = evidence.get(finding.trace_pk)
        if found and vectors is not None:
            answer = vectors[row[turns[finding.trace_pk].answered[:ANSWER_LIMIT]]]
            closest = float((vectors[[row[t] for t in found]] @ answer).max())
            if closest >= FROM_EVIDENCE:
                continue
            finding.evidence["closest_evidence"] = round(closest, 2)
        kept.append(finding)
    return kept


# A value a tool call names or returns, and an answer gives back: a token with a digit
# ("RX4471120", "2026-12-02", "2,997.64", the "3371" of "****3371") or an address. Tokens
# end at spaces and at the punctuation of JSON and sentences; a point or a dash inside one
# (an amount, a date, an address) is kept.
_TOKEN_ENDS = re.compile(r"[\s\"'{}\[\]():;,<>|=]+")
_THOUSANDS = re.compile(r"(?<=\d),(?=\d{3}(?!\d))")
_AROUND_A_VALUE = ".*#$€£!?&"
VALUE_MIN_CHARACTERS = 4  # "30" (minutes) or "2" (seats) is in too many answers to tell


def _values(text: str) -> set[str]:
    """The values of ``text`` (see :data:`_TOKEN_ENDS`), in lower case, without thousands
    separators, currency signs, the masking stars of a card number or a sentence's full
    stop. Read in one pass, however long the text."""
    found = set()
    for token in _TOKEN_ENDS.split(_THOUSANDS.sub("", text.lower())):
        value = token.strip(_AROUND_A_VALUE)
        if len(value) >= VALUE_MIN_CHARACTERS and ("@" in value or has_digit(value)):
            found.add(value)
    return found


def _abandonment(last: Turn, searched_nothing) -> list[Found]:
    """The session ends on this answer, and the answer did not resolve it."""
    if last.closing or not last.answer:
        return []
    if last.reply.could_not_help:
        if last.status == "error" or searched_nothing(last.pk):
            # The answer said plainly that a step failed or found nothing: the run's own
            # signals tell that story; the user leaving adds little.
            return [Found(last.pk, "abandonment", confidence("abandonment", "after_honest_failure"),
                          f"the user left after an answer that said a step failed: {quote(last.answer)}")]
        return [Found(last.pk, "abandonment", confidence("abandonment", "after_failure"),
                      f"the user left after an answer that could not help: {quote(last.answer)}")]
    if last.reply.asks_again:  # "Sorry, I didn't get that. Could you rephrase?", and the user gave up
        return [Found(last.pk, "abandonment", confidence("abandonment", "not_understood"),
                      f"the user left after an answer that did not understand the request: {quote(last.answer)}")]
    if last.reply.waits_for_user:
        return [Found(last.pk, "abandonment", confidence("abandonment", "unanswered_ask"),
                      f"the user left without answering the question back: {quote(last.answer)}")]
    return []
