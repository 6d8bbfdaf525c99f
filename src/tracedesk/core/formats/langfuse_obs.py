"""One Langfuse observation as a native span record (the second half of :mod:`.langfuse`).

Observation fields (camelCase as the API and UI write them; the blob-storage export's
snake_case is turned into camelCase first): ``id``, ``traceId``, ``parentObservationId``,
``type`` (SPAN, GENERATION, EVENT, AGENT, TOOL, CHAIN, RETRIEVER, EVALUATOR, EMBEDDING,
GUARDRAIL), ``name``, ``startTime``, ``endTime``, ``level`` (DEBUG, DEFAULT, WARNING,
ERROR), ``statusMessage``, ``input``, ``output``, ``metadata``, ``model``,
``usageDetails`` / ``usage``, ``costDetails`` / ``totalCost``, ``promptName`` / ``promptVersion``.

Mapping:

- kind: from ``type`` (GENERATION → llm, SPAN → chain, EVENT and EVALUATOR → other); a
  SPAN or EVENT that was ingested over OpenTelemetry takes the kind its raw attributes name
  (``openinference.span.kind``, ``gen_ai.operation.name``, an agent name).
- ``input`` / ``output``, JSON text decoded (twice-encoded too): an LLM step's become
  messages (:mod:`.chat_shapes`), else those the raw OTel attributes in the metadata carry
  (:mod:`.semconv`); a provider envelope around them (a request's settings, a response's
  ids) is kept as ``langfuse.input`` / ``langfuse.output``. A tool's input becomes
  ``{"name", "arguments"}``; a retriever's list output ``{"documents": [...]}``.
- level ERROR is an error with the status message; other levels and messages are kept.
- usage from ``usageDetails`` (``input``, ``output``, and cached and reasoning tokens under
  the names each integration gives them, else in the raw OTel attributes), ``usage`` or
  ``inputUsage`` / ``outputUsage``; cost from ``totalCost``, ``calculatedTotalCost`` or
  ``costDetails.total``.
- everything else with a value is kept in the attributes as ``langfuse.<field>``; the
  decoded metadata as ``metadata``.
"""

from __future__ import annotations

from typing import Any

from . import chat_shapes as cs
from . import messages as m
from .jsonsafe import loads_text
from .semconv import OPENINFERENCE_KINDS, OPERATIONS, map_span, more_tokens

TYPES = {
    "GENERATION": "llm",
    "SPAN": "chain",
    "EVENT": "other",
    "AGENT": "agent",
    "TOOL": "tool",
    "CHAIN": "chain",
    "RETRIEVER": "retrieval",
    "EVALUATOR": "other",
    "EMBEDDING": "embedding",
    "GUARDRAIL": "guardrail",
}
_MAPPED = frozenset(
    {
        "id",
        "traceId",
        "parentObservationId",
        "type",
        "name",
        "startTime",
        "endTime",
        "level",
        "statusMessage",
        "input",
        "output",
        "metadata",
        "model",
        "usageDetails",
        "usage",
        "inputUsage",
        "outputUsage",
        "totalUsage",
        "totalCost",
        "calculatedTotalCost",
        "costDetails",
    }
)


def decode(value: Any) -> Any:
    """A value that Langfuse may have stored as JSON text, once or twice encoded."""
    return loads_text(value)


def otel_attributes(metadata: Any) -> dict[str, Any]:
    """The raw OpenTelemetry attributes that Langfuse keeps in an observation's metadata."""
    if isinstance(metadata, dict) and isinstance(metadata.get("attributes"), dict):
        return metadata["attributes"]
    return {}


def time(value: Any) -> Any:
    """Langfuse times; the blob export's ``YYYY-MM-DD HH:MM:SS.ffffff`` is UTC."""
    if isinstance(value, str) and value and value[-1] not in "Zz" and value[-6:-5] not in ("+", "-"):
        return value + "Z"
    return value


