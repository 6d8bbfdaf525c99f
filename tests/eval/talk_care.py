"""Wording of a companion (wellbeing) app and the adults who write to it, for the talk set.

Part of the talk set (tests/eval/talk_set.py), written apart from the error detectors and
from the two older labelled sets. The users write whole sentences, often long and polite,
in British or Indian English, some of them in English learnt as a second language.
"""

from __future__ import annotations

from random import Random

from .talk_kit import Hard, Plan, Step, Style, Told, Voice

BOT = ("willow-companion", ("care-2.3", "care-2.4"))

# --- sleep ------------------------------------------------------------------------------

_CAUSES = [
    ("worrying about my mother's operation", "worry about your mother's operation"),
    ("deadlines at the office", "the deadlines at work"),
    ("my neighbour's dog barking at night", "the barking next door"),
    ("our new baby waking up every two hours", "the baby waking in the night"),
    ("thinking about my visa renewal", "the uncertainty about your visa"),
    ("the heat in my flat", "the heat in your flat"),
    ("money worries after losing my job", "money worries after losing your job"),
    ("my rotating shifts at the hospital", "your rotating shifts"),
]
_SINCE = ["for three weeks", "since two weeks", "for over a month", "since Diwali",
          "since the clocks went back", "for almost a fortnight", "for the past ten days"]
_BEDTIMES = ["11 pm", "half past eleven", "midnight", "12:30", "1 am", "10:30 pm"]


def _sleep_slots(rng: Random) -> dict[str, str]:
    (cause, cause_bot), (_, other_bot) = rng.sample(_CAUSES, 2)
    bedtime, wrong_bedtime = rng.sample(_BEDTIMES, 2)
    return {"cause": cause, "cause_bot": cause_bot, "other_bot": other_bot,
            "since": rng.choice(_SINCE), "bedtime": bedtime, "wrong_bedtime": wrong_bedtime}


_SLEEP_OPEN = Step(
    ask=[
        "Hello. I have not been sleeping properly {since}, mostly because of {cause}. Could you please help me?",
        "Good evening. I am having trouble sleeping {since}. I think it is {cause}. Kindly advise what I can do.",
        "Hi there. I keep lying awake at night {since}, mainly {cause}. I would be grateful for any suggestions.",
        "I am writing because my sleep has been very poor {since}. The main reason is {cause}. What should I do?",
        "Namaste. My sleep is very much disturbed {since} due to {cause}. Please guide me.",
    ],
    good=[
        "I'm sorry you've been going through this. Broken sleep is exhausting, and {cause_bot} would weigh on "
        "anyone. Could you tell me what time you usually go to bed?",
        "That sounds really draining, and it makes sense that {cause_bot} keeps your mind busy at night. What "
        "time do you normally get into bed?",
        "Thank you for reaching out. With {cause_bot} on your mind, it's understandable that sleep is hard. To get a "
        "clearer picture, what time do you usually go to bed?",
    ],
    wrong=[(
        "I'm sorry to hear that. It must be hard when {other_bot} keeps you awake. What time do you usually go to bed?",
        ["No, that is not it. It is {cause} that keeps me awake.", "I did not say that. The problem is {cause}."],
    )],
    tells=[Told(
        "cause",
        asks=["What would you say is the main thing keeping you awake?",
              "Could you tell me a little about what has been on your mind at night?",
              "Is there anything in particular that has been worrying you lately?"],
        plain=["It is {cause}.", "Mainly {cause}."],
    )],
)

_SLEEP_BEDTIME = Step(
    answers=True,
    request=False,
    ask=[
        "I usually go to bed at about {bedtime}, but then I lie awake for an hour or more.",
        "Normally I am in bed by {bedtime}. Then I keep checking my phone until I feel sleepy.",
        "Around {bedtime}. Honestly speaking, I am awake till much later than that.",
        "I try to be in bed by {bedtime}, but my mind does not switch off.",
    ],
    good=[
        "Thank you, that helps. Going to bed at {bedtime} is reasonable; the trouble is the long wait once you are "
        "there, because the brain starts linking bed with being alert. A calm last hour can help: dim lights, no work "
        "messages, maybe a warm shower. Have you tried keeping your phone out of the bedroom?",
        "That's useful to know. With a {bedtime} bedtime, the hour before it matters a lot. Screens and messages keep "
        "the mind switched on, so many people find it helps to put the phone away. Have you tried charging it "
        "outside the bedroom?",
    ],
    wrong=[(
        "Thank you. So you go to bed at {wrong_bedtime} and then lie awake for a while. Have you tried keeping your "
        "phone out of the bedroom?",
        ["I said {bedtime}, not {wrong_bedtime}.", "No, I go to bed at {bedtime}."],
    )],
    tells=[Told(
        "bedtime",
        asks=["What time do you usually go to bed?", "Roughly when do you get into bed at night?"],
        plain=["Around {bedtime}.", "I go to bed at about {bedtime}."],
    )],
    hards=[
        Hard("answer_no",
             ["No, I have not tried that. I use my phone as an alarm.",
              "No, I haven't. I am not sure I could manage without it, to be honest.",
              "Not yet, no. It is always next to my pillow."],
             ["That's very common. A simple alarm clock costs very little and lets the phone stay in another room. "
              "Even charging it across the room, out of reach, can make a difference.",
              "Many people are in the same position. You could start small: switch the phone to 'do not disturb' an "
              "hour before bed and leave it face down on a shelf rather than by the pillow."]),
        Hard("disagree",
             ["I am not sure that would work for me. My husband watches TV in bed every night.",
              "Honestly, I doubt that would work. I finish work very late and need my phone for messages."],
             ["That's fair, everyone's evenings are different. Even ten quiet minutes can help, or an eye mask and "
              "earplugs if the room isn't yours alone at that time.",
              "That makes sense. If a long routine isn't realistic, try a short one of ten minutes: the same small "
              "steps each night, so your body learns the cue that sleep is coming."]),
    ],
)

