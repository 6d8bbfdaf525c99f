"""The detail pane: one step of a run, or the run itself, the way a person reads it.

- an LLM step as a conversation: each message with its role, its text, the tools it
  called and their arguments;
- a tool step as its call (name and arguments) and its result;
- a retrieval step as its query and the documents found, with their scores;
- anything else as JSON, coloured with pygments.

Bundle content is untrusted: it is only ever inserted as plain text through a text
cursor (never parsed as HTML or Markdown, so no markup runs and nothing remote loads).
Long values are cut to a preview; "Show full text" opens the whole of them in a plain
text view, which stays fast at megabytes.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import orjson
from PySide6.QtCore import Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QGuiApplication,
    QPalette,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextFrameFormat,
    QTextLength,
    QTextOption,
)
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QTabWidget,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from ..core.text import loads_or_none, retrieved_documents, shown_bidi_controls
from ..core.views import SpanNode, TraceOutline, TraceSignal
from .highlight import HIGHLIGHT_LIMIT, JsonHighlighter, insert_json
from .style import (
    ERROR,
    format_duration,
    is_dark,
    kind_color,
    kind_icon,
    mix,
    monospace_font,
    muted_text,
    readable_on_base,
    signal_color,
    signal_label,
)
from .text import local_time

PREVIEW_CHARS = 12_000  # of one text value in the readable view
JSON_BLOCK_CHARS = 20_000  # of one JSON value in the readable view
READABLE_CHARS = 150_000  # of the readable view as a whole: further messages and documents are left out
JSON_PREVIEW_CHARS = 100_000  # of the JSON view as a whole
MAX_DOCUMENTS = 200  # of a retrieval in the readable view
FULL_LINE_CHARS = 4_000  # lines of the full text longer than this are broken for display
# The tokens beside input and output a step may show, with how the step detail names them.
_MORE_TOKENS = (("cache_read_tokens", "read from cache"), ("cache_write_tokens", "written to cache"),
                ("reasoning_tokens", "reasoning"))
ROLE_COLORS = {"system": "#6b7280", "user": "#2f6fd6", "assistant": "#7c5cff", "tool": "#e08a1e",
               "developer": "#6b7280"}


def elided(text: str, limit: int) -> tuple[str, int]:
    """``text`` cut to ``limit`` characters, and how many were left out."""
    if len(text) <= limit:
        return text, 0
    return text[:limit], len(text) - limit


def elide_value(value: Any, limit: int, budget: int | None = None) -> tuple[Any, bool]:
    """A copy of a JSON value with every string longer than ``limit`` cut and, past about
    ``budget`` characters, the rest of each list and object replaced by a count of what
    was left out; whether anything was. Only what is kept is walked: a list of a million
    records costs what its first few hundred do."""
    cut = False
    left = budget * 0.9 if budget is not None else float("inf")  # the count is an estimate: keep a margin

    def walk(v: Any, depth: int) -> Any:
        nonlocal cut, left
        indent = 2 * depth + 2  # what pretty printing adds to each line
        if isinstance(v, str):
            if len(v) > limit:
                cut = True
                v = f"{v[:limit]}… [{len(v) - limit:,} more characters]"
            left -= len(v) + indent + 4
            return v
        if isinstance(v, dict):
            out = {}
            for number, (key, item) in enumerate(v.items()):
                if left <= 0:
                    cut = True
                    out["…"] = f"{len(v) - number:,} more keys"
                    break
                left -= len(str(key)) + 4
                out[key] = walk(item, depth + 1)
            left -= indent
            return out
        if isinstance(v, list):
            items = []
            for number, item in enumerate(v):
                if left <= 0:
                    cut = True
                    items.append(f"… {len(v) - number:,} more items")
                    break
                items.append(walk(item, depth + 1))
            left -= indent
            return items
        left -= indent + 8
        return v

    return walk(value, 0), cut


def pretty_json(value: Any) -> str:
    try:
        return orjson.dumps(value, option=orjson.OPT_INDENT_2 | orjson.OPT_NON_STR_KEYS).decode()
    except TypeError:
        return repr(value)


def full_text(value: Any) -> str:
    """A value as a person reads it in full: a string as itself, anything else as JSON."""
    return value if isinstance(value, str) else pretty_json(value)


def break_long_lines(text: str, width: int = FULL_LINE_CHARS) -> tuple[str, bool]:
    """``text`` with every line longer than ``width`` broken into lines of ``width``
    characters (a text view lays out a line of a megabyte without spaces for minutes),
    and whether any was."""
    if len(text) <= width:
        return text, False
    lines = text.split("\n")
    if all(len(line) <= width for line in lines):
        return text, False
    out = []
    for line in lines:
        if len(line) <= width:
            out.append(line)
        else:
            out.extend(line[i:i + width] for i in range(0, len(line), width))
    return "\n".join(out), True


def content_text(content: Any) -> str:
    """The text of a message's content: a string, or the text parts of a list of parts."""
    if content is None:
        return ""
    if isinstance(content, str):
        return content
    if isinstance(content, list):
        parts = []
        for part in content:
            if isinstance(part, str):
                parts.append(part)
            elif isinstance(part, dict) and isinstance(part.get("text"), str):
                parts.append(part["text"])
            elif isinstance(part, dict):
                parts.append(f"[{part.get('type', 'part')}]")
        return "\n".join(parts)
    return pretty_json(content)


