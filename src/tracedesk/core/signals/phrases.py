"""What users write when an answer failed them: patterns for escalation, frustration,
rephrasing and closing a conversation, and a word-level similarity of two questions.

Patterns are matched against the user's own message (the trace input), lower-cased.
They are deliberately specific: "is this safe for human consumption?" and "what is the
address of human resources?" are not requests for a human. What answers say is read by
:mod:`.answer_phrases`.
"""

from __future__ import annotations

import re

_PERSON = (
    r"(?:a |an |some |one |your )?(?:real |actual |live |human |another |other )?"
    r"(?:person|human(?: being| agent)?|agent|representative|rep|operator|manager|supervisor|"
    r"someone|somebody|staff|employee|support staff|customer (?:service|support)(?: rep(?:resentative)?)?)"
)
ESCALATION = re.compile(
    r"\b(?:"
    rf"(?:talk|speak|chat|connect me|get me through|put me through|pass me(?: on| over)?)(?: to| with)? {_PERSON}\b"
    # ...or to one of the bot's colleagues ("pass me to one of your colleagues"; not "bring a
    # colleague to the workshop", nor "chat with a colleague in Teams").
    r"|(?:talk|speak|connect me|put me through|pass me(?: on| over)?) (?:to|with) (?:one of )?your colleagues?\b"
    # (Not what others want, nor whom the user will call: "they want someone organised",
    # "its all of them so ill call someone".)
    r"|(?<!they )(?<!he )(?<!who )(?<!people )(?<!ll )(?<!will )(?<!i'll )"
    rf"(?:get|give|find|bring|need|want|request|call) (?:me )?{_PERSON}\b(?! (?:consumption|resources|rights|error))"
    # (not a service asked for: "can u also find someone to dry the floor out")
    r"(?! to (?!(?:talk|speak|chat|call|contact|help|look|check|review|deal|sort)\b)\w)"
    r"|transfer (?:me|this)|put me through\b"
    r"|escalate (?:this|my|it)|^\W*escalate\W*(?:please|pls|now)?\W*$"
    # A call from a person: "call me back", "I want a callback", "have an agent call me".
    r"|(?:^\W*|please |(?:can|could|would) (?:you|someone|somebody) |(?:someone|somebody|agent|person|human|rep"
    r"|representative) (?:to |please |can |could |should )?)call me back\b"
    r"|(?:want|need|request|get|schedule|book|arrange|have) (?:a |an )?(?:phone )?call ?back\b"
    rf"|have {_PERSON} (?:call|contact|phone|ring) me\b"
    rf"|(?:is there|are there|can i get|could i get|can i have) {_PERSON}\b(?! (?:consumption|resources))"
    r"|human (?:agent|support|help|please)"
    r"|(?:stop|enough)[^.?!]{0,30}\bbot\b"
    r"|not (?:a|this) (?:bot|robot|machine)"
    # A bare plea: "agent. human. now.", "representative!", "real person please".
    r"|^\W*(?:(?:a |an |the )?(?:real |live |actual )?(?:human|agent|person|representative|operator|rep)\b\W*"
    r"(?:please|pls|now|asap|!)?\W*){1,3}$"
    # ...and in the languages of the meaning examples, with a verb of asking: "hablé con una
    # persona" (I spoke to one) and "mein Berater hat gesagt" ask for nobody.
    # ("quiero una persona que me quiera", "je ne veux parler à personne", "ich möchte
    # Menschen helfen" ask for no one.)
    r"|(?:hablar|comunicarme) con (?:una |un |algún |alguna )?(?:persona|humano|agente|operador|operadora|"
    r"representante|asesor|asesora|alguien)"
    r"|(?:quiero|necesito) (?:un agente|un operador|un representante|un asesor)"
    r"|(?:quiero|necesito) (?:una persona|un humano)(?! que\b(?! me (?:atienda|ayude)))"
    r"|(?:p[aá]s[ae]me|me pasas|me puedes pasar|me podr[ií]as pasar) (?:con )?(?:una persona|un humano|un agente|"
    r"un operador|alguien)"
    r"|parler (?:à|a|avec) (?:(?:un |une |un vrai |une vraie )(?:humain|être humain|personne|conseill(?:er|ère)|"
    r"agent|opérateur)|quelqu'un)"
    r"|passez[- ]moi (?:un |une )?(?:humain|conseill(?:er|ère)|agent|opérateur|quelqu'un)"
    r"|je (?:veux|voudrais) (?:un |une )?(?:humain|conseill(?:er|ère)|vraie personne|vrai humain)"
    r"|mit (?:einem|einer) (?:echten |richtigen )?(?:menschen|mitarbeiter(?:in)?|berater(?:in)?|"
    r"kundenberater(?:in)?|person|agenten)\s+(?:\w+\s+)?(?:sprechen|reden|verbinden|verbunden werden)"
    r"|verbinden sie mich|mit (?:einem |einer )?(?:echten |richtigen )?(?:menschen|mitarbeiter(?:in)?|berater(?:in)?) "
    r"verbinden|(?:ich will|ich möchte|ich hätte gern) (?:einen|eine) (?:echten |richtigen )?(?:menschen|"
    r"mitarbeiter(?:in)?|berater(?:in)?)(?=\W*$|\W+(?:bitte|sprechen|jetzt)\b)"
    r"|falar com (?:um |uma |algum |alguma )?(?:atendente|pessoa|humano|agente|operador|alguém)"
    r"|(?:quero|preciso de) (?:um |uma )?(?:atendente|operador|pessoa real|humano(?! que\b))"
    r"|parlare con (?:un |una |un' )?(?:operatore|operatrice|persona|umano|essere umano|agente|qualcuno)"
    r"|(?:voglio|vorrei) (?:un |una )?(?:operatore|operatrice|persona reale|umano(?! (?:che|come)\b))"
    r")",
)
NOT_ESCALATION = re.compile(r"human (?:consumption|resources|rights|error|body|skin|use)|for humans|human-\w")

