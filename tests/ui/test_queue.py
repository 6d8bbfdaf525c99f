"""The queue pane as a reviewer uses it: rows, keys, search, filters, sorting."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from tracedesk.core import queue
from tracedesk.ui.background import wait_for_background
from tracedesk.ui.queue_model import GROUP, PRIORITY, QUESTION, REASONS, TIME, QueueModel

from .conftest import queue_texts


def test_the_queue_model_is_a_well_behaved_qt_model(qtmodeltester, filled_store) -> None:
    model = QueueModel(filled_store)
    model.set_filter(queue.QueueFilter(include_closed=True, include_quiet=True))
    assert model.rowCount() == 24
    qtmodeltester.check(model, force_py=True)
    qtmodeltester.check(QueueModel(None), force_py=True)


def test_the_queue_shows_the_failing_runs_highest_priority_first(window, filled_store) -> None:
    with filled_store.read() as conn:
        expected = queue.page(conn, queue.QueueFilter(), 0, 100)
    assert window.queue_model.rowCount() == len(expected) > 0
    assert queue_texts(window, QUESTION) == [r.question for r in expected]
    priorities = [float(p) for p in queue_texts(window, PRIORITY)]
    assert priorities == sorted(priorities, reverse=True)
    assert all(queue_texts(window, REASONS))  # every row says why it is there
    assert "support-bot.sqlite" not in window.windowTitle() and "review.sqlite" in window.windowTitle()
    assert f"{len(expected)} traces in the queue" in window.counts.text()
    assert "24 in the database" in window.counts.text()


def test_j_and_k_and_the_arrows_move_the_selection(window, qtbot) -> None:
    table = window.queue_pane.table
    table.setFocus()
    assert table.currentIndex().row() == 0
    qtbot.keyClick(table, Qt.Key.Key_J)
    qtbot.keyClick(table, Qt.Key.Key_J)
    assert table.currentIndex().row() == 2
    qtbot.keyClick(table, Qt.Key.Key_K)
    assert table.currentIndex().row() == 1
    qtbot.keyClick(table, Qt.Key.Key_Down)
    assert table.currentIndex().row() == 2
    qtbot.keyClick(table, Qt.Key.Key_Up)
    assert table.currentIndex().row() == 1
    for _ in range(200):
        qtbot.keyClick(table, Qt.Key.Key_K)
    assert table.currentIndex().row() == 0


def test_enter_opens_the_selected_trace_and_escape_comes_back(window, qtbot) -> None:
    table = window.queue_pane.table
    table.setFocus()
    qtbot.keyClick(table, Qt.Key.Key_J)
    question = table.currentIndex().siblingAtColumn(QUESTION).data()
    qtbot.keyClick(table, Qt.Key.Key_Return)
    assert window.pages.currentWidget() is window.trace_view
    assert window.trace_view.header.title.text() == question
    qtbot.keyClick(window.trace_view.tree, Qt.Key.Key_Escape)
    assert window.pages.currentWidget() is window.queue_pane
    assert table.currentIndex().row() == 1


def test_j_in_a_trace_opens_the_next_trace_of_the_queue(window, qtbot) -> None:
    window.open_current()
    first = window.trace_view.trace_pk
    qtbot.keyClick(window.trace_view.tree, Qt.Key.Key_J)
    assert window.trace_view.trace_pk == window.queue_model.trace_pk(1) != first
    qtbot.keyClick(window.trace_view.tree, Qt.Key.Key_K)
    assert window.trace_view.trace_pk == first


def test_slash_focuses_the_search_and_the_search_narrows_the_rows(window, qtbot) -> None:
    window.queue_pane.filters.everything.setChecked(True)  # every trace, so that searching narrows
    before = window.queue_model.rowCount()
    assert before == 24
    qtbot.keyClick(window.queue_pane.table, Qt.Key.Key_Slash)
    search = window.queue_pane.filters.search
    assert search.hasFocus()
    with qtbot.waitSignal(window.queue_model.refreshed, timeout=3000):
        qtbot.keyClicks(search, "refund")
    rows = queue_texts(window, QUESTION)
    assert 0 < len(rows) < before
    assert all("refund" in q.lower() for q in rows)
    qtbot.keyClick(search, Qt.Key.Key_Escape)
    assert search.text() == "" and window.queue_model.rowCount() == before


def test_a_search_that_matches_nothing_says_so(window, qtbot) -> None:
    with qtbot.waitSignal(window.queue_model.refreshed, timeout=3000):
        window.queue_pane.filters.search.setText("xylophone")
    assert window.queue_model.rowCount() == 0
    assert window.queue_pane.stack.currentWidget() is window.queue_pane.empty
    assert window.queue_pane.empty.title.text() == "No trace matches"


def test_filters_narrow_the_queue(window, qtbot) -> None:
    filters = window.queue_pane.filters
    index = filters.signal.findData("empty_retrieval")
    assert index > 0
    filters.signal.setCurrentIndex(index)
    reasons = queue_texts(window, REASONS)
    assert reasons and all("empty retrieval" in r for r in reasons)
    filters.everything.setChecked(True)
    assert window.queue_model.rowCount() >= len(reasons)
    filters.clear()
    assert window.queue_model.queue_filter == queue.QueueFilter()


def test_sorting_by_a_column_keeps_the_selected_trace(window) -> None:
    table = window.queue_pane.table
    table.select_row(2)
    chosen = table.current_pk()
    table.sortByColumn(TIME, Qt.SortOrder.AscendingOrder)
    times = queue_texts(window, TIME)
    assert times == sorted(times)
    assert table.current_pk() == chosen
    table.sortByColumn(GROUP, Qt.SortOrder.DescendingOrder)
    table.sortByColumn(PRIORITY, Qt.SortOrder.DescendingOrder)
    priorities = [float(p) for p in queue_texts(window, PRIORITY)]
    assert priorities == sorted(priorities, reverse=True)


def test_a_big_queue_shows_its_first_rows_before_all_its_ids_are_read(qtbot, qtmodeltester, filled_store,
                                                                       monkeypatch) -> None:
    monkeypatch.setattr(QueueModel, "SYNC_IDS", 5)  # "big" from 6 rows on
    everything = queue.QueueFilter(include_closed=True, include_quiet=True)
    with filled_store.read() as conn:
        expected = [r.question for r in queue.page(conn, everything, 0, 100)]
    model = QueueModel(filled_store)
    with qtbot.waitSignal(model.ids_loaded, timeout=5000):
        model.set_filter(everything)
        assert not model.ids_known and model.rowCount() == 24
        assert [model.index(r, QUESTION).data() for r in range(24)] == expected  # read by pages
    assert model.ids_known
    assert [model.index(r, QUESTION).data() for r in range(24)] == expected
    assert model.row_of(model.trace_pk(17)) == 17
    qtmodeltester.check(model, force_py=True)


def test_enter_in_the_search_goes_to_the_traces_found(window, qtbot) -> None:
    table = window.queue_pane.table
    search = window.queue_pane.filters.search
    qtbot.keyClick(table, Qt.Key.Key_Slash)
    qtbot.keyClicks(search, "warranty")
    qtbot.keyClick(search, Qt.Key.Key_Return)
    found = queue_texts(window, QUESTION)
    assert found and all("warranty" in q for q in found)
    assert table.hasFocus() and table.currentIndex().row() == 0
    assert window.counts.text().startswith(f"1 of {len(found)} traces in the queue")
    qtbot.keyClick(table, Qt.Key.Key_J)  # moves in the results instead of typing in the search
    assert table.currentIndex().row() == min(1, len(found) - 1) and search.text() == "warranty"
    qtbot.keyClick(table, Qt.Key.Key_Return)
    assert window.pages.currentWidget() is window.trace_view
    assert window.trace_view.header.title.text() == found[min(1, len(found) - 1)]
    qtbot.keyClick(window.trace_view.tree, Qt.Key.Key_Escape)
    qtbot.keyClick(table, Qt.Key.Key_Slash)
    qtbot.keyClick(search, Qt.Key.Key_Down)  # Down goes to the results too
    assert table.hasFocus() and search.text() == "warranty"
    qtbot.keyClick(table, Qt.Key.Key_Escape)  # Esc clears the search
    assert search.text() == "" and len(queue_texts(window, QUESTION)) > len(found)


def test_a_search_on_a_big_database_keeps_the_rows_until_the_ones_found_come(window, qtbot, monkeypatch) -> None:
    monkeypatch.setattr(QueueModel, "SYNC_IDS", 5)  # a "big" database from 6 traces on
    model, table, search = window.queue_model, window.queue_pane.table, window.queue_pane.filters.search
    before = queue_texts(window, QUESTION)
    hint = window.searching
    assert not hint.isVisible()
    qtbot.keyClick(table, Qt.Key.Key_Slash)
    qtbot.keyClicks(search, "warranty")
    qtbot.keyClick(search, Qt.Key.Key_Return)  # searches at once and goes to the results
    # The search is read in the background: the rows of before stay, with a hint.
    assert model.searching and queue_texts(window, QUESTION) == before
    assert hint.isVisible() and hint.text() == "Searching…"
    assert table.hasFocus() and search.text() == "warranty"
    with qtbot.waitSignal(model.searched, timeout=5000):
        pass
    found = queue_texts(window, QUESTION)
    assert found and all("warranty" in q for q in found) and len(found) < len(before)
    assert not hint.isVisible()
    assert table.hasFocus() and table.currentIndex().row() == 0
    assert window.counts.text().startswith(f"1 of {len(found)} traces in the queue")
    qtbot.keyClick(table, Qt.Key.Key_J)  # moves in the results
    assert table.currentIndex().row() == min(1, len(found) - 1) and search.text() == "warranty"
    qtbot.keyClick(table, Qt.Key.Key_Escape)  # Esc clears the search: the whole queue again
    assert search.text() == "" and not model.searching and model.rowCount() == len(before)


def test_a_search_overtaken_by_more_typing_never_shows(window, qtbot, monkeypatch) -> None:
    monkeypatch.setattr(QueueModel, "SYNC_IDS", 5)
    model, table, search = window.queue_model, window.queue_pane.table, window.queue_pane.filters.search
    window.queue_pane.filters.everything.setChecked(True)
    everything = queue_texts(window, QUESTION)
    shown: list[list[str]] = []
    model.refreshed.connect(lambda: shown.append(queue_texts(window, QUESTION)))
    qtbot.keyClick(table, Qt.Key.Key_Slash)
    qtbot.keyClicks(search, "warranty")
    qtbot.keyClick(search, Qt.Key.Key_Return)
    qtbot.keyClick(table, Qt.Key.Key_Slash)  # back to the search box before the results came
    qtbot.keyClicks(search, "refund")
    assert model.searching and queue_texts(window, QUESTION) == everything
    with qtbot.waitSignal(model.searched, timeout=5000):
        qtbot.keyClick(search, Qt.Key.Key_Return)
    assert wait_for_background(5000)
    QApplication.processEvents()  # what the first search found has come back by now: dropped
    found = queue_texts(window, QUESTION)
    assert found and all("refund" in q.lower() for q in found)
    assert shown == [found]  # the rows found for "warranty" were never shown
    assert not model.searching and not window.searching.isVisible()


def test_esc_before_the_rows_found_come_drops_the_search(window, qtbot, monkeypatch) -> None:
    monkeypatch.setattr(QueueModel, "SYNC_IDS", 5)
    model, table, search = window.queue_model, window.queue_pane.table, window.queue_pane.filters.search
    before = queue_texts(window, QUESTION)
    qtbot.keyClick(table, Qt.Key.Key_Slash)
    qtbot.keyClicks(search, "warranty")
    qtbot.keyClick(search, Qt.Key.Key_Return)
    assert model.searching and window.searching.isVisible()
    qtbot.keyClick(table, Qt.Key.Key_Escape)
    assert search.text() == "" and not model.searching and not window.searching.isVisible()
    assert wait_for_background(5000)
    QApplication.processEvents()
    assert queue_texts(window, QUESTION) == before and not model.queue_filter.text


def test_home_and_end_go_to_the_first_and_last_row_of_the_queue(window, qtbot) -> None:
    """Replay's First and Last Step keys belong to its page: in the queue, Home and End
    are the table's own."""
    table = window.queue_pane.table
    table.setFocus()
    rows = window.queue_model.rowCount()
    assert rows > 3
    qtbot.keyClick(table, Qt.Key.Key_J)
    qtbot.keyClick(table, Qt.Key.Key_End)
    assert table.currentIndex().row() == rows - 1
    assert table.selectionModel().isRowSelected(rows - 1)
    qtbot.keyClick(table, Qt.Key.Key_Home)
    assert table.currentIndex().row() == 0
    assert table.selectionModel().isRowSelected(0)
    assert window.pages.currentWidget() is window.queue_pane
    # After a replay, back in the queue, the keys are the queue's again.
    qtbot.keyClick(table, Qt.Key.Key_Return)
    qtbot.keyClick(window.trace_view.tree, Qt.Key.Key_R)
    assert window.pages.currentWidget() is window.replay_view
    qtbot.keyClick(window.focusWidget(), Qt.Key.Key_Escape)
    qtbot.keyClick(window.focusWidget(), Qt.Key.Key_Escape)
    assert window.pages.currentWidget() is window.queue_pane
    table.setFocus()
    qtbot.keyClick(table, Qt.Key.Key_End)
    assert table.currentIndex().row() == rows - 1 and window.pages.currentWidget() is window.queue_pane


