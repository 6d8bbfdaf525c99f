"""Skyway Air: flight status, baggage, changes, refunds, seats, check-in."""

from __future__ import annotations

import string
from datetime import date, timedelta

from tests.eval.support_words.base import Domain, Intent, Tool

ROUTES = [("Denver", "Chicago"), ("Boston", "Miami"), ("Seattle", "San Diego"), ("Austin", "New York"),
          ("Atlanta", "Toronto"), ("Phoenix", "Portland"), ("Dallas", "Cancun"), ("Newark", "Orlando")]
STATUS = [("delayed", "on time"), ("cancelled", "on time"), ("on time", "delayed"), ("boarding", "cancelled")]


def slots(rng) -> dict:
    origin, dest = rng.choice(ROUTES)
    status, wrong = rng.choice(STATUS)
    day = date(2026, 11, 10) + timedelta(days=rng.randint(0, 40))
    hour = rng.randint(6, 21)
    return {
        "pnr": "".join(rng.choice(string.ascii_uppercase) for _ in range(6)), "flight": f"SK{rng.randint(100, 2999)}",
        "origin": origin, "dest": dest, "day": day.isoformat(), "dep": f"{hour:02d}:{rng.choice(['05', '20', '45'])}",
        "dep_wrong": f"{(hour + 2) % 24:02d}:10", "fl_status": status, "fl_status_wrong": wrong,
        "gate": f"{rng.choice('ABC')}{rng.randint(1, 40)}", "seat": f"{rng.randint(8, 34)}{rng.choice('ACDF')}",
        "refund": f"{rng.randint(120, 640)}.00", "new_day": (day + timedelta(days=rng.randint(1, 4))).isoformat(),
        "fare_diff": rng.choice([0, 35, 58, 90]),
    }


status = Intent(
    key="flight_status", tags=["flights"],
    asks=["Is {flight} on time?", "status of my flight tomorrow?", "flight {flight} {origin} to {dest} delayed?",
          "When does {flight} leave?", "whats going on with my flight, booking {pnr}"],
    rephrases=["Is my flight {flight} leaving at the scheduled time?", "I need to know if {flight} is delayed or "
               "not", "departure time for {flight} today?"],
    answer="Flight {flight} from {origin} to {dest} is {status}; departure {departure} from gate {gate}.",
    more="Boarding starts 40 minutes before departure and the gate closes 15 minutes before. You'll get a text if "
         "anything changes.",
    docs=[("sk-101", "Boarding begins 40 minutes before departure; gates close 15 minutes before."),
          ("sk-102", "Delays over 3 hours qualify for a meal voucher; cancellations for a free rebooking or "
                     "refund.")],
    unhelpful=["Skyway Air flies to over 90 destinations.", "You can download your boarding pass in the app."],
    followups=[("When does boarding start?", "40 minutes before departure; the gate closes 15 minutes before."),
               ("Will I get a text if it changes?", "Yes, if your phone number is on the booking.")],
    unsupported="{flight} is on time and every passenger gets free lounge access today.",
    tool=Tool(
        name="get_flight_status", args=lambda s: {"flight": s["flight"], "date": s["day"]},
        result=lambda s: {"flight": s["flight"], "status": s["fl_status"], "departure": s["dep"], "gate": s["gate"]},
        wrong="Flight {flight} is {fl_status_wrong}; departure {dep_wrong} from gate {gate}.",
        claim="Flight {flight} is {fl_status_wrong}, leaving at {dep_wrong}.",
        honest="I couldn't get the live status of {flight} (the flight data service failed). The departures "
               "board at skyway.example/status is updated every minute."),
)

baggage = Intent(
    key="baggage", tags=["baggage"],
    asks=["How much is a checked bag?", "baggage allowance for economy?", "can I bring 2 suitcases",
          "what's the weight limit for checked luggage", "do i have to pay for a carry on"],
    rephrases=["What does it cost to check a suitcase?", "How many kg can my bag be?",
               "I meant the price for checking luggage, not the carry-on"],
    answer="Your first checked bag is $35 and the second $45, each up to 23 kg (50 lb). A carry-on and a "
           "personal item are included.",
    more="Bags over 23 kg cost $100 more, up to 32 kg. Paying in the app before the airport saves $5 per bag.",
    docs=[("sk-201", "Checked bags: 1st $35, 2nd $45, max 23 kg/50 lb. Overweight (23-32 kg) $100."),
          ("sk-202", "One carry-on (10 kg) and one personal item are included on every fare.")],
    unhelpful=["Skyway Air's Plus fare includes priority boarding.", "You can choose your seat at booking."],
    followups=[("What if my bag is 25kg?", "Bags between 23 and 32 kg cost $100 extra."),
               ("Is it cheaper to pay online?", "Yes, $5 less per bag in the app or on the website.")],
    unsupported="Your first checked bag is free and can weigh up to 32 kg on all domestic flights.",
    stale_doc="Checked bags: 1st $30, 2nd $40 (fees from March 2024).",
    stale_answer="The first checked bag is $30 and the second $40.",
)

