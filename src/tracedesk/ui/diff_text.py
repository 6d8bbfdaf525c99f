"""Word diffs on screen: what one run (or the expected answer) says that the other does
not, highlighted in the text.

The segments come from :func:`tracedesk.core.compare.word_diff`. Their text comes from
bundles, so it is escaped before it goes into the document's HTML: nothing in it is
read as markup and nothing is fetched.
"""

from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPalette, QTextDocument
from PySide6.QtWidgets import QTextBrowser, QWidget

from ..core.compare import DiffSegment
from ..core.text import shown_bidi_controls
from .style import ERROR, OK, muted_text, readable_on_base, soft

SIDE_A, SIDE_B, BOTH = "a", "b", "both"
DIFF_CHARS = 60_000  # of one side shown; the rest is left out with a note


def diff_colors(palette: QPalette) -> dict[str, tuple[QColor, QColor]]:
    """``{op: (background, text)}`` for deleted (only in A) and inserted (only in B) words."""
    return {"delete": (soft(QColor(ERROR), palette, 0.24), readable_on_base(QColor(ERROR), palette)),
            "insert": (soft(QColor(OK), palette, 0.26), readable_on_base(QColor(OK), palette))}


def diff_html(segments: list[DiffSegment], side: str, palette: QPalette) -> str:
    """The segments as escaped HTML: side A shows the equal and deleted words, side B the
    equal and inserted ones, BOTH all of them (deletions struck through)."""
    colors = diff_colors(palette)
    text = palette.color(QPalette.ColorRole.Text).name()
    parts: list[str] = []
    shown = 0
    for segment in segments:
        if (segment.op == "delete" and side == SIDE_B) or (segment.op == "insert" and side == SIDE_A):
            continue
        if shown >= DIFF_CHARS:
            parts.append(f"<span style='color:{muted_text(palette).name()}'><i>\n… the rest is left out</i></span>")
            break
        piece = segment.text[:DIFF_CHARS - shown]
        shown += len(piece)
        escaped = html.escape(shown_bidi_controls(piece))
        if segment.op == "equal":
            parts.append(escaped)
            continue
        background, foreground = colors[segment.op]
        strike = "text-decoration: line-through;" if segment.op == "delete" and side == BOTH else ""
        parts.append(f"<span style='background-color:{background.name()}; color:{foreground.name()}; {strike}'>"
                     f"{escaped}</span>")
    return (f"<div style='white-space: pre-wrap; color:{text}'>{''.join(parts)}</div>")


def changed_words(segments: list[DiffSegment], side: str) -> list[str]:
    """The highlighted pieces of one side, as a person would point at them."""
    op = "delete" if side == SIDE_A else "insert"
    return [s.text.strip() for s in segments if s.op == op and s.text.strip()]


class DiffView(QTextBrowser):
    """One side of a word diff (or both at once), read-only; a placeholder when there is
    nothing on this side (a step the run skipped)."""

    def __init__(self, side: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("diffView")
        self.side = side
        self.segments: list[DiffSegment] = []
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.setUndoRedoEnabled(False)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse
                                     | Qt.TextInteractionFlag.TextSelectableByKeyboard)
        self.document().setDocumentMargin(10)

    def set_diff(self, segments: list[DiffSegment]) -> None:
        self.segments = segments
        document = QTextDocument(self)
        document.setDefaultFont(self.font())
        document.setDocumentMargin(10)
        document.setUndoRedoEnabled(False)
        document.setHtml(diff_html(segments, self.side, self.palette()))
        self.setDocument(document)

    def set_placeholder(self, message: str) -> None:
        """A muted, italic note in place of a text (escaped as well)."""
        self.segments = []
        document = QTextDocument(self)
        document.setDefaultFont(self.font())
        document.setDocumentMargin(10)
        document.setHtml(f"<div style='color:{muted_text(self.palette()).name()}'><i>{html.escape(message)}</i></div>")
        self.setDocument(document)

    def highlighted(self) -> list[str]:
        return changed_words(self.segments, SIDE_B if self.side == SIDE_B else SIDE_A)

    def restyle(self) -> None:
        if self.segments:
            self.set_diff(self.segments)
