"""Progress reports and cancellation for long work (import, export, merge, detection).

Core calls a plain function with a :class:`Progress` now and then; the function may raise
:class:`~tracedesk.core.errors.Cancelled` to stop the work, which is then rolled back.
The window wraps this in a thread and a Cancel button; the command line ignores it.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field


@dataclass
class Progress:
    phase: str  # what is being done, in words a person reads ("reading spans.jsonl")
    done: int = 0  # units done so far (bytes read, rows written, ...)
    total: int | None = None  # units in all, when known
    counts: dict[str, int] = field(default_factory=dict)  # e.g. {"traces": 10, "spans": 250}
    # The last report: the work is written and committed, too late to cancel.
    final: bool = False

    @property
    def fraction(self) -> float | None:
        if not self.total:
            return None
        return min(1.0, self.done / self.total)


ProgressFn = Callable[[Progress], None]


def ignore_progress(_: Progress) -> None:
    """The callback for callers that do not show progress."""


class Throttle:
    """Calls ``fn`` at most every ``interval`` seconds, so reporting costs nothing."""

    def __init__(self, fn: ProgressFn, interval: float = 0.1) -> None:
        self._fn = fn
        self._interval = interval
        self._last = 0.0

    def __call__(self, progress: Progress, force: bool = False) -> None:
        now = time.monotonic()
        if force or now - self._last >= self._interval:
            self._last = now
            self._fn(progress)