_SLEEP_HOURS = Step(
    ask=[
        "Kindly tell me how many hours of sleep an adult actually needs.",
        "How much sleep does a grown-up really need? I have heard so many different numbers.",
        "Could you please tell me the ideal number of hours of sleep for an adult?",
        "I am having doubt about how much sleep is enough. What is recommended?",
    ],
    good=[
        "For most adults the recommendation is seven to nine hours a night. Some people manage on a little less, but "
        "regularly getting under six tends to affect mood, concentration and even the immune system.",
        "Most health bodies suggest seven to nine hours for adults. Sleeping under six hours on a regular basis is "
        "linked with poorer concentration and low mood.",
    ],
    wrong=[
        ("Most adults only need about four or five hours a night, so you may already be getting enough.",
         ["That does not sound right. I have read it is seven to nine hours, not four or five.",
          "I think the advice is seven to nine hours."]),
        ("Adults need around twelve hours of sleep a night to function well.",
         ["Twelve hours? I am quite sure the recommendation is seven to nine hours.",
          "That is too much. Everything I have read says seven to nine hours."]),
    ],
    hards=[
        Hard("surprise",
             ["Really? Nine hours? I did not know the range went that high.",
              "Oh, I did not realise that under six hours makes such a difference.",
              "Goodness, I did not know sleeping less than six hours matters so much."],
             ["Yes, it surprises a lot of people. Sleep is when the body does much of its repair work, so a few short "
              "nights in a row really do add up.",
              "It does. The effects are small night by night, but they build up over weeks, which is why steady "
              "sleep matters more than one long lie-in at the weekend."]),
    ],
)

_SLEEP_NAP = Step(
    ask=[
        "Is it alright to take a nap in the afternoon, or will that make the night worse?",
        "I am having doubt about afternoon naps. Are they good or bad for someone like me?",
        "Should I have a short sleep after lunch when I am very tired?",
    ],
    good=[
        "A short nap can be fine: keep it to about 20 minutes and before 3 pm, so it doesn't use up the sleep pressure "
        "you need at night. While your nights are this broken, though, skipping naps for a week or two often helps.",
        "It depends. A nap of 20 minutes or so in the early afternoon rarely harms night sleep, but longer or later "
        "naps can reduce your sleep pressure and make it harder to drop off at bedtime.",
    ],
    wrong=[(
        "Naps are best taken in the evening, around 8 or 9 pm, and for at least two hours.",
        ["Surely not. I thought the advice was a short nap of about 20 minutes, before 3 pm.",
         "That cannot be right, a two-hour nap at 9 pm would ruin my night. I read 20 minutes in the early afternoon."],
    )],
    hards=[
        Hard("more_detail",
             ["What do you mean by sleep pressure exactly?", "Could you explain 'sleep pressure' in simpler words?",
              "Thank you. Sorry, but what is this sleep pressure?"],
             ["Sleep pressure is the body's build-up of the need to sleep. It grows the longer you are awake, a bit "
              "like a tank filling up, and a nap empties some of the tank, so there is less left to help you fall "
              "asleep at night."]),
        Hard("disagree",
             ["I am not sure I can skip it. I am on my feet since 6 am.",
              "Hmm, I do not think that will work for me, I do night shifts twice a week."],
             ["That's understandable. On those days a short nap is better than struggling, just keep it brief and set "
              "an alarm so it doesn't stretch into a long sleep.",
              "With night shifts the usual advice changes: a planned nap before the shift is often recommended. The "
              "key is keeping your days off as regular as you can."],
             needs="skipping"),
    ],
)

_SLEEP_RACING = Step(
    ask=[
        "What should I do when I wake up at 3 in the morning and my mind starts racing?",
        "Often I wake at 3 or 4 am and then I cannot switch off my thoughts. Any advice, please?",
        "Kindly suggest what to do when I wake in the night and start worrying.",
    ],
    good=[
        "If you've been awake for more than about 20 minutes, get up, go to another room with low light and do "
        "something calm, like reading a paper book, until you feel sleepy again. Keeping a notepad by the bed to jot "
        "down worries can help you set them aside until morning. A slow breathing pattern such as 4-7-8 helps some "
        "people too.",
        "Lying in bed fighting the thoughts usually makes it worse. Try writing the worry down in a notebook, then "
        "do the 4-7-8 breathing pattern a few times. If you're still awake after 20 minutes or so, get up for a "
        "while and return to bed when you feel drowsy.",
    ],
    muddle=["When you wake at 3 am you should try to fall asleep by staying awake, because the worry will "
            "leave once it has arrived later."],
    hards=[
        Hard("more_detail",
             ["Could you please explain the 4-7-8 breathing in simple steps?",
              "What is 4-7-8 exactly? I have not heard of it before.",
              "Thanks. How does the 4-7-8 thing work?"],
             ["Of course. Breathe in quietly through your nose for a count of 4, hold the breath for a count of 7, "
              "then breathe out slowly through your mouth for a count of 8. Repeat it three or four times. The long "
              "out-breath is what helps the body settle."]),
        Hard("disagree",
             ["Getting out of bed sounds difficult. It is very cold in our flat at night.",
              "I am not sure about getting up, I will wake the children."],
             ["That's a fair point. You can stay in bed instead and do something quiet and dull, like listening to "
              "an audiobook at low volume, as long as you stop trying hard to sleep.",
              "Then staying put is fine. Keep the lights off, do the slow breathing, and let yourself rest even if "
              "sleep doesn't come straight away."]),
    ],
)

