"""Small pieces the pages and dialogs of the window build alike: labels (bold, muted,
plain), the back button of a page's header, a bold title above a pane, the table model
base of a read-only list, the report dialog whose text can be copied, and the choices the
export and share dialogs both offer (a range of days, the cause, the redaction patterns)."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QDate, QModelIndex, QPersistentModelIndex, Qt, QTimer
from PySide6.QtGui import QGuiApplication, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ..core.causes import CauseInfo
from ..core.errors import UserError
from ..core.settings import load_settings
from ..core.text import counted
from ..core.views import TraceOutline
from .style import format_duration, monospace_font, muted_text
from .text import elide, local_time, one_line, shown

Index = QModelIndex | QPersistentModelIndex
_ROOT = QModelIndex()
ANY = "(any)"


# Text ------------------------------------------------------------------------------------------------

def title_of(question: str, fallback: str) -> str:
    """A run's question on one line, cut at 160 characters, as the title of its page."""
    return one_line(question, 160) or elide(fallback, 160)


def outline_meta(outline: TraceOutline, *, full: bool = False) -> str:
    """The line under a trace's title: where it comes from, when, its steps, the model and
    prompt version; with ``full``, its duration, session and user too."""
    parts = [f"{outline.source}:{outline.trace_id}"]
    if outline.start_ns:
        parts.append(local_time(outline.start_ns, seconds=True))
    if full and outline.start_ns and outline.end_ns:
        parts.append(format_duration(outline.end_ns - outline.start_ns))
    failed = f", {outline.error_count:,} failed" if outline.error_count else ""
    parts.append(counted(outline.span_count, "step") + failed)
    model = " · ".join(p for p in (outline.model, outline.prompt_version) if p)
    if model:
        parts.append(model)
    if full and outline.session_id:
        parts.append(f"session {outline.session_id}")
    if full and outline.user_id:
        parts.append(f"user {outline.user_id}")
    return "   •   ".join(parts)


# Labels ----------------------------------------------------------------------------------------------

def bold(label: QLabel, scale: float = 1.0) -> QLabel:
    font = label.font()
    font.setBold(True)
    if scale != 1.0:
        font.setPointSizeF(font.pointSizeF() * scale)
    label.setFont(font)
    return label


def muted(label: QLabel) -> QLabel:
    palette = label.palette()
    palette.setColor(QPalette.ColorRole.WindowText, muted_text(palette))
    label.setPalette(palette)
    return label


def plain_label(text: str, parent: QWidget) -> QLabel:
    """A label that shows ``text`` as the characters it holds, never as markup (nor
    reordered by a bidirectional control)."""
    label = QLabel(shown(text), parent)
    label.setTextFormat(Qt.TextFormat.PlainText)
    return label


def bold_label(parent: QWidget, scale: float = 1.3) -> QLabel:
    """A page's title: bold, larger, selectable."""
    label = plain_label("", parent)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    bold(label, scale)
    label.setMinimumWidth(100)
    return label


def muted_label(parent: QWidget) -> QLabel:
    """The facts below a title: muted, selectable."""
    label = plain_label("", parent)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return muted(label)


def labelled(label: QLabel, widget: QWidget, spacing: int | None = 4) -> QVBoxLayout:
    """``label`` in bold above ``widget``, which takes the height."""
    column = QVBoxLayout()
    if spacing is not None:
        column.setSpacing(spacing)
    column.addWidget(bold(label))
    column.addWidget(widget, 1)
    return column


def back_button(parent: QWidget, text: str, tip: str, slot: Callable[..., Any]) -> QToolButton:
    """The button at the left of a page's header that goes back where the user came from."""
    button = QToolButton(parent)
    button.setObjectName("backButton")
    button.setText(text)
    button.setToolTip(tip)
    button.setAutoRaise(True)
    button.clicked.connect(slot)
    return button


# Reports ---------------------------------------------------------------------------------------------

class ReportDialog(QDialog):
    """A report of work done: a summary above the whole report as selectable text, with
    Copy (which copies :meth:`copy_text`) and Close. Subclasses may add what they show
    between the two with :meth:`add_detail`."""

    def __init__(self, summary: str, text: str, *, title: str, name: str, text_name: str, height: int,
                 spacing: int | None = 8, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.setWindowTitle(title)
        self.resize(760, height)
        self._layout = layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 14, 16, 12)
        if spacing is not None:
            layout.setSpacing(spacing)
        self.summary = plain_label(summary, self)
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        self.text = QPlainTextEdit(self)
        self.text.setObjectName(text_name)
        self.text.setReadOnly(True)
        self.text.setFont(monospace_font())
        self.text.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.text.setPlainText(shown(text))
        layout.addWidget(self.text, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.copy_button = QPushButton("Copy", self)
        self.copy_button.setToolTip("Copy the whole report to the clipboard")
        buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.copy_button.clicked.connect(self.copy)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def add_detail(self, widget: QWidget) -> None:
        """Show ``widget`` above the report's text."""
        self._layout.insertWidget(self._layout.indexOf(self.text), widget)

    def copy_text(self) -> str:
        return self.text.toPlainText()

    def copy(self) -> None:
        QGuiApplication.clipboard().setText(self.copy_text())


# Lists -----------------------------------------------------------------------------------------------

class ListModel(QAbstractTableModel):
    """A read-only list of rows under the column titles ``headers``; ``numbered``: the
    rows' numbers in the vertical header. Subclasses say how many rows there are
    (:meth:`row_count`) and what they show (``data``)."""

    ITEM_FLAGS = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def __init__(self, headers: tuple[str, ...], parent: Any = None, numbered: bool = False) -> None:
        super().__init__(parent)
        self.headers = headers
        self.numbered = numbered

    def row_count(self) -> int:
        raise NotImplementedError

    def rowCount(self, parent: Index = _ROOT) -> int:  # noqa: N802 - Qt's name
        return 0 if parent.isValid() else self.row_count()

    def columnCount(self, parent: Index = _ROOT) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.headers)

    def flags(self, index: Index) -> Qt.ItemFlag:
        return self.ITEM_FLAGS if index.isValid() else Qt.ItemFlag.NoItemFlags

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self.headers):
            return self.headers[section]
        if self.numbered and orientation == Qt.Orientation.Vertical and 0 <= section < self.rowCount():
            return str(section + 1)
        return None


