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