def messages_of(value: Any) -> list[dict[str, Any]] | None:
    """The messages of an LLM step's input or output, if it follows the convention."""
    if isinstance(value, dict) and isinstance(value.get("messages"), list):
        return [m for m in value["messages"] if isinstance(m, dict)]
    if isinstance(value, list) and value and all(isinstance(m, dict) and "role" in m for m in value):
        return value
    return None


class DocWriter:
    """Writes a rich document through a cursor: headings, meta lines, cards and code, every
    piece of content as plain text."""

    def __init__(self, document: QTextDocument, palette: QPalette) -> None:
        self.document = document
        self.palette = palette
        self.cursor = QTextCursor(document)
        self.text = palette.color(QPalette.ColorRole.Text)
        self.base = palette.color(QPalette.ColorRole.Base)
        self.muted = muted_text(palette)
        self.mono = monospace_font()
        self.cut = 0  # characters left out of previews
        self.written = 0  # characters of content written so far

    @property
    def full(self) -> bool:
        """Whether the document holds as much as the view shows at once (the rest is left
        out, with a note, and is in Show full text)."""
        return self.written >= READABLE_CHARS

    def left_out(self, count: int, what: str) -> None:
        """A note that ``count`` further ``what`` are not shown here."""
        if count > 0:
            self.cut += 1
            self.meta(f"… {count:,} more {what} not shown here (Show full text)")

    def char_format(self, *, bold: bool = False, color: QColor | None = None, scale: float = 1.0,
             mono: bool = False, italic: bool = False) -> QTextCharFormat:
        fmt = QTextCharFormat()
        if mono:
            fmt.setFont(self.mono)
        else:
            font = QFont(self.document.defaultFont())
            if scale != 1.0:
                font.setPointSizeF(font.pointSizeF() * scale)
            fmt.setFont(font)
        if bold:
            fmt.setFontWeight(QFont.Weight.Bold)
        fmt.setFontItalic(italic)
        fmt.setForeground(color or self.text)
        return fmt

    def insert(self, text: str, fmt: QTextCharFormat) -> None:
        """Write ``text`` as plain text at the cursor, with each bidirectional control shown
        as its escape rather than obeyed (text from a bundle never reorders what is shown)."""
        self.cursor.insertText(shown_bidi_controls(text), fmt)

    def block(self, top: float = 0, bottom: float = 0) -> None:
        fmt = QTextBlockFormat()
        fmt.setTopMargin(top)
        fmt.setBottomMargin(bottom)
        if self.cursor.block().length() <= 1 and self.cursor.position() == self.cursor.block().position():
            self.cursor.setBlockFormat(fmt)
        else:
            self.cursor.insertBlock(fmt)

    def heading(self, text: str, color: QColor | None = None, top: float = 14) -> None:
        self.block(top=top, bottom=4)
        self.insert(text, self.char_format(bold=True, scale=1.05, color=color))

    def meta(self, text: str) -> None:
        self.block(bottom=2)
        self.insert(text, self.char_format(color=self.muted))

    def paragraph(self, text: str, *, color: QColor | None = None, mono: bool = False,
                  italic: bool = False) -> None:
        self.block(bottom=2)
        shown, cut = elided(text, PREVIEW_CHARS)
        self.written += len(shown)
        self.insert(shown, self.char_format(color=color, mono=mono, italic=italic))
        self._cut_note(cut)

    def _cut_note(self, cut: int) -> None:
        if cut:
            self.cut += cut
            self.cursor.insertText(f"\n… {cut:,} more characters (Show full text)",
                                   self.char_format(color=self.muted, italic=True))

    def json(self, value: Any) -> None:
        shown, cut = elide_value(value, PREVIEW_CHARS, JSON_BLOCK_CHARS)
        if cut:
            self.cut += 1
        text = pretty_json(shown)
        # A big structure (a list of thousands of records) is cut as a whole too: a rich
        # document of megabytes takes seconds to lay out.
        text, rest = elided(text, JSON_BLOCK_CHARS)
        self.written += len(text)
        self.block(bottom=2)
        insert_json(self.cursor, shown_bidi_controls(text), self.palette, self.char_format(mono=True))
        self._cut_note(rest)

    def value(self, value: Any) -> None:
        """A string as text, anything else as JSON."""
        if value is None:
            self.paragraph("(nothing)", color=self.muted, italic=True)
        elif isinstance(value, str):
            self.paragraph(value)
        else:
            self.json(value)

    def card(self, accent: QColor) -> None:
        """Start a framed card; :meth:`end_card` returns to the main flow."""
        fmt = QTextFrameFormat()
        fmt.setBorder(1)
        fmt.setBorderBrush(mix(self.base, accent, 0.45))
        fmt.setBorderStyle(QTextFrameFormat.BorderStyle.BorderStyle_Solid)
        fmt.setBackground(mix(self.base, accent, 0.07 if not is_dark(self.palette) else 0.12))
        fmt.setPadding(8)
        fmt.setTopMargin(3)
        fmt.setBottomMargin(3)
        fmt.setWidth(QTextLength(QTextLength.Type.PercentageLength, 100))
        if not self.cursor.block().text():
            # The empty paragraph a frame leaves behind it: make it a hairline, so that
            # cards follow each other closely.
            spacer = QTextBlockFormat()
            spacer.setLineHeight(2, QTextBlockFormat.LineHeightTypes.FixedHeight.value)
            self.cursor.setBlockFormat(spacer)
            small = QTextCharFormat()
            small.setFontPointSize(1)
            self.cursor.setBlockCharFormat(small)
        self.cursor.insertFrame(fmt)

    def end_card(self) -> None:
        self.cursor.movePosition(QTextCursor.MoveOperation.End)

    def label(self, text: str, color: QColor, caps: bool = True) -> None:
        """The first line of a card: a small label (capitalised for a role or a part)."""
        fmt = self.char_format(bold=True, color=readable_on_base(color, self.palette), scale=0.9)
        if caps:
            fmt.setFontCapitalization(QFont.Capitalization.AllUppercase)
            fmt.setFontLetterSpacing(104)
        self.insert(text, fmt)


