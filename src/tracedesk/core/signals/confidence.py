"""How sure each detector is: one table of every case a signal is raised in, the
confidence it carries (the share of such flags that turn out to be real defects, as
measured on labelled sets) and why.

A detector never writes a bare number: it names its case and, where the evidence is
graded (how similar two questions are, how low a rating), how strong it is from 0 to 1;
the confidence is then interpolated between the case's ``low`` and ``high``. The queue
combines a trace's signals as independent evidence (noisy-OR, see :mod:`..queue`), so a
single strong signal (a thumbs-down, 0.9) outranks one weak signal (an unusual latency,
0.3), and two moderate ones together outrank either alone.

The kind's ``prior`` is what the queue starts from before any reviewer has said anything;
the verdicts of this database then move it (:mod:`..learning`).
"""

from __future__ import annotations

from dataclasses import dataclass

# What agent runs show (signals.agent): a limit reached, a patch whose tests failed...
AGENT_KINDS = ("limit_reached", "tests_failed", "repeated_command", "error_ignored", "handoff", "no_answer")


@dataclass(frozen=True)
class Case:
    kind: str
    case: str
    low: float
    high: float
    why: str

    def at(self, strength: float = 1.0) -> float:
        strength = min(1.0, max(0.0, strength))
        return round(self.low + (self.high - self.low) * strength, 3)


