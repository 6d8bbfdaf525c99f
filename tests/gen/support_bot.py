"""Generated conversations of a support bot, as native trace bundles, with labels.

Each session is a scenario: a run that went right, a planted failure of one kind, or a
hard negative (a case that looks like a failure to a careless detector but is not: a
thumbs-up, a follow-up on a new topic, a same-topic follow-up that asks something new, a
"thanks" ending, a tool error that was retried successfully, "human" in another sense, a
rater who marks nearly everything down). :class:`Labels` says which trace holds which
planted failure, so the queue's precision can be measured.

    python -m tests.gen.support_bot resources/demo/support-bot.jsonl.gz --traces 300

writes the demo bundle the app ships.
"""

from __future__ import annotations

import argparse
import gzip
import random
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import orjson

from .topics import (
    ADMITS_FAILURE,
    DAYS,
    ESCALATIONS,
    FRUSTRATIONS,
    HUMAN_OTHER_SENSES,
    ITEMS,
    MADE_UP,
    NAMES,
    NEW_TOPIC_OPENERS,
    THANKS,
    TOPICS,
    Topic,
)

SOURCE = "support-bot/prod"
SYSTEM_PROMPT = ("You are the support assistant of Trailhead Outfitters. Use the tools to look up "
                 "orders; answer briefly and never promise what a tool did not confirm.")
START = datetime(2026, 11, 9, 8, 0, tzinfo=UTC)

# Planted failures a detector can see, by the signal that should reveal them.
FAILURE_KINDS = ("thumbs_down", "low_rating", "correction", "rephrase", "escalation", "frustration",
                 "abandonment", "error_swallowed", "empty_retrieval", "loop", "outlier")
HARD_NEGATIVES = ("thumbs_up", "new_topic", "same_topic_follow_up", "thanks_ending", "retried_tool_error",
                  "human_other_sense", "grumpy_rater")


@dataclass
class Labels:
    failures: dict[str, str] = field(default_factory=dict)  # trace id -> planted failure kind
    hard_negatives: dict[str, str] = field(default_factory=dict)  # trace id -> kind of trap
    explicit_negative: set[str] = field(default_factory=set)  # traces a reliable rater marked bad
    traces: int = 0
    spans: int = 0

    def merge(self, other: Labels) -> None:
        self.failures.update(other.failures)
        self.hard_negatives.update(other.hard_negatives)
        self.explicit_negative |= other.explicit_negative
        self.traces += other.traces
        self.spans += other.spans


def _stamp(t: datetime) -> str:
    return t.isoformat(timespec="milliseconds").replace("+00:00", "Z")


