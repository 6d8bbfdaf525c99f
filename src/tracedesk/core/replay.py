"""Replaying a run step by step: its steps in time order, and at each step what the
agent had in front of it (the conversation so far, the documents retrieved so far, the
tool results so far) and what the step did.

A replay is read in two parts so that a trace of 10,000 steps stays cheap:
:func:`replay_steps` reads only the outline (no inputs or outputs) and counts, for each
step, what came before it; :func:`replay_context` reads the content of one step and of
the few earlier steps its context is made of, when a person looks at it. How many
documents each retrieval found is read once per replay, on the first such look, and kept
as running totals.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, NamedTuple

from sqlalchemy import Connection

from .store import chunked, placeholders, select_named, select_rows
from .text import loads_or_none, retrieved_documents
from .views import TraceOutline, trace_outline


@dataclass(frozen=True)
class ReplayStep:
    """One step of a replay, without its content."""

    index: int  # its place in time order
    pk: int
    span_id: str
    parent_id: str | None
    name: str | None
    kind: str
    status: str | None
    start_ns: int | None
    end_ns: int | None
    depth: int
    container: bool  # it holds other steps (an agent, a chain): its output is theirs put together
    llm_calls_before: int
    tool_calls_before: int
    retrievals_before: int
    last_llm: int | None  # index of the latest LLM step before this one

    @property
    def failed(self) -> bool:
        return self.status == "error"


@dataclass
class Replay:
    """A trace's steps in time order, and moves between them."""

    trace_pk: int
    trace_id: str
    source: str
    question: str
    steps: list[ReplayStep]
    _by_span_id: dict[str, int] = field(default_factory=dict, repr=False)
    # documents retrieved before each step, read on first use (see documents_before)
    _documents_before: list[int] | None = field(default=None, repr=False, compare=False)

    def __len__(self) -> int:
        return len(self.steps)

    def index_of(self, span_id: str) -> int | None:
        if not self._by_span_id:
            self._by_span_id = {s.span_id: s.index for s in self.steps}
        return self._by_span_id.get(span_id)

    def first(self, *, skip_containers: bool = False) -> int | None:
        return self._seek(-1, 1, skip_containers)

    def last(self, *, skip_containers: bool = False) -> int | None:
        return self._seek(len(self.steps), -1, skip_containers)

    def next(self, index: int, *, skip_containers: bool = False) -> int:
        """The step after ``index`` (``index`` itself at the end)."""
        found = self._seek(index, 1, skip_containers)
        return index if found is None else found

    def previous(self, index: int, *, skip_containers: bool = False) -> int:
        """The step before ``index`` (``index`` itself at the start)."""
        found = self._seek(index, -1, skip_containers)
        return index if found is None else found

    def documents_before(self, conn: Connection, index: int) -> int:
        """How many documents the retrieval steps before step ``index`` found. The first
        call reads every retrieval's output once and keeps the running totals."""
        if self._documents_before is None:
            self._documents_before = _document_totals(conn, self.steps)
        return self._documents_before[index]

    def _seek(self, index: int, step: int, skip_containers: bool) -> int | None:
        index += step
        while 0 <= index < len(self.steps):
            if not (skip_containers and self.steps[index].container):
                return index
            index += step
        return None


def replay_steps(conn: Connection, trace_pk: int) -> Replay:
    """The steps of a trace in time order (steps without a start time first), each with
    the counts of what came before it. Reads the outline only."""
    return replay_of(trace_outline(conn, trace_pk))


def replay_of(outline: TraceOutline) -> Replay:
    """The replay of a trace whose outline is already read (the trace view holds one)."""
    nodes = sorted(outline.by_span_id.values(), key=lambda n: (n.start_ns is not None, n.start_ns or 0, n.pk))
    steps: list[ReplayStep] = []
    llm = tools = retrievals = 0
    last_llm: int | None = None
    for index, node in enumerate(nodes):
        steps.append(ReplayStep(index, node.pk, node.span_id, node.parent_id, node.name, node.kind, node.status,
                                node.start_ns, node.end_ns, node.depth, bool(node.children), llm, tools,
                                retrievals, last_llm))
        if node.kind == "llm":
            llm += 1
            last_llm = index
        elif node.kind == "tool":
            tools += 1
        elif node.kind == "retrieval":
            retrievals += 1
    return Replay(outline.pk, outline.trace_id, outline.source, outline.question, steps)


