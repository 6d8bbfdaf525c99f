"""What a person installs: the wheel, installed for real in a fresh environment, runs its
selftest from its own files; the desktop entry, file association and AppStream data say
what the app is and open review databases."""

from __future__ import annotations

import configparser
import importlib.util
import os
import subprocess
import sys
import sysconfig
import venv
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parents[1]
LINUX = ROOT / "packaging" / "linux"
APP_ID = "org.tracedesk.Tracedesk"
# What an installation sees: not this checkout through PYTHONPATH.
CLEAN_ENV = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}


def load_build_script() -> ModuleType:
    """packaging/build.py, the release build, whose helpers the tests share."""
    spec = importlib.util.spec_from_file_location("tracedesk_build", ROOT / "packaging" / "build.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@dataclass
class Installed:
    python: Path  # the fresh environment's Python
    site: Path  # its site-packages, where the wheel went


@pytest.fixture(scope="module")
def installed_wheel(tmp_path_factory) -> Installed:
    """The wheel built from this checkout, installed in a fresh environment."""
    tmp = tmp_path_factory.mktemp("wheel")
    pip = [sys.executable, "-m", "pip"]
    # Built from a copy, as packaging/build.py builds: setuptools leaves build/ and *.egg-info there.
    sources = load_build_script().copy_sources(tmp / "source")
    subprocess.run([*pip, "wheel", "--no-deps", "-q", "-w", str(tmp / "dist"), str(sources)],
                   check=True, capture_output=True, timeout=300, env=CLEAN_ENV)
    [wheel] = (tmp / "dist").glob("tracedesk-*.whl")
    env_dir = tmp / "env"
    venv.EnvBuilder(with_pip=False).create(env_dir)
    python = env_dir / ("Scripts/python.exe" if os.name == "nt" else "bin/python")
    subprocess.run([*pip, "--python", str(python), "install", "--no-deps", "-q", str(wheel)],
                   check=True, capture_output=True, timeout=300, env=CLEAN_ENV)
    # The libraries come from this environment (a path, so its editable Tracedesk stays out):
    # what is tested is the wheel's own code and resources.
    site = Path(subprocess.run([str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
                               check=True, capture_output=True, text=True, env=CLEAN_ENV).stdout.strip())
    (site / "borrowed-libraries.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
    return Installed(python, site)


def run_selftest(program: Path, cwd: Path) -> str:
    version = subprocess.run([str(program), "--version"], capture_output=True, text=True, timeout=60, env=CLEAN_ENV)
    assert version.returncode == 0 and version.stdout.startswith("tracedesk "), version.stderr
    env = {**CLEAN_ENV, "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run([str(program), "selftest"], capture_output=True, text=True, timeout=300, env=env, cwd=cwd)
    assert done.returncode == 0, done.stdout + done.stderr
    for check in ("meaning: wordllama", "import: 300 traces", "queue:", "review:", "export: 1 eval case",
                  "window: opened"):
        assert check in done.stdout, done.stdout
    return done.stdout


@pytest.mark.slow
def test_the_wheel_installs_in_a_fresh_environment_and_passes_its_selftest(installed_wheel, tmp_path) -> None:
    bin_dir = installed_wheel.python.parent
    said = run_selftest(bin_dir / ("tracedesk.exe" if os.name == "nt" else "tracedesk"), tmp_path)
    assert f"found in {installed_wheel.site / 'tracedesk_resources'}" in said  # the wheel's files, not the checkout's


@pytest.mark.slow
def test_the_one_folder_app_builds_from_the_spec_and_passes_its_selftest(installed_wheel, tmp_path) -> None:
    built = subprocess.run(
        [str(installed_wheel.python), "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN",
         "--workpath", str(tmp_path / "work"), "--distpath", str(tmp_path / "app"),
         str(ROOT / "packaging" / "tracedesk.spec")],
        capture_output=True, text=True, timeout=900, env=CLEAN_ENV)
    assert built.returncode == 0, built.stderr[-3000:]
    folder = tmp_path / "app" / "tracedesk"
    said = run_selftest(folder / ("tracedesk.exe" if os.name == "nt" else "tracedesk"), tmp_path)
    assert "found in " + str(folder) in said  # the frozen app's own files


def test_the_desktop_entry_opens_review_databases_with_the_app() -> None:
    entry = configparser.ConfigParser(interpolation=None)
    entry.optionxform = str  # keys are case-sensitive
    entry.read(LINUX / f"{APP_ID}.desktop")
    desktop = entry["Desktop Entry"]
    assert desktop["Type"] == "Application" and desktop["Name"] == "Tracedesk"
    assert desktop["Exec"].split()[:2] == ["tracedesk", "open"] and desktop["Icon"] == APP_ID
    assert "application/x-tracedesk-review;" in desktop["MimeType"]


def test_the_file_association_recognises_a_review_database_by_its_content(tmp_path) -> None:
    from tracedesk.core.database import open_store
    from tracedesk.core.store import APPLICATION_ID

    ns = {"m": "http://www.freedesktop.org/standards/shared-mime-info"}
    mime = ET.parse(LINUX / f"{APP_ID}.xml").getroot().find("m:mime-type", ns)
    assert mime is not None and mime.get("type") == "application/x-tracedesk-review"
    outer = mime.find("m:magic/m:match", ns)
    inner = outer.find("m:match", ns)
    # The rule the desktop applies, checked on a real review database and on another SQLite file.
    with open_store(tmp_path / "review.sqlite"):
        pass
    data = (tmp_path / "review.sqlite").read_bytes()[:100]
    offset, value = int(inner.get("offset")), int(inner.get("value"), 16)
    assert data[int(outer.get("offset")):].startswith(outer.get("value").encode())
    assert value == APPLICATION_ID and int.from_bytes(data[offset:offset + 4], "big") == value


def test_the_appstream_data_describes_the_app() -> None:
    root = ET.parse(LINUX / f"{APP_ID}.metainfo.xml").getroot()
    assert root.get("type") == "desktop-application" and root.findtext("id") == APP_ID
    assert root.find("launchable").text == f"{APP_ID}.desktop"
    assert root.findtext("provides/binary") == "tracedesk"
    assert len(root.findall("description/p")) >= 1 and root.findtext("metadata_license") == "CC0-1.0"
