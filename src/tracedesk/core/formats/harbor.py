"""Harbor trial results: the grade of a run whose steps are an ATIF trajectory.

A Harbor job folder holds a folder per trial with ``result.json`` (``TrialResult``:
``{"id", "task_name", "trial_name", "agent_info": {"name", "model_info"}, "agent_result":
{"n_input_tokens", "n_cache_tokens", "n_output_tokens", "cost_usd"}, "verifier_result":
{"rewards": {"reward": ...}}, "exception_info": {"exception_type", "exception_message"},
"started_at", "finished_at"}``) and the agent's trajectory in ``agent/trajectory.json``
(:mod:`.atif`). The result's reward becomes a feedback record on that trajectory's trace
(its ``session_id``, in the source ``atif:<agent>`` the trajectory is imported into),
marked pass or fail, with the exception the trial ended on as its comment.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import partial
from pathlib import Path
from typing import Any, BinaryIO

import orjson

from .agent_runs import guarded, outcome_feedback, unit_scale
from .atif import trace_id_of
from .base import Format, Item, Problem, Record
from .jsonsafe import read_values

_RESULT = (re.compile(rb'"verifier_result"\s*:'), re.compile(rb'"(trial_name|task_name)"\s*:'))
MAX_TRAJECTORY = 512 * 1024 * 1024  # bytes of a trajectory read for its session id


def sniff(head: bytes, name: str) -> bool:
    return head.lstrip()[:1] == b"{" and all(p.search(head) for p in _RESULT)


def _trajectory(name: str) -> dict[str, Any] | None:
    """The trial's trajectory beside its result (``agent/trajectory.json``), if there."""
    if "!" in name:
        return None
    path = Path(name).parent / "agent" / "trajectory.json"
    try:
        if not path.is_file() or path.stat().st_size > MAX_TRAJECTORY:
            return None
        doc = orjson.loads(path.read_bytes())
    except (OSError, orjson.JSONDecodeError):
        return None
    return doc if isinstance(doc, dict) else None


def read(stream: BinaryIO, name: str) -> Iterator[Item]:
    for line, value, reason in read_values(stream, name):
        if reason is not None:
            yield Problem(reason, line)
            continue
        if not isinstance(value, dict) or "verifier_result" not in value:
            yield Problem("not a Harbor trial result (an object with 'verifier_result')", line)
            continue
        yield from guarded(partial(result_records, value, name, line), "the trial result", line)


def result_records(result: dict[str, Any], name: str, line: int | None) -> Iterator[Item]:
    trajectory = _trajectory(name)
    if trajectory is None:
        yield Problem("the trial's trajectory (agent/trajectory.json) is not beside its result, so its "
                      "reward has no run to grade; import the trial's folder", line)
        return
    agent = trajectory.get("agent") if isinstance(trajectory.get("agent"), dict) else {}
    yield Record({"type": "bundle", "source": f"atif:{agent.get('name') or 'agent'}"}, line)
    verifier = result.get("verifier_result") if isinstance(result.get("verifier_result"), dict) else {}
    rewards = verifier.get("rewards") if isinstance(verifier.get("rewards"), dict) else {}
    exception = result.get("exception_info") if isinstance(result.get("exception_info"), dict) else None
    comment = None
    if exception:
        comment = ": ".join(str(exception[k]) for k in ("exception_type", "exception_message")
                            if exception.get(k))[:500] or None
    trace_id = trace_id_of(trajectory, str(Path(name).parent / "agent" / "trajectory.json"))
    graded = False
    for key, value in rewards.items():
        fb = outcome_feedback(str(key), value, comment=comment, author="harbor", scale=unit_scale(value))
        if fb is not None:
            graded = True
            fb["trial"] = result.get("trial_name")
            fb["task"] = result.get("task_name")
            yield Record({"type": "feedback", "trace_id": trace_id, **fb}, line)
    if not graded and exception:
        fb = outcome_feedback("trial", "failed", comment=comment, author="harbor")
        if fb is not None:
            yield Record({"type": "feedback", "trace_id": trace_id, **fb}, line)
    if not graded and not exception:
        yield Problem("the trial result holds no reward", line)


FORMAT = Format("harbor", "Harbor trial result", sniff=sniff, read=read)
