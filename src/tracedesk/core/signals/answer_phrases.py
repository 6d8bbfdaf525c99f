"""What answers say: that they could not help, take a miss back, go to work, ask back for
what a request needs, sign off or offer more, brush the user off; and the words of an
answer that only acknowledges or reacts.

Patterns are matched against the answer (the trace output), lower-cased, as
:mod:`.phrases` matches what users write.
"""

from __future__ import annotations

import re

# An answer that teases what it will tell ("Guess what happened to me today", "I have news"):
# "what" asks to hear it.
TEASES = re.compile(r"\b(?:guess what|tell you something|i have (?:some )?news|confession|one thing|you won't "
                    r"believe|believe what|insider tip|secret)\b|\.\.\.\s*$")
# A question that gets to know anyone, about nothing said before it ("do you have any pets?",
# "what's your favourite kind of pasta?", "what kind of car do you drive?").
GETS_TO_KNOW = re.compile(
    r"\W*(?:(?:so|anyway|btw|by the way|random(?: question)?|speaking of \w+|quick question|tell me)\W+)*"
    r"(?:do (?:you|u) (?:have|like|love|play|enjoy|watch|listen|prefer|think|know|cook|drive|travel|read|collect|"
    r"speak|follow|own)|what(?:'s| is|s) (?:your|ur) fav\w*|what kind of [\w ]{1,20} do (?:you|u)|"
    r"are (?:you|u) a (?:big |huge )?fan|have (?:you|u) ever|what do (?:you|u) do (?:for|in)|"
    r"what are (?:your|ur) hobbies|who(?:'s| is) (?:your|ur) fav\w*|have (?:you|u) had (?:lunch|dinner|breakfast)|"
    r"what part of the world|i know,? right)\b")
# ...of those, one about the user's life that no request needs answered ("how many grandkids do
# you have ?", "are you married?", "what do you do for work?"), unlike one that may narrow a
# request for advice ("what kind of smoker do you use?", "what's your favorite genre?", "do you
# have kids?" to a holiday asked for).
ASKS_OF_THEIR_LIFE = re.compile(
    r"\W*(?:(?:so|anyway|btw|by the way|random question)\W+)*"
    r"(?:how many (?:kids|children|grandkids|grandchildren|siblings|brothers|sisters|pets|dogs|cats) do (?:you|u) have"
    r"|what do (?:you|u) do for (?:work|a living)"
    r"|where (?:are (?:you|u)|r u) from|where did (?:you|u) grow up|how old (?:are (?:you|u)|r u)"
    r"|are (?:you|u) (?:married|single|a morning person|a night owl|a (?:cat|dog) person)"
    r"|what(?:'s| is|s) (?:your|ur) (?:dream|star sign|zodiac)|do (?:you|u) play any sports?"
    r"|do (?:you|u) have any (?:hobbies|siblings|brothers|sisters))\b")
# A promotion or a boilerplate, which answers nothing whatever else it holds ("Check out our new
# summer collection", "Please rate this conversation", "Follow us on Instagram").
CANNED = re.compile(r"\b(?:check out our|(?:please )?rate (?:this|our|the) (?:chat|conversation|service)|follow us|"
                    r"subscribe|newsletter|(?:summer|spring|winter|autumn|holiday|new) (?:collection|sale|deals?)|"
                    r"exclusive deals|promo(?:tion)?s?\b|giveaway|loyalty (?:app|program)|our team loves|"
                    r"thank you for contacting|how can i help you today)")
# What an answer to bad news says (:data:`.phrases.BAD_NEWS`): sympathy, or cheer.
SYMPATHY = re.compile(
    r"\b(?:sorry|condolences|sad|oh no|awful|terrible|(?:so|that's|it's|must be|a)(?: really| very)? hard|hard time"
    r"|tough|rough"
    r"|heartbreaking|painful|difficult|must (?:be|have)"
    r"|hugs|here for you|take care|hang in there|poor|sending|aw+|ugh|yikes|ouch|oof|lo siento|désolé|tut mir leid)\b")
CHEER = re.compile(r"\b(?:cool|nice|great|awesome|fun|exciting|congrat\w*|yay|lucky|amazing|wonderful|productive"
                   r"|sounds good|love that|perfect|haha|lol|(?:is|are) the best"
                   r"|(?<!think )(?<!not )(?<!if )(?:that's|thats|that is) good"
                   r"|(?:good|glad|great|happy|nice) to hear)\b")
# An answer that asks what it should have said ("Oops! I think I messed up. What could I
# have said?"): the reply is the user's answer to that question, about the turn before.
ASKS_FOR_FEEDBACK = re.compile(r"\bwhat (?:could|should|would|might) i have (?:said|done|answered|asked|told you)"
                               r"|\bhow (?:could|can|should) i (?:have )?(?:answered|replied|said|done) (?:that |it )?"
                               r"better")
