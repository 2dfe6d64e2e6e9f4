"""Every page comes from our theme, is accessible in structure, and loads only from this site."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

import pytest
from sitebuild import ROOT, Build, parse_html

FOOTER = {"/privacy/", "/cookies/", "/legal-notice/", "/contact/"}
# Attributes through which a browser fetches something without a click.
LOADING_ATTRIBUTES = {
    "img": ("src", "srcset"),
    "source": ("src", "srcset"),
    "script": ("src",),
    "iframe": ("src",),
    "embed": ("src",),
    "object": ("data",),
    "video": ("src", "poster"),
    "audio": ("src",),
    "track": ("src",),
    "input": ("src",),
}
LOADING_RELS = {
    "stylesheet",
    "icon",
    "preload",
    "prefetch",
    "preconnect",
    "dns-prefetch",
    "manifest",
}


def every_page(build: Build) -> list[tuple[str, object]]:
    return [(str(p.relative_to(build.output)), parse_html(p)) for p in build.html_files()]


def test_every_page_is_rendered_by_our_base_template(site: Build) -> None:
    for name, page in every_page(site):
        skip = page.select_one("body > a.skip-link")
        assert skip is not None and skip["href"] == "#main", name
        assert page.select_one("main#main") is not None, name
        assert page.html.get("lang") == "en", name


def test_every_page_has_exactly_one_h1_and_the_landmarks(site: Build) -> None:
    for name, page in every_page(site):
        assert len(page.find_all("h1")) == 1, name
        assert page.select_one("header.site-header") and page.select_one("footer.site-footer"), name
        assert page.select_one('nav[aria-label="Main"]'), name


def test_every_page_footer_links_the_policies_and_contact(site: Build) -> None:
    for name, page in every_page(site):
        hrefs = {a["href"] for a in page.select("footer.site-footer nav a")}
        assert hrefs >= FOOTER, name


def loaded_urls(page) -> list[str]:
    urls = []
    for tag, attributes in LOADING_ATTRIBUTES.items():
        for element in page.find_all(tag):
            for attribute in attributes:
                value = element.get(attribute)
                if value:
                    urls += [part.strip().split(" ")[0] for part in value.split(",")]
    for link in page.find_all("link"):
        if LOADING_RELS & set(link.get("rel", [])):
            urls.append(link["href"])
    return urls


@pytest.mark.parametrize("which", ["site", "published_site"])
def test_no_page_loads_anything_from_another_host(which: str, request) -> None:
    build: Build = request.getfixturevalue(which)
    own_hosts = {"", "example-shop.test"}
    for name, page in every_page(build):
        for url in loaded_urls(page):
            assert (urlsplit(url).hostname or "") in own_hosts, (name, url)
    css = (build.output / "theme" / "css" / "site.css").read_text(encoding="utf-8")
    assert "@import" not in css and "url(" not in css


def test_one_stylesheet_with_dark_mode_print_and_a_system_font_stack(site: Build) -> None:
    stylesheets = {
        link["href"]
        for _, page in every_page(site)
        for link in page.select('link[rel="stylesheet"]')
    }
    assert stylesheets == {"/theme/css/site.css"}
    css = (site.output / "theme" / "css" / "site.css").read_text(encoding="utf-8")
    assert "@media (prefers-color-scheme: dark)" in css
    assert "@media print" in css
    assert "system-ui" in css
    assert ":focus-visible" in css


def test_theme_provides_every_template_pelican_renders() -> None:
    """Pelican silently falls back to its bundled theme for a missing template; we never do."""
    from pelican.settings import read_settings

    settings = read_settings(str(ROOT / "pelicanconf.py"))
    needed = {"article", "page", "category", "tag", "author", "period_archives", "pagination"}
    needed |= set(settings["DIRECT_TEMPLATES"])
    templates = Path(settings["THEME"]) / "templates"
    missing = sorted(name for name in needed if not (templates / f"{name}.html").is_file())
    assert missing == []
