"""Wording of a retail help chat and an energy supplier's chat, and of their customers, for the talk set.

Part of the talk set (tests/eval/talk_set.py), written apart from the error detectors and
from the two older labelled sets. Free-text chat only: deliveries, returns, meter
readings, opening hours and stock. Customers write in ordinary, mostly British, English;
some are brisk and type in lower case.
"""

from __future__ import annotations

from datetime import date, timedelta
from random import Random

from .talk_kit import Hard, Plan, Step, Style, Told, Voice

SHOP = ("hollins-help", ("retail-5.0", "retail-5.1", "retail-5.2"))
ENERGY = ("brightwell-assist", ("energy-1.8", "energy-1.9"))


def _day(d: date) -> str:
    return f"{d:%A} {d.day} {d:%B}"


def _swap_digits(rng: Random, number: str) -> str:
    """A plausible typo of a number: two neighbouring digits swapped (or one changed)."""
    i = rng.randrange(len(number) - 1)
    swapped = number[:i] + number[i + 1] + number[i] + number[i + 2:]
    if swapped != number:
        return swapped
    return number[:i] + str((int(number[i]) + 3) % 10) + number[i + 1:]


def _money(pounds: float) -> str:
    return f"{pounds:.2f}"


# --- where is my order ------------------------------------------------------------------

_ITEMS = ["grey fabric armchair", "set of five non-stick pans", "oak bookcase", "cordless stick vacuum",
          "king-size duvet", "garden bench", "bathroom mirror cabinet", "pair of blackout curtains",
          "ceramic table lamp", "memory foam mattress topper"]
_COURIERS = ["DPD", "Evri", "Royal Mail", "Parcelforce", "Yodel"]
_PROMISED = ["yesterday", "last Friday", "on Monday", "two days ago", "on Saturday"]


def _order_slots(rng: Random) -> dict[str, str]:
    order = str(rng.randint(3_000_000, 3_999_999))
    item, wrong_item = rng.sample(_ITEMS, 2)
    due = date(2026, 10, 5) + timedelta(days=rng.randint(0, 20))
    friday = due + timedelta(days=(4 - due.weekday()) % 7 or 7)
    fee, wrong_fee = rng.sample([3.95, 4.95, 5.99, 6.50, 7.95], 2)
    return {"order": order, "wrong_order": _swap_digits(rng, order), "item": item, "wrong_item": wrong_item,
            "courier": rng.choice(_COURIERS), "promised": rng.choice(_PROMISED), "due": _day(due),
            "fri": _day(friday), "sat": _day(friday + timedelta(days=1)), "sun": _day(friday + timedelta(days=2)),
            "fee": _money(fee), "wrong_fee": _money(wrong_fee)}


_ORDER_OPEN = Step(
    ask=[
        "Hi, my order {order} still hasn't arrived. It was supposed to come {promised}.",
        "where is my order?? number is {order}, it should have been here {promised}",
        "Hello, I'm chasing order {order}. Delivery was promised {promised} and nothing's turned up.",
        "Order {order} - not delivered. Was meant to be {promised}. What's going on?",
        "Good afternoon, could you tell me where order {order} is? It was due {promised}.",
    ],
    good=[
        "Sorry for the wait. Order {order} for the {item} was held up at our warehouse; it's now with {courier} and "
        "due on {due}. Would you like me to text you the tracking link?",
        "I'm sorry it hasn't arrived. I can see order {order} (the {item}). It left us late and is now with "
        "{courier}, with delivery expected on {due}. Shall I send you the tracking link?",
    ],
    wrong=[
        ("Sorry for the wait. Order {order} for the {wrong_item} is now with {courier} and due on {due}. Would you "
         "like the tracking link?",
         ["No, I ordered a {item}, not a {wrong_item}.", "That's not my order, it's a {item}."]),
        ("Sorry for the wait. Order {wrong_order} for the {item} is now with {courier} and due on {due}. Would you "
         "like the tracking link?",
         ["That's the wrong number, mine is {order}.", "My order number is {order}, not {wrong_order}."]),
    ],
    tells=[Told("order", asks=["Could you give me your order number, please?",
                               "What's the order number? It's seven digits and starts with a 3.",
                               "Can I take your order number so I can look into this?"],
                plain=["It's {order}.", "{order}"])],
    hards=[
        Hard("answer_no",
             ["No thanks, I don't need the link.", "No, that's fine, I'll wait for the text from the courier.",
              "no ta"],
             ["No problem. {courier} will message you on the morning of delivery with a one-hour time slot.",
              "That's fine. You'll get a text from {courier} on {due} with a time window."]),
    ],
)

