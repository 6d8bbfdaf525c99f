"""Files shipped with the app (icons, style, the demo bundle), found in a checkout, an
installed wheel and a frozen build alike.

They live in the repository's top-level ``resources/`` folder, which the package build
installs as the ``tracedesk_resources`` package beside ``tracedesk``.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path


def resource_path(*parts: str) -> Path:
    root = resources.files("tracedesk_resources")
    return Path(str(root.joinpath(*parts)))


def demo_bundle_path() -> Path:
    return resource_path("demo", "support-bot.jsonl.gz")
