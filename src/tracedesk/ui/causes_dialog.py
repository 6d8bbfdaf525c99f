"""The failure-cause taxonomy, edited in a small dialog: add a cause (at the top or below
the selected one), rename it, retire or restore it, nest it below another. Each edit goes
through core, which writes it to the audit log (Edit › Undo reverses it)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ..core import causes
from ..core.errors import UserError
from ..core.store import Store
from .changes import Changes
from .style import muted_text
from .text import plain_tip, show_message

UUID_ROLE = Qt.ItemDataRole.UserRole + 1
TOP_LEVEL = "(at the top, nested in nothing)"


class CausesDialog(QDialog):
    """The taxonomy as a tree; ``changed`` after each edit."""

    changed = Signal()

    def __init__(self, store: Store, author: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("causesDialog")
        self.setWindowTitle("Edit causes")
        self.resize(520, 480)
        self.store = store
        self.author = author
        self.causes: list[causes.CauseInfo] = []
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 14, 16, 12)
        intro = QLabel("The causes reviewers choose from. A retired cause stays on the reviews that have it "
                       "and is offered no more. Every edit can be undone with Edit › Undo.", self)
        intro.setWordWrap(True)
        layout.addWidget(intro)
        row = QHBoxLayout()
        self.tree = QTreeWidget(self)
        self.tree.setObjectName("causesTree")
        self.tree.setHeaderHidden(True)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.currentItemChanged.connect(lambda *_: self._update_buttons())
        row.addWidget(self.tree, 1)
        buttons = QVBoxLayout()
        self.add_button = QPushButton("Add…", self)
        self.add_below_button = QPushButton("Add Below…", self)
        self.rename_button = QPushButton("Rename…", self)
        self.nest_button = QPushButton("Nest Under…", self)
        self.retire_button = QPushButton("Retire", self)
        for button, slot in ((self.add_button, self.add), (self.add_below_button, self.add_below),
                             (self.rename_button, self.rename), (self.nest_button, self.nest),
                             (self.retire_button, self.toggle_retired)):
            button.clicked.connect(slot)
            buttons.addWidget(button)
        buttons.addStretch(1)
        row.addLayout(buttons)
        layout.addLayout(row, 1)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close.rejected.connect(self.reject)
        layout.addWidget(close)
        self.reload()

    # -- reading -------------------------------------------------------------------------------

    def apply_changes(self, changes: Changes, initiator: object) -> None:
        """The taxonomy changed elsewhere (an undo): show it as it is now."""
        if changes.causes and initiator is not self:
            self.reload()

    def reload(self, select: str | None = None) -> None:
        select = select or self.current_uuid()
        with self.store.read() as conn:
            self.causes = causes.list_causes(conn, include_retired=True)
        self.tree.clear()
        items: dict[str, QTreeWidgetItem] = {}
        muted = muted_text(self.palette())
        for cause in self.causes:
            parent = items.get(cause.parent_uuid) if cause.parent_uuid else None
            item = QTreeWidgetItem([cause.name + ("  (retired)" if cause.retired else "")])
            item.setData(0, UUID_ROLE, cause.uuid)
            if cause.description:
                item.setToolTip(0, plain_tip(cause.description))
            if cause.retired:
                item.setForeground(0, muted)
            (parent.addChild(item) if parent is not None else self.tree.addTopLevelItem(item))
            items[cause.uuid] = item
        self.tree.expandAll()
        if select in items:
            self.tree.setCurrentItem(items[select])
        self._update_buttons()

    def current_uuid(self) -> str | None:
        item = self.tree.currentItem()
        return item.data(0, UUID_ROLE) if item is not None else None

    def current(self) -> causes.CauseInfo | None:
        uuid = self.current_uuid()
        return next((c for c in self.causes if c.uuid == uuid), None)

    def _update_buttons(self) -> None:
        cause = self.current()
        for button in (self.add_below_button, self.rename_button, self.nest_button, self.retire_button):
            button.setEnabled(cause is not None)
        self.retire_button.setText("Restore" if cause is not None and cause.retired else "Retire")

    # -- editing -------------------------------------------------------------------------------

    def _edit(self, change: Callable) -> None:
        try:
            with self.store.write() as conn:
                done = change(conn)
        except UserError as exc:
            show_message(self, "The cause was not changed", str(exc))
            return
        self.reload(select=done.uuid if done is not None else None)
        self.changed.emit()

    def _ask_name(self, title: str, label: str, text: str = "") -> str | None:
        name, ok = QInputDialog.getText(self, title, label, text=text)
        return name if ok and name.strip() else None

    def add(self, parent: causes.CauseInfo | None = None) -> None:
        name = self._ask_name("Add a cause", f"Name of the cause below “{parent.full_name}”:" if parent
                              else "Name of the new cause:")
        if name:
            self._edit(lambda conn: causes.add_cause(conn, name, author=self.author,
                                                     parent=parent.uuid if parent else None))

    def add_below(self) -> None:
        cause = self.current()
        if cause is not None:
            self.add(cause)

    def rename(self) -> None:
        cause = self.current()
        if cause is None:
            return
        name = self._ask_name("Rename the cause", f"New name of “{cause.full_name}”:", cause.name)
        if name:
            self._edit(lambda conn: causes.rename_cause(conn, cause.uuid, name, author=self.author))

    def toggle_retired(self) -> None:
        cause = self.current()
        if cause is not None:
            self._edit(lambda conn: causes.retire_cause(conn, cause.uuid, author=self.author,
                                                        retired=not cause.retired))

    def nest(self) -> None:
        cause = self.current()
        if cause is None:
            return
        with self.store.read() as conn:
            below = causes.descendants(conn, {cause.uuid})
        targets = [c for c in self.causes if c.uuid not in below and not c.retired]
        labels = [TOP_LEVEL] + [c.full_name for c in targets]
        current = next((i + 1 for i, c in enumerate(targets) if c.uuid == cause.parent_uuid), 0)
        label, ok = QInputDialog.getItem(self, "Nest the cause", f"Put “{cause.name}” below:", labels, current,
                                         False)
        if not ok:
            return
        parent = None if label == TOP_LEVEL else targets[labels.index(label) - 1].uuid
        self._edit(lambda conn: causes.nest_cause(conn, cause.uuid, parent, author=self.author))
