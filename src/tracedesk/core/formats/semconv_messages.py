"""LLM messages from the many ways OTel-shaped spans carry them, in the native shape.

Each function reads one convention and returns native messages (``formats.messages``):

- OTel GenAI, current: ``gen_ai.input.messages`` / ``gen_ai.output.messages`` (often JSON
  text), ``{role, parts[{type, ...}], name?, finish_reason?}``; part types ``text``,
  ``tool_call``, ``tool_call_response``, ``reasoning``; other parts (blob, uri, file,
  server tool calls...) are kept in the message's ``parts``. ``gen_ai.system_instructions``
  is a list of parts, read as a system message. Messages in the OpenAI chat shape
  (``content`` + ``tool_calls[{id, function{name, arguments}}]``) are read too, as
  any-agent writes them.
- OTel GenAI, deprecated: the per-message events (``gen_ai.system.message``,
  ``gen_ai.user.message``, ``gen_ai.assistant.message``, ``gen_ai.tool.message``,
  ``gen_ai.choice``), whose body fields are the event's attributes or JSON text in
  ``gen_ai.event.content``; and OpenLLMetry's flattened ``gen_ai.prompt.N.*`` /
  ``gen_ai.completion.N.*`` (role, content, tool_call_id, tool_calls.M.{id,name,arguments}).
- OpenInference: ``llm.input_messages.N.message.*`` / ``llm.output_messages.N.message.*``
  with ``role``, ``content``, ``name``, ``tool_call_id``,
  ``tool_calls.M.tool_call.{id,function.name,function.arguments}`` and
  ``contents.K.message_content.{type,text,...}``; ``llm.prompts.N.prompt.text`` and
  ``llm.choices.N.completion.text``.
- any-agent: ``gen_ai.output`` of an LLM step, either a list of ``{"tool.name",
  "tool.args"}`` (tool calls) or the answer text.
"""

from __future__ import annotations

from typing import Any

import orjson

from . import messages as m
from .jsonsafe import loads_text

Message = dict[str, Any]
Groups = dict[int, dict[str, Any]]  # flattened list: index -> {sub key: value}


