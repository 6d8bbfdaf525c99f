"""An agent's trajectory in the window: replayed step by step with the whole conversation
the model had at each step, and its failure in the queue with the step that shows it."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from tests.conftest import REAL_SAMPLES
from tracedesk.core import ingest
from tracedesk.core.database import open_store
from tracedesk.core.store import Store

from .conftest import make_window
from .test_replay_compare import key, open_by_id


@pytest.fixture
def swe_store(tmp_path: Path) -> Store:
    path = tmp_path / "marshmallow-code__marshmallow-1867.traj"
    shutil.copy(REAL_SAMPLES / "swe-agent" / "marshmallow-1867.traj", path)
    store = open_store(tmp_path / "runs.sqlite")
    report = ingest.import_paths(store, [path])
    assert report.added.traces == 1
    yield store
    store.close()


def test_a_swe_agent_run_replays_with_the_conversation_the_model_had(qtbot, swe_store, window_state) -> None:
    window = make_window(qtbot, swe_store, window_state)
    open_by_id(window, "marshmallow-code__marshmallow-1867")
    window.activateWindow()
    key(qtbot, window, Qt.Key.Key_R)
    view = window.replay_view
    assert window.pages.currentWidget() is view
    assert view.model.rowCount() == 23  # the run, then 11 answers of the model and the 11 commands they ran

    key(qtbot, window, Qt.Key.Key_End)  # the submit command, the last step
    text = view.texts()
    assert "submit" in view.bar.position.text()
    assert "SETTING: You are an autonomous programmer" in text["conversation"]  # from the first step
    assert "TimeDelta serialization precision" in text["conversation"]
    assert view.had.tabText(2) == "Tool results (10)"
    key(qtbot, window, Qt.Key.Key_Escape)
    assert window.pages.currentWidget() is window.trace_view