_ORDER_ADDRESS = Step(
    ask=[
        "Can you change the delivery address to my work? It's Unit 4, Kelham Business Park, S3 8RY.",
        "Could it go to my office instead? 22 Market Street, Leeds LS1 6DT.",
        "Is it possible to send it to my mum's house instead? 9 Oakfield Road, B29 7HH.",
    ],
    good=[
        "I'm sorry, once a parcel is with the courier we can't change the address from our side. You can ask "
        "{courier} to leave it with a neighbour or in a safe place using the link in their text.",
        "Unfortunately the address can't be changed after dispatch. {courier}'s text lets you choose a neighbour, "
        "a safe place or a collection point instead.",
    ],
    hards=[
        Hard("disagree",
             ["I'm not sure that'll work, my neighbours are out all day too.",
              "Hmm, I don't really want it left outside, it's quite expensive."],
             ["In that case a collection point might be best: {courier} can hold it at a local shop for up to seven "
              "days, and you pick it up with the code from the text.",
              "Understood. You can also ask {courier} to rearrange for a day you're in, using the same link."]),
    ],
)

_ORDER_SATURDAY = Step(
    ask=[
        "Can I get it delivered on Saturday instead?",
        "Any chance it could come on the Saturday? I'm in then.",
        "could you move it to saturday please",
    ],
    good=[
        "Yes, I've asked {courier} to move the delivery to Saturday, {sat}. You'll get a new text confirming it.",
        "Done: delivery is now requested for {sat}. {courier} will confirm the time slot by text.",
    ],
    wrong=[("I've moved the delivery to {sun}. You'll get a new text confirming it.",
            ["I said Saturday, not Sunday. That's {sat}.", "No, Saturday please, {sat}."])],
    hards=[
        Hard("change_mind",
             ["Actually, make it Friday instead, I've just remembered I'm out on Saturday.",
              "Sorry, can we do Friday instead?", "Oh wait, Friday would be better actually."],
             ["No problem, I've changed it to {fri}. You'll get a text to confirm.",
              "Of course, it's now booked for {fri} instead."],
             slots={"sat": "{fri}"}),
    ],
)

_ORDER_TIME = Step(
    ask=[
        "What time will the driver come?",
        "Do you know roughly what time it'll arrive? I work shifts.",
        "Will it be morning or afternoon?",
    ],
    good=[
        "{courier} will text you on the morning of delivery with a one-hour window. Most deliveries are between "
        "7am and 7pm.",
        "I can't see an exact time yet, but {courier} sends a one-hour slot by text on the day, usually by 8am.",
    ],
    hards=[
        Hard("more_detail",
             ["What happens if I miss the one-hour slot?", "And what if I'm not in when they come exactly?"],
             ["If you're out, {courier} will try a neighbour or leave a card, then try again the next working day. "
              "After two failed attempts the parcel comes back to us and we'll contact you."]),
    ],
)

_ORDER_FEE = Step(
    ask=[
        "Can I have a refund for the delivery charge since it's late?",
        "Seeing as it's late, will you refund the £{fee} delivery?",
        "I'd like the delivery charge back please, it's not arrived when you said.",
    ],
    good=[
        "That's fair. I've refunded the £{fee} delivery charge to your original payment method; it should show within "
        "3 to 5 working days.",
        "Of course. I've refunded your £{fee} delivery charge. You'll see it back on your card within 3 to 5 working "
        "days.",
    ],
    wrong=[("I've refunded the £{wrong_fee} delivery charge to your original payment method.",
            ["The delivery charge was £{fee}, not £{wrong_fee}.", "It was £{fee} I paid for delivery."])],
    hards=[
        Hard("surprise",
             ["Oh really? I didn't expect that, thanks!", "Really? That was easy, I thought I'd have to argue."],
             ["Of course, it's only fair when we've missed the date. Sorry again for the delay.",
              "No argument needed! We missed the date, so the refund is on us."]),
    ],
)

