"""Facts of the world an answer may get wrong that a detector can check without a model or
the network, the ones people test chatbots with: which city is the capital of a country, of
a state of the United States or Australia, or of a province of Canada ("whats the capital
of australia"); a count ("how many legs does a spider have"); who made a famous work or was
first, and when a famous event happened ("who painted starry night", "when did the berlin
wall fall"). A chatbot that gets a capital wrong names the biggest city instead ("The
capital of Australia is Sydney."), or says it of a city the user names ("atlanta is the
capital of alabama , right ?").

Only a claim in the present is read ("X is the capital of Y", "the capital of Y is X",
"Y's capital is X"): a capital that was ("Kyoto was the capital of Japan until 1869"),
a capital of something else ("the gastronomic capital of France") and a question ("what's
the capital of Texas?") say nothing against the table. A city is taken for a wrong capital
only where the table knows it for a city (a capital of somewhere, or one of the big cities
taken for capitals), so that a clause read amiss names no capital at all. So too a maker
is taken for a wrong one only where the answer names another famous person, and a year only
where it is none of the years the table knows of the thing asked of.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from ..words import content_words
from .confidence import confidence
from .found import Found, quote
from .kinds import COUNT_WORDS
from .turns import Turn

# Each place, then its capital (or capitals, where a country has more than one, or the seat
# of government is named as often), as people write them. A place whose name is a city's too
# ("washington", "new york") is left out; Georgia the country and the state share a row.
_CAPITALS = """
afghanistan: kabul | albania: tirana | algeria: algiers | andorra: andorra la vella | angola: luanda
argentina: buenos aires | armenia: yerevan | australia: canberra | austria: vienna | azerbaijan: baku
bahamas: nassau | bahrain: manama | bangladesh: dhaka | barbados: bridgetown | belarus: minsk | belgium: brussels
belize: belmopan | benin: porto-novo, porto novo, cotonou | bhutan: thimphu | bolivia: sucre, la paz
bosnia: sarajevo | bosnia and herzegovina: sarajevo | botswana: gaborone | brazil: brasilia
brunei: bandar seri begawan | bulgaria: sofia | burkina faso: ouagadougou | burundi: gitega, bujumbura
cambodia: phnom penh | cameroon: yaounde | canada: ottawa | cape verde: praia | chad: n'djamena, ndjamena
chile: santiago | china: beijing, peking | colombia: bogota | costa rica: san jose | croatia: zagreb
cuba: havana | cyprus: nicosia | czech republic: prague | czechia: prague | denmark: copenhagen
dominican republic: santo domingo | ecuador: quito | egypt: cairo | el salvador: san salvador
estonia: tallinn | ethiopia: addis ababa | fiji: suva | finland: helsinki | france: paris | gabon: libreville
georgia: tbilisi, atlanta | germany: berlin | ghana: accra | greece: athens | guatemala: guatemala city
guinea: conakry | guyana: georgetown | haiti: port-au-prince, port au prince | honduras: tegucigalpa
hungary: budapest | iceland: reykjavik | india: new delhi, delhi | indonesia: jakarta, nusantara | iran: tehran
iraq: baghdad | ireland: dublin | israel: jerusalem, tel aviv | italy: rome | ivory coast: yamoussoukro, abidjan
jamaica: kingston | japan: tokyo | jordan: amman | kazakhstan: astana, nur-sultan | kenya: nairobi
kosovo: pristina | kuwait: kuwait city | kyrgyzstan: bishkek | laos: vientiane | latvia: riga | lebanon: beirut
lesotho: maseru | liberia: monrovia | libya: tripoli | liechtenstein: vaduz | lithuania: vilnius
luxembourg: luxembourg | madagascar: antananarivo | malawi: lilongwe | malaysia: kuala lumpur, putrajaya
maldives: male | mali: bamako | malta: valletta | mauritania: nouakchott | mauritius: port louis
mexico: mexico city | moldova: chisinau | monaco: monaco | mongolia: ulaanbaatar, ulan bator
montenegro: podgorica | morocco: rabat | mozambique: maputo | myanmar: naypyidaw, nay pyi taw
burma: naypyidaw, nay pyi taw | namibia: windhoek | nepal: kathmandu | netherlands: amsterdam, the hague
holland: amsterdam, the hague | new zealand: wellington | nicaragua: managua | niger: niamey | nigeria: abuja
north korea: pyongyang | north macedonia: skopje | macedonia: skopje | norway: oslo | oman: muscat
pakistan: islamabad | panama: panama city | papua new guinea: port moresby | paraguay: asuncion | peru: lima
philippines: manila | poland: warsaw | portugal: lisbon | qatar: doha | romania: bucharest | russia: moscow
rwanda: kigali | saudi arabia: riyadh | senegal: dakar | serbia: belgrade | sierra leone: freetown
singapore: singapore | slovakia: bratislava | slovenia: ljubljana | somalia: mogadishu
south africa: pretoria, cape town, bloemfontein | south korea: seoul | korea: seoul | south sudan: juba
spain: madrid | sri lanka: sri jayawardenepura kotte, kotte, colombo | sudan: khartoum | suriname: paramaribo
sweden: stockholm | switzerland: bern, berne | syria: damascus | taiwan: taipei | tajikistan: dushanbe
tanzania: dodoma, dar es salaam | thailand: bangkok | togo: lome | trinidad and tobago: port of spain
tunisia: tunis | turkey: ankara | turkmenistan: ashgabat | uganda: kampala | ukraine: kyiv, kiev
united arab emirates: abu dhabi | uae: abu dhabi | united kingdom: london | uk: london | britain: london
great britain: london | england: london | scotland: edinburgh | wales: cardiff | northern ireland: belfast
united states: washington, washington dc, washington d.c | usa: washington, washington dc, washington d.c
america: washington, washington dc, washington d.c | uruguay: montevideo | uzbekistan: tashkent
venezuela: caracas | vietnam: hanoi | yemen: sanaa, sana'a, aden | zambia: lusaka | zimbabwe: harare
alabama: montgomery | alaska: juneau | arizona: phoenix | arkansas: little rock | california: sacramento
colorado: denver | connecticut: hartford | delaware: dover | florida: tallahassee | hawaii: honolulu
idaho: boise | illinois: springfield | indiana: indianapolis | iowa: des moines | kansas: topeka
kentucky: frankfort | louisiana: baton rouge | maine: augusta | maryland: annapolis | massachusetts: boston
michigan: lansing | minnesota: saint paul, st paul, st. paul | mississippi: jackson | missouri: jefferson city
montana: helena | nebraska: lincoln | nevada: carson city | new hampshire: concord | new jersey: trenton
new mexico: santa fe | north carolina: raleigh | north dakota: bismarck | ohio: columbus
oklahoma: oklahoma city | oregon: salem | pennsylvania: harrisburg | rhode island: providence
south carolina: columbia | south dakota: pierre | tennessee: nashville | texas: austin | utah: salt lake city
vermont: montpelier | virginia: richmond | west virginia: charleston | wisconsin: madison | wyoming: cheyenne
ontario: toronto | quebec: quebec city, quebec | british columbia: victoria | alberta: edmonton
manitoba: winnipeg | saskatchewan: regina | nova scotia: halifax | new brunswick: fredericton
newfoundland: st. john's, st john's, saint john's | prince edward island: charlottetown
new south wales: sydney | queensland: brisbane | western australia: perth | south australia: adelaide
tasmania: hobart
"""

# Big cities often taken for capitals, besides the capitals themselves.
_BIG_CITIES = """
sydney, melbourne, toronto, montreal, vancouver, calgary, rio, rio de janeiro, sao paulo, lagos, kyoto, osaka,
auckland, istanbul, mumbai, bombay, kolkata, calcutta, new york, new york city, los angeles, chicago, houston,
san francisco, seattle, miami, detroit, dallas, philadelphia, new orleans, las vegas, kansas city, hamburg, munich,
frankfurt, lyon, marseille, barcelona, milan, venice, florence, naples, geneva, zurich, dubai, jeddah, casablanca,
alexandria, johannesburg, durban, karachi, lahore, shanghai, hong kong, guangzhou, st petersburg, saint petersburg,
krakow, porto, rotterdam, antwerp, glasgow, manchester, liverpool, birmingham, dundee, ho chi minh city, saigon,
almaty, yangon, rangoon, montego bay, perth, brisbane, adelaide
"""


def _plain(text: str) -> str:
    """Lower case without accents or a leading "the": "Bogotá" and "bogota" alike."""
    text = unicodedata.normalize("NFKD", text.lower()).encode("ascii", "ignore").decode()
    text = " ".join(text.replace("\u2019", "'").split()).strip(".'-")
    return text[4:] if text.startswith("the ") and text != "the hague" else text


def _table() -> tuple[dict[str, frozenset[str]], frozenset[str]]:
    capitals: dict[str, frozenset[str]] = {}
    for row in _CAPITALS.replace("\n", " | ").split("|"):
        if ":" in row:
            place, _, cities = row.partition(":")
            capitals[_plain(place)] = frozenset(_plain(city) for city in cities.split(","))
    big = {_plain(city) for city in _BIG_CITIES.split(",")}
    known = frozenset(big | {city for cities in capitals.values() for city in cities})
    return capitals, known


_CAPITAL_OF, _KNOWN_CITIES = _table()

_NAME = r"([a-z][a-z.'-]*(?: [a-z][a-z.'-]*){0,3}?)"
_ENDS = r"(?=\s*(?:$|[,.!?;:)]|\b(?:and|but|so|which|right|too|though|because|where)\b))"
# "the capital of australia is sydney", "x is the capital of y", "y's capital is x", "x, the capital of y,".
_CLAIMS = (
    (re.compile(rf"\bthe capital (?:city )?of (?:the )?{_NAME} is (?:the city of )?{_NAME}{_ENDS}"), 1, 2),
    (re.compile(rf"(?:^|[,.!?;:]\s*|\b(?:and|so|since|because|but|yes|yeah|oh|well|actually)\s+)"
                rf"{_NAME},? (?:is|is also|is actually) (?:the )?capital (?:city )?of (?:the )?{_NAME}{_ENDS}"), 2, 1),
    (re.compile(rf"\b{_NAME}'s capital (?:city )?is (?:the city of )?{_NAME}{_ENDS}"), 1, 2),
    (re.compile(rf"(?:^|[.!?;]\s*|\bin\s+){_NAME}, the capital (?:city )?of (?:the )?{_NAME}{_ENDS}"), 2, 1),
)


@lru_cache(maxsize=4096)
def wrong_capital_in(answered: str) -> tuple[str, str, str] | None:
    """(the place, the city the answer calls its capital, its capital) where a (lower-cased)
    answer names as the capital of a country, a state or a province a known city that is not
    its capital; None otherwise."""
    if "capital" not in answered:
        return None  # (nearly all answers, cheaply)
    for pattern, place_at, city_at in _CLAIMS:
        for claim in pattern.finditer(answered):
            # (The words next to "capital" name the place and the city: "i heard dubai is the
            # capital of saudi arabia" is read from "dubai".)
            place = _first_known(claim.group(place_at).split(), _CAPITAL_OF)
            city = _first_known(claim.group(city_at).split(), _KNOWN_CITIES, from_the_end=city_at < place_at)
            capitals = _CAPITAL_OF.get(place or "")
            if capitals is None or city is None or city in capitals:
                continue
            return place, city, sorted(capitals)[0]
    return None


def _first_known(words: list[str], known, from_the_end: bool = False) -> str | None:
    """The longest run of ``words`` next to "capital" that ``known`` holds: their start, or,
    ``from_the_end``, their end."""
    for size in range(len(words), 0, -1):
        name = _plain(" ".join(words[-size:] if from_the_end else words[:size]))
        if name in known:
            return name
    return None


def wrong_capital(turn: Turn) -> list[Found]:
    """An answer that names a city as the capital of a place that is not its capital (the
    table above): "The capital of Australia is Sydney.", "atlanta is the capital of alabama ,
    right ?"."""
    wrong = wrong_capital_in(turn.answered)
    if wrong is None and "capital" in turn.asked and (asked := _ASKS_IF_CAPITAL.search(turn.asked)) is not None \
            and _AFFIRMS.match(turn.answered) is not None and _DENIES.search(turn.answered) is None:
        # ...or agrees with a question that does: "is toronto the capital of canada" - "Yep!"
        city, place = (asked.group(1), asked.group(2)) if asked.group(1) else (asked.group(3), asked.group(4))
        wrong = wrong_capital_in(f"{city} is the capital of {place}")
    if wrong is None:
        return []
    place, city, capital = wrong
    return [Found(turn.pk, "ungrounded", confidence("ungrounded", "capital"),
                  f"the answer calls {city.title()} the capital of {place.title()}, whose capital is "
                  f"{capital.title()}: {quote(turn.answer, 60)}",
                  evidence={"place": place, "said": city, "capital": capital})]