@dataclass(frozen=True)
class Document:
    step_index: int  # the retrieval step that found it
    span_id: str
    id: str | None
    content: Any
    score: float | None
    source: str | None


@dataclass(frozen=True)
class ToolResult:
    step_index: int  # the tool step that returned it
    span_id: str
    name: str | None
    arguments: Any
    result: Any
    error: Any  # {"type", "message"} when the call failed


@dataclass(frozen=True)
class StepAction:
    """What one step did."""

    input: Any
    output: Any
    error: Any
    reply: dict[str, Any] | None  # an LLM step's answer (the last message it returned)
    tool_calls: list[dict[str, Any]]  # the tools an LLM step asked for; a tool step's own call
    documents: list[Document]  # what a retrieval step found


@dataclass(frozen=True)
class StepContext:
    """A step as it was replayed: what was in front of the agent, and what it did."""

    step: ReplayStep
    messages: list[dict[str, Any]]  # the conversation so far, as the native format writes messages
    documents: list[Document]  # the latest documents retrieved before this step, oldest first
    documents_total: int  # all the documents retrieved before it
    tool_results: list[ToolResult]  # the latest tool results before this step, oldest first; for an LLM
    # step sent its messages, the results those messages hold (what the model was given)
    tool_results_total: int
    action: StepAction
    # earlier tool results an LLM step's messages do not hold: the model was not given them
    not_given: list[ToolResult] = field(default_factory=list)


def replay_context(conn: Connection, replay: Replay, index: int, *, limit: int = 50) -> StepContext:
    """Step ``index`` of a replay with its context: the conversation as the agent had it
    (an LLM step's own input; for another step, the latest LLM step's input and answer
    followed by the tool results since), and the latest ``limit`` documents and tool
    results from before it, with their totals. Reads a handful of spans, not the trace."""
    steps = replay.steps
    step = steps[index]
    earlier_tools = [s for s in reversed(steps[:index]) if s.kind == "tool"][:limit]
    earlier_retrievals = [s for s in reversed(steps[:index]) if s.kind == "retrieval"][:limit]
    wanted = {step.pk, *(s.pk for s in earlier_tools), *(s.pk for s in earlier_retrievals)}
    if step.last_llm is not None:
        wanted.add(steps[step.last_llm].pk)
    content = _content(conn, wanted)
    # An LLM step that holds only the messages since the one before it (a trajectory stored
    # once, not once per step) continues that step's conversation: it is put back together
    # from the earlier LLM steps, the latest ``limit`` of them.
    head = step.pk if step.kind == "llm" else (steps[step.last_llm].pk if step.last_llm is not None else None)
    earlier_llms: list[ReplayStep] = []
    if head is not None and _continues(content[head].input):
        at = index if step.kind == "llm" else step.last_llm
        earlier_llms = [s for s in reversed(steps[:at]) if s.kind == "llm"][:limit][::-1]
        content.update(_content(conn, {s.pk for s in earlier_llms} - set(content)))
    before: list[dict[str, Any]] = []
    for s in earlier_llms:
        before += _messages(content[s.pk].input) + _messages(content[s.pk].output)

    documents: list[Document] = []
    for s in earlier_retrievals:
        room = limit - len(documents)
        if room <= 0:
            break
        documents[:0] = _documents(s, content[s.pk].output)[-room:]
    documents_total = replay.documents_before(conn, index)
    tool_results = [_tool_result(s, content[s.pk]) for s in reversed(earlier_tools)]
    tool_results_total = step.tool_calls_before
    not_given: list[ToolResult] = []

    if step.kind == "llm":
        messages = before + _messages(content[step.pk].input)
        if _sent_messages(content[step.pk].input):
            replies = _messages(content[steps[step.last_llm].pk].output) if step.last_llm is not None else []
            tool_results, not_given = given_tool_results(messages, replies, tool_results)
            tool_results_total = len(tool_results)
    else:
        if step.last_llm is not None:
            llm = content[steps[step.last_llm].pk]
            messages = before + _messages(llm.input) + _messages(llm.output)
            since = step.last_llm
        else:
            messages = [{"role": "user", "content": replay.question}] if replay.question else []
            since = -1
        for result in tool_results:
            if result.step_index > since:
                messages.append({"role": "tool", "name": result.name,
                                 "content": result.result if result.error is None else {"error": result.error}})

    own = content[step.pk]
    reply = None
    calls: list[dict[str, Any]] = []
    if step.kind == "llm":
        replies = [m for m in _messages(own.output) if m.get("role") == "assistant"]
        reply = replies[-1] if replies else None
        calls = [c for m in replies for c in (m.get("tool_calls") or []) if isinstance(c, dict)]
    elif step.kind == "tool":
        call = _tool_result(step, own)
        calls = [{"name": call.name, "arguments": call.arguments}]
    action = StepAction(own.input, own.output, own.error, reply, calls,
                        _documents(step, own.output) if step.kind == "retrieval" else [])
    return StepContext(step, messages, documents, documents_total, tool_results, tool_results_total, action,
                       not_given)


