"""The spans of a trace as a tree model, and the waterfall delegate that draws each span's
place in time.

The model reads nothing itself: it adapts a :class:`tracedesk.core.views.TraceOutline`
(spans without their content), so a trace of 10,000 spans is shown at once and a step's
content is read only when it is selected.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPersistentModelIndex, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPalette
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

from ..core.views import SpanNode, TraceOutline
from .style import ERROR, format_duration, kind_color, kind_icon, mix, muted_text, readable_on_base
from .text import plain_tip

NODE_ROLE = Qt.ItemDataRole.UserRole + 1
TIMING_ROLE = Qt.ItemDataRole.UserRole + 2

STEP, STATUS, DURATION, TIMELINE = range(4)
HEADERS = ("Step", "Status", "Duration", "Timeline")

Index = QModelIndex | QPersistentModelIndex
_ROOT = QModelIndex()  # the invisible root: Qt's default parent
_FLAGS = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable


class SpanTreeModel(QAbstractItemModel):
    """Spans nested under their parents, in time order."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._outline: TraceOutline | None = None
        self._by_pk: dict[int, SpanNode] = {}
        self._roots: list[SpanNode] = []
        self._bounds: tuple[int, int] | None = None

    def set_outline(self, outline: TraceOutline | None) -> None:
        self.beginResetModel()
        self._outline = outline
        self._roots = outline.roots if outline else []
        self._by_pk = {node.pk: node for node in outline.by_span_id.values()} if outline else {}
        starts = [n.start_ns for n in self._by_pk.values() if n.start_ns is not None]
        ends = [n.end_ns for n in self._by_pk.values() if n.end_ns is not None]
        if outline is not None and outline.start_ns is not None:
            starts.append(outline.start_ns)
        if outline is not None and outline.end_ns is not None:
            ends.append(outline.end_ns)
        self._bounds = (min(starts), max(ends + starts)) if starts else None
        self.endResetModel()

    @property
    def outline(self) -> TraceOutline | None:
        return self._outline

    @property
    def bounds(self) -> tuple[int, int] | None:
        """The first start and last end of the trace, in ns (the waterfall's scale)."""
        return self._bounds

    def node(self, index: Index) -> SpanNode | None:
        return self._by_pk.get(index.internalId()) if index.isValid() else None

    def index_of(self, node: SpanNode, column: int = 0) -> QModelIndex:
        return self.createIndex(node.row, column, node.pk)

    def index_of_span(self, span_id: str) -> QModelIndex:
        node = self._outline.by_span_id.get(span_id) if self._outline else None
        return self.index_of(node) if node is not None else QModelIndex()

    # -- QAbstractItemModel ------------------------------------------------------------------

    def _children(self, parent: Index) -> list[SpanNode]:
        if not parent.isValid():
            return self._roots
        node = self.node(parent)
        return node.children if node is not None and parent.column() == 0 else []

    def index(self, row: int, column: int, parent: Index = _ROOT) -> QModelIndex:
        children = self._children(parent)
        if not 0 <= row < len(children) or not 0 <= column < len(HEADERS):
            return QModelIndex()
        return self.createIndex(row, column, children[row].pk)

    def parent(self, index: Index = _ROOT) -> QModelIndex:  # type: ignore[override]
        node = self.node(index)
        if node is None or node.parent is None:
            return QModelIndex()
        return self.createIndex(node.parent.row, 0, node.parent.pk)

    def rowCount(self, parent: Index = _ROOT) -> int:  # noqa: N802 - Qt's name
        return len(self._children(parent))

    def columnCount(self, parent: Index = _ROOT) -> int:  # noqa: N802
        return len(HEADERS)

    def hasChildren(self, parent: Index = _ROOT) -> bool:  # noqa: N802
        return bool(self._children(parent))

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return _FLAGS

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole \
                and 0 <= section < len(HEADERS):
            if section == TIMELINE and self._bounds is not None:
                return f"Timeline  (0 – {format_duration(self._bounds[1] - self._bounds[0])})"
            return HEADERS[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        node = self.node(index)
        if node is None:
            return None
        column = index.column()
        if role == NODE_ROLE:
            return node
        if role == TIMING_ROLE:
            return (node.start_ns, node.end_ns)
        if role == Qt.ItemDataRole.DisplayRole:
            if column == STEP:
                return node.name or node.span_id
            if column == STATUS:
                return "error" if node.failed else (node.status or "")
            if column == DURATION:
                return format_duration(node.duration_ns)
            return None
        if role == Qt.ItemDataRole.DecorationRole and column == STEP:
            return kind_icon(node.kind)
        if role == Qt.ItemDataRole.ForegroundRole and node.failed and column in (STEP, STATUS):
            return readable_on_base(QColor(ERROR))
        if role == Qt.ItemDataRole.TextAlignmentRole and column == DURATION:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole:
            parts = [f"{node.kind} step {node.span_id}"]
            if node.model:
                parts.append(f"model {node.model}")
            if node.input_tokens is not None or node.output_tokens is not None:
                parts.append(f"{node.input_tokens or 0:,} → {node.output_tokens or 0:,} tokens")
            return plain_tip("\n".join(parts))
        return None


class WaterfallDelegate(QStyledItemDelegate):
    """Each span as a bar placed on the time axis of the whole trace."""

    def __init__(self, model: SpanTreeModel, parent=None) -> None:
        super().__init__(parent)
        self._model = model

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        self.initStyleOption(option, index)
        style = option.widget.style() if option.widget else None
        if style:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, option, painter, option.widget)
        bounds = self._model.bounds
        node = self._model.node(index)
        if bounds is None or node is None or node.start_ns is None:
            return
        first, last = bounds
        total = max(1, last - first)
        rect = option.rect.adjusted(6, 0, -6, 0)
        if rect.width() < 10:
            return
        end = node.end_ns if node.end_ns is not None else node.start_ns
        x0 = rect.left() + rect.width() * (node.start_ns - first) / total
        x1 = rect.left() + rect.width() * (end - first) / total
        height = max(6.0, rect.height() * 0.42)
        bar = QRectF(x0, rect.center().y() - height / 2 + 1, max(2.0, x1 - x0), height)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        guide = mix(option.palette.color(QPalette.ColorRole.Base), option.palette.color(QPalette.ColorRole.Text),
                    0.08)
        painter.setPen(guide)
        painter.drawLine(rect.left(), rect.center().y() + 1, rect.right(), rect.center().y() + 1)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(ERROR) if node.failed else kind_color(node.kind))
        painter.drawRoundedRect(bar, 2, 2)
        painter.restore()


class MutedDelegate(QStyledItemDelegate):
    """Secondary columns (status, duration) in a quieter colour unless they say "error"."""

    def initStyleOption(self, option: QStyleOptionViewItem, index: Index) -> None:  # noqa: N802
        super().initStyleOption(option, index)
        if index.data(Qt.ItemDataRole.DisplayRole) != "error":
            option.palette.setColor(QPalette.ColorRole.Text, muted_text(option.palette))
