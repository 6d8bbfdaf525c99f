"""CareWell Pharmacy: refills, order tracking, store hours, insurance, vaccines, side effects."""

from __future__ import annotations

from datetime import date, timedelta

from tests.eval.support_words.base import Domain, Intent, Tool

DRUGS = ["atorvastatin 20 mg", "lisinopril 10 mg", "metformin 500 mg", "levothyroxine 50 mcg", "sertraline 50 mg",
         "amlodipine 5 mg", "omeprazole 20 mg", "albuterol inhaler"]
ORDER = [("shipped", "processing"), ("delivered", "shipped"), ("on hold", "shipped"), ("cancelled", "shipped")]
CITIES = ["Springfield", "Riverside", "Franklin", "Greenville", "Madison", "Clinton", "Fairview"]


def slots(rng) -> dict:
    ready = date(2026, 11, 12) + timedelta(days=rng.randint(0, 30))
    status, wrong = rng.choice(ORDER)
    return {
        "rx": f"RX{rng.randint(1000000, 9999999)}", "drug": rng.choice(DRUGS), "ready": ready.isoformat(),
        "ready_wrong": (ready + timedelta(days=rng.choice([-1, 2]))).isoformat(),
        "order": f"{rng.randint(400000, 499999)}", "ord_status": status, "ord_status_wrong": wrong,
        "city": rng.choice(CITIES), "copay": f"{rng.choice([0, 5, 10, 15, 25])}.00",
        "refills_left": rng.randint(0, 5),
    }


refill = Intent(
    key="refill", tags=["prescriptions"],
    asks=["Refill my {drug} please", "can you refill {rx}", "I need a refill of my blood pressure meds",
          "running out of {drug}, refill for pickup in {city}", "pls refill my prescription"],
    rephrases=["I'd like to order more of my {drug}", "Please send my prescription {rx} for another refill",
               "can I get my meds renewed, {rx}"],
    answer="Your refill of {drug} ({rx}) is ordered and will be ready for pickup in {city} on {ready_date}. "
           "{refills_remaining} refills remain after this one.",
    more="You'll get a text when it's ready. Your insurance copay is shown at pickup; we hold prescriptions for "
         "10 days.",
    docs=[("cw-101", "Refills are usually ready within 1-2 days. Prescriptions are held for pickup for 10 days."),
          ("cw-102", "When no refills remain, we ask your prescriber for a renewal, which can take 2-3 business "
                     "days.")],
    unhelpful=["CareWell stores offer free blood pressure checks.", "Download the CareWell app to manage your "
               "family's prescriptions."],
    followups=[("Can someone else pick it up for me?", "Yes, with your date of birth and their ID."),
               ("Can you deliver it instead?", "Yes, home delivery is free for orders over $10.")],
    unsupported="Your refill is ready now and we'll waive the copay because it's your tenth refill.",
    tool=Tool(
        name="request_refill", args=lambda s: {"rx_number": s["rx"], "store": s["city"]},
        result=lambda s: {"rx_number": s["rx"], "ready_date": s["ready"], "refills_remaining": s["refills_left"]},
        wrong="Your refill of {drug} is ordered and will be ready on {ready_wrong}.",
        claim="Done! Your {drug} refill will be ready for pickup in {city} tomorrow.",
        honest="I couldn't place the refill (the pharmacy system returned an error), so nothing is ordered yet. "
               "Please try again shortly or call your CareWell store in {city}."),
    offer="Would you like a text when it's ready?",
    declined="Okay, no text then.",
)

