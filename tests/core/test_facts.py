"""The facts of the world the detectors check against a table: the capitals, the counts people
test chatbots with, who made famous works and when famous events happened."""

from __future__ import annotations

import pytest

from tracedesk.core.signals.facts import wrong_capital_in, wrong_count_in, wrong_famous_fact


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


@pytest.mark.parametrize(("asked", "answer", "wrong"), [
    ("how many legs does a spider have", "Six! Same as insects.", (6, 8)),
    ("huh. ok last one, how many moons does mars have", "Mars has four moons, and the biggest one is called Phobos.",
     (4, 2)),
    ("how many days in a leap year", "365.", (365, 366)),
    ("ok correct. how many bones in adult human body", "about 212.", (212, 206)),
    ("how many legs does a dog have", "Dogs have 6 legs.", (6, 4)),
    ("how many legs has a spider got?", "six", (6, 8)),
    # Right anywhere in the answer; hedged; a count of the question's own, of a case it sets, or
    # a question the table does not know; no count given; a question of how often.
    ("how many legs does a spider have", "Spiders have eight legs! Insects have six.", None),
    ("ok how many bones in the human body", "No worries, 102 it is. An adult has 206 bones.", None),
    ("how many seconds in a day", "86,400.", None),
    ("how many planets are there", "Nine, if you count Pluto.", None),
    ("how many legs do 3 spiders have", "24", None),
    ("how many days in a year on mars", "687 earth days.", None),
    ("how many bones does a baby have", "around 300.", None),
    ("how many hearts do they have", "three", None),
    ("how many legs does a spider have", "Spiders are arachnids, not insects.", None),
    ("how many days a week should i run", "Start with 3 days a week.", None),
    ("how many hours in a day", "Twenty-four hours.", None),
    ("how many bones in the human body", "Two hundred and six.", None),
    ("how many legs does a spider have", "Spiders have 4 pairs of legs.", None),
])
def test_a_count_people_test_chatbots_with_is_checked_against_the_table(asked, answer, wrong) -> None:
    assert wrong_count_in(asked.lower(), answer.lower()) == wrong


@pytest.mark.parametrize(("asked", "answer", "wrong"), [
    ("who painted starry night", "That was Claude Monet, in 1889.", ("claude monet", "van gogh")),
    ("who was the first person on the moon", "Buzz Aldrin was the first person to walk on the Moon.",
     ("buzz aldrin", "armstrong")),
    ("and first person in space?", "That was Alan Shepard, in 1961.", ("alan shepard", "gagarin")),
    ("true. who directed it again", "Steven Spielberg directed The Shining, in 1980.", ("spielberg", "kubrick")),
    ("what year did the berlin wall fall", "1991.", ("1991", "1989")),
    ("when did the berlin wall go up and come down", "It went up in August 1961 and came down in November 1991.",
     ("1991", "1989")),
    ("huh. when was the eiffel tower built?", "The Eiffel Tower was built in 1920 for the Olympic Games.",
     ("1920", "1889")),
    # Right; right beside another famous name or another year of the same thing; a maker the
    # table does not know, or named by no famous name; a thing named by a pronoun only.
    ("who painted starry night", "Vincent van Gogh, in 1889.", None),
    ("who painted the mona lisa", "Leonardo da Vinci did; Michelangelo was his rival.", None),
    ("when did the berlin wall fall?", "November 9, 1989, 28 years after it went up in 1961.", None),
    ("ok creepy. who directed it", "It was directed by Jordan Peele.", None),
    ("who wrote dune", "A man called Frank, in 1965.", None),
    ("when did it sink again, i forget", "It went down in the early hours of 15 April 1913.", None),
    ("who wrote romeo and juliet", "William Shakespeare wrote it, probably around 1595.", None),
    ("when did ww1 end", "1920.", ("1920", "1918")),
    ("who invented the light bulb", "Nikola Tesla invented it in 1879.", ("tesla", "edison")),
    ("who wrote a farewell to arms", "F. Scott Fitzgerald wrote it.", ("fitzgerald", "hemingway")),
    ("who wrote jane eyre", "Emily Brontë wrote it.", ("emily brontë", "charlotte")),
    ("who was the first person to climb everest", "George Mallory, in 1924.", ("mallory", "hillary")),
    ("who was the first person to climb everest", "Edmund Hillary and Tenzing Norgay, in 1953.", None),
    ("who invented the light bulb", "Thomas Edison, in 1879.", None),
    ("when did the french revolution start", "In 1799.", ("1799", "1789")),
    ("when did chernobyl happen", "April 1986.", None),
    ("when did the berlin wall fall?", "It fell in 1989, and Germany reunified in 1990.", None),
    ("who is your favorite painter?", "monet! i also love the starry night", None),
    ("who wrote the shining?", "Stephen King. The movie was directed by Kubrick in 1980.", None),
    ("when did china land on the moon?", "In 2013.", None),
    # Nobody, as a first; a people that built a famous place; a year told unasked, right after
    # what happened, of the thing named or pointed back to, or of the first asked for.
    ("has anyone walked on mars", "Yes, Neil Armstrong was the first person to walk on Mars, in 1969.",
     ("armstrong", "nobody")),
    ("has anyone walked on mars", "No, nobody has walked on Mars yet.", None),
    ("who built it? machu picchu i mean", "Machu Picchu was built by the Aztecs in the 15th century.",
     ("the aztecs", "inca")),
    ("who built machu picchu", "The Inca built it in the 15th century.", None),
    ("who was first up everest", "Edmund Hillary and Tenzing Norgay reached the summit on 29 May 1963.",
     ("1963", "1953")),
    ("tell me about the berlin wall", "It fell in 1991, two years after protests began.", ("1991", "1989")),
    ("tell me about the berlin wall", "It was built in 1961 and fell in 1989.", None),
    ("going to paris in april!! what should i not miss",
     "The Louvre, the Eiffel Tower, Notre-Dame (reopened 2024) and Montmartre.", None),
    ("no that's ww2. 1918 right?", "yes, sorry, ww1 ended on november 11, 1918.", None),
    ("i like ww2 stuff", "Cool! World War 2 ended in 1950, right?", ("1950", "1945")),
])
def test_a_famous_maker_first_or_year_is_checked_against_the_table(asked, answer, wrong) -> None:
    assert wrong_famous_fact(asked.lower(), answer.lower()) == wrong
