"""The trace page: what the run was, its steps as a tree with a waterfall, the signals
and the other turns of its session, and the selected step in detail."""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QSplitter,
    QTabWidget,
    QToolButton,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from ..core import views
from ..core.store import Store
from ..core.views import SpanNode, TraceOutline
from .detail import DetailPane
from .panels import SessionPanel, SignalsPanel
from .review_panel import ReviewPanel
from .span_model import (
    DURATION,
    STATUS,
    STEP,
    TIMELINE,
    MutedDelegate,
    SpanTreeModel,
    StepDelegate,
    TimeAxisHeader,
    WaterfallDelegate,
)
from .style import format_duration
from .text import plain_tip
from .widgets import back_button, bold_label, muted_label, outline_meta, title_of

EXPAND_ALL_UP_TO = 3000  # spans; bigger traces open with their first levels expanded


class SpanTree(QTreeView):
    """The steps as a tree beside their waterfall. The columns fit the tree's width (no
    horizontal scroll bar): the names get what the timeline leaves them, the duration
    what its longest text needs, the status is the red of a failed step's name and bar."""

    MIN_TIMELINE_CHARS = 22  # the least the waterfall is given, in widths of "0"

    def __init__(self, model: SpanTreeModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("spanTree")
        self.axis = TimeAxisHeader(self)
        self.setHeader(self.axis)
        self.setModel(model)
        self.setUniformRowHeights(True)
        self.setAlternatingRowColors(False)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setAllColumnsShowFocus(True)
        self.setIndentation(14)
        self.setAnimated(False)
        self.setTextElideMode(Qt.TextElideMode.ElideRight)
        header = self.header()
        header.setStretchLastSection(True)
        header.setSectionResizeMode(STEP, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(DURATION, QHeaderView.ResizeMode.Fixed)
        self.setColumnHidden(STATUS, True)
        self._user_sized = False
        self._fitting = False
        header.sectionResized.connect(self._section_resized)
        self._muted = MutedDelegate(self)
        self._step = StepDelegate(self)
        self._waterfall = WaterfallDelegate(model, self)
        self._waterfall.header = self.axis
        self.setItemDelegateForColumn(STEP, self._step)
        self.setItemDelegateForColumn(STATUS, self._muted)
        self.setItemDelegateForColumn(DURATION, self._muted)
        self.setItemDelegateForColumn(TIMELINE, self._waterfall)
        self.fit_duration(None)

    def fit_duration(self, longest_ns: int | None) -> None:
        """Make the duration column as wide as its longest text (with its unit) needs."""
        metrics = self.fontMetrics()
        widest = max(metrics.horizontalAdvance("00.00 s"), metrics.horizontalAdvance(format_duration(longest_ns)))
        self._fitting = True
        self.setColumnWidth(DURATION, widest + 20)
        self._fitting = False
        self.fit_columns()

    def fit_columns(self) -> None:
        """The step names share the width with the waterfall: at most 40 % of it (and 34
        characters), and never so much that the waterfall gets less than its least."""
        if self._user_sized:
            return
        char = self.fontMetrics().horizontalAdvance("0")
        width = self.viewport().width()
        least_timeline = char * self.MIN_TIMELINE_CHARS
        step = min(char * 34, int(width * 0.4), width - self.columnWidth(DURATION) - least_timeline)
        self._fitting = True
        self.setColumnWidth(STEP, max(char * 12, step))
        self._fitting = False

    def _section_resized(self, index: int, _old: int, _new: int) -> None:
        if index == STEP and not self._fitting:
            self._user_sized = True  # the reviewer dragged it: leave it as they set it

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        self.fit_columns()


class TraceHeader(QWidget):
    back_requested = Signal()
    step_requested = Signal(int)  # -1 the previous trace of the queue, +1 the next
    replay_requested = Signal()
    compare_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("traceHeader")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(12, 10, 12, 8)
        layout.setSpacing(10)
        self.back = back_button(self, "‹  Queue", "Back to the queue (Esc)", self.back_requested)
        layout.addWidget(self.back, 0, Qt.AlignmentFlag.AlignTop)
        text = QVBoxLayout()
        text.setSpacing(2)
        self.title = bold_label(self)
        self.title.setObjectName("traceTitle")
        self.meta = muted_label(self)
        self.meta.setObjectName("traceMeta")
        # A long question or many facts wrap rather than widen the window past the screen.
        self.title.setWordWrap(True)
        self.meta.setWordWrap(True)
        text.addWidget(self.title)
        text.addWidget(self.meta)
        layout.addLayout(text, 1)
        for name, label, tip, signal in (("replayButton", "▷  Replay", "Step through the run in time order (R)",
                                           self.replay_requested),
                                          ("compareButton", "⇆  Compare with…",
                                           "Put another run beside this one (Shift+C)", self.compare_requested)):
            button = QToolButton(self)
            button.setObjectName(name)
            button.setText(label)
            button.setToolTip(tip)
            button.setAutoRaise(True)
            button.clicked.connect(signal)
            layout.addWidget(button, 0, Qt.AlignmentFlag.AlignTop)
        self.previous = QToolButton(self)
        self.previous.setText("▲  Previous")
        self.previous.setToolTip("The previous trace of the queue (K)")
        self.next = QToolButton(self)
        self.next.setText("▼  Next")
        self.next.setToolTip("The next trace of the queue (J)")
        for button, step in ((self.previous, -1), (self.next, 1)):
            button.setAutoRaise(True)
            button.clicked.connect(lambda _=False, s=step: self.step_requested.emit(s))
            layout.addWidget(button, 0, Qt.AlignmentFlag.AlignTop)

    def show_outline(self, outline: TraceOutline) -> None:
        self.title.setText(title_of(outline.question, outline.name or outline.trace_id))
        self.title.setToolTip(plain_tip(outline.question))
        self.meta.setText(outline_meta(outline, full=True))


class TraceView(QWidget):
    """One trace. ``open_trace`` reads it; the rest answers clicks."""

    back_requested = Signal()
    step_requested = Signal(int)
    trace_requested = Signal(int)  # another turn of the session
    replay_requested = Signal()
    compare_requested = Signal()
    opened = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store: Store | None = None
        self.outline: TraceOutline | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        self.header = TraceHeader(self)
        layout.addWidget(self.header)
        self.model = SpanTreeModel(self)
        self.tree = SpanTree(self.model, self)
        self.signals = SignalsPanel(self)
        self.session = SessionPanel(self)
        self.side_tabs = QTabWidget(self)
        self.side_tabs.setObjectName("traceTabs")
        self.side_tabs.setDocumentMode(True)
        self.side_tabs.addTab(self.signals, "Signals")
        self.side_tabs.addTab(self.session, "Session")
        self.steps = QWidget(self)
        steps_layout = QVBoxLayout(self.steps)
        steps_layout.setContentsMargins(0, 0, 0, 0)
        steps_layout.setSpacing(0)
        self.waterfall_summary = muted_label(self.steps)
        self.waterfall_summary.setObjectName("waterfallSummary")
        self.waterfall_summary.setWordWrap(True)
        self.waterfall_summary.setContentsMargins(8, 4, 8, 4)
        self.waterfall_summary.setToolTip(
            "The critical path is the chain of steps that decides when the run ends: its bars are in full "
            "colour, the others faded. A dotted line before a bar is time when nothing of its parent ran.")
        steps_layout.addWidget(self.waterfall_summary)
        steps_layout.addWidget(self.tree, 1)
        self.left = QSplitter(Qt.Orientation.Vertical, self)
        self.left.setObjectName("traceLeftSplitter")
        self.left.addWidget(self.steps)
        self.left.addWidget(self.side_tabs)
        self.left.setStretchFactor(0, 3)
        self.left.setStretchFactor(1, 2)
        self.detail = DetailPane(self)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setObjectName("traceSplitter")
        self.splitter.addWidget(self.left)
        self.splitter.addWidget(self.detail)
        self.splitter.setStretchFactor(0, 1)  # the waterfall needs as much room as the detail
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setChildrenCollapsible(False)
        # The review panel on the right, beside the steps and the detail (which keep their widths).
        self.review = ReviewPanel(self)
        self.review_splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.review_splitter.setObjectName("reviewSplitter")
        self.review_splitter.addWidget(self.splitter)
        self.review_splitter.addWidget(self.review)
        self.review_splitter.setStretchFactor(0, 1)
        self.review_splitter.setStretchFactor(1, 0)
        self.review_splitter.setCollapsible(0, False)
        self.review_splitter.setSizes([900, 360])
        layout.addWidget(self.review_splitter, 1)
        self.header.back_requested.connect(self.back_requested)
        self.header.step_requested.connect(self.step_requested)
        self.header.replay_requested.connect(self.replay_requested)
        self.header.compare_requested.connect(self.compare_requested)
        self.tree.selectionModel().currentRowChanged.connect(self._span_changed)
        self.signals.span_requested.connect(self.select_span)
        self.signals.trace_requested.connect(self.show_whole_trace)
        self.session.trace_requested.connect(self.trace_requested)
        self.review.blame_shown.connect(self.model.set_blamed)
        self._signals: list = []
        self._names: dict[str, str] = {}

    @property
    def trace_pk(self) -> int | None:
        return self.outline.pk if self.outline else None

    def open_trace(self, store: Store, trace_pk: int) -> None:
        self.store = store
        with store.read() as conn:
            outline = views.trace_outline(conn, trace_pk)
            found = views.trace_signals(conn, trace_pk)
            turns = views.session_turns(conn, trace_pk)
        self.outline = outline
        self.header.show_outline(outline)
        self.model.set_outline(outline)
        # A run recorded as a question and its answer, without steps (a chat log), has no
        # waterfall to show: its signals and session take the whole left side.
        self.steps.setVisible(bool(outline.by_span_id))
        self.tree.fit_duration(max((n.duration_ns or 0 for n in outline.by_span_id.values()), default=0))
        self.waterfall_summary.setText(self._summary())
        if len(outline.by_span_id) <= EXPAND_ALL_UP_TO:
            self.tree.expandAll()
        else:
            self.tree.expandToDepth(0)
        names = {n.span_id: n.name or n.span_id for n in outline.by_span_id.values()}
        self._signals, self._names = found, names
        self.signals.set_signals(found, names)
        self.session.set_turns(turns, trace_pk)
        self.side_tabs.setTabText(0, f"Signals ({len(found)})")
        turns_text = "1 turn" if len(turns) == 1 else f"{len(turns)} turns"
        self.side_tabs.setTabText(1, f"Session ({turns_text})" if outline.session_id else "Session")
        # Always the run as a person reads it first (question, answer, signals): a signal's
        # step is a click away in the signals, and a root step would show only JSON.
        self.show_whole_trace()
        self.tree.scrollToTop()
        self.opened.emit(trace_pk)

    def page_shown(self) -> None:
        self.focus_steps()

    def focus_steps(self) -> None:
        """The keyboard on the steps. Focus on an item view without a current row would
        select its first row: the tree gets it only when a step is selected, the signals
        otherwise."""
        (self.tree if self.selected_span() is not None else self.signals).setFocus()

    def _summary(self) -> str:
        """What the waterfall's marks mean, with this run's figures."""
        bounds = self.model.bounds
        if bounds is None:
            return "No step has a time: the waterfall is empty."
        total = bounds[1] - bounds[0]
        steps = len(self.model.critical_steps())
        text = (f"Critical path (bright): {steps} step{'s' if steps != 1 else ''}, "
                f"{format_duration(self.model.critical_ns())} of {format_duration(total)}")
        idle = self.model.idle_ns()
        return text + (f"  ·  idle {format_duration(idle)} (dotted)" if idle else "")

    def clear(self) -> None:
        self.outline = None
        self.model.set_outline(None)
        self.signals.clear()
        self.session.clear()
        self.detail.clear()
        self.review.clear()

    def select_span(self, span_id: str) -> None:
        index = self.model.index_of_span(span_id)
        if not index.isValid():
            return
        self.tree.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)
        self.tree.scrollTo(index)

    def selected_span(self) -> SpanNode | None:
        return self.model.node(self.tree.currentIndex())

    def show_whole_trace(self) -> None:
        if self.outline is None or self.store is None:
            return
        self.tree.selectionModel().clearCurrentIndex()
        self.tree.clearSelection()
        with self.store.read() as conn:
            content = views.trace_content(conn, self.outline.pk)
        self.detail.show_trace(self.outline, content, self._signals, self._names)

    def restyle(self) -> None:
        """Show the detail again in the current palette's colours (light or dark)."""
        self.detail.highlighter.set_palette(self.palette())
        if self.outline is None:
            return
        node = self.selected_span()
        if node is not None:
            self._span_changed(self.tree.currentIndex(), self.tree.currentIndex())
        else:
            self.show_whole_trace()

    def _span_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        node = self.model.node(current)
        if node is None or self.store is None:
            return
        with self.store.read() as conn:
            span = views.span_content(conn, node.pk)
        self.detail.show_span(node, span)
