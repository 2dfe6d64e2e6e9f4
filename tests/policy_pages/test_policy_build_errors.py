"""Every reason the policy cannot be published stops the build: one clear line, no traceback.

The build stops at Pelican's `initialized` signal, before anything is written: the
output folder is never created.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from policybuild import LATEST, unprivileged
from sitebuild import ROOT, Build, copy_content, run_build
from warmpython import run_module

SUMMARY = "error: build failed: policy_pages: {} above to correct"


def line_of(text: str, marker: str) -> int:
    """The line number (from 1) where `marker` is written in `text`."""
    return text[: text.index(marker)].count("\n") + 1


# What make publish does with an unreleased declaration: refuse it (make html previews a draft).
PUBLISHING = {"POLICY_DRAFTS": False}


def build_with(tmp_path: Path, *edits: tuple[str, str]) -> tuple[Build, str]:
    """Build the default site with content/privacy.yml edited; returns the build and the file."""
    content = copy_content(tmp_path / "content")
    declaration = content / "privacy.yml"
    text = declaration.read_text(encoding="utf-8")
    for old, new in edits:
        assert text.count(old) == 1, old
        text = text.replace(old, new)
    declaration.write_text(text, encoding="utf-8")
    return run_build(tmp_path, content=content, overrides=PUBLISHING), text


def assert_stopped(build: Build, problems: int = 1) -> None:
    assert build.returncode == 1
    assert "Traceback" not in build.log
    plural = "problem" if problems == 1 else "problems"
    assert SUMMARY.format(f"{problems} {plural}") in build.stderr
    assert not build.output.exists(), "nothing may be written"


INVALID = [
    pytest.param(
        ("retention: {duration: P6M}", "retention: {duration: 6 months}"),
        "retention: {duration: 6 months}",
        'processing[1].retention.duration: "6 months" is not an ISO 8601 duration; write P6M',
        id="duration-in-words",
    ),
    pytest.param(
        ("    purpose: Deliver the website", "    purpse: Deliver the website"),
        "    purpse:",
        "processing[0].purpse: unknown key; did you mean purpose? (keys allowed here: id, "
        "title, purpose, data, sources, legal_basis, legitimate_interest, consent, "
        "special_category_condition, provision, recipients, retention, form, scripts, "
        "ccpa_purpose, ccpa_financial_incentive)",
        id="typo-in-a-key",
    ),
    pytest.param(
        ("    legitimate_interest: Replying to enquiries about our products\n", ""),
        "  - id: contact_form",
        "processing[1].legitimate_interest: required because legal_basis is "
        "legitimate_interests; add legitimate_interest: the specific interest pursued, e.g. "
        '"Replying to enquiries about our products"',
        id="legitimate-interest-missing",
    ),
    pytest.param(
        ("    country: DE                                       # PLACEHOLDER\n    privacy_url",
         "    country: US                                       # PLACEHOLDER\n    privacy_url"),
        "  - id: webhost",
        "recipients[0].transfer: required because the United States is outside the EEA and "
        'eu_gdpr is declared; add transfer: {mechanism: scc, copy: "how people get a copy of the '
        'safeguard"}',
        id="transfer-missing",
    ),
]  # fmt: skip


@pytest.mark.parametrize(("edit", "marker", "message"), INVALID)
def test_an_invalid_declaration_stops_the_build_with_its_line(
    tmp_path: Path, edit: tuple[str, str], marker: str, message: str
) -> None:
    build, text = build_with(tmp_path, edit)
    assert_stopped(build)
    where = f"{build.content / 'privacy.yml'}:{line_of(text, marker)}"
    assert f"ERROR: {where} {message}\n" in build.stderr


def test_every_problem_is_reported_in_one_build(tmp_path: Path) -> None:
    build, _ = build_with(tmp_path, INVALID[0].values[0], INVALID[3].values[0])
    assert_stopped(build, problems=2)
    assert build.stderr.count("ERROR: ") == 2
    assert INVALID[0].values[2] in build.stderr and INVALID[3].values[2] in build.stderr


def test_a_plain_pelican_run_stops_too_without_a_traceback(tmp_path: Path) -> None:
    content = copy_content(tmp_path / "content")
    declaration = content / "privacy.yml"
    declaration.write_text(
        declaration.read_text(encoding="utf-8").replace("duration: P14D", "duration: 14 days"),
        encoding="utf-8",
    )
    output = tmp_path / "output"
    arguments = [str(content), "-o", str(output), "-s", str(ROOT / "pelicanconf.py")]
    # `python -m pelican`, forked from the warm interpreter (tests/warmpython.py)
    result = run_module("pelican", [*arguments, "--log-handler", "plain"], cwd=ROOT, timeout=300)
    log = result.stdout + result.stderr
    assert result.returncode != 0
    assert "Traceback" not in log
    assert 'processing[0].retention.duration: "14 days" is not an ISO 8601 duration' in log
    assert not output.exists() or not any(output.iterdir())


def test_a_site_without_any_release_is_told_to_release(tmp_path: Path) -> None:
    content = copy_content(tmp_path / "content")
    shutil.rmtree(content / "policy-versions")
    build = run_build(tmp_path, content=content, overrides=PUBLISHING)
    assert_stopped(build)
    assert (
        f"ERROR: {content / 'policy-versions'}: does not exist, so the privacy policy has no "
        "release yet; run make policy-release\n" in build.stderr
    )


def test_a_stray_file_among_the_releases_is_named(tmp_path: Path) -> None:
    content = copy_content(tmp_path / "content")
    stray = content / "policy-versions" / "draft.yml"
    stray.write_text("schema: 1\n", encoding="utf-8")
    build = run_build(tmp_path, content=content)
    assert_stopped(build)
    assert (
        f"ERROR: {stray}: not a release; this folder holds only files named YYYY-MM-DD.yml, "
        "written by make policy-release; move it elsewhere\n" in build.stderr
    )


def test_a_vague_word_in_the_declaration_fails_at_its_line(tmp_path: Path) -> None:
    build, text = build_with(
        tmp_path,
        ("purpose: Web hosting", "purpose: Web hosting and possibly backups"),
    )
    assert_stopped(build, problems=2)  # the vague word, and the change that is not released
    assert (
        f"ERROR: unreleased policy changes {LATEST}: Example Hosting AG now does this for us: "
        "Web hosting and possibly backups; run make policy-release\n" in build.stderr
    )
    where = f"{build.content / 'privacy.yml'}:{line_of(text, '    purpose: Web hosting')}"
    assert (
        f'ERROR: {where} recipients[0].purpose: "possibly" is vague, and the policy states only '
        'what you do (meta.plain_language); say exactly what happens, e.g. "we keep" rather than '
        '"we may keep"\n' in build.stderr
    )


def test_a_second_language_asks_for_each_text_in_it(tmp_path: Path) -> None:
    """Issue 14: a declaration with a missing German translation fails, naming each field."""
    build, text = build_with(tmp_path, ("languages: [en]", "languages: [en, de]"))
    missing = [line for line in build.stderr.splitlines() if ": no de text (German); " in line]
    assert_stopped(build, problems=len(missing))
    line = text.splitlines().index(
        "    purpose: Answer the questions you send us with the contact form"
    )
    assert (
        f"ERROR: {tmp_path / 'content' / 'privacy.yml'}:{line + 1} processing[1].purpose: no de "
        "text (German); a plain text counts as en (English), so write purpose: {en: <this text>, "
        "de: <the purpose in German>}\n" in build.stderr
    )


def test_the_footer_must_link_the_policies(tmp_path: Path) -> None:
    build = run_build(tmp_path, overrides={"FOOTER_LINKS": [["Contact", "contact/"]]})
    assert_stopped(build)
    assert (
        "ERROR: FOOTER_LINKS: every page must link the privacy policy and the cookie statement "
        '(meta.link_everywhere); add ("Privacy policy", "privacy/") and ("Cookie statement", '
        '"cookies/")\n' in build.stderr
    )


def test_a_theme_without_the_policy_template_is_named(tmp_path: Path) -> None:
    build = run_build(tmp_path, overrides={"POLICY_TEMPLATE": "no_such_template"})
    assert_stopped(build)
    assert (
        'ERROR: POLICY_TEMPLATE: the theme has no template "no_such_template"; copy policy.html '
        "and _policy.html from the Discreet theme's templates/ into it\n" in build.stderr
    )


@pytest.mark.parametrize(
    "unreadable", ["privacy.yml", "policy-versions", "policy-versions/2026-11-29.yml"]
)
def test_an_unreadable_file_or_folder_is_named(unreadable: str) -> None:
    with unprivileged() as locked:
        content = copy_content(locked.folder / "content")
        locked.hand_over()
        (content / unreadable).chmod(0o000)
        build = run_build(locked.folder, content=content, as_user=locked.as_user)
        assert_stopped(build)
        assert (
            f"ERROR: {content / unreadable}: cannot be read (permission denied); check its "
            "permissions\n" in build.stderr
        )


@pytest.mark.parametrize(
    ("setting", "value", "problem"),
    [
        ("POLICY_DECLARATION", 5, 'expected a path as text, e.g. "content/privacy.yml"'),
        ("POLICY_VERSIONS_PATH", ["a"], 'expected a path as text, e.g. "content/policy-versions"'),
        ("POLICY_TEMPLATE", 5, 'expected a template name as text, e.g. "policy"'),
        ("POLICY_REPORT_URL", 5, 'expected a URL path as text, e.g. "privacy/report/", or None'),
        ("FOOTER_LINKS", 5, 'expected a list of (title, URL) pairs, e.g. [("Privacy policy", '
         '"privacy/")]'),
        ("FOOTER_LINKS", [["Contact"]], 'expected a list of (title, URL) pairs, e.g. '
         '[("Privacy policy", "privacy/")]'),
    ],
)  # fmt: skip
def test_a_setting_of_the_wrong_kind_is_named(
    tmp_path: Path, setting: str, value: object, problem: str
) -> None:
    build = run_build(tmp_path, overrides={setting: value})
    assert_stopped(build)
    assert f"ERROR: {setting}: {problem}; correct it in the settings file\n" in build.stderr
