"""OpenAI Evals samples (JSONL): ``input`` as chat messages, ``ideal`` the expected answer.
Tracedesk's provenance rides along in ``metadata``, which the evals leave alone."""

from __future__ import annotations

from typing import Any

from .cases import EvalCase
from .inspect_dataset import metadata


def record(case: EvalCase, options: Any) -> dict[str, Any]:
    return {"input": case.messages(), "ideal": case.expected or "", "metadata": {"id": case.id, **metadata(case)}}
