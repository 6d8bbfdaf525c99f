"""Teamwork in the window, on real databases: two reviewers' databases built by importing
a generated bundle and reviewing through core; merged from File › Merge Databases (and by
dropping the file), the disagreements between them listed with core's figures and settled
from the form, and part of a database shared through File › Share Reviews."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox

from tests.gen.support_bot import write_bundle
from tracedesk.core import ingest, queue
from tracedesk.core.agreement import agreement, settlement_of
from tracedesk.core.database import open_store
from tracedesk.core.merge import merge_databases
from tracedesk.core.reviews import ReviewInput, save_review
from tracedesk.core.share import ShareFilter, selected_traces
from tracedesk.core.store import Store
from tracedesk.ui.agreement_parts import kappa_text, percent_text
from tracedesk.ui.disagreements_view import QUESTION, SETTLED, TRACE, DisagreementsModel, load
from tracedesk.ui.share_dialogs import MergeReportDialog, ShareDialog, merge_report_text
from tracedesk.ui.shortcuts import menu_shortcuts

from ..conftest import copy_database
from .conftest import make_window

LEAD = "Lee Lead"


@pytest.fixture(autouse=True)
def settings_file(tmp_path: Path, monkeypatch) -> Path:
    path = tmp_path / "settings.toml"
    path.write_text(f'[reviewer]\nname = "{LEAD}"\n', encoding="utf-8")
    monkeypatch.setenv("TRACEDESK_CONFIG", str(path))
    return path


def _pks(store: Store) -> dict[str, int]:
    with store.read() as conn:
        return dict(conn.exec_driver_sql("SELECT trace_id, id FROM trace ORDER BY id").fetchall())


def _first_span(store: Store, pk: int, kind: str) -> str:
    with store.read() as conn:
        return conn.exec_driver_sql("SELECT span_id FROM span WHERE trace_pk = ? AND kind = ? ORDER BY id",
                                    (pk, kind)).scalar()


@pytest.fixture(scope="module")
def reviewed(tmp_path_factory) -> tuple[Path, dict]:
    """Ann's database (the window's) and Bob's, both from one generated bundle, written
    once for the module (each test works on copies: :func:`databases`). They review the
    same eight traces: agreeing on four, disagreeing on the verdict of two, on the cause
    of one, on the blamed step of one; Bob alone reviews three more."""
    folder = tmp_path_factory.mktemp("teamwork")
    bundle = folder / "bot.jsonl"
    write_bundle(bundle, 60)
    ann, bob = open_store(folder / "ann.sqlite"), open_store(folder / "bob.sqlite")
    try:
        for store in (ann, bob):
            assert ingest.import_paths(store, [bundle]).added.traces >= 60
        ann_pks, bob_pks = _pks(ann), _pks(bob)
        ids = list(ann_pks)
        shared = ids[:8]
        with ann.read() as conn:
            queued = set(queue.ids(conn))
        bob_only = [t for t in ids[8:] if ann_pks[t] in queued][:3]  # in the queue until bob's reviews come
        span = {i: (_first_span(ann, ann_pks[i], "llm"), _first_span(ann, ann_pks[i], "tool")
                    or _first_span(ann, ann_pks[i], "retrieval")) for i in shared}
        plan = {  # trace id -> (ann's review, bob's review)
            shared[0]: (ReviewInput("failure", cause="tool error"), ReviewInput("failure", cause="tool error")),
            shared[1]: (ReviewInput("ok"), ReviewInput("ok")),
            shared[2]: (ReviewInput("ok"), ReviewInput("failure", cause="hallucination")),  # verdict
            shared[3]: (ReviewInput("failure", cause="retrieval miss"), ReviewInput("unsure")),  # verdict
            shared[4]: (ReviewInput("failure", cause="hallucination", blamed_span_id=span[shared[4]][0]),
                        ReviewInput("failure", cause="reasoning error", blamed_span_id=span[shared[4]][0])),  # cause
            shared[5]: (ReviewInput("failure", cause="tool error", blamed_span_id=span[shared[5]][0]),
                        ReviewInput("failure", cause="tool error", blamed_span_id=span[shared[5]][1])),  # step
            shared[6]: (ReviewInput("unsure"), ReviewInput("unsure")),
            shared[7]: (ReviewInput("ok", severity="low"), ReviewInput("ok")),
        }
        with ann.write() as conn:
            for trace_id, (review, _) in plan.items():
                save_review(conn, ann_pks[trace_id], "ann", review)
        with bob.write() as conn:
            for trace_id, (_, review) in plan.items():
                review.notes = f"bob on {trace_id}"
                save_review(conn, bob_pks[trace_id], "bob", review)
            for trace_id in bob_only:
                save_review(conn, bob_pks[trace_id], "bob", ReviewInput("failure", cause="knowledge gap"))
    finally:
        ann.close()
        bob.close()
    return folder, {"pks": ann_pks, "shared": shared, "bob_only": bob_only, "disagree": shared[2:6]}


@pytest.fixture
def databases(reviewed, tmp_path: Path) -> dict:
    """Copies of Ann's and Bob's databases (:func:`reviewed`) for one test: Ann's open."""
    folder, facts = reviewed
    for name in ("ann.sqlite", "bob.sqlite"):
        copy_database(folder / name, tmp_path / name)
    ann = open_store(tmp_path / "ann.sqlite")
    yield {"ann": ann, "bob_path": tmp_path / "bob.sqlite", **facts}
    ann.close()


