"""Reviewing in the window, on a real database: the verdict, the cause, the step to blame
and the expected answer from the keyboard, every change saved through core; undo; the next
trace of the queue; the history, the cause editor and the export dialog."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QInputDialog

from tracedesk.core import audit, causes, traces
from tracedesk.core.reviews import ReviewInput, review_by, save_review
from tracedesk.core.settings import load_settings
from tracedesk.ui.queue_model import REASONS, REVIEW
from tracedesk.ui.shortcuts import menu_shortcuts
from tracedesk.ui.text import local_time

REVIEWER = "Ann Lee"


@pytest.fixture(autouse=True)
def settings_file(tmp_path: Path, monkeypatch) -> Path:
    """The reviewer's name in a settings file of the test's own (read through TRACEDESK_CONFIG)."""
    path = tmp_path / "settings.toml"
    path.write_text(f'[reviewer]\nname = "{REVIEWER}"\n', encoding="utf-8")
    monkeypatch.setenv("TRACEDESK_CONFIG", str(path))
    return path


def open_first(qtbot, window, trace_id: str | None = None) -> int:
    """Enter on the first trace of the queue, or on ``trace_id`` (shown among the
    near-duplicates of its group, as G shows them, if it does not head one); the step the
    first signal points to is selected."""
    table = window.queue_pane.table
    row = 0
    if trace_id is not None:
        with window.store.read() as conn:
            pk = traces.find_trace(conn, trace_id).pk
        if window.queue_model.row_of(pk) is None:
            assert window.queue_pane.show_alike(pk)
        row = window.queue_model.row_of(pk)
    table.setFocus()
    table.select_row(row)
    qtbot.keyClick(table, Qt.Key.Key_Return)
    assert window.pages.currentWidget() is window.trace_view
    return window.trace_view.trace_pk


def review_of(window, trace_pk: int, reviewer: str = REVIEWER):
    with window.store.read() as conn:
        return review_by(conn, trace_pk, reviewer)


def select_step(qtbot, window, name: str) -> str:
    view = window.trace_view
    node = next(n for n in view.outline.by_span_id.values() if n.name == name)
    view.select_span(node.span_id)
    view.tree.setFocus()
    return node.span_id


# The offscreen platform cannot grab the keyboard for the cause's list, nor raise a window.
@pytest.mark.qt_log_ignore(r"^This plugin does not support (grabbing the keyboard|raise\(\))$")
def test_a_trace_is_reviewed_from_the_keyboard(qtbot, window) -> None:
    pk = open_first(qtbot, window, "t016")  # a failed tool the answer admitted, and a thumbs down
    view, panel = window.trace_view, window.trace_view.review
    assert view.outline.trace_id == "t016"
    assert panel.verdict() is None and "Not reviewed yet" in panel.status.text()
    assert review_of(window, pk) is None

    qtbot.keyClick(view.tree, Qt.Key.Key_1)  # failure
    assert panel.verdict() == "failure"
    review = review_of(window, pk)
    assert review.verdict == "failure" and review.reviewer == REVIEWER
    assert "Reviewed by Ann Lee" in panel.status.text()

    span = select_step(qtbot, window, "lookup_order")
    qtbot.keyClick(view.tree, Qt.Key.Key_B)  # blame the selected step
    assert review_of(window, pk).blamed_span_id == span
    assert panel.blamed_label.text() == "“lookup_order” (tool)"

    qtbot.keyClick(view.tree, Qt.Key.Key_C)  # the cause
    combo = panel.cause
    qtbot.waitUntil(lambda: combo.view().isVisible())  # its list is open
    with window.store.read() as conn:
        offered = [c.name for c in causes.list_causes(conn)]
    assert [combo.itemText(i).strip() for i in range(1, combo.count())] == offered
    tool_error = offered.index("tool error") + 1
    for _ in range(tool_error):
        qtbot.keyClick(combo.view(), Qt.Key.Key_Down)
    qtbot.keyClick(combo.view(), Qt.Key.Key_Return)
    assert review_of(window, pk).cause == "tool error"
    window.activateWindow()  # the offscreen platform does not give the focus back after a popup
    qtbot.waitUntil(window.isActiveWindow)

    view.tree.setFocus()
    qtbot.keyClick(view.tree, Qt.Key.Key_E)  # the expected answer, starting from the actual one
    editor = panel.expected
    assert editor.hasFocus()
    assert editor.toPlainText() == "Sorry, I could not check that."
    editor.selectAll()
    qtbot.keyClicks(editor, "Your refund for order 1016 takes 5 days once the parcel is back.")
    qtbot.waitUntil(lambda: "refund" in " ".join(s.text for s in panel.diff.segments if s.op == "insert"))
    assert "could not check" in " ".join(s.text for s in panel.diff.segments if s.op == "delete")
    assert panel.diff_summary.text() == "1 change to the actual answer"
    assert review_of(window, pk).expected is None  # saved when the editing ends
    qtbot.keyClick(editor, Qt.Key.Key_Escape)  # done: back to the steps, still on the trace
    assert window.pages.currentWidget() is view and window.focusWidget() is view.tree
    assert review_of(window, pk).expected == "Your refund for order 1016 takes 5 days once the parcel is back."

    with window.store.read() as conn:
        entries = audit.history(conn, trace_pk=pk)
    assert [e.action for e in entries] == ["update", "update", "update", "create"]  # each change, audited


def test_a_verdict_given_in_the_panel_shows_in_the_queue_row_behind_the_trace(qtbot, window) -> None:
    """The panel announces the review it saved; the queue, kept behind the trace page, shows
    it in the trace's row at once, in the same place (j, k and n go on from there), and lets
    the trace leave when it is shown again. An undo is announced the same way."""
    model, table = window.queue_model, window.queue_pane.table
    table.setFocus()
    table.select_row(2)
    pk = table.current_pk()
    qtbot.keyClick(table, Qt.Key.Key_Return)
    count = model.rowCount()
    review_cell = model.index(2, REVIEW)
    assert review_cell.data() == "" and "Not reviewed yet" in review_cell.data(Qt.ItemDataRole.ToolTipRole)

    with qtbot.waitSignal(model.dataChanged, timeout=2000):
        qtbot.keyClick(window.trace_view.tree, Qt.Key.Key_1)  # failure
    assert model.index(2, REVIEW).data() == f"failure · {REVIEWER}"
    assert f"Reviewed by {REVIEWER}: failure" in model.index(2, REVIEW).data(Qt.ItemDataRole.ToolTipRole)
    assert model.rowCount() == count and model.trace_pk(2) == pk and table.currentIndex().row() == 2

    qtbot.keyClick(window.trace_view.tree, Qt.Key.Key_2)  # not a failure, after all
    assert model.index(2, REVIEW).data() == f"ok · {REVIEWER}"
    qtbot.keyClick(window.trace_view.tree, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)  # undone
    assert model.index(2, REVIEW).data() == f"failure · {REVIEWER}"

    qtbot.keyClick(window.trace_view.tree, Qt.Key.Key_Escape)  # the queue read again: the trace has left it
    assert window.pages.currentWidget() is window.queue_pane
    assert model.row_of(pk) is None
    assert table.currentIndex().row() == 2  # the trace after it took its place

    window.queue_pane.filters.everything.setChecked(True)  # "All traces": reviewed ones stay, marked
    row = model.row_of(pk)
    assert model.index(row, REVIEW).data() == f"failure · {REVIEWER}"
    assert model.index(row, REASONS).data().startswith("[reviewed]")


def test_the_review_keys_do_nothing_while_typing(qtbot, window) -> None:
    pk = open_first(qtbot, window)
    panel = window.trace_view.review
    qtbot.keyClick(window.trace_view.tree, Qt.Key.Key_2)
    notes, tags = panel.notes, panel.tags
    notes.setFocus()
    qtbot.keyClicks(notes, "1 b n e 3")
    assert notes.toPlainText() == "1 b n e 3"
    assert panel.verdict() == "ok" and window.trace_view.trace_pk == pk
    tags.setFocus()
    qtbot.keyClicks(tags, "refunds, 3, n")
    qtbot.keyClick(tags, Qt.Key.Key_Return)
    window.trace_view.tree.setFocus()  # leaving the notes saves them
    review = review_of(window, pk)
    assert review.verdict == "ok" and review.notes == "1 b n e 3" and list(review.tags) == ["refunds", "3", "n"]


def test_undo_reverts_the_panel_and_the_menu_says_what_it_undoes(qtbot, window) -> None:
    pk = open_first(qtbot, window)
    view, panel = window.trace_view, window.trace_view.review
    undo = window.reviewing.undo_action
    assert not undo.isEnabled()
    qtbot.keyClick(view.tree, Qt.Key.Key_1)
    assert undo.isEnabled() and undo.text() == "&Undo create review by Ann Lee"
    qtbot.keyClick(view.tree, Qt.Key.Key_3)
    assert review_of(window, pk).verdict == "unsure"
    assert undo.text() == "&Undo update review by Ann Lee: verdict failure → unsure"

    qtbot.keyClick(view.tree, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert panel.verdict() == "failure" and review_of(window, pk).verdict == "failure"
    qtbot.keyClick(view.tree, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert panel.verdict() is None and review_of(window, pk) is None
    assert "Not reviewed yet" in panel.status.text()
    assert not undo.isEnabled()

    qtbot.keyClick(view.tree, Qt.Key.Key_Escape)  # the undone review put the trace back in the queue
    assert window.queue_model.row_of(pk) == 0

    dialog = window.reviewing.show_history()  # the audit log keeps the undone work
    rows = dialog.rows()
    assert [what for _, what, _ in rows] == ["undo review by Ann Lee", "undo review by Ann Lee",
                                             "update review by Ann Lee  (undone)",
                                             "create review by Ann Lee  (undone)"]
    assert rows[2][2] == "verdict"
    dialog.reject()


def test_n_saves_and_opens_the_next_trace_the_reviewed_one_left_the_queue(qtbot, window) -> None:
    model = window.queue_model
    count = model.rowCount()
    first = open_first(qtbot, window)
    view = window.trace_view
    qtbot.keyClick(view.tree, Qt.Key.Key_1)
    view.review.notes.setFocus()
    qtbot.keyClicks(view.review.notes, "the tool timed out")
    view.tree.setFocus()
    qtbot.keyClick(view.tree, Qt.Key.Key_N)
    assert review_of(window, first).notes == "the tool timed out"
    assert model.row_of(first) is None  # reviewed: out of the queue, which was read again
    assert view.trace_pk == model.trace_pk(0) and view.trace_pk != first
    assert model.rowCount() <= count
    assert window.queue_pane.table.current_pk() == view.trace_pk
    assert view.review.verdict() is None  # the next one is not reviewed yet

    second = view.trace_pk
    view.review.notes.setFocus()  # a change without a verdict: n keeps the reviewer on the trace
    qtbot.keyClicks(view.review.notes, "looks odd")
    view.tree.setFocus()
    qtbot.keyClick(view.tree, Qt.Key.Key_N)
    assert view.trace_pk == second and "give the verdict first" in view.review.status.text()
    qtbot.keyClick(view.tree, Qt.Key.Key_2)  # the verdict saves what was waiting
    assert review_of(window, second).notes == "looks odd"


def test_a_missing_step_can_be_blamed(qtbot, window) -> None:
    pk = open_first(qtbot, window)
    view = window.trace_view
    qtbot.keyClick(view.tree, Qt.Key.Key_1)
    span = select_step(qtbot, window, "search_kb")
    qtbot.keyClick(view.tree, Qt.Key.Key_B, Qt.KeyboardModifier.ShiftModifier)
    review = review_of(window, pk)
    assert review.missing_step and review.blamed_span_id == span
    assert view.review.missing.isChecked()
    assert view.review.blamed_label.text() == "A step is missing (it belonged near “search_kb” (retrieval))"


def test_the_review_keys_are_in_the_menus_and_the_help(qtbot, window) -> None:
    menus = dict(menu_shortcuts(window.menuBar()))
    review = dict(menus["Review"])
    assert review["Verdict: Failure"] == "1" and review["Verdict: Not a Failure"] == "2"
    assert review["Verdict: Unsure"] == "3" and review["Choose the Cause"] == "C"
    assert review["Blame the Selected Step"] == "B" and review["A Step Is Missing"] == "Shift+B"
    assert review["Edit the Expected Answer"] == "E" and review["Save and Next in the Queue"] == "N"
    assert dict(menus["Edit"])["Undo"] == "Ctrl+Z" and dict(menus["File"])["Export Eval Cases"] == "Ctrl+E"
    assert not window.reviewing.verdict_actions["failure"].isEnabled()  # the queue is shown
    open_first(qtbot, window)
    assert window.reviewing.verdict_actions["failure"].isEnabled()


def test_the_reviewer_is_asked_for_a_name_once(qtbot, filled_store, window_state, settings_file,
                                               monkeypatch) -> None:
    from .conftest import make_window

    settings_file.write_text("[queue.weights]\nrephrase = 0.9\n", encoding="utf-8")
    asked = []

    def answer(*args, **kwargs):
        asked.append(args[1])
        return "  Bo   Chen ", True

    monkeypatch.setattr(QInputDialog, "getText", staticmethod(answer))
    window = make_window(qtbot, filled_store, window_state)
    pk = open_first(qtbot, window)
    qtbot.keyClick(window.trace_view.tree, Qt.Key.Key_1)
    qtbot.keyClick(window.trace_view.tree, Qt.Key.Key_3)
    assert len(asked) == 1
    assert review_of(window, pk, "Bo Chen").verdict == "unsure"
    settings = load_settings(settings_file)
    assert settings.reviewer == "Bo Chen" and settings.weights["rephrase"] == 0.9


def test_causes_are_edited_in_their_dialog_and_offered_in_the_panel(qtbot, window, monkeypatch) -> None:
    open_first(qtbot, window)
    panel = window.trace_view.review
    dialog = window.reviewing.edit_causes()
    names = iter(["refund rules"])
    monkeypatch.setattr(QInputDialog, "getText", staticmethod(lambda *a, **k: (next(names), True)))
    dialog.tree.setCurrentItem(dialog.tree.findItems("knowledge gap", Qt.MatchFlag.MatchExactly)[0])
    dialog.add_below_button.click()
    texts = [panel.cause.itemText(i) for i in range(panel.cause.count())]
    assert texts[texts.index("knowledge gap") + 1] == "    refund rules"
    dialog.tree.setCurrentItem(dialog.tree.findItems("formatting", Qt.MatchFlag.MatchExactly)[0])
    dialog.retire_button.click()
    assert "formatting" not in [panel.cause.itemText(i) for i in range(panel.cause.count())]
    dialog.reject()
    window.trace_view.tree.setFocus()
    qtbot.keyClick(window.trace_view.tree, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert "formatting" in [panel.cause.itemText(i) for i in range(panel.cause.count())]


def test_export_from_the_dialog_to_a_file(qtbot, window, tmp_path: Path) -> None:
    pk = open_first(qtbot, window, "t016")
    view = window.trace_view
    qtbot.keyClick(view.tree, Qt.Key.Key_1)
    qtbot.keyClick(view.tree, Qt.Key.Key_E)
    view.review.expected.selectAll()
    qtbot.keyClicks(view.review.expected, "Write to refunds@example.com for order 1000.")
    qtbot.keyClick(view.review.expected, Qt.Key.Key_Escape)
    with window.store.write() as conn:  # a second reviewer's verdict: not a failure
        other = traces.find_trace(conn, "t001").pk
        save_review(conn, other, "Bo Chen", ReviewInput(verdict="ok"))

    window.reviewing.export_action.trigger()
    dialog = window.reviewing.export_dialog
    assert dialog is not None and dialog.isVisible()
    assert dialog.count.text() == "1 eval case matches"
    assert dialog.preview.topLevelItemCount() == 1
    assert dialog.preview.topLevelItem(0).text(0) == "t016"
    dialog.verdict_boxes["ok"].click()  # the counts follow the filters
    qtbot.waitUntil(lambda: dialog.count.text().startswith("2 eval cases"))
    dialog.reviewer.setCurrentIndex(dialog.reviewer.findData("Bo Chen"))
    qtbot.waitUntil(lambda: dialog.count.text().startswith("1 eval case"))
    assert dialog.preview.topLevelItem(0).text(0) == "t001"
    dialog.reviewer.setCurrentIndex(0)
    dialog.verdict_boxes["ok"].click()
    qtbot.waitUntil(lambda: dialog.preview.topLevelItemCount() == 1 and
                    dialog.preview.topLevelItem(0).text(0) == "t016")

    dialog.redact.setChecked(True)
    qtbot.keyClicks(dialog.patterns, "order [0-9]+")
    qtbot.waitUntil(lambda: "[EMAIL]" in dialog.preview.topLevelItem(0).text(2))
    out = tmp_path / "cases.jsonl"
    dialog.path.setText(str(out))
    with qtbot.waitSignal(dialog.exported, timeout=10_000) as finished:
        dialog.export_button.click()
    report = finished.args[0]
    assert report is not None and report.cases == 1
    cases = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert len(cases) == 1
    case = cases[0]
    assert case["provenance"]["trace_id"] == "t016" and case["provenance"]["reviewer"] == REVIEWER
    assert case["expected"] == "Write to [EMAIL] for [REDACTED]."
    assert case["verdict"] == "failure"
    text = dialog.result.text()
    assert "1 eval case written" in text and "email" in text and str(out) in text
    assert dialog.cancel_button.text() == "Close"
    assert review_of(window, pk).expected == "Write to refunds@example.com for order 1000."  # the database keeps it
    dialog.reject()


def test_an_export_can_be_cancelled_and_leaves_no_file(qtbot, window, tmp_path: Path) -> None:
    with window.store.write() as conn:
        for i in range(24):
            save_review(conn, traces.find_trace(conn, f"t{i:03d}").pk, REVIEWER, ReviewInput(verdict="failure"))
    dialog = window.reviewing.export()
    out = tmp_path / "cases.yaml"
    dialog.format.setCurrentIndex(dialog.format.findData("promptfoo"))
    dialog.path.setText(str(out))
    dialog.start()
    dialog.cancel()  # before the first case is written
    qtbot.waitUntil(lambda: not dialog.running, timeout=10_000)
    if dialog.report is None:  # cancelled in time
        assert not out.exists() and dialog.result.text() == "Cancelled: no file was written."
        assert not list(tmp_path.glob(".cases.yaml.*"))
    else:  # it had finished already: the whole file
        assert out.exists()
    QApplication.processEvents()
    dialog.reject()


def _dialog_texts(dialog) -> list[str]:
    out = []
    for i in range(dialog.tree.topLevelItemCount()):
        item = dialog.tree.topLevelItem(i)
        out += [item.text(c) for c in range(4)]
        for j in range(item.childCount()):
            out += [item.child(j).text(c) for c in range(4)]
    return out


def test_the_history_names_fields_in_words_and_undo_says_what_it_changes(qtbot, window) -> None:
    pk = open_first(qtbot, window, "t016")
    view = window.trace_view
    undo = window.reviewing.undo_action
    qtbot.keyClick(view.tree, Qt.Key.Key_1)  # failure
    qtbot.keyClick(view.tree, Qt.Key.Key_3)  # unsure
    assert undo.text() == "&Undo update review by Ann Lee: verdict failure → unsure"
    select_step(qtbot, window, "lookup_order")
    qtbot.keyClick(view.tree, Qt.Key.Key_B)
    assert undo.text() == "&Undo update review by Ann Lee: blamed step"
    with window.store.write() as conn:  # a cause, as the panel's list sets it
        save_review(conn, pk, REVIEWER, ReviewInput("unsure", cause="tool error",
                                                    blamed_span_id=review_of(window, pk).blamed_span_id))
    window.reviewing.update_undo()
    assert undo.text() == "&Undo update review by Ann Lee: cause"

    dialog = window.reviewing.show_history()
    texts = _dialog_texts(dialog)
    assert [changed for _, _, changed in dialog.rows()][:3] == ["cause", "blamed step", "verdict"]
    assert "cause" in texts and "blamed step" in texts
    assert not [t for t in texts if "_uuid" in t or "_span_id" in t or "missing_step" in t], texts
    with window.store.read() as conn:
        newest = audit.history(conn, trace_pk=pk)[0]
    assert dialog.tree.topLevelItem(0).text(0) == local_time(newest.time_ns, seconds=True)  # as the queue's times
    cause_row = dialog.tree.topLevelItem(0).child(0)
    assert (cause_row.text(2), cause_row.text(3)) == ("cause", "—  →  tool error")
    dialog.reject()


def test_the_blamed_step_is_marked_in_the_tree(qtbot, window) -> None:
    from tracedesk.ui.span_model import BLAME_ROLE, STEP
    from tracedesk.ui.style import ERROR

    pk = open_first(qtbot, window, "t016")
    view = window.trace_view
    qtbot.keyClick(view.tree, Qt.Key.Key_1)
    span = select_step(qtbot, window, "search_kb")  # a step that did not fail: its name is not red
    qtbot.keyClick(view.tree, Qt.Key.Key_B)
    index = view.model.index_of_span(span)

    def marks() -> dict[str, str | None]:
        return {n.name: view.model.index_of(n).data(BLAME_ROLE) for n in view.outline.by_span_id.values()}

    assert marks() == {"agent": None, "lookup_order": None, "search_kb": f"blamed by {REVIEWER}", "answer": None}
    tip = view.model.index_of(view.outline.by_span_id[span]).data(Qt.ItemDataRole.ToolTipRole)
    assert f"blamed by {REVIEWER}\nsearch_kb" in tip

    def red_pixels() -> int:  # the badge, drawn at the right end of the step's name, in red
        view.select_span(view.outline.by_span_id[f"{view.outline.trace_id}.root"].span_id)  # unselect the row
        rect = view.tree.visualRect(index.siblingAtColumn(STEP))
        image = view.tree.viewport().grab(rect).toImage()
        red = 0
        for x in range(image.width()):
            for y in range(image.height()):
                color = image.pixelColor(x, y)
                red += abs(color.red() - 0xd6) < 30 and color.green() < 110 and color.blue() < 110
        return red

    assert ERROR == "#d64545" and red_pixels() > 20
    view.back_requested.emit()
    window.open_trace(pk)  # the mark comes back with the review
    index = view.model.index_of_span(span)
    assert view.model.index_of(view.outline.by_span_id[span]).data(BLAME_ROLE) == f"blamed by {REVIEWER}"
    qtbot.mouseClick(view.review.clear_blame, Qt.MouseButton.LeftButton)
    assert review_of(window, pk).blamed_span_id is None
    assert set(marks().values()) == {None} and red_pixels() == 0


def test_editing_the_expected_answer_shows_and_the_diff_has_room(qtbot, window) -> None:
    open_first(qtbot, window, "t016")
    view = window.trace_view
    panel = view.review
    assert window.size().width() == 1280 and window.size().height() == 800
    assert not panel.editing_note.isVisible() and not panel.expected.property("editing")
    qtbot.keyClick(view.tree, Qt.Key.Key_E)
    assert panel.expected.hasFocus()
    assert panel.editing_note.isVisible() and panel.editing_note.text() == "✎ Editing: Esc when done"
    assert panel.expected.property("editing") is True  # the editor's border in the highlight colour
    # The diff, which the reviewer reads to check the edit, is at least as tall as the
    # editor, and the panel fits the laptop screen without scrolling.
    assert panel.diff.height() >= panel.expected.height()
    assert panel.diff.height() >= 5 * panel.diff.fontMetrics().lineSpacing()
    qtbot.wait(50)  # the layout settles
    assert not panel.scroll.verticalScrollBar().isVisible()
    qtbot.keyClick(panel.expected, Qt.Key.Key_Escape)
    assert not panel.editing_note.isVisible() and not panel.expected.property("editing")
