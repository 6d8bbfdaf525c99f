"""Short reads that may take a moment on a big database (all the ids of a million-row
queue, the values the filters offer), run on Qt's thread pool so the window stays
responsive. The result comes back to the GUI thread through a signal; an exception comes
back whole, with its traceback, and a bug (any error but a user's, such as a busy database)
is written to the log file with it, since the caller usually shows only its message.

Most views ask again before an answer comes (a filter changed, the database changed, the
user typed on): :class:`LatestRunner` is the one way they do, delivering the answer to the
newest request only."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot

from ..core.errors import UserError

log = logging.getLogger(__name__)

Done = Callable[[Any, Exception | None], None]  # on_done(result, error): one of them is None


class _Relay(QObject):
    done = Signal(object, object)  # result, exception


def _call(fn: Callable[[], Any]) -> tuple[Any, Exception | None]:
    """``(fn(), None)``, or ``(None, the exception)``, logged: a bug with its traceback."""
    try:
        return fn(), None
    except Exception as exc:  # handed to the caller, who decides what to show
        if isinstance(exc, UserError):
            log.info("background work %s: %s", _name(fn), exc)
        else:
            log.error("background work %s failed", _name(fn), exc_info=exc)
        return None, exc


class _Task(QRunnable):
    def __init__(self, fn: Callable[[], Any], relay: _Relay) -> None:
        super().__init__()
        self.fn = fn
        self.relay = relay

    def run(self) -> None:
        self.relay.done.emit(*_call(self.fn))


def _name(fn: Callable[[], Any]) -> str:
    return getattr(fn, "__qualname__", None) or repr(fn)


_running: set[_Relay] = set()


def run_in_background(fn: Callable[[], Any], on_done: Done) -> None:
    """Call ``fn()`` on the thread pool, then ``on_done(result, error)`` on the GUI thread.

    ``on_done`` should be a slot of a QObject: if that object is gone by the time the
    work ends, the result is dropped instead of reaching a deleted object.
    """
    relay = _Relay()
    _running.add(relay)
    relay.done.connect(on_done)
    relay.done.connect(lambda *_: _running.discard(relay))
    QThreadPool.globalInstance().start(_Task(fn, relay))


class LatestRunner(QObject):
    """Background work of which only the newest request counts.

    ``run(fn)`` calls ``fn()`` on the thread pool; ``on_done(result, error)`` is called on
    the GUI thread with the outcome of the newest request alone. A request overtaken by a
    newer one, or by :meth:`cancel`, is still left to end (a read cannot be stopped midway),
    and what it gives is dropped: a view never shows the answer to a question it no longer
    asks, whichever answer comes first. Made a child of the view it serves, it delivers
    nothing once the view is gone.
    """

    def __init__(self, on_done: Done, parent: QObject) -> None:
        super().__init__(parent)
        self._on_done = on_done
        self._newest = 0  # the number of the newest request
        self._busy = False

    @property
    def busy(self) -> bool:
        """The newest request is under way."""
        return self._busy

    def run(self, fn: Callable[[], Any]) -> None:
        self._newest += 1
        number = self._newest
        self._busy = True
        run_in_background(lambda: (number, *_call(fn)), self._finished)

    def cancel(self) -> None:
        """Drop what the requests under way give."""
        self._newest += 1
        self._busy = False

    @Slot(object, object)
    def _finished(self, outcome: tuple[int, Any, Exception | None], _error: Exception | None) -> None:
        number, result, error = outcome  # _call caught fn's exception: the outcome always comes
        if number != self._newest:
            return
        self._busy = False
        self._on_done(result, error)


def wait_for_background(msecs: int = 10_000) -> bool:
    """Wait for the work under way (before closing a database, and in tests)."""
    return QThreadPool.globalInstance().waitForDone(msecs)