# What may come before a message's only words, "wrong" or "not correct": "um, wrong", "no,
# that's not right", "just wrong".
_JUDGEMENT_LEAD_IN = r"^\W*(?:(?:no|nope|um+|uh+|so|totally|completely|just|all|that's|thats|it's|its)\W+)*"
# ...and what may come after them: a laugh ("wrong lol").
_JUDGEMENT_TAIL = r"\W*(?:(?:lol|haha|lmao)\W*)?$"
# What may come before the user's temper told as the whole message: "ugh, I'm so done with this".
_TEMPER_LEAD_IN = r"^\W*(?:(?:ugh+|ok(?:ay)?|honestly|seriously|look|omg|wow|god)\W+)*"
# ...and before the user's "i told you" or "i said": "bro i told you, gas station".
_TOLD_YOU_LEAD_IN = r"^\W*(?:(?:no|but|um+|uh+|wait|lol|bro|dude|omg|ugh)\W+)*"
FRUSTRATION = re.compile(
    r"\b(?:"
    r"(?:that|this|it)(?:'s| is| was)? (?:not|n't) what i (?:asked|meant|said|wanted)"
    # (not said of what may be: "if it could explain why it's wrong when it's wrong")
    r"|(?<!\bwhen )(?<!\bif )(?<!\bwhy )(?<!whether )"
    r"(?:that|this|it|your answer)(?:'s| is| was) (?:wrong|incorrect|inaccurate|not (?:right|true|correct|accurate)"
    r"|useless|unhelpful|nonsense|gibberish)"
    # ("80 kg?? that can't be right", "that phone number doesn't look right")
    r"|(?:that|this|it|which|those|these)(?: \w+){0,2}?(?:'s| is| was)? (?:can't|cannot|can not|doesn't|does not|don't"
    r"|do not|isn't|is not)(?: possibly| even)? (?:be |look |sound |seem )?(?:right|correct)\b"
    r"(?!\W*(?:can|could|is|does) (?:it|that)\b)"  # ("that can't be right... can it?" marvels)
    # Advice called bad, or doubted: "uh that sounds like a terrible idea", "pretty sure thats the
    # opposite", "lmao pretty sure i cant do that".
    r"|(?:that|this|it) (?:sounds|seems) like (?:a )?(?:terrible|bad|horrible|awful|dumb|stupid|dangerous) idea"
    r"|pretty sure (?:that's|thats|that is|it's|its|it is) (?:not|the opposite|wrong|incorrect|false)\b"
    r"|pretty sure (?:i|you|we) (?:can't|cant|cannot|shouldn't|shouldnt)\b"
    # Rudeness called out: "that was uncalled for", "wow rude", "ok rude", "excuse me?"
    r"|^\W*(?:(?:wow|um+|uh+|ok|okay|well|hey|excuse me)\W+)*(?:that was|that's|thats|that is) uncalled for"
    r"|^\W*excuse me\s*[?!][?!\s]*$"  # (said to a rude answer; "excuse me, where is..." asks)
    r"|(?<!he's )(?<!she's )(?<!they're )(?<!he is )(?<!she is )"  # (not "wow he's so rude", of someone else)
    r"(?:how|so|very|wow|kinda|bit|that's|that is|that was|you're|you are|ur|^ok|^okay|^um+|^uh+)(?:\W+ok)?\W+rude"
    # (the whole message, or its first sentence or clause: "wow rude. to the hilton", "ok rude but what about...")
    r"(?:\W*(?:lol|haha))?(?:\W*$|[.!]+\s|,?\s+but\b)"
    r"|i (?:don't|do not) think (?:that's|that is|this is|it's|it is) (?:correct|right|true|accurate)\W*$"
    r"|(?:you|u) (?:got|have|had) (?:that|it|this|(?:the|my) \w+) wrong"
    r"|(?:you're|you are|you) (?:not|n't) (?:listening|reading|understanding|helping|getting it"
    r"|answering (?:my|the) question)"
    r"|(?:are|r) you (?:even (?:listening|reading)|listening to me|reading (?:my|what i)|kidding me)"
    # ("i literally said no eggs", not "yeah i literally asked for billie")
    r"|i (?:already|just) (?:told|gave|said|asked|explained|sent)|i literally (?:said|told)"
    r"|i told (?:you|u) (?:already|before|twice|no|yes)\b"
    # ("just answer the q 🙄", "lol it was sarcasm", "i was being sarcastic")
    r"|\bjust answer (?:the|my) (?:q|question)\b|\b(?:it|that) was sarcasm\b|\bi was (?:being )?sarcastic\b"
    # ("bro i asked u that", "i told u no lol", "i thought u were in nursing school")
    r"|\bi (?:asked|told) (?:you|u) (?:that|this)\W*(?:lol|haha|bro|dude)?\W*$|^\W*i told u\W*$"
    # ("i asked you to tell me something. lol", "yeah but i need the actual recipe lol")
    # (not "Remember I asked you to recommend a book? I loved it!", "now i want the actual wine pairing too")
    r"|(?<!remember )(?<!when )\bi (?:literally |just |already )?asked (?:you|u) (?:to|for)\b"
    r"(?!.*\b(?:worked|loved|thanks|perfect|great)\b)"
    r"|(?<!do you )(?<!now i )\b(?:need|want|asked for|give me|gimme) the actual\b(?!.*\b(?:too|also|as well|now)\b)"
    r"|\bi thought (?:you|u) (?:were|was|said|had|lived|worked|liked|loved|hated|didn't|did not|don't|do not|"
    # (not "i thought you were just a bot but you are nice", nor the "you" of anyone: "i thought
    # you had to do front crawl")
    r"are|have|live|work)\b(?! to\b)(?!.*\b(?:but|and)\b)"
    # ...what the user said before, said again or put back: "i said im allergic to nuts??", "you
    # said 25 a minute ago" ("Poland, I said Poland.": SAID_IT_AGAIN)
    r"|\bi (?:said|told (?:you|u)) [^.?!]{1,40}\?\?"
    r"|\b(?:you|u) said [^.?!]{1,30} (?:before|earlier|a (?:minute|second|sec) ago|last time)\b(?![^.?!]*\bso\b)"
    r"|(?:you|u) (?:don't|dont|do not|never) listen\b"
    # ("You told me Shawshank two minutes ago", "Thought you were vegetarian??", "That's not really
    # making me feel better", "You can't know that, dear.", "close but nope", "Sounds unlikely
    # honestly", "Not sure what that means", "I didn't get in. That's the whole point")
    r"|\b(?:you|u) (?:said|told me) [^.?!]{1,30} (?:(?:\w+ )?(?:minutes?|mins?|seconds?|secs?) ago)\b"
    r"|^\W*thought (?:you|u) (?:were|was|said|had|didn't)\b|(?:not|isn't|doesn't|didn't) (?:really )?"
    r"(?:making|make|made) me feel (?:any )?better|(?:you|u) (?:can't|cannot|can not) (?:know|promise|say) that\b"
    r"|\b(?:close|nice try|good try) but (?:no|nope|wrong)\b"
    r"|^\W*(?:that |this |it )?(?:sounds|seems) (?:very |really )?(?:unlikely|made up|wrong|off)\b"
    r"|\bnot sure what (?:that|this|you) mean|\bthat'?s the (?:whole|entire) point\b"
    # ("bro you have goldfish memory", said to the bot; not "ugh goldfish memory" of one's own)
    r"|\b(?:you|u)(?:'ve| have|'ve got| got| has)? (?:the )?(?:goldfish memory|memory of a goldfish|goldfish brain)\b"
    r"|i (?:(?:literally|just|already) )*told you\W*+(?:lol|haha|lmao)?\W*+$"
    r"|i (?:(?:literally|just|already) )*told (?:you|u) (?:like |about )?(?:\w+ )?(?:minutes?|mins?|seconds?|secs?"
    r"|messages?) ago\b"
    # (sarcasm at a vague answer: "lol thanks , very specific")
    r"|(?:^\W*|\b(?:thanks|thank you|thx|ty|wow|ok|okay|lol|great|cool|gee)\W+)(?:very|super|so|really) specific\b"
    r"|(?:like|as) i (?:said|told you)(?: (?:already|before|earlier))?(?:\W*+$|[,.!])"
    # ...reminded of it: "biology, remember?", "I'm a twin, remember?" (not "do you remember?")
    r"|remember(?<=[\w,.] remember)(?<!you remember)(?<!\bu remember)(?<!do remember)"
    r"(?<!did remember)\s*\?"
    r"|(?:read|answer) (?:my|the) (?:question|message)"
    r"|(?:didn't|did not|doesn't|does not|don't|do not) (?:answer|help|make (?:any )?sense|address)"
    # Pointing out what the bot got wrong of the conversation itself.
    r"|what are you (?:talking|going) (?:about|on about)|(?:stop|you're|you are|you keep) repeating"
    r"|i (?:didn't|did not|never) (?:ask|say|mention)(?:ed)? (?:that|this|about)"
    r"|you (?:forgot|forget|don't remember|didn't remember|didn't read|did not read) (?:what|that|my)"
    r"|^no,? i (?:said|meant|told you)\b"
    # ("uh you haven't found me anything yet")
    r"|(?:you|u) (?:haven't|have not|havent|didn't|did not|didnt) (?:found|given|shown|booked)(?: me)? "
    r"(?:anything|any|a single)\b"
    r"|not helpful|not (?:very|really|that|too|super|particularly|so) (?:helpful|useful)(?:\W+(?:lol|tbh|honestly))*"
    r"\W*$|not what i need|no help at all"
    r"|waste of (?:my )?time|useless|ridiculous"
    # (the user's own frustration, or this one's: not "wait cats get frustrated from lasers??")
    r"|(?:^\W*|\b(?:i'm|im|i am|i get|i got|getting|so|this is|that's|thats|it's|its|how|very|really|super"
    r"|extremely|you're|you are|ugh|omg|just|a bit|kinda|kind of|pretty|honestly|feel|feeling|to get|is|was|quite"
    r"|too)\W+)frustrat"
    # The user's temper, as the whole message: "I'm getting really annoyed", "ugh, I'm so done
    # with this", "I've had enough" (not "so annoyed, the app won't load", nor "my phone keeps
    # dying, I'm sick of it", which tell of the product; nor "I'm done with this section,
    # what's next?" or "I've had enough time to think").
    rf"|{_TEMPER_LEAD_IN}(?:i'm|i am) (?:(?:getting|so|really|very|quite|just) )*"
    r"(?:annoyed|fed up|sick of (?:this|you))(?: with (?:this|you)(?: (?:bot|chat|conversation))?)?\W*$"
    rf"|{_TEMPER_LEAD_IN}(?:i'm|i am) (?:(?:so|really|just) )*done with (?:this|you)(?: (?:bot|chat|conversation))?\W*$"
    rf"|{_TEMPER_LEAD_IN}i(?:'ve| have) had enough(?: of (?:this|you|it))?\W*$"
    r"|wrong (?:answer|order|item|information|again)|still (?:wrong|not|no)\b"
    # ...or said in a word or two, as the whole message: "so wrong", "not correct", "bad answer"
    # (not "false", which answers a quiz).
    rf"|{_JUDGEMENT_LEAD_IN}(?:wrong|incorrect|not (?:correct|right|true)|(?:bad|incorrect|false) answer)"
    rf"{_JUDGEMENT_TAIL}"
    # ...or the bot called dumb, as the whole message after it missed: "see. dumb", "ur so
    # stupid" (not "nope. so stupid" of the user's own day).
    rf"|{_JUDGEMENT_LEAD_IN}(?:(?:see|bruh)\W+(?:so |really )?|(?:you're|youre|you are|ur|u r) (?:so |really |just )?)"
    rf"(?:dumb|stupid)(?: bot)?{_JUDGEMENT_TAIL}"
    r"|you (?:keep|kept) (?:saying|telling|asking|repeating)"
    # (not "...and i said absolutely not", told of someone else)
    r"|(?<!and )(?:i said|i asked)[^.?!]{0,40}\bnot\b"
    # Venting at the bot: not understood, going round, giving up, sarcasm, swearing.
    r"|(?:you|u) (?:clearly |obviously |just |still )?(?:don't|do not|didn't|did not) (?:understand|get (?:it|me))"
    r"|(?:going|go|went) (?:round |around )?in circles|driving me (?:crazy|nuts|mad|insane)"
    r"|i give up(?! on (?!you\b|u\b|this\b))"  # (not "no wonder i give up on them", of leeks)
    r"|(?:are|r) you (?:broken|stupid|a joke)|(?:this|that|the|you) (?:bot|chat|thing|assistant|app)?\s?(?:is|are) "
    r"(?:a joke|broken|hopeless|pointless|useless|terrible|awful|garbage|rubbish)"
    r"|is (?:this|the|that) (?:bot|chat|thing|assistant|app) (?:broken|a joke|useless|even working)"
    # (not "you've been a great help!")
    r"|thanks for nothing|(?<!been a )(?<!was a )(?<!were a )(?<!'re a )(?<!'s a )(?:great|big|real) help(?: there)?"
    r"[.!]*$"
    # What was told, pointed back at: "I did mention that I need free parking.", "Cheap, like I said."
    # (not "like i said in my email", said elsewhere)
    r"|(?:\bi did (?:mention|say|tell you)|\b(?:as|like) i (?:said|mentioned|told you))\b"
    r"(?!\s+(?:it\s+)?(?:in|on|to|at|over|via|by|during)\b)"
    # A dry "wow thanks", "gee, thanks a lot" (not "wow thanks!! that helps", glad)
    r"|^\W*(?:wow|gee|geez)\W+(?:ok\W+)?(?:thanks|thank you|thx)(?: a lot| so much)?(?:\s*[.]+\s*|\s*$)(?![^.!?]*!)"
    # ("terrible. just terrible.", "this is pathetic"; not "that's so awful" of a sad fact)
    r"|^\W*(?:(?:just|so|this is|absolutely|simply)\s+)?(?:terrible|awful|pathetic)[.!]*"
    r"(?:\s+(?:just|so|absolutely|simply)\s+(?:terrible|awful|pathetic)[.!]*)?\s*$"
    # ("seriously? tell me more" marvels; "she messaged me after like 'wtf'" tells another's)
    r"|\b(?<!['\"‘“])(?:ffs|wtf|jfc|omfg)\b(?!['\"’”](?!s\b))|^(?:come on\b|seriously\b(?!\?+ *\w))"
    # The answer called out as a dodge, as going too far, or as wide of what was asked: "nice
    # dodge", "be serious.", "that seems extreme for a toddler", "chess isn't exactly chaotic".
    # (Not of the user's own: "my kids aren't exactly morning people", "my boss was kind of harsh".)
    r"|\bbe serious\b|\b(?:nice|good) dodge\b|\bdodg(?:ed|ing) (?:the|my) question"
    # (said of what the answer said: "that seems...", or in a message that asks nothing, not
    # "skydiving sounds very dangerous, is it worth it?")
    r"|(?:^\W*|\b(?:that|this|it|which) |^(?=[^?]*$).*?\b)(?:seems|sounds) (?:a bit |kind of |pretty |way |really |"
    r"a little |super |very |so )?"
    r"(?:extreme|excessive|dangerous|unsafe|unhealthy)\b"
    r"|^(?!\W*(?:my|our|i|we|his|her|their|he|she|they|it|mine)\b)\W*[^\W\d_]+(?:\W+[^\W\d_]+)? "
    r"(?:isn't|is not|aren't|are not) exactly\b"
    # ...or says a joke of the bot's was not funny: "wow. that's not funny", "not funny".
    r"|^\W*(?:(?:wow|ugh|um+|uh+|dude|bro|seriously|ok)\W+)*(?:(?:that's|thats|that is|that was|so) )?not funny\W*$"
    # ("wow ok. bit harsh but i guess", not "he was a bit harsh honestly"; "i didnt understand
    # any of that", not "i dont understand this equation: 3x-5=10")
    r"|(?:^|[.!?]\s+)\W*(?:(?:wow|ok|okay|um+|uh+|hmm+)\W+)*(?:that's |thats |that was |that is |you're |youre "
    r"|you are )?(?:a )?bit (?:harsh|heartless|insensitive|mean)\b"
    r"|\bi (?:didn't|didnt|did not|don't|dont|do not) (?:understand|get) (?:any of (?:that|this|it)|what you "
    r"(?:said|meant|mean|wrote)\b|(?:that|this)\W*(?:lol|haha|lmao)?\W*$)"

    r"|(?:\b(?:that's|that was|that is|you're|you are|you were) |^\W*(?=a bit|kinda|kind of|pretty|so|really))"
    r"(?:a bit |kinda |kind of |pretty |so |really )?(?:harsh|heartless|insensitive)\b"
    # What was asked or told, put back after an echo of the answer: "thursday?? i said tomorrow
    # at 11:20", "2?? i need 4", "yeah but I asked about cup noodles", "did u even read what i
    # wrote", "cool?? thats all you have to say", "thursday?? i wanted friday". (Not "really? i
    # need to start hiking more".)
    r"|^\W*(?:(?:lol|lmao|haha|bro|dude|wait)\W+)?[^?\s]+(?: [^?\s]+)?\s*\?+\s*(?:(?:bro|dude|lol|lmao)\W+)?"
    r"(?:i said|i told you|i (?:need|wanted)(?! to\b))\b"
    # ...the same again, or are you there: "thats tener again 😂", "uh hello?? gluten free friend"
    r"|^\W*(?:that's|thats|that is|you gave me|you said) (?:\w+ ){0,2}again\b"
    r"|^\W*(?:(?:uh+|um+|erm)\W+)?hello\s*\?{2,}"
    r"|(?:^\W*(?:(?:yeah|yes|ok|okay|no|nah)\W+)?but |^\W*no\W+)i (?:asked|was asking) (?:about|for)\b"
    r"|\bdid you even read\b|\bdid you read (?:what i|my (?:message|question))"
    # ("did u miss the part where i said 250 max lol")
    r"|\b(?:did you (?:even )?(?:miss|skip|ignore)|you (?:missed|skipped|ignored)) (?:the (?:part|bit) (?:where|about)"
    r"|where i said|that i said|what i (?:said|wrote|told you))"
    r"|\bdid you (?:even )?(?:see|read|notice) the (?:part|bit) where i\b"
    r"|\b(?:that's|is that) all you (?:have to|can|got to) say\b"
    r"|\bare you (?:drunk|high(?! school)|malfunctioning|trying to (?:kill|poison) me)\b"
    # Saying the answer said nothing, went elsewhere, said the same again, or made no sense.
    # (Those that are also ordinary questions or remarks count only as the whole message:
    # "where did that come from?" alone, not "the 12.99 one, where did that come from?".)
    r"|(?:that's|that is|that was|this is) not (?:really |even )?an answer"
    r"|(?:that|this|it|your (?:answer|reply)) (?:doesn't|does not|didn't) tell me anything"
    r"|(?:you're|you are) not telling me anything|you ignored (?:my|the) question|(?:ok|okay),? but what'?s the answer"
    r"|^(?:(?:um+|uh+|erm|lol|hmm+|wait|ok|okay)\W++)?(?:where did (?:that|this) come from|how is (?:that|this) related"
    r"|what (?:does|do) (?:that|this|the \w+) have to do with (?:anything|my question|what i asked|it)"
    r"|(?:so |how )?random"
    r"|(?:that's |that is |this is |you're |you are |so )?off[- ]?topic|we (?:already )?went over this(?: already)?"
    r"|scroll up)\W*+(?:lol|haha)?\W*+$"
    r"|(?:that's|that is|that was|bit of a) (?:so |very |pretty |kinda )?random\b(?! question)"
    r"|^\W*(?:ok|okay|um+|uh+|lol|wow)\W+(?:so |very |pretty |kinda )?random[.!]+\s"  # ("ok random. dogs i guess?")
    r"(?!.*\b(?:love|like|fun|funny|cool|nice|good|great)\b)"
    # ...or steering it back to what the conversation was about: "back to the booking please",
    # "we were talking about movies" (not "I'm back to work tomorrow").
    r"|^\W*(?:(?:ok|okay|um+|uh+|anyway|so)\W+)*(?:(?:can we|could we|let's|lets) (?:get |go |come )?back to "
    r"(?:\w+\W*){1,3}|back to (?:\w+ ){0,2}\w+\W*(?:please|pls)\W*)$"
    r"|^\W*we were (?:talking|chatting) about (?:\w+\W*){1,3}$"
    r"|(?:you're|you are|why are you|stop) changing the subject"
    r"|same answer (?:as before|again)|you (?:already )?said that (?:already|before)"
    r"|(?:your )?(?:reply|answer|sentence) is (?:all )?(?:jumbled|broken|garbled)"
    r"|(?<!i'm )(?<!i am )not making (?:any )?sense|(?:makes|making|made) (?:no|zero) sense"
    r"|not (?:even )?a (?:real |proper |full |complete )?sentence|not even (?:in )?english"
    # ...that it was made up ("you're making stuff up"; not the surprised "are you making
    # that up?"), or that the bot forgot what the conversation said.
    r"|(?:you're|you are|your) (?:just |clearly |obviously )?(?:making (?:stuff|things|this|that|it) up|lying"
    r"|hallucinating)|you (?:just )?made (?:that|this|it|stuff|things) up"
    r"|did you (?:just |already )?forget\b|(?:you|u) (?:don't|do not|didn't|did not) remember\W*$"
    r"|(?:don't|do not) you remember|you (?:forgot|forget)\W*$"
    r"|(?:we|i) (?:already |just )?(?:covered|went over|discussed|talked about|been over|did) (?:this|that|it)"
    r"(?: already| before| earlier)?\W*(?:lol|haha|lmao)?\W*$"
    r"|i (?:already |just )?(?:mentioned|said|told you) (?:that|this|it) (?:already|before|earlier|above"
    r"|a (?:few|couple of) (?:messages|minutes) ago)"
    r"|\bi (?:said|told you|mentioned|gave you)\b[^.?!]{0,40}\balready\b"
    rf"|{_TOLD_YOU_LEAD_IN}i (?:told (?:you|u)|said)[,:]"
    # ...that it asked again, said again or said the opposite, or said nothing to the point.
    r"|you (?:already |just )?asked (?:me )?(?:that|this)(?: (?:already|before|earlier|twice))?"
    r"\W*(?:lol|haha|lmao)?\W*$|you (?:already |just )?asked (?:me )?(?:that|this) (?:already|before|earlier|twice)\b"
    r"|you (?:just )?said that(?: already| before)?\W*$|broken record\W*(?:lol|haha)?\W*$"
    r"|contradict(?:ing|s|ed)? (?:yourself|what you (?:just )?said)|you just said the (?:opposite|reverse)"
    r"|(?:you|u)(?:'re| are| r)? (?:totally |just |literally |completely )?chang(?:ing|ed) the (?:subject|topic)\b"
    r"(?! line)"
    # ("yeah you mentioned haha", "that's what you said a second ago lol", "you said vesuvius yourself")
    r"|(?:that's|thats|that is) what you (?:just )?said|you (?:already |just )?mentioned(?: that| it)?\b"
    r"|you said \w+ yourself|antes dijiste|te pregunt[ée]|j'ai demandé|je (?:te |vous )?demandais|tu m'[ée]coutes"
    r"|me escuchas|hörst du mir (?:überhaupt )?zu"
    # Advice or a reply called bad or hurtful: "lol that's terrible advice", "rude. I just never
    # learned it", "that's really hurtful", "how would that have helped??", "wow. thanks a lot"
    r"|(?:terrible|bad|awful|worst|horrible|dumb|stupid) advice|^\W*rude\b"
    r"|(?:that's|thats|that is|that was|so|really|very) (?:really |so |very )?(?:hurtful|offensive|insensitive)"
    r"|how (?:would|does|is|did|will) (?:that|this) (?:have )?help(?:ed)?\b"
    r"|^\W*wow(?:\.|\W+ok\b)\W*(?:thanks|thank you)(?: a lot| i guess)?[.\s]*$"  # (not "wow thanks!", which thanks)
    # ("ok no need to be rude about my uncle", "gee, if only it were that easy", "uh I'm pretty
    # sure they don't recommend that anymore", "2 minutes ago you said no", "I don't understand
    # last sentence", "uh sure? kinda random lol")
    r"|no need to be (?:so )?(?:rude|mean|harsh|snarky|like that)|if only it (?:were|was) that (?:easy|simple)"
    r"|pretty sure (?:they|it|that|you|this)(?:'re|'s| are| is)? (?:do |does |did |is |are |was )?"
    r"(?:not|n't|don't|doesn't|didn't|never|isn't|aren't|wasn't)\b"
    r"|\bago,? (?:you|u) (?:said|told me)\b(?![^.?!]*\bso\b)"  # (not "...you said no parking, so how much...")
    # ("uh, the one i said 10 seconds ago.", "i didnt ask for a beard trim??"; not "the hotel i
    # mentioned a few messages ago has a pool", "i didn't ask for a raise, they just gave me one!")
    r"|\b(?:the one |what |like )?i (?:just |literally )?(?:said|told you|mentioned|gave you) (?:like )?(?:\w+ ){0,3}"
    r"(?:seconds?|secs?|minutes?|mins?|messages?) ago\b(?! (?:has|have|is|was|had|are)\b)"
    # ("14:30? you said 22:30", "wait why did you book before asking")
    r"|\?+\s+(?:but )?(?:you|u) said\b|\bwhy (?:did|would) (?:you|u) (?:book|cancel|change|add|delete|send|order|"
    r"charge|remove|move|block|buy)\b"
    r"|i (?:don't|do not|didn't) understand (?:the |your |that |this )?(?:last |first |second )?"
    r"(?:sentence|part|answer|reply|message|bit)(?: of (?:it|that|yours|your (?:answer|reply|message)))?\W*"
    r"(?:lol|haha)?\W*$"
    r"|\b(?:kinda|kind of|pretty|bit|very) random\W*(?:lol|haha|tbh)?\W*$"
    # "south america you mean", "16 pieces no?": the right thing put back to the bot
    r"|(?<!do )(?<!did )\byou mean\W*$|\d[^?]*\bno\?+\W*$"  # (not the tag of "it is hard work no?")
    # ("u literally just said piano"; not "like you said earlier, it's walkable", agreement)
    r"|(?:you|u) (?:literally |just |already )+(?:said|named|told me|mentioned|listed)\b"
    r"(?!.*\b(?:sorry|my bad|what i was thinking)\b)"
    r"|none of (?:that|this|it) makes? (?:any )?sense|how (?:does|do|is|would) (?:that|this|any of (?:that|this)) "
    r"(?:make|making) (?:any )?sense"
    r"|nothing to do with (?:what i (?:said|asked|wrote)|my (?:question|message)|the question)"
    # ("But you told you are vegetarian??", "i said i live in Melbourne :(")
    # ("Earlier you said 1856, Smiljan. Which is it?")
    r"|\b(?:you|u) (?:said|told me|wrote)\b[^?]{0,60}\bwhich (?:one )?is it\W*$"
    r"|(?:you|u) (?:said|told(?: me)?) (?:you|u)(?:'re| are| were| was| had| have| did| do| didn't| don't| liked| love"
    r"| hate| lived| live)\b[^.!]*\?"
    # (not "i told u i would do it lol", a boast, nor "i said i think it's unfair", to someone)
    rf"|{_TOLD_YOU_LEAD_IN}i (?:(?:literally|just|already) )*"
    r"(?:said|told (?:you|u)) (?:that )?(?:i|i'm|im|my)\b"
    r"(?! (?:think|guess|would|will|could|can)\b)(?!'d|'ll)"
    # ("Didn't you just say you played the cello?", "That's what we've been talking about.", "I
    # told you in the first message", "lol u just copied me")
    r"|\bdidn'?t (?:you|u) (?:just )?(?:say|tell me)\b"
    r"|\bthat(?:'s| is|s) what (?:we've|we have|we were) (?:been )?(?:talking|discussing) about"
    r"|\bi told (?:you|u) (?:in|at) (?:the|my) (?:first|last|previous|earlier|other) (?:message|one)"
    r"|\b(?:you|u) (?:just )?copied (?:me|my|what i)\b"
    # ("Sorry, I don't understand why you say about cat now?")
    r"|\bi (?:don't|dont|do not) (?:understand|get) why (?:you|u) (?:say|said|are saying|talk|mention|bring|brought)\b"
    # ("??? i never said that", "it doesn't work like that lol", "that's not how it works")
    r"|\bi (?:never|didn't|didnt|did not) (?:said|say) (?:that|this|so|anything like that)\W*(?:lol|haha)?\W*$"
    r"|(?:^\W*(?:(?:lol|haha|um+|uh+|well|no|nah|bro)\W+)*|\b(?:it|that|this|things)\s+)"
    r"(?:doesn't|doesnt|does not|don't|dont|do not) (?:really )?work like that|\bthat(?:'s| is|s) not how "
    r"(?:it|this|that|things) works?\b"
    r"|^\W*(?:(?:no|nope|um+|uh+)\W+)?not what i (?:meant|asked|said|wanted|asked for)\b"
    # ...or what it should have said instead ("you could have said something about dogs").
    r"|you (?:could|should|might) have (?:just )?(?:said|asked|told|answered|mentioned|talked about|replied)"
    # ...and in the languages of the meaning examples.
    r"|no (?:me )?(?:sirve|ayuda)|eso no es lo que|ne (?:sert|répond) (?:à rien|pas)|c'est nul|n'importe quoi"
    r"|(?:hilft|bringt) (?:mir )?(?:nicht|überhaupt nicht|nichts)|quatsch|unsinn|das (?:ist|war) nicht"
    r"|ich ha(?:b|be) (?:doch |dich )?(?:nach|über) [^.?!,]{1,40} gefragt\W*$"
    r"|non (?:serve|mi aiuta|è quello)|não (?:foi isso|serve|ajuda|é isso)"
    r")",
)