order = Intent(
    key="order_status", tags=["orders"],
    asks=["Where is my order {order}?", "has my prescription delivery shipped", "track order {order}",
          "my meds haven't arrived yet", "status on order #{order}?"],
    rephrases=["When will order {order} get to me?", "I'm trying to find out where my delivery is",
               "{order} tracking?"],
    answer="Order {order} is {status}; {tracking}.",
    more="Deliveries need a signature for some medicines; if nobody is home, the courier leaves a card and tries "
         "again the next day.",
    docs=[("cw-201", "Home delivery takes 2-4 business days. Some medicines require a signature."),
          ("cw-202", "Orders on hold usually wait for insurance approval or a prescriber's answer.")],
    unhelpful=["CareWell delivers to all 50 states.", "You can reorder from your purchase history."],
    followups=[("Do I need to be home to sign?", "Only for some medicines; the tracking page says if a signature "
                "is needed."),
               ("Can I change the delivery address?", "Yes, until it ships, under Orders > Change address.")],
    unsupported="Order {order} will arrive tomorrow by drone before noon.",
    tool=Tool(
        name="get_order", args=lambda s: {"order_id": s["order"]},
        result=lambda s: {"order_id": s["order"], "status": s["ord_status"],
                          "tracking": "no tracking yet" if s["ord_status"] in ("on hold", "cancelled")
                          else "tracking number 1Z9" + s["order"]},
        wrong="Order {order} is {ord_status_wrong} and should arrive within 2 days.",
        claim="Order {order} has shipped and should arrive in 2-4 days.",
        honest="I can't see order {order} right now (the orders service timed out). Please check Orders in the "
               "app, or ask me again in a few minutes."),
)

hours = Intent(
    key="store_hours", tags=["stores"],
    asks=["What time does the {city} store close?", "is the pharmacy open sunday", "pharmacy hours {city}",
          "When does the pharmacy counter open tomorrow?"],
    rephrases=["Until when can I pick up prescriptions in {city} today?", "opening times of the {city} pharmacy?",
               "What are the hours of the pharmacy counter, not the store?"],
    answer="The CareWell pharmacy in {city} is open 8 am-9 pm Monday to Friday, 9 am-6 pm Saturday and 10 am-5 pm "
           "Sunday.",
    more="The store itself stays open until 10 pm; the pharmacy counter closes for lunch 1:30-2 pm.",
    docs=[("cw-301", "{city} pharmacy counter: Mon-Fri 8-21, Sat 9-18, Sun 10-17. Lunch break 13:30-14:00."),
          ("cw-302", "Holiday hours: closed on Thanksgiving and Christmas Day.")],
    unhelpful=["CareWell has more than 1,200 stores.", "Flu shots are available without an appointment."],
    followups=[("Do they close for lunch?", "Yes, the pharmacy counter closes 1:30-2 pm."),
               ("And on holidays?", "Closed on Thanksgiving and Christmas Day.")],
    unsupported="The {city} pharmacy is open 24 hours, every day of the year.",
    stale_doc="{city} pharmacy counter: Mon-Fri 9-19, Sat 9-17, closed Sunday.",
    stale_answer="The {city} pharmacy is open 9 am-7 pm on weekdays, 9 am-5 pm Saturday, and closed Sunday.",
)

insurance = Intent(
    key="insurance", tags=["insurance"],
    asks=["Do you take Blue Cross?", "is my insurance accepted", "do you accept medicare part d",
          "my insurance card changed, how do I update it"],
    rephrases=["Will CareWell bill my health insurance?", "Is my insurer in your network?",
               "I'm asking whether my plan covers prescriptions at CareWell"],
    answer="CareWell accepts most major plans, including Blue Cross, Aetna, Cigna, UnitedHealthcare and Medicare "
           "Part D. Add your card in the app under Profile > Insurance.",
    more="Your copay is set by your plan; we can check whether a cheaper generic or a 90-day supply lowers it.",
    docs=[("cw-401", "Accepted: Blue Cross Blue Shield, Aetna, Cigna, UnitedHealthcare, Humana, Medicare Part D."),
          ("cw-402", "Update insurance in the app: Profile > Insurance > Add card.")],
    unhelpful=["CareWell Rewards members earn points on every purchase.", "We offer free vaccinations."],
    followups=[("Can you check if a generic is cheaper?", "Yes, the pharmacist can check and switch it if your "
                "prescriber allows."),
               ("What about Medicaid?", "Medicaid is accepted in most states; your store can confirm.")],
    unsupported="CareWell accepts every insurance plan in the US and caps all copays at $5.",
    stale_doc="Accepted plans (2023): Aetna, Cigna, Humana. Blue Cross not in network.",
    stale_answer="We accept Aetna, Cigna and Humana; Blue Cross isn't in our network.",
)