def _sent_messages(value: Any) -> bool:
    """Whether an LLM step's input is the list of messages it was sent (then what it was
    given can be told from it; a bare prompt says nothing of the tools)."""
    return isinstance(value, dict) and isinstance(value.get("messages"), list)


def _tool_messages(messages: list[dict[str, Any]]) -> list[tuple[str | None, str | None, Any]]:
    """The tool results a conversation holds, as (call id, tool name, content): OpenAI's
    ``tool`` and ``function`` messages and Anthropic's ``tool_result`` content parts."""
    found: list[tuple[str | None, str | None, Any]] = []
    for message in messages:
        if message.get("role") in ("tool", "function"):
            found.append((message.get("tool_call_id"), message.get("name"), message.get("content")))
        elif isinstance(message.get("content"), list):
            found += [(part.get("tool_use_id"), None, part.get("content")) for part in message["content"]
                      if isinstance(part, dict) and part.get("type") == "tool_result"]
    return found


def _call_names(messages: list[dict[str, Any]]) -> dict[str, str]:
    """The tool each call id named, from the assistant messages' calls."""
    names: dict[str, str] = {}
    for message in messages:
        for call in message.get("tool_calls") or []:
            if isinstance(call, dict) and call.get("id") and (call.get("name") or call.get("function")):
                name = call.get("name") or (call["function"].get("name") if isinstance(call["function"], dict)
                                            else None)
                if name:
                    names[str(call["id"])] = name
        if isinstance(message.get("content"), list):
            for part in message["content"]:
                if isinstance(part, dict) and part.get("type") == "tool_use" and part.get("id"):
                    names[str(part["id"])] = str(part.get("name"))
    return names


def _same_value(a: Any, b: Any) -> bool:
    """Whether a tool message's content is a tool step's result (one may be JSON text)."""
    if a == b:
        return True
    a, b = (loads_or_none(v) if isinstance(v, str) else v for v in (a, b))
    return a is not None and a == b


