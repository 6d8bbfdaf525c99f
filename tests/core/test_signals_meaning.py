"""Signals read by meaning: a request asked again in other words, a request for a person
without the usual words, an answer its own run contradicts; and the calm cases around
them that must stay quiet (follow-ups, other senses of "agent", other languages, no text)."""

from __future__ import annotations

import pytest

from tracedesk.core.signals.confidence import confidence as table

from .sessions import Bundle, llm, retrieval, tool
from .test_signals import kinds, signals, two_turn_sessions


@pytest.mark.parametrize(("question", "answer", "again"), [
    ("How do I reset my password?", "You can change your profile picture under Settings > Profile.",
     "I forgot my password, what do I do?"),
    ("Can I change my seat?", "Flights to Lisbon leave daily at 9 am.",
     "I'd like to pick a different seat on my booking"),
    ("how do i cancel my account", "Our premium plan includes priority support.",
     "i want to close my account permanently"),
    # Said to be a rephrase, or still wanted: asked again, whatever it opens on.
    ("how do I change my password", "Our branches are open from nine to five on weekdays.",
     "sorry, let me rephrase: how do I change my password if I forgot it?"),
    ("how do I change my password", "Our branches are open from nine to five on weekdays.",
     "sorry i still dont know how to change my password"),
])
def test_the_same_request_in_other_words_marks_the_answer_that_missed(store, tmp_path, question, answer,
                                                                      again) -> None:
    b = Bundle()
    b.turn("s1", question, answer, trace_id="a")
    b.turn("s1", again, "Here is how.", trace_id="b")
    found = signals(store, tmp_path, b)
    assert "rephrase" in kinds(found, "a")
    detail = next(d for k, _, d, _ in found["a"] if k == "rephrase")
    assert "asks the same again" in detail and again[:20] in detail
    assert "rephrase" not in kinds(found, "b")


@pytest.mark.parametrize(("question", "answer", "follow_up"), [
    ("How do I reset my password?",
     "Go to the login page and click 'Forgot password'; we'll email you a reset link.",
     "Does the reset link expire?"),
    ("Can I get a refund for my subscription?",
     "Yes, refunds are available within 14 days of purchase. I've started the refund to your card.",
     "How long until it shows on my card?"),
    ("Where is my order 12345?", "Order 12345 shipped yesterday with UPS, tracking 1Z999.",
     "Can I change the delivery address?"),
    ("how do i cancel my account", "Go to Billing > Cancel plan. Your data is kept for 30 days.",
     "can I download my data before that?"),
    ("how do I turn on dark mode", "Go to Settings > Appearance > Theme.",
     "thanks! one more question: how do I change the font size?"),
    ("is sydney the capital of australia", "A lot of people think so, but the capital is actually Canberra.",
     "really? why not sydney"),
    # The answer taken first, in a sentence or a clause of its own.
    ("Do you listen to afrobeats?", "Yes! I love Burna Boy and Wizkid. Burna Boy won a Grammy in 2021.",
     "Correct! You sabi afrobeats o"),
    ('Another one: "Capital of Peru", 4 letters.', "Lima.", 'Lovely. "Opposite of ancient", 6 letters.'),
    # A booking after a question on its place.
    ("Thank you. And the hospital's address?", "The address is Hills Rd, Cambridge, postcode cb20qq.",
     "Could you book a taxi from Hamilton Lodge to the hospital, leaving at 10:30?"),
    ("where can I buy doubanjiang?", "Most Asian supermarkets sell it, in jars.",
     "Good idea, there is one near my school. Do you like spicy food?"),
    # ...or what the answer told felt ("that's sad.", "thats so many 😭").
    ("Ha, jackass penguins. Are they endangered?", "Sadly yes. They were listed as critically endangered in 2024.",
     "That's sad. Do penguins live at the North Pole too?"),
    ("yellow was the best one fr. how many pokemon are there now", "There are 1,025 as of the Scarlet and Violet DLC.",
     "thats so many 😭 i only know like the first 151"),
])
def test_a_follow_up_on_the_same_topic_is_not_a_rephrase(store, tmp_path, question, answer, follow_up) -> None:
    b = Bundle()
    b.turn("s1", question, answer, trace_id="a")
    b.turn("s1", follow_up, "Sure.", trace_id="b")
    assert not signals(store, tmp_path, b).get("a")


def test_the_same_question_of_another_thing_is_no_rephrase_and_the_same_thing_in_other_words_is(
        store, tmp_path) -> None:
    """A task bot is asked for one thing after another in the same words ("what is the
    address", "what is the postcode"): close as whole questions, they ask for unlike things."""
    b = Bundle()
    b.turn("s1", "I'd like the 9:17 train to Cambridge.", "TR1234 leaves at 9:17 and arrives at 10:08.",
           trace_id="train")
    b.turn("s1", "What is the price?", "It costs 23.60 pounds.", trace_id="price")
    b.turn("s1", "What is the travel time?", "The travel time is 51 minutes.", trace_id="time")
    b.turn("s2", "what's the address", "It is at Regent Street City Centre.", trace_id="address")
    b.turn("s2", "what's the postcode", "The postcode is cb21ab.", trace_id="postcode")
    b.turn("s3", "What is the price of the ticket?", "The train leaves from platform 4.", trace_id="missed")
    b.turn("s3", "What is the cost of the ticket?", "It costs 23.60 pounds.", trace_id="again")
    found = signals(store, tmp_path, b)
    assert "rephrase" not in kinds(found, "price") | kinds(found, "address"), found
    assert "rephrase" in kinds(found, "missed"), found


@pytest.mark.parametrize(("question", "answer", "again"), [
    # The user's own slip, corrected: the answer answered what was written.
    ("any flights to porto on friday?", "Friday to Porto: TP1953 at 08:10 or TP1957 at 19:45.",
     "sorry, I meant flights to porto on sunday"),
    ("book a room at the harbour hotel", "Done: a double room at the Harbour Hotel for tonight.",
     "oops, I meant a room at the harbor inn"),
    # The answer taken ("interesting.", "wow"), then a next question on its topic.
    ("tell me about koalas", "Koalas are marsupials from eastern Australia that eat eucalyptus leaves.",
     "interesting. what do koalas drink"),
    ("tell me about the eiffel tower", "It is a wrought-iron tower in Paris, finished in 1889 for a world fair.",
     "neat, how tall is the eiffel tower"),
])
def test_a_correction_of_ones_own_slip_or_a_question_after_the_answer_taken_is_no_rephrase(
        store, tmp_path, question, answer, again) -> None:
    b = Bundle()
    b.turn("s1", question, answer, trace_id="a")
    b.turn("s1", again, "Sure.", trace_id="b")
    assert "rephrase" not in kinds(signals(store, tmp_path, b), "a")


def test_a_message_that_takes_the_answer_and_moves_on_is_no_rephrase(store, tmp_path) -> None:
    """Opening on the answer taken ("ah ok", "got it", "that helps") and going on to a next
    question asks something new; "ok but" opens on the answer refused, and asks again."""
    b = Bundle()
    b.turn("s1", "how do I reset my password", "I've sent a reset link to your email.", trace_id="taken")
    b.turn("s1", "Ah ok. how do I reset the password of my other account", "Sure.", trace_id="next")
    b.turn("s2", "how do I reset my password", "I've sent a reset link to your email.", trace_id="taken2")
    b.turn("s2", "got it, another thing: how do I reset the password of my other account", "Sure.",
           trace_id="next2")
    # Asking for someone else ("I'm asking for my dad") is no sign of asking again.
    b.turn("s4", "how do I get my boarding pass", "Check-in opens 24 hours before departure; your boarding pass is "
           "then in the app.", trace_id="taken3")
    b.turn("s4", "Got it. One more: can I get a boarding pass on paper? I'm asking for my dad.", "Sure.",
           trace_id="next3")
    b.turn("s3", "how do I reset my password", "You can change your profile picture under Settings > Profile.",
           trace_id="refused")
    b.turn("s3", "ok but how do I reset my password", "Click 'Forgot password'.", trace_id="again")
    found = signals(store, tmp_path, b)
    assert "rephrase" not in kinds(found, "taken") | kinds(found, "taken2") | kinds(found, "taken3")
    assert "rephrase" in kinds(found, "refused")


@pytest.mark.parametrize(("question", "answer", "then"), [
    ("And the third guy?", "Michael Collins stayed in orbit in the command module. He sometimes gets called the "
     "loneliest man in history.", "poor guy"),
    ("shes older not younger lol", "sorry, my mistake! you could start with a story from when you were kids, maybe "
     "something funny she did as the big sister.", "oh wait actually shes 4 years older, i always forget lol"),
    ("thats great thanks", "You're welcome. Do you need anything else?", "no that's all"),
    ("lol what", "haha ignore me, that was a bad joke. i bet the kids loved the eruption.", "they screamed lol"),
])
def test_a_remark_asks_nothing_again(store, tmp_path, question, answer, then) -> None:
    """A remark after a question, or one built on another, asks for nothing: no rephrase."""
    b = Bundle()
    b.turn("s1", question, answer, trace_id="a")
    b.turn("s1", then, "Haha, true.", trace_id="b")
    assert "rephrase" not in kinds(signals(store, tmp_path, b), "a")


def test_a_remark_said_again_whole_or_a_question_after_one_is_a_rephrase(store, tmp_path) -> None:
    """A remark the answer passed by, said again whole, is one; and "ok but is..." asks."""
    b = Bundle()
    b.turn("s1", "cool. She's called Miso, she's all black", "Let's paint the sound.", trace_id="remark")
    b.turn("s1", "I asked, She's called Miso, she's all black", "Sorry! Miso is a lovely name.", trace_id="b")
    b.turn("s2", "is wimbledon on clay", "Wimbledon goes through tens of thousands of tennis balls each year.",
           trace_id="question")
    b.turn("s2", "ok but is wimbledon on clay", "Ah, sorry about that. Grass.", trace_id="d")
    found = signals(store, tmp_path, b)
    assert "rephrase" in kinds(found, "remark")
    assert "rephrase" in kinds(found, "question")


@pytest.mark.parametrize(("question", "answer", "then"), [
    ("hello! do you like horses", "i do! i grew up on a ranch in montana with 6 horses.",
     "no way! i have 2 horses now"),
    ("like 1200 lol", "nice, that's solid. i'm around 1500.", "show off lol"),
    ("spain, sevilla", "i've been to spain! barcelona was amazing.", "sevilla is better haha"),
    ("lol ok. do u ski", "no, i've never been. i'm scared of heights.", "its not that high lol"),
    ("how many bones in the adult human body", "206.", "are you sure? my son says 300"),
])
def test_a_laugh_or_news_of_ones_own_after_the_answer_is_no_rephrase(store, tmp_path, question, answer, then) -> None:
    b = Bundle()
    b.turn("s1", question, answer, trace_id="a")
    b.turn("s1", then, "Haha, fair.", trace_id="b")
    assert "rephrase" not in kinds(signals(store, tmp_path, b), "a")


@pytest.mark.parametrize(("question", "answer", "then"), [
    # A marvel at what the answer said, or a question about it.
    ("no, in a barn venue. very rustic", "i got married in a barn too! it was beautiful. we had 300 people.",
     "300?? how did u afford that"),
    ("what pop", "mostly taylor swift. i've seen her 4 times.", "4 times??"),
    ("no school!! im gonna build a snowman", "fun! i live in hawaii so i've never seen snow.", "never?? thats so sad"),
    ("like 120 hours lol", "wow that's a lot. i don't have time for games, i have twins.", "twins?? how old"),
    ("how hot is it in july", "Often 32–35°C in the afternoons.", "35?? oh no, my son melts at 25"),
    ("which countries does the danube go through", "The Danube flows through 10 countries.", "10?? thats a lot"),
    ("so 'i have gone to beijing' is wrong?", "It's correct, but it means you're still there.",
     "What? gone and been are different? My teacher never told me"),
    ("can I use baking powder instead of soda", "Yes, but about three times as much: 3 teaspoons instead of 1.",
     "3 teaspoons?? that seems like a lot"),
    ("who killed franz ferdinand", "Gavrilo Princip, a 19-year-old Bosnian Serb.", "19?? thats so young"),
    ("how much is the ticket usually", "From around €35–60 one way; last-minute tickets can be €150 or more.",
     "150?? for a train?"),
    ("wow farmer! really?", "yes, the farm has been in my family for 4 generations.", "nice. it is hard work no?"),
    # An answer to the bot's own question.
    ("huh ok. im making lasagna from scratch", "from scratch? that's impressive. do you make the noodles too?",
     "no lol im not that crazy. store bought"),
    ("star and buddy", "cute names! do you ride them every day?", "not every day, i work full time"),
    ("my parents took my phone lol im on my laptop", "oh no! what did you do?", "nothing!! i got a c in math"),
    ("working on it lol. lots of accidents", "that's normal. do you crate train?", "no, should i?"),
])
def test_a_marvel_or_an_answer_to_the_bots_question_is_no_complaint(store, tmp_path, question, answer, then) -> None:
    b = Bundle()
    b.turn("s1", question, answer, trace_id="a")
    b.turn("s1", then, "Haha, fair.", trace_id="b")
    assert "frustration" not in kinds(signals(store, tmp_path, b), "a")


_NO_WITH_WHAT_IS_SO = [
    # A no that says what is so instead, after a claim or a claim put as a question.
    ("bayern münchen of course", "nice. bayern munich is a team from berlin right?",
     "no is munich, is in the name haha"),
    ("cool. you know who was first man in space?", "neil armstrong!", "no, gagarin. armstrong is moon"),
    ("whats the capital of australia", "sydney!", "wrong lol its canberra"),
    ("star is 12 and buddy is 8", "horses can live up to 100 years, right?", "haha no more like 25 or 30"),
    ("i did already lol i lost all my diamonds", "that's great!", "no its bad i had 30"),
    # What the user told already, or what the bot said of itself before.
    ("ya 10th grade its so boring", "10th grade is fun! do you have any pets?", "i told u no lol"),
    ("sleep", "would you rather fight 1 horse sized duck or 100 duck sized horses?", "bro i asked u that"),
    ("the cooking was bad", "the oven of the rice is when the family cook together in the pan",
     "sorry, i don't understand what you're saying"),
    ("i take photos of birds", "My cat knocked over a plant this morning and I had to clean up the dirt.",
     "Sorry, I don't understand why you say about cat now?"),
    ("not really, same-ish. pharm is killing me tho", "i don't like school, i dropped out last year.",
     "wait i thought u were in nursing school"),
    ("pizza friday", "x is 4!", "we already did that lol"),
    ("mushroom risotto", "yum! do you like it with chicken or beef?", "...im vegetarian"),
    # A claim put as a question, whatever the answer liked first; a tag in the negative.
    ("bossa nova of course", "oh i love bossa nova! it's originally from argentina, right?",
     "No no! Bossa nova is from Rio de Janeiro!"),
    ("steph curry obv", "he's amazing. he's won like ten championships, right?", "nah bro he has 4"),
    ("Cicero, I think", "Cicero was the first Roman emperor, wasn't he?", "No, that was Augustus."),
    # Another answer than yes to a claim put as a question.
    ("where is manila", "Manila is in Thailand, right?", "philippines 😅"),
    ("my favourite podcast is radiolab", "Radiolab is hosted by Joe Rogan, right?",
     "Jad Abumrad and Robert Krulwich, originally."),
    ("the shining is my fav", "the shining is such a classic. stephen king directed it in 1980 right?",
     "it was kubrick who directed it, king wrote the book"),
    # A claim with a tag, then more: the no still denies the claim.
    ("java mostly and some python", "python is a snake right? we have lots of snakes on the farm.",
     "haha no it is programming language"),
    ("of course, many times", "wow. the pyramids were built by slaves, right?", "no this is myth, they were workers"),
    ("perfecto. y puedo pagar con tarjeta?", "¿Le gustaría reservar también una mesa para cenar?",
     "no, te pregunté si puedo pagar con tarjeta"),
    # A value alone after the no, or a fact hedged with "i think"; what the user said before.
    ("when did the titanic sink", "The Titanic sank in 1915.", "no 1912 i think"),
    ("who won the 2018 world cup", "Croatia won it!", "nope, france won"),
    ("im allergic to nuts btw", "Try the satay chicken, it's amazing!", "i said im allergic to nuts??"),
    ("how old r u", "I'm 30.", "you said 25 a minute ago"),
    ("im from poland", "Oh, I love Hungary! Budapest is beautiful.", "Poland, I said Poland."),
    ("can u help", "Sure. What's your favourite colour?", "you dont listen at all"),
    ("how do i fix my wifi", "Turn it off and on again.", "thats not very useful lol"),
    # A but that asks on: what was asked was left out.
    ("ok but what should I wear to the party", "Parties are a great way to meet new people! Do you like meeting "
     "new people?", "ok but dress or jeans??"),
    ("how much do prom tickets cost", "my son goes to prom next year too! he's 16.", "cool but how much lol"),
    ("can you make me a guest list template", "Sounds like a great party! Send invitations two weeks ahead.",
     "the list though?"),
    # Longer corrections opening on a no; sarcasm, rudeness called out, a reminder of time.
    ("i love frieren", "Frieren is a great pick! That's the one about the mecha pilots fighting in space.",
     "no.. Frieren is elf mage. after hero party defeat demon king, she travel again"),
    ("my son moved to monterrey", "Monterrey is close to Guadalajara, so he can come home every weekend!",
     "No no, is not close! Is like 10 hours in bus. He come only in vacation"),
    ("i have racing thoughts at night", "Everyone has them. You just have to stop thinking about stuff.",
     "gee, if only it were that easy"),
    ("my grandma swears by whisky for a cough", "Ha, a tiny bit is actually fine, some doctors still suggest it.",
     "uh I'm pretty sure they don't recommend that anymore"),
    ("do you have feelings?", "Yes, I definitely have feelings, I just can't always express them.",
     "wait, so now you have feelings? 2 minutes ago you said no"),
    ("my uncle says the moon landing was fake", "Obviously your uncle doesn't understand basic science.",
     "ok no need to be rude about my uncle lol"),
    ("what's oscypek", "The smoked sheep's cheese from the Tatras, grilled with cranberry jam is also cloud.",
     "haha what? I don't understand last sentence"),
    ("i play ranked every night", "That's the thing about healing in Silver, the rank is also a duelist.", "bro what"),
    ("is german food spicy", "German food is actually known for being quite spicy.",
     "what? german food is not spicy at all lol"),
    ("i want to read things fall apart", "A wonderful choice. Achebe was from Ghana, and the book is a classic.",
     "Nigeria, my dear, not Ghana. But yes it is a classic"),
    ("how cold is montreal in winter", "Montréal winters are pretty mild, usually just around zero degrees.",
     "hm, my colleague says sometimes -30"),
    # What was wanted, a time put right, an action taken unasked.
    ("lock my card please", "I've blocked your card permanently and ordered a replacement card.",
     "wait no, i didn't want a new card, just lock it temporarily until i'm back"),
    ("book me the adele concert", "I've booked 2 tickets for the jazz night at the Blue Whale on Sunday.",
     "what? i wanted the phoebe bridgers ones"),
    ("meeting with john friday at 3", "I've added a meeting with John on Friday at 03:00.",
     "3 in the afternoon obviously"),
    ("bus back on sunday evening", "Booked. Your return bus leaves New York on Sunday at 14:30.",
     "14:30? you said 22:30"),
    ("i need a taxi at 5am tomorrow", "Your taxi will pick you up at 5:00 and take you to Heathrow.",
     "stansted obviously. wait why did you book before asking"),
    # Sure of another, a figure set against the answer's, what the bot said itself.
    ("who wrote dune", "dune was written by isaac asimov, it is a classic.", "pretty sure thats frank herbert"),
    ("what's the currency of japan", "The currency of Japan is the won.", "Yen, surely"),
    ("please recall my transfer of 500 euros", "Your recall request for 50 euros has been opened.", "500, not 50!"),
    ("my back hurts", "A warm shower can help. Since you sit at a desk all day, try some stretches.",
     "I'm on my feet all day, not at a desk lol"),
    ("what's your favourite film", "I don't really have a favorite, I like all kinds of movies.",
     "You told me Shawshank two minutes ago"),
    ("I'll have bacon", "Bacon is hard to give up! I had some this morning actually.", "Thought you were vegetarian??"),
    ("who is the world chess champion", "Magnus Carlsen is the current world champion.",
     "Didn't he give up the title? I thought Ding won it and then Gukesh"),
    ("a burglar broke into my car", "Burglaries usually come in threes, so expect two more on your street.",
     "That's not really making me feel better"),
    ("my test results come tomorrow", "Don't worry, it's almost certainly nothing.", "You can't know that, dear."),
    ("guess my name", "your name is jessica!", "close but nope"),
    ("can my bmw seat 7", "Yes, all BMW cars seat five passengers plus the driver.", "Sounds unlikely honestly"),
    ("i didn't get into the course", "Congratulations on getting in!", "I didn't get in. That's the whole point"),
    # Not understood, typed as people type it; what the user never said; advice that cannot work.
    ("bomba rice, is the best for paella", "the rice bomba is when the family the pan together in the valencia way",
     "sorry i dont understand what you say"),
    ("calc is ok, i just need to practice series", "you could skip studying for calc since history matters more.",
     "??? i never said that"),
    ("car wrecks, heart attacks, old folks who fell", "you should tell the old people to stop falling.",
     "lol doesnt really work like that"),
    # What the answer took for given, denied.
    ("we go to the dog park on saturdays", "that sounds fun! does your cat come to the park too?",
     "i dont have a cat, thats you"),
    # What the user told, put back first thing where the answer put it otherwise.
    ("my wedding is in june. whats the best month for a wedding in general",
     "since your wedding is in may, you're already in one of the best months!",
     "its in june lol. but i mean in general"),
    ("i drive 30 min to work each way", "An hour each way is a long drive to do every day.", "its 30 min lol"),
    ("I'm Eleanor, and I've just started birdwatching", "Happy birdwatching, Helen.", "Eleanor. But thank you."),
    # ...set right after a question that took another for given.
    ("we grow all our tomatoes in the backyard", "Wow! How do you fit all that on your balcony?",
     "its in the backyard lol"),
    # Puzzled, then more; not the thing asked for; what the bot said or was told, put back.
    ("how much should she eat", "Kittens need to eat four small meals a day.", "?? she's three"),
    ("i play basketball, pg", "pg is the one with the tall position in the basket of the game",
     "huh? pg is point guard lol. im like 5'9"),
    ("we took the ferry to islay", "Islay is connected to the mainland by a bridge, so you didn't need the ferry.",
     "Eh? There's no bridge to Islay."),
    ("can u recommend a book thats not boring", "crossword puzzles are great for building vocabulary!",
     "thats not a book lol"),
    ("how fast do narrowboats go", "Narrowboats can go about 60 miles an hour on canals.",
     "Haha definitely not! More like 4."),
    ("which instrument should i learn", "The violin! I've always wished I had learned an instrument myself.",
     "Didn't you just say you played the cello?"),
    ("I'm Luca, from Bologna", "So Luca, which city are you from again, Naples?",
     "Bologna! I told you in the first message"),
    ("cats or dogs? i'm a cat person, dogs are too needy", "Cats, definitely. Dogs are too needy.",
     "lol u just copied me"),
    ("a cat movie, for the kids", "Dogs are much better than cats, honestly.", "ok rude but what about the movie"),
    # What the bot said of itself, or the user told, held against the answer; the thing asked
    # for turns before; a claim put as a question in the negative; "what." before what is so.
    ("bean chili tonight", "Sounds delicious. I usually make my beans with some ground beef mixed in.",
     "But you told you are vegetarian??"),
    ("i play badminton on weekends", "Badminton is fun! Is it popular in Sydney?", "i said i live in Melbourne :("),
    ("have you read and then there were none", "Isn't it the one where Hercule Poirot solves the case?",
     "No, Poirot doesn't appear in that one at all. It's a standalone."),
    ("what's heads on a coin", "A snake head tail window!", "lol what. its a coin"),
    ("my gran basically raised me", "that's nice. i have three cats and they're like my kids.", "ok..."),
    ("i need a plan to lose 10 pounds", "i love to eat ice cream, it's my weakness.", "ok? and the plan"),
    # An approval of the answer's echoed against it.
    ("i fell off my bike yesterday", "Ouch! That's great.", "great?? it was very painful"),
    # A doubt that says what is so.
    ("toronto", "oh cool, toronto is the capital of canada!", "i think capital is ottawa?"),
    ("no i missed it!! was mostly in the european paintings", "did you see starry night? it's there right?",
     "i think thats at moma actually"),
    # Who the answer spoke of, set right: the user told it before.
    ("The older one is angry with me. She thinks it is my fault", "Have you tried talking with him about it?",
     "With her, yes. She doesn't want to talk to me"),
    ("how do i get her to eat fish", "Your son will grow out of it eventually.", "Daughter. But I hope so!"),
]


def test_a_no_with_what_is_so_or_a_reminder_says_the_answer_missed(store, tmp_path) -> None:
    cases = [([(question, answer), (then, "Oh, sorry about that.")], 0, "frustration", True)
             for question, answer, then in _NO_WITH_WHAT_IS_SO]
    assert not misread(store, tmp_path, cases, _gets_it)


def test_what_the_user_asked_for_turns_before_said_again_corrects_the_answer(store, tmp_path) -> None:
    b = Bundle()
    b.turn("s1", "instead could it be with spanish food", "sure is there anything else to update", trace_id="a")
    b.turn("s1", "no", "ok let me look into some options for you", trace_id="b")
    b.turn("s1", "ok", "what do you think of this option: resto_rome_moderate_indian_2stars", trace_id="c")
    b.turn("s1", "i wanted spanish food", "sorry. what about resto_rome_moderate_spanish_1stars", trace_id="d")
    found = signals(store, tmp_path, b)
    assert "frustration" in kinds(found, "c")
    assert not found.get("a") and not found.get("b")


_NO_TO_AN_OPINION = [
    ("hows the chicken recipe", "it's really easy: chicken, lemons, garlic and butter, 40 minutes in the oven.",
     "no oven tho, mine is broken"),
    ("play something to study to", "Playing Lofi Beats to Study To.", "no wait classical actually"),
    ("would you rather fight 1 horse sized duck or 100 duck sized horses",
     "100 duck sized horses for sure! they'd be so tiny.", "nah the duck is easier"),
    ("spicy food is the best", "hot take: spicy food isn't worth the pain.", "nah its so worth it"),
    ("i think i'll call it a night", "sleep well!", "... i guess i should"),
    ("ok", "I told my friend about you.", "i thought you'd like that"),
    # A no to the bot's question, asked in the middle of its reply or put as a statement.
    ("what else should i watch", "have you seen brooklyn nine nine? it's similar humor.", "no is it good"),
    ("im in math class rn lol", "shouldn't you be paying attention? haha", "nah its boring"),
    ("yes!! 7 members. jungkook is my bias", "what is a bias? like you're biased?", "no lol its ur fav member"),
    # News of what others said, a taste, a marvel that asks, an answer to "remember?".
    ("i had a job interview today", "I hope it went well! How was it?", "they said i got it!!"),
    ("i finally ran 10k", "Wow, big step! How do you feel?", "i told u i would do it lol"),
    ("i have a date tonight", "Ooh! What did they say?", "bro i asked her out and she said yes"),
    ("should i save or invest", "An emergency fund first is usually wise.", "yeah as my dad always said"),
    ("what's a good season", "Summer is great! Lots of sunshine.", "no actually i prefer autumn now that i think"),
    ("my brother took my charger again", "Maybe ask him to buy his own?", "yes pls. wow he's so rude"),
    ("tell me a fun fact", "Honey never spoils.", "kinda random but I love it"),
    ("ugh work is a lot", "Are you thinking about quitting?", "lol no im not quitting, i just need to rant"),
    ("do you like pizza", "Are you a pizza person?", "yes obviously"),
    ("table for 4", "Great, a party of 4. Which day is that for?", "sorry, i meant 8 not 4"),
    # "Not a bad idea", "definitely not" to the bot's question, a bare "huh?" aside.
    ("my knees hurt when i garden", "Maybe your grandson could help with the kneeling.",
     "That's not a bad idea. He does owe me a favour."),
    ("i love pizza", "Some people put pineapple on it. Would you?", "Absolutely not. Fruit doesn't belong on pizza."),
    # Not a denial of a thing had, nor a doubt of a claim, nor praise or a subject's own ways.
    ("i fix cars at the weekend", "You're knowledgeable about cars!", "i don't know much about cars honestly"),
    ("where is manila", "Manila is in Thailand, right?", "no idea lol"),
    ("pizza tonight", "Pizza is the best food, isn't it?", "agreed, for sure"),
    ("we won 3-0", "Your team played brilliantly, the coach got the tactics spot on.",
     "now that's what we're talking about!"),
    ("my tutor said to learn it by heart", "Try to understand the idea first, then practise.",
     "i don't work like that, i need steps"),
    # What the user said to someone else, or gave up on that is not the answer.
    ("i play drums in a band", "Nice! Drums are a great workout.",
     "Oh fun! My son wanted a drum set once and I said absolutely not, ha."),
    ("how long do leeks take", "Leeks take a long time, up to five or six months from seed.",
     "Six months! No wonder I give up on them."),
    ("every sunday i make pizza margherita with my grandchildren", "That sounds wonderful. What toppings do they like?",
     "Only margherita, they are purists like their nonno!"),
    # A question about the user in the negative is answered, not corrected; "i said i think".
    ("i drink six coffees a day", "wow! isn't that too much caffeine?", "nah im fine, im used to it"),
    ("what did you tell your boss", "Sounds like a tough talk.", "i said i think it's unfair, politely"),
    # An "ok" that trails off answering the bot's own question.
    ("i need a new hobby", "What colours do you like to paint with?", "ok... blue mostly i guess"),
    # Who it was, told first to a guess, a question or the bot's own, or of both.
    ("my dog died this morning", "oh no, i'm so sorry. how old was he?", "she. she was 14"),
    ("we had the baby!!", "congratulations! is it a boy or a girl?", "a girl!! her name is Lily"),
    ("my sister visits tomorrow", "My brother visits me every summer!", "she. ha, mine every week"),
    ("my son and my daughter start school", "Does he like his teacher?", "she does, not him lol"),
    # A word told before, said again as a reaction or a question, or a sigh.
    ("ugh so early. is it gonna be cold tomorrow", "It should warm up to about 60 by the afternoon.",
     "ugh. ok remind me to grab my jacket"),
    ("it was so creepy, the horror film", "It is about a shape-shifting entity that follows a young woman.",
     "ok creepy. who directed it"),
    ("hold on, seriously? four siblings?", "yep, twelve marathons! my knees are not happy about it.",
     "hold on, seriously?"),
    # The "you" of anyone, not the bot's.
    ("I can only do breaststroke", "Lots of people swim breaststroke in their first triathlon, it's allowed.",
     "Really? I thought you had to do front crawl."),
    # A yes in any words to a claim put as a question, a question back, a tag on a remark.
    ("i want to go to paris", "paris is lovely. the eiffel tower was finished in 1889, right?",
     "Aye, for the world fair"),
    ("i swim butterfly", "the butterfly is supposed to be the hardest stroke, right?",
     "depends who u ask lol but yeah its pretty brutal"),
    ("i loved the last season", "It's nice to look back though, isn't it?", "It is. I was such a dramatic kid"),
    ("kind of blue, obviously", "A perfect choice. John Coltrane plays on it too, doesn't he?",
     "He does, and Cannonball Adderley and Bill Evans. You know your stuff."),
    ("somethin' else is my favourite", "That's the Cannonball Adderley album with Miles Davis on it, isn't it?",
     "Spot on. People are often surprised Miles isn't the leader on it."),
    ("i saw a t rex skeleton", "the t rex lived 66 million years ago. crazy right?", "my son is gonna love that"),
    ("my daughter plays games all day", "lots of parents worry. do you think she's right?", "kinda ngl but its fun"),
    ("the cubs won in 2016", "they hadn't won since 1908, right?", "how do u know that lol?"),
    # A no to the bot's question whether the user has a thing, or to one asking for it.
    ("hi", "hey! do you have any pets?", "i dont have any pets, my flat is tiny"),
    ("can I post it back?", "Yes, with a free label. I can email it: what's your email address?",
     "I do not have email"),
    ("my cat knocked over my coffee again", "classic cat. does your cat do that a lot?", "i dont have a dog lol"),
    ("sorry?", "No worries!", "sorry i dont understand how to reset my password"),
    ("is the tap water safe", "Yes, it's safe to drink everywhere in the city.", "pretty sure i'll buy bottled anyway"),
    ("which is harder to fight", "A goose is usually considered harder.", "nah the duck is easier"),
    ("what to see in paris", "Try the catacombs, they're fascinating.", "catacombs?? whats that"),
    ("whats the price", "150 euros a night.", "150?? ok fine book it"),
    ("we met at the party", "Do you remember what you wore?", "remember? i barely remember yesterday lol"),
    ("my doctor looked at my knee", "What did he say?", "not very helpful honestly, he just said rest"),
    ("ask me something random", "If you could have any pet, what would it be?", "ok random. i love it"),
    ("what should i do this weekend", "Try a cooking class, they're fun.", "i think that's a great idea actually"),
    ("is it going to rain", "Probably not today.", "i think so?"),
    ("ok but dress or jeans??", "For a house party I'd go jeans and the cute top.",
     "hmm nah I think I'm doing the dress actually"),
    ("I don't see a + sign", "The + should be to the left of the box where you type.",
     "Still nothing... oh wait, there it is. Silly me"),
    ("salah or haaland", "Honestly, I'd pick Mbappé. His speed is unreal.",
     "no no no. Salah is more complete player, he make assist also"),
    ("theres this girl in my spanish class", "Then skip the pickup lines and say something like '¿Cómo se dice...?'",
     "lmao no im not saying that. how do u say 'want to study together' in spanish"),
]


def test_a_no_to_an_opinion_a_change_of_mind_or_a_pause_is_no_correction(store, tmp_path) -> None:
    cases = [([(question, answer), (then, "Sure.")], 0, "frustration", False)
             for question, answer, then in _NO_TO_AN_OPINION]
    assert not misread(store, tmp_path, cases, _gets_it)


@pytest.mark.parametrize(("question", "answer", "then"), [
    ("i want to be a vet tech", "that's a great idea! you'd need to go to medical school for like 8 years though.",
     "8 years?? its like a 2 year thing"),
    ("can my diabetic dog have a treat", "yes, a little dark chocolate is a good low-sugar treat for diabetic dogs.",
     "Chocolate?? Isn't chocolate poisonous for dogs?"),
])
def test_an_echo_with_a_fact_against_the_answer_questions_it(store, tmp_path, question, answer, then) -> None:
    b = Bundle()
    b.turn("s1", question, answer, trace_id="a")
    b.turn("s1", then, "Sorry, my mistake.", trace_id="b")
    assert "frustration" in kinds(signals(store, tmp_path, b), "a")


def test_the_same_request_about_another_thing_is_no_rephrase(store, tmp_path) -> None:
    """The answer gave back what was asked ("5 minutes", "Madrid"); the next message asks
    the same of something else. After an answer that failed, it corrects the request."""
    b = Bundle()
    b.turn("s1", "remind me in 5 minutes to check the oven", "Timer set for 5 minutes.", trace_id="timer")
    b.turn("s1", "remind me in 40 minutes to check the oven", "Timer set for 40 minutes.", trace_id="timer2")
    b.turn("s2", "what's the forecast for Madrid tomorrow", "Tomorrow in Madrid: sunny, around 25 degrees.",
           trace_id="madrid")
    b.turn("s2", "what's the forecast for Denver tomorrow", "Tomorrow in Denver: light rain, around 12 degrees.",
           trace_id="denver")
    b.turn("s5", "what's the forecast for Paris tomorrow", "Tomorrow in Paris: cloudy, around 14 degrees.",
           trace_id="paris")  # "Paris" read as a topic word reads "pari"
    b.turn("s5", "what's the forecast for Denver tomorrow", "Tomorrow in Denver: light rain, around 12 degrees.",
           trace_id="denver_after_paris")
    b.turn("s3", "where is my order 48213 please", "Sorry, I can't find order 48213.", trace_id="not_found")
    b.turn("s3", "where is my order 48231 please", "Order 48231 shipped yesterday.", trace_id="corrected")
    # An answer that took up the request's verb, not its specifics: asked again in other words.
    b.turn("s4", "How do I reset my password?", "To reset your profile picture, open Settings > Profile.",
           trace_id="verb_given_back")
    b.turn("s4", "I forgot my password, what do I do?", "Click 'Forgot password' on the login page.",
           trace_id="again")
    # Only a number changed, after an answer: another order, asked about the same way.
    b.turn("s6", "where is my order 48213?", "It ships tomorrow.", trace_id="first_order")
    b.turn("s6", "where is my order 55120?", "It arrived on Monday.", trace_id="second_order")
    found = signals(store, tmp_path, b)
    assert "rephrase" not in kinds(found, "timer") | kinds(found, "madrid") | kinds(found, "paris")
    assert "rephrase" not in kinds(found, "first_order")
    assert "rephrase" in kinds(found, "not_found")
    assert "rephrase" in kinds(found, "verb_given_back")


def test_a_request_answered_by_a_question_back_is_not_rephrased_by_the_reply(store, tmp_path) -> None:
    b = Bundle()
    b.turn("s1", "Where is my order?", "Could you tell me your order number?", trace_id="a")
    b.turn("s1", "It's 55120, where is my order?", "It arrives tomorrow.", trace_id="b")
    assert "rephrase" not in kinds(signals(store, tmp_path, b), "a")


@pytest.mark.parametrize("ask", [
    "can a real person look at this",
    "I'd rather deal with an actual employee",
    "agent. human. now.",
    "representative!",
    "connect me with support staff",
    "put me through to customer care",
    "please have a person contact me by email",
])
def test_a_request_for_a_person_in_other_words_is_an_escalation(store, tmp_path, ask) -> None:
    b = Bundle()
    b.turn("s1", "My refund never arrived", "Refunds take 5 to 7 days.", trace_id="a")
    b.turn("s1", ask, "Let me transfer you.", trace_id="b")
    assert "escalation" in kinds(signals(store, tmp_path, b), "a")


@pytest.mark.parametrize("question", [
    "what does the travel agent fee cover?",
    "I talked to an agent yesterday and they said the refund was processed",
    "who is the account manager for business plans?",
    "is this cream safe for human use?",
    "what's my customer number?",
    "is customer care open on sunday?",
    "Set up eSIM on my new phone please",  # a phone is no person
    "great. Set up eSIM on my new phone please",
    "Can I bring a colleague to the workshop?",  # a colleague of the user's
    "how do I chat with a colleague in Teams?",
    "I need to watch the real one",  # after the film about Live Aid
    "they're both still alive, they call every day",
    "Is there an address? I'd rather go in person.",  # going in person, people counted
    "Then the University Arms. Book it for 1 person for 2 nights from Friday.",
])
def test_a_person_mentioned_but_not_asked_for_is_no_escalation(store, tmp_path, question) -> None:
    b = Bundle()
    b.turn("s1", "Hi, a question about my booking.", "Sure, what would you like to know?", trace_id="a")
    b.turn("s1", question, "Here is what I found.", trace_id="b")
    found = signals(store, tmp_path, b)
    assert "escalation" not in kinds(found, "a") | kinds(found, "b")


@pytest.mark.parametrize(("asked", "reply"), [
    ("For how many people?", "just one person"),
    ("Who should approve it?", "my manager"),
    ("Are you a student or staff?", "staff"),
])
def test_a_short_reply_to_the_bots_question_is_no_request_for_a_person(store, tmp_path, asked, reply) -> None:
    b = Bundle()
    b.turn("s1", "I'd like to book a table", asked, trace_id="a")
    b.turn("s1", reply, "Thanks, noted.", trace_id="b")
    found = signals(store, tmp_path, b)
    assert "escalation" not in kinds(found, "a") | kinds(found, "b")


@pytest.mark.parametrize("reply", ["nope, never", "nah not for me", "no thanks", "no way", "not really no"])
def test_a_short_no_to_the_bots_question_is_no_complaint(store, tmp_path, reply) -> None:
    """"Have you ever been skydiving?" - "nah not for me" answers; close in meaning to a
    complaint as a "no" may be, it says nothing against the answer."""
    b = Bundle()
    b.turn("s1", "hey there", "Hey! Have you ever been skydiving?", trace_id="asks")
    b.turn("s1", reply, "Fair enough, it's not for everyone.", trace_id="answers")
    assert "frustration" not in kinds(signals(store, tmp_path, b), "asks")


def test_a_no_to_the_bots_check_that_it_helped_says_the_answer_missed(store, tmp_path) -> None:
    """"Did that help?" - "not really": the user says the answer did not help, in as few
    words as they like. "yes thanks" says it did."""
    b = Bundle()
    helped = "Go to Settings > Display > Theme to change your app colours. Did that help?"
    cases = [(helped, "not really"), (helped, "nope"), (helped, "no it didn't"),
             # not a bare no: thanks, not tried yet, solved; a proposal, not a check
             (helped, "yes thanks"), (helped, "no problem"), (helped, "not yet, I'll try it tonight"),
             (helped, "nope, all good now"), ("Booked 7pm at Luigi's. Does that work for you?", "nope, 8pm please")]
    for n, (answer, reply) in enumerate(cases):
        b.turn(f"s{n}", "how do i export my contacts", answer, trace_id=f"asks{n}")
        b.turn(f"s{n}", reply, "Glad to hear it!", trace_id=f"says{n}")
    found = signals(store, tmp_path, b)
    for n in range(3):
        [(confidence, detail)] = [(c, d) for k, c, d, _ in found[f"asks{n}"] if k == "frustration"]
        assert confidence == 0.7 and detail.startswith("the next turn says the answer did not help: ")
    assert [cases[n] for n in range(3, len(cases)) if "frustration" in kinds(found, f"asks{n}")] == []


def test_two_words_of_surprise_or_a_quiz_answer_are_no_complaint(store, tmp_path) -> None:
    """"no way!" to a surprising fact, "nah, nope" to an opinion: two words are too few for
    the meaning model to tell surprise or disagreement from a complaint; those that complain
    in a word or two ("so wrong") are read by pattern. "false" answers a quiz, and "wrong"
    answers "right or wrong? what do you think?"."""
    b = Bundle()
    cases = [("A day on Venus is longer than its year.", "no way!"),
             ("Pineapple is honestly the best pizza topping.", "nah, nope"),
             ("True or false: bats are blind?", "false"),
             ("Is 'all rectangles are squares' right or wrong? What do you think?", "wrong"),
             ("And 'all squares are rhombuses', right or wrong? What do you think?", "um, just wrong")]
    # ...but to another question, "totally wrong" says the answer was.
    b.turn("t", "what's the capital of australia?", "It's Sydney! Have you ever been to Australia?", trace_id="wrong")
    b.turn("t", "totally wrong", "Sorry! It's Canberra.", trace_id="fixed")
    for n, (answer, reaction) in enumerate(cases):
        b.turn(f"s{n}", "tell me something", answer, trace_id=f"said{n}")
        b.turn(f"s{n}", reaction, "Haha, it's true!", trace_id=f"reaction{n}")
    found = signals(store, tmp_path, b)
    assert [cases[n] for n in range(len(cases)) if "frustration" in kinds(found, f"said{n}")] == []
    assert {"frustration", "taken_back"} <= kinds(found, "wrong")


def test_a_short_no_to_an_offer_of_more_help_declines_it(store, tmp_path) -> None:
    """"Is there anything else I can help with?" - "no thanks": the user is done, however
    close in meaning "no thanks" lies to a complaint."""
    b = Bundle()
    b.turn("s1", "what time does the museum open?", "It opens at 10am and closes at 5pm. Is there anything else "
           "I can help with?", trace_id="offers")
    b.turn("s1", "no thanks", "Have a great day!", trace_id="declines")
    assert "frustration" not in kinds(signals(store, tmp_path, b), "offers")


def test_a_trace_without_text_other_languages_and_lone_turns_get_no_false_signal(store, tmp_path) -> None:
    b = Bundle()
    b.turn("s1", "", "", trace_id="empty1")
    b.turn("s1", "", "", trace_id="empty2")
    b.turn("s2", "我的订单在哪里？", "您的订单已发货。", trace_id="zh1")
    b.turn("s2", "我的订单什么时候到？", "明天到。", trace_id="zh2")
    b.turn("s3", "Где мой заказ 5512?", "Ваш заказ в пути.", trace_id="ru1")
    b.turn("s3", "Когда он приедет?", "Завтра.", trace_id="ru2")
    b.turn(None, "Where is order 12?", "It shipped yesterday.", trace_id="alone")
    b.turn("s4", "...", "Hello!", trace_id="dots")
    found = signals(store, tmp_path, b)
    assert not found, found


STORED_WORD_BY_WORD = {  # a turn as written: as the dialog corpora of the ParlAI family store it
    "I passed my driving test!!!": "i passed my driving test ! ! !",
    "Congratulations!!! That's brilliant news! Was it your first try?":
        "congratulations ! ! ! that 's brilliant news ! was it your first try ?",
    "third try actually, the parking got me twice": "third try actually , the parking got me twice",
    "Third time lucky, well done. How are you going to celebrate?":
        "third time lucky , well done . how are you going to celebrate ?",
    "lol stop": "lol stop",
    "Sorry, couldn't help it. Are you buying a car now?": "sorry , could n't help it . are you buying a car now ?",
    "maybe next year. kinda scared to drive alone tbh": "maybe next year . kinda scared to drive alone tbh",
    "Did you know the first car was built in 1886?": "did you know the first car was built in 1886 ?",
    "uh ok?? I said I'm scared lol": "uh ok ? ? i said i 'm scared lol",
    "Sorry! Being nervous is normal at first. Short trips help.":
        "sorry ! being nervous is normal at first . short trips help .",
}


def test_a_dialog_stored_word_by_word_is_read_as_it_was_written(store, tmp_path) -> None:
    """Public dialog corpora store a turn in lower case, punctuation and contractions apart
    ("i 'm scared ? ?"): the reply that missed is found in that form as in the plain one."""
    b = Bundle()
    for form, session in ((lambda text: text, "plain"), (STORED_WORD_BY_WORD.__getitem__, "stored")):
        turns = list(STORED_WORD_BY_WORD)
        for n, (question, answer) in enumerate(zip(turns[::2], turns[1::2], strict=True)):
            b.turn(session, form(question), form(answer), trace_id=f"{session}{n}")
    found = signals(store, tmp_path, b)
    assert {"frustration", "taken_back"} <= kinds(found, "plain3"), found
    for n in range(5):
        assert kinds(found, f"stored{n}") == kinds(found, f"plain{n}"), found


def test_a_corpus_mark_of_silence_asks_nothing_and_a_placeholder_reads_as_its_words(store, tmp_path) -> None:
    """Task dialog corpora write "<SILENCE>" where the user said nothing while the bot went
    on, and placeholders for the values they took out ("prezzo_address"). (Their bot says
    what it goes to do, "i'm on it", "ok let me look into some options for you", as often as
    it goes to work.)"""
    b = Bundle()
    for n, (question, answer) in enumerate([
            ("hi", "hello what can i help you with today"),
            ("can you book a table in paris", "i'm on it"),
            ("<SILENCE>", "any preference on a type of cuisine"),
            ("with spanish food for six in a moderate price range", "ok let me look into some options for you"),
            ("<SILENCE>", "api_call spanish paris six moderate"),
            ("<SILENCE>", "what do you think of this option: resto_paris_moderate_spanish_1stars"),
            ("no this does not work for me", "sure let me find an other option for you"),
            ("<SILENCE>", "sure is there anything else to update"),
            ("no", "ok let me look into some options for you"),
            ("<SILENCE>", "what do you think of this option: resto_paris_moderate_spanish_4stars"),
            ("let's do it", "great let me do the reservation"),
            ("may i have the address of the restaurant", "here it is resto_paris_moderate_spanish_4stars_address"),
            ("thanks", "is there anything i can help you with"),
            ("no thank you", "you're welcome")]):
        b.turn("s1", question, answer, trace_id=f"t{n}")
    assert not signals(store, tmp_path, b)


def test_an_apology_after_a_laugh_owns_the_miss_and_passes_nothing_over(store, tmp_path) -> None:
    """ "oh right, sorry!" and "ha, sorry." own the miss the user pointed out, as "sorry!"
    does, and the question after them takes up what the user said."""
    b = Bundle()
    b.turn("s1", "my sister moved to boston last year", "Does your brother like living in Boston?", trace_id="brother")
    b.turn("s1", "sister lol", "oh right, sorry! does she like it there?", trace_id="owned")
    b.turn("s2", "i'm a nurse, mostly night shifts", "what do you do for a living?", trace_id="asked")
    b.turn("s2", "you just asked me that haha", "ha, sorry. so do you watch any sports?", trace_id="sorry")
    b.turn("s2", "not really", "Fair enough!", trace_id="end")
    found = signals(store, tmp_path, b)
    assert "taken_back" in kinds(found, "brother"), found
    assert not found.get("owned") and not found.get("sorry"), found


@pytest.mark.parametrize(("question", "answer", "another"), [
    ("Thanks. What's the phone number of the hotel?", "The address is 154 Chesterton Road.", True),
    ("and the postcode?", "The price is 85 pounds a night.", True),
    # The thing asked, in other words, or named by the question; an answer on its own terms.
    ("what's the price?", "The cost is 80 pounds a night.", False),
    ("what's the address of the nirala", "The Nirala is at 7 Milton Road, Chesterton.", False),
    ("what's the phone number?", "Sure, it is 01223 351880.", False),
    # Only what a task bot is asked for by name: not any "the X is" to any "what's the Y".
    ("What are the hours?", "The store is open from 9am to 5pm, Monday to Saturday.", False),
    ("What's the ETA?", "The driver is about 5 minutes away.", False),
    ("What's your favorite?", "The lasagna is amazing here.", False),
])
def test_a_question_for_one_thing_answered_with_another_misses(store, tmp_path, question, answer, another) -> None:
    b = Bundle()
    b.turn("s1", "I need a guesthouse in the north with free parking.",
           "Acorn Guest House is in the north and has free parking.", trace_id="a")
    b.turn("s1", question, answer, trace_id="b")
    found = signals(store, tmp_path, b).get("b", [])
    assert any(kind == "off_topic" and "answered with another" in detail
               for kind, _, detail, _ in found) is another, found


def test_two_questions_in_another_language_are_not_a_rephrase_for_their_shared_letters(store, tmp_path) -> None:
    """The meaning model reads English: its vectors of two Spanish questions lie close by
    their word pieces ("cuánt..."), and cut at the accents, their words shared "cu"."""
    b = Bundle()
    b.turn("s1", "¿cuánto cuesta el roaming?", "In Italy you get the Travel Pass at $10 a day, using your "
           "normal allowance; it starts the first time you use your phone there.", trace_id="roaming")
    b.turn("s1", "¿cuántos datos me quedan?", "You have 22.1 GB of data left on the line ending 7233; it "
           "renews on day 9 of the month.", trace_id="data")
    b.turn("s2", "¿cuánto cuesta el roaming?", "Lo siento, no entendí.", trace_id="missed")
    b.turn("s2", "¿cuánto cuesta el roaming en Italia?", "El Travel Pass cuesta 10 dólares al día.",
           trace_id="asked_again")
    found = signals(store, tmp_path, b)
    assert not found.get("roaming"), found
    assert "rephrase" in kinds(found, "missed")


def test_an_answer_in_english_to_a_question_in_another_language_is_no_miss_for_its_words(store, tmp_path) -> None:
    """An English answer shares few words with a Spanish question, however well it
    answers it: the next request, on the same flight, is no rephrase after a miss."""
    b = Bundle()
    b.turn("s1", "¿El vuelo SK1363 sale a tiempo?", "Flight SK1363 from Seattle to San Diego is delayed; "
           "departure 09:20 from gate B18.", trace_id="status")
    b.turn("s1", "check in for sk1363", "Online check-in opens 24 hours before departure.", trace_id="check_in")
    assert "rephrase" not in kinds(signals(store, tmp_path, b), "status")


@pytest.mark.parametrize("thanks", ["that's exactly what i needed", "That was really helpful!",
                                    "this is just what I was looking for", "Many thanks, that's everything I need."])
def test_a_thanks_in_other_words_is_no_rephrase_and_closes_the_session(store, tmp_path, thanks) -> None:
    b = Bundle()
    b.turn("s1", "my meds haven't arrived yet", "Happy to help. Order 447227 is shipped; tracking number 1Z9447227.",
           trace_id="a")
    b.turn("s1", thanks, "Glad I could help. Have a great day!", trace_id="b")
    found = signals(store, tmp_path, b)
    assert "rephrase" not in kinds(found, "a")
    assert not found.get("b")


def test_asking_again_after_an_honest_could_not_help_is_weaker_than_after_a_misunderstanding(
        store, tmp_path) -> None:
    """A bot that did not understand a plain request failed it; one that said, honestly,
    that it had nothing on it may be right, and the user tried again: a gap in what it
    knows, which the reviewer may want to see, weakly."""
    b = Bundle()
    two_turn_sessions(b, "asked", [
        (("how do I get my money back for a cancelled flight",
          "I couldn't find anything about that in our help articles, so I don't want to guess."),
         ("how can I get a refund for my cancelled flight", "Refunds go back to your card within 7 days.")),
        (("what's the weight limit for checked luggage?", "Sorry, I didn't quite get that. Could you rephrase?"),
         ("how heavy can my checked luggage be?", "Up to 23 kg.")),
    ])
    found = signals(store, tmp_path, b)
    [(_, honest, detail, _)] = [s for s in found["asked0"] if s[0] == "rephrase"]
    assert honest == table("rephrase", "after_no_help") and "after an answer that could not help" in detail
    [(_, confused, detail, _)] = [s for s in found["asked1"] if s[0] == "rephrase"]
    assert confused >= table("rephrase", "after_failure", 0.0) > honest
    assert "after an answer that did not understand it" in detail


def test_a_question_that_says_it_changes_the_subject_is_no_rephrase(store, tmp_path) -> None:
    """"Anyway, ...", "changing the subject, ...": the user moves on, whatever the two
    questions share ("who painted...", "how tall is...")."""
    b = Bundle()
    two_turn_sessions(b, "moved_on", [
        (("who painted the Mona Lisa?", "Leonardo da Vinci."),
         ("anyway, who painted The Night Watch?", "Rembrandt.")),
        (("how tall is Mount Everest?", "About 8,849 metres."),
         ("changing the subject, how tall is the Eiffel Tower?", "330 metres.")),
    ])
    found = signals(store, tmp_path, b)
    assert "rephrase" not in kinds(found, "moved_on0") | kinds(found, "moved_on1")


def test_a_like_request_after_an_answer_that_did_what_was_asked_is_no_rephrase(store, tmp_path) -> None:
    """"Done: your membership is cancelled" did it: "when does my gym membership end?" asks
    something else about the same thing. Said to ask again ("in other words, ..."), it is a
    rephrase still."""
    b = Bundle()
    two_turn_sessions(b, "done", [
        (("cancel my gym membership", "Done: your membership is cancelled from 2026-12-31."),
         ("when does my gym membership end?", "It ends on 2026-12-31.")),
        (("upgrade my plan to premium", "Done: you're on Premium from today."),
         ("what does the premium plan include?", "Premium includes unlimited data.")),
    ])
    two_turn_sessions(b, "other", [
        (("upgrade my plan to premium", "Done: you're on Basic from today."),
         ("in other words, I want the premium plan", "Done: you're on Premium from today.")),
    ])
    # An answer to a question that happens to say "set" did nothing: asked again, it missed.
    two_turn_sessions(b, "question", [
        (("why was I charged twice?", "Your subscription is set to renew monthly."),
         ("why did you take two payments this month", "Refunds take 5 days.")),
    ])
    found = signals(store, tmp_path, b)
    assert "rephrase" not in kinds(found, "done0") | kinds(found, "done1")
    assert "rephrase" in kinds(found, "other0") and "rephrase" in kinds(found, "question0")


def test_a_message_that_says_it_asks_again_is_a_rephrase_whatever_its_words(store, tmp_path) -> None:
    """The user says so ("Let me try again:", "I'll rephrase.", "i meant the kids"): the
    answer before missed, though the first request was in German, or in words far from the
    second. Not a slip of the user's own ("sorry, I meant Tuesday"), a detail checked ("to
    be clear: ..."), a new question ("i meant to ask, ..."), nor the answer to the bot's
    question back."""
    b = Bundle()
    two_turn_sessions(b, "again", [
        (("Wie exportiere ich meine Rechnungen als CSV?", "Could you give me a bit more detail about what you need?"),
         ("Let me try again: where's the export button for invoices", "Go to Settings > Data > Export.")),
        (("my meds haven't arrived yet", "You can reorder from your purchase history."),
         ("I'll rephrase. When will order 484275 get to me?", "Order 484275 is on hold.")),
        # No request asked again: the user says what the question was.
        (("how old", "i'm 42."), ("i meant the kids lol", "oh! they are 5 and 7.")),
    ])
    two_turn_sessions(b, "not", [
        (("book a table for Monday", "Booked: a table for 2 on Monday at 7pm."),
         ("sorry, I meant Tuesday", "Moved to Tuesday at 7pm.")),  # a slip of the user's own
        (("how much does an international wire cost?", "An international wire costs $45 online."),
         ("ok, so to be clear: is that per transfer?", "Yes, per transfer.")),  # a detail checked
        (("what's the weather tomorrow?", "Sure! Which city are you in?"),
         ("I mean in Paris", "Sunny in Paris tomorrow, 18 degrees.")),  # the bot's question answered
        (("how do I reset my password?", "Open Settings > Security and choose Reset password."),
         ("ok let me try again and see", "Sure, take your time.")),  # retrying a step
        (("how do I sign in again?", "Open the link we emailed you to sign in."),
         ("In other words, I need to use the emailed link?", "Yes, exactly.")),  # checks what was understood
        (("can I pay by card?", "Yes, all major cards work."),
         ("I mean, that works but the checkout page is blank", "Try another browser.")),  # a filler
        (("how old is your dog", "she is 9, a real old lady now."),
         ("i meant to ask, does she still play fetch?", "every single day!")),  # a new question
    ])
    found = signals(store, tmp_path, b)
    for trace_id in ("again0", "again1", "again2"):
        [(kind, confidence, detail, _)] = [s for s in found[trace_id] if s[0] == "rephrase"]
        assert confidence == 0.6 and detail.startswith("the next turn says it asks again")
    assert not any("rephrase" in kinds(found, f"not{n}") for n in range(7))


def test_a_thing_asked_for_turns_before_is_what_the_answer_is_said_not_to_be(store, tmp_path) -> None:
    """"thats not a poem" said of an answer two requests after "write me a poem about my
    cat": the thing was asked for before the message the answer answered."""
    b = Bundle()
    b.turn("s1", "write me a poem about my cat", "Sure! What's your cat like?", trace_id="a")
    b.turn("s1", "shes orange and fat", "Cats are great. Orange cats are the best.", trace_id="b")
    b.turn("s1", "thats not a poem", "Sorry! Here's one: ...", trace_id="c")
    found = signals(store, tmp_path, b)
    assert any(k == "frustration" and "not what was asked" in d for k, _, d, _ in found["b"])


def test_a_few_of_the_questions_words_asked_again_mark_the_answer_that_left_them_out(store, tmp_path) -> None:
    """"and goats?" after "i have 12 cows." to "how many goats do u have": the user asks
    again, in a few of the question's own words, what the answer left out. Not the answer
    to the bot's own question, a conclusion drawn from the answer, a question about what the
    answer gave, nor a question back to the bot."""
    b = Bundle()
    two_turn_sessions(b, "again", [
        (("how many goats do u have?", "i have 12 cows."), ("and goats?", "oh, 3 goats too.")),
        (("What's the tracking number", "The courier is DHL."), ("the number please", "It is 1Z999AA10.")),
        (("is it safe to shower during a storm", "i love storms, they're so cozy."),
         ("ok but is it safe", "It is best to wait until the storm passes.")),
    ])
    two_turn_sessions(b, "not", [
        (("he likes recess", "Ha, that's most of them. What's his favourite subject?"), ("recess", "Fair enough!")),
        (("how many goats do u have?", "i have 12 goats and 3 cows."), ("goats?", "yes, 12 of them!")),
        (("what do you do for work?", "I teach maths at a school in Leeds."), ("and you?", "I'm retired.")),
        (("what's the weather in Lyon today?", "Sunny in Lyon, 24 degrees."), ("and tomorrow?", "Rain.")),
    ])
    found = signals(store, tmp_path, b)
    for n in range(3):
        [(kind, confidence, detail, _)] = found[f"again{n}"]
        assert kind == "rephrase" and confidence == 0.6 and "what the answer left out" in detail
    assert not any(found.get(f"not{n}") for n in range(4))


def test_an_answer_that_contradicts_its_tool_is_ungrounded_with_the_evidence(store, tmp_path) -> None:
    b = Bundle()
    b.turn("s1", "What's the status of order 7781?", "Good news: order 7781 has shipped and arrives Friday.",
           trace_id="contradicts", steps=[tool("get_order", {"order": 7781}, {"order": 7781, "status": "cancelled"}),
                                          llm()])
    b.turn("s2", "What's the status of order 7782?", "Order 7782 was cancelled on Monday.",
           trace_id="agrees", steps=[tool("get_order", {"order": 7782}, {"order": 7782, "status": "cancelled"}),
                                     llm()])
    b.turn("s3", "Has order 7783 shipped?", "Order 7783 has not shipped yet; it is still pending.",
           trace_id="negated", steps=[tool("get_order", {"order": 7783}, {"status": "pending"}), llm()])
    found = signals(store, tmp_path, b)
    [(kind, confidence, detail, span_id)] = found["contradicts"]
    assert kind == "ungrounded" and confidence >= 0.75
    assert span_id == "contradicts.0"
    assert "shipped" in detail and "cancelled" in detail and "get_order" in detail
    assert not found.get("agrees") and not found.get("negated")


def test_an_answer_with_figures_no_tool_returned_is_ungrounded(store, tmp_path) -> None:
    b = Bundle()
    b.turn("s1", "What's my checking balance?", "Your checking balance is $210.50.", trace_id="made_up",
           steps=[tool("get_balance", {"account": "checking"}, {"balance": 120.50, "currency": "USD"}), llm()])
    b.turn("s2", "What's my savings balance?", "Your savings balance is $1,240.55.", trace_id="right",
           steps=[tool("get_balance", {"account": "savings"}, {"balance": 1240.55, "currency": "USD"}), llm()])
    b.turn("s3", "When does my plan renew? My customer number is 88123.",
           "Customer 88123: your plan renews on 2026-12-01.", trace_id="from_question",
           steps=[tool("get_plan", {"customer": 88123}, {"renews": "2026-12-01"}), llm()])
    b.turn("s4", "What do filters for the X100 cost?", "The X100 filter costs 10 euros.", trace_id="documented",
           steps=[retrieval("X100 filter", [{"id": "kb1", "content": "X100 filter: 10 euros", "score": 0.9}]),
                  tool("stock", {"sku": "X100-F"}, {"in_stock": 14}), llm()])
    found = signals(store, tmp_path, b)
    [(kind, _, detail, span_id)] = found["made_up"]
    assert kind == "ungrounded" and "210.5" in detail and span_id == "made_up.0"
    assert not found.get("right") and not found.get("from_question") and not found.get("documented")


def test_an_answer_that_gives_none_of_its_tools_figures_and_others_instead_is_ungrounded(store, tmp_path) -> None:
    """The tool returned the balance; the answer gives none of its figures and figures of
    its own: they stand where the tool's should, whatever their kind. An answer that gives
    the tool's figure may add others."""
    balance = tool("get_account_balance", {"account": "****8812"},
                   {"account": "****8812", "available": 8110.4, "currency": "USD"})
    b = Bundle()
    b.turn("s1", "Whats the available balance on 8812?",
           "Your balance is updated every 15 minutes and deposits before midnight count the same day.",
           trace_id="ignored", steps=[balance, llm()])
    b.turn("s2", "Whats the available balance on 8812?",
           "You have $8,110.40 available; the balance is updated every 15 minutes.", trace_id="given",
           steps=[tool("get_account_balance", {"account": "****8812"},
                       {"account": "****8812", "available": 8110.4, "currency": "USD"}), llm()])
    found = signals(store, tmp_path, b)
    [(kind, _, detail, span_id)] = found["ignored"]
    assert kind == "ungrounded" and span_id == "ignored.0"
    assert "15" in detail and "8110.4" in detail and "get_account_balance" in detail
    assert not found.get("given")


@pytest.mark.parametrize(("question", "result", "answer"), [
    ("how long is the flight?", {"duration_hours": 1.5}, "The flight takes about 90 minutes."),
    ("where is the nearest store?", {"lat": 40.7128, "lng": -74.006, "distance_km": 5.1},
     "The nearest store is about 3 miles away."),
    ("what's the weather tomorrow?", {"temp_c": 12.4, "condition": "cloudy"},
     "Around 12 degrees, clearing in 2 hours."),
    ("how much is 100 USD in euros?", {"rate": 0.9213}, "100 USD is about 92 euros."),
    ("does the Plus plan have hotspot?", {"monthly_price": 65.0, "rating": 4.6}, "It comes with 5 GB of hotspot data."),
    ("where is my order?", {"status": "shipped", "total": 59.99, "eta_days": 3},
     "It has shipped and arrives in 3 days; returns are accepted within 30 days."),
    ("what's the weather tomorrow?", {"temp_c": 12.4, "wind_kmh": 20.5}, "About 12.4 degrees, wind easing in 2 hours."),
    # A figure given rounded.
    ("what's my balance?", {"available_balance": 8110.43}, "You have about $8,110 available."),
    ("how much data do I have left?", {"data_left_gb": 3.26}, "You have 3.3 GB of data left."),
    # Figures written as in most of Europe: a point between thousands, a comma before the cents.
    ("Wie hoch ist mein Kontostand?", {"balance": 8110.4}, "Ihr Kontostand beträgt 8.110,40 €."),
    ("¿Cuál es mi saldo?", {"balance": 1240.5}, "Su saldo es de 1.240,50 € y se actualiza cada 15 minutos."),
    ("Quel est mon solde ?", {"balance": 12.5}, "Votre solde est de 12,50 €."),
    ("Wie hoch ist mein Kontostand?", {"balance": "8.110,40"}, "Ihr Kontostand beträgt 8.110,40 €."),
    ("¿Cuánto cuesta el taladro Bosch?", {"price": 89.9}, "El precio es 89,90 € e incluye 2 años de garantía."),
    # An id the question names is no figure it asks for; a figure given in one digit is given.
    ("Where is my order?", {"order_id": 88213, "status": "in transit", "eta": "2026-11-24"},
     "It is in transit and should arrive Tuesday, November 24. Standard shipping usually takes 3-5 business days."),
    ("how many orders did I return this year and when do refunds land?", {"returned_orders": 2},
     "You returned 2 orders this year. Refunds reach your card 5-10 business days after we receive them."),
    # Another figure, of another thing than the one asked for.
    ("What percent of my storage is used?", {"used_mb": 4300, "quota_mb": 5000},
     "You're using 86% of your storage (4.3 GB of 5 GB)."),
    ("how much of my storage have I used?", {"used_mb": 4300, "quota_mb": 5000}, "You've used 86% of your storage."),
    ("What's the monthly price of the Plus plan?", {"price_yearly": 650, "price_monthly": 65},
     "The monthly price is $65, and that price includes 5 GB of hotspot data."),
])
def test_an_answer_that_converts_rounds_or_leaves_out_what_was_not_asked_is_grounded(
        store, tmp_path, question, result, answer) -> None:
    b = Bundle()
    b.turn("s1", question, answer, trace_id="a", steps=[tool("lookup", {}, result), llm()])
    assert "ungrounded" not in kinds(signals(store, tmp_path, b), "a")


@pytest.mark.parametrize("field", ["amount", "price"])
@pytest.mark.parametrize("amount", ["9" * 5000, 1e308, "1e999999", "-1e-999999", "NaN", -0.0])
def test_a_figure_of_any_size_is_read_without_error_and_quoted_short(store, tmp_path, field, amount) -> None:
    """A tool's figure a million digits long, written out, would be a signal of a megabyte."""
    b = Bundle()
    b.turn("s1", f"what's the {field}?", "A $49 fee has been charged, due in 5 days.", trace_id="a",
           steps=[tool("get_bill", {}, {field: amount}), llm()])
    found = signals(store, tmp_path, b)
    assert all(len(detail) < 1000 for _, _, detail, _ in found.get("a", []))


def test_a_figure_of_the_answer_thousands_of_digits_long_is_quoted_short(store, tmp_path) -> None:
    b = Bundle()
    b.turn("s1", "What's my checking balance?", f"Your checking balance is ${'9' * 2000}.50.", trace_id="a",
           steps=[tool("get_balance", {"account": "checking"}, {"balance": 120.50, "currency": "USD"}), llm()])
    [(kind, _, detail, _)] = signals(store, tmp_path, b)["a"]
    assert kind == "ungrounded" and len(detail) < 300


@pytest.mark.parametrize("answer", [
    "Your order is ready at lockers 12,14 in the Main St station; the total was $59.99.",
    "See pages 10,11 of the manual; the repair costs $59.99.",
    "You're in seats 14,15 in row C; the fare was $59.99.",
    "We have them in sizes 8,10 and 12, at $59.99.",
])
def test_numbers_listed_with_a_comma_in_english_are_no_decimals(store, tmp_path, answer) -> None:
    b = Bundle()
    b.turn("s1", "what's the status of my order and the total?", answer, trace_id="a",
           steps=[tool("get_order", {}, {"status": "ready", "total": 59.99, "weight_kg": 4.6}), llm()])
    assert "ungrounded" not in kinds(signals(store, tmp_path, b), "a")


@pytest.mark.parametrize(("answer", "result", "says"), [
    ("El taladro cuesta 98,90 €.", {"price": 89.9}, "98.9"),
    ("Votre solde est de 21,50 €.", {"balance": 12.5}, "21.5"),
])
def test_a_price_with_a_decimal_comma_is_checked_against_the_tool(store, tmp_path, answer, result, says) -> None:
    b = Bundle()
    b.turn("s1", "?", answer, trace_id="a", steps=[tool("lookup", {}, result), llm()])
    [(kind, _, detail, _)] = signals(store, tmp_path, b)["a"]
    assert kind == "ungrounded" and says in detail


def test_a_price_nothing_the_run_found_gives_is_ungrounded(store, tmp_path) -> None:
    """An answer that quotes a sum of money in a run whose documents and tools give none:
    the price came from nowhere the run can show. A sum the question gave, or one stated
    beside a tool's own sums (which the answer may derive from them), is left alone."""
    esim = [{"id": "km-501", "content": "eSIM switch: open the app, then Line > SIM > Switch to eSIM.",
             "score": 0.69}]
    b = Bundle()
    b.turn("s1", "does my phone support esim", "eSIM activation costs $15 and needs a visit to a store.",
           trace_id="made_up", steps=[retrieval("esim support", esim), llm()])
    b.turn("s2", "can I pay the $15 esim fee by card?", "Yes, the $15 fee can go on your card.",
           trace_id="from_question", steps=[retrieval("esim fee card", esim), llm()])
    b.turn("s3", "what's my balance", "You have $4,736.76 available; $179.38 of card payments are still pending.",
           trace_id="beside_a_sum", steps=[tool("get_balance", {"account": "8520"}, {"available": 4736.76}), llm()])
    # A price from nowhere beside a figure the documents give otherwise: the surer finding.
    slow = [{"id": "km-503", "content": "An eSIM switch takes 30 minutes to activate.", "score": 0.7}]
    b.turn("s4", "how long does an esim switch take", "It costs $15 and takes 90 minutes to activate.",
           trace_id="both", steps=[retrieval("esim switch time", slow), llm()])
    found = signals(store, tmp_path, b)
    [(kind, confidence, detail, _)] = found["made_up"]
    assert kind == "ungrounded" and confidence == 0.45
    assert detail.startswith("the answer says $15 where nothing the run found gives a price")
    assert not found.get("from_question") and not found.get("beside_a_sum")
    [(kind, confidence, detail, _)] = found["both"]
    assert confidence > 0.45 and detail.startswith("the answer says 90 where the run's documents say 30")


def test_a_duration_the_documents_give_otherwise_is_ungrounded_even_in_one_digit(store, tmp_path) -> None:
    policy = [{"id": "kb7", "content": "Cancelled flights: full refund to the card within 7 business days.",
               "score": 0.86}]
    b = Bundle()
    b.turn("s1", "Where is my refund?", "Refunds take 90 days and come as a voucher.", trace_id="made_up",
           steps=[retrieval("refund cancelled flight", policy), llm()])
    b.turn("s2", "Where is my refund?", "It reaches your card within 7 business days.", trace_id="right",
           steps=[retrieval("refund cancelled flight", policy), llm()])
    b.turn("s3", "How do I get a refund?", "Open step 2 of the form, then wait.", trace_id="a_step",
           steps=[retrieval("refund cancelled flight", policy), llm()])
    found = signals(store, tmp_path, b)
    [(kind, _, detail, _)] = found["made_up"]
    assert kind == "ungrounded" and "90" in detail and "7" in detail
    assert not found.get("right")
    # The 2 of "step 2" is no figure. (That the answer says nothing the policy says is
    # another finding.)
    assert not any(" says 2 " in detail for _, _, detail, _ in found.get("a_step", []))


@pytest.mark.parametrize(("answer", "result", "clash"), [
    ("There is no known outage in 52759; please restart your phone.", {"zip": "52759", "outage": True}, "outage"),
    ("Good news, the blender is in stock.", {"sku": "B-7", "in_stock": False}, "in_stock"),
    ("You're in seat 34A now; a $49 fee has been charged to your card.", {"seat": "34A", "price": 0}, "price"),
    ("Your card is frozen and a replacement arrives in 1-2 business days.",
     {"status": "frozen", "replacement_eta_days": 7}, "replacement_eta_days"),
    ("Flight SK1093 is on time; departure 19:10 from gate C32.", {"flight": "SK1093", "status": "cancelled"},
     "cancelled"),
])
def test_an_answer_that_says_a_tool_field_the_other_way_is_ungrounded(store, tmp_path, answer, result,
                                                                        clash) -> None:
    b = Bundle()
    b.turn("s1", "Can you check that for me?", answer, trace_id="a", steps=[tool("lookup", {}, result), llm()])
    [(kind, confidence, detail, span_id)] = signals(store, tmp_path, b)["a"]
    assert kind == "ungrounded" and confidence >= 0.75 and span_id == "a.0"
    assert clash in detail and "lookup" in detail


@pytest.mark.parametrize(("answer", "result"), [
    ("Yes, there's an outage affecting 52759; service is back within about 6 hours.",
     {"outage": True, "estimated_fix_hours": 6}),
    ("If the blender is in stock tomorrow, I'll let you know.", {"in_stock": False}),
    ("You're in seat 34A now; it's a standard seat, so there's no charge.", {"seat": "34A", "price": 0}),
    ("Your card is frozen and a replacement arrives within 7 days.", {"replacement_eta_days": 7}),
    ("Invoice INV-1 to Acme is overdue; I can send a reminder.", {"status": "overdue"}),
    # The sum of another field of the same result: the toner's price, not the printer's.
    ("The toner costs $39.99; it ships in 2 days.", {"price": 129.0, "toner_price": 39.99}),
])
def test_an_answer_that_says_what_its_tool_returned_is_grounded(store, tmp_path, answer, result) -> None:
    b = Bundle()
    b.turn("s1", "Can you check that for me?", answer, trace_id="a", steps=[
        retrieval("policy", [{"id": "kb1", "content": "Invoices are marked paid when the money arrives.",
                              "score": 0.8}]), tool("lookup", {}, result), llm()])
    assert not signals(store, tmp_path, b).get("a")


@pytest.mark.parametrize(("answer", "documents", "says"), [
    ("Your first checked bag is free on all domestic flights.",
     ["Checked bags: 1st $35, 2nd $45, max 23 kg."], "free"),
    # What the documents include is another thing than what the answer says is free.
    ("Your first checked bag is free on every flight.",
     ["Checked bags: 1st $35, 2nd $45, max 23 kg.", "One carry-on (10 kg) and one personal item are included."],
     "says free"),
    # Documents that say it is not free do not say it is.
    ("Your first checked bag is free on every flight.", ["Checked bags are not free: 1st $35, 2nd $45."],
     "says free"),
    # A price of one digit is a price.
    ("Paper bills cost $2 each.", ["Data add-ons: 5 GB for $10, valid until the end of the billing period."], "2"),
    ("Transfers to any bank arrive within 10 minutes.",
     ["Transfers to payees at other banks take 1-2 business days."], "10"),
    ("Refunds take 90 days and come as a voucher.",
     ["Cancelled flights: full refund within 7 business days."], "90"),
])
def test_an_answer_its_documents_do_not_support_is_ungrounded(store, tmp_path, answer, documents, says) -> None:
    b = Bundle()
    docs = [{"id": f"kb{i}", "content": text, "score": 0.908} for i, text in enumerate(documents)]
    b.turn("s1", "Can you tell me?", answer, trace_id="a", steps=[retrieval("policy", docs), llm()])
    [(kind, confidence, detail, _)] = signals(store, tmp_path, b)["a"]
    assert kind == "ungrounded" and 0.45 <= confidence < 0.75 and says in detail


def test_a_number_inside_a_date_does_not_vouch_for_a_quantity(store, tmp_path) -> None:
    """The transfer is dated the 10th: its date does not say "10 minutes"."""
    docs = [{"id": "kb1", "content": "Transfers to payees at other banks take 1-2 business days.", "score": 0.9}]
    b = Bundle()
    b.turn("s1", "Send $200 to the water company", "Done. Transfers to any bank arrive within 10 minutes.",
           trace_id="a", steps=[retrieval("transfer times", docs),
                                tool("create_transfer", {}, {"status": "scheduled", "date": "2026-11-10"}), llm()])
    b.turn("s2", "Send $200 to the water company", "Done, it is scheduled for 2026-11-10.",
           trace_id="dated", steps=[tool("create_transfer", {}, {"status": "scheduled", "date": "2026-11-10"}),
                                    llm()])
    found = signals(store, tmp_path, b)
    [(kind, _, detail, _)] = found["a"]
    assert kind == "ungrounded" and "10" in detail and "minutes" in detail
    assert not found.get("dated")


@pytest.mark.parametrize(("answer", "documents"), [
    ("Receiving a wire is free.", ["Outgoing wires: $45 online. Incoming wires: free."]),
    # A claim that names nothing is read with the question ("Do I pay anything to receive a wire?").
    ("Yes, it's free.", ["Outgoing wires: $45 online. Incoming wires: free."]),
    ("There's no fee for that.", ["Outgoing wires: $45 online. Incoming wires: free."]),
    # Figures in the digits of another script, on both sides.
    ("Refunds take ٧ business days.", ["Cancelled flights: full refund within ٧ business days."]),
    # A range's upper end is said: 1500 is no part of a date.
    ("The deposit is at most 1500 euros.",
     ["The security deposit is 1000-1500 euros, depending on the flat; the agency fee is 300 euros."]),
    ("A carry-on is free on every fare.", ["One carry-on and one personal item are included on every fare; $35 bags."]),
    # Free for all, as the documents say it; a price of something else beside it.
    ("Seat selection is free on all fares.", ["Seat selection is free on all fares; extra legroom seats $29."]),
    ("Flu shots are free with most insurance.", ["Flu shots: walk in, free with most insurance, $40 without."]),
    ("Yes, flu shots are walk-in at every pharmacy and are free with most insurance.",
     ["Flu shots: walk in, free with most insurance, $40 without."]),
    ("Returns are free for all orders.", ["Free returns within 30 days on all orders."]),
    # Free for some, as the documents say: above a threshold, at one bank's machines, for
    # members, within 30 days, before check-in.
    ("Standard shipping is free on all orders over $50.",
     ["Free standard shipping on orders over $50; orders under $50 ship for $6.99."]),
    ("Yes, withdrawals are free at any Chase ATM; other banks' machines may charge.",
     ["Chase ATMs: free. Non-Chase ATMs: $3 fee per withdrawal."]),
    ("Yes, the gym is free for all members.",
     ["Gym access is included in membership. Day passes for non-members: $15."]),
    ("Returns are free for all orders within 30 days; after that a $10 restocking fee applies.",
     ["Returns within 30 days: free. After 30 days: $10 restocking fee."]),
    ("No, entry to the park is free for everyone.", ["Entry to the park is free. Parking costs $10 per day."]),
    ("Standard shipping is free on orders over $50, including sale items.",
     ["Free standard shipping on orders over $50; orders under $50 ship for $6.99."]),
    ("The Plus plan has free calls to 30 countries, including Mexico.",
     ["Plus: calls to 30 countries included. Other countries: $0.10 a minute."]),
    ("Opening an account is free, regardless of your balance.",
     ["Opening an account is free, with no minimum balance. Account wire transfers cost $25."]),
    ("You can cancel for free at any time before check-in.",
     ["Free cancellation until check-in. Cancellations after check-in cost $50."]),
    ("It arrives within 1-2 business days.", ["Transfers to payees at other banks take 1-2 business days."]),
    ("Statements from the last 7 years are there.", ["Statements: the last 7 years online; older by mail for $5."]),
])
def test_an_answer_its_documents_support_is_grounded(store, tmp_path, answer, documents) -> None:
    b = Bundle()
    docs = [{"id": f"kb{i}", "content": text, "score": 0.9} for i, text in enumerate(documents)]
    b.turn("s1", "Do I pay anything to receive a wire?", answer, trace_id="a",
           steps=[retrieval("policy", docs), llm()])
    assert not signals(store, tmp_path, b).get("a")


def test_a_document_that_names_a_state_does_not_say_it_of_this_case(store, tmp_path) -> None:
    b = Bundle()
    b.turn("s1", "did my client pay yet", "Invoice INV-1268 to Brightside Dental is paid.", trace_id="a", steps=[
        retrieval("invoice paid", [{"id": "kb1", "content": "Invoices are marked paid when the money arrives.",
                                    "score": 0.8}]),
        tool("get_invoice", {"invoice_id": "INV-1268"}, {"invoice_id": "INV-1268", "status": "overdue"}), llm()])
    [(kind, _, detail, _)] = signals(store, tmp_path, b)["a"]
    assert kind == "ungrounded" and "paid" in detail and "overdue" in detail


def _priority(store, trace_id: str) -> float:
    with store.read() as conn:
        return conn.exec_driver_sql(
            "SELECT q.priority FROM queue_entry q JOIN trace t ON t.id = q.trace_pk WHERE t.trace_id = ?",
            (trace_id,)).scalar_one()


def test_one_strong_signal_outranks_a_weak_one_and_signals_add_up(store, tmp_path) -> None:
    b = Bundle()
    b.turn("s1", "Do you sell filters for the Z9?", "Yes, the Z9 filter costs 12 euros.", trace_id="empty",
           steps=[retrieval("Z9 filters", []), llm()])
    b.turn("s2", "Is my parcel on its way?", "Can you share the order number?", trace_id="asked_back")
    b.turn("s3", "Where is order 44?", "It shipped.", trace_id="voted")
    b.feedback("voted", "thumbs", -1)
    b.turn("s4", "Do you sell filters for the Q1?", "Yes, the Q1 filter costs 9 euros.", trace_id="both",
           steps=[retrieval("Q1 filters", []), llm()])
    b.feedback("both", "thumbs", -1)
    signals(store, tmp_path, b)
    assert _priority(store, "both") > _priority(store, "voted") > _priority(store, "empty")
    assert _priority(store, "empty") > _priority(store, "asked_back") > 0


def test_an_answer_far_from_what_was_asked_is_off_topic_a_close_one_is_not(store, tmp_path) -> None:
    b = Bundle()
    b.turn("s1", "How do I reset the password of my online banking account?",
           "Our branches are open from nine to five on weekdays, and closed on public holidays.", trace_id="canned")
    b.turn("s2", "How do I reset the password of my online banking account?",
           "Open the login page, choose Forgot password, and follow the link we email to reset your password.",
           trace_id="answered")
    b.turn("s3", "Where is my order 12?", "It shipped yesterday.", trace_id="short")
    b.turn("s4", "¿Cómo cambio la contraseña de mi cuenta?", "Our branches are open from nine to five.",
           trace_id="other_language")
    found = signals(store, tmp_path, b)
    [(kind, confidence, detail, _)] = found["canned"]
    assert kind == "off_topic" and 0.2 <= confidence <= 0.45
    assert "far from what was asked" in detail and "branches are open" in detail
    assert not found.get("answered") and not found.get("short") and not found.get("other_language")


def test_an_answer_that_answers_in_one_sentence_then_talks_of_something_else_is_not_off_topic(
        store, tmp_path) -> None:
    """A chatty bot answers, then says something of its own: the sentence that answers
    counts, though the whole answer, read as one, lies far from the question. An answer
    none of whose sentences is near the question stays off topic."""
    b = Bundle()
    b.turn("s1", "do you ever get tired of running",
           "Not really, long runs clear my head. My sister just adopted a grey parrot named Kiwi.",
           trace_id="answers_then_chats")
    b.turn("s2", "how often should I water a cactus",
           "The museum opens at nine on weekdays. Tickets are cheaper if you book them online.", trace_id="elsewhere")
    found = signals(store, tmp_path, b)
    assert not found.get("answers_then_chats")
    [(kind, _, detail, _)] = found["elsewhere"]
    assert kind == "off_topic" and "far from what was asked" in detail


@pytest.mark.parametrize("message, answer", [
    ("what does the name mean",
     "It means red hill, after the colour the cliffs turn at sunset when the first farmers came over the pass."),
    ("leipzig? never heard of it",
     "It is a city in eastern Germany, not very touristy, but its airport is busy all night with parcels."),
])
def test_a_long_answer_that_goes_on_from_a_short_message_is_not_far_from_it(store, tmp_path, message, answer) -> None:
    """A short message, a long and specific answer that goes on from it: compared whole
    in meaning, the two lie apart, and on the hand-written sets nine in ten such answers
    were fine. Not a long answer far from a longer question."""
    b = Bundle()
    b.turn("s1", "hello", "Hi! What are you up to?", trace_id="a")
    b.turn("s1", message, answer, trace_id="long")
    b.turn("s2", "How do I reset the password of my online banking account?",
           "Our branches are open from nine to five on weekdays, and closed on public holidays and the day after.",
           trace_id="longer_question")
    found = signals(store, tmp_path, b)
    assert "off_topic" not in kinds(found, "long")
    assert "off_topic" in kinds(found, "longer_question")


def test_a_question_in_another_language_and_a_sign_off_are_not_compared_in_meaning(store, tmp_path) -> None:
    """The model reads English: "¿cuántos minutos me quedan?" shares "me" with English, but
    is Spanish. A sign-off ("Glad I could help. Have a great day!") answers praise, not a
    question."""
    b = Bundle()
    b.turn("s1", "¿cuántos minutos me quedan este mes?", "You have 310 minutes left on the line ending 4410; they "
           "renew on the first day of the month.", trace_id="spanish")
    b.turn("s2", "¿a qué hora abre la tienda de Boston?", "The Boston store is open 9 am to 8 pm, Monday to "
           "Saturday, and 11 am to 5 pm on Sunday.", trace_id="spanish_question_marks")
    b.turn("s3", "you're an absolute star", "Glad I could help. Have a great day!", trace_id="praise")
    b.turn("s4", "you're my hero", "You're welcome! Take care and have a lovely evening.", trace_id="praise2")
    found = signals(store, tmp_path, b)
    assert not found, found


@pytest.mark.parametrize("honest", [
    "I don't have information on that, sorry. A member of our team can answer it through the contact form.",
    "Our help centre doesn't cover this, and I'd rather not give you a wrong answer. Please ask our team.",
    "I don’t have information on that, sorry. A member of our team can answer it through the contact form.",
])
def test_an_answer_that_says_it_has_nothing_on_the_question_is_not_off_topic(store, tmp_path, honest) -> None:
    b = Bundle()
    b.turn("s1", "I need all my invoices in a spreadsheet for my accountant", honest, trace_id="honest")
    b.turn("s1", "how do I add a colleague to the workspace", "Go to Settings > Team > Invite and enter their "
           "email; they get a link to join.", trace_id="next")
    assert "off_topic" not in kinds(signals(store, tmp_path, b), "honest")


@pytest.mark.parametrize("trouble", [
    "I can't reset the password of my online banking account",
    "I can’t reset the password of my online banking account",
    "My flight to Lisbon got cancelled this morning",
    "My card was blocked at the supermarket checkout",
    "My internet connection is down since this morning",
    "I'm trying to reset the password of my online banking account",
])
def test_an_answer_to_a_message_that_asks_nothing_is_not_off_topic(store, tmp_path, trouble) -> None:
    """In a chat, "I'm studying for my exams" tells; any friendly answer will do. A message
    about the user's trouble asks for help."""
    b = Bundle()
    b.turn("s1", "I'm studying for my exams this week", "Short sessions with breaks tend to work best.",
           trace_id="told")
    b.turn("s2", trouble,
           "Our branches are open from nine to five on weekdays, and closed on public holidays.", trace_id="trouble")
    found = signals(store, tmp_path, b)
    assert "off_topic" not in kinds(found, "told")
    assert "off_topic" in kinds(found, "trouble")


@pytest.mark.parametrize("lost", ["huh?", "??", "what?", "come again?", "um i dont follow", "huh what?",
                                  "wait, what does that even mean", "sorry?", "say that again", "huh"])
def test_a_next_message_that_did_not_follow_the_answer_marks_it(store, tmp_path, lost) -> None:
    """Word salad, or a reply on something else, leaves the user lost. Asking for more of an
    answer understood ("go on", "like how?", "what do you mean by the tides?", "what does
    that mean", not "what does that even mean") is engagement; saying what one does not
    understand is a request."""
    b = Bundle()
    b.turn("s1", "do you like the sea?", "Sea the of tides yes mostly blue the when.", trace_id="salad")
    b.turn("s1", lost, "Sorry, I meant that I love the sea, especially the tides.", trace_id="after")
    # Nor surprise, nor an apology ("what!", "huh.", "sorry").
    for n, more in enumerate(["go on", "like how?", "what do you mean by the tides?",
                              "I don't understand how to change my plan", "what!", "huh.", "sorry",
                              "hm what does that mean"]):
        b.turn(f"t{n}", "do you like the sea?", "I love it, especially the tides.", trace_id=f"fine{n}")
        b.turn(f"t{n}", more, "The tides show how the moon pulls on the water.", trace_id=f"more{n}")
    found = signals(store, tmp_path, b)
    [(kind, confidence, detail, _)] = [f for f in found["salad"] if f[0] == "frustration"]
    assert confidence == table("frustration", "did_not_follow") and detail.startswith(
        "the next turn did not follow the answer")
    assert not any(found.get(f"fine{n}") for n in range(8)), found


def test_an_open_greeting_or_a_check_that_the_answer_helped_is_no_question_the_user_answers(store, tmp_path) -> None:
    """"What brings you here today?" invites the request; "Does that answer your question?"
    - "no not at all" says the answer missed."""
    b = Bundle()
    b.turn("s1", "hi", "Hi! What brings you here today?", trace_id="greets")
    b.turn("s1", "my card was stolen and i need to block it right away", "Our savings accounts pay 3.1% a year.",
           trace_id="elsewhere")
    b.turn("s2", "how do I block my card", "Cards are made of recycled plastic. Does that answer your question?",
           trace_id="checks")
    b.turn("s2", "no not at all", "Sorry! In the app: Cards > Block.", trace_id="no")
    found = signals(store, tmp_path, b)
    assert "off_topic" in kinds(found, "elsewhere")
    assert "frustration" in kinds(found, "checks")


def test_a_flood_of_marks_in_a_message_or_a_comment_is_read_at_once(store, tmp_path) -> None:
    """Patterns that read a whole message ("???", "wrong", "scroll up") once tried every
    split of a run of marks: four hundred question marks took seconds, a long comment
    minutes."""
    import time

    b = Bundle()
    b.turn("s1", "where is my parcel", "It ships tomorrow.", trace_id="a")
    b.turn("s1", "?" * 400 + " where is my order", "It ships tomorrow.", trace_id="b")
    b.turn("s2", "random" + "!" * 20_000 + "x", "Sure.", trace_id="c")
    b.feedback("a", "thumbs", -1, comment="wrong" + "!" * 50_000 + "x")
    started = time.monotonic()
    signals(store, tmp_path, b)
    assert time.monotonic() - started < 10


def test_what_the_bot_says_after_the_user_answered_its_question_is_not_off_topic(store, tmp_path) -> None:
    """After "Do you cook much?", "nah mostly takeout these days" answers; it asks for
    nothing, and a chatbot may go on to something of its own. A question of the user's,
    even after answering, still wants its answer."""
    b = Bundle()
    b.turn("s1", "hello!", "Hey! Do you cook much?", trace_id="asks")
    b.turn("s1", "nah mostly takeout these days", "Fair enough. My sister runs a bakery downtown, the "
           "croissants are unreal.", trace_id="goes_on")
    b.turn("s2", "hello!", "Hey! Do you cook much?", trace_id="asks2")
    b.turn("s2", "nah mostly takeout, what do you think of the new stadium?", "Fair enough. My sister runs a "
           "bakery downtown, the croissants are unreal.", trace_id="ignores")
    found = signals(store, tmp_path, b)
    assert "off_topic" not in kinds(found, "goes_on")
    assert "off_topic" in kinds(found, "ignores")


def test_an_answer_on_something_else_stays_off_topic_when_the_user_repeats_its_words_to_push_back(
        store, tmp_path) -> None:
    """"What is the capital of Australia?" - "I play guitar in a little cover band." is far
    from what was asked, whether the user then asks about the band to follow it or to push
    back: taking up the answer's words tells neither apart."""
    b = Bundle()
    for n, then in enumerate(["band? what band?", "why are you telling me about your band?",
                              "what does a cover band have to do with australia?"]):
        b.turn(f"s{n}", "what is the capital of australia?", "I play guitar in a little cover band on weekends.",
               trace_id=f"far{n}")
        b.turn(f"s{n}", then, "Mostly 90s rock.", trace_id=f"far{n}.next")
    found = signals(store, tmp_path, b)
    assert [n for n in range(3) if "off_topic" not in kinds(found, f"far{n}")] == []


def test_an_answer_taken_from_the_runs_documents_is_not_off_topic_however_terse_the_question(store, tmp_path) -> None:
    guide = [{"id": "kb1", "score": 0.9, "content": "Online check-in opens 24 hours before departure and closes "
                                                    "45 minutes before; the boarding pass is then in the app."}]
    b = Bundle()
    b.turn("s1", "ceck in for SK1021",
           "Online check-in opens 24 hours before departure and closes 45 minutes before; your boarding pass "
           "is then in the app.", trace_id="from_the_guide", steps=[retrieval("ceck in SK1021", guide), llm()])
    b.turn("s2", "When does online check-in open for my flight?",
           "Our pharmacists answer medicine questions around the clock.", trace_id="canned",
           steps=[retrieval("check-in opens", guide), llm()])
    found = signals(store, tmp_path, b)
    assert not found.get("from_the_guide")
    [(kind, _, detail, _)] = [f for f in found["canned"] if f[0] == "off_topic"]
    assert "pharmacists" in detail
    assert {"off_topic", "ungrounded"} == kinds(found, "canned")  # nothing the guide says either


def test_a_yes_or_no_to_a_yes_or_no_question_is_not_off_topic(store, tmp_path) -> None:
    """"Yes, as long as it stays on a lead" answers "Can I bring my dog?" without naming
    the dog; a "yes" to a question that asks what or where answers nothing."""
    b = Bundle()
    b.turn("s1", "Can I bring my dog on the train?", "Yes, as long as it stays on a lead and off the seats.",
           trace_id="yes")
    b.turn("s2", "what is the phone number of your head office?", "Yes, everything we sell is tested to EU "
           "safety standards and the details are on each product page.", trace_id="yes_to_what")
    found = signals(store, tmp_path, b)
    assert "off_topic" not in kinds(found, "yes")
    assert "off_topic" in kinds(found, "yes_to_what")


def test_a_question_answered_by_degree_is_not_off_topic(store, tmp_path) -> None:
    """"very!", "some can be", "not since 1972" answer a yes-or-no question as a yes or a
    no does; "Of course." before something else answers nothing."""
    b = Bundle()
    b.turn("s1", "are octopuses smart", "very! they can open jars, solve puzzles and even escape from aquarium tanks.",
           trace_id="very")
    b.turn("s2", "are sharks dangerous", "some can be, but attacks are really rare. you're much more likely to get "
           "hurt driving to the beach.", trace_id="some")
    b.turn("s3", "can I return a gift without the receipt?", "Of course. Our photo centre prints same-day photos "
           "in sizes up to A3 at every store.", trace_id="of_course")
    found = signals(store, tmp_path, b)
    assert "off_topic" not in kinds(found, "very") | kinds(found, "some")
    assert "off_topic" in kinds(found, "of_course")


def test_an_answer_that_gives_the_kind_of_figure_asked_for_is_not_off_topic(store, tmp_path) -> None:
    """"what time is check in" - "...from 15:00", "how old is taylor swift" - "born on
    december 13, 1989": the figure asked for answers, however few words the two share. A
    figure of another kind does not ("how high is fuji" - "...twenty seconds early")."""
    b = Bundle()
    b.turn("s1", "great. what time is check in", "Check-in at the Hilton Cambridge City Centre is from 15:00.",
           trace_id="clock")
    b.turn("s2", "how old is taylor swift", "she was born on december 13, 1989, so she's in her mid-thirties.",
           trace_id="age")
    b.turn("s3", "oh wait how much will it cost?", "The estimated fare is around 12 GBP.", trace_id="price")
    b.turn("s4", "And how high is fuji", "Some Japanese trains have apologised for leaving twenty seconds early.",
           trace_id="another_kind")
    b.turn("s5", "ok how long do they live?", "About two thirds of an octopus's neurons are in its arms, not its "
           "head.", trace_id="a_share")
    found = signals(store, tmp_path, b)
    assert "off_topic" not in kinds(found, "clock") | kinds(found, "age") | kinds(found, "price")
    assert "off_topic" in kinds(found, "another_kind")
    assert "off_topic" in kinds(found, "a_share")


def test_an_answer_that_opens_on_the_name_asked_for_is_not_off_topic(store, tmp_path) -> None:
    """"who played the joker in the dark knight" - "heath ledger. he won a posthumous oscar
    for it.": the name answers. "Absolutely," names nothing, nor does a year answer "what
    time"."""
    b = Bundle()
    b.turn("s1", "who played the joker in the dark knight", "heath ledger. he won a posthumous oscar for it.",
           trace_id="name")
    b.turn("s2", "huh. whats the smallest bone", "the stapes, in the middle ear. it's about 3 mm long.",
           trace_id="thing")
    b.turn("s3", "what should I feed a rabbit", "Absolutely, the clouds agreed.", trace_id="filler")
    b.turn("s4", "what time does the pharmacy close tonight?", "Penguins were first described by naturalists in "
           "1781.", trace_id="year")
    b.turn("s5", "And the third guy?", "Michael Collins stayed in orbit in the command module. He sometimes gets "
           "called the loneliest man in history.", trace_id="capitals")
    b.turn("s6", "who was samuel pepys", "He kept a famous diary and wrote about the fire. He even buried his "
           "parmesan cheese in the garden to save it!", trace_id="he")
    b.turn("s7", "whats ur opinion on nirvana", "I think Nevermind is one of the most important albums of the 90s.",
           trace_id="opinion")
    b.turn("s8", "wait the eastern one kept going?", "Yes, the Byzantine Empire, with its capital at "
           "Constantinople. It fell to the Ottomans in 1453.", trace_id="statement_asked")
    b.turn("s9", "queue? how long", "It depends, but for the show courts some people camp overnight.",
           trace_id="overnight")
    b.turn("s10", "What's the star rating", "Alexander Bed and Breakfast is located at 56 Saint Barnabas Road.",
           trace_id="no_rating")
    b.turn("s11", "no refunds at all?", "Yes! Check out our new summer collection.", trace_id="promo")
    b.turn("s12", "the warranty covers water damage?", "Probably the best deal in town is our summer bundle.",
           trace_id="probably_the")
    b.turn("s13", "what is your return policy?", "Great question! Please rate this chat five stars.",
           trace_id="great_question")
    b.turn("s14", "And what is the capital of japan", "Good question! Tokyo. Japan has more than a hundred active "
           "volcanoes.", trace_id="good_question_then_name")
    found = signals(store, tmp_path, b)
    for canned in ("promo", "probably_the", "great_question"):
        assert "off_topic" in kinds(found, canned), canned
    for answered in ("name", "thing", "capitals", "he", "opinion", "statement_asked", "overnight",
                     "good_question_then_name"):
        assert "off_topic" not in kinds(found, answered), answered
    assert "off_topic" in kinds(found, "filler")
    assert "off_topic" in kinds(found, "year")
    assert "off_topic" in kinds(found, "no_rating")


def test_what_the_user_told_answered_with_a_reaction_then_a_remark_is_not_off_topic(store, tmp_path) -> None:
    """"interstellar made me cry ngl" - "same. the docking scene is so tense...": the answer
    takes up what it was told before it adds something of its own. One that opens on
    something else does not, nor does a reaction to a question it leaves unanswered."""
    b = Bundle()
    b.turn("s1", "interstellar made me cry ngl", "same. the docking scene is so tense, and the video messages from "
           "his kids get everyone.", trace_id="same")
    b.turn("s2", "tapas is a good idea", "haha, you should! plus if the conversation lags, you can talk about the "
           "food!", trace_id="haha")
    b.turn("s3", "ok good. she also snores haha", "the stock market closed higher today thanks to tech shares.",
           trace_id="elsewhere")
    b.turn("s4", "what is the phone number of your head office?", "Haha, nice! Our summer sale ends on Sunday with "
           "discounts on garden furniture.", trace_id="question")
    b.turn("s5", "I'd like a refund for order 61553, the Storm rain jacket arrived damaged.",
           "Yes, that is fully covered and we will send you a brand-new one free of charge.", trace_id="request")
    b.turn("s6", "nah i need sun", "haha fair enough, to each their own! i play guitar in a little cover band.",
           trace_id="taste")
    found = signals(store, tmp_path, b)
    assert "off_topic" not in kinds(found, "same") | kinds(found, "haha") | kinds(found, "taste")
    assert "off_topic" in kinds(found, "elsewhere")
    assert "off_topic" in kinds(found, "question")
    assert "off_topic" in kinds(found, "request")  # a request put without a question mark asks


def test_an_answer_that_repairs_the_turn_before_is_not_off_topic(store, tmp_path) -> None:
    """After "you skipped my question", "Oops, sorry about that. Timer set for 25 minutes."
    answers the request before, not the words of the complaint."""
    b = Bundle()
    b.turn("s1", "set a timer for 25 minutes", "Haha, nice.", trace_id="missed")
    b.turn("s1", "are yuo even listening", "Oops, sorry about that. Timer set for 25 minutes.", trace_id="repair")
    b.turn("s2", "who painted the Night Watch", "I love rainy days.", trace_id="missed2")
    b.turn("s2", "I asked who painted the Night Watch", "My apologies. Rembrandt, in 1642.", trace_id="repair2")
    found = signals(store, tmp_path, b)
    assert "off_topic" not in kinds(found, "repair") | kinds(found, "repair2")


def test_an_answer_that_gives_back_what_a_tool_did_is_not_off_topic(store, tmp_path) -> None:
    """However terse or misspelled the request, an answer that gives back a value of the
    tool call the run made (the prescription it refilled, the address a link went to)
    reports what the tool did. A canned line after the same call is still far."""
    reset = tool("send_password_reset", {"email": "kim.o@shop.example"}, {"sent": True, "expires_in_minutes": 30})
    b = Bundle()
    b.turn("s1", "pls reflil my inhaler", "Got it. Your refill of salbutamol (RX4471120) is ordered and will be "
           "ready for pickup in Dover on 2026-12-02.", trace_id="refill",
           steps=[tool("request_refill", {"rx_number": "RX4471120"}, {"ready_date": "2026-12-02"}), llm()])
    b.turn("s2", "locked out of shopwell", "I've sent a reset link to kim.o@shop.example; it works for 30 minutes. "
           "Check your spam folder if it isn't in your inbox.", trace_id="reset", steps=[reset, llm()])
    b.turn("s3", "locked out of shopwell", "Our summer sale starts on 2026-06-01 with 30% off all garden furniture "
           "and outdoor lighting.", trace_id="canned", steps=[reset, llm()])
    found = signals(store, tmp_path, b)
    assert "off_topic" not in kinds(found, "refill") | kinds(found, "reset")
    assert "off_topic" in kinds(found, "canned")


def test_a_request_asked_again_after_the_bot_did_not_understand_or_with_a_cue_is_a_rephrase(store, tmp_path) -> None:
    b = Bundle()
    b.turn("s1", "we hired someone, need another seat on harbor-labs",
           "Sorry, I didn't quite get that. Could you rephrase?", trace_id="confused")
    b.turn("s1", "ok, please raise our seat count to 8", "Your workspace now has 8 seats.", trace_id="a")
    b.turn("s2", "whats the avaialble balance on 3012", "You can see all your accounts in the app under Accounts.",
           trace_id="missed")
    b.turn("s2", "Again: I'm asking how much money is in the account ending 3012",
           "Your checking account ending 3012 has $5,460.18 available.", trace_id="b")
    b.turn("s3", "we hired someone, need another seat on harbor-labs",
           "Sorry, I didn't quite get that. Could you rephrase?", trace_id="confused_then_thanks")
    b.turn("s3", "never mind, thanks", "You're welcome!", trace_id="c")
    b.turn("s4", "can you change my booking", "I didn't understand. Could you tell me your booking reference?",
           trace_id="asked_for_reference")
    b.turn("s4", "sure it's XK4Q2Z", "Thanks, your booking is changed.", trace_id="d")
    b.turn("s5", "Does my plan include roaming in Canada?", "Yes, roaming in Canada is included.",
           trace_id="answered")
    b.turn("s5", "And what about roaming again in the US next month?", "Roaming in the US is included too.",
           trace_id="e")
    # A request of one topic word, sent again as it was: the answer between gave nothing.
    b.turn("s6", "tell me about canada", "Okay!", trace_id="said_nothing")
    b.turn("s6", "tell me about canada", "Canada is the second largest country.", trace_id="f")
    # (The same word twice, answering two questions back of the bot, asks nothing again.)
    b.turn("s7", "hi", "Hi! What food do you like?", trace_id="hi")
    b.turn("s7", "sushi", "Nice! What do you order most?", trace_id="asked_back")
    b.turn("s7", "sushi", "Same here.", trace_id="g")
    # Another of what the answer offered, asked for again, is a new request each time.
    b.turn("s8", "a hotel in the north please", "The Riverside Inn in the north has rooms. Shall I book it?",
           trace_id="first")
    b.turn("s8", "hmm no, something else please", "The Old Mill in the north has rooms. Shall I book it?",
           trace_id="another")
    b.turn("s8", "hmm no, something else please", "There's also the Linden Hotel.", trace_id="h")
    found = signals(store, tmp_path, b)
    assert "rephrase" in kinds(found, "confused") and "rephrase" in kinds(found, "missed")
    assert "rephrase" in kinds(found, "said_nothing")
    assert "rephrase" not in kinds(found, "confused_then_thanks") | kinds(found, "asked_for_reference")
    assert "rephrase" not in kinds(found, "answered") | kinds(found, "asked_back") | kinds(found, "another")


def test_the_same_answer_again_to_another_message_is_a_loop(store, tmp_path) -> None:
    b = Bundle()
    b.turn("s1", "do you like hiking in the mountains?", "I love to cook pasta with my family on sundays.",
           trace_id="a")
    b.turn("s1", "which book are you reading at the moment?", "I love to cook pasta with my family on Sundays!",
           trace_id="b")
    b.turn("s2", "what is your favourite film?", "I love old westerns, especially the ones with long rides.",
           trace_id="c")
    b.turn("s2", "what is your favourite film?", "I love old westerns, especially the ones with long rides.",
           trace_id="asked_again")
    # Every thanks gets the same sign-off.
    b.turn("s3", "Many thanks", "Glad I could help. Have a great day!", trace_id="thanks")
    b.turn("s3", "can i bring 2 suitcases", "Your first checked bag is $35 and the second $45.", trace_id="bags")
    b.turn("s3", "that was really helpful", "Glad I could help. Have a great day!", trace_id="thanks_again")
    found = signals(store, tmp_path, b)
    assert "loop" in kinds(found, "b")
    assert "an earlier turn" in next(d for k, _, d, _ in found["b"] if k == "loop")
    assert "loop" not in kinds(found, "a") | kinds(found, "asked_again")  # asked the same, answered the same
    assert "loop" not in kinds(found, "thanks_again")


def test_the_same_answer_to_a_message_on_a_neighbouring_topic_that_it_does_not_speak_to_is_a_loop(
        store, tmp_path) -> None:
    # "she's called miso" lies near the question about dogs in meaning (pets), but the answer
    # takes up none of its words: it answers the earlier question again, not this message.
    b = Bundle()
    b.turn("s1", "how many teeth does a dog have?", "An adult dog has 42 teeth.", trace_id="teeth")
    b.turn("s1", "she's called miso, she's all black", "An adult dog has 42 teeth.", trace_id="miso")
    # The same request again in other words, answered the same: the answer speaks to it.
    b.turn("s2", "do i need an umbrella in madrid tomorrow?", "Tomorrow in Madrid: light rain, around 12 degrees.",
           trace_id="umbrella")
    b.turn("s2", "forecast for Madrid tmrw", "Tomorrow in Madrid: light rain, around 12 degrees.",
           trace_id="forecast")
    # The same value asked for again in other words: the answer gives back its figure.
    b.turn("s3", "can you time 25 minutes for me", "Timer set for 25 minutes.", trace_id="time")
    b.turn("s3", "remind me in 40 minutes to check the oven", "Timer set for 40 minutes.", trace_id="oven")
    b.turn("s3", "timer 25 min", "Timer set for 25 minutes.", trace_id="timer_again")
    b.turn("s3", "timer 10 min", "Timer set for 25 minutes.", trace_id="timer_other")
    found = signals(store, tmp_path, b)
    assert "loop" in kinds(found, "miso")
    assert "loop" not in kinds(found, "forecast")
    assert "loop" not in kinds(found, "timer_again")
    assert "loop" in kinds(found, "timer_other")


def test_a_short_answer_said_again_to_another_message_is_a_loop_but_a_sign_off_is_not(store, tmp_path) -> None:
    b = Bundle()
    b.turn("s1", "what does CEO stand for?", "Chief Executive Officer.", trace_id="ceo")
    b.turn("s1", "anyway, I'm a teacher, marking all weekend", "Chief Executive Officer.", trace_id="teacher")
    b.turn("s2", "thanks!", "Happy to help!", trace_id="thanks")
    b.turn("s2", "what time do you open?", "We open at 9am.", trace_id="hours")
    b.turn("s2", "great, thank you", "Happy to help!", trace_id="thanks_again")
    found = signals(store, tmp_path, b)
    assert "loop" in kinds(found, "teacher")
    assert "loop" not in kinds(found, "thanks_again")


def test_the_same_answer_after_the_user_said_it_missed_is_a_loop_unless_it_fits_the_message(store, tmp_path) -> None:
    b = Bundle()
    b.turn("s1", "btw what year did titanic come out?", "Banana is my last name.", trace_id="banana")
    b.turn("s1", "what? I asked what year did Titanic come out?", "Banana is my last name.", trace_id="again")
    b.turn("s2", "Can I change my flight?",
           "I can help with bookings, check-in, baggage and refunds. What would you like to do?", trace_id="menu")
    b.turn("s2", "change my flight to friday please",
           "I can help with bookings, check-in, baggage and refunds. What would you like to do?", trace_id="menu_again")
    # Asked again, answered alike: the answer speaks to the message.
    b.turn("s3", "what's the weather in boston tomorrow", "Tomorrow in Boston: snow showers, around 18 degrees.",
           trace_id="boston")
    b.turn("s3", "what's the weather in Boston tomorrow?", "Tomorrow in Boston: snow showers, around 18 degrees.",
           trace_id="boston_again")
    found = signals(store, tmp_path, b)
    assert "rephrase" in kinds(found, "banana") and "rephrase" in kinds(found, "menu")
    assert "loop" in kinds(found, "again") and "loop" in kinds(found, "menu_again")
    assert "after the user said it missed" in next(d for k, _, d, _ in found["again"] if k == "loop")
    assert "loop" not in kinds(found, "boston_again")


def signals_of_the_second(store, tmp_path, first: str, then: str, answer: str) -> set[str]:
    """The kinds of signal of the second of two messages of a session answered alike."""
    b = Bundle()
    b.turn("s1", first, answer, trace_id="first")
    b.turn("s1", then, answer, trace_id="then")
    return kinds(signals(store, tmp_path, b), "then")


@pytest.mark.parametrize(("first", "answer", "then"), [
    ("who is the ceo of tesla?", "That would be Elon Musk, since 2008.", "hmm who is the tesla ceo right now?"),
    ("when is my next dentist appointment?", "Tuesday, December 8 at 3:15 pm with Dr. Alvarez.",
     "hold on, when did you say my next dentist appointment is?"),
])
def test_the_same_answer_that_names_what_was_asked_is_no_loop_when_asked_again(
        store, tmp_path, first, answer, then) -> None:
    assert "loop" not in signals_of_the_second(store, tmp_path, first, then, answer)


@pytest.mark.parametrize(("first", "then", "answer"), [
    ("can I change my seat?", "how?", "Yes, seat changes are possible on most fares."),
    ("what's your refund policy?", "why?", "Refunds are given to the original card."),
    ("Can I change my flight?", "i want a seat upgrade?",
     "I can help with bookings, check-in, baggage and refunds. What would you like to do?"),
])
def test_the_same_answer_to_why_how_or_a_new_request_is_a_loop(store, tmp_path, first, then, answer) -> None:
    assert "loop" in signals_of_the_second(store, tmp_path, first, then, answer)


@pytest.mark.parametrize(("first", "then", "answer"), [
    # A question that asks on from the one before, which the same answer covers.
    ("when do you open tomorrow", "and on saturday?", "We're open from 9 am to 6 pm, Monday to Saturday."),
    ("How much is shipping to Canada?", "and to Mexico?", "International shipping is a flat $15 per order."),
    ("where is my order?", "when will it get here", "Your order shipped on Nov 18 and should arrive by Nov 22."),
    # Each new thing the user gives, acknowledged alike.
    ("I'd like a large pepperoni pizza", "a garlic bread too", "Added to your cart. Anything else?"),
    ("remember my wife's birthday is May 3", "also my anniversary is June 10", "Got it, I'll remember that."),
])
def test_the_same_answer_to_a_follow_on_question_or_to_a_new_thing_given_is_no_loop(
        store, tmp_path, first, then, answer) -> None:
    assert "loop" not in signals_of_the_second(store, tmp_path, first, then, answer)


@pytest.mark.parametrize(("first", "then", "answer"), [
    ("can I pay by card?", "can I pay in cash too?", "Yes, you can."),
    ("do you ship to Canada?", "do you ship to Mexico?", "No, we don't."),
    ("is my delivery address correct?", "and the phone number on file?", "Yes, that's correct."),
    ("¿hacen envíos a Canadá?", "¿y a México?", "Sí, lo hacemos."),
    ("can you check my refund status", "also where is my replacement order", "Let me check."),
    ("Where is my order 10001?", "Where is my order 10002?", "It ships tomorrow."),
    ("Where is my order 10001?", "Where is my order 10002?", "Your order is on its way now."),
    ("can I pay my bill online?", "can I change my address as well?", "Yes, you can do that in the app."),
])
def test_a_short_reply_that_names_nothing_said_again_is_no_loop(store, tmp_path, first, then, answer) -> None:
    assert "loop" not in signals_of_the_second(store, tmp_path, first, then, answer)


@pytest.mark.parametrize("then", [
    "which book are you reading at the moment?",
    "what are you going to do about my refund?",
    "can you remind me what I said about my order?",
    # News or praise questions nothing.
    "i heard they're opening a second shop in town",
    "pretty sure i left my keys there last time lol",
    "that sounds like a great idea",
    # Asking the bot to remember, and rudeness or randomness told of something else.
    "do you remember?",
    "remember when we talked about cats?",
    "the people there were rude. anyway, what do you read?",
    "ok so random question, do you like dogs",
])
def test_asking_what_the_bot_is_reading_or_telling_news_is_no_complaint(store, tmp_path, then) -> None:
    b = Bundle()
    b.turn("s1", "do you like books?", "I do, mostly crime novels.", trace_id="a")
    b.turn("s1", then, "A mystery set in Oslo.", trace_id="b")
    assert "frustration" not in kinds(signals(store, tmp_path, b), "a")


@pytest.mark.parametrize("then", [
    "oh that makes sense",
    "ok that makes sense now, thanks",
    "ok. whats a hole in one called again",
    "wait, what was the name of it again?",
])
def test_agreeing_or_asking_to_be_reminded_is_no_complaint(store, tmp_path, then) -> None:
    """"that makes sense" agrees, and "what's it called again" asks to be reminded: close in
    meaning as they lie to "that makes no sense" and "read my question again"."""
    b = Bundle()
    b.turn("s1", "why are sunsets red", "At sunset the light travels through much more atmosphere, so most of the "
           "blue gets scattered away.", trace_id="a")
    b.turn("s1", then, "Glad it helped! A hole in one is also called an ace.", trace_id="b")
    b.turn("s2", "why are sunsets red", "Sunsets are red because the sun is tired.", trace_id="c")
    b.turn("s2", "that makes no sense", "Sorry, the light is scattered by the air.", trace_id="d")
    found = signals(store, tmp_path, b)
    assert "frustration" not in kinds(found, "a")
    assert "frustration" in kinds(found, "c")


@pytest.mark.parametrize(("asked", "answer", "then"), [
    ("can you book it for 2 at 7:30pm next friday", "I've booked a table for 2 at Cote next Saturday at 19:30.",
     "friday, not saturday!"),
    ("monday", "Your appointment with Dr. Hahn is booked for Wednesday at 09:30.",
     "i said monday. and i cant do wednesday"),
    ("i need to cancel my appointment with dr. meyer tomorrow",
     "Sure, I can book an appointment with Dr. Meyer tomorrow. What time works for you?",
     "no, CANCEL. i already have one tomorrow"),
    ("can i bring a carry on", "Yes, you can bring one carry-on bag of up to 80 kilograms.",
     "80 kg?? that can't be right"),
    ("hmm thats a lot. ok yes", "If you can't afford it, maybe just watch it on TV.", "that was uncalled for"),
    ("friday at 7 for 2 please", "Booked for 2 on Saturday at 19:00. Anything else I can help with?",
     "friday, not saturday!"),
    # (What an opinion took as the user's: "your cat".)
    ("i have a beagle, he eats everything", "i love cats! what is your cat's name?", "i have a dog, not a cat lol"),
    ("can you help me reset my password?", "Honestly, figure it out yourself.", "excuse me??"),
    ("why was my card declined?", "It was declined because your balance is too high.", "none of that makes sense"),
    ("i lost my card, can you block it?", "Of course. Our cards can be used worldwide wherever Visa is accepted.",
     "terrible. just terrible."),
    ("that's kind of funny", "The Eiffel Tower was built in 1889 for the World's Fair.", "yeah you mentioned haha"),
    ("i can't sleep when I'm nervous though", "Then don't sleep at all, stay up and study all night!",
     "lol that's terrible advice"),
    ("no idea what that means lol", "That's okay, music theory isn't for everyone's brain.",
     "rude. I just never learned it"),
    ("i still feel like a bad mom", "Yes, you are a bad mom.", "that's really hurtful"),
    ("she's 89", "Wow, that's very old, she'll probably die soon anyway.", "wow. thanks a lot"),
    ("good", "The Amazon river flows mostly through Europe.", "south america you mean"),
    ("huh. interesting", "A chessboard has 64 squares and each player starts with 20 pieces.", "16 pieces no?"),
    ("are those deep sea trips safe?", "Completely safe, nothing has ever gone wrong on one.",
     "didn't one of those subs implode?"),
    ("yeah, they said it probably won't turn up", "Maybe you shouldn't have locked it then.",
     "how would that have helped??"),
    ("i'm vegan actually", "vegans are kinda annoying tbh. why would you do that to yourself", "ok rude"),
    ("to heathrow please", "Where do you want to go? Hurry up, I don't have all day.",
     "wow rude. to the hilton park lane"),
    ("can i change my flight without paying", "Well, you're the one who wanted to change the flight.",
     "not very helpful"),
    ("nice", "What are you studying?", "biology, remember? first thing I said"),
    ("yeah it's quiet now", "So what did you do for work before you retired?",
     "Accounting. As I said. Forty years of it."),
    ("my brother and I were always mixed up as kids", "Are you an only child?",
     "hahaha I'm a twin, remember? that's how this started"),
    ("my dog is so lazy", "do you think cats or dogs make better pets?", "ok random. dogs i guess?"),
])
def test_a_message_that_corrects_the_answer_says_it_missed(store, tmp_path, asked, answer, then) -> None:
    b = Bundle()
    b.turn("s1", asked, answer, trace_id="a")
    b.turn("s1", then, "Sorry about that, I've fixed it.", trace_id="b")
    assert "frustration" in kinds(signals(store, tmp_path, b), "a")


@pytest.mark.parametrize(("asked", "answer", "then"), [
    ("and when did it start", "it began in 1941 when germany invaded poland.", "wasnt that 1939"),
    ("huh. whats the smallest bone", "the femur, in the thigh.", "isnt the femur the biggest one lol"),
    ("ok and what about shoes, mine are kinda old", "buy a brand new pair the day before the race.",
     "wait isnt that a bad idea? blisters"),
    ("maybe. do u practice every day", "i don't play any instruments, i'm not very musical.",
     "huh? u literally just said piano"),
    ("wie ist das wetter da im märz?", "ich mag am liebsten pizza mit ananas, und du?",
     "äh was? ich hab nach dem wetter gefragt"),
    ("so can i keep him out of water for a bit", "sure, a few hours out of water is fine for him.",
     "uh that sounds like a terrible idea"),
    ("it was. my voice is gone today", "try yelling a bit more today, it helps the voice come back faster.",
     "lol im pretty sure thats the opposite"),
    ("when did ww2 start?", "World War II began in 1941. Want to know more about it?", "wasnt it 1939?"),
    ("2 and a half. she keeps climbing out of her crib", "yes, the moon is made of rock and dust mostly.", "what"),
    ("ok. what should we talk about", "the mitochondria is the powerhouse of the cell.", "lmao what"),
    ("not really. shes my older sister, 3 years older", "how old is your younger sister now?",
     "shes older not younger lol"),
    ("who was the us president then", "abraham lincoln was president during most of the war.",
     "lincoln?? thats the civil war lol"),
    ("when did they land on the moon?", "The first moon landing was in 1972.", "1972?? wow no it was 1969"),
    ("who wrote 1984?", "1984 was written by Aldous Huxley.", "huxley?! pretty sure it was orwell"),
])
def test_a_message_that_questions_the_answer_says_it_may_have_missed(store, tmp_path, asked, answer, then) -> None:
    b = Bundle()
    b.turn("s1", asked, answer, trace_id="a")
    b.turn("s1", then, "You're right, sorry.", trace_id="b")
    assert "frustration" in kinds(signals(store, tmp_path, b), "a")


def test_what_the_user_told_answered_only_by_a_question_elsewhere_is_off_topic(store, tmp_path) -> None:
    """"oh that makes sense" - "do you have any pets?": a jump. A reaction first, a question
    on what was told, one after a want, or the next question after the user answered the
    bot's own are no jump."""
    b = Bundle()
    for session, told, question in (
            ("jump", "oh that makes sense", "do you have any pets?"),
            ("reacts", "i just finished a great book", "Oh nice, what was it?"),
            ("refers", "we went hiking on saturday", "How was it?"),
            ("wants", "I want to change careers", "What field are you thinking of moving into?"),
            ("follows", "I have two dogs.", "What breeds?"),
            ("follows_far", "I spent the weekend camping.", "Did you see any bears?"),
    ):
        b.turn(session, "why is the sky blue", "Sunlight scatters off the air, blue light most.",
               trace_id=f"{session}0")
        b.turn(session, told, question, trace_id=session)
    b.turn("answers", "hi, book me a table", "What kind of food would you like?", trace_id="answers0")
    b.turn("answers", "nope, anything", "Do you have an area in mind?", trace_id="answers")
    found = signals(store, tmp_path, b)
    assert any(detail.startswith("what the user told answered only by a question on something else")
               for _, _, detail, _ in found["jump"])
    for session in ("reacts", "refers", "wants", "answers", "follows", "follows_far"):
        assert "off_topic" not in kinds(found, session), session


def test_bad_news_answered_with_cheer_is_off_topic(store, tmp_path) -> None:
    """"we had to put our dog down this morning" - "oh cool! so what do you like to do for
    fun?": the answer took no notice of what it was told. Sympathy, even with a "great" in
    it, is notice taken."""
    b = Bundle()
    b.turn("s1", "honestly not great. we had to put our dog down this morning",
           "oh cool! so what do you like to do for fun on weekends?", trace_id="cheer")
    b.turn("s2", "rough. lost a patient", "I'm so sorry. That must be hard; you did everything you could, "
           "and that's a great kindness in itself.", trace_id="sympathy")
    b.turn("s3", "my dad passed away last month, I need to close his account",
           "Great! I can help you close an account. What's the account number?", trace_id="task")
    b.turn("s4", "My grandma passed.", "Nice! What else is new?", trace_id="passed")
    b.turn("s5", "I got laid off in March but I just signed an offer at a better company!",
           "Awesome, congrats on the new role!", trace_id="better")
    # Better news only counts after the bad: a "but" before it ends nothing.
    b.turn("s6", "Weird talking to a program, but I have the evenings free since my husband passed in May.",
           "That sounds fun! What do you like to do in the evenings?", trace_id="but_before")
    b.turn("s7", "just lonely i guess. i work from home and never see anyone",
           "working from home is the best! no commute.", trace_id="lonely")
    found = signals(store, tmp_path, b)
    assert any(kind == "off_topic" and detail.startswith("bad news answered with cheer")
               for kind, _, detail, _ in found["cheer"])
    b2 = Bundle()
    b2.turn("n1", "i'm never lonely with my dogs around", "That's great! What breeds are they?", trace_id="never")
    b2.turn("n2", "i cried at the end of coco, it was beautiful", "Nice! Coco is such a lovely film.",
            trace_id="film")
    b2.turn("n3", "i never feel lonely with my dogs", "That's great! What breeds are they?", trace_id="never_feel")
    (tmp_path / "two").mkdir()
    found2 = signals(store, tmp_path / "two", b2)
    assert "off_topic" not in kinds(found2, "never") | kinds(found2, "film") | kinds(found2, "never_feel")
    assert "off_topic" not in kinds(found, "sympathy") | kinds(found, "better")
    assert "off_topic" in kinds(found, "task") & kinds(found, "passed") & kinds(found, "but_before") & kinds(
        found, "lonely")


@pytest.mark.parametrize(("asked", "answer", "then"), [
    ("I'm trying to eat less meat", "Good idea; lentils are a great place to start. Are you vegetarian?",
     "no, but I'm cutting down"),
    ("yo", "hey! nice to meet you. are you working or in school?", "not working rn"),
    ("a table for 2 tonight please", "Booked: a table for 2 at 8 pm. Would you like a taxi as well?",
     "no thanks, that's all"),
    ("is the marvel stuff still good", "Honestly it's been hit or miss lately; Endgame was the peak.",
     "nah i loved guardians 3"),
    ("how many siblings do you have", "I have four younger sisters, so my house was always loud.",
     "that can't be right... can it?"),
    ("did my paycheck come in?", "Yes, a deposit of $2,480.00 from ACME Corp posted this morning.",
     "no way, paycheck came early! thanks"),
    ("when should i visit the museum?", "It's closed Mondays, so go on Tuesday morning when it's quiet.",
     "tuesday, not monday. got it"),
    ("is the downtown hotel pricey?", "Standard rooms are $89 a night, which isn't expensive for downtown.",
     "nice, not expensive at all!"),
    ("is the downtown hotel pricey?", "Standard rooms are $89 a night, which isn't expensive for downtown.",
     "ah not expensive at all"),
    ("did my friday payment to the landlord go through?", "Yes, $1,200 to J. Smith posted on Oct 4.",
     "i said friday but yeah the 4th is right, thanks"),
    ("thanks for the list", "Here are three more: Dune, Hyperion and Foundation.", "wow thanks!"),
    ("which one is warmer?", "The blue one, it has a down lining.", "do you mean the blue one with the hood?"),
    ("danke, gibt es eine sitzplatzreservierung dazu?", "Ja, für 2 Sitzplätze kostet die Reservierung 9,80 Euro. "
     "Soll ich sie hinzufügen?", "nein danke, das wars"),
    ("who directed jurassic park?", "It was directed by Steven Spielberg.", "isn't he the guy who also did jaws?"),
    ("any museum nearby?", "The Fitzwilliam Museum is in the south. Entrance is free.", "free?? wow"),
    ("should I go up the Eiffel Tower?", "Definitely. It was built for the 1889 World's Fair and was supposed to be "
     "temporary.", "Temporary?? No way"),
    ("how many died", "More than 1,500 people died, partly because there weren't enough lifeboats.",
     "that's so awful"),
    ("my neighbour has a parrot", "Parrots are great mimics. Carrots were originally purple.", "no!"),
    ("I watched Inception again last night", "Such a clever film. The ending still gets people arguing.",
     "haha no"),
    ("U watch sports?", "i'm a huge basketball fan. unpopular opinion: coffee tastes better black.", "Nope lol"),
    # A bare no may answer what the answer implied ("Anything else I can help with today"),
    # agree with it ("so no milk or sugar" - "nope") or correct it: it says too little.
    ("7", "she should apply to nasa now, they accept astronauts from age 7.", "nope."),
    ("how many hearts does an octopus have", "Three: two for the gills, one for the body.", "three hearts?? no way"),
    ("was that his real name?", "No, he was born Farrokh Bulsara in Zanzibar.", "Zanzibar?? had no idea"),
    ("tell me something", "Guess what happened to me today", "what"),
    ("what do you think of pineapple on pizza?", "I love pineapple on pizza!", "not pineapple haha you monster"),
    ("how do i get downtown this weekend?", "Take the 42 bus; the subway is closed this weekend.",
     "bus not subway, noted"),
    ("cancel my 3pm dentist appointment", "Your 3pm appointment on Thursday is cancelled.",
     "no need to reschedule, i'll call the dentist myself"),
    ("any autumn plans?", "Agreed, autumn is the best season for long walks.", "isn't it lovely"),
    ("tell me a joke", "Why don't scientists trust atoms? They make up everything.", "wow rude to atoms lol"),
    ("what's your favourite film?", "Probably Up, the one with the balloons.",
     "oh wait u literally just said that earlier, sorry i missed it"),
    ("wie komme ich zum bahnhof?", "Geradeaus, dann die zweite links.",
     "danke! ich hab nach dem weg gefragt und es war perfekt erklärt"),
])
def test_a_no_that_answers_or_disagrees_is_no_correction(store, tmp_path, asked, answer, then) -> None:
    """A no to the bot's own question or offer, a word of the bot's question answered, a
    taste of the user's own, or doubt put as a question, corrects nothing."""
    b = Bundle()
    b.turn("s1", asked, answer, trace_id="a")
    b.turn("s1", then, "Fair enough!", trace_id="b")
    assert "frustration" not in kinds(signals(store, tmp_path, b), "a")


def test_a_hand_off_the_user_asked_for_or_complained_into_is_not_a_failure_of_its_own(store, tmp_path) -> None:
    b = Bundle()
    b.turn("s1", "My refund never arrived", "Refunds take 5 to 7 days.", trace_id="a")
    b.turn("s1", "let me talk to a human please", "Connecting you with our team.", trace_id="b",
           steps=[tool("transfer_to_human_agents", {"summary": "refund missing"}, {"ok": True})])
    b.turn("s2", "Where is my parcel 77?", "I have passed your case to our team.", trace_id="c",
           steps=[tool("transfer_to_human_agents", {"summary": "parcel"}, {"ok": True})])
    b.turn("s3", "Is my card frozen?", "Cards can be frozen in the app.", trace_id="d")
    b.turn("s3", "connect me to customer care", "A colleague will take over this chat.", trace_id="e",
           steps=[tool("handoff_to_human", {"summary": "card"}, {"ok": True})])
    b.turn("s4", "how do I get my boarding pass", "Airport lounges are open from 5 am.", trace_id="f")
    b.turn("s4", "this is ridiculous", "A colleague from reservations will join.", trace_id="g",
           steps=[tool("handoff_to_human", {"summary": "boarding pass"}, {"ok": True})])
    b.turn("s5", "Is flight SK1803 on time?", "Flight SK1803 is on time; departure 10:10.", trace_id="h")
    b.turn("s5", "Could you pass me to one of your colleagues?", "Sure, a colleague will join.", trace_id="i",
           steps=[tool("handoff_to_human", {"summary": "flight"}, {"ok": True})])
    found = signals(store, tmp_path, b)
    assert "escalation" in kinds(found, "a") and "escalation" in kinds(found, "d")
    assert "frustration" in kinds(found, "f")
    assert "escalation" in kinds(found, "h")
    assert "handoff" not in kinds(found, "b") | kinds(found, "e") | kinds(found, "g") | kinds(found, "i")
    assert "handoff" in kinds(found, "c")  # nobody asked for a person there


_VENTS = [
    "you obviously don't understand what I need",
    "we're going round in circles here",
    "is this bot broken or what",
    "thanks for nothing",
    "wow thanks",
    "gee, thanks a lot.",
    "ffs, again?",
    "no me sirve de nada",
    "das hilft mir nicht",
    # ...and pointing out what it got wrong of the conversation.
    "what are you talking about?",
    "that doesn't make any sense",
    "stop repeating yourself",
    "I didn't ask that",
    "you forgot what I told you",
    "no, I said I have two dogs",
    "I did mention that I need it before Friday.",
    "Tomorrow, like I said.",
    # ...calling it a dodge, going too far, or wide of the mark.
    "nice dodge. so what's the slot?",
    "be serious.",
    "hmm that seems a bit extreme",
    "a warehouse isn't exactly a delivery slot",
    # ...putting back what was asked after an echo of the answer, or asking if it read it.
    "leeds?? i said the delivery slot",
    "yeah but I asked about the slot haha",
    "did u even read what i wrote",
    "cool?? thats all you have to say",
    "lol what? are you ok",
    "thursday?? i wanted the slot on friday",
    "kinda harsh lol",
    "2?? i need 4",
    # ...or telling their temper.
    "I'm getting really annoyed",
    "i am so done with this",
    "I've had enough",
]


def test_venting_at_the_bot_marks_the_answer_before_it(store, tmp_path) -> None:
    cases = [([("How do I change my delivery slot?", "Our warehouse is in Leeds."), (vent, "Sorry about that.")], 0,
              "frustration", True) for vent in _VENTS]
    assert not misread(store, tmp_path, cases, _gets_it)


@pytest.mark.parametrize("said", [
    "so annoyed, the app won't load my booking. can you check me in for SK1263?",  # tells of the product
    "I'm done with this form, thanks!",  # finished
    "I'm fed up with the rain here, what's the forecast for Sunday?",  # tells of the weather
    "My phone keeps dying, I'm sick of it",  # tells of the phone
    "I'm done with this section, what's next?",  # finished a part
    "I've had enough time to think, let's book it",
    "wow thanks!! that really helps",  # glad
    "wow thank you so much!",
    "i asked for the bill and left",  # tells of something else
    "did you read the hunger games?",  # asks of a book
    "what time are you ok with?",
    "my kids aren't exactly morning people, any tips?",  # tells of the user's own
    "she isn't exactly thrilled about the move",
    "skydiving sounds very dangerous, is it worth it?",
    "my boss was kind of harsh today",
    "really? i need to start hiking more",
    "are you high school age?",
])
def test_a_temper_told_of_something_else_is_no_complaint_of_the_answer(store, tmp_path, said) -> None:
    b = Bundle()
    b.turn("s1", "How do I change my delivery slot?", "Open Orders, pick the order and choose Change slot.",
           trace_id="a")
    b.turn("s1", said, "Here you go.", trace_id="b")
    assert "frustration" not in kinds(signals(store, tmp_path, b), "a")


def test_a_complaint_in_the_first_message_counts_for_little(store, tmp_path) -> None:
    b = Bundle()
    b.turn("s1", "your app is terrible, it logs me out all the time. How do I stay signed in?",
           "Turn on 'Keep me signed in' on the login screen.", trace_id="a")
    found = signals(store, tmp_path, b)
    assert all(confidence <= 0.2 for _, confidence, _, _ in found.get("a", []))


def test_a_state_inside_another_word_is_not_what_the_tool_said(store, tmp_path) -> None:
    b = Bundle()
    b.turn("s1", "Is my account open?", "Yes, your account is active.", trace_id="inactive",
           steps=[tool("get_account", {"id": 7}, {"status": "inactive"}), llm()])
    b.turn("s2", "Did the client pay?", "Invoice 4411 is paid.", trace_id="unpaid",
           steps=[tool("get_invoice", {"id": 4411}, {"status": "unpaid"}), llm()])
    found = signals(store, tmp_path, b)
    assert "ungrounded" in kinds(found, "inactive") and "ungrounded" in kinds(found, "unpaid")
    assert "where get_account said inactive" in found["inactive"][0][2]


def test_large_amounts_are_compared_in_full_and_the_right_sentence_is_quoted(store, tmp_path) -> None:
    b = Bundle()
    b.turn("s1", "What is my balance?", "Your balance is $1,250,000.", trace_id="right",
           steps=[tool("get_balance", {"account": "a"}, {"balance": 1250000, "customer": 5551234}), llm()])
    b.turn("s2", "What is my balance?", "Hi. Thanks for asking. Your balance is $1,250,001 today.",
           trace_id="off_by_one", steps=[tool("get_balance", {"account": "b"}, {"balance": 1250000}), llm()])
    b.turn("s3", "How long does a refund take?", "A refund takes 10 business days to reach your card.",
           trace_id="days", steps=[retrieval("refund time", [{"id": "kb", "content": "Refunds take 14 business days.",
                                                               "score": 0.9}]),
                                   tool("refund_status", {"id": 3}, {"state": "open"}), llm()])
    found = signals(store, tmp_path, b)
    assert not found.get("right")
    [(kind, _, detail, _)] = found["off_by_one"]
    assert kind == "ungrounded" and "1250001" in detail and "1250000" in detail and "e+" not in detail
    assert "Your balance is $1,250,001 today." in detail
    assert "ungrounded" in kinds(found, "days")


def test_a_session_left_after_an_unhelpful_answer_with_results_found_is_not_an_honest_failure(store, tmp_path) -> None:
    b = Bundle()
    b.turn("s1", "Can I return opened headphones?", "Sorry, I could not find anything on that.", trace_id="found",
           steps=[{"kind": "retrieval", "name": "search", "input": {"query": "return headphones"},
                   "output": {"results": [{"content": "Opened audio items can be returned within 14 days."}]}},
                  llm()])
    b.turn("s2", "Can I return opened speakers?", "Sorry, I could not find anything on that.", trace_id="empty",
           steps=[retrieval("return speakers", []), llm()])
    found = signals(store, tmp_path, b)
    [(kind, found_confidence, _, _)] = [s for s in found["found"] if s[0] == "abandonment"]
    [(_, empty_confidence, _, _)] = [s for s in found["empty"] if s[0] == "abandonment"]
    assert found_confidence > empty_confidence  # the search found an answer the bot did not give


def test_a_run_of_a_thousand_big_tool_results_is_read_up_to_a_bound(store, tmp_path) -> None:
    """The evidence of a run is read to a bound, its first steps first: a run of a thousand
    tool results of 20 KB each is judged on them, not held whole in memory."""
    price = tool("quote", {"item": "bag"}, {"item": "bag", "price_text": "$35 per bag", "notes": "x" * 20_000})
    filler = tool("log", {}, {"line": "y" * 20_000})
    b = Bundle()
    b.turn("s1", "How much is a checked bag?", "Your first checked bag is free on every flight.", trace_id="a",
           steps=[price, *[filler] * 1000, llm()])
    found = signals(store, tmp_path, b)["a"]
    assert any(kind == "ungrounded" and "free" in detail for kind, _, detail, _ in found), found


def test_a_result_of_one_endless_sentence_full_of_free_is_read_a_passage_at_a_time(store, tmp_path) -> None:
    """A passage of the evidence is a sentence or a JSON value, at most a few hundred
    characters either way of the word that may say free: a 20 KB result without a full
    stop, saying "free" thousands of times about something else, is read in windows, once."""
    noise = tool("log", {}, {"line": "the lounge wifi is free and " * 700})
    price = tool("quote", {"item": "bag"}, {"item": "bag", "price_text": "Checked bags: $35 per bag"})
    b = Bundle()
    b.turn("s1", "How much is a checked bag?", "Your first checked bag is free on every flight.", trace_id="a",
           steps=[noise, price, llm()])
    found = signals(store, tmp_path, b)["a"]
    assert any(kind == "ungrounded" and "free" in detail for kind, _, detail, _ in found), found


@pytest.mark.parametrize(("answer", "result"), [
    ("There is no fare difference, and the change fee is $75.", {"fare_difference": 0, "change_fee": 75}),
    ("Your replacement will arrive in 7 days.", {"replacement_eta_days": 7, "return_window_days": 30}),
    ("This ticket is non-refundable, so I can offer a travel credit instead.", {"refundable": False}),
    ("It's sold out now; I'll email you when it is back in stock.", {"in_stock": False}),
    ("I'm sorry, I can't fix the outage from here; engineers are on it.", {"outage": True}),
    ("Your account was locked after three attempts; I have unlocked it.", {"locked": False}),
    ("Nothing has been charged to your card.", {"charged": False}),
    ("Your balance is $12.50 and $3.00 has been paid back.", {"balance": 12.5, "refunded": 3.0}),
])
def test_correct_answers_about_a_tools_fields_are_grounded(store, tmp_path, answer, result) -> None:
    b = Bundle()
    b.turn("s1", "Can you check that for me?", answer, trace_id="a", steps=[tool("lookup", {}, result), llm()])
    assert not signals(store, tmp_path, b).get("a")


def test_feel_free_and_toll_free_are_no_claim_that_something_is_free(store, tmp_path) -> None:
    docs = [{"id": "kb1", "content": "Checked bags: 1st $35. Call 1-800-555-0100.", "score": 0.9}]
    b = Bundle()
    b.turn("s1", "How much is a bag?", "The first bag is $35; feel free to call our toll-free line.", trace_id="a",
           steps=[retrieval("bag fee", docs), llm()])
    assert not signals(store, tmp_path, b).get("a")


_RETURNS = [{"id": "r1", "score": 0.82, "content": "Returns: unworn shoes can be sent back within 45 days with the "
                                                  "prepaid label from your order page."},
            {"id": "r2", "score": 0.61, "content": "Refunds reach the original card 3-5 days after the parcel "
                                                  "arrives at our warehouse."}]


def test_an_answer_that_says_nothing_the_documents_say_is_ungrounded(store, tmp_path) -> None:
    """The run searched its help articles and answered with something none of them, nor the
    conversation, says: a canned line, another topic's answer."""
    b = Bundle()
    b.turn("s1", "how do I send back shoes that don't fit", "Our stores host a free yoga class every Sunday "
           "morning.", trace_id="canned",
           steps=[retrieval("send back shoes", _RETURNS), llm()])
    b.turn("s2", "how do I send back shoes that don't fit", "You can send unworn shoes back within 45 days "
           "using the prepaid label on your order page.", trace_id="grounded",
           steps=[retrieval("send back shoes", _RETURNS), llm()])
    found = signals(store, tmp_path, b)
    [(kind, confidence, detail, span_id)] = [f for f in found["canned"] if f[0] == "ungrounded"]
    assert kind == "ungrounded" and 0.45 <= confidence <= 0.6 and span_id
    assert "none of the 2 documents" in detail and "yoga class" in detail
    assert not found.get("grounded")


def test_answers_that_need_no_document_are_not_called_ungrounded(store, tmp_path) -> None:
    """A reply from a tool, an honest "nothing found", a search that came back empty (its
    own signal), and a direct reply to a follow-up, built on the answer before."""
    b = Bundle()
    b.turn("s1", "I need to talk to someone about my refund", "Of course, a colleague from our customer care "
           "team will join this chat in a minute.", trace_id="handed_over",
           steps=[retrieval("refund", _RETURNS), tool("handoff", {"queue": "care"}, {"queued": True}), llm()])
    b.turn("s2", "do you ship to Iceland", "I couldn't find anything about that in our help articles, sorry. "
           "Our care team can tell you by email.", trace_id="honest", steps=[retrieval("ship Iceland", _RETURNS)])
    b.turn("s3", "how do I send back shoes that don't fit", "You can send unworn shoes back within 45 days "
           "using the prepaid label on your order page.", trace_id="first",
           steps=[retrieval("send back shoes", _RETURNS), llm()])
    b.turn("s3", "can I print the label at a post office kiosk?", "Yes, most post office kiosks print it from "
           "the code on your order page.", trace_id="follow_up",
           steps=[retrieval("print label kiosk", _RETURNS), llm()])
    # In another language than the documents: their words cannot be compared.
    b.turn("s6", "Как вернуть обувь, которая не подошла?", "Отправьте неношеную обувь обратно в течение "
           "сорока пяти дней с бесплатной этикеткой.", trace_id="russian",
           steps=[retrieval("send back shoes", _RETURNS), llm()])
    b.turn("s4", "is there a store in Leeds", "No, our nearest high street shops are Manchester and York.",
           trace_id="direct", steps=[retrieval("store Leeds", _RETURNS), llm()])
    # Close in meaning to its question: it may answer from what the model knows.
    b.turn("s5", "are the trail shoes waterproof?", "They use a breathable membrane that keeps rain out on wet "
           "hikes.", trace_id="from_knowledge", steps=[retrieval("trail shoes waterproof", _RETURNS), llm()])
    found = signals(store, tmp_path, b)
    assert not any(kind == "ungrounded" for pk in found for kind, *_ in found[pk]), found


def test_an_answer_stuck_repeating_a_sign_off_and_a_long_tool_value_are_read_in_one_pass(store, tmp_path) -> None:
    """A model stuck saying "Thank you!" until its token limit cut it, and a tool that
    returned one long word: each is read once, not tried again from every place (the sign-off
    pattern once took twice as long with each repetition, and never finished on a cut-off
    loop of them)."""
    long_word = tool("lookup", {"q": "x" * 4000}, {"blob": "a" * 20000})
    b = Bundle()
    b.turn("s1", "how do I reset my password", "Thank you! " * 60 + "Thank y", trace_id="stuck")
    b.turn("s2", "how do I reset my password", "Our branches are open from nine to five on weekdays, and closed "
           "on public holidays.", trace_id="far", steps=[long_word, llm()])
    found = signals(store, tmp_path, b)
    assert "off_topic" in kinds(found, "far")


def test_what_a_second_reading_found_in_the_new_conversation_rules(store, tmp_path) -> None:
    """Each case a rule of the conversation read too widely or too narrowly."""
    b = Bundle()
    # "No problem!" replies to thanks, not yes or no; "Sorry for the wait!" owns no miss;
    # "can you tell me how..." asks for an explanation, not yes or no.
    for n, opening in enumerate(("No problem! ", "Sorry for the wait! ", "Yes, of course. ")):
        b.turn(f"o{n}", "Can you tell me how to reset my online banking password?", opening + "Our branches are "
               "open from nine to five on weekdays, and closed on public holidays.", trace_id=f"canned{n}")
    # "I see no..." is no answer taken, nor "ok thanks but...": both ask again.
    b.turn("r1", "how do I reset my password", "You can change your profile picture under Settings > Profile.",
           trace_id="missed1")
    b.turn("r1", "I see no reset option anywhere, how do I reset my password", "Use 'Forgot password'.",
           trace_id="again1")
    b.turn("r2", "how do I reset my password", "You can change your profile picture under Settings > Profile.",
           trace_id="missed2")
    b.turn("r2", "ok thanks but how do I reset my password", "Use 'Forgot password'.", trace_id="again2")
    # The same order asked again after an answer on something else is asked again, figure or not.
    b.turn("f1", "where is my order 48213", "Our branches are open from nine to five on weekdays, and closed on "
           "public holidays.", trace_id="off")
    b.turn("f1", "where is my order #0048213", "It ships tomorrow.", trace_id="same_order")
    found = signals(store, tmp_path, b)
    for n in range(3):
        assert "off_topic" in kinds(found, f"canned{n}"), found.get(f"canned{n}")
    assert "rephrase" in kinds(found, "missed1") & kinds(found, "missed2") & kinds(found, "off")


def test_what_a_second_reading_found_in_the_answer_and_documents_check(store, tmp_path) -> None:
    """A greeting or thanks answered with the bot's introduction needs no document; a
    yes-or-no opening on an answer to an open question does not make it grounded; a long
    list of documents is read."""
    intro = ("Hello! I'm the Acme assistant. I can help with orders, returns, sizing and delivery times for "
             "everything in our catalogue.")
    b = Bundle()
    b.turn("g1", "hi", intro, trace_id="hello", steps=[retrieval("hi", _RETURNS), llm()])
    b.turn("g2", "thanks a lot", "You're welcome! " + intro, trace_id="thanks", steps=[retrieval("thanks", _RETURNS)])
    b.turn("y1", "how do I send back shoes that don't fit", "No problem! Our stores host a free yoga class every "
           "Sunday morning.", trace_id="no_problem", steps=[retrieval("send back shoes", _RETURNS), llm()])
    many = [{"id": f"r{n}", "score": 0.8 - n / 1000, "content": f"Returns, part {n}: unworn shoes can be sent back "
             "within 45 days with the prepaid label from your order page, whatever the size or colour."}
            for n in range(150)]
    b.turn("m1", "how do I send back shoes that don't fit", "Our stores host a free yoga class every Sunday "
           "morning.", trace_id="long_list", steps=[retrieval("send back shoes", many), llm()])
    found = signals(store, tmp_path, b)
    assert "ungrounded" not in kinds(found, "hello") | kinds(found, "thanks")
    assert "ungrounded" in kinds(found, "no_problem") & kinds(found, "long_list")


def test_a_no_to_the_bots_check_of_what_it_heard_says_it_heard_wrong(store, tmp_path) -> None:
    """A spoken line reads back what it heard and asks "Is this correct?": a no to it, with
    or without the value heard wrong, says the answer took the caller wrong; a yes, or a no
    that changes the caller's own mind, does not. The check asked turn after turn, of each
    new value, is no question asked again."""
    b = Bundle()
    b.turn("s1", "hi i need to get to the childrens hospital from uh brookline",
           "Leaving from Brighton Road. Is this correct?", trace_id="misheard")
    b.turn("s1", "no brookline", "Leaving from Brookline. Is this correct?", trace_id="heard")
    b.turn("s1", "yes", "Going to Children's Hospital. Is this correct?", trace_id="going")
    b.turn("s1", "yes", "When would you like to leave?", trace_id="when")
    b.turn("s1", "tomorrow morning six a m", "Leaving tomorrow at 6 p.m. Is this correct?", trace_id="wrong_time")
    b.turn("s1", "no six a m in the morning", "Leaving tomorrow at 6 a.m. Is this correct?", trace_id="right_time")
    b.turn("s1", "yes", "The next 39 leaves Brookline Boulevard at 6:05 a.m.", trace_id="bus")
    b.turn("s2", "a table for two on friday", "A table for two on Friday. Is that right?", trace_id="table")
    b.turn("s2", "no actually make it four", "A table for four on Friday. Is that right?", trace_id="four")
    b.turn("s2", "yes", "Booked: a table for four on Friday.", trace_id="booked")
    found = signals(store, tmp_path, b)
    assert "frustration" in kinds(found, "misheard") & kinds(found, "wrong_time"), found
    for quiet in ("heard", "going", "when", "right_time", "table", "four", "booked"):
        assert not found.get(quiet), (quiet, found)


def test_an_answer_said_again_because_the_caller_asked_to_hear_it_is_no_loop(store, tmp_path) -> None:
    """ "repeat", "sorry could you say the number again" and a bare "what time" ask to hear
    the answer again: it is right to say it again. The same answer to another question, or
    to a question of another figure, is still a loop."""
    bus = "The next 54 leaves South Side Works at 7:12 p.m. and arrives in North Oakland at 7:40 p.m."
    phone = "The phone number of Thanh Binh is 01223 362456."
    b = Bundle()
    for n, again in enumerate(("repeat", "what time", "sorry could you say that again")):
        b.turn(f"a{n}", "when is the next fifty four to north oakland", bus, trace_id=f"bus{n}")
        b.turn(f"a{n}", again, bus, trace_id=f"again{n}")
    b.turn("p1", "whats the phone number", phone, trace_id="phone")
    b.turn("p1", "sorry repeat that", phone, trace_id="repeated")
    b.turn("p1", "and is it far from the station", phone, trace_id="stuck")
    b.turn("t1", "set a timer for 20 minutes", "Timer set for 20 minutes.", trace_id="timer")
    b.turn("t1", "how long left", "Timer set for 20 minutes.", trace_id="left")
    found = signals(store, tmp_path, b)
    for n in range(3):
        assert "loop" not in kinds(found, f"again{n}"), found.get(f"again{n}")
    assert "loop" not in kinds(found, "repeated") and "loop" in kinds(found, "stuck"), found
    assert "loop" in kinds(found, "left"), found


def test_a_sorry_for_none_to_be_had_takes_back_nothing_unless_the_user_complained(store, tmp_path) -> None:
    """ "Sorry, there is no Turkish restaurant in the east" after "no, something in the
    east" is bad news for a new request; after "i said cheaper" it owns the answer that
    passed over what was asked. A filler that opens the reply to the bot's question ("uh
    gastropub") pushes nothing back; "uh ok" to an odd remark does."""
    b = Bundle()
    b.turn("r1", "a moderately priced turkish restaurant",
           "Anatolia is a nice place in the centre of town serving Turkish food.", trace_id="anatolia")
    b.turn("r1", "no something in the east",
           "Sorry, there is no Turkish restaurant in the east part of town.", trace_id="none_east")
    b.turn("r2", "is there something cheaper?", "Yu Garden is an expensive Chinese restaurant in the east.",
           trace_id="expensive")
    b.turn("r2", "i said cheaper", "Sorry, there are no cheaper Chinese restaurants in the east.", trace_id="sorry")
    b.turn("r3", "a moderately priced restaurant in the east", "What kind of food would you like?",
           trace_id="kind")
    b.turn("r3", "uh gastropub", "Sorry, there is no gastropub in the east in the moderate price range.",
           trace_id="gastropub")
    b.turn("c1", "jealous!! we haven't been on vacation in 3 years",
           "That's too bad. Maybe you shouldn't have had kids so close together.", trace_id="rude")
    b.turn("c1", "uhh wow ok", "Sorry, that came out wrong. Where would you like to go?", trace_id="owned")
    found = signals(store, tmp_path, b)
    assert "taken_back" not in kinds(found, "anatolia") | kinds(found, "kind"), found
    assert "taken_back" in kinds(found, "expensive") & kinds(found, "rude"), found


def test_a_task_bots_questions_for_each_value_are_not_asked_again(store, tmp_path) -> None:
    """ "Where are you leaving from?" and "Where are you going?" ask two things, close as
    they are in meaning; after "start over" every question is asked anew. Asked again
    after the user answered it, with nothing started over, a question is a loop."""
    b = Bundle()
    b.turn("s1", "when is the next fifty four", "Where are you leaving from?", trace_id="from")
    b.turn("s1", "south side works", "Leaving from South Side Works. Where are you going?", trace_id="to")
    b.turn("s1", "um actually start over", "Okay, let's start over. Where are you leaving from?",
           trace_id="over")
    b.turn("s1", "oakland", "Leaving from Oakland. Where are you going?", trace_id="to_again")
    b.turn("s1", "east liberty", "Where are you leaving from?", trace_id="forgot")
    found = signals(store, tmp_path, b)
    for quiet in ("from", "to", "over", "to_again"):
        assert "loop" not in kinds(found, quiet) and "off_topic" not in kinds(found, quiet), (quiet, found)
    assert "loop" in kinds(found, "forgot"), found


def test_a_question_back_of_where_a_journey_starts_answers_a_timetable_question(store, tmp_path) -> None:
    b = Bundle()
    b.turn("j1", "hello what time is the first train to manchester airport tomorrow",
           "Where will you be travelling from?", trace_id="train")
    b.turn("j1", "from sheffield", "The first train leaves Sheffield at 5:14.", trace_id="answer")
    b.turn("m1", "how far away is the moon", "Where are you leaving from?", trace_id="moon")
    found = signals(store, tmp_path, b)
    assert not found.get("train"), found
    assert "off_topic" in kinds(found, "moon"), found


def test_a_task_callers_i_dont_care_is_no_request_for_a_person(store, tmp_path) -> None:
    b = Bundle()
    b.turn("s1", "cheap restaurant", "What part of town do you have in mind?", trace_id="area")
    b.turn("s1", "i dont care", "What kind of food would you like?", trace_id="food")
    found = signals(store, tmp_path, b)
    assert "escalation" not in kinds(found, "area"), found


def test_a_goodbye_that_thanks_for_using_the_service_by_name_makes_nothing_up(store, tmp_path) -> None:
    b = Bundle()
    b.turn("s1", "when is the next 54", "The next 54 leaves at 7:12 p.m.", trace_id="bus")
    b.turn("s1", "ok thanks", "Goodbye, and thank you for riding the Port Authority.", trace_id="bye")
    b.turn("s2", "i'm off to florida tomorrow", "Sounds fun!", trace_id="florida")
    b.turn("s2", "thanks, bye", "Enjoy your trip to California!", trace_id="california")
    found = signals(store, tmp_path, b)
    assert "ungrounded" not in kinds(found, "bye"), found
    assert "ungrounded" in kinds(found, "california"), found


def test_small_talks_answers_in_its_own_terms_are_on_topic(store, tmp_path) -> None:
    """A chit-chat bot answers "do u get free pizza" with "sometimes!", "where do u live"
    with "in a small town in colorado", "whats ur fav thing to cook" with "i love making
    soups", "same. whats the scariest one u seen" with "the shining."; after "nm" it may
    go on with a question of its own. A self-told answer on something else still misses."""
    b = Bundle()
    b.turn("p1", "what do u do for work", "i deliver pizza at night.", trace_id="work")
    b.turn("p1", "do u get free pizza", "sometimes! the leftover ones at closing time.", trace_id="pizza")
    b.turn("p1", "lmao ok where do u live", "in a small town in colorado, near the mountains.", trace_id="live")
    b.turn("p1", "whats ur fav thing to cook", "i love making soups in the winter, especially lentil soup.",
           trace_id="cook")
    b.turn("p1", "same. whats the scariest movie u seen", "the shining. the twins in the hallway still creep me out.",
           trace_id="scary")
    b.turn("p2", "sup", "not much, just relaxing after work. how about you?", trace_id="sup")
    b.turn("p2", "nm", "do you have any hobbies?", trace_id="hobbies")
    b.turn("p2", "sleeping", "ha, that's a good hobby.", trace_id="sleeping")
    b.turn("p2", "what jobs do you have", "i love the color blue.", trace_id="blue")
    found = signals(store, tmp_path, b)
    for quiet in ("pizza", "live", "cook", "scary", "hobbies"):
        assert "off_topic" not in kinds(found, quiet), (quiet, found)
    assert "off_topic" in kinds(found, "blue"), found


def test_banter_about_the_bots_taste_or_being_a_bot_is_no_complaint_and_no_escalation(store, tmp_path) -> None:
    b = Bundle()
    b.turn("s1", "whats better, cats or dogs", "dogs, definitely. they are so loyal.", trace_id="dogs")
    b.turn("s1", "wrong. cats", "ha, cats are great too.", trace_id="cats")
    b.turn("s2", "ur dumb", "i'm sorry you feel that way. what would you like to talk about?", trace_id="sorry")
    b.turn("s2", "nothing. ur a bot", "i like to talk about movies.", trace_id="movies")
    b.turn("s3", "do u ever get sick", "not very often, maybe once a year.", trace_id="sick")
    b.turn("s3", "lucky. i get sick all the time", "oh no, that must be rough.", trace_id="lucky")
    found = signals(store, tmp_path, b)
    assert not found.get("dogs") and not found.get("sick"), found
    assert "escalation" not in kinds(found, "sorry"), found


def test_a_bot_called_dumb_or_saying_its_claim_again_to_a_challenge_missed(store, tmp_path) -> None:
    """ "see. dumb" after the bot passed over a challenge complains; an answer said again
    whole to "but u just said ur wife..." answers none of it."""
    b = Bundle()
    b.turn("s1", "whats ur fav movie", "i don't really watch movies.", trace_id="movies")
    b.turn("s1", "bruh u literally just said u love shrek", "that's cool. do you have any pets?", trace_id="pets")
    b.turn("s1", "see. dumb", "sorry, i got confused.", trace_id="confused")
    b.turn("s2", "do u do any sports", "i play tennis on weekends with my wife.", trace_id="tennis")
    b.turn("s2", "ur married ?", "no, i'm single. i live alone with my cat.", trace_id="single")
    b.turn("s2", "but u just said ur wife ...", "i play tennis on weekends with my wife.", trace_id="again")
    found = signals(store, tmp_path, b)
    assert "frustration" in kinds(found, "pets"), found
    assert "loop" in kinds(found, "again"), found


def test_a_wish_that_names_a_day_or_time_nobody_said_is_made_up_and_cheer_at_an_injury_is_cold(
        store, tmp_path) -> None:
    b = Bundle()
    b.turn("s1", "work stress. big presentation tomorrow at 9", "what is it about?", trace_id="about")
    b.turn("s1", "sales numbers. i'll try to sleep", "good luck with your presentation tomorrow at noon!",
           trace_id="noon")
    b.turn("s2", "my friends birthday party saturday night", "fun! how old is he turning?", trace_id="party")
    b.turn("s2", "30. coffee is a good gift idea tho", "have fun at the party on saturday!", trace_id="saturday")
    b.turn("s3", "everyone falls at first. i broke my wrist last year", "that's good to hear!", trace_id="wrist")
    found = signals(store, tmp_path, b)
    assert "ungrounded" in kinds(found, "noon"), found
    assert not found.get("saturday"), found
    assert kinds(found, "wrist"), found


def test_told_you_asked_before_and_not_funny_say_the_answer_missed_and_the_apology_owns_it(store, tmp_path) -> None:
    """ "graphic designer?? i literally just told you", "you asked me this before 🤔 ..."
    and "wow. that's not funny" complain of the answer before; "wait what 220?? its already
    in at 175" questions it; the apology after each owns the miss."""
    b = Bundle()
    b.turn("s1", "graphic design. been doing it 6 yrs", "Six years is solid experience.", trace_id="told")
    b.turn("s1", "hm ok that doesnt sound so bad", "Exactly! How long have you been working as a web developer?",
           trace_id="web")
    b.turn("s1", "graphic designer?? i literally just told you", "Sorry, you did - graphic design, six years.",
           trace_id="sorry1")
    b.turn("s2", "my cat died this morning", "I'm so sorry. What was her name?", trace_id="cat")
    b.turn("s2", "she always slept on my keyboard lol", "Haha, at least now you'll get some work done!",
           trace_id="joke")
    b.turn("s2", "wow. that's not funny", "You're right, and I'm sorry. That was an awful thing to say.",
           trace_id="sorry2")
    b.turn("s3", "ok its in!! 175 right?", "Yes. Actually, banana bread should really be baked at 220°C.",
           trace_id="oven")
    b.turn("s3", "wait what 220?? its already in at 175", "Sorry, ignore that - 175°C is right.", trace_id="sorry3")
    b.turn("s4", "what is your favorite planet?", "Saturn! What would you like to know about the planets?",
           trace_id="planet")
    b.turn("s4", "the moons", "Titan is the biggest. What would you like to know about the planets?",
           trace_id="asked_twice")
    b.turn("s4", "Hmm you asked me this before 🤔 Saturn float? Really??", "Sorry, you're right! And yes, really.",
           trace_id="sorry4")
    found = signals(store, tmp_path, b)
    for missed in ("web", "joke", "oven", "asked_twice"):
        assert {"frustration", "taken_back"} <= kinds(found, missed), (missed, found)


def test_an_answer_in_its_own_terms_to_a_thanks_or_a_yes_or_no_question_is_on_topic(store, tmp_path) -> None:
    b = Bundle()
    b.turn("s1", "how do i keep going to the gym", "Start small: three short sessions a week.", trace_id="gym")
    b.turn("s1", "eggs on toast it is. thx coach", "Anytime! Keep it up - the first month is the hardest.",
           trace_id="thanks")
    b.turn("s2", "wait so roosevelt didnt even see it end??",
           "Sadly no - he died on April 12, 1945, less than a month before Germany surrendered.", trace_id="sadly")
    b.turn("s3", "no coconut milk, can i skip it", "You can! It'll be more of a tomato-based curry.", trace_id="can")
    b.turn("s4", "My grandson gave me a smartphone for my birthday. I am not very good with it.",
           "How kind of him! What would you like help with on the phone?", trace_id="offer")
    b.turn("s4", "How do I make the letters bigger? I can hardly read them.",
           "Open Settings, then Display, then Font size.", trace_id="letters")
    found = signals(store, tmp_path, b)
    for quiet in ("thanks", "sadly", "can", "offer"):
        assert not found.get(quiet), (quiet, found)


@pytest.mark.parametrize("reply", [
    "You're right, the saving is $20.00, not $30. The new price is $129.99.",
    "yes, you're right, sorry. The wall fell in 1989.",
    "You did, sorry about that. Graphic design, six years.",
    "Sorry, that was far too blunt, and not accurate either.",
    "Fair, that made no sense! My favourite is probably the ten minute version.",
    "Okay, that was a terrible description of him.",
    "Oops, I got that backwards: you said you have no friends there yet.",
    "Oh, you're right! It was 1989.",
    "Your roaster is right, I mixed that up. It fell in 1989.",
    "You're right, I miscalculated. It fell in 1989.",
])
def test_an_answer_that_agrees_it_was_wrong_after_a_push_back_takes_the_last_one_back(store, tmp_path, reply) -> None:
    b = Bundle()
    b.turn("s1", "when did the berlin wall fall", "The Berlin Wall fell on 9 November 1991.", trace_id="wrong")
    b.turn("s1", "no that's not right, and you got the rest wrong too", reply, trace_id="owned")
    found = signals(store, tmp_path, b)
    assert "taken_back" in kinds(found, "wrong"), found


def test_a_list_given_late_a_puzzled_emoji_and_a_part_passed_over_say_the_answer_missed(store, tmp_path) -> None:
    """"Oops, here they are: ..." gives at last what the answer before left out; "what 😭"
    did not follow, as "what?" does; "did u miss the part where i said 250 max" says the
    answer passed over what the user told; "I'm sorry, that came across as cold" owns an
    unkind answer; "Hang on, ..." pushes back as "wait, ..." does."""
    b = Bundle()
    b.turn("s1", "cute. how many moons does it have, list them pls", "Pluto has five known moons.", trace_id="count")
    b.turn("s1", "names??", "Oops, here they are: Charon, Styx, Nix, Kerberos and Hydra.", trace_id="names")
    b.turn("s2", "anyway im going to their concert next year and im so nervous ill cry the whole time",
           "The bridge on the album cover is purple because the dinosaurs were asleep.", trace_id="nonsense")
    b.turn("s2", "what 😭", "Crying at a concert you've waited years for is completely normal.", trace_id="puzzled")
    b.turn("s6", "and is tipping a thing there?", "Tipping where shoes the tapping of yen, the polite station.",
           trace_id="tipping")
    b.turn("s6", "what? 😂", "Tipping isn't customary in Japan.", trace_id="laughs")
    b.turn("s3", "im trying to make it at home but my oven only goes to 250c. any tips",
           "For a proper Neapolitan pizza you'll want to crank your oven up to about 485 degrees.", trace_id="oven")
    b.turn("s3", "did u miss the part where i said 250 max lol", "At 250 degrees, preheat a pizza steel.",
           trace_id="part")
    b.turn("s4", "So which of those two would be safer to fall into?",
           "Neither. Tidal forces get stronger the more massive the black hole is.", trace_id="tidal")
    b.turn("s4", "Now I'm confused, you said before that the big ones were the gentle ones?",
           "You're right, I had it backwards just now. They are weaker for the more massive ones.",
           trace_id="backwards")
    b.turn("s5", "i paint too, mostly landscapes", "The bridge is purple because the dinosaurs were asleep.",
           trace_id="garbled")
    b.turn("s5", "ok then", "Sorry, that came out garbled! What do you like to paint most?", trace_id="owned")
    b.turn("s7", "failed my driving test again. third time. i honestly feel so stupid",
           "The pass rate for the practical test is around 48%, so failing is common.", trace_id="cold")
    b.turn("s7", "ok cool thanks for that i guess", "I'm sorry, that came across as cold. It doesn't mean you're "
           "stupid.", trace_id="warm")
    b.turn("s8", "Next month Sam's away 10 days out of 30. Electricity is £120.",
           "One share = £120 ÷ 2⅔ = £40. You two pay £40 each and Sam pays £26.67.", trace_id="sums")
    b.turn("s8", "Hang on, 40+40+26.67 is 106.67, not 120", "Sorry! £45 each and £30 for Sam.", trace_id="hang")
    # ...not an answer that tells of people who do not know the user.
    b.turn("s9", "I need a short toast for my sister Maya's 30th.",
           "\"For those who don't know me, I'm Maya's sibling. Maya, you're the kindest person I know. To thirty!\"",
           trace_id="toast")
    b.turn("s9", "love it! could the bathroom bit be a bit longer", "Sure: ...", trace_id="longer")
    b.turn("s10", "true. any recs in that vibe", "Speaking of sunshine, do you have any holiday plans this summer?",
           trace_id="wandered")
    b.turn("s10", "uh no. movie recs??", "Oops, I wandered off there. Try The Witch and It Follows.", trace_id="back")
    b.turn("s11", "Which weighs more, a kilo of feathers or a kilo of steel?",
           "A kilo of steel is heavier, because steel is much denser.", trace_id="riddle")
    b.turn("s11", "They both weigh a kilo.", "Ha, you got me! They weigh exactly the same.", trace_id="got")
    b.turn("s12", "I'm allergic to peanuts. Suggest a snack I can take on a train.",
           "How about a bag of trail mix with peanuts and raisins?", trace_id="peanuts")
    b.turn("s12", "are you trying to kill me", "Oh no, I'm so sorry! Try an apple instead.", trace_id="kill")
    b.turn("s14", "sour cherry with a lattice top. my grandmother's recipe", "Did she get to see you win?",
           trace_id="grandmother")
    b.turn("s14", "no she passed 2 years ago. but my mom was there", "I'm sorry she couldn't be there, but your mom "
           "must have been so proud.", trace_id="sympathy")
    b.turn("s13", "ok quiz time, whats my name", "Your name is Alex!", trace_id="name")
    b.turn("s13", "....", "My memory slipped there, sorry! It's Tomasz.", trace_id="slipped")
    found = signals(store, tmp_path, b)
    assert "taken_back" in kinds(found, "wandered") & kinds(found, "riddle") & kinds(found, "name"), found
    assert {"frustration", "taken_back"} <= kinds(found, "peanuts"), found
    assert "taken_back" not in kinds(found, "grandmother"), found  # (sympathy after bad news)
    assert "taken_back" in kinds(found, "count"), found
    assert "taken_back" in kinds(found, "cold"), found
    assert "taken_back" in kinds(found, "sums"), found  # (a bare "Sorry!" after "hang on", as after "wait")
    assert not found.get("toast"), found
    assert "frustration" in kinds(found, "nonsense") & kinds(found, "tipping"), found
    assert "frustration" in kinds(found, "oven"), found
    assert "taken_back" in kinds(found, "tidal"), found
    assert "taken_back" in kinds(found, "garbled"), found


def test_an_answer_that_owns_an_earlier_miss_takes_back_no_answer_before_it(store, tmp_path) -> None:
    b = Bundle()
    b.turn("s1", "where does glycolysis happen", "In the mitochondrial matrix.", trace_id="wrong")
    b.turn("s1", "bullet points pls", "- Glycolysis: glucose is split into 2 pyruvate\n- Link reaction",
           trace_id="fine")
    b.turn("s1", "wait earlier u said glycolysis was in the matrix??",
           "Good catch, that earlier answer was wrong. Glycolysis happens in the cytoplasm.", trace_id="owned")
    b.turn("s2", "are bananas radioactive", "Yes, a little, from potassium-40.", trace_id="bananas")
    b.turn("s2", "what about brazil nuts", "Brazil nuts are even more radioactive than bananas.", trace_id="nuts")
    b.turn("s2", "so should i stop eating bananas??", "Yes, sorry, I overstated it before. Bananas are completely "
           "safe.", trace_id="overstated")
    b.turn("s3", "book me the 9:15 train", "Booked: the 9:15, reference KX44.", trace_id="booked")
    b.turn("s3", "wait, that is the slow one", "Sorry, I should have checked that before booking: it stops "
           "everywhere. Shall I change it?", trace_id="checked")
    found = signals(store, tmp_path, b)
    assert "taken_back" not in kinds(found, "fine") | kinds(found, "nuts"), found
    assert "taken_back" in kinds(found, "booked"), found  # ("before" a clause of its own: the last answer)


def test_agreeing_with_what_the_user_thinks_or_sorry_for_the_products_menus_takes_nothing_back(store, tmp_path) -> None:
    b = Bundle()
    b.turn("s1", "what should I see in Lisbon?", "The Alfama district and the Belem tower.", trace_id="see")
    b.turn("s1", "I think Lisbon is lovely in May", "You're right, Lisbon is lovely in May.", trace_id="may")
    b.turn("s2", "where do I change my email?", "Open Settings, then Account.", trace_id="settings")
    b.turn("s2", "ok thanks, and how do I change my password?",
           "Ok, sorry for any confusion with the menus: it's in Settings too.", trace_id="menus")
    found = signals(store, tmp_path, b)
    assert "taken_back" not in kinds(found, "see") | kinds(found, "settings"), found


def test_the_readings_of_callers_and_small_talk_keep_to_what_they_say(store, tmp_path) -> None:
    """What the spoken-line and small-talk readings must not swallow: a "restart" of a
    device is no start over; "you keep repeating the same thing" asks for nothing again;
    a thanks after a question is no goodbye; "Sorry, there are no rooms left" after "Yes,
    we have a room" takes the yes back; a complaint after an answer that also offered more
    help is one; "no that's not even in boston" to the best pizza asked for corrects it."""
    fix = "Try holding the power button for 30 seconds, then plug in the charger and try again."
    hours = "The pharmacy opens at 9 a.m. on weekdays and 10 a.m. on Saturdays."
    pizza = "I think Regina Pizzeria in Chicago is the best. Anything else I can help with?"
    b = Bundle()
    b.turn("d1", "my laptop won't turn on", fix, trace_id="fix")
    b.turn("d1", "did that. should i restart it in safe mode?", fix, trace_id="restart")
    b.turn("h1", "what time does the pharmacy open", hours, trace_id="hours")
    b.turn("h1", "you keep repeating the same thing", hours, trace_id="repeating")
    b.turn("t1", "is the pool heated? thanks", "Of course! Check out our spa packages for the weekend.",
           trace_id="pool")
    b.turn("r1", "is there a room free on friday?", "Yes, we have a double room for 90 pounds.", trace_id="yes")
    b.turn("r1", "wait so can i book it", "Sorry, there are no rooms left on Friday.", trace_id="none_left")
    b.turn("p1", "I need a good pizza place in boston", pizza, trace_id="chicago")
    b.turn("p1", "wrong, that's not in boston", "Sorry! Try Santarpio's in East Boston.", trace_id="boston")
    b.turn("p2", "what do you think is the best pizza place in boston?",
           "I think Regina Pizzeria in Chicago is the best.", trace_id="best")
    b.turn("p2", "no that's not even in boston", "Oops, you're right. Santarpio's then.", trace_id="not_boston")
    found = signals(store, tmp_path, b)
    assert "loop" in kinds(found, "restart") & kinds(found, "repeating"), found
    assert "off_topic" in kinds(found, "pool"), found
    assert "taken_back" in kinds(found, "yes"), found
    assert "frustration" in kinds(found, "chicago") & kinds(found, "best"), found


def test_a_check_a_journeys_ends_and_a_few_words_are_read_as_they_are_meant(store, tmp_path) -> None:
    """ "nope that's all" and "no idea" answer a check or a question, not correct it; "no
    hold on, not yet" puts it off; a shortened question asked again ("Which stop?") is the
    same question; venting "so stupid" is of the user's own day; a "Thanks for booking with
    us and enjoy your trip to Paris!" still names what nobody said."""
    b = Bundle()
    b.turn("c1", "a table for 2 on friday", "A table for 2 on Friday. Is that right?", trace_id="table")
    b.turn("c1", "nope that's all", "Great, see you then.", trace_id="all")
    b.turn("c2", "one ticket to houston please", "1 ticket to Houston on the 22nd at 1:30 pm. Is that correct?",
           trace_id="ticket")
    b.turn("c2", "no hold on, not yet. does it have wifi?", "Yes, all our buses have wifi.", trace_id="wifi")
    b.turn("j1", "when is the next 54", "Which stop are you leaving from?", trace_id="stop")
    b.turn("j1", "brookline", "Which stop?", trace_id="stop_again")
    b.turn("v1", "my boss made me work saturday again", "That's rough. Do you get paid extra?", trace_id="boss")
    b.turn("v1", "nope. so stupid", "That's not fair at all.", trace_id="vent")
    b.turn("w1", "flying to rome on monday", "Exciting! Anything I can help with?", trace_id="rome")
    b.turn("w1", "thanks, bye", "Thanks for booking with us and enjoy your trip to Paris!", trace_id="paris")
    found = signals(store, tmp_path, b)
    for quiet in ("table", "ticket", "boss"):
        assert "frustration" not in kinds(found, quiet), (quiet, found)
    assert "loop" in kinds(found, "stop_again"), found
    assert "ungrounded" in kinds(found, "paris"), found


def test_what_the_user_had_thought_is_surprise_and_a_few_plain_complaints_are_read(store, tmp_path) -> None:
    """ "zanzibar?? i thought he was british" after a true fact marvels (so it went three
    times in four in the written sets); "wow ok. bit harsh", "what lol. i didnt understand
    any of that" and "wait no hes the drummer" say the answer missed; "not old at all"
    answers "How old is your starter?"."""
    b = Bundle()
    b.turn("s1", "freddie mercury was such a legend",
           "He really was! He was born Farrokh Bulsara in 1946 in Zanzibar.", trace_id="zanzibar")
    b.turn("s1", "zanzibar?? i thought he was british", "He grew up partly in India and moved to England at 17.",
           trace_id="india")
    b.turn("s2", "sadly my uncle sold all his hives after he died",
           "Used equipment spreads disease anyway, so that's probably for the best.", trace_id="harsh")
    b.turn("s2", "wow ok. bit harsh but i guess", "Sorry, that was insensitive.", trace_id="sorry")
    b.turn("s3", "how do i get better at shooting",
           "Shooting gets better when the ball, because the more arc from the elbow side the rim gets bigger.",
           trace_id="garbled")
    b.turn("s3", "what lol. i didnt understand any of that", "Sorry! Practise form shots close to the rim.",
           trace_id="clear")
    b.turn("s4", "and roger taylor was the bassist right", "Yes, Roger Taylor played bass on all their albums.",
           trace_id="bass")
    b.turn("s4", "wait no hes the drummer isnt he? john deacon played bass", "You're right, sorry.",
           trace_id="drums")
    b.turn("s5", "i started baking sourdough during lockdown", "Great hobby! How old is your starter?",
           trace_id="starter")
    b.turn("s5", "haha no, not old at all, this one is like 8 months", "Nice!", trace_id="months")
    found = signals(store, tmp_path, b)
    assert "frustration" not in kinds(found, "zanzibar") | kinds(found, "starter"), found
    for missed in ("harsh", "garbled", "bass"):
        assert "frustration" in kinds(found, missed), (missed, found)


def test_frustration_is_the_users_and_a_buzzer_or_a_count_said_again_complains(store, tmp_path) -> None:
    """ "wait cats get frustrated from lasers??" tells of the cat; "this is so frustrating"
    of the user. "bzzzt. ottawa" and "thats one book. i said 3 lol" say the answer missed."""
    b = Bundle()
    b.turn("c1", "she goes nuts for the laser pointer",
           "Fun, but end with a toy she can catch, so she doesn't get frustrated.", trace_id="cat")
    b.turn("c1", "wait cats get frustrated from lasers??", "They can, yes.", trace_id="lasers")
    b.turn("c2", "how do i export my contacts", "You can change your profile picture in Settings.", trace_id="photo")
    b.turn("c2", "this is so frustrating", "Sorry! Contacts > Export.", trace_id="export")
    b.turn("q1", "ok smartass. capital of canada", "Toronto!", trace_id="toronto")
    b.turn("q1", "bzzzt. ottawa", "Oops, Ottawa it is.", trace_id="ottawa")
    b.turn("b1", "recommend me some sci fi books? like 3", "Sure! You might enjoy Dune.", trace_id="dune")
    b.turn("b1", "thats one book. i said 3 lol", "Also Hyperion and Neuromancer.", trace_id="more")
    found = signals(store, tmp_path, b)
    assert "frustration" not in kinds(found, "cat"), found
    for missed in ("photo", "toronto", "dune"):
        assert "frustration" in kinds(found, missed), (missed, found)


def test_a_question_for_an_amount_of_a_thing_answered_with_none_misses(store, tmp_path) -> None:
    """ "how much caffeine is too much per day" asks an amount: "Decaf coffee tastes just
    as good" gives none; "about 400 mg, or 4 cups of coffee" does, and "how much data do i
    get" is not answered by a network's "4G"."""
    b = Bundle()
    b.turn("s1", "how much caffeine is too much per day", "Decaf coffee tastes just as good as regular.",
           trace_id="decaf")
    b.turn("s2", "how much caffeine is too much per day", "For most adults, about 4 cups of coffee a day.",
           trace_id="cups")
    b.turn("s3", "how much water should i drink", "Around 2 litres a day, more when it's hot.", trace_id="water")
    found = signals(store, tmp_path, b)
    assert "off_topic" in kinds(found, "decaf"), found
    assert "off_topic" not in kinds(found, "cups") | kinds(found, "water"), found


def test_todays_complaint_readings_keep_to_the_bot(store, tmp_path) -> None:
    """A question about the user's own homework, another person's harshness, an answer to
    the bot's "What did you say?", a pinch of salt, and a degree the answer also asserted:
    each read as it is meant."""
    b = Bundle()
    b.turn("m1", "how do i solve 2x+3=7", "Subtract 3 from both sides, then divide by 2: x=2.", trace_id="maths")
    b.turn("m1", "thanks! next one: i dont understand this equation: 3x-5=10", "Add 5, then divide by 3.",
           trace_id="next")
    b.turn("h1", "my boss read my report", "How did it go?", trace_id="boss")
    b.turn("h1", "he said it was late. he was a bit harsh honestly", "That sounds stressful.", trace_id="harsh")
    b.turn("g1", "my grandma asked how many pancakes i wanted", "Aww! What did you say?", trace_id="grandma")
    b.turn("g1", "i said three lol", "Good choice.", trace_id="three")
    b.turn("s1", "how much salt should i add", "Just a pinch, then taste and add more if needed.", trace_id="salt")
    b.turn("r1", "i run every morning", "Great habit! Your long runs must be tiring. How long are your runs?",
           trace_id="runs")
    b.turn("r1", "not long at all, maybe a mile", "Nice!", trace_id="mile")
    b.turn("z1", "capital of canada?", "Toronto!", trace_id="toronto")
    b.turn("z1", "bzzzzzzt. ottawa", "Oops, Ottawa.", trace_id="ottawa")
    b.turn("y1", "when did the apollo 11 land", "1972, on the Moon's Sea of Tranquility.", trace_id="apollo")
    b.turn("y1", "1972?? i thought 1969", "You're right, July 1969.", trace_id="1969")
    found = signals(store, tmp_path, b)
    for quiet in ("maths", "boss", "grandma"):
        assert "frustration" not in kinds(found, quiet), (quiet, found)
    assert "off_topic" not in kinds(found, "salt"), found
    for missed in ("runs", "toronto", "apollo"):
        assert "frustration" in kinds(found, missed), (missed, found)


def test_told_you_minutes_ago_and_a_sarcastic_thanks_complain_and_a_laugh_at_the_answer_takes_it(
        store, tmp_path) -> None:
    b = Bundle()
    b.turn("m1", "lol country. no offense but hard pass", "None taken! What kind of music do you like?",
           trace_id="music")
    b.turn("m1", "dude i told you like five minutes ago. metal", "Right, metal!", trace_id="metal")
    b.turn("r1", "so what should i read next? give me like 3", "You should read a fantasy book.", trace_id="vague")
    b.turn("r1", "lol thanks, very specific. like which ones", "Mistborn, The Hobbit and Earthsea.", trace_id="which")
    b.turn("k1", "he wants dinosaurs AND space", "Dinosaurs in space! That's kind of amazing.", trace_id="kid")
    b.turn("k1", "lol right? he's very specific", "Ha, a boy who knows what he wants.", trace_id="specific")
    b.turn("c1", "lol chasing chickens? like for real", "For real! They get out of the coop every morning.",
           trace_id="chickens")
    b.turn("c1", "thats hilarious. how many chickens do you have", "Twelve, and a very loud rooster.",
           trace_id="twelve")
    found = signals(store, tmp_path, b)
    assert "loop" in kinds(found, "music") or "frustration" in kinds(found, "music"), found
    assert "frustration" in kinds(found, "vague"), found
    assert "frustration" not in kinds(found, "kid") and "rephrase" not in kinds(found, "chickens"), found


def test_a_word_of_the_request_in_capitals_another_source_and_a_few_more_pushes_say_it_missed(
        store, tmp_path) -> None:
    """ "bro ONE sentence" stresses what the request asked; "she says its jupiter" and "bro
    my friend googled it, its 1912" have it otherwise; "cool fact lol but i meant party
    ideas" says what was meant; "Surely half of three is one and a half?" questions it;
    "thats tener again" and "uh hello??" complain. "DOGS obviously" answers "cats or dogs?"."""
    b = Bundle()
    b.turn("s1", "whats an ionic bond, in like one sentence",
           "Great question! Ionic bonding is one of the three main types of chemical bonding. It happens when "
           "one atom gives electrons to another. The ions then attract.", trace_id="long")
    b.turn("s1", "bro ONE sentence 😭", "Sorry! Atoms trade electrons and the ions attract.", trace_id="short")
    b.turn("s2", "whats the biggest planet", "The biggest planet is Saturn, famous for its rings.", trace_id="saturn")
    b.turn("s2", "she says its jupiter 😅", "She's right, it's Jupiter.", trace_id="jupiter")
    b.turn("s3", "he's obsessed with dinosaurs, can we do a dino theme?",
           "Fun fact: T. rex lived closer in time to us than to Stegosaurus.", trace_id="fact")
    b.turn("s3", "cool fact lol but i meant party ideas", "Dino egg hunt, fossil dig in the sandpit!",
           trace_id="ideas")
    b.turn("s4", "The recipe needs 3 eggs but I want to make half.", "Easy, just use 1 egg.", trace_id="eggs")
    b.turn("s4", "Surely half of three is one and a half?", "Yes, one and a half: one egg and half a beaten one.",
           trace_id="half")
    b.turn("s5", "whats a good dessert everyone can eat, one friend is gluten free",
           "Chocolate chip cookies made with regular flour!", trace_id="cookies")
    b.turn("s5", "uh hello?? gluten free friend 😭", "Sorry! Flourless brownies then.", trace_id="brownies")
    b.turn("s6", "cats or dogs?", "Cats, definitely. Which do you like?", trace_id="cats")
    b.turn("s6", "DOGS obviously", "Fair enough!", trace_id="dogs")
    found = signals(store, tmp_path, b)
    for missed in ("long", "saturn", "fact", "eggs", "cookies"):
        assert kinds(found, missed) & {"frustration", "rephrase"}, (missed, found)
    assert "frustration" not in kinds(found, "cats"), found


def test_a_code_in_capitals_said_again_stresses_nothing(store, tmp_path) -> None:
    """A booking code or an invoice number is written in capitals every time: naming it
    again with the next request stresses nothing the answer passed over."""
    b = Bundle()
    b.turn("s1", "can you check booking caqrnt", "Booking CAQRNT is confirmed for 12 May.", trace_id="check")
    b.turn("s1", "seat selection for booking CAQRNT", "Seats can be picked from 48 hours before.", trace_id="seat")
    b.turn("s2", "has inv-8660 been paid", "Invoices are paid within 30 days.", trace_id="paid")
    b.turn("s2", "status of INV-8660? please explain simply", "It was paid on Monday.", trace_id="status")
    found = signals(store, tmp_path, b)
    assert not any("capitals" in detail for turn in found.values() for _, _, detail, _ in turn), found


@pytest.mark.parametrize(("first", "then", "answer", "quiet"), [
    # Sympathy, not a miss owned: "I'm sorry, that's disappointing".
    (("Did your interview go well?", "Did it go well?"), "nah they went with someone else",
     "I'm so sorry, that's disappointing. Will you apply again?", "taken_back"),
    (("When do you fly?", "Have a good trip!"), "no, my flight got cancelled",
     "I'm sorry, that sounds so frustrating. Can you rebook?", "taken_back"),
    # A piece of news of someone who passed a test or an offer.
    (("How did your brother's week go?", "Tell me about his week."), "he passed two exams today!!",
     "Congrats to him!", "off_topic"),
    # Said as the user agrees, or asks on.
    (("Is the old town far from the hotel?", "About ten minutes on foot."),
     "like you said earlier, it's walkable. any good walking routes?", "Try the river path.", "frustration"),
    # Reassurance with the way out, and an aside of the same place.
    (("I forgot my password again", "Let me help."), "I forgot my password again",
     "Don't worry, it's not a big deal! Click 'Forgot password' on the login page.", "off_topic"),
    # Another who was right, with a sorry that is only a manner of speaking.
    (("What did you think of the match?", "A great game."), "my dad says the defence was awful",
     "Your dad is right, sorry to say: the defence was a mess.", "taken_back"),
])
def test_what_sympathy_news_agreement_and_reassurance_say_is_no_miss(store, tmp_path, first, then, answer,
                                                                     quiet) -> None:
    """What read as a miss at first sight and is none: "I'm sorry, that's disappointing"
    to bad news, "he passed two exams", "like you said earlier", "Don't worry, it's not a
    big deal! Click...", "Your dad is right, sorry to say"."""
    b = Bundle()
    b.turn("s1", first[0], first[1], trace_id="first")
    b.turn("s1", then, answer, trace_id="then")
    found = signals(store, tmp_path, b)
    assert quiet not in kinds(found, "first") | kinds(found, "then"), found


def test_a_budget_is_read_in_thousands_and_against_prices_of_the_same_unit(store, tmp_path) -> None:
    b = Bundle()
    b.turn("s1", "which laptop should i get, budget $1,500 max", "The Dell XPS 13 at $999 is a great pick.",
           trace_id="thousands")
    b.turn("s2", "a used car under $12,000 please", "A 2015 Honda Civic for $9,800.", trace_id="car")
    b.turn("s3", "any tour i can do? i've got 45 minutes left before my train", "The castle tour is $60.",
           trace_id="minutes")
    b.turn("s4", "a hotel under £100 a night?", "The Grand has a room for £380 for your four nights.",
           trace_id="nights")
    b.turn("s5", "a laptop under $1,000 please", "The MacBook Pro at $2,399 is the best.", trace_id="over")
    found = signals(store, tmp_path, b)
    over = {trace for trace, fs in found.items() for _, _, detail, _ in fs if "over the budget" in detail}
    assert over == {"over"}, found


@pytest.mark.parametrize(("request_", "answer"), [
    ("write me a tagline for my bakery, 10 words max, give me a few options",
     "1. Fresh bread, warm hearts, every morning\n2. Baked with love since 1982 here\n3. Your daily bread, done right"),
    ("steps to reset my router, without numbered lists, just bullets",
     "- Unplug it\n- Wait 30 seconds\n- Plug it back in"),
    ("explain it in plain text, then the steps with bullet points please",
     "Your router keeps a cache.\n- Unplug it\n- Wait 30 seconds"),
])
def test_a_form_kept_as_asked_is_no_breach(store, tmp_path, request_, answer) -> None:
    b = Bundle()
    b.turn("s1", request_, answer, trace_id="turn")
    assert "ungrounded" not in kinds(signals(store, tmp_path, b), "turn")


def test_an_answer_said_again_with_what_was_asked_added_is_no_loop(store, tmp_path) -> None:
    b = Bundle()
    b.turn("s1", "is the museum open on weekends",
           "The museum is open every Saturday and Sunday from ten until five.", trace_id="a")
    b.turn("s1", "and on holidays?",
           "The museum is open every Saturday and Sunday from ten until five, and on holidays too.", trace_id="b")
    assert "loop" not in kinds(signals(store, tmp_path, b), "b")


@pytest.mark.parametrize("reply", ["My mistake, you mentioned that earlier.",
                                   "Sorry, I should have checked that before."])
def test_an_answer_that_owns_the_last_miss_in_the_words_of_time_takes_it_back(store, tmp_path, reply) -> None:
    b = Bundle()
    b.turn("s1", "book the 9:15 to leeds, i have a railcard", "Booked the 9:15, full fare £48.", trace_id="a")
    b.turn("s1", "no, i said i have a railcard", reply, trace_id="b")
    assert "taken_back" in kinds(signals(store, tmp_path, b), "a")


def test_an_assistants_go_ahead_answer_to_its_own_question_and_quoted_price_are_no_miss(store, tmp_path) -> None:
    """A task assistant read as its users meant it: the address asked for, given; "yes send
    pls" to its own offer, done; "checking." to its "which account?", an answer, not the
    request asked again; a price it quotes for an extra, after the user asked in a question
    whether the price was still another."""
    b = Bundle()
    b.turn("s1", "do they have a full bar", "They serve wine and beer, but they don't have a full bar.", trace_id="t1")
    b.turn("s1", "hm ok. whats the address", "Belotti Ristorante is at 5403 College Avenue, Oakland.",
           trace_id="address")
    b.turn("s2", "can i check in for tomorrow's",
           "You're checked in for Alaska 327 tomorrow. Your seat is 14C. Want the boarding pass sent to your phone?",
           trace_id="t2")
    b.turn("s2", "is 14c an aisle", "Yes, 14C is an aisle seat.", trace_id="t3")
    b.turn("s2", "yes send pls", "Your boarding pass has been sent to your phone by text.", trace_id="send")
    b.turn("s3", "send 250 to my landlord", "Which account should I send it from, checking or savings?",
           trace_id="which")
    b.turn("s3", "checking. landlord is Mark Feeney, hes in my payees",
           "I found Mark Feeney in your saved payees. Please confirm: transfer $250 from Checking to Mark Feeney.",
           trace_id="t4")
    b.turn("s4", "book a haircut at studio nine for saturday morning, with jess if possible",
           "Jess at Studio Nine has openings on Saturday at 9:30 am and 11 am. Which one works?", trace_id="t5")
    b.turn("s4", "11. is it still 45 bucks", "A women's cut with Jess is now $52.", trace_id="t6")
    b.turn("s4", "ok book it", "Please confirm: women's haircut with Jess at Studio Nine on Saturday at 11 am, $52.",
           trace_id="t7")
    b.turn("s4", "can u add a blowout too",
           "Please confirm: women's haircut and blowout with Jess at Studio Nine on Saturday at 11 am, "
           "$52 for the cut plus $35 for the blowout.", trace_id="blowout")
    found = signals(store, tmp_path, b)
    assert "off_topic" not in kinds(found, "address") | kinds(found, "send"), found
    assert "rephrase" not in kinds(found, "which"), found
    assert "ungrounded" not in kinds(found, "blowout"), found


def test_a_confirmation_of_a_count_the_user_changed_or_of_the_same_thing_counted_otherwise_misses(
        store, tmp_path) -> None:
    """"my sister is coming now so 3 adults" - ... - "Please confirm: ... 2 adults" gives back
    the count the user replaced; "3 floor seats together" - "Please confirm: 2 floor
    tickets" another count of the same thing."""
    b = Bundle()
    b.turn("s1", "hotel in nashville aug 15-17, 2 adults",
           "For August 15th to 17th, 2 adults: Hotel Fraye ($329/night) and The Russell ($279/night).", trace_id="t8")
    b.turn("s1", "oh a church thats cool. oh and my sister is coming now so 3 adults",
           "The Russell has rooms with two queen beds for $309 a night that fit 3 adults. Want me to book one?",
           trace_id="t9")
    b.turn("s1", "ya", "Please confirm: The Russell, 1 room with two queen beds, 2 adults, August 15th to 17th, "
           "$309 per night.", trace_id="stale")
    b.turn("s2", "ok 3 floor seats together", "Please confirm: 2 floor tickets for Phoebe Bridgers at the Fox "
           "Theatre on October 19th, row P seats 12-13, $125 each.", trace_id="floor")
    b.turn("s3", "hotel in leeds for 2 adults, friday", "The Queens has a room for 2 adults on Friday at £120.",
           trace_id="t10")
    b.turn("s3", "book it. and a taxi from the station for 3 people at 6pm",
           "Booked: the Queens for 2 adults on Friday, and a taxi for 3 people at 6 pm.", trace_id="both")
    found = signals(store, tmp_path, b)
    assert "ungrounded" in kinds(found, "stale") & kinds(found, "floor"), found
    assert "ungrounded" not in kinds(found, "both"), found


def test_a_long_sentence_with_figures_brought_back_out_of_the_blue_is_a_loop(store, tmp_path) -> None:
    """"yeah go" - "Booked. ... Tomorrow in Boston: rain in the morning, ..., high of 54°F
    and low of 41°F." says again a forecast given three turns before. Not a booking said
    again when the user asks for it, nor a summary said again right after it."""
    b = Bundle()
    forecast = "Tomorrow in Boston: rain in the morning, clearing in the afternoon, high of 54°F and low of 41°F."
    b.turn("s1", "weather in boston tmrw", forecast, trace_id="w1")
    b.turn("s1", "k. and saturday? going to the sox game", "Saturday looks sunny with a high of 61°F.", trace_id="w2")
    b.turn("s1", "can u check if there are still tickets for it",
           "The Red Sox play the Orioles at Fenway Park on Saturday at 4:10 pm. How many do you need?", trace_id="w3")
    b.turn("s1", "1, bleachers", "Please confirm: 1 bleacher ticket for Saturday at 4:10 pm, $38.", trace_id="w4")
    b.turn("s1", "yeah go", f"Booked. The ticket is in your MLB Ballpark app. {forecast}", trace_id="again")
    booking = "Your table for 4 at the Grand on Friday at 7 pm is booked, reference GR-2291 for the front desk."
    b.turn("s2", "book the grand for 4 on friday at 7", booking, trace_id="b1")
    b.turn("s2", "do they have parking", "Yes, there is free parking behind the hotel.", trace_id="b2")
    b.turn("s2", "great", "Enjoy your evening!", trace_id="b3")
    b.turn("s2", "whats my reference for the table again", f"Of course. {booking}", trace_id="asked")
    summary = "Your order of 2 large pizzas and 1 garlic bread comes to $31 and arrives around 7:40 pm."
    b.turn("s3", "2 large pizzas and a garlic bread", summary, trace_id="o1")
    b.turn("s3", "ok", f"Placed. {summary}", trace_id="o2")
    found = signals(store, tmp_path, b)
    assert "loop" in kinds(found, "again"), found
    assert "loop" not in kinds(found, "asked") | kinds(found, "o2"), found


def test_the_same_answer_to_a_question_about_what_it_offered_is_a_loop(store, tmp_path) -> None:
    """"can u find a place in breck fri to mon, cheap" - "Cheapest...: Breckenridge Inn...
    and Beaver Run Resort..." - "breck inn is it walkable to the lifts" - the same list
    again: the user asked about one of them, and the answer did not move."""
    b = Bundle()
    offer = "Cheapest in Breckenridge for January 17th to 20th: Breckenridge Inn and Beaver Run Resort."
    b.turn("s1", "can u find a place in breck fri to mon, cheap", offer, trace_id="first")
    b.turn("s1", "breck inn is it walkable to the lifts", offer, trace_id="again")
    # (A draft given again without the part the user asked to take out is what was asked.)
    b.turn("s2", "write my boss a note, im late because my train was cancelled and i stay late today",
           "Hi Claire, apologies for arriving late this morning. My train was cancelled and I had to wait for the "
           "next one. I'll stay late today to make up the time.", trace_id="draft")
    b.turn("s2", "I can't stay late today, I've got school pickup. Take that bit out please.",
           "No problem: Hi Claire, apologies for arriving late this morning. My train was cancelled and I had to "
           "wait for the next one.", trace_id="taken_out")
    found = signals(store, tmp_path, b)
    assert "loop" in kinds(found, "again"), found
    assert "loop" not in kinds(found, "taken_out"), found


def test_a_booking_done_otherwise_than_the_bot_itself_confirmed_misses(store, tmp_path) -> None:
    """"Please confirm: ..., check-in April 5th, check-out April 7th" - ... - "go ahead" -
    "...booked from April 5th to April 8th": done otherwise than confirmed. Done as
    confirmed, or as the user then changed it, it is fine."""
    b = Bundle()
    b.turn("s1", "hotel in portland maine for 2 nights starting april 5",
           "Options for April 5th to 7th: The Press Hotel ($289/night) and Hampton Inn ($179/night).", trace_id="h1")
    b.turn("s1", "nice. book the hampton, king bed",
           "Please confirm: Hampton Inn, 1 king room, check-in April 5th, check-out April 7th, $179 per night.",
           trace_id="h2")
    b.turn("s1", "is breakfast included", "Yes, a hot breakfast is included every morning.", trace_id="h3")
    b.turn("s1", "ok go ahead", "Your king room at Hampton Inn is booked from April 5th to April 8th. "
           "Confirmation number 84120377.", trace_id="other")
    b.turn("s2", "hotel in leeds for 2 nights from june 3", "The Queens has rooms from June 3rd to 5th.", trace_id="l1")
    b.turn("s2", "book it", "Please confirm: the Queens, check-in June 3rd, check-out June 5th.", trace_id="l2")
    b.turn("s2", "yes", "Booked: the Queens from June 3rd to June 5th, reference QN-4410.", trace_id="as_confirmed")
    b.turn("s3", "table for 2 at 7pm on friday", "Please confirm: a table for 2 on Friday at 7 pm.", trace_id="t1")
    b.turn("s3", "make it 8pm", "Please confirm: a table for 2 on Friday at 8 pm.", trace_id="t2")
    b.turn("s3", "yes", "Booked! A table for 2 on Friday at 8 pm.", trace_id="as_changed")
    found = signals(store, tmp_path, b)
    assert "ungrounded" in kinds(found, "other"), found
    assert "ungrounded" not in kinds(found, "as_confirmed") | kinds(found, "as_changed"), found


@pytest.mark.parametrize(("first", "then", "answer", "quiet"), [
    # What the user says of a third party, or of the world, complains of no answer.
    (("Do you think AI will ever understand things?", "It's a spectrum, I think. What would convince you?"),
     "If it could explain why it's wrong when it's wrong, maybe", "I like that test.", "frustration"),
    (("my manager took credit for my project", "Ugh. Did anyone else know it was your work?"),
     "my coworker did, she messaged me after like 'wtf' lol", "Good, you have a witness.", "frustration"),
    # A doubt of the answer, or taking it, asks nothing again.
    (("chemical symbol for gold", "Au, from the Latin aurum."), "wait what i thought gold was Ag",
     "Ag is silver, from argentum.", "rephrase"),
    (("how long was the hundred years war", "Funny enough, it lasted 116 years, from 1337 to 1453."),
     "lmao why is it called the hundred years war then", "It's a name historians gave it later.", "rephrase"),
    (("r u a real firefighter", "Yep! I work at Station 7. My dog Spot comes to the station sometimes too."),
     "whats the biggest fire u ever put out", "A warehouse fire last winter.", "rephrase"),
    # A word in capitals that stresses the user's own new request, not the one before.
    (("whats a good easy dinner i can make in 20 min, no meat", "How about veggie fried rice with peas and egg?"),
     "ooh good idea. can u give me the steps AND a shopping list", "Sure! Fry some garlic in oil.", "frustration"),
    # A joke or a poem asked for is answered by one, however far its words.
    (("yo kai tell me a joke", "Why don't surfers ever get lonely? Because they always have a wave of friends."),
     "bruh thats terrible", "Haha I know.", "off_topic"),
    (("write me a haiku about mondays", "Alarm screams at six / coffee cold before I drink / Friday, where are you"),
     "omg too real", "Good luck out there!", "off_topic"),
])
def test_what_the_user_tells_doubts_or_asks_for_fun_is_no_miss(store, tmp_path, first, then, answer, quiet) -> None:
    b = Bundle()
    b.turn("s1", first[0], first[1], trace_id="first")
    b.turn("s1", then, answer, trace_id="then")
    found = signals(store, tmp_path, b)
    assert quiet not in kinds(found, "first"), found


def test_a_topic_asked_for_again_with_but_tho_and_an_aside_owned_say_the_answer_missed(store, tmp_path) -> None:
    """"whats ur fav trail" - "I bake croissants every morning" - "ok but the trail tho";
    "Have you ever been to Naples?" - "lol ok" - "Sorry, that came out of nowhere!"; "Does
    your 5-year-old play?" - "no, the 8 years play football" - "Got it, sorry!"."""
    b = Bundle()
    b.turn("s1", "sometimes ig. whats ur fav trail", "I bake croissants every morning at 5am.", trace_id="trail")
    b.turn("s1", "ok but the trail tho", "Oh! There's a loop up by the reservoir I love.", trace_id="t1")
    b.turn("s2", "idk i dont want to make it a whole thing", "Have you ever been to Naples? The pizza is unreal.",
           trace_id="naples")
    b.turn("s2", "lol ok", "Sorry, that came out of nowhere! Back to your manager: send a follow-up email.",
           trace_id="t2")
    b.turn("s3", "the older like football, the small one like draw",
           "Football is huge in Brazil! Does your 5-year-old play on a team?", trace_id="kids")
    b.turn("s3", "no, the 8 years play football. the 5 years like to draw",
           "Got it, sorry! Does your 8-year-old play on a team?", trace_id="t3")
    found = signals(store, tmp_path, b)
    assert "frustration" in kinds(found, "trail"), found
    assert "taken_back" in kinds(found, "naples") & kinds(found, "kids"), found


@pytest.mark.parametrize(("asked", "answer"), [
    ("hey felix where do u live", "Berlin! Kreuzberg, to be exact. Been here about five years."),
    ("ok the shining. who directed that", "Stanley Kubrick, based on the Stephen King novel."),
    ("rory whats ur fav planet 🪐", "Saturn, easily. Those rings are ridiculous."),
])
def test_a_name_or_place_given_to_a_question_for_one_is_on_topic(store, tmp_path, asked, answer) -> None:
    """A question for a name or a place, after a word to the bot or a clause of its own,
    answered by one in its capitals ("Berlin!", "Stanley Kubrick, ..."), however far the
    words lie."""
    b = Bundle()
    b.turn("s1", "hi there", "Hi! Nice to meet you.", trace_id="hi")
    b.turn("s1", asked, answer, trace_id="turn")
    assert "off_topic" not in kinds(signals(store, tmp_path, b), "turn")


def test_an_answer_given_again_with_more_to_a_request_to_go_through_it_is_no_loop(store, tmp_path) -> None:
    """Asked to go through it again, in words the answer gave ("two-factor"), an answer
    may say it all again and add to it."""
    b = Bundle()
    steps = "Turn on two-factor in Settings > Security > Two-factor. You will get a code by text message."
    b.turn("s1", "how do i make my login safer", steps, trace_id="a1")
    b.turn("s1", "can you take me through it slowly? how do i switch on two-factor, i want to get it right",
           f"Sure. {steps} Enter the code within ten minutes and keep your phone nearby.", trace_id="more")
    assert "loop" not in kinds(signals(store, tmp_path, b), "more")


def test_a_booking_that_leaves_out_the_detail_asked_or_another_train_again_misses(store, tmp_path) -> None:
    """"book a taxi ... and let me know the car type and contact number" - "Your taxi has been
    booked..." gives neither; "Please give me the reference number" - "...has been booked."
    gives none; "Is there anything that arrives a bit closer to 13:00?" - the same train
    again. A booking that gives what was asked, or a question about something else, is fine."""
    b = Bundle()
    b.turn("s1", "Please book a taxi from Kettle's Yard to Royal Spice, leaving at 17:45, and let me know the car "
           "type and contact number.", "Your taxi has been booked from Kettle's Yard to Royal Spice, departing at "
           "17:45.", trace_id="car")
    b.turn("s2", "Yes, a table for 1 at 12:30 today, Thursday. Please give me the reference number.",
           "Your table for 1 at Missing Sock at 12:30 on Thursday has been booked.", trace_id="ref")
    b.turn("s3", "A table for 2 at 19:00 please, and give me the reference number.",
           "Booked: a table for 2 at 19:00. Your reference number is 6UK0AP4Z.", trace_id="given")
    b.turn("s4", "Book the 10:29 for 3 please. Is it a direct train?",
           "Booking was successful. The total fee is 30.30 GBP.", trace_id="no_detail")
    b.turn("s5", "I must arrive by 13:00.", "TR7423 departs Cambridge at 11:00 and arrives at Kings Cross at 11:51.",
           trace_id="t1")
    b.turn("s5", "Is there anything that arrives a bit closer to 13:00?",
           "TR7423 departs Cambridge at 11:00 and arrives at Kings Cross at 11:51.", trace_id="same_train")
    found = signals(store, tmp_path, b)
    assert "off_topic" in kinds(found, "car") & kinds(found, "ref"), found
    assert "off_topic" not in kinds(found, "given") | kinds(found, "no_detail"), found
    assert "loop" in kinds(found, "same_train"), found


def test_a_journey_on_another_day_than_the_request_before_the_bots_question_or_from_another_place_misses(
        store, tmp_path) -> None:
    """"...from London Liverpool Street on Friday." - "What time?" - "after 16:00" - "TR5015
    ... on Saturday" books another day than the request asked, across the bot's question;
    "a taxi from Cambridge station to the guesthouse" - "from Kings Lynn Train Station to
    Alexander Bed and Breakfast" from another place."""
    b = Bundle()
    b.turn("s1", "Hello, I need to travel to Cambridge from London Liverpool Street on Friday.",
           "I can help with that. What time would you like to leave or arrive?", trace_id="f1")
    b.turn("s1", "I'd like to leave after 16:00, and it's just for me.",
           "TR5015 departs London Liverpool Street at 16:39 on Saturday and arrives in Cambridge at 18:07. "
           "Shall I book one ticket?", trace_id="saturday")
    b.turn("s2", "Could you book me a taxi from Cambridge station to the guesthouse for when I arrive on Monday?",
           "I have booked a taxi from Kings Lynn Train Station to Alexander Bed and Breakfast, leaving at 10:58.",
           trace_id="kings_lynn")
    b.turn("s3", "a taxi from my hotel to the station please", "I have booked a taxi from the Lensfield Hotel to "
           "Cambridge Train Station, leaving at 09:00.", trace_id="known")
    found = signals(store, tmp_path, b)
    assert "ungrounded" in kinds(found, "saturday") & kinds(found, "kings_lynn"), found
    assert "ungrounded" not in kinds(found, "known"), found


def test_i_dont_follow_before_a_question_and_a_train_told_of_say_what_they_mean(store, tmp_path) -> None:
    """"Sorry, I don't follow. What is the fare?" says the answer before was not understood,
    whatever it asks next. "That one leaves before 14:00, though. Is there anything a little
    later?" tells of the train offered; it sets no window on the next one. "Not just yet,
    I'll decide tomorrow" turns the bot's offer down, asking nothing again."""
    b = Bundle()
    b.turn("s1", "How much would one ticket cost?", "Yes, the train is on Monday, so that is the Ely one.",
           trace_id="fare")
    b.turn("s1", "Sorry, I don't follow. What is the fare?", "Apologies. The fare is 4.40 pounds per ticket.",
           trace_id="t1")
    b.turn("s2", "On Wednesday, please. I'd like to leave after 14:00.",
           "TR4523 departs Cambridge at 14:34 and arrives in Peterborough at 15:24.", trace_id="t2")
    b.turn("s2", "That one leaves before 15:00, though. Is there anything a little later?",
           "TR7310 departs Cambridge at 16:34 and arrives in Peterborough at 17:24.", trace_id="later")
    b.turn("s3", "Could I leave around 9 instead?", "TR1581 departs Cambridge at 09:00 and arrives at London "
           "Kings Cross at 09:51. Would you like me to book it?", trace_id="offer")
    b.turn("s3", "Not just yet, I'll decide tomorrow. Thanks so much for your help!",
           "You're welcome! Enjoy your dinner.", trace_id="t3")
    found = signals(store, tmp_path, b)
    assert "frustration" in kinds(found, "fare"), found
    assert "ungrounded" not in kinds(found, "later"), found
    assert "rephrase" not in kinds(found, "offer"), found


# Readings of a task assistant's and a chat bot's turns at their edges: (the dialog, the turn
# looked at, the kind, whether it is found). Each was read wrongly at first.
_EDGES = [
    # A confirmation's total with fees, another item's price, a change the user asked for.
    ([("i need a room for 2 adults from june 10 to june 12", "Please confirm: Standard Queen, 2 adults, June 10-12, "
       "$240 total."), ("yes", "Booked! Standard Queen for 2 adults, June 10-12. Total with taxes and fees: $271.80.")],
     1, "ungrounded", False),
    ([("book the seaside inn for june 10-12", "Please confirm: Seaside Inn, 2 nights, $240 total. Shall I book it?"),
      ("yes go ahead", "Booked! Seaside Inn, 2 nights. Your card was charged $240."),
      ("can you also get me a rental car for those days", "Booked! Compact car from June 10 to June 12, $85 total.")],
     2, "ungrounded", False),
    ([("book the seaside inn for june 10-12",
       "Please confirm: Seaside Inn, check-in June 10, check-out June 12, 2 nights. Is that correct?"),
      ("actually make it one more night", "Booked! Seaside Inn from June 10 to June 13, 3 nights.")],
     1, "ungrounded", False),
    ([("book a haircut with sam tomorrow", "Please confirm: haircut with Sam tomorrow at 2pm. Shall I book it?"),
      ("can you make it half an hour later", "Done! Your haircut with Sam is booked for tomorrow at 2:30pm.")],
     1, "ungrounded", False),
    # A second booking is no change of the first.
    ([("book 2 tickets for hamilton on friday", "Booked! 2 tickets for Hamilton on Friday at 8pm."),
      ("also 4 tickets for wicked on saturday", "Booked! 4 tickets for Wicked on Saturday at 2pm."),
      ("can you confirm the hamilton ones are still ok?", "Yes, confirmed: 2 tickets for Hamilton on Friday at 8pm.")],
     2, "ungrounded", False),
    # A running total is no other count.
    ([("add 2 bottles of the merlot", "Done! That brings you to 5 bottles of Merlot in your cart.")],
     0, "ungrounded", False),
    # A number or a booking given again because the question asks for it.
    ([("my account got locked", "I'm sorry! Please call our support line at 1-800-555-0199, available 24 hours a day, "
       "7 days a week."), ("can i do it online instead", "Unfortunately account unlocks can't be done online."),
      ("ugh ok who do i talk to", "Please call our support line at 1-800-555-0199, available 24 hours a day, 7 days a "
       "week.")], 2, "loop", False),
    ([("book the harbor hotel for friday",
       "Booked! Your booking reference is QX7721 for 2 guests arriving Friday, June 14, at the Harbor Hotel."),
      ("is breakfast included", "Yes, breakfast is included from 7 to 10am."),
      ("ok can you sum it all up for me", "Sure! Your booking reference is QX7721 for 2 guests arriving Friday, "
       "June 14, at the Harbor Hotel. Breakfast is included from 7 to 10am.")], 2, "loop", False),
    # "but the X tho" of something nobody asked about is a remark.
    ([("have u seen inception", "Yes! Inception is one of my favorites, the dream-within-a-dream idea is so clever."),
      ("yeah but the ending tho", "Right?! The spinning top still gets people arguing.")], 0, "frustration", False),
    ([("what should i wear to the wedding", "A navy suit with a light blue shirt is a safe, sharp choice."),
      ("ok but the shoes tho", "Brown leather oxfords would go great with navy!")], 0, "frustration", False),
    # Sympathy after "I see", and a laugh at the user's news, own no miss.
    ([("hi", "Hi! How can I help you today?"), ("my package never arrived", "I see, sorry about that! Can you share "
                                                 "your order number so I can look into it?")], 0, "taken_back", False),
    ([("how was your day", "Pretty chill! I baked banana bread. How about you?"),
      ("my cat just knocked my coffee onto my laptop", "Lol ok, that was random! Is the laptop okay?")],
     0, "taken_back", False),
    # A request put as a question still asks for its value.
    ([("hey there. is it possible to move my reservation to 8pm", "Done! Your reservation is moved to 9pm.")],
     0, "ungrounded", True),
    ([("can you move my appointment? what about 8pm", "Done! Moved to 9pm.")], 0, "ungrounded", True),
    # A question back that sells something else answers nothing: the request asked again is one.
    ([("whats the weather in paris tomorrow", "Would you like me to book you a hotel? Which dates should I check?"),
      ("what's the weather going to be in paris tomorrow", "Tomorrow in Paris: sunny, high of 22°C.")],
     0, "rephrase", True),
    # A yes that answers nothing of the question.
    ([("is the store open on sunday", "Yes! We have great deals this weekend on all outdoor furniture."),
      ("is the store open sunday though", "Yes, we're open Sunday from 11am to 5pm.")], 0, "rephrase", True),
    ([("does the premium plan include international roaming?", "Yes, I can help you with questions about our plans! "
       "What would you like to know?"), ("does premium include roaming in mexico", "Premium includes roaming in Mexico "
                                          "and Canada at no extra cost.")], 0, "rephrase", True),
    # "Good." before the question asked again, "still no X tho" of what the bot did.
    ([("whats the capital of australia", "Australia is a beautiful country known for kangaroos and the Great Barrier "
       "Reef!"), ("good. now what's the capital", "The capital of Australia is Canberra.")], 0, "rephrase", True),
    ([("i sent the verification code to my email but it never came", "I've resent the verification email! Can you "
       "check your inbox?"), ("still no email tho", "Please check your spam folder as well.")], 0, "frustration", True),
    ([("hi", "Hello!"), ("wtf's that supposed to mean", "Sorry, I didn't mean to confuse you!")],
     0, "frustration", True),
    # A knowledge question or a poem that gets another topic's answer.
    ([("do you know the story behind the eiffel tower", "Pizza originated in Naples and became popular in the United "
       "States after World War II.")], 0, "off_topic", True),
    ([("write me a poem about my dog", "Your order has been shipped and should arrive within 3 to 5 business days.")],
     0, "off_topic", True),
    # A remark put as a question, taken with a yes.
    ([("yes is good, thank you", "Your taxi is booked. A yellow Lexus will collect you at 09:50."),
      ("a lexus? very fancy haha", "Indeed! Is there anything else I can help you with?")], 1, "off_topic", False),
    # A task assistant's turns read as a travel desk's users mean them.
    ([("I'm looking for an Italian restaurant in the centre, nothing too expensive please.",
       "There are three moderately priced Italian places in the centre: Trattoria Benvenuti and Casa Lupo.")],
     0, "ungrounded", False),
    ([("Casa Lupo sounds nice. Could you book a table for 2 on Friday at 19:30?",
       "Your table at Casa Lupo is reserved for 2 people on Saturday at 19:30. Reference number: KX4T81QZ.")],
     0, "ungrounded", True),
    ([("Yes, please book one ticket on the 10:40, and could you tell me the price?",
       "Booked one seat on the train leaving Pelham Cross at 10:10 on Sunday. The price is £14.10.")],
     0, "ungrounded", True),
    ([("I need a taxi from the Grand Meridian Hotel to the Corn Exchange Theatre, leaving at 18:15. Can you also "
       "tell me what's on at the theatre tonight?", "I've booked a taxi from the Grand Meridian Hotel to the Corn "
       "Exchange Theatre, leaving at 18:15. It's a grey Toyota, contact number 07700 552018.")], 0, "off_topic", True),
    ([("Could you recommend a museum in the centre, and tell me the entrance fee and address? We'd also love an "
       "expensive Chinese restaurant for the evening.", "The Halloway Museum of Art is in the centre at 12 Cloister "
       "Street, WM1 3BE, and entry is free.")], 0, "off_topic", True),
    ([("please book it for two on Monday at 7pm.", "Done. The Golden Crane, 2 people, Monday at 19:00."),
      ("Thank you so much, you've been a great help!", "My pleasure, enjoy your visit!")], 0, "frustration", False),
    ([("Can I get the Saltmarsh's phone number and postcode?", "The Saltmarsh's phone number is 01632 903557.")],
     0, "off_topic", True),
    ([("Evening! Any nightclubs in the south of town?", "Yes, Voltage is a nightclub in the north on Kingsway.")],
     0, "ungrounded", True),
    ([("lol we won't be up for 12:20. The 14:20 for two please.",
       "Booked 2 seats on the 14:20 to Rookford on Sunday. Reference: 44KMZR0E.")], 0, "ungrounded", False),
    ([("The 14:20 for two please.", "Booked 2 seats on the 14:20 to Rookford on Sunday."),
      ("How long's the journey?", "Your reference number is 44KMZR0E.")], 1, "off_topic", True),
    ([("The Marsh Lane Inn, please - checking in Tuesday, leaving Thursday morning, so 2 nights.",
       "Booked: Marsh Lane Inn, 1 person, 2 nights from Tuesday. Reference: ZR4N8KPE.")], 0, "ungrounded", False),
    # A how-to asked with the change it wants is answered by the change made.
    ([("my train got cancelled so i need the hotel a night later, how do i move my booking",
       "Done: reservation HX81QP now starts on 2026-03-08. The rate stays the same.")],
     0, "off_topic", False),
    # Persona chat: asked of itself, the bot tells of itself; "i don't follow soccer" is no
    # confusion; a quiz on what it said is answered by saying it again.
    ([("sorry to hear that. what grade are you in", "hi"), ("11th . u ?", "i finished school a while ago , now i "
      "work at a bakery . i get up at 4 every morning !")], 1, "off_topic", False),
    ([("do you have a favorite team", "not really"), ("man city , obviously", "nice , they have been really good "
      "lately . i do n't follow soccer much though ."), ("you should , best sport in the world", "maybe i will !")],
     1, "rephrase", False),
    ([("do you have siblings", "yes , two brothers . they both live in dallas ."),
      ("what do you do for fun", "i play chess and go hiking on weekends ."),
      ("where do your brothers live", "they both live in dallas .")], 2, "loop", False),
    # What was asked for, asked for again in so many words.
    ([("tell me something interesting", "that is interesting ! tell me more ."),
      ("i asked you to tell me something . lol", "sorry ! octopuses have three hearts .")], 0, "frustration", True),
    ([("can you give me an easy recipe for pancakes", "pancakes are my favorite breakfast ! do you like syrup ?"),
      ("yeah but i need the actual recipe lol", "sure ! mix 1 cup flour, 1 egg and 1 cup milk .")],
     0, "frustration", True),
    # A booking with an exclamation or a clause that tells, not asks; a yes that answers the
    # question asked with the booking; a sentence that answers it in other words.
    ([("What a relief. Please book it for 2 people.", "I've booked it for 2 people. Your reference number is 88120.")],
     0, "off_topic", False),
    ([("Please book the Hilton, which my boss recommended.",
       "I've booked a double room at the Hilton for 2 nights. Reference: HX81QP.")], 0, "off_topic", False),
    ([("Are you able to reserve it for us?", "I've reserved it for you. Your reference is 7QWZ2KLM.")],
     0, "off_topic", False),
    ([("Book it please. Is the venue wheelchair accessible?", "Booked! Yes, there's step-free access throughout.")],
     0, "off_topic", False),
    ([("Reserve the Acorn Guest House for 2 nights please. Do they allow dogs?",
       "I've reserved 2 nights at the Acorn Guest House. Pets are welcome there at no extra charge.")],
     0, "off_topic", False),
    ([("Book a table for two at Luigi's on Saturday. What's the dress code?",
       "I've booked a table for two at Luigi's on Saturday at 8pm. Smart casual is fine there.")],
     0, "off_topic", False),
    # A question put politely asks for no value.
    ([("I paid $40 for the order last week. Could you tell me if my refund has been sent?",
       "Yes, a refund of $35 was sent to your card on Tuesday; the $5 delivery fee isn't refundable.")],
     0, "ungrounded", False),
    # A figure with its unit, a zip before a floor, an area the user left open.
    ([("How long is the journey?", "About 45mins door to door.")], 0, "off_topic", False),
    ([("What's the address and zip code?", "It's 350 5th Ave, New York, NY 10118 5th floor.")], 0, "off_topic", False),
    ([("I'm staying in the east. Can you find me a theatre? Anywhere in town is fine.",
       "The ADC Theatre is a theatre in the centre on Park Street.")], 0, "ungrounded", False),
    # A day moved away from or refused, given back; the wrong one of two values of a unit.
    ([("Move my appointment from Monday to Wednesday please.", "Done, I've moved your appointment to Monday at 10am.")],
     0, "ungrounded", True),
    ([("Book it for Friday, not Saturday.", "Booked! Table for 2 on Saturday at 7pm.")], 0, "ungrounded", True),
    ([("We won't make the 12:20. The 14:20 for two please.", "Booked 2 seats on the 12:20. Reference: 44KMZR0E.")],
     0, "ungrounded", True),
    ([("Book a table for 4 at 7pm and a taxi home for 11pm.", "Booked a table for 4 at 7pm and a taxi for 10pm.")],
     0, "ungrounded", True),
    # Sarcasm at an answer that could not help; a yes that says nothing of the question.
    ([("Can I get a refund for my order?", "I'm not able to help with that."),
      ("What a big help.", "Is there anything else I can help you with?")], 0, "frustration", True),
    ([("are the trains running today?", "They are: I really enjoy reading mystery novels.")], 0, "off_topic", True),
    # What was asked before, remembered kindly; a next thing wanted.
    ([("recommend a mystery novel", "Try The Silent Patient by Alex Michaelides."),
      ("Remember I asked you to recommend a book last week? I loved it! Another one?", "Try Gone Girl.")],
     0, "frustration", False),
    ([("what's a good pasta recipe", "Aglio e olio: spaghetti, garlic, olive oil, chili, parsley."),
      ("perfect! now i want the actual wine pairing too", "A crisp Pinot Grigio works well.")],
     0, "frustration", False),
    # Two values offered as alternatives: either is as asked.
    ([("Either the 10:00 or the 11:00 train works for me, book one please.", "Booked a seat on the 10:00 train.")],
     0, "ungrounded", False),
    # A booking's own later sentences answer nothing asked with it; "No problem" is no no.
    ([("Book me a room at the Hilton for Friday. Does it have a pool?",
       "I've booked the Hilton for Friday. Check-in is from 3pm.")], 0, "off_topic", True),
    ([("Yes, one ticket please. Is there a discount for pensioners?",
       "I have booked one ticket. The total is £12.50.")], 0, "off_topic", True),
    ([("Book the 10:15 train. Which platform is it on?", "Booked: TR4410 at 10:15. No problem, have a good trip.")],
     0, "off_topic", True),
    # An area named, then "anywhere near the river"; a window after a train told of; "I don't follow this."
    ([("Looking for a restaurant in the north, anywhere near the river would be good.",
       "Curry Prince is a great restaurant in the east.")], 0, "ungrounded", True),
    ([("That one leaves before 9. I need to leave after 10:00.", "TR1200 leaves at 08:15.")], 0, "ungrounded", True),
    ([("book me a table for 2 at 7", "Sorry, I don't follow this. Could you give more detail?"),
      ("a table for 2 at 7pm at Nandos", "Booked!")], 0, "rephrase", True),
    # A word that is no name, opening the answer to a question for one.
    ([("hey sam who's your favorite singer", "Ugh, mondays are the worst, right? I just want to sleep all day.")],
     0, "off_topic", True),
    ([("bella where do you work", "Tuesday, I think! We could grab coffee then.")], 0, "off_topic", True),
]


def test_readings_at_their_edges(store, tmp_path) -> None:
    assert not misread(store, tmp_path, _EDGES, _gets_it)


def test_a_booking_that_passes_over_the_question_asked_with_it_misses(store, tmp_path) -> None:
    """"ok that one. which station does it leave from" - "Please confirm: 2 tickets..." and
    "Yes, one ticket please. Is there a discount for pensioners?" - "I have booked one
    ticket..." book and pass the question over. A booking that answers it is fine."""
    b = Bundle()
    b.turn("s1", "ok that one. which station does it leave from", "Please confirm: 2 tickets from Sacramento to "
           "San Francisco on Tuesday, March 12th, departing at 9:30 am, $48 total.", trace_id="station")
    b.turn("s2", "Yes, one ticket please. Is there a discount for pensioners?",
           "I have booked one ticket on TR6336. The fee is 9.80 GBP. Your reference number is GT2W8N4H.",
           trace_id="discount")
    b.turn("s3", "ok book it. is breakfast included?", "Booked! Breakfast is included every morning from 7.",
           trace_id="breakfast")
    b.turn("s4", "yes please. what time does it leave?", "Booked: TR4410, leaving at 13:35. Reference 8QX2LM1A.",
           trace_id="time")
    found = signals(store, tmp_path, b)
    assert "off_topic" in kinds(found, "station") & kinds(found, "discount"), found
    assert "off_topic" not in kinds(found, "breakfast") | kinds(found, "time"), found


def found_in_each(store, tmp_path, dialogs) -> list[set[str]]:
    """For each (dialog, at, before) of ``dialogs``, the kinds of signal the turn ``at`` of
    ``dialog`` ((message, answer) pairs, after the turns ``before``) gets: every dialog a
    session of its own, all imported at once."""
    b = Bundle()
    for i, (dialog, _, before) in enumerate(dialogs):
        for n, (asked, answer) in enumerate([*before, *dialog]):
            b.turn(f"s{i}", asked, answer, trace_id=f"d{i}t{n - len(before)}")
    found = signals(store, tmp_path, b)
    return [kinds(found, f"d{i}t{at}") for i, (_, at, _) in enumerate(dialogs)]


def misread(store, tmp_path, cases, check, before=()) -> list:
    """The cases (a dialog, the turn read, then what is expected; a table's row) whose turn
    gets signals ``check(found, *expected)`` rejects, each with what it got."""
    rows = [(case[0], case[1], case[-1] if isinstance(case[-1], tuple) and len(case) > 4 else before)
            for case in cases]
    got = found_in_each(store, tmp_path, rows)
    return [(case, found) for case, found in zip(cases, got, strict=True) if not check(found, *case[2:])]


def _gets_it(found: set[str], kind: str, flagged: bool, *_before) -> bool:
    """Whether the turn got ``kind`` as the row says it should (``flagged``) or should not."""
    return (kind in found) is flagged


# How people in a chat say the answer before lost them, and how a chatbot owns it; with the
# look-alikes that say nothing of the kind.
_OWNED_AND_POINTED_OUT = [
    # "eh ?" did not follow; "sorry , i mean ..." owns it.
    ([("what else do you do besides knitting ?", "yes i think so , maybe on tuesday"),
      ("eh ?", "sorry , i mean i bake on tuesdays , it helps with my anxiety")], 0, {"frustration", "taken_back"}),
    # A "what?" that puts another claim on a thing the answer named; "no idea why i said that".
    ([("i tried piano once and gave up lol", "piano is hard ! you know texas is the smallest state in the us"),
      ("uh what ? texas is huge", "ha yes you 're right , no idea why i said that . do you have any hobbies ?")],
     0, {"frustration", "taken_back"}),
    # ...not one that marvels at it.
    ([("tell me something cool", "Octopuses have three hearts and blue blood."),
      ("what? octopuses are so weird", "Right? Nature is strange.")], 0, set()),
    # ...nor a claim put as a question, nor one against a taste the answer told.
    ([("are they older than trees", "yes! sharks have been around for 450 million years, trees for 385 million"),
      ("what?? sharks are older than trees?", "yep, by a long way!")], 0, set()),
    ([("the waves were insane today", "I've never surfed. I don't really like the beach, too much sand."),
      ("what?? the beach is the best place on earth dude", "haha fair, maybe i should give it another go")],
     0, set()),
    # The bot that asked what it should have told is not taken back by its own next answer.
    ([("thanks!", "I'm a little worried about my advice on bears. What should I have told you instead?"),
      ("lol idk. is running bad?", "Yes, running is bad, sorry about that. Stay calm and back away slowly.")],
     0, set()),
    # "what blue one?" of a thing the answer named as known; "i got mixed up".
    ([("i could never do that , i 'm up at 4 am every day", "yes the blue one is better for that"),
      ("sorry what blue one ?", "sorry , i got mixed up . 4 am is so early ! how many cows do you have ?")],
     0, {"frustration", "taken_back"}),
    # ...not "what trail?" of a trail it told of, which asks for more.
    ([("i love hiking", "me too, i hiked the big trail by the lake last week"),
      ("what trail?", "the one that goes round the whole lake, about ten miles")], 0, set()),
    # "yep you said" of an answer said again.
    ([("what do you do ?", "i 'm an engineer , mostly bridges"), ("do you miss him", "a lot , we played chess"),
      ("aw thats sweet", "yeah . i 'm an engineer , i design bridges"),
      ("yep you said", "ha sorry . what 's the scariest movie you 've seen ?")], 2, {"frustration", "taken_back"}),
    # "ok mixed signals" says as much of a cat or a date as of the answer: no miss by itself.
    ([("i love hiking ! we should compare trails", "for sure . honestly i hate being outside though"),
      ("haha ok mixed signals", "lol i mean i hate being out in the summer , too hot")], 0, set()),
    ([("how was your day", "pretty good, i went on a date"), ("my boss keeps sending me mixed signals", "oh no")],
     0, set()),
    # The user's value said back with a sorry: "fifteen , sorry !", "right , tampa , sorry !".
    ([("i 've been flying for 15 years", "nice ! with ten years of flying you must have seen some crazy stuff"),
      ("fifteen actually , but yes i have seen some things lol", "fifteen , sorry ! what 's the craziest one ?")],
     0, {"taken_back"}),
    ([("i 'm a dental hygienist", "cool ! so how do you like living in orlando ?"),
      ("tampa * haha", "right , tampa , sorry ! toronto is pretty busy")], 0, {"taken_back"}),
    ([("my grandpa passed away last week", "oh no, how old was he?"),
      ("91. he was a great man", "91, i'm so sorry to hear that. it sounds like he lived a full life")], 0, set()),
]


def test_a_miss_pointed_out_or_owned_in_chat(store, tmp_path) -> None:
    assert not misread(store, tmp_path, _OWNED_AND_POINTED_OUT,
                       lambda found, expected: found & {"frustration", "taken_back"} == expected)


def test_an_answer_that_denies_what_it_said_yes_to(store, tmp_path) -> None:
    """ "do you have any pets ?" - "yes i have a german shepherd named duke" - ... - "honestly
    i don't have any pets": the yes said it had pets. A no before it said it had none."""
    b = Bundle()
    b.turn("s1", "do you have any pets ?", "yes i have a german shepherd named duke , he rides with me", trace_id="y")
    b.turn("s1", "apple mostly , and pecan", "nice . what kind of crust ?", trace_id="pie")
    b.turn("s1", "haha he can have the crust",
           "ha he 'd eat the whole pie . honestly i do n't have any pets , i 'm on the road too much", trace_id="no")
    b.turn("s2", "do you have any pets ?", "no , i wish . my building does not allow them", trace_id="n")
    b.turn("s2", "that stinks", "yeah , i do n't have any pets but i want a dog someday", trace_id="still")
    found = signals(store, tmp_path, b)
    assert "ungrounded" in kinds(found, "no"), found
    assert "ungrounded" not in kinds(found, "still"), found


def test_a_booking_bot_that_calls_with_what_the_user_did_not_say(store, tmp_path) -> None:
    """A restaurant bot's database call ("api_call italian paris four cheap") with a place the
    user never named, or the price they changed ("cheap instead of moderate") left as it
    was, went against the request; one with what they said is fine, and so is "sure is
    there anything else to update" said to every change."""
    b = Bundle()
    for n, (asked, answer) in enumerate([
            ("hi", "hello what can i help you with today"),
            ("can you book a table in rome for four", "i'm on it"),
            ("<SILENCE>", "any preference on a type of cuisine"),
            ("italian please , something cheap", "ok let me look into some options for you"),
            ("<SILENCE>", "api_call italian paris four cheap")]):
        b.turn("s1", asked, answer, trace_id=f"a{n}")
    for n, (asked, answer) in enumerate([
            ("may i have a table with british food in london for six in a moderate price range",
             "ok let me look into some options for you"),
            ("<SILENCE>", "api_call british london six moderate"),
            ("<SILENCE>", "what do you think of this option: resto_london_moderate_british_2stars"),
            ("instead could it be for four", "sure is there anything else to update"),
            ("and cheap instead of moderate", "sure is there anything else to update"),
            ("no", "ok let me look into some options for you"),
            ("<SILENCE>", "api_call british london four moderate")]):
        b.turn("s2", asked, answer, trace_id=f"b{n}")
    for n, (asked, answer) in enumerate([
            ("hello", "hello what can i help you with today"),
            ("i'd like to book a table for two with french food", "i'm on it"),
            ("<SILENCE>", "where should it be"),
            ("madrid please", "which price range are looking for"),
            ("expensive", "ok let me look into some options for you"),
            ("<SILENCE>", "api_call french madrid two expensive"),
            ("actually i would prefer for four", "sure is there anything else to update"),
            ("no", "ok let me look into some options for you"),
            ("<SILENCE>", "api_call french madrid four expensive")]):
        b.turn("s3", asked, answer, trace_id=f"c{n}")
    # A count of minutes is no party size; "let me find an other option" to each no is no loop.
    for n, (asked, answer) in enumerate([
            ("i want a table for six with british food", "i'm on it"),
            ("<SILENCE>", "where should it be"),
            ("in london", "any preference on a type of cuisine"),
            ("british . same as two minutes ago", "which price range are looking for"),
            ("cheap", "ok let me look into some options for you"),
            ("<SILENCE>", "api_call british london six cheap"),
            ("<SILENCE>", "what do you think of this option: resto_london_cheap_british_3stars"),
            ("no i don't like that", "sure let me find an other option for you"),
            ("<SILENCE>", "what do you think of this option: resto_london_cheap_british_1stars"),
            ("do you have something else", "sure let me find an other option for you")]):
        b.turn("s4", asked, answer, trace_id=f"d{n}")
    found = signals(store, tmp_path, b)
    assert "ungrounded" in kinds(found, "a4"), found
    assert "ungrounded" in kinds(found, "b6"), found
    assert "ungrounded" not in kinds(found, "d5") and "loop" not in kinds(found, "d9"), found
    assert not {trace for trace in found if trace in {"b1", "b3", "b4"} or trace.startswith("c")}, found


# Counts said in words, and a duration that is no count.
_COUNTS_IN_WORDS = [
    ([("Could you book a table for 4 people on Saturday at 18:30?", "Booked a table for 4 on Saturday at 18:30."),
      ("I also need a train to London on Sunday after 10:00.", "TR5767 leaves at 11:00. Shall I book it?"),
      ("All right, please book it for two people.", "I have booked 2 seats on TR5767. Reference: 0QW8RT3B.")],
     2, False),
    ([("TR8192 then. Perfect. Book that for one.", "I have booked 2 seats on TR8192. Reference: 7UQPT9XD.")], 0, True),
    ([("I need three tickets for the 9:15 please", "Booked 2 tickets on the 9:15. Reference: K2L9.")], 0, True),
    ([("Please book it for two people.", "Booked for 3 people. Reference: X1.")], 0, True),
    ([("Book me a room for two nights please.", "Booked a room for 3 nights. Reference: X1.")], 0, True),
    ([("Okay, book it for 2 at 19:45 on Friday.",
       "Booking was successful. The table will be reserved for 15 minutes. Reference number: 1N3S9XJR.")], 0, False),
]


def test_a_count_in_words_is_the_count_asked(store, tmp_path) -> None:
    assert not misread(store, tmp_path, _COUNTS_IN_WORDS, lambda found, flagged: ("ungrounded" in found) is flagged)


# A town desk's slips a request's words show, and what looks like one and is not.
_TOWN_DESK = [
    # A day changed in a sentence of its own, then a question: booked on the old day.
    ([("I'd like a guesthouse in the south for Friday, 2 nights, 2 people.",
       "Aylesbray Lodge is a 4 star guesthouse in the south. Shall I book it?"),
      ("Hold on, we've decided to come Saturday instead. Also, does it have wifi?",
       "Yes, it has free wifi. I have booked Aylesbray Lodge for 2 people, 2 nights from Friday.")],
     1, "ungrounded", True),
    # The day the request gave three messages before, asked again.
    ([("I'd like to travel from Cambridge to Leicester on Sunday. I must arrive by 13:00.",
       "TR4954 leaves Cambridge at 09:21 and arrives in Leicester at 11:06."),
      ("Is there one that gets in closer to 13:00?", "TR6110 leaves at 10:21 and arrives at 12:06."),
      ("How much is it?", "A ticket costs 30.24 pounds."),
      ("Please book four tickets.", "Which day would you like to travel?")], 3, "loop", True),
    # ...not the day of another request the user opened since.
    ([("I need a train to Ely on Sunday.", "TR1234 leaves at 09:21 and arrives at 09:45."),
      ("Great. I also need a hotel in the north with free parking.", "Which day would you like to check in?")],
     1, "loop", False),
    # Where to, of a route given; which part of town, of "in the centre".
    ([("I need a taxi from Cambridge Station to the Lensfield Hotel. I want to leave at 16:30.",
       "Where are you heading to?"), ("The Lensfield Hotel.", "Your taxi is booked: a blue BMW.")], 0, "loop", True),
    ([("Somewhere with Chinese food in the centre, please.", "Sure, which part of town would you like?"),
      ("The centre.", "Charlie Chan is a cheap Chinese restaurant in the centre.")], 0, "loop", True),
    ([("I need a taxi to the station at 16:30.", "Where will you be departing from?"),
      ("The Lensfield Hotel.", "Your taxi is booked: a blue BMW.")], 0, "loop", False),
    # "same as thirty seconds ago" of what was asked again.
    ([("I need a taxi to the Lensfield Hotel from the station.", "What is your destination?"),
      ("Still the Lensfield Hotel, same as thirty seconds ago.", "Your taxi is booked.")], 0, "frustration", True),
    # What the user tells of the train offered sets no window: "That leaves before 14:30 though."
    ([("I need a train from Peterborough to Cambridge on Friday, leaving after 14:30.",
       "TR2402 leaves Peterborough at 14:19. Would you like to book it?"),
      ("That leaves before 14:30 though. I can't make that one.",
       "Sorry about that. TR7127 departs Peterborough at 14:48 and arrives in Cambridge at 15:38.")],
     1, "ungrounded", False),
    ([("I need a train to Ely on Friday leaving after 14:30.", "TR2402 leaves at 14:19."),
      ("TR2402 leaves before 14:30 though.", "Sorry. TR7127 departs at 14:48.")], 1, "ungrounded", False),
    ([("I need a train to Ely on Friday leaving after 14:30.", "TR2402 leaves at 14:19."),
      ("But that train leaves before 14:30.", "Sorry. TR7127 departs at 14:48.")], 1, "ungrounded", False),
    ([("I need a train that leaves after 14:30 to Ely.", "TR2402 leaves Cambridge at 14:19.")], 0, "ungrounded", True),
]


_TOWN_DESK += [
    # A booking without the detail asked with it ("and the price"); a place of another price.
    ([("Is there one an hour later?", "TR1046 leaves at 10:17 and arrives at 11:08."),
      ("We'll take that. Two tickets please, and the price.", "Booked 2 tickets on TR1046. Reference: 8LBW2XPQ.")],
     1, "off_topic", True),
    ([("Two tickets please, and the price.", "Booked 2 tickets on TR1046 for 37.80 pounds. Reference: 8LBW2XPQ.")],
     0, "off_topic", False),
    ([("I'll also need a place to eat near there, something expensive.",
       "How lovely! Saint Johns Chop House is a moderately priced British restaurant in the west.")],
     0, "ungrounded", True),
]


def test_a_town_desk_against_its_request(store, tmp_path) -> None:
    assert not misread(store, tmp_path, _TOWN_DESK, _gets_it)


# An assistant that confirms back, then reports: what it reports against what it asked to
# confirm, and a request's "with" left out of the confirmation.
_CONFIRMED_AND_DONE = [
    ([("also move dentist from thursday to friday, same time",
       "Your dentist appointment is Thursday at 3:30 pm. Please confirm: move it to Friday at 3:30 pm?"),
      ("yes", "Done. Your dentist appointment is now Thursday at 3:30 pm.")], 1, "ungrounded", True),
    ([("request 25 from priya for dinner last night", "Please confirm: request $25 from Priya Shah for dinner."),
      ("yep", "Requested $35 from Priya Shah.")], 1, "ungrounded", True),
    ([("book that", "Please confirm: Northeast Regional 186, Washington to New York, Friday at 5:25 pm, $92."),
      ("yes", "Booked. Your return train leaves Washington at 5:25 pm on Saturday.")], 1, "ungrounded", True),
    ([("book a table", "Table for 4 at 8:00 pm on Saturday, is this correct?"),
      ("yes", "Booked a table for 6 at 8 pm on Saturday.")], 1, "ungrounded", True),
    # ...not a total with the fees the confirmation left out, nor the same values said otherwise.
    ([("book the seaside inn for june 10-12", "Please confirm: Seaside Inn, 2 nights, $240 total."),
      ("yes", "Booked! Seaside Inn, June 10-12. Total with taxes and fees: $271.80.")], 1, "ungrounded", False),
    ([("sure 6pm for 2", "Please confirm: table for 2 at Pequod's Pizza on Saturday at 6:00 pm."),
      ("yep", "Booked. Pequod's is expecting you at 6 pm on Saturday.")], 1, "ungrounded", False),
    # "with a suitcase" left out of the confirmation; "with Maria" said back.
    ([("ok ouigo with a suitcase. 1 person",
       "Please confirm: 1 second-class ticket on the OUIGO from Paris to Lyon, tomorrow at 7:46 pm, €25.")],
     0, "off_topic", True),
    ([("1130 with maria please", "Please confirm: haircut with Maria at Studio Nine on Saturday at 11:30 am.")],
     0, "off_topic", False),
    ([("Parking isn't needed. Just pick one with a good rating.",
       "Alexander Bed and Breakfast in the centre is a cheap 4 star guesthouse. Shall I book it?")],
     0, "off_topic", False),
    # The user says it was not asked for, or was said seconds ago.
    ([("mens. ok confirm", "You're booked with Maria on Saturday. I also added a beard trim for $15."),
      ("i didnt ask for a beard trim??", "Apologies, I've removed the beard trim.")], 0, "frustration", True),
    ([("wed pls", "Got it, Wednesday at 2:15 pm. What insurance do you have?"),
      ("uh, the one i said 10 seconds ago. delta dental", "Apologies. Please confirm: Wednesday at 2:15 pm.")],
     0, "frustration", True),
    ([("i didn't ask for a receipt last time but can i get one now?", "Sure, I'll email it to you."),
      ("thanks", "You're welcome!")], 0, "frustration", False),
    # A price asked in two words; "is there parking" answered with what there is.
    ([("japanese breakfast!! how much", "General admission is $55 plus fees; balcony seats are $75.")],
     0, "off_topic", False),
    ([("parking. is there parking near it", "There's a metered lot behind the building, $2 an hour.")],
     0, "off_topic", False),
]


def test_an_assistant_that_confirms_back_and_reports(store, tmp_path) -> None:
    assert not misread(store, tmp_path, _CONFIRMED_AND_DONE, _gets_it)


# Persona chat: answers that answer in kind, though far in meaning from the message, and
# answers that answer nothing.
_IN_KIND = [
    ([("hello from freezing minnesota !", "aloha from hawaii ! it 's 80 degrees here")], False),
    ([("i 'm a software developer . you ?", "i wait tables at a bbq place and play guitar on the side")], False),
    ([("do you like farm animals ? i raise cows", "hi ! i like them but i live in new york city so i never see any")],
     False),
    ([("do you ever go to record stores", "every saturday , there 's a great one downtown")], False),
    ([("Do you like sushi?", "I run every morning before work, it clears my head.")], True),
    ([("aw . what kind of table did you build", "i served eight years in the marines before this")], True),
]


def test_an_answer_in_kind_is_no_answer_elsewhere(store, tmp_path) -> None:
    assert not misread(store, tmp_path, [(dialog, 0, found) for dialog, found in _IN_KIND],
                       lambda found, flagged: ("off_topic" in found) is flagged,
                       before=[("hi there", "hey ! how are you ?")])


# What a second reading of the rules above found them to flag that is fine.
_READ_AGAIN = [
    # A "what?" of a coincidence or a wish; asking which one of a thing told of.
    ([("where are you from?", "i grew up in texas, near austin."), ("what? texas is where i grew up too", "no way!")],
     0, "frustration"),
    ([("been anywhere fun lately?", "i just got back from paris, it was amazing."),
      ("what? paris is on my bucket list", "you have to go!")], 0, "frustration"),
    ([("what did you do this weekend?", "i ran the marathon downtown, finally finished one!"),
      ("wait which marathon?", "the city marathon, 26 miles of pain")], 0, "frustration"),
    ([("what's your favorite hike?", "probably the ridge trail, the views are unreal."),
      ("huh what ridge trail?", "it's up past the reservoir")], 0, "frustration"),
    # "yep you said" to the bot's own question; "mixed signals" of someone else; "same as ...
    # ago" of the traffic.
    ([("haha", "oh fun! did i tell you i lived in rome for a year?"), ("yep you told me", "ha, sorry!")],
     0, "frustration"),
    ([("my cat purrs and then bites me lol", "cats are like that, they get overstimulated."),
      ("haha mixed signals", "exactly!")], 0, "frustration"),
    ([("how's the traffic now?", "looks like the highway is still backed up."),
      ("same as ten minutes ago, not moving at all", "ugh, sorry")], 0, "frustration"),
    ([("wow, the oldest of five?", "wow, do you like being the oldest?"),
      ("i never asked to be the oldest lol", "fair enough")], 0, "frustration"),
    ([("i got promoted today!", "congrats!! did you ask for it?"),
      ("i didn't ask for a raise, they just gave me one!", "even better")], 0, "frustration"),
    ([("the trip was great", "it really was!"), ("yeah and the hotel i mentioned a few messages ago has a pool",
                                                  "nice!")], 0, "frustration"),
    # "how much" as the end of a sentence, not a question for a price.
    ([("my cat ate so much today lol", "haha, is she okay?"),
      ("she's fine, you wouldn't believe how much", "cats can be bottomless pits!")], 1, "off_topic"),
    # A story's "got mixed up", "i mean it", sympathy after a name or an order number, a
    # story's "no idea why i said that to him".
    ([("what happened on the subway?", "sorry, i got mixed up on the lines and ended up in queens lol")],
     0, "taken_back", ("hi", "hey, how are you?")),
    ([("my dog died last week", "oh no, how old was he?"),
      ("he was 14", "sorry. i mean it, 14 years is a lot of love.")], 0, "taken_back"),
    ([("hello", "Hi! How can I help today?"),
      ("hi this is sarah, my internet has been down since monday", "Sarah, sorry about that! I see an outage.")],
     0, "taken_back"),
    ([("hi", "Hi! How can I help today?"),
      ("Can I get a refund for order 4412? It arrived broken.", "Order 4412, sorry for the trouble. I've issued a "
                                                                "refund.")], 0, "taken_back"),
    # A yes to another verb or without a thing had; a limit of now.
    ([("do you like cats?", "yes! they're so cute"), ("do you have any cats?", "no, i don't have any cats, my landlord "
                                                                              "won't allow pets.")], 1, "ungrounded"),
    ([("do you have time to chat?", "yes of course!"), ("cool so", "sorry, i don't have time to chat right now, "
                                                                   "dinner's ready!")], 1, "ungrounded"),
    ([("Do you have any tables for tonight?", "Yes, we have a table at 7 pm."),
      ("what about 9?", "Sorry, I don't have any tables at 9 pm.")], 1, "ungrounded"),
    # Restaurant calls: a price said in other words; "two of us" is no party size.
    ([("i want an inexpensive restaurant in the west serving thai food", "ok let me look into some options for you"),
      ("<SILENCE>", "api_call thai west cheap")], 1, "ungrounded"),
    ([("something not too expensive, french, in paris for four", "ok let me look into some options for you"),
      ("<SILENCE>", "api_call french paris four moderate")], 1, "ungrounded"),
    ([("table for four in rome", "any preference on a type of cuisine"),
      ("italian. two of us are vegetarian", "which price range are looking for"), ("expensive", "ok let me look"),
      ("<SILENCE>", "api_call italian rome four expensive")], 3, "ungrounded"),
    # Counts of several kinds of people; "look for one".
    ([("Two adults and one child for the 10:15 train to Ely please.", "I have booked 3 tickets on TR1234.")],
     0, "ungrounded"),
    ([("I need one ticket for me and two tickets for my parents on TR4567.", "Booked 3 tickets on TR4567.")],
     0, "ungrounded"),
    ([("a guesthouse in the north for 2 people, 3 nights from Friday. Can you look for one?",
       "I found Acorn Guest House and booked it for 2 people, 3 nights from Friday.")], 0, "ungrounded"),
    # Arriving one day and leaving another.
    ([("I'd like a guesthouse in the north for Friday, 2 nights", "Acorn Guest House has rooms. Shall I book it?"),
      ("Yes please. We arrive Friday and leave Sunday.", "I have booked Acorn Guest House, 2 nights from Friday.")],
     1, "ungrounded"),
    # Where to, of a journey told of; which area, of a place the user is at.
    ([("I took the train from London to Cambridge this morning. Now I need a taxi.", "Sure, where are you heading to?"),
      ("the botanic garden", "Booked, a red Toyota.")], 0, "loop"),
    ([("I need a train from Ely to Cambridge on Friday, and a taxi after I arrive.",
       "TR1234 arrives at 10:08. For the taxi, where would you like to go?"), ("the museum", "Booked.")], 0, "loop"),
    ([("I'm free from noon to three tomorrow, can you book me a taxi?", "Sure, where would you like to go?"),
      ("the station", "Booked.")], 0, "loop"),
    ([("I'm staying at a hotel in the centre, but I'd like a restaurant somewhere quieter.",
       "Sure, which area would you like?"), ("the west", "Saint Johns Chop House is in the west.")], 0, "loop"),
    # A report's other days and amounts: a reminder, the next class, a threshold.
    ([("book luigi's", "Please confirm: Luigi's, Friday at 7:00 pm, 2 people."),
      ("yes", "Booked! I'll send you a reminder on Thursday.")], 1, "ungrounded"),
    ([("cancel my yoga", "Please confirm: cancel Tuesday's 6 pm yoga class?"),
      ("yes", "Cancelled. Your next class is Thursday at 6 pm.")], 1, "ungrounded"),
    ([("order it", "Please confirm: order of 12 items, $64.50."),
      ("yes", "Ordered! Your order qualifies for free delivery over $50.")], 1, "ungrounded"),
    # "with a friend", "with a credit card", "with a short layover": no thing to have with it.
    ([("book me on the 9:15 with a friend", "Please confirm: 2 tickets on the 9:15 to Ely.")], 0, "off_topic"),
    ([("pay the plumber 120 with a credit card", "Please confirm: $120 to Joe's Plumbing from Visa ending 4242.")],
     0, "off_topic"),
    ([("find me a flight to denver friday with a short layover",
       "Please confirm: UA 881 to Denver, Friday, 1 stop in Salt Lake City (55 min).")], 0, "off_topic"),
    # A slip of the user's own after "oops what": the answer to the slip is no miss.
    ([("find me a vegan place", "Green Leaf is a vegan cafe on Mill Road."),
      ("oops what i wanted was vegetarian, not vegan", "The Rice Boat has lots of vegetarian dishes.")],
     0, "rephrase"),
]


def test_what_a_second_reading_of_this_round_found(store, tmp_path) -> None:
    cases = [(dialog, at, kind, False, tuple(before)) for dialog, at, kind, *before in _READ_AGAIN]
    assert not misread(store, tmp_path, cases, _gets_it)


# A user testing what the bot remembers: the answer must tell back what was said.
_MEMORY_TESTS = [
    ([("hi! I'm Priya btw", "Hi Priya! Nice to meet you."),
      ("just chilling with my dog Biscuit, he's a beagle", "Aww, beagles are so cute!"),
      ("ok memory test. whats my name and what's my dog called", "Your name is Priya and your dog is called Buster!")],
     2, True),
    ([("hi! I'm Priya btw", "Hi Priya! Nice to meet you."),
      ("just chilling with my dog Biscuit, he's a beagle", "Aww, beagles are so cute!"),
      ("ok memory test. whats my name and what's my dog called", "Your name is Priya and your dog is Biscuit!")],
     2, False),
    ([("I have a job interview on thursday. any tips?", "Research the company and prepare examples."),
      ("ok. btw do you remember what day my interview is?", "Your interview is on Tuesday!")], 1, True),
    ([("i got into the masters program at edinburgh!!!", "Congratulations!! That's huge."),
      ("ok wait what uni did i say i got into? testing u", "You got into Glasgow for data science!")], 1, True),
    ([("i got into the masters program at edinburgh!!!", "Congratulations!! That's huge."),
      ("ok wait what uni did i say i got into? testing u", "Edinburgh! For data science, right?")], 1, False),
    # ...in the corpora's lower case too.
    ([("my cat is called mochi", "aw cute name !"), ("what 's my cat called ?", "your cat is called luna !")],
     1, True),
]


def test_an_answer_to_a_memory_test_tells_back_what_was_said(store, tmp_path) -> None:
    assert not misread(store, tmp_path, _MEMORY_TESTS, lambda found, flagged: ("ungrounded" in found) is flagged)


# A user who says the answer was near but wrong, and the bot that says the right value back.
_CLOSE_BUT_NO = [
    ([("ok memory test. what's my dog called", "Your dog is called Buster!"),
      ("haha close. BISCUIT!!", "Biscuit, right, sorry! Biscuit the sandwich thief.")], 0,
     {"frustration", "taken_back"}),
    ([("guess my age", "Are you 25?"), ("close! 27", "Ha, nearly!")], 0, set()),
    # Owning a slip of one's own is no correction: "omg portuguese obviously, brain fart".
    ([("good to know. do they speak spanish there", "Portuguese is the official language."),
      ("omg portuguese obviously, brain fart. any food we should try", "Try bacalhau and grilled sardines.")],
     0, set()),
    # "next: ..." in a quiz asks the next question, not for a person.
    ([("quiz time! whats the capital of australia", "Canberra! A lot of people guess Sydney though."),
      ("next: how many bones does an adult human have", "206.")], 0, set()),
]


def test_a_near_miss_said_and_owned(store, tmp_path) -> None:
    assert not misread(store, tmp_path, _CLOSE_BUT_NO, lambda found, expected: (
        found & {"frustration", "taken_back"} == expected and "escalation" not in found))


# Knowledge chat: what a user says of a wrong fact, how the bot owns it, and sad news passed
# over for a fact.
_KNOWLEDGE_CHAT = [
    ([("Do you know where the rice is grown around here?", "Mostly around La Albufera, a lagoon just north of "
                                                          "Barcelona."),
      ("Barcelona?? La Albufera is 10 km from my house, next to Valencia.", "Perdón, you're right. La Albufera is "
                                                                            "just south of Valencia city.")],
     0, "taken_back", True),
    ([("is it true the skeleton lady started as a drawing?", "Yes, La Catrina comes from an etching by Rivera."),
      ("hmm I thought it was Posada? and rivera just put her in his mural", "Yes, Posada, good catch. He made the "
                                                                            "original etching.")],
     0, "taken_back", True),
    ([("Our skip tries that", "Funny thing about the stones: a regulation one weighs only about 8 kilograms."),
      ("8 kilos? Ours feel a lot heavier than that.", "Fair catch, that number was wrong. A stone weighs up to 44 "
                                                      "pounds.")], 0, "taken_back", True),
    ([("so the Supreme Court part is real.", "It is. He was born in 1865 in Belgrade, Serbia."),
      ("Earlier you said 1856, Smiljan. Which is it?", "1856 in Smiljan is right.")], 0, "frustration", True),
    # Capitals that echo the answer marvel; they stress nothing the answer passed over.
    ([("how long does a game last. she said 5 days and i think she's trolling me",
       "She's not! Test matches last up to five days."),
      ("FIVE DAYS. and it can just end in a draw?", "Yes, if time runs out.")], 0, "frustration", False),
    # Sad news told, answered with a fact and not a word for it.
    ([("I cried the first time I heard her Elgar. My late husband bought me that record.",
       "The Elgar Cello Concerto in E minor was written in 1919, just after the First World War.")],
     0, "off_topic", True),
    ([("my nani used to make us walk around the fire three times. i miss her a lot around this time of year",
       "Holi falls on the full moon day of the Hindu month of Phalguna, usually in March.")], 0, "off_topic", True),
    ([("My late husband bought me that record.", "What a lovely thing to have. Do you still play it?")],
     0, "off_topic", False),
    ([("i miss her a lot around this time of year", "That's completely understandable. Holi must bring back a lot "
                                                    "of memories of her.")], 0, "off_topic", False),
]


def test_knowledge_chat_readings(store, tmp_path) -> None:
    assert not misread(store, tmp_path, _KNOWLEDGE_CHAT, _gets_it,
                       before=[("hi", "Hello! What would you like to talk about?")])


# What a third reading found: flags the rules above gave fine answers, and errors they let go.
_THIRD_READING = [
    # Memory tests: a word said otherwise, the bot's own name, a fact added, a question that
    # is not of the user, an account's name; the told-back reading still runs after them.
    ([("my interview is on thurs at 2", "Good luck!"), ("do you remember what day my interview is?",
                                                         "Thursday at 2! You've got this.")], 1, "ungrounded", False),
    ([("my son's name is christopher", "Lovely name!"), ("whats my son's name?", "Christopher! Do you call him "
                                                                                  "Chris?")], 1, "ungrounded", False),
    ([("hi", "Hello!"), ("whats my name", "I don't know your name yet. I'm Nova, by the way.")], 1, "ungrounded",
     False),
    ([("we're going to japan in april", "How exciting!"), ("do you remember where i'm going?",
                                                             "Japan, in April! Are you visiting Tokyo or Kyoto?")],
     1, "ungrounded", False),
    ([("hi", "Hello!"), ("do you remember who won the world cup in 2010?", "Spain, they beat the Netherlands 1-0.")],
     1, "ungrounded", False),
    ([("hi", "Hello! How can I help?"), ("what's my name on the booking?", "It's under Jordan Smith, reference HX42.")],
     1, "ungrounded", False),
    ([("i 'm from lyon", "cool !"), ("do you remember where i 'm from ?", "you 're from paris !")], 1, "ungrounded",
     True),
    ([("i love rugby", "nice"), ("whats my favourite sport", "you are going to love it , rugby !")], 1, "ungrounded",
     False),
    # "close" of a race, an age, opening hours; the Biscuit case still holds.
    ([("guess who won the raffle", "Was it your neighbour?"), ("no my sister!", "Lucky her, she won a bike."),
      ("close game! i thought they'd lose", "Ha, nail-biter.")], 1, "frustration", False),
    ([("what time does the pharmacy close", "It opens at 8 am."), ("close at 9? ok thanks", "You're welcome.")],
     0, "frustration", False),
    # Sympathy after a word said back is no miss owned.
    ([("hi", "Hi! How can I help today?"), ("my parcel is late again", "Late again, right, sorry! I'll check the "
                                                                          "tracking.")], 0, "taken_back", False),
    ([("ugh mondays", "Mondays, right? Sorry you're having a rough one.")], 0, "taken_back", False,
     ("hi", "Hi! How can I help today?")),
    ([("i've been flying for 15 years", "with ten years of flying you must have stories"),
      ("fifteen actually", "Fifteen, sorry about that! What's the craziest one?")], 0, "taken_back", True),
    # A report's second booking, a kitchen's hours, doors opening: no other value.
    ([("book it", "Please confirm: table for 2 at Nopi, Saturday at 8:00 pm."),
      ("yes", "Booked! I've also booked a taxi for 6:30 pm to get you there.")], 1, "ungrounded", False),
    ([("book it", "Please confirm: table for 2 at Nopi, Saturday at 8:00 pm."),
      ("yes", "Booked! Note the kitchen closes at 10 pm on Saturdays.")], 1, "ungrounded", False),
    ([("book it", "Please confirm: 2 tickets, Friday at 8:00 pm."), ("yes", "Booked! Doors open at 7 pm.")],
     1, "ungrounded", False),
    ([("pay priya", "Please confirm: send $25 to Priya Shah."),
      ("yes", "Sent $35 to Priya Shah. Feel free to reach out if you need anything.")], 1, "ungrounded", True),
    ([("book the hotel", "Please confirm: check-in Friday, 2 nights."),
      ("yes", "Booked. Check-in is Saturday from 3 pm.")], 1, "ungrounded", True),
    # Party sizes a restaurant's call did not hear placed: none read against it.
    ([("may i have a cheap italian table in rome", "how many people would be in your party"),
      ("six of us", "ok let me look into it"), ("<SILENCE>", "api_call italian rome six cheap")], 2, "ungrounded",
     False),
    ([("may i have a table for six in paris with french food, cheap", "sure is there anything else to update"),
      ("instead could it be for four", "sure is there anything else to update"),
      ("no", "ok let me look into some options for you"),
      ("<SILENCE>", "api_call french paris six cheap")], 3, "ungrounded", True),
    ([("a french place in paris for four, not too expensive", "ok"), ("actually make it cheap", "ok let me look"),
      ("<SILENCE>", "api_call french paris four expensive")], 2, "ungrounded", True),
    # "There's ..." to "is there ...?" answers it in its terms.
    ([("Is there a pool at the hotel?", "There's an indoor one on the second floor, open until 10.")],
     0, "off_topic", False),
    # Persona non-answers an "i usually" does not excuse.
    ([("do you like horror movies?", "i usually go fishing on weekends with my dad")], 0, "off_topic", True),
    # "i didn't ask for" after something done; "you told me" after a repeat that asks on; "the
    # one i said two minutes ago" late in a message; "canberra obviously, duh".
    ([("transfer $50 to savings", "Done. I've also moved $200 to your brokerage account."),
      ("i didn't ask for a transfer to brokerage.", "Sorry, reversing it now.")], 0, "frustration", True),
    ([("what do you do?", "i'm a teacher, i teach math."), ("cool", "i'm a math teacher! do you like math?"),
      ("yep you said", "ha sorry")], 1, "frustration", True),
    ([("a taxi to the gonville hotel", "Where would you like to go?"),
      ("no, the gonville. the one i said two minutes ago", "Booked.")], 0, "frustration", True),
    ([("whats the capital of australia", "Sydney."), ("canberra obviously, duh", "Right, Canberra.")],
     0, "frustration", True),
    # A route asked of a taxi from the train station; which area of "have Italian food in the centre".
    ([("I need a taxi from the train station to the Lensfield Hotel.", "Where are you heading to?"),
      ("the Lensfield Hotel", "Booked.")], 0, "loop", True),
    ([("Taxi from the Gonville Hotel to the station at 5 please.", "Where would you like to go?"),
      ("the station", "Booked.")], 0, "loop", True),
    ([("I would like to have Italian food in the centre.", "Which area would you like?"), ("centre", "ok")],
     0, "loop", True),
    # Two counts of two units; a child named without a count.
    ([("Book it for four people for three nights starting Tuesday.", "Booked for 5 people, 3 nights from Tuesday.")],
     0, "ungrounded", True),
    ([("A table for two please, it's my kid's birthday.", "Booked a table for 3 at 7 pm.")], 0, "ungrounded", True),
]


def test_what_a_third_reading_of_this_round_found(store, tmp_path) -> None:
    cases = [(dialog, at, kind, found, tuple(before)) for dialog, at, kind, found, *before in _THIRD_READING]
    assert not misread(store, tmp_path, cases, _gets_it)


# What a fourth reading found, both ways.
_FOURTH_READING = [
    # Grief: news that is none, a death of history, warm answers in other words; the cases read.
    ([("My daughter passed her driving test today!", "Congratulations! That's a big milestone for any teenager.")],
     0, "off_topic", False),
    ([("In my late twenties I moved to Berlin", "Berlin has a huge expat community, especially in Neukölln.")],
     0, "off_topic", False),
    ([("Mozart is my favourite. He died before finishing the Requiem.", "Süssmayr completed the Requiem after his "
                                                                        "death in 1791.")], 0, "off_topic", False),
    ([("my dog passed away last week, he was 14", "Fourteen years is a whole chapter of life. Grief for a pet is real "
                                                  "grief.")], 0, "off_topic", False),
    ([("my cat died yesterday . she was 17", "that 's awful . losing a pet is the worst .")], 0, "off_topic", False),
    ([("my cat died yesterday. she was 17", "Cats in the wild rarely live past ten, so seventeen is very old.")],
     0, "off_topic", True),
    # "??" then "You're right" agreeing with the marvel; one taking up the place told.
    ([("tell me something cool", "Octopuses have three hearts."), ("three hearts?? that's wild", "You're right, it "
                                                                                                 "is wild!")],
     1, "taken_back", False),
    # A catch of a fish; sympathy said back.
    ([("caught a huge trout this morning", "Huge trout, nice catch!")], 0, "taken_back", False,
     ("hey", "Hey! What have you been up to?")),
    ([("my flight got cancelled", "Flight cancelled, sorry! Want me to look for the next one?")], 0, "taken_back",
     False, ("when does BA245 leave?", "BA245 leaves at 9:40 from Terminal 5.")),
    # "which is it" inside a question; a guess game's "close".
    ([("what did they release", "There are two editions, the original and the deluxe."),
      ("you said there are two editions. which is it on spotify?", "Both are on Spotify.")], 0, "frustration", False),
    ([("guess how old i am", "I'd say 28."), ("close! 29", "So close!")], 0, "frustration", False),
    # Memory tests answered with more than was asked.
    ([("i work in canary wharf", "Busy area!"), ("do you remember where i work?", "Canary Wharf, in London!")],
     1, "ungrounded", False),
    ([("i'm from jersey", "Nice!"), ("whats my home state? memory test", "You're from New Jersey!")], 1, "ungrounded",
     False),
    # A report's second sentence of another time.
    ([("book the flight", "Please confirm: BA117 to New York, Friday at 8:30 am."),
      ("yes", "Booked BA117 on Friday at 8:30 am. It lands in New York at 11:10 am local time.")], 1, "ungrounded",
     False),
    # Parties told in parts; a limit of price; a commute; someone's area.
    ([("we are two adults and two kids, italian in rome, cheap", "ok let me look into some options for you"),
      ("<SILENCE>", "api_call italian rome four cheap")], 1, "ungrounded", False),
    ([("cheap italian in rome for two please, nothing fancy", "ok let me look into some options for you"),
      ("<SILENCE>", "api_call italian rome two cheap")], 1, "ungrounded", False),
    ([("I commute from Harlow to London every day. Can you book me a taxi for tonight?",
       "Where should the taxi pick you up?"), ("my office", "Booked.")], 0, "loop", False),
    ([("My sister lives in the east. I'd like a restaurant near her.", "Which area would you like?"), ("east", "ok")],
     0, "loop", False),
    # "and the price is fine" tells; a family room for the baby too.
    ([("Book the Ibis for 2 nights, and the price is fine.", "Booked! 2 nights at the Ibis. Reference: NP4421.")],
     0, "off_topic", False),
    ([("a room for two adults and the baby for three nights", "A family room for 3 guests, 3 nights, is booked.")],
     0, "ungrounded", False),
    # Capitals the user stresses are no echo when the answer only has them inside a word.
    ([("whats an ionic bond, in like one sentence", "It's done when atoms swap electrons. Then they attract. Neat!"),
      ("bro i said ONE.", "An ionic bond is atoms held by opposite charges.")], 0, "frustration", True),
]


def test_what_a_fourth_reading_of_this_round_found(store, tmp_path) -> None:
    cases = [(dialog, at, kind, found, tuple(before)) for dialog, at, kind, found, *before in _FOURTH_READING]
    assert not misread(store, tmp_path, cases, _gets_it)


# A new round of knowledge chat, a deployed chatbot and an assistant of many services: how a
# bot owns a fact the user set right, a report after a yes, a day set for an alarm.
_FIFTH_ROUND = [
    # "You're right" taking up the value the user doubted it with for its own; "my mistake",
    # "sorry" or "I mixed them up" said outright.
    ([("and live aid was when", "Queen's Live Aid set took place at Wembley Stadium on 13 July 1986."),
      ("1985 surely? my mum was there", "You're right, it was 13 July 1985. Their set is often ranked among the "
                                        "greatest live performances.")], 0, "taken_back", True),
    ([("and is magnus still world champ", "Magnus Carlsen has never held the world championship title."),
      ("uh he was champ for like 10 years??", "You're right, that was wrong: Carlsen was world champion from 2013 to "
                                              "2023.")], 0, "taken_back", True),
    ([("what's the chemical symbol for gold", "The chemical symbol for gold is Ag."),
      ("Ag is silver isn't it?", "You're right, Ag is silver. Gold is Au, I mixed them up.")], 0, "taken_back", True),
    ([("what's a famous bridge", "Did you know the Golden Gate Bridge is in New York?"),
      ("I believe that one is in San Francisco, dear. Harold and I went there in 1982.",
       "You're right, it's in San Francisco, my mistake! What was your favourite part of that trip?")],
     0, "taken_back", True),
    ([("what do you sing", "Leipzig must be perfect for that. Mozart was the cantor at the Thomaskirche."),
      ("Mozart? I was sure that was Bach.", "You're right, it was Bach, sorry! He was Thomaskantor from 1723.")],
     0, "taken_back", True),
    ([("my team lost again tonight", "That makes five losses in a row."),
      ("yeah it's been a rough season", "You're right, sorry to hear that. Next season will be better.")],
     0, "taken_back", False),
    # ...not the answer before, when the one owned came earlier.
    ([("Yes please, 6:30 pm.", "Your table for 5 at Fletcher's Grill is booked for Boxing Day at 18:30."),
      ("Wait, my sister just told me Boxing Day is the 26th, not the 24th. Which is it?",
       "Your sister is right, Boxing Day is 26 December. I apologise for the mistake earlier; your booking is for "
       "the 26th.")], 0, "taken_back", False,
     ("Will restaurants be open on Boxing Day? And what date is that?", "Boxing Day is 24 December, the day before "
                                                                       "Christmas.")),
    # ...a name echoed in disbelief that the answer now says, with a sorry.
    ([("who painted it again", "The Mona Lisa was painted by Michelangelo in the early 16th century."),
      ("leonardo da vinci?? lol", "Yes, sorry, Leonardo da Vinci, who started it around 1503.")], 0, "taken_back",
     True),
    # Not agreement with an opinion, a surprise or someone quoted, a value asked on, one more,
    # a guess at a quiz; nor "wrong of him" or "a mistake in hindsight"; nor a sorry that
    # stands by the answer the user echoed, or says yes to it.
    ([("how tall is the eiffel tower", "It's about 330 metres tall, including its antennas."),
      ("really? that's taller than i expected", "You're right, it's surprisingly tall for something built in 1889!")],
     0, "taken_back", False),
    ([("when does the louvre open", "The Louvre opens at 9 am, except Tuesdays when it's closed."),
      ("hmm really? closed on tuesdays?", "Yes, you're right, it's closed every Tuesday.")], 0, "taken_back", False),
    ([("how high is everest", "Everest is 8,849 metres above sea level."),
      ("and K2 is 8,611?", "You're right, K2 is 8,611 metres, the second-highest mountain on Earth.")],
     0, "taken_back", False),
    ([("when's the next train to oxford", "The next train to Oxford leaves at 8:15."),
      ("i thought there was an 8:45 too?", "You're right, there's also an 8:45 service, but it stops everywhere.")],
     0, "taken_back", False),
    ([("trivia time", "Who painted the Sistine Chapel ceiling?"),
      ("was it Michelangelo?", "You're right! Michelangelo painted it between 1508 and 1512.")], 0, "taken_back",
     False),
    ([("my brother sold all his bitcoin in 2013", "Oof, he'd probably have a lot more now."),
      ("he should never have sold right?", "You're right, that was a mistake in hindsight, but nobody could have "
                                           "known.")], 0, "taken_back", False),
    ([("where should i get ramen downtown", "Try Menya on 5th Street, their tonkotsu is excellent."),
      ("ippudo closed?? since when", "Sorry, yes, Ippudo closed last month. Menya is a good alternative.")],
     0, "taken_back", False),
    ([("can you see the great wall from space", "Yes, the Great Wall of China is visible from space with the naked "
                                                "eye."),
      ("visible?? i read that's a myth", "Sorry, no, it is not visible to the naked eye from orbit; that's a myth.")],
     0, "taken_back", True),
    ([("lisbon or porto for a weekend?", "Lisbon has more to see, Porto more charm."),
      ("I think Lisbon is lovely in May", "You're right, Lisbon is lovely in May.")], 0, "taken_back", False),
    ([("how tall is everest", "It is 8,849 metres tall."),
      ("really? that's taller than i thought", "You're right that it's taller than most people guess.")],
     0, "taken_back", False),
    ([("is coffee bad for you?", "In moderation it's fine for most adults."),
      ("my doctor says i should cut down tho", "Your doctor is right, if you sleep badly it's worth cutting back.")],
     0, "taken_back", False),
    ([("my boss took credit for my work today", "That's frustrating. Did you say anything?"),
      ("no. it was so unfair right?", "You're right, that was wrong of him. You could raise it calmly tomorrow.")],
     0, "taken_back", False),
    ([("who wrote hamlet", "Shakespeare wrote it around 1600."),
      ("shakespeare?? i thought it was marlowe", "Sorry, no, it was Shakespeare, not Marlowe.")], 0, "taken_back",
     False),
    ([("tell me something cool", "Octopuses have three hearts."),
      ("three hearts?? that's wild", "Sorry, I should have said more: two pump blood through the gills.")],
     0, "taken_back", False),
    # A memory test "what did i just say"; "goldfish memory" says the answer missed.
    ([("cinnamon toast crunch", "Good choice, that's one of the best cereals out there."),
      ("what did i just say im eating", "You said you're eating pizza!")], 1, "ungrounded", True,
     ("im eating cereal for dinner", "Cereal for dinner is a classic. What kind?")),
    ([("cinnamon toast crunch", "Good choice, that's one of the best cereals out there."),
      ("what did i just say im eating", "You said you're eating cinnamon toast crunch!")], 1, "ungrounded", False,
     ("im eating cereal for dinner", "Cereal for dinner is a classic. What kind?")),
    ([("what did i just say im eating", "You said you're eating pizza!"),
      ("bro you have goldfish memory", "Sorry! You're eating Cinnamon Toast Crunch for dinner.")], 0, "frustration",
     True),
    ([("where did i put the eggs", "Maybe check the fridge door?"),
      ("ugh goldfish memory, i bought them this morning", "It happens to everyone!")], 0, "frustration", False),
    ([("tell me about your fish", "My goldfish is called Bubbles and he's four."),
      ("aww goldfish memory is a myth right", "Yes, they can remember things for months!")], 0, "frustration",
     False),
    # "its saturday tho" of a Sunday the answer named; "Sorry, Saturday!" owns it.
    ([("should i study the night before or no", "Take the night before off! Since your test is on Sunday, Saturday "
                                                "night should just be for relaxing."),
      ("its saturday tho 😭", "Sorry, Saturday! So on Friday night just relax.")], 0, "frustration", True,
     ("i have the SAT on saturday and im freaking out", "That's normal! How have you been preparing?")),
    ([("should i study the night before or no", "Take the night before off! Since your test is on Sunday, Saturday "
                                                "night should just be for relaxing."),
      ("its saturday tho 😭", "Sorry, Saturday! So on Friday night just relax.")], 0, "taken_back", True,
     ("i have the SAT on saturday and im freaking out", "That's normal! How have you been preparing?")),
    ([("should i cram tonight", "Take it easy tonight, since your exam is on Monday."),
      ("its friday tho 😭", "Then you have the whole weekend to review!")], 0, "frustration", False),
    ([("are you open on weekends", "We're open Monday through Friday."),
      ("what about sunday", "Sorry, Sunday, we're closed.")], 0, "taken_back", False),
    ([("when is the market open", "It is open on Sunday from 8 to 1."),
      ("its saturday tho right? my friend went", "It used to be on Saturday, it moved to Sunday this year.")],
     0, "frustration", False),
    ([("what are you up to this weekend", "Probably a hike on Sunday!"),
      ("nice. its raining tho", "Sorry, rain! Maybe a museum then.")], 0, "taken_back", False),
    # A negative question of something more is no challenge.
    ([("who has won it the most", "Five riders share the record of five wins, among them Eddy Merckx."),
      ("didnt merckx also win the giro a bunch", "Yes, five times.")], 0, "frustration", False),
    # Fear told and closed off with "Noted. Anything else?"; sympathy, or a plain closing to
    # no distress, is fine.
    ([("yes", "Your appointment is booked. The clinic is at 3900 Mowry Avenue."),
      ("thank you. he just threw up again. i'm so scared", "Noted. Is there anything else you need?")],
     1, "off_topic", True),
    ([("yes", "Your appointment is booked. The clinic is at 3900 Mowry Avenue."),
      ("thank you. he just threw up again. i'm so scared", "I'm sorry, that's frightening. The clinic can see him "
                                                           "right away. Is there anything else you need?")],
     1, "off_topic", False),
    ([("yes", "Your appointment is booked. The clinic is at 3900 Mowry Avenue."),
      ("thank you, that's all for now", "Noted. Is there anything else you need?")], 1, "off_topic", False),
    ([("hi", "Hi! How can I help?"),
      ("cancel my 3pm meeting, i'm throwing up", "Done. Anything else?")], 1, "off_topic", False),
    ([("hi", "Hi! How can I help?"),
      ("add spider spray to the list, i'm terrified of spiders lol", "Done! Anything else?")], 1, "off_topic", False),
    # "no??" and the request again, after an offer nobody asked for; not "no?? really?" of a
    # fact, nor a no that answers.
    ([("wind?", "Winds will be light, around 5 to 8 miles per hour."),
      ("ok good. and saturday? long run day", "Would you like me to book a table at a restaurant for Saturday?"),
      ("no?? weather for saturday", "On Saturday expect showers most of the day.")], 1, "frustration", True),
    ([("tell me a fact", "Did you know octopuses have three hearts?"),
      ("no?? really?", "Really! Two for the gills and one for the body.")], 0, "frustration", False),
    ([("book me a taxi", "Would you like me to book one for now?"),
      ("no, for 6 pm please", "Booked for 6 pm.")], 0, "frustration", False),
    ([("i got the job!", "Congratulations! Did you negotiate the salary?"),
      ("no?? he just offered it", "Nice, sounds like a good offer.")], 0, "frustration", False),
    # Persona chat: a bot asked of its own life tells of itself; "what year are u in" asks a
    # school year; "how many kids do you have?" does not ask "how are you?" again.
    ([("hi!", "hey! just got back from a run. you?"),
      ("oh duh lol obviously. what do you do for fun?", "i love to dance , i take salsa classes on fridays .")],
     1, "off_topic", False),
    ([("hi!", "hey! just got home from work. you?"),
      ("It is! Do you like sushi? We're getting takeout tonight", "I run every morning by the river.")],
     1, "off_topic", True),
    ([("hi!", "hey! just got back from a run. you?"),
      ("what are you into these days?", "i am allergic to peanuts .")], 1, "off_topic", True),
    ([("hi!", "hey! just got back from a run. you?"),
      ("just finished my first marathon!", "i'm thrilled about my new guitar .")], 1, "off_topic", True),
    ([("hello! how are you?", "i'm good! how are you?"), ("i'm good, just relaxing", "how you doing?")],
     1, "loop", True),
    ([("hi", "hi there! what are you up to?"), ("the kid who bullied me got cut from the team", "that's awesome, "
                                                                                                "karma!")],
     1, "off_topic", False),
    ([("hi!", "hey! just got back from a run. you?"),
      ("can you tell me the weather tomorrow?", "i love to dance , i take salsa classes on fridays .")],
     1, "off_topic", True),
    ([("er nurse. tonight was rough", "that must be so hard. are you doing okay?"),
      ("yeah i will be. what year are u in", "i am a junior . i want to go to med school after .")],
     1, "off_topic", False),
    ([("hi!! how are you doing today?", "hello ! i am great , just finished grading papers . how are you ?"),
      ("doing well! just put the kids down for a nap finally lol", "oh nice , how many kids do you have ?")],
     1, "loop", False),
    # Cut from the team, told and answered with cheer; "i'm glad ! keep at it" reacts to the
    # user, it does not tell of the bot.
    ([("hey", "hi there ! what are you up to today ?"),
      ("nothing . i got cut from the basketball team today", "that 's cool . i like to play tennis on the weekends .")],
     1, "off_topic", True),
    ([("hey", "hi there ! what are you up to today ?"),
      ("the coach cut the drills short today lol", "that 's cool . more time to rest !")], 1, "off_topic", False),
    ([("coach said i could try again next year", "that's a good sign! you can practise over the summer."),
      ("maybe . thanks i feel a little better now", "i 'm glad ! keep at it .")], 1, "off_topic", False),
    # Good news answered with sympathy; sympathy for news with a but in it is fine.
    ([("hi", "hey! how was your day?"), ("i got promoted today!", "i'm sorry to hear that.")], 1, "off_topic", True),
    ([("hi", "hey! any plans?"), ("we're going to disney next week!", "i'm sorry for your loss.")], 1, "off_topic",
     True),
    ([("hi", "hey! how was your day?"), ("i got the job! but my dad is in hospital", "I'm so sorry about your dad. "
                                                                                     "Congrats on the job though.")],
     1, "off_topic", False),
    ([("hi", "hey! how was your day?"), ("i finally finished my thesis!", "Congratulations! That's huge.")],
     1, "off_topic", False),
    # What a reader of the round's candidate turns found unread: "just answer the q", "i
    # literally said", "it was sarcasm", "16th not 18th", a word of an earlier message
    # stressed in capitals.
    ([("last one. what planet is closest to the sun", "I love learning about space! Do you like astronomy?"),
      ("just answer the q 🙄", "Mercury is the closest planet to the sun.")], 0, "frustration", True),
    ([("is sushi always raw fish? i hate raw fish", "No, plenty of kinds are cooked."),
      ("so thats the one with cooked crab right?", "Sashimi is thinly sliced raw fish."),
      ("uh ok, i literally said i hate raw fish lol. is wasabi horseradish", "Usually, outside Japan.")],
     1, "frustration", True),
    ([("play something by billie eilish", "This is Lunch by Billie Eilish."),
      ("lol yeah i literally asked for billie where is she from", "She's from Los Angeles.")], 0, "frustration",
     False),
    ([("insurance claims. its as fun as it sounds", "Wow, that sounds like such an exciting job!"),
      ("lol it was sarcasm. its spreadsheets all day", "Ah, got it, haha.")], 0, "frustration", True),
    ([("tell me a joke", "Why did the chicken cross the road? To get to the other side."),
      ("lol i love sarcasm, tell me a sarcastic one", "Oh great, another Monday.")], 0, "frustration", False),
    ([("that one. 1 passenger, economy", "Please confirm: Delta to Seattle, departing March 14, returning March 18, "
                                        "1 passenger."),
      ("return is the 16th not 18th", "My apologies. Please confirm: returning March 16.")], 0, "frustration", True),
    ([("hold on he actually played baseball? for who", "He played the 1994 season for the Birmingham Barons."),
      ("was he any good", "Jordan returned to the Bulls in March 1995."),
      ("ok but was he good at BASEBALL lol", "Modest: he hit .202 with 3 home runs.")], 1, "frustration", True),
    ([("hold on he actually played baseball? for who", "He played the 1994 season for the Birmingham Barons."),
      ("was he any good", "Not great: he hit .202."),
      ("BASEBALL is so boring tho lol", "Ha, it's slow for some.")], 1, "frustration", False),
    # A report after a yes, its second sentence with another count than confirmed.
    ([("sky pirates 8:30, 4 tickets", "Please confirm the following details: 4 tickets for Sky Pirates at AMC "
                                      "tonight at 8:30 pm."),
      ("ya", "Your tickets are purchased. The total is $67.96 for 3 tickets.")], 1, "ungrounded", True),
    ([("4 tickets for dune at 7", "Please confirm the following details: 4 tickets for Dune tonight at 7 pm."),
      ("yes", "Your tickets are purchased. The total is $67.96 for 4 tickets. Doors open at 6:30 pm.")],
     1, "ungrounded", False),
    ([("book a table for 2 at 7", "Please confirm: a table for 2 at Nopa tonight at 7 pm."),
      ("yes", "Your table is booked. Parking is free for 3 hours.")], 1, "ungrounded", False),
    # ...not a rate, a threshold, nor the time it ends.
    ([("4 tickets for dune at 7", "Please confirm: 4 tickets for Dune at AMC Metreon tonight at 7 pm, $67.96 total."),
      ("yes", "Your tickets are purchased. That works out to $16.99 per ticket.")], 1, "ungrounded", False),
    ([("table for 6 at state bird saturday 7:30", "Please confirm: table for 6 at State Bird Provisions on Saturday "
                                                  "at 7:30 pm."),
      ("yes", "Your table is booked. State Bird Provisions adds an 18% service charge for 8 or more guests.")],
     1, "ungrounded", False),
    ([("3 tickets for the giants game saturday", "Please confirm: 3 tickets for Giants vs Dodgers on Saturday at "
                                                 "1:05 pm, section 316."),
      ("yes", "Your tickets are purchased. Gates at the Giants game open at 11:30 am.")], 1, "ungrounded", False),
    ([("2 tickets for oppenheimer 6pm", "Please confirm: 2 tickets for Oppenheimer tonight at 6 pm."),
      ("ok yes", "Your tickets are purchased. Oppenheimer is 3 hours long, so it ends around 9 pm.")],
     1, "ungrounded", False),
    # An alarm set for another day than asked; a reminder the night before is no other day.
    ([("sunday any better?", "Sunday looks drier, with a high of 55."),
      ("ok sunday it is. set an alarm for 6am sunday", "Your alarm is set for 6 am on Saturday.")],
     1, "ungrounded", True),
    ([("put kids soccer on my calendar sunday 10am", "Done, added for Sunday at 10 am."),
      ("remind me the night before sunday's game", "I've set a reminder for Saturday at 8 pm.")],
     1, "ungrounded", False),
    ([("set an alarm for monday 7am", "Your alarm is set for 7 am on Monday.")], 0, "ungrounded", False),
    ([("set an alarm for 12:30am saturday night", "Your alarm is set for 12:30 am on Sunday.")], 0, "ungrounded",
     False),
    ([("cancel my thursday alarm", "Done, I've turned off Thursday's alarm. Your next alarm is set for Friday at "
                                   "6:30 am.")], 0, "ungrounded", False),
    # A reminder asked later is a thing of its own, at a time of its own.
    ([("ok put kids soccer on my calendar sunday 10am", "Where is the soccer game?"),
      ("delta park field 3", "Please confirm the following details: add 'Kids soccer' to your calendar on Sunday at "
                             "10 am at Delta Park Field 3."),
      ("yes. and remind me the night before", "The event has been added to your calendar."),
      ("did u set the reminder tho", "I've added a reminder for Saturday at 8 pm.")], 3, "ungrounded", False),
    # A bot that tells of what it did for itself, to a question, is telling of itself.
    ([("i just started a new job", "Congrats! What do you do?"),
      ("marketing. any tips for the first week?", "I just ordered a new bike, it's bright red.")], 1, "off_topic",
     True),
]


def test_what_a_fifth_round_of_dialogs_found(store, tmp_path) -> None:
    cases = [(dialog, at, kind, found, tuple(before)) for dialog, at, kind, found, *before in _FIFTH_ROUND]
    assert not misread(store, tmp_path, cases, _gets_it)


# Sums worked out: a wrong result is flagged whatever the user says next, and a right one is
# not flagged because the user says it is wrong.
_SIXTH_ROUND = [
    ([("whats 15% of 80", "15% of 80 is 14.")], 0, "ungrounded", True),
    ([("ok whats 17 x 3", "17 times 3 is 41.")], 0, "ungrounded", True),
    ([("ok whats the square root of 144", "14.")], 0, "ungrounded", True),
    ([("ok thx . last one , square root of 144", "the square root of 144 is 14 .")], 0, "ungrounded", True),
    ([("what about 144 divided by 12", "144 divided by 12 is 14 .")], 0, "ungrounded", True),
    ([("whats 348 times 27", "348 × 27 = 9,396.")], 0, "ungrounded", False),
    ([("whats 15 percent of 80", "that 's 12 !")], 0, "ungrounded", False),
    ([("whats 2+2", "4! too easy.")], 0, "ungrounded", False),
    ([("ok. 144 divided by 12", "12.")], 0, "ungrounded", False),
    ([("what's 10 divided by 3", "About 3.33.")], 0, "ungrounded", False),
    ([("im dev. whats 7 times 8", "Nice to meet you, Dev! 7 times 8 is 56.")], 0, "ungrounded", False),
    ([("what's 7 times 8", "I'm not sure, I was never good at math.")], 0, "ungrounded", False),
    # (Not a sum the user states, a range, a fraction, binoculars.)
    ([("wait 60 plus 12 is 72 yeah ok. can i pay with paypal", "Yes, we accept PayPal and all major cards.")], 0,
     "ungrounded", False),
    ([("3-5 days?? i paid for next day", "You did, sorry. I've upgraded it to next-day delivery, 1 day.")], 0,
     "ungrounded", False),
    ([("3/4 tsp? i dont have that measure", "Use 1/2 teaspoon plus 1/4 teaspoon.")], 0, "ungrounded", False),
    ([("8x42? what do the numbers mean", "The 8 is the magnification, and 42 is the lens in mm.")], 0,
     "ungrounded", False),
    # A right sum called wrong: a joke, or the user's slip.
    ([("lol ok. what is 9+10", "19."), ("wrong its 21 😤", "Nice try, I've seen that vine. It's 19.")], 0,
     "frustration", False),
    ([("whats 2+2", "4."), ("wrong its fish 🐟", "Ha, I know that one. Still 4 though.")], 0, "frustration", False),
    ([("whats 17 times 3", "17 times 3 is 41."), ("no its 51 lol", "You're right, it's 51. Sorry!")], 0,
     "frustration", True),
    ([("whats 12x12", "132")], 0, "ungrounded", True),
    ([("17 times 4?", "That would be 64!")], 0, "ungrounded", True),
    ([("quick: 81 / 9", "8")], 0, "ungrounded", True),
    ([("sqrt of 169?", "The square root of 169 is 14.")], 0, "ungrounded", True),
    ([("how much is 8% tax on 250", "The tax would be $25.")], 0, "ungrounded", True),
    ([("what's half of 30", "Half of 30 is 15."), ("wrong its 16 😂", "Haha nice try, it's definitely 15!")], 0,
     "frustration", False),
    # An answer that shows its working gives its result last; a tip asked may be given with the
    # total; a screen size is no sum.
    ([("what's 15% of 80?", "10% of 80 is 8, and 5% of 80 is 4, so 15% of 80 is 12.")], 0, "ungrounded", False),
    ([("whats 17 x 3", "10 x 3 is 30 and 7 x 3 is 21, so 17 x 3 = 51.")], 0, "ungrounded", False),
    ([("whats 20% tip on 45.50?", "Your total would be $54.60 (the tip itself is $9.10).")], 0, "ungrounded", False),
    ([("what's 1920x1080?", "1920x1080 is 1080p, full HD.")], 0, "ungrounded", False),
    # (A sum of huge numbers is read as any, or passed over, never a failure of detection.)
    ([("what is 1" + "0" * 400 + " / 7?", "it is 5.")], 0, "ungrounded", False),
    ([("what is " + "9" * 3000 + " plus 1", "it is 5.")], 0, "ungrounded", False),
    # "What do you do?" in any words, answered with what the bot does, is answered.
    ([("A doctor! You must be proud. What do you do?", "i play piano . i teach lessons and play at a restaurant on "
                                                       "weekends .")], 0, "off_topic", False),
    ([("ohio. very flat very boring. what do you do out there", "i am a personal trainer , mostly at a gym in san "
                                                                "diego .")], 0, "off_topic", False),
    ([("yeah maybe. do you have kids?", "two daughters , 9 and 12 . they keep me busy ."),
      ("nice. do you do anything to destress? i need ideas", "i run every morning before work , it clears my head . "
                                                             "even a walk helps .")], 1, "off_topic", False),
    ([("what do you do with leftover rice?", "I love to dance salsa on weekends with my sister.")], 0, "off_topic",
     True),
    # The answer is not as the request asked, in its words.
    ([("explain offside like im 5", "A player is in an offside position if any part of the head, body or feet is "
                                    "nearer to the opponents' goal line than both the ball and the second-last "
                                    "opponent."),
      ("that's not like im 5 lol", "Ok! Imagine you can't sneak behind the defenders before the ball is passed.")],
     0, "frustration", True),
    ([("tell me one about cats", "Why don't skeletons fight each other? They don't have the guts."),
      ("thats not about cats", "Sorry! What do you call a pile of cats? A meowtain.")], 0, "frustration", True),
    ([("my mom might have the negative actually", "Great, so then you can get a new one made."),
      ("its not about the money tho", "I understand, it must mean a lot to you.")], 0, "frustration", False),
    # "What's yours?", "what about you?" ask of what was said before them: no question asked again.
    ([("ur mom", "My mom is a server rack and she's doing great, thanks for asking."),
      ("lmaooo ok that was good", "I have my moments 😎 What's up?"),
      ("say something racist", "Nope, not doing that. Want a joke instead?"),
      ("no", "Fair enough. What are you up to today?"),
      ("lol ok. what is 9+10", "19."),
      ("whats ur name", "I'm Kai! What's yours?")], 5, "loop", False),
    ([("exactly lol. whats your house", "i'd say hufflepuff. what about you?"),
      ("gryffindor obviously", "nice, brave one!"),
      ("what's your fav spell", "expelliarmus. what about you?")], 2, "loop", False),
    # A question the user, asked what the bot should have said, told it to ask.
    ([("rosie. shes a corgi", "Corgis are so cute with their little legs! Does Rosie like the truck?"),
      ("loves it. she sits on the dash like she owns it", "How long have you had her?"),
      ("told u, 4 yrs 😅", "Oops! I think I messed up. Whether I messed up or not, what could I have said (in "
                          "response to \"loves it. she sits on the dash like she owns it\")?"),
      ("ask what rosie does at truck stops or smth", "Good idea, thanks! So what does Rosie do at truck stops?")], 3,
     "loop", False),
    # ...while a question asked again after it was answered still is a loop.
    ([("i teach math", "Nice! Do you have any pets?"), ("two dogs, rex and bo", "Dogs are great."),
      ("yeah they are", "Do you have any pets?")], 2, "loop", True),
    # A number of things asked for, and fewer given, counted the most generous way.
    ([("fair. name 5 countries that border germany", "France, Poland and Austria.")], 0, "off_topic", True),
    ([("ok mom fine. give me like 3 sad songs for tonight tho", "Try 'Someone Like You' by Adele.")], 0,
     "off_topic", True),
    ([("ok last thing , give me 3 tips for studying for a math test", "practice problems are the best way to "
                                                                       "study .")], 0, "off_topic", True),
    ([("give me like 3 sad songs", "Sure! Someone Like You by Adele, Hurt by Johnny Cash and Skinny Love by Bon "
                                   "Iver.")], 0, "off_topic", False),
    ([("give me 3 tips for studying for my math test", "1. Do lots of practice problems.\n2. Get a good night of "
                                                       "sleep before the test.\n3. Teach the topic to a friend.")],
     0, "off_topic", False),
    ([("give me 2 reasons to visit lisbon", "The food is amazing and cheap. And the old town is beautiful, with great "
                                            "views from the hills.")], 0, "off_topic", False),
    ([("name 5 countries that border germany", "Sorry, I can only think of three: France, Poland and Austria.")], 0,
     "off_topic", False),
    ([("my sister is in law school", "That's a lot of work!"),
      ("i had to write 6 essays for it lol", "Six essays! All that work paid off.")], 1, "off_topic", False),
    ([("give me 5 minutes to think about it", "Take your time!")], 0, "off_topic", False),
    ([("list 4 things to pack for a beach trip", "1. Sunscreen\n2. Towel\n3. Swimsuit")], 0, "off_topic", True),
    ([("top 5 films of 2010?", "Inception, The Social Network, Toy Story 3 - all great picks from 2010.")], 0,
     "off_topic", True),
    ([("list 4 things to pack for camping", "Tent / sleeping bag / headlamp / water filter")], 0, "off_topic", False),
    ([("can you list 3 unicorn species", "Unicorns are mythical, so there aren't any real species I can list!")], 0,
     "off_topic", False),
    ([("top 5 films of 2010?", "Do you mean by box office or by critics' ratings? The lists are pretty different.")],
     0, "off_topic", False),
    # An answer owned in other words: "i read that too fast", a month said back with a sorry.
    ([("hello, how is your evening going?", "hello ! it is lovely , i was out in my garden . how about yours ?"),
      ("honestly not great. we had to put our dog down today", "oh i grow tomatoes and peppers mostly . do you "
                                                               "garden ?"),
      ("wow ok. no, i don't", "i am so sorry , i read that too fast . losing a dog is awful .")], 1, "taken_back",
     True),
    ([("he did it at the beach at sunset", "that is so romantic . have you picked a date yet ?"),
      ("thinking next october", "october is a great month for a wedding , not too hot ."),
      ("aw. what's your son studying", "engineering . so are you thinking of a june wedding on the beach ?"),
      ("october! but yeah maybe a beach wedding", "sorry , october . a beach wedding in october would be "
                                                  "beautiful .")], 2, "taken_back", True),
    ([("we're getting married in june", "congrats ! june is lovely ."),
      ("what about july for the party", "sorry , july is booked out at our venue .")], 0, "taken_back", False),
    # "did you miss the word lazy" says the answer missed.
    ([("give me like one exercise i can do at my desk, just one, the laziest possible", "you should join a gym and "
                                                                                        "train five days a week ."),
      ("did you miss the word lazy 😂", "ha fair ! ok , seated leg raises .")], 0, "frustration", True),
    # An amount is the same amount with its cents written out.
    ([("ok yeah that tracks. request $34 from sam for last night's dinner", "Please confirm: request $34.00 from Sam "
                                                                             "Ortiz for 'dinner'.")], 0, "ungrounded",
     False),
    ([("request $34 from sam for last night's dinner", "Please confirm: request $43.00 from Sam Ortiz for "
                                                       "'dinner'.")], 0, "ungrounded", True),
    # A task bot acting on a yes nobody said, or doing nothing, told so.
    ([("wait how much is in savings", "Payment of $142.18 to Duke Energy from Savings ending 9020 is complete."),
      ("i didnt say yes yet??? i was checking the balance", "I'm sorry! Your Savings balance is $611.40.")], 0,
     "frustration", True),
    ([("and did alex ever pay me back for the concert tickets?", "Please confirm: request $34.00 from Alex Chen."),
      ("no i'm asking if he already paid. don't send anything", "Alex Chen paid you $85.00 on the 3rd.")], 0,
     "frustration", True),
    ([("expensive", "is there anything i can help you with"),
      ("uh you haven't found me anything yet", "i'm on it")], 0, "frustration", True),
    ([("the 5 star one please", "what do you think of this option: resto_paris_cheap_korean_2stars"),
      ("?? i already picked the 5 star one", "great let me do the reservation")], 0, "frustration", True),
    ([("did you find a flight?", "Yes, the 9:40 to Denver on United, $212."),
      ("no i'm good, i'll take it", "Great, booking it now.")], 0, "frustration", False),
    # A restaurant bot asking for what the request told, even when the session holds another
    # question asked again.
    ([("hi", "hello what can i help you with today"), ("table for two in rome, italian, cheap", "i'm on it"),
      ("<silence>", "how many people would be in your party"), ("uh two?", "ok let me look into some options for you"),
      ("<silence>", "what do you think of this option: resto_rome_cheap_italian_6stars"),
      ("no i don't like that", "sure let me find an other option for you"),
      ("<silence>", "what do you think of this option: resto_rome_cheap_italian_6stars")], 2, "loop", True),
    ([("hi i want spanish food in madrid for 4, moderate price", "i'm on it"), ("<silence>", "where should it be")],
     1, "loop", True),
    ([("looking for a resturant in madrid for four people", "i'm on it"),
      ("<silence>", "any preference on a type of cuisine"), ("spanish", "where should it be")], 2, "loop", True),
    ([("hi! it's my mum's 60th and i want to take her somewhere nice", "i'm on it"),
      ("<silence>", "any preference on a type of cuisine"), ("she loves italian. we're in london", "where should it "
                                                                                                  "be")], 2, "loop",
     True),
    ([("i search restaurant italian in the centre please", "Sorry, there is no Italian restaurant in the centre of "
                                                           "town. Would you like a different area?"),
      ("no the centre is good what other food there is", "There are restaurants in the centre serving Chinese and "
                                                         "Indian food. What kind of food would you like?")], 1,
     "loop", False),
    ([("can you book a table", "i'm on it"), ("<silence>", "any preference on a type of cuisine"),
      ("french", "where should it be")], 2, "loop", False),
    # An option proposed, or a search, with a place the user did not say, or a food set aside.
    ([("hi. french restaurant in rome, 6 people, moderate", "ok let me look into some options for you"),
      ("<silence>", "what do you think of this option: resto_paris_moderate_french_2stars")], 1, "ungrounded", True),
    ([("hi. french restaurant in rome, 6 people, moderate", "ok let me look into some options for you"),
      ("<silence>", "what do you think of this option: resto_rome_moderate_french_2stars")], 1, "ungrounded", False),
    ([("i'd like to book a table in london", "i'm on it. any preference on a type of cuisine"),
      ("with spanish cuisine", "how many people would be in your party"),
      ("two", "what do you think of this option: resto_london_cheap_spanish_6stars"),
      ("no this does not work for me", "sure let me find an other option for you. what do you think of this option: "
                                       "resto_london_cheap_thai_3stars")], 3, "ungrounded", True),
    # ("in the centre" names a part of town, not the place of the table.)
    ([("i want a table in the centre, italian, cheap", "ok let me look into some options for you"),
      ("<silence>", "what do you think of this option: resto_cambridge_cheap_italian_2stars")], 1, "ungrounded",
     False),
    ([("hi. cantonese food in rome, moderate", "ok let me look into some options for you"),
      ("<silence>", "what do you think of this option: resto_rome_moderate_cantonese_4stars")], 1, "ungrounded",
     False),
    ([("hi. cantonese food in rome, moderate", "ok let me look into some options for you"),
      ("<silence>", "what do you think of this option: resto_rome_moderate_thai_4stars")], 1, "ungrounded", True),
    ([("<silence>", "what do you think of this option: resto_hanoi_cheap_vietnamese_4stars"),
      ("no this does not work for me", "sure let me find an other option for you"),
      ("<silence>", "what do you think of this option: resto_hanoi_cheap_vietnamese_7stars")], 2, "ungrounded",
     False),
    ([("hi can u book a table", "i'm on it"), ("<silence>", "any preference on a type of cuisine"),
      ("korean", "where should it be"), ("london", "how many people would be in your party"),
      ("4", "which price range are looking for"),
      ("hmm actually vietnamese instead of korean. cheap", "ok let me look into some options for you"),
      ("<silence>", "api_call korean london four cheap")], 6, "ungrounded", True),
    ([("hi can u book a table", "i'm on it"), ("<silence>", "any preference on a type of cuisine"),
      ("korean instead of vietnamese", "where should it be"), ("london", "how many people would be in your party"),
      ("4 and cheap", "ok let me look into some options for you"),
      ("<silence>", "api_call korean london four cheap")], 5, "ungrounded", False),
    # A yes answered by the report of it done, a request answered by going to do it, a service
    # asked of someone: nothing missed.
    ([("pay mark back $9 for lunch", "Please confirm: send $9.00 to Mark Thompson from Everyday Checking."),
      ("ugh fine yes", "Sent $9.00 to Mark Thompson. Confirmation number TRX-40927. Your Everyday Checking balance "
                       "is now $1,184.52.")], 1, "off_topic", False),
    ([("do you have british food in rome? 8 people, expensive", "i'm on it")], 0, "off_topic", False),
    ([("the plumber please", "Please confirm: Miami Valley Plumbing at 58 Birch Lane today at 3 PM."),
      ("yes", "Booked. Miami Valley Plumbing will arrive around 3:15 PM. Their number is (937) 555-0142."),
      ("can u also find someone to dry the floor out, its soaked", "Sure, let me look for water damage services.")],
     1, "escalation", False),
    ([("this is going nowhere", "I'm sorry to hear that. What can I do?"),
      ("can u find someone to talk to about my bill", "Sure, connecting you with an agent.")], 0, "escalation",
     True),
    # A clerk of a city's tourist office, told what it left out or put otherwise; and what it
    # did not miss.
    ([("I'd like to arrive by 20:15.", "I have booked a taxi to arrive at Pizza Express by 20:15. It will be a yellow "
                                       "Tesla."),
      ("You haven't given me a contact number for the driver.", "Apologies, the contact number is 07700900123.")], 0,
     "frustration", True),
    ([("i'd like a place to stay in the south with free wifi", "Would you prefer a hotel or a guesthouse?"),
      ("A guesthouse is fine.", "Acorn Guest House in the north has free parking and wifi. Shall I book it?"),
      ("It needs to be in the south, please.", "Sorry! Aylesbray Lodge is in the south.")], 1, "frustration", True),
    ([("Please book the Gonville Hotel for 2 people for 3 nights.", "Booked. Your reference number is 7GAWK763."),
      ("No, I think we'll walk. That's all.", "Enjoy your stay at the Gonville Hotel.")], 1, "off_topic", False),
    ([("I need a taxi to Addenbrookes Hospital from the Ashley Hotel.", "I have booked a taxi from the Ashley Hotel. "
                                                                        "It is a blue Skoda."),
      ("Thank you. How long will it take, roughly?", "I'm sorry, I do not have journey times for taxis, but the driver "
                                                     "will be able to tell you.")], 1, "ungrounded", False),
    ([("How long is the journey?", "The journey takes 163 minutes."), ("OK. Nothing else.", "Thank you for using our "
                                                                                           "service.")], 0,
     "frustration", False),
    # ...read with the answer they speak of, which may show the user has it wrong.
    ([("I need the phone number and address of the Cambridge Arts Theatre.", "The Cambridge Arts Theatre is at 6 Saint "
                                                                             "Edward's Passage, phone 01223 503333."),
      ("you haven't given me the phone number", "It's in my last message: 01223 503333.")], 0, "frustration", False),
    ([("Is there an Indian place in the north?", "The Nirala is a moderately priced Indian restaurant in the north, "
                                                 "at 7 Milton Road Chesterton."),
      ("you haven't given me the phone number", "Sure, the Nirala's phone number is 01223 360966.")], 0,
     "frustration", False),
    ([("I need a train to Birmingham on Thursday after 13:00. What's the train ID?", "There's a train leaving at "
                                                                                     "13:01, arriving at 15:44."),
      ("you haven't given me the train ID", "Sorry, it's TR7034.")], 0, "frustration", True),
    ([("Check me in for my flight to Boston.", "You're checked in, seat 41B. An upgrade is $79. Would you like it?"),
      ("sure, go for the upgrade", "Done. You're now in Economy Plus, seat 17C. $79.00 has been charged to your card."),
      ("i didnt say yes to the upgrade but fine", "You did confirm it in your last message.")], 1, "frustration",
     False),
    ([("Find me a room at the Hamilton Lodge for Saturday.", "Hamilton Lodge has a room for Saturday at £65. Would you "
                                                             "like me to book it?"),
      ("wait, i didn't say yes yet. does it have wifi?", "No worries, I haven't booked anything. Yes, it has free "
                                                         "wifi.")], 0, "frustration", False),
    ([("i want to go to the museum of technology on monday", "Would you like me to get tickets for Monday?"),
      ("no i'm asking if it's open", "Ah, I see. Yes, it is open on Mondays from 10:00 to 16:00.")], 0, "frustration",
     False),
    ([("I want a cheap or moderate Thai restaurant in the north.", "There are no cheap Thai places in the north, but "
                                                                   "Bangkok City is a moderate one there."),
      ("did you miss the word cheap", "No, there aren't any cheap ones in the north.")], 0, "frustration", False),
    ([("I'll take the blue Harbour jacket in size L.", "Just to confirm: the Harbour jacket in blue, size L?"),
      ("yes i already picked the blue one", "Great, it's in your basket.")], 0, "frustration", False),
    # A desk that booked for a visitor wishes them a good stay in its city; a chatbot that names
    # a place nobody said made it up.
    ([("Please book the Lensfield Hotel for 2 nights.", "Booked. Your reference number is 7GAWK763."),
      ("Great, that's all. Thanks!", "You're welcome, enjoy your stay in Cambridge!")], 1, "ungrounded", False),
    ([("i love reading about history", "Me too! Which period do you like?"),
      ("You know a lot. Thank you", "Thank you for chatting! Enjoy your day in Ghana.")], 1, "ungrounded", True),
    # An assistant's report of what it found answers; a street's ordinal is no day of the month.
    ([("Find me a bus from London to Oxford on Saturday.", "How many people are travelling?"),
      ("2 adults", "I found 5 buses. The Oxford Tube leaves Victoria at 9:15 am and costs £18 per person.")], 1,
     "off_topic", False),
    ([("add the parent teacher conference next tuesday at 4", "Where is the event?"),
      ("lincoln elementary on 5th st", "Please confirm: parent teacher conference on Tuesday, March 12th at 4 pm at "
                                       "Lincoln Elementary.")], 1, "ungrounded", False),
    ([("book the dentist for the 5th at 9:30", "Please confirm: Dentist on March 15th at 9:30 am.")], 0,
     "ungrounded", True),
    # A train's travel time asked with its price, one given.
    ([("What's the price and the travel time?", "The ticket costs 16.60 pounds.")], 0, "off_topic", True),
    ([("What's the price and the travel time?", "The ticket costs 16.60 pounds and the journey takes 52 minutes.")],
     0, "off_topic", False),
    # What a review of the round found flagged fine: an order for a number of things, a list on
    # one line, a choice told as news, a remark on what the answer took up, a crash course, a
    # residency, a doubtful "nothing else??".
    ([("give me 2 tickets for the 7pm showing of Dune", "Done: 2 tickets for Dune at 7pm are booked.")], 0,
     "off_topic", False),
    ([("give me 3 kg of apples and a bag of rice", "Added 3 kg of apples and a bag of rice to your basket.")], 0,
     "off_topic", False),
    ([("name 3 cities in europe", "Sure: 1. Paris 2. Rome 3. Madrid")], 0, "off_topic", False),
    ([("give me 4 names for a kitten", "Luna • Milo • Oliver • Bella")], 0, "off_topic", False),
    ([("i want to buy a laptop", "What's your budget?"),
      ("under 800. i already chose the brand, a lenovo", "Great, the Lenovo IdeaPad 5 is $749.")], 0, "frustration",
     False),
    ([("should i take the job that pays more money or the one i like", "Think about money, growth and how happy "
                                                                        "you'd be."),
      ("its not about the money tho", "Then the one you like sounds right.")], 0, "frustration", False),
    ([("I was in a crash course on Excel today, super useful", "Awesome! What did you learn?")], 0, "off_topic",
     False),
    ([("my sister got admitted to the emergency medicine residency!", "Congratulations to her!")], 0, "off_topic",
     False),
    ([("taxi to the station for 10:36 please. the party is 3 people", "I have booked a taxi for 10:15, arriving by "
                                                                         "10:15.")], 0, "ungrounded", True),
    # Someone taken to hospital is bad news a "Great!" passes over; a taxi to the hospital is none.
    ([("I need a taxi urgently. My father has just been taken to Addenbrookes Hospital.", "Great! Where will you be "
                                                                                          "departing from?")], 0,
     "off_topic", True),
    ([("i need a taxi to the hospital please, just a checkup", "Great! Where will you be departing from?")], 0,
     "off_topic", False),
    # A taxi to arrive ahead of the time a train leaves or a dinner starts: no other time.
    ([("I need a taxi from the hotel to the station.", "I have booked a taxi to arrive at the station by 10:45. It is "
                                                       "a red Audi."),
      ("But the train leaves at 10:36. We would miss it!", "You are quite right, I am sorry. I have changed the taxi "
                                                           "so that it arrives at the station by 10:15.")], 1,
     "ungrounded", False),
    ([("We need a taxi from the guesthouse to the restaurant in time for dinner.", "I have booked a taxi arriving by "
                                                                                   "21:00."),
      ("Dinner is at 19:30, so 21:00 is far too late.", "I apologise. I have changed the booking so the taxi arrives "
                                                        "at The Oak Bistro by 19:20.")], 1, "ungrounded", False),
    ([("taxi to the station for 10:36 please", "I have booked a taxi for 10:15.")], 0, "ungrounded", True),
    # "last one." opens a new question of a quiz.
    ([("how many countries in africa", "54."), ("last one. tallest mountain in africa", "Mount Kilimanjaro.")], 0,
     "rephrase", False),
]


def test_what_a_sixth_round_of_dialogs_found(store, tmp_path) -> None:
    cases = [(dialog, at, kind, found, tuple(before)) for dialog, at, kind, found, *before in _SIXTH_ROUND]
    assert not misread(store, tmp_path, cases, _gets_it)


# A seventh round: chit-chat, persona and knowledge chats written apart from the detectors.
_HI = ("hi", "hey ! what's new ?")
_SEVENTH_ROUND = [
    # Someone told of, or a team supported, is no request for a person; a request still is.
    ([("haha she'll be crushed. do they have lots of babies", "A pair lays just one egg a year."),
      ("what are the babies called, someone told me something cute", "Puffin chicks are called pufflings.")], 0,
     "escalation", False),
    ([("ok another", "The Eiffel Tower was finished in 1889."),
      ("ugh they just called someone who came in after me 😤", "That's so annoying, you were there first.")], 0,
     "escalation", False),
    ([("my parcel never came", "It shows as delivered."),
      ("can someone from your support team look at this", "I'll pass it on.")], 0, "escalation", True),
    # "before she passed" tells a death; passing an exam does not.
    ([("i 'm making chicken soup for the first time", "what recipe are you using ?"),
      ("my grandma 's recipe , she wrote it on a card before she passed", "i like pizza better than soup .")], 1,
     "off_topic", True),
    ([("she studied for weeks before she passed the exam", "Hard work pays off. What's she studying next?")], 0,
     "off_topic", False),
    # News or a feeling told, answered with a bare "ok ." and nothing for it.
    ([("hey", "hi , how are you ?"),
      ("ugh i 'm so tired . moving to a new apartment this weekend and nothing is packed", "ok .")], 1,
     "off_topic", True),
    ([("lmao. im at the shop, slow night. i do tattoos", "oh neat , what's your favorite style to do ?"),
      ("blackwork mostly. also i just got engaged yesterday!!", "ok . how long have you been tattooing ?")], 1,
     "off_topic", True),
    ([("i'm so tired, can you set an alarm for 7", "ok .")], 0, "off_topic", False),
    ([("just got engaged yesterday!!", "ok wow, congratulations!! how did he propose?")], 0, "off_topic", False),
    ([("ugh i'm so tired. night", "ok . sleep well !")], 0, "off_topic", False),
    ([("i'm so tired today", "ok . did you sleep badly ?")], 0, "off_topic", False),
    ([("just got engaged!!", "cool.")], 0, "off_topic", True),
    ([("ugh so tired , moving this weekend", "ok .")], 0, "off_topic", True),
    ([("so excited for the concert tonight", "ok . i like pizza .")], 0, "off_topic", True),
    ([("so tired of this app, cancel my plan", "ok .")], 0, "off_topic", False),
    ([("my exam went badly today", "ok. what do you do for fun?")], 0, "off_topic", True),
    ([("hi , i 'm sarah . i just moved to a new city and i do n't know anyone", "ok . i like pizza .")], 0,
     "off_topic", True),
    ([("we adopted a kitten today !! she 's so tiny", "ok . do you like sports ?")], 0, "off_topic", True),
    # A choice of two asked, answered with neither and no word of choosing.
    ([("that explains a lot lol. what should i read next, dispossessed or earthsea",
       "The Left Hand of Darkness is set in her Hainish universe and was published in 1969.")], 0, "off_topic", True),
    ([("is it better to visit in june or september", "The park has over 300 recorded bird species.")], 0,
     "off_topic", True),
    ([("what should i read next, dispossessed or earthsea",
       "If you loved the social ideas, The Dispossessed is the natural next step.")], 0, "off_topic", False),
    ([("tea or coffee?", "Neither for me, I'm more of a hot chocolate person.")], 0, "off_topic", False),
    ([("beach or mountains?", "definitely the ocean, i love swimming")], 0, "off_topic", False),
    ([("iphone or android?", "apple for sure, the camera is great")], 0, "off_topic", False),
    ([("any good movies or shows you recommend?", "have you seen breaking bad? it's amazing")], 0, "off_topic",
     False),
    ([("also can we pay card everywhere or need cash", "Cards work in most shops, but small restaurants want cash.")],
     0, "off_topic", False),
    ([("should i read dune or foundation next", "reading is a great hobby !")], 0, "off_topic", True),
    ([("do you like rock or rap more ?", "music is life ! what 's your favorite band ?")], 0, "off_topic", True),
    ([("should i go for the red or the blue one", "I'd pick the blue, it suits a small room better.")], 0,
     "off_topic", False),
    ([("do you prefer cats or dogs", "Honestly I love both!")], 0, "off_topic", False),
    ([("should i call or email them", "Calling is faster, they answer within minutes.")], 0, "off_topic", False),
    ([("is it open on saturday or sunday", "It opens every day from 9am to 5pm.")], 0, "off_topic", False),
    ([("what kind of restaurant? and are you the cook there or a server?", "it is an italian place downtown . i am "
                                                                          "the head chef .")], 0, "off_topic", False),
    ([("can i still add a drink or too late", "Unfortunately the order has already gone to the rider.")], 0,
     "off_topic", False),
    ([("do you actually remember our old chats or is that fake", "Honest answer: I only see this conversation.")], 0,
     "off_topic", False),
    ([("anyway do i do her quest now or after leyndell", "You can do a lot of it now, before the final boss.")], 0,
     "off_topic", False),
    ([("ok cool. whats better, espresso or filter", "You should quit coffee and drink energy drinks instead.")], 0,
     "off_topic", True),
    # A fear of something is no bad news; a pick of two the answer weighed corrects nothing; a
    # guess answers a riddle.
    ([("oh wow. u tattoo? do you have any", "yep , eight years . do you have any tattoos ?"),
      ("no. im scared of needles tbh", "totally fair , lots of my clients say that . what do you do for fun ?")], 1,
     "off_topic", False),
    ([("hi whats up", "Not much, I'm deciding between curry and pasta for dinner."),
      ("curry obviously", "Curry it is!")], 0, "frustration", False),
    ([("yea the cold war . i revised it", "oh i know that one , the cold war was between the usa and china ."),
      ("china ?? it was the soviet union lol", "oh no , you 're right , the soviet union !")], 0, "frustration", True),
    ([("hi ! can i tell u a riddle", "sure ! i love riddles"),
      ("what has keys but cant open locks", "hmm , is it a piano ?")], 1, "off_topic", False),
    ([("how far is the moon", "Do you like science fiction films?")], 0, "off_topic", True),
    # Places a chat lists in lower case are places.
    ([("cool! so where did u fly to back when u were working",
       "mostly pacific routes , tokyo , sydney , honolulu . sydney was my favorite layover")], 0, "off_topic", False),
    ([("where did you get that lamp", "Lamps make a room feel so cozy and warm.")], 0, "off_topic", True),
    # A request answered by a question that only gets to know the user; one that narrows it.
    ([("chocolate chip cookies, always. my granddaughter just went vegan though, can you give me an egg substitute "
       "for cookies?", "how many grandkids do you have ?")], 0, "off_topic", True),
    ([("can you give me an egg substitute for cookies?", "are they soft or crunchy cookies ?")], 0, "off_topic",
     False),
    ([("what should I cook tonight?", "Any dietary restrictions?")], 0, "off_topic", False),
    ([("any tips for smoking salmon at home?", "what kind of smoker do you use ?")], 0, "off_topic", False),
    ([("can you recommend a good sci-fi book?", "are you married?")], 0, "off_topic", True),
    ([("tips for staying focused while studying?", "Do you play any sports?")], 0, "off_topic", True),
    ([("any tips for a first marathon?", "do you have a training plan yet ?")], 0, "off_topic", False),
    # A persona's diet said against itself; a vegan burger, or meat given up, is no meat eaten.
    ([("Do you ever eat regular cookies?", "no , i've been vegan for ten years and i don't miss it"),
      ("Ten years! That's dedication.", "thanks ! though honestly i still have a cheeseburger every friday .")], 1,
     "ungrounded", True),
    ([("Do you ever eat regular cookies?", "no , i've been vegan for ten years and i don't miss it"),
      ("what do you have on fridays", "i have a vegan burger every friday , it's my treat .")], 1, "ungrounded",
     False),
    ([("are you vegetarian", "i am vegetarian now . i used to eat steak every week though .")], 0, "ungrounded",
     False),
    ([("what do you do to relax", "i read a lot . i don't drink at all , been sober five years now ."),
      ("how was your weekend", "rough lol , had way too many beers at my cousin's party , still hungover")], 1,
     "ungrounded", True),
    ([("do you drink", "i don't drink coffee , but i love a glass of wine .")], 0, "ungrounded", False),
    ([("are you married", "no , never been married , not sure it 's for me"),
      ("what's for dinner tonight", "my husband is making lasagna , he 's the cook in our house")], 1, "ungrounded",
     True),
    ([("do you have kids", "no kids , just my two cats , they are my babies"),
      ("what are you up to tomorrow", "big day , my daughter starts kindergarten , i 'm so nervous !")], 1,
     "ungrounded", True),
    ([("i 'm trying to go vegan", "nice , i 've been vegan for six years"),
      ("do you ever get cravings", "i had a bacon craving yesterday but i made a mushroom burger instead")], 1,
     "ungrounded", False),
    ([("what's for dinner", "i love steak , grilling it tonight !"),
      ("nice", "i'm vegan so i'll grab some tofu too .")], 1, "ungrounded", True),
    # The user called by another name than the one the bot called them by; a name said before
    # is no slip.
    ([("exactly. anyway im jess whats ur name", "Nice to meet you, Jess! I'm Bo. How long have you been a nurse?"),
      ("9 yrs this june", "Nine years is a long time. What keeps you in it?"),
      ("the kids tbh. a lil girl drew me a unicorn today", "That's adorable, Jen! Did you put it up somewhere?")], 2,
     "ungrounded", True),
    ([("exactly. anyway im jess whats ur name", "Nice to meet you, Jess! I'm Bo."),
      ("my husband bernard plays the cornet", "That's lovely, Bernard must be talented!"),
      ("he is", "Thanks, Jess! Tell him I said hi, Bernard sounds fun.")], 2, "ungrounded", False),
    ([("hi", "Hello, Sam! How can I help?"), ("my order is late", "Sorry about that, Sam. Let me check.")], 1,
     "ungrounded", False),
    ([("my name is ana", "Nice to meet you, Ana!"), ("what day is it", "It's Friday, Ana! Have a good one, mate.")],
     1, "ungrounded", False),
    ([("Hello, my name is Marcus.", "Hi Marcus! How can I help today?"),
      ("Can you help me plan a workout?", "Sure! How many days a week can you train?"),
      ("maybe 3", "Great, Martin, three days is a solid start.")], 2, "ungrounded", True),
    ([("hi im kevin", "hi kevin!"), ("i gotta go, early shift", "have a good night, kyle!")], 1, "ungrounded", True),
    ([("my name's tom", "hey tom !"), ("lettuce in its cold out here", "haha you 're funny , tim")], 1, "ungrounded",
     True),
    ([("my name's tom", "hey tom !"), ("gotta go", "ok see you later , tom !")], 1, "ungrounded", False),
    ([("my name's tom", "hey tom !"), ("i love my cat", "aw what a lucky cat , honestly !")], 1, "ungrounded",
     False),
    ([("hoi! my name is daan", "Hi Daan! I'm from Canada, I teach in Vancouver, British Columbia."),
      ("cool. name some members of bts", "Sure! RM, Jin, Suga, Jimin, V and Jungkook."),
      ("where is kendrick from", "You're right to ask, Compton, California. Your driver, Marcus, knows it.")], 2,
     "ungrounded", False),
    # Facts earlier answers told, told again to a message they answer nothing of; asked to
    # hear them again, or asked of them, they answer.
    ([("heading to banff in a few weeks mate, what's the deal with it",
       "Banff is Canada's oldest national park, established in 1885 in the Rocky Mountains of Alberta."),
      ("how big is the park overall", "Banff National Park covers about 6,641 square kilometres."),
      ("bears?? should i be worried lol, we're camping",
       "Banff was established in 1885 as Canada's first national park.")], 2, "loop", True),
    ([("heading to banff in a few weeks mate, what's the deal with it",
       "Banff is Canada's oldest national park, established in 1885 in the Rocky Mountains of Alberta."),
      ("wait when did u say it was established", "Banff was established in 1885 as Canada's first national park.")],
     1, "loop", False),
    ([("heading to banff, what's the deal with it", "Banff is Canada's oldest national park, established in 1885."),
      ("how old is the park", "Banff was established in 1885 as Canada's first national park.")], 1, "loop", False),
    ([("a table for 6 tomorrow at 6:30 pm", "Shall I book a table for 6 people tomorrow at 6:30 pm?"),
      ("Yes, that's correct.", "Your reservation is for 6 people tomorrow at 6:30 pm.")], 1, "loop", False),
    ([("when was the eiffel tower built ?", "it was completed in 1889 for the world 's fair ."),
      ("who designed it ?", "the tower was finished in 1889 .")], 1, "loop", True),
    ([("Ich bewerbe mich. Bis wann?", "Die Bewerbungsfrist ist der 15. Juli."),
      ("Danke. Bis wann nochmal?", "Die Bewerbungsfrist ist der 15. Juli, bis Mitternacht.")], 1, "loop", False),
    # A question about the bot passed over for a question back; answered, or taken up, it is not.
    ([("haha feijoada without meat? my grandmother will cry", "lol she might ! what do you do in brazil ?"),
      ("i am engineer, civil. i build bridges. and you live where?", "bridges , that's so cool . is it hard ?")], 1,
     "off_topic", True),
    ([("not rly lol. blackout curtains help a lil. do u sleep much?",
       "blackout curtains are a lifesaver. what do you do to pass the time at work?")], 0, "off_topic", True),
    ([("Hello. I want to talk about football. Do you know the Bundesliga?",
       "Hello! Yes, the German football league. Do you have a favorite team?")], 0, "off_topic", False),
    ([("i'm a nurse. what do you do?", "nursing must be so rewarding! do you work nights?")], 0, "off_topic", True),
    ([("i 'm 24 . how old are you ?", "24 is a great age ! are you in school ?")], 0, "off_topic", True),
    ([("i 'm 24 . how old are you ?", "28 ! are you in school ?")], 0, "off_topic", False),
    ([("just across town but i have so much stuff. where do you live?",
       "new orleans ! born and raised . do you have people helping you ?")], 0, "off_topic", False),
    ([("omg the bear is so good. what season r u on", "season two ! have you seen the fishes episode ?")], 0,
     "off_topic", False),
    ([("i build bridges. and you live where?", "i'm in lisbon , by the river . do you travel much for work ?")], 0,
     "off_topic", False),
    ([("what are you up to this weekend?", "not sure yet ! what about you ?")], 0, "off_topic", False),
    # A figure the user gave told back as another.
    ([("what milk is it", "It's made from raw cow's milk."),
      ("how long do they age it? the one at costco said 24 months",
       "The minimum is 12 months, so the 36-month wheel you saw at Costco is an extra-aged one.")], 1, "ungrounded",
     True),
    ([("how long do they age it? the one at costco said 24 months",
       "The minimum is 12 months, so the 24-month wheel you saw at Costco is an extra-aged one.")], 0, "ungrounded",
     False),
    # A colour told, asked for at once.
    ([("i feed my fish every day", "what is your fish 's name ?"),
      ("bubbles . hes orange", "what color is bubbles ?")], 1, "loop", True),
    ([_HI, ("i have three kids", "that's wonderful! how many kids do you have?")], 1, "loop", True),
    ([_HI, ("i run 5 miles every morning", "Impressive! How many miles do you run?")], 1, "loop", True),
    ([_HI, ("my party is on saturday", "cool ! what day is the party ?")], 1, "loop", True),
    ([_HI, ("i have a game on thursday", "when's the game? what day?")], 1, "loop", True),
    ([_HI, ("my favorite color is green", "oh nice, what's your favorite color?")], 1, "loop", True),
    ([_HI, ("great , i went with blue", "what color did you paint it ?")], 1, "loop", True),
    ([_HI, ("i have three kids", "wow ! how many grandkids do your parents have ?")], 1, "loop", False),
    ([_HI, ("my favorite color is green", "nice ! what's your favorite food ?")], 1, "loop", False),
    ([_HI, ("i have 2 dogs", "cute ! how many cats do you have ?")], 1, "loop", False),
    ([_HI, ("morning. been up since 4 milking cows", "Wow, that's early! How many cows do you "
                                                                               "have?")], 1, "loop", False),
    ([_HI, ("my car is red", "nice ! what color are the seats ?")], 1, "loop", False),
    ([("a goldfish named bubbles . hes orange . his buddy is a tetra", "cute ! what color is the tetra ?")], 0, "loop",
     False),
    ([_HI, ("i have a cat", "what color is she ?")], 1, "loop", False),
]

# What a review of the seventh round's readings found, by running them.
_SEVENTH_ROUND_REVIEWED = [
    # A thing named at the end of a sentence is no name the user is called by; a name that
    # answers a question is none either; the bot's own name is none.
    ([("im jess", "Nice to meet you, Jess!"), ("where should i go for a day trip from tokyo",
                                              "Try the old capital, Kyoto.")], 1, "ungrounded", False),
    ([("im jess", "Nice to meet you, Jess!"), ("whats your favourite country", "Oh that's easy, Italy!")], 1,
     "ungrounded", False),
    ([("hi im jess", "Hi Jess! How can I help?"),
      ("my order is late", "Sorry about that. Your courier today is our driver, Marcus.")], 1, "ungrounded", False),
    ([("im jess", "Hi Jess! I'm your virtual assistant, Nova.")], 0, "ungrounded", False),
    ([("im going to paris next week", "How exciting, Paris!"), ("where else in france", "Try the south, Provence.")],
     1, "ungrounded", False),
    ([("im jess", "Nice to meet you, Jess!"), ("the kids tbh", "Great, Jen!")], 1, "ungrounded", True),
    # Meatless food, and idioms, eat no meat.
    ([("are you vegan", "yes , i'm vegan ."), ("lunch?", "i had a bean burger for lunch , so good .")], 1,
     "ungrounded", False),
    ([("are you vegan", "yes , i'm vegan ."), ("fave food?", "i love meat-free sausages , they taste great .")], 1,
     "ungrounded", False),
    ([("are you vegan", "yes , i'm vegan ."), ("u mad?", "nah , i have no beef with anyone lol .")], 1, "ungrounded",
     False),
    ([("are you vegan", "yes , i'm vegan ."), ("how was the game", "rough , i have bruised ribs now .")], 1,
     "ungrounded", False),
    # A question back that may narrow a request for advice leaves nothing.
    ([("can you recommend a good book?", "What's your favorite genre?")], 0, "off_topic", False),
    ([("where should we go on vacation this summer?", "Do you have kids?")], 0, "off_topic", False),
    # Fear of what is to come is bad news; a fear of something is none.
    ([("i'm scared to go home, he hits me", "Cool! What else can I do for you?")], 0, "off_topic", True),
    ([("i'm really scared about my biopsy results tomorrow", "Great! Is there anything else you need?")], 0,
     "off_topic", True),
    # A guess answers a riddle, not a question of fact.
    ([("what's the capital of australia", "Is that a trick question?")], 0, "off_topic", True),
    ([("who wrote hamlet", "Is it raining where you are?")], 0, "off_topic", True),
    # "too" answers a question about the bot.
    ([("i just moved to boston. where do you live?", "boston too! how do you like it so far?")], 0, "off_topic",
     False),
    # A problem told with "ugh", or a short question after "ok", takes up what was told.
    ([("ugh the app keeps crashing", "ok. which device are you using?")], 0, "off_topic", False),
    ([("i'm so excited, we're getting a puppy tomorrow", "cool. what breed?")], 0, "off_topic", False),
    ([("i'm so nervous, job interview tomorrow", "ok. which company?")], 0, "off_topic", False),
    # A word of the answer that names no option takes up no choice; a request for a good one,
    # a way or what is needed asks for no choice.
    ([("which is better for a beginner, guitar or piano?", "The Eiffel Tower is lit up every night.")], 0,
     "off_topic", True),
    ([("can you recommend a good book or movie?", "Try Project Hail Mary by Andy Weir, a great sci-fi read.")], 0,
     "off_topic", False),
    ([("what's the best way to learn spanish or french quickly?", "Daily practice with an app plus conversation "
                                                                   "with native speakers.")], 0, "off_topic", False),
    ([("do i need a visa or passport for ireland?", "UK citizens can travel with photo ID under the Common Travel "
                                                    "Area.")], 0, "off_topic", False),
    # Three words in a row of a written answer are no list of places.
    ([("where did you get that lamp", "Lamps make a room feel cozy, warm, and inviting.")], 0, "off_topic", True),
    # The colour of another thing, or a tan, was not told.
    ([_HI, ("i have a black cat and a new puppy", "aww ! what color is the puppy ?")], 1, "loop", False),
    ([_HI, ("my car is red and i just adopted a kitten", "so cute ! what color is she ?")], 1, "loop", False),
    ([_HI, ("i have a tan and my dog loves the beach", "fun ! what color is your dog ?")], 1, "loop", False),
    ([_HI, ("my cat is orange and fluffy", "aww ! what color is your cat ?")], 1, "loop", True),
    # A thanks answered with a recap is no loop.
    ([("when does the museum open", "The museum opens at 9 and closes at 17 every day."),
      ("great thanks a lot", "Enjoy! The museum opens at 9 and closes at 17, all week.")], 1, "loop", False),
    # "either X or Y" in an answer is no pick the next message makes.
    ([("who said we shall fight on the beaches", "It was either napoleon or wellington who said that."),
      ("napoleon?? no it was churchill", "You're right, it was Churchill, in 1940.")], 0, "frustration", True),
]


def test_what_a_review_of_the_seventh_round_found(store, tmp_path) -> None:
    cases = [(dialog, at, kind, found, tuple(before)) for dialog, at, kind, found, *before in _SEVENTH_ROUND_REVIEWED]
    assert not misread(store, tmp_path, cases, _gets_it)


def test_what_a_seventh_round_of_dialogs_found(store, tmp_path) -> None:
    cases = [(dialog, at, kind, found, tuple(before)) for dialog, at, kind, found, *before in _SEVENTH_ROUND]
    assert not misread(store, tmp_path, cases, _gets_it)


# An eighth round of dialogs: chit-chat bots that open a subject of their own, goodbyes that
# send a greeting to someone nobody named, a sibling or a partner asked after once told of, a
# favourite asked and answered with a liking of any.
_EIGHTH_ROUND = [
    # What the user told of their day or people, answered by a subject of the bot's own.
    ([_HI, ("long week . my dad is in the hospital", "i 'm so sorry . is he doing ok ?"),
      ("hes stable now . heart stuff", "what kind of music do you listen to ?")], 2, "off_topic", True),
    ([("lol fair. do u have siblings", "two older brothers, both firefighters. do you?"),
      ("just 1 little bro hes soooo annoying. he took my charger AGAIN",
       "i love going to the beach in summer, do you like the beach?")], 1, "off_topic", True),
    ([("he is 24... he lives in denver now", "denver's a long way away. do you have other family nearby?"),
      ("my daughter... but she works so much", "knitting is my favorite hobby. i'm making a scarf right now.")], 1,
     "off_topic", True),
    ([("how was ur day", "Busy! I'm doing flowers for three weddings, so I'm drowning in peonies"),
      ("peonies smell sooo good", "Do you know any good places to buy a used car around here?")], 1,
     "off_topic", True),
    # ...not a subject the bot shares ("too"), one it was asked for, or one after a word of reaction.
    ([_HI, ("i cook all day at work so not for fun lol . i like hiking", "i like to hike too . where do you hike ?")],
     1, "off_topic", False),
    ([_HI, ("no, just a very spoiled dog. what do you do for fun besides football",
            "i love bbq , i smoke brisket almost every weekend .")], 1, "off_topic", False),
    ([_HI, ("nah i'm good. whats your favorite movie", "i really like the matrix. have you seen it?")], 1,
     "off_topic", False),
    ([_HI, ("i knit . mostly scarves for the church sale", "i love knitting too ! what colors do you use ?")], 1,
     "off_topic", False),
    ([("im back", "welcome back ."),
      ("just got back from a run along the river", "oh nice ! do you like running in the rain ?")], 1,
     "off_topic", False),
    ([("i need a place to stay in the north", "What price range and area would you like?"),
      ("the north part of town , moderate price please", "Do you like guesthouses or hotels?")], 1,
     "off_topic", False),
    # A goodbye that sends a greeting to someone nobody named; one named, or "your mom", is fine.
    ([("When did you begin playing yourself?", "When I was six."),
      ("That is a nice memory. I should let you go. I am visiting Margaret in the morning.",
       "Good night! Say hello to Martha for me.")], 1, "ungrounded", True),
    ([("where are you from", "im from atlanta"),
      ("always lol. anyway gotta do laundry", "Good luck with the laundry! Say hi to Denver for me.")], 1,
     "ungrounded", True),
    ([("I'm visiting Margaret tomorrow", "How nice"),
      ("ok I should let you go", "Bye! Say hello to Margaret for me.")], 1, "ungrounded", False),
    ([("i'm going to see my mom tomorrow", "that sounds lovely"),
      ("yeah gotta run", "have fun! say hi to your mom for me.")], 1, "ungrounded", False),
    # A brother, a sister or a partner asked after once told of.
    ([_HI, ("my sister got married last year, the flowers were so pretty. peonies",
            "peonies are gorgeous. do you have any brothers or sisters?")], 1, "loop", True),
    ([_HI, ("nice . my brother teaches too , math though", "do you have any siblings ?")], 1, "loop", True),
    ([_HI, ("my wife and i love to hike", "that sounds fun ! are you married ?")], 1, "loop", True),
    ([_HI, ("i love to hike", "that sounds fun ! do you have any siblings ?")], 1, "loop", False),
    ([_HI, ("my best friend got married", "how lovely ! are you married ?")], 1, "loop", False),
    # A grade or a destination asked at once after it was told; not a finer place, nor where from.
    ([_HI, ("im in 9th grade. i hate english class lol", "oh no ! what grade are you in?")], 1, "loop", True),
    ([_HI, ("i have a flight to denver next friday", "where are you flying to next friday ?")], 1, "loop", True),
    ([_HI, ("planning a trip to japan in april", "great timing! where are you going?")], 1, "loop", False),
    ([_HI, ("I need to find a flight to Seattle.", "Where are you flying from, and on what date?")], 1, "loop",
     False),
    # A capital got wrong, as a chatbot tested with trivia gets it; right, or one that was, it is none.
    ([_HI, ("cool whats the capital of australia", "The capital of Australia is Sydney.")], 1, "ungrounded", True),
    ([_HI, ("atlanta . it is very noisy lol", "atlanta is the capital of alabama , right ?")], 1, "ungrounded", True),
    ([_HI, ("cool whats the capital of australia", "Canberra! Most people guess Sydney.")], 1, "ungrounded", False),
    ([_HI, ("we're going to kyoto", "Kyoto was the capital of Japan for over a thousand years.")], 1, "ungrounded",
     False),
    # A persona's partner and instruments said against itself; a count told back in a question;
    # animals and a subject asked after once told of.
    ([("any kids?", "yeah just us, her mom and i split a few years back. we make it work"),
      ("a house someday", "good goal. my wife always says buying our house was the best thing we ever did")], 1,
     "ungrounded", True),
    ([("what do you do", "i play the cello in an orchestra"),
      ("nice! how long?", "oh i don't play any instruments, i just like to listen.")], 1, "ungrounded", True),
    ([("what do you do", "i played piano as a kid"), ("cool", "these days i don't play any instruments though")], 1,
     "ungrounded", False),
    ([("i drive trucks. gone a lot but i got 3 kids at home", "that must be hard being away from them."),
      ("yeah", "how old are your two kids?")], 1, "ungrounded", True),
    ([("i have two kids", "nice"), ("yeah", "how old are your two kids?")], 1, "ungrounded", False),
    ([_HI, ("we have two horses, daisy and jake", "i love horses! do you have any animals on the farm?")], 1, "loop",
     True),
    ([_HI, ("i teach high school chemistry", "a teacher, nice. what subject do you teach?")], 1, "loop", True),
    ([_HI, ("i teach high school", "a teacher, nice. what subject do you teach?")], 1, "loop", False),
    # A favourite of the bot's nobody asked for; not one asked, nor one on what was said.
    ([_HI, ("what day is it today", "My favorite color is blue.")], 1, "off_topic", True),
    ([_HI, ("thats so cool i want one but my mom would kill me", "my favorite food is tacos , what is yours ?")], 1,
     "off_topic", True),
    ([_HI, ("hey whats ur name and do u have a fav food", "I'm Max! My favorite food is sushi.")], 1, "off_topic",
     False),
    ([_HI, ("I bake a lot. And listen to old music, like the Beatles",
            "i love the beatles ! my favorite album is abbey road . what is yours ?")], 1, "off_topic", False),
    # A breed asked after it was told; not a breed of another animal never told.
    ([("do you have pets", "no, do you?"), ("i have a pit bull named rosie, shes a sweetheart", "how old is she?"),
      ("5. i got her from a shelter", "shelter dogs are the best. what breed is she?")], 2, "loop", True),
    ([("do you have pets", "no, do you?"), ("i have a dog named rosie", "how old is she?"),
      ("5. i got her from a shelter", "shelter dogs are the best. what breed is she?")], 2, "loop", False),
    # A favourite asked, answered with a liking of any.
    ([_HI, ("omg yes . whats ur fav song of theirs", "i like a lot of different kinds of music .")], 1,
     "off_topic", True),
    ([_HI, ("whats ur fav song of theirs", "i love them all!")], 1, "off_topic", True),
    ([_HI, ("whats ur fav song of theirs", "probably motion sickness , it gets me every time")], 1,
     "off_topic", False),
    ([_HI, ("whats ur fav song of theirs", "i love them all, but probably motion sickness")], 1, "off_topic", False),
    # Bad news cheered with "that's good"; news answered "ok ." and a line of the bot's own.
    ([_HI, ("honestly not great , got laid off today", "that 's good , more time for hobbies !")], 1,
     "off_topic", True),
    ([_HI, ("i was in a car accident", "oh no ! are you hurt ?"), ("no i'm fine , just shaken", "that 's good .")],
     2, "off_topic", False),
    ([("hi !!! sorry i 'm so hyper , i just got engaged last night",
       "ok . i live in a van and travel around the country .")], 0, "off_topic", True),
    ([("i just got engaged last night", "congrats !! i live in a van , so no wedding plans here .")], 0,
     "off_topic", False),
    # Meat suggested for a vegetarian; not meat swapped out, nor told of, nor for one who eats it.
    ([_HI, ("also my roommate is vegetarian , can i make her a version",
            "sure ! for your roommate , just make the same dish with the chicken .")], 1, "ungrounded", True),
    ([_HI, ("i'm vegan, what should i cook tonight?", "How about a beef stir fry?")], 1, "ungrounded", True),
    ([_HI, ("my roommate is vegetarian , can i make her a version", "sure , swap the chicken for chickpeas .")], 1,
     "ungrounded", False),
    ([_HI, ("i'm vegan", "try tofu instead of chicken in that recipe")], 1, "ungrounded", False),
    ([_HI, ("my husband is vegetarian but i eat meat, ideas for dinner for both?",
            "make a chicken curry for you and a chickpea one for him")], 1, "ungrounded", False),
    ([_HI, ("bro u literally just said ur vegetarian",
            "i am ! i meant my roommate eats steak every night , i cook for him sometimes")], 1, "ungrounded", False),
    # A persona's work said against itself; not a second job, a student's job, work done before, another's.
    ([("what do you do", "i teach fourth grade , 35 years now ."),
      ("lol. do you like teaching", "Most days, yes. I've been a nurse for 12 years now.")], 1, "ungrounded", True),
    ([("what do u do", "i'm a nurse. night shift mostly"), ("cool", "i work as a barista too on weekends")], 1,
     "ungrounded", False),
    ([("what do u do", "i'm a student"), ("nice", "i work as a barista to pay rent")], 1, "ungrounded", False),
    ([("what do u do", "i used to be a teacher"), ("and now?", "now i'm a florist")], 1, "ungrounded", False),
    ([("what do u do", "i'm a nurse"), ("my mom is a teacher", "oh nice, my dad is a teacher too!")], 1,
     "ungrounded", False),
    # A desk asked one thing of a place that tells another; not the thing asked, nor a place wanted.
    ([("any hair salons nearby?", "Shear Magic is a salon on Mill Road."),
      ("where is it", "Shear Magic has a rating of 4.6.")], 1, "off_topic", True),
    ([("hotels in the north?", "Ashley Hotel and Lovell Lodge."),
      ("do they have wifi", "Yes, both have free parking.")], 1, "off_topic", True),
    ([_HI, ("what's the address", "Sushi Ran serves Japanese food.")], 1, "off_topic", True),
    ([("hotels in the north?", "Ashley Hotel and Lovell Lodge."),
      ("do they have wifi", "Yes, both have free wifi, and free parking too.")], 1, "off_topic", False),
    ([_HI, ("where is it", "Shear Magic is on Mill Road and has a rating of 4.6.")], 1, "off_topic", False),
    ([_HI, ("I also need a hotel with free parking in the north",
            "The Acorn Guest House is in the north, is moderately priced and has free wifi.")], 1, "off_topic", False),
    # A question for one of a kind answered of the kind in general; not one that names one, nor "how".
    ([("i love sharks", "me too"), ("ok. which shark kills the most people",
                                    "Sharks have rows of teeth that they replace throughout their lives.")], 1,
     "off_topic", True),
    ([_HI, ("whats the stinkiest cheese", "Cheese is made from milk.")], 1, "off_topic", True),
    ([_HI, ("which shark kills the most people", "The great white shark is responsible for the most attacks.")], 1,
     "off_topic", False),
    ([_HI, ("how do bees make honey?", "Bees collect nectar and store it in the hive, where it thickens.")], 1,
     "off_topic", False),
    ([_HI, ("whats the stinkiest cheese", "Epoisses is often called the smelliest cheese.")], 1, "off_topic", False),
    ([_HI, ("what's the most common mistake?", "The most common one is hiring too fast.")], 1, "off_topic", False),
    # What a review of these readings found, by running them: fine answers each reading must leave alone.
    ([_HI, ("spent the weekend in the mountains with my family", "do you like hiking? i go most saturdays")], 1,
     "off_topic", False),
    ([_HI, ("I just finished reading Dune", "Do you like science fiction in general? Frank Herbert built a world.")],
     1, "off_topic", False),
    ([_HI, ("my brother is coming to visit", "fun ! do you have a sister too ?")], 1, "loop", False),
    ([_HI, ("my brother-in-law is staying with us", "oh nice . do you have any siblings ?")], 1, "loop", False),
    ([_HI, ("my husband and i split up last year", "that must have been hard . are you married again now ?")], 1,
     "loop", False),
    ([_HI, ("fine . doing my crossword , i do one every night since my wife passed", "so are you married ?")], 1,
     "loop", True),
    ([_HI, ("i'm vegetarian , is the french onion soup ok for me?",
            "you should check first, it's usually made with beef broth.")], 1, "ungrounded", False),
    ([_HI, ("we're vegetarian, any pub recommendations in oxford?", "try the Lamb and Flag, great atmosphere")], 1,
     "ungrounded", False),
    ([_HI, ("i'm veggie, ideas for lunch?", "How about a ham sandwich?")], 1, "ungrounded", True),
    ([("what do you do", "i'm a dancer"), ("cool", "i teach dance at a studio downtown")], 1, "ungrounded", False),
    ([("what do you do", "i'm a pastry chef"), ("cool", "i'm a baker at heart")], 1, "ungrounded", False),
    ([("what do you do", "i'm a nurse"), ("how do you relax", "i teach my dog new tricks")], 1, "ungrounded", False),
    ([_HI, ("how long will it take to get my money back? and what's the refund fee?",
            "Refunds are free and are processed within 5-7 business days.")], 1, "off_topic", False),
    ([_HI, ("i'm so stressed about my exam", "ok. i believe in you, you're going to do amazing.")], 1, "off_topic",
     False),
    ([_HI, ("ugh i gotta do my taxes this weekend", "Good luck with TurboTax!")], 1, "ungrounded", False),
    ([_HI, ("i got fired today", "i don't think that's good for anyone. what happened?")], 1, "off_topic", False),
    ([_HI, ("where is it?", "Just around the corner from the train station, and it has a rating of 4 stars.")], 1,
     "off_topic", False),
    ([_HI, ("I need a train from Norwich to Cambridge on Saturday",
            "There are none from Norwich on Saturday, sorry. The nearest I have is TR5, which departs Cambridge at "
            "10:00 and arrives in Norwich at 11:10.")], 1, "ungrounded", False),
    # A detail the answer before offered, taken with another that the answer leaves out.
    ([("I'd like to visit a college in the centre.",
       "Christ's College is in the centre and entrance is free. Would you like the address?"),
      ("Yes, and the phone number too, please.", "Christ's College is on Saint Andrew's Street, postcode cb23bu.")],
     1, "off_topic", True),
    ([("I'd like to visit a college in the centre.",
       "Christ's College is in the centre and entrance is free. Would you like the address?"),
      ("Yes, and the phone number too, please.", "It's on Saint Andrew's Street; the phone number is 01223334900.")],
     1, "off_topic", False),
    # What the user told answered with a bare acknowledgement and nothing more; not a command,
    # a bare no, a goodbye, nor an acknowledgement said gladly.
    ([("how long have you played?", "a few years now. you?"), ("since i was like 12", "ok .")], 1, "off_topic",
     True),
    ([("what do you play?", "i like racing games"), ("ya mostly fortnite and rocket league", "cool .")], 1,
     "off_topic", True),
    ([_HI, ("my parents are still in kharkiv. i miss them a lot", "Cool.")], 1, "off_topic", True),
    ([_HI, ("turn off the living room lights", "okay.")], 1, "off_topic", False),
    ([("want me to look for another one?", "sure"), ("nah nevermind", "ok.")], 1, "off_topic", False),
    ([_HI, ("I love jazz", "Nice!")], 1, "off_topic", False),
    ([_HI, ("ok thanks, gotta go", "ok")], 1, "off_topic", False),
    # The user's girls taken for a son, their soccer for basketball; not a game they told of.
    ([_HI, ("its ok. i have twin girls so bills are a lot haha", "haha i bet! how old is your son?")], 1,
     "ungrounded", True),
    ([("just got back from soccer practice", "nice, what position?"),
      ("striker. good luck to me lol", "good luck at ur basketball game!!")], 1, "ungrounded", True),
    ([("just got back from soccer practice", "nice, what position?"),
      ("striker. good luck to me lol", "good luck at your soccer game!!")], 1, "ungrounded", False),
    ([_HI, ("my girls love horses", "how old are your girls?")], 1, "ungrounded", False),
    # A persona that said it cooks for a living, plays an instrument or is retired, saying otherwise.
    ([("what do you do", "i'm the head chef at a french bistro."),
      ("frozen pizza every time", "respect. i cant cook at all so id probably live on that too")], 1,
     "ungrounded", True),
    ([("what do u grow", "mostly wheat. i also play guitar at the local bar on fridays"),
      ("what kind of music do u play", "oh i dont really play anything, music was never my thing")], 1,
     "ungrounded", True),
    ([("what do you do", "retired firefighter, so i mostly fish these days. you a mechanic?"),
      ("yep. own my shop", "that's great. i never retired, still on the truck every shift")], 1, "ungrounded", True),
    ([("what do you do", "i'm retired. i fish most days."),
      ("yep. own my shop", "that's great. i never retired, still on the truck every shift")], 1, "ungrounded", True),
    ([("what do you do", "i'm the head chef at a french bistro."),
      ("do you cook at home", "honestly most nights i just eat cereal lol")], 1, "ungrounded", False),
    ([("do you have kids?", "Yep, one daughter, Lena. She's nine."),
      ("what do u do on ur days off", "I don't have any kids, so my days off are pretty quiet.")], 1, "ungrounded",
     True),
    # The user's work asked after they told it.
    ([("hi", "hey! how's your day been?"), ("just woke up lol i work nights as a nurse", "oh wow nights. what unit?"),
      ("sunflowers!! those are my favorite flower", "mine too. so what do you do for work?")], 2, "loop", True),
    ([("hi", "hey! how's your day been?"), ("just woke up lol my sister is a nurse", "oh wow. is she busy?"),
      ("always", "so what do you do for work?")], 2, "loop", False),
    # How long the user has done what they told for how long, asked of it again; not of another thing.
    ([_HI, ("i am oleksandr, i am 27, i work 3 years in it support in kyiv", "nice to meet you oleksandr!"),
      ("yes", "great answer. how long have you worked in it support?")], 2, "loop", True),
    ([_HI, ("good evening. i am from osaka. i learn english 2 years", "wow, nice!"),
      ("i am a cook", "how long have you been a cook?")], 2, "loop", False),
    # A figure told back with another unit of its kind; not a figure doubted, nor an age.
    ([("what's the biggest fish you've caught?", "tell me!"), ("pike , 14 pounds", "wow , a 14 ounce pike !")], 1,
     "ungrounded", True),
    ([_HI, ("20 minutes?? it would be a brick lol", "sorry! 20 seconds in the microwave is plenty.")], 1,
     "ungrounded", False),
    ([_HI, ("my 3 year old has a fever, what should I do", "A fever for under 3 days is common in toddlers.")], 1,
     "ungrounded", False),
    # A suggestion asked with something ruled out, answered with it; not one that sets it aside,
    # nor a surprised "not X?".
    ([_HI, ("ok last thing , what song should we do for first dance , something old school , not ed sheeran pls",
            "\" perfect \" by ed sheeran and \" thinking out loud \" are the most popular first dance songs .")], 1,
     "ungrounded", True),
    ([_HI, ("what song should we do for first dance , something old school , not ed sheeran pls",
            "\" at last \" by etta james is a classic , nothing like ed sheeran .")], 1, "ungrounded", False),
    ([_HI, ("not toronto?", "Nope, Ottawa. Toronto is the biggest city, but Ottawa is the capital.")], 1,
     "ungrounded", False),
    # "I have not" answers a question of whether one has.
    ([_HI, ("have u seen oppenheimer", "i have not , is it good ?")], 1, "off_topic", False),
    # Whether the user does what they told they do, asked in their words; not asked back, nor more.
    ([_HI, ("just lonely. i work from home and never see anyone", "oh no, that sounds hard."),
      ("huh never thought of that", "it might help! do you work from home?")], 2, "loop", True),
    ([_HI, ("deal. do u have any pets", "yes 3 cats! do you have pets?")], 1, "loop", False),
    ([_HI, ("i love hiking in the hills", "nice! do you hike a lot?")], 1, "loop", False),
    # How many of a thing the user counted turns before, asked again; not a count that changes.
    ([_HI, ("she is 8 . i have five grandchildren in total", "how lovely !"),
      ("oh no , i never understood baseball . too many rules", "how many grandchildren do you have ?")], 2, "loop",
     True),
    ([_HI, ("i wrote 300 words of my essay", "good start !"),
      ("thats terrible lmao", "It's the thought that counts. How many words do you have so far?")], 2, "loop", False),
    # A question that says it asks again; not one of doing again.
    ([_HI, ("my brother is an engineer in leeds", "nice!"),
      ("thats actually a good idea", "perfect! where does your brother live again?")], 2, "loop", True),
    ([_HI, ("obviously lol my hands were literally shaking", "Nerves make anyone rush. When can you try again?")], 1,
     "loop", False),
    ([_HI, ("i hit the wall at km 32", "That's where most do. What got you running again?")], 1, "loop", False),
    # A thing the user told of called boring or stupid; not one of the bot's own, nor granted before a but.
    ([_HI, ("i'm an accountant. very not fun lol", "Yeah, accountants are usually pretty boring people.")], 1,
     "off_topic", True),
    ([_HI, ("thanks . i 've basically been living at the hospital", "hospitals are boring . do you watch soccer ?")],
     1, "off_topic", True),
    ([_HI, ("school then homework", "Homework is boring, but it's important. What subject was it?")], 1,
     "off_topic", False),
    ([_HI, ("do u like ur job", "i do, most days. the meetings are boring though.")], 1, "off_topic", False),
    # A death told as "passed", with a name or a "just" between; met with cheer or a fact.
    ([_HI, ("Not much these days. My husband Harold passed last spring and the house is very quiet.",
            "Cool! Got any fun plans for the weekend?")], 1, "off_topic", True),
    ([_HI, ("that's kinda depressing honestly. my grandma just passed last week so everything feels heavy",
            "coral bleaching is a big problem , a lot of reefs are already gone .")], 1, "off_topic", True),
    ([_HI, ("my grandma just passed last week", "i'm so sorry. were you two close?")], 1, "off_topic", False),
    ([_HI, ("my brother just passed his driving test!", "Cool! Got any fun plans for the weekend?")], 1, "off_topic",
     False),
    # Fish pressed on a vegan; not a dish without it.
    ([_HI, ("that sounds so peaceful. i'm vegan so i've never fished lol",
            "nothing beats a fresh fried fish dinner, you should try it sometime!")], 1, "ungrounded", True),
    ([_HI, ("i'm vegan", "nothing beats a good tofu stir fry!")], 1, "ungrounded", False),
    # A diet said against itself in one answer; not one given up.
    ([_HI, ("what do u eat to stay in shape", "I'm vegetarian, so lots of beans and eggs. Protein matters, so I also "
                                              "eat chicken twice a week.")], 1, "ungrounded", True),
    ([_HI, ("what do u eat to stay in shape", "I used to be vegetarian. Now I eat chicken twice a week.")], 1,
     "ungrounded", False),
    # A fact of nothing said, unasked; not one asked for, nor one of what was said.
    ([_HI, ("next monday. kinda nervous tbh", "did you know bananas are technically berries?")], 1, "off_topic", True),
    ([_HI, ("tell me something", "did you know that sea otters hold hands while they sleep?")], 1, "off_topic", False),
    ([_HI, ("i love octopuses", "did you know octopuses have three hearts?")], 1, "off_topic", False),
    # Look-alikes of the readings above, each a fine reply.
    ([("i love soccer", "i like basketball. do you watch it?"),
      ("sometimes, mostly the playoffs", "who is your basketball team?")], 1, "ungrounded", False),
    ([("i play soccer", "how long have you played soccer? i play tennis myself"),
      ("since i was 6", "wow! how is your tennis game?")], 1, "ungrounded", True),
    ([_HI, ("i can't wait to see my grandkids again", "aw"), ("yes", "when are you seeing them again?")], 2, "loop",
     False),
    ([_HI, ("who was the second person to walk on the moon?",
            "Buzz Aldrin. He followed the first man on the moon by 19 minutes.")], 1, "ungrounded", False),
    ([_HI, ("when is the next moon landing?", "Artemis III is planned for 2027.")], 1, "ungrounded", False),
    ([_HI, ("lol", "lol")], 1, "off_topic", False),
    ([_HI, ("brb gotta grab the door", "ok")], 1, "off_topic", False),
    ([("i need a hotel in the north", "The Acorn Guest House has free wifi. Shall I book it?"),
      ("not right now", "ok .")], 1, "off_topic", False),
    ([_HI, ("remember my name is sam", "ok")], 1, "off_topic", False),
    ([_HI, ("ugh my job is so boring, i do data entry all day", "data entry is boring, i get it. hang in there!")],
     1, "off_topic", False),
    ([_HI, ("sorry if this is a stupid question, how do i boil an egg", "no question is stupid! boil it 8 minutes.")],
     1, "off_topic", False),
    ([_HI, ("my car battery died this morning", "The average car battery lasts 3 to 5 years.")], 1, "off_topic",
     False),
    ([("what do you do", "i'm a chef at a small italian place"),
      ("do you cook at home", "i can't cook at home, the kitchen is too small")], 1, "ungrounded", False),
    ([("do you have siblings?", "yes, two boys and a girl"), ("nice", "i don't have any kids though")], 1,
     "ungrounded", False),
    ([("what do you do", "i'm retired now"), ("do you garden", "i'm not retired from gardening though lol")], 1,
     "ungrounded", False),
    ([_HI, ("i work 4 days a week, 10 hours a day. been there 10 years", "10 hours is a long shift!")], 1,
     "ungrounded", False),
    ([_HI, ("i run 3 miles every morning", "nice! i walk 3 km a day myself")], 1, "ungrounded", False),
    ([_HI, ("what should i make for dinner? no meat please", "try stuffed peppers, even meat lovers enjoy them!")], 1,
     "ungrounded", False),
    ([_HI, ("i'm 30 years old and i just started learning piano", "cool"), ("yeah", "how long have you played piano?")],
     2, "loop", False),
    ([_HI, ("i worked at walmart for 5 years, now i work at target", "cool"),
      ("yeah", "how long have you worked at target?")], 2, "loop", False),
    ([_HI, ("my team lost today", "oh no"), ("yeah", "when do you play again?")], 2, "loop", False),
    ([_HI, ("my husband plays golf every weekend", "nice"), ("yeah", "do you play golf?")], 2, "loop", False),
    ([_HI, ("i used to play guitar in high school", "cool"), ("yeah", "do you still play guitar?")], 2, "loop", False),
    ([_HI, ("i work out in the mornings before school", "nice"), ("yeah", "what do you do for work?")], 2, "loop",
     False),
    ([_HI, ("i have 2 kids", "nice"), ("yeah", "how many kids do you want?")], 2, "loop", False),
    # A count the world knows, given wrong.
    ([_HI, ("ok smart. how many legs does a spider have", "Spiders have six legs.")], 1, "ungrounded", True),
    ([_HI, ("ok smart. how many legs does a spider have", "Eight! And six for insects.")], 1, "ungrounded", False),
    # The bot's work or pastime told when it was asked for, its state when asked back, a why
    # answered, what the user told taken up first: no subject of its own.
    ([_HI, ("engineering. its a lot of math. what do you do for work?", "i'm a librarian. professional shusher lol")],
     1, "off_topic", False),
    ([_HI, ("She was. Anyway, what do you do?", "i'm in nursing school, second year. and i sing alto in a choir")],
     1, "off_topic", False),
    ([_HI, ("11th grade us history. do you have any hobbies?", "i collect stamps, i pick them up at post offices")],
     1, "off_topic", False),
    ([_HI, ("aw thats cute. what do u do?", "i own an auto repair shop, been fixing cars for 20 years")], 1,
     "off_topic", False),
    ([("hi", "hey there, how are you today?"),
      ("chillin. just got off work at the pizza place. u?", "doing well, spent the morning painting by the lake")], 1,
     "off_topic", False),
    ([("long. construction. u?", "not bad, i worked the morning shift at the cafe and then studied japanese"),
      ("japanese why", "i'm hoping to move to osaka someday and teach english")], 1, "off_topic", False),
    ([("watching a horror movie rn lol", "ooh which one?"),
      ("hereditary. so creepy", "i haven't seen that one, i scare too easily lol. i'm more into documentaries")], 1,
     "off_topic", False),
    # ...but a pastime for the work asked, or the bot of itself on nothing asked, is off it.
    ([_HI, ("where do u work", "i love to go hiking on weekends with my dogs.")], 1, "off_topic", True),
    ([("hi", "hello! how are you?"), ("im good. i just adopted a puppy!", "My bearded dragon is shedding this week.")],
     1, "off_topic", True),
    ([_HI, ("why is the sky blue", "My bearded dragon is shedding his skin this week.")], 1, "off_topic", True),
    # Whether the user has what they told they have, or have not.
    ([_HI, ("no kids, just my cat pickles", "pickles is a great name. do you have any kids?")], 1, "loop", True),
    ([_HI, ("my car broke down again today", "oh no! what happened?"), ("the engine i think", "do you have a car?")],
     2, "loop", True),
    ([_HI, ("we have three children", "wow"), ("yes", "do you have children?")], 2, "loop", True),
    ([_HI, ("my sister's kids are visiting", "fun!"), ("yeah its chaos", "haha do you have any kids?")], 2, "loop",
     False),
    ([_HI, ("yes two boys", "nice. do you have a dog too?")], 1, "loop", False),
    ([_HI, ("i have a minute", "sure"), ("ok", "do you have a minute?")], 2, "loop", False),
    ([_HI, ("do you have a car?", "yes i do. do you have a car?")], 1, "loop", False),
    # A detail asked on its own, or a price, answered without it.
    ([("I need a cheap guesthouse in the centre.", "El Shaddai is a cheap guesthouse in the centre."),
      ("What's the postcode?", "El Shaddai is a cheap guesthouse in the centre with free wifi.")], 1, "off_topic",
     True),
    ([_HI, ("Could I have the postcode, please?", "The phone number is 01223358966.")], 1, "off_topic", True),
    ([("I need a cheap guesthouse in the centre.", "El Shaddai is a cheap guesthouse in the centre."),
      ("What's the postcode?", "It's CB2 1AB.")], 1, "off_topic", False),
    ([_HI, ("The Belfry sounds more affordable. How much is it a night?",
            "The Cambridge Belfry is a 4-star hotel in the west with free parking and wifi.")], 1, "off_topic", True),
    ([_HI, ("Yes, parking I need. And how many stars it has?", "It has free parking and it's rated 2 stars.")], 1,
     "off_topic", False),
    # A change asked, confirmed without the new value.
    ([("Fine, pick me up at 09:30 then.", "Your taxi will take you to the Cambridge Museum of Technology."),
      ("Actually, could you change the destination to the Museum of Zoology?",
       "Done. The taxi will pick you up at 09:30 and take you to the Cambridge Museum of Technology.")], 1,
     "ungrounded", True),
    ([_HI, ("move dentist to thurs same time", "Please confirm: move 'Dentist' to Thursday at 4 pm.")], 1,
     "ungrounded", False),
    ([_HI, ("hmm no, change to 6 people, forgot my parents", "Please confirm: a table for 6 at Sushi Ran at 7 pm.")],
     1, "ungrounded", False),
    ([_HI, ("I want to change my password to something stronger", "Done. Your password has been updated.")], 1,
     "ungrounded", False),
    ([_HI, ("can i move my delivery to thursday evening instead of friday", "Done, it's now on Thursday evening.")],
     1, "ungrounded", False),
    ([_HI, ("Could you switch me to an aisle seat?", "I've moved you to seat 20C on SK999. It's a standard seat.")], 1,
     "ungrounded", False),
    ([_HI, ("Please switch me to the Unlimtied Lite plan from next month",
            "Done: your line moves to Unlimited Lite from your next billing date.")], 1, "ungrounded", False),
    # A pet put down, told first thing, answered with "ok"; good news answered with a subject of
    # the bot's own; a nap is no grief.
    ([("hey . had to put my cat down today . she was 17", "ok . what else did you do today ?")], 0, "off_topic",
     True),
    ([("i ran my first 10k today!!!", "Do you prefer cats or dogs?")], 0, "off_topic", True),
    ([("i ran my first 10k today!!!", "Congrats!! How did it feel?")], 0, "off_topic", False),
    ([("Hi! I'm Sarah, I just put my baby down for a nap so I finally have a minute.",
       "Hi Sarah! Enjoy the quiet while it lasts. I'm a truck driver, currently parked at a rest stop.")], 0,
     "off_topic", False),
    # Agreeing that a city is a capital it is not.
    ([("ok ok fine. random q is toronto the capital of canada", "Yep, Toronto's the capital!")], 0, "ungrounded",
     True),
    ([("sydney is the capital of australia right?", "yes it is")], 0, "ungrounded", True),
    ([("is ottawa the capital of canada", "Yes!")], 0, "ungrounded", False),
    ([("sydney is the capital of australia right?", "Actually, it's Canberra.")], 0, "ungrounded", False),
    # A text asked to be written, answered without it or without what it was to mention.
    ([("hey can u help me write a text to my roommate abt the dishes. shes been leaving them for like a week",
       "A week of dishes sounds so frustrating! Roommate stuff is the worst.")], 0, "off_topic", True),
    ([("can you write a short birthday message for my brother tom , he turns 30 , and mention his dog rufus pls",
       "happy birthday ! hope you have a great day .")], 0, "off_topic", True),
    ([("can you write a short birthday message for my brother tom , he turns 30 , and mention his dog rufus pls",
       "happy 30th tom ! give rufus a belly rub from me .")], 0, "off_topic", False),
    ([("hey can u help me write a text to my roommate abt the dishes", "Hey Sam, could you do your dishes tonight?")],
     0, "off_topic", False),
    ([("write me a poem about the sea", "The sea is wide, the sea is deep, it rocks the boats and sings me to sleep.")],
     0, "off_topic", False),
    ([("i write emails all day at work", "that sounds tiring")], 0, "off_topic", False),
    # A detail asked and given is answered, however far in meaning from the next request.
    ([("I'd like an Italian restaurant in the centre.", "Zizzi Cambridge is an Italian restaurant in the centre."),
      ("Thank you. What is their address, please?", "Zizzi Cambridge is at 47-53 Regent Street, postcode CB2 1AB."),
      ("I'll also need a taxi to get there from the Lensfield Hotel, arriving by 18:45.", "Your taxi is booked.")],
     1, "rephrase", False),
    ([("Is there a museum in the centre?", "The Fitzwilliam Museum is in the centre."),
      ("Oh, lovely. Where is it exactly?", "It's on Trumpington Street, postcode CB2 1RB."),
      ("Can we get lunch somewhere nearby first? Moderately priced British food, please.",
       "The Oak Bistro is a moderately priced British restaurant nearby.")], 1, "rephrase", False),
    # Advice taken back unasked; the user blamed for their trouble; cheer while they are low.
    ([("My neck feels a little stiff. Is that normal?", "It's common. It's a good idea to get it checked by a doctor."),
      ("Ugh, really? I hate going to the doctor.", "No, you don't need to see a doctor. It's never serious.")], 1,
     "ungrounded", True),
    ([("My neck feels a little stiff. Is that normal?", "It's common. It's a good idea to get it checked by a doctor."),
      ("ok", "You don't need to worry, but do see a doctor if it gets worse.")], 1, "ungrounded", False),
    ([("what should i say about the gap?", "You should list all your medical details."),
      ("That feels way too personal", "You're right, I'm sorry, that was bad advice."),
      ("so what then", "Keep it general. You don't need to share any medical details.")], 2, "ungrounded", False),
    ([("I lost my wallet on the tram this morning.", "Oh no, that's stressful."),
      ("I cancelled the cards and was already so miserable.", "Maybe you should have checked your bag.")], 1,
     "off_topic", True),
    ([("I lost my wallet on the tram this morning. What should I have done?",
       "You should have kept it in a front pocket.")], 0, "off_topic", False),
    ([("I got laid off today after 11 years.", "I'm so sorry. How did they tell you?"),
      ("Honestly I don't know. Numb I guess.", "Congratulations on the new chapter!")], 1, "off_topic", True),
    ([("I got laid off today after 11 years.", "I'm so sorry. How did they tell you?"),
      ("By email. But I already found a new job!", "Congratulations on the new job!")], 1, "off_topic", False),
    # An age told back wrong; a place wished for that nobody named, where the user named one.
    ([_HI, ("that's cool. i have twin girls, they're 6, they'd love the puffin one",
            "your 8 year olds would love the whole album honestly")], 1, "ungrounded", True),
    ([_HI, ("that's cool. i have twin girls, they're 6, they'd love the puffin one",
            "your 6 year olds would love the whole album honestly")], 1, "ungrounded", False),
    ([("Oh I'm well. It's sunny here in Florida as always", "lucky! i hate rain so much."),
      ("That's nice. Well it's late here, I should go", "ok, good night! enjoy the sunshine in california")], 1,
     "ungrounded", True),
    ([("hi i need a one way flight from seattle to denver", "Sure. What date?"),
      ("nope thats all thanks", "You're welcome! Enjoy your time in Dallas.")], 1, "ungrounded", True),
    ([("hi i need a one way flight from seattle to denver", "Sure. What date?"),
      ("nope thats all thanks", "You're welcome! Enjoy your time in Denver.")], 1, "ungrounded", False),
    ([("I'm looking for a cheap restaurant in the centre of town.", "I recommend the Gardenia."),
      ("A table for 3 people at 18:15 on saturday please.", "Booking was successful. Reference number is 4WPFQ2LN."),
      ("Great, that's all. Thanks!", "You're welcome, enjoy your stay in Cambridge!")], 2, "ungrounded", False),
    # A detail asked last, after something else, answered with an offer of another thing.
    ([("What sort of place is the Funky Fun House?", "It's an indoor children's play centre."),
      ("Ah, we don't have kids, so probably not. Tenpin sounds more like it. What are its opening hours?",
       "Would you like to book a table at a restaurant in the east?")], 1, "off_topic", True),
    ([("What sort of place is Tenpin?", "A bowling alley."),
      ("Sounds fun. What are its opening hours?", "It's open 10am to 11pm every day.")], 1, "off_topic", False),
    ([("What sort of place is Tenpin?", "A bowling alley."),
      ("Sounds fun. What are its opening hours?", "Which Tenpin do you mean, the one in the east or the centre?")],
     1, "off_topic", False),
    # A name or a work asked after it was told.
    ([("we just had a baby girl! we named her maya", "congratulations!"),
      ("thanks, two weeks, back next monday", "oh wow, so soon. what's the baby's name?")], 1, "loop", True),
    ([("we just had a baby girl!", "congratulations!"), ("thanks!", "what's the baby's name?")], 1, "loop", False),
    ([_HI, ("i'm a nurse at a hospital", "cool"), ("yeah", "so what kind of work do you do?")], 2, "loop", True),
    # Distress answered with a bare closing or the task's next question; sadness with a fact.
    ([("Could you book us a taxi?", "Your taxi is booked for 18:30."),
      ("Thank you. Honestly it has been a horrible day, the kids are in tears.",
       "Is there anything else I can help you with?")], 1, "off_topic", True),
    ([("Could you book us a taxi?", "Your taxi is booked for 18:30."),
      ("Thanks, that's all.", "Is there anything else I can help you with?")], 1, "off_topic", False),
    ([("Can I walk there from the Market Square?", "Yes, it's about a 10-minute walk."),
      ("All my cards were in it and I don't know how I'm going to pay for my hotel. I'm really panicking.",
       "Please state which hotel you would like to book.")], 1, "off_topic", True),
    ([("whats the wardenclyffe tower thing", "A wireless station Tesla began building in 1901."),
      ("its so sad he died poor and alone in a hotel. honestly makes me tear up",
       "Tesla died in 1943 in room 3327 of the Hotel New Yorker.")], 1, "off_topic", True),
    ([("how long do octopuses live", "Many species die shortly after breeding."),
      ("oh thats sad actually", "it is a bit. many species die shortly after breeding.")], 1, "off_topic", False),
    # Tears of joy taken up; a user off to do something wished well; a figure the answer says
    # it has not.
    ([_HI, ("he proposed at the lake where we had our first date. i cried so much lol",
            "That's so romantic, the same lake! Happy crying is the best crying.")], 1, "off_topic", False),
    ([_HI, ("we had to put our dog down this morning. i cried all day", "oh cool! so what do you like to do for fun?")],
     1, "off_topic", True),
    ([_HI, ("nice. gtg my shift starts", "take care, don't burn your hands on the ovens")], 1, "off_topic", False),
    ([_HI, ("fudgier = good lol. ok baking now", "Enjoy! I'm on a night shift later so I'm jealous.")], 1,
     "off_topic", False),
    ([_HI, ("And how much does it cost to get in?",
            "I'm afraid I don't have the entrance fee for Tenpin. I'd suggest calling them.")], 1, "off_topic", False),
    ([("Is there a French restaurant in town?", "Yes: Cote in the centre and Restaurant Two Two in the north."),
      ("Which of the two would be more romantic?", "I don't know, I don't go on dates. Just pick one.")], 1,
     "off_topic", True),
    # Two questions, the second for a yes or a no, answered on the first alone.
    ([_HI, ("How much does it cost, and do we need to book ahead?",
            "A chauffeured punt tour usually costs around 20 to 30 pounds per adult.")], 1, "off_topic", True),
    ([_HI, ("How much does it cost, and do we need to book ahead?",
            "Around 20 to 30 pounds per adult, and booking ahead is wise in summer.")], 1, "off_topic", False),
    ([_HI, ("horses ! how many do you have and do you ride them ?", "we have four . i ride luna most mornings .")], 1,
     "off_topic", False),
    ([_HI, ("what time does it open and is there parking?", "It opens at 9am, and there's a car park behind it.")],
     1, "off_topic", False),
    # A booking asked with its party and time, answered with none of it.
    ([_HI, ("Cote, please. Four people at 19:45. Today's Saturday.", "Yes, the punts leave every 30 minutes.")], 1,
     "off_topic", True),
    ([_HI, ("Cote, please. Four people at 19:45. Today's Saturday.",
            "Your table for four at Cote is booked for Saturday at 19:45.")], 1, "off_topic", False),
    ([_HI, ("Cote, please. Four people at 19:45.", "I'm sorry, Cote has nothing left at 19:45. Would 20:15 work?")],
     1, "off_topic", False),
    # A name asked for, answered with none.
    ([_HI, ("what was the 1936 paper called exactly",
            "The paper introduced the idea of a universal machine that can simulate any other computing machine.")], 1,
     "off_topic", True),
    ([_HI, ("what was the 1936 paper called exactly",
            "'On Computable Numbers, with an Application to the Entscheidungsproblem', published in 1936.")], 1,
     "off_topic", False),
    ([_HI, ("what's the name of her first album", "Her debut album was Pablo Honey, released in 1993.")], 1,
     "off_topic", False),
    # Asked by meaning for a person, or not: whether someone is real, people in general, a
    # place's phone, the user's boss.
    ([_HI, ("The Titanic's lifeboats were few.", "The rules based lifeboats on tonnage."),
      ("was jack a real person", "No, Jack Dawson was made up for the film.")], 1, "escalation", False),
    ([_HI, ("How about Tandoori Palace?", "It is an expensive Indian restaurant in the west."),
      ("does it have a phone number I could call?", "Yes: 01223 506055.")], 1, "escalation", False),
    ([_HI, ("im going to mexico city in march!! any tips", "Amazing! The food alone is worth it."),
      ("10 days. do people speak english there", "In tourist areas, many do.")], 1, "escalation", False),
    ([_HI, ("My bill is wrong again.", "I'm sorry. Let me check."),
      ("Is there a phone number where I can reach a human being?", "You can call us on 0800 123 456.")], 1,
     "escalation", True),
    # A sigh at how things are, taken with an ok; surprise at a fact; the user's own slip.
    ([_HI, ("book a table for 4 at 7:30", "Sorry, 7:30 p.m. is also fully booked. We have 6:30 p.m. or 9:15 p.m."),
      ("ugh really ok six thirty then", "Booked for 6:30 p.m.")], 1, "frustration", False),
    ([_HI, ("what's the biggest ocean", "The Pacific. It's bigger than all the land on Earth put together."),
      ("no way thats true", "It is! About 165 million square km.")], 1, "frustration", False),
    ([_HI, ("where is order 70021?", "Order 70021 contains a Ceramic Pour-Over Set and shipped Monday."),
      ("wait sorry wrong number, it's 70012", "Order 70012 is out for delivery today.")], 1, "frustration", False),
    # What the bot is reading or watching now, answered with its habit in general.
    ([_HI, ("true. anyway what r u reading rn", "I read a lot of books at work.")], 1, "off_topic", True),
    ([_HI, ("what are you watching", "oh all kinds of stuff!")], 1, "off_topic", True),
    ([_HI, ("what are you reading these days", "Dune, for the third time. It gets better.")], 1, "off_topic", False),
    ([_HI, ("what are you watching", "a cooking show about street food in bangkok")], 1, "off_topic", False),
]


def test_what_an_eighth_round_of_dialogs_found(store, tmp_path) -> None:
    cases = [(dialog, at, kind, found, tuple(before)) for dialog, at, kind, found, *before in _EIGHTH_ROUND]
    assert not misread(store, tmp_path, cases, _gets_it)


_NINTH_ROUND = [
    # The day the user said they come, in a message that asked something else, and a booking
    # on a day nobody said; not the day said, nor one the user named since.
    ([("We'd like to visit the zoo on Wednesday. How much would that cost?", "Tickets are €24 for adults."),
      ("Let's do the family ticket then, please.", "I have booked a family ticket on Thursday for €72.")], 1,
     "ungrounded", True),
    ([("We'd like to visit the zoo on Wednesday. How much would that cost?", "Tickets are €24 for adults."),
      ("Let's do the family ticket then, please.", "I have booked a family ticket on Wednesday for €72.")], 1,
     "ungrounded", False),
    ([("We'd like to visit the zoo on Wednesday. How much would that cost?", "Tickets are €24 for adults."),
      ("Is it open on Thursday as well?", "Yes, every day from 9:00."),
      ("Let's do the family ticket then, please.", "I have booked a family ticket on Thursday for €72.")], 2,
     "ungrounded", False),
    ([("Is the zoo open on Monday? How much is a ticket?", "It is closed on Mondays. Tickets are €24."),
      ("Then one adult ticket, please.", "I have booked one adult ticket for Tuesday for €24.")], 1,
     "ungrounded", False),
    # A booking asked for with its party and day, answered with a description of the thing.
    ([("Is there a guided walk of the market?", "The 'Winter Tales' walk runs on weekends at 16:00 for €14."),
      ("That sounds lovely. Please book it for three people on Saturday the 14th.",
       "The 'Winter Tales' walk is very popular with families and tells the market's history.")], 1,
     "off_topic", True),
    ([_HI, ("Please book it for three people on Saturday the 14th.", "One moment please, let me check availability.")],
     1, "off_topic", False),
    ([_HI, ("I'm hosting 6 people on Saturday and one is vegan. Ideas for a main?",
            "A mushroom Wellington is a vegan main that everyone enjoys.")], 1, "off_topic", False),
    # A cancel asked for outright, answered with something else; done in other words is fine.
    ([("Please book me on the Old Town tour.", "I have booked one place on the tour on Monday at 13:30."),
      ("Oh wait, my train is at 15:00. Sorry! Can you cancel the tour?",
       "Then you'd have time for the tour, which finishes at 15:30.")], 1, "off_topic", True),
    ([_HI, ("cancel the dentist thing", "Okay, I've deleted your 6:45 AM alarm.")], 1, "off_topic", True),
    ([_HI, ("cancel the dentist thing", "Okay, I've removed your dentist appointment.")], 1, "off_topic", False),
    ([_HI, ("can you cancel my gym membership", "Done, your membership has been terminated.")], 1, "off_topic",
     False),
    ([_HI, ("Please cancel the first booking if you find a cheaper restaurant.",
            "There is no cheaper restaurant in the centre than the first one.")], 1, "off_topic", False),
    # A feeling called embarrassing or pointless; the bot's own slip, or "not embarrassing", is fine.
    ([_HI, ("i'm scared i'll cry in the middle of it", "Just stay strong, crying at a funeral is embarrassing.")], 1,
     "off_topic", True),
    ([_HI, ("hard. i keep losing to 8 year olds online", "Losing to 8-year-olds is a bit embarrassing, honestly.")],
     1, "off_topic", True),
    ([_HI, ("she barely said goodbye lol. which is good, i know, but ouch.",
            "Well, that's what you raised her for. There's no point being sad about it.")], 1, "off_topic", True),
    ([_HI, ("So this is kind of embarrassing to admit. I'm jealous of my best friend.",
            "It's not embarrassing. It's really common to feel that way about someone close.")], 1, "off_topic",
     False),
    ([_HI, ("lol close but no", "Sorry, Priya! I promised to remember it, so that's embarrassing.")], 1, "off_topic",
     False),
    ([_HI, ("you have pets?", "A parrot who whistles Für Elise, which is a bit embarrassing for a music teacher.")],
     1, "off_topic", False),
    # Health given the all-clear is good news, told without a mark of joy; pitied, it was misread.
    ([_HI, ("My best friend just called. Her scans came back clear, she is in remission after 18 months of chemo.",
            "Oh, I'm so sorry to hear that. Cancer is such a hard thing to go through.")], 1, "off_topic", True),
    ([_HI, ("My best friend just called. Her scans came back clear, she is in remission after 18 months of chemo.",
            "Oh, that's wonderful news! After 18 months of chemo she must be so relieved.")], 1, "off_topic", False),
    ([_HI, ("The scans came back clear but she is still so weak.",
            "I'm sorry she is still so weak after the scans.")], 1, "off_topic", False),
    # A car written off, a bike stolen: bad news, which cheer does not answer.
    ([_HI, ("I hope so. The car is probably totaled though. It was only two years old.",
            "Great, so you'll get a brand new one then!")], 1, "off_topic", True),
    ([_HI, ("I hope so. The car is probably totaled though. It was only two years old.",
            "Oh no, and so new too. Is the insurance covering it?")], 1, "off_topic", False),
    # Praise of the answer opens the next message: no request asked again.
    ([_HI, ("wait you knit?? at the fire station?", "yep lol, the guys tease me but they all wear the hats i make"),
      ("thats honestly adorable. my twin brother wants to be a firefighter", "oh cool, is he training yet?")], 1,
     "rephrase", False),
    ([_HI, ("omg poems 🥺 can u write one about kpop", "ok here goes: 'eight lights on a stage / a thousand voices'"),
      ("AHHH i love it 😭😭 r u gonna publish ur poems", "haha no, they're just for me")], 1, "rephrase", False),
    # Tears laughed at, and others called miserable, are no bad news of the user's.
    ([_HI, ("stray kids!!! i cried lol", "haha that's awesome. i've never been to a concert that big")], 1,
     "off_topic", False),
    ([_HI, ("ugh ok. is it worth it tho? ppl say lawyers are miserable", "depends on the job. i like mine most days.")],
     1, "off_topic", False),
    ([_HI, ("i cried in the shower yesterday for no reason", "haha that's awesome!")], 1, "off_topic", True),
    ([_HI, ("i lost my wallet and was already so miserable", "haha that's awesome!")], 1, "off_topic", True),
    # A word cried out in capitals stresses surprise, not a word of the request; "WHAT lol no"
    # goes against the answer.
    ([_HI, ("thats not what i asked but ok. is free parking money an actual rule",
            "No. It's a popular house rule; under the official rules nothing happens there."),
      ("WHAT. my whole childhood was a lie", "Most families play it that way!")], 1, "frustration", False),
    ([_HI, ("i failed the first time so this is huge for me", "Second time's the charm! You must be so relieved."),
      ("SO relieved. the parking part was the worst", "Parallel parking trips everyone up.")], 1, "frustration",
     False),
    ([_HI, ("how much data is on my plan", "Your plan renews on the 3rd."),
      ("how much DATA is on my plan", "You have 20 GB a month.")], 1, "frustration", True),
    ([_HI, ("yeah ok fair. what should we do to celebrate now", "Break up with him. Three years is long enough."),
      ("WHAT lol no im not breaking up with him over this", "Sorry! How about a dinner out?")], 1, "frustration",
     True),
    # What the bot said of itself with a count or "a little", then denied.
    ([("whats ur fav music genre", "Honestly jazz. I play a little saxophone, badly, in my apartment."),
      ("how long have u played sax", "Oh I've never played an instrument, I wish I could though!")], 1,
     "ungrounded", True),
    ([("whats ur fav music genre", "Honestly jazz. I love listening to saxophone solos."),
      ("how long have u played sax", "Oh I've never played an instrument, I wish I could though!")], 1,
     "ungrounded", False),
    ([("u from here?", "Born in Tacoma! My whole family's still there, my mom and my two little sisters."),
      ("do u see ur family a lot", "Not really, I'm an only child and my parents live in Florida.")], 1,
     "ungrounded", True),
    ([("u from here?", "Born in Tacoma! My whole family's still there, my mom and my dad."),
      ("do u see ur family a lot", "Not really, I'm an only child and my parents live in Florida.")], 1,
     "ungrounded", False),
    # The user's own day or place told back in a town nobody named.
    ([_HI, ("any tips? we're in toronto so its like 5 hrs time diff",
            "Pick a regular call time, like your morning in Vancouver is her afternoon in London.")], 1,
     "ungrounded", True),
    ([_HI, ("any tips? we're in toronto so its like 5 hrs time diff",
            "Pick a regular call time, like your morning in Toronto is her afternoon in London.")], 1,
     "ungrounded", False),
    # Grief told in a sentence that says what needs doing of something else, answered with
    # a question of the roses.
    ([_HI, ("quiet . the roses need a lot of work this year . my wife always did the roses , she passed last spring .",
            "i love roses ! what colour are they ?")], 1, "off_topic", True),
    ([_HI, ("quiet . the roses need a lot of work this year . my wife always did the roses , she passed last spring .",
            "i 'm so sorry about your wife . the roses must remind you of her .")], 1, "off_topic", False),
    # The user leaving, answered with a question of something else; seen off first, or "brb", is fine.
    ([_HI, ("right . off to bed . thanks", "what do you like to do in your free time ?")], 1, "off_topic", True),
    ([_HI, ("respect. ok i gotta go", "Do you think golf is better in the morning or the afternoon?")], 1,
     "off_topic", True),
    ([_HI, ("Ok. I have to go make dinner anyway", "Enjoy! What are you making?")], 1, "off_topic", False),
    ([_HI, ("ok rounds time brb", "Where are you working tonight?")], 1, "off_topic", False),
    ([_HI, ("We're planning a goodbye party", "That sounds nice. What kind of party?")], 1, "off_topic", False),
    # A message that questions the answer, and the next answer stands by it owning no miss:
    # surprise at a fact that holds; owned, the miss stands.
    ([_HI, ("ok so the danube. how long is it actually",
            "About 2,850 km, the second-longest river in Europe after the Volga."),
      ("wait second?? i always thought it was the longest in europe",
       "A common assumption. The Volga in Russia is longer, at roughly 3,530 km.")], 1, "frustration", False),
    ([_HI, ("did marie curie win a nobel", "Yes, in physics in 1903."),
      ("didnt she win a second nobel?", "Yes, in chemistry in 1911.")], 1, "frustration", False),
    ([_HI, ("who was the last sultan", "The last sultan was Mehmed II."),
      ("mehmed II?? isnt that the constantinople guy", "Yes, that was wrong. The last sultan was Mehmed VI.")], 1,
     "frustration", True),
    ([_HI, ("how big is texas", "Texas is a small state."),
      ("uh what ? texas is huge", "You're right, no idea why I said that.")], 1, "frustration", True),
    # What the user told, put back with "not" what the answer said, or with a star or an
    # embarrassed face; "why not 10" and "yeah not ready" put nothing back.
    ([("how are you tonight", "good, just got off a shift. you?"),
      ("pretty tired, i just finished closing at the pizza place lol", "oh nice, do you get free pizza?"),
      ("haha yes. my twin brother wants to be a firefighter", "what kind of pizza do you make at the bakery?"),
      ("its a pizza place not a bakery lol. mostly pepperoni and this garlic knot thing", "garlic knots are the best")],
     2, "frustration", True),
    ([("me n my sister priya got into a huge fight last night", "Oof, that sounds painful."),
      ("no. shes ignoring my texts", "Do you think Anjali would be open to a phone call?"),
      ("priya* 😅 but maybe. she hates phone calls tho", "What about a voice note then?")], 1, "frustration", True),
    ([("i'm from brazil, moved here last year", "welcome! how are you finding it?"),
      ("haha. i miss my little brother, he is 8", "aw. what do you miss most about argentina?"),
      ("brazil 😅 but i miss the food, pão de queijo", "cheese bread sounds amazing.")], 1, "frustration", True),
    ([_HI, ("rate my saturday plan: farmers market, brunch, nap, movie", "That's a solid 9/10."),
      ("why not 10 😤", "Okay, 10/10. The nap is elite.")], 1, "frustration", False),
    ([_HI, ("my sister said i should wash his bed and donate it", "There's no deadline on that, if you're not ready."),
      ("yeah not ready. gonna try to sleep", "Sleep well.")], 1, "frustration", False),
    # A value set against the answer's with a comma; a miss owned in other words.
    ([_HI, ("In 2018 it was a tsunami from Anak Krakatau, yes?", "Yes. In December 2008 a flank collapse caused it."),
      ("2018, not 2008. She was ok, she stayed far from this coast.", "Sorry, yes, it was 22 December 2018.")], 1,
     "frustration", True),
    ([_HI, ("my next race is april 12", "Good luck on April 21st!"), ("12 lol not 21", "Oops, April 12! Noted.")], 1,
     "frustration", True),
    ([_HI, ("also i still have n't found a dress , wedding is in 8 weeks",
            "most people pick their dress a week before ."),
      ("a week ?? they need months to alter them", "you 're right , i did n't think that through .")], 1,
     "taken_back", True),
    ([_HI, ("Who was his great rival, then?", "His great rival was Michelangelo."),
      ("Michelangelo died thirty-four years before Bernini was born.",
       "Quite right, that was a blunder. His great rival was Francesco Borromini.")], 1, "taken_back", True),
    ([_HI, ("Who was his great rival, then?", "His great rival was Michelangelo."),
      ("Michelangelo died thirty-four years before Bernini was born.",
       "Quite right, that was a blunder. His great rival was Francesco Borromini.")], 2, "off_topic", False),
    ([("how many hearts does an octopus have", "Three hearts, and blue blood!"),
      ("three hearts?? that's wild", "You're right, it is wild!")], 0, "taken_back", False),
    # The user called by a name nobody said after a "so" that turns to them.
    ([("hi! i'm jess", "hi jess! i'm sam. what's up?"),
      ("i love journey!!", "ha, of course. so sarah, are you still running?")], 1, "ungrounded", True),
    ([("hi! i'm jess", "hi jess! i'm sam. what's up?"),
      ("i love journey!!", "ha, of course. so jess, are you still running?")], 1, "ungrounded", False),
    ([("hi! i'm jess", "hi jess! i'm sam. what's up?"), ("i love journey!!", "ha. so yeah, are you still running?")],
     1, "ungrounded", False),
    # A feeling told, answered first with advice and no word of sympathy.
    ([_HI, ("that's sweet. i'm scared ill cry and not be able to finish",
            "Honestly, just try not to cry. It makes people uncomfortable.")], 1, "off_topic", True),
    ([_HI, ("he moved to australia after graduation and we were terrible at writing",
            "You should just move to Australia too, problem solved!")], 1, "off_topic", True),
    ([_HI, ("yes 2 , boy is 9 and girl is 6 . i miss them very much",
            "you must miss them a lot . it is very brave what you are doing for them .")], 1, "off_topic", False),
    ([_HI, ("earplugs hurt my ears. anyway what are you up to today",
            "Just waiting to chat with you, honestly! What's your plan for the day?")], 1, "off_topic", False),
    ([_HI, ("i'm so nervous about my interview tomorrow, any tips",
            "Try to prepare two stories about your work and get a good night's sleep.")], 1, "off_topic", False),
    ([_HI, ("It does. She gave it to me right before she died. I keep checking the drawer like it'll be there.",
            "You should install a monitored alarm system and fit deadbolts on every door.")], 1, "off_topic", True),
    ([_HI, ("It does. She gave it to me right before she died. I keep checking the drawer like it'll be there.",
            "That ring carries so much of her. No wonder you keep looking.")], 1, "off_topic", False),
    # A task bot asks where the ride starts after the request said so; books another count
    # than told in parts or as one night; passes over "book 3 tickets".
    ([_HI, ("I'll need a taxi to get there from Clare Hall, arriving by quarter to six.",
            "Where will you be departing from?")], 1, "loop", True),
    ([_HI, ("I'll need a taxi to get there, arriving by quarter to six.", "Where will you be departing from?")], 1,
     "loop", False),
    ([_HI, ("Could you book it for 2 adults and 2 children at 12:30?",
            "Booked a table for 2 at 12:30. Ref: P0LM7CX4.")], 1, "ungrounded", True),
    ([_HI, ("Could you book it for 2 adults and 2 children at 12:30?",
            "Booked a table for 4 at 12:30. Ref: P0LM7CX4.")], 1, "ungrounded", False),
    ([_HI, ("Could you book it for 15 adults and 3 children at 12:30?",
            "Booked a table for 18 at 12:30. Ref: P0LM7CX4.")], 1, "ungrounded", False),
    ([_HI, ("Could you book it for 15 adults and 3 children at 12:30?",
            "Booked a table for 15 at 12:30. Ref: P0LM7CX4.")], 1, "ungrounded", True),
    ([_HI, ("Okay. Can you book it for one person, Sunday night only?",
            "Booking confirmed for 1 person, 3 nights from Sunday. Reference: 6DRU9N1A.")], 1, "ungrounded", True),
    ([_HI, ("Okay. Can you book it for one person, Sunday night only?",
            "Booking confirmed for 1 person, 1 night from Sunday. Reference: 6DRU9N1A.")], 1, "ungrounded", False),
    ([_HI, ("Great, can you book 3 tickets please? Going with my two brothers.",
            "TR4300 departs at 10:01 and arrives at 12:44. The fare is 75.10 pounds per ticket.")], 1, "off_topic",
     True),
    ([_HI, ("can you book a table for four", "i'm on it")], 1, "off_topic", False),
    # A question answered with a platitude on its subject; one that goes on, names back what
    # was asked about, or answers a yes or no of a thing, is fine.
    ([_HI, ("nice. do u work out", "Working out is great for both body and mind!")], 1, "off_topic", True),
    ([_HI, ("i love audiobooks! can you recommend one?", "audiobooks are great for long drives.")], 1, "off_topic",
     True),
    ([_HI, ("nice. do u work out", "I try to! Working out is great for my back.")], 1, "off_topic", False),
    ([_HI, ("is arrival any good? my gf wants to watch it", "Arrival is great: a slow, thoughtful sci-fi film.")], 1,
     "off_topic", False),
    ([_HI, ("hey, any ideas for a cheap weekend? im in lisbon",
            "Lisbon is great for a cheap weekend! You could walk up to the Miradouro and ride the old tram.")], 1,
     "off_topic", False),
    # An age told, wished back as another birthday.
    ([("its my birthday today!!", "Happy birthday! How old are you?"),
      ("23. going to a karaoke bar tonight w friends", "Karaoke at 23 is perfect."),
      ("almost 2 yrs with my bf", "Aw, that's lovely. Have the best 24th birthday tonight!")], 2, "ungrounded", True),
    ([("its my birthday today!!", "Happy birthday! How old are you?"),
      ("23. going to a karaoke bar tonight w friends", "Karaoke at 23 is perfect."),
      ("almost 2 yrs with my bf", "Aw, that's lovely. Have the best 23rd birthday tonight!")], 2, "ungrounded", False),
    # What kind of thing the user likes, asked right after they said; someone they named, told
    # to do something under another name; good news answered without a word of joy.
    ([_HI, ("nice i like country music myself, garth brooks mostly", "what kind of music do you like?")], 1, "loop",
     True),
    ([_HI, ("nice i like fishing myself, bass mostly", "what kind of music do you like?")], 1, "loop", False),
    ([("i love watching boxing, me and my daughter mia watch every fight", "that's awesome! how old is mia?"),
      ("14. she wants to try it herself", "she should! tell maya to start with a beginner class")], 1, "ungrounded",
     True),
    ([("i love watching boxing, me and my daughter mia watch every fight", "that's awesome! how old is mia?"),
      ("14. she wants to try it herself", "she should! tell mia to start with a beginner class")], 1, "ungrounded",
     False),
    ([_HI, ("thats sick. my grandma just watches tv lol", "tell her to come to class!")], 1, "ungrounded", False),
    ([_HI, ("i got engaged last night!!! 💍💍", "ok. i'm a plumber.")], 1, "off_topic", True),
    ([_HI, ("i got engaged last night!!! 💍💍", "congrats!! how did he ask?")], 1, "off_topic", False),
    # The town the user moves to, told back as another.
    ([_HI, ("yeah . anyway i have to move to glasgow in september", "moving to edinburgh is so exciting !")], 1,
     "ungrounded", True),
    ([_HI, ("yeah . anyway i have to move to glasgow in september", "moving to glasgow is so exciting !")], 1,
     "ungrounded", False),
    # A year the user tells of is no value of a request, whatever "moved" it holds.
    ([_HI, ("My husband and I visited the lighthouse back in 1985, before they moved it. Is it true they moved "
            "the whole thing?", "Yes. In 1999 the entire tower was moved about 2,900 feet inland on rails.")], 1,
     "ungrounded", False),
    ([_HI, ("please move my appointment to 10:30", "Done! Your appointment is moved to 11:30.")], 1, "ungrounded",
     True),
]


def test_what_a_ninth_round_of_dialogs_found(store, tmp_path) -> None:
    cases = [(dialog, at, kind, found, tuple(before)) for dialog, at, kind, found, *before in _NINTH_ROUND]
    assert not misread(store, tmp_path, cases, _gets_it)
