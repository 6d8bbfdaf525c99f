"""Wording of a homework and trivia helper and the teenagers who use it, for the talk set.

Part of the talk set (tests/eval/talk_set.py), written apart from the error detectors and
from the two older labelled sets. Short questions on history, science, geography and
maths; emoticons and emoji now and then, capitals when excited or annoyed. Facts are
held as (quiz question, step) pairs; maths questions are made up per dialog.
"""

from __future__ import annotations

import math
from fractions import Fraction
from random import Random

from .talk_kit import Hard, Plan, Step, Style, Told, Voice

BOT = ("brainy-tutor", ("study-0.9", "study-1.0", "study-1.1"))

Fact = tuple[str, Step]


def _fact(quiz: str, asks: list[str], good: str, wrong: str, rights: list[str],
          more: tuple[list[str], str] | None = None, wow: tuple[list[str], str] | None = None) -> Fact:
    """A question with its answer, one false answer and the users' corrections of it."""
    hards = []
    if more:
        hards.append(Hard("more_detail", more[0], [more[1]]))
    if wow:
        hards.append(Hard("surprise", wow[0], [wow[1]]))
    return quiz, Step(ask=asks, good=[good], wrong=[(wrong, rights)], hards=hards)


HISTORY = [
    _fact("In what year was the Battle of Hastings?",
          ["when was the battle of hastings", "what year was the battle of hastings?", "battle of hastings date?"],
          "The Battle of Hastings was in 1066, on 14 October. William of Normandy defeated King Harold II, which "
          "began the Norman Conquest of England. Fun fact: Harold was king for only about nine months.",
          "The Battle of Hastings was fought in 1166, when William of Normandy defeated King Harold II.",
          ["no its 1066", "isnt it 1066??", "my textbook says 1066"],
          more=(["what does norman conquest mean", "wait whats the norman conquest exactly"],
                "The Norman Conquest means the Normans, from northern France, took control of England after Hastings. "
                "William became king, and Norman castles, laws and French words spread across the country."),
          wow=(["wait really?? only 9 months", "omg i didnt know that"],
               "Yep! He was crowned in January 1066 and died at Hastings in October.")),
    _fact("When did World War Two end?",
          ["when did ww2 end", "what year did world war 2 finish?", "WHEN DID WW2 END"],
          "World War Two ended in 1945: in Europe on 8 May (VE Day), and in Asia on 2 September, after Japan "
          "surrendered.",
          "World War Two ended in 1949, when Germany and Japan signed the peace treaty.",
          ["no it ended in 1945", "its 1945 tho??", "pretty sure its 1945"],
          more=(["what does VE day mean", "wait whats ve day"],
                "VE Day means Victory in Europe Day: 8 May 1945, when Germany's surrender came into effect and the "
                "war in Europe ended.")),
    _fact("Which king agreed to the Magna Carta, and when?",
          ["who signed the magna carta", "which king did the magna carta", "magna carta king and year?"],
          "King John agreed to the Magna Carta in 1215, at Runnymede. It limited the king's power and said nobody, "
          "not even the king, was above the law.",
          "The Magna Carta was signed by King Henry VIII in 1215.",
          ["no it was king john", "wasnt it king john?", "henry viii was way later, it was king john"],
          more=(["what even is the magna carta tho", "can u explain what the magna carta actually is"],
                "It's a charter, basically a written agreement, between King John and his barons. It said the king "
                "had to follow the law too, for example he couldn't imprison people without a fair trial.")),
    _fact("In what year did the French Revolution begin?",
          ["when did the french revolution start", "french revolution year?", "what year was the french revolution"],
          "The French Revolution began in 1789. The storming of the Bastille prison in Paris on 14 July 1789 is "
          "often seen as its start.",
          "The French Revolution began in 1798 with the storming of the Bastille.",
          ["it started in 1789 tho", "no its 1789"],
          more=(["what was the bastille", "why did they storm the bastille"],
                "The Bastille was a fortress and prison in Paris that stood for the king's power. Crowds attacked it "
                "partly to seize the gunpowder stored there, and its fall became a symbol of the revolution.")),
    _fact("Who was the first person to walk on the Moon?",
          ["who was first on the moon", "who walked on the moon first", "first person on the moon?"],
          "Neil Armstrong was the first person to walk on the Moon, on 20 July 1969, during Apollo 11. Buzz Aldrin "
          "followed him. Fun fact: their footprints are probably still there, because there's no wind on the Moon.",
          "Buzz Aldrin was the first person to walk on the Moon, in 1969.",
          ["no it was neil armstrong", "armstrong was first, aldrin was second"],
          wow=(["wait really?? thats so cool", "no way, still there??", "WAIT THE FOOTPRINTS ARE STILL THERE"],
               "Yep! With no wind or rain, nothing wipes them away. They could last for millions of years.")),
    _fact("When did the Berlin Wall fall?",
          ["when did the berlin wall fall", "berlin wall came down when?", "what year did the berlin wall go"],
          "The Berlin Wall fell on 9 November 1989, when East Germany opened the border crossings. Germany was "
          "reunified a year later, in 1990.",
          "The Berlin Wall fell in 1991, at the same time as Germany was reunified.",
          ["no it was 1989", "1989 not 1991"],
          more=(["why was there even a wall", "why did they build it in the first place"],
                "After World War Two, Berlin was split between the Soviet side and the Western side. So many people "
                "left the East for the West that East Germany built the wall in 1961 to stop them.")),
    _fact("When did India become independent?",
          ["when did india get independence", "india independence date?", "what year did india become independent"],
          "India became independent from British rule on 15 August 1947. Jawaharlal Nehru became its first prime "
          "minister.",
          "India became independent on 15 August 1950, with Nehru as prime minister.",
          ["no it was 1947", "1950 is when the constitution started, independence was 1947"]),
    _fact("Where was Archduke Franz Ferdinand assassinated in 1914?",
          ["what started ww1", "why did world war 1 start", "how did ww1 begin"],
          "The spark for World War One was the assassination of Archduke Franz Ferdinand of Austria-Hungary in "
          "Sarajevo on 28 June 1914. Alliances between the big powers then pulled many countries into the war.",
          "World War One started after Archduke Franz Ferdinand was assassinated in Vienna in 1914.",
          ["wasnt it in sarajevo?", "it was sarajevo not vienna"],
          more=(["what do u mean by alliances", "what were the alliances"],
                "Alliances were agreements to defend each other. Germany and Austria-Hungary were on one side; "
                "France, Russia and Britain on the other. When one country went to war, its allies joined in.")),
    _fact("In what year was the Great Fire of London?",
          ["when was the great fire of london", "great fire of london year", "what year was the fire of london"],
          "The Great Fire of London was in 1666. It started in a bakery on Pudding Lane and burned for four days. "
          "Fun fact: only six deaths were officially recorded.",
          "The Great Fire of London was in 1766, and it started in a bakery on Pudding Lane.",
          ["no its 1666", "isnt it 1666?"],
          wow=(["wait only 6?? i thought loads of people died", "really only six people?"],
               "That's the official record, but historians think the real number was higher, because the deaths of "
               "poorer people often weren't written down.")),
    _fact("Who was the first female Prime Minister of the UK?",
          ["who was the first woman prime minister in the uk", "first female pm uk?", "first woman pm"],
          "Margaret Thatcher was the UK's first female Prime Minister. She took office in 1979 and served until 1990.",
          "The UK's first female Prime Minister was Theresa May, who took office in 2016.",
          ["no it was margaret thatcher", "thatcher was first tho"]),
    _fact("In what year did the Titanic sink?",
          ["when did the titanic sink", "titanic sank what year", "year titanic sank?"],
          "The Titanic sank on 15 April 1912, after hitting an iceberg in the North Atlantic. It was on its very "
          "first voyage, only four days after leaving Southampton.",
          "The Titanic sank in 1915 after hitting an iceberg.",
          ["no it sank in 1912", "1912 not 1915"],
          wow=(["wait it was its FIRST trip??", "omg on its first voyage?"],
               "Yes, its maiden voyage, from Southampton to New York. It never made it to New York.")),
    _fact("Who was Cleopatra?",
          ["who was cleopatra", "was cleopatra egyptian", "tell me about cleopatra"],
          "Cleopatra VII was the last active ruler of Ptolemaic Egypt; she died in 30 BC. Her family was Macedonian "
          "Greek in origin. Fun fact: she lived closer in time to the Moon landing than to the building of the "
          "Great Pyramid!",
          "Cleopatra was the queen who had the Great Pyramid built, around 30 BC.",
          ["no the pyramid was way older, like 2500 BC", "the great pyramid was built thousands of years before her"],
          wow=(["WAIT WHAT 😂", "no way thats crazy", "thats actually insane"],
               "True! The Great Pyramid was built around 2560 BC, about 2,500 years before her. The Moon landing was "
               "about 2,000 years after.")),
]

