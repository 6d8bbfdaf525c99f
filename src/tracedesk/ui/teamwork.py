"""Working with other reviewers, in the window: File › Share Reviews and File › Merge
Databases, review databases dropped on the window, and View › Disagreements with its
settled answers.

The main window owns one :class:`TeamworkController`; it adds the actions to the menus,
the Disagreements page to the window's pages, and decides what a dropped file does:

- trace bundles are imported, as always;
- a review database asks whether to merge it into this database or open it instead
  (Shift held while dropping merges at once, without the question).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QFileDialog, QMenu, QMessageBox

from ..core.agreement import settle
from ..core.errors import UserError
from ..core.store import is_database_file
from .changes import Changes
from .disagreements_view import DisagreementsView
from .pages import Page
from .share_dialogs import DATABASE_FILES, MergeDialog, MergeReportDialog, ShareDialog
from .shortcuts import add_action
from .text import show_message

if TYPE_CHECKING:
    from .reviewing import ReviewController
    from .workspace import Workspace

MERGE_TIP = "Hold Shift while dropping a review database to merge it at once, without this question."


def split_drop(paths: list[Path]) -> tuple[list[Path], list[Path]]:
    """``(review databases, everything else)`` among files dropped."""
    databases = [p for p in paths if p.is_file() and is_database_file(p)]
    return databases, [p for p in paths if p not in databases]


class TeamworkController(QObject):
    def __init__(self, window: Workspace, file_menu: QMenu, reviewing: ReviewController) -> None:
        super().__init__(window)
        self.window = window
        self.reviewing = reviewing  # the review panel's text is saved before a share or a merge
        self.share_dialog: ShareDialog | None = None
        self.merge_dialog: MergeDialog | None = None
        self.report_dialog: MergeReportDialog | None = None
        self.drop_box: QMessageBox | None = None
        self._after_merge: list[Path] = []  # bundles dropped with databases: imported once the merge ends
        # The page of disagreements is built when first shown. j and k move in its list; Esc
        # goes back to the page it was shown from, and from a trace opened here, back to it.
        window.add_page_later(Page.DISAGREEMENTS, self._build_view, step=lambda delta: self.view.move(delta))
        w = window
        self.share_action = add_action(w, "S&hare Reviews…", self.share, "Ctrl+Shift+E",
                                       "Write part of this database for another reviewer, with or without reviews")
        self.merge_action = add_action(w, "&Merge Databases…", self.choose_merge, "Ctrl+Shift+M",
                                       "Bring other reviewers' databases into this one")
        self.disagreements_action = add_action(w, "&Disagreements", self.show_disagreements, ["Ctrl+4", "F4"],
                                               "How far reviewers agree, and the traces they disagree about")
        file_menu.addAction(self.share_action)
        file_menu.addAction(self.merge_action)

    @property
    def view(self) -> DisagreementsView:
        """The page of disagreements, built on first use."""
        return cast(DisagreementsView, self.window.page_view(Page.DISAGREEMENTS))

    def _build_view(self) -> DisagreementsView:
        view = DisagreementsView(self.window.pages)
        view.back_requested.connect(self.window.show_queue)
        view.open_requested.connect(self.window.open_trace)
        view.settle_requested.connect(self.settle)
        self.window.changed.connect(view.apply_changes)
        return view

    def fill_view_menu(self, menu: QMenu) -> None:
        menu.addAction(self.disagreements_action)

    def update_actions(self) -> None:
        store = self.window.store
        self.share_action.setEnabled(store is not None)
        self.merge_action.setEnabled(store is not None and not store.read_only)
        self.disagreements_action.setEnabled(store is not None)

    # -- sharing ---------------------------------------------------------------------------------------

    def share(self) -> ShareDialog | None:
        store = self.window.store
        if store is None:
            return None
        if self.share_dialog is not None:
            self.share_dialog.raise_()
            return self.share_dialog
        self.reviewing.commit_text()  # what the review's text fields hold goes along
        dialog = ShareDialog(store, self.window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.destroyed.connect(lambda: setattr(self, "share_dialog", None))
        self.share_dialog = dialog
        dialog.open()
        return dialog

    # -- merging ---------------------------------------------------------------------------------------

    def choose_merge(self) -> MergeDialog | None:
        w = self.window
        if w.store is None:
            return None
        paths, _ = QFileDialog.getOpenFileNames(w, "Merge review databases into this one",
                                                w.state.text("window/merge_folder") or str(w.store.path.parent),
                                                DATABASE_FILES)
        if not paths:
            return None
        w.state.set_text("window/merge_folder", str(Path(paths[0]).parent))
        return self.merge([Path(p) for p in paths])

    def merge(self, paths: list[Path]) -> MergeDialog | None:
        """Merge in the background with a progress dialog; the report follows."""
        w = self.window
        if w.store is None or not paths:
            return None
        if w.store.read_only:
            show_message(w, "Nothing can be merged", f"{w.store.path} is open read-only.")
            return None
        if self.merge_dialog is not None or w.import_dialog is not None:
            QMessageBox.information(w, "Work is under way", "Wait for the current import or merge to finish.")
            return None
        self.reviewing.commit_text()
        dialog = MergeDialog(w.store, paths, self.reviewing.reviewer_name(), w)
        dialog.done.connect(self._merged)
        self.merge_dialog = dialog
        dialog.start()
        return dialog

    def _merged(self, report: Any) -> None:
        w = self.window
        dialog = self.merge_dialog
        self.merge_dialog = None
        bundles, self._after_merge = self._after_merge, []
        if dialog is not None:
            dialog.deleteLater()
        if report is None:
            if dialog is not None and dialog.error:
                show_message(w, "Merge failed", f"{dialog.error}\n\nThis database was left as it was.")
            else:
                w.statusBar().showMessage("Merge cancelled: the database was left as it was.", 8000)
        else:
            w.announce(Changes(traces=True, reviews=True, causes=True, settlements=True))
            reviews = report.total("reviews")
            w.statusBar().showMessage(
                f"Merged {report.total('traces').added:,} new traces and {reviews.added:,} new reviews"
                + (f"  ·  {reviews.conflicts:,} conflicts" if reviews.conflicts else ""), 10000)
            box = MergeReportDialog(report, w)
            box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            box.destroyed.connect(lambda: setattr(self, "report_dialog", None))
            self.report_dialog = box
            box.open()
        if bundles:
            w.import_paths(bundles)

    # -- dropped files ---------------------------------------------------------------------------------

    def accepts_drop(self, paths: list[Path]) -> bool:
        """Whether a drop is welcome: anything on a writable database; review databases
        (to open) on a read-only one."""
        store = self.window.store
        if store is None or not paths:
            return False
        return not store.read_only or all(p.is_file() and is_database_file(p) for p in paths)

    def drop(self, paths: list[Path], shift: bool) -> None:
        """Bundles are imported; a review database is merged (Shift) or asked about."""
        w = self.window
        databases, bundles = split_drop(paths)
        if not databases:
            w.import_paths(bundles)
            return
        writable = w.store is not None and not w.store.read_only
        if shift and writable:
            self._after_merge = bundles
            self.merge(databases)
            return
        self.ask_about(databases, bundles)

    def ask_about(self, databases: list[Path], bundles: list[Path]) -> QMessageBox:
        """Open it, or merge it into this database? (window-modal)"""
        w = self.window
        writable = w.store is not None and not w.store.read_only
        names = ", ".join(p.name for p in databases[:3]) + (f" and {len(databases) - 3} more"
                                                            if len(databases) > 3 else "")
        one = len(databases) == 1
        box = QMessageBox(QMessageBox.Icon.Question, "A review database",
                          f"{names} {'is a review database' if one else 'are review databases'}.", parent=w)
        box.setObjectName("dropDatabaseBox")
        box.setTextFormat(Qt.TextFormat.PlainText)
        info = ("Merge brings its traces and every reviewer's reviews into this database; Open shows it "
                "instead of this one." if one else
                "Merge brings their traces and every reviewer's reviews into this database.")
        if bundles:
            info += f" The {len(bundles)} other files dropped are imported after a merge."
        if not writable:
            info = "This database is open read-only, so nothing can be merged into it."
        box.setInformativeText(f"{info}\n\n{MERGE_TIP}" if writable else info)
        merge_button = box.addButton("Merge Into This Database", QMessageBox.ButtonRole.AcceptRole)
        merge_button.setEnabled(writable)
        open_button = box.addButton("Open It", QMessageBox.ButtonRole.ActionRole) if one else None
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(merge_button if writable else open_button)  # type: ignore[arg-type]
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

        def chosen() -> None:
            clicked = box.clickedButton()
            if clicked is merge_button:
                self._after_merge = bundles
                self.merge(databases)
            elif open_button is not None and clicked is open_button and w.open_database(databases[0]) and bundles:
                w.statusBar().showMessage("The other files dropped were not imported: drop them again to "
                                          "import them into this database.", 10000)

        box.finished.connect(lambda _result: chosen())
        box.destroyed.connect(lambda: setattr(self, "drop_box", None))
        self.drop_box = box
        box.open()
        return box

    # -- disagreements ---------------------------------------------------------------------------------

    def show_disagreements(self) -> None:
        w = self.window
        if w.store is None:
            return
        self.view.set_store(w.store)
        w.show_page(Page.DISAGREEMENTS)  # the page reads the reviews as it is shown

    def settle(self, trace_pk: int, values: dict[str, Any]) -> bool:
        w = self.window
        store = w.store
        if store is None or store.read_only:
            return False
        author = self.reviewing.ensure_reviewer()
        if author is None:
            self.view.show_settle_error("settling needs your name.")
            return False
        try:
            with store.write() as conn:
                settled = settle(conn, trace_pk, author, values["verdict"], cause=values["cause"],
                                 blamed_span_id=values["blamed_span_id"], missing_step=values["missing_step"],
                                 notes=values["notes"])
        except UserError as exc:
            self.view.show_settle_error(str(exc))
            return False
        w.statusBar().showMessage(f"Settled: {settled.verdict}" + (f", {settled.cause}" if settled.cause else "")
                                  + " (Edit › Undo takes it back)", 8000)
        w.announce(Changes.of([trace_pk], settlements=True))
        return True

    def close(self) -> None:
        """The window is closing: stop a share or merge under way."""
        if self.share_dialog is not None:
            self.share_dialog.stop()
        if self.merge_dialog is not None:
            self.merge_dialog.stop()
