"""The trace page: the span tree, the signals (a click selects the step), the session's
other turns, and each kind of step rendered the way a person reads it."""

from __future__ import annotations

import re
import time
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QLabel, QPlainTextEdit, QTextEdit, QWidget

from tests.conftest import write_jsonl
from tests.core.sessions import Bundle, tool
from tracedesk.core import ingest, traces
from tracedesk.core.database import open_store
from tracedesk.ui.queue_model import QUESTION
from tracedesk.ui.span_model import DURATION, STATUS, STEP, SpanTreeModel
from tracedesk.ui.trace_view import TraceView

from .bundles import big_trace_records
from .conftest import make_window


def open_by_id(window, trace_id: str) -> None:
    with window.store.read() as conn:
        pk = traces.find_trace(conn, trace_id).pk
    window.open_trace(pk)


def tree_rows(view: TraceView) -> list[tuple[str, str, str]]:
    model = view.model
    rows = []

    def walk(parent) -> None:
        for row in range(model.rowCount(parent)):
            index = model.index(row, STEP, parent)
            rows.append((index.data(), index.siblingAtColumn(STATUS).data(), index.siblingAtColumn(DURATION).data()))
            walk(index)

    from PySide6.QtCore import QModelIndex

    walk(QModelIndex())
    return rows


def test_the_span_tree_model_is_a_well_behaved_qt_model(qtmodeltester, filled_store) -> None:
    from tracedesk.core import views

    model = SpanTreeModel()
    with filled_store.read() as conn:
        model.set_outline(views.trace_outline(conn, traces.find_trace(conn, "t000").pk))
    assert model.rowCount() == 1
    qtmodeltester.check(model, force_py=True)
    qtmodeltester.check(SpanTreeModel(), force_py=True)


def test_a_trace_shows_its_steps_with_status_and_duration(window) -> None:
    open_by_id(window, "t000")
    assert tree_rows(window.trace_view) == [
        ("agent", "", "5.00 s"), ("lookup_order", "error", "300 ms"), ("search_kb", "", "300 ms"),
        ("answer", "", "900 ms")]
    assert window.trace_view.header.title.text() == "How do I get a refund for order 1000?"
    meta = window.trace_view.header.meta.text()
    assert "support-bot:t000" in meta and "4 steps, 1 failed" in meta and "gpt-4o-mini · v1" in meta


