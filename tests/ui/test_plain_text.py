"""Text from bundles and merged databases is shown as the characters it holds, never as
HTML: a database with markup in every text field, and every widget of every page and
dialog walked (labels, tooltips, text views, table cells, chart labels)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from PySide6.QtCharts import QBarCategoryAxis, QChartView
from PySide6.QtCore import QAbstractListModel, QAbstractTableModel, QModelIndex, Qt
from PySide6.QtGui import QAction
from PySide6.QtGui import Qt as QtGui
from PySide6.QtWidgets import QApplication, QComboBox, QLabel, QPlainTextEdit, QTabBar, QTextEdit, QWidget

from tests.conftest import write_jsonl
from tests.core.sessions import Bundle, retrieval, tool
from tracedesk.core import causes, ingest
from tracedesk.core.agreement import settle
from tracedesk.core.database import open_store
from tracedesk.core.reviews import ReviewInput, save_review
from tracedesk.core.store import Store
from tracedesk.core.traces import find_trace

from .conftest import make_window


def html(field: str) -> str:
    """Markup that Qt would render (and whose image it would load) if it read it as HTML;
    its first word names the field it was planted in."""
    return f'<b>zq{field}</b><img src="file:///tmp/zq-{field}.png"> &amp; more'


@pytest.fixture(autouse=True)
def settings_file(tmp_path: Path, monkeypatch) -> Path:
    path = tmp_path / "settings.toml"
    path.write_text('[reviewer]\nname = "lead"\n', encoding="utf-8")
    monkeypatch.setenv("TRACEDESK_CONFIG", str(path))
    return path


@pytest.fixture
def marked_store(tmp_path: Path):
    b = Bundle(html("source"))
    for i in range(6):
        version, model = html(f"version{i % 2}"), html(f"model{i % 2}")
        b.turn(html(f"session{i // 3}"), f"{html('question')} number {i}", html("answer"), trace_id=f"{html('id')}{i}",
               user=html("user"), name=html("tracename"), tags=[html("tracetag")],
               metadata={"model": model, "prompt_version": version, "environment": html("env"),
                         "app_version": html("app")},
               steps=[tool(html("toolname"), {"q": html("arguments")}, error=html("error")),
                      retrieval(html("query"), []),
                      {"kind": "llm", "name": html("llmname"), "model": model,
                       "input": {"messages": [{"role": "user", "content": html("prompt")}]},
                       "output": {"messages": [{"role": "assistant", "content": html("reply")}]}}])
        b.feedback(f"{html('id')}{i}", "thumbs", -1, comment=html("comment"), author=html("author"))
        b.feedback(f"{html('id')}{i}", "escalation", True, comment=html("escalation"))
    bundle = write_jsonl(tmp_path / "marked.jsonl", b.records)
    store = open_store(tmp_path / "marked.sqlite")
    assert ingest.import_paths(store, [bundle]).added.traces == 6
    with store.write() as conn:
        cause = causes.add_cause(conn, html("cause"), author=html("reviewer"), description=html("causetext")).name
        for i in range(4):
            pk = find_trace(conn, f"{html('id')}{i}").pk
            span = conn.exec_driver_sql("SELECT span_id FROM span WHERE trace_pk = ? AND kind = 'tool'",
                                        (pk,)).scalar()
            for reviewer, verdict in ((html("reviewer"), "failure"), (html("other"), "ok" if i % 2 else "failure")):
                save_review(conn, pk, reviewer, ReviewInput(
                    verdict, cause=cause if verdict == "failure" else None, blamed_span_id=span if verdict ==
                    "failure" else None, expected=html("expected"), notes=html("notes"), tags=[html("reviewtag")]))
        settle(conn, find_trace(conn, f"{html('id')}1").pk, html("settler"), "failure", cause=cause,
               notes=html("settled"))
    yield store
    store.close()


# -- the walk ---------------------------------------------------------------------------------------

PLANTED = re.compile(r"zq[a-z0-9]+")


def read_as_html(text: str | None) -> bool:
    """Whether Qt reads ``text`` as rich text and finds planted markup in it."""
    return bool(text) and "<b>zq" in text and QtGui.mightBeRichText(text)


def interpreted(shown: str) -> bool:
    """Whether text a widget shows lost the markup around a planted word (it was rendered)."""
    return any(shown[max(0, m.start() - 3):m.start()] != "<b>" for m in PLANTED.finditer(shown))


def model_tips(model, parent: QModelIndex | None = None, depth: int = 0) -> list[str]:
    parent = parent or QModelIndex()
    tips = []
    flat = isinstance(model, QAbstractTableModel | QAbstractListModel)
    for orientation in (Qt.Orientation.Horizontal, Qt.Orientation.Vertical):
        count = model.columnCount(parent) if orientation == Qt.Orientation.Horizontal else model.rowCount(parent)
        tips += [model.headerData(i, orientation, Qt.ItemDataRole.ToolTipRole) for i in range(min(count, 50))]
    for row in range(min(model.rowCount(parent), 200)):
        for column in range(model.columnCount(parent)):
            index = model.index(row, column, parent)
            tips.append(model.data(index, Qt.ItemDataRole.ToolTipRole))
            if column == 0 and depth < 6 and not flat and model.rowCount(index) > 0:
                tips += model_tips(model, index, depth + 1)
    return [t for t in tips if isinstance(t, str)]


def chart_labels(view: QChartView) -> list[str]:
    chart = view.chart()
    labels = [chart.title()]
    for axis in chart.axes():
        labels.append(axis.titleText())
        if isinstance(axis, QBarCategoryAxis):
            labels += axis.categories()
    for series in chart.series():
        labels.append(series.name())
        labels += [s.label() for s in getattr(series, "barSets", list)()]
    labels += [marker.label() for marker in chart.legend().markers()]
    return labels


SEEN: list[str] = []  # the planted texts the walk met, shown as they are


def rich_text_shown(root: QWidget) -> list[str]:
    """Every place under ``root`` where planted markup would be read as HTML."""
    found = []
    for w in [root, *root.findChildren(QWidget)]:
        where = f"{type(w).__name__}#{w.objectName()}"
        if w.isVisible():
            shown = [w.toolTip(), w.text() if isinstance(w, QLabel) else "",
                     w.toPlainText() if isinstance(w, QTextEdit | QPlainTextEdit) else ""]
            SEEN.extend(PLANTED.findall(" ".join(shown)))
        if read_as_html(w.toolTip()):
            found.append(f"{where} tooltip: {w.toolTip()[:70]}")
        if isinstance(w, QLabel) and w.textFormat() != Qt.TextFormat.PlainText and read_as_html(w.text()):
            found.append(f"{where} label: {w.text()[:70]}")
        if isinstance(w, QTextEdit) and interpreted(w.toPlainText()):
            found.append(f"{where} text: {w.toPlainText()[:70]}")
        if hasattr(w, "model") and callable(w.model) and w.model() is not None and not isinstance(w, QComboBox):
            found += [f"{where} cell tooltip: {t[:70]}" for t in model_tips(w.model()) if read_as_html(t)]
        if isinstance(w, QComboBox):
            found += [f"{where} item tooltip: {t[:70]}" for t in model_tips(w.model()) if read_as_html(t)]
        if isinstance(w, QTabBar):
            found += [f"{where} tab tooltip" for i in range(w.count()) if read_as_html(w.tabToolTip(i))]
        if isinstance(w, QChartView):
            labels = chart_labels(w)
            found += [f"{where} chart label: {t[:70]}" for t in labels if "<b>zq" in t]
            SEEN.extend(PLANTED.findall(" ".join(t for t in labels if "&lt;b&gt;zq" in t)))
    for action in root.findChildren(QAction):
        if read_as_html(action.toolTip()):
            found.append(f"action {action.text()[:40]} tooltip: {action.toolTip()[:70]}")
    return found


def walk_all(window) -> list[str]:
    found = rich_text_shown(window)
    for top in QApplication.topLevelWidgets():
        if top is not window and top.isVisible():
            found += rich_text_shown(top)
    return found


def test_no_widget_reads_bundle_or_reviewer_text_as_html(qtbot, marked_store: Store, window_state) -> None:
    window = make_window(qtbot, marked_store, window_state)
    SEEN.clear()
    found: dict[str, list[str]] = {}
    found["queue"] = walk_all(window)
    with marked_store.read() as conn:
        first, second = (find_trace(conn, f"{html('id')}{i}").pk for i in (1, 2))

    # A trace, each of its steps in turn, its review panel, history and causes.
    window.open_trace(first)
    tree = window.trace_view.tree
    for row in range(tree.model().rowCount(tree.model().index(0, 0))):
        tree.setCurrentIndex(tree.model().index(row, 0, tree.model().index(0, 0)))
        found[f"trace step {row}"] = walk_all(window)
    for dialog in (window.reviewing.show_history(), window.reviewing.edit_causes()):
        found[type(dialog).__name__] = rich_text_shown(dialog)
        dialog.close()
    # Replay and compare.
    window.start_replay()
    found["replay"] = walk_all(window)
    window.go_back()
    chooser = window.choose_comparison()
    qtbot.waitUntil(lambda: chooser.model.rowCount() > 0, timeout=10_000)
    found["compare chooser"] = rich_text_shown(chooser)
    chooser.close()
    window.compare_traces(marked_store, second)
    found["compare"] = walk_all(window)

    # Insights, each tab, and Before and after; a row opened in the queue.
    view = window.insights_view
    with qtbot.waitSignal(view.computed, timeout=10_000):
        window.show_insights()
    for tab in range(view.tabs.count()):
        view.tabs.setCurrentIndex(tab)
        found[f"insights tab {tab}"] = walk_all(window)
    view.tabs.setCurrentIndex(view.tabs.count() - 1)
    assert view.cohorts() is not None
    with qtbot.waitSignal(view.compared, timeout=10_000):
        view.compare_button.click()
    found["before and after"] = walk_all(window)
    view.failures.table.doubleClicked.emit(view.failures.model.index(0, 0))
    assert window.pages.currentWidget() is window.queue_pane and window.queue_pane.scope is not None
    found["queue from insights"] = walk_all(window)

    # Disagreements, a trace selected; the export and share dialogs.
    disagreements = window.teamwork.view
    with qtbot.waitSignal(disagreements.loaded, timeout=15_000):
        window.teamwork.show_disagreements()
    for row in range(disagreements.model.rowCount()):
        disagreements.table.setCurrentIndex(disagreements.model.index(row, 0))
        found[f"disagreement {row}"] = walk_all(window)
    for dialog in (window.reviewing.export(), window.teamwork.share()):
        qtbot.wait(200)
        found[type(dialog).__name__] = rich_text_shown(dialog)
        dialog.close()

    assert {k: v for k, v in found.items() if v} == {}
    # The walk met the planted text in labels, tooltips, text views and charts, shown as it is.
    assert {"zqid", "zqquestion", "zqtoolname", "zqerror", "zqreviewer", "zqother", "zqcause",
            "zqversion0"} <= set(SEEN)
