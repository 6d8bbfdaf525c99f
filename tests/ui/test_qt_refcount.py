"""PySide6 6.12.0 on Python 3.11 drops a reference to None on every wrapped call that
returns nothing, and the app aborts after a few thousand calls (Fatal Python error:
none_dealloc). pyproject.toml keeps Python 3.11 on PySide6 < 6.12; this catches the next
broken combination before a reviewer loses work to it."""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QLabel


def test_void_qt_calls_keep_the_reference_count_of_none(qtbot) -> None:
    label = QLabel()
    qtbot.addWidget(label)
    for i in range(200):  # warm up caches that may take references once
        label.setText(str(i))
    before = sys.getrefcount(None)
    for i in range(5000):
        label.setText(str(i))
        label.setObjectName(f"label{i}")
    after = sys.getrefcount(None)
    assert after >= before - 50, f"None lost {before - after} references in 10,000 void Qt calls"
