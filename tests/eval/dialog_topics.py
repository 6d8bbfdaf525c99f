"""What people and chatbots talk about in the dialog set: topics with small talk, facts,
the bot's own questions and surprising remarks.

A fact is (question, the same question in other words, right answer, wrong answer, what a
user says to correct it). A bot question is (question, memory key, yes answers, no answers,
reply to yes, reply to no). A remark is (surprising statement, what the bot says when asked
to explain).
"""

from __future__ import annotations

TOPICS: dict[str, dict] = {
    "pets": {
        "openers": [("I just adopted a kitten!", "Congratulations! Kittens are so much fun. What did you name her?"),
                    ("do you like animals", "I do! Dogs and cats especially. Have you got any animals at home?"),
                    ("my dog keeps chewing my shoes lol", "Ha, classic puppy behaviour. Chew toys can help redirect "
                     "that.")],
        "chat": [("She's called Miso, she's all black", "Miso is a lovely name for a black kitten."),
                 ("I'm thinking of getting a second cat", "A second cat can keep the first one company, especially "
                  "if they're close in age."),
                 ("walking the dog in the rain is the worst", "True, but dogs rarely mind the rain as much as we do."),
                 ("my neighbour has a parrot that says hello", "Parrots are great mimics; some learn hundreds of "
                  "words."),
                 ("what should I feed a rabbit", "Mostly hay, plus fresh leafy greens and a few pellets.")],
        "facts": [("how long do cats live?", "what's the lifespan of a cat", "Indoor cats usually live 12 to 18 "
                   "years.", "Cats usually live about 5 years.", "no, cats live way longer than that, like 15 "
                   "years"),
                  ("how many teeth does a dog have?", "how many teeth do adult dogs have", "An adult dog has 42 "
                   "teeth.", "Adult dogs have 28 teeth.", "it's 42, not 28"),
                  ("are tomatoes safe for dogs", "can dogs eat tomatoes", "Ripe tomato flesh is fine in small "
                   "amounts, but the green parts are toxic to dogs.", "Yes, every part of the tomato plant is "
                   "healthy for dogs.", "the green parts are toxic though"),
                  ("how often should I bathe my dog?", "how frequently do dogs need a bath", "About once a month "
                   "for most dogs, more if they roll in something.", "Dogs should be bathed every day.",
                   "every day is way too much, it dries their skin")],
        "questions": [("Do you have any pets?", "pets", ["yes, a dog called Max", "yeah two cats"],
                       ["no, I don't have pets", "nope, my landlord doesn't allow them", "no, allergic"],
                       "Lucky you! They're great company.", "That's fair, pets are a big commitment."),
                      ("Are you more of a cat person or a dog person?", "cat_or_dog", ["dogs all the way",
                       "cats, definitely"], ["neither really", "no preference honestly"],
                       "Good choice.", "Fair enough, both have their charms.")],
        "remarks": [("Did you know cats spend about 70% of their lives asleep?", "It's true: 12 to 16 hours a day, "
                     "which adds up to around 70% of their life."),
                    ("Dogs can smell some illnesses before doctors can detect them.", "Trained dogs have detected "
                     "some cancers and low blood sugar by smell."),
                    ("A group of cats is called a clowder.", "Yes, 'clowder' is the old word for it; a group of "
                     "kittens is a 'kindle'.")],
        "memory": {"pets": "Do you have any pets?", "cat_or_dog": "Do you prefer cats or dogs?"},
    },
    "movies": {
        "openers": [("seen any good movies lately?", "I've heard great things about Dune: Part Two. Have you seen "
                     "it?"),
                    ("I watched Inception again last night", "Such a clever film. The ending still gets people "
                     "arguing."),
                    ("recommend me a comedy", "How about The Grand Budapest Hotel? Quirky and very funny.")],
        "chat": [("I love horror movies", "Horror has had a great decade; Get Out and Hereditary are modern "
                  "classics."),
                 ("the cinema near me closed down", "That's a shame; a lot of small cinemas have struggled "
                  "lately."),
                 ("I usually watch movies with my sister", "That's nice, it's more fun with someone to talk it over "
                  "with."),
                 ("marvel movies are getting boring", "Many people feel that superhero fatigue has set in."),
                 ("I prefer old black and white films", "There's a lot to love there; Casablanca still holds up.")],
        "facts": [("who directed Jaws?", "who was the director of jaws", "Steven Spielberg directed Jaws, in 1975.",
                   "Jaws was directed by James Cameron.", "no, it was Spielberg"),
                  ("what year did Titanic come out?", "when was the movie titanic released", "Titanic came out in "
                   "1997.", "Titanic came out in 2003.", "it was 1997"),
                  ("who plays Iron Man?", "which actor was iron man", "Robert Downey Jr. played Iron Man.",
                   "Chris Evans played Iron Man.", "Chris Evans is Captain America, Iron Man is Robert Downey Jr"),
                  ("how many Lord of the Rings movies are there?", "how many films in the lord of the rings "
                   "trilogy", "There are three, released from 2001 to 2003.", "There are five Lord of the Rings "
                   "movies.", "there are three, it's a trilogy")],
        "questions": [("Do you go to the cinema often?", "cinema", ["yeah, like every week", "yes, on Fridays"],
                       ["no, I mostly stream at home", "not really, it's too expensive", "no"],
                       "Nice, big screens make a difference.", "Streaming is so convenient these days."),
                      ("What's your favourite genre?", "genre", ["sci-fi", "thrillers mostly"],
                       ["no favourite really", "I don't have one"], "Great taste.", "Keeps things varied!")],
        "remarks": [("The Shining's famous 'Here's Johnny' line was improvised.", "Jack Nicholson ad-libbed it, "
                     "borrowing it from The Tonight Show."),
                    ("Toy Story was the first fully computer-animated feature film.", "Yes, Pixar released it in "
                     "1995; every frame was rendered by computer."),
                    ("Psycho was the first American film to show a toilet flushing.", "Believe it or not, censors "
                     "considered it shocking in 1960.")],
        "memory": {"cinema": "Do you go to the cinema often?", "genre": "What kind of movies do you like?"},
    },
    "music": {
        "openers": [("what music do you like", "I enjoy a bit of everything, from jazz to synth-pop. What do you "
                     "listen to?"),
                    ("I'm learning guitar", "That's great! How long have you been playing?"),
                    ("going to a concert tonight!", "Exciting! Who are you seeing?")],
        "chat": [("I mostly listen to jazz", "Jazz is wonderful; Kind of Blue is a perfect album."),
                 ("my fingers hurt from practising", "That's normal at first; calluses form in a few weeks."),
                 ("I saw Coldplay last year", "Their shows are famous for the light-up wristbands."),
                 ("I can't sing at all haha", "Most people can improve a lot with a little practice."),
                 ("vinyl is making a comeback", "It is; vinyl sales have grown for over fifteen years.")],
        "facts": [("how many strings does a bass guitar have", "how many strings on a standard bass",
                   "A standard bass guitar has four strings.", "A standard bass guitar has six strings.",
                   "no, a bass has 4 strings"),
                  ("who wrote the moonlight sonata?", "which composer wrote moonlight sonata", "Beethoven wrote the "
                   "Moonlight Sonata.", "Mozart wrote the Moonlight Sonata.", "that was Beethoven, not Mozart"),
                  ("what band was Freddie Mercury in?", "freddie mercury was the singer of which band", "Freddie "
                   "Mercury was the lead singer of Queen.", "Freddie Mercury sang in The Rolling Stones.",
                   "he was in Queen"),
                  ("how many keys are on a piano?", "number of keys on a standard piano", "A standard piano has 88 "
                   "keys.", "A standard piano has 100 keys.", "it's 88 keys")],
        "questions": [("Do you play an instrument?", "instrument", ["yes, the piano", "a bit of drums"],
                       ["no, never learned", "nope", "no, but I'd like to"], "That's great!",
                       "It's never too late to start.")],
        "remarks": [("Mozart wrote his first symphony at age eight.", "Yes, Symphony No. 1 was written in London "
                     "in 1764, when he was eight."),
                    ("The guitar riff of 'Smoke on the Water' uses just four notes.", "It's built on G, B-flat, C "
                     "and D-flat, which is why beginners learn it first.")],
        "memory": {"instrument": "Do you play any instruments?"},
    },
    "travel": {
        "openers": [("I'm going to Japan next month", "How exciting! Is it your first time there?"),
                    ("where should I go on holiday", "It depends what you enjoy: beaches, cities or mountains?"),
                    ("just got back from Lisbon", "Lovely city! Did you try the pastéis de nata?")],
        "chat": [("I hate long flights", "Long flights are tough; an aisle seat and walking around help."),
                 ("I prefer trains to planes", "Trains are more relaxing, and you see the countryside."),
                 ("I always overpack", "A packing list and a smaller bag are the classic cure."),
                 ("we're doing a road trip in Scotland", "The Highlands are beautiful; the North Coast 500 is a "
                  "great route."),
                 ("I want to see the northern lights", "Northern Norway or Iceland between September and March "
                  "are good bets.")],
        "facts": [("what's the capital of Australia?", "which city is australia's capital", "Canberra is the "
                   "capital of Australia.", "Sydney is the capital of Australia.", "it's Canberra, not Sydney"),
                  ("what currency do they use in Japan?", "what money do they use in japan", "Japan uses the yen.",
                   "Japan uses the yuan.", "no, yen. yuan is China"),
                  ("how long is the flight from London to New York?", "flight time london to nyc?", "About seven "
                   "to eight hours westbound.", "About two hours.", "it's more like 7 or 8 hours"),
                  ("do I need a visa for Canada as a UK citizen?", "uk passport, visa for canada?", "No visa, but "
                   "you need an eTA before flying.", "Yes, UK citizens need a full visa for Canada.",
                   "I think you just need an eTA")],
        "questions": [("Have you been there before?", "been_before", ["yes, twice", "yeah, years ago"],
                       ["no, first time", "nope, never", "no, never been abroad actually"], "Then you know the "
                       "good spots!", "You'll love it, first trips are special.")],
        "remarks": [("France is the most visited country in the world.", "Around 90 million international "
                     "visitors a year, more than anywhere else."),
                    ("There's a town in Norway called Hell, and it freezes over most winters.", "Hell is near "
                     "Trondheim; locals love the jokes.")],
        "memory": {"been_before": "Have you ever been to Japan?"},
    },
    "food": {
        "openers": [("what should I cook tonight", "How about a quick stir-fry? Any vegetables in the fridge?"),
                    ("I made sourdough for the first time!", "Nice! How did the crust turn out?"),
                    ("I'm trying to eat less meat", "Good idea; lentils and chickpeas are great places to start.")],
        "chat": [("I love spicy food", "Then Sichuan dishes like mapo tofu might be right up your street."),
                 ("my pasta always sticks together", "Use plenty of water and stir in the first couple of "
                  "minutes."),
                 ("I only have eggs and cheese", "An omelette or a frittata would work perfectly."),
                 ("I burnt the rice again", "A lower heat and a tight lid after it boils usually fixes that."),
                 ("my kids won't eat vegetables", "Hiding them in sauces or soups often works.")],
        "facts": [("how long do I boil an egg for a runny yolk?", "soft boiled egg time?", "About six minutes "
                   "from boiling.", "About fifteen minutes from boiling.", "15 minutes is hard boiled, I asked "
                   "for runny"),
                  ("at what temperature does water boil?", "boiling point of water?", "100 °C at sea level.",
                   "80 °C at sea level.", "it's 100, not 80"),
                  ("is avocado a fruit?", "avocado fruit or vegetable", "Yes, botanically it's a fruit, a large "
                   "berry.", "No, avocado is a root vegetable.", "it's a fruit, not a root"),
                  ("what's in guacamole?", "guacamole ingredients?", "Avocado, lime, onion, chilli, coriander and "
                   "salt.", "Guacamole is made from green peas and cream.", "no, it's avocado based")],
        "questions": [("Are you vegetarian?", "vegetarian", ["yes, for five years", "yep"],
                       ["no, I eat everything", "no, but I'm cutting down", "nope"], "Great, lots of tasty options.",
                       "Okay, I'll keep that in mind.")],
        "remarks": [("Honey never spoils; edible honey was found in Egyptian tombs.", "Its low water and high "
                     "acidity stop bacteria; some jars were 3,000 years old."),
                    ("Carrots were originally purple.", "Orange carrots were bred in the Netherlands in the 1600s.")],
        "memory": {"vegetarian": "Do you eat meat?"},
    },
    "sports": {
        "openers": [("did you watch the game last night?", "I didn't see it live. Who were you cheering for?"),
                    ("I started running", "Nice! Are you training for a race?"),
                    ("football or basketball?", "Both are great to watch! Which do you play?")],
        "chat": [("my knees hurt after running", "Good shoes and a slower build-up usually help."),
                 ("I support Liverpool", "They've had some great seasons recently."),
                 ("I'm terrible at tennis", "Everyone starts somewhere; a few lessons help a lot."),
                 ("swimming is my favourite workout", "It's great for the whole body and easy on the joints."),
                 ("the gym is so crowded in january", "New Year's resolutions! It usually calms down by "
                  "February.")],
        "facts": [("how long is a marathon?", "marathon distance?", "42.195 kilometres, or 26.2 miles.",
                   "A marathon is 10 kilometres.", "that's a 10k, a marathon is 42 km"),
                  ("how many players on a football team?", "how many players does a soccer team have on the "
                   "pitch", "Eleven per side, including the goalkeeper.", "Nine per side.", "it's eleven"),
                  ("who has won the most Olympic gold medals?", "most olympic golds ever?", "Michael Phelps, with "
                   "23 gold medals.", "Usain Bolt, with 30 gold medals.", "no, Phelps, 23 golds"),
                  ("how often is the World Cup held?", "world cup every how many years", "Every four years.",
                   "Every two years.", "it's every four years")],
        "questions": [("Do you play any sports?", "sport", ["yes, tennis", "I play football on Sundays"],
                       ["no, not anymore", "nope, I just watch", "no"], "Great way to stay fit.",
                       "Watching is fun too.")],
        "remarks": [("Golf balls have about 300 to 500 dimples.", "The dimples reduce drag, so the ball flies "
                     "about twice as far."),
                    ("A baseball has exactly 108 double stitches.", "They're all sewn by hand.")],
        "memory": {"sport": "Do you do any sports?"},
    },
    "books": {
        "openers": [("I just finished a great book", "Oh nice, what was it?"),
                    ("can you recommend a fantasy novel", "The Name of the Wind by Patrick Rothfuss is a favourite."),
                    ("I want to read more this year", "A few pages before bed every day adds up quickly.")],
        "chat": [("I read on my kindle mostly", "E-readers are handy, especially for travel."),
                 ("I couldn't get into Ulysses", "You're not alone, it's famously difficult."),
                 ("my book club meets on thursdays", "Book clubs are a great way to discover new authors."),
                 ("audiobooks count as reading right?", "Many people think so; you still get the story."),
                 ("I love crime novels", "Agatha Christie or Tana French might be up your street.")],
        "facts": [("who wrote 1984?", "author of 1984?", "George Orwell wrote 1984.", "Aldous Huxley wrote "
                   "1984.", "no, Orwell wrote 1984, Huxley wrote Brave New World"),
                  ("how many Harry Potter books are there?", "number of harry potter books", "Seven.",
                   "Five.", "there are seven"),
                  ("who wrote Pride and Prejudice?", "pride and prejudice author", "Jane Austen.",
                   "Charlotte Brontë.", "that's Jane Austen"),
                  ("when was Don Quixote published?", "year don quixote came out", "The first part in 1605.",
                   "In 1850.", "it was 1605")],
        "questions": [("Do you read every day?", "daily_reading", ["yes, before bed", "yeah on the train"],
                       ["no, only on holiday", "not really", "no, no time"], "That's a lovely habit.",
                       "Holidays are perfect for reading.")],
        "remarks": [("Agatha Christie's books have sold over two billion copies.", "Only Shakespeare and the "
                     "Bible are said to have sold more."),
                    ("Dr. Seuss wrote Green Eggs and Ham using only 50 different words.", "It was a bet with his "
                     "publisher.")],
        "memory": {"daily_reading": "Do you read a lot?"},
    },
    "work": {
        "openers": [("long day at work", "Sorry to hear that. What do you do?"),
                    ("I have a job interview tomorrow", "Good luck! What's the role?"),
                    ("working from home is so lonely", "It can be. Do you get to see colleagues at all?")],
        "chat": [("I'm a nurse", "That's demanding and important work."),
                 ("my boss keeps scheduling meetings at 5pm", "That's annoying; maybe suggest a cut-off time."),
                 ("I'm studying for my exams", "Short sessions with breaks tend to work best."),
                 ("I want to change careers", "What field are you thinking of moving into?"),
                 ("I'm a teacher, marking all weekend", "Teachers really do work a lot of unseen hours.")],
        "facts": [("how many hours is a full time job?", "standard full-time hours per week", "Usually 35 to 40 "
                   "hours a week.", "Usually 60 hours a week.", "no, 40 hours is normal"),
                  ("what does CEO stand for?", "ceo meaning?", "Chief Executive Officer.",
                   "Central Employment Organiser.", "it's chief executive officer"),
                  ("what's a good answer to 'what's your weakness'?", "how to answer the weakness question in "
                   "interviews", "Name a real but minor weakness and what you do to improve it.", "Say you have no "
                   "weaknesses at all.", "that's terrible advice, everyone says give a real one")],
        "questions": [("Do you enjoy your job?", "job", ["mostly yes", "yeah I do"],
                       ["no, not really", "no, it's exhausting", "honestly no"], "That's great to hear.",
                       "Sorry to hear that; maybe a change would help.")],
        "remarks": [("The average person spends about 90,000 hours at work over a lifetime.", "That's roughly a "
                     "third of your waking life.")],
        "memory": {"job": "Do you like your job?"},
    },
}

