"""A choice of two a message asks the bot to make ("what should i read next, dispossessed
or earthsea", "is it better to visit in june or september", "tea or coffee?"), and whether
an answer takes it up: names one of the two ("The Dispossessed is the natural next step"),
or says it takes neither, both or either ("Neither for me", "Honestly I love both!").
An answer that does none of these left the choice it was asked to make (:mod:`.conversation`
reads it so).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, NamedTuple

from ..words import heads

if TYPE_CHECKING:
    from .meaning import Embedder

# The two options, as the clause that asks ends on them: a few words each side of "or", then
# the end of the message or of its clause ("dispossessed or earthsea", "the red or the blue
# one?"). Not a figure ("2 or 3": a count, which answers by figures), nor "or not", "or
# something", "a day or two".
_CHOICE = re.compile(r"((?:[a-z][\w'&-]* ){0,2}[a-z][\w'&-]*),? or ((?:[a-z][\w'&-]*)(?: [a-z][\w'&-]*){0,2})"
                     r"\s*(?:[?.!,]|$)")
_NOT_AN_OPTION = frozenset("""
    not something anything whatever so more less two three else other others nothing what how anyone someone
    somewhere maybe whatnot smth sth
""".split())  # noqa: SIM905 (a word list reads best as words)
# Words an option's side holds that name neither option: "the cook there or a server".
_NO_OPTION_WORDS = frozenset("""
    a an the there here too just also really maybe one ones it its i you we they my your to for of in on
    at with is are be go do itself themselves should shall would prefer better best rather which what whats
""".split())  # noqa: SIM905
# ...nor a verb of the asking: "should i read dune or foundation", "visit in june or september".
_ASKING_VERBS = frozenset("""
    read go get see buy visit watch play take use try eat drink pay need want like love pick choose start get
    learn listen wear book order make cook call send stay live move
