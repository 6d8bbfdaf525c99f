"""The layers of docs/DESIGN.md: core runs without Qt, and imports point one way."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def test_import_contracts_hold() -> None:
    """import-linter's contracts in pyproject.toml: no Qt below tracedesk.core."""
    done = subprocess.run(
        [sys.executable, "-c", "from importlinter.cli import lint_imports_command; lint_imports_command()",
         "--config", str(ROOT / "pyproject.toml"), "--no-cache"],  # no .import_linter_cache/ in the checkout
        capture_output=True, text=True, cwd=ROOT, timeout=120,
    )
    assert done.returncode == 0, done.stdout + done.stderr


def test_the_core_and_the_command_line_load_without_qt() -> None:
    code = (
        "import sys, pkgutil, importlib, tracedesk.core, tracedesk.cli\n"
        "for m in pkgutil.walk_packages(tracedesk.core.__path__, 'tracedesk.core.'):\n"
        "    importlib.import_module(m.name)\n"
        "bad = sorted(n for n in sys.modules if n.startswith(('PySide6', 'shiboken6')))\n"
        "assert not bad, bad\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr


def test_every_package_is_in_the_build() -> None:
    """pyproject lists packages one by one (resources/ installs under another name), so a
    new subpackage missing from the list would be left out of wheels."""
    import tomllib

    listed = set(tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["setuptools"]["packages"])
    found = {".".join(p.parent.relative_to(ROOT / "src").parts) for p in (ROOT / "src").rglob("__init__.py")}
    assert found <= listed, f"add to [tool.setuptools] packages: {sorted(found - listed)}"


def test_no_module_imports_one_that_imports_it_back() -> None:
    """Imports inside functions count: a cycle anywhere is a layer broken."""
    import graphlib

    import grimp

    graph = grimp.build_graph("tracedesk", cache_dir=None)
    order = graphlib.TopologicalSorter({
        module: {d for d in graph.find_modules_directly_imported_by(module) if not module.startswith(d + ".")}
        for module in graph.modules
    })
    try:
        order.prepare()
    except graphlib.CycleError as exc:
        raise AssertionError(f"an import cycle: {' -> '.join(exc.args[1])}") from None


def test_version_and_help_load_no_database_layer() -> None:
    """``tracedesk --version`` and ``--help`` answer at once: SQLAlchemy, the models and the
    importers load only for a command that opens a database."""
    code = (
        "import sys\n"
        "from tracedesk.cli import main\n"
        "for argv in (['--version'], ['--help'], ['export', '--help']):\n"
        "    try:\n"
        "        main(argv)\n"
        "    except SystemExit:\n"
        "        pass\n"
        "loaded = sorted(n for n in sys.modules if n.split('.')[0] in ('sqlalchemy', 'sqlmodel', 'PySide6')\n"
        "                or n.startswith(('tracedesk.core.models', 'tracedesk.core.ingest', 'tracedesk.core.store')))\n"
        "assert not loaded, loaded\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr


def test_opening_a_current_database_loads_no_table_classes(tmp_path) -> None:
    """The table classes (and SQLModel, pydantic) load to create or upgrade a database, not
    to read or review one: the window and the reading commands start without them."""
    db = tmp_path / "review.sqlite"
    made = subprocess.run([sys.executable, "-c", f"from tracedesk.core.database import open_store; "
                           f"open_store({str(db)!r}).close()"], capture_output=True, text=True, timeout=120)
    assert made.returncode == 0, made.stderr
    code = (
        "import sys\n"
        "from tracedesk.core import queue, reviews, traces\n"
        "from tracedesk.core.database import open_store\n"
        f"with open_store({str(db)!r}) as store, store.read() as conn:\n"
        "    assert traces.stats(conn)['traces'] == 0\n"
        "loaded = sorted(n for n in sys.modules if n.split('.')[0] in ('sqlmodel', 'pydantic')\n"
        "                or n == 'tracedesk.core.models')\n"
        "assert not loaded, loaded\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr


@pytest.mark.slow
def test_the_meaning_model_loads_on_the_first_detection_not_at_start(tmp_path) -> None:
    """numpy and the meaning model (WordLlama) load when signals are first detected: the
    command line, the detectors and the window's modules start without them."""
    # A session of two turns: enough for the detectors to read what the user asked by meaning.
    bundle = tmp_path / "bundle.jsonl"
    bundle.write_text("\n".join(json.dumps(r) for r in [
        {"type": "bundle", "version": 1, "source": "bot"},
        {"type": "trace", "trace_id": "t1", "session_id": "s", "start_time": "2026-11-20T10:00:00Z",
         "input": "How do I reset my password?", "output": "Use the link on the sign-in page."},
        {"type": "trace", "trace_id": "t2", "session_id": "s", "start_time": "2026-11-20T10:01:00Z",
         "input": "I forgot my password, what do I do?", "output": "Use the link on the sign-in page."},
    ]) + "\n", encoding="utf-8")
    code = (
        "import sys\n"
        "from tracedesk.cli import main\n"
        "import tracedesk.core.signals, tracedesk.core.ingest, tracedesk.ui.app, tracedesk.ui.mainwindow\n"
        "import tracedesk.ui.insights_view  # (built when first shown, with its charts)\n"
        "for argv in (['--version'], ['--help']):\n"
        "    try:\n"
        "        main(argv)\n"
        "    except SystemExit:\n"
        "        pass\n"
        "def loaded():\n"
        "    return sorted(n for n in sys.modules if n.split('.')[0] in ('numpy', 'wordllama', 'tokenizers'))\n"
        "assert not loaded(), loaded()\n"
        "from pathlib import Path\n"
        "from tracedesk.core.database import open_store\n"
        f"with open_store(Path({str(tmp_path / 'review.sqlite')!r})) as store:\n"
        f"    tracedesk.core.ingest.import_paths(store, [Path({str(bundle)!r})])\n"
        "assert 'numpy' in loaded() and 'wordllama' in loaded(), loaded()\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120,
                          env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    assert done.returncode == 0, done.stderr
