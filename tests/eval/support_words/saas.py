"""Ledgerly, an invoicing app: passwords, invoices, seats, exports, integrations, billing."""

from __future__ import annotations

from datetime import date, timedelta

from tests.eval.support_words.base import Domain, Intent, Tool

NAMES = ["mika", "j.doe", "ana.p", "chris88", "lena.w", "omar.k", "sam.t", "yuki.s", "p.novak", "fatima.r"]
STATUS = [("paid", "overdue"), ("overdue", "paid"), ("draft", "sent"), ("sent", "paid"), ("void", "paid")]


def slots(rng) -> dict:
    status, wrong = rng.choice(STATUS)
    renew = date(2026, 12, 1) + timedelta(days=rng.randint(0, 60))
    return {
        "email": f"{rng.choice(NAMES)}@{rng.choice(['mail.example', 'acme.example', 'studio.example'])}",
        "invoice": f"INV-{rng.randint(1000, 9999)}", "inv_status": status, "inv_status_wrong": wrong,
        "client": rng.choice(["Brightside Dental", "Nordhaus GmbH", "Pixel & Pine", "Harlow Legal", "Monroe Cafe"]),
        "seats": rng.choice([3, 5, 8, 12, 20]), "renew": renew.isoformat(),
        "renew_wrong": (renew + timedelta(days=rng.choice([30, 365]))).isoformat(),
        "workspace": rng.choice(["acme-design", "northwind", "blue-fern", "studio-kk", "harbor-labs"]),
    }


password = Intent(
    key="password_reset", tags=["login"],
    asks=["How do I reset my password?", "forgot password", "I can't log in, it says my password is wrong",
          "pls send me a password reset link to {email}", "The reset email never arrived, can you send it again?",
          "locked out of ledgerly"],
    rephrases=["I forgot my password, what do I do?", "I need a new password for my account ({email})",
               "how can I get back into my account, I don't remember the password",
               "Can you help me change my login password? I can't sign in"],
    answer="I've sent a reset link to {email}; it works for 30 minutes. Check your spam folder if it isn't in your "
           "inbox.",
    more="Click the link, choose a new password of at least 12 characters, and you'll be signed out of other "
         "devices. If you use Google sign-in, reset it with Google instead.",
    docs=[("lg-101", "Password reset links expire after 30 minutes. Emails come from no-reply@ledgerly.example."),
          ("lg-102", "Accounts created with Google sign-in have no Ledgerly password.")],
    unhelpful=["Ledgerly supports two-factor authentication for extra security.",
               "You can update your profile picture under Settings > Profile."],
    followups=[("Does the reset link expire?", "Yes, after 30 minutes; you can request a new one any time."),
               ("Will I be logged out on my phone?", "Yes, a new password signs you out of every other device.")],
    unsupported="Reset links stay valid for 7 days, and your old password keeps working until you set a new one.",
    tool=Tool(
        name="send_password_reset", args=lambda s: {"email": s["email"]},
        result=lambda s: {"sent": True, "expires_in_minutes": 30},
        wrong="I've sent a reset link to {email}; it stays valid for 24 hours.",
        claim="Done! A reset link is on its way to {email}.",
        honest="I tried to send the reset email but the mail service returned an error, so nothing was sent. "
               "Please try 'Forgot password' on the login page in a few minutes."),
)

invoice = Intent(
    key="invoice_status", tags=["invoices"],
    asks=["Has {client} paid invoice {invoice}?", "status of {invoice}?", "did my client pay yet",
          "Can you check whether invoice {invoice} went through", "is {invoice} still outstanding"],
    rephrases=["I want to know if {invoice} has been paid", "What's the payment status of the invoice to {client}?",
               "{invoice} - paid or not?"],
    answer="Invoice {invoice} to {client} is {status}.",
    more="Paid invoices show the payment date under Invoices > {invoice} > Activity; overdue ones can get an "
         "automatic reminder.",
    docs=[("lg-201", "Invoice statuses: draft, sent, paid, overdue, void. Reminders can be sent automatically 3 "
                     "days after the due date."),
          ("lg-202", "Card payments mark an invoice paid at once; bank transfers when reconciled.")],
    unhelpful=["You can customise invoice templates under Settings > Branding.",
               "Ledgerly supports 30 currencies."],
    followups=[("Can I send them a reminder?", "Yes: open the invoice and choose Send reminder, or turn on "
                "automatic reminders."),
               ("How do I mark it paid manually?", "Open the invoice and choose Record payment.")],
    unsupported="Invoice {invoice} will be paid automatically by {client}'s bank within 5 days.",
    tool=Tool(
        name="get_invoice", args=lambda s: {"invoice_id": s["invoice"]},
        result=lambda s: {"invoice_id": s["invoice"], "client": s["client"], "status": s["inv_status"]},
        wrong="Invoice {invoice} to {client} is {inv_status_wrong}.",
        claim="Invoice {invoice} to {client} is {inv_status_wrong}.",
        honest="I couldn't load invoice {invoice} (the invoices service returned an error). It's under Invoices "
               "in the app; I can try again in a minute."),
)

