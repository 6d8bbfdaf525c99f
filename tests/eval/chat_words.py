"""Shared wording of the chat evaluation set (``chat_set.py``): how users react to a chatbot's
reply, and the bot's greetings, bland replies, topic jumps and broken sentences.

Written for this set only, from how people type to deployed chatbots, apart from the error
detectors and from the other dialog set. User lines are lower case here; each dialog's
"voice" decides on capitals, slang and punctuation. ``{about}`` is the topic of the talk,
``{right}`` and ``{wrong}`` a value the user corrects, ``{w}`` a word the user mistyped.
"""

from __future__ import annotations

# --- What a user says when the bot got something wrong -------------------------------------

POINT_OUT = {
    "ignored": [
        "you didn't answer my question",
        "that's not what i asked",
        "lol you totally ignored my question",
        "ok but that wasn't my question",
        "did you even read what i wrote",
        "um hello, i asked you something",
        "you skipped my question",
        "you're dodging the question lol",
        "wow ok just ignore me then",
        "i asked a question tho",
        "you didnt respond to what i asked",
        "can you answer what i asked first",
        "that has nothing to do with my question",
        "hey you never answered",
    ],
    "wrong_fact": [
        "that's not right",
        "um no that's wrong",
        "that's not true lol",
        "i don't think that's correct",
        "nope, that's wrong",
        "that's just false",
        "where did you get that from? it's wrong",
        "you're making stuff up",
        "that is definitely not correct",
        "that's incorrect",
        "wrong lol",
        "you got that wrong",
        "that's not what i said",
        "hmm no, you mixed something up there",
    ],
    "off_topic": [
        "what does that have to do with anything",
        "random lol",
        "where did that come from",
        "uh ok?? we were talking about {about}",
        "that's so random",
        "why are you changing the subject",
        "lol what, we were on {about}",
        "that has nothing to do with what i said",
        "ok... back to {about} please",
        "how is that related",
        "bit of a random jump there",
        "can we stay on {about}?",
        "um i was talking about {about}",
    ],
    "repeated": [
        "you already said that",
        "u just said that lol",
        "you're repeating yourself",
        "you told me that already",
        "same answer as before?",
        "you said the exact same thing before",
        "why do you keep saying that",
        "copy paste much? lol",
        "is there an echo in here",
        "you literally said that a minute ago",
        "that's what you said earlier",
        "broken record lol",
        "you sent that already",
    ],
    "nonsense": [
        "that makes no sense",
        "that sentence is broken lol",
        "you're not making sense",
        "that didn't make any sense",
        "are you ok? that was gibberish",
        "i can't understand that at all",
        "that's word salad",
        "that makes zero sense",
        "lol what kind of answer is that",
        "your reply is all jumbled",
        "that's not even a sentence",
        "you just contradicted yourself",
        "that doesn't add up, you said the opposite before",
    ],
    "forgot": [
        "i already told you",
        "i literally just said that",
        "we went over this lol",
        "did u forget already?",
        "i told you that earlier",
        "i answered that already",
        "weren't you listening",
        "you asked me that before",
        "i just told you lol",
        "we already covered that",
        "you don't remember?",
        "i mentioned that a few messages ago",
        "scroll up lol",
    ],
    "generic": [
        "that's not really an answer",
        "ok but what's the answer",
        "that doesn't tell me anything",
        "that's it?",
        "very helpful... not",
        "can you actually answer",
        "that's such a non answer",
        "ok and?",
        "cool but you didn't answer",
        "i need a real answer",
        "lol thanks for nothing",
        "that's a cop out",
        "you're not telling me anything",
        "um, so what's the answer",
    ],
}

# Asking what the bot meant after a reply that went wrong.
CLARIFY_ERROR = [
    "what?",
    "huh?",
    "wdym",
    "what are you talking about",
    "i'm confused",
    "sorry what?",
    "???",
    "come again?",
    "huh what",
    "i don't follow",
    "what does that even mean",
    "wait what",
    "say that again?",
    "what is that supposed to mean",
    "i have no idea what you just said",
]

# Put before a question the user asks again.
REPEAT_PREFIX = ["", "", "", "i asked ", "but ", "no but ", "ok but ", "um ", "again, ", "hello? ", "so ",
                 "let me try again, ", "i mean ", "seriously, "]

# Leaving after a bad reply (the last user message of the chat).
LEAVE = [
    "ok nevermind, bye",
    "i'm gonna go",
    "forget it",
    "ugh. bye",
    "this is pointless, bye",
    "ok i give up lol",
    "never mind, i'll figure it out myself",
    "whatever, gotta go",
    "i'll ask someone else",
    "ok bye",
    "nvm",
    "im done lol",
    "talk to you later i guess",
]

