"""The reviewed set as a CSV table for QA leads: one review a row, every verdict unless
filtered. A cell that a spreadsheet would run as a formula (starting with ``=``, ``+``,
``-``, ``@``) is written with a leading apostrophe."""

from __future__ import annotations

import csv
from collections.abc import Iterable
from typing import Any, TextIO

from ..records import format_time
from ..text import csv_cell
from .cases import EvalCase

COLUMNS = ("review_id", "source", "trace_id", "session_id", "verdict", "severity", "cause", "blamed_span",
           "missing_step", "question", "actual", "expected", "notes", "tags", "reviewer", "reviewed_at",
           "model", "prompt_version")


def write(cases: Iterable[EvalCase], out: TextIO, options: Any) -> int:
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    n = 0
    for c in cases:
        blamed = c.blamed_span or {}
        writer.writerow([csv_cell(v) for v in (
            c.id, c.source, c.trace_id, c.session_id, c.verdict, c.severity, c.cause,
            blamed.get("name") or blamed.get("span_id"), "yes" if c.missing_step else "", c.question, c.actual,
            c.expected, c.notes, ", ".join(c.tags), c.reviewer, format_time(c.reviewed_ns), c.model,
            c.prompt_version)])
        n += 1
    return n
