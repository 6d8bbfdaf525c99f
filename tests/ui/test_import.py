"""Importing from the window: progress with counts, the queue refreshed at the end,
Cancel leaving the database as it was, problems listed where they can be copied,
and files dropped on the window."""

from __future__ import annotations

from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent, QGuiApplication

from tracedesk.core import views
from tracedesk.core.database import open_store
from tracedesk.ui.queue_model import QUESTION

from .bundles import write_support_bundle
from .conftest import make_window, queue_texts


def trace_count(store) -> int:
    with store.read() as conn:
        return views.trace_count(conn)


def test_an_import_through_the_dialog_adds_rows(qtbot, tmp_path, window_state) -> None:
    store = open_store(tmp_path / "empty.sqlite")
    window = make_window(qtbot, store, window_state)
    assert window.queue_model.rowCount() == 0
    assert window.queue_pane.stack.currentWidget() is window.queue_pane.empty
    bundle = write_support_bundle(tmp_path / "support.jsonl")
    progress = []
    with qtbot.waitSignal(window.import_finished, timeout=20_000) as finished:
        dialog = window.import_paths([bundle])
        dialog.job.progressed.connect(lambda p: progress.append(dict(p.counts)))
        assert dialog.isVisible() and dialog.cancel_button.isEnabled()
    report = finished.args[0]
    assert report is not None and report.added.traces == 24
    assert progress and progress[-1]["traces"] == 24  # the dialog counted as it went
    assert not dialog.isVisible()
    assert window.queue_model.rowCount() > 0
    assert all(" order 10" in question for question in queue_texts(window, QUESTION))
    assert window.queue_pane.stack.currentWidget() is window.queue_pane.table
    assert "24 in the database" in window.counts.text()
    assert "Imported 24 traces" in window.statusBar().currentMessage()
    assert window.problems_dialog is None  # nothing went wrong: nothing to read


def test_cancelling_an_import_leaves_the_queue_as_it_was(qtbot, window, filled_store, tmp_path) -> None:
    before_rows = queue_texts(window, QUESTION)
    before_traces = trace_count(filled_store)
    bundle = write_support_bundle(tmp_path / "many.jsonl", traces=2000, source="other-bot")
    with qtbot.waitSignal(window.import_finished, timeout=30_000) as finished:
        dialog = window.import_paths([bundle])
        dialog.job.progressed.connect(lambda _p: dialog.cancel_button.click(),
                                      Qt.ConnectionType.SingleShotConnection)
    assert dialog.was_cancelled
    assert finished.args == [None]
    assert trace_count(filled_store) == before_traces
    assert queue_texts(window, QUESTION) == before_rows
    assert "cancelled" in window.statusBar().currentMessage()


def test_the_problems_of_an_import_can_be_read_and_copied(qtbot, window, tmp_path) -> None:
    bundle = tmp_path / "broken.jsonl"
    good = write_support_bundle(tmp_path / "ok.jsonl", traces=3, source="third").read_text()
    bundle.write_text(good + "{not json\n")
    broken_line = good.count("\n") + 1
    with qtbot.waitSignal(window.import_finished, timeout=20_000):
        window.import_paths([bundle, tmp_path / "missing.jsonl"])
    problems = window.problems_dialog
    assert problems is not None and problems.isVisible()
    text = problems.text.toPlainText()
    assert f"{bundle}, line {broken_line}: not valid JSON" in text
    assert "not imported: " in text and "missing.jsonl: no such file" in text
    qtbot.mouseClick(problems.copy_button, Qt.MouseButton.LeftButton)
    assert QGuiApplication.clipboard().text() == text
    problems.close()


def test_files_dropped_on_the_window_are_imported(qtbot, window, tmp_path) -> None:
    bundle = write_support_bundle(tmp_path / "dropped.jsonl", traces=6, source="dropped-bot")
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(bundle))])
    event = QDropEvent(QPointF(50, 50), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                       Qt.KeyboardModifier.NoModifier)
    with qtbot.waitSignal(window.import_finished, timeout=20_000) as finished:
        window.dropEvent(event)
    assert finished.args[0].added.traces == 6
    qtbot.waitUntil(lambda: window.choices_ready)
    sources = [window.queue_pane.filters.source.itemText(i) for i in range(window.queue_pane.filters.source.count())]
    assert "dropped-bot" in sources