# An ordinary goodbye at the end of a chat that went fine.
GOODBYE = [
    "ok i gotta go, bye!",
    "nice talking to you",
    "ok thanks, bye",
    "gtg, ttyl",
    "alright, thats all, bye",
    "thanks for the chat!",
    "ok cool, see ya",
    "i have to go now, bye",
    "good night!",
    "that was fun, bye",
    "ok thanks for the info",
    "cya later",
    "bye bye",
]

BOT_BYE = [
    "Bye! It was nice talking to you.",
    "Take care, talk soon!",
    "Goodbye, have a great day!",
    "See you later!",
    "Bye for now!",
    "Thanks for chatting, bye!",
    "Have a good one!",
    "Good night, sleep well!",
    "Okay, bye!",
]

# How a bot owns up once the user pointed something out.
SORRY = [
    "Sorry about that!",
    "Oops, my bad.",
    "You're right, sorry.",
    "My mistake!",
    "Sorry, I got mixed up.",
    "Apologies!",
    "Sorry, let me try again.",
    "Ah, sorry about that.",
    "You're right, I messed that up.",
    "Sorry, I misspoke.",
]

SORRY_UNCLEAR = [
    "Sorry, that came out wrong.",
    "Sorry, that was confusing.",
    "Oops, that didn't make sense.",
    "Let me say that again.",
    "Sorry, I jumbled that.",
]

# --- Feedback-looking messages that follow a reply that was fine ---------------------------

SURPRISE = [
    "wait really?",
    "no way!",
    "really? that's crazy",
    "wait what? that's amazing",
    "omg seriously??",
    "huh, i did not know that",
    "wow i had no idea",
    "are you serious lol",
    "wait, for real?",
    "no wayyy",
    "get out, really?",
    "hold on, seriously?",
    "that can't be right... can it?",
    "really?? wow",
    "wait is that true?",
    "that's wild, really?",
    "whaaat",
    "are u sure? that sounds made up lol",
    "wait seriously? i always thought it was different",
    "hm really? i never would have guessed",
    "thats insane",
    "you're kidding",
]

CONFIRM = [
    "Yes, really!",
    "It's true!",
    "Yep, I promise!",
    "Totally true.",
    "For real!",
    "I know, it surprised me too.",
    "Yes, it sounds unbelievable but it's true.",
    "I'm sure, yes.",
    "Yep!",
]

CLARIFY_GOOD = [
    "what do you mean?",
    "wdym",
    "huh how so?",
    "meaning what?",
    "what do u mean",
    "how so?",
    "wait what do you mean",
    "explain lol",
    "in what way?",
    "like how?",
    "elaborate?",
    "hm what does that mean",
]

AGREE = [
    "same!",
    "yes totally",
    "agreed lol",
    "100%",
    "omg yes",
    "so true",
    "facts",
    "i feel the same",
    "right??",
    "couldn't agree more",
    "yeah for sure",
]

BOT_AFTER_AGREE = [
    "Glad we agree!",
    "Right?!",
    "See, you get it.",
    "High five!",
    "I knew you'd understand.",
    "Finally someone who agrees with me.",
]

DISAGREE = [
    "nah i disagree",
    "hmm not really",
    "idk i don't think so",
    "i don't agree tbh",
    "no way",
    "hard disagree",
    "eh, not for me",
    "nope lol",
    "i'm gonna have to disagree there",
    "thats a hot take",
]

BOT_AFTER_DISAGREE = [
    "Haha fair enough, to each their own!",
    "Okay, we'll have to agree to disagree.",
    "That's fair, everyone's different.",
    "Ha, I respect that.",
    "Fair! I can see why.",
    "Ha, okay, you might have a point.",
    "That's totally valid.",
]

NO = ["no", "nope", "not really", "nah", "no not at all", "hmm no", "no lol", "hmm idk, not really"]

# The user fixes a word they mistyped in their own last message.
SELF_FIX = [
    "*{w}",
    "{w}*",
    "i meant {w} lol",
    "oops, {w}",
    "sorry, {w}*",
    "typo, i meant {w}",
    "*{w} sorry",
    "ugh autocorrect, {w}",
]

BOT_AFTER_SELF_FIX = [
    "No worries, I knew what you meant!",
    "Haha, no problem.",
    "I figured!",
    "All good!",
    "No worries.",
    "Happens to everyone!",
]

BOT_AFTER_COMMENT = [
    "Thanks!",
    "Haha yeah, I love it.",
    "Right? It's the best.",
    "It really is!",
    "Thank you, I think so too.",
    "Ha, yeah.",
]

USER_COMMENT = [
    "thats awesome",
    "oh nice",
    "cool!",
    "lol nice",
    "thats so cool",
    "oh thats fun",
    "sounds nice",
    "love that",
    "awesome",
    "ha cool",
    "thats really cool",
    "nice!!",
]

# --- Bot replies that go wrong ----------------------------------------------------------------

