"""Reviewing in the window: the actions of the Review and Edit menus with their keys, the
review panel of the open trace saved through core, undo, the history, the cause editor,
the reviewer's name (asked once, kept in the settings) and the export dialog.

The main window owns one :class:`ReviewController`; the controller owns no widget of
the trace page, it drives the :class:`~tracedesk.ui.review_panel.ReviewPanel` there.
Every change goes through :mod:`tracedesk.core.reviews` or :mod:`tracedesk.core.causes`,
which write the audit log, and is announced to the window's views as
:class:`~tracedesk.ui.changes.Changes`; what others change (a merge, a settled answer) comes
back the same way to the panel and to Edit › Undo.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QInputDialog, QMenu

from ..core import audit, reviews
from ..core.causes import list_causes
from ..core.errors import UserError
from ..core.reviews import NeedsVerdict, review_draft, reviews_of, update_review
from ..core.settings import load_settings, save_reviewer
from ..core.verdicts import VERDICT_LABELS, VERDICTS
from .causes_dialog import CausesDialog
from .changes import Changes
from .export_dialog import ExportDialog
from .history_dialog import HistoryDialog
from .pages import Page
from .review_panel import VERDICT_KEYS
from .shortcuts import add_action
from .text import show_message

if TYPE_CHECKING:
    from .workspace import Workspace

NO_VERDICT_YET = "Not saved yet: give the verdict first (1, 2 or 3); what you changed is kept until then."


class ReviewController(QObject):
    def __init__(self, window: Workspace) -> None:
        super().__init__(window)
        self.window = window
        self.panel = window.trace_view.review
        self.reviewer: str | None = None
        self.trace_pk: int | None = None  # the trace the panel shows
        self.pending: dict[str, Any] = {}  # changes to a trace not reviewed yet, waiting for a verdict
        self._store_seen: object = None
        self.causes_dialog: CausesDialog | None = None
        self.export_dialog: ExportDialog | None = None
        self._build_actions()
        window.trace_view.opened.connect(self.load)
        self.panel.changed.connect(self.save)
        self.panel.blame_requested.connect(self.blame_selected)
        self.panel.missing_requested.connect(self.mark_missing)
        self.panel.edit_causes_requested.connect(self.edit_causes)
        self.panel.history_requested.connect(self.show_history)
        self.panel.editing_done.connect(self.focus_steps)
        window.pages.currentChanged.connect(self._page_changed)
        window.changed.connect(self._apply_changes)

    # -- actions -----------------------------------------------------------------------------

    def _build_actions(self) -> None:
        w = self.window
        self.export_action = add_action(w, "&Export Eval Cases…", self.export, "Ctrl+E",
                                        "Write the reviewed failures as eval cases")
        self.undo_action = add_action(w, "&Undo", self.undo, QKeySequence.StandardKey.Undo,
                                      "Undo your last change to a review or a cause")
        self.history_action = add_action(w, "&History…", self.show_history, "Ctrl+H",
                                         "Every change to this trace's reviews (in the queue: to all of them)")
        self.verdict_actions = {
            verdict: add_action(w, f"Verdict: {VERDICT_LABELS[verdict].capitalize()}",
                                lambda _=False, v=verdict: self.set_verdict(v), VERDICT_KEYS[verdict])
            for verdict in VERDICTS}
        self.verdict_actions["failure"].setText("Verdict: &Failure")
        self.verdict_actions["ok"].setText("Verdict: &Not a Failure")
        self.verdict_actions["unsure"].setText("Verdict: &Unsure")
        self.cause_action = add_action(w, "Choose the &Cause…", self.choose_cause, "C",
                                       "Why it failed, from the taxonomy")
        self.blame_action = add_action(w, "&Blame the Selected Step", self.blame_selected, "B",
                                       "The step selected in the tree is the one to blame")
        self.missing_action = add_action(w, "A Step Is &Missing", lambda: self.mark_missing(None), "Shift+B",
                                         "The failure is a step the agent did not take")
        self.expected_action = add_action(w, "Edit the &Expected Answer", self.edit_expected, "E",
                                          "The answer it should have given (Esc when done)")
        self.next_action = add_action(w, "Save and &Next in the Queue", self.next_in_queue, "N",
                                      "Save the review and open the next trace of the queue")
        self.edit_causes_action = add_action(w, "Edit C&auses…", self.edit_causes, None,
                                             "Add, rename, retire or nest the causes reviewers choose from")
        self.review_actions = [*self.verdict_actions.values(), self.cause_action, self.blame_action,
                               self.missing_action, self.expected_action, self.next_action]

    def fill_edit_menu(self, menu: QMenu) -> None:
        menu.addAction(self.undo_action)
        menu.addSeparator()
        menu.addAction(self.history_action)

    def fill_review_menu(self, menu: QMenu) -> None:
        for action in self.verdict_actions.values():
            menu.addAction(action)
        menu.addSeparator()
        for action in (self.cause_action, self.blame_action, self.missing_action, self.expected_action):
            menu.addAction(action)
        menu.addSeparator()
        menu.addAction(self.next_action)
        menu.addSeparator()
        menu.addAction(self.edit_causes_action)

    def update_actions(self) -> None:
        w = self.window
        store = w.store
        if store is not self._store_seen:  # another database: nothing of the last one applies
            self._store_seen = store
            self.trace_pk, self.pending = None, {}
            self.update_undo()
        writable = store is not None and not store.read_only
        in_trace = w.current_page() is Page.TRACE and w.trace_view.outline is not None
        for action in self.review_actions:
            action.setEnabled(in_trace and writable)
        self.edit_causes_action.setEnabled(writable)
        self.export_action.setEnabled(store is not None)
        self.history_action.setEnabled(store is not None)

    def update_undo(self) -> None:
        store = self.window.store
        reviewer = self.reviewer_name()
        entry = None
        if store is not None and reviewer and not store.read_only:
            with store.read() as conn:
                entry = audit.last_undoable(conn, reviewer)
        # "&" in a menu entry marks its access key: a reviewer named "R&D" shows as is.
        self.undo_action.setText(f"&Undo {entry.describe_change().replace('&', '&&')}" if entry else "&Undo")
        self.undo_action.setEnabled(entry is not None)

    # -- the reviewer ----------------------------------------------------------------------------

    def reviewer_name(self) -> str | None:
        """The reviewer's name from the settings (read once), or None when not given yet."""
        if self.reviewer is None:
            try:
                self.reviewer = load_settings().reviewer
            except UserError:
                self.reviewer = None
        return self.reviewer

    def ensure_reviewer(self) -> str | None:
        """The reviewer's name, asked for (and kept in the settings) the first time."""
        if self.reviewer_name():
            return self.reviewer
        name, ok = QInputDialog.getText(self.window, "Your name",
                                        "Every review carries the name of its reviewer. Your name:")
        name = " ".join(name.split()) if ok else ""
        if not name:
            return None
        try:
            save_reviewer(name)
        except UserError as exc:
            show_message(self.window, "The name was not kept", f"{exc}\n\nIt is used until Tracedesk closes.")
        self.reviewer = name
        return name

    # -- the open trace --------------------------------------------------------------------------------

    def load(self, trace_pk: int) -> None:
        """Show the reviewer's review of ``trace_pk`` (after the text of the last one is saved)."""
        if self.trace_pk is not None and self.trace_pk != trace_pk:
            self.panel.commit_text()
            if self.pending:
                self.window.statusBar().showMessage("The last trace's review was not saved: it had no verdict.",
                                                    8000)
        if self.trace_pk != trace_pk:
            self.pending = {}
        self.trace_pk = trace_pk
        self.reload()

    def reload(self) -> None:
        store, outline = self.window.store, self.window.trace_view.outline
        if store is None or outline is None or self.trace_pk is None:
            self.panel.clear()
            return
        reviewer = self.reviewer_name()
        with store.read() as conn:
            draft = review_draft(conn, self.trace_pk, reviewer or "")
            causes = list_causes(conn)
            others = reviews_of(conn, self.trace_pk)
        self.panel.show_draft(outline, draft, causes, others, reviewer)
        self.panel.setEnabled(not store.read_only)
        if store.read_only:
            self.panel.show_status(None, reviewer, "This database is open read-only: reviews cannot be saved.")

    def save(self, changes: dict[str, Any]) -> bool:
        """Save ``changes`` to the reviewer's review of the open trace (through core,
        audited); a new review waits for its verdict."""
        store, pk = self.window.store, self.trace_pk
        if store is None or pk is None or store.read_only:
            return False
        reviewer = self.ensure_reviewer()
        if reviewer is None:
            self.reload()
            return False
        self.pending.update(changes)
        try:
            with store.write() as conn:
                info = update_review(conn, pk, reviewer, **self.pending)
        except NeedsVerdict:  # the changes wait in ``pending`` for the verdict
            self.panel.show_status(None, reviewer, NO_VERDICT_YET)
            return False
        except UserError as exc:
            self.pending = {}
            self.reload()
            self.panel.show_status(None, reviewer, f"Not saved: {exc}")
            return False
        self.pending = {}
        self.panel.show_status(info, reviewer)
        self.window.announce(Changes.of([pk], reviews=True), self)  # the panel shows it already
        return True

    def set_verdict(self, verdict: str) -> None:
        if not self._reviewing():
            return
        self.panel.show_verdict(verdict)
        self.save({"verdict": verdict})

    def choose_cause(self) -> None:
        if not self._reviewing():
            return
        self.panel.open_causes()

    def blame_selected(self) -> None:
        if not self._reviewing():
            return
        node = self.window.trace_view.selected_span()
        if node is None:
            self.window.statusBar().showMessage("Select the step to blame in the tree first.", 6000)
            return
        self.panel.set_blame(node.span_id, False)
        self.save({"blamed_span_id": node.span_id, "missing_step": False})

    def mark_missing(self, missing: bool | None) -> None:
        """A step is missing (``None``: the opposite of what the panel says); the selected
        step, if any, is where it belonged."""
        if not self._reviewing():
            return
        span, was_missing = self.panel.blamed()
        missing = not was_missing if missing is None else missing
        if missing:
            node = self.window.trace_view.selected_span()
            span = node.span_id if node is not None else span
            changes = {"blamed_span_id": span, "missing_step": True}
        else:
            changes = {"blamed_span_id": None, "missing_step": False}
        self.panel.set_blame(changes["blamed_span_id"], missing)
        self.save(changes)

    def edit_expected(self) -> None:
        if self._reviewing():
            self.panel.edit_expected()

    def focus_steps(self) -> None:
        self.window.trace_view.focus_steps()

    def _reviewing(self) -> bool:
        w = self.window
        return w.current_page() is Page.TRACE and self.trace_pk is not None and w.store is not None

    def commit_text(self) -> None:
        """Save what the review's text fields hold (before a share, a merge or the window closes)."""
        self.panel.commit_text()

    def close(self) -> None:
        """Before the window closes: save what the text fields hold, stop an export."""
        self.commit_text()
        if self.export_dialog is not None:
            self.export_dialog.stop()

    def _apply_changes(self, changes: Changes, initiator: object) -> None:
        """What another part of the window (or an undo) changed: the panel and Undo follow."""
        if changes.human_work:
            self.update_undo()
        if self.trace_pk is None or self.window.trace_view.outline is None:
            return
        if changes.reviews and initiator is not self and changes.touches(self.trace_pk):
            self.reload()  # a merge or an undo changed the open trace's review
        elif changes.causes:
            self._show_causes()

    # -- the queue ---------------------------------------------------------------------------------------

    def _page_changed(self, _index: int) -> None:
        if self.window.current_page() is not Page.TRACE:
            # Saved as the trace is left, before the page shown reads the reviews again.
            self.commit_text()

    def next_in_queue(self) -> None:
        """n: save the review, then open the next trace of the queue (the reviewed one has
        left it)."""
        w = self.window
        if not self._reviewing() or self.trace_pk is None:
            return
        self.panel.commit_text()
        if self.pending:
            self.panel.show_status(None, self.reviewer, NO_VERDICT_YET)
            return
        next_pk = w.trace_after(self.trace_pk)
        if next_pk is None:
            w.show_queue()
            w.statusBar().showMessage("That was the last trace of the queue.", 8000)
            return
        w.open_trace(next_pk)

    # -- undo and history -------------------------------------------------------------------------------

    def undo(self) -> None:
        w = self.window
        store, reviewer = w.store, self.reviewer_name()
        if store is None or not reviewer:
            return
        try:
            with store.write() as conn:
                result = reviews.undo(conn, reviewer)
        except UserError as exc:
            show_message(w, "Nothing was undone", str(exc))
            self.update_undo()
            return
        w.statusBar().showMessage(f"Undone: {result.undone.describe_change()}", 8000)
        self.pending = {}
        entity = result.undone.entity
        # No part of the window shows the undone state yet: every view reads it back.
        w.announce(Changes.of(None if result.trace_pk is None else [result.trace_pk], reviews=entity == "review",
                              causes=entity == "cause", settlements=entity == "settlement"))

    def show_history(self) -> HistoryDialog | None:
        w = self.window
        if w.store is None:
            return None
        in_trace = w.current_page() is Page.TRACE and w.trace_view.outline is not None
        with w.store.read() as conn:
            if in_trace:
                entries = audit.history(conn, trace_pk=w.trace_view.outline.pk)
            else:
                entries = audit.history(conn, limit=500)
            names = {c.uuid: c.full_name for c in list_causes(conn, include_retired=True)}
        title = (f"Every change to the reviews of trace {w.trace_view.outline.source}:{w.trace_view.outline.trace_id},"
                 " newest first." if in_trace else "The latest changes to reviews and causes, newest first.")
        dialog = HistoryDialog(entries, title, w, names)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    # -- causes and export -----------------------------------------------------------------------------

    def edit_causes(self) -> CausesDialog | None:
        store = self.window.store
        if store is None or store.read_only:
            return None
        author = self.ensure_reviewer()
        if author is None:
            return None
        dialog = CausesDialog(store, author, self.window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.changed.connect(lambda: self.window.announce(Changes(causes=True), dialog))
        self.window.changed.connect(dialog.apply_changes)  # an undo changes the taxonomy it shows
        dialog.destroyed.connect(lambda: setattr(self, "causes_dialog", None))
        self.causes_dialog = dialog
        dialog.open()
        return dialog

    def _show_causes(self) -> None:
        """The causes the panel offers, read again (the one chosen stays)."""
        store = self.window.store
        if store is None:
            return
        with store.read() as conn:
            causes = list_causes(conn)
        self.panel.offer_causes(causes)

    def export(self) -> ExportDialog | None:
        store = self.window.store
        if store is None:
            return None
        if self.export_dialog is not None:
            self.export_dialog.raise_()
            return self.export_dialog
        self.panel.commit_text()
        dialog = ExportDialog(store, self.window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.destroyed.connect(lambda: setattr(self, "export_dialog", None))
        self.export_dialog = dialog
        dialog.open()
        return dialog
