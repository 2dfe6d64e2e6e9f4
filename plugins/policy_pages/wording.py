"""Plain-English pieces every section builder shares, so one thing is always said one way.

Lists, the law's name, legal bases, retention periods, addresses and contact
links: each is phrased here once, from declared values only.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from declaration import (
    RECEIVED,
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
from .lang import words_for

PRIVACY_URL = "privacy/"
COOKIES_URL = "cookies/"
LEGAL_NOTICE_URL = "legal-notice/"
HISTORY_URL = "privacy/history/"

_BASIS_WORDS = {
    LegalBasis.CONSENT: "your consent",
    LegalBasis.CONTRACT: "a contract with you, or steps you ask for before one",
    LegalBasis.LEGAL_OBLIGATION: "a legal obligation we are under",
    LegalBasis.VITAL_INTERESTS: "protecting someone's vital interests",
    LegalBasis.PUBLIC_TASK: "a task in the public interest",
    LegalBasis.LEGITIMATE_INTERESTS: "our legitimate interests",
}


def join(items: Sequence[str], word: str = "and") -> str:
    """'a', 'a and b', 'a, b and c'."""
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
    """How citations name the law: 'GDPR', 'UK GDPR', 'GDPR and UK GDPR', or None."""
    eu = declaration.applies(Jurisdiction.EU_GDPR)
    uk = declaration.applies(Jurisdiction.UK_GDPR)
    if eu and uk:
        return "GDPR and UK GDPR"
    return "GDPR" if eu else "UK GDPR" if uk else None


def basis_words(basis: LegalBasis) -> str:
    return _BASIS_WORDS[basis]


def cite(article: str, declaration: Declaration) -> str:
    """'Art. 15' -> 'Art. 15 GDPR' (or UK GDPR, or both)."""
    return f"{article} {gdpr_name(declaration) or 'GDPR'}"


def _statutory(retention: Retention, country: str | None) -> str:
    """Statutory records: the longest period of the controller's country, as a number."""
    from .lang import en  # the change lists and summaries are English, as the pages are

    assert retention.statutory is not None
    periods = record_periods(retention.statutory, country or "")
    return en.statutory_retention_short(periods) if periods else "as the law requires"


def retention_text(retention: Retention, country: str | None = None, form: bool = False) -> str:
    """'14 days', '6 months after the order is delivered', 'until you unsubscribe'; for a
    purpose with a form, '6 months after we receive your message' (the inbox's one rule)."""
    if retention.statutory:
        return _statutory(retention, country)
    if retention.duration is None:
        return f"until {retention.criteria}"
    start = retention.after or (RECEIVED if form else None)
    return f"{retention.duration}{f' after {start}' if start else ''}"


def retention_spans(
    retention: Retention, loc: Loc, country: str | None = None, form: bool = False
) -> Spans:
    """Like retention_text, with the declared words as spans that name their field."""
    if retention.statutory:
        return (_statutory(retention, country),)
    if retention.duration is None:
        return ("until ", Declared(retention.criteria or "", (*loc, "criteria")))
    spans: list[Inline] = [str(retention.duration)]
    if retention.after:
        spans += [" after ", Declared(retention.after, (*loc, "after"))]
    elif form:
        spans.append(f" after {RECEIVED}")
    return tuple(spans)


def purpose_loc(index: int) -> Loc:
    return ("processing", index)


def purpose_link(entry: Processing, on_privacy_page: bool = True) -> Link:
    fragment = f"#purpose-{entry.id}"
    return Link(entry.heading, fragment if on_privacy_page else PRIVACY_URL + fragment)


def email_link(address: str) -> Link:
    return Link(address, f"mailto:{address}")


def phone_link(number: str) -> Link:
    digits = "".join(ch for ch in number if ch.isdigit() or ch == "+")
    return Link(number, f"tel:{digits}")


def site_link(text: str, path_or_url: str) -> Link:
    """A link to a page of this site written as /contact/, or to a full URL."""
    return Link(text, path_or_url.lstrip("/") if path_or_url.startswith("/") else path_or_url)


def channel_spans(channel: Channel, loc: Loc) -> Spans:
    """One way to reach us: a mailto link, a form link, a phone link or a postal address."""
    value = channel.value
    if channel.type is ChannelType.EMAIL:
        return ("by e-mail to ", email_link(value))
    if channel.type is ChannelType.FORM:
        if value.startswith("/"):
            return ("with our ", site_link("contact form", value))
        return ("with the form at ", Link(value, value))
    if channel.type is ChannelType.PHONE:
        return ("by phone at ", phone_link(value))
    return ("by post to ", Declared(value, (*loc, "value"), lint=False))


def complaints_to_us(declaration: Declaration) -> Spans:
    """How to complain to us (DPA 2018 s.164A; PIPEDA Principle 4.10), from
    rights.complaint_procedure, which uk_gdpr and ca_pipeda require."""
    procedure = declaration.rights.complaint_procedure
    assert procedure is not None  # required with uk_gdpr and ca_pipeda
    loc = ("rights", "complaint_procedure")
    channels = [
        channel_spans(channel, (*loc, "channels", index))
        for index, channel in enumerate(procedure.channels)
    ]
    details = (Declared(stop(procedure.details), (*loc, "details")),) if procedure.details else None
    within = str(procedure.acknowledge_within) if procedure.acknowledge_within else None
    return words_for(declaration).complaints_to_us(
        channels, within, declaration.applies(Jurisdiction.UK_GDPR), details
    )


def channels_list(declaration: Declaration) -> tuple[Spans, ...]:
    return tuple(
        channel_spans(channel, ("rights", "channels", index))
        for index, channel in enumerate(declaration.rights.channels)
    )


def address_lines(address: Address, loc: Loc, language: str = "en") -> tuple[Spans, ...]:
    """The postal lines of an address in the layout its country uses (local_formats), each
    declared value a span that names its field."""
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


DRAFT = "Draft: not yet released"


def last_updated(day: date | None, meets: tuple[str, ...]) -> Paragraph:
    """'Last updated: <date> (effective as of that date).' with a link to every version; for a
    draft (no date yet), that it is not in effect and gets its date when it is released."""
    if day is None:
        return Paragraph(
            (
                f"{DRAFT}. This text takes effect, with the date of its release, only when it is "
                "released; until then the released version in the ",
                Link("history of this policy", HISTORY_URL),
                " applies, if there is one.",
            ),
            meets=meets,
        )
    return Paragraph(
        (
            "Last updated: ",
            When(day),
            " (effective as of that date). Every earlier version stays readable in the ",
            Link("history of this policy", HISTORY_URL),
            ".",
        ),
        meets=meets,
    )


def labels(declaration: Declaration, entry: Processing) -> Spans:
    """The labels of the data a purpose uses, declared spans separated by semicolons.

    Labels hold commas and "and" themselves ("Name and e-mail address"), so only a semicolon
    separates two of them unambiguously.
    """
    spans: list[Inline] = []
    for category in declaration.data_of(entry):
        if spans:
            spans.append("; ")
        index = declaration.data_categories.index(category)
        spans.append(Declared(category.label, ("data_categories", index, "label")))
    return tuple(spans)


def privacy_policy_section(heading: str, lead: str, anchor: str) -> Section:
    """A closing section that sends the reader to the privacy policy."""
    link = site_link("privacy policy", "/" + PRIVACY_URL)
    return Section(heading, (Paragraph((lead, link, ".")),), anchor=anchor)