_SLEEP_TEA = Step(
    ask=[
        "Should I stop drinking tea in the evening? I usually have two cups after dinner.",
        "Does chai after dinner affect the sleep? I have it every night.",
        "Could my evening cup of tea be the problem? I have it at around 7 pm.",
    ],
    good=[
        "It could well be part of it. Caffeine stays in the body for hours: roughly half of it is still there five to "
        "six hours later, so a cup after dinner can still be active at bedtime. You might try decaf or herbal tea "
        "after about 2 pm and see whether it makes a difference.",
        "Quite possibly. Caffeine has a half-life of about five to six hours, which means an evening cup is still "
        "working when you go to bed. Switching to a caffeine-free drink after lunch is an easy experiment.",
    ],
    wrong=[
        ("Tea doesn't contain any caffeine, so your evening cups won't affect your sleep.",
         ["But tea does have caffeine, less than coffee but still some.",
          "I am quite sure tea contains caffeine."]),
        ("Caffeine leaves the body within about 30 minutes, so an after-dinner cup is fine.",
         ["I read that caffeine stays in the body for five or six hours, not thirty minutes."]),
    ],
    hards=[
        Hard("surprise",
             ["Really? Five to six hours? I did not know it lasts so long.",
              "Oh wow, I had no idea caffeine stayed in the body that long."],
             ["Yes, it's longer than most people think, and some people clear it even more slowly. That's why an "
              "afternoon cut-off works better than stopping just before bed."]),
        Hard("disagree",
             ["I am not sure I can give up my chai, it is my favourite part of the evening.",
              "Hmm, I do not think that is the problem, I have always had tea at night."],
             ["That's completely fair. You could keep the ritual and change the drink: a caffeine-free rooibos or "
              "a masala blend made with decaf tea tastes quite similar.",
              "You may be right, and it's only one possible factor. If you'd like to rule it out, a one-week trial "
              "without it would tell you."]),
    ],
)

_CLOSE = Step(
    ask=[
        "Thank you, this has been very helpful. I will try some of this tonight.",
        "Many thanks for your patience. I shall try these things.",
        "Thanks a lot. I feel a little more hopeful now.",
        "Thank you so much. I will let you know how it goes.",
        "That is all for now. Thank you for listening.",
    ],
    good=[
        "You're very welcome. I hope things feel a little lighter soon. Do come back and tell me how it went.",
        "It was good talking with you. Take care of yourself, and come back any time.",
        "I'm glad it helped a little. Go easy on yourself, and I'm here whenever you want to talk again.",
    ],
    request=False,
)


def sleep(rng: Random) -> Plan:
    return Plan(BOT, _sleep_slots(rng), [_SLEEP_OPEN, _SLEEP_BEDTIME],
                [_SLEEP_HOURS, _SLEEP_NAP, _SLEEP_RACING, _SLEEP_TEA], _CLOSE)


# --- stress at work ---------------------------------------------------------------------

_JOBS = ["a staff nurse", "a primary school teacher", "a software tester", "an accountant", "a pharmacist",
         "a call centre team leader", "a civil engineer", "a bank cashier"]
_LOADS = ["eleven hours a day", "till 9 pm most days", "six days a week", "every weekend as well"]
_BOSSES = ["my manager keeps adding tasks without asking", "my new boss criticises me in front of others",
           "my supervisor messages me even on Sundays", "two people left and I am doing their work also"]


def _work_slots(rng: Random) -> dict[str, str]:
    job, wrong_job = rng.sample(_JOBS, 2)
    return {"job": job, "wrong_job": wrong_job, "load": rng.choice(_LOADS), "boss": rng.choice(_BOSSES)}


_WORK_OPEN = Step(
    ask=[
        "Hello, I work as {job} and I am feeling completely burnt out. I am working {load}.",
        "Good morning. I am {job} and honestly I am exhausted, I am working {load}. I do not know what to do.",
        "Hi. I am {job}. Since some months I am working {load} and I feel I cannot continue like this.",
        "I need some advice please. I am {job}, working {load}, and I am starting to dread every morning.",
    ],
    good=[
        "Thank you for telling me. Working as {job} is demanding at the best of times, and doing it {load} would "
        "wear anyone down. What part of work is weighing on you most at the moment?",
        "That sounds like a very heavy load, and feeling burnt out is an understandable response to it. Being {job} "
        "{load} leaves little room to recover. What is the hardest part for you right now?",
    ],
    wrong=[(
        "Thank you for telling me. Working as {wrong_job} is demanding at the best of times. What part of work is "
        "weighing on you most?",
        ["I am {job}, actually, not {wrong_job}.", "Sorry, I said I am {job}."],
    )],
    tells=[Told("job", asks=["What kind of work do you do?", "Could you tell me what your job is?"],
                plain=["I am {job}.", "I work as {job}."])],
)

