"""The facts of the world the detectors check against a table: the capitals."""

from __future__ import annotations

import pytest

from tracedesk.core.signals.facts import wrong_capital_in


@pytest.mark.parametrize(("answer", "wrong"), [
    ("The capital of Australia is Sydney.", ("australia", "sydney", "canberra")),
    ("atlanta is the capital of alabama , right ?", ("alabama", "atlanta", "montgomery")),
    ("Brazil's capital is Rio de Janeiro.", ("brazil", "rio de janeiro", "brasilia")),
    ("i heard dubai is the capital of saudi arabia.", ("saudi arabia", "dubai", "riyadh")),
    ("In Kyoto, the capital of Japan, there are temples everywhere.", ("japan", "kyoto", "tokyo")),
    ("You could say: 'The capital of Brazil is Rio de Janeiro.'", ("brazil", "rio de janeiro", "brasilia")),
    ("Nice! Kansas City is the capital of Kansas, right?", ("kansas", "kansas city", "topeka")),
    # Right, in any spelling, or more than one; a capital that was; another kind of capital; a
    # question; a city the table does not know; a pronoun for the city.
    ("The capital of Brazil is Brasília.", None),
    ("the capital of the netherlands is amsterdam", None),
    ("The Hague is the capital of the Netherlands.", None),
    ("Pretoria is the capital of South Africa, and Cape Town is too.", None),
    ("St. Paul is the capital of Minnesota.", None),
    ("Kyoto was the capital of Japan from 794 to 1869.", None),
    ("Lyon is often called the gastronomic capital of France!", None),
    ("What's the capital of the Netherlands?", None),
    ("Is Sydney the capital of Australia?", None),
    ("Bangor is the capital of Maine.", None),
    ("Chicago is a great city. It's the capital of Illinois.", None),
    ("No, Sydney is not the capital of Australia, Canberra is.", None),
    ("", None),
])
def test_a_city_called_the_capital_of_a_place_is_checked_against_the_table(answer, wrong) -> None:
    assert wrong_capital_in(answer.lower()) == wrong
