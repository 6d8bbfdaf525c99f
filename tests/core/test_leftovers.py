"""What a killed export, share or merge leaves behind (a half-written ``.part`` file beside
the target, a copy of the source in the temporary folder, the source's WAL files) is
cleaned by the next run, and a clean merge leaves nothing beside its source."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import tempfile
import textwrap
from pathlib import Path

import pytest

from tracedesk.core.database import open_store
from tracedesk.core.export import ExportFilter, export_cases
from tracedesk.core.merge import merge_databases
from tracedesk.core.share import share_database

from .test_share_merge import main_db  # a fixture

__all__ = ["main_db"]

pytestmark = pytest.mark.skipif(os.name == "nt", reason="kill -9 is a POSIX signal")

ROOT = Path(__file__).resolve().parents[2]


def killed(code: str, tmp_path: Path) -> None:
    """Run ``code`` in a Python of its own that kills itself with SIGKILL (a ``die()`` it
    may call, from a progress callback, say): what a crash or kill -9 leaves."""
    script = "import os, signal\ndef die(*_):\n    os.kill(os.getpid(), signal.SIGKILL)\n" + textwrap.dedent(code)
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src"), "TMPDIR": str(tmp_path / "tmp")}
    done = subprocess.run([sys.executable, "-c", script], env=env, capture_output=True, timeout=120)
    assert done.returncode == -signal.SIGKILL, done.stderr.decode()


@pytest.fixture
def temp_folder(tmp_path: Path, monkeypatch) -> Path:
    folder = tmp_path / "tmp"
    folder.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(folder))
    return folder


def beside(path: Path) -> list[str]:
    return sorted(p.name for p in path.parent.iterdir())


def test_a_killed_export_leaves_a_part_file_the_next_export_removes(main_db: Path, tmp_path: Path,
                                                                    temp_folder: Path) -> None:
    out = tmp_path / "out" / "cases.jsonl"
    out.parent.mkdir()
    killed(f"""
        from tracedesk.core.export import export_cases, ExportFilter
        from tracedesk.core.database import open_store
        with open_store({str(main_db)!r}) as store, store.read() as conn:
            export_cases(conn, "jsonl", {str(out)!r}, ExportFilter(), progress=die)
    """, tmp_path)
    left = beside(out)
    assert len(left) == 1 and left[0].startswith(".cases.jsonl.") and left[0].endswith(".part")
    with open_store(main_db) as store, store.read() as conn:
        export_cases(conn, "jsonl", out, ExportFilter())
    assert beside(out) == ["cases.jsonl"]


def test_a_killed_share_leaves_files_the_next_share_removes(main_db: Path, tmp_path: Path,
                                                           temp_folder: Path) -> None:
    out = tmp_path / "out" / "for-bob.tracedesk"
    out.parent.mkdir()
    killed(f"""
        from tracedesk.core.share import share_database
        from tracedesk.core.database import open_store
        def progress(p):
            if p.done >= 3:
                die()
        with open_store({str(main_db)!r}) as store:
            share_database(store, {str(out)!r}, progress=progress)
    """, tmp_path)
    assert any(name.endswith(".part") for name in beside(out)), beside(out)
    with open_store(main_db) as store:
        share_database(store, out.with_name("for-carol.tracedesk"))
    assert beside(out) == ["for-carol.tracedesk"]


def test_a_killed_merge_leaves_a_copy_and_wal_files_the_next_merge_removes(main_db: Path, tmp_path: Path,
                                                                          temp_folder: Path) -> None:
    from ..conftest import DATA

    old = tmp_path / "src" / "v2.sqlite"  # an older schema: read through a copy in the temporary folder
    old.parent.mkdir()
    old.write_bytes((DATA / "schema" / "v2.sqlite").read_bytes())
    killed(f"""
        from tracedesk.core.merge import merge_databases
        from tracedesk.core.database import open_store
        def progress(p):
            if p.phase.endswith("reviews"):
                die()
        with open_store({str(main_db)!r}) as store:
            merge_databases(store, [{str(old)!r}], progress=progress)
    """, tmp_path)
    assert [p.name for p in temp_folder.iterdir() if p.name.startswith("tracedesk-merge-")]
    with open_store(main_db) as store:
        report = merge_databases(store, [old])
        assert report.sources[0].traces.added >= 1  # the killed merge changed nothing
    assert not [p.name for p in temp_folder.iterdir() if p.name.startswith("tracedesk-merge-")]
    assert beside(old) == ["v2.sqlite"]


def test_a_merge_leaves_nothing_beside_its_source(main_db: Path, tmp_path: Path, temp_folder: Path) -> None:
    copy = tmp_path / "shared" / "copy.sqlite"
    copy.parent.mkdir()
    with open_store(main_db) as store:
        share_database(store, copy)
    here = tmp_path / "here.sqlite"
    with open_store(here) as store:
        merge_databases(store, [copy])
    assert beside(copy) == ["copy.sqlite"]
    assert not list(temp_folder.iterdir())


def test_a_part_file_of_a_running_export_is_left_alone(main_db: Path, tmp_path: Path, temp_folder: Path) -> None:
    out = tmp_path / "cases.jsonl"
    sleeper = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    try:
        running = tmp_path / f".cases.jsonl.{sleeper.pid}-0123abcd.part"
        running.write_text("half")
        with open_store(main_db) as store, store.read() as conn:
            export_cases(conn, "jsonl", out, ExportFilter())
        assert running.exists()
    finally:
        sleeper.kill()
        sleeper.wait()
