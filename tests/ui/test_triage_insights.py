"""Keeping traces out of the queue (snooze, skip, reopen), the runs alike, the date filter,
a read-only database, and the Insights page, on a generated support bot's database with
reviews saved through the core."""

from __future__ import annotations

import csv
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, QPointF, Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QApplication

from tests.gen.support_bot import write_bundle
from tracedesk.core import ingest, insights, queue
from tracedesk.core.database import open_store
from tracedesk.core.reviews import ReviewInput, save_review
from tracedesk.core.store import Store
from tracedesk.ui.background import wait_for_background
from tracedesk.ui.insights_model import FILTER_ROLE, RowsModel
from tracedesk.ui.mainwindow import MainWindow
from tracedesk.ui.pages import Page
from tracedesk.ui.queue_model import GROUP, REASONS

from ..conftest import copy_database
from .bundles import write_support_bundle
from .conftest import make_window

CAUSES = ("tool error", "knowledge gap", "tool error", "retrieval miss", "hallucination", "tool error")


@pytest.fixture(scope="module")
def generated_db(tmp_path_factory) -> Path:
    """A database of a generated support bot (about 240 traces over several days) with
    failures reviewed with causes and a few runs reviewed ok."""
    folder = tmp_path_factory.mktemp("gen")
    bundle = folder / "support.jsonl"
    write_bundle(bundle, 240, seed=7)
    path = folder / "review.sqlite"
    store = open_store(path)
    try:
        ingest.import_paths(store, [bundle])
        with store.write() as conn:
            rows = queue.page(conn, queue.QueueFilter(), 0, 14)
            for i, row in enumerate(rows[:len(CAUSES)]):
                save_review(conn, row.trace_pk, "ana", ReviewInput("failure", cause=CAUSES[i]))
            for row in rows[len(CAUSES):len(CAUSES) + 3]:
                save_review(conn, row.trace_pk, "ana", ReviewInput("ok"))
    finally:
        store.close()
    return path


@pytest.fixture
def gen_store(generated_db: Path, tmp_path: Path) -> Iterator[Store]:
    store = open_store(copy_database(generated_db, tmp_path / "gen.sqlite"))
    yield store
    store.close()


@pytest.fixture
def gen_window(qtbot, gen_store: Store, window_state) -> MainWindow:
    return make_window(qtbot, gen_store, window_state)


def pks(window: MainWindow) -> list[int]:
    model = window.queue_model
    return [model.trace_pk(r) for r in range(model.rowCount())]


def alone(window: MainWindow, store: Store) -> list[int]:
    """The rows of the queue whose trace stands alone, in no group of near-duplicates."""
    shown = pks(window)
    with store.read() as conn:
        size = {row.trace_pk: row.group_size for row in queue.rows_for(conn, shown)}
    return [row for row, pk in enumerate(shown) if size[pk] == 1]


def state_of(store: Store, pk: int) -> str:
    with store.read() as conn:
        return queue.rows_for(conn, [pk])[0].state


# -- snooze, skip, reopen ---------------------------------------------------------------------


def test_s_snoozes_the_row_for_a_day_and_the_selection_moves_on(gen_window, gen_store, qtbot) -> None:
    table = gen_window.queue_pane.table
    table.setFocus()
    qtbot.keyClick(table, Qt.Key.Key_J)
    before = pks(gen_window)
    snoozed = before[1]
    qtbot.keyClick(table, Qt.Key.Key_S)
    after = pks(gen_window)
    assert snoozed not in after
    # The row after it takes its place (not one alike to it: a row goes out with its group).
    assert after == [pk for pk in before if pk != snoozed]
    assert table.currentIndex().row() == 1 and table.current_pk() == after[1]
    assert state_of(gen_store, snoozed) == queue.SNOOZED
    with gen_store.read() as conn:
        until = conn.exec_driver_sql("SELECT until_ns FROM queue_state WHERE trace_pk = ?", (snoozed,)).scalar()
    import time
    assert abs(until - time.time_ns() - 86_400 * 10**9) < 60 * 10**9
    assert "Snoozed" in gen_window.statusBar().currentMessage()
    # "All traces" shows it again, marked.
    gen_window.queue_pane.filters.everything.setChecked(True)
    row = gen_window.queue_model.row_of(snoozed)
    assert row is not None
    assert gen_window.queue_model.index(row, REASONS).data().startswith("[snoozed]")


