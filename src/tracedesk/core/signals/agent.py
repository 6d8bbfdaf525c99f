"""Signals of agent runs: trajectories fail differently from chats.

- ``limit_reached``: the run stopped because it hit its iteration, cost, context or time
  limit (SWE-agent's ``exit_cost``, OpenHands' "Agent reached maximum iteration");
- ``tests_failed``: the agent submitted a patch and the tests run on it failed;
- ``repeated_command``: the agent ran the same command again right after itself and got
  the same result, learning nothing;
- ``error_ignored``: a tool's result was an error and the agent went on as if it were not:
  its next answer neither says something went wrong nor tries that tool again;
- ``handoff``: the agent called a tool that hands the run to a person
  (``transfer_to_human_agents``, ``escalate``...);
- ``no_answer``: the run ended without a final answer or submission.

Each names the step that shows it. The importers of trajectory formats describe how a run
ended in the trace's metadata (``agent.format``, ``agent.exit``, ``agent.limit``,
``agent.limit_step``, ``agent.patch_step``, ``agent.tests``); the handoff is found in any
trace's tool steps.

A run its grader passed (feedback marked ``outcome`` "pass" and none "fail") is not a
failure whatever the heuristics say: :func:`settle_by_outcome` drops their findings, so that
a labelled file's queue holds exactly its failed runs.
"""

from __future__ import annotations

import re
from typing import Any

from sqlalchemy import Connection

from ..store import select_rows
from ..text import loads_or_none, text_of
from .confidence import confidence
from .found import Found, quote

HANDOFF = re.compile(r"transfer\w*human|human\w*(agent|handoff|operator|support)|escalat|hand_?off"
                     r"|ask_?human|request_?human|call_?human|live_?agent", re.IGNORECASE)
# A tool result that reads as a failure, in the words shells, interpreters and APIs use. Only
# its first and last lines are looked at: a file's contents in between may say anything.
ERROR_RESULT = re.compile(
    r"^\s*(error\b|fatal\b|traceback \(most recent call last\)|exception\b|\w*(error|exception):)"
    r"|command not found|no such file or directory|permission denied|\bexit code [1-9]\d*\b",
    re.IGNORECASE)
EDGE_LINES = 2
# Words with which an answer admits that something went wrong, or goes to fix it.
NOTICED = re.compile(
    r"\b(error|errors|fail\w*|wrong|issue|problem|mistake|traceback|exception|not found|doesn'?t|didn'?t"
    r"|does not|did not|cannot|can'?t|unable|missing|fix\w*|retry|try again|instead|oops|seems|appears|"
    r"unfortunately|sorry|apolog\w*|incorrect|invalid|typo)\b", re.IGNORECASE)
LIMIT_WORDS = {"iterations": "iteration", "cost": "cost", "context": "context window", "time": "time",
               "tokens": "token", "steps": "step"}
REPEAT_MIN = 2  # the same call this many times in a row, with the same result


def agent_signals(conn: Connection, scope: str, asked_for_person: frozenset[int] = frozenset()) -> list[Found]:
    """``asked_for_person``: the traces whose user asked for a person, or said the answers
    missed, in that very turn; a hand-off there is the right answer (the escalation or
    frustration signal marks the answer before)."""
    found = [f for f in _handoffs(conn, scope) if f.trace_pk not in asked_for_person]
    runs = list(select_rows(conn, f"""
        SELECT id, metadata, output FROM trace
        WHERE id IN ({scope}) AND metadata IS NOT NULL AND json_valid(metadata)
          AND json_extract(metadata, '$."agent.format"') IS NOT NULL"""))
    if not runs:
        return found
    agent_pks = ",".join(str(pk) for pk, _, _ in runs)
    last_steps = dict(select_rows(conn, f"""
        SELECT trace_pk, span_id FROM (
            SELECT trace_pk, span_id, row_number() OVER (
                PARTITION BY trace_pk ORDER BY start_ns IS NULL, start_ns DESC, id DESC) AS place
            FROM span WHERE trace_pk IN ({agent_pks}) AND parent_id IS NOT NULL)
        WHERE place = 1"""))
    # Test results graded apart from the run (a SWE-bench report) say the same as the run's own.
    tests = dict(select_rows(conn, f"""
        SELECT trace_pk, coalesce(min(comment), '') FROM feedback
        WHERE trace_pk IN ({agent_pks}) AND kind IN ('resolved', 'tests', 'test_result') AND json_valid(extra)
          AND json_extract(extra, '$.outcome') = 'fail'
        GROUP BY trace_pk"""))
    for pk, raw_meta, raw_output in runs:
        meta = loads_or_none(raw_meta) or {}
        if pk in tests and meta.get("agent.tests") is None:
            meta["agent.tests"], meta["agent.tests_detail"] = "failed", tests[pk] or None
        found += _ending(pk, meta, raw_output, last_steps.get(pk))
    found += _steps(conn, agent_pks)
    return found


def _ending(pk: int, meta: dict[str, Any], raw_output: str | None, last_step: str | None) -> list[Found]:
    out = []
    exit_text = text_of(meta.get("agent.exit"), 200)
    limit = meta.get("agent.limit")
    if isinstance(limit, str) and limit:
        what = LIMIT_WORDS.get(limit, limit)
        out.append(Found(pk, "limit_reached", confidence("limit_reached", "limit"),
                         f"the run stopped at its {what} limit" + (f" ({quote(exit_text, 80)})" if exit_text else ""),
                         meta.get("agent.limit_step") or last_step, {"limit": limit, "exit": exit_text}))
    if meta.get("agent.tests") == "failed" and meta.get("agent.patch_step"):
        why = meta.get("agent.tests_detail")
        out.append(Found(pk, "tests_failed", confidence("tests_failed", "patch"),
                         "the patch the agent submitted failed its tests"
                         + (f": {quote(str(why), 100)}" if why else ""),
                         meta["agent.patch_step"], {"tests": why}))
    answer = text_of(loads_or_none(raw_output), 50) if raw_output is not None else ""
    if not answer.strip() and not meta.get("agent.continued"):
        why = f" ({quote(exit_text, 80)})" if exit_text else ""
        out.append(Found(pk, "no_answer", confidence("no_answer", "ended"), f"the run ended without an answer{why}",
                         last_step, {"exit": exit_text}))
    return out


