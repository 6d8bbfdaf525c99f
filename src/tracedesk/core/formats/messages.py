"""Building LLM messages in the shape of the native bundle format.

Every format's LLM steps end up as ``{"messages": [message, ...]}`` where a message is
``{"role", "content", "tool_calls": [{"id", "name", "arguments"}], "tool_call_id"}``, so
the views render a conversation whatever the source. Keys with nothing in them are left
out; anything the shape has no place for stays in the span's attributes.
"""

from __future__ import annotations

from typing import Any

import orjson

ROLES = frozenset({"system", "user", "assistant", "tool"})
_ROLE_ALIASES = {
    "human": "user", "ai": "assistant", "model": "assistant", "bot": "assistant",
    "developer": "system", "function": "tool", "ipython": "tool",
}


def role(value: Any) -> str:
    """A role from any source's spelling (``human``, ``AIMessage``, ``model``...)."""
    text = str(value or "").strip().lower()
    for suffix in ("messagechunk", "message"):
        if text.endswith(suffix) and text != suffix:
            text = text[: -len(suffix)]
    return text if text in ROLES else _ROLE_ALIASES.get(text, text or "user")


def parse_json_string(value: Any) -> Any:
    """A value that may be JSON text (sometimes encoded twice) as the value it encodes;
    anything else as it is."""
    for _ in range(3):
        if not isinstance(value, str):
            return value
        stripped = value.strip()
        if not stripped or stripped[0] not in "[{\"":
            return value
        try:
            value = orjson.loads(stripped)
        except orjson.JSONDecodeError:
            return value
    return value


def tool_call(id: Any = None, name: Any = None, arguments: Any = None) -> dict[str, Any]:
    """A tool call; ``arguments`` given as JSON text is parsed (kept as text if it is not JSON)."""
    call: dict[str, Any] = {}
    if id not in (None, ""):
        call["id"] = str(id)
    call["name"] = "" if name is None else str(name)
    args = parse_json_string(arguments)
    call["arguments"] = {} if args is None else args
    return call


def message(
    role_name: Any,
    content: Any = None,
    tool_calls: list[dict[str, Any]] | None = None,
    tool_call_id: Any = None,
    **extra: Any,
) -> dict[str, Any]:
    """A message; ``extra`` keys with a value (``name``, ``reasoning``...) are kept too."""
    msg: dict[str, Any] = {"role": role(role_name)}
    msg["content"] = "" if content is None else content
    if tool_calls:
        msg["tool_calls"] = tool_calls
    if tool_call_id not in (None, ""):
        msg["tool_call_id"] = str(tool_call_id)
    msg.update({k: v for k, v in extra.items() if v not in (None, "", [], {})})
    return msg


def conversation(messages: list[dict[str, Any]]) -> dict[str, Any]:
    return {"messages": messages}
