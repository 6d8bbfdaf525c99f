"""A labelled set of dialogs between people and deployed chatbots, like the public dialog
datasets where annotators marked which system turns were errors and how the user reacted.

Each system turn is a trace (input: the user's message to it, output: the system's reply;
the session is the dialog). Some replies are errors (an ignored question, a wrong fact, an
off-topic jump, a repeated answer, nonsense, forgetting what the user said); the user then
repeats or rephrases, points the error out with or without a correction, asks what the bot
means, or ignores it. Many user turns look like feedback and answer a turn that was fine
("no, I don't have pets", "really? that's interesting", "what do you mean by that?").

Labels: {"errors": [...], "turns": [...], "candidates": [system turns whose next user turn
looks like feedback], "error_kinds": {id: kind}, "reactions": {id: what the user did next}}.

    write_dialog_set(folder, seed) -> (bundle_path, labels_path)
"""

from __future__ import annotations

import gzip
import json
import random
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path

from tests.eval import dialog_reactions as D
from tests.eval.dialog_topics import TASKS, TOPICS

SOURCE = "dialog-eval"
T0 = datetime(2026, 10, 5, 9, 0, tzinfo=UTC)
FEEDBACK_LIKE = {"repeat", "point_out", "correct", "clarify", "no_answer", "surprise", "clarify_good", "disagree"}
SYSTEMS = [("companion-bot", "v2.1"), ("companion-bot", "v2.2"), ("open-chat", "2026-09"), ("taskmate", "r14")]


@dataclass
class Move:
    """A user message and the reply that would be right."""
    user: str
    right: str
    kind: str                      # chat, fact, task, answer, reaction, follow
    fact: tuple | None = None
    task: dict | None = None
    asked: str = ""                # the user's original message, for repeats


@dataclass
class Exchange:
    user: str
    system: str
    error: str | None = None
    pending: str | None = None     # the key of a question the bot asked
    remark: str | None = None      # the explanation of a surprising remark the bot made
    forgotten: str | None = None   # the key of what the user had said and the bot asked again
    reaction: str | None = None


