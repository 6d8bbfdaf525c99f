"""Choosing a span of time: the queue's date filter and the Insights' scope. Presets (the
last 24 hours, 7 days, 30 days, any time) and a custom range of days, both included, in
local time."""

from __future__ import annotations

import time
from datetime import datetime

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from .text import local_time

HOUR_NS = 3600 * 10**9
PRESETS = (("Any time", None), ("Last 24 hours", 24), ("Last 7 days", 7 * 24), ("Last 30 days", 30 * 24))
ANY, CUSTOM_RANGE, CHOOSE = "any", "range", "choose"


def day_start_ns(day: QDate) -> int:
    """Local midnight at the start of ``day``, in nanoseconds."""
    moment = datetime(day.year(), day.month(), day.day())
    return int(moment.timestamp()) * 10**9


def days_ns(first: QDate, last: QDate) -> tuple[int, int]:
    """``[since, until)`` covering the days ``first`` to ``last``, both included."""
    return day_start_ns(first), day_start_ns(last.addDays(1))


def range_text(first: QDate, last: QDate) -> str:
    """The days as the rest of the window writes dates (2026-11-09)."""
    if first == last:
        return first.toString("yyyy-MM-dd")
    return f"{first.toString('yyyy-MM-dd')} – {last.toString('yyyy-MM-dd')}"


class DateRangeDialog(QDialog):
    """Two days, the first and the last of the range (both included)."""

    def __init__(self, first: QDate | None = None, last: QDate | None = None, parent: QWidget | None = None,
                 title: str = "Date range") -> None:
        super().__init__(parent)
        self.setObjectName("dateRangeDialog")
        self.setWindowTitle(title)
        layout = QVBoxLayout(self)
        intro = QLabel("Runs that started on these days, both included (local time).", self)
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        today = QDate.currentDate()
        self.first = self._date_edit(first or today.addDays(-6))
        self.last = self._date_edit(last or today)
        form.addRow("&From", self.first)
        form.addRow("&To", self.last)
        layout.addLayout(form)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel,
                                        self)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.first.dateChanged.connect(self._keep_order)
        self.last.dateChanged.connect(self._keep_order)

    def _date_edit(self, day: QDate) -> QDateEdit:
        edit = QDateEdit(day, self)
        edit.setCalendarPopup(True)
        edit.setDisplayFormat("yyyy-MM-dd")
        return edit

    def _keep_order(self) -> None:
        if self.last.date() < self.first.date():
            if self.sender() is self.first:
                self.last.setDate(self.first.date())
            else:
                self.first.setDate(self.last.date())

    def days(self) -> tuple[QDate, QDate]:
        return self.first.date(), self.last.date()


class DateRangeBox(QComboBox):
    """Any time, the last 24 hours / 7 days / 30 days, or a custom range of days.
    ``changed`` is emitted when the choice changes; :meth:`range_ns` gives the span."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("dateRangeBox")
        self.setToolTip("Only runs that started in this span of time")
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.setMinimumContentsLength(6)
        for text, hours in PRESETS:
            self.addItem(text, ANY if hours is None else hours)
        self.insertSeparator(self.count())
        self.addItem("Custom range…", CHOOSE)
        self._days: tuple[QDate, QDate] | None = None
        self._last_index = 0
        self.activated.connect(self._activated)

    def range_ns(self, now_ns: int | None = None) -> tuple[int | None, int | None]:
        """``(since_ns, until_ns)`` of the choice (None: open on that side)."""
        data = self.currentData()
        if data == CUSTOM_RANGE and self._days is not None:
            return days_ns(*self._days)
        if isinstance(data, int):
            now = now_ns if now_ns is not None else time.time_ns()
            return now - data * HOUR_NS, None
        return None, None

    def set_days(self, first: QDate, last: QDate) -> None:
        """Choose the custom range ``first`` to ``last`` (both included)."""
        self._days = (first, last) if first <= last else (last, first)
        found = self.findData(CUSTOM_RANGE)
        if found < 0:
            self.insertItem(self.findData(CHOOSE), "", CUSTOM_RANGE)
            found = self.findData(CUSTOM_RANGE)
        self.setItemText(found, range_text(*self._days))
        self._select(found)

    def set_hours(self, hours: int | None) -> None:
        """Choose a preset: the last ``hours`` hours, or any time (None)."""
        found = self.findData(ANY if hours is None else hours)
        self._select(found if found >= 0 else 0)

    def reset(self) -> None:
        self.setCurrentIndex(0)
        self._last_index = 0

    def _select(self, index: int) -> None:
        changed = index != self.currentIndex() or self.itemData(index) == CUSTOM_RANGE
        self.setCurrentIndex(index)
        self._last_index = index
        if changed:
            self.changed.emit()

    def _activated(self, index: int) -> None:
        if self.itemData(index) == CHOOSE:
            self.setCurrentIndex(self._last_index)  # until a range is chosen
            first, last = self._days or (None, None)
            dialog = DateRangeDialog(first, last, self.window())
            dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            dialog.accepted.connect(lambda: self.set_days(*dialog.days()))
            dialog.open()
            return
        if index != self._last_index:
            self._last_index = index
            self.changed.emit()


def describe_range(since_ns: int | None, until_ns: int | None) -> str:
    """A short text for a span of time."""
    def day(ns: int) -> str:
        return local_time(ns)[:10]  # YYYY-MM-DD

    if since_ns is None and until_ns is None:
        return "any time"
    if until_ns is None:
        return f"since {local_time(since_ns)}"
    last = day(until_ns - 1)
    if since_ns is None:
        return f"until {last}"
    first = day(since_ns)
    return first if first == last else f"{first} – {last}"

