"""What the window's controllers use of the window they serve.

The review, teamwork and triage controllers each add a part of the main window (menus,
actions, a page) and act on its views. They take a :class:`Workspace`: the window as they
see it, with its pages and views, the database, the state remembered between runs and the
moves between pages. :class:`~tracedesk.ui.mainwindow.MainWindow` is one; the controllers
never import it, so that it can import them.

What a controller writes it announces (:meth:`Workspace.announce`, a
:class:`~tracedesk.ui.changes.Changes`); the views listening to ``changed`` bring
themselves up to date, so that no controller reloads another part of the window.

The pages (the queue, a trace, its replay, a comparison, Insights, Disagreements) are
shown by one :meth:`Workspace.show_page`, which remembers the pages they were reached
from (:mod:`tracedesk.ui.pages`): Esc goes back along that path, and j and k move in the
list of the page shown.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QMainWindow, QStackedWidget

from .changes import Changes
from .pages import Page, PageView

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

    def add_page(self, page: Page, view: PageView, *, step: Callable[[int], None] | None = None,
                 back: Callable[[], bool] | None = None) -> None:
        """Make ``view`` (a QWidget) one of the pages. ``step(delta)`` is what j (+1) and k (-1)
        do on it (they are off on a page without one); ``back()`` what Esc does within it
        before it goes back to the page it was reached from (False when it did nothing)."""
        raise NotImplementedError

    def add_page_later(self, page: Page, build: Callable[[], PageView], *,
                       step: Callable[[int], None] | None = None, back: Callable[[], bool] | None = None) -> None:
        """Make the view ``build()`` returns one of the pages, built the first time it is shown
        or asked for (:meth:`page_view`): a page most sessions never open costs nothing
        while the window opens."""
        raise NotImplementedError

    def page_view(self, page: Page) -> PageView:
        """The view of ``page``, built now if it was added to be built later."""
        raise NotImplementedError

    def show_page(self, page: Page) -> None:
        """Show ``page`` and remember the page it was reached from (a page already on the way
        back is returned to: the pages after it are forgotten)."""
        raise NotImplementedError

    def current_page(self) -> Page:
        raise NotImplementedError

    def go_back(self) -> None:
        """Esc: back within the page, else to the page it was reached from."""
        raise NotImplementedError

    def open_trace(self, trace_pk: int) -> None:
        """Show a trace on the trace page."""
        raise NotImplementedError

    def trace_after(self, trace_pk: int) -> int | None:
        """The trace to review after ``trace_pk``, in the queue read again now: the next
        row, or the one that took its row if it left the queue; None after the last."""
        raise NotImplementedError

    def show_queue(self) -> None:
        """Show the queue page."""
        self.show_page(Page.QUEUE)

    def open_database(self, path: Path) -> bool:
        """Open another review database in the window; False (said to the user) if it cannot be."""
        raise NotImplementedError

    def import_paths(self, paths: list[Path]) -> ImportDialog | None:
        """Import bundles into the open database, with progress; None if that cannot start."""
        raise NotImplementedError