# Words one of which each pattern above needs: a message with none of them is settled by
# a set lookup, without running the long patterns (most messages are).
WORD_CHARACTERS_ONLY = str.maketrans({c: " " for c in "0123456789.,;:!?¿¡'\"()[]{}-_/#$€£%*+"})
ESCALATION_NEEDS = frozenset("""
    person human humans agent representative rep operator manager supervisor someone somebody staff employee
    customer transfer escalate bot robot machine call callback through
    persona humano agente operador operadora representante asesor asesora alguien humain personne conseiller
    conseillère opérateur quelqu menschen mitarbeiter mitarbeiterin berater beraterin kundenberater
    kundenberaterin agenten verbinden atendente pessoa alguém operatore operatrice umano qualcuno colleague colleagues
    pasas pasar podrías podrias puedes
""".split())  # noqa: SIM905 (a word list reads best as words)
FRUSTRATION_NEEDS = frozenset("""
    actual
    asked meant said wanted wrong incorrect correct bad right true useless unhelpful nonsense listening reading
    understanding helping getting serious kidding told gave explained sent question message answer help sense address
    helpful need waste ridiculous frustrating frustrated frustration frustrates frustrate still keep kept specific
    understand get circles crazy nuts mad insane give broken stupid dumb joke hopeless pointless terrible awful garbage
    funny again hello
    rubbish nothing pathetic ffs wtf jfc omfg come seriously sirve ayuda eso sert répond nul importe hilft bringt
    quatsch unsinn das serve non não talking going repeating ask say mention forgot forget remember read
    anything ignored come have related random changing topic same went scroll gibberish jumbled garbled
    inaccurate accurate sentence english making made lying hallucinating covered discussed talked been mentioned
    already back talking chatting could should might answering record contradicting contradicts
    contradicted contradict opposite reverse annoyed fed sick done enough literally named listed gefragt uncalled
    subject changed rude excuse sounds seems pretty none sense mentioned yourself dijiste écoutes ecoutes
    drunk malfunctioning kill poison goldfish sarcasm sarcastic q
    escuchas hörst advice
    hurtful offensive insensitive helped wow mean no thought told pregunté pregunte demandé demandais useful listen
    need easy simple ago understand why better point unlikely close sure know work works copied discussing gee geez
    dodge dodged dodging extreme excessive dangerous unsafe exactly unhealthy harsh heartless drunk high
    malfunctioning asking miss skip saying talking found given shown booked picked chose chosen selected answered
    yes ok okay go give gave tell
""".split())  # noqa: SIM905


