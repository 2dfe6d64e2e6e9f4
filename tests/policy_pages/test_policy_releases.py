"""Releasing the policy: the command, the drift check, the history and the stable version pages."""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path

import pytest
from policybuild import (
    LATEST,
    RELEASED,
    TODAY,
    TODAY_ENV,
    Unprivileged,
    example,
    release,
    site_with,
    unprivileged,
    words,
)
from sitebuild import Build, copy_content, run_build

RETENTION = ("retention: {duration: P6M}", "retention: {duration: P3M}")
SHORTER = "Contact form data is now kept 3 months instead of 6"
# What make publish does with an unreleased declaration: refuse it (make html previews a draft).
PUBLISHING = {"POLICY_DRAFTS": False}


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, old
    path.write_text(text.replace(old, new), encoding="utf-8")


def test_changing_a_retention_period_without_a_release_fails_the_build(tmp_path: Path) -> None:
    content = copy_content(tmp_path / "content")
    edit(content / "privacy.yml", *RETENTION)
    build = run_build(tmp_path, content=content, overrides=PUBLISHING)
    assert build.returncode == 1
    assert (
        f"ERROR: unreleased policy changes {LATEST}: {SHORTER}; run make policy-release\n"
        in build.stderr
    )
    assert not build.output.exists()


def test_an_unreleased_text_with_line_breaks_is_one_line(tmp_path: Path) -> None:
    content = copy_content(tmp_path / "content")
    purpose = "purpose: Answer the questions you send us with the contact form"
    edit(content / "privacy.yml", purpose, "purpose: |\n      Line one\n      line two")
    build = run_build(tmp_path, content=content, overrides=PUBLISHING)
    changed = "Contact form is now described as: Line one\\nline two"
    assert (build.returncode, build.stderr.count(f": {changed}; run make")) == (1, 1)


def test_comments_layout_and_a_field_the_policy_never_shows_need_no_release(
    tmp_path: Path,
) -> None:
    """One build for three edits that change no published word: as make publish builds, any
    of them that needed a release would stop it, named in its log."""
    content = copy_content(tmp_path / "content")
    declaration = content / "privacy.yml"
    edit(declaration, "# one entry per purpose", "# one entry per purpose (reviewed in November)")
    edit(declaration, "  - {id: message, label: Content of your message}",
         "  - id: message\n    label: Content of your message")  # fmt: skip
    edit(declaration, "first_party_hosts: []", "first_party_hosts: [static.example.test]")
    build = run_build(tmp_path, content=content, overrides=PUBLISHING)
    assert build.returncode == 0, build.log


def test_a_recipient_the_browser_now_contacts_needs_a_release(tmp_path: Path) -> None:
    content = copy_content(tmp_path / "content")
    edit(
        content / "privacy.yml",
        "    hosts: []                 #",
        "    hosts: [cdn.hosting.test]  #",
    )
    build = run_build(tmp_path, content=content, overrides=PUBLISHING)
    assert (
        f"ERROR: unreleased policy changes {LATEST}: Your browser now connects to the servers of "
        "Example Hosting AG on our pages; run make policy-release\n" in build.stderr
    )


@pytest.fixture(scope="module")
def released_once(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A site's content whose first release is RELEASED, made once for the module."""
    content = site_with(tmp_path_factory.mktemp("released-once"), example())
    assert release(content, RELEASED).returncode == 0
    return content


@pytest.fixture
def site(tmp_path: Path, released_once: Path) -> Path:
    """A copy of that site's content (release included) for one test to change."""
    return copy_content(tmp_path / "content", released_once)


def test_the_first_release_is_a_verbatim_copy(site: Path) -> None:
    copy = site / "policy-versions" / f"{RELEASED.isoformat()}.yml"
    assert copy.read_bytes() == (site / "privacy.yml").read_bytes()


def test_releasing_shows_the_changes_then_writes_todays_release(site: Path) -> None:
    edit(site / "privacy.yml", *RETENTION)
    result = release(site)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[:2] == [
        f"Release {TODAY.isoformat()}, changes since {RELEASED.isoformat()}:",
        f"  - {SHORTER}",
    ]
    assert (site / "policy-versions" / f"{TODAY.isoformat()}.yml").is_file()


def test_nothing_to_release_when_the_text_is_unchanged(site: Path) -> None:
    edit(site / "privacy.yml", "# one entry per purpose", "# one purpose per entry")
    result = release(site)
    assert result.returncode == 0
    assert result.stdout == (
        f"The published policy has not changed since the release of {RELEASED.isoformat()}: "
        "nothing to release.\n"
    )
    assert sorted(p.name for p in (site / "policy-versions").iterdir()) == ["2026-11-01.yml"]
    assert release(site, None, "--unchanged").returncode == 0
    assert (site / "policy-versions" / f"{TODAY.isoformat()}.yml").is_file()


def test_a_dry_run_writes_nothing(site: Path) -> None:
    edit(site / "privacy.yml", *RETENTION)
    result = release(site, None, "--dry-run")
    assert result.returncode == 0
    assert f"  - {SHORTER}" in result.stdout and "was not written" in result.stdout
    assert len(list((site / "policy-versions").iterdir())) == 1


def test_a_second_release_on_the_same_day_replaces_the_first(site: Path) -> None:
    edit(site / "privacy.yml", *RETENTION)
    result = release(site, RELEASED)
    assert result.returncode == 0, result.stderr
    assert "It replaces the release already made today" in result.stdout
    copy = site / "policy-versions" / f"{RELEASED.isoformat()}.yml"
    assert "P3M" in copy.read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("day", "message"),
    [
        (date(2026, 12, 1), "--date 2026-12-01: a release cannot be dated in the future"),
        (
            date(2026, 10, 1),
            "--date 2026-10-01: the latest release is dated 2026-11-01; a new release cannot be "
            "dated before it",
        ),
    ],
)
def test_a_release_date_must_follow_the_latest(site: Path, day: date, message: str) -> None:
    edit(site / "privacy.yml", *RETENTION)
    result = release(site, day)
    assert result.returncode == 2
    assert result.stderr == f"{message}\nNothing was released.\n"


