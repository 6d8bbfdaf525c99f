"""Teamwork between review databases, in the window: File › Share Reviews (part of this
database written as a database of its own, for another reviewer, with or without the
reviews, redacted or not) and File › Merge Databases (other reviewers' databases brought
into this one). Both run in a thread with a progress bar and Cancel, which leaves
everything as it was (no file written, nothing merged); then a report says what was done.

The work is :func:`tracedesk.core.share.share_database` and
:func:`tracedesk.core.merge.merge_databases`; this module only asks and shows.
"""

from __future__ import annotations

import re
import threading
import traceback
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import QDate, QObject, Qt, QThread, QTimer, Signal, Slot
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QButtonGroup,
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
    QRadioButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ..core import views
from ..core.causes import list_causes
from ..core.errors import Cancelled, UserError
from ..core.merge import MergeReport, merge_databases
from ..core.progress import Progress
from ..core.reviews import VERDICT_LABELS, VERDICTS
from ..core.settings import load_settings
from ..core.share import ShareFilter, ShareOptions, ShareReport, selected_traces, share_database
from ..core.store import SCHEMA_VERSION, Store
from .background import run_in_background
from .date_range import days_ns
from .style import monospace_font, muted_text

SHARE_SUFFIX = ".tracedesk"
DATABASE_FILES = "Review databases (*.tracedesk *.sqlite *.db);;All files (*)"
ANY = "(any)"
KINDS = (("traces", "Traces"), ("spans", "Steps"), ("feedback", "Feedback"), ("causes", "Causes"),
         ("reviews", "Reviews"), ("settlements", "Settled answers"))


class JobWorker(QObject):
    """Runs ``work(progress)`` in the thread it is moved to; Cancel makes the next progress
    report raise :class:`Cancelled` (core then rolls back)."""

    progressed = Signal(object)  # Progress
    finished = Signal(object)  # what work returned
    cancelled = Signal()
    failed = Signal(str)

    def __init__(self, work: Callable[[Callable[[Progress], None]], Any], what: str) -> None:
        super().__init__()
        self.work = work
        self.what = what
        self._stop = threading.Event()

    def cancel(self) -> None:
        self._stop.set()

    @property
    def stopping(self) -> bool:
        return self._stop.is_set()

    def _progress(self, progress: Progress) -> None:
        if self._stop.is_set() and not progress.final:  # the last report: written, too late to cancel
            raise Cancelled()
        self.progressed.emit(progress)

    @Slot()
    def run(self) -> None:
        try:
            result = self.work(self._progress)
        except Cancelled:
            self.cancelled.emit()
        except (UserError, OSError) as exc:
            self.failed.emit(str(exc))
        except Exception as exc:  # a bug: say so rather than leave the dialog waiting
            traceback.print_exc()
            self.failed.emit(f"The {self.what} stopped on an unexpected error: {exc!r}")
        else:
            self.finished.emit(result)


