"""CSV tables a spreadsheet opens do not run formulas a bundle planted: ``insights --csv``
(and the window's Export CSV, which writes the same tables) neutralise cells as
``export --format csv`` does."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from tracedesk.cli import main

from .conftest import write_jsonl
from .core.sessions import Bundle, retrieval, tool

FORMULAS = ['=HYPERLINK("https://evil.example","x")', "+cmd|' /C calc'!A0", "-2+3+cmd|' /C calc'!A0",
            "@SUM(1+1)*cmd|' /C calc'!A0", "\t=1+1", "\r=1+1"]


def formula_bundle(tmp_path: Path) -> Path:
    b = Bundle(FORMULAS[0])
    for i, text in enumerate(FORMULAS * 2):
        b.turn(f"s{i}", text, "Sorry.", trace_id=f"t{i}", tags=[text],
               metadata={"model": text, "prompt_version": FORMULAS[i % 2]},
               steps=[tool(text, {"q": 1}, error="timeout"), retrieval(text, [])])
        b.feedback(f"t{i}", "thumbs", -1)
    return write_jsonl(tmp_path / "formulas.jsonl", b.records)


def dangerous_cells(folder: Path) -> list[tuple[str, str]]:
    """Every cell of every CSV file in ``folder`` that a spreadsheet would run (numbers aside)."""
    found = []
    for path in sorted(folder.glob("*.csv")):
        with path.open(newline="", encoding="utf-8") as fh:
            for row in csv.reader(fh):
                for cell in row:
                    try:
                        float(cell)
                        continue
                    except ValueError:
                        pass
                    if cell[:1] in ("=", "+", "-", "@", "\t", "\r"):
                        found.append((path.name, cell))
    return found


@pytest.fixture
def db(tmp_path: Path) -> str:
    path = str(tmp_path / "db.sqlite")
    assert main(["--db", path, "import", str(formula_bundle(tmp_path))]) == 0
    assert main(["--db", path, "annotate", "t0", "--verdict", "failure", "--cause", "tool error", "--span", "t0.0",
                 "--reviewer", "ann"]) == 0
    return path


def test_insights_csv_cells_do_not_start_a_formula(db, tmp_path, capsys) -> None:
    out = tmp_path / "tables"
    assert main(["--db", db, "insights", "--csv", str(out)]) == 0
    assert len(list(out.glob("*.csv"))) > 5
    assert dangerous_cells(out) == []
    with (out / "failures_by_model.csv").open(newline="", encoding="utf-8") as fh:
        values = {r["value"] for r in csv.DictReader(fh)}
    assert "'" + FORMULAS[1] in values  # shown as text, with the apostrophe a spreadsheet hides


def test_a_comparison_csv_keeps_negative_changes_as_numbers(db, tmp_path, capsys) -> None:
    out = tmp_path / "compare"
    assert main(["--db", db, "insights", "--compare", FORMULAS[0], FORMULAS[1], "--csv", str(out)]) == 0
    assert dangerous_cells(out) == []
    with (out / "compare.csv").open(newline="", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    assert rows and all(r["change"] == "" or float(r["change"]) is not None for r in rows)
