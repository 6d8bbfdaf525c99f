"""File › Export Eval Cases: which reviews (verdict, cause, reviewer, tag, source, the
review's dates), in which format, redacted or not; the count of cases and a preview of
the first ones follow the filters as they change. The export runs in a thread with a
progress bar and Cancel (a cancelled export leaves no file), then the report says how many
cases were written, what redaction removed, and where the file is."""

from __future__ import annotations

import itertools
import re
import threading
import traceback
from datetime import datetime, time, timedelta
from pathlib import Path

from PySide6.QtCore import QDate, QObject, Qt, QThread, QTimer, Signal, Slot
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ..core import views
from ..core.causes import list_causes
from ..core.errors import Cancelled, UserError
from ..core.export import (
    FORMAT_LABELS,
    FORMATS,
    ExportFilter,
    ExportOptions,
    ExportReport,
    count_cases,
    default_verdicts,
    export_cases,
    iter_cases,
)
from ..core.progress import Progress
from ..core.redact import Redactor
from ..core.reviews import VERDICT_LABELS, VERDICTS
from ..core.settings import load_settings
from ..core.store import Store
from .style import muted_text
from .text import plain_tip

PREVIEW_CASES = 20
EXTENSIONS = {"jsonl": ".jsonl", "promptfoo": ".yaml", "inspect": ".jsonl", "openai-evals": ".jsonl",
              "langfuse": ".jsonl", "csv": ".csv"}
ANY = "(any)"


def _short(text: object, width: int = 120) -> str:
    text = " ".join(str(text).split()) if text is not None else ""
    return text if len(text) <= width else text[:width - 1] + "…"


def report_text(report: ExportReport, redacting: bool) -> str:
    lines = [f"{report.cases:,} eval case{'s' if report.cases != 1 else ''} written as "
             f"{FORMAT_LABELS.get(report.format, report.format)}."]
    if report.cases and report.without_expected:
        lines.append(f"{report.without_expected:,} of them have no expected answer.")
    if redacting:
        found = ", ".join(f"{n:,} {kind}" for kind, n in report.redacted.items())
        lines.append(f"Redacted: {found}." if found else "Redaction found nothing to remove.")
    return "\n".join(lines)


class ExportWorker(QObject):
    """Runs :func:`tracedesk.core.export.export_cases` in the thread it is moved to."""

    progressed = Signal(object)  # Progress
    finished = Signal(object)  # ExportReport
    cancelled = Signal()
    failed = Signal(str)

    def __init__(self, store: Store, fmt: str, path: Path, f: ExportFilter, options: ExportOptions) -> None:
        super().__init__()
        self.store, self.fmt, self.path, self.filter, self.options = store, fmt, path, f, options
        self._stop = threading.Event()

    def cancel(self) -> None:
        self._stop.set()

    def _progress(self, progress: Progress) -> None:
        if self._stop.is_set() and not progress.final:
            raise Cancelled()
        self.progressed.emit(progress)

    @Slot()
    def run(self) -> None:
        try:
            with self.store.read() as conn:
                report = export_cases(conn, self.fmt, self.path, self.filter, self.options, progress=self._progress)
        except Cancelled:
            self.cancelled.emit()
        except (UserError, OSError) as exc:
            self.failed.emit(str(exc))
        except Exception as exc:  # a bug: say so rather than leave the dialog waiting
            traceback.print_exc()
            self.failed.emit(f"The export stopped on an unexpected error: {exc!r}")
        else:
            self.finished.emit(report)


