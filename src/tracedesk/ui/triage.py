"""Keeping traces out of the queue from the window: snooze (for an hour, a day, a week or
until a date), skip and reopen the selected rows or the open trace, and the group of
near-duplicates one key away. A row that stands for a group of near-duplicates takes the
group out with it; reopen, with nothing out of the queue selected, puts back what was last
taken out. Every change goes through :func:`tracedesk.core.queue.set_state` and is
announced to the window's views, the queue reading its rows again."""

from __future__ import annotations

import time
from datetime import datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate, QObject, Qt, QTime
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QMenu,
    QVBoxLayout,
    QWidget,
)

from ..core import queue
from ..core.errors import UserError
from ..core.store import Store
from .changes import Changes
from .pages import Page
from .shortcuts import add_action
from .text import show_message

if TYPE_CHECKING:
    from .workspace import Workspace

HOUR = 3600
SNOOZES = (("For an &Hour", HOUR), ("For a &Day", 24 * HOUR), ("For a &Week", 7 * 24 * HOUR))


def wake_snoozed(store: Store | None) -> int:
    """Bring back the traces whose snooze ended (nothing on a read-only or busy database)."""
    if store is None or store.read_only:
        return 0
    try:
        with store.write() as conn:
            return queue.wake_snoozed(conn)
    except UserError:
        return 0


def until_text(until_ns: int) -> str:
    moment = datetime.fromtimestamp(until_ns / 1e9)
    today = datetime.now().date()
    if moment.date() == today:
        return f"today {moment:%H:%M}"
    return f"{moment:%a %d %b %H:%M}"


