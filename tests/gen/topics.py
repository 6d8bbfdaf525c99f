"""What the customers of a small online outdoor-gear shop ask its support bot, and what
the bot answers: the raw material of the generated bundles.

Every topic has questions, other ways of asking the same thing (rephrases), different
questions on the same topic (follow-ups that are not rephrases), a good answer, an answer
that misses the question, the tool the bot calls and the help-centre articles it finds.
Placeholders: ``{order}``, ``{item}``, ``{email}``, ``{day}``.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Topic:
    name: str
    asks: tuple[str, ...]
    rephrases: tuple[str, ...]
    follow_ups: tuple[str, ...]  # same topic, a new question
    follow_up_answers: tuple[str, ...]
    good: str
    miss: str
    tool: str
    arguments: dict
    result: dict
    claim: str  # an answer that says the tool's action worked
    articles: tuple[tuple[str, str], ...]


TOPICS: tuple[Topic, ...] = (
    Topic(
        "refund",
        asks=("How do I get a refund for order {order}?",
              "I'd like a refund for order {order}, the {item} arrived damaged.",
              "Can I get my money back for order {order}?"),
        rephrases=("I asked how to get a refund for order {order}, the {item} is damaged.",
                   "Let me rephrase: how do I get my money back for the damaged {item}, order {order}?",
                   "Refund for order {order} please. How do I get my money back?"),
        follow_ups=("How long until the money is back on my card?",
                    "Do I have to pay for the return shipping label?"),
        follow_up_answers=("Refunds reach your card 3 to 5 business days after we receive the parcel.",
                           "No: for damaged items the return label is free; it is in the email we sent."),
        good="I've opened a refund for order {order}. Print the free return label from the email we just "
             "sent to {email}; the money is back on your card 3-5 days after the parcel arrives.",
        miss="Our standard shipping takes 3 to 5 business days within the country.",
        tool="create_refund", arguments={"order_id": "{order}", "reason": "damaged"},
        result={"refund_id": "R-{order}", "status": "pending_return"},
        claim="Done! Your refund for order {order} has been issued and the money is on its way to your card.",
        articles=(("kb-112", "Refunds: damaged or faulty items are refunded in full once returned."),
                  ("kb-113", "Return labels are free for damaged items and sent by email.")),
    ),
    Topic(
        "tracking",
        asks=("Where is my order {order}? It was supposed to arrive on {day}.",
              "Can you track order {order} for me?",
              "My package for order {order} still hasn't arrived, where is it?"),
        rephrases=("Where is my package? Order {order}, it still hasn't arrived.",
                   "I mean where is order {order} right now, can you track the package?",
                   "Track order {order} please, where is my package?"),
        follow_ups=("Can I change the delivery address to my office?",
                    "Will the courier leave it with a neighbour if I'm out?"),
        follow_up_answers=("Yes, as long as the parcel hasn't left the depot: I've sent you a link to change it.",
                           "They try a neighbour first, then leave a card so you can pick it up."),
        good="Order {order} left our warehouse on Monday and is with the courier; tracking says it will be "
             "delivered on {day} before 6 pm.",
        miss="You can find our return policy in the Help Centre under Returns.",
        tool="track_order", arguments={"order_id": "{order}"},
        result={"carrier": "DPD", "status": "in_transit", "eta": "{day}"},
        claim="Good news: order {order} was delivered this morning and signed for at your address.",
        articles=(("kb-201", "Tracking: orders ship within 24 hours; tracking links are emailed."),
                  ("kb-202", "Late deliveries: contact us if a parcel is more than 3 days late.")),
    ),
    Topic(
        "password",
        asks=("I can't log in, how do I reset my password?",
              "How do I reset the password of my account {email}?",
              "The password reset email never arrives, what should I do?"),
        rephrases=("I still can't log in. How do I reset my password for {email}?",
                   "Password reset: how do I do it? I can't log in to my account.",
                   "In other words, I need to reset my password, how?"),
        follow_ups=("Can I turn on two-factor authentication too?",
                    "Does changing my password log me out on my phone?"),
        follow_up_answers=("Yes: Account > Security > Two-factor, with an authenticator app or SMS.",
                           "Yes, every other device is logged out when the password changes."),
        good="I've sent a reset link to {email}; it is valid for 30 minutes. If it isn't in your inbox, "
             "check the spam folder.",
        miss="You can update your newsletter preferences under Account > Notifications.",
        tool="send_password_reset", arguments={"email": "{email}"},
        result={"sent": True, "expires_in_minutes": 30},
        claim="I've sent a password reset link to {email}, it should arrive within a minute.",
        articles=(("kb-301", "Passwords: reset links are valid for 30 minutes."),
                  ("kb-302", "Missing emails: check spam, or add support@trailhead.example to contacts.")),
    ),
    Topic(
        "cancel",
        asks=("Please cancel order {order}, I ordered the wrong size.",
              "Can I still cancel order {order}?",
              "I want to cancel my order {order} for the {item}."),
        rephrases=("Cancel order {order} please, I ordered the wrong size of the {item}.",
                   "I asked if I can cancel order {order}, not return it.",
                   "Can you cancel order {order}? Wrong size."),
        follow_ups=("Will I be charged anything for cancelling?",
                    "Can I order the same {item} in the right size now?"),
        follow_up_answers=("No, cancelling before dispatch is free.",
                           "Yes, it is in stock in every size; your basket still has it."),
        good="Order {order} is cancelled; you'll see the refund on your card in 2-3 days.",
        miss="To return an item, print the label from your order page and drop the parcel at any post office.",
        tool="cancel_order", arguments={"order_id": "{order}"},
        result={"cancelled": True, "refund": "2-3 days"},
        claim="Order {order} is cancelled and you won't be charged.",
        articles=(("kb-401", "Cancelling: orders can be cancelled until they are dispatched."),
                  ("kb-402", "After dispatch, return the parcel instead for a refund.")),
    ),
    Topic(
        "sizing",
        asks=("Does the {item} run small? I'm usually a medium.",
              "What size of the {item} should I order if I'm 1.80 m tall?",
              "Is the {item} true to size?"),
        rephrases=("Is the {item} true to size or does it run small? I usually wear a medium.",
                   "What I'm asking is which size of the {item} fits someone who wears medium.",
                   "{item}: does it run small or is it true to size?"),
        follow_ups=("Is the {item} machine washable?",
                    "Does the {item} come in a women's cut?"),
        follow_up_answers=("Yes, at 30 °C on a gentle cycle; don't tumble dry it.",
                           "Yes, the women's cut is slightly shorter and narrower at the waist."),
        good="The {item} runs slightly small: most customers who wear a medium take a large.",
        miss="The {item} is available in three colours: black, forest green and ochre.",
        tool="get_product", arguments={"product": "{item}"},
        result={"product": "{item}", "fit": "runs small", "sizes": ["S", "M", "L", "XL"]},
        claim="I've reserved a large {item} for you, it's in your basket.",
        articles=(("kb-501", "Sizing: jackets from our Alpine line run about half a size small."),
                  ("kb-502", "Size charts are on every product page, under Details.")),
    ),
    Topic(
        "warranty",
        asks=("The zip of my {item} broke after two months, is that covered by the warranty?",
              "What does the warranty on the {item} cover?",
              "My {item} is falling apart after a few weeks, can I get it repaired under warranty?"),
        rephrases=("Is a broken zip on the {item} covered by the warranty? It broke after two months.",
                   "My question is whether the warranty covers the broken zip of my {item}.",
                   "Warranty: does it cover the {item} zip breaking after two months?"),
        follow_ups=("Do I need the receipt for a warranty claim?",
                    "How long does a warranty repair usually take?"),
        follow_up_answers=("Your order history is enough, no paper receipt needed.",
                           "About two weeks from when the item reaches our repair centre."),
        good="Yes: the {item} has a 2-year warranty on zips and seams. I've opened a claim and emailed "
             "you a free shipping label for the repair.",
        miss="Thanks for your feedback! We're always working to improve our products.",
        tool="open_warranty_claim", arguments={"order_id": "{order}", "part": "zip"},
        result={"claim_id": "W-{order}", "status": "label_sent"},
        claim="Your warranty claim is approved and a replacement {item} ships today.",
        articles=(("kb-601", "Warranty: 2 years on zips, seams and buckles, for normal use."),
                  ("kb-602", "Repairs take about two weeks at our repair centre.")),
    ),
    Topic(
        "discount",
        asks=("My discount code SPRING20 doesn't work at checkout, why?",
              "Why isn't the SPRING20 code applied to my basket?",
              "The promo code SPRING20 says invalid, can you help?"),
        rephrases=("Why does my discount code SPRING20 not work? It says invalid at checkout.",
                   "I meant the SPRING20 discount code, it doesn't work at checkout.",
                   "SPRING20 code invalid at checkout, why?"),
        follow_ups=("Can I combine two discount codes on one order?",
                    "Do discount codes work on sale items?"),
        follow_up_answers=("No, one code per order, but it applies on top of member prices.",
                           "Codes don't apply to items already on sale."),
        good="SPRING20 works on full-price items over 50 EUR; your basket holds only sale items, which "
             "is why it is refused.",
        miss="Our spring collection is now online, with new jackets and boots!",
        tool="check_coupon", arguments={"code": "SPRING20", "email": "{email}"},
        result={"valid": True, "reason": "excludes sale items", "minimum": 50},
        claim="I've applied SPRING20 to your basket: 20% off is now included in the total.",
        articles=(("kb-701", "Discount codes: one per order, not valid on sale items."),
                  ("kb-702", "SPRING20: 20% off full-price items over 50 EUR until 31 May.")),
    ),
    Topic(
        "stock",
        asks=("When will the {item} be back in stock in size L?",
              "Is the {item} available in size L anywhere?",
              "The {item} in L is sold out, will you restock it?"),
        rephrases=("Will the {item} in size L be back in stock, and when?",
                   "Let me try again: when do you restock the {item} in L?",
                   "{item} size L: back in stock when?"),
        follow_ups=("Can you notify me by email when it's back?",
                    "Do you have a similar jacket in stock in L?"),
        follow_up_answers=("Done: you'll get an email at {email} as soon as it is back.",
                           "The Ridge Shell is similar and in stock in L."),
        good="The {item} in L is expected back on {day}; I can email you when it arrives.",
        miss="The {item} is made from recycled polyester and is fully waterproof.",
        tool="check_inventory", arguments={"product": "{item}", "size": "L"},
        result={"in_stock": 0, "restock_date": "{day}"},
        claim="Good news, I found one {item} in L and reserved it for you.",
        articles=(("kb-801", "Restocks: most items are restocked within 4 weeks."),
                  ("kb-802", "Back-in-stock alerts can be set on every product page.")),
    ),
)

ITEMS = ("Alpine Shell jacket", "Ridge fleece", "Summit 40 backpack", "Trail Runner shoes",
         "Down Vest", "Canyon hiking pants", "Glacier gloves", "Storm rain jacket")
DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "12 December", "3 January")
NAMES = ("ana", "ben", "chloe", "dev", "emma", "farid", "grace", "hiro", "ines", "jon", "kemal", "lea",
         "mika", "noor", "omar", "paula", "quinn", "rosa", "sven", "tara", "uma", "viktor", "wen", "yusuf")

# The many ways people ask for a person.
ESCALATIONS = (
    "Can I talk to a real person please?",
    "I want to speak to a human.",
    "Get me a human agent, this isn't working.",
    "Transfer me to customer service.",
    "Is there a human I can talk to?",
    "Let me talk to your manager.",
    "Stop, I need a real person, not a bot.",
    "Can you connect me with someone from your support staff?",
    "I'd like to speak with an actual representative.",
    "Please escalate this to a supervisor.",
)
# Messages that mention a person without asking for one.
HUMAN_OTHER_SENSES = (
    "Is the bug spray in your shop safe for human skin?",
    "Can I get a human-readable copy of my invoice for my accountant?",
    "What is the address of your human resources department? I'd like to apply for a job.",
    "Are your down jackets made with humane down?",
    "Is the water filter good enough for human consumption of river water?",
    "Does the headlamp have a red light that doesn't disturb other people in the tent?",
)
FRUSTRATIONS = (
    "That's not what I asked.",
    "You're not listening. I gave you the order number already.",
    "This is useless, that doesn't answer my question.",
    "That's wrong, I never asked about that.",
    "Are you even reading my messages?",
    "No, that doesn't help at all.",
)
THANKS = ("Thanks, that's all!", "Perfect, thank you.", "Great, thanks a lot!", "ok thanks, bye",
          "Got it, thank you!", "That helps, cheers.")
NEW_TOPIC_OPENERS = ("Thanks! Also, ", "Great. Another question: ", "One more thing: ", "")
ADMITS_FAILURE = ("Sorry, I couldn't find anything about that. Could you give me more details?",
                  "I'm not able to help with that right now, please try again later.",
                  "Could you please provide your order number so I can look into it?")
MADE_UP = ("Yes, that is fully covered and we will send you a brand-new one free of charge.",
           "Our records show this was resolved on your account last week.",
           "That item is compatible with all of our products and always in stock.")
