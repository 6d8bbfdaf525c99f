"""A review database on read-only media (a WAL file in a folder that cannot be written)
opens in the window read-only, with its banner, instead of being called damaged."""

from __future__ import annotations

from tests.conftest import write_jsonl
from tests.test_cli_database import read_only_folder  # a fixture
from tracedesk.core import ingest
from tracedesk.core.database import open_store

from .conftest import make_window

__all__ = ["read_only_folder"]


def test_a_wal_database_on_read_only_media_opens_with_the_read_only_banner(qtbot, tmp_path, window_state,
                                                                           read_only_folder) -> None:
    folder, media = read_only_folder
    with open_store(folder / "review.sqlite") as store:
        ingest.import_paths(store, [write_jsonl(tmp_path / "b.jsonl", [
            {"type": "trace", "trace_id": "t1", "input": "Where is my parcel?", "output": "Lost."},
            {"type": "feedback", "trace_id": "t1", "kind": "thumbs", "value": -1}])])
    if media is folder:
        (folder / "review.sqlite").chmod(0o444)
        folder.chmod(0o555)
    store = open_store(media / "review.sqlite")  # as the window opens a database
    try:
        window = make_window(qtbot, store, window_state)
        assert window.queue_pane.read_only_banner.isVisible()
        assert window.queue_model.rowCount() == 1
        assert not window.import_action.isEnabled()
        window.close()
    finally:
        store.close()
