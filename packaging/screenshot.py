"""Retake the README's screenshots of the window on the demo data, on a real X server.

    .venv/bin/python packaging/screenshot.py

Starts ``Xvfb`` (apt-get install xvfb imagemagick) on a free display unless one is given
with ``--display``, runs the window there on a fresh copy of the demo database, and writes
what the screen shows with ImageMagick's ``import``. With ``--offscreen`` it needs no X
server: the window is drawn offscreen and grabbed by Qt (the same pixels, without the
window manager's frame).

- ``resources/screenshot.png``: a failing run, its steps on a timeline, the signals that
  put it in the queue and the failed step in detail;
- ``resources/screenshot-queue.png``: the failure queue;
- ``resources/screenshot-before-after.png``: Insights' before and after, one prompt version
  against the other, with a few more traces reviewed.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
WIDTH, HEIGHT = 1440, 900


def take(display: str, out_dir: Path) -> None:
    """In this process, on ``display`` ("offscreen": Qt's offscreen platform): open the
    window and save the two screenshots."""
    offscreen = display == "offscreen"
    if offscreen:
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    else:
        os.environ["DISPLAY"] = display
        os.environ.pop("QT_QPA_PLATFORM", None)
    from PySide6.QtCore import QSettings, QTimer

    from tracedesk.core import ingest, queue, reviews
    from tracedesk.core.database import open_store
    from tracedesk.resources import demo_bundle_path
    from tracedesk.ui.app import application
    from tracedesk.ui.mainwindow import MainWindow
    from tracedesk.ui.state import WindowState

    tmp = Path(tempfile.mkdtemp())
    os.environ["TRACEDESK_CONFIG"] = str(tmp / "settings.toml")  # the reviewer's name is known
    (tmp / "settings.toml").write_text('[reviewer]\nname = "Ann Lee"\n')
    store = open_store(tmp / "demo.sqlite")
    ingest.import_paths(store, [demo_bundle_path()])
    app = application()
    window = MainWindow(store, WindowState(QSettings(str(tmp / "state.ini"), QSettings.Format.IniFormat)))
    window.setGeometry(0, 0, WIDTH, HEIGHT)
    window.show()

    def snap(name: str) -> None:
        app.processEvents()
        if offscreen:
            window.grab().save(str(out_dir / name))
            return
        subprocess.run(["import", "-window", "root", "-crop", f"{WIDTH}x{HEIGHT}+0+0", "+repage",
                        str(out_dir / name)], check=True)

    def queue_shot() -> None:
        window.queue_pane.table.select_row(0)
        QTimer.singleShot(800, lambda: (snap("screenshot-queue.png"), trace_shot()))

    def trace_shot() -> None:
        # A failing run as a reviewer leaves it: the verdict, the cause, the step to blame
        # and the answer it should have given.
        with store.read() as conn:
            [row] = queue.page(conn, queue.QueueFilter(kinds=("error_swallowed",)), limit=1)
        failed = next(r.span_id for r in row.reasons if r.signal == "error_swallowed")
        with store.write() as conn:
            reviews.save_review(conn, row.trace_pk, "Ann Lee", reviews.ReviewInput(
                "failure", severity="high", cause="tool error", blamed_span_id=failed,
                expected="I couldn't check the Down Vest just now: our product service is down. "
                         "It usually runs true to size; I can look again in a few minutes."))
        window.open_trace(row.trace_pk)
        window.trace_view.select_span(failed)
        QTimer.singleShot(800, lambda: (snap("screenshot.png"), before_after_shot()))

    def before_after_shot() -> None:
        # Eight more of the queue's head reviewed (five failures of a tool, three fine), and
        # Insights comparing the two prompt versions (both chosen as the tab opens).
        with store.write() as conn:
            rows = queue.page(conn, queue.QueueFilter(), limit=8)
            for i, row in enumerate(rows):
                review = reviews.ReviewInput("ok") if i % 3 == 2 else reviews.ReviewInput("failure", cause="tool error")
                reviews.save_review(conn, row.trace_pk, "Ann Lee", review)
        window.show_insights()
        window.insights_view.compared.connect(
            lambda: QTimer.singleShot(800, lambda: (snap("screenshot-before-after.png"), window.close())))
        window.insights_view.tabs.setCurrentIndex(4)

    QTimer.singleShot(1500, queue_shot)
    app.exec()
    store.close()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--display", help="an X display to use instead of starting Xvfb")
    parser.add_argument("--offscreen", action="store_true", help="draw the window offscreen: no X server needed")
    parser.add_argument("--out", type=Path, default=ROOT / "resources")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        take(args.child, args.out)
        return 0
    args.out.mkdir(parents=True, exist_ok=True)  # (a folder that is not there: the window would wait for nothing)
    server = None
    display = "offscreen" if args.offscreen else args.display
    if display is None:
        display = ":97"
        server = subprocess.Popen(["Xvfb", display, "-screen", "0", f"{WIDTH}x{HEIGHT}x24", "-nolisten", "tcp"])
        time.sleep(1.5)
    try:
        subprocess.run([sys.executable, __file__, "--child", display, "--out", str(args.out)], check=True,
                       timeout=120)
    finally:
        if server is not None:
            server.terminate()
    print(f"wrote {args.out / 'screenshot.png'}, {args.out / 'screenshot-queue.png'} and "
          f"{args.out / 'screenshot-before-after.png'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