seats = Intent(
    key="add_seats", tags=["billing"],
    asks=["Add 2 seats to our workspace", "how do I add more users", "we hired someone, need another seat on "
          "{workspace}", "increase seats to {seats}", "add a user to our ledgerly account"],
    rephrases=["I need more user licences for my team", "How can I give another colleague access to Ledgerly?",
               "Please raise our seat count to {seats}"],
    answer="Your workspace {workspace} now has {seats} seats; the extra ones are prorated on your next invoice "
           "on {renew}.",
    more="Invite people under Settings > Team > Invite. Accountants can be invited free as read-only members.",
    docs=[("lg-301", "Extra seats are prorated to the next renewal. Read-only accountant access is free."),
          ("lg-302", "Invite members: Settings > Team > Invite.")],
    unhelpful=["Ledgerly Pro includes unlimited clients.", "You can export your data any time."],
    followups=[("Do accountants need a paid seat?", "No, read-only accountant access is free."),
               ("Can I remove a seat later?", "Yes, remove it under Settings > Team; it's credited at renewal.")],
    unsupported="Each extra seat costs $4 a month and comes with a 60-day free trial.",
    tool=Tool(
        name="update_seats", args=lambda s: {"workspace": s["workspace"], "seats": s["seats"]},
        result=lambda s: {"workspace": s["workspace"], "seats": s["seats"], "next_invoice": s["renew"]},
        wrong="Your workspace {workspace} now has {seats} seats; the change is billed on {renew_wrong}.",
        claim="Done, {workspace} now has {seats} seats.",
        honest="The change failed on our billing side, so your seats were NOT updated. Please try Settings > "
               "Billing > Seats, or ask me again shortly."),
)

export = Intent(
    key="export", tags=["data"],
    asks=["How can I export all my invoices to CSV?", "export data", "need everything in excel for my accountant",
          "Can I download a backup of my account?", "how to export clients list"],
    rephrases=["Is there a way to get my invoices out as a spreadsheet?", "I want to download my data as a file",
               "where's the export button for invoices"],
    answer="Go to Settings > Data > Export, pick Invoices (or Clients) and CSV or Excel; the file is emailed to "
           "you within a few minutes.",
    more="Exports include every field and line item; large accounts get a zip file. The download link works for "
         "7 days.",
    docs=[("lg-401", "Settings > Data > Export: invoices, clients, expenses as CSV or XLSX. A link is emailed; it "
                     "expires after 7 days."),
          ("lg-402", "Full account backups (all data as JSON) can be requested by the workspace owner.")],
    unhelpful=["Ledgerly integrates with QuickBooks and Xero.", "Invoices can be sent by email or link."],
    followups=[("Does it include line items?", "Yes, every line item is a row in the export."),
               ("How long is the download link good for?", "7 days.")],
    unsupported="Exports are limited to the last 90 days of invoices and only in PDF format.",
    stale_doc="Exports are available in CSV only (XLSX coming soon).",
    stale_answer="You can export invoices as CSV only; Excel isn't supported yet.",
)

