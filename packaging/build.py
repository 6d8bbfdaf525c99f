"""Build Tracedesk for people, and check each build the way a user would run it.

    python3 packaging/build.py wheel    # dist/*.whl, installed in a fresh environment and smoke-tested
    python3 packaging/build.py app      # dist/tracedesk-VERSION-PLATFORM: the one-folder app, smoke-tested
    python3 packaging/build.py all

Each step builds in a fresh virtual environment, from a copy of the sources, in a folder of
the temporary directory (BUILD below): nothing from the developer's environment leaks into
what ships, and nothing but dist/ is written into the checkout. The smoke test is ``tracedesk --version``
and ``tracedesk selftest`` (resources, import, queue, review, export and the window,
offscreen when there is no display), run from the installed package or the frozen app.
On Windows and macOS the same commands build with the same spec (see packaging/README.md).
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import subprocess
import sys
import tarfile
import tempfile
import time
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DIST = ROOT / "dist"
# Out of the checkout: setuptools writes build/ and *.egg-info beside the sources it builds.
BUILD = Path(tempfile.gettempdir()) / "tracedesk-build"
# What a wheel is built from (pyproject.toml names the rest).
SOURCES = ("pyproject.toml", "README.md", "src", "resources")
LINUX = ROOT / "packaging" / "linux"
APP_ID = "org.tracedesk.Tracedesk"


def say(text: str) -> None:
    print(f"== {text}", flush=True)


def run(*args: str | Path, env: dict | None = None, cwd: Path = ROOT) -> str:
    done = subprocess.run([str(a) for a in args], cwd=cwd, env=env, text=True, capture_output=True)
    if done.returncode != 0:
        sys.stderr.write(done.stdout + done.stderr)
        raise SystemExit(f"failed ({done.returncode}): {' '.join(str(a) for a in args)}")
    return done.stdout


def fresh_env(path: Path) -> Path:
    """A new virtual environment at ``path``; returns its Python."""
    shutil.rmtree(path, ignore_errors=True)
    venv.EnvBuilder(with_pip=True, clear=True).create(path)
    python = path / ("Scripts/python.exe" if os.name == "nt" else "bin/python")
    run(python, "-m", "pip", "install", "-q", "--upgrade", "pip")
    return python


def headless_env() -> dict:
    env = dict(os.environ)
    if sys.platform.startswith("linux") and not env.get("DISPLAY") and not env.get("WAYLAND_DISPLAY"):
        env["QT_QPA_PLATFORM"] = "offscreen"
    return env


def smoke(program: list[str | Path]) -> None:
    """The smoke test of an installation: its version, then the selftest."""
    version = run(*program, "--version").strip()
    say(f"{version}: running the selftest")
    print(run(*program, "selftest", env=headless_env()), end="")


def copy_sources(dest: Path) -> Path:
    """A copy of what the wheel is built from at ``dest`` (replaced if there), so that the
    build's own files (build/, *.egg-info) are written there and not into the checkout."""
    shutil.rmtree(dest, ignore_errors=True)
    dest.mkdir(parents=True)
    leftovers = shutil.ignore_patterns("__pycache__", "*.pyc", "*.egg-info", "build")
    for name in SOURCES:
        if (ROOT / name).is_dir():
            shutil.copytree(ROOT / name, dest / name, ignore=leftovers)
        else:
            shutil.copy2(ROOT / name, dest / name)
    return dest


def build_wheel() -> Path:
    say("building the wheel")
    builder = fresh_env(BUILD / "wheel-builder")
    run(builder, "-m", "pip", "install", "-q", "build")
    DIST.mkdir(exist_ok=True)
    for old in DIST.glob("tracedesk-*.whl"):
        old.unlink()
    run(builder, "-m", "build", "--wheel", "--outdir", DIST, copy_sources(BUILD / "source"))
    [wheel] = DIST.glob("tracedesk-*.whl")
    say(f"installing {wheel.name} in a fresh environment")
    python = fresh_env(BUILD / "wheel-check")
    run(python, "-m", "pip", "install", "-q", wheel)
    smoke([python.parent / ("tracedesk.exe" if os.name == "nt" else "tracedesk")])
    return wheel


def build_app(wheel: Path | None) -> Path:
    wheel = wheel or next(iter(DIST.glob("tracedesk-*.whl")), None) or build_wheel()
    say("building the one-folder app with PyInstaller")
    python = fresh_env(BUILD / "app-builder")
    run(python, "-m", "pip", "install", "-q", wheel, "pyinstaller>=6.10")
    started = time.monotonic()
    work, out = BUILD / "pyinstaller", BUILD / "app"
    run(python, "-m", "PyInstaller", "--noconfirm", "--clean", "--workpath", work, "--distpath", out,
        ROOT / "packaging" / "tracedesk.spec")
    folder = out / "tracedesk"
    say(f"built in {time.monotonic() - started:.0f} s: {folder}")
    if sys.platform.startswith("linux"):
        add_desktop_files(folder)
    program = folder / ("tracedesk.exe" if os.name == "nt" else "tracedesk")
    smoke([program])
    version = run(program, "--version").split()[-1]
    name = f"tracedesk-{version}-{platform.system().lower()}-{platform.machine().lower()}"
    DIST.mkdir(exist_ok=True)
    archive = DIST / f"{name}.tar.gz"
    with tarfile.open(archive, "w:gz") as tar:
        tar.add(folder, arcname=name)
    say(f"{archive} ({archive.stat().st_size / 1e6:.0f} MB)")
    return archive


def add_desktop_files(folder: Path) -> None:
    """The desktop entry, icon, file association and AppStream data, laid out as under a
    prefix, with an install script that puts them in the user's data folder."""
    share = folder / "share"
    for sub, name in (("applications", f"{APP_ID}.desktop"), ("metainfo", f"{APP_ID}.metainfo.xml"),
                      ("mime/packages", f"{APP_ID}.xml")):
        (share / sub).mkdir(parents=True, exist_ok=True)
        shutil.copy(LINUX / name, share / sub / name)
    icons = share / "icons" / "hicolor" / "scalable" / "apps"
    icons.mkdir(parents=True, exist_ok=True)
    shutil.copy(ROOT / "resources" / "icons" / "tracedesk.svg", icons / f"{APP_ID}.svg")
    shutil.copy(LINUX / "install.sh", folder / "install.sh")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("what", choices=["wheel", "app", "all"])
    args = parser.parse_args()
    wheel = build_wheel() if args.what in ("wheel", "all") else None
    if args.what in ("app", "all"):
        build_app(wheel)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