@pytest.fixture
def window(qtbot, databases, window_state):
    return make_window(qtbot, databases["ann"], window_state)


def _merge_with_core(databases) -> None:
    merge_databases(databases["ann"], [databases["bob_path"]], author=LEAD)


def _queued(window, pk: int) -> bool:
    return window.queue_model.row_of(pk) is not None


def _wait_report(qtbot, window) -> MergeReportDialog:
    qtbot.waitUntil(lambda: window.teamwork.report_dialog is not None and window.teamwork.report_dialog.isVisible(),
                    timeout=15000)
    return window.teamwork.report_dialog


def test_a_merge_from_the_dialog_reports_what_came_and_refreshes_the_queue(qtbot, window, databases,
                                                                           monkeypatch) -> None:
    pks, bob_path = databases["pks"], databases["bob_path"]
    bob_only = [pks[t] for t in databases["bob_only"]]
    assert all(_queued(window, pk) for pk in bob_only)  # not reviewed here yet
    asked = []

    def choose(parent, caption, folder, filters):
        asked.append((caption, filters))
        return [str(bob_path)], filters

    monkeypatch.setattr(QFileDialog, "getOpenFileNames", staticmethod(choose))
    assert window.teamwork.merge_action.isEnabled()
    window.teamwork.merge_action.trigger()
    assert "*.tracedesk" in asked[0][1]
    report = _wait_report(qtbot, window)
    counts = report.counts()
    assert counts["Reviews"] == (11, 0, 0, 0)  # bob's eleven reviews are new here
    assert counts["Traces"][0] == 0 and counts["Traces"][2] >= 60  # the traces were here already
    assert "11 new reviews" in report.summary.text()
    assert str(bob_path) in report.text.toPlainText() and "11 added" in report.text.toPlainText()
    report.copy_button.click()
    assert "11 new reviews" in QApplication.clipboard().text()
    with window.store.read() as conn:
        reviewers = {r for (r,) in conn.exec_driver_sql("SELECT DISTINCT reviewer FROM review")}
    assert reviewers == {"ann", "bob"}
    # Bob's reviewed traces left the queue on screen.
    qtbot.waitUntil(lambda: not any(_queued(window, pk) for pk in bob_only))
    report.close()

    # Again: nothing new, and the report says so.
    window.teamwork.merge_action.trigger()
    qtbot.waitUntil(lambda: window.teamwork.report_dialog is not None
                    and "Nothing new" in window.teamwork.report_dialog.summary.text(), timeout=15000)
    assert window.teamwork.report_dialog.counts()["Reviews"] == (0, 0, 11, 0)
    window.teamwork.report_dialog.close()


