"""Replaying a run step by step from the keyboard, and comparing it side by side with
the run Tracedesk proposes (or one of another database, or the expected answer)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QModelIndex, Qt

from tests.conftest import write_jsonl
from tests.core.sessions import Bundle, retrieval, tool
from tracedesk.core import ingest, reviews, traces
from tracedesk.core.database import open_store
from tracedesk.core.store import Store
from tracedesk.ui.compare_chooser import ChoicesModel
from tracedesk.ui.compare_view import A_STEP, A_TOOK, B_STEP, B_TOOK, GAP, MARK, AlignedStepsModel
from tracedesk.ui.mainwindow import MainWindow
from tracedesk.ui.replay_view import ReplayStepsModel
from tracedesk.ui.shortcuts import menu_shortcuts

from .conftest import make_window

SYSTEM = {"role": "system", "content": "You are the support assistant of an outdoor shop."}
DOCS = [{"id": "kb-shipping", "content": "Parcels leave the warehouse within two days.", "score": 0.81,
         "source": "help/shipping.md"}]


def plan(question: str, order: int, at: float) -> dict:
    call = {"id": "call_1", "name": "track_order", "arguments": {"order": order}}
    return {"kind": "llm", "name": "plan", "at": at,
            "input": {"messages": [SYSTEM, {"role": "user", "content": question}]},
            "output": {"messages": [{"role": "assistant", "content": "", "tool_calls": [call]}]}}


def answer(question: str, text: str, at: float, tool_result: str | None, seconds: float = 0.3,
           tokens: int = 200) -> dict:
    messages = [SYSTEM, {"role": "user", "content": question}]
    if tool_result is not None:
        messages.append({"role": "tool", "tool_call_id": "call_1", "content": tool_result})
    return {"kind": "llm", "name": "answer", "at": at, "seconds": seconds,
            "usage": {"input_tokens": tokens, "output_tokens": 20}, "input": {"messages": messages},
            "output": {"messages": [{"role": "assistant", "content": text}]}}


def parcel_runs() -> list[dict]:
    """A run that skipped the tracking call and could not answer (thumbs down), the same
    question answered well by a run that made the call, and an unrelated run."""
    b = Bundle("shop-bot")
    q_bad, q_good = "Where is my parcel for order 4411?", "Where is my parcel for order 5522?"
    b.turn("s1", q_bad, "Sorry, I cannot tell where it is.", trace_id="skipped", user="u1", steps=[
        retrieval("parcel order 4411", DOCS) | {"at": 0.1},
        plan(q_bad, 4411, 0.5),
        answer(q_bad, "Sorry, I cannot tell where your parcel is.", 1.5, None, seconds=0.4, tokens=100),
    ], metadata={"model": "gpt-4o-mini", "prompt_version": "v2"})
    b.feedback("skipped", "thumbs", -1, comment="Useless")
    b.turn("s2", q_good, "It arrives on Monday.", trace_id="tracked", user="u2", steps=[
        retrieval("parcel order 5522", DOCS) | {"at": 0.1},
        plan(q_good, 5522, 0.5),
        tool("track_order", {"order": 5522}, {"eta": "Monday", "carrier": "DHL"}) | {"at": 1.0},
        answer(q_good, "Your parcel arrives on Monday with DHL.", 1.5, '{"eta": "Monday"}', seconds=1.2,
               tokens=320),
    ], metadata={"model": "gpt-4o-mini", "prompt_version": "v1"})
    b.turn("s3", "Do the trail boots run small?", "They run true to size.", trace_id="boots", user="u3",
           steps=[retrieval("boots sizes", DOCS)])
    return b.records


@pytest.fixture
def parcel_store(tmp_path: Path) -> Store:
    store = open_store(tmp_path / "parcels.sqlite")
    report = ingest.import_paths(store, [write_jsonl(tmp_path / "parcels.jsonl", parcel_runs())])
    assert report.added.traces == 3
    yield store
    store.close()


@pytest.fixture
def parcel_window(qtbot, parcel_store, window_state) -> MainWindow:
    return make_window(qtbot, parcel_store, window_state)


def open_by_id(window: MainWindow, trace_id: str) -> None:
    with window.store.read() as conn:
        window.open_trace(traces.find_trace(conn, trace_id).pk)


def rows(model, *columns: int) -> list[tuple]:
    return [tuple(model.index(r, c).data() for c in columns) for r in range(model.rowCount())]


def key(qtbot, window: MainWindow, k, modifier=Qt.KeyboardModifier.NoModifier) -> None:
    qtbot.keyClick(window.focusWidget() or window, k, modifier)


# Replay --------------------------------------------------------------------------------------------

def test_replay_steps_with_the_keyboard_and_shows_what_the_agent_had(qtbot, parcel_window) -> None:
    window = parcel_window
    open_by_id(window, "tracked")
    window.activateWindow()
    key(qtbot, window, Qt.Key.Key_R)
    view = window.replay_view
    assert window.pages.currentWidget() is view
    assert rows(view.model, 0, 1) == [("agent", ""), ("   search_kb", ""), ("   plan", ""),
                                      ("   track_order", ""), ("   answer", "")]
    assert view.steps.currentIndex().row() == 0
    assert "Step 1 of 5" in view.bar.position.text()

    key(qtbot, window, Qt.Key.Key_Right)  # the retrieval: only the question so far
    text = view.texts()
    assert view.steps.currentIndex().row() == 1
    assert "Where is my parcel for order 5522?" in text["conversation"]
    assert "No document had been retrieved before this step." in text["documents"]
    assert "Found 1 documents" in text["action"] and "Parcels leave the warehouse" in text["action"]

    key(qtbot, window, Qt.Key.Key_N)  # the plan: the documents are now in front of it
    text = view.texts()
    assert view.had.tabText(1) == "Documents (1)" and "Parcels leave the warehouse" in text["documents"]
    assert "You are the support assistant" in text["conversation"]
    assert "calls track_order" in text["action"]

    key(qtbot, window, Qt.Key.Key_Right)  # the tool call
    text = view.texts()
    assert "The tool was called" in text["action"] and "Monday" in text["action"]
    assert "No tool had answered before this step." in text["tool_results"]

    key(qtbot, window, Qt.Key.Key_End)  # the answer, with the tool's result before it
    text = view.texts()
    assert view.steps.currentIndex().row() == 4 and "Step 5 of 5" in view.bar.position.text()
    assert view.had.tabText(2) == "Tool results (1)" and "DHL" in text["tool_results"]
    assert "Your parcel arrives on Monday with DHL." in text["action"]
    key(qtbot, window, Qt.Key.Key_Right)  # the end: it stays
    assert view.steps.currentIndex().row() == 4

    key(qtbot, window, Qt.Key.Key_Left)
    assert view.steps.currentIndex().row() == 3
    key(qtbot, window, Qt.Key.Key_Home)
    assert view.steps.currentIndex().row() == 0

    for _ in range(4):  # the fastest speed
        key(qtbot, window, Qt.Key.Key_Plus)
    assert view.bar.speed.currentText() == "10 steps a second"
    key(qtbot, window, Qt.Key.Key_Space)
    assert view.player.playing and view.bar.buttons["play"].text() == "‖  Pause"
    qtbot.waitUntil(lambda: not view.player.playing, timeout=5000)
    assert view.steps.currentIndex().row() == 4 and view.bar.buttons["play"].text() == "▶  Play"

    key(qtbot, window, Qt.Key.Key_Escape)
    assert window.pages.currentWidget() is window.trace_view


def test_replay_at_a_step_not_sent_an_earlier_tool_result_shows_it_was_not_given(
        qtbot, tmp_path, window_state) -> None:
    b = Bundle("shop-bot")
    q = "Where is my parcel for order 4411?"
    b.turn("s1", q, "Sorry, I cannot tell.", trace_id="forgot", steps=[
        plan(q, 4411, 0.5),
        tool("track_order", {"order": 4411}, {"eta": "Monday", "carrier": "DHL"}) | {"at": 1.0},
        answer(q, "Sorry, I cannot tell where your parcel is.", 1.5, None),
    ])
    store = open_store(tmp_path / "forgot.sqlite")
    ingest.import_paths(store, [write_jsonl(tmp_path / "forgot.jsonl", b.records)])
    window = make_window(qtbot, store, window_state)
    open_by_id(window, "forgot")
    window.activateWindow()
    key(qtbot, window, Qt.Key.Key_R)
    view = window.replay_view
    key(qtbot, window, Qt.Key.Key_End)  # the answer: the tracking result was not in its messages
    assert "answer" in view.bar.position.text()
    assert view.had.tabText(2) == "Tool results (0 · 1 not sent)"
    text = view.texts()["tool_results"]
    assert text.startswith("This step was not sent any tool result.")
    assert "Not sent to this step (1)" in text and "step 3  ·  track_order  ·  not sent" in text
    assert text.index("Not sent to this step") < text.index("DHL")
    key(qtbot, window, Qt.Key.Key_Left)  # the tool step itself: the plan's call and nothing before it
    assert view.had.tabText(2) == "Tool results (0)"
    window.set_store(open_store(tmp_path / "empty.sqlite"))
    store.close()


def test_replay_starts_at_the_step_selected_in_the_trace(qtbot, parcel_window) -> None:
    window = parcel_window
    open_by_id(window, "tracked")
    window.trace_view.select_span("tracked.2")
    window.replay_action.trigger()
    view = window.replay_view
    assert view.steps.currentIndex().row() == 3
    assert "track_order" in view.bar.position.text()


def test_the_replay_and_comparison_keys_are_in_the_menus_and_the_help(qtbot, parcel_window) -> None:
    menus = dict(menu_shortcuts(parcel_window.menuBar()))
    replay = dict(menus["Replay"])
    assert replay["Replay the Run"] == "R" and replay["Compare With"] == "Shift+C"
    assert replay["Next Step"] == "Right  or  N" and replay["Play or Pause"] == "Space"
    assert replay["Next Difference"] == "D"
    assert not parcel_window.replay_action.isEnabled()  # the queue is shown
    open_by_id(parcel_window, "tracked")
    assert parcel_window.replay_action.isEnabled() and not parcel_window.step_actions["next"].isEnabled()


# Comparison ----------------------------------------------------------------------------------------

def test_a_failing_trace_beside_the_proposed_run_shows_the_gap_and_the_divergence(qtbot, parcel_window) -> None:
    window = parcel_window
    assert window.queue_model.index(0, 2).data() == "Where is my parcel for order 4411?"
    window.queue_pane.table.setFocus()
    qtbot.keyClick(window.queue_pane.table, Qt.Key.Key_Return)  # the failing run, first in the queue
    assert window.trace_view.outline.trace_id == "skipped"
    key(qtbot, window, Qt.Key.Key_C, Qt.KeyboardModifier.ShiftModifier)
    chooser = window.compare_chooser
    assert chooser is not None and chooser.isVisible()
    proposed = rows(chooser.model, 0, 1, 3)
    assert proposed[0][0] == "Where is my parcel for order 5522?"
    assert "the most similar question (100%) in a run that did not fail" in proposed[0][1]
    assert "the same question under prompt version v1 (yours: v2)" in proposed[0][1]
    assert proposed[0][2] == "did not fail"
    assert "boots" not in " ".join(r[0] for r in proposed)
    assert chooser.list.currentIndex().row() == 0
    qtbot.keyClick(chooser.list, Qt.Key.Key_Return)  # compare with the proposed run
    qtbot.waitUntil(lambda: window.pages.currentWidget() is window.compare_view)

    view = window.compare_view
    assert rows(view.model, A_STEP, MARK, B_STEP) == [
        ("agent", "", "agent"), ("   search_kb", "", "   search_kb"), ("   plan", "", "   plan"),
        (GAP, "◆ A skipped", "   track_order"), ("   answer", "≠", "   answer")]
    assert view.comparison.first_divergence == 3
    assert view.divergence.text().startswith("◆ First divergence at row 4: Run B ran “track_order” (tool); "
                                             "run A skipped it.")
    assert view.title_a.text().endswith("order 4411?") and view.title_b.text().endswith("order 5522?")
    # It opens on the divergence: the gap on A's side, B's call on the other.
    assert view.table.currentIndex().row() == 3
    assert view.step_label_a.text() == "Run A: skipped this step"
    assert view.step_a.toPlainText() == "Run A did not take this step; run B did."
    assert "Monday" in view.step_b.toPlainText()

    key(qtbot, window, Qt.Key.Key_Right)  # both runs move to their answers
    assert view.table.currentIndex().row() == 4
    assert view.step_a.toPlainText() == "Sorry, I cannot tell where your parcel is."
    assert view.step_b.toPlainText() == "Your parcel arrives on Monday with DHL."
    assert "Sorry, I cannot tell" in " ".join(view.step_a.highlighted())
    assert "arrives on Monday with DHL" in " ".join(view.step_b.highlighted())
    key(qtbot, window, Qt.Key.Key_Home)
    assert view.table.currentIndex().row() == 0 and view.step_a.highlighted() == []
    key(qtbot, window, Qt.Key.Key_D)  # the next difference: the gap
    assert view.table.currentIndex().row() == 3
    key(qtbot, window, Qt.Key.Key_D)
    assert view.table.currentIndex().row() == 4
    # Latency and tokens per step, beside each run's step and in words.
    assert (view.model.index(4, A_TOOK).data(), view.model.index(4, B_TOOK).data()) == ("400 ms · 120 tok",
                                                                                        "1.20 s · 340 tok")
    assert view.step_label_b.text() == "Run B: answer  (llm, 1.20 s · 340 tok)"
    assert view.bar.position.text().endswith("B took 3.0× as long and 220 more tokens.")
    # What each step was given: B's answer had the tracking result, A's did not.
    assert view.lower.tabText(1) == "What the step was given  ≠"
    view.lower.setCurrentIndex(1)
    assert view.given_a.toPlainText().startswith("system: You are the support assistant of an outdoor shop.")
    assert "tool: {\"eta\": \"Monday\"}" in " ".join(view.given_b.highlighted())
    assert "tool:" not in view.given_a.toPlainText()
    key(qtbot, window, Qt.Key.Key_D)  # no difference after the last: it says so and stays
    assert view.table.currentIndex().row() == 4
    assert view.bar.position.text() == "Row 5 of 5:  no difference after this row; the last is row 5."
    key(qtbot, window, Qt.Key.Key_Home)
    assert view.lower.tabText(1) == "What the step was given"  # the roots were given the same
    key(qtbot, window, Qt.Key.Key_End)
    view.lower.setCurrentIndex(2)
    assert view.answer_a.toPlainText() == "Sorry, I cannot tell where it is."
    assert view.answer_b.toPlainText() == "It arrives on Monday."
    key(qtbot, window, Qt.Key.Key_Escape)
    assert window.pages.currentWidget() is window.trace_view


def test_any_trace_can_be_found_by_search_or_taken_from_another_database(
        qtbot, parcel_window, tmp_path, filled_store) -> None:
    window = parcel_window
    open_by_id(window, "skipped")
    chooser = window.choose_comparison()
    chooser.search.setText("boots")
    chooser.run_search()
    assert rows(chooser.model, 0) == [("Do the trail boots run small?",)]
    assert chooser.where.text().startswith("1 trace of this database matches")
    chooser.search.clear()
    chooser.run_search()
    assert rows(chooser.model, 0)[0] == ("Where is my parcel for order 5522?",)  # the proposals again

    other = filled_store.path  # another review database: the support bot's
    assert chooser.use_database(other)
    chooser.search.setText("parcel")
    chooser.run_search()
    found = rows(chooser.model, 0, 1)
    assert sum(r[0].startswith("Where is my parcel for order") for r in found) == 6
    assert all(r[1].startswith("found in review.sqlite (read-only)") for r in found)
    chooser.list.setCurrentIndex(chooser.model.index(
        next(i for i, r in enumerate(found) if r[0].startswith("Where is my parcel")), 0))
    chooser.accept()
    qtbot.waitUntil(lambda: window.pages.currentWidget() is window.compare_view)
    view = window.compare_view
    assert view.owned is not None and view.owned.read_only and view.owned.path == other
    assert "from review.sqlite" in view.meta_b.text()
    assert rows(view.model, A_STEP, B_STEP) == [("agent", "agent"), (GAP, "   lookup_order"),
                                                ("   search_kb", "   search_kb"), ("   plan", GAP),
                                                ("   answer", "   answer")]
    assert view.comparison.first_divergence is not None
    window.go_back()
    window.set_store(open_store(tmp_path / "empty.sqlite"))  # leaving the database closes the second one
    assert view.owned is None


def test_the_expected_answer_of_a_review_is_compared_with_the_answer(qtbot, parcel_window) -> None:
    window = parcel_window
    with window.store.write() as conn:
        pk = traces.find_trace(conn, "skipped").pk
        reviews.save_review(conn, pk, "ann", reviews.ReviewInput(
            verdict="failure", expected="Your parcel arrives on Monday."))
    open_by_id(window, "skipped")
    chooser = window.choose_comparison()
    first = rows(chooser.model, 0, 1)[0]
    assert first == ("The expected answer: Your parcel arrives on Monday.", "the answer ann expected in the review")
    chooser.accept()
    dialog = window.expected_dialog
    assert dialog is not None and dialog.isVisible()
    assert dialog.actual.toPlainText() == "Sorry, I cannot tell where it is."
    assert dialog.expected.toPlainText() == "Your parcel arrives on Monday."
    assert "arrives on Monday" in " ".join(dialog.expected.highlighted())
    dialog.reject()


def test_bundle_text_in_a_diff_is_shown_as_text(qtbot) -> None:
    from tracedesk.core.compare import word_diff
    from tracedesk.ui.diff_text import SIDE_B, DiffView

    view = DiffView(SIDE_B)
    qtbot.addWidget(view)
    view.set_diff(word_diff("plain", "<b>bold</b> <img src='http://example.com/x.png'>"))
    assert view.toPlainText() == "<b>bold</b> <img src='http://example.com/x.png'>"


# The models ----------------------------------------------------------------------------------------

def test_the_new_models_are_well_behaved_qt_models(qtmodeltester, parcel_store) -> None:
    from tracedesk.core import candidates, compare, replay
    from tracedesk.ui.compare_chooser import Choice

    with parcel_store.read() as conn:
        bad, good = traces.find_trace(conn, "skipped").pk, traces.find_trace(conn, "tracked").pk
        steps = ReplayStepsModel()
        steps.set_replay(replay.replay_steps(conn, good))
        steps.set_current(2)
        aligned = AlignedStepsModel()
        aligned.set_comparison(compare.compare_traces(conn, bad, good))
        found = candidates.comparison_candidates(conn, bad)
    choices = ChoicesModel()
    choices.set_choices([Choice("candidate", c.trace_pk, c.trace_id, c.source, c.question, "why", c.model,
                                c.prompt_version, c.failed) for c in found])
    for model in (steps, aligned, choices, ReplayStepsModel(), AlignedStepsModel(), ChoicesModel()):
        qtmodeltester.check(model, force_py=True)
    assert steps.rowCount(QModelIndex()) == 5 and aligned.rowCount() == 5 and choices.rowCount() == 1