def set_up_list_table(table: QTableView, line_height: int) -> QHeaderView:
    """A table of rows chosen one at a time, read-only, in alternating colours, rows
    ``line_height`` + 8 high; returns its column header."""
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setAlternatingRowColors(True)
    table.setShowGrid(False)
    table.setWordWrap(False)
    table.verticalHeader().setVisible(False)
    table.verticalHeader().setDefaultSectionSize(max(24, line_height + 8))
    header = table.horizontalHeader()
    header.setHighlightSections(False)
    return header


# Choices ---------------------------------------------------------------------------------------------

def debounce(parent: QWidget, slot: Callable[[], Any], msecs: int = 200) -> QTimer:
    """A single-shot timer calling ``slot``: start it on each change, the slot runs once
    they stop."""
    timer = QTimer(parent)
    timer.setSingleShot(True)
    timer.setInterval(msecs)
    timer.timeout.connect(slot)
    return timer


class DaysRow(QHBoxLayout):
    """"from" and "to" days, each used when its box is ticked; ``changed`` is called on
    any change."""

    def __init__(self, parent: QWidget, changed: Callable[..., Any]) -> None:
        super().__init__()
        today = QDate.currentDate()
        self.since_box, self.since = QCheckBox("from", parent), QDateEdit(today.addDays(-30), parent)
        self.until_box, self.until = QCheckBox("to", parent), QDateEdit(today, parent)
        for box, edit in ((self.since_box, self.since), (self.until_box, self.until)):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
            edit.setEnabled(False)
            box.toggled.connect(edit.setEnabled)
            box.toggled.connect(changed)
            edit.dateChanged.connect(changed)
            self.addWidget(box)
            self.addWidget(edit)
        self.addStretch(1)


def choice_combo(parent: QWidget, values: list[str]) -> QComboBox:
    """Any value, or one of ``values``."""
    combo = QComboBox(parent)
    combo.addItem(ANY, None)
    for value in values:
        combo.addItem(value, value)
    return combo


def cause_combo(parent: QWidget, causes: list[CauseInfo], tip: str, *, any_label: str = ANY,
                include_retired: bool = True) -> QComboBox:
    """Any cause (``any_label``), or one of ``causes`` (retired ones too unless
    ``include_retired`` is False), nested as in the taxonomy."""
    combo = QComboBox(parent)
    fill_cause_combo(combo, causes, any_label=any_label, include_retired=include_retired)
    combo.setToolTip(tip)
    return combo


def fill_cause_combo(combo: QComboBox, causes: list[CauseInfo], *, any_label: str = ANY,
                     include_retired: bool = True) -> None:
    """Fill ``combo`` (emptied first) as :func:`cause_combo` does; each item's data is the
    cause's uuid, None for ``any_label``."""
    combo.clear()
    combo.addItem(any_label, None)
    for cause in causes:
        if include_retired or not cause.retired:
            combo.addItem("    " * cause.depth + cause.name + (" (retired)" if cause.retired else ""), cause.uuid)


def settings_patterns() -> list[str]:
    """The redaction patterns of the settings (none if the settings cannot be read)."""
    try:
        return list(load_settings().redact_patterns)
    except UserError:
        return []


class PatternsEdit(QPlainTextEdit):
    """More redaction patterns, one regular expression a line."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("redactPatterns")
        self.setPlaceholderText("More patterns to remove, one regular expression a line")
        self.setTabChangesFocus(True)
        self.setFixedHeight(parent.window().fontMetrics().lineSpacing() * 3 + 14)  # the dialog's font

    def patterns(self) -> list[str]:
        return [line.strip() for line in self.toPlainText().splitlines() if line.strip()]

    def error(self) -> str | None:
        """What is wrong with the first pattern that is not a regular expression, or None."""
        for pattern in self.patterns():
            try:
                re.compile(pattern)
            except re.error as exc:
                return f"The pattern {pattern!r} is not a regular expression ({exc})."
        return None
