"""The review database a command works on: a name with a typo is refused, not created
empty; a damaged, busy or read-only file is one clear line, never a traceback."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from tracedesk.cli import main
from tracedesk.core import store as store_module
from tracedesk.core.database import open_store

from .conftest import write_jsonl

RECORDS = [
    {"type": "bundle", "version": 1, "source": "bot"},
    {"type": "trace", "trace_id": "t1", "input": "hello", "output": "hi there"},
    {"type": "feedback", "trace_id": "t1", "kind": "thumbs", "value": -1},
]


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


READING = [
    ["stats"], ["queue"], ["show", "t1"], ["history"], ["causes"], ["insights"], ["agreement"],
    ["compare", "t1", "t2"], ["export", "--format", "jsonl", "--out", "{tmp}/cases.jsonl"],
    ["share", "--out", "{tmp}/shared.tracedesk"], ["annotate", "t1", "--verdict", "ok", "--reviewer", "ann"],
    ["undo", "--reviewer", "ann"], ["snooze", "t1"], ["settle", "t1", "--verdict", "ok", "--reviewer", "ann"],
    ["merge", "{tmp}/other.sqlite"],
]


@pytest.mark.parametrize("command", READING, ids=lambda c: c[0])
def test_a_command_on_a_database_that_does_not_exist_refuses_it(tmp_path, capsys, command) -> None:
    db = tmp_path / "missing-folder" / "review.sqllite"
    argv = [part.replace("{tmp}", str(tmp_path)) for part in command]
    code, out, err = run(capsys, "--db", str(db), *argv)
    assert code == 2, (out, err)
    assert str(db) in err and "does not exist" in err
    assert "tracedesk import" in err  # what to do
    assert not db.exists() and not db.parent.exists()
    assert not (tmp_path / "cases.jsonl").exists() and not (tmp_path / "shared.tracedesk").exists()


def test_the_default_database_is_not_created_by_reading_it(tmp_path, capsys, monkeypatch) -> None:
    db = tmp_path / "data" / "review.sqlite"
    monkeypatch.setenv("TRACEDESK_DB", str(db))
    code, _, err = run(capsys, "queue")
    assert code == 2 and "does not exist" in err and not db.exists()


def test_import_creates_the_database_and_says_so(tmp_path, capsys) -> None:
    db = tmp_path / "new-folder" / "review.sqlite"
    bundle = write_jsonl(tmp_path / "b.jsonl", RECORDS)
    code, out, err = run(capsys, "--db", str(db), "import", str(bundle))
    assert code == 0 and db.exists()
    assert f"new review database: {db}" in err
    code, out, err = run(capsys, "--db", str(db), "import", str(bundle))  # there now: nothing said
    assert code == 0 and "new review database" not in err
    code, out, _ = run(capsys, "--db", str(db), "stats")
    assert code == 0 and "1 trace," in out


def filled_db(tmp_path: Path, capsys, traces: int = 200) -> Path:
    db = tmp_path / "review.sqlite"
    records = [RECORDS[0], *({"type": "trace", "trace_id": f"t{i}", "input": f"question {i} " * 20,
                              "output": "an answer"} for i in range(traces)), *RECORDS[2:]]
    assert main(["--db", str(db), "import", str(write_jsonl(tmp_path / "b.jsonl", records))]) == 0
    capsys.readouterr()
    return db


def damage(db: Path) -> None:
    """Overwrite the first page of the trace table's tree, as a failing disk would."""
    conn = sqlite3.connect(db)
    page_size = conn.execute("PRAGMA page_size").fetchone()[0]
    root = conn.execute("SELECT rootpage FROM sqlite_master WHERE name = 'trace'").fetchone()[0]
    conn.close()
    with db.open("r+b") as fh:
        fh.seek((root - 1) * page_size)
        fh.write(b"\xff" * page_size)


@pytest.mark.parametrize("command", [["stats"], ["queue"], ["show", "t1"], ["import", "{bundle}"],
                                     ["annotate", "t1", "--verdict", "ok", "--reviewer", "ann"]],
                         ids=lambda c: c[0])
