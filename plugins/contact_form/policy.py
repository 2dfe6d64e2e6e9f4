"""What the inbox takes from the declaration: the site's URL and the contact retention.

The declaration package parses and validates; this module only picks out the processing
entry with ``form: contact``, so the inbox keeps exactly as long as the policy says.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from babel.lists import format_list
from babel.units import format_unit
from languages.strings import N_
from plugin_support import DiscreetError

FORM_NAME = "contact"
# declaration.RECEIVED, where a contact message's retention starts; the notice translates it.
RECEIVED_WORDS = N_("we receive your message")
_UNITS = {"years": "duration-year", "months": "duration-month", "weeks": "duration-week",
          "days": "duration-day"}  # fmt: skip


class ContactPolicyError(DiscreetError):
    """The declaration cannot drive the inbox; one line per problem."""


@dataclass(frozen=True)
class ContactPolicy:
    site_url: str
    processing_id: str
    purpose: str
    retention_iso: str
    retention_text: str
    retention_after: str  # where the period starts: when the inbox receives the message
    cutoff: Callable[[datetime], datetime]
    ccpa: bool = False  # the CCPA applies: the form links its notice at collection too

    @property
    def site_origin(self) -> str:
        return origin_of(self.site_url)


def load_policy(path: Path, lang: str | None = None) -> ContactPolicy:
    """Read the contact purpose from the declaration at ``path`` (raise ContactPolicyError),
    its texts in `lang` (None: the site's first language)."""
    from declaration import RECEIVED, DeclarationError, load_declaration

    try:
        declaration = load_declaration(Path(path))
        default = declaration.site.default_language
        lang = lang or default
        if lang != default:
            declaration = declaration.in_language(lang)
        processing = declaration.processing_for_form(FORM_NAME)
    except DeclarationError as error:
        raise ContactPolicyError(str(error)) from error
    if processing is None:
        raise ContactPolicyError(
            f"{path}: no processing entry has 'form: {FORM_NAME}'; add it to the purpose "
            "the contact form collects for, with its retention"
        )
    duration = processing.retention.duration
    if duration is None:  # checks.py requires one for a purpose with a form
        raise ContactPolicyError(
            f"{path}: processing.{processing.id}.retention.duration: give a period such as P6M"
        )
    if duration.is_session:
        raise ContactPolicyError(
            f"{path}: processing.{processing.id}.retention.duration: 'session' cannot apply to "
            "stored messages; give a period such as P6M"
        )
    return ContactPolicy(
        site_url=str(declaration.site.url),
        processing_id=processing.id,
        purpose=processing.purpose,
        retention_iso=duration.iso,
        retention_text=duration_words(duration, lang),
        retention_after=processing.retention_start or RECEIVED,
        cutoff=duration.cutoff,
        ccpa=declaration.ccpa.applies,
    )


def duration_words(duration: Any, lang: str) -> str:
    """'3 months' in the kit's own English; '3 Monate', '1 an et 6 mois' in another language,
    from Babel's CLDR units."""
    if lang.split("-")[0].lower() == "en":
        return str(duration)
    locale = lang.replace("-", "_")
    parts = [format_unit(getattr(duration, unit), name, length="long", locale=locale)
             for unit, name in _UNITS.items() if getattr(duration, unit)]  # fmt: skip
    return format_list(parts, locale=locale)


def origin_of(url: str) -> str:
    """``scheme://host[:port]`` in lower case, default ports left out; "" if not a URL."""
    try:  # a visitor's Origin or Referer header may be any text, e.g. "http://[x"
        parts = urlsplit(url.strip())
        port = parts.port
    except ValueError:
        return ""
    if parts.scheme not in ("http", "https") or not parts.hostname:
        return ""
    default = {"http": 80, "https": 443}[parts.scheme]
    host = f"[{parts.hostname}]" if ":" in parts.hostname else parts.hostname
    suffix = f":{port}" if port and port != default else ""
    return f"{parts.scheme}://{host}{suffix}"
