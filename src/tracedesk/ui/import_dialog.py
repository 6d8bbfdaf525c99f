"""Importing bundles from the window: the work runs in a thread, a dialog shows its
progress with counts and can cancel it (the database is then left as it was), and the
problems found are listed where they can be copied."""

from __future__ import annotations

import threading
import traceback
from pathlib import Path

from PySide6.QtCore import QObject, Qt, QThread, Signal, Slot
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ..core import ingest
from ..core.errors import Cancelled, UserError
from ..core.progress import Progress
from ..core.store import Store
from .style import monospace_font


class ImportWorker(QObject):
    """Runs :func:`tracedesk.core.ingest.import_paths` in the thread it is moved to."""

    progressed = Signal(object)  # Progress
    finished = Signal(object)  # ImportReport
    cancelled = Signal()
    failed = Signal(str)

    def __init__(self, store: Store, paths: list[Path]) -> None:
        super().__init__()
        self.store = store
        self.paths = paths
        self._stop = threading.Event()

    def cancel(self) -> None:
        self._stop.set()

    def _progress(self, progress: Progress) -> None:
        # The last report comes once everything is written: too late to cancel.
        if self._stop.is_set() and not progress.final:
            raise Cancelled()
        self.progressed.emit(progress)

    @Slot()
    def run(self) -> None:
        try:
            report = ingest.import_paths(self.store, self.paths, progress=self._progress)
        except Cancelled:
            self.cancelled.emit()
        except UserError as exc:
            self.failed.emit(str(exc))
        except Exception as exc:  # a bug: say so rather than leave the dialog hanging
            traceback.print_exc()
            self.failed.emit(f"The import stopped on an unexpected error: {exc!r}")
        else:
            self.finished.emit(report)


def _counts_text(counts: dict[str, int]) -> str:
    return (f"{counts.get('traces', 0):,} traces  ·  {counts.get('spans', 0):,} spans  ·  "
            f"{counts.get('feedback', 0):,} feedback")


class ImportDialog(QDialog):
    """Progress of one import. ``done`` carries the report, or None if it was cancelled or
    failed (``error`` then says why)."""

    done = Signal(object)

    def __init__(self, store: Store, paths: list[Path], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Importing")
        self.setObjectName("importDialog")
        self.setModal(True)
        self.setMinimumWidth(480)
        self.report: ingest.ImportReport | None = None
        self.error: str | None = None
        self.was_cancelled = False
        layout = QVBoxLayout(self)
        layout.setContentsMargins(18, 16, 18, 14)
        layout.setSpacing(8)
        names = ", ".join(p.name for p in paths[:3]) + (f" and {len(paths) - 3} more" if len(paths) > 3 else "")
        self.what = QLabel(f"Importing {names}", self)
        self.what.setTextFormat(Qt.TextFormat.PlainText)
        self.what.setWordWrap(True)
        font = self.what.font()
        font.setBold(True)
        self.what.setFont(font)
        layout.addWidget(self.what)
        self.phase = QLabel("Starting…", self)
        self.phase.setTextFormat(Qt.TextFormat.PlainText)
        layout.addWidget(self.phase)
        self.bar = QProgressBar(self)
        self.bar.setRange(0, 0)
        self.bar.setTextVisible(True)
        layout.addWidget(self.bar)
        self.counts = QLabel(_counts_text({}), self)
        self.counts.setObjectName("importCounts")
        layout.addWidget(self.counts)
        buttons = QDialogButtonBox(self)
        self.cancel_button = buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.cancel_button.setToolTip("Stop the import: nothing of it is kept")
        self.cancel_button.clicked.connect(self.cancel)
        layout.addWidget(buttons)

        self._thread = QThread(self)
        self._worker = ImportWorker(store, paths)
        self._worker.moveToThread(self._thread)
        self._thread.started.connect(self._worker.run)
        self._worker.progressed.connect(self._on_progress)
        self._worker.finished.connect(self._on_finished)
        self._worker.cancelled.connect(self._on_cancelled)
        self._worker.failed.connect(self._on_failed)

    def start(self) -> None:
        self.open()
        self._thread.start()

    @property
    def running(self) -> bool:
        return self._thread.isRunning()

    def cancel(self) -> None:
        if self.was_cancelled:
            return
        self.was_cancelled = True
        self.cancel_button.setEnabled(False)
        self.phase.setText("Cancelling: rolling back what was read…")
        self._worker.cancel()

    def reject(self) -> None:  # Esc or the window's close button
        self.cancel()

    def _on_progress(self, progress: Progress) -> None:
        if not self.was_cancelled:
            self.phase.setText(progress.phase)
        if progress.fraction is not None:
            self.bar.setRange(0, 1000)
            self.bar.setValue(round(progress.fraction * 1000))
        self.counts.setText(_counts_text(progress.counts))

    def _end(self) -> None:
        self._thread.quit()
        self._thread.wait()
        self._worker.deleteLater()
        self.done.emit(self.report)
        self.accept()

    def _on_finished(self, report: ingest.ImportReport) -> None:
        self.report = report
        self.was_cancelled = False  # it ended before the request could stop it
        self._end()

    def _on_cancelled(self) -> None:
        self._end()

    def _on_failed(self, message: str) -> None:
        self.error = message
        self._end()


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


class ProblemsDialog(QDialog):
    """What an import found wrong, as selectable text with a Copy button."""

    def __init__(self, report: ingest.ImportReport, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("problemsDialog")
        self.setWindowTitle("Import report")
        self.resize(760, 420)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 14, 16, 12)
        added = report.added
        failed = sum(1 for p in report.paths if p.error)
        summary = f"Added {_counts_text(added.as_dict())}."
        if report.problem_count:
            summary += f" {report.problem_count:,} problems were found and the lines concerned skipped."
        if failed:
            summary += f" {failed} of {len(report.paths)} paths could not be imported at all."
        self.summary = QLabel(summary, self)
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        self.text = QPlainTextEdit(self)
        self.text.setObjectName("problemsText")
        self.text.setReadOnly(True)
        self.text.setFont(monospace_font())
        self.text.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.text.setPlainText(report_text(report))
        layout.addWidget(self.text, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.copy_button = QPushButton("Copy", self)
        self.copy_button.setToolTip("Copy the whole report to the clipboard")
        buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.copy_button.clicked.connect(self.copy)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def copy(self) -> None:
        QGuiApplication.clipboard().setText(self.text.toPlainText())
