"""The review panel beside a trace: the verdict, the severity, the cause from the taxonomy,
the step to blame (or a step that is missing), the expected answer edited in place with
its word diff against the actual answer, notes and tags.

The panel shows and collects; it does not write. Each change the reviewer makes leaves
as ``changed`` with the fields it touched (``{"verdict": "failure"}``), and
:class:`~tracedesk.ui.reviewing.ReviewController` saves it through core. Text fields are
handed over when the reviewer leaves them (or presses Esc in the expected answer), not
on every keystroke, so that one edit is one entry of the audit log.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from PySide6.QtCore import QEvent, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QFocusEvent, QKeyEvent, QPalette, QTextOption
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ..core.causes import CauseInfo
from ..core.compare import word_diff
from ..core.reviews import ReviewDraft, ReviewInfo
from ..core.text import text_of
from ..core.verdicts import SEVERITIES, VERDICT_LABELS, VERDICTS
from ..core.views import TraceOutline
from .diff_text import BOTH, DiffView
from .style import ERROR, OK, muted_text, readable_on_base, soft
from .text import plain_tip

ANSWER_CHARS = 200_000  # of a JSON answer turned into text for the editor
LONG_WORD = 1_000  # characters without a space beyond which the editor breaks lines anywhere
VERDICT_KEYS = {"failure": "1", "ok": "2", "unsure": "3"}
VERDICT_COLORS = {"failure": ERROR, "ok": OK, "unsure": "#d97706"}
NO_VALUE = "—"


def answer_text(value: Any, limit: int = ANSWER_CHARS) -> str:
    """An answer (the run's, or an expected one) as text: as it is, or a JSON answer as
    text of at most ``limit`` characters (the editor's default; a comparison takes less)."""
    if value is None:
        return ""
    return value if isinstance(value, str) else text_of(value, limit)


def parse_tags(text: str) -> list[str]:
    return [t for t in (" ".join(part.split()) for part in text.split(",")) if t]


def span_label(outline: TraceOutline | None, span_id: str | None) -> str:
    node = outline.by_span_id.get(span_id) if outline is not None and span_id else None
    if node is None:
        return span_id or ""
    return f"“{node.name or node.span_id}” ({node.kind})"


class _FinishingEditor(QPlainTextEdit):
    """A text editor that says when the reviewer is done with it: on leaving it, and on
    Esc or Ctrl+Enter (which then do not reach the window's shortcuts)."""

    finished = Signal()  # left the field: hand over what changed
    done_requested = Signal()  # Esc or Ctrl+Enter: hand over and give the focus back
    editing = Signal(bool)  # the reviewer is typing in it (True) or has left it
    lines = 5  # tall enough for a short answer; the panel scrolls for more

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        return QSize(240, self.fontMetrics().lineSpacing() * self.lines + 14)

    def focusInEvent(self, event: QFocusEvent) -> None:  # noqa: N802 - Qt's name
        super().focusInEvent(event)
        self.editing.emit(True)

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ShortcutOverride and isinstance(event, QKeyEvent) and self._ends(event):
            event.accept()
            return True
        return super().event(event)

    @staticmethod
    def _ends(event: QKeyEvent) -> bool:
        return event.key() == Qt.Key.Key_Escape or (
            event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
            and bool(event.modifiers() & Qt.KeyboardModifier.ControlModifier))

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt's name
        if self._ends(event):
            self.done_requested.emit()
            return
        super().keyPressEvent(event)

    def focusOutEvent(self, event: QFocusEvent) -> None:  # noqa: N802
        super().focusOutEvent(event)
        # Another window or a context menu took the focus: the reviewer is still editing.
        if event.reason() not in (Qt.FocusReason.ActiveWindowFocusReason, Qt.FocusReason.PopupFocusReason):
            self.editing.emit(False)
            self.finished.emit()


class _DiffBox(DiffView):
    """The word diff: as tall as the expected answer's editor at least (it is what the
    reviewer reads to check an edit), and twice the editor's share of the room the panel
    has to spare. (The panel's height is the sum of these hints: a laptop screen shows it
    without scrolling.)"""

    lines = 4

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        return QSize(240, self.fontMetrics().lineSpacing() * self.lines + 24)


def _section(text: str, parent: QWidget) -> QLabel:
    label = QLabel(text, parent)
    font = label.font()
    font.setBold(True)
    label.setFont(font)
    return label


class ReviewPanel(QWidget):
    """The reviewer's review of the open trace."""

    changed = Signal(dict)  # {field: value} the reviewer changed
    blame_requested = Signal()  # blame the step selected in the tree
    missing_requested = Signal(bool)  # a step is missing (where: the selected step, if any)
    edit_causes_requested = Signal()
    history_requested = Signal()
    editing_done = Signal()  # Esc in the expected answer: the focus may go back to the steps
    blame_shown = Signal(object, str)  # the span id blamed (or None) and "blamed by alice", for the tree

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("reviewPanel")
        self.outline: TraceOutline | None = None
        self.actual_text = ""
        self._expected_shown = ""  # the editor's text as last loaded or handed over
        # Where the editor's text comes from when the review has no expected answer yet (the
        # correction sent with the feedback, the run's answer): shown, but not saved until
        # the reviewer keeps it (E, then Esc) or edits it. None: the text is the review's.
        self._suggested_from: str | None = None
        self._notes_shown = ""
        self._tags_shown: list[str] = []
        self._blamed: str | None = None
        self._missing = False
        self._reviewer: str | None = None
        self._loading = False
        self._restyling = False
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(0)
        self.scroll = QScrollArea(self)
        self.scroll.setObjectName("reviewScroll")
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        outer.addWidget(self.scroll)
        body = QWidget(self.scroll)
        body.setObjectName("reviewBody")
        self.scroll.setWidget(body)
        layout = QVBoxLayout(body)
        layout.setContentsMargins(12, 10, 12, 12)
        layout.setSpacing(6)

        top = QHBoxLayout()
        title = _section("Review", body)
        font = title.font()
        font.setPointSizeF(font.pointSizeF() * 1.15)
        title.setFont(font)
        top.addWidget(title, 1)
        self.history_button = QToolButton(body)
        self.history_button.setText("History…")
        self.history_button.setToolTip("Every change to the reviews of this trace (Ctrl+H)")
        self.history_button.setAutoRaise(True)
        self.history_button.clicked.connect(self.history_requested)
        top.addWidget(self.history_button)
        layout.addLayout(top)
        self.status = QLabel(body)
        self.status.setObjectName("reviewStatus")
        self.status.setWordWrap(True)
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        layout.addWidget(self.status)

        layout.addWidget(_section("Verdict", body))
        row = QHBoxLayout()
        row.setSpacing(4)
        self.verdict_group = QButtonGroup(self)
        self.verdict_buttons: dict[str, QPushButton] = {}
        for verdict in VERDICTS:
            button = QPushButton(f"{VERDICT_LABELS[verdict].capitalize()}  {VERDICT_KEYS[verdict]}", body)
            button.setObjectName(f"verdict_{verdict}")
            button.setCheckable(True)
            button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
            button.setToolTip(f"The verdict: {VERDICT_LABELS[verdict]} ({VERDICT_KEYS[verdict]})")
            button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
            button.clicked.connect(lambda _=False, v=verdict: self._emit({"verdict": v}))
            self.verdict_group.addButton(button)
            self.verdict_buttons[verdict] = button
            row.addWidget(button)
        layout.addLayout(row)

        form = QFormLayout()
        form.setContentsMargins(0, 6, 0, 0)
        form.setHorizontalSpacing(8)
        form.setVerticalSpacing(6)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.severity = QComboBox(body)
        self.severity.setObjectName("reviewSeverity")
        self.severity.addItem(NO_VALUE, None)
        for severity in SEVERITIES:
            self.severity.addItem(severity, severity)
        self.severity.activated.connect(lambda _i: self._emit({"severity": self.severity.currentData()}))
        form.addRow("Severity", self.severity)
        cause_row = QHBoxLayout()
        cause_row.setSpacing(4)
        self.cause = QComboBox(body)
        self.cause.setObjectName("reviewCause")
        self.cause.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.cause.setMinimumContentsLength(12)
        self.cause.setToolTip("Why it failed, from the taxonomy (C)")
        self.cause.activated.connect(lambda _i: self._emit({"cause": self.cause.currentData()}))
        cause_row.addWidget(self.cause, 1)
        self.edit_causes = QToolButton(body)
        self.edit_causes.setText("Edit causes…")
        self.edit_causes.setToolTip("Add, rename, retire or nest causes")
        self.edit_causes.clicked.connect(self.edit_causes_requested)
        cause_row.addWidget(self.edit_causes)
        form.addRow("Cause", cause_row)
        layout.addLayout(form)

        layout.addSpacing(4)
        layout.addWidget(_section("Step to blame", body))
        blame_row = QHBoxLayout()
        self.blamed_label = QLabel(body)
        self.blamed_label.setObjectName("blamedStep")
        self.blamed_label.setTextFormat(Qt.TextFormat.PlainText)
        self.blamed_label.setWordWrap(True)
        blame_row.addWidget(self.blamed_label, 1)
        self.clear_blame = QToolButton(body)
        self.clear_blame.setText("Clear")
        self.clear_blame.setAutoRaise(True)
        self.clear_blame.setToolTip("Blame no step")
        self.clear_blame.clicked.connect(self._clear_blame)
        blame_row.addWidget(self.clear_blame)
        layout.addLayout(blame_row)
        blame_buttons = QHBoxLayout()
        self.blame_button = QPushButton("Blame the selected step  B", body)
        self.blame_button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        self.blame_button.setToolTip("Blame the step selected in the tree (B)")
        self.blame_button.clicked.connect(self.blame_requested)
        blame_buttons.addWidget(self.blame_button)
        self.missing = QCheckBox("A step is missing", body)
        self.missing.setToolTip("The failure is a step the agent did not take; the selected step, if any, "
                                "is where it belonged (Shift+B)")
        self.missing.clicked.connect(lambda checked: self.missing_requested.emit(checked))
        blame_buttons.addWidget(self.missing)
        blame_buttons.addStretch(1)
        layout.addLayout(blame_buttons)

        layout.addSpacing(4)
        expected_head = QHBoxLayout()
        expected_head.addWidget(_section("Expected answer", body))
        self.editing_note = QLabel("✎ Editing: Esc when done", body)
        self.editing_note.setObjectName("editingNote")
        self.editing_note.setTextFormat(Qt.TextFormat.PlainText)
        self.editing_note.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.editing_note.setToolTip("Esc or Ctrl+Enter ends the editing and saves the expected answer")
        self.editing_note.hide()
        expected_head.addWidget(self.editing_note, 1)
        layout.addLayout(expected_head)
        self.expected_note = QLabel(body)
        self.expected_note.setObjectName("expectedNote")
        self.expected_note.setWordWrap(True)
        self.expected_note.setTextFormat(Qt.TextFormat.PlainText)
        layout.addWidget(self.expected_note)
        self.expected = _FinishingEditor(body)
        self.expected.setObjectName("expectedEditor")
        self.expected.setPlaceholderText("The answer the agent should have given (E to edit, Esc when done)")
        self.expected.setTabChangesFocus(True)
        self.expected.lines = 4
        self.expected.setMinimumHeight(self.fontMetrics().lineSpacing() * 2 + 14)
        self.expected.editing.connect(self._show_editing)
        self.expected.finished.connect(self.commit_text)
        self.expected.done_requested.connect(self._expected_done)
        self.expected.textChanged.connect(self._schedule_diff)
        self.expected.textChanged.connect(self._expected_edited)
        layout.addWidget(self.expected, 1)
        diff_head = QHBoxLayout()
        self.diff_caption = QLabel("Word diff", body)
        self.diff_caption.setObjectName("diffCaption")
        self.diff_caption.setToolTip("The expected answer against the run's answer, word by word")
        diff_head.addWidget(self.diff_caption)
        self.diff_summary = QLabel(body)
        self.diff_summary.setObjectName("diffSummary")
        self.diff_summary.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        diff_head.addWidget(self.diff_summary, 1)
        layout.addLayout(diff_head)
        self.diff = _DiffBox(BOTH, body)
        self.diff.setObjectName("expectedDiff")
        self.diff.setToolTip("The expected answer against the run's: struck red is what the run said, green what "
                             "it should have said")
        self.diff.setMinimumHeight(self.fontMetrics().lineSpacing() * 2 + 24)
        layout.addWidget(self.diff, 2)
        self._diff_timer = QTimer(self)
        self._diff_timer.setSingleShot(True)
        self._diff_timer.setInterval(150)
        self._diff_timer.timeout.connect(self.update_diff)

        layout.addSpacing(4)
        layout.addWidget(_section("Notes", body))
        self.notes = _FinishingEditor(body)
        self.notes.setObjectName("reviewNotes")
        self.notes.setPlaceholderText("Anything worth knowing about this failure")
        self.notes.setTabChangesFocus(True)
        self.notes.lines = 3
        self.notes.setMinimumHeight(self.fontMetrics().lineSpacing() * 2 + 14)
        self.notes.finished.connect(self.commit_text)
        self.notes.done_requested.connect(self._editing_done)
        layout.addWidget(self.notes, 1)
        tags_form = QFormLayout()
        tags_form.setContentsMargins(0, 4, 0, 0)
        self.tags = QLineEdit(body)
        self.tags.setObjectName("reviewTags")
        self.tags.setPlaceholderText("comma, separated")
        self.tags.setClearButtonEnabled(True)
        self.tags.editingFinished.connect(self.commit_text)
        tags_form.addRow("Tags", self.tags)
        layout.addLayout(tags_form)
        self.others = QLabel(body)
        self.others.setObjectName("otherReviews")
        self.others.setWordWrap(True)
        self.others.setTextFormat(Qt.TextFormat.PlainText)
        layout.addWidget(self.others)
        layout.addStretch(0)
        self.restyle()
        self.clear()

    # -- showing -----------------------------------------------------------------------------

    def clear(self) -> None:
        self._loading = True
        self.outline = None
        self.actual_text = ""
        self.show_verdict(None)
        self.severity.setCurrentIndex(0)
        self.cause.setCurrentIndex(0 if self.cause.count() else -1)
        self._blamed, self._missing = None, False
        self._show_blame()
        self._set_expected("")
        self._show_suggestion(None)
        self.notes.setPlainText("")
        self._notes_shown = ""
        self.tags.setText("")
        self._tags_shown = []
        self.others.setText("")
        self.status.setText("")
        self.diff.set_placeholder("")
        self.diff_summary.setText("")
        self._loading = False

    def show_draft(self, outline: TraceOutline, draft: ReviewDraft, causes: list[CauseInfo],
                   others: list[ReviewInfo], reviewer: str | None) -> None:
        """Show ``reviewer``'s review of the trace (or a new one: no verdict yet)."""
        self._loading = True
        self.outline = outline
        self._reviewer = reviewer
        existing = draft.existing
        data = draft.input
        self.actual_text = answer_text(draft.actual)
        self.show_verdict(data.verdict if existing is not None else None)
        self.severity.setCurrentIndex(max(0, self.severity.findData(data.severity)) if existing else 0)
        self.set_causes(causes, existing.cause_uuid if existing else None,
                        existing.cause if existing else None)
        self._blamed = data.blamed_span_id if existing else None
        self._missing = bool(data.missing_step) if existing else False
        self._show_blame()
        self._set_expected(answer_text(draft.expected_start))
        self._show_suggestion(None if draft.expected_origin == "review" or not self._expected_shown
                              else {"correction": "the correction sent with the feedback",
                                    "actual": "the run's answer"}[draft.expected_origin])
        self._notes_shown = (data.notes or "") if existing else ""
        self.notes.setPlainText(self._notes_shown)
        self._tags_shown = list(data.tags) if existing else []
        self.tags.setText(", ".join(self._tags_shown))
        self.show_status(existing, reviewer)
        other = [r for r in others if r.reviewer != reviewer]
        self.others.setText("Also reviewed by " + "; ".join(
            f"{r.reviewer}: {VERDICT_LABELS[r.verdict]}" + (f", {r.cause}" if r.cause else "") for r in other)
            if other else "")
        self.update_diff()
        self._loading = False

    def show_status(self, review: ReviewInfo | None, reviewer: str | None, error: str | None = None) -> None:
        palette = self.status.palette()
        if error:
            palette.setColor(QPalette.ColorRole.WindowText, readable_on_base(QColor(ERROR), self.palette()))
            self.status.setText(error)
        else:
            palette.setColor(QPalette.ColorRole.WindowText, muted_text(self.palette()))
            if review is None:
                self.status.setText("Not reviewed yet: 1, 2 or 3 gives the verdict and saves the review.")
            else:
                when = datetime.fromtimestamp(review.updated_ns / 1e9).strftime("%Y-%m-%d %H:%M:%S")
                self.status.setText(f"Reviewed by {review.reviewer}, saved {when}. Every change is saved; "
                                    "Ctrl+Z undoes it.")
        self.status.setPalette(palette)

    def offer_causes(self, causes: list[CauseInfo]) -> None:
        """The causes offered, read again after the taxonomy changed (the one chosen stays)."""
        self.set_causes(causes, self.cause.currentData(), self.cause.currentText().strip())

    def open_causes(self) -> None:
        """C: the list of causes, open, with the keyboard in it."""
        self.scroll.ensureWidgetVisible(self.cause)
        self.cause.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.cause.showPopup()

    def set_causes(self, causes: list[CauseInfo], current_uuid: str | None, current_name: str | None = None) -> None:
        """The causes offered, in tree order, nested ones indented; a retired cause the
        review has is shown too."""
        self.cause.blockSignals(True)
        self.cause.clear()
        self.cause.addItem(NO_VALUE, None)
        for cause in causes:
            self.cause.addItem("    " * cause.depth + cause.name, cause.uuid)
            index = self.cause.count() - 1
            self.cause.setItemData(index, plain_tip(cause.full_name + (f"\n\n{cause.description}"
                                                                       if cause.description else "")),
                                   Qt.ItemDataRole.ToolTipRole)
        if current_uuid and self.cause.findData(current_uuid) < 0:
            self.cause.addItem(f"{current_name or current_uuid} (retired)", current_uuid)
        self.cause.setCurrentIndex(max(0, self.cause.findData(current_uuid)) if current_uuid else 0)
        self.cause.blockSignals(False)

    def show_verdict(self, verdict: str | None) -> None:
        self.verdict_group.setExclusive(False)
        for name, button in self.verdict_buttons.items():
            button.setChecked(name == verdict)
        self.verdict_group.setExclusive(True)

    def verdict(self) -> str | None:
        return next((name for name, button in self.verdict_buttons.items() if button.isChecked()), None)

    def set_blame(self, span_id: str | None, missing: bool) -> None:
        self._blamed, self._missing = span_id, missing
        self._show_blame()

    def _show_blame(self) -> None:
        where = span_label(self.outline, self._blamed)
        if self._missing:
            text = f"A step is missing (it belonged near {where})" if where else "A step is missing"
        else:
            text = where or "No step blamed"
        self.blamed_label.setText(text)
        self.missing.setChecked(self._missing)
        self.clear_blame.setEnabled(bool(self._blamed or self._missing))
        blamed = self._blamed if self.outline is not None and not self._missing else None
        self.blame_shown.emit(blamed, f"blamed by {self._reviewer}" if self._reviewer else "blamed in this review")

    def _clear_blame(self) -> None:
        self.set_blame(None, False)  # the label and the tree's mark at once, not at the next reload
        self._emit({"blamed_span_id": None, "missing_step": False})

    def blamed(self) -> tuple[str | None, bool]:
        return self._blamed, self._missing

    # -- the expected answer ---------------------------------------------------------------------

    def _schedule_diff(self) -> None:
        self._diff_timer.start()

    def update_diff(self) -> None:
        self._diff_timer.stop()
        text = self.expected.toPlainText()
        if not text and not self.actual_text:
            self.diff.set_placeholder("The run gave no answer; write the one it should have given above.")
            self.diff_summary.setText("")
            return
        segments = word_diff(self.actual_text, text)
        self.diff.set_diff(segments)
        changes, before = 0, "equal"
        for segment in segments:  # a run of deleted and inserted words is one change
            if segment.op != "equal" and before == "equal":
                changes += 1
            before = segment.op
        self.diff_summary.setText("same as the actual answer" if not changes
                                  else f"{changes} change{'s' if changes != 1 else ''} to the actual answer")

    def edit_expected(self) -> None:
        """e: into the expected answer, the cursor at its end."""
        self.scroll.ensureWidgetVisible(self.expected)
        self.expected.setFocus(Qt.FocusReason.ShortcutFocusReason)
        cursor = self.expected.textCursor()
        cursor.movePosition(cursor.MoveOperation.End)
        self.expected.setTextCursor(cursor)

    def _editing_done(self) -> None:
        self.commit_text()
        self.editing_done.emit()

    def _show_editing(self, editing: bool) -> None:
        """While the reviewer types in the expected answer, a note says so and the editor
        has the highlight colour's border: E then Esc is a mode, and a mode shows."""
        self.editing_note.setVisible(editing)
        self.expected.setProperty("editing", editing)
        self.expected.style().unpolish(self.expected)
        self.expected.style().polish(self.expected)

    def _expected_done(self) -> None:
        """Esc in the expected answer: a suggestion left as it is, the reviewer keeps."""
        if self._suggested_from is not None and not self._loading and self.outline is not None:
            text = self.expected.toPlainText()
            if text == self._expected_shown:
                self._show_suggestion(None)
                self.changed.emit({"expected": text})
        self._editing_done()

    def _set_expected(self, text: str) -> None:
        self._expected_shown = text
        # A word longer than a line (a hash, base64, minified JSON) is broken anywhere:
        # breaking only between words lays such a text out in time that grows with the
        # square of its length (a minute and a half for 1 MB).
        longest = max((len(word) for word in text.split()), default=0)
        self.expected.setWordWrapMode(QTextOption.WrapMode.WrapAnywhere if longest > LONG_WORD
                                      else QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        self.expected.setPlainText(text)

    def _show_suggestion(self, origin: str | None) -> None:
        self._suggested_from = origin
        self.expected_note.setVisible(origin is not None)
        if origin is not None:
            self.expected_note.setText(f"Suggested from {origin}, not saved: E then Esc keeps it as the "
                                       "expected answer, or edit it.")
        self._grey_suggestion()

    def _grey_suggestion(self) -> None:
        """A suggestion's text in the muted colour; the reviewer's own in the usual one (an
        empty palette: every colour from the panel's, so that it follows the theme)."""
        palette = QPalette()
        if self._suggested_from is not None:
            palette.setColor(QPalette.ColorRole.Text, muted_text(self.palette()))
        self.expected.setPalette(palette)

    def _expected_edited(self) -> None:
        if self._suggested_from is not None and not self._loading \
                and self.expected.toPlainText() != self._expected_shown:
            self._show_suggestion(None)  # the reviewer's own now: saved on leaving the field

    # -- handing changes over ---------------------------------------------------------------------

    def _emit(self, changes: dict[str, Any]) -> None:
        if not self._loading:
            self.changed.emit(changes)

    def text_changes(self) -> dict[str, Any]:
        """What the text fields say that was not handed over yet."""
        changes: dict[str, Any] = {}
        expected = self.expected.toPlainText()
        if expected != self._expected_shown:
            changes["expected"] = expected if expected.strip() else None
        notes = self.notes.toPlainText()
        if notes.strip() != self._notes_shown.strip():
            changes["notes"] = notes
        tags = parse_tags(self.tags.text())
        if tags != self._tags_shown:
            changes["tags"] = tags
        return changes

    def commit_text(self) -> None:
        """Hand over the text fields' changes (leaving a field, the trace or the window)."""
        if self._loading or self.outline is None:
            return
        changes = self.text_changes()
        if not changes:
            return
        self.mark_text_saved(changes)
        self.changed.emit(changes)

    def mark_text_saved(self, changes: dict[str, Any]) -> None:
        if "expected" in changes:
            self._expected_shown = self.expected.toPlainText()
            self._show_suggestion(None)
        if "notes" in changes:
            self._notes_shown = self.notes.toPlainText()
        if "tags" in changes:
            self._tags_shown = parse_tags(self.tags.text())
            self.tags.setText(", ".join(self._tags_shown))

    # -- colours -----------------------------------------------------------------------------------

    def restyle(self) -> None:
        if self._restyling:
            return
        self._restyling = True
        try:
            self._restyle()
        finally:
            self._restyling = False

    def _restyle(self) -> None:
        palette = self.palette()
        rules = []
        for verdict, color in VERDICT_COLORS.items():
            hue = QColor(color)
            rules.append(f"QPushButton#verdict_{verdict}:checked {{ background: {soft(hue, palette, 0.3).name()}; "
                         f"color: {readable_on_base(hue, palette).name()}; font-weight: bold; "
                         f"border: 1px solid {hue.name()}; border-radius: 4px; padding: 4px 6px; }}")
        accent = readable_on_base(palette.color(QPalette.ColorRole.Highlight), palette)
        self.setStyleSheet("\n".join(rules) + "\nQPlainTextEdit#expectedEditor, QPlainTextEdit#reviewNotes, "
                           "QTextBrowser#expectedDiff { border: 1px solid palette(mid); border-radius: 4px; }"
                           f"\nQPlainTextEdit#expectedEditor[editing=\"true\"] {{ border: 2px solid {accent.name()}; }}"
                           f"\nQLabel#editingNote {{ color: {accent.name()}; font-weight: bold; }}")
        muted = muted_text(palette)
        for label in (self.diff_summary, self.others, self.expected_note, self.diff_caption):
            label_palette = label.palette()
            label_palette.setColor(QPalette.ColorRole.WindowText, muted)
            label.setPalette(label_palette)
        self.diff.restyle()
        self._grey_suggestion()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt's name
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange and hasattr(self, "others"):
            self.restyle()
