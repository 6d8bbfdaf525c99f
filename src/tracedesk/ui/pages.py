"""The window's pages (the queue, a trace, its replay, a comparison, Insights,
Disagreements), one shown at a time, and the way back through them.

Each page says, as it is added, what j and k do on it and what Esc does within it first;
it brings itself up to date and takes the focus when shown (:class:`PageView`). The stack
remembers the pages the one shown was reached from, so that Esc goes back along the way
the reviewer came, one page at a time, whatever the pages are.

A page most sessions never open (Insights) is added with the function that builds it
(:meth:`PageStack.add_later`): it is built the first time it is shown or asked for, not
while the window opens.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum
from typing import Protocol, cast

from PySide6.QtWidgets import QStackedWidget, QWidget


class Page(StrEnum):
    QUEUE = "queue"
    TRACE = "trace"
    REPLAY = "replay"
    COMPARE = "compare"
    INSIGHTS = "insights"
    DISAGREEMENTS = "disagreements"


class PageView(Protocol):
    """A widget shown as a page of the window."""

    def page_shown(self) -> None:
        """It came on screen: bring what it shows up to date and take the keyboard focus."""


@dataclass
class _Entry:
    view: QWidget | None  # None until a page added later is first wanted
    step: Callable[[int], None] | None  # j (+1) and k (-1)
    back: Callable[[], bool] | None  # Esc within the page: False when there was nothing to do
    build: Callable[[], PageView] | None = None  # what makes the view of a page added later


class PageStack:
    """The pages of a QStackedWidget by name, with the way back to the first one shown."""

    def __init__(self, stack: QStackedWidget, home: Page) -> None:
        self.stack = stack
        self.home = home  # where Esc ends, and the page shown before any other
        self._entries: dict[Page, _Entry] = {}
        self._came_from: list[Page] = []  # the pages the one shown was reached from, the last last

    def add(self, page: Page, view: PageView, step: Callable[[int], None] | None = None,
            back: Callable[[], bool] | None = None) -> None:
        widget = cast(QWidget, view)
        self._entries[page] = _Entry(widget, step, back)
        self.stack.addWidget(widget)

    def add_later(self, page: Page, build: Callable[[], PageView], step: Callable[[int], None] | None = None,
                  back: Callable[[], bool] | None = None) -> None:
        """Add a page whose view ``build()`` makes the first time it is shown or asked for
        (:meth:`view`)."""
        self._entries[page] = _Entry(None, step, back, build)

    def built(self, page: Page) -> bool:
        """Whether the view of ``page`` exists yet."""
        return page in self._entries and self._entries[page].view is not None

    def view(self, page: Page) -> QWidget:
        """The view of ``page``, built now if it was added to be built later."""
        entry = self._entries[page]
        if entry.view is None:
            assert entry.build is not None
            entry.view = cast(QWidget, entry.build())
            self.stack.addWidget(entry.view)
        return entry.view

    def current(self) -> Page:
        shown = self.stack.currentWidget()
        return next((page for page, entry in self._entries.items()
                     if entry.view is not None and entry.view is shown), self.home)

    def show(self, page: Page) -> None:
        """Show ``page``, remembering the page it was reached from; a page already on the
        way back is returned to, and the pages after it are forgotten (so the way back
        holds each page once at most)."""
        view = self.view(page)  # (built first: a page that fails to build is not on the way back)
        current = self.current()
        if page is not current:
            if page in self._came_from:
                del self._came_from[self._came_from.index(page):]
            else:
                self._came_from.append(current)
            self.stack.setCurrentWidget(view)
        cast(PageView, view).page_shown()

    def forget(self) -> None:
        """Nothing to go back to (another database is open)."""
        self._came_from.clear()

    def back(self) -> Page | None:
        """Esc: what the page does within itself first; else the page to go back to (None
        when there is none: the home page)."""
        page = self.current()
        within = self._entries[page].back if page in self._entries else None
        if within is not None and within():
            return None
        if self._came_from:
            return self._came_from[-1]
        return self.home if page is not self.home else None

    def can_step(self) -> bool:
        page = self.current()
        return page in self._entries and self._entries[page].step is not None

    def step(self, delta: int) -> None:
        """j (+1) and k (-1) on the page shown, if they do something there."""
        page = self.current()
        step = self._entries[page].step if page in self._entries else None
        if step is not None:
            step(delta)
