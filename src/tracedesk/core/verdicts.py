"""What a review can say: its verdicts and severities, as the database stores them.

Apart from :mod:`.reviews` so that the command line can offer them (``--verdict``,
``--severity``) without loading the database layer for ``--help``.
"""

from __future__ import annotations

VERDICTS = ("failure", "ok", "unsure")
VERDICT_LABELS = {"failure": "failure", "ok": "not a failure", "unsure": "unsure"}
SEVERITIES = ("low", "medium", "high", "critical")

# The latest of a trace's reviews, as every view picks it (``r`` is the review table): the
# last changed, and of two changed at once (after a merge), the last written.
LATEST_REVIEW_FIRST = "r.updated_ns DESC, r.id DESC"
