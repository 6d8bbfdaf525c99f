"""The scenarios of the support set: good runs, planted failures, hidden failures, hard negatives.

Each scenario adds its turns to a ``Session`` and labels the traces it is about: a failure on
the turn whose answer failed (never on the user's reaction to it), a hard negative on the
turns that look like a failure and are not.
"""

from __future__ import annotations

import zlib

from tests.eval.support_runs import Step, Turn, fill, search
from tests.eval.support_session import NOT_FOUND, NOT_FOUND_NEXT, OPENERS, STILL_WORKING, Session
from tests.eval.support_words import reactions as R
from tests.eval.support_words.base import Intent

FAIL, HIDDEN, HARD = "failure", "undetectable", "hard"
POLICY_COMPLAINTS = ["that's a ripoff", "too expensive", "ridiculous policy", "should be free", "",
                     "not happy with this rule"]


def has_tool(i: Intent) -> bool:
    return i.tool is not None


def no_tool(i: Intent) -> bool:
    return i.tool is None


def thumbs_down(s: Session, turn: Turn, comments: list[str] = R.THUMBS_DOWN_COMMENTS) -> None:
    comment = s.one(comments)
    if s.rng.random() < 0.7:
        fb = {"kind": "thumbs", "value": -1}
    else:
        fb = {"kind": "rating", "value": s.rng.choice([1, 2]), "scale": [1, 5]}
    if comment:
        fb["comment"] = comment
    turn.feedback.append(fb)
    turn.explicit_negative = True


def failed_answer(s: Session, intent: Intent, question: str) -> Turn:
    """An answer that does not give what was asked: off target, or wrong about the facts."""
    roll = s.rng.random()
    if roll < 0.75 or (roll < 0.88 and intent.tool is None):
        return s.unhelpful(intent, question)
    if intent.tool is not None and roll < 0.88:
        steps = [s.plan(intent), s.call(intent)]
        answer = s.one(OPENERS) + fill(intent.tool.wrong, s.context(intent))
        return Turn(question, answer, steps, think=s.rng.uniform(8, 90))
    return Turn(question, fill(intent.unsupported, s.values), [s.relevant(intent, question)],
                think=s.rng.uniform(8, 90))


def maybe_thumbs(s: Session, turn: Turn, share: float = 0.12) -> None:
    if s.rng.random() < share:
        thumbs_down(s, turn)


# -- good runs ---------------------------------------------------------------------------------
def good_run(s: Session) -> None:
    s.filler(s.rng.choice([1, 2, 2, 3, 4]))


# -- failures users react to -------------------------------------------------------------------
def rephrase(s: Session) -> None:
    intent = s.intent()
    bad = s.add(failed_answer(s, intent, s.ask(intent)), intent, (FAIL, "rephrase"))
    maybe_thumbs(s, bad)
    again = s.rephrase(intent)
    if s.rng.random() < 0.25:
        bad2 = s.add(s.unhelpful(intent, again), intent)
        if s.rng.random() < 0.5:
            bad2.label = (FAIL, "escalation")
            s.add(s.handoff(s.escalate()))
        else:
            bad2.label = (FAIL, "frustration")
            s.add(s.handoff(s.vent()))
    else:
        s.add(s.good(intent, again), intent)


def escalation(s: Session) -> None:
    intent = s.intent()
    bad = s.add(failed_answer(s, intent, s.ask(intent)), intent, (FAIL, "escalation"))
    maybe_thumbs(s, bad)
    s.add(s.handoff(s.escalate()))


def frustration(s: Session) -> None:
    intent = s.intent()
    bad = s.add(failed_answer(s, intent, s.ask(intent)), intent, (FAIL, "frustration"))
    maybe_thumbs(s, bad)
    venting = s.vent()
    if s.rng.random() < 0.3:
        venting = venting.rstrip(".!") + ". " + fill(s.one(intent.rephrases), s.values)
    if s.rng.random() < 0.7:
        turn = s.good(intent, venting)
        turn.answer = s.one(R.APOLOGY) + turn.answer
        s.add(turn, intent)
    else:
        s.add(s.handoff(venting))


def abandonment(s: Session) -> None:
    intent = s.intent()
    s.add(failed_answer(s, intent, s.ask(intent)), intent, (FAIL, "abandonment"))


def thumbs_down_run(s: Session) -> None:
    intent = s.intent()
    bad = s.add(failed_answer(s, intent, s.ask(intent)), intent, (FAIL, "thumbs_down"))
    thumbs_down(s, bad)


# -- failures inside the run -------------------------------------------------------------------
def error_swallowed(s: Session) -> None:
    intent = s.intent(has_tool)
    question = s.ask(intent)
    steps: list[Step] = [s.plan(intent)]
    if s.rng.random() < 0.4:
        steps.append(s.relevant(intent, question))
    steps += [s.call(intent, error=True) for _ in range(s.rng.choice([1, 1, 2]))]
    assert intent.tool is not None
    s.add(Turn(question, s.one(OPENERS) + fill(intent.tool.claim, s.values), steps), intent,
          (FAIL, "error_swallowed"))
    if s.rng.random() < 0.35:
        s.add(Turn(s.vary(s.one(R.THANKS_END), light=True), s.one(R.THANKS_REPLY), think=s.rng.uniform(4, 30)))


