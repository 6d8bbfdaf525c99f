"""Kestrel Mobile: data left, bills, roaming, outages, SIM swaps, plan changes."""

from __future__ import annotations

from datetime import date, timedelta

from tests.eval.support_words.base import Domain, Intent, Tool, money, swap_digits

COUNTRIES = ["Mexico", "Canada", "France", "Japan", "Italy", "the UK", "Brazil", "Germany", "Thailand"]
PLANS = ["Essential 10GB", "Plus 30GB", "Unlimited Lite", "Unlimited Max"]


def slots(rng) -> dict:
    data_left = round(rng.uniform(0.3, 25), 1)
    bill = round(rng.uniform(25, 140), 2)
    due = date(2026, 11, 5) + timedelta(days=rng.randint(3, 30))
    return {
        "phone4": f"{rng.randint(1000, 9999)}", "data_left": f"{data_left}", "data_num": data_left,
        "data_wrong": swap_digits(f"{data_left + 3.0:.1f}") if data_left < 7 else f"{data_left - 5.0:.1f}",
        "bill": money(bill), "bill_num": bill, "bill_wrong": swap_digits(money(bill)), "due": due.isoformat(),
        "due_wrong": (due + timedelta(days=7)).isoformat(), "country": rng.choice(COUNTRIES),
        "zip": f"{rng.randint(10000, 99999)}", "plan": rng.choice(PLANS), "new_plan": rng.choice(PLANS),
        "eta_hours": rng.choice([2, 3, 4, 6]), "renew_day": rng.randint(1, 28),
    }


data = Intent(
    key="data_left", tags=["usage"],
    asks=["How much data do I have left?", "data remaining this month?", "how many gigs left on my plan",
          "Am I about to run out of data? I've been streaming a lot", "check my data usage pls",
          "how much data is left on the line ending {phone4}"],
    rephrases=["What's my remaining data allowance?", "How much of my data have I used up?",
               "I'm asking about mobile data, how much is still available?", "gb left??"],
    answer="You have {remaining_gb} GB of data left on the line ending {phone4}; it renews on day {renew_day} of "
           "the month.",
    more="Once it runs out you keep browsing at 128 kbps, or you can add 5 GB for $10 in the app.",
    docs=[("km-101", "Data renews on your billing day. After the allowance, speed is reduced to 128 kbps."),
          ("km-102", "Data add-ons: 5 GB for $10, valid until the end of the billing period.")],
    unhelpful=["Kestrel Mobile has the fastest 5G network in 40 states.",
               "You can change your plan at any time in the Kestrel app."],
    followups=[("What happens when it runs out?", "You keep browsing at 128 kbps, or add 5 GB for $10."),
               ("does hotspot count towards that?", "Yes, hotspot use comes out of the same data allowance.")],
    unsupported="Unused data rolls over for 3 months and you get 2 GB of bonus data every weekend.",
    tool=Tool(
        name="get_usage", args=lambda s: {"line": f"***{s['phone4']}", "period": "current"},
        result=lambda s: {"line": f"***{s['phone4']}", "remaining_gb": s["data_num"], "renews_day": s["renew_day"]},
        wrong="You have {data_wrong} GB of data left on the line ending {phone4}.",
        claim="You still have {data_wrong} GB left this month, plenty for streaming.",
        honest="I couldn't load your usage right now (the usage service timed out). The Kestrel app shows it on "
               "the home screen, or try me again shortly."),
)

bill = Intent(
    key="bill", tags=["billing"],
    asks=["How much is my bill this month?", "when is my payment due",
          "whats my current bill", "My bill looks higher than usual, what's the amount and the due date?"],
    rephrases=["What do I owe you this month?", "How much do I have to pay and by when?",
               "the amount of my latest invoice please", "total due on my account?"],
    answer="Your current bill is ${amount_due}, due on {due_date}.",
    more="It includes your plan, taxes and fees; any one-off charges (like international calls) are itemised "
         "under Billing > Details.",
    docs=[("km-201", "Bills are issued 21 days before the due date. AutoPay gives a $5 monthly discount."),
          ("km-202", "Late payments after the due date incur a $7 fee.")],
    unhelpful=["You can set up AutoPay in the app and save $5 a month.", "Paper bills cost $2 each."],
    followups=[("Can I pay it in two parts?", "Yes, any number of payments is fine as long as the total is in "
                "by the due date."),
               ("Does autopay give a discount?", "Yes, AutoPay takes $5 off every month.")],
    unsupported="Your bill includes a loyalty credit of $20 and payments are accepted up to 30 days late without "
                "a fee.",
    tool=Tool(
        name="get_bill", args=lambda s: {"account_line": f"***{s['phone4']}"},
        result=lambda s: {"amount_due": s["bill"], "due_date": s["due"], "status": "unpaid"},
        wrong="Your current bill is ${bill_wrong}, due on {due_wrong}.",
        claim="Your current bill is ${bill_wrong}, due on {due_wrong}.",
        honest="The billing system isn't answering at the moment, so I can't see the amount. You'll find it "
               "under Billing in the app."),
)

