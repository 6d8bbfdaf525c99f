"""SWE-agent trajectories (``.traj``): one run of the agent on one problem.

Shape (``sweagent.types``): ``{"environment", "trajectory": [{"action", "observation",
"response", "thought", "state", "execution_time", "query", "extra_info"}], "history":
[{"role", "content", "agent", "is_demo", "thought", "action", "message_type", "tool_calls",
"tool_call_ids"}], "info": {"exit_status", "submission", "model_stats": {"instance_cost",
"tokens_sent", "tokens_received", "api_calls"}, "edited_files30", ...}}``; 1.x adds
``replay_config`` (the run's configuration, an object or JSON text) and, with function
calling, ``tool_calls`` on the assistant messages of the history.

Mapping: the run is a trace (:mod:`.agent_runs`) whose id is the problem's id
(``replay_config.problem_statement.id``, else the agent's name in it, else the file's name
without ``.traj``); its question is the system prompt and the problem statement (the
history before the first action; demonstrations are kept in the first LLM step's input but
are not the question). Each trajectory step is an LLM step (the model's ``response``, its
``thought`` as reasoning) calling one tool: the function call of the history when the run
used function calling, else the ``action`` as ``{"command": action}`` named by its first
word (``open``, ``edit``, ``python``, ``submit``); the ``observation`` is its result, and
``state`` and ``execution_time`` are kept in its attributes. The submission (the patch, or
a flag) is the run's answer; ``info.exit_status`` says how it ended (a cost, context, time
or call limit reached is recorded for the signals), and the cost and tokens of
``model_stats`` are the run's. Every other field is kept in the trace's metadata.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import partial
from pathlib import PurePath
from typing import Any, BinaryIO

from . import messages as m
from .agent_runs import Run, file_stem, guarded, text
from .base import Format, Item, Problem
from .jsonsafe import MAX_DEPTH, TooDeep, clean, listed, loads_text, read_values

_TRAJ = re.compile(rb'"trajectory"\s*:\s*\[\s*(\]|\{\s*"(action|thought|response|observation|state|execution_time'
                   rb'|query|messages|extra_info)"\s*:)')
_KNOWN = frozenset({"trajectory", "history", "info", "replay_config"})
_INFO_KNOWN = frozenset({"exit_status", "submission", "model_stats"})


def sniff(head: bytes, name: str) -> bool:
    """An object with a ``trajectory`` of steps (a ``.traj`` file by any name)."""
    if head.lstrip()[:1] != b"{":
        return False
    return bool(_TRAJ.search(head)) or (name.lower().endswith(".traj") and b'"trajectory"' in head)


def read(stream: BinaryIO, name: str) -> Iterator[Item]:
    for line, value, reason in read_values(stream, name):
        if reason is not None:
            yield Problem(reason, line)
            continue
        if not isinstance(value, dict) or not isinstance(value.get("trajectory"), list):
            yield Problem("not a SWE-agent trajectory (an object with a 'trajectory' list)", line)
            continue
        try:
            value = clean(value)
        except TooDeep:
            yield Problem(f"nested more than {MAX_DEPTH} levels deep; skipped", line)
            continue
        yield from guarded(partial(trajectory_records, value, name, line), "the trajectory", line)


def limit_of(exit_status: str) -> str | None:
    """Which limit an exit status says the run reached, if any."""
    status = exit_status.lower()
    for word, limit in (("cost", "cost"), ("context", "context"), ("call_limit", "iterations"),
                        ("step", "iterations"), ("iteration", "iterations"), ("time", "time")):
        if word in status:
            return limit
    return None


def _config(value: Any) -> dict[str, Any]:
    value = loads_text(value)
    return value if isinstance(value, dict) else {}


def _trace_id(config: dict[str, Any], name: str) -> str:
    problem = config.get("problem_statement")
    if isinstance(problem, dict) and problem.get("id"):
        return str(problem["id"])
    agent = config.get("agent")
    if isinstance(agent, dict) and isinstance(agent.get("name"), str) and agent["name"] not in ("", "main"):
        return agent["name"]
    return file_stem(name, (".traj", ".json"), "trajectory")


# SWE-agent 0.x names a run's folder "<model>__<dataset>__<config>__t-<temperature>__p-<top p>__c-<cost limit>...".
_RUN_FOLDER = re.compile(r"^(?P<model>[^_/]+(?:_[^_/]+)*?)__.+__t-[\d.]+__p-[\d.]+__c-[\d.]+")


def _model(config: dict[str, Any], name: str) -> str | None:
    """The model: the 1.x configuration's, else the one a 0.x run's folder is named after."""
    agent = config.get("agent")
    model = agent.get("model") if isinstance(agent, dict) else None
    found = model.get("name") if isinstance(model, dict) else None
    if isinstance(found, str) and found:
        return found
    for folder in reversed(PurePath(name.split("!")[-1]).parts[:-1]):
        match = _RUN_FOLDER.match(folder)
        if match:
            return match.group("model")
    return None


def _calls(item: dict[str, Any]) -> list[dict[str, Any]]:
    """The function calls of a history message (a list; the text form of older demos is
    left alone: the action says the same)."""
    calls = item.get("tool_calls")
    out = []
    for call in calls if isinstance(calls, list) else ():
        if isinstance(call, dict):
            function = call.get("function") if isinstance(call.get("function"), dict) else call
            out.append(m.tool_call(call.get("id"), function.get("name"), function.get("arguments")))
    return out


def trajectory_records(doc: dict[str, Any], name: str, line: int | None = None) -> Iterator[Item]:
    config = _config(doc.get("replay_config"))  # often a large JSON text: read once
    run = Run(_trace_id(config, name))
    model = _model(config, name)
    history = [h for h in listed(doc.get("history")) if isinstance(h, dict)]
    first = next((i for i, h in enumerate(history) if h.get("role") == "assistant" and not h.get("is_demo")),
                 len(history))
    for h in history[:first]:
        run.hear(m.message(h.get("role") or "user", text(h.get("content"))), question=not h.get("is_demo"))
    actions = [h for h in history[first:] if h.get("role") == "assistant" and not h.get("is_demo")]
    steps = [s for s in doc["trajectory"] if isinstance(s, dict)]
    last_submit = None
    for i, step in enumerate(steps, 1):
        action = text(step.get("action")).strip()
        thought, response = text(step.get("thought")), text(step.get("response"))
        calls = _calls(actions[i - 1]) if i - 1 < len(actions) else []
        if not calls and action:
            calls = [m.tool_call(f"step-{i}", action.split()[0], {"command": action})]
        reply = m.message("assistant", response or thought, calls or None,
                          reasoning=thought if thought and thought.strip() != response.strip() else None)
        extra = {k: v for k, v in step.items()
                 if k not in ("action", "observation", "response", "thought", "query", "state", "execution_time")}
        run.say(reply, span_id=f"step-{i}", model=model, attributes=extra or None)
        observation = step.get("observation")
        if calls:
            for j, call in enumerate(calls):
                tool = run.result(call.get("id"), text(observation) if j == 0 else "", name=call["name"])
                if tool is not None:
                    state = loads_text(step.get("state"))
                    attrs = tool.setdefault("attributes", {})
                    attrs["action"] = action
                    if state not in (None, "", {}):
                        attrs["state"] = state
                    if step.get("execution_time") is not None:
                        attrs["execution_time_s"] = loads_text(step["execution_time"])
                    if call["name"] == "submit":
                        last_submit = tool["span_id"]
            run.incoming.append(m.message("tool", text(observation), tool_call_id=calls[0].get("id")))
        elif observation not in (None, ""):
            run.hear(m.message("user", text(observation)))
    info = doc.get("info") if isinstance(doc.get("info"), dict) else {}
    exit_status = text(info.get("exit_status")).strip()
    submission = info.get("submission")
    stats = info.get("model_stats") if isinstance(info.get("model_stats"), dict) else {}
    metadata: dict[str, Any] = {k: v for k, v in doc.items() if k not in _KNOWN}
    metadata.update({f"info.{k}": v for k, v in info.items() if k not in _INFO_KNOWN})
    metadata["model_stats"] = stats or None
    if doc.get("replay_config") is not None:
        metadata["replay_config"] = config or doc["replay_config"]
    metadata["agent.format"] = "swe-agent"
    if exit_status:
        metadata["agent.exit"] = exit_status
        limit = limit_of(exit_status)
        if limit:
            metadata["agent.limit"] = limit
    if isinstance(submission, str) and submission.strip():
        tools = [s for s in run.spans if s["kind"] == "tool"]
        metadata["agent.patch_step"] = last_submit or (tools[-1]["span_id"] if tools else None)
    if model:
        metadata["model"] = model
    cost = stats.get("instance_cost")
    usage = {k: stats[s] for k, s in (("input_tokens", "tokens_sent"), ("output_tokens", "tokens_received"))
             if isinstance(stats.get(s), int) and not isinstance(stats.get(s), bool)}
    status = "error" if "error" in exit_status.lower() else None
    yield from run.records(
        {"name": run.trace_id, "status": status, "output": submission if isinstance(submission, str) and
         submission.strip() else None, "metadata": {k: v for k, v in metadata.items() if v is not None}},
        line=line,
        root={"name": "swe-agent", "cost_usd": cost if isinstance(cost, int | float) else None,
              "usage": usage or None, "model": model},
    )


FORMAT = Format("swe-agent", "SWE-agent trajectory (.traj)", sniff=sniff, read=read)