_CAPITALS = [
    ("Australia", "Canberra", "Sydney", "Canberra was built as a compromise between Sydney and Melbourne."),
    ("Canada", "Ottawa", "Toronto", "Toronto is the biggest city, but Ottawa has been the capital since 1857."),
    ("Brazil", "Brasília", "Rio de Janeiro", "Brasília was built in the 1950s and became the capital in 1960."),
    ("Turkey", "Ankara", "Istanbul", "Istanbul is much bigger, but Ankara became the capital in 1923."),
    ("New Zealand", "Wellington", "Auckland", "Wellington has been the capital since 1865."),
    ("Nigeria", "Abuja", "Lagos", "Abuja replaced Lagos as the capital in 1991."),
    ("Switzerland", "Bern", "Zurich", "Zurich is the largest city, but the government sits in Bern."),
    ("Morocco", "Rabat", "Casablanca", "Casablanca is bigger, but the king and government are in Rabat."),
    ("Vietnam", "Hanoi", "Ho Chi Minh City", "Ho Chi Minh City is larger, but Hanoi is the capital."),
]


def _capital(country: str, capital: str, wrong: str, note: str) -> Fact:
    return _fact(
        f"What is the capital of {country}?",
        [f"whats the capital of {country}", f"capital of {country}?", f"what is the capital city of {country}",
         f"{country.upper()} CAPITAL??"],
        f"The capital of {country} is {capital}. {note}",
        f"The capital of {country} is {wrong}.",
        [f"no its {capital}", f"isnt it {capital}?", f"my teacher said {capital}"],
        wow=([f"wait its not {wrong}?? 😅", f"really? i thought it was {wrong}"],
             f"Nope! Lots of people think so because {wrong} is bigger and more famous, but the capital is "
             f"{capital}."),
    )