def write_message(w: DocWriter, message: dict[str, Any]) -> None:
    role = str(message.get("role") or "message")
    color = QColor(ROLE_COLORS.get(role, "#6b7280"))
    w.card(color)
    title = role
    if message.get("name"):
        title += f" · {message['name']}"
    if message.get("tool_call_id"):
        title += f" · result of {message['tool_call_id']}"
    w.label(title, color)
    text = content_text(message.get("content"))
    if text:
        w.paragraph(text)
    for call in message.get("tool_calls") or []:
        if not isinstance(call, dict):
            continue
        function = call.get("function") if isinstance(call.get("function"), dict) else {}
        name = call.get("name") or function.get("name") or "tool"
        arguments = call.get("arguments", function.get("arguments"))
        if isinstance(arguments, str):
            arguments = loads_or_none(arguments)  # arguments often come as a JSON string
        w.block(top=6)
        w.insert(f"→ calls {name}", w.char_format(bold=True, color=readable_on_base(
            QColor(ROLE_COLORS["tool"]), w.palette)))
        if call.get("id"):
            w.insert(f"   {call['id']}", w.char_format(color=w.muted, scale=0.9))
        if arguments not in (None, {}, ""):
            w.json(arguments)
    if not text and not message.get("tool_calls"):
        w.paragraph("(no content)", color=w.muted, italic=True)
    w.end_card()


