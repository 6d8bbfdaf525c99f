"""The figures the grounding detector reads in a text are those its pattern finds: the
faster ways of finding them must not find others, nor miss any."""

from __future__ import annotations

import random

from tracedesk.core.signals.figures import _FIGURE, _figure_matches

# The characters a figure is made of, or that stand before one and decide whether it is
# one (a word character, a dot, a dash, a slash), with spaces and digits beyond ASCII.
ALPHABET = "12 90$€£.-/,:a%xd\n\t_é\u00a0\u2009\u0663"


def spans(matches) -> list[tuple[int, int, tuple]]:
    return [(m.start(), m.end(), m.groups()) for m in matches]


def test_figures_found_are_those_the_pattern_finds_in_random_texts() -> None:
    rng = random.Random(7)
    for _ in range(30_000):
        text = "".join(rng.choice(ALPHABET) for _ in range(rng.randint(0, 16)))
        assert spans(_figure_matches(text)) == spans(_FIGURE.finditer(text)), repr(text)


def test_figures_found_are_those_the_pattern_finds_in_answers() -> None:
    answers = [
        "Your refund of $210.50 was issued on 2026-11-20; expect it in 5-7 business days.",
        "Order #A-1043 (ref 12/34/56) ships in 2 days: call +1 555-0100 or see kb-501.",
        "Plan: 12.8 GB of 20 GB used, 64% - renews on 03/04, fee £ 4.99 or €5.",
        "Steps: 1. open the app 2. tap 3 times; version 1.2.3 at 10:30, score 0.908.",
        "",
    ]
    for text in answers:
        assert spans(_figure_matches(text)) == spans(_FIGURE.finditer(text)), text
        assert spans(_figure_matches(text)) or not text  # each answer above states a figure