def test_x_skips_and_shift_x_reopens(gen_window, gen_store, qtbot) -> None:
    table = gen_window.queue_pane.table
    table.setFocus()
    first = table.current_pk()
    qtbot.keyClick(table, Qt.Key.Key_X)
    assert first not in pks(gen_window)
    assert state_of(gen_store, first) == queue.SKIPPED
    gen_window.queue_pane.filters.everything.setChecked(True)
    row = gen_window.queue_model.row_of(first)
    assert gen_window.queue_model.index(row, REASONS).data().startswith("[skipped]")
    table.select_row(row)
    qtbot.keyClick(table, Qt.Key.Key_X, Qt.KeyboardModifier.ShiftModifier)
    assert state_of(gen_store, first) == queue.OPEN
    gen_window.queue_pane.filters.everything.setChecked(False)
    assert first in pks(gen_window)


def test_several_selected_rows_are_skipped_at_once(gen_window, gen_store, qtbot) -> None:
    table = gen_window.queue_pane.table
    before = pks(gen_window)
    model = gen_window.queue_model
    first, second = alone(gen_window, gen_store)[:2]
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=table.visualRect(model.index(first, 2)).center())
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.ControlModifier,
                     pos=table.visualRect(model.index(second, 2)).center())
    assert table.selected_pks() == [before[first], before[second]]
    gen_window.triage.skip_action.trigger()
    # The other rows keep their order, and the row after the first skipped one is current.
    assert pks(gen_window) == [pk for pk in before if pk not in (before[first], before[second])]
    assert table.currentIndex().row() == first


def test_skipping_a_groups_row_skips_the_runs_alike_under_it(gen_window, gen_store, qtbot) -> None:
    # A row that stands for a group of near-duplicates ("+2 alike") is skipped whole: the
    # next of its group does not take its place, to be skipped again.
    model = gen_window.queue_model
    row = next(r for r in range(model.rowCount()) if model.queue_row(r).group_size > 1)
    head = model.queue_row(row)
    with gen_store.read() as conn:
        members = queue.ids(conn, queue.QueueFilter(group_of=head.trace_pk, expand_groups=True))
    before = pks(gen_window)
    table = gen_window.queue_pane.table
    table.select_row(row)
    table.setFocus()
    qtbot.keyClick(table, Qt.Key.Key_X)
    assert pks(gen_window) == [pk for pk in before if pk != head.trace_pk]
    assert not set(members) & set(pks(gen_window))
    assert {state_of(gen_store, pk) for pk in members} == {queue.SKIPPED}
    alike = head.group_size - 1
    assert gen_window.statusBar().currentMessage().startswith(
        f"Skipped: the trace and its {alike} run{'s' if alike > 1 else ''} alike")
    assert table.currentIndex().row() == row


def test_shift_x_right_after_a_skip_brings_the_rows_back(gen_window, gen_store, qtbot) -> None:
    # The status bar says "Shift+X reopens": pressed at once, in the queue, it puts back
    # what was just skipped (not the row the selection moved on to), a group whole.
    model = gen_window.queue_model
    row = next(r for r in range(model.rowCount()) if model.queue_row(r).group_size > 1)
    head = model.queue_row(row)
    before = pks(gen_window)
    table = gen_window.queue_pane.table
    table.select_row(row)
    table.setFocus()
    qtbot.keyClick(table, Qt.Key.Key_X)
    assert "Shift+X reopens" in gen_window.statusBar().currentMessage()
    moved_on = table.current_pk()
    qtbot.keyClick(table, Qt.Key.Key_X, Qt.KeyboardModifier.ShiftModifier)
    assert pks(gen_window) == before
    assert model.queue_row(model.row_of(head.trace_pk)).group_size == head.group_size
    assert state_of(gen_store, moved_on) == queue.OPEN
    assert table.current_pk() == head.trace_pk
    assert gen_window.statusBar().currentMessage().startswith("Reopened")


