"""Feeds, sitemap and robots.txt of the published (production) build."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest
from sitebuild import Build

SITE = "https://example-shop.test"
ARTICLE = f"{SITE}/2012/06/what-your-customers-keep-telling-facebook-google-and-amazon/"
ATOM = "{http://www.w3.org/2005/Atom}"
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


def feed_links(build: Build, name: str) -> list[str]:
    root = ET.parse(build.output / "feeds" / name).getroot()
    if root.tag == f"{ATOM}feed":
        return [
            link.get("href") for link in root.iter(f"{ATOM}link") if link.get("rel") == "alternate"
        ]
    return [item.findtext("link") for item in root.iter("item")]


@pytest.mark.parametrize(
    "name", ["all.atom.xml", "all.rss.xml", "privacy.atom.xml", "privacy.rss.xml"]
)
def test_feeds_parse_and_hold_the_article(published_site: Build, name: str) -> None:
    assert ARTICLE in feed_links(published_site, name)


def test_pages_advertise_the_feeds(published_site: Build) -> None:
    head = published_site.page("/").head
    types = {link["type"] for link in head.select('link[rel="alternate"]')}
    assert types == {"application/atom+xml", "application/rss+xml"}


def sitemap_locations(build: Build) -> set[str]:
    root = ET.parse(build.output / "sitemap.xml").getroot()
    return {loc.text for loc in root.iter(f"{SITEMAP}loc")}


def test_sitemap_lists_every_article_and_page(published_site: Build) -> None:
    locations = sitemap_locations(published_site)
    pages = ["", "about/", "contact/", "2012/06/", "privacy/", "cookies/", "legal-notice/"]
    # The transparency report is written last, after the audit, and is listed all the same.
    pages += ["privacy/history/", "privacy/report/"]
    expected = {ARTICLE} | {f"{SITE}/{page}" for page in pages}
    assert expected <= locations
    assert not any(loc.endswith(("404.html", "robots.txt")) for loc in locations)


def test_robots_txt_points_to_the_absolute_sitemap(published_site: Build) -> None:
    robots = (published_site.output / "robots.txt").read_text(encoding="utf-8")
    assert "User-agent: *" in robots
    assert f"Sitemap: {SITE}/sitemap.xml" in robots


def test_404_page_is_served_from_the_root_and_kept_out_of_search(published_site: Build) -> None:
    page = published_site.page("/404.html")
    assert page.find("h1").get_text() == "Page not found"
    assert page.select_one('meta[name="robots"]')["content"] == "noindex"
