"""What the window remembers between runs (geometry, splitters, recent databases), in a
QSettings store: the platform's usual place, or a file given for tests."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings

MAX_RECENT = 8


class WindowState:
    def __init__(self, settings: QSettings | None = None) -> None:
        self.settings = settings or QSettings("Tracedesk", "Tracedesk")

    def bytes(self, key: str) -> QByteArray | None:
        value = self.settings.value(key)
        return value if isinstance(value, QByteArray) and not value.isEmpty() else None

    def set_bytes(self, key: str, value: QByteArray) -> None:
        self.settings.setValue(key, value)

    def text(self, key: str) -> str | None:
        value = self.settings.value(key)
        return value if isinstance(value, str) and value else None

    def set_text(self, key: str, value: str) -> None:
        self.settings.setValue(key, value)

    def recent(self) -> list[Path]:
        value = self.settings.value("recent_databases", [])
        if isinstance(value, str):
            value = [value]
        return [Path(v) for v in (value or []) if isinstance(v, str) and v]

    def add_recent(self, path: Path) -> list[Path]:
        path = path.resolve()
        recent = [path] + [p for p in self.recent() if p != path]
        recent = recent[:MAX_RECENT]
        self.settings.setValue("recent_databases", [str(p) for p in recent])
        return recent

    def clear_recent(self) -> None:
        self.settings.setValue("recent_databases", [])

    def sync(self) -> None:
        self.settings.sync()
