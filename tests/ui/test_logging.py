"""What a bug report can attach: a failing piece of background work leaves its traceback in
the log file, and Help › Open Log Folder shows the folder that holds it."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QObject, QUrl, Slot
from PySide6.QtGui import QDesktopServices

from tracedesk.logs import LOG_DIR_ENV, start_logging, stop_logging
from tracedesk.ui.background import run_in_background, wait_for_background


@pytest.fixture
def log_dir(tmp_path: Path, monkeypatch) -> Iterator[Path]:
    folder = tmp_path / "logs"
    monkeypatch.setenv(LOG_DIR_ENV, str(folder))
    yield folder
    stop_logging()


def read_the_queue_column() -> None:
    raise KeyError("the queue has no column 'priority'")


def test_a_failing_background_job_writes_its_traceback_to_the_log(qtbot, log_dir: Path) -> None:
    path = start_logging()
    assert path is not None and path.parent == log_dir
    ended: list[tuple[object, Exception | None]] = []
    run_in_background(read_the_queue_column, lambda result, error: ended.append((result, error)))
    qtbot.waitUntil(lambda: bool(ended))
    assert wait_for_background()
    [(result, error)] = ended
    # The caller still gets the exception, with its traceback.
    assert result is None and isinstance(error, KeyError) and error.__traceback__ is not None
    stop_logging()  # closes the file, as when the window closes
    text = path.read_text(encoding="utf-8")
    assert "Traceback (most recent call last)" in text
    assert "in read_the_queue_column" in text and "KeyError: \"the queue has no column 'priority'\"" in text


def test_work_that_succeeds_logs_no_error(qtbot, log_dir: Path) -> None:
    path = start_logging()
    ended: list[object] = []
    run_in_background(lambda: 42, lambda result, error: ended.append((result, error)))
    qtbot.waitUntil(lambda: bool(ended))
    assert ended == [(42, None)]
    stop_logging()
    assert "ERROR" not in (path.read_text(encoding="utf-8") if path.exists() else "")


class _Opened(QObject):
    def __init__(self) -> None:
        super().__init__()
        self.urls: list[QUrl] = []

    @Slot(QUrl)
    def open(self, url: QUrl) -> None:
        self.urls.append(url)


def test_help_open_log_folder_shows_the_folder_of_the_log(window, log_dir: Path) -> None:
    opened = _Opened()
    QDesktopServices.setUrlHandler("file", opened, "open")  # where the desktop would open it
    try:
        menu = next(a.menu() for a in window.menuBar().actions() if a.text() == "&Help")
        [action] = [a for a in menu.actions() if a.text().replace("&", "") == "Open Log Folder"]
        action.trigger()
    finally:
        QDesktopServices.unsetUrlHandler("file")
    assert [Path(u.toLocalFile()) for u in opened.urls] == [log_dir]
    assert log_dir.is_dir()  # made when it did not exist yet, so there is something to open