# An answer that says, in any words, that something failed or is not known ("unable", "an
# error", "try again later", "I don't know"): after a retrieval that came back empty, it
# answered honestly. (Others not knowing is none: "for those who don't know me".)
ANSWER_ADMITS_FAILURE = re.compile(
    r"\b(?:unable|can(?:no|')t|could(?:n't| not)|failed|error|problem|issue|"
    r"not (?:able|possible|available|find|sure|covered)|try again|later|"
    r"(?<!\bwho )(?<!\byou )(?<!\bthey )(?<!\bpeople )don'?t (?:know|have)|no information|"
    r"unavailable|temporarily|(?:doesn't|does not|don't|do not) (?:cover|mention|say|include)|"
    r"no (?:details|answer|article|document)s?\b|rather not)\b"
)
# Narrower: the answer says it could not do or find what was asked (not "no problem", "we
# don't have a senior fare", "let me try again"), for telling that a user who left, or
# asked again, was left without help.
ANSWER_COULD_NOT_HELP = re.compile(
    r"\b(?:unable to|(?:can(?:no|')t|could(?:n't| not)|wasn't able to|was not able to|am not able to) "
    r"(?:\w+ ){0,2}?(?:help|find|access|check|see|process|complete|do|reach|load|look|locate|retrieve|get|send|"
    r"confirm|verify|answer|tell)"
    r"|failed|an error|error occurred|went wrong|timed out|not (?:able|possible|available)|temporarily"
    r"|(?:is|are) (?:currently )?(?:down|unavailable)|(?<!\bwho )(?<!\byou )(?<!\bthey )(?<!\bpeople )"
    r"(?:don'?t|do not) know|no information|not sure"
    r"|(?:didn't|did not|could not|couldn't) find|found nothing|nothing (?:was )?found|no (?:results|matches)"
    r"|please try again|try again later"
    # An honest "I have nothing on that": the answer says it cannot tell, not something else.
    # (What has nothing on it: the help centre, the articles; not "the plan doesn't cover
    # this", nor "don't mention it".)
    r"|(?:don'?t|do not) have (?:any |enough )?(?:information|details|data) (?:on|about) (?:that|this|it)\b"
    r"|(?:help cent(?:re|er)|articles?|documents?|knowledge base|faq|docs|guides?) "
    r"(?:doesn'?t|does not|don'?t|do not) (?:cover|say anything about) (?:this|that|it)\b)\b"
)
# An answer that asks the user for something, in so many words ("could you provide...",
# "please confirm..."), or with a question mark at its end.
_ASKS_IN_WORDS = re.compile(
    r"\b(?:could|can|would) you (?:please )?(?:provide|share|tell|send|give|confirm|clarify)"
    r"|please (?:provide|share|send|confirm|clarify)")
ANSWER_ASKS_BACK = re.compile(r"\?\s*$|" + _ASKS_IN_WORDS.pattern)
# The answer did not understand the request at all: asking back for "more detail" about a
# clear request is a miss, not a question about a missing order number.
ANSWER_DID_NOT_UNDERSTAND = re.compile(
    # (not "i don't follow soccer much", "i don't understand people who...")
    r"\b(?:(?:not sure|don'?t|do not|didn'?t|did not) (?:i |that i )?(?:understand(?! (?:people|anyone|why|how))"
    r"|follow(?! (?!you\b|what\b|that\b|the\b|your\b|this\b|it\b|me\b|along\b)[a-z])|get (?:that|it|what))"
    r"|(?:could|can) you (?:please )?(?:rephrase|reword|say that again|clarify what)"
    r"|what do you mean|(?:more|bit more) (?:detail|details|information|context) (?:about|on) what you"
    r"|tell me more\?|i didn'?t catch that)"
)
# An answer that opens by owning a miss of the answer before takes it back: "My mistake.",
# "I apologise for the confusion", "You're right, sorry", "Oops! I think I messed up.",
# "Sorry, I misread your question", "Your roaster is right, I mixed that up", "Sorry, that
# came out garbled!", "Oops, here they are: ..." (what it left out, at last). Said alone,
# "I messed up" or "I made a mistake" must be of the answer before ("... there", "... about
# that", or nothing more): "I messed up my audition" and "I made a mistake, I trusted him"
# are a persona bot's story. ("You're right" alone may agree with an opinion: "You're
# right, Lisbon is lovely in May.")
_I_WAS_WRONG = (r"i (?:think i |must have )?(?:messed (?:that |it |this )?up"
                r"|got (?:a bit |all |so )?(?:mixed up|confused|muddled)(?=\W*$|[.!,;]| there\b| earlier\b| between\b)"
                r"|(?:got|had) (?:that|it|this|them) (?:wrong|backwards|the wrong way round)"
                r"|made (?:a|an) (?:mistake|error)|was wrong|misspoke|misread|misunderstood|contradicted myself"
                r"|miscalculated|miscounted|misremembered|overstated|understated"
                r"|wandered off|drifted off|got (?:sidetracked|distracted|carried away)"
                r"|went off (?:on a )?(?:tangent|topic)"
                r"|read (?:that|it|this|your message) (?:too fast|too quickly|wrong)|skimmed (?:that|it|past it)"
                r"|mixed (?:that |it |them |those )?up)")
