"""The talk set: a third labelled set of human–chatbot dialogs, with the bot's errors marked.

Three deployed chatbots talk with people, in roughly equal shares:

- a companion (wellbeing) app, with adults who write full, polite sentences in British or
  Indian English (``talk_care``);
- a retail help chat and an energy supplier's chat, free text only (``talk_shop``);
- a homework and trivia helper used by teenagers (``talk_study``).

Each system turn is one trace. Some replies are errors (``ignored``, ``wrong_fact``,
``off_topic``, ``repeated``, ``nonsense``, ``forgot``, ``generic``); the user may let them
pass, ask again, point them out, correct them, ask what was meant, or leave. Many fitting
replies are followed by messages that only look like feedback: a "no" to the bot's own
question, surprise at a true fact, polite disagreement, a request for more detail, the user
fixing their own typo or changing their mind. The labels say which turns are errors, which
turns are followed by feedback-looking messages (``candidates``) and what the user did next.

All wording (``tests/eval/talk_*.py``) was written apart from the error detectors and from
the two older labelled sets, without reading either, so that it shares their phrasing only
by chance. Only ``random.Random(seed)`` is used, so a seed always writes the same bytes.
"""

from __future__ import annotations

import gzip
import json
import re
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from random import Random

from .talk_care import STYLE as CARE
from .talk_kit import ASKING_HARDS, FAULTS, Plan, Step, Style, Told, lower_first
from .talk_shop import STYLE as SHOP
from .talk_study import STYLE as STUDY

STYLES = (CARE, SHOP, STUDY)
REACTIONS = ("ignore", "repeat", "point_out", "correct", "clarify", "end", "continue",
             "answer_no", "surprise", "disagree", "more_detail", "self_correct", "change_mind")
CANDIDATE_REACTIONS = frozenset(REACTIONS) - {"ignore", "end", "continue"}

ERROR_RATE = 0.22  # chance that a reply to a new user message is an error
FOLLOW_ERROR_RATE = 0.08  # after a feedback-looking message that is not about an error
AGAIN_ERROR_RATE = 0.15  # the bot saying its error again when the user reacts to it
HARD_RATE = 0.33  # chance of a feedback-looking message after a fitting reply that allows one
FAULT_WEIGHTS = {"ignored": 2.0, "wrong_fact": 7.0, "off_topic": 1.2, "repeated": 0.9, "nonsense": 1.4,
                 "forgot": 1.8, "generic": 2.0}
REACTION_WEIGHTS = {
    "ignored": {"ignore": 2, "repeat": 4, "point_out": 3, "end": 2},
    "wrong_fact": {"ignore": 4, "correct": 4, "point_out": 2, "clarify": 1, "end": 1},
    "off_topic": {"ignore": 1, "point_out": 3, "clarify": 3, "repeat": 2, "end": 2},
    "repeated": {"ignore": 4, "point_out": 3, "repeat": 2, "end": 2},
    "nonsense": {"ignore": 2, "clarify": 4, "point_out": 2, "repeat": 1, "end": 2},
    "forgot": {"ignore": 3, "correct": 4, "point_out": 2, "end": 1},
    "generic": {"ignore": 4, "repeat": 3, "point_out": 2, "clarify": 1, "end": 2},
}
START = datetime(2026, 10, 5, 8, 0, tzinfo=UTC)


@dataclass
class Turn:
    said: str
    reply: str
    fault: str | None
    reaction: str = "end"
    rights: list[str] = field(default_factory=list)  # corrections of a wrong_fact
    told: Told | None = None  # what a forgot asked for again


def _weighted(rng: Random, weights: dict[str, float]) -> str:
    names = list(weights)
    return rng.choices(names, [weights[n] for n in names])[0]