def as_text(value: Any) -> str:
    """A message part as text: a string as it is, anything else as its JSON."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    return orjson.dumps(value).decode()


def tool_call_of(id: Any, name: Any, arguments: Any) -> dict[str, Any]:
    """A tool call in our message shape, its arguments decoded where they are JSON text."""
    parsed = loads_text(arguments)
    call = m.tool_call(id, name, None)
    call["arguments"] = {} if parsed is None else parsed
    return call


# -- OTel GenAI (current) and the OpenAI chat shape ------------------------------------------

def genai_messages(value: Any, default_role: str) -> list[Message] | None:
    """``gen_ai.input.messages`` / ``gen_ai.output.messages`` (a list or JSON text)."""
    value = loads_text(value)
    if isinstance(value, dict):
        value = [value]
    if not isinstance(value, list):
        return None
    out: list[Message] = []
    for item in value:
        if isinstance(item, dict):
            out.extend(chat_message(item, default_role))
        elif isinstance(item, str):
            out.append(m.message(default_role, item))
    return out or None


def system_instructions(value: Any) -> Message | None:
    """``gen_ai.system_instructions``: a list of parts (or plain text) as a system message."""
    value = loads_text(value)
    if isinstance(value, str):
        return m.message("system", value) if value else None
    if isinstance(value, dict):
        value = [value]
    if not isinstance(value, list):
        return None
    msgs = chat_message({"role": "system", "parts": value}, "system")
    return msgs[0] if msgs else None


def chat_message(item: dict[str, Any], default_role: str) -> list[Message]:
    """One message in the GenAI parts shape or the OpenAI / Anthropic chat shape. A message
    holding several tool results becomes one tool message per result."""
    role = item.get("role") or default_role
    content = item.get("content")
    parts = item.get("parts")
    if parts is None and type(content) is list:
        parts, content = content, None
    texts = [] if content is None else [content if type(content) is str else as_text(content)]
    calls = openai_calls(item["tool_calls"]) if item.get("tool_calls") else []
    results: list[tuple[Any, Any]] = []
    reasoning: list[str] = []
    others: list[Any] = []
    for part in parts if type(parts) is list else ():
        kind = part.get("type") if type(part) is dict else None
        if kind == "text":
            text = part.get("content")
            if text is None:
                text = part.get("text")
            texts.append(text if type(text) is str else as_text(text))
        elif kind == "tool_call":
            calls.append(tool_call_of(part.get("id"), part.get("name"), part.get("arguments")))
        elif kind == "tool_call_response":
            result = part["response"] if "response" in part else part.get("result")
            results.append((part.get("id"), result))
        else:
            _other_part(part, kind, texts, reasoning, calls, results, others)
    extra = {k: item[k] for k in ("name", "finish_reason") if item.get(k) not in (None, "")}
    if reasoning:
        extra["reasoning"] = "\n".join(reasoning)
    if others:
        extra["parts"] = others
    out = []
    if texts or calls or not results or extra:
        out.append(m.message(role, "\n".join(texts), calls or None, item.get("tool_call_id"), **extra))
    for call_id, result in results:
        out.append(m.message("tool", as_text(result), tool_call_id=call_id))
    return out


def openai_calls(calls: Any) -> list[dict[str, Any]]:
    """``tool_calls[{id, type, function{name, arguments}}]`` (or flat ``{id, name, arguments}``)."""
    out = []
    for c in calls if type(calls) is list else ():
        if type(c) is dict:
            function = c.get("function")
            source = function if type(function) is dict else c
            out.append(tool_call_of(c.get("id"), source.get("name"), source.get("arguments")))
    return out


def _other_part(part: Any, kind: Any, texts: list[str], reasoning: list[str], calls: list[dict[str, Any]],
                results: list[tuple[Any, Any]], others: list[Any]) -> None:
    """The part types of other dialects: OpenAI input/output text, Anthropic tool_use and
    tool_result, reasoning/thinking; any other part is kept as it came."""
    if type(part) is str:
        texts.append(part)
    elif type(part) is not dict:
        others.append(part)
    elif kind in ("input_text", "output_text", None) and ("content" in part or "text" in part):
        texts.append(as_text(part["text"] if "text" in part else part["content"]))
    elif kind in ("reasoning", "thinking"):
        text = next((part[k] for k in ("content", "thinking", "text") if k in part), None)
        reasoning.append(as_text(text))
    elif kind in ("tool_use", "function_call"):
        calls.append(tool_call_of(part.get("id", part.get("call_id")), part.get("name"),
                           part["input"] if "input" in part else part.get("arguments")))
    elif kind == "tool-call" or ("toolCallId" in part and "toolName" in part and kind != "tool-result"):
        calls.append(vercel_call(part))  # the Vercel AI SDK
    elif kind == "tool-result":
        results.append((part.get("toolCallId"), vercel_output(part)))
    elif kind in ("tool_result", "function_call_output"):
        result = next((part[k] for k in ("content", "output", "response", "result") if k in part), None)
        results.append((part.get("tool_use_id", part.get("call_id", part.get("id"))), result))
    else:
        others.append(part)


def vercel_call(part: dict[str, Any]) -> dict[str, Any]:
    """A Vercel AI SDK tool call: ``{"toolCallId", "toolName", "input"}`` (``args`` before v5)."""
    arguments = part["input"] if "input" in part else part.get("args")
    return tool_call_of(part.get("toolCallId"), part.get("toolName"), arguments)


def vercel_output(part: dict[str, Any]) -> Any:
    """A Vercel AI SDK tool result's value: ``output`` (``{"type": "json" | "text", "value"}``
    since v5) or ``result``."""
    output = part["output"] if "output" in part else part.get("result")
    if isinstance(output, dict) and output.get("type") in ("json", "text", "error-text", "error-json") \
            and "value" in output:
        return output["value"]
    return output


# -- OTel GenAI (deprecated) -------------------------------------------------------------------

EVENT_ROLES = {
    "gen_ai.system.message": "system", "gen_ai.user.message": "user",
    "gen_ai.assistant.message": "assistant", "gen_ai.tool.message": "tool",
}
CHOICE_EVENT = "gen_ai.choice"


def event_body(attributes: dict[str, Any]) -> dict[str, Any]:
    """The body of a deprecated GenAI event: JSON text in ``gen_ai.event.content`` (Azure
    writes it so) or ``body``, else the event's own attributes."""
    for key in ("gen_ai.event.content", "body", "event.body"):
        if key in attributes:
            body = loads_text(attributes[key])
            if isinstance(body, dict):
                return body
            return {"content": body}
    return attributes


def event_message(name: str, attributes: dict[str, Any]) -> list[Message]:
    """A message from one ``gen_ai.{system,user,assistant,tool}.message`` event."""
    body = event_body(attributes)
    item = {k: loads_text(v) if k in ("tool_calls", "content") else v for k, v in body.items()}
    item.setdefault("role", EVENT_ROLES[name])
    if name == "gen_ai.tool.message" and "tool_call_id" not in item and item.get("id") is not None:
        item["tool_call_id"] = item["id"]
    return chat_message(item, EVENT_ROLES[name])