def test_an_invalid_declaration_is_not_released(site: Path) -> None:
    edit(site / "privacy.yml", "duration: P14D", "duration: 14 days")
    result = release(site)
    assert result.returncode == 2
    assert (
        'processing[0].retention.duration: "14 days" is not an ISO 8601 duration; write P14D'
        in (result.stderr)
    )
    assert len(list((site / "policy-versions").iterdir())) == 1


@pytest.fixture
def locked() -> Iterator[Unprivileged]:
    with unprivileged() as place:
        yield place


def _release_locked(locked: Unprivileged, lock: Callable[[Path], None]) -> tuple[Path, str]:
    """Release a changed declaration as a user whom `lock(content)` keeps out; returns the
    versions folder and what the refused release printed."""
    content = site_with(locked.folder, example())
    assert release(content, RELEASED).returncode == 0
    edit(content / "privacy.yml", *RETENTION)
    locked.hand_over()
    lock(content)
    result = release(content, as_user=locked.as_user)
    assert result.returncode == 2, result.stderr
    assert result.stderr.endswith("\nNothing was released.\n")
    return content / "policy-versions", result.stderr.splitlines()[0]


def test_a_read_only_versions_folder_is_named_and_left_as_it_was(locked: Unprivileged) -> None:
    versions, problem = _release_locked(locked, lambda c: (c / "policy-versions").chmod(0o555))
    assert problem == (
        f"{versions}: cannot write the release into this folder (permission denied); "
        "check its permissions"
    )
    assert [path.name for path in versions.iterdir()] == [f"{RELEASED.isoformat()}.yml"]


def _no_versions_folder(content: Path) -> None:
    shutil.rmtree(content / "policy-versions")
    content.chmod(0o555)


def test_a_versions_folder_that_cannot_be_created_is_named(locked: Unprivileged) -> None:
    versions, problem = _release_locked(locked, _no_versions_folder)
    assert problem == (
        f"{versions}: cannot create the folder of released versions (permission denied); "
        "check the permissions of the folder it is in"
    )


def test_an_unreadable_versions_folder_is_named(locked: Unprivileged) -> None:
    versions, problem = _release_locked(locked, lambda c: (c / "policy-versions").chmod(0o000))
    assert problem == f"{versions}: cannot be read (permission denied); check its permissions"


@pytest.fixture(scope="module")
def released_twice(tmp_path_factory: pytest.TempPathFactory) -> Build:
    """Released, edited, released again and built: one build for the tests that only read it."""
    workdir = tmp_path_factory.mktemp("released-twice")
    site = site_with(workdir, example())
    assert release(site, RELEASED).returncode == 0
    edit(site / "privacy.yml", *RETENTION)
    assert release(site).returncode == 0
    build = run_build(workdir, content=site, env=TODAY_ENV)
    assert build.returncode == 0, build.log
    return build


def test_the_history_lists_every_release_with_its_changes(released_twice: Build) -> None:
    history = released_twice.page("/privacy/history/")
    entries = history.select("article > section")
    assert [entry["id"] for entry in entries] == ["release-2026-11-29", "release-2026-11-01"]
    newest, first = entries
    assert newest.h2.a["href"] == "/privacy/versions/2026-11-29/"
    assert [li.get_text() for li in newest.find_all("li")] == [SHORTER]
    assert "This is the version in effect now." in words(newest)
    assert words(first).endswith("The first published version of this policy.")


