"""Long work started from a dialog (an import, an export, a share, a merge): a function of
core that takes a progress callback runs in a thread of its own, the dialog shows its
progress, and Cancel makes core stop and roll back. This module is the one way to do it.

- :class:`Job` runs ``work(progress)`` in a thread and says how it ended.
- :class:`ProgressDialog` is a small modal dialog for work started straight away (import,
  merge): a heading, the phase, a bar and Cancel.
- :class:`JobFormDialog` is a dialog of choices whose action button starts the work below
  them (export, share): the choices are disabled while it runs, then a report replaces the
  progress and Cancel becomes Close.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Qt, QThread, Signal, Slot
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ..core.errors import Cancelled, UserError
from ..core.progress import Progress
from .widgets import bold, plain_label

log = logging.getLogger(__name__)

ProgressCallback = Callable[[Progress], None]
Work = Callable[[ProgressCallback], Any]
USER_ERRORS: tuple[type[Exception], ...] = (UserError, OSError)


class JobWorker(QObject):
    """Runs ``work(progress)`` in the thread it is moved to; Cancel makes the next progress
    report raise :class:`Cancelled` (core then rolls back).

    ``what`` names the work in the message of an unexpected error; the errors of
    ``user_errors`` are the user's to fix and are told as they are."""

    progressed = Signal(object)  # Progress
    finished = Signal(object)  # what work returned
    cancelled = Signal()
    failed = Signal(str)

    def __init__(self, work: Work, what: str, user_errors: tuple[type[Exception], ...] = USER_ERRORS) -> None:
        super().__init__()
        self.work = work
        self.what = what
        self.user_errors = user_errors
        self._stop = threading.Event()

    def cancel(self) -> None:
        self._stop.set()

    @property
    def stopping(self) -> bool:
        return self._stop.is_set()

    def _progress(self, progress: Progress) -> None:
        if self._stop.is_set() and not progress.final:  # the last report: written, too late to cancel
            raise Cancelled()
        self.progressed.emit(progress)

    @Slot()
    def run(self) -> None:
        try:
            result = self.work(self._progress)
        except Cancelled:
            self.cancelled.emit()
        except self.user_errors as exc:
            self.failed.emit(str(exc))
        except Exception as exc:  # a bug: say so rather than leave the dialog waiting
            log.error("the %s stopped on an unexpected error", self.what, exc_info=exc)
            self.failed.emit(f"The {self.what} stopped on an unexpected error: {exc!r}")
        else:
            self.finished.emit(result)


class Job(QObject):
    """A :class:`JobWorker` in a thread of its own, ended cleanly whatever happens."""

    progressed = Signal(object)
    ended = Signal(object, object, bool)  # result or None, error message or None, cancelled

    def __init__(self, work: Work, what: str, parent: QObject | None = None,
                 user_errors: tuple[type[Exception], ...] = USER_ERRORS) -> None:
        super().__init__(parent)
        self._thread = QThread(self)
        self._worker = JobWorker(work, what, user_errors)
        self._worker.moveToThread(self._thread)
        self._thread.started.connect(self._worker.run)
        self._worker.progressed.connect(self.progressed)
        # Slots of this object (which lives in the GUI thread), so the end is handled there.
        self._worker.finished.connect(self._finished)
        self._worker.cancelled.connect(self._cancelled)
        self._worker.failed.connect(self._failed)

    def start(self) -> None:
        self._thread.start()

    @property
    def running(self) -> bool:
        return self._thread.isRunning()

    @property
    def stopping(self) -> bool:
        return self._worker.stopping

    def cancel(self) -> None:
        self._worker.cancel()

    def stop(self) -> None:
        """Cancel and wait for the thread (the window is closing)."""
        if self.running:
            self._worker.cancel()
            self._thread.quit()
            self._thread.wait()

    @Slot(object)
    def _finished(self, result: Any) -> None:
        self._end(result, None, False)

    @Slot()
    def _cancelled(self) -> None:
        self._end(None, None, True)

    @Slot(str)
    def _failed(self, message: str) -> None:
        self._end(None, message, False)

    def _end(self, result: Any, error: str | None, cancelled: bool) -> None:
        self._thread.quit()
        self._thread.wait()
        self._worker.deleteLater()
        self.ended.emit(result, error, cancelled)


