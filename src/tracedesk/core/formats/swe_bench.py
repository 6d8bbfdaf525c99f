"""SWE-bench evaluation reports: whether each run's patch passed its tests.

The harness (``swebench.harness.run_evaluation``) writes, per instance, a ``report.json``
``{"<instance_id>": {"patch_is_None", "patch_exists", "patch_successfully_applied",
"resolved", "tests_status": {"FAIL_TO_PASS": {"success", "failure"}, "PASS_TO_PASS":
{...}}}}``, and per run a summary ``{"resolved_ids", "unresolved_ids", "error_ids",
"empty_patch_ids", ...}``; the experiments repository's ``results.json`` lists ids by what
became of them (``resolved``, ``applied``, ``no_apply``, ``test_errored``, ``no_generation``...).
All hold only grades: each instance becomes a feedback record
``resolved`` (true or false, marked pass or fail) on the trace of that instance id, which
an agent's trajectory (SWE-agent, OpenHands) imported before or after supplies. The
comment names the tests that failed.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import partial
from typing import Any, BinaryIO

from .agent_runs import guarded, outcome_feedback
from .base import Format, Item, Problem, Record
from .jsonsafe import listed, read_values

_REPORT = (re.compile(rb'"resolved"\s*:\s*(true|false)'), re.compile(rb'"(patch_exists|tests_status|patch_is_None)"'))
_SUMMARY = (re.compile(rb'"resolved_ids"\s*:'), re.compile(rb'"unresolved_ids"\s*:'))
_SUMMARY_LISTS = {"resolved_ids": True, "unresolved_ids": False, "error_ids": False, "empty_patch_ids": False}
# The results.json of the SWE-bench experiments repository: ids by what became of them.
_EXPERIMENTS = re.compile(rb'"(no_generation|generated|with_logs|install_fail|no_apply|applied|test_errored|'
                          rb'test_timeout)"\s*:\s*\[')
_EXPERIMENT_REASONS = (("no_generation", "no patch was generated"), ("install_fail", "the environment did not install"),
                       ("reset_failed", "the repository could not be reset"), ("no_apply", "the patch did not apply"),
                       ("test_errored", "the tests errored"), ("test_timeout", "the tests timed out"))


def sniff(head: bytes, name: str) -> bool:
    if head.lstrip()[:1] != b"{":
        return False
    return (all(p.search(head) for p in _REPORT) or all(p.search(head) for p in _SUMMARY)
            or (re.search(rb'"resolved"\s*:\s*\[', head) is not None and _EXPERIMENTS.search(head) is not None))


def read(stream: BinaryIO, name: str) -> Iterator[Item]:
    for line, value, reason in read_values(stream, name):
        if reason is not None:
            yield Problem(reason, line)
            continue
        if not isinstance(value, dict):
            yield Problem("not a SWE-bench report (a JSON object)", line)
            continue
        if any(key in value for key in _SUMMARY_LISTS):
            yield from guarded(partial(_summary, value, line), "the summary", line)
            continue
        if isinstance(value.get("resolved"), list):
            yield from guarded(partial(_experiments, value, line), "the results", line)
            continue
        found = False
        for instance, report in value.items():
            if isinstance(report, dict) and isinstance(report.get("resolved"), bool):
                found = True
                yield from guarded(partial(_instance, instance, report, line), f"instance {instance}", line)
        if not found:
            yield Problem("not a SWE-bench report: no instance has 'resolved'", line)


def _failures(report: dict[str, Any]) -> list[str]:
    status = report.get("tests_status")
    failed = []
    if isinstance(status, dict):
        for group in ("FAIL_TO_PASS", "PASS_TO_PASS"):
            tests = status.get(group)
            if isinstance(tests, dict) and isinstance(tests.get("failure"), list):
                failed += [str(t) for t in tests["failure"]]
    return failed


def _instance(instance: str, report: dict[str, Any], line: int | None) -> Iterator[Item]:
    failed = _failures(report)
    if report.get("resolved"):
        comment = None
    elif report.get("patch_is_None") or report.get("patch_exists") is False:
        comment = "no patch was submitted"
    elif report.get("patch_successfully_applied") is False:
        comment = "the patch did not apply"
    else:
        comment = (f"{len(failed)} test{'s' if len(failed) != 1 else ''} failed: " + ", ".join(failed[:5])
                   if failed else "the tests failed")
    fb = outcome_feedback("resolved", bool(report["resolved"]), comment=comment, author="swe-bench")
    assert fb is not None
    fb["tests_status"] = report.get("tests_status")
    fb["patch_applied"] = report.get("patch_successfully_applied")
    yield Record({"type": "feedback", "trace_id": instance, **{k: v for k, v in fb.items() if v is not None}},
                 line, instance)


def _summary(value: dict[str, Any], line: int | None) -> Iterator[Item]:
    for key, resolved in _SUMMARY_LISTS.items():
        for instance in listed(value.get(key)):
            comment = None if resolved else {"unresolved_ids": "the tests failed", "error_ids":
                                             "the evaluation failed", "empty_patch_ids": "no patch was submitted"}[key]
            fb = outcome_feedback("resolved", resolved, comment=comment, author="swe-bench")
            assert fb is not None
            yield Record({"type": "feedback", "trace_id": str(instance), **fb}, line, key)


def _experiments(value: dict[str, Any], line: int | None) -> Iterator[Item]:
    resolved = {str(i) for i in value["resolved"]}
    seen: set[str] = set()
    for instance in sorted(resolved):
        seen.add(instance)
        fb = outcome_feedback("resolved", True, author="swe-bench")
        assert fb is not None
        yield Record({"type": "feedback", "trace_id": instance, **fb}, line, "resolved")
    for key, reason in (*_EXPERIMENT_REASONS, ("applied", "the tests failed"), ("generated", "the tests failed")):
        for instance in listed(value.get(key)):
            instance = str(instance)
            if instance in seen:
                continue
            seen.add(instance)
            fb = outcome_feedback("resolved", False, comment=reason, author="swe-bench")
            assert fb is not None
            yield Record({"type": "feedback", "trace_id": instance, **fb}, line, key)


FORMAT = Format("swe-bench", "SWE-bench evaluation report", sniff=sniff, read=read)
