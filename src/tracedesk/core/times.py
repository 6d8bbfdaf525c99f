"""The times of records: RFC 3339 strings or integer nanoseconds read as nanoseconds since
the epoch, and stored times written back as RFC 3339.

A time is kept in a 64-bit column, which covers the years 1677 to 2262; one outside is
refused here (:class:`TimeOutOfRange`) and kept as it came by the caller.
"""

from __future__ import annotations

import re
from datetime import UTC, date, datetime
from functools import lru_cache
from typing import Any

# SQLite stores whole numbers in 64 bits: a time in nanoseconds covers the years 1677 to
# 2262. A value outside is kept as it came (and reported), never sent to a column.
INT64_MIN, INT64_MAX = -(2**63), 2**63 - 1


def fits_int64(value: int) -> bool:
    return INT64_MIN <= value <= INT64_MAX


class TimeOutOfRange(ValueError):
    """A time that reads well but lies outside the years a database column can hold."""


_RFC3339 = re.compile(
    r"(\d{4}-\d\d-\d\d)[Tt ](\d\d:\d\d:\d\d)(?:[.,](\d+))?\s*(Z|z|[+-]\d\d:?\d\d)?$"
)


def parse_time(value: Any) -> tuple[int, bool]:
    """A time as nanoseconds since the epoch, and whether it named its offset.

    Accepts an RFC 3339 string or an integer count of nanoseconds (also as a decimal
    string, as OTLP writes it). Raises TimeOutOfRange for a time before 1677 or after
    2262 ("9999-12-31" as "no end", say), ValueError for anything else.
    """
    ns, has_offset = _parse_time(value)
    if not fits_int64(ns):
        raise TimeOutOfRange(f"out of range: {value!r}")
    return ns, has_offset


def _parse_time(value: Any) -> tuple[int, bool]:
    if type(value) is str:
        ns = common_time(value)
        if ns is not None:
            return ns, True
    if isinstance(value, int) and not isinstance(value, bool):
        return value, True
    if isinstance(value, float) and value.is_integer():
        return int(value), True
    if isinstance(value, str):
        if value.isdigit():
            return int(value), True
        m = _RFC3339.match(value.strip())
        if m:
            date, clock, frac, offset = m.groups()
            nanos = int(frac[:9].ljust(9, "0")) if frac else 0
            return _epoch_seconds(date, clock, offset) * 1_000_000_000 + nanos, offset is not None
    raise ValueError(f"not a time: {value!r}")


# The shape nearly every exporter writes, "2026-03-01T10:00:00.123456Z" or "...+02:00", is
# read by position, without the general pattern: a bundle of many small runs holds
# hundreds of thousands of them. The seconds of a date and clock time are remembered (the
# steps of a run mostly share them), and so are offsets; anything else goes the general way.
_FRACTION_SCALE = [0, *(10 ** (9 - n) for n in range(1, 10))]  # by the number of digits
_EPOCH_DAY = date(1970, 1, 1).toordinal()
_DATE_CLOCK = re.compile(r"(\d{4}-\d\d-\d\d)T(\d\d):(\d\d):(\d\d)", re.ASCII)
_OFFSET = re.compile(r"([+-])(\d\d):(\d\d)", re.ASCII)
_seconds_of: dict[str, int] = {}  # "2026-03-01T10:00:00": seconds since the epoch, read as UTC
_offset_of: dict[str, int] = {"Z": 0}  # "+02:00": seconds east of UTC


def common_time(value: str) -> int | None:
    """Nanoseconds of a time in the common shape (ASCII digits, "T", a fraction of at most
    nine digits, "Z" or "+HH:MM"); None for anything else, which the general pattern reads
    (or refuses) as before."""
    n = len(value)
    if n < 20 or value[10] != "T":
        return None
    if value[-1] == "Z":
        zone = n - 1
    elif n >= 25 and value[-3] == ":":
        zone = n - 6
    else:
        return None
    if zone == 19:
        nanos = 0
    elif value[19] == "." and 21 <= zone <= 29:
        fraction = value[20:zone]
        if not (fraction.isascii() and fraction.isdigit()):
            return None
        nanos = int(fraction) * _FRACTION_SCALE[zone - 20]
    else:
        return None
    seconds = _seconds_of.get(value[:19])
    if seconds is None and (seconds := _learn_seconds(value[:19])) is None:
        return None
    offset = _offset_of.get(value[zone:])
    if offset is None and (offset := _learn_offset(value[zone:])) is None:
        return None
    return (seconds - offset) * 1_000_000_000 + nanos


def _learn_seconds(text: str) -> int | None:
    m = _DATE_CLOCK.fullmatch(text)
    if not m:
        return None
    hours, minutes, seconds = int(m[2]), int(m[3]), int(m[4])
    if hours > 23 or minutes > 59 or seconds > 59:
        return None
    try:
        day = date.fromisoformat(m[1]).toordinal() - _EPOCH_DAY
    except ValueError:  # February 30th
        return None
    if len(_seconds_of) >= 100_000:
        _seconds_of.clear()
    _seconds_of[text] = found = day * 86_400 + hours * 3600 + minutes * 60 + seconds
    return found


def _learn_offset(text: str) -> int | None:
    m = _OFFSET.fullmatch(text)
    if not m:
        return None
    hours, minutes = int(m[2]), int(m[3])
    if hours > 23 or minutes > 59:
        return None
    _offset_of[text] = offset = (hours * 3600 + minutes * 60) * (-1 if m[1] == "-" else 1)
    return offset


@lru_cache(maxsize=4096)
def _epoch_seconds(date: str, clock: str, offset: str | None) -> int:
    """Seconds since the epoch of a date, a clock time and an offset as RFC 3339 writes
    them, for the times not in the common shape. Remembered: the steps of a run mostly
    share their second."""
    if offset in (None, "Z", "z"):
        offset = "+00:00"
    elif ":" not in offset:
        offset = f"{offset[:3]}:{offset[3:]}"
    return int(datetime.fromisoformat(f"{date}T{clock}{offset}").timestamp())


def format_time(ns: int | None) -> str | None:
    """An RFC 3339 string (UTC, milliseconds) for a stored time."""
    if ns is None:
        return None
    dt = datetime.fromtimestamp(ns / 1e9, tz=UTC)
    return dt.isoformat(timespec="milliseconds").replace("+00:00", "Z")