def asks_for_person(text: str, words: set[str]) -> bool:
    """The (lower-cased) message asks for a person; ``words``: its words, as
    :data:`WORD_CHARACTERS_ONLY` and ``split`` give them."""
    return (not ESCALATION_NEEDS.isdisjoint(words) and ESCALATION.search(text) is not None
            and NOT_ESCALATION.search(text) is None)


def complains(text: str, words: set[str]) -> bool:
    """The (lower-cased) message says the answer missed."""
    return ((not FRUSTRATION_NEEDS.isdisjoint(words) and FRUSTRATION.search(text) is not None)
            or PAUSES_FIRST.match(text) is not None or ("i said" in text and SAID_IT_AGAIN.search(text) is not None)
            or ("are you" in text and ASKS_IF_IT_IS_WELL.match(text) is not None)
            or (text[:12].lstrip(" .!").startswith("bz") and _BUZZER.match(text) is not None))


# A buzzer for a wrong answer, however long: "bzzzt. ottawa", "bzzzzzzt".
_BUZZER = re.compile(r"\W*bz+t\b")


# The whole message asks whether the bot is well, after what it said: "lol what? are you ok"
# (not "what time are you ok with?").
ASKS_IF_IT_IS_WELL = re.compile(r"\W*(?:(?:lol|lmao|haha|um+|uh+|wait)\W+)*what\W+are you (?:ok|okay|alright)\W*$")


# What the user said, said again: "Poland, I said Poland."
SAID_IT_AGAIN = re.compile(r"\b(\w{3,})\W+i said \1\b")
# A message that opens on a pause before what it tells again: "...im vegetarian", "...I work
# nights. that's why I'm awake" (not "...anyway").
PAUSES_FIRST = re.compile(r"\s*(?:\.{3}|…)\s*(?:i|im|i'm|it|its|it's|that|thats|that's|he|she|they|we|my|you|u)\b"
                          r"(?!\s*(?:guess|think|mean|dunno|suppose)\b)")


# A message that only says right or wrong ("wrong", "not correct"): a complaint, or the
# answer to the bot's own "right or wrong? what do you think?".
# ...which answers a question that asks for such a judgement ("right or wrong?", "true or
# false?", "what do you think?"), not "Have you ever been to Australia?".
ASKS_FOR_A_JUDGEMENT = re.compile(r"\b(?:right or wrong|true or false|correct or (?:not|incorrect)|what do you think"
                                  r"|(?:is|was) (?:it|that|this|he|she|they) (?:right|correct|true))\b")
JUDGES_RIGHT_OR_WRONG = re.compile(
    rf"{_JUDGEMENT_LEAD_IN}(?:wrong|incorrect|not (?:correct|right|true)|false){_JUDGEMENT_TAIL}")
# What a user says the answer did or left out, which the answer before may show they have
# wrong ("you haven't given me the phone number" after one that gave it): read with that
# answer (:func:`.reactions._points_out_a_miss`). A detail not given, a yes not said, a choice
# made already, a word of the request missed, a question taken for a request.
POINTS_OUT_A_MISS = re.compile(
    r"(?:you|u) (?:haven't|have not|havent|didn't|did not|didnt) (?:give|given|gave|tell|told|send|sent)(?: me)? "
    r"(?:the |a |an |any )?(?:train )?(?P<detail>contact|phone|reference|ref|address|postcode|price|confirmation"
    r"|total|details?|car|id)\b"
    r"|(?P<yes>i (?:didn't|did not|didnt|never) (?:say|said) (?:yes|ok|okay|go ahead))\b"
    r"|^(?P<picked>\W*(?:(?:uh|um|but|no|lol|wait|hey)\W+)*i already (?:picked|chose|chosen|selected|answered))\b"
    r"|did (?:you|u) (?:miss|skip|not see|not read|even read|even see) (?:the|my) (?:word|part|bit|line)"
    r"(?: about)? (?P<word>[\w']+)"
    r"|^(?P<asking>(?:no|nah|nope)\W+i(?:'m| am| was) (?:asking|saying|talking about))\b")
# A message that only says yes, to what the bot offered or asked to confirm: "yes", "ugh. fine
# yes", "go ahead please", "8 stars?? wow ok yes".
SAYS_ONLY_YES = re.compile(
    r"(?:[^.!?]{0,20}[?!]+\s*)?\W*(?:(?:ok|okay|ugh|fine|great|perfect|sure|cool|alright|wow|so|then)\W+)*"
    r"(?:yes|yep|yeah|ya|yup|sure|ok|okay|confirm(?:ed)?|correct|do it|go ahead|book it|oui)"
    r"(?:\W+(?:please|pls|thanks|thank you|do it|go ahead|book it|that's right|that's correct|correct))*\W*$")
# The user gives up on the answer: "never mind", "forget it", "nvm", "whatever, gotta go".
# Not "whatever's on the radio" or "whatever you like", which answer; nor "nah, never mind"
# to an offer, which declines it; nor "never mind, it works now": the user got there.
GIVES_UP = re.compile(r"^\W*(?:(?:ok|okay|fine|ugh|oh|meh|lol)\W+)*(?:never ?mind|nvm|forget (?:about )?it\b"
                      r"|whatever(?=\W*$|[,.!;]))"
                      r"(?!.*\b(?:got it|solved|fixed|found it|figured it out)\b)"
                      r"(?!.*(?<!n't )(?<!not )(?<!nothing )\b(?:works|working|worked)\b)")
