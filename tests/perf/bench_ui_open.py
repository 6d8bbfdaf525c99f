"""How fast the window opens on a big database, and how fast a big trace opens.

    .venv/bin/python tests/perf/bench_ui_open.py [--traces 1000000] [--spans 10000]

Prints, for a queue of ``--traces`` traces (every one of them in the queue at once):
the time from creating the window to its first paint and to jump to the last row; for a
search, the longest the GUI thread is blocked (the search is read in the background, the
rows of before staying meanwhile) and the time until the rows found are painted; and for
a trace of ``--spans`` steps: the time from asking for it to the trace page painted
(target: under 300 ms). The databases are written with plain SQL on the core's tables
(the importer has its own benchmark). Runs offscreen unless a display is asked for.
"""

from __future__ import annotations

import argparse
import os
import random
import resource
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from PySide6.QtCore import QSettings, Qt  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402

from tracedesk.core.database import open_store  # noqa: E402
from tracedesk.core.store import executemany  # noqa: E402
from tracedesk.ui.app import application  # noqa: E402
from tracedesk.ui.mainwindow import MainWindow  # noqa: E402
from tracedesk.ui.state import WindowState  # noqa: E402
from tracedesk.ui.trace_view import TraceView  # noqa: E402

KINDS = ["thumbs_down", "rephrase", "escalation", "error_swallowed", "empty_retrieval", "loop", "outlier"]
T0 = 1_780_000_000_000_000_000


def build_queue(path: Path, n: int) -> None:
    """``n`` traces, each with one signal and its own queue entry (no groups)."""
    rng = random.Random(7)
    with open_store(path) as store, store.write() as conn:
        conn.exec_driver_sql("INSERT INTO source (id, name, created_ns) VALUES (1, 'bench', 0)")
        traces, entries, signals = [], [], []
        for pk in range(1, n + 1):
            kind = KINDS[pk % len(KINDS)]
            priority = round(rng.random(), 6) or 0.01
            traces.append((pk, f"trace-{pk}", f"session-{pk // 3}", f"user-{pk % 5000}", T0 + pk * 10**9,
                           T0 + pk * 10**9 + rng.randrange(200, 9000) * 10**6,
                           f'"Where is my order {pk}? It was due on Monday."', f"model-{pk % 3}", f"v{pk % 4}",
                           round(rng.random() / 50, 6), f'{{"tier": "{("gold", "free", "team")[pk % 3]}"}}'))
            entries.append((pk, priority, f'[{{"signal": "{kind}", "confidence": {priority}, '
                                          f'"detail": "why it is here", "span_id": null}}]', kind))
            signals.append((pk, kind, priority))
            if len(traces) >= 50_000:
                _flush(conn, traces, entries, signals)
        _flush(conn, traces, entries, signals)


def _flush(conn, traces: list, entries: list, signals: list) -> None:
    executemany(conn, "INSERT INTO trace (id, source_id, trace_id, has_record, session_id, user_id, start_ns, "
                      "end_ns, input, model, prompt_version, cost_usd, metadata, span_count, error_count) "
                      "VALUES (?,1,?,1,?,?,?,?,?,?,?,?,?,0,0)", traces)
    executemany(conn, "INSERT INTO queue_entry (trace_pk, priority, reasons, top_kind, group_key, group_size, "
                      "is_head, state) VALUES (?,?,?,?,NULL,1,1,'open')", entries)
    executemany(conn, "INSERT INTO signal (trace_pk, kind, confidence, detail) VALUES (?,?,?,'why it is here')",
                signals)
    executemany(conn, "INSERT INTO trace_fts (rowid, body) VALUES (?, ?)", [(t[0], t[6]) for t in traces])
    traces.clear()
    entries.clear()
    signals.clear()


def build_big_trace(path: Path, spans: int) -> int:
    """One trace of ``spans`` steps: an agent with groups of ten tool and LLM steps."""
    with open_store(path) as store, store.write() as conn:
        conn.exec_driver_sql("INSERT INTO source (id, name, created_ns) VALUES (1, 'bench', 0)")
        conn.exec_driver_sql(
            "INSERT INTO trace (id, source_id, trace_id, has_record, start_ns, end_ns, input, span_count, "
            "error_count) VALUES (1, 1, 'big', 1, ?, ?, '\"Summarise the catalogue\"', ?, 0)",
            (T0, T0 + spans * 10**6, spans))
        rows = [(1, "root", None, "agent", "agent", T0, T0 + spans * 10**6, None, None)]
        for i in range(1, spans):
            parent = "root" if i % 10 == 1 else f"s{i - (i - 1) % 10}"
            kind = "llm" if i % 3 == 0 else "tool"
            rows.append((1, f"s{i}", parent, f"{kind} step {i}", kind, T0 + i * 10**6, T0 + i * 10**6 + 800_000,
                         f'{{"name": "fetch", "arguments": {{"page": {i}}}}}', f'{{"items": [{i}]}}'))
        executemany(conn, "INSERT INTO span (trace_pk, span_id, parent_id, name, kind, start_ns, end_ns, input, "
                          "output) VALUES (?,?,?,?,?,?,?,?,?)", rows)
        conn.exec_driver_sql("INSERT INTO queue_entry (trace_pk, priority, group_size, is_head, state) "
                             "VALUES (1, 0.5, 1, 1, 'open')")
    return 1


def rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def queue_figures(n: int, tmp: Path) -> None:
    path = tmp / "queue.sqlite"
    started = time.perf_counter()
    build_queue(path, n)
    print(f"built {n:,} traces in {time.perf_counter() - started:.1f} s")
    app = application()
    store = open_store(path)
    state = WindowState(QSettings(str(tmp / "state.ini"), QSettings.Format.IniFormat))
    started = time.perf_counter()
    window = MainWindow(store, state)
    window.resize(1280, 800)
    window.show()
    app.processEvents()
    window.queue_pane.table.viewport().repaint()
    first_paint = time.perf_counter() - started
    rows = window.queue_model.rowCount()
    print(f"queue of {rows:,} traces: first paint {first_paint * 1000:.0f} ms   (RSS {rss_mb():.0f} MB)")
    table = window.queue_pane.table
    started = time.perf_counter()
    while not (window.queue_model.ids_known and window.choices_ready):
        app.processEvents()
        time.sleep(0.005)
    print(f"  every id and the filters' values read in the background: "
          f"{(time.perf_counter() - started + first_paint) * 1000:.0f} ms after opening")
    started = time.perf_counter()
    table.select_row(rows - 1)
    table.viewport().repaint()
    print(f"  jump to the last row and paint: {(time.perf_counter() - started) * 1000:.0f} ms")
    times = []
    for step in range(20):
        started = time.perf_counter()
        table.select_row(rows // 20 * step + 7)
        table.viewport().repaint()
        times.append(time.perf_counter() - started)
    print(f"  jump anywhere and paint (median of 20): {statistics.median(times) * 1000:.0f} ms")
    table.setFocus()
    times = []
    for _ in range(50):
        started = time.perf_counter()
        QTest.keyClick(table, Qt.Key.Key_J)  # the selection and the status bar's counts follow
        table.viewport().repaint()
        window.statusBar().repaint()
        times.append(time.perf_counter() - started)
    print(f"  press j and paint (median of 50): {statistics.median(times) * 1000:.1f} ms; "
          f"slowest {max(times) * 1000:.1f} ms   ({window.counts.text()})")
    for words in ("order 4242", "monday"):
        search_figures(app, window, words)
    column_figures(window)
    window.close()
    store.close()


def search_figures(app, window: MainWindow, words: str) -> None:
    """A search typed in the search box, then Esc: how long the GUI thread is busy at a time
    (the longest turn of the event loop, paints included) and how long until the rows found
    are painted."""
    model, table, filters = window.queue_model, window.queue_pane.table, window.queue_pane.filters
    started = time.perf_counter()
    filters.search.setText(words)
    filters._emit_now()  # what Enter (or the end of typing) does
    blocked = time.perf_counter() - started
    while model.searching:
        turn = time.perf_counter()
        app.processEvents()  # the rows found are put in the table here
        if not model.searching:
            table.viewport().repaint()
        blocked = max(blocked, time.perf_counter() - turn)
        time.sleep(0.001)  # an idle event loop waits for events
    table.viewport().repaint()
    shown = time.perf_counter() - started
    print(f"  search '{words}' ({model.rowCount():,} rows): GUI thread blocked {blocked * 1000:.0f} ms at most; "
          f"rows painted after {shown * 1000:.0f} ms")
    started = time.perf_counter()
    filters.clear_search()  # Esc
    table.viewport().repaint()
    print(f"    Esc, and the whole queue painted again: {(time.perf_counter() - started) * 1000:.0f} ms")


def column_figures(window: MainWindow) -> None:
    """Sorting by the latency, cost, tokens and review columns, and filtering by latency,
    cost and metadata: the time until the rows are painted (read on the GUI thread)."""
    from tracedesk.core.queue import QueueFilter
    from tracedesk.core.run_columns import RunFilter
    from tracedesk.ui.queue_model import COST, LATENCY, PRIORITY, REVIEW, TOKENS

    model, table = window.queue_model, window.queue_pane.table
    for column in (LATENCY, COST, TOKENS, REVIEW, PRIORITY):
        started = time.perf_counter()
        table.sortByColumn(column, Qt.SortOrder.DescendingOrder)
        table.viewport().repaint()
        name = model.headerData(column, Qt.Orientation.Horizontal)
        print(f"  sort by {name.lower()} and paint: {(time.perf_counter() - started) * 1000:.0f} ms")
    for f in (RunFilter(min_latency_ms=8500), RunFilter(max_cost_usd=0.001),
              RunFilter(metadata_key="tier", metadata_value="gold"), RunFilter()):
        started = time.perf_counter()
        model.set_filter(QueueFilter(runs=f))
        table.viewport().repaint()
        print(f"  filter {f.describe() or '(none)'}: {model.rowCount():,} rows painted after "
              f"{(time.perf_counter() - started) * 1000:.0f} ms")


def trace_figures(spans: int, tmp: Path) -> None:
    path = tmp / "trace.sqlite"
    pk = build_big_trace(path, spans)
    app = application()
    store = open_store(path)
    view = TraceView()
    view.resize(1280, 800)
    view.show()
    app.processEvents()
    times = []
    for _ in range(5):
        started = time.perf_counter()
        view.open_trace(store, pk)
        app.processEvents()
        view.repaint()
        times.append(time.perf_counter() - started)
    print(f"trace of {spans:,} steps: opened and painted in {statistics.median(times) * 1000:.0f} ms "
          f"(median of 5; first {times[0] * 1000:.0f} ms; target < 300 ms)")
    started = time.perf_counter()
    view.select_span(f"s{spans - 1}")
    view.repaint()
    print(f"  select its last step and paint: {(time.perf_counter() - started) * 1000:.0f} ms")
    store.close()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--traces", type=int, default=1_000_000)
    parser.add_argument("--spans", type=int, default=10_000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        trace_figures(args.spans, Path(tmp))
        queue_figures(args.traces, Path(tmp))


if __name__ == "__main__":
    main()