change = Intent(
    key="change_flight", tags=["changes"],
    asks=["Can I move my flight to {new_day}?", "change booking {pnr} to a later date",
          "I need to fly a day later, how do I change my flight", "reschedule my flight please",
          "move {pnr} to {new_day}, same time if possible"],
    rephrases=["I want to change the date of my trip on booking {pnr}", "Please put me on a flight on {new_day} "
               "instead", "how do i switch my flight to another day"],
    answer="Done: booking {pnr} is now on {new_date}. The fare difference is ${fare_difference}; there is no "
           "change fee.",
    more="Your seat was moved to the same row where possible; you'll get a new e-ticket by email within a few "
         "minutes.",
    docs=[("sk-301", "No change fees on Main and Plus fares; you pay the fare difference. Basic fares cannot be "
                     "changed."),
          ("sk-302", "Changes can be made up to 1 hour before departure.")],
    unhelpful=["Travel insurance can be added to any booking.", "Skyway miles never expire."],
    followups=[("Do I keep my seat?", "We keep the same seat where possible; otherwise a similar one."),
               ("What if the new flight is cheaper?", "The difference comes back as a travel credit.")],
    unsupported="Booking {pnr} is changed; the first change is free and you'll get a $50 voucher for the "
                "inconvenience.",
    tool=Tool(
        name="change_booking", args=lambda s: {"pnr": s["pnr"], "new_date": s["new_day"]},
        result=lambda s: {"pnr": s["pnr"], "new_date": s["new_day"], "fare_difference": s["fare_diff"],
                          "status": "confirmed"},
        wrong="Booking {pnr} is now on {day}, no fare difference to pay.",
        claim="All done! You're now flying on {new_day}.",
        honest="The change did not go through (the booking system returned an error), so you're still on your "
               "original flight. Please try Manage booking or ask me again in a few minutes."),
)

refund = Intent(
    key="refund", tags=["refunds"],
    asks=["My flight got cancelled, I want a refund", "refund for {pnr} please",
          "how long does a refund take", "can I get my money back for a cancelled flight",
          "Where is my refund? Flight was cancelled last week"],
    rephrases=["I'd like my money back for booking {pnr}", "Please return what I paid for the cancelled flight",
               "When will I see the refund on my card?"],
    answer="Your refund of ${amount} for booking {pnr} is {refund_status}; it reaches your card within 7 business "
           "days.",
    more="Refunds go back to the card used for booking. Seat and bag fees are refunded too.",
    docs=[("sk-401", "Cancelled flights: full refund to the original payment method within 7 business days."),
          ("sk-402", "Non-refundable fares get a travel credit when the passenger cancels.")],
    unhelpful=["You can book a new flight with your Skyway miles.", "Skyway Air offers travel insurance."],
    followups=[("Will the bag fee be refunded too?", "Yes, bag and seat fees are refunded with the fare."),
               ("Can I get a voucher instead?", "Yes, and it's worth 110% of the fare.")],
    unsupported="Refunds take 90 days and come as a travel voucher, not money.",
    tool=Tool(
        name="request_refund", args=lambda s: {"pnr": s["pnr"]},
        result=lambda s: {"pnr": s["pnr"], "amount": s["refund"], "refund_status": "approved"},
        wrong="Your refund for booking {pnr} was rejected because the fare is non-refundable.",
        claim="Your refund for {pnr} has been approved and is on its way.",
        honest="I couldn't submit the refund request (the refunds system is down). Nothing has been lost; please "
               "try again later or use the refund form at skyway.example/refunds."),
)

