"""The main window: the queue page and the trace page, the menus with every action and
its shortcut, import by menu or by drag and drop, and the state remembered between runs."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, cast

from PySide6.QtCore import QEvent, Qt, QTimer, QUrl, Signal
from PySide6.QtGui import QAction, QCloseEvent, QDesktopServices, QDragEnterEvent, QDropEvent, QKeySequence
from PySide6.QtWidgets import (
    QFileDialog,
    QLabel,
    QMessageBox,
    QStackedWidget,
)

from ..core import queue, views
from ..core.database import open_store
from ..core.errors import UserError
from ..core.settings import load_settings
from ..core.store import Store
from ..core.text import counted
from ..logs import log_folder
from .background import LatestRunner, wait_for_background
from .changes import Changes
from .compare_chooser import CompareChooser
from .compare_view import CompareView, ExpectedAnswerDialog
from .echo_backlog import EchoBacklog
from .import_dialog import ImportDialog, ProblemsDialog
from .learned_dialog import LearnedDialog
from .pages import Page, PageStack, PageView
from .queue_model import QueueModel
from .queue_view import QueuePane
from .redetection import Redetection
from .replay_view import ReplayView
from .reviewing import ReviewController
from .shortcuts import ShortcutsDialog, add_action
from .state import WindowState
from .style import app_icon
from .teamwork import TeamworkController
from .text import show_message
from .trace_view import TraceView
from .triage import TriageActions, wake_snoozed
from .workspace import Workspace

if TYPE_CHECKING:
    from .insights_view import InsightsView

BUNDLE_FILTER = ("Traces and trajectories (*.jsonl *.jsonl.gz *.jsonl.zst *.json *.json.gz *.ndjson *.traj *.zip "
                 "*.eval);;All files (*)")
DATABASE_FILTER = "Review databases (*.sqlite *.db *.tracedesk);;All files (*)"

STYLE = """
#filterBar, #traceHeader { background: palette(window); border-bottom: 1px solid palette(mid); }
#errorBanner { background: rgba(214, 69, 69, 0.13); border: 1px solid rgba(214, 69, 69, 0.5);
               border-radius: 6px; padding: 6px 9px; }
QTableView#queueTable { border: none; outline: 0; }
QTreeView#spanTree { outline: 0; }
QTableView#queueTable::item { padding-left: 6px; padding-right: 6px; }
QTreeView#spanTree, QTreeWidget#signalsPanel, QTreeWidget#sessionPanel { border: none; }
QTreeView#spanTree::item { padding: 3px 0; }
QTreeWidget#signalsPanel::item, QTreeWidget#sessionPanel::item { padding: 3px 0; }
QTextEdit#readableView, QPlainTextEdit#jsonView, QPlainTextEdit#fullTextView {
    border: 1px solid palette(mid); border-radius: 4px; }
