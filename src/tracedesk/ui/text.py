"""Showing text that came from a bundle (or names a file) without Qt reading it as HTML,
text cut to a width, and moments in the local time a person reads.

Qt guesses: a tooltip or a message box whose text looks like markup is rendered as
rich text. Bundle content goes through these helpers so that it is always shown as the
characters it holds, in the order it holds them: a bidirectional override or isolate is
shown as its ``\\uXXXX`` escape (:func:`shown`), not obeyed.
"""

from __future__ import annotations

import html
import math
from datetime import datetime

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QWidget

from ..core.text import shown_bidi_controls as shown

TIP_LIMIT = 2000


def elide(text: str, width: int) -> str:
    """``text`` cut to ``width`` characters, the last one "…" when it was cut (as
    :func:`shown`)."""
    return shown(text if len(text) <= width else text[:width - 1] + "…")


def one_line(text: str, width: int) -> str:
    """``text`` on one line (runs of white space made one space), cut to ``width`` characters."""
    return elide(" ".join(text.split()), width)


def local_time(ns: int | None, seconds: bool = False) -> str:
    """A moment (nanoseconds since the epoch) in local time: ``YYYY-MM-DD HH:MM`` (and
    ``:SS`` with ``seconds``); "" for None."""
    if ns is None:
        return ""
    return datetime.fromtimestamp(ns / 1e9).strftime("%Y-%m-%d %H:%M:%S" if seconds else "%Y-%m-%d %H:%M")


def usd_text(x: float | None, none: str = "–") -> str:
    """A cost in US dollars: two decimals from a dollar up, four below ("$0.0123"), and
    below a cent two significant digits ("$0.00052"): a cheap run's cost
    is not rounded to nothing."""
    if x is None:
        return none
    if x >= 1:
        return f"${x:,.2f}"
    if x == 0 or x >= 0.01:
        return f"${x:.4f}"
    return f"${x:.{1 - math.floor(math.log10(x))}f}"


def plain_tip(text: str, limit: int = TIP_LIMIT) -> str:
    """A tooltip showing ``text`` literally (escaped, inside an explicit rich-text wrapper
    so that Qt does not guess)."""
    if not text:
        return ""
    if len(text) > limit:
        text = text[:limit] + "…"
    return f"<qt><div style='white-space: pre-wrap'>{html.escape(shown(text))}</div></qt>"


def show_message(parent: QWidget | None, title: str, text: str,
                 icon: QMessageBox.Icon = QMessageBox.Icon.Warning) -> None:
    """A modal message whose text is shown as plain text."""
    box = QMessageBox(icon, title, text, QMessageBox.StandardButton.Ok, parent)
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.exec()
