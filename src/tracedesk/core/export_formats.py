"""The formats reviewed traces are exported in: one entry each, as the importers' formats
are (:class:`.formats.Format`).

Apart from :mod:`.export` so that the command line can offer them (``export --format``)
without loading the database layer for ``--help``; the export dialog lists them from here.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class ExportFormat:
    name: str  # as --format takes it
    label: str  # as the export dialog lists it
    suffix: str  # the file suffix it is written with
    module: str  # the module of tracedesk.core.export that writes it
    # A table of the reviewed set takes every review unless asked otherwise; eval cases
    # are made of the failures.
    every_verdict: bool = False


EXPORT_FORMATS: dict[str, ExportFormat] = {f.name: f for f in (
    ExportFormat("jsonl", "Tracedesk eval cases (JSONL)", ".jsonl", "native"),
    ExportFormat("promptfoo", "promptfoo tests (YAML)", ".yaml", "promptfoo"),
    ExportFormat("inspect", "Inspect AI dataset (JSONL)", ".jsonl", "inspect_dataset"),
    ExportFormat("openai-evals", "OpenAI Evals samples (JSONL)", ".jsonl", "openai_evals"),
    ExportFormat("langfuse", "Langfuse dataset items (JSONL)", ".jsonl", "langfuse"),
    ExportFormat("csv", "Reviewed set (CSV)", ".csv", "csv_table", every_verdict=True),
)}
