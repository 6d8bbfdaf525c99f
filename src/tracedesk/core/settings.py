"""Settings a user can change, declared once with their defaults, read from a TOML file.

The file is ``settings.toml`` in the user config folder (``TRACEDESK_CONFIG`` names
another). For example, to make rephrases count for half and outliers not at all::

    [queue.weights]
    rephrase = 0.5
    outlier = 0

    [reviewer]
    name = "Ann Lee"          # asked once; every review carries it

    [redact]
    patterns = ["ORD-[0-9]{6}"]   # regular expressions removed on export, besides the built-in ones
"""

from __future__ import annotations

import json
import os
import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from .errors import UserError

# How much each signal kind weighs in a trace's priority (0 ignores it; 1 takes its
# confidence as it is). The confidences themselves are calibrated in one table
# (core/signals/confidence.py) and learned from the reviewers' verdicts, so every kind
# counts in full unless a user says otherwise.
DEFAULT_WEIGHTS: dict[str, float] = {
    "thumbs_down": 1.0,
    "low_rating": 1.0,
    "correction": 1.0,
    "negative_comment": 1.0,
    "failed_eval": 1.0,
    "escalation": 1.0,
    "frustration": 1.0,
    "taken_back": 1.0,
    "rephrase": 1.0,
    "error_swallowed": 1.0,
    "empty_retrieval": 1.0,
    "ungrounded": 1.0,
    "off_topic": 1.0,
    "loop": 1.0,
    "abandonment": 1.0,
    "outlier": 1.0,
    # Agent runs (signals.agent).
    "limit_reached": 1.0, "tests_failed": 1.0, "repeated_command": 1.0, "error_ignored": 1.0,
    "handoff": 1.0, "no_answer": 1.0,
    # Learned from the reviewers (core.learning).
    "like_failure": 1.0,
    # Positive feedback lowers a trace's priority by this share of its confidence.
    "positive_feedback": 0.5,
}


@dataclass
class Settings:
    weights: dict[str, float] = field(default_factory=lambda: dict(DEFAULT_WEIGHTS))
    reviewer: str | None = None
    redact_patterns: list[str] = field(default_factory=list)
    path: Path | None = None


def settings_path() -> Path:
    env = os.environ.get("TRACEDESK_CONFIG")
    if env:
        return Path(env).expanduser()
    from platformdirs import user_config_path

    return user_config_path("tracedesk", appauthor=False) / "settings.toml"


def load_settings(path: Path | None = None) -> Settings:
    path = path or settings_path()
    settings = Settings(path=path)
    if not path.exists():
        return settings
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise UserError(f"{path}: the settings cannot be read ({exc}). Fix or remove the file.") from exc
    weights = data.get("queue", {}).get("weights", {})
    for kind, weight in weights.items():
        if kind not in DEFAULT_WEIGHTS:
            raise UserError(f"{path}: [queue.weights] has no signal '{kind}' "
                            f"(known: {', '.join(DEFAULT_WEIGHTS)})")
        if not isinstance(weight, int | float) or not 0 <= weight <= 1:
            raise UserError(f"{path}: [queue.weights] {kind} must be a number from 0 to 1")
        settings.weights[kind] = float(weight)
    reviewer = data.get("reviewer", {}).get("name")
    settings.reviewer = reviewer.strip() if isinstance(reviewer, str) and reviewer.strip() else None
    patterns = data.get("redact", {}).get("patterns", [])
    if not isinstance(patterns, list) or not all(isinstance(p, str) for p in patterns):
        raise UserError(f"{path}: [redact] patterns must be a list of strings")
    for pattern in patterns:
        try:
            re.compile(pattern)
        except re.error as exc:
            raise UserError(f"{path}: [redact] pattern {pattern!r} is not a regular expression ({exc})") from exc
    settings.redact_patterns = list(patterns)
    return settings


def save_reviewer(name: str, path: Path | None = None) -> Path:
    """Keep the reviewer's name in the settings file (the rest of the file stays as it is)."""
    name = " ".join(name.split())
    if not name:
        raise UserError("the reviewer's name cannot be empty")
    path = path or settings_path()
    text = path.read_text(encoding="utf-8") if path.exists() else ""
    line = f"name = {json.dumps(name, ensure_ascii=False)}"
    section = re.search(r"(?m)^\[reviewer\][ \t]*(?:#.*)?$", text)
    if section is None:
        gap = "" if not text else "\n" if text.endswith("\n") else "\n\n"
        text = f"{text}{gap}[reviewer]\n{line}\n"
    else:
        end = re.search(r"(?m)^\[", text[section.end():])
        body_end = section.end() + (end.start() if end else len(text) - section.end())
        body = text[section.end():body_end]
        if re.search(r"(?m)^[ \t]*name[ \t]*=.*$", body):
            body = re.sub(r"(?m)^[ \t]*name[ \t]*=.*$", lambda _: line, body, count=1)
        else:
            body = f"\n{line}" + body
        text = text[:section.end()] + body + text[body_end:]
    if tomllib.loads(text).get("reviewer", {}).get("name") != name:  # pragma: no cover - a guard
        raise UserError(f"{path}: the reviewer's name could not be written; edit the file by hand")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path