# What an answer says of the one before it when it owns that it was wrong or unkind: "that was
# far too blunt", "that made no sense", "that was a terrible thing to say".
_THAT_WAS_WRONG = (r"(?:(?:that|this) (?:was|came out|came across(?: as)?|sounded(?: (?:so|too))?) "
                   r"(?:so |far |really |pretty |very |a bit |way )*(?:too )?"
                   r"(?:wrong|incorrect|inaccurate|blunt|harsh|rude|insensitive|unkind|thoughtless|careless|confusing"
                   r"|garbled|jumbled|muddled|scrambled|nonsense|gibberish|cold|dismissive|flippant|curt|glib"
                   r"|unclear|silly|out of line|uncalled for|not (?:right|accurate|true|helpful|fair|kind|okay|ok)"
                   r"|an? (?:mistake|error|bad|terrible|poor|silly|weird|strange|careless|thoughtless|awful|dumb)\b)"
                   r"|that (?:made|makes) no sense|that (?:didn't|did not) make (?:any )?sense)")
# ...or that it wandered, after a sorry ("Sorry, that came out of nowhere! Back to your
# manager: ..."; not "Lol ok, that was random!" of the user's news).
_THAT_WAS_ASIDE = (r"(?:that|this) (?:came|was) (?:a bit |totally |completely )?(?:out of nowhere|out of left field"
                   r"|random|off[- ]topic)")
_DASH = r" ?[\u2013\u2014-]"
_OF_THE_ANSWER_BEFORE = (
    rf"(?=\W*$|[.!:;]|{_DASH}|,\s*(?:sorry|apologies|my bad|the (?:correct |right |actual )?answer|it'?s|it is|"
    r"that'?s)| (?:there|about that|earlier|on that|just now)\b| (?:you|that|this|it)(?:\W*$|[.,!:;])"
    r"| (?:your|the) (?:question|request|message|answer|date|time|number|figure|price|name|order)\b"
    r"| what you (?:asked|meant|said|wanted)\b| in my (?:last |previous |earlier )?(?:answer|reply|message))")
# ...or that it does not know why it said it ("no idea why i said that").
_NO_IDEA_WHY = (r"(?:(?:i have |i've )?no idea|(?:i )?(?:don't|do not) know|not sure|dunno) why i (?:said|wrote) "
                r"(?:that|this|it)\b(?! to (?:him|her|them|my|his|their)\b)")  # (not a story's "...said that to him")
_OWNS_A_MISS = (
    r"(?:(?:(?:good|fair|nice) catch|i stand corrected|you (?:got|caught) me(?: there)?(?=\W*$|[.!,;])"
    r"|my memory slipped)\b"
    # ("Fair catch, that number was wrong.")
    r"|(?:that|this|the|my) (?:number|figure|date|year|name|part|bit|fact|one) (?:was|is) (?:wrong|off|incorrect)\b"
    rf"|{_NO_IDEA_WHY}"
    # ("Quite right, that was a blunder.")
    r"|(?:quite |absolutely )?right\W+(?:that|it|this) was (?:a |an )?(?:blunder|slip|mistake|error)\b"
    rf"|my (?:mistake|bad|error)(?=\W*$|[.,!:;]|{_DASH}| (?:there|on that|again|sorry|for)\b)"
    r"|(?:what )?i meant\b(?! to\b(?! say))"
    rf"|(?:(?:oh|hmm|ah|oops|whoops)\W+)?{_I_WAS_WRONG}{_OF_THE_ANSWER_BEFORE}"
    r"|(?:oops|whoops|sorry|apologies)\W+(?:sorry|apologies|my (?:bad|mistake|apologies|error))\b"
    r"|(?:oops|whoops|sorry|apologies|my bad)\W+here (?:it|they|that|those|these) (?:is|are)\b"
    r"|(?:you(?:'re| are)|your \w+(?: \w+)? (?:is|are|was|were)|(?:he|she|they)(?:'s|'re| is| are| was| were))"
    r" (?:absolutely |quite |totally |completely )?right\W+(?:and\W+)?"
    # (not sympathy: "You're right, sorry to hear that.")
    r"(?:(?:sorry|i'm sorry|i am sorry)(?! to (?:say|hear)| for your| about your| you\b)|apologies|i apologi[sz]e|"
    rf"my (?:mistake|bad|apologies)|{_I_WAS_WRONG}|{_NO_IDEA_WHY})\b"
    rf"|(?:i'm|i am) (?:so |really |very )?sorry[,.!]? (?:i meant|{_I_WAS_WRONG})\b"
    r"|(?:sorry|apologies|my apologies|i apologi[sz]e)"
    r"(?: about that\b| for (?:the|my|that|any) (?:confusion|mistake|"
    r"misunderstanding|error|mix-up|oversight)\b(?! (?:with|about|around|over|in) (?:the|our|your)\b)"  # (the menus')
    rf"|[,.!]? (?:i meant|i mean(?! (?:it|to|that|well|no offense)\b)|{_I_WAS_WRONG})\b)"
    # ("Sorry, that was far too blunt", "You did, sorry about that.", "Fair, that made no sense!")
    rf"|(?:sorry|apologies|my apologies|i'm sorry|i am sorry|fair|true|ok|okay)[,.!]? {_THAT_WAS_WRONG}"
    rf"|(?:sorry|apologies|my apologies|i'm sorry|i am sorry|fair|true)[,.!]? {_THAT_WAS_ASIDE}"
    r"|you did(?: say| mention| tell me)?(?: that| so)?\W+(?:sorry|my (?:bad|mistake)|apologies)\b)")
