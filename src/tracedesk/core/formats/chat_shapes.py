"""LLM inputs and outputs as SDKs and frameworks record them, in the native message shape.

Langfuse and LangSmith keep whatever the instrumented code passed to the model and got
back; this module recognises the common shapes and returns native messages
(:mod:`.messages`), or None when a value is none of them (the caller keeps it as it came):

- chat message lists: OpenAI / Anthropic / OTel GenAI ``{role, content | parts,
  tool_calls}`` (read by :func:`.semconv_messages.chat_message`), and an OpenAI request
  ``{"messages": [...]}`` (LangChain's batched ``[[...]]`` too);
- LangChain messages: serialised ``{"lc": 1, "type": "constructor", "id": [..., "AIMessage"],
  "kwargs": {...}}`` and plain ``{"type": "human" | "ai" | "tool" | "system", "content",
  "tool_calls": [{"name", "args", "id"}], "additional_kwargs": {"tool_calls": [...]},
  "tool_call_id"}``; LangChain results ``{"generations": [[{"text", "message"}]]}``;
- OpenAI responses: chat completions ``{"choices": [{"message"}]}``, one choice
  ``{"index", "message"}``, and the Responses API (input items ``function_call`` /
  ``function_call_output`` / ``message``, output ``{"object": "response", "output": [...]}``);
- Google Gemini: requests ``{"contents", "config": {"system_instruction"}}`` and responses
  ``{"content": {"parts", "role": "model"}}`` / ``{"candidates": [...]}`` with ``text``,
  ``function_call`` and ``function_response`` parts;
- transcripts flattened to text, ``"system: ...\\nuser: ..."``.
"""

from __future__ import annotations

import re
from typing import Any

from . import messages as m
from . import semconv_messages as sm
from .jsonsafe import loads_text

Message = dict[str, Any]

_LC_ROLES = {
    "human": "user",
    "ai": "assistant",
    "system": "system",
    "tool": "tool",
    "function": "tool",
    "chat": "user",
    "developer": "system",
}
_TRANSCRIPT = re.compile(r"^(system|user|assistant|developer|tool|human|ai):[ \t]?", re.MULTILINE)


def messages_from(value: Any, default_role: str = "user") -> list[Message] | None:
    """Native messages from any recognised shape of model input (or output), else None."""
    value = loads_text(value)
    if isinstance(value, str):
        return _transcript(value) if value else None
    if isinstance(value, list):
        return _message_list(value, default_role)
    if not isinstance(value, dict):
        return None
    if "messages" in value and isinstance(value["messages"], list):
        msgs = value["messages"]
        if msgs and all(isinstance(i, list) for i in msgs):  # LangChain batches: [[...]]
            msgs = [msg for batch in msgs for msg in batch]
        found = _message_list(msgs, default_role)
        if found is not None and isinstance(value.get("system"), str):  # Anthropic request
            found.insert(0, m.message("system", value["system"]))
        return found
    if "contents" in value:
        return _gemini_request(value)
    if isinstance(value.get("input"), list) and value.get("object") != "response":
        return _message_list(value["input"], default_role)  # Responses API request
    if isinstance(value.get("prompts"), list):
        return [m.message("user", p if isinstance(p, str) else sm.as_text(p)) for p in value["prompts"]] or None
    return output_messages(value)


def output_messages(value: Any) -> list[Message] | None:
    """Native messages from any recognised shape of model output, else None."""
    value = loads_text(value)
    if isinstance(value, str):
        return [m.message("assistant", value)]
    if isinstance(value, list):
        return _message_list(value, "assistant")
    if not isinstance(value, dict):
        return None
    if isinstance(value.get("choices"), list):
        out = [msg for c in value["choices"] if isinstance(c, dict) for msg in _choice(c)]
        return out or None
    if isinstance(value.get("message"), dict):
        return _choice(value)
    if isinstance(value.get("generations"), list):
        out = []
        for gens in value["generations"]:
            for gen in gens if isinstance(gens, list) else [gens]:
                if isinstance(gen, dict):
                    msg = gen.get("message")
                    out.extend(
                        one_message(msg, "assistant")
                        if isinstance(msg, dict)
                        else [m.message("assistant", sm.as_text(gen.get("text")))]
                    )
        return out or None
    if value.get("object") == "response" or (isinstance(value.get("output"), list) and "id" in value):
        return _message_list(value.get("output") or [], "assistant")
    if isinstance(value.get("candidates"), list):
        out = [
            msg
            for c in value["candidates"]
            if isinstance(c, dict) and isinstance(c.get("content"), dict)
            for msg in _gemini_content(c["content"])
        ]
        return out or None
    if isinstance(value.get("content"), dict) and "parts" in value["content"]:
        return _gemini_content(value["content"]) or None
    if _is_message(value):
        return one_message(value, "assistant")
    return None


