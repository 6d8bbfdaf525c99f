"""Queue › What Reviews Taught: how far the queue trusts each kind of signal, from the
detectors' table and from the verdicts given in this database, with a button to forget
what the verdicts taught (a view over :mod:`tracedesk.core.learning`)."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ..core import learning, queue
from ..core.store import Store
from .style import signal_label

COLUMNS = ("Signal", "Table expected", "Verdicts here", "Trusted here")


class LearnedDialog(QDialog):
    """The learned precision of every kind of signal; Forget sets the verdicts aside."""

    forgotten = Signal()  # the queue's priorities changed

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.confirm_box: QMessageBox | None = None  # the question Forget asks, while it is open
        self.setWindowTitle("What Reviews Taught the Queue")
        self.setObjectName("learnedDialog")
        layout = QVBoxLayout(self)
        intro = QLabel(
            "Every verdict is a label. A reviewed trace judged a failure confirms its strongest signal; judged "
            "ok, it refutes it. The queue ranks the traces not yet reviewed with what that taught it, and flags "
            "those that give an answer already judged a failure.")
        intro.setTextFormat(Qt.TextFormat.PlainText)
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.table = QTableWidget(0, len(COLUMNS), self)
        self.table.setHorizontalHeaderLabels(COLUMNS)
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        layout.addWidget(self.table, 1)
        self.echoes_label = QLabel(self)
        self.echoes_label.setWordWrap(True)
        layout.addWidget(self.echoes_label)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.forget_button = QPushButton("&Forget What Reviews Taught", self)
        self.forget_button.setToolTip("Rank by the detectors' table again; later verdicts teach the queue anew.")
        buttons.addButton(self.forget_button, QDialogButtonBox.ButtonRole.ResetRole)
        buttons.rejected.connect(self.reject)
        self.forget_button.clicked.connect(self._forget)
        layout.addWidget(buttons)
        self.resize(620, 460)
        self.reload()

    def reload(self) -> None:
        with self.store.read() as conn:
            counted = learning.count_verdicts(conn)
            echoes = len(learning.echoes(conn))
        self.echoes_label.setText(
            f"Traces that give, word for word, an answer judged a failure on another trace: "
            f"{echoes:,}. They are in the queue as \u201c{signal_label('like_failure')}\u201d.")
        self.table.setRowCount(len(counted))
        for row, found in enumerate(counted.values()):
            trusted = f"{found.precision:.0%}" if found.reviewed else "—"
            for column, text in enumerate((signal_label(found.kind), f"{found.prior:.0%}", found.basis, trusted)):
                item = QTableWidgetItem(text)
                if column in (1, 3):
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.table.setItem(row, column, item)
        self.forget_button.setEnabled(not self.store.read_only and any(f.reviewed for f in counted.values()))

    def _forget(self) -> None:
        self.confirm_box = QMessageBox(
            QMessageBox.Icon.Question, "Forget what reviews taught?",
            "The queue will rank by the detectors' table alone. The reviews stay as they are; only the queue "
            "stops learning from those given so far.",
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, self)
        answer = self.confirm_box.exec()
        self.confirm_box = None
        if answer != QMessageBox.StandardButton.Yes:
            return
        with self.store.write() as conn:
            queue.forget_learning(conn)
        self.reload()
        self.forgotten.emit()
