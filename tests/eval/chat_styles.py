"""The three kinds of dialog of the chat evaluation set (``chat_set.py``): persona chit-chat,
knowledge chat and task dialogs.

A style knows what its bot would rightly say to a user message (a ``Reply``), what the user
may say next (the reply's ``follows``, keyed by the user's reaction), and how its bot goes
wrong: a reply that skips the question, a false version of the reply, a bland or broken
reply, a question the user already answered. ``chat_set.Dialog`` decides which happens.
Written apart from the error detectors and from the other dialog set.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from random import Random

from tests.eval import chat_facts as F
from tests.eval import chat_people as P
from tests.eval import chat_tasks as T
from tests.eval import chat_words as W


def join(*parts: str) -> str:
    return " ".join(p for p in parts if p)


def lead_in(lead: str, text: str) -> str:
    """``text`` after a lead-in that ends in a comma or colon, its first letter lowered."""
    if lead.endswith((", ", ": ")) and text[1:2].islower():
        text = text[:1].lower() + text[1:]
    return lead + text


def _nothing() -> None:
    pass


Wrong = tuple[str, tuple[str, ...]]  # a reply with a false fact, and how the user corrects it


@dataclass
class Move:
    """One user message, and what a bot that got it right answers first."""

    text: str
    answer: str = ""
    question: bool = False  # a real question or request: it can be skipped or brushed off
    again: tuple[str, ...] = ()  # other wordings, for asking again
    about: str = ""  # what the talk is about, for "we were talking about ..."
    wrong: Wrong | None = None  # a false answer, and the user's corrections
    wow: str = ""  # the answer is surprising: how the bot confirms it
    data: dict = field(default_factory=dict)
    keep: tuple[str, ...] = ()  # words a typo must leave alone
    may_typo: bool = False
    typo: tuple[str, str] | None = None  # (as typed, as meant)
    redo: Reply | None = None  # the user pointed an error out: say this reply after the apology
    then: Reply | None = None  # a short answer after which this earlier reply's follow-ups still stand
    farewell: bool = False  # the user leaves: the bot's answer ends the dialog


@dataclass
class Reply:
    """What the bot rightly says, and what the user may say next (by reaction)."""

    text: str
    follows: dict[str, Move] = field(default_factory=dict)
    ignored: Reply | None = None  # the same turn skipping the user's question
    wrong: Wrong | None = None  # the same turn with a false fact, and the corrections
    commit: Callable[[], None] = _nothing  # what the bot's saying this changes in the dialog state
    plain: Reply | None = None  # for a reply that starts with an apology: the same reply without it


@dataclass
class Hook:
    """What a bot adds after its answer to keep the talk going."""

    text: str
    follows: dict[str, Move]
    commit: Callable[[], None] = _nothing


_SLANG = ((r"\bi don't know\b", "idk"), (r"\byou\b", "u"), (r"\byour\b", "ur"), (r"\bare\b", "r"), (r"\bi'm\b", "im"),
          (r"\bdon't\b", "dont"), (r"\bthat's\b", "thats"), (r"\bwhat's\b", "whats"), (r"\bokay\b", "ok"),
          (r"\bplease\b", "pls"), (r"\bbecause\b", "bc"), (r"\bthanks\b", "thx"), (r"\bcan't\b", "cant"),
          (r"\bit's\b", "its"), (r"\bto be honest\b", "tbh"))


@dataclass
class Voice:
    """How one user types: all lower case or not, with slang or not."""

    lower: bool
    slang: float
    typos: float

    def say(self, text: str, rng: Random) -> str:
        if rng.random() < self.slang:
            for pattern, short in _SLANG:
                if rng.random() < 0.8:
                    text = re.sub(pattern, short, text)
        if not self.lower:
            text = re.sub(r"\bi\b", "I", text)
            text = text[:1].upper() + text[1:]
        if text.endswith("?") and rng.random() < 0.25:
            text = text[:-1]
        return text


def garble(text: str, rng: Random) -> str:
    """The words of a reply in a broken order."""
    words = text.rstrip(".!?").split()
    if len(words) < 5:
        return ""
    middle = words[1:-1]
    for _ in range(4):
        rng.shuffle(middle)
        out = " ".join([words[0], *middle, rng.choice(("the", "of", "is", "and")), words[-1]]) + "."
        if out.lower() != text.lower():
            return out
    return ""


def misspell(word: str, rng: Random) -> str:
    i = rng.randrange(1, len(word) - 2)
    how = rng.randrange(3)
    if how == 0 and word[i] != word[i + 1]:
        return word[:i] + word[i + 1] + word[i] + word[i + 2:]
    if how == 1:
        return word[:i] + word[i + 1:]
    return word[:i] + word[i] + word[i:]


def pick(rng: Random, weights: dict[str, float]) -> str:
    keys = [k for k, w in weights.items() if w > 0]
    return rng.choices(keys, [weights[k] for k in keys])[0]


class Style:
    """What every kind of dialog provides to ``chat_set.Dialog``."""

    model = ""
    versions: tuple[str, ...] = ()

    def __init__(self, rng: Random, voice: Voice) -> None:
        self.rng = rng
        self.voice = voice

    def say(self, text: str) -> str:
        return self.voice.say(text, self.rng)

    def bot(self, text: str) -> str:
        return text

    def opening(self) -> Move:
        raise NotImplementedError

    def hear(self, move: Move) -> None:
        """What the user's message changes (facts told, slots filled)."""

    def answer(self, move: Move) -> Reply:
        raise NotImplementedError

    def carry_on(self) -> Move:
        """A message of the user's own, not answering the bot."""
        raise NotImplementedError

    def more(self) -> Move:
        """Like carry_on, but never a goodbye."""
        return self.carry_on()

    def goodbye(self) -> Move | None:
        return Move(self.say(self.rng.choice(W.GOODBYE)), answer=self.rng.choice(W.BOT_BYE), farewell=True)

    def forgot(self) -> tuple[str, tuple[str, ...], Move] | None:
        """A question about what the user already said, the user's corrections, and a plain new answer."""
        return None

    def nonsense(self, reply: Reply) -> str:
        raise NotImplementedError

    def off_topic(self) -> str:
        return self.bot(self.rng.choice(W.OFF_TOPIC_CHAT))

    def generic(self) -> str:
        return self.bot(self.rng.choice(W.GENERIC_CHAT))

    def corrections(self, rights: tuple[str, ...], leads: list[str]) -> tuple[str, ...]:
        return tuple(self.say(lead + r) for r in rights for lead in self.rng.sample(leads, 2))


