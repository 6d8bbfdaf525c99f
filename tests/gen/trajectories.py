"""Agent trajectories in the shapes their projects write them, for tests:

- SWE-agent ``.traj`` (``sweagent.types``: ``TrajectoryStep``, ``HistoryItem``,
  ``AgentInfo``), the older thought/action form and the 1.x form with function calls;
- a SWE-bench harness ``report.json`` for one instance;
- an OpenHands event stream and evaluation output line (``openhands/events``,
  ``evaluation/utils/shared.py``: ``EvalOutput``);
- Harbor ATIF trajectories (``harbor.models.trajectories``), split in parts joined by
  ``continued_trajectory_ref``.
"""

from __future__ import annotations

import json
from typing import Any

ISSUE = ("TimeDelta serialization precision: TimeDelta(precision='milliseconds') serializes 345 ms "
         "as 344. Please fix the rounding.")
SYSTEM = "SETTING: You are an autonomous programmer, and you're working directly in the command line."


def swe_step(action: str, observation: str, thought: str, *, state: dict | None = None) -> dict[str, Any]:
    return {"action": action, "observation": observation, "response": f"{thought}\n\n```\n{action}\n```",
            "thought": thought, "execution_time": 0.5,
            "state": state or {"open_file": "n/a", "working_dir": "/testbed"},
            "query": [], "extra_info": {}}


def swe_traj(steps: list[tuple[str, str, str]], *, exit_status: str = "submitted", submission: str | None = None,
             function_calling: bool = False, cost: float = 1.25, instance: str = "astropy__astropy-12907",
             demo: bool = False) -> dict[str, Any]:
    """A trajectory of ``(action, observation, thought)`` steps; with ``function_calling``,
    the 1.x history with ``tool_calls`` (a ``bash`` function, or ``submit``)."""
    history: list[dict[str, Any]] = [{"role": "system", "content": SYSTEM, "agent": "main",
                                      "message_type": "system_prompt"}]
    if demo:
        history += [{"role": "user", "content": "Here is a demonstration of solving an issue.", "agent": "main",
                     "is_demo": True, "message_type": "demonstration"},
                    {"role": "assistant", "content": "ls", "agent": "main", "is_demo": True,
                     "message_type": "demonstration"}]
    history.append({"role": "user", "content": f"We're currently solving the following issue:\nISSUE:\n{ISSUE}",
                    "agent": "main", "message_type": "observation"})
    trajectory = []
    for i, (action, observation, thought) in enumerate(steps):
        trajectory.append(swe_step(action, observation, thought))
        item: dict[str, Any] = {"role": "assistant", "content": thought, "thought": thought, "action": action,
                                "agent": "main", "message_type": "action"}
        if function_calling:
            name = "submit" if action == "submit" else "bash"
            args = {} if name == "submit" else {"command": action}
            item["tool_calls"] = [{"id": f"call_{i}", "type": "function",
                                   "function": {"name": name, "arguments": json.dumps(args)}}]
        history.append(item)
        ids = {"tool_call_ids": [f"call_{i}"]} if function_calling else {}
        history.append({"role": "tool" if function_calling else "user", "content": observation, "agent": "main",
                        "message_type": "observation", **ids})
    info: dict[str, Any] = {"exit_status": exit_status, "submission": submission,
                            "model_stats": {"instance_cost": cost, "tokens_sent": 120_000, "tokens_received": 3_000,
                                            "api_calls": len(steps)},
                            "swe_agent_version": "1.0.1" if function_calling else "0.7.0"}
    doc: dict[str, Any] = {"environment": "swe_main", "trajectory": trajectory, "history": history, "info": info}
    if function_calling:
        doc["replay_config"] = json.dumps({"agent": {"model": {"name": "claude-3-5-sonnet-20241022",
                                                                "per_instance_cost_limit": 2.0}},
                                           "problem_statement": {"id": instance, "type": "text"}})
    return doc


PATCH = ("diff --git a/astropy/modeling/separable.py b/astropy/modeling/separable.py\n"
         "--- a/astropy/modeling/separable.py\n+++ b/astropy/modeling/separable.py\n@@ -242 +242 @@\n"
         "-        cright[-right.shape[0]:, -right.shape[1]:] = 1\n"
         "+        cright[-right.shape[0]:, -right.shape[1]:] = right\n")