def test_a_cancelled_merge_changes_nothing(qtbot, window, databases) -> None:
    dialog = window.teamwork.merge([databases["bob_path"]])
    dialog.cancel()  # before the first step is done: core rolls back
    qtbot.waitUntil(lambda: window.teamwork.merge_dialog is None, timeout=15000)
    assert dialog.was_cancelled and window.teamwork.report_dialog is None
    with window.store.read() as conn:
        assert conn.exec_driver_sql("SELECT count(*) FROM review WHERE reviewer = 'bob'").scalar() == 0


def _drop(window, paths: list[Path], shift: bool) -> None:
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    modifiers = Qt.KeyboardModifier.ShiftModifier if shift else Qt.KeyboardModifier.NoModifier
    event = QDropEvent(QPointF(100, 100), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton, modifiers)
    window.dropEvent(event)


def test_a_dropped_database_is_merged_with_shift_or_after_a_question(qtbot, window, databases, tmp_path) -> None:
    # Without Shift: a question, with Merge, Open and Cancel.
    _drop(window, [databases["bob_path"]], shift=False)
    qtbot.waitUntil(lambda: window.teamwork.drop_box is not None and window.teamwork.drop_box.isVisible())
    box = window.teamwork.drop_box
    texts = [b.text() for b in box.buttons()]
    assert "Merge Into This Database" in texts and "Open It" in texts
    assert "Hold Shift" in box.informativeText()
    next(b for b in box.buttons() if box.buttonRole(b) == QMessageBox.ButtonRole.RejectRole).click()
    qtbot.waitUntil(lambda: window.teamwork.drop_box is None)
    assert window.teamwork.merge_dialog is None  # cancelled: nothing merged

    # With Shift, a database and a bundle: merged at once, then the bundle imported.
    from .bundles import write_support_bundle

    bundle = write_support_bundle(tmp_path / "more.jsonl", traces=6, source="other-bot")
    with qtbot.waitSignal(window.import_finished, timeout=20000) as imported:
        _drop(window, [databases["bob_path"], bundle], shift=True)
    assert window.teamwork.drop_box is None  # no question asked
    assert imported.args[0].added.traces == 6
    report = _wait_report(qtbot, window)
    assert report.counts()["Reviews"][0] == 11
    report.close()
    window.problems_dialog and window.problems_dialog.close()


def test_a_dropped_bundle_is_still_imported(qtbot, window, tmp_path) -> None:
    from .bundles import write_support_bundle

    bundle = write_support_bundle(tmp_path / "more.jsonl", traces=3, source="third-bot")
    with qtbot.waitSignal(window.import_finished, timeout=20000) as imported:
        _drop(window, [bundle], shift=False)
    assert imported.args[0].added.traces == 3 and window.teamwork.drop_box is None


def _show_disagreements(qtbot, window):
    view = window.teamwork.view
    with qtbot.waitSignal(view.loaded, timeout=15000):
        qtbot.keyClick(window.queue_pane.table, Qt.Key.Key_4, Qt.KeyboardModifier.ControlModifier)
    assert window.pages.currentWidget() is view
    return view


def test_the_disagreements_view_shows_cores_figures_and_the_traces_in_dispute(qtbot, window, databases) -> None:
    _merge_with_core(databases)
    view = _show_disagreements(qtbot, window)
    with window.store.read() as conn:
        expected = agreement(conn)
    assert view.model.trace_pks() == [d.trace_pk for d in expected.disagreements]
    assert sorted(view.model.trace_pks()) == sorted(databases["pks"][t] for t in databases["disagree"])
    for dimension, card in view.cards.items():
        figure = expected.figure(dimension)
        assert card.kappa.text() == f"κ {kappa_text(figure.kappa)}"
        assert card.percent.text() == f"{percent_text(figure.percent)} agree"
        assert f"{figure.traces:,} traces" in card.detail.text()
    assert expected.figure("verdict").percent == 0.75  # 6 of the 8 shared traces
    assert view.pairs.rowCount() == 1 and len(expected.pairs) == 3  # one pair, on three things
    for pair in expected.pairs:
        assert view.pairs.cell("ann · bob", pair.dimension).startswith(
            f"κ {kappa_text(pair.kappa)} · {percent_text(pair.percent)}")
    assert "8 traces reviewed by more than one" in view.status.text()

    # The first one is selected: the reviews side by side, one column per reviewer.
    first = expected.disagreements[0]
    assert view.shown_pk == first.trace_pk
    assert view.side_by_side.reviewers() == ["ann", "bob"]
    bob = view.side_by_side.column_texts(1)
    assert bob["Notes"].startswith("bob on ") and bob["Verdict"] in ("not a failure", "failure", "unsure")
    row = view.model.row_of(first.trace_pk)
    assert view.model.index(row, SETTLED).data() == "not yet"
    assert view.model.index(row, TRACE).data() == first.trace_id
    assert f"{first.source}:{first.trace_id}" in view.detail_title.text()

    # The key is listed in the shortcuts help.
    rows = dict(next(rows for title, rows in menu_shortcuts(window.menuBar()) if title == "View"))
    assert "Ctrl+4" in rows["Disagreements"]


