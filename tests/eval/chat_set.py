"""A second labelled set of human-chatbot dialogs, in the manner of the public dialog sets
where annotators marked which system turns were errors and how the user reacted
(deployed persona chat bots, knowledge-grounded chat, task-oriented booking dialogs).

It was written apart from the error detectors: without reading ``src/tracedesk/core/signals/``,
``queue.py``, ``learning.py``, the generator in ``tests/gen/`` or the first dialog set, and
with wording of its own (``chat_words.py``, ``chat_people.py``, ``chat_facts.py``,
``chat_tasks.py``). Do not tune a detector on it.

``write_chat_set(folder, seed, dialogs=240)`` writes ``chat-eval.jsonl.gz`` (native bundle: one
trace per system turn, input the user's message, output the reply, session the dialog) and
``chat-eval.labels.json``:

- ``turns``: every trace id in bundle order; ``errors``: the system turns that are errors, with
  their kind in ``error_kinds`` (ignored, wrong_fact, off_topic, repeated, nonsense, forgot,
  generic);
- ``reactions``: what the user did in the next message (ignore, repeat, point_out, correct,
  clarify, end, continue, or one of the look-alikes that follow a fine turn: surprise,
  disagree, answer_no, clarify_good, self_correct, change_mind);
- ``candidates``: system turns whose next user message looks like feedback.

Half the dialogs are persona chit-chat, a quarter knowledge chat, a quarter task dialogs.
The same seed writes the same bytes.
"""

from __future__ import annotations

import gzip
import json
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from random import Random

from tests.eval import chat_words as W
from tests.eval.chat_styles import Chitchat, Errand, Knowledge, Move, Reply, Style, Voice, join, misspell, pick

SOURCE = "chat-eval"
BUNDLE_NAME = "chat-eval.jsonl.gz"
LABELS_NAME = "chat-eval.labels.json"

ERROR_KINDS = ("ignored", "wrong_fact", "off_topic", "repeated", "nonsense", "forgot", "generic")
FEEDBACK = ("repeat", "point_out", "correct", "clarify")
LOOKALIKES = ("surprise", "disagree", "answer_no", "clarify_good", "self_correct", "change_mind")
CANDIDATE_REACTIONS = FEEDBACK + LOOKALIKES

# The chance that a system turn goes wrong in each way, where it can (a reply can only skip a
# question that was asked, repeat what was said before, ...): about one turn in five overall.
KIND_RATES = {"ignored": 0.1, "wrong_fact": 0.12, "off_topic": 0.04, "repeated": 0.042, "nonsense": 0.032,
              "forgot": 0.06, "generic": 0.07}
AFTER_ERROR = {
    "ignored": {"ignore": 3, "repeat": 3, "point_out": 2.5, "clarify": 0.5, "end": 1},
    "wrong_fact": {"ignore": 3.5, "correct": 3.5, "point_out": 2, "end": 1},
    "off_topic": {"ignore": 3, "point_out": 2.5, "clarify": 2.5, "repeat": 1, "end": 1},
    "repeated": {"ignore": 3, "point_out": 4, "clarify": 1, "repeat": 1, "end": 1.5},
    "nonsense": {"ignore": 2.5, "clarify": 4, "point_out": 2.5, "end": 1},
    "forgot": {"ignore": 3.5, "correct": 3, "point_out": 3, "end": 0.5},
    "generic": {"ignore": 3, "repeat": 3.5, "point_out": 2, "clarify": 0.5, "end": 1},
}
AFTER_FINE = {"continue": 1.0, "answer_no": 0.6, "surprise": 0.75, "disagree": 0.6, "clarify_good": 0.6,
              "self_correct": 0.55, "change_mind": 0.45}

STYLES = ((Chitchat, 0.5, Voice(lower=True, slang=0.6, typos=0.15), Voice(lower=False, slang=0.3, typos=0.1)),
          (Knowledge, 0.25, Voice(lower=True, slang=0.3, typos=0.08), Voice(lower=False, slang=0.1, typos=0.06)),
          (Errand, 0.25, Voice(lower=True, slang=0.2, typos=0.07), Voice(lower=False, slang=0.05, typos=0.05)))
LOWER_SHARE = {Chitchat: 0.85, Knowledge: 0.55, Errand: 0.4}
START = datetime(2026, 10, 5, 9, 0, 0)


@dataclass
class Turn:
    user: str
    bot: str
    kind: str | None
    reaction: str = "end"


@dataclass
class Slip:
    """A system turn that went wrong: what the bot said instead of the right reply."""

    kind: str
    text: str
    follow: Move | None = None  # what the user says when carrying on as if nothing happened
    corrections: tuple[str, ...] = ()
    commit: Callable[[], None] | None = None  # what saying it changes (a skipped question still moves a task on)


