"""Wording of the task dialogs of the chat evaluation set (``chat_set.py``): booking a table,
a hotel, a train or a taxi, finding an attraction, setting an alarm, checking the weather.

The bot asks for what it still needs (slots), then gives a result or books. Written for this
set only, apart from the error detectors and the other dialog set. ``|`` separates
phrasings; user lines are lower case, each dialog's voice decides the rest.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Slot:
    asks: tuple[str, ...]  # the bot's question
    answers: tuple[str, ...]  # how a user gives a value, {v}
    values: tuple[str, ...]  # as the bot writes them
    fixes: tuple[str, ...]  # how a user corrects a wrong echo, {right} {wrong}
    echo: tuple[str, ...] = ("Got it, {v}.", "{v}, great.", "Okay, {v}.", "Perfect, {v}.", "{v} it is.")
    any: tuple[str, ...] = ()  # "no preference" answers, for an optional slot


FIX_COUNT = (
    "no, {right} people not {wrong}",
    "its for {right}, not {wrong}",
    "i said {right} people",
    "{right} people, not {wrong}",
    "wrong number, we're {right}",
    "there's {right} of us not {wrong}",
)
FIX_DAY = (
    "no, i said {right}",
    "its {right} not {wrong}",
    "{right}, not {wrong}",
    "wrong day, i need {right}",
    "i said {right}!",
    "not {wrong}, {right}",
)
FIX_TIME = (
    "no, {right} not {wrong}",
    "i said {right}",
    "the time is wrong, its {right}",
    "{right} please, not {wrong}",
    "i asked for {right}",
)
FIX_PLACE = (
    "no, {right} not {wrong}",
    "i said {right}",
    "i asked about {right}",
    "{right}, not {wrong}",
    "wrong place, {right}",
    "not {wrong}! {right}",
)
FIX_KIND = ("i asked for {right}", "no, {right} not {wrong}", "i wanted {right}", "{right}, i said")
FIX_NIGHTS = ("{right} nights not {wrong}", "i said {right} nights", "no, {right} nights", "its {right} nights")

_DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_STATIONS = (
    "Cambridge",
    "London Kings Cross",
    "Norwich",
    "Ely",
    "Peterborough",
    "Stansted Airport",
    "Leicester",
    "Birmingham",
)

SLOTS = {
    "people": Slot(
        (
            "How many people will be joining?",
            "For how many guests?",
            "How many people is it for?",
            "How many in your party?",
        ),
        ("{v} people", "for {v}", "there will be {v} of us", "{v}", "{v} please", "just {v} of us", "we're {v}"),
        ("2", "3", "4", "5", "6", "7", "8"),
        FIX_COUNT,
        echo=("{v} people, got it.", "Okay, {v} people.", "Great, a party of {v}.", "{v} guests, noted."),
    ),
    "day": Slot(
        ("What day would you like?", "Which day is that for?", "For which day?", "What day works for you?"),
        ("{v}", "on {v}", "this {v}", "{v} please", "lets do {v}", "{v} if possible"),
        _DAYS,
        FIX_DAY,
        echo=("{v}, got it.", "Okay, {v}.", "Great, {v}.", "{v} it is."),
    ),
    "time": Slot(
        ("What time would you like?", "What time should I book it for?", "At what time?", "What time works best?"),
        ("{v}", "at {v}", "around {v}", "{v} would be great", "how about {v}", "{v} pls"),
        ("6pm", "6:30pm", "7pm", "7:30pm", "8pm", "8:15pm", "12:30pm", "1pm"),
        FIX_TIME,
    ),
    "food": Slot(
        ("What kind of food are you in the mood for?", "Any particular cuisine?", "What type of food would you like?"),
        ("{v} food", "something {v}", "{v} please", "im in the mood for {v}", "{v}"),
        ("Italian", "Indian", "Thai", "Mexican", "Chinese", "vegan", "seafood", "Korean"),
        FIX_KIND,
        any=("i dont mind", "anything is fine", "no preference", "no, surprise me", "nope, anything"),
    ),
    "area": Slot(
        ("Which part of town?", "Do you have an area in mind?", "Any preference on the area?"),
        ("in {v}", "{v} please", "somewhere in {v}", "{v}", "{v} would be best"),
        ("the city centre", "the north", "the south", "the east", "the west", "the old town", "the riverside"),
        FIX_PLACE,
        any=("no, anywhere", "no preference", "i dont mind", "nope, anywhere is fine"),
    ),
    "nights": Slot(
        ("How many nights will you stay?", "For how many nights?", "How long is the stay?"),
        ("{v} nights", "for {v} nights", "{v}", "{v} nights please", "just {v} nights"),
        ("2", "3", "4", "5", "7"),
        FIX_NIGHTS,
        echo=("{v} nights, got it.", "Okay, {v} nights.", "Great, {v} nights."),
    ),
    "from": Slot(
        ("Where will you be leaving from?", "What's your departure station?", "Where are you travelling from?"),
        ("from {v}", "{v}", "leaving from {v}", "im in {v}"),
        _STATIONS,
        FIX_PLACE,
        echo=("From {v}, got it.", "Okay, departing {v}.", "Great, from {v}."),
    ),
    "to": Slot(
        ("Where are you heading?", "What's your destination?", "Where would you like to go?"),
        ("to {v}", "{v}", "going to {v}", "i need to get to {v}"),
        _STATIONS,
        FIX_PLACE,
        echo=("To {v}, got it.", "Okay, going to {v}.", "Great, {v}."),
    ),
    "leave": Slot(
        ("What time do you want to leave after?", "When would you like to depart?", "Any preferred departure time?"),
        ("after {v}", "sometime after {v}", "{v}", "leave after {v}", "not before {v}"),
        ("7:00", "8:30", "9:15", "11:00", "13:45", "16:30", "18:00"),
        FIX_TIME,
        echo=("After {v}, got it.", "Okay, leaving after {v}."),
    ),
    "pickup": Slot(
        ("Where should the taxi pick you up?", "What's the pickup address?", "Where are you now?"),
        ("{v}", "from {v}", "pick me up at {v}", "im at {v}"),
        (
            "the train station",
            "the airport",
            "Luigi's Trattoria",
            "the Grand Hotel",
            "the city museum",
            "12 Mill Road",
            "the hospital",
            "the university library",
        ),
        FIX_PLACE,
        echo=("From {v}, got it.", "Okay, pickup at {v}."),
    ),
    "dropoff": Slot(
        ("Where are you going?", "What's your destination?", "Where to?"),
        ("to {v}", "{v}", "going to {v}", "take me to {v}"),
        (
            "the train station",
            "the airport",
            "the concert hall",
            "the Riverside Inn",
            "the shopping centre",
            "45 Park Lane",
            "the football stadium",
            "the old town square",
        ),
        FIX_PLACE,
        echo=("To {v}, got it.", "Okay, heading to {v}."),
    ),
    "when": Slot(
        ("What time do you need the taxi?", "When should it pick you up?", "What time do you want to leave?"),
        ("{v}", "at {v}", "{v} please", "around {v}", "for {v}"),
        ("6:15am", "7:45am", "9:30am", "12:00pm", "3:20pm", "5:45pm", "10:30pm"),
        FIX_TIME,
    ),
    "kind": Slot(
        (
            "What kind of place would you like to visit?",
            "Are you after a museum, a park, or something else?",
            "What type of attraction?",
        ),
        ("a {v}", "maybe a {v}", "{v}", "something like a {v}", "a {v} please"),
        ("museum", "park", "gallery", "theatre", "boat tour", "church"),
        FIX_KIND,
        any=("no preference", "anything fun", "i dont mind", "no idea, surprise me"),
    ),
    "city": Slot(
        ("Which city?", "For which city?", "Where are you?"),
        ("{v}", "in {v}", "for {v}", "im in {v}"),
        ("Boston", "Denver", "London", "Chicago", "Seattle", "Miami", "Paris", "Toronto"),
        FIX_PLACE,
    ),
    "when_day": Slot(
        ("For today or another day?", "Which day?", "When for?"),
        ("{v}", "for {v}", "{v} please"),
        ("today", "tomorrow", "Saturday", "Sunday", "Monday"),
        FIX_DAY,
    ),
    "alarm": Slot(
        ("What time should the alarm go off?", "What time do you want to wake up?", "For what time?"),
        ("{v}", "at {v}", "{v} please", "wake me at {v}", "set it for {v}"),
        ("5:30am", "6am", "6:15am", "6:45am", "7am", "7:20am", "8am"),
        FIX_TIME,
    ),
    "repeat": Slot(
        ("Should it repeat?", "Do you want it to repeat on some days?", "Just once, or every day?"),
        ("{v}", "{v} please", "make it {v}"),
        ("every weekday", "every day", "on weekends"),
        FIX_DAY,
        any=("no just once", "nope, just tomorrow", "no, once is fine", "no thanks"),
    ),
}


@dataclass(frozen=True)
class Domain:
    name: str
    slots: tuple[str, ...]  # asked in this order
    openers: tuple[tuple[str, tuple[str, ...]], ...]  # a request, and the slots it gives
    result: tuple[str, ...]  # the bot's offer (when it books) or its answer
    confirm: tuple[str, ...]  # the booking, once accepted (empty: nothing to book)
    sides: tuple[tuple[str, str], ...]  # questions a user asks on the side, and the answer
    remarks: tuple[tuple[str, str, str], ...]  # a fine remark, a user asking what it means, the explanation
    change: tuple[str, ...]  # slots a user may change once it is done
    about: str
    wow: tuple[str, ...] = ()  # surprised reactions to an unusual result (empty: none)


def _o(text: str, slots: str = "") -> tuple[str, tuple[str, ...]]:
    return text, tuple(slots.split()) if slots else ()


DOMAINS = {
    "restaurant": Domain(
        "restaurant",
        ("food", "area", "people", "day", "time"),
        (
            _o("can you book a table for {people} on {day}?", "people day"),
            _o("looking for a {food} place in {area}", "food area"),
            _o("i want to book a table"),
            _o("book me a table for {people} at {time} please", "people time"),
            _o("any good {food} restaurants around?", "food"),
            _o("i'd like to reserve dinner for {people} people on {day} at {time}", "people day time"),
            _o("i need a restaurant for {day} night", "day"),
            _o("can u find me a {food} restaurant", "food"),
        ),
        (
            "How about {name}? It's {a_food} place in {area}. Shall I book a table for {people} on {day} at {time}?",
            "I found {name}, {a_food} place in {area}. Want a table there for {people} people, {day} at {time}?",
        ),
        (
            "Done! Your table for {people} at {name} is booked for {day} at {time}. Your reference number is {ref}.",
            "Booked! {name}, {day} at {time}, {people} people. Reference: {ref}.",
        ),
        (
            (
                "do they have vegetarian options?|any veggie options there?",
                "Yes, {name} has several vegetarian dishes.",
            ),
            ("is there parking?|can i park there", "There's a public car park two minutes away."),
            ("what's the address?|where is it exactly", "It's at {addr}."),
            ("what's their phone number?|can i get their number", "Their number is {phone}."),
            ("is it expensive?|how pricey is it", "It's moderately priced, most mains are around £15."),
        ),
        (
            ("Note that they have a dress code.", "what do you mean dress code?", "Smart casual, so no sportswear."),
            (
                "They'll hold the table for 15 minutes.",
                "hold it how?",
                "If you're late, they keep your table free for 15 minutes before giving it away.",
            ),
        ),
        ("time", "people", "day"),
        "the booking",
    ),
    "hotel": Domain(
        "hotel",
        ("area", "day", "nights", "people"),
        (
            _o("i need a hotel for {nights} nights", "nights"),
            _o("can you find me a hotel in {area}?", "area"),
            _o("looking for somewhere to stay from {day}", "day"),
            _o("book a hotel for {people} people for {nights} nights from {day}", "people nights day"),
            _o("i need a place to stay"),
            _o("any hotels in {area} for {people} people?", "area people"),
        ),
        (
            "{name} in {area} has rooms free. Shall I book it for {people} people, {nights} nights from {day}?",
            "I'd suggest {name}, in {area}. Would you like me to book {nights} nights from {day} for {people} people?",
        ),
        (
            "Done! {name} is booked for {people} people, {nights} nights from {day}. Reference {ref}.",
            "Your stay at {name} is booked: {day}, {nights} nights, {people} guests. Reference: {ref}.",
        ),
        (
            ("is breakfast included?|do they do breakfast", "Yes, breakfast is included."),
            ("do they have parking?|is there parking", "Yes, free parking for guests."),
            ("what time is check in?|when can i check in", "Check-in is from 3pm."),
            ("is there wifi?|do they have wifi", "Yes, free wifi in all rooms."),
        ),
        (
            (
                "They have a flexible checkout policy.",
                "wdym flexible?",
                "You can check out at 1pm instead of 11am at no extra cost.",
            ),
            (
                "The rooms at the back are the quiet ones.",
                "what do u mean quiet ones?",
                "The front rooms face a busy street, so I'd ask for one at the back.",
            ),
        ),
        ("nights", "day"),
        "the hotel",
    ),
    "train": Domain(
        "train",
        ("from", "to", "day", "leave", "people"),
        (
            _o("i need a train from {from} to {to}", "from to"),
            _o("trains to {to} on {day}?", "to day"),
            _o("can you help me find a train", ""),
            _o("i want to go to {to} on {day} after {leave}", "to day leave"),
            _o("looking for a train from {from}", "from"),
        ),
        (
            "The {tid} leaves {from} at {dep} on {day} and arrives in {to} at {arr}. Shall I book {people} tickets?",
            "There's a train at {dep} from {from}, arriving in {to} at {arr} on {day}. Book it for {people} people?",
        ),
        (
            "Booked! {people} tickets on the {dep} from {from} to {to}, {day}. Total fare £{fare}, reference {ref}.",
            "Done: {people} seats on the {dep} to {to} on {day}. The fare is £{fare} and your reference is {ref}.",
        ),
        (
            ("how long is the journey?|how long does it take", "It takes {dur} minutes."),
            ("can i bring my bike?|are bikes allowed", "Yes, bikes are allowed outside rush hour."),
            ("which platform?|what platform does it leave from", "It usually leaves from platform {platform}."),
            ("is there food on board?|do they sell snacks on the train", "There's a trolley with snacks and drinks."),
        ),
        (
            ("It's a direct train.", "what do u mean direct?", "You don't need to change trains anywhere on the way."),
            (
                "It's an off-peak fare.",
                "what does off-peak mean?",
                "It's cheaper because it's outside the busiest hours.",
            ),
        ),
        ("people", "day"),
        "the train",
    ),
    "taxi": Domain(
        "taxi",
        ("pickup", "dropoff", "when"),
        (
            _o("i need a taxi to {dropoff}", "dropoff"),
            _o("can you get me a taxi from {pickup} at {when}?", "pickup when"),
            _o("book a cab please"),
            _o("taxi from {pickup} to {dropoff}", "pickup dropoff"),
        ),
        (
            "Your taxi is booked! A {car} will pick you up from {pickup} at {when} and take you to {dropoff}. "
            "The driver's number is {phone}.",
            "All set: a {car} is coming to {pickup} at {when}, going to {dropoff}. Contact number {phone}.",
        ),
        (),
        (
            ("how much will it cost?|whats the fare roughly", "It should be around £{fare}."),
            ("can i pay by card?|do they take cards", "Yes, all our drivers take card."),
            ("how long will the ride take?|how long to get there", "About {dur} minutes without traffic."),
        ),
        (
            (
                "The driver will wait up to five minutes.",
                "what do u mean wait?",
                "If you're not there at pickup time, they'll wait five minutes before leaving.",
            ),
            ("It's a fixed-price ride.", "fixed how?", "The price won't change even if there's traffic."),
        ),
        ("when",),
        "the taxi",
    ),
    "attraction": Domain(
        "attraction",
        ("kind", "area"),
        (
            _o("what's there to do in town?"),
            _o("can you recommend a {kind}?", "kind"),
            _o("any good {kind} in {area}?", "kind area"),
            _o("looking for something to see in {area}", "area"),
        ),
        (
            "{name} is a {kind} in {area}. Entrance is {fee}.",
            "You could try {name}, a {kind} in {area}. Entry is {fee}.",
        ),
        (),
        (
            ("what time does it open?|when does it open", "It opens at 10am and closes at 5pm."),
            ("what's the address?|where is it", "It's at {addr}."),
            ("is it good for kids?|is it ok for children", "Yes, there's plenty for kids to do."),
            ("how do i get there?|how do i get there by bus", "It's a ten-minute walk from the bus station."),
        ),
        (
            (
                "It's busiest on weekends.",
                "what do you mean busiest?",
                "Saturdays get long queues, so weekdays are calmer.",
            ),
        ),
        (),
        "the attraction",
        wow=("wait really? {fee}?", "{fee}?? wow", "hold on, {fee}? seriously?", "{fee}, are you sure?"),
    ),
    "weather": Domain(
        "weather",
        ("city", "when_day"),
        (
            _o("whats the weather like in {city}?", "city"),
            _o("weather for {when_day}?", "when_day"),
            _o("will it rain in {city} {when_day}?", "city when_day"),
            _o("whats the forecast", ""),
        ),
        (
            "{When_day} in {city}: {cond}, with a high of {hi} and a low of {lo}.",
            "The forecast for {city} {when_day}: {cond}, high {hi}, low {lo}.",
        ),
        (),
        (
            ("do i need an umbrella?|should i bring an umbrella", "{umbrella}"),
            ("will it be windy?|is it gonna be windy", "{wind}"),
            ("what about the day after?|and the next day?", "The next day looks {later} in {city}."),
        ),
        (
            (
                "It'll feel colder than it is.",
                "what do you mean colder?",
                "The wind chill will make it feel a few degrees lower.",
            ),
        ),
        (),
        "the weather",
        wow=("wait what? {cond}?", "{cond}? already??", "really? {cond}? in october?", "{cond}?? are you sure"),
    ),
    "alarm": Domain(
        "alarm",
        ("alarm", "repeat"),
        (
            _o("set an alarm for {alarm}", "alarm"),
            _o("wake me up at {alarm} {repeat}", "alarm repeat"),
            _o("i need an alarm", ""),
            _o("alarm {alarm} please", "alarm"),
        ),
        ("Done! Your alarm is set for {alarm}{repeat_text}.", "Alarm set: {alarm}{repeat_text}."),
        (),
        (
            (
                "will it ring if my phone is on silent?|does it work on silent",
                "Yes, alarms ring even when your phone is on silent.",
            ),
            ("can you make it louder?|make it loud pls", "I've set the alarm volume to maximum."),
            ("what other alarms do i have?|do i have other alarms", "You also have one at 9am on Sundays."),
        ),
        (
            (
                "I've set it with a gentle start.",
                "what does gentle start mean?",
                "It begins quietly and gets louder over a minute.",
            ),
        ),
        ("alarm",),
        "the alarm",
    ),
}

RESTAURANTS = {
    "Italian": ("Luigi's Trattoria", "Pasta Fresca"),
    "Indian": ("Spice Route", "The Tandoor House"),
    "Thai": ("Bangkok Garden", "Lotus Thai"),
    "Mexican": ("La Cantina", "Casa Verde"),
    "Chinese": ("Golden Dragon", "Jade Palace"),
    "vegan": ("Green Fork", "Roots Kitchen"),
    "seafood": ("The Oyster Shed", "Harbour Catch"),
    "Korean": ("Seoul Kitchen", "Kimchi House"),
}
HOTELS = (
    "The Riverside Inn",
    "Parkview Hotel",
    "Maple Lodge",
    "The Grand Station Hotel",
    "Harbour House",
    "Old Mill Guesthouse",
    "The Linden Hotel",
)
ATTRACTIONS = {
    "museum": (("the Fitzwilliam Museum", "free"), ("the Science Centre", "£12")),
    "park": (("the Botanic Garden", "£6"), ("Adventure Park", "£30")),
    "gallery": (("Castle Hill Gallery", "free"), ("the Kettle's Yard gallery", "free")),
    "theatre": (("the Old Town Theatre", "£18"), ("the Arts Playhouse", "£22")),
    "boat tour": (("Riverside Punting", "£25"), ("Scudamore's river tour", "£20")),
    "church": (("St Mary's Church", "free"), ("the Round Church", "£3")),
}
STREETS = ("Mill Road", "King Street", "Regent Street", "Trinity Lane", "Bridge Street", "Hills Road", "Market Square")
CARS = ("white Toyota", "black Skoda", "grey Tesla", "blue Ford", "red Volkswagen", "silver Honda")
# (condition, umbrella, unusual for October)
WEATHER = (
    ("sunny", "You won't need one.", False),
    ("partly cloudy", "Probably not.", False),
    ("light rain in the afternoon", "Yes, I'd bring one.", False),
    ("heavy rain", "Definitely, it'll pour.", False),
    ("overcast", "Probably not, but it's grey all day.", False),
    ("fog in the morning, then sun", "You won't need one.", False),
    ("snow showers", "An umbrella won't hurt, but a warm coat matters more.", True),
    ("a heat wave", "No, but bring sunscreen.", True),
)
WINDS = (
    "Just a light breeze.",
    "Yes, gusts up to 40 km/h.",
    "Not really, it's calm.",
    "A bit, especially by the water.",
)

ACCEPT = (
    "yes please",
    "sounds good, book it",
    "perfect, go ahead",
    "yes",
    "yep book it",
    "that works",
    "great, yes please",
    "sure",
    "yes do it",
    "ok book it",
)
DECLINE = (
    "no, anything else?",
    "hmm no, something else please",
    "no, is there another option?",
    "nah, what else is there",
    "no thanks, another one?",
)
BOT_ANOTHER = ("Sure!", "No problem, here's another option.", "Of course.", "Okay, let me look again.")
MORE = (
    "Is there anything else I can help with?",
    "Anything else?",
    "Can I help with anything else?",
    "Is there anything else you need?",
)
DONE_NO = (
    "no that's all, thanks",
    "no thanks",
    "nope, that's it",
    "no, thank you!",
    "nah im good",
    "no that's everything",
    "no, that's all i needed",
)
DONE_THANKS = (
    "great thanks!",
    "perfect, thank you",
    "awesome thanks so much",
    "thanks, bye",
    "cool thanks",
    "thank you!",
)
BOT_DONE = (
    "You're welcome! Have a great day.",
    "Happy to help, goodbye!",
    "Glad I could help. Take care!",
    "Enjoy, and have a nice day!",
    "My pleasure. Bye!",
)
CHANGE = (
    "actually can we make it {new}?",
    "hmm actually {new} would be better",
    "wait, can you change it to {new}?",
    "on second thought, {new} please",
    "sorry, change of plans, {new} instead",
    "can we do {new} instead?",
)
BOT_CHANGED = ("No problem!", "Sure, I've changed it.", "Of course, updated.", "Okay, changed.")
OWN_SLIP = (
    "sorry, i meant {new} not {old}",
    "wait no, {new}, my bad",
    "oh oops, i meant {new}",
    "ugh, {new} not {old}",
    "sorry, {new}*",
    "actually wait, i got that wrong, {new}",
)
BOT_OWN_SLIP = (
    "No problem, {new} then.",
    "Okay, {new} it is.",
    "No worries, changed to {new}.",
    "Got it, {new} instead.",
)
VOLUNTEER = ("oh and {a}", "{a} btw", "also {a}", "its {a}", "{a}")
JUST_BOOK = ("ok can you just book it", "fine, book it please", "ok so can you book it?", "just book it pls")
HELLO = ("", "", "", "hi, ", "hello, ", "hey, ", "hi there, ", "good morning, ")
GREET_TASK = ("Hello! How can I help you today?", "Hi there! What can I do for you?", "Hi! How can I help?")
CONFIRM_TASK = ("Yes, that's right.", "Yes, really.", "That's correct.", "Yes, I double-checked.")