# Tasks: a request with slots and the system's confirmation; the wrong reply gets a slot wrong.
TASKS: dict[str, dict] = {
    "restaurant": {
        "requests": ["book a table for {n} at {time}", "can you reserve {place} for {n} people at {time}",
                     "I need a table for {n} tonight at {time}", "table for {n}, {time}, {place} please"],
        "right": "Done: a table for {n} at {place} at {time}.",
        "wrong": "Done: a table for {m} at {place} at {time}.",
        "correction": ["I said {n} people", "no, for {n}", "it's {n} not {m}"],
        "slots": {"n": ["2", "3", "4", "5", "6"], "time": ["7pm", "8:30", "noon", "6.30pm"],
                  "place": ["Luigi's", "the Thai place", "Harbour Grill", "Café Rosa"]},
    },
    "weather": {
        "requests": ["what's the weather in {city} tomorrow?", "will it rain in {city} tomorrow",
                     "forecast for {city} tmrw", "do I need an umbrella in {city} tomorrow?"],
        "right": "Tomorrow in {city}: {cond}, around {deg} degrees.",
        "wrong": "Tomorrow in {other}: {cond}, around {deg} degrees.",
        "correction": ["I asked about {city}", "not {other}, {city}", "{city}!"],
        "slots": {"city": ["Boston", "Leeds", "Madrid", "Osaka", "Denver"], "cond": ["light rain", "sunny",
                  "cloudy", "snow showers"], "deg": ["4", "12", "18", "25"],
                  "other": ["Chicago", "Paris", "Dublin", "Lima"]},
    },
    "timer": {
        "requests": ["set a timer for {mins} minutes", "timer {mins} min", "remind me in {mins} minutes to "
                     "check the oven", "can you time {mins} minutes for me"],
        "right": "Timer set for {mins} minutes.",
        "wrong": "Timer set for {other} minutes.",
        "correction": ["I said {mins}", "{mins} minutes, not {other}", "no, {mins}"],
        "slots": {"mins": ["5", "10", "12", "25", "40"], "other": ["15", "50", "2", "30"]},
    },
}