def swe_bench_report(instance: str, resolved: bool) -> dict[str, Any]:
    return {instance: {
        "patch_is_None": False, "patch_exists": True, "patch_successfully_applied": True, "resolved": resolved,
        "tests_status": {
            "FAIL_TO_PASS": {"success": [] if not resolved else ["test_separable[compound_model6]"],
                             "failure": ["test_separable[compound_model6]"] if not resolved else []},
            "PASS_TO_PASS": {"success": ["test_coord_matrix"], "failure": []}}}}


def _response(rid: str, text: str, calls: list[tuple[str, str, dict]], model: str = "claude-sonnet-4") -> dict:
    return {"id": rid, "created": 1738046713, "model": model, "object": "chat.completion",
            "choices": [{"finish_reason": "tool_calls", "index": 0, "message": {
                "content": text, "role": "assistant",
                "tool_calls": [{"index": i, "function": {"arguments": json.dumps(args), "name": name}, "id": cid,
                                "type": "function"} for i, (cid, name, args) in enumerate(calls)]}}],
            "usage": {"completion_tokens": 120, "prompt_tokens": 3400, "total_tokens": 3520}}


def openhands_events(task: str, commands: list[tuple[str, str, int]], *, finish: str | None = "Done.",
                     error: str | None = None) -> list[dict[str, Any]]:
    """An event stream: the user's task, then per ``(command, output, exit code)`` a model
    response calling ``execute_bash`` and its ``run`` observation; then ``finish``, or an
    error observation and the agent's state changing to error."""
    events: list[dict[str, Any]] = [
        {"id": 0, "timestamp": "2025-03-01T10:00:00.000000", "source": "agent", "message": "You are OpenHands agent.",
         "action": "system", "args": {"content": "You are OpenHands agent, a helpful AI assistant.", "tools": []}},
        {"id": 1, "timestamp": "2025-03-01T10:00:01.000000", "source": "user", "message": task, "action": "message",
         "args": {"content": task, "image_urls": None, "wait_for_response": False}}]
    t = 2
    for i, (command, output, code) in enumerate(commands):
        cid = f"toolu_{i:02d}"
        meta = {"function_name": "execute_bash", "tool_call_id": cid, "total_calls_in_response": 1,
                "model_response": _response(f"chatcmpl-{i}", f"Step {i}: run {command}.",
                                            [(cid, "execute_bash", {"command": command})])}
        events.append({"id": t, "timestamp": f"2025-03-01T10:00:{t:02d}.000000", "source": "agent",
                       "message": f"Running command: {command}", "action": "run", "tool_call_metadata": meta,
                       "args": {"command": command, "is_input": False, "thought": f"Step {i}: run {command}.",
                                "blocking": False, "hidden": False, "confirmation_state": "confirmed"}})
        events.append({"id": t + 1, "timestamp": f"2025-03-01T10:00:{t + 1:02d}.500000", "source": "agent",
                       "message": f"Command `{command}` executed with exit code {code}.", "cause": t,
                       "observation": "run", "tool_call_metadata": meta,
                       "content": f"{output}\n[The command completed with exit code {code}.]",
                       "extras": {"command": command, "metadata": {"exit_code": code, "pid": -1,
                                                                   "working_dir": "/workspace"}, "hidden": False},
                       "success": code == 0})
        t += 2
    if finish is not None:
        cid = "toolu_finish"
        meta = {"function_name": "finish", "tool_call_id": cid, "total_calls_in_response": 1,
                "model_response": _response("chatcmpl-finish", finish, [(cid, "finish", {"message": finish})])}
        events.append({"id": t, "timestamp": f"2025-03-01T10:00:{t:02d}.000000", "source": "agent",
                       "message": finish, "action": "finish", "tool_call_metadata": meta,
                       "args": {"final_thought": finish, "task_completed": "true", "outputs": {}, "thought": ""}})
    if error is not None:
        events.append({"id": t + 1, "timestamp": f"2025-03-01T10:00:{t + 1:02d}.000000", "source": "user",
                       "message": error, "observation": "error", "content": error, "extras": {"error_id": ""}})
        events.append({"id": t + 2, "timestamp": f"2025-03-01T10:00:{t + 2:02d}.000000", "source": "environment",
                       "message": "", "observation": "agent_state_changed", "content": "",
                       "extras": {"agent_state": "error", "reason": error}})
    return events


