"""Tracedesk's own eval-case JSONL: one case a line, with everything a case holds
(input, context, expected and actual answers, verdict, cause, blamed step, notes, tags,
provenance); see :meth:`EvalCase.as_dict`."""

from __future__ import annotations

from typing import Any

from .cases import EvalCase

SCHEMA = "tracedesk.eval_case/1"


def record(case: EvalCase, options: Any) -> dict[str, Any]:
    return {"schema": SCHEMA, **case.as_dict()}
