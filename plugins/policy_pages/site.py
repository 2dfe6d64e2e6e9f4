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
from declaration import Declaration, DeclarationError, load_declaration

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
class PolicySite:
    declaration: Declaration
    releases: tuple[Release, ...]
    documents: tuple[Document, ...]  # privacy policy, cookie statement, legal notice (if any)
    history: Document
    versions: tuple[Document, ...]
    coverage: dict[str, str]
    draft: bool = False  # the declaration is not released: its pages are a preview

    @property
    def last_updated(self) -> date | None:
        """The latest release's date; None for a draft, which claims no date."""
        return None if self.draft else self.releases[-1].date

    @property
    def pages(self) -> tuple[Document, ...]:
        """Every page to write: the policies, the history, each released version."""
        return (*self.documents, self.history, *self.versions)

    def current_pages(self, facts: SiteFacts) -> tuple[Document, ...]:
        """The pages that state the built site's `facts`, written for them: the policies and,
        once there is a release, the current version's page (a draft's versions are all past)."""
        documents = current_documents(self.declaration, self.last_updated, facts)
        if not self.releases:
            return documents
        latest = self.releases[-1]
        return (*documents, version_document(latest, latest, facts))

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
        pending = draft_section(None)
    else:
        documents = published_documents(declaration, latest.date, facts)
        if not publishes_the_same(declaration, latest.declaration, latest.date, facts):
            changes = describe_changes(latest.declaration, declaration)
            if not drafts:
                problems.append(
                    f"unreleased policy changes since {latest.date.isoformat()} (the latest "
                    f"release): {'; '.join(changes)}; {RELEASE_HINT}"
                )
            pending = draft_section(changes)
    if pending is not None:
        documents = current_documents(declaration, None, facts)
    problems += lint(documents, declaration_path)
    history = history_document(releases, pending)
    added = any(adds_purpose(a, b) for a, b in itertools.pairwise(releases))
    report = coverage(declaration, (*documents, history), added)
    for gap in report.gaps:
        problems.append(
            f"{declaration_path}: the policy does not meet requirement {gap.id}, which applies to "
            f"this declaration; {gap.hint or 'this is a bug in policy_pages'}"
        )
    if problems:
        raise PolicyError(problems)
    return PolicySite(
        declaration=declaration,
        releases=tuple(releases),
        documents=documents,
        history=history,
        versions=tuple(version_document(r, releases[-1], facts) for r in releases),
        coverage=report.report,
        draft=pending is not None,
    )


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
    language = declaration.site.default_language
    if language.split("-")[0] != "en":
        problems.append(
            f"{path} site.languages: the policy pages are written in "
            f"English, not {language}; make en (or en-GB, en-US) the first language"
        )
    return problems