_SHOP_CLOSE = Step(
    ask=["Great, thanks for your help.", "ok thanks", "Cheers, that's sorted then.", "Thank you, that's all.",
         "Brilliant, thanks very much.", "ok that's fine, bye"],
    good=["You're welcome! Have a lovely day.", "Glad I could help. Have a good rest of your day!",
          "Thanks for chatting with us. Take care!", "No problem at all. Bye for now!"],
    request=False,
)


def order(rng: Random) -> Plan:
    return Plan(SHOP, _order_slots(rng), [_ORDER_OPEN],
                [_ORDER_ADDRESS, _ORDER_SATURDAY, _ORDER_TIME, _ORDER_FEE], _SHOP_CLOSE)


# --- a return or an exchange ------------------------------------------------------------

_CLOTHES = [
    ("linen shirt", ["blue", "white", "sage green"], ["S", "M", "L", "XL"], [22.0, 28.0]),
    ("pair of ankle boots", ["black", "tan", "brown"], ["5", "6", "7", "8"], [49.99, 65.0]),
    ("wool jumper", ["navy", "cream", "burgundy"], ["M", "L", "XL"], [35.0, 42.5]),
    ("summer dress", ["yellow", "floral", "navy"], ["10", "12", "14"], [29.99, 39.0]),
    ("rain jacket", ["khaki", "black", "red"], ["M", "L", "XL"], [59.0, 75.0]),
    ("pair of chinos", ["beige", "olive", "grey"], ["30", "32", "34"], [25.0, 32.0]),
]
_REASONS = ["it's too small", "it's too big", "the colour isn't what I expected", "the stitching has come undone",
            "I changed my mind", "it arrived with a mark on it"]


def _return_slots(rng: Random) -> dict[str, str]:
    thing, colours, sizes, prices = rng.choice(_CLOTHES)
    colour, colour2, wrong_colour = rng.sample(colours, 3)
    size, size2, wrong_size = rng.sample(sizes, 3)
    price = rng.choice(prices)
    return {"thing": thing, "colour": colour, "colour2": colour2, "wrong_colour": wrong_colour, "size": size,
            "size2": size2, "wrong_size": wrong_size, "price": _money(price), "wrong_price": _money(price - 10),
            "reason": rng.choice(_REASONS), "days": str(rng.randint(3, 20))}


_RETURN_OPEN = Step(
    ask=[
        "Hi, I'd like to return a {colour} {thing} in size {size}. I bought it {days} days ago and {reason}.",
        "hello i need to send back a {thing}, the {colour} one size {size}, {reason}",
        "Hello, how do I return something? It's a {colour} {thing}, size {size}. {reason}.",
        "I want to return the {colour} {thing} (size {size}) I got {days} days ago because {reason}.",
    ],
    good=[
        "Of course, I can help with that. Just to confirm, that's the {colour} {thing} in size {size}?",
        "No problem. So it's the {colour} {thing}, size {size}, that you'd like to return. Is that right?",
    ],
    wrong=[
        ("Of course. Just to confirm, that's the {wrong_colour} {thing} in size {size}?",
         ["No, it's the {colour} one.", "No, {colour}, not {wrong_colour}."]),
        ("No problem. So it's the {colour} {thing} in size {wrong_size} you want to return?",
         ["No, size {size}.", "It's a size {size}, not {wrong_size}."]),
    ],
    tells=[Told("thing", asks=["Which item would you like to return?", "What is it you'd like to send back?"],
                plain=["The {colour} {thing}, size {size}.", "It's the {colour} {thing}."])],
    hards=[
        Hard("self_correct",
             ["Sorry, I meant the {colour2} one, not the {colour}.", "Oops, my mistake, it's the {colour2} {thing}.",
              "Sorry, typo, it's {colour2}."],
             ["No problem, I've noted the {colour2} {thing} in size {size} instead.",
              "Thanks for letting me know. So it's the {colour2} {thing}, size {size}."],
             slots={"colour": "{colour2}"},
             tells=[Told("thing", asks=["Which item would you like to return?"],
                         plain=["The {colour2} {thing}, size {size}."])]),
    ],
)