class ProgressDialog(QDialog):
    """The progress of work started with the dialog: the heading, the phase, a bar, and
    Cancel (Esc and the close button cancel too). ``done`` carries the result, or None when
    the work was cancelled (``was_cancelled``) or failed (``error`` says why).

    Subclasses add what else they show with :meth:`add_detail` and may override
    :meth:`show_progress`."""

    done = Signal(object)

    def __init__(self, work: Work, *, what: str, title: str, name: str, heading: str, cancelling: str,
                 width: int, parent: QWidget | None = None,
                 user_errors: tuple[type[Exception], ...] = USER_ERRORS) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setObjectName(name)
        self.setModal(True)
        self.setMinimumWidth(width)
        self.report: Any = None
        self.error: str | None = None
        self.was_cancelled = False
        self.cancelling = cancelling
        self._layout = layout = QVBoxLayout(self)
        layout.setContentsMargins(18, 16, 18, 14)
        layout.setSpacing(8)
        self.what = bold(plain_label(heading, self))
        self.what.setWordWrap(True)
        layout.addWidget(self.what)
        self.phase = plain_label("Starting…", self)
        layout.addWidget(self.phase)
        self.bar = QProgressBar(self)
        self.bar.setRange(0, 0)
        layout.addWidget(self.bar)
        buttons = QDialogButtonBox(self)
        self.cancel_button = buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.cancel_button.setToolTip(f"Stop the {what}: nothing of it is kept")
        self.cancel_button.clicked.connect(self.cancel)
        layout.addWidget(buttons)
        self.job = Job(work, what, self, user_errors)
        self.job.progressed.connect(self._on_progress)
        self.job.ended.connect(self._on_ended)

    def add_detail(self, widget: QWidget) -> None:
        """Show ``widget`` below the bar."""
        self._layout.insertWidget(self._layout.count() - 1, widget)

    def start(self) -> None:
        self.open()
        self.job.start()

    @property
    def running(self) -> bool:
        return self.job.running

    def cancel(self) -> None:
        if self.was_cancelled or not self.running:
            return
        self.was_cancelled = True
        self.cancel_button.setEnabled(False)
        self.phase.setText(self.cancelling)
        self.job.cancel()

    def stop(self) -> None:
        self.job.stop()

    def reject(self) -> None:  # Esc or the window's close button
        self.cancel()

    def show_progress(self, progress: Progress) -> None:
        """What a progress report changes besides the phase and the bar."""

    def _on_progress(self, progress: Progress) -> None:
        if not self.was_cancelled:
            self.phase.setText(progress.phase)
        if progress.fraction is not None:
            self.bar.setRange(0, 1000)
            self.bar.setValue(round(progress.fraction * 1000))
        self.show_progress(progress)

    def _on_ended(self, report: Any, error: str | None, cancelled: bool) -> None:
        self.report, self.error = report, error
        self.was_cancelled = cancelled  # a report: it ended before the request could stop it
        self.done.emit(report)
        self.accept()


