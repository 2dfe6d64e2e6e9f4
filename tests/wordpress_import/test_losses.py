"""Nothing vanishes without a word: what Markdown cannot say stays HTML, what the site's Markdown
can say is written so that it renders (checked with the site's own Markdown settings), and every
change has a note for the report."""

from __future__ import annotations

import runpy
from functools import cache
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from markdown import Markdown
from sitebuild import ROOT
from wordpress_import.attachments import Attachment, Attachments
from wordpress_import.blog import Blog
from wordpress_import.body import Body, convert_body
from wordpress_import.links import OldSite
from wordpress_import.plan import plan_import
from wordpress_import.report import render_report
from wordpress_import.wxr import read_export
from wxrtools import minimal_wxr, post

SITE = OldSite("https://blog.example")


def convert(
    raw: str,
    attachments: list[Attachment] | None = None,
    footnotes: str = "",
    patterns: dict[str, str] | None = None,
) -> Body:
    blog = Blog(
        SITE, Attachments(attachments or [], address=SITE.file_url), lambda _: None, patterns or {}
    )
    return convert_body(raw, post_id="9", blog=blog, footnotes=footnotes)


@cache
def _site_markdown() -> Markdown:
    """Python-Markdown as pelicanconf.py sets it up for the site's posts."""
    settings = runpy.run_path(str(ROOT / "pelicanconf.py"))["MARKDOWN"]
    configs = settings["extension_configs"]
    return Markdown(
        extensions=list(configs), extension_configs=configs, output_format=settings["output_format"]
    )


def rendered(body: Body) -> BeautifulSoup:
    markdown = _site_markdown()
    markdown.reset()
    return BeautifulSoup(markdown.convert(body.markdown), "html.parser")


def test_sub_sup_and_strike_through_render() -> None:
    body = convert(
        "<p>H<sub>2</sub>O, E=mc<sup>2</sup>, <del>old</del> <s>gone</s> <ins>new</ins></p>"
    )
    html = rendered(body)
    assert html.find("sub").get_text() == "2" and html.find("sup").get_text() == "2"
    assert html.find("del").get_text() == "old" and html.find("s").get_text() == "gone"
    assert html.find("ins").get_text() == "new"
    assert "~~" not in body.markdown


def test_details_keep_their_summary_and_their_markdown() -> None:
    body = convert(
        "<!-- wp:details --><details class='wp-block-details'><summary>More</summary>"
        "<!-- wp:paragraph --><p>Hidden <strong>text</strong></p><!-- /wp:paragraph -->"
        "</details><!-- /wp:details -->"
    )
    details = rendered(body).find("details")
    assert details.summary.get_text() == "More"
    assert details.find("strong").get_text() == "text"


def test_block_editor_footnotes_keep_their_text() -> None:
    cite = '<sup data-fn="{id}" class="fn"><a href="#{id}" id="{id}-link">{n}</a></sup>'
    raw = (
        "<!-- wp:paragraph --><p>One"
        + cite.format(id="a1", n=1)
        + " and two"
        + cite.format(id="b2", n=2)
        + "</p><!-- /wp:paragraph --><!-- wp:footnotes /-->"
    )
    meta = '[{"id":"a1","content":"First <em>note</em>"},{"id":"b2","content":"Second"}]'
    body = convert(raw, footnotes=meta)
    html = rendered(body)
    notes = [li.get_text(" ", strip=True) for li in html.select("div.footnote li")]
    assert [n.removesuffix("↩").strip() for n in notes] == ["First note", "Second"]
    assert len(html.select("sup a.footnote-ref")) == 2
    assert "2 footnote(s) became Markdown footnotes" in body.notes


def test_a_footnote_without_its_text_is_named() -> None:
    body = convert('<p>One<sup data-fn="x" class="fn"><a href="#x">1</a></sup></p>')
    assert "footnote 1 has no text in the export; its number was left as it was" in body.notes
    assert rendered(body).find("sup").get_text() == "1"


