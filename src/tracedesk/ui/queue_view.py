"""The queue pane: a filter bar with full-text search over a table of the failure queue,
and a second row of filters (latency, cost, metadata) shown on demand."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QItemSelectionModel, QModelIndex, QPersistentModelIndex, QPoint, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QKeyEvent, QMouseEvent, QPainter, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QStackedWidget,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ..core.queue import QueueFilter, QueueRow
from ..core.run_columns import RunFilter, parse_metadata
from .date_range import DateRangeBox
from .queue_model import (
    COST,
    GROUP,
    LATENCY,
    MODEL,
    PRIORITY,
    QUESTION,
    REASONS,
    REVIEW,
    ROW_ROLE,
    TIME,
    TOKENS,
    QueueModel,
)
from .style import draw_badge, mix, muted_text, signal_color, signal_label
from .text import elide, plain_tip
from .widgets import bold, debounce, muted

ANY = "__any__"


def priority_color(priority: float) -> QColor:
    if priority >= 0.75:
        return QColor("#d64545")
    if priority >= 0.45:
        return QColor("#e08a1e")
    return QColor("#8a8f98")


class RowDelegate(QStyledItemDelegate):
    """A cell of the queue drawn by hand over the item's usual background and selection."""

    def paint_cell(self, painter: QPainter, option: QStyleOptionViewItem,
                   index: QModelIndex | QPersistentModelIndex) -> QueueRow | None:
        """Draw the cell without its text; the row it shows, if any."""
        row: QueueRow | None = index.data(ROW_ROLE)
        self.initStyleOption(option, index)
        option.text = ""
        style = option.widget.style() if option.widget else None
        if style:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, option, painter, option.widget)
        return row


class PriorityDelegate(RowDelegate):
    """The priority as a short bar and its figure."""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem,
              index: QModelIndex | QPersistentModelIndex) -> None:
        row = self.paint_cell(painter, option, index)
        if row is None:
            return
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        rect = option.rect.adjusted(10, 0, -10, 0)
        track = QRectF(rect.left(), rect.center().y() - 2.5, 34, 5)
        base = option.palette.color(QPalette.ColorRole.Base)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(mix(base, option.palette.color(QPalette.ColorRole.Text), 0.12))
        painter.drawRoundedRect(track, 2.5, 2.5)
        painter.setBrush(priority_color(row.priority))
        painter.drawRoundedRect(QRectF(track.left(), track.top(), max(5.0, 34 * row.priority), 5), 2.5, 2.5)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        painter.setPen(option.palette.color(
            QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text))
        painter.drawText(rect, int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter),
                         f"{row.priority:.2f}")
        painter.restore()


class ReasonsDelegate(RowDelegate):
    """The reasons as small coloured badges, strongest first."""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem,
              index: QModelIndex | QPersistentModelIndex) -> None:
        row = self.paint_cell(painter, option, index)
        state = row.out_state if row is not None else None
        if row is None or not (row.reasons or state):
            return
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        font = painter.font()
        font.setPointSizeF(font.pointSizeF() * 0.88)
        painter.setFont(font)
        height = painter.fontMetrics().height() + 4
        x = option.rect.left() + 6
        y = option.rect.center().y() - height / 2 + 0.5
        right = option.rect.right() - 6
        if state:  # out of the queue: say so before the signals
            x += draw_badge(painter, x, y, height, state, muted_text(option.palette), option.palette) + 5
        seen: list[str] = []
        for reason in row.reasons:
            if reason.signal not in seen:
                seen.append(reason.signal)
        for i, kind in enumerate(seen):
            text = signal_label(kind)
            needed = painter.fontMetrics().horizontalAdvance(text) + height
            rest = len(seen) - i
            if x + needed > right - (painter.fontMetrics().horizontalAdvance(f"+{rest}") + 8 if rest > 1 else 0):
                painter.setPen(muted_text(option.palette))
                painter.drawText(QRectF(x, option.rect.top(), right - x, option.rect.height()),
                                 Qt.AlignmentFlag.AlignVCenter, f"+{rest}")
                break
            x += draw_badge(painter, x, y, height, text, signal_color(kind), option.palette) + 5
        painter.restore()