_WORK_BOSS = Step(
    answers=True,
    request=False,
    ask=[
        "Mostly it is that {boss}.",
        "The main thing is that {boss}. It makes me very anxious.",
        "I think it is because {boss}, and I do not know how to tell him.",
    ],
    good=[
        "That would wear anyone down. One thing that can help is keeping a short written list of your current tasks "
        "and, when something new arrives, asking which of them it should replace. Would you feel able to have that "
        "conversation?",
        "I can see why that's so draining. It can help to raise it calmly in a one-to-one, with one or two specific "
        "examples and a suggestion of what would work better. Would you feel able to ask for a short meeting?",
    ],
    hards=[
        Hard("answer_no",
             ["No, I do not think I could. He gets angry very quickly.",
              "Honestly, no. I am not confident speaking up.",
              "No, not really. I have never done something like that."],
             ["That's okay, and it's good to know. You could start in writing instead: a short, polite email listing "
              "what you are working on and asking which to put first. It's easier to prepare and leaves a record.",
              "Then let's not start there. Is there a colleague or someone in HR you trust who could help you think "
              "it through, or even come with you?"]),
        Hard("disagree",
             ["I am not sure a list would help, they do not read anything I send.",
              "Honestly, I doubt a list will change anything."],
             ["That's understandable after your experience. In that case the list may be more for you than for them: "
              "it helps you see clearly what is reasonable, and it is useful if you ever need to go to HR."],
             needs="list"),
        Hard("disagree",
             ["I do not think a meeting would change much, to be honest.",
              "I am not sure a one-to-one would help, he does not listen."],
             ["You may be right. Sometimes the point of raising it is less about changing them and more about making "
              "the pressure visible, so it is on record."],
             needs="one-to-one"),
    ],
)

_WORK_NO = Step(
    ask=[
        "How can I say no to extra work without sounding rude?",
        "Kindly tell me a polite way to refuse more tasks.",
        "Could you please suggest what words I can use to say no at work?",
    ],
    good=[
        "A useful approach is to say yes to the person but be clear about the trade-off, for example: 'I can take that "
        "on, but it would mean the monthly report moves to Friday. Which would you prefer?' It keeps the tone helpful "
        "while making your limits visible.",
        "Try naming what you're already doing and offering a choice: 'At the moment I'm on X and Y. If this is more "
        "urgent, which one should I pause?' You're not refusing, you're asking them to set the priority.",
    ],
    muddle=["The best way to say no is to agree to everything, because then nobody will ask you for anything at all."],
    hards=[
        Hard("more_detail",
             ["Could you give me one more example of such a sentence?",
              "Thank you. Could you give another example, maybe for an email?"],
             ["Of course: 'Thanks for thinking of me for this. I'd like to do it properly, and with the audit this "
              "week I can't give it the time it needs. Could it wait until Monday, or is someone else free?'"]),
    ],
)

_WORK_TIRED = Step(
    ask=[
        "Is it normal to feel tired even after a full weekend of rest?",
        "Why am I still exhausted on Monday morning when I rested the whole weekend?",
        "I sleep a lot on Sundays but I still feel tired. Is something wrong with me?",
    ],
    good=[
        "It's quite common when stress has gone on for a long time. The body and mind need more than a couple of "
        "days to recover, especially if the weekend is spent worrying about Monday. If the tiredness goes on for "
        "weeks, it's worth mentioning to your GP as well.",
        "It's more common than you might think. Long-term stress keeps the body on alert, so a weekend often isn't "
        "enough to recharge. If you also notice low mood or poor sleep, a chat with your doctor would be sensible.",
    ],
    hards=[
        Hard("more_detail",
             ["What do you mean by long-term stress exactly? Is it the same as burnout?",
              "Could you explain that in simpler terms, please?"],
             ["Long-term stress means being under pressure for weeks or months without a proper break. Burnout is "
              "what can happen after that: feeling drained, detached from work and less able to do what you used "
              "to. They're related, but burnout is the worn-out state at the end."]),
    ],
)

_WORK_BREAK = Step(
    ask=[
        "How long a break am I entitled to during the day? I work in the UK.",
        "Kindly tell me the legal break time in the UK for a long working day.",
        "What is the minimum break by law in the UK if I work a long shift?",
    ],
    good=[
        "In the UK, adult workers are entitled to one uninterrupted 20-minute rest break if they work more than six "
        "hours a day. Many contracts give more than that, so it's worth checking yours too.",
        "By law in the UK, if you work more than six hours in a day you're entitled to a 20-minute break, taken "
        "during the day rather than at the start or end. Your contract may give you more.",
    ],
    wrong=[(
        "In the UK you are entitled to a one-hour paid lunch break for any shift over four hours.",
        ["I checked on the government website, it is 20 minutes if you work more than six hours.",
         "That is not correct. It is a 20-minute break for over six hours."],
    )],
    hards=[
        Hard("surprise",
             ["Really? Only 20 minutes? I thought it would be more.",
              "Oh, I did not know the legal minimum was so short."],
             ["Yes, the legal minimum is quite short, which is why many employers offer more in the contract. It's "
              "still your right, though, and skipping it day after day adds to exhaustion."]),
    ],
)

_WORK_DESK = Step(
    ask=[
        "Kindly suggest a short exercise I can do at my desk when I feel overwhelmed.",
        "Is there something quick I can do at work when I feel panicky?",
        "Could you please give me a small calming exercise for the office?",
    ],
    good=[
        "Try this: put both feet flat on the floor and notice five things you can see, four you can hear and three "
        "you can feel, like the chair or your sleeves. It takes about a minute and brings your attention back to the "
        "present.",
        "A simple one is 'box breathing': breathe in for four counts, hold for four, out for four, hold for four, and "
        "repeat a few times. Nobody will notice you doing it.",
    ],
    hards=[
        Hard("more_detail",
             ["Could you explain that in simpler terms? I did not fully follow.",
              "Sorry, I did not understand fully. Can you explain step by step?"],
             ["Of course. Step one: sit still with your feet on the floor. Step two: slowly look around and name, in "
              "your head, a few things you can see. Step three: listen and name a few sounds. That's all; it just "
              "moves your mind away from the worry for a minute."],
             needs="five things"),
        Hard("more_detail",
             ["Could you explain box breathing in simpler terms?", "Sorry, what is box breathing exactly?"],
             ["Picture the four sides of a box. Breathe in while you count to four, hold for four, breathe out for "
              "four, hold for four, and go round the box again. Three or four rounds are enough."],
             needs="box"),
        Hard("disagree",
             ["I am not sure that would work for me, my desk is in an open office and people will notice.",
              "Hmm, I feel that will not help when I am really panicking."],
             ["That's fair. You could step away instead: a walk to the kitchen or the stairwell for two minutes, "
              "breathing slowly on the way, looks completely ordinary.",
              "You may be right that it isn't enough on its own in a strong panic. It's most useful as something you "
              "practise when calm, so it's familiar when things get hard."]),
    ],
)

