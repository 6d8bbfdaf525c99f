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
    QCheckBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSizePolicy,
    QSplitter,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ..core import views
from ..core.agreement import AgreementReport, Disagreement, agreement
from ..core.causes import CauseInfo, list_causes
from ..core.reviews import reviews_of
from ..core.store import Store
from ..core.text import counted
from ..core.verdicts import VERDICT_LABELS
from ..core.views import SpanNames
from .agreement_parts import (
    DIMENSION_LABELS,
    NONE,
    FigureCard,
    PairsTable,
    ReviewsSideBySide,
    SettleForm,
    step_text,
)
from .background import LatestRunner
from .changes import Changes
from .review_panel import VERDICT_COLORS
from .style import OK, muted_text, readable_on_base, status_dot
from .text import plain_tip, shown
from .widgets import Index, ListModel, bold, muted, set_up_list_table


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