QStatusBar QLabel { padding: 0 8px; }
"""


class MainWindow(Workspace):
    import_finished = Signal(object)  # the ImportReport, or None if cancelled or failed

    def __init__(self, store: Store | None = None, state: WindowState | None = None) -> None:
        super().__init__()
        self.store: Store | None = None
        self.state = state or WindowState()
        self.import_dialog: ImportDialog | None = None
        self.problems_dialog: ProblemsDialog | None = None
        self.choices_ready = False  # the filters offer this database's values
        self._total: int | None = None  # traces in the database, read again when traces come or go
        self.queue_stale = False  # reviews changed since the queue was read: read again when it is shown
        self._choices_reader = LatestRunner(self._choices_read, self)
        self.setWindowIcon(app_icon())
        self.setAcceptDrops(True)
        self.setStyleSheet(STYLE)
        self.queue_model = QueueModel(None, self)
        self.pages = QStackedWidget(self)
        self.page_stack = PageStack(self.pages, Page.QUEUE)
        self.queue_pane = QueuePane(self.queue_model, self.pages)
        self.trace_view = TraceView(self.pages)
        self.compare_chooser: CompareChooser | None = None
        self.expected_dialog: ExpectedAnswerDialog | None = None
        self.add_page(Page.QUEUE, self.queue_pane, step=self.queue_pane.move, back=self.queue_pane.page_back)
        self.add_page(Page.TRACE, self.trace_view, step=self._step_trace)
        # The replay, the comparison and Insights are built the first time they are shown:
        # most sessions review, and the window opens sooner without them.
        self.add_page_later(Page.REPLAY, self._build_replay)
        self.add_page_later(Page.COMPARE, self._build_compare)
        self.add_page_later(Page.INSIGHTS, self._build_insights)
        self.queue_pane.insights_requested.connect(self.show_insights)
        self.setCentralWidget(self.pages)
        self.queue_pane.open_requested.connect(self.open_trace)
        self.trace_view.back_requested.connect(self.show_queue)
        self.trace_view.step_requested.connect(self.step_page)
        self.trace_view.trace_requested.connect(self.open_trace)
        self.trace_view.replay_requested.connect(self.start_replay)
        self.trace_view.compare_requested.connect(self.choose_comparison)
        self.queue_model.refreshed.connect(self.update_status)
        self.queue_pane.selection_changed.connect(self.update_status)
        self.counts = QLabel(self)
        self.counts.setObjectName("statusCounts")
        self.counts.setTextFormat(Qt.TextFormat.PlainText)  # it may name a trace
        self.where = QLabel(self)
        self.where.setTextFormat(Qt.TextFormat.PlainText)  # a file's path
        self.searching = QLabel("Searching…", self)  # while a search is read in the background
        self.searching.setObjectName("searchingHint")
        self.searching.hide()
        self.queue_model.searching_changed.connect(self.searching.setVisible)
        self.statusBar().addWidget(self.counts, 1)
        self.statusBar().addPermanentWidget(self.searching)
        self.statusBar().addPermanentWidget(self.where)
        self._build_menus()
        # After the controllers' own: the review panel's text is saved before the queue is read.
        self.pages.currentChanged.connect(self._page_changed)
        self.changed.connect(self._apply_changes)
        self.echo_backlog = EchoBacklog(self)  # verdicts merged in: their echoes, in the background
        self.redetection = Redetection(self)  # a database an older version detected: its signals again
        self._restore()
        if store is not None:
            self.set_store(store)
        else:
            self.update_title()

    # -- menus -----------------------------------------------------------------------------

    def _build_menus(self) -> None:
        bar = self.menuBar()
        file = bar.addMenu("&File")
        self.open_db_action = add_action(self, "&Open Database…", self.choose_database, QKeySequence.StandardKey.Open,
                                         "Open another review database")
        self.new_db_action = add_action(self, "&New Database…", self.choose_new_database,
                                        QKeySequence.StandardKey.New, "Start a new, empty review database")
        file.addAction(self.open_db_action)
        file.addAction(self.new_db_action)
        self.recent_menu = file.addMenu("Open &Recent")
        file.addSeparator()
        self.import_action = add_action(self, "&Import Bundles…", self.choose_import, "Ctrl+I",
                                        "Import trace bundle files into this database")
        self.import_folder_action = add_action(self, "Import &Folder…", self.choose_import_folder, "Ctrl+Shift+I",
                                               "Import every bundle in a folder")
        file.addAction(self.import_action)
        file.addAction(self.import_folder_action)
        self.reviewing = ReviewController(self)  # the review panel, undo, history, causes and export
        file.addAction(self.reviewing.export_action)
        self.teamwork = TeamworkController(self, file, self.reviewing)  # share, merge, dropped databases, disagreements
        file.addSeparator()
        self.quit_action = add_action(self, "&Quit", self.close, QKeySequence.StandardKey.Quit)
        file.addAction(self.quit_action)

        self.reviewing.fill_edit_menu(bar.addMenu("&Edit"))

        go = bar.addMenu("&Go")
        self.next_action = add_action(self, "&Next Trace", lambda: self.step_page(1), ["J"],
                                      "The next trace of the queue")
        self.previous_action = add_action(self, "&Previous Trace", lambda: self.step_page(-1), ["K"],
                                          "The previous trace of the queue")
        self.open_action = QAction("&Open Trace", self.queue_pane.table)
        self.open_action.setShortcuts([QKeySequence("Return"), QKeySequence("Enter")])
        self.open_action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        self.open_action.triggered.connect(self.open_current)
        self.queue_pane.table.addAction(self.open_action)
        self.back_action = add_action(self, "&Back to Queue", self.go_back, "Esc",
                                      "Back to the page this one was reached from, or clear the search")
        self.session_action = add_action(self, "Session &Turns", self.show_session, "Ctrl+T",
                                         "The other turns of this trace's conversation")
        self.signals_action = add_action(self, "&Signals", self.show_signals, "Ctrl+G",
                                         "Why this trace is in the queue")
        self.whole_action = add_action(self, "The &Run as a Whole", self.trace_view.show_whole_trace, "Ctrl+R",
                                       "The question, the answer, feedback and metadata of the trace")
        self.full_text_action = add_action(self, "Show &Full Text", self.trace_view.detail.show_full_text,
                                           "Ctrl+Shift+F", "The selected step's values in full")
        for action in (self.next_action, self.previous_action, self.open_action, self.back_action):
            go.addAction(action)
        go.addSeparator()
        for action in (self.session_action, self.signals_action, self.whole_action, self.full_text_action):
            go.addAction(action)

        self._build_replay_menu(bar.addMenu("&Replay"))
        self.reviewing.fill_review_menu(bar.addMenu("Re&view"))

        queue_menu = bar.addMenu("&Queue")
        self.search_action = add_action(self, "&Search…", self.focus_search, "/",
                                        "Search the queue's traces by their words")
        self.clear_filters_action = add_action(self, "&Clear Search and Filters", self.queue_pane.filters.clear,
                                               "Ctrl+Shift+L")
        self.refresh_action = add_action(self, "&Refresh", self.refresh, QKeySequence.StandardKey.Refresh,
                                         "Read the queue again (after another program changed the database)")
        for action in (self.search_action, self.clear_filters_action, self.refresh_action):
            queue_menu.addAction(action)
        self.triage = TriageActions(self, queue_menu)  # snooze, skip, reopen, runs alike
        queue_menu.addSeparator()
        self.learned_action = add_action(self, "What Reviews &Taught…", self.show_learned, None,
                                         "How far the queue trusts each kind of signal, from the verdicts here")
        queue_menu.addAction(self.learned_action)

        view_menu = bar.addMenu("&View")
        self.view_queue_action = add_action(self, "The &Queue", self.show_queue, "Ctrl+1", "The failure queue")
        self.insights_action = add_action(self, "&Insights", self.show_insights, ["Ctrl+3", "F3"],
                                          "Where failures come from, and whether a change helped")
        view_menu.addAction(self.view_queue_action)
        view_menu.addAction(self.insights_action)
        self.teamwork.fill_view_menu(view_menu)

        help_menu = bar.addMenu("&Help")
        self.shortcuts_action = add_action(self, "&Keyboard Shortcuts", self.show_shortcuts, ["?", "F1"])
        self.about_action = add_action(self, "&About Tracedesk", self.show_about)
        self.log_folder_action = add_action(self, "Open &Log Folder", self.open_log_folder,
                                            tip="The folder of Tracedesk's log file, to attach to a bug report")
        help_menu.addAction(self.shortcuts_action)
        help_menu.addAction(self.log_folder_action)
        help_menu.addAction(self.about_action)
        self._update_recent_menu()
        self.update_actions()

    def update_actions(self) -> None:
        in_trace = self.current_page() is Page.TRACE
        has_store = self.store is not None
        for action in (self.session_action, self.signals_action, self.whole_action, self.full_text_action):
            action.setEnabled(in_trace)
        for action in (self.search_action, self.refresh_action, self.learned_action):
            action.setEnabled(has_store)
        for action in (self.import_action, self.import_folder_action):  # a read-only database takes nothing in
            action.setEnabled(has_store and not self.store.read_only)
        self._update_replay_actions()
        self.reviewing.update_actions()
        self.teamwork.update_actions()

    def _update_recent_menu(self) -> None:
        self.recent_menu.clear()
        recent = self.state.recent()
        for number, path in enumerate(recent, start=1):
            # "&" in a menu entry marks its access key: a file named "R&D.sqlite" shows as is.
            label = f"{path.name}   ({path.parent})".replace("&", "&&")
            action = self.recent_menu.addAction(f"&{number}  {label}")
            action.setToolTip(str(path))
            action.triggered.connect(lambda _=False, p=path: self.open_database(p))
        if recent:
            self.recent_menu.addSeparator()
            self.recent_menu.addAction("Clear the List", self._clear_recent)
        self.recent_menu.setEnabled(bool(recent))

    def _clear_recent(self) -> None:
        self.state.clear_recent()
        self._update_recent_menu()

    # -- the database ------------------------------------------------------------------------

    def set_store(self, store: Store) -> None:
        """Show the queue of ``store`` (the window takes it over and closes the previous one)."""
        if self.store is not None and self.store is not store:
            self.echo_backlog.stop()
            self.redetection.stop()
            wait_for_background()
            self.store.close()
        self.store = store
        self._total = None
        self.queue_model.set_store(store, refresh=False)
        if not store.read_only:
            try:
                weights = load_settings().weights
            except UserError as exc:
                show_message(self, "Settings not read", str(exc))
            else:
                with store.write() as conn:
                    queue.ensure_weights(conn, weights)
        self.state.add_recent(store.path)
        self._update_recent_menu()
        self.trace_view.clear()
        for view in self._built(Page.REPLAY, Page.COMPARE):
            view.clear()
        self.queue_pane.clear_scope()
        if self.page_stack.built(Page.INSIGHTS):
            self.insights_view.set_store(store)
        self.queue_stale = False
        self.show_queue()
        self.page_stack.forget()  # nothing of the last database to go back to
        self.refresh()
        self.update_title()
        self.echo_backlog.start()
        self.redetection.start_soon()

    def open_database(self, path: Path) -> bool:
        try:
            store = open_store(path)
        except UserError as exc:
            show_message(self, "Cannot open the database", str(exc))
            return False
        self.set_store(store)
        return True

    def choose_database(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, "Open a review database", self._start_folder(), DATABASE_FILTER)
        if path:
            self.open_database(Path(path))

    def choose_new_database(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, "New review database", self._start_folder(), DATABASE_FILTER)
        if path:
            if Path(path).exists():
                show_message(self, "The file exists", f"{path} already exists; choose Open Database to "
                                    "open it, or another name.")
                return
            self.open_database(Path(path))

    def _start_folder(self) -> str:
        return str(self.store.path.parent) if self.store else str(Path.home())

    def show_learned(self) -> None:
        if self.store is None:
            return
        dialog = LearnedDialog(self.store, self)
        dialog.forgotten.connect(lambda: self.announce(Changes(queue=True), dialog))  # the priorities
        dialog.exec()

    def refresh(self) -> None:
        """Read the database again (another program may have changed it)."""
        if self.store is not None:
            self.announce(Changes(traces=True, queue=True))

    def _apply_changes(self, changes: Changes, _initiator: object) -> None:
        """The queue, its filters' values and the counts after a change."""
        if self.store is None:
            return
        if changes.traces:
            self._total = None
        if changes.queue_moved:
            self._read_queue()
        elif changes.reviews:
            # A reviewed trace leaves the queue. Shown, the queue is read again at once;
            # behind the trace page it keeps its rows, so that j, k and n go on from the same
            # place, and shows the new reviews in them; it is read again when shown.
            if self.current_page() is Page.QUEUE:
                self._read_queue()
            else:
                self.queue_stale = True
                self.queue_model.rows_changed(changes.trace_pks)
        if changes.traces:
            self._read_choices()

    def _page_changed(self, _index: int) -> None:
        if self.current_page() is Page.QUEUE and self.queue_stale:
            self._read_queue()

    def _read_queue(self) -> None:
        """Read the queue again, the snoozes that have ended back in it, keeping the place."""
        self.queue_stale = False
        wake_snoozed(self.store)
        self.queue_pane.reread()

    def trace_after(self, trace_pk: int) -> int | None:
        model, pane = self.queue_model, self.queue_pane
        before = model.row_of(trace_pk)
        reference = before if before is not None else pane.current_row()
        self._read_queue()
        after = model.row_of(trace_pk)
        if after is not None:  # still in the queue ("All traces" shows the reviewed): the one after it
            target = after + 1
        elif before is not None:  # it left the queue: the trace that took its row
            target = reference
        else:  # opened from elsewhere (a turn of its session): the one after the queue's row
            target = reference + 1
        if not 0 <= target < model.rowCount():
            return None
        pane.select_row(target)
        return model.trace_pk(target)

    def _read_choices(self) -> None:
        """The values the filters offer, read in the background (a scan of the traces)."""
        self.choices_ready = False
        store = self.store

        def read_choices() -> dict[str, list[str]]:
            with store.read() as conn:  # a scan of the traces: a second on a million of them
                return views.filter_choices(conn)

        self._choices_reader.run(read_choices)  # those of an earlier read, or another database, are dropped

    def _choices_read(self, choices: dict[str, list[str]] | None, error: Exception | None) -> None:
        if error is not None:
            self.statusBar().showMessage(f"The filters' values could not be read: {error}", 8000)
            return
        assert choices is not None
        self.queue_pane.filters.set_choices(choices)
        self.choices_ready = True

    def update_title(self) -> None:
        if self.store is None:
            self.setWindowTitle("Tracedesk")
            return
        path = self.store.path
        flag = "  [read-only]" if self.store.read_only else ""
        self.setWindowTitle(f"{path.name} ({path.parent}){flag} — Tracedesk")
        self.where.setText(str(path))

    def update_status(self) -> None:
        if self.store is None:
            self.counts.setText("No database open")
            return
        shown = self.queue_model.rowCount()
        if self._total is None:  # a count of a million rows: not on every move in the queue
            with self.store.read() as conn:
                self._total = views.trace_count(conn)
        total = self._total
        text = f"{counted(shown, 'trace')} in the queue  ·  {total:,} in the database"
        row = self.queue_pane.current_row()
        if shown and row >= 0:
            text = f"{row + 1:,} of {text}"
        if self.current_page() is Page.TRACE and self.trace_view.outline is not None:
            outline = self.trace_view.outline
            text = f"Trace {outline.trace_id}: {counted(len(outline.by_span_id), 'step')}  ·  " + text
        self.counts.setText(text)

    # -- moving around -------------------------------------------------------------------------

    def add_page(self, page: Page, view: PageView, *, step: Callable[[int], None] | None = None,
                 back: Callable[[], bool] | None = None) -> None:
        self.page_stack.add(page, view, step, back)

    def add_page_later(self, page: Page, build: Callable[[], PageView], *,
                       step: Callable[[int], None] | None = None, back: Callable[[], bool] | None = None) -> None:
        self.page_stack.add_later(page, build, step, back)

    def page_view(self, page: Page) -> PageView:
        return cast(PageView, self.page_stack.view(page))

    def current_page(self) -> Page:
        return self.page_stack.current()

    def show_page(self, page: Page) -> None:
        self.page_stack.show(page)
        self.update_actions()
        self.update_status()

    def go_back(self) -> None:
        target = self.page_stack.back()  # in the queue, its search first, then the runs alike
        if target is not None:
            self.show_page(target)

    def step_page(self, delta: int) -> None:
        """j (+1) and k (-1): the next or previous item of the page shown."""
        self.page_stack.step(delta)

    def _step_trace(self, delta: int) -> None:
        """In a trace, j and k open the next or previous trace of the queue."""
        self.queue_pane.move(delta)
        pk = self.queue_pane.current_pk()
        if pk is not None and pk != self.trace_view.trace_pk:
            self.open_trace(pk)

    def open_trace(self, trace_pk: int) -> None:
        if self.store is None:
            return
        self.queue_pane.select_trace(trace_pk)
        self.trace_view.open_trace(self.store, trace_pk)
        self.show_page(Page.TRACE)

    def open_current(self) -> None:
        pk = self.queue_pane.current_pk()
        if pk is not None:
            self.open_trace(pk)

    @property
    def replay_view(self) -> ReplayView:
        """The replay page, built on first use."""
        return cast(ReplayView, self.page_view(Page.REPLAY))

    @property
    def compare_view(self) -> CompareView:
        """The comparison page, built on first use."""
        return cast(CompareView, self.page_view(Page.COMPARE))

    @property
    def insights_view(self) -> InsightsView:
        """The Insights page, built on first use."""
        return cast("InsightsView", self.page_view(Page.INSIGHTS))

    def _built(self, *pages: Page) -> list:
        """The views of ``pages`` built so far: a page built on first use may not be yet."""
        return [self.page_stack.view(page) for page in pages if self.page_stack.built(page)]

    def _build_replay(self) -> ReplayView:
        view = ReplayView(self.pages)
        view.back_requested.connect(self.go_back)
        return view

    def _build_compare(self) -> CompareView:
        view = CompareView(self.pages)
        view.back_requested.connect(self.go_back)
        return view

    def _build_insights(self) -> InsightsView:
        from .insights_view import InsightsView  # (its module too is read when first shown)

        view = InsightsView(self.pages)
        view.set_store(self.store)
        view.open_filter.connect(self.show_insights_traces)
        self.changed.connect(view.apply_changes)
        return view

    def show_insights(self) -> None:
        self.show_page(Page.INSIGHTS)

    def show_insights_traces(self, f: queue.QueueFilter, title: str) -> None:
        """The traces behind a figure of Insights, in the queue under a bar that says so."""
        self.queue_pane.filters.clear_search()
        self.queue_pane.show_filter(f, title)
        self.show_queue()

    def focus_search(self) -> None:
        self.show_queue()
        self.queue_pane.focus_search()

    def show_session(self) -> None:
        self.trace_view.side_tabs.setCurrentWidget(self.trace_view.session)
        self.trace_view.session.setFocus()

    def show_signals(self) -> None:
        self.trace_view.side_tabs.setCurrentWidget(self.trace_view.signals)
        self.trace_view.signals.setFocus()

    def show_shortcuts(self) -> ShortcutsDialog:
        dialog = ShortcutsDialog(self.menuBar(), self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def open_log_folder(self) -> None:
        """Show the log folder in the desktop's file manager (made first if there is no log yet)."""
        folder = log_folder()
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            show_message(self, "The log folder cannot be made", f"{folder}: {exc.strerror}")
            return
        if not QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder))):
            show_message(self, "The log folder", f"The log file is in {folder}")

    def show_about(self) -> None:
        from .. import __version__

        QMessageBox.about(self, "About Tracedesk",
                          f"Tracedesk {__version__}\n\nReview what LLM agents did and turn their failures "
                          "into eval cases.")

    # -- replay and comparison ------------------------------------------------------------------

    def _build_replay_menu(self, menu) -> None:
        self.replay_action = add_action(self, "&Replay the Run", self.start_replay, "R",
                                        "Step through the trace in time order with what the agent had at each step")
        self.compare_action = add_action(self, "&Compare With…", self.choose_comparison, "Shift+C",
                                         "Put another run (or the expected answer) beside this trace")
        self.step_actions = {
            "next": add_action(self, "&Next Step", lambda: self.move_step("next"), ["Right", "N"]),
            "previous": add_action(self, "&Previous Step", lambda: self.move_step("previous"), ["Left", "P"]),
            "first": add_action(self, "&First Step", lambda: self.move_step("first"), "Home"),
            "last": add_action(self, "&Last Step", lambda: self.move_step("last"), "End"),
        }
        self.play_action = add_action(self, "P&lay or Pause", self.toggle_play, "Space",
                                      "Step on its own at the chosen speed")
        self.faster_action = add_action(self, "&Faster", lambda: self._replay_page().faster(), ["+", "="])
        self.slower_action = add_action(self, "&Slower", lambda: self._replay_page().slower(), "-")
        self.next_difference_action = add_action(self, "Next &Difference", lambda: self.move_difference(1), "D",
                                                 "The next row where the two runs differ")
        self.previous_difference_action = add_action(self, "Previous Di&fference", lambda: self.move_difference(-1),
                                                     "Shift+D")
        menu.addAction(self.replay_action)
        menu.addAction(self.compare_action)
        menu.addSeparator()
        for action in (*self.step_actions.values(), self.play_action, self.faster_action, self.slower_action):
            menu.addAction(action)
        menu.addSeparator()
        menu.addAction(self.next_difference_action)
        menu.addAction(self.previous_difference_action)

    def _replay_page(self) -> ReplayView | CompareView:
        return self.compare_view if self.current_page() is Page.COMPARE else self.replay_view

    def _update_replay_actions(self) -> None:
        page = self.current_page()
        stepping = page in (Page.REPLAY, Page.COMPARE)
        self.replay_action.setEnabled(page is Page.TRACE)
        self.compare_action.setEnabled(page is Page.TRACE)
        for action in (*self.step_actions.values(), self.play_action, self.faster_action, self.slower_action):
            action.setEnabled(stepping)
        self.next_difference_action.setEnabled(page is Page.COMPARE)
        self.previous_difference_action.setEnabled(page is Page.COMPARE)
        # j/k: the list of the page shown (the queue's traces in a trace); not the steps of a
        # replay (n and p), nor a hidden queue behind the Insights page.
        for action in (self.next_action, self.previous_action):
            action.setEnabled(self.page_stack.can_step())
        if not stepping:
            for view in self._built(Page.REPLAY, Page.COMPARE):
                view.player.stop()

    def start_replay(self) -> None:
        """Replay the open trace, from its selected step if there is one."""
        outline = self.trace_view.outline
        if self.store is None or outline is None:
            return
        node = self.trace_view.selected_span()
        self.replay_view.open(self.store, outline, node.span_id if node is not None else None)
        self.show_page(Page.REPLAY)

    def choose_comparison(self) -> CompareChooser | None:
        """The chooser of what to compare the open trace with (window-modal)."""
        outline = self.trace_view.outline
        if self.store is None or outline is None:
            return None
        chooser = CompareChooser(self.store, outline, self)
        chooser.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        chooser.accepted.connect(lambda: self._compare_chosen(chooser))
        chooser.destroyed.connect(lambda: setattr(self, "compare_chooser", None))
        self.compare_chooser = chooser
        chooser.open()
        return chooser

    def _compare_chosen(self, chooser: CompareChooser) -> None:
        choice, store = chooser.chosen, chooser.chosen_store
        outline = self.trace_view.outline
        if choice is None or store is None or self.store is None or outline is None:
            return
        if choice.kind == "expected" and choice.expected is not None:
            with self.store.read() as conn:
                answer = views.trace_content(conn, outline.pk)["output"]
            dialog = ExpectedAnswerDialog(answer, choice.expected, self)
            dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            dialog.destroyed.connect(lambda: setattr(self, "expected_dialog", None))
            self.expected_dialog = dialog
            dialog.open()
            return
        if choice.trace_pk is not None:
            self.compare_traces(store, choice.trace_pk)

    def compare_traces(self, store_b: Store, trace_pk_b: int) -> None:
        """The open trace beside trace ``trace_pk_b`` of ``store_b`` (this database or a
        second one, which the comparison page then owns)."""
        outline = self.trace_view.outline
        if self.store is None or outline is None:
            return
        self.compare_view.open(self.store, outline.pk, store_b, trace_pk_b)
        self.show_page(Page.COMPARE)

    def move_step(self, where: str) -> None:
        self._replay_page().move(where)

    def toggle_play(self) -> None:
        self._replay_page().toggle_play()

    def move_difference(self, direction: int) -> None:
        if self.current_page() is Page.COMPARE:
            self.compare_view.move_to_difference(direction)

    # -- import ----------------------------------------------------------------------------------

    def _import_folder(self) -> str:
        """Where the last import was chosen from, else beside the database."""
        folder = self.state.text("window/import_folder")
        return folder if folder and Path(folder).is_dir() else self._start_folder()

    def choose_import(self) -> None:
        paths, _ = QFileDialog.getOpenFileNames(self, "Import trace bundles", self._import_folder(), BUNDLE_FILTER)
        if paths:
            self.state.set_text("window/import_folder", str(Path(paths[0]).parent))
            self.import_paths([Path(p) for p in paths])

    def choose_import_folder(self) -> None:
        path = QFileDialog.getExistingDirectory(self, "Import a folder of bundles", self._import_folder())
        if path:
            self.state.set_text("window/import_folder", str(Path(path).parent))
            self.import_paths([Path(path)])

    def import_paths(self, paths: list[Path]) -> ImportDialog | None:
        """Import in the background with a progress dialog; ``import_finished`` tells the end."""
        if self.store is None or not paths:
            return None
        if self.import_dialog is not None:
            QMessageBox.information(self, "An import is running", "Wait for the current import to finish.")
            return None
        dialog = ImportDialog(self.store, paths, self)
        dialog.done.connect(self._import_done)
        self.import_dialog = dialog
        dialog.start()
        return dialog

    def _import_done(self, report) -> None:
        dialog = self.import_dialog
        self.import_dialog = None
        if dialog is not None:
            dialog.deleteLater()
        if report is None:
            if dialog is not None and dialog.error:
                show_message(self, "Import failed", dialog.error)
            else:
                self.statusBar().showMessage("Import cancelled: the database was left as it was.", 8000)
            self.import_finished.emit(None)
            return
        self.announce(Changes(traces=True))
        added = report.added
        self.statusBar().showMessage(
            f"Imported {added.traces:,} traces, {added.spans:,} spans, {added.feedback:,} feedback"
            + (f"  ·  {report.problem_count:,} problems" if report.problem_count else ""), 10000)
        if report.problem_count or any(p.error for p in report.paths):
            self.problems_dialog = ProblemsDialog(report, self)
            self.problems_dialog.open()
        self.import_finished.emit(report)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802 - Qt's name
        urls = event.mimeData().urls() if event.mimeData().hasUrls() else []
        if urls and all(url.isLocalFile() for url in urls) and self.teamwork.accepts_drop(
                [Path(url.toLocalFile()) for url in urls]):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802
        paths = [Path(url.toLocalFile()) for url in event.mimeData().urls() if url.isLocalFile()]
        if paths:
            event.acceptProposedAction()
            # After the drop returns, so the file manager is not left waiting.
            # A review database is merged (Shift) or asked about; bundles are imported.
            shift = bool(event.modifiers() & Qt.KeyboardModifier.ShiftModifier)
            QTimer.singleShot(0, lambda: self.teamwork.drop(paths, shift))

    # -- remembering -----------------------------------------------------------------------------

    def _restore(self) -> None:
        geometry = self.state.bytes("window/geometry")
        if geometry is None or not self.restoreGeometry(geometry):
            self.resize(1280, 800)
        for key, splitter in (("window/trace_splitter", self.trace_view.splitter),
                              ("window/trace_left_splitter", self.trace_view.left),
                              ("window/review_splitter", self.trace_view.review_splitter)):
            value = self.state.bytes(key)
            if value is not None:
                splitter.restoreState(value)
        header = self.state.bytes("window/queue_header")
        if header is not None:
            self.queue_pane.table.horizontalHeader().restoreState(header)

    def save_state(self) -> None:
        self.state.set_bytes("window/geometry", self.saveGeometry())
        self.state.set_bytes("window/trace_splitter", self.trace_view.splitter.saveState())
        self.state.set_bytes("window/trace_left_splitter", self.trace_view.left.saveState())
        self.state.set_bytes("window/review_splitter", self.trace_view.review_splitter.saveState())
        self.state.set_bytes("window/queue_header", self.queue_pane.table.horizontalHeader().saveState())
        self.state.sync()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        if self.import_dialog is not None and self.import_dialog.running:
            self.import_dialog.cancel()
            event.ignore()
            self.import_finished.connect(lambda _report: self.close())
            return
        self.reviewing.close()  # saves what the review's text fields hold; stops an export
        self.teamwork.close()  # stops a share or a merge
        self.save_state()
        self.echo_backlog.stop()
        self.redetection.stop()
        wait_for_background()
        for view in self._built(Page.COMPARE):
            view.clear()
        if self.store is not None:
            self.store.close()
        super().closeEvent(event)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:
            # Item views take their colours from the palette as they paint; the detail's
            # document was written with the old colours: write it again.
            self.trace_view.restyle()
            for view in self._built(Page.REPLAY, Page.COMPARE):
                view.restyle()