REPHRASE_CUES = re.compile(
    r"\b(?:i mean|i meant|in other words|let me (?:rephrase|try again|put it)|to be clear|^again[,:]? "
    r"|(?:asking|ask|asked) (?:you )?(?:this |that |it )?again|once again"
    r"|(?:ask|say|put) (?:it |this |that )?(?:differently|another way|in other words)|rephras\w*"
    r"|once more|what i'm asking|what i am asking|my question (?:is|was)"
    # (Not "I'm asking for my dad": for someone else. "I'm asking for a refund" is one.)
    r"|i'm asking (?:if|whether|about|how|for(?! (?:(?:my|a|an|our|his|her|their) (?:dad|mom|mum|father|mother|"
    r"parents?|son|daughter|kids?|child|children|wife|husband|partner|friend|sister|brother|grand\w+|aunt|uncle|"
    r"boss|colleague|client|customer|neighbou?r|family)|someone|somebody|him|her|them)\b))"
    r"|i asked (?:about|for|how|if|whether|when|where|why|what))"
)
# A message that opens by saying it asks again ("I'll rephrase.", "Let me try again: ...",
# "In other words: ...", "What I mean is ..."): the user says the answer missed what was
# asked, whatever words the two messages share. Not "to be clear: ..." nor "in other words,
# I need the link?", which check what was understood; not "I mean, that works but...", a
# filler; not "let me try again and see", the user retrying a step.
SAYS_IT_ASKS_AGAIN = re.compile(
    r"(?:[^.!?]{0,30}?\bbut (?=i meant\b))?"  # ("cool fact lol but i meant party ideas")
    r"\W*(?:(?:ok(?:ay)?|so|no|hmm+|um+|well)\W+)*(?:i'?ll rephrase|i will rephrase|let me rephrase|"
    r"let me (?:try again|put it (?:another|differently|this) way|ask (?:it )?(?:again|differently|another way))"
    r"\s*[:.\-–—]|in other words\s*:|what i (?:mean|meant|'m asking|am asking) is|i meant\b(?! to\b(?! say))"
    r"|again\s*[:,-])")
# The user corrects a slip of their own ("sorry, I meant Tuesday", "oops, *weather", "my bad,
# the riverside"): the answer before answered what they wrote, and this is no rephrase of a
# request it missed. (Correcting the answer, "no, I said 4 people", is a complaint.)
# (Not "sorry what blue one?", which asks what the answer meant.)
CORRECTS_ITSELF = re.compile(r"^\W*(?:(?:sorry(?!\W*(?:what\b(?! i\b)|which|huh|pardon|come again)\b)|oops|whoops"
                             r"|my bad|my mistake|typo)\b(?!.*\b(?:still|rephrase)\b)|\*\w)")
# A short message that may correct the answer before it: it opens on no, or on "I said",
# "I asked for", "I wanted"; or it says "not" of something ("friday, not saturday!").
# :func:`.reactions._corrects_the_answer` reads it against the turn before.
_NO = r"(?:no|nope|nein|non)\b(?!\W+(?:way|kidding|worries|worry|problem|prob|rush|biggie|doubt|wonder|need)\b)"
_I_SAID = r"^\W*(?:(?:no|nope|what|wait|um+|uh+|bro|dude|bruh|ugh|lol|but)\W+)*i (?:said|asked for|wanted)\b(?! to\b)"
SAYS_NO_OR_SAID = re.compile(rf"^\W*{_NO}|{_I_SAID}")
MAY_CORRECT = re.compile(rf"^\W*{_NO}|{_I_SAID}|\bnot (?:(?:the|a|an|on|at|for|in) ){{0,2}}[^\W\d_]{{3,}}"
                         r"|\d(?:st|nd|rd|th)?\W+not\W+(?:the\W+)?\d")
NOT_THAT = re.compile(r"\bnot (?!(?:really|sure|bad|yet|at all|much|quite|exactly|that|too|so|even|anymore|now|"
                      r"today|me|you|it|this|one|enough|always|mine)\b)(?:(?:the|a|an|on|at|for|in) ){0,2}"
                      r"([^\W\d_]{3,})")
# ...unless it approves, or changes the request of its own accord ("no, wait, do it today
# instead", "i asked for aisle and 23C is aisle right? great").
APPROVES = re.compile(r"\b(?:great|perfect|thanks|thank you|thx|ty|ideal|awesome|love|lovely|nice|cool|sweet|"
                      r"got it|sounds good|works|fine|ok then|instead|changed my mind|on second thought|"
                      r"either|too|right\?|danke|merci|gracias|grazie|obrigad[oa]|bedankt|noted|for me|"
                      r"i'm a)(?!\w)|^\W*so\b")
# A word or three of the answer echoed in disbelief ("lincoln?? thats the civil war lol",
# "8 years?? i thought it was 2", "what? three hearts??"): read against the answer.
ECHOED = re.compile(r"^\W*(?:(?:what|wait|um+|uh+|huh)\W+){0,2}((?:[^\s?!]+\s){0,2}[^\s?!]+?)\s*(?:\?[?!]|!\?)")
# ...which questions the answer when the message says something against it ("1972?? wow no
# it was 1969", "lincoln?? thats the civil war lol"); alone, or with a question, a marvel or
# a remark, it marvels at what may well be true ("4 times??", "twins?? how old", "three
# hearts?? no way", "3 teaspoons?? that seems like a lot", "Zanzibar?? had no idea").
CONTRADICTS = re.compile(r"\b(?:(?<!oh )no(?! way| idea| clue)|not (?:the|a|an|in|from|on)|isn't|wasn't|aren't|"
                         r"it's|its|it is|it was|"
                         r"actually|should be|pretty sure|the sign|says|shows|wouldn't|won't that|"
                         # (what the user had thought, named in a figure or a word: "1972?? i thought
                         # 1969"; not "i thought he was older", which marvels)
                         r"i thought (?:it was |it's |its )?(?:\d[\d,.:]*|[a-z]+)\W*(?:(?:lol|haha|lmao)\W*)?$|"
                         r"doesn't that|isn't that|"
                         r"(?:that's|thats|that is) (?:the|a(?! lot)|an|in|from))\b")
# What states an opinion or a taste ("I love pineapple on pizza!", "the best marvel movie"):
# a "not" against it disagrees, it does not correct.
OPINION = re.compile(r"\b(?:i think|opinion|i'd say|i'd (?:pick|go with|choose|rather)|i love|i like|i prefer|i'm a|"
                     r"the best|better|worse|worth|"
                     r"overrated|underrated|favou?rite|honestly|big fan)\b")
# Not a challenge: marvelling ("isn't it lovely", "aren't they the cutest"), or asking of
# something more ("wasn't she also in the reader?", "isn't that the one with the pool?").
NOT_A_CHALLENGE = re.compile(
    r"\b(?:also|too|another|usually|though|tho|the one|the guy|the band|the place|weird|funny|crazy|cool|lovely|"
    r"amazing|cute|cutest|great|love|nice|beautiful|gorgeous|awesome|about time|past|already|so much|wow|omg)\b")
# A message that questions what the answer said, as a question put in the negative ("wasnt
# that 1939", "isnt the femur the biggest one lol", "wait isn't that a bad idea?"). (Not
# what the user read or heard, "i heard they're opening a new store": news as often.)
CHALLENGES = re.compile(
    r"^\W*(?:(?:wait|but|hm+|um+|uh+|hold on|really|so|lol|no)\W+)*"
    r"(?:(?:isn't|isnt|wasn't|wasnt|aren't|arent|weren't|werent|didn't|didnt|doesn't|doesnt|hasn't|hasnt|haven't"
    r"|havent) (?:it|that|this|they|there|the|he|she|one|we)\b"
    r"|surely\b(?=[^?]*\?))")  # ("Surely half of three is one and a half?")
# A message that tells of a loss, an illness or a bad day ("we had to put our dog down this
# morning", "rough. lost a patient"); an answer to it owes sympathy
# (:data:`.answer_phrases.SYMPATHY`).
BAD_NEWS = re.compile(
    r"\b(?:died|passed away|put (?:him|her|them|our \w+|my \w+) down|funeral|cancer|miscarriage|diagnosed with"
    r"|lost (?:my|our|a|his|her) (?:\w+ )?(?:job|dad|mom|mum|father|mother|brother|sister|wife|husband|son|daughter"
    r"|friend|dog|cat|pet|baby|grandma|grandpa|grandmother|grandfather|patient|home|house)"
    r"|(?:got|been|was|were) (?:fired|laid off|dumped)|\bi (?:just )?(?:got|was) cut from (?:the|my) (?:\w+ ){0,2}team"
    r"|\bcut me from the (?:\w+ ){0,2}team|\bi (?:didn't|did not|didnt) make the (?:\w+ ){0,2}team"
    r"|broke up with|getting divorced|depressed|(?<!are )(?<!is )(?<!be )(?<!look )(?<!looks )miserable"
    r"|(?:broke|fractured|sprained|tore|hurt|injured) (?:my|his|her|their) (?:\w+ )?(?:arm|leg|wrist|ankle|foot|hand"
    r"|knee|back|neck|nose|ribs?|collarbone|finger|toe|shoulder|hip|acl)(?=\s*(?:$|[^\w\s]|(?:and|in|last|this|"
    r"yesterday|today|again|so|but|while|when|playing|at|on|during|from|falling)\b))"
    r"|(?:awful|terrible|horrible|rough|bad|worst) (?:day|week|news)|been crying|in (?:the )?hospital"
    # ("My father has just been taken to Addenbrookes Hospital.", "we were in a car accident")
    r"|(?:been |was |were )?(?:taken|rushed|admitted) to (?:the |a |an )?(?:\w+ )?(?:hospital|a&e|er\b"
    r"|emergency (?:room|department|ward))"
    r"|(?:was|were|got|been) in (?:a |an )?(?:bad |serious )?(?:car |road |bike )?(?:accident|crash(?! course))"
    # ("The car is probably totaled though.", "my bike got stolen", "we were burgled")
    r"|(?:is|was|were|got|been) (?:probably |completely |just )?(?:totaled|totalled|written off|stolen|broken into"
    r"|burgled|robbed)\b"
    r"|feeling (?:really |so |very |pretty )?(?:down|sad|depressed|awful|terrible|anxious|hopeless)"
    # (Not a fear of something: "im scared of needles tbh", "scared to fly"; "scared to go home"
    # and "scared that..." are.)
    r"|(?:i'm|im|i am) (?:so |really |very )?(?:scared(?! of\b| to fly\b)|heartbroken)"
    r"|(?<!not )(?<!never )(?<!n't )(?<!never feel )(?<!never felt )(?<!never get )(?<!never been )(?<!n't feel )"
    r"(?<!n't get )(?<!not that )(?<!not so )(?<!not too )lonely(?! planet)"
    r"|i (?:cried|was crying|can't stop crying)(?! (?:at the (?:end|ending|movie|film|show|wedding)|watching|reading|"
    r"laughing|when i (?:saw|watched|read))\b)"
    # (not tears laughed at: "stray kids!!! i cried lol", "i cried in front of like 10 patrons lol")
    r"(?![^.!?]*\b(?:lol|lmao|haha+)\b)"
    r"|(?:grandma|grandpa|granny|mom|mum|dad|mother|father|wife|husband|brother|sister|friend|dog|cat|uncle|aunt) "
    # ("my husband harold passed last spring"; not "my brother just passed his driving test")
    r"(?:[a-z]+ )?(?:just |recently )?passed(?! (?:his|her|their|the|my|a|an|it|its|all|both|every|out|by|through)\b)"
    r"|(?:husband|wife|boyfriend|girlfriend|partner) (?:left|dumped|cheated on) me"
    r"|(?:she|he) (?:just |recently )?passed (?:on(?! (?:the|a|an|his|her|it|that|this)\b)|(?:\d+|one|two|three"
    r"|four|five|six|a few|a couple of|several) (?:years?|months?|weeks?|days?) ago)"  # ("no she passed 2 years
    # ago", not "he passed two exams today", "he passed on the job offer")
    r"|lost the baby|\bicu\b|intensive care|failed my)\b")
