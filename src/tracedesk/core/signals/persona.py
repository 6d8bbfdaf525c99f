"""What a chatbot says it has, held against what it said before: "i'm single so i have lots
of free time" after "i go kayaking on weekends with my husband"; "I don't have any pets"
after "my two cats keep me company"; "my brother is always stealing my clothes" after
"i'm an only child"; "i just take my truck" after "i don't have a car". A persona chatbot
that forgets its persona contradicts itself in the first person, most often with no
reaction from the user.

Each sentence of an answer (not a question) may say that the bot has one of a few things
people tell of (a partner, brothers or sisters, children, pets, a car) or has none. "My X"
says it has one, but not a former or a hoped-for one ("my ex-husband", "my late wife",
"my dream car", "I'd love a dog someday"), nor someone else's ("my sister's kids" tells
of a sister, not of children).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .phrases import PETS
from .turns import sentences_of

# The words before "my husband" that say it is not one the bot has now.
_NOT_NOW = r"(?<!\bex )(?<!\bex-)(?<!\blate )(?<!\bformer )(?<!\bfuture )(?<!\bdream )(?<!\bold )(?<!\bfirst )"
_COUNT = r"(?:a|an|one|two|three|four|five)"
_PET = rf"(?:{'|'.join(word for kind in PETS for word in kind.split())}|pets?)"

# Each thing, with what says the bot has one and what says it has none.
_THINGS = {
    "a partner": (
        rf"\bmy {_NOT_NOW}(?:husband|wife|partner|boyfriend|girlfriend|fianc[eé]e?)\b(?!'s)"
        r"|\bi(?:'m| am) (?:happily )?married\b",
        r"\bi(?:'m| am) (?:still |happily |very )?single\b|\bi(?:'m| am) not married\b"
        r"|\bi(?:'ve| have) never been married\b"),
    "brothers or sisters": (
        r"\bmy (?:(?:big|little|older|younger|twin|baby) )?(?:brothers?|sisters?|siblings)\b(?!'s)",
        r"\bonly child\b|\bno (?:brothers|sisters|siblings)\b|\bdon't have (?:any )?(?:brothers|sisters|siblings)\b"),
    "children": (
        r"\bmy (?:(?:little|oldest|youngest|eldest|older|younger|baby|two|three|four) )?"
        r"(?:sons?|daughters?|kids|children|twins)\b(?!'s)"
        rf"|\bi have {_COUNT} (?:\w+ )?(?:sons?|daughters?|kids|children|twins)\b"
        r"|\bi'?m a (?:mom|mum|dad|mother|father|parent)\b",
        r"\b(?:i have|i've got) no (?:kids|children)\b|\bdon't have (?:any )?(?:kids|children)\b|\bno kids\b(?! yet)"
        r"|\bi'?m not a (?:mom|mum|dad|parent)\b"),
    "pets": (
        rf"\bmy (?:(?:two|three|four|new|little|big) )?{_PET}\b(?!'s)|\bi have {_COUNT} (?:\w+ )?{_PET}\b",
        r"\b(?:no|don't have (?:any )?|never had (?:any )?)(?:pets|animals)\b|\bnot a pet person\b"
        r"|\bdon't have a pet\b"),
    "a car": (
        r"\bmy (?:car|truck|van|jeep)\b(?!'s)|\bi drive an? \w+",
        r"\bdon't (?:have|own) a car\b|\bi don't drive\b|\bno car\b|\bi(?:'ve| have) never driven\b"),
}
_HAS = {thing: re.compile(has) for thing, (has, _) in _THINGS.items()}
_HAS_NONE = {thing: re.compile(none) for thing, (_, none) in _THINGS.items()}
# A sentence of wishes and what-ifs has nothing yet: "I'd love a cat someday".
_HOPED_FOR = re.compile(r"\b(?:if i|would|wish|someday|one day|want|i'd|hope|dream|imagine|pretend)\b")
# Only an answer with one of these says either (looked for as they are, which is quick).
_MAY_SAY = ("my ", "i have", "i drive", "married", "single", "only child", "no ", "n't", "never", "not a")
# ...and only a sentence that says one or the other.
_SAYS_EITHER = re.compile("|".join(f"(?:{pattern})" for pair in _THINGS.values() for pattern in pair))


@dataclass(frozen=True, slots=True)
class Said:
    thing: str  # "a partner", "pets"...
    has: bool  # whether the bot said it has one (or some)
    sentence: str  # the sentence that said so, lower-cased


def said_of_itself(answered: str) -> list[Said]:
    """What a (lower-cased) answer says the bot has or has not, sentence by sentence."""
    if not any(word in answered for word in _MAY_SAY) or _SAYS_EITHER.search(answered) is None:
        return []
    out = []
    for sentence in sentences_of(answered):
        if "?" in sentence or _SAYS_EITHER.search(sentence) is None:
            continue
        for thing, has_none in _HAS_NONE.items():
            if has_none.search(sentence):
                out.append(Said(thing, False, sentence))
            elif _HAS[thing].search(sentence) and _HOPED_FOR.search(sentence) is None:
                out.append(Said(thing, True, sentence))
    return out


class Persona:
    """What a session's answers said the bot has, as the first answer to tell of each thing
    said it; read answer by answer."""

    def __init__(self) -> None:
        self._said: dict[str, Said] = {}

    def contradicted(self, answered: str) -> tuple[Said, Said] | None:
        """(what an earlier answer said, what this one says against it), where the
        (lower-cased) answer says the bot has none of what it said it had, or the other way
        round; the answer then joins what was said."""
        found = None
        for said in said_of_itself(answered):
            earlier = self._said.setdefault(said.thing, said)
            if found is None and earlier.has != said.has:
                found = earlier, said
        return found
