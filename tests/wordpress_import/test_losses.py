"""Nothing vanishes without a word: what Markdown cannot say stays HTML, what the site's Markdown
can say is written so that it renders (checked with the site's own Markdown settings), and every
change has a note for the report."""

from __future__ import annotations

import runpy
from functools import cache

import pytest
from bs4 import BeautifulSoup
from markdown import Markdown
from sitebuild import ROOT
from wordpress_import.attachments import Attachment, Attachments
from wordpress_import.blog import Blog
from wordpress_import.body import Body, convert_body
from wordpress_import.links import OldSite

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
