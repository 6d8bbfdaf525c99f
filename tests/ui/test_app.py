"""Starting the window the way the command line does: ``tracedesk``, ``gui``, ``open``.

``QApplication.exec`` is replaced by a function that waits for the window to settle and
closes it, so the real commands run from start to end within the test."""

from __future__ import annotations

import sys

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from tracedesk.cli import main
from tracedesk.core import ingest, views
from tracedesk.core.database import open_store
from tracedesk.ui import app as app_module
from tracedesk.ui.mainwindow import MainWindow

from .bundles import write_support_bundle


@pytest.fixture
def windows(qtbot, tmp_path, monkeypatch) -> list[dict]:
    """What each window the commands open shows before it is closed."""
    monkeypatch.setenv("HOME", str(tmp_path))  # the window's remembered state stays in the test
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    seen: list[dict] = []

    def exec_until_settled() -> int:
        window = next(w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible())
        shown = {"title": window.windowTitle(), "db": window.store.path, "report": None}
        if window.import_dialog is not None:
            with qtbot.waitSignal(window.import_finished, timeout=20_000) as finished:
                pass
            shown["report"] = finished.args[0]
            problems = window.problems_dialog if finished.args[0] else None
            shown["problems"] = problems.text.toPlainText() if problems and problems.isVisible() else ""
        qtbot.waitUntil(lambda: window.choices_ready, timeout=10_000)
        shown["rows"] = window.queue_model.rowCount()
        seen.append(shown)
        window.close()
        window.deleteLater()
        return 0

    monkeypatch.setattr(QApplication, "exec", staticmethod(exec_until_settled))
    return seen


def test_open_imports_the_bundles_given_into_the_database(windows, tmp_path) -> None:
    bundle = write_support_bundle(tmp_path / "support.jsonl", traces=6)
    db = tmp_path / "opened.sqlite"
    assert main(["--db", str(db), "open", str(bundle)]) == 0
    assert windows[0]["title"].startswith("opened.sqlite") and windows[0]["report"].added.traces == 6
    assert windows[0]["rows"] > 0
    with open_store(db) as store, store.read() as conn:
        assert views.trace_count(conn) == 6


def test_open_a_review_database_file_opens_the_window_on_it(windows, tmp_path) -> None:
    db = tmp_path / "shared-by-a-colleague.sqlite"
    with open_store(db) as store:
        ingest.import_paths(store, [write_support_bundle(tmp_path / "support.jsonl", traces=6)])
    assert main(["open", str(db)]) == 0
    assert windows[0]["db"] == db and windows[0]["report"] is None and windows[0]["rows"] > 0


def test_gui_and_bare_tracedesk_open_the_database_asked(windows, tmp_path, monkeypatch) -> None:
    monkeypatch.setenv("TRACEDESK_DB", str(tmp_path / "from-env.sqlite"))
    assert main([]) == 0
    assert main(["gui", "--db", str(tmp_path / "asked.sqlite")]) == 0
    assert [w["db"] for w in windows] == [tmp_path / "from-env.sqlite", tmp_path / "asked.sqlite"]
    assert windows[1]["title"].startswith("asked.sqlite")


def test_open_refuses_what_does_not_exist_without_a_window(windows, tmp_path, capsys) -> None:
    assert main(["open", str(tmp_path / "missing.jsonl")]) == 2
    assert "no such file" in capsys.readouterr().err and windows == []


def _close_the_message_into(shown: list[str]) -> None:
    box = QApplication.activeModalWidget()
    if isinstance(box, QMessageBox):
        shown.append(box.text())
        box.accept()
    else:
        QTimer.singleShot(20, lambda: _close_the_message_into(shown))


def test_a_file_that_is_not_a_database_is_refused_with_a_message(qtbot, tmp_path) -> None:
    notes = tmp_path / "notes.txt"
    notes.write_text("my notes")
    shown: list[str] = []
    QTimer.singleShot(0, lambda: _close_the_message_into(shown))
    assert app_module.run_gui(notes, []) == 2
    assert "not a Tracedesk review database" in shown[0] and notes.read_text() == "my notes"


def test_a_bundle_the_window_cannot_import_is_reported_not_raised(windows, tmp_path) -> None:
    broken = tmp_path / "broken.jsonl.gz"
    broken.write_bytes(b"\x1f\x8b\x08\x00 truncated")
    assert main(["--db", str(tmp_path / "db.sqlite"), "open", str(broken)]) == 0
    assert windows[0]["rows"] == 0 and windows[0]["report"].added.traces == 0
    assert f"not imported: {broken}: cannot be read (the compressed data is truncated" in windows[0]["problems"]


def test_an_unexpected_error_in_the_window_is_said_in_a_message_and_the_window_goes_on(
        qtbot, tmp_path, monkeypatch) -> None:
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    shown: list[str] = []
    seen = {}

    def exec_with_a_failing_slot() -> int:
        window = next(w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible())
        QTimer.singleShot(0, lambda: _close_the_message_into(shown))
        sys.excepthook(RuntimeError, RuntimeError("disk I/O error"), None)  # as Python reports a failing slot
        seen["still_open"] = window.isVisible()
        window.close()
        window.deleteLater()
        return 0

    monkeypatch.setattr(QApplication, "exec", staticmethod(exec_with_a_failing_slot))
    hook = sys.excepthook
    assert app_module.run_gui(tmp_path / "db.sqlite", []) == 0
    assert "disk I/O error" in shown[0] and "changed nothing" in shown[0] and seen["still_open"]
    assert sys.excepthook is hook  # the test runner's own hook is back


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the C locale's dates are a Unix matter")
def test_file_dialogs_write_dates_as_the_window_does_when_no_language_is_set(tmp_path) -> None:
    """With no LANG (a bare server, a container), Qt's C locale writes "5 12 2026" in the
    Import dialog's file list; the window writes 2026-12-05 everywhere else."""
    import os
    import re
    import subprocess
    from pathlib import Path

    (tmp_path / "bundle.jsonl").write_text("{}\n")
    code = (
        "import sys, time\n"
        "from PySide6.QtWidgets import QFileSystemModel\n"
        "from tracedesk.ui.app import application\n"
        "app = application()\n"
        "model = QFileSystemModel()\n"
        "model.setRootPath(sys.argv[1])\n"
        "index = model.index(sys.argv[1] + '/bundle.jsonl')\n"
        "for _ in range(100):\n"
        "    app.processEvents()\n"
        "    if model.data(index.siblingAtColumn(3)):\n"
        "        break\n"
        "    time.sleep(0.02)\n"
        "print(model.data(index.siblingAtColumn(3)))\n"
    )
    env = {k: v for k, v in os.environ.items() if not k.startswith("LC_") and k not in ("LANG", "LANGUAGE")}
    env.update(QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(Path(__file__).resolve().parents[2] / "src"))
    done = subprocess.run([sys.executable, "-c", code, str(tmp_path)], capture_output=True, text=True, env=env,
                          timeout=120)
    assert done.returncode == 0, done.stderr
    assert re.fullmatch(r"\d{4}-\d{2}-\d{2} \d{2}:\d{2}", done.stdout.strip()), done.stdout


def test_the_window_keeps_its_log_in_the_folder_named(windows, tmp_path) -> None:
    db = tmp_path / "asked.sqlite"
    assert main(["gui", "--db", str(db)]) == 0
    text = (tmp_path / "logs" / "tracedesk.log").read_text(encoding="utf-8")
    assert f"opens {db}" in text