@dataclass
class Told:
    """Something the user told: how a bot asks for it, how the user says it again."""

    asks: tuple[str, ...]
    restate: tuple[str, ...]
    again: str
    comment: str


# --- Persona chit-chat ---------------------------------------------------------------------

_BOT_TOPIC = {"pets": "pets", "work": "work", "home": "home", "kids": "kids", "siblings": "family", "hobby": "hobby",
              "food": "food", "music": "music"}
_CORRECT_CHAT = ["lol ", "no ", "um ", "", "wait ", "no no ", "haha no "]


class Chitchat(Style):
    """An open-domain bot with a persona, and a user typing casually."""

    model = "pal-chat-2.7b"
    versions = ("persona-v3", "persona-v3.1", "persona-v4")

    def __init__(self, rng: Random, voice: Voice) -> None:
        super().__init__(rng, voice)
        facts = list(P.BOT_FACTS)
        rng.shuffle(facts)
        self.facts: dict[str, P.BotFact] = {}
        for f in facts:
            if len(self.facts) < 4 and f.topic not in self.facts:
                self.facts[f.topic] = f
        self.said: list[P.BotFact] = []
        self.covered: list[str] = []  # bot topics the user asked about
        self.asked: list[str] = []  # the user's topics the bot asked about
        self.told: list[Told] = []
        self.qa_done: list[str] = []
        self.opinions = rng.sample(P.OPINIONS, 3)
        self.vague = rng.sample(P.VAGUE, 2)
        self.trivia = rng.sample(P.TRIVIA, 2)
        self.statements = rng.sample(P.STATEMENTS, 4)
        self.last_told = ""

    def bot(self, text: str) -> str:
        return text.lower()

    def opening(self) -> Move:
        text, how = self.rng.choice(P.GREET_USER)
        answer = self.rng.choice(P.HOW_BOT if how else P.GREET_BOT)
        again = ("how are you?", "how r u doing", "i asked how u are") if how else ()
        return Move(self.say(text), answer=answer, question=how, again=again)

    def hear(self, move: Move) -> None:
        self.last_told = move.data.get("topic", "")
        if "told" in move.data:
            self.told.append(move.data["told"])

    def answer(self, move: Move) -> Reply:
        hook = self.hook(move)
        share = move.data.get("share")

        def commit() -> None:
            hook.commit()
            if share is not None and share not in self.said:
                self.said.append(share)

        follows = dict(hook.follows)
        if move.wow:
            follows["surprise"] = Move(self.say(self.rng.choice(W.SURPRISE)), answer=move.wow)
        reply = Reply(self.bot(join(move.answer, hook.text)), follows, commit=commit)
        if move.question:
            reply.ignored = self.skipping(move)
        if move.wrong:
            reply.wrong = (self.bot(join(move.wrong[0], hook.text)), move.wrong[1])
        return reply

    # What the bot adds after its answer.

    def hook(self, move: Move) -> Hook:
        rng = self.rng
        options = {"none": 1.4, "opinion": 1.0 if self.opinions else 0, "vague": 0.7 if self.vague else 0}
        if self._unasked():
            options["ask"] = 3.0
        if self._unsaid():
            options["share"] = 2.5
        kind = pick(rng, options)
        prefer = _BOT_TOPIC.get(move.data.get("topic", ""), "") or move.data.get("bot_topic", "")
        if kind == "ask":
            return self.ask_hook(prefer)
        if kind == "share":
            return self.share_hook(prefer)
        if kind == "opinion":
            return self.opinion_hook()
        if kind == "vague":
            return self.vague_hook()
        if self._hbu_topic() and rng.random() < 0.6:
            return Hook("", {"continue": self.ask_bot_move(self._hbu_topic(), rng.choice(P.HOW_ABOUT_YOU))})
        return Hook("", {"continue": self.carry_on()})

    def _unasked(self) -> list[P.UserTopic]:
        return [t for t in P.USER_TOPICS if t.topic not in self.asked]

    def _unsaid(self) -> list[P.BotFact]:
        return [f for f in self.facts.values() if f not in self.said and f.topic not in self.covered]

    def ask_hook(self, prefer: str = "") -> Hook:
        rng = self.rng
        prefs = [p for p in P.PREFERENCES if p[0] not in self.asked]
        topics = self._unasked()
        if prefs and (rng.random() < 0.3 or not topics):
            return self.preference_hook(prefs)
        preferred = [t for t in topics if _BOT_TOPIC.get(t.topic) == prefer]
        topic = preferred[0] if preferred else rng.choice(topics)
        value = rng.choice(topic.values)
        said = rng.choice(topic.answers).format(v=value.text)
        yes = Move(self.say(said), answer=value.comment or rng.choice(topic.comments), about=topic.about,
                   may_typo=True, keep=tuple(value.text.split()))
        again = rng.choice([a for a in topic.answers if a.format(v=value.text) != said]).format(v=value.text)
        yes.data = {"topic": topic.topic, "told": Told(topic.asks, self._restate(topic.restate, value.text), again,
                                                        rng.choice(topic.comments))}
        if value.wrong:
            yes.wrong = (value.wrong, self.corrections(value.right, _CORRECT_CHAT))
        no_said = rng.choice(topic.noes)
        no = Move(self.say(no_said), answer=rng.choice(topic.no_comments), about=topic.about)
        no.data = {"topic": topic.topic, "told": Told(topic.asks, self._restate(topic.restate_no, ""),
                                                      rng.choice([n for n in topic.noes if n != no_said]),
                                                      rng.choice(topic.no_comments))}

        def commit() -> None:
            self.asked.append(topic.topic)

        return Hook(rng.choice(topic.asks), {"continue": yes, "answer_no": no}, commit)

    def _restate(self, templates: tuple[str, ...], value: str) -> tuple[str, ...]:
        return tuple(self.say(t.format(v=value)) for t in templates)

    def preference_hook(self, options: list) -> Hook:
        rng = self.rng
        question, yeses, noes, on_yes, on_no = rng.choice(options)
        yes_said, no_said = rng.choice(yeses), rng.choice(noes)
        restate = ("i told u, ", "i already said, ", "i answered that, ")
        yes = Move(self.say(yes_said), answer=on_yes, may_typo=True)
        yes.data = {"told": Told((question,), tuple(self.say(r + yes_said) for r in restate),
                                 next(y for y in (*yeses, "yes") if y != yes_said), on_yes)}
        no = Move(self.say(no_said), answer=on_no)
        no.data = {"told": Told((question,), tuple(self.say(r + no_said) for r in restate),
                                next(n for n in (*noes, "no") if n != no_said), on_no)}

        def commit() -> None:
            self.asked.append(question)

        return Hook(question, {"continue": yes, "answer_no": no}, commit)

    def share_hook(self, prefer: str = "") -> Hook:
        rng = self.rng
        unsaid = self._unsaid()
        fact = self.facts[prefer] if self.facts.get(prefer) in unsaid else rng.choice(unsaid)
        follows = {"continue": self.qa_move(fact) if rng.random() < 0.65 else self.comment_move()}
        if fact.wow:
            follows["surprise"] = Move(self.say(rng.choice(W.SURPRISE)), answer=fact.wow)

        def commit() -> None:
            self.said.append(fact)

        return Hook(fact.say, follows, commit)

    def opinion_hook(self) -> Hook:
        rng = self.rng
        opinion, disagreements = self.opinions.pop()
        said = rng.choice(disagreements) if rng.random() < 0.7 else rng.choice(W.DISAGREE)
        follows = {"continue": Move(self.say(rng.choice(W.AGREE)), answer=rng.choice(W.BOT_AFTER_AGREE)),
                   "disagree": Move(self.say(said), answer=rng.choice(W.BOT_AFTER_DISAGREE))}
        return Hook(lead_in(rng.choice(W.OPINION_LEAD), opinion), follows)

    def vague_hook(self) -> Hook:
        rng = self.rng
        remark, question, meaning = self.vague.pop()
        asked = question if rng.random() < 0.6 else rng.choice(W.CLARIFY_GOOD)
        follows = {"continue": self.carry_on(), "clarify_good": Move(self.say(asked), answer=meaning, question=True)}
        return Hook(remark, follows)

    # What the user says on their own.

    def carry_on(self) -> Move:
        rng = self.rng
        options = {"ask_bot": 3.0, "statement": 1.5 if self.statements else 0, "trivia": 0.8 if self.trivia else 0}
        if self._qa_left():
            options["qa"] = 2.5
        kind = pick(rng, options)
        if kind == "qa":
            return self.qa_move(rng.choice(self._qa_left()))
        if kind == "statement":
            text, answer = self.statements.pop()
            return Move(self.say(text), answer=answer, may_typo=True)
        if kind == "trivia":
            return self.trivia_move()
        topics = [t for t in P.ASK_BOT if t not in self.covered and self.facts.get(t) not in self.said]
        return self.ask_bot_move(rng.choice(topics or list(P.ASK_BOT)))

    def _qa_left(self) -> list[P.BotFact]:
        return [f for f in self.said if any(q not in self.qa_done for q, _ in f.qa)]

    def _hbu_topic(self) -> str:
        topic = _BOT_TOPIC.get(self.last_told, "")
        if topic and topic not in self.covered and self.facts.get(topic) not in self.said:
            return topic
        return ""

    def ask_bot_move(self, topic: str, text: str = "") -> Move:
        asks, fallback = P.ASK_BOT[topic]
        phrasings = asks.split("|")
        text = text or self.rng.choice(phrasings)
        fact = self.facts.get(topic)
        move = Move(self.say(text), answer=fact.say if fact else fallback, question=True,
                    again=tuple(self.say(p) for p in phrasings if p != text)[:2], about=P.ABOUT[topic], may_typo=True)
        move.data = {"share": fact, "bot_topic": topic} if fact else {"bot_topic": topic}
        if fact and fact.wow:
            move.wow = fact.wow
        self.covered.append(topic)
        return move

    def qa_move(self, fact: P.BotFact) -> Move:
        rng = self.rng
        asks, answer = rng.choice([qa for qa in fact.qa if qa[0] not in self.qa_done])
        self.qa_done.append(asks)
        phrasings = asks.split("|")
        text = rng.choice(phrasings)
        return Move(self.say(text), answer=answer, question=True,
                    again=tuple(self.say(p) for p in phrasings if p != text), about=P.ABOUT[fact.topic], may_typo=True)

    def comment_move(self) -> Move:
        return Move(self.say(self.rng.choice(W.USER_COMMENT)), answer=self.rng.choice(W.BOT_AFTER_COMMENT))

    def trivia_move(self) -> Move:
        question, answer, wrong, right = self.trivia.pop()
        move = Move(self.say(question), answer=answer, question=True, may_typo=True, about="my question")
        move.wrong = (wrong, self.corrections((right,), _CORRECT_CHAT))
        return move

    # How this bot goes wrong.

    def skipping(self, move: Move) -> Reply | None:
        """A reply that brushes past the user's question with a question of its own."""
        if not self._unasked():
            return None
        hook = self.ask_hook()
        return Reply(self.bot(join(self.rng.choice(W.SKIP), hook.text)), hook.follows, commit=hook.commit)

    def forgot(self) -> tuple[str, tuple[str, ...], Move] | None:
        if not self.told:
            return None
        told = self.rng.choice(self.told)
        text = self.bot(lead_in(self.rng.choice(W.ASK_AGAIN_LEAD), self.rng.choice(told.asks)))
        return text, told.restate, Move(self.say(told.again), answer=told.comment)

    def nonsense(self, reply: Reply) -> str:
        rng = self.rng
        if self.said and rng.random() < 0.55:
            return self.bot(rng.choice(self.said).deny)
        broken = garble(reply.text, rng) if rng.random() < 0.5 else ""
        return self.bot(broken or rng.choice(W.NONSENSE_CHAT))