@dataclass
class Dialog:
    rng: random.Random
    topic: str | None
    task_kinds: list[str]
    memory: dict[str, str] = field(default_factory=dict)
    used: set = field(default_factory=set)
    exchanges: list[Exchange] = field(default_factory=list)

    def pick(self, pool: list, key: str) -> object | None:
        fresh = [x for x in pool if (key, str(x)) not in self.used]
        if not fresh:
            return None
        x = self.rng.choice(fresh)
        self.used.add((key, str(x)))
        return x

    def say(self, text: str) -> str:
        rng = self.rng
        if rng.random() < 0.3:
            text = text.lower()
        if rng.random() < 0.2:
            text = text.rstrip("?.!")
        if rng.random() < 0.08 and len(text) > 8:
            i = rng.randrange(1, len(text) - 2)
            if text[i].isalpha() and text[i + 1].isalpha():
                text = text[:i] + text[i + 1] + text[i] + text[i + 2:]
        return text or "?"

    # -- what the user says next ------------------------------------------------------------
    def opener(self) -> Move:
        if self.topic:
            user, right = self.rng.choice(TOPICS[self.topic]["openers"])
            return Move(self.say(user), right, "chat", asked=user)
        return self.task_move()

    def task_move(self) -> Move:
        kind = self.rng.choice(self.task_kinds)
        spec = TASKS[kind]
        values = {k: self.rng.choice(v) for k, v in spec["slots"].items()}
        if "n" in values:
            values["m"] = self.rng.choice([n for n in spec["slots"]["n"] if n != values["n"]])
        user = self.rng.choice(spec["requests"]).format(**values)
        return Move(self.say(user), spec["right"].format(**values), "task", task={**spec, "values": values},
                    asked=user)

    def new_move(self) -> Move:
        if not self.topic:
            return self.task_move()
        t = TOPICS[self.topic]
        lead = self.rng.choice(D.LEADS)
        if self.rng.random() < 0.5:
            fact = self.pick(t["facts"], "fact")
            if fact:
                return Move(self.say(lead + fact[0]), fact[2], "fact", fact=fact, asked=fact[0])
        beat = self.pick(t["chat"], "chat")
        if beat:
            return Move(self.say(lead + beat[0]), beat[1], "chat", asked=beat[0])
        other = self.rng.choice([k for k in TOPICS if k != self.topic])
        user, right = self.rng.choice(TOPICS[other]["openers"])
        return Move(self.say("anyway, " + user), right, "chat", asked=user)

    def react(self, move: Move, ex: Exchange) -> Move:
        """The user's next message, given the system's last reply; sets what they did."""
        rng = self.rng
        if ex.error:
            roll = rng.random()
            reaction = ("repeat" if roll < 0.22 else "point_out" if roll < 0.37 else "correct" if roll < 0.55
                        else "clarify" if roll < 0.70 else "ignore")
            if reaction != "ignore":
                ex.reaction = reaction
                return self.error_reaction(move, ex, reaction)
            ex.reaction = "ignore"
            return self.new_move()
        if ex.pending:
            q = next(q for q in TOPICS[self.topic]["questions"] if q[1] == ex.pending)
            no = rng.random() < 0.5
            answer = rng.choice(q[3] if no else q[2])
            self.memory[q[1]] = answer
            ex.reaction = "no_answer" if no else "answer"
            return Move(self.say(answer), q[5] if no else q[4], "answer", asked=answer)
        if ex.remark and rng.random() < 0.7:
            surprise = rng.random() < 0.75
            ex.reaction = "surprise" if surprise else "clarify_good"
            return Move(self.say(rng.choice(D.SURPRISE if surprise else D.CLARIFY_GOOD)), ex.remark, "follow")
        if move.kind == "chat" and rng.random() < 0.2:
            if rng.random() < 0.55:
                ex.reaction = "disagree"
                return Move(self.say(rng.choice(D.DISAGREE)), rng.choice(D.DISAGREE_REPLY), "follow")
            ex.reaction = "clarify_good"
            return Move(self.say(rng.choice(D.CLARIFY_GOOD)), "Just that " + lower_first(move.right), "follow")
        if move.kind in ("task", "fact") and rng.random() < 0.2:
            ex.reaction = "thanks"
            return Move(self.say(rng.choice(D.THANKS)), rng.choice(D.WELCOME), "follow")
        ex.reaction = "new"
        return self.new_move()

    def error_reaction(self, move: Move, ex: Exchange, reaction: str) -> Move:
        rng, kind = self.rng, ex.error
        assert kind is not None
        prev = move.asked or move.user
        if kind == "forgot":
            answer = self.memory[ex.forgotten or ""]
            text = {"repeat": answer, "point_out": rng.choice(D.POINT_OUT["forgot"]),
                    "correct": rng.choice(D.CORRECT["forgot"]).format(answer=answer),
                    "clarify": rng.choice(D.CLARIFY)}[reaction]
            return Move(self.say(text), rng.choice(D.SORRY_FORGOT) + move.right, "reaction", move.fact, move.task,
                        asked=prev)
        if reaction == "repeat":
            rephrased = move.fact and rng.random() < 0.5
            text = move.fact[1] if rephrased else rng.choice(D.REPEAT).format(prev=prev)  # type: ignore[index]
        elif reaction == "point_out":
            text = rng.choice(D.POINT_OUT[kind])
        elif reaction == "correct":
            if kind == "wrong_fact" and move.fact:
                text = move.fact[4]
            elif kind == "wrong_fact" and move.task:
                text = rng.choice(move.task["correction"]).format(**move.task["values"])
            else:
                text = rng.choice(D.CORRECT[kind]).format(prev=prev, topic=self.topic or "my request")
        else:
            text = rng.choice(D.CLARIFY)
        lead = rng.choice(D.MEANT) if reaction == "clarify" else rng.choice(D.SORRY)
        return Move(self.say(text), lead + move.right, "reaction", move.fact, move.task, asked=prev)

    # -- what the system replies ------------------------------------------------------------
    def reply(self, move: Move) -> Exchange:
        rng = self.rng
        share = {"reaction": 0.08, "follow": 0.12}.get(move.kind, 0.24)
        if self.exchanges and rng.random() < share:
            error = self.error_for(move)
            if error:
                return error
        ex = Exchange(move.user, move.right)
        if self.topic and move.kind in ("chat", "answer", "follow") and not move.right.endswith("?"):
            t = TOPICS[self.topic]
            roll = rng.random()
            if roll < 0.35:
                q = self.pick(t["questions"], "question")
                if q and q[1] not in self.memory:
                    ex.system += " " + q[0]
                    ex.pending = q[1]
            elif roll < 0.6:
                remark = self.pick(t["remarks"], "remark")
                if remark:
                    ex.system += " " + remark[0]
                    ex.remark = remark[1]
        return ex

    def error_for(self, move: Move) -> Exchange | None:
        rng = self.rng
        options: list[tuple[str, float]] = [("off_topic", 1.0), ("nonsense", 0.8)]
        if move.kind in ("fact", "task"):
            options += [("wrong_fact", 3.0), ("ignored", 2.0)]
        elif move.kind != "reaction":
            options += [("ignored", 1.0)]
        previous = self.exchanges[-1].system
        if previous != move.right:
            options.append(("repeated", 1.0))
        topic = TOPICS.get(self.topic or "", {})
        known = [k for k in self.memory if k in topic.get("memory", {})]
        if known and move.kind != "reaction":
            options.append(("forgot", 1.5))
        kind = rng.choices([k for k, _ in options], weights=[w for _, w in options])[0]
        if kind == "wrong_fact":
            text = move.fact[3] if move.fact else move.task["wrong"].format(**move.task["values"])  # type: ignore
        elif kind == "ignored":
            text = rng.choice(D.IGNORING)
        elif kind == "off_topic":
            other = rng.choice([k for k in TOPICS if k != self.topic])
            text = rng.choice(TOPICS[other]["chat"])[1]
        elif kind == "nonsense":
            text = rng.choice(D.NONSENSE)
        elif kind == "repeated":
            text = previous
        else:
            key = rng.choice(known)
            text = topic["memory"][key]
            return Exchange(move.user, text, kind, forgotten=key)
        return Exchange(move.user, text, kind)


