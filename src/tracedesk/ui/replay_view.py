"""The replay page: a run's steps in time order, one at a time, with what the agent had
in front of it at that step (the conversation so far, the documents retrieved, the tool
results) and what the step did. The keyboard drives it (see the Replay menu), and Play
steps on its own at the chosen speed.

All the reading is :mod:`tracedesk.core.replay`'s; this page lays it out.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QItemSelectionModel,
    QObject,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QColor, QTextDocument
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QSplitter,
    QTableView,
    QTabWidget,
    QTextEdit,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ..core.replay import Replay, ReplayStep, StepContext, ToolResult, replay_context, replay_of
from ..core.store import Store
from ..core.views import TraceOutline
from .detail import ROLE_COLORS, DocWriter, write_message
from .style import ERROR, format_duration, kind_color, kind_icon, muted_text, readable_on_base
from .text import plain_tip
from .widgets import (
    Index,
    ListModel,
    back_button,
    bold_label,
    labelled,
    muted_label,
    outline_meta,
    set_up_list_table,
    title_of,
)

SPEEDS = (("½ step a second", 2000), ("1 step a second", 1000), ("2 steps a second", 500),
          ("4 steps a second", 250), ("10 steps a second", 100))
DEFAULT_SPEED = 1
CONTEXT_LIMIT = 50  # documents and tool results shown before a step


# Moving and playing ------------------------------------------------------------------------------

class Player(QObject):
    """Steps on its own at a chosen speed until told to stop or the end is reached."""

    tick = Signal()
    playing_changed = Signal(bool)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.timer = QTimer(self)
        self.timer.timeout.connect(self.tick)
        self.speed = DEFAULT_SPEED
        self.timer.setInterval(SPEEDS[self.speed][1])

    @property
    def playing(self) -> bool:
        return self.timer.isActive()

    def set_speed(self, speed: int) -> None:
        self.speed = max(0, min(len(SPEEDS) - 1, speed))
        self.timer.setInterval(SPEEDS[self.speed][1])

    def play(self) -> None:
        if not self.playing:
            self.timer.start()
            self.playing_changed.emit(True)

    def stop(self) -> None:
        if self.playing:
            self.timer.stop()
            self.playing_changed.emit(False)

    def toggle(self) -> None:
        self.stop() if self.playing else self.play()


class PlaybackBar(QWidget):
    """First, previous, play, next, last, the speed and where the replay stands."""

    move_requested = Signal(str)  # first, previous, next, last
    play_requested = Signal()

    def __init__(self, player: Player, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("playbackBar")
        self.player = player
        layout = QHBoxLayout(self)
        layout.setContentsMargins(12, 4, 12, 6)
        layout.setSpacing(4)
        self.buttons: dict[str, QToolButton] = {}
        for where, text, tip in (("first", "«  First", "The first step (Home)"),
                                 ("previous", "◀  Previous", "The step before (Left or P)"),
                                 ("play", "▶  Play", "Step on its own at the chosen speed (Space)"),
                                 ("next", "Next  ▶", "The step after (Right or N)"),
                                 ("last", "Last  »", "The last step (End)")):
            button = QToolButton(self)
            button.setObjectName(f"{where}Button")
            button.setText(text)
            button.setToolTip(tip)
            button.setAutoRaise(True)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            if where == "play":
                button.clicked.connect(self.play_requested)
            else:
                button.clicked.connect(lambda _=False, w=where: self.move_requested.emit(w))
            self.buttons[where] = button
            layout.addWidget(button)
        self.speed = QComboBox(self)
        self.speed.setObjectName("speedBox")
        self.speed.setToolTip("How fast Play steps (+ and − change it)")
        self.speed.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        for text, _ms in SPEEDS:
            self.speed.addItem(text)
        self.speed.setCurrentIndex(player.speed)
        self.speed.currentIndexChanged.connect(player.set_speed)
        layout.addSpacing(8)
        layout.addWidget(self.speed)
        layout.addSpacing(12)
        self.position = QLabel(self)
        self.position.setObjectName("positionLabel")
        self.position.setTextFormat(Qt.TextFormat.PlainText)
        layout.addWidget(self.position, 1)
        player.playing_changed.connect(self._playing)

    def _playing(self, playing: bool) -> None:
        self.buttons["play"].setText("‖  Pause" if playing else "▶  Play")

    def set_speed(self, speed: int) -> None:
        self.player.set_speed(speed)
        self.speed.setCurrentIndex(self.player.speed)


# The steps ---------------------------------------------------------------------------------------

STEP, STATUS, AT = range(3)
HEADERS = ("Step", "Status", "At")


class ReplayStepsModel(ListModel):
    """The steps of a replay in time order; the ones after the current step are muted
    (they have not happened yet)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(HEADERS, parent, numbered=True)
        self._replay: Replay | None = None
        self._t0: int | None = None
        self._current = -1

    def set_replay(self, replay: Replay | None) -> None:
        self.beginResetModel()
        self._replay = replay
        starts = [s.start_ns for s in replay.steps if s.start_ns is not None] if replay else []
        self._t0 = min(starts) if starts else None
        self._current = -1
        self.endResetModel()

    def set_current(self, index: int) -> None:
        self._current = index
        if self.rowCount():
            self.dataChanged.emit(self.index(0, 0), self.index(self.rowCount() - 1, len(HEADERS) - 1),
                                  [Qt.ItemDataRole.ForegroundRole])

    def step(self, row: int) -> ReplayStep | None:
        if self._replay is None or not 0 <= row < len(self._replay.steps):
            return None
        return self._replay.steps[row]

    def row_count(self) -> int:
        return 0 if self._replay is None else len(self._replay.steps)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        step = self.step(index.row()) if index.isValid() else None
        if step is None:
            return None
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == STEP:
                return "   " * step.depth + (step.name or step.span_id)
            if column == STATUS:
                return "error" if step.failed else (step.status or "")
            if column == AT:
                if step.start_ns is None or self._t0 is None:
                    return ""
                return "+" + (format_duration(step.start_ns - self._t0) if step.start_ns > self._t0 else "0 ms")
            return None
        if role == Qt.ItemDataRole.DecorationRole and column == STEP:
            return kind_icon(step.kind)
        if role == Qt.ItemDataRole.ForegroundRole:
            if step.failed and column in (STEP, STATUS):
                return readable_on_base(QColor(ERROR))
            if step.index > self._current >= 0 or column == AT:
                return muted_text()
            return None
        if role == Qt.ItemDataRole.TextAlignmentRole and column == AT:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole:
            return plain_tip(f"{step.kind} step {step.span_id}\nbefore it: {step.llm_calls_before} model calls, "
                             f"{step.tool_calls_before} tool calls, {step.retrievals_before} retrievals")
        return None


