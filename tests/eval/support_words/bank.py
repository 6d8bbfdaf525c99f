"""Harbor Bank: balances, lost cards, transfers, wire fees, overdrafts, statements."""

from __future__ import annotations

from datetime import date, timedelta

from tests.eval.support_words.base import Domain, Intent, Tool, money, swap_digits

PAYEES = ["Dana Whitfield", "Oakridge Property Mgmt", "Luis Ortega", "City Water Utility", "Priya Raman",
          "Greenline Auto Loans", "Marta Kowalski", "Sunset Daycare", "Tom Becker", "Kaito Mori"]


def slots(rng) -> dict:
    balance = round(rng.uniform(40, 9000), 2)
    amount = rng.choice([25, 40, 60, 75, 120, 150, 200, 250, 300, 480, 500, 750, 1200])
    when = date(2026, 11, 1) + timedelta(days=rng.randint(0, 40))
    return {
        "last4": f"{rng.randint(1000, 9999)}", "card4": f"{rng.randint(1000, 9999)}",
        "balance": money(balance), "balance_num": balance, "balance_wrong": swap_digits(money(balance)),
        "pending": money(round(rng.uniform(5, 180), 2)),
        "amount": str(amount), "payee": rng.choice(PAYEES), "transfer_date": when.isoformat(),
        "transfer_date_wrong": (when + timedelta(days=rng.choice([-1, 2, 3]))).isoformat(),
        "ref": f"TR-{rng.randint(100000, 999999)}", "replace_days": rng.choice([5, 7]),
        "month": rng.choice(["September", "October", "August", "July"]),
    }


balance = Intent(
    key="balance", tags=["accounts"],
    asks=["What's my balance?", "how much money do i have in checking", "Can you tell me the balance on my account "
          "ending {last4}?", "balance pls", "I need to know how much is in my checking account before rent goes "
          "out tomorrow", "Whats the available balance on {last4}", "Check my account balance"],
    rephrases=["How much is available in my checking right now?", "what funds do I currently have",
               "I'm asking how much money is in the account ending {last4}", "Show me what's left in my account",
               "I just need the number, how much can I spend today?"],
    answer="Your checking account ending {last4} has ${balance} available as of today.",
    more="That figure already takes off card payments still pending (${pending} at the moment); "
         "deposits made after 8 pm show the next business day.",
    docs=[("hb-101", "Available balance is your current balance minus pending card payments and holds. "
                     "Deposits made after 8 pm ET are credited the next business day."),
          ("hb-102", "You can see balances in the app under Accounts, or get them by text: Settings > Alerts.")],
    unhelpful=["You can see all your accounts in the Harbor Bank app under Accounts.",
               "Our branches are open Monday to Friday, 9 am to 5 pm, and Saturday until noon."],
    followups=[("Does that include pending card payments?",
                "Yes: pending card payments (${pending} right now) are already taken off the available balance."),
               ("Can I get my balance by text every morning?",
                "Yes. In the app go to Settings > Alerts and turn on the daily balance text.")],
    unsupported="Your balance is updated every 15 minutes and deposits before midnight always count the same day.",
    tool=Tool(
        name="get_account_balance", args=lambda s: {"account": f"****{s['last4']}"},
        result=lambda s: {"account": f"****{s['last4']}", "available": s["balance_num"], "currency": "USD"},
        wrong="Your checking account ending {last4} has ${balance_wrong} available.",
        claim="Your checking account ending {last4} has ${balance_wrong} available right now.",
        honest="I couldn't reach the accounts system just now, so I can't see your balance. The app shows it "
               "under Accounts, or try me again in a few minutes."),
)

card = Intent(
    key="lost_card", tags=["cards"],
    asks=["I lost my card, can you block it?", "my wallet got stolen, freeze my debit card please",
          "Please freeze card ending {card4} ASAP", "cant find my card anywhere what do i do",
          "Someone may have my credit card details. Lock the card ending {card4} right now.",
          "left my card at a bar last night, can you stop it"],
    rephrases=["I need my card blocked so nobody can use it", "Can you stop all payments on my card ending {card4}?",
               "put a hold on my debit card, it's missing", "I'm asking you to deactivate my card, it's gone"],
    answer="Done: your card ending {card4} is frozen, so no new payments will go through. A replacement is on its "
           "way and should arrive in {replacement_eta_days} business days.",
    more="Payments already authorised before the freeze may still post; if you see one you don't recognise, you can "
         "dispute it in the app under the transaction. Recurring payments need the new card number.",
    docs=[("hb-201", "Freezing a card stops new purchases and withdrawals. Replacement cards arrive in 5-7 business "
                     "days; express delivery in 2 days costs $15."),
          ("hb-202", "Report a stolen card 24/7 at 1-800-555-0142. You are not liable for unauthorised purchases "
                     "reported promptly.")],
    unhelpful=["Harbor Bank cards can be used worldwide wherever Visa is accepted.",
               "You can order a new card design in the app under Cards > Personalise."],
    followups=[("Will my Netflix payment fail now?",
                "Recurring payments on the frozen card will be declined; update them with the new card number once "
                "it arrives."),
               ("Can I get the new card faster?",
                "Yes, express delivery takes 2 business days and costs $15; say the word and I'll switch it.")],
    unsupported="Your card is frozen and a replacement will arrive tomorrow by courier, free of charge.",
    tool=Tool(
        name="freeze_card", args=lambda s: {"card": f"****{s['card4']}", "reason": "lost"},
        result=lambda s: {"card": f"****{s['card4']}", "status": "frozen", "replacement_eta_days": s["replace_days"]},
        wrong="Your card ending {card4} is frozen and a replacement will arrive in 1-2 business days.",
        claim="Done - your card ending {card4} is frozen, nobody can use it now.",
        honest="I tried to freeze the card ending {card4} but the card system didn't answer, so it is NOT frozen yet. "
               "Please freeze it in the app under Cards or call 1-800-555-0142, open 24/7."),
    offer="Would you like express delivery for the new card ($15, 2 days)?",
    declined="No problem, standard delivery it is.",
)

