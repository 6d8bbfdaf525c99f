"""What a user's message asks for, by meaning: example messages of each intent (asking
for a person, saying the answer missed), and near misses that share their words but not
their meaning, compared by embedding (:mod:`.meaning`).

A message takes an intent when it lies closer to the intent's examples than to its near
misses by a margin, and it names what the intent is about (a person, for escalation):
the cheap word gate keeps the vectors for the few messages that could qualify, and keeps
"what does the travel agent fee cover?" out however the vectors fall.

The examples are written to cover how people ask, not to match test data; a language is
covered as far as the model knows its words (English best; Spanish, French, German,
Portuguese and Italian examples are here for the words the model shares with them). A
request for a person in those other languages is read by pattern only
(:data:`.phrases.ESCALATION`): the model knows too few of their words to tell "ich möchte
Menschen helfen" from "ich möchte mit einem Mitarbeiter sprechen" (the caller sets it aside).
"""

from __future__ import annotations

import re

import numpy as np

from .meaning import Embedder, Prototypes

ESCALATION_EXAMPLES = Prototypes((
    "let me talk to a human", "i want to speak to a real person", "connect me to a live agent",
    "get me a representative", "transfer me to customer service", "can i talk to someone from support",
    "human please", "i need a real person", "put me through to an operator", "is there a person i can call",
    "i want a manager", "escalate this to your supervisor", "please have someone call me back",
    "i don't want to talk to a bot", "can a person look at my case", "get a human on this", "representative",
    "live chat with staff", "i'd like to speak with an employee", "let me talk to your support team",
    "put me in touch with customer care", "connect me with someone from your staff", "i need to reach customer service",
    "can a person contact me", "i want someone to call me",
    "quiero hablar con una persona", "je veux parler à un conseiller", "ich möchte mit einem mitarbeiter sprechen",
    "quero falar com um atendente", "voglio parlare con un operatore",
))
ESCALATION_NEAR_MISSES = Prototypes((
    "what does the travel agent fee cover", "is this safe for human use", "who is my account manager",
    "i talked to an agent yesterday about this", "the agent told me it was fixed", "how do i contact human resources",
    "do you have staff discounts", "how many people can share the plan", "can my manager approve the invoice",
    "add a person to my team", "what is a support ticket", "how do i become an agent", "my agent id is 4411",
    "is the human body affected", "can someone else pick it up for me", "the person at the store said",
    "how many teeth does a human have", "what percent of the human body is water", "who was the first person in space",
    "what is my customer number", "where do i find my customer id", "how do i change my contact details",
    "is the service down", "what does the service plan cover", "does the care plan include repairs",
    "what are your customer service hours", "when is customer care open",
    "i need to watch the real one", "i want to see the real thing live", "they call each other every day",
    "my sister calls me every week", "i should call my mom more",
    "i don't care", "i don't mind, any is fine", "doesn't matter to me", "i don't care about the price",
    "you're a bot", "nothing. ur a bot", "are you a bot", "you're just a robot lol",
    # (someone told of, not asked for: "someone told me something cute", "they just called
    # someone who came in after me"; and a team one supports)
    "someone told me about it", "a friend told me something funny", "they called someone else before me",
    "they just called my name", "who do you cheer for in football",
))

FRUSTRATION_EXAMPLES = Prototypes((
    "that's not what i asked", "you didn't answer my question", "this doesn't help at all", "that's wrong",
    "no, that is not correct", "you're not listening", "this is useless", "i already told you that",
    "you keep saying the same thing", "that makes no sense", "read my question again", "that's not my problem",
    "still not working, you're not helping", "that has nothing to do with my question", "wrong answer",
    "are you even reading what i write", "i asked about something else", "ugh this is so frustrating",
    "no no no that's not it", "you misunderstood me", "that's not true", "why are you telling me this",
    "see, you're a bad bot", "you're just a useless bot",
    "eso no es lo que pregunté", "ce n'est pas ce que j'ai demandé", "das habe ich nicht gefragt",
))
FRUSTRATION_NEAR_MISSES = Prototypes((
    "no, i don't have any pets", "that's interesting, tell me more", "what do you mean by premium plan",
    "no thanks, that's all", "it's not urgent", "i don't know yet", "that's great, thank you", "not really, why",
    "no, i haven't tried that yet", "that's not a problem", "sure, no worries", "i didn't get the email yet",
    "does that include taxes", "wrong size, can i exchange it", "my order is not here yet",
    "what are you reading these days", "what kind of books do you read", "what did you do today",
    "do you have any hobbies", "what are you watching at the moment", "did you see the game last night",
    "can you remind me what i said earlier", "what did i ask you before", "remind me what we talked about",
    "what's it called again", "what was the name of it again", "when is it again", "how much was it again",
))

