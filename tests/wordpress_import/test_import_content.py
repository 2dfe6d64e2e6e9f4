"""Importing the realistic fixture: what each post and page becomes, and what the report says."""

from __future__ import annotations

from pathlib import Path

import pytest
from wxrtools import FIXTURE, run_import


@pytest.fixture(scope="module")
def imported(tmp_path_factory: pytest.TempPathFactory) -> Path:
    site = tmp_path_factory.mktemp("imported")
    result = run_import(FIXTURE, cwd=site)
    assert result.returncode == 0, result.stderr
    (site / "console.txt").write_text(result.stdout)
    return site


def read(site: Path, relative: str) -> tuple[dict[str, str], str]:
    """Metadata and body of a Markdown file, split the way Pelican splits them."""
    head, _, body = (site / "content" / relative).read_text(encoding="utf-8").partition("\n\n")
    meta = dict(line.split(": ", 1) for line in head.splitlines())
    return meta, body


def test_metadata_of_a_post_is_kept(imported: Path) -> None:
    meta, _ = read(imported, "articles/why-we-left-the-big-networks.md")
    assert meta == {
        "Title": "Why we left the big networks behind",
        "Date": "2012-06-28 10:15",
        "Author": "Jane Müller",
        "Category": "Privacy",
        "Tags": "customers, Shop news",
        "Slug": "why-we-left-the-big-networks",
        "Status": "published",
    }


def test_excerpt_becomes_the_summary_and_entities_are_decoded(imported: Path) -> None:
    meta, _ = read(imported, "articles/the-week-in-video.md")
    assert meta["Summary"] == "Three **videos** we liked, & why."
    meta, _ = read(imported, "articles/cafe-culture-and-privacy.md")
    assert meta["Title"] == "Café culture & privacy: a love story"
    assert meta["Tags"] == "café, customers"


def test_drafts_stay_drafts_and_private_posts_are_not_published(imported: Path) -> None:
    draft, body = read(imported, "articles/ideas-for-the-autumn-catalogue.md")
    assert draft["Status"] == "draft"
    assert "Date" not in draft  # WordPress wrote 0000-00-00 for the unsaved date
    assert "knitted phone pouches" in body
    assert read(imported, "articles/staff-notes.md")[0]["Status"] == "draft"
    assert read(imported, "pages/shipping.md")[0]["Status"] == "draft"


def test_trash_revisions_menus_and_comments_are_left_out(imported: Path) -> None:
    written = {p.name for p in (imported / "content").rglob("*.md")}
    assert not any("spam" in name or "revision" in name or name == "home.md" for name in written)
    report = (imported / "wordpress-import-report.md").read_text()
    assert "“Spam we deleted” (WordPress status “trash”)" in report
    assert "1 comment(s): comments are not imported" in report
    assert "Great move!" not in "".join(p.read_text() for p in (imported / "content").rglob("*.*"))


def test_wpautop_lists_and_code_survive(imported: Path) -> None:
    _, body = read(imported, "articles/cookie-banners-are-not-consent.md")
    assert "## What the law says" in body
    assert "is not consent.  \nConsent must be given freely" in body  # single newline: <br>
    assert "> Silence, pre-ticked boxes" in body
    assert "```\nif (consent) {\n    loadTracker();\n}\n```" in body
    assert "| “OK” only | No |" in body


def test_unicode_and_entities_come_through(imported: Path) -> None:
    meta, body = read(imported, "articles/привет-мир.md")
    assert meta["Title"] == "Привет, мир: our shop now ships to Kyiv"
    assert meta["Slug"] == "привет-мир"
    assert "Ми відправляємо до Києва. Ελληνικά too: καλημέρα! 日本語も少し。 Emoji stay: 🎉" in body
    assert "Questions? &lt;Write to us> & we answer within a day. 5 < 6 is still true." in body
    _, body = read(imported, "articles/cafe-culture-and-privacy.md")
    assert "they\u2019d want a Facebook page. Prices start at 12\xa0€." in body


def test_shortcodes_become_markdown(imported: Path) -> None:
    _, body = read(imported, "articles/cafe-culture-and-privacy.md")
    caption = (
        "[![The roastery in Zürich](/wp-content/uploads/2012/07/roastery-640x480.jpg)]"
        "(/wp-content/uploads/2012/07/roastery.jpg)\n\n*The roastery, early in the morning*"
    )
    assert caption in body
    assert "![roastery](/wp-content/uploads/2012/07/roastery.jpg)" in body  # [gallery ids=...]
    assert "![Beans drying in the sun](/wp-content/uploads/2012/07/beans.jpg)" in body
    assert '<audio controls=""><source src="/wp-content/uploads/2012/07/interview.mp3"/>' in body
    _, body = read(imported, "articles/the-week-in-video.md")
    assert "we type [gallery]." in body  # [[gallery]] is WordPress's escape for a literal
    assert '[contact-form-7 id="42" title="Newsletter"]' in body  # unknown: kept, reported