seat = Intent(
    key="seat", tags=["seats"],
    asks=["Can I change my seat?", "I want a window seat on {flight}", "move me to an aisle seat",
          "can I get seat {seat} instead", "seat selection for booking {pnr}"],
    rephrases=["I'd like to sit somewhere else on the plane", "is it possible to choose a different seat",
               "change seat on {pnr} pls"],
    answer="I've moved you to seat {seat} on {flight}. It's a standard seat, so there's no charge.",
    more="Extra legroom seats are $29-49 depending on the route. You can change seats again until check-in "
         "closes.",
    docs=[("sk-501", "Standard seat selection is free on Main and Plus fares; $15 on Basic. Extra legroom "
                     "$29-49."),
          ("sk-502", "Seats can be changed until check-in closes, 45 minutes before departure.")],
    unhelpful=["Skyway Air has Wi-Fi on all aircraft.", "Our cabin crew serve free snacks."],
    followups=[("Is it next to the window?", "Seats ending in A and F are windows."),
               ("Can I change again later?", "Yes, until check-in closes 45 minutes before departure.")],
    unsupported="Seat changes are free on all fares including Basic, and exit rows are always free.",
    tool=Tool(
        name="assign_seat", args=lambda s: {"pnr": s["pnr"], "flight": s["flight"], "seat": s["seat"]},
        result=lambda s: {"seat": s["seat"], "price": 0, "status": "assigned"},
        wrong="You're in seat {seat} now; a $49 fee has been charged to your card.",
        claim="Your new seat is {seat}, enjoy the flight!",
        honest="The seat change failed (the seat map didn't load), so you keep your current seat. Try Manage "
               "booking > Seats in a few minutes."),
    offer="Would you like to add a checked bag too?",
    declined="Sure, no bag added.",
)

checkin = Intent(
    key="checkin", tags=["check-in"],
    asks=["When can I check in?", "how early does online check-in open", "check in for {flight}",
          "Do I need to check in at the airport?", "how do I get my boarding pass"],
    rephrases=["What time does check-in start for my flight?", "when can I get my boarding pass online",
               "check in opens when??"],
    answer="Online check-in opens 24 hours before departure and closes 45 minutes before; your boarding pass is "
           "then in the app.",
    more="International flights need your passport details at check-in. Bag drop closes 45 minutes before "
         "departure too.",
    docs=[("sk-601", "Online check-in: from 24 hours to 45 minutes before departure."),
          ("sk-602", "International passengers enter passport details at check-in.")],
    unhelpful=["Skyway Air's app lets you track your bags.", "Airport lounges are open from 5 am."],
    followups=[("Can I print the boarding pass?", "Yes, or keep it in the app or your phone's wallet."),
               ("Do I need my passport for domestic flights?", "No, a government ID is enough domestically.")],
    unsupported="Check-in opens 72 hours before departure and stays open until 10 minutes before.",
    stale_doc="Online check-in: from 48 hours to 60 minutes before departure.",
    stale_answer="Online check-in opens 48 hours before and closes an hour before departure.",
)

DOMAIN = Domain(
    key="airline", company="Skyway Air",
    system="You are Skyway Air's virtual assistant. Use tools for flight status and bookings. Never confirm a "
           "change the booking system did not confirm.",
    search_name="search_policies",
    intents=[status, baggage, change, refund, seat, checkin],
    slots=slots,
    human_words=[
        ("What does the travel agent fee cover?", "Travel agents set their own fees; Skyway Air doesn't charge "
         "anything for bookings made through an agent."),
        ("Can another person pick up my bag at the arrival airport?", "Yes, with your bag tag and a signed note."),
        ("is there a discount for people over 65?", "We don't have a senior fare, but our sale fares are often "
         "cheaper."),
        ("My travel agent booked this, can I still change it online?", "Yes, most agent bookings can be changed in "
         "Manage booking with your booking code."),
        ("Is the gate agent allowed to make me check my carry-on?", "Yes, when the overhead bins are full; it's "
         "free in that case."),
        ("Can a person with a pacemaker go through security?", "Yes; tell the officer and you'll be screened by "
         "hand."),
        ("Does the crew include a human pilot at all times or is it autopilot?", "Two licensed pilots are always "
         "at the controls; autopilot only assists them."),
    ],
    complaints=["Your website crashed twice during checkout, very frustrating. ", "So annoyed, the app won't "
                "load my booking. ", "Terrible experience at the airport yesterday. "],
    handoff=["I'm transferring you to a Skyway Air agent; the wait is about 6 minutes.",
             "Okay, a member of our customer care team will take over this chat shortly.",
             "Sure. I've asked a colleague from reservations to join."],
    models=["gpt-4o-mini", "claude-3-5-haiku", "claude-3-5-haiku"],
    prompt_versions=["sky-va-11", "sky-va-12"],
    locales=["en-US", "es-MX", "fr-CA", "pt-BR"],
)
