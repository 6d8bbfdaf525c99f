"""Fixtures of the window's tests: a review database filled by importing real bundle
files through the core, and the main window on it with its state kept in tmp_path."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings

from tracedesk.core import ingest
from tracedesk.core.database import open_store
from tracedesk.core.store import Store
from tracedesk.ui.app import application
from tracedesk.ui.mainwindow import MainWindow
from tracedesk.ui.state import WindowState

from ..conftest import copy_database
from .bundles import write_support_bundle


@pytest.fixture(autouse=True)
def _fusion(qapp) -> None:
    application()  # the app's own style, as a user sees it


@pytest.fixture
def bundle(tmp_path: Path) -> Path:
    return write_support_bundle(tmp_path / "support.jsonl")


@pytest.fixture(scope="session")
def filled_database(tmp_path_factory) -> Path:
    """The support bundle imported into a review database, once for the session."""
    folder = tmp_path_factory.mktemp("filled")
    store = open_store(folder / "review.sqlite")
    try:
        report = ingest.import_paths(store, [write_support_bundle(folder / "support.jsonl")])
    finally:
        store.close()
    assert report.added.traces == 24
    return folder / "review.sqlite"


@pytest.fixture
def filled_store(tmp_path: Path, filled_database: Path) -> Iterator[Store]:
    """A copy of :func:`filled_database` of the test's own, open."""
    store = open_store(copy_database(filled_database, tmp_path / "review.sqlite"))
    yield store
    store.close()


@pytest.fixture
def window_state(tmp_path: Path) -> WindowState:
    return WindowState(QSettings(str(tmp_path / "state.ini"), QSettings.Format.IniFormat))


def make_window(qtbot, store: Store, state: WindowState, size: tuple[int, int] | None = (1280, 800)) -> MainWindow:
    window = MainWindow(store, state)
    qtbot.addWidget(window)
    if size:
        window.resize(*size)
    window.show()
    qtbot.waitExposed(window)
    qtbot.waitUntil(lambda: window.choices_ready, timeout=5000)
    return window


@pytest.fixture
def window(qtbot, filled_store: Store, window_state: WindowState) -> MainWindow:
    return make_window(qtbot, filled_store, window_state)


def queue_texts(window: MainWindow, column: int) -> list[str]:
    model = window.queue_model
    return [model.index(row, column).data() for row in range(model.rowCount())]


@pytest.fixture(autouse=True)
def _background_work_ends(qtbot) -> Iterator[None]:
    yield
    from tracedesk.ui.background import wait_for_background

    assert wait_for_background(10_000)
