"""What the command line prints goes through here: text from bundles and merged databases
(names, questions, errors, file names) may hold characters a terminal acts on: escape
sequences that clear the screen, retitle the window or plant a hyperlink, a bell, NUL,
and right-to-left overrides that make a name read backwards. Written to a terminal, a
pipe or a file, each is printed as a ``\\uXXXX`` escape instead.

The escape is JSON's own, and JSON output holds such characters only inside strings:
``--json`` output stays valid JSON and reads back to the very same values.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any, TextIO

from .core.text import BIDI_CONTROLS

# C0 controls but line feed and tab, DEL, C1 controls (CSI among them), and the
# bidirectional marks, embeddings, overrides and isolates.
CONTROLS = re.compile(f"[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f{BIDI_CONTROLS}]")


def escape_controls(text: str) -> str:
    """``text`` with every character a terminal would act on written as ``\\uXXXX``."""
    return CONTROLS.sub(lambda m: f"\\u{ord(m.group()):04x}", text) if CONTROLS.search(text) else text


class SafeOutput:
    """A text stream that writes to ``stream`` with control characters escaped."""

    def __init__(self, stream: TextIO) -> None:
        self.stream = stream

    def write(self, text: str) -> int:
        self.stream.write(escape_controls(text))
        return len(text)

    def writelines(self, lines: Any) -> None:
        for line in lines:
            self.write(line)

    def __getattr__(self, name: str) -> Any:  # flush, fileno, isatty, encoding, ...
        return getattr(self.stream, name)


@contextmanager
def safe_output() -> Iterator[None]:
    """Standard output and error escaped while the block runs."""
    out, err = sys.stdout, sys.stderr
    sys.stdout, sys.stderr = SafeOutput(out), SafeOutput(err)  # type: ignore[assignment]
    try:
        yield
    finally:
        sys.stdout, sys.stderr = out, err
