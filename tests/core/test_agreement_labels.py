"""The blamed step as a reviewer reads it, and the names of blamed spans, read in core."""

from __future__ import annotations

from tracedesk.core.agreement import Rating, step_label


def test_a_blamed_step_reads_the_same_wherever_it_is_shown() -> None:
    assert step_label(None, False) == ""
    assert step_label(None, True) == "missing step"
    assert step_label("s1", False) == "“s1”"
    assert step_label("s1", False, "search_kb", "retrieval") == "“search_kb” (retrieval)"
    assert step_label("s1", True, "search_kb", "retrieval") == "missing step after “search_kb” (retrieval)"
    assert step_label("s1", True, None, "tool") == "missing step after “s1” (tool)"


def test_a_rating_compares_blamed_steps_by_their_labels() -> None:
    def rating(span: str | None, missing: bool) -> Rating:
        return Rating("u", "ann", "failure", None, None, span, missing, None, 0)

    values = [rating(None, False).value("span"), rating(None, True).value("span"), rating("s1", False).value("span"),
              rating("s1", True).value("span")]
    assert values[0] is None and len(set(values)) == 4