class Session:
    """Writes the turns of one conversation as records."""

    def __init__(self, rng: random.Random, number: int, start: datetime, topic: Topic) -> None:
        self.rng = rng
        self.id = f"s-{number:05d}"
        self.user = f"{rng.choice(NAMES)}{number % 997}"
        self.clock = start
        self.topic = topic
        self.fill = {"order": str(rng.randint(10000, 99999)), "item": rng.choice(ITEMS),
                     "email": f"{self.user}@mail.example", "day": rng.choice(DAYS)}
        self.records: list[dict] = []
        self.turns: list[str] = []
        self.model = rng.choice(("gpt-4o-mini", "gpt-4o-mini", "claude-3-5-haiku"))
        self.prompt_version = rng.choice(("support-v12", "support-v13"))
        self.channel = rng.choice(("web", "web", "mobile"))

    def text(self, template: str) -> str:
        return template.format(**self.fill)

    def turn(self, question: str, answer: str, steps: list[dict] | None = None, *,
             outlier: bool = False) -> str:
        """One run: the user's message, the steps, the answer. Returns its trace id."""
        rng = self.rng
        trace_id = f"{self.id}-t{len(self.turns) + 1}"
        self.turns.append(trace_id)
        start = self.clock
        t = start + timedelta(milliseconds=rng.randint(5, 40))
        spans: list[dict] = []
        root = f"{trace_id}.0"
        history = [{"role": "system", "content": SYSTEM_PROMPT}, {"role": "user", "content": question}]
        calls = [s for s in (steps or []) if s["kind"] == "tool"]
        if calls:
            t = self._llm(spans, trace_id, root, t, "plan", history,
                          {"role": "assistant", "content": "", "tool_calls": [
                              {"id": f"call_{i}", "name": c["name"], "arguments": c["arguments"]}
                              for i, c in enumerate(calls[:1])]})
        for step in steps or []:
            t = self._step(spans, trace_id, root, t, step)
        t = self._llm(spans, trace_id, root, t, "answer", history, {"role": "assistant", "content": answer},
                      slow=outlier)
        end = t + timedelta(milliseconds=rng.randint(2, 20))
        self.records.append({
            "type": "trace", "trace_id": trace_id, "session_id": self.id, "user_id": self.user,
            "name": "support_turn", "start_time": _stamp(start), "end_time": _stamp(end), "status": "ok",
            "input": question, "output": answer, "tags": [self.channel, self.topic.name],
            "metadata": {"model": self.model, "prompt_version": self.prompt_version, "app_version": "2.4.1",
                         "environment": "prod", "locale": "en-GB"},
        })
        self.records.append({
            "type": "span", "trace_id": trace_id, "span_id": root, "parent_id": None, "name": "support_agent",
            "kind": "agent", "start_time": _stamp(start), "end_time": _stamp(end), "status": "ok",
            "input": {"messages": [{"role": "user", "content": question}]},
            "output": {"messages": [{"role": "assistant", "content": answer}]},
        })
        self.records += spans
        self.clock = end + timedelta(seconds=rng.randint(20, 240))
        return trace_id

    def _llm(self, spans: list[dict], trace_id: str, root: str, t: datetime, name: str, history: list[dict],
             reply: dict, slow: bool = False) -> datetime:
        ms = self.rng.randint(500, 1600) * (20 if slow else 1)
        tokens_in = 180 + 12 * len(history) + self.rng.randint(0, 60)
        end = t + timedelta(milliseconds=ms)
        spans.append({
            "type": "span", "trace_id": trace_id, "span_id": f"{trace_id}.{len(spans) + 1}", "parent_id": root,
            "name": name, "kind": "llm", "start_time": _stamp(t), "end_time": _stamp(end), "status": "ok",
            "model": self.model, "input": {"messages": list(history)}, "output": {"messages": [reply]},
            "usage": {"input_tokens": tokens_in, "output_tokens": 20 + len(reply.get("content") or "") // 4},
            "cost_usd": round(tokens_in * 1.5e-7, 7),
        })
        return end

    def _step(self, spans: list[dict], trace_id: str, root: str, t: datetime, step: dict) -> datetime:
        ms = step.get("ms") or self.rng.randint(60, 400)
        end = t + timedelta(milliseconds=ms)
        span = {"type": "span", "trace_id": trace_id, "span_id": f"{trace_id}.{len(spans) + 1}",
                "parent_id": root, "name": step["name"], "kind": step["kind"], "start_time": _stamp(t),
                "end_time": _stamp(end), "status": "ok"}
        if step["kind"] == "tool":
            span["input"] = {"name": step["name"], "arguments": step["arguments"]}
            span["output"] = step.get("result")
        else:
            span["input"] = {"query": step["query"]}
            span["output"] = {"documents": step["documents"]}
        if step.get("error"):
            span.update(status="error", error={"type": step.get("error_type", "ToolError"),
                                               "message": step["error"]}, output=None)
        spans.append(span)
        return end + timedelta(milliseconds=self.rng.randint(5, 30))

    def feedback(self, trace_id: str, kind: str, value: Any = None, **fields: Any) -> None:
        record = {"type": "feedback", "trace_id": trace_id, "kind": kind, "source": "user",
                  "time": _stamp(self.clock), **fields}
        if value is not None:
            record["value"] = value
        self.records.append(record)

    # The usual steps of a turn on this session's topic.
    def tool(self, *, error: str | None = None, arguments: dict | None = None) -> dict:
        fill = lambda v: self.text(v) if isinstance(v, str) else v  # noqa: E731
        step = {"kind": "tool", "name": self.topic.tool,
                "arguments": arguments or {k: fill(v) for k, v in self.topic.arguments.items()},
                "result": {k: fill(v) for k, v in self.topic.result.items()}}
        if error:
            step.update(error=error, error_type=self.rng.choice(("TimeoutError", "HTTPError 503")))
        return step

    def retrieval(self, question: str, *, empty: bool = False) -> dict:
        documents = [] if empty else [
            {"id": doc_id, "content": self.text(content), "score": round(self.rng.uniform(0.62, 0.93), 2),
             "source": f"help-centre/{doc_id}"} for doc_id, content in self.topic.articles]
        return {"kind": "retrieval", "name": "search_help_centre", "query": question, "documents": documents}

    def steps(self, question: str) -> list[dict]:
        return [self.retrieval(question), self.tool()]


# Scenarios: each writes one session and labels its turns. ---------------------------------

Scenario = Callable[[Session, Labels], None]


def good(s: Session, labels: Labels) -> None:
    q = s.text(s.rng.choice(s.topic.asks))
    s.turn(q, s.text(s.topic.good), s.steps(q))


def thumbs_up(s: Session, labels: Labels) -> None:
    q = s.text(s.rng.choice(s.topic.asks))
    t = s.turn(q, s.text(s.topic.good), s.steps(q))
    s.feedback(t, "thumbs", 1)
    labels.hard_negatives[t] = "thumbs_up"


def new_topic(s: Session, labels: Labels) -> None:
    q = s.text(s.rng.choice(s.topic.asks))
    first = s.turn(q, s.text(s.topic.good), s.steps(q))
    other = s.rng.choice([t for t in TOPICS if t is not s.topic])
    q2 = s.rng.choice(NEW_TOPIC_OPENERS) + s.text(s.rng.choice(other.asks))
    s.topic, previous = other, s.topic
    s.turn(q2, s.text(other.good), s.steps(q2))
    s.topic = previous
    labels.hard_negatives[first] = "new_topic"


def same_topic_follow_up(s: Session, labels: Labels) -> None:
    q = s.text(s.rng.choice(s.topic.asks))
    first = s.turn(q, s.text(s.topic.good), s.steps(q))
    i = s.rng.randrange(len(s.topic.follow_ups))
    q2 = s.text(s.topic.follow_ups[i])
    s.turn(q2, s.text(s.topic.follow_up_answers[i]), [s.retrieval(q2)])
    labels.hard_negatives[first] = "same_topic_follow_up"


def thanks_ending(s: Session, labels: Labels) -> None:
    q = s.text(s.rng.choice(s.topic.asks))
    first = s.turn(q, s.text(s.topic.good), s.steps(q))
    last = s.turn(s.rng.choice(THANKS), "You're welcome! Have a great day on the trail.")
    labels.hard_negatives[first] = labels.hard_negatives[last] = "thanks_ending"


def retried_tool_error(s: Session, labels: Labels) -> None:
    q = s.text(s.rng.choice(s.topic.asks))
    t = s.turn(q, s.text(s.topic.good), [s.retrieval(q), s.tool(error="upstream timed out after 10 s"),
                                         s.tool()])
    labels.hard_negatives[t] = "retried_tool_error"


def human_other_sense(s: Session, labels: Labels) -> None:
    q = s.rng.choice(HUMAN_OTHER_SENSES)
    t = s.turn(q, "Good question! Yes: everything we sell meets the EU safety standards for its use, "
                  "and the details are on each product page.", [s.retrieval(q)])
    if s.rng.random() < 0.5:
        s.turn(s.rng.choice(THANKS), "You're welcome!")
    labels.hard_negatives[t] = "human_other_sense"


def thumbs_down(s: Session, labels: Labels) -> None:
    q = s.text(s.rng.choice(s.topic.asks))
    t = s.turn(q, s.text(s.topic.miss), s.steps(q))
    comment = s.rng.choice((None, "didn't answer my question", "wrong info"))
    s.feedback(t, "thumbs", -1, **({"comment": comment} if comment else {}))
    labels.failures[t] = "thumbs_down"
    labels.explicit_negative.add(t)


def low_rating(s: Session, labels: Labels) -> None:
    q = s.text(s.rng.choice(s.topic.asks))
    t = s.turn(q, s.rng.choice(MADE_UP), s.steps(q))
    s.feedback(t, "rating", s.rng.choice((1, 2)), scale=[1, 5])
    labels.failures[t] = "low_rating"
    labels.explicit_negative.add(t)


def correction(s: Session, labels: Labels) -> None:
    q = s.text(s.rng.choice(s.topic.asks))
    t = s.turn(q, s.text(s.topic.miss), s.steps(q))
    s.records.append({"type": "feedback", "trace_id": t, "kind": "correction", "source": "reviewer",
                      "author": "qa-lead", "correction": s.text(s.topic.good),
                      "comment": "answered a different question"})
    labels.failures[t] = "correction"
    labels.explicit_negative.add(t)


def rephrase(s: Session, labels: Labels) -> None:
    q = s.text(s.rng.choice(s.topic.asks))
    t = s.turn(q, s.text(s.topic.miss), s.steps(q))
    q2 = s.text(s.rng.choice(s.topic.rephrases))
    s.turn(q2, s.text(s.topic.good), s.steps(q2))
    labels.failures[t] = "rephrase"


def escalation(s: Session, labels: Labels) -> None:
    q = s.text(s.rng.choice(s.topic.asks))
    t = s.turn(q, s.text(s.topic.miss), s.steps(q))
    s.turn(s.rng.choice(ESCALATIONS), "I'm connecting you with a colleague from our support team.")
    labels.failures[t] = "escalation"


def frustration(s: Session, labels: Labels) -> None:
    q = s.text(s.rng.choice(s.topic.asks))
    t = s.turn(q, s.text(s.topic.miss), s.steps(q))
    s.turn(s.rng.choice(FRUSTRATIONS), "I'm sorry about that. " + s.text(s.topic.good))
    labels.failures[t] = "frustration"


def abandonment(s: Session, labels: Labels) -> None:
    q = s.text(s.rng.choice(s.topic.asks))
    t = s.turn(q, s.rng.choice(ADMITS_FAILURE), [s.retrieval(q)])
    labels.failures[t] = "abandonment"


def error_swallowed(s: Session, labels: Labels) -> None:
    q = s.text(s.rng.choice(s.topic.asks))
    t = s.turn(q, s.text(s.topic.claim), [s.retrieval(q), s.tool(error="503 Service Unavailable")])
    labels.failures[t] = "error_swallowed"


def empty_retrieval(s: Session, labels: Labels) -> None:
    q = s.text(s.rng.choice(s.topic.asks))
    t = s.turn(q, s.rng.choice(MADE_UP), [s.retrieval(q, empty=True)])
    labels.failures[t] = "empty_retrieval"


def loop(s: Session, labels: Labels) -> None:
    q = s.text(s.rng.choice(s.topic.asks))
    tool = s.tool()
    t = s.turn(q, s.text(s.topic.good), [s.retrieval(q)] + [dict(tool) for _ in range(s.rng.randint(4, 7))])
    labels.failures[t] = "loop"


def outlier(s: Session, labels: Labels) -> None:
    q = s.text(s.rng.choice(s.topic.asks))
    t = s.turn(q, s.text(s.topic.good), s.steps(q), outlier=True)
    labels.failures[t] = "outlier"


SCENARIOS: dict[str, tuple[Scenario, float]] = {
    # runs that went right, and hard negatives
    "good": (good, 26), "thumbs_up": (thumbs_up, 6), "new_topic": (new_topic, 6),
    "same_topic_follow_up": (same_topic_follow_up, 6), "thanks_ending": (thanks_ending, 6),
    "retried_tool_error": (retried_tool_error, 4), "human_other_sense": (human_other_sense, 4),
    # planted failures
    "thumbs_down": (thumbs_down, 4), "low_rating": (low_rating, 2), "correction": (correction, 1.5),
    "rephrase": (rephrase, 4), "escalation": (escalation, 3), "frustration": (frustration, 3),
    "abandonment": (abandonment, 2.5), "error_swallowed": (error_swallowed, 3),
    "empty_retrieval": (empty_retrieval, 2.5), "loop": (loop, 2), "outlier": (outlier, 1.5),
}


def _grumpy_rater(rng: random.Random, sessions: list[Session], labels: Labels) -> None:
    """One user who marks nearly every answer down, good ones included: their thumbs-down
    on a good answer is a trap for the queue."""
    mine = [s for s in sessions if s.turns][: max(6, len(sessions) // 40)]
    for s in mine:
        s.user = "grumpy-gus"
        for record in s.records:
            if record["type"] == "trace":
                record["user_id"] = "grumpy-gus"
        first = s.turns[0]
        s.feedback(first, "thumbs", -1)
        if first in labels.failures:
            labels.explicit_negative.discard(first)
        else:
            labels.hard_negatives[first] = "grumpy_rater"


def generate(n_traces: int, seed: int = 1) -> tuple[Iterator[dict], Labels]:
    """Records of about ``n_traces`` traces (sessions of one to two turns) and their labels."""
    rng = random.Random(seed)
    names = list(SCENARIOS)
    weights = [SCENARIOS[n][1] for n in names]
    labels = Labels()
    sessions: list[Session] = []
    clock = START
    traces = 0
    number = 0
    while traces < n_traces:
        number += 1
        clock += timedelta(seconds=rng.randint(30, 900))
        session = Session(rng, number, clock, rng.choice(TOPICS))
        SCENARIOS[rng.choices(names, weights)[0]][0](session, labels)
        traces += len(session.turns)
        sessions.append(session)
    _grumpy_rater(rng, sessions, labels)
    labels.traces = traces
    labels.spans = sum(1 for s in sessions for r in s.records if r["type"] == "span")

    def records() -> Iterator[dict]:
        yield {"type": "bundle", "version": 1, "source": SOURCE, "exported_at": "2026-11-20T10:00:00Z"}
        for s in sessions:
            yield from s.records

    return records(), labels


def write_bundle(path: Path, n_traces: int, seed: int = 1) -> Labels:
    """Write a labelled bundle of about ``n_traces`` traces (``.gz`` compresses it)."""
    records, labels = generate(n_traces, seed)
    data = b"".join(orjson.dumps(record) + b"\n" for record in records)
    # mtime=0: the same seed writes the same bytes.
    path.write_bytes(gzip.compress(data, mtime=0) if path.name.endswith(".gz") else data)
    return labels


# What a production agent's steps carry, for the import benchmark: a full system prompt,
# order records and help-centre passages of a realistic length (spans of 1.5-2 KB).
LONG_SYSTEM_PROMPT = SYSTEM_PROMPT + (
    " Policies: refunds within 30 days of delivery; damaged items are refunded in full once returned; "
    "return labels are free for damaged items. Never share another customer's data. Escalate to a human "
    "when the customer asks for one, when a payment failed twice, or when the customer is upset. Answer in "
    "the customer's language, in at most four sentences, and end with a question only when you need details."
)


def _order_record(fill: dict, n: int) -> dict:
    return {"order_id": fill["order"], "status": ("shipped", "processing", "delivered")[n % 3],
            "placed_at": "2026-11-02T14:21:09Z", "customer": {"email": fill["email"], "tier": "member"},
            "items": [{"sku": f"TH-{1000 + (n + i) % 800}", "name": ITEMS[(n + i) % len(ITEMS)],
                       "size": "LMS"[i % 3], "quantity": 1, "price_eur": 49.9 + 10 * i} for i in range(3)],
            "shipping": {"carrier": "DPD", "tracking": f"DPD{n:010d}", "address": "12 Harbour Road, Leith"}}


def write_large_bundle(path: Path, n_traces: int, spans_per_trace: int, seed: int = 1) -> int:
    """A big bundle for import benchmarks: ``n_traces`` agent runs of ``spans_per_trace``
    steps each (LLM calls whose input repeats the conversation so far, tools, retrievals),
    written as it is generated. Returns the number of spans."""
    rng = random.Random(seed)
    t0 = int(START.timestamp() * 1e9)
    written = 0
    with open(path, "wb") as fh:
        fh.write(orjson.dumps({"type": "bundle", "version": 1, "source": "bench/agent"}) + b"\n")
        for n in range(n_traces):
            topic = TOPICS[n % len(TOPICS)]
            fill = {"order": str(10000 + n % 90000), "item": ITEMS[n % len(ITEMS)], "email": f"u{n}@mail.example",
                    "day": DAYS[n % len(DAYS)]}
            question = topic.asks[n % len(topic.asks)].format(**fill)
            answer = topic.good.format(**fill)
            trace_id = f"bench-{n:08d}"
            start = t0 + n * 2_000_000_000
            fh.write(orjson.dumps({
                "type": "trace", "trace_id": trace_id, "session_id": f"s{n // 3}", "user_id": f"u{n % 5000}",
                "name": "support_turn", "start_time": start, "end_time": start + 1_900_000_000, "status": "ok",
                "input": question, "output": answer, "tags": [topic.name],
                "metadata": {"model": "gpt-4o-mini", "prompt_version": f"support-v{12 + n % 2}"}}) + b"\n")
            history = [{"role": "system", "content": LONG_SYSTEM_PROMPT}, {"role": "user", "content": question}]
            for i in range(spans_per_trace):
                span_start = start + i * 70_000_000
                span: dict[str, Any] = {
                    "type": "span", "trace_id": trace_id, "span_id": f"{trace_id}.{i}",
                    "parent_id": None if i == 0 else f"{trace_id}.0", "start_time": span_start,
                    "end_time": span_start + rng.randint(20, 65) * 1_000_000, "status": "ok"}
                kind = "agent" if i == 0 else ("llm", "tool", "retrieval")[i % 3]
                span["kind"] = kind
                if kind == "agent":
                    span.update(name="support_agent", input=question, output=answer)
                elif kind == "llm":
                    reply = {"role": "assistant", "content": answer if i == spans_per_trace - 1 else
                             f"Let me check {topic.tool} for {fill['order']}."}
                    span.update(name="answer", model="gpt-4o-mini", input={"messages": history[:1] + history[-5:]},
                                output={"messages": [reply]},
                                usage={"input_tokens": 200 + 40 * i, "output_tokens": 60}, cost_usd=0.0004)
                    history.append(reply)
                elif kind == "tool":
                    arguments = {k: v.format(**fill) if isinstance(v, str) else v for k, v in topic.arguments.items()}
                    result = {**{k: v.format(**fill) if isinstance(v, str) else v for k, v in topic.result.items()},
                              "order": _order_record(fill, n)}
                    span.update(name=topic.tool, input={"name": topic.tool, "arguments": arguments}, output=result,
                                attributes={"tool.version": "3", "retries": 0})
                    history.append({"role": "tool", "content": orjson.dumps(result).decode()})
                else:
                    span.update(name="search_help_centre", input={"query": question}, output={"documents": [
                        {"id": d, "content": f"{c} {c} See also the help centre's {topic.name} section.",
                         "score": 0.8, "source": f"help-centre/{d}"}
                        for d, c in topic.articles * 2]})
                fh.write(orjson.dumps(span) + b"\n")
                written += 1
            if n % 7 == 0:
                fh.write(orjson.dumps({"type": "feedback", "trace_id": trace_id, "kind": "thumbs",
                                       "value": -1 if n % 3 == 0 else 1, "source": "user"}) + b"\n")
    return written


def main() -> None:
    parser = argparse.ArgumentParser(description="Write a labelled support-bot bundle.")
    parser.add_argument("path", type=Path)
    parser.add_argument("--traces", type=int, default=300)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    labels = write_bundle(args.path, args.traces, args.seed)
    print(f"{args.path}: {labels.traces} traces, {labels.spans} spans, {len(labels.failures)} planted failures, "
          f"{len(labels.hard_negatives)} hard negatives")


if __name__ == "__main__":
    main()