# ...unless it goes on to better news ("I got laid off in March but I just signed an offer!"),
# which cheer (:data:`.answer_phrases.CHEER`) answers.
BETTER_NEWS = re.compile(r"\b(?:but|now|finally|already|better|feel free|excited|happy|glad|relieved|good news|"
                         r"best thing|ready|signed|new job|recovering|recovered)\b")
# Asking for more of what the answer gave is not asking the same again.
MORE_DETAIL = re.compile(
    r"\b(?:elaborate|more (?:detail|details|info|information|specific|precise)|tell me more|"
    r"explain (?:that|this|it|further|more|again)|in more detail|go into detail|expand on|break (?:it|that) down)\b"
)
# A message that opens on a no, and says what is so instead ("no is munich, is in the name
# haha", "Ha, no. Lower is better", "wrong lol its canberra", "no thats order of the
# phoenix"): after an answer that stated something, it says the answer got it wrong.
# (A no that stands alone, not "no oven tho"; not "no wait, classical actually", which changes
# the user's own mind.)
OPENS_ON_NO = re.compile(r"^\W*(?:(?:ha+|haha+|lol|lmao|um+|uh+|hmm+|oh|wait|bro|dude|ok|goodness|god|omg|oi|no)\W+)*"
                         r"(?:no|nope|nah|wrong|definitely not|absolutely not|certainly not)"
                         r"(?:\s*[,.!:;]+|\s+(?=\d|(?:it|its|it's|is|was|thats|that's|the|he|she|they|this|these|"
                         r"those|i|you|u|lol|haha|lmao|bro|dude|mate|more|wrong)\b))(?!\W*(?:wait|way|kidding|worries|worry|problem|prob|rush|biggie|doubt|wonder|"
                         r"need|thanks|thank|idea)\b)")
SAYS_WHAT_IS = re.compile(r"\b(?:is|isn't|isnt|was|wasn't|wasnt|are|it's|its|thats|that's|more like|i think|actually|"
                          r"should be)\b")
# ...or that puts what is so as a doubt: "i think tokyo is the capital? kyoto used to be", "i
# think that's at moma actually".
DOUBTS_IT = re.compile(r"^\W*(?:(?:hmm+|um+|uh+|wait|well|oh|but)\W+)*i think\b[^?]*?"
                       r"(?:\b(?:is|was|are|were|used)\b|'s\b)[^?]*(?:\?|\bactually\W*$)"
                       # ...or sets someone else's word against it: "hm, my colleague says sometimes -30"
                       r"|^\W*(?:hm+|um+|uh+|but|well)\W+(?:my|our) \w+ (?:says|said|told me)\b"
                       # ...or is sure of another: "pretty sure thats frank herbert", "I'm fairly sure he's..."
                       r"|^\W*(?:(?:hm+|um+|uh+|well|but|lol)\W+)*(?:i'm |im |i am )?(?:pretty|fairly|quite) sure\b"
                       r"(?! (?:i|i'm|it's fine|that's fine|its fine)\b)")
# A "what?" that goes on against the answer: "what? german food is not spicy at all lol",
# "haha what? you are allergic but you have dog?", "WHAT lol no im not breaking up with him"
# (not "what? no way!", which marvels).
WHAT_BUT = re.compile(r"^\W*(?:(?:bro|dude|haha+|lol|lmao|wait|um+|uh+)\W+)*what\s*(?:\?+|(?=\s(?:lol|lmao)\b))\s+"
                      r".*\b(?:not|isn't|aren't|wasn't|don't|doesn't|didn't|but|i wanted|i meant)\b")
# ...or that puts another claim on a thing the answer named: "uh what ? texas is huge" (the
# thing, which the answer must have named; not "what? octopuses are so weird", which marvels).
WHAT_THEN_A_CLAIM = re.compile(
    r"^\W*(?:(?:bro|dude|haha+|lol|lmao|wait|um+|uh+)\W+)*what\s*\?+\s+(?:the\s+)?([a-z]{3,})\s+"
    r"(?:is|are|was|were|has|have|had)\s+(?!(?:so|such|really|very|pretty|kinda|too|wild|weird|crazy|cool|amazing"
    r"|awesome|insane|interesting|incredible|fascinating|nuts|gross|scary|cute|funny|strange|neat|hilarious"
    r"|adorable|creepy|beautiful|lovely|great|fun|wow)\b)"
    # (a claim of a few words, of no one's own: not "what? texas is where i grew up too")
    r"(?!(?:\w+\s+){0,3}(?:i|i'm|my|me|mine|we|our|us|you|your|too|also|same|where|when)\b)(?:[\w']+\s*){1,3}[.!]*\s*$")
# A question that asks which thing the answer spoke of, as if known: "sorry what blue one ?"
# (a "one" named: not "what trail?" nor "huh what ridge trail?", which ask for more of one it
# told of). The words asked of, which the answer must have put after "the".
ASKS_WHICH_THING = re.compile(
    r"^\W*(?:(?:sorry|huh|wait|um+|uh+|lol|eh)\W+)*(?:what|which)\s+((?:[a-z]+\s+){1,2}ones?)\s*\?*\s*$")
# A few words of what is so, and "obviously": "3 in the afternoon obviously", "stansted
# obviously" (not "yes obviously", which answers).
# (Not one that owns a slip of the user's own: "omg portuguese obviously, brain fart".)
OBVIOUSLY = re.compile(r"^(?!.*\b(?:brain fart|my bad|silly me|my mistake|dumb question)\b)"
                       r"\W*(?!(?:yes|yeah|yep|ya|yup|no|nope|nah|ok|okay|sure|of course)\b)"
                       r"(?:[^.?!]{1,30}\bobviously\b|[^.?!]{1,20},? surely\W*$)")  # ("Yen, surely")
# ...unless what follows the no asks ("no is it good").
ASKS_AFTER = re.compile(r"\W*(?:is|are|was|were|do|does|did|can|could|will|would|should|have|has)\s+"
                        r"(?:it|they|he|she|you|u|there|that|this|i)\b")
# An opinion asked for ("what do you think?", "would you rather..."): an answer may give one,
# and a no to it disagrees.
ASKS_AN_OPINION = re.compile(r"\b(?:what do (?:you|u) think|(?:your|ur) (?:opinion|thoughts|take)|thoughts on|"
                             r"do (?:you|u) (?:like|love|rate|prefer)|would (?:you|u) rather)\b")
# ...unless it tells a taste, which disagrees: "nah the duck is easier", "no actually i prefer
# autumn" (not "i think", which hedges a fact: "No, Gillian Flynn I think").
TASTE = re.compile(r"\b(?:better|worse|best|worst|worth|favou?rite|overrated|underrated|prefer|easier|harder|nicer|"
                   r"tastier|funnier|cooler)\b")
# What someone else said, or the user said to someone else, told as news ("they said i got
# it!!", "bro i asked her out", "as my dad always said", "i told u i would do it"): close
# in meaning to "I told you" and "you said", it says nothing of the answer.
OTHERS_SAID = re.compile(r"\b(?:she|he|they|my \w+|\w+ friend|friends|mom|dad|mum|boss|doctor|teacher|someone|"
                         r"everyone|people)(?: always| just| once| never)? (?:said|told|asked|says|tells)\b"
                         r"|\bi (?:asked|told) (?:her|him|them|my|everyone)\b"
                         r"|\bi told (?:you|u) i (?:would|will|could|can|was)\b")
# A question that only asks to confirm a claim: "...is a team from berlin right?".
TAG_QUESTION = re.compile(r"(?:\b(?:right|correct|true|yeah|(?:isn't|isnt|aren't|arent|wasn't|wasnt|weren't|didn't|"
                          r"didnt|doesn't|doesnt|hasn't|hasnt|haven't|havent) (?:it|he|she|they|there|that))"
                          r"|,\s*no)\s*\?")
# ...or a claim put as a question in the negative: "Isn't it the one where Poirot solves it?".
NEGATIVE_QUESTION = re.compile(r"\W*(?:(?:so|but|oh|wait)\W+)?(?:isn't|isnt|wasn't|wasnt|aren't|arent|weren't|"
                               r"didn't|didnt|doesn't|doesnt|hasn't|hasnt|haven't|havent) "
                               r"(?:it|he|she|they|there|that|the|this)\b")
# A message that opens on the answer to a question ("no lol im not that crazy", "nothing!! i
# got a c in math", "yea its fine", "if it could explain why, maybe").
OPENS_ON_AN_ANSWER = re.compile(r"^\W*(?:(?:lol|haha+|lmao|um+|uh+|hmm+|oh|well)\W+)*"
                                r"(?:no|nope|nah|yes|yeah|yea|ya|yep|yup|nothing|never|not really|maybe|if)\b"
                                r"(?!\W+(?:way|kidding)\b)")
# A taste told, in a few words: "nope, not my thing", "nah, not for me", "not my cup of
# tea". It turns down a suggestion or an opinion, whatever the answer was.
TELLS_A_TASTE = re.compile(r"^\W*(?:(?:no|nope|nah|meh|eh|hmm+|um+|honestly|haha|lol|sorry|ah|oh)\W+)*"
                           r"(?:(?:it's|that's|its|thats|really|just|definitely|so|totally)\s+)*"
                           r"not (?:really |quite )?(?:my (?:thing|cup of tea|style|jam|kind of thing|type)|for me)"
                           r"(?:\W+(?:lol|haha|tbh|honestly|sorry))*\W*$")
# Asking for another of what the answer offered ("something else please", "no, another
# one?") is a new request each time, however often it is sent.
ANOTHER_ONE = re.compile(r"\b(?:another (?:one|option|choice|suggestion|place|idea)|(?:something|anything|somewhere"
                         r"|anywhere) else|other (?:options|ones|suggestions|choices|ideas)"
                         # ("Is there anything that arrives a bit closer to 13:00?", "an earlier train?")
                         r"|(?:anything|something|one|ones) (?:\w+ ){0,4}?"
                         r"(?:earlier|later|sooner|cheaper|closer|nearer)"
                         r"|(?:an? )?(?:earlier|later|cheaper) (?:one|train|bus|flight|option|time|table|slot))\b")
