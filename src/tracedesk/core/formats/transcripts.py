"""Chat transcripts: the OpenAI chat-messages shape most teams log, and tau-bench results.

File shapes: JSON Lines of runs, one per line (read streaming); a JSON array of runs; an
object ``{"runs" | "results" | "data": [...]}``; or a single run, including a bare array
of messages. A run is ``{"messages": [...]}`` (``traj``, ``conversation`` and ``chat``
too) with any of: an id (``id``, ``trace_id``, ``run_id``, ``conversation_id``), a
``session_id``, ``user_id``, ``model``, ``name``, ``metadata`` and ``tags``, and a grade:
``reward``, ``score``, ``label``, ``success``, ``passed``, ``resolved``, ``outcome`` or
``correct``.

Messages are OpenAI chat messages (``role``, ``content`` as text or parts,
``tool_calls[{id, function{name, arguments}}]``, ``role: tool`` results with
``tool_call_id``); Anthropic content blocks and LangChain messages are read too
(:mod:`.chat_shapes`). Each run becomes a trace (:mod:`.agent_runs`): its question the
system prompt and the first user message, each assistant message an LLM step, each tool
call a tool step with its result. A grade becomes feedback marked pass or fail (a number
from 0 to 1: 1 passes and 0 fails; a word such as "pass" or "failed"; true or false).

tau-bench results (``[{task_id, trial, reward, info, traj}]``, as ``run.py`` writes them)
are this shape: the trace id is ``task-<task_id>-trial-<trial>``, its name
``task <task_id>``, the task's instruction and expected actions are kept in its metadata,
the reward is the grade, and the grading details (``info.reward_info``: whether the
database ended as expected, which outputs were missing) its comment. A run that crashed
(``info.error``) has status error. Tool call ids may repeat within a tau-bench run; results
are matched to calls in order.

Without an id, a run is named after its file: the file's name for a document holding one
run, else ``<file>-<n>`` (n counting the runs from 1), so importing the same file again
finds the same traces and the runs of different files in one folder stay apart.

mini-SWE-agent trajectories (``{"info": {"exit_status", "submission", "model_stats"},
"messages", "trajectory_format": "mini-swe-agent-1"}``) are this shape too: the bash block
of each answer is a tool call whose result is the next message (``<returncode>`` and
``<output>``; a non-zero return code a failure); the submission is the answer, the exit
status says how the run ended, the instance cost is the run's. Fields the shape does not name are
kept in the trace's metadata.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import partial
from typing import Any, BinaryIO

from . import benchmarks as bench
from .agent_runs import Run, file_stem, guarded, message_of, outcome_feedback, unit_scale, utc
from .base import Format, Item, Problem
from .jsonsafe import MAX_DEPTH, depth_ok, read_values
from .usage import provider_usage

MESSAGE_KEYS = ("messages", "traj", "conversation", "chat")
GRADE_KEYS = ("reward", "score", "label", "success", "passed", "resolved", "outcome", "correct")
ID_KEYS = ("trace_id", "id", "run_id", "conversation_id", "uuid")
_KNOWN = frozenset({*MESSAGE_KEYS, *GRADE_KEYS, *ID_KEYS, "session_id", "user_id", "model", "name",
                    "metadata", "tags", "task_id", "trial", "info", "reward_info"})
_RUN = re.compile(rb'"(messages|traj|conversation|chat)"\s*:\s*\[')
_ROLE = re.compile(rb'"role"\s*:\s*"')
_BARE = re.compile(rb'^\s*\[\s*\{\s*"role"\s*:')
_TAU = (re.compile(rb'"task_id"\s*:'), re.compile(rb'"reward"\s*:'), re.compile(rb'"info"\s*:\s*\{'))
_TAU2 = (re.compile(rb'"agent_info"\s*:'), re.compile(rb'"user_info"\s*:'),
         re.compile(rb'"(num_trials|max_steps)"\s*:'))
_TAU2_RUN = (re.compile(rb'"task_id"\s*:'), re.compile(rb'"termination_reason"\s*:'))


def sniff(head: bytes, name: str) -> bool:
    """Runs holding a list of chat messages, or a bare list of chat messages."""
    start = head.lstrip()[:1]
    if start not in (b"{", b"["):
        return False
    if _BARE.match(head) or (_RUN.search(head) and _ROLE.search(head)):
        return True
    # tau-bench: the task's info may come before the messages; tau2-bench: the run's settings
    # and tasks before the simulations, or one simulation.
    return any(all(p.search(head) for p in group) for group in (_TAU, _TAU2, _TAU2_RUN))


def read(stream: BinaryIO, name: str) -> Iterator[Item]:
    stem = _stem(name)
    waiting = None  # the first run, held until it is known whether the file holds others
    count = 0
    for item in _each_run(stream, name):
        if isinstance(item, Problem):
            yield item
            continue
        count += 1
        if count == 1:
            waiting = item
            continue
        if waiting is not None:
            yield from _records_of(*waiting, number=1, fallback=f"{stem}-1")
            waiting = None
        yield from _records_of(*item, number=count, fallback=f"{stem}-{count}")
    if waiting is not None:
        # A run without an id is named after its file: the file's name alone when it holds one
        # run (a folder of them, one per task), with the run's place when it holds several.
        yield from _records_of(*waiting, number=1, fallback=stem)


def _each_run(stream: BinaryIO, name: str) -> Iterator[Problem | tuple]:
    for line, value, reason in read_values(stream, name):
        if reason is not None:
            yield Problem(reason, line)
            continue
        tasks = _tau2_tasks(value)
        model = bench.results_model(value, name)
        for where, run in _runs(value):
            # Checked, not copied (a run is read as it came: orjson reads no integer it could
            # not store).
            if not depth_ok(run):
                yield Problem(f"nested more than {MAX_DEPTH} levels deep; skipped", line, where)
                continue
            yield run, line, where, tasks, model


def _records_of(run: Any, line: int | None, where: str | None, tasks: dict[str, Any], model: str | None, *,
                number: int, fallback: str) -> Iterator[Item]:
    return guarded(partial(run_records, run, number, line, where, tasks, fallback, model), f"run {number}",
                   line, where)


def _tau2_tasks(value: Any) -> dict[str, Any]:
    """tau2-bench results hold their tasks beside the simulations: each task by its id."""
    if not isinstance(value, dict) or not isinstance(value.get("tasks"), list):
        return {}
    return {str(t["id"]): t for t in value["tasks"] if isinstance(t, dict) and "id" in t}


def _runs(value: Any) -> Iterator[tuple[str | None, Any]]:
    if isinstance(value, list):
        if value and all(isinstance(v, dict) and "role" in v for v in value):
            yield None, {"messages": value}
            return
        for i, item in enumerate(value):
            yield f"[{i}]", item
        return
    if isinstance(value, dict) and not any(k in value for k in MESSAGE_KEYS):
        for key in ("simulations", "runs", "results", "data"):
            if isinstance(value.get(key), list):
                for i, item in enumerate(value[key]):
                    yield f"{key}[{i}]", item
                return
    yield None, value


def run_records(run: Any, number: int, line: int | None, where: str | None,
                tasks: dict[str, Any] | None = None, file_stem: str | None = None,
                results_model: str | None = None) -> Iterator[Item]:
    """The records of one run, or a problem saying why it is not one."""
    if not isinstance(run, dict):
        yield Problem("not a chat transcript (a JSON object with 'messages')", line, where)
        return
    key = next((k for k in MESSAGE_KEYS if isinstance(run.get(k), list)), None)
    if key is None:
        yield Problem("not a chat transcript: it has no list of 'messages'", line, where)
        return
    tau = "task_id" in run and ("trial" in run or "reward_info" in run)
    trace_id = _trace_id(run, number, tau, file_stem)
    built = Run(trace_id)
    mini = str(run.get("trajectory_format", "")).startswith("mini-swe-agent")
    model = run.get("model") if isinstance(run.get("model"), str) else results_model
    react: str | None = None  # the id given to a ReAct agent's last written action
    for item in run[key]:
        failed = isinstance(item, dict) and item.get("role") == "tool" and item.get("error") is True
        if isinstance(item, dict) and item.get("role") == "tool" and "tool_call_id" not in item and "id" in item:
            item = {**item, "tool_call_id": item["id"]}  # tau2-bench names the call it answers "id"
        for msg in message_of(item):
            if tau:
                react = bench.react_action(msg, react, built)
            elif mini:
                react = bench.mini_action(msg, react, built)
            if msg.get("role") == "assistant":
                cost = item.get("cost") if isinstance(item, dict) else None
                usage = item.get("usage") if isinstance(item, dict) and isinstance(item.get("usage"), dict) else None
                built.say(msg, model=model, cost=cost if isinstance(cost, int | float) and cost else None,
                          usage=provider_usage(usage))
            else:
                if failed and msg.get("role") == "tool":
                    msg["error"] = True
                built.hear(msg)
    info = run.get("info") if isinstance(run.get("info"), dict) else {}
    metadata = dict(run["metadata"]) if isinstance(run.get("metadata"), dict) else {}
    metadata.update({k: v for k, v in run.items() if k not in _KNOWN})
    metadata["agent.format"] = "tau-bench" if tau else "mini-swe-agent" if mini else "transcripts"
    feedback = []
    for grade in GRADE_KEYS:
        if grade in run:
            fb = _grade(grade, run[grade], info if tau else {})
            if fb is not None:
                feedback.append(fb)
    reward_info = run.get("reward_info")
    if isinstance(reward_info, dict) and "reward" not in run:  # tau2-bench
        fb = _grade("reward", reward_info.get("reward"), {"reward_info": reward_info})
        if fb is not None:
            feedback.append(fb)
    trace: dict[str, Any] = {
        "session_id": _str(run.get("session_id")),
        "user_id": _str(run.get("user_id")),
        "name": _str(run.get("name")),
        "tags": run.get("tags") if isinstance(run.get("tags"), list) else None,
    }
    if model:
        metadata["model"] = model
    root: dict[str, Any] = {}
    if tau:
        trace["name"] = trace["name"] or f"task {run['task_id']}"
        task = info.get("task") if isinstance(info.get("task"), dict) else (tasks or {}).get(str(run["task_id"]), {})
        metadata.update({"task_id": run["task_id"], "trial": run.get("trial")})
        metadata.update({f"task.{k}": v for k, v in task.items()})
        metadata.update({f"info.{k}": v for k, v in info.items() if k != "task"})
        if info.get("error"):
            trace["status"] = "error"
        bench.termination(run, metadata, trace)
        cost = run.get("agent_cost")
        if isinstance(cost, int | float) and not any(sp.get("cost_usd") for sp in built.spans):
            root["cost_usd"] = cost
        for field in ("start_time", "end_time"):
            trace[field] = utc(run.get(field))
        if isinstance(run.get("reward_info"), dict):
            metadata["reward_info"] = run["reward_info"]
    elif mini:
        bench.mini_ending(info, metadata, trace, root, built)
    elif info:
        metadata["info"] = info
    trace["metadata"] = metadata
    yield from built.records(trace, feedback, line=line, where=where, root=root)


def _str(value: Any) -> str | None:
    return None if value in (None, "") or isinstance(value, dict | list) else str(value)


def _stem(name: str) -> str:
    return file_stem(name, (".gz", ".zst", ".json", ".jsonl", ".traj"))


def _trace_id(run: dict[str, Any], number: int, tau: bool, file_stem: str | None = None) -> str:
    if tau and run.get("trial") is not None:
        return f"task-{run['task_id']}-trial-{run['trial']}"
    for key in ID_KEYS:
        value = _str(run.get(key))
        if value:
            return value
    return file_stem or f"run-{number}"


def _grade(kind: str, value: Any, info: dict[str, Any]) -> dict[str, Any] | None:
    """Feedback for a grade; numbers from 0 to 1 on that scale, other numbers as they are."""
    if isinstance(value, dict):  # {"value": ..., "reason": ...} / {"score": ..., "comment": ...}
        inner = next((value[k] for k in ("value", "score", "label") if k in value), None)
        reason = next((value[k] for k in ("reason", "comment", "explanation") if isinstance(value.get(k), str)), None)
        fb = _grade(kind, inner, info)
        if fb is not None and reason:
            fb["comment"] = reason
        return fb
    scale = unit_scale(value)
    if isinstance(value, int | float) and not isinstance(value, bool) and scale is None:
        fb = {"kind": kind, "value": value, "source": "automated"}
        return fb
    fb = outcome_feedback(kind, value, scale=scale, comment=bench.tau_reason(info) if info else None)
    if fb is not None and fb.get("outcome") == "pass":
        fb.pop("comment", None)
    return fb


FORMAT = Format("transcripts", "Chat transcripts (OpenAI messages, tau-bench)", sniff=sniff, read=read)
