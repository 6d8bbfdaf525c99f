"""Exporting reviewed traces as eval cases, one module per format:

- ``jsonl``: Tracedesk's own cases, everything included (:mod:`.native`);
- ``promptfoo``: a promptfoo test file, YAML (:mod:`.promptfoo`);
- ``inspect``: an Inspect AI dataset, JSONL (:mod:`.inspect_dataset`);
- ``openai-evals``: OpenAI Evals samples, JSONL (:mod:`.openai_evals`);
- ``langfuse``: Langfuse dataset items, JSONL (:mod:`.langfuse`);
- ``csv``: the reviewed set as a table for QA leads (:mod:`.csv_table`).

:func:`export_cases` writes a file (whole or not at all: a cancelled or failed export
leaves no file behind) and returns an :class:`ExportReport`, with what redaction removed.
It writes a new file, or replaces a regular one when asked (``ExportOptions.overwrite``);
never a link, a device or a pipe (see :mod:`..targets`).
The export dialog calls it from a worker thread with a progress callback.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from types import ModuleType
from typing import Any, TextIO

import orjson
from sqlalchemy import Connection

from ..errors import UserError
from ..export_formats import EXPORT_FORMATS, ExportFormat
from ..leftovers import clean_parts, part_path
from ..progress import Progress, ProgressFn, Throttle, ignore_progress
from ..redact import Redactor
from ..targets import cannot_write, check_target
from . import csv_table, inspect_dataset, langfuse, native, openai_evals, promptfoo
from .cases import EvalCase, ExportFilter, count_cases, iter_cases

# The writers, by module name (ExportFormat.module).
_WRITERS: dict[str, ModuleType] = {
    m.__name__.rpartition(".")[2]: m for m in (native, promptfoo, inspect_dataset, openai_evals, langfuse, csv_table)}
EVAL_VERDICTS = ("failure",)


def default_verdicts(fmt: str) -> tuple[str, ...] | None:
    """What an export takes when no verdict is asked for: the failures, or for the CSV
    table, every review."""
    found = EXPORT_FORMATS.get(fmt)
    return None if found is not None and found.every_verdict else EVAL_VERDICTS


@dataclass(frozen=True)
class ExportOptions:
    redact: bool = False
    patterns: tuple[str, ...] = ()  # more regular expressions to redact (with ``redact``)
    dataset_name: str = "tracedesk"  # the Langfuse dataset the items go to
    overwrite: bool = False  # replace the file at the path, if there is one


@dataclass
class ExportReport:
    format: str
    path: Path
    cases: int = 0
    without_expected: int = 0  # cases whose reviewer gave no expected answer
    redacted: dict[str, int] = field(default_factory=dict)  # kind -> count (email, phone, card, secret, custom)

    def as_dict(self) -> dict[str, Any]:
        return {"format": self.format, "path": str(self.path), "cases": self.cases,
                "without_expected": self.without_expected, "redacted": dict(self.redacted),
                "redacted_total": sum(self.redacted.values())}


@dataclass(frozen=True)
class _WriteOptions:
    dataset_name: str
    file_name: str


def _write_jsonl(module: ModuleType, cases: Iterable[EvalCase], out: TextIO, options: _WriteOptions) -> int:
    n = 0
    for case in cases:
        out.write(orjson.dumps(module.record(case, options)).decode())
        out.write("\n")
        n += 1
    return n


def export_cases(conn: Connection, fmt: str, path: Path | str, f: ExportFilter | None = None,
                 options: ExportOptions = ExportOptions(), progress: ProgressFn = ignore_progress) -> ExportReport:
    """Write the cases of the reviews ``f`` selects to ``path`` in format ``fmt``."""
    f = f or ExportFilter()
    if fmt not in EXPORT_FORMATS:
        raise UserError(f"unknown export format '{fmt}' (known: {', '.join(EXPORT_FORMATS)})")
    module = _WRITERS[EXPORT_FORMATS[fmt].module]
    path = Path(path)
    check_target(path, overwrite=options.overwrite)
    if fmt == "inspect" and path.suffix.lower() != ".jsonl":
        raise UserError(f"{path.name}: Inspect AI reads a dataset as JSON lines only from a .jsonl file; "
                        "name the file ....jsonl")
    redactor = Redactor([*options.patterns]) if options.redact else None
    verdicts = default_verdicts(fmt)
    total = count_cases(conn, f, verdicts)
    report = ExportReport(fmt, path)
    throttle = Throttle(progress)

    def counted() -> Iterable[EvalCase]:
        for case in iter_cases(conn, f, redactor, verdicts):
            report.cases += 1
            report.without_expected += case.expected is None
            throttle(Progress("writing eval cases", report.cases, total, {"cases": report.cases}))
            yield case

    write_options = _WriteOptions(options.dataset_name, path.name)
    clean_parts(path.parent)  # what a killed export left
    temp = part_path(path)
    try:
        with temp.open("x", encoding="utf-8", newline="") as out:
            if hasattr(module, "write"):
                module.write(counted(), out, write_options)
            else:
                _write_jsonl(module, counted(), out, write_options)
        os.replace(temp, path)
    except BaseException as exc:
        with contextlib.suppress(OSError):
            os.unlink(temp)
        if isinstance(exc, OSError):  # a full disk, a read-only folder: the system's, not a bug
            raise cannot_write(path, exc) from exc
        raise
    if redactor is not None:
        report.redacted = dict(sorted(redactor.counts.items()))
    progress(Progress("writing eval cases", report.cases, total, {"cases": report.cases}, final=True))
    return report


__all__ = ["EXPORT_FORMATS", "EvalCase", "ExportFormat", "ExportFilter", "ExportOptions", "ExportReport",
           "count_cases", "default_verdicts", "export_cases", "iter_cases"]
