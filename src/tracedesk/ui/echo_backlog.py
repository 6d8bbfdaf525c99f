"""The failures judged elsewhere, searched in the background for the answers like them.

A verdict saved here searches, in its save, the answers like the one it judged a failure
(:func:`tracedesk.core.queue.refresh_trace`). Verdicts that arrive many at once (a merge of
a colleague's database, a database reviewed by an older version) leave a backlog: searched
in the saves, they would hold the window for seconds. :class:`EchoBacklog` searches it on
the thread pool after every change that may have added to it, a few failures a write, so
that a save of the reviewer's waits for at most one short write; the queue then shows the
traces that echo them (``like_failure``).
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject, Slot

from ..core import learning, queue
from ..core.store import Store
from .background import run_in_background
from .changes import Changes
from .workspace import Workspace

log = logging.getLogger(__name__)

SEARCHES_A_WRITE = 5  # failures searched in one write transaction (a tenth of a second or so each)


def search_backlog(store: Store, searches: int = SEARCHES_A_WRITE) -> set[int]:
    """Search every failure of the backlog, ``searches`` a write; return the traces whose
    echoes changed. (Run on the thread pool: each write is short, so that the window's own
    writes wait little for it.)"""
    with store.read() as conn:
        if not learning.echo_backlog(conn):
            return set()  # the usual case: every verdict was searched in its save
    echoed: set[int] = set()
    before = None
    while True:
        with store.write() as conn:
            found, left = queue.catch_up_echoes(conn, searches)
        echoed |= found
        if not left or (before is not None and left >= before):  # done, or no model to search with
            return echoed
        before = left


class EchoBacklog(QObject):
    """Starts :func:`search_backlog` when reviews or traces came (a save, an import, a
    merge) or a database is opened, one search at a time, and announces what it changed."""

    def __init__(self, workspace: Workspace) -> None:
        super().__init__(workspace)
        self.workspace = workspace
        self._running = False
        self._again = False
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
        run_in_background(lambda: (store, search_backlog(store)), self._done)

    @Slot(object, object)
    def _done(self, outcome: tuple[Store, set[int]] | None, error: Exception | None) -> None:
        self._running = False
        if error is not None:  # logged with its traceback; the search is tried again on the next change
            self.workspace.statusBar().showMessage(f"Answers like the failures judged were not searched: {error}",
                                                   8000)
        elif outcome is not None:
            store, echoed = outcome
            if echoed and store is self.workspace.store:
                self.workspace.announce(Changes.of(echoed, queue=True), self)
        if self._again:
            self._again = False
            self.start()