def test_a_disagreement_is_settled_from_the_form_and_marked(qtbot, window, databases) -> None:
    _merge_with_core(databases)
    view = _show_disagreements(qtbot, window)
    pk = databases["pks"][databases["disagree"][3]]  # the blamed step differs
    view.table.setCurrentIndex(view.model.index(view.model.row_of(pk), QUESTION))
    assert view.shown_pk == pk
    form = view.form
    bob_button = next(b for b in form.take_buttons if b.text().startswith("bob"))
    bob_button.click()  # bob's verdict, cause and step
    form.note.setText("the tool step failed first")
    values = form.values()
    assert values["verdict"] == "failure" and values["blamed_span_id"] == _first_span(window.store, pk, "tool") \
        or values["blamed_span_id"] == _first_span(window.store, pk, "retrieval")
    with qtbot.waitSignal(view.loaded, timeout=15000):
        form.settle_button.click()
    with window.store.read() as conn:
        settled = settlement_of(conn, pk)
    assert settled.author == LEAD and settled.verdict == "failure" and settled.cause == "tool error"
    assert settled.blamed_span_id == values["blamed_span_id"] and settled.notes == "the tool step failed first"
    row = view.model.row_of(pk)
    assert view.model.index(row, SETTLED).data().startswith("✓ failure, tool error")
    assert view.shown_pk == pk and form.settle_button.text() == "Settle Again"
    assert f"Settled by {LEAD}" in form.status.text()
    assert view.side_by_side.reviewers()[-1] == f"Settled ({LEAD})"
    assert "1 settled" in view.status.text()

    # Unsettled only: it is hidden, the others stay.
    view.unsettled_only.setChecked(True)
    assert view.model.row_of(pk) is None and view.model.rowCount() == 3
    view.unsettled_only.setChecked(False)

    # Edit › Undo takes it back, and the page shows it unsettled again.
    with qtbot.waitSignal(view.loaded, timeout=15000):
        window.reviewing.undo_action.trigger()
    with window.store.read() as conn:
        assert settlement_of(conn, pk) is None
    assert view.model.index(view.model.row_of(pk), SETTLED).data() == "not yet"


def test_open_trace_goes_to_the_trace_and_esc_comes_back(qtbot, window, databases) -> None:
    _merge_with_core(databases)
    view = _show_disagreements(qtbot, window)
    pk = view.model.trace_pks()[1]
    view.table.setCurrentIndex(view.model.index(1, TRACE))
    view.open_button.click()
    assert window.pages.currentWidget() is window.trace_view and window.trace_view.trace_pk == pk
    with qtbot.waitSignal(view.loaded, timeout=15000):
        qtbot.keyClick(window.trace_view.tree, Qt.Key.Key_Escape)
    assert window.pages.currentWidget() is view and view.shown_pk == pk
    qtbot.keyClick(view.table, Qt.Key.Key_Escape)
    assert window.pages.currentWidget() is window.queue_pane


def test_with_one_reviewer_the_page_says_how_to_get_a_second(qtbot, window) -> None:
    view = _show_disagreements(qtbot, window)
    assert view.stack.currentWidget() is view.empty and "Share Reviews" in view.empty.text()
    assert view.model.rowCount() == 0 and view.cards["verdict"].kappa.text() == "κ —"
    assert view.empty.text().endswith("File › Merge Databases…")
    assert "…." not in view.empty.text()