def lower_first(text: str) -> str:
    return text[:1].lower() + text[1:]


def build_dialog(rng: random.Random) -> list[Exchange]:
    if rng.random() < 0.75:
        d = Dialog(rng, rng.choice(list(TOPICS)), [])
    else:
        d = Dialog(rng, None, rng.sample(list(TASKS), rng.choice([1, 2, 3])))
    turns = rng.randint(4, 8)
    move = d.opener()
    while True:
        ex = d.reply(move)
        d.exchanges.append(ex)
        if len(d.exchanges) == turns:
            return d.exchanges
        move = d.react(move, ex)


def stamp(seconds: float) -> str:
    return (T0 + timedelta(seconds=seconds)).isoformat(timespec="milliseconds").replace("+00:00", "Z")


def write_dialog_set(folder: Path, seed: int, dialogs: int = 240) -> tuple[Path, Path]:
    """Write the dialogs and their labels into ``folder``; the same seed writes the same files."""
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    lines = [json.dumps({"type": "bundle", "version": 1, "source": SOURCE, "exported_at": "2026-10-30T00:00:00Z"})]
    labels: dict = {"errors": [], "turns": [], "candidates": [], "error_kinds": {}, "reactions": {}}
    for index in range(1, dialogs + 1):
        session = f"d{index:04d}"
        system, version = rng.choice(SYSTEMS)
        clock = index * 3 * 86400 / dialogs * 7 + rng.uniform(0, 3600)
        user = f"user{rng.randint(1, 180):03d}"
        for k, ex in enumerate(build_dialog(rng), start=1):
            trace_id = f"{session}-{k}"
            clock += rng.uniform(5, 60)
            took = rng.uniform(0.3, 2.5)
            lines.append(json.dumps({
                "type": "trace", "trace_id": trace_id, "session_id": session, "user_id": user, "name": "reply",
                "start_time": stamp(clock), "end_time": stamp(clock + took), "status": "ok", "input": ex.user,
                "output": ex.system, "metadata": {"model": system, "prompt_version": version}}, ensure_ascii=False))
            clock += took
            labels["turns"].append(trace_id)
            if ex.error:
                labels["errors"].append(trace_id)
                labels["error_kinds"][trace_id] = ex.error
            if ex.reaction:
                labels["reactions"][trace_id] = ex.reaction
                if ex.reaction in FEEDBACK_LIKE:
                    labels["candidates"].append(trace_id)
    bundle = folder / "dialog-eval.jsonl.gz"
    with open(bundle, "wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", mtime=0) as gz:
        gz.write(("\n".join(lines) + "\n").encode())
    labels_path = folder / "dialog-eval.labels.json"
    labels_path.write_text(json.dumps(labels, indent=1, sort_keys=True))
    return bundle, labels_path
