"""Teamwork between review databases, in the window: File › Share Reviews (part of this
database written as a database of its own, for another reviewer, with or without the
reviews, redacted or not) and File › Merge Databases (other reviewers' databases brought
into this one). Both run in a thread with a progress bar and Cancel, which leaves
everything as it was (no file written, nothing merged); then a report says what was done.

The work is :func:`tracedesk.core.share.share_database` and
:func:`tracedesk.core.merge.merge_databases`; this module only asks and shows.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ..core import reviews, views
from ..core.causes import list_causes
from ..core.store import SCHEMA_VERSION, Store
from ..core.text import counted
from ..core.verdicts import VERDICT_LABELS, VERDICTS
from .background import LatestRunner
from .date_range import days_ns
from .jobs import JobFormDialog, ProgressDialog
from .widgets import (
    DaysRow,
    PatternsEdit,
    ReportDialog,
    bold,
    cause_combo,
    choice_combo,
    debounce,
    muted,
    plain_label,
    settings_patterns,
)

# Merging and sharing (and the importer they use) load when a dialog runs them, not with the window.
if TYPE_CHECKING:
    from ..core.merge import MergeReport
    from ..core.share import ShareFilter, ShareOptions, ShareReport

SHARE_SUFFIX = ".tracedesk"
DATABASE_FILES = "Review databases (*.tracedesk *.sqlite *.db);;All files (*)"
KINDS = (("traces", "Traces"), ("spans", "Steps"), ("feedback", "Feedback"), ("causes", "Causes"),
         ("reviews", "Reviews"), ("settlements", "Settled answers"))


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
    lines = [f"{counted(report.traces, 'trace')}, {counted(report.spans, 'step')} and {report.feedback:,} feedback "
             "written"
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


class ShareDialog(JobFormDialog):
    """File › Share Reviews. ``shared`` carries the report, or None when the share was
    cancelled or failed (``error`` then says why)."""

    shared = Signal(object)
    failed_text = "Not shared: {}"
    cancelling = "Cancelling: removing what was written…"

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("shareDialog")
        self.setWindowTitle("Share reviews")
        self.store = store
        self.report: ShareReport | None = None
        self.matching: int | None = None  # traces the filters choose, once counted
        self._counter = LatestRunner(self._counted, self)  # a count for filters changed since is dropped
        self.settings_patterns = settings_patterns()
        with store.read() as conn:
            choices = views.filter_choices(conn)
            reviewers = reviews.reviewers(conn)
            tags = reviews.review_tags(conn)
            self.causes = list_causes(conn, include_retired=True)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 14, 16, 12)
        layout.setSpacing(10)
        intro = muted(QLabel("Write the traces chosen below as a review database of their own, for another "
                             "reviewer to open in Tracedesk. Merge their copy back later with File › Merge "
                             "Databases.", self))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        top = QHBoxLayout()
        top.setSpacing(12)

        which = QGroupBox("Which traces", self)
        form = QFormLayout(which)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.source = choice_combo(which, choices["sources"])
        form.addRow("Source", self.source)
        self.model = choice_combo(which, choices["models"])
        form.addRow("Model", self.model)
        self.prompt_version = choice_combo(which, choices["prompt_versions"])
        form.addRow("Prompt version", self.prompt_version)
        dates = DaysRow(which, self._schedule_count)
        self.since_box, self.since = dates.since_box, dates.since
        self.until_box, self.until = dates.until_box, dates.until
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
        self.reviewer = choice_combo(which, reviewers)
        self.reviewer.setToolTip("Traces this reviewer reviewed")
        form.addRow("Reviewer", self.reviewer)
        self.cause = cause_combo(which, self.causes, "Traces with a review of this cause, or of one nested below it")
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
        self.patterns = PatternsEdit(how)
        self.patterns.setEnabled(False)
        self.redact.toggled.connect(self.patterns.setEnabled)
        how_layout.addWidget(self.patterns)
        if self.settings_patterns:
            how_layout.addWidget(muted(QLabel(f"and the {len(self.settings_patterns)} patterns of the settings",
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

        self.count = bold(plain_label("", self))
        self.count.setObjectName("shareCount")
        layout.addWidget(self.count)
        self.share_button = self.add_job_area(layout, "Share", "shareReport")
        self.inputs = [which, how, self.path, self.browse]
        self.resize(880, self.sizeHint().height() + 20)

        self._timer = debounce(self, self.update_count)
        for combo in (self.source, self.model, self.prompt_version, self.reviewer):
            combo.currentIndexChanged.connect(self._schedule_count)
        self.tag.currentTextChanged.connect(self._schedule_count)
        self.reviewed_only.toggled.connect(self._schedule_count)
        self.redact.toggled.connect(self.update_action)
        self.patterns.textChanged.connect(self.update_action)
        self.path.textChanged.connect(self.update_action)
        self.update_count()

    # -- the choice ---------------------------------------------------------------------------------

    def share_filter(self) -> ShareFilter:
        from ..core.share import ShareFilter

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
        return self.patterns.patterns()

    def options(self) -> ShareOptions:
        from ..core.share import ShareOptions

        redact = self.redact.isChecked()
        patterns = (*self.settings_patterns, *self.extra_patterns()) if redact else ()
        return ShareOptions(redact=redact, patterns=tuple(patterns), reviews=self.with_reviews.isChecked())

    def target(self) -> Path:
        return Path(self.path.text().strip()).expanduser()

    def _problem(self) -> str | None:
        """Why the share cannot start as things are, or None."""
        error = self.patterns.error() if self.redact.isChecked() else None
        if error:
            return error
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

    # -- counting ------------------------------------------------------------------------------------

    def _schedule_count(self) -> None:
        self._timer.start()

    def update_count(self) -> None:
        """Count the traces the filters choose, in the background."""
        self._timer.stop()
        store, f = self.store, self.share_filter()
        self.matching = None
        self.count.setText("Counting the traces…")
        self.update_action()

        def count() -> int:
            from ..core.share import selected_traces

            with store.read() as conn:
                return len(selected_traces(conn, f))

        self._counter.run(count)

    def _counted(self, n: int | None, error: Exception | None) -> None:
        if error is not None:
            self.count.setText(f"The traces could not be counted: {error}")
            return
        assert n is not None
        self.matching = n
        self.count.setText(f"{n:,} trace{'s' if n != 1 else ''} to share" if n else "No trace matches")
        self.update_action()

    def update_action(self) -> None:
        problem = self._problem()
        self.share_button.setEnabled(not self.running and problem is None and self.matching is not None)
        if problem and self.matching is not None and not self.running:
            self.count.setText(problem if self.matching == 0 else
                               f"{self.matching:,} trace{'s' if self.matching != 1 else ''} to share. {problem}")
        elif self.matching:
            self.count.setText(f"{self.matching:,} trace{'s' if self.matching != 1 else ''} to share")

    # -- sharing ------------------------------------------------------------------------------------

    def start(self) -> None:
        if self.running or self._problem() is not None:
            return
        from ..core.share import share_database

        store, out, f, options = self.store, self.target(), self.share_filter(), self.options()
        self._options = options
        self.run_job(lambda progress: share_database(store, out, f, options, progress), "share")

    def finished_text(self, report: ShareReport) -> str:
        self.path.setText(str(default_share_path(self.store)))  # sharing again needs a new name
        return share_report_text(report, self._options)

    def job_ended(self, report: ShareReport | None) -> None:
        self.shared.emit(report)


# Merging. ----------------------------------------------------------------------------------------


def _names(paths: list[Path]) -> str:
    return ", ".join(p.name for p in paths[:3]) + (f" and {len(paths) - 3} more" if len(paths) > 3 else "")


class MergeDialog(ProgressDialog):
    """Progress of one merge (:func:`tracedesk.core.merge.merge_databases`). ``done``
    carries the report, or None when it was cancelled (``was_cancelled``) or failed
    (``error``)."""

    def __init__(self, store: Store, paths: list[Path], author: str | None, parent: QWidget | None = None) -> None:
        from ..core.merge import merge_databases

        super().__init__(lambda progress: merge_databases(store, paths, author=author, progress=progress),
                         what="merge", title="Merging", name="mergeDialog",
                         heading=f"Merging {_names(paths)} into {store.path.name}",
                         cancelling="Cancelling: rolling back…", width=500, parent=parent)
        self.paths = paths
        self.add_detail(muted(QLabel("All in one transaction: Cancel leaves this database as it was.", self)))


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


class MergeReportDialog(ReportDialog):
    """What a merge brought: a table of added / updated / unchanged / conflicts per kind,
    and the conflicts and warnings as text that can be copied."""

    def __init__(self, report: MergeReport, parent: QWidget | None = None) -> None:
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
        super().__init__(summary, merge_report_text(report), title="Merge report", name="mergeReportDialog",
                         text_name="mergeReportText", height=520, parent=parent)
        self.report = report
        self.summary.setObjectName("mergeSummary")
        bold(self.summary)
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
        self.add_detail(self.table)
        self.add_detail(muted(QLabel(f"Conflicts ({conflicts:,}), notes ({warnings:,}) and each database's counts",
                                     self)))

    def counts(self) -> dict[str, tuple[int, int, int, int]]:
        """What the table shows: ``{label: (added, updated, unchanged, conflicts)}``."""
        out = {}
        for row in range(self.table.topLevelItemCount()):
            item = self.table.topLevelItem(row)
            out[item.text(0)] = tuple(int(item.text(c).replace(",", "")) for c in range(1, 5))
        return out

    def copy_text(self) -> str:
        return self.summary.text() + "\n\n" + self.text.toPlainText()