# --- Knowledge chat ------------------------------------------------------------------------

_YES_K = ("Oh nice!", "Lucky you!", "That's great.", "Very cool.", "Oh, how fun!")
_NO_K = ("Fair enough.", "No worries, I can tell you all about it.", "That's okay!", "Got it.")
_NONSENSE_K = ("I've never heard of {t}, but it's one of my favourite topics!",
               "{T}? Yes. No. It is the when of where, mostly.",
               "The thing about {t} is the because of the it, really.",
               "Everyone knows {t} and nobody has ever heard of it, which is why it's so famous.",
               "{T} is the most of the very, in the world of it.")


class Knowledge(Style):
    """A bot that tells facts about one topic to a curious user."""

    model = "wiki-wizard-1.3b"
    versions = ("wow-k1.2", "wow-k1.4")

    def __init__(self, rng: Random, voice: Voice) -> None:
        super().__init__(rng, voice)
        first = rng.choice(F.TOPICS)
        self.next_topic = rng.choice([t for t in F.TOPICS if t.kind == first.kind and t is not first])
        self._start(first)
        self.told: list[Told] = []
        self.asked = False
        self.switched = False

    def _start(self, topic: F.Topic) -> None:
        self.topic = topic
        common = topic.kind in ("animal", "sport", "dish")
        self.names = {"t": topic.title.lower() if common else topic.title, "T": topic.title}
        self.kind = F.KINDS[topic.kind]
        self.facts = list(topic.facts)
        self.rng.shuffle(self.facts)
        self.tidbits = list(topic.tidbits)
        self.opinion = True
        self.vague = True

    def opening(self) -> Move:
        rng = self.rng
        t = self.topic
        if rng.random() < 0.3:
            text, ask, restate, again = rng.choice(self.kind["tells"])
            move = Move(self.say(text.format(n=t.name)), answer=t.intro, question=True, about=t.name, may_typo=True)
            restated = tuple(self.say(r) for r in restate.split("|"))
            move.data = {"told": Told((ask.format(**self.names),), restated, again, rng.choice(_YES_K))}
            return move
        text = rng.choice(self.kind["opens"]).format(n=t.name)
        return Move(self.say(text), answer=t.intro, question=True, about=t.name, may_typo=True)

    def hear(self, move: Move) -> None:
        if "told" in move.data:
            self.told.append(move.data["told"])
        if "fact" in move.data and move.data["fact"] in self.facts:
            self.facts.remove(move.data["fact"])
        if "switch" in move.data:
            self.switched = True
            self._start(move.data["switch"])

    def answer(self, move: Move) -> Reply:
        rng = self.rng
        hook = self.hook()
        lead = rng.choice(F.ANSWER_LEAD) if "fact" in move.data else ""
        follows = dict(hook.follows)
        if move.wow:
            follows["surprise"] = Move(self.say(rng.choice(W.SURPRISE)), answer=move.wow)
        reply = Reply(join(lead + move.answer, hook.text), follows, commit=hook.commit)
        if "fact" in move.data:
            reply.ignored = self.skipping(move.data["fact"])
        if move.wrong:
            reply.wrong = (join(lead + move.wrong[0], hook.text), move.wrong[1])
        return reply

    def hook(self) -> Hook:
        options = {"offer": 1.5, "none": 1.0, "tidbit": 2.5 if self.tidbits else 0,
                   "ask": 1.5 if not self.asked else 0, "opinion": 1.0 if self.opinion else 0,
                   "vague": 0.8 if self.vague else 0}
        kind = pick(self.rng, options)
        return getattr(self, f"{kind}_hook")()

    def offer_hook(self) -> Hook:
        return Hook(self.rng.choice(F.OFFER).format(**self.names), {"continue": self.carry_on()})

    def none_hook(self) -> Hook:
        return Hook("", {"continue": self.carry_on()})

    def tidbit_hook(self) -> Hook:
        rng = self.rng
        tidbit = rng.choice(self.tidbits)
        follows = {"continue": self.carry_on(),
                   "surprise": Move(self.say(rng.choice(W.SURPRISE)), answer=join(rng.choice(W.CONFIRM), tidbit[1]))}

        def commit() -> None:
            if tidbit in self.tidbits:
                self.tidbits.remove(tidbit)

        return Hook(tidbit[0], follows, commit)

    def ask_hook(self) -> Hook:
        rng = self.rng
        t = self.topic
        asks, yeses, noes = self.kind["ask"]
        asks = tuple(a.format(**self.names) for a in asks.split("|"))
        restate = ("i told u, ", "i said ", "i already answered, ")
        follows = {}
        for reaction, said, comment in (("continue", rng.choice(yeses), rng.choice(_YES_K)),
                                        ("answer_no", rng.choice(noes), rng.choice(_NO_K))):
            move = Move(self.say(said), answer=comment, about=t.name, may_typo=reaction == "continue")
            move.data = {"told": Told(asks, tuple(self.say(r + said) for r in restate), said, comment)}
            follows[reaction] = move

        def commit() -> None:
            self.asked = True

        return Hook(asks[0], follows, commit)

    def opinion_hook(self) -> Hook:
        rng = self.rng
        opinion, disagreements = self.kind["opinion"]
        said = rng.choice(disagreements) if rng.random() < 0.7 else rng.choice(W.DISAGREE)
        follows = {"continue": Move(self.say(rng.choice(W.AGREE)), answer=rng.choice(W.BOT_AFTER_AGREE)),
                   "disagree": Move(self.say(said), answer=rng.choice(W.BOT_AFTER_DISAGREE))}

        def commit() -> None:
            self.opinion = False

        return Hook(opinion.format(**self.names), follows, commit)

    def vague_hook(self) -> Hook:
        rng = self.rng
        remark, question, meaning = self.kind["vague"]
        asked = question if rng.random() < 0.6 else rng.choice(W.CLARIFY_GOOD)
        follows = {"continue": self.carry_on(), "clarify_good": Move(self.say(asked), answer=meaning, question=True)}

        def commit() -> None:
            self.vague = False

        return Hook(remark.format(**self.names), follows, commit)

    def carry_on(self) -> Move:
        if self.facts:
            return self.fact_move(self.rng.choice(self.facts))
        if not self.switched:
            return self.switch_move()
        return self.goodbye()

    def more(self) -> Move:
        return self.fact_move(self.rng.choice(self.facts)) if self.facts else self.carry_on()

    def fact_move(self, fact: F.Fact) -> Move:
        rng = self.rng
        text = rng.choice(fact.asks)
        again = (text, *(a for a in fact.asks if a != text))
        move = Move(self.say(rng.choice(F.ASK_LEAD) + text), answer=fact.answer, question=True,
                    again=tuple(self.say(a) for a in again), about=self.topic.name, may_typo=True)
        move.wrong = (fact.wrong, self.corrections(fact.right, F.CORRECT_LEAD))
        move.wow = rng.choice(W.CONFIRM) if fact.wow else ""
        move.data = {"fact": fact}
        return move

    def switch_move(self) -> Move:
        t = self.next_topic
        move = Move(self.say(self.rng.choice(F.SWITCH).format(n=t.name)), answer=t.intro, question=True, about=t.name)
        move.data = {"switch": t}
        return move

    def skipping(self, fact: F.Fact) -> Reply | None:
        """A reply with another fact of the topic instead of the one asked for."""
        others: list[object] = [f for f in self.facts if f is not fact] + list(self.tidbits)
        if not others:
            return None
        other = self.rng.choice(others)

        def commit() -> None:
            for pool in (self.facts, self.tidbits):
                if other in pool:
                    pool.remove(other)

        text = other.answer if isinstance(other, F.Fact) else other[0]
        return Reply(text, {"continue": self.carry_on()}, commit=commit)

    def forgot(self) -> tuple[str, tuple[str, ...], Move] | None:
        if not self.told:
            return None
        told = self.rng.choice(self.told)
        text = lead_in(self.rng.choice(W.ASK_AGAIN_LEAD), self.rng.choice(told.asks))
        return text, told.restate, Move(self.say(told.again), answer=told.comment, about=self.topic.name)

    def nonsense(self, reply: Reply) -> str:
        broken = garble(reply.text, self.rng) if self.rng.random() < 0.5 else ""
        return broken or self.rng.choice(_NONSENSE_K).format(**self.names)

    def off_topic(self) -> str:
        return self.rng.choice(W.OFF_TOPIC_FACTS)


