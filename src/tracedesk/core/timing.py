"""When a run's steps ran: the critical path (the steps that decide when the run ends) and
the idle time before a step, as the trace page's waterfall draws them. Plain functions of
the outline's :class:`~.views.SpanNode` tree."""

from __future__ import annotations

from .views import SpanNode

MIN_GAP_SHARE = 0.01  # of the trace's length: shorter idle time is not worth a mark


def critical_path(roots: list[SpanNode], end_ns: int) -> set[int]:
    """The pks of the steps that decide when the run ends: walking back from the end, the
    child that finished last, then before its start the child that finished last before
    that, and so on, inside each step on the path in turn (as Jaeger draws it). Steps
    without a start are on no path."""
    path: set[int] = set()
    pending: list[tuple[list[SpanNode], int]] = [(roots, end_ns)]
    while pending:
        children, limit = pending.pop()
        timed = sorted((c for c in children if c.start_ns is not None),
                       key=lambda c: c.end_ns if c.end_ns is not None else c.start_ns, reverse=True)
        cursor = limit
        for child in timed:
            start = child.start_ns or 0
            if start >= cursor:
                continue
            path.add(child.pk)
            end = child.end_ns if child.end_ns is not None else start
            pending.append((child.children, min(end, cursor)))
            cursor = start
    return path


def idle_gaps(roots: list[SpanNode], first_ns: int, share: float = MIN_GAP_SHARE,
              total_ns: int = 0) -> dict[int, int]:
    """For each step that began after nothing else of its parent was running (its parent's
    start, or the latest end of the siblings before it), that idle time in ns; gaps
    shorter than ``share`` of the trace are left out."""
    gaps: dict[int, int] = {}
    least = max(1, int(total_ns * share))
    pending: list[tuple[list[SpanNode], int | None]] = [(roots, first_ns)]
    while pending:
        children, since = pending.pop()
        busy_until = since
        for child in children:  # in time order, as the outline reads them (steps without a start first)
            start = child.start_ns
            if start is None:
                continue
            if busy_until is not None and start - busy_until >= least:
                gaps[child.pk] = start - busy_until
            end = child.end_ns if child.end_ns is not None else start
            busy_until = end if busy_until is None else max(busy_until, end)
            if child.children:
                pending.append((child.children, start))
    return gaps


def covered(spans: list[tuple[int, int]]) -> int:
    """The length of the union of sorted ``(start, end)`` intervals."""
    total, reach = 0, None
    for start, end in spans:
        if reach is None or start > reach:
            total += end - start
            reach = end
        elif end > reach:
            total += end - reach
            reach = end
    return total