def choice_message(attributes: dict[str, Any]) -> list[Message]:
    """The assistant message of one ``gen_ai.choice`` event: ``{index, finish_reason,
    message{role, content, tool_calls}, tool_calls}``."""
    body = event_body(attributes)
    message = loads_text(body.get("message"))
    item = dict(message) if isinstance(message, dict) else {"content": message}
    if "tool_calls" in body and "tool_calls" not in item:
        item["tool_calls"] = loads_text(body["tool_calls"])
    item["tool_calls"] = loads_text(item.get("tool_calls"))
    item["content"] = loads_text(item.get("content"))
    if body.get("finish_reason") is not None:
        item.setdefault("finish_reason", body["finish_reason"])
    return chat_message(item, "assistant")


def openllmetry(groups: Groups, default_role: str) -> list[Message]:
    """``gen_ai.prompt.N.*`` / ``gen_ai.completion.N.*``, flattened by OpenLLMetry."""
    out = []
    for index in sorted(groups):
        sub = groups[index]
        calls: Groups = {}
        for key, value in sub.items():
            if key.startswith("tool_calls."):
                number, _, field = key[11:].partition(".")
                if number.isdigit():
                    calls.setdefault(int(number), {})[field] = value
        tool_calls = [tool_call_of(c.get("id"), c.get("name"), c.get("arguments")) for _, c in sorted(calls.items())]
        extra = {k: sub[k] for k in ("finish_reason", "name") if k in sub}
        out.append(m.message(sub.get("role") or default_role, as_text(sub.get("content")), tool_calls or None,
                             sub.get("tool_call_id"), **extra))
    return out


# -- OpenInference ----------------------------------------------------------------------------

def _split_indexed(sub: dict[str, Any], prefix: str) -> Groups:
    groups: Groups = {}
    cut = len(prefix)
    for key, value in sub.items():
        if key.startswith(prefix):
            number, _, field = key[cut:].partition(".")
            if number.isdigit():
                groups.setdefault(int(number), {})[field] = value
    return groups


def openinference(groups: Groups, default_role: str) -> list[Message]:
    """``llm.input_messages`` / ``llm.output_messages``, one group per message, keys
    below ``message.``."""
    out = []
    for index in sorted(groups):
        sub = groups[index]
        calls = [
            tool_call_of(c.get("tool_call.id"), c.get("tool_call.function.name"),
                  c.get("tool_call.function.arguments"))
            for _, c in sorted(_split_indexed(sub, "message.tool_calls.").items())
        ]
        if "message.function_call_name" in sub:
            calls.append(tool_call_of(None, sub["message.function_call_name"],
                               sub.get("message.function_call_arguments_json")))
        texts = [] if sub.get("message.content") is None else [as_text(sub["message.content"])]
        others = []
        for _, part in sorted(_split_indexed(sub, "message.contents.").items()):
            kind = part.get("message_content.type")
            if "message_content.text" in part and kind in (None, "text"):
                texts.append(as_text(part["message_content.text"]))
            else:
                others.append({k.removeprefix("message_content."): v for k, v in part.items()})
        extra: dict[str, Any] = {"name": sub.get("message.name")}
        if others:
            extra["parts"] = others
        out.append(m.message(sub.get("message.role") or default_role, "\n".join(texts), calls or None,
                             sub.get("message.tool_call_id"), **extra))
    return out


def prompt_texts(groups: Groups, field: str, role: str) -> list[Message]:
    """``llm.prompts.N.prompt.text`` (user) or ``llm.choices.N.completion.text`` (assistant)."""
    return [m.message(role, as_text(groups[i].get(field))) for i in sorted(groups) if field in groups[i]]


# -- any-agent and plain values ---------------------------------------------------------------

def anyagent_output(value: Any) -> list[Message]:
    """any-agent's ``gen_ai.output`` on an LLM step: tool calls or the answer text."""
    parsed = loads_text(value)
    if (isinstance(parsed, list) and parsed
            and all(isinstance(c, dict) and "tool.name" in c for c in parsed)):
        calls = [tool_call_of(c.get("tool.id"), c["tool.name"], c.get("tool.args")) for c in parsed]
        return [m.message("assistant", "", calls)]
    return [m.message("assistant", as_text(value))]


def from_payload(value: Any, default_role: str) -> list[Message] | None:
    """``input.value`` / ``output.value`` of an LLM step with no messages elsewhere: an
    OpenAI-style request (``messages``), response (``choices``), or plain text."""
    parsed = loads_text(value)
    if isinstance(parsed, dict):
        if isinstance(parsed.get("messages"), list):
            return genai_messages(parsed["messages"], default_role)
        choices = parsed.get("choices")
        if isinstance(choices, list) and choices and isinstance(choices[0], dict):
            msgs = [msg for c in choices if isinstance(c.get("message"), dict)
                    for msg in chat_message(c["message"], "assistant")]
            return msgs or None
        return None
    if isinstance(parsed, list):
        return genai_messages(parsed, default_role) if all(
            isinstance(i, dict) and "role" in i for i in parsed) else None
    if isinstance(parsed, str) and parsed:
        return [m.message(default_role, parsed)]
    return None
