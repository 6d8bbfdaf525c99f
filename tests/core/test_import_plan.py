"""What an import will read is worked out before anything is written: every file of a
folder or zip once, with its format and the source its traces go to, or why it is skipped;
the import then stores each file's traces under the source its plan names."""

from __future__ import annotations

import json
import shutil
import zipfile
from pathlib import Path

from tracedesk.core.import_plan import plan_path
from tracedesk.core.ingest import import_paths

from ..conftest import REAL_SAMPLES, write_jsonl
from .formats.test_phoenix import TRACE as PHOENIX_TRACE
from .formats.test_phoenix import phoenix_spans

INSPECT_LOG = REAL_SAMPLES / "inspect-ai" / "log_read_sample.eval"


def native_run(path: Path, trace_id: str) -> Path:
    return write_jsonl(path, [
        {"type": "trace", "trace_id": trace_id, "input": "Where is my order?", "output": "It ships today."},
        {"type": "span", "trace_id": trace_id, "span_id": "a", "kind": "llm", "name": "answer",
         "start_time": "2026-03-01T10:00:00.000Z", "end_time": "2026-03-01T10:00:01.000Z"},
    ])


def exports_folder(tmp_path: Path) -> Path:
    """A folder as people hand them over: runs in our format, Phoenix spans, an Inspect log
    (a zip), notes, and a link to a file elsewhere on the disk."""
    folder = tmp_path / "exports"
    (folder / "day-2").mkdir(parents=True)
    native_run(folder / "day-2" / "runs.jsonl", "run-1")
    (folder / "spans.json").write_text(json.dumps(phoenix_spans()))
    shutil.copy(INSPECT_LOG, folder / "popularity.eval")
    (folder / "notes.txt").write_text("exported on Monday")
    native_run(tmp_path / "private.jsonl", "private-1")
    (folder / "private.jsonl").symlink_to(tmp_path / "private.jsonl")
    return folder


def sources_of(store) -> dict[str, str]:
    with store.read() as conn:
        return dict(conn.exec_driver_sql(
            "SELECT t.trace_id, s.name FROM trace t JOIN source s ON s.id = t.source_id").all())


def test_the_plan_lists_every_file_of_a_folder_once_with_its_format_and_source(store, tmp_path) -> None:
    folder = exports_folder(tmp_path)
    plan = plan_path(folder, None, tmp_path)
    assert plan.error is None and plan.bundle is None
    names = [f.path_or_member for f in plan.files]
    assert len(names) == len(set(names)) == 5
    listed = {Path(f.path_or_member).relative_to(folder).as_posix():
              (f.container, f.format.name if f.format else None, f.source_name) for f in plan.files}
    assert listed == {
        "day-2/runs.jsonl": ("folder", "native", "exports"),  # no bundle record: the folder's name
        "spans.json": ("folder", "phoenix", "phoenix"),  # the format's own source
        "popularity.eval": ("folder", "inspect", "exports"),  # until its own bundle record names its task
        "notes.txt": ("folder", None, None),
        "private.jsonl": ("folder", None, None),
    }
    skipped = {Path(f.path_or_member).name: f.skipped_reason for f in plan.skipped}
    assert skipped == {
        "notes.txt": "not a bundle file (.jsonl, .json); skipped",
        "private.jsonl": f"skipped: it is a link outside the folder (to {tmp_path / 'private.jsonl'})",
    }
    assert not any(f.source_fixed for f in plan.files)

    report = import_paths(store, [folder])
    [result] = report.paths
    assert result.error is None
    assert sorted(result.formats) == ["inspect", "native", "phoenix"]
    assert {p.file: p.reason for p in result.problems} == {
        f.path_or_member: f.skipped_reason for f in plan.skipped}
    sources = sources_of(store)
    assert sources["run-1"] == "exports" and sources[PHOENIX_TRACE] == "phoenix"
    assert {s for t, s in sources.items() if t not in ("run-1", PHOENIX_TRACE)} == {"inspect:popularity"}
    assert "private-1" not in sources


def test_a_zip_with_a_manifest_names_one_source_for_all_its_files(store, tmp_path) -> None:
    folder = exports_folder(tmp_path)
    archive = tmp_path / "handover.zip"
    with zipfile.ZipFile(archive, "w") as zf:
        zf.writestr("manifest.json", json.dumps({"bundle": {"type": "bundle", "source": "support-bot"}}))
        for file in sorted(folder.rglob("*")):
            if file.is_file() and not file.is_symlink():
                zf.write(file, file.relative_to(folder).as_posix())
    plan = plan_path(archive, None, tmp_path)
    assert plan.bundle == {"type": "bundle", "source": "support-bot"}
    listed = {f.path_or_member.split("!", 1)[1]: (f.container, f.format.name if f.format else None,
                                                  f.source_name, f.source_fixed) for f in plan.files}
    assert listed == {  # the manifest itself is not a file of traces
        "day-2/runs.jsonl": ("zip", "native", "support-bot", True),
        "spans.json": ("zip", "phoenix", "support-bot", True),
        "popularity.eval": ("zip", "inspect", "support-bot", True),
        "notes.txt": ("zip", None, None, False),
    }

    [result] = import_paths(store, [archive]).paths
    assert result.error is None
    assert set(sources_of(store).values()) == {"support-bot"}
    # The Inspect log names its task as its source: the bundle's source stays, and says so.
    assert [p.reason for p in result.problems if p.file.endswith("popularity.eval")] == [
        "a second bundle record names source 'inspect:popularity'; the bundle's source stays 'support-bot'"]


def test_a_path_that_cannot_be_read_is_planned_as_an_error(tmp_path) -> None:
    bad = tmp_path / "broken.zip"
    bad.write_bytes(b"PK\x03\x04 cut short")
    assert plan_path(bad, None, tmp_path).error == f"{bad}: not a readable zip file (File is not a zip file)"
    assert plan_path(tmp_path / "gone", None, tmp_path).error == f"{tmp_path / 'gone'}: no such file or folder"
