"""What the window's controllers use of the window they serve.

The review, teamwork and triage controllers each add a part of the main window (menus,
actions, a page) and act on its views. They take a :class:`Workspace`: the window as they
see it, with its pages and views, the database, the state remembered between runs and the
moves between pages. :class:`~tracedesk.ui.mainwindow.MainWindow` is one; the controllers
never import it, so that it can import them.

What a controller writes it announces (:meth:`Workspace.announce`, a
:class:`~tracedesk.ui.changes.Changes`); the views listening to ``changed`` bring
themselves up to date, so that no controller reloads another part of the window.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QMainWindow, QStackedWidget

from .changes import Changes

if TYPE_CHECKING:
    from ..core.store import Store
    from .import_dialog import ImportDialog
    from .queue_model import QueueModel
    from .queue_view import QueuePane
    from .state import WindowState
    from .trace_view import TraceView


class Workspace(QMainWindow):
    """A main window as its controllers see it; the subclass builds the parts named here."""

    # What an operation changed, and the part of the window that made the change and shows
    # it already (None when none does): that part need not read it back.
    changed = Signal(object, object)  # Changes, the initiator or None

    store: Store | None  # the open review database (None before one is opened)
    state: WindowState  # what is remembered between runs
    pages: QStackedWidget  # the queue, the trace and the other pages, one shown at a time
    queue_pane: QueuePane
    queue_model: QueueModel
    trace_view: TraceView
    import_dialog: ImportDialog | None  # an import under way

    def announce(self, changes: Changes, initiator: object = None) -> None:
        """Tell every view what an operation changed (after its write is committed)."""
        self.changed.emit(changes, initiator)

    def update_actions(self) -> None:
        """Enable the actions that apply to the page shown and the database open."""
        raise NotImplementedError

    def open_trace(self, trace_pk: int) -> None:
        """Show a trace on the trace page."""
        raise NotImplementedError

    def trace_after(self, trace_pk: int) -> int | None:
        """The trace to review after ``trace_pk``, in the queue read again now: the next
        row, or the one that took its row if it left the queue; None after the last."""
        raise NotImplementedError

    def show_queue(self) -> None:
        """Go back to the queue page."""
        raise NotImplementedError

    def open_database(self, path: Path) -> bool:
        """Open another review database in the window; False (said to the user) if it cannot be."""
        raise NotImplementedError

    def import_paths(self, paths: list[Path]) -> ImportDialog | None:
        """Import bundles into the open database, with progress; None if that cannot start."""
        raise NotImplementedError