class _Talk:
    """One dialog, built turn by turn from a plan."""

    def __init__(self, rng: Random, style: Style, plan: Plan):
        self.rng, self.voice = rng, style.voice
        self.slots = dict(plan.slots)
        runs = [run if isinstance(run, list) else [run] for run in rng.sample(plan.loose, len(plan.loose))]
        self.queue = plan.fixed + [step for run in runs for step in run]
        self.close: Step | None = plan.close
        self.target = rng.randint(4, 8)
        self.turns: list[Turn] = []
        self.told: dict[str, Told] = {}
        self.replies: list[str] = []

    def run(self) -> list[Turn]:
        step = self._next_step()
        while step is not None:
            self._answer(step)
            if len(self.turns) >= self.target:
                break
            step = self._react(step)
        self.turns[-1].reaction = "end"
        return self.turns

    # --- the user's next message ---------------------------------------------------------

    def _next_step(self) -> Step | None:
        last = self.target - len(self.turns) == 1 and self.rng.random() < 0.5
        if self.close is not None and (not self.queue or last):
            template, self.close, self.queue = self.close, None, []
        elif self.queue:
            template = self.queue.pop(0)
        else:
            return None
        if template.answers and self.turns[-1].fault:  # the bot never asked what this message answers
            return self._next_step()
        step = template.fill(self.slots)
        step.said = step.asked = self.voice.dress(self.rng, self.rng.choice(step.ask), not self.turns)
        step.rate = ERROR_RATE
        return step

    def _react(self, step: Step) -> Step | None:
        turn = self.turns[-1]
        if turn.fault:
            turn.reaction = self._reaction_to_error(step, turn)
            return self._after_error(step, turn)
        hards = [h for h in step.hards if h.needs in turn.reply]
        if hards and self.rng.random() < HARD_RATE:
            hard = self.rng.choice(hards)
            turn.reaction = hard.kind
            said = self.voice.dress(self.rng, self.rng.choice(hard.says), False)
            return Step(ask=[said], good=hard.reply, said=said, asked=said, request=hard.kind in ASKING_HARDS,
                        rate=FOLLOW_ERROR_RATE, faults=("generic", "ignored", "repeated", "off_topic"),
                        slots=hard.slots, tells=hard.tells)
        turn.reaction = "continue"
        return self._next_step()

    def _reaction_to_error(self, step: Step, turn: Turn) -> str:
        weights = dict(REACTION_WEIGHTS[turn.fault])
        if not (turn.rights or turn.told):
            weights.pop("correct", None)
        if not step.request:
            weights.pop("repeat", None)
        if len(self.turns) < 4:
            weights.pop("end", None)
        return _weighted(self.rng, weights)

    def _after_error(self, step: Step, turn: Turn) -> Step | None:
        reaction, voice, rng = turn.reaction, self.voice, self.rng
        if reaction == "end":
            return None
        if reaction == "ignore" and turn.told is None:
            return self._next_step()
        if reaction == "ignore":  # the user just gives the forgotten detail again
            said, opening = rng.choice(turn.told.plain), "plain"
        elif reaction == "repeat":
            said, opening = self._ask_again(step), "repeat"
        elif reaction == "correct":
            said = rng.choice(turn.rights) if turn.rights else self._remind(turn.told)
            opening = "correct" if turn.rights else "remind"
        elif reaction == "clarify":
            said, opening = rng.choice(voice.clarify), "clarify"
        else:
            said, opening = self._point_out(turn), "remind" if turn.fault == "forgot" else "point_out"
        prefix = rng.choice(voice.sorry[opening])
        bare = step.bare or step.good
        again = AGAIN_ERROR_RATE if reaction in ("repeat", "clarify", "point_out", "correct") else 0.0
        return Step(ask=step.ask, good=[prefix + g for g in bare], bare=bare, said=said, asked=step.asked,
                    hards=step.hards, rate=again, faults=("repeated",), echo=turn.reply)

    def _ask_again(self, step: Step) -> str:
        others = [a for a in step.ask if a.lower() != step.asked.lower()]
        if others and self.rng.random() < 0.5:
            return self.voice.dress(self.rng, self.rng.choice(others), False)
        wrapper = self.rng.choice(self.voice.repeat)
        return wrapper.format(ask=step.asked, ask_l=lower_first(step.asked))

    def _remind(self, told: Told) -> str:
        plain = self.rng.choice(told.plain)
        return self.rng.choice(self.voice.remind).format(plain=plain, plain_l=lower_first(plain))

    def _point_out(self, turn: Turn) -> str:
        own = self.voice.point_out.get(turn.fault, [])
        if turn.fault == "forgot" or (own and self.rng.random() < 0.7):
            return self.rng.choice(own)
        return self.rng.choice(self.voice.point_out["any"])

    # --- the bot's reply -----------------------------------------------------------------

    def _answer(self, step: Step) -> None:
        fault = self._fault(step)
        turn = Turn(step.said, "", fault)
        turn.reply = self._faulty_reply(step, turn) if fault else self.rng.choice(step.good)
        self.turns.append(turn)
        self.replies.append(turn.reply)
        self.slots.update(step.slots)
        self.told.update({t.what: t for t in step.tells})

    def _fault(self, step: Step) -> str | None:
        if self.rng.random() >= step.rate:
            return None
        kinds = {k: FAULT_WEIGHTS[k] for k in step.faults if self._can(step, k)}
        return _weighted(self.rng, kinds) if kinds else None

    def _can(self, step: Step, kind: str) -> bool:
        if kind in ("ignored", "generic"):
            return step.request
        if kind == "wrong_fact":
            return bool(step.wrong)
        if kind == "repeated":
            return bool(step.echo or self.replies)
        if kind == "forgot":
            return bool(self.told)
        return True

    def _faulty_reply(self, step: Step, turn: Turn) -> str:
        rng, voice, kind = self.rng, self.voice, turn.fault
        if kind == "wrong_fact":
            reply, turn.rights = rng.choice(step.wrong)
            return reply
        if kind == "forgot":
            turn.told = self.told[rng.choice(sorted(self.told))]
            return rng.choice(turn.told.asks)
        if kind == "repeated":
            return step.echo or _nearly(rng, rng.choice(self.replies[-3:]))
        if kind == "nonsense":
            return rng.choice(step.muddle if step.muddle and rng.random() < 0.6 else voice.nonsense)
        if kind == "generic":
            return " ".join(rng.sample(voice.generic, rng.choice([1, 1, 2])))
        return rng.choice(voice.ignored if kind == "ignored" else voice.off_topic)