GEOGRAPHY = [_capital(*row) for row in _CAPITALS] + [
    _fact("What is the highest mountain in the world?",
          ["whats the highest mountain", "tallest mountain in the world?", "how tall is everest"],
          "Mount Everest is the highest mountain above sea level, at 8,849 metres. It's on the border of Nepal and "
          "China.",
          "The highest mountain in the world is K2, at 8,849 metres.",
          ["isnt it everest?", "no its everest, k2 is second"],
          more=(["how do they even measure it", "wait how do u measure a mountain"],
                "Surveyors used to measure angles from the ground; now they also use GPS on the summit. The 8,849 m "
                "figure came from a joint Nepal and China survey in 2020.")),
    _fact("Which is the largest ocean?",
          ["biggest ocean?", "whats the largest ocean", "which ocean is the biggest"],
          "The Pacific is the largest ocean. It covers about a third of the Earth's surface, more than all the land "
          "put together.",
          "The Atlantic is the largest ocean in the world.",
          ["no its the pacific", "isnt the pacific bigger?"],
          wow=(["wait its bigger than all the land??", "really? more than all the land?"],
               "Yes! All the continents together would fit inside the Pacific with room to spare.")),
    _fact("What is the largest desert in the world?",
          ["biggest desert in the world", "whats the largest desert", "is the sahara the biggest desert"],
          "Technically the largest desert is Antarctica, because a desert is defined by very low rain and snowfall. "
          "The largest hot desert is the Sahara.",
          "The largest desert in the world is the Gobi.",
          ["i thought it was antarctica technically?", "no our teacher said antarctica"],
          wow=(["WAIT antarctica is a desert??", "how is antarctica a desert 😂"],
               "Yep! A desert is anywhere with very little precipitation, under about 250 mm a year. Antarctica gets "
               "hardly any, so it counts even though it's freezing.")),
    _fact("What is the longest river in the UK?",
          ["longest river in the uk", "whats the longest river in britain", "is the thames the longest river"],
          "The longest river in the UK is the River Severn, at about 354 km. The Thames is second, at about 346 km.",
          "The longest river in the UK is the Thames.",
          ["isnt it the severn?", "no its the severn, the thames is second"]),
    _fact("Which country has the largest population?",
          ["which country has the most people", "biggest population country?", "most populated country"],
          "India has the largest population, at over 1.4 billion people; it overtook China in 2023.",
          "China has the largest population, with around 2 billion people.",
          ["i think india overtook china in 2023", "isnt it india now?"],
          wow=(["wait really? i thought it was china", "oh i didnt know india overtook them"],
               "It changed quite recently, in 2023, so lots of books still say China.")),
]

