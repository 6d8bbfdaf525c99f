"""Signals: evidence that a trace may hold a defect, each with a confidence and the text
or span that shows it.

Explicit signals come from feedback records (thumbs, ratings, corrections, escalations,
imported scores). Implicit ones are detected from the conversation (rephrase,
escalation, frustration, abandonment) and from the steps (an error swallowed, an empty
retrieval, a loop, an outlier). Signals are derived data: :func:`update_signals`
recomputes them for the traces an import touched and the other turns of their sessions,
and leaves every other trace alone. A database whose signals an older version of the
detectors found is :func:`outdated`; :func:`redetect` finds them all again.
"""

from __future__ import annotations

from .detect import SIGNAL_KINDS, outdated, redetect, update_signals

__all__ = ["SIGNAL_KINDS", "outdated", "redetect", "update_signals"]
