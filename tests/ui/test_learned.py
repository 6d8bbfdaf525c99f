"""What the reviewers' verdicts taught the queue, as a reviewer sees it: under a signal of
the trace, in the queue's tooltip, and in Queue › What Reviews Taught, where it can be
forgotten."""

from __future__ import annotations

from collections import Counter

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from tracedesk.core import queue, reviews
from tracedesk.core.ingest import import_paths
from tracedesk.core.views import filter_choices, trace_signals
from tracedesk.ui.learned_dialog import LearnedDialog
from tracedesk.ui.queue_model import REASONS

from ..conftest import write_jsonl
from ..core.sessions import Bundle


def _signal_texts(window) -> list[str]:
    panel = window.trace_view.signals
    texts = []
    for i in range(panel.topLevelItemCount()):
        item = panel.topLevelItem(i)
        texts.append(item.text(0))
        texts += [f"{item.child(j).text(1)}: {item.child(j).text(2)}" for j in range(item.childCount())]
    return texts


def test_verdicts_show_under_the_signals_and_can_be_forgotten(qtbot, window) -> None:
    store = window.store
    with store.read() as conn:
        rows = queue.page(conn, queue.QueueFilter(expand_groups=True), 0, 100)
    kind, _ = Counter(r.reasons[0].signal for r in rows).most_common(1)[0]
    flagged = [r for r in rows if r.reasons[0].signal == kind]
    assert len(flagged) >= 3
    with store.write() as conn:
        for row in flagged[:2]:
            reviews.save_review(conn, row.trace_pk, "ann", reviews.ReviewInput(verdict="ok"))
    window.refresh()

    window.open_trace(flagged[2].trace_pk)
    assert any("reviews: confirmed 0 of 2 times here" in t for t in _signal_texts(window))
    window.show_queue()
    tips = [window.queue_model.index(r, REASONS).data(0x03) or "" for r in range(window.queue_model.rowCount())]
    assert any("flags confirmed 0 of 2 times here" in tip for tip in tips)

    seen: dict[str, list[str]] = {}

    def in_dialog() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, LearnedDialog)
        table = dialog.table
        seen["before"] = [table.item(r, 2).text() for r in range(table.rowCount())]

        def answer_yes() -> None:
            if dialog.confirm_box is None:
                QTimer.singleShot(10, answer_yes)
                return
            seen["question"] = [dialog.confirm_box.text()]
            dialog.confirm_box.button(QMessageBox.StandardButton.Yes).click()

        QTimer.singleShot(0, answer_yes)
        dialog.forget_button.click()
        seen["after"] = [table.item(r, 2).text() for r in range(table.rowCount())]
        seen["forget enabled"] = [str(dialog.forget_button.isEnabled())]
        dialog.reject()

    QTimer.singleShot(0, in_dialog)
    window.learned_action.trigger()
    assert "confirmed 0 of 2 times here" in seen["before"]
    assert set(seen["after"]) == {"not reviewed here yet"}
    assert "reviews stay as they are" in seen["question"][0]
    assert seen["forget enabled"] == ["False"]
    window.open_trace(flagged[2].trace_pk)
    assert not any(t.startswith("reviews:") for t in _signal_texts(window))


def test_the_dialog_counts_the_traces_that_give_an_answer_judged_a_failure(qtbot, store, tmp_path) -> None:
    answer = "Every plan includes free roaming in all countries, with unlimited data at full speed."
    b = Bundle()
    for i, question in enumerate(["Is roaming included?", "do i pay for data abroad", "Roaming in Spain?"]):
        b.turn(f"s{i}", question, answer, trace_id=f"t{i}")
    import_paths(store, [write_jsonl(tmp_path / "b.jsonl", b.records)])
    with store.write() as conn:
        pk = conn.exec_driver_sql("SELECT id FROM trace WHERE trace_id = 't0'").scalar_one()
        reviews.save_review(conn, pk, "ann", reviews.ReviewInput(verdict="failure"))
    dialog = LearnedDialog(store)
    qtbot.addWidget(dialog)
    assert "an answer judged a failure on another trace: 2." in dialog.echoes_label.text()
    with store.read() as conn:
        pk = conn.exec_driver_sql("SELECT id FROM trace WHERE trace_id = 't1'").scalar_one()
        [signal] = trace_signals(conn, pk)
        choices = filter_choices(conn)["signals"]
    assert signal.kind == "like_failure" and signal.detail.startswith("gives the answer judged a failure on t0")
    assert "like_failure" in choices
    assert "answer judged a failure" in dialog.echoes_label.text().split(": 2.")[1]


def test_a_trace_that_echoes_a_failure_shows_why_on_its_page(qtbot, window) -> None:
    store = window.store
    with store.read() as conn:
        head = queue.rows_for(conn, queue.ids(conn, queue.QueueFilter()))[:3]
    with store.write() as conn:
        for row in head:
            reviews.save_review(conn, row.trace_pk, "ann", reviews.ReviewInput(verdict="failure"))
    window.refresh()
    with store.read() as conn:
        echoing = [r for r in queue.rows_for(conn, queue.ids(conn, queue.QueueFilter()))
                   if any(reason.signal == "like_failure" for reason in r.reasons)]
    assert echoing, "the demo's canned answers echo the failures judged"
    window.open_trace(echoing[0].trace_pk)
    texts = _signal_texts(window)
    assert "answer judged a failure" in texts
    judged = {row.trace_id for row in head}
    assert any(t.startswith("judged_a_failure: ") and t.split(": ")[1] in judged for t in texts), texts
    panel = window.trace_view.signals
    details = [panel.topLevelItem(i).text(2) for i in range(panel.topLevelItemCount())]
    assert any(d.startswith("gives the answer judged a failure on ") for d in details), details


def test_failures_merged_in_are_searched_in_the_background_and_their_echo_joins_the_queue(
        qtbot, tmp_path, window_state) -> None:
    """A merge brought more failures than one write searches: the window searches the rest
    on the thread pool, and the run that gives the last one's answer joins the queue."""
    from tracedesk.core import learning
    from tracedesk.ui.queue_model import QUESTION

    from ..core.test_learning import merged_backlog
    from .conftest import make_window, queue_texts

    store = merged_backlog(tmp_path, learning.ECHO_SEARCHES_AT_ONCE + 3)
    window = make_window(qtbot, store, window_state)
    qtbot.waitUntil(lambda: "what happens to my claim now" in queue_texts(window, QUESTION), timeout=20_000)
    row = queue_texts(window, QUESTION).index("what happens to my claim now")
    assert "answer judged a failure" in window.queue_model.index(row, REASONS).data()
    qtbot.waitUntil(lambda: not window.echo_backlog.running, timeout=20_000)
    with store.read() as conn:
        assert learning.echo_backlog(conn) == 0
