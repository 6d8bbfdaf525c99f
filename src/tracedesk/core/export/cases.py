"""Eval cases from reviews: which reviews an export takes (:class:`ExportFilter`), and each
one read into an :class:`EvalCase` with everything an eval needs.

A case holds the input (the user's message, and the conversation before it: the earlier
turns of the session, or the earlier messages when the trace's input is a conversation),
the context the agent had (the system prompt; the documents retrieved and the tool
results up to and including the blamed step, or all of them when no step is blamed),
the expected answer, the cause and the blamed step, and provenance.

Reviews are read a batch at a time, each batch in a handful of queries.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

import orjson
from sqlalchemy import Connection

from ..causes import descendants, find_cause, list_causes
from ..queue import trace_conditions
from ..records import format_time
from ..redact import Redactor
from ..store import select_named, select_rows
from ..text import loads_or_none, retrieved_documents

HISTORY_TURNS = 20  # earlier turns of a session kept in a case's input
BATCH = 500


@dataclass(frozen=True)
class ExportFilter:
    """Which reviews become cases. Empty fields filter nothing; ``verdicts`` None means
    the format's default (failures for eval cases, every verdict for the CSV table)."""

    verdicts: tuple[str, ...] | None = None
    causes: tuple[str, ...] = ()  # names, paths or uuids; a cause takes the causes nested below it
    reviewer: str | None = None
    tag: str | None = None  # a tag of the review or of the trace
    source: str | None = None
    since_ns: int | None = None  # reviewed (last changed) at or after
    until_ns: int | None = None  # reviewed before


@dataclass
class EvalCase:
    id: str  # the review's uuid
    question: str
    history: list[dict[str, str]]  # the conversation before the question: {"role", "content"}
    system_prompt: str | None
    documents: list[Any]
    tool_results: list[dict[str, Any]]  # {"span_id", "name", "arguments", "result", "error"}
    expected: str | None
    actual: str | None
    verdict: str
    severity: str | None
    cause: str | None  # the cause's path, "parent / child"
    cause_uuid: str | None
    blamed_span: dict[str, Any] | None  # {"span_id", "name", "kind"}
    missing_step: bool
    notes: str | None
    tags: list[str]
    source: str
    trace_id: str
    session_id: str | None
    reviewer: str
    reviewed_ns: int
    prompt_version: str | None
    model: str | None
    trace_tags: list[str] = field(default_factory=list)
    _context_text: str | None = field(default=None, repr=False, compare=False)

    def context_text(self) -> str:
        """The documents and tool results as text a model reads."""
        if self._context_text is not None:
            return self._context_text
        parts = []
        for i, doc in enumerate(self.documents, 1):
            parts.append(f"[document {i}] {as_text(doc)}")
        for tool in self.tool_results:
            call = f"{tool['name'] or 'tool'}({as_text(tool['arguments'])})"
            said = f"error: {as_text(tool['error'])}" if tool["error"] is not None else as_text(tool["result"])
            parts.append(f"[tool {call}] {said}")
        self._context_text = "\n".join(parts)
        return self._context_text

    def messages(self) -> list[dict[str, str]]:
        """The input as chat messages: a system message (the system prompt and the context
        the agent had), the conversation before, and the user's message."""
        system = "\n\n".join(p for p in (self.system_prompt, _context_block(self.context_text())) if p)
        return ([{"role": "system", "content": system}] if system else []) + self.history + [
            {"role": "user", "content": self.question}]

    def provenance(self) -> dict[str, Any]:
        return {"source": self.source, "trace_id": self.trace_id, "session_id": self.session_id,
                "review_id": self.id, "reviewer": self.reviewer, "reviewed_at": format_time(self.reviewed_ns),
                "prompt_version": self.prompt_version, "model": self.model}

    def as_dict(self) -> dict[str, Any]:
        """The case as Tracedesk's own JSONL writes it: everything."""
        return {
            "id": self.id,
            "input": {"question": self.question, "history": self.history},
            "context": {"system_prompt": self.system_prompt, "documents": self.documents,
                        "tool_results": self.tool_results},
            "expected": self.expected, "actual": self.actual,
            "verdict": self.verdict, "severity": self.severity,
            "cause": self.cause, "cause_uuid": self.cause_uuid,
            "blamed_span": self.blamed_span, "missing_step": self.missing_step,
            "notes": self.notes, "tags": self.tags,
            "provenance": self.provenance(),
        }

    def redacted(self, redactor: Redactor) -> EvalCase:
        """The case with every text in it redacted. Kept as they are: the ids that name
        rows (source, trace, step, review), which a consumer uses to find the run again,
        and the verdict and severity, which are Tracedesk's own words."""
        r = redactor.value
        self._context_text = None
        self.question, self.history, self.system_prompt = r(self.question), r(self.history), r(self.system_prompt)
        self.documents, self.tool_results = r(self.documents), r(self.tool_results)
        self.expected, self.actual, self.notes = r(self.expected), r(self.actual), r(self.notes)
        self.cause, self.tags, self.trace_tags = r(self.cause), r(self.tags), r(self.trace_tags)
        self.session_id, self.reviewer = r(self.session_id), r(self.reviewer)
        self.prompt_version, self.model = r(self.prompt_version), r(self.model)
        if self.blamed_span is not None:
            self.blamed_span = {**self.blamed_span, "name": r(self.blamed_span["name"])}
        return self


