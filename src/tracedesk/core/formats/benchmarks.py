"""The benchmark dialects of chat transcripts: how tau-bench, tau2-bench and mini-SWE-agent
say what their agents did and how their runs were graded, beyond the chat messages
:mod:`.transcripts` reads for every transcript.

- tau-bench's ReAct and Act agents write their action in the message (``Action:`` and a JSON
  ``{"name", "arguments"}``) and get its result as the user's next message (``API output:``);
- tau-bench grades a run with ``info.reward_info`` (whether the database ended as the
  expected actions leave it, which outputs were missing), tau2-bench with its checks
  (``db_check``, ``action_checks``, ``communicate_checks``, ``nl_assertions``) and says how a
  run stopped in ``termination_reason``;
- mini-SWE-agent (``trajectory_format`` "mini-swe-agent-1") writes one bash block per answer
  and gets its result as the next message (``<returncode>``, ``<output>``); its ``info`` says
  how the run ended.
"""

from __future__ import annotations

import re
from typing import Any

from . import messages as m
from .agent_runs import Run, outcome_of
from .jsonsafe import listed, loads_text

# mini-SWE-agent (``trajectory_format`` "mini-swe-agent-1"): the agent writes one bash block
# per answer, and gets its result as the next user message (``<returncode>``, ``<output>``).
_BASH_BLOCK = re.compile(r"```(?:bash|sh)?[ \t]*\n(.*?)\n?```", re.DOTALL)
_RETURNCODE = re.compile(r"^\s*<returncode>\s*(-?\d+)\s*</returncode>")


def mini_action(msg: dict[str, Any], pending: str | None, built: Run) -> str | None:
    """A mini-SWE-agent answer's bash block as a tool call, and the next message as its
    result (a non-zero return code a failure). The id of the call waiting for its result."""
    content = msg.get("content")
    if not isinstance(content, str):
        return pending
    if msg.get("role") == "assistant" and not msg.get("tool_calls"):
        blocks = _BASH_BLOCK.findall(content)
        if blocks:
            call_id = built.next_id("bash")
            msg["tool_calls"] = [m.tool_call(call_id, "bash", {"command": blocks[-1].strip()})]
            return call_id
        return None
    if msg.get("role") == "user" and pending is not None:
        code = _RETURNCODE.match(content)
        if code is not None:
            msg.update(role="tool", tool_call_id=pending, error=int(code.group(1)) != 0)
            return None
    return pending


def mini_ending(info: dict[str, Any], metadata: dict[str, Any], trace: dict[str, Any], root: dict[str, Any],
                 built: Run) -> None:
    """How a mini-SWE-agent run ended: its exit status, submission and cost."""
    metadata.update({f"info.{k}": v for k, v in info.items()})
    status = str(info.get("exit_status") or "")
    if status:
        metadata["agent.exit"] = status
        lowered = status.lower()
        if "limit" in lowered:
            metadata["agent.limit"] = "step or cost"
        elif "timeout" in lowered:
            metadata["agent.limit"] = "time"
        if "error" in lowered and "timeout" not in lowered:
            trace["status"] = "error"
    submission = info.get("submission")
    if isinstance(submission, str) and submission.strip():
        trace["output"] = submission
        tools = [s for s in built.spans if s["kind"] == "tool"]
        if tools:
            metadata["agent.patch_step"] = tools[-1]["span_id"]
    else:
        trace["output"] = None
    stats = info.get("model_stats") if isinstance(info.get("model_stats"), dict) else {}
    cost = stats.get("instance_cost")
    if isinstance(cost, int | float) and not isinstance(cost, bool):
        root["cost_usd"] = cost


_REACT_RESULT = "API output: "


def react_action(msg: dict[str, Any], pending: str | None, built: Run) -> str | None:
    """tau-bench's ReAct and Act agents write their action in the message (``Action:`` and a
    JSON ``{"name", "arguments"}``) and get its result as the user's next message
    (``API output: ...``): read as a tool call and its result. The id of the call waiting
    for its result."""
    content = msg.get("content")
    if not isinstance(content, str):
        return pending
    if msg.get("role") == "assistant" and not msg.get("tool_calls") and "Action:" in content:
        action = loads_text(content.rsplit("Action:", 1)[1].strip())
        if isinstance(action, dict) and isinstance(action.get("name"), str) and action["name"] != "respond":
            call_id = built.next_id("react")
            msg["tool_calls"] = [m.tool_call(call_id, action["name"], action.get("arguments"))]
            return call_id
        return None
    if msg.get("role") == "user" and pending is not None and content.startswith(_REACT_RESULT):
        msg.update(role="tool", content=content[len(_REACT_RESULT):], tool_call_id=pending)
        return None
    return pending