transfer = Intent(
    key="transfer", tags=["payments"],
    asks=["Send ${amount} to {payee}", "can you transfer {amount} dollars to {payee} from my checking",
          "I want to pay {payee} ${amount} please", "transfer ${amount} to {payee}",
          "Please make a ${amount} payment to {payee} from the account ending {last4}"],
    rephrases=["I need to move ${amount} to {payee}'s account", "Make a payment of ${amount} to my payee {payee}",
               "pay {payee} {amount}", "I want the money to go to {payee}, ${amount}"],
    answer="Your transfer of ${amount} to {payee} is scheduled for {date} (reference {transfer_id}).",
    more="Transfers to other Harbor Bank customers arrive the same day; to other banks they take 1-2 business "
         "days. You can cancel it in the app until 5 pm the day before.",
    docs=[("hb-301", "Transfers to payees at other banks take 1-2 business days. Transfers can be cancelled until "
                     "5 pm ET on the business day before they are sent."),
          ("hb-302", "The daily transfer limit is $5,000 online and $2,500 in the app.")],
    unhelpful=["You can add a new payee in the app under Pay & Transfer > Payees.",
               "Transfers between your own Harbor Bank accounts are free."],
    followups=[("Can I cancel it if I change my mind?",
                "Yes, until 5 pm the business day before it's sent: Pay & Transfer > Scheduled."),
               ("What's the most I can send in a day?", "Up to $5,000 a day online, or $2,500 in the app.")],
    unsupported="Transfers to any bank arrive within 10 minutes, and there is no daily limit for checking accounts.",
    tool=Tool(
        name="create_transfer",
        args=lambda s: {"from_account": f"****{s['last4']}", "payee": s["payee"], "amount": float(s["amount"])},
        result=lambda s: {"transfer_id": s["ref"], "status": "scheduled", "date": s["transfer_date"]},
        wrong="Your transfer of ${amount} to {payee} is scheduled for {transfer_date_wrong} (reference {ref}).",
        claim="Done! ${amount} is on its way to {payee}.",
        honest="The payment system returned an error, so the ${amount} to {payee} was NOT sent. Nothing left your "
               "account; please try again in a few minutes or use Pay & Transfer in the app."),
)

wire = Intent(
    key="wire_fees", tags=["fees"],
    asks=["How much does an international wire cost?", "fee for sending money abroad?",
          "what do you charge for a wire transfer to Mexico", "Are incoming wires free?",
          "I need to wire money to my daughter in Spain, what are the fees"],
    rephrases=["What's the charge if I send a wire to another country?", "how much will you take for an overseas "
               "transfer", "Tell me the international wire fee please"],
    answer="An international wire costs $45 if you send it online or $50 in a branch. Receiving a wire is free.",
    more="The recipient's bank may take its own fee, and the exchange rate is shown before you confirm. Wires sent "
         "before 4 pm ET go out the same business day.",
    docs=[("hb-401", "Outgoing international wires: $45 online, $50 in a branch. Incoming wires: free."),
          ("hb-402", "Wires sent before 4 pm ET on a business day go out the same day. Intermediary banks may "
                     "charge a fee.")],
    unhelpful=["You can send money to other Harbor Bank customers instantly with HarborPay.",
               "Our exchange rates are updated every business day."],
    followups=[("Is there a limit on how much I can wire?", "Online wires are limited to $25,000 a day; a branch "
                "can send more with ID."),
               ("How long does it take to arrive?", "Usually 1-3 business days, depending on the receiving bank.")],
    unsupported="International wires are free for checking customers and always arrive the same day.",
    stale_doc="Fee schedule (2024): outgoing international wires $35 online, $40 in a branch.",
    stale_answer="An international wire costs $35 online or $40 in a branch.",
)