class JobFormDialog(QDialog):
    """A dialog of choices with an action that runs as a :class:`Job` below them.

    The subclass builds its choices, lists them in ``inputs`` (disabled while the work
    runs), calls :meth:`add_job_area` last, starts the work with :meth:`run_job`, and
    says what the report reads (:meth:`finished_text`), when the action can start
    (:meth:`update_action`) and whom to tell at the end (:meth:`job_ended`). A
    cancelled job leaves no file."""

    failed_text = "Not done: {}"
    cancelling = "Cancelling…"

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.report: Any = None
        self.error: str | None = None
        self.job: Job | None = None
        self.inputs: list[QWidget] = []

    def add_job_area(self, layout: QVBoxLayout, action: str, report_name: str) -> QPushButton:
        """The phase, the bar and the report (hidden until used) and the buttons: Copy
        Path, the action (returned) and Cancel."""
        self.phase = plain_label("", self)
        self.bar = QProgressBar(self)
        self.bar.setRange(0, 1000)
        self.result = plain_label("", self)
        self.result.setObjectName(report_name)
        self.result.setWordWrap(True)
        self.result.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        for widget in (self.phase, self.bar, self.result):
            widget.hide()
            layout.addWidget(widget)
        buttons = QDialogButtonBox(self)
        self.copy_button = QPushButton("Copy Path", self)
        self.copy_button.setToolTip("Copy the path of the file written")
        self.copy_button.clicked.connect(self.copy_path)
        buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.copy_button.hide()  # after the work
        self.action_button = buttons.addButton(action, QDialogButtonBox.ButtonRole.AcceptRole)
        self.action_button.setDefault(True)
        self.action_button.clicked.connect(self.start)
        self.cancel_button = buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.cancel_button.clicked.connect(self.reject)
        layout.addWidget(buttons)
        return self.action_button

    # -- what the subclass says ----------------------------------------------------------------------

    def start(self) -> None:
        raise NotImplementedError

    def update_action(self) -> None:
        """Enable the action button when it can start."""

    def phase_text(self, progress: Progress) -> str:
        return progress.phase

    def finished_text(self, report: Any) -> str:
        raise NotImplementedError

    def job_ended(self, report: Any) -> None:
        """Tell whoever waits: ``report``, or None when cancelled or failed."""

    # -- running ---------------------------------------------------------------------------------------

    @property
    def running(self) -> bool:
        return self.job is not None and self.job.running

    def run_job(self, work: Work, what: str) -> None:
        self.report, self.error = None, None
        for widget in self.inputs:
            widget.setEnabled(False)
        self.action_button.setEnabled(False)
        self.cancel_button.setText("Cancel")
        self.cancel_button.setEnabled(True)
        self.copy_button.hide()
        self.result.hide()
        self.phase.setText("Starting…")
        self.phase.show()
        self.bar.setValue(0)
        self.bar.show()
        self.job = Job(work, what, self)
        self.job.progressed.connect(self._on_progress)
        self.job.ended.connect(self._on_ended)
        self.job.start()

    def cancel(self) -> None:
        if self.job is not None and self.running:
            self.cancel_button.setEnabled(False)
            self.phase.setText(self.cancelling)
            self.job.cancel()

    def stop(self) -> None:
        """Cancel the work under way and wait for it to end (the window is closing)."""
        if self.job is not None:
            self.job.stop()

    def reject(self) -> None:  # Esc, Cancel or the window's close button
        if self.running:
            self.cancel()
            return
        super().reject()

    def copy_path(self) -> None:
        if self.report is not None:
            QGuiApplication.clipboard().setText(str(self.report.path))

    def _on_progress(self, progress: Progress) -> None:
        if self.job is not None and not self.job.stopping:
            self.phase.setText(self.phase_text(progress))
        if progress.fraction is not None:
            self.bar.setValue(round(progress.fraction * 1000))

    def _on_ended(self, report: Any, error: str | None, cancelled: bool) -> None:
        self.job = None
        for widget in self.inputs:
            widget.setEnabled(True)
        self.bar.hide()
        self.phase.hide()
        self.cancel_button.setEnabled(True)
        self.cancel_button.setText("Close")
        if report is not None:
            self.report = report
            self.copy_button.show()
            self.result.setText(self.finished_text(report))
        elif cancelled:
            self.result.setText("Cancelled: no file was written.")
        else:
            self.error = error
            self.result.setText(self.failed_text.format(error))
        self.result.show()
        self.update_action()
        self.job_ended(report)