class SnoozeUntilDialog(QDialog):
    """A date and time to snooze until (tomorrow morning unless changed)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("snoozeUntilDialog")
        self.setWindowTitle("Snooze until")
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel("Keep the traces out of the queue until:", self))
        self.when = QDateTimeEdit(self)
        self.when.setCalendarPopup(True)
        self.when.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.when.setDate(QDate.currentDate().addDays(1))
        self.when.setTime(QTime(9, 0))
        self.when.setMinimumDate(QDate.currentDate())
        layout.addWidget(self.when)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def until_ns(self) -> int:
        return int(self.when.dateTime().toSecsSinceEpoch()) * 10**9


class TriageActions(QObject):
    """The Queue menu's snooze, skip, reopen and "runs alike" actions of a main window."""

    def __init__(self, window: Workspace, menu: QMenu) -> None:
        super().__init__(window)
        self.window = window
        self.snooze_action = add_action(window, "&Snooze for a Day", lambda: self.snooze(24 * HOUR), "S",
                                        "Keep the selected traces out of the queue for a day")
        self.snooze_for_action = add_action(window, "Snooze &For…", self.choose_snooze, "Shift+S",
                                            "Snooze for an hour, a day, a week or until a date")
        self.skip_action = add_action(window, "S&kip", self.skip, "X",
                                      "Keep the selected traces out of the queue until they are reopened")
        self.reopen_action = add_action(window, "Re&open", self.reopen, "Shift+X",
                                        "Put the selected snoozed or skipped traces back in the queue "
                                        "(with none selected, the last ones taken out)")
        self.alike_action = add_action(window, "Show the Runs &Alike", self.show_alike, "G",
                                       "The near-duplicates grouped with this trace")
        self.snooze_menu = QMenu("Snoo&ze", window)
        for text, seconds in SNOOZES:
            self.snooze_menu.addAction(text, lambda s=seconds: self.snooze(s))
        self.snooze_menu.addAction("&Until a Date…", self.snooze_until)
        menu.addSeparator()
        for action in (self.snooze_action, self.snooze_for_action):
            menu.addAction(action)
        menu.addMenu(self.snooze_menu)
        for action in (self.skip_action, self.reopen_action, self.alike_action):
            menu.addAction(action)
        # What the last snooze or skip took out, and of which database, for a reopen with
        # nothing out of the queue selected.
        self.taken_out: list[int] = []
        self._taken_from: Store | None = None
        window.pages.currentChanged.connect(self.update)
        window.queue_model.refreshed.connect(self.update)
        window.queue_pane.selection_changed.connect(self.update)
        self.update()

    @property
    def actions(self) -> list[QAction]:
        return [self.snooze_action, self.snooze_for_action, self.skip_action, self.reopen_action]

    # -- which traces -------------------------------------------------------------------------

    def _in_queue(self) -> bool:
        return self.window.current_page() is Page.QUEUE

    def _in_trace(self) -> bool:
        return self.window.current_page() is Page.TRACE

    def targets(self) -> list[int]:
        """The selected rows of the queue, or the open trace."""
        if self._in_queue():
            return self.window.queue_pane.selected_pks()
        if self._in_trace() and self.window.trace_view.trace_pk is not None:
            return [self.window.trace_view.trace_pk]
        return []

    def update(self, *_: object) -> None:
        store = self.window.store
        writable = store is not None and not store.read_only
        has_targets = bool(self.targets())
        for action in self.actions:
            action.setEnabled(writable and has_targets)
        self.snooze_menu.setEnabled(writable and has_targets)
        self.alike_action.setEnabled(self._in_queue() and self.window.queue_pane.current_pk() is not None)

    # -- the actions --------------------------------------------------------------------------

    def snooze(self, seconds: int) -> None:
        self.set_state(queue.SNOOZED, time.time_ns() + seconds * 10**9)

    def snooze_until(self) -> SnoozeUntilDialog | None:
        if not self.targets():
            return None
        dialog = SnoozeUntilDialog(self.window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        pks = self.targets()
        dialog.accepted.connect(lambda: self.set_state(queue.SNOOZED, dialog.until_ns(), pks))
        dialog.open()
        return dialog

    def choose_snooze(self) -> None:
        """Shift+S: the snooze menu beside the selected row (or the mouse)."""
        where = self.window.queue_pane.below_current_row() if self._in_queue() else None
        if where is None:
            where = self.window.mapToGlobal(self.window.rect().center())
        self.snooze_menu.popup(where)

    def skip(self) -> None:
        self.set_state(queue.SKIPPED, None)

    def reopen(self) -> None:
        """Put the selected traces back in the queue; when none of them is out of it (as
        right after a skip, the selection having moved on), those the last snooze or skip
        took out."""
        pks = self.targets()
        taken = self.taken_out if self._taken_from is self.window.store else []
        if taken and not self._any_out(pks):
            pks = taken
        self.set_state(None, None, pks)

    def _any_out(self, pks: list[int]) -> bool:
        """Whether any of ``pks`` is out of the queue (snoozed, skipped or reviewed)."""
        store = self.window.store
        if store is None or not pks:
            return False
        with store.read() as conn:
            return any(row.out_state is not None for row in queue.rows_for(conn, pks))

    def show_alike(self) -> None:
        pane = self.window.queue_pane
        if not self._in_queue():
            return
        if not pane.show_alike():
            self.window.statusBar().showMessage("This trace has no near-duplicates in the queue.", 5000)

    def set_state(self, state: str | None, until_ns: int | None, pks: list[int] | None = None) -> None:
        """Apply ``state`` to the targets, read the queue again and move on to the next row."""
        window = self.window
        store = window.store
        pks = pks if pks is not None else self.targets()
        if store is None or store.read_only or not pks:
            return
        if until_ns is not None and until_ns <= time.time_ns():
            show_message(window, "Cannot snooze", "That time is already past: a snooze ends in the future.")
            return
        pane = window.queue_pane
        model = window.queue_model
        in_trace = self._in_trace()
        rows = [r for r in (model.row_of(pk) for pk in pks) if r is not None]
        first = min(rows) if rows else max(0, pane.current_row())
        # A row of the queue that stands for a group of near-duplicates goes out whole, from
        # the queue or from its trace opened.
        whole_groups = state is not None and model.queue_filter.one_row_a_group
        chosen = len(pks)
        try:
            with store.write() as conn:
                if whole_groups:
                    pks = queue.with_the_runs_alike(conn, pks)
                for pk in pks:
                    queue.set_state(conn, pk, state, until_ns=until_ns)
        except UserError as exc:
            show_message(window, "Nothing was changed", str(exc))
            return
        self.taken_out, self._taken_from = (list(pks), store) if state is not None else ([], None)
        window.announce(Changes.of(pks, queue=True))
        last = model.row_of(pks[-1])
        # The rows left the queue: the one after them takes their place; in "All traces"
        # (where they stay, marked) the selection moves past them. Reopened, the first
        # of them is selected.
        back = model.row_of(pks[0]) if state is None else None
        target = back if back is not None else first if last is None else min(last + 1, model.rowCount() - 1)
        if model.rowCount():
            pane.select_row(target)
        what = {queue.SNOOZED: f"Snoozed until {until_text(until_ns)}" if until_ns else "Snoozed",
                queue.SKIPPED: "Skipped", None: "Reopened"}[state]
        alike = len(pks) - chosen
        count = (f"the trace and its {alike} run{'s' if alike > 1 else ''} alike" if chosen == 1 and alike
                 else f"{len(pks)} traces" if len(pks) > 1 else "the trace")
        undo = "  ·  Shift+X reopens" if state is not None else ""
        window.statusBar().showMessage(f"{what}: {count}{undo}", 8000)
        if in_trace:
            pk = pane.current_pk()
            if state is not None and pk is not None and pk not in pks:
                window.open_trace(pk)
            elif state is not None:
                window.show_queue()
        self.update()
