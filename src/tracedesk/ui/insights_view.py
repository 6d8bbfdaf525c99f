"""The Insights page: where failures come from, and whether a change helped.

Every figure comes from :mod:`tracedesk.core.insights`, computed off the GUI thread. Each
figure is a chart above its table; a click on a bar, or a double-click on a cell, opens the
traces behind it in the queue (``open_filter``). Every table exports as CSV and every chart
as PNG.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSizePolicy,
    QSplitter,
    QStackedWidget,
    QTableView,
    QTabWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ..core import insights
from ..core.insights import (
    BreakdownRow,
    CauseRow,
    Cohort,
    CompareRow,
    Comparison,
    QuestionRow,
    Rate,
    RunRow,
    StepRow,
    Table,
)
from ..core.queue import QueueFilter
from ..core.store import Store
from .background import LatestRunner
from .changes import Changes
from .charts import BarChart, Series
from .date_range import DateRangeBox, DateRangeDialog, days_ns, describe_range, range_text
from .insights_model import FILTER_ROLE, Column, RowsModel, interval_text, percent, rate_text
from .style import ERROR, OK, readable_on_base, signal_label
from .text import usd_text
from .widgets import bold, debounce, muted, set_up_list_table

CHART_LIMIT = 12  # bars shown in a chart (the table lists every row)
COMPARE_CHART_LIMIT = 8  # pairs of bars in the before-and-after chart
FIELD_LABELS = {"prompt_version": "Prompt version", "model": "Model", "tag": "Tag", "source": "Source",
                "day": "Day"}
SIGNAL_COLOR, FAILURE_COLOR, A_COLOR, B_COLOR = "#e08a1e", "#d64545", "#8a8f98", "#3d8bd9"

Opens = tuple[QueueFilter, str]


def rate_series(name: str, rates: list[Rate], color: str) -> Series:
    """Bars of rates in percent, each with its 95% interval (none for a rate of nothing)."""
    return Series(name, [100 * (r.value or 0) for r in rates], color,
                  [(100 * r.interval[0], 100 * r.interval[1]) if r.interval and r.total else None for r in rates])


def value_text(value: str | None) -> str:
    return "(none)" if value is None else str(value)


def _ms(x: float | None) -> str:
    if x is None:
        return "–"
    return f"{x / 1000:.2f} s" if x >= 1000 else f"{x:.0f} ms"


# One figure: a title, its buttons, a chart above a table. --------------------------------------


class FigurePanel(QFrame):
    """A chart (optional) above the table of one figure, with CSV and PNG export."""

    open_filter = Signal(object, str)  # QueueFilter, what it lists

    def __init__(self, title: str, columns: list[Column], parent: QWidget | None = None, *,
                 chart: bool = True, hint: str = "", empty_text: str = "Nothing to show yet") -> None:
        super().__init__(parent)
        self.setObjectName("figurePanel")
        self.table_data: Table | None = None
        self.bar_opens: list[list[Opens | None]] = []  # per series, per category
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        head = QHBoxLayout()
        self.title = bold(QLabel(title, self), 1.08)
        self.title.setMinimumWidth(120)  # a long title is cut rather than widening the window
        self.title.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        head.addWidget(self.title, 1)
        self.extra = QHBoxLayout()
        head.addLayout(self.extra)
        self.png_button = self._button("Save Chart…", "Save the chart as a PNG image", self.choose_png, head)
        self.csv_button = self._button("Export CSV…", "Save the table as a CSV file", self.choose_csv, head)
        self.png_button.setVisible(chart)
        layout.addLayout(head)
        if hint:
            self.hint = muted(QLabel(hint, self))
            self.hint.setWordWrap(True)
            layout.addWidget(self.hint)
        self.chart = BarChart(self, empty_text) if chart else None
        self.model = RowsModel(columns, self)
        self.table = QTableView(self)
        self.table.setObjectName("insightsTable")
        self.table.setModel(self.model)
        header = set_up_list_table(self.table, self.fontMetrics().height())
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(False)
        if columns and not columns[0].numeric:
            header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.doubleClicked.connect(self._open_index)
        self.table.activated.connect(self._open_index)
        if self.chart is not None:
            self.chart.bar_clicked.connect(self._open_bar)
            split = QSplitter(Qt.Orientation.Vertical, self)
            split.setChildrenCollapsible(False)
            split.addWidget(self.chart)
            split.addWidget(self.table)
            split.setStretchFactor(0, 3)
            split.setStretchFactor(1, 2)
            layout.addWidget(split, 1)
        else:
            layout.addWidget(self.table, 1)

    def _button(self, text: str, tip: str, slot: Callable[[], Any], layout: QHBoxLayout) -> QToolButton:
        button = QToolButton(self)
        button.setText(text)
        button.setToolTip(tip)
        button.setAutoRaise(True)
        button.clicked.connect(slot)
        layout.addWidget(button)
        return button

    def show_table(self, table: Table, *, title: str | None = None,
                   bars: tuple[list[str], list[Series], list[list[Opens | None]]] | None = None,
                   horizontal: bool = True, percent_bars: bool = True) -> None:
        self.table_data = table
        if title:
            self.title.setText(title)
        self.model.set_rows(table.rows)
        self.csv_button.setEnabled(True)
        if self.chart is not None:
            categories, series, opens = bars or ([], [], [])
            self.bar_opens = opens
            self.chart.set_bars(categories, series, horizontal=horizontal, percent=percent_bars)

    def _open_index(self, index: QModelIndex) -> None:
        found = index.data(FILTER_ROLE)
        if found is None:  # the row's first cell that opens something
            for column in range(self.model.columnCount()):
                found = index.siblingAtColumn(column).data(FILTER_ROLE)
                if found is not None:
                    break
        if found is not None:
            self.open_filter.emit(*found)

    def _open_bar(self, series: int, category: int) -> None:
        try:
            found = self.bar_opens[series][category]
        except IndexError:
            return
        if found is not None:
            self.open_filter.emit(*found)

    # -- export --------------------------------------------------------------------------------

    def export_csv(self, path: str | Path) -> Path | None:
        return insights.write_csv(self.table_data, path) if self.table_data is not None else None

    def save_png(self, path: str | Path) -> bool:
        return self.chart.save_png(str(path)) if self.chart is not None else False

    def choose_csv(self) -> None:
        if self.table_data is None:
            return
        path, _ = QFileDialog.getSaveFileName(self, "Export the table as CSV",
                                              str(Path.home() / f"{self.table_data.name}.csv"), "CSV files (*.csv)")
        if path:
            self.export_csv(path)

    def choose_png(self) -> None:
        name = self.table_data.name if self.table_data is not None else "chart"
        path, _ = QFileDialog.getSaveFileName(self, "Save the chart as PNG", str(Path.home() / f"{name}.png"),
                                              "PNG images (*.png)")
        if path:
            self.save_png(path)


def field_buttons(parent: QWidget, fields: tuple[str, ...], on_change: Callable[[str], None]) \
        -> tuple[QWidget, QButtonGroup]:
    """A row of exclusive buttons, one per field."""
    box = QWidget(parent)
    layout = QHBoxLayout(box)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(2)
    layout.addWidget(QLabel("By", box))
    group = QButtonGroup(box)
    group.setExclusive(True)
    for i, name in enumerate(fields):
        button = QToolButton(box)
        button.setText(FIELD_LABELS[name])
        button.setCheckable(True)
        button.setChecked(i == 0)
        button.setObjectName(f"by_{name}")
        group.addButton(button, i)
        layout.addWidget(button)
    group.idClicked.connect(lambda i: on_change(fields[i]))
    return box, group


# The page. ------------------------------------------------------------------------------------


class InsightsView(QWidget):
    """Failure rates, causes, blamed steps, runs, questions, and before and after."""

    open_filter = Signal(object, str)  # QueueFilter, what it lists
    computed = Signal()  # the figures on screen are those of the database now
    compared = Signal()  # a before-and-after comparison is on screen

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("insightsView")
        self.store: Store | None = None
        self.tables: dict[str, Table] = {}
        self.comparison: Comparison | None = None
        self.stale = True
        # A computation overtaken by a newer one (the database or the range changed) is dropped.
        self._computer = LatestRunner(self._computed, self)
        self._comparer = LatestRunner(self._compared, self)
        self._by = "prompt_version"
        self._runs_by = "prompt_version"
        layout = QVBoxLayout(self)
        layout.setContentsMargins(14, 10, 14, 10)
        layout.setSpacing(8)
        layout.addLayout(self._build_header())
        self.tabs = QTabWidget(self)
        self.tabs.setDocumentMode(True)
        layout.addWidget(self.tabs, 1)
        self._build_failures()
        self._build_causes()
        self._build_runs()
        self._build_questions()
        self._build_compare()
        for panel in self.findChildren(FigurePanel):
            panel.open_filter.connect(self.open_filter)

    # -- building ----------------------------------------------------------------------------

    def _build_header(self) -> QHBoxLayout:
        head = QHBoxLayout()
        head.addWidget(bold(QLabel("Insights", self), 1.35))
        head.addSpacing(12)
        head.addWidget(QLabel("Runs of", self))
        self.within_box = DateRangeBox(self)
        self.within_box.setToolTip("Only the runs that started in this span of time")
        self.within_box.changed.connect(self.recompute)
        head.addWidget(self.within_box)
        self.status = muted(QLabel(self))
        self.status.setTextFormat(Qt.TextFormat.PlainText)  # errors and folders named as they are
        head.addWidget(self.status, 1)
        self.refresh_button = QPushButton("Refresh", self)
        self.refresh_button.setToolTip("Compute the figures again from the database")
        self.refresh_button.clicked.connect(self.recompute)
        self.export_button = QPushButton("Export All CSV…", self)
        self.export_button.setToolTip("Save every table as a CSV file in a folder")
        self.export_button.clicked.connect(self.choose_export_all)
        for button in (self.refresh_button, self.export_button):
            button.setAutoDefault(False)
            head.addWidget(button)
        return head

    def _tab(self, title: str) -> QVBoxLayout:
        page = QWidget(self.tabs)
        layout = QVBoxLayout(page)
        layout.setContentsMargins(2, 10, 2, 2)
        layout.setSpacing(8)
        self.tabs.addTab(page, title)
        return layout

    def _build_failures(self) -> None:
        layout = self._tab("Failure rate")
        columns = [
            Column("Value", lambda r: value_text(r.value), numeric=False, opens=self._group_opens),
            Column("Traces", lambda r: f"{r.traces:,}", opens=self._group_opens),
            Column("With a negative signal", lambda r: rate_text(r.signals),
                   "Traces with a negative signal, of all traces", opens=self._signals_opens),
            Column("95% interval", lambda r: interval_text(r.signals), "Wilson score interval"),
            Column("Reviewed failures", lambda r: rate_text(r.failures),
                   "Traces a reviewer marked failed, of the reviewed ones (failure or ok)",
                   opens=self._failures_opens),
            Column("95% interval ", lambda r: interval_text(r.failures), "Wilson score interval"),
        ]
        self.failures = FigurePanel(
            "Failure rate by prompt version", columns, self,
            hint="Orange: the share of all traces with a negative signal. Red: the share of reviewed traces "
                 "(failure or ok) that failed. Click a bar, or double-click a cell, to list its traces.",
            empty_text="No traces in this span of time.")
        box, self.failures_by = field_buttons(self, insights.BY_FIELDS, self._set_by)
        self.failures.extra.addWidget(box)
        layout.addWidget(self.failures, 1)

    def _build_causes(self) -> None:
        layout = self._tab("Causes and steps")
        split = QSplitter(Qt.Orientation.Horizontal, self)
        split.setChildrenCollapsible(False)
        self.causes = FigurePanel("Reviewed failures by cause", [
            Column("Cause", lambda r: r.cause, numeric=False, opens=self._cause_opens),
            Column("Failures", lambda r: rate_text(r.failures), "Of all reviewed failures", opens=self._cause_opens),
            Column("95% interval", lambda r: interval_text(r.failures)),
        ], split, hint="The cause of each reviewed failure (its latest review).",
            empty_text="No reviewed failures yet: review traces (verdict failure, with a cause) to see "
                       "where failures come from.")
        self.steps = FigurePanel("Reviewed failures by the step they blame", [
            Column("Step", lambda r: r.label, numeric=False, opens=self._step_opens),
            Column("Failures", lambda r: rate_text(r.failures), "Of all reviewed failures", opens=self._step_opens),
            Column("95% interval", lambda r: interval_text(r.failures)),
        ], split, hint="The kind and name of the step a reviewer blamed, or a step that is missing.",
            empty_text="No reviewed failures yet.")
        split.addWidget(self.causes)
        split.addWidget(self.steps)
        layout.addWidget(split, 1)

    def _build_runs(self) -> None:
        layout = self._tab("Runs")
        cards = QHBoxLayout()
        cards.setSpacing(10)
        self.cards: dict[str, QLabel] = {}
        for key, label in (("traces", "Runs"), ("escalations", "Escalation rate"), ("latency", "Mean latency"),
                           ("cost", "Mean cost per run"), ("total", "Total cost")):
            card = QFrame(self)
            card.setObjectName("insightCard")
            card.setFrameShape(QFrame.Shape.StyledPanel)
            inner = QVBoxLayout(card)
            inner.setContentsMargins(12, 8, 12, 8)
            name = muted(QLabel(label, card))
            value = bold(QLabel("–", card), 1.45)
            value.setObjectName(f"card_{key}")
            inner.addWidget(name)
            inner.addWidget(value)
            cards.addWidget(card, 1)
            self.cards[key] = value
        layout.addLayout(cards)
        self.runs = FigurePanel("Escalation rate by prompt version", [
            Column("Value", lambda r: value_text(r.value), numeric=False, opens=self._run_opens),
            Column("Runs", lambda r: f"{r.traces:,}", opens=self._run_opens),
            Column("Escalations", lambda r: rate_text(r.escalations), "Runs with an escalation signal",
                   opens=self._escalation_opens),
            Column("95% interval", lambda r: interval_text(r.escalations)),
            Column("Mean latency", lambda r: _ms(r.mean_latency_ms), "Over the runs with a start and an end"),
            Column("Mean cost", lambda r: usd_text(r.mean_cost_usd), "Over the runs whose steps carry a cost"),
            Column("Total cost", lambda r: usd_text(r.total_cost_usd)),
        ], self, hint="Click a bar, or double-click a cell, to list the escalated runs.",
            empty_text="No runs in this span of time.")
        box, self.runs_by = field_buttons(self, insights.BY_FIELDS, self._set_runs_by)
        self.runs.extra.addWidget(box)
        layout.addWidget(self.runs, 1)

    def _build_questions(self) -> None:
        layout = self._tab("Questions")
        split = QSplitter(Qt.Orientation.Vertical, self)
        split.setChildrenCollapsible(False)
        self.questions = FigurePanel("Questions with the most negative signals", [
            Column("Question", lambda r: r.question or r.question_key, numeric=False, opens=self._question_opens),
            Column("Flagged traces", lambda r: f"{r.traces:,}", opens=self._question_opens),
            Column("Negative signals", lambda r: f"{r.signals:,}"),
        ], split, chart=False, hint="The same question asked in other words counts once. Double-click to list "
                                    "its traces.")
        self.gaps = FigurePanel("Knowledge gaps: questions where retrieval found nothing", [
            Column("Question", lambda r: r.question or r.question_key, numeric=False, opens=self._question_opens),
            Column("Traces", lambda r: f"{r.traces:,}", opens=self._question_opens),
        ], split, chart=False, hint="What the knowledge base is missing, most asked first.")
        split.addWidget(self.questions)
        split.addWidget(self.gaps)
        layout.addWidget(split, 1)

    def _build_compare(self) -> None:
        layout = self._tab("Before and after")
        row = QHBoxLayout()
        row.setSpacing(8)
        row.addWidget(QLabel("Compare", self))
        self.compare_kind = QComboBox(self)
        self.compare_kind.setObjectName("compareKind")
        for text, data in (("Prompt versions", "prompt_version"), ("Models", "model"), ("Tags", "tag"),
                           ("Sources", "source"), ("Date ranges", "range")):
            self.compare_kind.addItem(text, data)
        self.compare_kind.currentIndexChanged.connect(self._fill_compare_choices)
        row.addWidget(self.compare_kind)
        self.a_stack, self.a_box, self.a_range = self._side("A (before)")
        self.b_stack, self.b_box, self.b_range = self._side("B (after)")
        row.addWidget(QLabel("A", self))
        row.addWidget(self.a_stack, 1)
        row.addWidget(QLabel("against B", self))
        row.addWidget(self.b_stack, 1)
        self.compare_button = QPushButton("Compare", self)
        self.compare_button.setAutoDefault(False)
        self.compare_button.setToolTip("Compare again (a comparison runs as soon as A and B are both chosen)")
        self.compare_button.clicked.connect(self.run_compare)
        row.addWidget(self.compare_button)
        layout.addLayout(row)
        # A comparison runs as soon as both sides are chosen and the tab is on screen.
        self._compared_cohorts: tuple[Cohort, Cohort] | None = None
        self._compare_soon = debounce(self, self.compare_when_chosen, 150)
        for box in (self.a_box, self.b_box):
            box.currentIndexChanged.connect(lambda _i: self._compare_soon.start())
        self.compare_summary = QLabel("Pick two prompt versions, models or date ranges to compare.", self)
        self.compare_summary.setTextFormat(Qt.TextFormat.PlainText)  # it names the values compared
        self.compare_summary.setWordWrap(True)
        layout.addWidget(self.compare_summary)
        self.compare_panel = FigurePanel("Each signal's and cause's rate, A against B", [
            Column("Measure", self.measure_text, numeric=False, opens=self._b_opens, bold=self._significant),
            Column("A", lambda r: rate_text(r.a), "Signals: of all of A's traces. Causes: of A's reviewed traces",
                   opens=self._a_opens),
            Column("A 95% interval", lambda r: interval_text(r.a)),
            Column("B", lambda r: rate_text(r.b), "Signals: of all of B's traces. Causes: of B's reviewed traces",
                   opens=self._b_opens),
            Column("B 95% interval", lambda r: interval_text(r.b)),
            Column("Change", self._change_text, "B's rate minus A's", color=self._change_color,
                   bold=self._significant),
            Column("p-value", self._p_text, "Two-proportion z-test, or Fisher's exact test for small counts; "
                   f"marked significant below {insights.SIGNIFICANCE}", color=self._change_color,
                   bold=self._significant),
        ], self, hint="Grey: A; blue: B. A change marked ▲ (worse) or ▼ (better) is significant "
                      f"(p < {insights.SIGNIFICANCE}). Click a bar, or double-click a cell, to list the traces.",
            empty_text="Nothing compared yet.")
        layout.addWidget(self.compare_panel, 1)
        self.compare_left_out = muted(QLabel(self))
        self.compare_left_out.setTextFormat(Qt.TextFormat.PlainText)  # it names causes from bundles
        self.compare_left_out.setWordWrap(True)
        self.compare_left_out.setObjectName("compareLeftOut")
        self.compare_panel.layout().insertWidget(2, self.compare_left_out)  # under the hint, above the chart
        self._compare_tab = self.tabs.count() - 1
        self.tabs.currentChanged.connect(lambda _i: self._compare_soon.start())
        self._fill_compare_choices()

    def _side(self, label: str) -> tuple[QStackedWidget, QComboBox, QPushButton]:
        stack = QStackedWidget(self)
        box = QComboBox(stack)
        box.setToolTip(label)
        box.setMinimumContentsLength(12)
        box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        button = QPushButton(stack)
        button.setAutoDefault(False)
        button.setToolTip(f"{label}: the days, both included")
        button.clicked.connect(lambda: self._choose_days(button))
        button.setProperty("days", None)
        stack.addWidget(box)
        stack.addWidget(button)
        stack.setSizePolicy(box.sizePolicy())
        return stack, box, button

    # -- what a row opens ------------------------------------------------------------------------

    def _within_text(self) -> str:
        since, until = self.within_box.range_ns()
        return "" if since is None and until is None else f" ({describe_range(since, until)})"

    def _field_value(self, field: str, value: str | None) -> str:
        return f"{FIELD_LABELS[field].lower()} {value_text(value)}"

    def _group_opens(self, r: BreakdownRow) -> Opens:
        return r.filter, f"every trace of {self._field_value(self._by, r.value)}{self._within_text()}"

    def _signals_opens(self, r: BreakdownRow) -> Opens:
        return r.signals_filter, (f"traces of {self._field_value(self._by, r.value)} with a negative signal"
                                  f"{self._within_text()}")

    def _failures_opens(self, r: BreakdownRow) -> Opens:
        return r.failures_filter, f"reviewed failures of {self._field_value(self._by, r.value)}{self._within_text()}"

    def _cause_opens(self, r: CauseRow) -> Opens:
        return r.filter, f"reviewed failures caused by {r.cause}{self._within_text()}"

    def _step_opens(self, r: StepRow) -> Opens:
        return r.filter, f"reviewed failures blaming {r.label}{self._within_text()}"

    def _run_opens(self, r: RunRow) -> Opens:
        return r.filter, f"every run of {self._field_value(self._runs_by, r.value)}{self._within_text()}"

    def _escalation_opens(self, r: RunRow) -> Opens:
        return r.escalations_filter, (f"escalated runs of {self._field_value(self._runs_by, r.value)}"
                                      f"{self._within_text()}")

    def _question_opens(self, r: QuestionRow) -> Opens:
        return r.filter, f"traces asking “{r.question or r.question_key}”"

    def _a_opens(self, r: CompareRow) -> Opens:
        assert self.comparison is not None
        return r.a_filter, f"{self.measure_text(r)} in A, {self.comparison.a.label}"

    def _b_opens(self, r: CompareRow) -> Opens:
        assert self.comparison is not None
        return r.b_filter, f"{self.measure_text(r)} in B, {self.comparison.b.label}"

    @staticmethod
    def measure_text(r: CompareRow) -> str:
        """A comparison row's measure as the table and the chart name it ("signal: rephrase")."""
        if r.measure == "signal":
            return f"signal: {signal_label(r.key)}"
        if r.measure == "cause":
            return f"cause: {r.label}"
        return r.label

    @staticmethod
    def _significant(r: CompareRow) -> bool:
        return r.test != "none" and r.p_value < insights.SIGNIFICANCE

    def _change_text(self, r: CompareRow) -> str:
        if r.change is None:
            return "–"
        mark = ("  ▲" if r.change > 0 else "  ▼") if self._significant(r) else ""
        return f"{r.change * 100:+.1f} pts{mark}"

    def _p_text(self, r: CompareRow) -> str:
        if r.test == "none":
            return "–"
        p = "< 0.001" if r.p_value < 0.001 else f"{r.p_value:.3f}"
        return f"{p}  significant" if self._significant(r) else p

    def _change_color(self, r: CompareRow) -> QColor | None:
        if not self._significant(r) or r.change is None:
            return None
        # Every measure counts something bad: up is worse.
        return readable_on_base(QColor(ERROR if r.change > 0 else OK), self.palette())

    # -- computing ------------------------------------------------------------------------------

    def set_store(self, store: Store | None) -> None:
        self.store = store
        self.tables = {}
        self.comparison = None
        self.stale = True
        self._computer.cancel()  # what the last database gives is not wanted
        self._comparer.cancel()
        self.refresh_button.setEnabled(True)
        self.compare_button.setEnabled(True)
        self._compared_cohorts = None
        self.compare_panel.show_table(Table("compare", "", []))
        self.compare_left_out.clear()
        self.compare_summary.setText("Pick two prompt versions, models or date ranges to compare.")

    def invalidate(self) -> None:
        """The database changed: compute again when the page is shown."""
        self.stale = True

    def apply_changes(self, changes: Changes, _initiator: object) -> None:
        """Traces, reviews or causes changed: the figures are computed again, at once if
        the page is on screen, else when it is shown."""
        if changes.traces or changes.reviews or changes.causes:
            self.invalidate()
            if self.isVisible():
                self.show_page()

    def page_shown(self) -> None:
        self.show_page()
        self.tabs.setFocus()

    def show_page(self) -> None:
        """Called when the page comes on screen: compute if the figures are out of date."""
        if self.stale:
            self.recompute()

    def cohort(self) -> Cohort:
        since, until = self.within_box.range_ns()
        return Cohort(since_ns=since, until_ns=until)

    def recompute(self) -> None:
        store = self.store
        if store is None:
            return
        within = self.cohort()
        self.stale = False
        self.status.setText("Computing…")
        self.refresh_button.setEnabled(False)
        started = time.monotonic()

        def compute() -> tuple[list[Table], float]:
            with store.read() as conn:
                return insights.overview(conn, within=within), time.monotonic() - started

        self._computer.run(compute)

    def _computed(self, result: tuple[list[Table], float] | None, error: Exception | None) -> None:
        self.refresh_button.setEnabled(True)
        if error is not None:
            self.status.setText(f"The figures could not be computed: {error}")
            return
        tables, seconds = result  # type: ignore[misc]
        self.tables = {t.name: t for t in tables}
        overall = self.tables["runs"].rows[0] if self.tables["runs"].rows else None
        traces = overall.traces if overall is not None else 0
        self.status.setText(f"{traces:,} runs{self._within_text()}  ·  computed in {seconds:.1f} s")
        self._show_failures()
        self._show_causes()
        self._show_runs(overall)
        self.questions.show_table(self.tables["questions"])
        self.gaps.show_table(self.tables["knowledge_gaps"])
        self._compared_cohorts = None  # the figures changed: the comparison on screen is compared again
        self._fill_compare_choices()
        self.computed.emit()

    # -- showing ---------------------------------------------------------------------------------

    def _set_by(self, field: str) -> None:
        self._by = field
        self._show_failures()

    def _set_runs_by(self, field: str) -> None:
        self._runs_by = field
        self._show_runs(None)

    def _show_failures(self) -> None:
        table = self.tables.get(f"failures_by_{self._by}")
        if table is None:
            return
        rows: list[BreakdownRow] = table.rows
        day = self._by == "day"
        shown = rows if day else rows[:CHART_LIMIT]
        more = "" if len(shown) == len(rows) else f"  (the {len(shown)} biggest of {len(rows)} in the chart)"
        series = [rate_series("With a negative signal", [r.signals for r in shown], SIGNAL_COLOR),
                  rate_series("Reviewed failures", [r.failures for r in shown], FAILURE_COLOR)]
        opens = [[self._signals_opens(r) for r in shown], [self._failures_opens(r) for r in shown]]
        self.failures.show_table(table, title=f"Failure rate by {FIELD_LABELS[self._by].lower()}{more}",
                                 bars=([value_text(r.value) for r in shown], series, opens), horizontal=not day)

    def _show_causes(self) -> None:
        causes: list[CauseRow] = self.tables["causes"].rows
        steps: list[StepRow] = self.tables["blamed_steps"].rows
        self.causes.show_table(self.tables["causes"], bars=(
            [r.cause for r in causes[:CHART_LIMIT]],
            [rate_series("Share of reviewed failures", [r.failures for r in causes[:CHART_LIMIT]], FAILURE_COLOR)],
            [[self._cause_opens(r) for r in causes[:CHART_LIMIT]]]))
        self.steps.show_table(self.tables["blamed_steps"], bars=(
            [r.label for r in steps[:CHART_LIMIT]],
            [rate_series("Share of reviewed failures", [r.failures for r in steps[:CHART_LIMIT]], "#7c5cff")],
            [[self._step_opens(r) for r in steps[:CHART_LIMIT]]]))

    def _show_runs(self, overall: RunRow | None) -> None:
        if overall is None and self.tables.get("runs") and self.tables["runs"].rows:
            overall = self.tables["runs"].rows[0]
        if overall is not None:
            self.cards["traces"].setText(f"{overall.traces:,}")
            self.cards["escalations"].setText(percent(overall.escalations.value))
            self.cards["escalations"].setToolTip(rate_text(overall.escalations) + "\n95% interval: "
                                                 + interval_text(overall.escalations))
            self.cards["latency"].setText(_ms(overall.mean_latency_ms))
            self.cards["cost"].setText(usd_text(overall.mean_cost_usd))
            self.cards["total"].setText(usd_text(overall.total_cost_usd))
        table = self.tables.get(f"runs_by_{self._runs_by}")
        if table is None:
            return
        rows: list[RunRow] = table.rows
        day = self._runs_by == "day"
        shown = rows if day else rows[:CHART_LIMIT]
        self.runs.show_table(table, title=f"Escalation rate by {FIELD_LABELS[self._runs_by].lower()}", bars=(
            [value_text(r.value) for r in shown],
            [rate_series("Escalated runs", [r.escalations for r in shown], "#db2777")],
            [[self._escalation_opens(r) for r in shown]]), horizontal=not day)

    # -- before and after --------------------------------------------------------------------------

    def _fill_compare_choices(self) -> None:
        kind = self.compare_kind.currentData()
        dates = kind == "range"
        for stack, box, button in ((self.a_stack, self.a_box, self.a_range), (self.b_stack, self.b_box, self.b_range)):
            stack.setCurrentWidget(button if dates else box)
            if dates:
                if button.property("days") is None:
                    button.setText("Choose days…")
                continue
            chosen = box.currentData()
            box.clear()
            table = self.tables.get(f"failures_by_{kind}")
            for row in table.rows if table is not None else []:
                box.addItem(f"{value_text(row.value)}   ({row.traces:,} traces)", row.value)
            found = box.findData(chosen)
            if found >= 0:
                box.setCurrentIndex(found)
        if not dates and self.b_box.count() > 1 and self.a_box.currentIndex() == self.b_box.currentIndex():
            # The two most frequent values, the one whose traces began first as A (before), so
            # that the change reads forwards, from the older to the newer.
            table = self.tables.get(f"failures_by_{kind}")
            first = {r.value: r.first_ns for r in table.rows} if table is not None else {}
            older, newer = sorted((0, 1), key=lambda i: (first.get(self.a_box.itemData(i)) is None,
                                                         first.get(self.a_box.itemData(i)) or 0, i))
            self.a_box.setCurrentIndex(older)
            self.b_box.setCurrentIndex(newer)
        self._compare_soon.start()

    def _choose_days(self, button: QPushButton) -> None:
        days = button.property("days")
        dialog = DateRangeDialog(*(days or (None, None)), parent=self.window(), title="Days to compare")
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self.set_compare_days(button, *dialog.days()))
        dialog.open()

    def set_compare_days(self, button: QPushButton, first, last) -> None:
        button.setProperty("days", (first, last))
        button.setText(range_text(first, last))
        self._compare_soon.start()

    def compare_when_chosen(self) -> None:
        """Compare A and B if both are chosen, the tab is on screen and they are not what is
        compared already: choosing is enough, no click needed."""
        if self.tabs.currentIndex() != self._compare_tab or self.store is None:
            return
        cohorts = self.cohorts()
        if cohorts is not None and cohorts != self._compared_cohorts and cohorts[0] != cohorts[1]:
            self.run_compare()

    def cohorts(self) -> tuple[Cohort, Cohort] | None:
        """The two cohorts chosen, or None if they are not chosen yet."""
        kind = self.compare_kind.currentData()
        if kind == "range":
            a_days, b_days = self.a_range.property("days"), self.b_range.property("days")
            if a_days is None or b_days is None:
                return None
            (a_since, a_until), (b_since, b_until) = days_ns(*a_days), days_ns(*b_days)
            return Cohort(since_ns=a_since, until_ns=a_until), Cohort(since_ns=b_since, until_ns=b_until)
        if self.a_box.currentIndex() < 0 or self.b_box.currentIndex() < 0:
            return None
        within = self.cohort()
        return (Cohort(kind, self.a_box.currentData(), within.since_ns, within.until_ns),
                Cohort(kind, self.b_box.currentData(), within.since_ns, within.until_ns))

    def run_compare(self) -> None:
        store, cohorts = self.store, self.cohorts()
        if store is None:
            return
        if cohorts is None:
            self.compare_summary.setText("Choose both A and B first.")
            return
        a, b = cohorts
        self._compared_cohorts = cohorts
        self.compare_summary.setText("Comparing…")
        self.compare_button.setEnabled(False)

        def compute() -> Comparison:
            with store.read() as conn:
                return insights.compare(conn, a, b)

        self._comparer.run(compute)

    def _compared(self, found: Comparison | None, error: Exception | None) -> None:
        self.compare_button.setEnabled(True)
        if error is not None:
            self.compare_summary.setText(f"The comparison failed: {error}")
            return
        assert found is not None
        self.comparison = found
        changed = sum(1 for r in found.rows if self._significant(r))
        self.compare_summary.setText(
            f"A: {found.a.label}, {found.a_traces:,} traces ({found.a_reviewed:,} reviewed).   "
            f"B: {found.b.label}, {found.b_traces:,} traces ({found.b_reviewed:,} reviewed).   "
            + (f"{changed} significant change{'s' if changed != 1 else ''}." if changed
               else "No significant change."))
        # The chart: the overall rates, then the measures that are highest in A or B.
        rows = [r for r in found.rows if r.a.total or r.b.total]
        overall = [r for r in rows if r.measure == "overall"]
        rest = sorted((r for r in rows if r.measure != "overall"),
                      key=lambda r: -max(r.a.value or 0, r.b.value or 0))
        shown = overall + rest[:COMPARE_CHART_LIMIT - len(overall)]
        left_out = [r for r in found.rows if r not in shown]
        self.compare_left_out.setText(
            "The chart shows every measure of the table." if not left_out else
            f"The chart shows {len(shown)} of the table's {len(found.rows)} measures (the highest in A or B); "
            f"left out: {', '.join(self.measure_text(r) for r in left_out)}.")
        self.compare_panel.show_table(insights.comparison_table(found), bars=(
            [self.measure_text(r) for r in shown],
            [rate_series(f"A: {found.a.label}", [r.a for r in shown], A_COLOR),
             rate_series(f"B: {found.b.label}", [r.b for r in shown], B_COLOR)],
            [[self._a_opens(r) for r in shown], [self._b_opens(r) for r in shown]]))
        self.compared.emit()

    # -- export ------------------------------------------------------------------------------------

    def panels(self) -> list[FigurePanel]:
        return [self.failures, self.causes, self.steps, self.runs, self.questions, self.gaps, self.compare_panel]

    def export_all(self, folder: str | Path) -> list[Path]:
        """Every table as ``<name>.csv`` in ``folder`` (the comparison too, if one is shown)."""
        tables = list(self.tables.values())
        if self.comparison is not None:
            tables.append(insights.comparison_table(self.comparison))
        return insights.write_all_csv(tables, folder)

    def choose_export_all(self) -> None:
        if not self.tables:
            return
        folder = QFileDialog.getExistingDirectory(self, "Export every table as CSV into a folder", str(Path.home()))
        if folder:
            written = self.export_all(folder)
            self.status.setText(f"Wrote {len(written)} CSV files in {folder}")
