"""The signals of a database an older Tracedesk detected, found again in the background.

Each version of the detectors finds defects the one before missed. A database detected by
an older version (:func:`tracedesk.core.signals.outdated`) has its signals found again
when the window opens it (:func:`tracedesk.core.signals.redetect`), a chunk of traces a
write on the thread pool, so that the reviewer can work meanwhile; the status bar says
so, and the queue is read again when it is done. Opening another database or closing the
window stops it after the chunk under way; it goes on from there on the next open.
"""

from __future__ import annotations

import threading

from PySide6.QtCore import QObject, QTimer, Slot

from ..core import signals
from ..core.store import Store
from ..core.text import counted
from .background import run_in_background
from .changes import Changes
from .workspace import Workspace


class Redetection(QObject):
    """Finds the signals of an opened database again when an older version found them."""

    def __init__(self, workspace: Workspace) -> None:
        super().__init__(workspace)
        self.workspace = workspace
        self._running = False
        self._stop = threading.Event()
        self._wanted: object | None = None  # the start asked for, until stop() withdraws it

    @property
    def running(self) -> bool:
        return self._running

    def start_soon(self) -> None:
        """Start once the window shows (a status message shown before the window is drawn
        over the counts beside it), unless stopped meanwhile."""
        wanted = self._wanted = object()
        QTimer.singleShot(0, self, lambda: self._wanted is wanted and self.start())
        # (If one still runs then, on the database before, this one starts when it ends.)

    def start(self) -> bool:
        """Start if the database's signals are an older version's; return whether it started.
        While one runs (still on the database before), the start asked for waits for it to
        end."""
        store = self.workspace.store
        if self._running:
            return False
        self._wanted = None
        if store is None or store.read_only:
            return False
        with store.read() as conn:
            older = signals.outdated(conn)
        if not older:
            return False
        self._running = True
        self._stop = stop = threading.Event()
        self.workspace.statusBar().showMessage(
            f"Finding the signals of {counted(older, 'trace')} again with this version's detectors…")
        run_in_background(lambda: (store, signals.redetect(store, stop=stop.is_set)), self._done)
        return True

    def stop(self) -> None:
        """End after the chunk under way (the database is about to be closed), and start
        none asked for."""
        self._wanted = None
        self._stop.set()

    @Slot(object, object)
    def _done(self, outcome: tuple[Store, int] | None, error: Exception | None) -> None:
        self._running = False
        if self._wanted is not None and (outcome is None or outcome[0] is not self.workspace.store):
            self.start()  # another database was opened meanwhile: its turn
            return
        self._wanted = None
        if self._stop.is_set():
            return
        bar = self.workspace.statusBar()
        if error is not None:  # logged with its traceback; tried again when the database is next opened
            bar.showMessage(f"The signals were not found again: {error}", 10000)
        elif outcome is not None and outcome[0] is self.workspace.store:
            bar.showMessage("The queue follows this version's detectors now.", 8000)
            self.workspace.announce(Changes(traces=True), self)