def _context_block(text: str) -> str:
    return f"Context the agent had:\n{text}" if text else ""


# Plain text out of stored values. ----------------------------------------------------------

_TEXT_KEYS = ("content", "text", "answer", "output", "response", "message", "value", "result")
_QUESTION_KEYS = ("question", "query", "input", "prompt", "content", "text", "message")


def as_text(value: Any) -> str:
    """A value as text: a string as it is, a message or a part's text, else compact JSON."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, list) and value and all(isinstance(p, dict) and "text" in p for p in value):
        return "".join(str(p["text"]) for p in value)  # content parts
    if isinstance(value, dict):
        messages = value.get("messages")
        if isinstance(messages, list) and messages and isinstance(messages[-1], dict):
            return as_text(messages[-1].get("content"))
        for key in _TEXT_KEYS:
            if isinstance(value.get(key), str):
                return value[key]
    return orjson.dumps(value).decode()


def _chat(value: Any) -> list[dict[str, Any]] | None:
    """The messages of an input that is a conversation, else None."""
    messages = value.get("messages") if isinstance(value, dict) else value
    if isinstance(messages, list) and messages and all(isinstance(m, dict) and "role" in m for m in messages):
        return messages
    return None


_SYSTEM_KEYS = ("system", "system_prompt", "systemPrompt", "instructions")


def _input_system(value: Any) -> str | None:
    """A system prompt given beside the messages (an Anthropic request's ``system``, the
    Claude Agent SDK's ``system_prompt``, an agent's ``instructions``)."""
    if not isinstance(value, dict):
        return None
    for key in _SYSTEM_KEYS:
        found = value.get(key)
        if isinstance(found, str) and found.strip():
            return found
        if isinstance(found, list) and found:
            return as_text(found)
    return None


def _question(value: Any) -> tuple[str, list[dict[str, str]], str | None]:
    """The user's message of a trace's input, the messages before it, and a system prompt
    found among them (or beside them)."""
    chat = _chat(value)
    if chat is None:
        if isinstance(value, dict):
            for key in _QUESTION_KEYS:
                if isinstance(value.get(key), str):
                    return value[key], [], _input_system(value)
        return as_text(value), [], _input_system(value)
    last_user = max((i for i, m in enumerate(chat) if m.get("role") == "user"), default=len(chat) - 1)
    system = next((as_text(m.get("content")) for m in chat if m.get("role") in ("system", "developer")),
                  None) or _input_system(value)
    history = [{"role": "assistant" if m.get("role") == "assistant" else "user", "content": as_text(m.get("content"))}
               for m in chat[:last_user] if m.get("role") in ("user", "assistant") and m.get("content")]
    return as_text(chat[last_user].get("content")), history, system


def _system_prompt(raw_llm_input: str | None) -> str | None:
    chat = _chat(loads_or_none(raw_llm_input))
    if chat:
        for m in chat:
            if m.get("role") in ("system", "developer"):
                return as_text(m.get("content"))
    return None


# Selection and batches. --------------------------------------------------------------------

def _where(conn: Connection, f: ExportFilter, default_verdicts: tuple[str, ...] | None) -> tuple[str, list[Any]]:
    clauses: list[str] = []
    params: list[Any] = []
    verdicts = f.verdicts if f.verdicts is not None else default_verdicts
    if verdicts:
        clauses.append(f"r.verdict IN ({','.join('?' * len(verdicts))})")
        params.extend(verdicts)
    if f.causes:
        wanted = descendants(conn, {find_cause(conn, c, allow_retired=True).uuid for c in f.causes})
        clauses.append(f"r.cause_uuid IN ({','.join('?' * len(wanted))})")
        params.extend(sorted(wanted))
    if f.reviewer is not None:
        clauses.append("r.reviewer = ?")
        params.append(f.reviewer)
    if f.tag:
        clauses.append("(EXISTS (SELECT 1 FROM json_each(r.tags) WHERE json_each.value = ?) "
                       "OR EXISTS (SELECT 1 FROM json_each(t.tags) WHERE json_each.value = ?))")
        params.extend((f.tag, f.tag))
    trace_conditions(clauses, params, source=f.source)
    if f.since_ns is not None:  # the review's date, not the trace's
        clauses.append("r.updated_ns >= ?")
        params.append(f.since_ns)
    if f.until_ns is not None:
        clauses.append("r.updated_ns < ?")
        params.append(f.until_ns)
    return " AND ".join(clauses) or "1", params


def count_cases(conn: Connection, f: ExportFilter = ExportFilter(),
                default_verdicts: tuple[str, ...] | None = ("failure",)) -> int:
    """How many cases an export with this filter writes."""
    where, params = _where(conn, f, default_verdicts)
    return conn.exec_driver_sql(
        f"SELECT count(*) FROM review r JOIN trace t ON t.id = r.trace_pk WHERE {where}", tuple(params)).scalar_one()


_REVIEW_COLUMNS = ("r.id, r.uuid, r.trace_pk, r.reviewer, r.verdict, r.severity, r.cause_uuid, r.blamed_span_id, "
                   "r.missing_step, r.expected, r.notes, r.tags, r.updated_ns, t.trace_id, s.name AS source, "
                   "t.session_id, t.source_id, t.start_ns, t.input, t.output, t.model, t.prompt_version, "
                   "t.tags AS trace_tags")


def iter_cases(conn: Connection, f: ExportFilter = ExportFilter(), redactor: Redactor | None = None,
               default_verdicts: tuple[str, ...] | None = ("failure",), batch: int = BATCH) -> Iterator[EvalCase]:
    """The cases of the reviews ``f`` selects, in the order the reviews were made."""
    where, params = _where(conn, f, default_verdicts)
    cause_names = {c.uuid: c.full_name for c in list_causes(conn, include_retired=True)}
    after = 0
    while True:
        rows = list(select_named(conn,
            f"SELECT {_REVIEW_COLUMNS} FROM review r JOIN trace t ON t.id = r.trace_pk "
            f"JOIN source s ON s.id = t.source_id WHERE {where} AND r.id > ? ORDER BY r.id LIMIT ?",
            (*params, after, batch)))
        if not rows:
            return
        after = rows[-1].id
        for case in _build(conn, rows, cause_names):
            yield case.redacted(redactor) if redactor is not None else case


def _build(conn: Connection, rows: list[Any], cause_names: dict[str, str]) -> list[EvalCase]:
    """The cases of a batch of review rows (:data:`_REVIEW_COLUMNS`, read by name)."""
    pks = sorted({r.trace_pk for r in rows})
    pk_list = orjson.dumps(pks).decode()
    steps: dict[int, list[Any]] = {}
    for step in select_named(conn,
            "SELECT trace_pk, span_id, name, kind, start_ns, id, status, error, input, output FROM span "
            "WHERE trace_pk IN (SELECT value FROM json_each(?)) AND kind IN ('retrieval', 'tool') "
            "ORDER BY trace_pk, start_ns, id", (pk_list,)):
        steps.setdefault(step.trace_pk, []).append(step)
    pairs = [(r.trace_pk, r.blamed_span_id) for r in rows if r.blamed_span_id is not None]
    blamed: dict[tuple[int, str], Any] = {}
    if pairs:
        for span in select_named(conn,
                "SELECT s.trace_pk, s.span_id, s.name, s.kind, s.start_ns, s.id FROM json_each(?) p JOIN span s "
                "ON s.trace_pk = json_extract(p.value, '$[0]') AND s.span_id = json_extract(p.value, '$[1]')",
                (orjson.dumps(pairs).decode(),)):
            blamed[(span.trace_pk, span.span_id)] = span
    systems = dict(select_rows(conn,
        "SELECT s.trace_pk, s.input FROM span s WHERE s.id IN (SELECT (SELECT x.id FROM span x "
        "WHERE x.trace_pk = p.value AND x.kind = 'llm' ORDER BY x.start_ns, x.id LIMIT 1) FROM json_each(?) p)",
        (pk_list,)))
    sessions: dict[tuple[int, str], list[Any]] = {}
    for turn in select_named(conn,
            "SELECT t.source_id, t.session_id, t.id, t.start_ns, t.input, t.output FROM trace t "
            "JOIN (SELECT DISTINCT source_id, session_id FROM trace WHERE id IN (SELECT value FROM json_each(?)) "
            "AND session_id IS NOT NULL) k ON k.source_id = t.source_id AND k.session_id = t.session_id "
            "ORDER BY t.start_ns, t.id", (pk_list,)):
        sessions.setdefault((turn.source_id, turn.session_id), []).append(turn)

    cases = []
    for r in rows:
        pk, blamed_id = r.trace_pk, r.blamed_span_id
        question, history, system = _question(loads_or_none(r.input))
        if not question.strip() and systems.get(pk):  # the trace has no input: its first LLM call's
            question, llm_history, llm_system = _question(loads_or_none(systems[pk]))
            history, system = history or llm_history, system or llm_system
        if not history and r.session_id is not None:
            history = _session_history(sessions.get((r.source_id, r.session_id), []), pk, r.start_ns)
        system = system or _system_prompt(systems.get(pk))
        blame = blamed.get((pk, blamed_id)) if blamed_id is not None else None
        documents: list[Any] = []
        tools: list[dict[str, Any]] = []
        for step in steps.get(pk, []):
            if blame is not None and (step.start_ns or 0, step.id) > (blame.start_ns or 0, blame.id):
                break
            output = loads_or_none(step.output)
            if step.kind == "retrieval":
                found = retrieved_documents(output)
                if found is None and output is not None and not isinstance(output, dict):
                    found = [output]  # a retrieval that returned one thing, not a list
                documents.extend(found or [])
            else:
                arguments = loads_or_none(step.input)
                if isinstance(arguments, dict) and "arguments" in arguments:
                    arguments = arguments["arguments"]
                tools.append({"span_id": step.span_id, "name": step.name, "arguments": arguments, "result": output,
                              "error": loads_or_none(step.error)})
        expected_value = loads_or_none(r.expected)
        cases.append(EvalCase(
            id=r.uuid, question=question, history=history, system_prompt=system, documents=documents,
            tool_results=tools, expected=None if expected_value is None else as_text(expected_value),
            actual=as_text(loads_or_none(r.output)) if r.output is not None else None,
            verdict=r.verdict, severity=r.severity, cause=cause_names.get(r.cause_uuid), cause_uuid=r.cause_uuid,
            blamed_span={"span_id": blamed_id, "name": blame.name if blame else None,
                         "kind": blame.kind if blame else None} if blamed_id is not None else None,
            missing_step=bool(r.missing_step), notes=r.notes, tags=loads_or_none(r.tags) or [], source=r.source,
            trace_id=r.trace_id, session_id=r.session_id, reviewer=r.reviewer, reviewed_ns=r.updated_ns,
            prompt_version=r.prompt_version, model=r.model, trace_tags=loads_or_none(r.trace_tags) or []))
    return cases


def _session_history(turns: list[Any], pk: int, start: int | None) -> list[dict[str, str]]:
    """The earlier turns of a session as messages (the last :data:`HISTORY_TURNS`), from
    its traces' rows (``id``, ``start_ns``, ``input``, ``output``) in time order."""
    before = []
    for turn in turns:
        if turn.id == pk:
            break
        if start is not None and turn.start_ns is not None and turn.start_ns > start:
            break
        before.append((turn.input, turn.output))
    history: list[dict[str, str]] = []
    for raw_in, raw_out in before[-HISTORY_TURNS:]:
        question = _question(loads_or_none(raw_in))[0]
        if question:
            history.append({"role": "user", "content": question})
        if raw_out is not None:
            history.append({"role": "assistant", "content": as_text(loads_or_none(raw_out))})
    return history
