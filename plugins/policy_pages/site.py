"""Everything the policy pages of one build need, checked before anything is written.

`build_policy_site` loads the declaration and the released versions, builds
every document, and refuses (PolicyError, one line per problem) a site whose
declaration is invalid, that has no release, whose declaration says something
the latest release does not ("unreleased policy changes"), whose text is vague,
or whose policy leaves a requirement unmet.
"""

from __future__ import annotations

import itertools
import os
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime
from pathlib import Path

from dateutil.relativedelta import relativedelta
from declaration import Declaration, DeclarationError, Jurisdiction, load_declaration

from .coverage import coverage
from .document import Document
from .errors import PolicyError
from .facts import NO_FACTS, SiteFacts
from .history import (
    adds_purpose,
    describe_changes,
    draft_section,
    history_document,
    version_document,
)
from .lang import has_wording, in_language, language_of, languages_with_wording
from .lint import lint
from .pages import published_documents
from .releases import (
    RELEASE_HINT,
    Release,
    future_problem,
    publishes_the_same,
    read_releases,
)
from .sections_ccpa import LIMIT_TITLE, OPT_OUT_TITLE

_FOOTER_REQUIREMENTS = {"ccpa.opt_out_link": OPT_OUT_TITLE, "ccpa.limit_link": LIMIT_TITLE}


@dataclass(frozen=True)
class LanguagePages:
    """The policy pages in one more language of site.languages (under /<lang>/)."""

    declaration: Declaration  # its texts in this language
    documents: tuple[Document, ...]
    history: Document
    versions: tuple[Document, ...]
    coverage: dict[str, str]

    @property
    def language(self) -> str:
        return language_of(self.declaration)

    @property
    def pages(self) -> tuple[Document, ...]:
        return (*self.documents, self.history, *self.versions)


@dataclass(frozen=True)
class PolicySite:
    declaration: Declaration
    releases: tuple[Release, ...]
    documents: tuple[Document, ...]  # privacy policy, cookie statement, legal notice (if any)
    history: Document
    versions: tuple[Document, ...]
    coverage: dict[str, str]
    draft: bool = False  # the declaration is not released: its pages are a preview
    # The same pages in each other language of site.languages, in its order.
    translated: tuple[LanguagePages, ...] = ()

    @property
    def languages(self) -> tuple[LanguagePages, ...]:
        """Every language's pages, the default language's first."""
        default = LanguagePages(
            self.declaration, self.documents, self.history, self.versions, self.coverage
        )
        return (default, *self.translated)

    @property
    def last_updated(self) -> date | None:
        """The latest release's date; None for a draft, which claims no date."""
        return None if self.draft else self.releases[-1].date

    @property
    def pages(self) -> tuple[Document, ...]:
        """Every page to write: the policies, the history, each released version, in every
        language."""
        return tuple(page for language in self.languages for page in language.pages)

    def written_current_pages(self) -> tuple[Document, ...]:
        """The pages current_pages() writes again, as first written (the same order)."""
        return tuple(
            page
            for language in self.languages
            for page in (*language.documents, *language.versions[-1:])
        )

    def current_pages(self, facts: SiteFacts) -> tuple[Document, ...]:
        """The pages that state the built site's `facts`, written for them: the policies and,
        once there is a release, the current version's page (a draft's versions are all past);
        in every language."""
        pages: list[Document] = []
        latest = self.releases[-1] if self.releases else None
        for language in self.languages:
            documents = current_documents(language.declaration, self.last_updated, facts)
            pages += documents
            if latest is not None:
                pages.append(version_document(latest, latest, facts, language.language))
        return tuple(pages)

    def page(self, key: str) -> Document | None:
        return next((d for d in self.documents if d.key == key), None)

    @property
    def footer_links(self) -> tuple[tuple[str, str], ...]:
        """Links the CCPA wants on every page: (title, site path), when the policy has them."""
        privacy = self.documents[0]
        links = []
        for part, _ in privacy.walk():
            for requirement, title in _FOOTER_REQUIREMENTS.items():
                if requirement in part.meets:
                    links.append((title, f"{privacy.url}#{part.id}"))
        return tuple(links)