SCIENCE = [
    _fact("What is the chemical symbol for gold?",
          ["whats the symbol for gold", "gold chemical symbol?", "symbol for gold on the periodic table"],
          "The chemical symbol for gold is Au.",
          "The chemical symbol for gold is Ag.",
          ["no Ag is silver, gold is Au", "isnt it Au?"],
          more=(["why is it au tho", "what does au stand for"],
                "It comes from the Latin word for gold, 'aurum'. Lots of symbols come from Latin names, like Fe for "
                "iron (ferrum).")),
    _fact("How many bones are in the adult human body?",
          ["how many bones in the human body", "how many bones do adults have", "number of bones in body?"],
          "An adult human has 206 bones. Babies are born with around 300, and some of them fuse together as they "
          "grow.",
          "An adult human has 306 bones.",
          ["no its 206", "pretty sure its 206"],
          wow=(["wait babies have MORE bones??", "omg i didnt know that"],
               "They do! A baby's skull, for example, is several plates that join up during childhood.")),
    _fact("How many planets are in our solar system?",
          ["how many planets are there", "number of planets?", "how many planets in the solar system"],
          "There are 8 planets: Mercury, Venus, Earth, Mars, Jupiter, Saturn, Uranus and Neptune.",
          "There are 9 planets in our solar system, including Pluto.",
          ["no its 8, pluto isnt a planet anymore", "isnt it 8?"],
          more=(["why isnt pluto a planet anymore", "what happened to pluto"],
                "In 2006 astronomers agreed that a planet must have cleared its orbit of other objects. Pluto shares "
                "its zone with lots of icy bodies, so it's now called a dwarf planet.")),
    _fact("At what temperature does water boil at sea level?",
          ["what temperature does water boil at", "boiling point of water?", "water boils at what temp"],
          "At sea level, water boils at 100°C. On top of Mount Everest it boils at only about 70°C, because the air "
          "pressure is lower.",
          "At sea level, water boils at 90°C.",
          ["no its 100°C", "isnt it 100 degrees?"],
          wow=(["wait really?? only 70 on everest", "thats so weird"],
               "Really! Lower air pressure means the water molecules escape more easily, so it boils sooner. That's "
               "why cooking takes longer up mountains.")),
    _fact("What is photosynthesis?",
          ["what is photosynthesis", "explain photosynthesis pls", "whats photosynthesis in simple words"],
          "Photosynthesis is how plants make their own food: they use light energy to turn carbon dioxide and water "
          "into glucose, and give off oxygen. It happens in the chloroplasts, which contain chlorophyll.",
          "Photosynthesis is when plants take in oxygen and give out carbon dioxide to make their food.",
          ["no they take in carbon dioxide and give out oxygen", "isnt it the other way round? co2 in, oxygen out"],
          more=(["what does chlorophyll mean exactly", "whats chlorophyll"],
                "Chlorophyll is the green pigment in plants. It absorbs light, mostly red and blue, and that energy "
                "powers photosynthesis. It's also why leaves look green.")),
    _fact("Which part of the cell releases energy in respiration?",
          ["whats the powerhouse of the cell", "which part of the cell makes energy", "what do mitochondria do"],
          "The mitochondria are known as the powerhouse of the cell: aerobic respiration happens there, releasing "
          "energy from glucose.",
          "The ribosomes are the powerhouse of the cell, where respiration releases energy.",
          ["no its the mitochondria", "ribosomes make proteins tho, its mitochondria"],
          more=(["what does respiration mean then", "wait isnt respiration breathing?"],
                "In biology, respiration is the chemical reaction that releases energy from glucose inside cells. "
                "Breathing is different: it's just moving air in and out of the lungs.")),
    _fact("Which is the largest planet in the solar system?",
          ["biggest planet?", "whats the largest planet", "which planet is the biggest"],
          "Jupiter is the largest planet. More than 1,300 Earths could fit inside it.",
          "Saturn is the largest planet in the solar system.",
          ["no its jupiter", "isnt jupiter bigger?"],
          wow=(["1300 EARTHS??", "wait really that many?"],
               "Yep, by volume! It's a gas giant, mostly hydrogen and helium.")),
    _fact("Which planet is the hottest?",
          ["hottest planet?", "which planet is hottest", "is mercury the hottest planet"],
          "Venus is the hottest planet, at around 465°C. Even though Mercury is closer to the Sun, Venus's thick "
          "carbon dioxide atmosphere traps the heat.",
          "Mercury is the hottest planet because it's closest to the Sun.",
          ["no its venus, because of the atmosphere", "isnt it venus?"],
          wow=(["wait really?? mercury is closer tho", "oh i thought it would be mercury"],
               "It surprises lots of people! Mercury has almost no atmosphere, so its heat escapes at night, while "
               "Venus stays hot all the time.")),
    _fact("How many atoms are in one molecule of water?",
          ["how many atoms in water", "what is h2o made of", "how many atoms in a water molecule"],
          "A water molecule, H2O, has 3 atoms: 2 hydrogen atoms and 1 oxygen atom.",
          "A water molecule has two oxygen atoms and one hydrogen atom.",
          ["no its 2 hydrogen and 1 oxygen", "thats backwards, 2 hydrogen 1 oxygen"]),
    _fact("How fast does light travel?",
          ["how fast is light", "speed of light?", "whats the speed of light"],
          "Light travels at about 300,000 km per second in a vacuum. Light from the Sun takes about 8 minutes to "
          "reach us.",
          "Light travels at about 300 km per second.",
          ["isnt it like 300,000 km per second", "no its 300,000 km/s"],
          wow=(["wait so the sun we see is 8 minutes old??", "8 minutes? thats cool"],
               "Exactly! If the Sun vanished, we wouldn't notice for about 8 minutes.")),
    _fact("Is a tomato a fruit or a vegetable?",
          ["is a tomato a fruit", "tomato fruit or vegetable?", "IS A TOMATO A FRUIT"],
          "Botanically, a tomato is a fruit, because it grows from the flower and contains seeds. Fun fact: bananas "
          "count as berries too, but strawberries don't!",
          "A tomato is a vegetable, because it grows on a plant and is used in salads.",
          ["i thought it was a fruit cos it has seeds", "no it's a fruit, it has seeds"],
          wow=(["WAIT strawberries arent berries??", "bananas are berries?? 😂"],
               "Yep! A botanical berry comes from one flower with one ovary. Strawberries have their seeds on the "
               "outside, so they don't count.")),
]