def _choice(choice: dict[str, Any]) -> list[Message]:
    msgs = one_message(choice["message"], "assistant") if isinstance(choice.get("message"), dict) else []
    if msgs and choice.get("finish_reason") and "finish_reason" not in msgs[-1]:
        msgs[-1]["finish_reason"] = choice["finish_reason"]
    return msgs


def _is_message(item: dict[str, Any]) -> bool:
    return (
        ("role" in item and ("content" in item or "parts" in item or "tool_calls" in item))
        or (item.get("lc") == 1 and "kwargs" in item)
        or (item.get("type") in _LC_ROLES and "content" in item)
    )


def _message_list(items: list[Any], default_role: str) -> list[Message] | None:
    """A list whose every item is a message (or a Responses API item); else None."""
    out: list[Message] = []
    for item in items:
        if isinstance(item, dict):
            kind = item.get("type")
            if kind == "function_call":
                out.append(
                    m.message(
                        "assistant",
                        "",
                        [
                            sm.tool_call_of(
                                item.get("call_id", item.get("id")), item.get("name"), item.get("arguments")
                            )
                        ],
                    )
                )
            elif "toolCallId" in item and "toolName" in item and "role" not in item:
                # The Vercel AI SDK's tool calls (``ai.response.toolCalls``): the model calling tools.
                if kind == "tool-result":
                    out.append(m.message("tool", sm.as_text(sm.vercel_output(item)),
                                         tool_call_id=item.get("toolCallId"), name=item.get("toolName")))
                elif out and out[-1].get("role") == "assistant" and out[-1].get("tool_calls") and \
                        not out[-1].get("content"):
                    out[-1]["tool_calls"].append(sm.vercel_call(item))
                else:
                    out.append(m.message("assistant", "", [sm.vercel_call(item)]))
            elif kind == "function_call_output":
                out.append(m.message("tool", sm.as_text(item.get("output")), tool_call_id=item.get("call_id")))
            elif kind == "reasoning" and "role" not in item:
                summary = item.get("summary")
                texts = (
                    [s.get("text", "") for s in summary if isinstance(s, dict)]
                    if isinstance(summary, list)
                    else []
                )
                out.append(m.message("assistant", "", reasoning="\n".join(texts) or None))
            elif _is_message(item) or (kind == "message" and "content" in item):
                out.extend(one_message(item, default_role))
            else:
                return None
        else:
            return None
    return out or None


def one_message(item: dict[str, Any], default_role: str) -> list[Message]:
    """One message of any chat dialect."""
    if item.get("lc") == 1 and isinstance(item.get("kwargs"), dict):
        ids = item.get("id")
        cls = ids[-1] if isinstance(ids, list) and ids else ""
        kwargs = dict(item["kwargs"])
        kwargs.setdefault("type", _lc_class_type(str(cls)))
        item = kwargs
    if "role" not in item and item.get("type") in _LC_ROLES:
        return _langchain(item, _LC_ROLES[item["type"]])
    extra = item.get("additional_kwargs")
    if isinstance(extra, dict) and extra.get("tool_calls") and not item.get("tool_calls"):
        item = {**item, "tool_calls": extra["tool_calls"]}
    role = item.get("role") or default_role
    if m.role(role) not in m.ROLES:  # a tool result named after its tool (LangGraph.js)
        item = {**item, "role": "tool", "name": item.get("name") or str(role)}
    calls = _lc_calls(item.get("tool_calls"))
    if calls:
        msgs = sm.chat_message({**item, "tool_calls": None}, default_role)
        if msgs:
            msgs[0]["tool_calls"] = calls
        return msgs
    return sm.chat_message(item, default_role)