def _nearly(rng: Random, text: str) -> str:
    """An earlier reply said again: word for word, or without its last sentence."""
    sentences = re.split(r"(?<=[.!?])\s+", text)
    if len(sentences) > 2 and rng.random() < 0.35:
        return " ".join(sentences[:-1])
    return text


# --- the set -----------------------------------------------------------------------------


def _dialogs(rng: Random, count: int) -> list[tuple[Style, Plan, list[Turn]]]:
    styles = [STYLES[i % len(STYLES)] for i in range(count)]
    rng.shuffle(styles)
    dialogs = []
    for style in styles:
        plan = rng.choice(style.scenarios)(rng)
        dialogs.append((style, plan, _Talk(rng, style, plan).run()))
    return dialogs


def _stamp(moment: datetime) -> str:
    return moment.strftime("%Y-%m-%dT%H:%M:%S.") + f"{moment.microsecond // 1000:03d}Z"


def _records(rng: Random, dialogs: list[tuple[Style, Plan, list[Turn]]]) -> tuple[list[dict], list[str]]:
    """Trace records in time order, and their ids."""
    records, ids, clock = [], [], START
    for number, (style, plan, turns) in enumerate(dialogs, 1):
        session = f"k{number:04d}"
        user = f"p{rng.randint(*style.users):03d}"
        model, versions = plan.bot
        version = rng.choice(versions)
        clock += timedelta(minutes=rng.randint(3, 70), seconds=rng.randint(0, 59))
        for index, turn in enumerate(turns, 1):
            clock += timedelta(seconds=rng.randint(2, 12) if index == 1 else rng.randint(6, 95))
            start = clock
            clock += timedelta(milliseconds=rng.randint(600, 5200))
            trace_id = f"{session}-{index}"
            ids.append(trace_id)
            records.append({
                "type": "trace", "trace_id": trace_id, "session_id": session, "user_id": user, "name": "reply",
                "start_time": _stamp(start), "end_time": _stamp(clock), "status": "ok",
                "input": turn.said, "output": turn.reply,
                "metadata": {"model": model, "prompt_version": version},
            })
    return records, ids


def _labels(dialogs: list[tuple[Style, Plan, list[Turn]]], ids: list[str]) -> dict:
    turns = [turn for _, _, dialog in dialogs for turn in dialog]
    pairs = list(zip(ids, turns, strict=True))
    return {
        "errors": [i for i, t in pairs if t.fault],
        "turns": ids,
        "candidates": [i for i, t in pairs if t.reaction in CANDIDATE_REACTIONS],
        "error_kinds": {i: t.fault for i, t in pairs if t.fault},
        "reactions": {i: t.reaction for i, t in pairs},
    }


def write_talk_set(folder: Path, seed: int, dialogs: int = 240) -> tuple[Path, Path]:
    """Write ``talk-eval.jsonl.gz`` and ``talk-eval.labels.json`` into ``folder``; return both paths."""
    rng = Random(seed)
    made = _dialogs(rng, dialogs)
    records, ids = _records(rng, made)
    header = {"type": "bundle", "version": 1, "source": "talk-eval", "exported_at": "2026-10-30T00:00:00Z"}
    lines = [json.dumps(r, ensure_ascii=False) for r in [header, *records]]
    folder.mkdir(parents=True, exist_ok=True)
    bundle = folder / "talk-eval.jsonl.gz"
    bundle.write_bytes(gzip.compress(("\n".join(lines) + "\n").encode("utf-8"), mtime=0))
    labels = folder / "talk-eval.labels.json"
    labels.write_text(json.dumps(_labels(made, ids), indent=1, sort_keys=True) + "\n", encoding="utf-8")
    return bundle, labels


assert set(FAULTS) == set(FAULT_WEIGHTS) == set(REACTION_WEIGHTS)