CASES: tuple[Case, ...] = (
    # Explicit feedback: someone said so.
    Case("correction", "sent", 0.95, 0.95, "someone wrote what the answer should have been"),
    Case("thumbs_down", "vote", 0.9, 0.9, "the user voted it down"),
    Case("escalation", "feedback", 0.9, 0.9, "the application recorded that the user escalated"),
    Case("failed_eval", "scored_incorrect", 0.85, 0.85, "an evaluator scored the answer incorrect"),
    Case("failed_eval", "failed", 0.8, 0.8, "a pass/fail score said failed"),
    Case("failed_eval", "label", 0.8, 0.8, "a label such as 'wrong' or 'fail'"),
    Case("failed_eval", "low_score", 0.6, 0.9, "a score in the bottom third of its scale (lower is surer)"),
    Case("low_rating", "low", 0.6, 0.9, "a rating in the bottom third of its scale (lower is surer)"),
    Case("negative_comment", "comment", 0.6, 0.6, "a comment that says the answer missed"),
    Case("abandonment", "feedback", 0.5, 0.5, "the application recorded that the user left"),
    # The steps: what the run did.
    Case("error_swallowed", "hidden", 0.85, 0.85,
         "a step failed, was not retried, and the answer reads as if all went well"),
    Case("ungrounded", "contradicts", 0.75, 0.85,
         "the answer states a value that a tool result or document contradicts"),
    Case("ungrounded", "unsupported", 0.45, 0.65,
         "the answer states figures none of the retrieved documents or tool results contain (surer where they "
         "give another of the same kind; least sure for a price where they give no sum at all)"),
    Case("ungrounded", "unrelated", 0.45, 0.6,
         "the answer shares almost none of its topic words with the documents the run retrieved, the question "
         "or the turn before (fewer is surer): it says what none of them say"),
    Case("ungrounded", "request", 0.6, 0.6,
         "the answer confirms another value than the request asked for (a time, a number of people, a date, "
         "an amount), or than the user asked for earlier in the session with one nobody said, or offers a time "
         "outside the window the request set (to leave after 14:00, to arrive by 16:00) or a price over the budget "
         "it set (under £60 for two), or another kind than the request named (an Indian restaurant for an Italian "
         "one, the east for the centre, a train for a taxi), or breaks a limit it set on the answer's form (50 words "
         "max, no bullet points)"),
    Case("ungrounded", "arithmetic", 0.8, 0.8,
         "the answer gives another result than the plain sum its message asked (\"whats 15% of 80\" - \"15% of 80 "
         "is 14.\"), worked out: the one fact a detector can check without knowing the world"),
    Case("ungrounded", "count", 0.7, 0.7,
         "the answer gives a count the world knows otherwise, to a question people test chatbots with (\"how many "
         "legs does a spider have\" - \"Six! Same as insects.\"): checked against a table, without a model"),
    Case("ungrounded", "famous", 0.7, 0.7,
         "the answer names another maker, first or year of a famous work or event than the record (\"who painted "
         "starry night\" - \"That was Claude Monet, in 1889.\", \"when did the berlin wall fall\" - \"1991.\"): "
         "checked against a table, without a model"),
    Case("ungrounded", "capital", 0.7, 0.7,
         "the answer calls a city the capital of a country, a state or a province whose capital is another "
         "(\"The capital of Australia is Sydney.\"): a fact of the world checked against a table, without a model"),
    Case("ungrounded", "told", 0.6, 0.6,
         "the answer speaks of the user's son where the user told of a daughter (or a brother where they told of a "
         "sister, a dog where they told of horses...), and never of a son"),
    Case("ungrounded", "farewell", 0.5, 0.5,
         "a goodbye or a thank-you answered with a name, a place, a day or a number nobody in the conversation "
         "said (\"Enjoy your trip to California!\" to a user going to Florida): the bot made it up"),
    Case("ungrounded", "told_back", 0.5, 0.5,
         "the answer tells the user back something of their own with a name, a place, a day or a count nobody in "
         "the conversation said (\"Your name is Pooja!\" to Priya, \"Happy 60th to your dad!\" to a user whose "
         "dad turns 70)"),
    Case("ungrounded", "itself", 0.6, 0.6,
         "the answer denies what an earlier answer said of the bot itself (\"I've never driven a car\" after \"I "
         "learned in my dad's old car\", \"i'm single\" after \"my husband\", no pets after \"my two cats\")"),
    Case("ungrounded", "advice", 0.6, 0.6,
         "the answer tells the user they need not do what an earlier answer advised (\"No, you don't need to see a "
         "doctor.\" after \"It's a good idea to get it checked by a doctor\")"),
    Case("empty_retrieval", "nothing", 0.8, 0.8, "retrieval returned no documents and the model answered anyway"),
    Case("empty_retrieval", "weak", 0.6, 0.6,
         "retrieval found only weak matches (under 0.3, or under half its retriever's usual best score) and the "
         "model answered anyway"),
    Case("loop", "repeated_call", 0.6, 0.9, "the same tool called with the same arguments (more calls, surer)"),
    Case("loop", "repeated_answer", 0.6, 0.6, "an answer said again word for word, to another message"),
    Case("loop", "repeated_sentence", 0.55, 0.55,
         "a sentence of an earlier answer (five words or more) said again word for word inside another answer: "
         "\"Do you have any pets?\", \"I work at a bakery and I love to bake bread.\""),
    Case("loop", "told_again", 0.45, 0.45,
         "an answer of facts with figures that earlier answers all told, every figure and all its words but one, "
         "to a message it takes no word of (\"Banff was established in 1885 as Canada's first national park.\" "
         "to \"bears?? should i be worried\")"),
    Case("loop", "asked_again", 0.45, 0.65,
         "an answer asks again a question the user answered before (in the same words, or closer in meaning is "
         "surer)"),
    Case("loop", "asked_told", 0.5, 0.5,
         "an answer asks the user what they told before, unasked: an age, a job, where they are from, pets or "
         "children (\"my 15 yo son\" ... \"How old is he now?\"), or what a booking needs (\"a table for 5 at "
         "19:00\" - \"How many people will be in your party?\")"),
    Case("outlier", "measure", 0.3, 0.3, "a step far beyond its usual latency, tokens or cost: often harmless"),
    # The conversation: what the user's next turn says about the answer.
    Case("escalation", "next_turn", 0.85, 0.85, "the next message asks for a person"),
    Case("escalation", "first_turn", 0.6, 0.6, "the user asks for a person before any answer went wrong"),
    Case("escalation", "by_meaning", 0.55, 0.75,
         "the next message is close in meaning to requests for a person (closer is surer)"),
    Case("frustration", "next_turn", 0.8, 0.8, "the next message says the answer missed"),
    Case("frustration", "first_turn", 0.2, 0.2,
         "the user is frustrated from the start: often with the product, not with an answer"),
    Case("frustration", "by_meaning", 0.3, 0.5,
         "the next message is close in meaning to complaints that an answer missed"),
    Case("frustration", "corrected", 0.7, 0.7,
         "the next message corrects what the answer gave: \"friday, not saturday!\", \"i said monday\""),
    Case("frustration", "answered_otherwise", 0.55, 0.55,
         "the answer put a claim as a question (\"Manila is in Thailand, right?\") and the next message answers "
         "with another, not a yes (\"philippines 😅\"); sometimes it only doubts a true claim"),
    Case("frustration", "challenged", 0.55, 0.55,
         "the next message questions the answer (\"wasnt that 1939\", \"isnt it nigeria?\"); sometimes it only "
         "marvels at a true answer"),
    Case("frustration", "did_not_follow", 0.7, 0.7,
         "the next message says only that the answer was not understood (\"huh?\", \"I don't follow\"): "
         "nonsense, or an answer on something else; sometimes surprise"),
    Case("frustration", "said_no", 0.7, 0.7,
         "the bot asked whether its answer helped and the user said no (\"Did that help?\" - \"not really\")"),
    Case("frustration", "gave_up", 0.6, 0.6,
         "the next message gives up on the answer (\"never mind\", \"forget it\"); sometimes the user found it "
         "elsewhere"),
    Case("frustration", "pushed_back", 0.6, 0.6,
         "the next message takes the answer with a \"but\" and asks on (\"ok but dress or jeans??\", \"cool but "
         "how much lol\", \"the list though?\"): what it asked was left out"),
    Case("rephrase", "same_request", 0.5, 0.85,
         "the next message asks for the same thing again, in words or in meaning (closer is surer)"),
    Case("rephrase", "says_so", 0.6, 0.6,
         "the next message opens by saying it asks again (\"I'll rephrase\", \"let me try again\", \"what I mean "
         "is\"), though the two messages share no words or meaning"),
    Case("rephrase", "in_short", 0.6, 0.6,
         "the next message asks again, in a few of the question's own words, what the answer left out (\"and "
         "goats?\", \"the NUMBER please\")"),
    Case("rephrase", "after_failure", 0.7, 0.9,
         "the answer did not understand the request and the user asked the same again"),
    Case("rephrase", "after_no_help", 0.3, 0.3,
         "the answer said, honestly, that it could not help and the user asked the same again: often a gap in "
         "what the bot knows, seldom a wrong answer"),
    # ...and what the bot's next answer says of it.
    Case("taken_back", "next_answer", 0.8, 0.8,
         "the next answer owns a miss of this one (\"You're right, sorry\", \"I apologise for the confusion\")"),
    Case("off_topic", "answer", 0.2, 0.45,
         "the answer is far in meaning from what was asked, and from what the run's documents and tools gave "
         "(farther is surer): a canned reply, another topic"),
    Case("off_topic", "bad_news", 0.6, 0.6,
         "the user told of a loss or a bad day and the answer cheered, with no word of sympathy"),
    Case("off_topic", "good_news_mourned", 0.6, 0.6,
         "the user told good news of their own and the answer opened on sympathy, as for a loss (\"i got "
         "promoted today!\" - \"I'm sorry to hear that.\")"),
    Case("off_topic", "distress_closed_off", 0.5, 0.5,
         "the user told of fear or distress and the answer only noted it and asked for anything else (\"i'm so "
         "scared\" - \"Noted. Is there anything else you need?\")"),
    Case("off_topic", "curt_to_news", 0.45, 0.45,
         "the user told news or a feeling of their own, asking nothing, and the answer gave only a bare "
         "acknowledgement, alone or before a question on something else (\"i just got engaged yesterday!!\" - "
         "\"ok . how long have you been tattooing ?\")"),
    Case("off_topic", "unasked_trivia", 0.5, 0.5,
         "the answer opens on \"did you know\" or \"fun fact\" with a fact none of whose words the message or the "
         "answer before used, nobody having asked to be told something (\"next monday. kinda nervous tbh\" - \"did "
         "you know bananas are technically berries?\")"),
    Case("off_topic", "only_acknowledged", 0.45, 0.45,
         "the user told something, asking nothing and asking nothing done, and the answer was a bare "
         "acknowledgement and nothing more (\"since i was like 12\" - \"ok .\", \"my parents are still in kharkiv. "
         "i miss them a lot\" - \"cool.\"); a command answered \"okay.\" is answered"),
    Case("off_topic", "neither_option", 0.35, 0.35,
         "the user asked the bot to choose between two things (\"dispossessed or earthsea\") and the answer named "
         "neither, nor said it takes neither, both or either; as often an answer in other words (\"the cook or a "
         "server?\" - \"i am the head chef\") as a choice left"),
    Case("off_topic", "grief_passed_over", 0.4, 0.4,
         "the user told of grief, a loss or someone missed, asking nothing, and the answer told a fact with no "
         "word of sympathy and none to the user (\"My late husband bought me that record.\" - \"The concerto was "
         "written in 1919.\")"),
    Case("off_topic", "dismissive", 0.5, 0.5,
         "the answer belittles or brushes off the user (\"That's not my problem.\", \"maybe you're just not a natural "
         "dancer\", \"Stress isn't a medical condition.\"), or blames them for the trouble they told (\"Maybe you "
         "should have checked your bag.\")"),
    Case("off_topic", "told_asked_elsewhere", 0.4, 0.4,
         "what the user told answered only by a question on something else, nothing taken up first (\"oh that "
         "makes sense\" - \"do you have any pets?\"): a jump, or a chatbot's way of going on"),
    Case("off_topic", "moved_on", 0.2, 0.2,
         "the user answered the bot's question and the answer, with a word of reaction at most, asks another that "
         "gets to know anyone (\"Payments backend for a fintech startup\" - \"cool! do you have any pets?\"): as "
         "often a chatbot's way of going on as a jump"),
    Case("off_topic", "own_subject", 0.35, 0.35,
         "what the user told of their day, people or feelings answered by a subject of the bot's own, with no "
         "reaction and no word of it (\"my daughter... but she works so much\" - \"knitting is my favorite hobby.\")"),
    Case("off_topic", "tells_of_itself", 0.2, 0.2,
         "the user's message answered only by the bot telling of itself, in words none of which the message or the "
         "answer before used (\"I'm a professional opera singer.\" after \"mostly about my landlord\"): often a "
         "jump, as often a persona chatbot's way"),
    Case("off_topic", "no_figure", 0.45, 0.45,
         "a question for a number, a time, an age or a price answered with no figure, amount or time at all "
         "(\"how old is daisy\" - \"my favorite color is yellow.\")"),
    Case("off_topic", "no_place", 0.45, 0.45,
         "a question for a place answered with no place, way or name at all (\"where do you even buy those\" - "
         "\"kids love surprises!\")"),
    Case("off_topic", "no_name", 0.45, 0.45,
         "a question for the name of something answered with no name at all (\"what was the 1936 paper called "
         "exactly\" - \"The paper introduced the idea of a universal machine.\")"),
    Case("off_topic", "in_general", 0.4, 0.4,
         "a question for one of a kind answered with what is true of the kind in general, naming none "
         "(\"whats the stinkiest cheese\" - \"Cheese is made from milk.\")"),
    Case("off_topic", "favourite_unasked", 0.45, 0.45,
         "the answer tells a favourite of the bot's that nothing in the message asks for or speaks of (\"what day "
         "is it today\" - \"My favorite color is blue.\"): a persona chatbot's line that fits nothing"),
    Case("off_topic", "no_favourite", 0.4, 0.4,
         "a favourite asked for answered with a liking of any, naming none (\"whats ur fav song of theirs\" - "
         "\"i like a lot of different kinds of music .\")"),
    Case("off_topic", "another_thing", 0.5, 0.5,
         "a question for one thing answered by telling another in the same words (\"what's the phone number?\" - "
         "\"The address is 154 Chesterton Road.\"): a task bot's slip"),
    Case("off_topic", "fewer_than_asked", 0.55, 0.55,
         "a request for a number of things (\"name 5 countries that border germany\", \"give me like 3 sad songs\") "
         "answered with fewer (\"France, Poland and Austria.\"), counted the most generous way of the answer's "
         "lines, sentences, list and quoted titles, where it says it has no more nowhere"),
    Case("off_topic", "left_out", 0.45, 0.45,
         "a message that makes two requests (\"the postcode, and also a cheap italian place near it\") answered "
         "with no word of the second, or asks for details by name (\"the address, phone number and postcode\") "
         "and gets only some of them"),
    Case("off_topic", "good_news_passed_over", 0.55, 0.55,
         "good news told with joy (\"i got engaged last night!!!\") answered without a word or a mark of joy "
         "(\"ok. i'm a plumber.\"): the person's news went unheard"),
    Case("off_topic", "platitude", 0.5, 0.5,
         "a question answered with a platitude on its subject (\"do u work out\" - \"Working out is great for "
         "both body and mind!\"): a chatbot's way of saying nothing"),
    Case("off_topic", "advice_unasked", 0.5, 0.5,
         "a feeling told without a question (\"i'm scared i'll cry\") answered first with advice and no word of "
         "sympathy (\"just try not to cry\"): the person wanted to be heard"),
    Case("off_topic", "goodbye_passed_over", 0.45, 0.45,
         "the user says they are going (\"ok i gotta go\", \"off to bed\") and the answer asks something else "
         "with no word of goodbye: it did not take in what was said"),
    Case("off_topic", "changes_subject", 0.4, 0.4,
         "the answer says it leaves what was said for something else (\"Speaking of suitcases, are you planning "
         "any trips?\", \"By the way, have you ever thought about getting a pet?\"): a chatbot's jump, now and "
         "then a friendly aside"),
    Case("off_topic", "question_back", 0.6, 0.6,
         "a question answered only by a question on something else, or by a change of subject"),
    Case("off_topic", "praise", 0.45, 0.45,
         "a question for a thing or for advice answered only with praise of what it is about (\"what should i "
         "get her as a gift\" - \"being an aunt is so much fun .\")"),
    Case("off_topic", "appreciation", 0.6, 0.6,
         "a question answered only with a word of appreciation or an acknowledgement (\"Cool cool.\", "
         "\"Good to know!\", \"Noted.\")"),
    Case("off_topic", "empty_advice", 0.6, 0.6,
         "a request for advice, tips or ideas answered in a few words that give none (\"Kyoto is nice.\", "
         "\"bring stuff.\")"),
    Case("abandonment", "after_failure", 0.45, 0.45, "the session ended on an answer that said it could not help"),
    Case("abandonment", "not_understood", 0.45, 0.45,
         "the session ended on an answer that did not understand the request and asked for it again"),
    Case("abandonment", "unanswered_ask", 0.3, 0.3, "the session ended on a question back that the user left"),
    Case("abandonment", "after_honest_failure", 0.15, 0.15,
         "the session ended on an answer that said plainly a step had failed or found nothing"),
    # Agent runs: how the run ended and what its steps did.
    Case("tests_failed", "patch", 0.9, 0.9, "the patch the agent submitted failed its tests"),
    Case("limit_reached", "limit", 0.85, 0.85, "the run stopped at its iteration, cost or time limit"),
    Case("handoff", "tool", 0.65, 0.65, "the agent called a tool that hands the run to a person"),
    Case("no_answer", "ended", 0.55, 0.55, "the run ended without an answer"),
    Case("repeated_command", "same_result", 0.45, 0.6,
         "the same command ran again and again with the same result (more runs, surer)"),
    Case("error_ignored", "went_on", 0.45, 0.45, "a step failed and the agent went on as if it had not"),
    # What the reviewers taught (core.learning): not detected, learned from a verdict.
    # A person judged this very answer wrong: as strong as a typical low rating, though on another
    # trace, whose question may differ (the verdicts on echoes then move it, core.learning).
    Case("like_failure", "same_answer", 0.75, 0.75,
         "the answer is, figures and names aside, one a reviewer judged a failure on another trace"),
    # Praise.
    Case("positive_feedback", "thumbs_up", 0.9, 0.9, "the user voted it up"),
    Case("positive_feedback", "scored_correct", 0.7, 0.7, "an evaluator scored it correct"),
    Case("positive_feedback", "passed", 0.8, 0.8, "a pass/fail score said passed"),
    Case("positive_feedback", "high_score", 0.7, 0.7, "a score in the top third of its scale"),
    Case("positive_feedback", "label", 0.7, 0.7, "a label such as 'correct' or 'pass'"),
)

