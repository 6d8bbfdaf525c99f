"""A step's cached and reasoning tokens: read from a native bundle's ``usage``, kept in
columns of their own, shown by ``show --json`` and the step detail, carried by share and
merge, and moved out of the attributes where an older database kept them."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

from tracedesk.core.database import open_store
from tracedesk.core.ingest import import_paths
from tracedesk.core.merge import merge_databases
from tracedesk.core.share import ShareFilter, share_database
from tracedesk.core.traces import find_trace, trace_detail
from tracedesk.core.views import span_content

from ..conftest import DATA, write_jsonl

TOKENS = ("input_tokens", "output_tokens", "cache_read_tokens", "cache_write_tokens", "reasoning_tokens")


def span_tokens(path: Path) -> dict[str, tuple]:
    """Each span's token columns and attributes, by span id, read from the file itself."""
    conn = sqlite3.connect(path)
    try:
        return {r[0]: r[1:] for r in conn.execute(f"SELECT span_id, {', '.join(TOKENS)}, attributes FROM span")}
    finally:
        conn.close()


def native_bundle(tmp_path: Path) -> Path:
    return write_jsonl(tmp_path / "bot.jsonl", [
        {"type": "bundle", "source": "support-bot/prod"},
        {"type": "trace", "trace_id": "t1", "input": "Where is my parcel?", "output": "It ships tomorrow."},
        {"type": "span", "trace_id": "t1", "span_id": "s1", "kind": "llm", "model": "claude-sonnet-4",
         "start_time": "2026-11-20T10:00:00Z", "end_time": "2026-11-20T10:00:04Z",
         "usage": {"input_tokens": 1200, "output_tokens": 300, "cache_read_tokens": 1000,
                   "cache_write_tokens": 150, "reasoning_tokens": 120, "audio_tokens": 0}},
        {"type": "span", "trace_id": "t1", "span_id": "s2", "kind": "llm", "parent_id": "s1",
         "usage": {"input_tokens": 10, "output_tokens": 2, "reasoning_tokens": "many"}},
    ])


def test_a_bundle_s_cached_and_reasoning_tokens_get_their_columns(tmp_path: Path) -> None:
    db = tmp_path / "db.sqlite"
    with open_store(db) as store:
        result = import_paths(store, [native_bundle(tmp_path)])
        with store.read() as conn:
            detail = trace_detail(conn, find_trace(conn, "t1"))
            [s1] = detail["spans"]
            [s2] = s1["children"]
            pk = conn.exec_driver_sql("SELECT id FROM span WHERE span_id = 's1'").scalar_one()
            content = span_content(conn, pk)
    # show --json and the step detail say the same.
    usage = {"input_tokens": 1200, "output_tokens": 300, "cache_read_tokens": 1000,
             "cache_write_tokens": 150, "reasoning_tokens": 120}
    assert s1["usage"] == content["usage"] == usage
    # A key the bundle format does not name stays in the attributes, alone.
    assert s1["attributes"] == {"usage": {"audio_tokens": 0}}
    # A count that is not a whole number is reported and kept as it came, never lost.
    assert s2["usage"] == {"input_tokens": 10, "output_tokens": 2}
    assert s2["attributes"] == {"usage": {"reasoning_tokens": "many"}}
    assert any("usage.reasoning_tokens" in p.reason and p.line == 4 for p in result.paths[0].problems)


def test_share_and_merge_carry_the_new_columns(tmp_path: Path) -> None:
    main, copy, back = tmp_path / "main.sqlite", tmp_path / "copy.sqlite", tmp_path / "back.sqlite"
    with open_store(main) as store:
        import_paths(store, [native_bundle(tmp_path)])
        share_database(store, copy, ShareFilter(source="support-bot/prod"))
    with open_store(back) as store:
        report = merge_databases(store, [copy])
    assert report.sources[0].spans.added == 2
    expected = span_tokens(main)
    assert expected["s1"][:5] == (1200, 300, 1000, 150, 120)
    assert span_tokens(copy) == span_tokens(back) == expected


