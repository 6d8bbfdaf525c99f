"""One agent run as native records, for the formats that log a run as a list of turns.

Chat transcripts, SWE-agent trajectories, OpenHands event streams and ATIF files all say
the same things in their own words: the messages the agent was given, each answer of the
model with the tools it called, each tool's result, and how the run ended. :class:`Run`
collects those as steps and writes them the same way for every such format:

- one root ``agent`` step (``span_id`` "run") holding the final answer as its output (the
  question is the trace's input), and every other step as its child, in the order they came;
- an ``llm`` step per answer of the model. Its input holds the messages that came in since
  the model's previous answer (the system prompt and the question for the first one), so
  that a long run is stored once and not once per step, marked ``"continues": true`` after
  the first (a replay puts the conversation back together from the steps before it); its
  output is the answer, with the tools it called as ``tool_calls``;
- a ``tool`` step per tool call, its input ``{"name", "arguments"}`` and its output the
  result. Results find their call by id; ids may repeat within a run (tau-bench), so a
  result takes the oldest call of that id still without one, and a result without an id
  the oldest call still waiting.

The outcome a run was graded with (a reward, a score, a pass or fail label, a test
result) becomes a feedback record of source ``automated`` with ``outcome`` "pass" or
"fail", which the signals read as the run's ground truth (:mod:`..signals.agent`).
"""

from __future__ import annotations

import re
from collections import deque
from collections.abc import Callable, Iterator
from pathlib import PurePath
from typing import Any

from . import chat_shapes as cs
from . import messages as m
from .base import Item, Problem, Record
from .jsonsafe import listed, loads_text

Message = dict[str, Any]
ROOT = "run"

# Words that label a run as passed or failed, in the fields where graders put them.
PASS_WORDS = frozenset({"pass", "passed", "success", "succeeded", "resolved", "correct", "true", "yes",
                        "ok", "good", "solved", "completed"})
FAIL_WORDS = frozenset({"fail", "failed", "failure", "error", "unresolved", "incorrect", "false", "no",
                        "bad", "wrong", "timeout", "not_resolved", "unsolved"})


def message_of(item: Any) -> list[Message]:
    """Native messages from one message of any chat dialect (OpenAI, Anthropic, LangChain)."""
    if isinstance(item, dict):
        # The common case, an OpenAI message with text (litellm writes its empty fields as
        # null), is built directly: transcripts hold millions of them.
        role, content = item.get("role"), item.get("content")
        if type(content) is str and type(role) is str and role in m.ROLES:
            msg = {"role": role, "content": content}
            plain = True
            for key, value in item.items():
                if key in ("role", "content") or value is None:
                    continue
                if key in ("tool_call_id", "name") and type(value) is str:
                    if value:
                        msg[key] = value
                    continue
                plain = False
                break
            if plain:
                return [msg]
        if not isinstance(role, str | None):
            item = {**item, "role": str(role)}
        return cs.one_message(item, "user")
    if isinstance(item, str):
        return [m.message("user", item)]
    return []


def text(value: Any) -> str:
    """A message's content as text (content parts joined)."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, list):
        return "\n".join(text(part.get("text", part.get("content")) if isinstance(part, dict) else part)
                         for part in value)
    return str(value)


def utc(value: Any) -> Any:
    """A time that names no offset, as UTC: agent frameworks write local ISO times without
    one, and a trajectory has no other clue."""
    if isinstance(value, str) and re.match(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?$", value):
        return value + "Z"
    return value


def guarded(records: Callable[[], Iterator[Item]], what: str, line: int | None,
            where: str | None = None) -> Iterator[Item]:
    """The records of one run, built whole before any is given: a run whose values are of
    shapes its format never writes (a number where a message should be) is one problem,
    and the file's other runs are read."""
    try:
        items = list(records())
    except (TypeError, ValueError, AttributeError, KeyError, IndexError, RecursionError) as exc:
        yield Problem(f"{what} could not be read ({type(exc).__name__}: {str(exc)[:200]}); skipped", line, where)
        return
    yield from items


