"""How fast Tracedesk starts: the command line's ``--version`` and the window on an empty
database, each from a new process, as a person starts them (target: the window painted in
under 1.5 s on this machine).

    .venv/bin/python tests/perf/bench_start.py [--runs 7]

The window is started as ``tracedesk gui`` starts it (``ui.app.run_gui``); a child process
notes the moment of the window's first paint and quits. Runs offscreen unless a display is
asked for. Prints the median and the range of each.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

# The child: the window as run_gui opens it, quitting at its first paint.
WINDOW = """
import sys, time
from PySide6.QtCore import QEvent, QObject, QTimer
from tracedesk.ui import app as ui_app

qt = ui_app.application()

class FirstPaint(QObject):
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint and getattr(watched, "isWindow", lambda: False)():
            print(time.time(), flush=True)
            qt.removeEventFilter(self)
            QTimer.singleShot(0, qt.quit)
        return False

painted = FirstPaint()
qt.installEventFilter(painted)
sys.exit(ui_app.run_gui(__import__("pathlib").Path(sys.argv[1])))
"""


def timed(command: list[str], env: dict[str, str]) -> float:
    """Seconds from starting ``command`` to the time it prints (or to its end)."""
    started = time.time()
    done = subprocess.run(command, env=env, capture_output=True, text=True, check=True, cwd=ROOT)
    ended = time.time()
    lines = done.stdout.split()
    try:
        return float(lines[0]) - started
    except (IndexError, ValueError):
        return ended - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    env = dict(os.environ, PYTHONPATH=str(ROOT / "src"))
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    with tempfile.TemporaryDirectory() as tmp:
        env["XDG_CONFIG_HOME"] = env["XDG_STATE_HOME"] = env["XDG_DATA_HOME"] = tmp  # nothing of the user's
        db = Path(tmp) / "empty.sqlite"
        # The database is created once: the window then opens an existing, empty one.
        subprocess.run([sys.executable, "-c", "import sys; from pathlib import Path; "
                        "from tracedesk.core.database import open_store; open_store(Path(sys.argv[1])).close()",
                        str(db)], env=env, check=True, capture_output=True, cwd=ROOT)
        version, window = [], []
        for _ in range(args.runs):  # alternated, so that a busy moment weighs on both alike
            version.append(timed([sys.executable, "-m", "tracedesk", "--version"], env))
            window.append(timed([sys.executable, "-c", WINDOW, str(db)], env))
    for name, values in (("tracedesk --version", version), ("window painted, empty database", window)):
        print(f"{name:<32} median {statistics.median(values):.3f} s  (min {min(values):.3f}, max {max(values):.3f}, "
              f"{len(values)} runs)")


if __name__ == "__main__":
    main()