class StepsTable(QTableView):
    def __init__(self, model: QAbstractTableModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setModel(model)
        set_up_list_table(self, self.fontMetrics().height())
        # Unlike other lists: the steps' numbers down the side, no alternating colours, rows of a fixed height.
        self.setAlternatingRowColors(False)
        self.verticalHeader().setVisible(True)
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)

    def select_row(self, row: int) -> None:
        index = self.model().index(row, 0)
        if index.isValid():
            self.selectionModel().setCurrentIndex(
                index, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)
            self.scrollTo(index)


# What a step had and did -------------------------------------------------------------------------

class DocumentView(QTextEdit):
    """A read-only rich view written with :class:`DocWriter` (bundle text stays plain)."""

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.setReadOnly(True)
        self.setUndoRedoEnabled(False)

    def write(self, fill: Callable[[DocWriter], None]) -> None:
        document = QTextDocument(self)
        document.setDefaultFont(self.font())
        document.setDocumentMargin(12)
        document.setUndoRedoEnabled(False)
        writer = DocWriter(document, self.palette())
        fill(writer)
        self.setDocument(document)


def write_documents(w: DocWriter, context: StepContext) -> None:
    if not context.documents:
        w.paragraph("No document had been retrieved before this step.", color=w.muted, italic=True)
        return
    if context.documents_total > len(context.documents):
        w.meta(f"The latest {len(context.documents):,} of {context.documents_total:,} documents retrieved so far.")
    accent = kind_color("retrieval")
    for document in context.documents:
        w.card(accent)
        parts = [f"step {document.step_index + 1}"]
        if document.score is not None:
            parts.append(f"score {document.score:.3f}")
        if document.source or document.id:
            parts.append(str(document.source or document.id))
        w.label("  ·  ".join(parts), accent, caps=False)
        w.value(document.content)
        w.end_card()