def test_shift_x_in_another_database_does_not_reopen_what_was_skipped_in_the_last(
        gen_window, generated_db, tmp_path, qtbot) -> None:
    first = pks(gen_window)[0]
    other = copy_database(generated_db, tmp_path / "other.sqlite")
    with open_store(other) as store, store.write() as conn:
        queue.set_state(conn, first, queue.SKIPPED)  # the same trace, skipped there already
    table = gen_window.queue_pane.table
    table.setFocus()
    qtbot.keyClick(table, Qt.Key.Key_X)
    assert gen_window.open_database(other)
    gen_window.queue_pane.table.setFocus()
    qtbot.keyClick(gen_window.queue_pane.table, Qt.Key.Key_X, Qt.KeyboardModifier.ShiftModifier)
    assert state_of(gen_window.store, first) == queue.SKIPPED


def test_snooze_from_the_trace_opens_the_next_trace(gen_window, gen_store, qtbot) -> None:
    row = alone(gen_window, gen_store)[0]
    first, second = pks(gen_window)[row:row + 2]
    gen_window.queue_pane.select_row(row)
    gen_window.open_current()
    assert gen_window.trace_view.trace_pk == first
    qtbot.keyClick(gen_window.trace_view.tree, Qt.Key.Key_S)
    assert state_of(gen_store, first) == queue.SNOOZED
    assert gen_window.trace_view.trace_pk == second
    assert gen_window.pages.currentWidget() is gen_window.trace_view


def test_a_snooze_that_ended_is_woken_on_refresh(gen_window, gen_store) -> None:
    first = pks(gen_window)[0]
    gen_window.triage.snooze(3600)
    assert first not in pks(gen_window)
    with gen_store.write() as conn:
        conn.exec_driver_sql("UPDATE queue_state SET until_ns = 1 WHERE trace_pk = ?", (first,))
    gen_window.refresh()
    assert first in pks(gen_window)
    assert state_of(gen_store, first) == queue.OPEN


def test_snooze_until_a_date(gen_window, gen_store) -> None:
    first = pks(gen_window)[0]
    dialog = gen_window.triage.snooze_until()
    assert dialog is not None
    dialog.when.setDate(QDate.currentDate().addDays(3))
    dialog.accept()
    assert state_of(gen_store, first) == queue.SNOOZED
    assert first not in pks(gen_window)


# -- the runs alike ---------------------------------------------------------------------------


def test_g_shows_the_runs_alike_and_escape_comes_back(gen_window, gen_store, qtbot) -> None:
    model = gen_window.queue_model
    row = next(r for r in range(model.rowCount()) if model.queue_row(r).group_size > 1)
    head = model.queue_row(row)
    table = gen_window.queue_pane.table
    table.select_row(row)
    table.setFocus()
    qtbot.keyClick(table, Qt.Key.Key_G)
    with gen_store.read() as conn:
        members = queue.ids(conn, queue.QueueFilter(group_of=head.trace_pk, expand_groups=True))
    assert pks(gen_window) == members and len(members) == head.group_size
    bar = gen_window.queue_pane.scope_bar
    assert bar.isVisible()
    assert bar.label.text().startswith(f"Showing the {head.group_size} runs alike to")
    assert not gen_window.queue_pane.filters.signal.isEnabled()
    qtbot.keyClick(table, Qt.Key.Key_Escape)
    assert not bar.isVisible()
    assert gen_window.queue_pane.scope is None
    assert table.current_pk() == head.trace_pk
    # A click on "+N alike" does the same.
    rect = table.visualRect(model.index(row, GROUP))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert pks(gen_window) == members
    bar.leave.click()
    assert gen_window.queue_pane.scope is None


# -- the date filter ------------------------------------------------------------------------


