"""Released versions: dated snapshots of the declaration in content/policy-versions/.

A release is a verbatim copy of privacy.yml named for its day (2026-11-29.yml),
so it records the texts of every language the site declares. The latest
release's date is the policy's "Last updated" date; every release is published
at its own address, so what the site said on any day stays readable.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from declaration import Declaration, DeclarationError, load_release

from .changes import translation_changes
from .document import Document
from .errors import PolicyError
from .facts import NO_FACTS, SiteFacts
from .pages import published_documents

_NAME = re.compile(r"(\d{4}-\d{2}-\d{2})\.yml")
RELEASE_HINT = "run make policy-release"


@dataclass(frozen=True)
class Release:
    date: date
    path: Path
    declaration: Declaration


def release_file(folder: Path, day: date) -> Path:
    return folder / f"{day.isoformat()}.yml"


def publishes_the_same(
    declaration: Declaration,
    released: Declaration,
    day: date,
    facts: SiteFacts = NO_FACTS,
    pages: tuple[Document, ...] | None = None,
) -> bool:
    """Whether `declaration` publishes what the release `released` did: the same pages in the
    default language, and the same texts in each other language (a correction of the German
    purpose alone is a change to release, though the English pages stay the same). `pages`:
    `declaration`'s, when the caller has them already."""
    if pages is None:
        pages = published_documents(declaration, day, facts)
    return pages == published_documents(released, day, facts) and not translation_changes(
        released, declaration
    )


def future_problem(release: Release, today: date) -> str | None:
    """A release dated after today: made with a wrong clock or named by hand."""
    if release.date <= today:
        return None
    return (
        f"{release.path}: dated in the future (today is {today.isoformat()}); a release is "
        "dated on the day it is made: delete it and run make policy-release"
    )


def read_releases(folder: Path) -> list[Release]:
    """Every release in `folder`, oldest first ([] when the folder does not exist)."""
    if not folder.exists():
        return []
    if not folder.is_dir():
        raise PolicyError([f"{folder}: is a file; it must be the folder of released versions"])
    try:
        paths = sorted(folder.iterdir())
    except OSError as error:
        reason = (error.strerror or str(error)).lower()
        raise PolicyError([f"{folder}: cannot be read ({reason}); check its permissions"]) from None
    problems: list[str] = []
    releases: list[Release] = []
    for path in paths:
        if path.name.startswith("."):
            continue
        match = _NAME.fullmatch(path.name)
        if match is None or not path.is_file():
            problems.append(
                f"{path}: not a release; this folder holds only files named YYYY-MM-DD.yml, "
                f"written by make policy-release; move it elsewhere"
            )
            continue
        try:
            day = date.fromisoformat(match.group(1))
        except ValueError:
            problems.append(
                f"{path}: {match.group(1)} is not a date; name a release for its day, "
                "e.g. 2026-11-29.yml"
            )
            continue
        try:
            releases.append(Release(day, path, load_release(path)))
        except DeclarationError as error:
            problems += [str(problem) for problem in error.problems]
    if problems:
        raise PolicyError(problems)
    return releases
