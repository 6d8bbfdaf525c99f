"""The ids of human work: reviews, causes, settled answers and audit entries each carry a
UUID, so that databases merge by it and every change can be traced. Apart from the models,
so that writing a review does not load the table classes (and SQLModel with them)."""

from __future__ import annotations

import uuid


def new_uuid() -> str:
    return str(uuid.uuid4())
