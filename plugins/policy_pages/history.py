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
from .lang import fill, in_language, language_of, words_for
from .pages import published_documents
from .privacy_policy import privacy_policy
from .releases import Release
from .wording import policy_url, version_url


def describe_changes(old: Declaration, new: Declaration) -> list[str]:
    """The plain-words changes; sections named when only their wording changed."""
    changes = change_list(old, new)
    if changes:
        return changes
    w = words_for(new)
    day = date(2000, 1, 1)  # the same date on both sides: only the declarations differ
    before = {d.key: d for d in published_documents(old, day)}
    reworded = []
    for document in published_documents(new, day):
        earlier = before.get(document.key)
        sections = {plain(s.heading): s for s in earlier.sections} if earlier else {}
        for section in document.sections:
            if sections.get(plain(section.heading)) != section:
                reworded.append(w.reworded(document.title, plain(section.heading)))
    return reworded


def release_changes(releases: list[Release], language: str | None = None) -> list[list[str]]:
    """For each release, oldest first, what changed since the one before ([] for the first),
    said in `language` (None: each release's default language)."""
    return [[]] + [
        describe_changes(
            in_language(before.declaration, language), in_language(after.declaration, language)
        )
        for before, after in itertools.pairwise(releases)
    ]


def adds_purpose(before: Release, after: Release) -> bool:
    old = {entry.id for entry in before.declaration.processing}
    return any(entry.id not in old for entry in after.declaration.processing)


def draft_section(changes: list[str] | None, language: str = "en") -> Section:
    """What releasing the previewed declaration would change: `changes` since the latest
    release, or None when nothing has been released yet."""
    w = words_for(language)
    if changes is None:
        blocks: tuple = (Paragraph((w.FIRST_ONCE_RELEASED,)),)
    else:
        lead = Paragraph((w.DRAFT_WOULD_CHANGE,))
        blocks = (lead, Bullets(tuple((change,) for change in changes or [w.REVIEWED])))
    return Section(w.DRAFT_PREVIEW.format(draft=w.DRAFT), blocks, anchor="draft")


def history_document(
    releases: list[Release],
    pending: Section | None = None,
    language: str = "en",
    default_language: str = "en",
) -> Document:
    """Every release, newest first; a draft preview's `pending` section comes before them.
    Written in `language`; `default_language` is the site's (whose pages are at the root)."""
    w = words_for(language)
    changes = release_changes(releases, language)
    sections = [pending] if pending else []
    for index in range(len(releases) - 1, -1, -1):
        release = releases[index]
        if changes[index]:
            blocks: list = [Bullets(tuple((c,) for c in changes[index]))]
        else:
            blocks = [Paragraph((f"{w.REVIEWED}.",) if index else (w.FIRST,))]
        if index == len(releases) - 1:
            blocks.append(Paragraph((w.IN_EFFECT_NOW,)))
        added = index > 0 and adds_purpose(releases[index - 1], release)
        sections.append(
            Section(
                When(release.date),
                tuple(blocks),
                heading_link=version_url(release.date, language, default_language),
                anchor=f"release-{release.date.isoformat()}",
                meets=("gdpr.further_processing",) if added else (),
            )
        )
    privacy = Link(w.PRIVACY_POLICY_LINK, policy_url("privacy", language, default_language))
    return Document(
        key="history",
        title=w.HISTORY_TITLE,
        url=policy_url("history", language, default_language),
        lang=language_of(language),
        intro=(Paragraph(fill(w.HISTORY_INTRO, policy=privacy)),),
        sections=tuple(sections),
        meets=("meta.history",),
        draft=pending is not None,
    )


def version_document(
    release: Release, current: Release, facts: SiteFacts = NO_FACTS, language: str | None = None
) -> Document:
    """A released version of the privacy policy, at its own stable address; only the current
    one states today's facts of the built site (an old release says nothing about a site it
    never saw)."""
    declaration = in_language(release.declaration, language)
    policy = privacy_policy(declaration, release.date, facts if release == current else NO_FACTS)
    w = words_for(declaration)
    language = language_of(declaration)
    default = declaration.site.default_language
    notice = Paragraph(
        fill(
            w.VERSION_NOTICE[release == current],
            date=When(release.date),
            current=Link(w.CURRENT_POLICY_LINK, policy_url("privacy", language, default)),
            history=Link(w.HISTORY_LINK, policy_url("history", language, default)),
        ),
        anchor="version-notice",
    )
    return replace(
        policy,
        key="version",
        url=version_url(release.date, language, default),
        intro=(notice, *policy.intro),
        meets=(),
    )