def kind_of(obs: dict[str, Any], attrs: dict[str, Any]) -> str:
    kind = TYPES.get(str(obs.get("type") or "").upper(), "other")
    if kind in ("chain", "other") and attrs:
        oi = attrs.get("openinference.span.kind")
        if isinstance(oi, str) and oi.upper() in OPENINFERENCE_KINDS:
            return OPENINFERENCE_KINDS[oi.upper()]
        operation = attrs.get("gen_ai.operation.name")
        if isinstance(operation, str) and operation in OPERATIONS:
            return OPERATIONS[operation]
        if attrs.get("gen_ai.agent.name") or attrs.get("agent_name"):
            return "agent"
        if attrs.get("gen_ai.tool.name"):
            return "tool"
    return kind


def span_record(obs: dict[str, Any], trace_id: str) -> dict[str, Any]:
    """The native span record of one observation (``obs`` has camelCase keys and an id)."""
    metadata = decode(obs.get("metadata"))
    attrs = otel_attributes(metadata)
    kind = kind_of(obs, attrs)
    raw_in, raw_out = decode(obs.get("input")), decode(obs.get("output"))
    rec: dict[str, Any] = {
        "type": "span",
        "trace_id": trace_id,
        "span_id": str(obs["id"]),
        "parent_id": _id(obs.get("parentObservationId")),
        "name": obs.get("name"),
        "kind": kind,
    }
    for field, key in (("start_time", "startTime"), ("end_time", "endTime")):
        if obs.get(key):
            rec[field] = time(obs[key])
    kept: dict[str, Any] = {}
    if kind == "llm":
        _llm_io(rec, raw_in, raw_out, attrs, kept)
    elif kind == "tool":
        name = attrs.get("gen_ai.tool.name") or attrs.get("tool.name") or obs.get("name") or ""
        rec["input"] = {"name": str(name), "arguments": {} if raw_in is None else raw_in}
        if raw_out is not None:
            rec["output"] = raw_out
    elif kind == "retrieval":
        if raw_in is not None:
            rec["input"] = {"query": raw_in} if isinstance(raw_in, str) else raw_in
        if isinstance(raw_out, list):
            rec["output"] = {"documents": [_document(d) for d in raw_out]}
        elif raw_out is not None:
            rec["output"] = raw_out
    else:
        if raw_in is not None:
            rec["input"] = raw_in
        if raw_out is not None:
            rec["output"] = raw_out
    if kind in ("llm", "embedding") and obs.get("model"):
        rec["model"] = str(obs["model"])
    usage = usage_of(obs)
    if usage and attrs:
        # Langfuse's OTel ingestion can leave a count out of usageDetails that the raw
        # attributes still hold (pydantic-ai's Gemini thinking tokens, for one).
        usage = {**more_tokens(attrs), **usage}
    if usage:
        rec["usage"] = usage
    cost = cost_of(obs)
    if cost is not None:
        rec["cost_usd"] = cost
    level = str(obs.get("level") or "DEFAULT").upper()
    if level == "ERROR":
        rec["status"] = "error"
        rec["error"] = {"message": str(obs.get("statusMessage") or "the step failed (level ERROR)")}
    else:
        rec["status"] = "ok"
    attributes = _attributes(obs, metadata, kept)
    if attributes:
        rec["attributes"] = attributes
    return rec


def _id(value: Any) -> str | None:
    return None if value in (None, "") else str(value)


def _llm_io(
    rec: dict[str, Any], raw_in: Any, raw_out: Any, attrs: dict[str, Any], kept: dict[str, Any]
) -> None:
    inputs = cs.messages_from(raw_in) if raw_in is not None else None
    if (
        inputs is None
        and isinstance(raw_in, dict)
        and isinstance(raw_in.get("args"), list)
        and all(isinstance(a, str) for a in raw_in["args"])
        and raw_in["args"]
    ):
        inputs = [m.message("user", a) for a in raw_in["args"]]  # a wrapped complete(prompt) call
    outputs = cs.output_messages(raw_out) if raw_out is not None else None
    if (inputs is None or outputs is None) and attrs:
        mapped = map_span(dict(attrs), trace_id="", span_id="", kind_hint="LLM").fields
        if inputs is None and isinstance(mapped.get("input"), dict) and "messages" in mapped["input"]:
            inputs = mapped["input"]["messages"]
        if (
            outputs is None
            and raw_out is None
            and isinstance(mapped.get("output"), dict)
            and "messages" in mapped["output"]
        ):
            outputs = mapped["output"]["messages"]
    for field, raw, msgs, key in (
        ("input", raw_in, inputs, "langfuse.input"),
        ("output", raw_out, outputs, "langfuse.output"),
    ):
        if msgs is not None:
            rec[field] = {"messages": msgs}
            if isinstance(raw, dict) or (
                isinstance(raw, list) and not all(isinstance(i, dict) and "role" in i for i in raw)
            ):
                kept[key] = raw  # the envelope: a request's settings, a response's ids and usage
        elif raw is not None:
            rec[field] = raw


