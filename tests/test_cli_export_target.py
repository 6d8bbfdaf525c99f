"""Where ``export --out`` writes: never through a link or onto a device, an existing file
only with ``--force``, and a folder that cannot be written (read-only, full) is one line
saying so, with nothing left behind."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from tracedesk.cli import main

from .conftest import write_jsonl
from .core.sessions import Bundle, tool

pytestmark = pytest.mark.usefixtures("settings_file")  # a settings file of each test's own


@pytest.fixture
def db(tmp_path, capsys) -> str:
    b = Bundle("shop")
    b.turn("s1", "Refund order 1", "Done.", trace_id="t1", steps=[tool("refund", {"order": 1}, error="timeout")])
    path = str(tmp_path / "db.sqlite")
    assert main(["--db", path, "import", str(write_jsonl(tmp_path / "b.jsonl", b.records))]) == 0
    assert main(["--db", path, "annotate", "t1", "--verdict", "failure", "--expected", "Sorry, it failed.",
                 "--reviewer", "ann"]) == 0
    capsys.readouterr()
    return path


def export(capsys, db: str, out: Path | str, *more: str) -> tuple[int, str, str]:
    code = main(["--db", db, "export", "--format", "jsonl", "--out", str(out), *more])
    o, e = capsys.readouterr()
    return code, o, e


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.startswith("."))


def test_an_existing_file_is_replaced_only_with_force(db, tmp_path, capsys) -> None:
    out = tmp_path / "cases.jsonl"
    out.write_text("my own notes\n")
    code, _, err = export(capsys, db, out)
    assert code == 2 and "exists already" in err and "--force" in err and len(err.strip().splitlines()) == 1
    assert out.read_text() == "my own notes\n"
    code, printed, _ = export(capsys, db, out, "--force")
    assert code == 0 and "1 eval cases written" in printed and '"question":"Refund order 1"' in out.read_text()


def test_a_symlink_is_refused_and_neither_it_nor_its_target_changes(db, tmp_path, capsys) -> None:
    target = tmp_path / "precious.txt"
    target.write_text("keep me\n")
    link = tmp_path / "cases.jsonl"
    link.symlink_to(target)
    dangling = tmp_path / "dangling.jsonl"
    dangling.symlink_to(tmp_path / "nowhere.jsonl")
    for out in (link, dangling):
        for force in ((), ("--force",)):
            code, _, err = export(capsys, db, out, *force)
            assert code == 2 and "link" in err and len(err.strip().splitlines()) == 1
            assert out.is_symlink()
    assert target.read_text() == "keep me\n" and not (tmp_path / "nowhere.jsonl").exists()
    assert leftovers(tmp_path) == []


def test_a_device_node_is_refused_and_stays_a_device(db, tmp_path, capsys) -> None:
    node = tmp_path / "null"
    try:
        os.mknod(node, stat.S_IFCHR | 0o666, os.makedev(1, 3))  # a /dev/null of the test's own
    except PermissionError:
        os.mkfifo(node)  # without the right to make devices, a pipe is not a regular file either
    for force in ((), ("--force",)):
        code, _, err = export(capsys, db, node, *force)
        assert code == 2 and "not a regular file" in err and len(err.strip().splitlines()) == 1
    mode = os.lstat(node).st_mode
    assert stat.S_ISCHR(mode) or stat.S_ISFIFO(mode)
    assert leftovers(tmp_path) == []


def test_a_folder_that_cannot_be_written_is_one_line(db, capsys) -> None:
    # Tests run as root, whom chmod does not stop: /sys refuses new files to everyone.
    code, _, err = export(capsys, db, "/sys/cases.jsonl")
    assert code == 2 and len(err.strip().splitlines()) == 1
    assert "/sys/cases.jsonl" in err and "Permission denied" in err and "Traceback" not in err
    assert not [n for n in os.listdir("/sys") if "cases.jsonl" in n]


def test_a_full_disk_is_one_line_and_leaves_nothing(db, tmp_path, capsys) -> None:
    # A file size limit makes writing fail as a full disk does, at the write: above what
    # reading the database needs, below the export's size.
    assert main(["--db", db, "annotate", "t1", "--verdict", "failure", "--expected", "long answer " * 20_000,
                 "--reviewer", "ann"]) == 0
    out = tmp_path / "cases.jsonl"
    script = ("import resource, signal, sys; signal.signal(signal.SIGXFSZ, signal.SIG_IGN); "
              "resource.setrlimit(resource.RLIMIT_FSIZE, (1 << 17, 1 << 17)); from tracedesk.cli import main; "
              "sys.exit(main(sys.argv[1:]))")
    done = subprocess.run([sys.executable, "-c", script, "--db", db, "export", "--format", "jsonl", "--out",
                           str(out)], capture_output=True, text=True, timeout=120,
                          env={**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)})
    assert done.returncode == 2, done.stderr
    assert len(done.stderr.strip().splitlines()) == 1 and "File too large" in done.stderr
    assert str(out) in done.stderr and "Traceback" not in done.stderr
    assert not out.exists() and leftovers(tmp_path) == []


def test_share_refuses_a_link_and_a_device_and_says_when_a_folder_cannot_be_written(db, tmp_path, capsys) -> None:
    dangling = tmp_path / "copy.tracedesk"
    dangling.symlink_to(tmp_path / "nowhere.tracedesk")
    node = tmp_path / "pipe.tracedesk"
    os.mkfifo(node)
    for out, says in ((dangling, "link"), (node, "not a regular file"), ("/sys/copy.tracedesk", "Permission denied")):
        code = main(["--db", db, "share", "--out", str(out)])
        err = capsys.readouterr().err
        assert code == 2 and says in err and len(err.strip().splitlines()) == 1 and "Traceback" not in err
    assert dangling.is_symlink() and not (tmp_path / "nowhere.tracedesk").exists()
    assert stat.S_ISFIFO(os.lstat(node).st_mode) and leftovers(tmp_path) == []
