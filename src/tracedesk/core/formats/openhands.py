"""OpenHands runs: the event stream, and evaluation output.

Event stream (``openhands.events.serialization``): a JSON array of events
``{"id", "timestamp", "source": "user" | "agent" | "environment", "message", "action" |
"observation", "args" | "content" + "extras", "cause" (the id of the action an observation
answers), "tool_call_metadata": {"function_name", "tool_call_id", "model_response",
"total_calls_in_response"}, "llm_metrics"}``. Evaluation output (``EvalOutput``, one JSON
line per instance of ``output.jsonl``): ``{"instance_id", "instruction", "history" (the
events, or [action, observation] pairs in older runs), "metrics" ({"accumulated_cost",
"accumulated_token_usage", "costs"...}), "error", "test_result", "metadata", "instance"}``.

OpenHands 1.x (the software-agent SDK) names each event's class in ``kind``:
``SystemPromptEvent`` (``system_prompt``), ``MessageEvent`` (``llm_message``),
``ActionEvent`` (``thought``, ``reasoning_content``, ``action``, ``tool_name``,
``tool_call_id``, ``tool_call``, ``llm_response_id``), ``ObservationEvent``
(``observation`` with its ``content`` parts and ``exit_code``), ``AgentErrorEvent``,
``UserRejectObservation`` and ``ConversationStateUpdateEvent`` (read by
:mod:`.openhands_sdk`); its evaluation output has the same shape as before with these events
as ``history``. The window's exported
trajectory ``{"trajectory": [...]}`` is read too.

Mapping (:mod:`.agent_runs`): a run is a trace, its id the instance id (else the file's
name); its question the system prompt and the user's first message (else the instruction).
The agent's actions that came from one model response (``tool_call_metadata.model_response``)
make one LLM step, with the response's text, model and token usage, calling one tool per
action (``run``, ``str_replace_editor``, ``browser``, ``think``, ``finish``...); each
observation is the result of the call it answers (by tool call id, else ``cause``), an
``error`` observation or a command with a non-zero exit code a failed one. An agent's
message without a tool call is an answer; ``finish`` gives the final answer
(``final_thought``, ``outputs``, or its message). Other events (state changes, recalls,
condensations) are kept as steps of kind other. Times are the events' timestamps, read as
UTC when they name no offset.

How the run ended: an ``error`` ("Agent reached maximum iteration", "... budget") is
recorded for the signals (an iteration or cost limit), and so is the last error of the
stream. ``test_result`` grades the run: ``report.resolved`` (SWE-bench), else
``resolved``, ``success``, ``passed``, ``score`` or ``reward``; its ``git_patch`` is the run's
answer when it has none other. The accumulated cost and tokens are the run's.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import partial
from typing import Any, BinaryIO

from . import messages as m
from . import openhands_sdk as sdk
from .agent_runs import ROOT, Run, file_stem, guarded, message_of, outcome_feedback, text, unit_scale, utc
from .base import Format, Item, Problem
from .jsonsafe import MAX_DEPTH, TooDeep, clean, read_values
from .usage import provider_usage, read_usage

_EVENT = (re.compile(rb'"(action|observation)"\s*:\s*"'), re.compile(rb'"source"\s*:\s*"(user|agent|environment)"'),
          re.compile(rb'"timestamp"\s*:'))
_EVAL = (re.compile(rb'"instance_id"\s*:'), re.compile(rb'"(history|test_result)"\s*:'))
# The SDK (OpenHands 1.x) names each event's class.
_V1_EVENT = re.compile(rb'"kind"\s*:\s*"(ActionEvent|MessageEvent|ObservationEvent|SystemPromptEvent|AgentErrorEvent)"')
_V1_SUFFIXES = ("Event", "Observation", "Condensation", "CondensationRequest")
_LIMITS = (("maximum iteration", "iterations"), ("max iteration", "iterations"), ("budget", "cost"),
           ("cost", "cost"), ("context window", "context"), ("contextwindow", "context"), ("timeout", "time"),
           ("timed out", "time"))
_SKIP_ACTIONS = frozenset({"change_agent_state", "null"})


def sniff(head: bytes, name: str) -> bool:
    start = head.lstrip()[:1]
    if start in (b"[", b"{") and _V1_EVENT.search(head) and b'"source"' in head:
        return True
    if start == b"[":
        return all(p.search(head) for p in _EVENT)
    if start == b"{":
        return all(p.search(head) for p in _EVAL) or (all(p.search(head) for p in _EVENT)
                                                      and b'"history"' not in head[:200])
    return False


def read(stream: BinaryIO, name: str) -> Iterator[Item]:
    count = 0
    for line, value, reason in read_values(stream, name):
        if reason is not None:
            yield Problem(reason, line)
            continue
        count += 1
        try:
            value = clean(value)
        except TooDeep:
            yield Problem(f"nested more than {MAX_DEPTH} levels deep; skipped", line)
            continue
        if isinstance(value, list):
            trace_id = _stem(name) if count == 1 else f"{_stem(name)}-{count}"
            yield from guarded(partial(run_records, trace_id, value, {}, line), "the event stream", line)
        elif isinstance(value, dict) and "instance_id" in value:
            history = value.get("history") if isinstance(value.get("history"), list) else []
            yield from guarded(partial(run_records, str(value["instance_id"]), history, value, line),
                               f"instance {value['instance_id']}", line)
        elif isinstance(value, dict) and any(isinstance(value.get(k), list) for k in ("trajectory", "events")):
            # The window's "export trajectory" ({"trajectory": [...]}), a conversation's events.
            events = value["trajectory"] if isinstance(value.get("trajectory"), list) else value["events"]
            rest = {k: v for k, v in value.items() if k not in ("trajectory", "events")}
            trace_id = str(value.get("conversation_id") or value.get("id") or _stem(name))
            yield from guarded(partial(run_records, trace_id, events, rest, line), "the trajectory", line)
        elif isinstance(value, dict) and _is_event(value):
            # A conversation's folder of events keeps each in a file of its own; one event is not a run.
            yield Problem("one OpenHands event, not a run: import the conversation's events as one list "
                          "(OpenHands' exported trajectory, or its evaluation output)", line)
        else:
            yield Problem("not an OpenHands event stream (a list of events) or evaluation output "
                          "(an object with 'instance_id' and 'history')", line)


def _stem(name: str) -> str:
    return file_stem(name, (".jsonl", ".json"), "run")


def _events(history: list[Any]) -> list[dict[str, Any]]:
    out = []
    for item in history:
        if isinstance(item, list):  # older output: [action, observation] pairs
            out += [e for e in item if isinstance(e, dict) and _is_event(e)]
        elif isinstance(item, dict) and _is_event(item):
            out.append(item)
    return out


def _is_event(e: dict[str, Any]) -> bool:
    """An event of OpenHands (``action`` or ``observation``) or of its SDK (a ``kind``
    naming an event class)."""
    return "action" in e or "observation" in e or str(e.get("kind", "")).endswith(_V1_SUFFIXES)


def limit_of(error: str) -> str | None:
    lowered = error.lower()
    return next((limit for words, limit in _LIMITS if words in lowered), None)


class _Stream:
    def __init__(self, trace_id: str) -> None:
        self.run = Run(trace_id)
        self.by_event: dict[Any, dict[str, Any]] = {}  # action event id -> its tool step
        self.response_id: Any = None
        self.model: str | None = None
        self.errors: list[tuple[str, str | None]] = []  # (message, step)
        self.first_time: Any = None
        self.last_time: Any = None
        self.metrics: dict[str, Any] = {}  # the latest llm_metrics of an event

    def event(self, e: dict[str, Any]) -> None:
        when = utc(e.get("timestamp"))
        self.first_time = self.first_time or when
        self.last_time = when or self.last_time
        metrics = e.get("llm_metrics")  # the run's cost so far, on the events of OpenHands 0.x
        if isinstance(metrics, dict) and isinstance(metrics.get("accumulated_cost"), int | float):
            self.metrics = metrics
        kind = e.get("kind")
        if isinstance(kind, str) and kind.endswith(_V1_SUFFIXES) and not isinstance(e.get("action"), str) \
                and not isinstance(e.get("observation"), str):
            sdk.event(self, kind, e, when)
        elif "observation" in e:
            self.observation(e, when)
        elif "action" in e:
            self.action(e, when)

    def action(self, e: dict[str, Any], when: Any) -> None:
        kind = str(e.get("action") or "")
        args = e.get("args") if isinstance(e.get("args"), dict) else {}
        source = e.get("source")
        meta = e.get("tool_call_metadata") if isinstance(e.get("tool_call_metadata"), dict) else None
        run = self.run
        if kind in ("message", "system") and source != "agent" or kind == "system":
            content = args.get("content", e.get("message"))
            run.hear(m.message("system" if kind == "system" else "user", text(content)))
            self.response_id = None
            return
        if kind in _SKIP_ACTIONS:
            return
        if meta is None and kind == "message":  # the agent speaking, not calling a tool
            run.say(m.message("assistant", text(args.get("content", e.get("message")))),
                    span_id=f"event-{e.get('id')}", start=when, end=when)
            self.response_id = None
            return
        if meta is None and kind in ("recall", "condensation"):
            run.span("other", kind, f"event-{e.get('id')}", input=args or None, start_time=when,
                     attributes={"openhands.event": e.get("id")})
            return
        response = meta.get("model_response") if meta else None
        response = response if isinstance(response, dict) else {}
        response_id = response.get("id") or e.get("id")
        if response_id != self.response_id or meta is None:
            self.response_id = response_id
            self._llm(e, response, args, when)
        name = (meta or {}).get("function_name") or kind
        call_id = (meta or {}).get("tool_call_id") or f"event-{e.get('id')}"
        arguments = self._arguments(response, call_id, args)
        tool = run.call(name, arguments, call_id, span_id=f"event-{e.get('id')}", start=when,
                        attributes={"openhands.action": kind})
        self.by_event[e.get("id")] = tool
        if kind == "finish":
            answer = args.get("final_thought") or args.get("outputs") or e.get("message") or args.get("thought")
            run.answer = text(answer) if isinstance(answer, str) else answer
            tool["output"] = answer

    def _llm(self, e: dict[str, Any], response: dict[str, Any], args: dict[str, Any], when: Any) -> None:
        choices = response.get("choices")
        message = choices[0].get("message") if isinstance(choices, list) and choices and isinstance(
            choices[0], dict) else None
        msgs = message_of(message) if isinstance(message, dict) else []
        reply = msgs[0] if msgs else m.message("assistant", text(args.get("thought", e.get("message"))))
        reply = {k: v for k, v in reply.items() if k != "tool_calls"}  # the calls come as steps
        self.model = response.get("model") or self.model
        llm = self.run.say(reply, span_id=f"llm-{e.get('id')}", model=response.get("model"),
                           usage=provider_usage(response.get("usage")), start=when, end=when)
        if isinstance(message, dict) and message.get("tool_calls"):
            llm["output"] = m.conversation(msgs)  # the answer as the model gave it, calls and all
        self.run.answer = None  # the agent acts on: what it said is not its final answer

    @staticmethod
    def _arguments(response: dict[str, Any], call_id: str, args: dict[str, Any]) -> Any:
        """The arguments the model gave the call, else the action's own."""
        choices = response.get("choices")
        if isinstance(choices, list) and choices and isinstance(choices[0], dict):
            message = choices[0].get("message")
            for call in (message or {}).get("tool_calls") or () if isinstance(message, dict) else ():
                if isinstance(call, dict) and call.get("id") == call_id and isinstance(call.get("function"), dict):
                    return call["function"].get("arguments")
        return {k: v for k, v in args.items() if k not in ("thought",)}

    def observation(self, e: dict[str, Any], when: Any) -> None:
        kind = str(e.get("observation") or "")
        extras = e.get("extras") if isinstance(e.get("extras"), dict) else {}
        content = e.get("content", e.get("message"))
        if kind == "agent_state_changed":
            state = extras.get("agent_state")
            if state == "error" and extras.get("reason"):
                self.errors.append((text(extras["reason"]), None))
            return
        meta = e.get("tool_call_metadata") if isinstance(e.get("tool_call_metadata"), dict) else None
        tool = self.by_event.get(e.get("cause"))
        exit_code = (extras.get("metadata") or {}).get("exit_code") if isinstance(extras.get("metadata"), dict) \
            else extras.get("exit_code")
        failed = kind == "error" or (isinstance(exit_code, int) and exit_code > 0)
        if tool is None and meta is None:
            if kind == "error":
                self.errors.append((text(content), self.run.spans[-1]["span_id"] if self.run.spans else None))
            self.run.span("other", kind or "observation", f"event-{e.get('id')}", output=content,
                          start_time=when, end_time=when, attributes={"openhands.extras": extras} if extras else None,
                          status="error" if kind == "error" else None)
            return
        call_id = (meta or {}).get("tool_call_id") or (tool or {}).get("attributes", {}).get("tool_call_id")
        done = self.run.result(call_id, text(content), name=(meta or {}).get("function_name"), error=failed,
                               end=when)
        if done is not None:
            if extras:
                done.setdefault("attributes", {})["openhands.extras"] = extras
            self.run.incoming.append(m.message("tool", text(content), tool_call_id=call_id))


