"""The failures judged elsewhere, searched in the background for the answers like them.

A verdict saved here searches, in its save, the answers like the one it judged a failure
(:func:`tracedesk.core.queue.refresh_trace`). Verdicts that arrive many at once (a merge of
a colleague's database, a database reviewed by an older version) leave a backlog: searched
in the saves, they would hold the window for seconds. :class:`EchoBacklog` searches it on
the thread pool (:func:`tracedesk.core.queue.search_echo_backlog`) after every change that
may have added to it, a few failures a write, so that a save of the reviewer's waits for at
most one short write; the queue then shows the traces that echo them (``like_failure``).
Opening another database or closing the window stops it after the write under way.
"""

from __future__ import annotations

import threading

from PySide6.QtCore import QObject, Slot

from ..core import queue
from ..core.store import Store
from .background import run_in_background
from .changes import Changes
from .workspace import Workspace


class EchoBacklog(QObject):
    """Starts the search when reviews or traces came (a save, an import, a merge) or a
    database is opened, one search at a time, and announces what it changed."""

    def __init__(self, workspace: Workspace) -> None:
        super().__init__(workspace)
        self.workspace = workspace
        self._running = False
        self._again = False
        self._stop = threading.Event()
        workspace.changed.connect(self._changed)

    @property
    def running(self) -> bool:
        return self._running

    def _changed(self, changes: Changes, initiator: object) -> None:
        if initiator is not self and (changes.reviews or changes.traces):
            self.start()

    def start(self) -> None:
        store = self.workspace.store
        if store is None or store.read_only:
            return
        if self._running:
            self._again = True  # once this search ends: what came meanwhile
            return
        self._running = True
        self._stop = stop = threading.Event()
        run_in_background(lambda: (store, queue.search_echo_backlog(store, stop=stop.is_set)), self._done)

    def stop(self) -> None:
        """End the search under way after its current write (the database is about to be
        closed); what is left is searched when the database is next opened."""
        self._stop.set()
        self._again = False

    @Slot(object, object)
    def _done(self, outcome: tuple[Store, set[int]] | None, error: Exception | None) -> None:
        self._running = False
        if error is not None:  # logged with its traceback; searched again on the next change
            if not self._stop.is_set():
                self.workspace.statusBar().showMessage(
                    f"Answers like the failures judged were not searched: {error}", 8000)
        elif outcome is not None:
            store, echoed = outcome
            if echoed and store is self.workspace.store:
                self.workspace.announce(Changes.of(echoed, queue=True), self)
        if self._again:
            self._again = False
            self.start()