def test_share_writes_a_database_holding_the_traces_chosen(qtbot, window, databases, tmp_path) -> None:
    window.teamwork.share_action.trigger()
    dialog: ShareDialog = window.teamwork.share_dialog
    assert dialog is not None and dialog.path.text().endswith(".tracedesk")
    qtbot.waitUntil(lambda: dialog.matching is not None)
    everything = dialog.matching
    dialog.reviewer.setCurrentIndex(dialog.reviewer.findData("ann"))
    dialog.verdict_boxes["failure"].setChecked(True)
    dialog.update_count()
    qtbot.waitUntil(lambda: dialog.matching is not None)
    assert 0 < dialog.matching < everything
    assert dialog.count.text() == f"{dialog.matching} traces to share"
    dialog.without_reviews.setChecked(True)
    dialog.redact.setChecked(True)
    out = tmp_path / "for-bob.tracedesk"
    dialog.path.setText(str(out))
    assert dialog.share_button.isEnabled()
    with qtbot.waitSignal(dialog.shared, timeout=20000) as shared:
        dialog.share_button.click()
    report = shared.args[0]
    assert report is not None and report.reviews == 0 and dialog.copy_button.isVisible()
    assert "without reviews" in dialog.result.text() and str(out) in dialog.result.text()
    with window.store.read() as conn:
        chosen = selected_traces(conn, ShareFilter(reviewer="ann", verdicts=("failure",)))
        wanted = {tid for (tid,) in conn.exec_driver_sql(
            f"SELECT trace_id FROM trace WHERE id IN ({','.join(map(str, chosen))})")}
    with open_store(out) as copy, copy.read() as conn:
        held = {tid for (tid,) in conn.exec_driver_sql("SELECT trace_id FROM trace")}
        assert conn.exec_driver_sql("SELECT count(*) FROM review").scalar() == 0
        # For a blind second review, every trace is in the copy's queue (near-duplicates grouped).
        assert conn.exec_driver_sql("SELECT count(*) FROM queue_entry").scalar() == len(held)
        assert queue.ids(conn)
    assert held == wanted and report.traces == len(wanted)
    # The same name again is refused before anything is written.
    dialog.path.setText(str(out))
    assert not dialog.share_button.isEnabled() and "exists already" in dialog.count.text()
    dialog.close()


def test_a_cancelled_share_writes_no_file(qtbot, window, tmp_path) -> None:
    dialog = window.teamwork.share()
    qtbot.waitUntil(lambda: dialog.matching is not None)
    out = tmp_path / "cancelled.tracedesk"
    dialog.path.setText(str(out))
    with qtbot.waitSignal(dialog.shared, timeout=20000) as shared:
        dialog.start()
        dialog.cancel()
    assert shared.args[0] is None and "no file was written" in dialog.result.text()
    assert not out.exists() and not list(tmp_path.glob(".cancelled.tracedesk*"))
    dialog.close()


def test_the_disagreements_model_is_a_well_behaved_qt_model(qtmodeltester, databases) -> None:
    _merge_with_core(databases)
    loaded = load(databases["ann"])
    model = DisagreementsModel()
    model.set_data(loaded.report.disagreements, loaded.names)
    assert model.rowCount() == 4
    qtmodeltester.check(model, force_py=True)
    model.set_unsettled_only(True)
    qtmodeltester.check(model, force_py=True)
    qtmodeltester.check(DisagreementsModel(), force_py=True)


def test_the_merge_report_text_lists_conflicts(databases) -> None:
    _merge_with_core(databases)
    report = merge_databases(databases["ann"], [databases["bob_path"]])
    text = merge_report_text(report)
    assert "Nothing new" in text and "Reviews:" in text


