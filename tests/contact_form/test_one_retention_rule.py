"""One retention rule: the form, the thanks page, the policy and the inbox's purge say and do
the same thing, counted from the one moment the inbox knows, when it received the message."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from contact_form.policy import load_policy
from declaration import DeclarationError, load_declaration
from sitebuild import EXAMPLE_SITE, Build

SAID = "6 months after we receive your message"


def _words(build: Build, url: str, **where: str) -> str:
    return " ".join(build.page(url).find(**where).get_text().split())


def test_form_thanks_page_and_policy_say_the_same(site: Build) -> None:
    assert f"We delete it {SAID}." in _words(site, "/contact/", id="contact-notice")
    assert f"We delete your message {SAID}." in _words(site, "/contact/thanks/", name="main")
    assert f"We keep it for {SAID}." in _words(site, "/privacy/", id="purpose-contact_form")


def test_the_inbox_purges_by_the_same_period_from_receipt() -> None:
    policy = load_policy(EXAMPLE_SITE / "privacy.yml")
    assert (policy.retention_text, policy.retention_after) == (
        "6 months",
        "we receive your message",
    )
    now = datetime(2026, 12, 3, 12, tzinfo=UTC)
    assert policy.cutoff(now) == datetime(2026, 6, 3, 12, tzinfo=UTC)


def test_the_check_refuses_a_starting_point_the_inbox_cannot_know(tmp_path: Path) -> None:
    text = (EXAMPLE_SITE / "privacy.yml").read_text(encoding="utf-8")
    declaration = tmp_path / "privacy.yml"
    declaration.write_text(
        text.replace("retention: {duration: P6M}", "retention: {duration: P6M, after: we reply}")
    )
    try:
        load_declaration(declaration)
    except DeclarationError as error:
        problems = [str(problem) for problem in error.problems]
    else:
        raise AssertionError("the declaration was accepted")
    line = next(n for n, t in enumerate(text.splitlines(), 1) if "retention: {duration: P6M}" in t)
    assert problems == [
        f"{declaration}:{line} processing[1].retention.after: the contact inbox deletes each "
        'message a fixed time after receiving it and cannot know when "we reply"; remove after: '
        "(the period then counts from when the message is received)"
    ]


def test_a_purpose_without_a_form_may_count_from_an_event(tmp_path: Path) -> None:
    text = (EXAMPLE_SITE / "privacy.yml").read_text(encoding="utf-8")
    declaration = tmp_path / "privacy.yml"
    logs = "retention: {duration: P14D}"
    declaration.write_text(text.replace(logs, "retention: {duration: P14D, after: a visit}"))
    assert load_declaration(declaration).processing[0].retention_start == "a visit"