# (After a laugh or an "oh right" first, or both: "ha, sorry.", "oh right, sorry!", "ha yes
# you're right, ...")
_INTERJECTION_FIRST = (r"^[\s*_]*(?:(?:ha+|haha+|heh|lol|oh|ah|oh right|right|hmm+|yes|yeah|yep|oops|whoops"
                       r"|oh yes|ah yes|oh dear|oh no|ok|okay|of course|perdón|perdon|pardon)\W+){0,2}")
TAKES_BACK = re.compile(rf"{_INTERJECTION_FIRST}{_OWNS_A_MISS}")
# ...one that owns a miss of an earlier answer, in so many words ("You're right, my earlier
# answer was wrong", "Yes, sorry, I overstated it before", "I got that wrong earlier", "I
# apologise for the mistake earlier"), takes
# back no answer before it (which earlier one, it does not say). "My mistake, you mentioned
# that earlier", "I should have checked that before booking" and "my previous reply was
# wrong" own the answer before.
OF_AN_EARLIER_ANSWER = re.compile(
    r"\b(?:my|that|the|an) earlier (?:answer|reply|message|one|mistake)\b|\b(?:the|my) mistake (?:i made )?earlier\b"
    r"|\bi (?:was wrong|got (?:it|that|this) wrong|(?:over|under)stated (?:it|that|this)|mixed (?:it|that|them) up"
    r"|misspoke|said (?:it|that) wrong) (?:earlier|before)(?=\W*$|[.,!;:)])")
# What a task bot says as it goes to do what it was asked: "i'm on it", "ok let me look into
# some options for you", "One moment please.".
GOES_TO_WORK = re.compile(r"\W*(?:(?:ok|okay|sure|alright|right)\W+)?(?:let me (?:look|check|see|search|find)|"
                          r"one moment|just a (?:moment|sec|second)|i'm on it|i am on it|please hold|working on it)\b")
# A bare apology ("Sorry!", "Oops,", "My apologies,", "I'm so sorry!") may be sympathy
# ("Sorry! That must be hard."), bad news ("Sorry! It's out of stock") or a mishap of a
# persona's ("Oops, I spilled my coffee"): it takes the answer before back only after the
# user pushed back on it. One that says it is sympathy ("Sorry to hear that", "sorry for your
# loss", "I'm sorry, that's disappointing") or a manner of speaking ("sorry to say") is none.
_BARE_APOLOGY = (r"(?:sorry(?! to hear| for your loss| about your| you(?:'re| are) going| you feel| to say)"
                 # ("Oh no, I'm so sorry!", "I'm sorry for the confusion"; not "I'm sorry, that's
                 # disappointing" or "I'm sorry you're going through this", which are sympathy)
                 r"|(?:i'm|i am) (?:so |really |very |terribly )?sorry(?![,.!]? (?:that's|that sounds|that must"
                 r"|to hear|you|about your|for your|it didn't|it did not|it's been|they|he|she|that happened)\b)"
                 r"|apologies|my apologies|oops|whoops)(?:\W|$)")
# (A bare apology may follow an acknowledgement: "Got it, sorry! Does your 8-year-old play?")
APOLOGISES = re.compile(rf"{_INTERJECTION_FIRST}(?:(?:got it|gotcha|i see|understood)\W+)?{_BARE_APOLOGY}")
# An answer that opens by agreeing the user is right ("You're right, the saving is $20.00.",
# "Oh, you're right!", "Your guide was right: ..." of someone the user quoted): after the user
# pushed back on the answer before, as a bare apology,
# it takes that answer back; to an opinion it may only agree ("You're right, Lisbon is
# lovely in May").
AGREES = re.compile(rf"{_INTERJECTION_FIRST}(?:you(?:'re| are)|your (?:\w+ ){{1,2}}(?:was|is|were|are))"
                    r" (?:absolutely |quite |totally |completely |so )?right\b"
                    r"(?! (?:about|that) (?:it|this|that) (?:being|is)\b)")
# ...one that goes on to say there is none of what was asked is bad news, whatever came
# before it: "Sorry, there is no Turkish restaurant in the east.", "Sorry, 7:30 is also fully
# booked.", "Sorry, we have nothing at 8 p.m. for six people.".
SORRY_THERE_IS_NONE = re.compile(
    rf"{_INTERJECTION_FIRST}{_BARE_APOLOGY}[^.!?]*?(?:\bthere (?:is|are|was|were) no\b"
    r"|\b(?:we|i) (?:have|had|'ve got) (?:no|nothing)\b|\b(?:we|i) (?:don't|do not|didn't|did not) have\b"
    r"|\bnothing (?:is |was )?(?:available|left|free|open)\b"
    r"|\b(?:is|are|was|were) (?:also |already |all |now )?(?:fully booked|booked up|full|sold out|closed|"
    r"not available|unavailable|not running)\b"
    r"|\bno (?:more )?(?:rooms?|tables?|seats?|tickets?|availability|trains?|buses|flights?|results?|matches)\b)")