# A message that opens on the answer taken ("got it", "ah ok, ...") or on a next question
# ("one more:", "different topic:") asks something new. "Ok but", "ok thanks but" refuse the
# answer. "I see" and "understood" take it only as a sentence of their own ("I see. How
# do I..."; not "I see no reset option"). The acknowledgements are read as one atomic run,
# so that "but" is looked for after all of them, not after the first.
_ANSWER_TAKEN = (r"(?:(?:(?:ah|oh) )?(?:ok(?:ay)?|great|cool|nice|interesting)|thanks?|thank you|ty|perfect|"
                 r"got it|that helps|(?:that|that's|it's) clear|makes sense|sounds good|alright|awesome|neat|"
                 r"fascinating|good to know)\b"
                 r"|(?:i see|understood)(?=[,.!:;…—-])")
_TAKEN_RUN = rf"(?>(?:{_ANSWER_TAKEN})[\s,.!:;…—-]*)"
# The words that turn to another subject ("by the way", "changing the subject, ...").
_CHANGING_THE_SUBJECT = r"by the way|btw|anyways?|changing the subject|on (?:another|a different) note"
NEW_QUESTION_CUES = re.compile(
    rf"^{_TAKEN_RUN}*"
    r"(?:and|also|one more|another (?:question|thing|q)|next question|new question|different (?:topic|question)|"
    r"(?:last|final|next) (?:one|question|q)|"
    rf"(?:quick )?follow-up|unrelated|what about|how about|besides|separately|{_CHANGING_THE_SUBJECT})\b"
    rf"|^(?>{_TAKEN_RUN}+)(?!but\b)"
)
CLOSING = re.compile(
    r"^(?:(?:ok(?:ay)?|great|perfect|cool|awesome|super|got it|alright|all good|nice)[,.! ]*)*"
    r"(?:(?:many |much )?thanks?|thank you|thx|cheers|that'?s all|that is all|that'?s it|bye|goodbye|have a nice day|"
    r"that'?s (?:everything|all) i need|nothing (?:else|more)(?: for now| thanks?)?(?=[^\w?]*$)|"
    r"that helps|that helped|solved|works now|all set|never ?mind|forget it|"
    r"(?:that'?s|that is|this is) (?:exactly |just )?what i (?:needed|wanted|was looking for)|"
    r"(?:that'?s|that is|this is|that was) (?:very |super |really |so )?helpful)\b(?![\s,.!…—-]*but\b)"
)
# A message that takes the answer with a "but" and asks on: "ok but dress or jeans??", "cool
# but how much lol", "the list though?", "Maybe another time. Where should we stay though?".
PUSHES_ON = re.compile(r"^\W*(?:ok(?:ay)?|cool|yeah|yes|sure|right|fine|nice|lol|haha|great|alright|thanks)\W+"
                       r"(?:but|though)\b.*?(?:\?|\b(?:how|what|which|where|when|who|why)\b)|\bthough\s*\?+\W*$")
# A message that opens by saying the user has no such thing: "i dont have a cat, thats you",
# "lol i never had a dog" (not "i don't know", "i don't think so").
DENIES_HAVING = re.compile(r"^\W*(?:(?:lol|haha|um+|uh+|but|well|no|nope|nah|bro|dude|wait|oh)\W+)*"
                           r"i (?:(?:don't|dont|do not|haven't|havent|never) (?:really )?(?:have|own|owned|had)"
                           r"|have never (?:had|owned)|haven't got|havent got) (?:a |an |any )?([^\W\d_]{3,})")
# A message that opens by pushing back on the answer before: "um no, it's 10 feet", "wait,
# that's for Tuesday", "actually it's eight" (and asks nothing new: "actually, do you have it
# in red?" is a question of its own). A filler alone pushes nothing back: "uh gastropub"
# answers "What kind of food would you like?".
PUSHES_BACK = re.compile(r"^\W*(?:(?:um+|uh+|erm|er)\W+)*(?:no|nope|nah|wait|actually|hang on|hold on)\b(?!.*\?)")
# A question that asks for a figure of a kind (a time, a date, an age, a price, a length...),
# by the words that ask for it, and the forms an answer gives that kind in. An answer with
# a figure of another kind ("how long do they live?" - "two thirds of its neurons are in its
# arms") does not give it.
_AMOUNT = (r"(?:\d[\d,.]*|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|"
           r"thirty|forty|fifty|sixty|hundred|few|several|couple of|half an?)(?:\s+(?:to|or|-)\s+\S+)?")
_DURATION = (rf"{_AMOUNT}\s*(?:seconds?|secs?|minutes?|mins?|hours?|hrs?|h|days?|nights?|weeks?|months?|years?|"
             r"decades?|centuries)\b|\b(?:overnight|all (?:day|night)|hours|days|weeks|months|years|ages)\b")
_WHEN = (r"\d{1,2}:\d{2}|\b\d{1,2}\s?(?:am|pm|a\.m\.|p\.m\.)|\b(?:1\d{3}|20\d{2})\b|\b(?:noon|midday|midnight|"
         r"january|february|march|april|may|june|july|august|september|october|november|december|monday|tuesday|"
         r"wednesday|thursday|friday|saturday|sunday|today|tomorrow|tonight|yesterday|morning|afternoon|evening)\b")
_MONEY = (r"[$€£¥₹]\s?\d|\d\s?[$€£¥₹]|\b\d[\d,.]*\s*(?:k\s)?(?:dollars?|usd|euros?|eur|pounds?|gbp|quid|bucks|"
          r"cents?|pence|p|yen|jpy|francs?|chf|kr|sek|nok|dkk|rupees?|inr|pesos?)\b|\bfree\b")
_LENGTH = (rf"{_AMOUNT}\s*(?:km|kilomet(?:er|re)s?|miles?|mi|m|met(?:er|re)s?|cm|mm|feet|foot|ft|inch(?:es)?|yards?|"
           r"storeys?|stories|floors?)\b")
_CLOCK = r"\d{1,2}:\d{2}|\b\d{1,2}\s?(?:am|pm|a\.m\.|p\.m\.|o'clock)|\b(?:noon|midday|midnight)\b"
_ASKS_WHEN = (r"\b(?:what year(?! (?:are|r) (?:you|u) in\b)|what date|what day|how soon|"  # (not a school year)
              r"when (?:is|was|does|do|did|will|are|were|can|should))\b")
# ("how much is the train", "what's the fare", not "how much do they sleep")
_ASKS_PRICE = (r"\b(?:how much (?:is|are|does|do|did|will|would|for|to)\b(?!.*\b(?:weigh|sleep|eat|drink|data|water))|"
               # ("japanese breakfast!! how much"; not "you wouldn't believe how much")
               r"(?:^|[^\w\s']\s*|\b(?:ok|okay|so|and|but|cool|nice)\s+)how much\W*$|"
               r"(?:what(?:'s| is| are| was)|whats) the (?:price|cost|fare|fee|rate)|how much (?:money|\w+ costs?)|"
               r"(?:price|cost|fare)s? (?:of|for)\b)")
_A_COUNT = (r"\d|\b(?:no|none|zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\w+teen|\w+ty|"
            r"hundreds?|thousands?|millions?|billions?|dozens?|a few|several|a couple|both|all)\b")
# (A quantity given in figures anywhere, or in words as the answer's first: "Just a pinch",
# "Very little", "Not much"; "a lot of fun to watch" gives none.)
_QUANTITY = (r"\d[\d,.]*\s*(?:kg|kilos?|kilograms?|pounds?|lbs?|grams?|mg|litres?|liters?|ml|jars?|cups?|gallons?"
             r"|ounces?|oz|tons?|tonnes?|bottles?|glasses|pieces?|slices?|servings?|portions?|teaspoons?|tablespoons?"
             r"|tsp|tbsp|times|hours?|pinch(?:es)?)\b"
             r"|^\W*(?:(?:just|only|about|around|maybe|probably|usually|very|quite|not|no more than)\W+)*"
             r"(?:a (?:lot|little|bit|pinch|dash|handful|spoonful|splash)|little|plenty|enough|none|nothing|much"
             r"|lots)\b")
# (Every pattern that asks holds "how", "what", "when", "price", "cost" or "fare":
# Message.figures_asked reads the patterns only in a message with one of them.)
FIGURE_ASKED = {  # kind: (what asks for it, what gives it)
    "clock": (re.compile(r"\b(?:what time|how (?:late|early))\b"), re.compile(_CLOCK)),
    "when": (re.compile(_ASKS_WHEN), re.compile(_WHEN)),
    "age": (re.compile(r"\bhow old\b"), re.compile(rf"{_WHEN}|\bborn\b|{_AMOUNT}\s*(?:years?|months?|weeks?)\b")),
    "duration": (re.compile(r"\bhow (?:long|often)\b"), re.compile(rf"{_DURATION}|\bevery\b|{_WHEN}")),
    "price": (re.compile(_ASKS_PRICE), re.compile(_MONEY)),
    "count": (re.compile(r"\bhow many\b"), re.compile(_A_COUNT)),
    "distance": (re.compile(r"\bhow far\b"), re.compile(rf"{_LENGTH}|{_DURATION}")),  # ("ten minutes on foot")
    "size": (re.compile(r"\bhow (?:tall|high|big|deep|wide)\b"), re.compile(_LENGTH)),
    # ("how much honey would i get", "how much water should i drink": a quantity of a thing, asked
    # at the start of a clause; not "its amazing how much she can sleep")
    "amount": (re.compile(r"(?:^|[.,!?;:]\s*|\b(?:and|so|but|ok|okay)\s+)how much (?!(?:is|are|does|do|did|will"
                          r"|would|for|to|money|time|longer|more|of)\b)\w+ (?:would|will|should|do|does|can|could|is"
                          r"|are)\b"), re.compile(_QUANTITY)),
}
# What a question may open on before its question word or verb: a greeting, "so", "btw",
# or the words that turn to a new question ("changing the subject, what currency do they
# use in Japan?", "quick question: does it ship to Canada?").
_QUESTION_LEAD_INS = (rf"hi|hello|hey|ok(?:ay)?|so|and|also|{_CHANGING_THE_SUBJECT}|on a side note|one more thing|"
                      r"(?:quick|random|another) question|cool|thanks?|nice|great|interesting|awesome|wow|hmm+|oh|"
                      r"ah|um+|uh+|wait|well|alright|right")
_BEFORE_A_QUESTION = rf"\W*(?:(?:{_QUESTION_LEAD_INS})\W+)*"
# A question that asks yes or no: it opens (after a greeting or "and", "so") on a verb. Not
# "can you tell me...", "could you explain...": a request put politely ("do u get free
# pizza" asks).
ASKS_YES_OR_NO = re.compile(
    rf"^[\s*_]*(?:(?:{_QUESTION_LEAD_INS})\W+)*"
    r"(?:(?:can|could|will|would)\b"
    r"(?! (?:you|u) (?:please )?(?:tell|explain|show|give|help|send|walk|describe|list|find|check|let|get|"
    r"do|make|book|change|cancel)\b)"
    r"|(?:do|does|did|is|are|was|were|should|shall|may|have|has|am)\b)")
# ...or put as a statement with a question mark ("wait the eastern one kept going?", "no cars
# at all?"): no question word in it.
DECLARATIVE_QUESTION = re.compile(
    r"^(?!.*\b(?:what|whats|when|where|which|who|whom|whose|why|how|or)\b)[^?]{3,80}\?+\s*$")
