"""Langfuse dataset items (JSONL): each line is the body of a ``POST
/api/public/dataset-items`` request: ``datasetName``, ``id`` (the review's uuid, so
sending again updates the item), ``input`` (the chat messages and the context),
``expectedOutput``, ``sourceTraceId``, ``sourceObservationId`` (the blamed step) and
``metadata``."""

from __future__ import annotations

from typing import Any

from .cases import EvalCase
from .inspect_dataset import metadata


def record(case: EvalCase, options: Any) -> dict[str, Any]:
    item = {"datasetName": options.dataset_name, "id": case.id,
            "input": {"messages": case.messages(), "question": case.question},
            "expectedOutput": case.expected, "sourceTraceId": case.trace_id, "metadata": metadata(case)}
    if case.blamed_span:
        item["sourceObservationId"] = case.blamed_span["span_id"]
    return item