class Run:
    """The steps of one run, built in the order the source tells them."""

    def __init__(self, trace_id: str, prefix: str = "") -> None:
        self.trace_id = trace_id
        self.prefix = prefix  # of the step ids it makes up (the parts of one run must not collide)
        self.spans: list[dict[str, Any]] = []
        self.incoming: list[Message] = []  # messages since the model's last answer
        self.question: list[Message] = []  # the system prompt and the first user message
        self.answer: str | None = None  # the last thing the agent said
        self._calls: dict[str, deque[dict[str, Any]]] = {}
        self._waiting: deque[dict[str, Any]] = deque()  # calls in order, for results without an id
        self._ids = 0
        self._answered = self._asked = False

    def next_id(self, prefix: str) -> str:
        self._ids += 1
        return f"{self.prefix}{prefix}-{self._ids}"

    def span(self, kind: str, name: str | None, span_id: str | None = None, parent: str | None = ROOT,
             **fields: Any) -> dict[str, Any]:
        span = {"type": "span", "trace_id": self.trace_id, "span_id": span_id or self.next_id(kind),
                "parent_id": parent, "kind": kind, "name": name}
        span.update((k, v) for k, v in fields.items() if v is not None)
        self.spans.append(span)
        return span

    # Messages. ---------------------------------------------------------------------------

    def hear(self, msg: Message, *, question: bool = True) -> None:
        """A message given to the agent (system, user, or a tool's result). Before the
        model's first answer, the system messages and the first user message make the
        question (``question=False`` for a message that is not part of it, a demonstration)."""
        if msg.get("role") == "tool":
            self.result(msg.get("tool_call_id"), msg.get("content"), name=msg.get("name"),
                        error=bool(msg.pop("error", False)))
        elif question and not self._answered and not self._asked:
            self.question.append(msg)
            self._asked = msg.get("role") == "user"
        self.incoming.append(msg)

    def say(self, msg: Message, *, span_id: str | None = None, model: str | None = None,
            usage: dict[str, Any] | None = None, cost: float | None = None, start: Any = None,
            end: Any = None, attributes: dict[str, Any] | None = None) -> dict[str, Any]:
        """An answer of the model: an LLM step, and a tool step for each tool it called."""
        given = m.conversation(self.incoming)
        if self._answered:
            given["continues"] = True  # the conversation so far is in the LLM steps before it
        llm = self.span("llm", model or "llm", span_id, input=given,
                        output=m.conversation([msg]), model=model, usage=usage or None, cost_usd=cost,
                        start_time=start, end_time=end, attributes=attributes or None)
        self.incoming = []
        self._answered = True
        content = text(msg.get("content"))
        if msg.get("tool_calls"):
            self.answer = None  # the agent went on: what it said was not its answer
        elif content.strip():
            self.answer = content
        for call in listed(msg.get("tool_calls")):
            if isinstance(call, dict):
                self.call(call.get("name"), call.get("arguments"), call.get("id"), start=end)
        return llm

    def call(self, name: Any, arguments: Any, call_id: Any = None, *, span_id: str | None = None,
             start: Any = None, attributes: dict[str, Any] | None = None) -> dict[str, Any]:
        """A tool called; its result comes with :meth:`result`."""
        args = loads_text(arguments)
        span = self.span("tool", str(name or "tool"), span_id,
                         input={"name": str(name or ""), "arguments": {} if args in (None, "") else args},
                         start_time=start, attributes=attributes or None)
        if call_id not in (None, ""):
            span.setdefault("attributes", {})["tool_call_id"] = str(call_id)
            self._calls.setdefault(str(call_id), deque()).append(span)
        self._waiting.append(span)
        return span

    def result(self, call_id: Any, content: Any, *, name: Any = None, error: bool = False,
               end: Any = None) -> dict[str, Any] | None:
        """A tool's result, given to the call it answers; a result no call waits for becomes
        a tool step of its own."""
        span = None
        queue = self._calls.get(str(call_id)) if call_id not in (None, "") else None
        while queue:
            candidate = queue.popleft()
            if "output" not in candidate and "error" not in candidate:
                span = candidate
                break
        while span is None and self._waiting:
            candidate = self._waiting.popleft()
            if "output" not in candidate and "error" not in candidate and (
                    call_id in (None, "") or "tool_call_id" not in candidate.get("attributes", {})):
                span = candidate
        if span is None:
            span = self.span("tool", str(name or "tool"), input={"name": str(name or ""), "arguments": {}},
                             start_time=end)
        value = loads_text(content) if isinstance(content, str) and content[:1] in "[{" else content
        if error:
            span["status"] = "error"
            span["error"] = {"message": text(content)[:2000] or "the tool failed"}
        span["output"] = value
        if end is not None:
            span["end_time"] = end
        return span

    # Records. ----------------------------------------------------------------------------

    def records(self, trace: dict[str, Any], feedback: list[dict[str, Any]] = (), *,
                line: int | None = None, where: str | None = None, root: dict[str, Any] | None = None
                ) -> Iterator[Record]:
        """The trace record, the root step, the steps and the feedback. ``trace`` gives the
        trace's fields (name, status, times, metadata...); input and output default to the
        question and the last answer."""
        question = trace.pop("input", None)
        if question is None and self.question:
            question = m.conversation(self.question)
        output = trace.pop("output", self.answer)
        yield Record({"type": "trace", "trace_id": self.trace_id, "input": question, "output": output,
                      **{k: v for k, v in trace.items() if v is not None}}, line, where)
        # The root step's input is the trace's: not stored twice (a system prompt can be long).
        root_fields = {"type": "span", "trace_id": self.trace_id, "span_id": ROOT, "kind": "agent",
                       "name": trace.get("name") or "run", "output": output,
                       "status": trace.get("status"), "start_time": trace.get("start_time"),
                       "end_time": trace.get("end_time")}
        root_fields.update(root or {})
        yield Record({k: v for k, v in root_fields.items() if v is not None}, line, where)
        for span in self.spans:
            yield Record(span, line, where)
        for fb in feedback:
            yield Record({"type": "feedback", "trace_id": self.trace_id, **fb}, line, where)


