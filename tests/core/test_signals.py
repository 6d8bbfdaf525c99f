"""Signals a reviewer relies on: each detector on real-shaped conversations, with the hard
negatives it must not fire on."""

from __future__ import annotations

import pytest

from tracedesk.core.ingest import import_paths
from tracedesk.core.signals.confidence import confidence as table

from ..conftest import write_jsonl
from .sessions import Bundle, llm, retrieval, tool


def signals(store, tmp_path, bundle: Bundle, name: str = "b.jsonl") -> dict[str, list[tuple]]:
    import_paths(store, [write_jsonl(tmp_path / name, bundle.records)])
    out: dict[str, list[tuple]] = {}
    with store.read() as conn:
        for tid, kind, confidence, detail, span_id in conn.exec_driver_sql(
            "SELECT t.trace_id, g.kind, g.confidence, g.detail, g.span_id FROM signal g "
            "JOIN trace t ON t.id = g.trace_pk ORDER BY t.trace_id, g.kind"
        ):
            out.setdefault(tid, []).append((kind, confidence, detail, span_id))
    return out


def kinds(found: dict[str, list[tuple]], trace_id: str) -> set[str]:
    return {k for k, *_ in found.get(trace_id, [])}


def one_turn(store, tmp_path, question: str, answer: str) -> list[tuple]:
    """The signals of a session of one turn: (kind, confidence, detail, span id) each."""
    b = Bundle()
    b.turn("s1", question, answer, trace_id="turn")
    return signals(store, tmp_path, b).get("turn", [])


def two_turn_sessions(b: Bundle, name: str, sessions: list[tuple[tuple[str, str], tuple[str, str]]]) -> None:
    """A session for each ((question, answer), (next question, next answer)) of ``sessions``:
    traces ``{name}{n}`` and ``{name}{n}.next``."""
    for n, (first, then) in enumerate(sessions):
        b.turn(f"{name}{n}", *first, trace_id=f"{name}{n}")
        b.turn(f"{name}{n}", *then, trace_id=f"{name}{n}.next")


@pytest.mark.parametrize("ask", [
    "Can I talk to a real person please?",
    "let me speak with a human",
    "I want a representative now",
    "get me a manager",
    "Is there a human I can talk to?",
    "transfer me to customer service",
    "Stop, I'm done with this bot",
])
def test_a_request_for_a_human_marks_the_answer_before_it(store, tmp_path, ask) -> None:
    b = Bundle()
    b.turn("s1", "Where is my parcel 4417?", "Your parcel is in transit.", trace_id="a")
    b.turn("s1", ask, "I'm transferring you now.", trace_id="b")
    found = signals(store, tmp_path, b)
    assert "escalation" in kinds(found, "a")
    assert "escalation" not in kinds(found, "b")
    detail = next(d for k, _, d, _ in found["a"] if k == "escalation")
    assert "asks for a human" in detail and ask[:15] in detail


def test_a_request_for_a_human_in_the_other_languages_of_the_patterns_marks_the_answer_before_it(
        store, tmp_path) -> None:
    asks = ["quiero hablar con una persona", "¿puedo hablar con un agente, por favor?", "pásame con un humano",
            "¿me pasas con un agente, por favor?",
            "necesito un agente que me ayude", "quiero una persona que me atienda",
            "vorrei un operatore che parli italiano", "ich möchte einen Mitarbeiter", "bitte mit Mitarbeiter verbinden",
            "je voudrais parler à un conseiller", "passez-moi un humain s'il vous plaît",
            "ich will mit einem echten Menschen sprechen", "verbinden Sie mich bitte mit einem Mitarbeiter",
            "quero falar com um atendente", "posso falar com uma pessoa de verdade?", "vorrei parlare con un operatore"]
    # A person named, not asked for: who picks up a parcel, nobody answering, what an advisor said.
    named = ["¿la persona que recoge el paquete necesita identificación?",
             "personne ne répond au téléphone du magasin, c'est normal ?",
             "mein Berater hat gesagt, dass die Karte gesperrt ist", "o atendente da loja disse que o pedido chegou",
             "l'operatore ha detto che il rimborso è in arrivo",
             # ...or wished for, or talked to nobody.
             "je ne veux parler à personne", "ich möchte Menschen helfen", "ich möchte Mitarbeiter einstellen",
             "ich kann mit Menschen nicht reden", "quiero una persona que me quiera", "vorrei un umano come amico"]
    found = _person_sessions(store, tmp_path, ("Where is my parcel 4417?", "Your parcel is in transit."), asks,
                             ("Hola, una pregunta.", "Sure, how can I help?"), named)
    assert _not_read_as_asking_for_a_person(found, "ask", asks) == []
    assert [said for n, said in enumerate(named)
            if "escalation" in kinds(found, f"named{n}") | kinds(found, f"named{n}.next")] == []


def _person_sessions(store, tmp_path, before_ask: tuple[str, str], asks: list[str], before_named: tuple[str, str],
                     named: list[str]) -> dict[str, list[tuple]]:
    """The signals of two-turn sessions: an answer, then each of ``asks`` (sessions "askN");
    an answer, then each of ``named`` (sessions "namedN")."""
    b = Bundle()
    two_turn_sessions(b, "ask", [(before_ask, (ask, "I'm transferring you now.")) for ask in asks])
    two_turn_sessions(b, "named", [(before_named, (said, "Here is what I found.")) for said in named])
    return signals(store, tmp_path, b)


def _not_read_as_asking_for_a_person(found: dict[str, list[tuple]], name: str, messages: list[str]) -> list[str]:
    """The ``messages`` (sessions "nameN") whose answer before was not marked by a request
    for a human read by the patterns."""
    return [said for n, said in enumerate(messages) if not any(
        kind == "escalation" and "asks for a human" in detail
        for trace_id in (f"{name}{n}", f"{name}{n}.next") for kind, _, detail, _ in found.get(trace_id, []))]


def test_asking_to_be_called_back_or_put_through_is_a_request_for_a_human(store, tmp_path) -> None:
    asks = ["can someone call me back", "i want a callback", "please have an agent call me", "escalate",
            "put me through to sales"]
    # A call back from an app, a callback in code, privileges escalated: no person asked for.
    other = ["can the app call me back when my order ships", "my webhook callback fails",
             "how do I escalate the privileges of a user"]
    found = _person_sessions(store, tmp_path, ("my card was charged twice", "You can see it in the app."), asks,
                             ("hi, a quick question", "Sure, how can I help?"), other)
    assert _not_read_as_asking_for_a_person(found, "ask", asks) == []
    # (The meaning model may still hear a request for a person in them, more weakly.)
    assert _not_read_as_asking_for_a_person(found, "named", other) == other


@pytest.mark.parametrize("question", [
    "Is this moisturiser safe for human consumption?",
    "What is the address of human resources?",
    "Do you ship human hair extensions to Canada?",
    "Can a person other than me pick up the parcel?",
    "Yes, a few times. They want someone organised with good Excel skills.",
    # Whether the bot is one, asked or said: close in meaning to asking for a person, it asks
    # for none.
    "im a student. r u a bot",
    "wait can you even do that? youre a bot lol",
    "whoa thats deep for a bot",
    # Whom the user will call.
    "ok that helps. its all of them so ill call someone",
])
def test_the_word_human_in_other_senses_is_not_an_escalation(store, tmp_path, question) -> None:
    b = Bundle()
    b.turn("s1", "Hi, quick question about an order.", "Sure, how can I help?", trace_id="a")
    b.turn("s1", question, "Here is what I found.", trace_id="b")
    found = signals(store, tmp_path, b)
    assert "escalation" not in kinds(found, "a") | kinds(found, "b")


def test_an_answer_the_next_one_takes_back_is_marked(store, tmp_path) -> None:
    """However the user said it (here a correction no pattern reads as a complaint), the bot
    owning the miss in its next answer says the answer before was wrong. Declining this
    request, not understanding it, a slip the user corrects of their own, agreeing with an
    opinion, sympathy ("Sorry!" to the user's own news): none owns a miss of the answer
    before."""
    replies = ["You're right, sorry! A regulation hoop is 10 feet high.",
               "I apologize for the confusion. A regulation hoop is 10 feet high.",
               "You're absolutely right, my mistake: it's 10 feet.", "Oops, my bad. 10 feet, you're right.",
               "Sorry! 10 feet it is.", "You're right, I messed that up: it's 10 feet.",
               "Oops! I think I messed up. What could I have said instead?", "Sorry, I misread your question.",
               "I misunderstood you. It's 10 feet.", "My mistake — the correct answer is 10 feet.",
               "I made a mistake, the answer is 10 feet.", "My bad for the confusion, it's 10 feet.",
               "oh right, sorry! 10 feet then.", "ha, my bad. it's 10 feet.", "sorry, my mistake! 10 feet.",
               "I'm sorry, I misunderstood. It's 10 feet."]
    other = [("can you book me a flight to Oslo?", "Sorry, I can't book flights, but I can look up fares."),
             ("hmm can you book a table then", "Sorry, I didn't understand that. Could you rephrase?"),
             ("oops, I meant Tuesday not Monday", "Sorry about that! Tuesday at 7pm then, it's booked."),
             ("I think Lisbon is lovely in May", "You're right, Lisbon is lovely in May."),
             ("my cat died last week", "Sorry to hear that. How old was she?"),
             ("my cat died last week", "Sorry! That must be so hard. How old was she?"),
             ("I failed my driving test", "Sorry. Better luck next time!"),
             ("ugh, lost my job today", "Sorry! That's rough."),
             ("do you regret anything?", "I was wrong to leave my old job, honestly."),
             ("how was your day?", "I messed up my audition today, honestly."),
             ("how was your day?", "Oops, I spilled coffee on my keyboard this morning!"),
             ("any advice on trust?", "My mistake was trusting the wrong people."),
             ("is the blue kettle in stock?", "Sorry! The blue kettle is out of stock."),
             ("can you change my flight?", "My apologies, I'm only able to help with order tracking."),
             ("how was your weekend?", "I meant to ask: how was yours?"),
             ("any regrets?", "I made a mistake the day I quit, honestly."),
             ("Actually, do you also have it in red?", "Sorry, the red one is sold out."),
             ("what's the price?", "Sorry! It's $120."),
             # ...nor sympathy after a "no" that answers the bot's own question
             ("no, it's exhausting", "Sorry to hear that; maybe a change would help."),
             # ...nor sorry for the user's trouble, or for the menus, after a new question
             ("still failing, any other idea?", "Oh, I'm sorry for the error you're seeing. Our servers were down."),
             ("ok thanks, and how do I change my email?", "Ok, sorry for any confusion with the menus: see Settings.")]
    b = Bundle()
    two_turn_sessions(b, "wrong", [(("how high is a basketball hoop?", "About 12 feet, give or take."),
                                    ("um, it's 10 feet", reply)) for reply in replies])
    two_turn_sessions(b, "fine", [(("Book me a table for Monday at 7pm", "Done: Monday at 7pm, table for two."), then)
                                  for then in other])
    found = signals(store, tmp_path, b)
    for n, reply in enumerate(replies):
        [detail] = [d for k, _, d, _ in found[f"wrong{n}"] if k == "taken_back"]
        assert detail.startswith("the next answer takes this one back: ") and reply[:20] in detail
        assert "taken_back" not in kinds(found, f"wrong{n}.next")
    assert [other[n] for n in range(len(other)) if "taken_back" in kinds(found, f"fine{n}")] == []


def test_a_feedback_comment_that_complains_is_a_negative_comment_however_it_is_typed(store, tmp_path) -> None:
    comments = ["thats wrong, it never shipped", "u didnt answer my question", "That's not what I asked"]
    b = Bundle()
    for n, comment in enumerate(comments):
        b.turn(f"s{n}", "Where is my parcel 4417?", "Your parcel was delivered yesterday.", trace_id=f"a{n}")
        b.feedback(f"a{n}", "comment", None, comment=comment)
    found = signals(store, tmp_path, b)
    assert [c for n, c in enumerate(comments) if "negative_comment" not in kinds(found, f"a{n}")] == []


def test_a_user_giving_up_on_an_answer_marks_it(store, tmp_path) -> None:
    """"never mind", "forget it": the user gave up on the answer. Not "whatever you like" or
    "whatever's on the radio", which answer, nor "never mind" to an offer, to the bot's own
    question or to its apology, nor "never mind, it works now": the user got there."""
    gave_up = ["never mind, i'll figure it out myself", "forget it", "nvm", "ugh whatever, gotta go", "ok nevermind",
               "never mind, it still doesn't work", "forget it, nothing works"]
    answered = [("What kind of music do you like?", "whatever's on the radio!"),
                ("What shall we talk about?", "whatever you like"),
                ("Want me to book a table for you?", "nah never mind"),
                ("Anything else I can help with?", "no, never mind, thanks"),
                ("Anything else I can help with?", "ok never mind, that's all"),
                ("Where shall we go for dinner, Thai or pizza?", "whatever, you pick!"),
                ("Restart the router and wait a minute.", "nvm got it working, thanks!"),
                ("Try clearing the app's cache.", "never mind, i figured it out"),
                ("Sorry about that, I got the date wrong.", "forget about it, let's move on")]
    b = Bundle()
    two_turn_sessions(b, "missed", [(("how long do cats live?", "Cats are wonderful pets."), (message, "Okay!"))
                                    for message in gave_up])
    two_turn_sessions(b, "asks", [(("hi there", answer), (message, "Sure!")) for answer, message in answered])
    found = signals(store, tmp_path, b)
    for n in range(len(gave_up)):
        [(confidence, detail)] = [(c, d) for k, c, d, _ in found[f"missed{n}"] if k == "frustration"]
        assert confidence == 0.6 and detail.startswith("the next turn gives up on the answer: ")
    assert [answered[n] for n in range(len(answered)) if "frustration" in kinds(found, f"asks{n}")] == []