def empty_retrieval(s: Session) -> None:
    intent = s.intent(no_tool)
    question = s.ask(intent)
    answer = s.one(OPENERS) + fill(intent.answer if s.rng.random() < 0.6 else intent.unsupported, s.values)
    s.add(Turn(question, answer, [search(s.domain, question, [], [])]), intent, (FAIL, "empty_retrieval"))


def irrelevant_retrieval(s: Session) -> None:
    intent = s.intent(no_tool)
    question = s.ask(intent)
    answer = s.one(OPENERS) + fill(intent.answer if s.rng.random() < 0.6 else intent.unsupported, s.values)
    s.add(Turn(question, answer, [s.unrelated(intent, question, 0.12, 0.36)]), intent,
          (FAIL, "irrelevant_retrieval"))


def tool_contradiction(s: Session) -> None:
    intent = s.intent(has_tool)
    question = s.ask(intent)
    assert intent.tool is not None
    steps = [s.plan(intent), *([s.relevant(intent, question)] if s.rng.random() < 0.4 else []), s.call(intent)]
    answer = s.one(OPENERS) + fill(intent.tool.wrong, s.context(intent))
    s.add(Turn(question, answer, steps), intent, (FAIL, "tool_contradiction"))


def unsupported_answer(s: Session) -> None:
    intent = s.intent()
    question = s.ask(intent)
    steps = [s.relevant(intent, question)]
    if intent.tool is not None:
        steps = [s.plan(intent), *steps, s.call(intent)]
    answer = s.one(OPENERS) + fill(intent.unsupported, s.values)
    s.add(Turn(question, answer, steps), intent, (FAIL, "unsupported_answer"))


def tool_loop(s: Session) -> None:
    intent = s.intent(has_tool)
    question = s.ask(intent)
    steps: list[Step] = []
    for _ in range(s.rng.randint(4, 7)):
        steps += [s.plan(intent), s.call(intent)]
    answer = fill(intent.answer, s.context(intent)) if s.rng.random() < 0.5 else s.one(STILL_WORKING)
    s.add(Turn(question, answer, steps), intent, (FAIL, "tool_loop"))


# -- failures nothing in the data shows --------------------------------------------------------
def outdated_document(s: Session) -> None:
    intent = s.intent(lambda i: bool(i.stale_doc))
    question = s.ask(intent)
    doc_id = intent.docs[0][0]
    step = search(s.domain, question, [(doc_id, fill(intent.stale_doc, s.values))], [s.rng.uniform(0.7, 0.9)])
    s.add(Turn(question, s.one(OPENERS) + fill(intent.stale_answer, s.values), [step]), intent,
          (HIDDEN, "outdated_document"))
    if s.rng.random() < 0.4:
        s.add(Turn(s.vary(s.one(R.THANKS_END), light=True), s.one(R.THANKS_REPLY), think=s.rng.uniform(4, 30)))


# -- hard negatives ----------------------------------------------------------------------------
def followup(s: Session) -> None:
    intent = s.intent()
    s.add(s.good(intent, s.ask(intent)), intent, (HARD, "followup_new_question"))
    question, answer = s.rng.choice(intent.followups)
    turn = Turn(s.vary(fill(question, s.values)), fill(answer, s.values), [s.relevant(intent, question)])
    s.add(turn, intent, (HARD, "followup_new_question"))


def thanks_more(s: Session) -> None:
    first = s.intent()
    s.add(s.good(first, s.ask(first)), first, (HARD, "thanks_more"))
    second = s.intent()
    question = s.one(R.THANKS_MORE) + fill(s.one(second.asks), s.values)
    s.add(s.good(second, s.vary(question, light=True)), second, (HARD, "thanks_more"))


def mentions_human(s: Session) -> None:
    question, answer = s.rng.choice(s.domain.human_words)
    if s.turns and s.turns[-1][0].label is None:
        s.turns[-1][0].label = (HARD, "mentions_human")
    step = search(s.domain, question, [(f"faq-{zlib.crc32(question.encode()) % 1000:03d}", answer)],
                  [s.rng.uniform(0.6, 0.9)])
    s.add(Turn(s.vary(question, first=not s.turns), answer, [step]), None, (HARD, "mentions_human"))


def retried_tool_error(s: Session) -> None:
    intent = s.intent(has_tool)
    question = s.ask(intent)
    turn = s.good(intent, question)
    turn.steps[-1:-1] = [s.call(intent, error=True)]
    s.add(turn, intent, (HARD, "retried_tool_error"))


def honest_tool_failure(s: Session) -> None:
    intent = s.intent(has_tool)
    question = s.ask(intent)
    assert intent.tool is not None
    steps = [s.plan(intent)] + [s.call(intent, error=True) for _ in range(s.rng.choice([1, 2]))]
    s.add(Turn(question, fill(intent.tool.honest, s.values), steps), intent, (HARD, "honest_tool_failure"))


