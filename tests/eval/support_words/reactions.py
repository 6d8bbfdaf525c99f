"""How users react in a support chat, and how the bot answers them back.

Pools are large on purpose: a detector that learnt a handful of phrases should not find
these by luck. Some reactions are in Spanish, German, French, Portuguese or Italian.
"""

from __future__ import annotations

# Asking for a person: direct, terse, polite, angry, indirect.
ESCALATE = [
    "connect me with support staff", "agent. human. now.", "can a real person look at this",
    "I want to talk to a human", "Let me speak to someone", "representative", "talk to agent",
    "Is there anyone I can actually talk to?", "get me a real person please", "operator",
    "I'd like to speak with a customer service representative.", "Please transfer me to a live agent.",
    "can i chat with an actual person", "put me through to someone who can help", "human please",
    "I need to speak to a manager", "you're a bot, right? I want a person", "Can someone from your team call me?",
    "Is there a phone number where I can reach a human being?", "live chat with staff pls",
    "Could you pass me to one of your colleagues?", "escalate this please", "I want this escalated to a supervisor",
    "real human. not a bot.", "How do I reach an actual support person?", "speak to someone",
    "connect me to customer care", "talk to a person", "i need a human being to sort this out",
    "can you get somebody from support on this", "Transfer me.", "Please have a person contact me by email",
    "Stop. I want a real agent.", "Is a person available?", "give me someone who knows what they're doing",
]
ESCALATE_OTHER = [
    "quiero hablar con una persona", "¿Me pasas con un agente, por favor?", "Ich möchte mit einem Mitarbeiter "
    "sprechen", "Bitte verbinden Sie mich mit einem Menschen", "je veux parler à un conseiller",
    "Est-ce que je peux parler à quelqu'un ?", "quero falar com um atendente", "posso parlare con un operatore?",
]

# Annoyance at the bot's last answer.
FRUSTRATED = [
    "this is useless", "Are you even reading what I write?", "seriously??", "ugh", "wow. great help.",
    "You keep giving me the same canned answer", "this bot is a joke", "what a waste of time",
    "ffs", "I'm losing my patience here", "that makes no sense", "Not helpful at all.", "I am so done with this",
    "why is this so hard", "just answer the question", "nope, wrong again", "that doesn't answer anything",
    "I'm getting really annoyed", "omg you're not listening", "Are you kidding me?", "this is ridiculous",
    "you're going in circles", "That's not even close.", "come on...", "Terrible. Just terrible.",
    "I've asked three times now", "are you broken?", "jfc", "Useless bot", "why do you keep saying that",
    "that's not what I asked!!!", "No no no. Read my question again.", "this is driving me crazy",
    "you clearly don't understand", "pathetic", "I give up on this thing",
]
FRUSTRATED_OTHER = [
    "esto no sirve para nada", "no entiendes nada", "das hilft mir überhaupt nicht", "so ein Quatsch",
    "ça ne répond pas à ma question", "c'est nul", "não foi isso que eu perguntei", "non serve a niente",
]

# Leads a user may put before saying the same request in other words.
REPHRASE_LEADS = ["", "", "", "", "ok, ", "hmm. ", "Let me try again: ", "In other words: ", "I'll rephrase. ",
                  "ok so ", "Sorry if I was unclear. ", "what i mean is ", "Let me ask differently. ", "no, ",
                  "I mean ", "Again: "]

THANKS_END = [
    "thanks!", "perfect, thank you", "great, that's all I needed", "ty", "thx", "Cheers!", "awesome thanks so much",
    "that worked, thank you!", "ok got it. thanks", "Thank you, have a nice day", "brilliant, sorted",
    "much appreciated", "you're a lifesaver", "that's exactly what I needed", "great help, thanks", "ok cool",
    "thank u", "Many thanks.", "Perfect.", "all good now, thanks", "Yes that fixed it, thanks a lot",
    "gracias!", "danke schön", "merci beaucoup", "obrigado!", "thanks, bye", "Super helpful, thank you!",
]
THANKS_REPLY = ["You're welcome! Anything else I can help with?", "Glad I could help. Have a great day!",
                "Happy to help!", "Anytime. Take care!", "You're welcome."]

