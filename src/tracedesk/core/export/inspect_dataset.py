"""An Inspect AI dataset (JSONL), as ``inspect_ai.dataset.json_dataset`` reads it with its
default fields: ``input`` (chat messages with ``role`` and ``content``), ``target`` (the
expected answer), ``id`` (the review's uuid) and ``metadata``."""

from __future__ import annotations

from typing import Any

from .cases import EvalCase


def metadata(case: EvalCase) -> dict[str, Any]:
    """What the consumers' ``metadata`` fields hold: the review and provenance, flat."""
    return {**case.provenance(), "verdict": case.verdict, "severity": case.severity, "cause": case.cause,
            "blamed_span_id": (case.blamed_span or {}).get("span_id"),
            "blamed_span_name": (case.blamed_span or {}).get("name"),
            "missing_step": case.missing_step, "notes": case.notes, "tags": case.tags, "actual": case.actual}


def record(case: EvalCase, options: Any) -> dict[str, Any]:
    return {"id": case.id, "input": case.messages(), "target": case.expected or "", "metadata": metadata(case)}
