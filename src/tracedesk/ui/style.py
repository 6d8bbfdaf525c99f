"""Colours, fonts and icons, all derived from the current palette so that the window
follows the system's light or dark theme. The small icons are drawn with QPainter, crisp
at any scale; the app's own icon is an SVG in resources/ that the desktop shares."""

from __future__ import annotations

from functools import cache

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontDatabase,
    QGuiApplication,
    QIcon,
    QPainter,
    QPainterPath,
    QPalette,
    QPen,
    QPixmap,
)

from ..resources import resource_path

# Hues of the span kinds and of the signals (saturated enough for both themes).
KIND_COLORS = {
    "llm": "#7c5cff",
    "tool": "#e08a1e",
    "retrieval": "#1f9d8a",
    "embedding": "#3d8bd9",
    "agent": "#4a6fa5",
    "chain": "#8a8f98",
    "guardrail": "#c0508a",
    "other": "#8a8f98",
}
KIND_LETTERS = {"llm": "L", "tool": "T", "retrieval": "R", "embedding": "E", "agent": "A", "chain": "C",
                "guardrail": "G", "other": "·"}
SIGNAL_COLORS = {
    "thumbs_down": "#d64545",
    "low_rating": "#d64545",
    "correction": "#c2410c",
    "negative_comment": "#d9534f",
    "failed_eval": "#b91c1c",
    "escalation": "#db2777",
    "frustration": "#e11d48",
    "taken_back": "#be123c",
    "rephrase": "#d97706",
    "abandonment": "#a16207",
    "error_swallowed": "#dc2626",
    "empty_retrieval": "#0d9488",
    "ungrounded": "#0e7490",
    "off_topic": "#9a6b00",
    "loop": "#7c3aed",
    "outlier": "#6b7280",
    # Agent runs: colours of the chat signals they resemble.
    "limit_reached": "#b45309",
    "tests_failed": "#b91c1c",
    "repeated_command": "#7c3aed",
    "error_ignored": "#dc2626",
    "handoff": "#db2777",
    "no_answer": "#a16207",
    "like_failure": "#9d174d",
    "positive_feedback": "#16a34a",
}
SIGNAL_LABELS = {
    "thumbs_down": "thumbs down",
    "low_rating": "low rating",
    "negative_comment": "negative comment",
    "failed_eval": "failed eval",
    "error_swallowed": "error swallowed",
    "empty_retrieval": "empty retrieval",
    "ungrounded": "ungrounded answer",
    "off_topic": "off-topic answer",
    "taken_back": "answer taken back",
    "like_failure": "answer judged a failure",
    "positive_feedback": "positive",
}
ERROR = "#d64545"
OK = "#16a34a"


def signal_label(kind: str) -> str:
    return SIGNAL_LABELS.get(kind, kind.replace("_", " "))


def signal_color(kind: str) -> QColor:
    return QColor(SIGNAL_COLORS.get(kind, "#6b7280"))


def kind_color(kind: str) -> QColor:
    return QColor(KIND_COLORS.get(kind, KIND_COLORS["other"]))


def is_dark(palette: QPalette | None = None) -> bool:
    palette = palette or QGuiApplication.palette()
    return palette.color(QPalette.ColorRole.Window).lightness() < 128


def mix(a: QColor, b: QColor, share_of_b: float) -> QColor:
    """``a`` blended with ``share_of_b`` of ``b``."""
    t = max(0.0, min(1.0, share_of_b))
    return QColor(round(a.red() * (1 - t) + b.red() * t), round(a.green() * (1 - t) + b.green() * t),
                  round(a.blue() * (1 - t) + b.blue() * t))


def soft(color: QColor, palette: QPalette | None = None, strength: float = 0.18) -> QColor:
    """A pale version of ``color`` on the palette's base: a badge's background."""
    palette = palette or QGuiApplication.palette()
    return mix(palette.color(QPalette.ColorRole.Base), color, strength if not is_dark(palette) else strength + 0.1)


def readable_on_base(color: QColor, palette: QPalette | None = None) -> QColor:
    """``color`` adjusted to read well as text on the palette's base."""
    palette = palette or QGuiApplication.palette()
    return color.lighter(135) if is_dark(palette) else color.darker(115)


def muted_text(palette: QPalette | None = None) -> QColor:
    palette = palette or QGuiApplication.palette()
    return mix(palette.color(QPalette.ColorRole.Text), palette.color(QPalette.ColorRole.Base), 0.42)


def monospace_font(point_delta: float = 0) -> QFont:
    font = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
    if point_delta:
        font.setPointSizeF(max(6.0, font.pointSizeF() + point_delta))
    return font


def format_duration(ns: int | None) -> str:
    if ns is None:
        return ""
    ms = ns / 1e6
    if ms < 1:
        return f"{ns / 1e3:.0f} µs"
    if ms < 1000:
        return f"{ms:.0f} ms"
    if ms < 60_000:
        return f"{ms / 1000:.2f} s"
    minutes, seconds = divmod(ms / 1000, 60)
    return f"{minutes:.0f} min {seconds:.0f} s"


@cache
def _kind_pixmap(kind: str, size: int, ratio: float) -> QPixmap:
    pixmap = QPixmap(round(size * ratio), round(size * ratio))
    pixmap.setDevicePixelRatio(ratio)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    rect = QRectF(1, 1, size - 2, size - 2)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(kind_color(kind))
    painter.drawRoundedRect(rect, size * 0.22, size * 0.22)
    font = QFont()
    font.setBold(True)
    font.setPixelSize(round(size * 0.62))
    painter.setFont(font)
    painter.setPen(QColor("white"))
    painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, KIND_LETTERS.get(kind, "·"))
    painter.end()
    return pixmap


def kind_icon(kind: str, size: int = 16) -> QIcon:
    """A rounded square in the kind's colour with its initial: L(LM), T(ool), R(etrieval)..."""
    icon = QIcon()
    for ratio in (1.0, 2.0):
        pixmap = _kind_pixmap(kind if kind in KIND_COLORS else "other", size, ratio)
        for mode in (QIcon.Mode.Normal, QIcon.Mode.Selected, QIcon.Mode.Active):
            icon.addPixmap(pixmap, mode)
    return icon


@cache
def app_icon() -> QIcon:
    """The app's icon (resources/icons/tracedesk.svg: a queue of runs, the top one flagged),
    the same file the desktop entry and the frozen build use."""
    return QIcon(str(resource_path("icons", "tracedesk.svg")))


def status_dot(color: QColor, size: int = 10) -> QIcon:
    pixmap = QPixmap(size * 2, size * 2)
    pixmap.setDevicePixelRatio(2.0)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(color)
    painter.drawEllipse(QPointF(size / 2, size / 2), size / 2 - 1, size / 2 - 1)
    painter.end()
    return QIcon(pixmap)


def draw_badge(painter: QPainter, x: float, y: float, height: float, text: str, color: QColor,
               palette: QPalette) -> float:
    """A rounded badge with ``text`` at (x, y); returns its width."""
    metrics = painter.fontMetrics()
    width = metrics.horizontalAdvance(text) + height * 0.9
    rect = QRectF(x, y, width, height)
    path = QPainterPath()
    path.addRoundedRect(rect, height / 2, height / 2)
    painter.fillPath(path, soft(color, palette, 0.2))
    painter.setPen(QPen(mix(soft(color, palette, 0.2), color, 0.45), 1))
    painter.drawPath(path)
    painter.setPen(readable_on_base(color, palette))
    painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, text)
    return width