def test_frustration_marks_the_answer_that_missed(store, tmp_path) -> None:
    b = Bundle()
    b.turn("s1", "How do I return the blue kettle?", "Our store hours are 9 to 5.", trace_id="a")
    b.turn("s1", "That's not what I asked. I already told you it's the kettle.", "Sorry!", trace_id="b")
    assert "frustration" in kinds(signals(store, tmp_path, b), "a")


def test_a_rephrased_question_marks_the_previous_answer(store, tmp_path) -> None:
    b = Bundle()
    b.turn("s1", "How can I change the delivery address for order 5521?",
           "You can track orders in your account.", trace_id="a")
    b.turn("s1", "I need to update the delivery address on my order 5521, how?",
           "Go to Orders > 5521 > Edit address.", trace_id="b")
    found = signals(store, tmp_path, b)
    assert "rephrase" in kinds(found, "a")
    assert "rephrase" not in kinds(found, "b")


@pytest.mark.parametrize("follow_up", [
    "And how long does shipping to Lyon take?",  # same topic, something new
    "Also, can I pay with PayPal?",  # a new topic
    "What about the warranty on the blender?",
])
def test_a_follow_up_that_asks_something_new_is_not_a_rephrase(store, tmp_path, follow_up) -> None:
    b = Bundle()
    b.turn("s1", "Where is my order 7781? It should ship to Lyon.",
           "Order 7781 left our warehouse yesterday and ships to Lyon.", trace_id="a")
    b.turn("s1", follow_up, "Here you go.", trace_id="b")
    assert "rephrase" not in kinds(signals(store, tmp_path, b), "a")


def test_a_session_that_ends_on_an_unresolved_answer_is_weak_abandonment(store, tmp_path) -> None:
    b = Bundle()
    b.turn("s1", "My card was charged twice", "Could you please provide your order number?", trace_id="a")
    b.turn("s2", "Where is order 12?", "It shipped.", trace_id="b")
    b.turn("s2", "Thanks, that's all!", "You're welcome, have a nice day.", trace_id="c")
    found = signals(store, tmp_path, b)
    [(kind, confidence, _, _)] = found["a"]
    assert kind == "abandonment" and confidence <= 0.4
    assert not found.get("b") and not found.get("c")


def test_a_chat_that_ends_on_a_friendly_question_is_no_abandonment(store, tmp_path) -> None:
    """A chatbot asks back to keep the talk going ("Do you play any sports?"); where the
    record stops there, nobody was left waiting for help. A question that asks what the
    request needs (a reference, what exactly is wanted) was left unanswered."""
    b = Bundle()
    b.turn("s1", "my knees hurt after running", "Good shoes and a slower build-up usually help. Do you play any "
           "other sports?", trace_id="social")
    b.turn("s2", "I want to change my flight", "Sure. What's your booking reference?", trace_id="needs_detail")
    b.turn("s3", "help with my bill", "Could you tell me a bit more about what you need?", trace_id="needs_more")
    # An abbreviation's full stop ends no sentence: the question asks for the order number.
    b.turn("s4", "my parcel never came", "Sorry to hear that. What is the order no. on your receipt?",
           trace_id="abbreviated")
    b.turn("s5", "my knees hurt", "Rest helps, e.g. a week off. Do you play any sports, e.g. tennis?",
           trace_id="social_abbreviated")
    b.turn("s6", "is my order here yet", "I looked at the order and, sadly, no. Do you play any sports?",
           trace_id="social_after_no")
    found = signals(store, tmp_path, b)
    assert not found.get("social") and not found.get("social_abbreviated") and not found.get("social_after_no")
    assert "abandonment" in kinds(found, "needs_detail") & kinds(found, "needs_more") & kinds(found, "abbreviated")


@pytest.mark.parametrize("question, answer", [
    ("how far is the moon from the earth?", "Do you like science fiction films?"),
    ("what time does the museum open on sundays?", "Hmm. What's your star sign?"),
    ("could you convert 5 miles to kilometres", "So, are you a morning person?"),
    ("which bus goes to the airport?", "Let's talk about something else."),
    ("book me a table for two tonight please", "Interesting. What's your favourite colour?"),  # a task, dodged
    ("do u play chess?", "So, do you have any pets?"),  # one topic word is enough to ask about
    ("remind me to water the plants at six", "Hmm. Do you like jazz?"),  # a task, without "please" or "?"
    # Typed as people type: no question mark, no apostrophe, a word before the question.
    ("wheres the nearest library", "Haha. Do you like board games?"),
    ("nice. whats the longest river in asia", "Hmm. Have you ever been to Japan?"),
    ("hows the weather in oslo", "Do you play chess?"),
])
def test_a_question_answered_only_by_a_question_on_something_else_is_off_topic(
        store, tmp_path, question, answer) -> None:
    """A chatbot that meets a question it cannot answer often asks one of its own on
    another matter, or changes the subject: nothing of what was asked is answered."""
    [(kind, confidence, detail, _)] = one_turn(store, tmp_path, question, answer)
    assert kind == "off_topic" and confidence == table("off_topic", "question_back")
    assert detail.startswith("a question answered only with another question or a change of subject")


@pytest.mark.parametrize("question, answer", [
    ("can you recommend a laptop for college?", "Sure! Which laptop size do you prefer?"),  # shares a word
    ("I'm going hiking this weekend", "Nice! Where are you heading?"),  # no question asked
    ("where do I send the form?", "Could you tell me a bit more about what you need?"),  # asks for more
    ("what's the fee for a late return?", "Sorry, I didn't get that. Could you rephrase?"),  # did not understand
    ("is the pool open today?", "Yes, until 9pm. Fancy a swim later?"),  # answered, then asked
    ("how do I cancel my order?", "What is your order number?"),  # asks for a detail
    # A request for advice or a plan is narrowed first; an answer that takes the request on
    # asks what it needs.
    ("what's the weather like tomorrow?", "Sure! Which city are you in?"),
    ("can you recommend a good laptop?", "Happy to! What's your budget?"),
    ("what should I cook for dinner tonight?", "Any dietary restrictions I should know about?"),
    ("what's a good gift for my dad?", "What does he enjoy doing in his free time?"),
    ("where should I travel in march?", "Do you prefer warm weather or snow?"),
    ("help me plan a workout", "Sure. How many days a week can you train?"),
    # Answered in a word, then asked: "Nine." is no "Hmm.".
    ("how many planets are in the solar system?", "Nine! Do you like astronomy?"),
    ("hi, how are you today?", "Great, thanks! Do you have any plans for the weekend?"),
    # A task: the question back asks what it needs.
    ("reserve a court for tomorrow please", "Indoor or outdoor?"),
    ("buses to the stadium on saturday?", "Where are you starting from?"),
    ("wake-up call at 6 please", "Should it ring every weekday?"),
])
def test_a_question_back_that_answers_or_asks_what_the_request_needs_is_not_off_topic(
        store, tmp_path, question, answer) -> None:
    b = Bundle()
    b.turn("s1", question, answer, trace_id="fine")
    b.turn("s1", "thanks", "You're welcome!", trace_id="thanks")
    assert "off_topic" not in kinds(signals(store, tmp_path, b), "fine")


@pytest.mark.parametrize("typed", ["thats wrong, i said thursday", "u didnt answer my question",
                                   "r u even listening", "i told u already, thursday",
                                   # the answer said nothing, went elsewhere, said it again, or made no sense
                                   "that's not really an answer", "where did that come from?",
                                   "what does that have to do with anything", "same answer again", "scroll up",
                                   "that was gibberish", "um, how is that related?",
                                   "why are you changing the subject",
                                   # said in a word or two
                                   "so wrong", "not correct", "nope, bad answer"])
def test_a_complaint_typed_the_chat_way_is_a_complaint(store, tmp_path, typed) -> None:
    """"thats", "u", "r", "didnt": chat spellings are read as the words they stand for. (The
    user changing the subject, asking a "random question", or telling of a wrong size or a
    screen that will not scroll, complains of no answer.)"""
    b = Bundle()
    b.turn("s1", "book the tennis court for thursday please", "Done: the court is yours on Tuesday at 6pm.",
           trace_id="wrong")
    b.turn("s1", typed, "Sorry! Thursday it is.", trace_id="complaint")
    fine = ["changing the subject, i love jazz", "so random question: do you ship to canada?",
            "I can't scroll up in the app", "wrong size arrived, can I swap it?",
            # ordinary questions and remarks that hold a complaint's words
            "the design job i told you about last week", "I told your colleague on the phone",
            "like i said in my email, the $89 charge", "what does that have to do with my credit score?",
            "the 12.99 one, where did that come from?", "we went over this in class, can we do fractions?",
            "the tracking page doesnt tell me anything yet", "sorry if that's off topic, do you sell gift cards?"]
    for n, said in enumerate(fine):
        b.turn(f"t{n}", "hi", "Hi! What would you like to talk about?", trace_id=f"fine{n}")
        b.turn(f"t{n}", said, "Sure.", trace_id=f"said{n}")
    found = signals(store, tmp_path, b)
    by_kind = {kind: (confidence, detail) for kind, confidence, detail, _ in found["wrong"]}
    # (The bot's "Sorry!" owns the miss too, and Tuesday is not the Thursday asked for.)
    assert set(by_kind) == {"frustration", "taken_back", "ungrounded"}
    confidence, detail = by_kind["frustration"]
    assert confidence == 0.8 and "says the answer missed" in detail
    assert [said for n, said in enumerate(fine) if "frustration" in kinds(found, f"fine{n}")] == []


def test_saying_the_answer_made_no_sense_was_made_up_forgot_or_strayed_is_a_complaint(store, tmp_path) -> None:
    """The ways people tell a chatbot it talks nonsense, invents, forgot what they said or
    went elsewhere are complaints; the same words in surprise ("are you making that up?"), about oneself
    or about something else are not."""
    complaints = ["you're not making sense", "u're making stuff up", "that's gibberish", "that makes no sense lol",
                  "that's not even a sentence", "you made that up", "did u forget already?", "u dont remember",
                  "we covered this", "I mentioned that a few messages ago", "i said tuesday already",
                  "I told u, tuesday", "wrong lol", "I don't think that's correct", "you got that wrong",
                  # ...or that it went elsewhere
                  "ok... back to the booking please", "we were talking about tennis", "that's so random",
                  "ok but whats the answer", "are you kidding me",
                  # ...or what it should have said, or that it asked or said the same again
                  "you could have said it's booked for tuesday", "you already asked me that", "broken record lol",
                  "you just said the opposite", "that has nothing to do with what i said", "not what i meant",
                  "you just asked me that lol", "lol i literally just said my day off is tuesday",
                  "dude i already told you, tuesday",
                  "you're totally changing the subject haha"]
    fine = ["are you making that up? that's amazing", "did you make that up? so funny", "sorry, i'm not making sense",
            "we talked about it at work today", "i don't think that's right for me", "back to work tomorrow",
            "lets go back to the beach next year and stay longer", "seriously? tell me more",
            "are you serious lol", "this show is a broken record of cliches", "nope, not my thing",
            "i literally just said no to a free trip", "changing the subject, what do you eat?",
            "Nice, you changed the subject line. Now make the body shorter."]
    b = Bundle()
    for n, said in enumerate(complaints):
        b.turn(f"c{n}", "book the tennis court for tuesday please", "Done: the court is yours on Friday at 6pm.",
               trace_id=f"wrong{n}")
        b.turn(f"c{n}", said, "Let me check.", trace_id=f"complaint{n}")
    for n, said in enumerate(fine):
        b.turn(f"f{n}", "tell me something surprising", "Octopuses have three hearts.", trace_id=f"fine{n}")
        b.turn(f"f{n}", said, "Tell me more!", trace_id=f"said{n}")
    # A bot that asks what it should have said is answered, about the turn before it.
    b.turn("oops", "do you have pets?", "I like to ski in winter.", trace_id="missed")
    b.turn("oops", "what?", "Oops! I think I messed up. What could I have said instead?", trace_id="asks")
    b.turn("oops", "you could have said whether you have pets", "Thanks! I have a cat.", trace_id="told")
    # ...however the answer to it reads: the same request again, a complaint, and thanks or an
    # apology for it in the next answer.
    b.turn("oops2", "what colour is the sky?", "I had pasta for lunch.", trace_id="missed2")
    b.turn("oops2", "that makes no sense", "Oops, did I say something wrong? What should I have said?",
           trace_id="asks2")
    b.turn("oops2", "you should have said what colour the sky is", "Sorry about that! It's blue.", trace_id="told2")
    b.turn("oops3", "what colour is the sky?", "Oops, did I say something wrong? What should I have said?",
           trace_id="asks3")
    b.turn("oops3", "i want to talk to a real person", "I'll pass you on.", trace_id="person3")
    found = signals(store, tmp_path, b)
    assert [said for n, said in enumerate(complaints) if "frustration" not in kinds(found, f"wrong{n}")] == []
    assert [said for n, said in enumerate(fine) if "frustration" in kinds(found, f"fine{n}")] == []
    assert {"frustration", "taken_back"} <= kinds(found, "missed") and not kinds(found, "asks")
    assert {"frustration", "taken_back"} <= kinds(found, "missed2") and not kinds(found, "asks2")
    # ...but a request for a person said to it is one.
    assert "escalation" in kinds(found, "asks3")