def file_stem(name: str, suffixes: tuple[str, ...] = (), default: str = "") -> str:
    """A file's name without its folders (or the zip it is in: ``archive.zip!run.json``)
    and without the ``suffixes`` given, taken off in turn; ``default`` when nothing is left.
    What names a run when the file itself says nothing."""
    stem = PurePath(name.split("!")[-1]).name
    for suffix in suffixes:
        stem = stem.removesuffix(suffix)
    return stem or default


def unit_scale(value: Any) -> list[float] | None:
    """``[0, 1]`` for a grade given as a number between 0 and 1 (a reward, a share of tests
    passed), else None: the scale its feedback record says it was on."""
    return [0, 1] if isinstance(value, int | float) and not isinstance(value, bool) and 0 <= value <= 1 else None


def outcome_feedback(kind: str, value: Any, *, comment: str | None = None, author: str | None = None,
                     scale: list[float] | None = None, span_id: str | None = None) -> dict[str, Any] | None:
    """A grader's verdict on a run as a feedback record, marked ``outcome`` pass or fail
    when the value says which (None for a value that is no verdict at all)."""
    if value is None or isinstance(value, dict | list):
        return None
    verdict = outcome_of(value, scale)
    fb: dict[str, Any] = {"kind": kind, "value": value, "source": "automated"}
    if verdict is not None:
        fb["outcome"] = verdict
        if isinstance(value, bool | str):
            fb["correct"] = verdict == "pass"
    if scale is not None and isinstance(value, int | float) and not isinstance(value, bool):
        fb["scale"] = scale
    for key, val in (("comment", comment), ("author", author), ("span_id", span_id)):
        if val:
            fb[key] = val
    return fb


def outcome_of(value: Any, scale: list[float] | None = None) -> str | None:
    """"pass", "fail", or None for a grader's value: true/false, a word, or a number (its
    scale's top is a pass, its bottom a fail; 0 to 1 unless told)."""
    if isinstance(value, bool):
        return "pass" if value else "fail"
    if isinstance(value, int | float):
        low, high = scale or (0, 1)
        if value >= high:
            return "pass"
        if value <= low:
            return "fail"
        return None
    if isinstance(value, str):
        word = value.strip().lower().replace(" ", "_")
        if word in PASS_WORDS:
            return "pass"
        if word in FAIL_WORDS:
            return "fail"
    return None