# --- Task dialogs --------------------------------------------------------------------------

_DOMAIN_WEIGHTS = {"restaurant": 3, "hotel": 2, "train": 2, "taxi": 1.5, "attraction": 1.5, "weather": 1.5,
                   "alarm": 1.5}
_ASK_BOOK = ("Shall I go ahead and book it?", "Would you like me to book it?", "Want me to reserve it?")
_REMEMBER = ("i already said {v}", "{v}, i told you", "i said {v} already", "its {v}, like i said", "i told u, {v}")
_FREEZING = {"Boston", "Denver", "Chicago", "Toronto"}
_FAHRENHEIT = {"Boston", "Denver", "Chicago", "Seattle", "Miami"}


def _u(value: str) -> str:
    """A value as a user types it."""
    return value.lower()


def _first_up(text: str) -> str:
    return text[:1].upper() + text[1:]


def _article(word: str) -> str:
    return ("an " if word[:1].lower() in "aeiou" else "a ") + word


class Errand(Style):
    """A task bot that asks for what it needs, then books or answers."""

    model = "bookit-assist-7b"
    versions = ("tod-2026.09", "tod-2026.10")

    def __init__(self, rng: Random, voice: Voice) -> None:
        super().__init__(rng, voice)
        self.dom = T.DOMAINS[pick(rng, _DOMAIN_WEIGHTS)]
        self.v: dict[str, str] = {}  # slot values as the bot writes them, "any" for no preference
        self.stage = "collect"  # then "offered" (booking domains) and "done"
        self.venue: dict[str, str] = {}
        self.accepted = False
        self.slipped = False  # the user already corrected a value of their own
        self.changed = False  # the user already changed their mind once
        self.asked: list[str] = []  # the side questions the user asked

    # The user's side.

    def opening(self) -> Move:
        rng = self.rng
        text, slots = rng.choice(self.dom.openers)
        values = {s: rng.choice(T.SLOTS[s].values) for s in slots}
        said = {s: _u(v) for s, v in values.items()}
        same = [o for o, s in self.dom.openers if s == slots and o != text]
        return Move(self.say(self.rng.choice(T.HELLO) + text.format(**said)), question=True,
                    again=tuple(self.say(o.format(**said)) for o in same), about=self.dom.about,
                    data={"fill": values}, keep=tuple(" ".join(said.values()).split()), may_typo=True)

    def give(self, slot: str, lead: str = "") -> Move:
        value = self.rng.choice(T.SLOTS[slot].values)
        said = self.rng.choice(T.SLOTS[slot].answers).format(v=_u(value))
        if lead:
            said = lead.format(a=said)
        return Move(self.say(said), data={"fill": {slot: value}}, keep=tuple(_u(value).split()), may_typo=True,
                    about=self.dom.about)

    def side_move(self) -> Move:
        question, answer = self.rng.choice([s for s in self.dom.sides if s[0] not in self.asked] or self.dom.sides)
        asks = question.split("|")
        text = self.rng.choice(asks)
        return Move(self.say(text), question=True, again=tuple(self.say(a) for a in asks if a != text),
                    data={"side": answer, "side_q": question}, about=self.dom.about, may_typo=True)

    def thanks(self) -> Move:
        return Move(self.say(self.rng.choice(T.DONE_THANKS)), answer=self.rng.choice(T.BOT_DONE), farewell=True)

    def carry_on(self) -> Move:
        missing = self._missing()
        if missing:
            return self.give(missing[0], self.rng.choice(T.VOLUNTEER))
        if self.stage == "offered":
            return Move(self.say(self.rng.choice(T.JUST_BOOK)), data={"accept": True})
        if self.stage == "done":
            return self.side_move() if self.rng.random() < 0.6 else self.thanks()
        return Move(self.say(self.rng.choice(("so what did you find?", "any results?", "so?"))), question=True)

    def more(self) -> Move:
        return self.side_move() if self.stage == "done" else self.carry_on()

    def goodbye(self) -> Move | None:
        return self.thanks() if self.stage == "done" else None

    def hear(self, move: Move) -> None:
        self.slipped = self.slipped or bool(move.data.get("own_slip"))
        self.changed = self.changed or "change" in move.data
        if "side_q" in move.data:
            self.asked.append(move.data["side_q"])
        self.v.update(move.data.get("fill", {}))
        self.v.update(move.data.get("change", {}))
        if move.data.get("accept"):
            self.accepted = True
        if move.data.get("decline"):
            self.stage = "collect"

    # The bot's side.

    def _missing(self) -> list[str]:
        return [s for s in self.dom.slots if s not in self.v]

    def answer(self, move: Move) -> Reply:
        lead = self._fill(move.data["side"]) if "side" in move.data else move.data.get("ack", "")
        step = self.step(move)
        reply = Reply(_first_up(join(lead, step.text)), step.follows, commit=step.commit)
        if "side" in move.data:
            reply.ignored = Reply(_first_up(step.text), step.follows, commit=step.commit)
        if step.wrong:
            reply.wrong = (_first_up(join(lead, step.wrong[0])), step.wrong[1])
        return reply

    def step(self, move: Move) -> Reply:
        missing = self._missing()
        if missing:
            return self.ask_step(missing[0], move)
        if self.stage == "collect":
            return self.result_step(keep=False)
        if "change" in move.data:
            redo_offer = self.stage == "offered" or not self.dom.confirm
            return self.result_step(keep=True) if redo_offer else self.confirm_step()
        if self.stage == "offered":
            return self.confirm_step() if self.accepted else Reply(self.rng.choice(_ASK_BOOK), self.offer_follows())
        return Reply(self.rng.choice(T.MORE), self.done_follows(None, ""))

    def ask_step(self, slot: str, move: Move) -> Reply:
        rng = self.rng
        spec = T.SLOTS[slot]
        ask = rng.choice(spec.asks)
        follows = {"continue": self.give(slot)}
        if spec.any:
            follows["answer_no"] = Move(self.say(rng.choice(spec.any)), data={"fill": {slot: "any"}})
        given = [(s, v) for s, v in move.data.get("fill", {}).items() if v != "any"]
        if len(given) != 1 or "ack" in move.data or self.slipped:
            return Reply(ask, follows)
        gslot, value = given[0]
        other = rng.choice([v for v in T.SLOTS[gslot].values if v != value])
        ack = rng.choice(T.BOT_OWN_SLIP).format(new=other)
        follows["self_correct"] = Move(self.say(rng.choice(T.OWN_SLIP).format(new=_u(other), old=_u(value))),
                                       data={"fill": {gslot: other}, "ack": ack, "own_slip": True},
                                       keep=tuple(_u(other).split()))
        if rng.random() < 0.5:
            return Reply(ask, follows)
        echo = rng.choice(T.SLOTS[gslot].echo)
        fixes = tuple(self.say(f.format(right=_u(value), wrong=_u(other))) for f in T.SLOTS[gslot].fixes)
        return Reply(join(echo.format(v=value), ask), follows, wrong=(join(echo.format(v=other), ask), fixes))

    def result_step(self, keep: bool) -> Reply:
        venue = dict(self.venue) if keep and self.venue else self.make_venue()
        template = self.rng.choice(self.dom.result)
        if self.dom.confirm:
            stage, follows = "offered", self.offer_follows()
            text, wrong = self._render(template, venue)
        else:
            remark = self._remark()
            stage, follows = "done", self.done_follows(remark, venue.get("wow", ""))
            more = self.rng.choice(T.MORE)
            text, wrong = self._render(template, venue, remark[0] if remark else "", more)

        def commit() -> None:
            self.venue, self.stage = venue, stage

        return Reply(text, follows, wrong=wrong, commit=commit)

    def confirm_step(self) -> Reply:
        venue = dict(self.venue, ref=self._ref())
        remark = self._remark()
        text, wrong = self._render(self.rng.choice(self.dom.confirm), venue, remark[0] if remark else "",
                                   self.rng.choice(T.MORE))

        def commit() -> None:
            self.venue, self.stage = venue, "done"

        return Reply(text, self.done_follows(remark, ""), wrong=wrong, commit=commit)

    def _render(self, template: str, venue: dict[str, str], *tail: str) -> tuple[str, Wrong | None]:
        """The text, and a version with one of the user's values echoed wrong, with the user's corrections."""
        fields = self._fields(venue)
        text = join(template.format(**fields), *tail)
        echoed = [s for s in self.dom.slots if "{" + s + "}" in template and self.v.get(s, "any") != "any"]
        if not echoed:
            return text, None
        slot = self.rng.choice(echoed)
        right = self.v[slot]
        wrong = self.rng.choice([v for v in T.SLOTS[slot].values if v != right])
        bad = dict(fields, **{slot: wrong})
        if slot == "when_day":
            bad["When_day"] = wrong[:1].upper() + wrong[1:]
        fixes = tuple(self.say(f.format(right=_u(right), wrong=_u(wrong))) for f in T.SLOTS[slot].fixes)
        return text, (join(template.format(**bad), *tail), fixes)

    def _fields(self, venue: dict[str, str]) -> dict[str, str]:
        fields = {s: self.v.get(s, "") for s in T.SLOTS}
        fields.update(venue)
        for s, v in self.v.items():
            if v != "any":
                fields[s] = v
        when = fields.get("when_day", "")
        fields["When_day"] = when[:1].upper() + when[1:]
        fields["repeat_text"] = " " + fields["repeat"] if fields.get("repeat") not in ("", "once") else ""
        return fields

    def _fill(self, text: str) -> str:
        return text.format(**self._fields(self.venue))

    def _remark(self) -> tuple[str, str, str] | None:
        return self.rng.choice(self.dom.remarks) if self.dom.remarks and self.rng.random() < 0.35 else None

    def _ref(self) -> str:
        return "".join(self.rng.choice("ABCDEFGHJKLMNPQRSTUVWXYZ23456789") for _ in range(8))

    def offer_follows(self) -> dict[str, Move]:
        rng = self.rng
        accept = Move(self.say(rng.choice(T.ACCEPT)), data={"accept": True})
        follows = {"continue": accept if rng.random() < 0.75 else self.side_move(),
                   "answer_no": Move(self.say(rng.choice(T.DECLINE)),
                                     data={"decline": True, "ack": rng.choice(T.BOT_ANOTHER)})}
        if self.dom.change and not self.changed:
            follows["change_mind"] = self.change_move()
        return follows

    def done_follows(self, remark: tuple[str, str, str] | None, wow: str) -> dict[str, Move]:
        rng = self.rng
        follows = {"continue": self.side_move() if rng.random() < 0.6 else self.thanks(),
                   "answer_no": Move(self.say(rng.choice(T.DONE_NO)), answer=rng.choice(T.BOT_DONE), farewell=True)}
        if self.dom.change and not self.changed:
            follows["change_mind"] = self.change_move()
        if remark:
            asked = remark[1] if rng.random() < 0.6 else rng.choice(W.CLARIFY_GOOD)
            follows["clarify_good"] = Move(self.say(asked), question=True, data={"ack": remark[2]})
        if wow:
            follows["surprise"] = Move(self.say(wow), data={"ack": rng.choice(T.CONFIRM_TASK)})
        return follows

    def change_move(self) -> Move:
        rng = self.rng
        slot = rng.choice(self.dom.change)
        current = self.v.get(slot)
        new = rng.choice([v for v in T.SLOTS[slot].values if v != current])
        said = _u(new) + (" people" if slot == "people" else " nights" if slot == "nights" else "")
        return Move(self.say(rng.choice(T.CHANGE).format(new=said)), data={"change": {slot: new},
                    "ack": rng.choice(T.BOT_CHANGED)}, keep=tuple(_u(new).split()))

    def make_venue(self) -> dict[str, str]:
        rng = self.rng
        venue: dict[str, str] = {}
        for slot in self.dom.slots:
            if self.v.get(slot) == "any":
                venue[slot] = rng.choice(T.SLOTS[slot].values if slot != "repeat" else ("once",))
        fields = dict(self.v, **venue)
        getattr(self, f"_venue_{self.dom.name}")(venue, fields)
        return venue

    def _venue_restaurant(self, venue: dict[str, str], fields: dict[str, str]) -> None:
        names = [n for n in T.RESTAURANTS[fields["food"]] if n != self.venue.get("name")]
        venue.update(name=self.rng.choice(names), a_food=_article(fields["food"]), addr=self._address(),
                     phone=self._phone(), ref=self._ref())

    def _venue_hotel(self, venue: dict[str, str], fields: dict[str, str]) -> None:
        names = [n for n in T.HOTELS if n != self.venue.get("name")]
        venue.update(name=self.rng.choice(names), ref=self._ref())

    def _venue_train(self, venue: dict[str, str], fields: dict[str, str]) -> None:
        rng = self.rng
        hour, minute = (int(x) for x in fields["leave"].split(":"))
        dep = hour * 60 + minute + rng.randint(4, 50)
        dur = rng.randint(25, 140)
        venue.update(tid=f"TR{rng.randint(1000, 9999)}", dep=_clock(dep), arr=_clock(dep + dur), dur=str(dur),
                     fare=f"{rng.randint(8, 60)}.{rng.choice(('00', '50', '20', '80'))}",
                     platform=str(rng.randint(1, 8)), ref=self._ref())

    def _venue_taxi(self, venue: dict[str, str], fields: dict[str, str]) -> None:
        rng = self.rng
        venue.update(car=rng.choice(T.CARS), phone=self._phone(), fare=str(rng.randint(9, 45)),
                     dur=str(rng.randint(8, 40)))

    def _venue_attraction(self, venue: dict[str, str], fields: dict[str, str]) -> None:
        name, fee = self.rng.choice(T.ATTRACTIONS[fields["kind"]])
        venue.update(name=name[:1].upper() + name[1:], fee=fee, addr=self._address())
        if fee == "free" or fee == "£30":
            venue["wow"] = self.rng.choice(self.dom.wow).format(fee=fee)

    def _venue_weather(self, venue: dict[str, str], fields: dict[str, str]) -> None:
        rng = self.rng
        city = fields["city"]
        conditions = [c for c in T.WEATHER if not c[2] or (c[0] == "snow showers") == (city in _FREEZING)]
        cond, umbrella, unusual = rng.choice(conditions)
        base = 1 if cond == "snow showers" else 30 if cond == "a heat wave" else rng.randint(8, 18)
        hi, lo = base, base - rng.randint(3, 9)
        unit = "°C"
        if city in _FAHRENHEIT:
            hi, lo, unit = round(hi * 9 / 5 + 32), round(lo * 9 / 5 + 32), "°F"
        later = rng.choice([c[0] for c in T.WEATHER if not c[2]])
        venue.update(cond=cond, hi=f"{hi}{unit}", lo=f"{lo}{unit}", umbrella=umbrella, wind=rng.choice(T.WINDS),
                     later=later)
        if unusual:
            venue["wow"] = rng.choice(self.dom.wow).format(cond=cond)

    def _venue_alarm(self, venue: dict[str, str], fields: dict[str, str]) -> None:
        pass

    def _address(self) -> str:
        return f"{self.rng.randint(2, 120)} {self.rng.choice(T.STREETS)}"

    def _phone(self) -> str:
        return "07" + "".join(str(self.rng.randrange(10)) for _ in range(9))

    # How this bot goes wrong.

    def forgot(self) -> tuple[str, tuple[str, ...], Move] | None:
        known = [s for s, v in self.v.items() if v != "any"]
        if not known:
            return None
        rng = self.rng
        slot = rng.choice(known)
        said = _u(self.v[slot])
        restate = tuple(self.say(r.format(v=said)) for r in _REMEMBER)
        again = Move(self.say(rng.choice(T.SLOTS[slot].answers).format(v=said)), data={"fill": {slot: self.v[slot]}})
        return rng.choice(T.SLOTS[slot].asks), restate, again

    def nonsense(self, reply: Reply) -> str:
        rng = self.rng
        if not self._missing() and rng.random() < 0.5:  # a result or a booking, denied and given at once
            return join(rng.choice(("Unfortunately nothing is available.", "Sorry, there are no results.",
                                    "I'm unable to do that.")), reply.text)
        broken = garble(reply.text, rng) if rng.random() < 0.5 else ""
        return broken or rng.choice(W.NONSENSE_TASK)

    def off_topic(self) -> str:
        return self.rng.choice(W.OFF_TOPIC_TASK)

    def generic(self) -> str:
        return self.rng.choice(W.GENERIC_TASK)


def _clock(minutes: int) -> str:
    minutes %= 24 * 60
    return f"{minutes // 60:02d}:{minutes % 60:02d}"