_RETURN_WINDOW = Step(
    ask=["How long do I have to send it back?", "Is there a time limit for returns?",
         "how many days have i got to return it"],
    good=["You have 30 days from the day you received it, so you're well within the time.",
          "Our returns window is 30 days from delivery, so there's no rush."],
    wrong=[("You have 14 days from the order date, so your time is almost up.",
            ["Your website says 30 days, not 14.", "I thought it was 30 days?"])],
    hards=[
        Hard("surprise",
             ["Oh really? 30 days? I thought it was only two weeks.", "Really? That's longer than I expected."],
             ["Yes, we moved to 30 days earlier this year, and it's 60 days over Christmas.",
              "It is! 30 days from delivery for almost everything we sell."]),
    ],
)

_RETURN_MONEY = Step(
    ask=["Will I get the full £{price} back?", "Do I get all my money back? It was £{price}.",
         "will the refund be the full amount"],
    good=["Yes, once we receive it you'll get the full £{price} back to your original payment method, usually within "
          "5 working days.",
          "You will. The full £{price} goes back to the card you paid with, normally within 5 working days of the "
          "return arriving."],
    wrong=[("Yes, you'll get £{wrong_price} back to your original payment method.",
            ["It cost £{price}, not £{wrong_price}.", "I paid £{price} for it though."])],
)

_RETURN_POST = Step(
    ask=["Do I have to pay for the return postage?", "Is the return free?", "Who pays the postage for returns?"],
    good=["Returns are free. We'll email you a QR code you can take to any Post Office counter or Hollins store.",
          "Returns are free of charge. Show the QR code from our email at a Post Office or any of our stores."],
    hards=[
        Hard("more_detail",
             ["What do you mean by the QR code, do I need a printer?", "How does the QR code thing work exactly?"],
             ["No printer needed. Show the QR code on your phone at the counter; they scan it, print the label and "
              "give you a receipt."]),
        Hard("disagree",
             ["I'm not sure that'll work, there's no Post Office near me.",
              "Hmm, I don't really have time to go to a counter."],
             ["In that case you can book a free courier collection from your door; I can send you the link.",
              "Then a home collection might suit you better. It's free, and the driver brings the label."]),
    ],
)

_RETURN_SWAP = Step(
    ask=["Could I swap it for a size {size2} instead of a refund?", "Can I exchange it for size {size2}?",
         "Actually is an exchange possible? I'd want a {size2}."],
    good=["Yes, size {size2} is in stock. I've set it up as an exchange, and the new one will be sent as soon as we "
          "receive your return.",
          "Good news, we have the {thing} in size {size2}. I've changed this to an exchange."],
    hards=[
        Hard("change_mind",
             ["Actually, I'll just take the refund instead.", "Hmm, on second thoughts, a refund please.",
              "Sorry, can we go back to a refund?"],
             ["No problem, I've changed it back to a refund of £{price}.",
              "Of course, it's a refund again. You'll get £{price} back once the item arrives."]),
    ],
)


def returns(rng: Random) -> Plan:
    return Plan(SHOP, _return_slots(rng), [_RETURN_OPEN],
                [_RETURN_WINDOW, _RETURN_MONEY, _RETURN_POST, _RETURN_SWAP], _SHOP_CLOSE)


# --- a meter reading --------------------------------------------------------------------


