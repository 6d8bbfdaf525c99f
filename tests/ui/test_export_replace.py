"""The export dialog replaces an existing file only when the reviewer says so, and never
writes through a link."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QMessageBox

from tracedesk.core import traces
from tracedesk.core.reviews import ReviewInput, save_review
from tracedesk.ui.export_dialog import ExportDialog


def dialog_on(qtbot, store, out: Path) -> ExportDialog:
    with store.write() as conn:
        save_review(conn, traces.find_trace(conn, "t000").pk, "ann", ReviewInput("failure", expected="Sorry."))
    dialog = ExportDialog(store)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.path.setText(str(out))
    qtbot.waitUntil(lambda: dialog.export_button.isEnabled())
    return dialog


def test_an_existing_file_is_replaced_after_asking(qtbot, filled_store, tmp_path: Path) -> None:
    out = tmp_path / "cases.jsonl"
    out.write_text("mine\n")
    dialog = dialog_on(qtbot, filled_store, out)
    dialog.export_button.click()
    box = dialog.replace_box
    assert box is not None and str(out) in box.text()
    box.button(QMessageBox.StandardButton.No).click()
    assert out.read_text() == "mine\n" and not dialog.running
    dialog.export_button.click()
    with qtbot.waitSignal(dialog.exported, timeout=10_000) as finished:
        dialog.replace_box.button(QMessageBox.StandardButton.Yes).click()
    assert finished.args[0].cases == 1 and '"expected":"Sorry."' in out.read_text()


def test_a_link_is_refused(qtbot, filled_store, tmp_path: Path) -> None:
    target = tmp_path / "precious.txt"
    target.write_text("keep\n")
    link = tmp_path / "cases.jsonl"
    link.symlink_to(target)
    dialog = dialog_on(qtbot, filled_store, link)
    with qtbot.waitSignal(dialog.exported, timeout=10_000) as finished:
        dialog.export_button.click()
    assert finished.args[0] is None and "symbolic link" in dialog.result.text()
    assert link.is_symlink() and target.read_text() == "keep\n"
