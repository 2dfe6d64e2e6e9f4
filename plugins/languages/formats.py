"""Dates and numbers as each page's language writes them, from Babel's locale data (CLDR).

Jinja filters that ask the page its language (catalogues.page_language), so one template
gives "June 12, 2012" on an English page, "12. Juni 2012" on a German one and "12 juin 2012"
on a French one, and "1,234" / "1.234" / "1 234" for numbers.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date, datetime
from functools import cache
from typing import Any

from babel import Locale
from babel.dates import format_date, format_time
from babel.numbers import format_decimal
from jinja2 import pass_context
from jinja2.runtime import Context

from .catalogues import page_language


@cache
def locale_for(language: str) -> Locale:
    """Babel's locale for a language tag such as de, en-GB or fr."""
    return Locale.parse(language, sep="-")


def long_date(day: date, language: str) -> str:
    """'June 12, 2012', '12. Juni 2012', '12 juin 2012'."""
    return format_date(day, "long", locale=locale_for(language))


def period_name(period: Sequence[int], language: str) -> str:
    """An archive's period from Pelican's period_num: '2012', 'June 2012', 'Juni 2012'."""
    if len(period) == 1:
        return format_date(date(period[0], 1, 1), "y", locale=locale_for(language))
    if len(period) == 2:
        # LLLL is the stand-alone month name: "Juni 2012", "juin 2012", as a heading writes it.
        return format_date(date(period[0], period[1], 1), "LLLL y", locale=locale_for(language))
    return long_date(date(*period[:3]), language)


def day_of_month(day: date, language: str) -> str:
    return format_date(day, "dd", locale=locale_for(language))


def number(value: int | float, language: str) -> str:
    return format_decimal(value, locale=locale_for(language))


def clock_time(moment: datetime, language: str) -> str:
    """The time of day in the language's short form ('10:00 AM', '10:00')."""
    return format_time(moment, "short", locale=locale_for(language))


def _filter(function: Callable[[Any, str], str]) -> Callable[..., str]:
    @pass_context
    def in_page_language(context: Context, value: Any) -> str:
        return function(value, page_language(context))

    return in_page_language


FILTERS: dict[str, Callable[..., str]] = {
    "long_date": _filter(long_date),
    "period_name": _filter(period_name),
    "day_of_month": _filter(day_of_month),
    "number": _filter(number),
    "clock_time": _filter(clock_time),
}