def test_a_table_with_a_footer_stays_html_without_a_junk_row() -> None:
    body = convert(
        "<table><thead><tr><th>A</th><th>B</th></tr></thead>"
        "<tbody><tr><td>1</td><td>2</td></tr></tbody>"
        "<tfoot><tr><td>Sum</td><td>3</td></tr></tfoot></table>"
    )
    table = rendered(body).find("table")
    assert table.tfoot.get_text(" ", strip=True) == "Sum 3"
    assert "---" not in table.get_text()
    assert "a table with a footer row was kept as HTML" in " ".join(body.notes)


def test_a_bar_in_a_cell_stays_in_its_cell() -> None:
    body = convert(
        "<table><tr><th>Option</th><th>Meaning</th></tr>"
        "<tr><td>a | b</td><td>either</td></tr></table>"
    )
    cells = [td.get_text() for td in rendered(body).find_all("td")]
    assert cells == ["a | b", "either"]


def test_code_inside_a_list_item_does_not_end_the_list() -> None:
    body = convert(
        "<ol><li>Install:<pre><code>pip install x\nx --help</code></pre></li>"
        "<li>Run it</li></ol><ul><li>a<ul><li>nested</li></ul></li><li>b</li></ul>"
    )
    html = rendered(body)
    first, second = html.find("ol").find_all("li", recursive=False)
    assert first.pre.get_text() == "pip install x\nx --help\n"
    assert second.get_text(strip=True) == "Run it"
    bullets = html.find("ul")
    assert [li.find(string=True).strip() for li in bullets.find_all("li", recursive=False)] == [
        "a",
        "b",
    ]
    assert bullets.find("ul").li.get_text() == "nested"


def test_lists_one_after_another_stay_apart_and_keep_their_numbers() -> None:
    body = convert('<ul><li>a</li></ul><ol start="4"><li>four</li><li>five</li></ol>')
    html = rendered(body)
    assert html.find("ul").get_text(strip=True) == "a"
    assert html.find("ol")["start"] == "4"


@pytest.mark.parametrize(
    "raw",
    [
        "[audio https://blog.example/wp-content/uploads/s.mp3]",
        "[audio https://blog.example/wp-content/uploads/s.mp3|titles=Song|artists=Us]",
        "[audio]https://blog.example/wp-content/uploads/s.mp3[/audio]",
        '[audio mp3="https://blog.example/wp-content/uploads/s.mp3"]',
        "[audio]",  # the post's own uploaded audio, as WordPress plays it
    ],
)
def test_every_audio_shortcode_form_keeps_its_file(raw: str) -> None:
    upload = Attachment("3", "https://blog.example/wp-content/uploads/s.mp3", "Song", "9")
    body = convert(raw, [upload])
    assert rendered(body).find("source")["src"] == "/wp-content/uploads/s.mp3"
    assert body.files == {
        "https://blog.example/wp-content/uploads/s.mp3": "/wp-content/uploads/s.mp3"
    }


def test_a_video_shortcode_with_a_plain_url_keeps_its_file() -> None:
    body = convert("[video https://blog.example/wp-content/uploads/clip.mp4]")
    assert rendered(body).find("video").source["src"] == "/wp-content/uploads/clip.mp4"


def test_an_audio_shortcode_with_nothing_to_play_is_named() -> None:
    assert convert("[audio]").notes == [
        "an [audio] shortcode named no file, nor has the post any audio file uploaded; "
        "it was left out"
    ]


def test_a_verse_keeps_its_lines_and_its_emphasis() -> None:
    body = convert(
        '<!-- wp:verse --><pre class="wp-block-verse">Roses are <em>red</em>\n'
        "Violets are blue</pre><!-- /wp:verse -->"
    )
    verse = rendered(body).find("p")
    assert verse.em.get_text() == "red" and verse.br is not None
    assert verse.get_text() == "Roses are red\nViolets are blue"


def test_line_breaks_in_classic_text_stay_line_breaks() -> None:
    body = convert("<address>1 Main Street\nSpringfield</address>\n\n<ul>\n<li>a\nb</li>\n</ul>")
    html = rendered(body)
    assert html.find(string="1 Main Street").find_next("br") is not None
    assert html.find("li").br is not None


