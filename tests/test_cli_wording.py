"""What the command line prints reads as English: one trace, not "1 traces"; a demo leaves
no folder behind; every option says what it is for."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from tracedesk.cli import build_parser, main

from .conftest import write_jsonl

ROOT = Path(__file__).resolve().parents[1]
ONE_TRACE = [
    {"type": "bundle", "version": 1, "source": "bot"},
    {"type": "trace", "trace_id": "t1", "input": "Where is my parcel?", "output": "It shipped."},
    {"type": "span", "trace_id": "t1", "span_id": "a", "kind": "tool", "name": "track", "status": "error",
     "error": {"message": "timeout"}},
    {"type": "feedback", "trace_id": "t1", "kind": "thumbs", "value": -1},
]


pytestmark = pytest.mark.usefixtures("settings_file")  # a settings file of each test's own


def run(capsys, *argv: str) -> tuple[int, str]:
    code = main(list(argv))
    return code, capsys.readouterr().out


NUMBER_THEN_PLURAL = re.compile(r"(?<![\d.,])1 (traces|spans|steps|reviews|disagreements|problems|cases)\b")


def test_one_of_a_thing_is_said_in_the_singular(tmp_path, capsys) -> None:
    db = str(tmp_path / "db.sqlite")
    bundle = write_jsonl(tmp_path / "b.jsonl", ONE_TRACE)
    printed = []
    code, out = run(capsys, "--db", db, "import", str(bundle))
    assert code == 0 and "added:         1 trace, 1 span, 1 feedback" in out
    printed.append(out)
    code, out = run(capsys, "--db", db, "stats")
    printed.append(out)
    code, out = run(capsys, "--db", db, "queue")
    assert "1 trace in the queue:" in out and "the first 1" not in out
    printed.append(out)
    run(capsys, "--db", db, "annotate", "t1", "--verdict", "failure", "--reviewer", "ann")
    run(capsys, "--db", db, "annotate", "t1", "--verdict", "ok", "--reviewer", "bob")
    code, out = run(capsys, "--db", db, "agreement")
    assert code == 0 and "1 disagreement:" in out and "the first 1" not in out
    printed.append(out)
    for out in printed:
        assert not NUMBER_THEN_PLURAL.search(out), out


@pytest.mark.slow
def test_demo_leaves_no_folder_behind_in_the_temporary_folder(tmp_path) -> None:
    env = {**os.environ, "TMPDIR": str(tmp_path / "tmp"), "XDG_DATA_HOME": str(tmp_path / "data"),
           "HOME": str(tmp_path), "PYTHONPATH": str(ROOT / "src")}
    env.pop("TRACEDESK_DB", None)
    (tmp_path / "tmp").mkdir()
    for _ in range(2):
        done = subprocess.run([sys.executable, "-m", "tracedesk", "demo", "--no-window"], capture_output=True,
                              text=True, env=env, timeout=300)
        assert done.returncode == 0, done.stderr
    assert list((tmp_path / "tmp").iterdir()) == []
    [db] = re.findall(r"^Demo database: (.+)$", done.stdout, re.MULTILINE)
    assert Path(db).is_file() and Path(db).is_relative_to(tmp_path / "data")
    stats = subprocess.run([sys.executable, "-m", "tracedesk", "--db", db, "stats"], capture_output=True,
                           text=True, env=env, timeout=120)
    assert stats.returncode == 0 and " 300 traces" in stats.stdout  # fresh each time, not imported twice


def test_every_option_says_what_it_is_for() -> None:
    parser = build_parser()
    silent = []

    def walk(prefix: str, p) -> None:
        for action in p._actions:  # noqa: SLF001 - argparse keeps them here
            if action.option_strings and action.help is None:
                silent.append(f"{prefix} {action.option_strings[0]}".strip())
            if isinstance(action.choices, dict):  # subcommands
                for name, sub in action.choices.items():
                    walk(f"{prefix} {name}", sub)

    walk("", parser)
    assert silent == []


def test_the_readme_links_only_files_that_are_there() -> None:
    readme = (ROOT / "README.md").read_text()
    headings = {re.sub(r"[^a-z0-9 -]", "", h.lower()).replace(" ", "-") for h in re.findall(r"^#+ (.+)$", readme, re.M)}
    for link in re.findall(r"`((?:docs|packaging|resources|tests)/[^`\s]+\.(?:md|png|py))`", readme) + re.findall(
            r"\]\(((?!https?:)[^)\s]+)\)", readme):
        if link.startswith("#"):  # a section of the README itself
            assert link[1:] in headings, link
        else:
            assert (ROOT / link).exists(), link