# Latency, cost, tokens and review: columns to sort by, and filters ---------------------------------

def _figures_store(tmp_path):
    """Four failing runs that differ in latency, cost, tokens and metadata; one reviewed."""
    from tests.conftest import write_jsonl
    from tests.core.sessions import Bundle, stamp
    from tracedesk.core import ingest
    from tracedesk.core.database import open_store
    from tracedesk.core.reviews import ReviewInput, save_review

    b = Bundle("shop")
    for trace_id, seconds, cost, tokens, tier in (("slow", 12, 0.042, 3000, "gold"), ("fast", 1.5, 0.0021, 200, "free"),
                                                  ("quiet", 4, None, None, "gold"), ("done", 6, 0.01, 900, "free")):
        step = {"kind": "llm", "name": "answer", "seconds": 1.0}
        if cost is not None:
            step |= {"cost_usd": cost, "usage": {"input_tokens": tokens - 100, "output_tokens": 100}}
        b.turn(None, f"Question of the {trace_id} run?", "An answer.", trace_id=trace_id, steps=[step],
               end_time=stamp(b.clock + seconds), metadata={"tier": tier, "model": "m1"})
        b.feedback(trace_id, "thumbs", -1)
    store = open_store(tmp_path / "figures.sqlite")
    ingest.import_paths(store, [write_jsonl(tmp_path / "figures.jsonl", b.records)])
    with store.write() as conn:
        pk = conn.exec_driver_sql("SELECT id FROM trace WHERE trace_id = 'done'").scalar_one()
        save_review(conn, pk, "ana", ReviewInput("failure"))
    return store


