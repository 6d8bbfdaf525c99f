"""Starting the window: the application object, its style, and what to open."""

from __future__ import annotations

import logging
import os
import sys
from pathlib import Path

from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QApplication, QMessageBox

from ..core.database import open_store
from ..core.errors import UserError
from ..core.store import default_db_path
from ..logs import current_log, start_logging, stop_logging
from .mainwindow import MainWindow
from .style import app_icon
from .text import show_message

log = logging.getLogger(__name__)


def application(argv: list[str] | None = None) -> QApplication:
    """The QApplication (made once): Fusion style on the system's light or dark palette."""
    app = QApplication.instance()
    if app is None:
        c_dates, before = _without_a_language(), os.environ.get("LC_TIME")
        if c_dates:  # read once, while the application starts; then the environment is as it was
            os.environ["LC_TIME"] = "en_SE.UTF-8"
        app = QApplication(argv if argv is not None else sys.argv[:1])
        if c_dates:
            QLocale.system().name()
            if before is None:
                os.environ.pop("LC_TIME", None)
            else:
                os.environ["LC_TIME"] = before
        app.setApplicationName("Tracedesk")
        app.setOrganizationName("Tracedesk")
        app.setApplicationDisplayName("Tracedesk")
        app.setDesktopFileName("org.tracedesk.Tracedesk")  # packaging/linux/*.desktop
        # Fusion draws the same on every platform and follows the colour scheme the
        # platform reports (light or dark); the window's colours all derive from it.
        app.setStyle("Fusion")
        app.setWindowIcon(app_icon())
    return app  # type: ignore[return-value]


def _without_a_language() -> bool:
    """Whether dates would be written in Qt's C locale ("5 12 2026" in the file dialogs):
    no language set, as on a bare server or in a container. The window then takes the
    dates of English as written in Sweden, which is ISO 8601 (2026-12-05), as it writes
    them everywhere else; any language a user did set is left alone."""
    if not sys.platform.startswith("linux"):
        return False
    chosen = os.environ.get("LC_ALL") or os.environ.get("LC_TIME") or os.environ.get("LANG") or "C"
    return chosen.split(".")[0] in ("C", "POSIX")


def run_gui(db_path: Path | None, open_files: list[Path] | None = None) -> int:
    """Open the window on ``db_path`` (the default database if None), import
    ``open_files`` into it with progress, and run until the window closes."""
    from .. import __version__

    app = application()
    start_logging()  # what goes wrong from here on is written to the log file, with its traceback
    path = db_path or default_db_path()
    log.info("Tracedesk %s opens %s", __version__, path)
    try:
        store = open_store(path)
    except UserError as exc:
        show_message(None, "Tracedesk cannot open the database", str(exc), QMessageBox.Icon.Critical)
        return 2
    window = MainWindow(store)
    window.show()
    if open_files:
        window.import_paths([Path(p) for p in open_files])  # runs in the background
    previous, sys.excepthook = sys.excepthook, _report_unexpected
    try:
        return app.exec()
    finally:
        sys.excepthook = previous
        stop_logging()


def _report_unexpected(kind: type[BaseException], exc: BaseException, tb) -> None:
    """An error nobody expected (a bug, a disk that failed) in the running window: said in
    a message rather than only on the terminal, and the window goes on. Work is written in
    transactions, so what was saved stays saved and what failed left nothing half-written."""
    import traceback

    traceback.print_exception(kind, exc, tb)
    if isinstance(exc, UserError):
        show_message(None, "Tracedesk could not do that", str(exc))
        return
    log.error("unexpected error in the window", exc_info=(kind, exc, tb))
    details = "".join(traceback.format_exception(kind, exc, tb)[-3:])
    where = current_log()
    attach = f" and the log file {where}" if where is not None else ""
    show_message(None, "Tracedesk hit an unexpected error",
                 f"{exc}\n\nWhat was saved before stays saved; the step that failed changed nothing. "
                 f"If it happens again, please report it with these lines{attach}:\n\n{details}",
                 QMessageBox.Icon.Critical)
