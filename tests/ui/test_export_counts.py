"""The export dialog counts its cases in the background and drops a count made for
filters changed since."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication

from tracedesk.core.reviews import ReviewInput, save_review
from tracedesk.core.traces import find_trace
from tracedesk.ui.background import wait_for_background
from tracedesk.ui.export_dialog import ExportDialog


def test_the_count_follows_the_filters_in_the_background_and_a_stale_one_is_dropped(qtbot, filled_store) -> None:
    with filled_store.write() as conn:
        for tid, verdict in (("t001", "failure"), ("t002", "ok")):
            save_review(conn, find_trace(conn, tid).pk, "Ann", ReviewInput(verdict=verdict))
    dialog = ExportDialog(filled_store)
    qtbot.addWidget(dialog)
    assert dialog.count.text() == "1 eval case matches" and dialog.cases == 1  # at once, as it opens
    dialog.verdict_boxes["ok"].setChecked(True)
    dialog.update_count()
    assert dialog.count.text() == "Counting the eval cases…"
    assert dialog.preview.topLevelItemCount() == 1  # the preview stays until the new one comes
    qtbot.waitUntil(lambda: dialog.count.text() == "2 eval cases match")
    assert dialog.cases == 2 and dialog.preview.topLevelItemCount() == 2

    # Two counts in a row: the first has ended, its answer (1) not yet shown, when the
    # filters change back; only the second's answer (2) reaches the dialog.
    dialog.verdict_boxes["ok"].setChecked(False)
    dialog.update_count()
    assert wait_for_background()
    dialog.verdict_boxes["ok"].setChecked(True)
    dialog.update_count()
    QApplication.processEvents()  # the first count's answer comes: dropped
    assert dialog.count.text() in ("Counting the eval cases…", "2 eval cases match") and dialog.cases == 2
    qtbot.waitUntil(lambda: dialog.count.text() == "2 eval cases match")
    assert wait_for_background()
    QApplication.processEvents()
    assert dialog.count.text() == "2 eval cases match" and dialog.preview.topLevelItemCount() == 2

    dialog.verdict_boxes["ok"].setChecked(False)
    dialog.update_count()
    qtbot.waitUntil(lambda: dialog.count.text() == "1 eval case matches")
    assert dialog.preview.topLevelItem(0).text(0) == "t001"

    dialog.verdict_boxes["failure"].setChecked(False)
    dialog.update_count()  # nothing to count: said at once, and a count under way is dropped
    assert dialog.count.text() == "Choose at least one verdict." and dialog.preview.topLevelItemCount() == 0
