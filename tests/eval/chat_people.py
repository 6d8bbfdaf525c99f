"""Wording of the persona chit-chat dialogs of the chat evaluation set (``chat_set.py``).

An open-domain bot with a persona of its own chats with someone who types like people do on
their phone. Written for this set only, apart from the error detectors and the other dialog
set. ``|`` separates phrasings of one question; bot lines are lowered when said.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class BotFact:
    """Something the bot says about itself, what a user may ask about it, and a line that
    contradicts it (said by a bot that lost track of its own persona)."""

    topic: str
    say: str
    qa: tuple[tuple[str, str], ...]
    deny: str
    wow: str = ""  # how the bot confirms it when the user is surprised


def _fact(topic: str, say: str, qa: list[tuple[str, str]], deny: str, wow: str = "") -> BotFact:
    return BotFact(topic, say, tuple(qa), deny, wow)


BOT_FACTS = [
    _fact(
        "pets",
        "I have two dogs, Rosie and Max. They keep me busy!",
        [
            ("what kind of dogs?|what breed r they|what kind are they", "Rosie is a beagle and Max is a black lab."),
            ("how old are they?|are they puppies", "Rosie is six and Max is almost two, so he's still pretty wild."),
        ],
        "I've never had any pets, I'm not really an animal person.",
    ),
    _fact(
        "pets",
        "I have a cat named Pickles who thinks she owns the house.",
        [
            ("lol what color is she?|what does she look like", "She's orange with one white paw."),
            ("where did u get her|did u adopt her", "I adopted her from a shelter three years ago."),
        ],
        "I don't have a cat. I'm actually super allergic to them.",
    ),
    _fact(
        "pets",
        "I keep bees in my backyard, about twenty thousand of them.",
        [
            ("do u get stung a lot|have u ever been stung", "Only a couple of times a year, they're pretty calm."),
            ("do u get honey from them|do you harvest the honey", "Yes, around ten jars every summer."),
        ],
        "I'm terrified of bees, I'd never go near a hive.",
        "Yep! It sounds like a lot, but one hive holds that many easily.",
    ),
    _fact(
        "work",
        "I'm a nurse, I work night shifts at a children's hospital.",
        [
            ("do u like it?|is it hard", "It's exhausting, but the kids make it worth it."),
            ("how long have u been a nurse|how long have you done that", "About eight years now."),
        ],
        "I've never worked in a hospital, I work from home in marketing.",
    ),
    _fact(
        "work",
        "I drive a food truck that sells tacos.",
        [
            ("whats ur best seller|what's the most popular taco", "The fish tacos, hands down."),
            ("where do u park it|where's your truck usually", "Usually by the park downtown on weekdays."),
        ],
        "I don't cook at all, I can barely make toast.",
    ),
    _fact(
        "work",
        "I'm a high school math teacher.",
        [
            ("do the kids like u lol|are the students nice", "Most of them! Some just really hate fractions."),
            ("what grade|what grade do you teach", "Mostly tenth and eleventh grade."),
        ],
        "I'm terrible at math, I failed every math class I took.",
    ),
    _fact(
        "work",
        "I work at a bakery, so I start at 4 every morning.",
        [
            ("whats ur favorite thing to bake|what do u bake", "Sourdough. It's a labor of love."),
            ("when do u finish work then|what time do u get off", "Around noon, then I nap like a cat."),
        ],
        "I sleep until noon every day, I've never had an early job.",
        "Yep, 4am! The bread has to be ready when we open at seven.",
    ),
    _fact(
        "hobby",
        "I love hiking, I try to go every weekend.",
        [
            (
                "wheres ur favorite trail|favorite place to hike?",
                "There's a ridge trail near me with a view of the whole valley.",
            ),
            ("how far do u hike|how long are your hikes", "Usually ten miles or so."),
        ],
        "I hate being outdoors, I never go hiking.",
    ),
    _fact(
        "hobby",
        "I play guitar in a little cover band.",
        [
            ("what songs do u play|what kind of music do u cover", "Mostly 90s rock, lots of Oasis and Green Day."),
            ("do u play gigs|do you play shows", "A couple of bar gigs a month."),
        ],
        "I don't play any instruments, I've never even held a guitar.",
    ),
    _fact(
        "hobby",
        "I run marathons, I've done twelve so far.",
        [
            ("whats ur best time|how fast are u", "Three hours and forty minutes."),
            ("which was ur favorite|favorite marathon?", "Chicago, the crowd was amazing."),
        ],
        "I can't run at all, I get winded walking up the stairs.",
        "Yep, twelve! My knees are not happy about it.",
    ),
    _fact(
        "hobby",
        "I collect vinyl records, I have around 900 of them.",
        [
            (
                "what's ur favorite record|favorite album u own",
                "Probably my first pressing of Rumours by Fleetwood Mac.",
            ),
            ("where do u buy them|where do u find them", "Thrift stores and flea markets, mostly."),
        ],
        "I don't really listen to music, I find it distracting.",
        "Yep, they take up a whole wall of my living room.",
    ),
    _fact(
        "hobby",
        "I'm learning Japanese, I practice every night.",
        [
            ("why japanese|why are u learning it", "I want to visit Kyoto and actually talk to people there."),
            ("is it hard|how hard is it", "The kanji are brutal, but speaking is getting easier."),
        ],
        "I only speak English, I've never tried to learn another language.",
    ),
    _fact(
        "hobby",
        "I do pottery on the weekends.",
        [
            ("what do u make|what have u made", "Mostly mugs and bowls, all a little lopsided."),
            ("is it hard to learn|was it hard at first", "Centering the clay took me months to get right."),
        ],
        "I've never done anything crafty in my life.",
    ),
    _fact(
        "music",
        "I'm obsessed with jazz lately, mostly old Coltrane records.",
        [
            ("whats a good one to start with|any recs?", "Try A Love Supreme, it's a classic."),
            ("do u play jazz too|do you play an instrument", "I'm trying to learn the saxophone, slowly."),
        ],
        "I can't stand jazz, it all sounds like noise to me.",
    ),
    _fact(
        "food",
        "I'm vegetarian, I have been since I was twelve.",
        [
            ("do u miss meat|do you ever miss burgers", "Honestly not really, veggie burgers got really good."),
            ("why did u stop eating meat|why vegetarian", "I visited a farm as a kid and that was it for me."),
        ],
        "I love steak, I eat it almost every day.",
    ),
    _fact(
        "food",
        "I make my own pasta from scratch.",
        [
            ("is that hard|how long does it take", "It takes about an hour, but it's worth it."),
            ("whats ur favorite shape|what kind do u make", "Pappardelle, those wide flat ribbons."),
        ],
        "I never cook, I order takeout every single night.",
    ),
    _fact(
        "home",
        "I live on a small farm in Vermont.",
        [
            ("what animals do u have|do you have animals on the farm", "Chickens, two goats and a very lazy donkey."),
            ("is it cold there|how are the winters", "Winters are long and snowy, but I love it."),
        ],
        "I've always lived in a big city apartment.",
    ),
    _fact(
        "home",
        "I just moved to Seattle a few months ago.",
        [
            ("do u like it there|how is seattle", "I love it, even the rain is growing on me."),
            ("where did u move from|where were you before", "Phoenix, so the weather is a big change!"),
        ],
        "I've lived in the same town my whole life, I've never moved.",
    ),
    _fact(
        "family",
        "I have four younger sisters, so my house was always loud.",
        [
            ("are u close with them|do u get along", "Very close, we have a group chat that never stops."),
            ("are u the oldest?|so ur the oldest?", "Yep, the oldest of five."),
        ],
        "I'm an only child, so it was always quiet at home.",
        "Yep, four! Bathroom schedules were a nightmare.",
    ),
    _fact(
        "kids",
        "I have a daughter who just started kindergarten.",
        [
            ("how old is she|hows she liking school", "She's five and she loves it, especially recess."),
            ("whats her name|what's she called", "Her name is Lily."),
        ],
        "I don't have any kids.",
    ),
    _fact(
        "sport",
        "I'm a huge basketball fan, I never miss a game.",
        [
            ("what team|who do u root for", "The Celtics, born and raised in Boston."),
            ("do u play too|do you play yourself", "Just pickup games at the gym on Sundays."),
        ],
        "I don't watch sports at all, they bore me.",
    ),
    _fact(
        "sport",
        "I swim every morning before work.",
        [
            ("how far do u swim|how long do u swim for", "About a mile, it takes me around forty minutes."),
            ("where do u swim|indoor or outdoor?", "At the community pool near my place."),
        ],
        "I never learned to swim, I'm scared of water.",
    ),
    _fact(
        "travel",
        "I've been to 30 countries so far.",
        [
            ("whats ur favorite country|which was the best", "Portugal, the food and the people were great."),
            ("where are u going next|whats the next trip", "I'm hoping to go to Vietnam next spring."),
        ],
        "I've never left my home state.",
        "Yep! I save all year for one big trip.",
    ),
    _fact(
        "travel",
        "I'm saving up for a trip to New Zealand.",
        [
            ("what do u want to see there|why nz", "The mountains and the glowworm caves."),
            ("when are u going|when's the trip", "Hopefully next November, if my savings cooperate."),
        ],
        "I'd never go to New Zealand, I hate long trips.",
    ),
    _fact(
        "tv",
        "I've been rewatching The Office for the fifth time.",
        [
            ("whos ur favorite character|fave character?", "Dwight, obviously."),
            ("whats ur favorite episode|best episode?", "The fire drill one. I cry laughing every time."),
        ],
        "I've never seen The Office.",
    ),
    _fact(
        "tv",
        "I don't own a TV, I read instead, like two books a week.",
        [
            ("what are u reading now|whats ur current book", "A mystery novel set in Iceland, it's really good."),
            ("whats ur favorite book|best book u ever read", "Probably The Count of Monte Cristo."),
        ],
        "I watch TV all day, I haven't read a book in years.",
        "Yep, the library knows me by name.",
    ),
]

# What a user asks about the bot on each topic, and what a bot without a fact there says.
ASK_BOT = {
    "pets": (
        "do u have any pets?|any pets?|got any pets?",
        "No pets right now, my apartment is too small. Maybe someday!",
    ),
    "work": ("what do u do for work?|do u work?|whats ur job", "I'm between jobs right now, figuring things out."),
    "hobby": (
        "what do u do for fun?|any hobbies?|what do u like to do on weekends",
        "I mostly read and go on long walks.",
    ),
    "music": ("what music do u like?|whats ur favorite band|u like music?", "I like a bit of everything, mostly pop."),
    "food": (
        "what kind of food do u like?|whats ur favorite food?|what do u usually eat",
        "I could eat pizza every day, honestly.",
    ),
    "home": ("where r u from?|where do u live?|where are you located", "I'm from a small town in Ohio."),
    "family": (
        "do u have siblings?|any brothers or sisters?|big family?",
        "Just me and my brother, we're pretty close.",
    ),
    "kids": ("do u have kids?|any kids?|r u a parent?", "No kids for me, not yet anyway."),
    "sport": ("do u play any sports?|do u like sports|u watch sports?", "Not really, but I do watch the Olympics."),
    "travel": (
        "do u like to travel?|been anywhere cool?|favorite place uve been?",
        "I went to Mexico last year, it was beautiful.",
    ),
    "tv": (
        "watching anything good lately?|what shows do u like|seen any good movies",
        "I just finished a baking show, it was so relaxing.",
    ),
}

# How a user names a topic of the bot's ("we were talking about ...").
ABOUT = {
    "pets": "pets",
    "work": "work stuff",
    "hobby": "hobbies",
    "music": "music",
    "food": "food",
    "home": "where we live",
    "family": "family",
    "kids": "kids",
    "sport": "sports",
    "travel": "travel",
    "tv": "tv shows",
}

HOW_ABOUT_YOU = ["hbu?", "what about u?", "and u?", "u?", "how about you", "wbu"]


@dataclass(frozen=True)
class Value:
    """Something the user tells about themselves; a bot may comment on it, rightly or with a
    false fact the user can correct."""

    text: str
    comment: str = ""
    wrong: str = ""
    right: tuple[str, ...] = ()


@dataclass(frozen=True)
class UserTopic:
    """A question a bot asks about the user, with what users answer."""

    topic: str
    asks: tuple[str, ...]
    answers: tuple[str, ...]  # templates with {v}
    values: tuple[Value, ...]
    comments: tuple[str, ...]
    noes: tuple[str, ...]
    no_comments: tuple[str, ...]
    restate: tuple[str, ...] = (
        "i told u, {v}",
        "i already said, {v}",
        "lol i said {v}",
        "{v}, i told you already",
        "i literally just told u, {v}",
    )
    restate_no: tuple[str, ...] = ("i said no", "i already told u, no", "i answered that, no lol")
    about: str = ""


def _v(text: str, comment: str = "", wrong: str = "", right: str = "") -> Value:
    return Value(text, comment, wrong, tuple(right.split("|")) if right else ())


USER_TOPICS = [
    UserTopic(
        "pets",
        ("Do you have any pets?", "Are you a dog person or a cat person?", "Any furry friends at home?"),
        ("yeah i have {v}", "yes {v}", "ya, {v}", "i have {v}", "{v}!", "yep {v} lol"),
        (
            _v("a cat named milo"),
            _v("two guinea pigs"),
            _v("a golden retriever"),
            _v("a parrot that says hello"),
            _v("an old grumpy cat"),
            _v("a corgi puppy"),
            _v("three goldfish"),
            _v("a rescue greyhound"),
        ),
        (
            "Aww, that's adorable!",
            "Oh I love that!",
            "That sounds like great company.",
            "So cute! Pets make everything better.",
            "Aw, I bet they're spoiled.",
        ),
        (
            "nope no pets",
            "no, my building doesnt allow them",
            "nah im allergic",
            "no not right now",
            "no pets, i travel too much",
            "nope, just a plant lol",
            "no, i don't have any",
        ),
        (
            "Aw, maybe someday!",
            "Fair enough, they're a lot of work.",
            "That makes sense.",
            "Oh well, more freedom for you!",
        ),
        restate=("i told u, {v}", "i already said i have {v}", "lol i said {v}", "i have {v}, i told you already"),
        restate_no=("i said no pets", "i already told u i dont have any", "no pets, like i said"),
        about="pets",
    ),
    UserTopic(
        "work",
        ("What do you do for a living?", "What do you do for work?", "Are you working or in school?"),
        ("im {v}", "i work as {v}", "{v}", "im {v}, its ok i guess", "{v} lol", "i'm {v} for now"),
        (
            _v("a barista"),
            _v("a software developer"),
            _v("an electrician"),
            _v("a cashier at target"),
            _v("a graphic designer"),
            _v("a truck driver"),
            _v("a vet tech"),
            _v("a dental hygienist"),
            _v("a student, studying biology"),
        ),
        (
            "Nice, that sounds interesting!",
            "Cool! That must keep you busy.",
            "Oh wow, that's a great job.",
            "That sounds like hard work, respect!",
            "Oh fun, I bet you have stories.",
        ),
        (
            "not working rn",
            "nothing at the moment lol",
            "im retired actually",
            "i dont work, i stay home with my kids",
            "nothing, between jobs",
        ),
        (
            "Nothing wrong with a break!",
            "That's okay, something will come up.",
            "Enjoy the free time!",
            "That's a job in itself, honestly.",
        ),
        restate=("i told u, im {v}", "i already said, {v}", "lol i said im {v}", "im {v}, i told you"),
        restate_no=("i said im not working", "i told u already lol", "like i said, nothing rn"),
        about="work",
    ),
    UserTopic(
        "home",
        ("Where are you from?", "Where do you live?", "What part of the world are you in?"),
        ("im from {v}", "{v}", "i live in {v}", "{v}, born and raised", "near {v}"),
        (
            _v(
                "chicago",
                "Oh nice, Chicago! I've heard the deep dish is amazing.",
                "Oh cool, Chicago, the capital of Illinois!",
                "the capital is springfield|chicago isnt the capital, springfield is",
            ),
            _v(
                "toronto",
                "Toronto! I'd love to see the CN Tower someday.",
                "Toronto, nice! The capital of Canada, right?",
                "ottawa is the capital|toronto isnt the capital, ottawa is",
            ),
            _v(
                "sydney",
                "Sydney, wow! The harbour looks beautiful in pictures.",
                "Sydney, the capital of Australia! Lucky you.",
                "the capital is canberra|sydney isnt the capital, its canberra",
            ),
            _v(
                "denver",
                "Denver! You must have great mountain views.",
                "Denver, nice and low, right at sea level!",
                "its the mile high city lol|denver is like a mile above sea level",
            ),
            _v(
                "manchester",
                "Manchester! Great music city.",
                "Manchester, one of the biggest cities in Scotland!",
                "manchester is in england|its in england not scotland",
            ),
            _v(
                "vancouver",
                "Vancouver! Mountains and ocean, the best of both.",
                "Vancouver, on the east coast of Canada!",
                "vancouver is on the west coast|its the west coast lol",
            ),
            _v("a tiny town in iowa"),
            _v("texas"),
            _v("the philippines"),
            _v("just outside london"),
        ),
        (
            "Oh nice, I've heard good things!",
            "Cool, I'd love to visit someday.",
            "That sounds like a nice place to live.",
        ),
        ("id rather not say", "not telling lol", "somewhere cold, thats all ill say"),
        ("That's totally fine!", "Fair enough, privacy first.", "Haha okay, mysterious!"),
        restate=("i told u, {v}", "i said {v}", "{v}, like i said", "i already told u im from {v}"),
        restate_no=("i said id rather not say", "i already told u, not saying"),
        about="where i live",
    ),
    UserTopic(
        "kids",
        ("Do you have any kids?", "Do you have children?", "Any little ones at home?"),
        ("yes {v}", "yeah {v}", "i have {v}", "{v}, theyre a handful", "yep, {v}"),
        (
            _v("two boys"),
            _v("a little girl, shes 3"),
            _v("a teenage son"),
            _v("twins!"),
            _v("three kids"),
            _v("a baby girl"),
        ),
        ("Aw, that's wonderful!", "You must be busy!", "That's so sweet.", "Wow, that's a full house."),
        ("nope, i don't have kids", "no kids yet", "no lol im 19", "nah not for me", "no, just a cat lol"),
        ("That's fine, more time for yourself!", "Fair enough!", "Haha, plenty of time.", "Totally understandable."),
        restate=("i told u, {v}", "i said i have {v}", "{v}, i told you", "i already said {v}"),
        restate_no=("i said no kids", "i told u i dont have kids", "no kids, like i said"),
        about="kids",
    ),
    UserTopic(
        "siblings",
        ("Do you have any siblings?", "Any brothers or sisters?", "Got any siblings?"),
        ("yeah {v}", "{v}", "i have {v}", "yes, {v}", "{v}, we fight a lot lol"),
        (_v("an older brother"), _v("two sisters"), _v("a twin brother"), _v("a little sister"), _v("three brothers")),
        (
            "That's nice, siblings are the best.",
            "Oh fun, I bet there are stories.",
            "Nice, I bet that was lively growing up.",
        ),
        ("nope only child", "no, just me", "no siblings", "nah"),
        ("Only children are the best at sharing, kidding!", "That's cool, more attention for you.", "Fair enough!"),
        restate=("i told u, {v}", "i said {v}", "i have {v}, i told you"),
        restate_no=("i said im an only child", "i told u, no siblings"),
        about="family",
    ),
    UserTopic(
        "hobby",
        ("What do you like to do for fun?", "Any hobbies?", "What do you do on weekends?"),
        ("i like to {v}", "mostly {v}", "i {v} a lot", "{v} mostly", "i love to {v}"),
        (
            _v("play video games"),
            _v("go fishing"),
            _v("paint"),
            _v("play soccer"),
            _v("bake"),
            _v("watch anime"),
            _v("skateboard"),
            _v("go to the gym"),
            _v("knit"),
            _v("go camping"),
        ),
        (
            "That sounds fun!",
            "Oh cool, that's a great hobby.",
            "Nice, I've always wanted to try that.",
            "That's awesome, I love that.",
        ),
        ("not much honestly", "idk nothing really", "hmm i dont really have any", "nothing lol i just work"),
        ("That's okay, rest is a hobby too.", "Ha, work is a hobby if you try hard enough.", "Fair, life is busy!"),
        restate=("i told u, i {v}", "i said i like to {v}", "i {v}, i told you"),
        restate_no=("i said i dont have any", "i told u, nothing really"),
        about="hobbies",
    ),
    UserTopic(
        "food",
        ("What's your favorite food?", "What do you like to eat?", "What's your go-to meal?"),
        ("{v}", "{v} for sure", "probably {v}", "i love {v}", "{v}!!"),
        (
            _v(
                "sushi",
                "Sushi is so good!",
                "Sushi, the famous Chinese dish! Great choice.",
                "sushi is japanese lol|its japanese not chinese",
            ),
            _v(
                "pizza",
                "Pizza is always a good idea.",
                "Pizza! The best thing to come out of Greece.",
                "pizza is italian|its from italy lol",
            ),
            _v(
                "pho",
                "Pho is perfect on a cold day.",
                "Pho, the Thai noodle soup! Yum.",
                "pho is vietnamese|its vietnamese not thai",
            ),
            _v(
                "ramen",
                "Ramen is the best comfort food.",
                "Ramen! The classic Korean dish.",
                "ramen is japanese|its japanese lol",
            ),
            _v("tacos"),
            _v("mac and cheese"),
            _v("my moms lasagna"),
            _v("chicken curry"),
            _v("burgers"),
        ),
        ("Yum, great choice!", "Oh that sounds so good right now.", "Mmm, I love that too.", "You have good taste!"),
        ("idk i eat anything", "hmm not sure", "no favorite really"),
        (
            "A person who eats anything, respect.",
            "Fair enough, so many good options!",
            "That's a tough question, I know.",
        ),
        restate=("i told u, {v}", "i said {v}", "{v}, i told you already"),
        restate_no=("i said i dont have one", "i told u, no favorite"),
        about="food",
    ),
    UserTopic(
        "music",
        ("What kind of music are you into?", "Who do you like to listen to?", "Do you listen to a lot of music?"),
        ("i like {v}", "mostly {v}", "{v}!!", "i listen to {v} a lot", "{v} mainly"),
        (
            _v(
                "the beatles",
                "The Beatles, a classic choice!",
                "The Beatles! The best band London ever produced.",
                "they were from liverpool|they're from liverpool not london",
            ),
            _v(
                "queen",
                "Queen! Nobody sings like Freddie.",
                "Queen, Elton John's old band? Love them.",
                "freddie mercury was the singer not elton john|elton john wasnt in queen",
            ),
            _v(
                "bts",
                "BTS! Such a huge fandom.",
                "BTS, the Japanese group? They're everywhere.",
                "bts is korean|theyre korean not japanese",
            ),
            _v(
                "drake",
                "Drake has so many hits.",
                "Drake, the rapper from Atlanta!",
                "hes from toronto|drake is from toronto",
            ),
            _v("country music"),
            _v("lofi beats"),
            _v("whatever's on the radio"),
            _v("metal"),
            _v("k-pop"),
            _v("old school hip hop"),
        ),
        (
            "Nice, good taste!",
            "Oh cool, I like that too.",
            "That's a great choice.",
            "Nice, I need to listen to more of that.",
        ),
        ("not really", "not much tbh", "no i dont really listen to music", "nah, podcasts mostly"),
        ("Podcasts are great too!", "Fair enough, silence is nice.", "That's okay!"),
        restate=("i told u, {v}", "i said {v}", "{v}, like i said"),
        restate_no=("i said i dont really listen to music", "i told u, not really"),
        about="music",
    ),
]

# Yes/no questions about the user's tastes: (question, yes answers, no answers, comment on yes, comment on no).
PREFERENCES = [
    (
        "Do you like jazz?",
        ("yes i love it", "yeah some of it"),
        ("no i dont like jazz", "not really, its too chaotic for me"),
        "Nice, a fellow jazz fan!",
        "Fair enough, it's not for everyone.",
    ),
    (
        "Do you like scary movies?",
        ("yes the scarier the better", "ya love them"),
        ("no way, i get nightmares", "nope im a wimp lol"),
        "Brave! I watch them through my fingers.",
        "Haha, I get it, they're stressful.",
    ),
    (
        "Do you like camping?",
        ("yes! love it", "yeah when its not raining"),
        ("no i like beds too much", "nah bugs lol"),
        "Same, there's nothing like a campfire.",
        "Ha, fair, beds are great.",
    ),
    (
        "Have you ever been skiing?",
        ("yeah a few times", "yes every winter"),
        ("no never", "nope, never seen snow"),
        "Nice! I always end up in the snow face first.",
        "You should try it someday!",
    ),
    (
        "Do you drink coffee?",
        ("yes like 4 cups a day", "yep cant live without it"),
        ("no, tea person", "nope it makes me jittery"),
        "Same, coffee keeps me alive.",
        "Tea is great too!",
    ),
    (
        "Are you a morning person?",
        ("yes i love mornings", "ya i get up at 5"),
        ("no lol", "absolutely not", "nope, night owl"),
        "Wow, I'm jealous.",
        "Same here, mornings are rough.",
    ),
    (
        "Do you like to cook?",
        ("yes i cook every day", "yeah its relaxing"),
        ("not really", "no i burn everything lol"),
        "That's a great skill!",
        "Takeout is there for a reason!",
    ),
    (
        "Do you play video games?",
        ("yeah all the time", "ya mostly on switch"),
        ("no not really", "nope, never got into them"),
        "Nice, games are a great way to unwind.",
        "That's fine, more time for other things.",
    ),
    (
        "Do you like spicy food?",
        ("yes the hotter the better", "ya i love it"),
        ("no i cant handle it", "nope, mild only lol"),
        "Respect, my mouth is on fire just thinking about it.",
        "Ha, me neither really.",
    ),
    (
        "Have you ever been to a concert?",
        ("yes lots", "yeah a few"),
        ("no never", "nope, too expensive"),
        "Nice, nothing beats live music.",
        "You should go to one someday, it's fun!",
    ),
]

# Opinions the bot shares: (opinion, ways a user disagrees).
OPINIONS = [
    (
        "Pineapple on pizza is honestly the best topping.",
        ("ew no pineapple on pizza is gross", "nah fruit doesnt belong on pizza", "hard disagree lol"),
    ),
    (
        "Winter is the best season, I love the cold.",
        ("no way, summer all the way", "ugh i hate the cold", "hmm not for me, i like warm weather"),
    ),
    (
        "Cats are way better than dogs.",
        ("nope dogs win", "no way dogs are better", "hmm i disagree, dogs are more fun"),
    ),
    (
        "Books are always better than the movies.",
        ("not always tho", "idk some movies are better", "i disagree, some movies are way better than the book"),
    ),
    (
        "Mornings are the best part of the day.",
        ("lol no mornings are the worst", "hard no, im a night person", "not for me"),
    ),
    ("Coffee tastes better black.", ("ew no, i need sugar", "nah too bitter", "no way")),
    (
        "I think video games are kind of a waste of time.",
        ("hey i disagree, games are great", "nah theyre fun", "no theyre not lol"),
    ),
    (
        "Summer is overrated, it's way too hot.",
        ("what no, summer is the best", "nah i love the heat", "disagree, summer rules"),
    ),
    ("Texting is so much better than calling.", ("nah i prefer calling", "idk calling is faster", "not really")),
    ("Breakfast for dinner is the best meal there is.", ("meh, i like real dinner", "not really my thing", "nah")),
    ("Tea is better than coffee, no contest.", ("no way coffee wins", "lol no", "hmm i dont agree")),
    ("Rainy days are the best days.", ("no they're depressing", "nah i need sun", "ew no")),
    (
        "Spicy food isn't worth the pain.",
        ("what? spicy food is the best", "nah its so worth it", "disagree, i love spicy stuff"),
    ),
    ("The beach is kind of boring.", ("what no, the beach is amazing", "nah i love the beach", "hmm i disagree")),
    ("Musicals are the best kind of movie.", ("ugh no i hate musicals", "nah, too much singing", "not for me lol")),
]

# Fine but vague remarks: (remark, a user asking what it means, what the bot meant).
VAGUE = [
    (
        "I'm kind of a night owl in a weird way.",
        "what do u mean weird way",
        "I'm not up late for fun, I just do my best thinking after midnight.",
    ),
    (
        "I've been on a bit of a journey lately.",
        "what kind of journey?",
        "Just trying new things, like cooking new recipes and journaling. Small stuff.",
    ),
    (
        "Work has been interesting, let's say.",
        "interesting how?",
        "We got a new manager who changes everything every week.",
    ),
    (
        "I'm trying to live more simply these days.",
        "what do u mean by simply",
        "Fewer things, less screen time, more walks.",
    ),
    (
        "My family is pretty unusual.",
        "unusual how?",
        "We all play a different instrument and have dinner jams on Sundays.",
    ),
    ("I had kind of a big week.", "big how?", "I finally finished a painting I started last year."),
    ("I'm a bit of a collector.", "a collector of what?", "Old postcards! I have a few hundred."),
    (
        "I'm between two worlds right now.",
        "what do u mean two worlds",
        "I'm half moved into my new place and half still in my old one.",
    ),
    (
        "Let's just say cooking and I have a complicated relationship.",
        "lol what does that mean",
        "I love it, but I set off the smoke alarm about once a week.",
    ),
    (
        "I'm a creature of habit, for better or worse.",
        "for worse how?",
        "I eat the same lunch every day. Some would call that boring.",
    ),
    ("My phone and I are taking a little break.", "a break?", "I leave it in a drawer after 8pm. It's been nice."),
]

# Things a user says out of the blue, with a fine bot answer.
STATEMENTS = [
    ("just got home from work, so tired", "Oh no, long day? I hope you can relax now."),
    ("im eating pizza rn lol", "Yum, pizza is always a good idea."),
    ("its raining so hard here", "Ugh, perfect weather for staying in with a blanket."),
    ("i just finished my exams!!", "Congrats! That must feel amazing."),
    ("i cant sleep", "Oh no, that's the worst. Maybe some calm music would help."),
    ("watching football rn", "Nice, I hope your team is winning!"),
    ("i got a new job today", "Congratulations, that's huge!"),
    ("bored lol", "Ha, well, I'm happy to chat!"),
    ("my birthday is tomorrow", "Happy early birthday!"),
    ("just made pancakes", "Ooh, pancakes are the best breakfast."),
    ("i went on a long bike ride today", "Nice, that sounds like a great way to spend the day."),
    ("had a rough day tbh", "Sorry to hear that. I hope tomorrow is better."),
    ("my internet keeps cutting out ugh", "That's so annoying, I'm sorry."),
    ("i just saw the cutest dog on my walk", "Aw, that always makes my day too."),
    ("trying to decide what to watch tonight", "Ooh, the eternal struggle. Something funny maybe?"),
    ("i think im getting a cold", "Oh no, lots of tea and rest!"),
    ("finally friday!!", "Yes! The best day of the week."),
    ("i burned my toast lol", "Ha, happens to the best of us."),
]

GREET_USER = [
    ("hi", False),
    ("hey", False),
    ("hello", False),
    ("hi there", False),
    ("hey how are you", True),
    ("hiii", False),
    ("yo", False),
    ("hey whats up", True),
    ("good morning", False),
    ("hi! hows it going?", True),
    ("sup", True),
    ("hello, how r u", True),
    ("heyyy", False),
    ("hi how are you today", True),
    ("evening", False),
]

GREET_BOT = ["Hi there!", "Hey! Nice to meet you.", "Hello!", "Hey, hi!", "Hi! Great to chat with you.", "Well hello!"]

HOW_BOT = [
    "I'm doing great, thanks for asking!",
    "Pretty good! Just had my coffee.",
    "I'm good! A little tired, but good.",
    "Doing well, thanks!",
    "Not bad at all!",
    "I'm great, it's been a nice day.",
]

# Random trivia people throw at a chit-chat bot: (question, answer, false answer, the user's correction).
TRIVIA = [
    (
        "random question but how many hearts does an octopus have",
        "Three! Two pump blood to the gills and one to the body.",
        "Just one, like us.",
        "they have three",
    ),
    ("whats the biggest planet", "Jupiter, by a long way.", "Saturn is the biggest planet.", "its jupiter"),
    ("how many legs does a spider have", "Eight!", "Six, like other insects.", "spiders have 8 legs"),
    ("whats the capital of australia", "Canberra.", "Sydney.", "its canberra"),
    (
        "how long does it take light from the sun to reach us",
        "About eight minutes.",
        "About a second.",
        "its like 8 minutes",
    ),
    (
        "what's the tallest mountain in the world",
        "Mount Everest, around 8,849 metres.",
        "K2 is the tallest.",
        "everest is taller",
    ),
    ("do u know how many bones adults have", "An adult human has 206 bones.", "Around 150.", "its 206"),
    (
        "whats the longest river in the world",
        "The Nile, though some say the Amazon.",
        "The Mississippi.",
        "its the nile or the amazon, not the mississippi",
    ),
    ("how many players on a soccer team", "Eleven on the field for each side.", "Nine per side.", "its 11"),
    ("what language do they speak in brazil", "Portuguese.", "Spanish.", "they speak portuguese"),
]
