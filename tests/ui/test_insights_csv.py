"""The Insights page's Export CSV and Export All CSV write tables a spreadsheet opens
without running the formulas a bundle planted."""

from __future__ import annotations

from pathlib import Path

from tests.test_cli_csv_formulas import FORMULAS, dangerous_cells, formula_bundle
from tracedesk.core import ingest
from tracedesk.core.database import open_store

from .conftest import make_window


def test_export_csv_from_the_window_neutralises_formulas(qtbot, tmp_path: Path, window_state) -> None:
    store = open_store(tmp_path / "review.sqlite")
    try:
        assert ingest.import_paths(store, [formula_bundle(tmp_path)]).added.traces == 2 * len(FORMULAS)
        window = make_window(qtbot, store, window_state)
        view = window.insights_view
        with qtbot.waitSignal(view.computed, timeout=10_000):
            window.show_insights()
        one = tmp_path / "one"
        one.mkdir()
        assert view.failures.export_csv(one / "failures.csv") is not None
        written = view.export_all(tmp_path / "all")
        assert len(written) > 5
        assert dangerous_cells(one) == [] and dangerous_cells(tmp_path / "all") == []
        assert "'" + FORMULAS[1] in (one / "failures.csv").read_text(encoding="utf-8")
    finally:
        store.close()
