"""The parts of View › Disagreements: the agreement figures on a card a dimension, the
kappa of each pair of reviewers, the reviews of one trace side by side and the form that
settles it; and how the view writes a kappa, a share and a blamed step.
:mod:`tracedesk.ui.disagreements_view` lays them out and fills them."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ..core.agreement import AgreementReport, PairAgreement, step_label
from ..core.causes import CauseInfo
from ..core.reviews import ReviewInfo
from ..core.text import counted
from ..core.text import kappa_text as _kappa_text
from ..core.text import percent_text as _percent_text
from ..core.verdicts import VERDICT_LABELS, VERDICTS
from ..core.views import SpanNames, TraceOutline
from .review_panel import VERDICT_COLORS, answer_text
from .style import OK, readable_on_base, soft
from .text import elide, local_time, plain_tip
from .widgets import bold, cause_combo, fill_cause_combo, muted

NONE = "—"
DIMENSION_LABELS = {"verdict": "Verdict", "cause": "Cause", "span": "Blamed step"}
METHOD_LABELS = {"cohen": "Cohen's κ", "fleiss": "Fleiss' κ"}
CELL_CHARS = 600  # of an expected answer or a note in the side-by-side table


def kappa_text(kappa: float | None) -> str:
    return _kappa_text(kappa, 2, NONE)


def percent_text(value: float | None) -> str:
    return _percent_text(value, 0, NONE)


# Below this many traces, a kappa says nothing about how far reviewers agree: one trace
# more or less swings it across the whole scale.
FEW_TRACES = 10


def kappa_words(kappa: float | None) -> str:
    """Landis and Koch's words for a kappa. Zero (as shown, two decimals) is what chance
    gives, not worse than it."""
    if kappa is None:
        return "no variation to measure"
    if round(kappa, 2) < 0:
        return "worse than chance"
    if round(kappa, 2) == 0:
        return "no better than chance"
    for bound, words in ((0.2, "slight"), (0.4, "fair"), (0.6, "moderate"), (0.8, "substantial")):
        if kappa <= bound:
            return words
    return "almost perfect"


def over_traces(traces: int) -> str:
    """How many traces a figure is over, with a word when they are too few to mean anything."""
    said = counted(traces, "trace")
    return f"{said}: too few to tell" if traces < FEW_TRACES else said


def step_text(names: SpanNames, trace_pk: int, span_id: str | None, missing: bool) -> str:
    """A blamed step as a reviewer reads it."""
    name, kind = names.get((trace_pk, span_id), (None, "")) if span_id else (None, "")
    return step_label(span_id, missing, name, kind) or NONE



class FigureCard(QFrame):
    """The agreement on one dimension: kappa, its reading, percent agreement, traces."""

    def __init__(self, dimension: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("agreementCard")
        self.dimension = dimension
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 8, 12, 8)
        layout.setSpacing(2)
        self.title = muted(bold(QLabel(DIMENSION_LABELS[dimension], self)))
        layout.addWidget(self.title)
        row = QHBoxLayout()
        row.setSpacing(10)
        self.kappa = bold(QLabel(NONE, self), 1.6)
        self.kappa.setObjectName("cardKappa")
        row.addWidget(self.kappa)
        self.percent = bold(QLabel(NONE, self), 1.6)
        self.percent.setObjectName("cardPercent")
        row.addWidget(self.percent)
        row.addStretch(1)
        layout.addLayout(row)
        self.detail = muted(QLabel(self))
        self.detail.setObjectName("cardDetail")
        self.detail.setWordWrap(True)  # "too few to tell" wraps rather than squeezing the pairs table
        layout.addWidget(self.detail)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)

    def show_figure(self, report: AgreementReport | None) -> None:
        figure = report.figure(self.dimension) if report is not None else None
        if figure is None or not figure.traces:
            self.kappa.setText("κ " + NONE)
            self.percent.setText("")
            what = "traces two reviewers called a failure" if self.dimension != "verdict" else "traces"
            self.detail.setText(f"No {what} to compare yet")
            self.setToolTip("")
            return
        self.kappa.setText(f"κ {kappa_text(figure.kappa)}")
        self.percent.setText(f"{percent_text(figure.percent)} agree")
        method = METHOD_LABELS.get(figure.method or "", "κ")
        self.detail.setText(f"{method}: {kappa_words(figure.kappa)} · {over_traces(figure.traces)}")
        over = ("every trace reviewed by more than one" if self.dimension == "verdict"
                else "the traces at least two reviewers called a failure")
        self.setToolTip(f"Over {over}. Percent: the share of traces on which every reviewer said the same. "
                        f"Observed agreement {percent_text(figure.observed)}, "
                        f"by chance {percent_text(figure.expected)}.")


class PairsTable(QTableWidget):
    """Cohen's kappa of each pair of reviewers, one row per pair, one column per dimension."""

    COLUMNS = ("Reviewers", "Verdict", "Cause", "Blamed step")
    VISIBLE_ROWS = 4

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(0, len(self.COLUMNS), parent)
        self.setObjectName("agreementPairs")
        self.setHorizontalHeaderLabels(list(self.COLUMNS))
        for column in range(len(self.COLUMNS)):
            self.horizontalHeaderItem(column).setToolTip("Cohen's kappa and percent agreement of each pair of "
                                                         "reviewers, over the traces both reviewed")
        self.verticalHeader().setVisible(False)
        self.verticalHeader().setDefaultSectionSize(max(22, self.fontMetrics().height() + 6))
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setShowGrid(False)
        self.setAlternatingRowColors(True)
        self.setWordWrap(False)
        header = self.horizontalHeader()
        header.setHighlightSections(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self._fit(1)

    def _fit(self, rows: int) -> None:
        shown = max(1, min(rows, self.VISIBLE_ROWS))
        self.setFixedHeight(self.horizontalHeader().sizeHint().height() + shown * self.verticalHeader()
                            .defaultSectionSize() + 2 * self.frameWidth())
        # Never narrower than its figures and headers: the cards beside it give way instead
        # (a cut "κ 0.4…" or "amed ste" reads as nothing).
        header = self.horizontalHeader()
        need = sum(max(header.sectionSizeHint(c), self.sizeHintForColumn(c)) for c in range(self.columnCount()))
        self.setMinimumWidth(need + 2 * self.frameWidth() + 2)

    def show_pairs(self, pairs: list[PairAgreement]) -> None:
        by_pair: dict[tuple[str, str], dict[str, PairAgreement]] = {}
        for p in pairs:
            by_pair.setdefault((p.a, p.b), {})[p.dimension] = p
        self.setRowCount(len(by_pair))
        for row, ((a, b), dims) in enumerate(sorted(by_pair.items())):
            names = QTableWidgetItem(f"{a} · {b}")
            names.setToolTip(plain_tip(f"{a} · {b}"))
            self.setItem(row, 0, names)
            for column, dimension in enumerate(DIMENSION_LABELS, start=1):
                p = dims.get(dimension)
                text = f"κ {kappa_text(p.kappa)} · {percent_text(p.percent)}" if p else NONE
                item = QTableWidgetItem(text)
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                if p is not None:
                    item.setToolTip(plain_tip(
                        f"{a} and {b} on the {DIMENSION_LABELS[dimension].lower()}: kappa {kappa_text(p.kappa)} "
                        f"({kappa_words(p.kappa)}), {percent_text(p.percent)} agreement over "
                        f"{over_traces(p.traces)}"))
                self.setItem(row, column, item)
        self._fit(len(by_pair))

    def cell(self, pair: str, dimension: str) -> str:
        column = list(DIMENSION_LABELS).index(dimension) + 1
        row = next(r for r in range(self.rowCount()) if self.item(r, 0).text() == pair)
        return self.item(row, column).text()


# One disagreement, side by side. -----------------------------------------------------------------

FIELDS = ("Verdict", "Severity", "Cause", "Blamed step", "Expected answer", "Notes", "Tags", "Updated")


class ReviewsSideBySide(QTableWidget):
    """One column per reviewer (and one for the settled answer), one row per field; the
    rows where reviewers differ are tinted."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(len(FIELDS), 0, parent)
        self.setObjectName("reviewsSideBySide")
        self.setVerticalHeaderLabels(list(FIELDS))
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.setWordWrap(True)
        self.setShowGrid(True)
        self.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.horizontalHeader().setHighlightSections(False)
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.verticalHeader().setHighlightSections(False)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)

    def column_texts(self, column: int) -> dict[str, str]:
        return {FIELDS[row]: self.item(row, column).text() for row in range(self.rowCount())}

    def reviewers(self) -> list[str]:
        return [self.horizontalHeaderItem(c).text() for c in range(self.columnCount())]

    def show_reviews(self, outline: TraceOutline | None, reviews: list[ReviewInfo], settled: Any | None) -> None:
        def step(span_id: str | None, missing: bool) -> str:
            node = outline.by_span_id.get(span_id) if outline is not None and span_id else None
            name, kind = (node.name, node.kind) if node is not None else (None, "")
            return step_label(span_id, missing, name, kind) or NONE

        columns: list[tuple[str, list[str]]] = []
        for r in reviews:
            columns.append((r.reviewer, [
                VERDICT_LABELS.get(r.verdict, r.verdict), r.severity or NONE, r.cause or NONE,
                step(r.blamed_span_id, r.missing_step),
                elide(answer_text(r.expected), CELL_CHARS) if r.expected not in (None, "") else NONE,
                elide(r.notes, CELL_CHARS) if r.notes else NONE, ", ".join(r.tags) or NONE, local_time(r.updated_ns)]))
        self.clear()
        self.setColumnCount(len(columns) + (1 if settled is not None else 0))
        self.setRowCount(len(FIELDS))
        self.setVerticalHeaderLabels(list(FIELDS))
        self.setHorizontalHeaderLabels([name for name, _ in columns]
                                       + ([f"Settled ({settled.author})"] if settled is not None else []))
        differs = {row for row in range(len(FIELDS))
                   if FIELDS[row] not in ("Updated", "Notes") and len({values[row] for _, values in columns}) > 1}
        tint = soft(QColor(VERDICT_COLORS["unsure"]), self.palette(), 0.16)
        for column, (_, values) in enumerate(columns):
            for row, text in enumerate(values):
                item = QTableWidgetItem(text)
                item.setTextAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
                if row in differs:
                    item.setBackground(tint)
                if row == 0:
                    item.setForeground(readable_on_base(QColor(VERDICT_COLORS.get(reviews[column].verdict, OK))))
                    font = item.font()
                    font.setBold(True)
                    item.setFont(font)
                if row in (4, 5):
                    full = answer_text(reviews[column].expected) if row == 4 else (reviews[column].notes or "")
                    item.setToolTip(plain_tip(full))
                self.setItem(row, column, item)
        if settled is not None:
            values = [VERDICT_LABELS.get(settled.verdict, settled.verdict), NONE, settled.cause or NONE,
                      step(settled.blamed_span_id, settled.missing_step), NONE,
                      elide(settled.notes or NONE, CELL_CHARS), NONE, local_time(settled.updated_ns)]
            column = len(columns)
            for row, text in enumerate(values):
                item = QTableWidgetItem(text)
                item.setTextAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
                item.setBackground(soft(QColor(OK), self.palette(), 0.12))
                if row == 0:
                    font = item.font()
                    font.setBold(True)
                    item.setFont(font)
                self.setItem(row, column, item)
        self.resizeRowsToContents()


class SettleForm(QGroupBox):
    """The settled answer: verdict, cause, the step to blame or a missing step, a note.
    ``settle_requested`` carries the trace and the values for :func:`settle`."""

    settle_requested = Signal(int, object)  # trace pk, {"verdict", "cause", "blamed_span_id", "missing_step", "notes"}

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("Settle", parent)
        self.setObjectName("settleForm")
        self.trace_pk: int | None = None
        self.reviews: list[ReviewInfo] = []
        layout = QVBoxLayout(self)
        layout.setSpacing(6)
        self.take_row = QHBoxLayout()
        self.take_row.setSpacing(4)
        self.take_label = muted(QLabel("Start from", self))
        self.take_row.addWidget(self.take_label)
        self.take_buttons: list[QPushButton] = []
        self.take_row.addStretch(1)
        layout.addLayout(self.take_row)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.verdict = QComboBox(self)
        for verdict in VERDICTS:
            self.verdict.addItem(VERDICT_LABELS[verdict], verdict)
        form.addRow("Verdict", self.verdict)
        self.cause = cause_combo(self, [], "", any_label=NONE, include_retired=False)
        form.addRow("Cause", self.cause)
        self.step = QComboBox(self)
        self.step.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.step.setMinimumContentsLength(18)
        form.addRow("Blamed step", self.step)
        self.missing = QCheckBox("A step is missing near it", self)
        form.addRow("", self.missing)
        self.note = QLineEdit(self)
        self.note.setPlaceholderText("why this answer")
        self.note.setClearButtonEnabled(True)
        form.addRow("Note", self.note)
        layout.addLayout(form)
        buttons = QHBoxLayout()
        self.status = muted(QLabel(self))
        self.status.setObjectName("settleStatus")
        self.status.setWordWrap(True)
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        self.settle_button = QPushButton("Settle", self)
        self.settle_button.setToolTip("Record this as the settled answer (the reviews stay as they are; Edit › "
                                      "Undo takes it back)")
        self.settle_button.clicked.connect(self._settle)
        self.note.returnPressed.connect(self._settle)
        buttons.addWidget(self.status, 1)
        buttons.addWidget(self.settle_button)
        layout.addLayout(buttons)
        layout.addStretch(1)
        self.verdict.currentIndexChanged.connect(self._verdict_changed)

    def show_trace(self, trace_pk: int, outline: TraceOutline | None, reviews: list[ReviewInfo],
                   causes: list[CauseInfo], settled: Any | None, writable: bool) -> None:
        self.trace_pk = trace_pk
        self.reviews = reviews
        for button in self.take_buttons:
            self.take_row.removeWidget(button)
            button.deleteLater()
        self.take_buttons = []
        for r in reviews:
            button = QPushButton(f"{r.reviewer}’s", self)
            button.setAutoDefault(False)
            button.setToolTip(plain_tip(f"Fill the form with {r.reviewer}’s verdict, cause and blamed step"))
            button.clicked.connect(lambda _=False, review=r: self.take(review))
            self.take_row.insertWidget(self.take_row.count() - 1, button)
            self.take_buttons.append(button)
        fill_cause_combo(self.cause, causes, any_label=NONE, include_retired=False)
        self.step.clear()
        self.step.addItem("no step", None)
        blamed_by: dict[str, list[str]] = {}
        for r in reviews:
            if r.blamed_span_id:
                blamed_by.setdefault(r.blamed_span_id, []).append(r.reviewer)
        for node in (outline.in_order() if outline is not None else []):
            label = "  " * node.depth + f"{node.name or node.span_id} ({node.kind})"
            if node.span_id in blamed_by:
                label += f"  ← {', '.join(blamed_by[node.span_id])}"
            self.step.addItem(label, node.span_id)
        if settled is not None:
            self._fill(settled.verdict, settled.cause_uuid, settled.blamed_span_id, settled.missing_step)
            self.note.setText(settled.notes or "")
            self.status.setText(f"Settled by {settled.author}, {local_time(settled.updated_ns)}.")
            self.settle_button.setText("Settle Again")
        else:
            first = reviews[0] if reviews else None
            if first is not None:
                self._fill(first.verdict, first.cause_uuid, first.blamed_span_id, first.missing_step)
            self.note.clear()
            self.status.setText("Not settled yet.")
            self.settle_button.setText("Settle")
        self.setEnabled(writable)
        if not writable:
            self.status.setText("This database is open read-only: nothing can be settled in it.")

    def take(self, review: ReviewInfo) -> None:
        self._fill(review.verdict, review.cause_uuid, review.blamed_span_id, review.missing_step)

    def _fill(self, verdict: str, cause: str | None, span_id: str | None, missing: bool) -> None:
        self.verdict.setCurrentIndex(max(0, self.verdict.findData(verdict)))
        self.cause.setCurrentIndex(max(0, self.cause.findData(cause)) if cause else 0)
        self.step.setCurrentIndex(max(0, self.step.findData(span_id)) if span_id else 0)
        self.missing.setChecked(missing)
        self._verdict_changed()

    def _verdict_changed(self) -> None:
        failure = self.verdict.currentData() == "failure"
        for widget in (self.cause, self.step, self.missing):
            widget.setEnabled(failure)

    def values(self) -> dict[str, Any]:
        failure = self.verdict.currentData() == "failure"
        return {"verdict": self.verdict.currentData(),
                "cause": self.cause.currentData() if failure else None,
                "blamed_span_id": self.step.currentData() if failure else None,
                "missing_step": self.missing.isChecked() if failure else False,
                "notes": self.note.text().strip() or None}

    def _settle(self) -> None:
        if self.trace_pk is not None and self.isEnabled():
            self.settle_requested.emit(self.trace_pk, self.values())

    def show_error(self, message: str) -> None:
        self.status.setText(f"Not settled: {message}")


# The page. --------------------------------------------------------------------------------------
