"""The expected answer in the review panel: what it starts from is a suggestion that says
it is not saved until the reviewer keeps it, and an answer of a megabyte opens at once."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QPalette

from tests.conftest import write_jsonl
from tracedesk.core import ingest
from tracedesk.core.database import open_store

from .conftest import make_window
from .test_review import open_first, review_of

REVIEWER = "Ann Lee"


@pytest.fixture(autouse=True)
def settings_file(tmp_path: Path, monkeypatch) -> Path:
    path = tmp_path / "settings.toml"
    path.write_text(f'[reviewer]\nname = "{REVIEWER}"\n', encoding="utf-8")
    monkeypatch.setenv("TRACEDESK_CONFIG", str(path))
    return path


def window_on(qtbot, tmp_path: Path, window_state, answer: str, correction: str | None = None):
    feedback = {"type": "feedback", "trace_id": "t1", "kind": "thumbs", "value": -1, "source": "user"}
    if correction is not None:
        feedback["correction"] = correction
    bundle = write_jsonl(tmp_path / "b.jsonl", [
        {"type": "bundle", "source": "bot"},
        {"type": "trace", "trace_id": "t1", "input": "Where is my parcel?", "output": answer},
        feedback,
    ])
    store = open_store(tmp_path / "review.sqlite")
    assert ingest.import_paths(store, [bundle]).added.traces == 1
    window = make_window(qtbot, store, window_state)
    window.destroyed.connect(store.close)
    return window


@pytest.mark.parametrize("correction,origin", [(None, "the run's answer"),
                                               ("It ships on Monday.", "the correction")])
def test_a_suggested_expected_answer_says_it_is_not_saved_until_kept(
        qtbot, tmp_path, window_state, correction, origin) -> None:
    window = window_on(qtbot, tmp_path, window_state, "It left yesterday.", correction)
    pk = open_first(qtbot, window)
    view, panel = window.trace_view, window.trace_view.review
    suggested = correction or "It left yesterday."
    editor, note = panel.expected, panel.expected_note
    assert editor.toPlainText() == suggested
    assert note.isVisible() and "not saved" in note.text() and origin in note.text()
    normal = panel.notes.palette().color(QPalette.ColorRole.Text)
    assert editor.palette().color(QPalette.ColorRole.Text) != normal  # greyed

    qtbot.keyClick(view.tree, Qt.Key.Key_1)  # the verdict saves the review, not the suggestion
    assert review_of(window, pk).verdict == "failure"
    assert review_of(window, pk).expected is None
    assert note.isVisible() and "not saved" in note.text()

    qtbot.keyClick(view.tree, Qt.Key.Key_E)
    assert editor.hasFocus()
    qtbot.keyClick(editor, Qt.Key.Key_Escape)  # kept as it is
    assert review_of(window, pk).expected == suggested
    assert not note.isVisible()
    assert editor.palette().color(QPalette.ColorRole.Text) == normal


def test_an_edited_suggestion_is_the_reviewers_own(qtbot, tmp_path, window_state) -> None:
    window = window_on(qtbot, tmp_path, window_state, "It left yesterday.")
    pk = open_first(qtbot, window)
    view, panel = window.trace_view, window.trace_view.review
    qtbot.keyClick(view.tree, Qt.Key.Key_1)
    qtbot.keyClick(view.tree, Qt.Key.Key_E)
    qtbot.keyClicks(panel.expected, " It arrives Monday.")
    assert not panel.expected_note.isVisible()
    view.tree.setFocus()  # leaving the field saves it
    assert review_of(window, pk).expected == "It left yesterday. It arrives Monday."
    window.reviewing.load(pk)  # shown again: a saved answer is no suggestion
    assert not panel.expected_note.isVisible()


@pytest.mark.slow
def test_an_answer_of_a_megabyte_without_spaces_opens_at_once(qtbot, tmp_path, window_state) -> None:
    answer = "x" * 1_000_000
    window = window_on(qtbot, tmp_path, window_state, answer)
    started = time.perf_counter()
    open_first(qtbot, window)
    qtbot.wait(50)  # the panel is laid out and painted
    seconds = time.perf_counter() - started
    print(f"opening a trace with a 1 MB answer without spaces: {seconds:.2f} s")
    assert seconds < 15  # it took 90 s when the editor laid the answer out as one word
    assert window.trace_view.review.expected.toPlainText() == answer  # nothing cut from it