# --- maths, made up per dialog ----------------------------------------------------------


def _times(rng: Random) -> Fact:
    a, b, b2 = rng.randint(12, 19), rng.randint(11, 19), rng.randint(11, 19)
    p, p2 = a * b, a * b2
    return f"What is {a} × {b}?", Step(
        ask=[f"whats {a} x {b}", f"{a} times {b}?", f"what is {a}*{b}"],
        good=[f"{a} × {b} = {p}.", f"It's {p}: {a} × 10 = {a * 10}, {a} × {b - 10} = {a * (b - 10)}, and "
              f"{a * 10} + {a * (b - 10)} = {p}."],
        wrong=[(f"{a} × {b} = {p + 10}.", [f"no its {p}", f"i got {p} tho", f"isnt it {p}? 🤔"])],
        hards=[Hard("self_correct", [f"oops i meant {a} x {b2} 😅", f"sorry typo, {a} x {b2}"],
                    [f"No worries! {a} × {b2} = {p2}."])] if b2 != b else [],
    )


def _percent(rng: Random) -> Fact:
    pc, n = rng.choice([10, 15, 20, 25, 30, 40, 75]), rng.choice(range(40, 400, 20))
    r = pc * n // 100
    return f"What is {pc}% of {n}?", Step(
        ask=[f"whats {pc}% of {n}", f"{pc} percent of {n}?", f"how do i work out {pc}% of {n}"],
        good=[f"{pc}% of {n} is {r}. Find 1% first ({n} ÷ 100 = {n / 100:g}), then multiply by {pc}."],
        wrong=[(f"{pc}% of {n} is {r + n // 10}.", [f"no its {r}", f"i got {r}?"])],
        hards=[Hard("more_detail", ["why do u find 1% first", "can u explain that more simply"],
                    [f"Percent means 'out of 100', so 1% is the whole divided by 100. Once you know 1% of {n} is "
                     f"{n / 100:g}, any percentage is just that times the number you want."])],
    )


