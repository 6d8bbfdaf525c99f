"""The pieces the talk set is built from: steps of a dialog, a scenario's plan, a style's voice.

Part of the talk set (tests/eval/talk_set.py), written apart from the error detectors and
from the two older labelled sets. Wording lives in the other ``talk_*`` modules as templates
whose ``{slots}`` are filled once per dialog; :meth:`Step.fill` does the filling.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace
from random import Random

FAULTS = ("ignored", "wrong_fact", "off_topic", "repeated", "nonsense", "forgot", "generic")
# Messages that look like feedback but follow a fitting reply.
HARD_KINDS = ("answer_no", "surprise", "disagree", "more_detail", "self_correct", "change_mind")
# Hard negatives that ask the bot for something (a bland or off reply to them is an error).
ASKING_HARDS = ("more_detail", "self_correct", "change_mind")


def _fmt(templates: list[str], slots: dict[str, str]) -> list[str]:
    return [t.format(**slots) for t in templates]


@dataclass
class Told:
    """A detail the user gave, which the bot should not ask for again."""

    what: str
    asks: list[str]  # the bot asking for it again (a `forgot` error)
    plain: list[str]  # the user simply giving it again

    def fill(self, slots: dict[str, str]) -> Told:
        return replace(self, asks=_fmt(self.asks, slots), plain=_fmt(self.plain, slots))


@dataclass
class Hard:
    """A feedback-looking message that may follow a fitting reply, and the bot's answer to it."""

    kind: str
    says: list[str]
    reply: list[str]
    slots: dict[str, str] = field(default_factory=dict)  # what the message changes
    tells: list[Told] = field(default_factory=list)
    needs: str = ""  # words the fitting reply must hold for this message to follow it

    def fill(self, slots: dict[str, str]) -> Hard:
        return replace(
            self,
            says=_fmt(self.says, slots),
            reply=_fmt(self.reply, slots),
            slots={k: v.format(**slots) for k, v in self.slots.items()},
            tells=[t.fill(slots) for t in self.tells],
        )


@dataclass
class Step:
    """One user message and what the bot may answer to it."""

    ask: list[str]  # phrasings of the user's message (others serve when the user asks again)
    good: list[str]  # fitting replies
    request: bool = True  # the message asks for something
    answers: bool = False  # the message answers the question in the previous step's fitting reply
    wrong: list[tuple[str, list[str]]] = field(default_factory=list)  # (false reply, corrections)
    hards: list[Hard] = field(default_factory=list)
    tells: list[Told] = field(default_factory=list)
    muddle: list[str] = field(default_factory=list)  # nonsense fitted to this step
    slots: dict[str, str] = field(default_factory=dict)
    # Set by the dialog builder, not by the wording modules:
    said: str = ""  # the message as sent
    asked: str = ""  # the question a reaction is about (the message itself, for a new question)
    bare: list[str] = field(default_factory=list)  # fitting replies before any apology was put in front
    rate: float = 0.0
    faults: tuple[str, ...] = FAULTS
    echo: str | None = None  # the reply a `repeated` error would say again

    def fill(self, slots: dict[str, str]) -> Step:
        return replace(
            self,
            ask=_fmt(self.ask, slots),
            good=_fmt(self.good, slots),
            wrong=[(w.format(**slots), _fmt(r, slots)) for w, r in self.wrong],
            hards=[h.fill(slots) for h in self.hards],
            tells=[t.fill(slots) for t in self.tells],
            muddle=_fmt(self.muddle, slots),
        )


@dataclass
class Plan:
    """One dialog's outline: the bot, its slots, the steps in order, loose steps and a closing.

    The loose steps come in any order; a list among them is a run of steps kept together.
    """

    bot: tuple[str, tuple[str, ...]]  # model name, prompt versions
    slots: dict[str, str]
    fixed: list[Step]
    loose: list[Step | list[Step]]
    close: Step


@dataclass
class Voice:
    """How one style's bot errs and how its users react."""

    generic: list[str]
    ignored: list[str]
    off_topic: list[str]
    nonsense: list[str]
    point_out: dict[str, list[str]]  # by error kind, and "any"
    clarify: list[str]
    repeat: list[str]  # wrappers around the question asked again: {ask}, {ask_l}
    remind: list[str]  # wrappers around a detail given again with a complaint: {plain}, {plain_l}
    sorry: dict[str, list[str]]  # the bot's opening words after a reaction, by reaction
    dress: Callable[[Random, str, bool], str]  # the user's habits of writing (text, opens the dialog)


@dataclass
class Style:
    name: str
    scenarios: list[Callable[[Random], Plan]]
    voice: Voice
    users: tuple[int, int]  # range of user numbers


def lower_first(text: str) -> str:
    """'It is late' -> 'it is late'; leaves 'I ...' and acronyms alone."""
    head = text.split(" ", 1)[0]
    if head in ("I", "I'm", "I've", "I'd") or head[:2].isupper():
        return text
    return text[:1].lower() + text[1:]
