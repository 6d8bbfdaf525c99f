"""The trace page as a reviewer sees it on a laptop (1280×800) and on a big screen: the
steps beside their waterfall (bars on a time axis with ticks in ms or s, the critical
path bright, idle time dotted), durations with their unit, nothing cut off, and the run
itself, readable, first."""

from __future__ import annotations

import re

import pytest
from PySide6.QtCore import QModelIndex

from tests.core.sessions import Bundle, llm, tool
from tracedesk.ui.span_model import CRITICAL_ROLE, DURATION, GAP_ROLE, STEP, TIMELINE, time_ticks

from .conftest import make_window
from .test_trace_view import import_records, open_by_id

UNIT = re.compile(r"^\d+(\.\d+)? (µs|ms|s)$|^\d+ min \d+ s$")


def rows(model, parent: QModelIndex | None = None) -> list:
    """The step column's index of every row, depth first."""
    parent = parent if parent is not None else QModelIndex()
    out = []
    for row in range(model.rowCount(parent)):
        index = model.index(row, STEP, parent)
        out.append(index)
        out.extend(rows(model, index))
    return out


@pytest.mark.parametrize("size", [(1280, 800), (1920, 1080)])
def test_the_waterfall_fits_the_screen_with_units_and_a_time_axis(window, qtbot, size) -> None:
    window.resize(*size)
    open_by_id(window, "t000")
    view = window.trace_view
    tree = view.tree
    qtbot.waitUntil(lambda: tree.viewport().width() > 0)
    assert not tree.horizontalScrollBar().isVisible()  # nothing hidden behind a scroll bar
    header = tree.header()
    # Every column is on screen, the waterfall with room to read it.
    right = header.sectionViewportPosition(TIMELINE) + header.sectionSize(TIMELINE)
    assert right <= tree.viewport().width() + 1
    assert header.sectionSize(TIMELINE) >= 150
    metrics = tree.fontMetrics()
    for index in rows(view.model):
        duration = index.siblingAtColumn(DURATION).data()
        assert UNIT.match(duration), duration  # "300 ms", "5.00 s": always a unit
        assert metrics.horizontalAdvance(duration) + 8 <= tree.columnWidth(DURATION)  # not cut to "5.0"
        name_rect = tree.visualRect(index)
        assert metrics.horizontalAdvance(index.data()) + 24 <= name_rect.width(), index.data()  # not elided
    labels = tree.axis.tick_labels()
    texts = [text for _box, text in labels]
    assert texts[0] == "0 s" and texts[-1] == "5 s" and len(texts) >= 3, texts  # a run of 5.00 s
    assert all(UNIT.match(text) for text in texts)
    section = header.sectionViewportPosition(TIMELINE), right
    for box, text in labels:  # each label whole, inside the timeline's header
        assert section[0] <= box.left() and box.right() <= section[1]
        assert box.width() >= header.fontMetrics().horizontalAdvance(text)
    assert header.model().headerData(TIMELINE, header.orientation()) == ""  # no "Timeline (0 – 3.61" to cut


def test_time_ticks_are_round_and_in_one_unit() -> None:
    assert [t for _v, t in time_ticks(3_610_000_000, 400)] == ["0.0 s", "0.5 s", "1.0 s", "1.5 s", "2.0 s",
                                                               "2.5 s", "3.0 s", "3.5 s"]
    assert [t for _v, t in time_ticks(3_610_000_000, 120)] == ["0 s", "2 s"]
    assert [t for _v, t in time_ticks(420_000_000, 300)] == ["0 ms", "100 ms", "200 ms", "300 ms", "400 ms"]
    assert [t for _v, t in time_ticks(80_000, 300)][-1] == "80 µs"


def test_the_critical_path_and_the_idle_time_are_shown(qtbot, tmp_path, window_state) -> None:
    """Two tools run side by side; the model waits 900 ms after the slower one: the slower
    tool and the model's step decide when the run ends, the faster tool does not."""
    b = Bundle()
    b.turn(None, "Where is my order 42?", "On its way.", trace_id="par", steps=[
        tool("fast_lookup", {"order": 42}, "ok", at=0.1, seconds=0.2),
        tool("slow_lookup", {"order": 42}, "ok", at=0.1, seconds=1.0),
        llm(seconds=0.9) | {"at": 2.0}])
    store = import_records(tmp_path, b.records)
    window = make_window(qtbot, store, window_state)
    open_by_id(window, "par")
    view = window.trace_view
    found = {index.data(): index for index in rows(view.model)}
    critical = {name for name, index in found.items() if index.data(CRITICAL_ROLE)}
    assert critical == {"agent", "slow_lookup", "answer"}
    assert found["answer"].data(GAP_ROLE) == 900_000_000  # nothing ran between 1.1 s and 2.0 s
    assert "began after 900 ms idle" in found["answer"].data(0x03)  # its tooltip says so
    assert "on the critical path" in found["slow_lookup"].data(0x03)
    assert "on the critical path" not in found["fast_lookup"].data(0x03)
    assert view.waterfall_summary.text() == ("Critical path (bright): 2 steps, 1.90 s of 5.00 s  ·  "
                                             "idle 1.00 s (dotted)")  # 100 ms before the tools, 900 after
    # The bars are drawn: the critical one in its full colour, the other faded.
    image = view.tree.viewport().grab().toImage()

    def bar_color(name: str):
        rect = view.tree.visualRect(found[name].siblingAtColumn(TIMELINE))
        node = view.model.node(found[name])
        first, last = view.model.bounds
        x = rect.left() + 8 + (rect.width() - 16) * ((node.start_ns + node.end_ns) / 2 - first) / (last - first)
        return image.pixelColor(int(x), rect.center().y() + 1)

    assert bar_color("slow_lookup").saturation() > bar_color("fast_lookup").saturation() + 60
    store.close()


def test_opening_a_trace_lands_on_the_run_readable(window, qtbot) -> None:
    open_by_id(window, "t006")  # its signals point to a step (an empty retrieval)
    view = window.trace_view
    assert view.selected_span() is None
    detail = view.detail
    assert detail.tabs.currentWidget() is detail.readable
    text = detail.readable.toPlainText()
    for shown in ("Question", "Do the trail boots for order 1006 run small?", "Answer", "Signals (2)",
                  "empty retrieval", "thumbs down"):
        assert shown in text, shown
    assert detail.subtitle.text().endswith("the run as a whole")
    view.select_span("t006.root")  # an agent step has only JSON ...
    open_by_id(window, "t003")  # ... and the next trace opened still lands on its run
    assert view.selected_span() is None and detail.tabs.currentWidget() is detail.readable