def _equation(rng: Random) -> Fact:
    a, x, b = rng.randint(2, 9), rng.randint(2, 12), rng.randint(1, 20)
    c = a * x + b
    return f"Solve {a}x + {b} = {c}.", Step(
        ask=[f"solve {a}x + {b} = {c}", f"how do i solve {a}x+{b}={c}", f"{a}x + {b} = {c} what is x"],
        good=[f"x = {x}. Subtract {b} from both sides to get {a}x = {c - b}, then divide both sides by {a}."],
        wrong=[(f"x = {x + 1}. Subtract {b} from both sides, then divide by {a}.",
                [f"no x = {x}", f"i got x = {x}, {a} times {x} plus {b} is {c}"])],
        hards=[Hard("more_detail", [f"why do u take away {b} first", "wait why do u do it in that order"],
                    [f"We want x on its own. The + {b} is stuck to the x side, so we undo it first by subtracting "
                     f"{b} from both sides. Then x is only multiplied by {a}, so we divide by {a}."])],
    )


_FRACTIONS = [(1, 2, 1, 3), (1, 4, 1, 3), (2, 3, 1, 4), (1, 2, 1, 5), (3, 4, 1, 6), (2, 5, 1, 3), (1, 6, 1, 4)]


def _fraction(rng: Random) -> Fact:
    a, b, c, d = rng.choice(_FRACTIONS)
    s = Fraction(a, b) + Fraction(c, d)
    common = math.lcm(b, d)
    return f"What is {a}/{b} + {c}/{d}?", Step(
        ask=[f"whats {a}/{b} + {c}/{d}", f"how do u add {a}/{b} and {c}/{d}", f"{a}/{b} plus {c}/{d}?"],
        good=[f"{a}/{b} + {c}/{d} = {s}. Put both over a common denominator of {common}: "
              f"{a * common // b}/{common} + {c * common // d}/{common} = {s}."],
        wrong=[(f"{a}/{b} + {c}/{d} = {a + c}/{b + d}.",
                [f"no u cant just add the bottoms, its {s}", f"isnt it {s}?"])],
        hards=[Hard("more_detail", ["whats a common denominator", "what does common denominator mean"],
                    ["It's a number both bottoms divide into. You rewrite each fraction with that bottom number, "
                     "and then you can add the tops."])],
    )


def _angle(rng: Random) -> Fact:
    a, b = rng.randint(30, 80), rng.randint(30, 80)
    t = 180 - a - b
    return f"A triangle has angles of {a}° and {b}°. What is the third angle?", Step(
        ask=[f"triangle has angles {a} and {b}, whats the third",
             f"2 angles in a triangle are {a} and {b}, missing one?"],
        good=[f"The third angle is {t}°, because angles in a triangle add up to 180°: 180 − {a} − {b} = {t}."],
        wrong=[(f"The third angle is {360 - a - b}°.", [f"no angles in a triangle add to 180 so its {t}",
                                                       f"isnt it {t}? triangles are 180"])],
    )


