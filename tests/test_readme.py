"""The README's promises: its two commands, and CI running the same test command."""

from __future__ import annotations

import re
from pathlib import Path

from tracedesk.cli import build_parser

ROOT = Path(__file__).resolve().parents[1]


def readme_commands() -> list[str]:
    text = (ROOT / "README.md").read_text()
    head = text.split("## ", 1)[0]
    return [line.strip() for line in head.splitlines() if line.startswith("    ")]


def test_the_readme_opens_with_the_demo_and_test_commands() -> None:
    demo, tests = readme_commands()
    assert demo.endswith("tracedesk demo")
    assert "pytest" in tests


def test_ci_runs_the_readme_test_command_word_for_word() -> None:
    _, tests = readme_commands()
    ci = (ROOT / ".ci" / "run").read_text()
    runs = [line for line in ci.splitlines() if "pytest" in line and not line.startswith("#")]
    # The README's command first; then the slow tests it leaves out, and nothing else.
    assert runs == [tests, "QT_QPA_PLATFORM=offscreen .venv/bin/pytest -m slow"]


def test_every_command_is_documented() -> None:
    text = (ROOT / "README.md").read_text()
    commands = build_parser()._subparsers._group_actions[0].choices  # noqa: SLF001
    for name in commands:
        assert re.search(rf"`tracedesk {name}\b", text), f"'tracedesk {name}' is not in the README"