def test_blocks_that_wordpress_filled_in_are_named_and_reusable_blocks_put_in_place() -> None:
    raw = (
        '<!-- wp:latest-posts {"postsToShow":3} /--><!-- wp:search {"label":"Search"} /-->'
        '<!-- wp:block {"ref":77} /--><!-- wp:block {"ref":78} /-->'
    )
    body = convert(raw, patterns={"77": "<!-- wp:paragraph --><p>Opening hours</p>"})
    assert rendered(body).get_text(strip=True) == "Opening hours"
    assert body.notes == [
        "a reusable block (wp_block 78) is not in the export; it was left out",
        "left out blocks that WordPress filled in each time the page was shown "
        "(latest-posts, search): the export holds nothing of them",
    ]


@pytest.mark.parametrize(
    ("attachment", "alt", "source"),
    [
        (
            Attachment(
                "3",
                "https://blog.example/wp-content/uploads/shop.jpg",
                "Shop",
                "9",
                "Our shop at night",
            ),
            "Our shop at night",
            "the media library's alternative text",
        ),
        (
            Attachment("3", "https://blog.example/wp-content/uploads/shop.jpg", "The shop", "9"),
            "The shop",
            "the title of its upload",
        ),
        (None, "shop front 2", "its file name"),
    ],
)
def test_an_image_without_alt_text_gets_one_and_the_report_says_whence(
    attachment: Attachment | None, alt: str, source: str
) -> None:
    name = "shop-300x200.jpg" if attachment else "shop_front-2-300x200.jpg"
    body = convert(
        f'<img src="https://blog.example/wp-content/uploads/{name}" alt="">',
        [attachment] if attachment else [],
    )
    assert rendered(body).find("img")["alt"] == alt
    assert body.notes == [
        f"an image (/wp-content/uploads/{name}) had no alt text; "
        f"it is “{alt}” now, from {source}: describe the picture in a few words where that "
        "says too little"
    ]


def test_an_element_reduced_to_its_text_is_named() -> None:
    body = convert("<p>Area: <math><mi>r</mi><mo>²</mo></math></p>")
    assert "kept only the text of 1 <math> element(s), which Markdown has no form for" in body.notes