class Dialog:
    """One dialog: the user's messages, the bot's replies, and where and how it went wrong."""

    def __init__(self, style: Style, rng: Random, length: int) -> None:
        self.style = style
        self.rng = rng
        self.length = length
        self.turns: list[Turn] = []

    def run(self) -> list[Turn]:
        move = self.style.opening()
        self.plant_typo(move)
        while move is not None:
            self.style.hear(move)
            reply = self.reply_to(move)
            slip = self.slip(move, reply)
            if slip is None:
                reply.commit()
            elif slip.commit is not None:
                slip.commit()
            turn = Turn(move.text, slip.text if slip else reply.text, slip.kind if slip else None)
            self.turns.append(turn)
            if move.farewell or len(self.turns) >= self.length:
                break
            turn.reaction, move = self.after_slip(slip, move, reply) if slip else self.after_fine(move, reply)
        return self.turns

    def reply_to(self, move: Move) -> Reply:
        """The right reply; a plain reply is drawn again rather than say what was already said."""
        said = {t.bot for t in self.turns}
        reply = self._reply_to(move)
        for _ in range(6):
            if reply.text not in said or move.redo or move.then or move.farewell:
                break
            reply = self._reply_to(move)
        return reply

    def _reply_to(self, move: Move) -> Reply:
        bot = self.style.bot
        if move.farewell:
            return Reply(bot(move.answer))
        if move.redo is not None:
            r = move.redo
            wrong = (join(bot(move.answer), r.wrong[0]), r.wrong[1]) if r.wrong else None
            follows = {k: m for k, m in r.follows.items() if k != "self_correct"}
            return Reply(join(bot(move.answer), r.text), follows, r.ignored, wrong, r.commit, plain=r)
        if move.then is not None:
            return Reply(bot(move.answer), move.then.follows)
        return self.style.answer(move)

    # Errors.

    def slip(self, move: Move, reply: Reply) -> Slip | None:
        earlier = [t.bot for t in self.turns if t.bot != reply.text and len(t.bot) > 15]
        weights = dict(KIND_RATES)
        weights["ignored"] *= reply.ignored is not None
        weights["wrong_fact"] *= reply.wrong is not None
        weights["generic"] *= move.question
        weights["off_topic"] *= bool(self.turns)
        weights["repeated"] *= bool(earlier)
        weights["forgot"] *= bool(self.turns)
        if move.redo is not None:  # after being told off, the bot may fail to answer again, nothing else
            weights = {k: w if k in ("ignored", "generic", "wrong_fact") else 0 for k, w in weights.items()}
        rate = sum(weights.values()) * (0.4 if move.redo is not None or move.farewell else 1.0)
        if self.rng.random() >= rate:
            return None
        forgot = self.style.forgot() if self.turns else None
        if forgot is None:
            weights["forgot"] = 0
        kind = pick(self.rng, weights)
        style = self.style
        if kind == "ignored":
            skip = reply.ignored
            return Slip(kind, skip.text, skip.follows.get("continue"), commit=skip.commit) if skip else None
        if kind == "wrong_fact" and reply.wrong:
            return Slip(kind, reply.wrong[0], reply.follows.get("continue"), reply.wrong[1], commit=reply.commit)
        if kind == "forgot" and forgot:
            text, restate, again = forgot
            return Slip(kind, text, again, restate)
        if kind == "repeated":
            return Slip(kind, self.rng.choice(earlier))
        if kind == "generic":
            return Slip(kind, style.generic())
        if kind == "off_topic":
            return Slip(kind, style.off_topic())
        return Slip("nonsense", style.nonsense(reply))

    def after_slip(self, slip: Slip, move: Move, reply: Reply) -> tuple[str, Move | None]:
        rng, style = self.rng, self.style
        weights = dict(AFTER_ERROR[slip.kind])
        weights["correct"] = weights.get("correct", 0) * bool(slip.corrections)
        weights["repeat"] = weights.get("repeat", 0) * move.question
        weights["end"] = weights.get("end", 0) * (len(self.turns) >= 3)
        reaction = pick(rng, weights)
        if reaction == "ignore":
            nxt = slip.follow or style.carry_on()
            self.plant_typo(nxt)
            return reaction, self.not_too_early(nxt) or nxt
        if reaction == "end":
            if len(self.turns) >= 4 and rng.random() < 0.5:
                return reaction, None
            return reaction, Move(style.say(rng.choice(W.LEAVE)), answer=rng.choice(W.BOT_BYE), farewell=True)
        if reaction == "repeat":
            text = self.ask_again(move)
        elif reaction == "point_out":
            templates = [t for t in W.POINT_OUT[slip.kind] if move.about or "{about}" not in t]
            text = style.say(rng.choice(templates).format(about=move.about))
        elif reaction == "correct":
            text = rng.choice(slip.corrections)
        else:
            text = style.say(rng.choice(W.CLARIFY_ERROR))
        sorry = rng.choice(W.SORRY_UNCLEAR if reaction == "clarify" else W.SORRY)
        return reaction, Move(text, answer=sorry, question=move.question, again=move.again, about=move.about,
                              redo=reply.plain or reply)

    def ask_again(self, move: Move) -> str:
        rng = self.rng
        words = rng.choice(move.again) if move.again and rng.random() < 0.85 else move.text
        words = re.sub(r"^(hi there|hello|hey|hi|good morning),? ", "", words, flags=re.IGNORECASE)
        lead = rng.choice(W.REPEAT_PREFIX)
        if lead:
            words = self.style.say(lead + words[:1].lower() + words[1:])
        return words

    def after_fine(self, move: Move, reply: Reply) -> tuple[str, Move | None]:
        rng, style = self.rng, self.style
        follows = dict(reply.follows)
        if move.typo and "self_correct" not in follows:
            fix = rng.choice(W.SELF_FIX).format(w=move.typo[1])
            follows["self_correct"] = Move(style.say(fix), answer=rng.choice(W.BOT_AFTER_SELF_FIX), then=reply)
        weights = {r: AFTER_FINE[r] for r in follows}
        weights["continue"] = AFTER_FINE["continue"]
        reaction = pick(rng, weights)
        nxt = follows.get(reaction) or style.carry_on()
        if reaction == "continue" and len(self.turns) == self.length - 1 and rng.random() < 0.45:
            nxt = style.goodbye() or nxt
        if reaction == "continue":
            self.plant_typo(nxt)
        instead = self.not_too_early(nxt)
        return ("continue", instead) if instead else (reaction, nxt)

    def not_too_early(self, move: Move) -> Move | None:
        """No goodbye before the fourth system turn: what the user says instead, if it is one."""
        if not move.farewell or len(self.turns) >= 3:
            return None
        move = self.style.more()
        self.plant_typo(move)
        return move

    def plant_typo(self, move: Move) -> None:
        if not move.may_typo or move.typo or self.rng.random() >= self.style.voice.typos:
            return
        keep = {w.lower() for k in move.keep for w in k.split()}
        words = [w for w in re.findall(r"[A-Za-z]{5,}", move.text) if w.lower() not in keep]
        if not words:
            return
        word = self.rng.choice(words)
        bad = misspell(word, self.rng)
        move.text = re.sub(rf"\b{word}\b", bad, move.text, count=1)
        move.typo = (bad, word)