class AlikeDelegate(RowDelegate):
    """The count of near-duplicates as a link: a click shows them."""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem,
              index: QModelIndex | QPersistentModelIndex) -> None:
        row = self.paint_cell(painter, option, index)
        if row is None or row.group_size <= 1:
            return
        painter.save()
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        painter.setPen(option.palette.color(
            QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Link))
        font = painter.font()
        font.setUnderline(True)
        painter.setFont(font)
        painter.drawText(option.rect.adjusted(6, 0, -8, 0),
                         int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter),
                         f"+{row.group_size - 1} alike")
        painter.restore()


class QueueTable(QTableView):
    """The table of the queue, driven from the keyboard: j/k and arrows move, Home and End go
    to the first and last row, Enter opens."""

    open_requested = Signal(int)  # a trace's row id
    alike_requested = Signal(int)  # a click on a row's "+N alike"

    def __init__(self, model: QueueModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setModel(model)
        self.setObjectName("queueTable")
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        # Shift and Ctrl pick several rows to snooze, skip or reopen at once.
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setMouseTracking(True)
        self.setShowGrid(False)
        self.setAlternatingRowColors(True)
        self.setWordWrap(False)
        self.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setTabKeyNavigation(False)
        vertical = self.verticalHeader()
        vertical.setVisible(False)
        vertical.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        vertical.setDefaultSectionSize(max(30, self.fontMetrics().height() + 14))
        header = self.horizontalHeader()
        header.setHighlightSections(False)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(False)
        header.setSectionResizeMode(QUESTION, QHeaderView.ResizeMode.Stretch)
        char = self.fontMetrics().horizontalAdvance("0")
        for column, chars in ((PRIORITY, 11), (REASONS, 25), (TIME, 16), (MODEL, 16), (GROUP, 9), (LATENCY, 9),
                              (COST, 11), (TOKENS, 8), (REVIEW, 13)):
            self.setColumnWidth(column, char * chars)
        header.moveSection(header.visualIndex(GROUP), header.count() - 1)  # "+N alike" stays at the end
        self._priority = PriorityDelegate(self)
        self._reasons = ReasonsDelegate(self)
        self.setItemDelegateForColumn(PRIORITY, self._priority)
        self.setItemDelegateForColumn(REASONS, self._reasons)
        self._alike = AlikeDelegate(self)
        self.setItemDelegateForColumn(GROUP, self._alike)
        header.setSortIndicator(PRIORITY, Qt.SortOrder.DescendingOrder)
        self.setSortingEnabled(True)
        self.doubleClicked.connect(self._open_index)

    def queue_model(self) -> QueueModel:
        return self.model()  # type: ignore[return-value]

    def current_pk(self) -> int | None:
        index = self.currentIndex()
        return self.queue_model().trace_pk(index.row()) if index.isValid() else None

    def selected_pks(self) -> list[int]:
        """The traces of the selected rows in queue order (the current one if none is selected)."""
        model = self.queue_model()
        rows = sorted({index.row() for index in self.selectionModel().selectedRows()})
        pks = [pk for pk in (model.trace_pk(r) for r in rows) if pk is not None]
        if not pks and (current := self.current_pk()) is not None:
            pks = [current]
        return pks

    def _alike_at(self, index: QModelIndex) -> QueueRow | None:
        if not index.isValid() or index.column() != GROUP:
            return None
        row: QueueRow | None = index.data(ROW_ROLE)
        return row if row is not None and row.group_size > 1 else None

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt's name
        super().mouseReleaseEvent(event)
        plain = not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        row = self._alike_at(self.indexAt(event.position().toPoint()))
        if plain and event.button() == Qt.MouseButton.LeftButton and row is not None:
            self.alike_requested.emit(row.trace_pk)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        super().mouseMoveEvent(event)
        over = self._alike_at(self.indexAt(event.position().toPoint())) is not None
        self.viewport().setCursor(Qt.CursorShape.PointingHandCursor if over else Qt.CursorShape.ArrowCursor)

    def select_row(self, row: int) -> None:
        model = self.queue_model()
        if model.rowCount() == 0:
            return
        row = max(0, min(row, model.rowCount() - 1))
        index = model.index(row, QUESTION)
        # The row alone, whatever keys are held (setCurrentIndex would add to the selection
        # with Ctrl down, and a skip would then take out rows the reviewer did not choose).
        flags = QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
        self.selectionModel().setCurrentIndex(index, flags)
        self.scrollTo(index)

    def move(self, delta: int) -> None:
        current = self.currentIndex()
        self.select_row(current.row() + delta if current.isValid() else 0)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt's name
        key = event.key()
        plain = not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        if plain and key == Qt.Key.Key_J:
            self.move(1)
        elif plain and key == Qt.Key.Key_K:
            self.move(-1)
        elif plain and key in (Qt.Key.Key_Home, Qt.Key.Key_End):  # rows, not the row's first and last cell
            self.select_row(0 if key == Qt.Key.Key_Home else self.queue_model().rowCount() - 1)
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self._open_index(self.currentIndex())
        else:
            super().keyPressEvent(event)

    def _open_index(self, index: QModelIndex) -> None:
        pk = self.queue_model().trace_pk(index.row()) if index.isValid() else None
        if pk is not None:
            self.open_requested.emit(pk)


class SearchField(QLineEdit):
    """The search box: Enter searches at once and Down goes to the results (so that j, k
    and Enter work on them), the search staying as typed."""

    to_results = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt's name
        if event.key() == Qt.Key.Key_Down and not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier:
            self.to_results.emit()
            return
        super().keyPressEvent(event)


class FilterBar(QWidget):
    """Search and filters of the queue; emits the filter as it changes."""

    changed = Signal(object)  # QueueFilter
    to_results = Signal()  # Enter or Down in the search box

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("filterBar")
        outer = QVBoxLayout(self)
        outer.setContentsMargins(12, 10, 12, 10)
        outer.setSpacing(6)
        layout = QHBoxLayout()
        layout.setSpacing(8)
        outer.addLayout(layout)
        self.search = SearchField(self)
        self.search.setObjectName("searchField")
        self.search.setPlaceholderText("Search questions, answers, errors, comments…   ( / )")
        self.search.setClearButtonEnabled(True)
        self.search.setMinimumWidth(80)
        layout.addWidget(self.search, 3)
        self.signal = self._combo("Any signal", "Only traces with this signal")
        self.source = self._combo("Any source", "Only traces from this source")
        self.model_box = self._combo("Any model", "Only runs of this model")
        self.version = self._combo("Any version", "Only runs of this prompt version")
        for box in (self.signal, self.source, self.model_box, self.version):
            layout.addWidget(box, 1)
        self.when = DateRangeBox(self)
        layout.addWidget(self.when, 1)
        self.everything = QCheckBox("All traces", self)
        self.everything.setToolTip("Also show traces already reviewed, snoozed or skipped, those without "
                                   "any signal, and every near-duplicate of a group")
        layout.addWidget(self.everything)
        self.more = QToolButton(self)
        self.more.setObjectName("moreFilters")
        self.more.setCheckable(True)
        self.more.setText("Filters")
        self.more.setToolTip("Filter by latency, cost and metadata")
        layout.addWidget(self.more)
        self.runs = RunFilterRow(self)
        self.runs.hide()
        outer.addWidget(self.runs)
        self.more.toggled.connect(self.runs.setVisible)
        self.runs.changed.connect(self._show_more_text)
        self._debounce = debounce(self, self._emit, 220)
        self.search.textChanged.connect(self._debounce.start)
        self.search.returnPressed.connect(self._emit_now)
        self.search.returnPressed.connect(self.to_results)
        self.search.to_results.connect(self.to_results)
        for box in (self.signal, self.source, self.model_box, self.version):
            box.currentIndexChanged.connect(self._emit)
        self.everything.toggled.connect(self._emit)
        self.when.changed.connect(self._emit)
        self.runs.changed.connect(self._debounce.start)
        self._filling = False

    def _show_more_text(self) -> None:
        said = self.runs.current().describe()
        self.more.setText("Filters" + (" (on)" if said else ""))
        self.more.setToolTip(f"Filtered by {said}" if said else "Filter by latency, cost and metadata")


    def _combo(self, any_text: str, tip: str) -> QComboBox:
        box = QComboBox(self)
        box.setToolTip(tip)
        box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        box.setMinimumContentsLength(5)
        box.addItem(any_text, ANY)
        return box

    def set_choices(self, choices: dict[str, list[str]]) -> None:
        """Fill the filter boxes with what the database holds, keeping what was chosen."""
        self._filling = True
        try:
            for box, values, label in ((self.signal, choices.get("signals", []), signal_label),
                                       (self.source, choices.get("sources", []), str),
                                       (self.model_box, choices.get("models", []), str),
                                       (self.version, choices.get("prompt_versions", []), str)):
                chosen = box.currentData()
                while box.count() > 1:
                    box.removeItem(1)
                for value in values:
                    box.addItem(label(value), value)
                found = box.findData(chosen)
                box.setCurrentIndex(found if found >= 0 else 0)
        finally:
            self._filling = False

    def current(self) -> QueueFilter:
        def chosen(box: QComboBox) -> str | None:
            value = box.currentData()
            return None if value in (ANY, None) else value

        kind = chosen(self.signal)
        text = self.search.text().strip() or None
        since_ns, until_ns = self.when.range_ns()
        return QueueFilter(kinds=(kind,) if kind else (), source=chosen(self.source), model=chosen(self.model_box),
                           prompt_version=chosen(self.version), text=text, since_ns=since_ns, until_ns=until_ns,
                           include_closed=self.everything.isChecked(), include_quiet=self.everything.isChecked(),
                           runs=self.runs.current())

    def set_scoped(self, scoped: bool) -> None:
        """While the queue shows a group or what Insights opened, only the search applies."""
        for box in (self.signal, self.source, self.model_box, self.version, self.when, self.everything, self.runs):
            box.setEnabled(not scoped)

    def clear(self) -> None:
        self._filling = True
        try:
            self.search.clear()
            for box in (self.signal, self.source, self.model_box, self.version):
                box.setCurrentIndex(0)
            self.when.reset()
            self.everything.setChecked(False)
            self.runs.clear()
        finally:
            self._filling = False
        self._emit_now()

    def clear_search(self) -> None:
        if self.search.text():
            self.search.clear()
            self._emit_now()

    def _emit(self) -> None:
        if not self._filling:
            self._debounce.stop()
            self.changed.emit(self.current())

    def _emit_now(self) -> None:
        self._debounce.stop()
        self.changed.emit(self.current())


class RunFilterRow(QWidget):
    """Latency and cost between two bounds, and a metadata ``key=value``; a bound left at
    "any" filters nothing."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("runFilters")
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(6)
        self.min_latency, self.max_latency = self._bound(" s", 1, 86_400), self._bound(" s", 1, 86_400)
        self.min_cost, self.max_cost = self._bound("", 4, 10_000, "$"), self._bound("", 4, 10_000, "$")
        for label, low, high in (("Latency", self.min_latency, self.max_latency),
                                 ("Cost", self.min_cost, self.max_cost)):
            row.addWidget(QLabel(label, self))
            row.addWidget(low)
            row.addWidget(QLabel("to", self))
            row.addWidget(high)
            row.addSpacing(10)
        row.addWidget(QLabel("Metadata", self))
        self.metadata = QLineEdit(self)
        self.metadata.setObjectName("metadataFilter")
        self.metadata.setPlaceholderText("key=value, or key")
        self.metadata.setToolTip("Only runs whose metadata has this key (with this value, after =)")
        self.metadata.setClearButtonEnabled(True)
        self.metadata.textChanged.connect(self.changed)
        row.addWidget(self.metadata, 1)

    def _bound(self, suffix: str, decimals: int, top: float, prefix: str = "") -> QDoubleSpinBox:
        box = QDoubleSpinBox(self)
        box.setDecimals(decimals)
        box.setRange(0, top)
        box.setSingleStep(0.5 if suffix else 0.001)
        box.setSuffix(suffix)
        box.setPrefix(prefix)
        box.setSpecialValueText("any")  # at 0: no bound
        box.setKeyboardTracking(False)
        box.setMinimumWidth(self.fontMetrics().horizontalAdvance("$0.0000") + 40)
        box.valueChanged.connect(self.changed)
        return box

    def current(self) -> RunFilter:
        def bound(box: QDoubleSpinBox, scale: float = 1) -> float | None:
            return box.value() * scale if box.value() > 0 else None

        key, value = parse_metadata(self.metadata.text())
        return RunFilter(bound(self.min_latency, 1000), bound(self.max_latency, 1000), bound(self.min_cost),
                         bound(self.max_cost), key, value)

    def clear(self) -> None:
        for box in (self.min_latency, self.max_latency, self.min_cost, self.max_cost):
            box.setValue(0)
        self.metadata.clear()


class EmptyState(QWidget):
    """What the queue pane shows when no trace matches."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.addStretch(2)
        self.title = bold(QLabel(self), 1.35)
        self.title.setObjectName("emptyTitle")
        self.title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.hint = muted(QLabel(self))
        self.hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.hint.setWordWrap(True)
        layout.addWidget(self.title)
        layout.addSpacing(6)
        layout.addWidget(self.hint)
        layout.addStretch(3)

    def show_for(self, narrowed: bool) -> None:
        if narrowed:
            self.title.setText("No trace matches")
            self.hint.setText("Change the search or the filters, or tick “All traces”.")
        else:
            self.title.setText("The queue is empty")
            self.hint.setText("Import a trace bundle with File › Import (Ctrl+I), or drop files and "
                              "folders on this window.")


BANNER_STYLE = ("QLabel#{name} {{ background: rgba({rgb}, 0.16); border: 1px solid rgba({rgb}, 0.55); "
                "border-radius: 6px; padding: 6px 10px; margin: 8px 12px 0 12px; }}")


def banner(name: str, rgb: str, parent: QWidget) -> QLabel:
    """A tinted strip of text that reads in light and dark themes alike."""
    label = QLabel(parent)
    label.setObjectName(name)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setStyleSheet(BANNER_STYLE.format(name=name, rgb=rgb))
    return label


READ_ONLY_TEXT = ("This database is read-only: you can read, search and analyse it, but snoozing, skipping, "
                  "reopening, reviewing and importing are turned off. Copy the file somewhere writable and open "
                  "the copy to change it.")


@dataclass(frozen=True)
class Scope:
    """What the queue shows instead of the filter bar's choice: a group of near-duplicates,
    or the traces behind a figure of Insights."""

    kind: str  # "group" or "insights"
    filter: QueueFilter
    title: str  # the group's question, or the figure's description
    anchor: int | None = None  # the trace to select again on leaving


class ScopeBar(QFrame):
    """"Showing the 4 runs alike to …  [Back]" or "From Insights: …  [Insights] [Clear]"."""

    leave_requested = Signal()
    insights_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("scopeBar")
        self.setStyleSheet("QFrame#scopeBar { background: rgba(61, 139, 217, 0.13); "
                           "border-bottom: 1px solid rgba(61, 139, 217, 0.45); }")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(12, 6, 12, 6)
        layout.setSpacing(8)
        self.label = QLabel(self)
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        self.label.setObjectName("scopeLabel")
        layout.addWidget(self.label, 1)
        self.insights = QPushButton("‹  Insights", self)
        self.insights.setToolTip("Back to the Insights page (F3)")
        self.insights.clicked.connect(self.insights_requested)
        self.leave = QPushButton("Back", self)
        self.leave.setToolTip("Back to the queue as it was (Esc)")
        self.leave.clicked.connect(self.leave_requested)
        for button in (self.insights, self.leave):
            button.setAutoDefault(False)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            layout.addWidget(button)

    def show_scope(self, scope: Scope, rows: int) -> None:
        title = elide(scope.title, 90)
        if scope.kind == "group":
            self.label.setText(f"Showing the {rows:,} runs alike to “{title}”")
            self.leave.setText("Back")
        else:
            self.label.setText(f"From Insights: {title}  ·  {rows:,} traces")
            self.leave.setText("Clear")
        self.insights.setVisible(scope.kind == "insights")
        self.setToolTip(plain_tip(scope.title))
        self.show()


class QueuePane(QWidget):
    """Filter bar above the queue table (or an empty state when nothing matches)."""

    open_requested = Signal(int)
    insights_requested = Signal()
    scope_changed = Signal()
    selection_changed = Signal()  # the current row or the rows selected

    def __init__(self, model: QueueModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = model
        self.scope: Scope | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        self.read_only_banner = banner("readOnlyBanner", "224, 138, 30", self)
        self.read_only_banner.setText(READ_ONLY_TEXT)
        self.read_only_banner.hide()
        layout.addWidget(self.read_only_banner)
        self.filters = FilterBar(self)
        layout.addWidget(self.filters)
        self.scope_bar = ScopeBar(self)
        self.scope_bar.hide()
        layout.addWidget(self.scope_bar)
        self.stack = QStackedWidget(self)
        self.table = QueueTable(model, self.stack)
        self.empty = EmptyState(self.stack)
        self.stack.addWidget(self.table)
        self.stack.addWidget(self.empty)
        layout.addWidget(self.stack, 1)
        self.table.open_requested.connect(self.open_requested)
        self.table.selectionModel().selectionChanged.connect(self.selection_changed)
        self.table.selectionModel().currentRowChanged.connect(self.selection_changed)
        self.table.alike_requested.connect(self.show_alike)
        self.filters.changed.connect(self._apply_filter)
        self.filters.to_results.connect(self.focus_results)
        self.scope_bar.leave_requested.connect(self.clear_scope)
        self.scope_bar.insights_requested.connect(self.insights_requested)
        model.refreshed.connect(self._after_refresh)
        model.modelAboutToBeReset.connect(self._remember_current)
        model.searched.connect(self._after_search)
        model.searching_changed.connect(self._searching_changed)
        self._before_reset: int | None = None  # the trace selected when the rows were replaced
        self._to_results = False  # Enter or Down in the search box before its rows came

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        return QSize(1100, 700)

    # -- as a page of the window, and what the window's controllers ask of it ------------------

    def page_shown(self) -> None:
        self.table.setFocus()

    def page_back(self) -> bool:
        """Esc in the queue: clear the search, else leave the runs alike or what Insights
        opened; False when there was nothing to leave."""
        if self.filters.search.hasFocus() or self.filters.search.text():
            self.filters.clear_search()
            self.table.setFocus()
            return True
        if self.scope is not None:
            self.clear_scope()
            return True
        return False

    def move(self, delta: int) -> None:
        """j and k: the next or previous row."""
        self.table.move(delta)

    def current_pk(self) -> int | None:
        return self.table.current_pk()

    def current_row(self) -> int:
        """The current row, -1 when there is none."""
        return self.table.currentIndex().row()

    def selected_pks(self) -> list[int]:
        return self.table.selected_pks()

    def select_row(self, row: int) -> None:
        self.table.select_row(row)

    def below_current_row(self) -> QPoint | None:
        """Where a menu for the current row opens (on screen), None without one."""
        current = self.table.currentIndex()
        if not current.isValid():
            return None
        rect = self.table.visualRect(current.siblingAtColumn(0))
        return self.table.viewport().mapToGlobal(QPoint(rect.left() + 40, rect.bottom()))

    def select_trace(self, trace_pk: int) -> None:
        """Make the row of ``trace_pk`` current, if the queue shows it."""
        row = self.model.row_of(trace_pk)
        if row is not None and self.current_row() != row:
            self.table.select_row(row)

    def _effective(self, f: QueueFilter) -> QueueFilter:
        return self.scope.filter.with_(text=f.text) if self.scope is not None else f

    def _apply_filter(self, f: QueueFilter) -> None:
        keep = self.table.current_pk()
        # A search on a big database is read in the background: the rows stay until then.
        self.model.set_filter(self._effective(f), background=True)
        if not self.model.searching:
            self.reselect(keep)

    def _remember_current(self) -> None:
        self._before_reset = self.table.current_pk()

    def _after_search(self) -> None:
        """The rows of a search read in the background are there."""
        self.reselect(self._before_reset)
        if self._to_results:
            self.focus_results()

    def _searching_changed(self, searching: bool) -> None:
        if not searching:
            self._to_results = False

    def reread(self) -> None:
        """Read the queue again, keeping the place: the trace selected stays selected, or if
        it left the queue (reviewed, snoozed), the row that took its place is."""
        row, pk = self.table.currentIndex().row(), self.table.current_pk()
        self.model.refresh()
        found = self.model.row_of(pk) if pk is not None else None
        if found is None and row >= 0:
            found = row
        self.reselect_row(found)

    def reselect_row(self, row: int | None) -> None:
        if self.model.rowCount():
            self.table.select_row(row if row is not None else 0)

    def reselect(self, trace_pk: int | None) -> None:
        """Select ``trace_pk`` again if it is still in the queue, else the first row."""
        row = self.model.row_of(trace_pk) if trace_pk is not None else None
        if self.model.rowCount():
            self.table.select_row(row if row is not None else 0)

    # -- scopes: a group of near-duplicates, what Insights opened ---------------------------------

    def show_alike(self, trace_pk: int | None = None) -> bool:
        """Show the near-duplicates grouped with ``trace_pk`` (the current row's if None);
        False if it has none."""
        pk = trace_pk if trace_pk is not None else self.table.current_pk()
        if pk is None or self.model.store is None:
            return False
        row = self.model.row_of(pk)
        found = self.model.queue_row(row) if row is not None else None
        title = found.question or found.trace_id if found is not None else str(pk)
        f = QueueFilter(group_of=pk, expand_groups=True)
        anchor = self.scope.anchor if self.scope is not None and self.scope.kind == "group" else pk
        self._enter(Scope("group", f, title, anchor), select=pk)
        if self.model.rowCount() <= 1:
            self.clear_scope()
            return False
        return True

    def show_filter(self, f: QueueFilter, title: str) -> None:
        """Show the traces of ``f`` (which the filter boxes cannot express) under a bar that says so."""
        self._enter(Scope("insights", f, title, self.table.current_pk()))

    def _enter(self, scope: Scope, select: int | None = None) -> None:
        self.scope = scope
        self.filters.set_scoped(True)
        self.model.set_filter(self._effective(self.filters.current()))
        self.reselect(select)
        self.scope_changed.emit()

    def clear_scope(self) -> None:
        if self.scope is None:
            return
        anchor = self.scope.anchor
        self.scope = None
        self.filters.set_scoped(False)
        self.scope_bar.hide()
        self.model.set_filter(self.filters.current())
        self.reselect(anchor)
        self.table.setFocus()
        self.scope_changed.emit()

    # -- after each read ----------------------------------------------------------------------

    def _after_refresh(self) -> None:
        store = self.model.store
        self.read_only_banner.setVisible(bool(store is not None and store.read_only))
        if self.scope is not None:
            self.scope_bar.show_scope(self.scope, self.model.rowCount())
        if self.model.rowCount():
            self.stack.setCurrentWidget(self.table)
        else:
            f = self.model.queue_filter
            self.empty.show_for(f.narrowed or f.include_closed or f.runs.active)
            self.stack.setCurrentWidget(self.empty)

    def focus_results(self) -> None:
        """Leave the search box for the rows it found (if any; once they come if the search
        is still being read)."""
        self._to_results = self.model.searching
        if self.model.rowCount():
            if not self.table.currentIndex().isValid():
                self.table.select_row(0)
            self.table.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def focus_search(self) -> None:
        self._to_results = False
        self.filters.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.filters.search.selectAll()
