"""A property worked out on first read and kept in the instance (:class:`kept`), for what
the detectors read of a message or an answer (:mod:`.message`, :mod:`.reply`).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any


class kept:  # noqa: N801 (a decorator, named as one)
    """A property worked out on first read and kept in the instance, as
    ``functools.cached_property`` does, without the lock Python 3.11 takes on each first
    read: these are read tens of thousands of times a detection, from one thread."""

    def __init__(self, read: Callable[[Any], Any]) -> None:
        self.read = read
        self.name = read.__name__
        self.__doc__ = read.__doc__

    def __get__(self, instance: Any, owner: type | None = None) -> Any:
        if instance is None:
            return self
        value = instance.__dict__[self.name] = self.read(instance)
        return value
