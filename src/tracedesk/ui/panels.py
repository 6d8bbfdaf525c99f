"""Two lists beside a trace: its signals with their evidence (a click selects the step a
signal points to) and the other turns of its session (a click opens one)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from PySide6.QtCore import QRect, QSize, Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTreeWidget,
    QTreeWidgetItem,
    QWidget,
)

from ..core.views import SessionTurn, TraceSignal
from .style import muted_text, readable_on_base, signal_color, signal_label, status_dot
from .text import one_line, plain_tip

SPAN_ROLE = Qt.ItemDataRole.UserRole + 1
PK_ROLE = Qt.ItemDataRole.UserRole + 2


def _short(text: Any, width: int = 240) -> str:
    return one_line(str(text), width)


class WrappingDelegate(QStyledItemDelegate):
    """Text wrapped to its column's width, rows as tall as they need (the reason a signal
    was raised is a sentence: it should be read whole)."""

    def __init__(self, view: QTreeWidget) -> None:
        super().__init__(view)
        self._view = view

    def initStyleOption(self, option: QStyleOptionViewItem, index) -> None:  # noqa: N802 - Qt's name
        super().initStyleOption(option, index)
        option.features |= QStyleOptionViewItem.ViewItemFeature.WrapText
        option.textElideMode = Qt.TextElideMode.ElideNone

    def sizeHint(self, option: QStyleOptionViewItem, index) -> QSize:  # noqa: N802
        hint = super().sizeHint(option, index)
        width = self._view.header().sectionSize(index.column()) - 12
        text = index.data(Qt.ItemDataRole.DisplayRole) or ""
        if width <= 0 or not text:
            return hint
        rect = option.fontMetrics.boundingRect(QRect(0, 0, width, 100_000), Qt.TextFlag.TextWordWrap, text)
        return QSize(hint.width(), max(hint.height(), rect.height() + 8))


class SignalsPanel(QTreeWidget):
    """The signals of the trace, strongest first; each one's evidence beneath it."""

    span_requested = Signal(str)  # the span id a signal points to
    trace_requested = Signal()  # a signal about the run as a whole

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("signalsPanel")
        self.setColumnCount(3)
        self.setHeaderLabels(["Signal", "Confidence", "Why"])
        self.setRootIsDecorated(True)
        self.setUniformRowHeights(False)
        self.setWordWrap(True)
        self.setAlternatingRowColors(False)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setAllColumnsShowFocus(True)  # the current signal is its whole row, not a box around its name
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        header = self.header()
        header.setStretchLastSection(True)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self._wrap = WrappingDelegate(self)
        self.setItemDelegateForColumn(2, self._wrap)
        header.sectionResized.connect(lambda *_: self.scheduleDelayedItemsLayout())
        self.itemClicked.connect(self._clicked)
        self.itemActivated.connect(self._clicked)

    def set_signals(self, signals: list[TraceSignal], span_names: dict[str, str]) -> None:
        self.clear()
        muted = muted_text(self.palette())
        for found in signals:
            color = signal_color(found.kind)
            item = QTreeWidgetItem([signal_label(found.kind), f"{found.confidence:.0%}", _short(found.detail, 600)])
            item.setIcon(0, status_dot(color))
            item.setForeground(0, readable_on_base(color, self.palette()))
            bold = QFont(self.font())
            bold.setBold(True)
            item.setFont(0, bold)
            item.setData(0, SPAN_ROLE, found.span_id)
            where = f"step “{span_names.get(found.span_id, found.span_id)}”" if found.span_id else "the run"
            item.setToolTip(2, plain_tip(f"{found.detail}\n\nPoints at {where}. Click to select it."))
            for key, value in found.evidence.items():
                if value is None:  # a field the finding has nothing for ("tool" of a document's figure)
                    continue
                child = QTreeWidgetItem(["", key, _short(value if not isinstance(value, float) else f"{value:g}")])
                child.setForeground(1, muted)
                child.setForeground(2, muted)
                child.setData(0, SPAN_ROLE, found.span_id)
                child.setToolTip(2, plain_tip(str(value)))
                item.addChild(child)
            if found.learned:  # what the reviewers' verdicts in this database say of this kind
                child = QTreeWidgetItem(["", "reviews", found.learned])
                child.setForeground(1, muted)
                child.setForeground(2, muted)
                child.setData(0, SPAN_ROLE, found.span_id)
                child.setToolTip(2, plain_tip(f"{signal_label(found.kind)} flags in this database were {found.learned}."
                                              "\nThe queue ranks unreviewed traces with it "
                                              "(Queue › Forget What Reviews Taught resets it)."))
                item.addChild(child)
            if found.span_id:
                child = QTreeWidgetItem(["", "step", span_names.get(found.span_id, found.span_id)])
                child.setForeground(1, muted)
                child.setData(0, SPAN_ROLE, found.span_id)
                item.addChild(child)
            self.addTopLevelItem(item)
            item.setExpanded(True)
        if not signals:
            empty = QTreeWidgetItem(["", "", "No signal: nothing points at a defect in this run."])
            empty.setFlags(Qt.ItemFlag.NoItemFlags)
            self.addTopLevelItem(empty)

    def _clicked(self, item: QTreeWidgetItem, _column: int = 0) -> None:
        if not item.flags() & Qt.ItemFlag.ItemIsEnabled:
            return
        span_id = item.data(0, SPAN_ROLE)
        if span_id:
            self.span_requested.emit(span_id)
        else:
            self.trace_requested.emit()


class SessionPanel(QTreeWidget):
    """Every turn of the conversation; the open one in bold; a click opens another."""

    trace_requested = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("sessionPanel")
        self.setColumnCount(4)
        self.setHeaderLabels(["Turn", "Time", "Question", "Signals"])
        self.setRootIsDecorated(False)
        self.setUniformRowHeights(True)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        header = self.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.ResizeToContents)
        self.itemClicked.connect(self._clicked)
        self.itemActivated.connect(self._clicked)
        self._current: int | None = None

    def set_turns(self, turns: list[SessionTurn], current_pk: int) -> None:
        self.clear()
        self._current = current_pk
        for number, turn in enumerate(turns, start=1):
            when = datetime.fromtimestamp(turn.start_ns / 1e9).strftime("%H:%M:%S") if turn.start_ns else ""
            signals = ", ".join(signal_label(k) for k in turn.signals[:3])
            item = QTreeWidgetItem([str(number), when, _short(turn.question or f"({turn.trace_id})", 160), signals])
            item.setData(0, PK_ROLE, turn.trace_pk)
            item.setToolTip(2, plain_tip(turn.question))
            if turn.signals:
                item.setIcon(3, status_dot(signal_color(turn.signals[0])))
            if turn.trace_pk == current_pk:
                font = QFont(self.font())
                font.setBold(True)
                for column in range(4):
                    item.setFont(column, font)
                item.setText(0, f"{number} ▸")
            self.addTopLevelItem(item)
            if turn.trace_pk == current_pk:
                self.setCurrentItem(item)

    def _clicked(self, item: QTreeWidgetItem, _column: int = 0) -> None:
        pk = item.data(0, PK_ROLE)
        if pk is not None and pk != self._current:
            self.trace_requested.emit(pk)