# tau2-bench's termination reasons: how a run that did not end by itself stopped.
_TERMINATIONS = {"max_steps": "iterations", "timeout": "time", "context_window_exceeded": "context"}


def termination(run: dict[str, Any], metadata: dict[str, Any], trace: dict[str, Any]) -> None:
    reason = run.get("termination_reason")
    if not isinstance(reason, str) or reason in ("user_stop", "agent_stop"):
        return
    metadata["agent.exit"] = reason
    if reason in _TERMINATIONS:
        metadata["agent.limit"] = _TERMINATIONS[reason]
    if reason.endswith("error") or reason == "too_many_errors":
        trace["status"] = "error"


def tau_reason(info: dict[str, Any]) -> str | None:
    """Why tau-bench gave the reward it gave, in words (``info.reward_info``, or the error)."""
    if info.get("error"):
        return f"the run crashed: {str(info['error'])[:300]}"
    reward_info = info.get("reward_info")
    reasons = tau2_reasons(reward_info) if isinstance(reward_info, dict) else []
    details = reward_info.get("info") if isinstance(reward_info, dict) else None
    if not isinstance(details, dict):
        return "; ".join(reasons) or None
    if details.get("r_actions") is not None and outcome_of(details["r_actions"]) == "fail":
        reasons.append("the database did not end as the task's expected actions leave it")
    outputs = details.get("outputs")
    if details.get("r_outputs") is not None and outcome_of(details["r_outputs"]) == "fail":
        missing = [k for k, ok in outputs.items() if not ok] if isinstance(outputs, dict) else []
        reasons.append("the answer missed outputs the task expected"
                       + (f": {', '.join(map(str, missing))}" if missing else ""))
    return "; ".join(reasons) or None


def tau2_reasons(reward_info: dict[str, Any]) -> list[str]:
    """What tau2-bench's checks found wrong: the database, the expected actions, what the
    agent had to say."""
    reasons = []
    db = reward_info.get("db_check")
    if isinstance(db, dict) and db.get("db_match") is False:
        reasons.append("the database did not end as expected")
    missed = [c.get("action", {}).get("name") for c in listed(reward_info.get("action_checks"))
              if isinstance(c, dict) and c.get("action_match") is False and isinstance(c.get("action"), dict)]
    if missed:
        reasons.append("expected actions not taken: " + ", ".join(str(n) for n in missed[:5]))
    said = [c.get("info") for c in listed(reward_info.get("communicate_checks"))
            if isinstance(c, dict) and c.get("met") is False]
    if said:
        reasons.append("did not tell the user: " + ", ".join(str(x) for x in said[:3]))
    failed = [c.get("nl_assertion") for c in listed(reward_info.get("nl_assertions"))
              if isinstance(c, dict) and c.get("met") is False]
    if failed:
        reasons.append("not met: " + "; ".join(str(x) for x in failed[:3]))
    return reasons


# tau-bench's run.py names its results file after the agent and its model:
# "<strategy>-<model>-<temperature>_range_<start>-<end>_user-<user model>-<user strategy>_<time>.json".
_RESULTS_NAME = re.compile(r"^(?:tool-calling|act|react|few-shot|[\w-]+?)-(?P<model>.+?)-\d+(?:\.\d+)?_range_")


def results_model(value: Any, name: str) -> str | None:
    """The model a benchmark's results file ran: tau2-bench's ``info.agent_info.llm``, else the
    one tau-bench names its file after."""
    if isinstance(value, dict):
        info = value.get("info")
        agent = info.get("agent_info") if isinstance(info, dict) else None
        if isinstance(agent, dict) and isinstance(agent.get("llm"), str) and agent["llm"]:
            return agent["llm"]
    found = _RESULTS_NAME.match(name.replace("\\", "/").rsplit("/", 1)[-1].split("!")[-1])
    return found.group("model") if found else None
