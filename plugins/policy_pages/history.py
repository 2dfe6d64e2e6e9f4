"""The history page, one page per released version, and the words for what changed.

Each release is compared with the one before it when the site is built, so the
change list is always computed from the snapshots themselves and can never
disagree with them.
"""

from __future__ import annotations

import itertools
from dataclasses import replace
from datetime import date

from declaration import Declaration

from .changes import change_list
from .document import Bullets, Document, Link, Paragraph, Section, When, plain
from .facts import NO_FACTS, SiteFacts
from .pages import published_documents
from .privacy_policy import privacy_policy
from .releases import Release, version_url
from .wording import DRAFT, HISTORY_URL, PRIVACY_URL

FIRST = "The first published version of this policy."
REVIEWED = "No change (reviewed)"  # a release made with --unchanged, e.g. the CCPA's yearly review


def describe_changes(old: Declaration, new: Declaration) -> list[str]:
    """The plain-words changes; sections named when only their wording changed."""
    changes = change_list(old, new)
    if changes:
        return changes
    day = date(2000, 1, 1)  # the same date on both sides: only the declarations differ
    before = {d.key: d for d in published_documents(old, day)}
    reworded = []
    for document in published_documents(new, day):
        earlier = before.get(document.key)
        sections = {plain(s.heading): s for s in earlier.sections} if earlier else {}
        for section in document.sections:
            if sections.get(plain(section.heading)) != section:
                reworded.append(
                    f"Reworded in the {document.title.lower()}: {plain(section.heading)}"
                )
    return reworded


def release_changes(releases: list[Release]) -> list[list[str]]:
    """For each release, oldest first, what changed since the one before ([] for the first)."""
    return [[]] + [
        describe_changes(before.declaration, after.declaration)
        for before, after in itertools.pairwise(releases)
    ]


def adds_purpose(before: Release, after: Release) -> bool:
    old = {entry.id for entry in before.declaration.processing}
    return any(entry.id not in old for entry in after.declaration.processing)


def draft_section(changes: list[str] | None) -> Section:
    """What releasing the previewed declaration would change: `changes` since the latest
    release, or None when nothing has been released yet."""
    if changes is None:
        blocks: tuple = (Paragraph((f"{FIRST[:-1]}, once it is released.",)),)
    else:
        lead = Paragraph(("Releasing this draft would make these changes:",))
        blocks = (lead, Bullets(tuple((change,) for change in changes or [REVIEWED])))
    return Section(f"{DRAFT} (preview)", blocks, anchor="draft")


def history_document(releases: list[Release], pending: Section | None = None) -> Document:
    """Every release, newest first; a draft preview's `pending` section comes before them."""
    changes = release_changes(releases)
    sections = [pending] if pending else []
    for index in range(len(releases) - 1, -1, -1):
        release = releases[index]
        if changes[index]:
            blocks: list = [Bullets(tuple((c,) for c in changes[index]))]
        else:
            blocks = [Paragraph((f"{REVIEWED}.",) if index else (FIRST,))]
        if index == len(releases) - 1:
            blocks.append(Paragraph(("This is the version in effect now.",)))
        added = index > 0 and adds_purpose(releases[index - 1], release)
        sections.append(
            Section(
                When(release.date),
                tuple(blocks),
                heading_link=release.url,
                anchor=f"release-{release.date.isoformat()}",
                meets=("gdpr.further_processing",) if added else (),
            )
        )
    return Document(
        key="history",
        title="Privacy policy history",
        url=HISTORY_URL,
        intro=(
            Paragraph(
                (
                    "Every version of our ",
                    Link("privacy policy", PRIVACY_URL),
                    ", newest first, with what changed in each. Each version stays readable at "
                    "its own address.",
                )
            ),
        ),
        sections=tuple(sections),
        meets=("meta.history",),
        draft=pending is not None,
    )


def version_document(release: Release, current: Release, facts: SiteFacts = NO_FACTS) -> Document:
    """A released version of the privacy policy, at its own stable address; only the current
    one states today's facts of the built site (an old release says nothing about a site it
    never saw)."""
    policy = privacy_policy(
        release.declaration, release.date, facts if release == current else NO_FACTS
    )
    if release == current:
        status: tuple = ("It is the version in effect now, the same as the ",)
    else:
        status = ("It is no longer in effect; read the ",)
    notice = Paragraph(
        (
            "This is the version of our privacy policy released on ",
            When(release.date),
            ". ",
            *status,
            Link("current privacy policy", PRIVACY_URL),
            ". Every version: ",
            Link("history of this policy", HISTORY_URL),
            ".",
        ),
        anchor="version-notice",
    )
    return replace(
        policy,
        key="version",
        url=version_url(release.date),
        intro=(notice, *policy.intro),
        meets=(),
    )