def _lc_class_type(cls: str) -> str:
    name = cls.lower().removesuffix("chunk").removesuffix("message")
    return {
        "human": "human",
        "ai": "ai",
        "system": "system",
        "tool": "tool",
        "function": "function",
        "chat": "chat",
    }.get(name, "human")


def _lc_calls(calls: Any) -> list[dict[str, Any]]:
    """LangChain's own tool calls ``[{"name", "args", "id"}]`` (not the OpenAI shape)."""
    if not isinstance(calls, list) or not calls:
        return []
    out = []
    for c in calls:
        if not isinstance(c, dict) or "args" not in c or "function" in c:
            return []
        out.append(sm.tool_call_of(c.get("id"), c.get("name"), c.get("args")))
    return out


def _langchain(item: dict[str, Any], role: str) -> list[Message]:
    calls = _lc_calls(item.get("tool_calls"))
    extra = item.get("additional_kwargs")
    if not calls and isinstance(extra, dict) and extra.get("tool_calls"):
        calls = sm.openai_calls(extra["tool_calls"])
    content = item.get("content")
    msg_item = {
        "role": role,
        "content": content,
        "tool_call_id": item.get("tool_call_id"),
        "name": item.get("name"),
    }
    msgs = sm.chat_message(msg_item, role)
    if msgs and calls:
        msgs[0]["tool_calls"] = calls
    return msgs


def _gemini_parts(parts: Any, role: str) -> list[Message]:
    texts: list[str] = []
    calls: list[dict[str, Any]] = []
    out: list[Message] = []
    others: list[Any] = []
    for part in parts if isinstance(parts, list) else [parts]:
        if isinstance(part, str):
            texts.append(part)
        elif not isinstance(part, dict):
            others.append(part)
        elif part.get("text") is not None:
            texts.append(sm.as_text(part["text"]))
        elif isinstance(part.get("function_call"), dict):
            call = part["function_call"]
            calls.append(sm.tool_call_of(call.get("id"), call.get("name"), call.get("args")))
        elif isinstance(part.get("function_response"), dict):
            resp = part["function_response"]
            out.append(
                m.message(
                    "tool", sm.as_text(resp.get("response")), tool_call_id=resp.get("id"), name=resp.get("name")
                )
            )
        else:
            others.append(part)
    if texts or calls or others or not out:
        out.insert(0, m.message(role, "\n".join(texts), calls or None, parts=others or None))
    return out


def _gemini_content(content: dict[str, Any]) -> list[Message]:
    return _gemini_parts(content.get("parts"), content.get("role") or "assistant")


def _gemini_request(value: dict[str, Any]) -> list[Message] | None:
    out: list[Message] = []
    config = value.get("config") if isinstance(value.get("config"), dict) else {}
    system = config.get("system_instruction", value.get("system_instruction"))
    if isinstance(system, str) and system:
        out.append(m.message("system", system))
    elif isinstance(system, dict):
        out.extend(_gemini_parts(system.get("parts"), "system"))
    contents = value.get("contents")
    if isinstance(contents, str):
        out.append(m.message("user", contents))
    elif isinstance(contents, list):
        for item in contents:
            if isinstance(item, dict) and "parts" in item:
                out.extend(_gemini_parts(item["parts"], item.get("role") or "user"))
            elif isinstance(item, str):
                out.append(m.message("user", item))
    return out or None


def _transcript(text: str) -> list[Message] | None:
    """``"system: ...\\nuser: ..."`` as messages, when the text starts so."""
    marks = list(_TRANSCRIPT.finditer(text))
    if not marks or marks[0].start() != 0:
        return None
    out = []
    for i, mark in enumerate(marks):
        end = marks[i + 1].start() if i + 1 < len(marks) else len(text)
        body = text[mark.end() : end].rstrip("\n")
        role = mark.group(1)
        if role == "assistant" and body == "None":
            body = ""
        out.append(m.message(role, body))
    return out


def last_text(msgs: list[Message] | None, role: str) -> str | None:
    """The text of the last message with ``role`` that has any."""
    for msg in reversed(msgs or []):
        if msg.get("role") == role and isinstance(msg.get("content"), str) and msg["content"].strip():
            return msg["content"]
    return None