def today() -> date:
    """Today, or the day of SOURCE_DATE_EPOCH for reproducible builds."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "")
    if not epoch:
        return date.today()
    try:
        return datetime.fromtimestamp(int(epoch), UTC).date()
    except (ValueError, OverflowError, OSError):
        raise PolicyError(
            [
                f"SOURCE_DATE_EPOCH={epoch[:40]}: expected the time of the build in seconds since "
                "1970-01-01 UTC, e.g. 1764417600; correct it or unset it"
            ]
        ) from None


def load(declaration_path: Path) -> Declaration:
    try:
        return load_declaration(declaration_path)
    except DeclarationError as error:
        raise PolicyError(str(problem) for problem in error.problems) from None


def build_policy_site(
    declaration_path: Path,
    versions_path: Path,
    facts: SiteFacts = NO_FACTS,
    drafts: bool = False,
) -> PolicySite:
    """The checked policy pages; `facts` are what the built site shows. A declaration that is not
    released (no release yet, or changes since the latest) is refused, or with `drafts` previewed
    as draft pages that claim no date."""
    declaration = load(declaration_path)
    unwritten = language_problems(declaration, declaration_path)
    if unwritten:  # no page can be put together without its language's wording
        raise PolicyError(unwritten)
    releases = read_releases(versions_path)
    latest = releases[-1] if releases else None
    problems = _date_problems(declaration, latest, declaration_path)
    pending = None
    if latest is None:
        if not drafts:
            what = "is empty" if versions_path.is_dir() else "does not exist"
            problems.append(
                f"{versions_path}: {what}, so the privacy policy has no release yet; {RELEASE_HINT}"
            )
        pending = draft_section(None, declaration.site.default_language)
    else:
        documents = published_documents(declaration, latest.date, facts)
        if not publishes_the_same(declaration, latest.declaration, latest.date, facts, documents):
            changes = describe_changes(latest.declaration, declaration)
            if not drafts:
                problems.append(
                    f"unreleased policy changes since {latest.date.isoformat()} (the latest "
                    f"release): {'; '.join(changes)}; {RELEASE_HINT}"
                )
            pending = draft_section(changes, declaration.site.default_language)
    if pending is not None:
        documents = current_documents(declaration, None, facts)
    problems += lint(documents, declaration_path)
    language = declaration.site.default_language
    history = history_document(releases, pending, language, language)
    added = any(adds_purpose(a, b) for a, b in itertools.pairwise(releases))
    report = coverage(declaration, (*documents, history), added)
    for gap in report.gaps:
        problems.append(
            f"{declaration_path}: the policy does not meet requirement {gap.id}, which applies to "
            f"this declaration; {gap.hint or 'this is a bug in policy_pages'}"
        )
    translated = []
    for other in declaration.site.languages[1:]:
        pages = _language_pages(
            in_language(declaration, other), releases, pending is not None, facts, added
        )
        problems += [
            f"{declaration_path}: the policy in {other} does not meet requirement {gap}, which "
            "applies to this declaration; this is a bug in policy_pages"
            for gap, where in pages.coverage.items()
            if not where
        ]
        translated.append(pages)
    if problems:
        raise PolicyError(problems)
    site = PolicySite(
        declaration=declaration,
        releases=tuple(releases),
        documents=documents,
        history=history,
        versions=tuple(version_document(r, releases[-1], facts) for r in releases),
        coverage=report.report,
        draft=pending is not None,
        translated=tuple(translated),
    )
    link_translations(site)
    return site


def _language_pages(
    declaration: Declaration,
    releases: list[Release],
    draft: bool,
    facts: SiteFacts,
    purposes_added: bool,
) -> LanguagePages:
    """The pages of one more language: the same documents from the declaration's texts in it,
    with that language's wording and addresses."""
    language = language_of(declaration)
    default = declaration.site.default_language
    latest = releases[-1] if releases else None
    pending = None
    if latest is None:
        pending = draft_section(None, language)
    elif draft:
        released = in_language(latest.declaration, language)
        pending = draft_section(describe_changes(released, declaration), language)
    updated = None if draft or latest is None else latest.date
    documents = current_documents(declaration, updated, facts)
    history = history_document(releases, pending, language, default)
    report = coverage(declaration, (*documents, history), purposes_added)
    versions = tuple(version_document(r, releases[-1], facts, language) for r in releases)
    return LanguagePages(declaration, documents, history, versions, report.report)


