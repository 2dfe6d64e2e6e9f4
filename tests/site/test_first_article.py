"""The owner's first article is published word for word, in June 2012, ending with Contact us!."""

from __future__ import annotations

from pathlib import Path

from sitebuild import Build

# The owner's original text, as handed over (a copy of shared/seed/archive-for-june-2012.txt).
SEED = Path(__file__).resolve().parent / "fixtures" / "archive-for-june-2012.txt"
ARTICLE_URL = "/2012/06/what-your-customers-keep-telling-facebook-google-and-amazon/"


def seed_paragraphs() -> tuple[str, list[str]]:
    """The seed file: the archive heading, the title, then the article's paragraphs."""
    blocks = [" ".join(b.split()) for b in SEED.read_text(encoding="utf-8").split("\n\n")]
    blocks = [b for b in blocks if b]
    assert blocks[0] == "Archive for June 2012"
    return blocks[1], blocks[2:]


def test_article_page_holds_title_and_every_paragraph_exactly(site: Build) -> None:
    title, paragraphs = seed_paragraphs()
    page = site.page(ARTICLE_URL)
    assert page.find("h1").get_text(strip=True) == title
    rendered = [" ".join(p.get_text().split()) for p in page.select(".post-body p")]
    assert rendered == paragraphs


def test_closing_contact_us_links_to_the_contact_page(site: Build) -> None:
    page = site.page(ARTICLE_URL)
    last = page.select(".post-body p")[-1]
    link = last.find("a")
    assert link is not None and link.get_text() == "Contact us!"
    assert link["href"] == "/contact/"
    assert site.file_for("/contact/").is_file()


def test_article_is_dated_june_2012_in_category_privacy(site: Build) -> None:
    page = site.page(ARTICLE_URL)
    time = page.select_one(".post header time")
    assert time["datetime"].startswith("2012-06-")
    assert page.select_one('.meta a[href="/category/privacy/"]').get_text() == "Privacy"


def test_contact_page_gives_the_owners_email_address(site: Build) -> None:
    mail = site.page("/contact/").select_one('a[href^="mailto:"]')
    assert mail is not None and "@" in mail.get_text()


def test_about_page_exists_and_is_in_the_navigation(site: Build) -> None:
    index = site.page("/")
    nav_links = [a["href"] for a in index.select("nav.site-nav a")]
    assert "/about/" in nav_links and "/contact/" in nav_links
    assert site.page("/about/").find("h1").get_text() == "About"