def write_messages(w: DocWriter, messages: list[dict[str, Any]], *, all_of_them: bool = False) -> None:
    """Messages in order until the view is full (unless ``all_of_them``: the model's
    answer is always shown); a note says how many more there are."""
    for number, message in enumerate(messages):
        if w.full and not all_of_them:
            w.left_out(len(messages) - number, "messages")
            return
        write_message(w, message)


def write_feedback(w: DocWriter, fb: dict[str, Any]) -> None:
    value = fb["value"]
    color = QColor(ERROR if fb.get("polarity", 0) < 0 else "#6b7280")
    w.card(color)
    title = fb["kind"] if value is None else f"{fb['kind']} {value}"
    who = fb.get("author") or fb.get("source")
    w.label(title + (f"  ·  {who}" if who else ""), color, caps=False)
    if fb.get("span_id"):
        w.meta(f"about step {fb['span_id']}")
    if fb.get("comment"):
        w.paragraph(f"“{fb['comment']}”", italic=True)
    if fb.get("correction") is not None:
        w.meta("What the answer should have been:")
        w.value(fb["correction"])
    w.end_card()


def write_signal(w: DocWriter, found: TraceSignal, step: str | None) -> None:
    color = signal_color(found.kind)
    w.card(color)
    w.label(f"{signal_label(found.kind)}  ·  {found.confidence:.0%}", color, caps=False)
    if found.detail:
        w.paragraph(found.detail)
    if found.span_id:
        w.meta(f"at step {step or found.span_id} (select it in the signals or the steps)")
    w.end_card()


def write_llm(w: DocWriter, span: dict[str, Any]) -> bool:
    """The conversation of an LLM step; False if its content does not follow the convention."""
    inputs, outputs = messages_of(span["input"]), messages_of(span["output"])
    if inputs is None and outputs is None:
        return False
    w.heading("Conversation sent to the model", top=4)
    write_messages(w, inputs or [])
    if inputs is None and span["input"] is not None:
        w.value(span["input"])
    w.heading("Model's answer")
    if outputs:
        write_messages(w, outputs, all_of_them=True)
    elif isinstance(span["output"], str):
        write_message(w, {"role": "assistant", "content": span["output"]})
    else:
        w.value(span["output"])
    return True


def write_tool(w: DocWriter, span: dict[str, Any]) -> bool:
    call = span["input"]
    name = call.get("name") if isinstance(call, dict) else None
    w.heading(f"Call {name or span['name'] or 'tool'}", top=4)
    arguments = call.get("arguments", call) if isinstance(call, dict) else call
    w.card(QColor(ROLE_COLORS["tool"]))
    w.label("arguments", QColor(ROLE_COLORS["tool"]))
    w.value(arguments)
    w.end_card()
    w.heading("Result")
    w.card(QColor(ERROR) if span["status"] == "error" else kind_color("tool"))
    if span["error"]:
        w.label("error", QColor(ERROR))
        w.value(span["error"].get("message", span["error"]) if isinstance(span["error"], dict) else span["error"])
    if span["output"] is not None or not span["error"]:
        if span["error"]:
            w.block(top=6)
        w.label("output", kind_color("tool"))
        w.value(span["output"])
    w.end_card()
    return True


