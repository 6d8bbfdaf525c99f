"""A database an older Tracedesk detected, opened in the window: its signals are found
again in the background and the queue follows this version's detectors."""

from __future__ import annotations

from tracedesk.core.ingest import import_paths
from tracedesk.core.signals import outdated
from tracedesk.ui.mainwindow import MainWindow
from tracedesk.ui.queue_model import QUESTION

from ..core.test_redetect import _as_an_older_version_left_it, _bundle
from .conftest import queue_texts


def test_opening_a_database_an_older_version_detected_finds_its_signals_again(
        qtbot, store, tmp_path, window_state) -> None:
    import_paths(store, [_bundle(tmp_path)])
    _as_an_older_version_left_it(store)  # "fine" flagged by a detector this version does not have
    window = MainWindow(store, window_state)
    qtbot.addWidget(window)
    said = []
    window.statusBar().messageChanged.connect(said.append)
    window.resize(1280, 800)
    window.show()
    # Said once the window shows; the work goes on on the thread pool meanwhile.
    qtbot.waitUntil(lambda: "The queue follows this version's detectors now." in said, timeout=20_000)
    assert said[0] == "Finding the signals of 3 traces again with this version's detectors…"
    qtbot.waitUntil(lambda: "Where is my order 7781?" not in queue_texts(window, QUESTION), timeout=5_000)
    assert "I want to talk to a human agent now" in queue_texts(window, QUESTION)
    with store.read() as conn:
        assert outdated(conn) == 0


def test_a_window_closed_at_once_starts_no_detection(qtbot, store, tmp_path, window_state) -> None:
    import_paths(store, [_bundle(tmp_path)])
    _as_an_older_version_left_it(store)
    window = MainWindow(store, window_state)
    qtbot.addWidget(window)
    window.close()
    qtbot.wait(50)
    assert not window.redetection.running
    with store.read() as conn:
        assert outdated(conn) == 3  # found again when the database is next opened
