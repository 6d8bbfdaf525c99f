"""The text helpers every page uses: text cut to a width, moments in local time."""

from __future__ import annotations

from datetime import datetime

from tracedesk.ui.text import elide, local_time, one_line


def test_text_is_cut_to_its_width_with_an_ellipsis() -> None:
    assert elide("abc", 3) == "abc" and elide("abcd", 3) == "ab…"
    assert elide("a\nb", 5) == "a\nb"  # elide keeps the lines
    assert one_line("  a \n  b  ", 10) == "a b" and one_line("one two three", 7) == "one tw…"


def test_moments_are_shown_in_local_time() -> None:
    moment = datetime(2026, 3, 4, 5, 6, 7)
    ns = int(moment.timestamp()) * 10**9
    assert local_time(ns) == "2026-03-04 05:06" and local_time(ns, seconds=True) == "2026-03-04 05:06:07"
    assert local_time(None) == ""