def test_the_date_filter_narrows_the_rows(gen_window, gen_store) -> None:
    filters = gen_window.queue_pane.filters
    filters.everything.setChecked(True)
    every = gen_window.queue_model.rowCount()
    with gen_store.read() as conn:
        days = sorted({r.start_ns for r in queue.rows_for(conn, queue.ids(conn, filters.current()))})
    from datetime import datetime
    first = datetime.fromtimestamp(days[0] / 1e9).date()
    filters.when.set_days(QDate(first.year, first.month, first.day), QDate(first.year, first.month, first.day))
    since, until = filters.when.range_ns()
    narrowed = gen_window.queue_model.rowCount()
    assert 0 < narrowed < every
    with gen_store.read() as conn:
        expected = queue.ids(conn, queue.QueueFilter(include_closed=True, include_quiet=True,
                                                     since_ns=since, until_ns=until))
    assert pks(gen_window) == expected
    assert filters.when.currentText() == first.isoformat()
    filters.when.set_hours(None)
    assert gen_window.queue_model.rowCount() == every
    filters.when.set_hours(24)  # the generated runs are older than a day
    assert filters.current().since_ns is not None
    assert gen_window.queue_model.rowCount() < every


# -- a read-only database -------------------------------------------------------------------


def test_a_read_only_database_says_so_and_offers_no_writing(qtbot, generated_db, window_state) -> None:
    store = open_store(generated_db, read_only=True)
    try:
        window = make_window(qtbot, store, window_state)
        banner = window.queue_pane.read_only_banner
        assert banner.isVisible()
        assert banner.text().startswith("This database is read-only:")
        for action in (*window.triage.actions, window.import_action, window.import_folder_action):
            assert not action.isEnabled()
        before = pks(window)
        qtbot.keyClick(window.queue_pane.table, Qt.Key.Key_S)
        assert pks(window) == before
        window.refresh()  # no waking of snoozes on a read-only file
        window.close()
    finally:
        store.close()


# -- Insights ---------------------------------------------------------------------------------


def open_insights(window: MainWindow, qtbot) -> None:
    with qtbot.waitSignal(window.insights_view.computed, timeout=10_000):
        qtbot.keyClick(window.queue_pane.table, Qt.Key.Key_F3)
    assert window.pages.currentWidget() is window.insights_view


def table_texts(model, column: int) -> list[str]:
    return [model.index(r, column).data() for r in range(model.rowCount())]


def test_insights_show_the_figures_of_the_database(gen_window, gen_store, qtbot) -> None:
    open_insights(gen_window, qtbot)
    view = gen_window.insights_view
    with gen_store.read() as conn:
        by_version = insights.failure_rates(conn, "prompt_version")
        causes = insights.causes(conn)
        runs = insights.runs(conn)
    model = view.failures.model
    assert table_texts(model, 0) == [r.value for r in by_version]
    assert table_texts(model, 1) == [f"{r.traces:,}" for r in by_version]
    assert [m.split()[0] for m in table_texts(model, 2)] == [f"{100 * r.signals.value:.1f}%" for r in by_version]
    assert view.failures.chart.categories == [r.value for r in by_version]
    assert table_texts(view.causes.model, 0) == [r.cause for r in causes]
    assert view.causes.model.index(0, 1).data().startswith(f"{100 * causes[0].failures.value:.1f}%")
    assert causes[0].cause == "tool error" and causes[0].failures.count == 3
    assert view.cards["traces"].text() == f"{runs[0].traces:,}"
    # Another field.
    view.failures_by.button(insights.BY_FIELDS.index("model")).click()
    with gen_store.read() as conn:
        by_model = insights.failure_rates(conn, "model")
    assert table_texts(view.failures.model, 0) == [r.value for r in by_model]