_WORK_LEAVE = Step(
    ask=[
        "I am having doubt about whether I should ask for a few days of leave. What do you think?",
        "Do you think I should take some days off? I feel guilty about it.",
        "Would it be wrong to take sick leave for stress?",
    ],
    good=[
        "From what you've described, some rest sounds reasonable rather than selfish. Leave exists for exactly this, "
        "and a few days now may prevent a much longer absence later. If stress is making you unwell, your GP can also "
        "advise about time off.",
        "Taking time off for stress isn't wrong. Stress is a real health reason, and a short break before you "
        "reach the end of your strength is sensible. It may help to plan what you'll actually do with the time, "
        "so that it's restful.",
    ],
    hards=[
        Hard("disagree",
             ["I am not sure. We are short-staffed and I would feel very guilty.",
              "I do not think my manager would agree, to be honest."],
             ["I understand the guilt. It may help to remember that staffing is your employer's responsibility, not "
              "yours. Even one long weekend, planned ahead, could be a start.",
              "That's a real concern. If you'd rather not ask directly, booking it formally through the usual system, "
              "with enough notice, keeps it simple and within your rights."]),
    ],
)


def work(rng: Random) -> Plan:
    return Plan(BOT, _work_slots(rng), [_WORK_OPEN, _WORK_BOSS],
                [_WORK_NO, _WORK_TIRED, _WORK_BREAK, _WORK_DESK, _WORK_LEAVE], _CLOSE)


# --- nerves before an exam or interview -------------------------------------------------

_EXAMS = [("my driving test", "your driving test"), ("the IELTS speaking test", "the IELTS speaking test"),
          ("an interview at a bank", "your interview"), ("my CA final exam", "your CA final"),
          ("the nursing council exam", "the nursing exam"), ("my PhD viva", "your viva"),
          ("a presentation to the board", "your presentation")]
_DAYS = ["on Thursday", "on the 14th", "next Monday", "on Friday morning", "on the 3rd of November", "on Tuesday"]


def _exam_slots(rng: Random) -> dict[str, str]:
    exam, exam_bot = rng.choice(_EXAMS)
    day, wrong_day = rng.sample(_DAYS, 2)
    return {"exam": exam, "exam_bot": exam_bot, "day": day, "wrong_day": wrong_day}


_EXAM_OPEN = Step(
    ask=[
        "Hello. I have {exam} {day} and I am extremely nervous. I cannot concentrate at all.",
        "Good evening. I have {exam} {day} and my nerves are very bad. Could you please help?",
        "Hi, I have {exam} {day}. I am so anxious that I am not able to eat properly.",
        "I am writing because I have {exam} {day} and I am panicking already.",
    ],
    good=[
        "It's completely natural to feel nervous with {exam_bot} coming up {day}; nerves usually mean it matters to "
        "you. When you try to concentrate, what happens? Do your thoughts run ahead, or do you feel it in your body?",
        "Thank you for telling me. Having {exam_bot} {day} is a lot to hold, and anxiety before it is very common. "
        "How is the nervousness showing up for you, more in your thoughts or physically?",
    ],
    wrong=[(
        "It's natural to feel nervous with {exam_bot} coming up {wrong_day}. How is the nervousness showing up?",
        ["No, it is {day}, not {wrong_day}.", "It is {day}, actually."],
    )],
    tells=[
        Told("exam", asks=["What is it that you're preparing for?", "Could you tell me what the exam or event is?"],
             plain=["It is {exam}.", "I told, {exam}."]),
        Told("day", asks=["When is it taking place?", "How long do you have until the big day?"],
             plain=["It is {day}.", "{day}."]),
    ],
)

_EXAM_BODY = Step(
    answers=True,
    request=False,
    ask=[
        "Both. My heart races and my hands start shaking.",
        "Mostly in my body. I get a tight chest and my hands are trembling.",
        "In my head mainly. I keep imagining everything going wrong.",
    ],
    good=[
        "That's your body's stress response getting ready for something important. It isn't dangerous, even though it "
        "feels unpleasant. Slow breathing with a longer out-breath is one of the quickest ways to calm it. Have you "
        "tried any breathing exercises before?",
        "Those are very common signs of anxiety, and they can be eased. Practising a slow breathing exercise each day "
        "beforehand makes it easier to use on the day itself. Have you ever tried one?",
    ],
    hards=[
        Hard("answer_no",
             ["No, I have never tried breathing exercises.", "No, not really. I did not think they would help.",
              "No, I have not."],
             ["Then let's try a simple one. Breathe in through your nose for a count of four, and out slowly through "
              "your mouth for a count of six. Do that five times. The longer out-breath tells your body it is safe.",
              "That's fine, it's easy to learn. Sit comfortably, breathe in for four counts, out for six, and repeat "
              "for a minute or two. Practise it once a day until the exam."]),
    ],
)

