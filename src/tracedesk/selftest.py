"""``tracedesk selftest``: check that this installation works, from its files to its window.

It runs what a reviewer's first minutes run, on a throwaway database: the demo bundle is
found among the installed resources, imported, its signals put traces in the queue, one
is reviewed and exported as an eval case, and the window opens on it (offscreen when
there is no display) and shows a trace. A frozen build and an installed wheel run it as
their smoke test; a user runs it when something seems wrong with an installation.
"""

from __future__ import annotations

import os
import sys
import tempfile
import traceback
from collections.abc import Callable
from pathlib import Path

from . import __version__


def run_selftest(window: bool = True, out: Callable[[str], None] = print) -> int:
    """Run every check, saying each one's outcome; 0 if all passed, 1 otherwise."""
    out(f"Tracedesk {__version__} on Python {sys.version.split()[0]} ({sys.platform})")
    with tempfile.TemporaryDirectory(prefix="tracedesk-selftest-") as tmp:
        state: dict = {"db": Path(tmp) / "selftest.sqlite", "tmp": Path(tmp)}
        checks: list[tuple[str, Callable[[dict], str]]] = [
            ("resources", _resources),
            ("meaning", _meaning),
            ("import", _import),
            ("queue", _queue),
            ("review", _review),
            ("export", _export),
        ]
        if window:
            checks += [("platform", _platform), ("window", _window)]
        for name, check in checks:
            try:
                said = check(state)
            except Exception as exc:  # the point is to report, whatever broke
                out(f"FAILED  {name}: {exc}")
                if os.environ.get("TRACEDESK_DEBUG"):
                    traceback.print_exc()
                return 1
            out(f"ok      {name}: {said}")
    out("All checks passed.")
    return 0


def _resources(state: dict) -> str:
    from .resources import demo_bundle_path, resource_path

    demo, icon = demo_bundle_path(), resource_path("icons", "tracedesk.svg")
    for path in (demo, icon):
        if not path.is_file():
            raise FileNotFoundError(f"{path} is missing from the installation")
    state["demo"] = demo
    return f"demo bundle and icon found in {demo.parent.parent}"


def _meaning(state: dict) -> str:
    """The model the queue compares messages with ships in the installation and reads
    a rephrase as closer than another question."""
    from .core.signals.meaning import embedder

    model = embedder()
    if model is None:
        raise RuntimeError("the wordllama model could not be loaded: rephrases and requests for a person are "
                           "then read by their words only (reinstall Tracedesk)")
    asked, again, other = model.embed(["how do i reset my password", "i forgot my password, what do i do",
                                       "what are your opening hours"])
    if not float(asked @ again) > float(asked @ other):
        raise RuntimeError("the wordllama model loaded but does not tell a rephrase from another question")
    return f"wordllama, {model.table.shape[0]:,} tokens of {model.dim} dimensions"


def _import(state: dict) -> str:
    from .core import ingest
    from .core.database import open_store

    with open_store(state["db"]) as store:
        report = ingest.import_paths(store, [state["demo"]])
    added = report.added
    if not added.traces or report.problem_count:
        raise RuntimeError(f"the demo bundle imported {added.traces} traces with {report.problem_count} problems")
    return f"{added.traces} traces, {added.spans} spans, {added.feedback} feedback"


def _queue(state: dict) -> str:
    from .core import queue
    from .core.database import open_store

    with open_store(state["db"]) as store, store.read() as conn:
        rows = queue.page(conn, limit=1)
        total = queue.count(conn)
    if not rows:
        raise RuntimeError("no trace of the demo bundle is in the failure queue")
    state["first"] = rows[0]
    return f"{total} traces in the queue, the first for {', '.join(r.signal for r in rows[0].reasons[:2])}"


def _review(state: dict) -> str:
    from .core import reviews
    from .core.database import open_store

    first = state["first"]
    with open_store(state["db"]) as store, store.write() as conn:
        reviews.save_review(conn, first.trace_pk, "selftest", reviews.ReviewInput(
            "failure", expected="The answer the agent should have given."))
    return f"{first.trace_id} reviewed as a failure"


def _export(state: dict) -> str:
    from .core.database import open_store
    from .core.export import export_cases

    path = state["tmp"] / "cases.jsonl"
    with open_store(state["db"]) as store, store.read() as conn:
        report = export_cases(conn, "jsonl", path)
    if report.cases != 1 or not path.is_file():
        raise RuntimeError(f"expected one eval case, got {report.cases}")
    return f"1 eval case written ({path.stat().st_size:,} bytes)"


def _platform(state: dict) -> str:
    """Whether Qt's platform plugin can load, checked before the window check loads it: Qt
    aborts the process on a missing library, where this names it and its package."""
    from .display import display_problem, missing_libraries, missing_libraries_message, xcb_plugin

    plugin = xcb_plugin() if sys.platform.startswith("linux") else None
    missing = missing_libraries(plugin) if plugin is not None else []
    if os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY") or os.environ.get("QT_QPA_PLATFORM"):
        problem = display_problem()
        if problem is not None:
            raise RuntimeError(problem)
        platform = os.environ.get("QT_QPA_PLATFORM") or ("xcb" if os.environ.get("DISPLAY") else "wayland")
        return f"the {platform} platform can load"
    if missing:  # no display now; say what a window on one would lack, but the check passes
        return f"no display: the window is checked offscreen; on a display, {missing_libraries_message(missing)}"
    return "no display: the window is checked offscreen"


def _window(state: dict) -> str:
    if sys.platform.startswith("linux") and not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    if os.environ.get("QT_QPA_PLATFORM") == "offscreen":
        # The offscreen platform says it cannot pass size hints to a window manager it lacks.
        os.environ.setdefault("QT_LOGGING_RULES", "qt.qpa.*=false")
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from .core.database import open_store
    from .ui.app import application
    from .ui.background import wait_for_background
    from .ui.mainwindow import MainWindow
    from .ui.state import WindowState

    app = application()
    settings = QSettings(str(state["tmp"] / "window.ini"), QSettings.Format.IniFormat)
    window = MainWindow(open_store(state["db"]), WindowState(settings))
    try:
        window.resize(1200, 800)
        window.show()
        for _ in range(20):
            app.processEvents()
        rows = window.queue_model.rowCount()
        window.open_trace(state["first"].trace_pk)
        app.processEvents()
        steps = window.trace_view.tree.model().rowCount()
        if not rows or not steps:
            raise RuntimeError(f"the window shows {rows} queue rows and {steps} steps")
        return f"opened on {QApplication.platformName()}: {rows} queue rows, a trace with its steps"
    finally:
        wait_for_background()
        window.close()
        if window.store is not None:
            window.store.close()
        window.deleteLater()
        app.processEvents()