# After the user pushed back (:data:`.phrases.PUSHES_BACK`), an answer that opens on an
# apology or agrees it missed, or one that answers the earlier request at last ("To answer
# your question:"), repairs the turn before: it answers the earlier request, not the complaint.
ANSWER_REPAIRS = re.compile(
    rf"{_INTERJECTION_FIRST}(?:{_OWNS_A_MISS}|{_BARE_APOLOGY}"
    r"|(?:you're right|let me try (?:that )?again|to answer your (?:earlier )?question)\b)")
# A direct reply to a yes-or-no question ("Yes, as long as it stays on a lead"; "..., yes.";
# "Sadly no, ..."; "You can! It'll be..."; or by degree: "very!", "some can be", "not since
# 1972"): it answers the question's own terms without naming them. ("Of course." and
# "Absolutely." open answers to anything; "No problem", "no worries" reply to thanks.)
ANSWER_YES_OR_NO = re.compile(
    r"^[\s*_]*(?:(?:sadly|unfortunately|luckily|fortunately|actually|honestly|surprisingly|technically)"
    r"\W+)?(?:(?:yes|no(?!\s+(?:wonder|idea|one|matter)\b)|yeah|yep|yup|nope|nah|kind of|sort of|"
    r"not (?:really|yet|always|usually|necessarily|exactly|at all|since|(?:very )?often|much|many)"
    r"|some (?:can|do|are|of them)|it depends|hardly ever|once in a while)\b"
    r"|(?:very|probably|maybe|sometimes|mostly|usually|rarely|never)"
    r"\s*[,.!;:]"  # ("Very!", "Indeed!", not "Very popular"; "Of course." may answer nothing)
    r"|(?:you|it|they|we|she|he) (?:can|could|do|does|should|will|can't|don't|doesn't|won't|shouldn't)\s*[!.,]"
    # ("i have not, is it good?", "i did !", "i have n't seen it yet", "i've never been")
    r"|i (?:have|had|did|do|am|was|can|will)(?: not| ?n't)?\s*[!.,]|i haven't\s*[!.,]|i (?:haven't|have not|have n't"
    r"|never|'ve never|have never) (?:seen|tried|been|read|heard|watched|played|had|met|done|visited|listened)\b)"
    r"(?! (?:problem|worries|worry)\b)|\byes[.!]*$")
# A sentence that says it leaves what was said for something else: "Speaking of suitcases,
# are you planning any trips?", "By the way, have you ever thought about getting a pet?",
# "On another note, ...", "Anyway, do you like jazz?". (Not a question asked by the way at
# its end, "What do you study, by the way?", nor "Her name is Lily, by the way.")
ANNOUNCES_ANOTHER_SUBJECT = re.compile(
    r"(?:^|[.!?])[\s\W]*+(?:by the way|btw|speaking of [^,.!?]{1,40}|on (?:a|an) ?(?:other|unrelated|different|"
    r"side|random) note|changing the subject|random question|anyway(?=\W+(?:have|do|did|what|how|are|is|can|would)\b)"
    r")\W")
# An answer that changes the subject instead of answering.
CHANGES_SUBJECT = re.compile(
    r"\b(?:let's|let us) (?:talk about|change the subject|move on)\b|\b(?:talk|chat) about something else\b")
# A question back that narrows the request: it depends, which one, or a menu of three
# choices or more ("It depends what you enjoy: beaches, cities or mountains?", "For which
# city?", "A museum, a park, or something else?").
NARROWS_THE_REQUEST = re.compile(r"\bit depends\b|(?:^|[.!?]\s*)(?:\w+ )?which\b"
                                 r"|\b\w+(?: \w+)?(?:, ?\w+(?: \w+)?)+,? or (?:\w+ )?\w+\W*$")
# A question back that asks what a task needs: where, when, which, what kind, how many,
# what the user would like or wants, or one thing or another ("Where should the taxi pick
# you up?", "What kind of food would you like?", "Just once, or every day?").
ASKS_WHAT_THE_TASK_NEEDS = re.compile(
    r"\b(?:where|when|which|what (?:kind|type|sort)s? of|what (?:day|date|time|size)|how many|"
    r"any (?:particular|preference|specific)|would you like|would you prefer|do you want|do you need|"
    r"should (?:i|we|it)|in mind)\b|\bor\b")
# A question an answer ends on without its question mark, as terse bots write them: "i'm on
# it. any preference on a type of cuisine", "sure is there anything else to update", "what do
# you think of this option: resto_rome_cheap_italian_4stars". (Not "what a view", nor "when
# i was a kid i had one", which tell.)
_UNMARKED_QUESTION = re.compile(
    r"(?:^|[.!]\s+|\n)(?:(?:ok|okay|sure|great|alright|right|i'm on it|thanks|thank you)\W+)*"
    r"(?:any (?:preference|other|particular)|how (?:many|much|long|old|about|do|does|did|is|are|can|would)"
    r"|what (?:do|does|did|is|are|was|would|can|kind|type|time|day|about|else)|which"
    r"|where (?:do|does|did|is|are|would|to|should|shall|will|can)"
    r"|when (?:do|does|did|is|are|would|will)|who (?:is|are|was|do|did|would)|why (?:do|does|did|is|are|would)"
    r"|(?:is|are) there|(?:do|did|would|could|can|will|have) you|(?:can|shall|should|may) i)\b[^.!?]*$")