def test_latency_cost_tokens_and_review_are_columns_to_sort_and_filter_by(qtbot, tmp_path, window_state) -> None:
    from PySide6.QtCore import QPoint

    from tracedesk.ui.queue_model import COST, LATENCY, REVIEW, TOKENS

    from .conftest import make_window

    store = _figures_store(tmp_path)
    window = make_window(qtbot, store, window_state)
    pane = window.queue_pane
    header = pane.table.horizontalHeader()
    assert [window.queue_model.headerData(c, Qt.Orientation.Horizontal) for c in (LATENCY, COST, TOKENS, REVIEW)] \
        == ["Latency", "Cost", "Tokens", "Review"]
    assert all(not header.isSectionHidden(c) and header.sectionSize(c) > 40 for c in (LATENCY, COST, TOKENS, REVIEW))
    assert header.visualIndex(GROUP) == header.count() - 1  # "+N alike" stays last
    pane.filters.everything.setChecked(True)  # the reviewed run too
    qtbot.waitUntil(lambda: window.queue_model.rowCount() == 4)

    def shown(*columns: int) -> list[tuple]:
        return sorted(zip(*(queue_texts(window, c) for c in (QUESTION, *columns)), strict=True))

    assert shown(LATENCY, COST, TOKENS, REVIEW) == [
        ("Question of the done run?", "6.00 s", "$0.0100", "900", "failure · ana"),
        ("Question of the fast run?", "1.50 s", "$0.0021", "200", ""),
        ("Question of the quiet run?", "4.00 s", "", "", ""),
        ("Question of the slow run?", "12.00 s", "$0.0420", "3,000", "")]

    def click_header(column: int) -> None:
        x = header.sectionViewportPosition(column) + header.sectionSize(column) // 2
        qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, header.height() // 2))

    def runs() -> list[str]:
        return [q.split()[3] for q in queue_texts(window, QUESTION)]

    click_header(LATENCY)
    order = header.sortIndicatorOrder()
    by_latency = ["fast", "quiet", "done", "slow"]
    assert runs() == (by_latency if order == Qt.SortOrder.AscendingOrder else by_latency[::-1])
    click_header(LATENCY)
    assert runs() == (by_latency[::-1] if order == Qt.SortOrder.AscendingOrder else by_latency)
    click_header(TOKENS)
    assert runs()[-1] == "quiet"  # a run that does not say sorts last, either way
    click_header(REVIEW)
    assert runs()[0] == "done"  # the one reviewed; the others say nothing and come after it

    # The filters: latency, cost, metadata, on a second row.
    filters = pane.filters
    assert not filters.runs.isVisible()
    qtbot.mouseClick(filters.more, Qt.MouseButton.LeftButton)
    assert filters.runs.isVisible()
    filters.runs.min_latency.setValue(3)
    qtbot.waitUntil(lambda: sorted(runs()) == ["done", "quiet", "slow"])
    assert filters.more.text() == "Filters (on)" and "latency ≥ 3 s" in filters.more.toolTip()
    qtbot.keyClicks(filters.runs.metadata, "tier=gold")
    qtbot.waitUntil(lambda: sorted(runs()) == ["quiet", "slow"])
    filters.runs.max_cost.setValue(0.01)  # a run that does not say its cost is left out by a bound on it
    qtbot.waitUntil(lambda: pane.stack.currentWidget() is pane.empty)
    filters.runs.max_cost.setValue(0)
    filters.runs.min_cost.setValue(0.02)
    qtbot.waitUntil(lambda: runs() == ["slow"])
    filters.clear()
    qtbot.waitUntil(lambda: window.queue_model.rowCount() == 3)  # every filter off: the open queue again
    assert filters.more.text() == "Filters"
    store.close()
