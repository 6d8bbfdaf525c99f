"""The window as a whole: menus with every action and its shortcut, the keyboard help,
the title, and what it remembers between runs."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QFileDialog

from tracedesk.core.database import open_store
from tracedesk.ui.pages import Page
from tracedesk.ui.shortcuts import ShortcutsDialog, menu_shortcuts

from .bundles import write_support_bundle
from .conftest import make_window


def test_every_action_with_a_shortcut_is_in_a_menu(window) -> None:
    in_menus = {text: keys for _, rows in menu_shortcuts(window.menuBar()) for text, keys in rows}
    for text, keys in (("Next Trace", "J"), ("Previous Trace", "K"), ("Open Trace", "Return"),
                       ("Back to Queue", "Esc"), ("Search", "/"), ("Keyboard Shortcuts", "?"),
                       ("Import Bundles", "Ctrl+I")):
        assert text in in_menus and keys in in_menus[text].split("  or  "), text
    # Whole key sequences, not parts of them: "J" is not found inside "Ctrl+J".
    in_menu_keys = {key for keys in in_menus.values() for key in keys.split("  or  ")}
    shortcuts = {key.toString() for a in window.actions() for key in a.shortcuts() if not key.isEmpty()}
    assert shortcuts and shortcuts <= in_menu_keys, sorted(shortcuts - in_menu_keys)


def test_question_mark_shows_every_shortcut(window, qtbot) -> None:
    qtbot.keyClick(window.queue_pane.table, "?")
    dialogs = [w for w in QApplication.topLevelWidgets() if isinstance(w, ShortcutsDialog) and w.isVisible()]
    assert len(dialogs) == 1
    entries = dict(dialogs[0].entries())
    assert entries["Next Trace"] == "J" and entries["Back to Queue"] == "Esc" and entries["Search"] == "/"
    assert "Go" in entries and "File" in entries
    dialogs[0].close()


def test_the_title_names_the_database(window, filled_store) -> None:
    assert window.windowTitle().startswith(f"review.sqlite ({filled_store.path.parent})")
    assert str(filled_store.path) in window.where.text()


def test_the_window_remembers_geometry_splitters_and_recent_databases(qtbot, tmp_path, filled_store,
                                                                     window_state) -> None:
    window = make_window(qtbot, filled_store, window_state)
    screen = window.screen().availableGeometry()
    wanted = (screen.width() - 23, screen.height() - 77)  # restoring keeps a window on its screen
    window.resize(*wanted)
    window.open_current()
    window.trace_view.splitter.setSizes([300, 500])
    splitter = window.trace_view.splitter.saveState()
    window.close()
    other = open_store(tmp_path / "other.sqlite")
    again = make_window(qtbot, other, window_state, size=None)
    assert (again.size().width(), again.size().height()) == wanted
    assert again.trace_view.splitter.saveState() == splitter
    recent = [a.text() for a in again.recent_menu.actions()]
    assert any("other.sqlite" in t for t in recent) and any("review.sqlite" in t for t in recent)
    assert "other.sqlite" in again.windowTitle()
    review = next(a for a in again.recent_menu.actions() if "review.sqlite" in a.text())
    review.trigger()
    assert "review.sqlite" in again.windowTitle() and again.queue_model.rowCount() > 0


def test_a_database_that_cannot_be_opened_leaves_the_window_as_it_was(window, tmp_path, monkeypatch) -> None:
    import tracedesk.ui.mainwindow

    shown = []
    monkeypatch.setattr(tracedesk.ui.mainwindow, "show_message", lambda *args: shown.append(args[2]))
    notes = tmp_path / "notes.txt"
    notes.write_text("my notes")
    title = window.windowTitle()
    assert not window.open_database(notes)
    assert "not a Tracedesk review database" in shown[0]
    assert window.windowTitle() == title and notes.read_text() == "my notes"


def test_a_database_name_with_an_ampersand_is_shown_as_it_is_in_the_recent_menu(qtbot, tmp_path,
                                                                                window_state) -> None:
    store = open_store(tmp_path / "R&D reviews.sqlite")
    window = make_window(qtbot, store, window_state)
    entry = next(a for a in window.recent_menu.actions() if "reviews.sqlite" in a.text())
    # "&&" is how a menu shows one "&" (a single one would underline the next letter and hide itself)
    assert "R&&D reviews.sqlite" in entry.text() and entry.toolTip() == str(store.path.resolve())
    assert window.windowTitle().startswith("R&D reviews.sqlite")


def test_import_starts_where_the_last_import_was_chosen(qtbot, window, tmp_path, monkeypatch) -> None:
    folder = tmp_path / "exports"
    folder.mkdir()
    bundle = write_support_bundle(folder / "more.jsonl", traces=3, source="more-bot")
    asked_in: list[str] = []

    def choose(_parent, _title, start, _filter):  # the file dialog of the platform
        asked_in.append(start)
        return [str(bundle)], ""

    monkeypatch.setattr(QFileDialog, "getOpenFileNames", staticmethod(choose))
    with qtbot.waitSignal(window.import_finished, timeout=20_000) as finished:
        window.import_action.trigger()
    assert finished.args[0].added.traces == 3
    with qtbot.waitSignal(window.import_finished, timeout=20_000):
        window.import_action.trigger()
    assert asked_in == [str(window.store.path.parent), str(folder)]


def _esc(qtbot, window) -> None:
    qtbot.keyClick(window.focusWidget() or window, Qt.Key.Key_Escape)


def test_the_pages_a_review_may_never_open_are_built_when_first_shown(qtbot, window) -> None:
    """The replay, the comparison, Insights and the disagreements cost nothing while the
    window opens: each is built when first shown, and then shows what it was asked for."""
    later = (Page.REPLAY, Page.COMPARE, Page.INSIGHTS, Page.DISAGREEMENTS)
    assert [page for page in later if window.page_stack.built(page)] == []
    qtbot.keyClick(window.queue_pane.table, Qt.Key.Key_Return)
    qtbot.keyClick(window.focusWidget(), Qt.Key.Key_R)
    assert window.current_page() is Page.REPLAY and window.pages.currentWidget() is window.replay_view
    assert window.replay_view.model.rowCount() == window.trace_view.outline.span_count > 0
    _esc(qtbot, window)
    assert window.current_page() is Page.TRACE
    assert [page for page in later if window.page_stack.built(page)] == [Page.REPLAY]


def test_esc_goes_back_to_the_page_it_came_from_hop_by_hop(qtbot, window) -> None:
    """queue → trace → comparison: Esc, the trace again; Esc, the queue, on the same row.
    A page reached from a trace (Insights, F3) goes back to that trace, not to the queue."""
    table, model = window.queue_pane.table, window.queue_model
    table.setFocus()
    table.select_row(1)
    qtbot.keyClick(table, Qt.Key.Key_Return)
    opened = window.trace_view.trace_pk
    assert window.pages.currentWidget() is window.trace_view and opened == model.trace_pk(1)
    window.compare_traces(window.store, model.trace_pk(3))
    assert window.pages.currentWidget() is window.compare_view
    assert window.compare_view.table.hasFocus()

    _esc(qtbot, window)
    assert window.pages.currentWidget() is window.trace_view and window.trace_view.trace_pk == opened
    assert window.compare_action.isEnabled() and window.next_action.isEnabled()
    _esc(qtbot, window)
    assert window.pages.currentWidget() is window.queue_pane and table.hasFocus()
    assert table.currentIndex().row() == 1
    _esc(qtbot, window)  # nothing before the queue: it stays
    assert window.pages.currentWidget() is window.queue_pane

    qtbot.keyClick(table, Qt.Key.Key_Return)
    qtbot.keyClick(window.focusWidget(), Qt.Key.Key_F3)
    assert window.pages.currentWidget() is window.insights_view
    assert not window.next_action.isEnabled()  # j and k have no list to move in there
    _esc(qtbot, window)
    assert window.pages.currentWidget() is window.trace_view and window.trace_view.trace_pk == opened
    _esc(qtbot, window)
    assert window.pages.currentWidget() is window.queue_pane


def test_a_page_on_the_way_back_ends_the_way_there(qtbot, window) -> None:
    """queue → trace → Insights → (Ctrl+1) the queue: Esc has nowhere left to go back to;
    the trace then reached again from the queue goes back to it."""
    table = window.queue_pane.table
    table.setFocus()
    qtbot.keyClick(table, Qt.Key.Key_Return)
    qtbot.keyClick(window.focusWidget(), Qt.Key.Key_F3)
    qtbot.keyClick(window.focusWidget(), Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    assert window.pages.currentWidget() is window.queue_pane
    _esc(qtbot, window)
    assert window.pages.currentWidget() is window.queue_pane
    qtbot.keyClick(table, Qt.Key.Key_J)
    qtbot.keyClick(table, Qt.Key.Key_Return)
    assert window.trace_view.trace_pk == window.queue_model.trace_pk(1)
    qtbot.keyClick(window.focusWidget(), Qt.Key.Key_J)  # the next trace of the queue, on the same page
    assert window.trace_view.trace_pk == window.queue_model.trace_pk(2)
    _esc(qtbot, window)
    assert window.pages.currentWidget() is window.queue_pane and table.currentIndex().row() == 2
