"""What the command line prints of a bundle's text cannot drive the terminal: escape
sequences, an OSC title or hyperlink, a bell, NUL and right-to-left overrides are printed
escaped, in text and in JSON (which still reads back to the same values)."""

from __future__ import annotations

import json
import re

import pytest

from tracedesk.cli import main

from .conftest import write_jsonl
from .core.sessions import Bundle, retrieval, tool

# What a terminal would act on: C0 controls but line breaks and tabs, DEL, C1 controls
# (CSI among them) and the bidirectional overrides, embeddings and isolates.
RAW = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")
NASTY = ("\x1b[2J\x1b[31mred\x1b[0m \x1b]0;pwned title\x07 \x1b]8;;https://evil.example\x1b\\click\x1b]8;;\x1b\\ "
         "bell\x07 nul\x00 \u202etxt.exe\u202c \x9b31m")


def nasty(word: str) -> str:
    return f"{word} {NASTY}"


pytestmark = pytest.mark.usefixtures("settings_file")  # a settings file of each test's own


@pytest.fixture
def db(tmp_path, capsys) -> str:
    b = Bundle(nasty("source"))
    for i in range(4):
        b.turn(nasty("session"), nasty(f"question {i}"), nasty("answer"), trace_id=f"t{i}", user=nasty("user"),
               name=nasty("name"), tags=[nasty("tag")],
               metadata={"model": nasty("model"), "prompt_version": nasty(f"v{i % 2}")},
               steps=[tool(nasty("tool"), {"q": nasty("args")}, error=nasty("error")), retrieval(nasty("query"), [])])
        b.feedback(f"t{i}", "thumbs", -1, comment=nasty("comment"))
    path = str(tmp_path / "db.sqlite")
    assert main(["--db", path, "import", str(write_jsonl(tmp_path / "b.jsonl", b.records))]) == 0
    assert main(["--db", path, "annotate", "t0", "--verdict", "failure", "--cause", "tool error",
                 "--note", nasty("note"), "--tag", nasty("reviewtag"), "--reviewer", nasty("ann")]) == 0
    capsys.readouterr()
    return path


COMMANDS = [["show", "t0"], ["queue", "--all"], ["stats"], ["compare", "t0", "t1"], ["compare", "t0", "--candidates"],
            ["insights"], ["history"], ["import", "IMPORTED"]]


@pytest.mark.parametrize("command", COMMANDS, ids=lambda c: " ".join(c))
def test_text_output_holds_no_raw_control_characters(db, capsys, tmp_path, command) -> None:
    if command[-1] == "IMPORTED":
        bad = tmp_path / "file \x1b]0;title\x07 \u202etxt.jsonl"  # a file name can hold them too
        bad.write_text('{"type": "trace", "trace_id": "x", "name": 5}\n{broken\n')
        command = ["import", str(bad)]
    code = main(["--db", db, *command])
    out, err = capsys.readouterr()
    assert code in (0, 1)
    assert out and RAW.findall(out + err) == []
    assert "\\u001b" in out or command[0] == "stats"  # shown, as an escape a person can read


@pytest.mark.parametrize("command", [c for c in COMMANDS if c[0] != "import"], ids=lambda c: " ".join(c))
def test_json_output_holds_no_raw_control_characters_and_reads_back(db, capsys, command) -> None:
    assert main(["--db", db, *command, "--json"]) == 0
    out = capsys.readouterr().out
    assert RAW.findall(out) == []
    value = json.loads(out)
    if command[0] == "show":
        assert value["name"] == nasty("name")  # the same text, only written with escapes
        assert value["reviews"][0]["notes"] == nasty("note")
