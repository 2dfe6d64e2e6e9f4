"""The transparency report: a broken template fails the build, only a missing one falls back.

The privacy policy links to the report at the address the guard publishes, and only when the
guard really writes the page.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from sitebuild import ROOT, Build, run_build

REPORT = "privacy_report.html"


def build_with_report_template(tmp_path: Path, text: str | None) -> Build:
    """Our site, built with a copy of the theme whose report template is `text` (None: absent)."""
    theme = tmp_path / "theme"
    shutil.copytree(ROOT / "theme", theme)
    template = theme / "templates" / REPORT
    if text is None:
        template.unlink()
    else:
        template.write_text(text, encoding="utf-8")
    return run_build(tmp_path, overrides={"THEME": str(theme)})


@pytest.mark.parametrize(
    ("text", "line", "words"),
    [
        # Read when the build starts rendering: Jinja's syntax error, with its line.
        ("{% extends 'base.html' %}\n{% block content %}\n{% if %}\n{% endblock %}\n", 3,
         "Expected an expression"),
        # Read fine, fails only when the page is written after the audit.
        ("{% extends 'base_that_is_not_there.html' %}\n", 1, "base_that_is_not_there.html"),
    ],
    ids=["syntax-error", "missing-parent"],
)  # fmt: skip
def test_a_broken_report_template_fails_the_build(tmp_path, text, line, words):
    build = build_with_report_template(tmp_path, text)

    assert build.returncode != 0, build.log
    assert "privacy guard passed" not in build.log
    assert f"{REPORT}:{line}" in build.stderr and words in build.stderr, build.stderr
    assert "Traceback" not in build.log
    assert not (build.output / "privacy" / "report").exists()


def test_a_theme_without_the_report_template_builds_and_links_no_report(tmp_path):
    build = build_with_report_template(tmp_path, None)

    assert build.returncode == 0, build.log
    assert "privacy guard passed" in build.stderr
    assert not (build.output / "privacy" / "report").exists()
    policy = build.page("/privacy/")
    assert not policy.select(".policy-report"), policy.select(".policy-report")
    assert "privacy/report/" not in (build.output / "sitemap.xml").read_text()


def test_the_policy_links_the_report_where_the_guard_writes_it(tmp_path):
    build = run_build(
        tmp_path,
        overrides={
            "PRIVACY_GUARD_REPORT_URL": "about/audit/",
            "PRIVACY_GUARD_REPORT_SAVE_AS": "about/audit/index.html",
        },
    )

    assert build.returncode == 0, build.log
    assert build.page("/about/audit/").select_one("h1").get_text() == "Privacy transparency report"
    link = build.page("/privacy/").select_one(".policy-report a")
    assert link is not None and link["href"].endswith("/about/audit/")
    assert not (build.output / "privacy" / "report").exists()