def test_each_release_stays_readable_at_its_own_address(released_twice: Build) -> None:
    for day, kept in (("2026-11-01", "6 months"), ("2026-11-29", "3 months")):
        page = released_twice.page(f"/privacy/versions/{day}/")
        card = words(page.find(id="purpose-contact_form"))
        assert f"We keep it for {kept} after we receive your message." in card
        assert page.find(id="req-meta.last_updated").time["datetime"] == day
    old = words(released_twice.page("/privacy/versions/2026-11-01/").find(id="version-notice"))
    assert "It is no longer in effect; read the current privacy policy." in old


def test_last_updated_moves_to_the_new_release(released_twice: Build) -> None:
    stamp = released_twice.page("/privacy/").find(id="req-meta.last_updated")
    assert words(stamp).startswith("Last updated: 29 November 2026")


def test_the_ccpa_wants_a_release_every_12_months(tmp_path: Path) -> None:
    content = site_with(
        tmp_path,
        example(
            ("us_ca_caloppa]   #", "us_ca_caloppa, us_ca_ccpa]   #"),
            ("Content of your message}", "Content of your message, ccpa_category: identifiers}"),
            ("  authorized_agent: null ", "  authorized_agent: Send us their signed permission\n#"),
            (
                "ccpa: {applies: false}",
                "ccpa: {applies: true, sells: false, shares: false, honors_gpc: true, "
                "spi_beyond_7027m: false, online_only: true}",
            ),
        ),
    )
    assert release(content, date(2025, 11, 1)).returncode == 0
    build = run_build(tmp_path, content=content, env=TODAY_ENV)
    assert build.returncode == 1
    assert "more than 12 months ago, and the CCPA requires updating it every 12 months" in (
        build.stderr
    )


def test_a_release_dated_in_the_future_is_named(site: Path) -> None:
    versions = site / "policy-versions"
    future = versions / "2026-12-24.yml"
    (versions / f"{RELEASED.isoformat()}.yml").rename(future)
    edit(site / "privacy.yml", *RETENTION)
    result = release(site)
    assert result.returncode == 2
    assert result.stderr == (
        f"{future}: dated in the future (today is 2026-11-29); a release is dated on the day it "
        "is made: delete it and run make policy-release\nNothing was released.\n"
    )


def test_a_policy_the_build_would_refuse_is_not_released(site: Path) -> None:
    declaration = site / "privacy.yml"
    edit(declaration, "purpose: Answer the questions", "purpose: We may answer the questions")
    before = sorted((path.name, path.read_bytes()) for path in (site / "policy-versions").iterdir())
    result = release(site)
    assert result.returncode == 2
    assert result.stderr == (
        f'{declaration}:60 processing[1].purpose: "may" is vague, and the policy states only what '
        'you do (meta.plain_language); say exactly what happens, e.g. "we keep" rather than '
        '"we may keep"\nNothing was released.\n'
    )
    after = sorted((path.name, path.read_bytes()) for path in (site / "policy-versions").iterdir())
    assert after == before


def test_a_site_name_with_markup_is_never_released(tmp_path: Path) -> None:
    script = "Example <script>alert(1)</script> Shop"
    content = site_with(tmp_path, example(("  name: Example Shop\n", f"  name: {script}\n")))
    result = release(content, RELEASED)
    assert (result.returncode, result.stdout) == (2, "")
    assert f'site.name: "{script}" holds < or >, which every page would read as HTML' in (
        result.stderr
    )


@pytest.mark.parametrize("epoch", ["99999999999999", "yesterday"])
def test_a_wrong_source_date_epoch_is_named(site: Path, epoch: str) -> None:
    result = release(site, None, "--dry-run", env={"SOURCE_DATE_EPOCH": epoch})
    assert result.returncode == 2
    assert result.stderr == (
        f"SOURCE_DATE_EPOCH={epoch}: expected the time of the build in seconds since "
        "1970-01-01 UTC, e.g. 1764417600; correct it or unset it\nNothing was released.\n"
    )


def test_a_reviewed_release_without_changes_is_not_called_the_first(
    site: Path, tmp_path: Path
) -> None:
    assert release(site, None, "--unchanged").returncode == 0
    build = run_build(tmp_path, content=site, env=TODAY_ENV)
    assert build.returncode == 0, build.log
    newest, first = build.page("/privacy/history/").select("article > section")
    assert (
        words(newest) == "29 November 2026 No change (reviewed). This is the version in effect now."
    )
    assert words(first) == "1 November 2026 The first published version of this policy."
