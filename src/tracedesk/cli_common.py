"""What the command groups share: the --db and --reviewer options, JSON output, the
shortening of long values, dates given as arguments and the name of who is working.
``cli`` and the modules of its command groups (``cli_review``, ``cli_insights``,
``cli_share``, ``cli_signals``) import it; it imports none of them."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from .core.errors import UserError


def db_argument(parser: argparse.ArgumentParser, *, top: bool) -> None:
    parser.add_argument(
        "--db", metavar="PATH", type=Path,
        default=None if top else argparse.SUPPRESS,
        help="the review database (default: $TRACEDESK_DB, or one in your user data folder)",
    )


def reviewer_argument(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--reviewer", metavar="NAME",
                        help="who you are (default: the name in the settings; the first one given is kept there)")


def print_json(value: Any) -> None:
    json.dump(value, sys.stdout, indent=2, ensure_ascii=False)
    sys.stdout.write("\n")


def short(value: Any, width: int = 100) -> str:
    from .core.text import text_of

    text = text_of(value, width + 1) if not isinstance(value, str) else value
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def time_arg(value: str | None, name: str) -> int | None:
    if value is None:
        return None
    from .core.records import parse_time

    try:
        return parse_time(value if "T" in value or value.isdigit() else f"{value}T00:00:00Z")[0]
    except ValueError:
        raise UserError(f"--{name} {value!r} is not a date (write 2026-11-20 or 2026-11-20T10:00:00Z)") from None


def reviewer_name(args: argparse.Namespace) -> str:
    """Who is working: ``--reviewer``, else the name in the settings. The first name given
    is kept in the settings, so it is asked once."""
    from .core.settings import load_settings, save_reviewer

    settings = load_settings()
    given = getattr(args, "reviewer", None)
    if given and given.strip():
        if settings.reviewer is None:
            save_reviewer(given)
        return " ".join(given.split())
    if settings.reviewer:
        return settings.reviewer
    raise UserError("who is reviewing? Give your name once with --reviewer NAME (it is kept in the settings)")
