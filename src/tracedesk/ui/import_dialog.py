"""Importing bundles from the window: the work runs in a thread, a dialog shows its
progress with counts and can cancel it (the database is then left as it was), and the
problems found are listed where they can be copied."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QLabel, QWidget

from ..core.errors import UserError
from ..core.progress import Progress
from ..core.store import Store
from .jobs import ProgressDialog
from .widgets import ReportDialog

if TYPE_CHECKING:
    from ..core import ingest  # loads when an import starts, not with the window


def _counts_text(counts: dict[str, int]) -> str:
    return (f"{counts.get('traces', 0):,} traces  ·  {counts.get('spans', 0):,} spans  ·  "
            f"{counts.get('feedback', 0):,} feedback")


class ImportDialog(ProgressDialog):
    """Progress of one import (:func:`tracedesk.core.ingest.import_paths`). ``done``
    carries the report, or None if it was cancelled or failed (``error`` then says why)."""

    def __init__(self, store: Store, paths: list[Path], parent: QWidget | None = None) -> None:
        from ..core import ingest

        names = ", ".join(p.name for p in paths[:3]) + (f" and {len(paths) - 3} more" if len(paths) > 3 else "")
        super().__init__(lambda progress: ingest.import_paths(store, paths, progress=progress),
                         what="import", title="Importing", name="importDialog", heading=f"Importing {names}",
                         cancelling="Cancelling: rolling back what was read…", width=480, parent=parent,
                         user_errors=(UserError,))
        self.counts = QLabel(_counts_text({}), self)
        self.counts.setObjectName("importCounts")
        self.add_detail(self.counts)

    def show_progress(self, progress: Progress) -> None:
        self.counts.setText(_counts_text(progress.counts))


def report_text(report: ingest.ImportReport) -> str:
    """The report as plain text a user can copy into a message or an issue."""
    lines = []
    for result in report.paths:
        if result.error:
            lines.append(f"not imported: {result.error}")
            continue
        lines.append(f"{result.path} ({', '.join(result.formats) or 'no format'})")
        lines.append(f"  added: {_counts_text(result.added.as_dict())}")
        lines.append(f"  already there: {_counts_text(result.existing.as_dict())}")
        if result.pending_feedback:
            lines.append(f"  {result.pending_feedback:,} feedback records wait for traces not imported yet")
        if result.problem_count:
            lines.append(f"  {result.problem_count:,} problems:")
            lines.extend(f"    {problem}" for problem in result.problems)
            hidden = result.problem_count - len(result.problems)
            if hidden:
                lines.append(f"    … and {hidden:,} more")
    return "\n".join(lines)


class ProblemsDialog(ReportDialog):
    """What an import found wrong, as selectable text with a Copy button."""

    def __init__(self, report: ingest.ImportReport, parent: QWidget | None = None) -> None:
        added = report.added
        failed = sum(1 for p in report.paths if p.error)
        summary = f"Added {_counts_text(added.as_dict())}."
        if report.problem_count:
            summary += f" {report.problem_count:,} problems were found and the lines concerned skipped."
        if failed:
            summary += f" {failed} of {len(report.paths)} paths could not be imported at all."
        super().__init__(summary, report_text(report), title="Import report", name="problemsDialog",
                         text_name="problemsText", height=420, spacing=None, parent=parent)