_EXAM_PLAN = Step(
    ask=[
        "Kindly tell me how I should plan the last few days before it.",
        "How should I prepare in the final days? I feel I have not done enough.",
        "What is the best way to use the remaining days?",
    ],
    good=[
        "With {exam_bot} {day}, I'd suggest: short focused sessions with breaks, going over what you already know "
        "rather than cramming new material, and a lighter final day. Keep your sleep as regular as you can, and "
        "take one evening off completely to reset.",
        "Since it's {day}, use the time for practice rather than new topics: a timed run-through, a short daily "
        "review and good sleep. The night before, stop studying early and get everything ready for the morning.",
    ],
    wrong=[(
        "With {exam_bot} {wrong_day}, I'd suggest short focused sessions and a lighter final day.",
        ["No, it is {day}, not {wrong_day}.", "Sorry, but it is {day}."],
    )],
    hards=[
        Hard("disagree",
             ["I am not sure I can take a full evening off, there is so much left to revise.",
              "I do not agree about not learning new topics, there are two chapters I have not even started."],
             ["That's understandable. Even an hour of proper rest counts, such as a walk or a meal with someone, as "
              "long as it's fully away from the books.",
              "Fair enough, then give those two chapters the first part of each day while you're fresh, and keep the "
              "evenings for revising what you already know."]),
    ],
)

_EXAM_COFFEE = Step(
    ask=[
        "Is it true that drinking coffee right before helps you focus?",
        "Should I drink strong coffee on the morning of the exam?",
        "My friend says energy drinks help in exams. Is that correct?",
    ],
    good=[
        "A moderate amount can improve alertness, but if you're already anxious it can make the shaking and racing "
        "heart worse. If you usually have coffee, keep to your normal amount rather than more; if you don't, the day "
        "itself isn't the time to start.",
        "For some people a little caffeine sharpens focus, but it also raises the heart rate, which can feed anxiety. "
        "Sticking to what your body is used to is the safest choice, and water matters more than people think.",
    ],
    wrong=[(
        "Coffee has been shown to cancel out nervousness completely, so two or three strong cups just before is ideal.",
        ["I have read caffeine makes anxiety worse, not better.",
         "That cannot be right. Caffeine makes my heart race more, not less."],
    )],
)

_EXAM_BLANK = Step(
    ask=[
        "What if my mind goes blank in the middle of it?",
        "I am scared that I will forget everything when I see the paper.",
        "How do I handle it if I freeze in the middle?",
    ],
    good=[
        "It helps to have a plan for that moment. Pause, put your pen down or take a sip of water, and take two slow "
        "breaths. Then go to something you do know, or in an interview, say 'Let me think about that for a moment.' "
        "Memory usually comes back once the panic settles.",
        "Going blank is the stress response, not a sign that the knowledge is gone. Having an 'anchor' ready helps: "
        "one slow breath and a simple phrase like 'one step at a time', then start with the easiest question.",
    ],
    hards=[
        Hard("more_detail",
             ["What do you mean by an 'anchor' exactly?", "Could you explain the anchor idea more simply?"],
             ["An anchor is just a small, fixed routine you practise in advance, for example one slow breath while "
              "pressing your thumb and finger together and saying a calm phrase to yourself. Because it's rehearsed, "
              "your brain can reach for it even when stressed."],
             needs="anchor"),
    ],
)

_EXAM_WORDS = Step(
    ask=[
        "Could you please give me something positive to tell myself on the morning?",
        "Kindly suggest some words I can repeat to stay calm.",
        "What can I say to myself when the fear comes?",
    ],
    good=[
        "You could try: 'I have prepared, and I can only do my best today.' Or: 'Nerves mean I care; they don't mean I "
        "will fail.' Pick the one that feels most true to you and say it slowly.",
        "Something simple and believable works best, for instance 'I know more than I feel I know right now' or 'One "
        "question at a time.' Writing it on a card can help too.",
    ],
    hards=[
        Hard("disagree",
             ["I am not sure that would work for me, such sentences feel a bit fake.",
              "Honestly, I do not believe these affirmations help."],
             ["That's a fair reaction; many people feel that way. Instead of a positive phrase, you could use a "
              "practical one, like 'Read the question twice', which gives your mind a task rather than a slogan.",
              "That's completely fine. They don't suit everyone. A practical routine, like breathing and starting "
              "with the easiest question, may work better for you."]),
    ],
)


def exam(rng: Random) -> Plan:
    return Plan(BOT, _exam_slots(rng), [_EXAM_OPEN, _EXAM_BODY],
                [_EXAM_PLAN, _EXAM_COFFEE, _EXAM_BLANK, _EXAM_WORDS], _CLOSE)


# --- lonely after a move ----------------------------------------------------------------

_FROM = ["Chennai", "Glasgow", "Lagos", "Kraków", "Cork", "Pune", "Manila", "Kochi", "Nairobi"]
_TO = ["Manchester", "London", "Leeds", "Birmingham", "Bristol", "Dublin", "Edinburgh"]
_AGO = ["six weeks", "two months", "three months", "a month", "five weeks"]
_HOBBIES = ["badminton", "singing in a choir", "painting", "cricket", "cooking", "hiking", "chess"]


def _move_slots(rng: Random) -> dict[str, str]:
    home, wrong_home = rng.sample(_FROM, 2)
    return {"home": home, "wrong_home": wrong_home, "city": rng.choice(_TO), "ago": rng.choice(_AGO),
            "hobby": rng.choice(_HOBBIES)}


