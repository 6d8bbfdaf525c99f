"""Whether the window can open here, decided before Qt is imported.

Qt aborts the whole process (SIGABRT, exit 134) when it finds no display, or when the X11
platform plugin lacks a system library, with a message that blames the installation. So
the window's commands look first: a display named by ``DISPLAY`` or ``WAYLAND_DISPLAY``
that answers, or a platform chosen with ``QT_QPA_PLATFORM`` (``offscreen`` needs none);
and, for X11, the libraries the plugin links to (``ldd``), so that a missing one is named.
Nothing here imports Qt: finding the plugin's file does not load PySide6.
"""

from __future__ import annotations

import importlib.util
import os
import re
import shutil
import socket
import subprocess
import sys
from collections.abc import Mapping
from pathlib import Path

# Platforms that draw without a display server.
_HEADLESS = frozenset({"offscreen", "minimal", "minimalegl", "vnc", "linuxfb", "eglfs", "vkkhrdisplay"})
_WHAT_TO_DO = ("run it in a desktop session, use 'tracedesk demo --no-window' and the other commands "
               "without a window, or set QT_QPA_PLATFORM=offscreen to draw without a screen")


def xcb_plugin() -> Path | None:
    """The X11 platform plugin of the installed PySide6, found without importing it."""
    try:
        spec = importlib.util.find_spec("PySide6")
    except (ImportError, ValueError):
        return None
    folders = (spec.submodule_search_locations or []) if spec is not None else []
    for folder in folders:
        plugin = Path(folder) / "Qt" / "plugins" / "platforms" / "libqxcb.so"
        if plugin.is_file():
            return plugin
    return None


def missing_libraries(plugin: Path) -> list[str]:
    """The shared libraries ``plugin`` needs that the system does not have, as ``ldd``
    names them (``libxcb-cursor.so.0``); empty when all are there or ``ldd`` is absent."""
    ldd = shutil.which("ldd")
    if ldd is None:
        return []
    try:
        done = subprocess.run([ldd, str(plugin)], capture_output=True, text=True, timeout=20)
    except (OSError, subprocess.SubprocessError):
        return []
    found = re.findall(r"^\s*(\S+)\s+=>\s+not found", done.stdout, flags=re.MULTILINE)
    return list(dict.fromkeys(found))


def debian_package(library: str) -> str:
    """The Debian or Ubuntu package that holds ``library`` (``libxcb-icccm.so.4`` is in
    ``libxcb-icccm4``, ``libxkbcommon-x11.so.0`` in ``libxkbcommon-x11-0``)."""
    if library.startswith("libglib-2.0.so"):
        return "libglib2.0-0"
    match = re.fullmatch(r"(lib.+?)\.so\.(\d+)(?:\..*)?", library)
    if match is None:
        return library
    name, major = match.group(1).lower(), match.group(2)
    return f"{name}-{major}" if name[-1].isdigit() else f"{name}{major}"


def missing_libraries_message(libraries: list[str]) -> str:
    packages = " ".join(dict.fromkeys(debian_package(lib) for lib in libraries))
    names = ", ".join(libraries[:-1]) + " and " + libraries[-1] if len(libraries) > 1 else libraries[0]
    return (f"the window needs {names}, which {'is' if len(libraries) == 1 else 'are'} not "
            f"installed (on Debian or Ubuntu: sudo apt-get install {packages})")


def _x11_answers(display: str) -> bool:
    """Whether the local X server ``:N`` listens (a display on another host is assumed to)."""
    match = re.fullmatch(r"(?:unix)?:(\d+)(?:\.\d+)?", display)
    if match is None:
        return True
    path = f"/tmp/.X11-unix/X{match.group(1)}"
    for address in (path, "\0" + path):  # the socket file, or Linux's abstract one
        with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as s:
            s.settimeout(2)
            try:
                s.connect(address)
                return True
            except OSError:
                continue
    return False


def display_problem(env: Mapping[str, str] | None = None) -> str | None:
    """Why the window cannot open here, in one sentence that says what to do; None if it can
    (or if it cannot be told without Qt, as on Windows and macOS)."""
    env = os.environ if env is None else env
    if not sys.platform.startswith("linux"):
        return None
    platform = env.get("QT_QPA_PLATFORM", "").split(":")[0].split(";")[0].strip()
    if platform in _HEADLESS:
        return None
    display, wayland = env.get("DISPLAY", ""), env.get("WAYLAND_DISPLAY", "")
    if platform.startswith("wayland") or (wayland and platform != "xcb"):
        return None if wayland else f"there is no Wayland display (WAYLAND_DISPLAY is not set): {_WHAT_TO_DO}"
    if not display:
        return f"there is no display to open the window on (DISPLAY is not set): {_WHAT_TO_DO}"
    plugin = xcb_plugin()
    missing = missing_libraries(plugin) if plugin is not None else []
    if missing:
        return missing_libraries_message(missing)
    if not _x11_answers(display):
        return f"the display {display} does not answer (is the X server running?): {_WHAT_TO_DO}"
    return None