def test_a_click_on_a_signal_selects_the_step_it_points_to(window, qtbot) -> None:
    open_by_id(window, "t006")
    view = window.trace_view
    panel = view.signals
    items = [panel.topLevelItem(i) for i in range(panel.topLevelItemCount())]
    labels = [item.text(0) for item in items]
    assert "empty retrieval" in labels and "thumbs down" in labels
    view.show_whole_trace()
    assert view.selected_span() is None
    empty = items[labels.index("empty retrieval")]
    rect = panel.visualItemRect(empty)
    qtbot.mouseClick(panel.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert view.selected_span().name == "search_kb"
    assert view.detail.title.text() == "search_kb"
    assert "Nothing was found" in view.detail.readable.toPlainText()
    thumbs = items[labels.index("thumbs down")]  # about the run as a whole
    qtbot.mouseClick(panel.viewport(), Qt.MouseButton.LeftButton, pos=panel.visualItemRect(thumbs).center())
    assert view.selected_span() is None
    assert "That did not answer my question" in view.detail.readable.toPlainText()


def test_a_signals_evidence_shows_what_it_holds_and_no_empty_fields(window, tmp_path) -> None:
    """An answer whose figure its documents give otherwise: beneath the signal, the sentence
    and the two figures; no row for the tool it has none of ("tool: None" is no evidence)."""
    from tests.core.sessions import llm, retrieval

    b = Bundle()
    policy = [{"id": "kb7", "content": "Refunds reach the card within 7 business days.", "score": 0.86}]
    b.turn("s-refund", "Where is my refund?", "Refunds take 90 days and come as a voucher.", trace_id="made-up",
           steps=[retrieval("refund", policy), llm()])
    ingest.import_paths(window.store, [write_jsonl(tmp_path / "refund.jsonl", b.records)])
    window.refresh()
    open_by_id(window, "made-up")
    panel = window.trace_view.signals
    [item] = [panel.topLevelItem(i) for i in range(panel.topLevelItemCount())
              if panel.topLevelItem(i).text(0) == "ungrounded answer"]
    rows = {item.child(j).text(1): item.child(j).text(2) for j in range(item.childCount())}
    assert rows["answer_says"] == "90" and rows["evidence_says"] == "7"
    assert "tool" not in rows and "None" not in rows.values()


def test_the_other_turns_of_the_session_are_one_click_away(window, qtbot) -> None:
    open_by_id(window, "t001")
    qtbot.keyClick(window.trace_view.tree, Qt.Key.Key_T, Qt.KeyboardModifier.ControlModifier)
    session = window.trace_view.session
    assert session.isVisible()
    assert session.topLevelItemCount() == 3
    assert [session.topLevelItem(i).text(2) for i in range(3)] == [
        "How do I get a refund for order 1000?", "Where is my parcel for order 1001?",
        "Do the trail boots for order 1002 run small?"]
    third = session.topLevelItem(2)
    qtbot.mouseClick(session.viewport(), Qt.MouseButton.LeftButton, pos=session.visualItemRect(third).center())
    assert window.trace_view.header.title.text() == "Do the trail boots for order 1002 run small?"


def test_steps_are_rendered_as_conversation_call_and_documents(window) -> None:
    open_by_id(window, "t001")
    view = window.trace_view
    detail = view.detail
    view.select_span("t001.2")  # the LLM step
    text = detail.readable.toPlainText()
    for expected in ("SYSTEM", "You are the support assistant", "USER", "Where is my parcel for order 1001?",
                     "→ calls lookup_order", '"order": 1001', "RESULT OF CALL_1", "Model's answer",
                     "It left the warehouse yesterday."):
        assert expected in text or expected.lower() in text.lower(), expected
    assert "420 → 38 tokens" in detail.subtitle.text()
    view.select_span("t001.0")  # the tool step
    text = detail.readable.toPlainText()
    assert "Call lookup_order" in text and '"status": "shipped"' in text
    view.select_span("t001.1")  # the retrieval step
    text = detail.readable.toPlainText()
    assert "Documents found: 2" in text and "score 0.820" in text and "Our sizes policy" not in text
    assert "score 0.410" in text and "help/shipping.md" in text
    view.select_span("t001.root")  # an agent step: JSON only
    assert not detail.tabs.isTabVisible(0) and detail.tabs.currentWidget() is detail.raw


def test_a_failed_tool_shows_its_error(window) -> None:
    open_by_id(window, "t000")
    window.trace_view.select_span("t000.0")
    detail = window.trace_view.detail
    assert detail.error.isVisible() and "timeout after 30 s" in detail.error.text()
    assert "Result\nerror\ntimeout after 30 s" in detail.readable.toPlainText()


def import_records(tmp_path: Path, records: list[dict]):
    store = open_store(tmp_path / "one.sqlite")
    ingest.import_paths(store, [write_jsonl(tmp_path / "one.jsonl", records)])
    return store


def test_a_run_without_steps_gives_its_signals_the_room_of_the_waterfall(qtbot, tmp_path) -> None:
    """A chat log's turn is a question and its answer, no steps: no empty waterfall, the
    signals and the session fill the left side; a run with steps shows them again."""
    chat = {"type": "trace", "trace_id": "chat", "session_id": "s", "start_time": "2026-10-01T10:00:00Z",
            "end_time": "2026-10-01T10:00:02Z", "status": "ok", "input": "table for 4 on saturday please",
            "output": "Booked: a table for 3 on Saturday."}
    b = Bundle()
    b.turn(None, "Where is my parcel?", "It ships tomorrow.", trace_id="run", steps=[tool("track", {"id": 1}, "ok")])
    store = import_records(tmp_path, [chat, *b.records])
    view = TraceView()
    qtbot.addWidget(view)
    view.resize(1280, 800)
    view.show()
    with store.read() as conn:
        chat_pk, run_pk = traces.find_trace(conn, "chat").pk, traces.find_trace(conn, "run").pk
    view.open_trace(store, chat_pk)
    qtbot.waitUntil(lambda: view.side_tabs.height() > 0.9 * view.left.height())
    assert not view.steps.isVisible() and view.side_tabs.isVisible()
    assert view.detail.readable.toPlainText().count("table for 4 on saturday please") == 1
    view.open_trace(store, run_pk)
    assert view.steps.isVisible()
    assert [row[0] for row in tree_rows(view)] == ["agent", "track"]
    store.close()


def test_bundle_text_is_shown_as_text_never_as_html(qtbot, tmp_path) -> None:
    hostile = '<img src="http://example.com/x.png"><b>bold</b><script>alert(1)</script> & done'
    b = Bundle()
    b.turn(None, hostile, hostile, trace_id="h", steps=[tool("fetch", {"q": hostile}, hostile)])
    store = import_records(tmp_path, b.records)
    view = TraceView()
    qtbot.addWidget(view)
    with store.read() as conn:
        pk = traces.find_trace(conn, "h").pk
    view.open_trace(store, pk)
    assert view.header.title.text() == hostile
    view.select_span("h.0")
    shown = view.detail.readable.toPlainText()
    assert shown.count(hostile) == 1 and '<img src=\\"http://example.com/x.png\\">' in shown
    html = view.detail.readable.toHtml()
    assert "<img" not in html and "&lt;img" in html and "<script" not in html
    tip = view.header.title.toolTip()  # Qt would render a tooltip that looks like HTML
    assert "<img" not in tip and "&lt;img src=&quot;http://example.com/x.png&quot;&gt;" in tip
    assert "<b>" not in view.model.index(0, 0).data(Qt.ItemDataRole.ToolTipRole)
    store.close()


def test_a_megabyte_of_tool_output_is_shown_cut_with_the_full_text_on_demand(qtbot, tmp_path) -> None:
    huge = "".join(f"line {i}: {'x' * 60}\n" for i in range(16_000))  # ~1.1 MB
    b = Bundle()
    b.turn(None, "Export everything", "Done", trace_id="big", steps=[tool("export", {"all": True}, huge)])
    store = import_records(tmp_path, b.records)
    view = TraceView()
    qtbot.addWidget(view)
    view.resize(1200, 800)
    view.show()
    with store.read() as conn:
        pk = traces.find_trace(conn, "big").pk
    view.open_trace(store, pk)
    view.select_span("big.0")
    detail = view.detail
    assert len(detail.readable.toPlainText()) < 50_000
    assert "more characters" in detail.readable.toPlainText()
    assert detail.full_button.isVisible()
    qtbot.mouseClick(detail.full_button, Qt.MouseButton.LeftButton)
    assert detail.tabs.currentWidget() is detail.full_page and detail.full.isVisible()
    assert huge.strip() in detail.full.toPlainText()
    store.close()


def open_view(qtbot, store, trace_id: str) -> TraceView:
    view = TraceView()
    qtbot.addWidget(view)
    view.resize(1200, 800)
    view.show()
    with store.read() as conn:
        pk = traces.find_trace(conn, trace_id).pk
    view.open_trace(store, pk)
    return view


def test_a_megabyte_on_one_line_shows_at_once_and_copies_exactly(qtbot, tmp_path) -> None:
    blob = "".join(chr(65 + i % 26) for i in range(1_000_000))  # base64-like: not one space to wrap at
    b = Bundle()
    b.turn(None, "Attach the scan", "Done", trace_id="scan", steps=[tool("scan", {"page": 1}, blob)])
    store = import_records(tmp_path, b.records)
    view = open_view(qtbot, store, "scan")
    view.select_span("scan.0")
    detail = view.detail
    started = time.perf_counter()
    qtbot.mouseClick(detail.full_button, Qt.MouseButton.LeftButton)
    detail.full.viewport().repaint()
    assert time.perf_counter() - started < 5  # a single line of a megabyte once took minutes to lay out
    assert detail.full.isVisible() and "broken here" in detail.full_note.text()
    shown = detail.full.toPlainText()
    assert shown.replace("\n", "").count(blob) == 1 and shown.count("\n") > 200
    qtbot.mouseClick(detail.copy_full_button, Qt.MouseButton.LeftButton)
    assert blob in QGuiApplication.clipboard().text()  # whole, without the breaks of the view
    store.close()


def test_a_tool_output_of_thousands_of_records_is_previewed_not_laid_out_whole(qtbot, tmp_path) -> None:
    records = [{"id": i, "name": f"item {i}", "tags": ["a", "b"], "price": i * 1.5} for i in range(20_000)]
    b = Bundle()
    b.turn(None, "List the catalogue", "Done", trace_id="cat", steps=[tool("list", {"all": True}, records)])
    store = import_records(tmp_path, b.records)
    view = open_view(qtbot, store, "cat")
    view.select_span("cat.0")
    detail = view.detail
    readable = detail.readable.toPlainText()
    assert '"name": "item 0"' in readable and re.search(r"… [\d,]+ more items", readable)
    assert len(readable) < 40_000 and '"item 19999"' not in readable
    detail.tabs.setCurrentWidget(detail.raw)
    raw = detail.raw.toPlainText()
    assert "more items" in raw and len(raw) < 120_000
    assert detail.full_button.isVisible()
    qtbot.mouseClick(detail.full_button, Qt.MouseButton.LeftButton)
    assert '"name": "item 19999"' in detail.full.toPlainText()
    store.close()


def test_a_conversation_of_hundreds_of_messages_shows_its_beginning_and_says_what_is_left_out(qtbot,
                                                                                              tmp_path) -> None:
    messages = [{"role": "user" if i % 2 else "assistant", "content": f"message {i}: " + "words " * 400}
                for i in range(500)]
    b = Bundle()
    b.turn(None, "Go on", "Done", trace_id="long", steps=[{
        "kind": "llm", "name": "chat", "input": {"messages": messages},
        "output": {"messages": [{"role": "assistant", "content": "The end."}]}}])
    store = import_records(tmp_path, b.records)
    view = open_view(qtbot, store, "long")
    view.select_span("long.0")
    detail = view.detail
    readable = detail.readable.toPlainText()
    assert "message 0: words" in readable and "message 499:" not in readable
    assert re.search(r"… [\d,]+ more messages not shown here \(Show full text\)", readable)
    assert "Model's answer" in readable and "The end." in readable  # the answer is always shown
    assert detail.full_button.isVisible()
    qtbot.mouseClick(detail.full_button, Qt.MouseButton.LeftButton)
    assert "message 499: words" in detail.full.toPlainText()
    store.close()


@pytest.mark.slow
def test_a_trace_of_ten_thousand_steps_opens(qtbot, tmp_path) -> None:
    store = import_records(tmp_path, big_trace_records(10_000))
    view = TraceView()
    qtbot.addWidget(view)
    with store.read() as conn:
        pk = traces.find_trace(conn, "big").pk
    view.open_trace(store, pk)
    assert len(view.outline.by_span_id) == 10_000
    assert view.model.rowCount() == 1
    store.close()


def test_the_detail_follows_a_change_between_light_and_dark(window, qapp) -> None:
    from PySide6.QtGui import QColor, QPalette

    open_by_id(window, "t001")
    window.trace_view.select_span("t001.2")
    light = window.trace_view.detail.readable.document()
    dark = QPalette(qapp.palette())
    dark.setColor(QPalette.ColorRole.Window, QColor("#202124"))
    dark.setColor(QPalette.ColorRole.Base, QColor("#17181a"))
    dark.setColor(QPalette.ColorRole.Text, QColor("#e8e8e8"))
    original = qapp.palette()
    try:
        qapp.setPalette(dark)
        qapp.processEvents()
        assert window.trace_view.detail.readable.document() is not light
        assert window.trace_view.selected_span().span_id == "t001.2"
        assert "It left the warehouse yesterday." in window.trace_view.detail.readable.toPlainText()
    finally:
        qapp.setPalette(original)


def test_html_in_a_bundle_is_shown_as_text_everywhere_in_the_window(qtbot, tmp_path, window_state) -> None:
    hostile = '<img src="http://example.com/x.png"><a href="http://example.com">click</a> & <b>bold</b>'
    b = Bundle()
    chat = {"kind": "llm", "name": hostile, "input": {"messages": [{"role": "user", "content": hostile}]},
            "output": {"messages": [{"role": "assistant", "content": hostile}]}}
    b.turn("s1", hostile, hostile, trace_id="h", steps=[tool("fetch", {"q": hostile}, None, error=hostile), chat])
    b.turn("s1", "and again", "ok", trace_id="h2")
    b.feedback("h", "thumbs", -1, comment=hostile)
    store = import_records(tmp_path, b.records)
    window = make_window(qtbot, store, window_state)
    model = window.queue_model
    row = next(r for r in range(model.rowCount()) if model.index(r, QUESTION).data() == hostile)
    assert "<img" not in model.index(row, QUESTION).data(Qt.ItemDataRole.ToolTipRole)
    window.queue_pane.table.select_row(row)
    qtbot.keyClick(window.queue_pane.table, Qt.Key.Key_Return)
    view = window.trace_view
    assert view.header.title.text() == hostile
    view.select_span("h.0")
    detail = view.detail
    assert detail.error.isVisible() and detail.error.text() == f"ToolError: {hostile}"
    assert detail.error.textFormat() == Qt.TextFormat.PlainText
    view.select_span("h.1")
    assert detail.title.text() == hostile and detail.title.textFormat() == Qt.TextFormat.PlainText
    assert detail.readable.toPlainText().count(hostile) == 2
    assert "<img" not in detail.readable.toHtml() and "<a href" not in detail.readable.toHtml()
    view.show_whole_trace()
    assert hostile in detail.readable.toPlainText() and "<img" not in detail.readable.toHtml()
    for panel in (view.signals, view.session):
        items = [panel.topLevelItem(i) for i in range(panel.topLevelItemCount())]
        items += [item.child(c) for item in items for c in range(item.childCount())]
        for item in items:
            for column in range(panel.columnCount()):
                assert "<img" not in item.toolTip(column) and "<a href" not in item.toolTip(column)
    assert [view.session.topLevelItem(i).text(2) for i in range(2)] == [hostile, "and again"]
    store.close()


def test_a_trace_with_a_long_question_fits_a_laptop_screen(qtbot, tmp_path, window_state) -> None:
    """The header wraps a long question and its facts instead of widening the window."""
    question = "My order with the Alpine Shell jacket and the Trail Runner shoes " * 4
    b = Bundle()
    b.turn("a-long-session-id-of-some-client", question, "Here is what I found.", trace_id="long",
           user="someone-with-a-long-user-id", steps=[tool("track_order", {"order": 42}, "shipped")])
    store = import_records(tmp_path, b.records)
    window = make_window(qtbot, store, window_state, size=(1280, 760))
    open_by_id(window, "long")
    assert window.minimumSizeHint().width() <= 1280
    assert window.width() <= 1280 and window.trace_view.header.title.text().startswith("My order")
    store.close()


def test_a_steps_start_is_in_local_time_and_a_step_without_one_says_nothing(qtbot, tmp_path) -> None:
    from tracedesk.ui.text import local_time

    store = import_records(tmp_path, [
        {"type": "bundle", "version": 1, "source": "bot"},
        {"type": "trace", "trace_id": "w", "input": "Where is it?", "output": "Here.",
         "start_time": "2026-11-10T07:57:21Z", "end_time": "2026-11-10T07:57:23Z"},
        {"type": "span", "trace_id": "w", "span_id": "timed", "kind": "tool", "name": "lookup",
         "start_time": "2026-11-10T07:57:21.250Z", "end_time": "2026-11-10T07:57:22Z"},
        {"type": "span", "trace_id": "w", "span_id": "untimed", "kind": "tool", "name": "guess"},
    ])
    view = open_view(qtbot, store, "w")
    view.select_span("timed")
    subtitle = view.detail.subtitle.text()
    started = local_time(1_794_297_441_250_000_000, seconds=True)
    assert f"started {started}" in subtitle and "T07:57" not in subtitle and "Z" not in subtitle
    view.select_span("untimed")
    subtitle = view.detail.subtitle.text()
    assert "?" not in subtitle and "started" not in subtitle
    store.close()


def test_a_trace_of_one_step_says_one_step(qtbot, tmp_path, window_state) -> None:
    store = import_records(tmp_path, [
        {"type": "bundle", "version": 1, "source": "bot"},
        {"type": "trace", "trace_id": "one", "input": "Hi?", "output": "Hello."},
        {"type": "span", "trace_id": "one", "span_id": "only", "kind": "llm", "name": "answer"},
        {"type": "feedback", "trace_id": "one", "kind": "thumbs", "value": -1},
    ])
    window = make_window(qtbot, store, window_state)
    open_by_id(window, "one")
    shown = window.trace_view.header.meta.text()
    assert "1 step" in shown and "1 steps" not in shown
    window.update_status()
    status = window.counts.text()
    assert "Trace one: 1 step  ·" in status and "1 traces" not in status
    store.close()


def test_a_step_s_detail_shows_its_cached_and_reasoning_tokens(qtbot, tmp_path, window_state) -> None:
    bundle = write_jsonl(tmp_path / "cached.jsonl", [
        {"type": "bundle", "source": "support-bot"},
        {"type": "trace", "trace_id": "c1", "input": "Where is my parcel?", "output": "It ships tomorrow."},
        {"type": "span", "trace_id": "c1", "span_id": "c1.llm", "kind": "llm", "name": "answer",
         "model": "claude-sonnet-4", "usage": {"input_tokens": 5200, "output_tokens": 310,
                                               "cache_read_tokens": 4800, "cache_write_tokens": 120,
                                               "reasoning_tokens": 96}},
        {"type": "span", "trace_id": "c1", "span_id": "c1.plain", "kind": "llm", "name": "plain",
         "usage": {"input_tokens": 40, "output_tokens": 8}},
    ])
    with open_store(tmp_path / "review.sqlite") as store:
        ingest.import_paths(store, [bundle])
        window = make_window(qtbot, store, window_state)
        open_by_id(window, "c1")
        view = window.trace_view
        view.select_span("c1.llm")
        subtitle = view.detail.subtitle.text()
        assert "5,200 → 310 tokens" in subtitle
        assert "4,800 read from cache, 120 written to cache, 96 reasoning" in subtitle
        view.select_span("c1.plain")
        subtitle = view.detail.subtitle.text()
        assert "40 → 8 tokens" in subtitle and "cache" not in subtitle and "reasoning" not in subtitle
        window.close()


def shown_texts(root) -> list[str]:
    """What the widgets under ``root`` show: labels, read-only text views and their tooltips.
    (A text the reviewer edits, the expected answer, is kept as it is typed or pasted.)"""
    texts = []
    for w in [root, *root.findChildren(QWidget)]:
        texts.append(w.toolTip())
        if isinstance(w, QLabel):
            texts.append(w.text())
        if isinstance(w, QTextEdit | QPlainTextEdit) and w.isReadOnly():
            texts.append(w.toPlainText())
    return texts


def test_a_bidirectional_override_in_a_run_is_shown_never_obeyed(qtbot, tmp_path, window_state) -> None:
    """An override makes the text after it read backwards: "\u202edeined" shows as "denied". What
    the reviewer reads of a run is in the order the run holds it, each override written out."""
    question, answer = "Was my refund \u202edevorppa\u202c?", "Your refund was \u202edeined\u202c, sorry."
    b = Bundle()
    chat = {"kind": "llm", "name": "answer", "input": {"messages": [{"role": "user", "content": question}]},
            "output": {"messages": [{"role": "assistant", "content": answer}]}}
    b.turn("s1", question, answer, trace_id="b", steps=[tool("refund_status", {"q": question}, answer), chat])
    b.feedback("b", "thumbs", -1, comment=answer)
    store = import_records(tmp_path, b.records)
    window = make_window(qtbot, store, window_state)
    model = window.queue_model
    assert model.index(0, QUESTION).data() == "Was my refund \\u202edevorppa\\u202c?"
    assert "\\u202edevorppa" in model.index(0, QUESTION).data(Qt.ItemDataRole.ToolTipRole)
    window.queue_pane.table.select_row(0)
    qtbot.keyClick(window.queue_pane.table, Qt.Key.Key_Return)
    view = window.trace_view
    assert view.header.title.text() == "Was my refund \\u202edevorppa\\u202c?"
    pages = {}
    for span in ("b.0", "b.1"):
        view.select_span(span)
        pages[span] = shown_texts(window)
        assert "Your refund was \\u202edeined\\u202c, sorry." in view.detail.readable.toPlainText()
        assert "\\u202edeined" in view.detail.raw.toPlainText()
    view.show_whole_trace()
    pages["whole"] = shown_texts(window)
    window.start_replay()
    pages["replay"] = shown_texts(window)
    assert any("\\u202edeined" in text for text in pages["replay"])
    obeyed = {page: [t[:60] for t in texts if re.search("[\u202a-\u202e\u2066-\u2069]", t)]
              for page, texts in pages.items()}
    assert obeyed == {page: [] for page in pages}
    store.close()
