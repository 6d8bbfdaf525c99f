"""Errors a user can cause, each carrying one clear message that says what to do.

Anything else that goes wrong is a bug and keeps its traceback.
"""

from __future__ import annotations


class UserError(Exception):
    """A problem with the user's input or environment, shown as its message alone."""


class DatabaseError(UserError):
    """A review database that cannot be opened as asked."""


class BundleError(UserError):
    """A bundle that cannot be read at all: nothing from it is imported."""

    def __init__(self, path: str, reason: str, line: int | None = None) -> None:
        self.path = path
        self.reason = reason
        self.line = line
        where = f"{path}, line {line}" if line else path
        super().__init__(f"{where}: {reason}")


class Cancelled(Exception):  # noqa: N818 - it is not an error: the user asked for it
    """Raised from a progress callback to stop long work; the work is rolled back."""
