"""Wording of the knowledge chats of the chat evaluation set (``chat_set.py``): a bot that
knows about animals, bands, sports, countries and dishes answers a curious user.

Every fact has the user's questions (``|`` between phrasings), the true answer, a plausible
false answer, and how a user who knows better corrects it. Written for this set only,
apart from the error detectors and the other dialog set.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Fact:
    asks: tuple[str, ...]
    answer: str
    wrong: str
    right: tuple[str, ...]  # the user's correction, without a lead-in
    wow: bool = False  # surprising enough that people doubt it


@dataclass(frozen=True)
class Topic:
    name: str  # as a user types it
    title: str  # as the bot writes it
    kind: str
    intro: str
    facts: tuple[Fact, ...]
    tidbits: tuple[tuple[str, str], ...]  # a surprising true remark, and what the bot adds when doubted


def _f(asks: str, answer: str, wrong: str, right: str, wow: bool = False) -> Fact:
    return Fact(tuple(asks.split("|")), answer, wrong, tuple(right.split("|")), wow)


def _t(name: str, title: str, kind: str, intro: str, facts: list[Fact], tidbits: list[tuple[str, str]]) -> Topic:
    return Topic(name, title, kind, intro, tuple(facts), tuple(tidbits))


TOPICS = [
    _t(
        "giraffes",
        "Giraffes",
        "animal",
        "Giraffes are the tallest land animals, and they live on the savannas of Africa.",
        [
            _f(
                "how tall do they get?|how tall is a giraffe|whats the tallest they get",
                "Adult males can reach about 5.5 metres, roughly 18 feet.",
                "Adult males reach about 3 metres, a bit taller than a horse.",
                "they get way taller than that, like 5.5 metres|males are over 5 metres",
            ),
            _f(
                "how many bones are in their neck?|how many vertebrae does a giraffe neck have",
                "Just seven, the same number as a human neck. Each one is simply very long.",
                "Around twenty-five, which is why the neck is so bendy.",
                "its seven, same as humans|they only have 7",
                wow=True,
            ),
            _f(
                "how much do they sleep?|do giraffes sleep a lot",
                "Very little, often under two hours a day, in short naps.",
                "About twelve hours a day, mostly lying down.",
                "they barely sleep, like 2 hours|they sleep super little",
            ),
            _f(
                "where do they live in the wild?|are there wild giraffes outside africa",
                "Wild giraffes live only in Africa, mostly in savannas and open woodland.",
                "In Africa and across South Asia.",
                "wild giraffes are only in africa|theyre only in africa",
            ),
        ],
        [
            (
                "Their tongues are about 50 centimetres long and dark purple.",
                "They use them to strip leaves off thorny acacia branches.",
            ),
            (
                "A giraffe's heart can weigh around 11 kilograms.",
                "It needs to be that strong to push blood all the way up the neck.",
            ),
        ],
    ),
    _t(
        "octopuses",
        "Octopuses",
        "animal",
        "Octopuses are clever sea animals with eight arms and no bones at all.",
        [
            _f(
                "how many hearts do they have?|is it true they have more than one heart",
                "Three: two pump blood through the gills and one pumps it around the body.",
                "One heart, like most animals.",
                "octopuses have three hearts|they have 3",
            ),
            _f(
                "how many arms do they have?|how many tentacles does an octopus have",
                "Eight arms, that's the 'octo' in the name.",
                "Ten arms, two of them longer than the rest.",
                "its eight, thats the octo part|8 arms, squid have 10",
            ),
            _f(
                "what color is their blood?|do they have red blood",
                "Blue! Their blood carries oxygen with copper instead of iron.",
                "Red, just like ours.",
                "their blood is blue|its blue not red",
            ),
            _f(
                "how long do they live?|whats their lifespan",
                "Most species live only one or two years.",
                "Around fifty years, if nothing eats them.",
                "most only live a year or two|they live like 1 or 2 years",
            ),
        ],
        [
            (
                "About two thirds of an octopus's neurons are in its arms, not its head.",
                "Each arm can react to what it touches pretty much on its own.",
            ),
            (
                "An octopus can squeeze through any gap bigger than its beak.",
                "The beak is the only hard part of its body.",
            ),
        ],
    ),
    _t(
        "honeybees",
        "Honeybees",
        "animal",
        "Honeybees live in colonies of tens of thousands and make honey from flower nectar.",
        [
            _f(
                "how much honey does one bee make?|how much honey does a bee make in its life",
                "About a twelfth of a teaspoon in her whole life.",
                "About a full jar over its life.",
                "its like a twelfth of a teaspoon|way less, like 1/12 of a teaspoon",
                wow=True,
            ),
            _f(
                "how many queens are in a hive?|does a hive have more than one queen",
                "Usually just one queen per colony.",
                "Usually around ten queens sharing the work.",
                "theres only one queen per hive|just one queen",
            ),
            _f(
                "how do they tell each other where flowers are?|how do bees communicate",
                "They do a waggle dance, and its angle and length point the way to the flowers.",
                "They leave scent trails on the ground, like ants.",
                "they do the waggle dance|its the waggle dance",
            ),
            _f(
                "are the worker bees male or female?|are worker bees boys or girls",
                "All worker bees are female. The males are called drones.",
                "Mostly male, the females stay in the hive.",
                "workers are all female, males are drones|worker bees are female",
            ),
        ],
        [
            (
                "Honey found in ancient Egyptian tombs was reportedly still edible.",
                "Honey has so little water and so much sugar that bacteria can't grow in it.",
            ),
            ("A honeybee beats its wings over 200 times a second.", "That's what makes the buzzing sound."),
        ],
    ),
    _t(
        "penguins",
        "Penguins",
        "animal",
        "Penguins are flightless seabirds that swim brilliantly and live almost entirely in the southern hemisphere.",
        [
            _f(
                "do penguins live at the north pole too?|are there penguins in the arctic",
                "No, there are no wild penguins in the Arctic. Almost all live in the southern hemisphere.",
                "Yes, lots of penguins live in the Arctic as well.",
                "there are no penguins in the arctic|theyre only in the south",
            ),
            _f(
                "whats the biggest penguin?|which penguin is the largest",
                "The emperor penguin, which stands over a metre tall.",
                "The king penguin is the biggest.",
                "its the emperor penguin|emperors are bigger than kings",
            ),
            _f(
                "who keeps the egg warm?|does the mom or dad keep the egg warm",
                "For emperor penguins it's the father: he balances the egg on his feet for about two months.",
                "The mother keeps it warm while the father goes hunting.",
                "for emperors its the dad|the dad keeps the egg",
            ),
            _f(
                "what do they eat?|what do penguins eat",
                "Fish, krill and squid, depending on the species.",
                "Mostly seaweed and other plants.",
                "they eat fish and krill not plants|fish and krill",
            ),
        ],
        [
            (
                "Some male penguins give females a pebble to help build the nest.",
                "Good pebbles are scarce, so a nice one is a real gift.",
            ),
            ("Emperor penguins can dive deeper than 500 metres.", "They can stay under for over twenty minutes too."),
        ],
    ),
    _t(
        "cheetahs",
        "Cheetahs",
        "animal",
        "Cheetahs are big cats built for speed, and they hunt by sprinting after their prey.",
        [
            _f(
                "how fast can they run?|whats their top speed",
                "Around 100 to 110 km/h in short sprints, about 70 mph.",
                "About 40 km/h, roughly as fast as a horse.",
                "they go like 100 km/h|way faster, around 110 km/h",
            ),
            _f(
                "can cheetahs roar?|do they roar like lions",
                "No, cheetahs can't roar. They purr, hiss and make a bird-like chirp.",
                "Yes, they roar like lions do.",
                "cheetahs cant roar, they chirp|they chirp, they dont roar",
                wow=True,
            ),
            _f(
                "where do they live?|where are cheetahs found",
                "Mostly in Africa, with a tiny population left in Iran.",
                "Mostly in South America.",
                "theyre in africa and a few in iran|africa, not south america",
            ),
            _f(
                "what do their spots look like?|are their spots like a leopard's",
                "Solid black spots, plus black 'tear marks' running from the eyes.",
                "Rosettes, rings with a darker middle, like a leopard's.",
                "thats leopards, cheetahs have solid spots|they have solid spots",
            ),
        ],
        [
            (
                "A cheetah can go from zero to about 100 km/h in around three seconds.",
                "That's quicker than most sports cars.",
            ),
            ("Cheetahs use their long tail like a rudder when they turn.", "It keeps them balanced at full speed."),
        ],
    ),
    _t(
        "the beatles",
        "The Beatles",
        "band",
        "The Beatles were a band from England, and they're often called the most influential band ever.",
        [
            _f(
                "where were they from?|what city are the beatles from",
                "Liverpool, in the north-west of England.",
                "Manchester, in the north of England.",
                "they're from liverpool|liverpool not manchester",
            ),
            _f(
                "who was the drummer?|who played drums",
                "Ringo Starr.",
                "Paul McCartney played the drums.",
                "ringo was the drummer, paul played bass|it was ringo",
            ),
            _f(
                "what was their first album?|whats the first beatles album",
                "Please Please Me, released in 1963.",
                "Abbey Road was their first album.",
                "abbey road was one of the last ones, the first was please please me|please please me was first",
            ),
            _f(
                "when did they break up?|what year did the beatles split",
                "In 1970.",
                "In 1975, after their last tour.",
                "they broke up in 1970|it was 1970",
            ),
        ],
        [
            (
                "In April 1964 they held the top five spots of the US singles chart at the same time.",
                "Nobody had done that before, and it took decades for anyone to come close.",
            ),
            (
                "The Abbey Road cover photo was shot in about ten minutes.",
                "A policeman held up the traffic while they crossed.",
            ),
        ],
    ),
    _t(
        "queen",
        "Queen",
        "band",
        "Queen were a British rock band fronted by Freddie Mercury, famous for huge live shows.",
        [
            _f(
                "who was the singer?|who sang for queen",
                "Freddie Mercury was the lead singer.",
                "Brian May was the lead singer.",
                "freddie mercury was, brian may played guitar|it was freddie",
            ),
            _f(
                "when did bohemian rhapsody come out?|what year was bohemian rhapsody",
                "In 1975, on the album A Night at the Opera.",
                "In 1985, right after Live Aid.",
                "it came out in 1975|1975 not 85",
            ),
            _f(
                "what does brian may do besides guitar?|doesnt the guitarist have another job",
                "He's an astrophysicist, he finished his PhD in 2007.",
                "He's a heart surgeon when he's not touring.",
                "hes an astrophysicist lol|he has a phd in astrophysics",
            ),
            _f(
                "what was their most famous concert?|whats their best live show",
                "Live Aid at Wembley Stadium in 1985.",
                "Woodstock in 1969.",
                "it was live aid in 1985|live aid, they werent at woodstock",
            ),
        ],
        [
            (
                "Brian May built his famous guitar with his dad, partly from the wood of an old fireplace.",
                "It's called the Red Special and he still plays it.",
            ),
            (
                "Bohemian Rhapsody is about six minutes long and has no chorus.",
                "Radio stations thought it was far too long.",
            ),
        ],
    ),
    _t(
        "abba",
        "ABBA",
        "band",
        "ABBA are a Swedish pop group from the 1970s, famous for songs like Dancing Queen.",
        [
            _f(
                "where are they from?|what country is abba from",
                "Sweden, they're from Stockholm.",
                "Norway.",
                "abba is swedish|theyre from sweden",
            ),
            _f(
                "how did they get famous?|how did abba start out",
                "They won Eurovision in 1974 with Waterloo.",
                "They won Eurovision in 1980 with Dancing Queen.",
                "they won with waterloo in 1974|it was waterloo, 1974",
            ),
            _f(
                "what does the name mean?|why are they called abba",
                "It's the first letters of their names: Agnetha, Björn, Benny and Anni-Frid.",
                "It's named after a small town in Sweden.",
                "its the first letters of their names|its their initials",
            ),
            _f(
                "did they ever make new music?|did abba ever get back together",
                "Yes, they released a new album, Voyage, in 2021.",
                "No, they never released anything after 1982.",
                "they did, voyage came out in 2021|voyage in 2021",
            ),
        ],
        [
            (
                "Their 2022 concerts in London used digital avatars of the band.",
                "The avatars were made from motion capture of the four of them.",
            ),
            ("The musical Mamma Mia is built entirely from ABBA songs.", "It has been running in London since 1999."),
        ],
    ),
    _t(
        "nirvana",
        "Nirvana",
        "band",
        "Nirvana were a grunge band from Washington state, led by Kurt Cobain.",
        [
            _f(
                "where were they from?|what city is nirvana from",
                "Aberdeen, Washington, and they grew up in the Seattle music scene.",
                "Los Angeles.",
                "they're from washington, near seattle|not la, aberdeen washington",
            ),
            _f(
                "when did nevermind come out?|what year was nevermind",
                "In 1991.",
                "In 1996.",
                "nevermind came out in 1991|it was 91",
            ),
            _f(
                "what did the drummer do after?|what happened to dave grohl",
                "Dave Grohl started Foo Fighters.",
                "He retired from music and became a chef.",
                "he started foo fighters lol|foo fighters",
            ),
            _f(
                "whats on the nevermind cover?|what is on the cover of nevermind",
                "A baby swimming underwater toward a dollar bill on a fishhook.",
                "A burning guitar on a beach.",
                "its the baby in the pool with the dollar|the swimming baby",
            ),
        ],
        [
            (
                "Nevermind knocked Michael Jackson off the top of the US album chart in 1992.",
                "Nobody at their label expected it to sell that well.",
            ),
            (
                "Smells Like Teen Spirit was named after a deodorant.",
                "A friend wrote that Kurt smelled like Teen Spirit on a wall.",
            ),
        ],
    ),
    _t(
        "basketball",
        "Basketball",
        "sport",
        "Basketball is played by two teams who score by throwing a ball through a raised hoop.",
        [
            _f(
                "who invented it?|when was basketball invented",
                "James Naismith, in 1891, in Massachusetts.",
                "It was invented in 1935 in Chicago.",
                "it was 1891, james naismith|james naismith in 1891",
            ),
            _f(
                "how many players per team are on the court?|how many players play at once",
                "Five per team.",
                "Six per team.",
                "its five per side|5 not 6",
            ),
            _f(
                "how high is the hoop?|how tall is a basketball hoop",
                "10 feet, about 3.05 metres.",
                "12 feet, about 3.7 metres.",
                "the hoop is 10 feet|its 10 ft",
            ),
            _f(
                "what did they use as hoops at first?|what were the first hoops",
                "Peach baskets! Someone had to get the ball out after every score.",
                "Metal buckets with holes cut in the bottom.",
                "it was peach baskets|they used peach baskets",
                wow=True,
            ),
        ],
        [
            ("The NBA only added the three-point line in 1979.", "Before that, every basket was worth two."),
            ("The first game ended 1-0.", "Only one basket was scored the whole game."),
        ],
    ),
    _t(
        "tennis",
        "Tennis",
        "sport",
        "Tennis is played with rackets on a court split by a net, one against one or in pairs.",
        [
            _f(
                "how many grand slams are there?|how many majors are there in tennis",
                "Four: the Australian Open, the French Open, Wimbledon and the US Open.",
                "Five, counting the Olympics.",
                "there are only four|four, the olympics isnt a slam",
            ),
            _f(
                "what surface is wimbledon played on?|is wimbledon on clay",
                "Grass.",
                "Clay.",
                "wimbledon is grass, the french open is clay|its grass",
            ),
            _f(
                "what does love mean in tennis?|why do they say love",
                "Love means zero.",
                "Love means the score is tied.",
                "love is zero, deuce is the tie|love means zero",
            ),
            _f(
                "what was the longest match?|whats the longest tennis match ever",
                "Isner against Mahut at Wimbledon in 2010: 11 hours and 5 minutes over three days.",
                "About five hours, at the US Open.",
                "the isner mahut one was like 11 hours|it was 11 hours at wimbledon",
                wow=True,
            ),
        ],
        [
            (
                "Wimbledon goes through tens of thousands of tennis balls each year.",
                "Balls are changed every few games.",
            ),
            ("Players at Wimbledon must wear almost entirely white.", "The rule goes back to the 1800s."),
        ],
    ),
    _t(
        "cricket",
        "Cricket",
        "sport",
        "Cricket is a bat-and-ball game played between two teams, hugely popular in India, England and Australia.",
        [
            _f(
                "how many players on a team?|how many players does a cricket team have",
                "Eleven per side.",
                "Nine per side.",
                "its 11 a side|eleven",
            ),
            _f(
                "how long is a test match?|how long do test matches last",
                "Up to five days.",
                "One day, usually about eight hours.",
                "tests go up to 5 days|its five days",
            ),
            _f(
                "what's a duck?|what does it mean to get a duck",
                "Getting out without scoring any runs.",
                "Hitting the ball out of the ground for six runs.",
                "a duck is zero, a six is a six lol|its getting out on zero",
            ),
            _f(
                "where did cricket start?|whats the origin of cricket",
                "In England, in about the 16th century.",
                "In India in the 1800s.",
                "it started in england|england, way before that",
            ),
        ],
        [
            (
                "A test match can last five days and still end in a draw.",
                "If neither side finishes the game, nobody wins.",
            ),
            ("Cricket has a fielding position called silly mid-on.", "It's silly because it's so close to the batter."),
        ],
    ),
    _t(
        "soccer",
        "Football",
        "sport",
        "Football, or soccer, is the world's most popular sport: two teams of eleven trying to score a goal.",
        [
            _f(
                "how long is a match?|how long does a soccer game last",
                "90 minutes, two halves of 45, plus stoppage time.",
                "80 minutes, two halves of 40.",
                "its 45 minute halves|90 minutes not 80",
            ),
            _f(
                "when was the first world cup?|where was the first world cup",
                "1930, in Uruguay.",
                "1950, in England.",
                "the first one was 1930 in uruguay|1930, uruguay",
            ),
            _f(
                "how big is the goal?|how wide is a soccer goal",
                "7.32 metres wide and 2.44 metres high, that's 8 yards by 8 feet.",
                "10 metres wide and 3 metres high.",
                "goals are 7.32 m wide|its 8 yards by 8 feet",
            ),
            _f(
                "can the goalie pick up a back pass?|can the keeper catch a pass from a teammate",
                "Not a deliberate kick from a teammate, that's been the rule since 1992.",
                "Yes, any pass at all.",
                "not if its kicked back to them|they cant pick up a back pass",
            ),
        ],
        [
            ("Uruguay won that first World Cup at home.", "They beat Argentina 4-2 in the final."),
            (
                "A professional player can run more than 10 kilometres in one match.",
                "Midfielders usually run the most.",
            ),
        ],
    ),
    _t(
        "japan",
        "Japan",
        "country",
        "Japan is an island country in East Asia, famous for its food, its trains and its mix of old and new.",
        [
            _f(
                "whats the capital?|what is the capital of japan",
                "Tokyo.",
                "Kyoto.",
                "its tokyo, kyoto was the old capital|tokyo",
            ),
            _f(
                "how tall is mount fuji?|how high is fuji",
                "3,776 metres, the highest mountain in Japan.",
                "About 1,500 metres.",
                "fuji is like 3776 metres|way taller, its 3776",
            ),
            _f(
                "what money do they use?|whats the currency",
                "The yen.",
                "The won.",
                "thats korea, japan uses yen|its yen",
            ),
            _f(
                "when did the bullet train start?|how old is the shinkansen",
                "The first Shinkansen line opened in 1964, just before the Tokyo Olympics.",
                "It opened in 1990.",
                "the shinkansen opened in 1964|1964, for the olympics",
            ),
        ],
        [
            ("Japan has more than a hundred active volcanoes.", "It sits where several tectonic plates meet."),
            (
                "Some Japanese trains have apologised for leaving twenty seconds early.",
                "Punctuality is taken very seriously there.",
            ),
        ],
    ),
    _t(
        "iceland",
        "Iceland",
        "country",
        "Iceland is a volcanic island in the North Atlantic, known for glaciers, geysers and hot springs.",
        [
            _f(
                "whats the capital?|what is the capital of iceland",
                "Reykjavik.",
                "Oslo.",
                "oslo is norway, its reykjavik|reykjavik",
            ),
            _f(
                "how many people live there?|whats the population",
                "Around 400,000 people.",
                "Around 10 million people.",
                "its like 400k people|way less, under half a million",
            ),
            _f(
                "are there mosquitoes?|does iceland have mosquitoes",
                "No, Iceland is one of the very few places with no mosquitoes.",
                "Yes, tons of them in summer.",
                "there are no mosquitoes there|i read iceland has no mosquitoes",
                wow=True,
            ),
            _f(
                "how old is their parliament?|when was the althing founded",
                "The Althing was founded in 930, one of the oldest parliaments in the world.",
                "It was founded in 1944.",
                "the althing is from 930|930, 1944 is when they became a republic",
            ),
        ],
        [
            (
                "Most of Iceland's electricity comes from hydropower and geothermal energy.",
                "Many homes are heated with hot spring water.",
            ),
            (
                "There's a website Icelanders use to check they're not related before dating.",
                "Most of the country shares ancestors.",
            ),
        ],
    ),
    _t(
        "brazil",
        "Brazil",
        "country",
        "Brazil is the largest country in South America, home to most of the Amazon rainforest.",
        [
            _f(
                "what language do they speak?|do they speak spanish in brazil",
                "Portuguese.",
                "Spanish, like the rest of South America.",
                "they speak portuguese|its portuguese not spanish",
            ),
            _f(
                "whats the capital?|what is the capital of brazil",
                "Brasília.",
                "Rio de Janeiro.",
                "its brasilia, rio used to be|brasilia",
            ),
            _f(
                "how much of the amazon is in brazil?|is the whole amazon in brazil",
                "About 60% of the Amazon rainforest is in Brazil.",
                "Only about 10% of it.",
                "most of it is in brazil, like 60%|its around 60 percent",
            ),
            _f(
                "whats the biggest city?|which city is the largest",
                "São Paulo.",
                "Brasília.",
                "sao paulo is way bigger|its sao paulo",
            ),
        ],
        [
            (
                "Brazil shares a border with every South American country except Chile and Ecuador.",
                "That's ten neighbours.",
            ),
            (
                "Brazil is the only country that has played at every men's World Cup.",
                "It has never missed one since 1930.",
            ),
        ],
    ),
    _t(
        "canada",
        "Canada",
        "country",
        "Canada is the second-largest country in the world by area, stretching from the Atlantic to the Pacific.",
        [
            _f(
                "whats the capital?|what is the capital of canada",
                "Ottawa.",
                "Toronto.",
                "its ottawa|ottawa, toronto is just the biggest city",
            ),
            _f(
                "what languages do they speak?|what are the official languages",
                "English and French are both official languages.",
                "Only English is official.",
                "french is official too|english and french",
            ),
            _f(
                "how many provinces are there?|how many provinces does canada have",
                "Ten provinces and three territories.",
                "Twelve provinces.",
                "there are 10 provinces and 3 territories|ten provinces",
            ),
            _f(
                "which country has the longest coastline?|does canada have a long coast",
                "Canada has the longest coastline of any country in the world.",
                "Its coastline is shorter than that of the United States.",
                "canada has the longest coastline in the world|its the longest",
            ),
        ],
        [
            ("Canada has more lakes than the rest of the world combined.", "Some estimates say over two million."),
            (
                "Canada's border with the US is the longest international border in the world.",
                "Almost 9,000 kilometres.",
            ),
        ],
    ),
    _t(
        "australia",
        "Australia",
        "country",
        "Australia is a country and a continent, famous for its beaches, the Outback and unusual wildlife.",
        [
            _f(
                "whats the capital?|what is the capital of australia",
                "Canberra.",
                "Sydney.",
                "its canberra|canberra, not sydney",
            ),
            _f(
                "how long is the great barrier reef?|how big is the great barrier reef",
                "About 2,300 kilometres long.",
                "About 200 kilometres long.",
                "its like 2300 km|way longer, over 2000 km",
            ),
            _f(
                "what animals are on the coat of arms?|whats on the australian coat of arms",
                "A kangaroo and an emu.",
                "A koala and a platypus.",
                "its a kangaroo and an emu|kangaroo and emu",
            ),
            _f("what is uluru made of?|is uluru granite", "Sandstone.", "Granite.", "its sandstone|uluru is sandstone"),
        ],
        [
            (
                "There are more than twice as many sheep as people in Australia.",
                "Wool has been a big industry there for a long time.",
            ),
            ("Australia is wider than the Moon.", "It's about 4,000 km across, the Moon about 3,400."),
        ],
    ),
    _t(
        "pizza",
        "Pizza",
        "dish",
        "Pizza as we know it comes from Naples, in southern Italy.",
        [
            _f(
                "where does pizza come from?|is pizza from italy",
                "Naples, in southern Italy.",
                "New York.",
                "pizza comes from naples|its from naples, italy",
            ),
            _f(
                "whats on a margherita?|what toppings are on a margherita",
                "Tomato, mozzarella and basil, the colours of the Italian flag.",
                "Ham, mushrooms and olives.",
                "its tomato mozzarella and basil|just tomato mozzarella basil",
            ),
            _f(
                "how hot is a pizza oven?|how long does neapolitan pizza bake",
                "A Neapolitan oven runs around 450°C, and the pizza bakes in about 90 seconds.",
                "About 180°C for half an hour.",
                "no real neapolitan is like 450 for a minute and a half|way hotter, around 450",
            ),
            _f(
                "who invented hawaiian pizza?|is hawaiian pizza from hawaii",
                "A Greek-Canadian cook in Ontario, Canada, in 1962.",
                "It was invented in Hawaii in the 1950s.",
                "it was invented in canada lol|canada, not hawaii",
                wow=True,
            ),
        ],
        [
            (
                "Naples has an association that certifies true Neapolitan pizza.",
                "It sets rules for the dough, the oven and the toppings.",
            ),
            (
                "Pizza margherita is often said to be named after a queen of Italy.",
                "The story says it was made for her in 1889.",
            ),
        ],
    ),
    _t(
        "sushi",
        "Sushi",
        "dish",
        "Sushi is a Japanese dish built around vinegared rice, often with raw fish.",
        [
            _f(
                "does sushi mean raw fish?|is sushi just raw fish",
                "No, sushi refers to the vinegared rice. Raw fish on its own is sashimi.",
                "Yes, sushi literally means raw fish.",
                "sushi is about the rice, raw fish alone is sashimi|thats sashimi",
            ),
            _f(
                "is the wasabi real?|is restaurant wasabi actually wasabi",
                "Usually not: most wasabi outside Japan is horseradish dyed green.",
                "Yes, it's always real wasabi root.",
                "most of it is horseradish|its usually horseradish",
                wow=True,
            ),
            _f(
                "where was the california roll invented?|is the california roll japanese",
                "In North America, by sushi chefs in Los Angeles or Vancouver.",
                "In Tokyo.",
                "it was made in north america|its from the us or canada",
            ),
            _f(
                "what is nori made of?|whats the black wrap on sushi",
                "Seaweed, pressed and dried into sheets.",
                "Dried spinach.",
                "nori is seaweed|its seaweed",
            ),
        ],
        [
            (
                "The earliest sushi was fish packed in rice to ferment, and the rice was thrown away.",
                "Eating the rice came centuries later.",
            ),
            (
                "Sushi chefs in Japan can train for years before they're allowed to cut fish.",
                "Some start by only making rice.",
            ),
        ],
    ),
    _t(
        "ramen",
        "Ramen",
        "dish",
        "Ramen is a Japanese noodle soup with wheat noodles in a rich broth.",
        [
            _f(
                "who invented instant ramen?|when was instant ramen invented",
                "Momofuku Ando, in 1958.",
                "A Korean company in 1985.",
                "it was momofuku ando in 1958|1958",
            ),
            _f(
                "what kinds of broth are there?|whats the broth made of",
                "The classic kinds are shoyu, miso, shio and tonkotsu.",
                "There's only one kind, pork.",
                "there's shoyu, miso, shio and tonkotsu|theres lots, not just pork",
            ),
            _f(
                "where does ramen come from originally?|is ramen originally japanese",
                "It grew out of Chinese wheat noodle soups brought to Japan.",
                "It came from Korea.",
                "it came from chinese noodles|chinese noodle soup",
            ),
            _f(
                "is it rude to slurp?|can u slurp ramen",
                "In Japan slurping is perfectly polite, it even cools the noodles.",
                "Yes, slurping is considered very rude.",
                "slurping is fine in japan|its polite there",
            ),
        ],
        [
            ("There's a whole museum about instant noodles in Yokohama.", "You can design your own cup there."),
            (
                "Yokohama also has a ramen museum with a replica 1958 Tokyo street.",
                "Each shop sells a different regional style.",
            ),
        ],
    ),
    _t(
        "paella",
        "Paella",
        "dish",
        "Paella is a rice dish from Valencia in Spain, cooked in a wide shallow pan.",
        [
            _f(
                "where is paella from?|is paella from barcelona",
                "Valencia, on the east coast of Spain.",
                "Barcelona.",
                "paella is from valencia|valencia not barcelona",
            ),
            _f(
                "whats in the original?|what goes in traditional paella",
                "Traditional Valencian paella has chicken, rabbit and green beans, not seafood.",
                "The original is seafood paella.",
                "the original has chicken and rabbit|valencian one is chicken and rabbit",
            ),
            _f(
                "what is socarrat?|whats socarrat",
                "The crispy layer of toasted rice at the bottom of the pan.",
                "A kind of spicy sausage.",
                "socarrat is the crispy bottom|its the crispy rice",
            ),
            _f(
                "why is it yellow?|what makes paella yellow",
                "Saffron.",
                "Egg yolk mixed into the rice.",
                "its saffron|saffron, not egg",
            ),
        ],
        [
            ("Paella is traditionally cooked over an open wood fire.", "Orange tree wood is a classic choice."),
            ("The word paella originally meant the pan, not the food.", "It comes from the Latin word for a pan."),
        ],
    ),
]

# What varies with the kind of topic. {t} is the topic as the bot writes it within a sentence, {T} at the
# start of one, {n} as a user types it.
KINDS = {
    "animal": {
        "opens": [
            "tell me about {n}",
            "what do u know about {n}",
            "i want to learn about {n}",
            "tell me something cool about {n}",
            "can we talk about {n}?",
            "{n}. go",
            "teach me about {n} pls",
        ],
        "tells": [
            (
                "we saw {n} at the zoo today, tell me about them",
                "Have you ever seen {t} in person?",
                "i said we saw them at the zoo today|i literally just saw them at the zoo",
                "yes, today at the zoo",
            )
        ],
        "ask": (
            "Have you ever seen {t} in real life?|Have you seen {t} up close?",
            ["yeah at the zoo", "yes once on a trip", "yep, at a wildlife park", "yes when i was a kid"],
            ["no never", "nope only on tv", "no but i want to", "not in real life no"],
        ),
        "opinion": (
            "Honestly, {t} might be the most fascinating animals on the planet.",
            ["meh theyre ok", "idk, dogs are cooler", "i wouldnt go that far", "they kinda creep me out tbh"],
        ),
        "vague": (
            "{T} are basically nature's engineers.",
            "what do u mean engineers",
            "Their bodies are shaped for exactly how they live, like a tool made for one job.",
        ),
    },
    "band": {
        "opens": [
            "tell me about {n}",
            "what do u know about {n}",
            "my dad loves {n}, whats their story",
            "can you tell me about the band {n}",
            "{n} facts pls",
            "talk to me about {n}",
        ],
        "tells": [
            (
                "i just started listening to {n}, tell me about them",
                "Have you listened to much of their music?",
                "i said i just started listening|i told u im new to them",
                "not much, i just started",
            )
        ],
        "ask": (
            "Do you listen to {t} much?|Are you a big fan of {t}?",
            ["yeah all the time", "yes my dad got me into them", "ya theyre on my playlist", "yes since high school"],
            ["not really", "no, only the big hits", "nah", "no, i barely know them"],
        ),
        "opinion": (
            "I think {t} are one of the greatest acts of all time.",
            ["nah not even close", "hmm i dont think so", "overrated if you ask me", "eh theyre fine"],
        ),
        "vague": (
            "{T} were ahead of their time in a lot of ways.",
            "ahead how?",
            "They tried sounds and studio tricks that other artists only copied years later.",
        ),
    },
    "sport": {
        "opens": [
            "explain {n} to me",
            "what do u know about {n}",
            "i want to understand {n}",
            "tell me about {n}",
            "can you teach me about {n}",
            "{n} basics?",
        ],
        "tells": [
            (
                "my kid just joined a {n} team, explain it to me",
                "Does anyone in your family play?",
                "i said my kid just joined a team|i told u my kid plays",
                "yeah my kid, he just joined",
            )
        ],
        "ask": (
            "Do you play {t} yourself?|Have you ever played {t}?",
            ["yeah every weekend", "yes in a local league", "i used to in school", "ya a bit"],
            ["no im terrible at it", "nope just watch", "not really", "no never"],
        ),
        "opinion": (
            "{T} is one of the most exciting sports to watch.",
            ["idk its kinda boring to watch tbh", "nah", "hmm i find it slow", "not for me"],
        ),
        "vague": (
            "{T} is more of a mental game than people think.",
            "what do u mean mental",
            "A lot of it is reading your opponent and staying calm under pressure.",
        ),
    },
    "country": {
        "opens": [
            "tell me about {n}",
            "what do u know about {n}",
            "whats {n} like",
            "can we talk about {n}",
            "teach me something about {n}",
            "{n} facts?",
        ],
        "tells": [
            (
                "im going to {n} next month, tell me about it",
                "Are you planning a trip there?",
                "i said im going next month|i told u im going there next month",
                "yes next month",
            )
        ],
        "ask": (
            "Have you ever been to {t}?|Have you visited {t}?",
            ["yes, two years ago", "yeah for a week last summer", "once for work", "yes my family is from there"],
            ["no never", "not yet", "nope, its on my list", "no, i dont travel much"],
        ),
        "opinion": (
            "{T} would be my first pick for a holiday.",
            ["not mine, too expensive", "hmm id rather go somewhere else", "nah not for me", "eh, its ok"],
        ),
        "vague": (
            "{T} is a place of contrasts.",
            "contrasts how?",
            "Old traditions sit right next to modern cities and wild, empty nature.",
        ),
    },
    "dish": {
        "opens": [
            "tell me about {n}",
            "what do u know about {n}",
            "i love {n}, tell me more",
            "whats the story of {n}",
            "can we talk about {n}",
            "teach me about {n}",
        ],
        "tells": [
            (
                "im making {n} tonight, tell me about it",
                "Have you ever cooked it?",
                "i literally said im making it tonight|i told u im making it tonight",
                "not yet, tonight is the first time",
            )
        ],
        "ask": (
            "Have you ever made {t} yourself?|Do you cook {t} at home?",
            ["yeah a few times", "once, it was a disaster lol", "yes i make it all the time", "ya with my mom"],
            ["no never", "nope i just eat it", "no im a bad cook", "not yet"],
        ),
        "opinion": (
            "I think {t} is one of the best comfort foods there is.",
            ["eh its not that great", "nah, i dont really like it", "overrated imo", "hmm not for me"],
        ),
        "vague": (
            "{T} is simpler than it looks, and also harder.",
            "wdym?",
            "The ingredient list is short, but getting each step right takes practice.",
        ),
    },
}

# Lead-ins for a user's next question, and for a correction of a false answer.
ASK_LEAD = ["", "", "", "ok ", "cool, ", "interesting. ", "nice. ", "oh ok ", "and ", "hmm ", "wow ok, ", "another q: "]
CORRECT_LEAD = [
    "no, ",
    "that's wrong, ",
    "pretty sure ",
    "um no ",
    "nope. ",
    "actually ",
    "i read that ",
    "hmm no, ",
    "that's not right, ",
]

ANSWER_LEAD = ["", "", "", "Good question! ", "Sure! ", "Great question. ", "Ah, good one. ", "Let me see. "]
OFFER = [
    "What else would you like to know?",
    "Anything else you're curious about?",
    "Want to know more?",
    "Ask me anything about {t}!",
    "What would you like to know next?",
]
SWITCH = ["ok what about {n}?", "cool. can we talk about {n} now", "now tell me about {n}", "what do u know about {n}?"]