# Raised from the reviewers' verdicts (core.learning), not by a detector.
LEARNED_KINDS = ("like_failure",)
NEGATIVE_KINDS = (
    # explicit: from feedback and imported scores
    "thumbs_down", "low_rating", "correction", "negative_comment", "failed_eval",
    # implicit: detected
    "rephrase", "escalation", "frustration", "taken_back", "abandonment", "error_swallowed",
    "empty_retrieval", "ungrounded", "off_topic", "loop", "outlier",
    *AGENT_KINDS,
    *LEARNED_KINDS,
)
POSITIVE_KINDS = ("positive_feedback",)
SIGNAL_KINDS = NEGATIVE_KINDS + POSITIVE_KINDS

TABLE: dict[tuple[str, str], Case] = {(c.kind, c.case): c for c in CASES}


def confidence(kind: str, case: str, strength: float = 1.0) -> float:
    """The confidence of a ``kind`` signal raised in ``case``, at ``strength`` (0 to 1)."""
    return TABLE[(kind, case)].at(strength)


def _priors() -> dict[str, float]:
    values: dict[str, list[float]] = {}
    for c in CASES:
        values.setdefault(c.kind, []).append((c.low + c.high) / 2)
    return {kind: round(sum(v) / len(v), 3) for kind, v in values.items()}


PRIORS = _priors()


def prior_precision(kind: str) -> float:
    """What the queue expects of a kind before reviewers say anything: the mean of its
    cases' confidences."""
    return PRIORS.get(kind, 0.5)


def describe() -> list[dict[str, object]]:
    """The table as rows, for ``tracedesk signals`` and the documentation."""
    return [{"signal": c.kind, "case": c.case, "confidence": c.low if c.low == c.high else [c.low, c.high],
             "why": c.why} for c in CASES]
