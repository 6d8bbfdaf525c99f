"""The kinds of things people tell of their lives, in words: the people of one's family
and life by sex, the animals people keep, counts said in words, the days of the week and the
months. What the user told of them, an answer may take for another (:mod:`.memory`,
:mod:`.reactions`, :mod:`.repeats`, :mod:`.against`).
"""

from __future__ import annotations

import re

# The people of one's family and life by sex: each pair the woman's words, then the man's in
# the same place ("daughter", "son").
SEXED_PEOPLE = (("daughter daughters", "son sons"), ("girl girls", "boy boys"), ("sister sisters", "brother brothers"),
                ("wife", "husband"), ("mom mum mother", "dad father"), ("girlfriend gf", "boyfriend bf"),
                ("niece", "nephew"), ("aunt", "uncle"), ("granddaughter", "grandson"),
                ("grandma grandmother", "grandpa grandfather"))


# The animals people keep, a kind each: a user who told of a dog has no cat the bot could ask
# after.
PETS = ("dog dogs puppy puppies pup", "cat cats kitten kittens kitty", "horse horses pony ponies", "fish goldfish",
        "bird birds parrot parrots budgie", "rabbit rabbits bunny bunnies", "hamster hamsters",
        "turtle turtles tortoise", "snake snakes", "lizard lizards gecko")
# The games people play, a kind each: a user who told of soccer has no basketball game the
# bot could wish them luck at. (Football is soccer to most of the world.)
SPORTS = ("soccer football footy", "basketball hoops", "baseball softball", "hockey", "tennis", "volleyball",
          "rugby", "golf", "cricket", "lacrosse", "badminton")
# ...all their words, of every kind ("dog", "puppies", "gecko").
PET_WORDS = tuple(word for kind in PETS for word in kind.split())
# Counts said in words ("three kids"), with the figure each says.
COUNT_WORDS = {word: str(n) for n, word in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve".split()) if n > 1}  # noqa: SIM905
# ...and from one on, as a pattern's alternatives.
ONE_TO_TWELVE = ("one", *COUNT_WORDS)
# The foods a table is booked for by name ("an italian place", "korean food").
CUISINES = tuple("""
    italian chinese indian thai french spanish japanese korean mexican british turkish vietnamese greek lebanese
    portuguese caribbean persian polish russian cantonese
""".split())  # noqa: SIM905 (a word list reads best as words)
# The place a table is wanted in, as a request tells it (the place, as a group): "a french
# restaurant in rome", "we're in london" (not "in the centre", "in mind", "in advance").
A_PLACE_FOR_A_TABLE = re.compile(
    r"(?:\b(?:table|rest\w*|food|place|reservation|eat|dinner|lunch|book\w*|somewhere)\b[^.!?]*?"
    r"|\b(?:we're|we are|i'm|im|i am|we'll be|staying) )\bin (?!(?:the|a|an|my|your|our|town|mind"
    r"|advance|total|person|time|case|fact|love|trouble|a hurry)\b)([a-z]{3,})")
# The days of the week, and the months but May (a word of its own), as a pattern's
# alternatives.
WEEKDAYS = "monday|tuesday|wednesday|thursday|friday|saturday|sunday"
# ...a day of the week, as a word of a (lower-cased) text.
A_WEEKDAY = re.compile(rf"\b(?:{WEEKDAYS})\b")
MONTHS_BUT_MAY = "january|february|march|april|june|july|august|september|october|november|december"


def the_other_kinds(kinds: tuple[str, ...]) -> dict[str, frozenset[str]]:
    """Each word of ``kinds`` (the words of each kind, as :data:`PETS` gives them), with the
    other kinds' words in its place: "cat" -> {"dog", "dogs", ..., "gecko"}."""
    return {word: frozenset(other for others in kinds if others != words for other in others.split())
            for words in kinds for word in words.split()}


def the_other_sex(pairs: tuple[tuple[str, str], ...]) -> dict[str, frozenset[str]]:
    """Each word of ``pairs`` (the woman's words, then the man's, as :data:`SEXED_PEOPLE`
    gives them), with the other sex's words in its place: "son" -> {"daughter", "daughters"}."""
    return {word: frozenset(men.split()) for women, men in pairs for word in women.split()} | {
        word: frozenset(women.split()) for women, men in pairs for word in men.split()}