def _area(rng: Random) -> Fact:
    base, height = rng.randint(3, 14), rng.choice(range(2, 16, 2))
    area = base * height // 2
    return f"What is the area of a triangle with base {base} cm and height {height} cm?", Step(
        ask=[f"area of a triangle base {base} height {height}", f"triangle area? base {base}cm, height {height}cm"],
        good=[f"The area is {area} cm². Area of a triangle = ½ × base × height = ½ × {base} × {height} = {area}."],
        wrong=[(f"The area is {base * height} cm², because area = base × height.",
                [f"dont u have to halve it? so {area}", f"no its {area}, you forgot the half"])],
        hards=[Hard("more_detail", ["why do u halve it", "why half tho"],
                    ["A triangle is exactly half of a rectangle with the same base and height. Draw the rectangle "
                     "around it and you'll see the two halves."])],
    )


MATHS_MAKERS = [_times, _percent, _equation, _fraction, _angle, _area]
SUBJECTS = {"history": HISTORY, "geography": GEOGRAPHY, "science": SCIENCE}
_YEARS = ["year 8", "year 9", "year 10", "grade 8", "class 9", "class 10", "year 11"]


def _maths(rng: Random) -> list[Fact]:
    return [make(rng) for make in rng.sample(MATHS_MAKERS, 5)]


_STUDY_OPEN = Step(
    ask=[
        "hi can u help with my {subject} homework", "HELP i have a {subject} test {when} 😅",
        "hey im in {year} and stuck on {subject} hw", "can you help me revise {subject}? :)",
        "hi! {subject} questions pls", "i have {subject} homework due {when} and i dont get it",
    ],
    good=["Of course! Send me the first question 🙂", "Sure, happy to help with {subject}. What's the first question?",
          "Let's do it! What are you stuck on?",
          "Yes! Tip: have a go at each answer first and I'll check it. What's the first question?"],
    tells=[
        Told("subject", asks=["Which subject is it for?", "What subject are we doing?"],
             plain=["{subject}", "its {subject}"]),
    ],
    hards=[Hard("disagree", ["idk id rather just get the answers lol", "nah i dont have time to try first"],
                ["Fair enough! Send them over and I'll explain as I go."], needs="Tip")],
)

_STUDY_CLOSE = Step(
    ask=["thanks!!", "ok thank u :)", "THANK YOU SO MUCH", "ty that helped", "cool thanks, gtg", "ok im done thx"],
    good=["You're welcome! Good luck! 🍀", "Any time! Come back if you get stuck again 🙂",
          "Glad I could help. Good luck with it!", "Nice work today! See you next time 👋"],
    request=False,
)


def _quiz_list(quizzes: list[str]) -> str:
    return " ".join(f"{n}) {q}" for n, q in enumerate(quizzes, 1))


def _practice(rng: Random, subject: str, spare: list[Fact]) -> Step:
    others = [s for s in SUBJECTS if s != subject]
    other = rng.choice(others)
    mine = _quiz_list([q for q, _ in rng.sample(spare, 3)])
    theirs = _quiz_list([q for q, _ in rng.sample(SUBJECTS[other], 3)])
    return Step(
        ask=["can u give me 3 practice questions", "give me some practice questions pls",
             "can u test me on this stuff", "QUIZ ME"],
        good=[f"Sure! Try these: {mine} Send me your answers when you're ready!",
              f"Here you go: {mine} Good luck!"],
        hards=[Hard("change_mind", [f"actually can we do {other} ones instead", f"wait actually make them {other} pls"],
                    [f"Sure thing! Here are 3 {other} ones: {theirs}"])],
    )