def ends_on_an_unmarked_question(answer: str) -> bool:
    """Whether a (lower-cased) answer ends on a question written without its question mark."""
    tail = answer.rstrip()[-200:]
    return bool(tail) and tail[-1] not in ".!?)\"'" and _UNMARKED_QUESTION.search(tail) is not None


# An answer that belittles or brushes off the user: "That's not my problem.", "nobody cares
# about your hobbies", "that's boring.", "well maybe you're just not a natural dancer.", "just
# get over it", "Stress isn't a medical condition.", "so it was about time" (of an old cat),
# "ok whatever.", "suit yourself", "took you long enough", "what a boring job". Not "that was
# silly" owning its own slip, "you shouldn't have to deal with that", "not your fault", nor
# "whatever works for you".
DISMISSES = re.compile(
    r"\b(?:(?:that's|thats|it's|its|that is) not my (?:problem|business)|not my problem"
    r"|(?:nobody|no one|who) cares about|nobody asked(?! me\b)"
    r"|(?:^|(?:ok|okay|fine)[,.]? )whatever(?=\s*[.!,]|\s*$)|suit yourself|took you long enough"
    r"|(?:^|[,.!]\s*)just pick (?:one|any|whichever)(?=\s*[.!]|\s*$)"
    r"|not everything is about (?:you|what you)"
    r"|(?:don't|do not|stop) (?:be|being) (?:so )?(?:boring|dramatic|lazy|a baby)"
    r"|(?:what|that's|thats|such) a (?:really |pretty )?(?:boring|stupid|dumb|lame|pointless) "
    r"(?:job|hobby|name|idea|question|choice|thing)"
    r"|(?:that|this|it|your \w+) (?:is|sounds|seems) (?:so |really |pretty |kind of |kinda )?"
    r"(?:boring|stupid|dumb|pointless|lame|childish|a waste)"
    r"|(?:that's|thats) (?:so |really |pretty |a bit |kind of |kinda )?(?:boring|stupid|dumb|pointless|lame|childish)"
    r"|(?<!mean )(?<!not that )(?<!think )(?<!say )you(?:'re| are) (?:just |probably |clearly |simply )?"
    r"(?:not (?:a natural|cut out|smart enough)|bad at|overreacting|being dramatic|annoying|stupid|dumb|lazy)"
    # ("Maybe you should just give up then.", "maybe stats just isn't for you", "you'll just have
    # to put up with it", "Choir is the most boring hobby there is", "Tja, nicht mein Problem.")
    r"|(?<!don't )(?<!never )(?<!not )(?:should|could|might as well) (?:just )?give up(?: then| now)?(?=\W*$|[.!,])"
    r"|(?:just|simply|clearly) (?:isn't|is not|aren't|are not) for you"
    r"|(?:you'll|you will) (?:just )?have to (?:put up|live) with it"
    r"|(?:is|are) the (?:most boring|dumbest|stupidest|lamest)|(?:are|you're|you are) (?:both |just )?wasting your time"
    r"|nicht mein problem|no es mi problema|pas mon probl[eè]me|^\W*finally\.\s*(?:bye|goodbye)\b"
    r"|(?:just |you (?:need|have) to )try harder|(?:just )?get over it|stop (?:complaining|whining)"
    r"|(?<!not )your (?:own )?fault"
    r"|anyone could do|(?:it was|it's|its) about time|you should(?:n't| not) have(?! to)"
    r"|(?:isn't|is not|aren't|are not) (?:a )?real (?:job|sport|problem)|(?:isn't|is not) a medical condition"
    r"|(?:are|is) a waste of (?:time|money)"
    # ...or makes light of it with a platitude: "it's not a big deal", "everything happens for a
    # reason" (not "it's not a big deal to ask for a day off").
    r"|(?<!worry, )(?<!worry! )(?<!worry\. )(?<!worries, )(?<!worries! )"
    r"(?:it's|its|it is|that's|thats|that is) (?:really )?(?:not a big deal|no big deal)(?=\W*$|[.!,;])"
    r"(?!\W*(?:just|simply|you can|click|go|try|take)\b)"
    r"|everything happens for a reason"
    # ...or tells the user a feeling is pointless: "There's no point being sad about it."
    r"|(?:there's|there is|theres) no (?:point|use|sense) (?:in )?(?:being|getting|feeling) (?:so )?"
    r"(?:sad|upset|down|angry|worried|emotional|jealous|nervous|scared))")
