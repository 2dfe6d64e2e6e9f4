"""The vendored service catalogue: every service the issue names, every fact sourced and dated
or marked unknown with a reason, and the script that finds facts older than a year."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
from pathlib import Path

import pytest
from service_catalogue import CatalogueError, load_catalogue, stale_facts
from sitebuild import ROOT

REQUIRED = {
    "youtube", "vimeo", "spotify", "soundcloud", "google_maps", "openstreetmap", "mailchimp",
    "brevo", "stripe", "paypal", "calendly", "typeform", "google_forms", "instagram", "facebook",
    "x", "hcaptcha", "friendly_captcha", "recaptcha", "google_fonts", "adobe_fonts", "cloudflare",
    "jsdelivr", "bunny", "plausible", "matomo_cloud", "netlify", "github_pages",
    "cloudflare_pages", "hetzner", "ionos", "strato",
}  # fmt: skip


def test_every_service_the_kit_promises_is_catalogued() -> None:
    assert set(load_catalogue()) >= REQUIRED


def test_every_fact_has_a_source_and_a_day_or_says_why_it_is_unknown() -> None:
    for service in load_catalogue().values():
        for name, fact in service.all_facts():
            where = f"{service.id}.{name}"
            assert fact.verified > dt.date(2020, 1, 1), where
            if fact.known:
                assert fact.source, where
                assert fact.source.startswith(("https://", "http://", "kit:")), where
            else:
                assert len(fact.unknown.strip()) > 10, where


def test_kit_sources_name_files_of_this_repository() -> None:
    for service in load_catalogue().values():
        for name, fact in service.all_facts():
            if fact.known and fact.source.startswith("kit:"):
                assert (ROOT / fact.source.removeprefix("kit:")).is_file(), f"{service.id}.{name}"


def test_every_service_an_embed_card_names_is_catalogued() -> None:
    from embeds import providers

    named = {p.service for p in vars(providers).values() if isinstance(p, providers.Provider)}
    assert named - {None} <= set(load_catalogue())


def test_a_malformed_entry_is_named_with_its_file_and_field(tmp_path: Path) -> None:
    (tmp_path / "bad.yml").write_text(
        "demo:\n  name: Demo\n  category: video\n  csp: [frame-src]\n"
        "  entity: {eu: {unknown: x, verified: 2026-01-01}}\n",
        encoding="utf-8",
    )
    with pytest.raises(CatalogueError, match=r"bad\.yml: demo: missing hosts, role, storage"):
        load_catalogue(tmp_path)


def test_facts_older_than_a_year_are_reported() -> None:
    services = load_catalogue()
    assert stale_facts(services, dt.date(2026, 12, 3)) == []
    later = stale_facts(services, dt.date(2028, 1, 1))
    assert later and all(fact.verified <= dt.date(2027, 1, 1) for _, _, fact in later)


def test_the_stale_script_lists_each_old_fact_and_fails() -> None:
    command = [sys.executable, "-m", "service_catalogue", "stale"]
    fresh = subprocess.run([*command, "--today", "2026-12-31"], capture_output=True, text=True)
    assert fresh.returncode == 0, fresh.stderr
    assert fresh.stdout == ""
    old = subprocess.run([*command, "--today", "2028-06-01"], capture_output=True, text=True)
    assert old.returncode == 1
    first = old.stdout.splitlines()[0]
    assert first.startswith("2026-12-03 ") and ": " in first
    assert "checked more than 365 days ago; review each" in old.stderr