def _meter_slots(rng: Random) -> dict[str, str]:
    account = f"BW{rng.randint(10_000_000, 99_999_999)}"
    reading = f"{rng.randint(10_000, 89_999):05d}"
    bill = rng.randint(140, 390) + rng.choice([0.12, 0.46, 0.83, 0.07])
    today = date(2026, 10, 5) + timedelta(days=rng.randint(0, 20))
    return {"account": account, "wrong_account": "BW" + _swap_digits(rng, account[2:]),
            "reading": reading, "reading2": _swap_digits(rng, reading), "wrong_reading": _swap_digits(rng, reading),
            "today": _day(today), "bill": _money(bill), "wrong_bill": _money(bill + 100),
            "next_bill": _day(today + timedelta(days=rng.randint(8, 20))), "monthly": str(rng.randint(85, 160))}


_METER_OPEN = Step(
    ask=[
        "Hi, I'd like to submit a meter reading. My account number is {account}.",
        "meter reading please, account {account}",
        "Hello, I need to give you my meter reading. Account no. {account}.",
        "Good morning, account {account}, I want to send my readings.",
    ],
    good=["Thanks, I've found your account. Is this for electricity, gas, or both?",
          "Thank you. I've got your account up. Which meter is it for: electricity, gas or both?"],
    wrong=[("Thanks, I've found account {wrong_account}. Is this for electricity, gas, or both?",
            ["That's not my account number, it's {account}.", "No, the account is {account}."])],
    tells=[Told("account", asks=["Could I have your account number, please?",
                                 "What's your account number? It starts with BW."],
                plain=["{account}", "It's {account}."])],
)

_METER_READING = Step(
    answers=True,
    ask=["Just electricity. The reading is {reading}.", "Electric only, it says {reading}",
         "Electricity. {reading}.", "only electric, reading {reading}"],
    good=["Thank you. I've recorded an electricity reading of {reading} for today, {today}.",
          "Got it: electricity reading {reading}, dated {today}. Thanks for sending it in."],
    wrong=[("Thank you. I've recorded an electricity reading of {wrong_reading} for today, {today}.",
            ["No, the reading is {reading}.", "You've typed it wrong, it's {reading}."])],
    tells=[Told("reading", asks=["What's the reading on the meter?", "Could you tell me the numbers on the meter?"],
                plain=["{reading}", "It's {reading}."])],
    hards=[
        Hard("self_correct",
             ["Sorry, I typed it wrong, it's {reading2}.", "Oh wait, sorry, it's actually {reading2}, I misread it.",
              "sorry typo, {reading2}"],
             ["No problem, I've updated it to {reading2}.", "Thanks, I've changed the reading to {reading2}."],
             slots={"reading": "{reading2}"},
             tells=[Told("reading", asks=["What's the reading on the meter?"], plain=["{reading2}"])]),
    ],
)

_METER_HIGH = Step(
    ask=["Why was my last bill so high?", "My last bill was huge, can you tell me why?",
         "why is my bill so much more than usual"],
    good=["Your last bill, for £{bill}, was based on an estimated reading because we didn't receive one from you last "
          "quarter. Now that you've sent a real reading, your next bill will be corrected.",
          "I can see the last bill (£{bill}) used an estimate, not an actual reading. Today's reading will put that "
          "right on your next bill."],
    wrong=[("Your last bill, for £{wrong_bill}, was based on an estimated reading.",
            ["My last bill was £{bill}, not £{wrong_bill}.", "It was £{bill}, where did you get that from?"])],
    hards=[
        Hard("more_detail",
             ["What do you mean by an estimated reading?", "Could you explain what 'estimated' means here?",
              "ok thanks. so how do you estimate it exactly?"],
             ["It means we guessed your usage from your past bills and the time of year, because we had no reading. "
              "Estimates in winter often come out high, so real readings keep your bills accurate."]),
    ],
)

_METER_NEXT = Step(
    ask=["When will the corrected bill come?", "When's my next bill?", "and when do I get the new bill"],
    good=["Your next bill will be issued on {next_bill} and will use today's reading.",
          "The next bill is due on {next_bill}; it'll be based on the reading you've just given."],
    hards=[
        Hard("surprise",
             ["Really? That soon? I thought I'd have to wait till next quarter.",
              "Oh, that's quicker than I expected!"],
             ["Yes, sending a reading now means it's picked up straight away on {next_bill}.",
              "It is! Readings sent before the bill date are used automatically."]),
    ],
)