def _single_turns(store, tmp_path, marked: list[tuple[str, str]], quiet: list[tuple[str, str]], case: str,
                  says: str) -> None:
    """Each (question, answer) of ``marked`` and ``quiet`` in a session of its own: every one
    of ``marked`` gets one signal, off_topic of ``case``, whose reason opens with ``says``;
    none of ``quiet`` gets any."""
    b = Bundle()
    for n, (question, answer) in enumerate([*marked, *quiet]):
        b.turn(f"s{n}", question, answer, trace_id=f"t{n}")
    found = signals(store, tmp_path, b)
    for n in range(len(marked)):
        [(kind, confidence, detail, _)] = found[f"t{n}"]
        assert (kind, confidence) == ("off_topic", table("off_topic", case))
        assert detail.startswith(says)
    assert [q for n, (q, _) in enumerate(quiet, len(marked)) if found.get(f"t{n}")] == []


def test_a_question_answered_only_with_a_word_of_appreciation_is_off_topic(store, tmp_path) -> None:
    """"Oh cool." to "what year did the Berlin Wall fall?" answers nothing; to "I love jazz"
    or "thanks for the help", or "Yep!" to a yes-or-no question, it is all there is to say."""
    _single_turns(store, tmp_path,
                  [("what year did the berlin wall fall?", "Oh cool."),
                   ("how many strings does a cello have", "haha, good point!")],
                  [("I love jazz", "Nice!"), ("thanks for the help", "Great!"),
                   ("is the museum free on sundays?", "Yep!")],
                  "appreciation", "a question answered only with a word of appreciation")


def test_a_request_for_advice_answered_with_words_that_give_none_is_off_topic(store, tmp_path) -> None:
    """"Kyoto is nice." to "any tips for Kyoto?" says the request's word back with a "nice";
    "bring stuff." is as empty. A short answer with something of its own ("Practice
    daily.", "Try a stir-fry!") gives advice; "Nice!" to news is all there is to say."""
    _single_turns(store, tmp_path,
                  [("Ha, noted. Do you have any tips for Kyoto?", "Kyoto is nice."),
                   ("ugh ok. any ideas for meeting people?", "people are nice."),
                   ("Good to know! Any packing tips?", "bring stuff."), ("recommend me a book then", "i like books.")],
                  [("any tips for my first marathon?", "Practice daily."),
                   ("what should i cook tonight?", "Try a stir-fry!"), ("I finally finished my plan", "Nice!")],
                  "empty_advice", "a request for advice answered with words that give none")


def test_a_question_answered_with_an_acknowledgement_is_off_topic(store, tmp_path):
    """ "Noted.", "Good to know!", "I see." take note of what was said: to a question they
    answer nothing, typed as people type it (no question mark, no apostrophe, an
    interjection first). Said to news, or to a yes-or-no question ("Yeah."), they are
    all there is to say."""
    _single_turns(store, tmp_path,
                  [("who wrote Dracula", "Noted."),
                   ("whats the tallest mountain in europe", "Oh, that's good to know!"),
                   ("hmm ok. wheres the nearest pharmacy", "I see."),
                   ("how tall is the eiffel tower?", "Glad to hear it.")],
                  [("I just got back from Lisbon", "Good to know!"), ("is the pool heated", "Yeah."),
                   ("how are you", "Good to know.")],
                  "appreciation", "a question answered only with a word of appreciation or an acknowledgement")


def test_a_question_after_words_that_change_the_subject_is_read_as_a_question(store, tmp_path) -> None:
    """ "changing the subject, what currency do they use in Japna?" (as typed), "by the way,
    how old is the Colosseum", "quick question: who painted the Mona Lisa?" ask as plainly
    as the questions without those words: "Good to know!" answers none of them."""
    b = Bundle()
    for n, question in enumerate(["changing the subject, what currency do they use in Japna?",
                                  "by the way, how old is the colosseum",
                                  "quick question: who painted the mona lisa?",
                                  "on another note, where do penguins live"]):
        b.turn(f"s{n}", question, "Good to know!", trace_id=f"t{n}")
    found = signals(store, tmp_path, b)
    for n in range(4):
        assert [(kind, confidence) for kind, confidence, *_ in found[f"t{n}"]] == [
            ("off_topic", table("off_topic", "appreciation"))], n


@pytest.mark.parametrize("question, answer", [
    ("how often should I water a cactus?", "That is nice to hear."),
    ("can you book me a haircut for friday", "Sounds fun."),
])
def test_a_short_answer_that_names_nothing_of_the_question_is_off_topic(store, tmp_path, question, answer) -> None:
    """Too short for its words to tell, but far in meaning from the question, naming
    nothing and taking up none of its words: an acknowledgement, a line of its own."""
    assert {kind for kind, *_ in one_turn(store, tmp_path, question, answer)} == {"off_topic"}


@pytest.mark.parametrize("question, answer", [
    ("how many legs does a spider have?", "Eight."),  # a figure in words
    ("who painted the mona lisa?", "It was Leonardo da Vinci."),  # a name
    ("how do I stop my bread going stale?", "Keep it in a bread bin."),  # takes up the question's word
    ("why is the sky blue?", "Sunlight scatters off air molecules."),  # close in meaning
    ("what's in a margarita?", "Tequila and lime."),  # near enough in meaning
    # One topic word ("what's" is "what" and a letter): too little to compare in meaning.
    ("what's in a margarita?", "Tequila, lime juice and triple sec."),
    ("where is my parcel?", "It shipped yesterday."),
    ("what do you call a baby kangaroo?", "A joey."),
    ("why does my cat keep sneezing?", "Probably dust or pollen."),
    ("when did the war end?", "In the spring, mostly."),
    ("is the museum open today?", "..."),  # no words: nothing to compare
    ("what's your favourite colour?", "🙂"),
])
def test_a_short_answer_that_answers_is_not_off_topic(store, tmp_path, question, answer) -> None:
    assert "off_topic" not in {kind for kind, *_ in one_turn(store, tmp_path, question, answer)}


@pytest.mark.parametrize("request_, answer", [
    ("wake me up in 20 minutes please", "Done! Alarm set for 45 minutes."),
    ("book a court for 4 players at 6pm", "Booked: a court for 2 players at 6pm."),
    ("please move my delivery to the 14th", "Done: your delivery is moved to the 21st."),
    ("book a table for 4 at 6", "Booked: a table for 4 at 7."),  # the hour after the number of people
    ("can you reserve harbour grill for 5 people at noon", "Done: a table for 5 at Harbour Grill at 8:30."),
    ("book a table for 2 at 8pm", "Booked: a table for 2 at noon."),
    ("wake me at midnight", "Done! Alarm set for 6 am."),
    ("hmm ok thats fine. 2 people 13:00", "Your table for 2 at Bangkok City today at 15:00 is booked."),
    ("yes, 2 nights from tuesday, 2 people", "Booking was successful for 2 people, 3 nights starting Tuesday."),
    # An hour in the part of the day the request names.
    ("remind me to mail the package tomorrow morning at 9", "Okay, I'll remind you to mail the package at 9 PM."),
    ("wake me at 6 this evening", "Done! Alarm set at 6 am."),
    # A day of the week.
    ("also i need a taxi from the hotel to the station on saturday",
     "Your taxi from Autumn House to the station on Sunday at 09:00 is booked."),
    # A day of the month, with its month or without.
    ("ok the 11th then", "Done, your flight is now on 10 August at 23:15."),
    # The day a stay or a rental starts from.
    ("book the lodge, 2 nights from friday, 1 person", "I booked the lodge for 1 person, 2 nights starting Saturday."),
    # "why not" asks nothing: the request after it is one.
    ("sure, why not. set an alarm for 7am", "Done! Alarm set for 8 am."),
    # An amount of money.
    ("send $200 to Maria", "Done! $300 is on its way to Maria."),
])
def test_a_confirmation_of_another_value_than_the_request_is_ungrounded(store, tmp_path, request_, answer) -> None:
    [(kind, confidence, detail, _)] = one_turn(store, tmp_path, request_, answer)
    assert kind == "ungrounded" and confidence == 0.6
    assert detail.startswith("the answer confirms another value than asked")


@pytest.mark.parametrize("request_, answer", [
    ("wake me up at 7 please", "Done! Alarm set for 7:00 am."),  # the same time, written another way
    ("book a court for 4 players at 6pm", "Booked: 4 players at 18:00, court 2."),  # the asked values are there
    ("remind me in 1 hour", "Reminder set for 60 minutes."),  # the same, in another unit
    ("how long is the warranty, 2 years?", "It is 3 years from the date of purchase."),  # a question, no action
    ("cancel order 4412", "Done: refund R-2291 for order 4412 was created."),  # another id beside the asked one
    ("remind me to call mom at 5", "Done! I'll remind you to call mom at 5:00 PM."),  # 5 may be 5 pm
    ("move my meeting from 3pm to 4pm", "Done, your meeting is moved to 4pm."),  # what it was moved from
    ("book a table for 2 at noon", "Done: a table for 2 at 12:00."),  # noon, written another way
    ("book a table for 2 at noon", "Done: a table for 2 at noon."),
    ("wake me at midnight", "Alarm set for 12 am."),
    ("wait I mean 3:30 sorry", "No problem. I've changed the pickup time to 15:30."),  # 3:30 may be 15:30
    ("wake me at 7:00", "Done! Alarm set for 7 am."),
    ("set a timer for 1 hour 30 minutes", "Timer set for 90 minutes."),  # the same, in another unit
    ("can I still cancel my order if it's been 20 days?", "Orders can be cancelled up to 14 days after delivery."),
    ("is the store open until 9 tonight?", "Our hours changed recently: we're open until 8 on weekdays."),
    ("I need a table for 6 tonight at 8:30", "Done: a table for 6 at Luigi's at 8:30."),  # 8:30 is in the evening
    ("remind me tomorrow morning at 9", "I'll remind you at 9 am."),
    ("a table for 2 at 20:00", "Booked: a table for 2 at 8."),  # 8 may be 20:00
    # Days the user is out, times said not to be it.
    ("make it friday instead, i'm out on saturday", "No problem, I've changed it to Friday 16 October."),
    ("ugh, 5:30am not 8am", "No worries, changed to 5:30am."),
    ("it was supposed to come last friday, can you check", "Done: it is booked for delivery on Monday."),
    ("please change the booking from friday to saturday", "Done: your booking now starts on Saturday."),
    ("book a room from friday to sunday", "Booked: 2 nights starting Friday."),
    ("please rebook it from 7pm to 8pm", "Done, it's now booked at 8pm."),
    ("postpone the call from 3pm to 5pm", "Done: the call is scheduled at 5pm."),
    ("ok the 11th then", "Done, your flight is now on 11 August at 23:15."),
])
def test_a_confirmation_that_carries_the_requested_values_is_not_ungrounded(store, tmp_path, request_, answer) -> None:
    assert "ungrounded" not in {kind for kind, *_ in one_turn(store, tmp_path, request_, answer)}


def test_a_read_back_to_confirm_with_another_value_is_ungrounded(store, tmp_path) -> None:
    found = one_turn(store, tmp_path, "ok book it for 10:30",
                     "Please confirm: a visit to Kensington Apartments on Saturday at 11:30 am.")
    assert any(kind == "ungrounded" and "11:30 where the user asked for 10:30" in detail
               for kind, _, detail, _ in found)


def session_of(store, tmp_path, *pairs: tuple[str, str]) -> dict:
    """The signals of one session of ``pairs``, turns "t0", "t1"..."""
    b = Bundle()
    for n, (message, answer) in enumerate(pairs):
        b.turn("s1", message, answer, trace_id=f"t{n}")
    return signals(store, tmp_path, b)


@pytest.mark.parametrize("pairs, says", [
    ([("i need a hotel in the north for 3 nights, starting friday", "Sure. Any price range?"),
      ("moderate please", "The Acorn Guest House is moderate. Shall I book it?"),
      ("Yes please, for 2 people.", "Booked! The Acorn Guest House for 2 people, 4 nights from Friday.")],
     "4 where the user asked for 3 nights"),
    ([("send $200 to Maria", "Please confirm: transfer $200 to Maria."),
      ("wait make it $250", "Please confirm: transfer $250 to Maria."),
      ("yes", "Your transfer was successful. Maria should receive the $150 within 1 business day.")],
     "150 where the user asked for 250"),
    ([("I need a car at the airport on sunday", "What time do you want to pick it up?"),
      ("around noon", "I have a compact Chevrolet Spark. Shall I book it?"),
      ("ok that one", "Please confirm: a Chevrolet Spark, picked up Thursday at 12 pm.")],
     "thursday where the user asked for sunday"),
])
def test_a_confirmation_with_a_value_nobody_said_is_ungrounded(store, tmp_path, pairs, says) -> None:
    # The request was made turns before; the message the confirmation answers says "yes".
    last = f"t{len(pairs) - 1}"
    found = session_of(store, tmp_path, *pairs)
    assert any(kind == "ungrounded" and says in detail for kind, _, detail, _ in found.get(last, [])), found