def test_a_version_6_database_moves_its_tokens_out_of_the_attributes(tmp_path: Path) -> None:
    path = tmp_path / "v6.sqlite"
    shutil.copyfile(DATA / "schema" / "v6.sqlite", path)
    # A step whose attributes are not JSON (another program wrote them) does not stop the upgrade.
    conn = sqlite3.connect(path)
    conn.execute("INSERT INTO span (trace_pk, span_id, kind, attributes) SELECT trace_pk, 'odd', 'other', "
                 "'{not json' FROM span WHERE span_id = 's2'")
    conn.commit()
    conn.close()
    with open_store(path) as store, store.read() as conn:
        detail = trace_detail(conn, find_trace(conn, "t1"))
    [s1] = [s for s in detail["spans"] if s["span_id"] == "s1"]
    assert s1["usage"] == {"input_tokens": 1200, "output_tokens": 300, "cache_read_tokens": 1000,
                           "cache_write_tokens": 150, "reasoning_tokens": 120}
    assert s1["attributes"] == {"usage": {"audio_tokens": 0}}
    rows = span_tokens(path)
    # An OTel GenAI step: its tokens were in usage under the names that importer gave them.
    llm = rows["0000000000000001"]
    assert llm[:5] == (900, 40, 512, None, 16)
    assert "usage" not in llm[5]
    # Without input or output tokens, the importer had left the source's own attribute.
    other = rows["0000000000000002"]
    assert other[:5] == (None, None, None, 64, None)
    assert "gen_ai.usage.cache_creation" not in other[5]
    # A step without tokens is untouched.
    assert rows["s2"] == (None,) * 6
    assert rows["odd"] == (None,) * 5 + ("{not json",)
    # The backup beside it is the version 6 file as it was.
    [backup] = [p for p in tmp_path.iterdir() if ".before-v" in p.name]
    assert attributes_of(backup) == {**attributes_of(DATA / "schema" / "v6.sqlite"), "odd": "{not json"}
    assert '"cache_read_input_tokens":512' in attributes_of(backup)["0000000000000001"]


def attributes_of(path: Path) -> dict[str, str | None]:
    conn = sqlite3.connect(path)
    try:
        return dict(conn.execute("SELECT span_id, attributes FROM span"))
    finally:
        conn.close()


def test_merge_refuses_a_step_whose_cached_tokens_are_not_a_count(tmp_path: Path) -> None:
    """The other file is not trusted: the new columns are checked like the others."""
    main, other = tmp_path / "main.sqlite", tmp_path / "other.sqlite"
    with open_store(other) as store:
        import_paths(store, [native_bundle(tmp_path)])
    conn = sqlite3.connect(other)
    conn.execute("UPDATE span SET cache_read_tokens = 'lots' WHERE span_id = 's1'")
    conn.commit()
    conn.close()
    with open_store(main) as store:
        report = merge_databases(store, [other])
        [result] = report.sources
        assert result.refused["span"] == 1
        assert any("'cache_read_tokens' is" in w and "whole number" in w for w in result.warnings)
        with store.read() as conn:
            assert conn.exec_driver_sql("SELECT count(*) FROM span WHERE cache_read_tokens = 'lots'").scalar() == 0


def test_a_step_s_tokens_stay_input_plus_output_for_outliers(store, tmp_path: Path) -> None:
    """A step that read most of its prompt from the cache, or thought at length, is not a step
    with more tokens: detection measures input plus output as before."""
    from .sessions import Bundle, llm
    from .test_signals import kinds, signals

    b = Bundle()
    for i in range(30):
        b.turn(f"s{i}", f"Question {i} about order {i}", "Answer.", trace_id=f"t{i}", steps=[llm(300)])
    cached = llm(300)
    cached["usage"] |= {"cache_read_tokens": 250_000, "cache_write_tokens": 40_000, "reasoning_tokens": 30_000}
    b.turn("sc", "A question answered from the cache", "Answer.", trace_id="cached", steps=[cached])
    b.turn("sx", "One more question", "Answer.", trace_id="big", steps=[llm(12000)])
    found = signals(store, tmp_path, b)
    assert kinds(found, "big") == {"outlier"}
    assert "outlier" not in kinds(found, "cached")