def make_style(rng: Random) -> Style:
    style_class, _, lower, upper = rng.choices(STYLES, [s[1] for s in STYLES])[0]
    voice = lower if rng.random() < LOWER_SHARE[style_class] else upper
    return style_class(rng, voice)


def _time(t: datetime) -> str:
    return f"{t:%Y-%m-%dT%H:%M:%S}.{t.microsecond // 1000:03d}Z"


def _records(session: str, user: str, style: Style, turns: list[Turn], start: datetime, rng: Random) -> list[dict]:
    version = rng.choice(style.versions)
    t = start
    out = []
    for i, turn in enumerate(turns, 1):
        t += timedelta(seconds=rng.randint(2, 12) + len(turn.user) // 4, milliseconds=rng.randint(0, 999))
        end = t + timedelta(milliseconds=rng.randint(350, 900) + 12 * len(turn.bot))
        out.append({"type": "trace", "trace_id": f"{session}-{i}", "session_id": session, "user_id": user,
                    "name": "reply", "start_time": _time(t), "end_time": _time(end), "status": "ok",
                    "input": turn.user, "output": turn.bot,
                    "metadata": {"model": style.model, "prompt_version": version}})
        t = end + timedelta(seconds=len(turn.bot) // 20)
    return out


def build(seed: int, dialogs: int) -> tuple[list[dict], dict]:
    """The bundle's records and the labels."""
    rng = Random(seed)
    records: list[dict] = [{"type": "bundle", "version": 1, "source": SOURCE, "exported_at": "2026-10-30T00:00:00Z"}]
    labels: dict = {"errors": [], "turns": [], "candidates": [], "error_kinds": {}, "reactions": {}}
    clock = START
    for d in range(1, dialogs + 1):
        style = make_style(rng)
        length = 8 if isinstance(style, Errand) else rng.randint(4, 8)
        turns = Dialog(style, rng, length).run()
        session = f"c{d:04d}"
        clock += timedelta(minutes=rng.randint(6, 80), seconds=rng.randint(0, 59))
        records += _records(session, f"u{rng.randint(1, 140):03d}", style, turns, clock, rng)
        for i, turn in enumerate(turns, 1):
            tid = f"{session}-{i}"
            labels["turns"].append(tid)
            labels["reactions"][tid] = turn.reaction
            if turn.kind:
                labels["errors"].append(tid)
                labels["error_kinds"][tid] = turn.kind
            if turn.reaction in CANDIDATE_REACTIONS:
                labels["candidates"].append(tid)
    return records, labels


def write_chat_set(folder: Path, seed: int, dialogs: int = 240) -> tuple[Path, Path]:
    """Write the bundle and its labels into ``folder``; return their paths."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    records, labels = build(seed, dialogs)
    text = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records)
    bundle = folder / BUNDLE_NAME
    bundle.write_bytes(gzip.compress(text.encode("utf-8"), compresslevel=9, mtime=0))
    labels_path = folder / LABELS_NAME
    labels_path.write_text(json.dumps(labels, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    return bundle, labels_path