def run_records(trace_id: str, history: list[Any], output: dict[str, Any], line: int | None) -> Iterator[Item]:
    events = _events(history)
    if not events and not output:
        yield Problem("not an OpenHands event stream: none of its items is an event (with 'action' or "
                      "'observation')", line)
        return
    s = _Stream(trace_id)
    instruction = output.get("instruction")
    if not any(e.get("source") == "user" and (e.get("action") == "message" or e.get("kind") == "MessageEvent")
               for e in events) and isinstance(instruction, str):
        s.run.hear(m.message("user", instruction))
    for e in events:
        s.event(e)
    metadata: dict[str, Any] = {k: v for k, v in output.items() if k not in ("history", "instance_id", "metrics",
                                                                             "error", "test_result")}
    metadata["agent.format"] = "openhands"
    error = output.get("error")
    exit_text, limit_step = (text(error), None) if error else (s.errors[-1] if s.errors else (None, None))
    if exit_text:
        metadata["agent.exit"] = exit_text
        limit = limit_of(exit_text)
        if limit:
            metadata["agent.limit"] = limit
            if limit_step:
                metadata["agent.limit_step"] = limit_step
    test_result = output.get("test_result") if isinstance(output.get("test_result"), dict) else {}
    feedback = []
    grade = _grade(test_result)
    if grade is not None:
        feedback.append(grade)
    patch = test_result.get("git_patch")
    answer = s.run.answer
    if isinstance(patch, str) and patch.strip():
        tools = [sp for sp in s.run.spans if sp["kind"] == "tool"]
        finish = [sp for sp in tools if sp["name"] == "finish"]
        metadata["agent.patch_step"] = (finish or tools or [{"span_id": ROOT}])[-1]["span_id"]
        answer = answer if answer else patch
    if test_result:
        metadata["test_result"] = test_result
    metrics = output.get("metrics") if isinstance(output.get("metrics"), dict) else s.metrics
    if metrics:
        metadata["metrics"] = metrics
    if s.model:
        metadata["model"] = s.model
    usage = metrics.get("accumulated_token_usage") if isinstance(metrics.get("accumulated_token_usage"), dict) else {}
    cost = metrics.get("accumulated_cost")
    costed = any(sp.get("cost_usd") for sp in s.run.spans)
    yield from s.run.records(
        {"name": trace_id, "output": answer, "start_time": s.first_time, "end_time": s.last_time,
         "status": "error" if error else None, "metadata": metadata},
        feedback, line=line,
        root={"name": "openhands", "model": s.model,
              "cost_usd": cost if isinstance(cost, int | float) and not costed else None,
              "usage": read_usage(usage) or None})


def _grade(test_result: dict[str, Any]) -> dict[str, Any] | None:
    report = test_result.get("report") if isinstance(test_result.get("report"), dict) else {}
    for source, key in ((report, "resolved"), (test_result, "resolved"), (test_result, "success"),
                        (test_result, "passed"), (test_result, "score"), (test_result, "reward"),
                        (test_result, "result")):
        value = source.get(key)
        if isinstance(value, bool | int | float | str) and value != "":
            comment = None
            if report and not report.get("resolved"):
                reasons = [k.replace("_", " ") for k in ("empty_generation", "failed_apply_patch", "error_eval",
                                                         "test_timeout") if report.get(k)]
                comment = "; ".join(reasons) or "the tests failed"
            return outcome_feedback("resolved" if key == "resolved" else key, value, comment=comment,
                                    scale=unit_scale(value), author="openhands-eval")
    return None


FORMAT = Format("openhands", "OpenHands event stream or evaluation output", sniff=sniff, read=read)