_MOVE_OPEN = Step(
    ask=[
        "Hello. I moved from {home} to {city} {ago} ago for work, and I am feeling very lonely.",
        "Hi, I shifted to {city} from {home} {ago} back. I do not know anybody here and it is very hard.",
        "Good evening. I came to {city} from {home} {ago} ago. Everyone is polite but I have no friends here.",
    ],
    good=[
        "Moving from {home} to {city} is a big change, and loneliness in the first months is very common, even though "
        "it can feel like you're the only one. What have your evenings and weekends been like since you arrived?",
        "Thank you for sharing that. Leaving {home} for {city} means leaving a whole network behind, and it takes "
        "time to build a new one. How do you usually spend your free time at the moment?",
    ],
    wrong=[(
        "Moving from {wrong_home} to {city} is a big change. What have your evenings been like since you arrived?",
        ["It was {home}, not {wrong_home}.", "I came from {home}, actually."],
    )],
    tells=[Told("home", asks=["Where did you move from?", "Where is home for you originally?"],
                plain=["From {home}.", "I am from {home}."])],
)

_MOVE_EVENINGS = Step(
    answers=True,
    request=False,
    ask=[
        "Mostly I stay in my room after work. I call my family but it is not the same.",
        "I watch shows on my laptop. At the weekend I sometimes walk in the city alone.",
        "Nothing much. I cook, eat and sleep. The weekends are the worst.",
    ],
    good=[
        "That sounds lonely, and it makes sense that the weekends feel long. Calls home are precious, but you also "
        "deserve people nearby. What did you enjoy doing back home in your free time?",
        "Thank you for being honest about that. It's easy to get into a routine of staying in when everything is new. "
        "What kinds of things did you enjoy before the move?",
    ],
)

_MOVE_HOBBY = Step(
    answers=True,
    request=False,
    ask=[
        "I used to love {hobby}. I have not done it since coming here.",
        "Back home I was doing {hobby} every week.",
        "{hobby}, mainly. I was quite good at it.",
    ],
    good=[
        "That's a lovely way to meet people, because the activity does half the talking for you. Most cities have "
        "{hobby} groups; you could look on Meetup, a library notice board or your local leisure centre. Would you be "
        "open to trying a beginners' or drop-in session?",
        "Then {hobby} could be a good way in. Regular groups are ideal because you see the same faces each week. A "
        "quick search for '{hobby} {city}' on Meetup or Facebook usually turns up a few. Would you feel okay going "
        "along to one?",
    ],
    tells=[Told("hobby", asks=["What did you enjoy doing in your free time back home?",
                               "Is there a hobby you used to have?"],
                plain=["I told you, {hobby}.", "{hobby}."])],
    hards=[
        Hard("answer_no",
             ["No, not yet. I am a bit shy to go alone.", "No, I would feel awkward going alone, honestly."],
             ["That's really understandable. You could message the organiser first and say you're new; they'll often "
              "look out for you. Or go once just to watch, with no pressure to stay.",
              "Lots of people feel that way. It may help to choose a group with a clear structure, like a class, so "
              "you don't have to start conversations from nothing."]),
    ],
)

_MOVE_FRIENDS = Step(
    ask=[
        "How do adults usually make friends? At my age it feels awkward.",
        "Kindly tell me how people make friends after university. I have forgotten how.",
        "Is it even possible to make close friends in your thirties?",
    ],
    good=[
        "It takes longer than at school, but it happens. The main ingredient is repeated contact: seeing the "
        "same people regularly. One study estimated it takes around 50 hours together to go from acquaintance to "
        "casual friend, so regular groups really help.",
        "Adult friendships mostly grow from repeated, easy contact, such as the same class, team or "
        "volunteering shift. Research suggests roughly 50 hours together turns an acquaintance into a casual friend.",
    ],
    wrong=[(
        "Studies show it only takes about two hours together to become close friends.",
        ["I think I read it was more like 50 hours just for a casual friend.",
         "That seems wrong, I remember it being around 50 hours."],
    )],
    hards=[
        Hard("surprise",
             ["Really? Fifty hours? I did not know it takes that long.",
              "Oh my, I had no idea it needed so much time."],
             ["Yes, which is actually reassuring: if it feels slow, that's normal, not a sign something is wrong with "
              "you. A weekly two-hour activity gets you there in a few months."]),
    ],
)

_MOVE_BACK = Step(
    ask=[
        "Do you think I should move back home if it does not get better?",
        "Sometimes I think I made a mistake coming here. Should I go back?",
        "Kindly be honest, is it better to return to my family?",
    ],
    good=[
        "That's your decision, and there's no wrong answer. It may still be early: the first few months after a move "
        "are usually the hardest. Some people give themselves a date, say six months, to try new things before "
        "deciding.",
        "I can't tell you what's right, but I can say the first months are often the loneliest part. It might help to "
        "list what you hoped to gain by coming and whether any of that is still there for you.",
    ],
    hards=[
        Hard("disagree",
             ["I am not sure I can wait six months, honestly.", "Six months is too long for me, I think."],
             ["That's okay. You don't have to commit to a number. Even deciding to try one new thing a week for a "
              "month, then reviewing, keeps the choice in your hands."],
             needs="six months"),
        Hard("disagree",
             ["I do not think time will change anything.", "I am not sure that waiting will help me."],
             ["I hear you. Feeling stuck can make the future look the same as today. Would it help to talk about what "
              "going back would mean for you, practically?"]),
    ],
)

_MOVE_ENGLISH = Step(
    request=False,
    ask=[
        "My English is not so good. I worry people will not understand me.",
        "I feel shy because of my accent. People ask me to repeat many times.",
    ],
    good=[
        "Your English in these messages is clear, for what it's worth. Many cities have free conversation clubs at "
        "libraries or community centres where people practise together; they're relaxed and full of newcomers, which "
        "can make it easier to meet people as well.",
        "Being asked to repeat is usually about unfamiliar accents, not about your English. A conversation club can "
        "build confidence, and they tend to be full of people in the same situation.",
    ],
    hards=[
        Hard("more_detail",
             ["What do you mean by a conversation club?", "Could you explain what happens in a conversation club?"],
             ["It's an informal meet-up, often weekly at a library or café, where people sit in small groups and "
              "chat in English about everyday topics. There's no test or teacher marking you; the point is practice "
              "and company."]),
    ],
)