def write_retrieval(w: DocWriter, span: dict[str, Any]) -> bool:
    query = span["input"].get("query") if isinstance(span["input"], dict) else span["input"]
    output = span["output"]
    documents = retrieved_documents(output)
    if documents is None:
        return False
    w.heading("Query", top=4)
    w.value(query)
    w.heading(f"Documents found: {len(documents)}")
    if not documents:
        w.paragraph("Nothing was found: the answer had no documents to rely on.",
                    color=readable_on_base(QColor(ERROR), w.palette), italic=True)
    accent = kind_color("retrieval")
    for number, doc in enumerate(documents, start=1):
        if w.full or number > MAX_DOCUMENTS:
            w.left_out(len(documents) - number + 1, "documents")
            break
        w.card(accent)
        if isinstance(doc, dict):
            parts = [f"#{number}"]
            if isinstance(doc.get("score"), int | float):
                parts.append(f"score {doc['score']:.3f}")
            for key in ("source", "title", "id"):
                if doc.get(key):
                    parts.append(str(doc[key]))
                    break
            w.label("  ·  ".join(parts), accent, caps=False)
            text = doc.get("content", doc.get("text", doc.get("page_content")))
            w.value(text if text is not None else {k: v for k, v in doc.items() if k != "score"})
        else:
            w.label(f"#{number}", accent)
            w.value(doc)
        w.end_card()
    return True


def span_json(span: dict[str, Any]) -> dict[str, Any]:
    keys = ("input", "output", "error", "attributes")
    return {k: span[k] for k in keys if span.get(k) not in (None, {}, [])}