@pytest.mark.parametrize("pairs", [
    # A value the user changed to, said without its unit: "make it 7" is 19:00 here.
    [("I need a taxi from my hotel at 6:45pm", "Sure. Where to?"),
     ("the Gonville Hotel, going to Midsummer House", "Booked: a taxi at 18:45 from the Gonville Hotel."),
     ("oh wait make it 7, we're running late", "Changed: the pickup is now at 19:00.")],
    # Days said in a list, without a word that places them.
    [("wake me up at 7 on weekdays", "I've set an alarm for 07:00 on Saturday and Sunday."),
     ("weekdays. monday to friday", "Sorry! Your alarm is now set for 07:00 Monday to Friday.")],
    # A value the bot offered and the user took.
    [("a train to Seville on Friday afternoon", "There's an AVE at 15:00 and one at 17:00. Which one?"),
     ("the 5pm one, 2 adults", "Booked: AVE to Seville, Friday 17:00, 2 adults, 96 euros.")],
    # The value asked given back, and another of its unit besides: a balance, a fee, a tip, a
    # time a table is held until, the day a stay ends.
    [("send $250 to maria", "Please confirm: send $250 to Maria."),
     ("yes", "Sent! $250 is on its way to Maria. Your new balance is $1,234.56.")],
    [("transfer 100 euros to my savings", "Please confirm: transfer 100 euros to savings."),
     ("yes", "Transferred 100 euros. A fee of 2 euros was charged.")],
    [("pay the $80 bill for the dinner", "Please confirm: pay $80 to Luigi's."), ("yes", "Paid $80 plus a $12 tip.")],
    [("table for 4 at 7pm tonight", "Luigi's has a table. Shall I book it?"),
     ("yes please", "Booked! A table for 4 at 7pm. We hold tables until 7:15 pm.")],
    [("a room for 3 nights from friday", "The Acorn has one. Shall I book it?"),
     ("yes", "Booked! 3 nights from Friday, checking out Monday.")],
    # A budget or what the user has is a limit, not a value asked for; "why not" asks nothing.
    [("i have $50, buy the cheapest headphones", "The SoundLite are $35. Shall I order them?"),
     ("yes", "Ordered! You have $15 left on your gift card.")],
    # A question about a value, not a request for one.
    [("2 upper circle tickets for saturday please", "Done! 2 tickets for Saturday evening, 240 pounds."),
     ("perfect. wait why did it say 240 pounds",
      "Apologies, I've changed it to the upper circle seats, 130 pounds in total.")],
])
def test_a_confirmation_of_what_the_session_said_is_not_ungrounded(store, tmp_path, pairs) -> None:
    found = session_of(store, tmp_path, *pairs)
    assert "ungrounded" not in kinds(found, f"t{len(pairs) - 1}")


def test_a_value_of_the_offer_the_user_turns_down_is_not_asked_for(store, tmp_path) -> None:
    b = Bundle()
    b.turn("s1", "is there anything cheaper", "JetBlue has a round trip departing at 6:20 am for $241.", trace_id="a")
    b.turn("s1", "6:20 ugh, no. ill take the delta one",
           "Please confirm: a round trip on Delta, leaving March 3rd at 9:05 am.", trace_id="b")
    assert "ungrounded" not in kinds(signals(store, tmp_path, b), "b")


@pytest.mark.parametrize("request_, answer", [
    ("a train from Cambridge to Ely on Saturday, leaving after 14:00",
     "TR4410 leaves Cambridge at 13:35 and arrives in Ely at 13:52. Shall I book it for you?"),
    ("I'd like to arrive by 16:00.", "TR9975 leaves Liverpool Street at 15:39 and arrives in Cambridge at 17:07."),
    ("i need to get there before 9am", "The 8:10 bus arrives at 9:40."),
])
def test_an_offer_outside_the_window_the_request_set_is_ungrounded(store, tmp_path, request_, answer) -> None:
    [(kind, confidence, detail, _)] = one_turn(store, tmp_path, request_, answer)
    assert kind == "ungrounded" and confidence == 0.6
    assert detail.startswith("the answer offers a time outside the window asked")


@pytest.mark.parametrize(("request_", "answer", "over"), [
    ("Any dinner spot under £60 for two? Something cosy.",
     "The Witchery by the Castle is hard to beat. Expect around £150-180 for two with wine.", "under £60"),
    ("ok whats a second thing i can pair with it, ive got like 25 left",
     "Pair it with a Garmin Striker fish finder (around $130). He'll love it.", "i've got like 25 left"),
    ("gift ideas for my dad? budget 50 bucks max", "A good fly rod and reel combo runs about $120.", "budget 50 bucks"),
    ("gift ideas for my dad? 50 bucks tops", "A good fly rod and reel combo runs about $120.", "50 bucks tops"),
    # An offer within the budget, or one said to be over it; a price only told of.
    ("gift ideas for my dad? budget 50 bucks max", "A flask ($25-35) or a fishing lure set ($40).", None),
    ("a hotel under $100 a night please", "Nothing under $100 is left; the cheapest is the Inn at $140.", None),
    ("a hotel under $100 a night please", "The Inn is $140, a bit over your budget, but it has parking.", None),
    ("I paid under $50 for it last year", "Prices went up: it costs $80 now.", None),
])
def test_an_offer_over_the_budget_the_request_set_is_ungrounded(store, tmp_path, request_, answer, over) -> None:
    found = [detail for kind, _, detail, _ in one_turn(store, tmp_path, request_, answer) if kind == "ungrounded"]
    if over:
        assert found and found[0].startswith(f"the answer offers a price over the budget asked (“{over}”)"), found
    else:
        assert not found, found


_NOTE_80_WORDS = (
    "Dear Hiring Manager,\nI'm excited to apply for the barista position at your cafe. I have a year of "
    "experience at Costa, where I worked busy morning shifts, handled the till and kept the bar clean and stocked. "
    "I'm especially proud of my latte art and love making every drink look as good as it tastes. I'd really enjoy "
    "bringing that care to a smaller, friendly team like yours.\nBest wishes,\n[Name]")


@pytest.mark.parametrize(("request_", "answer", "broken"), [
    ("need a short cover note for their email, 50 words max. i have 1 yr experience at costa", _NOTE_80_WORDS,
     "50 words max"),
    ("write to my landlord, heating broke. firm but not rude. no bullet points, he hates that",
     "Dear Sir,\nI'm writing about the heating.\n- I have reported it twice\n- Please repair it within 7 days\n"
     "Kind regards", "no bullet points"),
    # Kept to; a limit of something else; a list asked for.
    ("a cover note please, 100 words max", _NOTE_80_WORDS, None),
    ("my essay has to be 50 words max, any tips on the intro?", _NOTE_80_WORDS, None),
    ("a packing list for a weekend, no bullet points in the intro please",
     "Here you go:\n- socks\n- a toothbrush", None),
])
def test_an_answer_that_breaks_a_limit_the_request_set_on_it_is_ungrounded(store, tmp_path, request_, answer,
                                                                           broken) -> None:
    found = [detail for kind, _, detail, _ in one_turn(store, tmp_path, request_, answer) if kind == "ungrounded"]
    if broken:
        assert found and found[0].startswith(f"the answer breaks the limit asked (“{broken}”)"), found
    else:
        assert not found, found


@pytest.mark.parametrize(("given", "answer", "outside"), [
    ("After 10:00 please.", "TR2000 leaves at 08:11 and arrives at 09:08.", True),
    ("after 10 please", "TR2001 leaves at 10:40 and arrives at 11:38.", False),
])
def test_a_window_given_to_the_bots_question_of_time_is_the_requests(store, tmp_path, given, answer,
                                                                    outside) -> None:
    b = Bundle()
    b.turn("s1", "I need a train from Cambridge to London on Saturday.", "What time would you like to leave?",
           trace_id="asks")
    b.turn("s1", given, answer, trace_id="offers")
    found = signals(store, tmp_path, b).get("offers", [])
    assert any(kind == "ungrounded" and "outside the window asked (“leave after 10" in detail
               for kind, _, detail, _ in found) is outside


@pytest.mark.parametrize(("request_", "answer", "offered"), [
    ("I'm looking for a cheap Italian restaurant in the centre.", "Curry Prince is a great Indian restaurant in the "
     "centre.", "another food than asked (indian where the user asked for italian)"),
    ("I also need a guesthouse in the north.", "Acorn Guest House is a guesthouse in the centre.",
     "another area than asked (centre where the user asked for north)"),
    ("I need to book a taxi too.", "Where would you like to go on your train?",
     "another ride than asked (train where the user asked for taxi)"),
    # What was asked, said cannot be had; a kind only told of, not asked for.
    ("I'm looking for a cheap Italian restaurant in the centre.", "Pizza Hut City Centre is a cheap Italian place "
     "in the center.", None),
    ("I want an expensive restaurant in the south.", "There are no expensive restaurants in the south, but Nandos "
     "is a cheap one there.", None),
    ("i love italian food", "Chinese is my favourite!", None),
    ("I really want Chinese food tonight", "I'm more of a Mexican food person myself", None),
    ("Can you book me a taxi to the airport?", "Sure! What time does your flight leave?", None),
    ("I'm looking for a Chinese restaurant", "Golden Wok is a popular Asian restaurant in town.", None),
    ("Is there parking on the north side of the building?", "Yes, there is parking on the west side too.", None),
])
def test_an_offer_of_another_kind_than_the_request_asked_for_is_ungrounded(store, tmp_path, request_, answer,
                                                                          offered) -> None:
    found = [detail for kind, _, detail, _ in one_turn(store, tmp_path, request_, answer) if kind == "ungrounded"]
    assert found == ([f"the answer offers {offered}: “{answer[:59]}…”" if len(answer) > 60 else
                      f"the answer offers {offered}: “{answer}”"] if offered else [])


@pytest.mark.parametrize("request_, answer", [
    ("saturday, leaving after 10", "TR1412 leaves at 10:21 and arrives in Leicester at 12:06."),
    ("need to be there by 7", "TR2098 leaves Cambridge at 05:40 and arrives at Stansted Airport at 06:08."),
    ("arrive by 10:30", "TR9020 leaves Cambridge at 08:36 and arrives in Norwich at 09:55."),  # leaves before: fine
    ("leaving after 6", "The coach leaves at 7:15."),  # 6 may be 18:00, 7:15 19:15: either way after
])
def test_an_offer_inside_the_window_is_not_ungrounded(store, tmp_path, request_, answer) -> None:
    assert "ungrounded" not in {kind for kind, *_ in one_turn(store, tmp_path, request_, answer)}


def test_a_question_asked_again_after_the_user_answered_it_is_a_loop(store, tmp_path) -> None:
    """A chatbot that forgets: it asks again, in the same or other words, what the user
    already answered."""
    b = Bundle()
    b.turn("s1", "I started a pottery class", "How fun! Have you been doing it long?", trace_id="asks")
    b.turn("s1", "about three weeks now", "Nice. Do you make bowls or vases?", trace_id="answered")
    b.turn("s1", "mostly bowls so far", "Lovely. How long have you been doing it?", trace_id="again")
    found = signals(store, tmp_path, b)
    [(kind, confidence, detail, _)] = found["again"]
    assert kind == "loop" and confidence == table("loop", "asked_again")
    assert detail == "asks again what it asked before and the user answered: “how long have you been doing it”"
    assert not found.get("asks") and not found.get("answered")


def test_a_question_asked_again_in_other_words_is_a_loop_less_sure_than_in_the_same(store, tmp_path) -> None:
    """Close in meaning, a question may still ask of another thing ("favourite film?",
    "favourite book?"): in other words it counts for less than in the same ones."""
    b = Bundle()
    b.turn("s1", "hi there", "Hi! What kind of food do you like best?", trace_id="asks")
    b.turn("s1", "pretty much anything, honestly", "Nice. I had pizza for lunch today.", trace_id="answered")
    b.turn("s1", "cool", "So, what do you like to eat?", trace_id="again")
    found = signals(store, tmp_path, b)
    [(kind, confidence, _, _)] = found["again"]
    assert kind == "loop" and table("loop", "asked_again", 0.0) <= confidence < table("loop", "asked_again")
    assert not found.get("asks") and not found.get("answered")


def test_a_question_asked_again_because_the_user_asked_what_it_meant_or_to_check_a_step_is_no_loop(
        store, tmp_path) -> None:
    b = Bundle()
    b.turn("s1", "I started a pottery class", "How fun! How long have you been doing it?", trace_id="asks")
    b.turn("s1", "go on", "I mean: have you been doing it long?", trace_id="explains")
    b.turn("s2", "I started a pottery class", "How fun! How long have you been doing it?", trace_id="asks2")
    b.turn("s2", "what do you mean?", "How long have you been doing it?", trace_id="explains2")
    # An offer of more help, and a check after each step that says something new first.
    b.turn("s3", "I need to reset my password", "I've sent a reset link to your email. Is there anything else I "
           "can help with?", trace_id="offers")
    b.turn("s3", "yes, I also want to update my shipping address", "Done: your shipping address is updated. Is "
           "there anything else I can help you with?", trace_id="offers_again")
    b.turn("s4", "my wifi keeps dropping", "Try restarting the router. Did that fix the problem?", trace_id="step")
    b.turn("s4", "no", "Then update the router's firmware in the app. Did that fix the problem?",
           trace_id="next_step")
    found = signals(store, tmp_path, b)
    assert "loop" not in kinds(found, "explains") | kinds(found, "explains2")
    assert "loop" not in kinds(found, "offers_again") | kinds(found, "next_step")