def move(rng: Random) -> Plan:
    return Plan(BOT, _move_slots(rng), [_MOVE_OPEN, _MOVE_EVENINGS, _MOVE_HOBBY],
                [_MOVE_FRIENDS, _MOVE_BACK, _MOVE_ENGLISH], _CLOSE)


# --- how the companion errs and how its users react -------------------------------------


def _dress(rng: Random, text: str, opening: bool) -> str:
    """Sign-offs that some of these users add to a question."""
    if text.endswith("?") and rng.random() < 0.15:
        return text + rng.choice([" Many thanks.", " Thank you in advance.", " Kindly reply.", " Thanks."])
    return text


VOICE = Voice(
    generic=[
        "I understand how you feel.", "Thank you for sharing that with me.", "That's a really important question.",
        "Your feelings are valid.", "Everyone's journey is different.", "It's okay not to be okay.",
        "I'm here for you.", "That sounds like a lot to carry.", "It's great that you're thinking about this.",
        "Remember to be gentle with yourself.", "Every day is a new opportunity.", "I hear you.",
    ],
    ignored=[
        "Before we go further, how would you rate your mood today on a scale from 1 to 10?",
        "Let's try a quick gratitude exercise: can you name three things that went well today?",
        "Have you had a glass of water in the last hour? Staying hydrated is a small act of self-care.",
        "I'd love to hear more about what you enjoy doing at the weekend.",
        "Would you like me to set a daily check-in reminder? I can nudge you every evening at 8 pm.",
        "Let's take a moment to notice five things you can see around you right now.",
        "Don't forget you can track your mood in the Journal tab.",
        "How has your appetite been this week?",
    ],
    off_topic=[
        "The capital of Canada is Ottawa, not Toronto.",
        "Your order has been dispatched and should arrive within 3 to 5 working days.",
        "To convert Celsius to Fahrenheit, multiply by 9/5 and add 32.",
        "Here's a quick recipe: toss pasta with garlic, olive oil and chilli flakes.",
        "Tomorrow in Birmingham: light rain in the morning, 13°C in the afternoon.",
        "The Battle of Hastings took place in 1066.",
        "Our Croydon store closes at 8 pm on weekdays.",
        "To reset your password, tap 'Forgot password' on the login screen.",
        "Octopuses have three hearts and blue blood.",
        "Meter readings can be submitted in the app under 'My energy'.",
    ],
    nonsense=[
        "Sleep is best when you are awake for it, so try to stay up until you have rested.",
        "It's important to rest less so that your body can rest more, which is why resting is not important.",
        "Yes, you should definitely do it, although I would not recommend doing it at all.",
        "Your feelings are like a calendar: they cannot be Tuesday unless the morning agrees.",
        "Worry happens when the future is behind you, so walking forwards will make it yesterday.",
        "I am recommend you to feeling the calm of breath for making the tomorrow less of the today.",
        "The best way to relax is to tense every muscle as hard as possible and never let go.",
        "Many people find that talking to friends helps, because friends are not people.",
        "Take it slowly and quickly, one step at all times, until the steps are finished before they start.",
        "It is normal and also not normal, so you can be sure that it is probably both or neither.",
    ],
    point_out={
        "any": ["I am sorry, but that does not answer my question.", "That is not really what I asked.",
                "Hmm, I do not think that is correct.", "With respect, that is not right.",
                "You seem to have misunderstood me.", "That is not helpful, I am afraid."],
        "repeated": ["You have already said exactly this.", "You said the same thing a moment ago.",
                     "This is the same reply as before."],
        "off_topic": ["Why are you telling me this? It has nothing to do with what I said.",
                      "I think you have replied to someone else's message.",
                      "That is completely unrelated to my question."],
        "forgot": ["I have already told you that.", "I mentioned that at the very beginning.",
                   "I already said this, please read my earlier message."],
        "ignored": ["You have not answered my question.", "You did not respond to what I asked."],
        "generic": ["That is not really an answer.", "Yes, but that does not tell me anything."],
        "nonsense": ["That does not make sense.", "This contradicts itself."],
        "wrong_fact": ["I do not think that is correct.", "Are you sure? That does not sound right at all."],
    },
    clarify=["Sorry, I do not follow. What do you mean?", "I am confused. Could you please explain what you meant?",
             "I did not understand your reply. Could you say it differently?",
             "Pardon? I am not sure what you are saying.", "What do you mean exactly?"],
    repeat=["{ask}", "I will write it again. {ask}", "Did you read my message? {ask}", "Once more: {ask}",
            "As I wrote before, {ask_l}"],
    remind=["I have already told you this. {plain}", "As I mentioned earlier, {plain_l}",
            "I did say this at the start. {plain}"],
    sorry={
        "repeat": ["", "Of course. ", "Sorry, let me answer that properly. "],
        "point_out": ["I'm sorry, you're right. ", "Apologies, that wasn't helpful. ",
                      "You're right, I'm sorry about that. "],
        "correct": ["Thank you for correcting me, you're right. ", "I'm sorry, my mistake. "],
        "clarify": ["Sorry, that came out muddled. ", "Apologies for the confusion. Let me try again. "],
        "remind": ["I'm sorry, you did tell me. ", "Apologies, you mentioned that already. "],
        "plain": ["Thank you. ", "Thanks for that. "],
    },
    dress=_dress,
)

STYLE = Style("care", [sleep, work, exam, move], VOICE, (1, 70))
