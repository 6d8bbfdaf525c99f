"""Which run to put beside the trace under review: the runs Tracedesk proposes and why
(:func:`tracedesk.core.candidates.comparison_candidates`), the reviewer's expected answer
once one is written, any trace found by its words, or a trace of another review database
(opened read-only; drop its file on the dialog or choose it)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtGui import QColor, QDragEnterEvent, QDropEvent, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QPushButton,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from ..core import queue
from ..core.candidates import comparison_candidates, latest_verdicts, run_failed
from ..core.database import open_store
from ..core.errors import UserError
from ..core.reviews import ExpectedAnswer, expected_answer
from ..core.search import search_trace_ids
from ..core.store import Store
from ..core.text import counted
from ..core.views import TraceOutline
from .panels import WrappingDelegate
from .review_panel import answer_text
from .style import ERROR, OK, muted_text, readable_on_base
from .text import plain_tip, show_message
from .widgets import Index, ListModel, bold, debounce, muted_label, plain_label, title_of

SEARCH_LIMIT = 100
DATABASE_FILTER = "Review databases (*.sqlite *.db);;All files (*)"

RUN, WHY, MODEL, OUTCOME = range(4)
HEADERS = ("Run", "Why", "Model · version", "Outcome")


@dataclass(frozen=True)
class Choice:
    """A row of the chooser: a run to compare with, or the expected answer."""

    kind: str  # candidate, search, expected
    trace_pk: int | None
    trace_id: str
    source: str
    question: str
    why: str
    model: str | None
    prompt_version: str | None
    failed: bool | None
    expected: ExpectedAnswer | None = None


class ChoicesModel(ListModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(HEADERS, parent)
        self._choices: list[Choice] = []

    def set_choices(self, choices: list[Choice]) -> None:
        self.beginResetModel()
        self._choices = list(choices)
        self.endResetModel()

    def choice(self, row: int) -> Choice | None:
        return self._choices[row] if 0 <= row < len(self._choices) else None

    def row_count(self) -> int:
        return len(self._choices)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        choice = self.choice(index.row()) if index.isValid() else None
        if choice is None:
            return None
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == RUN:
                return title_of(choice.question, choice.trace_id) if choice.kind != "expected" else \
                    "The expected answer: " + title_of(choice.question, "")
            if column == WHY:
                return choice.why
            if column == MODEL:
                return " · ".join(p for p in (choice.model, choice.prompt_version) if p)
            if choice.failed is None:
                return ""
            return "failed" if choice.failed else "did not fail"
        if role == Qt.ItemDataRole.ForegroundRole:
            if column == OUTCOME and choice.failed is not None:
                return readable_on_base(QColor(ERROR if choice.failed else OK))
            if column in (WHY, MODEL):
                return muted_text()
            return None
        if role == Qt.ItemDataRole.FontRole and choice.kind == "expected" and column == RUN:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.ToolTipRole:
            return plain_tip(f"{choice.source}:{choice.trace_id}\n{choice.question}\n\n{choice.why}"
                             if choice.kind != "expected" else f"{choice.question}\n\n{choice.why}")
        return None


class CompareChooser(QDialog):
    """Pick what to compare ``outline``'s trace with. After ``exec``/``accepted``,
    ``chosen`` is the choice and ``chosen_store`` the database it is in (the window's, or
    the second one, which the caller then owns)."""

    def __init__(self, store: Store, outline: TraceOutline, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("compareChooser")
        self.setWindowTitle("Compare with…")
        self.setAcceptDrops(True)
        self.resize(1000, 520)
        self.store = store
        self.outline = outline
        self.other: Store | None = None  # a second database, read-only
        self.chosen: Choice | None = None
        self.chosen_store: Store | None = None
        self.proposed: list[Choice] = []  # what the dialog proposes, listed again when the search is cleared
        self.proposed_where = ""
        layout = QVBoxLayout(self)
        layout.setContentsMargins(14, 12, 14, 10)
        layout.setSpacing(8)
        heading = bold(plain_label(f"Compare “{title_of(outline.question, outline.trace_id)}” with…", self))
        heading.setWordWrap(True)
        layout.addWidget(heading)
        row = QHBoxLayout()
        self.search = QLineEdit(self)
        self.search.setObjectName("chooserSearch")
        self.search.setPlaceholderText("Search any trace by its words…")
        self.search.setClearButtonEnabled(True)
        row.addWidget(self.search, 1)
        self.other_button = QPushButton("Another Database…", self)
        self.other_button.setToolTip("Pick a trace of another review database (opened read-only); "
                                     "you can also drop its file here")
        self.other_button.setAutoDefault(False)
        self.other_button.clicked.connect(self.choose_database)
        self.this_button = QPushButton("This Database", self)
        self.this_button.setAutoDefault(False)
        self.this_button.clicked.connect(self.use_this_database)
        self.this_button.setVisible(False)
        row.addWidget(self.other_button)
        row.addWidget(self.this_button)
        layout.addLayout(row)
        self.where = muted_label(self)
        self.where.setObjectName("chooserWhere")
        self.where.setWordWrap(True)
        layout.addWidget(self.where)
        self.model = ChoicesModel(self)
        self.list = QTreeView(self)
        self.list.setObjectName("choicesList")
        self.list.setModel(self.model)
        self.list.setRootIsDecorated(False)
        self.list.setUniformRowHeights(False)
        self.list.setWordWrap(True)
        self.list.setStyleSheet("QTreeView#choicesList::item { padding: 4px 2px; }")
        self._wrap = WrappingDelegate(self.list)  # type: ignore[arg-type]
        self.list.setItemDelegateForColumn(RUN, self._wrap)
        self.list.setItemDelegateForColumn(WHY, self._wrap)
        self.list.header().sectionResized.connect(lambda *_: self.list.scheduleDelayedItemsLayout())
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.list.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.list.setAllColumnsShowFocus(True)
        header = self.list.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(RUN, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(WHY, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(MODEL, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(OUTCOME, QHeaderView.ResizeMode.ResizeToContents)
        self.list.setColumnWidth(RUN, self.fontMetrics().horizontalAdvance("0") * 46)
        self.list.doubleClicked.connect(lambda _index: self.accept())
        layout.addWidget(self.list, 1)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.compare_button = self.buttons.addButton("Compare", QDialogButtonBox.ButtonRole.AcceptRole)
        self.compare_button.setDefault(True)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self._search_timer = debounce(self, self.run_search)
        self.search.textChanged.connect(lambda _text: self._search_timer.start())
        self.list.selectionModel().currentRowChanged.connect(lambda *_: self._update_button())
        self._propose()

    # -- what is listed --------------------------------------------------------------------------

    def _propose(self) -> None:
        with self.store.read() as conn:
            found = comparison_candidates(conn, self.outline.pk)
            expected = expected_answer(conn, self.outline.pk)
        choices = []
        if expected is not None:
            text = answer_text(expected.expected)
            choices.append(Choice("expected", None, self.outline.trace_id, self.outline.source, text,
                                  f"the answer {expected.reviewer} expected in the review", None, None, None,
                                  expected))
        for c in found:
            choices.append(Choice("candidate", c.trace_pk, c.trace_id, c.source, c.question,
                                  "\n".join(r.detail for r in c.reasons), c.model, c.prompt_version, c.failed))
        self.proposed = choices
        self.proposed_where = ("Proposed: " + (f"{len(found)} runs" if found else "no similar run was found")
                               + (", and the expected answer" if expected else "")
                               + ". Type to search every trace of this database instead.")
        self._show(self.proposed, self.proposed_where)

    def _show(self, choices: list[Choice], where: str) -> None:
        self.model.set_choices(choices)
        self.where.setText(where)
        if choices:
            self.list.setCurrentIndex(self.model.index(0, 0))
        self._update_button()

    def _update_button(self) -> None:
        self.compare_button.setEnabled(self.current() is not None)

    def current(self) -> Choice | None:
        return self.model.choice(self.list.currentIndex().row())

    def run_search(self) -> None:
        self._search_timer.stop()
        words = self.search.text().strip()
        store = self.other or self.store
        if not words and self.other is None:  # back to the runs proposed when the dialog opened
            self._show(self.proposed, self.proposed_where)
            return
        if not words:
            words = self.outline.question
        with store.read() as conn:
            pks = search_trace_ids(conn, words, limit=SEARCH_LIMIT)
            if store is self.store:
                pks = [pk for pk in pks if pk != self.outline.pk]
            rows = queue.rows_for(conn, pks)
            verdicts = latest_verdicts(conn, [r.trace_pk for r in rows])
        place = f"{store.path.name} (read-only)" if store is self.other else "this database"
        choices = [Choice("search", r.trace_pk, r.trace_id, r.source, r.question,
                          f"found in {place}" + (f": {', '.join(x.signal for x in r.reasons)}" if r.reasons else ""),
                          r.model, r.prompt_version, run_failed(r.status, r.priority, verdicts.get(r.trace_pk)))
                   for r in rows]
        match = "matches" if len(choices) == 1 else "match"
        self._show(choices, f"{counted(len(choices), 'trace')} of {place} {match} “{words}”"
                   + (f" (the first {SEARCH_LIMIT})" if len(choices) >= SEARCH_LIMIT else "") + ".")

    # -- another database ------------------------------------------------------------------------

    def choose_database(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, "A review database to compare with",
                                              str(self.store.path.parent), DATABASE_FILTER)
        if path:
            self.use_database(Path(path))

    def use_database(self, path: Path) -> bool:
        """List the traces of another review database, opened read-only."""
        if path.resolve() == self.store.path.resolve():
            self.use_this_database()
            return True
        try:
            other = open_store(path, read_only=True)
        except UserError as exc:
            show_message(self, "Cannot open the database", str(exc))
            return False
        self._close_other()
        self.other = other
        self.this_button.setVisible(True)
        self.search.setPlaceholderText(f"Search the traces of {path.name}…")
        self.run_search()
        return True

    def use_this_database(self) -> None:
        self._close_other()
        self.this_button.setVisible(False)
        self.search.setPlaceholderText("Search any trace by its words…")
        self.run_search()

    def _close_other(self) -> None:
        if self.other is not None:
            self.other.close()
            self.other = None

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802 - Qt's name
        urls = event.mimeData().urls()
        if len(urls) == 1 and urls[0].isLocalFile():
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802
        urls = event.mimeData().urls()
        if urls and urls[0].isLocalFile():
            event.acceptProposedAction()
            path = Path(urls[0].toLocalFile())
            QTimer.singleShot(0, lambda: self.use_database(path))

    # -- the end ---------------------------------------------------------------------------------

    def accept(self) -> None:
        choice = self.current()
        if choice is None:
            return
        self.chosen = choice
        self.chosen_store = self.other if (self.other is not None and choice.kind == "search") else self.store
        if self.chosen_store is self.other:
            self.other = None  # the caller owns it now
        super().accept()

    def done(self, result: int) -> None:
        self._close_other()
        super().done(result)