roaming = Intent(
    key="roaming", tags=["roaming"],
    asks=["Does my plan work in {country}?", "going to {country} next week, will my phone work there?",
          "how much is roaming in {country}", "Do I need to do anything before travelling to {country}?",
          "can i use data abroad"],
    rephrases=["Will I be charged for using my phone in {country}?", "what does it cost to use data overseas",
               "I mean roaming charges when I'm travelling, how much?"],
    answer="Yes: in {country} you get Kestrel Travel Pass at $10 a day, using your normal allowance. It starts "
           "automatically the first time you use your phone there.",
    more="You're only charged on days you use the phone. Turn off data roaming in your settings if you want to "
         "avoid it completely; wi-fi calling is free.",
    docs=[("km-301", "Travel Pass: $10 per day in 200+ destinations; your normal allowance applies. Charged only on "
                     "days you use your phone."),
          ("km-302", "Wi-Fi calling from abroad to US numbers is free.")],
    unhelpful=["Kestrel Mobile covers 99% of Americans with 5G.", "International calling from the US is $0.25 a "
               "minute."],
    followups=[("Are incoming calls charged too?", "Incoming calls count as use, so they start a $10 Travel Pass "
                "day."),
               ("Can I switch it off?", "Yes, turn off data roaming in your phone settings, or disable Travel Pass "
                "under Plan > Add-ons.")],
    unsupported="Roaming in {country} is included free in every plan with 20 GB of high-speed data.",
    stale_doc="Travel Pass: $5 per day (pricing for 2024).",
    stale_answer="In {country} you can use Travel Pass for $5 a day.",
)

outage = Intent(
    key="outage", tags=["network"],
    asks=["No signal since this morning, is there an outage in {zip}?", "internet not working",
          "is the network down near {zip}", "calls keep dropping, what's going on?", "no service at all at home"],
    rephrases=["Is there a problem with your network in my area ({zip})?", "why can't I connect to anything",
               "my phone says no service, is Kestrel down?"],
    answer="Yes, there's a network outage affecting {zip}; engineers are on it and service should be back within "
           "about {eta_hours} hours.",
    more="You can use wi-fi calling meanwhile. If the outage lasts more than 24 hours you get a bill credit "
         "automatically.",
    docs=[("km-401", "Outages lasting more than 24 hours are credited automatically on the next bill."),
          ("km-402", "If there's no outage, restart the phone and reset network settings.")],
    unhelpful=["Make sure your phone software is up to date.", "Kestrel's network reaches 99% of Americans."],
    followups=[("Will I get money back for this?", "If it lasts more than 24 hours, a credit is added to your next "
                "bill automatically."),
               ("Can I still make calls over wifi?", "Yes, wi-fi calling works normally during the outage.")],
    unsupported="There's an outage in {zip}; everyone affected gets a free month of service.",
    tool=Tool(
        name="check_outage", args=lambda s: {"zip": s["zip"]},
        result=lambda s: {"zip": s["zip"], "outage": True, "estimated_fix_hours": s["eta_hours"]},
        wrong="There is no known outage in {zip}; please restart your phone.",
        claim="There's no outage in {zip} right now, so it should be working - try restarting your phone.",
        honest="I couldn't check the network status just now (the status service failed). Please see "
               "kestrel.example/status or try again in a few minutes."),
)