integration = Intent(
    key="xero", tags=["integrations"],
    asks=["Does Ledgerly sync with Xero?", "how to connect quickbooks", "how do I connect xero",
          "Is there an integration with my accounting software?"],
    rephrases=["Can Ledgerly send my invoices to Xero automatically?", "how do I hook up my accounting tool",
               "I want my invoices to show up in QuickBooks, possible?"],
    answer="Yes: Settings > Integrations > Xero (or QuickBooks) > Connect. Invoices and payments sync every hour.",
    more="Only invoices created after you connect are synced; use Sync history to send older ones. Stripe is "
         "under the same menu for card payments.",
    docs=[("lg-501", "Xero and QuickBooks Online: invoices and payments sync hourly after connecting."),
          ("lg-502", "Sync history sends invoices created before the connection.")],
    unhelpful=["You can add your logo to invoices under Branding.", "Ledgerly has iOS and Android apps."],
    followups=[("Does it sync payments too?", "Yes, payments sync along with invoices, every hour."),
               ("What about older invoices?", "Use Sync history in the integration's settings to send them.")],
    unsupported="The Xero sync is real-time and also imports your bank feeds into Ledgerly.",
    stale_doc="Xero integration syncs once a day at midnight UTC.",
    stale_answer="Yes, it syncs with Xero once a day at midnight UTC.",
)

renewal = Intent(
    key="renewal", tags=["billing"],
    asks=["When does my subscription renew?", "renewal date?", "how much will I be charged at renewal",
          "When's the next charge for {workspace}?", "what day does ledgerly bill me"],
    rephrases=["What date is my next Ledgerly payment?", "when do you bill me next",
               "I need the date my plan renews, not the price"],
    answer="Your plan for {workspace} renews on {renews_on}.",
    more="You can switch off auto-renew under Settings > Billing until the day before; you keep access until "
         "then.",
    docs=[("lg-601", "Subscriptions renew automatically; auto-renew can be turned off up to the day before."),
          ("lg-602", "Annual plans are refundable within 14 days of renewal.")],
    unhelpful=["Annual plans save 20% compared with monthly billing.", "We accept Visa, Mastercard and Amex."],
    followups=[("Can I get a refund if I forget to cancel?", "Annual plans can be refunded within 14 days of "
                "renewal."),
               ("Can I switch to annual?", "Yes, under Settings > Billing > Change plan; it saves 20%.")],
    unsupported="Your plan renews on {renew} and renewals are refundable for 60 days.",
    tool=Tool(
        name="get_subscription", args=lambda s: {"workspace": s["workspace"]},
        result=lambda s: {"workspace": s["workspace"], "renews_on": s["renew"], "auto_renew": True},
        wrong="Your plan for {workspace} renews on {renew_wrong}.",
        claim="Your plan for {workspace} renews on {renew_wrong}.",
        honest="I couldn't load your subscription just now. Settings > Billing shows the renewal date."),
    offer="Do you want me to switch off auto-renew?",
    declined="Okay, auto-renew stays on.",
)

DOMAIN = Domain(
    key="saas", company="Ledgerly",
    system="You are Ledgerly's in-app help assistant. Use tools to act on the user's workspace; answer only "
           "from help articles and tool results.",
    search_name="help_center_search",
    intents=[password, invoice, seats, export, integration, renewal],
    slots=slots,
    human_words=[
        ("Can a support agent see my password?", "No. Passwords are stored hashed; nobody at Ledgerly can see "
         "them."),
        ("How do I give my account manager admin rights?", "Settings > Team, pick the member, and set the role to "
         "Admin."),
        ("Is there a human-readable invoice number format option?", "Yes: Settings > Invoices > Numbering lets "
         "you set a prefix and a sequence."),
        ("Can I invoice a person rather than a company?", "Yes, leave the company field empty and use their "
         "name."),
        ("our HR person needs read access to expenses, is that possible?", "Yes, invite them as a read-only "
         "member; it's free."),
        ("Do you have a reseller or agent programme?", "Yes, our partner programme gives 20% commission; apply at "
         "ledgerly.example/partners."),
    ],
    complaints=["The editor has been super slow today, annoying. ", "honestly the new invoice layout is ugly. ",
                "Ugh, the app crashed twice while I was writing an invoice. "],
    handoff=["Sure, I've opened a ticket and a Ledgerly support specialist will reply by email within a few "
             "hours.", "Okay, I'm handing this chat to our support team.", "Connecting you with a person from "
             "our support team."],
    models=["claude-3-5-haiku", "gpt-4o-mini"],
    prompt_versions=["help-2.3", "help-2.4"],
    locales=["en-GB", "en-US", "de-DE", "fr-FR"],
)