def write_tool_results(w: DocWriter, context: StepContext) -> None:
    """The tool results the step had: for an LLM step, those its messages held (what the
    model was actually given), then the earlier results it was not sent, set apart."""
    if not context.tool_results:
        text = ("This step was not sent any tool result." if context.not_given
                else "No tool had answered before this step.")
        w.paragraph(text, color=w.muted, italic=True)
    elif context.tool_results_total > len(context.tool_results):
        w.meta(f"The latest {len(context.tool_results):,} of {context.tool_results_total:,} tool results.")
    for result in context.tool_results:
        _tool_card(w, result)
    if context.not_given:
        w.heading(f"Not sent to this step ({len(context.not_given):,})", top=10)
        w.meta("These tools answered before this step, but its messages do not hold their results: "
               "the model did not see them.")
        for result in context.not_given:
            _tool_card(w, result, muted=True)


def _tool_card(w: DocWriter, result: ToolResult, muted: bool = False) -> None:
    failed = result.error is not None
    accent = w.muted if muted else QColor(ERROR) if failed else kind_color("tool")
    w.card(accent)
    where = f"step {result.step_index + 1}" if result.step_index >= 0 else "in the step's messages"
    w.label(f"{where}  ·  {result.name or 'tool'}" + ("  ·  failed" if failed else "")
            + ("  ·  not sent" if muted else ""), accent, caps=False)
    if result.arguments not in (None, {}, ""):
        w.meta("arguments")
        w.value(result.arguments)
    if failed:
        w.meta("error")
        error = result.error
        w.value(error.get("message", error) if isinstance(error, dict) else error)
    else:
        w.meta("result")
        w.value(result.result)
    w.end_card()


def write_action(w: DocWriter, context: StepContext) -> None:
    step, action = context.step, context.action
    heading = {"llm": "The model answered", "tool": "The tool was called", "retrieval": "Documents were retrieved"}
    w.heading(heading.get(step.kind, f"The {step.kind} step ran"), top=2)
    w.meta(f"{step.kind} step “{step.name or step.span_id}”" + ("  ·  failed" if step.failed else ""))
    if step.kind == "llm":
        if action.reply is not None:
            write_message(w, action.reply)
        else:
            w.value(action.output)
    elif step.kind == "tool":
        for call in action.tool_calls:
            w.card(QColor(ROLE_COLORS["tool"]))
            w.label(f"calls {call.get('name') or 'tool'}", QColor(ROLE_COLORS["tool"]))
            w.value(call.get("arguments"))
            w.end_card()
        w.heading("Result")
        if action.error is not None:
            w.card(QColor(ERROR))
            w.label("error", QColor(ERROR))
            w.value(action.error.get("message", action.error) if isinstance(action.error, dict) else action.error)
            w.end_card()
        if action.output is not None or action.error is None:
            w.value(action.output)
    elif step.kind == "retrieval":
        query = action.input.get("query") if isinstance(action.input, dict) else action.input
        w.meta("query")
        w.value(query)
        w.heading(f"Found {len(action.documents)} documents")
        if not action.documents:
            w.paragraph("Nothing was found.", color=readable_on_base(QColor(ERROR), w.palette), italic=True)
        accent = kind_color("retrieval")
        for number, document in enumerate(action.documents, start=1):
            w.card(accent)
            label = f"#{number}" + (f"  ·  score {document.score:.3f}" if document.score is not None else "")
            w.label(label + (f"  ·  {document.source or document.id}" if document.source or document.id else ""),
                    accent, caps=False)
            w.value(document.content)
            w.end_card()
    else:
        if step.container:
            w.paragraph("It holds the steps below it; its output is theirs put together.", color=w.muted,
                        italic=True)
        if action.error is not None:
            w.card(QColor(ERROR))
            w.label("error", QColor(ERROR))
            w.value(action.error)
            w.end_card()
        w.meta("output")
        w.value(action.output)