def test_j_and_k_move_in_the_disagreements_and_queue_keys_leave_the_queue_alone(qtbot, window, databases) -> None:
    _merge_with_core(databases)
    table = window.queue_pane.table
    table.select_row(1)
    chosen = table.current_pk()
    queued = [window.queue_model.trace_pk(r) for r in range(window.queue_model.rowCount())]
    with window.store.read() as conn:
        open_before = queue.ids(conn)
    view = _show_disagreements(qtbot, window)
    listed = view.model.trace_pks()
    assert view.shown_pk == listed[0] and len(listed) == 4
    qtbot.keyClick(view.table, Qt.Key.Key_J)
    qtbot.keyClick(view.table, Qt.Key.Key_J)
    assert view.table.currentIndex().row() == 2 and view.shown_pk == listed[2]
    qtbot.keyClick(view.table, Qt.Key.Key_K)
    assert view.table.currentIndex().row() == 1 and view.shown_pk == listed[1]
    for _ in range(6):
        qtbot.keyClick(view.table, Qt.Key.Key_J)
    assert view.shown_pk == listed[-1]
    view.form.note.setFocus()
    qtbot.keyClicks(view.form.note, "jk")  # typed in the settle form's note, not moving the list
    assert view.form.note.text() == "jk" and view.shown_pk == listed[-1]
    plain, shift = Qt.KeyboardModifier.NoModifier, Qt.KeyboardModifier.ShiftModifier
    for key, modifier in ((Qt.Key.Key_S, plain), (Qt.Key.Key_X, plain), (Qt.Key.Key_X, shift), (Qt.Key.Key_G, plain)):
        qtbot.keyClick(view.form, key, modifier)
    assert window.pages.currentWidget() is view and view.shown_pk == listed[-1]
    qtbot.keyClick(view.table, Qt.Key.Key_Escape)  # Esc still goes back to the queue, as it was
    assert window.pages.currentWidget() is window.queue_pane
    assert table.current_pk() == chosen and table.currentIndex().row() == 1
    assert [window.queue_model.trace_pk(r) for r in range(window.queue_model.rowCount())] == queued
    with window.store.read() as conn:
        assert queue.ids(conn) == open_before  # nothing was snoozed or skipped


def _assert_pairs_whole(table) -> None:
    """Every header and figure of the pairs table is shown whole, not cut."""
    metrics = table.fontMetrics()
    header = table.horizontalHeader()
    for column in range(table.columnCount()):
        title = table.horizontalHeaderItem(column).text()
        assert header.sectionSize(column) >= header.fontMetrics().horizontalAdvance(title) + 8, title
        for row in range(table.rowCount()):
            text = table.item(row, column).text()
            assert header.sectionSize(column) >= metrics.horizontalAdvance(text) + 8, text
    assert sum(header.sectionSize(c) for c in range(table.columnCount())) <= table.viewport().width()


def test_the_pairs_table_shows_its_figures_whole_at_1280(qtbot, window, databases) -> None:
    _merge_with_core(databases)
    view = _show_disagreements(qtbot, window)
    qtbot.wait(50)  # the layout settles
    _assert_pairs_whole(view.pairs)


def test_a_kappa_of_zero_over_two_traces_reads_as_chance_and_as_too_few(qtbot, filled_store, window_state) -> None:
    """Ann called both failures, Bob one of them: they agree on half, which is what chance
    gives when Ann always says failure; and two traces say nothing about a team."""
    with filled_store.read() as conn:
        first, second = (pk for (pk,) in conn.exec_driver_sql("SELECT id FROM trace ORDER BY id LIMIT 2"))
    with filled_store.write() as conn:
        save_review(conn, first, "ann", ReviewInput("failure"))
        save_review(conn, second, "ann", ReviewInput("failure"))
        save_review(conn, first, "bob", ReviewInput("failure"))
        save_review(conn, second, "bob", ReviewInput("ok"))
    window = make_window(qtbot, filled_store, window_state)
    view = _show_disagreements(qtbot, window)
    card = view.cards["verdict"]
    assert card.kappa.text() == "κ 0.00"
    detail = card.detail.text()
    assert "worse than chance" not in detail and "no better than chance" in detail
    assert "2 traces: too few to tell" in detail
    assert "1 disagreement, 0 settled" in view.status.text()
    tip = view.pairs.item(0, 1).toolTip()
    assert "no better than chance" in tip and "too few to tell" in tip
    qtbot.wait(50)  # the layout settles
    _assert_pairs_whole(view.pairs)
