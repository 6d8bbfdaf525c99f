"""The log file a bug report can attach: ``tracedesk.log`` in the user's log folder
(platformdirs; ``TRACEDESK_LOG_DIR`` names another). The window writes to it what went
wrong unexpectedly, with the traceback (an error in background work, in a long job, in an
event handler), and Help › Open Log Folder shows the folder.

Modules log through ``logging.getLogger(__name__)``; nothing is written anywhere until
:func:`start_logging` attaches the file, so the core and the command line stay quiet
(without a handler, Python prints warnings and errors on stderr, as before).
"""

from __future__ import annotations

import logging
import os
from logging.handlers import RotatingFileHandler
from pathlib import Path

LOG_DIR_ENV = "TRACEDESK_LOG_DIR"
LOG_NAME = "tracedesk.log"
# A few files of a megabyte: enough for the story of a bug, never a full disk.
MAX_BYTES = 1_000_000
BACKUPS = 3

_logger = logging.getLogger("tracedesk")
_handler: RotatingFileHandler | None = None


def log_folder() -> Path:
    """Where the log file goes: ``$TRACEDESK_LOG_DIR``, else the user's log folder."""
    env = os.environ.get(LOG_DIR_ENV)
    if env:
        return Path(env).expanduser()
    from platformdirs import user_log_path

    return user_log_path("tracedesk", appauthor=False)


def start_logging() -> Path | None:
    """Write Tracedesk's log records (INFO and above) to the log file from now on; return
    its path, or None when the folder cannot be written (the app runs on without a log)."""
    global _handler
    stop_logging()
    path = log_folder() / LOG_NAME
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handler = RotatingFileHandler(path, maxBytes=MAX_BYTES, backupCount=BACKUPS, encoding="utf-8")
    except OSError:
        return None
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s [%(threadName)s] %(message)s"))
    _logger.addHandler(handler)
    _logger.setLevel(logging.INFO)
    _handler = handler
    return path


def current_log() -> Path | None:
    """The file being written to, if logging was started."""
    return Path(_handler.baseFilename) if _handler is not None else None


def stop_logging() -> None:
    """Close the log file (when the window closes, and between tests)."""
    global _handler
    if _handler is not None:
        _logger.removeHandler(_handler)
        _handler.close()
        _handler = None
        _logger.setLevel(logging.NOTSET)