def test_insights_first_opened_after_another_database_shows_that_one(
        qtbot, filled_store, gen_store, window_state) -> None:
    """Insights is built when first shown (the window opens sooner without it): opened then,
    it gives the figures of the database open at that time, and follows the next one."""
    window = make_window(qtbot, filled_store, window_state)
    assert window.page_stack.built(Page.INSIGHTS) is False
    assert window.open_database(gen_store.path)
    qtbot.waitUntil(lambda: window.choices_ready, timeout=5000)
    qtbot.keyClick(window.queue_pane.table, Qt.Key.Key_F3)
    view = window.insights_view
    assert window.pages.currentWidget() is view
    with gen_store.read() as conn:
        traces = insights.runs(conn)[0].traces
    qtbot.waitUntil(lambda: view.cards["traces"].text() == f"{traces:,}", timeout=10_000)
    with qtbot.waitSignal(view.computed, timeout=10_000):
        assert window.open_database(filled_store.path)
        window.show_insights()
    assert view.cards["traces"].text() == "24"


def test_the_shortcut_list_names_insights(gen_window, qtbot) -> None:
    dialog = gen_window.show_shortcuts()
    entries = dict(dialog.entries())
    assert "F3" in entries["Insights"] and "Ctrl+3" in entries["Insights"]
    assert entries["Snooze for a Day"] == "S"
    assert entries["Skip"] == "X"
    assert entries["Show the Runs Alike"] == "G"
    dialog.close()


def test_a_bar_and_a_row_open_their_traces_in_the_queue(gen_window, gen_store, qtbot) -> None:
    open_insights(gen_window, qtbot)
    view = gen_window.insights_view
    view.tabs.setCurrentIndex(1)
    cause = view.causes.model.rows[0]
    view.causes.chart.bar_sets[0].clicked.emit(0)  # the bottom bar: the last row
    last = view.causes.model.rows[-1]
    assert gen_window.pages.currentWidget() is gen_window.queue_pane
    with gen_store.read() as conn:
        assert pks(gen_window) == queue.ids(conn, last.filter)
    assert gen_window.queue_pane.scope_bar.label.text().startswith(f"From Insights: reviewed failures caused by "
                                                                   f"{last.cause}")
    gen_window.queue_pane.scope_bar.insights.click()
    assert gen_window.pages.currentWidget() is gen_window.insights_view
    view.causes.table.doubleClicked.emit(view.causes.model.index(0, 0))
    with gen_store.read() as conn:
        expected = queue.ids(conn, cause.filter)
    assert pks(gen_window) == expected and len(expected) == cause.failures.count == 3
    qtbot.keyClick(gen_window.queue_pane.table, Qt.Key.Key_Escape)
    assert gen_window.queue_pane.scope is None
    assert not gen_window.queue_pane.scope_bar.isVisible()