# A bland non-answer to a real question.
GENERIC_CHAT = [
    "That's cool.",
    "I see.",
    "Interesting!",
    "Oh nice.",
    "Haha yeah.",
    "That's a good question.",
    "Hmm, I'm not sure.",
    "Okay!",
    "I know, right?",
    "Cool cool.",
    "Wow.",
    "Yeah, totally.",
    "That's great!",
    "Fair enough.",
    "Good point.",
    "Nice!",
    "Mhm.",
    "That's a tough one.",
    "I hear you.",
    "Great question!",
    "Ha, yes.",
    "Oh wow, yeah.",
    "That's so true.",
]

GENERIC_TASK = [
    "Okay.",
    "Sure thing.",
    "I understand.",
    "Noted.",
    "Got it.",
    "Thank you for your message.",
    "I can help with that.",
    "Alright!",
    "Thanks for letting me know.",
    "I see.",
    "Certainly.",
    "Good question.",
]

# A jump to something unrelated, in the middle of a chat.
OFF_TOPIC_CHAT = [
    "I just finished a 1000-piece puzzle!",
    "Do you like the color green?",
    "My favorite season is autumn. What's yours?",
    "Have you ever been to a water park?",
    "I think pineapples are underrated.",
    "I had the weirdest dream last night about penguins.",
    "Do you believe in aliens?",
    "I'm thinking of learning to juggle.",
    "What's your favorite dinosaur?",
    "My neighbor just bought a trampoline.",
    "Do you like rollercoasters?",
    "I could really go for some pancakes right now.",
    "I've been trying to learn origami.",
    "Have you ever seen a shooting star?",
    "My car needs new tires.",
    "I love the smell of rain.",
    "What's your zodiac sign?",
    "I think I'm going to dye my hair blue.",
    "Do you play any board games?",
    "Clouds are pretty cool when you think about it.",
    "I once ate twelve tacos in one sitting.",
    "Do you think robots will ever dance?",
    "My grandma makes the best soup.",
    "I can't decide what to have for lunch tomorrow.",
    "Have you ever tried ice skating?",
    "I wonder what fish think about.",
]

OFF_TOPIC_FACTS = [
    "By the way, do you like cooking?",
    "Have you ever tried rock climbing?",
    "My favorite planet is Saturn, because of the rings.",
    "Let's talk about volcanoes instead!",
    "Did you know that bananas are technically berries?",
    "Speaking of nothing, what's your favorite color?",
    "The Eiffel Tower is in Paris.",
    "I've always wanted to learn the violin.",
    "Do you prefer mountains or beaches?",
    "Honey never really goes bad if you store it well.",
    "What's the last movie you watched?",
    "Have you ever been on a hot air balloon?",
    "Chess is a great way to pass a rainy afternoon.",
    "Do you have a favorite holiday?",
]

OFF_TOPIC_TASK = [
    "By the way, what's your favorite movie?",
    "Did you know octopuses have three hearts?",
    "I love rainy days like this.",
    "Have you tried our new recipe of the week? It's lasagna!",
    "Do you enjoy gardening?",
    "Here is a fun fact: the shortest war in history lasted under an hour.",
    "What's your favorite color?",
    "I hope you're having a lovely week!",
    "Would you like to hear a joke?",
    "Our app now has a dark mode!",
    "Here are today's top news stories.",
    "Cats sleep for around 15 hours a day.",
]

# Broken replies: ungrammatical or meaning nothing.
NONSENSE_CHAT = [
    "I am the going to the happy of my yes.",
    "My favorite food is Tuesday.",
    "I work as a dog in the mornings.",
    "The sky is my sister's favorite number.",
    "I like to swim in the hiking.",
    "Because is the blue when you eat it.",
    "Yes no maybe the because of.",
    "I have three, no, the cat is my job of.",
    "That is why my shoes are so loud at the library.",
    "When I was a sandwich I lived by the sea.",
    "The for and the and of the with.",
    "Me too, I also am a potato in my free time.",
    "Yes! I drive my piano to work every day.",
]

NONSENSE_TASK = [
    "Your booking has been booked to the reference of people.",
    "There is availability with not available for the time.",
    "I have found 0 results. Here is the first result.",
    "Please confirm the confirmation of your confirmed request confirmation.",
    "The time is a day for the number at the place.",
    "Yes, the, for you, at, okay.",
    "Booking the for people at reference time.",
    "Your request is now cancelled successfully booked.",
]

# Short openers a chit-chat bot puts before its own question when it skips the user's.
SKIP = ["Haha.", "Lol.", "Hmm.", "Anyway!", "Ha.", "So,", "Anyways,", ""]

# Put before an opinion a chit-chat bot offers.
OPINION_LEAD = ["", "", "", "Honestly, ", "Random thought, but ", "Unpopular opinion: ", "Hot take: "]

# Put before a question the bot asks although the user already answered it.
ASK_AGAIN_LEAD = ["", "", "So, ", "By the way, ", "Oh, ", "Tell me, ", "Quick question: ", "Hmm, "]
