"""Events of OpenHands 1.x (the software-agent SDK), each naming its class in ``kind``:
``SystemPromptEvent`` (``system_prompt``), ``MessageEvent`` (``llm_message``),
``ActionEvent`` (``thought``, ``reasoning_content``, ``action``, ``tool_name``,
``tool_call_id``, ``tool_call``, ``llm_response_id``: the actions of one model response share
it), ``ObservationEvent`` (``observation`` with its ``content`` parts and ``exit_code``),
``AgentErrorEvent``, ``UserRejectObservation`` and ``ConversationStateUpdateEvent``. Read into
the same run as OpenHands 0.x events (:mod:`.openhands`).
"""

from __future__ import annotations

from typing import Any

from . import messages as m
from .agent_runs import message_of, text
from .jsonsafe import listed


def part_text(value: Any) -> str:
    """The text of a content part (``{"type": "text", "text"}``) or of a list of them."""
    if isinstance(value, dict):
        return str(value.get("text") or "")
    if isinstance(value, list):
        return "\n".join(part_text(v) for v in value)
    return "" if value is None else str(value)


def event(stream: Any, kind: str, e: dict[str, Any], when: Any) -> None:
    """One event of the SDK into ``stream`` (:class:`.openhands._Stream`): its run, the model
    response its actions came from, and the errors it ended on."""
    run = stream.run
    eid = e.get("id")
    if kind == "SystemPromptEvent":
        run.hear(m.message("system", part_text(e.get("system_prompt"))))
    elif kind == "MessageEvent":
        llm_message = e.get("llm_message") if isinstance(e.get("llm_message"), dict) else {}
        msgs = message_of(llm_message) if llm_message else []
        for msg in msgs:
            if msg.get("role") == "assistant" or e.get("source") == "agent":
                run.say({**msg, "role": "assistant"}, span_id=f"event-{eid}", start=when, end=when)
                stream.response_id = None
            else:
                run.hear(msg)
    elif kind == "ActionEvent":
        response_id = e.get("llm_response_id") or eid
        if response_id != stream.response_id:
            stream.response_id = response_id
            thought = "\n".join(part for part in map(part_text, listed(e.get("thought"))) if part)
            reply = m.message("assistant", thought, reasoning=e.get("reasoning_content") or None)
            run.say(reply, span_id=f"llm-{eid}", start=when, end=when)
            run.answer = None
        call = e.get("tool_call") if isinstance(e.get("tool_call"), dict) else {}
        action = e.get("action") if isinstance(e.get("action"), dict) else {}
        arguments = call.get("arguments") if "arguments" in call else {
            k: v for k, v in action.items() if k != "kind"}
        name = e.get("tool_name") or call.get("name") or action.get("kind") or "tool"
        run.call(name, arguments, e.get("tool_call_id") or call.get("id"), span_id=f"event-{eid}",
                 start=when, attributes={"openhands.action": action.get("kind")} if action else None)
        if action.get("kind") == "FinishAction" or name == "finish":
            answer = action.get("message") or arguments
            run.answer = answer if isinstance(answer, str) else text(answer)
    elif kind in ("ObservationEvent", "AgentErrorEvent", "UserRejectObservation"):
        obs = e.get("observation") if isinstance(e.get("observation"), dict) else {}
        if kind == "AgentErrorEvent":
            content, failed = e.get("error"), True
        elif kind == "UserRejectObservation":
            content, failed = f"Action rejected: {e.get('rejection_reason') or ''}".strip(), True
        else:
            content = obs.get("content", obs.get("output", obs.get("text")))
            code = obs.get("exit_code")
            failed = bool(obs.get("is_error")) or (isinstance(code, int) and code > 0)
        content = part_text(content) if isinstance(content, dict) else text(content)
        done = run.result(e.get("tool_call_id"), content, name=e.get("tool_name"), error=failed, end=when)
        if done is not None and obs:
            done.setdefault("attributes", {})["openhands.observation"] = {
                k: v for k, v in obs.items() if k not in ("content", "output")}
        run.incoming.append(m.message("tool", content, tool_call_id=e.get("tool_call_id")))
        if kind == "AgentErrorEvent":
            stream.errors.append((content, done["span_id"] if done else None))
    elif kind == "ConversationStateUpdateEvent":
        if e.get("key") == "execution_status" and e.get("value") in ("error", "stuck"):
            stream.errors.append((f"the conversation ended {e['value']}",
                                run.spans[-1]["span_id"] if run.spans else None))
    else:
        run.span("other", kind, f"event-{eid}", start_time=when,
                 attributes={k: v for k, v in e.items() if k not in ("id", "timestamp", "kind")} or None)