def given_tool_results(messages: list[dict[str, Any]], replies: list[dict[str, Any]],
                       earlier: list[ToolResult]) -> tuple[list[ToolResult], list[ToolResult]]:
    """Which earlier tool results an LLM step was sent, and which it was not: each tool
    message of its conversation is matched to the tool step whose result it holds (the
    same content, else the same tool, named or through its call id; the latest such step).
    A tool message that matches no step is kept as given, from the conversation itself
    (step index -1). ``replies`` are the previous LLM step's messages, whose calls name
    the tools a call id stands for."""
    names = _call_names([*replies, *messages])
    left = list(earlier)
    given: list[ToolResult] = []
    for call_id, name, content in _tool_messages(messages):
        if name is None and call_id is not None:
            name = names.get(str(call_id))
        match = next((r for r in reversed(left) if _same_value(content, r.result)), None)
        if match is None and name:
            match = next((r for r in reversed(left) if r.name == name), None)
        if match is None:
            given.append(ToolResult(-1, "", name, None, content, None))
            continue
        left.remove(match)
        given.append(match)
    given.sort(key=lambda r: (r.step_index < 0, r.step_index))
    return given, left


class StepContent(NamedTuple):
    """What a step was given, gave back and the error it raised (parsed JSON)."""

    input: Any
    output: Any
    error: Any


def _content(conn: Connection, pks: set[int]) -> dict[int, StepContent]:
    ordered = sorted(pks)
    found: dict[int, StepContent] = {}
    for chunk in chunked(ordered):
        for row in select_named(conn, f"SELECT id, input, output, error FROM span WHERE id IN ({placeholders(chunk)})",
                                tuple(chunk)):
            found[row.id] = StepContent(loads_or_none(row.input), loads_or_none(row.output), loads_or_none(row.error))
    return found


def _document_totals(conn: Connection, steps: list[ReplayStep]) -> list[int]:
    """For each step, how many documents the retrieval steps before it found."""
    pks = [s.pk for s in steps if s.kind == "retrieval"]
    found: dict[int, int] = {}
    for chunk in chunked(pks):
        for pk, output in select_rows(
                conn, f"SELECT id, output FROM span WHERE id IN ({placeholders(chunk)})", tuple(chunk)):
            found[pk] = len(retrieved_documents(loads_or_none(output)) or ())
    totals = []
    total = 0
    for s in steps:
        totals.append(total)
        if s.kind == "retrieval":
            total += found.get(s.pk, 0)
    return totals


def _continues(value: Any) -> bool:
    """Whether an LLM step's input continues the conversation of the LLM step before it."""
    return isinstance(value, dict) and value.get("continues") is True


def _messages(value: Any) -> list[dict[str, Any]]:
    """A step's input or output as messages: the native ``{"messages": [...]}``, or the
    value as one message when it is something else."""
    if isinstance(value, dict) and isinstance(value.get("messages"), list):
        return [dict(m) if isinstance(m, dict) else {"role": "user", "content": m} for m in value["messages"]]
    if value is None:
        return []
    return [{"role": "user", "content": value}]


def _document_text(item: dict[str, Any]) -> Any:
    """What a document says: ``content``, ``text`` (LlamaIndex and others) or ``page_content``
    (LangChain); else the document itself, without its score."""
    text = item.get("content", item.get("text", item.get("page_content")))
    return text if text is not None else {k: v for k, v in item.items() if k != "score"}


def _document_source(item: dict[str, Any]) -> str | None:
    """Where a document comes from: its ``source``, else its ``title``."""
    for key in ("source", "title"):
        if isinstance(item.get(key), str) and item[key]:
            return item[key]
    return None


def _documents(step: Any, output: Any) -> list[Document]:
    """The documents a retrieval step found, read as the trace view reads them."""
    out = []
    for item in retrieved_documents(output) or ():
        if isinstance(item, dict):
            score = item.get("score")
            out.append(Document(step.index, step.span_id, None if item.get("id") is None else str(item["id"]),
                                _document_text(item), score if isinstance(score, int | float) else None,
                                _document_source(item)))
        else:
            out.append(Document(step.index, step.span_id, None, item, None, None))
    return out


def _tool_result(step: ReplayStep, content: StepContent) -> ToolResult:
    given = content.input
    name, arguments = step.name, given
    if isinstance(given, dict) and "arguments" in given:
        name = given.get("name") or step.name
        arguments = given["arguments"]
    return ToolResult(step.index, step.span_id, name, arguments, content.output, content.error)