def _handoffs(conn: Connection, scope: str) -> list[Found]:
    found = []
    seen: set[int] = set()
    # The steps index holds kind and name: only the names are read, not the steps.
    for pk, span_id, name in select_rows(conn, f"""
        SELECT trace_pk, span_id, name FROM span
        WHERE trace_pk IN ({scope}) AND kind = 'tool' AND name IS NOT NULL
          AND (name LIKE '%human%' OR name LIKE '%escalat%' OR name LIKE '%handoff%' OR name LIKE '%hand_off%'
               OR name LIKE '%live%agent%')
        ORDER BY trace_pk, start_ns, id"""):
        if pk in seen or not HANDOFF.search(name):
            continue
        seen.add(pk)
        found.append(Found(pk, "handoff", confidence("handoff", "tool"),
                           f"the agent handed the run to a person ({name})", span_id, {"tool": name}))
    return found


def _steps(conn: Connection, pks: str) -> list[Found]:
    """Repeated commands and ignored errors: one pass over the steps of each agent run."""
    found: list[Found] = []
    current = None
    steps: list[tuple] = []
    for row in select_rows(conn, f"""
        SELECT trace_pk, span_id, kind, name, status, input, output FROM span
        WHERE trace_pk IN ({pks}) AND kind IN ('llm', 'tool')
        ORDER BY trace_pk, start_ns, id"""):
        if row[0] != current:
            if steps:
                found += _run_steps(current, steps)
            current, steps = row[0], []
        steps.append(row)
    if steps:
        found += _run_steps(current, steps)
    return found


def _run_steps(pk: int, steps: list[tuple]) -> list[Found]:
    out = []
    tools = [s for s in steps if s[2] == "tool"]
    best = None  # (repeats, first span id, name)
    run = 1
    for before, step in zip(tools, tools[1:], strict=False):
        same = step[3] == before[3] and step[5] == before[5] and step[6] == before[6]
        run = run + 1 if same else 1
        if run >= REPEAT_MIN and (best is None or run > best[0]):
            best = (run, step[1], step[3], before[5])
    if best is not None:
        times, span_id, name, raw_input = best
        command = text_of(loads_or_none(raw_input), 200)
        strength = (times - REPEAT_MIN) / 3
        out.append(Found(pk, "repeated_command", confidence("repeated_command", "same_result", strength),
                         f"{name} ran {times} times in a row with the same result: {quote(command, 60)}",
                         span_id, {"tool": name, "times": times, "command": command}))
    ignored = _error_ignored(steps)
    if ignored is not None:
        span_id, name, message = ignored
        out.append(Found(pk, "error_ignored", confidence("error_ignored", "went_on"),
                         f"{name} failed ({quote(message, 60)}) and the agent went on as if it had not",
                         span_id, {"tool": name, "error": message}))
    return out


def _error_ignored(steps: list[tuple]) -> tuple[str, str, str] | None:
    """The first tool error after which the agent's next answer does not notice it and the
    agent does not call that tool again."""
    for i, (_, span_id, kind, name, status, _raw_in, raw_out) in enumerate(steps):
        if kind != "tool":
            continue
        result = text_of(loads_or_none(raw_out), 20_000) if raw_out is not None else ""
        if status != "error" and not reads_as_error(result):
            continue
        later = steps[i + 1:]
        reply = next((s for s in later if s[2] == "llm"), None)
        if reply is None:
            continue  # the run ended on the error: no_answer or the grade tells
        said = text_of(loads_or_none(reply[6]), 2000)
        retried = any(s[2] == "tool" and s[3] == name for s in later)
        if not NOTICED.search(said) and not retried:
            first = next((line for line in result.strip().splitlines() if ERROR_RESULT.search(line)), None)
            return span_id, name or "a tool", (first or result.strip().split("\n", 1)[0] or "an error")[:200]
    return None


def reads_as_error(result: str) -> bool:
    """Whether a tool's result says it failed, on its first or last lines."""
    lines = [line for line in result.strip().splitlines() if line.strip()]
    edges = lines[:EDGE_LINES] + lines[-EDGE_LINES:] if len(lines) > 2 * EDGE_LINES else lines
    return any(ERROR_RESULT.search(line) for line in edges)


def settle_by_outcome(conn: Connection, scope: str, found: list[Found]) -> list[Found]:
    """Without the implicit signals of runs their grader passed: the grade is the run's
    ground truth (a transfer to a person can be the right answer), and a signal that does
    not count would still count in Insights' failure rates."""
    passed = {pk for (pk,) in select_rows(conn, f"""
        SELECT trace_pk FROM feedback WHERE trace_pk IN ({scope}) AND extra IS NOT NULL AND json_valid(extra)
        GROUP BY trace_pk
        HAVING sum(json_extract(extra, '$.outcome') = 'pass') > 0
           AND coalesce(sum(json_extract(extra, '$.outcome') = 'fail'), 0) = 0""")}
    if not passed:
        return found
    return [f for f in found if f.trace_pk not in passed or f.feedback_id is not None]
