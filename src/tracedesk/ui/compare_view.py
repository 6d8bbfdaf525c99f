"""The side-by-side page: two runs with their steps aligned row by row (a step one run
made and the other skipped is a gap), the first point where they diverge marked, and the
word diff of what the selected step produced in each. Stepping moves both runs at once.

Also the comparison of a run's answer with the answer a reviewer expected.

The alignment, the sameness of two steps and the diffs are :mod:`tracedesk.core.compare`'s.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ..core import views
from ..core.compare import (
    CHANGED,
    ONLY_A,
    ONLY_B,
    SAME,
    AlignedPair,
    Comparison,
    StepCost,
    compare_traces,
    cost_change,
    pair_diff,
    pair_input_diff,
    word_diff,
)
from ..core.reviews import ExpectedAnswer
from ..core.store import Store
from ..core.views import SpanNode
from .diff_text import SIDE_A, SIDE_B, DiffView
from .replay_view import PlaybackBar, Player, StepsTable
from .review_panel import answer_text
from .style import ERROR, OK, format_duration, kind_icon, muted_text, readable_on_base, soft
from .text import local_time, plain_tip
from .widgets import Index, ListModel, back_button, bold_label, labelled, muted_label, outline_meta, title_of

ANSWER_CHARS = 20_000  # of a final answer compared (a JSON answer turned into text)

A_STEP, A_STATUS, A_TOOK, MARK, B_STEP, B_STATUS, B_TOOK = range(7)
HEADERS = ("Run A", "Status", "Took", "", "Run B", "Status", "Took")
A_SIDE = (A_STEP, A_STATUS, A_TOOK)
GAP = "— skipped —"
MARKS = {SAME: "", CHANGED: "≠", ONLY_A: "B skipped", ONLY_B: "A skipped"}
FIRST = "◆"


def change_text(pair: AlignedPair) -> str:
    """What differs at a row, in words."""
    name = (pair.a or pair.b).name or (pair.a or pair.b).span_id  # type: ignore[union-attr]
    if pair.change == ONLY_A:
        return f"Run A ran “{name}” ({pair.kind}); run B skipped it."
    if pair.change == ONLY_B:
        return f"Run B ran “{name}” ({pair.kind}); run A skipped it."
    if pair.change == CHANGED:
        assert pair.a is not None and pair.b is not None
        parts = []
        if "name" in pair.differs:
            parts.append(f"A called “{pair.a.name}”, B “{pair.b.name}”")
        if "status" in pair.differs:
            parts.append(f"it {'failed' if pair.a.failed else 'ran as ' + (pair.a.status or 'unset')} in A and "
                         f"{'failed' if pair.b.failed else 'ran as ' + (pair.b.status or 'unset')} in B")
        if "output" in pair.differs:
            parts.append("what it produced differs")
        return f"“{name}” ({pair.kind}): " + "; ".join(parts) + "."
    return f"“{name}” ({pair.kind}): the same in both runs."


def took_text(node: SpanNode | None) -> str:
    """How long a step took and the tokens it used: "1.20 s · 350 tok"."""
    cost = StepCost.of(node)
    parts = [format_duration(cost.duration_ns)] if cost.duration_ns is not None else []
    if cost.tokens is not None:
        parts.append(f"{cost.tokens:,} tok")
    return " · ".join(parts)


class AlignedStepsModel(ListModel):
    """One row per aligned pair: run A's step, the mark, run B's step."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(HEADERS, parent, numbered=True)
        self._comparison: Comparison | None = None

    def set_comparison(self, comparison: Comparison | None) -> None:
        self.beginResetModel()
        self._comparison = comparison
        self.endResetModel()

    @property
    def comparison(self) -> Comparison | None:
        return self._comparison

    def pair(self, row: int) -> AlignedPair | None:
        pairs = self._comparison.pairs if self._comparison else []
        return pairs[row] if 0 <= row < len(pairs) else None

    def row_count(self) -> int:
        return 0 if self._comparison is None else len(self._comparison.pairs)

    def _side(self, pair: AlignedPair, column: int) -> SpanNode | None:
        return pair.a if column in A_SIDE else pair.b

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        pair = self.pair(index.row()) if index.isValid() else None
        if pair is None:
            return None
        column = index.column()
        first = self._comparison is not None and self._comparison.first_divergence == index.row()
        node = self._side(pair, column) if column != MARK else None
        if role == Qt.ItemDataRole.DisplayRole:
            if column == MARK:
                return f"{FIRST} {MARKS[pair.change]}".strip() if first else MARKS[pair.change]
            if node is None:
                return GAP if column in (A_STEP, B_STEP) else ""
            if column in (A_STEP, B_STEP):
                return "   " * node.depth + (node.name or node.span_id)
            if column in (A_TOOK, B_TOOK):
                return took_text(node)
            return "error" if node.failed else (node.status or "")
        if role == Qt.ItemDataRole.DecorationRole and column in (A_STEP, B_STEP) and node is not None:
            return kind_icon(node.kind)
        if role == Qt.ItemDataRole.ForegroundRole:
            if column == MARK:
                return readable_on_base(QColor(ERROR)) if first else None
            if node is None:
                return muted_text()
            if node.failed and column in (A_STEP, A_STATUS, B_STEP, B_STATUS):
                return readable_on_base(QColor(ERROR))
            return None
        if role == Qt.ItemDataRole.BackgroundRole:
            if pair.change in (ONLY_A, ONLY_B) and node is None:
                return soft(QColor("#8a8f98"), None, 0.14)
            if pair.change == ONLY_A:
                return soft(QColor(ERROR), None, 0.12)
            if pair.change == ONLY_B:
                return soft(QColor(OK), None, 0.12)
            if pair.change == CHANGED:
                return soft(QColor("#d97706"), None, 0.16)
            return None
        if role == Qt.ItemDataRole.FontRole and (first or (node is None and column in (A_STEP, B_STEP))):
            font = QFont()
            font.setBold(first)
            font.setItalic(node is None and column != MARK)
            return font
        if role == Qt.ItemDataRole.TextAlignmentRole and column == MARK:
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (A_TOOK, B_TOOK):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole:
            text = change_text(pair)
            if pair.a is not None and pair.b is not None and (cost := cost_change(pair.a, pair.b)):
                text += f"  {cost}."
            return plain_tip(("The first divergence. " if first else "") + text)
        return None