sim = Intent(
    key="esim", tags=["device"],
    asks=["How do I switch to an eSIM?", "can i move my number to esim", "new iphone, how do i transfer my sim",
          "Set up eSIM on my new phone please", "Does my phone support eSIM?"],
    rephrases=["What are the steps to activate an eSIM?", "How do I get my line onto my new phone without the "
               "plastic SIM?", "converting physical sim to esim how"],
    answer="In the Kestrel app go to Line > SIM > Switch to eSIM, then scan the QR code on your new phone. Your old "
           "SIM stops working when the eSIM activates.",
    more="Keep wi-fi on during the switch; it usually takes under 10 minutes. iPhone XS and newer and most Pixel "
         "and Galaxy phones since 2020 support eSIM.",
    docs=[("km-501", "eSIM switch: app > Line > SIM > Switch to eSIM; scan the QR code. The physical SIM is "
                     "deactivated on activation."),
          ("km-502", "eSIM is supported on iPhone XS and later, Pixel 3 and later, Galaxy S20 and later.")],
    unhelpful=["You can order a free replacement SIM card in the app.", "Our stores are open every day."],
    followups=[("Can I keep both SIMs working?", "No, the physical SIM is deactivated when the eSIM activates."),
               ("Does it cost anything?", "No, switching to eSIM is free.")],
    unsupported="eSIM activation costs $15 and requires a visit to a Kestrel store with two forms of ID.",
    stale_doc="eSIM is available only on iPhone models from 2022 onwards.",
    stale_answer="eSIM works only on iPhones from 2022 onwards, so most Android phones can't use it.",
)

plan = Intent(
    key="change_plan", tags=["plans"],
    asks=["I want to switch to {new_plan}", "change my plan to {new_plan} please", "can I downgrade my plan",
          "Move me to the {new_plan} plan from next month", "i want a different plan: {new_plan}"],
    rephrases=["Please change my subscription to {new_plan}", "I'd like a different plan: {new_plan}",
               "switch plans -> {new_plan}"],
    answer="Done: your line moves to {plan_name} from your next billing day, {effective}.",
    more="Until then you keep your current plan; the new price shows on the next bill. You can undo the change "
         "until the day before.",
    docs=[("km-601", "Plan changes take effect on the next billing day and can be undone until the day before."),
          ("km-602", "Downgrades keep any unused add-ons until they expire.")],
    unhelpful=["Check out our family plans: save up to 30% with 4 lines.", "You can compare plans at "
               "kestrel.example/plans."],
    followups=[("Will I lose my unused data?", "Unused data doesn't carry over when the plan changes."),
               ("Can I change it back later?", "Yes, you can change plans any time; it applies from the next "
                "billing day.")],
    unsupported="Your plan changes immediately and you'll get a prorated refund for the rest of this month.",
    tool=Tool(
        name="change_plan", args=lambda s: {"line": f"***{s['phone4']}", "plan": s["new_plan"]},
        result=lambda s: {"plan_name": s["new_plan"], "effective": f"2026-12-{s['renew_day']:02d}",
                          "status": "pending"},
        wrong="Your plan is now {new_plan}, effective immediately.",
        claim="All set, you're on {new_plan} now!",
        honest="Something went wrong on our side and your plan was NOT changed. Please try again later or change "
               "it in the app under Plan."),
    offer="Would you like me to add a 5 GB data add-on for the rest of this month?",
    declined="Okay, no add-on then.",
)

DOMAIN = Domain(
    key="telecom", company="Kestrel Mobile",
    system="You are Kestrel Mobile's assistant. Use tools for usage, bills, outages and plan changes. Never "
           "confirm a change a tool did not make.",
    search_name="kb_search",
    intents=[data, bill, roaming, outage, sim, plan],
    slots=slots,
    human_words=[
        ("Is the radiation from 5G towers safe for humans?",
         "Our network meets all FCC exposure limits, which are set well below levels known to affect people."),
        ("Can I add another person to my plan?", "Yes, add a line in the app under Plan > Add a line; each extra "
         "line is $25 a month."),
        ("Does the operator charge for calls to 800 numbers?", "No, toll-free calls are free from Kestrel lines."),
        ("My manager wants me on the company plan, can I keep my number?",
         "Yes, you can transfer your number to a business account; ask your company's admin to request it."),
        ("Will a store agent be able to unlock my phone for travel?",
         "Phones paid off in full can be unlocked in the app under Device > Unlock, no store visit needed."),
        ("can a representative from another carrier port my number out",
         "Yes, your new carrier requests the port; you'll need your account number and port-out PIN."),
    ],
    complaints=["I've had terrible signal all week, really annoying. ", "This is ridiculous, my calls drop "
                "every evening. ", "your coverage at my place is awful. ", "so tired of this slow internet. "],
    handoff=["Sure, I'm transferring you to a Kestrel specialist; expect a reply in a few minutes.",
             "Okay, connecting you with our care team now.",
             "I've asked a member of our team to take over this chat."],
    models=["gemini-1.5-flash", "gpt-4o-mini"],
    prompt_versions=["km-care-3", "km-care-4"],
    locales=["en-US", "en-US", "es-US"],
)
