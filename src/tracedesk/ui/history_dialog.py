"""The audit log in a dialog: who changed which review or cause, when, and what changed
(each field before and after), newest first; undone changes are marked."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ..core.audit import AuditRecord, field_name
from .style import muted_text
from .text import local_time, plain_tip


def _short(value: Any, width: int = 80) -> str:
    text = " ".join(str(value).split()) if value is not None else "—"
    return text if len(text) <= width else text[:width - 1] + "…"


class HistoryDialog(QDialog):
    def __init__(self, entries: list[AuditRecord], title: str, parent: QWidget | None = None,
                 cause_names: dict[str, str] | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("historyDialog")
        self.setWindowTitle("History")
        self.resize(760, 460)
        names = cause_names or {}
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 14, 16, 12)
        heading = QLabel(title, self)
        heading.setWordWrap(True)
        heading.setTextFormat(Qt.TextFormat.PlainText)
        layout.addWidget(heading)
        self.tree = QTreeWidget(self)
        self.tree.setObjectName("historyTree")
        self.tree.setColumnCount(4)
        self.tree.setHeaderLabels(["When", "Who", "What", "Changed"])
        header = self.tree.header()
        for column in (0, 1, 2):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        muted = muted_text(self.palette())
        for entry in entries:
            changes = entry.changes()
            summary = ", ".join(field_name(k) for k, _, _ in changes)
            what = entry.describe() + ("  (undone)" if entry.undone else "")
            item = QTreeWidgetItem([local_time(entry.time_ns, seconds=True), entry.author or "—", what, summary])
            if entry.undone or entry.action == "undo":
                for column in range(4):
                    item.setForeground(column, muted)
            for key, old, new in changes:
                if key == "cause_uuid" or key == "parent_uuid":
                    old, new = names.get(old, old), names.get(new, new)
                child = QTreeWidgetItem(["", "", field_name(key), f"{_short(old)}  →  {_short(new)}"])
                child.setToolTip(3, plain_tip(f"before: {old}\n\nafter: {new}"))
                child.setForeground(2, muted)
                item.addChild(child)
            self.tree.addTopLevelItem(item)
        if not entries:
            empty = QTreeWidgetItem(["", "", "Nothing changed yet.", ""])
            empty.setFlags(Qt.ItemFlag.NoItemFlags)
            self.tree.addTopLevelItem(empty)
        layout.addWidget(self.tree, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def rows(self) -> list[tuple[str, str, str]]:
        """(who, what, changed) of each entry, newest first."""
        return [(self.tree.topLevelItem(i).text(1), self.tree.topLevelItem(i).text(2),
                 self.tree.topLevelItem(i).text(3)) for i in range(self.tree.topLevelItemCount())]