overdraft = Intent(
    key="overdraft", tags=["fees"],
    asks=["Why was I charged $30?", "i got an overdraft fee, can i get it back",
          "Can you refund the overdraft charge from yesterday?", "how do overdraft fees work at harbor",
          "I was overdrawn by 4 dollars and you charged me 30, seriously?"],
    rephrases=["Is it possible to get the overdraft fee reversed?", "can the $30 charge be waived",
               "I'm asking whether you can take that overdraft fee off my account"],
    answer="The overdraft fee is $30 per item, at most 3 a day. You can ask for a one-time courtesy refund once "
           "every 12 months, and I can request it for you now.",
    more="To avoid it next time, turn on Overdraft Protection: it moves money from your savings for free.",
    docs=[("hb-501", "Overdraft fee: $30 per item, maximum 3 per day. A courtesy refund can be granted once every "
                     "12 months."),
          ("hb-502", "Overdraft Protection links savings to checking and transfers cover at no charge.")],
    unhelpful=["You can view your statements under Accounts > Statements.",
               "Our savings accounts earn 3.1% APY."],
    followups=[("How do I turn on overdraft protection?", "In the app: Accounts > Checking > Overdraft "
                "Protection, then pick the savings account to link."),
               ("Does it cost anything?", "No, transfers from savings for Overdraft Protection are free.")],
    unsupported="Overdraft fees are automatically refunded within 48 hours if your balance is positive again.",
    stale_doc="Overdraft fee: $35 per item, maximum 4 per day (schedule effective 2023).",
    stale_answer="The overdraft fee is $35 per item, up to 4 a day.",
    offer="Shall I request the courtesy refund for you?",
)

statement = Intent(
    key="statement", tags=["accounts"],
    asks=["How do I download my bank statement?", "need my {month} statement as pdf",
          "where can i find old statements", "How can I get a statement for my landlord?",
          "Can I get statements older than a year?"],
    rephrases=["Where do I get a PDF of last month's account activity?", "how to export my statement",
               "I need a copy of my statement for {month}, how do I get one?"],
    answer="In the app or online banking, go to Accounts > Statements, choose the month and tap Download PDF. "
           "Statements from the last 7 years are there.",
    more="For a proof-of-funds letter (for a landlord), use Documents > Request letter; it arrives within 1 "
         "business day.",
    docs=[("hb-601", "Statements: Accounts > Statements. PDF statements are kept for 7 years."),
          ("hb-602", "Proof-of-funds letters can be requested under Documents and arrive within 1 business day.")],
    unhelpful=["Paper statements can be turned off to help the environment.",
               "You can change your mailing address under Profile."],
    followups=[("Can I get them by mail instead?", "Yes, paper statements are $2 a month: Settings > Statements > "
                "Delivery."),
               ("Will the PDF be accepted as official?", "Yes, PDF statements carry the bank's digital seal.")],
    unsupported="Statements are kept for 2 years; older ones cost $5 each and are mailed within 10 days.",
    stale_doc="Statements are available online for 3 years.",
    stale_answer="You can download statements from the last 3 years under Accounts > Statements.",
)

DOMAIN = Domain(
    key="bank", company="Harbor Bank",
    system="You are Harbor Bank's virtual assistant. Use the tools for account actions; never state a balance or "
           "confirm a payment that a tool did not return.",
    search_name="search_help_articles",
    intents=[balance, card, transfer, wire, overdraft, statement],
    slots=slots,
    human_words=[
        ("Do your agents ever ask for my PIN over the phone?",
         "Never. Harbor Bank staff will never ask for your PIN or full password; hang up and call 1-800-555-0142."),
        ("Can another person deposit cash into my account?",
         "Yes, anyone can deposit cash at a branch with your account number."),
        ("How do I add my wife as a joint account holder? She's a person with no account at Harbor.",
         "She can be added in a branch with ID; both of you need to sign."),
        ("Can my real estate agent get a letter showing my balance?",
         "You can request a proof-of-funds letter under Documents and send it to them yourself."),
        ("Is there a human resources number for setting up payroll direct deposit with you?",
         "Your employer needs our routing number 021000089 and your account number; no separate line is needed."),
        ("my manager paid me back through zelle, why don't I see it",
         "Zelle payments usually show within minutes; if it's been over a day, ask them for the confirmation."),
        ("Can a person under 18 open a savings account?",
         "Yes, with a parent or guardian as joint owner."),
    ],
    complaints=["Your app logged me out three times this morning, so annoying. ",
                "I'm really frustrated with the new app update. ", "ugh the website is down again. ",
                "This is the second time this month my card got declined at the store, embarrassing! "],
    handoff=["I'm connecting you with a Harbor Bank specialist now; average wait is about 4 minutes.",
             "Of course. I've passed this conversation to our support team, someone will join shortly.",
             "Sure, transferring you to a banker. You can also call 1-800-555-0142."],
    models=["gpt-4o-mini", "gpt-4o-mini", "claude-3-5-haiku"],
    prompt_versions=["hb-assist-7", "hb-assist-8"],
    locales=["en-US", "en-US", "es-US"],
)