def openhands_output(instance: str, events: list[dict[str, Any]], *, resolved: bool | None, patch: str = "",
                     error: str | None = None, cost: float = 0.42) -> dict[str, Any]:
    """A line of ``output.jsonl`` after SWE-bench evaluation (``test_result.report``)."""
    test_result: dict[str, Any] = {"git_patch": patch}
    if resolved is not None:
        test_result["report"] = {"empty_generation": not patch, "resolved": resolved, "failed_apply_patch": False,
                                 "error_eval": False, "test_timeout": False}
    return {"instance_id": instance, "test_result": test_result,
            "instruction": f"<uploaded_files>/workspace/{instance}</uploaded_files> Fix the issue.",
            "metadata": {"agent_class": "CodeActAgent", "max_iterations": 30,
                         "llm_config": {"model": "anthropic/claude-sonnet-4"}},
            "history": events, "metrics": {"accumulated_cost": cost, "accumulated_token_usage": {
                "model": "claude-sonnet-4", "prompt_tokens": 52000, "completion_tokens": 2100}},
            "error": error, "instance": {"repo": instance.split("__")[0]}}


def atif_step(step_id: int, source: str, message: str, *, second: int, calls: list[tuple[str, str, dict]] = (),
              results: list[tuple[str | None, str]] = (), cost: float | None = None, **extra: Any) -> dict[str, Any]:
    step: dict[str, Any] = {"step_id": step_id, "timestamp": f"2025-11-02T09:{second // 60:02d}:{second % 60:02d}Z",
                            "source": source, "message": message, **extra}
    if calls:
        step["tool_calls"] = [{"tool_call_id": cid, "function_name": name, "arguments": args}
                              for cid, name, args in calls]
    if results:
        step["observation"] = {"results": [{"source_call_id": cid, "content": content} for cid, content in results]}
    if source == "agent" and cost is not None:
        step["metrics"] = {"prompt_tokens": 1000 + step_id, "completion_tokens": 50, "cached_tokens": 0,
                           "cost_usd": cost}
    return step


def atif_chain(session: str, task: str, commands: list[tuple[str, str]], *, split: int, answer: str,
               reward: float | None = None, agent: str = "claude-code") -> tuple[dict[str, Any], dict[str, Any]]:
    """A run written in two files: ``trajectory.json`` (``continued_trajectory_ref``) and
    ``trajectory.cont-1.json``, the commands ``(command, output)`` split at ``split``; the
    continuation ends with the answer and carries the reward in ``extra``."""
    def steps(part: list[tuple[str, str]], first: int, second: int) -> list[dict[str, Any]]:
        out = []
        for i, (command, output) in enumerate(part):
            cid = f"call_{session}_{first + i}"
            out.append(atif_step(first + i, "agent", f"Running {command}", second=second + i,
                                 calls=[(cid, "Bash", {"command": command})], results=[(cid, output)], cost=0.01))
        return out

    head = [atif_step(1, "system", "You are Claude Code, a coding agent.", second=0),
            atif_step(2, "user", task, second=1)]
    first_part = head + steps(commands[:split], 3, 2)
    second_head = [atif_step(1, "user", f"Continue the task: {task}\nSummary: ran {split} commands.", second=30)]
    second_part = second_head + steps(commands[split:], 2, 31)
    second_part.append(atif_step(len(second_part) + 1, "agent", answer, second=59, cost=0.005))
    base = {"schema_version": "ATIF-v1.6", "session_id": session,
            "agent": {"name": agent, "version": "2.0.14", "model_name": "claude-sonnet-4-5"}}
    part0 = {**base, "steps": first_part, "continued_trajectory_ref": "trajectory.cont-1.json",
             "final_metrics": {"total_prompt_tokens": 5000, "total_completion_tokens": 200, "total_cost_usd": 0.05}}
    part1 = {**base, "agent": {**base["agent"], "extra": {"continuation_index": 1}}, "steps": second_part,
             "final_metrics": {"total_prompt_tokens": 3000, "total_completion_tokens": 100, "total_cost_usd": 0.02}}
    if reward is not None:
        part1["extra"] = {"reward": reward}
    return part0, part1