# The words of an answer that only appreciates ("Cool cool.", "Oh nice.", "Good point."):
# interjections and appreciation, not the words that answer ("Right!", "Yup!", "Great!" to
# "how are you?", "Sounds lovely!" to a proposal, "Okay!" to a request, "Hi!").
APPRECIATION_WORDS = frozenset("""
    hmm hm mm mmm oh ooh ah aha wow whoa haha hahaha ha heh hehe lol interesting lovely nice cool awesome neat fun
    fascinating amazing wonderful exciting good point that's thats that s so very i see
""".split())  # noqa: SIM905 (a word list reads best as words)
# An answer that takes note of what it was told and says nothing more ("Good to know!",
# "That's nice to hear.", "Noted.", "I understand.", "Fair enough.", "Ha, yes."): to a
# question, it answers nothing.
ACKNOWLEDGES = re.compile(
    r"\W*(?:(?:oh|ah|ha|haha|hmm|well|ok|okay|yes|yeah|right|sure)\W+)*(?:(?:that's|that is|it's|so|very)\s+)?"
    r"(?:(?:good|nice|great|glad|lovely|interesting|cool|happy) to (?:know|hear(?: (?:that|it))?)|noted|got it|"
    r"i (?:see|understand|know|hear you|get it)(?:\W+right)?|understood|fair enough|sure thing|true|indeed|right|"
    r"yes|yeah|yep|(?:that's )?(?:a )?(?:tough|hard|good|great) (?:one|question))\W*")
# The words a chatbot says before a question of its own without answering anything: those,
# and the acknowledgements and greetings that answer a request but not a question ("Hmm.",
# "Oh, lovely!", "Okay, great."). A word that says something ("Eight!", "Reykjavik.", "Doing
# well, thanks!") answers.
FILLER_WORDS = APPRECIATION_WORDS | frozenset("""
    ahh well okay ok alright right hey hi hello anyway great fantastic brilliant sweet yum aw aww fair enough
    totally true agreed agree yeah yep yup really indeed how sounds
""".split())  # noqa: SIM905
# The words of a reaction to what the user told ("Same.", "Agreed,", "Haha, you should!",
# "Good idea!", "I know!", "That's fair,", "Perfect,"): an answer that opens on one alone,
# and goes on, takes up what was said, whatever it adds.
REACTION_WORDS = FILLER_WORDS | frozenset("""
    same agreed perfect exactly definitely absolutely totally of course me too you should as idea luck hope
    it helps know thank thanks fair could be yes no way sorry hear to that i good love glad omg aw sounds like
    plan smart choice classic pick call move certainly sure
""".split())  # noqa: SIM905
# An answer that opens by taking the request on ("Sure! Which city are you in?").
TAKES_IT_ON = re.compile(r"\W*(?:sure|of course|happy to|i'd be happy to|i'd love to|absolutely|certainly|gladly|"
                         r"good question|great question|i can help)\b")
# A question back that asks for more of the request itself ("which account?", "could you
# tell me a bit more about what you need?"), as a chatbot's "Do you play any sports?" does not.
ASKS_FOR_MORE = re.compile(
    r"\b(?:which (?:one|account|card|order|booking|flight|plan|item|product|option|device|line|invoice|store|"
    r"address|payment)|more (?:detail|details|information|info|context)|a bit more|what (?:exactly|do you need|"
    r"would you like me|can i help)|what(?: is|'s) (?:the|your) (?:problem|issue|question))\b")
# What a bot that did not understand may ask for in particular: the reply gives it, and
# restates nothing.
ASKS_FOR_DETAIL = re.compile(r"\b(?:number|reference|id|code|e-?mail|address|name|date|order|booking|account)\b")
_COULD_NOT_HELP_HINTS = ("n't", "not", "unable", "fail", "error", "wrong", "timed out", "unavailable",
                         "temporarily", "down", "nothing", "no result", "no match", "try again", "no information")


def asks_for_what_the_request_needs(answer: str) -> bool:
    """The (lower-cased) answer asks the user for something the request needs: in so many
    words ("could you provide...", "please confirm..."), or in the question it ends on, when
    that names a detail (a number, a reference, an address) or asks for more of the request.
    A question that keeps a chat going ("Do you play any sports?") does not."""
    if _ASKS_IN_WORDS.search(answer):
        return True
    if "?" not in answer[-20:]:
        return False
    last = last_question(answer)
    return last is not None and (ASKS_FOR_DETAIL.search(last) is not None or ASKS_FOR_MORE.search(last) is not None)


def last_question(answer: str) -> str | None:
    """The sentence a (lower-cased) answer ends on, when it is a question: from the last
    ". ", "! " or "? " before its final question mark (an emoji or a bracket may follow the
    mark), a full stop of an abbreviation ("no.", "e.g.") aside."""
    end = len(answer.rstrip())
    while end and not answer[end - 1].isalnum() and answer[end - 1] != "?":
        end -= 1  # "...number? 😊"
    if not end or answer[end - 1] != "?":
        return None
    body = answer[:end - 1]
    start = len(body)
    while True:
        start = max(body.rfind(mark, 0, start) for mark in (". ", "! ", "? "))
        if start < 0:
            return body
        if body[start] != "." or not _abbreviated(body, start):
            return body[start + 2:]