class CompareView(QWidget):
    """Two runs side by side. ``open`` compares them; ``move`` steps both."""

    back_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("compareView")
        self.store_a: Store | None = None
        self.store_b: Store | None = None
        self.owned: Store | None = None  # a second database opened for this comparison
        self.current = -1
        self.player = Player(self)
        self.player.tick.connect(self._tick)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        header = QWidget(self)
        header.setObjectName("traceHeader")
        column = QVBoxLayout(header)
        column.setContentsMargins(12, 10, 12, 0)
        column.setSpacing(3)
        top = QHBoxLayout()
        top.setSpacing(10)
        self.back = back_button(header, "‹  Trace", "Back to the trace (Esc)", self.back_requested)
        top.addWidget(self.back, 0, Qt.AlignmentFlag.AlignTop)
        sides = QVBoxLayout()
        sides.setSpacing(2)
        self.title_a, self.meta_a = bold_label(header, 1.1), muted_label(header)
        self.title_b, self.meta_b = bold_label(header, 1.1), muted_label(header)
        for title, meta in ((self.title_a, self.meta_a), (self.title_b, self.meta_b)):
            row = QHBoxLayout()
            row.setSpacing(8)
            row.addWidget(title, 3)
            row.addWidget(meta, 2)
            sides.addLayout(row)
        top.addLayout(sides, 1)
        column.addLayout(top)
        self.divergence = QLabel(header)
        self.divergence.setObjectName("divergenceBanner")
        self.divergence.setTextFormat(Qt.TextFormat.PlainText)
        self.divergence.setWordWrap(True)
        column.addWidget(self.divergence)
        self.bar = PlaybackBar(self.player, header)
        self.bar.layout().setContentsMargins(0, 2, 0, 4)
        self.bar.move_requested.connect(self.move)
        self.bar.play_requested.connect(self.toggle_play)
        column.addWidget(self.bar)
        layout.addWidget(header)

        self.model = AlignedStepsModel(self)
        self.table = StepsTable(self.model, self)
        self.table.setObjectName("alignedSteps")
        head = self.table.horizontalHeader()
        for section in (A_STEP, B_STEP):
            head.setSectionResizeMode(section, QHeaderView.ResizeMode.Stretch)
        for section in (A_STATUS, A_TOOK, MARK, B_STATUS, B_TOOK):
            head.setSectionResizeMode(section, QHeaderView.ResizeMode.ResizeToContents)
        self.table.selectionModel().currentRowChanged.connect(lambda current, _prev: self.go(current.row()))

        self.step_a = DiffView(SIDE_A, self)
        self.step_b = DiffView(SIDE_B, self)
        self.answer_a = DiffView(SIDE_A, self)
        self.answer_b = DiffView(SIDE_B, self)
        self.given_a = DiffView(SIDE_A, self)
        self.given_b = DiffView(SIDE_B, self)
        self.step_label_a, self.step_label_b = QLabel(self), QLabel(self)
        self.given_label_a, self.given_label_b = QLabel(self), QLabel(self)
        for label in (self.step_label_a, self.step_label_b, self.given_label_a, self.given_label_b):
            label.setTextFormat(Qt.TextFormat.PlainText)
        self.lower = QTabWidget(self)
        self.lower.setObjectName("compareTabs")
        self.lower.setDocumentMode(True)
        self.lower.addTab(self._pair_of_panes(self.step_label_a, self.step_a, self.step_label_b, self.step_b),
                          "What the step produced")
        self.lower.addTab(self._pair_of_panes(self.given_label_a, self.given_a, self.given_label_b, self.given_b),
                          "What the step was given")
        self.lower.addTab(self._pair_of_panes(QLabel("Run A's answer", self), self.answer_a,
                                              QLabel("Run B's answer", self), self.answer_b), "Final answers")
        self.splitter = QSplitter(Qt.Orientation.Vertical, self)
        self.splitter.setObjectName("compareSplitter")
        self.splitter.addWidget(self.table)
        self.splitter.addWidget(self.lower)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setChildrenCollapsible(False)
        layout.addWidget(self.splitter, 1)

    def _pair_of_panes(self, label_a: QLabel, view_a: QWidget, label_b: QLabel, view_b: QWidget) -> QWidget:
        box = QWidget(self)
        row = QHBoxLayout(box)
        row.setContentsMargins(8, 6, 8, 8)
        row.setSpacing(10)
        for label, view in ((label_a, view_a), (label_b, view_b)):
            row.addLayout(labelled(label, view), 1)
        return box

    # -- opening ---------------------------------------------------------------------------------

    @property
    def comparison(self) -> Comparison | None:
        return self.model.comparison

    def open(self, store_a: Store, pk_a: int, store_b: Store, pk_b: int) -> None:
        """Compare trace ``pk_a`` of ``store_a`` with ``pk_b`` of ``store_b`` (the same
        database, or a second one that this view then closes when done with it)."""
        self.player.stop()
        if self.owned is not None and self.owned is not store_b:
            self.owned.close()
        self.owned = store_b if store_b is not store_a else None
        self.store_a, self.store_b = store_a, store_b
        with self._connections() as (conn_a, conn_b):
            comparison = compare_traces(conn_a, pk_a, pk_b, conn_b=conn_b)
            answer_a = answer_text(views.trace_content(conn_a, pk_a)["output"], ANSWER_CHARS)
            answer_b = answer_text(views.trace_content(conn_b, pk_b)["output"], ANSWER_CHARS)
        self.current = -1
        elsewhere = f"   •   from {store_b.path.name}" if self.owned is not None else ""
        for title, meta, outline, letter, suffix in ((self.title_a, self.meta_a, comparison.a, "A", ""),
                                                     (self.title_b, self.meta_b, comparison.b, "B", elsewhere)):
            title.setText(f"{letter}   " + title_of(outline.question, outline.name or outline.trace_id))
            title.setToolTip(plain_tip(outline.question))
            meta.setText(outline_meta(outline) + suffix)
        self.model.set_comparison(comparison)
        self._show_divergence(comparison)
        segments = word_diff(answer_a, answer_b)
        self.answer_a.set_diff(segments)
        self.answer_b.set_diff(segments)
        if comparison.pairs:
            self.go(comparison.first_divergence if comparison.first_divergence is not None else 0)

    def _connections(self):
        from contextlib import ExitStack, contextmanager

        @contextmanager
        def both():
            assert self.store_a is not None and self.store_b is not None
            with ExitStack() as stack:
                conn_a = stack.enter_context(self.store_a.read())
                conn_b = conn_a if self.store_b is self.store_a else stack.enter_context(self.store_b.read())
                yield conn_a, conn_b

        return both()

    def _show_divergence(self, comparison: Comparison) -> None:
        same = sum(p.same for p in comparison.pairs)
        counts = f"{same} of {len(comparison.pairs)} aligned steps are the same."
        if comparison.first_divergence is None:
            self.divergence.setText(f"The runs took the same steps and produced the same outputs.  {counts}")
            self.divergence.setStyleSheet("")
            return
        pair = comparison.pairs[comparison.first_divergence]
        self.divergence.setText(f"{FIRST} First divergence at row {comparison.first_divergence + 1}: "
                                f"{change_text(pair)}  {counts}")
        self.divergence.setStyleSheet(
            "#divergenceBanner { background: rgba(214, 69, 69, 0.13); border: 1px solid rgba(214, 69, 69, 0.5); "
            "border-radius: 6px; padding: 5px 9px; }")

    def page_shown(self) -> None:
        self.table.setFocus()

    def clear(self) -> None:
        self.player.stop()
        self.model.set_comparison(None)
        if self.owned is not None:
            self.owned.close()
        self.owned = self.store_a = self.store_b = None
        self.current = -1
        for view in (self.step_a, self.step_b, self.given_a, self.given_b, self.answer_a, self.answer_b):
            view.clear()

    # -- moving ----------------------------------------------------------------------------------

    def move(self, where: str) -> None:
        """first, previous, next or last: both runs move together, one aligned row at a time."""
        count = self.model.rowCount()
        if not count:
            return
        target = {"first": 0, "last": count - 1, "next": min(count - 1, self.current + 1),
                  "previous": max(0, self.current - 1)}[where]
        self.go(target)

    def move_to_difference(self, direction: int) -> None:
        """The next (1) or previous (-1) row where the runs differ."""
        comparison = self.comparison
        if comparison is None:
            return
        rows = range(self.current + 1, len(comparison.pairs)) if direction > 0 else range(self.current - 1, -1, -1)
        found = next((r for r in rows if not comparison.pairs[r].same), None)
        if found is not None:
            self.go(found)
        elif comparison.pairs:
            differ = [r for r, p in enumerate(comparison.pairs) if not p.same]
            where, which = ("after", "last") if direction > 0 else ("before", "first")
            said = (f"the {which} is row {(differ[-1] if direction > 0 else differ[0]) + 1}" if differ
                    else "the runs do not differ")
            self.bar.position.setText(f"Row {self.current + 1} of {self.model.rowCount()}:  no difference {where} "
                                      f"this row; {said}.")

    def go(self, row: int) -> None:
        pair = self.model.pair(row)
        if pair is None:
            return
        if row != self.current:
            self.current = row
            self._show_pair(pair)
        if self.table.currentIndex().row() != row:
            self.table.select_row(row)
        count = self.model.rowCount()
        first = self.comparison.first_divergence if self.comparison else None
        where = "  ·  the first divergence" if row == first else ""
        cost = cost_change(pair.a, pair.b)
        self.bar.position.setText(f"Row {row + 1} of {count}{where}:  {change_text(pair)}"
                                  + (f"  {cost}." if cost else ""))

    def toggle_play(self) -> None:
        if not self.player.playing and self.current >= self.model.rowCount() - 1:
            self.go(0)
        self.player.toggle()

    def faster(self) -> None:
        self.bar.set_speed(self.player.speed + 1)

    def slower(self) -> None:
        self.bar.set_speed(self.player.speed - 1)

    def _tick(self) -> None:
        if self.current >= self.model.rowCount() - 1:
            self.player.stop()
            return
        self.move("next")

    def _show_pair(self, pair: AlignedPair) -> None:
        with self._connections() as (conn_a, conn_b):
            produced = pair_diff(conn_a, pair, conn_b)
            given = pair_input_diff(conn_a, pair, conn_b)
        differs = any(s.op != "equal" for s in given)
        self.lower.setTabText(1, "What the step was given" + ("  ≠" if differs else ""))
        for labels, views_, segments, empty in (((self.step_label_a, self.step_label_b), (self.step_a, self.step_b),
                                                  produced, "(it produced nothing)"),
                                                 ((self.given_label_a, self.given_label_b),
                                                  (self.given_a, self.given_b), given, "(it was given nothing)")):
            for label, view, node, letter, other in ((labels[0], views_[0], pair.a, "A", "B"),
                                                     (labels[1], views_[1], pair.b, "B", "A")):
                if node is None:
                    label.setText(f"Run {letter}: skipped this step")
                    view.set_placeholder(f"Run {letter} did not take this step; run {other} did.")
                    continue
                took = took_text(node)
                label.setText(f"Run {letter}: {node.name or node.span_id}  ({node.kind}"
                              f"{', failed' if node.failed else ''}{', ' + took if took else ''})")
                side = "delete" if letter == "A" else "insert"
                if not any(s.text.strip() for s in segments if s.op in ("equal", side)):
                    view.set_placeholder(empty)
                else:
                    view.set_diff(segments)

    def restyle(self) -> None:
        for view in (self.step_a, self.step_b, self.given_a, self.given_b, self.answer_a, self.answer_b):
            view.restyle()


class ExpectedAnswerDialog(QDialog):
    """A run's answer beside the answer its reviewer expected, with the words that differ."""

    def __init__(self, answer: Any, expected: ExpectedAnswer, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("expectedAnswerDialog")
        self.setWindowTitle("The answer against the expected answer")
        self.resize(980, 560)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(14, 12, 14, 10)
        note = muted_label(self)
        note.setText(f"Expected by {expected.reviewer} in the review of {local_time(expected.updated_ns)}. "
                     "Words only in the run's answer are red, words only in the expected answer green.")
        note.setWordWrap(True)
        layout.addWidget(note)
        segments = word_diff(answer_text(answer, ANSWER_CHARS), answer_text(expected.expected, ANSWER_CHARS))
        self.actual = DiffView(SIDE_A, self)
        self.expected = DiffView(SIDE_B, self)
        self.actual.set_diff(segments)
        self.expected.set_diff(segments)
        row = QHBoxLayout()
        row.setSpacing(10)
        for title, view in (("The run's answer", self.actual), ("The expected answer", self.expected)):
            row.addLayout(labelled(QLabel(title, self), view, spacing=None), 1)
        layout.addLayout(row, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