class Job(QObject):
    """A :class:`JobWorker` in a thread of its own, ended cleanly whatever happens."""

    progressed = Signal(object)
    ended = Signal(object, object, bool)  # result or None, error message or None, cancelled

    def __init__(self, work: Callable[[Callable[[Progress], None]], Any], what: str,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._thread = QThread(self)
        self._worker = JobWorker(work, what)
        self._worker.moveToThread(self._thread)
        self._thread.started.connect(self._worker.run)
        self._worker.progressed.connect(self.progressed)
        # Slots of this object (which lives in the GUI thread), so the end is handled there.
        self._worker.finished.connect(self._finished)
        self._worker.cancelled.connect(self._cancelled)
        self._worker.failed.connect(self._failed)

    def start(self) -> None:
        self._thread.start()

    @property
    def running(self) -> bool:
        return self._thread.isRunning()

    @property
    def stopping(self) -> bool:
        return self._worker.stopping

    def cancel(self) -> None:
        self._worker.cancel()

    def stop(self) -> None:
        """Cancel and wait for the thread (the window is closing)."""
        if self.running:
            self._worker.cancel()
            self._thread.quit()
            self._thread.wait()

    @Slot(object)
    def _finished(self, result: Any) -> None:
        self._end(result, None, False)

    @Slot()
    def _cancelled(self) -> None:
        self._end(None, None, True)

    @Slot(str)
    def _failed(self, message: str) -> None:
        self._end(None, message, False)

    def _end(self, result: Any, error: str | None, cancelled: bool) -> None:
        self._thread.quit()
        self._thread.wait()
        self._worker.deleteLater()
        self.ended.emit(result, error, cancelled)


def _muted(label: QLabel) -> QLabel:
    palette = label.palette()
    palette.setColor(label.foregroundRole(), muted_text(palette))
    label.setPalette(palette)
    return label


def default_share_path(store: Store, today: date | None = None) -> Path:
    """``<database>-share-<date>.tracedesk`` beside the database, numbered if it exists."""
    today = today or date.today()
    base = f"{store.path.stem}-share-{today:%Y-%m-%d}"
    path = store.path.parent / f"{base}{SHARE_SUFFIX}"
    number = 2
    while path.exists():
        path = store.path.parent / f"{base}-{number}{SHARE_SUFFIX}"
        number += 1
    return path


# Sharing. ----------------------------------------------------------------------------------------


def share_report_text(report: ShareReport, options: ShareOptions) -> str:
    lines = [f"{report.traces:,} traces, {report.spans:,} steps and {report.feedback:,} feedback written"
             + (f", with {report.reviews:,} reviews and {report.settlements:,} settled answers."
                if options.reviews else ", without reviews (for a blind second review).")]
    lines.append(f"The cause taxonomy ({report.causes:,} causes) and {report.audit_entries:,} history entries "
                 "came along.")
    if options.redact:
        found = ", ".join(f"{n:,} {kind}" for kind, n in report.redacted.items())
        lines.append(f"Redacted: {found}." if found else "Redaction found nothing to remove.")
    lines.append(f"Written to {report.path}")
    lines.append("Any copy of Tracedesk opens it; bring the other reviewer's work back with File › Merge "
                 "Databases.")
    return "\n".join(lines)


class ShareDialog(QDialog):
    """File › Share Reviews. ``shared`` carries the report, or None when the share was
    cancelled or failed (``error`` then says why)."""

    shared = Signal(object)

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("shareDialog")
        self.setWindowTitle("Share reviews")
        self.store = store
        self.report: ShareReport | None = None
        self.error: str | None = None
        self.matching: int | None = None  # traces the filters choose, once counted
        self.job: Job | None = None
        self._generation = 0
        try:
            self.settings_patterns = list(load_settings().redact_patterns)
        except UserError:
            self.settings_patterns = []
        with store.read() as conn:
            choices = views.filter_choices(conn)
            reviewers = [r for (r,) in conn.exec_driver_sql("SELECT DISTINCT reviewer FROM review ORDER BY reviewer")]
            tags = [t for (t,) in conn.exec_driver_sql(
                "SELECT DISTINCT j.value FROM review r, json_each(r.tags) j ORDER BY 1 LIMIT 200")]
            self.causes = list_causes(conn, include_retired=True)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 14, 16, 12)
        layout.setSpacing(10)
        intro = _muted(QLabel("Write the traces chosen below as a review database of their own, for another "
                              "reviewer to open in Tracedesk. Merge their copy back later with File › Merge "
                              "Databases.", self))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        top = QHBoxLayout()
        top.setSpacing(12)

        which = QGroupBox("Which traces", self)
        form = QFormLayout(which)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.source = self._combo(which, choices["sources"])
        form.addRow("Source", self.source)
        self.model = self._combo(which, choices["models"])
        form.addRow("Model", self.model)
        self.prompt_version = self._combo(which, choices["prompt_versions"])
        form.addRow("Prompt version", self.prompt_version)
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
        form.addRow("Started", dates)
        self.tag = QComboBox(which)
        self.tag.setEditable(True)
        self.tag.addItem("")
        self.tag.addItems(tags)
        self.tag.lineEdit().setPlaceholderText("a tag of the trace or of one of its reviews")
        self.tag.lineEdit().setClearButtonEnabled(True)
        form.addRow("Tag", self.tag)
        self.reviewed_only = QCheckBox("Only traces someone reviewed", which)
        form.addRow("Reviewed", self.reviewed_only)
        verdict_row = QHBoxLayout()
        self.verdict_boxes: dict[str, QCheckBox] = {}
        for verdict in VERDICTS:
            box = QCheckBox(VERDICT_LABELS[verdict], which)
            box.setToolTip("Traces with a review of this verdict (none ticked: any)")
            box.toggled.connect(self._schedule_count)
            self.verdict_boxes[verdict] = box
            verdict_row.addWidget(box)
        verdict_row.addStretch(1)
        form.addRow("Verdict", verdict_row)
        self.reviewer = self._combo(which, reviewers)
        self.reviewer.setToolTip("Traces this reviewer reviewed")
        form.addRow("Reviewer", self.reviewer)
        self.cause = QComboBox(which)
        self.cause.addItem(ANY, None)
        for cause in self.causes:
            self.cause.addItem("    " * cause.depth + cause.name + (" (retired)" if cause.retired else ""), cause.uuid)
        self.cause.setToolTip("Traces with a review of this cause, or of one nested below it")
        self.cause.currentIndexChanged.connect(self._schedule_count)
        form.addRow("Cause", self.cause)
        top.addWidget(which, 3)

        how = QGroupBox("What the copy holds", self)
        how_layout = QVBoxLayout(how)
        self.with_reviews = QRadioButton("With the reviews and settled answers", how)
        self.with_reviews.setToolTip("Everything reviewers said about these traces, with its history")
        self.without_reviews = QRadioButton("Without reviews, for a second reviewer", how)
        self.without_reviews.setToolTip("A blind second review: the copy's queue holds every trace chosen, and "
                                        "nobody's verdict is in it")
        self.with_reviews.setChecked(True)
        self.reviews_group = QButtonGroup(self)
        for button in (self.with_reviews, self.without_reviews):
            self.reviews_group.addButton(button)
            how_layout.addWidget(button)
        how_layout.addSpacing(6)
        self.redact = QCheckBox("Redact personal data and secrets", how)
        self.redact.setToolTip("E-mail addresses, phone numbers, card numbers, API keys and tokens, and the "
                               "patterns below; from the search index and the history too")
        how_layout.addWidget(self.redact)
        self.patterns = QPlainTextEdit(how)
        self.patterns.setObjectName("redactPatterns")
        self.patterns.setPlaceholderText("More patterns to remove, one regular expression a line")
        self.patterns.setTabChangesFocus(True)
        self.patterns.setFixedHeight(self.fontMetrics().lineSpacing() * 3 + 14)
        self.patterns.setEnabled(False)
        self.redact.toggled.connect(self.patterns.setEnabled)
        how_layout.addWidget(self.patterns)
        if self.settings_patterns:
            how_layout.addWidget(_muted(QLabel(f"and the {len(self.settings_patterns)} patterns of the settings",
                                               how)))
        how_layout.addStretch(1)
        top.addWidget(how, 2)
        layout.addLayout(top)
        path_row = QHBoxLayout()
        path_row.addWidget(QLabel("Write to", self))
        self.path = QLineEdit(str(default_share_path(store)), self)
        self.path.setObjectName("sharePath")
        self.path.setToolTip("A new file: sharing never overwrites one")
        path_row.addWidget(self.path, 1)
        self.browse = QPushButton("Choose…", self)
        self.browse.setAutoDefault(False)
        self.browse.clicked.connect(self.choose_path)
        path_row.addWidget(self.browse)
        layout.addLayout(path_row)

        self.count = QLabel(self)
        self.count.setObjectName("shareCount")
        self.count.setTextFormat(Qt.TextFormat.PlainText)
        font = self.count.font()
        font.setBold(True)
        self.count.setFont(font)
        layout.addWidget(self.count)
        self.phase = QLabel(self)
        self.phase.setTextFormat(Qt.TextFormat.PlainText)
        self.bar = QProgressBar(self)
        self.bar.setRange(0, 1000)
        self.result = QLabel(self)
        self.result.setObjectName("shareReport")
        self.result.setTextFormat(Qt.TextFormat.PlainText)
        self.result.setWordWrap(True)
        self.result.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        for widget in (self.phase, self.bar, self.result):
            widget.hide()
            layout.addWidget(widget)
        buttons = QDialogButtonBox(self)
        self.copy_button = QPushButton("Copy Path", self)
        self.copy_button.setToolTip("Copy the path of the file written")
        self.copy_button.clicked.connect(self.copy_path)
        buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.copy_button.hide()
        self.share_button = buttons.addButton("Share", QDialogButtonBox.ButtonRole.AcceptRole)
        self.share_button.setDefault(True)
        self.share_button.clicked.connect(self.start)
        self.cancel_button = buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.cancel_button.clicked.connect(self.reject)
        layout.addWidget(buttons)
        self.inputs: list[QWidget] = [which, how, self.path, self.browse]
        self.resize(880, self.sizeHint().height() + 20)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(200)
        self._timer.timeout.connect(self.update_count)
        for combo in (self.source, self.model, self.prompt_version, self.reviewer):
            combo.currentIndexChanged.connect(self._schedule_count)
        self.tag.currentTextChanged.connect(self._schedule_count)
        self.reviewed_only.toggled.connect(self._schedule_count)
        self.redact.toggled.connect(self._update_share_button)
        self.patterns.textChanged.connect(self._update_share_button)
        self.path.textChanged.connect(self._update_share_button)
        self.update_count()

    def _combo(self, parent: QWidget, values: list[str]) -> QComboBox:
        combo = QComboBox(parent)
        combo.addItem(ANY, None)
        for value in values:
            combo.addItem(value, value)
        return combo

    # -- the choice ---------------------------------------------------------------------------------

    def share_filter(self) -> ShareFilter:
        since = until = None
        if self.since_box.isChecked() or self.until_box.isChecked():
            first, last = days_ns(self.since.date(), self.until.date())
            since = first if self.since_box.isChecked() else None
            until = last if self.until_box.isChecked() else None
        cause = self.cause.currentData()
        return ShareFilter(
            source=self.source.currentData(), model=self.model.currentData(),
            prompt_version=self.prompt_version.currentData(), since_ns=since, until_ns=until,
            tag=" ".join(self.tag.currentText().split()) or None, reviewed_only=self.reviewed_only.isChecked(),
            verdicts=tuple(v for v, box in self.verdict_boxes.items() if box.isChecked()),
            reviewer=self.reviewer.currentData(), causes=(cause,) if cause else ())

    def extra_patterns(self) -> list[str]:
        return [line.strip() for line in self.patterns.toPlainText().splitlines() if line.strip()]

    def options(self) -> ShareOptions:
        redact = self.redact.isChecked()
        patterns = (*self.settings_patterns, *self.extra_patterns()) if redact else ()
        return ShareOptions(redact=redact, patterns=tuple(patterns), reviews=self.with_reviews.isChecked())

    def target(self) -> Path:
        return Path(self.path.text().strip()).expanduser()

    def _problem(self) -> str | None:
        """Why the share cannot start as things are, or None."""
        if self.redact.isChecked():
            for pattern in self.extra_patterns():
                try:
                    re.compile(pattern)
                except re.error as exc:
                    return f"The pattern {pattern!r} is not a regular expression ({exc})."
        if not self.path.text().strip():
            return "Choose the file to write."
        if self.target().exists():
            return f"{self.target().name} exists already: choose a new file name (sharing never overwrites a file)."
        if self.matching == 0:
            return "No trace matches: change the filters."
        return None

    def choose_path(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, "Share to", self.path.text(),
                                              f"Review databases (*{SHARE_SUFFIX});;All files (*)")
        if path:
            if not Path(path).suffix:
                path += SHARE_SUFFIX
            self.path.setText(path)

    def copy_path(self) -> None:
        if self.report is not None:
            QGuiApplication.clipboard().setText(str(self.report.path))

    # -- counting ------------------------------------------------------------------------------------

    def _schedule_count(self) -> None:
        self._timer.start()

    def update_count(self) -> None:
        """Count the traces the filters choose, in the background."""
        self._timer.stop()
        self._generation += 1
        generation, store, f = self._generation, self.store, self.share_filter()
        self.matching = None
        self.count.setText("Counting the traces…")
        self._update_share_button()

        def count() -> tuple[int, int]:
            with store.read() as conn:
                return generation, len(selected_traces(conn, f))

        run_in_background(count, self._counted)

    @Slot(object, object)
    def _counted(self, result: tuple[int, int] | None, error: Exception | None) -> None:
        if error is not None:
            self.count.setText(f"The traces could not be counted: {error}")
            return
        generation, n = result  # type: ignore[misc]
        if generation != self._generation:
            return  # the filters changed since
        self.matching = n
        self.count.setText(f"{n:,} trace{'s' if n != 1 else ''} to share" if n else "No trace matches")
        self._update_share_button()

    def _update_share_button(self) -> None:
        problem = self._problem()
        self.share_button.setEnabled(not self.running and problem is None and self.matching is not None)
        if problem and self.matching is not None and not self.running:
            self.count.setText(problem if self.matching == 0 else
                               f"{self.matching:,} trace{'s' if self.matching != 1 else ''} to share. {problem}")
        elif self.matching:
            self.count.setText(f"{self.matching:,} trace{'s' if self.matching != 1 else ''} to share")

    # -- sharing ------------------------------------------------------------------------------------

    @property
    def running(self) -> bool:
        return self.job is not None and self.job.running

    def start(self) -> None:
        if self.running or self._problem() is not None:
            return
        store, out, f, options = self.store, self.target(), self.share_filter(), self.options()
        self._options = options
        self.report, self.error = None, None
        for widget in self.inputs:
            widget.setEnabled(False)
        self.share_button.setEnabled(False)
        self.cancel_button.setText("Cancel")
        self.copy_button.hide()
        self.result.hide()
        self.phase.setText("Starting…")
        self.phase.show()
        self.bar.setValue(0)
        self.bar.show()
        self.job = Job(lambda progress: share_database(store, out, f, options, progress), "share", self)
        self.job.progressed.connect(self._on_progress)
        self.job.ended.connect(self._on_ended)
        self.job.start()

    def cancel(self) -> None:
        if self.job is not None and self.running:
            self.cancel_button.setEnabled(False)
            self.phase.setText("Cancelling: removing what was written…")
            self.job.cancel()

    def stop(self) -> None:
        if self.job is not None:
            self.job.stop()

    def reject(self) -> None:  # Esc, Cancel or the window's close button
        if self.running:
            self.cancel()
            return
        super().reject()

    def _on_progress(self, progress: Progress) -> None:
        if self.job is not None and not self.job.stopping:
            self.phase.setText(progress.phase)
        if progress.fraction is not None:
            self.bar.setValue(round(progress.fraction * 1000))

    def _on_ended(self, report: ShareReport | None, error: str | None, cancelled: bool) -> None:
        self.job = None
        for widget in self.inputs:
            widget.setEnabled(True)
        self.bar.hide()
        self.phase.hide()
        self.cancel_button.setEnabled(True)
        self.cancel_button.setText("Close")
        if report is not None:
            self.report = report
            self.copy_button.show()
            self.result.setText(share_report_text(report, self._options))
            self.path.setText(str(default_share_path(self.store)))  # sharing again needs a new name
        elif cancelled:
            self.result.setText("Cancelled: no file was written.")
        else:
            self.error = error
            self.result.setText(f"Not shared: {error}")
        self.result.show()
        self._update_share_button()
        self.shared.emit(report)


