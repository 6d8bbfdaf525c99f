"""Inputs and outputs of OTel-shaped spans, by kind: the second half of :mod:`.semconv`.

Each function takes the known keys :func:`~.semconv.map_span` collected (``found``) and
the flattened lists (``flat``), removes what it uses, and sets ``input`` / ``output`` in
``out``; whatever it leaves is kept in the span's attributes.
"""

from __future__ import annotations

from typing import Any, NamedTuple

from . import semconv_messages as sm
from .jsonsafe import loads_any, loads_text

Groups = dict[int, dict[str, Any]]


class Event(NamedTuple):
    name: str
    time: Any  # integer nanoseconds or an RFC 3339 string, as the format has it
    attributes: dict[str, Any]


def as_string(value: Any) -> str | None:
    if isinstance(value, str):
        return value or None
    if isinstance(value, int | float) and not isinstance(value, bool):
        return str(value)
    return None


def _value(found: dict[str, Any], which: str) -> Any:
    """``input.value`` / ``output.value`` taken, parsed when its mime type (or its look) says JSON."""
    value = found.pop(f"{which}.value")
    mime = found.pop(f"{which}.mime_type", None)
    if mime is None:
        return loads_text(value)
    return loads_any(value) if "json" in str(mime) else value


def llm_io(
    found: dict[str, Any], flat: dict[str, Groups], msg_events: list[Event], out: dict[str, Any]
) -> list[Event]:
    """Messages in and out of an LLM step, from the first convention that holds them; returns
    the message events it did not use."""
    inputs = outputs = None
    if "gen_ai.input.messages" in found:
        inputs = sm.genai_messages(found["gen_ai.input.messages"], "user")
        if inputs is not None:
            del found["gen_ai.input.messages"]
    if inputs is None and "oi_in" in flat:
        inputs = sm.openinference(flat.pop("oi_in"), "user")
    if inputs is None and "llm.input_messages" in found and isinstance(found["llm.input_messages"], list):
        inputs = sm.openinference(list_groups(found.pop("llm.input_messages")), "user")
    if inputs is None and "ol_in" in flat:
        inputs = sm.openllmetry(flat.pop("ol_in"), "user")
    if inputs is None and "gen_ai.prompt" in found:
        inputs = sm.genai_messages(found["gen_ai.prompt"], "user")
        if inputs is not None:
            del found["gen_ai.prompt"]
    if "gen_ai.output.messages" in found:
        outputs = sm.genai_messages(found["gen_ai.output.messages"], "assistant")
        if outputs is not None:
            del found["gen_ai.output.messages"]
    if outputs is None and "oi_out" in flat:
        outputs = sm.openinference(flat.pop("oi_out"), "assistant")
    if outputs is None and "llm.output_messages" in found and isinstance(found["llm.output_messages"], list):
        outputs = sm.openinference(list_groups(found.pop("llm.output_messages")), "assistant")
    if outputs is None and "ol_out" in flat:
        outputs = sm.openllmetry(flat.pop("ol_out"), "assistant")
    if outputs is None and "gen_ai.completion" in found:
        outputs = sm.genai_messages(found["gen_ai.completion"], "assistant")
        if outputs is not None:
            del found["gen_ai.completion"]

    unused = msg_events
    if msg_events and (inputs is None or outputs is None):
        event_in = [msg for e in msg_events if e.name != sm.CHOICE_EVENT
                    for msg in sm.event_message(e.name, e.attributes)]
        event_out = [msg for e in msg_events if e.name == sm.CHOICE_EVENT
                     for msg in sm.choice_message(e.attributes)]
        unused = []
        if inputs is None and event_in:
            inputs = event_in
        else:
            unused += [e for e in msg_events if e.name != sm.CHOICE_EVENT]
        if outputs is None and event_out:
            outputs = event_out
        else:
            unused += [e for e in msg_events if e.name == sm.CHOICE_EVENT]

    if inputs is None and "oi_prompts" in flat:
        inputs = sm.prompt_texts(flat.pop("oi_prompts"), "prompt.text", "user")
    if outputs is None and "oi_choices" in flat:
        outputs = sm.prompt_texts(flat.pop("oi_choices"), "completion.text", "assistant")
    if outputs is None and "gen_ai.output" in found:
        outputs = sm.anyagent_output(found.pop("gen_ai.output"))
        found.pop("gen_ai.output.type", None)
    system = found.get("gen_ai.system_instructions")
    if system is not None:
        message = sm.system_instructions(system)
        if message is not None:
            inputs = [message, *(inputs or [])]
            del found["gen_ai.system_instructions"]
    for which, msgs in (("input", inputs), ("output", outputs)):
        if msgs is None and f"{which}.value" in found:
            value = _value(found, which)
            msgs = sm.from_payload(value, "user" if which == "input" else "assistant")
            if msgs is None:
                out[which] = value
                continue
        if msgs is not None:
            out[which] = {"messages": msgs}
    return unused


