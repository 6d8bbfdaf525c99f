"""Compressed files that inflate beyond reason are refused, as zip bombs are."""

from __future__ import annotations

import gzip

import zstandard

from tracedesk.core import containers
from tracedesk.core.ingest import import_paths

from ..conftest import write_jsonl


def counts(store) -> dict[str, int]:
    with store.read() as conn:
        return {t: conn.exec_driver_sql(f"SELECT count(*) FROM {t}").scalar_one()
                for t in ("trace", "span", "feedback")}


def test_a_gzip_bomb_is_refused_quickly(store, tmp_path, monkeypatch) -> None:
    # Lower the cap so that the test inflates megabytes, not gigabytes: the ratio guard is
    # what is tested (a file of newlines inflates about 1000-fold).
    monkeypatch.setattr(containers, "GZIP_RATIO_FLOOR", 1024 * 1024)
    bomb = tmp_path / "bomb.jsonl.gz"
    bomb.write_bytes(gzip.compress(b"\n" * (8 * 1024 * 1024), compresslevel=9))
    result = import_paths(store, [bomb]).paths[0]
    assert not result.imported
    assert "bomb" in result.error and str(bomb) in result.error
    assert counts(store) == {"trace": 0, "span": 0, "feedback": 0}


def test_a_well_compressed_bundle_is_not_taken_for_a_bomb(store, tmp_path, monkeypatch) -> None:
    monkeypatch.setattr(containers, "GZIP_RATIO_FLOOR", 1024)
    records = [{"type": "trace", "trace_id": f"t{i}", "input": "Where is my order?" * 5} for i in range(2000)]
    result = import_paths(store, [write_jsonl(tmp_path / "b.jsonl.gz", records)]).paths[0]
    assert result.imported and result.added.traces == 2000


def test_a_zstd_bomb_is_refused_too(store, tmp_path, monkeypatch) -> None:
    monkeypatch.setattr(containers, "GZIP_RATIO_FLOOR", 1024 * 1024)
    bomb = tmp_path / "bomb.jsonl.zst"
    bomb.write_bytes(zstandard.ZstdCompressor(level=19).compress(b"\n" * (8 * 1024 * 1024)))
    result = import_paths(store, [bomb]).paths[0]
    assert not result.imported and "bomb" in result.error