""".split())  # noqa: SIM905
# The words that open a second side which asks of the first, yes or no: "...or too late",
# "...or is that fake", "...or not".
_ASKS_OF_THE_FIRST = frozenset({"too", "is", "are", "was", "were", "do", "does", "did", "can", "will", "would", "not",
                                "maybe", "nah", "no"})
# ...in a clause that asks for a pick: which, better, prefer, should; or a question led by
# "is", "are", "do" that offers two ("is it open on saturday or sunday"), not one that asks for
# any of a kind ("do you know any good sushi movies or docs?", "can you recommend a good book
# or movie?"), a way ("the best way to learn spanish or french") or what is needed ("do i
# need a visa or passport?").
_PICK = re.compile(r"\b(?:which|better|best|prefer|rather|should|shall|choose|pick|go for|whats? next"
                   r"|what should)\b")
_OFFERS_TWO = re.compile(r"^\W*(?:(?:and|so|ok|okay|but|hmm|anyway|also)\W+)*(?:is|are|was|were|do|does|did|can|will"
                         r"|would)\b")
_ANY_OF_A_KIND = re.compile(r"\b(?:any|some|anything|something|other|else|recommend|suggest|way|ways|how to|need"
                            r"|have to|must)\b")
# What an answer says that takes up a choice without naming it: neither, both, either, it
# depends, every day, up to you, not sure.
_TAKES_IT_UP = re.compile(r"\b(?:neither|both|either|whichever|depends|depending|equally|up to you|your call"
                          r"|not sure|no idea|don't know|dont know|hard to say|can't decide|cant decide|tough one"
                          r"|toss-up|toss up|any of them|all of them|none of them|every day|every one|same thing"
                          r"|same for me|open (?:every|all)|no preference)\b")
# ...or, asked what it is ("are you the cook there or a server?"), what it says it is.
_ASKS_WHAT_IT_IS = re.compile(r"^\W*(?:(?:and|so|ok|okay|but)\W+)*are you\b")
_SAYS_WHAT_IT_IS = re.compile(r"(?:^|[.!?]\s)\W*(?:[a-z]+\W+)?(?:i am|i'm|im)\b")


class Choice(NamedTuple):
    first: tuple[str, ...]  # the words that name each option ("cook"; "server")
    second: tuple[str, ...]
    what_it_is: bool  # whether it asks the bot what it is ("are you the cook or a server?")

    def __str__(self) -> str:
        return f"{' '.join(self.first)} or {' '.join(self.second)}"


def choice_asked(asked: str) -> Choice | None:
    """The two options the (lower-cased) message asks the bot to choose between, or None."""
    if " or " not in asked:
        return None
    for clause in re.split(r"(?<=[.!?;])\s+|,\s+(?=(?:and |but |so )?(?:what|which|is|are|do|should)\b)", asked):
        match = _CHOICE.search(clause)
        if match is None:
            continue
        if match.group(2).split()[0] in _ASKS_OF_THE_FIRST:
            continue  # ("can i still add a drink or too late", "...our old chats or is that fake")
        # (two words each side at most, not a verb that asks: "read dune or foundation next"
        # offers "dune" and "foundation"; "pay card everywhere or need cash", "card" and "cash")
        first = [w for w in match.group(1).split() if w not in _NO_OPTION_WORDS and w not in _ASKING_VERBS][-2:]
        second = [w for w in match.group(2).split() if w not in _NO_OPTION_WORDS and w not in _ASKING_VERBS][:2]
        if (not first or not second or first[-1] in _NOT_AN_OPTION or second[0] in _NOT_AN_OPTION
                or any(len(w) < 3 for w in (first[-1], second[0]))):
            continue
        before = clause[:match.start()] + match.group(1)
        bare = match.start() == 0 and clause.rstrip().endswith("?")  # ("tea or coffee?")
        if (bare or _PICK.search(clause) or _OFFERS_TWO.match(clause)) and not _ANY_OF_A_KIND.search(before):
            return Choice(tuple(first), tuple(second), _ASKS_WHAT_IT_IS.match(clause) is not None)
    return None


def takes_up(choice: Choice, answered: str, model: Embedder | None = None) -> bool:
    """Whether the (lower-cased) answer names one of the options, or says it takes neither,
    both, or that it depends (or, asked what it is, says what it is); with the meaning
    ``model``, also whether a word of it means much what an option does ("beach or
    mountains?" - "definitely the ocean", "iphone or android?" - "apple for sure")."""
    if _TAKES_IT_UP.search(answered) or (choice.what_it_is and _SAYS_WHAT_IT_IS.search(answered)):
        return True
    words = re.findall(r"[a-z][\w'-]*", answered)
    if not heads((*choice.first, *choice.second)).isdisjoint(heads(words)):  # ("call" - "Calling")
        return True
    if model is None:
        return False
    options = sorted({*choice.first, *choice.second})
    said = sorted({w for w in words if len(w) > 2 and w not in _NO_OPTION_WORDS})[:_MEANT_WORDS]
    if not said:
        return False
    vectors = model.embed(options + said)
    near = vectors[:len(options)] @ vectors[len(options):].T  # (unit vectors: their cosines)
    return bool(near.max() >= _MEANS_AN_OPTION)


_MEANS_AN_OPTION = 0.45  # a word this close to an option names it: "ocean" of "beach", "snow" of "winter"
_MEANT_WORDS = 40  # the answer's words compared, at most


# Two things an answer says it is choosing between: "I'm deciding between curry and pasta" (not
# what a fact sets side by side: "the cold war was between the usa and china" - "china?? it
# was the soviet union", nor "it was either napoleon or wellington who said that").
_OFFERED = re.compile(r"\b(?:deciding|decide|torn|choosing|choose|pick|picking|undecided|stuck) between "
                      r"(?:the |a |an )?([a-z][\w'-]*) and (?:the |a |an )?([a-z][\w'-]*)")


def picks_an_offered(answered: str, asked: str) -> bool:
    """Whether the (lower-cased) message names one of two things the answer before said it
    was choosing between: "...deciding between curry and pasta" - "curry obviously" picks,
    it corrects nothing."""
    offered = _OFFERED.search(answered)
    if offered is None:
        return False
    return not heads(offered.groups()).isdisjoint(heads(re.findall(r"[a-z][\w'-]*", asked)))