def link_translations(site: PolicySite) -> None:
    """Each page's `translations`: the same page in the other languages (Pelican's convention,
    which the theme's hreflang links and language switcher read). Set after the pages exist,
    because the pages name each other; `translations` takes no part in comparisons."""
    groups: dict[str, list[Document]] = {}
    for language in site.languages:
        keyed = [(page.key, page) for page in (*language.documents, language.history)]
        keyed += [(f"version-{index}", page) for index, page in enumerate(language.versions)]
        for key, page in keyed:
            groups.setdefault(key, []).append(page)
    for pages in groups.values():
        for page in pages:
            others = tuple(other for other in pages if other is not page)
            object.__setattr__(page, "translations", others)


def current_documents(
    declaration: Declaration, updated: date | None, facts: SiteFacts
) -> tuple[Document, ...]:
    """The policies as released on `updated`, or as a draft preview (None), which claims no
    date and says it is a draft."""
    documents = published_documents(declaration, updated, facts)
    if updated is None:
        return tuple(replace(document, draft=True) for document in documents)
    return documents


def _date_problems(declaration: Declaration, latest: Release | None, path: Path) -> list[str]:
    day = today()
    problems = []
    future = future_problem(latest, day) if latest else None
    if future:
        problems.append(future)
    if latest and declaration.ccpa.applies and latest.date < day - relativedelta(months=12):
        problems.append(
            f"{latest.path}: the privacy policy was last released on {latest.date.isoformat()}, "
            "more than 12 months ago, and the CCPA requires updating it every 12 months "
            "(ccpa.updated_12m); review it and run make policy-release (with RELEASE_OPTS="
            "--unchanged when nothing changed)"
        )
    return problems


# Notices whose wording exists in English only: their laws address Californians and Canadians
# (CCPA regs. §7003(a) asks for the languages the business uses with them; the kit writes the
# English ones), so a page in another language cannot carry them yet.
_ENGLISH_ONLY = {
    Jurisdiction.US_CA_CCPA: "CCPA",
    Jurisdiction.US_CA_CALOPPA: "CalOPPA",
    Jurisdiction.CA_PIPEDA: "PIPEDA",
}


def language_problems(declaration: Declaration, path: Path) -> list[str]:
    """Every language of site.languages needs a module of legal wording (lang/<code>.py)."""
    problems = []
    known = ", ".join(languages_with_wording())
    for language in declaration.site.languages:
        code = language_of(language)
        if not has_wording(code):
            problems.append(
                f"{path} site.languages: the policy pages have no legal wording in {language}; "
                f"the languages with wording are {known}; remove {language}, or add "
                f"plugins/policy_pages/lang/{code}.py (docs/languages.md says how)"
            )
            continue
        laws = [name for law, name in _ENGLISH_ONLY.items() if declaration.applies(law)]
        if code != "en" and laws:
            problems.append(
                f"{path} site.languages: the {' and '.join(laws)} notices are written in English "
                f"only, so the policy cannot be published in {language}; remove {language} or "
                "those jurisdictions"
            )
    return problems