def test_what_the_site_has_no_place_for_is_named_in_the_report(tmp_path: Path) -> None:
    """A sticky flag, a post format, another taxonomy's terms, a page's categories, custom and
    hidden fields, the tagline, term descriptions, the page tree, unused uploads and reusable
    blocks: each has its line. A post's old slugs (_wp_old_slug) keep leading to it."""
    field = (
        "<wp:postmeta><wp:meta_key>{}</wp:meta_key><wp:meta_value>{}</wp:meta_value></wp:postmeta>"
    )
    extras = "".join(
        [
            "<wp:is_sticky>1</wp:is_sticky>",
            '<category domain="post_format" nicename="post-format-aside">Aside</category>',
            '<category domain="product_cat" nicename="bread">Bread</category>',
            field.format("Post by", "Ana"),
            field.format("_edit_last", "1"),
            field.format("_oembed_" + "0123456789abcdef" * 2, "{}"),
            field.format("_wp_old_slug", "first-name"),
        ]
    )
    content = '<img src="/wp-content/uploads/a.jpg" alt="A"><!-- wp:block {"ref":7} /-->'
    items = (
        post(1, content=content).replace("</item>", extras + "</item>")
        + post(2, title="About", post_type="page")
        + post(3, title="Team", post_type="page").replace(
            "<wp:post_parent>0<", "<wp:post_parent>2<"
        )
        + "".join(
            f"<item><title>{name}</title><wp:post_id>{n}</wp:post_id><wp:post_type>attachment"
            f"</wp:post_type><wp:attachment_url>https://blog.example/wp-content/uploads/{name}"
            "</wp:attachment_url></item>"
            for n, name in ((4, "a.jpg"), (5, "unused.jpg"))
        )
        + "".join(
            f"<item><title>{name}</title><wp:post_id>{n}</wp:post_id><wp:post_type>wp_block"
            f"</wp:post_type><content:encoded>{text}</content:encoded></item>"
            for n, name, text in ((6, "Old hours", "Shut"), (7, "Hours", "Open 7 to 18"))
        )
    )
    channel = (
        "<description>Fresh every day</description><wp:category><wp:term_id>3</wp:term_id>"
        "<wp:category_nicename>news</wp:category_nicename><wp:cat_name>News</wp:cat_name>"
        "<wp:category_description>All our news</wp:category_description></wp:category>"
    )
    export = tmp_path / "export.xml"
    export.write_text(minimal_wxr(items, channel_extra=channel), encoding="utf-8")
    plan = plan_import(read_export(export))
    report = render_report(plan, "content")
    post_notes = report.split("### “A post” → content/articles/post-1.md\n")[1].split("\n\n")[0]
    assert post_notes.splitlines() == [
        "- was sticky in WordPress (kept at the top of the front page); posts here are listed "
        "newest first",
        "- had the post format “Aside”, which the old theme showed in a style of its own; a post "
        "here looks like every other",
        "- its terms of the taxonomy “product_cat” “Bread” were left out: the site has "
        "categories and tags only",
    ]
    assert "- its categories “News” were left out: a page here has none" in report
    not_imported = report.split("## Not imported\n\n")[1].splitlines()
    assert not_imported == [
        "- the blog's title “Test blog” and tagline “Fresh every day”: the site's name comes "
        "from content/privacy.yml (site.name), its tagline from SITESUBTITLE in pelicanconf.py",
        "- the descriptions of 1 categories and tags: the site's category and tag pages list "
        "their posts only",
        "- 1 uploaded file(s) that no imported post or page shows (such as unused.jpg): not "
        "listed under Files to copy; copy them under content/wp-content/uploads/ too if you "
        "want them on the site",
        "- 1 reusable block(s) that no imported post uses (such as “Old hours”): those in use "
        "are put in place in the posts",
        "- custom fields, which some themes show beside a post: “Post by” (1 post(s)); copy "
        "into a post's text what its readers should see",
        "- 2 kind(s) of hidden field that WordPress and its plugins keep on posts (such as "
        "_edit_last, _oembed_…): settings of the old site, not content",
        "- the page tree: 1 page(s) sat under a parent page; here every page is at /its-slug/, "
        "and their old nested addresses redirect there",
    ]
    assert "Open 7 to 18" in plan.documents[0].text
    for old in ("/2012/06/first-name/", "/2012/06/28/first-name/"):
        assert plan.redirects.entries[old].target == "{filename}/articles/post-1.md", old


def test_a_featured_image_that_no_cover_can_be_is_named_and_still_listed(tmp_path: Path) -> None:
    """The pictures plugin stops the build on a cover that is no JPEG, PNG, WebP or AVIF (a
    GIF is a common featured image): no Image:, a note, and the file still to copy."""
    thumbnail = (
        "<wp:postmeta><wp:meta_key>_thumbnail_id</wp:meta_key><wp:meta_value>4</wp:meta_value>"
        "</wp:postmeta></item>"
    )
    items = post(1).replace("</item>", thumbnail) + (
        "<item><title>anim</title><wp:post_id>4</wp:post_id><wp:post_type>attachment"
        "</wp:post_type><wp:attachment_url>https://blog.example/wp-content/uploads/anim.gif"
        "</wp:attachment_url></item>"
    )
    export = tmp_path / "export.xml"
    export.write_text(minimal_wxr(items), encoding="utf-8")
    plan = plan_import(read_export(export))
    assert "\nImage:" not in plan.documents[0].text
    assert plan.documents[0].notes == [
        "its featured image (/wp-content/uploads/anim.gif) is no JPEG, PNG, WebP or AVIF "
        "picture, which a cover here must be, so it has no cover: convert the file (listed "
        "under Files to copy) to one and name it in Image:"
    ]
    assert plan.files["https://blog.example/wp-content/uploads/anim.gif"].used_by == ["“A post”"]
