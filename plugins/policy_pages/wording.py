"""Pieces every section builder shares, so one thing is always said one way in each language.

Lists, the law's name, legal bases, retention periods, addresses, contact links and
the pages' addresses: each is put together here once, from declared values only;
the words come from the page language's module (lang/).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from functools import cache

from declaration import (
    Address,
    Channel,
    ChannelType,
    Declaration,
    Jurisdiction,
    LegalBasis,
    Processing,
    Retention,
)
from declaration.errors import Loc
from declaration.statutory import record_periods
from local_formats import address_lines as postal_lines
from local_formats import format_address
from local_formats.addresses import TEXT

from .document import Declared, Inline, Link, Paragraph, Section, Spans, When
from .lang import fill, language_of, words_for

PAGE_KEYS = ("privacy", "cookies", "legal-notice", "history")


def _prefix(language: str, default_language: str) -> str:
    return "" if language == language_of(default_language) else f"{language}/"


def policy_url(key: str, language: str, default_language: str) -> str:
    """The site path of a policy page in a language: 'privacy/', 'en/privacy/', 'datenschutz/';
    `key` is one of PAGE_KEYS. The default language is at the root, every other under /<lang>/."""
    language = language_of(language)
    return _prefix(language, default_language) + words_for(language).SLUGS[key]


def localized_url(url: str, language: str, default_language: str) -> str | None:
    """A policy page's English address as settings write it (FOOTER_LINKS' "privacy/",
    "cookies/", "legal-notice/", "privacy/history/", with any #fragment) in `language`:
    "datenschutz/", "en/privacy/"; None for any other address."""
    path, hash_, fragment = url.partition("#")
    key = _settings_urls().get(path.lstrip("/"))
    if key is None:
        return None
    return policy_url(key, language, default_language) + hash_ + fragment


@cache
def _settings_urls() -> dict[str, str]:
    """The English addresses (lang/en.py's SLUGS), which settings write and which stay where they
    always were, by page key; every language's come from policy_url()."""
    return {words_for("en").SLUGS[key]: key for key in PAGE_KEYS}


def version_url(day: date, language: str, default_language: str) -> str:
    """A released version's page: 'privacy/versions/2024-05-01/',
    'datenschutz/historie/2024-05-01/', 'en/privacy/versions/2024-05-01/'."""
    language = language_of(language)
    slug = words_for(language).SLUGS["version"]
    return f"{_prefix(language, default_language)}{slug}{day.isoformat()}/"


def url_of(declaration: Declaration, key: str) -> str:
    """The page `key` in the language of `declaration`'s texts."""
    return policy_url(key, language_of(declaration), declaration.site.default_language)


def join(items: Sequence[str], word: str = "and") -> str:
    """'a', 'a and b', 'a, b and c' (`word`: the language's AND or OR)."""
    items = list(items)
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + f" {word} " + items[-1]


def joined(parts: Sequence[Spans], word: str = "and") -> Spans:
    """Like join, for lists of spans (names that are links, declared values)."""
    result: list[Inline] = []
    for index, part in enumerate(parts):
        if index:
            result.append(f" {word} " if index == len(parts) - 1 else ", ")
        result.extend(part)
    return tuple(result)


def stop(text: str) -> str:
    """The text as a sentence: a full stop added unless it already ends one."""
    return text if text.endswith((".", "!", "?")) else text + "."


def humanize(identifier: str) -> str:
    """'contact_form' -> 'Contact form': how change lists name a purpose."""
    words = identifier.replace("_", " ").strip()
    return words[:1].upper() + words[1:]


def gdpr_name(declaration: Declaration) -> str | None:
    """How citations name the law: 'GDPR', 'UK GDPR', 'GDPR and UK GDPR' ('DSGVO'...), or None."""
    eu = declaration.applies(Jurisdiction.EU_GDPR)
    uk = declaration.applies(Jurisdiction.UK_GDPR)
    if not (eu or uk):
        return None
    return str(words_for(declaration).law_name(eu, uk))


def basis_words(basis: LegalBasis, language: str = "en") -> str:
    return str(words_for(language).BASIS[basis])


def cite(article: str, declaration: Declaration) -> str:
    """'Art. 15' -> 'Art. 15 GDPR' (or UK GDPR, or both); 'Art. 12(5)' -> 'Art. 12 Abs. 5 DSGVO'."""
    w = words_for(declaration)
    return str(w.cite(article, gdpr_name(declaration) or w.law_name(True, False)))


def _statutory(retention: Retention, country: str | None, language: str) -> str:
    """Statutory records: the longest period of the controller's country, as a number."""
    assert retention.statutory is not None
    w = words_for(language)
    periods = record_periods(retention.statutory, country or "")
    return str(w.statutory_retention_short(periods) if periods else w.AS_THE_LAW_REQUIRES)


def retention_text(
    retention: Retention, country: str | None = None, form: bool = False, language: str = "en"
) -> str:
    """'14 days', '6 months after the order is delivered', 'until you unsubscribe'; for a
    purpose with a form, '6 months after we receive your message' (the inbox's one rule)."""
    return "".join(
        span if isinstance(span, str) else getattr(span, "text", "")
        for span in retention_spans(retention, (), country, form, language)
    )


def retention_spans(
    retention: Retention,
    loc: Loc,
    country: str | None = None,
    form: bool = False,
    language: str = "en",
) -> Spans:
    """Like retention_text, with the declared words as spans that name their field."""
    w = words_for(language)
    if retention.statutory:
        return (_statutory(retention, country, language),)
    if retention.duration is None:
        criteria = Declared(retention.criteria or "", (*loc, "criteria"))
        return fill(w.UNTIL, criteria=criteria)
    duration = w.duration(retention.duration)
    if retention.after:
        return fill(w.AFTER, duration=duration, start=Declared(retention.after, (*loc, "after")))
    if form:
        return fill(w.AFTER, duration=duration, start=w.RECEIVED)
    return (duration,)


def purpose_loc(index: int) -> Loc:
    return ("processing", index)


def purpose_link(entry: Processing, privacy: str | None = None) -> Link:
    """`privacy`: the privacy policy's site path in the page's language, for a link from another
    page; None: the link is on the privacy policy."""
    fragment = f"#purpose-{entry.id}"
    return Link(entry.heading, fragment if privacy is None else privacy + fragment)


def email_link(address: str) -> Link:
    return Link(address, f"mailto:{address}")


def phone_link(number: str) -> Link:
    digits = "".join(ch for ch in number if ch.isdigit() or ch == "+")
    return Link(number, f"tel:{digits}")


def site_link(text: str, path_or_url: str) -> Link:
    """A link to a page of this site written as /contact/, or to a full URL."""
    return Link(text, path_or_url.lstrip("/") if path_or_url.startswith("/") else path_or_url)


def channel_spans(channel: Channel, loc: Loc, language: str = "en") -> Spans:
    """One way to reach us: a mailto link, a form link, a phone link or a postal address."""
    w = words_for(language)
    value = channel.value
    if channel.type is ChannelType.EMAIL:
        return fill(w.CHANNEL["email"], link=email_link(value))
    if channel.type is ChannelType.FORM:
        if value.startswith("/"):
            return fill(w.CHANNEL["form"], link=site_link(w.CONTACT_FORM, value))
        return fill(w.CHANNEL["form_url"], link=Link(value, value))
    if channel.type is ChannelType.PHONE:
        return fill(w.CHANNEL["phone"], link=phone_link(value))
    return fill(w.CHANNEL["post"], address=Declared(value, (*loc, "value"), lint=False))


def complaints_to_us(declaration: Declaration) -> Spans:
    """How to complain to us (DPA 2018 s.164A; PIPEDA Principle 4.10), from
    rights.complaint_procedure, which uk_gdpr and ca_pipeda require."""
    procedure = declaration.rights.complaint_procedure
    assert procedure is not None  # required with uk_gdpr and ca_pipeda
    loc = ("rights", "complaint_procedure")
    language = language_of(declaration)
    channels = [
        channel_spans(channel, (*loc, "channels", index), language)
        for index, channel in enumerate(procedure.channels)
    ]
    details = (Declared(stop(procedure.details), (*loc, "details")),) if procedure.details else None
    w = words_for(declaration)
    within = w.duration(procedure.acknowledge_within) if procedure.acknowledge_within else None
    return w.complaints_to_us(channels, within, declaration.applies(Jurisdiction.UK_GDPR), details)


def channels_list(declaration: Declaration) -> tuple[Spans, ...]:
    language = language_of(declaration)
    return tuple(
        channel_spans(channel, ("rights", "channels", index), language)
        for index, channel in enumerate(declaration.rights.channels)
    )


def address_lines(address: Address, loc: Loc, language: str = "en") -> tuple[Spans, ...]:
    """The postal lines of an address in the layout its country uses (local_formats), each
    declared value a span that names its field; the country's name in the page language."""
    return tuple(
        tuple(
            text if field == TEXT else Declared(text, (*loc, field), lint=False)
            for field, text in line
        )
        for line in postal_lines(address, language=language)
    )


def address_text(address: Address, language: str = "en") -> str:
    """The address on one line, for summaries and change lists."""
    return format_address(address, language=language, one_line=True)


def last_updated(declaration: Declaration, day: date | None, meets: tuple[str, ...]) -> Paragraph:
    """'Last updated: <date> (effective as of that date).' with a link to every version; for a
    draft (no date yet), that it is not in effect and gets its date when it is released."""
    w = words_for(declaration)
    history = Link(w.HISTORY_LINK, url_of(declaration, "history"))
    if day is None:
        return Paragraph(fill(w.DRAFT_NOTICE, draft=w.DRAFT, history=history), meets=meets)
    return Paragraph(fill(w.LAST_UPDATED, date=When(day), history=history), meets=meets)


def labels(declaration: Declaration, entry: Processing) -> Spans:
    """The labels of the data a purpose uses, declared spans separated by semicolons.

    Labels hold commas and "and" themselves ("Name and e-mail address"), so only a semicolon
    separates two of them unambiguously.
    """
    spans: list[Inline] = []
    for category in declaration.data_of(entry):
        if spans:
            spans.append(words_for(declaration).SEMICOLON)
        index = declaration.data_categories.index(category)
        spans.append(Declared(category.label, ("data_categories", index, "label")))
    return tuple(spans)


def privacy_policy_section(
    declaration: Declaration, heading: str, lead: str, anchor: str
) -> Section:
    """A closing section that sends the reader to the privacy policy: `lead` has a {link}."""
    w = words_for(declaration)
    link = site_link(w.PRIVACY_POLICY_LINK, "/" + url_of(declaration, "privacy"))
    return Section(heading, (Paragraph(fill(lead, link=link)),), anchor=anchor)