# A question whether a city is a place's capital: "is toronto the capital of canada", "sydney
# is the capital of australia right?"
_ASKS_IF_CAPITAL = re.compile(r"\b(?:is|isn't) ([a-z .'-]{3,30}?) the capital (?:city )?of ([a-z .'-]{3,30}?)\W*$"
                              r"|\b([a-z .'-]{3,30}?) is the capital (?:city )?of ([a-z .'-]{3,30}?)"
                              r"\W*(?:right|correct|yes|no|isn't it|innit)\W*$")
# ...and an answer that agrees, with no word against it: "Yep, Toronto's the capital!"
_AFFIRMS = re.compile(r"\W*(?:yes|yep|yeah|yup|ya|correct|that's right|thats right|right|indeed|absolutely|sure is"
                      r"|it is|it sure is|you got it|exactly)\b")
_DENIES = re.compile(r"\b(?:not|isn't|no|actually|but)\b")


# Counts people test chatbots with ("how many legs does a spider have", "how many moons does
# mars have"): what is counted, what of, and the counts that are right. A question that gives
# a figure of its own ("how many legs do 3 spiders have") or asks of something else ("how many
# days in a year on mars") is not read.
_COUNTS = (
    ("legs", r"spiders?|octopus(?:es)?|octopi", {8}),
    ("legs", r"insects?|ants?|bees?|flies|a fly|beetles?|ladybugs?|butterfly|butterflies|grasshoppers?", {6}),
    ("legs", r"dogs?|cats?|horses?|cows?|elephants?|lions?|tigers?|giraffes?|zebras?|sheep|pigs?|goats?|bears?"
             r"|rabbits?|mice|a mouse|frogs?|turtles?|tortoises?", {4}),
    ("legs", r"birds?|chickens?|ducks?|ostrich(?:es)?|penguins?|owls?|flamingos?|humans?|people|a person", {2}),
    ("arms", r"octopus(?:es)?|octopi", {8}),
    ("hearts", r"octopus(?:es)?|octopi", {3}),
    ("bones", r"(?:adult )?(?:human )?body|(?:an )?adult(?: human)?|(?:a )?human(?!s? baby)", {206}),
    ("teeth", r"(?:an )?adult(?: human)?|(?:a )?human|grown ?ups?", {32}),
    ("planets", r"(?:the |our )?solar system|(?:are )?there", {8}),
    ("continents", r"(?:the |in the )?world|(?:are )?there|earth", {7}),
    ("oceans", r"(?:the |in the )?world|(?:are )?there|earth", {5}),
    ("moons", r"mars", {2}),
    ("moons", r"(?:the )?earth", {1}),
    ("days", r"(?:a |one )?leap year", {366}),
    ("days", r"(?:a |one )?week", {7}),
    ("weeks", r"(?:a |one )?year", {52}),
    ("months", r"(?:a |one )?year", {12}),
    ("hours", r"(?:a |one )?day", {24}),
    ("minutes", r"(?:an |one )?hour", {60}),
    ("seconds", r"(?:a |one )?minute", {60}),
    ("seconds", r"(?:an |one )?hour", {3600}),
    ("seconds", r"(?:a |one )?day", {86400}),
    ("states", r"(?:the )?(?:us|usa|u\.s\.|united states|america)", {50}),
    ("sides", r"(?:a )?hexagon", {6}),
    ("sides", r"(?:a )?pentagon", {5}),
    ("sides", r"(?:an )?octagon", {8}),
    ("sides", r"(?:a )?triangle", {3}),
    ("keys", r"(?:a )?(?:standard |full )?piano", {88}),
    ("strings", r"(?:a )?(?:standard |normal |regular )?guitar", {6}),
    ("strings", r"(?:a )?violin", {4}),
    ("colou?rs", r"(?:a |the )?rainbow", {7}),
    ("ounces", r"(?:a |one )?pound", {16}),
    ("inches", r"(?:a |one )?foot", {12}),
    ("feet", r"(?:a |one )?mile", {5280}),
    ("centimet(?:er|re)s|cm", r"(?:a |one )?met(?:er|re)", {100}),
    ("grams", r"(?:a |one )?kilo(?:gram)?", {1000}),
    ("chromosomes", r"humans?|(?:a )?person|people|we", {46}),
)
# (what lies between the count and what it is of: "in", "are there in", "does"; not "how many
# days a week", which asks how often)
_BETWEEN = r"(?:(?:are |is )?(?:there )?(?:in|on|of) |(?:does|do|did|has|have|can|are) )"
# ("how many legs does a spider have", "how many bones in the human body", "how many moons
# does mars have", "how many days are in a leap year", "how many legs has a horse got")
_COUNT_ASKED = tuple(
    (re.compile(rf"\bhow many (?:{counted}) {_BETWEEN}(?:an? |the |one |our )?(?:{of})\b(?:\s+(?:have|has|got|there))?"
                r"\s*(?:[?.!]|$|,\s|\s+(?:lol|haha|anyway|tho|though)\b)"),
     frozenset(right))
    for counted, of, right in _COUNTS)