def openhands_sdk_events(task: str, commands: list[tuple[str, str, int]], *,
                         finish: str | None = "Done.") -> list[dict[str, Any]]:
    """Events of the OpenHands software-agent SDK (``openhands.sdk.event``), as a
    conversation persists them: each names its class in ``kind``; an ``ActionEvent`` carries
    the model's ``thought``, the ``tool_call`` and the ``llm_response_id``; an
    ``ObservationEvent`` the result of ``tool_call_id``."""
    def stamp(n: int) -> str:
        return f"2025-10-01T12:00:{n:02d}.000000"

    events: list[dict[str, Any]] = [
        {"kind": "SystemPromptEvent", "id": "e0", "timestamp": stamp(0), "source": "agent",
         "system_prompt": {"type": "text", "text": "You are OpenHands agent, a helpful AI assistant."},
         "tools": [{"type": "function", "function": {"name": "execute_bash"}}]},
        {"kind": "MessageEvent", "id": "e1", "timestamp": stamp(1), "source": "user",
         "llm_message": {"role": "user", "content": [{"type": "text", "text": task}]}, "activated_skills": []}]
    n = 2
    for i, (command, output, code) in enumerate(commands):
        cid = f"toolu_sdk_{i}"
        events.append({"kind": "ActionEvent", "id": f"e{n}", "timestamp": stamp(n), "source": "agent",
                       "thought": [{"type": "text", "text": f"I will run {command}."}], "reasoning_content": None,
                       "action": {"kind": "ExecuteBashAction", "command": command, "is_input": False},
                       "tool_name": "execute_bash", "tool_call_id": cid,
                       "tool_call": {"id": cid, "name": "execute_bash",
                                     "arguments": json.dumps({"command": command}), "origin": "completion"},
                       "llm_response_id": f"resp-{i}", "security_risk": "LOW"})
        events.append({"kind": "ObservationEvent", "id": f"e{n + 1}", "timestamp": stamp(n + 1),
                       "source": "environment", "tool_name": "execute_bash", "tool_call_id": cid,
                       "observation": {"kind": "ExecuteBashObservation",
                                       "content": [{"type": "text", "text": output}], "command": command,
                                       "exit_code": code, "is_error": False},
                       "action_id": f"e{n}"})
        n += 2
    if finish is not None:
        events.append({"kind": "ActionEvent", "id": f"e{n}", "timestamp": stamp(n), "source": "agent",
                       "thought": [], "action": {"kind": "FinishAction", "message": finish},
                       "tool_name": "finish", "tool_call_id": "toolu_finish",
                       "tool_call": {"id": "toolu_finish", "name": "finish",
                                     "arguments": json.dumps({"message": finish}), "origin": "completion"},
                       "llm_response_id": "resp-finish"})
        events.append({"kind": "ObservationEvent", "id": f"e{n + 1}", "timestamp": stamp(n + 1),
                       "source": "environment", "tool_name": "finish", "tool_call_id": "toolu_finish",
                       "observation": {"kind": "FinishObservation", "content": [{"type": "text", "text": finish}]},
                       "action_id": f"e{n}"})
    return events


def mini_swe_traj(task: str, commands: list[tuple[str, str, int]], *, exit_status: str = "Submitted",
                  submission: str = "", cost: float = 0.31) -> dict[str, Any]:
    """A mini-SWE-agent trajectory (``minisweagent.run.utils.save.save_traj``): the
    conversation with one bash block per answer and its ``<returncode>``/``<output>``."""
    messages: list[dict[str, Any]] = [
        {"role": "system", "content": "You are a helpful assistant that can interact multiple times with a computer "
                                      "shell to solve programming tasks."},
        {"role": "user", "content": f"<pr_description>\n{task}\n</pr_description>"}]
    for command, output, code in commands:
        messages.append({"role": "assistant", "content": f"THOUGHT: I run {command.split()[0]}.\n\n```bash\n"
                                                         f"{command}\n```"})
        messages.append({"role": "user", "content": f"<returncode>{code}</returncode>\n<output>\n{output}\n</output>"})
    if exit_status == "Submitted":
        messages.append({"role": "assistant", "content": "THOUGHT: Done.\n\n```bash\necho "
                                                         "COMPLETE_TASK_AND_SUBMIT_FINAL_OUTPUT && git add -A && "
                                                         "git diff --cached\n```"})
    return {"info": {"exit_status": exit_status, "submission": submission,
                     "model_stats": {"instance_cost": cost, "api_calls": len(commands) + 1},
                     "mini_version": "1.9.0", "config": {"agent": {"step_limit": 250, "cost_limit": 3.0}}},
            "messages": messages, "trajectory_format": "mini-swe-agent-1"}