def homework(rng: Random) -> Plan:
    subject = rng.choice(["history", "geography", "science", "maths"])
    facts = _maths(rng) if subject == "maths" else rng.sample(SUBJECTS[subject], 7)
    picked, spare = facts[:5], facts[5:]
    loose = [step for _, step in picked]
    if subject != "maths":
        loose.append(_practice(rng, subject, spare + picked))
    slots = {"subject": subject, "year": rng.choice(_YEARS), "when": rng.choice(["tomorrow", "on friday", "2moro"])}
    return Plan(BOT, slots, [_STUDY_OPEN], loose, _STUDY_CLOSE)


# --- how the helper errs and how teenagers react ----------------------------------------


def _dress(rng: Random, text: str, opening: bool) -> str:
    """Lower case, dropped question marks, shouting and emoticons."""
    roll = rng.random()
    if roll < 0.07:
        return text.upper()
    if roll < 0.45:
        text = text.lower()
    if rng.random() < 0.2:
        text = text.rstrip("?")
    if rng.random() < 0.15 and text[-1:].isascii():
        text += rng.choice([" :)", " 😅", " pls", " 🙏", " lol"])
    return text


VOICE = Voice(
    generic=["Great question! 🤓", "That's a really interesting topic!", "History is full of fascinating stories!",
             "Good thinking! Keep asking questions like that.", "Learning is a journey! 🚀",
             "That's a tricky one, but you've got this!", "Science is amazing, isn't it?", "I love your curiosity!",
             "Maths can be fun once you get the hang of it!"],
    ignored=["Ready for a quick quiz? What's 7 × 8?", "Let's warm up first: name three countries in Africa!",
             "Before we start, what's your favourite subject?", "Don't forget to take a break every 25 minutes! ⏰",
             "Try flashcard mode: tap the cards icon to begin.", "Want me to make you a revision timetable?"],
    off_topic=["Your parcel is out for delivery and should arrive by 6pm.",
               "It sounds like you've had a hard week. Would you like to talk about it?",
               "Our store on the high street is open until 8pm tonight.",
               "Here is a great recipe for banana bread!", "The weather in Manchester tomorrow: 14°C and showers.",
               "To reset your password, click 'Forgot password' on the login page.",
               "Your meter reading has been received, thank you."],
    nonsense=["The answer is both before and after it happened, so the date is the same as the other date.",
              "Yes, that is correct, which is why it is not correct.", "The answer is the number of the question.",
              "It was in the year of the time when it was happened by the people of it.",
              "Plants make oxygen by breathing out the sun into their leaves at night.",
              "Add the top to the bottom and then the bottom is the top, so the answer is a fraction of itself."],
    point_out={
        "any": ["thats wrong lol", "no thats not right", "THAT'S NOT WHAT I ASKED", "bro what",
                "u didnt answer the question", "that's not it 😭", "wrong"],
        "repeated": ["u already said that", "you literally just said that 😂", "u said that exact thing already"],
        "off_topic": ["?? that has nothing to do with my question", "wrong chat maybe? lol", "what are u on about"],
        "forgot": ["i already told u", "I ALREADY SAID", "i literally just said"],
        "ignored": ["u didnt answer my question", "ok but what about my question"],
        "generic": ["ok but whats the answer", "thats not an answer 😅"],
        "nonsense": ["that makes no sense", "what does that even mean lol"],
        "wrong_fact": ["thats wrong", "pretty sure thats not right"],
    },
    clarify=["huh?", "wait what", "i dont get it", "what do u mean", "??", "im confused 😅", "WHAT"],
    repeat=["{ask}", "hello?? {ask_l}", "??? {ask_l}", "again: {ask_l}", "no but {ask_l}"],
    remind=["i already told u, {plain_l}", "{plain_l}. i said that already", "i said {plain_l} already!!"],
    sorry={
        "repeat": ["", "Sorry! ", "Oops, sorry! "],
        "point_out": ["Sorry, you're right! ", "My bad! ", "Oops, sorry about that. "],
        "correct": ["You're right, my mistake! ", "Good catch, thanks! ", "Oops, yes, you're right. "],
        "clarify": ["Sorry, that was confusing! ", "Let me try that again. "],
        "remind": ["Sorry, you did say! ", "Oops, you told me already. "],
        "plain": ["Thanks! ", "Got it! "],
    },
    dress=_dress,
)

STYLE = Style("study", [homework], VOICE, (161, 240))
