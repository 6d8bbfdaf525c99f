"""View › Disagreements: how far reviewers agree, and the traces they disagree about.

At the top, the agreement on the verdict, the cause and the blamed step (kappa and
percent agreement, and the kappa of each pair of reviewers); below, the traces where
reviewers disagree, settled ones marked. Selecting one shows its reviews side by side, one
column per reviewer, with a form to record the settled answer and a way to open the trace.

The figures and the list are :func:`tracedesk.core.agreement.agreement`'s; the settled
answer is written by :func:`tracedesk.core.agreement.settle` (through the controller,
which knows who is settling).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QEvent, QModelIndex, QObject, Qt, Signal
from PySide6.QtGui import QColor, QFont
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
    QSplitter,
    QStackedWidget,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ..core import views
from ..core.agreement import AgreementReport, Disagreement, PairAgreement, agreement, step_label
from ..core.causes import CauseInfo, list_causes
from ..core.reviews import ReviewInfo, reviews_of
from ..core.store import Store
from ..core.text import counted
from ..core.text import kappa_text as _kappa_text
from ..core.text import percent_text as _percent_text
from ..core.verdicts import VERDICT_LABELS, VERDICTS
from ..core.views import SpanNames, TraceOutline
from .background import LatestRunner
from .changes import Changes
from .review_panel import VERDICT_COLORS, answer_text
from .style import OK, muted_text, readable_on_base, soft, status_dot
from .text import elide, local_time, plain_tip, shown
from .widgets import Index, ListModel, bold, cause_combo, fill_cause_combo, muted, set_up_list_table

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


@dataclass
class Loaded:
    """What the page shows, read in the background."""

    store: Store
    report: AgreementReport
    names: SpanNames  # of the blamed steps
    causes: list[CauseInfo]  # retired ones too, for the settle form


def load(store: Store) -> Loaded:
    with store.read() as conn:
        report = agreement(conn)
        return Loaded(store, report, views.span_names(conn, report.blamed_spans()),
                      list_causes(conn, include_retired=True))


# The list of disagreements. -------------------------------------------------------------------------

TRACE, QUESTION, DIFFERS, REVIEWERS, VERDICT, CAUSE, STEP, SETTLED = range(8)
HEADERS = ("Trace", "Question", "Differs on", "Reviewers", "Verdicts", "Causes", "Blamed steps", "Settled")
COLUMN_DIMENSION = {VERDICT: "verdict", CAUSE: "cause", STEP: "span"}


class DisagreementsModel(ListModel):
    """One row per trace reviewers disagree about (only the unsettled ones with
    ``unsettled_only``)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(HEADERS, parent)
        self._all: list[Disagreement] = []
        self._rows: list[Disagreement] = []
        self._names: SpanNames = {}
        self._unsettled_only = False

    def set_data(self, disagreements: list[Disagreement], names: SpanNames) -> None:
        self.beginResetModel()
        self._all = list(disagreements)
        self._names = dict(names)
        self._filter()
        self.endResetModel()

    def set_unsettled_only(self, on: bool) -> None:
        if on == self._unsettled_only:
            return
        self.beginResetModel()
        self._unsettled_only = on
        self._filter()
        self.endResetModel()

    @property
    def unsettled_only(self) -> bool:
        return self._unsettled_only

    @property
    def total(self) -> int:
        return len(self._all)

    @property
    def settled_count(self) -> int:
        return sum(d.settled is not None for d in self._all)

    def _filter(self) -> None:
        self._rows = [d for d in self._all if not (self._unsettled_only and d.settled is not None)]

    def disagreement(self, row: int) -> Disagreement | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def row_of(self, trace_pk: int) -> int | None:
        return next((i for i, d in enumerate(self._rows) if d.trace_pk == trace_pk), None)

    def trace_pks(self) -> list[int]:
        return [d.trace_pk for d in self._rows]

    def row_count(self) -> int:
        return len(self._rows)

    def text(self, d: Disagreement, column: int) -> str:
        if column == TRACE:
            return d.trace_id
        if column == QUESTION:
            return shown(" ".join(d.question.split()))
        if column == DIFFERS:
            return ", ".join(DIMENSION_LABELS[x].lower() for x in d.differs)
        if column == REVIEWERS:
            return ", ".join(r.reviewer for r in d.ratings)
        if column == VERDICT:
            return " / ".join(r.verdict for r in d.ratings)
        if column == CAUSE:
            return " / ".join(r.cause or NONE for r in d.ratings)
        if column == STEP:
            return " / ".join(step_text(self._names, d.trace_pk, r.blamed_span_id, r.missing_step)
                              for r in d.ratings)
        if column == SETTLED:
            s = d.settled
            if s is None:
                return "not yet"
            return "✓ " + ", ".join(x for x in (s.verdict, s.cause) if x)
        return ""

    def tooltip(self, d: Disagreement, column: int) -> str:
        if column == TRACE:
            return plain_tip(f"{d.source}:{d.trace_id}")
        if column == QUESTION:
            return plain_tip(d.question)
        lines = []
        for r in d.ratings:
            said = [VERDICT_LABELS.get(r.verdict, r.verdict), r.cause,
                    step_text(self._names, d.trace_pk, r.blamed_span_id, r.missing_step)]
            lines.append(f"{r.reviewer}: " + ", ".join(x for x in said if x and x != NONE))
        if d.settled is not None:
            s = d.settled
            said = [VERDICT_LABELS.get(s.verdict, s.verdict), s.cause,
                    step_text(self._names, d.trace_pk, s.blamed_span_id, s.missing_step)]
            lines.append(f"settled by {s.author}: " + ", ".join(x for x in said if x and x != NONE))
        return plain_tip("\n".join(lines))

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.row() < len(self._rows)) or \
                not (0 <= index.column() < len(HEADERS)):
            return None
        d, column = self._rows[index.row()], index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self.text(d, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.tooltip(d, column)
        if role == Qt.ItemDataRole.UserRole:
            return d.trace_pk
        if role == Qt.ItemDataRole.FontRole and COLUMN_DIMENSION.get(column) in d.differs:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.ForegroundRole:
            if column == SETTLED:
                return readable_on_base(QColor(OK)) if d.settled is not None else muted_text()
            if column == DIFFERS:
                return readable_on_base(QColor(VERDICT_COLORS["unsure"]))
        if role == Qt.ItemDataRole.DecorationRole and column == TRACE:
            return status_dot(QColor(OK) if d.settled is not None else QColor(VERDICT_COLORS["unsure"]))
        return None


# The figures. ----------------------------------------------------------------------------------------


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


class DisagreementsView(QWidget):
    back_requested = Signal()
    open_requested = Signal(int)  # trace pk
    settle_requested = Signal(int, object)  # trace pk, values
    loaded = Signal()  # the figures and the list on screen are the database's now

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("disagreementsView")
        self.setStyleSheet("#agreementCard { background: palette(base); border: 1px solid palette(mid); "
                           "border-radius: 6px; }")
        self.store: Store | None = None
        self.report: AgreementReport | None = None
        self.causes: list[CauseInfo] = []
        self._loader = LatestRunner(self._loaded, self)  # a reload overtaken by a newer one is dropped
        self._keep: int | None = None  # the trace to select again once reloaded
        self.shown_pk: int | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(14, 10, 14, 10)
        layout.setSpacing(8)

        head = QHBoxLayout()
        title = bold(QLabel("Disagreements", self), 1.35)
        head.addWidget(title)
        head.addSpacing(12)
        self.status = muted(QLabel(self))
        self.status.setObjectName("disagreementsStatus")
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        head.addWidget(self.status, 1)
        self.unsettled_only = QCheckBox("Unsettled only", self)
        self.unsettled_only.setToolTip("Hide the disagreements a settled answer was recorded for")
        self.unsettled_only.toggled.connect(self._unsettled_toggled)
        head.addWidget(self.unsettled_only)
        self.refresh_button = QPushButton("Refresh", self)
        self.refresh_button.setAutoDefault(False)
        self.refresh_button.setToolTip("Read the reviews again")
        self.refresh_button.clicked.connect(lambda: self.reload())
        head.addWidget(self.refresh_button)
        self.back_button = QPushButton("Back to Queue", self)
        self.back_button.setAutoDefault(False)
        self.back_button.clicked.connect(self.back_requested)
        head.addWidget(self.back_button)
        layout.addLayout(head)

        figures = QHBoxLayout()
        figures.setSpacing(10)
        self.cards = {dimension: FigureCard(dimension, self) for dimension in DIMENSION_LABELS}
        for card in self.cards.values():
            figures.addWidget(card, 3, Qt.AlignmentFlag.AlignTop)
        self.pairs = PairsTable(self)
        figures.addWidget(self.pairs, 5, Qt.AlignmentFlag.AlignTop)
        layout.addLayout(figures)

        self.stack = QStackedWidget(self)
        self.empty = QLabel(self)
        self.empty.setObjectName("disagreementsEmpty")
        self.empty.setWordWrap(True)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setTextFormat(Qt.TextFormat.PlainText)
        self.empty.setContentsMargins(60, 20, 60, 20)
        muted(self.empty)
        self.stack.addWidget(self.empty)

        self.splitter = QSplitter(Qt.Orientation.Vertical, self)
        self.model = DisagreementsModel(self)
        self.table = QTableView(self.splitter)
        self.table.setObjectName("disagreementsTable")
        self.table.setModel(self.model)
        header = set_up_list_table(self.table, self.fontMetrics().height())
        header.setStretchLastSection(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(QUESTION, QHeaderView.ResizeMode.Stretch)
        self.table.selectionModel().currentRowChanged.connect(self._current_changed)
        self.table.doubleClicked.connect(lambda index: self._open(index.row()))

        detail = QWidget(self.splitter)
        detail_layout = QVBoxLayout(detail)
        detail_layout.setContentsMargins(0, 6, 0, 0)
        detail_layout.setSpacing(6)
        top = QHBoxLayout()
        self.detail_title = bold(QLabel(detail))
        self.detail_title.setObjectName("disagreementTitle")
        self.detail_title.setTextFormat(Qt.TextFormat.PlainText)
        self.detail_title.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        top.addWidget(self.detail_title, 1)
        self.open_button = QPushButton("Open Trace", detail)
        self.open_button.setAutoDefault(False)
        self.open_button.setToolTip("Open the trace in the trace view (Enter or a double-click in the list)")
        self.open_button.clicked.connect(lambda: self._open(self.table.currentIndex().row()))
        top.addWidget(self.open_button)
        detail_layout.addLayout(top)
        body = QHBoxLayout()
        body.setSpacing(10)
        self.side_by_side = ReviewsSideBySide(detail)
        body.addWidget(self.side_by_side, 1)
        self.form = SettleForm(detail)
        self.form.setFixedWidth(max(340, self.fontMetrics().horizontalAdvance("x") * 52))
        self.form.settle_requested.connect(self.settle_requested)
        body.addWidget(self.form)
        detail_layout.addLayout(body, 1)
        self.splitter.addWidget(self.table)
        self.splitter.addWidget(detail)
        self.splitter.setStretchFactor(0, 2)
        self.splitter.setStretchFactor(1, 3)
        self.stack.addWidget(self.splitter)
        layout.addWidget(self.stack, 1)
        self.table.installEventFilter(self)
        self._show_detail(None)

    # -- loading ---------------------------------------------------------------------------------------

    def set_store(self, store: Store | None) -> None:
        if store is not self.store:
            self._loader.cancel()  # what the last database gives is not wanted
            self.store = store
            self.report = None
            self.causes = []
            self.model.set_data([], {})
            self._show_detail(None)

    def show_settle_error(self, text: str) -> None:
        """Why the settled answer was not recorded, under the form."""
        self.form.show_error(text)

    def page_shown(self) -> None:
        """Read the reviews again each time the page is shown (the trace selected stays)."""
        self.reload()
        self.table.setFocus()

    def apply_changes(self, changes: Changes, _initiator: object) -> None:
        """Reviews, settled answers, causes or traces changed: read them again if the page
        is on screen (it reads them each time it is shown)."""
        if (changes.reviews or changes.settlements or changes.causes or changes.traces) and self.isVisible():
            self.reload()

    def reload(self, keep: int | None = None) -> None:
        """Read the figures and the list again (in the background); ``keep``: the trace
        to select afterwards (else the one selected now)."""
        store = self.store
        if store is None:
            return
        current = self.model.disagreement(self.table.currentIndex().row())
        self._keep = keep if keep is not None else (current.trace_pk if current is not None else None)
        self.status.setText("Reading the reviews…")
        self._loader.run(lambda: load(store))

    def _loaded(self, loaded: Loaded | None, error: Exception | None) -> None:
        if error is not None:
            self.status.setText(f"The reviews could not be read: {error}")
            return
        assert loaded is not None
        if loaded.store is not self.store:
            return
        self.show_loaded(loaded)
        self.loaded.emit()

    def show_loaded(self, loaded: Loaded) -> None:
        report = self.report = loaded.report
        self.causes = loaded.causes
        for card in self.cards.values():
            card.show_figure(report)
        self.pairs.show_pairs(report.pairs)
        self.model.set_data(report.disagreements, loaded.names)
        self._resize_columns()
        self._update_status()
        if not report.traces:
            self.empty.setText("No trace has been reviewed by more than one reviewer yet.\n\nTo get a second "
                               "opinion, share traces with File › Share Reviews… (without reviews, for a blind "
                               "second review); when the other reviewer is done, bring their database back with "
                               "File › Merge Databases…")
            self.stack.setCurrentWidget(self.empty)
        elif not report.disagreements:
            self.empty.setText(f"The reviewers agree on all {counted(report.traces, 'trace')} they reviewed together."
                               if report.traces > 1 else "The reviewers agree on the one trace they reviewed together.")
            self.stack.setCurrentWidget(self.empty)
        else:
            self.stack.setCurrentWidget(self.splitter)
        self._reselect()

    def _resize_columns(self) -> None:
        header = self.table.horizontalHeader()
        width = self.fontMetrics().horizontalAdvance("x")
        for column, chars in ((TRACE, 16), (DIFFERS, 14), (REVIEWERS, 15), (VERDICT, 22), (CAUSE, 28), (STEP, 26),
                              (SETTLED, 24)):
            header.resizeSection(column, width * chars)

    def _update_status(self) -> None:
        report = self.report
        if report is None:
            self.status.setText("")
            return
        shown = self.model.rowCount()
        text = (f"{counted(report.traces, 'trace')} reviewed by more than one of {len(report.reviewers)} reviewers "
                f"({', '.join(report.reviewers)})  ·  {counted(self.model.total, 'disagreement')}, "
                f"{self.model.settled_count:,} settled")
        if self.model.unsettled_only:
            text += f"  ·  {shown:,} shown"
        self.status.setText(text if report.traces else "")

    def _reselect(self) -> None:
        row = self.model.row_of(self._keep) if self._keep is not None else None
        if row is None and self.model.rowCount():
            row = 0
        if row is None:
            self._show_detail(None)
            return
        self.table.setCurrentIndex(self.model.index(row, TRACE))
        self.table.scrollTo(self.model.index(row, TRACE))
        self._current_changed(self.model.index(row, TRACE))

    def _unsettled_toggled(self, on: bool) -> None:
        current = self.model.disagreement(self.table.currentIndex().row())
        self._keep = current.trace_pk if current is not None else None
        self.model.set_unsettled_only(on)
        self._update_status()
        self._reselect()

    # -- the selected disagreement ---------------------------------------------------------------------

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex | None = None) -> None:
        d = self.model.disagreement(current.row()) if current.isValid() else None
        self._show_detail(d)

    def _show_detail(self, d: Disagreement | None) -> None:
        store = self.store
        if d is None or store is None:
            self.shown_pk = None
            self.detail_title.setText("Select a trace to see its reviews side by side.")
            self.side_by_side.setColumnCount(0)
            self.form.setEnabled(False)
            self.open_button.setEnabled(False)
            return
        with store.read() as conn:
            outline = views.trace_outline(conn, d.trace_pk)
            reviews = reviews_of(conn, d.trace_pk)
        reviewers = {r.reviewer for r in d.ratings}
        reviews = [r for r in reviews if r.reviewer in reviewers]
        self.shown_pk = d.trace_pk
        differs = ", ".join(DIMENSION_LABELS[x].lower() for x in d.differs)
        self.detail_title.setText(f"{d.source}:{d.trace_id}  ·  {' '.join(d.question.split())}  ·  differs on "
                                  f"{differs}")
        self.detail_title.setToolTip(plain_tip(d.question))
        self.side_by_side.show_reviews(outline, reviews, d.settled)
        self.form.show_trace(d.trace_pk, outline, reviews, self.causes, d.settled, not store.read_only)
        self.open_button.setEnabled(True)

    def _open(self, row: int) -> None:
        d = self.model.disagreement(row)
        if d is not None:
            self.open_requested.emit(d.trace_pk)

    def eventFilter(self, watched: QObject, event: Any) -> bool:  # noqa: N802 - Qt's name
        if (watched is self.table and event.type() == QEvent.Type.KeyPress
                and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)):
            self._open(self.table.currentIndex().row())
            return True
        return super().eventFilter(watched, event)

    def move(self, delta: int) -> None:
        """j and k: the next or previous disagreement."""
        rows = self.model.rowCount()
        if rows:
            current = self.table.currentIndex().row()
            row = max(0, min(current + delta if current >= 0 else 0, rows - 1))
            self.table.setCurrentIndex(self.model.index(row, TRACE))
            self.table.scrollTo(self.model.index(row, TRACE))