_METER_DD = Step(
    ask=["Can I switch to paying by monthly direct debit?", "Is it possible to pay monthly instead?",
         "Can I set up a direct debit?"],
    good=["Yes. Based on your usage, monthly payments would be about £{monthly}. Would you like me to set that up?",
          "You can. For your usage, a fixed monthly payment would be around £{monthly}. Shall I set it up for you?"],
    hards=[
        Hard("answer_no",
             ["No, not right now, I'll think about it.", "No thanks, not today.", "no I'll do it online later"],
             ["That's fine. You can set it up any time in the app under 'Payments'.",
              "No problem. If you change your mind, it only takes a couple of minutes in your online account."]),
        Hard("disagree",
             ["Hmm, I'm not sure, £{monthly} a month seems a lot.", "That seems high to me."],
             ["I understand. The amount spreads the whole year evenly, including winter, and we review it every six "
              "months, so if you use less it will come down.",
              "It's based on last year's usage, which included some estimates. With actual readings it may well "
              "come down at the next review."]),
    ],
)

_METER_SMART = Step(
    ask=["Do I need to give readings every month?", "How often should I send readings?",
         "Is there a way to not have to do this every time?"],
    good=["It isn't required, but a reading every month or so keeps your bills accurate rather than estimated. A smart "
          "meter sends them automatically. Would you like to book a free installation?",
          "Monthly is ideal but not compulsory. If you'd rather not bother, a free smart meter sends readings for "
          "you. Shall I check for an installation slot?"],
    hards=[
        Hard("answer_no",
             ["No thanks, I don't want a smart meter.", "No, I'm happy to send them myself."],
             ["That's absolutely fine. We'll send you a reminder email each month if that helps.",
              "No problem, it's entirely your choice. You can send readings in the app any time."]),
    ],
)

_ENERGY_CLOSE = Step(
    ask=["Thanks, that's everything.", "ok great thank you", "Lovely, thanks for your help.", "That's all, cheers."],
    good=["You're welcome. Thanks for sending your reading!", "Happy to help. Have a good day!",
          "Thanks for getting in touch with Brightwell. Take care."],
    request=False,
)


def meter(rng: Random) -> Plan:
    return Plan(ENERGY, _meter_slots(rng), [_METER_OPEN, _METER_READING],
                [_METER_HIGH, _METER_NEXT, _METER_DD, _METER_SMART], _ENERGY_CLOSE)


# --- opening hours and stock in a store -------------------------------------------------

_STORES = ["Leeds Kirkstall", "Bristol Cribbs Causeway", "Croydon Valley Park", "Glasgow Fort", "Cardiff Bay",
           "Nottingham Riverside", "Milton Keynes"]
_PRODUCTS = ["Aria cordless vacuum", "Sandringham oak dining table", "green velvet cushion", "Nordic white bed frame",
             "Luma floor lamp", "Harbour 3-seater sofa", "Pembroke coffee table"]
_NAMES = [("Katherine", "Kathryn"), ("Mohammed", "Muhammad"), ("Jon", "John"), ("Aisha", "Ayesha"),
          ("Sean", "Shaun"), ("Zoe", "Zoë"), ("Stephen", "Steven"), ("Leanne", "Lianne")]


def _store_slots(rng: Random) -> dict[str, str]:
    close, wrong_close = rng.sample(["8pm", "9pm", "6pm", "7pm", "5:30pm"], 2)
    name, name2 = rng.choice(_NAMES)
    return {"store": rng.choice(_STORES), "close": close, "wrong_close": wrong_close,
            "sunday": rng.choice(["10am to 4pm", "11am to 5pm"]), "product": rng.choice(_PRODUCTS),
            "stock": str(rng.randint(2, 9)), "name": name, "name2": name2, "wrong_name": rng.choice(_NAMES)[1]}


