"""What the frozen app runs: the ``tracedesk`` command (with no arguments, the window)."""

import sys

from tracedesk.cli import main

if __name__ == "__main__":
    sys.exit(main())