# "thanks, one more question" and the like: a satisfied user going on to something new.
THANKS_MORE = [
    "thanks, one more question: ", "Great, thank you. Also, ", "perfect. another thing - ", "ok thanks! and ",
    "Got it. One more: ", "cool, and while I have you: ", "thanks. quick follow-up: ", "Ah ok. ",
    "That helps. Next question: ", "ty! also ", "Nice, thanks. Different topic: ", "Good to know. ",
    "Okay, that's clear. ", "great. ", "Perfect, and ",
]

# A user who wants the same thing explained again, in more detail, after a good answer.
DETAIL_LEADS = [
    "Can you explain that in more detail? ", "sorry, I'm not very techy. ", "ok but step by step please: ",
    "Could you go through that again more slowly? ", "I got that, but can you be more specific? ",
    "hmm, can you elaborate? ", "a bit more detail please: ", "Thanks. Just to be sure I understand: ",
    "Can you walk me through it? ", "ok, so to be clear: ", "More detail please. ",
]
DETAIL_TAILS = ["", "", " I want to make sure I get it right.", " Like what exactly happens?",
                " Please explain like I'm 80.", " Sorry for asking again!"]

# Saying no to a question the bot asked: looks negative, is not about the answer.
DECLINE = [
    "no", "no thanks", "nope", "No, that's fine.", "no, leave it", "nah, all good", "No thank you", "not now",
    "no need", "no, I'm good", "Nope, that's it", "no don't", "No. Thanks though.", "no, not this time",
    "no gracias", "nein danke", "non merci", "no, that won't be necessary", "no, just that", "no it's ok",
]

# The bot's replies when a user vents: apologies, then usually another attempt.
APOLOGY = ["I'm sorry for the trouble. ", "Sorry about that. ", "I apologise for the confusion. ",
           "I understand, let me try again. ", "Sorry, my mistake. "]

THUMBS_DOWN_COMMENTS = [
    "wrong", "not what I asked", "didn't help", "the amount is wrong", "info is outdated", "useless",
    "This is incorrect", "answer doesn't match my account", "bot made this up", "no", "didn't fix my problem",
    "confusing", "", "", "", "",
]
THUMBS_UP_COMMENTS = ["", "", "", "quick and clear", "great", "thanks!", "helpful", "solved it"]

GREETINGS = ["", "", "", "", "", "hi ", "Hi, ", "hello, ", "Hey - ", "Good morning. ", "hi there. ", "Hello! ",
             "hiya, ", "Hi team, ", "Evening. "]
TAILS = ["", "", "", "", "", "", " thanks", " pls", " Thanks in advance!", " asap please", " (on the app)",
         " I've been trying to figure this out for ages.", " it's urgent", " ty", " Thank you!",
         " I'm asking for my dad, he's not great with computers.", "??", " help"]

# Replies to a message the bot cannot place, and nudges after a silence.
CONFUSED = ["Sorry, I didn't quite get that. Could you rephrase?", "I'm not sure I understand. Can you tell me "
            "more?", "Could you give me a bit more detail about what you need?"]

# Questions in other languages, with the intent (domain, key) they belong to.
OTHER_ASKS = {
    ("saas", "password_reset"): ["¿Cómo restablezco mi contraseña?", "Ich habe mein Passwort vergessen, was tun?",
                                 "mot de passe oublié, comment le réinitialiser ?"],
    ("bank", "balance"): ["¿Cuál es mi saldo?", "cuánto dinero tengo en la cuenta"],
    ("bank", "lost_card"): ["perdí mi tarjeta, bloquéenla por favor"],
    ("telecom", "roaming"): ["¿Mi plan funciona en {country}?", "¿cuánto cuesta el roaming?"],
    ("telecom", "data_left"): ["¿cuántos datos me quedan?"],
    ("airline", "flight_status"): ["¿El vuelo {flight} sale a tiempo?", "Le vol {flight} est-il à l'heure ?",
                                   "o voo {flight} está atrasado?"],
    ("airline", "baggage"): ["¿Cuánto cuesta facturar una maleta?", "combien coûte un bagage en soute ?"],
    ("pharmacy", "refill"): ["necesito resurtir mi receta {rx}"],
    ("pharmacy", "store_hours"): ["¿a qué hora cierra la farmacia de {city}?"],
    ("saas", "export"): ["Wie exportiere ich meine Rechnungen als CSV?", "comment exporter mes factures ?"],
}