# The word gates: a message can ask for a person only if it names one (in the languages of
# the examples), and can complain of an answer only if it says no, not, wrong, again...
_GATE_WORD = re.compile(r"[^\W\d_]+(?:'t)?")
PERSON_WORDS = frozenset("""
    human humans person people someone somebody anyone anybody agent agents rep reps representative operator
    manager supervisor staff employee team support advisor adviser specialist real live bot robot call
    callback persona humano agente operador atendente humain personne conseiller mensch menschen mitarbeiter
    berater operatore customer service care helpdesk desk contact
""".split())  # noqa: SIM905 (a word list reads best as words)
# A bare plea ("agent. human. now.", "representative please") names a person and says
# nothing else: no example is needed to read it.
PERSON_NOUNS = frozenset("""
    human person someone somebody agent rep representative operator supervisor
    humano agente persona operador atendente humain conseiller mensch mitarbeiter operatore
""".split())  # noqa: SIM905
PLEA_FILLERS = frozenset("""
    a an me i want need get give talk speak to with real live actual now please pls plz asap hello hi again
""".split())  # noqa: SIM905
# Alone, only these ask for a person; "staff", "my manager" or "just one person" answer a
# question the bot asked ("Student or staff?", "For how many people?").
PLEA_WORDS = frozenset({"human", "agent", "representative", "rep", "operator", "humano", "agente", "operador"})
# ("sense" is none: "that makes no sense" says no, "that makes sense" agrees.)
COMPLAINT_WORDS = frozenset("""
    no not nope wrong incorrect never again already still useless nonsense listen listening reading read
    asked ask said told answer answered understand misunderstood frustrating frustrated ugh nothing help
    helping helpful didn't doesn't don't isn't wasn't aren't can't won't eso pas nicht non
""".split())  # noqa: SIM905


def _gate(text: str) -> tuple[bool, bool]:
    """Whether a message names a person, and whether it has a word of complaint."""
    words = set(_GATE_WORD.findall(text))
    return not words.isdisjoint(PERSON_WORDS), not words.isdisjoint(COMPLAINT_WORDS)


ESCALATION_MARGIN = 0.06  # closer to the examples than to the near misses by this much...
ESCALATION_FLOOR = 0.62  # ...and at least this close to one example
FRUSTRATION_MARGIN = 0.06
FRUSTRATION_FLOOR = 0.66
MAX_INTENT_WORDS = 25  # a long message is a new request with its own story, not a bare plea


def _bare_plea(text: str) -> bool:
    words = set(_GATE_WORD.findall(text))
    if not words or len(words) > 6 or not words <= PERSON_NOUNS | PLEA_FILLERS:
        return False
    # A person named with a word of asking ("real person please"), or a plea word itself.
    return not words.isdisjoint(PLEA_WORDS) or (not words.isdisjoint(PERSON_NOUNS) and not words.isdisjoint(
        PLEA_FILLERS - {"a", "an", "me", "i"}))


def intent_strengths(model: Embedder, texts: list[str]) -> tuple[np.ndarray, np.ndarray]:
    """For each (lower-cased) message, how strongly it asks for a person and how strongly
    it says the answer missed: 0 when it does not, up to 1. A message sent again ("human
    please", "that's wrong") is read once."""
    distinct = list(dict.fromkeys(texts))
    escalation, frustration = _strengths(model, distinct)
    if len(distinct) == len(texts):
        return escalation, frustration
    place = {text: i for i, text in enumerate(distinct)}
    index = [place[text] for text in texts]
    return escalation[index], frustration[index]


def _strengths(model: Embedder, texts: list[str]) -> tuple[np.ndarray, np.ndarray]:
    escalation = np.zeros(len(texts), np.float32)
    frustration = np.zeros(len(texts), np.float32)
    gates = [_gate(t) if len(t.split()) <= MAX_INTENT_WORDS else (False, False) for t in texts]
    for i, text in enumerate(texts):
        if gates[i][0] and _bare_plea(text):
            escalation[i] = 1.0
    gated = [i for i, (person, complaint) in enumerate(gates) if (person and not escalation[i]) or complaint]
    if not gated:
        return escalation, frustration
    vectors = model.embed([texts[i] for i in gated])
    for target, which, examples, misses, margin, floor in (
        (escalation, 0, ESCALATION_EXAMPLES, ESCALATION_NEAR_MISSES, ESCALATION_MARGIN, ESCALATION_FLOOR),
        (frustration, 1, FRUSTRATION_EXAMPLES, FRUSTRATION_NEAR_MISSES, FRUSTRATION_MARGIN, FRUSTRATION_FLOOR),
    ):
        rows = [row for row, i in enumerate(gated) if gates[i][which]]
        if not rows:
            continue
        near = examples.scores(model, vectors[rows])
        far = misses.scores(model, vectors[rows])
        for k, row in enumerate(rows):
            lead = float(near[k] - far[k])
            if near[k] >= floor and lead >= margin:
                target[gated[row]] = min(1.0, (lead - margin) / 0.15 + (near[k] - floor) / 0.3)
    return escalation, frustration