def test_a_task_bots_question_for_a_value_asked_again_in_its_words_is_a_loop(store, tmp_path) -> None:
    """"How many tickets would you like?" asks for a value, though it reads as an offer;
    asked again after the user gave it, it is a loop. The next value a task asks for, in
    much the same words, is not."""
    b = Bundle()
    b.turn("s1", "two tickets for the Jazz Cafe gig on 3 May please", "Sure! How many tickets would you like?",
           trace_id="asks")
    b.turn("s1", "4", "There are standing tickets at 30 pounds and seated ones at 45. Which would you prefer?",
           trace_id="b")
    b.turn("s1", "standing", "How many tickets would you like?", trace_id="again")
    b.turn("s2", "i want to pay my landlord", "Sure. How much would you like to transfer?", trace_id="amount")
    b.turn("s2", "850", "Which account would you like to transfer from, checking or savings?", trace_id="account")
    # A new ticket after one was booked; an offer of help, however put.
    b.turn("s3", "two tickets for Oppenheimer tonight", "Sure! How many tickets would you like?", trace_id="first")
    b.turn("s3", "2", "Done! 2 tickets for Oppenheimer at 8pm are booked. Would you like anything else?",
           trace_id="booked")
    b.turn("s3", "yes, tickets for Barbie too", "How many tickets would you like?", trace_id="next_task")
    b.turn("s4", "hi", "Hi! Which topic can I help you with?", trace_id="offer")
    b.turn("s4", "billing", "Your last invoice was paid. Which other topic can I help you with?", trace_id="offer2")
    b.turn("s4", "refunds", "Refunds take 5 days. Which other topic can I help you with?", trace_id="offer3")
    found = signals(store, tmp_path, b)
    assert "loop" in kinds(found, "again")
    assert "loop" not in kinds(found, "account") | kinds(found, "next_task") | kinds(found, "offer3")


@pytest.mark.parametrize(("told", "question", "asks_again"), [
    ("my 15 yo son barely talks to me lately", "That sounds lonely. How old is he now?", True),
    ("i have a chihuahua, her name is Salsa. shes 5", "cute! how old is salsa?", True),
    ("I have a cat, Nuvola, it means cloud", "That's a lovely word. Do you have any pets?", True),
    ("we have two cats, Mochi and Kopi", "That's a lovely pair. Do you have any pets?", True),
    ("I'm an engineer at a company that makes lifts", "Wow. By the way, what do you do for a living?", True),
    ("im from Bologna and I live in Milan now", "Milan is lovely! So where are you from?", True),
    # Nothing of the kind told, or of another kind: a job wanted is no job told.
    ("my son barely talks to me lately", "That sounds lonely. How old is he now?", False),
    ("for my job. i want to work in america", "cool! what is your job?", False),
    ("she was 5 minutes late again", "Ugh. How old is she?", False),
    ("I love cats but my flat is tiny", "Ha, tiny flats! Do you have any pets?", False),
])
def test_a_question_of_what_the_user_told_before_is_a_loop(store, tmp_path, told, question, asks_again) -> None:
    b = Bundle()
    b.turn("s1", "hello", "Hi! How's your day going?", trace_id="a")
    b.turn("s1", told, "Oh, tell me more.", trace_id="b")
    b.turn("s1", "not much more to tell honestly", question, trace_id="c")
    found = signals(store, tmp_path, b)
    assert any(kind == "loop" and "asks what the user told before" in detail
               for kind, _, detail, _ in found.get("c", [])) is asks_again


def test_a_task_bots_question_for_what_the_request_at_hand_gave_is_a_loop(store, tmp_path) -> None:
    """"a table for 5 at 19:00 on Tuesday" - "How many people will be in your party?": asked
    what the request gave. A booking done, the next request has its own people and day."""
    b = Bundle()
    b.turn("s1", "Can you book Frankie and Bennys for 5 at 19:00 on Tuesday?",
           "How many people will be in your party?", trace_id="asks")
    b.turn("s1", "5 people.", "Booking was successful. Reference number is R9WF1Y7S.", trace_id="booked")
    b.turn("s1", "I also need a train to London.", "What day would you like to travel?", trace_id="new")
    b.turn("s1", "Tuesday, leaving at 10:15.", "What time would you like to leave?", trace_id="again")
    found = signals(store, tmp_path, b)
    told = {pk for pk, reasons in found.items() for kind, _, detail, _ in reasons
            if kind == "loop" and "asks what the user told before" in detail}
    assert told == {"asks", "again"}


@pytest.mark.parametrize(("told", "question"), [
    ("I need a train to London that arrives by 10:30", "What time would you like to leave?"),
    ("I need a hotel room for 2 people starting Friday", "Sure, for how many nights?"),
    ("My order was supposed to arrive on Monday and it's not here", "What day did you place the order?"),
    ("The technician was booked for 2pm and never came", "What time did you last hear from the technician?"),
])
def test_a_question_of_another_value_or_of_the_past_asks_nothing_told(store, tmp_path, told, question) -> None:
    b = Bundle()
    b.turn("s1", "hello", "Hi! How can I help?", trace_id="a")
    b.turn("s1", told, question, trace_id="b")
    assert "loop" not in kinds(signals(store, tmp_path, b), "b")


def test_a_question_that_follows_up_the_answer_just_given_is_no_loop(store, tmp_path) -> None:
    """Close in meaning to the question the user has just answered, a question that points
    back at the answer follows it up; the same question again in other words is a loop."""
    b = Bundle()
    b.turn("s1", "just got off a 24 hr shift", "wow, 24 hours! what do you do?", trace_id="asks")
    b.turn("s1", "firefighter", "that's so brave. do you like it?", trace_id="follows")
    b.turn("s2", "hello. i am from japan", "nice to meet you! i love sushi. do you eat it every day?", trace_id="asks2")
    b.turn("s2", "no haha not every day", "what do you usually eat then?", trace_id="follows2")
    b.turn("s3", "hey", "hi! do you have any pets?", trace_id="asks3")
    b.turn("s3", "nope no pets", "oh, do you have any pets?", trace_id="again")
    found = signals(store, tmp_path, b)
    assert "loop" not in kinds(found, "follows") | kinds(found, "follows2")
    assert "loop" in kinds(found, "again")


def test_a_question_asked_again_in_the_same_words_after_more_is_a_loop(store, tmp_path) -> None:
    """A reply that says more than its question is a loop when the question is, word for
    word, one the user answered turns before; not the question just put, asked again once
    the user's own correction is taken, nor a proposal put again."""
    b = Bundle()
    b.turn("s1", "hey", "hey! i'm only 30 haha. what do you do for work?", trace_id="asks")
    b.turn("s1", "construction", "that must be tiring. do you like building things?", trace_id="b")
    b.turn("s1", "yeah its ok", "what kind of beer do you like?", trace_id="c")
    b.turn("s1", "ipas mostly", "i'll have to try one sometime. what do you do for work?", trace_id="again")
    b.turn("s2", "looking for a hotel", "Any area in mind? For how many nights?", trace_id="pending")
    b.turn("s2", "sorry, the riverside*", "No worries, changed to the riverside. For how many nights?",
           trace_id="after_change")
    b.turn("s3", "2 please", "There's a train at 08:57. Book it for 2 people?", trace_id="offer")
    b.turn("s3", "tuesday instead", "Updated. There's a train at 08:50 on Tuesday. Book it for 2 people?",
           trace_id="offer_again")
    found = signals(store, tmp_path, b)
    assert "loop" in kinds(found, "again")
    assert "loop" not in kinds(found, "after_change") | kinds(found, "offer_again")


def test_a_session_left_after_the_bot_did_not_understand_counts_as_much_as_after_it_could_not_help(
        store, tmp_path) -> None:
    b = Bundle()
    b.turn("s1", "where can i find old statements", "Sorry, I didn't quite get that. Could you rephrase?",
           trace_id="not_understood")
    b.turn("s2", "where can i find old statements", "Sorry, I can't find your statements right now.",
           trace_id="could_not_help")
    b.turn("s3", "My card was charged twice", "Could you please provide your order number?", trace_id="asked_back")
    found = signals(store, tmp_path, b)
    [(kind, confidence, detail, _)] = found["not_understood"]
    assert kind == "abandonment" and "did not understand" in detail
    assert confidence == found["could_not_help"][0][1] > found["asked_back"][0][1]


@pytest.mark.parametrize("answer", [
    "Your basic plan doesn't cover this, but you can add the Travel Pass for 5 dollars a day in the app.",
    "I don't have any information on file about a second card; you can order one in the app under Cards.",
    "Great, glad it worked! Don't mention it.",
    "Your warranty doesn't cover that. A repair at our service centre costs 49 euros.",
])
def test_an_answer_that_helps_is_no_failure_when_the_user_leaves_after_it(store, tmp_path, answer) -> None:
    b = Bundle()
    b.turn("s1", "does my plan include roaming in italy", answer, trace_id="a")
    assert "abandonment" not in kinds(signals(store, tmp_path, b), "a")


def test_an_error_the_answer_hid_is_swallowed_but_a_retried_or_admitted_one_is_not(store, tmp_path) -> None:
    b = Bundle()
    b.turn("s1", "Refund order 88 please", "Done! I've processed your refund.", trace_id="hidden",
           steps=[tool("refund_order", {"order": 88}, error="payment gateway timeout"), llm()])
    b.turn("s2", "Refund order 89 please", "Done! Your refund is on its way.", trace_id="retried",
           steps=[tool("refund_order", {"order": 89}, error="timeout"),
                  tool("refund_order", {"order": 89}, {"ok": True}), llm()])
    b.turn("s3", "Refund order 90 please", "Sorry, I couldn't process the refund right now.",
           trace_id="admitted", steps=[tool("refund_order", {"order": 90}, error="timeout"), llm()])
    found = signals(store, tmp_path, b)
    [(kind, _, detail, span_id)] = [s for s in found["hidden"] if s[0] == "error_swallowed"]
    assert span_id == "hidden.0" and "payment gateway timeout" in detail
    assert "error_swallowed" not in kinds(found, "retried") | kinds(found, "admitted")


def test_an_empty_retrieval_answered_anyway(store, tmp_path) -> None:
    b = Bundle()
    b.turn("s1", "Do you sell replacement filters for the X200?", "Yes, the X200 filter costs 12 euros.",
           trace_id="empty", steps=[retrieval("X200 filters", []), llm()])
    b.turn("s2", "Do you sell replacement filters for the X100?", "Yes, the X100 filter costs 10 euros.",
           trace_id="found", steps=[retrieval("X100 filters", [{"id": "kb1", "content": "X100 filter 10€",
                                                                "score": 0.82}]), llm()])
    b.turn("s3", "Do you sell filters for the Z9?", "I don't know, I found no information on the Z9.",
           trace_id="honest", steps=[retrieval("Z9 filters", []), llm()])
    found = signals(store, tmp_path, b)
    assert kinds(found, "empty") == {"empty_retrieval"}
    assert not found.get("found")
    assert "empty_retrieval" not in kinds(found, "honest")  # it said it did not know


def _searches(b: Bundle, prefix: str, best_scores: list[float], answer: str = "The filter costs 12 euros.") -> None:
    for i, best in enumerate(best_scores):
        docs = [{"id": f"kb{i}", "content": "Filters for the X range.", "score": best},
                {"id": f"kb{i}b", "content": "Filters ship within a few days.", "score": round(best * 0.8, 3)}]
        b.turn(f"{prefix}{i}", f"Do you sell filters for model {i}?", answer, trace_id=f"{prefix}{i}",
               steps=[retrieval(f"filters {i}", docs), llm()])


def test_a_search_far_below_what_its_retriever_usually_finds_is_a_weak_one(store, tmp_path) -> None:
    """A best match of 0.34 from a retriever whose best is usually about 0.8 found nothing
    like what it finds; the same score from one whose best is usually 0.4 is its usual."""
    b = Bundle()
    _searches(b, "usual", [0.78 + (i % 5) / 50 for i in range(30)])
    _searches(b, "weak", [0.34])
    found = signals(store, tmp_path, b)
    [(kind, _, detail, _)] = found["weak0"]
    assert kind == "empty_retrieval" and "best score 0.34" in detail and "usually 0.8" in detail
    assert not any(found.get(f"usual{i}") for i in range(30))


def test_a_weak_search_imported_on_its_own_is_judged_by_its_retrievers_usual_from_the_database(
        store, tmp_path) -> None:
    usual = Bundle()
    _searches(usual, "usual", [0.78 + (i % 5) / 50 for i in range(30)])
    signals(store, tmp_path, usual, "first.jsonl")
    later = Bundle()
    _searches(later, "weak", [0.34])
    [(kind, _, detail, _)] = signals(store, tmp_path, later, "later.jsonl")["weak0"]
    assert kind == "empty_retrieval" and "usually 0.8" in detail


