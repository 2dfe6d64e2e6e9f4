# ruff: noqa: E501  (expected messages are single lines, as the owner reads them)
"""Durations: ISO 8601 parsing, plain English, and calendar-correct cut-offs."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from declaration import Duration, DurationFormatError, parse_duration


@pytest.mark.parametrize(
    ("text", "english"),
    [
        ("P14D", "14 days"),
        ("P1D", "1 day"),
        ("P6M", "6 months"),
        ("P1M", "1 month"),
        ("P1Y", "1 year"),
        ("P3Y", "3 years"),
        ("P2W", "2 weeks"),
        ("PT12H", "12 hours"),
        ("PT30M", "30 minutes"),
        ("P1Y6M", "1 year and 6 months"),
        ("P1Y2M3DT4H", "1 year, 2 months, 3 days and 4 hours"),
    ],
)
def test_plain_english(text: str, english: str) -> None:
    duration = parse_duration(text)
    assert duration.iso == text
    assert str(duration) == english
    assert duration.is_fixed and not duration.is_session


def test_components() -> None:
    assert parse_duration("P1Y2M3DT4H5M6S") == Duration(
        iso="P1Y2M3DT4H5M6S", years=1, months=2, days=3, hours=4, minutes=5, seconds=6
    )


def test_session_and_until_cleared_only_for_storage() -> None:
    session = parse_duration("session", storage=True)
    assert session.is_session and not session.is_fixed
    assert str(session) == "the browser session"
    cleared = parse_duration("until_cleared", storage=True)
    assert cleared.is_until_cleared and str(cleared) == "until you clear it"
    with pytest.raises(ValueError, match="no fixed length"):
        session.cutoff(datetime(2024, 1, 1))
    with pytest.raises(DurationFormatError):
        parse_duration("session")


@pytest.mark.parametrize(
    ("text", "storage", "message"),
    [
        ("6 months", False, '"6 months" is not an ISO 8601 duration; write P6M'),
        ("14 days", False, '"14 days" is not an ISO 8601 duration; write P14D'),
        (
            "1 year and 6 months",
            False,
            '"1 year and 6 months" is not an ISO 8601 duration; write P1Y6M',
        ),
        ("p6m", False, '"p6m" is not an ISO 8601 duration; write P6M'),
        (
            "P1.5M",
            False,
            '"P1.5M" is not an ISO 8601 duration; write whole numbers of a smaller unit instead of a fraction (P45D, not P1.5M)',
        ),
        (
            "forever",
            False,
            '"forever" is not an ISO 8601 duration; write one like P14D (14 days), P6M (6 months) or P1Y (1 year)',
        ),
        (
            "P",
            False,
            '"P" is not an ISO 8601 duration; write one like P14D (14 days), P6M (6 months) or P1Y (1 year)',
        ),
        ("P0D", False, '"P0D" is zero; write how long, e.g. P14D for 14 days'),
        (
            "-P1D",
            False,
            '"-P1D" is not an ISO 8601 duration; write one like P14D (14 days), P6M (6 months) or P1Y (1 year)',
        ),
        (6, False, "the number 6 has no unit; write P6D for days or P6M for months"),
        (
            "until you clear it",
            True,
            '"until you clear it" is not an ISO 8601 duration; write until_cleared',
        ),
        ("browser session", True, '"browser session" is not an ISO 8601 duration; write session'),
        (
            None,
            True,
            "expected an ISO 8601 duration, got nothing (null); write one like P14D (14 days), P6M (6 months) or P1Y (1 year), or session / until_cleared for browser storage",
        ),
    ],
)
def test_invalid_durations(text: object, storage: bool, message: str) -> None:
    with pytest.raises(DurationFormatError) as caught:
        parse_duration(text, storage=storage)
    assert str(caught.value) == message


@pytest.mark.parametrize(
    ("text", "now", "cutoff"),
    [
        # Month arithmetic lands on the last day of a shorter month, never in the next month.
        ("P1M", datetime(2024, 3, 31, 10, 30), datetime(2024, 2, 29, 10, 30)),
        ("P1M", datetime(2023, 3, 31), datetime(2023, 2, 28)),
        ("P1M", datetime(2024, 5, 31), datetime(2024, 4, 30)),
        ("P6M", datetime(2024, 8, 31), datetime(2024, 2, 29)),
        ("P6M", datetime(2024, 7, 15), datetime(2024, 1, 15)),
        ("P1Y", datetime(2024, 2, 29), datetime(2023, 2, 28)),
        ("P3Y", datetime(2027, 3, 1), datetime(2024, 3, 1)),
        ("P14D", datetime(2024, 3, 1), datetime(2024, 2, 16)),
        ("P2W", datetime(2024, 1, 10), datetime(2023, 12, 27)),
        ("PT12H", datetime(2024, 1, 1, 6), datetime(2023, 12, 31, 18)),
        ("P1Y1M", datetime(2024, 3, 31), datetime(2023, 2, 28)),
    ],
)
def test_cutoff_is_calendar_correct(text: str, now: datetime, cutoff: datetime) -> None:
    assert parse_duration(text).cutoff(now) == cutoff


def test_cutoff_keeps_the_time_zone() -> None:
    now = datetime(2024, 3, 31, 23, 59, tzinfo=UTC)
    cutoff = parse_duration("P1M").cutoff(now)
    assert cutoff == datetime(2024, 2, 29, 23, 59, tzinfo=UTC) and cutoff.tzinfo is UTC


def test_end_is_the_other_direction() -> None:
    assert parse_duration("P1M").end(datetime(2024, 1, 31)) == datetime(2024, 2, 29)
    assert parse_duration("P14D").end(datetime(2024, 2, 20)) == datetime(2024, 3, 5)
    assert parse_duration("P14D").delta.days == 14
    assert datetime(2024, 3, 5) - parse_duration("P14D").end(datetime(2024, 2, 20)) == timedelta()


def test_longest_days_bounds_a_period_from_above() -> None:
    assert parse_duration("P1M").longest_days == 31
    assert parse_duration("P30D").longest_days == 30
    assert parse_duration("P45D").longest_days == 45
    assert parse_duration("P1Y").longest_days == 366
    assert parse_duration("P1MT1H").longest_days == 32


@pytest.mark.parametrize(
    "text", ["P100YT1S", "P9999Y", "P99999999999999999999Y", "PT99999999999999999999S", "P1201M"]
)
def test_a_period_longer_than_a_century_is_refused(text: str) -> None:
    with pytest.raises(DurationFormatError) as caught:
        parse_duration(text)
    assert str(caught.value) == (
        f'"{text}" is longer than 100 years, longer than anything is kept; write the real '
        "period, e.g. P1Y for a year"
    )


def test_the_longest_period_still_has_a_cutoff_and_an_end() -> None:
    now = datetime(2026, 11, 29, tzinfo=UTC)
    longest = parse_duration("P100Y")
    assert longest.cutoff(now) == datetime(1926, 11, 29, tzinfo=UTC)
    assert longest.end(now) == datetime(2126, 11, 29, tzinfo=UTC)


@pytest.mark.parametrize("text", ["P100Y", "P1200M", "P36524D"])
def test_a_century_is_still_allowed(text: str) -> None:
    assert parse_duration(text).iso == text
