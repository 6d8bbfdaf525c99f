"""Harbor's Agent Trajectory Interchange Format (ATIF, ``schema_version`` "ATIF-v1.x").

Shape (``harbor.models.trajectories``): ``{"schema_version", "session_id", "trajectory_id",
"agent": {"name", "version", "model_name", "tool_definitions", "extra"}, "steps":
[{"step_id", "timestamp", "source": "system" | "user" | "agent", "model_name", "message"
(text or content parts), "reasoning_content", "tool_calls": [{"tool_call_id",
"function_name", "arguments"}], "observation": {"results": [{"source_call_id", "content",
"subagent_trajectory_ref"}]}, "metrics": {"prompt_tokens", "completion_tokens",
"cached_tokens", "cost_usd"}, "is_copied_context", "extra"}], "notes", "final_metrics":
{"total_prompt_tokens", "total_completion_tokens", "total_cached_tokens",
"total_cost_usd", "total_steps"}, "continued_trajectory_ref", "extra"}``.

Mapping (:mod:`.agent_runs`): the run is a trace whose id is the ``session_id`` (else the
``trajectory_id``, else the file's name); its question the system and first user steps.
Each agent step is an LLM step (its message, reasoning, model, tokens and cost) calling
its tools; each observation result is the result of the call it names (``source_call_id``)
or, for agents that write their actions in the message (OpenHands without function calling
``<function=...>``, terminus' JSON ``commands``), of the action read from the message.
A run too long for one file continues in others: a file with ``continued_trajectory_ref``
is part 0 of a chain, and a continuation (``agent.extra.continuation_index``, or a name
ending ``.cont-N.json``) adds its steps to the same trace under a step ``part-N``, so the
parts import in any order, together or apart. The final metrics are kept in the metadata;
their total cost is the run's only when no step has its own (it would count twice). A
grade in the trajectory's ``extra`` (``reward``, ``score``, ``success``, ``resolved``) is
its outcome.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import partial
from pathlib import PurePath
from typing import Any, BinaryIO

from . import messages as m
from .agent_runs import ROOT, Run, guarded, message_of, outcome_feedback, text, unit_scale
from .base import Format, Item, Problem, Record
from .jsonsafe import MAX_DEPTH, TooDeep, clean, listed, loads_text, read_values
from .usage import read_usage

_SCHEMA = re.compile(rb'"schema_version"\s*:\s*"ATIF-v')
_STEPS = re.compile(rb'"steps"\s*:\s*\[')
_CONT_NAME = re.compile(r"\.cont-(\d+)\.json$", re.IGNORECASE)
_CONT_ID = re.compile(r"[-_.]cont(?:inuation)?-?\d+$", re.IGNORECASE)
_FUNCTION = re.compile(r"<function=([\w.-]+)>(.*?)(?:</function>|$)", re.DOTALL)
_PARAMETER = re.compile(r"<parameter=([\w.-]+)>\n?(.*?)\n?</parameter>", re.DOTALL)
GRADES = ("reward", "score", "success", "resolved", "passed")
# A step's metrics and the run's final metrics, by native usage key: ``cached_tokens`` are
# the prompt tokens the provider's cache served.
_STEP_TOKENS = {"input_tokens": ("prompt_tokens",), "output_tokens": ("completion_tokens",),
                "cache_read_tokens": ("cached_tokens",)}
_RUN_TOKENS = {"input_tokens": ("total_prompt_tokens",), "output_tokens": ("total_completion_tokens",),
               "cache_read_tokens": ("total_cached_tokens",)}
FINISH = frozenset({"finish", "submit", "attempt_completion", "final_answer", "task_complete"})


def sniff(head: bytes, name: str) -> bool:
    return head.lstrip()[:1] in (b"{", b"[") and bool(_SCHEMA.search(head))


def read(stream: BinaryIO, name: str) -> Iterator[Item]:
    for line, value, reason in read_values(stream, name):
        if reason is not None:
            yield Problem(reason, line)
            continue
        for i, doc in enumerate(value if isinstance(value, list) else [value]):
            where = f"[{i}]" if isinstance(value, list) else None
            if not isinstance(doc, dict) or not isinstance(doc.get("steps"), list):
                yield Problem("not an ATIF trajectory (an object with 'schema_version' and 'steps')", line, where)
                continue
            try:
                doc = clean(doc)
            except TooDeep:
                yield Problem(f"nested more than {MAX_DEPTH} levels deep; skipped", line, where)
                continue
            yield from guarded(partial(trajectory_records, doc, name, line, where), "the trajectory", line, where)


def _part(doc: dict[str, Any], name: str) -> int:
    agent = doc.get("agent") if isinstance(doc.get("agent"), dict) else {}
    extra = agent.get("extra") if isinstance(agent.get("extra"), dict) else {}
    index = extra.get("continuation_index")
    if isinstance(index, int) and not isinstance(index, bool) and index >= 0:
        return index
    found = _CONT_NAME.search(name)
    return int(found.group(1)) if found else 0


def trace_id_of(doc: dict[str, Any], name: str) -> str:
    for key in ("session_id", "trajectory_id"):
        value = doc.get(key)
        if isinstance(value, str | int) and not isinstance(value, bool) and str(value):
            return _CONT_ID.sub("", str(value)) or str(value)
    stem = _CONT_NAME.sub(".json", PurePath(name.split("!")[-1]).name)
    return stem.removesuffix(".json").removesuffix(".trajectory") or "trajectory"


def _actions(message: str) -> list[dict[str, Any]]:
    """Tool calls an agent wrote in its message rather than as function calls."""
    calls = []
    for i, found in enumerate(_FUNCTION.finditer(message)):
        params = {k: v for k, v in _PARAMETER.findall(found.group(2))}
        calls.append(m.tool_call(f"text-{i}", found.group(1), params))
    if calls:
        return calls
    parsed = loads_text(message) if message.lstrip()[:1] == "{" else None
    if isinstance(parsed, dict) and isinstance(parsed.get("commands"), list) and parsed["commands"]:
        return [m.tool_call("text-0", "terminal", {"commands": parsed["commands"]})]
    return []


def trajectory_records(doc: dict[str, Any], name: str, line: int | None, where: str | None) -> Iterator[Item]:
    part = _part(doc, name)
    trace_id = trace_id_of(doc, name)
    prefix = f"p{part}-" if part else ""
    run = Run(trace_id, prefix=prefix)
    parent = f"part-{part}" if part else ROOT
    agent = doc.get("agent") if isinstance(doc.get("agent"), dict) else {}
    default_model = agent.get("model_name") if isinstance(agent.get("model_name"), str) else None
    costed = False
    for step in doc["steps"]:
        if not isinstance(step, dict):
            continue
        sid = step.get("step_id")
        source = step.get("source")
        when = step.get("timestamp")
        content = step.get("message")
        msgs = message_of({"role": "assistant" if source == "agent" else source or "user", "content": content})
        msg = msgs[0] if msgs else m.message("user", text(content))
        copied = bool(step.get("is_copied_context"))
        if source != "agent":
            run.hear(m.message("system" if source == "system" else "user", msg.get("content")),
                     question=not copied)
            _results(run, step, when)
            continue
        calls = [m.tool_call(c.get("tool_call_id"), c.get("function_name"), c.get("arguments"))
                 for c in step.get("tool_calls") or () if isinstance(c, dict)]
        if not calls and isinstance(msg.get("content"), str):
            calls = [{**c, "id": f"{prefix}{sid}-{c['id']}"} for c in _actions(msg["content"])]
        if step.get("reasoning_content"):
            msg["reasoning"] = step["reasoning_content"]
        if calls:
            msg["tool_calls"] = calls
        metrics = step.get("metrics") if isinstance(step.get("metrics"), dict) else {}
        usage = read_usage(metrics, _STEP_TOKENS)
        cost = metrics.get("cost_usd") if isinstance(metrics.get("cost_usd"), int | float) else None
        costed = costed or bool(cost)
        extra = {k: step[k] for k in ("step_id", "is_copied_context", "extra", "llm_call_count",
                                      "reasoning_effort") if step.get(k) not in (None, False)}
        model = step.get("model_name") if isinstance(step.get("model_name"), str) else default_model
        run.say(msg, span_id=f"{prefix}step-{sid}", model=model, usage=usage or None, cost=cost,
                start=when, end=when, attributes=extra or None)
        for call in calls:  # a tool that ends the run carries its answer
            args = call.get("arguments")
            if call.get("name") in FINISH and isinstance(args, dict):
                said = next((args[k] for k in ("message", "result", "answer", "final_thought") if args.get(k)), None)
                run.answer = text(said) if said is not None else run.answer
        _results(run, step, when)
    for span in run.spans:  # the steps of a continuation hang under its part
        if parent != ROOT and span["parent_id"] == ROOT:
            span["parent_id"] = parent
    yield from _records(doc, run, part, parent, costed, default_model, line, where)


def _results(run: Run, step: dict[str, Any], when: Any) -> None:
    observation = step.get("observation")
    results = observation.get("results") if isinstance(observation, dict) else None
    for result in listed(results):
        if not isinstance(result, dict):
            continue
        content = result.get("content")
        value = content if isinstance(content, str) else text(content)
        span = run.result(result.get("source_call_id"), value, name="observation", end=when)
        if span is not None and result.get("subagent_trajectory_ref"):
            span.setdefault("attributes", {})["subagent_trajectory_ref"] = result["subagent_trajectory_ref"]
        run.incoming.append(m.message("tool", value, tool_call_id=result.get("source_call_id")))


def _records(doc: dict[str, Any], run: Run, part: int, parent: str, costed: bool, model: str | None,
             line: int | None, where: str | None) -> Iterator[Item]:
    agent = doc.get("agent") if isinstance(doc.get("agent"), dict) else {}
    final = doc.get("final_metrics") if isinstance(doc.get("final_metrics"), dict) else {}
    total_cost = final.get("total_cost_usd") if isinstance(final.get("total_cost_usd"), int | float) else None
    metadata: dict[str, Any] = {k: v for k, v in doc.items() if k not in ("steps", "session_id")}
    metadata["agent.format"] = "atif"
    if doc.get("continued_trajectory_ref"):
        metadata["agent.continued"] = doc["continued_trajectory_ref"]
    if model:
        metadata["model"] = model
    extra = doc.get("extra") if isinstance(doc.get("extra"), dict) else {}
    feedback = [fb for key in GRADES if key in extra
                for fb in [outcome_feedback(key, extra[key], author=str(agent.get("name") or "harbor"),
                                            scale=unit_scale(extra[key]))]
                if fb is not None]
    times = [s.get("start_time") for s in run.spans if s.get("start_time")]
    usage = read_usage(final, _RUN_TOKENS)
    cost = None if costed else total_cost
    answer = None if doc.get("continued_trajectory_ref") else run.answer
    # Runs of different agents are apart even when their session ids agree.
    yield Record({"type": "bundle", "source": f"atif:{agent.get('name') or 'agent'}"}, line, where)
    if part == 0:
        yield from run.records(
            {"name": str(agent.get("name") or "atif"), "output": answer, "metadata": metadata,
             "start_time": times[0] if times else None, "end_time": times[-1] if times else None},
            feedback, line=line, where=where,
            root={"cost_usd": cost, "usage": usage or None, "model": model})
        return
    # A continuation: its steps, under a step of its own, in the trace of its first part.
    yield Record({"type": "span", "trace_id": run.trace_id, "span_id": parent, "parent_id": ROOT, "kind": "agent",
                  "name": f"{agent.get('name') or 'atif'} (continued, part {part})",
                  "input": m.conversation(run.question) if run.question else None, "output": answer,
                  "model": model, "cost_usd": cost, "usage": usage or None,
                  "start_time": times[0] if times else None, "end_time": times[-1] if times else None,
                  "attributes": {"atif": metadata}}, line, where)
    for span in run.spans:
        yield Record(span, line, where)
    for fb in feedback:
        yield Record({"type": "feedback", "trace_id": run.trace_id, **fb}, line, where)


FORMAT = Format("atif", "Harbor ATIF trajectory", sniff=sniff, read=read)
