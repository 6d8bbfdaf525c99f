"""The tables of the Insights page: one table model over the rows of a core
:class:`~tracedesk.core.insights.Table`, its columns described by :class:`Column`. Each cell
may name the queue filter that lists its traces (what a double-click opens)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont

from ..core.insights import Rate
from ..core.queue import QueueFilter
from ..core.text import percent_text
from .text import plain_tip
from .widgets import Index, ListModel

FILTER_ROLE = Qt.ItemDataRole.UserRole + 1  # (QueueFilter, what it lists) or None
ROW_ROLE = Qt.ItemDataRole.UserRole + 2  # the core row


@dataclass(frozen=True)
class Column:
    title: str
    text: Callable[[Any], str]
    tip: str = ""
    numeric: bool = True
    # The traces behind the cell and how to name them, or None.
    opens: Callable[[Any], tuple[QueueFilter, str] | None] | None = None
    # A colour for the cell's text (e.g. a significant change), or None.
    color: Callable[[Any], QColor | None] | None = None
    bold: Callable[[Any], bool] | None = None


def percent(x: float | None, digits: int = 1) -> str:
    return percent_text(x, digits, "–")


def rate_text(rate: Rate) -> str:
    """"12.5% (3 of 24)"."""
    if not rate.total:
        return "–"
    return f"{percent(rate.value)}  ({rate.count:,} of {rate.total:,})"


def interval_text(rate: Rate) -> str:
    found = rate.interval
    return "" if found is None else f"{percent(found[0])} – {percent(found[1])}"


def _alignment(column: Column) -> int:
    return int((Qt.AlignmentFlag.AlignRight if column.numeric else Qt.AlignmentFlag.AlignLeft)
               | Qt.AlignmentFlag.AlignVCenter)


class RowsModel(ListModel):
    """Rows of one figure of Insights, as columns of text."""

    ITEM_FLAGS = ListModel.ITEM_FLAGS | Qt.ItemFlag.ItemNeverHasChildren

    def __init__(self, columns: list[Column], parent=None) -> None:
        super().__init__(tuple(c.title for c in columns), parent)
        self.columns = list(columns)
        self.rows: list[Any] = []

    def set_rows(self, rows: list[Any]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def row_count(self) -> int:
        return len(self.rows)

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802 - Qt's name
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(self.columns):
            return None
        column = self.columns[section]
        if role == Qt.ItemDataRole.ToolTipRole:
            return column.tip or None
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _alignment(column)
        return super().headerData(section, orientation, role)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.rows) or \
                not 0 <= index.column() < len(self.columns):
            return None
        row = self.rows[index.row()]
        column = self.columns[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return column.text(row)
        if role == ROW_ROLE:
            return row
        if role == FILTER_ROLE:
            return column.opens(row) if column.opens else None
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _alignment(column)
        if role == Qt.ItemDataRole.ForegroundRole and column.color is not None:
            return column.color(row)
        if role == Qt.ItemDataRole.FontRole and column.bold is not None and column.bold(row):
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.ToolTipRole:
            opens = column.opens(row) if column.opens else None
            return plain_tip(f"Double-click to list {opens[1]} in the queue") if opens else None
        return None