_STORE_OPEN = Step(
    ask=["Hi, what time does your {store} store close tonight?", "what time do you shut today, {store} branch",
         "Hello, is the {store} store open late tonight?", "When does {store} close today?"],
    good=["Our {store} store is open until {close} tonight.", "{store} closes at {close} today."],
    wrong=[("Our {store} store closes at {wrong_close} tonight.",
            ["Are you sure? The website says {close}.", "Google says {close} though."])],
    tells=[Told("store", asks=["Which store are you asking about?", "Which of our stores do you mean?"],
                plain=["{store}.", "The {store} one."])],
)

_STORE_SUNDAY = Step(
    ask=["And on Sunday?", "What about Sundays?", "is it open sunday"],
    good=["On Sundays it's open {sunday}.", "Sunday opening at {store} is {sunday}."],
    hards=[
        Hard("surprise",
             ["Oh really, only six hours? I didn't know that.", "Really? I thought you'd be open all day."],
             ["Yes, larger stores in England and Wales can only open for six hours on a Sunday, so it's {sunday}.",
              "That's right, Sunday trading rules limit big stores to six hours."]),
    ],
)

_STORE_STOCK = Step(
    ask=["Do you have the {product} in stock there?", "is the {product} in stock at {store}?",
         "Can you check if {store} has the {product}?"],
    good=["Yes, {store} has {stock} in stock at the moment.", "Good news: there are {stock} at {store} right now."],
    muddle=["Yes, the {product} is in stock at {store}, although we don't have any there at the moment.",
            "The {product} is available in {stock} stock for the store of today after it comes tomorrow."],
    tells=[Told("product", asks=["Which product are you looking for?", "What item would you like me to check?"],
                plain=["The {product}.", "{product}"])],
)

_STORE_RESERVE = Step(
    ask=["Can you reserve one for me to collect?", "Could you put one aside for me?", "can i reserve one"],
    good=["I can hold one for 48 hours. What name should I put it under?",
          "Yes, we can keep one for you for 48 hours. Which name shall I reserve it under?"],
)

_STORE_NAME = Step(
    answers=True,
    ask=["{name}, please.", "Under {name}.", "It's {name}", "{name} thanks"],
    good=["Done: one {product} reserved under the name {name} at {store}. Please bring your card or the confirmation "
          "email.",
          "All set. The {product} is reserved for {name} at {store} for 48 hours."],
    wrong=[("Done: one {product} reserved under the name {wrong_name} at {store}.",
            ["No, the name is {name}.", "It's {name}, not {wrong_name}."])],
    tells=[Told("name", asks=["What name should I put the reservation under?", "Could I take a name, please?"],
                plain=["{name}.", "It's {name}."])],
    hards=[
        Hard("change_mind",
             ["Actually, can you make that two?", "Actually, could you reserve two instead of one?"],
             ["Of course, I've changed it to two reserved under {name}.", "No problem, that's two now, for {name}."]),
        Hard("self_correct",
             ["Sorry, it's {name2}, I spelled it wrong.", "Oops, it's spelled {name2}, sorry."],
             ["No problem, I've changed the name to {name2}.", "Thanks, updated to {name2}."],
             slots={"name": "{name2}"},
             tells=[Told("name", asks=["What name should I put the reservation under?"], plain=["{name2}."])]),
    ],
)

_STORE_PARKING = Step(
    ask=["Is there parking at that store?", "Can I park there?", "Do you have a car park?"],
    good=["Yes, there's free customer parking for up to three hours right outside the entrance.",
          "There's a free car park at {store}, with a three-hour limit."],
)


def store(rng: Random) -> Plan:
    return Plan(SHOP, _store_slots(rng), [_STORE_OPEN],
                [_STORE_SUNDAY, _STORE_PARKING, [_STORE_STOCK, _STORE_RESERVE, _STORE_NAME]], _SHOP_CLOSE)


# --- how the help chats err and how their customers react -------------------------------