class DetailPane(QWidget):
    """A header with what the step is, then its readable view and its raw JSON."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("detailPane")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(14, 12, 14, 12)
        layout.setSpacing(6)
        top = QHBoxLayout()
        top.setSpacing(8)
        self.icon = QLabel(self)
        self.title = QLabel(self)
        self.title.setObjectName("detailTitle")
        self.title.setTextFormat(Qt.TextFormat.PlainText)
        self.title.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.2)
        font.setBold(True)
        self.title.setFont(font)
        top.addWidget(self.icon)
        top.addWidget(self.title, 1)
        self.full_button = QPushButton("Show full text", self)
        self.full_button.setObjectName("showFullText")
        self.full_button.setToolTip("Some values are cut in this view; show all of them as plain text")
        self.full_button.clicked.connect(self.show_full_text)
        self.full_button.hide()
        top.addWidget(self.full_button)
        layout.addLayout(top)
        self.subtitle = QLabel(self)
        self.subtitle.setTextFormat(Qt.TextFormat.PlainText)
        self.subtitle.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.subtitle.setWordWrap(True)
        layout.addWidget(self.subtitle)
        self.error = QLabel(self)
        self.error.setObjectName("errorBanner")
        self.error.setTextFormat(Qt.TextFormat.PlainText)
        self.error.setWordWrap(True)
        self.error.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.error.hide()
        layout.addWidget(self.error)
        self.tabs = QTabWidget(self)
        self.tabs.setDocumentMode(True)
        self.readable = QTextEdit(self)
        self.readable.setObjectName("readableView")
        self.readable.setReadOnly(True)
        self.readable.setAcceptRichText(False)
        self.readable.setUndoRedoEnabled(False)
        self.readable.document().setDocumentMargin(10)
        self.raw = QPlainTextEdit(self)
        self.raw.setObjectName("jsonView")
        self.raw.setReadOnly(True)
        self.raw.setUndoRedoEnabled(False)
        self.raw.setFont(monospace_font())
        self.raw.setWordWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        self.highlighter = JsonHighlighter(self.raw.document(), self.palette())
        self.full_page = QWidget(self)
        full_layout = QVBoxLayout(self.full_page)
        full_layout.setContentsMargins(0, 6, 0, 0)
        full_layout.setSpacing(4)
        full_top = QHBoxLayout()
        self.full_note = QLabel(self.full_page)
        self.full_note.setObjectName("fullTextNote")
        self.full_note.setTextFormat(Qt.TextFormat.PlainText)
        self.full_note.setWordWrap(True)
        full_top.addWidget(self.full_note, 1)
        self.copy_full_button = QPushButton("Copy", self.full_page)
        self.copy_full_button.setObjectName("copyFullText")
        self.copy_full_button.setToolTip("Copy every value of the step, exactly as it is, to the clipboard")
        self.copy_full_button.clicked.connect(self.copy_full_text)
        full_top.addWidget(self.copy_full_button)
        full_layout.addLayout(full_top)
        self.full = QPlainTextEdit(self.full_page)
        self.full.setObjectName("fullTextView")
        self.full.setReadOnly(True)
        self.full.setUndoRedoEnabled(False)
        self.full.setFont(monospace_font())
        full_layout.addWidget(self.full, 1)
        self.tabs.addTab(self.readable, "Readable")
        self.tabs.addTab(self.raw, "JSON")
        self.tabs.addTab(self.full_page, "Full text")
        self.tabs.setTabVisible(2, False)
        layout.addWidget(self.tabs, 1)
        self._full_source: dict[str, Any] = {}
        self._full_exact = ""  # the full text as it is (the view may break its long lines)
        self.clear()

    # -- what the trace view calls -----------------------------------------------------------

    def clear(self, message: str = "Select a step to see what it did.") -> None:
        self.icon.clear()
        self.title.setText("")
        self.subtitle.setText(message)
        self.error.hide()
        self.full_button.hide()
        self.readable.clear()
        self.raw.setPlainText("")
        self.tabs.setTabVisible(2, False)
        self._full_source = {}
        self._full_exact = ""

    def show_trace(self, outline: TraceOutline, content: dict[str, Any], signals: Sequence[TraceSignal] = (),
                   names: dict[str, str] | None = None) -> None:
        """The run as a whole: the question, the final answer, why it is in the queue (its
        signals, with the step each points to), feedback, metadata."""
        self.icon.setPixmap(kind_icon("agent", 20).pixmap(20, 20))
        self.title.setText(outline.name or f"Trace {outline.trace_id}")
        self.subtitle.setText(f"{outline.source}:{outline.trace_id}  ·  the run as a whole")
        self.error.hide()
        w = self._writer()
        w.heading("Question", top=2)
        messages = messages_of(content["input"])
        if messages:
            write_messages(w, messages)
        else:
            w.card(QColor(ROLE_COLORS["user"]))
            w.label("user", QColor(ROLE_COLORS["user"]))
            w.value(content["input"])
            w.end_card()
        w.heading("Answer")
        w.card(QColor(ROLE_COLORS["assistant"]))
        w.label("assistant", QColor(ROLE_COLORS["assistant"]))
        out_messages = messages_of(content["output"])
        w.value(content_text(out_messages[-1].get("content")) if out_messages else content["output"])
        w.end_card()
        if signals:
            w.heading(f"Signals ({len(signals)})")
            for found in signals:
                write_signal(w, found, (names or {}).get(found.span_id or "", found.span_id))
        if content["feedback"]:
            w.heading(f"Feedback ({len(content['feedback'])})")
            for number, fb in enumerate(content["feedback"]):
                if w.full:
                    w.left_out(len(content["feedback"]) - number, "feedback records")
                    break
                write_feedback(w, fb)
        if content["tags"]:
            w.heading("Tags")
            w.paragraph(", ".join(str(t) for t in content["tags"]))
        if content["metadata"]:
            w.heading("Metadata")
            w.json(content["metadata"])
        self._finish(w, content, {"input": content["input"], "output": content["output"],
                                  "metadata": content["metadata"], "feedback": content["feedback"]})
        self.tabs.setTabVisible(0, True)
        self.tabs.setCurrentIndex(0)

    def show_span(self, node: SpanNode, span: dict[str, Any]) -> None:
        self.icon.setPixmap(kind_icon(node.kind, 20).pixmap(20, 20))
        self.title.setText(span["name"] or span["span_id"])
        facts = [span["kind"]]
        facts.append("failed" if span["status"] == "error" else (span["status"] or "no status"))
        if node.duration_ns is not None:
            facts.append(format_duration(node.duration_ns))
        if span["model"]:
            facts.append(span["model"])
        usage = span["usage"]
        if usage["input_tokens"] is not None or usage["output_tokens"] is not None:
            facts.append(f"{usage['input_tokens'] or 0:,} → {usage['output_tokens'] or 0:,} tokens")
        more = [f"{usage[key]:,} {words}" for key, words in _MORE_TOKENS if usage.get(key) is not None]
        if more:
            facts.append(", ".join(more))
        if span["cost_usd"]:
            cost = span["cost_usd"]
            facts.append(f"${cost:.2f}" if cost >= 0.01 else f"${cost:.6f}".rstrip("0"))
        if node.start_ns is not None:  # in local time, as the queue shows runs; a step without one says nothing
            facts.append(f"started {local_time(node.start_ns, seconds=True)}")
        self.subtitle.setText("  ·  ".join(facts))
        if span["error"]:
            error = span["error"]
            message = error.get("message") if isinstance(error, dict) else None
            kind = error.get("type") if isinstance(error, dict) else None
            text = f"{kind}: {message}" if kind and message else message or full_text(error)
            self.error.setText(elided(text, 600)[0])
            self.error.show()
        else:
            self.error.hide()
        w = self._writer()
        writer = {"llm": write_llm, "tool": write_tool, "retrieval": write_retrieval}.get(span["kind"])
        readable = writer(w, span) if writer else False
        self._finish(w, span_json(span), span_json(span))
        self.tabs.setTabVisible(0, readable)
        self.tabs.setCurrentIndex(0 if readable else 1)

    def show_full_text(self) -> None:
        """Every value of the step in full, as plain text (megabytes stay responsive)."""
        parts = []
        for key, value in self._full_source.items():
            if value in (None, {}, []):
                continue
            parts.append(f"── {key} " + "─" * 40)
            parts.append(full_text(value))
        self._full_exact = "\n".join(parts)
        shown, broken = break_long_lines(self._full_exact)
        self.full_note.setText(
            f"Lines longer than {FULL_LINE_CHARS:,} characters are broken here to keep the view fast; "
            "Copy copies the text exactly." if broken else "Every value of the step, whole.")
        self.full.setPlainText(shown_bidi_controls(shown))
        self.tabs.setTabVisible(2, True)
        self.tabs.setCurrentIndex(2)

    def copy_full_text(self) -> None:
        QGuiApplication.clipboard().setText(self._full_exact)

    # -- inside --------------------------------------------------------------------------------

    def _writer(self) -> DocWriter:
        document = QTextDocument(self.readable)
        document.setDefaultFont(self.readable.font())
        document.setDocumentMargin(12)
        document.setUndoRedoEnabled(False)
        return DocWriter(document, self.palette())

    def _finish(self, w: DocWriter, raw: dict[str, Any], source: dict[str, Any]) -> None:
        self.readable.setDocument(w.document)
        shown, cut = elide_value(raw, PREVIEW_CHARS, JSON_PREVIEW_CHARS)
        text = pretty_json(shown)
        if len(text) > JSON_PREVIEW_CHARS:
            text, _ = elided(text, JSON_PREVIEW_CHARS)
            text += "\n… (cut: Show full text)"
            cut = True
        self.highlighter.setDocument(self.raw.document() if len(text) <= HIGHLIGHT_LIMIT else None)
        self.raw.setPlainText(shown_bidi_controls(text))
        self._full_source = source
        self._full_exact = ""
        self.full.setPlainText("")
        self.tabs.setTabVisible(2, False)
        self.full_button.setVisible(bool(w.cut or cut))
