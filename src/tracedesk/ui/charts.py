"""Bar charts of the Insights page (Qt Charts), in the palette's colours, whose bars can be
clicked: a click says which series and which category it hit. A bar of a rate carries its
95% interval, drawn over it as a whisker: a rate of one trace of one (100%) reads as the
guess it is, not as a certainty.

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
from PySide6.QtCore import QEvent, QMargins, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPalette, QPen
from PySide6.QtWidgets import QLabel, QStackedWidget, QVBoxLayout, QWidget

from .style import mix, muted_text
from .text import one_line

LABEL_CHARS = 42  # a category's label is cut to this many characters


@dataclass(frozen=True)
class Series:
    name: str
    values: list[float]
    color: str
    intervals: list[tuple[float, float] | None] | None = None  # each value's 95% interval, in its units


class IntervalChartView(QChartView):
    """A chart view that draws, over the bars, each bar's value and its interval."""

    def __init__(self, chart: QChart, owner: BarChart) -> None:
        super().__init__(chart, owner)
        self.owner = owner

    def drawForeground(self, painter: QPainter, rect: QRectF) -> None:  # noqa: N802 - Qt's name
        super().drawForeground(painter, rect)
        self.owner.draw_marks(painter)


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
        self.view = IntervalChartView(self.chart, self)
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
        self.bars: QAbstractBarSeries | None = None
        self.placed: list[tuple[int, Series]] = []  # (its place among Qt's bar sets, series)
        self.order: list[int] = []  # the categories in the axis's order
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
        self.bars = None
        if not categories or not series:
            self.stack.setCurrentWidget(self.empty)
            return
        self.stack.setCurrentWidget(self.view)
        # Horizontal bars list the first category at the bottom: reversed, it is on top.
        order = list(reversed(range(len(categories)))) if horizontal else list(range(len(categories)))
        bars: QAbstractBarSeries = QHorizontalBarSeries() if horizontal else QBarSeries()
        # Qt draws a category's first set lowest: the sets go in reversed, so that the first
        # series is on top, where the legend (its markers reversed too) lists it first.
        placing = list(enumerate(series))
        if horizontal:
            placing.reverse()
        self.placed = [(place, s) for place, (_number, s) in enumerate(placing)]
        self.order = order
        for number, s in placing:
            bar_set = QBarSet(html.escape(s.name))
            bar_set.append([round(s.values[i], 1) for i in order])
            bar_set.setColor(QColor(s.color))
            bar_set.setBorderColor(QColor(s.color))
            bar_set.clicked.connect(lambda i, n=number, o=order: self.bar_clicked.emit(n, o[i]))
            bar_set.hovered.connect(self._hovered)
            bars.append(bar_set)
            self.bar_sets.append(bar_set)
        bars.setLabelsVisible(False)  # drawn by draw_marks, past the interval's end
        # Few categories would make fat bars: they stay slim.
        bars.setBarWidth(min(0.75 if len(series) > 1 else 0.6, 0.2 + 0.12 * len(categories) * len(series)))
        self.chart.addSeries(bars)
        self.bars = bars
        names = QBarCategoryAxis()
        names.append([html.escape(self._unique(short(categories[i]), i)) for i in order])
        values = QValueAxis()
        highs = [hi for s in series for found in (s.intervals or ()) if found is not None for hi in found[1:]]
        top, step = self._nice_top(max((*(v for s in series for v in s.values), *highs), default=0.0))
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
        self.chart.legend().setReverseMarkers(horizontal)
        # Room past the plot for the value written after the longest bar.
        room = QFontMetricsF(self.font()).horizontalAdvance("100.0%") + 10
        self.chart.setMargins(QMargins(4, 4, round(room), 4) if horizontal
                              else QMargins(4, round(QFontMetricsF(self.font()).height()) + 6, 8, 4))
        self._restyle()

    def value_text(self, value: float) -> str:
        """A bar's value as written after it: "12.5%", "100%"."""
        text = f"{value:.2g}" if 0 < abs(value) < 0.1 else f"{value:,.1f}".removesuffix(".0")  # 0.04%, not 0%
        return f"{text}%" if self.percent else text

    def bar_marks(self) -> list[tuple[str, QPointF, QPointF | None, QPointF | None]]:
        """Each bar's label, where it is written, and the ends of its interval (None without
        one), in the view's coordinates."""
        if self.bars is None:
            return []
        marks = []
        count = len(self.placed)
        width = self.bars.barWidth()
        for place, s in self.placed:
            offset = -width / 2 + (place + 0.5) * width / count
            for position, category in enumerate(self.order):
                value = s.values[category]
                found = s.intervals[category] if s.intervals else None
                at = position + offset

                def point(v: float, at: float = at) -> QPointF:
                    xy = QPointF(v, at) if self.horizontal else QPointF(at, v)
                    return self.view.mapFromScene(self.chart.mapToScene(self.chart.mapToPosition(xy, self.bars)))

                low = point(found[0]) if found else None
                high = point(found[1]) if found else None
                end = point(max(value, found[1]) if found else value)
                marks.append((self.value_text(value), end, low, high))
        return marks

    def draw_marks(self, painter: QPainter) -> None:
        """The interval of each bar as a whisker with caps, and its value past its end."""
        marks = self.bar_marks()
        if not marks:
            return
        palette = self.palette()
        text = palette.color(QPalette.ColorRole.Text)
        painter.save()
        painter.resetTransform()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        font = QFont(self.font())
        font.setPointSizeF(font.pointSizeF() * 0.92)
        painter.setFont(font)
        metrics = QFontMetricsF(font)
        cap = 3.5
        for label, end, low, high in marks:
            if low is not None and high is not None:
                painter.setPen(QPen(mix(palette.color(QPalette.ColorRole.Base), text, 0.75), 1.4))
                painter.drawLine(low, high)
                for p in (low, high):
                    if self.horizontal:
                        painter.drawLine(QPointF(p.x(), p.y() - cap), QPointF(p.x(), p.y() + cap))
                    else:
                        painter.drawLine(QPointF(p.x() - cap, p.y()), QPointF(p.x() + cap, p.y()))
            painter.setPen(text)
            if self.horizontal:
                painter.drawText(QPointF(end.x() + 5, end.y() + metrics.ascent() / 2 - 1), label)
            else:
                painter.drawText(QPointF(end.x() - metrics.horizontalAdvance(label) / 2, end.y() - 5), label)
        painter.restore()

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
        self.view.setBackgroundBrush(base)
        self.empty.setStyleSheet(f"color: {muted_text(palette).name()}; background: {base.name()};")

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt's name
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:
            self._restyle()

    def save_png(self, path: str) -> bool:
        """The chart as it is on screen, as a PNG file."""
        return self.stack.currentWidget().grab().save(path, "PNG")
