"""How the chatbot errs and how people react, in the dialog set; and the many user turns that
look like feedback but answer a turn that was fine."""

from __future__ import annotations

NONSENSE = [
    "The moon is a fridge for my thoughts.", "Yes I am ten cats.", "Purple is faster on Tuesdays.",
    "I enjoy my bicycle's opinions.", "That sounds like a spoon.", "My favourite number is cheese.",
    "Absolutely, the clouds agreed.", "Is it blue? I think it's Wednesday.", "We should ask the carpet.",
    "Of course, I was born in a teapot.", "Sure, sixteen elephants.", "The answer is the window.",
    "I like to eat the weather.", "Maybe, if the piano permits.", "Yes and also the doorbell.",
    "Banana is my last name.", "Let's paint the sound.", "It happened before tomorrow.",
    "I am fine with the triangle.", "Singing rivers don't count.", "No, the soup is sleeping.",
]
IGNORING = [
    "That's cool.", "What do you like to do for fun?", "I love chatting with you!", "Interesting. What's your "
    "favourite colour?", "Tell me something about yourself.", "Haha, nice.", "Do you have any hobbies?",
    "I see. What's the weather like where you are?", "Cool cool.", "Okay! Anything else on your mind?",
    "I like talking to people.", "That's nice to hear.", "Have you had lunch yet?", "What's your favourite season?",
    "Good to know!", "Sounds fun.", "Let's talk about something else.", "I'm doing great, thanks for asking!",
    "Right.", "Hmm, okay.",
]

# Pointing out an error without saying what is right, by the kind of error.
POINT_OUT = {
    "ignored": ["you didn't answer my question", "that's not what I asked", "um, I asked you something",
                         "can you answer the question?", "you ignored my question", "that wasn't my question"],
    "wrong_fact": ["that's wrong", "no, that's not right", "I don't think that's correct", "pretty sure that's wrong",
                   "nope", "that's incorrect", "wrong.", "no it isn't"],
    "off_topic": ["what does that have to do with anything?", "we were talking about something else", "random",
                  "that's off topic", "why are you talking about that?", "huh, where did that come from"],
    "repeated": ["you already said that", "you just said the same thing", "you're repeating yourself", "déjà vu",
                 "same answer again?", "you said that already"],
    "nonsense": ["that makes no sense", "what??", "are you ok?", "lol what", "that's gibberish",
                 "are you broken"],
    "forgot": ["I already told you", "I just said that", "we covered this", "did you forget?",
               "you asked me that already", "I literally just told you"],
}
# Correcting it: {prev} is the user's previous message, {answer} their earlier answer.
CORRECT = {
    "ignored": ["I said: {prev}", "my question was: {prev}", "please answer this: {prev}",
                "you didn't answer. {prev}"],
    "off_topic": ["we were talking about {topic}", "I said {prev}", "back to {topic} please"],
    "repeated": ["you said that already, I asked {prev}", "same answer again, my question was {prev}"],
    "nonsense": ["what? I asked {prev}", "that's nonsense. {prev}"],
    "forgot": ["I told you, {answer}", "{answer}, I said that already", "as I said, {answer}"],
}
CLARIFY = ["what do you mean?", "huh?", "sorry?", "what are you talking about?", "??", "come again?",
           "I don't follow", "meaning?", "what?", "can you explain?", "what do you mean by that", "say again?"]
REPEAT = ["{prev}", "{prev}", "{prev}", "I asked, {prev}", "again: {prev}", "{prev}??", "hello? {prev}",
          "ok but {prev}"]

# Looks like feedback, follows a fine turn.
SURPRISE = [
    "really? that's interesting", "no way!", "haha no", "wait, seriously?", "you're kidding", "huh, I didn't know "
    "that", "what? how?", "no!", "that can't be true", "get out", "wow really?", "is that true?", "are you sure?",
    "hmm, I doubt it", "lol what", "nooo", "seriously? tell me more", "wait what", "that's wild",
    "are you making that up?", "what do you mean? tell me more",
]
CLARIFY_GOOD = ["what do you mean by that? tell me more", "how so?", "what do you mean?", "why?", "in what way?",
                "like how?", "go on", "explain?", "such as?", "wdym"]
DISAGREE = ["no, I don't think so", "nah, I disagree", "hmm, not for me", "I don't agree at all",
            "no way, it's overrated", "meh", "not really", "haha no", "no, I found it boring", "nope, not my thing"]
DISAGREE_REPLY = ["Fair enough, everyone's different!", "That's fair.", "Totally understandable.",
                  "Ha, fair point.", "Okay, each to their own!"]

# The bot's replies once told about an error.
SORRY = ["Sorry! ", "You're right, sorry. ", "My mistake. ", "Oops, sorry about that. ", "Apologies. ", ""]
MEANT = ["Sorry, I meant: ", "Let me say that better: ", "What I meant is: ", "Sorry, to answer properly: "]
SORRY_FORGOT = ["Sorry, you did tell me. ", "Right, you said that, sorry. ", "Of course, my bad. "]

LEADS = ["", "", "", "", "anyway, ", "ok. ", "cool. ", "btw ", "changing the subject, ", "so ", "also "]
THANKS = ["thanks!", "thank you", "great, thanks", "perfect", "cool thanks", "ty"]
WELCOME = ["You're welcome!", "Anytime!", "Happy to help.", "No problem!"]