# The page ----------------------------------------------------------------------------------------

class ReplayView(QWidget):
    """One run replayed. ``open`` reads its steps; ``move`` and ``go`` step through them."""

    back_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("replayView")
        self.store: Store | None = None
        self.replay: Replay | None = None
        self.context: StepContext | None = None
        self.current = -1
        self.player = Player(self)
        self.player.tick.connect(self._tick)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        header = QWidget(self)
        header.setObjectName("traceHeader")
        top = QHBoxLayout(header)
        top.setContentsMargins(12, 10, 12, 4)
        top.setSpacing(10)
        self.back = back_button(header, "‹  Trace", "Back to the trace (Esc)", self.back_requested)
        top.addWidget(self.back, 0, Qt.AlignmentFlag.AlignTop)
        text = QVBoxLayout()
        text.setSpacing(2)
        self.title = bold_label(header)
        self.meta = muted_label(header)
        text.addWidget(self.title)
        text.addWidget(self.meta)
        top.addLayout(text, 1)
        column = QVBoxLayout()
        column.setSpacing(0)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(header)
        self.bar = PlaybackBar(self.player, self)
        self.bar.move_requested.connect(self.move)
        self.bar.play_requested.connect(self.toggle_play)
        bar_holder = QWidget(self)
        bar_holder.setObjectName("traceHeader")
        holder = QVBoxLayout(bar_holder)
        holder.setContentsMargins(0, 0, 0, 0)
        holder.addWidget(self.bar)
        column.addWidget(bar_holder)
        layout.addLayout(column)

        self.model = ReplayStepsModel(self)
        self.steps = StepsTable(self.model, self)
        self.steps.setObjectName("replaySteps")
        header_view = self.steps.horizontalHeader()
        header_view.setSectionResizeMode(STEP, QHeaderView.ResizeMode.Stretch)
        header_view.setSectionResizeMode(STATUS, QHeaderView.ResizeMode.ResizeToContents)
        header_view.setSectionResizeMode(AT, QHeaderView.ResizeMode.ResizeToContents)
        self.steps.selectionModel().currentRowChanged.connect(lambda current, _prev: self.go(current.row()))

        self.conversation = DocumentView("replayConversation", self)
        self.documents = DocumentView("replayDocuments", self)
        self.tool_results = DocumentView("replayToolResults", self)
        self.had = QTabWidget(self)
        self.had.setObjectName("replayContextTabs")
        self.had.setDocumentMode(True)
        self.had.addTab(self.conversation, "Conversation")
        self.had.addTab(self.documents, "Documents")
        self.had.addTab(self.tool_results, "Tool results")
        self.action = DocumentView("replayAction", self)

        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setObjectName("replaySplitter")
        self.splitter.addWidget(self._titled("Steps in time order", self.steps))
        self.splitter.addWidget(self._titled("What the agent had in front of it", self.had))
        self.splitter.addWidget(self._titled("What it did", self.action))
        self.splitter.setStretchFactor(0, 5)
        self.splitter.setStretchFactor(1, 8)
        self.splitter.setStretchFactor(2, 7)
        self.splitter.setChildrenCollapsible(False)
        layout.addWidget(self.splitter, 1)

    def _titled(self, title: str, widget: QWidget) -> QWidget:
        box = QWidget(self)
        layout = labelled(QLabel(title, box), widget)
        layout.setContentsMargins(8, 8, 8, 8)
        box.setLayout(layout)
        return box

    # -- opening ---------------------------------------------------------------------------------

    def open(self, store: Store, outline: TraceOutline, span_id: str | None = None) -> None:
        """Replay the trace of ``outline``, from the step ``span_id`` if given, else the first."""
        self.player.stop()
        self.store = store
        self.replay = replay_of(outline)
        self.current = -1
        self.title.setText(title_of(outline.question, outline.name or outline.trace_id))
        self.title.setToolTip(plain_tip(outline.question))
        self.meta.setText(outline_meta(outline))
        self.model.set_replay(self.replay)
        start = self.replay.index_of(span_id) if span_id else None
        if start is None:
            start = self.replay.first()
        if start is None:
            self._show_nothing()
        else:
            self.go(start)

    def page_shown(self) -> None:
        self.steps.setFocus()

    def clear(self) -> None:
        self.player.stop()
        self.store = None
        self.replay = None
        self.context = None
        self.current = -1
        self.model.set_replay(None)
        self._show_nothing()

    def _show_nothing(self) -> None:
        self.bar.position.setText("This run has no steps to replay.")
        for view in (self.conversation, self.documents, self.tool_results, self.action):
            view.clear()

    # -- moving ----------------------------------------------------------------------------------

    def move(self, where: str) -> None:
        """first, previous, next or last."""
        replay = self.replay
        if replay is None or not replay.steps:
            return
        if where == "first":
            target = replay.first()
        elif where == "last":
            target = replay.last()
        elif where == "next":
            target = replay.next(self.current)
        else:
            target = replay.previous(self.current)
        if target is not None:
            self.go(target)

    def go(self, index: int) -> None:
        if self.replay is None or self.store is None or not 0 <= index < len(self.replay):
            return
        if index != self.current:
            self.current = index
            with self.store.read() as conn:
                self.context = replay_context(conn, self.replay, index, limit=CONTEXT_LIMIT)
            self.model.set_current(index)
            self._show(self.context)
        if self.steps.currentIndex().row() != index:
            self.steps.select_row(index)

    def toggle_play(self) -> None:
        if self.replay is None:
            return
        if not self.player.playing and self.current == self.replay.last():
            self.go(self.replay.first() or 0)  # from the start again
        self.player.toggle()

    def faster(self) -> None:
        self.bar.set_speed(self.player.speed + 1)

    def slower(self) -> None:
        self.bar.set_speed(self.player.speed - 1)

    def _tick(self) -> None:
        if self.replay is None or self.current >= len(self.replay) - 1:
            self.player.stop()
            return
        self.move("next")

    # -- showing ---------------------------------------------------------------------------------

    def _show(self, context: StepContext) -> None:
        step = context.step
        assert self.replay is not None
        self.bar.position.setText(f"Step {step.index + 1} of {len(self.replay)}:  {step.name or step.span_id}"
                                  f"  ({step.kind}{', failed' if step.failed else ''})")
        self.had.setTabText(0, f"Conversation ({len(context.messages)})")
        self.had.setTabText(1, f"Documents ({context.documents_total})")
        not_sent = f" · {len(context.not_given)} not sent" if context.not_given else ""
        self.had.setTabText(2, f"Tool results ({context.tool_results_total}{not_sent})")

        def conversation(w: DocWriter) -> None:
            if not context.messages:
                w.paragraph("Nothing yet: the run has not started talking.", color=w.muted, italic=True)
            for message in context.messages:
                write_message(w, message)

        self.conversation.write(conversation)
        self.documents.write(lambda w: write_documents(w, context))
        self.tool_results.write(lambda w: write_tool_results(w, context))
        self.action.write(lambda w: write_action(w, context))

    def restyle(self) -> None:
        if self.context is not None:
            self._show(self.context)

    def texts(self) -> dict[str, str]:
        """What each part of the page says, as plain text (for a quick look and for tests)."""
        return {"conversation": self.conversation.toPlainText(), "documents": self.documents.toPlainText(),
                "tool_results": self.tool_results.toPlainText(), "action": self.action.toPlainText()}

