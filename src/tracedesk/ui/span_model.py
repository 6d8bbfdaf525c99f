"""The spans of a trace as a tree model, and the waterfall that draws each span's place in
time: bars on a time axis with ticks in ms or s, the critical path (the chain of steps
that decides when the run ends) in full colour, the other steps faded, and the idle time
before a step (nothing of its parent running) as a dotted line, its length in the tooltip.

The model reads nothing itself: it adapts a :class:`tracedesk.core.views.TraceOutline`
(spans without their content), so a trace of 10,000 spans is shown at once and a step's
content is read only when it is selected.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPersistentModelIndex, QPointF, QRect, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPalette, QPen
from PySide6.QtWidgets import QHeaderView, QStyle, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from ..core.timing import covered, critical_path, idle_gaps
from ..core.views import SpanNode, TraceOutline
from .style import ERROR, format_duration, kind_color, kind_icon, mix, muted_text, readable_on_base
from .text import plain_tip

NODE_ROLE = Qt.ItemDataRole.UserRole + 1
TIMING_ROLE = Qt.ItemDataRole.UserRole + 2
CRITICAL_ROLE = Qt.ItemDataRole.UserRole + 3  # whether the step is on the critical path
GAP_ROLE = Qt.ItemDataRole.UserRole + 4  # ns of idle time just before the step (0: none)
BLAME_ROLE = Qt.ItemDataRole.UserRole + 5  # "blamed by alice", or None
BAR_INSET = 8  # px between a timeline cell's edges and the time axis (the header's ticks use the same)

STEP, STATUS, DURATION, TIMELINE = range(4)
HEADERS = ("Step", "Status", "Duration", "Timeline")
NICE_STEPS = (1, 2, 5)


def time_ticks(total_ns: int, width_px: float, measure: Callable[[str], float] = lambda text: 7 * len(text),
               ) -> list[tuple[int, str]]:
    """Round times to mark on an axis of ``total_ns`` drawn over ``width_px`` pixels, as
    many as fit with their labels (``measure`` gives a label's width) apart, each label in
    one unit (µs, ms or s) as a person reads a stopwatch: 0 s, 0.5 s, 1 s, 1.5 s rather
    than 0, 500 ms, 1 s, 1.5 s."""
    unit, scale = (("s", 1e9) if total_ns >= 1e9 else ("ms", 1e6) if total_ns >= 1e6
                   else ("µs", 1e3) if total_ns >= 1e3 else ("ns", 1))
    if total_ns <= 0 or width_px <= 0:
        return [(0, f"0 {unit}")]
    magnitude = 1
    while True:
        for n in NICE_STEPS:
            step = n * magnitude
            if total_ns / step > 200:
                continue
            decimals = max(0, -_floor_log10(step / scale))
            labels = [(value, f"{value / scale:.{decimals}f} {unit}") for value in range(0, total_ns + 1, step)]
            room = width_px * step / total_ns
            if room >= max(measure(label) for _v, label in labels) + 14:
                return labels
            if len(labels) <= 2:
                return labels[:1] if room < measure(labels[-1][1]) + 14 else labels
        magnitude *= 10


def _floor_log10(x: float) -> int:
    exponent = 0
    while x >= 10:
        x /= 10
        exponent += 1
    while x < 1:
        x *= 10
        exponent -= 1
    return exponent


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
        self._critical: set[int] = set()
        self._gaps: dict[int, int] = {}
        self._blamed: str | None = None  # span id
        self._blame_text = ""

    def set_outline(self, outline: TraceOutline | None) -> None:
        self.beginResetModel()
        self._outline = outline
        self._blamed, self._blame_text = None, ""  # the review of the trace marks its own
        self._roots = outline.roots if outline else []
        self._by_pk = {node.pk: node for node in outline.by_span_id.values()} if outline else {}
        starts = [n.start_ns for n in self._by_pk.values() if n.start_ns is not None]
        ends = [n.end_ns for n in self._by_pk.values() if n.end_ns is not None]
        if outline is not None and outline.start_ns is not None:
            starts.append(outline.start_ns)
        if outline is not None and outline.end_ns is not None:
            ends.append(outline.end_ns)
        self._bounds = (min(starts), max(ends + starts)) if starts else None
        if self._bounds is not None:
            first, last = self._bounds
            self._critical = critical_path(self._roots, last)
            self._gaps = idle_gaps(self._roots, first, total_ns=last - first)
        else:
            self._critical, self._gaps = set(), {}
        self.endResetModel()

    def set_blamed(self, span_id: str | None, text: str = "") -> None:
        """Mark the step the review blames (``text``: "blamed by alice"), or none."""
        before = self._blamed
        self._blamed, self._blame_text = span_id, text
        for changed in {before, span_id} - {None}:
            index = self.index_of_span(changed)  # type: ignore[arg-type]
            if index.isValid():
                self.dataChanged.emit(index, index.siblingAtColumn(len(HEADERS) - 1))

    @property
    def blamed_pk(self) -> int | None:
        node = self._outline.by_span_id.get(self._blamed) if self._outline and self._blamed else None
        return node.pk if node is not None else None

    def is_critical(self, node: SpanNode) -> bool:
        return node.pk in self._critical

    def gap_of(self, node: SpanNode) -> int:
        """The idle time just before ``node`` began, in ns (0: none worth a mark)."""
        return self._gaps.get(node.pk, 0)

    def critical_steps(self) -> list[SpanNode]:
        """The steps that do the work of the critical path: those on it with no child on
        it (an agent's step spans the whole run; what decides its end is within)."""
        return [n for n in self._by_pk.values() if n.pk in self._critical
                and not any(c.pk in self._critical for c in n.children)]

    def critical_ns(self) -> int:
        """The time the work of the critical path takes (overlaps counted once)."""
        spans = sorted((n.start_ns, n.end_ns if n.end_ns is not None else n.start_ns)
                       for n in self.critical_steps() if n.start_ns is not None)
        return covered(spans)

    def idle_ns(self) -> int:
        """The idle time between the steps of the run (only the gaps worth a mark)."""
        return sum(self._gaps.values())

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
                return ""  # the header draws the time axis there
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
        if role == CRITICAL_ROLE:
            return node.pk in self._critical
        if role == GAP_ROLE:
            return self._gaps.get(node.pk, 0)
        if role == BLAME_ROLE:
            return self._blame_text if self._blamed is not None and node.span_id == self._blamed else None
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
            parts = []
            if self._blamed is not None and node.span_id == self._blamed:
                parts.append(self._blame_text)
            parts.append(f"{node.name or node.span_id}: {node.kind} step {node.span_id}"
                         + (", failed" if node.failed else ""))
            if node.duration_ns is not None:
                parts.append(f"took {format_duration(node.duration_ns)}"
                             + (", on the critical path" if node.pk in self._critical else ""))
            if self._gaps.get(node.pk):
                parts.append(f"began after {format_duration(self._gaps[node.pk])} idle")
            if node.model:
                parts.append(f"model {node.model}")
            if node.input_tokens is not None or node.output_tokens is not None:
                parts.append(f"{node.input_tokens or 0:,} → {node.output_tokens or 0:,} tokens")
            return plain_tip("\n".join(parts))
        return None


def axis_x(rect: QRect, bounds: tuple[int, int], ns: int) -> float:
    """Where ``ns`` falls on the time axis drawn in ``rect`` (a timeline cell or its header)."""
    first, last = bounds
    left, width = rect.left() + BAR_INSET, rect.width() - 2 * BAR_INSET
    return left + width * (ns - first) / max(1, last - first)


class TimeAxisHeader(QHeaderView):
    """The tree's header, with the timeline column's title replaced by its time axis:
    round times in one unit, as far apart as the column's width allows."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(Qt.Orientation.Horizontal, parent)
        self._ticks_cache: tuple[tuple[int, int], list[tuple[int, str]]] | None = None

    def _span_model(self) -> SpanTreeModel | None:
        model = self.model()
        return model if isinstance(model, SpanTreeModel) else None

    def ticks(self, width: int) -> list[tuple[int, str]]:
        """The round times marked on an axis ``width`` pixels wide (the timeline column's):
        ns from the trace's start, and their labels."""
        model = self._span_model()
        if model is None or model.bounds is None:
            return []
        total = model.bounds[1] - model.bounds[0]
        key = (total, width)
        if self._ticks_cache is None or self._ticks_cache[0] != key:
            metrics = self.fontMetrics()
            self._ticks_cache = (key, time_ticks(total, width - 2 * BAR_INSET, metrics.horizontalAdvance))
        return self._ticks_cache[1]

    def tick_labels(self, rect: QRect | None = None) -> list[tuple[QRect, str]]:
        """The labels of the axis and where they are drawn (in the header's coordinates)."""
        model = self._span_model()
        if model is None or model.bounds is None:
            return []
        if rect is None:
            rect = QRect(self.sectionViewportPosition(TIMELINE), 0, self.sectionSize(TIMELINE), self.height())
        metrics = self.fontMetrics()
        placed: list[tuple[QRect, str]] = []
        for offset, label in self.ticks(rect.width()):
            x = round(axis_x(rect, model.bounds, model.bounds[0] + offset))
            text_width = metrics.horizontalAdvance(label) + 2
            left = min(max(rect.left() + 2, x - text_width // 2), rect.right() - 2 - text_width)
            box = QRect(left, rect.top(), text_width, rect.height() - 4)
            if placed and box.left() < placed[-1][0].right() + 6:
                continue  # would overlap the label before it
            placed.append((box, label))
        return placed

    def paintSection(self, painter: QPainter, rect: QRect, logical_index: int) -> None:  # noqa: N802
        super().paintSection(painter, rect, logical_index)
        model = self._span_model()
        if logical_index != TIMELINE or model is None or model.bounds is None:
            return
        painter.save()
        painter.setPen(muted_text(self.palette()))
        for box, label in self.tick_labels(rect):
            painter.drawText(box, int(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignVCenter), label)
        for offset, _label in self.ticks(rect.width()):
            x = round(axis_x(rect, model.bounds, model.bounds[0] + offset))
            painter.drawLine(x, rect.bottom() - 3, x, rect.bottom())
        painter.restore()


class WaterfallDelegate(QStyledItemDelegate):
    """Each span as a bar placed on the time axis of the whole trace: the critical path in
    full colour, the rest faded; a failed step red; idle time before a step dotted."""

    def __init__(self, model: SpanTreeModel, parent=None) -> None:
        super().__init__(parent)
        self._model = model
        self.header: TimeAxisHeader | None = None  # for its ticks, drawn on as faint lines

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        # Drawn from the node itself, not through the model's data() for each role: a
        # repaint of the tree stays a few milliseconds.
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        if selected:
            painter.fillRect(option.rect, option.palette.highlight())
        model = self._model
        bounds = model.bounds
        node = model.node(index)
        if bounds is None or node is None or node.start_ns is None:
            return
        rect = option.rect
        if rect.width() < 2 * BAR_INSET + 10:
            return
        palette = option.palette
        base, text = palette.color(QPalette.ColorRole.Base), palette.color(QPalette.ColorRole.Text)
        painter.save()
        painter.setPen(mix(base, text, 0.07))
        for offset, _label in self.header.ticks(rect.width()) if self.header is not None and not selected else []:
            x = round(axis_x(rect, bounds, bounds[0] + offset))
            painter.drawLine(x, rect.top(), x, rect.bottom())
        end = node.end_ns if node.end_ns is not None else node.start_ns
        x0, x1 = axis_x(rect, bounds, node.start_ns), axis_x(rect, bounds, end)
        middle = rect.center().y() + 1
        gap = model.gap_of(node)
        if gap:
            g0 = axis_x(rect, bounds, node.start_ns - gap)
            pen = QPen(muted_text(palette), 1, Qt.PenStyle.DotLine)
            painter.setPen(pen)
            painter.drawLine(QPointF(g0, middle), QPointF(x0 - 1, middle))
        height = max(6.0, rect.height() * 0.46)
        bar = QRectF(x0, middle - height / 2, max(2.0, x1 - x0), height)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        color = QColor(ERROR) if node.failed else kind_color(node.kind)
        critical = model.is_critical(node)
        painter.setPen(Qt.PenStyle.NoPen if critical else QPen(mix(base, color, 0.7), 1))
        painter.setBrush(color if critical else mix(base, color, 0.3))
        painter.drawRoundedRect(bar, 2, 2)
        painter.restore()


class StepDelegate(QStyledItemDelegate):
    """The step's name, and on the step the review blames a badge saying so."""

    BADGE = "⚑"

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        model = index.model()
        if not isinstance(model, SpanTreeModel) or model.blamed_pk != index.internalId():
            super().paint(painter, option, index)
            return
        metrics = option.fontMetrics
        badge_width = metrics.horizontalAdvance(self.BADGE) + 10
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        widget = option.widget
        style = widget.style() if widget else None
        if style is None:
            super().paint(painter, option, index)
            return
        style.drawPrimitive(QStyle.PrimitiveElement.PE_PanelItemViewItem, opt, painter, widget)
        full = QRect(opt.rect)
        opt.rect = full.adjusted(0, 0, -(badge_width + 6), 0)
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, widget)
        badge = QRectF(full.right() - badge_width - 2, full.center().y() - metrics.height() / 2,
                       badge_width, metrics.height())
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        red = QColor(ERROR)
        painter.setPen(QPen(red, 1))
        painter.setBrush(mix(option.palette.color(QPalette.ColorRole.Base), red, 0.14))
        painter.drawRoundedRect(badge, 4, 4)
        painter.setPen(readable_on_base(red, option.palette))
        painter.drawText(badge, int(Qt.AlignmentFlag.AlignCenter), self.BADGE)
        painter.restore()


class MutedDelegate(QStyledItemDelegate):
    """Secondary columns (status, duration) in a quieter colour unless they say "error"."""

    def initStyleOption(self, option: QStyleOptionViewItem, index: Index) -> None:  # noqa: N802
        super().initStyleOption(option, index)
        if index.data(Qt.ItemDataRole.DisplayRole) != "error":
            option.palette.setColor(QPalette.ColorRole.Text, muted_text(option.palette))
