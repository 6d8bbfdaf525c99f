"""Short reads that may take a moment on a big database (all the ids of a million-row
queue, the values the filters offer), run on Qt's thread pool so the window stays
responsive. The result comes back to the GUI thread through a signal; an exception comes
back whole, with its traceback, and a bug (any error but a user's, such as a busy database)
is written to the log file with it, since the caller usually shows only its message."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from ..core.errors import UserError

log = logging.getLogger(__name__)


class _Relay(QObject):
    done = Signal(object, object)  # result, exception


class _Task(QRunnable):
    def __init__(self, fn: Callable[[], Any], relay: _Relay) -> None:
        super().__init__()
        self.fn = fn
        self.relay = relay

    def run(self) -> None:
        try:
            result = self.fn()
        except Exception as exc:  # handed to the caller, who decides what to show
            if isinstance(exc, UserError):
                log.info("background work %s: %s", _name(self.fn), exc)
            else:
                log.error("background work %s failed", _name(self.fn), exc_info=exc)
            self.relay.done.emit(None, exc)
        else:
            self.relay.done.emit(result, None)


def _name(fn: Callable[[], Any]) -> str:
    return getattr(fn, "__qualname__", None) or repr(fn)


_running: set[_Relay] = set()


def run_in_background(fn: Callable[[], Any], on_done: Callable[[Any, Exception | None], None]) -> None:
    """Call ``fn()`` on the thread pool, then ``on_done(result, error)`` on the GUI thread.

    ``on_done`` should be a slot of a QObject: if that object is gone by the time the
    work ends, the result is dropped instead of reaching a deleted object.
    """
    relay = _Relay()
    _running.add(relay)
    relay.done.connect(on_done)
    relay.done.connect(lambda *_: _running.discard(relay))
    QThreadPool.globalInstance().start(_Task(fn, relay))


def wait_for_background(msecs: int = 10_000) -> bool:
    """Wait for the work under way (before closing a database, and in tests)."""
    return QThreadPool.globalInstance().waitForDone(msecs)