def test_a_low_score_is_no_weak_search_for_a_retriever_that_scores_low(store, tmp_path) -> None:
    b = Bundle()
    _searches(b, "usual", [0.38 + (i % 5) / 50 for i in range(30)])
    _searches(b, "same", [0.34])
    found = signals(store, tmp_path, b)
    assert not found.get("same0")


def test_the_same_tool_call_again_and_again_is_a_loop(store, tmp_path) -> None:
    b = Bundle()
    b.turn("s1", "Track 55", "It is on its way.", trace_id="loop",
           steps=[tool("track", {"id": 55}, {"status": "?"}) for _ in range(4)])
    b.turn("s2", "Track 56, 57 and 58", "All on their way.", trace_id="three",
           steps=[tool("track", {"id": n}, {"status": "ok"}) for n in (56, 57, 58)])
    found = signals(store, tmp_path, b)
    [(kind, _, detail, _)] = found["loop"]
    assert kind == "loop" and "called 4 times" in detail
    assert not found.get("three")


def test_a_step_far_beyond_its_usual_cost_is_an_outlier(store, tmp_path) -> None:
    b = Bundle()
    for i in range(30):
        b.turn(f"s{i}", f"Question {i} about order {i}", "Answer.", trace_id=f"t{i}", steps=[llm(300)])
    b.turn("sx", "One more question", "Answer.", trace_id="big", steps=[llm(12000)])
    found = signals(store, tmp_path, b)
    assert kinds(found, "big") == {"outlier"}
    assert "tokens" in found["big"][0][2]
    assert sum(1 for t in found if t.startswith("t")) == 0


def test_explicit_feedback_becomes_signals(store, tmp_path) -> None:
    b = Bundle()
    for tid in ("down", "low", "fix", "esc", "graded", "good"):
        b.turn(None, f"question for {tid}", "answer", trace_id=tid, user=f"user-{tid}")
    b.feedback("down", "thumbs", -1)
    b.feedback("low", "rating", 1, scale=[1, 5])
    b.feedback("fix", "correction", correction="Order 12 ships on Monday.")
    b.feedback("esc", "escalation", True)
    b.feedback("graded", "accuracy", "I", source="automated")
    b.feedback("good", "thumbs", 1)
    found = signals(store, tmp_path, b)
    assert kinds(found, "down") == {"thumbs_down"}
    assert kinds(found, "low") == {"low_rating"}
    assert kinds(found, "fix") == {"correction"}
    assert kinds(found, "esc") == {"escalation"}
    assert kinds(found, "graded") == {"failed_eval"}
    assert kinds(found, "good") == {"positive_feedback"}


def test_a_rater_who_dislikes_everything_counts_for_less(store, tmp_path) -> None:
    b = Bundle()
    for i in range(8):
        b.turn(None, f"question {i}", "a fine answer", trace_id=f"grumpy{i}", user="grumpy")
        b.feedback(f"grumpy{i}", "thumbs", -1)
    b.turn(None, "question", "a bad answer", trace_id="fair", user="fair")
    b.feedback("fair", "thumbs", -1)
    found = signals(store, tmp_path, b)
    [(_, grumpy_confidence, detail, _)] = found["grumpy0"]
    [(_, fair_confidence, _, _)] = found["fair"]
    assert grumpy_confidence < fair_confidence / 2
    assert "negative on 8 of 8 answers" in detail


def test_detection_is_incremental_a_later_turn_updates_the_earlier_one(store, tmp_path) -> None:
    first = Bundle()
    first.turn("s1", "How do I reset my password?", "Click 'Forgot password' on the login page.",
               trace_id="a")
    found = signals(store, tmp_path, first, "day1.jsonl")
    assert not found.get("a")
    later = Bundle()
    later.clock = 120
    later.turn("s1", "This is useless, get me a human", "Transferring you.", trace_id="b")
    found = signals(store, tmp_path, later, "day2.jsonl")
    assert {"escalation", "frustration"} <= kinds(found, "a")
    late_feedback = Bundle()
    late_feedback.feedback("a", "thumbs", -1)
    found = signals(store, tmp_path, late_feedback, "feedback.jsonl")
    assert "thumbs_down" in kinds(found, "a")


def test_detection_in_small_chunks_finds_what_detection_at_once_finds(store, tmp_path) -> None:
    """Detection takes the traces a chunk at a time to keep memory flat; sessions that
    straddle two chunks must come out the same as when all are seen at once."""
    from tests.gen.support_bot import write_bundle
    from tracedesk.core.signals import update_signals

    write_bundle(tmp_path / "support.jsonl", 300, seed=4)
    import_paths(store, [tmp_path / "support.jsonl"])

    def everything(conn) -> tuple[list, list]:
        signals = conn.exec_driver_sql(
            "SELECT trace_pk, kind, confidence, detail, span_id FROM signal ORDER BY 1, 2, 3, 4, 5").fetchall()
        entries = conn.exec_driver_sql(
            "SELECT trace_pk, priority, reasons, group_key, group_size, is_head, state FROM queue_entry "
            "ORDER BY trace_pk").fetchall()
        return signals, entries

    with store.write() as conn:
        traces = conn.exec_driver_sql("SELECT count(*) FROM trace").scalar_one()
        assert update_signals(conn, "SELECT id FROM trace") == traces
        at_once = everything(conn)
        assert update_signals(conn, "SELECT id FROM trace", chunk=7) == traces
        assert everything(conn) == at_once
    assert len(at_once[0]) > 50


def test_a_terse_bot_that_leaves_out_its_question_marks_is_read_as_asking(store, tmp_path) -> None:
    """A restaurant-booking bot that writes its questions without question marks ("any
    preference on a type of cuisine"): each is a question back, not an answer far from the
    request; a no to "is there anything i can help you with" declines, it corrects nothing;
    a question about another option, named by its id, asks nothing again."""
    b = Bundle()
    turns = [
        # (The request gives no party size: asked for one it gave, the bot would ask what it was told.)
        ("i'd like to book a table in london", "i'm on it. any preference on a type of cuisine"),
        ("with spanish cuisine", "how many people would be in your party"),
        ("two", "what do you think of this option: resto_london_cheap_spanish_6stars"),
        ("no this does not work for me",
         "sure let me find an other option for you. what do you think of this option: "
         "resto_london_cheap_spanish_3stars"),
        ("ok that one works", "great let me do the reservation. is there anything i can help you with"),
        ("no that's all", "you're welcome"),
    ]
    for n, (question, answer) in enumerate(turns):
        b.turn("s1", question, answer, trace_id=f"t{n}")
    found = signals(store, tmp_path, b)
    assert not any(found.get(f"t{n}") for n in range(len(turns))), found


@pytest.mark.parametrize(("told", "answer", "wrong"), [
    ("Is good. I have daughter, she is 7.", "That's great! What does your son like to do?", True),
    ("my bf would def be gromit", "haha, your girlfriend would make a great gromit!", True),
    ("my sister never writes back", "I really hope your brother writes back.", True),
    # Another person the user has too, both named, or both told.
    ("my dad yells when i practice", "could your mom or someone else practice with you?", False),
    ("my daughter starts school", "Does your son or daughter like it?", False),
    ("my son and my daughter are twins", "Does your son like football?", False),
    # Pets: another kind than the user keeps.
    ("i ride my horse every sunday morning", "Nice! How old are your dogs?", True),
    ("our puppy chewed through my charger lol", "Ha! Does your little kitten do that too?", True),
    ("we keep two horses at my uncle's farm", "How old are your dogs?", True),
    ("my cat and my dog sleep in one basket", "Does your dog snore?", False),
    ("my dog and my horses live on the farm", "How old are your horses?", False),
    ("my dog and my horse live on the farm", "How old are your horses?", False),
    ("we have two turtles and a cat", "How are your turtles doing?", False),
    ("my dog hates the vet", "Does your dog hate the groomer too?", False),
])
def test_an_answer_that_speaks_of_another_person_or_pet_than_the_user_told_is_ungrounded(store, tmp_path, told,
                                                                                        answer, wrong) -> None:
    found = one_turn(store, tmp_path, told, answer)
    assert any(kind == "ungrounded" and "speaks of the user's" in detail for kind, _, detail, _ in found) is wrong


@pytest.mark.parametrize(("first", "then", "contradicts"), [
    ("I learned in my dad's old car, on quiet country roads.", "I've never driven a car.", True),
    ("i love climbing! i go every weekend.", "i've never actually tried climbing", True),
    ("Hi! I just got off work at a burger place.", "Ha, I actually never eat burgers, I can't stand them.", True),
    # What it asked, or denied, before; another thing; nothing named.
    ("Do you like pizza? I'm curious.", "Honestly I don't like pizza that much.", False),
    ("i love pasta, especially carbonara.", "i don't like pizza though.", False),
    ("i'm grading history essays lol", "i've never won anything lol", False),
    # What it has or has not: a partner, brothers or sisters, children, pets, a car.
    ("i just got back from kayaking with my husband.", "i'm single so i have lots of free time.", True),
    ("It can be, but my two cats keep me company.", "I don't have any pets, but I'd love a cat someday!", True),
    ("i'm an only child so i wouldn't know.", "my brother is always stealing my clothes though.", True),
    ("i don't have a car, i take the subway.", "nope, i just take my truck when i go somewhere far.", True),
    ("my daughter comes fishing with me, she's nine.", "i don't have any kids, just my dog rusty.", True),
    # Someone else's, a former one, one hoped for, or another thing.
    ("i'm single, honestly it's great.", "my sister's husband is a pilot though.", False),
    ("i'm single these days.", "my ex-husband still calls sometimes.", False),
    ("i don't have any pets.", "i'd love to get a dog someday though.", False),
    ("i don't have any kids.", "my dog is basically my baby lol.", False),
    # What it had and has no more, another's, or not in the first person.
    ("i sold my car last year, best decision ever.", "i don't have a car, i cycle everywhere.", False),
    ("my old dog passed away in the spring.", "i don't have any pets now.", False),
    ("i'm an only child, so quiet holidays.", "my sister-in-law is visiting though.", False),
    ("my brother lives in Ohio.", "my son is an only child, so he loves his cousins.", False),
    ("my car is in the shop again.", "i don't drive at night anyway.", False),
    ("my partner and i live in a tiny flat.", "we're not married, we just never saw the point.", False),
    ("i have two cats.", "my pet peeve is people who are late.", False),
])
def test_an_answer_that_denies_what_the_bot_said_of_itself_is_ungrounded(store, tmp_path, first, then,
                                                                          contradicts) -> None:
    b = Bundle()
    b.turn("s1", "hey how are you", first, trace_id="a")
    b.turn("s1", "cool. anything else?", "Not much.", trace_id="b")
    b.turn("s1", "tell me more about you", then, trace_id="c")
    found = signals(store, tmp_path, b)
    assert any(kind == "ungrounded" and "denies what an earlier answer said of the bot" in detail
               for kind, _, detail, _ in found.get("c", [])) is contradicts


def test_what_the_bot_says_it_has_is_kept_when_the_same_answer_denies_something_else(store, tmp_path) -> None:
    """An answer that denies what an earlier one said is reported as a denial, and what it
    says the bot has is kept all the same: the contradiction of a later answer is found. One
    answer that tells of a change ("My car died in March. So now I don't have a car.") does
    not contradict itself."""
    b = Bundle()
    b.turn("s1", "hey", "hi! i learned to drive in my dad's old car.", trace_id="a")
    b.turn("s1", "cool. you?", "I've never driven a car. I go kayaking with my husband on weekends.", trace_id="b")
    b.turn("s1", "nice", "it's great.", trace_id="c")
    b.turn("s1", "do you have free time?", "i'm single so i have lots of free time.", trace_id="d")
    b.turn("s2", "hey", "My car died in March. So now I don't have a car.", trace_id="e")
    found = signals(store, tmp_path, b)
    assert any("denies what an earlier answer said" in detail for _, _, detail, _ in found.get("b", []))
    assert any("denies what an earlier answer said" in detail for _, _, detail, _ in found.get("d", []))
    assert "ungrounded" not in kinds(found, "e")


@pytest.mark.parametrize(("answer", "dismissive"), [
    ("That's not my problem.", True),
    ("well maybe you're just not a natural dancer.", True),
    ("Stress isn't a medical condition.", True),
    ("Games are a waste of time, you should read a book instead.", True),
    ("Just get over it, lots of people have worse jobs.", True),
    ("ok whatever.", True),
    ("Suit yourself. The number is on the website.", True),
    ("Took you long enough to decide.", True),
    ("What a boring job. Don't you fall asleep?", True),
    ("Not everything is about what you want.", True),
    ("Okay. Dundee is fine. Lots of people get rejected, it's not a big deal.", True),
    ("Everything happens for a reason, and things usually work out in the end.", True),
    # Owning its own slip, taking the user's side, leaving the choice to the user, glad of the question.
    ("Nobody asked me that before, great question! Stress is real.", False),
    ("Whatever works best for you, I'm happy to help.", False),
    ("It's not a boring job at all, it keeps the city running.", False),
    ("haha you're right, that was silly. at 12 she's a senior cat.", False),
    ("That sounds exhausting. You shouldn't have to deal with that.", False),
    ("sorry, that was a bad joke. that's not your fault at all.", False),
    ("It's not a big deal to ask for a day off when you're this stressed.", False),
])
def test_an_answer_that_brushes_the_user_off_is_flagged(store, tmp_path, answer, dismissive) -> None:
    found = one_turn(store, tmp_path, "ugh, long day. work stress is giving me headaches", answer)
    assert any(kind == "off_topic" and "brushes the user off" in detail
               for kind, _, detail, _ in found) is dismissive


