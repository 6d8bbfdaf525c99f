"""Background work that only the newest request counts for: a view that asks again before
the first answer came shows the second answer, never the first."""

from __future__ import annotations

import threading

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QApplication, QWidget

from tracedesk.ui.background import LatestRunner, wait_for_background


def test_two_requests_in_a_row_only_the_second_answer_reaches_the_view(qtbot) -> None:
    view = QWidget()
    qtbot.addWidget(view)
    shown: list[tuple[object, Exception | None]] = []
    runner = LatestRunner(lambda result, error: shown.append((result, error)), view)
    first_may_end = threading.Event()

    def first() -> str:  # a slow read, overtaken by the next request
        assert first_may_end.wait(10)
        return "the first answer"

    runner.run(first)
    runner.run(lambda: "the second answer")
    assert runner.busy
    qtbot.waitUntil(lambda: bool(shown))
    assert shown == [("the second answer", None)] and not runner.busy
    first_may_end.set()  # the first ends after the second
    assert wait_for_background()
    QApplication.processEvents()  # what the first gave has reached the GUI thread
    assert shown == [("the second answer", None)]


def test_an_answer_that_comes_first_from_an_older_request_is_dropped_too(qtbot) -> None:
    view = QWidget()
    qtbot.addWidget(view)
    shown: list[object] = []
    runner = LatestRunner(lambda result, error: shown.append(result), view)
    second_may_end = threading.Event()
    runner.run(lambda: "the first answer")
    assert wait_for_background()  # the first has ended; its answer waits for the event loop
    runner.run(lambda: second_may_end.wait(10) and "the second answer")
    QApplication.processEvents()
    assert shown == []  # the first's answer came while the second was asked: dropped
    second_may_end.set()
    qtbot.waitUntil(lambda: bool(shown))
    assert shown == ["the second answer"]


def test_the_newest_request_that_fails_hands_back_its_error_and_cancel_drops_all(qtbot) -> None:
    view = QWidget()
    qtbot.addWidget(view)
    shown: list[tuple[object, Exception | None]] = []
    runner = LatestRunner(lambda result, error: shown.append((result, error)), view)

    def broken() -> None:
        raise KeyError("no such column")

    runner.run(broken)
    qtbot.waitUntil(lambda: bool(shown))
    [(result, error)] = shown
    assert result is None and isinstance(error, KeyError) and error.__traceback__ is not None
    runner.run(lambda: "not wanted any more")
    runner.cancel()
    assert not runner.busy
    assert wait_for_background()
    QApplication.processEvents()
    assert len(shown) == 1


def test_nothing_reaches_a_view_that_is_gone(qtbot) -> None:
    view = QWidget()
    shown: list[object] = []
    runner = LatestRunner(lambda result, error: shown.append(result), view)
    gate = threading.Event()
    runner.run(lambda: gate.wait(10) and "late")
    with qtbot.waitSignal(runner.destroyed):
        view.deleteLater()
        QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    gate.set()
    assert wait_for_background()
    QApplication.processEvents()
    assert shown == []