class ExportDialog(QDialog):
    """``exported`` carries the report, or None when the export was cancelled or failed."""

    exported = Signal(object)

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("exportDialog")
        self.setWindowTitle("Export eval cases")
        self.resize(980, 720)
        self.store = store
        self.report: ExportReport | None = None
        self.error: str | None = None
        self._thread: QThread | None = None
        self._worker: ExportWorker | None = None
        self._verdicts_touched = False
        try:
            self.settings_patterns = list(load_settings().redact_patterns)
        except UserError:
            self.settings_patterns = []
        with store.read() as conn:
            self.causes = list_causes(conn, include_retired=True)
            sources = views.filter_choices(conn)["sources"]
            reviewers = [r for (r,) in conn.exec_driver_sql("SELECT DISTINCT reviewer FROM review ORDER BY reviewer")]

        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 14, 16, 12)
        layout.setSpacing(8)
        top = QHBoxLayout()
        top.setSpacing(12)

        which = QGroupBox("Which reviews", self)
        form = QFormLayout(which)
        verdict_row = QHBoxLayout()
        self.verdict_boxes: dict[str, QCheckBox] = {}
        for verdict in VERDICTS:
            box = QCheckBox(VERDICT_LABELS[verdict], which)
            box.setChecked(verdict == "failure")
            box.clicked.connect(self._verdicts_clicked)
            self.verdict_boxes[verdict] = box
            verdict_row.addWidget(box)
        verdict_row.addStretch(1)
        form.addRow("Verdict", verdict_row)
        self.cause = QComboBox(which)
        self.cause.addItem(ANY, None)
        for cause in self.causes:
            self.cause.addItem("    " * cause.depth + cause.name + (" (retired)" if cause.retired else ""), cause.uuid)
        self.cause.setToolTip("A cause takes the causes nested below it")
        form.addRow("Cause", self.cause)
        self.reviewer = QComboBox(which)
        self.reviewer.addItem(ANY, None)
        for name in reviewers:
            self.reviewer.addItem(name, name)
        form.addRow("Reviewer", self.reviewer)
        self.tag = QLineEdit(which)
        self.tag.setPlaceholderText("a tag of the review or of the trace")
        self.tag.setClearButtonEnabled(True)
        form.addRow("Tag", self.tag)
        self.source = QComboBox(which)
        self.source.addItem(ANY, None)
        for name in sources:
            self.source.addItem(name, name)
        form.addRow("Source", self.source)
        dates = QHBoxLayout()
        today = QDate.currentDate()
        self.since_box, self.since = QCheckBox("from", which), QDateEdit(today.addDays(-30), which)
        self.until_box, self.until = QCheckBox("to", which), QDateEdit(today, which)
        for box, edit in ((self.since_box, self.since), (self.until_box, self.until)):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
            edit.setEnabled(False)
            box.toggled.connect(edit.setEnabled)
            box.toggled.connect(self._schedule_count)
            edit.dateChanged.connect(self._schedule_count)
            dates.addWidget(box)
            dates.addWidget(edit)
        dates.addStretch(1)
        form.addRow("Reviewed", dates)
        top.addWidget(which, 3)

        how = QGroupBox("How", self)
        how_form = QFormLayout(how)
        self.format = QComboBox(how)
        for fmt in FORMATS:
            self.format.addItem(FORMAT_LABELS[fmt], fmt)
        how_form.addRow("Format", self.format)
        self.dataset = QLineEdit("tracedesk", how)
        self.dataset_label = QLabel("Dataset", how)
        how_form.addRow(self.dataset_label, self.dataset)
        self.redact = QCheckBox("Redact personal data and secrets", how)
        self.redact.setToolTip("E-mail addresses, phone numbers, card numbers, API keys and tokens, and the "
                               "patterns below")
        how_form.addRow(self.redact)
        self.patterns = QPlainTextEdit(how)
        self.patterns.setObjectName("redactPatterns")
        self.patterns.setPlaceholderText("More patterns to remove, one regular expression a line")
        self.patterns.setTabChangesFocus(True)
        self.patterns.setFixedHeight(self.fontMetrics().lineSpacing() * 3 + 14)
        how_form.addRow("Patterns", self.patterns)
        self.patterns_note = QLabel(how)
        self.patterns_note.setWordWrap(True)
        if self.settings_patterns:
            self.patterns_note.setText(f"and the {len(self.settings_patterns)} patterns of the settings")
        how_form.addRow("", self.patterns_note)
        path_row = QHBoxLayout()
        self.path = QLineEdit(str(store.path.parent / f"eval-cases{EXTENSIONS['jsonl']}"), how)
        self.path.setObjectName("exportPath")
        path_row.addWidget(self.path, 1)
        self.browse = QPushButton("Choose…", how)
        self.browse.clicked.connect(self.choose_path)
        path_row.addWidget(self.browse)
        how_form.addRow("Write to", path_row)
        top.addWidget(how, 2)
        layout.addLayout(top)

        self.count = QLabel(self)
        self.count.setObjectName("exportCount")
        font = self.count.font()
        font.setBold(True)
        self.count.setFont(font)
        layout.addWidget(self.count)
        self.preview = QTreeWidget(self)
        self.preview.setObjectName("exportPreview")
        self.preview.setRootIsDecorated(False)
        self.preview.setUniformRowHeights(True)
        self.preview.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.preview.setHeaderLabels(["Trace", "Question", "Expected answer", "Cause", "Verdict", "Reviewer"])
        header = self.preview.header()
        header.setStretchLastSection(False)
        for column, mode in enumerate((QHeaderView.ResizeMode.ResizeToContents, QHeaderView.ResizeMode.Stretch,
                                       QHeaderView.ResizeMode.Stretch, QHeaderView.ResizeMode.ResizeToContents,
                                       QHeaderView.ResizeMode.ResizeToContents,
                                       QHeaderView.ResizeMode.ResizeToContents)):
            header.setSectionResizeMode(column, mode)
        layout.addWidget(self.preview, 1)

        self.phase = QLabel(self)
        self.phase.setTextFormat(Qt.TextFormat.PlainText)
        self.bar = QProgressBar(self)
        self.bar.setRange(0, 1000)
        self.result = QLabel(self)
        self.result.setObjectName("exportReport")
        self.result.setTextFormat(Qt.TextFormat.PlainText)
        self.result.setWordWrap(True)
        self.result.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        for widget in (self.phase, self.bar, self.result):
            widget.hide()
            layout.addWidget(widget)
        buttons = QDialogButtonBox(self)
        self.copy_button = QPushButton("Copy Path", self)
        self.copy_button.setToolTip("Copy the path of the file written")
        self.copy_button.clicked.connect(lambda: QGuiApplication.clipboard().setText(str(self.report.path)))
        buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.copy_button.hide()  # after the export
        self.export_button = buttons.addButton("Export", QDialogButtonBox.ButtonRole.AcceptRole)
        self.export_button.setDefault(True)
        self.export_button.clicked.connect(self.start)
        self.cancel_button = buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.cancel_button.clicked.connect(self.reject)
        layout.addWidget(buttons)
        self.inputs: list[QWidget] = [which, how]

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(200)
        self._timer.timeout.connect(self.update_count)
        for combo in (self.cause, self.reviewer, self.source):
            combo.currentIndexChanged.connect(self._schedule_count)
        self.format.currentIndexChanged.connect(self._format_changed)
        self.tag.textChanged.connect(self._schedule_count)
        self.redact.toggled.connect(self._schedule_count)
        self.patterns.textChanged.connect(self._schedule_count)
        self.path.textChanged.connect(self._update_export_button)
        self._format_changed()
        self.update_count()

    # -- the choice ------------------------------------------------------------------------------

    def fmt(self) -> str:
        return self.format.currentData()

    def export_filter(self) -> ExportFilter:
        def day_start(edit: QDateEdit, days: int = 0) -> int:
            d = edit.date().toPython() + timedelta(days=days)
            return int(datetime.combine(d, time()).timestamp() * 1e9)

        cause = self.cause.currentData()
        return ExportFilter(
            verdicts=tuple(v for v, box in self.verdict_boxes.items() if box.isChecked()),
            causes=(cause,) if cause else (),
            reviewer=self.reviewer.currentData(),
            tag=" ".join(self.tag.text().split()) or None,
            source=self.source.currentData(),
            since_ns=day_start(self.since) if self.since_box.isChecked() else None,
            until_ns=day_start(self.until, 1) if self.until_box.isChecked() else None,  # the whole day
        )

    def extra_patterns(self) -> list[str]:
        return [line.strip() for line in self.patterns.toPlainText().splitlines() if line.strip()]

    def options(self) -> ExportOptions:
        redact = self.redact.isChecked()
        patterns = (*self.settings_patterns, *self.extra_patterns()) if redact else ()
        return ExportOptions(redact=redact, patterns=tuple(patterns),
                             dataset_name=self.dataset.text().strip() or "tracedesk")

    def _pattern_error(self) -> str | None:
        if not self.redact.isChecked():
            return None
        for pattern in self.extra_patterns():
            try:
                re.compile(pattern)
            except re.error as exc:
                return f"The pattern {pattern!r} is not a regular expression ({exc})."
        return None

    def _verdicts_clicked(self) -> None:
        self._verdicts_touched = True
        self._schedule_count()

    def _format_changed(self) -> None:
        fmt = self.fmt()
        if not self._verdicts_touched:  # the format's default: failures, or every verdict for the table
            wanted = default_verdicts(fmt) or VERDICTS
            for verdict, box in self.verdict_boxes.items():
                box.setChecked(verdict in wanted)
        self.dataset.setVisible(fmt == "langfuse")
        self.dataset_label.setVisible(fmt == "langfuse")
        path = Path(self.path.text().strip()) if self.path.text().strip() else None
        if path is not None and path.suffix.lower() in set(EXTENSIONS.values()):
            self.path.setText(str(path.with_suffix(EXTENSIONS[fmt])))
        self._schedule_count()

    def choose_path(self) -> None:
        fmt = self.fmt()
        ext = EXTENSIONS[fmt]
        path, _ = QFileDialog.getSaveFileName(self, "Export eval cases to", self.path.text(),
                                              f"{FORMAT_LABELS[fmt]} (*{ext});;All files (*)")
        if path:
            self.path.setText(path)

    # -- counting and previewing -----------------------------------------------------------------

    def _schedule_count(self) -> None:
        self._timer.start()

    def update_count(self) -> None:
        """The count of cases and the preview of the first ones, for the filters as they are."""
        self._timer.stop()
        self.cases = 0
        self.preview.clear()
        error = self._pattern_error()
        f = self.export_filter()
        if error:
            self.count.setText(error)
        elif not f.verdicts:
            self.count.setText("Choose at least one verdict.")
        else:
            fmt = self.fmt()
            redactor = Redactor(self.options().patterns) if self.redact.isChecked() else None
            with self.store.read() as conn:
                self.cases = count_cases(conn, f, default_verdicts(fmt))
                first = list(itertools.islice(iter_cases(conn, f, redactor, default_verdicts(fmt)), PREVIEW_CASES))
            noun = "eval case matches" if self.cases == 1 else "eval cases match"
            text = f"{self.cases:,} {noun}"
            if self.cases > len(first):
                text += f"; the first {len(first)} below"
            self.count.setText(text + ("" if self.cases else ": change the filters"))
            for case in first:
                item = QTreeWidgetItem([case.trace_id, _short(case.question), _short(case.expected or "—"),
                                        case.cause or "—", VERDICT_LABELS.get(case.verdict, case.verdict),
                                        case.reviewer])
                item.setToolTip(1, plain_tip(case.question))
                item.setToolTip(2, plain_tip(case.expected or ""))
                if case.expected is None:
                    item.setForeground(2, muted_text(self.palette()))
                self.preview.addTopLevelItem(item)
        self._update_export_button()

    def _update_export_button(self) -> None:
        self.export_button.setEnabled(not self.running and bool(self.path.text().strip())
                                      and self._pattern_error() is None and bool(self.export_filter().verdicts))

    # -- exporting ---------------------------------------------------------------------------------

    @property
    def running(self) -> bool:
        return self._thread is not None and self._thread.isRunning()

    def start(self) -> None:
        if self.running:
            return
        self._timer.stop()
        path = Path(self.path.text().strip()).expanduser()
        self.report, self.error = None, None
        for widget in self.inputs:
            widget.setEnabled(False)
        self.export_button.setEnabled(False)
        self.cancel_button.setText("Cancel")
        self.cancel_button.setEnabled(True)
        self.copy_button.hide()
        self.result.hide()
        self.phase.setText("Starting…")
        self.phase.show()
        self.bar.setValue(0)
        self.bar.show()
        self._redacting = self.redact.isChecked()
        self._thread = QThread(self)
        self._worker = ExportWorker(self.store, self.fmt(), path, self.export_filter(), self.options())
        self._worker.moveToThread(self._thread)
        self._thread.started.connect(self._worker.run)
        self._worker.progressed.connect(self._on_progress)
        self._worker.finished.connect(self._on_finished)
        self._worker.cancelled.connect(self._on_cancelled)
        self._worker.failed.connect(self._on_failed)
        self._thread.start()

    def cancel(self) -> None:
        if self._worker is not None and self.running:
            self.cancel_button.setEnabled(False)
            self.phase.setText("Cancelling…")
            self._worker.cancel()

    def stop(self) -> None:
        """Cancel an export under way and wait for it to end (the window is closing)."""
        if self._worker is not None and self._thread is not None and self.running:
            self._worker.cancel()
            self._thread.quit()
            self._thread.wait()

    def reject(self) -> None:  # Esc, Cancel or the window's close button
        if self.running:
            self.cancel()
            return
        super().reject()

    def _on_progress(self, progress: Progress) -> None:
        if self._worker is not None and not self._worker._stop.is_set():
            self.phase.setText(f"Writing eval cases: {progress.done:,} of {progress.total or 0:,}")
        if progress.fraction is not None:
            self.bar.setValue(round(progress.fraction * 1000))

    def _end(self, message: str) -> None:
        if self._thread is not None:
            self._thread.quit()
            self._thread.wait()
        if self._worker is not None:
            self._worker.deleteLater()
        self._worker = None
        self._thread = None
        for widget in self.inputs:
            widget.setEnabled(True)
        self.bar.hide()
        self.phase.hide()
        self.result.setText(message)
        self.result.show()
        self.cancel_button.setEnabled(True)
        self.cancel_button.setText("Close")
        self._update_export_button()
        self.exported.emit(self.report)

    def _on_finished(self, report: ExportReport) -> None:
        self.report = report
        self.bar.setValue(1000)
        self.copy_button.show()
        self._end(f"{report_text(report, self._redacting)}\nWritten to {report.path}")

    def _on_cancelled(self) -> None:
        self._end("Cancelled: no file was written.")

    def _on_failed(self, message: str) -> None:
        self.error = message
        self._end(f"Not exported: {message}")
