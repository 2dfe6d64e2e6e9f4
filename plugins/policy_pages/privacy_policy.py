"""The privacy policy: 'At a glance' first, then every disclosure the declared laws require.

Sections appear in the order a reader asks questions: who, what and why, who
else, where, which rights, cookies and tracking, the regional parts, changes.
A section whose law is not declared meets no requirement but still tells the
truth (the data index, tracking); one whose subject does not exist is left out.
"""

from __future__ import annotations

from datetime import date

from declaration import Declaration, Jurisdiction

from .cookies import storage_section
from .document import (
    Block,
    Bullets,
    Declared,
    Document,
    Link,
    Paragraph,
    Section,
    Spans,
)
from .facts import NO_FACTS, SiteFacts
from .glance import glance_section
from .lang import fill, language_of, words_for
from .sections_caloppa import caloppa_sections, tracking_section
from .sections_ccpa import ccpa_section
from .sections_gdpr import (
    automated_decisions_section,
    controller_section,
    purposes_section,
    recipients_section,
    rights_section,
    transfers_section,
)
from .sections_pipeda import pipeda_section
from .wording import joined, last_updated, purpose_link, stop, url_of


def privacy_policy(
    declaration: Declaration, updated: date | None, facts: SiteFacts = NO_FACTS
) -> Document:
    caloppa = declaration.applies(Jurisdiction.US_CA_CALOPPA)
    ccpa = declaration.ccpa.applies
    dated: tuple[str, ...] = ("meta.last_updated",)
    dated += ("caloppa.effective_date",) if caloppa else ()
    dated += ("ccpa.updated_12m",) if ccpa else ()
    sections = [
        glance_section(declaration),
        controller_section(declaration),
        _data_section(declaration, facts),
        purposes_section(declaration, facts),
        recipients_section(declaration),
        transfers_section(declaration),
        rights_section(declaration),
        automated_decisions_section(declaration),
        storage_section(declaration, on_privacy_page=True),
        tracking_section(declaration, facts),
        *caloppa_sections(declaration),
        ccpa_section(declaration),
        pipeda_section(declaration),
        _changes_section(declaration),
    ]
    w = words_for(declaration)
    return Document(
        key="privacy",
        title=w.PRIVACY_TITLE,
        url=url_of(declaration, "privacy"),
        lang=language_of(declaration),
        intro=(
            Paragraph(
                fill(
                    w.POLICY_INTRO,
                    controller=Declared(
                        declaration.controller.legal_name, ("controller", "legal_name"), lint=False
                    ),
                    site=Declared(declaration.site.name, ("site", "name"), lint=False),
                    url=Link(declaration.site.url, declaration.site.url),
                    promise=w.SCOPE_PROMISE,
                ),
                meets=("meta.scope",),
            ),
            last_updated(declaration, updated, dated),
        ),
        sections=tuple(section for section in sections if section is not None),
        meets=("meta.link_everywhere", "meta.plain_language")
        + (("ccpa.presentation",) if ccpa else ())
        # GDPR Art. 12(1): one page per language of site.languages, each with its <html lang>
        # and linked to the others (site.build_policy_site builds them all, or stops)
        + (("meta.languages",) if len(declaration.site.languages) > 1 else ()),
    )


def _data_section(declaration: Declaration, facts: SiteFacts = NO_FACTS) -> Section:
    meets = []
    if declaration.applies(Jurisdiction.US_CA_CALOPPA):
        meets.append("caloppa.pii_categories")
    if declaration.applies(Jurisdiction.CA_PIPEDA):
        meets.append("pipeda.types_and_use")
    w = words_for(declaration)
    items: list[Spans] = []
    for index, category in enumerate(declaration.data_categories):
        uses = [entry for entry in declaration.processing if category.id in entry.data]
        label = Declared(category.label, ("data_categories", index, "label"))
        links = joined([(purpose_link(entry),) for entry in uses], w.AND)
        items.append(fill(w.DATA_USED_FOR, label=label, purposes=links) if uses else (label, "."))
    blocks: list[Block] = [Paragraph((w.DATA_INTRO,)), Bullets(tuple(items))]
    if facts.search:
        # What the search form sends is used to answer and kept nowhere (site_search/serve.py
        # stores and logs no query; GDPR Art. 5(1)(c) and (e): no more data, for no longer,
        # than the purpose needs), so it is no category of data kept, but people should know.
        blocks.append(Paragraph((w.SEARCH_NOT_KEPT,)))
    return Section(
        w.DATA_HEADING,
        tuple(blocks),
        meets=tuple(meets),
        anchor=None if meets else "personal-data",
    )


def _changes_section(declaration: Declaration) -> Section:
    meets: tuple[str, ...] = ("meta.change_notice",)
    if declaration.applies(Jurisdiction.US_CA_CALOPPA):
        meets += ("caloppa.change_process",)
    w = words_for(declaration)
    return Section(
        w.CHANGES_HEADING,
        (
            Paragraph(
                (
                    Declared(
                        stop(declaration.policy.change_notification),
                        ("policy", "change_notification"),
                    ),
                )
            ),
            Paragraph(w.latest_change(Link(w.HISTORY_WORD, url_of(declaration, "history")))),
        ),
        meets=meets,
    )
