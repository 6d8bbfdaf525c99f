"""JSON coloured with pygments: a QSyntaxHighlighter for QPlainTextEdit, and a helper that
writes highlighted JSON into a rich document through a text cursor (the text is always
inserted as plain text: nothing in it is interpreted)."""

from __future__ import annotations

from pygments.lexers.data import JsonLexer
from pygments.token import Keyword, Name, Number, Punctuation, String, Token, _TokenType
from PySide6.QtGui import QColor, QFont, QPalette, QSyntaxHighlighter, QTextCharFormat, QTextCursor, QTextDocument

from .style import is_dark

# Documents larger than this are shown without colours: highlighting is linear but not free.
HIGHLIGHT_LIMIT = 300_000

_LIGHT = {Name.Tag: "#2f5d9e", String: "#a3402b", Number: "#1c7c54", Keyword: "#8a3fb0", Punctuation: "#6b7280"}
_DARK = {Name.Tag: "#8fb8f0", String: "#e9a17c", Number: "#7fd1a3", Keyword: "#d09cf0", Punctuation: "#9aa1ad"}


def token_formats(palette: QPalette, base: QFont | None = None) -> dict[_TokenType, QTextCharFormat]:
    colors = _DARK if is_dark(palette) else _LIGHT
    formats = {}
    for token, color in colors.items():
        fmt = QTextCharFormat()
        if base is not None:
            fmt.setFont(base)
        fmt.setForeground(QColor(color))
        if token is Name.Tag:
            fmt.setFontWeight(QFont.Weight.DemiBold)
        formats[token] = fmt
    return formats


def format_for(formats: dict[_TokenType, QTextCharFormat], token: _TokenType) -> QTextCharFormat | None:
    while token is not Token and token is not None:
        if token in formats:
            return formats[token]
        token = token.parent
    return None


class JsonHighlighter(QSyntaxHighlighter):
    """Colours JSON one line at a time (a JSON string never spans lines once pretty-printed)."""

    def __init__(self, document: QTextDocument, palette: QPalette) -> None:
        super().__init__(document)
        self._lexer = JsonLexer()
        self._formats = token_formats(palette)

    def set_palette(self, palette: QPalette) -> None:
        self._formats = token_formats(palette)
        self.rehighlight()

    def highlightBlock(self, text: str) -> None:  # noqa: N802 - Qt's name
        if not text.strip():
            return
        for start, token, value in self._lexer.get_tokens_unprocessed(text):
            fmt = format_for(self._formats, token)
            if fmt is not None:
                self.setFormat(start, len(value), fmt)


def insert_json(cursor: QTextCursor, text: str, palette: QPalette, base: QTextCharFormat) -> None:
    """Insert pretty-printed JSON at the cursor, coloured token by token, as plain text."""
    if len(text) > HIGHLIGHT_LIMIT:
        cursor.insertText(text, base)
        return
    formats = token_formats(palette)
    for _, token, value in JsonLexer().get_tokens_unprocessed(text):
        fmt = QTextCharFormat(base)
        extra = format_for(formats, token)
        if extra is not None:
            fmt.merge(extra)
        cursor.insertText(value, fmt)
