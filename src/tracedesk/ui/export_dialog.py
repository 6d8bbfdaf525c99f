"""File › Export Eval Cases: which reviews (verdict, cause, reviewer, tag, source, the
review's dates), in which format, redacted or not; the count of cases and a preview of
the first ones follow the filters as they change. The export runs in a thread with a
progress bar and Cancel (a cancelled export leaves no file), then the report says how many
cases were written, what redaction removed, and where the file is."""

from __future__ import annotations

import dataclasses
import itertools
import stat
from collections.abc import Callable
from datetime import datetime, time, timedelta
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ..core import views
from ..core.causes import list_causes
from ..core.export import (
    EXPORT_FORMATS,
    EvalCase,
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
from ..core.reviews import reviewers
from ..core.store import Store
from ..core.verdicts import VERDICT_LABELS, VERDICTS
from .background import LatestRunner
from .jobs import JobFormDialog
from .style import muted_text
from .text import one_line, plain_tip
from .widgets import DaysRow, PatternsEdit, bold, cause_combo, choice_combo, debounce, settings_patterns

PREVIEW_CASES = 20


def _short(text: object, width: int = 120) -> str:
    return one_line(str(text), width) if text is not None else ""


def report_text(report: ExportReport, redacting: bool) -> str:
    fmt = EXPORT_FORMATS.get(report.format)
    lines = [f"{report.cases:,} eval case{'s' if report.cases != 1 else ''} written as "
             f"{fmt.label if fmt else report.format}."]
    if report.cases and report.without_expected:
        lines.append(f"{report.without_expected:,} of them have no expected answer.")
    if redacting:
        found = ", ".join(f"{n:,} {kind}" for kind, n in report.redacted.items())
        lines.append(f"Redacted: {found}." if found else "Redaction found nothing to remove.")
    return "\n".join(lines)


class ExportDialog(JobFormDialog):
    """``exported`` carries the report, or None when the export was cancelled or failed
    (``error`` then says why)."""

    exported = Signal(object)
    failed_text = "Not exported: {}"

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("exportDialog")
        self.setWindowTitle("Export eval cases")
        self.resize(980, 720)
        self.store = store
        self.report: ExportReport | None = None
        self.replace_box: QMessageBox | None = None  # asks before an existing file is replaced
        self._confirmed: Path | None = None  # the file the platform's file dialog asked about replacing
        self._verdicts_touched = False
        self.cases = 0  # the cases the filters choose, once counted
        self._counter = LatestRunner(self._counted, self)  # a count for filters changed since is dropped
        self.settings_patterns = settings_patterns()
        with store.read() as conn:
            self.causes = list_causes(conn, include_retired=True)
            sources = views.filter_choices(conn)["sources"]
            names = reviewers(conn)

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
        self.cause = cause_combo(which, self.causes, "A cause takes the causes nested below it")
        form.addRow("Cause", self.cause)
        self.reviewer = choice_combo(which, names)
        form.addRow("Reviewer", self.reviewer)
        self.tag = QLineEdit(which)
        self.tag.setPlaceholderText("a tag of the review or of the trace")
        self.tag.setClearButtonEnabled(True)
        form.addRow("Tag", self.tag)
        self.source = choice_combo(which, sources)
        form.addRow("Source", self.source)
        dates = DaysRow(which, self._schedule_count)
        self.since_box, self.since = dates.since_box, dates.since
        self.until_box, self.until = dates.until_box, dates.until
        form.addRow("Reviewed", dates)
        top.addWidget(which, 3)

        how = QGroupBox("How", self)
        how_form = QFormLayout(how)
        self.format = QComboBox(how)
        for fmt in EXPORT_FORMATS.values():
            self.format.addItem(fmt.label, fmt.name)
        how_form.addRow("Format", self.format)
        self.dataset = QLineEdit("tracedesk", how)
        self.dataset_label = QLabel("Dataset", how)
        how_form.addRow(self.dataset_label, self.dataset)
        self.redact = QCheckBox("Redact personal data and secrets", how)
        self.redact.setToolTip("E-mail addresses, phone numbers, card numbers, API keys and tokens, and the "
                               "patterns below")
        how_form.addRow(self.redact)
        self.patterns = PatternsEdit(how)
        how_form.addRow("Patterns", self.patterns)
        self.patterns_note = QLabel(how)
        self.patterns_note.setWordWrap(True)
        if self.settings_patterns:
            self.patterns_note.setText(f"and the {len(self.settings_patterns)} patterns of the settings")
        how_form.addRow("", self.patterns_note)
        path_row = QHBoxLayout()
        self.path = QLineEdit(str(store.path.parent / f"eval-cases{EXPORT_FORMATS['jsonl'].suffix}"), how)
        self.path.setObjectName("exportPath")
        path_row.addWidget(self.path, 1)
        self.browse = QPushButton("Choose…", how)
        self.browse.clicked.connect(self.choose_path)
        path_row.addWidget(self.browse)
        how_form.addRow("Write to", path_row)
        top.addWidget(how, 2)
        layout.addLayout(top)

        self.count = QLabel(self)
        self.count.setTextFormat(Qt.TextFormat.PlainText)  # errors and patterns shown as they are
        self.count.setObjectName("exportCount")
        bold(self.count)
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

        self.export_button = self.add_job_area(layout, "Export", "exportReport")
        self.inputs = [which, how]

        self._timer = debounce(self, self.update_count)
        for combo in (self.cause, self.reviewer, self.source):
            combo.currentIndexChanged.connect(self._schedule_count)
        self.format.currentIndexChanged.connect(self._format_changed)
        self.tag.textChanged.connect(self._schedule_count)
        self.redact.toggled.connect(self._schedule_count)
        self.patterns.textChanged.connect(self._schedule_count)
        self.path.textChanged.connect(self.update_action)
        self._format_changed()
        self.count_now()

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
        return self.patterns.patterns()

    def options(self) -> ExportOptions:
        redact = self.redact.isChecked()
        patterns = (*self.settings_patterns, *self.extra_patterns()) if redact else ()
        return ExportOptions(redact=redact, patterns=tuple(patterns),
                             dataset_name=self.dataset.text().strip() or "tracedesk")

    def _pattern_error(self) -> str | None:
        return self.patterns.error() if self.redact.isChecked() else None

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
        if path is not None and path.suffix.lower() in {f.suffix for f in EXPORT_FORMATS.values()}:
            self.path.setText(str(path.with_suffix(EXPORT_FORMATS[fmt].suffix)))
        self._schedule_count()

    def choose_path(self) -> None:
        fmt = self.fmt()
        ext = EXPORT_FORMATS[fmt].suffix
        path, _ = QFileDialog.getSaveFileName(self, "Export eval cases to", self.path.text(),
                                              f"{EXPORT_FORMATS[fmt].label} (*{ext});;All files (*)")
        if path:
            self.path.setText(path)
            self._confirmed = Path(path)  # the file dialog asked before choosing a file that exists

    # -- counting and previewing -----------------------------------------------------------------

    def _schedule_count(self) -> None:
        self._timer.start()

    def _reader(self) -> Callable[[], tuple[int, list[EvalCase]]] | None:
        """What reads the count of cases and the first ones for the filters as they are
        (callable from any thread); None when they cannot be counted, the count line then
        saying why."""
        error = self._pattern_error()
        f = self.export_filter()
        if error or not f.verdicts:
            self._show_cases(0, [], error or "Choose at least one verdict.")
            return None
        store, verdicts = self.store, default_verdicts(self.fmt())
        redactor = Redactor(self.options().patterns) if self.redact.isChecked() else None

        def read() -> tuple[int, list[EvalCase]]:
            with store.read() as conn:
                return (count_cases(conn, f, verdicts),
                        list(itertools.islice(iter_cases(conn, f, redactor, verdicts), PREVIEW_CASES)))

        return read

    def count_now(self) -> None:
        """The count of cases and the preview, read at once: the dialog opens with them."""
        self._timer.stop()
        self._counter.cancel()
        read = self._reader()
        if read is not None:
            self._show_cases(*read())
        self.update_action()

    def update_count(self) -> None:
        """The count of cases and the preview of the first ones, for the filters as they
        are, read in the background (building and redacting the preview takes a moment on
        a big database); what is shown stays until the new ones come."""
        self._timer.stop()
        read = self._reader()
        if read is None:  # said why at once; a count under way is for filters changed since
            self._counter.cancel()
        else:
            self.count.setText("Counting the eval cases…")
            self._counter.run(read)
        self.update_action()

    def _counted(self, result: tuple[int, list[EvalCase]] | None, error: Exception | None) -> None:
        if error is not None:
            self.count.setText(f"The eval cases could not be counted: {error}")
            return
        cases, first = result  # type: ignore[misc]
        self._show_cases(cases, first)

    def _show_cases(self, cases: int, first: list[EvalCase], problem: str | None = None) -> None:
        """The count line and the preview: ``cases`` counted and the first of them, or
        the ``problem`` that kept them from being counted."""
        self.cases = cases
        self.preview.clear()
        if problem is not None:
            self.count.setText(problem)
            return
        noun = "eval case matches" if cases == 1 else "eval cases match"
        text = f"{cases:,} {noun}"
        if cases > len(first):
            text += f"; the first {len(first)} below"
        self.count.setText(text + ("" if cases else ": change the filters"))
        for case in first:
            item = QTreeWidgetItem([case.trace_id, _short(case.question), _short(case.expected or "—"),
                                    case.cause or "—", VERDICT_LABELS.get(case.verdict, case.verdict),
                                    case.reviewer])
            item.setToolTip(1, plain_tip(case.question))
            item.setToolTip(2, plain_tip(case.expected or ""))
            if case.expected is None:
                item.setForeground(2, muted_text(self.palette()))
            self.preview.addTopLevelItem(item)

    def update_action(self) -> None:
        self.export_button.setEnabled(not self.running and bool(self.path.text().strip())
                                      and self._pattern_error() is None and bool(self.export_filter().verdicts))

    # -- exporting ---------------------------------------------------------------------------------

    def start(self) -> None:
        if self.running:
            return
        self._timer.stop()
        path = Path(self.path.text().strip()).expanduser()
        if _regular_file(path) and path != self._confirmed:
            self._ask_to_replace(path)
            return
        self._export(path, overwrite=_regular_file(path))

    def _ask_to_replace(self, path: Path) -> None:
        box = QMessageBox(QMessageBox.Icon.Question, "Replace the file?",
                          f"{path} exists already. Replace it with the eval cases?",
                          QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, self)
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setDefaultButton(QMessageBox.StandardButton.No)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.replace_box = box

        def answered() -> None:
            self.replace_box = None
            if box.standardButton(box.clickedButton()) == QMessageBox.StandardButton.Yes:
                self._export(path, overwrite=True)

        box.finished.connect(answered)
        box.open()

    def _export(self, path: Path, overwrite: bool) -> None:
        self._redacting = self.redact.isChecked()
        store, fmt, f = self.store, self.fmt(), self.export_filter()
        options = dataclasses.replace(self.options(), overwrite=overwrite)

        def work(progress):
            with store.read() as conn:
                return export_cases(conn, fmt, path, f, options, progress=progress)

        self.run_job(work, "export")

    def phase_text(self, progress: Progress) -> str:
        return f"Writing eval cases: {progress.done:,} of {progress.total or 0:,}"

    def finished_text(self, report: ExportReport) -> str:
        return f"{report_text(report, self._redacting)}\nWritten to {report.path}"

    def job_ended(self, report: ExportReport | None) -> None:
        self.exported.emit(report)


def _regular_file(path: Path) -> bool:
    """Whether ``path`` is an existing regular file (not a link, a device or a folder)."""
    try:
        return stat.S_ISREG(path.lstat().st_mode)
    except OSError:
        return False
