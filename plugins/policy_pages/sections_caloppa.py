"""California's CalOPPA disclosures: Do Not Track, tracking by other companies, reviewing your data.

The categories of personal information and of third parties are met by the
general sections (what we process, who receives it); the effective date and
the change process by the page's date and its "Changes" section.
"""

from __future__ import annotations

from declaration import FIRST_PARTY, Declaration, Jurisdiction, Recipient

from .document import Block, Declared, Link, Paragraph, Section, Spans
from .facts import NO_FACTS, SiteFacts
from .lang import fill, words_for
from .wording import joined, stop


def third_party_storage(declaration: Declaration) -> list[Recipient]:
    """Recipients that set or read storage on the visitor's device through this site."""
    ids = []
    for item in declaration.storage:
        if item.provider != FIRST_PARTY and item.provider not in ids:
            ids.append(item.provider)
    return [declaration.recipient(id) for id in ids]


def _name(recipient: Recipient) -> Spans:
    return (Link(recipient.name, f"#recipient-{recipient.id}"),)


def tracking_section(declaration: Declaration, facts: SiteFacts = NO_FACTS) -> Section:
    w = words_for(declaration)
    trackers = third_party_storage(declaration)
    contacted = [r for r in facts.browser_contacts(declaration) if r not in trackers]
    blocks: list[Block] = []
    if trackers:
        names = joined([_name(r) for r in trackers], w.AND)
        blocks.append(Paragraph(fill(w.TRACKERS, names=names)))
    else:
        blocks.append(Paragraph((w.NO_TRACKERS,)))
    if contacted:
        names = joined([_name(r) for r in contacted], w.AND)
        blocks.append(Paragraph(fill(w.CONTACTED, names=names)))
    caloppa = declaration.applies(Jurisdiction.US_CA_CALOPPA)
    return Section(
        w.TRACKING_HEADING,
        tuple(blocks),
        meets=("caloppa.third_party_tracking",) if caloppa else (),
        anchor=None if caloppa else "tracking",
    )


def caloppa_sections(declaration: Declaration) -> list[Section]:
    caloppa = declaration.caloppa
    if caloppa is None:
        return []
    sections = [
        Section(
            "Do Not Track signals",
            (
                Paragraph(
                    (
                        "How we respond to Do Not Track signals from your browser: ",
                        Declared(stop(caloppa.dnt_response), ("caloppa", "dnt_response")),
                    )
                ),
            ),
            meets=("caloppa.dnt",),
        )
    ]
    if caloppa.review_process:
        sections.append(
            Section(
                "Reviewing and changing your information",
                (
                    Paragraph(
                        (Declared(stop(caloppa.review_process), ("caloppa", "review_process")),)
                    ),
                ),
                meets=("caloppa.review_process",),
            )
        )
    return sections