def list_groups(items: list[Any]) -> Groups:
    """A list-valued ``llm.input_messages`` (or documents) as flattened groups."""
    groups: Groups = {}
    for index, item in enumerate(items):
        if isinstance(item, dict):
            sub: dict[str, Any] = {}
            flatten(item, "", sub)
            groups[index] = sub
    return groups


def flatten(value: dict[str, Any], prefix: str, out: dict[str, Any], depth: int = 0) -> None:
    """Nested attribute objects as flat dotted keys (lists of objects get zero-based indexes;
    lists of plain values stay lists), as OpenInference flattens them."""
    for key, item in value.items():
        name = f"{prefix}{key}"
        if isinstance(item, dict) and item and depth < 32:
            flatten(item, f"{name}.", out, depth + 1)
        elif isinstance(item, list) and item and depth < 32 and all(isinstance(i, dict) for i in item):
            for index, element in enumerate(item):
                flatten(element, f"{name}.{index}.", out, depth + 1)
        else:
            out[name] = item


def tool_io(found: dict[str, Any], name: str | None, out: dict) -> None:
    tool = as_string(found.pop("gen_ai.tool.name", None)) or as_string(found.pop("tool.name", None))
    arguments = None
    for key in ("gen_ai.tool.call.arguments", "gen_ai.tool.args", "tool_arguments", "input.value",
                "tool.parameters"):
        if key in found:
            arguments = _value(found, "input") if key == "input.value" else loads_any(found.pop(key))
            break
    if tool is None and name:
        tool = name.removeprefix("execute_tool ").strip() or name
    if tool is not None or arguments is not None:
        out["input"] = {"name": tool or "", "arguments": {} if arguments in (None, "") else arguments}
    for key in ("gen_ai.tool.call.result", "gen_ai.output", "tool_response", "output.value"):
        if key in found:
            if key == "output.value":
                out["output"] = _value(found, "output")
            elif key == "gen_ai.output" and "json" not in str(found.get("gen_ai.output.type", "json")):
                out["output"] = found.pop(key)
                found.pop("gen_ai.output.type", None)
            else:
                out["output"] = loads_any(found.pop(key))
                if key == "gen_ai.output":
                    found.pop("gen_ai.output.type", None)
            break


def _documents(groups: Groups) -> list[dict[str, Any]]:
    docs = []
    for index in sorted(groups):
        doc: dict[str, Any] = {}
        for key, value in groups[index].items():
            field_name = key.removeprefix("document.")
            doc[field_name] = loads_text(value) if field_name == "metadata" else value
        docs.append(doc)
    return docs


def retrieval_io(found: dict[str, Any], flat: dict[str, Groups], out: dict) -> None:
    query = None
    for key in ("input.value", "gen_ai.retrieval.query.text", "reranker.query"):
        if key in found:
            query = _value(found, "input") if key == "input.value" else found.pop(key)
            break
    docs = None
    if "docs" in flat:
        docs = _documents(flat.pop("docs"))
    elif isinstance(found.get("retrieval.documents"), list):
        docs = _documents(list_groups(found.pop("retrieval.documents")))
    elif "gen_ai.retrieval.documents" in found:
        parsed = loads_text(found["gen_ai.retrieval.documents"])
        if isinstance(parsed, list):
            docs = parsed
            del found["gen_ai.retrieval.documents"]
    reranked = flat.pop("rr_out", None)
    if reranked is not None:
        docs = _documents(reranked)
    if query is not None or "rr_in" in flat:
        out["input"] = {"query": query}
        if "rr_in" in flat:
            out["input"]["documents"] = _documents(flat.pop("rr_in"))
    if docs is not None:
        out["output"] = {"documents": docs}
    elif "output.value" in found:
        out["output"] = _value(found, "output")


def agent_messages(found: dict[str, Any], out: dict) -> None:
    """An agent step's ``gen_ai.input.messages`` / ``gen_ai.output.messages`` (and system
    instructions) as messages, where ``input.value`` / ``output.value`` gave nothing."""
    if "input" not in out and "gen_ai.input.messages" in found:
        msgs = sm.genai_messages(found["gen_ai.input.messages"], "user")
        if msgs is not None:
            system = sm.system_instructions(found.get("gen_ai.system_instructions"))
            out["input"] = {"messages": ([system] if system else []) + msgs}
            del found["gen_ai.input.messages"]
            if system:
                del found["gen_ai.system_instructions"]
    if "output" not in out and "gen_ai.output.messages" in found:
        msgs = sm.genai_messages(found["gen_ai.output.messages"], "assistant")
        if msgs is not None:
            out["output"] = {"messages": msgs}
            del found["gen_ai.output.messages"]


def plain_io(found: dict[str, Any], out: dict) -> None:
    for which in ("input", "output"):
        if f"{which}.value" in found:
            out[which] = _value(found, which)
