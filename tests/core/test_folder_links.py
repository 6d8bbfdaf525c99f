"""A bundle folder cannot make an import read files elsewhere on the disk: a link inside it
that points outside it is skipped and reported; a link to a file inside it is read."""

from __future__ import annotations

import json
from pathlib import Path

from tracedesk.cli import main
from tracedesk.core.database import open_store
from tracedesk.core.ingest import import_paths

from ..conftest import write_jsonl

BUNDLE = {"type": "bundle", "version": 1, "source": "shop"}


def record(trace_id: str) -> dict:
    return {"type": "trace", "trace_id": trace_id, "input": f"question {trace_id}", "output": "answer"}


def linked_folder(tmp_path: Path) -> Path:
    """A bundle folder holding a file of its own, a link to it, and links to a file, a
    folder and a manifest outside it (and one to nowhere, one to itself)."""
    outside = tmp_path / "elsewhere"
    (outside / "more").mkdir(parents=True)
    write_jsonl(outside / "private.jsonl", [BUNDLE, record("private")])
    write_jsonl(outside / "more" / "other.jsonl", [BUNDLE, record("other")])
    (outside / "manifest.json").write_text(json.dumps({"bundle": {"source": "someone-else"}}))
    folder = tmp_path / "bundle"
    (folder / "part").mkdir(parents=True)
    write_jsonl(folder / "part" / "own.jsonl", [BUNDLE, record("own")])
    (folder / "again.jsonl").symlink_to(Path("part") / "own.jsonl")  # inside: read
    (folder / "secret.jsonl").symlink_to(outside / "private.jsonl")
    (folder / "linked").symlink_to(outside / "more", target_is_directory=True)
    (folder / "manifest.json").symlink_to(outside / "manifest.json")
    (folder / "gone.jsonl").symlink_to(tmp_path / "nowhere.jsonl")
    (folder / "loop.jsonl").symlink_to(folder / "loop.jsonl")
    return folder


def test_links_outside_a_bundle_folder_are_skipped_and_reported(store, tmp_path) -> None:
    folder = linked_folder(tmp_path)
    report = import_paths(store, [folder])
    [result] = report.paths
    with store.read() as conn:
        rows = conn.exec_driver_sql(
            "SELECT s.name, t.trace_id FROM trace t JOIN source s ON s.id = t.source_id").fetchall()
    assert rows == [("shop", "own")]  # nothing from outside, the manifest outside included
    problems = {p.file: p.reason for p in result.problems}
    for name in ("secret.jsonl", "linked", "manifest.json", "gone.jsonl", "loop.jsonl"):
        reason = problems[str(folder / name)]
        assert reason.startswith("skipped: it is a link outside the folder"), reason
    assert str(folder / "again.jsonl") not in problems and str(folder / "part" / "own.jsonl") not in problems


def test_the_command_line_says_which_links_it_skipped(tmp_path, capsys) -> None:
    folder = linked_folder(tmp_path)
    db = tmp_path / "db.sqlite"
    assert main(["--db", str(db), "import", str(folder)]) == 0
    out = capsys.readouterr().out
    assert f"{folder / 'secret.jsonl'}: skipped: it is a link outside the folder" in out
    assert "added:         1 trace," in out
    with open_store(db) as store, store.read() as conn:
        assert conn.exec_driver_sql("SELECT trace_id FROM trace").fetchall() == [("own",)]