def _document(doc: Any) -> Any:
    if not isinstance(doc, dict):
        return {"content": doc}
    out = dict(doc)
    if "page_content" in out and "content" not in out:
        out["content"] = out.pop("page_content")
    meta = out.get("metadata")
    if isinstance(meta, dict) and "source" in meta and "source" not in out:
        out["source"] = meta["source"]
    return out


def _count(value: Any) -> int | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return None


def usage_of(obs: dict[str, Any]) -> dict[str, int]:
    usage: dict[str, int] = {}
    details = obs.get("usageDetails") if isinstance(obs.get("usageDetails"), dict) else {}
    legacy = obs.get("usage") if isinstance(obs.get("usage"), dict) else {}
    for field, keys, flat in (
        ("input_tokens", ("input", "promptTokens", "prompt_tokens"), "inputUsage"),
        ("output_tokens", ("output", "completionTokens", "completion_tokens"), "outputUsage"),
    ):
        for source in (details, legacy):
            found = next((_count(source[k]) for k in keys if _count(source.get(k)) is not None), None)
            if found is not None:
                usage[field] = found
                break
        else:
            count = _count(obs.get(flat))
            if count:
                usage[field] = count
    for field, keys in _MORE_TOKENS:
        found = next((c for source in (details, legacy) for c in map(_count, map(source.get, keys))
                      if c is not None), None)
        if found is not None:
            usage[field] = found
    return usage


# usageDetails keys for cached and reasoning tokens, as Langfuse's integrations write them:
# LangChain's (input_cache_read), OpenInference's over OpenTelemetry (prompt_details.cache_read),
# the OpenAI SDK's (input_cached_tokens, output_reasoning_tokens) and Anthropic's own names.
_MORE_TOKENS = (
    ("cache_read_tokens", ("input_cache_read", "prompt_details.cache_read", "input_cached_tokens",
                           "cache_read_input_tokens")),
    ("cache_write_tokens", ("input_cache_creation", "prompt_details.cache_write", "cache_creation_input_tokens",
                            "cache_write_input_tokens")),
    ("reasoning_tokens", ("output_reasoning", "completion_details.reasoning", "output_reasoning_tokens",
                          "reasoning_tokens")),
)


def cost_of(obs: dict[str, Any]) -> float | None:
    for key in ("totalCost", "calculatedTotalCost"):
        value = obs.get(key)
        if isinstance(value, int | float) and not isinstance(value, bool) and value:
            return float(value)
    details = obs.get("costDetails")
    if isinstance(details, dict) and isinstance(details.get("total"), int | float) and details["total"]:
        return float(details["total"])
    return None


def _attributes(obs: dict[str, Any], metadata: Any, kept: dict[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    if metadata not in (None, "", {}, []):
        if isinstance(metadata, dict) and isinstance(metadata.get("attributes"), dict):
            attrs = dict(metadata["attributes"])
            for which in ("input", "output"):  # the same text Langfuse took the field from
                if f"{which}.value" in attrs and attrs[f"{which}.value"] == obs.get(which):
                    attrs.pop(f"{which}.value")
            metadata = {**metadata, "attributes": attrs}
        out["metadata"] = metadata
    level = obs.get("level")
    if level not in (None, "DEFAULT"):
        out["langfuse.level"] = level
    if obs.get("statusMessage") and str(level).upper() != "ERROR":
        out["langfuse.statusMessage"] = obs["statusMessage"]
    for key in ("usageDetails", "costDetails"):
        value = obs.get(key)
        if isinstance(value, dict) and set(value) - {"input", "output", "total"}:
            out[f"langfuse.{key}"] = value
    for key, value in obs.items():
        if key not in _MAPPED and value not in (None, "", {}, []):
            out[f"langfuse.{key}"] = value
    out.update(kept)
    return out