@pytest.mark.parametrize(
    "watch_url",
    [
        "https://www.youtube.com/watch?v=dQw4w9WgXcQ",  # <iframe> oEmbed
        "https://vimeo.com/76979871",  # [vimeo ID]
        "https://www.youtube.com/watch?v=9bZkp7q19f0",  # bare URL on its own line
        "https://www.youtube.com/watch?v=kJQP7kiw5Fk",  # [embed]URL[/embed]
        "https://www.youtube.com/watch?v=JGwWNGJdvx8",  # [youtube=URL&w=...]
    ],
)
def test_every_video_form_becomes_a_card_link_alone_on_its_line(
    imported: Path, watch_url: str
) -> None:
    _, body = read(imported, "articles/the-week-in-video.md")
    assert f"\n<{watch_url}>\n" in f"\n{body}"


def test_no_tracker_is_left_in_any_imported_file(imported: Path) -> None:
    everything = "".join(p.read_text() for p in (imported / "content").rglob("*.md"))
    for tracker in (
        "gravatar.com",
        "pixel.wp.com",
        "facebook.com/tr",
        "fonts.googleapis.com",
        "platform.twitter.com",
        "twitter.com/share",
        "sharedaddy",
        "<iframe",
        "<script",
        "youtube.com/embed",
        "player.vimeo.com",
        "srcset",
        "<noscript",
    ):
        assert tracker not in everything, tracker
    _, body = read(imported, "articles/cafe-culture-and-privacy.md")
    flickr = "[Image: A café in Vienna (farm1.staticflickr.com)](https://farm1.staticflickr.com/"
    assert flickr in body  # a link, never loaded


def test_links_to_old_posts_point_at_the_imported_files(imported: Path) -> None:
    _, body = read(imported, "articles/why-we-left-the-big-networks.md")
    assert "[our post about café culture]({filename}/articles/cafe-culture-and-privacy.md)" in body
    assert "[week in video]({filename}/articles/the-week-in-video.md)" in body  # was ?p=31
    assert "[Contact us!](/contact/)" in body


def test_pages_go_to_pages_and_the_site_own_pages_win(imported: Path) -> None:
    assert read(imported, "pages/about.md")[0]["Status"] == "published"
    assert read(imported, "pages/team.md")[0]["Slug"] == "team"
    old_contact, _ = read(imported, "pages/wordpress-contact.md")
    old_policy, body = read(imported, "pages/wordpress-privacy-policy.md")
    assert old_contact["Status"] == old_policy["Status"] == "draft"
    assert "We use Google Analytics." in body  # kept for the owner to read, never published


def test_report_lists_every_change_post_by_post_and_the_files_to_copy(imported: Path) -> None:
    report = (imported / "wordpress-import-report.md").read_text()
    console = (imported / "console.txt").read_text()
    assert report in console  # the owner sees the same on screen
    section = report.split("### “Café culture & privacy: a love story”")[1].split("###")[0]
    for change in (
        "removed a web-font stylesheet from fonts.googleapis.com",
        "removed a <style> block that imported Google Fonts",
        "removed a <noscript> block (usually a tracking pixel)",
        "removed a script from platform.twitter.com",
        "removed share buttons (twitter.com)",
        "showed an image from farm1.staticflickr.com as a link instead of loading it",
        "gallery of 2 image(s) became a list of images",
    ):
        assert f"- {change}" in section
    section = report.split("### “Why we left the big networks behind”")[1].split("###")[0]
    assert "- removed a Gravatar image" in section
    assert "- removed a tracking pixel from pixel.wp.com" in section
    assert "- removed share buttons (sharedaddy sd-sharing-enabled)" in section
    assert (
        "- https://www.discreet-goods.example/wp-content/uploads/2012/07/interview.mp3 → "
        "content/wp-content/uploads/2012/07/interview.mp3 (used by “Café culture & privacy: "
        "a love story”)" in report
    )
    assert "Permalink structure of the old posts: /%year%/%monthnum%/%postname%/ (5 of 5" in report


def test_redirect_table_records_every_old_form(imported: Path) -> None:
    import yaml

    table = yaml.safe_load((imported / "content" / "redirects.yml").read_text())
    video = "{filename}/articles/the-week-in-video.md"
    assert table["/2012/07/the-week-in-video/"] == video
    assert table["/2012/07/13/the-week-in-video/"] == video
    assert table["/?p=31"] == video
    assert table["/2013/01/привет-мир/"] == "{filename}/articles/привет-мир.md"
    assert table["/?page_id=2"] == "{filename}/pages/about.md"
    assert table["/about/team/"] == "{filename}/pages/team.md"
    assert table["/privacy-policy/"] == "/privacy/"
    assert table["/category/privacy-matters/gdpr/"] == "{category}GDPR & the law"
    assert table["/category/shop-news/"] == "{category}Shop news"
    assert table["/tag/café/"] == "{tag}café"
    assert table["/feed/"] == "{feed}rss"
    assert table["/feed/atom/"] == "{feed}atom"
    assert table["/2012/07/02/"] == "/2012/07/"
    assert table["/?m=201207"] == "/2012/07/"
    assert table["/2012/07/cafe-culture-and-privacy/roastery/"] == (
        "{filename}/articles/cafe-culture-and-privacy.md"
    )
    assert table["/?attachment_id=102"] == "{filename}/articles/cafe-culture-and-privacy.md"
    assert table["/author/jane/"] == "{author}Jane Müller"
    assert not any("staff-notes" in key for key in table)  # private: never public, no redirect