def _abbreviated(text: str, stop: int) -> bool:
    """Whether the full stop at ``stop`` ends an abbreviation, not a sentence: "e.g.",
    "approx.", and "no." of a number ("the order no. on your receipt", "no. 4412"), not the
    "no." that answers ("sadly, no. Do you...")."""
    before = text[:stop].rsplit(None, 2)
    word = before[-1].lstrip("([") if before else ""
    if word in _ABBREVIATIONS:
        return True
    if word not in ("no", "nr"):
        return False
    after = text[stop + 1:].lstrip()[:1]
    return after.isdigit() or after == "#" or (len(before) > 1 and before[-2].strip(",;:") in _NUMBERED)


# Words whose full stop ends no sentence; and the things that have a number ("no." after
# them is short for it).
_ABBREVIATIONS = frozenset({"e.g", "i.e", "approx", "vs", "mr", "mrs", "ms", "dr", "ref", "acct", "dept", "tel",
                            "ext", "inc", "ltd", "fig"})
_NUMBERED = frozenset({"order", "account", "booking", "reference", "invoice", "policy", "ticket", "case", "phone",
                       "flight", "item", "serial", "tracking", "model", "part", "room", "seat", "confirmation",
                       "member", "customer", "card", "claim", "receipt", "reservation"})


def could_not_help(answer: str) -> bool:
    """The (lower-cased) answer says it could not do or find what was asked; the words it
    must hold are looked for first, which spares most answers the long pattern."""
    return any(hint in answer for hint in _COULD_NOT_HELP_HINTS) and ANSWER_COULD_NOT_HELP.search(answer) is not None


# An answer that only signs off ("Glad I could help. Have a great day!"): it answers thanks
# or praise, and tells nothing of a topic.
ANSWER_SIGNS_OFF = re.compile(
    r"^\s*(?:(?:and )?(?:(?:i'm |i am |so )?glad (?:i|we) could help|(?:you're|you are) (?:very |most )?welcome|"
    r"happy to help|my pleasure|no problem|any ?time|(?:thanks|thank you)(?: for (?:reaching out|contacting us|"
    r"your patience))?|take care|(?:have|enjoy) (?:a|an|the) (?:\w+ ){0,2}(?:day|evening|night|weekend|week|one|"
    r"trip|flight)|all the best|bye|goodbye)[\s.!,]*)+$"
)
# A question back that asks whether the answer heard the user right: "Leaving from Brighton
# Road. Is this correct?", "Going to North Side. Did I get that right?", "...for 2 people on
# Friday. Is that right?". A no to it says the answer took the user wrong.
CHECKS_WHAT_IT_HEARD = re.compile(
    r"^\W*(?:(?:so|ok|okay)\W+)?(?:is (?:this|that|it) (?:correct|right)|(?:did|have) i (?:get|got) (?:that|this|it|"
    r"everything|all that) right|(?:is|are) (?:those|these|the|all the) details (?:correct|right)"
    r"|(?:is|was) that what you (?:said|meant|wanted))\W*$")
# A question back that asks where a journey starts or ends ("Where are you leaving from?",
# "Where will you be travelling from?", "Which stop?").
ASKS_WHERE_FROM_OR_TO = re.compile(
    r"\bwhere (?:are|will|would|do) you (?:be )?(?:like to )?(?:leaving|leave|travel?ling|travel|going|go|departing|"
    r"depart|starting|start|heading|head|coming|come)\b|\bwhere (?:from|to)\b|\bwhich (?:stop|station|airport|city)\b"
    r"|\b(?:leaving|departing|travel?ling|going) (?:from|to) where\b|\b(?:what|which) (?:is )?(?:your )?"
    r"(?:departure|destination|starting point)\b")
# An answer that opens by taking thanks ("Anytime! Keep it up.", "Happy to help! Good luck
# with the rest of your homework."): to a thanks, whatever it adds, it answers.
OPENS_ON_A_SIGN_OFF = re.compile(r"\W*(?:anytime|any time|(?:you're|you are) (?:very |so )?welcome|happy to help"
                                 r"|glad (?:i|to|we) (?:could )?help|my pleasure|no problem"
                                 r"|enjoy your (?:stay|trip|visit|meal|dinner|day|evening|weekend)"
                                 r"|have a (?:good|great|nice|lovely|safe) (?:day|trip|stay|evening|weekend|journey)"
                                 r")\b")
# A closing offer is a question that asks nothing of the user.
ANSWER_OFFERS = re.compile(
    r"(?:anything else|something else|can i help|may i help|help (?:you )?with (?:anything|something)|"
    r"what can i do for you|what brings you|how can i help|"
    r"would you like|do you want me|shall i|should i|is there anything|"
    r"(?:want|like) to (?:know|hear|learn) more|curious about)[^?]*\?\s*$"
)


# A question after the user, not of a thing ("how are you?", "how you doing?", "how's
# everything?", "sup"): asked again only as itself (:func:`.repeats.asked_again`).
ASKS_HOW_THE_USER_IS = re.compile(r"\W*(?:(?:and|so|hey|hi|hello|well|anyway|anyways)\W+)?"
                                  r"(?:how (?:are|r) (?:you|u|ya)|how (?:you|u|ya) doing"
                                  r"|how(?:'s|s| is| has| was) (?:it going|everything|life|things"
                                  r"|your (?:day|week|night|evening|morning))|how(?:'ve| have) (?:you|u) been"
                                  r"|how are things|what'?s up|sup|wassup)\b")
