"""One support conversation as it is planned: what the user writes, what the bot does."""

from __future__ import annotations

import random
from collections.abc import Callable

from tests.eval.support_runs import TIMEOUTS, Step, Turn, fill, intent_docs, search, tool_call
from tests.eval.support_words import reactions as R
from tests.eval.support_words.base import Domain, Intent

OPENERS = ["", "", "", "Sure! ", "Of course. ", "Happy to help. ", "Thanks for waiting. ", "Got it. "]
NOT_FOUND = ["I couldn't find anything about that in our help articles, so I don't want to guess. ",
             "I don't have information on that, sorry. ", "Our help centre doesn't cover this, and I'd rather not "
             "give you a wrong answer. "]
NOT_FOUND_NEXT = ["A member of our team can answer it through the contact form.", "You could ask our support team "
                  "directly.", "Is there anything else I can help with?"]
STILL_WORKING = ["Sorry, this is taking longer than expected. Please try again in a few minutes.",
                 "I'm still looking into that; please hold on."]


class Session:
    """The turns of one conversation as they are planned, with what each one is labelled."""

    def __init__(self, rng: random.Random, domain: Domain, lang: str | None) -> None:
        self.rng = rng
        self.domain = domain
        self.values = domain.slots(rng)
        self.lang = lang
        self.turns: list[tuple[Turn, list[str]]] = []
        self.asked: set[str] = set()

    # -- choosing ---------------------------------------------------------------------------
    def intent(self, test: Callable[[Intent], bool] = lambda i: True) -> Intent:
        fresh = [i for i in self.domain.intents if test(i) and i.key not in self.asked]
        choice = self.rng.choice(fresh or [i for i in self.domain.intents if test(i)])
        self.asked.add(choice.key)
        return choice

    def one(self, pool: list[str]) -> str:
        return self.rng.choice(pool)

    # -- what the user writes -----------------------------------------------------------------
    def vary(self, text: str, *, first: bool = False, light: bool = False) -> str:
        rng = self.rng
        if first and not light and rng.random() < 0.35:
            greeting = self.one(R.GREETINGS)
            text = greeting + (text[0].lower() + text[1:] if greeting.endswith(", ") else text)
        if not light and rng.random() < 0.2:
            text = text.rstrip("?.!") + self.one(R.TAILS) if text.endswith("?") else text + self.one(R.TAILS)
        if rng.random() < 0.25:
            text = text.lower()
        if rng.random() < 0.2:
            text = text.rstrip("?.!")
        if not light and rng.random() < 0.15:
            text = typo(text, rng)
        return text.strip() or "?"

    def ask(self, intent: Intent) -> str:
        other = R.OTHER_ASKS.get((self.domain.key, intent.key))
        if self.lang and other:
            return fill(self.one(other), self.values)
        return self.vary(fill(self.one(intent.asks), self.values), first=not self.turns)

    def rephrase(self, intent: Intent) -> str:
        return self.vary(self.one(R.REPHRASE_LEADS) + fill(self.one(intent.rephrases), self.values))

    def escalate(self) -> str:
        pool = R.ESCALATE_OTHER if self.lang and self.rng.random() < 0.6 else R.ESCALATE
        return self.vary(self.one(pool), light=True)

    def vent(self) -> str:
        pool = R.FRUSTRATED_OTHER if self.lang and self.rng.random() < 0.6 else R.FRUSTRATED
        return self.vary(self.one(pool), light=True)

    # -- what the bot does --------------------------------------------------------------------
    def relevant(self, intent: Intent, query: str) -> Step:
        docs = intent_docs(intent, self.values)
        return search(self.domain, query, docs, sorted((self.rng.uniform(0.62, 0.93) for _ in docs), reverse=True))

    def unrelated(self, intent: Intent, query: str, low: float, high: float) -> Step:
        other = self.rng.choice([i for i in self.domain.intents if i.key != intent.key])
        docs = intent_docs(other, self.values)
        return search(self.domain, query, docs, sorted((self.rng.uniform(low, high) for _ in docs), reverse=True))

    def plan(self, intent: Intent, calls: int = 1) -> Step:
        tool = intent.tool
        assert tool is not None
        return Step("plan", input=[{"name": tool.name, "arguments": tool.args(self.values)}] * calls)

    def call(self, intent: Intent, *, error: bool = False, result: dict | None = None) -> Step:
        tool = intent.tool
        assert tool is not None
        failure = self.rng.choice(TIMEOUTS) if error else None
        return tool_call(tool.name, tool.args(self.values), result or tool.result(self.values), failure)

    def context(self, intent: Intent, result: dict | None = None) -> dict:
        if intent.tool is None:
            return self.values
        return {**self.values, **(result or intent.tool.result(self.values))}

    def good(self, intent: Intent, question: str, *, more: bool = False, offer: bool = False) -> Turn:
        steps: list[Step] = []
        if intent.tool:
            steps.append(self.plan(intent))
            if self.rng.random() < 0.6:
                steps.append(self.relevant(intent, question))
            steps.append(self.call(intent))
        else:
            steps.append(self.relevant(intent, question))
        answer = self.one(OPENERS) + fill(intent.answer, self.context(intent))
        if more:
            answer += " " + fill(intent.more, self.context(intent))
        if offer and intent.offer:
            answer += " " + intent.offer
        return Turn(question, answer, steps, think=self.rng.uniform(8, 90))

    def unhelpful(self, intent: Intent, question: str) -> Turn:
        roll = self.rng.random()
        if roll < 0.5:
            steps = [self.unrelated(intent, question, 0.42, 0.6)]
            answer = self.one(OPENERS) + self.one(intent.unhelpful)
        elif roll < 0.75:
            steps, answer = [self.relevant(intent, question)], self.one(OPENERS) + self.one(intent.unhelpful)
        else:
            steps, answer = [], self.one(R.CONFUSED)
        return Turn(question, answer, steps, think=self.rng.uniform(8, 90))

    def handoff(self, question: str) -> Turn:
        steps = [tool_call("handoff_to_human", {"queue": "general", "reason": "user_request"},
                           {"ticket": f"HX-{self.rng.randint(10000, 99999)}", "position": self.rng.randint(1, 9)})]
        return Turn(question, self.one(self.domain.handoff), steps if self.rng.random() < 0.6 else [],
                    think=self.rng.uniform(4, 40))

    def add(self, turn: Turn, intent: Intent | None = None, label: tuple[str, str] | None = None) -> Turn:
        turn.label = label or turn.label
        self.turns.append((turn, list(intent.tags) if intent else []))
        return turn

    def filler(self, count: int) -> None:
        for _ in range(count):
            intent = self.intent()
            question = self.ask(intent)
            if self.turns and self.rng.random() < 0.3:
                question = self.one(R.THANKS_MORE) + question
            self.add(self.good(intent, question), intent)




def typo(text: str, rng: random.Random) -> str:
    words = text.split(" ")
    spots = [i for i, w in enumerate(words) if len(w) >= 5 and w.isalpha()]
    if not spots:
        return text
    i = rng.choice(spots)
    word, j = words[i], rng.randint(1, len(words[i]) - 3)
    words[i] = word[:j] + word[j + 1] + word[j] + word[j + 2:] if rng.random() < 0.6 else word[:j] + word[j + 1:]
    return " ".join(words)
