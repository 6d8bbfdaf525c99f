"""Starting the window where it cannot open: one line and exit 2, never Qt's abort.

These run the installed ``tracedesk`` command as a user would, with the display variables
taken away, and read the real X11 platform plugin of the installed PySide6 with ``ldd``."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tracedesk.display import debian_package, display_problem, missing_libraries, xcb_plugin

TRACEDESK = Path(sys.executable).with_name("tracedesk")
SRC = Path(__file__).resolve().parents[1] / "src"


def _run(args: list[str], cwd: Path, **env: str) -> subprocess.CompletedProcess[str]:
    clean = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    clean.update(env, PYTHONPATH=str(SRC), HOME=str(cwd), XDG_DATA_HOME=str(cwd / "data"),
                 XDG_CONFIG_HOME=str(cwd / "config"))
    return subprocess.run([str(TRACEDESK), *args], capture_output=True, text=True, timeout=120, env=clean, cwd=cwd)


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the display variables are X11's and Wayland's")
@pytest.mark.parametrize("args", [[], ["gui"], ["demo"], ["open", "bundle.jsonl"]])
def test_without_a_display_the_window_commands_say_so_in_one_line(tmp_path, args) -> None:
    assert TRACEDESK.is_file(), f"{TRACEDESK} is not installed"
    (tmp_path / "bundle.jsonl").write_text('{"type": "bundle", "version": 1}\n')
    db = tmp_path / "review.sqlite"
    done = _run([*args, "--db", str(db)] if args else ["--db", str(db)], tmp_path)
    assert done.returncode == 2, done.stderr
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1, done.stderr
    assert lines[0].startswith("tracedesk: there is no display")
    assert "--no-window" in lines[0] and "QT_QPA_PLATFORM=offscreen" in lines[0]
    assert "Traceback" not in done.stderr and not db.exists()  # nothing made for a window that never opened


@pytest.mark.slow
def test_demo_without_a_window_needs_no_display(tmp_path) -> None:
    db = tmp_path / "demo.sqlite"
    done = _run(["demo", "--no-window", "--db", str(db)], tmp_path)
    assert done.returncode == 0, done.stderr
    assert db.is_file()


def test_an_offscreen_platform_is_a_display() -> None:
    assert display_problem({"QT_QPA_PLATFORM": "offscreen"}) is None
    assert display_problem({"QT_QPA_PLATFORM": "offscreen", "DISPLAY": ""}) is None


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the X11 platform plugin is Linux's")
def test_a_library_the_x11_plugin_lacks_is_named_with_its_package() -> None:
    plugin = xcb_plugin()
    assert plugin is not None and plugin.name == "libqxcb.so"
    if shutil.which("ldd") is None:
        pytest.skip("no ldd here")
    listed = subprocess.run(["ldd", str(plugin)], capture_output=True, text=True).stdout
    not_found = set(re.findall(r"(\S+) => not found", listed))
    assert set(missing_libraries(plugin)) == not_found
    # A display that is set but absent: the missing libraries are what stops the window
    # first; with all of them installed, the display that does not answer is.
    problem = display_problem({"DISPLAY": ":97"})
    assert problem is not None
    if not_found:
        assert problem.startswith("the window needs ")
        for library in not_found:
            assert library in problem and debian_package(library) in problem
    else:
        assert "does not answer" in problem


def test_debian_packages_follow_the_library_names() -> None:
    assert debian_package("libxcb-icccm.so.4") == "libxcb-icccm4"
    assert debian_package("libxcb-render-util.so.0") == "libxcb-render-util0"
    assert debian_package("libxkbcommon-x11.so.0") == "libxkbcommon-x11-0"
    assert debian_package("libX11-xcb.so.1") == "libx11-xcb1"
    assert debian_package("libdbus-1.so.3") == "libdbus-1-3"
    assert debian_package("libglib-2.0.so.0") == "libglib2.0-0"


@pytest.mark.slow
@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the X11 platform plugin is Linux's")
def test_selftest_names_what_the_x11_platform_lacks_instead_of_aborting(tmp_path) -> None:
    plugin = xcb_plugin()
    assert plugin is not None
    lacking = missing_libraries(plugin)
    done = _run(["selftest"], tmp_path, DISPLAY=":97")  # set, but no X server is there
    assert done.returncode == 1, done.stdout + done.stderr  # not Qt's abort (134)
    failed = [line for line in done.stdout.splitlines() if line.startswith("FAILED")]
    assert len(failed) == 1 and failed[0].startswith("FAILED  platform: "), done.stdout
    if lacking:
        assert all(library in failed[0] and debian_package(library) in failed[0] for library in lacking)
    else:
        assert "the display :97 does not answer" in failed[0]


@pytest.mark.slow
def test_selftest_without_a_display_checks_the_window_offscreen(tmp_path) -> None:
    done = _run(["selftest"], tmp_path)
    assert done.returncode == 0, done.stdout + done.stderr
    assert re.search(r"^ok      platform: no display: the window is checked offscreen", done.stdout, re.MULTILINE)
    assert "ok      window: opened on offscreen" in done.stdout