def test_a_damaged_database_is_one_line_and_left_as_it_is(tmp_path, capsys, command) -> None:
    db = filled_db(tmp_path, capsys)
    damage(db)
    before = db.read_bytes()
    other = write_jsonl(tmp_path / "other.jsonl", [{"type": "trace", "trace_id": "x", "input": "q"}])
    argv = [part.replace("{bundle}", str(other)) for part in command]
    code, out, err = run(capsys, "--db", str(db), *argv)
    assert code == 2, (out, err)
    assert "damaged" in err and str(db) in err and len(err.strip().splitlines()) == 1
    assert db.read_bytes() == before


def test_a_damaged_database_too_big_to_check_at_open_is_one_line_too(tmp_path, capsys, monkeypatch) -> None:
    db = filled_db(tmp_path, capsys)
    damage(db)
    monkeypatch.setattr(store_module, "QUICK_CHECK_BYTES", 0)  # as if it were big: no check at open
    other = write_jsonl(tmp_path / "other.jsonl", [{"type": "trace", "trace_id": "x", "input": "q"}])
    for argv in (["queue"], ["show", "t1"], ["import", str(other)]):
        code, out, err = run(capsys, "--db", str(db), *argv)
        assert code == 2 and "damaged" in err and len(err.strip().splitlines()) == 1, (argv, err)


def test_a_busy_database_is_waited_for_then_one_line(tmp_path, capsys, monkeypatch) -> None:
    db = filled_db(tmp_path, capsys, traces=3)
    monkeypatch.setattr(store_module, "BUSY_TIMEOUT_MS", 300)
    writer = sqlite3.connect(db, isolation_level=None)
    writer.execute("BEGIN IMMEDIATE")  # another program writing
    try:
        started = time.monotonic()
        code, out, err = run(capsys, "--db", str(db), "annotate", "t1", "--verdict", "ok", "--reviewer", "ann")
        assert time.monotonic() - started >= 0.3  # it waited
        assert code == 2 and "busy" in err and len(err.strip().splitlines()) == 1
        code, out, err = run(capsys, "--db", str(db), "import", str(write_jsonl(tmp_path / "c.jsonl", RECORDS)))
        assert code == 2 and "busy" in err
    finally:
        writer.execute("ROLLBACK")
        writer.close()
    code, _, _ = run(capsys, "--db", str(db), "annotate", "t1", "--verdict", "ok", "--reviewer", "ann")
    assert code == 0


@pytest.fixture
def read_only_folder(tmp_path: Path) -> Iterator[tuple[Path, Path]]:
    """A folder to fill, and the same folder as read-only media (a read-only bind mount
    where permissions do not stop the user, as for root; else its permissions)."""
    folder = tmp_path / "media"
    folder.mkdir()
    if os.geteuid() != 0:
        yield folder, folder
        for path in (folder, *folder.iterdir()):
            path.chmod(0o755)
        return
    mounted = tmp_path / "mounted"
    mounted.mkdir()
    try:
        subprocess.run(["mount", "--bind", str(folder), str(mounted)], check=True, capture_output=True)
    except (OSError, subprocess.CalledProcessError):
        pytest.skip("read-only media cannot be made here")
    try:
        subprocess.run(["mount", "-o", "remount,ro,bind", str(mounted)], check=True, capture_output=True)
        yield folder, mounted
    finally:
        subprocess.run(["umount", str(mounted)], check=False, capture_output=True)


def test_a_wal_database_on_read_only_media_opens_read_only(tmp_path, capsys, read_only_folder) -> None:
    folder, media = read_only_folder
    db = filled_db(folder, capsys, traces=3)
    assert sqlite3.connect(db).execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    if media is folder:
        db.chmod(0o444)
        folder.chmod(0o555)
    on_media = media / db.name
    code, out, err = run(capsys, "--db", str(on_media), "stats")
    assert code == 0, err
    assert "3 traces" in out
    with open_store(on_media) as store:
        assert store.read_only
        with store.read() as conn:
            assert conn.exec_driver_sql("SELECT count(*) FROM trace").scalar_one() == 3
    code, _, err = run(capsys, "--db", str(on_media), "annotate", "t1", "--verdict", "ok", "--reviewer", "ann")
    assert code == 2 and "read-only" in err
    assert sorted(p.name for p in media.iterdir()) == sorted(p.name for p in folder.iterdir())