# A message that opens on a question word or a polite request (after a greeting or "so",
# "btw"); one with a question mark asks too.
ASKS_A_QUESTION = re.compile(
    _BEFORE_A_QUESTION
    + r"(?:how|what|what's|whats|where|when|why|who|which|can you|could you|would you|will you|tell me)\b")
# A message that says, and says only, that the answer was not understood: "huh?", "???",
# "come again?", "I don't follow", "what are you talking about", "that makes no sense". Not
# one that asks for more of an answer understood ("go on", "like how?", "what do you mean
# by engineers?"), nor a request that says what the user does not understand ("I don't
# understand how to reset my password").
# An emoji, which ends a clause as a mark does ("what 😭", "thats so many 😭 i only know...").
EMOJI = r"[\u2600-\u27bf\ufe0f\u200d\U0001f300-\U0001faff]"
DID_NOT_FOLLOW = re.compile(
    r"^\s*+\?[\s?!.]*+$"  # "?", "???"
    r"|^\W*+(?:(?:wait|hm+|uh+|um+|er+|lol|lmao|haha|omg|bro|dude|bruh)\W++)*+(?:"
    # asked, not exclaimed ("what!", "huh.")
    r"(?:huh|what|wut|huh what|eh|eh what|sorry|sorry\W*what|pardon(?: me)?)\s*+\?"
    rf"|what(?:\s|{EMOJI})*+$"  # ("what", "lol what", "lmao what", "what 😭": the whole message; not "what!")
    r"|(?:huh|sorry\W*what|come again|say (?:that |it )?again)(?!\s*+[.!])"  # ...or typed bare
    r"|(?:sorry\W+)?i (?:don't|dont|do not) (?:follow|understand|get (?:it|that|you))"
    r"(?: what (?:you|u)(?:'re saying| (?:say|said|mean|meant|wrote|are saying)))?|i'm (?:so )?confused|you lost me"
    r"|(?:i have )?no idea what (?:you(?:'re| are)? )?(?:just )?(?:said|saying|talking about|mean|meant)"
    r"|what (?:does|did) (?:that|this|it) even mean|what(?:'s| is) that (?:even )?supposed to mean"
    r"|what are you (?:even )?(?:talking|on) about|(?:that|this|it) makes no sense"
    r"|(?:that|this|it) (?:doesn't|does not) make (?:any )?sense"
    rf")(?:[\s?!.]|{EMOJI})*+(?:lol|haha)?(?:[\s?!.]|{EMOJI})*+$")  # ("what? 😂")
# A message that opens puzzled and goes on: "?? she's three", "huh? pg is point guard lol",
# "Eh? There's no bridge to Islay." (A bare "huh?" is DID_NOT_FOLLOW.)
PUZZLED = re.compile(r"\s*(?:\?{2,}|\W*(?:(?:wait|um+|uh+|lol|bro|dude|bruh)\W+)*(?:huh|eh)\s*\?+)\s*[^\W_]"
                     # ...or a bare "what." before what is so: "lol what. its a coin"
                     r"|\W*(?:(?:wait|um+|uh+|lol|bro|dude|bruh)\W+)*what\s*[.!]+\s*(?:its|it's|it is|thats|that's|"
                     r"he's|hes|she's|shes|they're|theyre)\b"
                     # ...or an "ok" that trails off or asks: "ok...", "Um, okay... but what about the
                     # interview?", "ok? we were talking about cricket", "...ok? anyway"
                     r"|\W*(?:(?:uh+|um+|erm?|hmm+|lol)\W+)*(?:ok|okay)(?:\s*\?+|\s*(?:\.{2,}|…))")
# A message that asks what the answer meant ("go on", "what do you mean?"): it answers no
# question of the answer's.
CLARIFIES = re.compile(
    r"^\W*(?:go on|such as|explain|elaborate|wdym|like how|like what|how so|meaning|huh|what|pardon|sorry|"
    r"come again|for example|what do you mean|what does that mean|what are you talking about)\W*$")
# A message that asks to know something, phrased as a question: a question word, or a
# yes-or-no question, or "tell me"; not a task ("book me a table", "can you find me a
# hotel", "trains to Ely on Monday?"), whose answer may first ask what the task needs.
WANTS_TO_KNOW = re.compile(
    _BEFORE_A_QUESTION
    + r"(?:how|what|what's|whats|where|where's|when|why|who|who's|which|tell me|can you tell|could you tell|"
    r"can you explain|could you explain|do you know)\b")
# A message that asks to hear the answer again: "repeat", "sorry repeat that", "could you say
# the number again", "one more time please", "what was that again" (not "why do i have to
# repeat myself"): the same answer again is what it asked for.
ASKS_TO_HEAR_AGAIN = re.compile(r"\brepeat\b(?!\s+(?:myself|yourself))|(?<!never )\bsay (?:\w+ ){0,3}again\b"
                                r"|\b(?:one more|once more) time\b|\bwhat was (?:that|it|the \w+(?: \w+)?) again\b"
                                r"|\bcome again\b|\bagain please\b")
# A message that starts the conversation over, and says nothing else ("start over", "um
# actually start over", "let's start again", "restart please"; not "should i restart it in
# safe mode?"): what the bot asked before, it asks again by design.
STARTS_OVER = re.compile(r"^\W*(?:(?:um+|uh+|ok|okay|no|actually|sorry|please|can we|could we|let'?s|i want to|"
                         r"i'd like to)\W+)*(?:start (?:over|again|from (?:the beginning|scratch))|restart"
                         r"(?: (?:the|this) (?:chat|conversation|search|booking))?|begin again|new search)"
                         r"(?:\W+please)?\W*$")
# A question about a journey (a bus, a train, a flight, "the next one"): to be answered, it
# needs where from or where to, which a question back asks first.
ASKS_OF_A_JOURNEY = re.compile(r"\b(?:bus|buses|train|trains|tram|trams|ferry|ferries|flight|flights|coach|coaches|"
                               r"shuttle|metro|subway|taxi|cab)\b|\b(?:the )?(?:next|first|last|earliest|latest) "
                               r"(?:one|\d+|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|[a-z]+teen|ten|"
                               r"eleven|twelve)\b")
# Chat spellings, read as the words they stand for: the patterns read "thats wrong, i told
# u" as they read "that's wrong, i told you". Contractions typed without their apostrophe,
# "u" and "ur" standing alone, and "r" where it stands for "are" ("how r u", "r they open";
# not the R of "learn r").
_CHAT_SPELLINGS = {
    "thats": "that's", "dont": "don't", "didnt": "didn't", "doesnt": "doesn't", "isnt": "isn't",
    "arent": "aren't", "wasnt": "wasn't", "im": "i'm", "ive": "i've", "youre": "you're", "theyre": "they're",
    "u": "you", "ur": "your", "u're": "you're", "hes": "he's", "shes": "she's",
    "whats": "what's", "wheres": "where's", "hows": "how's", "whos": "who's", "whens": "when's",
    "cant": "can't", "couldnt": "couldn't", "wouldnt": "wouldn't", "shouldnt": "shouldn't", "havent": "haven't",
    "hasnt": "hasn't", "werent": "weren't",
}
_CHAT_SPELLING = re.compile(r"(?<![\w'&.-])(?:" + "|".join(_CHAT_SPELLINGS) + r")(?![\w'&-]|\.\w)")
_ARE = re.compile(r"\b(how|what|where|when|who|why|which|there|they|we|you) r(?![\w'&.-])"
                  r"|(?:^|(?<=[.!?,] ))r(?= (?:you|they|we|there|the|these|those)\b)")


def as_the_patterns_read(text: str) -> str:
    """What a user wrote (a message, a feedback comment) as the patterns read it: in lower
    case, "can’t" as "can't", chat spellings in full ("thats" as "that's", "u" as "you")."""
    return written_in_full(text.lower().replace("\u2019", "'"))


def written_in_full(text: str) -> str:
    """A (lower-cased) message with its chat spellings written in full."""
    text = _CHAT_SPELLING.sub(lambda m: _CHAT_SPELLINGS[m.group(0)], text)
    if " r " not in f" {text} ":
        return text
    return _ARE.sub(lambda m: f"{m.group(1)} are" if m.group(1) else "are", text)


# A question back that checks the answer helped ("Does that answer your question?", "Did
# that help?"): "no, not at all" to it says the answer missed.
_CHECKS = (r"\b(?:does|did|do|is|was|has|have) (?:that|this|it|these|those) "
           r"(?:answer|help|make sense|solve|fix|work|sort|clear|what you)")
CHECKS_THE_ANSWER = re.compile(_CHECKS)
# "no" to such a question, as the whole message: "not really", "nope", "no it didn't"; not
# "no problem", "nope, all good now", "no, Sunday is better".
_DID_NOT = r"(?:it |that )?(?:didn't|did not|doesn't|does not)(?: help| work)?"
SAYS_NO = re.compile(rf"^\W*(?:(?:no|nope|nah|not (?:really|quite|at all|exactly))(?:\W+{_DID_NOT})?|{_DID_NOT})\W*$")
# ...to a question that checks the answer, not to a proposal ("does that work for you?").
ASKS_IF_IT_HELPED = re.compile(rf"{_CHECKS}(?! for you)")
# A message that tells the bot to do something: it opens (after a greeting) on a verb of
# the tasks people give chat assistants ("book me a table for 2 tonight", "set an alarm
# for 7", "remind me to call mum").
ASKS_FOR_A_TASK = re.compile(
    r"\W*(?:(?:hi|hello|hey|ok(?:ay)?|so|and|also|pls|please)\W+)*"
    r"(?:book|reserve|find|get|set|order|call|play|remind|cancel|change|send|show|give|schedule|add|remove|"
    r"turn|wake|text|email|open|start|stop)\b(?! (?:it|that|this)\b)")
# A question that only makes conversation or proposes: "how are you?", "how does Saturday
# sound?", "what do you think?", "how about a picnic?": a word of appreciation answers it.
SOCIAL_QUESTION = re.compile(r"\bhow(?: are you| are things|'s it going| is it going| do you do)\b|\bhow (?:does|do) "
                             r".{0,60}\bsound\b|\bwhat do you think\b|\bhow about\b|\bwhat about\b")
# A request for advice, a recommendation or a plan, which a question back narrows first
# ("what should I cook tonight?" - "Any dietary restrictions?").
ASKS_FOR_ADVICE = re.compile(r"\b(?:should (?:i|we)|recommend|suggest|advice|advise|ideas?|tips?|help me|plan|"
                             r"good (?:\w+ ){0,2}(?:for|to)|best (?:way|\w+ (?:for|to))|"
                             r"how (?:do|can|should) (?:i|we))\b")
# The sentences of a (lower-cased) text, each with the marks that end it.
SENTENCES = re.compile(r"[^.!?]+[.!?]*")
# ...and where one ends and the next begins, a mark inside a figure not counting ("$52.50").
SENTENCE_BREAK = re.compile(r"(?<=[.!?])\s+")


