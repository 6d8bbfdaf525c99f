"""Times of native records, read against the calendar arithmetic of the standard library."""

from __future__ import annotations

import calendar

import pytest

from tracedesk.core.records import TimeOutOfRange, parse_time


def _oracle(y: int, mo: int, d: int, h: int, mi: int, s: int, offset_minutes: int, nanos: int) -> int:
    seconds = calendar.timegm((y, mo, d, h, mi, s, 0, 0, 0)) - offset_minutes * 60
    return seconds * 1_000_000_000 + nanos


@pytest.mark.parametrize(("text", "parts", "named"), [
    ("2026-03-01T10:00:00Z", (2026, 3, 1, 10, 0, 0, 0, 0), True),
    ("2026-03-01t10:00:00.5z", (2026, 3, 1, 10, 0, 0, 0, 500_000_000), True),
    ("2026-03-01 10:00:00.123456789+02:00", (2026, 3, 1, 10, 0, 0, 120, 123_456_789), True),
    ("2026-03-01T10:00:00,1234567891-0530", (2026, 3, 1, 10, 0, 0, -330, 123_456_789), True),
    ("2026-03-01T10:00:00.25", (2026, 3, 1, 10, 0, 0, 0, 250_000_000), False),
    ("1970-01-01T00:00:00Z", (1970, 1, 1, 0, 0, 0, 0, 0), True),
    ("1969-12-31T23:59:59.5Z", (1969, 12, 31, 23, 59, 59, 0, 500_000_000), True),
    # The shape most exporters write, read without the general pattern: any fraction up to
    # nanoseconds, "Z" or an offset with a colon.
    ("2026-03-01T10:00:00.123456Z", (2026, 3, 1, 10, 0, 0, 0, 123_456_000), True),
    ("2026-03-01T10:00:00.000000001Z", (2026, 3, 1, 10, 0, 0, 0, 1), True),
    ("2026-03-01T10:00:00.090+00:00", (2026, 3, 1, 10, 0, 0, 0, 90_000_000), True),
    ("2026-03-01T10:00:00.7-05:30", (2026, 3, 1, 10, 0, 0, -330, 700_000_000), True),
    ("2026-03-01T10:00:00-00:00", (2026, 3, 1, 10, 0, 0, 0, 0), True),
    ("2024-02-29T23:59:59.999999999Z", (2024, 2, 29, 23, 59, 59, 0, 999_999_999), True),
])
def test_rfc3339_times_are_read_to_the_nanosecond(text, parts, named) -> None:
    assert parse_time(text) == (_oracle(*parts), named)


def test_the_same_clock_time_with_other_offsets_gives_other_instants() -> None:
    """Many steps share their second; each offset still counts."""
    times = [parse_time(f"2026-03-01T10:00:00.{n:03d}{offset}")[0]
             for n in range(3) for offset in ("Z", "+01:00", "-01:00", "+0100")]
    hour = 3600 * 10**9
    for n in range(3):
        utc, east, west, compact = times[4 * n:4 * n + 4]
        assert (east, west, compact) == (utc - hour, utc + hour, utc - hour)


@pytest.mark.parametrize("text", ["2026-02-30T10:00:00Z", "2026-03-01T25:00:00Z", "2026-03-01", "yesterday",
                                  "2026-03-01T10:00Z", "2026-02-30T10:00:00.5Z", "2026-03-01T10:00:00.Z",
                                  "2026-03-01T10:00:00.5+02:7a", "2026-03-01T10:00:00.5+25:00",
                                  "\u0662\u0660\u0662\u0666-03-01T10:00:00.5Z"])
def test_what_is_not_a_time_is_refused(text) -> None:
    with pytest.raises(ValueError):  # the import reports any ValueError as a bad time
        parse_time(text)
    with pytest.raises(ValueError):  # and again: a refusal is not remembered as a time
        parse_time(text)


def test_a_time_beyond_the_years_a_column_holds_is_out_of_range() -> None:
    with pytest.raises(TimeOutOfRange):
        parse_time("9999-12-31T00:00:00Z")