# Merging. ----------------------------------------------------------------------------------------


def _names(paths: list[Path]) -> str:
    return ", ".join(p.name for p in paths[:3]) + (f" and {len(paths) - 3} more" if len(paths) > 3 else "")


class MergeDialog(QDialog):
    """Progress of one merge. ``done`` carries the report, or None when it was cancelled
    (``was_cancelled``) or failed (``error``)."""

    done = Signal(object)

    def __init__(self, store: Store, paths: list[Path], author: str | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Merging")
        self.setObjectName("mergeDialog")
        self.setModal(True)
        self.setMinimumWidth(500)
        self.paths = paths
        self.report: MergeReport | None = None
        self.error: str | None = None
        self.was_cancelled = False
        layout = QVBoxLayout(self)
        layout.setContentsMargins(18, 16, 18, 14)
        layout.setSpacing(8)
        what = QLabel(f"Merging {_names(paths)} into {store.path.name}", self)
        what.setTextFormat(Qt.TextFormat.PlainText)
        what.setWordWrap(True)
        font = what.font()
        font.setBold(True)
        what.setFont(font)
        layout.addWidget(what)
        self.phase = QLabel("Starting…", self)
        self.phase.setTextFormat(Qt.TextFormat.PlainText)
        layout.addWidget(self.phase)
        self.bar = QProgressBar(self)
        self.bar.setRange(0, 0)
        layout.addWidget(self.bar)
        note = _muted(QLabel("All in one transaction: Cancel leaves this database as it was.", self))
        layout.addWidget(note)
        buttons = QDialogButtonBox(self)
        self.cancel_button = buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.cancel_button.setToolTip("Stop the merge: nothing of it is kept")
        self.cancel_button.clicked.connect(self.cancel)
        layout.addWidget(buttons)
        self.job = Job(lambda progress: merge_databases(store, paths, author=author, progress=progress), "merge", self)
        self.job.progressed.connect(self._on_progress)
        self.job.ended.connect(self._on_ended)

    def start(self) -> None:
        self.open()
        self.job.start()

    @property
    def running(self) -> bool:
        return self.job.running

    def cancel(self) -> None:
        if self.was_cancelled or not self.running:
            return
        self.was_cancelled = True
        self.cancel_button.setEnabled(False)
        self.phase.setText("Cancelling: rolling back…")
        self.job.cancel()

    def stop(self) -> None:
        self.job.stop()

    def reject(self) -> None:  # Esc or the window's close button
        self.cancel()

    def _on_progress(self, progress: Progress) -> None:
        if not self.was_cancelled:
            self.phase.setText(progress.phase)
        if progress.fraction is not None:
            self.bar.setRange(0, 1000)
            self.bar.setValue(round(progress.fraction * 1000))

    def _on_ended(self, report: MergeReport | None, error: str | None, cancelled: bool) -> None:
        self.report, self.error = report, error
        self.was_cancelled = cancelled
        self.done.emit(report)
        self.accept()


def merge_report_text(report: MergeReport) -> str:
    """The report as plain text a user can copy into a message."""
    lines = []
    for source in report.sources:
        older = (f" (schema {source.schema}, read through an upgraded copy)" if source.schema != SCHEMA_VERSION
                 else "")
        lines.append(f"{source.path}{older}")
        for name, label in KINDS:
            t = getattr(source, name)
            lines.append(f"  {label + ':':<17} {t.added:,} added, {t.updated:,} updated, {t.unchanged:,} unchanged, "
                         f"{t.conflicts:,} conflicts")
        for c in source.conflicts:
            kept = "the version here" if c.kept == "here" else "the merged database's"
            lines.append(f"  conflict: {c.label} was changed on both sides; kept {kept} (the newer), the other is "
                         "in the history (undo the merge entry to take it)")
        lines.extend(f"  note: {warning}" for warning in source.warnings)
    lines.append(f"Signals and queue places computed again for {report.traces_recomputed:,} traces.")
    if not report.changed:
        lines.append("Nothing new: this database already held everything.")
    return "\n".join(lines)


class MergeReportDialog(QDialog):
    """What a merge brought: a table of added / updated / unchanged / conflicts per kind,
    and the conflicts and warnings as text that can be copied."""

    def __init__(self, report: MergeReport, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("mergeReportDialog")
        self.setWindowTitle("Merge report")
        self.resize(760, 520)
        self.report = report
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 14, 16, 12)
        layout.setSpacing(8)
        reviews, traces = report.total("reviews"), report.total("traces")
        conflicts = sum(len(s.conflicts) for s in report.sources)
        warnings = sum(len(s.warnings) for s in report.sources)
        if report.changed:
            summary = (f"Merged {len(report.sources)} database{'s' if len(report.sources) != 1 else ''}: "
                       f"{traces.added:,} new traces and {reviews.added:,} new reviews.")
        else:
            summary = "Nothing new: this database already held everything."
        if conflicts:
            summary += (f" {conflicts:,} changed on both sides: the newer version was kept, the other is in the "
                        "history (Edit › History; undo the merge entry to take it).")
        self.summary = QLabel(summary, self)
        self.summary.setObjectName("mergeSummary")
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.summary.setWordWrap(True)
        font = self.summary.font()
        font.setBold(True)
        self.summary.setFont(font)
        layout.addWidget(self.summary)
        self.table = QTreeWidget(self)
        self.table.setObjectName("mergeCounts")
        self.table.setRootIsDecorated(False)
        self.table.setUniformRowHeights(True)
        self.table.setSelectionMode(QTreeWidget.SelectionMode.NoSelection)
        self.table.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.table.setHeaderLabels(["", "Added", "Updated", "Unchanged", "Conflicts"])
        header = self.table.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in range(1, 5):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        for name, label in KINDS:
            t = report.total(name)
            item = QTreeWidgetItem([label, f"{t.added:,}", f"{t.updated:,}", f"{t.unchanged:,}", f"{t.conflicts:,}"])
            for column in range(1, 5):
                item.setTextAlignment(column, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.table.addTopLevelItem(item)
        self.table.setFixedHeight(self.table.sizeHintForRow(0) * len(KINDS) + header.sizeHint().height()
                                  + 2 * self.table.frameWidth() + 4)
        layout.addWidget(self.table)
        detail = QLabel(f"Conflicts ({conflicts:,}), notes ({warnings:,}) and each database's counts", self)
        layout.addWidget(_muted(detail))
        self.text = QPlainTextEdit(self)
        self.text.setObjectName("mergeReportText")
        self.text.setReadOnly(True)
        self.text.setFont(monospace_font())
        self.text.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.text.setPlainText(merge_report_text(report))
        layout.addWidget(self.text, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.copy_button = QPushButton("Copy", self)
        self.copy_button.setToolTip("Copy the whole report to the clipboard")
        buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.copy_button.clicked.connect(self.copy)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def counts(self) -> dict[str, tuple[int, int, int, int]]:
        """What the table shows: ``{label: (added, updated, unchanged, conflicts)}``."""
        out = {}
        for row in range(self.table.topLevelItemCount()):
            item = self.table.topLevelItem(row)
            out[item.text(0)] = tuple(int(item.text(c).replace(",", "")) for c in range(1, 5))
        return out

    def copy(self) -> None:
        QGuiApplication.clipboard().setText(self.summary.text() + "\n\n" + self.text.toPlainText())