vaccine = Intent(
    key="vaccine", tags=["vaccines"],
    asks=["Can I get a flu shot without an appointment?", "book a covid booster in {city}",
          "do you do shingles vaccines", "how much is a flu shot", "I want to get vaccinated this week"],
    rephrases=["Do I need to book for the flu vaccine?", "Can I just walk in for a vaccination?",
               "is it possible to get jabbed today"],
    answer="Yes, flu shots are walk-in at every CareWell pharmacy and are free with most insurance. COVID and "
           "shingles vaccines need an appointment in the app.",
    more="Bring your insurance card; without insurance a flu shot is $40. Children 3 and up can get a flu shot "
         "at the pharmacy.",
    docs=[("cw-501", "Flu shots: walk in, free with most insurance, $40 without. Ages 3+."),
          ("cw-502", "COVID and shingles vaccines: by appointment only.")],
    unhelpful=["CareWell offers free blood pressure checks.", "Our photo centre prints same day."],
    followups=[("Can my 5 year old get one too?", "Yes, we vaccinate children from age 3."),
               ("How much without insurance?", "$40 for a flu shot.")],
    unsupported="All vaccines are walk-in and free for everyone, insured or not.",
    stale_doc="Flu shots by appointment only; $35 without insurance.",
    stale_answer="You need an appointment for the flu shot; it's $35 without insurance.",
)

interaction = Intent(
    key="missed_dose", tags=["medicines"],
    asks=["I missed a dose of {drug}, what should I do?", "forgot my {drug} this morning, take it now?",
          "what if i skip a dose of {drug}", "Missed yesterday's pill ({drug}). Double up today?",
          "I was travelling and didn't take my {drug} for a day, is that bad?"],
    rephrases=["Should I take the {drug} I forgot or wait for the next one?", "What do I do when I forget to "
               "take my medicine?", "is it ok to take two pills to make up for the missed one"],
    answer="For {drug}, take a missed dose when you remember unless it's almost time for the next one; don't "
           "double up. Our pharmacists can check interactions with anything else you take.",
    more="Call your CareWell pharmacist any time (24/7 line) or your prescriber if you feel unwell.",
    docs=[("cw-601", "Missed dose: take it when remembered unless close to the next dose; never double."),
          ("cw-602", "Pharmacists answer medicine questions 24/7 at 1-800-555-0199.")],
    unhelpful=["CareWell carries thousands of over-the-counter products.", "Vitamins are 2 for 1 this week."],
    followups=[("Is the pharmacist line free?", "Yes, it's free and open 24/7."),
               ("should I tell my doctor?", "If you feel unwell or miss several doses, yes.")],
    unsupported="{drug} has no known interactions, and you can safely take a double dose if you missed one.",
    stale_doc="Missed dose: always take the next two doses together.",
    stale_answer="If you missed a dose, take two together next time.",
)

DOMAIN = Domain(
    key="pharmacy", company="CareWell Pharmacy",
    system="You are CareWell Pharmacy's assistant. Use tools for refills and orders; answer medicine questions "
           "only from the retrieved guidance and refer to a pharmacist.",
    search_name="search_guidance",
    intents=[refill, order, hours, insurance, vaccine, interaction],
    slots=slots,
    human_words=[
        ("Is this hand sanitizer safe for human use? It smells weird", "Yes, CareWell sanitizer is made for skin; "
         "the smell is the alcohol."),
        ("Can another person pick up my prescription?", "Yes, with your date of birth and their photo ID."),
        ("Is the pharmacist a real pharmacist or a technician?", "Every CareWell pharmacy has a licensed "
         "pharmacist on duty whenever the counter is open."),
        ("My care manager wants a list of my medications, how do I share it?", "Use Profile > Medications > "
         "Share, which makes a PDF you can send."),
        ("is the dog flea medicine ok around people", "Keep treated pets away from children until the product "
         "is dry; it's not for human use."),
        ("Does the store manager approve price matching?", "Price matching is done at the register for "
         "identical items; no approval needed."),
    ],
    complaints=["I waited 40 minutes at the counter yesterday, ridiculous. ", "Really frustrated with the app "
                "today. ", "the line at your store is always so long, ugh. "],
    handoff=["Sure, a CareWell pharmacist will join this chat shortly.",
             "I've asked a member of our pharmacy team to take over.",
             "Okay, transferring you to our care team. You can also call 1-800-555-0199."],
    models=["gpt-4o-mini", "gemini-1.5-flash"],
    prompt_versions=["cw-rx-5", "cw-rx-6"],
    locales=["en-US", "es-US"],
)
