"""Bar charts of the Insights page (Qt Charts), in the palette's colours, whose bars can be
clicked: a click says which series and which category it hit.

Qt Charts draws the labels of axes and of the legend as HTML: the names of categories and
series (prompt versions, models, tags, questions from bundles) are escaped on their way."""

from __future__ import annotations

import html
import math
from dataclasses import dataclass

from PySide6.QtCharts import (
    QAbstractBarSeries,
    QBarCategoryAxis,
    QBarSeries,
    QBarSet,
    QChart,
    QChartView,
    QHorizontalBarSeries,
    QValueAxis,
)
from PySide6.QtCore import QEvent, QMargins, Qt, Signal
from PySide6.QtGui import QColor, QFont, QPainter, QPalette, QPen
from PySide6.QtWidgets import QLabel, QStackedWidget, QVBoxLayout, QWidget

from .style import mix, muted_text
from .text import one_line

LABEL_CHARS = 42  # a category's label is cut to this many characters


@dataclass(frozen=True)
class Series:
    name: str
    values: list[float]
    color: str


def short(text: str, limit: int = LABEL_CHARS) -> str:
    return one_line(text, limit)


class BarChart(QWidget):
    """Bars of one or more series over categories; horizontal (categories down the side,
    the first on top) or vertical (categories along the bottom, e.g. days).
    ``bar_clicked(series, category)`` gives the indexes of the bar clicked."""

    bar_clicked = Signal(int, int)

    def __init__(self, parent: QWidget | None = None, empty_text: str = "Nothing to show yet") -> None:
        super().__init__(parent)
        self.chart = QChart()
        self.chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
        self.chart.setMargins(QMargins(4, 4, 8, 4))
        self.chart.setBackgroundRoundness(0)
        self.view = QChartView(self.chart, self)
        self.view.setObjectName("barChart")
        self.view.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.view.setMinimumHeight(160)
        self.empty = QLabel(empty_text, self)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setWordWrap(True)
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.view)
        self.stack.addWidget(self.empty)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.stack)
        self.categories: list[str] = []
        self.series: list[Series] = []
        self.horizontal = True
        self.percent = True
        self.bar_sets: list[QBarSet] = []
        self._restyle()
        self.stack.setCurrentWidget(self.empty)

    def set_bars(self, categories: list[str], series: list[Series], *, horizontal: bool = True,
                 percent: bool = True) -> None:
        """Show ``series`` over ``categories`` (values in percent when ``percent``)."""
        self.categories, self.series, self.horizontal, self.percent = list(categories), list(series), horizontal, \
            percent
        self.chart.removeAllSeries()
        for axis in self.chart.axes():
            self.chart.removeAxis(axis)
        self.bar_sets = []
        if not categories or not series:
            self.stack.setCurrentWidget(self.empty)
            return
        self.stack.setCurrentWidget(self.view)
        # Horizontal bars list the first category at the bottom: reversed, it is on top.
        order = list(reversed(range(len(categories)))) if horizontal else list(range(len(categories)))
        bars: QAbstractBarSeries = QHorizontalBarSeries() if horizontal else QBarSeries()
        for number, s in enumerate(series):
            bar_set = QBarSet(html.escape(s.name))
            bar_set.append([round(s.values[i], 1) for i in order])
            bar_set.setColor(QColor(s.color))
            bar_set.setBorderColor(QColor(s.color))
            bar_set.clicked.connect(lambda i, n=number, o=order: self.bar_clicked.emit(n, o[i]))
            bar_set.hovered.connect(self._hovered)
            bars.append(bar_set)
            self.bar_sets.append(bar_set)
        bars.setLabelsVisible(True)
        bars.setLabelsPosition(QAbstractBarSeries.LabelsPosition.LabelsOutsideEnd)
        bars.setLabelsFormat("@value%" if percent else "@value")
        bars.setLabelsPrecision(4)
        # Few categories would make fat bars: they stay slim.
        bars.setBarWidth(min(0.75 if len(series) > 1 else 0.6, 0.2 + 0.12 * len(categories) * len(series)))
        self.chart.addSeries(bars)
        names = QBarCategoryAxis()
        names.append([html.escape(self._unique(short(categories[i]), i)) for i in order])
        values = QValueAxis()
        top, step = self._nice_top(max((v for s in series for v in s.values), default=0.0))
        values.setRange(0, top)
        values.setTickCount(round(top / step) + 1)
        digits = 0 if step >= 1 else 1
        values.setLabelFormat(f"%.{digits}f%%" if percent else f"%.{digits}f")
        if horizontal:
            self.chart.addAxis(names, Qt.AlignmentFlag.AlignLeft)
            self.chart.addAxis(values, Qt.AlignmentFlag.AlignBottom)
        else:
            self.chart.addAxis(names, Qt.AlignmentFlag.AlignBottom)
            self.chart.addAxis(values, Qt.AlignmentFlag.AlignLeft)
        bars.attachAxis(names)
        bars.attachAxis(values)
        self.chart.legend().setVisible(len(series) > 1)
        self.chart.legend().setAlignment(Qt.AlignmentFlag.AlignTop)
        self._restyle()

    def _unique(self, label: str, index: int) -> str:
        """Category axes merge equal labels: two questions cut to the same words stay apart."""
        cut = [short(c) for c in self.categories]
        return label if cut.count(label) == 1 else f"{label} ({index + 1})"

    def _nice_top(self, top: float) -> tuple[float, float]:
        """The end of the value axis (room left for the bars' labels) and its step: four
        round steps, e.g. 0, 10, 20, 30, 40."""
        if top <= 0:
            return (100.0, 25.0) if self.percent else (4.0, 1.0)
        wanted = top * 1.18 / 4
        scale = 10 ** math.floor(math.log10(wanted))
        step = next(m * scale for m in (1, 2, 2.5, 5, 10) if m * scale >= wanted)
        if self.percent and step * 4 > 100:
            return 100.0, 25.0
        return step * 4, step

    def _hovered(self, over: bool, _index: int) -> None:
        self.view.viewport().setCursor(Qt.CursorShape.PointingHandCursor if over else Qt.CursorShape.ArrowCursor)

    def _restyle(self) -> None:
        palette = self.palette()
        base = palette.color(QPalette.ColorRole.Base)
        text = palette.color(QPalette.ColorRole.Text)
        grid = mix(base, text, 0.12)
        self.chart.setBackgroundBrush(base)
        self.chart.setBackgroundPen(QPen(Qt.PenStyle.NoPen))
        self.chart.setPlotAreaBackgroundVisible(False)
        self.chart.setTitleBrush(text)
        self.chart.legend().setLabelColor(text)
        font = QFont(self.font())
        font.setPointSizeF(font.pointSizeF() * 0.92)
        for axis in self.chart.axes():
            axis.setLabelsColor(text)
            axis.setLabelsFont(font)
            axis.setGridLineColor(grid)
            axis.setLinePenColor(grid)
            axis.setShadesVisible(False)
        for bar_set in self.bar_sets:
            bar_set.setLabelColor(text)
            bar_set.setLabelFont(font)
        self.view.setBackgroundBrush(base)
        self.empty.setStyleSheet(f"color: {muted_text(palette).name()}; background: {base.name()};")

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt's name
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:
            self._restyle()

    def save_png(self, path: str) -> bool:
        """The chart as it is on screen, as a PNG file."""
        return self.stack.currentWidget().grab().save(path, "PNG")
