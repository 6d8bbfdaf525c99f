"""A span's flat attributes and events as native span fields, for every OTel-shaped format.

OTLP JSON, OpenTelemetry SDK span JSON and Phoenix exports all carry the same attribute
conventions; :func:`map_span` reads them in one pass over the attributes and returns:

- ``kind``: ``openinference.span.kind`` (LLM, EMBEDDING, CHAIN, RETRIEVER and RERANKER →
  retrieval, TOOL, AGENT, GUARDRAIL; EVALUATOR and PROMPT → other), else
  ``gen_ai.operation.name`` (chat, text_completion, generate_content and any-agent's
  call_llm → llm; execute_tool → tool; invoke_agent, create_agent → agent; embeddings →
  embedding; retrieval; invoke_workflow → chain), else the format's own hint, else guessed
  from what the span carries (messages → llm, a tool name → tool, documents → retrieval).
- ``model`` (llm and embedding steps): ``gen_ai.response.model``, ``gen_ai.request.model``,
  ``llm.model_name``, ``embedding.model_name``.
- ``usage``: ``gen_ai.usage.input_tokens`` / ``output_tokens``, the deprecated
  ``prompt_tokens`` / ``completion_tokens``, OpenInference ``llm.token_count.prompt`` /
  ``completion``; cached and reasoning tokens from ``gen_ai.usage.cache_read.input_tokens``,
  ``cache_creation.input_tokens``, ``reasoning.output_tokens`` and OpenInference's
  ``llm.token_count.prompt_details.cache_read`` / ``cache_write`` and
  ``completion_details.reasoning``. ``cost_usd``: ``gen_ai.usage.cost``, ``llm.cost.total``, ``operation.cost``,
  else the sum of input and output costs (those stay in the attributes).
- ``input`` / ``output``: messages for llm steps (see :mod:`.semconv_messages`); for tool
  steps ``{"name", "arguments"}`` from ``gen_ai.tool.name`` / ``tool.name`` and
  ``gen_ai.tool.call.arguments``, any-agent's ``gen_ai.tool.args``, ``input.value`` or
  ``tool.parameters``, the result from ``gen_ai.tool.call.result``, ``gen_ai.output`` or
  ``output.value``; for retrieval steps ``{"query"}`` and ``{"documents": [...]}`` from
  ``retrieval.documents.N.document.{id,content,score,metadata}`` or
  ``gen_ai.retrieval.documents``; otherwise ``input.value`` / ``output.value``.
- ``status`` and ``error``: an error status, or ``exception`` events when the status is not
  explicitly OK, give ``{"type", "message", "stacktrace"}``.
- ``session_id`` / ``user_id``: ``session.id`` or ``gen_ai.conversation.id``; ``user.id``.
- ``feedback``: ``gen_ai.evaluation.result`` events and OpenInference
  ``annotations.N.annotation.*`` / ``evaluations.N.evaluation.*`` (and their ``trace.`` and
  ``session.`` scoped forms), see :mod:`.semconv_feedback`.

A key is taken out of the attributes only when a native field now holds its value; all
else, including every source that was not used, stays in the attributes as it came, and
events that did not map stay under ``otel.events``. Keys that only inform a field stay
too: the kind keys, session and user ids, tool call ids, input and output cost parts.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from . import semconv_feedback as fb
from . import semconv_io as sio
from . import semconv_messages as sm
from .semconv_io import Event, as_string, flatten

__all__ = ["Event", "SpanFields", "flatten", "map_span"]


@dataclass(slots=True)
class SpanFields:
    kind: str
    fields: dict[str, Any]  # native span fields found: model, usage, cost_usd, input, output
    attributes: dict[str, Any]  # what did not map, as it came
    status: str | None = None
    error: dict[str, Any] | None = None
    session_id: str | None = None
    user_id: str | None = None
    feedback: list[dict[str, Any]] = field(default_factory=list)


OPENINFERENCE_KINDS = {
    "LLM": "llm", "EMBEDDING": "embedding", "CHAIN": "chain", "RETRIEVER": "retrieval",
    "RERANKER": "retrieval", "TOOL": "tool", "AGENT": "agent", "GUARDRAIL": "guardrail",
    "EVALUATOR": "other", "PROMPT": "other", "UNKNOWN": "other",
}
OPERATIONS = {
    "chat": "llm", "text_completion": "llm", "generate_content": "llm", "call_llm": "llm",
    "completion": "llm", "execute_tool": "tool", "invoke_agent": "agent", "create_agent": "agent",
    "embeddings": "embedding", "retrieval": "retrieval", "invoke_workflow": "chain",
}

_MODEL_KEYS = ("gen_ai.response.model", "gen_ai.request.model", "llm.model_name", "llm.response.model_name",
               "llm.request.model_name", "embedding.model_name")
_INPUT_TOKENS = ("gen_ai.usage.input_tokens", "gen_ai.usage.prompt_tokens", "llm.token_count.prompt")
_OUTPUT_TOKENS = ("gen_ai.usage.output_tokens", "gen_ai.usage.completion_tokens",
                  "llm.token_count.completion")
# Tokens beside input and output: cached and reasoning tokens, each its own usage key.
_MORE_TOKENS = (
    ("cache_read_tokens", ("gen_ai.usage.cache_read.input_tokens", "gen_ai.usage.cache_read_input_tokens",
                           "llm.token_count.prompt_details.cache_read")),
    ("cache_write_tokens", ("gen_ai.usage.cache_creation.input_tokens", "gen_ai.usage.cache_creation_input_tokens",
                            "llm.token_count.prompt_details.cache_write")),
    # pydantic-ai writes the provider's own details: Gemini's thinking, OpenAI's reasoning.
    ("reasoning_tokens", ("gen_ai.usage.reasoning.output_tokens", "gen_ai.usage.reasoning_tokens",
                          "llm.token_count.completion_details.reasoning", "gen_ai.usage.details.thoughts_tokens",
                          "gen_ai.usage.details.reasoning_tokens")),
)
_COST_KEYS = ("gen_ai.usage.cost", "llm.cost.total", "operation.cost")
_COST_PARTS = (("gen_ai.usage.input_cost", "gen_ai.usage.output_cost"),
               ("llm.cost.prompt", "llm.cost.completion"))
_READ_ONLY = ("openinference.span.kind", "gen_ai.operation.name", "session.id", "user.id", "enduser.id",
              "gen_ai.conversation.id", "gen_ai.usage.input_cost", "gen_ai.usage.output_cost",
              "llm.cost.prompt", "llm.cost.completion", "gen_ai.tool.call.id", "tool.id")
_IO_KEYS = (
    "input.value", "output.value", "input.mime_type", "output.mime_type",
    "gen_ai.input.messages", "gen_ai.output.messages", "gen_ai.system_instructions", "gen_ai.prompt",
    "gen_ai.completion", "gen_ai.output", "gen_ai.output.type", "llm.input_messages", "llm.output_messages",
    "gen_ai.tool.name", "tool.name", "gen_ai.tool.call.arguments", "gen_ai.tool.args", "tool.parameters",
    "tool_arguments", "gen_ai.tool.call.result", "tool_response", "retrieval.documents",
    "gen_ai.retrieval.documents", "gen_ai.retrieval.query.text", "reranker.query", "error.type",
)
KNOWN = frozenset(_MODEL_KEYS + _INPUT_TOKENS + _OUTPUT_TOKENS + _COST_KEYS + _READ_ONLY + _IO_KEYS
                  + tuple(k for _, keys in _MORE_TOKENS for k in keys))

# Flattened lists: the first word of the key, then (prefix, family) pairs.
_FAMILIES: dict[str, tuple[tuple[str, str], ...]] = {
    "llm": (("llm.input_messages.", "oi_in"), ("llm.output_messages.", "oi_out"),
            ("llm.prompts.", "oi_prompts"), ("llm.choices.", "oi_choices")),
    "gen_ai": (("gen_ai.prompt.", "ol_in"), ("gen_ai.completion.", "ol_out")),
    "retrieval": (("retrieval.documents.", "docs"),),
    "reranker": (("reranker.input_documents.", "rr_in"), ("reranker.output_documents.", "rr_out")),
    "annotations": (("annotations.", "span.annotation"),),
    "evaluations": (("evaluations.", "span.evaluation"),),
    "trace": (("trace.annotations.", "trace.annotation"), ("trace.evaluations.", "trace.evaluation")),
    "session": (("session.annotations.", "session.annotation"),
                ("session.evaluations.", "session.evaluation")),
}
_IO_FAMILIES = frozenset({"oi_in", "oi_out", "oi_prompts", "oi_choices", "ol_in", "ol_out", "docs", "rr_in",
                          "rr_out"})
_DETAILS_EVENT = "gen_ai.client.inference.operation.details"
_DETAILS_KEYS = ("gen_ai.input.messages", "gen_ai.output.messages", "gen_ai.system_instructions")
_SESSION_KEYS = ("session.id", "gen_ai.conversation.id")
_USER_KEYS = ("user.id", "enduser.id")
_PREFIX = {family: prefix for pairs in _FAMILIES.values() for prefix, family in pairs}
_FAMILY_LOOKUP = {head: tuple((p, len(p), f) for p, f in pairs) for head, pairs in _FAMILIES.items()}

Groups = sio.Groups

# What each attribute key is, remembered: key names repeat from span to span.
_KNOWN, _OTHER = "known", "other"
_CLASSES: dict[str, Any] = {}
_MAX_CLASSES = 100_000


def _classify(key: str) -> Any:
    """``_KNOWN``, ``_OTHER``, or ``(family, index, sub key)`` for an item of a flattened list."""
    where: Any = _OTHER
    if key in KNOWN:
        where = _KNOWN
    else:
        dot = key.find(".")
        for prefix, cut, family in _FAMILY_LOOKUP.get(key[:dot], ()) if dot > 0 else ():
            if key.startswith(prefix):
                number, _, sub = key[cut:].partition(".")
                if number.isdigit():
                    where = (family, int(number), sub)
                    break
    if len(_CLASSES) < _MAX_CLASSES:
        _CLASSES[key] = where
    return where


def map_span(
    attributes: dict[str, Any],
    events: Sequence[Event] = (),
    *,
    trace_id: str,
    span_id: str,
    name: str | None = None,
    status: str | None = None,
    status_message: str | None = None,
    kind_hint: str | None = None,
    links: Sequence[tuple[str, str]] = (),
) -> SpanFields:
    """Native fields of one span. ``status`` is ``"ok"``, ``"error"``, ``"unset"`` or None
    (the format has none); ``kind_hint`` a kind the format names outside the attributes (an
    OpenInference kind or a native one); ``links`` the (trace id, span id) the span links to."""
    found: dict[str, Any] = {}
    rest: dict[str, Any] = {}
    flat: dict[str, Groups] = {}
    classes = _CLASSES
    for key, value in attributes.items():
        where = classes.get(key)
        if where is None:
            where = _classify(key)
        if where is _KNOWN:
            found[key] = value
        elif where is _OTHER:
            rest[key] = value
        else:
            family, index, sub = where
            groups = flat.get(family)
            if groups is None:
                groups = flat[family] = {}
            group = groups.get(index)
            if group is None:
                group = groups[index] = {}
            group[sub] = value

    kept_events: list[Event] = []
    msg_events: list[Event] = []
    exceptions: list[Event] = []
    feedback_events: list[Event] = []
    for event in events:
        ename = event.name
        if ename in sm.EVENT_ROLES or ename == sm.CHOICE_EVENT:
            msg_events.append(event)
        elif ename == "exception":
            exceptions.append(event)
        elif ename == fb.EVALUATION_EVENT:
            feedback_events.append(event)
        elif ename == _DETAILS_EVENT:
            # Its messages are read as the span's own (kept in the attributes if unused).
            left = dict(event.attributes)
            for key in _DETAILS_KEYS:
                if key in left and key not in found:
                    found[key] = left.pop(key)
            if left:
                kept_events.append(event._replace(attributes=left))
        else:
            kept_events.append(event)

    result = SpanFields(_kind(found, flat, kind_hint), {}, rest)
    out = result.fields
    kind = result.kind
    if kind in ("llm", "embedding", "agent"):
        model = _take_equal(found, _MODEL_KEYS, as_string)
        if model is not None:
            out["model"] = model
    usage = {}
    tokens = _take_equal(found, _INPUT_TOKENS, _count)
    if tokens is not None:
        usage["input_tokens"] = tokens
    tokens = _take_equal(found, _OUTPUT_TOKENS, _count)
    if tokens is not None:
        usage["output_tokens"] = tokens
    for name, keys in _MORE_TOKENS:
        tokens = _take_equal(found, keys, _count)
        if tokens is not None:
            usage[name] = tokens
    if usage:
        out["usage"] = usage
    cost = _cost(found)
    if cost is not None:
        out["cost_usd"] = cost

    if kind == "llm":
        unused = sio.llm_io(found, flat, msg_events, out)
        kept_events.extend(unused)
    else:
        kept_events.extend(msg_events)
        if kind == "tool":
            sio.tool_io(found, name, out)
        elif kind == "retrieval":
            sio.retrieval_io(found, flat, out)
        else:
            sio.plain_io(found, out)
            if kind == "agent":  # an agent's conversation in the GenAI parts shape
                sio.agent_messages(found, out)

    _status(result, found, status, status_message, exceptions, kept_events)
    for key in _SESSION_KEYS:
        if key in found and result.session_id is None:
            result.session_id = as_string(found[key])
    for key in _USER_KEYS:
        if key in found and result.user_id is None:
            result.user_id = as_string(found[key])
    if feedback_events or (flat and not flat.keys() <= _IO_FAMILIES):
        result.feedback = fb.feedback(flat, feedback_events, trace_id=trace_id, span_id=span_id,
                                      session_id=result.session_id, links=links)

    for family, groups in flat.items():  # lists no field took
        prefix = _PREFIX[family]
        for index, sub in groups.items():
            for key, value in sub.items():
                rest[f"{prefix}{index}.{key}"] = value
    rest.update(found)  # keys no field took
    if kept_events:
        rest["otel.events"] = [{"name": e.name, "time": e.time, "attributes": e.attributes}
                               for e in kept_events]
    return result


def _kind(found: dict[str, Any], flat: dict[str, Groups], hint: str | None) -> str:
    oi = found.get("openinference.span.kind")
    if isinstance(oi, str) and oi.upper() in OPENINFERENCE_KINDS:
        return OPENINFERENCE_KINDS[oi.upper()]
    operation = found.get("gen_ai.operation.name")
    if isinstance(operation, str) and operation in OPERATIONS:
        return OPERATIONS[operation]
    if isinstance(hint, str):
        hinted = OPENINFERENCE_KINDS.get(hint.upper()) or (hint.lower() if hint.lower() in _NATIVE else None)
        if hinted:
            return hinted
    if flat.keys() & {"oi_in", "oi_out", "ol_in", "ol_out"} or found.keys() & _LLM_KEYS:
        return "llm"
    if "gen_ai.tool.name" in found or "tool.name" in found:
        return "tool"
    if "docs" in flat or "gen_ai.retrieval.documents" in found:
        return "retrieval"
    return "other"


_NATIVE = frozenset({"llm", "tool", "retrieval", "embedding", "agent", "chain", "guardrail", "other"})
_LLM_KEYS = frozenset({"gen_ai.input.messages", "gen_ai.output.messages", "llm.input_messages",
                       "llm.output_messages"})


def more_tokens(attrs: dict[str, Any]) -> dict[str, int]:
    """The cached and reasoning tokens flat OTel attributes name (for sources that pass the
    attributes on beside their own usage, as Langfuse does)."""
    found = {}
    for name, keys in _MORE_TOKENS:
        count = next((c for c in (_count(attrs.get(k)) for k in keys) if c is not None), None)
        if count is not None:
            found[name] = count
    return found


def _count(value: Any) -> int | None:
    if type(value) is int:
        return value
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, str) and value.isdigit():
        return int(value)
    return None


def _number(value: Any) -> float | None:
    if isinstance(value, int | float) and not isinstance(value, bool):
        return value
    if isinstance(value, str):
        try:
            return float(value)
        except ValueError:
            return None
    return None


def _take_equal(found: dict[str, Any], keys: Iterable[str], convert: Any) -> Any:
    """The first of ``keys`` with a usable value; every key holding that same value is taken
    out of ``found`` (a differing one stays, to be kept in the attributes)."""
    chosen = None
    for key in keys:
        if key in found:
            value = convert(found[key])
            if value is None:
                continue
            if chosen is None:
                chosen = value
            if value == chosen:
                del found[key]
    return chosen


def _cost(found: dict[str, Any]) -> float | None:
    for key in _COST_KEYS:
        if key in found:
            value = _number(found[key])
            if value is not None:
                del found[key]
                return value
    for first, second in _COST_PARTS:
        if first in found or second in found:
            values = (_number(found.get(first)), _number(found.get(second)))
            if values != (None, None):
                return sum(v for v in values if v is not None)
    return None


def _status(result: SpanFields, found: dict[str, Any], status: str | None, message: str | None,
            exceptions: list[Event], kept_events: list[Event]) -> None:
    failed = status == "error" or (bool(exceptions) and status != "ok")
    if not failed:
        result.status = "ok" if status in ("ok", "unset") else None
        kept_events.extend(exceptions)
        if message:
            result.attributes["otel.status_message"] = message
        return
    result.status = "error"
    error: dict[str, Any] = {}
    first = exceptions[0].attributes if exceptions else {}
    kind = found.pop("error.type", None) or first.get("exception.type")
    if kind:
        error["type"] = str(kind)
    text = message or first.get("exception.message")
    if text:
        error["message"] = str(text)
    if message and first.get("exception.message") and str(first["exception.message"]) != str(message):
        error["exception"] = str(first["exception.message"])  # the status says one thing, the exception more
    if first.get("exception.stacktrace"):
        error["stacktrace"] = first["exception.stacktrace"]
    extra = {k: v for k, v in first.items()
             if k not in ("exception.type", "exception.message", "exception.stacktrace")}
    if extra:
        error["attributes"] = extra
    kept_events.extend(exceptions[1:])
    result.error = error or None