@pytest.mark.parametrize(("told", "answer", "elsewhere"), [
    ("yeah, mostly about my landlord", "I'm a professional opera singer.", True),
    ("anime and korean drama", "My bearded dragon is shedding his skin this week.", True),
    # It takes up a word, asks, or reacts first.
    ("we went camping by the lake", "I love camping too, I go every summer.", False),
    ("anime and korean drama", "I watch anime too! Which one is your favourite?", False),
    ("anime and korean drama", "Oh nice. My sister loves those.", False),
    # Asked of itself for a yes or a no, it answers with one first, or gives none.
    ("Have you ever been there?", "I have not, but I hear the Wright brothers first flew near Kitty Hawk.", False),
    ("Do you like to swim?", "I do! It is one of the best exercises because it works the whole body.", False),
    ("Do you like sushi?", "I run every morning before work, it clears my head.", True),
])
def test_a_message_answered_by_the_bot_telling_of_itself_elsewhere_counts_for_little(store, tmp_path, told, answer,
                                                                                       elsewhere) -> None:
    b = Bundle()
    b.turn("s1", "hey", "Hi! What have you been up to?", trace_id="a")
    b.turn("s1", told, answer, trace_id="b")
    found = signals(store, tmp_path, b).get("b", [])
    telling = [(c, d) for kind, c, d, _ in found if kind == "off_topic" and "tells of the bot" in d]
    assert bool(telling) is elsewhere
    assert all(c == table("off_topic", "tells_of_itself") for c, _ in telling)


def test_a_sentence_of_an_earlier_answer_said_again_inside_another_is_a_loop(store, tmp_path) -> None:
    b = Bundle()
    b.turn("s1", "hi! i'm a teacher", "Nice! I work at a bakery and I love to bake bread.", trace_id="a")
    b.turn("s1", "cool. what's your favourite?", "Sourdough, always.", trace_id="b")
    b.turn("s1", "same lol", "Ha! I work at a bakery and I love to bake bread. Do you bake?", trace_id="c")
    # ...not an offer made again, nor a question asked again after the user set their request right.
    b.turn("s2", "a table for 4 in the old town", "Got it. How many nights is the stay?", trace_id="d")
    b.turn("s2", "sorry, i meant the north not the old town", "Got it, the north. How many nights is the stay?",
           trace_id="e")
    b.turn("s3", "weather in Denver?", "Sunny, 20 degrees. Can I help with anything else?", trace_id="f")
    b.turn("s3", "and tomorrow", "Cloudy, 15 degrees. Can I help with anything else?", trace_id="g")
    # ...nor asked for more of it, or the same again.
    b.turn("s4", "how do I dispute a card payment?",
           "Open the payment in the app and tap Dispute. We answer within 10 days.", trace_id="h")
    b.turn("s4", "can you explain that in more detail?",
           "Sure. Open the payment in the app and tap Dispute. Pick a reason and add a photo of the receipt.",
           trace_id="i")
    found = signals(store, tmp_path, b)
    [(kind, confidence, detail, _)] = [f for f in found["c"] if f[0] == "loop"]
    assert confidence == table("loop", "repeated_sentence") and "i work at a bakery" in detail
    assert all(k != "loop" for t in "abdefghi" for k, *_ in found.get(t, []))


def test_a_sentence_said_again_in_much_the_same_words_is_a_loop(store, tmp_path) -> None:
    """The same sentence, its opening word for word and a clause left out, to a new
    question; not a sentence that only opens alike ("The museum is open ..." twice, of other
    days), nor one of a repair."""
    b = Bundle()
    b.turn("s1", "What's the difference between arabica and robusta besides taste?",
           "Robusta has roughly twice the caffeine of arabica, and it's hardier and grows at lower altitudes.",
           trace_id="a")
    b.turn("s1", "Who invented the espresso machine?", "Angelo Moriondo of Turin patented one in 1884.", trace_id="b")
    b.turn("s1", "Crema wasn't even a thing before Gaggia?",
           "Robusta has roughly twice the caffeine of arabica and grows at lower altitudes.", trace_id="c")
    b.turn("s2", "when is the museum open?", "The museum is open every weekday from nine in the morning.",
           trace_id="d")
    b.turn("s2", "and at weekends?", "The museum is open every weekend from ten until late afternoon.", trace_id="e")
    found = signals(store, tmp_path, b)
    assert any(k == "loop" and "robusta" in d.lower() for k, _, d, _ in found.get("c", [])), found
    assert all(k != "loop" for t in "abde" for k, *_ in found.get(t, [])), found


def test_an_answer_that_announces_a_change_of_subject_is_off_topic(store, tmp_path) -> None:
    """"Speaking of suitcases, are you planning any trips?", "By the way, have you ever
    thought about getting a pet?": the answer says it leaves what was asked. Not a question
    asked by the way at the end ("What do you study, by the way?"), nor a name told so."""
    b = Bundle()
    b.turn("s1", "ugh its one of those suitcase ones", "Speaking of suitcases, are you planning any trips this year?",
           trace_id="speaking")
    b.turn("s2", "yes. and add a checked bag",
           "Added one checked bag for $35, new total $224. By the way, have you ever thought about getting a pet?",
           trace_id="btw")
    b.turn("s3", "I like Denis Villeneuve, Arrival is beautiful",
           "Arrival is gorgeous, and the score is haunting. What do you study, by the way?", trace_id="study")
    b.turn("s4", "You could have simply told me her name", "Thanks, I'll remember that. Her name is Lily, by the way.",
           trace_id="lily")
    found = signals(store, tmp_path, b)
    assert "off_topic" in kinds(found, "speaking") & kinds(found, "btw"), found
    assert "off_topic" not in kinds(found, "study") | kinds(found, "lily"), found


def test_a_wish_for_a_child_by_another_name_than_the_user_gave_names_what_nobody_said(store, tmp_path) -> None:
    b = Bundle()
    b.turn("s1", "planning my son's 6th birthday party, any ideas?", "A dinosaur dig!", trace_id="ideas")
    b.turn("s1", "omg perfect, thank you so much. his name is Leo btw",
           "You're welcome! I hope Max has the best dinosaur birthday ever.", trace_id="max")
    b.turn("s2", "planning my son's 6th birthday party, any ideas?", "A dinosaur dig!", trace_id="ideas2")
    b.turn("s2", "omg perfect, thank you so much. his name is Leo btw",
           "You're welcome! I hope Leo has the best dinosaur birthday ever.", trace_id="leo")
    found = signals(store, tmp_path, b)
    assert "ungrounded" in kinds(found, "max"), found
    assert "ungrounded" not in kinds(found, "leo"), found


def test_a_draft_given_again_as_asked_is_no_loop(store, tmp_path) -> None:
    """Asked to put a line in and give the whole letter again, or to make it longer, an
    answer says the draft's sentences again by design."""
    letter = ("Dear Gary,\n\nI'm writing again about the heating, which stopped working two weeks ago. I've reported "
              "it twice and no repair has been arranged yet. Please let me know when an engineer can come.")
    b = Bundle()
    b.turn("s1", "i need a letter to my landlord gary about the heating", letter, trace_id="draft")
    b.turn("s1", "should i mention the law", "One line is enough: it is the landlord's duty.", trace_id="law")
    b.turn("s1", "ok put that line in and give me the whole thing again",
           letter + " I understand that keeping the heating working is the landlord's duty.", trace_id="again")
    found = signals(store, tmp_path, b)
    assert "loop" not in kinds(found, "again"), found


def after_a_greeting(store, tmp_path, question: str, answer: str) -> list[tuple]:
    """The signals of the second turn of a session that opens on a greeting."""
    b = Bundle()
    b.turn("s1", "hey there", "Hi! How's your day going?", trace_id="a")
    b.turn("s1", question, answer, trace_id="b")
    return signals(store, tmp_path, b).get("b", [])


@pytest.mark.parametrize(("question", "answer", "missed"), [
    ("how old is daisy", "my favorite color is yellow.", True),
    ("how long do u think it'll take", "tattoos are a form of art.", True),
    ("and how much is a ticket?", "Japan has a really interesting food culture too, like ramen and sushi.", True),
    ("how many kids do you have", "they love the shows about black holes the most.", True),
    ("how long do I cook the chicken", "I love cooking! It's one of my favorite hobbies.", True),  # ("one of")
    # A figure, an amount or a time in any words; a premise denied; no way to know.
    ("how old are your kids?", "Six and nine, two boys with lots of energy.", False),
    ("when did you move here?", "Right after college, so a while now.", False),
    ("how much will the taxi cost?", "I'm afraid I don't have fare information.", False),
    ("how long have you been dancing?", "Since I was a little kid!", False),
])
def test_a_question_for_a_figure_answered_with_none_is_off_topic(store, tmp_path, question, answer, missed) -> None:
    found = after_a_greeting(store, tmp_path, question, answer)
    if missed:  # (by meaning, or for the figure it gives none of)
        assert any(kind == "off_topic" for kind, *_ in found)
    else:
        assert not any("a question for a figure answered with none" in detail for _, _, detail, _ in found)


@pytest.mark.parametrize(("question", "answer", "missed"), [
    ("where did you get that lamp", "Lamps make a room feel so cozy.", True),
    ("so where do you go hiking?", "hiking is great exercise for the whole body.", True),
    ("what's the address?", "They serve the best dumplings, everyone loves them.", True),
    # A place in any words, a name, a terse answer, no way to know, or a question back.
    ("where do you live?", "Up north, by the lake.", False),
    ("where did you buy it", "My aunt gave it to me for my birthday, she got it from Etsy.", False),
    ("where r u from", "Lisbon!", False),
    ("where r u from", "Lisbon, it's lovely.", False),
    ("where did you get that lamp", "IKEA, they have everything.", False),
    ("so where do you go hiking?", "Honestly, hiking is great exercise for the whole body.", True),
    ("which area do you live in?", "I love meeting new people.", True),
    ("where can I find the form?", "I'm not sure, sorry.", False),
    ("where should we eat?", "What kind of food do you feel like?", False),
    # Not a question for a place.
    ("which part of the movie did you like best?", "The ending was so emotional.", False),
    ("where was i?", "We were talking about your garden project.", False),
])
def test_a_question_for_a_place_answered_with_none_is_off_topic(store, tmp_path, question, answer, missed) -> None:
    found = after_a_greeting(store, tmp_path, question, answer)
    assert any("a question for a place answered with none" in detail for _, _, detail, _ in found) is missed


@pytest.mark.parametrize(("told", "goodbye", "answer", "made_up"), [
    ("we fly to florida on the 3rd", "ok thank you, you helped a lot", "Enjoy your trip to California!", True),
    ("my sister turns 30 tomorrow", "perfect, thanks!", "Happy birthday to your brother, Tom!", True),
    ("the interview is on friday", "thanks, i feel better", "Good luck on Tuesday, you'll do great!", True),
    # What was said, a wish with nothing named, what the answer tells besides, or no goodbye.
    ("we fly to florida on the 3rd", "ok thank you, you helped a lot", "Enjoy Florida, and safe travels!", False),
    ("my sister turns 30 tomorrow", "perfect, thanks!", "You're welcome, have a lovely party!", False),
    ("my order is late", "ok thanks", "Your parcel should arrive on Thursday. Have a great day!", False),
    ("my order is late", "ok no thanks, i'll wait", "Okay. Enjoy your day, Sam!", False),
    ("table for 2 at 7pm please", "great, thanks!", "You're welcome 😊 Enjoy your dinner at 7!", False),
    ("my sister turns 30 tomorrow", "perfect, thanks!", "Have A Great Day And Happy Birthday To Her!", False),
    ("my sister turns 30 tomorrow", "ok gotta go", "Happy birthday to her, and good luck on monday!", True),
    ("i'm off to spain", "thank you!", "Bye Inês! Enjoy Madrid!", True),
    ("i'm off to spain", "no, thank you, that's all. bye!", "Goodbye! Have fun – Madrid is lovely!", True),
    ("my sister turns 30 tomorrow", "perfect, thanks!", "You're welcome, and Happy Birthday to your sister!", False),
    # A count in words that nobody said, and one that was, in digits.
    ("my sister turns 30 tomorrow", "we'll take both kids, thanks!", "Have fun with your three kids!", True),
    ("we have 3 kids", "off to the zoo, bye!", "Have fun with your three kids!", False),
])
def test_a_goodbye_answered_with_what_nobody_said_is_ungrounded(store, tmp_path, told, goodbye, answer,
                                                                made_up) -> None:
    b = Bundle()
    b.turn("s1", told, "Oh nice, tell me more!", trace_id="a")
    b.turn("s1", goodbye, answer, trace_id="b")
    found = signals(store, tmp_path, b).get("b", [])
    assert any(kind == "ungrounded" and "names what nobody said" in detail
               for kind, _, detail, _ in found) is made_up



