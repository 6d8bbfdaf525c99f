"""Settings a user can change, declared once with their defaults, read from a TOML file.

The file is ``settings.toml`` in the user config folder (``TRACEDESK_CONFIG`` names
another). For example, to make rephrases count more and outliers not at all::

    [queue.weights]
    rephrase = 1.0
    outlier = 0
"""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from .errors import UserError

# How much each signal kind weighs in a trace's priority (0 ignores it; 1 takes its
# confidence as it is). Explicit feedback weighs most; weak, noisy signals least.
DEFAULT_WEIGHTS: dict[str, float] = {
    "thumbs_down": 1.0,
    "low_rating": 0.9,
    "correction": 1.0,
    "negative_comment": 0.7,
    "failed_eval": 0.9,
    "escalation": 0.9,
    "frustration": 0.9,
    "rephrase": 0.85,
    "error_swallowed": 0.95,
    "empty_retrieval": 0.8,
    "loop": 0.8,
    "abandonment": 0.5,
    "outlier": 0.5,
    # Positive feedback lowers a trace's priority by this share of its confidence.
    "positive_feedback": 0.5,
}


@dataclass
class Settings:
    weights: dict[str, float] = field(default_factory=lambda: dict(DEFAULT_WEIGHTS))
    reviewer: str | None = None
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
    settings.reviewer = reviewer if isinstance(reviewer, str) and reviewer.strip() else None
    return settings
