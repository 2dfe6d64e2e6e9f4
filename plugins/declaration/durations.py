"""ISO 8601 durations as the declaration uses them: retention periods and storage lifetimes.

A duration keeps the text the owner wrote (`iso`), says itself in plain English
for the policy pages, and computes calendar-correct cut-off instants for the
retention purge: six months before 31 August is 29 February, not 3 March.
Two words stand for lifetimes with no fixed length, allowed only for storage:
`session` (until the browser closes) and `until_cleared` (until the visitor
clears it).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime

from dateutil.relativedelta import relativedelta

from .errors import quoted

SESSION = "session"
UNTIL_CLEARED = "until_cleared"

_UNITS = ("years", "months", "weeks", "days", "hours", "minutes", "seconds")
_SINGULAR = {unit: unit[:-1] for unit in _UNITS}
_ISO = re.compile(
    r"P(?:(?P<years>\d+)Y)?(?:(?P<months>\d+)M)?(?:(?P<weeks>\d+)W)?(?:(?P<days>\d+)D)?"
    r"(?:T(?=\d)(?:(?P<hours>\d+)H)?(?:(?P<minutes>\d+)M)?(?:(?P<seconds>\d+)S)?)?"
)
# The same pattern for JSON Schema, whose regex dialect has no Python named groups.
_ISO_PATTERN = re.sub(r"\?P<\w+>", "", _ISO.pattern)
_WORDS = re.compile(r"(\d+)\s*(year|month|week|day|hour|minute|second)s?", re.IGNORECASE)
_DESIGNATORS = {"year": "Y", "month": "M", "week": "W", "day": "D"}
_TIME_DESIGNATORS = {"hour": "H", "minute": "M", "second": "S"}
_LONGEST_DAYS = {"years": 366, "months": 31, "weeks": 7, "days": 1}
# Longer periods are typos or "forever" (which no law allows for personal data), and the
# retention purge's date arithmetic fails on them (P9999Y reaches before year 1).
_LONGEST_YEARS = 100

FIXED_PATTERN = rf"^{_ISO_PATTERN}$"
STORAGE_PATTERN = rf"^(?:{_ISO_PATTERN}|{SESSION}|{UNTIL_CLEARED})$"


class DurationFormatError(ValueError):
    """The text is not a duration; the message says what to write instead."""


@dataclass(frozen=True)
class Duration:
    """A length of time from the declaration: fixed (P6M) or the `session`/`until_cleared` words."""

    iso: str
    years: int = 0
    months: int = 0
    weeks: int = 0
    days: int = 0
    hours: int = 0
    minutes: int = 0
    seconds: int = 0

    @property
    def is_session(self) -> bool:
        return self.iso == SESSION

    @property
    def is_until_cleared(self) -> bool:
        return self.iso == UNTIL_CLEARED

    @property
    def is_fixed(self) -> bool:
        """True for a real period, which has a cut-off."""
        return not (self.is_session or self.is_until_cleared)

    @property
    def delta(self) -> relativedelta:
        if not self.is_fixed:
            raise ValueError(f"{self.iso} has no fixed length")
        return relativedelta(**{unit: getattr(self, unit) for unit in _UNITS})

    @property
    def longest_days(self) -> int:
        """Upper bound in whole days (a month counted as 31), to compare with legal limits."""
        total = sum(getattr(self, unit) * days for unit, days in _LONGEST_DAYS.items())
        return total + (1 if self.hours or self.minutes or self.seconds else 0)

    def cutoff(self, now: datetime) -> datetime:
        """The instant before which data kept for this duration is out of retention."""
        return now - self.delta

    def end(self, start: datetime) -> datetime:
        """The instant at which something kept from `start` for this duration expires."""
        return start + self.delta

    def __str__(self) -> str:
        if self.is_session:
            return "the browser session"
        if self.is_until_cleared:
            return "until you clear it"
        parts = [_count(getattr(self, unit), unit) for unit in _UNITS if getattr(self, unit)]
        if len(parts) == 1:
            return parts[0]
        return ", ".join(parts[:-1]) + " and " + parts[-1]


def _count(amount: int, unit: str) -> str:
    return f"{amount} {_SINGULAR[unit] if amount == 1 else unit}"


def parse_duration(text: object, *, storage: bool = False) -> Duration:
    """Parse a duration; `storage` also allows `session` and `until_cleared`."""
    if not isinstance(text, str):
        raise DurationFormatError(_not_text(text, storage))
    if storage and text in (SESSION, UNTIL_CLEARED):
        return Duration(iso=text)
    match = _ISO.fullmatch(text)
    if match is None or text in ("P", "PT"):
        raise DurationFormatError(_not_iso(text, storage))
    amounts = {unit: int(value) for unit, value in match.groupdict(default="0").items()}
    if not any(amounts.values()):
        raise DurationFormatError(f'"{text}" is zero; write how long, e.g. P14D for 14 days')
    if _too_long(amounts):
        raise DurationFormatError(
            f'"{text}" is longer than {_LONGEST_YEARS} years, longer than anything is kept; '
            "write the real period, e.g. P1Y for a year"
        )
    return Duration(iso=text, **amounts)


def _too_long(amounts: dict[str, int]) -> bool:
    start = datetime(2000, 1, 1)
    try:
        return start + relativedelta(None, None, **amounts) > start + relativedelta(
            years=_LONGEST_YEARS
        )
    except (ValueError, OverflowError):  # beyond the year 9999
        return True


def _not_iso(text: str, storage: bool) -> str:
    suggestion = _suggest(text, storage)
    return f'"{text}" is not an ISO 8601 duration; write {suggestion or _examples(storage)}'


def _suggest(text: str, storage: bool) -> str | None:
    """'6 months' -> 'P6M'; 'p6m' -> 'P6M'; None when the intent is unclear."""
    if storage and "clear" in text.lower():
        return UNTIL_CLEARED
    if storage and "session" in text.lower():
        return SESSION
    if re.search(r"\d[.,]\d", text):
        return "whole numbers of a smaller unit instead of a fraction (P45D, not P1.5M)"
    upper = text.upper().strip()
    if upper not in ("P", "PT") and _ISO.fullmatch(upper):
        return upper
    words = _WORDS.findall(text)
    if not words or _WORDS.sub("", text).strip(" ,and") != "":
        return None
    date = "".join(f"{n}{_DESIGNATORS[u.lower()]}" for n, u in words if u.lower() in _DESIGNATORS)
    time = "".join(
        f"{n}{_TIME_DESIGNATORS[u.lower()]}" for n, u in words if u.lower() in _TIME_DESIGNATORS
    )
    candidate = "P" + date + (f"T{time}" if time else "")
    return candidate if _ISO.fullmatch(candidate) else None


def _examples(storage: bool) -> str:
    words = f", or {SESSION} / {UNTIL_CLEARED} for browser storage" if storage else ""
    return f"one like P14D (14 days), P6M (6 months) or P1Y (1 year){words}"


def _not_text(value: object, storage: bool) -> str:
    if isinstance(value, int) and not isinstance(value, bool):
        return f"the number {value} has no unit; write P{value}D for days or P{value}M for months"
    return f"expected an ISO 8601 duration, got {quoted(value)}; write {_examples(storage)}"
