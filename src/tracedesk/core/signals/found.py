"""A signal as a detector reports it, before it is stored."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import orjson


@dataclass(slots=True)
class Found:
    trace_pk: int
    kind: str
    confidence: float
    detail: str  # one line a reviewer reads in the queue: why the trace is there
    span_id: str | None = None
    evidence: dict[str, Any] = field(default_factory=dict)  # the text or step that shows it
    feedback_id: int | None = None

    def row(self, detector: str) -> tuple:
        evidence = orjson.dumps(self.evidence).decode() if self.evidence else None
        return (self.trace_pk, self.span_id, self.kind, round(self.confidence, 3), self.detail,
                evidence, self.feedback_id, detector)


def quote(text: str, width: int = 80) -> str:
    """A short quotation of what someone wrote, for a detail line."""
    text = " ".join(text.split())
    return f"“{text if len(text) <= width else text[: width - 1] + '…'}”"