def test_before_and_after_compares_two_prompt_versions(gen_window, gen_store, qtbot) -> None:
    open_insights(gen_window, qtbot)
    view = gen_window.insights_view
    with qtbot.waitSignal(view.compared, timeout=10_000):  # both preselected: no click needed
        view.tabs.setCurrentIndex(4)
    a, b = view.cohorts()
    assert a.field == b.field == "prompt_version" and a.value != b.value
    with gen_store.read() as conn:
        expected = insights.compare(conn, a, b)
        first = {r.value: r.first_ns for r in insights.failure_rates(conn, "prompt_version")}
    assert first[a.value] < first[b.value]  # A is the older version, B the newer: the change reads forwards
    assert view.comparison.a == a and view.comparison.b == b
    model = view.compare_panel.model
    assert model.rowCount() == len(expected.rows)
    for row, want in enumerate(expected.rows):
        p = model.index(row, 6).data()
        if want.test != "none":
            assert p.split()[0] in (f"{want.p_value:.3f}", "<")
            assert ("significant" in p) == (want.p_value < 0.05)
    assert model.index(0, 1).data().startswith(f"{100 * expected.rows[0].a.value:.1f}%")
    # The chart: A's bar above B's in each pair, as the legend lists them, each with its interval;
    # the measures it leaves out are named.
    chart = view.compare_panel.chart
    marks = chart.bar_marks()
    pairs = len(chart.categories)
    a_marks, b_marks = marks[pairs:], marks[:pairs]  # Qt's sets: B's first, then A's
    assert [m[0] for m in a_marks] == [chart.value_text(v) for v in reversed(chart.series[0].values)]
    assert all(am[1].y() < bm[1].y() for am, bm in zip(a_marks, b_marks, strict=True))
    assert [m.label() for m in chart.chart.legend().markers()] == [s.name for s in reversed(chart.series)]
    assert chart.chart.legend().reverseMarkers()
    assert all(low is not None and low.x() <= high.x() for _, _, low, high in marks)
    shown = set(chart.categories)
    left_out = [view.measure_text(r) for r in expected.rows if view.measure_text(r) not in shown]
    assert len(expected.rows) > pairs and left_out
    assert view.compare_left_out.text().startswith(
        f"The chart shows {pairs} of the table's {len(expected.rows)} measures")
    assert all(name in view.compare_left_out.text() for name in left_out)
    # Choosing models instead compares the two models at once.
    with qtbot.waitSignal(view.compared, timeout=10_000):
        view.compare_kind.setCurrentIndex(view.compare_kind.findData("model"))
    assert view.comparison.a.field == "model" and view.comparison.a.value != view.comparison.b.value
    # Two date ranges.
    view.compare_kind.setCurrentIndex(view.compare_kind.findData("range"))
    assert view.cohorts() is None
    first = QDate(2026, 11, 9)
    view.set_compare_days(view.a_range, first, first)
    with qtbot.waitSignal(view.compared, timeout=10_000):
        view.set_compare_days(view.b_range, first.addDays(1), first.addDays(1))
    assert view.comparison.a.since_ns is not None and view.comparison.b_traces > 0


def test_a_rate_of_one_trace_is_drawn_with_its_interval(qtbot) -> None:
    """One failure of one review is 100%, but its 95% interval runs from about 21%: the
    whisker is drawn over the bar, from there to the end."""
    from tracedesk.core.insights import Rate
    from tracedesk.ui.charts import BarChart
    from tracedesk.ui.insights_view import rate_series

    chart = BarChart()
    qtbot.addWidget(chart)
    chart.resize(500, 240)
    chart.set_bars(["tool error", "wrong answer"], [rate_series("Share", [Rate(1, 1), Rate(0, 0)], "#d64545")])
    chart.show()
    qtbot.waitExposed(chart)
    [(empty_label, _, no_low, _), (label, end, low, high)] = chart.bar_marks()  # from the bottom up
    assert (label, empty_label) == ("100%", "0%") and no_low is None
    bar_end = chart.view.mapFromScene(chart.chart.mapToScene(chart.chart.mapToPosition(QPointF(100, 1), chart.bars)))
    zero = chart.view.mapFromScene(chart.chart.mapToScene(chart.chart.mapToPosition(QPointF(0, 1), chart.bars)))
    assert abs((low.x() - zero.x()) / (bar_end.x() - zero.x()) - 0.2065) < 0.01
    image = chart.view.grab().toImage()
    bar = QColor("#d64545")
    whisker = image.pixelColor(round((low.x() + high.x()) / 2), round(low.y()))
    assert abs(whisker.red() - bar.red()) + abs(whisker.green() - bar.green()) > 60  # drawn over the bar


