"""Build sites whose declaration is a variant of the example, released with the real command."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path

from bs4 import BeautifulSoup, Comment, NavigableString, Tag
from sitebuild import EXAMPLE_SITE, NOBODY, ROOT, Build, as_nobody, copy_content, run_build
from warmpython import run_module

# A verbatim copy of shared/declaration-example.yml (kept by the declaration tests).
EXAMPLE = ROOT / "tests" / "declaration" / "fixtures" / "declaration-example.yml"
RELEASED = date(2026, 11, 1)
# How a refusal names the example shop's latest release: "unreleased policy changes since ...".
LATEST = "since {} (the latest release)".format(
    max(p.stem for p in (EXAMPLE_SITE / "policy-versions").glob("*.yml"))
)
# The builds' "today", so that date rules (the CCPA's 12 months) give the same result every day.
TODAY = date(2026, 11, 29)
TODAY_ENV = {"SOURCE_DATE_EPOCH": str(int(datetime(2026, 11, 29, 12, tzinfo=UTC).timestamp()))}

Edit = tuple[str, str]


def edited(text: str, *edits: Edit) -> str:
    """`text` with each (old, new) replacement made; `old` must occur exactly once."""
    for old, new in edits:
        assert text.count(old) == 1, f"edit target must occur once: {old!r}"
        text = text.replace(old, new)
    return text


def example(*edits: Edit) -> str:
    return edited(EXAMPLE.read_text(encoding="utf-8"), *edits)


# Edits that take out what only the example's German controller declares: the legal notice's
# German parts (§18(2) MStV, §36 VSBG) and its lead supervisory authority (GDPR Art. 56).
NOT_GERMAN: tuple[Edit, ...] = (
    (
        """\
  editorial_responsible:                  # Germany: who answers for the blog (§18(2) MStV)
    name: Max Example
    address: {street: Examplestraße 3, postal_code: "10117", city: Berlin, country: DE}
  consumer_disputes: {participation: not_willing}   # Germany: §36 VSBG
""",
        "",
    ),
    (
        """\
supervisory_authority:
  name: Berliner Beauftragte für Datenschutz und Informationsfreiheit
  url: https://www.datenschutz-berlin.de
""",
        "",
    ),
)


def without_caloppa(text: str) -> str:
    """The example without CalOPPA, whose notices are written in English only: what a site in
    German or French declares (policy_pages refuses CalOPPA on a non-English page)."""
    text = text.replace(
        "jurisdictions: [eu_gdpr, eprivacy, us_ca_caloppa]", "jurisdictions: [eu_gdpr, eprivacy]"
    )
    return re.sub(r"\ncaloppa:\n(?:  .*\n)+", "\n", text)


def release(
    content: Path,
    day: date | None = None,
    *options: str,
    env: dict[str, str] | None = None,
    as_user: Sequence[str] = (),
) -> subprocess.CompletedProcess[str]:
    """Run `policy-release` on a site's content folder, as `make policy-release` does."""
    command = [
        sys.executable,
        "-m",
        "policy_pages.release_cli",
        "--declaration",
        str(content / "privacy.yml"),
        "--versions",
        str(content / "policy-versions"),
        *(["--date", day.isoformat()] if day else []),
        *options,
    ]
    process_env = {**os.environ, **(env or TODAY_ENV)}
    # Forked from a warm interpreter, which drops to as_user's user itself (tests/warmpython.py).
    user = NOBODY if as_user else None
    return run_module(command[2], command[3:], cwd=ROOT, env=process_env, user=user)


@dataclass(frozen=True)
class Unprivileged:
    """A folder and a command prefix for runs that file permissions apply to."""

    folder: Path
    as_user: tuple[str, ...]

    def hand_over(self) -> None:
        """Give the folder's files to the user the commands run as (when tests run as root)."""
        if self.as_user:
            for path in [self.folder, *self.folder.rglob("*")]:
                os.chown(path, NOBODY, NOBODY, follow_symlinks=False)


@contextmanager
def unprivileged() -> Iterator[Unprivileged]:
    """Root reads and writes whatever the permissions say, so as root the commands run as
    nobody, in a folder nobody can reach (pytest's own temporary folders are root's only)."""
    prefix = as_nobody()
    if not prefix:
        with tempfile.TemporaryDirectory() as folder:
            yield Unprivileged(Path(folder), ())
        return
    folder = Path(tempfile.mkdtemp(prefix="discreet-permissions-"))
    folder.chmod(0o755)
    try:
        yield Unprivileged(folder, prefix)
    finally:
        shutil.rmtree(folder)


def site_with(workdir: Path, declaration: str) -> Path:
    """A copy of the site's content with `declaration` as privacy.yml and no release yet."""
    content = copy_content(workdir / "content")
    (content / "privacy.yml").write_text(declaration, encoding="utf-8")
    shutil.rmtree(content / "policy-versions")
    return content


def build_variant(
    workdir: Path, declaration: str, files: dict[str, str] | None = None, **build_options: object
) -> Build:
    """Release `declaration` on RELEASED, then build the site (which must succeed); `files`
    adds content files (path relative to the content folder: text)."""
    content = site_with(workdir, declaration)
    for name, text in (files or {}).items():
        (content / name).parent.mkdir(parents=True, exist_ok=True)
        (content / name).write_text(text, encoding="utf-8")
    released = release(content, RELEASED)
    assert released.returncode == 0, released.stderr
    build = run_build(workdir, content=content, env=TODAY_ENV, **build_options)
    assert build.returncode == 0, build.log
    return build


def coverage(build: Build) -> dict[str, str]:
    return json.loads((build.output / "privacy" / "coverage.json").read_text(encoding="utf-8"))


def at(build: Build, anchor: str) -> Tag:
    """The element a coverage anchor such as "/privacy/#req-gdpr.retention" points to."""
    path, _, fragment = anchor.partition("#")
    page = build.page(path)
    if not fragment:
        return page
    element = page.find(id=fragment)
    assert element is not None, f"no element with id {fragment} on {path}"
    return element


def met(build: Build, requirement: str) -> Tag:
    """The element where the coverage report says `requirement` is met (it must be met)."""
    anchor = coverage(build)[requirement]
    assert anchor.startswith("/"), f"{requirement} is not met: {anchor!r}"
    return at(build, anchor)


_BLOCKS = {"p", "li", "dt", "dd", "th", "td", "caption", "address", "br", "section", "tr"}
_BLOCKS |= {f"h{level}" for level in range(1, 7)}


def words(element: Tag | BeautifulSoup) -> str:
    """The element's text as a reader sees it: blocks apart, inline links within the sentence."""
    parts = []
    for node in element.descendants:
        if isinstance(node, Tag) and node.name in _BLOCKS:
            parts.append(" ")
        elif isinstance(node, NavigableString) and not isinstance(node, Comment):
            parts.append(str(node))
    return re.sub(r"\s+", " ", "".join(parts)).strip()


def assert_fully_covered(build: Build) -> dict[str, str]:
    """Every requirement is met at an anchor that exists, or says why it does not apply."""
    report = coverage(build)
    for requirement, value in report.items():
        if value.startswith("n/a: "):
            assert len(value) > len("n/a: "), requirement
            continue
        at(build, value)
    return report
