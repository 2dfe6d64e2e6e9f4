"""Dates in the words of the page's language and the order of the controller's country."""

from __future__ import annotations

from datetime import date, datetime
from functools import lru_cache

from babel import Locale, UnknownLocaleError
from babel.dates import format_date as babel_format_date
from babel.dates import format_skeleton


@lru_cache(maxsize=64)
def locale_for(country: str, language: str = "en") -> Locale:
    """The CLDR locale for a page in `language` (en, de, en-GB) of a business in `country`.

    A language tag with its own region (en-US) wins; otherwise the language as written in the
    country (en + GB = en_GB: "3 December 2026"), or the language alone where CLDR has no such
    pair (de + US = de: "3. Dezember 2026")."""
    tag = language.replace("-", "_")
    if "_" not in tag and country:
        try:
            return Locale.parse(f"{tag}_{country.upper()}")
        except (UnknownLocaleError, ValueError):
            pass
    try:
        return Locale.parse(tag)
    except (UnknownLocaleError, ValueError):
        raise ValueError(
            f"{language!r} is not a language Babel knows; write a language tag such as en or de"
        ) from None


def _day(moment: date | datetime) -> date:
    return moment.date() if isinstance(moment, datetime) else moment


def format_date(
    moment: date | datetime, *, country: str, language: str = "en", form: str = "long"
) -> str:
    """`moment` as a date in words: form "long" (3 December 2026), "medium", "short" or "full"."""
    return babel_format_date(_day(moment), format=form, locale=locale_for(country, language))


def format_month(moment: date | datetime, *, country: str, language: str = "en") -> str:
    """The month and year of `moment`: "December 2026", "Dezember 2026"."""
    return format_skeleton("yMMMM", _day(moment), locale=locale_for(country, language))