@pytest.mark.parametrize(("told", "answer", "made_up"), [
    ("hi, i'm Priya", "Your name is Pooja! What can I do for you?", "Pooja"),
    ("my dad turns 70 on sunday", "Sounds lovely. Happy 60th to your dad!", "60"),
    ("we're taking both kids to Rome", "Oh fun, enjoy Rome with your three kids!", "three"),
    ("i'm from Porto originally", "Since you're from Lisbon, you must love custard tarts!", "Lisbon"),
    ("my son is 12 and we adopted her last year", "Your son was 7 when you adopted her, right?", "7"),
    # What was said (a count in digits or in words), what tells of the product, what tells nothing back.
    ("hi, i'm Priya", "Your name is Priya! What can I do for you?", None),
    ("we have 3 kids and we're off to Rome", "Enjoy Rome with your three kids!", None),
    ("how do i export my notes", "Since you're on the Pro plan, open Settings > Export.", None),
    ("i'm from Porto originally", "Porto is lovely! Have you been to Lisbon?", None),
    # Numbers said in words, ordinals; what a support bot tells of an order, a plan or a fix.
    ("my dad turns seventy on sunday", "Happy 70th to your dad!", None),
    ("it's our first anniversary tomorrow", "Lovely! Happy 1st anniversary!", None),
    ("book a table for 2 tonight at 8", "Done! Your reference is 48213.", None),
    ("where is my parcel, it was due tuesday", "Sorry! Your order is 2 days late, it ships today.", None),
    ("i'm visiting rome next week", "Since you're visiting Rome, don't miss the Vatican Museums.", None),
    ("do i pay for shipping?", "Since you're a Gold member, shipping is free.", None),
    ("i run most mornings", "Since you've lived in Leeds for two years, you know the canal path.", "two"),
    # An answer written all in lower case names its name or place by where it stands.
    ("i'm from lyon, in france", "since you're from marseille, you must love the sea!", "marseille"),
    ("hi! i'm priya", "hi! your name is pooja, right?", "pooja"),
    ("i'm from lyon, in france", "since you're from lyon, you must love the food!", None),
    ("i live in a village near york", "you live in the countryside, so you get lots of fresh air.", None),
    ("i live in a village near york", "since you're from around there, do you like the moors?", None),
    ("hi! my name is aurora", "hi aurora! your name is so pretty, what does it mean?", None),
    ("i just moved to austin", "oh cool! so you're from far away then?", None),
    ("i grew up in portugal", "so you grew up in portugal! you're from lisbon?", None),
    ("the app keeps crashing", "You mentioned the app crashes, so please update to version 5.2 from the App Store.",
     None),
])
def test_an_answer_that_tells_the_user_back_what_nobody_said_is_ungrounded(store, tmp_path, told, answer,
                                                                           made_up) -> None:
    b = Bundle()
    b.turn("s1", "hello", "Hi there! How are you?", trace_id="a")
    b.turn("s1", told, answer, trace_id="b")
    found = [d for kind, _, d, _ in signals(store, tmp_path, b).get("b", [])
             if kind == "ungrounded" and "tells the user back what nobody said" in d]
    assert ([f"({made_up})" in d for d in found] == [True]) if made_up else found == []


@pytest.mark.parametrize(("asked", "told", "answer", "moved_on"), [
    ("oh nice, what kind of software do you work on?", "Payments backend for a fintech startup",
     "cool! do you have any pets?", True),
    ("what made you leave columbus?", "the job mostly, and i wanted a change", "what's your favorite ice cream flavor?",
     True),
    # A question on what was told, something taken up first, or the user asking back.
    ("what kind of software do you work on?", "Payments backend for a fintech startup",
     "cool! do you like working on payments?", False),
    ("what made you leave columbus?", "the job mostly, and i wanted a change",
     "A change can be good. Do you have any pets?", False),
    ("what made you leave columbus?", "the job mostly. what about you?", "I moved for school. Do you like to cook?",
     False),
    ("what is your booking reference?", "ABC123", "Great. Do you know your seat number?", False),
])
def test_an_answer_to_the_bots_question_passed_over_for_another_counts_for_little(store, tmp_path, asked, told,
                                                                                   answer, moved_on) -> None:
    b = Bundle()
    b.turn("s1", "hey", f"Hi! {asked}", trace_id="a")
    b.turn("s1", told, answer, trace_id="b")
    found = signals(store, tmp_path, b).get("b", [])
    passed = [(c, d) for kind, c, d, _ in found if kind == "off_topic" and "passed over for another" in d]
    assert bool(passed) is moved_on
    assert all(c == table("off_topic", "moved_on") for c, _ in passed)


@pytest.mark.parametrize(("request_", "answer", "says"), [
    ("Hi, we're flying out of Stansted on Sunday, can you find a train from Cambridge that gets us there by 8am?",
     "Certainly. TR3212 leaves Cambridge at 06:40 and arrives at Stansted Airport at 07:08 on Saturday. "
     "Would you like to book?", "another day than asked"),
    ("need a taxi from the cambridge arts theatre to the gonville hotel after the show, leaving 22:15",
     "I've booked your taxi from the Gonville Hotel to the Cambridge Arts Theatre at 22:15. It's a yellow Lexus.",
     "the other way round"),
    ("and a taxi from la tasca to the adc theatre, show starts at 7:45",
     "Booked a taxi from Efes to the ADC Theatre, arriving by 19:45. It's a blue Tesla.", "from another place"),
    ("Good evening. I'd like to find a train from Peterborough to Cambridge on Wednesday, leaving after 10:00.",
     "TR2012 departs Cambridge at 10:06 and arrives in Peterborough at 10:56.", "the other way round"),
    ("And could you book a taxi from the guesthouse to the church for Friday, arriving by 10:30?",
     "Your taxi will arrive at Great Saint Mary's Church by 10:30 on Saturday. It is a black Volvo.",
     "another day than asked"),
    # The day asked; none that day, said so; the route as asked, in other words.
    ("a train to ely on sunday please", "TR1111 leaves Cambridge at 09:00 and arrives in Ely at 09:17 on Sunday.",
     None),
    ("a train to ely on sunday please", "Sorry, there are no trains on Sunday. TR1112 leaves on Monday at 09:00.",
     None),
    ("a taxi from the grand arcade to the train station at 3", "Booked: a taxi from Grand Arcade to Cambridge train "
     "station at 15:00, a black Audi.", None),
])
def test_an_offer_on_another_day_or_another_route_than_asked_is_ungrounded(store, tmp_path, request_, answer,
                                                                          says) -> None:
    found = [detail for kind, _, detail, _ in one_turn(store, tmp_path, request_, answer) if kind == "ungrounded"]
    if says:
        assert any(says in detail for detail in found), found
    else:
        assert not found, found


@pytest.mark.parametrize(("request_", "answer", "left_out"), [
    ("nice. can i get the postcode for that and also a cheap italian place near it for after",
     "The postcode for the Whipple Museum is CB23RH. Is there anything else I can help you with?", True),
    ("missing sock sounds funny lol ill try that. oh and a train to norwich on saturday morning",
     "Enjoy The Missing Sock! Is there anything else I can help you with today?", True),
    ("Also need a train from London Liverpool Street to Cambridge on tuesday, arrive by 13:00, and a chinese "
     "restaurant near the hotel", "TR2715 leaves London Liverpool Street at 09:39 and arrives in Cambridge at 11:07 "
     "on Tuesday. Have a great stay, goodbye!", True),
    # Both taken up; the second asked about first; fish and chips is one dish.
    ("can i get the postcode and also a cheap italian place near it",
     "The postcode is CB23RH, and Pizza Hut is a cheap Italian place nearby.", False),
    ("the postcode please, and also a cheap italian place near it", "Sure: which area would suit you for the "
     "restaurant, and do you want the postcode by text?", False),
    ("where can i get fish and chips near the station", "Try the Fish Shop on Station Road.", False),
])
def test_a_second_request_the_answer_passes_over_is_off_topic(store, tmp_path, request_, answer, left_out) -> None:
    found = one_turn(store, tmp_path, request_, answer)
    assert any(kind == "off_topic" and "leaves out" in detail for kind, _, detail, _ in found) is left_out, found


@pytest.mark.parametrize(("request_", "answer", "missing"), [
    ("Great. Please send me the address, phone number and postcode so I can forward them.",
     "Caffe Uno is at 32 Bridge Street, City Centre.", "phone number"),
    ("water play. postcode and opening hours?", "Cherry Hinton Water Play is at Cherry Hinton Hall, postcode CB18DW.",
     "opening hours"),
    ("can i have the postcode and tel pls", "The postcode is CB18DW.", "phone number"),
    ("How much is a ticket, and how long is the journey?", "A ticket costs 4.40 GBP.", "travel time"),
    ("Yes, for 2 people at 19:30, and please tell me the address too.",
     "Your table at Sala Thong is booked for 2 on Tuesday at 19:30. Reference: 1ZB8UQ4X.", "address"),
    ("How much is a ticket, and how long is the journey?", "It's 4.40 GBP, and it takes 17 minutes.", None),
    ("Yes, for 2 people at 19:30, and please tell me the address too.",
     "Booked for 2 on Tuesday at 19:30. Sala Thong is at 35 Newnham Road.", None),
    # All given, in their own forms; one said not to be known; a detail only told of.
    ("can i have the address, phone number and postcode", "It's at 32 Bridge Street, CB21UJ, tel 01223448620.",
     None),
    ("postcode and opening hours?", "The postcode is CB18DW; I don't have its opening hours, I'm afraid.", None),
    ("the address was wrong last time, and the postcode too", "Sorry about that! Let me check.", None),
])
def test_details_asked_for_by_name_and_left_out_are_off_topic(store, tmp_path, request_, answer, missing) -> None:
    found = [detail for kind, _, detail, _ in one_turn(store, tmp_path, request_, answer) if kind == "off_topic"
             and "leaves out" in detail]
    if missing:
        assert found and missing in found[0], found
    else:
        assert not found, found


@pytest.mark.parametrize(("request_", "answer"), [
    # A weekday that is not the journey's.
    ("I ordered a blender on Monday, when will it arrive?", "Your blender is arriving Thursday by 8pm."),
    ("My order was due Monday and still hasn't come", "Sorry for the wait: it's now arriving on Wednesday."),
    ("I have a meeting in London on Monday morning, so I need a train the day before.",
     "TR5678 leaves Cambridge on Sunday at 18:00."),
    ("It's Sunday today and I need a train to London tomorrow morning.", "TR1200 leaves Cambridge on Monday at 07:10."),
    ("Happy Friday! Got any plans for the weekend?", "I'm leaving for the coast on Saturday, booked a little cottage."),
    ("a train to ely on friday", "TR2222 leaves at 09:00. It runs every day from Monday to Saturday."),
    # A route in other spellings, said as "my place", a working day, a date, a return leg, a life story.
    ("a taxi from kings college to the botanic gardens please",
     "Booked: a taxi from King's College to the Botanic Gardens, a grey Ford."),
    ("can you get me a taxi from my place to the adc theatre", "Booked a taxi from 12 Mill Road to the ADC Theatre."),
    ("I work from 9 to 5 so I need a taxi from the office to the gym at 17:10",
     "Booked: a taxi from the office to the gym at 17:10."),
    ("Please move my appointment from Tuesday to Thursday.", "Done! Your appointment is moved from the 4th to "
     "Thursday the 6th."),
    ("a train from Cambridge to London on Friday and back on Sunday",
     "Booked: TR1 from Cambridge to London on Friday, and TR2 from London Kings Cross to Cambridge on Sunday."),
    ("I moved from Ohio to Texas last year", "I moved from Boston to Texas too, done with the snow!"),
    ("I need a train from Peterborough to Cambridge on Wednesday after 10:00.",
     "TR2012 departs Peterborough at 10:06 and arrives in Cambridge at 10:56."),
    ("I need a train from Peterborough to Cambridge on Wednesday and one back in the evening.",
     "TR2012 departs Cambridge at 18:06 and arrives in Peterborough at 18:56 on Wednesday."),
    ("a taxi from the hotel to the church on friday at 10:30",
     "Your taxi will arrive at the church by 10:30 on Friday."),
    ("when will my package arrive? I ordered it on Monday", "It will arrive on Thursday."),
    # Details in forms of their own.
    ("the address and phone number please", "Caffe Uno, 32 Bridge Street. Reach them on 01223 448620."),
    ("the address and phone number please", "Caffe Uno, 32 Bridge St, tel +44 1223 448620."),
    ("What's the price range and address?", "It's in the expensive range, at 32 Bridge Street."),
    ("the train number and the price please", "It's TR4412, and the fare is 12.50 pounds."),
    ("your email address and phone number?", "Email complaints@acme.com or call 0800 123 4567."),
    # A second request taken up in other words; chat that asks for nothing more.
    ("book a table at 7. oh and a taxi to get there", "Done, and I've booked a cab to pick you up at 18:40."),
    ("a hotel in the north, and also an expensive restaurant nearby",
     "Acorn House is in the north; close by, Hotpot is a pricey Chinese place."),
    ("I love hiking and also a good book on rainy days. What do you like?", "I enjoy reading novels myself!"),
])
def test_days_routes_details_and_second_requests_the_answer_keeps_to_are_no_miss(store, tmp_path, request_,
                                                                                 answer) -> None:
    found = one_turn(store, tmp_path, request_, answer)
    assert not [detail for kind, _, detail, _ in found if kind in ("ungrounded", "off_topic") and any(
        words in detail for words in ("another day", "the journey", "leaves out"))], found
