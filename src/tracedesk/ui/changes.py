"""What an operation of the window changed in the review database.

Every part of the window that writes (a review saved, an undo, a snooze, an import, a
merge, a settled answer, an edit of the causes) says afterwards what it changed with a
:class:`Changes`, through the workspace's ``changed`` signal. Each view listens and brings
itself up to date from that alone: the queue reads its rows again, the review panel its
review, the Insights and Disagreements pages their figures. No part of the window reloads
another's widgets, so a new view needs no change in the code that writes.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass


@dataclass(frozen=True)
class Changes:
    """Which kinds of rows an operation changed, and on which traces if it knows."""

    traces: bool = False  # traces, steps, feedback and signals came or went (an import, a merge)
    queue: bool = False  # traces moved in the queue or out of it (snoozed, skipped, reopened, priorities)
    reviews: bool = False  # reviews written, changed or undone (a reviewed trace leaves the queue)
    causes: bool = False  # the cause taxonomy
    settlements: bool = False  # settled answers on traces reviewers disagree about
    trace_pks: frozenset[int] | None = None  # the traces concerned; None: any of them

    @classmethod
    def of(cls, trace_pks: Iterable[int] | None = None, **kinds: bool) -> Changes:
        """``Changes.of([pk], reviews=True)``: the kinds changed, on these traces."""
        return cls(trace_pks=None if trace_pks is None else frozenset(trace_pks), **kinds)

    @property
    def queue_moved(self) -> bool:
        """The queue's rows are others now: it is read again at once."""
        return self.traces or self.queue

    @property
    def human_work(self) -> bool:
        """Reviews, causes or settled answers: what the audit log records (and undo reverses)."""
        return self.reviews or self.causes or self.settlements

    def touches(self, trace_pk: int | None) -> bool:
        """Whether the change may concern the trace ``trace_pk``."""
        return trace_pk is not None and (self.trace_pks is None or trace_pk in self.trace_pks)