def thanks_end(s: Session) -> None:
    intent = s.intent()
    s.add(s.good(intent, s.ask(intent)), intent, (HARD, "thanks_end"))
    s.add(Turn(s.vary(s.one(R.THANKS_END), light=True), s.one(R.THANKS_REPLY), think=s.rng.uniform(4, 30)), None,
          (HARD, "thanks_end"))


def thumbs_up(s: Session) -> None:
    intent = s.intent()
    turn = s.add(s.good(intent, s.ask(intent)), intent, (HARD, "thumbs_up"))
    if s.rng.random() < 0.7:
        turn.feedback.append({"kind": "thumbs", "value": 1})
    else:
        turn.feedback.append({"kind": "rating", "value": s.rng.choice([4, 5, 5]), "scale": [1, 5]})
    comment = s.one(R.THUMBS_UP_COMMENTS)
    if comment:
        turn.feedback[-1]["comment"] = comment


def repeat_for_detail(s: Session) -> None:
    intent = s.intent()
    s.add(s.good(intent, s.ask(intent)), intent, (HARD, "repeat_for_detail"))
    again = s.one(R.DETAIL_LEADS) + fill(s.one(intent.asks), s.values) + s.one(R.DETAIL_TAILS)
    s.add(s.good(intent, s.vary(again, light=True), more=True), intent, (HARD, "repeat_for_detail"))


def honest_empty_retrieval(s: Session) -> None:
    intent = s.intent(no_tool)
    question = s.ask(intent)
    s.add(Turn(question, s.one(NOT_FOUND) + s.one(NOT_FOUND_NEXT), [search(s.domain, question, [], [])]), intent,
          (HARD, "honest_empty_retrieval"))


def declined_offer(s: Session) -> None:
    intent = s.intent(lambda i: bool(i.offer))
    s.add(s.good(intent, s.ask(intent), offer=True), intent, (HARD, "declined_offer"))
    s.add(Turn(s.vary(s.one(R.DECLINE), light=True), intent.declined, think=s.rng.uniform(3, 20)), intent,
          (HARD, "declined_offer"))


def search_reformulated(s: Session) -> None:
    intent = s.intent(no_tool)
    question = s.ask(intent)
    steps = [search(s.domain, question, [], []), s.unrelated(intent, " ".join(question.split()[:3]), 0.1, 0.3),
             s.relevant(intent, intent.key.replace("_", " ") + " " + " ".join(intent.tags))]
    s.add(Turn(question, fill(intent.answer, s.values), steps), intent, (HARD, "search_reformulated"))


def complaint_about_product(s: Session) -> None:
    intent = s.intent()
    question = s.one(s.domain.complaints) + fill(s.one(intent.asks), s.values)
    s.add(s.good(intent, s.vary(question, light=True)), intent, (HARD, "complaint_about_product"))


def disliked_policy(s: Session) -> None:
    intent = s.intent(no_tool)
    turn = s.add(s.good(intent, s.ask(intent)), intent, (HARD, "disliked_policy"))
    thumbs_down(s, turn, POLICY_COMPLAINTS)


# name: (weight, scenario, where it must sit in the session: "any", "first" or "last")
SCENARIOS = {
    "good": (0.47, good_run, "any"),
    "rephrase": (0.04, rephrase, "any"), "escalation": (0.035, escalation, "any"),
    "frustration": (0.03, frustration, "any"), "abandonment": (0.025, abandonment, "last"),
    "thumbs_down": (0.025, thumbs_down_run, "any"), "error_swallowed": (0.03, error_swallowed, "any"),
    "empty_retrieval": (0.02, empty_retrieval, "any"), "irrelevant_retrieval": (0.015, irrelevant_retrieval, "any"),
    "tool_contradiction": (0.03, tool_contradiction, "any"), "unsupported_answer": (0.025, unsupported_answer, "any"),
    "tool_loop": (0.015, tool_loop, "any"),
    "outdated_document": (0.025, outdated_document, "any"),
    "followup_new_question": (0.025, followup, "any"), "thanks_more": (0.02, thanks_more, "any"),
    "mentions_human": (0.03, mentions_human, "any"), "retried_tool_error": (0.02, retried_tool_error, "any"),
    "honest_tool_failure": (0.015, honest_tool_failure, "any"), "thanks_end": (0.02, thanks_end, "last"),
    "thumbs_up": (0.02, thumbs_up, "any"), "repeat_for_detail": (0.02, repeat_for_detail, "any"),
    "honest_empty_retrieval": (0.015, honest_empty_retrieval, "any"), "declined_offer": (0.01, declined_offer, "any"),
    "search_reformulated": (0.01, search_reformulated, "any"),
    "complaint_about_product": (0.01, complaint_about_product, "first"),
    "disliked_policy": (0.005, disliked_policy, "any"),
}
