"""The files exports and shares write: what may be written to, and one clear line when the
system refuses.

A file is written under a temporary name beside its target and renamed onto it at the
end, and a rename replaces whatever is there: a symbolic link (not the file it points
to), a device such as ``/dev/null``, a named pipe. So only a new file, or an existing
regular file the user said to replace, is a target.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from .errors import UserError


class TargetExists(UserError):
    """The target is a regular file, and replacing it was not asked for."""


def check_target(path: Path, *, overwrite: bool, what: str = "file") -> None:
    """Raise a :class:`UserError` unless ``path`` is new, or (with ``overwrite``) a regular
    file; :class:`TargetExists` for a regular file without ``overwrite``."""
    try:
        mode = os.lstat(path).st_mode
    except FileNotFoundError:
        if not path.parent.is_dir():
            raise UserError(f"{path.parent} does not exist; create the folder first") from None
        return
    except OSError as exc:
        raise cannot_write(path, exc) from exc
    if stat.S_ISLNK(mode):
        raise UserError(f"{path} is a symbolic link; give the path of the {what} itself (a link is neither "
                        "followed nor replaced)")
    if stat.S_ISDIR(mode):
        raise UserError(f"{path} is a folder; give the path of the {what} to write")
    if not stat.S_ISREG(mode):
        raise UserError(f"{path} is not a regular file (a device, a pipe or a socket); give the path of a new {what}")
    if not overwrite:
        raise TargetExists(f"{path} exists already; choose a new name, or add --force to replace it")


def cannot_write(path: Path, exc: OSError) -> UserError:
    """The one line that says ``path`` could not be written, and why (a full disk, a
    read-only folder, no permission)."""
    reason = exc.strerror or str(exc)
    return UserError(f"{path} could not be written: {reason}. Nothing was written; free some space or choose "
                     "a folder you can write to.")
