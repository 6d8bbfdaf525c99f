"""The keyboard help (?): every menu action with its shortcut, read from the menus
themselves so that the list can never disagree with what the keys do."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QMenuBar,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)


def menu_shortcuts(menu_bar: QMenuBar) -> list[tuple[str, list[tuple[str, str]]]]:
    """``[(menu title, [(action text, shortcut), ...]), ...]`` for the actions with a shortcut."""
    out = []
    for top in menu_bar.actions():
        menu = top.menu()
        if menu is None:
            continue
        rows = []
        for action in menu.actions():
            if action.isSeparator() or action.menu() is not None:
                continue
            keys = [k.toString(QKeySequence.SequenceFormat.NativeText) for k in action.shortcuts()]
            keys = [k for k in keys if k]
            if keys:
                rows.append((action.text().replace("&&", "\0").replace("&", "").replace("\0", "&")
                             .rstrip("…").strip(), "  or  ".join(keys)))
        if rows:
            out.append((top.text().replace("&", ""), rows))
    return out


class ShortcutsDialog(QDialog):
    def __init__(self, menu_bar: QMenuBar, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("shortcutsDialog")
        self.setWindowTitle("Keyboard shortcuts")
        self.resize(520, 560)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 14, 16, 12)
        intro = QLabel("Everything in Tracedesk can be done from the keyboard. In the queue, "
                       "j and k (or the arrows) move and Enter opens the trace; in a trace, "
                       "j and k go to the next and previous trace of the queue; in the list of disagreements, "
                       "they move in the list. In the search box, "
                       "Enter or ↓ goes to the traces found and Esc clears the search.", self)
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.tree = QTreeWidget(self)
        self.tree.setColumnCount(2)
        self.tree.setHeaderLabels(["Action", "Keys"])
        self.tree.setRootIsDecorated(False)
        self.tree.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.tree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.tree.header().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.tree.header().setStretchLastSection(False)
        for title, rows in menu_shortcuts(menu_bar):
            group = QTreeWidgetItem([title, ""])
            font = group.font(0)
            font.setBold(True)
            group.setFont(0, font)
            group.setFirstColumnSpanned(True)
            self.tree.addTopLevelItem(group)
            group.setFirstColumnSpanned(True)
            for text, keys in rows:
                self.tree.addTopLevelItem(QTreeWidgetItem([f"    {text}", keys]))
        layout.addWidget(self.tree, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def entries(self) -> list[tuple[str, str]]:
        return [(self.tree.topLevelItem(i).text(0).strip(), self.tree.topLevelItem(i).text(1))
                for i in range(self.tree.topLevelItemCount())]


def add_action(parent: QWidget, text: str, slot, shortcut: str | QKeySequence | list | None = None,
               tip: str | None = None, context: Qt.ShortcutContext = Qt.ShortcutContext.WindowShortcut) -> QAction:
    action = QAction(text, parent)
    if isinstance(shortcut, list):
        action.setShortcuts([QKeySequence(s) for s in shortcut])
    elif shortcut is not None:
        action.setShortcut(QKeySequence(shortcut))
    action.setShortcutContext(context)
    if tip:
        action.setStatusTip(tip)
        action.setToolTip(tip)
    action.triggered.connect(slot)
    parent.addAction(action)
    return action