def _dress(rng: Random, text: str, opening: bool) -> str:
    """Lower case and dropped full stops from customers in a hurry; a greeting at the start now and then."""
    roll = rng.random()
    if roll < 0.2:
        return text.lower().rstrip(".")
    if roll < 0.28 and opening and not text.lower().startswith(("hi", "hello", "good")):
        return rng.choice(["Hi, ", "Hello, ", "hiya "]) + text[:1].lower() + text[1:]
    return text


VOICE = Voice(
    generic=["Thanks for getting in touch! We're always happy to help.", "I understand your concern.",
             "Great question!", "Thank you for your patience.", "We value your feedback.",
             "I appreciate you reaching out about this.", "Thanks for choosing us!", "I completely understand.",
             "Your satisfaction is our top priority."],
    ignored=["Is there anything else I can help you with today?",
             "Before you go, would you like to join our newsletter for 10% off your next order?",
             "Did you know you can manage everything in our app?",
             "Have you seen our latest offers? Up to 40% off selected lines this week.",
             "Could you rate this chat from 1 to 5?",
             "You can find answers to most questions in our Help Centre.",
             "Would you like to hear about our loyalty scheme?"],
    off_topic=["The Great Wall of China is over 21,000 kilometres long.",
               "Try taking three slow breaths and notice how your shoulders feel.",
               "Photosynthesis is how plants turn sunlight into energy.",
               "Here's a simple pancake recipe: mix flour, eggs and milk, then fry in a hot pan.",
               "The capital of Australia is Canberra.",
               "Tomorrow will be mostly cloudy with light rain in the afternoon.",
               "To solve 2x + 4 = 10, subtract 4 from both sides and divide by 2.",
               "It's completely normal to feel lonely after moving to a new city."],
    nonsense=["Your order has been delivered and is still waiting to be dispatched.",
              "Yes, that item is in stock, but we currently have none available anywhere.",
              "We are open 24 hours a day, between 9am and 5pm.",
              "Your refund has been processed and will be refunded once it has been refunded.",
              "The delivery is for the tomorrow of the address your parcel to be arrive.",
              "Your reading is higher than last time, which means you used less than nothing.",
              "Returns are free, and the free return costs £4.99 for the postage of free."],
    point_out={
        "any": ["That's not what I asked.", "That's wrong.", "That doesn't answer my question.",
                "No, that's not right.", "This isn't helpful. Can I speak to a real person?", "come on, that's not it"],
        "repeated": ["You just said that.", "you've already told me that", "Same answer as before?"],
        "off_topic": ["What? What's that got to do with my order?", "Eh? That's nothing to do with what I asked.",
                      "I think you've mixed me up with someone else."],
        "forgot": ["I already gave you that.", "I've told you that already!", "It's in my first message."],
        "ignored": ["You haven't answered my question.", "you didn't answer me"],
        "generic": ["Yes but what's the actual answer?", "That's not an answer."],
        "nonsense": ["That doesn't make any sense.", "That contradicts itself."],
        "wrong_fact": ["That's not right.", "No, that's wrong."],
    },
    clarify=["Sorry, what do you mean?", "I don't understand.", "So is it or isn't it?",
             "Can you explain that? It doesn't make sense to me.", "huh?", "I'm confused."],
    repeat=["{ask}", "Hello? {ask}", "Again: {ask_l}", "Hello?? {ask}", "As I said, {ask_l}"],
    remind=["I already told you. {plain}", "As I said, {plain_l}", "It's in my first message. {plain}"],
    sorry={
        "repeat": ["", "Sorry about that. ", "Apologies. "],
        "point_out": ["Sorry about that, you're right. ", "Apologies for the confusion. ", "My mistake, sorry. "],
        "correct": ["Sorry, you're right. ", "Thanks for correcting me. ", "Apologies, my error. "],
        "clarify": ["Sorry, let me put that more clearly. ", "Apologies, that wasn't clear. "],
        "remind": ["Sorry, you did. ", "Apologies, I missed that. "],
        "plain": ["Thanks. ", "Thank you. ", ""],
    },
    dress=_dress,
)

STYLE = Style("shop", [order, returns, meter, store], VOICE, (71, 160))