def test_tables_export_as_csv_and_charts_as_png(gen_window, qtbot, tmp_path) -> None:
    open_insights(gen_window, qtbot)
    view = gen_window.insights_view
    path = view.failures.export_csv(tmp_path / "failures.csv")
    with path.open(encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    assert [r["value"] for r in rows] == [r.value for r in view.failures.model.rows]
    assert view.failures.save_png(tmp_path / "failures.png")
    image = QImage(str(tmp_path / "failures.png"))
    assert not image.isNull() and image.width() > 200
    written = view.export_all(tmp_path / "all")
    assert {p.name for p in written} >= {"runs.csv", "causes.csv", "failures_by_day.csv", "knowledge_gaps.csv"}


def test_the_insights_models_are_well_behaved_qt_models(gen_window, qtbot, qtmodeltester) -> None:
    open_insights(gen_window, qtbot)
    view = gen_window.insights_view
    for panel in view.panels():
        qtmodeltester.check(panel.model, force_py=True)
    qtmodeltester.check(RowsModel([]), force_py=True)
    assert view.causes.model.index(0, 0).data(FILTER_ROLE) is not None


def test_the_insights_follow_a_date_range(gen_window, gen_store, qtbot) -> None:
    open_insights(gen_window, qtbot)
    view = gen_window.insights_view
    with qtbot.waitSignal(view.computed, timeout=10_000):
        view.within_box.set_days(QDate(2026, 11, 9), QDate(2026, 11, 9))
    assert view.within_box.currentText() == "2026-11-09"  # dates read as everywhere in the window
    view.within_box.set_days(QDate(2026, 11, 9), QDate(2026, 11, 15))
    assert view.within_box.currentText() == "2026-11-09 – 2026-11-15"
    with qtbot.waitSignal(view.computed, timeout=10_000):
        view.within_box.set_days(QDate(2026, 11, 9), QDate(2026, 11, 9))
    since, until = view.within_box.range_ns()
    with gen_store.read() as conn:
        runs = insights.runs(conn, None, insights.Cohort(since_ns=since, until_ns=until))
    assert view.cards["traces"].text() == f"{runs[0].traces:,}"
    wait_for_background()


def test_queue_keys_do_nothing_on_the_insights_page(gen_window, gen_store, qtbot) -> None:
    table = gen_window.queue_pane.table
    table.select_row(2)
    chosen, queued = table.current_pk(), pks(gen_window)
    open_insights(gen_window, qtbot)
    view = gen_window.insights_view
    tab = view.tabs.currentIndex()
    plain, shift = Qt.KeyboardModifier.NoModifier, Qt.KeyboardModifier.ShiftModifier
    for key, modifier in ((Qt.Key.Key_J, plain), (Qt.Key.Key_K, plain), (Qt.Key.Key_J, plain),
                          (Qt.Key.Key_S, plain), (Qt.Key.Key_X, plain), (Qt.Key.Key_X, shift), (Qt.Key.Key_G, plain)):
        qtbot.keyClick(view.tabs, key, modifier)
    assert gen_window.pages.currentWidget() is view and view.tabs.currentIndex() == tab
    assert gen_window.statusBar().currentMessage() == ""  # no "Snoozed…", "Skipped…"
    qtbot.keyClick(view.tabs, Qt.Key.Key_Escape)  # Esc still goes back to the queue, as it was
    assert gen_window.pages.currentWidget() is gen_window.queue_pane
    assert table.current_pk() == chosen and table.currentIndex().row() == 2
    assert pks(gen_window) == queued and state_of(gen_store, chosen) == "open"
    assert gen_window.counts.text().startswith(f"3 of {len(queued)} traces in the queue")


def test_a_change_while_the_figures_are_computed_computes_them_again(gen_window, gen_store, qtbot,
                                                                     tmp_path) -> None:
    open_insights(gen_window, qtbot)
    view = gen_window.insights_view
    shown: list[str] = []
    view.computed.connect(lambda: shown.append(view.cards["traces"].text()))
    view.recompute()  # under way when the database changes
    with gen_store.read() as conn:
        before = insights.runs(conn)[0].traces
    more = write_support_bundle(tmp_path / "more.jsonl", traces=5, source="third-bot")
    assert ingest.import_paths(gen_store, [more]).added.traces == 5
    view.invalidate()
    with qtbot.waitSignal(view.computed, timeout=10_000):
        view.show_page()  # computes again; what the first computation finds is dropped
    assert not view.stale
    assert wait_for_background()
    QApplication.processEvents()  # the first computation's figures, had they come after
    assert shown == [f"{before + 5:,}"]  # only the second computation's figures reached the page
    with gen_store.read() as conn:
        assert insights.runs(conn)[0].traces == before + 5