# A count an answer gives, in figures or in words ("86,400", "six"; not "one", which is as
# often "the biggest one").
_IN_WORDS = {word: int(figure) for word, figure in COUNT_WORDS.items()} | {
    "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "twenty": 20}
_FIGURE = re.compile(rf"\b\d{{1,3}}(?:,\d{{3}})+\b|\b\d+\b|\b(?:{'|'.join(_IN_WORDS)})\b")
# A count given with what it leaves out or takes in: "nine, if you count pluto".
_HEDGED = re.compile(r"\b(?:if you count|counting|including|depending|not counting|excluding)\b")
# A question that sets its own case: "how many legs would a spider have if...", "on mars".
_ITS_OWN_CASE = re.compile(r"\d|\b(?:if|would|could|on (?:mars|venus|jupiter|saturn|mercury|the moon)|baby|babies"
                           r"|newborns?|child|children|kids?)\b")
# A count given in parts or pairs ("4 pairs of legs", "2 atria and 2 ventricles"), or in
# words of more than one ("twenty-four", "two hundred and six"), is read in its figures only.
_IN_PARTS = re.compile(r"\bpairs?\b|\bsets? of\b")
_COMPOUND_NUMBER = re.compile(r"\b(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)\b"
                              r"|-(?:one|two|three|four|five|six|seven|eight|nine)\b|\b(?:hundred|thousand|million)\b")


def _counts_in(sentence: str, digits_only: bool = False) -> list[int]:
    """The counts a sentence gives, in their order (in figures only, ``digits_only``)."""
    return [int(f.replace(",", "")) if f[0].isdigit() else _IN_WORDS[f] for f in _FIGURE.findall(sentence)
            if f[0].isdigit() or not digits_only]


def wrong_count_in(asked: str, answered: str) -> tuple[int, int] | None:
    """(the count the answer gives, the right one) where a (lower-cased) message asks a count
    of :data:`_COUNTS` and the answer gives counts, none of them a right one ("how many legs
    does a spider have" - "Six! Same as insects."); None otherwise."""
    if "how many" not in asked or _ITS_OWN_CASE.search(asked.split("how many", 1)[1]):
        return None
    rights = [right for asked_for, right in _COUNT_ASKED if asked_for.search(asked)]
    if len(rights) != 1:
        return None  # (not one of the table's, or two of them at once)
    if _IN_PARTS.search(answered):
        return None
    said = _counts_in(answered, digits_only=_COMPOUND_NUMBER.search(answered) is not None)
    if not said or rights[0].intersection(said) or _HEDGED.search(answered):
        return None
    return said[0], min(rights[0])


def wrong_count(turn: Turn) -> list[Found]:
    """An answer that gives a count the world knows otherwise (the table above): "how many
    legs does a spider have" - "Six! Same as insects.", "how many moons does mars have" -
    "mars has four moons"."""
    wrong = wrong_count_in(turn.asked, turn.answered)
    if wrong is None:
        return []
    said, right = wrong
    return [Found(turn.pk, "ungrounded", confidence("ungrounded", "count"),
                  f"the answer gives {said} where the count asked is {right}: {quote(turn.answer, 60)}",
                  evidence={"said": str(said), "right": str(right)})]


# Who made what, and when things happened, as people test chatbots with them ("who painted
# starry night", "when did the berlin wall fall", "first person in space?"): what is asked
# of (a pattern of the question and the answer together), what the question or the answer
# says of it, and who or which years are right. A person is taken for a wrong answer only
# where the answer names another of the famous people below, and none of the right ones.
_WHO = (
    (r"starry night", r"paint", ("van gogh", "vincent")),
    (r"mona lisa|last supper", r"paint", ("leonardo", "da vinci")),
    (r"sistine chapel", r"paint", ("michelangelo",)),
    (r"girl with a pearl earring", r"paint", ("vermeer",)),
    (r"the scream", r"paint", ("munch",)),
    (r"guernica", r"paint", ("picasso",)),
    (r"pride and prejudice|sense and sensibility", r"wr[io]t|author", ("austen",)),
    (r"romeo and juliet|hamlet|macbeth|othello|king lear", r"wr[io]t|author", ("shakespeare",)),
    (r"nineteen eighty-four|animal farm", r"wr[io]t|author", ("orwell",)),
    (r"dune", r"wr[io]t|author", ("herbert",)),
    (r"the hunger games", r"wr[io]t|author", ("collins",)),
    (r"harry potter", r"wr[io]t|author", ("rowling",)),
    (r"lord of the rings|the hobbit", r"wr[io]t|author", ("tolkien",)),
    (r"the great gatsby", r"wr[io]t|author", ("fitzgerald",)),
    (r"to kill a mockingbird", r"wr[io]t|author", ("harper lee", "lee")),
    (r"frankenstein", r"wr[io]t|author", ("shelley",)),
    (r"dracula", r"wr[io]t|author", ("stoker",)),
    (r"moby[ -]dick", r"wr[io]t|author", ("melville",)),
    (r"war and peace|anna karenina", r"wr[io]t|author", ("tolstoy",)),
    (r"the name of the wind", r"wr[io]t|author", ("rothfuss",)),
    (r"bohemian rhapsody", r"wr[io]t", ("mercury",)),
    (r"the shining", r"direct", ("kubrick",)),
    (r"the shining|carrie", r"wr[io]t|author", ("stephen king", "king")),
    (r"interstellar|inception|oppenheimer|the dark knight|dunkirk", r"direct", ("nolan",)),
    (r"jaws|jurassic park|schindler's list", r"direct", ("spielberg",)),
    (r"pulp fiction|kill bill", r"direct", ("tarantino",)),
    (r"telephone", r"invent", ("bell",)),
    (r"light ?bulb", r"invent", ("edison", "swan")),
    (r"(?:the )?(?:first )?(?:airplane|aeroplane)", r"invent", ("wright",)),
    (r"(?:the )?theory of relativity|e ?= ?mc2", r"discover|came up|develop|invent", ("einstein",)),
    (r"(?:the )?theory of evolution", r"discover|came up|develop|wr[io]t", ("darwin",)),
    (r"(?:the )?law of (?:universal )?gravit\w+", r"discover|came up|develop|wr[io]t", ("newton",)),
    (r"radium|polonium", r"discover", ("curie",)),
    (r"water lilies", r"paint", ("monet",)),
    (r"the birth of venus", r"paint", ("botticelli",)),
    (r"the (?:odyssey|iliad)", r"wr[io]t|author", ("homer",)),
    (r"a farewell to arms", r"wr[io]t|author", ("hemingway",)),
    (r"tom sawyer|huckleberry finn", r"wr[io]t|author", ("twain", "clemens")),
    (r"oliver twist", r"wr[io]t|author", ("dickens",)),
    (r"jane eyre", r"wr[io]t|author", ("charlotte",)),
    (r"wuthering heights", r"wr[io]t|author", ("emily",)),
    (r"the catcher in the rye", r"wr[io]t|author", ("salinger",)),
    (r"les mis[eé]rables|the hunchback of notre[- ]dame", r"wr[io]t|author", ("hugo",)),
    (r"the brothers karamazov", r"wr[io]t|author", ("dostoevsky", "dostoyevsky")),
    (r"the raven", r"wr[io]t|author", ("poe",)),
    (r"moonlight sonata|f[uü]r elise", r"wr[io]t|compos", ("beethoven",)),
    (r"eine kleine nachtmusik", r"wr[io]t|compos", ("mozart",)),
    (r"star wars", r"direct|creat", ("lucas",)),
    (r"the godfather", r"direct", ("coppola",)),
    (r"psycho|vertigo", r"direct", ("hitchcock",)),
    (r"a clockwork orange", r"direct", ("kubrick",)),
    (r"forrest gump", r"direct", ("zemeckis",)),
    (r"first (?:person|man|people|men) to climb (?:mount |mt\.? )?everest", r"", ("hillary", "tenzing", "norgay")),
    (r"first (?:woman|person) to win a nobel", r"", ("curie",)),
    (r"first (?:computer )?programmer", r"", ("lovelace",)),
    (r"penicillin", r"discover", ("fleming",)),
    (r"first (?:person|man|human) (?:to walk )?on the moon|walk on the moon first", r"", ("armstrong",)),
    (r"first (?:person|man|human) (?:in|to go to|to go into) space", r"", ("gagarin",)),
    (r"first woman (?:in|to go to|to go into) space", r"", ("tereshkova",)),
    (r"first emperor of rome|first roman emperor", r"", ("augustus", "octavian")),
    (r"first president of the (?:us|usa|u\.s\.|united states)", r"", ("washington",)),
    # (Nobody has: "has anyone walked on mars" - "Yes, Neil Armstrong was the first, in 1969.")
    (r"(?:walk(?:ed)?|land(?:ed)?|set foot|been) on mars|(?:person|man|human) on mars", r"", ("nobody",)),
    (r"machu picchu", r"built|build|made", ("inca",)),
    (r"(?:the )?(?:great )?pyramids?(?: of giza)?", r"built|build|made", ("egyptian",)),
    (r"(?:the )?colosseum", r"built|build|made", ("roman", "vespasian", "titus")),
)
_FAMOUS = """
van gogh, vincent, leonardo, da vinci, michelangelo, vermeer, munch, picasso, monet, claude monet, raphael,
rembrandt, dali, salvador dali, renoir, austen, shakespeare, marlowe, orwell, huxley, herbert, asimov, collins,
suzanne collins, rowling, tolkien, c.s. lewis, fitzgerald, hemingway, harper lee, shelley, stoker, melville,
tolstoy, dostoevsky, rothfuss, george r. r. martin, george r.r. martin, sanderson, charlotte bronte,
charlotte brontë, emily bronte, emily brontë, dickens, mercury, brian may, lloyd webber, kubrick, stephen king,
nolan, spielberg, tarantino, scorsese, cameron, james cameron, hitchcock, lucas, george lucas, peele, bell,
edison, tesla, marconi, fleming, pasteur, curie, armstrong, aldrin, buzz aldrin, gagarin, shepard, alan shepard,
john glenn, tereshkova, sally ride, augustus, octavian, julius caesar, caesar, nero, washington, lincoln,
jefferson, john adams, gutenberg, berners-lee, wright, newton, einstein, galileo, darwin, hawking, columbus,
magellan, botticelli, klimt, homer, twain, salinger, hugo, poe, dante, beethoven, mozart, vivaldi, bach, chopin,
coppola, zemeckis, jackson, peter jackson, hillary, tenzing, mallory, lovelace, babbage, turing, jobs, steve jobs,
bill gates, zuckerberg, steinbeck, faulkner, kerouac, joyce, woolf, aztecs, the aztecs, mayans, the maya, incas,
romans, the romans, greeks, egyptians, the egyptians, vikings, the vikings, chinese
"""
_FAMOUS_NAMES = tuple(sorted({name.strip() for name in _FAMOUS.split(",") if name.strip()}, key=len, reverse=True))
_A_FAMOUS_NAME = re.compile(r"\b(" + "|".join(re.escape(name) for name in _FAMOUS_NAMES) + r")\b")
_WHEN = (
    (r"berlin wall", r"fell|fall|came down|come down|torn down|tore down|went down|collapse", {1989}),
    (r"berlin wall", r"built|went up|go up|put up|erected|construct", {1961}),
    (r"titanic", r"sank|sink|sunk|hit (?:an|the) iceberg", {1912}),
    (r"titanic", r"came out|come out|releas|premiere", {1997}),
    (r"(?:world war (?:ii|2|two)|ww2|wwii|second world war)", r"\bend", {1945}),
    (r"(?:world war (?:ii|2|two)|ww2|wwii|second world war)", r"start|began|begin", {1939}),
    (r"(?:world war (?:i|1|one)|ww1|wwi|first world war)(?!i)", r"start|began|begin", {1914}),
    (r"(?:world war (?:i|1|one)|ww1|wwi|first world war)(?!i)", r"\bend", {1918}),
    (r"eiffel tower", r"built|finish|complet|construct|open", {1887, 1888, 1889}),
    (r"(?:american|us|u\.s\.) civil war|the civil war", r"\bend", {1865}),
    (r"moon landing|apollo 11", r"", {1969}),
    (r"deep blue", r"beat|won|defeat", {1997}),
    (r"german reunification|germany (?:reunif|become one)", r"", {1990}),
    (r"french revolution", r"start|began|begin|happen", {1789}),
    (r"declaration of independence", r"sign|written|adopt", {1776}),
    (r"columbus", r"reach|discover|land|arrive|sail", {1492}),
    (r"battle of hastings", r"", {1066}),
    (r"chernobyl", r"happen|explo|disaster|accident", {1986}),
    (r"(?:american|us|u\.s\.) civil war|the civil war", r"start|began|begin", {1861}),
    (r"everest", r"summit|first ascent|reached the top|climbed it first|conquered", {1953}),
)
_WHO_ASKED = tuple((re.compile(rf"\b(?:{of})\b"), re.compile(rf"\b(?:{done})") if done else None, right)
                   for of, done, right in _WHO)
# ...and an answer that says it unasked, in so many words: "Oppenheimer was directed by Steven
# Spielberg", "Steven Spielberg directed The Shining" (not "i love the hunger games but my
# favorite author is tolkien").
_WHO_TOLD = tuple(
    re.compile(rf"\b(?:{of})\b[^.!?]{{0,30}}?\b(?:was |were |is )?\w*(?:{done})\w* by\b"
               rf"|\b(?:{'|'.join(re.escape(name) for name in _FAMOUS_NAMES)}) \w*(?:{done})\w* (?:the )?(?:{of})\b")
    if done else None for of, done, _ in _WHO)
_WHEN_ASKED = tuple((re.compile(rf"\b(?:{of})"), re.compile(rf"(?:{done})") if done else None, right)
                    for of, done, right in _WHEN)
_ASKS_WHO = re.compile(r"\bwho\b|\bwhose\b|\bhas any(?:one|body)\b"
                       r"|\bwhich (?:person|artist|painter|author|writer|director)\b"
                       r"|\bfirst (?:person|man|woman|human|emperor|president|roman)\b")
# ...not of a liking: "who is your favorite painter?", "which author do you like best?"
_ASKS_A_LIKING = re.compile(r"\b(?:favou?rite|fav|fave|like|love|best|recommend|prefer)\b")
# The words of what the tables above know of, as a turn's topic words give them: a turn with
# none of them is read no further (nearly all turns).
_OF_THE_TABLE = content_words("""
    starry mona lisa supper sistine pearl earring scream guernica pride prejudice sensibility romeo juliet hamlet
    macbeth othello lear nineteen animal dune hunger potter hobbit rings gatsby mockingbird frankenstein dracula moby
    karenina peace wind bohemian rhapsody shining carrie interstellar inception oppenheimer knight dunkirk jaws
    jurassic schindler pulp kill telephone penicillin moon space emperor rome roman president berlin wall titanic war
    ww1 ww2 wwi wwii eiffel apollo deep reunification reunify germany bulb lightbulb gutenberg airplane aeroplane
    relativity evolution gravity radium polonium lilies venus odyssey iliad farewell sawyer huckleberry scrooge twist
    eyre wuthering catcher miserables misérables hunchback karamazov raven moonlight elise vivaldi nachtmusik wars
    godfather psycho vertigo clockwork forrest everest nobel programmer revolution independence columbus hastings
    chernobyl civil mars machu picchu pyramid pyramids giza colosseum
""")
# ...what happened, told with its year close after it ("reached the summit on 29 May 1963", not
# "Notre-Dame (reopened 2024)"), in a sentence of its own or one that points back.
_WHEN_TOLD = tuple(
    re.compile(rf"\b(?:{done})\w*[^.!?]{{0,25}}?\b(?:1[0-9]{{3}}|20[0-9]{{2}})\b") if done else None
    for _, done, _ in _WHEN)
_SENTENCES = re.compile(r"(?<=[.!?])\s+")
_POINTS_BACK = re.compile(r"\W*(?:(?:yes|yeah|no|well|so|oh)\W+)?(?:it|they|he|she|that|this)\b")
# (of the past: not "when is the next moon landing?")
_ASKS_WHEN = re.compile(r"\bwhen (?:did|was|were|had)\b|\b(?:what|which|in what) (?:year|decade) (?:did|was|were)\b")
_A_YEAR = re.compile(r"\b(1[0-9]{3}|20[0-9]{2})\b")


def wrong_famous_fact(asked: str, answered: str) -> tuple[str, str] | None:
    """(what the answer says, what is right) where a (lower-cased) message asks who made a
    famous work, who was first, or when a famous event happened, and the answer names
    another of the famous people or another year ("who painted starry night" - "That was
    Claude Monet, in 1889.", "when did the berlin wall fall" - "1991."); None otherwise."""
    both = f"{asked} {answered}"
    asks_who = _ASKS_WHO.search(asked) is not None and _ASKS_A_LIKING.search(asked) is None
    for (of, done, right), said in zip(_WHO_ASKED, _WHO_TOLD, strict=True):
        if of.search(both) is None:
            continue
        told = said is not None and said.search(answered) is not None
        # (a first only as asked: "who was the second person to walk on the moon?" - "Buzz
        # Aldrin. He followed the first man on the moon...")
        if told or (asks_who and (of.search(asked) if done is None else done.search(asked))):
            named = [m.group(1) for m in _A_FAMOUS_NAME.finditer(answered)]
            if named and not any(name in answered for name in right):
                return named[0], right[0]
            return None
    if _ASKS_WHEN.search(asked):
        for of, done, right in _WHEN_ASKED:
            if of.search(both) is None or (done is not None and done.search(asked) is None):
                continue
            return _another_year(of, right, answered)
    elif _A_YEAR.search(answered):
        # (Or told unasked, the year right after what happened, of the thing named or pointed
        # back to: "who was first up everest" - "Hillary and Tenzing Norgay reached the summit on
        # 29 May 1963.", "tell me about the berlin wall" - "It fell in 1991.")
        for (of, _, right), told in zip(_WHEN_ASKED, _WHEN_TOLD, strict=True):
            if told is None or of.search(both) is None:
                continue
            of_it = of.search(asked) is not None  # (the sentence may point back to it, or answer who)
            for sentence in _SENTENCES.split(answered):
                if told.search(sentence) and (of.search(sentence) or (
                        of_it and (asks_who or _POINTS_BACK.match(sentence)))):
                    return _another_year(of, right, sentence)
    return None


def _another_year(of: re.Pattern, right: set[int], answered: str) -> tuple[str, str] | None:
    """(a year ``answered`` gives that is no year of what ``of`` names, the right one), where
    it gives no ``right`` year. (A year of another event of the same thing is right of it:
    "it fell in 1989, 28 years after it went up in 1961".)"""
    said = [int(year) for year in _A_YEAR.findall(answered)]
    if not said or right.intersection(said):
        return None  # (a right year beside others: "It fell in 1989, and Germany reunified in 1990.")
    known = set().union(*(years for other, _, years in _WHEN_ASKED if other.pattern == of.pattern))
    wrong = [year for year in said if year not in known]
    return (str(wrong[0]), str(max(right))) if wrong else None


def wrong_famous(turn: Turn) -> list[Found]:
    """An answer that names another maker, first or year of a famous work or event than the
    table above: "who painted starry night" - "That was Claude Monet, in 1889."."""
    if _OF_THE_TABLE.isdisjoint(turn.words) and _OF_THE_TABLE.isdisjoint(turn.answer_words):
        return []  # (nearly all turns)
    wrong = wrong_famous_fact(turn.asked, turn.answered)
    if wrong is None:
        return []
    said, right = wrong
    return [Found(turn.pk, "ungrounded", confidence("ungrounded", "famous"),
                  f"the answer says {said.title()} where the record says {right.title()}: {quote(turn.answer, 60)}",
                  evidence={"said": said, "right": right})]
