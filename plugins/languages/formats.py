"""Dates and numbers as each page's language writes them, from Babel's locale data (CLDR).

Jinja filters that ask the page its language (catalogues.page_language) and the declaration
the controller's country (local_formats.locale_for), so one template gives "12 June 2012" on
the English page of a UK business, "June 12, 2012" on a US one's, "12. Juni 2012" on a German
page and "12 juin 2012" on a French one, and "1,234" / "1.234" / "1 234" for numbers.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Mapping, Sequence
from datetime import date, datetime
from typing import Any

import local_formats
from babel import Locale
from babel.dates import format_date, format_time
from babel.numbers import format_decimal
from jinja2 import pass_context
from jinja2.runtime import Context

from .catalogues import page_language


def locale_for(language: str, country: str = "") -> Locale:
    """Babel's locale for a language tag such as de, en-GB or fr, as written in `country`."""
    return local_formats.locale_for(country, language)


def long_date(day: date, language: str, country: str = "") -> str:
    """'June 12, 2012', '12. Juni 2012', '12 juin 2012', '1er novembre 2026'."""
    return _long_date(day.date() if isinstance(day, datetime) else day, language, country)


# Each page shows the dates of its posts and the numbers of its lists, the same few thousand
# values again and again, and Babel parses its pattern on every call: a value's text is kept.
# Pure functions of the value and CLDR's data, so a cache that outlives a build stays right.
@functools.lru_cache(maxsize=8192)
def _long_date(day: date, language: str, country: str) -> str:
    locale = locale_for(language, country)
    text = format_date(day, "long", locale=locale)
    # French writes the first of a month as an ordinal, "1er novembre" (Lexique des règles
    # typographiques en usage à l'Imprimerie nationale); CLDR's date patterns have no ordinals.
    if locale.language == "fr" and day.day == 1 and text.startswith("1 "):
        text = "1er" + text[1:]
    return text


def period_name(period: Sequence[int], language: str, country: str = "") -> str:
    """An archive's period from Pelican's period_num: '2012', 'June 2012', 'Juni 2012'."""
    if len(period) == 1:
        return format_date(date(period[0], 1, 1), "y", locale=locale_for(language, country))
    if len(period) == 2:
        # LLLL is the stand-alone month name: "Juni 2012", "juin 2012", as a heading writes it.
        day = date(period[0], period[1], 1)
        return format_date(day, "LLLL y", locale=locale_for(language, country))
    return long_date(date(*period[:3]), language, country)


def day_of_month(day: date, language: str, country: str = "") -> str:
    return format_date(day, "dd", locale=locale_for(language, country))


@functools.lru_cache(maxsize=8192, typed=True)  # 1, 1.0 and True are equal keys otherwise
def number(value: int | float, language: str, country: str = "") -> str:
    return format_decimal(value, locale=locale_for(language, country))


def clock_time(moment: datetime, language: str, country: str = "") -> str:
    """The time of day in the language's short form ('10:00 AM', '10:00')."""
    return format_time(moment, "short", locale=locale_for(language, country))


def controller_country(context: Context | Mapping[str, Any]) -> str:
    """The country of the business behind the site, from the declaration templates get, or
    given as `controller_country` where no declaration is at hand (the inbox's search page)."""
    given = context.get("controller_country")
    if isinstance(given, str) and given:
        return given
    declaration = context.get("declaration")
    controller = getattr(declaration, "controller", None)
    return str(controller.address.country) if controller is not None else ""


def _filter(function: Callable[[Any, str, str], str]) -> Callable[..., str]:
    @pass_context
    def in_page_language(context: Context, value: Any) -> str:
        return function(value, page_language(context), controller_country(context))

    return in_page_language


FILTERS: dict[str, Callable[..., str]] = {
    "long_date": _filter(long_date),
    "period_name": _filter(period_name),
    "day_of_month": _filter(day_of_month),
    "number": _filter(number),
    "clock_time": _filter(clock_time),
}
